"""Issue #14, "generated declarations, invoices and manifests with planted party variants and
discrepancies that the demo links and flags": the DCSA/CSV manifests with planted
discrepancies, the demo's linking step (idempotent), invoice parties in the register, and
the page data (transport documents card, trader network)."""

import csv
import json
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.api.traders.graph import network_svg
from clearlane.generate.config import GeneratorConfig
from clearlane.generate.dataset import write_dataset
from clearlane.generate.manifest_files import PLANT_CODES, plant
from clearlane.ingest.pipeline import ingest_file, ingest_records
from clearlane.link.generated import link_generated
from clearlane.link.register import resolve_store
from clearlane.link.views import declaration_transport, has_document_query, trader_network
from clearlane.store.tables import (
    DocumentExtractionRow,
    DocumentLinkRow,
    DocumentRow,
    PartyMentionRow,
    PartyRecordRow,
    QuarantineRow,
    TraderClusterRow,
    TransportDocumentRow,
)
from tests.factories import declaration


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "gen"
    write_dataset(GeneratorConfig(declarations=400, days=40, seed=7), out)
    return out


def _store_state(factory: sessionmaker[Session]) -> dict[str, object]:
    with factory() as s:
        return {
            "clusters": s.scalar(select(func.count()).select_from(TraderClusterRow)),
            "records": sorted(s.execute(select(PartyRecordRow.id, PartyRecordRow.cluster_id))),
            "mentions": s.scalar(select(func.count()).select_from(PartyMentionRow)),
            "links": sorted(s.execute(select(DocumentLinkRow.declaration_reference,
                                             DocumentLinkRow.transport_document_id))),
            "documents": s.scalar(select(func.count()).select_from(TransportDocumentRow)),
            "quarantine": s.scalar(select(func.count()).select_from(QuarantineRow)),
        }  # fmt: skip


def test_demo_linking_finds_every_plant_without_false_alarms_and_is_idempotent(
    generated: Path, sqlite_store: sessionmaker[Session]
) -> None:
    ingest_file(generated / "declarations.jsonl", session_factory=sqlite_store)
    first = link_generated(generated, sqlite_store, seed=3)
    files = first.files
    assert files.dcsa_documents + files.csv_documents == files.documents == 400
    assert files.dcsa_documents > 0 and files.csv_documents > 0
    # N = S + Q on both files, the bad records quarantined with their reasons
    for report in first.reports:
        assert report.balanced and report.quarantined == 2
    reasons = set(first.reports[0].reasons) | set(first.reports[1].reasons)
    assert {"BAD_CONTAINER_NUMBER", "BAD_UNLOCODE", "MISSING_FIELD", "BAD_DATE"} <= reasons
    assert first.documents.linked == 400 and first.links == 400
    score = first.score
    assert sum(score.planted.values()) == sum(files.planted.values()) >= 10
    assert score.found == score.planted  # every planted discrepancy flagged
    assert score.quantity_fraud > 0 and score.quantity_found == score.quantity_fraud
    assert score.false_alarm_count == 0, score.false_alarms
    assert first.clusters > 0
    before = _store_state(sqlite_store)
    second = link_generated(generated, sqlite_store, seed=3)
    assert _store_state(sqlite_store) == before  # no duplicate clusters, links or quarantine
    assert second.documents.linked == 0 and second.register.records_added == 0
    assert [r.stored_unchanged for r in second.reports] == [r.stored_new for r in first.reports]
    assert second.score == first.score
    # the same data set and seed write the same files
    assert files.plants.read_bytes() == second.files.plants.read_bytes()
    assert files.dcsa.read_bytes() == second.files.dcsa.read_bytes()


def test_each_plant_code_makes_its_own_discrepancy(generated: Path) -> None:
    from clearlane.generate.manifest_files import _applicable, _pools
    from clearlane.link.discrepancies import compare
    from clearlane.link.manifests.readers import from_generated

    manifests = [json.loads(line) for line in (generated / "manifests.jsonl").open()]
    decls = {d["reference"]: d for d in map(json.loads, (generated / "declarations.jsonl").open())}
    pools = _pools(manifests)
    seen: set[str] = set()
    rng = random.Random(1)
    truth = {r["reference"]: r["mechanisms"] for r in csv.DictReader(
        (generated / "ground_truth.csv").open())}  # fmt: skip
    for manifest in manifests:
        ref = manifest["declaration_reference"]
        if truth[ref]:
            continue  # fraud may already make a discrepancy
        decl = decls[ref]
        for code in _applicable(manifest, decl):
            planted = plant(manifest, decl, code, rng, pools)
            assert planted is not None
            doc = TransportDocumentRow(**{
                k: v for k, v in from_generated(planted[0]).items()
                if k in ("document_number", "port_of_loading", "packages", "gross_mass_kg",
                         "containers", "parties")
            })  # fmt: skip
            arrival = from_generated(planted[0])["arrival_date"]
            doc.arrival_date = datetime.fromisoformat(arrival).date() if arrival else None
            when = datetime.fromisoformat(decl["declaration_date"]).date()
            assert [d.code for d in compare(decl, when, doc)] == [code], (ref, code)
            seen.add(code)
    assert seen == set(PLANT_CODES)


