"""Chunks (prepare.Chunk): the columns the parsing worker hands the writer.

The bulk path builds them block by block and cuts them into transactions of
``batch_size`` records; the per-record path's records are put into the same form. Cutting
and converting must lose, reorder or duplicate nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from clearlane.generate import generate_dataset
from clearlane.ingest.bulk import BulkCsv
from clearlane.ingest.parse import parse_file
from clearlane.ingest.pipeline import ingest_file
from clearlane.ingest.prepare import as_chunk, prepare_declaration, rechunk
from clearlane.store.session import open_store
from clearlane.store.tables import DeclarationRow, GoodsItemRow, IngestBatch, QuarantineRow

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 generated declarations with two bad ones, one that only the per-record path takes
    (a leading space) and one repeated: rejected, per-record and bulk records interleave."""
    out = tmp_path_factory.mktemp("chunks")
    generate_dataset(declarations=60, seed=5, out_dir=out)
    with (out / "declarations.csv").open(newline="", encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    header, rows = table[0], table[1:]
    rows[3][header.index("origin_country")] = "XX"
    rows[10][header.index("quantity")] = "-1"
    rows[20][header.index("description")] = " leading space"
    rows.extend(r[:] for r in rows[:2])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path = out / "planted.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [1, 7, 2000])
def test_chunks_cut_the_records_in_file_order(planted: Path, size: int) -> None:
    expected = [asdict(p) for p in BulkCsv(planted, today=TODAY, block_bytes=3_000)]
    reader = BulkCsv(planted, today=TODAY, block_bytes=3_000)
    chunks = list(reader.chunks(size))
    assert reader.stats["per_record"] >= 3 and reader.stats["bulk"] >= 50
    assert [len(c) for c in chunks[:-1]] == [size] * (len(chunks) - 1)
    assert 0 < len(chunks[-1]) <= size
    got = [asdict(p) for c in chunks for p in c.prepared()]
    assert got == expected
    assert sum(len(c.rejected) for c in chunks) == sum(1 for p in expected if p["sha"] is None)
    assert sum(len(c.rejected) for c in chunks) >= 2
    for chunk in chunks:  # the goods-item columns hold exactly the accepted ones' items
        assert all(len(column) == sum(chunk.rows[7]) for column in chunk.items)


def test_per_record_records_convert_both_ways(planted: Path) -> None:
    records = [prepare_declaration(r, "csv") for r in parse_file(planted, "csv", today=TODAY)]
    expected = [asdict(p) for p in records]
    chunk = as_chunk(records)
    assert [asdict(p) for p in chunk.prepared()] == expected
    parts = [as_chunk(records[i : i + 9]) for i in range(0, len(records), 9)]
    again = [asdict(p) for c in rechunk(parts, 4) for p in c.prepared()]
    assert again == expected


def test_small_transactions_store_the_same_rows(
    planted: Path, tmp_path: Path, migrated_sqlite: Callable[[str], str]
) -> None:
    """Chunks cut inside the bulk reader's blocks (batch size 7): the same stored rows as the
    per-record path, and every batch's counts reconcile."""
    stored = []
    for name, use_bulk in (("old", False), ("new", True)):
        factory = open_store(migrated_sqlite(name))
        report = ingest_file(
            planted, session_factory=factory, today=TODAY, workers=0, bulk=use_bulk, batch_size=7
        )
        assert report.reconciles and report.quarantined >= 2
        with factory() as session:
            batch = session.scalars(select(IngestBatch)).one()
            assert batch.received == report.received == 62
            tables = []
            for table in (DeclarationRow, GoodsItemRow, QuarantineRow):
                rows = session.execute(select(table.__table__)).mappings().all()
                skip = {"id", "batch_id", "ingested_at", "created_at"}
                kept = ({k: v for k, v in r.items() if k not in skip} for r in rows)
                tables.append(sorted(kept, key=repr))
        stored.append(tables)
    assert stored[0] == stored[1]
