"""Engines and sessions. The store migrates itself to the latest schema on first use
(``auto_migrate``), so `clearlane demo` and `clearlane ingest` need no setup step;
`clearlane db upgrade` does the same explicitly."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from contextlib import suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote

import orjson
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, Dialect, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from clearlane.config import get_settings
from clearlane.store.writers import WriterConnection, queue_writers


def json_dumps(value: object) -> str:
    """The JSON text the store's JSON columns are written as (both engines)."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


_json_dumps = json_dumps


def core_connection(session: Session) -> Connection:
    """``session``'s connection (in its transaction), for a Core statement on a hot path:
    ``Session.execute`` of the same statement costs about 0.2 ms more CPU (the ORM's execute
    machinery, events and result wrapping), which adds up over the statements of one API
    submission (docs/performance.md, #15). Objects the session holds unflushed are flushed
    first, as ``Session.execute``'s autoflush would, so the statement sees them."""
    if session.autoflush and (session.new or session.dirty or session.deleted):
        session.flush()
    return session.connection()


def read_without_transaction(session: Session) -> Session:
    """``session`` (fresh, nothing run yet), its statements run without a transaction on
    PostgreSQL (the connection in autocommit) and returned; for a session that only reads.

    On PostgreSQL a transaction costs two round trips of its own (the driver's ``BEGIN``
    before the first statement, the pool's ``ROLLBACK`` when the session closes) and buys a
    read-only session nothing: at the store's isolation level (read committed) each statement
    sees the data committed when it starts, in a transaction or not. SQLite's driver starts no
    transaction for a read either: there nothing changes."""
    if session.in_transaction():
        raise RuntimeError("the session has begun already: a transaction is under way")
    if options := _without_transaction(session.get_bind().dialect):
        session.connection(execution_options=options)  # applied before the session begins
    return session


def connection_without_transaction(connection: Connection) -> Connection:
    """:func:`read_without_transaction` for a Core ``connection`` (fresh from the pool,
    nothing run yet): its statements run without a transaction on PostgreSQL. The pool
    restores the isolation level when the connection goes back."""
    if connection.in_transaction():
        raise RuntimeError("the connection has begun already: a transaction is under way")
    if options := _without_transaction(connection.dialect):
        connection.execution_options(**options)
    return connection


def _without_transaction(dialect: Dialect) -> dict[str, str]:
    """The execution options that run a connection's statements without a transaction:
    autocommit on PostgreSQL; none on SQLite, whose driver begins none for a read."""
    return {"isolation_level": "AUTOCOMMIT"} if dialect.name == "postgresql" else {}


#: libpq settings that bound how long a PostgreSQL server that stopped answering at the network
#: level (a dead host, a partition) can hold a statement: the kernel's own retransmission
#: timeout is about 15 minutes, during which the waiting thread is stuck; and an API worker
#: runs the sign-in check and returns each request's connection on its event loop
#: (:func:`clearlane.api.deps.get_db`), so it would stop answering every request. With these,
#: data unacknowledged for 30 s or a silent connection (keepalive probes from 30 s, 3 missed
#: 10 s apart) fails the statement instead. A server that is alive but slow (a long query, a
#: lock wait) still acknowledges and answers keepalives: it is not cut off.
PG_STALL_LIMITS: dict[str, object] = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,  # ms
}
PG_DRIVERS = ("psycopg", "psycopg2")  # libpq drivers, which take these as keywords


class StoreError(RuntimeError):
    """The database cannot be reached or is not in a usable state."""


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    # WAL: readers never block the writer; a killed writer leaves the last committed state.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def get_engine(url: str | None = None) -> Engine:
    """The engine of ``url`` (default: the configured store), one per URL and pool
    settings (``db_pool_size``, ``db_pool_overflow``, ``db_pool_timeout``) per process."""
    settings = get_settings()
    pool = (settings.db_pool_size, settings.db_pool_overflow, settings.db_pool_timeout)
    return _engine(url or settings.effective_database_url, pool)


#: Engines kept by :func:`get_engine`, the most recently used last.
ENGINE_CACHE_SIZE = 8
_engines: OrderedDict[tuple[str, tuple[int, int, float]], Engine] = OrderedDict()
_engines_lock = threading.Lock()


def _engine(url: str, pool: tuple[int, int, float] = (5, 10, 30.0)) -> Engine:
    """The cached engine of ``url`` and ``pool``, created on first use. Of
    :data:`ENGINE_CACHE_SIZE`, the least recently used is evicted and disposed
    (:func:`_retire`): until session 25 (``functools.lru_cache``) an evicted engine was only
    dropped, its idle connections open for as long as anything held it."""
    key = (url, pool)
    with _engines_lock:
        found = _engines.get(key)
        if found is not None:
            _engines.move_to_end(key)
            return found
    created = _checked_create(url, pool)  # outside the lock: a PostgreSQL engine is slow-ish
    evicted: list[Engine] = []
    with _engines_lock:
        found = _engines.get(key)
        if found is not None:  # another thread created it meanwhile: keep theirs
            _engines.move_to_end(key)
            evicted.append(created)
            created = found
        else:
            _engines[key] = created
            while len(_engines) > ENGINE_CACHE_SIZE:
                evicted.append(_engines.popitem(last=False)[1])
    for engine in evicted:
        _retire(engine)
    return created


