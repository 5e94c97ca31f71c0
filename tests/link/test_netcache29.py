"""Session 29 (netcache29, #15): a new trader's row reads the caught clusters' declarations
(``link.network._declared``: by record, not by every importer mention); an old trader's row
reads no control. Each change that must reach the rows does: an amendment of a caught
trader's declaration, a new non-compliant control, a relink bringing a new declaration, two
clusters merged (written for netcache29's per-process map of declaration rows, which review
c14 removed: kept as a guard)."""

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import event, select, update
from sqlalchemy.orm import Session, sessionmaker

from clearlane.generate.identifiers import container_number
from clearlane.ingest.pipeline import ingest_records
from clearlane.link import network
from clearlane.link.network import network_features
from clearlane.link.register import resolve_store
from clearlane.store.session import open_store
from clearlane.store.tables import DeclarationRow, PartyMentionRow, PartyRecordRow
from tests.factories import declaration
from tests.link.test_network_neighbourhood import SHARED, _caught, _importer

C1, C2, C3, C5 = (container_number("TGH", n) for n in (100001, 200002, 300003, 500005))
ASKED = ["N1", "P1", "R1"]


def _decl(ref: str, day: str, containers: list[str], n: int, name: str) -> dict[str, Any]:
    return declaration(ref, declaration_date=day, containers=containers,
                       importer=_importer(n, name), exporter=SHARED)  # fmt: skip


def _store(store: sessionmaker[Session]) -> None:
    """K caught on 10 January; N new, declared K's container C1; M old, not caught (yet); P
    new, declared M's container C2; Q old, never caught; R new, declared Q's C5."""
    ingest_records([
        _decl("K1", "2025-01-05", [C1], 1, "Kept Trading BV"),
        _decl("M1", "2025-01-02", [C2], 2, "Minder Goods BV"),
        _decl("Q1", "2025-01-03", [C5], 3, "Quiet Imports BV"),
        _decl("N1", "2025-02-01", [C1], 4, "New Box BV"),
        _decl("P1", "2025-02-10", [C2], 5, "Pallet Start BV"),
        _decl("R1", "2025-02-05", [C5], 6, "Rapid Start BV"),
        _decl("K9", "2025-06-01", [], 1, "Kept Trading BV"),  # K, 147 days on: no new trader
    ], source="t", session_factory=store)  # fmt: skip
    with store() as s, s.begin():
        s.add(_caught("K1", datetime(2025, 1, 10, tzinfo=UTC)))
    resolve_store(store)


def _shares(store: sessionmaker[Session]) -> dict[str, bool]:
    """The asked rows, checked against the whole frame's."""
    rows = network_features(store, ASKED)
    pd.testing.assert_frame_equal(rows, network_features(store).loc[ASKED])
    return {ref: bool(v) for ref, v in rows.net_shares_with_noncompliant.items()}


def test_each_change_reaches_the_rows_of_a_process_that_read_them_before(
    store: sessionmaker[Session],
) -> None:
    _store(store)
    assert _shares(store) == {"N1": True, "P1": False, "R1": False}
    # K's declaration amended: C1 replaced by C3 (a new row of the same reference)
    ingest_records([_decl("K1", "2025-01-05", [C3], 1, "Kept Trading BV")], source="t",
                   session_factory=store)  # fmt: skip
    assert _shares(store) == {"N1": False, "P1": False, "R1": False}
    # a new non-compliant control: M caught on 20 January (P declared M's C2 on 10 February)
    with store() as s, s.begin():
        s.add(_caught("M1", datetime(2025, 1, 20, tzinfo=UTC)))
    assert _shares(store) == {"N1": False, "P1": True, "R1": False}
    # a relink: K declares C1 again on 25 January, linked by the next run
    ingest_records([_decl("K2", "2025-01-25", [C1], 1, "Kept Trading BV")], source="t",
                   session_factory=store)  # fmt: skip
    resolve_store(store)
    assert _shares(store) == {"N1": True, "P1": True, "R1": False}
    # two clusters merged: Q's record joins caught M's cluster (Q declared C5 before R)
    with store() as s, s.begin():
        m = s.scalar(
            select(PartyRecordRow.cluster_id).where(PartyRecordRow.name == "Minder Goods BV")
        )
        s.execute(update(PartyRecordRow).where(PartyRecordRow.name == "Quiet Imports BV")
                  .values(cluster_id=m))  # fmt: skip
    assert _shares(store) == {"N1": True, "P1": True, "R1": True}


