"""idempotency keys: a creating request repeated with the same key is answered, not stored twice

A message or a document posted twice (a client retrying after a timeout, two requests at once)
was stored twice. ``clearlane.api.idempotency`` keeps, for a request sent with an
``Idempotency-Key`` header, the first answer under (user, key); a repeat is answered from it.
The unique constraint ``uq_idempotency_keys_user_key`` makes two writers of one user's key
unable to both store (the routes also take a lock on the key, so the second waits and replays).
New and empty: nothing to migrate. Numbered 0018 after 0017 (one first decision per version).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 20:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "idempotency_keys",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("request_sha256", sa.String(length=64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("response", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_keys")),
        sa.UniqueConstraint("username", "key", name="uq_idempotency_keys_user_key"),
    )


def downgrade() -> None:
    op.drop_table("idempotency_keys")
