"""Content-type checks shared by routers whose bodies are JSON."""

from __future__ import annotations

import email.message

from fastapi import Request

from clearlane.api.deps import CurrentUser, Principal, Require
from clearlane.api.errors import ApiError
from clearlane.api.permissions import Permission

_WITH_BODY = {"POST", "PUT", "PATCH"}


def is_json(content_type: str | None) -> bool:
    if not content_type:
        return False
    message = email.message.Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


async def require_json(request: Request) -> None:
    """415 for a request body that is not declared as JSON (a router-level dependency).

    FastAPI would read such a body as bytes and answer "Input should be a valid dictionary",
    which does not tell the client what to change.
    """
    if request.method not in _WITH_BODY:
        return
    content_type = request.headers.get("content-type")
    if is_json(content_type):
        return
    if not content_type and not await request.body():
        return  # no body at all: the route's own validation names what is missing
    raise ApiError(
        415,
        f"the body must be JSON sent as Content-Type: application/json, not "
        f"{content_type or 'a body without a content type'}",
    )


class RequireJson:
    """``Depends(RequireJson(Permission.X))``: like :class:`~clearlane.api.deps.Require`, then
    the JSON content-type check, so a client learns 401/403 before 415."""

    def __init__(self, permission: Permission) -> None:
        self.permission = permission
        self._require = Require(permission)

    async def __call__(self, request: Request, user: CurrentUser) -> Principal:
        user = await self._require(user)
        await require_json(request)
        return user
