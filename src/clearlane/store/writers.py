"""SQLite writers queue on a lock file, so a writer starts as soon as the one before commits.

SQLite has one write lock per database. A writer that finds it taken does not wait on it:
its busy handler (``PRAGMA busy_timeout``) sleeps 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50,
100 ms between tries, so a lock held for 4 ms costs the waiter 8 ms, one held for 20 ms 33 ms,
and the lock stays idle meanwhile. Two API worker processes, each with two submission
threads, meet there on every submission (docs/performance.md, session 21, tail).

Here each write transaction of ClearLane's SQLite connections takes an exclusive ``flock``
on ``<database>-writer`` (next to the database, as its ``-wal`` and ``-shm`` files are) just
before its first write (``BEGIN IMMEDIATE``, or the first ``INSERT``/``UPDATE``/
``DELETE``/``REPLACE``, read after leading comments and after ``WITH``'s common table
expressions, also in a transaction a bare ``SAVEPOINT`` or a read began), and gives it back
when the transaction ends: a waiter blocked in ``flock`` is woken by the kernel when the
holder lets go, then takes SQLite's lock, which is free by then. The file lock only orders
ClearLane's writers; SQLite's own lock still guards the data, so a writer that does not take
the file lock (another program, an older release, a process that cannot open the file) is
waited for by the busy handler as before. Each connection locks its own open file, so two
threads of one process queue as two processes do. The file is opened once a connection and
kept open between its write transactions, unlocked (``LOCK_UN``) at each one's end (an
``open`` and ``close`` a write transaction cost about 25 µs more, alternated at load 35-45;
session 25). A process
that dies holding the lock loses it with its files (the kernel drops it). A writer waits for
the file lock at most :data:`WAIT_LIMIT` seconds (as long as the busy timeout) and then goes
on to SQLite's busy handler, so a long transaction (a large `clearlane ingest` while the
server runs) fails a waiting writer after as long a wait as before, no sooner and at most
twice as late. The file is opened close-on-exec; a bare ``os.fork`` while a write
transaction runs would share its lock with the child until one of them closes it (ClearLane
starts its processes by spawn or exec, never by a bare fork). A forked child never unlocks a
file its parent opened (that would unlock the parent's lock): it closes it, and opens one of
its own before it writes.
"""

from __future__ import annotations

import fcntl
import logging
import os
import queue
import re
import sqlite3
import threading
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, BinaryIO

from sqlalchemy import Connection, Engine, event

#: Seconds a writer waits for the lock file before it goes on to SQLite's busy handler.
WAIT_LIMIT = 30.0

_WRITES = frozenset(("INSERT", "UPDATE", "DELETE", "REPLACE"))

_log = logging.getLogger(__name__)

#: Lock files this process could not open, warned about once each.
_UNOPENED: set[str] = set()


def lock_path(database: str) -> str:
    """The lock file of the SQLite database file ``database``."""
    return f"{database}-writer"


