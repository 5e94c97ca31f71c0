"""A boolean is not a number, on every path that reads one (clearlane.core.numbers).

Python's bool is an int and Pydantic's lax mode turned JSON ``true`` into 1 (or 1.0): a
declaration with ``"packages": true`` was stored with one package, a control result with
``"extra_duty": true`` with 1.0 of duty, a DCSA transport document with
``"numberOfPackages": true`` with one package. Each is now quarantined naming the record and
the field, counts reconcile, and the API answers 422 naming the field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.ingest.pipeline import ingest_file
from clearlane.learn.registry import ModelRegistry
from clearlane.store.quarantine import list_quarantine
from clearlane.store.tables import ControlResultRow, DeclarationRow, TransportDocumentRow
from tests.factories import control_result, declaration, item, write_jsonl


def _reasons(store: sessionmaker[Session]) -> dict[str, dict[str, str]]:
    """location -> {field: message} of its quarantine reasons."""
    out: dict[str, dict[str, str]] = {}
    for record in list_quarantine(session_factory=store):
        for reason in record["reasons"]:
            out.setdefault(record["location"], {})[reason["field"]] = reason["message"]
    return out


def _count(store: sessionmaker[Session], table: Any) -> int:
    with store() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


BOOL_DECLARATIONS = [
    declaration("B-1", items=[item(packages=True)]),
    declaration("B-2", version=True),
    declaration("B-3", invoice_total=False),
    declaration("B-4", items=[item(seq=True, quantity=True)]),
    declaration("B-5", items=[item(packages=3)]),  # the valid one
]
BOOL_FIELDS = {
    1: {"items[0].packages"},
    2: {"version"},
    3: {"invoice_total"},
    4: {"items[0].seq", "items[0].quantity"},
}


def test_booleans_in_a_json_lines_declaration_file_are_quarantined_naming_the_field(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", BOOL_DECLARATIONS)
    report = ingest_file(path, session_factory=store)
    assert (report.received, report.stored, report.quarantined) == (5, 1, 4), report
    assert report.reconciles
    reasons = _reasons(store)
    assert {k: set(v) for k, v in reasons.items()} == {
        f"d.jsonl:line {n}": fields for n, fields in BOOL_FIELDS.items()
    }
    assert reasons["d.jsonl:line 1"]["items[0].packages"] == (
        "d.jsonl:line 1: 'items[0].packages': a boolean (true) is not a number (got True)"
    )
    assert "a boolean (false) is not a number" in reasons["d.jsonl:line 3"]["invoice_total"]
    assert _count(store, DeclarationRow) == 1


def test_booleans_in_a_json_declaration_file_are_quarantined_naming_the_record(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "d.json"
    path.write_text(json.dumps({"declarations": BOOL_DECLARATIONS}), encoding="utf-8")
    report = ingest_file(path, session_factory=store)
    assert (report.received, report.stored, report.quarantined) == (5, 1, 4), report
    assert {k: set(v) for k, v in _reasons(store).items()} == {
        f"d.json:record {n}": fields for n, fields in BOOL_FIELDS.items()
    }


def test_true_in_csv_and_xml_number_cells_is_refused_not_read_as_one(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """CSV and XML carry numbers as text: 'true' never parsed as a number there (the bulk CSV
    path hands a cell its number pattern refuses to the per-record path); kept so."""
    from tests.factories import write_csv

    csv_path = write_csv(
        tmp_path / "d.csv",
        [declaration("C-1", items=[item(packages="true")]), declaration("C-2")],
    )
    report = ingest_file(csv_path, session_factory=store)
    assert (report.received, report.stored, report.quarantined) == (2, 1, 1), report
    xml = tmp_path / "d.xml"
    xml.write_text(
        "<declarations><declaration><reference>X-1</reference>"
        "<declaration_date>2025-03-14</declaration_date><version>true</version>"
        "<items><item><seq>1</seq><hs_code>85171300</hs_code><packages>TRUE</packages>"
        "</item></items></declaration></declarations>",
        encoding="utf-8",
    )
    report = ingest_file(xml, session_factory=store)
    assert (report.received, report.stored, report.quarantined) == (1, 0, 1), report
    fields = {k: set(v) for k, v in _reasons(store).items()}
    assert fields["d.csv:line 2"] == {"items[0].packages"}
    assert fields["d.xml:line 1 (declaration 1)"] >= {"version", "items[0].packages"}


def test_booleans_in_control_results_are_quarantined_naming_the_field(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    ingest_file(write_jsonl(tmp_path / "d.jsonl", [declaration("CB-1")]), session_factory=store)
    wrong = {"outcome": "non_compliant", "severity": "revenue", "irregularities": ["other"]}
    finding = {"irregularity": "other", "field": "quantity"}
    controls = [
        control_result("CB-1", extra_duty=True),
        control_result("CB-1", declaration_version=True),
        control_result("CB-1", seized_quantity=False, penalty=True),
        control_result("CB-1", **wrong, findings=[{**finding, "item_seq": True}]),
        control_result("CB-1", **wrong, findings=[{**finding, "declared": True}]),
        control_result("CB-1", remarks="the valid one"),
    ]
    path = write_jsonl(tmp_path / "c.jsonl", controls)
    report = ingest_file(path, kind="controls", session_factory=store)
    assert (report.received, report.stored, report.quarantined) == (6, 1, 5), report
    assert report.reconciles
    reasons = _reasons(store)
    assert {k: set(v) for k, v in reasons.items()} == {
        "c.jsonl:line 1": {"extra_duty"},
        "c.jsonl:line 2": {"declaration_version"},
        "c.jsonl:line 3": {"seized_quantity", "penalty"},
        "c.jsonl:line 4": {"findings[0].item_seq"},
        "c.jsonl:line 5": {"findings[0].declared"},
    }
    assert reasons["c.jsonl:line 1"]["extra_duty"] == (
        "c.jsonl:line 1: 'extra_duty': a boolean (true) is not a number"
    )
    assert _count(store, ControlResultRow) == 1


def _stored_packages(store: sessionmaker[Session]) -> dict[str, int]:
    """Stored transport documents' package counts by document number."""
    with store() as session:
        rows = session.execute(
            select(TransportDocumentRow.document_number, TransportDocumentRow.packages)
        ).all()
    return {str(number): packages for number, packages in rows}


