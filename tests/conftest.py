"""Shared fixtures. Storage tests run on SQLite always and on a real PostgreSQL server.

The PostgreSQL server is named by CLEARLANE_TEST_POSTGRES_URL (`make test` sets it and
starts a server when none answers). A test marked `postgres` that cannot reach the server
FAILS: it does not skip itself into green. Set CLEARLANE_TEST_POSTGRES=off to deselect them
knowingly on a machine without PostgreSQL.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pytest
from sqlalchemy.orm import Session, sessionmaker

from clearlane.store.session import open_store
from tests.factories import make_frame
from tests.scratch import TEST_PREFIX, ScratchRun

if TYPE_CHECKING:
    from clearlane.learn.registry import ModelRegistry

SHARED = Path(__file__).resolve().parents[2] / "shared"
KCS_TRAIN = SHARED / "data" / "kcs" / "kcs_train_2020.csv"
POSTGRES_URL = os.environ.get(
    "CLEARLANE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres:postgres@127.0.0.1:5432/test"
)
BACKENDS = ["sqlite"] + ([] if os.environ.get("CLEARLANE_TEST_POSTGRES") == "off" else ["postgres"])


# Pinned for every test: the random-control draw is keyed by the secret key, so a key drawn
# per process (or per data directory) would send a different set of declarations to the
# random lane on each run and make lane assertions flaky.
SECRET_KEY = "clearlane-tests-pinned-secret-key-do-not-use-in-production"


@pytest.fixture(scope="session", autouse=True)
def _pinned_secret_key() -> Iterator[None]:
    """The pinned key for session-scoped fixtures too (seeded stores, servers in child
    processes): autouse fixtures are set up before the other fixtures of their scope."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLEARLANE_SECRET_KEY", SECRET_KEY)
        yield


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches ./var or a database named by the developer's environment, and every
    test signs tokens and draws random controls with the same pinned secret key."""
    monkeypatch.setenv("CLEARLANE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("CLEARLANE_DATABASE_URL", raising=False)
    monkeypatch.setenv("CLEARLANE_SECRET_KEY", SECRET_KEY)
    # An app started in a test does not load the HS model in the background (seconds of CPU
    # per test process); tests/hs/test_index_cache.py turns it on where it is the subject.
    monkeypatch.setenv("CLEARLANE_HS_WARM_UP", "false")
    # Nor compile boosters in a background process (tests/learn/test_compiling.py does).
    monkeypatch.setenv("CLEARLANE_COMPILE_BOOSTERS", "false")
    from clearlane.config import get_settings
    from clearlane.features.facts import HS_CHECK_CACHE

    get_settings.cache_clear()
    HS_CHECK_CACHE.clear()  # checks held for one test's store say nothing of the next one's


# Every test database is named clearlane_test_<run>_<n> (tests/scratch.py, shared with
# the benchmarks): <run> is this test process's id, which it holds as a session-level advisory
# lock on the server for as long as it lives. A database is dropped when its test ends (also
# when the test fails); one left behind by a run that was killed or interrupted before its
# teardown (a test run's or a benchmark's) is dropped by the next run's first PostgreSQL test,
# once no session holds that run's lock, in any database (its process is gone). Runs sharing
# the server (CI jobs, xdist workers, developers, benchmarks) never drop each other's
# databases: a live run holds its lock, taken again before each database if its connection
# was lost. Names of the older form (clearlane_test_<n>) carry no owner and are left alone.
DATABASE_PREFIX = TEST_PREFIX
SCRATCH = ScratchRun(POSTGRES_URL, DATABASE_PREFIX)


def drop_stale_databases() -> list[str]:
    """Drop the scratch databases (tests' and benchmarks') whose run's lock nobody holds."""
    return SCRATCH.drop_stale()


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database's URL, dropped when the block ends however it ends."""
    with SCRATCH.database() as url:
        yield url


def _postgres_database(*, migrated: bool = False) -> Iterator[str]:
    """:func:`postgres_database` for generator fixtures (``yield from``); ``migrated``: a
    copy of this process's migrated template instead of an empty database."""
    with SCRATCH.database(migrated=migrated) as url:
        yield url


# Session 35, 2026-12-07: a test that wants a store at head gets a COPY of one migrated once
# per test process (PostgreSQL: CREATE DATABASE ... TEMPLATE, about 0.3 s instead of 1.2-1.7 s
# for create + migrations; SQLite: a file copy instead of 0.2 s of migrations). The copy holds
# what migrating a fresh database gives (schema, alembic_version, nothing else) and is its
# test's own: tests/store/test_migrated_copies.py guards that no row crosses from one test's
# copy to another's. `store_url` stays EMPTY: migration and first-run tests need that.
@pytest.fixture(scope="session", autouse=True)
def _drop_migrated_template() -> Iterator[None]:
    """This process's PostgreSQL template (made on first use) is dropped when the run ends;
    one a killed run left is dropped by the next run, as every scratch database."""
    yield
    if SCRATCH.migrated is not None:
        SCRATCH.drop_template()


