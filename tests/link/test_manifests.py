import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.generate.identifiers import container_number, imo_number, s10_number
from clearlane.ingest.pipeline import ingest_records
from clearlane.link.manifests.match import link_documents
from clearlane.link.manifests.readers import MAX_DEPTH
from clearlane.link.manifests.store import ingest_manifests
from clearlane.link.manifests.validate import is_container_number, is_unlocode
from clearlane.link.register import resolve_store
from clearlane.store.quarantine import list_quarantine
from clearlane.store.tables import (
    DocumentLinkRow,
    PartyRecordRow,
    QuarantineRow,
    TransportDocumentRow,
)
from tests.factories import declaration

C1, C2, C3 = (container_number("MSK", n) for n in (123456, 234567, 345678))
IMO = imo_number(953415)


def dcsa(ref: str, containers: list[str], consignee: str = "Van Dijk Import B.V.",
         **over: Any) -> dict[str, Any]:  # fmt: skip
    doc: dict[str, Any] = {
        "transportDocumentReference": ref,
        "transportDocumentTypeCode": "BOL",
        "carrierCode": "MAEU",
        "shippedOnBoardDate": "2025-03-01",
        "transports": {
            "plannedArrivalDate": "2025-03-10",
            "portOfLoading": {"UNLocationCode": "CNSHA"},
            "portOfDischarge": {"UNLocationCode": "NLRTM"},
            "vesselVoyages": [
                {
                    "vesselName": "GOLDEN TRIDENT",
                    "vesselIMONumber": IMO,
                    "carrierExportVoyageNumber": "2452N",
                }
            ],
        },
        "documentParties": {
            "shipper": {
                "partyName": "Shenzhen Bright Star Co., Ltd.",
                "address": {
                    "street": "Keji Road",
                    "streetNumber": "8",
                    "city": "Shenzhen",
                    "countryCode": "CN",
                },
            },
            "consignee": {
                "partyName": consignee,
                "address": {
                    "street": "Haven",
                    "streetNumber": "1",
                    "city": "Rotterdam",
                    "postCode": "3011",
                    "countryCode": "NL",
                },
            },
        },
        "utilizedTransportEquipments": [
            {"equipment": {"equipmentReference": c, "ISOEquipmentCode": "22G1"}} for c in containers
        ],
        "consignmentItems": [
            {
                "descriptionOfGoods": ["SMARTPHONES"],
                "cargoItems": [
                    {
                        "equipmentReference": containers[0] if containers else None,
                        "cargoGrossWeight": {"value": 30.0, "unit": "KGM"},
                        "outerPackaging": {"numberOfPackages": 4, "packageCode": "CT"},
                    }
                ],
            }
        ],
    }
    doc.update(over)
    return doc


def test_validators() -> None:
    assert is_container_number(C1)
    assert not is_container_number(C1[:-1] + str((int(C1[-1]) + 1) % 10))
    assert is_unlocode("NLRTM") and not is_unlocode("XXRTM") and not is_unlocode("NLRT")


