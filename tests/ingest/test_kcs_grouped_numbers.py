"""KCS numbers grouped by spaces (written before reading the reader's number code, mends5):
`1 234,5` (a space, a no-break space U+00A0 or a narrow no-break space U+202F between groups
of three digits, as French, Swiss, Russian and ISO 80000 writing and spreadsheets set to those
locales export them) reads as 1234.5. A space never is a decimal mark, so the cell says its
grouping by itself; its decimal mark is the comma or point after the last group. A space in a
number that does not group three digits is no grouping: the cell is quarantined, naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.ingest.parse import parse_file
from tests.ingest.kcs_unseen import ROWS, csv_text

NBSP, NNBSP = "\u00a0", "\u202f"


def _read(tmp_path: Path, masses: list[str], delimiter: str = ";") -> list:
    rows = [row | {"Net Mass": m} for row, m in zip(ROWS, masses, strict=False)]
    path = tmp_path / "k.csv"
    path.write_text(csv_text(rows[: len(masses)], delimiter=delimiter), encoding="utf-8")
    return list(parse_file(path, "kcs"))


@pytest.mark.parametrize(
    ("masses", "expected"),
    [
        (["1 234,5", "901,2"], [1234.5, 901.2]),
        ([f"1{NBSP}234,5", "12"], [1234.5, 12.0]),
        ([f"1{NNBSP}372{NNBSP}254,5", "3"], [1372254.5, 3.0]),
        (["1 234", "5"], [1234.0, 5.0]),  # grouped, no decimals: a space never is decimal
        (["1 234.5", "5"], [1234.5, 5.0]),  # grouped by spaces, a decimal point
        (["12 345 678,25", "0,5"], [12345678.25, 0.5]),
    ],
)
def test_numbers_grouped_by_spaces_read_as_their_value(
    tmp_path: Path, masses: list[str], expected: list[float]
) -> None:
    records = _read(tmp_path, masses)
    assert all(r.accepted for r in records), [r.issues for r in records]
    assert [r.declaration.items[0].net_mass_kg for r in records] == expected


def test_a_grouped_number_in_a_comma_separated_file_reads_too(tmp_path: Path) -> None:
    """The cell is quoted there (its comma is the decimal mark)."""
    records = _read(tmp_path, [f"1{NBSP}234,5", "2 000"], delimiter=",")
    assert all(r.accepted for r in records), [r.issues for r in records]
    assert [r.declaration.items[0].net_mass_kg for r in records] == [1234.5, 2000.0]


@pytest.mark.parametrize("mass", ["1 23,5", "12 34", "1 2345", "1  234", " 1 234 5"])
def test_spaces_that_group_no_three_digits_quarantine_the_cell(tmp_path: Path, mass: str) -> None:
    first, second = _read(tmp_path, [mass, "5"])
    assert second.accepted
    assert not first.accepted
    (issue,) = [i for i in first.issues if i.is_error()]
    assert (issue.reason.value, issue.field) == ("wrong_type", "Net Mass"), issue


@pytest.mark.parametrize("delimiter", [";", ","])
@pytest.mark.parametrize("office", ["30 1", "1 234", f"1{NBSP}234"])
def test_a_space_in_an_integer_code_is_no_code(tmp_path: Path, delimiter: str, office: str) -> None:
    """(reviewm5, after reading the code) The Office ID is an integer code: `30 1` was
    stored as office '30 1', and `1 234` as office '1 234', another office than 1234's (the
    measure columns read spaces since mends5; the code columns took them as written). Now
    quarantined as `30.7` is, naming the cell."""
    rows = [ROWS[0] | {"Office ID": office}, ROWS[1]]
    path = tmp_path / "k.csv"
    path.write_text(csv_text(rows, delimiter=delimiter), encoding="utf-8")
    spaced, plain = parse_file(path, "kcs")
    assert plain.accepted, plain.issues
    assert not spaced.accepted
    (issue,) = [i for i in spaced.issues if i.is_error()]
    assert f"'Office ID' is an integer code, got {office!r}" in issue.message
