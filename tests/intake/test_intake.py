"""The intake flow without the web server: ingest, assess, route online, record; pending."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import verify
from clearlane.intake import NO_ENGINE, assess_pending, pending_keys, submit_declarations
from clearlane.learn.registry import ModelRegistry
from clearlane.store.tables import AssessmentRow, DeclarationRow
from clearlane.workflows import load_champion
from tests.factories import declaration, item

KEY = b"intake-test"


def test_submitted_declarations_are_assessed_and_routed_one_by_one(
    store: sessionmaker[Session], trained_registry: ModelRegistry
) -> None:
    engine, champion = load_champion(trained_registry)
    bad = declaration("I-BAD", items=[item(hs_code="1")])
    results = submit_declarations(
        [declaration("I-1"), bad, declaration("I-2")],
        source="notebook",
        engine=engine,
        key=KEY,
        session_factory=store,
    )
    assert [r.status for r in results] == ["new", "quarantined", "new"]
    assessed = [r.assessment for r in results if r.assessment is not None]
    assert len(assessed) == 2 and all(a.model_version == champion.id for a in assessed)
    assert all(a.components["routing"]["lane"] == a.lane for a in assessed)
    assert results[1].assessment is None and results[1].pending is None
    again = submit_declarations(
        [declaration("I-1")], source="notebook", engine=engine, key=KEY, session_factory=store
    )
    assert again[0].status == "unchanged"
    assert again[0].assessment is not None and again[0].assessment.id == assessed[0].id
    with store() as session:
        assert session.scalar(select(func.count()).select_from(AssessmentRow)) == 2
        assert verify(session).ok


def test_without_an_engine_they_wait_and_assess_pending_catches_up(
    store: sessionmaker[Session], trained_registry: ModelRegistry
) -> None:
    results = submit_declarations(
        [declaration(f"P-{i}") for i in range(3)],
        source="notebook",
        engine=None,
        key=KEY,
        session_factory=store,
    )
    assert [r.pending for r in results] == [NO_ENGINE] * 3
    with store() as session:
        assert len(pending_keys(session)) == 3
    engine, _ = load_champion(trained_registry)
    assert assess_pending(engine=engine, key=KEY, session_factory=store) == 3
    with store() as session:
        assert pending_keys(session) == []
        assert session.scalar(select(func.count()).select_from(AssessmentRow)) == 3


@pytest.mark.parametrize("chunk", [1, 2])
def test_a_stored_declaration_that_no_longer_validates_does_not_block_the_others(
    store: sessionmaker[Session],
    trained_registry: ModelRegistry,
    caplog: pytest.LogCaptureFixture,
    chunk: int,
) -> None:
    """A declaration stored under looser rules (packages past 2**31-1, kept by SQLite before
    the integer bounds; written into the store here, past ingest's checks) failed its whole
    chunk on every run, and nothing after it was ever assessed: it is skipped with a warning
    naming it and the field, the others are assessed, and the pages move on past it."""
    submit_declarations(
        [declaration(f"V-{i}") for i in range(5)],
        source="notebook",
        engine=None,
        key=KEY,
        session_factory=store,
    )
    with store() as session, session.begin():
        normalised = session.scalar(
            select(DeclarationRow.normalised).where(DeclarationRow.reference == "V-1")
        )
        normalised["items"][0]["packages"] = 2**32
        session.execute(
            update(DeclarationRow)
            .where(DeclarationRow.reference == "V-1")
            .values(normalised=normalised)
        )
    engine, _ = load_champion(trained_registry)
    with caplog.at_level(logging.WARNING, logger="clearlane.intake"):
        assert assess_pending(engine=engine, key=KEY, session_factory=store, chunk=chunk) == 4
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, warnings
    assert "V-1 v1" in warnings[0] and "items[0].packages" in warnings[0]
    with store() as session:
        assert pending_keys(session) == [("V-1", 1)]  # it waits, and says why on each run
        assert pending_keys(session, after="V-1") == []
        assessed = session.scalars(select(AssessmentRow.reference)).all()
        assert sorted(assessed) == ["V-0", "V-2", "V-3", "V-4"]
    amended = submit_declarations(
        [declaration("V-1", invoice_total=123.0)],
        source="notebook",
        engine=None,
        key=KEY,
        session_factory=store,
    )
    assert (amended[0].status, amended[0].version) == ("amended", 2)
    assert assess_pending(engine=engine, key=KEY, session_factory=store, chunk=chunk) == 1
    with store() as session:
        assert pending_keys(session) == []


def test_a_declaration_the_engine_returns_no_assessment_for_does_not_end_the_pass(
    store: sessionmaker[Session],
    trained_registry: ModelRegistry,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An engine that scores fewer declarations than asked ended the whole pass with a
    RuntimeError after its page: the pages after it were never assessed. Now those left out
    stay pending with a warning naming them, as a submission reports them, and the pass goes
    on."""
    import clearlane.workflows

    submit_declarations(
        [declaration(f"E-{i}") for i in range(5)],
        source="notebook",
        engine=None,
        key=KEY,
        session_factory=store,
    )
    scored = clearlane.workflows.assessed_records

    def drops_one(frame, **kwargs):  # type: ignore[no-untyped-def]
        return [r for r in scored(frame, **kwargs) if r["reference"] != "E-1"]

    monkeypatch.setattr(clearlane.workflows, "assessed_records", drops_one)
    engine, _ = load_champion(trained_registry)
    with caplog.at_level(logging.WARNING, logger="clearlane.intake"):
        assert assess_pending(engine=engine, key=KEY, session_factory=store, chunk=2) == 4
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "E-1 v1" in warnings[0], warnings
    with store() as session:
        assert pending_keys(session) == [("E-1", 1)]
        assessed = session.scalars(select(AssessmentRow.reference)).all()
        assert sorted(assessed) == ["E-0", "E-2", "E-3", "E-4"]
