"""POST /api/declarations/{reference}/decision: accept, override, change."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from clearlane.audit import trail
from clearlane.store.session import open_store
from clearlane.store.tables import DecisionRow
from tests.api.conftest import Harness
from tests.api.helpers import arms, own, submit

JUSTIFIED = "the importer has a clean record and documents are complete"


def _decide(h: Harness, reference: str, body: object, role: str = "officer") -> tuple[int, dict]:
    response = h.client.post(
        f"/api/declarations/{reference}/decision", json=body, headers=h.auth[role]
    )
    return response.status_code, dict(response.json())


def test_accept_then_a_second_decision_is_refused_unless_an_explicit_justified_change(
    scored: Harness,
) -> None:
    submit(scored.client, scored.auth["officer"], arms("D-1"))
    status, accepted = _decide(scored, "D-1", {})
    assert status == 201
    assert (accepted["action"], accepted["lane"], accepted["officer"]) == (
        "accept",
        "red",
        "officer1",
    )
    status, again = _decide(scored, "D-1", {"lane": "red"})
    assert status == 409 and "already decided" in again["error"]["message"]
    status, unjustified = _decide(scored, "D-1", {"lane": "green", "change": True})
    assert status == 422 and unjustified["error"]["fields"][0]["field"] == "body.justification"
    status, unnamed = _decide(
        scored, "D-1", {"lane": "yellow", "change": True, "justification": JUSTIFIED}, "supervisor"
    )  # a change names the decision it replaces
    assert status == 422 and unnamed["error"]["fields"][0]["field"] == "body.supersedes"
    assert f"now {accepted['id']}" in unnamed["error"]["message"]
    status, changed = _decide(
        scored,
        "D-1",
        {"lane": "yellow", "supersedes": accepted["id"], "justification": JUSTIFIED},
        "supervisor",
    )  # supersedes alone says it is a change
    assert status == 201 and changed["supersedes_id"] == accepted["id"]
    status, stale = _decide(
        scored,
        "D-1",
        {"lane": "green", "change": True, "supersedes": accepted["id"], "justification": JUSTIFIED},
    )  # the decision it names was replaced: 409 naming the one in force
    assert status == 409 and stale["error"]["code"] == "stale_decision"
    assert f"decision {changed['id']} (override, lane yellow)" in stale["error"]["message"]
    detail = scored.client.get("/api/declarations/D-1", headers=scored.auth["officer"]).json()
    assert detail["decision"]["lane"] == "yellow" and detail["lane_in_force"] == "yellow"
    assert [d["id"] for d in detail["decisions"]] == [accepted["id"], changed["id"]]
    trader = scored.client.get("/api/declarations/D-1", headers=scored.auth["trader"]).json()
    assert trader["status"] == "under control"
    with open_store(scored.url)() as session:
        kinds = [e["kind"] for e in trail(session, subject="declaration:D-1")]
    assert kinds.count("decision") == 2


def test_an_override_needs_a_justification(scored: Harness) -> None:
    submit(scored.client, scored.auth["officer"], arms("D-2"))
    status, refused = _decide(scored, "D-2", {"lane": "green"})
    assert status == 422 and "justification" in refused["error"]["message"]
    status, short = _decide(scored, "D-2", {"lane": "green", "justification": "ok"})
    assert status == 422
    status, override = _decide(scored, "D-2", {"lane": "green", "justification": JUSTIFIED})
    assert status == 201 and override["action"] == "override"
    assert override["proposed_lane"] == "red" and override["justification"] == JUSTIFIED
    with open_store(scored.url)() as session:
        rows = session.scalars(select(DecisionRow).where(DecisionRow.reference == "D-2")).all()
    assert len(rows) == 1  # the refused attempts stored nothing


def test_bad_decision_requests(
    scored: Harness, unscored: Harness, no_fallback: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    submit(scored.client, scored.auth["officer"], own("D-3"))
    assert _decide(scored, "D-3", {"lane": "purple"})[0] == 422
    assert _decide(scored, "D-3", {"verdict": "ok"})[0] == 422
    status, missing = _decide(scored, "NOPE", {})
    assert status == 404 and "NOPE" in missing["error"]["message"]
    assert _decide(scored, "D-3", {}, role="analyst")[0] == 403
    assert _decide(scored, "D-3", {}, role="trader")[0] == 403
    anonymous = scored.client.post("/api/declarations/D-3/decision", json={})
    assert anonymous.status_code == 401
    text = scored.client.post(
        "/api/declarations/D-3/decision",
        content=b"lane=red",
        headers={**scored.auth["officer"], "Content-Type": "text/plain"},
    )
    assert text.status_code == 415
    anonymous_text = scored.client.post(
        "/api/declarations/D-3/decision",
        content=b"lane=red",
        headers={"Content-Type": "text/plain"},
    )
    assert anonymous_text.status_code == 401  # who you are comes before what you sent
    malformed = scored.client.post(
        "/api/declarations/D-3/decision",
        content=b"{",
        headers={**scored.auth["officer"], "Content-Type": "application/json"},
    )
    assert malformed.status_code == 422
    import clearlane.intake

    def no_rules(*args: object, **kwargs: object) -> None:  # no provisional answer either
        raise RuntimeError("unavailable")

    monkeypatch.setattr(clearlane.intake, "gather_facts", no_rules)
    submit(unscored.client, unscored.auth["officer"], own("D-4"))
    status, pending = _decide(unscored, "D-4", {})
    assert status == 409 and "no assessment" in pending["error"]["message"]


def test_the_page_changes_the_decision_it_showed_and_tells_of_a_newer_one(scored: Harness) -> None:
    """The decision form carries the id of the decision it shows; posted after another officer
    changed it, the page answers with the decision in force now, not a silent second change."""
    from fastapi.testclient import TestClient

    from tests.api.test_ui import ui_sign_in

    submit(scored.client, scored.auth["officer"], arms("D-UI"))
    _, accepted = _decide(scored, "D-UI", {})
    with TestClient(scored.client.app) as ui:
        csrf = ui_sign_in(ui, "supervisor1")
        page = ui.get("/declarations/D-UI").text
        assert f'name="supersedes" value="{accepted["id"]}"' in page
        status, changed = _decide(
            scored,
            "D-UI",
            {"lane": "yellow", "supersedes": accepted["id"], "justification": JUSTIFIED},
        )  # another officer changes it while the page is open
        assert status == 201
        form = {
            "csrf_token": csrf,
            "action": "override",
            "lane": "green",
            "justification": JUSTIFIED,
            "change": "yes",
            "supersedes": str(accepted["id"]),
        }
        # 409 as the API's stale_decision, for a plain form POST (the page, with the newer
        # decision and the error) as for htmx (the decision part); a plain POST answered 200
        for headers, whole_page in (({}, True), ({"HX-Request": "true"}, False)):
            stale = ui.post("/declarations/D-UI/decision", data=form, headers=headers)
            assert stale.status_code == 409, (headers, stale.status_code)
            assert f"decision {changed['id']} (override" in stale.text
            assert "alert error" in stale.text
            assert f'name="supersedes" value="{changed["id"]}"' in stale.text  # the fresh form
            assert ("<html" in stale.text) is whole_page
        again = ui.post(
            "/declarations/D-UI/decision", data=form | {"supersedes": str(changed["id"])}
        )
        assert again.status_code == 200 and "alert error" not in again.text
    with open_store(scored.url)() as session:
        rows = session.scalars(
            select(DecisionRow).where(DecisionRow.reference == "D-UI").order_by(DecisionRow.id)
        ).all()
    assert [r.supersedes_id for r in rows] == [None, accepted["id"], changed["id"]]


def test_a_change_naming_a_decision_of_another_declaration_is_refused_as_input(
    scored: Harness,
) -> None:
    """``supersedes`` naming a decision of another declaration (or none at all) is a wrong
    input (422 on ``supersedes``), not a stale decision of this one: the 409 said "decision N
    is no longer in force" of a decision this declaration never had."""
    submit(scored.client, scored.auth["officer"], arms("SX-1"))
    submit(scored.client, scored.auth["officer"], arms("SX-2"))
    _, mine = _decide(scored, "SX-1", {})
    _, other = _decide(scored, "SX-2", {})
    for wrong in (other["id"], other["id"] + 10**6):
        status, refused = _decide(
            scored, "SX-1", {"lane": "green", "supersedes": wrong, "justification": JUSTIFIED}
        )
        assert status == 422, refused
        assert refused["error"]["fields"][0]["field"] == "body.supersedes"
        assert (
            f"decision {wrong} is not a decision of declaration 'SX-1'"
            in (refused["error"]["message"])
        )
        assert f"in force: {mine['id']}" in refused["error"]["message"]
    detail = scored.client.get("/api/declarations/SX-2", headers=scored.auth["officer"]).json()
    assert [d["id"] for d in detail["decisions"]] == [other["id"]]  # untouched


