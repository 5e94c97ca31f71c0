"""A later KCS period exported another way: dates written with slashes, dots or no separator,
integer codes padded with leading zeros (office ``030``), numbers with thousands separators,
spreadsheet rows of empty cells, another delimiter or encoding. Each is read as the same
declarations and the same analysis frame as the plain file, or refused naming the file, the
line, the column and what was expected; never read as other values.

The shapes were probed before the reader was changed; the first reading is in
docs/formats.md (KCS, "A later export").
"""

from __future__ import annotations

import csv
import logging
from pathlib import Path

import pandas as pd
import pytest

from clearlane.ingest.parse import parse_file, read_frame
from clearlane.ingest.readers.base import FileRejected
from tests.ingest.test_kcs_shapes import COLUMNS, ROW, read, write

# Three plain rows: two offices, a mail (50) and an air (40) row, HS chapters 04 and 44.
PLAIN = [
    {"Declaration ID": "97061800", "Date": "2021-05-01"},
    {
        "Declaration ID": "97061801",
        "Date": "2021-06-30",
        "Office ID": "130",
        "Mode of Transport": "40",
        "Payment Type": "0",
        "Net Mass": "1234.5",
        "Item Price": "1372254.4",
        "HS6 Code": "040110",
        "Fraud": "1",
    },
    {"Declaration ID": "97061802", "Date": "2021-04-09", "Mode of Transport": "50"},
]


def reshaped(column: str, values: list[str]) -> list[dict[str, str]]:
    return [row | {column: value} for row, value in zip(PLAIN, values, strict=True)]


