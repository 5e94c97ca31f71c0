"""idempotency keys: claimed before the request runs (409 while in progress), and they expire

0018 stored a key with its answer when the request committed, and a repeat of the key waited on
the key's lock (on SQLite, the whole database's write lock, even to read a stored answer) for
the first to finish. Now a key is claimed first: its row is stored and committed without an
answer (``status``, ``response`` and the new ``completed_at`` NULL), the request runs, and the
answer completes the row in the request's own transaction; a repeat that finds the key claimed
but not completed answers 409 at once. Keys expire (``CLEARLANE_IDEMPOTENCY_HOURS``) and are
purged by age: ``ix_idempotency_keys_created_at``. Rows stored under 0018 are completed ones:
``completed_at`` is their ``created_at``. Downgrade drops the claims still in progress (0018
cannot hold a row without its answer).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 23:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("idempotency_keys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.alter_column("status", existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column("response", existing_type=sa.JSON(), nullable=True)
        batch_op.create_index("ix_idempotency_keys_created_at", ["created_at"], unique=False)
    op.execute("UPDATE idempotency_keys SET completed_at = created_at")


def downgrade() -> None:
    op.execute("DELETE FROM idempotency_keys WHERE completed_at IS NULL")
    with op.batch_alter_table("idempotency_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_idempotency_keys_created_at")
        batch_op.alter_column("response", existing_type=sa.JSON(), nullable=False)
        batch_op.alter_column("status", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("completed_at")
