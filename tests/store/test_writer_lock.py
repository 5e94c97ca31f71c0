"""SQLite writers queue on a lock file next to the database (``clearlane.store.writers``):
held from a transaction's first write to its end, by threads and processes alike, dropped
with a killed process, and waited for no longer than the busy timeout. Writers released
together by a ``threading.Barrier`` on both stores still store every write once, in one
intact audit chain."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import verify
from clearlane.audit.chain import AuditEvent, append_many
from clearlane.store import writers
from clearlane.store.locks import write_lock
from clearlane.store.session import open_store
from clearlane.store.tables import AuditEntryRow
from tests.concurrency import together

THREADS = 6
SRC = Path(__file__).resolve().parents[2] / "src"


def _held_by_someone(lock_file: Path) -> bool:
    """Whether another open file holds ``lock_file``'s flock (tried without waiting)."""
    with lock_file.open("ab") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return False


def _helpers_idle(limit: float) -> bool:
    """Whether every kept lock-file helper (:class:`writers._Waiters`) has finished its wait
    within ``limit`` seconds (an abandoned one finishes when it gets the file)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        waiters = writers._WAITERS
        with waiters.guard:
            if waiters.idle == waiters.started:
                return True
        time.sleep(0.01)
    return False


def _lock_file(store: sessionmaker[Session]) -> Path:
    database = store.kw["bind"].url.database
    return Path(writers.lock_path(database))


def _append(session: Session, subject: str) -> None:
    append_many(session, [AuditEvent("test", "writer-lock", subject, {"n": 1})])


def test_a_write_transaction_holds_the_lock_file_from_its_first_write_to_its_end(
    sqlite_store: sessionmaker[Session],
) -> None:
    lock_file = _lock_file(sqlite_store)
    with sqlite_store() as session, session.begin():
        session.execute(select(func.count()).select_from(AuditEntryRow)).scalar()
        assert not _held_by_someone(lock_file)  # a read takes no lock
        _append(session, "first")  # the driver begins the transaction before this write
        assert _held_by_someone(lock_file)
    assert not _held_by_someone(lock_file)  # committed
    with sqlite_store() as session, session.begin():
        write_lock(session, "key")  # BEGIN IMMEDIATE
        assert _held_by_someone(lock_file)
        session.rollback()
        assert not _held_by_someone(lock_file)  # rolled back


def test_a_failed_write_gives_the_lock_file_back(sqlite_store: sessionmaker[Session]) -> None:
    lock_file = _lock_file(sqlite_store)
    with pytest.raises(Exception, match="no such table"), sqlite_store() as session:
        with session.begin():
            session.execute(text("INSERT INTO no_such_table VALUES (1)"))
    assert not _held_by_someone(lock_file)


@pytest.mark.parametrize("how", ["commit", "close"])
def test_a_connection_closed_or_committed_gives_the_lock_file_back(
    sqlite_store: sessionmaker[Session], how: str
) -> None:
    lock_file = _lock_file(sqlite_store)
    engine = sqlite_store.kw["bind"]
    connection = engine.connect()
    connection.exec_driver_sql("BEGIN IMMEDIATE")
    assert _held_by_someone(lock_file)
    if how == "commit":
        connection.commit()
    else:
        connection.invalidate()  # the pool closes the DBAPI connection
    assert not _held_by_someone(lock_file)
    connection.close()


def test_writers_released_together_each_hold_the_lock_file_alone(
    sqlite_store: sessionmaker[Session],
) -> None:
    """Threads (each its own connection) between their first write and their commit: never
    two at once, and each held the lock file meanwhile."""
    lock_file = _lock_file(sqlite_store)
    inside: list[int] = []
    overlaps: list[int] = []
    held: list[bool] = []
    guard = threading.Lock()

    def writer(i: int) -> None:
        with sqlite_store() as session, session.begin():
            _append(session, f"writer-{i}")
            with guard:
                inside.append(i)
                overlaps.append(len(inside))
            held.append(_held_by_someone(lock_file))
            _append(session, f"writer-{i}-again")
            with guard:
                inside.remove(i)

    together(THREADS, writer)
    assert overlaps == [1] * THREADS
    assert held == [True] * THREADS
    assert not _held_by_someone(lock_file)


def test_writers_released_together_store_every_write_once(
    store: sessionmaker[Session],
) -> None:
    """Both stores: racers behind a barrier each lock, read the audit head and append; every
    entry is stored once, in sequence, and the chain verifies."""

    def writer(i: int) -> None:
        with store() as session, session.begin():
            write_lock(session, "writer-lock-test")
            _append(session, f"writer-{i}")

    together(THREADS, writer)
    with store() as session:
        seqs = sorted(
            session.scalars(select(AuditEntryRow.seq).where(AuditEntryRow.kind == "test"))
        )
        assert verify(session).ok
    assert len(seqs) == THREADS
    assert seqs == list(range(seqs[0], seqs[0] + THREADS))


def test_a_killed_writer_process_leaves_the_lock_file_free(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = open_store(url)
    lock_file = _lock_file(store)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from clearlane.store.session import get_engine\n"
            "connection = get_engine(sys.argv[1]).connect()\n"
            "connection.exec_driver_sql('BEGIN IMMEDIATE')\n"
            "print('writing', flush=True)\n"
            "time.sleep(600)\n",
            url,
        ],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "writing"
        assert _held_by_someone(lock_file)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert not _held_by_someone(lock_file)
    with store() as session, session.begin():
        _append(session, "after the kill")
    with store() as session:
        assert verify(session).ok


def test_a_writer_waits_for_the_lock_file_no_longer_than_the_limit(
    sqlite_store: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A holder that never lets go (a stuck process, say) delays a writer by the limit, after
    which SQLite's own lock, free here, decides."""
    monkeypatch.setattr(writers, "WAIT_LIMIT", 0.2)
    lock_file = _lock_file(sqlite_store)
    with lock_file.open("ab") as stuck:
        fcntl.flock(stuck.fileno(), fcntl.LOCK_EX)
        with sqlite_store() as session, session.begin():
            _append(session, "despite the stuck holder")
        fcntl.flock(stuck.fileno(), fcntl.LOCK_UN)
    with sqlite_store() as session:
        assert session.scalar(select(func.count()).where(AuditEntryRow.kind == "test")) == 1
    # the abandoned waiter's helper takes the lock file when the holder lets go and closes
    # it at once (the helper is kept for the next wait: session 27); wait for that, not for
    # a guessed time, before looking
    assert _helpers_idle(10), "the abandoned waiter never got the lock file"
    assert not _held_by_someone(lock_file)


