from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from clearlane.api.app import create_app
from clearlane.config import get_settings
from clearlane.ingest.pipeline import ingest_records
from clearlane.link.register import resolve_store
from clearlane.store.session import open_store
from clearlane.store.tables import ControlResultRow, PartyRecordRow
from tests.api.conftest import add_users, token_for
from tests.api.test_ui import ui_sign_in
from tests.conftest import sqlite_migrated_url, sqlite_template
from tests.factories import declaration


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[TestClient, dict[str, dict[str, str]], int]]:
    """One store, link run and app for the module (it cost ~8 s a test): the tests only read
    it; the page test signs in through the form and clears its cookie after."""
    root = tmp_path_factory.mktemp("trader-page")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLEARLANE_DATA_DIR", str(root / "var"))
        patch.delenv("CLEARLANE_DATABASE_URL", raising=False)
        get_settings.cache_clear()
        yield from _world(sqlite_migrated_url(sqlite_template(root.parent), root, "api.db"))
    get_settings.cache_clear()


def _world(url: str) -> Iterator[tuple[TestClient, dict[str, dict[str, str]], int]]:
    users = add_users(url)
    factory = open_store(url)
    importer = {"id": "DE136695976", "name": "Müller Logistik GmbH", "country": "DE"}
    decls = [
        declaration("T1", importer=importer),
        declaration("T2", importer=importer | {"name": "MUELLER LOGISTIK GMBH"}),
    ]
    ingest_records(decls, source="t", session_factory=factory)
    with factory() as s, s.begin():
        s.add(ControlResultRow(
            declaration_reference="T1", declaration_version=1, control_type="documentary",
            selection_reason="risk", outcome="non_compliant", severity="minor",
            irregularities=["valuation"], extra_duty=10.0,
            completed_at=datetime(2025, 3, 20, tzinfo=UTC), content_sha256="y" * 64,
            payload={}, recorded_at=datetime(2025, 3, 20, tzinfo=UTC),
        ))  # fmt: skip
    resolve_store(factory)
    with factory() as s:
        cluster = s.scalar(select(PartyRecordRow.cluster_id).where(
            PartyRecordRow.name == "MUELLER LOGISTIK GMBH"))  # fmt: skip
    assert cluster is not None
    with TestClient(create_app(database_url=url)) as client:
        headers = {
            role: {"Authorization": f"Bearer {token_for(client, name)}"}
            for role, name in users.items()
        }
        yield client, headers, cluster


def test_api_shows_cluster_weights_controls_and_hit_rate(world) -> None:  # type: ignore[no-untyped-def]
    client, headers, cluster = world
    got = client.get(f"/api/traders/{cluster}", headers=headers["officer"])
    assert got.status_code == 200, got.text
    body = got.json()
    assert set(body["names"]) == {"Müller Logistik GmbH", "MUELLER LOGISTIK GMBH"}
    assert body["identifiers"] == ["DE136695976"]
    assert body["declaration_count"] == 2
    assert (body["controlled"], body["hits"], body["hit_rate"]) == (1, 1, 1.0)
    joined = [r for r in body["records"] if r["link_method"] == "identifier"]
    assert joined  # the two spellings, found in one run, each point at the other
    for record in joined:
        assert abs(sum(record["weights"].values()) - record["match_weight"]) < 1e-9
    roles = {p["role"] for p in body["linked_parties"]}
    assert {"declarant", "exporter"} <= roles
    found = client.get("/api/traders", params={"q": "muell"}, headers=headers["analyst"])
    assert [r["cluster_id"] for r in found.json()] == [cluster]


@pytest.mark.parametrize(
    ("role", "status"), [("trader", 403), ("officer", 200), ("analyst", 200), ("auditor", 200)]
)
def test_permissions(world, role: str, status: int) -> None:  # type: ignore[no-untyped-def]
    client, headers, cluster = world
    assert client.get(f"/api/traders/{cluster}", headers=headers[role]).status_code == status
    assert client.get(f"/api/traders/{cluster}").status_code == 401


def test_bad_ids_are_4xx(world) -> None:  # type: ignore[no-untyped-def]
    client, headers, _ = world
    h = headers["officer"]
    assert client.get("/api/traders/999999", headers=h).status_code == 404
    assert client.get("/api/traders/0", headers=h).status_code == 422
    assert client.get("/api/traders/abc", headers=h).status_code == 422
    assert client.get("/api/traders/" + "9" * 40, headers=h).status_code == 422
    assert client.get("/api/traders", params={"q": "x" * 101}, headers=h).status_code == 422
    assert client.get("/api/traders", params={"q": "a\x00b"}, headers=h).status_code == 400


def test_page_renders_for_officer(world) -> None:  # type: ignore[no-untyped-def]
    client, _headers, cluster = world
    ui_sign_in(client, "officer1")
    try:
        page = client.get(f"/traders/{cluster}")
        assert page.status_code == 200
        assert "MUELLER LOGISTIK GMBH" in page.text
        assert "identifier" in page.text and "100.0 %" in page.text
        assert client.get("/traders/999999").status_code == 404
        listing = client.get("/traders", params={"q": "logistik"})
        assert f"/traders/{cluster}" in listing.text
    finally:
        client.cookies.clear()  # the module's other tests send no cookie (test_permissions: 401)