def test_an_old_traders_row_reads_no_control(store: sessionmaker[Session]) -> None:
    """Only a new trader's row compares with the clusters caught before it: an old trader's
    reads neither the controls nor the caught clusters (on main, every row read both)."""
    _store(store)
    whole = network_features(store)
    statements: list[str] = []

    def _seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    engine = store.kw["bind"]
    event.listen(engine, "before_cursor_execute", _seen)
    try:
        pd.testing.assert_frame_equal(network_features(store, ["K9"]), whole.loc[["K9"]])
        assert not any("control_results" in s for s in statements), statements
        statements.clear()
        pd.testing.assert_frame_equal(network_features(store, ["N1"]), whole.loc[["N1"]])
        assert any("control_results" in s for s in statements)
    finally:
        event.remove(engine, "before_cursor_execute", _seen)
    assert not whole.net_new_trader.K9 and whole.net_new_trader.N1


def _declared_by_hand(s: Session, clusters: set[int]) -> dict[str, tuple[int, Any, Any]]:
    """``network._declared`` computed in Python from whole tables: the references whose dated
    importer mention (of a declaration) is a record of ``clusters``, with that cluster and
    their latest version's date and containers."""
    records = s.execute(select(PartyRecordRow.id, PartyRecordRow.cluster_id)).tuples()
    cluster_of = dict(records.all())
    latest: dict[str, tuple[int, Any, Any]] = {}
    for ref, version, day, normalised in s.execute(
        select(DeclarationRow.reference, DeclarationRow.version, DeclarationRow.declaration_date,
               DeclarationRow.normalised)
    ):  # fmt: skip
        if ref not in latest or version > latest[ref][0]:
            latest[ref] = (version, day, normalised.get("containers"))
    out: dict[str, tuple[int, Any, Any]] = {}
    for ref, record, source, role, seen in s.execute(
        select(PartyMentionRow.source_ref, PartyMentionRow.party_record_id,
               PartyMentionRow.source, PartyMentionRow.role, PartyMentionRow.seen_on)
    ):  # fmt: skip
        cluster = cluster_of.get(record)
        if (source == "declaration" and role == "importer" and seen is not None
                and cluster in clusters and ref in latest):  # fmt: skip
            out[ref] = (cluster, latest[ref][1], latest[ref][2])
    return out


def test_the_caught_clusters_declarations_are_their_latest_versions(
    store: sessionmaker[Session],
) -> None:
    """Review c14: ``_declared``'s one statement (``source || ''`` included) returns, on both
    backends, what the tables say: the latest version (K1 amended), only dated importer
    mentions of declarations. A guard: the statement was right before the review."""
    _store(store)
    ingest_records([_decl("K1", "2025-01-05", [C3], 1, "Kept Trading BV")], source="t",
                   session_factory=store)  # fmt: skip
    resolve_store(store)
    with store() as s:
        clusters = {c for (c,) in s.execute(select(PartyRecordRow.cluster_id)) if c is not None}
        for asked in (clusters, {min(clusters)}, set()):
            assert network._declared(s, asked) == _declared_by_hand(s, asked)
        k1 = network._declared(s, clusters)["K1"]
        assert k1[2] == [C3]


def test_sqlite_finds_the_caught_clusters_declarations_from_their_records(
    tmp_path: Path, migrated_sqlite: Callable[[str], str]
) -> None:
    """SQLite has no statistics: without ``source || ''`` it walks every declaration mention
    by the (source, reference, role) index; with it, it starts from the clusters' records
    (review c14: fails with the plain ``source = 'declaration'``)."""
    store = open_store(migrated_sqlite("store"))
    _store(store)
    engine = store.kw["bind"]
    seen: list[tuple[str, Any]] = []

    def _statement(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", _statement)
    try:
        with store() as s:
            network._declared(s, [1, 2, 3])
    finally:
        event.remove(engine, "before_cursor_execute", _statement)
    ((statement, parameters),) = [(q, p) for q, p in seen if "party_mentions" in q]
    with engine.connect() as conn:
        plan = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement,
                                                       parameters)]  # fmt: skip
    first = next(step for step in plan if step.startswith(("SEARCH", "SCAN")))
    assert first.startswith("SEARCH party_records"), plan
