"""Request bodies: the content type a route expects, checked before the body is parsed, so a
client that sends the wrong kind gets 415 with what was expected instead of a confusing 422."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import Depends, Request

from clearlane.api.errors import ApiError


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


async def json_content(request: Request) -> None:
    """Dependency: the body must be JSON (``application/json`` or ``*/*+json``)."""
    media_type = _media_type(request)
    if not is_json(media_type):
        raise ApiError(
            415,
            f"send the body as application/json (got {media_type or 'no content type'})",
        )


async def multipart_content(request: Request) -> None:
    """Dependency: the body must be ``multipart/form-data`` (file uploads)."""
    media_type = _media_type(request)
    if media_type != "multipart/form-data":
        raise ApiError(
            415,
            "upload the file as multipart/form-data with a 'file' part "
            f"(got {media_type or 'no content type'})",
        )


async def read_json(request: Request) -> Any:
    """The body parsed as JSON; 415 for another content type, 422 naming the position of a
    syntax error."""
    await json_content(request)
    raw = await request.body()
    if not raw.strip():
        raise ApiError(422, "body: the request body is empty", fields=[_field("body", "empty")])
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        message = f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise ApiError(422, f"body: {message}", fields=[_field("body", message)]) from exc


def _field(name: str, message: str) -> dict[str, str]:
    return {"field": name, "message": message}


# As endpoint parameters placed after the signed-in user, so that a client learns 401/403
# before 415 (route-level ``dependencies`` would run first).
JsonBody = Annotated[None, Depends(json_content)]
MultipartBody = Annotated[None, Depends(multipart_content)]