def _retire(engine: Engine) -> None:
    """Dispose of an engine evicted from the cache: close the connections idle in its pool.

    Safe while another thread still uses the engine (an app's session factory holds the engine
    it started with): :meth:`Engine.dispose` closes only connections checked in, never one a
    thread has checked out, and gives the engine a new, empty pool, so a later checkout
    connects anew instead of failing. A connection checked out at the eviction goes back to
    the old pool, which no one takes from again: it is closed as it comes back
    (:func:`_close_on_checkin`), not left open until the old pool is garbage collected.
    Not for an in-memory SQLite database: it lives in its connections, and closing them would
    drop its data under whoever still uses it (its pool keeps one connection a thread and
    takes no pool settings, so it was never sized by them either)."""
    if engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:"):
        return
    old = engine.pool
    # disposed first: the new pool copies the old one's listeners as it is created, and with
    # the checkin listener it closed every connection as it came back, so an app still
    # holding the engine connected anew for each checkout (review c11)
    engine.dispose(close=True)
    event.listen(old, "checkin", _close_on_checkin)
    old.dispose()  # one checked in between the two lines above, now idle in the old pool


def _close_on_checkin(dbapi_connection: object, record: Any) -> None:
    """A retired pool's ``checkin`` event: close the connection coming back to it."""
    if dbapi_connection is not None:
        record.invalidate()


def _checked_create(url: str, pool: tuple[int, int, float]) -> Engine:
    # Cached by the resolved URL: caching by the argument made get_engine() keep returning
    # the first store after the settings changed.
    try:
        return _create(url, pool)
    except (ArgumentError, NoSuchModuleError, OSError, ValueError) as exc:  # ValueError: port
        # a typo in CLEARLANE_DATABASE_URL: say which setting and what is wrong, not a traceback
        shown = shown_url(url)
        if isinstance(exc, OSError):
            problem = f"cannot create its folder ({exc.strerror or exc})"
        else:
            problem = f"not a usable SQLAlchemy URL ({str(exc).splitlines()[0]})"
        raise StoreError(
            f"database URL {shown!r} (CLEARLANE_DATABASE_URL, or a SQLite file under "
            f"CLEARLANE_DATA_DIR): {problem}; e.g. sqlite:///var/clearlane.db or "
            "postgresql+psycopg://user:password@host:5432/clearlane"
        ) from exc


