"""The submit path reads before its write (on PostgreSQL outside a transaction since #15):
every decision taken on those reads is taken again under the lock in the write's transaction.
The racers here are held by a ``threading.Barrier`` between their reads and their writes, so
that each of them has read "not assessed yet" (and gathered its facts) before any writes: one
assessment is stored, every racer is handed it, and the audit chain stays intact, on SQLite
and PostgreSQL; and an exception or a dead connection between the reads and the write hands
no connection back to the pool in autocommit."""

from __future__ import annotations

import copy
import threading
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from clearlane import intake
from clearlane.audit import trail, verify
from clearlane.ingest.pipeline import ingest_records
from clearlane.intake import Submitted, assess_submitted
from clearlane.learn.registry import ModelRegistry
from clearlane.store.session import get_engine, open_store
from clearlane.store.tables import AssessmentRow
from clearlane.workflows import load_champion
from tests.concurrency import together
from tests.factories import declaration

THREADS = 4
KEY = b"read-write-race"


def _held_after_reading(monkeypatch: pytest.MonkeyPatch, parties: int) -> list[int]:
    """Hold each caller of the submit path's facts gathering (its last read before the write)
    until ``parties`` callers have read; returns a list counting the callers."""
    barrier = threading.Barrier(parties)
    real = intake.gather_facts
    calls: list[int] = []

    def held(*args: Any, **kwargs: Any) -> Any:
        facts = real(*args, **kwargs)
        calls.append(1)
        barrier.wait(timeout=60)  # every racer has read "not assessed yet" before any writes
        return facts

    monkeypatch.setattr(intake, "gather_facts", held)
    return calls


def _one_assessment(store: sessionmaker[Session], reference: str) -> AssessmentRow:
    with store() as session:
        (row,) = session.scalars(select(AssessmentRow).where(AssessmentRow.reference == reference))
        entries = list(trail(session, subject=f"declaration:{reference}"))
        assert [e["kind"] for e in entries].count("assessment") == 1
        assert verify(session).ok
        assert session.scalar(select(func.count()).select_from(AssessmentRow)) == 1
    return row


def test_racers_that_all_read_before_any_writes_store_one(
    store: sessionmaker[Session], trained_registry: ModelRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, _ = load_champion(trained_registry)
    ingest_records([declaration("HELD-1")], source="api:trader", session_factory=store)
    results = [Submitted("body", "HELD-1", 1, "new") for _ in range(THREADS)]
    calls = _held_after_reading(monkeypatch, THREADS)

    def racer(i: int) -> int | None:
        assess_submitted([results[i]], engine=engine, key=KEY, session_factory=store)
        assert results[i].pending is None, results[i].pending
        return results[i].assessment.id if results[i].assessment is not None else None

    served = together(THREADS, racer)
    stored = _one_assessment(store, "HELD-1")
    assert len(calls) == THREADS  # every racer gathered facts: none saw it assessed
    assert served == [stored.id] * THREADS


def test_an_engine_promoted_between_the_read_and_the_write_adds_no_second_assessment(
    store: sessionmaker[Session], trained_registry: ModelRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Half the racers score with the old champion, half with one promoted meanwhile (another
    model version): the submit path stores one first assessment of a declaration version, by
    whichever engine wrote first, and hands it to all."""
    old, _ = load_champion(trained_registry)
    new = copy.copy(old)
    new.model_version = f"{old.model_version}-promoted"
    ingest_records([declaration("HELD-2")], source="api:trader", session_factory=store)
    results = [Submitted("body", "HELD-2", 1, "new") for _ in range(THREADS)]
    _held_after_reading(monkeypatch, THREADS)

    def racer(i: int) -> int | None:
        engine = old if i % 2 else new
        assess_submitted([results[i]], engine=engine, key=KEY, session_factory=store)
        assert results[i].pending is None, results[i].pending
        return results[i].assessment.id if results[i].assessment is not None else None

    served = together(THREADS, racer)
    stored = _one_assessment(store, "HELD-2")
    assert stored.model_version in {old.model_version, new.model_version}
    assert served == [stored.id] * THREADS


def _assert_pool_in_normal_mode(url: str) -> None:
    """Every idle pooled connection of ``url``: out of autocommit and idle (no transaction)."""
    from psycopg.pq import TransactionStatus

    pool = get_engine(url).pool
    held = [pool.connect() for _ in range(max(pool.checkedin(), 1))]  # type: ignore[attr-defined]
    try:
        for fairy in held:
            dbapi = fairy.dbapi_connection
            assert dbapi is not None and dbapi.autocommit is False
            assert dbapi.info.transaction_status == TransactionStatus.IDLE
    finally:
        for fairy in held:
            fairy.close()


@pytest.mark.postgres
def test_a_failure_between_the_reads_and_the_write_leaves_no_connection_in_autocommit(
    postgres_url: str, trained_registry: ModelRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reads run with the connection in autocommit; an exception after them (and a
    connection the server dropped while they ran) must hand the pool back connections in
    their normal mode, idle, for the next request's transaction."""
    store = open_store(postgres_url)
    engine, _ = load_champion(trained_registry)
    ingest_records([declaration("FAIL-1")], source="api:trader", session_factory=store)
    real = intake.gather_facts
    kill = {"on": False}

    def failing(session_factory: Any, references: Any, **kwargs: Any) -> Any:
        session = kwargs["session"]
        if kill["on"]:  # the server drops this connection mid-request (a restart)
            pid = session.execute(text("SELECT pg_backend_pid()")).scalar()
            with get_engine(postgres_url).connect() as other:
                other.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
                other.commit()
            return real(session_factory, references, **kwargs)
        session.execute(text("SELECT 1"))
        raise RuntimeError("between the reads and the write")

    monkeypatch.setattr(intake, "gather_facts", failing)
    for dropped in (False, True):
        kill["on"] = dropped
        result = Submitted("body", "FAIL-1", 1, "new")
        assess_submitted([result], engine=engine, key=KEY, session_factory=store)
        assert result.pending is not None and "failed" in result.pending
        _assert_pool_in_normal_mode(postgres_url)
    monkeypatch.setattr(intake, "gather_facts", real)
    result = Submitted("body", "FAIL-1", 1, "new")  # the next request assesses it
    assess_submitted([result], engine=engine, key=KEY, session_factory=store)
    assert result.pending is None and result.assessment is not None
    with store() as session:
        assert session.scalar(select(func.count()).select_from(AssessmentRow)) == 1
        assert verify(session).ok


@pytest.mark.postgres
def test_a_failed_profiles_stamp_read_leaves_no_connection_in_autocommit(
    postgres_url: str, trained_registry: ModelRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The API's profiles stamp is read on a pooled connection put in autocommit: a statement
    failing there hands the connection back in its normal mode."""
    from clearlane.api import scoring as module

    store = open_store(postgres_url)
    scoring = module.Scoring(registry=trained_registry, session_factory=store)
    monkeypatch.setattr(module, "_PROFILES_STAMP", text("SELECT 1 / 0, 0"))
    with pytest.raises(Exception, match="division by zero"):
        scoring.profiles()
    _assert_pool_in_normal_mode(postgres_url)
    monkeypatch.undo()
    scoring.profiles()
    _assert_pool_in_normal_mode(postgres_url)
