"""known_by's point-in-time cutoffs are instants: a control result's time written with a UTC
offset (or without one, read as UTC) gives the same cutoff on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from clearlane.features.facts import known_by
from clearlane.ingest.pipeline import ingest_file
from tests.factories import declaration, write_jsonl


def _control(reference: str, **times: str) -> dict[str, object]:
    return {
        "declaration_reference": reference,
        "control_type": "documentary",
        "selection_reason": "random",
        "outcome": "compliant",
        "irregularities": [],
        "severity": "none",
        "extra_duty": 0.0,
        **times,
    }


def test_a_control_time_with_an_offset_is_the_same_instant_on_every_store(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    refs = ["TZ-1", "TZ-2", "TZ-3"]
    write_jsonl(tmp_path / "d.jsonl", [declaration(ref) for ref in refs])
    ingest_file(tmp_path / "d.jsonl", session_factory=store)
    controls = [
        _control("TZ-1", completed_at="2025-03-01T10:00:00+02:00"),  # 08:00 UTC
        _control("TZ-2", completed_at="2025-03-01T10:00:00"),  # no offset: UTC
        # the payload's started_at names the instant already; completed_at must not undercut it
        _control("TZ-3", started_at="2025-03-01T09:00:00-05:00",
                 completed_at="2025-03-01T10:00:00-05:00"),
    ]  # fmt: skip
    write_jsonl(tmp_path / "c.jsonl", controls)
    report = ingest_file(tmp_path / "c.jsonl", kind="controls", session_factory=store)
    assert report.stored == 3, report
    with store() as session:
        cutoffs = known_by(session, refs)
    assert cutoffs == {
        "TZ-1": datetime(2025, 3, 1, 8, tzinfo=UTC),
        "TZ-2": datetime(2025, 3, 1, 10, tzinfo=UTC),
        "TZ-3": datetime(2025, 3, 1, 14, tzinfo=UTC),
    }


def test_a_control_with_a_naive_start_and_an_offset_end_is_stored(
    sqlite_store: sessionmaker[Session], tmp_path: Path
) -> None:
    """The consistency check compared a naive started_at with an offset completed_at and
    raised TypeError, which ended the whole file's ingest; naive is UTC, as known_by reads it."""
    write_jsonl(tmp_path / "d.jsonl", [declaration("TZ-9")])
    ingest_file(tmp_path / "d.jsonl", session_factory=sqlite_store)
    end = "2025-03-01T10:00:00+02:00"  # 08:00 UTC
    write_jsonl(
        tmp_path / "c.jsonl",
        [
            _control("TZ-9", started_at="2025-03-01T07:00:00", completed_at=end),
            _control("TZ-9", started_at="2025-03-01T09:00:00", completed_at=end, remarks="x"),
        ],
    )
    report = ingest_file(tmp_path / "c.jsonl", kind="controls", session_factory=sqlite_store)
    assert (report.stored, report.quarantined) == (1, 1), report
    with sqlite_store() as session:
        assert known_by(session, ["TZ-9"]) == {"TZ-9": datetime(2025, 3, 1, 7, tzinfo=UTC)}


def test_a_result_stored_with_its_wall_clock_is_cut_at_the_time_it_names(
    sqlite_store: sessionmaker[Session], tmp_path: Path
) -> None:
    """Stores written before completed_at was stored in UTC hold 10:00 for 10:00+02:00 on
    SQLite; the payload keeps the time as written, and known_by reads that."""
    from sqlalchemy import update

    from clearlane.store.tables import ControlResultRow

    write_jsonl(tmp_path / "d.jsonl", [declaration("TZ-7")])
    ingest_file(tmp_path / "d.jsonl", session_factory=sqlite_store)
    write_jsonl(tmp_path / "c.jsonl", [_control("TZ-7", completed_at="2025-03-01T10:00:00+02:00")])
    ingest_file(tmp_path / "c.jsonl", kind="controls", session_factory=sqlite_store)
    with sqlite_store() as session, session.begin():  # as the earlier writer left it
        session.execute(update(ControlResultRow).values(completed_at=datetime(2025, 3, 1, 10)))
    with sqlite_store() as session:
        assert known_by(session, ["TZ-7"]) == {"TZ-7": datetime(2025, 3, 1, 8, tzinfo=UTC)}
