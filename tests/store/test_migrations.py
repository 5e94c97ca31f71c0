"""The migrations build exactly the schema the ORM declares, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from clearlane.store.session import get_engine, open_store
from clearlane.store.tables import Base

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy import Engine


def _head() -> str:
    """The newest migration: a test of 0015 upgrades through it to whatever follows (0016
    hs_rankings came in the same session and the tests that named 0015 as the end failed)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "clearlane.store:migrations")
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None and head >= "0015"
    return head


# SQLite cannot reflect the expression index uq_assessments_once (coalesce(profile_version,
# '')): alembic skips it there with a warning; PostgreSQL compares it, and
# tests/store/test_assessment_indexes.py reads its SQL on SQLite.
SKIPS_EXPRESSION_INDEX = pytest.mark.filterwarnings(
    "ignore:.*expression-based index:UserWarning", "ignore:.*expression-based index"
)


@SKIPS_EXPRESSION_INDEX
def test_migrated_schema_matches_the_tables(store_url: str) -> None:
    open_store(store_url)
    with get_engine(store_url).connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


@SKIPS_EXPRESSION_INDEX
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


@SKIPS_EXPRESSION_INDEX
def test_0012_puts_the_profiles_in_the_key_and_keeps_the_rows(store_url: str) -> None:
    """Rows stored under 0010's key stay as they were; after 0012 the same engine with other
    profiles stores a new row, the same profiles (or none, twice) are refused by the index."""
    from datetime import UTC, datetime

    import sqlalchemy as sa
    from sqlalchemy import insert, inspect, select

    from clearlane.store.session import upgrade
    from clearlane.store.tables import AssessmentRow

    engine = get_engine(store_url)
    upgrade(engine, "0011")
    now = datetime.now(UTC)
    table = AssessmentRow.__table__

    def row(row_id: int, reference: str, profiles: str | None) -> dict[str, object]:
        return {
            "id": row_id, "reference": reference, "version": 1, "assessed_at": now,
            "model_version": "m1", "basis": "declaration", "profile_version": profiles,
            "score": 0.1, "lane": "green", "components": {}, "reasons": [], "audit_seq": row_id,
        }  # fmt: skip

    before = [row(1, "A", "p1"), row(2, "B", None), row(3, "C", "p1")]
    with engine.begin() as connection:
        connection.execute(insert(table), before)
        with pytest.raises(sa.exc.IntegrityError):  # 0010's key: profiles do not count
            with connection.begin_nested():
                connection.execute(insert(table), [row(4, "A", "p2")])

    upgrade(engine)

    with engine.connect() as connection:
        kept = connection.execute(
            select(table.c.id, table.c.reference, table.c.profile_version).order_by(table.c.id)
        ).all()
        indexes = {i["name"] for i in inspect(connection).get_indexes("assessments")}
    assert [tuple(r) for r in kept] == [(1, "A", "p1"), (2, "B", None), (3, "C", "p1")]
    assert "ix_assessments_declaration" not in indexes
    with engine.begin() as connection:
        connection.execute(insert(table), [row(4, "A", "p2")])  # new profiles: history
        for again in (row(5, "A", "p2"), row(6, "B", None)):
            with pytest.raises(sa.exc.IntegrityError), connection.begin_nested():
                connection.execute(insert(table), [again])


def test_0013_keeps_the_declarations_text_and_compresses_new_values_with_lz4(
    store_url: str,
) -> None:
    """Declarations stored before 0013 read back unchanged after it; on PostgreSQL they keep
    pglz and values stored after it use LZ4 (SQLite: the schema step does nothing)."""
    from sqlalchemy import select, text
    from sqlalchemy.orm import sessionmaker

    from clearlane.ingest.pipeline import ingest_records
    from clearlane.store.session import upgrade
    from clearlane.store.tables import DeclarationRow
    from tests.factories import declaration, item

    engine = get_engine(store_url)
    upgrade(engine, "0012")
    factory = sessionmaker(engine, expire_on_commit=False)
    # 30 items: the normalised JSON and the original text both pass the 2 kB TOAST threshold
    items = [item(seq=i + 1, description=f"ITEM {i} " * 20) for i in range(30)]
    ingest_records([declaration("OLD-1", items=items)], source="api:t", session_factory=factory)
    columns = select(DeclarationRow.reference, DeclarationRow.normalised, DeclarationRow.original)
    with engine.connect() as connection:
        before = connection.execute(columns).all()

    upgrade(engine)
    ingest_records([declaration("NEW-1", items=items)], source="api:t", session_factory=factory)

    with engine.connect() as connection:
        assert connection.execute(columns.where(DeclarationRow.reference == "OLD-1")).all() == (
            before
        )
        assert len(before[0].original) > 2048
        if engine.dialect.name == "postgresql":
            used = dict(
                connection.execute(
                    text(
                        "SELECT reference, pg_column_compression(normalised) || ' ' || "
                        "pg_column_compression(original) FROM declarations"
                    )
                ).all()
            )
            assert used == {"OLD-1": "pglz pglz", "NEW-1": "lz4 lz4"}


