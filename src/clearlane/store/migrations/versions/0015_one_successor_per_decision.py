"""each decision superseded at most once: unique index on decisions.supersedes_id

A change of decision names the decision it replaces (``supersedes_id``), and the history of a
declaration version is one line. ``oversight.decide`` keeps it so under the declaration's lock;
the unique index ``uq_decisions_supersedes`` makes the store refuse a second successor from a
writer that did not take that lock.

Rows already stored: before 2026-12-05 two supervisors changing one decision at once could
both store a change superseding it (a fork). No row is deleted and no decision in force
changes (the one in force is the newest by id). In each declaration version with a fork, every
decision after the first (by id) that names a predecessor is re-linked to the decision stored
just before it (by id), which was the one in force when it was stored: the line then reads in
the order the decisions were made. Only the rows of forked versions are touched; each
re-linked row is reported (a warning on the ``clearlane.store.migrations`` logger naming its
id, reference, version, old and new ``supersedes_id``: on stderr from ``clearlane db
upgrade`` and ``clearlane serve``; alembic's own loggers end in a NullHandler, which dropped
them). Their audit entries stay as they were, and still name what each change replaced when
it was made.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 11:00:00
"""

from __future__ import annotations

import logging
from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# not under "alembic": alembic gives that logger a NullHandler, so with no logging configured
# (the CLI) Python's last-resort handler never printed the warnings
log = logging.getLogger("clearlane.store.migrations")

decisions = sa.table(
    "decisions",
    sa.column("id", sa.Integer),
    sa.column("reference", sa.String),
    sa.column("version", sa.Integer),
    sa.column("supersedes_id", sa.Integer),
)


def forked(connection: sa.Connection) -> set[int]:
    """The decisions two changes or more supersede."""
    shared = Counter(
        int(s)
        for s in connection.scalars(
            sa.select(decisions.c.supersedes_id).where(decisions.c.supersedes_id.is_not(None))
        )
    )
    return {s for s, n in shared.items() if n > 1}


def relinked(connection: sa.Connection) -> list[tuple[int, str, int, int, int]]:
    """The rows to re-link: (id, reference, version, supersedes_id now, supersedes_id after)."""
    forks = forked(connection)
    if not forks:
        return []
    versions = {
        (str(reference), int(version))
        for reference, version in connection.execute(
            sa.select(decisions.c.reference, decisions.c.version).where(
                decisions.c.supersedes_id.in_(sorted(forks))
            )
        )
    }
    changes = []
    for reference, version in sorted(versions):
        rows = connection.execute(
            sa.select(decisions.c.id, decisions.c.supersedes_id)
            .where(decisions.c.reference == reference, decisions.c.version == version)
            .order_by(decisions.c.id)
        ).all()
        for (before, _), (row_id, supersedes) in zip(rows, rows[1:], strict=False):
            if supersedes is not None and int(supersedes) != int(before):
                changes.append((int(row_id), reference, version, int(supersedes), int(before)))
    return changes


def upgrade() -> None:
    connection = op.get_bind()
    forks = forked(connection)
    changes = relinked(connection)
    for row_id, reference, version, old, new in changes:
        log.warning(
            "0015: decision %d of %s version %d superseded decision %d, %s; it now supersedes "
            "decision %d, the one stored just before it",
            row_id,
            reference,
            version,
            old,
            # a later change of one branch of a fork: its own predecessor was not forked
            "which another change superseded too"
            if old in forks
            else "in a history that forked before it",
            new,
        )
    for row_id, *_, new in changes:  # no index yet: any order
        connection.execute(
            sa.update(decisions).where(decisions.c.id == row_id).values(supersedes_id=new)
        )
    op.create_index("uq_decisions_supersedes", "decisions", ["supersedes_id"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_decisions_supersedes", table_name="decisions")
