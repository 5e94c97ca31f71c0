"""hs rankings: each goods description's HS ranking, shared by the store's processes

A description's HS check under a new declared code needs its ranking (some 4.5 ms); each
process kept the rankings it made, so the API's workers, and the training that checked the
history, each ranked the same descriptions again. ``hs_rankings`` keeps them for all
(``clearlane.features.facts``). New and empty: nothing to migrate.

``model`` is the ranking key (``HSModel.ranking_key``: re-ranker, index, ranking code,
libraries), not the checks' model key: a retrained model reads none of the old rankings, and
the first process to store under a new key deletes the others' (the table's growth is also
bounded per key, ``facts.HS_RANKINGS_KEPT``). Numbered 0016 after 0015 (one successor per
decision); first written as 0015 in session 19 and reverted before a store was migrated.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 10:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
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
