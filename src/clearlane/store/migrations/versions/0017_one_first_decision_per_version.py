"""one first decision per declaration version: partial unique index on decisions

A declaration version is decided once; every later decision of it is a change that names the
decision it replaces (``supersedes_id``). ``oversight.decide`` keeps it so under the
declaration's lock; the partial unique index ``uq_decisions_first`` on (reference, version)
where ``supersedes_id`` IS NULL makes the store refuse a second first decision from a writer
that did not take that lock (``decide`` answers it as :class:`DecidedMeanwhileError`, 409).
SQLite and PostgreSQL both index a WHERE clause.

Rows already stored: two officers deciding at once without the lock could both store a first
decision (0015 left them: "a first decision keeps no predecessor"). No row is deleted and no
decision in force changes (the one in force is the newest by id). The earliest first decision
(by id) stays the first; in each declaration version holding two first decisions or more,
every decision after it is re-linked, where it is not already, to the decision stored just
before it (by id), which was the one in force when it was stored: the version then reads as
one line in the order its decisions were stored, as after 0015. Each re-linked row is
reported (a warning on the ``clearlane.store.migrations`` logger naming its id, reference,
version, old and new ``supersedes_id``, and its audit entry with what that entry says it
superseded).

Why a re-linked row's audit entry still says it superseded none (or the decision it named):
that is right, and it stays. The entry's ``supersedes`` is the decision in force that its
officer saw and replaced when deciding, and a second first decision's officer saw none (the
other was stored meanwhile, without the lock); the new ``supersedes_id`` is the storage's
line order, a fact of this migration, not of the officer's act. The entry could not be
rewritten anyway (the trail is a hash chain: `clearlane audit verify` would report it
altered), and a migration does not append to the trail (``clearlane.store`` does not import
``clearlane.audit``): the re-link is stated in the warning, which names the entry and what it
says (mends6, 2026-12-05; before, the warning did not name the entry, and a reader comparing
the table with the trail found "supersedes none" unexplained).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 14:00:00
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

log = logging.getLogger("clearlane.store.migrations")  # see 0015: not under "alembic"

decisions = sa.table(
    "decisions",
    sa.column("id", sa.Integer),
    sa.column("reference", sa.String),
    sa.column("version", sa.Integer),
    sa.column("supersedes_id", sa.Integer),
    sa.column("audit_seq", sa.BigInteger),
)

FIRST = sa.text("supersedes_id IS NULL")


def relinked(
    connection: sa.Connection,
) -> list[tuple[int, str, int, int | None, int, int | None]]:
    """The rows to re-link: (id, reference, version, supersedes_id now, supersedes_id after,
    the sequence number of its audit entry)."""
    versions = connection.execute(
        sa.select(decisions.c.reference, decisions.c.version)
        .where(decisions.c.supersedes_id.is_(None))
        .group_by(decisions.c.reference, decisions.c.version)
        .having(sa.func.count() > 1)
        .order_by(decisions.c.reference, decisions.c.version)
    ).all()
    changes = []
    for reference, version in versions:
        rows = connection.execute(
            sa.select(decisions.c.id, decisions.c.supersedes_id, decisions.c.audit_seq)
            .where(decisions.c.reference == reference, decisions.c.version == version)
            .order_by(decisions.c.id)
        ).all()
        for (before, *_), (row_id, supersedes, seq) in zip(rows, rows[1:], strict=False):
            if supersedes is None or int(supersedes) != int(before):
                old = None if supersedes is None else int(supersedes)
                entry = None if seq is None else int(seq)
                changes.append((int(row_id), str(reference), int(version), old, int(before), entry))
    return changes


def upgrade() -> None:
    connection = op.get_bind()
    changes = relinked(connection)
    for row_id, reference, version, old, new, entry in changes:
        log.warning(
            "0017: decision %d of %s version %d %s; it now supersedes decision %d, the one "
            "stored just before it (its audit entry %s still says it superseded %s: the "
            "decision in force its officer saw)",
            row_id,
            reference,
            version,
            "was a second first decision (stored without the declaration's lock)"
            if old is None
            else f"superseded decision {old}, in a version with two first decisions",
            new,
            entry,
            "none" if old is None else f"decision {old}",
        )
    # two passes: uq_decisions_supersedes holds throughout, and a row may take the
    # predecessor another row is about to leave
    ids = [row_id for row_id, *_ in changes]
    for start in range(0, len(ids), 500):
        connection.execute(
            sa.update(decisions)
            .where(decisions.c.id.in_(ids[start : start + 500]))
            .values(supersedes_id=None)
        )
    for row_id, *_, new, _entry in changes:
        connection.execute(
            sa.update(decisions).where(decisions.c.id == row_id).values(supersedes_id=new)
        )
    op.create_index(
        "uq_decisions_first",
        "decisions",
        ["reference", "version"],
        unique=True,
        sqlite_where=FIRST,
        postgresql_where=FIRST,
    )


def downgrade() -> None:
    op.drop_index("uq_decisions_first", table_name="decisions")
