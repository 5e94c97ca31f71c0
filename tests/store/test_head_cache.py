"""The head revision is read from the migration scripts once per process (session 36): a store
behind head is still seen as behind, refused without ``migrate`` and migrated with it."""

from __future__ import annotations

import pytest

from clearlane.store.session import (
    StoreError,
    current_revision,
    get_engine,
    head_revision,
    open_store,
    upgrade,
)


def _head_from_scripts() -> str | None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "clearlane.store:migrations")
    return ScriptDirectory.from_config(config).get_current_head()


def test_the_cached_head_is_the_scripts_head(migrated_url: str) -> None:
    """Guard: the head held for the process is the newest migration script's, and a store
    opened at head stays at it."""
    engine = get_engine(migrated_url)
    assert head_revision(engine) == _head_from_scripts() is not None
    open_store(migrated_url)
    assert current_revision(engine) == head_revision(engine)


def test_a_store_behind_head_is_refused_then_migrated_after_the_head_is_held(
    store_url: str,
) -> None:
    """Guard: with the head already held by the process, a store at 0019 is still refused
    without ``migrate`` (the message names both revisions) and brought to head with it."""
    engine = get_engine(store_url)
    head = _head_from_scripts()
    assert head is not None and head > "0019"
    assert head_revision(engine) == head  # held from here on

    upgrade(engine, "0019")
    with pytest.raises(StoreError, match=rf"at 0019, ClearLane needs {head}"):
        open_store(store_url, migrate=False)
    assert current_revision(engine) == "0019"

    open_store(store_url)
    assert current_revision(engine) == head
