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


def _row(reference: str, score: float, model_version: str | None = "engine-A") -> dict[str, Any]:
    return {
        "reference": reference,
        "version": 1,
        "office": "NLRTM1",
        "declaration_date": "2025-03-14",
        "model_version": model_version,
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


@pytest.mark.postgres
def test_a_writer_that_skips_the_lock_meets_the_unique_index(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the lock (a writer of an older release, say) every racer checks before any has
    committed; the unique index stops the second insert and the retry hands it the winner.
    PostgreSQL only: on SQLite a racer without BEGIN IMMEDIATE fails to upgrade its read
    snapshot to a write ("database is locked") before it reaches the index."""
    monkeypatch.setattr(assessments_module, "write_lock", lambda session, key: None)
    store = open_store(postgres_url)
    ingest_records([declaration("RACE-2")], source="race", session_factory=store)

    ids = together(THREADS, lambda i: _record(store, [_row("RACE-2", 0.1 * (i + 1))], f"w{i}"))

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
