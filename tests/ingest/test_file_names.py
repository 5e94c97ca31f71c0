"""A file whose name is not UTF-8 (a Latin-1 name on a Linux disk: Python hands it over with a
lone surrogate for each undecodable byte) is refused before a batch is opened, with a message
naming the byte and what to do, on SQLite and PostgreSQL, and through the CLI without a
traceback. Before, the batch row and every declaration's source location raised
``UnicodeEncodeError`` from the database driver and the ingest died with a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.ingest.pipeline import ingest_file
from clearlane.store.session import open_store
from clearlane.store.tables import DeclarationRow, IngestBatch
from tests.factories import csv_text, declaration


def _latin1_named(tmp_path: Path, fmt: str) -> Path:
    good = declaration("NAME-GOOD")
    text = csv_text([good]) if fmt == "csv" else json.dumps(good)
    path = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/d\xe9clarations." + fmt.encode()))
    path.write_text(text + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_file_name_that_is_not_utf8_is_refused_naming_the_byte_and_nothing_is_stored(
    tmp_path: Path, store_url: str, fmt: str
) -> None:
    store = open_store(store_url)
    path = _latin1_named(tmp_path, fmt)
    with pytest.raises(ValueError, match=r"d\\xe9clarations\..*not UTF-8 \(byte 0xe9") as info:
        ingest_file(path, session_factory=store, workers=0)
    assert "rename the file" in str(info.value)
    str(info.value).encode("utf-8")  # printable as it is
    with store() as session:
        assert session.scalar(select(func.count()).select_from(IngestBatch)) == 0
        assert session.scalar(select(func.count()).select_from(DeclarationRow)) == 0


def test_the_cli_says_so_without_a_traceback(tmp_path: Path) -> None:
    path = _latin1_named(tmp_path, "jsonl")
    result = CliRunner().invoke(app, ["ingest", str(path)])  # the test's own data dir
    assert result.exit_code != 0
    assert "not UTF-8 (byte 0xe9" in result.output and "Traceback" not in result.output
    assert not isinstance(result.exception, UnicodeEncodeError)