def assert_same_as_plain(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    plain = write(tmp_path / "plain.csv", PLAIN)
    other = write(tmp_path / "other.csv", rows)
    a, b = read(plain), read(other)
    assert all(r.accepted for r in b), [r.issues for r in b if not r.accepted]
    assert [r.declaration for r in b] == [r.declaration for r in a]
    assert [r.controls for r in b] == [r.controls for r in a]
    pd.testing.assert_frame_equal(
        read_frame(other, "kcs"), read_frame(plain, "kcs"), check_exact=True
    )


@pytest.mark.parametrize(
    "dates",
    [
        ["2021/05/01", "2021/06/30", "2021/04/09"],
        ["20210501", "20210630", "20210409"],
        ["2021.05.01", "2021.06.30", "2021.04.09"],
        ["2021-5-1", "2021-6-30", "2021-4-9"],
        ["2021/5/1", "2021/6/30", "2021/4/9"],
        ["2021-05-01 00:00:00", "2021-06-30 13:45:00", "2021-04-09 23:59:59"],
        ["2021-05-01T00:00:00", "2021-06-30T13:45", "2021-04-09T23:59:59.500"],
        ["2021/05/01 0:00", "2021/06/30 13:45", "2021/04/09 23:59"],
        ["20210501 000000", "20210630 134500", "20210409 235959"],
        # day first with dots: no locale writes month.day.year (read since kcs4)
        ["01.05.2021", "30.06.2021", "9.4.2021"],
    ],
)
def test_dates_written_year_first_are_the_same_dates(tmp_path: Path, dates: list[str]) -> None:
    assert_same_as_plain(tmp_path, reshaped("Date", dates))


@pytest.mark.parametrize(
    "value",
    [
        "05/01/2021",  # month first (US) or day first (Europe, Korea never): not guessed
        "1/5/21",
        "44317",  # a spreadsheet's day number
        "2021/05-01",  # two separators
        "2021-05-01 25:00",
        "2021-13-01",
        "2021-02-30",
        "202151",
    ],
)
def test_other_dates_are_quarantined_naming_line_column_and_the_forms_read(
    tmp_path: Path, value: str
) -> None:
    good, bad = read(write(tmp_path / "k.csv", [{}, {"Declaration ID": "2", "Date": value}]))
    assert good.accepted
    assert not bad.accepted
    errors = [i for i in bad.issues if i.is_error()]
    assert {i.reason.value for i in errors} == {"invalid_date"}
    assert any(
        "k.csv:line 3" in i.message and repr(value) in i.message and "'Date'" in i.message
        for i in errors
    ), errors


@pytest.mark.parametrize(
    ("column", "values"),
    [
        ("Office ID", ["030", "0130", "030"]),
        ("Office ID", ["030.0", "130.0", "30"]),
        ("Mode of Transport", ["010", "040", "050"]),
        ("Payment Type", ["011", "00", "0011"]),
        ("Import Type", ["011", "0011", "11.0"]),
        ("Import Use", ["021", "021", "21"]),
        ("Declaration ID", ["97061800.0", "97061801.0", "97061802.0"]),
    ],
)
def test_integer_codes_with_leading_zeros_are_the_same_codes(
    tmp_path: Path, column: str, values: list[str]
) -> None:
    """The KCS files write these codes as integers (no cell of 2020 or 2021-Q1 starts with a
    0); an export that pads them (KCS office codes are three digits: 030) names the same
    office, not a new one, and mode ``010`` is sea transport (1), not mode 0. A Declaration
    ID keeps its zeros (an identifier, tests/ingest/test_kcs_carried.py); pandas' ``.0`` goes."""
    assert_same_as_plain(tmp_path, reshaped(column, values))


def test_labels_with_leading_zeros_are_the_labels(tmp_path: Path) -> None:
    rows = [row | {"Fraud": "0" + row.get("Fraud", "0"), "Critical Fraud": "00"} for row in PLAIN]
    assert_same_as_plain(tmp_path, rows)


def test_identifiers_keep_their_leading_zeros(tmp_path: Path) -> None:
    """Trader IDs are letters and digits ('0VKY2BR'): a leading 0 is part of the ID."""
    (record,) = read(write(tmp_path / "k.csv", [{"Importer ID": "0123456"}]))
    assert record.declaration.importer.id == "0123456"
    assert record.declaration.seller.id == "0VKY2BR"


def test_numbers_with_thousands_separators_are_read(tmp_path: Path) -> None:
    rows = [dict(row) for row in PLAIN]
    rows[1] |= {"Net Mass": "1,234.5", "Item Price": "1,372,254.4"}
    rows[2] |= {"Item Price": "372,254.40", "Net Mass": "108"}
    plain = [dict(row) for row in PLAIN]
    plain[2] |= {"Item Price": "372254.40", "Net Mass": "108"}
    a = read(write(tmp_path / "plain.csv", plain))
    b = read(write(tmp_path / "other.csv", rows))
    assert all(r.accepted for r in b), [r.issues for r in b]
    assert [r.declaration for r in b] == [r.declaration for r in a]
    pd.testing.assert_frame_equal(
        read_frame(tmp_path / "other.csv", "kcs"),
        read_frame(tmp_path / "plain.csv", "kcs"),
        check_exact=True,
    )


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("Net Mass", "108,5"),  # a decimal comma: not read in a comma-separated file
        ("Item Price", "1,23,456.0"),  # not groups of three
        ("Item Price", "372254,4"),
        ("Tax Rate", "8,0"),
        ("Net Mass", ",108"),
    ],
)
def test_other_commas_in_numbers_are_quarantined_naming_line_and_column(
    tmp_path: Path, column: str, value: str
) -> None:
    good, bad = read(write(tmp_path / "k.csv", [{}, {"Declaration ID": "2", column: value}]))
    assert good.accepted and not bad.accepted
    errors = [i for i in bad.issues if i.is_error()]
    assert {i.reason.value for i in errors} == {"wrong_type"}
    assert any(
        "k.csv:line 3" in i.message and repr(value) in i.message and column in i.message
        for i in errors
    ), errors


