import threading
from typing import Any

import pytest
from sqlalchemy import select
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
