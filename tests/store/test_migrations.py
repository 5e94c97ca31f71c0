"""The migrations build exactly the schema the ORM declares, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from clearlane.store.session import get_engine, open_store
from clearlane.store.tables import Base


def test_migrated_schema_matches_the_tables(store_url: str) -> None:
    open_store(store_url)
    with get_engine(store_url).connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_0010_keeps_the_first_of_duplicate_assessments_and_the_history(store_url: str) -> None:
    """Rows stored before the unique index: a reassessment after a document stays (history),
    a later duplicate an officer decided on stays, other duplicates go; the first is kept."""
    from datetime import UTC, datetime

    from sqlalchemy import insert, select, table

    from clearlane.store.session import upgrade
    from clearlane.store.tables import AssessmentRow, AuditEntryRow, DecisionRow

    engine = get_engine(store_url)
    upgrade(engine, "0009")
    columns = ("id", "reference", "version", "assessed_at", "model_version", "score", "lane",
               "components", "reasons", "audit_seq")  # fmt: skip
    before_0010 = table(
        "assessments",
        *(AssessmentRow.__table__.c[name]._copy() for name in columns),  # type: ignore[attr-defined]
    )
    now = datetime.now(UTC)
    rows = [  # (id, reference, model_version, actor of its audit entry)
        (1, "A", "m1", "engine:m1"),
        (2, "A", "m1", "engine:m1"),  # duplicate: deleted
        (3, "A", "m1", "engine:document-arrived"),  # reassessment: history
        (4, "A", "m2", "engine:m2"),  # another engine: history
        (5, "A", "m1", "engine:m1"),  # duplicate, decided on: kept
        (6, "B", None, "engine:unregistered"),
        (7, "B", None, "engine:unregistered"),  # duplicate: deleted
    ]
    with engine.begin() as connection:
        for row_id, reference, model, actor in rows:
            connection.execute(
                insert(AuditEntryRow.__table__).values(
                    seq=100 + row_id, recorded_at=now.isoformat(), kind="assessment",
                    actor=actor, subject=f"declaration:{reference}", payload="{}",
                    prev_hash="x", hash=f"h{row_id}",
                )
            )  # fmt: skip
            connection.execute(
                insert(before_0010).values(
                    id=row_id, reference=reference, version=1, assessed_at=now,
                    model_version=model, score=0.1 * row_id, lane="green", components={},
                    reasons=[], audit_seq=100 + row_id,
                )
            )  # fmt: skip
        connection.execute(
            insert(DecisionRow.__table__).values(
                reference="A", version=1, assessment_id=5, action="accept", proposed_lane="green",
                lane="green", officer="o", decided_at=now, audit_seq=1,
            )
        )  # fmt: skip

    upgrade(engine)

    with engine.connect() as connection:
        kept = connection.execute(
            select(AssessmentRow.id, AssessmentRow.basis).order_by(AssessmentRow.id)
        ).all()
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert [tuple(r) for r in kept] == [
        (1, "declaration"),
        (3, "document:before-0010:3"),
        (4, "declaration"),
        (5, "duplicate:5"),
        (6, "declaration"),
    ]
    assert differences == []
