import math
import threading
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from clearlane.config import get_settings
from clearlane.ingest.pipeline import ingest_records
from clearlane.link.register import resolve_store
from clearlane.store.session import open_store
from clearlane.store.tables import PartyMentionRow, PartyRecordRow, TraderClusterRow
from tests.factories import declaration


def _decl(ref: str, importer: dict[str, Any], exporter: dict[str, Any]) -> dict[str, Any]:
    return declaration(ref, importer=importer, exporter=exporter)


BROKER = {"id": "NL123456782", "name": "Broker One B.V.", "country": "NL"}


def _clusters(factory: sessionmaker[Session]) -> dict[str, int]:
    with factory() as s:
        rows = s.execute(select(PartyRecordRow.name, PartyRecordRow.cluster_id)).all()
    return {str(name): int(cluster) for name, cluster in rows}


def test_variants_share_a_cluster_and_ids_are_stable_across_runs(store: sessionmaker) -> None:
    first = [
        _decl(
            "D1",
            {"id": "DE136695976", "name": "Müller Logistik GmbH & Co. KG", "country": "DE"},
            {"name": "Shenzhen Bright Star Co., Ltd.", "country": "CN"},
        ),
        _decl(
            "D2",
            {"id": "de 136 695 976", "name": "MUELLER LOGISTIK GMBH&CO KG", "country": "DE"},
            {"name": "Shenzhen Bright Star Co., Ltd.", "country": "CN"},
        ),
        _decl(
            "D3",
            {"id": "DE811128135", "name": "Other Trader AG", "country": "DE"},
            {"name": "Polmex Sp. z o.o.", "country": "PL"},
        ),
    ]
    for d in first:
        d["declarant"] = BROKER
    report = ingest_records(first, source="t", session_factory=store)
    assert report.quarantined == 0
    s1 = resolve_store(store)
    assert s1.mentions_added == 9
    before = _clusters(store)
    assert before["Müller Logistik GmbH & Co. KG"] == before["MUELLER LOGISTIK GMBH&CO KG"]
    assert before["Other Trader AG"] != before["Müller Logistik GmbH & Co. KG"]
    assert len(set(before.values())) == 5  # Müller, Other, Bright Star, Polmex, broker

    # a later run: a new spelling joins the existing cluster, nothing is renumbered
    later = _decl(
        "D4",
        {"id": "DE 136695976", "name": "Logistik Müller GmbH u. Co. KG", "country": "DE"},
        {"name": "Brand New Exports Ltd", "country": "GB"},
    )
    later["declarant"] = BROKER
    ingest_records([later], source="t2", session_factory=store)
    s2 = resolve_store(store)
    after = _clusters(store)
    assert {k: after[k] for k in before} == before
    assert after["Logistik Müller GmbH u. Co. KG"] == before["Müller Logistik GmbH & Co. KG"]
    assert after["Brand New Exports Ltd"] not in set(before.values())
    assert s2.clusters_created == 1
    assert resolve_store(store).records_clustered == 0  # idempotent
    with store() as s:
        joined = s.scalar(
            select(PartyRecordRow).where(PartyRecordRow.name == "Logistik Müller GmbH u. Co. KG")
        )
        assert joined is not None and joined.link_method == "identifier"
        assert joined.weights is not None
        assert abs(sum(joined.weights.values()) - joined.match_weight) < 1e-9
        assert (
            s.scalar(
                select(PartyMentionRow.role).where(
                    PartyMentionRow.source_ref == "D4", PartyMentionRow.party_record_id == joined.id
                )
            )
            == "importer"
        )


def test_concurrent_runs_give_each_record_one_cluster(store_url: str) -> None:
    factory = open_store(store_url)
    decls = [
        _decl(
            f"D{i}",
            {"id": "DE136695976", "name": f"Müller Logistik {i} GmbH", "country": "DE"},
            {"name": f"Exporter {i} Ltd", "country": "CN"},
        )
        for i in range(6)
    ]
    ingest_records(decls, source="t", session_factory=factory)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait()
            resolve_store(factory)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    clusters = _clusters(factory)
    assert all(c is not None for c in clusters.values())
    importers = {c for name, c in clusters.items() if name.startswith("Müller")}
    assert len(importers) == 1
    with factory() as s:
        used = set(s.scalars(select(PartyRecordRow.cluster_id)))
        created = set(s.scalars(select(TraderClusterRow.id)))
        mentions = s.scalars(select(PartyMentionRow.id)).all()
    assert used == created  # no empty cluster from a losing run
    assert len(mentions) == 6 * 3


def test_link_run_cli(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from clearlane.cli import app

    factory = open_store(store_url)
    ingest_records([declaration("D1")], source="t", session_factory=factory)
    monkeypatch.setenv("CLEARLANE_DATABASE_URL", store_url)
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["link", "run"])
    assert result.exit_code == 0, result.output
    assert "3 new mentions" in result.output


