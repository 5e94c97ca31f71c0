"""Stored extractions: invoices attached to stored declarations are read, cross-checked and
kept beside their document, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.documents.service import attach_demo_invoices, stored_discrepancy_facts
from clearlane.generate import generate_dataset
from clearlane.ingest.pipeline import ingest_file
from clearlane.store.tables import DocumentExtractionRow


def test_demo_invoices_are_attached_read_and_checked(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    out = tmp_path / "data"
    generate_dataset(declarations=40, seed=4, out_dir=out, start=date(2025, 1, 1), days=10)
    ingest_file(out / "declarations.csv", session_factory=store)
    references = [json.loads(line)["reference"] for line in
                  (out / "declarations.jsonl").read_text().splitlines()[:2]]  # fmt: skip
    statuses = attach_demo_invoices(store, out, references, tmp_path / "files", seed=1)
    assert statuses == ["done", "done"]  # a Factur-X PDF and a text PDF
    with store() as session:
        rows = session.scalars(select(DocumentExtractionRow).order_by(DocumentExtractionRow.id))
        stored = list(rows)
        assert [r.method for r in stored] == ["xml", "text"]
        facts = stored_discrepancy_facts(session)
    for row in stored:
        truth = json.loads((out / "invoices" / f"{row.reference}.truth.json").read_text())
        assert row.extraction is not None
        assert row.extraction["grand_total"] == truth["grand_total"]
        codes = {d["code"] for d in row.discrepancies or []}
        assert set(truth["planted"]) <= codes
        assert facts.loc[row.reference, "doc_discrepancies"] == len(row.discrepancies or [])


def test_a_huge_invoice_line_is_checked_and_kept_as_its_first_characters(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 100 kB invoice line described as other goods: the HS check looks at its first
    MAX_RANKED characters, and the discrepancy stored with the extraction (and the evidence
    and reason every assessment quotes) holds those, not 100 kB; the mismatch is still a fact
    of the declaration."""
    from types import SimpleNamespace

    from clearlane.casework import attach_document
    from clearlane.documents import extraction as extraction_module
    from clearlane.documents.models import Extraction, LineItem
    from clearlane.documents.service import queue_extraction, run_extraction
    from clearlane.features.facts import gather_facts
    from clearlane.hs.model import MAX_RANKED
    from clearlane.ingest.pipeline import ingest_records
    from clearlane.store.files import FileStore
    from tests.factories import declaration

    ingest_records([declaration("BIG-LINE")], source="t", session_factory=store)
    line = "frozen fish fillets " * 60 + "x" * 100_000
    read = Extraction(line_items=[LineItem(description=line, quantity="100")])
    monkeypatch.setattr(extraction_module, "extract_bytes", lambda data, name: read)
    asked: list[int] = []

    def mismatch(description: str, code: str) -> SimpleNamespace:
        asked.append(len(description))
        return SimpleNamespace(plausibility=0.01, best_code="030489",
                               reason_code="HS_DESCRIPTION_MISMATCH_CHAPTER")  # fmt: skip

    with store() as session:
        document = attach_document(
            session, reference="BIG-LINE", filename="invoice.xml",
            content_type="application/xml", data=b"<?xml version='1.0'?><invoice/>",
            uploaded_by="t", files=FileStore(tmp_path / "files"),
        )  # fmt: skip
        queue_extraction(session, document)
        session.commit()
        document_id = document.id
    status = run_extraction(store, document_id, tmp_path / "files", hs_check=mismatch)
    assert status == "done" and asked == [MAX_RANKED]
    with store() as session:
        row = session.scalars(select(DocumentExtractionRow)).one()
        (found,) = [
            d for d in row.discrepancies or [] if d["code"] == "LINE_DESCRIPTION_HS_MISMATCH"
        ]
    assert found["invoice_value"] == line[:MAX_RANKED]
    facts = gather_facts(store, ["BIG-LINE"], hs=False, network=False)
    assert facts.declarations.loc["BIG-LINE", "doc_line_description_hs_mismatch"] == 1.0
    (evidence,) = [
        e for e in facts.evidence["BIG-LINE"] if e.code == "LINE_DESCRIPTION_HS_MISMATCH"
    ]
    assert evidence.document == line[:MAX_RANKED]
