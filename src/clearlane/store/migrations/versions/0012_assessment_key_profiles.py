"""the rule profiles' version in the assessment key; no separate (reference, version) index

Re-scoring with new rule profiles but the same engine stored nothing new: the unique index
``uq_assessments_once`` was (reference, version, model_version, basis). It becomes
(reference, version, model_version, basis, coalesce(profile_version, '')): the expression
makes scoring without profiles (NULL) one key too, as a plain column would not (NULLs are
distinct in a unique index on SQLite and PostgreSQL). Rows already stored are unique on the
narrower key, so they are unique on the wider one: no row changes.

``ix_assessments_declaration`` (reference, version) is dropped: it is the leading part of the
unique index, which serves every query on a declaration version's assessments (the query
plans on SQLite are checked in tests/store/test_assessment_indexes.py).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("uq_assessments_once", table_name="assessments")
    op.create_index(
        "uq_assessments_once",
        "assessments",
        [
            "reference",
            "version",
            "model_version",
            "basis",
            sa.func.coalesce(sa.column("profile_version"), ""),
        ],
        unique=True,
    )
    op.drop_index("ix_assessments_declaration", table_name="assessments")


def downgrade() -> None:
    """Back to 0010's key: of the rows one engine stored for one declaration version and basis
    with different profiles, only the first fits; downgrading refuses rather than delete."""
    op.create_index("ix_assessments_declaration", "assessments", ["reference", "version"])
    op.drop_index("uq_assessments_once", table_name="assessments")
    op.create_index(
        "uq_assessments_once",
        "assessments",
        ["reference", "version", "model_version", "basis"],
        unique=True,
    )
