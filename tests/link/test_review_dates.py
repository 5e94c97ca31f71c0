"""Dates of birth (and registration) as lists write them: in part, in words, refused by file,
line and the file's own column name (a review of the third unseen set's reader)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.link.io import PartyFileError, read_party_file


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # a day or month a list does not know, written as zeros, or a month and year only
        ("1980-00-00", ""),
        ("00/00/1980", ""),
        ("00.04.1980", ""),
        ("04/00/1980", ""),
        # a time with its offset, as exports write a date column
        ("1980-04-03T00:00:00+00:00", "1980-04-03"),
        ("04/1980", ""),
        # as sanctions lists write them (OFAC, UN), and a year they know about only
        ("3 Apr 1980", "1980-04-03"),
        ("03-APR-1980", "1980-04-03"),
        ("3 April 1980", "1980-04-03"),
        ("April 3, 1980", "1980-04-03"),
        ("Apr 1980", ""),
        ("circa 1969", ""),
        ("1969 to 1972", ""),
        ("1969-1972", ""),
    ],
)
def test_dates_of_birth_as_lists_write_them_in_part_or_in_words(
    tmp_path: Path, value: str, expected: str
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(f'id,name,Date of Birth\n1,A B,"{value}"\n', encoding="utf-8")
    assert list(read_party_file(path).frame.registration_date) == [expected]


@pytest.mark.parametrize(
    "value", ["03/04/80", "29312", "2090-01-01", "31/02/1980", "soon", "Soon 1980"]
)
def test_a_date_refused_is_named_by_file_line_and_the_files_own_column(
    tmp_path: Path, value: str
) -> None:
    # two-digit years and Excel serial numbers are no dates one can tell; a birth in the future
    # is a typo
    path = tmp_path / "list.csv"
    path.write_text(f"id,name,Date of Birth\n1,A B,2000-01-01\n2,C D,{value}\n", encoding="utf-8")
    with pytest.raises(PartyFileError, match=rf"list\.csv line 3, .*'Date of Birth'.*{value!r}"):
        read_party_file(path)


def test_a_column_with_both_date_orders_names_a_line_of_each(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "id,name,dob\n1,A,01/01/2020\n2,B,13/01/2020\n3,C,01/13/2020\n", encoding="utf-8"
    )
    with pytest.raises(PartyFileError, match=r"line 3 .*13/01/2020.* line 4 .*01/13/2020"):
        read_party_file(path)
