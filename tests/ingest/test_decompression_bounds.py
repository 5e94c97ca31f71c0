"""A compressed input's text is bounded (``ingest_max_decompressed_bytes``, and the
compression ratio past the first 64 MiB): a decompression bomb is refused whole, naming the
file and the bound, before any row is stored (received = stored + quarantined)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.config import get_settings
from clearlane.ingest.parse import parse_file
from clearlane.ingest.pipeline import ingest_file
from clearlane.ingest.readers import FileRejected
from clearlane.store.tables import DeclarationRow
from tests.ingest.kcs_unseen import ROWS, csv_text


def _bound(monkeypatch: pytest.MonkeyPatch, name: str, value: int) -> None:
    monkeypatch.setenv(f"CLEARLANE_INGEST_{name}", str(value))
    get_settings.cache_clear()


def _stored(store: sessionmaker[Session]) -> int:
    with store() as session:
        return int(session.scalar(select(func.count()).select_from(DeclarationRow)) or 0)


def test_a_gzip_whose_text_exceeds_the_bound_is_refused_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store: sessionmaker[Session]
) -> None:
    text = csv_text(ROWS * 100).encode()  # 136 KB of text, 1.8 KB of gzip
    path = tmp_path / "k.csv.gz"
    path.write_bytes(gzip.compress(text))
    _bound(monkeypatch, "MAX_DECOMPRESSED_BYTES", 65_536)
    with pytest.raises(FileRejected, match=r"k\.csv\.gz: .*more than 65,536 bytes") as refused:
        list(parse_file(path, "kcs"))
    assert "CLEARLANE_INGEST_MAX_DECOMPRESSED_BYTES" in refused.value.message
    report = ingest_file(path, "kcs", session_factory=store)
    assert (report.received, report.stored, report.quarantined) == (1, 0, 1), report.as_dict()
    assert report.reconciles and "65,536" in (report.rejected_file or "")
    assert _stored(store) == 0
    _bound(monkeypatch, "MAX_DECOMPRESSED_BYTES", len(text))  # exactly the bound: read
    report = ingest_file(path, "kcs", session_factory=store)
    assert report.stored > 0 and report.reconciles, report.as_dict()


def test_a_gzip_of_several_streams_is_bounded_by_their_text_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each stream under the bound, together over it (``cat a.gz b.gz``)."""
    text = csv_text(ROWS * 30).encode()
    path = tmp_path / "k.csv.gz"
    path.write_bytes(gzip.compress(text) + gzip.compress(b"\n".join(text.splitlines()[1:])))
    _bound(monkeypatch, "MAX_DECOMPRESSED_BYTES", len(text) + 10)
    with pytest.raises(FileRejected, match=r"k\.csv\.gz: .*more than"):
        list(parse_file(path, "kcs"))


def test_a_gzip_compressed_beyond_the_ratio_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ratio counts once the text passes 64 MiB: 70 MiB of one repeated row is some
    1,000 times its gzip (an ordinary KCS export compresses 3 times: the 2020 file)."""
    header, row = csv_text(ROWS[:1]).encode().splitlines(keepends=True)[:2]
    path = tmp_path / "k.csv.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(header)
        block = row * ((1 << 20) // len(row))
        for _ in range(70):
            out.write(block)
    _bound(monkeypatch, "MAX_COMPRESSION_RATIO", 100)
    with pytest.raises(FileRejected, match=r"k\.csv\.gz: .*100 times") as refused:
        list(parse_file(path, "kcs"))
    assert "CLEARLANE_INGEST_MAX_COMPRESSION_RATIO" in refused.value.message


def test_a_parquet_whose_cells_exceed_the_bound_is_refused_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store: sessionmaker[Session]
) -> None:
    """Parquet is compressed too, and a dictionary-encoded column repeats one long value in
    every row for a few bytes a row: the bound counts the cells' text as it is read out."""
    frame = pd.DataFrame(ROWS * 100)
    path = tmp_path / "k.parquet"
    frame.to_parquet(path)
    _bound(monkeypatch, "MAX_DECOMPRESSED_BYTES", 65_536)
    with pytest.raises(FileRejected, match=r"k\.parquet: .*more than 65,536 bytes"):
        list(parse_file(path, "kcs"))
    report = ingest_file(path, "kcs", session_factory=store)
    assert (report.received, report.stored, report.quarantined) == (1, 0, 1), report.as_dict()
    assert _stored(store) == 0


def test_a_parquet_dictionary_of_one_long_value_counts_every_row_it_fills(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column not read as KCS still becomes CSV text: 2,000 rows of one 64 KB note are
    128 MB of text from a file of a few KB (dictionary-encoded, compressed)."""
    frame = pd.DataFrame(ROWS * 250)
    frame["Note"] = "x" * 65_536
    path = tmp_path / "k.parquet"
    frame.to_parquet(path, compression="zstd")
    assert path.stat().st_size < 200_000
    _bound(monkeypatch, "MAX_DECOMPRESSED_BYTES", 100 << 20)
    with pytest.raises(FileRejected, match=r"k\.parquet: .*more than 104,857,600 bytes"):
        list(parse_file(path, "kcs"))


def test_a_parquet_of_long_distinct_values_is_checked_in_batches_of_some_64_mib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(reviewm5) 40 rows each with a note of 4 MiB of its own (plain-encoded, zstd: a file
    of a few KB) are 160 MiB of text. The pass counting the text read them as one batch of
    8192 rows at most: the whole file in memory before any bound was checked (a file of
    2,000 such rows, some 400 KB, is 8 GB). Each batch, in the check and in the read, now
    holds some 64 MiB of text at most: the row group's uncompressed size says how many rows
    that is, and pages over the bound (pyarrow decompresses a row group's column whole) are
    refused before any is read."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = (ROWS * 4)[:40]
    table = pa.Table.from_pandas(pd.DataFrame(rows), preserve_index=False)
    table = table.append_column(
        "Note", pa.array([f"{i:04d}" + "x" * (4 << 20) for i in range(len(rows))])
    )
    path = tmp_path / "k.parquet"
    pq.write_table(table, path, compression="zstd", use_dictionary=False)
    del table
    assert path.stat().st_size < 200_000
    batches: list[int] = []
    real = pq.ParquetFile.iter_batches

    def counted(self: pq.ParquetFile, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for batch in real(self, *args, **kwargs):  # type: ignore[arg-type]
            batches.append(batch.nbytes)
            yield batch

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", counted)
    _bound(monkeypatch, "MAX_COMPRESSION_RATIO", 0)
    _bound(monkeypatch, "MAX_DECOMPRESSED_BYTES", 100 << 20)
    with pytest.raises(FileRejected, match=r"k\.parquet: .*more than 104,857,600 bytes") as refused:
        list(parse_file(path, "kcs"))
    assert "CLEARLANE_INGEST_MAX_DECOMPRESSED_BYTES" in refused.value.message
    assert max(batches, default=0) <= 72 << 20, batches  # its pages said: none read
    batches.clear()
    _bound(monkeypatch, "MAX_DECOMPRESSED_BYTES", 1 << 30)
    records = list(parse_file(path, "kcs"))
    assert len(records) == len(rows)
    assert batches and max(batches) <= 72 << 20, batches
