"""Bad KCS input found in the review of the kcs4 reader: each is refused or quarantined
naming where, and nothing read wrong is stored (received = stored + quarantined)."""

from __future__ import annotations

import gzip
import zlib
from datetime import date
from pathlib import Path

import pytest

from clearlane.ingest.parse import parse_file
from clearlane.ingest.pipeline import ingest_file
from clearlane.ingest.readers import FileRejected
from tests.ingest.kcs_unseen import HEADER, ROWS, csv_text


def test_a_gzip_file_failing_its_check_is_refused_whole(tmp_path: Path, sqlite_store) -> None:
    """gzip checks its text (CRC) only at the end of the stream: a flipped byte in the middle
    decompresses to other text (a Seller ID JO5S7EA read as JU3S7EA) before the check fails.
    Such rows were stored as read and the failed check quarantined a "rest" past the file's
    end; the text of a stream that fails its check is no record of what was written."""
    text = csv_text(ROWS * 100).encode()
    data = bytearray(gzip.compress(text))
    data[len(data) // 2] ^= 0xFF
    path = tmp_path / "k.csv.gz"
    path.write_bytes(bytes(data))
    with pytest.raises(FileRejected, match=r"k\.csv\.gz: .*gzip.*check"):
        list(parse_file(path, "kcs"))
    report = ingest_file(path, "kcs", session_factory=sqlite_store)
    assert report.stored == 0 and report.reconciles, report.as_dict()


def _joined(tmp_path: Path, second: list[str], rows: list[dict[str, str]]) -> Path:
    """Two exports joined: the first with the KCS header, the second with ``second``."""
    first = csv_text(ROWS[3:6])
    path = tmp_path / "k.csv"
    path.write_text(first + csv_text(rows, header=second))
    return path


def test_a_header_repeated_in_another_order_reads_the_rows_after_it_by_it(
    tmp_path: Path,
) -> None:
    """Importer ID and Seller ID swapped in the second export's header: its rows were read by
    the first header, so each declaration was stored with importer and seller swapped (and
    the header itself quarantined as a declaration)."""
    header = list(HEADER)
    i, j = header.index("Importer ID"), header.index("Seller ID")
    header[i], header[j] = header[j], header[i]
    records = list(parse_file(_joined(tmp_path, header, ROWS[:3]), "kcs"))
    assert len(records) == 6 and all(r.accepted for r in records)
    got = [(r.declaration.importer.id, r.declaration.seller.id) for r in records[3:]]
    assert got == [(r["Importer ID"], r["Seller ID"]) for r in ROWS[:3]]


def test_a_header_repeated_in_another_spelling_and_order_takes_its_slashed_dates_order(
    tmp_path: Path,
) -> None:
    """The column evidence (here: the order of slashed dates) is read by each part's header:
    the second export, columns reversed and snake_case, writes 26/03/2021 (day first)."""
    header = [h.lower().replace(" ", "_") for h in reversed(HEADER)]
    rows = [
        {h.lower().replace(" ", "_"): v for h, v in r.items()}
        | {"date": date.fromisoformat(r["Date"]).strftime("%d/%m/%Y")}
        for r in ROWS
    ]
    records = list(parse_file(_joined(tmp_path, header, rows), "kcs"))
    assert len(records) == 3 + len(ROWS)
    assert [r.raw.data["declaration_date"] for r in records[3:]] == [r["Date"] for r in ROWS]
    # refused: origin ZZ (as in the plain file) and the 3 rows of the first part again
    assert sum(not r.accepted for r in records) == 4


@pytest.mark.parametrize(
    ("column", "values"),
    [("Importer ID", [{"id": "SHHZGSL", "name": "x"}]), ("Seller ID", [["249LO7A", "K6GNOK5"]])],
)
def test_a_parquet_kcs_column_of_records_or_lists_is_refused_naming_it(
    tmp_path: Path, column: str, values: list
) -> None:
    """A struct or list cell was written as Python's text of it ("{'id': 'SHHZGSL', ...}")
    and stored as the importer's ID: no KCS cell holds several values."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({h: [r[h] for r in ROWS] for h in HEADER})
    at = HEADER.index(column)
    table = table.set_column(at, column, pa.array(values * len(ROWS)))
    path = tmp_path / "k.parquet"
    pq.write_table(table, path)
    with pytest.raises(FileRejected, match=rf"k\.parquet: column '{column}' holds (struct|list)"):
        list(parse_file(path, "kcs"))


@pytest.mark.parametrize("keep", [2 / 3, -4])
def test_a_small_cut_gzip_file_reads_up_to_the_cut_not_refused_as_empty(
    tmp_path: Path, sqlite_store, keep: float
) -> None:
    """A gzip file whose text is under 4 KB (the first bytes read to check it) and cut short
    (2/3 of it, or only its 4-byte length missing) was refused as "the file is empty"."""
    data = gzip.compress(csv_text(ROWS).encode())
    path = tmp_path / "k.csv.gz"
    path.write_bytes(data[: int(len(data) * keep)] if keep > 0 else data[: int(keep)])
    *rows, rest = list(parse_file(path, "kcs"))
    assert rest.raw.location.startswith("k.csv.gz:lines ") and rest.raw.location.endswith("-end")
    assert "gzip" in rest.issues[0].message and not rest.accepted
    assert [r.raw.data["reference"] for r in rows] == [
        r["Declaration ID"] for r in ROWS[: len(rows)]
    ]
    report = ingest_file(path, "kcs", session_factory=sqlite_store)
    assert report.reconciles and report.received == len(rows) + 1, report.as_dict()


@pytest.mark.parametrize("kind", ["csv", "gz", "tsv-utf16"])
def test_a_line_longer_than_a_kcs_row_can_be_is_quarantined_cut_not_held(
    tmp_path: Path, sqlite_store, kind: str
) -> None:
    """A line of 3 MB with no line break (a gzip of 3 KB expands to it): it was read whole
    and kept whole as the quarantined record's text, so a 291 KB .gz made a 300 MB record
    (770 MB of memory). Now it is one record naming its line and length, its first bytes
    kept; the rows before and after it read as usual."""
    from clearlane.ingest.readers.kcs_reader import MAX_LINE_BYTES

    long = "9" * (3 * MAX_LINE_BYTES)
    lines = csv_text(ROWS[:2]).splitlines()
    lines.insert(2, long)  # after the header and one row
    text = "\n".join([*lines, *csv_text(ROWS[2:4]).splitlines()[1:]]) + "\n"
    delimiter_text = text.replace(",", "\t") if kind == "tsv-utf16" else text
    path = tmp_path / {"csv": "k.csv", "gz": "k.csv.gz", "tsv-utf16": "k.txt"}[kind]
    data = {
        "csv": text.encode(),
        "gz": gzip.compress(text.encode()),
        "tsv-utf16": delimiter_text.encode("utf-16"),
    }[kind]
    path.write_bytes(data)
    records = list(parse_file(path, "kcs"))
    assert [r.raw.data["reference"] for r in records if r.raw.data] == [
        r["Declaration ID"] for r in ROWS[:4]
    ]
    (cut,) = [r for r in records if r.raw.data is None]
    assert cut.raw.location == f"{path.name}:line 3"
    assert f"{path.name}:line 3: a line of {len(long) + 1:,} bytes" in cut.issues[0].message
    assert len(cut.raw.original) < 2000
    report = ingest_file(path, "kcs", session_factory=sqlite_store)
    assert report.reconciles and report.received == 5, report.as_dict()


def test_bytes_of_a_utf16_file_that_are_no_utf16_quarantine_their_row(tmp_path: Path) -> None:
    """A lone surrogate (bytes 00 d8) in a Seller ID was kept as the text '\\x00\\xd8' and
    the row stored with that Seller ID; a UTF-8 file's invalid bytes quarantine their row
    naming line and column, and so do a UTF-16 file's now."""
    text = csv_text(ROWS[:3], delimiter="\t").encode("utf-16-le")
    seller = ROWS[1]["Seller ID"]
    text = text.replace(seller.encode("utf-16-le"), b"\x00\xd8" + seller[1:].encode("utf-16-le"))
    path = tmp_path / "k.txt"
    path.write_bytes(b"\xff\xfe" + text)
    records = list(parse_file(path, "kcs"))
    assert [r.accepted for r in records] == [True, False, True]
    (issue,) = [i for i in records[1].issues if i.reason.value == "encoding"]
    assert issue.message.startswith("k.txt: line 3: ") and "UTF-16" in issue.message
    assert "\\x00\\xd8" in records[1].raw.original  # the bytes kept, visible


@pytest.mark.parametrize("suffix", ["csv", "csv.gz"])
def test_a_nul_byte_past_the_first_bytes_quarantines_its_row_on_both_stores(
    tmp_path: Path, store_url: str, suffix: str
) -> None:
    """A NUL byte is checked for in the first 4 KB only (the file is then refused whole as
    binary data); one further on was read into a cell (Seller ID '\\x00JO5S7EA'): stored so
    on SQLite, and PostgreSQL refused the chunk (DataError), failing the ingest mid-file."""
    from clearlane.store.session import open_store

    rows = [r | {"Declaration ID": str(20_000_000 + n)} for n, r in enumerate(ROWS * 30)]
    rows = [r for r in rows if r["Country of Origin"] != "ZZ"]
    text = csv_text(rows)
    at = text.index(ROWS[1]["Seller ID"], 8000)
    line = text[:at].count("\n") + 1
    text = text[:at] + "\x00" + text[at:]
    path = tmp_path / f"k.{suffix}"
    path.write_bytes(gzip.compress(text.encode()) if suffix == "csv.gz" else text.encode())
    bad = [r for r in parse_file(path, "kcs") if not r.accepted]
    assert [r.raw.location for r in bad] == [f"k.{suffix}:line {line}"]
    assert f"k.{suffix}:line {line}: a NUL byte at column" in bad[0].issues[0].message
    report = ingest_file(path, "kcs", session_factory=open_store(store_url), workers=0)
    assert report.reconciles and (report.stored, report.quarantined) == (len(rows) - 1, 1)


def test_a_cut_gzip_files_rest_keeps_the_text_of_the_row_it_cuts(tmp_path: Path) -> None:
    """The record of a cut stream's rest had no text: the part of the row at the cut that
    was decompressed (all but its end) was dropped; it is the record's text now."""
    text = csv_text(ROWS * 30).encode()
    data = gzip.compress(text)
    path = tmp_path / "k.csv.gz"
    path.write_bytes(data[: len(data) // 2])
    *rows, rest = list(parse_file(path, "kcs"))
    read = "".join(r.raw.original for r in rows).encode()
    header = len(csv_text([]).encode())
    inflated = zlib.decompressobj(31).decompress(data[: len(data) // 2])[header:]
    assert read == text[header : header + len(read)]
    assert rest.raw.original and read + rest.raw.original.encode() == inflated


def test_a_parquet_file_with_two_columns_for_one_kcs_column_is_refused_naming_no_line(
    tmp_path: Path,
) -> None:
    """A Parquet file has no lines: its header problem named 'line 1'."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {h: [r[h] for r in ROWS] for h in HEADER} | {
        "net_mass": [r["Net Mass"] for r in ROWS]
    }
    path = tmp_path / "k.parquet"
    pq.write_table(pa.table(columns), path)
    with pytest.raises(FileRejected, match=r"^k\.parquet: columns 'Net Mass' and 'net_mass'"):
        list(parse_file(path, "kcs"))


def test_rows_under_a_header_again_that_lacks_a_kcs_column_are_quarantined(
    tmp_path: Path, sqlite_store
) -> None:
    """A second export's header without Courier ID and with a Remarks column elsewhere, as
    many columns: its rows were read by the first header, and stored with the importer 'x'
    and the seller the importer's ID. They cannot be read by either header: each is
    quarantined naming the header's line and what it lacks, until a header that can be read
    (here the first one again)."""
    second = [h for h in HEADER if h != "Courier ID"]
    second.insert(9, "Remarks")
    rows = [{**{k: v for k, v in r.items() if k != "Courier ID"}, "Remarks": "x"} for r in ROWS[:4]]
    path = tmp_path / "k.csv"
    path.write_text(csv_text(ROWS[4:6]) + csv_text(rows, header=second) + csv_text(ROWS[6:8]))
    records = list(parse_file(path, "kcs"))
    assert [r.accepted for r in records] == [True, True] + [False] * 5 + [True, True]
    assert "k.csv:line 4: " in records[2].issues[0].message
    assert "Courier ID" in records[2].issues[0].message
    for record in records[3:7]:
        (issue,) = record.issues
        assert issue.message.startswith(f"{record.raw.location}: ")
        assert "line 4" in issue.message and record.raw.data is None
    report = ingest_file(path, "kcs", session_factory=sqlite_store)
    assert report.reconciles and (report.stored, report.quarantined) == (4, 5)
