"""Alembic environment: ClearLane passes its engine in ``config.attributes['engine']``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, text

from clearlane.store.locks import lock_key
from clearlane.store.tables import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # plain `alembic` command line: build from settings
    from clearlane.store.session import get_engine

    engine = get_engine()


def one_at_a_time(connection: Connection) -> None:
    """Take the migrations' lock in ``connection``'s transaction, before alembic reads the
    revision: of two processes migrating one store at once (`clearlane serve` and an ingest
    started together, each migrating on first use) the later waits for the earlier's commit,
    then finds the store at head. Without it both read the old revision, both ran the same
    migration, and the later failed (an index that exists already, a deadlock) and exited.
    PostgreSQL: a transaction-level advisory lock; SQLite: its write lock (BEGIN IMMEDIATE,
    as :func:`clearlane.store.locks.write_lock`)."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key("migrations")}
        )
    elif connection.dialect.name == "sqlite":
        raw = connection.connection.dbapi_connection
        if raw is not None and not raw.in_transaction:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


with engine.begin() as connection:
    one_at_a_time(connection)
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
