"""Model-registry routes: list, read with decisions, compare, manual promotion, calibration."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from fastapi.testclient import TestClient

from clearlane.audit import entries, verify
from clearlane.learn.registry import ModelRegistry, ModelVersion, PromotionRule
from clearlane.store.session import open_store
from tests.api.conftest import World
from tests.api.seed import MODEL


@pytest.fixture
def client(seeded_world: World) -> TestClient:
    return seeded_world.client


@pytest.fixture
def registry(seeded_world: World) -> ModelRegistry:
    assert seeded_world.seeded is not None
    return seeded_world.seeded.registry


def own_model(registry: ModelRegistry) -> tuple[ModelVersion, ModelVersion]:
    """Two versions of a model no other test uses; the first is champion."""
    name = f"m-{uuid.uuid4().hex[:8]}"
    cards = []
    for i in range(2):
        card = registry.register(
            f"{name}-{i}".encode(),
            name=name,
            training_window=(date(2024, 1, 1), date(2024, 6, 30 - i)),
            features=["hs2"],
            params={},
            metrics={"pr_auc": 0.3 - i / 100},
        )
        cards.append(card)
    registry.promote(
        cards[0],
        rule=PromotionRule(),
        challenger_metrics=cards[0].metrics,
        champion_metrics=None,
        period=(date(2024, 7, 1), date(2024, 7, 31)),
    )
    return cards[0], cards[1]


def test_list_marks_the_champion(client: TestClient, seeded_world: World) -> None:
    response = client.get(
        "/api/models", params={"name": MODEL}, headers=seeded_world.headers["analyst"]
    )
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [(m["id"], m["champion"]) for m in body["data"]] == [
        (f"{MODEL}@1", True),
        (f"{MODEL}@2", False),
    ]
    card = body["data"][1]["card"]
    assert card["metrics"]["pr_auc"] == pytest.approx(0.28)
    assert card["training_window"] == ["2024-01-01", "2024-12-31"]
    assert card["params"] == {"seed": 1} and card["created_by"] == "analyst1"
    everything = client.get("/api/models", headers=seeded_world.headers["auditor"]).json()
    assert {m["id"] for m in body["data"]} <= {m["id"] for m in everything["data"]}


def test_one_version_with_its_decisions(client: TestClient, seeded_world: World) -> None:
    headers = seeded_world.headers["admin"]
    second = client.get(f"/api/models/{MODEL}/2", headers=headers).json()
    assert second["id"] == f"{MODEL}@2" and second["champion"] is False
    (refusal,) = second["decisions"]
    assert refusal["promoted"] is False and refusal["kind"] == "rule"
    assert refusal["champion"] == f"{MODEL}@1" and "does not reach" in refusal["reason"]
    first = client.get(f"/api/models/{MODEL}/1", headers=headers).json()
    assert [d["challenger"] for d in first["decisions"][:2]] == [f"{MODEL}@1", f"{MODEL}@2"]
    assert client.get(f"/api/models/{MODEL}/9", headers=headers).status_code == 404
    assert client.get("/api/models/nope/1", headers=headers).status_code == 404
    assert client.get(f"/api/models/{MODEL}/0", headers=headers).status_code == 422
    assert client.get(f"/api/models/{MODEL}/one", headers=headers).status_code == 422


def test_compare_side_by_side(client: TestClient, seeded_world: World) -> None:
    headers = seeded_world.headers["analyst"]
    response = client.get(
        "/api/models/compare", params={"a": f"{MODEL}@1", "b": f"{MODEL}@2"}, headers=headers
    )
    assert response.status_code == 200
    body = response.json()
    rows = {r["metric"]: r for r in body["metrics"]}
    assert set(rows) == {"pr_auc", "precision@5%"}
    assert rows["pr_auc"]["difference"] == pytest.approx(-0.02)
    assert rows["precision@5%"]["a"] == pytest.approx(0.4)
    assert body["a"]["champion"] is True and "same" in body["note"]
    missing = client.get(
        "/api/models/compare", params={"a": f"{MODEL}@1", "b": f"{MODEL}@7"}, headers=headers
    )
    assert missing.status_code == 404 and f"{MODEL}@7" in missing.json()["error"]["message"]
    assert "/" not in missing.json()["error"]["message"]  # no server paths leak
    bad = client.get("/api/models/compare", params={"a": MODEL, "b": f"{MODEL}@2"}, headers=headers)
    assert bad.status_code == 422 and bad.json()["error"]["fields"][0]["field"] == "query.a"
    assert client.get("/api/models/compare", headers=headers).status_code == 422


def test_manual_promotion_is_logged_and_audited(
    client: TestClient, seeded_world: World, registry: ModelRegistry
) -> None:
    first, second = own_model(registry)
    url = f"/api/models/{second.name}/2/promote"
    why = "the challenger finds more undervaluation on the March random controls"
    response = client.post(
        url, json={"justification": why}, headers=seeded_world.headers["supervisor"]
    )
    assert response.status_code == 200, response.text
    decision = response.json()
    assert (decision["kind"], decision["promoted"], decision["justification"]) == (
        "manual",
        True,
        why,
    )
    assert (decision["challenger"], decision["champion"]) == (second.id, first.id)
    assert decision["decided_by"] == "supervisor1"
    champion = registry.champion(second.name)
    assert champion is not None and champion.id == second.id
    listed = client.get(
        "/api/models", params={"name": second.name}, headers=seeded_world.headers["auditor"]
    )
    assert [m["champion"] for m in listed.json()["data"]] == [False, True]
    assert registry.decisions(second.name)[-1].kind == "manual"

    again = client.post(
        url, json={"justification": why}, headers=seeded_world.headers["supervisor"]
    )
    assert again.status_code == 409 and "already the champion" in again.json()["error"]["message"]

    back = client.post(
        f"/api/models/{second.name}/1/promote",
        json={"justification": "roll back: the new version flags too many small importers"},
        headers=seeded_world.headers["supervisor"],
    )
    assert back.status_code == 200 and back.json()["champion"] == second.id

    with open_store(seeded_world.url)() as session:
        logged = entries(session, kind="model_change", subject=f"model:{second.name}")
        assert [e["payload"]["version"] for e in logged] == [first.id, second.id]
        assert logged[1]["payload"]["justification"] == why
        assert logged[1]["payload"]["champion_before"] == first.id
        assert {e["payload"]["action"] for e in logged} == {"promoted_manually"}
        assert verify(session).ok


def test_promotion_refusals(
    client: TestClient, seeded_world: World, registry: ModelRegistry
) -> None:
    first, second = own_model(registry)
    url = f"/api/models/{second.name}/2/promote"
    supervisor = seeded_world.headers["supervisor"]
    why = {"justification": "a long enough reason to promote"}
    for body in ({}, {"justification": ""}, {"justification": "short"}, {**why, "force": True}):
        response = client.post(url, json=body, headers=supervisor)
        assert response.status_code == 422, body
        assert response.json()["error"]["fields"][0]["field"].startswith("body")
    text = client.post(
        url, content=b"because", headers={**supervisor, "Content-Type": "text/plain"}
    )
    assert text.status_code == 415
    unknown = client.post(f"/api/models/{second.name}/5/promote", json=why, headers=supervisor)
    assert unknown.status_code == 404
    for role in ("analyst", "officer", "auditor", "admin", "trader"):
        response = client.post(url, json=why, headers=seeded_world.headers[role])
        assert (
            response.status_code == 403 and "model:promote" in response.json()["error"]["message"]
        )
    assert client.post(url, json=why).status_code == 401
    champion = registry.champion(second.name)
    assert champion is not None and champion.id == first.id
    with open_store(seeded_world.url)() as session:
        assert entries(session, kind="model_change", subject=f"model:{second.name}") == []


def test_calibration_of_stored_scores(client: TestClient, seeded_world: World) -> None:
    data = seeded_world.seeded
    assert data is not None
    headers = seeded_world.headers["analyst"]
    response = client.get(f"/api/models/{MODEL}/1/calibration", params={"bins": 4}, headers=headers)
    assert response.status_code == 200
    body = response.json()
    assert body["controlled"] == len(data.controlled)
    assert sum(b["n"] for b in body["bins"]) == len(data.controlled)
    assert sum(b["hits"] for b in body["bins"]) == len(data.hits)
    assert 1 < len(body["bins"]) <= 4
    lows = [b["score_low"] for b in body["bins"]]
    assert lows == sorted(lows)
    for b in body["bins"]:
        assert b["score_low"] <= b["mean_score"] <= b["score_high"]
        assert b["hit_rate"] == pytest.approx(b["hits"] / b["n"])
        assert b["hit_rate_low"] <= b["hit_rate"] <= b["hit_rate_high"]
    random = client.get(
        f"/api/models/{MODEL}/1/calibration", params={"random_only": "true"}, headers=headers
    ).json()
    assert random["controlled"] == 0 and random["bins"] == []
    other = client.get(f"/api/models/{MODEL}/2/calibration", headers=headers).json()
    assert other["controlled"] == 0  # version 2 scored nothing
    assert (
        client.get(
            f"/api/models/{MODEL}/1/calibration", params={"bins": 1}, headers=headers
        ).status_code
        == 422
    )
    assert client.get(f"/api/models/{MODEL}/8/calibration", headers=headers).status_code == 404


def test_registry_refusals_reach_the_one_handler_by_kind(
    client: TestClient, seeded_world: World, registry: ModelRegistry
) -> None:
    """The registry's domain errors, unmapped by the routes: not_found 404, conflict 409 (a
    version already champion, a damaged artifact or card), each message free of server
    paths."""
    first, second = own_model(registry)
    supervisor = seeded_world.headers["supervisor"]
    why = {"justification": "a long enough reason to promote"}
    root = str(registry.root)

    missing = client.get(f"/api/models/{first.name}/3", headers=supervisor)
    assert missing.status_code == 404
    assert missing.json()["error"]["message"] == f"no model {first.name}@3 in the registry"

    champion = client.post(f"/api/models/{first.name}/1/promote", json=why, headers=supervisor)
    assert champion.status_code == 409
    assert champion.json()["error"]["message"] == f"{first.id} is already the champion"

    artifact = registry.root / "models" / second.name / "000002" / "artifact.bin"
    artifact.unlink()
    broken = client.post(f"/api/models/{second.name}/2/promote", json=why, headers=supervisor)
    assert broken.status_code == 409
    message = broken.json()["error"]["message"]
    assert message == (
        f"models/{second.name}/000002/artifact.bin: artifact of {second.id} is missing"
    )
    assert root not in message
    current = registry.champion(second.name)
    assert current is not None and current.id == first.id  # not promoted

    card = registry.root / "models" / second.name / "000002" / "card.json"
    card.write_text("{not json", encoding="utf-8")
    damaged = client.get(f"/api/models/{second.name}/2", headers=supervisor)
    assert damaged.status_code == 409
    text = damaged.json()["error"]["message"]
    assert text.startswith(f"models/{second.name}/000002/card.json: model card is unreadable")
    assert root not in text
    listed = client.get("/api/models", params={"name": second.name}, headers=supervisor)
    assert listed.status_code == 409 and root not in listed.json()["error"]["message"]
