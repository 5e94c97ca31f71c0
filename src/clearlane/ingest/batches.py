"""Ingest batches left ``running`` by a process that died (killed, crashed, machine reset).

An ingest commits its batch row as ``running`` with the process that runs it
(``pid@host`` in ``message``) and closes it as ``done`` or ``rejected``, or as ``failed``
(``interrupted`` for KeyboardInterrupt) when the ingest raised (``pipeline._fail_batch``). A
batch still running whose process no longer exists on this host was interrupted: the next
ingest marks it so (its chunks committed before the kill stay stored and counted; nothing
after them was written).
Batches of other hosts are left alone unless older than :data:`STALE_AFTER`.
"""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from clearlane.store.tables import IngestBatch

STALE_AFTER = timedelta(days=2)
MARK = "running in process "


def owner_note() -> str:
    """What an open batch's ``message`` says about the process running it."""
    return f"{MARK}{os.getpid()}@{socket.gethostname()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, belongs to someone else
        return True
    return True


def _interrupted(batch: IngestBatch, now: datetime) -> bool:
    note = batch.message or ""
    if note.startswith(MARK):
        pid_text, _, host = note.removeprefix(MARK).partition("@")
        if host == socket.gethostname() and pid_text.isdigit():
            return int(pid_text) != os.getpid() and not _alive(int(pid_text))
    started = batch.started_at if batch.started_at.tzinfo else batch.started_at.replace(tzinfo=UTC)
    return now - started > STALE_AFTER


def mark_interrupted(session: Session) -> list[int]:
    """Close the running batches whose process is gone as ``interrupted``; returns their ids.
    Commits."""
    now = datetime.now(UTC)
    running = session.scalars(select(IngestBatch).where(IngestBatch.status == "running")).all()
    stale = [b.id for b in running if _interrupted(b, now)]
    if stale:
        session.execute(
            update(IngestBatch)
            .where(IngestBatch.id.in_(stale), IngestBatch.status == "running")
            .values(
                status="interrupted",
                finished_at=now,
                message="interrupted: the ingest process ended before closing the batch; "
                "the chunks committed before that are stored",
            )
        )
    session.commit()
    return stale
