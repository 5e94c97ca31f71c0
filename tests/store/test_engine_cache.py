"""Session 25 (pool11): engines evicted from :func:`get_engine`'s cache of 8 are disposed, so
their idle connections are closed instead of staying open for the life of the process."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from clearlane.config import get_settings
from clearlane.store.session import get_engine

CACHED = 8  # get_engine keeps the engines of 8 URLs and pool settings


def _engine_with_pool_size(url: str, size: int, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The cached engine of ``url`` with a pool of ``size`` (another cache entry per size)."""
    monkeypatch.setenv("CLEARLANE_DB_POOL_SIZE", str(size))
    get_settings.cache_clear()
    try:
        return get_engine(url)
    finally:
        get_settings.cache_clear()


def test_an_evicted_engine_closes_its_idle_connections(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _engine_with_pool_size(store_url, 101, monkeypatch)
    with first.connect() as connection:
        connection.execute(text("SELECT 1"))
    assert first.pool.checkedin() == 1  # type: ignore[attr-defined]
    for size in range(102, 102 + CACHED):  # evicts the first
        _engine_with_pool_size(store_url, size, monkeypatch)
    assert first.pool.checkedin() == 0  # type: ignore[attr-defined]
    assert _engine_with_pool_size(store_url, 101, monkeypatch) is not first  # a new one


def test_an_engine_in_use_when_evicted_keeps_its_connection_and_works_after(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Disposal closes idle connections only: one checked out by another thread (here, this
    one) stays open through the eviction, and the evicted engine still works (a pool anew)."""
    first = _engine_with_pool_size(store_url, 201, monkeypatch)
    with first.connect() as connection:
        connection.execute(text("SELECT 1"))
        for size in range(202, 202 + CACHED):
            _engine_with_pool_size(store_url, size, monkeypatch)
        assert connection.execute(text("SELECT 2")).scalar() == 2
    with first.connect() as connection:
        assert connection.execute(text("SELECT 3")).scalar() == 3


def test_an_evicted_in_memory_sqlite_engine_keeps_its_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An in-memory SQLite database lives in its connection: disposing would drop it."""
    url = "sqlite://"
    first = _engine_with_pool_size(url, 301, monkeypatch)
    with first.begin() as connection:
        connection.execute(text("CREATE TABLE kept (x INTEGER)"))
        connection.execute(text("INSERT INTO kept VALUES (7)"))
    for size in range(302, 302 + CACHED):
        _engine_with_pool_size(url, size, monkeypatch)
    with first.connect() as connection:
        assert connection.execute(text("SELECT x FROM kept")).scalar() == 7


def test_a_connection_checked_out_at_the_eviction_is_closed_when_it_comes_back(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _engine_with_pool_size(store_url, 401, monkeypatch)
    connection = first.connect()
    connection.execute(text("SELECT 1"))
    dbapi = connection.connection.dbapi_connection
    for size in range(402, 402 + CACHED):
        _engine_with_pool_size(store_url, size, monkeypatch)
    connection.close()  # back to the retired pool
    with pytest.raises(Exception, match="(?i)closed"):
        dbapi.cursor().execute("SELECT 1")  # type: ignore[union-attr]
