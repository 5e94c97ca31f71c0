"""Review c11 (session 25): the SQLite writers' lock file kept open between a connection's
write transactions and unlocked (``LOCK_UN``) at each one's end. Hostile cases: two
connections of one process and a second process writing at once (released together); a
transaction rolled back by an exception, one whose savepoint is rolled back, and a connection
closed (or its DBAPI connection closed under it) mid-transaction each give the lock back."""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import verify
from clearlane.audit.chain import AuditEvent, append_many
from clearlane.store import writers
from clearlane.store.session import open_store
from clearlane.store.tables import AuditEntryRow

SRC = Path(__file__).resolve().parents[2] / "src"
ROUNDS = 15


def _held_by_someone(lock_file: Path) -> bool:
    with lock_file.open("ab") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return False


def _lock_file(store: sessionmaker[Session]) -> Path:
    return Path(writers.lock_path(store.kw["bind"].url.database))


def _append(session: Session, subject: str) -> None:
    append_many(session, [AuditEvent("test", "reviewc11", subject, {"n": 1})])


_OTHER_PROCESS = """
import os, sys, time
from clearlane.audit.chain import AuditEvent, append_many
from clearlane.store.session import open_store
store = open_store(sys.argv[1])
go, rounds = sys.argv[2], int(sys.argv[3])
with store() as session, session.begin():
    append_many(session, [AuditEvent("test", "reviewc11", "warm", {"n": 1})])
print("ready", flush=True)
while not os.path.exists(go):
    time.sleep(0.001)
for i in range(rounds):
    with store() as session, session.begin():
        append_many(session, [AuditEvent("test", "reviewc11", f"process {i}", {"n": 1})])
print("done", flush=True)
"""


def test_two_connections_and_a_second_process_writing_at_once_store_every_write(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = open_store(url)
    go = tmp_path / "go"
    other = subprocess.Popen(
        [sys.executable, "-c", _OTHER_PROCESS, url, str(go), str(ROUNDS)],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert other.stdout is not None
    assert other.stdout.readline().strip() == "ready"
    barrier = threading.Barrier(3)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            barrier.wait()
            for i in range(ROUNDS):
                with store() as session, session.begin():
                    _append(session, f"thread {n} {i}")
        except BaseException as error:  # noqa: BLE001 (reported below)
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    barrier.wait()
    go.touch()
    for thread in threads:
        thread.join(120)
    assert other.stdout.readline().strip() == "done"
    assert other.wait(60) == 0
    assert errors == []
    with store() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntryRow)) == 1 + 3 * ROUNDS
        assert verify(session).ok
    assert not _held_by_someone(_lock_file(store))


def test_an_exception_mid_transaction_gives_the_lock_back_and_the_next_writer_takes_it(
    sqlite_store: sessionmaker[Session],
) -> None:
    lock_file = _lock_file(sqlite_store)
    for _ in range(3):  # the kept file is unlocked each time, not only the first
        with pytest.raises(RuntimeError), sqlite_store() as session, session.begin():
            _append(session, "rolled back")
            assert _held_by_someone(lock_file)
            raise RuntimeError("mid-transaction")
        assert not _held_by_someone(lock_file)
    waits: list[float] = []
    real_wait = writers._wait

    def counted(handle: object, limit: float) -> bool:
        waits.append(limit)
        return real_wait(handle, limit)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(writers, "_wait", counted)
        with sqlite_store() as session, session.begin():
            _append(session, "after")
    assert waits == []
    with sqlite_store() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntryRow)) == 1


def test_a_savepoint_rolled_back_keeps_the_lock_until_the_transaction_ends(
    sqlite_store: sessionmaker[Session],
) -> None:
    lock_file = _lock_file(sqlite_store)
    with sqlite_store() as session, session.begin():
        _append(session, "outer")
        nested = session.begin_nested()
        _append(session, "inner")
        nested.rollback()
        assert _held_by_someone(lock_file)
        _append(session, "outer again")
        assert _held_by_someone(lock_file)
    assert not _held_by_someone(lock_file)


@pytest.mark.parametrize("how", ["session-close", "dbapi-close", "invalidate"])
def test_a_connection_closed_mid_transaction_gives_the_lock_back(
    sqlite_store: sessionmaker[Session], how: str
) -> None:
    lock_file = _lock_file(sqlite_store)
    session = sqlite_store()
    _append(session, "never committed")
    assert _held_by_someone(lock_file)
    connection = session.connection()
    if how == "dbapi-close":
        connection.connection.dbapi_connection.close()  # type: ignore[union-attr]
        assert not _held_by_someone(lock_file)
    elif how == "invalidate":
        connection.invalidate()
    # the rollback of a DBAPI connection closed under SQLAlchemy fails (not this lock's doing)
    with contextlib.suppress(ProgrammingError):
        session.close()
    assert not _held_by_someone(lock_file)
    started = time.monotonic()
    with sqlite_store() as other, other.begin():
        _append(other, "next writer")
    assert time.monotonic() - started < 2
    with sqlite_store() as reader:
        subjects = reader.scalars(text("SELECT subject FROM audit_log")).all()
    assert "never committed" not in subjects
