"""One JSON shape for every error: ``{"error": {"status", "code", "message", "fields"}}``.

Validation errors name each field (``body.items[0].hs_code``); nothing a client sends may
produce a 500 (the catch-all handler exists for bugs, and tests hunt for them).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from clearlane.errors import DomainError

log = logging.getLogger("clearlane.api")

_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    503: "unavailable",
}


class ErrorField(BaseModel):
    field: str
    message: str


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    fields: list[ErrorField]


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


_DESCRIPTIONS = {
    400: "Bad request",
    401: "Not signed in, or the token is not valid",
    403: "Signed in, but the role may not do this",
    404: "Not found",
    409: "Conflicts with the stored state",
    413: "The request body is too large",
    415: "The body is not of a supported content type",
    422: "Validation error: `fields` names each offending field",
    429: "Too many requests",
    503: "Overloaded: every store connection is in use; retry after `Retry-After` seconds",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` documenting the error shape for ``statuses``."""
    return {
        status: {"model": ErrorResponse, "description": _DESCRIPTIONS.get(status, "Error")}
        for status in statuses
    }


class ApiError(Exception):
    """Raised by routes and services of the API layer; rendered as the JSON error shape."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        fields: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or _CODES.get(status, "error")
        self.fields = fields or []
        self.headers = headers


def error_body(
    status: int, message: str, code: str | None = None, fields: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    return {
        "error": {
            "status": status,
            "code": code or _CODES.get(status, "error"),
            "message": message,
            "fields": fields or [],
        }
    }


def field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    fields = [
        {"field": field_name(err.get("loc", ())), "message": str(err.get("msg", ""))}
        for err in exc.errors()
    ]
    first = fields[0] if fields else {"field": "body", "message": "invalid"}
    more = f" (and {len(fields) - 1} more)" if len(fields) > 1 else ""
    message = f"{first['field']}: {first['message']}{more}"
    return JSONResponse(error_body(422, message, fields=fields), status_code=422)


def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return JSONResponse(
        error_body(exc.status, exc.message, exc.code, exc.fields),
        status_code=exc.status,
        headers=exc.headers,
    )


STATUS_OF_KIND = {"not_found": 404, "conflict": 409, "invalid": 422, "forbidden": 403}


def domain_error(exc: DomainError, *, prefix: str = "body") -> ApiError:
    """The API error for a domain refusal: its kind gives the status; each field at fault
    (:meth:`DomainError.field_errors`) is named under ``prefix`` (``body``, ``query``,
    ``path``) unless it already names its place."""
    status = STATUS_OF_KIND.get(exc.kind, 422)
    fields = [
        {"field": _placed(error["field"], prefix), "message": error["message"]}
        for error in exc.field_errors()
    ]
    return ApiError(status, exc.message, code=exc.code, fields=fields)


def _placed(field: str, prefix: str) -> str:
    head = field.split(".")[0].split("[")[0]
    return field if head in ("body", "query", "path") else f"{prefix}.{field}"


def _place(request: Request) -> str:
    """Where a domain error's fields were sent: in the body, or in the query for a request
    without one (``GET /api/fairness?by=...``)."""
    has_body = request.headers.get("content-length", "0") not in ("", "0") or (
        "transfer-encoding" in request.headers
    )
    return "body" if has_body else "query"


def _domain(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    return _api_error(request, domain_error(exc, prefix=_place(request)))


def _http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    return JSONResponse(
        error_body(exc.status_code, message),
        status_code=exc.status_code,
        headers=getattr(exc, "headers", None),
    )


#: Seconds a client is told to wait after a 503 for want of a store connection.
RETRY_AFTER_BUSY = 2


def busy_error() -> ApiError:
    """The answer when no store connection came free within the pool timeout
    (``CLEARLANE_DB_POOL_TIMEOUT``): an overload, which passes, so 503 with ``Retry-After``
    rather than a 500 (nothing is broken; the request did nothing)."""
    return ApiError(
        503,
        "the server is overloaded: every database connection stayed in use for the pool "
        f"timeout; retry after {RETRY_AFTER_BUSY} s",
        headers={"Retry-After": str(RETRY_AFTER_BUSY)},
    )


def _pool_timeout(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, PoolTimeout)
    log.warning("no store connection for %s %s: %s", request.method, request.url.path, exc)
    return _api_error(request, busy_error())


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # exc_info=exc: the handler may run where sys.exc_info() is empty (a worker thread)
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(
        error_body(500, "internal error: the server logged the details", "internal_error"),
        status_code=500,
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(DomainError, _domain)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(PoolTimeout, _pool_timeout)
    app.add_exception_handler(Exception, _unexpected)
