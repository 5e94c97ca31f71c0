"""Review of the later-export KCS reader (dates, amounts, unread columns, delimiters): the
defects found, each a test that failed on the merged reader."""

from __future__ import annotations

import csv
import logging
import os
from datetime import date
from pathlib import Path

import pytest

from clearlane.ingest.parse import parse_file, read_frame
from clearlane.ingest.readers import guess_format
from clearlane.ingest.readers.base import FileRejected
from tests.ingest.test_kcs_shapes import COLUMNS, ROW, read, write


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


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2021-04-30T20:00:00Z", date(2021, 5, 1)),  # 05:00 on 1 May in Korea
        ("2021-05-01T23:30:00-05:00", date(2021, 5, 2)),
        ("2021-05-01 00:30:00+09:00", date(2021, 5, 1)),
        ("2021-05-01T23:59:59+0900", date(2021, 5, 1)),
        ("20210501 08:59+00:00", date(2021, 5, 1)),
        ("20210501 09:00+00:00", date(2021, 5, 1)),
        ("2021/04/30 15:00 Z", date(2021, 5, 1)),
        ("2021-05-01 23:30:00", date(2021, 5, 1)),  # no offset: the date as written
        ("2021-05-01T00:00:00+10:00", date(2021, 5, 1)),  # midnight: a date with its zone
        ("2021-05-01T00:00+14:00", date(2021, 5, 1)),
        ("2021-05-01T00:00:01+10:00", date(2021, 4, 30)),
    ],
)
def test_a_time_with_an_offset_is_read_on_the_korean_date(
    tmp_path: Path, written: str, day: date
) -> None:
    """A time written with an offset is an instant; the KCS declaration date is the date in
    Korea (UTC+9, no daylight saving since 1988). Dropping the offset put a declaration made
    on 1 May in Seoul, exported in UTC as 2021-04-30T20:00Z, on 30 April."""
    (record,) = read(write(tmp_path / "k.csv", [{"Date": written}]))
    assert record.accepted, record.issues
    assert record.declaration.declaration_date == day


def test_columns_not_read_are_reported_once_per_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Each read of a file says it once, whatever this process read before: another file
    with the same column, and a second file at the same path with the same size and
    modification time (an upload's temporary file, say), which a process-wide set of the
    files already named used to pass over in silence."""
    path = tmp_path / "k.csv"
    path.write_text(",".join([*COLUMNS, "Remarks"]) + "\n" + ",".join([*ROW, "x"]) + "\n")
    other = tmp_path / "other.csv"  # another file with the same column
    other.write_bytes(path.read_bytes())
    with caplog.at_level(logging.WARNING):
        (record,) = list(parse_file(path))
        assert len(read_frame(other)) == 1
    assert record.accepted
    said = [m for m in caplog.messages if "'Remarks'" in m]
    assert len(said) == 2 and "k.csv" in said[0] and "other.csv" in said[1], caplog.messages
    caplog.clear()
    stamp = path.stat()
    path.write_bytes(path.read_bytes().replace(b",x\n", b",y\n"))  # another file, same size
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    with caplog.at_level(logging.WARNING):
        list(parse_file(path))
    assert sum("k.csv" in m and "'Remarks'" in m for m in caplog.messages) == 1


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_csv_with_a_kcs_header_in_another_delimiter_is_read_as_kcs(
    tmp_path: Path, delimiter: str
) -> None:
    """Without -f kcs, such a .csv went to the generic CSV reader, which said the WCO columns
    were missing; it is the KCS reader's (which reads it since kcs4)."""
    path = tmp_path / "k.csv"
    with path.open("w", newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\n").writerows([COLUMNS, ROW])
    assert guess_format(path) == "kcs"
    (record,) = list(parse_file(path))
    assert record.accepted, record.issues


def test_a_csv_of_another_layout_in_semicolons_stays_csv(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("reference;declaration_date;hs_code\nA1;2021-05-01;010121\n")
    assert guess_format(path) == "csv"


@pytest.mark.parametrize("line", ['"', '"""', ',,"', '",,'])
def test_a_line_of_a_lone_quote_is_malformed_not_an_empty_row(tmp_path: Path, line: str) -> None:
    """Rows of empty cells (',,,,', '"",""') are skipped; a line of commas and an unbalanced
    quote is a broken record (the end of a cell cut by a line break), quarantined as before
    the later-export change, with its own line number; the rows after keep theirs."""
    path = write(tmp_path / "k.csv", [{}])
    with path.open("a") as handle:
        handle.write(",,,,\n" + line + "\n" + '"",""\n')
    with path.open("a", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow([*ROW[:-2], "1", "x"])
    records = list(parse_file(path, "kcs"))
    assert [r.raw.location for r in records] == ["k.csv:line 2", "k.csv:line 4", "k.csv:line 6"]
    broken = records[1]
    assert not broken.accepted
    assert {i.reason.value for i in broken.issues} == {"malformed"}, broken.issues
    assert "k.csv:line 6" in records[2].issues[0].message


@pytest.mark.parametrize("value", ["2022-02-30", "2022/02/30", "20210132", "2021-05-01 25:00"])
def test_a_date_that_does_not_exist_is_said_so(tmp_path: Path, value: str) -> None:
    """'2022-02-30' is written year first; the message said it was not ('is not a date
    written year first: 2021-05-01, ...'), sending the reader to look for another form."""
    (record,) = read(write(tmp_path / "k.csv", [{"Date": value}]))
    (error,) = [i for i in record.issues if i.is_error()]
    assert error.reason.value == "invalid_date"
    assert "no such day" in error.message and "is not a date written" not in error.message
    assert "k.csv:line 2" in error.message and repr(value) in error.message


@pytest.mark.parametrize("fmt", ["kcs", "csv", "jsonl"])
@pytest.mark.parametrize(
    ("encoding", "named"),
    [("utf-32", "UTF-32"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16")],
)
def test_a_file_in_utf32_or_utf16_without_a_bom_is_named(
    tmp_path: Path, fmt: str, encoding: str, named: str
) -> None:
    """Every reader's sniff: UTF-32 (its byte-order mark starts as UTF-16's) was called
    UTF-16, and UTF-16 without a byte-order mark 'binary data'."""
    path = tmp_path / "k.csv"
    path.write_bytes((",".join(COLUMNS) + "\n" + ",".join(ROW) + "\n").encode(encoding))
    with pytest.raises(FileRejected) as caught:
        list(parse_file(path, fmt))
    assert named in caught.value.message and "k.csv" in caught.value.message
    assert caught.value.reason.value == "wrong_format"
