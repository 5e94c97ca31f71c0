"""Alembic environment: ClearLane passes its engine in ``config.attributes['engine']``."""

from __future__ import annotations

from alembic import context

from clearlane.store.tables import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # plain `alembic` command line: build from settings
    from clearlane.store.session import get_engine

    engine = get_engine()

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
