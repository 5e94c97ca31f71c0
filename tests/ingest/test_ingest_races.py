"""Two ingests of the same new declarations at once (threads released by a barrier), on
SQLite and PostgreSQL: the unique (reference, version) key lets one store each declaration
once, and every batch's counts are exactly what it stored (received = stored + quarantined)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from clearlane.ingest.pipeline import IngestReport, ingest_file
from clearlane.store.session import open_store
from clearlane.store.tables import DeclarationRow, IngestBatch, QuarantineRow
from tests.concurrency import together
from tests.factories import declaration, item, write_jsonl


@pytest.mark.parametrize("round_", range(3))
def test_two_ingests_of_the_same_new_declarations_store_each_once(
    tmp_path: Path, store_url: str, round_: int
) -> None:
    store = open_store(store_url)
    records = [declaration(f"RACE-{i:03d}") for i in range(12)]
    paths = [write_jsonl(tmp_path / f"{n}.jsonl", records) for n in "ab"]

    def ingest(i: int) -> IngestReport | BaseException:
        try:
            return ingest_file(paths[i], session_factory=store, batch_size=4, workers=0)
        except IntegrityError as error:
            return error

    outcomes = together(2, ingest)
    with store() as session:
        keys = session.execute(select(DeclarationRow.reference, DeclarationRow.version)).all()
        batches = session.scalars(select(IngestBatch).order_by(IngestBatch.id)).all()
        per_batch = dict(
            session.execute(
                select(DeclarationRow.batch_id, func.count()).group_by(DeclarationRow.batch_id)
            ).all()
        )
    assert sorted(keys) == [(f"RACE-{i:03d}", 1) for i in range(12)]
    for batch in batches:
        stored = batch.stored_new + batch.stored_amended + batch.stored_unchanged
        assert batch.received == stored + batch.quarantined, batch.message
        assert batch.stored_new + batch.stored_amended == per_batch.get(batch.id, 0)
    # Each ingest stored the file (new or unchanged) or failed on the key (an IntegrityError
    # on both stores: on PostgreSQL the rows go by COPY), its batch closed as failed.
    failed = sum(isinstance(outcome, IntegrityError) for outcome in outcomes)
    assert sorted(b.status for b in batches) == ["done"] * (2 - failed) + ["failed"] * failed


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
