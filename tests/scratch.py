"""Scratch PostgreSQL databases for test runs and benchmarks: made fresh, dropped after, and
never left behind for good, nor dropped from under a run still alive.

Every scratch database is named ``<prefix><run>_<n>`` (``clearlane_test_`` for the test
suite, ``clearlane_bench_`` for ``benchmarks/``): ``<run>`` is the id of the process that made
it, which that process holds as a session-level advisory lock on the server for as long as it
lives. A database is dropped when its block ends (also when it raises); one left behind by a
run that was killed before that (``kill -9``, a lost terminal, a benchmark stopped mid-way) is
dropped by the next run of either kind, once no session holds that run's lock, in any
database (its process is gone). Runs sharing the server (CI jobs, xdist workers, developers,
a benchmark beside a test run) never drop each other's databases: a live run holds its lock,
taken again before each new database if its connection was lost. Names of another form carry
no owner and are left alone.

It lives beside the tests (``tests.scratch``; until mends6, 2026-12-05, it was
``clearlane.store.scratch``, shipped in the product's wheel though no product code uses it: a
helper that drops databases by name has no place on a customs server). It imports nothing
else of the tests, so a benchmark imports it as the test suite does, with the repository's
root on ``sys.path``.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import uuid
from collections.abc import Iterator

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

TEST_PREFIX = "clearlane_test_"
BENCH_PREFIX = "clearlane_bench_"
# Owned names of every kind: a run's cleanup drops what any dead run left (a test run drops
# a killed benchmark's database, and the other way round).
OWNED = re.compile(r"clearlane_(?:test|bench)_([0-9a-f]{15})_[0-9a-f]{12}")


def _lock_key(run: int) -> dict[str, int]:
    """``pg_locks``' two halves of a bigint advisory-lock key."""
    return {"high": run >> 32, "low": run & 0xFFFFFFFF}


class ScratchRun:
    """One process's scratch databases on the server that ``admin_url`` names (a database
    to connect through, ``.../test`` or ``.../postgres``), named with ``prefix``."""

    def __init__(self, admin_url: str, prefix: str) -> None:
        if not OWNED.fullmatch(f"{prefix}{0:015x}_{0:012x}"):
            raise ValueError(f"{prefix!r} is not one of {TEST_PREFIX!r}, {BENCH_PREFIX!r}")
        self.admin_url = admin_url
        self.prefix = prefix
        self.run = secrets.randbits(60)  # fits a bigint advisory-lock key
        self.lock: Connection | None = None  # held open while the process lives
        self.migrated: str | None = None  # the template of :meth:`migrated_database`

    def admin(self) -> Engine:
        return create_engine(
            make_url(self.admin_url), isolation_level="AUTOCOMMIT", poolclass=NullPool
        )

    def holds_lock(self) -> bool:
        """Whether this run's lock connection is alive and holds the lock (a server restart,
        an ``idle_session_timeout`` or ``pg_terminate_backend`` ends it without telling us)."""
        if self.lock is None:
            return False
        try:
            mine = self.lock.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    " AND pid = pg_backend_pid() AND classid::bigint = :high"
                    " AND objid::bigint = :low AND objsubid = 1"
                ),
                _lock_key(self.run),
            )
            return bool(mine.scalar())
        except DBAPIError:
            return False

    def claim(self) -> None:
        """Before each new database: hold this run's lock (again, if its connection was lost:
        another run would take this one for dead and drop its databases), then drop what dead
        runs left behind."""
        if self.holds_lock():
            return
        if self.lock is not None:
            with contextlib.suppress(DBAPIError):
                self.lock.close()
        connection = self.admin().connect()
        with contextlib.suppress(DBAPIError):  # PostgreSQL 14+: never end this idle session
            connection.execute(text("SET idle_session_timeout = 0"))
        connection.execute(text("SELECT pg_advisory_lock(:run)"), {"run": self.run})
        self.lock = connection
        self.drop_stale()

    def drop_stale(self) -> list[str]:
        """Drop the scratch databases whose run's lock nobody holds, through whichever
        database (the run died before dropping them); returns their names. A database still
        in use (a connection to it) is kept: DROP without FORCE refuses it."""
        dropped = []
        with self.admin().connect() as connection:
            names = connection.execute(
                text("SELECT datname FROM pg_database WHERE starts_with(datname, 'clearlane_')")
            ).scalars()
            for name in list(names):
                match = OWNED.fullmatch(name)
                run = int(match.group(1), 16) if match else None
                if run is None or run == self.run or lock_holders(connection, run):
                    continue  # no owner, ours, or a live run's (a dead run never returns)
                try:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
                    dropped.append(name)
                except DBAPIError:
                    pass  # connected to after all: left for a later run
        return dropped

    def create(self, template: str | None = None) -> str:
        """A new database under this run's lock, empty or a copy of the database that the URL
        ``template`` names; returns its URL (drop it with :meth:`drop`, or leave it to the
        next run's cleanup once this process is gone)."""
        self.claim()
        name = f"{self.prefix}{self.run:015x}_{uuid.uuid4().hex[:12]}"
        copied = f' TEMPLATE "{make_url(template).database}"' if template else ""
        with self.admin().connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"{copied}'))
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def template(self) -> str:
        """This run's migrated template: a scratch database (named and dropped like the others,
        by :meth:`drop_template` or a later run's cleanup) migrated to head once per process,
        with no connection left open on it (``CREATE DATABASE ... TEMPLATE`` refuses a
        template in use). Session 35, 2026-12-07: a copy costs about a tenth of migrating."""
        if self.migrated is None:
            from clearlane.store.session import get_engine, open_store

            url = self.create()
            try:
                open_store(url)
            finally:
                get_engine(url).dispose()
            self.migrated = url
        return self.migrated

    def drop_template(self) -> None:
        """Drop this run's migrated template, if it made one."""
        if self.migrated is not None:
            url, self.migrated = self.migrated, None
            self.drop(url)

    def drop(self, url: str) -> None:
        """Drop a database of this run, connections to it ended."""
        name = make_url(url).database
        with self.admin().connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    @contextlib.contextmanager
    def database(self, *, migrated: bool = False) -> Iterator[str]:
        """A fresh database's URL, dropped when the block ends however it ends: empty, or
        (``migrated``) a copy of this run's :meth:`template`, at head, nothing else in it."""
        url = self.create(self.template() if migrated else None)
        try:
            yield url
        finally:
            from clearlane.store.session import get_engine

            get_engine(url).dispose()
            self.drop(url)


def lock_holders(connection: Connection, run: int) -> int:
    """How many sessions hold ``run``'s lock, in any database of the server: an advisory lock
    belongs to the database its session is connected to, scratch databases to the server,
    and runs may connect through different databases (``.../test``, ``.../postgres``)."""
    held = connection.execute(
        text(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            " AND classid::bigint = :high AND objid::bigint = :low AND objsubid = 1"
        ),
        _lock_key(run),
    )
    return int(held.scalar() or 0)


__all__ = ["BENCH_PREFIX", "OWNED", "TEST_PREFIX", "ScratchRun", "lock_holders"]
