"""Training facts as known when a declaration was assessed tell transport documents apart by
their stored row, not their number: two carriers' bills of lading may share a number, and the
one ingested before the control does not let the other's discrepancies (ingested after it,
possibly asked for by the control) into the training row."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from clearlane.features.facts import gather_facts
from clearlane.ingest.pipeline import ingest_file
from clearlane.store.tables import DocumentLinkRow, TransportDocumentRow
from tests.factories import declaration, write_jsonl


def _document(carrier: str, gross_mass_kg: float, ingested: datetime, batch: int) -> dict:
    return {
        "document_number": "BL-SHARED-1", "document_type": "bl", "carrier": carrier,
        "gross_mass_kg": gross_mass_kg, "containers": ["CSQU3054383"], "parties": {},
        "normalised": {}, "original": carrier, "original_format": "csv",
        "content_sha256": carrier.ljust(64, "0"), "batch_id": batch, "ingested_at": ingested,
    }  # fmt: skip


def test_a_document_number_shared_by_two_carriers_is_cut_per_document(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    report = ingest_file(write_jsonl(tmp_path / "d.jsonl", [declaration("BL-1")]),
                         session_factory=store)  # fmt: skip
    assert report.batch_id is not None
    control = {
        "declaration_reference": "BL-1", "control_type": "documentary",
        "selection_reason": "random", "outcome": "compliant", "severity": "none",
        "extra_duty": 0.0, "started_at": "2025-03-10T00:00:00Z",
        "completed_at": "2025-03-10T02:00:00Z",
    }  # fmt: skip
    ingest_file(write_jsonl(tmp_path / "c.jsonl", [control]), kind="controls",
                session_factory=store)  # fmt: skip
    with store() as session, session.begin():
        # the declaration's gross mass is 30 kg: the first carrier's document agrees and came
        # before the control; the second's says 300 kg and came after it
        before = TransportDocumentRow(
            **_document("Maersk", 30.0, datetime(2025, 3, 5, tzinfo=UTC), report.batch_id)
        )
        after = TransportDocumentRow(
            **_document("MSC", 300.0, datetime(2025, 3, 20, tzinfo=UTC), report.batch_id)
        )
        session.add_all([before, after])
        session.flush()
        for doc in (before, after):
            session.add(
                DocumentLinkRow(declaration_reference="BL-1", transport_document_id=doc.id,
                                method="document_number", score=1.0, evidence={},
                                created_at=datetime(2025, 3, 20, tzinfo=UTC))
            )  # fmt: skip

    now = gather_facts(store, ["BL-1"], hs=False, network=False).declarations
    then = gather_facts(store, ["BL-1"], hs=False, network=False, as_assessed=True).declarations
    assert now.loc["BL-1", "link_manifest_gross_mass"] == 1.0  # scoring sees both documents
    assert then.loc["BL-1", "link_discrepancies"] == 0.0  # linked, to the first one only
    assert then.loc["BL-1", "link_manifest_gross_mass"] == 0.0