def test_0014_rewrites_completed_at_as_the_utc_instant_its_payload_names(store_url: str) -> None:
    """Before the UTC fix SQLite kept a control result's wall clock without its offset (10:00
    for 10:00+02:00) and PostgreSQL read a time without an offset in the server's zone (09:00
    UTC for 10:00 in Amsterdam). known_by reads the payload and coped; the fairness labels,
    which pick a declaration's latest result by the column, did not. 0014 sets the column from
    the payload; run again, it changes nothing."""
    from datetime import UTC, datetime

    from alembic import command
    from sqlalchemy import insert, select
    from sqlalchemy.orm import Session

    from clearlane.fairness.store import _labels
    from clearlane.store.session import alembic_config, current_revision, upgrade
    from clearlane.store.tables import ControlResultRow

    engine = get_engine(store_url)
    upgrade(engine, "0013")

    def at(hour: int) -> datetime:
        return datetime(2025, 3, 1, hour, tzinfo=UTC)

    def row(row_id: int, reason: str, written: str | None, stored: datetime | None) -> dict:
        payload = {"declaration_reference": "OLD-1", "selection_reason": reason}
        if written is not None:
            payload["completed_at"] = written
        return {
            "id": row_id, "declaration_reference": "OLD-1", "control_type": "documentary",
            "selection_reason": reason, "outcome": "compliant", "severity": "none",
            "irregularities": [], "extra_duty": 0.0, "completed_at": stored,
            "content_sha256": f"{row_id:064d}", "payload": payload, "recorded_at": at(12),
        }  # fmt: skip

    rows = [  # (its payload's time, the column as the earlier writer left it)
        row(1, "risk", "2025-03-01T10:00:00+02:00", at(10)),  # 08:00 UTC, kept as 10:00
        row(2, "random", "2025-03-01T10:00:00", at(9)),  # 10:00 UTC, kept as 09:00
        row(3, "officer", None, None),  # not completed: stays so
        row(4, "mandatory", "2025-03-01T07:00:00Z", at(7)),  # right already
    ]
    with engine.begin() as connection:
        connection.execute(insert(ControlResultRow.__table__), rows)
    with Session(engine) as session:  # the latest result by the column: the wrong one
        assert _labels(session)["selection_reason"].tolist() == ["risk"]

    expected = {1: at(8), 2: at(10), 3: None, 4: at(7)}
    column = select(ControlResultRow.id, ControlResultRow.completed_at).order_by(
        ControlResultRow.id
    )

    def stored() -> dict[int, datetime | None]:
        with engine.connect() as connection:
            return {
                row_id: None if when is None else when.replace(tzinfo=when.tzinfo or UTC)
                for row_id, when in connection.execute(column)
            }

    upgrade(engine, "0014")
    assert current_revision(engine) == "0014"
    assert stored() == expected
    with Session(engine) as session:  # label_of's choice: 10:00 UTC is the latest
        assert _labels(session)["selection_reason"].tolist() == ["random"]
    command.downgrade(alembic_config(engine), "0013")
    upgrade(engine, "0014")
    assert stored() == expected


