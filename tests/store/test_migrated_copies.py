"""Guards of the migrated copies (session 35, 2026-12-07): the ``store`` / ``migrated_url``
fixtures give each test a copy of one database migrated once per test process (PostgreSQL
``CREATE DATABASE ... TEMPLATE``, SQLite a file copy) instead of migrating a fresh database per
test. A copy must be at head, hold nothing but what migrating gives, be its test's own (no row
crosses from one test's copy to another's, nor to the template), and ``store_url`` must stay
empty for the migration and first-run tests."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit.chain import append
from clearlane.store import session as store_session
from clearlane.store.session import current_revision, get_engine, head_revision, open_store
from clearlane.store.tables import AuditEntryRow
from tests import conftest
from tests.scratch import OWNED


def _entries(store: sessionmaker[Session]) -> list[str]:
    with store() as session:
        return list(session.scalars(select(AuditEntryRow.subject).order_by(AuditEntryRow.seq)))


def _write(store: sessionmaker[Session], subject: str) -> None:
    with store() as session, session.begin():
        append(session, kind="control_result", actor="t", subject=subject, payload={})


@pytest.mark.parametrize("turn", ["first", "second"])
def test_each_test_gets_its_own_copy_and_finds_no_row_of_another_tests(
    turn: str, store: sessionmaker[Session]
) -> None:
    """Guard: both turns find an empty store and write to it; were copies shared (one copy
    for the process, or rows written into the template), the later turn would find the
    earlier turn's row, on either backend."""
    assert _entries(store) == []
    _write(store, turn)
    assert _entries(store) == [turn]


def test_two_copies_at_once_do_not_see_each_others_rows(
    migrated_url: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Guard: a second copy made while the first is written to holds none of its rows, and
    the first none of the second's."""
    if migrated_url.startswith("sqlite"):
        template = request.getfixturevalue("_sqlite_migrated")
        _pair(migrated_url, conftest.sqlite_migrated_url(template, tmp_path_factory.mktemp("b")))
    else:
        with conftest.SCRATCH.database(migrated=True) as other_url:
            _pair(migrated_url, other_url)


def _pair(one_url: str, other_url: str) -> None:
    assert make_url(one_url).database != make_url(other_url).database
    one, other = open_store(one_url), open_store(other_url)
    _write(one, "one")
    assert _entries(other) == []
    _write(other, "other")
    assert _entries(one) == ["one"] and _entries(other) == ["other"]


def test_a_copy_is_at_head_and_open_store_does_not_migrate_it(
    migrated_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Guard: the copy is at the newest migration, and opening it runs no migration."""
    engine = get_engine(migrated_url)
    assert current_revision(engine) == head_revision(engine) is not None

    def no_upgrade(*args: object, **kwargs: object) -> None:
        raise AssertionError("open_store migrated a copy of the migrated template")

    monkeypatch.setattr(store_session, "upgrade", no_upgrade)
    store_session._checked.discard(engine.url.render_as_string())
    open_store(migrated_url)


def test_store_url_stays_empty(store_url: str) -> None:
    """Guard: the migration and first-run tests' database holds no schema at all."""
    engine = get_engine(store_url)
    assert current_revision(engine) is None
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            tables = connection.execute(text("SELECT name FROM sqlite_master")).all()
        else:
            tables = connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).all()
    assert tables == []


@pytest.mark.postgres
def test_the_postgres_template_is_a_scratch_database_nobody_is_connected_to() -> None:
    """Guard: the template is named as this run's scratch databases (a killed run's is
    dropped by the next run) and no connection stays open on it (CREATE DATABASE ...
    TEMPLATE would refuse the next copy)."""
    template = conftest.SCRATCH.template()
    with conftest.SCRATCH.database(migrated=True) as url:  # a copy made and opened
        open_store(url)
    name = str(make_url(template).database)
    match = OWNED.fullmatch(name)
    assert match and int(match.group(1), 16) == conftest.SCRATCH.run
    with conftest.SCRATCH.admin().connect() as connection:
        connected = connection.execute(
            text("SELECT count(*) FROM pg_stat_activity WHERE datname = :name"), {"name": name}
        ).scalar()
    assert connected == 0
