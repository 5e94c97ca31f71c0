"""One base for the errors domain functions raise on purpose.

A :class:`DomainError` says what kind of refusal it is (``kind``) and which input is at fault
(``field``, None when the stored state is what forbids it). The API maps the kind to a status
in one exception handler (not_found 404, conflict 409, invalid 422, forbidden 403); the CLI
prints the message. Domain code never chooses HTTP statuses.
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["not_found", "conflict", "invalid", "forbidden"]


class DomainError(Exception):
    """A refusal by a domain function; ``str(error)`` is the message for people."""

    kind: Kind = "invalid"

    def __init__(self, message: str, *, field: str | None = None, kind: Kind | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        if kind is not None:
            self.kind = kind


class NotFound(DomainError):
    kind: Kind = "not_found"


class Conflict(DomainError):
    kind: Kind = "conflict"


class Invalid(DomainError, ValueError):
    kind: Kind = "invalid"


class Forbidden(DomainError):
    kind: Kind = "forbidden"
