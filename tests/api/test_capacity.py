"""Capacity routes: defaults, setting a capacity (versioned, audited), history, bad shares."""

from __future__ import annotations

import math
import uuid

import pytest
from fastapi.testclient import TestClient

from clearlane.audit import entries, verify
from clearlane.selection import SelectionPolicy
from clearlane.selection.capacity_store import capacity_in_force
from clearlane.store.session import open_store
from tests.api.conftest import World
from tests.api.seed import OFFICES

DEFAULT = SelectionPolicy()


@pytest.fixture
def client(seeded_world: World) -> TestClient:
    return seeded_world.client


@pytest.fixture
def office() -> str:
    return f"T{uuid.uuid4().hex[:8].upper()}"


def test_offices_of_the_store_run_on_the_defaults(client: TestClient, seeded_world: World) -> None:
    response = client.get("/api/capacity", headers=seeded_world.headers["officer"])
    assert response.status_code == 200
    body = response.json()
    assert body["defaults"] == {
        "red_share": DEFAULT.capacity.red.share,
        "yellow_share": DEFAULT.capacity.yellow.share,
        "random_share": DEFAULT.random_share,
    }
    rows = {row["office"]: row for row in body["data"]}
    assert set(OFFICES) <= set(rows) and body["count"] == len(rows)
    for code in OFFICES:
        if rows[code]["source"] == "default":  # (another test may set one)
            assert rows[code]["version"] == 0 and rows[code]["changed_by"] is None


def test_set_capacity_versions_and_audits(
    client: TestClient, seeded_world: World, office: str
) -> None:
    supervisor = seeded_world.headers["supervisor"]
    before = client.get(f"/api/capacity/{office}", headers=supervisor).json()
    assert (before["source"], before["version"], before["history"]) == ("default", 0, [])
    first = {"red_share": 0.03, "yellow_share": 0.12, "random_share": 0.2, "note": "summer"}
    response = client.put(f"/api/capacity/{office}", json=first, headers=supervisor)
    assert response.status_code == 200, response.text
    stored = response.json()
    assert (stored["source"], stored["version"], stored["changed_by"]) == (
        "stored",
        1,
        "supervisor1",
    )
    assert stored["red_share"] == 0.03 and stored["changed_at"] is not None
    second = {"red_share": 0.5, "yellow_share": 0.5, "random_share": 0.0}
    response = client.put(
        f"/api/capacity/{office}", json=second, headers=seeded_world.headers["admin"]
    )
    assert response.status_code == 200 and response.json()["version"] == 2

    detail = client.get(f"/api/capacity/{office}", headers=seeded_world.headers["analyst"]).json()
    assert (detail["version"], detail["red_share"], detail["changed_by"]) == (2, 0.5, "admin1")
    assert [h["version"] for h in detail["history"]] == [1, 2]
    listed = client.get("/api/capacity", headers=supervisor).json()
    (row,) = [r for r in listed["data"] if r["office"] == office]
    assert (row["source"], row["yellow_share"]) == ("stored", 0.5)

    with open_store(seeded_world.url)() as session:
        assert capacity_in_force(session, office=office) == (0.5, 0.5, 0.0)
        changes = entries(session, kind="capacity_change", subject=f"office:{office}")
        assert [e["payload"]["version"] for e in changes] == [2, 1]
        assert changes[0]["payload"]["before"] == [0.03, 0.12, 0.2]
        assert changes[1]["payload"]["note"] == "summer"
        assert verify(session).ok


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"red_share": 1.2, "yellow_share": 0.1, "random_share": 0.1}, "body.red_share"),
        ({"red_share": -0.1, "yellow_share": 0.1, "random_share": 0.1}, "body.red_share"),
        ({"red_share": 0.1, "yellow_share": 0.1, "random_share": 2}, "body.random_share"),
        ({"red_share": 0.6, "yellow_share": 0.5, "random_share": 0.1}, "body.yellow_share"),
        ({"red_share": "lots", "yellow_share": 0.1, "random_share": 0.1}, "body.red_share"),
        ({"red_share": 0.1, "yellow_share": 0.1}, "body.random_share"),
        ({"red_share": 0.1, "yellow_share": 0.1, "random_share": 0.1, "blue": 1}, "body.blue"),
    ],
)
def test_invalid_shares_are_refused_naming_the_field(
    client: TestClient, seeded_world: World, office: str, body: dict, field: str
) -> None:
    response = client.put(
        f"/api/capacity/{office}", json=body, headers=seeded_world.headers["supervisor"]
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == field
    detail = client.get(
        f"/api/capacity/{office}", headers=seeded_world.headers["supervisor"]
    ).json()
    assert detail["source"] == "default"


def test_bad_requests_and_roles(client: TestClient, seeded_world: World, office: str) -> None:
    supervisor = seeded_world.headers["supervisor"]
    ok = {"red_share": 0.1, "yellow_share": 0.1, "random_share": 0.1}
    nan = client.put(
        f"/api/capacity/{office}",
        content=b'{"red_share": NaN, "yellow_share": 0.1, "random_share": 0.1}',
        headers={**supervisor, "Content-Type": "application/json"},
    )
    assert nan.status_code == 422
    form = client.put(f"/api/capacity/{office}", data=ok, headers=supervisor)
    assert form.status_code == 415
    assert client.put("/api/capacity/bad%20office", json=ok, headers=supervisor).status_code == 422
    assert client.get(f"/api/capacity/{'X' * 40}", headers=supervisor).status_code == 422
    for role in ("officer", "analyst", "auditor", "trader"):
        response = client.put(
            f"/api/capacity/{office}", json=ok, headers=seeded_world.headers[role]
        )
        assert response.status_code == 403, role
    assert client.get("/api/capacity", headers=seeded_world.headers["trader"]).status_code == 403
    assert client.put(f"/api/capacity/{office}", json=ok).status_code == 401


def test_a_negative_zero_share_is_stored_as_zero(
    client: TestClient, seeded_world: World, office: str
) -> None:
    """-0.0 passes 0 <= share <= 1 but was stored, audited and shown as "-0.0"."""
    body = '{"red_share": -0.0, "yellow_share": 0.1, "random_share": -0.0}'
    response = client.put(
        f"/api/capacity/{office}",
        content=body,
        headers={**seeded_world.headers["supervisor"], "Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert '"red_share":0.0' in response.text and "-0.0" not in response.text
    with open_store(seeded_world.url)() as session:
        shares = capacity_in_force(session, office=office)
        (change,) = entries(session, kind="capacity_change", subject=f"office:{office}")
    assert [math.copysign(1.0, s) for s in shares] == [1.0, 1.0, 1.0]
    assert math.copysign(1.0, change["payload"]["red_share"]) == 1.0
    assert math.copysign(1.0, change["payload"]["random_share"]) == 1.0
    policy = SelectionPolicy.model_validate(
        {"random_share": -0.0, "capacity": {"red": {"share": -0.0}, "exploration": -0.0}}
    )
    shares = (policy.random_share, policy.capacity.red.share, policy.capacity.exploration)
    assert [math.copysign(1.0, s or 0.0) for s in shares] == [1.0, 1.0, 1.0]
