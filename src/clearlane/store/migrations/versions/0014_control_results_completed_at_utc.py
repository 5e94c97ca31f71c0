"""control results' completed_at as the UTC instant the result names

Since 3 December 2026 (``ingest.prepare.control_row``) a control result's ``completed_at``
column holds the UTC instant of the time it was written with: ``10:00+02:00`` is 08:00 UTC,
a time without an offset is UTC. Rows stored before kept, on SQLite, the wall clock without
its offset (10:00, read back as 10:00 UTC: two hours late), and on PostgreSQL a time without
an offset was read in the server's time zone. ``features.facts.known_by`` reads the payload's
time first and copes, but the other readers of the column do not: the fairness labels pick a
declaration's latest result by it (``fairness.store``), a trader's page orders and shows its
results by it (``link.traders``), and the network features count results by it
(``link.network``).

Each row's column is set from its payload's ``completed_at`` (the time as received), read as
``ClearLane`` reads it now; rows already right are left alone, so running it again changes
nothing. A payload without a readable ``completed_at`` keeps its column. Downgrade: nothing
to undo (the wall clocks without their offsets are not worth restoring).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 23:00:00
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

control_results = sa.table(
    "control_results",
    sa.column("id", sa.Integer),
    sa.column("completed_at", sa.DateTime(timezone=True)),
    sa.column("payload", sa.JSON),
)

_CHUNK = 5000


def _instant(value: datetime) -> datetime:
    """As ``core.schema.control_result.instant`` (a migration keeps its own copy)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _named(payload: Any) -> datetime | None:
    """The UTC instant of the payload's ``completed_at``, None when it has none."""
    value = payload.get("completed_at") if isinstance(payload, dict) else None
    if not isinstance(value, str):
        return None
    try:
        return _instant(datetime.fromisoformat(value))
    except (ValueError, OverflowError):
        return None


def upgrade() -> None:
    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(
            sa.select(control_results.c.id, control_results.c.completed_at,
                      control_results.c.payload)
            .where(control_results.c.id > last)
            .order_by(control_results.c.id)
            .limit(_CHUNK)
        ).all()  # fmt: skip
        if not rows:
            return
        last = rows[-1][0]
        changes = []
        for row_id, stored, payload in rows:
            named = _named(payload)
            if named is not None and (stored is None or _instant(stored) != named):
                changes.append({"row_id": row_id, "completed_at": named})
        if changes:
            connection.execute(
                sa.update(control_results)
                .where(control_results.c.id == sa.bindparam("row_id"))
                .values(completed_at=sa.bindparam("completed_at")),
                changes,
            )


def downgrade() -> None:
    pass  # the column keeps the UTC instants (see the docstring)
