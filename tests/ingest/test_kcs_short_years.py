"""KCS dates with two-digit years (written before reading the reader's date code, mends5).

The century: a two-digit year YY is 20YY, always (the data set starts in 2020; a customs
declaration of the 1900s is no input of this system): a date so read after the day it is read
on is refused as any future date is, never moved to the 1900s.

The order of the fields: `21/03/05` is 2021-03-05 read year first (the Korean short form and
the ISO order), 2005-03-21 read day first, and no date month first. Which one is read from the
column: of the orders under which every two-digit-year cell of the file's Date column is a date,
the one under which they fall in the fewest years (an export covers days or months: read in the
wrong order, a column's days become its years); year first on a tie (one date, or too few to
tell). A cell that is a date under none of them is quarantined naming it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clearlane.ingest.parse import parse_file
from tests.ingest.kcs_unseen import ROWS, csv_text

DAYS = [date.fromisoformat(r["Date"]) for r in ROWS]  # 2021-01-01 .. 2021-03-26
# The day the files are read on: given, never the wall clock's (until mends6, 2026-12-05,
# these tests read on date.today(), and a read year first depends on which dates are future).
TODAY = date(2026, 12, 5)


def _read(tmp_path: Path, cells: list[str], delimiter: str = ",", *, today: date = TODAY) -> list:
    rows = [row | {"Date": cell} for row, cell in zip(ROWS, cells, strict=False)]
    path = tmp_path / "k.csv"
    path.write_text(csv_text(rows[: len(cells)], delimiter=delimiter), encoding="utf-8")
    return list(parse_file(path, "kcs", today=today))


def _dates(records: list) -> list[date | None]:
    return [r.declaration.declaration_date if r.accepted else None for r in records]


@pytest.mark.parametrize("sep", ["/", "-", "."])
def test_year_first_two_digit_years_read_as_the_2000s(tmp_path: Path, sep: str) -> None:
    cells = [d.strftime(f"%y{sep}%m{sep}%d") for d in DAYS]  # 21/01/01 ...
    records = _read(tmp_path, cells)
    # ROWS holds one row quarantined in the plain file too (origin ZZ)
    assert [d for d in _dates(records) if d] == [
        d for d, r in zip(DAYS, ROWS, strict=True) if r["Country of Origin"] != "ZZ"
    ]


def test_day_first_two_digit_years_read_by_the_column(tmp_path: Path) -> None:
    """01/01/21 .. 26/03/21: read year first they would fall in 2001 .. 2026 (the days as
    years); day first all in 2021."""
    cells = [d.strftime("%d/%m/%y") for d in DAYS]
    records = _read(tmp_path, cells)
    assert [d for d in _dates(records) if d] == [
        d for d, r in zip(DAYS, ROWS, strict=True) if r["Country of Origin"] != "ZZ"
    ]


def test_month_first_two_digit_years_read_when_only_that_order_reads_the_column(
    tmp_path: Path,
) -> None:
    cells = [d.strftime("%m/%d/%y") for d in DAYS]  # 03/26/21: no month 26
    records = _read(tmp_path, cells)
    assert [d for d in _dates(records) if d] == [
        d for d, r in zip(DAYS, ROWS, strict=True) if r["Country of Origin"] != "ZZ"
    ]


def test_a_single_ambiguous_date_reads_year_first(tmp_path: Path) -> None:
    (record,) = _read(tmp_path, ["21/03/05"])
    assert record.accepted, record.issues
    assert record.declaration.declaration_date == date(2021, 3, 5)


@pytest.mark.parametrize(
    "today", [TODAY, date(2098, 12, 31), date(2099, 1, 5), date(2099, 1, 6)], ids=str
)
def test_the_century_is_never_the_1900s(tmp_path: Path, today: date) -> None:
    """99/01/05 is 2099-01-05, not 1999-01-05: refused as a date after the day it is read on
    until that day, read as 2099-01-05 from then (the day is given: until mends6 the test
    read the wall clock's, and said nothing of the day 2099-01-05 comes)."""
    (record,) = _read(tmp_path, ["99/01/05"], today=today)
    if today < date(2099, 1, 5):
        assert not record.accepted
        assert any("2099" in i.message for i in record.issues if i.is_error()), record.issues
    else:
        assert record.accepted, record.issues
        assert record.declaration.declaration_date == date(2099, 1, 5)


def test_a_cell_no_order_reads_is_quarantined_naming_it(tmp_path: Path) -> None:
    cells = [d.strftime("%y/%m/%d") for d in DAYS[:3]]
    cells[1] = "21/13/45"
    first, bad, third = _read(tmp_path, cells)
    assert first.accepted and third.accepted
    assert not bad.accepted
    assert any("21/13/45" in i.message for i in bad.issues if i.is_error()), bad.issues


def test_day_or_month_first_with_nothing_to_tell_is_quarantined(tmp_path: Path) -> None:
    """(Added after reading the code: test_kcs_exports refuses 1/5/21.) 1/5/21 has a
    one-digit first field, so it is no year: it is day first (1 May) or month first
    (5 January), in 2021 either way. As for 05/01/2021 nothing tells which, and it is not
    guessed (year first wins a tie; day first and month first do not)."""
    (record,) = _read(tmp_path, ["1/5/21"])
    assert not record.accepted
    (issue,) = [i for i in record.issues if i.is_error()]
    assert issue.reason.value == "invalid_date"
    assert "'1/5/21' has a two-digit year" in issue.message
    assert "day first or month first" in issue.message


def test_a_day_first_export_across_new_year_is_not_read_year_first(tmp_path: Path) -> None:
    """(reviewm5, after reading the code) An export of 31 Dec 2026 and 1 Jan 2027 written day
    first: read year first, 31/12/26 is 2031-12-26 and 01/01/27 2001-01-27, two years, as
    many as day first reads (2026, 2027); year first won the tie, so the file's last days
    were stored as a declaration of 2002 and its first refused as a future date. Of orders
    reading as few years, the one whose years lie closest together is read; the day it is
    read on is given, not the wall clock's."""
    path = tmp_path / "k.csv"
    cells = ["31/12/26", "01/01/27"]
    rows = [row | {"Date": cell} for row, cell in zip(ROWS, cells, strict=False)]
    path.write_text(csv_text(rows), encoding="utf-8")
    records = list(parse_file(path, "kcs", today=date(2027, 1, 5)))
    assert _dates(records) == [date(2026, 12, 31), date(2027, 1, 1)], [r.issues for r in records]


def test_a_two_digit_year_among_day_first_four_digit_ones_is_read_day_first(
    tmp_path: Path,
) -> None:
    """(reviewm5, after reading the code) 25/03/2021 can only be day first; the column's
    06/03/21 was read year first (2006-03-21: the two-digit cells alone tie, one year under
    each order) and stored twenty years off. The four-digit cells say the column's order."""
    path = tmp_path / "k.csv"
    cells = ["25/03/2021", "06/03/21"]
    rows = [row | {"Date": cell} for row, cell in zip(ROWS, cells, strict=False)]
    path.write_text(csv_text(rows), encoding="utf-8")
    records = list(parse_file(path, "kcs", today=date(2026, 12, 5)))
    assert _dates(records) == [date(2021, 3, 25), date(2021, 3, 6)], [r.issues for r in records]


def test_four_digit_cells_narrow_the_order_only_among_those_reading_the_short_ones(
    tmp_path: Path,
) -> None:
    """(reviewm5) ISO dates allow year first only; 05/13/21 is a date month first only: it
    stays 2021-05-13 (as before the four-digit cells counted), not quarantined for want
    of an order reading both."""
    path = tmp_path / "k.csv"
    cells = ["2021-03-25", "05/13/21"]
    rows = [row | {"Date": cell} for row, cell in zip(ROWS, cells, strict=False)]
    path.write_text(csv_text(rows), encoding="utf-8")
    records = list(parse_file(path, "kcs", today=date(2026, 12, 5)))
    assert _dates(records) == [date(2021, 3, 25), date(2021, 5, 13)], [r.issues for r in records]
