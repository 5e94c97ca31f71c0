"""Two ingests of the same or overlapping data at once (threads released by a barrier), on
SQLite and PostgreSQL: the unique keys let one store each declaration (control result) once;
the other does not fail on the key but writes its chunk again, finding what was stored
meanwhile, so both end as if they had run one after the other, every batch's counts exactly
what it stored (received = stored + quarantined)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from clearlane.ingest import pipeline
from clearlane.ingest.pipeline import ingest_file
from clearlane.oversight.controls import (
    ControlForm,
    DuplicateControlResult,
    record_control_result,
)
from clearlane.store.session import open_store
from clearlane.store.tables import ControlResultRow, DeclarationRow, IngestBatch, QuarantineRow
from tests.concurrency import insert_declarations_in_halves, together
from tests.factories import control_result, declaration, item, write_jsonl


def _stored_as_if_one_after_the_other(store: sessionmaker[Session]) -> list[IngestBatch]:
    """Every batch done and reconciling (received = stored + quarantined), its new and
    amended counts exactly the rows it stored; the batches in id order."""
    with store() as session:
        batches = list(session.scalars(select(IngestBatch).order_by(IngestBatch.id)).all())
        per_batch = dict(
            session.execute(
                select(DeclarationRow.batch_id, func.count()).group_by(DeclarationRow.batch_id)
            ).all()
        )
    for batch in batches:
        assert batch.status == "done", batch.message
        stored = batch.stored_new + batch.stored_amended + batch.stored_unchanged
        assert batch.received == stored + batch.quarantined, batch.message
        assert batch.stored_new + batch.stored_amended == per_batch.get(batch.id, 0)
    return batches


@pytest.mark.parametrize("round_", range(3))
def test_two_ingests_of_the_same_new_declarations_store_each_once(
    tmp_path: Path, store_url: str, round_: int
) -> None:
    """Neither ingest fails on the unique (reference, version) key: the one that meets a
    declaration the other stored meanwhile writes its chunk again and finds it stored
    (unchanged), as if the two had run one after the other."""
    store = open_store(store_url)
    records = [declaration(f"RACE-{i:03d}") for i in range(12)]
    paths = [write_jsonl(tmp_path / f"{n}.jsonl", records) for n in "ab"]
    reports = together(
        2, lambda i: ingest_file(paths[i], session_factory=store, batch_size=4, workers=0)
    )
    with store() as session:
        keys = session.execute(select(DeclarationRow.reference, DeclarationRow.version)).all()
    assert sorted(keys) == [(f"RACE-{i:03d}", 1) for i in range(12)]
    batches = _stored_as_if_one_after_the_other(store)
    assert len(batches) == 2
    assert sum(b.stored_new for b in batches) == 12
    assert sum(b.stored_unchanged for b in batches) == 12
    assert all(r.reconciles and r.stored == 12 for r in reports)


@pytest.mark.parametrize("round_", range(3))
def test_two_ingests_of_overlapping_files_store_the_new_and_recognise_or_quarantine_the_rest(
    tmp_path: Path, store_url: str, round_: int
) -> None:
    """Two files sharing six references, two of them with other content at the same
    explicit version: each ingest stores what is new to it, finds the same content stored
    (unchanged) and quarantines a different content at a stored version with its reason
    (duplicate_reference), whichever wins the race; nothing is stored twice."""
    store = open_store(store_url)
    first = [declaration(f"OVR-{i:03d}", version=1) for i in range(12)]
    second = [declaration(f"OVR-{i:03d}", version=1) for i in range(6, 18)]
    for record in second[:2]:  # OVR-006, OVR-007: the same version, other content
        record["declarant"] = {**record["declarant"], "name": "Broker Two"}
    paths = [write_jsonl(tmp_path / "a.jsonl", first), write_jsonl(tmp_path / "b.jsonl", second)]
    reports = together(
        2, lambda i: ingest_file(paths[i], session_factory=store, batch_size=4, workers=0)
    )
    with store() as session:
        keys = session.execute(select(DeclarationRow.reference, DeclarationRow.version)).all()
        reasons = session.scalars(select(QuarantineRow.reason_codes)).all()
    assert sorted(keys) == [(f"OVR-{i:03d}", 1) for i in range(18)]
    batches = _stored_as_if_one_after_the_other(store)
    assert sum(b.stored_new for b in batches) == 18
    assert sum(b.stored_unchanged for b in batches) == 4  # OVR-008..011, by the later one
    assert sum(b.quarantined for b in batches) == 2  # OVR-006, 007 (other content), by it
    assert reasons == ["duplicate_reference"] * 2
    assert all(r.reconciles for r in reports)


@pytest.mark.parametrize("round_", range(3))
def test_two_ingests_of_the_same_control_results_store_each_once(
    tmp_path: Path, store_url: str, round_: int
) -> None:
    store = open_store(store_url)
    ingest_file(
        write_jsonl(tmp_path / "d.jsonl", [declaration(f"CTL-{i:03d}") for i in range(12)]),
        session_factory=store,
        workers=0,
    )
    controls = [control_result(f"CTL-{i:03d}") for i in range(12)]
    paths = [write_jsonl(tmp_path / f"c{n}.jsonl", controls) for n in "ab"]
    reports = together(
        2,
        lambda i: ingest_file(
            paths[i], kind="controls", session_factory=store, batch_size=4, workers=0
        ),
    )
    with store() as session:
        stored = session.scalar(select(func.count()).select_from(ControlResultRow))
        statuses = session.scalars(select(IngestBatch.status)).all()
    assert stored == 12
    assert statuses == ["done"] * 3
    assert sum(r.controls_stored for r in reports) == 12
    assert all(r.reconciles for r in reports)


@pytest.mark.parametrize("round_", range(3))
def test_two_ingests_of_the_same_bad_records_quarantine_each_once(
    tmp_path: Path, store_url: str, round_: int
) -> None:
    """A record already in quarantine (by its location and text) is not quarantined again by
    a later ingest of its file; nor by one running at the same time."""
    store = open_store(store_url)
    records = [declaration(f"BAD-{i:03d}", items=[item(hs_code="12")]) for i in range(8)]
    path = write_jsonl(tmp_path / "bad.jsonl", records)
    reports = together(
        2, lambda i: ingest_file(path, session_factory=store, batch_size=4, workers=0)
    )
    assert [r.quarantined for r in reports] == [8, 8]
    with store() as session:
        hashes = session.scalars(select(QuarantineRow.raw_sha256)).all()
    assert len(hashes) == len(set(hashes)) == 8


@pytest.mark.postgres
def test_a_retried_chunk_does_not_lose_again_to_writers_of_small_chunks(
    tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chunk of twelve declarations against another writer that commits one of its keys
    after each of its look-ups (a file ingested in chunks of one beside a file ingested in
    chunks of thousands, PostgreSQL): the retry locks the keys' tables, so the other writer
    waits and the retry stores the chunk; before, the retry's advisory lock held no writer
    of a first attempt back and the chunk lost nine times and its ingest failed."""
    store = open_store(postgres_url)
    # The other writer (an engine of its own) gives up an insert blocked for a second.
    other = open_store(f"{postgres_url}?options=-c%20lock_timeout%3D1000")

    records = [declaration(f"BIG-{i:03d}") for i in range(12)]
    path = write_jsonl(tmp_path / "big.jsonl", records)
    loser = threading.get_ident()
    taken: list[str] = []
    blocked: list[BaseException] = []
    original = pipeline._Writer._existing_versions

    def look_up_then_lose_one(self: Any, references: list[str]) -> Any:
        existing = original(self, references)
        free = [r for r in references if r not in existing and r not in taken]
        if threading.get_ident() == loser and free:  # the other writer stores one more key
            one = write_jsonl(tmp_path / f"{free[0]}.jsonl", [declaration(free[0])])

            def store_one() -> None:
                try:
                    ingest_file(one, session_factory=other, workers=0)
                    taken.append(free[0])
                except DBAPIError as error:  # waited for the retry's lock
                    blocked.append(error)

            helper = threading.Thread(target=store_one)
            helper.start()
            helper.join()
        return existing

    monkeypatch.setattr(pipeline._Writer, "_existing_versions", look_up_then_lose_one)
    report = ingest_file(path, session_factory=store, batch_size=100, workers=0)
    assert report.reconciles
    assert (report.new, report.unchanged) == (12 - len(taken), len(taken))
    assert blocked  # the retry held the other writer back
    with store() as session:
        keys = session.execute(select(DeclarationRow.reference, DeclarationRow.version)).all()
    assert sorted(keys) == [(f"BIG-{i:03d}", 1) for i in range(12)]


