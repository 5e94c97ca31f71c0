"""Stored assessments, officer decisions and the oversight KPIs, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import trail, verify
from clearlane.ingest.pipeline import ingest_file
from clearlane.oversight import (
    AlreadyDecidedError,
    DecisionError,
    NotAssessedError,
    StaleDecisionError,
    SupersededMeanwhileError,
    current_decision,
    decide,
    override_kpis,
    record_assessments,
)
from clearlane.oversight.kpis import psi, targeting_kpis
from clearlane.store.tables import AssessmentRow, DecisionRow, DeclarationRow
from tests.concurrency import together
from tests.factories import declaration, write_jsonl

LANES = {"A1": "red", "A2": "yellow", "A3": "green", "A4": "green", "A5": "red"}


def _routed() -> pd.DataFrame:
    rows = []
    for i, (ref, lane) in enumerate(LANES.items()):
        rows.append(
            {
                "reference": ref,
                "version": 1,
                "declaration_date": "2025-03-01",
                "office": "NL000001",
                "score": 0.9 - i * 0.1,
                "lane": lane,
                "selection_reason": "risk" if lane != "green" else None,
                "rank": i + 1,
                "rules": 0.2,
                "anomaly": float("nan"),
                "model": 0.5,
                "expected_revenue": 10.0,
                "critical_score": 0.01,
                "profiles_hit": "P1" if i == 0 else "",
                "model_version": "m-1",
                "profile_version": "p-1",
                "missing_fields": "",
                "notes": "",
                "reasons": [{"code": "PROFILE_HIT", "text": "a reason"}] if i == 0 else [],
            }
        )
    return pd.DataFrame(rows)


@pytest.fixture
def assessed(store: sessionmaker[Session], tmp_path: Path) -> sessionmaker[Session]:
    records = [declaration(ref) for ref in LANES]
    ingest_file(write_jsonl(tmp_path / "d.jsonl", records), session_factory=store)
    with store() as session, session.begin():
        ids = record_assessments(session, routed=_routed(), actor="test-scorer")
    assert len(ids) == len(LANES)
    return store


def test_assessments_are_stored_and_audited(assessed: sessionmaker[Session]) -> None:
    with assessed() as session:
        rows = session.scalars(select(AssessmentRow).order_by(AssessmentRow.id)).all()
        sha = session.scalar(
            select(DeclarationRow.content_sha256).where(DeclarationRow.reference == "A1")
        )
        entries = trail(session, subject="declaration:A1")
        verdict = verify(session)
    assert [r.lane for r in rows] == list(LANES.values())
    assert rows[0].reasons == [{"code": "PROFILE_HIT", "text": "a reason"}]
    assert rows[0].components["anomaly"] is None  # NaN is stored as null, not as a string
    assert rows[0].input_sha256 == sha and sha is not None
    assert [e["kind"] for e in entries] == ["assessment"]
    payload = entries[0]["payload"]
    assert payload["input_sha256"] == sha
    assert (payload["model_version"], payload["lane"], payload["score"]) == ("m-1", "red", 0.9)
    assert verdict.ok and verdict.entries == len(LANES)


def test_accept_and_override(assessed: sessionmaker[Session]) -> None:
    with assessed() as session, session.begin():
        accepted = decide(session, reference="A1", officer="olga")
        overridden = decide(
            session,
            reference="A3",
            officer="olga",
            lane="red",
            justification="informant tip about this consignee",
        )
    assert (accepted.action, accepted.lane, accepted.proposed_lane) == ("accept", "red", "red")
    assert (overridden.action, overridden.lane, overridden.proposed_lane) == (
        "override",
        "red",
        "green",
    )
    with assessed() as session:
        kinds = [e["kind"] for e in trail(session, subject="declaration:A3")]
        assert kinds == ["assessment", "decision"]
        assert verify(session).ok


def test_override_without_justification_is_refused(assessed: sessionmaker[Session]) -> None:
    with assessed() as session, session.begin():
        with pytest.raises(DecisionError, match="justification") as refused:
            decide(session, reference="A3", officer="olga", lane="red")
        assert refused.value.field == "justification"
        with pytest.raises(DecisionError, match="justification"):
            decide(session, reference="A3", officer="olga", lane="red", justification="  ok  ")
        with pytest.raises(DecisionError, match="not one of") as unknown:
            decide(session, reference="A3", officer="olga", lane="purple", justification="x" * 20)
        assert unknown.value.field == "lane"
        with pytest.raises(NotAssessedError, match="NOPE") as missing:
            decide(session, reference="NOPE", officer="olga")
        assert missing.value.field is None
    with assessed() as session:
        assert session.scalar(select(func.count()).select_from(DecisionRow)) == 0


def test_second_decision_needs_an_explicit_justified_change(
    assessed: sessionmaker[Session],
) -> None:
    with assessed() as session, session.begin():
        first = decide(session, reference="A2", officer="olga")
    with assessed() as session, session.begin():
        with pytest.raises(AlreadyDecidedError, match="already decided"):
            decide(session, reference="A2", officer="piet", lane="green", justification="x" * 30)
        with pytest.raises(DecisionError, match="justification"):
            decide(session, reference="A2", officer="piet", lane="green", change=True)
        with pytest.raises(DecisionError, match="name the decision it changes") as unnamed:
            decide(session, reference="A2", officer="piet", change=True, justification="x" * 30)
        assert unnamed.value.field == "supersedes" and unnamed.value.kind == "invalid"
        with pytest.raises(DecisionError, match="no decision to change") as none_yet:
            decide(session, reference="A4", officer="piet", change=True, justification="x" * 30)
        assert none_yet.value.field == "change"
        with pytest.raises(DecisionError, match="no decision to change") as none_yet:
            decide(session, reference="A4", officer="piet", supersedes=1, justification="x" * 30)
        assert none_yet.value.field == "supersedes"  # the field sent (was 'change', never sent)
    with assessed() as session, session.begin():
        changed = decide(
            session,
            reference="A2",
            officer="piet",
            lane="green",
            change=True,
            supersedes=first.id,
            justification="documents received, invoice matches the declared value",
        )
    assert changed.supersedes_id == first.id
    with assessed() as session:
        now = current_decision(session, reference="A2")
        assert now is not None and (now.lane, now.officer) == ("green", "piet")
        assert session.scalar(select(func.count()).select_from(DecisionRow)) == 2


def test_override_kpis_compare_hit_rates(assessed: sessionmaker[Session], tmp_path: Path) -> None:
    just = "seen this consignee before with hidden goods"
    with assessed() as session, session.begin():
        decide(session, reference="A1", officer="olga")  # engine red, accepted
        decide(session, reference="A2", officer="olga")  # engine yellow, accepted
        decide(session, reference="A3", officer="piet", lane="red", justification=just)
        decide(session, reference="A4", officer="piet", lane="yellow", justification=just)
        decide(session, reference="A5", officer="piet", lane="green", justification=just)
    outcomes = {
        "A1": "non_compliant",
        "A2": "compliant",
        "A3": "non_compliant",
        "A4": "non_compliant",
    }
    controls = [
        {
            "declaration_reference": ref,
            "control_type": "physical",
            "selection_reason": "risk" if ref in ("A1", "A2") else "officer",
            "outcome": outcome,
            **(
                {"irregularities": ["undervaluation"], "severity": "revenue", "extra_duty": 100.0}
                if outcome == "non_compliant"
                else {}
            ),
        }
        for ref, outcome in outcomes.items()
    ]
    ingest_file(
        write_jsonl(tmp_path / "c.jsonl", controls), kind="controls", session_factory=assessed
    )
    with assessed() as session:
        kpis = override_kpis(session)
        overall = targeting_kpis(session)
        assert verify(session).ok
    assert (kpis.decisions, kpis.accepted, kpis.overrides) == (5, 2, 3)
    assert kpis.override_rate == pytest.approx(0.6)
    assert (kpis.overrides_to_control, kpis.overrides_to_green) == (2, 1)
    assert (kpis.hit_rate_engine["n"], kpis.hit_rate_engine["hits"]) == (2, 1)
    assert (kpis.hit_rate_overrides["n"], kpis.hit_rate_overrides["hits"]) == (2, 2)
    low, high = kpis.hit_rate_engine["low"], kpis.hit_rate_engine["high"]
    assert low is not None and high is not None and low < 0.5 < high
    assert overall["assessed"] == 5 and overall["controlled"] == 4
    assert overall["hit_rate"]["hits"] == 3
    assert overall["revenue_recovered"] == pytest.approx(300.0)
    assert overall["by_lane"]["red"]["n"] == 2  # A1 and A3 (decided lane counts)
    assert overall["by_selection_reason"]["officer"]["hits"] == 2


def test_psi_detects_a_shifted_distribution() -> None:
    import numpy as np

    rng = np.random.default_rng(0)
    base = rng.beta(2, 8, 2000)
    assert psi(base, rng.beta(2, 8, 2000)) < 0.05
    assert psi(base, rng.beta(5, 5, 2000)) > 0.25
    assert psi(base, base[:10]) is None


@pytest.mark.parametrize("lanes", [("green", "green"), ("green", "yellow")])
def test_two_officers_changing_one_decision_at_once_one_change_the_other_stale(
    assessed: sessionmaker[Session], lanes: tuple[str, str]
) -> None:
    """Two officers saw decision ``first`` in force and change it at once (barrier): one
    change supersedes it, the other is refused with the decision in force now; one change on
    the audit trail, a linear history."""
    with assessed() as session, session.begin():
        first = decide(session, reference="A2", officer="olga")

    def change(i: int) -> int | str:
        with assessed() as session:
            try:
                row = decide(
                    session,
                    reference="A2",
                    officer=f"supervisor{i}",
                    lane=lanes[i],
                    change=True,
                    supersedes=first.id,
                    justification=f"review {i}: documents and the invoice checked",
                )
            except StaleDecisionError as refused:
                session.rollback()
                return f"stale:{refused.current.id}"
            session.commit()
            return row.id

    outcome = together(2, change)
    won = [o for o in outcome if isinstance(o, int)]
    assert len(won) == 1 and sorted(outcome, key=str)[1] == f"stale:{won[0]}", outcome
    with assessed() as session:
        rows = session.scalars(
            select(DecisionRow).where(DecisionRow.reference == "A2").order_by(DecisionRow.id)
        ).all()
        kinds = [e["kind"] for e in trail(session, subject="declaration:A2")]
        assert verify(session).ok
    assert [(r.id, r.supersedes_id) for r in rows] == [(first.id, None), (won[0], first.id)]
    assert kinds.count("decision") == 2


def test_without_the_declarations_lock_the_store_still_refuses_a_second_change(
    assessed: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unique index on supersedes_id (migration 0015) holds the line by itself: with the
    per-declaration lock taken away, of two changes of one decision at once one is stored and
    the other refused (409 stale_decision), never a fork. Before the index both were stored."""
    from clearlane.oversight import decisions as module

    monkeypatch.setattr(module, "write_lock", lambda session, key: None)
    with assessed() as session, session.begin():
        in_force = decide(session, reference="A2", officer="olga").id

    def change(i: int, supersedes: int) -> int | str:
        with assessed() as session:
            try:
                row = decide(
                    session,
                    reference="A2",
                    officer=f"supervisor{i}",
                    lane="yellow",
                    supersedes=supersedes,
                    justification=f"review {i}: documents and the invoice checked",
                )
                session.commit()
            except (SupersededMeanwhileError, StaleDecisionError) as refused:
                session.rollback()
                assert refused.code == "stale_decision"
                return "refused"
            return row.id

    for _ in range(8):
        outcome = together(2, lambda i, s=in_force: change(i, s))  # type: ignore[misc]
        assert sorted(outcome, key=str)[1] == "refused", outcome
        with assessed() as session:
            successors = session.scalars(
                select(DecisionRow.id).where(DecisionRow.supersedes_id == in_force)
            ).all()
            assert verify(session).ok
        assert successors == [o for o in outcome if isinstance(o, int)]
        in_force = successors[0]


