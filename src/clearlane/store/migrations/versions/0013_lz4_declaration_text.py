"""compress declarations' long text with LZ4 on PostgreSQL (pglz was 13% of an ingest's server CPU)

A declaration's ``normalised`` JSON and ``original`` text pass PostgreSQL's 2 kB TOAST
threshold for most multi-item declarations, so the server compresses them as they are
stored: with the default pglz that was 13% of the server's CPU in an ingest (perf, 20,000
declarations). LZ4 does the same work in a fraction of it. What is stored is unchanged: the
compression is how the bytes sit on disk, each value is read back the same. Rows stored
before keep pglz (PostgreSQL reads both; ``VACUUM FULL`` would rewrite them) and only new
values use LZ4. A server built without LZ4 keeps pglz. SQLite: nothing to do.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 17:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

COLUMNS = ("normalised", "original")


def _set_compression(method: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    available = bind.execute(
        sa.text(
            "SELECT :method = ANY(enumvals) FROM pg_settings "
            "WHERE name = 'default_toast_compression'"
        ),
        {"method": method},
    ).scalar()
    if not available and method != "default":
        return
    for column in COLUMNS:
        op.execute(f"ALTER TABLE declarations ALTER COLUMN {column} SET COMPRESSION {method}")


def upgrade() -> None:
    _set_compression("lz4")


def downgrade() -> None:
    _set_compression("default")  # as before 0013: the server's default_toast_compression
