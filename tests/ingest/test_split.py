"""A large CSV file parsed by two workers (ingest/segments.py, pipeline._Workers).

The file is cut into parts at declaration starts that the two workers read in turn, and the
within-file duplicate check moves to the writer, which sees every part. Whatever the file
holds - planted errors, duplicates in other parts, hostile structure - the store must hold
exactly what one worker reading the whole file stores: the same declarations, goods items
and quarantine records (reasons, messages, file order), and the same counts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.generate import generate_dataset
from clearlane.ingest import pipeline
from clearlane.ingest.pipeline import ingest_file
from clearlane.ingest.segments import csv_segments
from clearlane.store.session import open_store
from clearlane.store.tables import DeclarationRow, GoodsItemRow, QuarantineRow
from tests.conftest import _postgres_database
from tests.ingest.test_bulk_differential import _declaration_rows, _rows, _write

TODAY = date(2026, 12, 1)
PART_BYTES = 20_000  # about 60 declarations a part: a few hundred declarations make many


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("split")
    generate_dataset(declarations=300, seed=13, out_dir=out)
    return out / "declarations.csv"


def _planted(generated: Path, tmp_path: Path) -> Path:
    """Errors, warnings and duplicates whose first copy is in another part of the file."""
    header, rows = _rows(generated)
    col = header.index
    groups = list(_declaration_rows(rows, header).values())
    rows[groups[2][0]][col("origin_country")] = "XX"  # invalid: no declaration
    rows[groups[5][0]][col("net_mass_kg")] = "99999"  # above gross: a rule error
    rows[groups[9][0]][col("origin_country")] = " VN"  # valid, but per-record
    rows[groups[12][0]][col("declaration_date")] = "1990-01-01"  # accepted with a warning
    for i in groups[12]:
        rows[i][col("declaration_date")] = "1990-01-01"
    # Copies at the end: of a clean declaration (then a duplicate), of the one rejected by a
    # rule (its key was seen: a duplicate too), of the invalid one made valid (its key was
    # not seen: stored), of the warned one, and of a clean one as its version 2 (stored).
    copies = {g: [rows[i][:] for i in groups[g]] for g in (0, 5, 2, 12, 20)}
    copies[2][0][col("origin_country")] = "VN"
    for row in copies[20]:
        row[col("version")] = "2"
    for g in copies:
        rows.extend(copies[g])
    return _write(tmp_path / "planted.csv", header, rows)


def _dump(factory: sessionmaker[Session]) -> dict[str, Any]:
    skip = {"id", "batch_id", "ingested_at", "created_at", "declaration_id"}
    out: dict[str, Any] = {}
    with factory() as session:
        for table in (DeclarationRow.__table__, GoodsItemRow.__table__, QuarantineRow.__table__):
            rows = session.execute(select(table).order_by(table.c.id)).mappings().all()
            out[table.name] = [{k: v for k, v in r.items() if k not in skip} for r in rows]
        raw = "SELECT normalised, warnings FROM declarations ORDER BY id"
        out["json"] = session.connection().exec_driver_sql(raw).all()
    return out


def _both(path: Path, url: Callable[[str], str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "SEGMENT_BYTES", PART_BYTES)
    segments = csv_segments(path, target_bytes=PART_BYTES)
    assert segments is not None and len(segments) >= 3  # the two workers do share the file
    results = []
    for name, workers in (("one", 0), ("two", 2)):
        factory = open_store(url(name))
        report = ingest_file(path, session_factory=factory, today=TODAY, workers=workers)
        assert report.reconciles
        results.append((report, _dump(factory)))
    (one, one_rows), (two, two_rows) = results
    counts = ("received", "new", "amended", "unchanged", "quarantined", "warnings")
    assert [getattr(two, c) for c in counts] == [getattr(one, c) for c in counts]
    assert two.reasons == one.reasons
    assert one.reasons["duplicate_reference"] >= 3 and one.warnings >= 1 and one.amended >= 1
    for table in one_rows:  # in insertion order: file order within and across parts
        assert two_rows[table] == one_rows[table], table


def test_a_file_is_cut_at_declaration_starts(generated: Path) -> None:
    segments = csv_segments(generated, target_bytes=PART_BYTES)
    assert segments is not None and len(segments) >= 5
    data = generated.read_bytes()
    header, rows = _rows(generated)
    at = header.index("reference")
    assert segments[0].start == data.index(b"\n") + 1 and segments[-1].stop == len(data)
    for before, after in zip(segments, segments[1:], strict=False):
        assert before.stop == after.start
        line = after.line_no  # rows[line - 1] is the part's first row (line 1 the header)
        assert rows[line - 1][at] != rows[line - 2][at]
        assert data[: after.start].count(b"\n") == line


def test_no_cut_where_a_record_may_span_lines(generated: Path, tmp_path: Path) -> None:
    lines = generated.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",", ',"two\nlines",', 1).replace(",", "", 1)
    path = tmp_path / "quoted.csv"
    path.write_text("".join(lines), encoding="utf-8", newline="")
    assert csv_segments(path, target_bytes=PART_BYTES) is None  # the first block already
    assert csv_segments(path, encoding="latin-1", target_bytes=PART_BYTES) is None


def test_planted_errors_and_duplicates_across_parts(
    generated: Path,
    tmp_path: Path,
    migrated_sqlite: Callable[[str], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _planted(generated, tmp_path)
    _both(path, migrated_sqlite, monkeypatch)


HOSTILE = {
    "quoted line break": lambda line: line.replace(",", ',"two\nlines",', 1).replace(",", "", 1),
    "stray quote": lambda line: line.replace(",", ',"x"y', 1),
    "short row": lambda line: line.rsplit(",", 1)[0] + "\n",
    "blank line": lambda line: line + "\n",
    "nul": lambda line: line.replace(",", ",\x00", 1),
    "crlf": lambda line: line[:-1] + "\r\n",
}


@pytest.mark.parametrize("edit", sorted(HOSTILE))
def test_hostile_lines_in_the_middle(
    generated: Path,
    tmp_path: Path,
    migrated_sqlite: Callable[[str], str],
    monkeypatch: pytest.MonkeyPatch,
    edit: str,
) -> None:
    planted = _planted(generated, tmp_path)
    lines = planted.read_text(encoding="utf-8").splitlines(keepends=True)
    middle = len(lines) // 2
    lines[middle] = HOSTILE[edit](lines[middle])
    path = tmp_path / "hostile.csv"
    path.write_text("".join(lines), encoding="utf-8", newline="")
    _both(path, migrated_sqlite, monkeypatch)


@pytest.mark.postgres
def test_two_workers_on_postgres(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _planted(generated, tmp_path)
    with contextlib.ExitStack() as stack:
        urls: dict[str, str] = {}

        def url(name: str) -> str:
            urls[name] = stack.enter_context(contextlib.contextmanager(_postgres_database)())
            return urls[name]

        _both(path, url, monkeypatch)


def test_a_file_that_cannot_be_cut_is_read_by_one_of_two_workers(
    generated: Path,
    tmp_path: Path,
    migrated_sqlite: Callable[[str], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A quoted line break in the first block: no cut can be proved, the first worker reads
    the whole file, the second stops; the store holds what one worker stores."""
    monkeypatch.setattr(pipeline, "SEGMENT_BYTES", PART_BYTES)
    lines = _planted(generated, tmp_path).read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",", ',"two\nlines",', 1).replace(",", "", 1)
    path = tmp_path / "uncut.csv"
    path.write_text("".join(lines), encoding="utf-8", newline="")
    assert csv_segments(path, target_bytes=PART_BYTES) is None
    dumps = []
    for name, workers in (("one", 0), ("two", 2)):
        factory = open_store(migrated_sqlite(name))
        report = ingest_file(path, session_factory=factory, today=TODAY, workers=workers)
        assert report.reconciles and report.reasons["duplicate_reference"] >= 3
        dumps.append(_dump(factory))
    assert dumps[0] == dumps[1]


def test_a_file_that_is_not_cut_starts_one_worker_only(
    generated: Path,
    tmp_path: Path,
    migrated_sqlite: Callable[[str], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Asked for two workers, a file that is never cut (here the row-by-row CSV path) starts
    one: a second worker would have nothing to read and died on a missing claims counter,
    its traceback on a queue nobody read."""
    started: list[int] = []
    real = pipeline._Workers

    def spy(*args: Any, **kwargs: Any) -> Any:
        started.append(kwargs["workers"])
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_Workers", spy)
    factory = open_store(migrated_sqlite("rows"))
    path = _planted(generated, tmp_path)
    report = ingest_file(path, session_factory=factory, today=TODAY, workers=2, bulk=False)
    assert report.reconciles and report.stored > 0
    assert started == [1]
