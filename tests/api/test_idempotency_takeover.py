"""An Idempotency-Key claim taken over as abandoned (``ABANDONED_AFTER``) while its upload
still ran (session 24), on SQLite and PostgreSQL: the request that lost its claim leaves no
file in the store without a row naming it, never removes a file another request's row names
or is about to, and a claim is matched by its row, not only by the time it was made (a clock
that reads the same time twice: two servers, a step back)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from clearlane.api import idempotency
from clearlane.api.app import create_app
from clearlane.api.documents import views as document_views
from clearlane.config import get_settings
from clearlane.store.session import open_store
from clearlane.store.tables import DocumentRow
from tests.api.conftest import access_token, add_users
from tests.api.helpers import own, submit
from tests.api.test_idempotency_review import REPLAYED, App

LATER = idempotency.ABANDONED_AFTER + timedelta(minutes=1)


@pytest.fixture
def app(migrated_url: str, no_fallback: None) -> Iterator[App]:
    """An app on each backend whose 500s are answers, not exceptions raised in the test."""
    users = add_users(migrated_url)
    with TestClient(create_app(database_url=migrated_url), raise_server_exceptions=False) as client:
        headers = {
            role: {"Authorization": "Bearer " + access_token(migrated_url, name)}
            for role, name in users.items()
        }
        yield App(client, migrated_url, headers)


class Clock:
    """What ``datetime.now`` reads in clearlane.api.idempotency: the real time plus ``ahead``,
    or ``fixed`` when set (a clock that reads one time twice)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.ahead = timedelta(0)
        self.fixed: datetime | None = None
        clock = self

        class Now(datetime):
            @classmethod
            def now(cls, tz: Any = None) -> Now:  # type: ignore[override]
                when = clock.fixed or datetime.now(UTC) + clock.ahead
                return cls.fromtimestamp(when.timestamp(), tz)

        monkeypatch.setattr(idempotency, "datetime", Now)


