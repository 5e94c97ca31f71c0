"""Database triggers that make the audit table append-only.

Kept apart from the migration so that tests (and `clearlane audit verify`) name the same
objects. On PostgreSQL a PL/pgSQL trigger refuses UPDATE, DELETE and TRUNCATE; on SQLite
``RAISE(ABORT)`` triggers refuse UPDATE and DELETE. Someone with DDL rights can still drop
them: that is what the hash chain and the published head are for.
"""

from __future__ import annotations

GENESIS = "0" * 64  # the "previous hash" of the first entry
TRIGGER_ROW = "audit_log_append_only"
TRIGGER_TRUNCATE = "audit_log_no_truncate"
FUNCTION = "clearlane_audit_log_refuse"
APPEND_ONLY_MESSAGE = "audit_log is append-only"


def append_only_statements(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return [
            f"""CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql""",
            f"CREATE TRIGGER {TRIGGER_ROW} BEFORE UPDATE OR DELETE ON audit_log "
            f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()",
            f"CREATE TRIGGER {TRIGGER_TRUNCATE} BEFORE TRUNCATE ON audit_log "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()",
        ]
    if dialect == "sqlite":
        return [
            f"CREATE TRIGGER {TRIGGER_ROW}_update BEFORE UPDATE ON audit_log "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}: UPDATE refused'); END",
            f"CREATE TRIGGER {TRIGGER_ROW}_delete BEFORE DELETE ON audit_log "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}: DELETE refused'); END",
        ]
    return []


def drop_append_only_statements(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {TRIGGER_ROW} ON audit_log",
            f"DROP TRIGGER IF EXISTS {TRIGGER_TRUNCATE} ON audit_log",
            f"DROP FUNCTION IF EXISTS {FUNCTION}()",
        ]
    if dialect == "sqlite":
        return [
            f"DROP TRIGGER IF EXISTS {TRIGGER_ROW}_update",
            f"DROP TRIGGER IF EXISTS {TRIGGER_ROW}_delete",
        ]
    return []