class WriterConnection(sqlite3.Connection):
    """A pysqlite connection (``sqlite3.connect(..., factory=WriterConnection)``) that takes
    the database's writer lock file for each of its write transactions."""

    def __init__(self, database: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(database, *args, **kwargs)
        name = str(database)
        memory = name in ("", ":memory:") or kwargs.get("uri") or name.startswith("file:")
        # next to the file SQLite opened: a symlink's target (SQLite resolves the link too,
        # and keeps its -wal there), so two names of one database share one lock file
        self.gate: str | None = None if memory else lock_path(os.path.realpath(name))
        # the lock file, open and locked, while this connection's write transaction runs
        self.held: BinaryIO | None = None
        # the lock file kept open (unlocked) between write transactions, and the process
        # that opened it; closed with the connection (an abandoned connection's lock goes
        # with it)
        self.kept: BinaryIO | None = None
        self.kept_by = 0
        # whether this transaction has asked for the lock file yet, and the connection's
        # change count when it began: a transaction that has written (holds SQLite's lock)
        # must not wait for the file, whose holder may be waiting for SQLite's lock
        self.tried = False
        self.changes_at_begin = 0

    def take_writer_lock(self) -> None:
        """Wait for the lock file (at most :data:`WAIT_LIMIT` s), then hold it; not when
        this thread holds it through another connection (:data:`_HOLDERS`)."""
        if self.gate is None or self.held is not None:
            return
        if _HOLDERS.get(self.gate, (None,))[0] == threading.get_ident():
            return  # SQLite's busy handler decides, as it did before the lock file
        handle = self._lock_file(self.gate)
        if handle is None:
            return  # SQLite's busy handler orders the writers, as before the lock file
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.kept = None  # the waiting thread's now: it closes it if this one gives up
            if not _wait(handle, WAIT_LIMIT):
                return  # the waiting thread closes the file when its flock returns
            self.kept = handle
        except OSError:
            self.kept = None
            handle.close()
            return
        self.held = handle
        _HOLDERS[self.gate] = (threading.get_ident(), id(self))

    def _lock_file(self, gate: str) -> BinaryIO | None:
        """The lock file this connection keeps open, opened on first use (None if it cannot
        be); in a forked child the parent's is closed (never unlocked) and one opened anew."""
        pid = os.getpid()
        if self.kept is not None:
            if self.kept_by == pid:
                return self.kept
            self.kept.close()  # the parent's lock, if it holds one, stays the parent's
        self.kept, self.kept_by = _open(gate), pid
        return self.kept

    def let_go(self) -> None:
        """Give the lock file back: unlocked and kept open for the next write transaction,
        or closed (which unlocks it) when it cannot be unlocked; in a forked child closed
        only, which leaves the parent's lock to the parent."""
        held, self.held = self.held, None
        if held is None:
            return
        if self.gate is not None and _HOLDERS.get(self.gate, (None, None))[1] == id(self):
            del _HOLDERS[self.gate]  # before the unlock: the next holder records itself
        if self.kept_by == os.getpid():
            try:
                fcntl.flock(held.fileno(), fcntl.LOCK_UN)
                return
            except OSError:
                pass
        self.kept = None
        held.close()

    def close(self) -> None:
        self.let_go()
        kept, self.kept = self.kept, None
        if kept is not None:
            kept.close()
        super().close()


#: This process's holder of each lock file: (thread, connection). A thread that writes in a
#: second session while its first holds the lock file (its own write transaction open) would
#: wait for itself: the wait could only end at :data:`WAIT_LIMIT`, after which SQLite's lock,
#: held by the same first session, fails it after the busy timeout as well, twice as late as
#: before the lock file. It skips the lock file instead. A connection only ever holds the lock
#: file (one open file at a time in the whole system), so one entry a database suffices.
_HOLDERS: dict[str, tuple[int, int]] = {}


def _open(path: str) -> BinaryIO | None:
    """The lock file opened for appending (created if need be), or read-only when this
    process may not write it (``flock`` takes either); None, with one warning a path, when
    it cannot be opened at all (a read-only folder without the file, say)."""
    try:
        return open(path, "ab")  # noqa: SIM115 (held across calls)
    except OSError:
        pass
    try:
        return open(path, "rb")  # noqa: SIM115 (held across calls)
    except OSError as error:
        if path not in _UNOPENED:
            _UNOPENED.add(path)
            _log.warning(
                "cannot open the SQLite writers' lock file %s (%s): writers here wait in "
                "SQLite's busy handler instead of queueing",
                path,
                error,
            )
        return None


def _wait(handle: BinaryIO, limit: float) -> bool:
    """Block in ``flock`` on ``handle`` for at most ``limit`` seconds: True once it is held.

    ``flock`` itself takes no time limit, so a helper thread blocks in it; after ``limit``
    the caller gives up, and the helper closes ``handle`` (unlocking it) when its ``flock``
    returns. A helper is asked only when the lock is taken: an uncontended write never gets
    here. The helpers are kept (:class:`_Waiters`): one that has finished a wait takes the
    next: starting a thread for each contended wait cost about 100 µs more of process CPU
    (medians 176 and 73 µs a wait, benchmarks/sqlite_writer_waits.py), at about one contended
    wait a submission under two API workers (session 27)."""
    wait = _Wait(handle)
    _WAITERS.run(wait)
    wait.done.wait(limit)
    with wait.guard:
        if wait.done.is_set():
            return wait.held
        wait.abandoned = True
        return False


class _Wait:
    """One writer's wait for the lock file: the helper's ``flock`` and its outcome."""

    __slots__ = ("abandoned", "done", "guard", "handle", "held")

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.done = threading.Event()
        self.guard = threading.Lock()
        self.held = False
        self.abandoned = False

    def block(self) -> None:
        """Wait for the lock file; a writer that has given up meanwhile (or a failed
        ``flock``) has it closed, which unlocks it if it was taken."""
        try:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX)
            held = True
        except OSError:
            held = False
        with self.guard:
            if self.abandoned or not held:
                self.handle.close()
            self.held = held
            self.done.set()


