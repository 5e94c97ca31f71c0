"""A rules-only answer while no engine exists (the API while the fallback champion is fitted):
stored on the ``provisional`` basis, superseded (a newer row, not a second provisional one) by
the engine's first assessment, with an officer's decision on it kept and traceable; racing the
engine's pending step, it never lands after the engine's assessment. SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import trail, verify
from clearlane.ingest.pipeline import ingest_records
from clearlane.intake import (
    Submitted,
    assess_pending,
    assess_provisionally,
    pending_keys,
    submit_declarations,
)
from clearlane.learn.registry import ModelRegistry
from clearlane.oversight import decide, latest_assessment
from clearlane.oversight.decisions import current_decision
from clearlane.risk.profiles import ProfileSet, load_default_profiles
from clearlane.store.tables import AssessmentRow, DecisionRow
from clearlane.workflows import PROVISIONAL_NOTE, load_champion
from tests.concurrency import together
from tests.factories import declaration, item

KEY = b"provisional-test"
THREADS = 4


@pytest.fixture(scope="module")
def profiles() -> ProfileSet:
    return load_default_profiles()


def _weapons(reference: str) -> dict[str, Any]:
    """A declaration of firearms (HS 93): a default profile demands a control."""
    return declaration(reference, items=[item(hs_code="93020000", description="pistols")])


def _rows(store: sessionmaker[Session], reference: str) -> list[AssessmentRow]:
    with store() as session:
        assert verify(session).ok
        return list(
            session.scalars(
                select(AssessmentRow)
                .where(AssessmentRow.reference == reference)
                .order_by(AssessmentRow.id)
            )
        )


def _submitted(reference: str) -> Submitted:
    return Submitted("body", reference, 1, "new", pending="fitting")


def test_a_provisional_answer_is_rules_only_and_the_engine_supersedes_it(
    store: sessionmaker[Session], trained_registry: ModelRegistry, profiles: ProfileSet
) -> None:
    ingest_records([_weapons("P-1")], source="api:trader", session_factory=store)
    result = _submitted("P-1")

    assess_provisionally([result], profiles=profiles, key=KEY, session_factory=store)

    assert result.assessment is not None and result.pending == "fitting"  # still waits
    (provisional,) = _rows(store, "P-1")
    assert (provisional.basis, provisional.model_version) == (
        "provisional",
        f"rules:{profiles.version}",
    )
    assert provisional.profile_version == profiles.version
    assert (provisional.lane, provisional.selection_reason) == ("red", "mandatory")
    assert provisional.reasons[0]["code"] == "PROVISIONAL_RULES_ONLY"
    assert provisional.components["notes"] == PROVISIONAL_NOTE
    assert provisional.components["model"] is None and provisional.components["anomaly"] is None
    assert provisional.components["routing"]["cut_source"] == "rules-only"
    assert "CL-" in (provisional.components["profiles_hit"] or "")
    # a fitted feature is not there yet: the profiles that need it say so
    assert "unit_price_ratio" in (provisional.components["missing_fields"] or "")
    with store() as session:
        assert pending_keys(session) == [("P-1", 1)]  # the engine's assessment is still due

    # asked again: the same provisional answer, not a second one
    again = _submitted("P-1")
    assess_provisionally([again], profiles=profiles, key=KEY, session_factory=store)
    assert again.assessment is not None and again.assessment.id == provisional.id

    engine, champion = load_champion(trained_registry)
    assert assess_pending(engine=engine, key=KEY, session_factory=store) == 1

    rows = _rows(store, "P-1")
    assert [(r.basis, r.model_version) for r in rows] == [
        ("provisional", f"rules:{profiles.version}"),
        ("declaration", champion.id),
    ]
    with store() as session:
        newest = latest_assessment(session, reference="P-1")
        assert newest is not None and newest.id == rows[1].id  # the engine's is in force
        assert pending_keys(session) == []

    # after the engine: a provisional answer hands back the engine's and stores nothing
    late = _submitted("P-1")
    assess_provisionally([late], profiles=profiles, key=KEY, session_factory=store)
    assert late.assessment is not None and late.assessment.id == rows[1].id
    assert late.pending is None
    assert len(_rows(store, "P-1")) == 2


def test_a_decision_on_the_provisional_answer_stays_traceable(
    store: sessionmaker[Session], trained_registry: ModelRegistry, profiles: ProfileSet
) -> None:
    ingest_records([_weapons("P-2")], source="api:trader", session_factory=store)
    assess_provisionally([_submitted("P-2")], profiles=profiles, key=KEY, session_factory=store)
    (provisional,) = _rows(store, "P-2")
    with store() as session, session.begin():
        decided = decide(session, reference="P-2", officer="officer1")
        decision_id = decided.id
    assert decided.assessment_id == provisional.id

    engine, _ = load_champion(trained_registry)
    assess_pending(engine=engine, key=KEY, session_factory=store)

    rows = _rows(store, "P-2")
    assert [r.basis for r in rows] == ["provisional", "declaration"]
    with store() as session:
        decision = current_decision(session, reference="P-2", version=1)
        assert decision is not None and decision.id == decision_id
        assert decision.assessment_id == provisional.id  # still on what the officer saw
        assert session.get(DecisionRow, decision_id) is not None
        entries = trail(session, subject="declaration:P-2")
    (audited,) = [e for e in entries if e["kind"] == "decision"]
    assert audited["payload"]["assessment_id"] == provisional.id
    assert audited["payload"]["assessment_basis"] == "provisional"
    assessed = [e["payload"].get("basis") for e in entries if e["kind"] == "assessment"]
    assert assessed == ["provisional", None]  # both on the chain, the engine's after


def test_provisional_answers_racing_the_engine_never_follow_it(
    store: sessionmaker[Session], trained_registry: ModelRegistry, profiles: ProfileSet
) -> None:
    """Requests answering provisionally (no engine in their worker yet) race the fallback's
    pending step: one engine assessment, at most one provisional one, and never after it."""
    engine, champion = load_champion(trained_registry)
    references = [f"PR-{i}" for i in range(3)]
    ingest_records([_weapons(r) for r in references], source="api:trader", session_factory=store)
    results = [[_submitted(r) for r in references] for _ in range(THREADS - 1)]

    def racer(i: int) -> None:
        if i == THREADS - 1:
            assess_pending(engine=engine, key=KEY, session_factory=store)
        else:
            assess_provisionally(results[i], profiles=profiles, key=KEY, session_factory=store)

    together(THREADS, racer)

    for reference in references:
        rows = _rows(store, reference)
        engines = [r for r in rows if r.basis == "declaration"]
        provisional = [r for r in rows if r.basis == "provisional"]
        assert len(engines) == 1 and engines[0].model_version == champion.id
        assert len(provisional) <= 1
        assert all(p.id < engines[0].id for p in provisional)
        with store() as session:
            newest = latest_assessment(session, reference=reference)
            assert newest is not None and newest.id == engines[0].id
    served = {r.assessment.id for batch in results for r in batch if r.assessment is not None}
    stored = {row.id for reference in references for row in _rows(store, reference)}
    assert served <= stored


def test_the_engine_supersedes_a_provisional_answer_on_an_unchanged_resubmission(
    store: sessionmaker[Session], trained_registry: ModelRegistry, profiles: ProfileSet
) -> None:
    """The submit path with an engine treats a declaration with only a provisional answer as
    waiting: it assesses it (the pending step would too)."""
    ingest_records([_weapons("P-3")], source="api:trader", session_factory=store)
    assess_provisionally([_submitted("P-3")], profiles=profiles, key=KEY, session_factory=store)
    engine, champion = load_champion(trained_registry)
    (result,) = submit_declarations(
        [_weapons("P-3")], source="api:trader", engine=engine, key=KEY, session_factory=store
    )
    assert result.status == "unchanged" and result.pending is None
    assert result.assessment is not None and result.assessment.model_version == champion.id
    assert [r.basis for r in _rows(store, "P-3")] == ["provisional", "declaration"]


def test_a_failed_engine_assessment_keeps_the_provisional_answer_in_the_reply(
    store: sessionmaker[Session],
    trained_registry: ModelRegistry,
    profiles: ProfileSet,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The provisional lane is still the one in force when the engine's assessment fails:
    the reply keeps it (with the failure as the pending reason) rather than showing no lane."""
    import clearlane.intake as intake

    ingest_records([_weapons("P-4")], source="api:trader", session_factory=store)
    first = _submitted("P-4")
    assess_provisionally([first], profiles=profiles, key=KEY, session_factory=store)
    assert first.assessment is not None
    engine, _ = load_champion(trained_registry)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("engine down")

    monkeypatch.setattr(intake, "assess_and_route", broken)
    (result,) = submit_declarations(
        [_weapons("P-4")], source="api:trader", engine=engine, key=KEY, session_factory=store
    )
    assert result.status == "unchanged"
    assert result.assessment is not None and result.assessment.id == first.assessment.id
    assert result.pending is not None and "engine down" in result.pending
    assert [r.basis for r in _rows(store, "P-4")] == ["provisional"]
