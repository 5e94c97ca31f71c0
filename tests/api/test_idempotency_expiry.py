"""Idempotency keys, session 23: a repeat while the first request runs is 409 (in progress),
never a wait, a 5xx or a second write; a failed first request releases its key; keys expire
(CLEARLANE_IDEMPOTENCY_HOURS) and are purged in bounded batches; on SQLite a replay reads
without the write lock. Races on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, text, update

from clearlane.api import idempotency
from clearlane.api.messages import views as message_views
from clearlane.config import get_settings
from clearlane.store.session import open_store
from clearlane.store.tables import IdempotencyKeyRow
from tests.api.helpers import own, submit
from tests.api.test_idempotency_review import REPLAYED, App, _make


@pytest.fixture
def app(migrated_url: str, no_fallback: None) -> Iterator[App]:
    yield from _make(migrated_url)


@pytest.fixture
def lite(api_url: str, no_fallback: None) -> Iterator[App]:
    yield from _make(api_url)


@pytest.fixture
def expiring(
    migrated_url: str, no_fallback: None, monkeypatch: pytest.MonkeyPatch
) -> Iterator[App]:
    """An app started with CLEARLANE_IDEMPOTENCY_HOURS=1."""
    monkeypatch.setenv("CLEARLANE_IDEMPOTENCY_HOURS", "1")
    get_settings.cache_clear()
    try:
        yield from _make(migrated_url)
    finally:
        monkeypatch.delenv("CLEARLANE_IDEMPOTENCY_HOURS")
        get_settings.cache_clear()


def _keys(app: App) -> list[str]:
    with open_store(app.url)() as session:
        return sorted(session.scalars(text("SELECT key FROM idempotency_keys")))


def _age(app: App, key: str, hours: float) -> None:
    """Make ``key`` as if claimed ``hours`` ago."""
    when = datetime.now(UTC) - timedelta(hours=hours)
    with open_store(app.url)() as session:
        session.execute(
            update(IdempotencyKeyRow).where(IdempotencyKeyRow.key == key).values(created_at=when)
        )
        session.commit()


def _held_message(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """The next message posted stops inside its transaction (its row written, not committed)
    until ``release`` is set; ``inside`` is set once it is there."""
    inside, release = threading.Event(), threading.Event()
    real = message_views.post_message

    def post_message(*args: Any, **kwargs: Any) -> Any:
        row = real(*args, **kwargs)
        if not inside.is_set():
            inside.set()
            assert release.wait(30)
        return row

    monkeypatch.setattr(message_views, "post_message", post_message)
    return inside, release


def test_a_repeat_while_the_first_runs_is_409_at_once_then_replays(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the repeat waited on the key's lock until the first committed, then replayed
    (here: it had not answered 5 s later, when the first was let go)."""
    submit(app.client, app.headers["trader"], own("IP-1"))
    inside, release = _held_message(monkeypatch)
    first: list[Any] = []
    runner = threading.Thread(
        target=lambda: first.append(
            app.post_message("IP-1", {"body": "hello"}, "trader", key="in-progress")
        )
    )
    runner.start()
    try:
        assert inside.wait(30)
        second: list[Any] = []
        repeat = threading.Thread(
            target=lambda: second.append(
                app.post_message("IP-1", {"body": "hello"}, "trader", key="in-progress")
            )
        )
        started = time.monotonic()
        repeat.start()
        repeat.join(5)
        answered_in = time.monotonic() - started
    finally:
        release.set()
        runner.join(30)
        repeat.join(30)
    assert answered_in < 5, "the repeat waited for the first request"
    (busy,) = second
    assert busy.status_code == 409, busy.text
    assert busy.json()["error"]["code"] == "idempotency_key_in_progress"
    assert "in progress" in busy.json()["error"]["message"]
    assert busy.headers["Retry-After"] == "1"
    (done,) = first
    assert done.status_code == 201 and REPLAYED not in done.headers
    again = app.post_message("IP-1", {"body": "hello"}, "trader", key="in-progress")
    assert again.status_code == 201 and again.headers[REPLAYED] == "true"
    assert again.json() == done.json()
    assert app.messages("IP-1") == [("trader1", "hello")]
    assert app.audit_kinds("IP-1").count("message") == 1
    assert app.chain_ok()


