"""Session 25 (pool11): `clearlane documents sweep` removes the files of the document store
that no document row names and that are older than ``--older-than`` minutes: what a crash
between an upload's file write and its row left (the upload's own clean-up never ran). Files a
row names, and young files (an upload under way), are kept."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from clearlane.cli import app as cli
from clearlane.config import get_settings
from clearlane.store.files import FileStore
from tests.api.conftest import app_with_settings, token_for
from tests.api.helpers import own

NAMED = b"pool11 sweep: an attached document\n"
ORPHAN = b"pool11 sweep: written, then the server died before its row\n"
YOUNG = b"pool11 sweep: an upload under way\n"


@pytest.fixture
def uploads(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    with app_with_settings(migrated_url, monkeypatch, "pool11-sweep-", hs_warm_up=False) as client:
        yield client


def aged(path: Path, minutes: float) -> None:
    then = time.time() - minutes * 60
    os.utime(path, (then, then))


def test_sweep_removes_old_files_no_document_names(
    uploads: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = uploads
    trader = {"Authorization": f"Bearer {token_for(client, 'trader1')}"}
    assert (
        client.post("/api/declarations", json=own("P11-SWEEP"), headers=trader).status_code == 201
    )
    attached = client.post(
        "/api/declarations/P11-SWEEP/documents",
        files={"file": ("named.txt", NAMED, "text/plain")},
        headers=trader,
    )
    assert attached.status_code == 201, attached.text
    files = FileStore(get_settings().files_dir)
    named = files.path_of(hashlib.sha256(NAMED).hexdigest())
    orphan = files.path_of(files.put(ORPHAN))
    young = files.path_of(files.put(YOUNG))
    leftover = orphan.parent / ".upload-crashed"  # a write cut short before its rename
    leftover.write_bytes(b"half")
    for path in (named, orphan, leftover):
        aged(path, 90)
    aged(young, 5)

    monkeypatch.setenv("CLEARLANE_DATABASE_URL", client.store_url)  # type: ignore[attr-defined]
    get_settings.cache_clear()
    result = CliRunner().invoke(cli, ["documents", "sweep", "--older-than", "60"])
    assert result.exit_code == 0, result.output
    assert not orphan.exists()
    assert not leftover.exists()
    assert named.is_file() and young.is_file()
    assert "removed 2 file(s)" in result.output, result.output

    again = CliRunner().invoke(cli, ["documents", "sweep", "--older-than", "60"])
    assert again.exit_code == 0 and "removed 0 file(s)" in again.output, again.output
    read = client.get(f"/api/documents/{attached.json()['id']}", headers=trader)
    assert read.status_code == 200 and read.content == NAMED


@pytest.mark.parametrize("value", ["0", "-5", "soon"])
def test_sweep_refuses_an_age_that_is_not_a_positive_number_of_minutes(value: str) -> None:
    result = CliRunner().invoke(cli, ["documents", "sweep", "--older-than", value])
    assert result.exit_code == 2, result.output
    assert "--older-than" in result.output, result.output
