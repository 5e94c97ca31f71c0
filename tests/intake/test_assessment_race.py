"""One assessment of a declaration version per engine: writers racing on the same declaration
(the API's submit path, `clearlane train`'s pending step, `clearlane score --record`) store it
once and all get the stored one, on SQLite and PostgreSQL.

The racers are released together by a ``threading.Barrier``; the stored outcome is checked:
one assessment row, one assessment audit entry, an intact chain, and every caller handed the
id of that row.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import trail, verify
from clearlane.ingest.pipeline import ingest_records
from clearlane.intake import Submitted, assess_pending, assess_submitted, pending_keys
from clearlane.learn.registry import ModelRegistry
from clearlane.oversight import assessments as assessments_module
from clearlane.oversight import record_assessments
from clearlane.store.session import open_store
from clearlane.store.tables import AssessmentRow
from clearlane.workflows import load_champion
from tests.concurrency import together
from tests.factories import declaration

THREADS = 4
KEY = b"race-test"


def _stored(store: sessionmaker[Session], reference: str) -> list[AssessmentRow]:
    with store() as session:
        rows = list(
            session.scalars(
                select(AssessmentRow)
                .where(AssessmentRow.reference == reference)
                .order_by(AssessmentRow.id)
            )
        )
        assert verify(session).ok
    return rows


def _audited(store: sessionmaker[Session], reference: str) -> list[dict[str, Any]]:
    with store() as session:
        entries = trail(session, subject=f"declaration:{reference}")
    return [e for e in entries if e["kind"] == "assessment"]


def _row(
    reference: str,
    score: float,
    model_version: str | None = "engine-A",
    profile_version: str | None = "profiles-1",
) -> dict[str, Any]:
    return {
        "reference": reference,
        "version": 1,
        "office": "NLRTM1",
        "declaration_date": "2025-03-14",
        "model_version": model_version,
        "profile_version": profile_version,
        "score": score,
        "lane": "green",
        "reasons": [],
    }


def _record(store: sessionmaker[Session], rows: list[dict[str, Any]], actor: str) -> list[int]:
    with store() as session, session.begin():
        return record_assessments(session, routed=rows, actor=actor)


@pytest.mark.parametrize("model_version", ["engine-A", None])
def test_writers_recording_the_same_assessment_at_once_store_one(
    store: sessionmaker[Session], model_version: str | None
) -> None:
    ingest_records([declaration("RACE-1")], source="race", session_factory=store)

    ids = together(
        THREADS,
        lambda i: _record(store, [_row("RACE-1", 0.1 * (i + 1), model_version)], f"worker-{i}"),
    )

    (stored,) = _stored(store, "RACE-1")
    assert ids == [[stored.id]] * THREADS  # every caller is handed the winner
    (entry,) = _audited(store, "RACE-1")
    assert entry["seq"] == stored.audit_seq and entry["payload"]["score"] == stored.score


def test_a_new_engine_or_a_document_adds_history_the_same_engine_does_not(
    store: sessionmaker[Session],
) -> None:
    ingest_records([declaration("H-1")], source="t", session_factory=store)
    first = _record(store, [_row("H-1", 0.2), _row("H-1", 0.3)], "a")  # twice in one batch
    again = _record(store, [_row("H-1", 0.4)], "a")
    other = _record(store, [_row("H-1", 0.5, "engine-B")], "b")
    with store() as session, session.begin():
        document = record_assessments(
            session, routed=[_row("H-1", 0.6)], actor="a", basis="document:7"
        )
    with store() as session, session.begin():
        waiting = record_assessments(
            session, routed=[_row("H-1", 0.7, "engine-C")], actor="c", if_unassessed=True
        )
    assert first == [first[0]] * 2 and again == first[:1]
    rows = _stored(store, "H-1")
    assert [(r.model_version, r.basis, r.score) for r in rows] == [
        ("engine-A", "declaration", 0.2),
        ("engine-B", "declaration", 0.5),
        ("engine-A", "document:7", 0.6),
    ]
    assert other == [rows[1].id] and document == [rows[2].id]
    assert waiting == [rows[1].id]  # the newest on its basis: not a first assessment
    assert len(_audited(store, "H-1")) == 3


def test_new_profiles_add_history_the_same_profiles_do_not(
    store: sessionmaker[Session],
) -> None:
    """Re-scoring with new rule profiles and the same engine stores a new assessment (the
    profiles are part of the key since migration 0012); the same profiles again, or none
    again (NULL, covered by the index's coalesce), store nothing."""
    ingest_records([declaration("K-1")], source="t", session_factory=store)
    first = _record(store, [_row("K-1", 0.2, profile_version="profiles-1")], "a")
    new_profiles = _record(store, [_row("K-1", 0.3, profile_version="profiles-2")], "a")
    same_again = _record(store, [_row("K-1", 0.4, profile_version="profiles-2")], "a")
    without = _record(store, [_row("K-1", 0.5, profile_version=None)], "a")
    without_again = _record(store, [_row("K-1", 0.6, profile_version=None)], "a")
    rows = _stored(store, "K-1")
    assert [(r.profile_version, r.score) for r in rows] == [
        ("profiles-1", 0.2),
        ("profiles-2", 0.3),
        (None, 0.5),
    ]
    assert first == [rows[0].id] and new_profiles == same_again == [rows[1].id]
    assert without == without_again == [rows[2].id]
    assert len(_audited(store, "K-1")) == 3


def test_writers_with_two_profile_versions_at_once_store_one_each(
    store: sessionmaker[Session],
) -> None:
    ingest_records([declaration("RACE-P")], source="race", session_factory=store)

    ids = together(
        THREADS,
        lambda i: _record(store, [_row("RACE-P", 0.1 * (i + 1), profile_version=f"p{i % 2}")],
                          f"w{i}"),
    )  # fmt: skip

    rows = _stored(store, "RACE-P")
    assert sorted(r.profile_version or "" for r in rows) == ["p0", "p1"]
    by_profiles = {r.profile_version: r.id for r in rows}
    assert ids == [[by_profiles[f"p{i % 2}"]] for i in range(THREADS)]
    assert len(_audited(store, "RACE-P")) == 2


@pytest.mark.postgres
@pytest.mark.parametrize("profile_version", ["profiles-1", None])
def test_a_writer_that_skips_the_lock_meets_the_unique_index(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, profile_version: str | None
) -> None:
    """Without the lock (a writer of an older release, say) every racer checks before any has
    committed; the unique index stops the second insert and the retry hands it the winner,
    also without profiles (the index takes ``coalesce(profile_version, '')``).
    PostgreSQL only: on SQLite a racer without BEGIN IMMEDIATE fails to upgrade its read
    snapshot to a write ("database is locked") before it reaches the index."""
    monkeypatch.setattr(assessments_module, "write_lock", lambda session, key: None)
    store = open_store(postgres_url)
    ingest_records([declaration("RACE-2")], source="race", session_factory=store)

    ids = together(
        THREADS,
        lambda i: _record(store, [_row("RACE-2", 0.1 * (i + 1), profile_version=profile_version)],
                          f"w{i}"),
    )  # fmt: skip

    (stored,) = _stored(store, "RACE-2")
    assert ids == [[stored.id]] * THREADS
    assert len(_audited(store, "RACE-2")) == 1  # the losers' audit entries rolled back


def test_the_api_and_the_pending_step_assessing_at_once_store_one(
    store: sessionmaker[Session], trained_registry: ModelRegistry
) -> None:
    """API submissions (:func:`assess_submitted`) racing `clearlane train`'s pending step
    (:func:`assess_pending`) on a declaration stored while no engine existed."""
    engine, champion = load_champion(trained_registry)
    ingest_records([declaration("RACE-3")], source="api:trader", session_factory=store)
    results: list[Submitted] = [Submitted("body", "RACE-3", 1, "new") for _ in range(THREADS - 1)]

    def racer(i: int) -> int | None:
        if i == THREADS - 1:
            assess_pending(engine=engine, key=KEY, session_factory=store, source_prefix="api:")
            return None
        assess_submitted([results[i]], engine=engine, key=KEY, session_factory=store)
        assert results[i].pending is None, results[i].pending
        assert results[i].assessment is not None
        return results[i].assessment.id

    served = together(THREADS, racer)

    (stored,) = _stored(store, "RACE-3")
    assert stored.model_version == champion.id
    assert served == [stored.id] * (THREADS - 1) + [None]
    assert {(r.assessment.lane, r.assessment.score) for r in results if r.assessment} == {
        (stored.lane, stored.score)
    }
    assert len(_audited(store, "RACE-3")) == 1
    with store() as session:
        assert pending_keys(session) == []
        assert session.scalar(select(func.count()).select_from(AssessmentRow)) == 1


def test_a_declaration_assessed_meanwhile_is_not_scored_again(
    store: sessionmaker[Session], trained_registry: ModelRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The submit path and the pending step read first whether another writer stored the
    assessment, and neither gather facts nor score when it did: they hand back the stored
    one. (The locked check in record_assessments still decides a race.)"""
    from clearlane import intake
    from clearlane.intake import assess_and_route
    from clearlane.risk.engine import RiskEngine

    engine, champion = load_champion(trained_registry)
    ingest_records([declaration("SKIP-1")], source="api:trader", session_factory=store)
    first = Submitted("body", "SKIP-1", 1, "new")
    assess_submitted([first], engine=engine, key=KEY, session_factory=store)
    assert first.assessment is not None

    def no(*args: object, **kwargs: object) -> None:
        raise AssertionError("scored or gathered facts for a declaration assessed already")

    monkeypatch.setattr(RiskEngine, "assess_items", no)
    monkeypatch.setattr(intake, "gather_facts", no)
    late = Submitted("body", "SKIP-1", 1, "new")
    assess_submitted([late], engine=engine, key=KEY, session_factory=store)
    assert late.pending is None, late.pending
    assert late.assessment is not None and late.assessment.id == first.assessment.id
    with store() as session, session.begin():  # the pending step, given a stale list
        (again,) = assess_and_route(
            session, keys=[("SKIP-1", 1)], engine=engine, key=KEY, if_unassessed=True
        )
    assert again.id == first.assessment.id and again.model_version == champion.id
    assert len(_stored(store, "SKIP-1")) == 1


def test_racing_writers_that_check_first_still_store_one(
    store: sessionmaker[Session], trained_registry: ModelRegistry
) -> None:
    """Every racer finds nothing stored on its first read and scores; the locked check still
    stores one and hands every racer that one."""
    engine, _ = load_champion(trained_registry)
    ingest_records([declaration("RACE-4")], source="api:trader", session_factory=store)
    results = [Submitted("body", "RACE-4", 1, "new") for _ in range(THREADS)]

    def racer(i: int) -> int | None:
        assess_submitted([results[i]], engine=engine, key=KEY, session_factory=store)
        return results[i].assessment.id if results[i].assessment is not None else None

    served = together(THREADS, racer)

    (stored,) = _stored(store, "RACE-4")
    assert served == [stored.id] * THREADS
    assert len(_audited(store, "RACE-4")) == 1
