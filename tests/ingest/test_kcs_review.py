"""Review of the later-export KCS reader (dates, amounts, unread columns, delimiters): the
defects found, each a test that failed on the merged reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.test_kcs_shapes import read, write


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("Date", "2021-13-01", "invalid_date"),
        ("Date", "20210132", "invalid_date"),
        ("Date", "2021-02-29", "invalid_date"),
        ("Net Mass", "1,2345", "wrong_type"),
        ("Item Price", "1.234,5", "wrong_type"),
        ("Tax Rate", "8,0", "wrong_type"),
    ],
)
def test_a_bad_date_or_amount_is_one_issue_naming_the_column(
    tmp_path: Path, column: str, value: str, reason: str
) -> None:
    """The reader says what is wrong with the cell; validation does not say it again in its
    own words (for 20210132, pydantic's 'Datetimes provided to dates should have zero time':
    it read the number as a Unix time)."""
    (record,) = read(write(tmp_path / "k.csv", [{column: value}]))
    errors = [i for i in record.issues if i.is_error()]
    assert [i.reason.value for i in errors] == [reason], errors
    (error,) = errors
    assert "k.csv:line 2" in error.message and f"'{column}'" in error.message, error
