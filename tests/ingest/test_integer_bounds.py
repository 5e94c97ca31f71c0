"""Every integer of a declaration, its goods items and its control results is bounded before
it reaches the store, by one rule on both stores (the ``Integer`` column's range, int4 on
PostgreSQL): a record out of range is quarantined naming the field, counts reconcile, and the
API answers 422, where PostgreSQL failed the whole batch, SQLite stored the record, and an
integer beyond 64 bits raised TypeError in the JSON serialiser on both."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.core.bounds import MAX_INTEGER
from clearlane.ingest.pipeline import ingest_file
from clearlane.learn.registry import ModelRegistry
from clearlane.store.quarantine import list_quarantine
from clearlane.store.tables import ControlResultRow, DeclarationRow
from tests.factories import control_result, declaration, item, write_jsonl


def _fields(store: sessionmaker[Session]) -> dict[str, set[str]]:
    """location -> the fields its quarantine reasons name."""
    out: dict[str, set[str]] = {}
    for record in list_quarantine(session_factory=store):
        out.setdefault(record["location"], set()).update(r["field"] for r in record["reasons"])
    return out


def test_an_amendment_past_the_highest_version_is_quarantined(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """The writer numbers an amendment without a version one past the stored one: past
    2**31 - 1 PostgreSQL refused the batch (NumericValueOutOfRange) and SQLite stored it."""
    first = write_jsonl(tmp_path / "a.jsonl", [declaration("BIG-1", version=MAX_INTEGER)])
    assert ingest_file(first, session_factory=store).stored == 1
    changed = declaration("BIG-1", invoice_total=1.0)
    changed.pop("version", None)
    amendment = write_jsonl(tmp_path / "b.jsonl", [changed, declaration("BIG-2")])
    report = ingest_file(amendment, session_factory=store)
    assert (report.received, report.stored, report.quarantined) == (2, 1, 1), report
    assert report.reconciles and report.reasons["absurd_value"] == 1
    assert _fields(store) == {"b.jsonl:line 1": {"version"}}
    with store() as session:
        versions = session.scalars(
            select(DeclarationRow.version).where(DeclarationRow.reference == "BIG-1")
        ).all()
    assert versions == [MAX_INTEGER]


def test_integers_out_of_range_in_declarations_are_quarantined_naming_the_field(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    records = [
        declaration("INT-1", version=MAX_INTEGER + 1),
        declaration("INT-2", items=[item(packages=2**70)]),  # beyond 64 bits: TypeError
        declaration("INT-3", items=[item(packages=MAX_INTEGER + 1)]),
        declaration("INT-4", items=[item(seq=100_000)]),
        declaration("INT-5", version=MAX_INTEGER, items=[item(packages=MAX_INTEGER)]),  # ends
    ]
    report = ingest_file(write_jsonl(tmp_path / "d.jsonl", records), session_factory=store)
    assert (report.received, report.stored, report.quarantined) == (5, 1, 4), report
    assert _fields(store) == {
        "d.jsonl:line 1": {"version"},
        "d.jsonl:line 2": {"items[0].packages"},
        "d.jsonl:line 3": {"items[0].packages"},
        "d.jsonl:line 4": {"items[0].seq"},
    }


def test_integers_out_of_range_in_control_results_are_quarantined_naming_the_field(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    ingest_file(write_jsonl(tmp_path / "d.jsonl", [declaration("CI-1")]), session_factory=store)
    finding = {"irregularity": "other", "field": "quantity"}
    wrong = {"outcome": "non_compliant", "severity": "revenue", "irregularities": ["other"]}
    controls = [
        control_result("CI-1", declaration_version=MAX_INTEGER + 1),
        control_result("CI-1", **wrong, findings=[{**finding, "item_seq": 2**70}]),
        control_result("CI-1", **wrong, findings=[{**finding, "item_seq": 100_000}]),
        control_result("CI-1", declaration_version=MAX_INTEGER, remarks="the end of the range"),
    ]
    report = ingest_file(
        write_jsonl(tmp_path / "c.jsonl", controls), kind="controls", session_factory=store
    )
    assert (report.received, report.stored, report.quarantined) == (4, 1, 3), report
    assert _fields(store) == {
        "c.jsonl:line 1": {"declaration_version"},
        "c.jsonl:line 2": {"findings[0].item_seq"},
        "c.jsonl:line 3": {"findings[0].item_seq"},
    }
    with store() as session:
        stored = session.scalars(select(ControlResultRow.declaration_version)).all()
    assert stored == [MAX_INTEGER]


def test_the_api_answers_422_for_an_amendment_past_the_highest_version(
    store_url: str, trained_registry: ModelRegistry
) -> None:
    from clearlane.api.app import create_app
    from tests.api.conftest import add_users, token_for
    from tests.api.helpers import own

    users = add_users(store_url)
    with TestClient(create_app(database_url=store_url, registry=trained_registry)) as client:
        headers = {"Authorization": f"Bearer {token_for(client, users['officer'])}"}
        first = client.post("/api/declarations", json=own("API-BIG", version=MAX_INTEGER),
                            headers=headers)  # fmt: skip
        assert first.status_code == 201, first.text
        amendment = own("API-BIG", invoice_total=1.0)
        amendment.pop("version", None)
        response = client.post("/api/declarations", json=amendment, headers=headers)
        assert response.status_code == 422, response.text
        assert "version" in response.text
        too_big = client.post("/api/declarations", json=own("API-BIG2", version=MAX_INTEGER + 1),
                              headers=headers)  # fmt: skip
        assert too_big.status_code == 422, too_big.text


def test_a_manifest_with_packages_out_of_range_is_quarantined_naming_the_field(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """A transport document's packages go into an Integer column too."""
    from clearlane.link.manifests.store import ingest_manifests

    path = tmp_path / "manifest.csv"
    path.write_text(
        "document_number,packages,gross_mass_kg\n"
        f"PK-1,{MAX_INTEGER + 1},12.5\n"
        f"PK-2,{MAX_INTEGER},12.5\n",
        encoding="utf-8",
    )
    report = ingest_manifests(path, None, store)
    assert (report.received, report.stored_new, report.quarantined) == (2, 1, 1), report
    assert report.balanced and report.reasons == {"BAD_NUMBER": 1}
    assert _fields(store) == {"manifest.csv:line 2": {"packages"}}


