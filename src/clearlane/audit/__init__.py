"""Append-only, hash-chained audit trail: every assessment, decision, control result, profile
or model change and sign-in, each linked to the one before (see :mod:`clearlane.audit.chain`)."""

from clearlane.audit.chain import (
    AUDIT_KINDS,
    AuditError,
    AuditEvent,
    Finding,
    UnknownAuditKind,
    Verdict,
    append,
    append_many,
    entries,
    head,
    record,
    trail,
    verify,
)

__all__ = [
    "AUDIT_KINDS",
    "AuditError",
    "AuditEvent",
    "Finding",
    "UnknownAuditKind",
    "Verdict",
    "append",
    "append_many",
    "entries",
    "head",
    "record",
    "trail",
    "verify",
]
