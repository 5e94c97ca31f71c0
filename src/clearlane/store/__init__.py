"""Storage: SQLAlchemy 2 tables, Alembic migrations, sessions. SQLite by default, PostgreSQL
in production (``CLEARLANE_DATABASE_URL``)."""

from clearlane.store.session import get_engine, open_store, upgrade

__all__ = ["get_engine", "open_store", "upgrade"]