class _Waiters:
    """This process's kept helper threads for :func:`_wait`: each takes the next wait when
    it has finished one, and a new one is started only when every helper is in a wait (so
    there are at most as many as writers have waited at once). An abandoned wait keeps its
    helper until its ``flock`` returns, as its own thread was kept before."""

    def __init__(self) -> None:
        self.guard = threading.Lock()
        self.jobs: queue.SimpleQueue[_Wait] = queue.SimpleQueue()
        self.idle = 0  # helpers not in a wait and not yet promised one
        self.started = 0

    def run(self, wait: _Wait) -> None:
        with self.guard:
            start = self.idle == 0
            if start:
                self.started += 1
            else:
                self.idle -= 1  # promised to this wait: it takes the next job
        if not start:
            self.jobs.put(wait)
            return
        try:  # a new helper, with this wait as its first
            threading.Thread(
                target=self._serve, args=(wait,), name="sqlite-writer-lock", daemon=True
            ).start()
        except BaseException:  # no thread (the process's limit, say): raised, as before
            with self.guard:
                self.started -= 1
            raise

    def _serve(self, first: _Wait) -> None:
        jobs = self.jobs  # this instance's (a forked child starts a new one)
        wait = first
        while True:
            wait.block()
            with self.guard:
                self.idle += 1
            wait = jobs.get()


_WAITERS = _Waiters()


def _after_fork() -> None:
    """A forked child has none of its parent's helpers (threads do not survive a fork)."""
    global _WAITERS
    _WAITERS = _Waiters()


os.register_at_fork(after_in_child=_after_fork)


def _writer_of(connection: Connection) -> WriterConnection | None:
    raw = connection.connection.dbapi_connection
    return raw if isinstance(raw, WriterConnection) else None


def _compiled_write(context: Any) -> bool:
    """Whether SQLAlchemy compiled the statement as an insert, update or delete (``False``
    for textual SQL, which :func:`_begins_a_write` reads)."""
    return bool(
        getattr(context, "isinsert", False)
        or getattr(context, "isupdate", False)
        or getattr(context, "isdelete", False)
    )


def _begins_a_write(statement: str) -> bool:
    """Whether ``statement`` writes (or begins a write transaction): its first keyword after
    any leading whitespace and comments, or for ``WITH`` the statement after the common
    table expressions. ``WITH ... SELECT``, ``EXPLAIN``, ``SAVEPOINT`` and reads do not.

    Kept per statement text (a function of the text alone) when the text is short: the
    store's statements are compiled once and sent again and again, and reading one cost an
    API submission about 10 µs a statement, some 0.1 ms over its statements (#15). A long
    text (a multi-row insert of ingest's, tens of kB, of a length per chunk size) is read
    anew, so the cache never holds more than 1,024 short texts."""
    if len(statement) > _KEPT_STATEMENT_CHARS:
        return _reads_a_write(statement)
    return _kept_reads_a_write(statement)