def test_a_manifest_with_a_number_beyond_64_bits_or_not_finite_is_quarantined_or_stored(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """A gross mass of 31 digits was read as an int beyond 64 bits: the JSON serialiser raised
    TypeError on the stored record and the whole file failed (nothing stored, no report). A
    huge mass is a float (stored); a huge package count is quarantined naming the field, as is
    a mass that is not a finite number."""
    from clearlane.link.manifests.store import ingest_manifests
    from clearlane.store.tables import TransportDocumentRow

    path = tmp_path / "manifest.csv"
    path.write_text(
        "document_number,packages,gross_mass_kg\n"
        f"BIG-1,5,1{'0' * 30}\n"
        f"BIG-2,1{'0' * 30},12.5\n"
        "BIG-3,5,inf\n"
        "BIG-4,5,12.5\n",
        encoding="utf-8",
    )
    report = ingest_manifests(path, None, store)
    assert (report.received, report.stored_new, report.quarantined) == (4, 2, 2), report
    assert report.balanced and report.reasons == {"BAD_NUMBER": 2}
    assert _fields(store) == {
        "manifest.csv:line 3": {"packages"},
        "manifest.csv:line 4": {"gross_mass_kg"},
    }
    jsonl = tmp_path / "manifest.jsonl"
    jsonl.write_text(
        f'{{"bl_number": "JS-1", "packages": 3, "gross_mass_kg": {2**70}}}\n'
        f'{{"bl_number": "JS-2", "packages": {2**70}, "gross_mass_kg": 1.5}}\n',
        encoding="utf-8",
    )
    report = ingest_manifests(jsonl, None, store)
    assert (report.received, report.stored_new, report.quarantined) == (2, 1, 1), report
    with store() as session:
        masses = dict(
            session.execute(
                select(TransportDocumentRow.document_number, TransportDocumentRow.gross_mass_kg)
            ).all()
        )
    assert masses == {"BIG-1": 1e30, "BIG-4": 12.5, "JS-1": float(2**70)}
