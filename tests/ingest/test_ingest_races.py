"""Two ingests of the same or overlapping data at once (threads released by a barrier), on
SQLite and PostgreSQL: the unique keys let one store each declaration (control result) once;
the other does not fail on the key but writes its chunk again, finding what was stored
meanwhile, so both end as if they had run one after the other, every batch's counts exactly
what it stored (received = stored + quarantined)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.ingest.pipeline import ingest_file
from clearlane.store.session import open_store
from clearlane.store.tables import ControlResultRow, DeclarationRow, IngestBatch, QuarantineRow
from tests.concurrency import together
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
