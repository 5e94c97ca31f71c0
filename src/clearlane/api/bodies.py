"""Request bodies: the content type a route expects, so a client that sends the wrong kind gets
415 with what was expected instead of a confusing 422 (JSON is recognised as in
:mod:`clearlane.api.content`), and the submit route's own JSON parsing."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import Depends, Request

from clearlane.api.content import is_json
from clearlane.api.errors import ApiError
from clearlane.api.guards import PARSED_JSON
from clearlane.core.bounds import (
    duplicate_key_in,
    json_text_problem,
    loads_marking_duplicates,
    may_repeat_keys,
)


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def json_content(request: Request) -> None:
    """Dependency: the body must be JSON (``application/json`` or ``*/*+json``)."""
    media_type = _media_type(request)
    if not is_json(request.headers.get("content-type")):
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
    syntax error, a NUL character, nesting deeper than the bound or a repeated key."""
    return await _read(request, repeats=True)


async def read_json_marked(request: Request) -> tuple[Any, Any | None]:
    """:func:`read_json` for a route that reports a repeated key itself, where it is (listed
    in :data:`clearlane.api.guards.REPORTS_REPEATS`): the body parsed, and when a key repeats
    the body as :func:`~clearlane.core.bounds.loads_marking_duplicates` reads it (for
    :func:`~clearlane.core.bounds.duplicate_key`), else None."""
    raw = await request.body()
    value = await _read(request, repeats=False)
    if not may_repeat_keys(raw, value):
        return value, None
    try:
        marked, repeated = loads_marking_duplicates(raw)
    except (ValueError, RecursionError):  # orjson read it and the bounds hold: not expected
        return value, None
    return value, marked if repeated else None


async def _read(request: Request, *, repeats: bool) -> Any:
    await json_content(request)
    raw = await request.body()
    if not raw.strip():
        raise ApiError(422, "body: the request body is empty", fields=[_field("body", "empty")])
    checked = request.scope.pop(PARSED_JSON, None)  # parsed and checked by HostileInput
    if checked is not None and checked[0] == raw:
        return checked[1]
    return parse_json(raw, repeats=repeats)


def parse_json(raw: bytes | str, where: str = "body", *, repeats: bool = True) -> Any:
    """``raw`` parsed as JSON and checked against :func:`clearlane.core.bounds.json_problem`
    (nesting depth, NUL characters) before any code walks it, and (unless ``repeats`` is
    False) for a key repeated in an object (:func:`clearlane.core.bounds.duplicate_key_in`);
    422 naming the place."""
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        message = f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise ApiError(422, f"{where}: {message}", fields=[_field(where, message)]) from exc
    problem = json_text_problem(raw, value, where)
    if problem is None and repeats:
        problem = duplicate_key_in(raw, where, value)
    if problem is not None:
        path, message = problem
        raise ApiError(422, f"{path}: {message}", fields=[_field(path, message)])
    return value


def _field(name: str, message: str) -> dict[str, str]:
    return {"field": name, "message": message}


# As endpoint parameters placed after the signed-in user, so that a client learns 401/403
# before 415 (route-level ``dependencies`` would run first).
JsonBody = Annotated[None, Depends(json_content)]
MultipartBody = Annotated[None, Depends(multipart_content)]