def test_a_first_request_that_failed_releases_its_key(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception inside the first request (a 500) leaves no claim behind: the retry with
    the key runs anew and creates (not 409, not a replay of nothing)."""
    submit(app.client, app.headers["trader"], own("IP-2"))
    real = message_views.post_message
    calls: list[int] = []

    def failing_once(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        row = real(*args, **kwargs)
        if len(calls) == 1:
            raise RuntimeError("the server fell over")
        return row

    monkeypatch.setattr(message_views, "post_message", failing_once)
    with pytest.raises(RuntimeError):
        app.post_message("IP-2", {"body": "once"}, "trader", key="fails-first")
    assert app.key_rows() == 0
    retry = app.post_message("IP-2", {"body": "once"}, "trader", key="fails-first")
    assert retry.status_code == 201 and REPLAYED not in retry.headers, retry.text
    assert app.messages("IP-2") == [("trader1", "once")]
    assert app.key_rows() == 1


def test_racers_never_see_a_5xx_and_the_busy_ones_replay_on_retry(app: App) -> None:
    """Eight racers with one key behind a barrier, three rounds: exactly one message a
    round; every racer 201 (one created, the rest replayed) or 409 in progress."""
    submit(app.client, app.headers["trader"], own("IP-3"))
    for round_ in range(3):
        answers = together_posts(app, "IP-3", f"race-{round_}", 8)
        assert {a.status_code for a in answers} <= {201, 409}, [a.text for a in answers]
        created = [a for a in answers if a.status_code == 201 and REPLAYED not in a.headers]
        assert len(created) == 1
        for answer in answers:
            if answer.status_code == 409:
                answer = app.post_message("IP-3", {"body": "race"}, "trader", key=f"race-{round_}")
            assert answer.status_code == 201 and answer.json() == created[0].json()
    assert len(app.messages("IP-3")) == 3
    assert app.key_rows() == 3


def together_posts(app: App, reference: str, key: str, n: int) -> list[Any]:
    from tests.concurrency import together

    return together(n, lambda _i: app.post_message(reference, {"body": "race"}, "trader", key=key))


def test_an_expired_key_runs_anew_and_expired_keys_are_purged_in_batches(expiring: App) -> None:
    """CLEARLANE_IDEMPOTENCY_HOURS=1: a key claimed 2 h ago is as if never sent (the same
    request creates again, another request with it is not 422); one claimed 30 min ago still
    replays. Each new key deletes at most PURGE_BATCH expired ones, the oldest first."""
    app = expiring
    submit(app.client, app.headers["trader"], own("EX-1"))
    first = app.post_message("EX-1", {"body": "one"}, "trader", key="old")
    assert first.status_code == 201
    app.post_message("EX-1", {"body": "two"}, "trader", key="recent")
    _age(app, "old", 2)
    _age(app, "recent", 0.5)
    assert app.post_message("EX-1", {"body": "two"}, "trader", key="recent").headers[REPLAYED]
    anew = app.post_message("EX-1", {"body": "one"}, "trader", key="old")
    assert anew.status_code == 201 and REPLAYED not in anew.headers
    assert anew.json()["id"] != first.json()["id"]
    other = app.post_message("EX-1", {"body": "other"}, "trader", key="old")
    assert other.status_code == 422  # the key is live again, for the new request
    _age(app, "old", 2)
    other = app.post_message("EX-1", {"body": "other"}, "trader", key="old")
    assert other.status_code == 201 and REPLAYED not in other.headers
    assert [body for _, body in app.messages("EX-1")] == ["one", "two", "one", "other"]

    # a backlog of 150 expired keys (another user's): each new key purges 100 at most
    long_ago = datetime.now(UTC) - timedelta(hours=3)
    with open_store(app.url)() as session:
        session.execute(
            insert(IdempotencyKeyRow),
            [
                {
                    "username": "officer1",
                    "key": f"stale-{i:03d}",
                    "request_sha256": "0" * 64,
                    "status": 201,
                    "response": {},
                    "completed_at": long_ago + timedelta(seconds=i),
                    "created_at": long_ago + timedelta(seconds=i),
                }
                for i in range(150)
            ],
        )
        session.commit()
    app.post_message("EX-1", {"body": "a"}, "trader", key="new-1")
    stale = [k for k in _keys(app) if k.startswith("stale-")]
    assert stale == [f"stale-{i:03d}" for i in range(100, 150)]  # the oldest 100 went
    assert idempotency.PURGE_BATCH == 100
    app.post_message("EX-1", {"body": "b"}, "trader", key="new-2")
    assert _keys(app) == ["new-1", "new-2", "old", "recent"]


def test_a_replay_on_sqlite_does_not_wait_for_the_write_lock(lite: App) -> None:
    """Before: the replay took BEGIN IMMEDIATE to read the stored answer, so it waited for
    any writer (here one holding the lock 3 s). Now it reads, as any GET does (WAL)."""
    submit(lite.client, lite.headers["trader"], own("RL-1"))
    first = lite.post_message("RL-1", {"body": "hi"}, "trader", key="read-only")
    assert first.status_code == 201
    database = lite.url.removeprefix("sqlite:///")
    writer = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    unlock = threading.Timer(3.0, lambda: writer.execute("ROLLBACK"))
    unlock.start()
    try:
        started = time.monotonic()
        again = lite.post_message("RL-1", {"body": "hi"}, "trader", key="read-only")
        took = time.monotonic() - started
    finally:
        unlock.join()
        writer.close()
    assert again.status_code == 201 and again.headers[REPLAYED] == "true"
    assert took < 2.0, took
