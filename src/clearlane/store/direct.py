"""The hottest statements of an API submission on PostgreSQL, run on the driver's cursor.

A statement through ``Connection.execute`` costs about twice the client CPU on psycopg that
the same statement costs on the driver's cursor: SQLAlchemy's execution context, its compiled
cache look-up, parameter processing and result set-up come on top of psycopg's own work
(docs/performance.md, sessions 20 and 21). :func:`run` gives a few statements built once (module
constants) the driver's path on psycopg: the SQL text compiled once, the bound values through
the same bind processors, the rows through the same result processors, the statement through
SQLAlchemy's own ``_cursor_execute`` (its ``before_cursor_execute`` / ``after_cursor_execute``
events, its error wrapping: an ``IntegrityError`` is SQLAlchemy's, a dropped connection
invalidates the pool's, as for any statement). Every other store (SQLite), and any statement
this module cannot run that way, goes through ``Connection.execute`` as before: the same rows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import Select, TextClause, Update
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.type_api import TypeEngine

#: Statements :func:`run` takes the driver's path for (the rest: ``Connection.execute``).
DIRECT = (Select, Update, TextClause)
_MAX_PLANS = 256  # module constants only: more than this means statements built per call


class Rows(list[Any]):
    """A statement's rows (tuples), with the few ``Result`` methods the callers use."""

    def all(self) -> list[Any]:
        return list(self)

    def first(self) -> Any:
        return self[0] if self else None

    def one(self) -> Any:
        if len(self) != 1:
            raise ValueError(f"expected one row, got {len(self)}")
        return self[0]

    def scalars(self) -> Rows:
        return Rows(row[0] for row in self)


@dataclass
class _Plan:
    statement: Any  # held, so that its id() (the cache's key) is not reused
    sql: str
    defaults: dict[str, Any]  # every bound name, with the values built into the statement
    binds: dict[str, Callable[[Any], Any]]  # the columns' bind processors, by bound name
    types: list[TypeEngine[Any]]  # the result columns' types, in order
    results: dict[tuple[Any, ...], list[Callable[[Any], Any] | None]] = field(
        default_factory=dict
    )  # the result processors, by the cursor's column type codes


_plans: dict[tuple[int, Any], _Plan | None] = {}
_lock = threading.Lock()


def _plan(dialect: Dialect, statement: Any) -> _Plan | None:
    """The statement compiled for ``dialect``, or None when its SQL or values depend on the
    values bound (expanding ``IN``, literal or escaped names, positional parameters)."""
    compiled = statement.compile(dialect=dialect)
    if (
        not isinstance(compiled, SQLCompiler)
        or compiled.positional
        or compiled.post_compile_params
        or compiled.literal_execute_params
        or compiled.escaped_bind_names
    ):
        return None
    binds: dict[str, Callable[[Any], Any]] = {}
    for name, processor in compiled._bind_processors.items():
        if not callable(processor):
            return None  # a tuple type's processors: one per element
        binds[name] = processor
    defaults = compiled.construct_params(_check=False, escape_names=False)
    types = [column.type for column in compiled._result_columns]
    return _Plan(statement, compiled.string, dict(defaults), binds, types)


def _executed(connection: Connection, statement: Any, params: Mapping[str, Any] | None) -> Rows:
    """The rows through ``Connection.execute`` (none for a statement that returns none)."""
    result = connection.execute(statement, dict(params or {}))
    return Rows(result.all()) if result.returns_rows else Rows()


def run(connection: Connection, statement: Any, params: Mapping[str, Any] | None = None) -> Rows:
    """``connection.execute(statement, params)``'s rows: on psycopg for a statement built once
    (a module constant) through the driver's cursor, elsewhere through ``execute``."""
    dialect = connection.dialect
    if dialect.driver != "psycopg" or not isinstance(statement, DIRECT):
        return _executed(connection, statement, params)
    key = (id(statement), dialect.server_version_info)
    if key in _plans:
        plan = _plans[key]
    else:
        plan = _plan(dialect, statement)
        with _lock:
            if len(_plans) < _MAX_PLANS:
                _plans[key] = plan
    if plan is None:
        return _executed(connection, statement, params)
    values = {**plan.defaults, **params} if params else dict(plan.defaults)
    for name, processor in plan.binds.items():
        values[name] = processor(values[name])
    if not connection.in_transaction():
        connection.begin()  # as execute's autobegin
    cursor = connection.connection.cursor()
    try:
        connection._cursor_execute(cursor, plan.sql, values)
        if cursor.description is None:
            return Rows()
        try:
            fetched = cursor.fetchall()
        except BaseException as exc:
            connection._handle_dbapi_exception(exc, plan.sql, values, cursor, None)
        codes = tuple(column[1] for column in cursor.description)
        processors = plan.results.get(codes)
        if processors is None:
            processors = [
                kind._cached_result_processor(dialect, code)
                for kind, code in zip(plan.types, codes, strict=False)
            ]
            processors += [None] * (len(codes) - len(processors))  # text(): no types given
            plan.results[codes] = processors
        if not any(processors):
            return Rows(fetched)
        return Rows(
            tuple(p(v) if p else v for p, v in zip(processors, row, strict=False))
            for row in fetched
        )
    finally:
        cursor.close()
