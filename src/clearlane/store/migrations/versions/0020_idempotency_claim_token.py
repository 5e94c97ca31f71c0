"""idempotency keys: a token per claim

A request that claimed an ``Idempotency-Key`` completed or released its row by the time it had
claimed it (``created_at``): a second claim of the key made at the same reading of a clock (two
servers' clocks, a clock stepped back) was taken for the first one's, which then stored its
answer on the other request's claim. The row's ``id`` does not tell claims apart either (an
abandoned claim is taken over in place; SQLite gives a deleted largest id to the next row). Each
claim now stores a random ``claim_token`` and is completed or released by it. Rows from before
have none: completed ones need none, and a claim still in progress is taken over once abandoned.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 03:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("idempotency_keys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claim_token", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("idempotency_keys", schema=None) as batch_op:
        batch_op.drop_column("claim_token")
