"""Risk-profile routes: list, read with history, add, change, retire, check; bad input."""

from __future__ import annotations

import copy
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from clearlane.audit import entries, verify
from clearlane.risk.profiles import load_default_profiles
from clearlane.store.session import open_store
from tests.api.conftest import World

Headers = dict[str, dict[str, str]]


@pytest.fixture
def client(world: World) -> TestClient:
    return world.client


@pytest.fixture
def auth(world: World) -> Headers:
    return world.headers


@pytest.fixture
def api_url(world: World) -> str:
    return world.url


@pytest.fixture
def pid() -> str:
    """A profile id no other test uses (the store is shared by the module)."""
    return f"T-{uuid.uuid4().hex[:10]}"


def ids(client: TestClient, headers: dict[str, str], **params: Any) -> set[str]:
    listed = client.get("/api/profiles", headers=headers, params=params).json()
    assert listed["count"] == len(listed["data"])
    return {row["profile_id"] for row in listed["data"]}


def profile(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "T-UV-01",
        "name": "Cheap phones",
        "version": 1,
        "owner": "analyst1",
        "rationale": "declared value per kg far below the reference",
        "valid_from": "2020-01-01",
        "weight": 0.4,
        "conditions": [
            {"field": "unit_price_ratio", "op": "unit_value_below_reference", "value": 0.3}
        ],
    }
    body.update(overrides)
    return body


def test_add_read_change_retire_with_history_and_audit(
    client: TestClient, auth: Headers, api_url: str, pid: str
) -> None:
    analyst = auth["analyst"]
    url = f"/api/profiles/{pid}"
    added = client.post(
        "/api/profiles", json=profile(id=pid), headers=analyst, params={"note": "new"}
    )
    assert added.status_code == 201, added.text
    assert added.json() == {"profile_id": pid, "version": 1, "action": "added"}

    listed = client.get("/api/profiles", headers=auth["auditor"]).json()
    (row,) = [r for r in listed["data"] if r["profile_id"] == pid]
    assert (row["version"], row["status"]) == (1, "active")
    assert row["in_force_today"] is True and row["note"] == "new"
    assert row["definition"]["conditions"][0]["op"] == "unit_value_below_reference"

    same = client.put(url, json=profile(id=pid), headers=analyst)
    assert same.status_code == 200 and same.json()["action"] == "unchanged"
    changed = client.put(
        url, json=profile(id=pid, version=2, weight=0.6), headers=auth["supervisor"]
    )
    assert changed.status_code == 200
    assert changed.json() == {"profile_id": pid, "version": 2, "action": "changed"}
    short = client.post(f"{url}/retire", json={"note": " ok "}, headers=analyst)
    assert short.status_code == 422  # the domain's one rule: at least 5 characters
    assert short.json()["error"]["fields"][0]["field"] == "body.note"
    unknown = client.post(
        "/api/profiles/NO-SUCH/retire", json={"note": "gone now"}, headers=analyst
    )
    assert unknown.status_code == 404
    retired = client.post(f"{url}/retire", json={"note": "replaced by T-UV-02"}, headers=analyst)
    assert retired.status_code == 200 and retired.json()["action"] == "retired"
    assert retired.json()["version"] == 3
    again = client.post(f"{url}/retire", json={"note": "twice"}, headers=analyst)
    assert again.status_code == 409 and "already retired" in again.json()["error"]["message"]

    assert pid not in ids(client, analyst)
    with_retired = client.get("/api/profiles", params={"include_retired": "true"}, headers=analyst)
    (row,) = [r for r in with_retired.json()["data"] if r["profile_id"] == pid]
    assert row["status"] == "retired" and row["in_force_today"] is False

    detail = client.get(url, headers=analyst).json()
    assert [(h["version"], h["status"]) for h in detail["history"]] == [
        (1, "active"),
        (2, "active"),
        (3, "retired"),
    ]
    assert detail["history"][1]["definition"]["weight"] == 0.6
    assert detail["history"][1]["changed_by"] == "supervisor1"
    assert detail["note"] == "replaced by T-UV-02"

    back = client.put(url, json=profile(id=pid, version=4), headers=analyst)
    assert back.json()["action"] == "changed" and pid in ids(client, analyst)

    with open_store(api_url)() as session:
        changes = entries(session, kind="profile_change", subject=f"profile:{pid}")
        assert [e["payload"]["action"] for e in reversed(changes)] == [
            "added",
            "changed",
            "retired",
            "changed",
        ]
        assert [e["actor"] for e in reversed(changes)][:2] == ["analyst1", "supervisor1"]
        assert verify(session).ok


