"""Stored extractions: invoices attached to stored declarations are read, cross-checked and
kept beside their document, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

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
