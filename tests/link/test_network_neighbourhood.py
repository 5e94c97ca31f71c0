"""A few declarations' trader-network facts: the rows of the whole frame, read from their
neighbourhood (session 28) instead of the whole store."""

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import event, update
from sqlalchemy.orm import Session, sessionmaker

from clearlane.generate.identifiers import container_number
from clearlane.ingest.pipeline import ingest_records
from clearlane.link.network import network_features
from clearlane.link.register import resolve_store
from clearlane.store.session import open_store
from clearlane.store.tables import ControlResultRow, PartyRecordRow
from tests.factories import declaration

C1, C2, C3 = (container_number("MSK", n) for n in (111111, 222222, 333333))
SHARED = {"name": "Shared Exporter Ltd", "country": "CN"}
OLD = {"id": "DE136695976", "name": "Old Trader GmbH", "country": "DE"}


def _importer(n: int, name: str) -> dict[str, str]:
    return {"id": f"NL{n:09d}B01", "name": name, "country": "NL"}


def _caught(reference: str, day: datetime) -> ControlResultRow:
    return ControlResultRow(
        declaration_reference=reference, declaration_version=1, control_type="physical",
        selection_reason="risk", outcome="non_compliant", severity="major",
        irregularities=["quantity"], extra_duty=100.0, completed_at=day,
        content_sha256=reference.ljust(64, "x"), payload={}, recorded_at=day,
    )  # fmt: skip


def _scenario(store: sessionmaker[Session], others: int = 0) -> None:
    """An old trader caught on 10 January, new traders at its address (respelled) or using its
    container, the old trader under a new name, unrelated traders elsewhere."""
    decls = [
        declaration("A1", declaration_date="2025-01-05", containers=[C1], importer=OLD,
                    exporter=SHARED),
        # declared C1 before the old trader was caught: not sharing
        declaration("E1", declaration_date="2025-01-07", containers=[C1],
                    importer=_importer(5, "Early Bird BV"), exporter=SHARED),
        declaration("B3", declaration_date="2025-02-01", containers=[C1],
                    importer=_importer(3, "Box Borrower BV"), exporter=SHARED),
        declaration("B1", declaration_date="2025-03-01", containers=[C2],
                    importer=_importer(1, "Fresh Start BV"), exporter=SHARED),
        declaration("B2", declaration_date="2025-03-20", containers=[C3],
                    importer=_importer(2, "Second Start BV"), exporter=SHARED),
        declaration("A2", declaration_date="2025-06-01", containers=[C2],
                    importer=OLD | {"name": "Phoenix Rising GmbH"}, exporter=SHARED),
        declaration("U1", declaration_date="2025-04-01", importer=_importer(7, "Elsewhere BV"),
                    exporter=SHARED),
    ]  # fmt: skip
    decls += [
        declaration(f"X{n:04d}", declaration_date=f"2025-0{1 + n % 9}-1{n % 10}",
                    importer=_importer(100 + n, f"Unrelated Trading {n} BV"), exporter=SHARED)
        for n in range(others)
    ]  # fmt: skip
    ingest_records(decls, source="t", session_factory=store)
    with store() as s, s.begin():
        s.add(_caught("A1", datetime(2025, 1, 10, tzinfo=UTC)))
    resolve_store(store)
    addresses = {
        "Old Trader GmbH": ("Hauptstrasse 5", "Berlin"),
        "Fresh Start BV": ("Hauptstr. 5", "BERLIN"),
        "Second Start BV": ("HAUPTSTRASSE 5", "Berlin"),
        "Elsewhere BV": ("Kaiserstrasse 9", "Hamburg"),
    }
    with store() as s, s.begin():
        for name, (street, city) in addresses.items():
            s.execute(update(PartyRecordRow).where(PartyRecordRow.name == name)
                      .values(street=street, city=city))  # fmt: skip


def test_each_row_is_the_whole_frames(store: sessionmaker[Session]) -> None:
    _scenario(store)
    whole = network_features(store)
    refs = ["A1", "A2", "B1", "B2", "B3", "E1", "U1"]
    assert list(whole.index) == refs
    for ref in refs:
        pd.testing.assert_frame_equal(network_features(store, [ref]), whole.loc[[ref]])
    pd.testing.assert_frame_equal(network_features(store, ["B2", "A2", "E1"]),
                                  whole.loc[["A2", "B2", "E1"]])  # fmt: skip
    shares = whole.net_shares_with_noncompliant
    assert shares.B1 and shares.B2  # the caught trader's address, respelled
    assert shares.B3  # its container
    assert not shares.E1 and not shares.A1 and not shares.U1
    # new importer clusters at the address: the old one (55 days), B1's; then B2's too; in
    # June only B2's (73 days): B1's is 92 days old
    assert whole.net_address_new_importers.to_dict() == {
        "A1": 1, "A2": 1, "B1": 2, "B2": 3, "B3": 0, "E1": 0, "U1": 1
    }  # fmt: skip
    assert whole.net_recent_name_change.A2 and not whole.net_recent_name_change.A1


class _Cursor(sqlite3.Cursor):
    rows = 0

    def fetchone(self) -> Any:
        row = super().fetchone()
        _Cursor.rows += row is not None
        return row

    def fetchmany(self, size: int | None = None) -> list[Any]:
        rows = super().fetchmany(size) if size is not None else super().fetchmany()
        _Cursor.rows += len(rows)
        return rows

    def fetchall(self) -> list[Any]:
        rows = super().fetchall()
        _Cursor.rows += len(rows)
        return rows


class _Connection(sqlite3.Connection):
    def cursor(self, factory: Any = _Cursor) -> Any:  # type: ignore[override]
        return super().cursor(factory)


def test_one_declaration_reads_its_neighbourhood_not_the_store(
    tmp_path: Path, migrated_sqlite: Callable[[str], str]
) -> None:
    """Rows the database hands over for one declaration: its cluster's, the caught cluster's,
    not every trader's, mention's and declaration's (until session 28, some 1,000 here).
    When the asked cluster has an address, the records' distinct towns are still read whole
    (see ``link.network._neighbourhood``)."""
    store = open_store(migrated_sqlite("store"))
    _scenario(store, others=200)
    engine = store.kw["bind"]

    @event.listens_for(engine, "do_connect")
    def _counting(dialect: Any, record: Any, cargs: Any, cparams: dict[str, Any]) -> None:
        cparams["factory"] = _Connection

    engine.dispose()
    whole = network_features(store)
    for ref in ("U1", "B3", "X0042"):  # an old trader's; a new one's sharing a container
        _Cursor.rows = 0
        rows = network_features(store, [ref])
        assert rows.equals(whole.loc[[ref]])
        if ref != "U1":  # U1's cluster has an address: every distinct town is read
            assert _Cursor.rows < 40, (ref, _Cursor.rows)
