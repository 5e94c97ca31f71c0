"""The PostgreSQL test fixtures leave no database behind: one is dropped when its test ends,
also when the test fails, and what a killed run left is dropped by the next run, never a
database of a run still alive (runs share the server)."""

from __future__ import annotations

import secrets
import uuid

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from tests import conftest
from tests.conftest import POSTGRES_URL, drop_stale_databases, postgres_database

pytestmark = pytest.mark.postgres


def _admin() -> Engine:
    return create_engine(make_url(POSTGRES_URL), isolation_level="AUTOCOMMIT", poolclass=NullPool)


def _exists(name: str) -> bool:
    with _admin().connect() as connection:
        found = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        )
        return found.scalar() is not None


def _create(run: int) -> str:
    name = f"{conftest.DATABASE_PREFIX}{run:015x}_{uuid.uuid4().hex[:12]}"
    with _admin().connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    return name


def test_a_database_is_dropped_when_its_test_fails() -> None:
    with pytest.raises(RuntimeError), postgres_database() as url:
        name = str(make_url(url).database)
        assert _exists(name) and name.startswith(f"clearlane_test_{conftest._RUN:015x}_")
        raise RuntimeError("the test failed")
    assert not _exists(name)


def test_databases_of_dead_runs_are_dropped_and_of_live_runs_kept() -> None:
    """A run that was killed left its database; the next run drops it. A run still alive
    holds its lock: its database stays, even with no connection to it at the moment."""
    dead, alive = secrets.randbits(60), secrets.randbits(60)
    left, in_use = _create(dead), _create(alive)
    older = f"{conftest.DATABASE_PREFIX}{uuid.uuid4().hex[:12]}"  # the old form: no owner
    with _admin().connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{older}"'))
    holder = _admin().connect()
    try:
        holder.execute(text("SELECT pg_advisory_lock(:run)"), {"run": alive})
        dropped = drop_stale_databases()
        assert left in dropped and not _exists(left)
        assert in_use not in dropped and _exists(in_use)
        assert older not in dropped and _exists(older)
    finally:
        holder.close()  # the live run ends: its lock goes with its connection
        with _admin().connect() as connection:
            for name in (in_use, older):
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