def test_an_integrity_error_that_is_no_lost_key_is_not_written_again(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chunk that fails on a constraint other than the keys another ingest can take (here
    the audit trail's sequence number, its head row set back) fails once: it is no race, and
    writing it again cannot help; before, it was written nine times, each logged as a key lost
    to another writer."""
    store = open_store(store_url)
    ingest_file(
        write_jsonl(tmp_path / "d.jsonl", [declaration(f"AUD-{i}") for i in range(3)]),
        session_factory=store,
        workers=0,
    )
    ingest_file(
        write_jsonl(tmp_path / "c1.jsonl", [control_result("AUD-0")]),
        kind="controls",
        session_factory=store,
        workers=0,
    )
    with store() as session:
        session.execute(text("UPDATE audit_head SET seq = seq - 1"))
        session.commit()
    attempts = []
    original = pipeline._Writer._write_controls

    def counted(self: Any, *args: Any) -> None:
        attempts.append(args)
        original(self, *args)

    monkeypatch.setattr(pipeline._Writer, "_write_controls", counted)
    with pytest.raises(IntegrityError):
        ingest_file(
            write_jsonl(tmp_path / "c2.jsonl", [control_result("AUD-1")]),
            kind="controls",
            session_factory=store,
            workers=0,
        )
    assert len(attempts) == 1


@pytest.mark.postgres
def test_an_officer_storing_the_result_an_ingest_is_storing_gets_409_not_a_deadlock(
    tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An officer records a control result while a file ingest holds the same result
    inserted, not yet committed (PostgreSQL). The ingest inserts, then bumps the audit head;
    the officer's request used to bump the head, then insert: it held the head waiting for
    the ingest's row while the ingest waited for the head, a deadlock that PostgreSQL broke by
    failing one of them. The request now inserts before it appends, waits for the ingest's
    commit and answers "already stored" (409); the ingest stores the result."""
    store = open_store(postgres_url)
    ingest_file(
        write_jsonl(tmp_path / "d.jsonl", [declaration("DL-0")]), session_factory=store, workers=0
    )
    form = ControlForm(
        control_type="documentary",
        outcome="compliant",
        selection_reason="random",
        completed_at=datetime(2025, 3, 20, tzinfo=UTC),
    )
    with store() as session:  # the file's record: the request's result, field for field
        payload = dict(
            record_control_result(session, reference="DL-0", form=form, officer="al").row.payload
        )
        session.rollback()
    outcome: list[object] = []

    def officer() -> None:
        with store() as session:
            try:
                record_control_result(session, reference="DL-0", form=form, officer="al")
                session.commit()
                outcome.append("stored")
            except DuplicateControlResult:
                outcome.append("duplicate")
            except DBAPIError as error:
                outcome.append(error)

    original = pipeline.append_many
    request = threading.Thread(target=officer)

    def append_after_the_request_waits(session: Any, events: Any) -> Any:
        if not request.is_alive() and not outcome:  # the ingest's row inserted, not committed
            request.start()
            with store() as watcher:  # until the request waits on a lock
                for _ in range(600):
                    if watcher.scalar(text("SELECT count(*) FROM pg_locks WHERE NOT granted")):
                        break
                    time.sleep(0.05)
        return original(session, events)

    monkeypatch.setattr(pipeline, "append_many", append_after_the_request_waits)
    report = ingest_file(
        write_jsonl(tmp_path / "c.jsonl", [payload]),
        kind="controls",
        session_factory=store,
        workers=0,
    )
    request.join()
    assert report.controls_stored == 1
    assert outcome == ["duplicate"]


def test_a_retried_chunk_refuses_a_version_once(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chunk that quarantines a declaration for its version (other content at a stored
    version) and loses a key to another writer: the failed attempt's refusal is taken back
    with it, so the retry quarantines the declaration with one reason, not the same one twice
    (the writer hands the refused positions back; the exception carries nothing)."""
    store = open_store(store_url)
    ingest_file(
        write_jsonl(tmp_path / "first.jsonl", [declaration("ONCE-1", version=1)]),
        session_factory=store,
        workers=0,
    )
    other = declaration("ONCE-1", version=1)
    other["declarant"] = {**other["declarant"], "name": "Broker Two"}
    lost = declaration("ONCE-2")
    path = write_jsonl(tmp_path / "chunk.jsonl", [other, lost])
    original = pipeline._Writer._existing_versions
    looked: list[int] = []

    def look_up_then_lose_one(self: Any, references: list[str]) -> Any:
        existing = original(self, references)
        if not looked:  # the first attempt's look-up: another writer stores ONCE-2
            looked.append(1)
            one = write_jsonl(tmp_path / "other.jsonl", [lost])
            helper = threading.Thread(
                target=lambda: ingest_file(one, session_factory=open_store(store_url), workers=0)
            )
            helper.start()
            helper.join()
        return existing

    monkeypatch.setattr(pipeline._Writer, "_existing_versions", look_up_then_lose_one)
    report = ingest_file(path, session_factory=store, batch_size=10, workers=0)
    assert report.reconciles and (report.unchanged, report.quarantined) == (1, 1)
    with store() as session:
        reasons = session.scalars(select(QuarantineRow.reasons)).all()
    assert len(reasons) == 1 and len(reasons[0]) == 1, reasons
    assert reasons[0][0]["reason"] == "duplicate_reference"


def test_two_ingests_of_the_same_declarations_in_opposite_order_both_end(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two files of the same 40 declarations, the second reversed, ingested at once (one
    chunk each). On PostgreSQL each ingest is held after it has read that none is stored and
    again halfway through its insert, until the other has inserted its half too or waits on a
    row lock: inserted in file order, the first file held the first 20 references and waited
    for the last 20, which the reversed file held while it waited for the first 20, and
    PostgreSQL failed one ingest with "deadlock detected". Both must end: each declaration
    stored once, each batch reconciling (received = stored + quarantined): the chunk
    PostgreSQL fails to break the deadlock is written again after the other's commit and
    finds its declarations stored (unchanged)."""
    store = open_store(store_url)
    records = [declaration(f"OPP-{i:03d}") for i in range(40)]
    paths = [
        write_jsonl(tmp_path / "a.jsonl", records),
        write_jsonl(tmp_path / "b.jsonl", records[::-1]),
    ]
    if store_url.startswith("postgresql"):
        read = threading.Barrier(2)
        held: set[int] = set()
        real_read = pipeline._Writer._existing_versions

        def read_together(self: Any, references: list[str]) -> Any:
            found = real_read(self, references)
            if threading.get_ident() not in held:  # the first attempt: both read "none"
                held.add(threading.get_ident())
                read.wait()
            return found

        monkeypatch.setattr(pipeline._Writer, "_existing_versions", read_together)
        insert_declarations_in_halves(monkeypatch, store)
    reports = together(
        2, lambda i: ingest_file(paths[i], session_factory=store, batch_size=40, workers=0)
    )
    with store() as session:
        keys = session.execute(select(DeclarationRow.reference, DeclarationRow.version)).all()
    assert sorted(keys) == [(f"OPP-{i:03d}", 1) for i in range(40)]
    batches = _stored_as_if_one_after_the_other(store)
    assert len(batches) == 2
    assert sum(b.stored_new for b in batches) == 40
    assert sum(b.stored_unchanged for b in batches) == 40
    assert all(r.reconciles and r.received == 40 and r.stored == 40 for r in reports)


def test_a_deadlock_after_a_chunk_committed_does_not_write_the_chunk_again(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The retry of a chunk that lost a key or a lock (``_Writer._retrying``) wraps its
    commit and what follows it (the planner statistics' ANALYZE on PostgreSQL). A deadlock
    PostgreSQL reports there (SQLSTATE 40P01, simulated: ANALYZE takes table locks) came
    after the chunk was committed: retried, the chunk was written again and counted twice
    (the batch received 2 x its records, half of them 'unchanged' against itself). A
    committed chunk is never written again: the error is raised, the chunk counted once."""

    class Deadlock(Exception):
        sqlstate = "40P01"

    calls: list[int] = []

    def analyze_deadlocks(self: Any) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise DBAPIError("ANALYZE declarations (reference)", {}, Deadlock("deadlock"))

    monkeypatch.setattr(pipeline, "ANALYZE_AFTER_RECORDS", 1)
    monkeypatch.setattr(pipeline._Writer, "_refresh_statistics", analyze_deadlocks)
    store = open_store(store_url)
    path = write_jsonl(tmp_path / "d.jsonl", [declaration(f"ONCE-{i}") for i in range(5)])
    with pytest.raises(DBAPIError):
        ingest_file(path, session_factory=store, batch_size=5, workers=0)
    with store() as session:
        batch = session.scalars(select(IngestBatch)).one()
        stored = session.scalar(select(func.count()).select_from(DeclarationRow))
    assert stored == 5
    assert (batch.received, batch.stored_new, batch.stored_unchanged) == (5, 5, 0)


def test_a_chunk_failed_by_a_deadlock_refuses_a_version_once_and_reconciles(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As :func:`test_a_retried_chunk_refuses_a_version_once`, the attempt failed by a
    deadlock (SQLSTATE 40P01, simulated in its quarantine write, after the refusal was
    noted): written again, the declaration is quarantined with one reason and the batch
    reconciles. Any other error of the driver there is raised, not retried."""

    class Deadlock(Exception):
        sqlstate = "40P01"

    store = open_store(store_url)
    ingest_file(
        write_jsonl(tmp_path / "first.jsonl", [declaration("DL-1", version=1)]),
        session_factory=store,
        workers=0,
    )
    other = declaration("DL-1", version=1)
    other["declarant"] = {**other["declarant"], "name": "Broker Two"}
    path = write_jsonl(tmp_path / "chunk.jsonl", [other, declaration("DL-2")])
    original = pipeline._Writer.quarantine
    failed: list[int] = []

    def deadlock_once(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not failed:
            failed.append(1)
            raise DBAPIError("INSERT INTO quarantine", {}, Deadlock("deadlock detected"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pipeline._Writer, "quarantine", deadlock_once)
    report = ingest_file(path, session_factory=store, batch_size=10, workers=0)
    assert failed and report.reconciles
    assert (report.received, report.new, report.quarantined) == (2, 1, 1)
    with store() as session:
        reasons = session.scalars(select(QuarantineRow.reasons)).all()
    assert len(reasons) == 1 and len(reasons[0]) == 1, reasons
    assert reasons[0][0]["reason"] == "duplicate_reference"

    class Serialization(Exception):
        sqlstate = "40001"

    def serialization_failure(self: Any, *args: Any, **kwargs: Any) -> Any:
        raise DBAPIError("INSERT INTO quarantine", {}, Serialization("could not serialize"))

    monkeypatch.setattr(pipeline._Writer, "quarantine", serialization_failure)
    again = write_jsonl(tmp_path / "again.jsonl", [other, declaration("DL-3")])
    with pytest.raises(DBAPIError):
        ingest_file(again, session_factory=store, batch_size=10, workers=0)