def test_a_change_naming_another_declarations_decision_is_a_wrong_input(
    assessed: sessionmaker[Session],
) -> None:
    """``supersedes`` of another declaration's decision, or of no decision at all (beyond the
    id column's range too), is refused on ``supersedes`` (invalid, 422), not as a stale
    decision of this one; an older decision of this one stays stale (409)."""
    with assessed() as session, session.begin():
        first = decide(session, reference="A1", officer="olga")
        other = decide(session, reference="A2", officer="olga")
        later = decide(
            session, reference="A1", officer="piet", supersedes=first.id, justification="x" * 30
        )
    for wrong in (other.id, 2**40, 2**63 - 1):
        with assessed() as session, pytest.raises(DecisionError) as refused:
            decide(
                session, reference="A1", officer="piet", supersedes=wrong, justification="x" * 30
            )
        assert not isinstance(refused.value, StaleDecisionError)
        assert (refused.value.field, refused.value.kind) == ("supersedes", "invalid")
        assert f"in force: {later.id}" in str(refused.value)
    with assessed() as session, pytest.raises(StaleDecisionError):
        decide(session, reference="A1", officer="piet", supersedes=first.id, justification="x" * 30)
    with assessed() as session:
        assert current_decision(session, reference="A2").id == other.id  # type: ignore[union-attr]


