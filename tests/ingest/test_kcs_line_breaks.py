"""A quoted KCS cell holding a line break (RFC 4180 allows one, ``\\r\\n`` or ``\\n``): the
reader read one physical line at a time, so the record's two halves were two broken records
('unexpected end of data', then '13 fields'). It is one record now, as the csv module reads it,
named by the lines it spans; the records after it keep their own line numbers."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from clearlane.ingest.parse import parse_file
from tests.ingest.test_kcs_shapes import ROW, read, write


@pytest.mark.parametrize("brk", ["\r\n", "\n"])
def test_a_quoted_line_break_is_one_record_spanning_two_lines(tmp_path: Path, brk: str) -> None:
    rows = [
        {"Declaration ID": "1"},
        {"Declaration ID": "2", "Courier ID": f"AB{brk}CD"},
        {"Declaration ID": "3", "Date": "2021-13-01"},  # an issue naming its own line
    ]
    records = read(write(tmp_path / "k.csv", rows))
    assert [r.raw.location for r in records] == [
        "k.csv:line 2",
        "k.csv:lines 3-4",
        "k.csv:line 5",
    ]
    spanning = records[1]
    assert spanning.raw.original.startswith("2,") and f'"AB{brk}CD"' in spanning.raw.original
    assert spanning.raw.data is not None and spanning.raw.data["courier"] == {"id": f"AB{brk}CD"}
    assert not [i for i in spanning.raw.issues if i.reason.value in ("malformed", "column_count")]
    (error,) = [i for i in records[2].issues if i.is_error()]
    assert "k.csv:line 5" in error.message


def test_a_spanning_records_issue_names_its_lines(tmp_path: Path) -> None:
    rows = [{"Declaration ID": "1", "Courier ID": "A\r\nB", "Date": "2021-13-01"}]
    (record,) = read(write(tmp_path / "k.csv", rows))
    (error,) = [i for i in record.issues if i.is_error()]
    assert error.reason.value == "invalid_date" and "k.csv:lines 2-3:" in error.message


def test_a_quoted_line_break_in_a_gzip_file(tmp_path: Path) -> None:
    plain = write(tmp_path / "k.csv", [{"Courier ID": "A\r\nB"}, {"Declaration ID": "2"}])
    path = tmp_path / "k.csv.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    records = list(parse_file(path, "kcs"))
    assert [r.raw.location for r in records] == ["k.csv.gz:lines 2-3", "k.csv.gz:line 4"]


def test_an_unbalanced_quote_still_quarantines_its_own_line(tmp_path: Path) -> None:
    """A quote that never closes (a cell cut by a line break) does not swallow the rows after
    it: its line is quarantined alone, as before, and the next rows are read."""
    path = write(tmp_path / "k.csv", [{}])
    with path.open("a", newline="") as handle:
        handle.write('2,2021-05-01,"30\r\n')
        out = csv.writer(handle, lineterminator="\r\n")
        out.writerow(["3", *ROW[1:]])
        out.writerow(["4", *ROW[1:16], "1,5", *ROW[17:]])  # a quoted cell after it
    records = read(path)
    assert [r.raw.location for r in records] == [
        "k.csv:line 2",
        "k.csv:line 3",
        "k.csv:line 4",
        "k.csv:line 5",
    ]
    assert [r.accepted for r in records] == [True, False, True, True]
    assert {i.reason.value for i in records[1].issues} == {"malformed"}
    assert records[3].raw.data is not None
    assert records[3].raw.data["attributes"]["tax_type"] == "1,5"
