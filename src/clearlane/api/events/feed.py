"""Live alerts read from the store: new red-lane assessments, polled while someone listens.

The store is the channel. Every server worker process (and `clearlane score --record`, and any
other server on the same database) writes its assessments there, so each process that polls
it gives its own subscribers every red lane, whoever assessed it; no message broker is
needed and nothing is alerted that was not stored.

Assessment ids follow commit order: every assessment is written by
:func:`clearlane.oversight.record_assessments`, which takes the audit head's row lock before
inserting and keeps it until commit, so an id is never committed after a larger one was
visible. Polling ``id > last`` therefore misses nothing.

One daemon thread per process polls every ``interval`` seconds while at least one stream is
open, and stops when the last one closes (:meth:`StoreFeed.join` / :meth:`StoreFeed.leave`).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.api.events.broadcast import Event
from clearlane.store.tables import AssessmentRow

if TYPE_CHECKING:
    from clearlane.api.events.broadcast import Broadcaster

log = logging.getLogger("clearlane.api.events")


class StoreFeed:
    """Publishes to a :class:`Broadcaster` the red-lane assessments stored after a stream
    joined."""

    def __init__(
        self, session_factory: sessionmaker[Session], *, interval: float = 1.0, batch: int = 1000
    ) -> None:
        self.session_factory = session_factory
        self.interval = interval
        self.batch = batch
        self._lock = threading.Lock()
        self._listeners = 0
        self._running = False
        self._last = 0

    @property
    def running(self) -> bool:
        return self._running

    def latest_id(self) -> int:
        with self.session_factory() as session:
            return int(session.scalar(select(func.coalesce(func.max(AssessmentRow.id), 0))) or 0)

    def poll(self, last: int) -> tuple[int, list[Event]]:
        """Red-lane events of the assessments stored after id ``last`` (at most ``batch`` rows
        are read; the rest come at the next poll), and the newest id read."""
        query = (
            select(
                AssessmentRow.id,
                AssessmentRow.lane,
                AssessmentRow.reference,
                AssessmentRow.version,
                AssessmentRow.office,
                AssessmentRow.score,
                AssessmentRow.selection_reason,
            )
            .where(AssessmentRow.id > last)
            .order_by(AssessmentRow.id)
            .limit(self.batch)
        )
        with self.session_factory() as session:
            rows = session.execute(query).all()
        events: list[Event] = [
            {
                "type": "red_lane",
                "reference": r.reference,
                "version": int(r.version),
                "office": r.office,
                "score": float(r.score) if r.score is not None else None,
                "selection_reason": r.selection_reason,
            }
            for r in rows
            if r.lane == "red"
        ]
        return (int(rows[-1].id) if rows else last), events

    def join(self, hub: Broadcaster) -> None:
        """A stream opens: from now on its red lanes are published to ``hub`` (blocking: it
        reads the newest id when the poller has to start)."""
        with self._lock:
            self._listeners += 1
            if self._running:
                return
            try:
                self._last = self.latest_id()
            except Exception:
                self._listeners -= 1
                raise
            self._running = True
        threading.Thread(
            target=self._run, args=(hub,), name="clearlane-alert-feed", daemon=True
        ).start()

    def leave(self) -> None:
        with self._lock:
            self._listeners = max(self._listeners - 1, 0)

    def _run(self, hub: Broadcaster) -> None:
        while True:
            time.sleep(self.interval)
            with self._lock:
                if self._listeners == 0:
                    self._running = False
                    return
                last = self._last
            try:
                newest, events = self.poll(last)
            except Exception:  # a store hiccup must not end the alerts: try again next time
                log.exception("reading new assessments for the alert streams failed")
                continue
            with self._lock:
                self._last = newest
            for event in events:
                hub.publish(event)
