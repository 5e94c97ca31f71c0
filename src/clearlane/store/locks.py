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

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
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


def deadlocked(error: DBAPIError) -> bool:
    """Whether PostgreSQL broke a deadlock by failing this statement (SQLSTATE 40P01): a
    race the caller may answer as one (write again after the other's commit, or 409), not a
    server error. SQLite has no deadlock to break: its writers wait on one lock."""
    return getattr(error.orig, "sqlstate", None) == "40P01"