def test_invoice_parties_join_the_register(sqlite_store: sessionmaker[Session]) -> None:
    importer = {"id": "DE136695976", "name": "Müller Logistik GmbH", "country": "DE"}
    ingest_records([declaration("I1", importer=importer)], source="t", session_factory=sqlite_store)
    now = datetime(2025, 3, 1, tzinfo=UTC)
    with sqlite_store() as s, s.begin():
        doc = DocumentRow(reference="I1", filename="inv.pdf", content_type="application/pdf",
                          size=1, sha256="a" * 64, uploaded_by="t", uploaded_at=now)  # fmt: skip
        s.add(doc)
        s.flush()
        s.add(DocumentExtractionRow(
            document_id=doc.id, reference="I1", status="done", pages=1, created_at=now,
            extraction={"seller_name": "Shenzhen Bright Star Co., Ltd.", "seller_country": "CN",
                        "buyer_name": "MUELLER LOGISTIK GMBH", "buyer_country": "DE",
                        "issue_date": "2025-02-20"},
        ))  # fmt: skip
    summary = resolve_store(sqlite_store)
    assert summary.mentions_added >= 2
    with sqlite_store() as s:
        rows = s.execute(
            select(PartyMentionRow.role, PartyRecordRow.name, PartyRecordRow.cluster_id)
            .join(PartyRecordRow)
            .where(PartyMentionRow.source == "invoice")
        ).all()  # fmt: skip
        importer_cluster = s.scalar(
            select(PartyRecordRow.cluster_id).where(PartyRecordRow.name == importer["name"])
        )
    by_role = {role: (name, cluster) for role, name, cluster in rows}
    assert set(by_role) == {"seller", "buyer"}
    # the invoice's buyer, spelled its own way, is the declaration's importer
    assert by_role["buyer"] == ("MUELLER LOGISTIK GMBH", importer_cluster)
    assert resolve_store(sqlite_store).mentions_added == 0  # read once


def test_transport_card_data_and_network(
    generated: Path, sqlite_store: sessionmaker[Session]
) -> None:
    ingest_file(generated / "declarations.jsonl", session_factory=sqlite_store)
    ingest_file(generated / "controls.jsonl", kind="controls", session_factory=sqlite_store)
    link_generated(generated, sqlite_store, seed=3)
    plants = list(csv.DictReader((generated / "manifest_plants.csv").open()))
    row = plants[0]
    with sqlite_store() as s:
        docs = declaration_transport(s, row["reference"])
        assert len(docs) == 1 and docs[0]["link_method"] == "document_number"
        assert docs[0]["document_number"] == row["document_number"]
        codes = {d["code"]: d for d in docs[0]["discrepancies"]}
        assert row["code"] in codes
        assert codes[row["code"]]["declared"] != codes[row["code"]]["manifest"]
        assert has_document_query(s, row["reference"])
        assert declaration_transport(s, "NO-SUCH") == []
        cluster = s.scalar(
            select(PartyRecordRow.cluster_id).join(PartyMentionRow)
            .where(PartyMentionRow.source_ref == row["reference"],
                   PartyMentionRow.role == "importer")
        )  # fmt: skip
        assert cluster is not None
        loaded: list[object] = []
        listener = lambda target, _context: loaded.append(target)  # noqa: E731
        event.listen(PartyRecordRow, "load", listener)
        try:
            network = trader_network(s, cluster)
        finally:
            event.remove(PartyRecordRow, "load", listener)
        # the network reads the records' columns, not every record of the store as an ORM
        # object with its JSON columns decoded (most of a call's time, session 37)
        assert loaded == []
        assert trader_network(s, 10**9) is None
    assert network is not None and network["centre"]["cluster_id"] == cluster
    assert len(network["nodes"]) == len(network["edges"]) >= 1
    assert all(e["reasons"] for e in network["edges"])
    svg = network_svg(network)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<style" not in svg and "<script" not in svg and "style=" not in svg
    assert svg.count('class="net-node') == len(network["nodes"]) + 1


def test_network_svg_escapes_names_and_marks_non_compliant() -> None:
    network = {
        "centre": {"cluster_id": 1, "name": "<b>Evil</b> & Co", "non_compliant": 0},
        "nodes": [{"cluster_id": 2, "name": "Caught Ltd", "non_compliant": 3},
                  {"cluster_id": 3, "name": "Partner BV", "non_compliant": 0}],
        "edges": [{"target": 2, "kind": "shares", "reasons": ["address Haven 1, Rotterdam"]},
                  {"target": 3, "kind": "partner", "reasons": ["exporter on 4 declarations"]}],
    }  # fmt: skip
    svg = network_svg(network)
    assert "<b>" not in svg and "&lt;b&gt;Evil&lt;/b&gt; &amp; Co" in svg
    assert "non-compliant (3)" in svg and svg.count("net-bad") == 1
    assert "address Haven 1, Rotterdam" in svg and "exporter on 4 declarations" in svg
    assert 'href="/traders/2"' in svg and 'href="/traders/3"' in svg
