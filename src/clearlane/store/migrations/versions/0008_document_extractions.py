"""document extractions: what was read from an attached invoice and its cross-check

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_extractions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "document_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),  # fmt: skip
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("method", sa.String(length=8), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("extraction", sa.JSON(), nullable=True),
        sa.Column("discrepancies", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_extractions_document_id_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_extractions")),
        sa.UniqueConstraint("document_id", name=op.f("uq_document_extractions_document_id")),
    )
    with op.batch_alter_table("document_extractions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_document_extractions_reference"), ["reference"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("document_extractions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_extractions_reference"))
    op.drop_table("document_extractions")
