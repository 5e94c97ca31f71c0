"""Fairness route: the bias audit of the seeded store, its options and bad options."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import World
from tests.api.seed import OFFICES, Seeded


@pytest.fixture
def client(seeded_world: World) -> TestClient:
    return seeded_world.client


@pytest.fixture
def data(seeded_world: World) -> Seeded:
    assert seeded_world.seeded is not None
    return seeded_world.seeded


def test_audit_by_office_matches_the_store(
    client: TestClient, seeded_world: World, data: Seeded
) -> None:
    response = client.get(
        "/api/fairness", params={"by": "office"}, headers=seeded_world.headers["auditor"]
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["by"], body["column"], body["confidence"]) == ("office", "office", 0.95)
    groups = {g["group"]: g for g in body["groups"]}
    assert set(groups) == set(OFFICES)
    for k, office in enumerate(OFFICES):
        refs = [r for i, r in enumerate(data.references) if i % 2 == k]
        group = groups[office]
        assert group["declarations"] == len(refs)
        assert group["controlled"] == sum(r in data.controlled for r in refs)
        assert group["hits"] == sum(r in data.hits for r in refs)
        assert group["selection_rate"] == pytest.approx(group["controlled"] / len(refs))
        assert group["flagged"] is False  # 15 declarations: under min_group, never flagged
        assert (
            group["selection_rate_low"] <= group["selection_rate"] <= group["selection_rate_high"]
        )
    assert body["flagged"] == [] and "never flagged" in body["rule"]["text"]
    assert body["rule"]["min_group"] == 200


def test_options(client: TestClient, seeded_world: World, data: Seeded) -> None:
    headers = seeded_world.headers["analyst"]
    origin = client.get("/api/fairness", headers=headers).json()  # by origin by default
    assert origin["by"] == "origin" and [g["group"] for g in origin["groups"]] == ["CN"]
    assert origin["groups"][0]["declarations"] == len(data.references)
    narrow = client.get(
        "/api/fairness",
        params={"by": "office", "since": "2025-03-01", "until": "2025-03-01", "min_group": 1},
        headers=headers,
    ).json()
    assert sum(g["declarations"] for g in narrow["groups"]) == len(data.references) // 10
    assert narrow["rule"]["min_group"] == 1
    wide = client.get(
        "/api/fairness", params={"by": "office", "confidence": 0.99}, headers=headers
    ).json()
    strict = {g["group"]: g for g in wide["groups"]}
    usual = {
        g["group"]: g
        for g in client.get("/api/fairness", params={"by": "office"}, headers=headers).json()[
            "groups"
        ]
    }
    for office in OFFICES:  # a higher level gives a wider interval
        assert strict[office]["selection_rate_low"] < usual[office]["selection_rate_low"]


def test_bad_options_and_roles(client: TestClient, seeded_world: World) -> None:
    headers = seeded_world.headers["supervisor"]
    unknown = client.get("/api/fairness", params={"by": "colour"}, headers=headers)
    assert unknown.status_code == 422
    assert unknown.json()["error"]["fields"][0]["field"] == "query.by"
    assert "origin" in unknown.json()["error"]["message"]
    for params in (
        {"since": "2025-03-05", "until": "2025-03-01"},
        {"confidence": 1.5},
        {"min_group": 0},
        {"since": "soon"},
    ):
        assert client.get("/api/fairness", params=params, headers=headers).status_code == 422
    empty = client.get("/api/fairness", params={"since": "2030-01-01"}, headers=headers)
    assert empty.status_code == 409 and "no declaration" in empty.json()["error"]["message"]
    assert client.get("/api/fairness").status_code == 401
    for role in ("officer", "trader"):
        response = client.get("/api/fairness", headers=seeded_world.headers[role])
        assert (
            response.status_code == 403 and "fairness:read" in response.json()["error"]["message"]
        )
