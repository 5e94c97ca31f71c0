"""One base for the errors domain functions raise on purpose.

A :class:`DomainError` says what kind of refusal it is (``kind``) and which input is at fault
(``field``, None when the stored state is what forbids it). When several inputs are at fault
at once (a profile with three bad fields), ``errors`` lists each as ``{"field", "message"}``
and ``message`` sums them up. The API maps the kind to a status in one exception handler
(not_found 404, conflict 409, invalid 422, forbidden 403) and renders ``errors`` (or the one
``field``) as the ``fields`` of its error body, and a subclass's ``code`` (a stable name for
one refusal, such as ``integrity_error``) as its ``code`` instead of the kind's; the CLI prints
the message. Domain code never chooses HTTP statuses.
"""

from __future__ import annotations

from typing import Literal, TypedDict

Kind = Literal["not_found", "conflict", "invalid", "forbidden"]


class FieldError(TypedDict):
    """One input at fault: ``field`` as ``conditions[1].min`` (no HTTP prefix)."""

    field: str
    message: str


class DomainError(Exception):
    """A refusal by a domain function; ``str(error)`` is the message for people."""

    kind: Kind = "invalid"
    code: str | None = None  # a stable name for this refusal; None: the kind's

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        kind: Kind | None = None,
        errors: list[FieldError] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.errors: list[FieldError] = list(errors or [])
        if kind is not None:
            self.kind = kind

    def field_errors(self) -> list[FieldError]:
        """Every input at fault: ``errors``, else the one ``field`` with the message."""
        if self.errors:
            return list(self.errors)
        if self.field:
            return [{"field": self.field, "message": self.message}]
        return []


class NotFound(DomainError):
    kind: Kind = "not_found"


class Conflict(DomainError):
    kind: Kind = "conflict"


class Invalid(DomainError, ValueError):
    kind: Kind = "invalid"


class Forbidden(DomainError):
    kind: Kind = "forbidden"
