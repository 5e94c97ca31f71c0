"""The writer's short cut for a chunk of declarations all new (none of its references stored,
each once in the chunk): it stores exactly what its record-by-record decisions store.

The same chunks are written twice into fresh stores: once as ``ingest_file`` writes them
(the short cut taken wherever it applies), once keeping every record's outcome (which, as
``ingest_records`` does, decides record by record), then each store gets the same chunks
again (all unchanged). Rows, versions, quarantine, warnings and counts must be equal.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.ingest.batches import mark_interrupted
from clearlane.ingest.pipeline import IngestReport, _open_batch, _Writer
from clearlane.ingest.prepare import Chunk, _produce
from clearlane.store.session import open_store
from clearlane.store.tables import DeclarationRow, GoodsItemRow, IngestBatch, QuarantineRow
from tests.conftest import BACKENDS, _postgres_database
from tests.factories import declaration, item

TODAY = date(2026, 12, 1)


def _first() -> list[dict[str, Any]]:
    """Chunks of 4: all new (explicit versions, a warning, several items); one reference at two
    explicit versions (an amendment in the chunk); a bad record among new ones; all new."""
    return [
        declaration("N-1"),
        declaration("N-2", version=3),
        declaration("N-3", incoterm="FOB", transport_mode="4"),  # a warning: sea incoterm
        declaration("N-4", items=[item(seq=1), item(seq=2, hs_code="61091000")]),
        declaration("R-1", version=1),
        declaration("R-1", version=2, items=[item(quantity=9.0)]),  # amended in the chunk
        declaration("R-2", version=2),
        declaration("R-3"),
        declaration("B-1", items=[item(hs_code="12")]),  # quarantined
        declaration("B-2"),
        declaration("B-3", version=7),
        declaration("B-4"),
        *(declaration(f"S-{n}") for n in range(1, 5)),
    ]


def _later() -> list[dict[str, Any]]:
    """A stored reference amended (no version), one unchanged, two new."""
    return [
        declaration("N-1", items=[item(quantity=2.0)]),
        declaration("X-1"),
        declaration("N-2", version=3),
        declaration("X-2"),
    ]


def _chunks(tmp: Path, records: list[dict[str, Any]]) -> list[Chunk]:
    path = tmp / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    produced = _produce(path, "jsonl", "declarations", "utf-8", TODAY, 4, False)
    return [payload for kind, payload, _ in produced if kind == "chunk"]


def _write(factory: sessionmaker[Session], tmp: Path, *, keep_outcomes: bool) -> list[Any]:
    """The first file's chunks written twice, then the later one's; everything the store
    holds then and the reports' counts."""
    counts = []
    with factory() as session:
        mark_interrupted(session)
        for records in (_first(), _first(), _later()):
            batch = _open_batch(
                session, source="x.jsonl", source_sha256="0" * 64, fmt="jsonl", kind="declarations"
            )
            report = IngestReport("x.jsonl", "jsonl", "declarations")
            writer = _Writer(
                session, report, "x.jsonl", "declarations", keep_outcomes=keep_outcomes
            )
            for chunk in _chunks(tmp, records):
                writer.write(chunk, batch)
            counts.append(
                (
                    report.received,
                    report.new,
                    report.amended,
                    report.unchanged,
                    report.quarantined,
                    report.warnings,
                )  # fmt: skip
            )
    with factory() as session:
        declarations = session.execute(
            select(
                DeclarationRow.reference, DeclarationRow.version, DeclarationRow.content_sha256,
                DeclarationRow.normalised, DeclarationRow.warnings, DeclarationRow.n_items,
                DeclarationRow.source_location,
            ).order_by(DeclarationRow.id)
        ).all()  # fmt: skip
        items = session.execute(
            select(GoodsItemRow.reference, GoodsItemRow.version, GoodsItemRow.seq,
                   GoodsItemRow.hs_code, GoodsItemRow.quantity).order_by(GoodsItemRow.id)
        ).all()  # fmt: skip
        quarantined = session.execute(
            select(QuarantineRow.location, QuarantineRow.reason_codes).order_by(QuarantineRow.id)
        ).all()
        batches = session.execute(
            select(IngestBatch.received, IngestBatch.stored_new, IngestBatch.stored_amended,
                   IngestBatch.stored_unchanged, IngestBatch.quarantined).order_by(IngestBatch.id)
        ).all()  # fmt: skip
    return [counts, declarations, items, quarantined, batches]


@pytest.fixture(params=[pytest.param(b, marks=getattr(pytest.mark, b)) for b in BACKENDS])
def two_stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[list[str]]:
    if request.param == "sqlite":
        yield [f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"]
    else:
        first, second = _postgres_database(), _postgres_database()
        yield [next(first), next(second)]
        for made in (first, second):
            next(made, None)


def test_all_new_chunks_store_what_the_record_by_record_decisions_store(
    two_stores: list[str], tmp_path: Path
) -> None:
    short_cut = _write(open_store(two_stores[0]), tmp_path, keep_outcomes=False)
    by_record = _write(open_store(two_stores[1]), tmp_path, keep_outcomes=True)
    assert short_cut == by_record
    counts, declarations, _items, quarantined, _batches = short_cut
    # what the records are meant to give, so that equal is not equally wrong
    assert counts == [
        (16, 14, 1, 0, 1, 1),  # received, new, amended, unchanged, quarantined, warnings
        (16, 0, 0, 15, 1, 0),
        (4, 2, 1, 1, 0, 0),
    ]
    assert [(r, v) for r, v, *_ in declarations][:8] == [
        ("N-1", 1), ("N-2", 3), ("N-3", 1), ("N-4", 1),
        ("R-1", 1), ("R-1", 2), ("R-2", 2), ("R-3", 1),
    ]  # fmt: skip
    assert ("N-1", 2) in [(r, v) for r, v, *_ in declarations]
    assert len(quarantined) == 1  # the second pass's copy of B-1 is known by its hash
