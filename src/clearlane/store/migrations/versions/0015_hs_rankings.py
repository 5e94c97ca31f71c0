"""hs rankings: each goods description's HS ranking, shared by the store's processes

A description's HS check under a new declared code needs its ranking (some 4.5 ms); each
process kept the rankings it made, so the API's workers, and the training that checked the
history, each ranked the same descriptions again. ``hs_rankings`` keeps them for all
(``clearlane.features.facts``). New and empty: nothing to migrate.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 10:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hs_rankings",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("model", sa.String(length=64), nullable=False),
        sa.Column("codes", sa.JSON(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("ranked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hs_rankings")),
        sa.UniqueConstraint("text_sha256", "model", name=op.f("uq_hs_rankings_text_sha256")),
    )


def downgrade() -> None:
    op.drop_table("hs_rankings")
