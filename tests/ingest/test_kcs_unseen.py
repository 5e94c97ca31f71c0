"""Unseen shapes of a KCS export (tests/ingest/kcs_unseen.py: 13 real rows of 2021-Q1 written
the ways other tools export them) are read as the same declarations as the plain file, or
refused / quarantined naming file, line and field where the shape does not say its values.

What each shape gave before the reader was changed is in docs/formats.md (KCS, "Unseen
shapes"); most were refused whole (';', tab, UTF-16, cp949, gzip, snake_case headers).
"""

from __future__ import annotations

import gzip
import io
import logging
from pathlib import Path

import pandas as pd
import pytest

from clearlane.ingest.parse import parse_file, read_frame
from clearlane.ingest.pipeline import ingest_file
from clearlane.ingest.readers import FileRejected, guess_format
from tests.ingest.kcs_unseen import HEADER, ROWS, csv_text, shapes

READ = [
    "semicolon_decimal_comma",
    "semicolon_grouped",
    "semicolon_point",
    "tab",
    "tab_as_csv",
    "utf16_tab",
    "utf16_comma",
    "cp949_extra_korean",
    "cp949_korean_header",
    "utf8_korean_header",
    "snake_case",
    "snake_case_units",
    "upper_spaced",
    "camel",
    "reordered",
    "extra_columns",
    "all_quoted",
    "date_slash",
    "date_compact",
    "date_dotted_day_first",
    "date_slash_day_first",
    "date_slash_month_first",
    "trailing_empty_rows",
    "header_again",
    "header_again_bom",
    "gzip",
    "gzip_named_csv",
    "parquet",
]


