"""indexes for the queue, the declaration list and online routing

Online routing reads the newest scores of one office for every submitted declaration; the
queue ranks assessments by score; the declaration list filters by office.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 18:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.create_index("ix_assessments_office_id", ["office", "id"], unique=False)
        batch_op.create_index("ix_assessments_score", ["score"], unique=False)
    with op.batch_alter_table("declarations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_declarations_office"), ["office"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("declarations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_declarations_office"))
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_index("ix_assessments_score")
        batch_op.drop_index("ix_assessments_office_id")
