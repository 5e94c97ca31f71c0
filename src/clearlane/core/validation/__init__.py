"""Validation with reason codes: every rule names the field it concerns."""

from clearlane.core.validation.declaration import (
    ValidationOutcome,
    check_rules,
    field_path,
    validate_declaration,
)
from clearlane.core.validation.reasons import Issue, Reason, Severity

__all__ = [
    "Issue",
    "Reason",
    "Severity",
    "ValidationOutcome",
    "check_rules",
    "field_path",
    "validate_declaration",
]