#: Longest statement text whose reading :func:`_begins_a_write` keeps.
_KEPT_STATEMENT_CHARS = 4096


def _reads_a_write(statement: str) -> bool:
    words = _words(statement)
    first = next(words, "")
    if first in _WRITES:
        return True
    if first == "BEGIN":
        return next(words, "") in ("IMMEDIATE", "EXCLUSIVE")
    if first == "WITH":
        # the first verb outside the parentheses of the CTEs is the statement's own
        return next((w for w in words if w in _VERBS), "") in _WRITES
    return False


_kept_reads_a_write = lru_cache(maxsize=1024)(_reads_a_write)

_VERBS = frozenset((*_WRITES, "SELECT", "VALUES"))
_TOKEN = re.compile(
    r"\s+|--[^\n]*(?:\n|$)|/\*.*?(?:\*/|$)|'(?:[^']|'')*'?|\"(?:[^\"]|\"\")*\"?"
    r"|`[^`]*`?|\[[^\]]*\]?|(?P<word>[A-Za-z_][A-Za-z_0-9$]*)|(?P<open>\()|(?P<close>\))|.",
    re.DOTALL,
)


def _words(statement: str) -> Iterator[str]:
    """The upper-cased bare words of ``statement`` outside parentheses, comments, strings
    and quoted names, in order."""
    depth = 0
    for match in _TOKEN.finditer(statement):
        if match.group("open"):
            depth += 1
        elif match.group("close"):
            depth = max(depth - 1, 0)
        elif depth == 0 and (word := match.group("word")):
            yield word.upper()


def queue_writers(engine: Engine) -> None:
    """Make ``engine``'s SQLite connections take the writer lock file for each write
    transaction (the engine must connect with ``factory=WriterConnection``)."""

    @event.listens_for(engine, "before_cursor_execute")
    def before(
        connection: Connection,
        _cursor: Any,
        statement: str,
        _parameters: Any,
        context: Any,
        *_: Any,
    ) -> None:
        raw = _writer_of(connection)
        if raw is None:
            return
        if not raw.in_transaction:
            raw.tried, raw.changes_at_begin = False, raw.total_changes
        if (
            raw.held is None
            and not raw.tried
            # a transaction begun without a write (a bare SAVEPOINT, a read after BEGIN)
            # that has not written yet still holds no SQLite lock that a writer waits for
            and raw.total_changes == raw.changes_at_begin
            and (_compiled_write(context) or _begins_a_write(statement))
        ):
            raw.tried = True
            raw.take_writer_lock()

    def ended(connection: Connection, *_args: Any) -> None:
        # a statement that ended the transaction itself (a COMMIT sent as SQL), or a write
        # that failed before it began one
        raw = _writer_of(connection)
        if raw is not None and raw.held is not None and not raw.in_transaction:
            raw.let_go()

    event.listen(engine, "after_cursor_execute", ended)
    event.listen(engine, "handle_error", _after_error)

    dialect = engine.dialect
    commit, rollback = dialect.do_commit, dialect.do_rollback

    def do_commit(dbapi_connection: Any) -> None:
        try:
            commit(dbapi_connection)
        finally:
            _release_if_done(dbapi_connection)

    def do_rollback(dbapi_connection: Any) -> None:
        try:
            rollback(dbapi_connection)
        finally:
            _release_if_done(dbapi_connection)

    dialect.do_commit = do_commit  # type: ignore[method-assign]
    dialect.do_rollback = do_rollback  # type: ignore[method-assign]


def _after_error(context: Any) -> None:
    connection = context.connection
    if connection is None or connection.closed or connection.invalidated:
        return  # an invalidated connection is closed by the pool, and its lock file with it
    _release_if_done(connection.connection.dbapi_connection)


def _release_if_done(connection: Any) -> None:
    # the dialect is handed the pool's proxy of the DBAPI connection
    raw = getattr(connection, "dbapi_connection", connection)
    if isinstance(raw, WriterConnection) and raw.held is not None and not raw.in_transaction:
        raw.let_go()