_sqlite_templates: list[Path] = []


def sqlite_template(directory: Path) -> Path:
    """This process's SQLite store migrated to head, made once (in a new folder in
    ``directory``, on the first call) with its connections closed (its WAL checkpointed into
    the file): tests and module fixtures get copies of the file (:func:`sqlite_migrated_url`).
    """
    from clearlane.store.session import get_engine

    if _sqlite_templates:
        return _sqlite_templates[0]
    folder = directory / "migrated-sqlite-template"
    folder.mkdir()
    path = folder / "store.db"
    url = f"sqlite:///{path}"
    try:
        open_store(url)
    finally:
        get_engine(url).dispose()
    # its -writer lock file (clearlane.store.writers) holds no data; a -wal would
    leftovers = [p.name for p in path.parent.iterdir() if p.name.endswith(("-wal", "-journal"))]
    assert not leftovers, f"the migrated template left {leftovers} beside it"
    _sqlite_templates.append(path)
    return path


@pytest.fixture(scope="session")
def _sqlite_migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """:func:`sqlite_template` as a fixture."""
    return sqlite_template(tmp_path_factory.getbasetemp())


def sqlite_migrated_url(template: Path, directory: Path, name: str = "store.db") -> str:
    """A copy of the migrated SQLite ``template`` in ``directory`` (file ``name``), as a URL:
    the database file and what migrating left beside it (its ``-writer`` lock file, which
    holds no data, but tests of the lock take it as there, as after a migration)."""
    copy = directory / name
    for path in template.parent.glob(f"{template.name}*"):
        shutil.copyfile(path, directory / path.name.replace(template.name, copy.name, 1))
    return f"sqlite:///{copy}"


@pytest.fixture(params=[pytest.param(b, marks=getattr(pytest.mark, b)) for b in BACKENDS])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
    else:
        yield from _postgres_database()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database (for tests of PostgreSQL-only behaviour; mark them
    `postgres`)."""
    yield from _postgres_database()


@pytest.fixture(params=[pytest.param(b, marks=getattr(pytest.mark, b)) for b in BACKENDS])
def migrated_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database URL on each backend, already at head (a copy of this process's
    migrated template: nothing in it but the schema), this test's own."""
    if request.param == "sqlite":
        yield sqlite_migrated_url(request.getfixturevalue("_sqlite_migrated"), tmp_path)
    else:
        yield from _postgres_database(migrated=True)


@pytest.fixture
def store(migrated_url: str) -> sessionmaker[Session]:
    return open_store(migrated_url)


@pytest.fixture
def sqlite_store(tmp_path: Path, _sqlite_migrated: Path) -> sessionmaker[Session]:
    return open_store(sqlite_migrated_url(_sqlite_migrated, tmp_path))


@pytest.fixture
def migrated_sqlite(tmp_path: Path, _sqlite_migrated: Path) -> Callable[[str], str]:
    """``migrated_sqlite(name)``: the URL of a new SQLite store at head, ``<name>.db`` in the
    test's directory (a copy of the migrated template), for tests that compare two or more
    stores; each name gives its own store (session 36: these tests migrated each by hand)."""

    def copy(name: str) -> str:
        assert not (tmp_path / f"{name}.db").exists(), f"{name}.db is already a store"
        return sqlite_migrated_url(_sqlite_migrated, tmp_path, f"{name}.db")

    return copy


@pytest.fixture(scope="session")
def synth() -> pd.DataFrame:
    return make_frame()


@pytest.fixture(scope="session")
def trained_registry(tmp_path_factory: pytest.TempPathFactory) -> ModelRegistry:
    """A registry with a champion engine trained once per test session on generated data."""
    from clearlane.workflows import default_registry, train_and_register

    registry = default_registry(tmp_path_factory.mktemp("trained"))
    outcome = train_and_register(make_frame(800, seed=3, days=40), registry=registry, seed=0)
    assert outcome.decision.promoted
    return registry


@pytest.fixture(scope="session")
def kcs_sample(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """First 3,000 KCS rows (reads ../shared/data; skipped when it is not there)."""
    path = KCS_TRAIN
    if not path.exists():
        pytest.skip("shared KCS data not available")
    from clearlane.ingest.parse import read_frame

    with path.open(encoding="utf-8") as handle:
        head = "".join(line for _, line in zip(range(3001), handle, strict=False))
    sample = tmp_path_factory.mktemp("kcs") / "kcs_sample.csv"
    sample.write_text(head, encoding="utf-8")
    return read_frame(sample, "kcs").reset_index(drop=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """CLEARLANE_TEST_POSTGRES=off deselects (visibly) every test marked `postgres`."""
    if os.environ.get("CLEARLANE_TEST_POSTGRES") != "off":
        return
    kept = [item for item in items if item.get_closest_marker("postgres") is None]
    deselected = [item for item in items if item.get_closest_marker("postgres") is not None]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept
