"""/api/queue: assessed declarations ranked by score, filtered, paginated."""

from __future__ import annotations

from tests.api.conftest import Harness
from tests.api.helpers import arms, own, submit


def _queue(h: Harness, query: str = "", role: str = "officer") -> dict:
    response = h.client.get(f"/api/queue?{query}", headers=h.auth[role])
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_the_queue_ranks_by_score_and_filters(scored: Harness) -> None:
    records = [own(f"Q-{i}", invoice_total=1000.0 * (i + 1)) for i in range(6)]
    records.append(arms("Q-ARMS", office="NLQUE1"))
    submit(scored.client, scored.auth["officer"], {"declarations": records})
    queue = _queue(scored, "size=200")
    ours = [i for i in queue["items"] if i["reference"].startswith("Q-")]
    assert len(ours) == 7
    scores = [i["score"] for i in queue["items"]]
    assert scores == sorted(scores, reverse=True)  # ranked, highest first
    assert all(not i["decided"] for i in queue["items"])  # undecided by default
    red = _queue(scored, "office=nlque1")["items"]
    assert [(i["reference"], i["lane"], i["selection_reason"]) for i in red] == [
        ("Q-ARMS", "red", "mandatory")
    ]
    assert all(i["lane"] == "red" for i in _queue(scored, "lane=red&size=200")["items"])
    page = _queue(scored, "size=2&page=2")
    assert len(page["items"]) == 2 and page["total"] == queue["total"]

    decided = scored.client.post(
        "/api/declarations/Q-ARMS/decision", json={}, headers=scored.auth["officer"]
    )
    assert decided.status_code == 201
    assert "Q-ARMS" not in [i["reference"] for i in _queue(scored, "size=200")["items"]]
    done = _queue(scored, "status=decided&size=200")["items"]
    assert [i["reference"] for i in done if i["reference"].startswith("Q-")] == ["Q-ARMS"]
    assert done[0]["decided"]
    assert len(_queue(scored, "status=all&size=200")["items"]) >= 7


def test_roles_without_risk_read_see_the_ranking_without_scores(scored: Harness) -> None:
    submit(scored.client, scored.auth["officer"], own("Q-ADMIN"))
    items = _queue(scored, "size=200", role="admin")["items"]
    assert items and all(i["score"] is None and i["top_reason"] is None for i in items)


def test_queue_access_and_bad_parameters(scored: Harness) -> None:
    get = scored.client.get
    assert get("/api/queue").status_code == 401
    assert get("/api/queue", headers=scored.auth["trader"]).status_code == 403
    assert get("/api/queue?status=maybe", headers=scored.auth["officer"]).status_code == 422
    assert get("/api/queue?lane=purple", headers=scored.auth["officer"]).status_code == 422
    assert get("/api/queue?size=0", headers=scored.auth["officer"]).status_code == 422
    bad = get("/api/queue?page=x", headers=scored.auth["officer"])
    assert bad.status_code == 422 and bad.json()["error"]["fields"][0]["field"] == "query.page"
