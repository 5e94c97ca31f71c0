"""The bulk CSV path (ingest/bulk.py) against the per-record path it replaces.

Both run over the same files - generated declarations with planted errors of every kind the
validator knows, and structurally hostile CSV (quotes, blank lines, encodings, column counts) -
and must give the same Prepared records (stored rows, normalised JSON, hashes, locations,
originals) and the same quarantine reasons, codes, fields and messages, in the same order.
"""

from __future__ import annotations

import contextlib
import csv
import io
import random
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.generate import generate_dataset
from clearlane.ingest.bulk import BulkCsv
from clearlane.ingest.parse import parse_file
from clearlane.ingest.pipeline import ingest_file
from clearlane.ingest.prepare import Prepared, prepare_declaration
from clearlane.ingest.readers import FileRejected
from clearlane.store.session import _json_dumps, open_store
from clearlane.store.tables import DeclarationRow, GoodsItemRow, QuarantineRow
from tests.conftest import _postgres_database

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate_dataset(declarations=400, seed=11, out_dir=out)
    return out / "declarations.csv"


def per_record(path: Path) -> list[Prepared]:
    return [prepare_declaration(r, "csv") for r in parse_file(path, "csv", today=TODAY)]


def bulk(path: Path, block_bytes: int) -> tuple[list[Prepared], dict[str, int]]:
    reader = BulkCsv(path, today=TODAY, block_bytes=block_bytes)
    return list(reader), reader.stats


def assert_same(path: Path, *, block_bytes: int = 1 << 20) -> dict[str, int]:
    try:
        expected = [asdict(p) for p in per_record(path)]
    except FileRejected as rejected:  # the whole file: the same rejection both ways
        with pytest.raises(FileRejected) as raised:
            bulk(path, block_bytes)
        assert (raised.value.reason, raised.value.message) == (rejected.reason, rejected.message)
        return {}
    got, stats = bulk(path, block_bytes)
    actual = [asdict(p) for p in got]
    assert len(actual) == len(expected)
    for want, have in zip(expected, actual, strict=True):
        if have["normalised_json"] is not None:  # the bulk path sends the normalised text
            assert have["row"]["normalised"] is None and want["normalised_json"] is None
            # byte for byte what the store's JSON serialiser makes of the per-record dict
            assert have["normalised_json"] == _json_dumps(want["row"]["normalised"])
            assert have["json_version"] == want["version"]
            have["row"]["normalised"] = orjson.loads(have.pop("normalised_json"))
            have.pop("json_version")
            want.pop("normalised_json"), want.pop("json_version")
        assert have == want, want["location"]
    return stats


# Each mutation changes one cell (column, new value) of a data row: every reason code the
# validator has, and values the bulk checks must not take as they stand.
CELL_MUTATIONS: list[tuple[str, str]] = [
    ("origin_country", "XX"),
    ("origin_country", "vn"),  # lower case: valid after upper-casing
    ("origin_country", " VN"),  # untrimmed item cell
    ("origin_country", "ZZ"),
    ("country_dispatch", "ÇN"),
    ("invoice_currency", "XXX"),
    ("invoice_currency", ""),  # currency missing while values are given
    ("incoterm", "XYZ"),
    ("incoterm", "FOB"),  # sea-only incoterm: a warning when the mode is not sea
    ("transport_mode", "4"),
    ("transport_mode", "Q"),
    ("hs_code", "1234"),
    ("hs_code", "999999"),
    ("hs_code", "١٢٣٤٥٦"),  # Arabic-Indic digits
    ("hs_code", ""),
    ("item_seq", "0"),
    ("item_seq", "x"),
    ("item_seq", "007"),
    ("quantity", "-5"),
    ("quantity", "1e5"),
    ("quantity", "nan"),
    ("quantity", "inf"),
    ("quantity", "1e11"),
    ("quantity", "٣"),
    ("net_mass_kg", "999999999"),
    ("net_mass_kg", "99999"),  # above gross
    ("gross_mass_kg", "0.5"),
    ("item_value", "12,5"),
    ("item_value", " 12.5"),
    ("duty_rate", "1001"),
    ("packages", "-1"),
    ("packages", "3.0"),
    ("declaration_date", "2031-01-01"),  # future
    ("declaration_date", "1990-01-01"),  # no HS edition: a warning
    ("declaration_date", "2025-02-30"),
    ("declaration_date", "01/02/2025"),
    ("version", "0"),
    ("version", "9999999999"),
    ("version", "2"),
    ("reference", "BAD/REF"),
    ("reference", "R" * 40),
    ("office", "NL0001010"),
    ("declarant_id", "X" * 18),
    ("importer_name", "N" * 71),
    ("description", "D" * 513),
    ("description", "  "),
    ("quantity_unit", "KGMXX"),
    ("quantity_unit", "kgm"),
    ("containers", "ABCU1234567"),  # wrong check digit
    ("containers", "ABC1234567"),
    ("containers", "cgsu9167816"),
    ("containers", ";"),
    ("exchange_rate", "2000000"),
    ("invoice_total", "00.5"),
    ("exporter_country", ""),
    ("seller_name", "Şeller Ltd"),
    ("transport_means_id", "IMO 1"),
]


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    return table[0], table[1:]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _declaration_rows(rows: list[list[str]], header: list[str]) -> dict[str, list[int]]:
    at = header.index("reference")
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(row[at], []).append(i)
    return groups


