"""one assessment of a declaration version per engine and basis

`clearlane train`'s pending step, the API, `clearlane score` and the demo could each store an
assessment of the same declaration version by the same engine. Adds ``assessments.basis``
(``declaration``, or ``document:<id>`` for a reassessment once a document was read) and the
unique index ``uq_assessments_once`` on (reference, version, model_version, basis).

Rows already stored:
* a reassessment after a document (its audit entry's actor is ``engine:document-arrived``) is
  history, not a duplicate: basis ``document:before-0010:<id>`` (which document is not known);
* of the other rows of one (reference, version, model_version), the first (lowest id) is kept;
  a later one an officer decided on is kept too, as ``duplicate:<id>`` (the decision and its
  audit entry name it); the rest are deleted. Their audit entries stay on the chain.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 13:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

REASSESSED_BY = "engine:document-arrived"

assessments = sa.table(
    "assessments",
    sa.column("id", sa.Integer),
    sa.column("reference", sa.String),
    sa.column("version", sa.Integer),
    sa.column("model_version", sa.String),
    sa.column("basis", sa.String),
    sa.column("audit_seq", sa.BigInteger),
)
audit_log = sa.table("audit_log", sa.column("seq", sa.BigInteger), sa.column("actor", sa.String))
decisions = sa.table("decisions", sa.column("assessment_id", sa.Integer))


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[start : start + 500] for start in range(0, len(ids), 500)]


def _mark(connection: sa.Connection, ids: list[int], prefix: str) -> None:
    """basis = '<prefix>:<id>' (unique by construction: history, not a duplicate)."""
    for chunk in _chunks(ids):
        connection.execute(
            sa.update(assessments)
            .where(assessments.c.id.in_(chunk))
            .values(basis=sa.literal(f"{prefix}:") + sa.cast(assessments.c.id, sa.String))
        )


def upgrade() -> None:
    op.add_column(
        "assessments",
        sa.Column("basis", sa.String(length=64), server_default="declaration", nullable=False),
    )
    connection = op.get_bind()
    reassessed = [
        int(i)
        for i in connection.scalars(
            sa.select(assessments.c.id)
            .join(audit_log, audit_log.c.seq == assessments.c.audit_seq)
            .where(audit_log.c.actor == REASSESSED_BY)
        )
    ]
    _mark(connection, reassessed, "document:before-0010")
    decided = {int(i) for i in connection.scalars(sa.select(decisions.c.assessment_id))}
    first: set[tuple[str, int, str | None]] = set()
    keep_as_duplicate: list[int] = []
    delete: list[int] = []
    rows = connection.execute(
        sa.select(
            assessments.c.id,
            assessments.c.reference,
            assessments.c.version,
            assessments.c.model_version,
        )
        .where(assessments.c.basis == "declaration")
        .order_by(assessments.c.id)
    )
    for row_id, reference, version, model_version in rows:
        key = (str(reference), int(version), model_version)
        if key not in first:
            first.add(key)
        elif int(row_id) in decided:
            keep_as_duplicate.append(int(row_id))
        else:
            delete.append(int(row_id))
    _mark(connection, keep_as_duplicate, "duplicate")
    for chunk in _chunks(delete):
        connection.execute(sa.delete(assessments).where(assessments.c.id.in_(chunk)))
    op.create_index(
        "uq_assessments_once",
        "assessments",
        ["reference", "version", "model_version", "basis"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_assessments_once", table_name="assessments")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_column("basis")