def _dcsa(number: str, packages: Any, weight: Any) -> dict[str, Any]:
    """A DCSA transport document with one cargo item of ``packages`` and ``weight`` kg."""
    cargo = {
        "outerPackaging": {"numberOfPackages": packages},
        "cargoGrossWeight": {"value": weight, "unit": "KGM"},
    }
    return {
        "transportDocumentReference": number,
        "consignmentItems": [{"descriptionOfGoods": ["toys"], "cargoItems": [cargo]}],
    }


def test_booleans_in_transport_documents_are_quarantined_naming_the_field(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """DCSA ``numberOfPackages: true`` was stored as 1 package (``int(True)``), a weight of
    ``true`` as 1 kg; the generated JSON Lines form quarantined ``true`` as "'True' is not
    >= 0"."""
    from clearlane.link.manifests.store import ingest_manifests

    path = tmp_path / "ebl.json"
    path.write_text(
        json.dumps([_dcsa("EB-1", True, 120.5), _dcsa("EB-2", 4, True), _dcsa("EB-3", 4, 120.5)]),
        encoding="utf-8",
    )
    report = ingest_manifests(path, "dcsa", store)
    assert (report.received, report.stored_new, report.quarantined) == (3, 1, 2), report
    assert report.balanced and report.reasons == {"BAD_NUMBER": 2}
    jsonl = tmp_path / "manifests.jsonl"
    jsonl.write_text(
        '{"bl_number": "JB-1", "packages": true, "gross_mass_kg": 1.5}\n'
        '{"bl_number": "JB-2", "packages": 2, "gross_mass_kg": false}\n'
        '{"bl_number": "JB-3", "packages": 2, "gross_mass_kg": 1.5}\n',
        encoding="utf-8",
    )
    report = ingest_manifests(jsonl, None, store)
    assert (report.received, report.stored_new, report.quarantined) == (3, 1, 2), report
    assert report.balanced and report.reasons == {"BAD_NUMBER": 2}
    assert _reasons(store) == {
        "ebl.json:record 1": {"packages": "a boolean (true) is not a number"},
        "ebl.json:record 2": {"gross_mass_kg": "a boolean (true) is not a number"},
        "manifests.jsonl:line 1": {"packages": "a boolean (true) is not a number"},
        "manifests.jsonl:line 2": {"gross_mass_kg": "a boolean (false) is not a number"},
    }
    assert _stored_packages(store) == {"EB-3": 4, "JB-3": 2}


def test_a_dcsa_count_or_weight_that_is_no_number_is_quarantined_naming_the_field(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """``numberOfPackages: "ten"`` ended in "unexpected structure: invalid literal for
    int()", naming no field; numbers written as text ("12", "12.0") are read as before."""
    from clearlane.link.manifests.store import ingest_manifests

    path = tmp_path / "ebl.json"
    path.write_text(
        json.dumps([_dcsa("EN-1", "ten", 120.5), _dcsa("EN-2", 4, "heavy"), _dcsa("EN-3", 2.5, 1),
                    _dcsa("EN-4", {"n": 1}, 1), _dcsa("EN-5", "12", "120.5"),
                    _dcsa("EN-6", "12.0", 3)]),
        encoding="utf-8",
    )  # fmt: skip
    report = ingest_manifests(path, "dcsa", store)
    assert (report.received, report.stored_new, report.quarantined) == (6, 2, 4), report
    assert report.balanced
    reasons = _reasons(store)
    assert set(reasons) == {f"ebl.json:record {n}" for n in (1, 2, 3, 4)}, reasons
    assert list(reasons["ebl.json:record 1"]) == ["packages"]
    assert list(reasons["ebl.json:record 2"]) == ["gross_mass_kg"]
    assert list(reasons["ebl.json:record 3"]) == ["packages"]
    assert list(reasons["ebl.json:record 4"]) == ["packages"]
    assert _stored_packages(store) == {"EN-5": 12, "EN-6": 12}


def test_the_api_answers_422_naming_the_field_for_a_boolean_number(
    store_url: str, trained_registry: ModelRegistry
) -> None:
    from clearlane.api.app import create_app
    from tests.api.conftest import add_users, token_for
    from tests.api.helpers import own

    users = add_users(store_url)
    with TestClient(create_app(database_url=store_url, registry=trained_registry)) as client:
        headers = {"Authorization": f"Bearer {token_for(client, users['officer'])}"}
        for body, field in [
            (own("API-B1", items=[item(packages=True)]), "items[0].packages"),
            (own("API-B2", version=True), "version"),
            (own("API-B3", customs_value=False), "customs_value"),
        ]:
            response = client.post("/api/declarations", json=body, headers=headers)
            assert response.status_code == 422, response.text
            assert field in response.text and "boolean" in response.text, response.text
        stored = client.post("/api/declarations", json=own("API-B4"), headers=headers)
        assert stored.status_code == 201, stored.text
        for control, field in [
            ({"extra_duty": True}, "extra_duty"),
            ({"declaration_version": True}, "declaration_version"),
            ({"seized_quantity": False}, "seized_quantity"),
        ]:
            body = {"control_type": "documentary", "outcome": "compliant", **control}
            response = client.post(
                "/api/declarations/API-B4/control-result", json=body, headers=headers
            )
            assert response.status_code == 422, response.text
            assert field in response.text and "boolean" in response.text, response.text
