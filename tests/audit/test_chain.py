"""The audit trail: append-only in the database, and every kind of tampering found by verify."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import AuditEvent, append, append_many, head, trail, verify
from clearlane.audit.guard import GENESIS, drop_append_only_statements


def _fill(store: sessionmaker[Session], n: int = 8) -> None:
    with store() as session, session.begin():
        for i in range(n):
            append(
                session,
                kind="assessment" if i % 2 else "decision",
                actor=f"officer{i % 3}",
                subject=f"declaration:D{i:03d}",
                payload={"score": i / 10, "lane": "red" if i % 4 == 0 else "green", "i": i},
            )


def _disarm(store: sessionmaker[Session]) -> None:
    """What an attacker with DDL rights would do first: drop the append-only triggers."""
    with store() as session, session.begin():
        for statement in drop_append_only_statements(session.get_bind().dialect.name):
            session.execute(text(statement))


def _verdict(store: sessionmaker[Session], head_hash: str | None = None):  # type: ignore[no-untyped-def]
    with store() as session:
        return verify(session, head_hash=head_hash)


def test_empty_chain_is_a_clear_verdict(store: sessionmaker[Session]) -> None:
    verdict = _verdict(store)
    assert verdict.ok and verdict.entries == 0
    assert "empty" in verdict.summary()
    with store() as session:
        assert head(session) == (0, GENESIS)


def test_intact_chain_verifies_and_links(store: sessionmaker[Session]) -> None:
    _fill(store)
    with store() as session, session.begin():
        seqs = append_many(
            session, [AuditEvent("control_result", "ingest", "declaration:D001", {"k": 1})] * 3
        )
    assert seqs == [9, 10, 11]
    verdict = _verdict(store)
    assert verdict.ok, verdict.summary()
    assert verdict.entries == 11 and verdict.last_seq == 11
    with store() as session:
        assert head(session) == (11, verdict.last_hash)
        timeline = trail(session, subject="declaration:D001")
    assert [e["seq"] for e in timeline] == [2, 9, 10, 11]
    assert timeline[0]["payload"]["i"] == 1


def test_rolled_back_append_leaves_no_trace(store: sessionmaker[Session]) -> None:
    _fill(store, 2)
    with store() as session:
        session.begin()
        append(session, kind="decision", actor="x", subject="declaration:Z", payload={})
        session.rollback()
    verdict = _verdict(store)
    assert verdict.ok and verdict.entries == 2


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"]
)
def test_database_refuses_update_and_delete(store: sessionmaker[Session], statement: str) -> None:
    _fill(store, 3)
    with pytest.raises(DBAPIError, match="append-only"):
        with store() as session, session.begin():
            session.execute(text(statement))
    assert _verdict(store).ok


@pytest.mark.postgres
def test_postgres_refuses_truncate() -> None:
    from clearlane.store import open_store
    from tests.conftest import postgres_database

    with postgres_database() as url:
        store = open_store(url)
        _fill(store, 2)
        with pytest.raises(DBAPIError, match="append-only"):
            with store() as session, session.begin():
                session.execute(text("TRUNCATE audit_log"))
        assert _verdict(store).entries == 2


def _tamper(store: sessionmaker[Session], *statements: str, **params: object) -> None:
    _disarm(store)
    with store() as session, session.begin():
        for statement in statements:
            session.execute(text(statement), params)


def test_edited_field_is_found(store: sessionmaker[Session]) -> None:
    _fill(store)
    _tamper(store, "UPDATE audit_log SET payload = replace(payload, 'red', 'green') WHERE seq = 5")
    verdict = _verdict(store)
    assert not verdict.ok
    assert verdict.finding is not None
    assert (verdict.finding.problem, verdict.finding.seq) == ("altered", 5)
    assert "entry 5" in verdict.summary()


def test_edited_field_with_recomputed_hash_is_found(store: sessionmaker[Session]) -> None:
    from clearlane.audit.chain import entry_hash

    _fill(store)
    with store() as session:
        row = session.execute(text("SELECT * FROM audit_log WHERE seq = 4")).one()
    forged = entry_hash(
        recorded_at=row.recorded_at,
        kind=row.kind,
        actor="mallory",
        subject=row.subject,
        payload=row.payload,
        prev_hash=row.prev_hash,
    )
    _tamper(store, "UPDATE audit_log SET actor = 'mallory', hash = :h WHERE seq = 4", h=forged)
    verdict = _verdict(store)
    assert verdict.finding is not None
    assert verdict.finding.problem == "altered" and verdict.finding.seq == 4


def test_deleted_row_is_found(store: sessionmaker[Session]) -> None:
    _fill(store)
    _tamper(store, "DELETE FROM audit_log WHERE seq = 3")
    verdict = _verdict(store)
    assert verdict.finding is not None
    assert (verdict.finding.problem, verdict.finding.seq) == ("deleted", 3)


def test_inserted_row_is_found(store: sessionmaker[Session]) -> None:
    """A forged entry slipped in after entry 4, correctly linked to it; later entries are
    renumbered so the sequence has no gap."""
    from clearlane.audit.chain import entry_hash

    _fill(store)
    with store() as session:
        prev = session.execute(text("SELECT hash FROM audit_log WHERE seq = 4")).scalar_one()
    forged = entry_hash(
        recorded_at="2026-01-01T00:00:00.000000+00:00",
        kind="decision",
        actor="mallory",
        subject="declaration:D999",
        payload="{}",
        prev_hash=prev,
    )
    _tamper(
        store,
        "UPDATE audit_log SET seq = seq + 1000 WHERE seq > 4",
        "UPDATE audit_log SET seq = seq - 999 WHERE seq > 1000",
        "INSERT INTO audit_log (seq, recorded_at, kind, actor, subject, payload, prev_hash, hash)"
        " VALUES (5, '2026-01-01T00:00:00.000000+00:00', 'decision', 'mallory',"
        " 'declaration:D999', '{}', :prev, :h)",
        prev=prev,
        h=forged,
    )
    verdict = _verdict(store)
    assert verdict.finding is not None
    assert (verdict.finding.problem, verdict.finding.seq) == ("inserted", 5)


def test_appended_row_with_a_made_up_hash_is_found(store: sessionmaker[Session]) -> None:
    _fill(store)
    _tamper(
        store,
        "INSERT INTO audit_log (seq, recorded_at, kind, actor, subject, payload, prev_hash, hash)"
        " VALUES (9, '2026-01-01T00:00:00.000000+00:00', 'decision', 'mallory',"
        " 'declaration:D999', '{}', :prev, :h)",
        prev="f" * 64,
        h="e" * 64,
    )
    verdict = _verdict(store)
    assert verdict.finding is not None and verdict.finding.seq == 9


def test_swapped_rows_are_found(store: sessionmaker[Session]) -> None:
    _fill(store)
    _tamper(
        store,
        "UPDATE audit_log SET seq = -1 WHERE seq = 3",
        "UPDATE audit_log SET seq = 3 WHERE seq = 6",
        "UPDATE audit_log SET seq = 6 WHERE seq = -1",
    )
    verdict = _verdict(store)
    assert verdict.finding is not None
    assert (verdict.finding.problem, verdict.finding.seq) == ("reordered", 3)


def test_truncated_chain_is_found(store: sessionmaker[Session]) -> None:
    _fill(store)
    _tamper(store, "DELETE FROM audit_log WHERE seq > 6")
    verdict = _verdict(store)
    assert verdict.finding is not None
    assert verdict.finding.problem == "truncated"
    assert "ends at entry 6" in verdict.finding.message


def test_entries_appended_while_the_trail_is_read_are_no_truncation(
    store: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A live store: another request appends and commits after verify has read the entries
    and before it reads the head. The head is then ahead of the entries read, which was
    reported as "entries were cut off the end" (a false tamper alarm, seen in the API's
    control-result race test on PostgreSQL); the entries since are read and checked too."""
    from clearlane.audit import chain

    _fill(store, 5)
    real_rows = chain._rows
    appended: list[int] = []

    def rows_then_an_append(session: Session, batch: int, after: int = 0):  # type: ignore[no-untyped-def]
        yield from real_rows(session, batch, after)
        if not appended:  # once: the entries are read, the head not yet
            appended.append(1)
            _fill(store, 2)

    monkeypatch.setattr(chain, "_rows", rows_then_an_append)
    verdict = _verdict(store)
    assert verdict.ok, verdict.finding
    assert (verdict.entries, verdict.last_seq) == (7, 7)