def test_a_profile_in_the_future_is_stored_but_not_in_force(
    client: TestClient, auth: Headers, pid: str
) -> None:
    body = profile(id=pid, valid_from="2999-01-01")
    assert client.post("/api/profiles", json=body, headers=auth["analyst"]).status_code == 201
    rows = client.get("/api/profiles", headers=auth["analyst"]).json()["data"]
    (row,) = [r for r in rows if r["profile_id"] == pid]
    assert row["status"] == "active" and row["in_force_today"] is False


def test_validation_errors_name_the_profile_and_the_field(
    client: TestClient, auth: Headers, pid: str
) -> None:
    bad = profile(id=pid, conditions=[{"field": "unit_price_ratoi", "op": "range", "min": 0}])
    response = client.post("/api/profiles", json=bad, headers=auth["analyst"])
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["message"].startswith(f"profile '{pid}' conditions[0].field")
    assert "did you mean 'unit_price_ratio'" in error["message"]
    assert error["fields"][0]["field"] == "body.conditions[0].field"

    weights = client.post("/api/profiles", json=profile(id=pid, weight=3), headers=auth["analyst"])
    assert weights.status_code == 422
    assert weights.json()["error"]["fields"] == [
        {"field": "body.weight", "message": "Input should be less than or equal to 1"}
    ]
    unknown = client.post(
        "/api/profiles", json=profile(id=pid, colour="red"), headers=auth["analyst"]
    )
    assert unknown.status_code == 422
    assert unknown.json()["error"]["fields"][0]["field"] == "body.colour"
    operator = profile(id=pid, conditions=[{"field": "hs_code", "op": "betwen", "value": 1}])
    response = client.post("/api/profiles", json=operator, headers=auth["analyst"])
    assert response.json()["error"]["fields"][0]["field"] == "body.conditions[0].op"
    no_id = profile()
    del no_id["id"]
    response = client.post("/api/profiles", json=no_id, headers=auth["analyst"])
    assert response.status_code == 422
    assert response.json()["error"]["message"].startswith("profiles[0] (no id) id:")
    assert pid not in ids(client, auth["analyst"], include_retired="true")


def test_every_invalid_field_of_a_profile_is_named(
    client: TestClient, auth: Headers, pid: str
) -> None:
    """ProfileError is an invalid DomainError carrying one field error per problem: the one
    handler renders them all, in the 422 shape of request validation."""
    bad = profile(id=pid, weight=0, valid_to="2000-01-01")
    response = client.post("/api/profiles", json=bad, headers=auth["analyst"])
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert {f["field"] for f in error["fields"]} == {"body.weight", "body.valid_to"}
    assert all(f["message"] for f in error["fields"])
    assert error["message"].startswith(f"profile '{pid}' ")
    assert error["message"].endswith("(and 1 more)")
    changed = client.put(f"/api/profiles/{pid}", json=bad, headers=auth["analyst"])
    assert changed.status_code == 422 and len(changed.json()["error"]["fields"]) == 2
    assert pid not in ids(client, auth["analyst"], include_retired="true")


def test_refusals_by_kind(client: TestClient, auth: Headers, pid: str) -> None:
    """One refusal of each kind, raised by the profile store itself: not_found 404,
    conflict 409 (id taken, stale version, retired twice), invalid 422."""
    analyst = auth["analyst"]
    url = f"/api/profiles/{pid}"
    assert client.get(url, headers=analyst).json()["error"] == {
        "status": 404,
        "code": "not_found",
        "message": f"no profile '{pid}'",
        "fields": [],
    }
    assert client.post("/api/profiles", json=profile(id=pid), headers=analyst).status_code == 201
    taken = client.post("/api/profiles", json=profile(id=pid), headers=analyst).json()["error"]
    assert (taken["status"], taken["code"]) == (409, "conflict")
    assert taken["fields"] == [{"field": "body.id", "message": taken["message"]}]
    assert taken["message"].startswith(f"profile '{pid}' already exists")
    stale = client.put(url, json=profile(id=pid, weight=0.2), headers=analyst).json()["error"]
    assert (stale["status"], stale["fields"][0]["field"]) == (409, "body.version")
    retired = client.post(f"{url}/retire", json={"note": "not needed"}, headers=analyst)
    assert retired.status_code == 200
    twice = client.post(f"{url}/retire", json={"note": "not needed"}, headers=analyst)
    assert twice.json()["error"] == {
        "status": 409,
        "code": "conflict",
        "message": f"profile '{pid}' is already retired (version 2)",
        "fields": [],
    }
    detail = client.get(url, headers=analyst).json()
    assert [h["version"] for h in detail["history"]] == [1, 2]  # nothing written twice
    short = client.post(f"{url}/retire", json={"note": "no"}, headers=analyst).json()["error"]
    assert (short["status"], short["code"]) == (422, "validation_error")
    assert short["fields"][0]["field"] == "body.note"


