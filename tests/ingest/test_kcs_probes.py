"""Adversarial shapes of a KCS file: values that look like numbers but are not the codes or
labels they resemble, headers that collide or name another unit. Each must be read as what it
is or refused with a reason naming the file, the line and the field; never read as another
value in silence."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from clearlane.ingest.readers.base import FileRejected
from tests.ingest.test_kcs_shapes import COLUMNS, ROW, label, read, write


def write_raw(path: Path, header: list[str], row: list[str]) -> Path:
    with path.open("w", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, row])
    return path


def _key(name: str) -> str:
    return name.split(" (")[0].casefold().replace("hs10", "hs6")


@pytest.mark.parametrize("value", ["1.5", "0.0001", "-1", "1e0", "nan", "T", "1.", ".0"])
@pytest.mark.parametrize("column", ["Fraud", "Critical Fraud"])
def test_a_label_that_is_not_a_label_is_quarantined_naming_file_line_and_field(
    tmp_path: Path, column: str, value: str
) -> None:
    rows = [{"Declaration ID": "1"}, {"Declaration ID": "2", column: value}]
    good, bad = read(write(tmp_path / "k.csv", rows))
    assert label(good) == ("compliant", "none")
    assert not bad.accepted
    issues = [i for i in bad.issues if i.is_error()]
    assert {i.reason.value for i in issues} == {"wrong_type"}
    (issue,) = issues
    assert issue.field == column
    assert "k.csv" in issue.message and "line 3" in issue.message
    assert repr(value) in issue.message


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("Office ID", "30.7"),
        ("Mode of Transport", "10.5"),
        ("Import Type", "11.5"),
        ("Import Use", "21.25"),
        ("Payment Type", "11.1"),
        ("Declaration ID", "97061800.7"),
        ("HS6 Code", "440890.5"),
    ],
)
def test_an_integer_code_with_a_fraction_is_not_read_as_a_code(
    tmp_path: Path, column: str, value: str
) -> None:
    (record,) = read(write(tmp_path / "k.csv", [{column: value}]))
    assert not record.accepted, record.declaration
    errors = [i for i in record.issues if i.is_error()]
    assert errors, record.issues
    assert any(value in i.message and "line 2" in i.message for i in errors), errors


def test_hs_codes_written_as_numbers(tmp_path: Path) -> None:
    """``440890.0`` is 440890; ``44089.0`` is 044089 (the spreadsheet dropped a leading zero),
    which is no HS subheading, so the row is quarantined as an unknown code, not kept as 440890
    or 44089."""
    rows = [
        {"Declaration ID": "1", "HS6 Code": "440890.0"},
        {"Declaration ID": "2", "HS6 Code": "44089.0"},
    ]
    ok, lost = read(write(tmp_path / "k.csv", rows))
    assert ok.accepted and ok.declaration.items[0].hs_code == "440890"
    assert not lost.accepted
    assert {i.reason.value for i in lost.issues if i.is_error()} == {"hs_code_unknown"}
    assert any("044089" in i.message for i in lost.issues)


def test_hs10_codes_that_lost_their_leading_zero(tmp_path: Path) -> None:
    """An ``HS10 Code`` column of chapters 01-09 written as a number has 9 digits (and an HS8
    code 7): the lost zero is put back as for the 5-digit HS6 codes, not refused."""
    header = [c if c != "HS6 Code" else "HS10 Code" for c in COLUMNS]
    rows = [
        {"Declaration ID": "1", "HS6 Code": "4408901000"},
        {"Declaration ID": "2", "HS6 Code": "101211000"},
        {"Declaration ID": "3", "HS6 Code": "101211000.0"},
        {"Declaration ID": "4", "HS6 Code": "1012110"},
    ]
    codes = [r.declaration.items[0].hs_code for r in read(write(tmp_path / "k.csv", rows, header))]
    assert codes == ["4408901000", "0101211000", "0101211000", "01012110"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Net Mass (kg)", "net mass"),
        ("Net Mass", "Net Mass"),
        ("HS6 Code", "HS10 Code"),
        ("Fraud", "FRAUD"),
    ],
)
def test_two_columns_for_one_field_are_refused_naming_both(
    tmp_path: Path, first: str, second: str
) -> None:
    header = [first if _key(c) == _key(first) else c for c in COLUMNS] + [second]
    path = write_raw(tmp_path / "k.csv", header, [*ROW, "1"])
    with pytest.raises(FileRejected) as caught:
        read(path)
    assert first in caught.value.message and second in caught.value.message


@pytest.mark.parametrize(
    ("column", "named"),
    [
        ("Net Mass", "Net Mass (g)"),
        ("Net Mass", "Net Mass (lb)"),
        ("Item Price", "Item Price (USD)"),
        ("Item Price", "Item Price (assessed value, EUR)"),
        ("Tax Rate", "Tax Rate (KRW)"),
    ],
)
def test_a_unit_other_than_the_kcs_unit_is_refused(tmp_path: Path, column: str, named: str) -> None:
    header = [named if c == column else c for c in COLUMNS]
    path = write_raw(tmp_path / "k.csv", header, ROW)
    with pytest.raises(FileRejected) as caught:
        read(path)
    assert named in caught.value.message


@pytest.mark.parametrize(
    "named",
    ["Net Mass (kg)", "Net Mass [KG]", "Net Mass (kilograms)", "Item Price (KRW)", "Tax Rate (%)"],
)
def test_the_kcs_units_are_read(tmp_path: Path, named: str) -> None:
    column = named.split(" (")[0].split(" [")[0]
    header = [named if c == column else c for c in COLUMNS]
    (record,) = read(write(tmp_path / "k.csv", [{}], header=header))
    assert record.accepted, record.issues
    item = record.declaration.items[0]
    assert (item.net_mass_kg, item.customs_value, item.duty_rate) == (108.0, 372254.4, 8.0)


def test_extra_unknown_columns_are_ignored(tmp_path: Path) -> None:
    header = ["Remarks", *COLUMNS, "Net Weight (lb)"]
    path = tmp_path / "k.csv"
    path.write_text(
        ",".join(header) + "\n"
        "x,97061800,2021-05-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,8.0,FEU1,"
        "G,108.0,372254.4,1,0,238.1\n"
    )
    (record,) = read(path)
    assert label(record) == ("non_compliant", "revenue")
    assert record.declaration.items[0].net_mass_kg == 108.0


def test_counts_reconcile_through_ingest(tmp_path: Path, sqlite_store) -> None:
    from clearlane.ingest.pipeline import ingest_file

    rows = [
        {"Declaration ID": "1"},
        {"Declaration ID": "2.0", "Fraud": "1.0", "Critical Fraud": ""},
        {"Declaration ID": "3", "Fraud": "1.5"},
        {"Declaration ID": "4", "Office ID": "30.7"},
        {"Declaration ID": "5", "HS6 Code": "44089.0"},
        {"Declaration ID": "6", "Fraud": "True", "Critical Fraud": "nan"},
        {"Declaration ID": "7", "Fraud": "", "Critical Fraud": ""},
    ]
    report = ingest_file(write(tmp_path / "k.csv", rows), session_factory=sqlite_store)
    assert report.reconciles, report.as_dict()
    assert (report.received, report.stored, report.quarantined) == (7, 3, 4)

    header = ["Net Mass (kg)" if c == "Net Mass" else c for c in COLUMNS] + ["net mass"]
    report = ingest_file(
        write_raw(tmp_path / "two.csv", header, [*ROW, "1"]), session_factory=sqlite_store
    )
    assert report.reconciles, report.as_dict()
    assert (report.received, report.stored, report.quarantined) == (1, 0, 1)
    assert report.rejected_file is not None
    assert "'Net Mass (kg)'" in report.rejected_file and "'net mass'" in report.rejected_file


@pytest.mark.parametrize(
    "renamed",
    [{}, {"HS6 Code": "HS10 Code"}, {"HS6 Code": "hs code"}, {"Declaration ID": "Declaration  id"}],
)
def test_a_kcs_header_spelled_as_the_reader_reads_it_is_told_kcs(
    tmp_path: Path, renamed: dict[str, str]
) -> None:
    from clearlane.ingest.readers import guess_format

    header = [renamed.get(c, c) for c in COLUMNS]
    assert guess_format(write_raw(tmp_path / "k.csv", header, ROW)) == "kcs"