def _create(url: str, pool: tuple[int, int, float] = (5, 10, 30.0)) -> Engine:
    size, overflow, timeout = pool
    # SQLAlchemy's QueuePool, sized by the settings (an in-memory SQLite store has a pool of
    # its own kind, one connection a thread, which takes none of these)
    sizing: dict[str, Any] = {"pool_size": size, "max_overflow": overflow, "pool_timeout": timeout}
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        else:
            sizing = {}
        # writers queue on a lock file instead of polling SQLite's lock (store.writers)
        engine = create_engine(
            url,
            json_serializer=_json_dumps,
            connect_args={"factory": WriterConnection},
            **sizing,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        queue_writers(engine)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    connect_args: dict[str, object] = {}
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in PG_DRIVERS:
        # parameters given in the URL win
        connect_args = {k: v for k, v in PG_STALL_LIMITS.items() if k not in parsed.query}
    engine = create_engine(
        parsed,
        pool_pre_ping=True,
        json_serializer=_json_dumps,
        connect_args=connect_args,
        **sizing,
    )
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() == "psycopg":
        engine.dialect.do_ping = _ping_psycopg  # type: ignore[method-assign]
    return engine


def _ping_psycopg(dbapi_connection: Any) -> bool:
    """The pool's pre-ping of a psycopg connection: one empty query sent by libpq itself.

    SQLAlchemy's own ping switches the connection to autocommit, runs ``;`` through a new
    cursor (psycopg's statement machinery: query conversion, prepared-statement bookkeeping,
    result setup) and switches autocommit back: about 0.1-0.2 ms of client CPU, five times a
    PostgreSQL API submission (one per pooled checkout; docs/performance.md, session 20).
    An empty query is the same round trip to the backend (libpq's ``PQexec``, the
    interpreter lock released while it waits), starts no transaction and leaves psycopg's
    state alone. A dead connection fails it: psycopg then reports the connection broken, and
    SQLAlchemy's ``is_disconnect`` makes the pool replace it, as with its own ping."""
    from psycopg import OperationalError
    from psycopg.pq import ExecStatus

    # Sent at every checkout, however recently the connection came back: a quiet socket does
    # not say the backend lives; one ended a moment ago may not have sent its error yet, or it
    # is still on the network (review c15: session 30's skip for a socket with nothing to read
    # handed out connections ended just before, and their first statement failed).
    result = dbapi_connection.pgconn.exec_(b"")
    if result.status != ExecStatus.EMPTY_QUERY:
        status = ExecStatus(result.status).name
        raise OperationalError(result.get_error_message() or f"the ping answered {status}")
    return True


#: What a store that cannot be reached raises (the driver's errors, wrapped by SQLAlchemy, and
#: the operating system's). Not ``Exception``: a bug in ClearLane (a TypeError, a KeyError)
#: must keep its traceback, not read as "cannot connect" with exit code 2.
UNREACHABLE: tuple[type[BaseException], ...] = (SQLAlchemyError, OSError)


def connection_error(engine: Engine, exc: BaseException) -> StoreError:
    """A store that does not answer, as one line: the URL (password hidden), the setting that
    names it and the driver's message, without SQLAlchemy's '(Background on this error ...)'."""
    lines = [line for line in str(exc).splitlines() if not line.startswith("(Background on")]
    message = " ".join(line.strip() for line in lines if line.strip())
    return StoreError(
        f"cannot connect to {shown_url(engine.url)} (CLEARLANE_DATABASE_URL): "
        + hide_secrets(message, engine.url)
    )


_SECRET_KEYS = r"password|passwd|pwd|sslpassword"
# key=value in a query string (?password=...&) or a libpq DSN (password=... or password='...')
_SECRET_VALUE = re.compile(rf"(?i)\b({_SECRET_KEYS})(\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]*)")


def shown_url(url: str | URL) -> str:
    """``url`` as it may be printed: the password hidden wherever it is written (user:password@,
    a ``password=`` query parameter, a libpq ``key=value`` string), parsed or not."""
    text = url if isinstance(url, str) else url.render_as_string(hide_password=False)
    with suppress(ArgumentError, ValueError):
        text = make_url(text).render_as_string(hide_password=True)
    # not parsed (or parsed): user:password@host, the password may hold '@' (not encoded)
    text = re.sub(r"(//[^:/@]*:)[^/]*@", r"\1***@", text)
    return _SECRET_VALUE.sub(r"\1\2***", text)


def hide_secrets(message: str, url: str | URL) -> str:
    """A driver's message with the URL's password (as written and URL-decoded) hidden: libpq
    may echo the connection string it could not use."""
    message = _SECRET_VALUE.sub(r"\1\2***", message)
    with suppress(ArgumentError, ValueError):
        parsed = url if isinstance(url, URL) else make_url(url)
        secrets = [parsed.password, *(parsed.query.get(k) for k in ("password", "passwd"))]
        for secret in secrets:
            for value in secret if isinstance(secret, tuple) else (secret,):
                if value and len(str(value)) >= 3:
                    message = message.replace(str(value), "***")
                    message = message.replace(quote(str(value), safe=""), "***")
    return message


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "clearlane.store:migrations")
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


_head: list[str | None] = []  # the head revision once read (this process)
_head_lock = threading.Lock()


def head_revision(engine: Engine) -> str | None:
    """The newest migration's revision, read from the migration scripts once per process.

    Reading them costs Alembic 15-30 ms (it imports every script), which :func:`open_store`
    paid on each store it opened; the scripts ship with the package and do not change while a
    process runs. The database's own revision is still read on every check."""
    with _head_lock:
        if not _head:
            _head.append(ScriptDirectory.from_config(alembic_config(engine)).get_current_head())
        return _head[0]


def upgrade(engine: Engine | None = None, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring the schema to ``revision``; returns (before, after)."""
    engine = engine or get_engine()
    try:
        before = current_revision(engine)
    except UNREACHABLE as exc:  # connection refused, bad URL, ...
        raise connection_error(engine, exc) from exc
    command.upgrade(alembic_config(engine), revision)
    return before, current_revision(engine)


_checked: set[str] = set()


def open_store(url: str | None = None, *, migrate: bool = True) -> sessionmaker[Session]:
    """A session factory on a store at the latest schema (migrating it if allowed)."""
    engine = get_engine(url)
    key = engine.url.render_as_string()
    if key not in _checked:
        try:
            at = current_revision(engine)
        except UNREACHABLE as exc:
            raise connection_error(engine, exc) from exc
        if at != head_revision(engine):
            if not migrate:
                raise StoreError(
                    f"database schema is at {at or 'nothing'}, ClearLane needs "
                    f"{head_revision(engine)}: run `clearlane db upgrade`"
                )
            upgrade(engine)
        _checked.add(key)
    return sessionmaker(engine, expire_on_commit=False)
