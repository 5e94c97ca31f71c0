"""The migrations build exactly the schema the ORM declares, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from clearlane.store.session import get_engine, open_store
from clearlane.store.tables import Base


def test_migrated_schema_matches_the_tables(store_url: str) -> None:
    open_store(store_url)
    with get_engine(store_url).connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
