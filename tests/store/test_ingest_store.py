"""Ingest into a real store, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select, text

from clearlane.ingest.pipeline import ingest_file, store_counts
from clearlane.store.session import open_store
from clearlane.store.tables import DeclarationRow, GoodsItemRow, IngestBatch
from tests.conftest import KCS_TRAIN
from tests.factories import declaration, item, write_csv, write_jsonl


def test_reingest_stores_nothing_twice(tmp_path: Path, store) -> None:
    path = write_csv(tmp_path / "d.csv", [declaration(f"D{i}") for i in range(20)])
    first = ingest_file(path, session_factory=store)
    second = ingest_file(path, session_factory=store)
    assert (first.new, first.unchanged) == (20, 0)
    assert (second.received, second.stored, second.new, second.unchanged) == (20, 20, 0, 20)
    assert store_counts(store)["declarations"] == 20
    assert store_counts(store)["goods_items"] == 20


def test_amendment_keeps_history(tmp_path: Path, store) -> None:
    ingest_file(write_jsonl(tmp_path / "v1.jsonl", [declaration("A1")]), session_factory=store)
    changed = declaration("A1", items=[item(item_value=9000.0)])
    report = ingest_file(write_jsonl(tmp_path / "v2.jsonl", [changed]), session_factory=store)
    assert report.amended == 1
    # Re-sending the first version again is recognised, not stored as a third version.
    again = ingest_file(tmp_path / "v1.jsonl", session_factory=store)
    assert again.unchanged == 1
    with store() as session:
        rows = session.execute(
            select(DeclarationRow.version, DeclarationRow.normalised)
            .where(DeclarationRow.reference == "A1")
            .order_by(DeclarationRow.version)
        ).all()
    assert [r.version for r in rows] == [1, 2]
    assert rows[0].normalised["items"][0]["item_value"] == 12000.0
    assert rows[1].normalised["items"][0]["item_value"] == 9000.0


def test_explicit_version_conflict_is_quarantined(tmp_path: Path, store) -> None:
    ingest_file(
        write_jsonl(tmp_path / "a.jsonl", [declaration("V1", version=1)]), session_factory=store
    )
    other = declaration("V1", version=1, office="OTHER")
    report = ingest_file(write_jsonl(tmp_path / "b.jsonl", [other]), session_factory=store)
    assert (report.stored, report.quarantined) == (0, 1)
    newer = declaration("V1", version=3, office="OTHER")
    report = ingest_file(write_jsonl(tmp_path / "c.jsonl", [newer]), session_factory=store)
    assert report.amended == 1


def test_original_is_kept_beside_normalised(tmp_path: Path, store) -> None:
    raw = declaration("O1", country_dispatch=" cn ")
    path = write_jsonl(tmp_path / "o.jsonl", [raw])
    ingest_file(path, session_factory=store)
    with store() as session:
        row = session.execute(
            select(DeclarationRow).where(DeclarationRow.reference == "O1")
        ).scalar_one()
    assert json.loads(row.original)["country_dispatch"] == " cn "
    assert row.normalised["country_dispatch"] == "CN"
    assert row.source_location == "o.jsonl:line 1"


def test_chunks_commit_with_their_counts(tmp_path: Path, store) -> None:
    records = [declaration(f"C{i}") for i in range(25)]
    records[7]["country_dispatch"] = "QQ"
    path = write_jsonl(tmp_path / "c.jsonl", records)
    report = ingest_file(path, session_factory=store, batch_size=4)
    assert (report.received, report.stored, report.quarantined) == (25, 24, 1)
    with store() as session:
        batch = session.get(IngestBatch, report.batch_id)
        assert batch is not None and batch.status == "done"
        assert batch.received == 25 and batch.stored_new == 24 and batch.quarantined == 1


@pytest.mark.skipif(not KCS_TRAIN.exists(), reason="needs ../shared/data/kcs beside the project")
def test_kcs_import_maps_labels_and_duty(tmp_path: Path, store) -> None:
    lines = KCS_TRAIN.read_text().splitlines(keepends=True)
    sample = tmp_path / "kcs.csv"
    sample.write_text("".join(lines[:301]))
    report = ingest_file(sample, "kcs", session_factory=store)
    assert (report.received, report.stored, report.quarantined) == (300, 300, 0)
    assert report.controls_stored == 300
    with store() as session:
        frauds = session.scalar(
            text("select count(*) from control_results where outcome = 'non_compliant'")
        )
        row = session.execute(
            select(DeclarationRow.normalised).where(DeclarationRow.reference == "85945189")
        ).scalar_one()
    expected = sum(1 for line in lines[1:301] if line.rstrip().split(",")[-2] == "1")
    assert frauds == expected
    first = row["items"][0]
    assert first["duty_amount"] == pytest.approx(0.08 * 375751.2)
    assert row["transport_mode"] == "4" and row["attributes"]["kcs_transport_mode"] == "40"


def test_control_results_file(tmp_path: Path, store) -> None:
    controls = [
        {
            "declaration_reference": "D1",
            "control_type": "physical",
            "selection_reason": "random",
            "outcome": "non_compliant",
            "irregularities": ["undervaluation"],
            "severity": "revenue",
            "extra_duty": 120.5,
        },
        {"declaration_reference": "D2", "control_type": "physical", "outcome": "compliant"},
        {
            "declaration_reference": "D3",
            "control_type": "physical",
            "selection_reason": "risk",
            "outcome": "compliant",
            "irregularities": ["drugs"],
        },
    ]
    path = write_jsonl(tmp_path / "controls.jsonl", controls)
    report = ingest_file(path, kind="controls", session_factory=store)
    assert (report.received, report.stored, report.quarantined) == (3, 1, 2)
    again = ingest_file(path, kind="controls", session_factory=store)
    assert (again.new, again.unchanged) == (0, 1)
    assert store_counts(store)["control_results"] == 1


KILL_SCRIPT = """
import sys
from clearlane.ingest.pipeline import ingest_file
from clearlane.store.session import open_store
ingest_file(sys.argv[1], session_factory=open_store(sys.argv[2]), batch_size=50)
"""


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's reaping is up to whoever is PID 1)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])  # csv: the bulk path (ingest/bulk.py)
def test_killed_ingest_leaves_a_consistent_store(
    tmp_path: Path, migrated_url: str, fmt: str
) -> None:
    total = 6000 if fmt == "jsonl" else 16000  # the CSV must be big enough for a worker
    records = [declaration(f"K{i}", items=[item(seq=1), item(seq=2)]) for i in range(total)]
    write = write_jsonl if fmt == "jsonl" else write_csv
    path = write(tmp_path / f"big.{fmt}", records)
    store = open_store(migrated_url)
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(path), migrated_url],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")},
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if store_counts(store)["declarations"] >= 300:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; use a larger file"
    workers = _children(proc.pid)  # the parsing worker (the file is big enough for one)
    if migrated_url.startswith("sqlite"):
        assert workers, "the ingest ran without a worker process; use a larger file"
    else:  # PostgreSQL: a thread reads ahead, and chunks commit asynchronously
        assert not workers, "a parsing worker was started on PostgreSQL"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while any(_running(pid) for pid in workers):  # it notices its parent is gone and exits
        assert time.monotonic() < deadline, f"the ingest worker {workers} outlived its parent"
        time.sleep(0.1)
    with store() as session:
        declarations = session.scalar(select(func.count()).select_from(DeclarationRow))
        items = session.scalar(select(func.count()).select_from(GoodsItemRow))
        batch = session.scalars(select(IngestBatch)).one()
    assert 0 < declarations < total
    assert declarations % 50 == 0, "a chunk was half stored"
    assert items == 2 * declarations, "a declaration lost its items"
    assert batch.status == "running" and batch.stored_new == declarations
    report = ingest_file(path, session_factory=store, batch_size=500)
    assert (report.new, report.unchanged) == (total - declarations, declarations)
    assert store_counts(store)["declarations"] == total


def test_load_items_frame_uses_latest_version_and_joins_labels(tmp_path: Path, store) -> None:
    from clearlane.store.frames import load_items_frame

    ingest_file(
        write_jsonl(tmp_path / "a.jsonl", [declaration("F1"), declaration("F2")]),
        session_factory=store,
    )
    amended = declaration("F1", items=[item(seq=1), item(seq=2, hs_code="850440")])
    ingest_file(write_jsonl(tmp_path / "b.jsonl", [amended]), session_factory=store)
    control = {
        "declaration_reference": "F1",
        "control_type": "physical",
        "selection_reason": "random",
        "outcome": "non_compliant",
        "irregularities": ["misclassification"],
        "severity": "revenue",
        "extra_duty": 50.0,
    }
    ingest_file(
        write_jsonl(tmp_path / "c.jsonl", [control]), kind="controls", session_factory=store
    )
    frame = load_items_frame(session_factory=store)
    assert sorted(frame["reference"]) == ["F1", "F1", "F2"]
    f1 = frame[frame.reference == "F1"]
    assert set(f1["version"]) == {2} and set(f1["hs6"]) == {"851713", "850440"}
    assert f1["fraud"].tolist() == [1.0, 1.0] and f1["selection_reason"].iloc[0] == "random"
    f2 = frame[frame.reference == "F2"].iloc[0]
    assert f2["controlled"] == 0 and pd.isna(f2["fraud"])
