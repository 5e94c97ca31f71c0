"""The PostgreSQL test fixtures leave no database behind: one is dropped when its test ends,
also when the test fails, and what a killed run left is dropped by the next run, never a
database of a run still alive (runs share the server)."""

from __future__ import annotations

import importlib.util
import os
import secrets
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

import clearlane
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
        assert _exists(name) and name.startswith(f"clearlane_test_{conftest.SCRATCH.run:015x}_")
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


def test_a_run_holding_its_lock_through_another_database_is_alive() -> None:
    """Advisory locks belong to a database, test databases to the server: a run connected
    through ``.../postgres`` while this one uses ``.../test`` keeps its databases."""
    alive = secrets.randbits(60)
    in_use = _create(alive)
    other = make_url(POSTGRES_URL).set(database="postgres")
    holder = create_engine(other, isolation_level="AUTOCOMMIT", poolclass=NullPool).connect()
    try:
        holder.execute(text("SELECT pg_advisory_lock(:run)"), {"run": alive})
        assert in_use not in drop_stale_databases()
        assert _exists(in_use)
    finally:
        holder.close()
        with _admin().connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{in_use}"'))


def test_a_run_whose_lock_connection_dropped_takes_its_lock_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lock's connection ended (server restart, idle_session_timeout, a terminated
    backend): the run's next database is created under its lock again, so another run's
    cleanup keeps it."""
    with postgres_database():
        pass  # this run holds its lock
    assert conftest.SCRATCH.lock is not None
    pid = conftest.SCRATCH.lock.execute(text("SELECT pg_backend_pid()")).scalar()
    with _admin().connect() as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    with postgres_database() as url:
        name = str(make_url(url).database)
        monkeypatch.setattr(conftest.SCRATCH, "run", secrets.randbits(60))  # another run's cleanup
        assert name not in drop_stale_databases()
        monkeypatch.undo()
        assert _exists(name)


BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
# A benchmark that makes its PostgreSQL database as benchmarks/ingest.py does, then is killed
# (SIGKILL: no clean-up of its own runs) before it drops it.
KILLED_BENCHMARK = """
import importlib.util, os, signal, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("bench_ingest", sys.argv[1])
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
stores = bench.Stores(Path("."), sys.argv[2])
print(stores.pg(), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _benchmark_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_ingest", BENCHMARKS / "ingest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_killed_benchmarks_database_is_dropped_by_the_next_run(tmp_path: Path) -> None:
    """benchmarks/ingest.py killed mid-run left its database; the next test run drops it
    (it leaked for good when benchmarks named their databases without an owner)."""
    done = subprocess.run(
        [sys.executable, "-c", KILLED_BENCHMARK, str(BENCHMARKS / "ingest.py"), POSTGRES_URL],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(clearlane.__file__).parents[1])},
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    name = str(make_url(done.stdout.strip().splitlines()[-1]).database)
    try:
        assert _exists(name)
        assert name in drop_stale_databases()
        assert not _exists(name)
    finally:
        with _admin().connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))


def test_a_running_benchmarks_database_outlives_a_test_runs_cleanup(tmp_path: Path) -> None:
    """A benchmark alive holds its run's lock: a test run's cleanup keeps its database even
    with no connection to it at the moment; the benchmark drops it itself at the end."""
    stores = _benchmark_module().Stores(tmp_path, POSTGRES_URL)
    url = stores.pg()
    name = str(make_url(url).database)
    try:
        assert name.startswith("clearlane_bench_")
        assert name not in drop_stale_databases()
        assert _exists(name)
    finally:
        stores.drop()
        assert stores.scratch is not None and stores.scratch.lock is not None
        stores.scratch.lock.close()
    assert not _exists(name)


def test_no_benchmark_makes_a_database_of_its_own() -> None:
    """Every benchmark's PostgreSQL database is a scratch one (tests.scratch),
    under its run's lock: none is made with a bare CREATE DATABASE."""
    own = [p.name for p in BENCHMARKS.glob("*.py") if "CREATE DATABASE" in p.read_text()]
    assert own == []


def test_the_product_does_not_ship_the_scratch_database_helper() -> None:
    """(mends6) tests/scratch.py makes and drops databases by name for tests and benchmarks;
    no product code uses it, so the wheel (src/clearlane) does not carry it: it was
    clearlane.store.scratch until 2026-12-05."""
    assert importlib.util.find_spec("clearlane.store.scratch") is None
    assert importlib.util.find_spec("tests.scratch") is not None
