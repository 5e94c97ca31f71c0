"""hs checks: the HS check of each (goods description, declared code), cached for the engine

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 07:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hs_checks",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("description_sha256", sa.String(length=64), nullable=False),
        sa.Column("declared_code", sa.String(length=16), nullable=False),
        sa.Column("model", sa.String(length=64), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("plausibility", sa.Float(), nullable=True),
        sa.Column("best_code", sa.String(length=16), nullable=True),
        sa.Column("reason_code", sa.String(length=48), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("suggestions", sa.JSON(), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hs_checks")),
        sa.UniqueConstraint(
            "description_sha256",
            "declared_code",
            "model",
            name=op.f("uq_hs_checks_description_sha256"),
        ),
    )


def downgrade() -> None:
    op.drop_table("hs_checks")
