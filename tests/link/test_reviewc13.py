"""Review c13 (#15): a few declarations' network rows equal the whole frame's in the cases the
neighbourhood read could miss: amended declarations whose importer, containers or date changed,
a declaration with no importer, a control completed on a declaration's day (and one with a
time zone that moves its day), a caught cluster with no dated mention, clusters merged and
split after linking, missing and repeated references, and the 900-reference boundary."""

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from clearlane.ingest.pipeline import ingest_records
from clearlane.link import network
from clearlane.link.network import network_features
from clearlane.link.register import resolve_store
from clearlane.store.tables import PartyMentionRow, PartyRecordRow
from tests.factories import declaration
from tests.link.helpers import linked_network_store
from tests.link.test_network_neighbourhood import C1, C2, C3, SHARED, _caught, _importer, _scenario


def _amended_and_odd(store: sessionmaker[Session]) -> None:
    _scenario(store, others=6)
    ingest_records([
        # amended: another importer (a new trader) and the caught trader's container, later
        declaration("B1", declaration_date="2025-03-05", containers=[C1, C3],
                    importer=_importer(9, "Changed Hands BV"), exporter=SHARED),
        # amended: containers dropped
        declaration("B3", declaration_date="2025-02-01", containers=[],
                    importer=_importer(3, "Box Borrower BV"), exporter=SHARED),
        # its importer mention is removed below
        declaration("N1", declaration_date="2025-02-10", containers=[C1],
                    importer=_importer(14, "Nameless BV"), exporter=SHARED),
        # declared on the day its neighbour's control ended (caught "before" is strict)
        declaration("S1", declaration_date="2025-04-01", containers=[C2],
                    importer=_importer(11, "Same Day BV"), exporter=SHARED),
        declaration("S2", declaration_date="2025-03-25", containers=[C2],
                    importer=_importer(12, "Caught Same Day BV"), exporter=SHARED),
        # caught, but its importer's mention carries no date
        declaration("Z1", declaration_date="2025-01-02", containers=[C3],
                    importer=_importer(13, "Undated BV"), exporter=SHARED),
    ], source="t", session_factory=store)  # fmt: skip
    with store() as s, s.begin():
        s.add(_caught("S2", datetime(2025, 4, 1, tzinfo=UTC)))
        # 23:30 at UTC-5 is the next day in UTC
        s.add(_caught("X0001", datetime(2025, 3, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5)))))
        s.add(_caught("Z1", datetime(2025, 1, 3, tzinfo=UTC)))
        s.add(_caught("GHOST", datetime(2025, 1, 3, tzinfo=UTC)))  # no such declaration
    resolve_store(store)
    with store() as s, s.begin():
        s.execute(update(PartyMentionRow).where(PartyMentionRow.source_ref == "Z1")
                  .values(seen_on=None))  # fmt: skip
        s.execute(delete(PartyMentionRow).where(PartyMentionRow.source_ref == "N1",
                                                PartyMentionRow.role == "importer"))  # fmt: skip


def _check_each(store: sessionmaker[Session]) -> pd.DataFrame:
    whole = network_features(store)
    for ref in whole.index:
        pd.testing.assert_frame_equal(network_features(store, [ref]), whole.loc[[ref]])
    pd.testing.assert_frame_equal(network_features(store, list(whole.index)), whole)
    return whole


def test_amended_odd_and_relinked_rows_are_the_whole_frames(store: sessionmaker[Session]) -> None:
    _amended_and_odd(store)
    whole = _check_each(store)
    assert {"B1", "N1", "S1", "S2", "Z1"} <= set(whole.index)
    assert pd.isna(whole.importer_cluster_id.N1)
    # missing and repeated references: the rows of those that exist, once each
    pd.testing.assert_frame_equal(network_features(store, ["S1", "NOPE", "S1", "B3", "B3"]),
                                  whole.loc[["B3", "S1"]])  # fmt: skip
    assert network_features(store, ["NOPE"]).empty
    # a later run merges two clusters, then another moves one record to another cluster
    with store() as s, s.begin():
        b2 = s.scalar(
            select(PartyRecordRow.cluster_id).where(PartyRecordRow.name == "Second Start BV")
        )
        s.execute(update(PartyRecordRow).where(PartyRecordRow.name == "Fresh Start BV")
                  .values(cluster_id=b2))  # fmt: skip
    _check_each(store)
    with store() as s, s.begin():
        # the old trader's new name split off into the cluster of a trader elsewhere
        other = s.scalar(
            select(PartyRecordRow.cluster_id).where(PartyRecordRow.name == "Elsewhere BV")
        )
        s.execute(update(PartyRecordRow).where(PartyRecordRow.name == "Phoenix Rising GmbH")
                  .values(cluster_id=other))  # fmt: skip
    _check_each(store)


@pytest.mark.parametrize("limit", [3, 4])
def test_the_reference_limit_either_side_gives_the_same_rows(
    store: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """Four references read as a neighbourhood (limit 4) or as the whole store (limit 3)."""
    _amended_and_odd(store)
    whole = network_features(store)
    monkeypatch.setattr(network, "DISCREPANCY_IN_LIMIT", limit)
    refs = ["B1", "B2", "S1", "Z1"]
    pd.testing.assert_frame_equal(network_features(store, refs), whole.loc[refs])


@pytest.mark.filterwarnings("error")
def test_rows_without_a_cluster_alone_are_false_not_a_pandas_warning(
    store: sessionmaker[Session],
) -> None:
    """A declaration with no importer mention, asked alone: its flag columns were float NaN
    filled with False, which pandas 3 warns will raise."""
    _amended_and_odd(store)
    row = network_features(store, ["N1"])
    assert not row.net_new_trader.N1 and row.net_new_trader.dtype == bool


def test_gather_facts_compares_the_manifests_once(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """gather_facts counted the manifest discrepancies itself (link_*) and had the network
    facts compare them again for a column it drops (net_manifest_discrepancies)."""
    import clearlane.link.discrepancies as module
    from clearlane.features.facts import NET_COLUMNS, gather_facts

    linked_network_store(store, tmp_path)
    refs = ["A1", "A2", "B1"]
    want = network_features(store, refs)
    assert want.net_manifest_discrepancies.A2 > 0
    calls: list[list[str] | None] = []
    real = module.discrepancies

    def counted(session_factory: Any, references: list[str] | None = None) -> Any:
        calls.append(references)
        return real(session_factory, references)

    monkeypatch.setattr(module, "discrepancies", counted)
    facts = gather_facts(store, refs)
    assert len(calls) == 1, calls
    table = facts.declarations
    for column in NET_COLUMNS:
        got = table[column].reindex(refs).to_numpy(dtype=float)
        np.testing.assert_array_equal(got, want[column].to_numpy(dtype=float), err_msg=column)
    assert table.link_discrepancies.A2 == want.net_manifest_discrepancies.A2
    without = network_features(store, refs, manifest=False)
    pd.testing.assert_frame_equal(without, want.drop(columns="net_manifest_discrepancies"))
