"""ingest_records: declarations received in memory go through the same path as files."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from clearlane.ingest.pipeline import (
    ANALYZE_AFTER_RECORDS,
    ANALYZE_STATISTICS_TARGET,
    ingest_records,
)
from clearlane.store.session import open_store
from clearlane.store.tables import DeclarationRow, IngestBatch, QuarantineRow
from tests.factories import declaration, item


def test_records_are_stored_versioned_and_quarantined_in_input_order(
    sqlite_store: sessionmaker[Session],
) -> None:
    good = declaration("R-1")
    bad = declaration("R-2", items=[item(hs_code="12")], surprise="x")
    text = json.dumps(good, indent=2)
    report = ingest_records(
        [good, bad], source="api:tester", session_factory=sqlite_store, originals=[text, "{}"]
    )
    assert [o.status for o in report.outcomes] == ["new", "quarantined"]
    assert report.reconciles and report.new == 1 and report.quarantined == 1
    fields = {i["field"] for i in report.outcomes[1].issues}
    assert "surprise" in fields  # the unknown field is named
    with sqlite_store() as session:
        row = session.scalars(select(DeclarationRow)).one()
        assert row.original == text and row.original_format == "json"
        assert session.scalar(select(func.count()).select_from(QuarantineRow)) == 1
        batch = session.scalars(select(IngestBatch)).one()
        assert batch.source == "api:tester" and batch.status == "done" and batch.received == 2

    again = ingest_records([good], source="api:tester", session_factory=sqlite_store)
    assert [(o.status, o.version) for o in again.outcomes] == [("unchanged", 1)]
    changed = declaration("R-1", invoice_total=13000.0)
    amended = ingest_records([changed], source="api:tester", session_factory=sqlite_store)
    assert [(o.status, o.version) for o in amended.outcomes] == [("amended", 2)]
    assert [(o.status, o.version) for o in again.outcomes] == [("unchanged", 1)]


def test_a_reference_twice_in_one_request_is_quarantined_the_second_time(
    sqlite_store: sessionmaker[Session],
) -> None:
    report = ingest_records(
        [declaration("R-9"), declaration("R-9", invoice_total=1.0)],
        source="api:x",
        session_factory=sqlite_store,
    )
    assert [o.status for o in report.outcomes] == ["new", "quarantined"]
    assert "earlier in this request" in report.outcomes[1].issues[-1]["message"]


def _analyzed(factory: sessionmaker[Session]) -> bool:
    with factory() as session:
        query = "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'declarations'"
        return session.execute(text(query)).scalar() is not None


@pytest.mark.postgres
def test_a_large_ingests_statistics_are_a_small_sample_that_still_finds_the_index(
    postgres_url: str,
) -> None:
    """The ingest's ANALYZE samples 300 x ANALYZE_STATISTICS_TARGET rows (the default
    target's 30,000 read every page of declarations): its statistics are the small target's
    (at most target + 1 histogram bounds), the key still counts as all distinct, and the
    writer's version look-up of a chunk's references still goes through the unique index."""
    factory = open_store(postgres_url)
    with factory() as session:  # no autovacuum ANALYZE between the ingest and the checks
        session.execute(text("ALTER TABLE declarations SET (autovacuum_enabled = false)"))
        session.commit()
    many = [declaration(f"T-{i:05d}") for i in range(ANALYZE_AFTER_RECORDS)]
    ingest_records(many, source="api:bulk", session_factory=factory, batch_size=500)
    with factory() as session:
        bounds, distinct = session.execute(
            text(
                "SELECT array_length(histogram_bounds, 1), n_distinct FROM pg_stats"
                " WHERE tablename = 'declarations' AND attname = 'reference'"
            )
        ).one()
        assert bounds <= ANALYZE_STATISTICS_TARGET + 1
        assert distinct == -1
        for step, index in ((7, False), (200, True)):  # 143 of 1,000 rows, then 5
            wanted = [f"T-{i:05d}" for i in range(0, ANALYZE_AFTER_RECORDS, step)]
            plan = session.connection().exec_driver_sql(
                "EXPLAIN SELECT reference, version, content_sha256 FROM declarations "
                "WHERE reference = ANY(%s)",
                (wanted,),
            )
            shown = "\n".join(row[0] for row in plan)
            assert f" rows={len(wanted)} " in shown, shown  # the estimate the plan rests on
            assert ("uq_declarations_ref_version" in shown) is index, shown


@pytest.mark.postgres
def test_a_submission_is_one_transaction_and_only_large_ingests_refresh_statistics(
    postgres_url: str,
) -> None:
    """ANALYZE costs about a quarter of a second: a large ingest runs it (its planner needs
    the statistics), an API submission of a record or two must not."""
    factory = open_store(postgres_url)
    ingest_records([declaration("S-1")], source="api:tester", session_factory=factory)
    assert not _analyzed(factory)
    with factory() as session:
        batch = session.scalars(select(IngestBatch)).one()  # opened and closed at once
        assert (batch.status, batch.received, batch.stored_new) == ("done", 1, 1)
        assert batch.finished_at is not None
    with factory() as session:  # no autovacuum ANALYZE between the ingest and the checks
        session.execute(text("ALTER TABLE declarations SET (autovacuum_enabled = false)"))
        session.commit()
    many = [declaration(f"S-{i}") for i in range(2, 2 + ANALYZE_AFTER_RECORDS)]
    ingest_records(many, source="api:bulk", session_factory=factory, batch_size=500)
    assert _analyzed(factory)
    # Only the looked-up column's statistics: the long text columns cost the server more
    # than the look-ups gain (autovacuum analyses the rest later).
    with factory() as session:
        analysed = session.execute(
            text("SELECT attname FROM pg_stats WHERE tablename = 'declarations'")
        ).scalars()
        assert set(analysed) == {"reference"}
        size = "SELECT reltuples FROM pg_class WHERE relname = 'declarations'"
        assert session.execute(text(size)).scalar() == 1 + ANALYZE_AFTER_RECORDS