def _write(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return shapes()[name](folder)


def _read(path: Path) -> list:
    return list(parse_file(path))  # the format as guessed from the file, as the CLI does


@pytest.mark.parametrize("name", READ)
def test_a_shape_reads_as_the_plain_file(tmp_path: Path, name: str) -> None:
    plain, other = _write(tmp_path, "plain"), _write(tmp_path, name)
    a, b = _read(plain), _read(other)
    assert len(b) == len(a) == len(ROWS)
    assert [r.declaration for r in b] == [r.declaration for r in a]
    assert [r.controls for r in b] == [r.controls for r in a]
    assert [sorted(i.reason.value for i in r.issues) for r in b] == [
        sorted(i.reason.value for i in r.issues) for r in a
    ]
    pd.testing.assert_frame_equal(read_frame(other), read_frame(plain), check_exact=True)


@pytest.mark.parametrize(
    "name", ["semicolon_decimal_comma", "utf16_tab", "cp949_korean_header", "header_again", "gzip"]
)
def test_a_shape_ingests_and_reconciles_as_the_plain_file(
    tmp_path: Path, sqlite_store, name: str
) -> None:
    report = ingest_file(_write(tmp_path, name), session_factory=sqlite_store)
    assert report.reconciles, report.as_dict()
    # 13 rows: the one with origin ZZ is quarantined, as in the plain file
    assert (report.received, report.stored, report.quarantined) == (13, 12, 1)


def test_a_repeated_header_is_skipped_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        records = _read(_write(tmp_path, "header_again"))
    assert len(records) == len(ROWS)
    assert any("k.csv: line 8 repeats the header" in m for m in caplog.messages), caplog.messages


def test_a_spreadsheet_day_number_is_quarantined_naming_the_cell(tmp_path: Path) -> None:
    """44281 is 2021-03-26 in the 1900 date system and 2025-03-27 in the 1904 one; a CSV
    does not say which."""
    records = _read(_write(tmp_path, "date_excel_serial"))
    assert len(records) == len(ROWS)
    for record in records:
        assert not record.accepted
        assert {i.reason.value for i in record.issues if i.is_error()} == {"invalid_date"}
    assert any("k.csv:line 13: 'Date' '44281'" in i.message for i in records[-2].issues)


def _dates(tmp_path: Path, dates: list[str]) -> list:
    rows = [row | {"Date": d} for row, d in zip(ROWS, dates, strict=False)]
    path = tmp_path / "k.csv"
    path.write_text(csv_text(rows[: len(dates)]))
    return _read(path)


def test_slashed_dates_take_the_order_their_column_shows(tmp_path: Path) -> None:
    day_first = _dates(tmp_path, ["05/01/2021", "26/03/2021"])
    assert [str(r.declaration.declaration_date) for r in day_first] == ["2021-01-05", "2021-03-26"]
    month_first = _dates(tmp_path, ["05/01/2021", "03/26/2021"])
    assert [str(r.declaration.declaration_date) for r in month_first] == [
        "2021-05-01",
        "2021-03-26",
    ]


@pytest.mark.parametrize(
    "dates",
    [
        ["05/01/2021", "06/02/2021"],  # no number above 12: 5 January or 1 May
        ["05/01/2021", "26/03/2021", "03/26/2021"],  # the column shows both orders
    ],
)
def test_slashed_dates_whose_column_does_not_say_the_order_are_quarantined(
    tmp_path: Path, dates: list[str]
) -> None:
    first = _dates(tmp_path, dates)[0]
    assert not first.accepted
    (issue,) = [i for i in first.issues if i.is_error()]
    assert (issue.reason.value, issue.field) == ("invalid_date", "Date")
    assert "k.csv:line 2: 'Date' '05/01/2021' is day first or month first" in issue.message


def test_a_slashed_date_that_does_not_exist_is_named_as_written(tmp_path: Path) -> None:
    bad = _dates(tmp_path, ["30/02/2021", "26/03/2021"])[0]
    (issue,) = [i for i in bad.issues if i.is_error()]
    assert "'Date' '30/02/2021' (read day first" in issue.message
    assert "is no date: no such day" in issue.message


def test_a_totals_row_is_quarantined_naming_its_line(tmp_path: Path) -> None:
    records = _read(_write(tmp_path, "totals_row"))
    *rows, totals = records
    assert [r.declaration for r in rows] == [
        r.declaration for r in _read(_write(tmp_path, "plain"))
    ]
    assert not totals.accepted and totals.raw.location == "k.csv:line 15"
    assert "Total" in totals.raw.original


def test_pandas_european_export_with_float_codes_reads_as_the_plain_file(tmp_path: Path) -> None:
    """to_csv(sep=';', decimal=',') of a frame whose integer columns became floats (a
    missing value): Office ID 40,0 is office 40 (it would be a new office '40,0'), Fraud
    1,0 the label; a code 40,7 is refused as 40.7 is."""
    frame = pd.read_csv(io.StringIO(csv_text(ROWS)), dtype={"HS6 Code": str})
    for column in ("Office ID", "Import Use", "Payment Type", "Mode of Transport", "Fraud"):
        frame[column] = frame[column].astype(float)
    path = tmp_path / "k.csv"
    frame.to_csv(path, sep=";", decimal=",", index=False)
    assert "40,0;B" in path.read_text()
    plain = _read(_write(tmp_path, "plain"))
    records = _read(path)
    assert [r.declaration for r in records] == [r.declaration for r in plain]
    assert [r.controls for r in records] == [r.controls for r in plain]
    path.write_text(path.read_text().replace("40,0;B", "40,7;B", 1))
    (issue,) = [i for i in _read(path)[0].issues if i.is_error()]
    assert issue.field == "Office ID" and "'40.7'" in issue.message


def _semicolon(tmp_path: Path, masses: list[str]) -> Path:
    rows = [row | {"Net Mass": m} for row, m in zip(ROWS, masses, strict=False)]
    path = tmp_path / "k.csv"
    path.write_text(csv_text(rows[: len(masses)], delimiter=";"))
    return path


@pytest.mark.parametrize(
    ("masses", "expected"),
    [
        (["1.234", "901,2"], [1234.0, 901.2]),  # a decimal comma in the column: '.' groups
        (["1.234", "901.2"], [1.234, 901.2]),  # a decimal point in the column
        (["1,234", "1.372.254,5"], [1.234, 1372254.5]),  # '.' groups thousands: ',' is decimal
        (["0,500", "12"], [0.5, 12.0]),  # no group starts with 0
        (["1.234,5", "1,234.5"], [1234.5, 1234.5]),  # each cell says it by itself
    ],
)
def test_a_semicolon_files_decimal_mark_is_read_from_the_cell_or_its_column(
    tmp_path: Path, masses: list[str], expected: list[float]
) -> None:
    records = _read(_semicolon(tmp_path, masses))
    assert all(r.accepted for r in records), [r.issues for r in records]
    assert [r.declaration.items[0].net_mass_kg for r in records] == expected


@pytest.mark.parametrize(
    "masses",
    [
        ["1.234", "5"],  # no cell says its mark
        ["1.234", "901,2", "901.2"],  # cells say both
    ],
)
def test_a_cell_whose_mark_neither_it_nor_its_column_says_is_quarantined(
    tmp_path: Path, masses: list[str]
) -> None:
    first, *rest = _read(_semicolon(tmp_path, masses))
    assert all(r.accepted for r in rest)
    assert not first.accepted
    (issue,) = [i for i in first.issues if i.is_error()]
    assert (issue.reason.value, issue.field) == ("wrong_type", "Net Mass")
    assert "k.csv:line 2: 'Net Mass' '1.234' is 1234" in issue.message
    assert "1.234 with a decimal mark" in issue.message


def test_a_cut_gzip_file_quarantines_its_rest_and_reconciles(tmp_path: Path, sqlite_store) -> None:
    data = gzip.compress(csv_text(ROWS * 300).encode())
    path = tmp_path / "k.csv.gz"
    path.write_bytes(data[: len(data) // 2])
    records = _read(path)
    *good, rest = records
    assert good and not rest.accepted
    assert "was not read" in rest.issues[0].message and rest.raw.location.endswith("-end")
    report = ingest_file(path, session_factory=sqlite_store)
    assert report.reconciles and report.received == len(records), report.as_dict()


def test_a_parquet_file_of_other_types_reads_as_the_plain_file(tmp_path: Path) -> None:
    """pandas' own types: HS codes as integers (030487 -> 30487), labels as booleans, an
    integer column with a missing value as floats (30.0), dates as timestamps; the rows are
    named by row in messages (a Parquet file has no lines)."""
    frame = pd.read_csv(io.StringIO(csv_text(ROWS)))
    frame["Fraud"] = frame["Fraud"].astype(bool)
    frame["Date"] = pd.to_datetime(frame["Date"])
    frame["Office ID"] = frame["Office ID"].astype(float)
    path = tmp_path / "k.parquet"
    frame.to_parquet(path, index=False)
    assert guess_format(path) == "kcs"
    plain = _read(_write(tmp_path, "plain"))
    records = _read(path)
    assert [r.declaration for r in records] == [r.declaration for r in plain]
    assert [r.controls for r in records] == [r.controls for r in plain]
    (bad,) = [r for r in records if not r.accepted]
    assert bad.raw.location == "k.parquet:row 9"
    assert "k.parquet:row 9" in bad.issues[0].message


def test_a_parquet_file_of_another_layout_is_not_taken_for_kcs(tmp_path: Path) -> None:
    path = tmp_path / "d.parquet"
    pd.DataFrame({"reference": ["A1"], "hs_code": ["010121"]}).to_parquet(path)
    with pytest.raises(ValueError, match="parquet"):
        guess_format(path)


def test_a_measure_named_with_another_unit_word_is_no_kcs_column(tmp_path: Path) -> None:
    """net_mass_g is not Net Mass in kg: the file is refused naming Net Mass missing."""
    header = [h.lower().replace(" ", "_") for h in HEADER]
    header[HEADER.index("Net Mass")] = "net_mass_g"
    path = tmp_path / "k.csv"
    path.write_text(csv_text(ROWS).replace(csv_text([]).strip(), ",".join(header), 1))
    with pytest.raises(FileRejected, match=r"Net Mass.*missing"):
        list(parse_file(path, "kcs"))


def test_a_parquet_cell_holding_a_carriage_return_reads_as_the_quoted_csv_cell(
    tmp_path: Path,
) -> None:
    """A Parquet file's rows are read as the CSV lines of the same cells: a cell holding a
    ``\\r`` is quoted there (mends7, 2026-12-05; it was written bare, and the row was cut).
    A ``\\r\\n`` in a cell is not tried: the CSV reader reads a quoted cell on one line."""
    from clearlane.core.csvsafe import csv_writer

    frame = pd.read_csv(io.StringIO(csv_text(ROWS)), dtype=str, keep_default_na=False)
    frame.loc[0, "Importer ID"] = "IMP\r1"
    path = tmp_path / "k.parquet"
    frame.to_parquet(path, index=False)
    plain = tmp_path / "k.csv"
    with plain.open("w", encoding="utf-8", newline="") as handle:
        writer = csv_writer(handle)
        writer.writerow(frame.columns)
        writer.writerows(frame.itertuples(index=False))
    records, expected = _read(path), _read(plain)
    assert [r.declaration for r in records] == [r.declaration for r in expected]
    assert [r.accepted for r in records] == [r.accepted for r in expected]
    assert records[0].accepted and records[0].declaration is not None
    assert records[0].declaration.importer is not None
    assert records[0].declaration.importer.id == "IMP\r1"
