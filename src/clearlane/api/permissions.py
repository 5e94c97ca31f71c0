"""Roles and the permission matrix: the one place where who-may-do-what is decided.

Every route declares the permission it needs (``Require(Permission.X)`` in :mod:`.deps`); the
UI hides what a role may not do by asking :func:`allowed`. ``docs/permissions.md`` is generated
from :data:`MATRIX` (`python -m clearlane.api.permissions`) and a test keeps the two equal.

Object-level rule, on top of the matrix: a trader sees only declarations where their
organisation is the declarant or the importer; any other gets 404, as if it did not exist.
Traders never see scores, reasons or profiles (risk criteria are confidential).
"""

from __future__ import annotations

from enum import StrEnum

from clearlane.users import Role


class Permission(StrEnum):
    DECLARATION_SUBMIT = "declaration:submit"
    DECLARATION_READ = "declaration:read"  # traders: their own only
    RISK_READ = "risk:read"  # scores, components, reasons, counterfactuals
    QUEUE_READ = "queue:read"
    DECISION_WRITE = "decision:write"
    CONTROL_WRITE = "control:write"
    PROFILE_READ = "profile:read"
    PROFILE_WRITE = "profile:write"
    MODEL_READ = "model:read"
    MODEL_PROMOTE = "model:promote"
    CAPACITY_READ = "capacity:read"
    CAPACITY_WRITE = "capacity:write"
    KPI_READ = "kpi:read"
    FAIRNESS_READ = "fairness:read"
    AUDIT_READ = "audit:read"
    DOCUMENT_READ = "document:read"  # traders: their own declarations only
    DOCUMENT_WRITE = "document:write"
    MESSAGE_READ = "message:read"
    MESSAGE_WRITE = "message:write"
    USER_MANAGE = "user:manage"


P = Permission
_READ_ALL = {
    P.DECLARATION_READ,
    P.RISK_READ,
    P.QUEUE_READ,
    P.PROFILE_READ,
    P.MODEL_READ,
    P.CAPACITY_READ,
    P.KPI_READ,
    P.FAIRNESS_READ,
    P.AUDIT_READ,
    P.DOCUMENT_READ,
    P.MESSAGE_READ,
}

MATRIX: dict[Role, frozenset[Permission]] = {
    Role.TRADER: frozenset(
        {
            P.DECLARATION_SUBMIT,
            P.DECLARATION_READ,
            P.DOCUMENT_READ,
            P.DOCUMENT_WRITE,
            P.MESSAGE_READ,
            P.MESSAGE_WRITE,
        }
    ),
    Role.OFFICER: frozenset(
        {
            P.DECLARATION_SUBMIT,
            P.DECLARATION_READ,
            P.RISK_READ,
            P.QUEUE_READ,
            P.DECISION_WRITE,
            P.CONTROL_WRITE,
            P.CAPACITY_READ,
            P.KPI_READ,
            P.DOCUMENT_READ,
            P.DOCUMENT_WRITE,
            P.MESSAGE_READ,
            P.MESSAGE_WRITE,
        }
    ),
    Role.ANALYST: frozenset(
        {
            P.DECLARATION_READ,
            P.RISK_READ,
            P.QUEUE_READ,
            P.PROFILE_READ,
            P.PROFILE_WRITE,
            P.MODEL_READ,
            P.CAPACITY_READ,
            P.KPI_READ,
            P.FAIRNESS_READ,
            P.DOCUMENT_READ,
            P.MESSAGE_READ,
        }
    ),
    Role.SUPERVISOR: frozenset(
        _READ_ALL
        | {
            P.DECISION_WRITE,
            P.CONTROL_WRITE,
            P.PROFILE_WRITE,
            P.MODEL_PROMOTE,
            P.CAPACITY_WRITE,
            P.DOCUMENT_WRITE,
            P.MESSAGE_WRITE,
        }
    ),
    Role.AUDITOR: frozenset(_READ_ALL),
    Role.ADMIN: frozenset(
        {
            P.DECLARATION_READ,
            P.QUEUE_READ,
            P.CAPACITY_READ,
            P.CAPACITY_WRITE,
            P.KPI_READ,
            P.AUDIT_READ,
            P.MODEL_READ,
            P.PROFILE_READ,
            P.USER_MANAGE,
        }
    ),
}


def allowed(role: Role | str, permission: Permission) -> bool:
    try:
        return permission in MATRIX[Role(role)]
    except ValueError:
        return False


def matrix_markdown() -> str:
    """The matrix as a Markdown table (what docs/permissions.md holds)."""
    roles = list(Role)
    lines = [
        "| permission | " + " | ".join(r.value for r in roles) + " |",
        "| --- | " + " | ".join(":---:" for _ in roles) + " |",
    ]
    for permission in Permission:
        marks = ["yes" if permission in MATRIX[r] else "-" for r in roles]
        lines.append(f"| `{permission.value}` | " + " | ".join(marks) + " |")
    return "\n".join(lines) + "\n"


__all__ = ["MATRIX", "Permission", "Role", "allowed", "matrix_markdown"]


if __name__ == "__main__":  # pragma: no cover
    print(matrix_markdown(), end="")  # noqa: T201