def test_generated_data_takes_the_bulk_path(generated: Path) -> None:
    stats = assert_same(generated)
    assert stats["per_record"] == 0 and stats["bulk"] == 400


@pytest.mark.parametrize("block_bytes", [1, 5_000, 1 << 22])
def test_planted_errors_give_the_same_records_and_reasons(
    generated: Path, tmp_path: Path, block_bytes: int
) -> None:
    header, rows = _rows(generated)
    rng = random.Random(3)
    groups = list(_declaration_rows(rows, header).values())
    targets = rng.sample(groups, len(CELL_MUTATIONS))
    for (column, value), group in zip(CELL_MUTATIONS, targets, strict=True):
        for i in group if column in ("declaration_date", "version", "reference") else group[:1]:
            rows[i][header.index(column)] = value
    # A declaration repeated later in the file (a duplicate), and one with a differing header.
    rows.extend(rows[i][:] for i in groups[0])
    rows[groups[1][-1]][header.index("office")] = "NL000999"
    path = _write(tmp_path / "planted.csv", header, rows)
    stats = assert_same(path, block_bytes=block_bytes)
    if block_bytes < 1 << 20:  # the inconsistent header sends only its block per record
        assert stats["bulk"] > 200
    assert stats["per_record"] >= len(CELL_MUTATIONS) // 2


HOSTILE_EDITS = {
    "unbalanced quote": lambda lines: lines.__setitem__(5, lines[5].replace(",", ',"', 1)),
    "quoted line break": lambda lines: lines.__setitem__(
        7, lines[7].replace(",", ',"two\nlines",', 1).replace(",", "", 1)
    ),
    "blank line": lambda lines: lines.insert(9, "\n"),
    "blank cells": lambda lines: lines.insert(9, "," * 48 + "\n"),
    "short row": lambda lines: lines.__setitem__(11, lines[11].rsplit(",", 1)[0] + "\n"),
    "long row": lambda lines: lines.__setitem__(11, lines[11][:-1] + ",extra\n"),
    "crlf": lambda lines: lines.__setitem__(3, lines[3][:-1] + "\r\n"),
    "stray quote": lambda lines: lines.__setitem__(4, lines[4].replace(",", ',"x"y', 1)),
    "nul early": lambda lines: lines.__setitem__(6, lines[6].replace(",", ",\x00", 1)),
    "nul": lambda lines: lines.__setitem__(50, lines[50].replace(",", ",\x00", 1)),
    "unknown column": lambda lines: lines.__setitem__(0, lines[0][:-1] + ",colour\n"),
    "attribute column": lambda lines: [
        lines.__setitem__(i, lines[i][:-1] + (",attr_colour\n" if i == 0 else ",red\n"))
        for i in range(len(lines))
    ],
    "missing column": lambda lines: lines.__setitem__(0, lines[0].replace("hs_code", "hs_kode")),
    "header only": lambda lines: lines.__delitem__(slice(1, None)),
}


