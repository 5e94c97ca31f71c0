"""drop ix_declarations_reference: the unique (reference, version) index serves its queries

Every query that looked declarations up by reference (``reference = ?``, ``reference IN
(...)``, the latest version per reference, the amendments of one) is answered by the unique
index ``uq_declarations_ref_version``, whose first column is the reference (SQLite's EXPLAIN
QUERY PLAN shows the same searches with the single-column index gone; PostgreSQL uses a
B-tree's leading column alike). The second index was one more B-tree that every ingested
declaration paid for.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 16:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("declarations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_declarations_reference"))


def downgrade() -> None:
    with op.batch_alter_table("declarations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_declarations_reference"), ["reference"], unique=False)
