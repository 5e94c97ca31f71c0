"""The submit path's shortcuts (#15) store and answer what the general path does.

:func:`clearlane.intake.submit_declarations` reads what it needs in one session, stores the HS
checks it computed in the assessment's transaction and answers with the assessment built from
the values it wrote, without reading it back. These tests hold it to the store: the answer is
the stored row, column by column; the audit entry holds what the row holds; the HS checks are
stored; and the same declarations assessed by the pending step (its own sessions, the HS
checks stored on their own, the rows read back) get the same scores, lanes, reasons, routing
and audit entries.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import trail, verify
from clearlane.ingest.pipeline import ingest_records
from clearlane.intake import assess_pending, submit_declarations
from clearlane.learn.registry import ModelRegistry
from clearlane.store.session import open_store
from clearlane.store.tables import AssessmentRow, DeclarationRow, HsCheckRow
from clearlane.workflows import load_champion
from tests.factories import declaration, item

KEY = b"same-path-test"
COLUMNS = [c.key for c in AssessmentRow.__table__.columns]


def _declarations() -> list[dict[str, Any]]:
    return [
        declaration(
            f"SAME-{i}",
            items=[
                item(seq=1, hs_code="85171300", description=f"mobile phone model {i}"),
                item(seq=2, hs_code="61091000", description="cotton t-shirts"),
            ],
        )
        for i in range(4)
    ]


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _plain(row: AssessmentRow) -> dict[str, Any]:
    values = {c: getattr(row, c) for c in COLUMNS}
    values["assessed_at"] = _utc(values["assessed_at"])
    return values


def test_the_answer_is_the_stored_assessment_and_its_audit_entry(
    store: sessionmaker[Session], trained_registry: ModelRegistry
) -> None:
    engine, _ = load_champion(trained_registry)
    answered = []
    for record in _declarations():  # one at a time, as the API submits them
        (result,) = submit_declarations(
            [record], source="api:test", engine=engine, key=KEY, session_factory=store
        )
        assert result.status == "new" and result.assessment is not None, result
        answered.append(result.assessment)
    with store() as session:
        for answer in answered:
            stored = session.get(AssessmentRow, answer.id)
            assert stored is not None
            assert _plain(answer) == _plain(stored)
            sha = session.scalar(
                select(DeclarationRow.content_sha256).where(
                    DeclarationRow.reference == answer.reference
                )
            )
            assert stored.input_sha256 == sha
            (entry,) = [
                e
                for e in trail(session, subject=f"declaration:{answer.reference}")
                if e["kind"] == "assessment"
            ]
            payload = entry["payload"]
            assert entry["seq"] == stored.audit_seq
            for name in ("score", "lane", "selection_reason", "components", "reasons"):
                assert payload[name] == getattr(stored, name), name
        # every (description, code) was checked and stored, with the assessments
        assert session.scalar(select(func.count()).select_from(HsCheckRow)) == 5
        assert verify(session).ok


def test_the_submit_path_and_the_pending_step_store_the_same(
    tmp_path: Path, trained_registry: ModelRegistry, migrated_sqlite: Callable[[str], str]
) -> None:
    engine, _ = load_champion(trained_registry)
    submitted = open_store(migrated_sqlite("submitted"))
    pending = open_store(migrated_sqlite("pending"))
    for record in _declarations():
        submit_declarations(
            [record], source="api:test", engine=engine, key=KEY, session_factory=submitted
        )
    ingest_records(_declarations(), source="api:test", session_factory=pending)
    assert assess_pending(engine=engine, key=KEY, session_factory=pending) == 4

    def stored(factory: sessionmaker[Session]) -> tuple[list[dict[str, Any]], list[Any]]:
        with factory() as session:
            rows = session.scalars(select(AssessmentRow).order_by(AssessmentRow.reference))
            kept = [
                {c: v for c, v in _plain(r).items() if c not in ("id", "assessed_at")} for r in rows
            ]
            audited = [
                (e["subject"], e["actor"], e["payload"])
                for ref in sorted(r["reference"] for r in kept)
                for e in trail(session, subject=f"declaration:{ref}")
                if e["kind"] == "assessment"
            ]
            checks = sorted(
                session.execute(
                    select(HsCheckRow.description, HsCheckRow.declared_code,
                           HsCheckRow.plausibility, HsCheckRow.best_code, HsCheckRow.reason_code)
                ).all()
            )  # fmt: skip
            assert verify(session).ok
        # the audit sequence numbers follow the order the two paths wrote in
        for row in kept:
            row.pop("audit_seq")
        return kept, [audited, checks]

    assert stored(submitted) == stored(pending)


def test_an_assessment_made_from_the_values_written_is_the_row_read_back(
    store: sessionmaker[Session],
) -> None:
    """NaN and tuples in the reasons and components come back as the store keeps them."""
    from clearlane.intake import _rows_in_order
    from clearlane.oversight import record_assessments

    ingest_records([declaration("KEPT-1")], source="api:test", session_factory=store)
    routed = {
        "reference": "KEPT-1",
        "version": 1,
        "office": "NLRTM1",
        "declaration_date": "2025-03-14",
        "model_version": "engine-A",
        "profile_version": None,
        "score": 0.25,
        "lane": "green",
        "reasons": [{"code": "X", "weight": float("nan"), "value": ("a", 1.5)}],
        "routing": {"draw": 0.5, "red_cut": None, "pair": (1, 2)},
    }
    written: dict[int, dict[str, Any]] = {}
    with store() as session, session.begin():
        ids = record_assessments(session, routed=[routed], actor="test", written=written)
        (made,) = _rows_in_order(session, [("KEPT-1", 1)], ids, written)
    with store() as session:
        (read,) = _rows_in_order(session, [("KEPT-1", 1)], ids)
        assert _plain(made) == _plain(read)
        assert made.reasons == [{"code": "X", "weight": None, "value": ["a", 1.5]}]