def test_without_the_declarations_lock_the_store_refuses_a_second_first_decision(
    assessed: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two officers deciding one declaration version at once, each having read "not decided
    yet" before either writes (held by a barrier after the read), with the per-declaration
    lock taken away: the partial unique index uq_decisions_first (migration 0017) stores one
    first decision and refuses the other (409, naming the declaration), on SQLite and
    PostgreSQL. Before it, both were stored: two first decisions, one line each."""
    import threading

    from clearlane.oversight import decisions as module

    monkeypatch.setattr(module, "write_lock", lambda session, key: None)
    barrier = threading.Barrier(2)
    real = module.current_decision

    def read_then_wait(session: Session, **kwargs: object) -> DecisionRow | None:
        found = real(session, **kwargs)  # type: ignore[arg-type]
        barrier.wait(timeout=60)  # both have read "not decided" before either writes
        return found

    monkeypatch.setattr(module, "current_decision", read_then_wait)

    def first(i: int) -> int | str:
        with assessed() as session:
            try:
                row = decide(session, reference="A2", officer=f"officer{i}")
                session.commit()
            except AlreadyDecidedError as refused:
                session.rollback()
                assert refused.kind == "conflict" and "'A2' version 1" in str(refused)
                assert "meanwhile" in str(refused)
                return "refused"
            return row.id

    outcome = together(2, first)
    assert sorted(outcome, key=str)[1] == "refused", outcome
    with assessed() as session:
        rows = session.scalars(select(DecisionRow).where(DecisionRow.reference == "A2")).all()
        kinds = [e["kind"] for e in trail(session, subject="declaration:A2")]
        assert verify(session).ok
    assert [(r.id, r.supersedes_id) for r in rows] == [(o, None) for o in outcome if o != "refused"]
    assert kinds.count("decision") == 1  # the refused one's audit entry went with it


def test_an_integrity_error_of_another_constraint_is_not_another_officers_decision(
    assessed: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A decision refused by a constraint other than uq_decisions_first or
    uq_decisions_supersedes (here the foreign key to its assessment, an assessment gone from
    under it) is a bug, raised as the IntegrityError it is (the API: 500, logged), on SQLite
    and PostgreSQL. Until mends6 (2026-12-05) every IntegrityError of a first decision said
    "decided by another officer meanwhile" (409), which nobody had done."""
    from types import SimpleNamespace

    from sqlalchemy.exc import IntegrityError

    from clearlane.oversight import decisions as module

    real = module.latest_assessment

    def gone(session: Session, **kwargs: object) -> object:
        found = real(session, **kwargs)  # type: ignore[arg-type]
        assert found is not None
        return SimpleNamespace(
            id=found.id + 1_000_000,  # no such assessment
            lane=found.lane,
            version=found.version,
            basis=found.basis,
            components=found.components,
        )

    monkeypatch.setattr(module, "latest_assessment", gone)
    with assessed() as session:
        with pytest.raises(IntegrityError) as raised:
            decide(session, reference="A1", officer="officer1")
        session.rollback()
        backend = session.get_bind().dialect.name
        assert current_decision(session, reference="A1") is None
    named = module.violated_constraint(raised.value)
    assert named == ("fk_decisions_assessment_id_assessments" if backend == "postgresql" else None)


def test_each_unique_index_is_named_as_such_on_both_backends(
    assessed: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deterministic, without racing threads: a writer that read a stale "decision in force"
    (the lock taken away) hits uq_decisions_first, then uq_decisions_supersedes, and each is
    recognised by name (PostgreSQL's constraint name, SQLite's message) and answered as the
    409 it is, on SQLite and PostgreSQL (the barrier tests hit the indexes only when the race
    falls that way)."""
    from clearlane.oversight import decisions as module

    monkeypatch.setattr(module, "write_lock", lambda session, key: None)
    with assessed() as session, session.begin():
        first = decide(session, reference="A2", officer="olga")
        first_id = first.id
    real = module.current_decision
    with assessed() as session:
        monkeypatch.setattr(module, "current_decision", lambda session, **kw: None)
        with pytest.raises(module.DecidedMeanwhileError, match="meanwhile"):
            decide(session, reference="A2", officer="officer2")
        session.rollback()
    monkeypatch.setattr(module, "current_decision", real)
    with assessed() as session, session.begin():
        decide(
            session, reference="A2", officer="sup1", lane="yellow", supersedes=first_id,
            justification="review 1: documents and the invoice checked",
        )  # fmt: skip
    with assessed() as session:
        stale = session.get(DecisionRow, first_id)
        monkeypatch.setattr(module, "current_decision", lambda session, **kw: stale)
        with pytest.raises(SupersededMeanwhileError):
            decide(
                session, reference="A2", officer="sup2", lane="yellow", supersedes=first_id,
                justification="review 2: documents and the invoice checked",
            )  # fmt: skip
        session.rollback()