_SYLLABLES = ("ka", "lo", "mi", "ra", "tu", "ven", "sor", "dal", "bri", "nex", "qua", "zor")


def _register_records(traders: int, spellings: int) -> list[dict[str, Any]]:
    """``traders`` made-up traders (names of random words, so blocking stays small), each
    written ``spellings`` ways, every spelling with the trader's identifier (EORI shape)."""
    import random
    from datetime import UTC, datetime

    from clearlane.link.register import content_sha256

    rng = random.Random(14)
    names: set[str] = set()
    rows = []
    for t in range(traders):
        name = ""
        while not name or name in names:
            words = ["".join(rng.choices(_SYLLABLES, k=3)).title() for _ in range(2)]
            name = " ".join(words)
        names.add(name)
        variants = [f"{name} GmbH", f"{name.upper()} GMBH", f"{name} G.m.b.H.", f"{name} Gmbh"]
        for spelling in variants[:spellings]:
            party = {"name": spelling, "country": "DE", "identifier": f"DEX{t:08d}"}
            rows.append(
                {
                    "content_sha256": content_sha256(party),
                    "identifier_key": f"DEX{t:08d}",
                    "created_at": datetime.now(UTC),
                    **party,
                }
            )
    return rows


def test_respelled_name_without_identifier_joins_its_trader_at_scale(
    sqlite_store: sessionmaker[Session],
) -> None:
    """10,000 spellings: with a prior of 1 / records (log2 -13.3) a re-spelled name without
    identifier (same words, another legal-form spelling, upper case) stayed below 0.9 and
    founded its own trader; the prior estimated from identifier pairs links it, and a trader
    sharing two of its words but not its name stays apart."""
    from sqlalchemy import insert

    rows = _register_records(2_500, 4)
    target = {"name": "Zephyr Quantum Trading GmbH", "country": "DE", "id": "DE136695976"}
    with sqlite_store() as s, s.begin():
        s.execute(insert(PartyRecordRow), rows)
    report = ingest_records(
        [_decl("Z1", target, {"name": "Alpha Exports Ltd", "country": "CN"})],
        source="t", session_factory=sqlite_store,
    )  # fmt: skip
    assert report.quarantined == 0
    resolve_store(sqlite_store)
    later = [
        _decl("Z2", {"name": "ZEPHYR QUANTUM TRADING G.M.B.H.", "country": "DE"},
              {"name": "Alpha Exports Ltd", "country": "CN"}),
        _decl("Z3", {"name": "Zephyr Quantum Logistics GmbH", "country": "DE"},
              {"name": "Alpha Exports Ltd", "country": "CN"}),
    ]  # fmt: skip
    assert ingest_records(later, source="t2", session_factory=sqlite_store).quarantined == 0
    resolve_store(sqlite_store)
    clusters = _clusters(sqlite_store)
    home = clusters[target["name"]]
    assert clusters["ZEPHYR QUANTUM TRADING G.M.B.H."] == home
    assert clusters["Zephyr Quantum Logistics GmbH"] != home
    with sqlite_store() as s:
        joined = s.scalar(
            select(PartyRecordRow).where(PartyRecordRow.name == "ZEPHYR QUANTUM TRADING G.M.B.H.")
        )
        assert joined is not None and joined.link_method == "probabilistic"
        assert joined.weights is not None and joined.match_probability is not None
        assert joined.match_probability >= 0.9
        records = s.scalar(select(func.count()).select_from(PartyRecordRow)) or 0
        # the old prior, 1 / records, would have left it below the threshold
        assert records > 10_000
        assert joined.weights["prior"] > math.log2(1 / records) + 1.0
        assert joined.match_weight - joined.weights["prior"] + math.log2(1 / records) < math.log2(9)


def test_a_name_two_traders_share_without_identifier_joins_neither(
    sqlite_store: sessionmaker[Session],
) -> None:
    """Two registered traders named alike (different VAT numbers): a spelling of that name
    without identifier could be either, so it founds its own trader instead of a coin toss."""
    exporter = {"name": "Alpha Exports Ltd", "country": "CN"}
    decls = [
        _decl("H1", {"id": "DE136695976", "name": "Hanse Handel GmbH", "country": "DE"}, exporter),
        _decl("H2", {"id": "DE811128135", "name": "Hanse Handel GmbH", "country": "DE"}, exporter),
        _decl("H3", {"name": "HANSE HANDEL G.M.B.H.", "country": "DE"}, exporter),
    ]
    assert ingest_records(decls, source="t", session_factory=sqlite_store).quarantined == 0
    summary = resolve_store(sqlite_store)
    assert summary.ambiguous == 1
    with sqlite_store() as s:
        rows = s.execute(
            select(PartyRecordRow.identifier_key, PartyRecordRow.cluster_id).where(
                PartyRecordRow.name.in_(["Hanse Handel GmbH", "HANSE HANDEL G.M.B.H."])
            )
        ).all()
    clusters = dict(rows)
    assert len(clusters) == 3 and len(set(clusters.values())) == 3
