"""On PostgreSQL the submit path's reads before its write run without a transaction: a
transaction costs a read-only session two round trips of its own (the driver's ``BEGIN``, the
pool's ``ROLLBACK``) and, at read committed, changes nothing a statement sees (#15). The write
still runs in one transaction. Checked from the driver's side: after each statement, whether
the connection is inside a transaction."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import verify
from clearlane.ingest.pipeline import ingest_records
from clearlane.intake import Submitted, assess_submitted
from clearlane.learn.registry import ModelRegistry
from clearlane.store.session import (
    connection_without_transaction,
    get_engine,
    open_store,
    read_without_transaction,
)
from clearlane.store.tables import AssessmentRow
from clearlane.workflows import load_champion
from tests.factories import declaration

pytestmark = pytest.mark.postgres
KEY = b"reads-test"


def _inside(url: str) -> tuple[list[tuple[str, bool]], Any]:
    """(statement, inside a transaction after it) of each statement sent to ``url``, and the
    listener to remove."""
    from psycopg.pq import TransactionStatus

    seen: list[tuple[str, bool]] = []

    def after(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        status = conn.connection.dbapi_connection.info.transaction_status
        seen.append((" ".join(statement.split()), status != TransactionStatus.IDLE))

    engine: Engine = get_engine(url)
    event.listen(engine, "after_cursor_execute", after)
    return seen, after


@pytest.fixture
def store(postgres_url: str) -> Iterator[sessionmaker[Session]]:
    yield open_store(postgres_url)


def test_the_submit_path_reads_outside_a_transaction_and_writes_in_one(
    postgres_url: str, store: sessionmaker[Session], trained_registry: ModelRegistry
) -> None:
    engine, _champion = load_champion(trained_registry)
    ingest_records([declaration("READS-1")], source="api:officer", session_factory=store)
    result = Submitted("body", "READS-1", 1, "new")
    seen, listener = _inside(postgres_url)
    try:
        assess_submitted([result], engine=engine, key=KEY, session_factory=store)
    finally:
        event.remove(get_engine(postgres_url), "after_cursor_execute", listener)
    assert result.pending is None and result.assessment is not None
    begun = next((i for i, (_, inside) in enumerate(seen) if inside), len(seen))
    reads, writes = [s for s, _ in seen[:begun]], seen[begun:]
    # Outside a transaction: the check "assessed already?" and the facts (documents, links,
    # the stored HS checks), all read before the write's session begins.
    for start in ("SELECT assessments.id", "SELECT EXISTS", "SELECT hs_checks"):
        assert any(s.startswith(start) for s in reads), (start, seen)
    # In one transaction: the routing's reads, the lock, the audit chain and the insert.
    assert writes and all(inside for _, inside in writes), writes
    for start in ("SELECT office_capacity", "SELECT pg_advisory_xact_lock", "INSERT INTO audit_log",
                  "INSERT INTO assessments"):  # fmt: skip
        assert any(s.startswith(start) for s, _ in writes), (start, writes)
    with store() as session:
        assert session.scalar(select(AssessmentRow.id)) == result.assessment.id
        assert verify(session).ok


def test_a_read_session_hands_its_connection_back_as_it_found_it(
    postgres_url: str, store: sessionmaker[Session]
) -> None:
    seen, listener = _inside(postgres_url)
    try:
        with store() as session:
            read_without_transaction(session)
            assert session.execute(text("SELECT 1")).scalar() == 1
        with store() as session:  # the same pooled connection: in a transaction again
            assert session.execute(text("SELECT 2")).scalar() == 2
    finally:
        event.remove(get_engine(postgres_url), "after_cursor_execute", listener)
    assert seen == [("SELECT 1", False), ("SELECT 2", True)]
    with store() as session:  # a session that has begun is refused, not silently changed
        session.execute(text("SELECT 3"))
        with pytest.raises(RuntimeError, match="begun"):
            read_without_transaction(session)


def test_a_read_connection_hands_itself_back_as_it_found_it(postgres_url: str) -> None:
    """connection_without_transaction (a Core connection, as the profiles stamp reads) does
    what read_without_transaction does for a session, and refuses a connection that began."""
    engine = get_engine(postgres_url)
    seen, listener = _inside(postgres_url)
    try:
        with engine.connect() as connection:
            connection_without_transaction(connection)
            assert connection.execute(text("SELECT 1")).scalar() == 1
        with engine.connect() as connection:  # the same pooled connection: in one again
            assert connection.execute(text("SELECT 2")).scalar() == 2
    finally:
        event.remove(engine, "after_cursor_execute", listener)
    assert seen == [("SELECT 1", False), ("SELECT 2", True)]
    with engine.connect() as connection:
        connection.execute(text("SELECT 3"))
        with pytest.raises(RuntimeError, match="begun"):
            connection_without_transaction(connection)


def test_the_profiles_stamp_of_each_submission_is_read_outside_a_transaction(
    postgres_url: str, store: sessionmaker[Session], trained_registry: ModelRegistry
) -> None:
    from clearlane.api.scoring import Scoring

    scoring = Scoring(registry=trained_registry, session_factory=store)
    scoring.profiles()  # the first call reads the profiles themselves too
    seen, listener = _inside(postgres_url)
    try:
        assert scoring.profiles() is scoring.profiles()
    finally:
        event.remove(get_engine(postgres_url), "after_cursor_execute", listener)
    assert len(seen) == 2 and all(s.startswith("SELECT count(*)") for s, _ in seen), seen
    assert not any(inside for _, inside in seen), seen
