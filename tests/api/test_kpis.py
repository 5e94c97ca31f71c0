"""KPI route: the numbers of the seeded store, its filters, and bad filters."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import World
from tests.api.seed import FIRST_DAY, OFFICES, Seeded


@pytest.fixture
def client(seeded_world: World) -> TestClient:
    return seeded_world.client


@pytest.fixture
def data(seeded_world: World) -> Seeded:
    assert seeded_world.seeded is not None
    return seeded_world.seeded


def expected(data: Seeded, keep: list[int]) -> tuple[int, int, int]:
    refs = [data.references[i] for i in keep]
    return (
        len(refs),
        sum(r in data.controlled for r in refs),
        sum(r in data.hits for r in refs),
    )


def test_kpis_of_the_whole_store(client: TestClient, seeded_world: World, data: Seeded) -> None:
    response = client.get("/api/kpis", headers=seeded_world.headers["supervisor"])
    assert response.status_code == 200
    body = response.json()
    assessed, controlled, hits = expected(data, list(range(len(data.references))))
    assert (body["assessed"], body["controlled"], body["hit_rate"]["hits"]) == (
        assessed,
        controlled,
        hits,
    )
    assert body["inspection_rate"] == pytest.approx(controlled / assessed)
    assert body["revenue_recovered"] == pytest.approx(50.0 * hits)
    assert sum(lane["declarations"] for lane in body["by_lane"].values()) == assessed
    assert body["by_selection_reason"]["officer"]["n"] == 1
    assert body["overrides"]["decisions"] == 2 and body["overrides"]["overrides"] == 1
    assert len(body["daily"]) == 10 and sum(d["assessed"] for d in body["daily"]) == assessed
    assert body["daily"][0]["day"] == str(FIRST_DAY)
    assert body["drift_psi"] is None  # fewer than 20 scores on one side
    assert body["filters"] == {"since": None, "until": None, "office": None}


def test_filters_by_office_and_dates(client: TestClient, seeded_world: World, data: Seeded) -> None:
    headers = seeded_world.headers["officer"]
    n = len(data.references)
    for k, office in enumerate(OFFICES):
        body = client.get("/api/kpis", params={"office": office}, headers=headers).json()
        keep = [i for i in range(n) if i % 2 == k]
        assert (body["assessed"], body["controlled"], body["hit_rate"]["hits"]) == expected(
            data, keep
        )
        # REF-0000 (accepted) is at the first office, the override of the last one at the other
        assert body["overrides"]["decisions"] == 1
        assert body["overrides"]["overrides"] == k
    last_day = FIRST_DAY + timedelta(days=9)
    body = client.get(
        "/api/kpis", params={"since": str(last_day), "until": str(last_day)}, headers=headers
    ).json()
    assert (body["assessed"], body["controlled"], body["hit_rate"]["hits"]) == expected(
        data, [i for i in range(n) if i % 10 == 9]
    )
    assert body["filters"]["since"] == str(last_day)
    none = client.get("/api/kpis", params={"office": "XX999"}, headers=headers).json()
    assert none["assessed"] == 0 and none["inspection_rate"] is None and none["daily"] == []


def test_bad_filters_and_roles(client: TestClient, seeded_world: World) -> None:
    headers = seeded_world.headers["analyst"]
    backwards = client.get(
        "/api/kpis", params={"since": "2025-03-05", "until": "2025-03-01"}, headers=headers
    )
    assert backwards.status_code == 422
    assert backwards.json()["error"]["fields"][0]["field"] == "query.since"
    bad_date = client.get("/api/kpis", params={"since": "yesterday"}, headers=headers)
    assert bad_date.status_code == 422 and bad_date.json()["error"]["fields"][0]["field"] == (
        "query.since"
    )
    assert client.get("/api/kpis", params={"office": "X" * 40}, headers=headers).status_code == 422
    assert client.get("/api/kpis").status_code == 401
    assert client.get("/api/kpis", headers=seeded_world.headers["trader"]).status_code == 403