def test_two_names_of_one_database_queue_on_one_lock_file(tmp_path: Path) -> None:
    """A symlink to the database (a deployment's `current/` link, say) is the same database
    to SQLite, so its writers must queue on the same lock file as the real path's."""
    real = tmp_path / "real" / "store.db"
    real.parent.mkdir()
    open_store(f"sqlite:///{real}")  # created and migrated under its real name
    link = tmp_path / "link.db"
    link.symlink_to(real)
    session = open_store(f"sqlite:///{link}")()
    session.begin()
    _append(session, "through the link")
    try:
        assert _held_by_someone(Path(writers.lock_path(str(real))))
    finally:
        session.rollback()
        session.close()


def test_a_thread_writing_in_a_second_session_does_not_wait_for_its_own_lock_file(
    sqlite_store: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One thread, two sessions: the first holds the lock file (and SQLite's lock) in its
    write transaction, the second writes. Waiting for the lock file cannot end, since its
    holder is the waiting thread itself; the second goes straight to SQLite's busy handler,
    as it did before the lock file (here told not to wait: it fails at once)."""
    waits: list[float] = []
    monkeypatch.setattr(writers, "_wait", lambda _handle, limit: waits.append(limit) or False)
    with sqlite_store() as outer, outer.begin():
        _append(outer, "outer")
        with sqlite_store() as inner, inner.begin():
            inner.connection().exec_driver_sql("PRAGMA busy_timeout=0")
            with pytest.raises(OperationalError, match="locked"):
                _append(inner, "inner")
    assert waits == []
    assert not _held_by_someone(_lock_file(sqlite_store))


def _raw(session: Session) -> writers.WriterConnection:
    raw = session.connection().connection.dbapi_connection
    assert isinstance(raw, writers.WriterConnection)
    return raw


def _probe_table(store: sessionmaker[Session]) -> Path:
    """A table ``probe`` to write to, and a SQL function ``held()`` on each new connection
    that says whether the lock file is held while a statement runs."""
    lock_file = _lock_file(store)
    with store() as session:
        _raw(session).create_function("held", 0, lambda: int(_held_by_someone(lock_file)))
        session.execute(text("CREATE TABLE probe (n INTEGER PRIMARY KEY, v INTEGER)"))
        session.commit()
    return lock_file


@pytest.mark.parametrize(
    "statement",
    [
        "-- a comment first\nINSERT INTO probe (v) VALUES (1)",
        "/* a comment */ INSERT INTO probe (v) VALUES (1)",
        "\n\n   INSERT INTO probe (v) VALUES (1)",
        "REPLACE INTO probe (n, v) VALUES (1, 1)",
        "INSERT OR REPLACE INTO probe (n, v) VALUES (1, 1)",
        "insert or ignore into probe (v) values (1)",
    ],
)
def test_writes_the_prefix_check_missed_hold_the_lock_file_to_their_end(
    sqlite_store: sessionmaker[Session], statement: str
) -> None:
    lock_file = _probe_table(sqlite_store)
    with sqlite_store() as session, session.begin():
        session.execute(text(statement))
        assert _held_by_someone(lock_file)
    assert not _held_by_someone(lock_file)


@pytest.mark.parametrize(
    ("statement", "held"),
    [
        ("WITH x AS (SELECT held() AS h) INSERT INTO probe (v) SELECT h FROM x", 1),
        ("WITH x(h) AS MATERIALIZED (SELECT held()) REPLACE INTO probe SELECT 1, h FROM x", 1),
        ("/* c */ WITH x AS (SELECT ')' AS p) INSERT INTO probe (v) SELECT held() FROM x", 1),
        ("WITH x AS (SELECT held() AS h) SELECT h FROM x", 0),
        ("WITH RECURSIVE x(h) AS (SELECT held() UNION SELECT h FROM x) SELECT h FROM x", 0),
    ],
)
def test_a_statement_after_common_table_expressions_holds_the_lock_file_if_it_writes(
    sqlite_store: sessionmaker[Session], statement: str, held: int
) -> None:
    lock_file = _probe_table(sqlite_store)
    with sqlite_store() as session, session.begin():
        _raw(session).create_function("held", 0, lambda: int(_held_by_someone(lock_file)))
        rows = session.execute(text(statement))
        if held:  # pysqlite runs a WITH ... INSERT in autocommit: it ends with the statement
            assert session.execute(text("SELECT v FROM probe")).scalar_one() == held
        else:
            assert rows.scalar_one() == 0
    assert not _held_by_someone(lock_file)


def test_a_write_after_a_bare_savepoint_holds_the_lock_file_to_its_end(
    sqlite_store: sessionmaker[Session],
) -> None:
    lock_file = _probe_table(sqlite_store)
    with sqlite_store() as session:
        session.execute(text("SAVEPOINT outer_sp"))  # begins a (deferred) transaction
        assert _raw(session).in_transaction
        session.execute(text("SELECT count(*) FROM probe")).scalar_one()
        assert not _held_by_someone(lock_file)  # no write yet
        session.execute(text("INSERT INTO probe (v) VALUES (1)"))
        assert _held_by_someone(lock_file)
        session.execute(text("RELEASE outer_sp"))  # the outermost release commits
        assert not _held_by_someone(lock_file)


def test_a_lock_file_this_process_may_not_write_is_still_taken(
    sqlite_store: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    # tests run as root, where 0o444 does not stop an open for appending: the module's
    # ``open`` refuses writing modes as the kernel would for another user
    lock_file = _probe_table(sqlite_store)
    lock_file.chmod(0o444)
    real_open = open

    def unwritable(path: str, mode: str = "r", *args: object, **kwargs: object) -> object:
        if str(path) == str(lock_file) and set(mode) & set("aw+x"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(writers, "open", unwritable, raising=False)
    with sqlite_store() as session, session.begin():
        session.execute(text("INSERT INTO probe (v) VALUES (1)"))
        assert _held_by_someone(lock_file)
    assert not _held_by_someone(lock_file)


def test_a_lock_file_that_cannot_be_opened_is_warned_about_once(
    sqlite_store: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    lock_file = _probe_table(sqlite_store)

    def unopenable(path: str, *_args: object, **_kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(writers, "open", unopenable, raising=False)
    # new connections: one that has written keeps its lock file open (session 25)
    sqlite_store.kw["bind"].dispose()
    for _ in range(3):
        with sqlite_store() as session, session.begin():
            session.execute(text("INSERT INTO probe (v) VALUES (1)"))  # writes all the same
            assert not _held_by_someone(lock_file)
    with sqlite_store() as session:
        assert session.execute(text("SELECT count(*) FROM probe")).scalar_one() == 3
    warnings = [r for r in caplog.records if r.name == writers.__name__]
    assert len(warnings) == 1
    assert str(lock_file) in warnings[0].getMessage()


def test_a_statement_is_read_alike_kept_or_not_and_long_texts_are_not_kept() -> None:
    """The reading of a statement is kept per text (#15) only for short texts: a multi-row
    insert of tens of kB, one text per chunk size, is read anew rather than held (final read,
    session 24), and both paths read a write and a read alike."""
    rows = ", ".join("(?, ?, ?)" for _ in range(2_000))
    long_insert = f"/* bulk */ INSERT INTO probe (a, b, c) VALUES {rows}"
    long_select = f"SELECT a FROM probe WHERE a IN ({', '.join('?' for _ in range(3_000))})"
    assert len(long_insert) > writers._KEPT_STATEMENT_CHARS
    assert len(long_select) > writers._KEPT_STATEMENT_CHARS
    writers._kept_reads_a_write.cache_clear()
    assert writers._begins_a_write(long_insert) is True
    assert writers._begins_a_write(long_select) is False
    assert writers._kept_reads_a_write.cache_info().currsize == 0
    short = "WITH x AS (SELECT 1 AS h) INSERT INTO probe (v) SELECT h FROM x"
    assert writers._begins_a_write(short) is True
    assert writers._begins_a_write(short) is True
    info = writers._kept_reads_a_write.cache_info()
    assert (info.currsize, info.hits) == (1, 1)


def test_a_connection_opens_its_lock_file_once_for_all_its_write_transactions(
    sqlite_store: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock file is kept open between a connection's write transactions (unlocked at
    each end), not opened and closed for each (session 25, #15: about 10 µs each)."""
    lock_file = _lock_file(sqlite_store)
    opened: list[str] = []
    real_open = writers._open

    def counted(path: str) -> object:
        opened.append(path)
        return real_open(path)

    monkeypatch.setattr(writers, "_open", counted)
    engine = sqlite_store.kw["bind"]
    engine.dispose()  # a new connection, which has not opened the lock file yet
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        for i in range(3):
            with Session(bind=connection) as session, session.begin():
                _append(session, f"kept-{i}")
                assert _held_by_someone(lock_file)
            assert not _held_by_someone(lock_file)
            assert isinstance(raw, writers.WriterConnection) and raw.kept is not None
    assert opened == [str(lock_file)]


_IDLE_WRITER = """\
import sys
from sqlalchemy import text
from clearlane.store.session import get_engine
connection = get_engine(sys.argv[1]).connect()
for _ in range(2):  # two write transactions: the lock file is kept open after them
    connection.exec_driver_sql("BEGIN IMMEDIATE")
    connection.commit()
assert connection.connection.dbapi_connection.kept is not None
print("idle", flush=True)
sys.stdin.readline()
connection.exec_driver_sql("BEGIN IMMEDIATE")
print("writing", flush=True)
sys.stdin.readline()
"""


def test_a_process_keeping_its_lock_file_open_holds_it_only_while_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes: one whose connection keeps the lock file open between its writes does
    not hold it meanwhile (the other writes without waiting for it), holds it while it writes
    (the other then finds it held), and killed while it writes leaves it free."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = open_store(url)
    lock_file = _lock_file(store)
    waits: list[float] = []
    monkeypatch.setattr(writers, "_wait", lambda _handle, limit: waits.append(limit) or False)
    other = subprocess.Popen(
        [sys.executable, "-c", _IDLE_WRITER, url],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdin is not None and other.stdout is not None
        assert other.stdout.readline().strip() == "idle"
        assert not _held_by_someone(lock_file)
        with store() as session, session.begin():
            _append(session, "while the other is idle")
        assert waits == []  # never found the lock file held
        other.stdin.write("go\n")
        other.stdin.flush()
        assert other.stdout.readline().strip() == "writing"
        assert _held_by_someone(lock_file)
    finally:
        other.send_signal(signal.SIGKILL)
        other.wait()
    assert not _held_by_someone(lock_file)
    with store() as session, session.begin():
        _append(session, "after the kill")
    assert waits == []
    with store() as session:
        assert verify(session).ok


def test_a_forked_child_never_unlocks_its_parents_lock_file(
    sqlite_store: sessionmaker[Session],
) -> None:
    """A bare fork while the parent writes: the child's copy of the connection, ending its
    transaction or closed, leaves the parent's lock held (the kept file is the parent's)."""
    lock_file = _lock_file(sqlite_store)
    engine = sqlite_store.kw["bind"]
    with engine.connect() as connection:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        connection.commit()  # the lock file is now kept open
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        raw = connection.connection.dbapi_connection
        assert isinstance(raw, writers.WriterConnection) and raw.held is not None
        pid = os.fork()
        if pid == 0:  # the child: let go as a commit would, then close
            code = 0
            try:
                raw.let_go()
                raw.close()
            except BaseException:
                code = 1
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert _held_by_someone(lock_file)  # still the parent's
        connection.commit()
    assert not _held_by_someone(lock_file)