def test_rows_of_empty_cells_are_empty_lines(tmp_path: Path, sqlite_store) -> None:
    """A spreadsheet saves rows it once used as ',,,,': no record, as an empty line is none."""
    from clearlane.ingest.pipeline import ingest_file

    path = write(tmp_path / "k.csv", PLAIN)
    with path.open("a") as handle:
        handle.write("," * (len(COLUMNS) - 1) + "\n" + " , ,\n\n" + "," * (len(COLUMNS) - 1) + "\n")
    records = read(path)
    assert len(records) == 3 and all(r.accepted for r in records)
    report = ingest_file(path, session_factory=sqlite_store)
    assert report.reconciles, report.as_dict()
    assert (report.received, report.stored, report.quarantined) == (3, 3, 0)


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_another_delimiter_is_read(tmp_path: Path, delimiter: str) -> None:
    """A ';'- or tab-separated export is read (refused naming the delimiter until kcs4);
    its decimal mark is read per cell and column (tests/ingest/test_kcs_unseen.py)."""
    path = tmp_path / "k.csv"
    with path.open("w", newline="") as handle:
        out = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
        out.writerows([COLUMNS, ROW])
    (record,) = read(path)
    (plain,) = read(write(tmp_path / "plain.csv", [{}]))
    assert record.accepted and record.declaration == plain.declaration


def test_a_korean_encoding_is_read_when_the_header_is_hangul(tmp_path: Path) -> None:
    """cp949 with Hangul in the header (an extra column) is read as cp949 (it was refused,
    suggesting --encoding cp949, until kcs4); --encoding cp949 reads it as before."""
    path = tmp_path / "k.csv"
    path.write_bytes(
        (",".join([*COLUMNS, "비고"]) + "\n" + ",".join([*ROW, "검사"]) + "\n").encode("cp949")
    )
    (record,) = read(path)
    assert record.accepted, record.issues
    assert "검사" in record.raw.original
    (record,) = list(parse_file(path, "kcs", encoding="cp949"))
    assert record.accepted, record.issues


def test_a_file_in_no_utf8_without_hangul_is_refused_naming_the_encodings(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_bytes((",".join([*COLUMNS, "Prüfung"]) + "\n").encode("latin-1"))
    with pytest.raises(FileRejected) as caught:
        read(path)
    assert "cp949" in caught.value.message and "latin-1" in caught.value.message


def test_columns_not_read_are_reported(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    header = ["Remarks", *COLUMNS, "Inspection Result"]
    path = tmp_path / "k.csv"
    path.write_text(",".join(header) + "\nx," + ",".join(ROW) + ",y\n")
    with caplog.at_level(logging.WARNING):
        (record,) = read(path)
    assert record.accepted
    assert any(
        "k.csv" in m and "'Remarks'" in m and "'Inspection Result'" in m for m in caplog.messages
    ), caplog.messages


@pytest.mark.parametrize(
    ("data", "named"),
    [
        # UTF-16 with no byte-order mark (with one, Excel's "Unicode text", it is read)
        ("\t".join(COLUMNS).encode("utf-16-le"), "UTF-16"),
        (b"PK\x03\x04" + bytes(64), ".xlsx"),
        (b"PAR1" + bytes(64) + b"PAR1", "Parquet"),
    ],
    ids=["utf-16", "xlsx", "parquet"],
)
def test_a_file_that_is_no_csv_text_is_refused_naming_what_it_is(
    tmp_path: Path, data: bytes, named: str
) -> None:
    path = tmp_path / "later.csv"
    path.write_bytes(data)
    with pytest.raises(FileRejected) as caught:
        read(path)
    assert "later.csv" in caught.value.message and named in caught.value.message


def test_only_ascii_digits_lose_their_leading_zeros(tmp_path: Path) -> None:
    """'0٣' (an Arabic-Indic three) is no zero-padded integer: kept as written, not office '٣'."""
    (record,) = read(write(tmp_path / "k.csv", [{"Office ID": "0\u0663"}]))
    assert record.declaration is None or record.declaration.office == "0\u0663"
