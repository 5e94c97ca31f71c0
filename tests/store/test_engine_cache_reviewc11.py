"""Review c11 (session 25): an engine evicted from get_engine's cache while a request (another
thread) is inside a transaction on it. The request finishes without an error, its connection
is closed as it comes back (nothing left open), and the evicted engine, still held by whoever
started with it (an app's session factory), goes on pooling its connections: one connection
for sequential uses, not a new one per checkout."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from clearlane.config import get_settings
from clearlane.store.session import get_engine

CACHED = 8


def _engine_with_pool_size(url: str, size: int, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("CLEARLANE_DB_POOL_SIZE", str(size))
    get_settings.cache_clear()
    try:
        return get_engine(url)
    finally:
        get_settings.cache_clear()


def _is_closed(dbapi_connection: Any) -> bool:
    closed = getattr(dbapi_connection, "closed", None)  # psycopg: a bool
    if closed is not None:
        return bool(closed)
    try:  # sqlite3: a closed connection refuses work
        dbapi_connection.execute("SELECT 1")
    except Exception:  # noqa: BLE001 (ProgrammingError: closed)
        return True
    return False


def test_an_engine_evicted_while_a_transaction_runs_on_it_finishes_it_and_leaks_nothing(
    store_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    engine = _engine_with_pool_size(store_url, 401, monkeypatch)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE IF NOT EXISTS c11 (x INTEGER)"))
    inside, evicted = threading.Barrier(2), threading.Event()
    used: list[Any] = []
    errors: list[BaseException] = []

    def request() -> None:
        try:
            with engine.begin() as connection:
                connection.execute(text("INSERT INTO c11 VALUES (1)"))
                used.append(connection.connection.dbapi_connection)
                inside.wait()
                assert evicted.wait(60)
                connection.execute(text("INSERT INTO c11 VALUES (2)"))
        except BaseException as error:  # noqa: BLE001 (reported below)
            errors.append(error)

    racer = threading.Thread(target=request)
    racer.start()
    inside.wait()
    for size in range(402, 402 + CACHED):  # evicts the request's engine
        _engine_with_pool_size(store_url, size, monkeypatch)
    evicted.set()
    racer.join(60)
    assert errors == []
    assert _is_closed(used[0])  # came back to the retired pool: closed, not left open
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM c11")).scalar() == 2

    connects: list[int] = []
    event.listen(engine, "connect", lambda *_: connects.append(1))
    for _ in range(3):
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    assert len(connects) <= 1  # the new pool keeps its connection between checkouts
    engine.dispose()