def test_dcsa_and_csv_reconcile_and_quarantine_with_reasons(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    bad_container = C2[:-1] + str((int(C2[-1]) + 1) % 10)
    docs = [
        dcsa("MAEU0001", [C1]),
        dcsa("MAEU0002", [bad_container]),
        dcsa("MAEU0003", [C3], transports={"portOfLoading": {"UNLocationCode": "SHANGHAI"}}),
        dcsa("", [C3]),
    ]
    path = tmp_path / "ebl.json"
    path.write_text(json.dumps(docs), encoding="utf-8")
    report = ingest_manifests(path, None, store)
    assert (report.received, report.stored_new, report.quarantined) == (4, 1, 3)
    assert report.balanced
    assert report.reasons == {"BAD_CONTAINER_NUMBER": 1, "BAD_UNLOCODE": 1, "MISSING_FIELD": 1}

    csv_path = tmp_path / "manifest.csv"
    s10 = s10_number("RR", 12345678, "CN")
    bad_s10 = s10[:10] + str((int(s10[10]) + 1) % 10) + s10[11:]
    csv_path.write_text(
        "document_number,vessel_imo,containers,postal_items,packages,gross_mass_kg,"
        "consignee_name,consignee_country\n"
        f"CSV1,{IMO},{C2};{C3},{s10},3,12.5,Acme Ltd,NL\n"
        f"CSV2,IMO1234568,,{bad_s10},x,1,Acme Ltd,NL\n",
        encoding="utf-8",
    )
    report = ingest_manifests(csv_path, None, store)
    assert (report.received, report.stored_new, report.quarantined) == (2, 1, 1)
    assert report.reasons == {"BAD_IMO": 1, "BAD_S10": 1, "BAD_NUMBER": 1}
    with store() as s:
        rows = s.scalars(select(QuarantineRow).where(QuarantineRow.kind == "manifests")).all()
        assert len(rows) == 4
        by_location = {r.location: r for r in rows}
        assert "ebl.json:record 2" in by_location
        assert by_location["ebl.json:record 2"].reasons[0]["field"] == "containers[0]"
        assert by_location["manifest.csv:line 3"].raw.startswith("CSV2")
        stored = s.scalars(select(TransportDocumentRow)).all()
        assert {d.document_number for d in stored} == {"MAEU0001", "CSV1"}
    # the same file again: nothing new, still reconciled
    again = ingest_manifests(path, None, store)
    assert (again.stored_new, again.stored_unchanged, again.quarantined) == (0, 1, 3)


def test_declarations_link_by_number_then_containers_then_parties(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "ebl.json"
    path.write_text(json.dumps([
        dcsa("MAEU0001", [C1]),
        dcsa("MAEU0002", [C2]),
        dcsa("MAEU0003", [], consignee="VAN DIJK IMPORT BV"),
        dcsa("MAEU0004", [], consignee="Somebody Else Trading GmbH"),
    ]), encoding="utf-8")  # fmt: skip
    ingest_manifests(path, None, store)
    importer = {"name": "Van Dijk Import B.V.", "country": "NL"}
    exporter = {"name": "Shenzhen Bright Star Co Ltd", "country": "CN"}
    decls = [
        declaration("D1", transport_document="maeu 0001", containers=[], importer=importer),
        declaration("D2", containers=[C2], importer=importer),
        declaration(
            "D3", containers=[], importer=importer, exporter=exporter, declaration_date="2025-03-12"
        ),
        declaration("D4", containers=[], importer={"name": "Nobody Known", "country": "NL"}),
    ]
    assert ingest_records(decls, source="t", session_factory=store).quarantined == 0
    summary = link_documents(store)
    assert summary.by_method == {"document_number": 1, "containers": 1, "parties": 1}
    with store() as s:
        links = {
            ref: (number, method, evidence)
            for ref, number, method, evidence in s.execute(
                select(DocumentLinkRow.declaration_reference,
                       TransportDocumentRow.document_number, DocumentLinkRow.method,
                       DocumentLinkRow.evidence).join(TransportDocumentRow)
            )
        }  # fmt: skip
    assert links["D1"][:2] == ("MAEU0001", "document_number")
    assert links["D2"][:2] == ("MAEU0002", "containers")
    assert links["D2"][2]["containers"] == [C2]
    assert links["D3"][:2] == ("MAEU0003", "parties")
    assert links["D3"][2]["consignee"] == ["Van Dijk Import B.V.", "VAN DIJK IMPORT BV"]
    assert "D4" not in links
    assert link_documents(store).linked == 0  # nothing twice

    # manifest parties join the trader register beside the declarations' parties
    resolve_store(store)
    with store() as s:
        names = {r.name: r.cluster_id for r in s.scalars(select(PartyRecordRow))}
    assert "VAN DIJK IMPORT BV" in names and "Somebody Else Trading GmbH" in names


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", "[" * 100 + "]" * 100])
def test_unreadable_json_is_quarantined_not_raised(
    store: sessionmaker[Session], tmp_path: Path, text: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    report = ingest_manifests(path, "dcsa", store)
    assert report.received >= 1
    assert report.quarantined == report.received
    assert report.balanced


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_json_nested_past_the_parsers_recursion_is_quarantined_naming_the_place(
    store: sessionmaker[Session], tmp_path: Path, suffix: str
) -> None:
    """100,000 levels raised RecursionError out of json.loads: a traceback from `clearlane
    link manifests`, nothing counted."""
    path = tmp_path / f"deep{suffix}"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    report = ingest_manifests(path, "dcsa", store)
    assert (report.received, report.quarantined) == (1, 1) and report.balanced
    where = "deep.json:file" if suffix == ".json" else "deep.jsonl:line 1"
    [row] = list_quarantine(session_factory=store)
    assert row["location"] == where
    assert any(f"nested deeper than {MAX_DEPTH}" in r["message"] for r in row["reasons"])


@pytest.mark.parametrize("count", ["1e400", "Infinity", "NaN"])
def test_a_dcsa_package_count_that_is_no_finite_number_is_quarantined_naming_the_field(
    store: sessionmaker[Session], tmp_path: Path, count: str
) -> None:
    """``numberOfPackages: 1e400`` (read as an infinite float) raised OverflowError from
    ``int()``, which the reader does not catch: the whole file's ingest failed. It is the
    record's ``packages`` that is wrong, and its record is quarantined saying so."""

    def doc(ref: str, packages: int) -> dict[str, Any]:
        cargo = {"outerPackaging": {"numberOfPackages": packages}}
        return {"transportDocumentReference": ref, "consignmentItems": [{"cargoItems": [cargo]}]}

    text = json.dumps([doc("EB-INF", 999), doc("EB-OK", 4)]).replace("999", count, 1)
    path = tmp_path / "ebl.json"
    path.write_text(text, encoding="utf-8")
    report = ingest_manifests(path, "dcsa", store)
    assert (report.received, report.stored_new, report.quarantined) == (2, 1, 1), report
    assert report.balanced and report.reasons == {"BAD_NUMBER": 1}
    (record,) = list_quarantine(session_factory=store)
    assert record["location"] == "ebl.json:record 1"
    (reason,) = record["reasons"]
    assert reason["field"] == "packages" and "not a finite number" in reason["message"]
