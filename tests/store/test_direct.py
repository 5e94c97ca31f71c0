"""``clearlane.store.direct.run``: the submit path's hottest statements on the driver's cursor
on PostgreSQL (psycopg), ``Connection.execute`` elsewhere; the same rows, types, events and
errors either way (docs/performance.md, session 21)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Connection, bindparam, event, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit.chain import _BUMP_HEAD, _SET_HEAD_HASH, append, verify
from clearlane.selection.capacity_store import _NEWEST_CAPACITY, set_capacity, stored_capacity
from clearlane.selection.online import _recent_scores_query
from clearlane.store import direct
from clearlane.store.locks import _ADVISORY_XACT_LOCK, lock_key, write_lock
from clearlane.store.session import core_connection
from clearlane.store.tables import AuditHeadRow, OfficeCapacityRow


@contextmanager
def _counted(engine: Engine) -> Iterator[dict[str, list[Any]]]:
    """The statements the cursor events saw, and the statements that took SQLAlchemy's
    execution context path (``Connection._execute_context``)."""
    seen: dict[str, list[Any]] = {"cursor": [], "after": [], "context": []}

    def before(conn: Any, cursor: Any, statement: str, params: Any, *args: Any) -> None:
        seen["cursor"].append((statement, params))

    def after(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen["after"].append(statement)

    original = Connection._execute_context

    def context(self: Connection, *args: Any, **kwargs: Any) -> Any:
        seen["context"].append(args[2])  # (dialect, constructor, statement, ...)
        return original(self, *args, **kwargs)

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    Connection._execute_context = context  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        Connection._execute_context = original  # type: ignore[method-assign]
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)


def _capacity(store: sessionmaker[Session], office: str) -> None:
    with store() as session, session.begin():
        set_capacity(
            session, office=office, red_share=0.1, yellow_share=0.25, random_share=0.015,
            changed_by="test",
        )  # fmt: skip


def _same(a: list[Any], b: list[Any]) -> None:
    assert [tuple(r) for r in a] == [tuple(r) for r in b]
    for x, y in zip(a, b, strict=True):
        assert [type(v) for v in x] == [type(v) for v in y]


def test_the_rows_are_those_of_execute(store: sessionmaker[Session]) -> None:
    """Each statement the submit path runs through ``run``: the same rows, value types
    included (floats, ints, text, none), as ``Connection.execute`` gives."""
    _capacity(store, "NLRTM1")
    with store() as session, session.begin():
        connection = core_connection(session)
        for statement, params in [
            (_NEWEST_CAPACITY, {"office": "NLRTM1"}),
            (_NEWEST_CAPACITY, {"office": "nowhere"}),
            (_recent_scores_query(True, True), {"office": "X", "model": "m", "limit": 5}),
            (select(AuditHeadRow.seq, AuditHeadRow.hash), None),
            (text("SELECT CAST(1.5 AS REAL) AS f, 2 AS i, 'x' AS t, NULL AS n"), None),
        ]:
            got = direct.run(connection, statement, params)
            _same(got, connection.execute(statement, params or {}).all())
        assert stored_capacity(session, office="NLRTM1") == (0.1, 0.25, 0.015)
        # an UPDATE whose rows come back through RETURNING, and one without rows
        bumped = direct.run(connection, _BUMP_HEAD, {"n": 0})
        assert bumped == [
            tuple(connection.execute(select(AuditHeadRow.seq, AuditHeadRow.hash)).one())
        ]
        assert direct.run(connection, _SET_HEAD_HASH, {"head_hash": bumped[0][1]}) == []
        assert direct.run(connection, select(AuditHeadRow.seq)).scalars() == [bumped[0][0]]
        assert direct.run(connection, select(AuditHeadRow.seq)).one() == (bumped[0][0],)
        assert direct.run(connection, _NEWEST_CAPACITY, {"office": "nowhere"}).first() is None
        if connection.dialect.name == "postgresql":
            lock = {"key": lock_key("t")}
            _same(direct.run(connection, _ADVISORY_XACT_LOCK, lock),
                  connection.execute(_ADVISORY_XACT_LOCK, lock).all())  # fmt: skip


def test_every_statement_is_seen_by_the_cursor_events(store: sessionmaker[Session]) -> None:
    """The statement-count budget (tests/api/test_submit_statements.py) and the benchmarks
    count statements with ``before_cursor_execute``: a statement on the driver's path is
    seen there, once, with its SQL text and bound values."""
    _capacity(store, "NLRTM1")
    engine = store.kw["bind"]
    with store() as session, session.begin(), _counted(engine) as seen:
        assert stored_capacity(session, office="NLRTM1") is not None
        write_lock(session, "some key")
        append(session, kind="export", actor="test", subject="x", payload={})
    capacity = [s for s, _ in seen["cursor"] if "office_capacity" in s]
    assert len(capacity) == 1
    assert sum("audit_head" in s for s, _ in seen["cursor"]) == 2
    assert len(seen["after"]) == len(seen["cursor"])
    if engine.dialect.name == "postgresql":  # bound by name (SQLite's are positional)
        assert [p["office"] for s, p in seen["cursor"] if "office_capacity" in s] == ["NLRTM1"]
        assert sum("pg_advisory_xact_lock" in s for s, _ in seen["cursor"]) == 1
    with store() as session:
        assert verify(session).ok


@pytest.mark.postgres
def test_on_postgres_the_hot_statements_skip_sqlalchemys_execution_path(
    postgres_url: str,
) -> None:
    """The point of it: on psycopg the capacity read, the assessment lock and the audit
    head's two statements take no SQLAlchemy execution context (each cost about 30 µs of
    client CPU more that way); the audit insert between them still does."""
    from clearlane.store.session import open_store

    store = open_store(postgres_url)
    _capacity(store, "NLRTM1")
    with store() as session, session.begin(), _counted(store.kw["bind"]) as seen:
        stored_capacity(session, office="NLRTM1")
        write_lock(session, "some key")
        append(session, kind="export", actor="test", subject="x", payload={})
    through_context = [str(s) for s in seen["context"]]
    assert not any("office_capacity" in s or "audit_head" in s for s in through_context)
    assert not any("pg_advisory" in s for s in through_context)
    assert sum("audit_log" in s for s in through_context) == 1  # the insert: executemany
    with store() as session:
        assert verify(session).ok


def test_errors_are_sqlalchemys_and_a_savepoint_rolls_them_back(
    store: sessionmaker[Session],
) -> None:
    """A failing statement raises SQLAlchemy's exception (what callers catch: the assessment
    write retries on an ``IntegrityError``), and the savepoint around it rolls back as with
    ``execute``: the transaction goes on."""
    _capacity(store, "NLRTM1")
    broken = text("SELECT no_such_column FROM office_capacity")
    duplicate = text(
        "INSERT INTO office_capacity (id, office, red_share, yellow_share, random_share, "
        "changed_by, changed_at) SELECT id, office, red_share, yellow_share, random_share, "
        "changed_by, changed_at FROM office_capacity"
    )
    for statement, error in ((broken, DBAPIError), (duplicate, IntegrityError)):
        with store() as session, session.begin():
            with pytest.raises(error), session.begin_nested():
                direct.run(core_connection(session), statement)
            assert stored_capacity(session, office="NLRTM1") == (0.1, 0.25, 0.015)


def test_statements_it_cannot_compile_once_go_through_execute(
    store: sessionmaker[Session],
) -> None:
    """An expanding IN renders its SQL per call: ``Connection.execute`` runs it, the rows
    are the same."""
    _capacity(store, "NLRTM1")
    _capacity(store, "NLRTM2")
    query = (
        select(OfficeCapacityRow.office)
        .where(OfficeCapacityRow.office.in_(bindparam("offices", expanding=True)))
        .order_by(OfficeCapacityRow.office)
    )
    with store() as session:
        rows = direct.run(core_connection(session), query, {"offices": ["NLRTM2", "NLRTM1"]})
        assert rows.scalars() == ["NLRTM1", "NLRTM2"]
        assert direct.run(core_connection(session), query, {"offices": ["NLRTM1"]}).all() == [
            ("NLRTM1",)
        ]
