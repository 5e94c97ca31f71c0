"""The officer's flow through the API on each backend (SQLite and PostgreSQL): a trader
submits, the declaration is assessed and routed, an officer decides and records what the
control found, the trader sees the status, and the audit chain verifies."""

from __future__ import annotations

from fastapi.testclient import TestClient

from clearlane.api.app import create_app
from clearlane.audit import verify
from clearlane.learn.registry import ModelRegistry
from clearlane.store.frames import load_items_frame
from clearlane.store.session import open_store
from tests.api.conftest import add_mandatory_profile, add_users, token_for
from tests.api.helpers import arms, own


def test_submit_assess_decide_control_on_each_backend(
    migrated_url: str, trained_registry: ModelRegistry
) -> None:
    users = add_users(migrated_url)
    add_mandatory_profile(migrated_url)
    with TestClient(create_app(database_url=migrated_url, registry=trained_registry)) as client:
        auth = {
            role: {"Authorization": f"Bearer {token_for(client, users[role])}"}
            for role in ("trader", "officer")
        }
        submitted = client.post(
            "/api/declarations",
            json={"declarations": [arms("PG-1"), own("PG-2")]},
            headers=auth["trader"],
        )
        assert submitted.status_code == 201, submitted.text
        assert [r["lane_status"] for r in submitted.json()["results"]][0] == "under control"
        queue = client.get("/api/queue", headers=auth["officer"]).json()
        assert queue["total"] == 2 and queue["items"][0]["reference"] == "PG-1"  # mandatory: red
        decided = client.post("/api/declarations/PG-1/decision", json={}, headers=auth["officer"])
        assert decided.status_code == 201 and decided.json()["lane"] == "red"
        again = client.post("/api/declarations/PG-1/decision", json={}, headers=auth["officer"])
        assert again.status_code == 409
        control = client.post(
            "/api/declarations/PG-1/control-result",
            json={
                "control_type": "physical",
                "outcome": "non_compliant",
                "irregularities": [{"type": "weapons"}],
                "seized_quantity": 10,
                "seized_unit": "NAR",
                "concealment_method": "declared as other goods",
            },
            headers=auth["officer"],
        )
        assert control.status_code == 201, control.text
        assert control.json()["severity"] == "critical"
        listed = client.get("/api/declarations?status=decided", headers=auth["officer"]).json()
        assert [i["reference"] for i in listed["items"]] == ["PG-1"]
        mine = client.get("/api/declarations/PG-1", headers=auth["trader"]).json()
        assert mine["status"] == "under control" and mine["assessment"] is None
    session_factory = open_store(migrated_url)
    frame = load_items_frame(session_factory=session_factory)
    assert frame.loc[frame["reference"] == "PG-1", "critical"].tolist() == [1.0]
    with session_factory() as session:
        assert verify(session).ok
