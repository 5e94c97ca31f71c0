"""Validation with reason codes: every rule names the field it concerns.

The declaration rules (and with them the schema and Pydantic) are imported on first use: the
bulk CSV path's parsing worker needs only the reasons and the limits
(:mod:`clearlane.core.validation.limits`) unless a declaration goes the per-record way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clearlane.core.validation.reasons import Issue, Reason, Severity

if TYPE_CHECKING:
    from clearlane.core.validation.declaration import (
        ValidationOutcome,
        check_rules,
        field_path,
        validate_declaration,
    )

_FROM_DECLARATION = ("ValidationOutcome", "check_rules", "field_path", "validate_declaration")


def __getattr__(name: str) -> Any:
    if name in _FROM_DECLARATION:
        from clearlane.core.validation import declaration

        return getattr(declaration, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    # the names given on first use too, as dir() listed them when they were imported at once
    return sorted({*globals(), *_FROM_DECLARATION})


__all__ = [
    "Issue",
    "Reason",
    "Severity",
    "ValidationOutcome",
    "check_rules",
    "field_path",
    "validate_declaration",
]
