"""An ingest killed mid-file leaves its batch 'running'; the next ingest marks it interrupted."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import select

from clearlane.ingest.pipeline import ingest_file
from clearlane.store.session import open_store
from clearlane.store.tables import IngestBatch
from tests.factories import declaration, write_jsonl


def test_a_killed_ingest_is_marked_interrupted_by_the_next(tmp_path: Path, store_url: str) -> None:
    store = open_store(store_url)
    path = write_jsonl(tmp_path / "d.jsonl", [declaration(f"K-{i}") for i in range(3)])
    # A process that opens a batch and dies without closing it (as kill -9 would leave it).
    script = textwrap.dedent(
        f"""
        import os
        from clearlane.ingest.pipeline import _open_batch
        from clearlane.store.session import open_store
        with open_store({store_url!r})() as session:
            _open_batch(session, source="killed.jsonl", source_sha256="0" * 64,
                        fmt="jsonl", kind="declarations")
        os._exit(9)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], check=False, timeout=120)
    assert done.returncode == 9
    with store() as session:
        (killed,) = session.scalars(select(IngestBatch)).all()
        assert killed.status == "running"
    report = ingest_file(path, session_factory=store)
    assert report.stored == 3
    with store() as session:
        batches = {b.source: b for b in session.scalars(select(IngestBatch))}
    assert batches["killed.jsonl"].status == "interrupted"
    assert "interrupted" in (batches["killed.jsonl"].message or "")
    assert batches[str(path)].status == "done" and batches[str(path)].message is None
