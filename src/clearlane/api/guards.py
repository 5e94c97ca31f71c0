"""Two ASGI middlewares around every route, API and UI alike.

:class:`HostileInput` refuses, before any route or database sees them, the inputs that once
produced 500s: a NUL character in the path, the query string or a form field (PostgreSQL
cannot store it in text; 400), and JSON bodies nested deeper than
:data:`~clearlane.core.bounds.MAX_JSON_DEPTH`, holding ``\\u0000`` or repeating a key in an
object (``{"reference": "A", "reference": "B"}``, which parsers silently read as "B"): 422
naming the place, as :func:`clearlane.api.bodies.parse_json` does; and a compressed body
(``Content-Encoding`` other than identity: no route decompresses; 415 naming the header).

:class:`SecurityHeaders` adds the browser-side protections to every response: a
Content-Security-Policy allowing only this origin's scripts, styles, images and connections
(the UI loads nothing from elsewhere and has no inline script; ``style`` attributes, which
draw the score bars, are allowed, ``<style>`` elements are not), no framing, no MIME sniffing,
no referrer sent to other sites.
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clearlane.api.errors import error_body
from clearlane.core.bounds import NUL_MESSAGE, duplicate_key_in, json_text_problem

#: A request body is read as sent: a compressed one would be parsed as its compressed bytes
ENCODING_MESSAGE = (
    "{!r} is not supported: send the body uncompressed (no Content-Encoding, or identity)"
)

#: Routes that report a repeated key themselves, where it is: the submit route quarantines
#: the one declaration of a batch that repeats a key (a batch answers one result per
#: declaration) instead of refusing the whole request
#: (:func:`clearlane.api.bodies.read_json_marked`).
REPORTS_REPEATS = frozenset({("POST", "/api/declarations")})

#: The scope key under which :class:`HostileInput` leaves a JSON body it parsed and found
#: acceptable, with the body's bytes: (body, value). :func:`clearlane.api.bodies.read_json`
#: takes it instead of parsing and walking the same body again.
PARSED_JSON = "clearlane.parsed_json"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# /docs (Swagger UI) needs its own inline bootstrap script; it is served by FastAPI.
DOCS_CSP = (
    CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline' https:")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline' https:")
    .replace("img-src 'self' data:", "img-src 'self' data: https:")
)
HEADERS = [
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


def _has_nul(raw: bytes) -> bool:
    return b"\x00" in raw or b"\x00" in unquote_to_bytes(raw)


async def _respond(send: Send, status: int, message: str, field: str | None = None) -> None:
    fields = [{"field": field, "message": message}] if field else []
    body = orjson.dumps(
        error_body(status, f"{field}: {message}" if field else message, fields=fields)
    )
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, wanted: bytes) -> str:
    for name, value in scope.get("headers") or []:
        if name == wanted:
            return str(value.decode("latin-1"))
    return ""


def _media_type(scope: Scope) -> str:
    return _header(scope, b"content-type").split(";")[0].strip().lower()


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


class HostileInput:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw_path = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
        if "\x00" in scope.get("path", "") or _has_nul(raw_path):
            await _respond(send, 400, f"path: {NUL_MESSAGE}")
            return
        if _has_nul(scope.get("query_string") or b""):
            await _respond(send, 400, f"query string: {NUL_MESSAGE}")
            return
        encoding = _header(scope, b"content-encoding").strip().lower()
        if encoding not in ("", "identity") and scope.get("method") not in ("GET", "HEAD"):
            await _respond(send, 415, ENCODING_MESSAGE.format(encoding), "header.content-encoding")
            return
        media_type = _media_type(scope)
        if media_type != "application/x-www-form-urlencoded" and not _is_json(media_type):
            await self.app(scope, receive, send)
            return
        body, replay = await _buffer(receive)
        if media_type == "application/x-www-form-urlencoded":
            if _has_nul(body.replace(b"+", b" ")):
                await _respond(send, 400, f"form field: {NUL_MESSAGE}")
                return
        elif body.strip():
            try:
                parsed = orjson.loads(body)
            except orjson.JSONDecodeError:
                parsed = None  # the route reports the syntax error where it parses
            problem = json_text_problem(body, parsed) if parsed is not None else None
            reports = (scope.get("method"), scope.get("path")) in REPORTS_REPEATS
            if problem is None and parsed is not None and not reports:
                # orjson keeps a repeated key's last value: counted, and parsed again if need be
                problem = duplicate_key_in(body, parsed=parsed)
            if problem is not None:
                await _respond(send, 422, problem[1], problem[0])
                return
            if parsed is not None:
                scope = {**scope, PARSED_JSON: (body, parsed)}
        await self.app(scope, replay, send)


async def _buffer(receive: Receive) -> tuple[bytes, Receive]:
    """The whole body (already bounded by the body-size limit outside) and a ``receive`` that
    hands it to the app again."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        csp = DOCS_CSP if path in ("/docs", "/redoc") or path.startswith("/docs/") else CSP

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                names = {name.lower() for name, _ in headers}
                extra = [(b"content-security-policy", csp.encode()), *HEADERS]
                headers.extend((name, value) for name, value in extra if name not in names)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
