"""Locks for check-then-write in one transaction.

:func:`write_lock` is taken before a domain function reads the state it is about to check
(is the reference free? is the declaration decided? how many failed sign-ins?), so a concurrent
caller doing the same waits until the first commits and then sees its write:

* PostgreSQL: a transaction-level advisory lock on a 64-bit key derived from ``key``; callers
  on different keys do not wait for each other. Under READ COMMITTED each later statement
  sees what the previous holder committed.
* SQLite: the database's one write lock (``BEGIN IMMEDIATE``). pysqlite runs plain reads
  outside any transaction and begins one only at the first write, so either no transaction is
  open (we open it, taking the lock, and later reads see the latest commit) or one is, which
  means this connection already wrote and so already holds the lock.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session


def lock_key(key: str) -> int:
    """A signed 64-bit integer for ``key`` (what ``pg_advisory_xact_lock`` takes)."""
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)


def write_lock(session: Session, key: str) -> None:
    """Hold the lock for ``key`` until ``session``'s transaction ends (commit or rollback)."""
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(key)})
    elif dialect == "sqlite":
        raw = connection.connection.dbapi_connection
        if raw is not None and not raw.in_transaction:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def violated_constraint(error: IntegrityError, sqlite_names: Mapping[str, str]) -> str | None:
    """The name of the constraint ``error`` violated: PostgreSQL's own (psycopg's diagnostics
    name any constraint: unique, foreign key, check), SQLite's looked up by its message in
    ``sqlite_names`` (message -> name: SQLite names a unique constraint's columns, not the
    index), None where the backend does not say (SQLite's foreign keys, NOT NULL)."""
    diag = getattr(error.orig, "diag", None)  # psycopg
    if diag is not None:
        name = getattr(diag, "constraint_name", None)
        return str(name) if name else None
    return sqlite_names.get(str(error.orig).strip())


def deadlocked(error: DBAPIError) -> bool:
    """Whether PostgreSQL broke a deadlock by failing this statement (SQLSTATE 40P01): a
    race the caller may answer as one (write again after the other's commit, or 409), not a
    server error. SQLite has no deadlock to break: its writers wait on one lock."""
    return getattr(error.orig, "sqlstate", None) == "40P01"
