"""Audit routes: a declaration's trail, newest entries with paging, head, verification."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from clearlane.audit.guard import drop_append_only_statements
from clearlane.store.session import open_store
from tests.api.conftest import World


@pytest.fixture
def world_client(seeded_world: World) -> TestClient:
    return seeded_world.client


def test_declaration_trail(world_client: TestClient, seeded_world: World) -> None:
    assert seeded_world.seeded is not None
    first, last = seeded_world.seeded.references[0], seeded_world.seeded.references[-1]
    headers = seeded_world.headers["auditor"]
    response = world_client.get(f"/api/audit/declarations/{first}", headers=headers)
    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == first and body["count"] == len(body["data"])
    kinds = [e["kind"] for e in body["data"]]
    assert kinds[:2] == ["assessment", "decision"] and "control_result" in kinds
    seqs = [e["seq"] for e in body["data"]]
    assert seqs == sorted(seqs)  # oldest first
    assert {e["subject"] for e in body["data"]} == {f"declaration:{first}"}
    decision = body["data"][1]
    assert decision["actor"] == "officer1" and len(decision["hash"]) == 64
    override = world_client.get(f"/api/audit/declarations/{last}", headers=headers).json()
    (entry,) = [e for e in override["data"] if e["kind"] == "decision"]
    assert entry["payload"]["justification"] == "informant tip about this consignee"
    one = world_client.get(
        f"/api/audit/declarations/{first}", params={"limit": 1}, headers=headers
    ).json()
    assert one["count"] == 1 and one["data"][0]["kind"] == "assessment"
    missing = world_client.get("/api/audit/declarations/NOPE-1", headers=headers)
    assert missing.status_code == 404 and "NOPE-1" in missing.json()["error"]["message"]


def test_newest_entries_page_back_without_overlap(
    world_client: TestClient, seeded_world: World
) -> None:
    headers = seeded_world.headers["supervisor"]
    head = world_client.get("/api/audit/head", headers=headers).json()
    everything = world_client.get("/api/audit", params={"limit": 500}, headers=headers).json()
    assert (
        everything["data"][0]["seq"] == head["seq"]
        and everything["data"][0]["hash"] == head["hash"]
    )
    assert everything["next_before"] is None and everything["data"][-1]["seq"] == 1
    seen: list[int] = []
    params: dict[str, int] = {"limit": 7}
    while True:
        page = world_client.get("/api/audit", params=params, headers=headers).json()
        seen += [e["seq"] for e in page["data"]]
        if page["next_before"] is None:
            break
        params["before"] = page["next_before"]
    assert seen == [e["seq"] for e in everything["data"]]
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == len(seen)
    decisions = world_client.get("/api/audit", params={"kind": "decision"}, headers=headers).json()
    assert decisions["count"] == 2 and {e["kind"] for e in decisions["data"]} == {"decision"}
    about = world_client.get(
        "/api/audit", params={"subject": "declaration:REF-0000"}, headers=headers
    ).json()
    assert about["count"] >= 3
    for bad in ({"limit": 0}, {"limit": 501}, {"before": 0}, {"before": "x"}, {"kind": "k" * 40}):
        assert world_client.get("/api/audit", params=bad, headers=headers).status_code == 422
    # A kind no code writes found nothing, silently (a typo looked like an empty trail).
    for params in ({"kind": "decisions"}, {"kind": "decisions", "subject": "declaration:X"}):
        unknown = world_client.get("/api/audit", params=params, headers=headers)
        assert unknown.status_code == 422, unknown.text
        error = unknown.json()["error"]
        assert error["fields"][0]["field"] == "query.kind"
        assert "'decisions'" in error["message"] and "export" in error["message"]
        assert "capacity_change" in error["fields"][0]["message"]
    exports = world_client.get("/api/audit", params={"kind": "export"}, headers=headers)
    assert exports.status_code == 200


def test_verify_and_published_heads(world_client: TestClient, seeded_world: World) -> None:
    headers = seeded_world.headers["auditor"]
    plain = world_client.post("/api/audit/verify", headers=headers)
    assert plain.status_code == 200
    verdict = plain.json()
    assert verdict["ok"] is True and verdict["finding"] is None
    assert verdict["entries"] == verdict["last_seq"] >= 1
    assert verdict["summary"].startswith("OK:")
    head = world_client.get("/api/audit/head", headers=headers).json()
    checked = world_client.post(
        "/api/audit/verify", json={"head_hash": head["hash"]}, headers=headers
    ).json()
    assert checked["ok"] is True and checked["head_checked"] == head["hash"]
    stranger = world_client.post(
        "/api/audit/verify", json={"head_hash": "ab" * 32}, headers=headers
    ).json()
    assert stranger["ok"] is False and stranger["finding"]["problem"] == "head_unknown"
    for body in ({"head_hash": "xyz"}, {"head_hash": "AB" * 32}, {"head": "ab" * 32}, [1]):
        response = world_client.post("/api/audit/verify", json=body, headers=headers)
        assert response.status_code == 422, body
    text_body = world_client.post(
        "/api/audit/verify", content=b"ab", headers={**headers, "Content-Type": "text/plain"}
    )
    assert text_body.status_code == 415


def test_roles(world_client: TestClient, seeded_world: World) -> None:
    for path in ("/api/audit", "/api/audit/head", "/api/audit/declarations/REF-0000"):
        assert world_client.get(path).status_code == 401
        for role in ("trader", "officer", "analyst"):
            response = world_client.get(path, headers=seeded_world.headers[role])
            assert (
                response.status_code == 403 and "audit:read" in response.json()["error"]["message"]
            )
        for role in ("supervisor", "auditor", "admin"):
            assert world_client.get(path, headers=seeded_world.headers[role]).status_code == 200
    assert world_client.post("/api/audit/verify").status_code == 401
    assert (
        world_client.post("/api/audit/verify", headers=seeded_world.headers["analyst"]).status_code
        == 403
    )


def test_verify_names_a_tampered_entry(
    client: TestClient, auth: dict[str, dict[str, str]], api_url: str
) -> None:
    factory = open_store(api_url)
    with factory() as session, session.begin():
        for statement in drop_append_only_statements(session.get_bind().dialect.name):
            session.execute(text(statement))
        session.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"))
    verdict = client.post("/api/audit/verify", headers=auth["auditor"]).json()
    assert verdict["ok"] is False
    assert (verdict["finding"]["problem"], verdict["finding"]["seq"]) == ("altered", 2)
    assert verdict["summary"].startswith("TAMPERED: entry 2")


def test_a_missing_audit_head_is_a_409_naming_the_fix_not_a_500(
    migrated_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """AuditError is a conflict DomainError: the head route and any write that must append
    to the trail answer 409 through the one handler."""
    from clearlane.api.app import create_app
    from clearlane.config import get_settings
    from tests.api.conftest import add_users, token_for

    monkeypatch.setenv("CLEARLANE_SECRET_KEY", "audit-head-" + "k" * 40)
    get_settings.cache_clear()
    add_users(migrated_url)
    with TestClient(create_app(database_url=migrated_url)) as client:
        auditor = {"Authorization": f"Bearer {token_for(client, 'auditor1')}"}
        analyst = {"Authorization": f"Bearer {token_for(client, 'analyst1')}"}
        with open_store(migrated_url)() as session, session.begin():
            session.execute(text("DELETE FROM audit_head"))
        head = client.get("/api/audit/head", headers=auditor)
        assert head.status_code == 409, head.text
        assert "audit_head row is missing" in head.json()["error"]["message"]
        assert "/api/audit/verify" in head.json()["error"]["message"]
        body = {
            "id": "HEAD-1",
            "name": "n",
            "version": 1,
            "owner": "a",
            "rationale": "r",
            "valid_from": "2020-01-01",
            "weight": 0.5,
            "conditions": [{"field": "hs_code", "op": "in", "value": ["0101"]}],
        }
        write = client.post("/api/profiles", json=body, headers=analyst)
        assert write.status_code == 409, write.text
        assert "audit_head row is missing" in write.json()["error"]["message"]
        listed = client.get("/api/profiles", headers=analyst).json()
        assert "HEAD-1" not in {p["profile_id"] for p in listed["data"]}  # nothing half-written