@SKIPS_EXPRESSION_INDEX
def test_0015_relinks_a_forked_decision_history_keeps_every_row_and_reports_it(
    store_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Before the unique index two changes at once could both supersede one decision. 0015
    keeps every row and the decision in force, re-links the later of the two to the decision
    stored just before it, says so, and from then on the store refuses a second successor."""
    import logging
    from datetime import UTC, datetime

    import sqlalchemy as sa
    from sqlalchemy import insert, select

    from clearlane.store.session import current_revision, upgrade
    from clearlane.store.tables import AssessmentRow, DecisionRow

    engine = get_engine(store_url)
    upgrade(engine, "0014")
    now = datetime.now(UTC)
    with engine.begin() as connection:
        for ref in ("A", "B"):
            connection.execute(
                insert(AssessmentRow.__table__).values(
                    id=1 if ref == "A" else 2, reference=ref, version=1, assessed_at=now,
                    model_version="m1", score=0.5, lane="green", components={},
                    reasons=[], audit_seq=1,
                )
            )  # fmt: skip
        links = [  # (id, reference, supersedes_id)
            (1, "A", None),
            (2, "A", 1),
            (3, "B", None),
            (4, "A", 1),  # the fork: 2 and 4 both supersede 1
            (5, "A", 4),  # changed the later of the two, in force
            (6, "B", 3),  # another declaration: a line, untouched
        ]
        for row_id, ref, supersedes in links:
            connection.execute(
                insert(DecisionRow.__table__).values(
                    id=row_id, reference=ref, version=1, assessment_id=1 if ref == "A" else 2,
                    action="override", proposed_lane="green", lane="yellow", officer="o",
                    decided_at=now, supersedes_id=supersedes, audit_seq=row_id,
                )
            )  # fmt: skip

    with caplog.at_level(logging.WARNING):
        upgrade(engine)  # 0015, then what follows (0016 hs_rankings, 0017 first decisions)
    assert current_revision(engine) == _head()
    with engine.connect() as connection:
        stored = connection.execute(
            select(DecisionRow.id, DecisionRow.supersedes_id).order_by(DecisionRow.id)
        ).all()
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert [tuple(r) for r in stored] == [(1, None), (2, 1), (3, None), (4, 2), (5, 4), (6, 3)]
    reported = [r.getMessage() for r in caplog.records if "0015" in r.getMessage()]
    assert reported == [
        "0015: decision 4 of A version 1 superseded decision 1, which another change "
        "superseded too; it now supersedes decision 2, the one stored just before it"
    ]
    assert differences == []
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
        connection.execute(
            insert(DecisionRow.__table__).values(
                reference="A", version=1, assessment_id=1, action="accept",
                proposed_lane="green", lane="green", officer="o", decided_at=now,
                supersedes_id=4, audit_seq=9,
            )
        )  # fmt: skip


def _store_decisions(
    engine: Engine,
    decisions: list[tuple[int, str, int, int | None]],
    *,
    now: datetime,
    action: str,
    lane: str,
) -> None:
    """``decisions`` (id, reference, version, supersedes_id) written as rows, each version
    with an assessment of its own, straight into the tables (as an older release left them)."""
    from sqlalchemy import insert

    from clearlane.store.tables import AssessmentRow, DecisionRow

    versions = sorted({(ref, version) for _, ref, version, _ in decisions})
    with engine.begin() as connection:
        for i, (ref, version) in enumerate(versions, start=1):
            connection.execute(
                insert(AssessmentRow.__table__).values(
                    id=i, reference=ref, version=version, assessed_at=now, model_version="m1",
                    score=0.5, lane="green", components={}, reasons=[], audit_seq=i,
                )
            )  # fmt: skip
        assessment = {key: i for i, key in enumerate(versions, start=1)}
        for row_id, ref, version, supersedes in decisions:
            connection.execute(
                insert(DecisionRow.__table__).values(
                    id=row_id, reference=ref, version=version,
                    assessment_id=assessment[ref, version], action=action,
                    proposed_lane="green", lane=lane, officer="o", decided_at=now,
                    supersedes_id=supersedes, audit_seq=100 + row_id,
                )
            )  # fmt: skip


def _forked_store(store_url: str) -> tuple[object, dict[tuple[str, int], int]]:
    """A store at 0014 holding forked decision histories as lock-skipping writers leave them:
    a three-way fork, forks in two versions of one declaration, a fork whose branch was
    changed again, two first decisions in one version, plain lines and many first decisions
    (NULL supersedes_id); ids of declarations interleaved. Returns the engine and the decision
    in force (newest id) of each declaration version before 0015."""
    from datetime import UTC, datetime

    from clearlane.store.session import upgrade

    engine = get_engine(store_url)
    upgrade(engine, "0014")
    now = datetime.now(UTC)
    decisions = [  # (id, reference, version, supersedes_id)
        (1, "A", 1, None),
        (2, "B", 1, None),
        (3, "A", 1, 1),
        (4, "A", 1, 1),  # fork: 3 and 4 change 1
        (5, "A", 1, 1),  # three-way
        (6, "A", 2, None),
        (7, "B", 1, 2),  # B: a plain line 2 - 7 - 9
        (8, "A", 2, 6),
        (9, "B", 1, 7),
        (10, "A", 2, 6),  # fork in version 2 as well
        (11, "A", 1, 4),  # the middle branch changed again
        (12, "C", 1, None),
        (13, "C", 1, None),  # two first decisions in one version
        (14, "C", 1, 12),
        (15, "C", 1, 12),  # and a fork of the first
        (16, "A", 2, 10),
        (17, "D", 1, None),
        (18, "E", 1, None),
    ]
    _store_decisions(engine, decisions, now=now, action="override", lane="yellow")
    in_force: dict[tuple[str, int], int] = {}
    for row_id, ref, version, _ in decisions:
        in_force[ref, version] = max(row_id, in_force.get((ref, version), 0))
    return engine, in_force


def _decisions(engine: object) -> dict[int, tuple[str, int, int | None]]:
    from sqlalchemy import select

    from clearlane.store.tables import DecisionRow

    with engine.connect() as connection:  # type: ignore[attr-defined]
        return {
            int(i): (str(ref), int(version), None if s is None else int(s))
            for i, ref, version, s in connection.execute(
                select(
                    DecisionRow.id,
                    DecisionRow.reference,
                    DecisionRow.version,
                    DecisionRow.supersedes_id,
                )
            )
        }


@SKIPS_EXPRESSION_INDEX
def test_0015_on_forks_of_every_shape_keeps_each_decision_in_force_and_a_line(
    store_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Every declaration version's decision in force (what the API, the queue and decide()
    read: the newest) is the one it was; every row kept; each forked version reads as one
    line in id order; versions without a fork untouched; many NULLs stay allowed; a second
    upgrade after a downgrade changes nothing and reports nothing."""
    import logging
    from collections import Counter
    from datetime import UTC, datetime

    from alembic import command
    from sqlalchemy.orm import Session

    from clearlane.oversight import current_decision
    from clearlane.store.session import alembic_config, current_revision, upgrade

    engine, in_force = _forked_store(store_url)
    before = _decisions(engine)
    with caplog.at_level(logging.WARNING):  # to 0016: 0017 re-links C's second first decision
        upgrade(engine, "0016")
    assert current_revision(engine) == "0016"
    after = _decisions(engine)
    assert after.keys() == before.keys()
    with Session(engine) as session:
        for (ref, version), newest in in_force.items():
            found = current_decision(session, reference=ref, version=version)
            assert found is not None and found.id == newest
    successors = [s for _, _, s in after.values() if s is not None]
    assert len(successors) == len(set(successors))
    forked = {("A", 1), ("A", 2), ("C", 1)}
    for key in forked:  # one line in id order (a first decision keeps no predecessor)
        ids = sorted(i for i, (r, v, _) in after.items() if (r, v) == key)
        assert all(after[i][2] in (None, prev) for prev, i in zip(ids, ids[1:], strict=False))
        assert all(after[i][2] is not None for i in ids if before[i][2] is not None)
    untouched = {i: row for i, row in before.items() if row[:2] not in forked}
    assert {i: after[i] for i in untouched} == untouched
    changed = {i for i in before if before[i] != after[i]}
    reported = [r.getMessage() for r in caplog.records if r.getMessage().startswith("0015:")]
    assert sorted(int(m.split()[2]) for m in reported) == sorted(changed)
    # each message is true of its row: "which another change superseded too" only where the
    # decision it named had two successors or more (11 changed the branch 4, which only it did)
    shared = Counter(s for _, _, s in before.values() if s is not None)
    for message in reported:
        named = int(message.split()[9].rstrip(",;"))
        assert ("which another change superseded too" in message) == (shared[named] > 1), message

    command.downgrade(alembic_config(engine), "0014")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        upgrade(engine, "0016")
    assert _decisions(engine) == after
    assert not [r for r in caplog.records if r.getMessage().startswith("0015:")]
    upgrade(engine)
    with Session(engine) as session, session.begin():  # more first decisions: NULLs allowed
        from clearlane.store.tables import DecisionRow

        for row_id, ref in ((101, "F"), (102, "G")):  # ids given: the rows above gave theirs
            session.add(
                DecisionRow(
                    id=row_id, reference=ref, version=1, assessment_id=1, action="accept",
                    proposed_lane="green", lane="green", officer="o",
                    decided_at=datetime.now(UTC), supersedes_id=None, audit_seq=1,
                )
            )  # fmt: skip


@SKIPS_EXPRESSION_INDEX
def test_0015_failing_halfway_leaves_the_store_as_it_was(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The re-link and the index are one transaction: a migration that fails after the
    updates (here: at the index) leaves the rows and the revision as they were, and the next
    upgrade does the whole of it."""
    from alembic.operations import Operations

    from clearlane.store.session import current_revision, upgrade

    engine, _ = _forked_store(store_url)
    before = _decisions(engine)
    with monkeypatch.context() as patch:

        def fail(*args: object, **kwargs: object) -> None:
            raise RuntimeError("killed")

        patch.setattr(Operations, "create_index", fail)
        with pytest.raises(RuntimeError, match="killed"):
            upgrade(engine)
    assert current_revision(engine) == "0014"
    assert _decisions(engine) == before
    upgrade(engine)
    assert current_revision(engine) == _head()
    assert _decisions(engine) != before


@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_0015_clearlane_db_upgrade_shows_each_relinked_decision(tmp_path: object) -> None:
    """`clearlane db upgrade` (and `clearlane serve`, which migrates the same way) tells the
    operator which decisions 0015 re-linked. Logged on the alembic logger they were dropped:
    alembic gives its loggers a NullHandler, so nothing reached the terminal."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    url = f"sqlite:///{Path(str(tmp_path)) / 'old.db'}"
    engine, _ = _forked_store(url)
    changed_before = _decisions(engine)
    engine.dispose()  # type: ignore[attr-defined]
    env = {**os.environ, "CLEARLANE_DATABASE_URL": url}
    out = subprocess.run(
        [sys.executable, "-m", "clearlane", "db", "upgrade"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    after = _decisions(get_engine(url))
    relinked = sorted(i for i in after if after[i] != changed_before[i])
    shown = [  # 0017 re-links C's second first decision (13), 0015 the forks
        line for line in out.stderr.splitlines() if line.startswith(("0015: decision", "0017: "))
    ]
    assert relinked and sorted({int(line.split()[2]) for line in shown}) == relinked, out.stderr


UPGRADER = """
import os, sys, time
from clearlane.store.session import get_engine, upgrade
engine = get_engine(sys.argv[1])
engine.connect().close()
print("ready", flush=True)
while not os.path.exists(sys.argv[2]):  # released together
    time.sleep(0.001)
try:
    upgrade(engine)
    print("ok")
except Exception as exc:
    print(type(exc).__name__, str(exc).splitlines()[0])
"""


@SKIPS_EXPRESSION_INDEX
def test_two_processes_migrating_one_store_at_once_both_succeed(
    store_url: str, tmp_path: object
) -> None:
    """`clearlane serve` and a `clearlane ingest` (both migrate on start) started together
    after an upgrade: both read the revision before either committed and ran 0015 twice; the
    later failed ('index uq_decisions_supersedes already exists', on PostgreSQL a deadlock
    too) and exited. Migrations now take a lock first and read the revision under it: the
    later waits, finds the store at head and has nothing to do."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from alembic import command

    from clearlane.store.session import alembic_config, current_revision

    engine, _ = _forked_store(store_url)
    for round_ in range(3):
        go = Path(str(tmp_path)) / f"go-{round_}"
        racers = [
            subprocess.Popen(
                [sys.executable, "-c", UPGRADER, store_url, str(go)],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                env=os.environ.copy(),
            )
            for _ in range(2)
        ]
        assert [racer.stdout.readline().strip() for racer in racers] == ["ready", "ready"]  # type: ignore[union-attr]
        go.touch()
        outcome = [racer.communicate(timeout=300)[0].strip() for racer in racers]
        assert outcome == ["ok", "ok"], outcome
        assert current_revision(engine) == _head()
        command.downgrade(alembic_config(engine), "0014")


@SKIPS_EXPRESSION_INDEX
def test_0017_relinks_second_first_decisions_keeps_every_row_and_the_one_in_force(
    store_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Before the partial unique index two officers deciding at once without the lock could
    both store a first decision of one declaration version (and each be changed later: two
    lines). 0017 keeps every row and the decision in force (the newest), keeps the earliest
    first decision first and re-links the rest into one line in id order, reports each
    re-linked row, and from then on the store refuses a second first decision."""
    import logging
    from datetime import UTC, datetime

    import sqlalchemy as sa
    from sqlalchemy import insert
    from sqlalchemy.orm import Session

    from clearlane.oversight import current_decision
    from clearlane.store.session import current_revision, upgrade
    from clearlane.store.tables import DecisionRow

    engine = get_engine(store_url)
    upgrade(engine, "0016")
    now = datetime.now(UTC)
    decisions = [  # (id, reference, version, supersedes_id)
        (1, "A", 1, None),
        (2, "A", 1, None),  # a second first decision
        (3, "A", 1, 1),  # the first line changed
        (4, "A", 1, 2),  # the second line changed
        (5, "A", 1, None),  # a third first decision, in force
        (6, "B", 1, None),  # a plain line: untouched
        (7, "B", 1, 6),
        (8, "C", 1, None),  # one first decision in each of two versions: untouched
        (9, "C", 2, None),
    ]
    _store_decisions(engine, decisions, now=now, action="accept", lane="green")
    with caplog.at_level(logging.WARNING):
        upgrade(engine)
    assert current_revision(engine) == _head()
    after = _decisions(engine)
    assert after == {
        1: ("A", 1, None),
        2: ("A", 1, 1),
        3: ("A", 1, 2),
        4: ("A", 1, 3),
        5: ("A", 1, 4),
        6: ("B", 1, None),
        7: ("B", 1, 6),
        8: ("C", 1, None),
        9: ("C", 2, None),
    }
    with Session(engine) as session:
        found = current_decision(session, reference="A", version=1)
        assert found is not None and found.id == 5
    reported = [r.getMessage() for r in caplog.records if r.getMessage().startswith("0017:")]
    # each names its audit entry (audit_seq 100 + id) and what it says, which stays: the
    # decision in force its officer saw (mends6: "supersedes none" was left unexplained)
    saw = "the decision in force its officer saw)"
    assert reported == [
        "0017: decision 2 of A version 1 was a second first decision (stored without the "
        "declaration's lock); it now supersedes decision 1, the one stored just before it "
        f"(its audit entry 102 still says it superseded none: {saw}",
        "0017: decision 3 of A version 1 superseded decision 1, in a version with two first "
        "decisions; it now supersedes decision 2, the one stored just before it (its audit "
        f"entry 103 still says it superseded decision 1: {saw}",
        "0017: decision 4 of A version 1 superseded decision 2, in a version with two first "
        "decisions; it now supersedes decision 3, the one stored just before it (its audit "
        f"entry 104 still says it superseded decision 2: {saw}",
        "0017: decision 5 of A version 1 was a second first decision (stored without the "
        "declaration's lock); it now supersedes decision 4, the one stored just before it "
        f"(its audit entry 105 still says it superseded none: {saw}",
    ]
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    row = {
        "assessment_id": 1, "action": "accept", "proposed_lane": "green", "lane": "green",
        "officer": "o", "decided_at": now, "supersedes_id": None, "audit_seq": 9,
    }  # fmt: skip
    refused = r"uq_decisions_first|decisions\.reference, decisions\.version"
    with pytest.raises(sa.exc.IntegrityError, match=refused), engine.begin() as connection:
        connection.execute(
            insert(DecisionRow.__table__).values(id=100, reference="B", version=1, **row)
        )
    with engine.begin() as connection:  # a first decision of another version is no duplicate
        connection.execute(
            insert(DecisionRow.__table__).values(id=101, reference="B", version=2, **row)
        )


@SKIPS_EXPRESSION_INDEX
def test_0019_keeps_0018s_keys_as_completed_and_downgrade_drops_claims_in_progress(
    store_url: str,
) -> None:
    """0019 lets a key be claimed before its request runs (``status``, ``response`` and the
    new ``completed_at`` NULL) and indexes ``created_at`` for the purge of expired keys. A
    key stored under 0018 is a completed one (``completed_at`` = ``created_at``, its answer
    kept); downgrade drops the claims still in progress (0018 cannot hold a key without its
    answer) and keeps the rest; upgrade again gives the same rows."""
    from datetime import UTC, datetime

    import sqlalchemy as sa
    from alembic import command

    from clearlane.store.session import alembic_config, current_revision, upgrade

    engine = get_engine(store_url)
    upgrade(engine, "0018")
    claimed = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO idempotency_keys (id, username, key, request_sha256, status, "
                "response, created_at) VALUES (1, 'trader1', 'k1', :sha, 201, :body, :at)"
            ),
            {"sha": "a" * 64, "body": '{"id": 7}', "at": claimed},
        )
    upgrade(engine, "0019")
    assert current_revision(engine) == "0019"

    def rows() -> list[tuple]:
        from clearlane.store.tables import IdempotencyKeyRow

        table = IdempotencyKeyRow.__table__
        with engine.connect() as connection:
            found = connection.execute(
                sa.select(
                    table.c.key, table.c.status, table.c.response, table.c.completed_at
                ).order_by(table.c.id)
            )
            return [
                (key, status, response, done is not None and done.replace(tzinfo=UTC) == claimed)
                for key, status, response, done in found
            ]

    assert rows() == [("k1", 201, {"id": 7}, True)]
    with engine.begin() as connection:  # a claim in progress: no answer yet
        connection.execute(
            sa.text(
                "INSERT INTO idempotency_keys (id, username, key, request_sha256, created_at) "
                "VALUES (2, 'trader1', 'k2', :sha, :at)"
            ),
            {"sha": "b" * 64, "at": claimed},
        )
    indexes = {ix["name"] for ix in sa.inspect(engine).get_indexes("idempotency_keys")}
    assert "ix_idempotency_keys_created_at" in indexes
    command.downgrade(alembic_config(engine), "0018")
    assert current_revision(engine) == "0018"
    with engine.connect() as connection:
        kept = connection.execute(sa.text("SELECT key, status FROM idempotency_keys")).all()
    assert [tuple(row) for row in kept] == [("k1", 201)]
    columns = {c["name"]: c for c in sa.inspect(engine).get_columns("idempotency_keys")}
    assert "completed_at" not in columns and not columns["status"]["nullable"]
    upgrade(engine)
    assert rows() == [("k1", 201, {"id": 7}, True)]
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_0020_adds_a_claim_token_and_keeps_every_key(store_url: str) -> None:
    """0020 stores a random token per Idempotency-Key claim (the claimant completes or releases
    the key by it, not by the time it claimed it): keys from before keep their answers with no
    token; downgrade drops the column and keeps the rows."""
    from datetime import UTC, datetime

    import sqlalchemy as sa
    from alembic import command

    from clearlane.store.session import alembic_config, current_revision, upgrade

    engine = get_engine(store_url)
    upgrade(engine, "0019")
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO idempotency_keys (id, username, key, request_sha256, status, "
                "response, completed_at, created_at) "
                "VALUES (1, 'trader1', 'k1', :sha, 201, :body, :at, :at)"
            ),
            {"sha": "a" * 64, "body": '{"id": 7}', "at": datetime(2026, 12, 6, tzinfo=UTC)},
        )
    upgrade(engine, "0020")
    assert current_revision(engine) == "0020"
    with engine.connect() as connection:
        found = connection.execute(sa.text("SELECT key, status, claim_token FROM idempotency_keys"))
        assert [tuple(row) for row in found] == [("k1", 201, None)]
    command.downgrade(alembic_config(engine), "0019")
    columns = {c["name"] for c in sa.inspect(engine).get_columns("idempotency_keys")}
    assert "claim_token" not in columns
    with engine.connect() as connection:
        kept = connection.execute(sa.text("SELECT key, status FROM idempotency_keys")).all()
    assert [tuple(row) for row in kept] == [("k1", 201)]
