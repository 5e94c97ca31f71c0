"""The audit trail: a declaration's trail, newest entries, head, chain verification."""
