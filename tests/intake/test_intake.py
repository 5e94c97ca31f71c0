"""The intake flow without the web server: ingest, assess, route online, record; pending."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import verify
from clearlane.intake import NO_ENGINE, assess_pending, pending_keys, submit_declarations
from clearlane.learn.registry import ModelRegistry
from clearlane.store.tables import AssessmentRow
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