class Writes:
    """The uploads' checked file writes (``put_checked`` in the route's module), by the bytes
    written: ``hold(data)`` stops the next upload of ``data`` without a stop just after its file
    is written (its claim made, no row yet: a slow upload) until that stop's ``go()``;
    ``fail(data)`` makes the writes of ``data`` fail (a full disk), after the claim."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.stops: dict[bytes, list[Stop]] = {}
        self.failing: set[bytes] = set()
        real = document_views.put_checked

        def put_checked(data: bytes, *args: Any) -> str:
            if data in self.failing:
                raise OSError(28, "No space left on device")
            stored = real(data, *args)
            stop = next((s for s in self.stops.get(data, []) if not s.written.is_set()), None)
            if stop is not None:
                stop.written.set()
                assert stop.release.wait(30)
            return stored

        monkeypatch.setattr(document_views, "put_checked", put_checked)

    def release_all(self) -> None:
        for stop in (s for stops in self.stops.values() for s in stops):
            stop.go()

    def hold(self, data: bytes) -> Stop:
        stop = Stop()
        self.stops.setdefault(data, []).append(stop)
        return stop

    def fail(self, data: bytes) -> None:
        self.failing.add(data)


class Stop:
    def __init__(self) -> None:
        self.written, self.release = threading.Event(), threading.Event()

    def go(self) -> None:
        self.release.set()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


@pytest.fixture
def writes(app: App, monkeypatch: pytest.MonkeyPatch) -> Iterator[Writes]:
    made = Writes(monkeypatch)
    yield made
    made.release_all()  # a failed test lets every held upload go before the app stops


def _upload_in_thread(app: App, reference: str, data: bytes, answers: dict[bytes, Any]) -> Any:
    thread = threading.Thread(
        target=lambda: answers.__setitem__(data, app.upload(reference, "trader", "k", data=data))
    )
    thread.start()
    return thread


def _files() -> set[str]:
    root = Path(get_settings().files_dir)
    return {p.name for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def _named_by_rows(app: App) -> set[str]:
    with open_store(app.url)() as session:
        return set(session.scalars(select(DocumentRow.sha256)))


def test_an_upload_that_lost_its_claim_leaves_no_file_without_a_row(
    app: App, clock: Clock, writes: Writes
) -> None:
    """A slow upload's claim is taken over once past ABANDONED_AFTER; the taker's write fails
    (its claim released); the slow one then finds its claim gone and answers 409. Before:
    its file stayed in the store with no row naming it (1 file, 0 rows)."""
    submit(app.client, app.headers["trader"], own("TO-1"))
    first = b"the slow upload"
    stop = writes.hold(first)
    answers: dict[bytes, Any] = {}
    slow = _upload_in_thread(app, "TO-1", first, answers)
    assert stop.written.wait(30)
    clock.ahead = LATER
    writes.fail(first)  # the taker sends the same bytes (the same request); its write fails
    taker = app.upload("TO-1", "trader", "k", data=first)
    assert taker.status_code == 500, taker.text
    stop.go()
    slow.join(30)
    assert answers[first].status_code == 409, answers[first].text
    assert app.documents("TO-1") == []
    assert _files() == _named_by_rows(app) == set()
    writes.failing.clear()
    again = app.upload("TO-1", "trader", "k", data=first)  # the retry runs anew
    assert again.status_code == 201 and REPLAYED not in again.headers, again.text
    assert _files() == _named_by_rows(app) and len(_files()) == 1


def test_the_loser_never_removes_the_file_the_takers_row_names(
    app: App, clock: Clock, writes: Writes
) -> None:
    """The taker sends the same bytes, so it writes the same file (the store is addressed by
    content): the loser, finding no row yet, may remove it just after the taker found it in
    place; the taker then writes it again before its row. Its document downloads whole."""
    submit(app.client, app.headers["trader"], own("TO-2"))
    data = b"one file, two claims"
    slow_stop, taker_stop = writes.hold(data), writes.hold(data)
    answers: dict[bytes, Any] = {}
    slow = _upload_in_thread(app, "TO-2", data, answers)
    assert slow_stop.written.wait(30)
    clock.ahead = LATER
    taker: dict[bytes, Any] = {}
    taking = _upload_in_thread(app, "TO-2", data, taker)  # takes over, held after its write
    assert taker_stop.written.wait(30)
    slow_stop.go()  # the slow one goes on: its claim is gone
    slow.join(30)
    assert answers[data].status_code == 409, answers[data].text
    taker_stop.go()
    taking.join(30)
    assert taker[data].status_code == 201, taker[data].text
    (document,) = app.documents("TO-2")
    download = app.client.get(
        f"/api/documents/{taker[data].json()['id']}", headers=app.headers["trader"]
    )
    assert download.status_code == 200 and download.content == data, download.status_code
    assert _files() == _named_by_rows(app) == {document[1]}


def test_a_claim_is_matched_by_its_row_not_by_a_time_read_twice(
    app: App, clock: Clock, writes: Writes
) -> None:
    """Upload A claims the key at time T; its claim is taken over (a clock 3 minutes ahead)
    and released by the taker's failure; upload C, on a clock that reads T again, claims the
    key anew for other bytes. Before: A, matching its claim by ``created_at == T``, completed
    C's claim with A's answer; C got 409 and its retry replayed A's document as C's."""
    submit(app.client, app.headers["trader"], own("TO-3"))
    a, c = b"upload A", b"upload C"
    clock.fixed = datetime.now(UTC)
    stop_a = writes.hold(a)
    answers: dict[bytes, Any] = {}
    first = _upload_in_thread(app, "TO-3", a, answers)
    assert stop_a.written.wait(30)
    fixed, clock.fixed = clock.fixed, None
    clock.ahead = LATER
    writes.fail(a)
    assert app.upload("TO-3", "trader", "k", data=a).status_code == 500  # took over, released
    clock.fixed = fixed  # C's clock reads T, as A's did
    stop_c = writes.hold(c)
    other = _upload_in_thread(app, "TO-3", c, answers)
    assert stop_c.written.wait(30)
    stop_a.go()
    first.join(30)
    stop_c.go()
    other.join(30)
    assert answers[a].status_code == 409, answers[a].text  # its claim is gone
    assert answers[c].status_code == 201, answers[c].text
    clock.fixed = None
    writes.failing.clear()
    replay = app.upload("TO-3", "trader", "k", data=c)
    assert replay.headers.get(REPLAYED) == "true" and replay.json() == answers[c].json()
    (document,) = app.documents("TO-3")
    assert document[1] == answers[c].json()["sha256"]
    assert _files() == _named_by_rows(app) == {document[1]}
