"""Bad KCS input found in the review of the kcs4 reader: each is refused or quarantined
naming where, and nothing read wrong is stored (received = stored + quarantined)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from clearlane.ingest.parse import parse_file
from clearlane.ingest.pipeline import ingest_file
from clearlane.ingest.readers import FileRejected
from tests.ingest.kcs_unseen import ROWS, csv_text


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
