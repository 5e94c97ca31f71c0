"""Control-result times with and without a UTC offset in one file: one rule (a time without
an offset is UTC, as the store keeps and reads it), no crash, and a time that has no UTC
instant is quarantined with its file, line and field."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy.orm import Session, sessionmaker

from clearlane.core.schema import ControlResult
from clearlane.frames import label_of
from clearlane.ingest.parse import read_frame
from clearlane.ingest.pipeline import ingest_file
from clearlane.store.frames import load_items_frame
from clearlane.store.quarantine import list_quarantine
from tests.factories import control_result, declaration, write_jsonl


def _files(tmp_path: Path) -> tuple[Path, Path]:
    decls = write_jsonl(tmp_path / "d.jsonl", [declaration("MX-1"), declaration("MX-2")])
    controls = write_jsonl(
        tmp_path / "c.jsonl",
        [
            # 10:00 UTC (no offset) is later than 10:00+02:00 (08:00 UTC): the naive one is
            # the latest result, with its selection reason
            control_result("MX-1", completed_at="2025-03-01T10:00:00", selection_reason="risk"),
            control_result("MX-1", completed_at="2025-03-01T10:00:00+02:00", remarks="second"),
            control_result("MX-2", completed_at="2025-03-01T09:00:00+02:00"),  # 07:00 UTC
            control_result(
                "MX-2", completed_at="2025-03-01T08:00:00", remarks="later"
            ),  # 08:00 UTC
        ],
    )
    return decls, controls


def _labels(frame: pd.DataFrame) -> dict[str, tuple[datetime, str]]:
    heads = frame.drop_duplicates("reference").set_index("reference")
    return {
        str(ref): (pd.Timestamp(row["completed_at"]).to_pydatetime(), row["selection_reason"])
        for ref, row in heads.iterrows()
    }


EXPECTED = {
    "MX-1": (datetime(2025, 3, 1, 10, tzinfo=UTC), "risk"),
    "MX-2": (datetime(2025, 3, 1, 8, tzinfo=UTC), "random"),
}


def test_label_of_compares_naive_and_offset_times_as_utc_instants() -> None:
    results = [
        ControlResult.model_validate(control_result("X", completed_at="2025-03-01T10:00:00+02:00")),
        ControlResult.model_validate(control_result("X", completed_at="2025-03-01T09:00:00")),
        ControlResult.model_validate(control_result("X")),  # not completed: never the latest
    ]
    label = label_of(results)
    assert label["completed_at"] == datetime(2025, 3, 1, 9, tzinfo=UTC)
    assert label["completed_at"].tzinfo is not None


def test_a_file_mixing_naive_and_offset_times_labels_the_frame(tmp_path: Path) -> None:
    decls, controls = _files(tmp_path)
    assert _labels(read_frame(decls, controls=controls)) == EXPECTED


def test_a_store_holding_naive_and_offset_times_labels_the_frame(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    decls, controls = _files(tmp_path)
    ingest_file(decls, session_factory=store)
    report = ingest_file(controls, kind="controls", session_factory=store)
    assert (report.received, report.stored, report.quarantined) == (4, 4, 0), report
    assert _labels(load_items_frame(session_factory=store)) == EXPECTED


def test_a_time_without_a_utc_instant_is_quarantined_with_its_line_and_field(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """Year 1 ahead of UTC is before the first instant a datetime holds: converting it to UTC
    raised OverflowError, which ended the whole file's ingest."""
    write_jsonl(tmp_path / "d.jsonl", [declaration("MX-3")])
    ingest_file(tmp_path / "d.jsonl", session_factory=store)
    controls = write_jsonl(
        tmp_path / "c.jsonl",
        [
            control_result("MX-3", completed_at="2025-03-01T10:00:00"),
            control_result("MX-3", completed_at="0001-01-01T00:30:00+01:00", remarks="bad"),
            control_result("MX-3", started_at="9999-12-31T23:30:00-01:00", remarks="bad too"),
        ],
    )
    report = ingest_file(controls, kind="controls", session_factory=store)
    assert (report.received, report.stored, report.quarantined) == (3, 1, 2), report
    assert report.reconciles
    reasons = [
        (q["location"], r["field"], r["message"])
        for q in list_quarantine(session_factory=store)
        for r in q["reasons"]
    ]
    assert sorted((loc, name) for loc, name, _ in reasons) == [
        ("c.jsonl:line 2", "completed_at"),
        ("c.jsonl:line 3", "started_at"),
    ]
    assert all("c.jsonl:line" in message and "UTC" in message for _, _, message in reasons)
