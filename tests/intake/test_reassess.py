"""A document read after the declaration was scored reaches its risk: a new, audited
assessment while the declaration is undecided; nothing once an officer decided."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import verify
from clearlane.casework import attach_document
from clearlane.features import facts as facts_module
from clearlane.features.facts import HsFact
from clearlane.intake import reassess_after_document, submit_declarations
from clearlane.learn.registry import ModelRegistry
from clearlane.oversight import decide
from clearlane.store.files import FileStore
from clearlane.store.tables import AssessmentRow, DocumentExtractionRow
from clearlane.workflows import load_champion
from tests.factories import ALL_RED, declaration

KEY = b"reassess-test"
FOUND = {
    "code": "CUSTOMS_VALUE_BELOW_INVOICE",
    "field": "customs_value",
    "invoice_value": "12400.00",
    "declared_value": "8100.00",
    "detail": "invoice total 12400.00 x rate 1 = 12400.00, declared customs value 8100.00",
}


@pytest.fixture(autouse=True)
def _plain_hs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every description fits its code (the HS check has its own tests)."""

    def compute(pairs, top):  # type: ignore[no-untyped-def]
        return [HsFact(d, c, 0.9, c[:6], None, None, []) for d, c in pairs]

    monkeypatch.setattr(facts_module, "_compute_hs", compute)
    monkeypatch.setattr(facts_module, "hs_model_key", lambda: "test-model")


def _invoice_read(store: sessionmaker[Session], reference: str, tmp_path: Path) -> None:
    """What the background extraction stores for an invoice that disagrees."""
    with store() as session:
        document = attach_document(
            session, reference=reference, filename="invoice.xml", content_type="application/xml",
            data=b"<Invoice/>", uploaded_by="trader", files=FileStore(tmp_path / "files"),
        )  # fmt: skip
        now = datetime.now(UTC)
        session.add(
            DocumentExtractionRow(
                document_id=document.id,
                reference=reference,
                status="done",
                pages=1,
                discrepancies=[FOUND],
                extraction={},
                created_at=now,
                finished_at=now,
            )  # fmt: skip
        )
        session.commit()


def test_document_after_scoring_gives_a_new_audited_assessment(
    store: sessionmaker[Session], trained_registry: ModelRegistry, tmp_path: Path
) -> None:
    engine, _ = load_champion(trained_registry)
    # routed red: explained with the score (one routed green is explained when opened, #15)
    (first,) = submit_declarations(
        [declaration("R-1")], source="t", engine=engine, key=KEY, session_factory=store,
        policy=ALL_RED,
    )  # fmt: skip
    assert first.assessment is not None and first.assessment.reasons
    assert not [r for r in first.assessment.reasons if r["source"] == "document"]
    _invoice_read(store, "R-1", tmp_path)

    outcome = reassess_after_document(
        reference="R-1", engine=engine, key=KEY, session_factory=store, policy=ALL_RED
    )

    assert outcome.status == "reassessed" and outcome.assessment is not None
    assert outcome.assessment.id > first.assessment.id
    documents = [r for r in outcome.assessment.reasons if r["source"] == "document"]
    assert [r["code"] for r in documents] == ["CUSTOMS_VALUE_BELOW_INVOICE"]
    assert "12,400.00" in documents[0]["text"] and "8,100.00" in documents[0]["text"]
    assert documents[0]["feature"] == "doc_customs_value_below_invoice"
    with store() as session:
        assert session.scalar(select(func.count()).select_from(AssessmentRow)) == 2
        assert verify(session).ok  # the new assessment is on the audit chain

    with store() as session:
        decide(session, reference="R-1", officer="officer1")
        session.commit()
    again = reassess_after_document(reference="R-1", engine=engine, key=KEY, session_factory=store)
    assert again.status == "decided"
    with store() as session:
        assert session.scalar(select(func.count()).select_from(AssessmentRow)) == 2


def test_unscored_declaration_is_left_to_the_normal_path(
    store: sessionmaker[Session], trained_registry: ModelRegistry, tmp_path: Path
) -> None:
    submit_declarations([declaration("R-2")], source="t", engine=None, key=KEY,
                        session_factory=store)  # fmt: skip
    _invoice_read(store, "R-2", tmp_path)
    engine, _ = load_champion(trained_registry)
    outcome = reassess_after_document(
        reference="R-2", engine=engine, key=KEY, session_factory=store
    )
    assert outcome.status == "not_assessed"
    assert (
        reassess_after_document(reference="R-2", engine=None, key=KEY, session_factory=store).status
        == "no_engine"
    )