def test_the_page_refuses_a_supersedes_that_is_not_a_number_without_a_500(
    scored: Harness,
) -> None:
    """The form's ``supersedes`` is checked with str.isdigit, which is true of "²" that
    int() refuses: a tampered form answered 500."""
    from fastapi.testclient import TestClient

    from tests.api.test_ui import ui_sign_in

    submit(scored.client, scored.auth["officer"], arms("SX-UI"))
    _decide(scored, "SX-UI", {})
    with TestClient(scored.client.app) as ui:
        csrf = ui_sign_in(ui, "supervisor1")
        for odd in ("²", "١", "x"):
            form = {
                "csrf_token": csrf,
                "action": "override",
                "lane": "yellow",
                "justification": JUSTIFIED,
                "change": "yes",
                "supersedes": odd,
            }
            answer = ui.post("/declarations/SX-UI/decision", data=form)
            # a wrong input: 422 with the page, as the API and an htmx post answer it
            assert answer.status_code == 422 and "alert error" in answer.text, odd
            assert "supersedes" in answer.text
        # the message form's refusal too (a plain POST answered its page with 200)
        empty = ui.post("/declarations/SX-UI/messages", data={"csrf_token": csrf, "body": " "})
        assert empty.status_code == 422 and "alert error" in empty.text