def test_bad_bodies_get_4xx_with_clear_messages(client: TestClient, auth: Headers) -> None:
    analyst = auth["analyst"]
    malformed = client.post(
        "/api/profiles",
        content=b'{"id": "X",',
        headers={**analyst, "Content-Type": "application/json"},
    )
    assert malformed.status_code == 422
    assert "JSON" in malformed.json()["error"]["message"]
    text = client.post(
        "/api/profiles", content=b"id: X", headers={**analyst, "Content-Type": "text/yaml"}
    )
    assert text.status_code == 415
    assert "application/json" in text.json()["error"]["message"]
    listed = client.post("/api/profiles", json=[profile()], headers=analyst)
    assert listed.status_code == 422
    empty = client.post("/api/profiles", headers=analyst)
    assert empty.status_code == 422 and empty.json()["error"]["fields"][0]["field"] == "body"
    huge = client.post(
        "/api/profiles",
        content=b"[" + b"0," * 6_000_000 + b"0]",
        headers={**analyst, "Content-Type": "application/json"},
    )
    assert huge.status_code == 413


def test_create_conflicts_and_change_rules(client: TestClient, auth: Headers, pid: str) -> None:
    analyst = auth["analyst"]
    assert client.post("/api/profiles", json=profile(id=pid), headers=analyst).status_code == 201
    twice = client.post("/api/profiles", json=profile(id=pid), headers=analyst)
    assert twice.status_code == 409
    assert f"PUT /api/profiles/{pid}" in twice.json()["error"]["message"]
    stale = client.put(f"/api/profiles/{pid}", json=profile(id=pid, weight=0.5), headers=analyst)
    assert stale.status_code == 409
    assert stale.json()["error"]["fields"][0]["field"] == "body.version"
    assert "version 2 or higher" in stale.json()["error"]["message"]
    other = client.put("/api/profiles/OTHER", json=profile(id=pid, version=2), headers=analyst)
    assert other.status_code == 422 and other.json()["error"]["fields"][0]["field"] == "body.id"
    new = f"{pid}-new"
    missing = client.put(f"/api/profiles/{new}", json=profile(id=new), headers=analyst)
    assert missing.status_code == 404
    assert client.get(f"/api/profiles/{new}", headers=analyst).status_code == 404


def test_retire_needs_a_note(client: TestClient, auth: Headers, pid: str) -> None:
    analyst = auth["analyst"]
    client.post("/api/profiles", json=profile(id=pid), headers=analyst)
    for body in ({}, {"note": ""}, {"note": "   "}, {"note": "x", "reason": "y"}):
        response = client.post(f"/api/profiles/{pid}/retire", json=body, headers=analyst)
        assert response.status_code == 422, body
        assert response.json()["error"]["fields"][0]["field"].startswith("body")
    gone = client.post(f"/api/profiles/{pid}-x/retire", json={"note": "gone now"}, headers=analyst)
    assert gone.status_code == 404
    assert client.get(f"/api/profiles/{pid}", headers=analyst).json()["status"] == "active"


def test_check_validates_without_storing(client: TestClient, auth: Headers) -> None:
    before = ids(client, auth["analyst"], include_retired="true")
    starter = load_default_profiles().to_dict()["profiles"][0]
    ok = client.post("/api/profiles/check", json=starter, headers=auth["analyst"])
    assert ok.status_code == 200
    assert ok.json()["valid"] is True and ok.json()["profile"]["id"] == starter["id"]
    broken = copy.deepcopy(starter)
    broken["weight"] = 0
    broken["valid_to"] = "2000-01-01"
    answer = client.post("/api/profiles/check", json=broken, headers=auth["analyst"]).json()
    assert answer["valid"] is False and answer["profile"] is None
    assert {p["field"] for p in answer["problems"]} == {"weight", "valid_to"}
    assert ids(client, auth["analyst"], include_retired="true") == before


def test_roles(client: TestClient, auth: Headers, pid: str) -> None:
    assert client.get("/api/profiles").status_code == 401
    for role in ("trader", "officer"):
        assert client.get("/api/profiles", headers=auth[role]).status_code == 403
        assert client.get(f"/api/profiles/{pid}", headers=auth[role]).status_code == 403
    for role in ("auditor", "admin"):
        assert client.get("/api/profiles", headers=auth[role]).status_code == 200
        response = client.post("/api/profiles", json=profile(id=pid), headers=auth[role])
        assert response.status_code == 403
        assert "profile:write" in response.json()["error"]["message"]