def test_a_head_ahead_of_the_entries_is_still_a_truncation(
    store: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading on after the last entry finds nothing when entries were cut off: the verdict
    stays "truncated" (the head names entries that are gone)."""
    _fill(store)
    _tamper(store, "DELETE FROM audit_log WHERE seq > 6")
    from clearlane.audit import chain

    reads: list[int] = []
    real_rows = chain._rows

    def counted(session: Session, batch: int, after: int = 0):  # type: ignore[no-untyped-def]
        reads.append(after)
        yield from real_rows(session, batch, after)

    monkeypatch.setattr(chain, "_rows", counted)
    verdict = _verdict(store)
    assert verdict.finding is not None and verdict.finding.problem == "truncated"
    assert reads == [0, *[6] * chain.CATCH_UP_READS]  # read on from entry 6, in vain


def test_published_head_is_checked(store: sessionmaker[Session]) -> None:
    _fill(store, 5)
    with store() as session:
        published = head(session)[1]
    _fill(store, 3)  # the trail grows after the head was published: still fine
    assert _verdict(store, published).ok
    forged = "ab" * 32
    verdict = _verdict(store, forged)
    assert not verdict.ok
    assert verdict.finding is not None and verdict.finding.problem == "head_unknown"


def test_appends_from_many_writers_at_once_form_one_unbroken_chain(
    store: sessionmaker[Session],
) -> None:
    """Eight writers appending at once (barrier, both backends), two entries each: the head
    bump serialises them (the UPDATE of the one head row, a row lock on PostgreSQL, the write
    lock on SQLite), so each gets its own sequence numbers and every entry links to the one
    written just before it; no writer fails."""
    from tests.concurrency import together

    def write(i: int) -> list[int]:
        with store() as session, session.begin():
            return append_many(
                session,
                [AuditEvent("export", f"writer{i}", f"test:{i}", {"part": p}) for p in (1, 2)],
            )

    seqs = together(8, write)
    assert sorted(s for pair in seqs for s in pair) == list(range(1, 17))
    assert all(b == a + 1 for a, b in seqs)  # each writer's two entries are adjacent
    with store() as session:
        assert verify(session).ok
        assert head(session)[0] == 16
