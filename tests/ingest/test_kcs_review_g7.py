"""Review of mends8 (session 22): a KCS file whose header the csv module cannot read (a bare
carriage return in it: a file saved with classic Mac OS line ends, all one line) raised
csv.Error out of the reader, and ingest_file raised it (a 500 where the API ingests): such a
file is refused whole, naming the line, and the ingest reconciles."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.ingest.parse import parse_file
from clearlane.ingest.pipeline import ingest_file
from clearlane.ingest.readers import FileRejected
from tests.ingest.kcs_unseen import ROWS, csv_text


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(csv_text(ROWS[:4], eol="\r"), id="bare CR line ends"),
        pytest.param(csv_text(ROWS[:4]).replace("Date,", "Da\rte,", 1), id="CR in the header"),
    ],
)
def test_a_header_the_csv_module_cannot_read_is_refused_not_raised(
    tmp_path: Path, sqlite_store, text: str
) -> None:
    path = tmp_path / "k.csv"
    path.write_bytes(text.encode())
    with pytest.raises(FileRejected, match=r"k\.csv: line 1: .*carriage return"):
        list(parse_file(path, "kcs"))
    report = ingest_file(path, "kcs", session_factory=sqlite_store)
    assert (report.received, report.stored, report.quarantined) == (1, 0, 1)
    assert report.reconciles