@pytest.mark.parametrize("edit", sorted(HOSTILE_EDITS))
@pytest.mark.parametrize("block_bytes", [1, 3_000, 1 << 22])
def test_hostile_csv_gives_the_same_records(
    generated: Path, tmp_path: Path, edit: str, block_bytes: int
) -> None:
    lines = generated.read_text(encoding="utf-8").splitlines(keepends=True)[:60]
    HOSTILE_EDITS[edit](lines)
    path = tmp_path / "hostile.csv"
    path.write_text("".join(lines), encoding="utf-8", newline="")
    assert_same(path, block_bytes=block_bytes)


def test_bytes_that_are_not_utf8_and_a_bom(generated: Path, tmp_path: Path) -> None:
    data = generated.read_bytes().splitlines(keepends=True)[:40]
    data[12] = data[12].replace(b",", b",\xe9", 1)
    path = tmp_path / "latin.csv"
    path.write_bytes(b"\xef\xbb\xbf" + b"".join(data))
    assert_same(path, block_bytes=2_000)


def _table(factory: sessionmaker[Session], table: Any, skip: set[str]) -> list[dict[str, Any]]:
    with factory() as session:
        rows = session.execute(select(table)).mappings().all()
    return sorted(({k: v for k, v in row.items() if k not in skip} for row in rows), key=repr)


def test_the_stores_hold_the_same_rows(
    generated: Path, tmp_path: Path, migrated_sqlite: Callable[[str], str]
) -> None:
    """End to end through the writer: identical declarations, goods items and quarantine."""
    header, rows = _rows(generated)
    rows[3][header.index("origin_country")] = "XX"
    rows[8][header.index("quantity")] = "-1"
    rows.extend(r[:] for r in rows[:2])
    path = _write(tmp_path / "e2e.csv", header, rows)
    stores = []
    for name, use_bulk in (("old", False), ("new", True)):
        factory = open_store(migrated_sqlite(name))
        report = ingest_file(path, session_factory=factory, today=TODAY, workers=0, bulk=use_bulk)
        assert report.reconciles
        stores.append((factory, report))
    (old, old_report), (new, new_report) = stores
    assert (old_report.received, old_report.stored, old_report.quarantined) == (
        new_report.received,
        new_report.stored,
        new_report.quarantined,
    )
    assert old_report.quarantined >= 3
    assert old_report.reasons == new_report.reasons
    skip = {"id", "batch_id", "ingested_at", "created_at", "declaration_id"}
    for table in (DeclarationRow.__table__, GoodsItemRow.__table__, QuarantineRow.__table__):
        assert _table(new, table, skip) == _table(old, table, skip)
    # The JSON columns as stored text, not only as the dicts they load into.
    raw = "SELECT reference, normalised, warnings FROM declarations ORDER BY reference"
    texts = []
    for factory in (old, new):
        with factory() as session:
            texts.append(session.connection().exec_driver_sql(raw).all())
    assert texts[0] == texts[1] and len(texts[0]) == old_report.stored


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_amendments_store_the_same_rows(generated: Path, tmp_path: Path, backend: str) -> None:
    """Without a version column a changed declaration is stored as the next version: the
    bulk path's JSON text is rewritten with that version, as the per-record path's dict is."""
    header, rows = _rows(generated)
    keep = [i for i, c in enumerate(header) if c != "version"]
    header = [header[i] for i in keep]
    rows = [[r[i] for i in keep] for r in rows[:80]]
    first = _write(tmp_path / "first.csv", header, rows)
    rows[0][header.index("quantity")] = "7.5"
    second = _write(tmp_path / "second.csv", header, rows)
    texts = []
    with contextlib.ExitStack() as stack:
        for use_bulk in (False, True):
            if backend == "sqlite":
                url = f"sqlite:///{tmp_path / str(use_bulk)}.db"
            else:
                url = stack.enter_context(contextlib.contextmanager(_postgres_database)())
            factory = open_store(url)
            for path in (first, second):
                report = ingest_file(
                    path, session_factory=factory, today=TODAY, workers=0, bulk=use_bulk
                )
                assert report.reconciles and report.quarantined == 0
            assert report.amended == 1
            with factory() as session:
                texts.append(
                    session.connection()
                    .exec_driver_sql(
                        "SELECT reference, version, CAST(normalised AS TEXT) FROM declarations "
                        "ORDER BY reference, version"
                    )
                    .all()
                )
    assert texts[0] == texts[1]
    assert any(version == 2 for _, version, _ in texts[1])
