"""Session 29 (netcache29, #15): the caught clusters' declarations (date, containers) a new
trader's row compares with are read once a process (``link.network._declared``'s map of
declaration rows), while which declarations those are is read anew on every call. Each change
that must reach the rows does: an amendment of a caught trader's declaration, a new
non-compliant control, a relink bringing a new declaration, two clusters merged; two threads
filling the map at once leave it whole."""

import threading
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
from clearlane.store.tables import DeclarationRow, PartyRecordRow
from tests.factories import declaration
from tests.link.test_network_neighbourhood import SHARED, _caught, _Connection, _Cursor, _importer

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
    """The asked rows (the map filled or used), checked against the whole frame's."""
    rows = network_features(store, ASKED)
    pd.testing.assert_frame_equal(rows, network_features(store).loc[ASKED])
    return {ref: bool(v) for ref, v in rows.net_shares_with_noncompliant.items()}


def test_each_change_reaches_the_rows_after_the_map_is_filled(
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


def test_two_threads_filling_the_map_at_once_leave_it_whole(
    store: sessionmaker[Session],
) -> None:
    _store(store)
    with store() as s, s.begin():
        s.add(_caught("M1", datetime(2025, 1, 20, tzinfo=UTC)))
        s.add(_caught("Q1", datetime(2025, 1, 20, tzinfo=UTC)))
    whole = network_features(store)
    engine = store.kw["bind"]

    def fill(barrier: threading.Barrier, out: list[Any]) -> None:
        try:
            barrier.wait(timeout=30)
            out.append(network_features(store, ASKED))
        except BaseException as error:  # noqa: BLE001 - asserted below
            out.append(error)

    for _ in range(3):
        network._ROWS.pop(engine, None)
        barrier = threading.Barrier(2)
        results: list[Any] = []
        threads = [threading.Thread(target=fill, args=(barrier, results)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert len(results) == 2
        for rows in results:
            assert isinstance(rows, pd.DataFrame), rows
            pd.testing.assert_frame_equal(rows, whole.loc[ASKED])
        # every row kept is the row the database holds
        kept = network._ROWS[engine]
        with store() as s:
            held = {
                row: (ref, version, day, containers)
                for row, ref, version, day, containers in s.execute(
                    select(
                        DeclarationRow.id,
                        DeclarationRow.reference,
                        DeclarationRow.version,
                        DeclarationRow.declaration_date,
                        DeclarationRow.normalised["containers"],
                    )
                )  # fmt: skip
            }
        assert kept and all(held[row] == value for row, value in kept.items())


def test_a_caught_traders_declarations_are_read_once(tmp_path: Path) -> None:
    """Rows SQLite hands over for a new trader's row: the caught trader's 60 declarations the
    first time, not again (on main, every time)."""
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    _store(store)
    ingest_records([_decl(f"K{n:03d}", "2025-01-0" + str(1 + n % 9), [C3], 1, "Kept Trading BV")
                    for n in range(100, 160)], source="t", session_factory=store)  # fmt: skip
    resolve_store(store)
    engine = store.kw["bind"]

    @event.listens_for(engine, "do_connect")
    def _counting(dialect: Any, record: Any, cargs: Any, cparams: dict[str, Any]) -> None:
        cparams["factory"] = _Connection

    engine.dispose()
    whole = network_features(store)
    getattr(network, "_ROWS", {}).pop(engine, None)  # (main has no map: fails on the count)
    handed = []
    for _ in range(2):
        _Cursor.rows = 0
        assert network_features(store, ["N1"]).equals(whole.loc[["N1"]])
        handed.append(_Cursor.rows)
    assert handed[0] - handed[1] >= 61, handed  # K's 61 declarations' dates and containers


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
