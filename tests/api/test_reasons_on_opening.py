"""An assessment stored without its reasons (``clearlane score --reasons flagged`` stores a
green row's so) shows them when an officer opens the declaration: the API detail and the page
compute them from the stored declaration with the engine in service, and say so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from clearlane.api.app import create_app
from clearlane.audit import trail, verify
from clearlane.learn.registry import ModelRegistry
from clearlane.oversight.assessments import REASONS_DEFERRED
from clearlane.store.session import open_store
from clearlane.store.tables import AssessmentRow
from tests.api.conftest import Harness, add_users, token_for
from tests.api.helpers import own, submit
from tests.factories import ALL_RED


@pytest.fixture(autouse=True)
def _routed_red(scored: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every submission here routed red, so that it is stored with its reasons: these tests
    store an assessment without them as the batch command does (``_defer``), comparing with
    the reasons it had. A submission routed green is stored without them already (#15;
    tests/intake/test_reasons_flagged_only.py)."""
    from clearlane.api.scoring import scoring_of

    monkeypatch.setattr(scoring_of(scored.client.app), "policy", ALL_RED)


def test_reasons_not_stored_are_computed_when_the_declaration_is_opened(scored: Harness) -> None:
    body = submit(scored.client, scored.auth["officer"], own("RO-1"))
    assessment_id = body["results"][0]["assessment"]["id"]
    with open_store(scored.url)() as session, session.begin():
        stored = session.get(AssessmentRow, assessment_id)
        assert stored is not None and stored.reasons
        computed = list(stored.reasons)
        # what the batch command stores for a row it did not explain
        session.execute(
            update(AssessmentRow)
            .where(AssessmentRow.id == assessment_id)
            .values(reasons=[], components={**stored.components, REASONS_DEFERRED: True})
        )
    detail = scored.client.get("/api/declarations/RO-1", headers=scored.auth["officer"])
    assert detail.status_code == 200, detail.text
    got = detail.json()
    assert [r["text"] for r in got["assessment"]["reasons"]] == [r["text"] for r in computed]
    assert [r["code"] for r in got["assessment"]["reasons"]] == [r["code"] for r in computed]
    assert got["reasons_note"] == "computed when opened (not stored with the batch score)"
    page = scored.client.get("/declarations/RO-1", headers=scored.auth["officer"])
    assert page.status_code == 200
    assert computed[0]["text"] in page.text and "computed when opened" in page.text
    assert "No reason was recorded" not in page.text
    with open_store(scored.url)() as session:  # opening writes nothing
        again = session.scalars(
            select(AssessmentRow).where(AssessmentRow.id == assessment_id)
        ).one()
        assert again.reasons == []


def _defer(url: str, assessment_id: int) -> list[dict]:
    """Store ``assessment_id`` as the batch command stores a row it did not explain; return
    the reasons it had."""
    with open_store(url)() as session, session.begin():
        stored = session.get(AssessmentRow, assessment_id)
        assert stored is not None and stored.reasons
        computed = list(stored.reasons)
        session.execute(
            update(AssessmentRow)
            .where(AssessmentRow.id == assessment_id)
            .values(reasons=[], components={**stored.components, REASONS_DEFERRED: True})
        )
    return computed


def test_a_decision_on_an_assessment_stored_without_reasons_records_the_reasons_shown(
    scored: Harness,
) -> None:
    """The stored assessment is the record of what the officer saw; for one stored without
    its reasons, the reasons computed on opening are what the officer decided on, so the
    decision's audit entry keeps them (after a retrain they can no longer be computed)."""
    decided = {}
    for reference, how in (("RO-2", "api"), ("RO-3", "page")):
        body = submit(scored.client, scored.auth["officer"], own(reference))
        computed = _defer(scored.url, body["results"][0]["assessment"]["id"])
        if how == "api":
            response = scored.client.post(
                f"/api/declarations/{reference}/decision", json={},
                headers=scored.auth["officer"],
            )  # fmt: skip
            assert response.status_code == 201, response.text
        else:
            page = scored.client.post(
                f"/declarations/{reference}/decision", data={"action": "accept"},
                headers=scored.auth["officer"],
            )  # fmt: skip
            assert page.status_code == 200, page.text
        with open_store(scored.url)() as session:
            (entry,) = [
                e for e in trail(session, subject=f"declaration:{reference}")
                if e["kind"] == "decision"
            ]  # fmt: skip
        decided[reference] = entry["payload"]
        assert [r["code"] for r in entry["payload"].get("reasons") or []] == [
            r["code"] for r in computed
        ], how
        assert entry["payload"]["reasons_note"] == (
            "computed when opened (not stored with the batch score)"
        )
    # the note names scores and models: risk information, withheld as the reasons are from a
    # reader without risk:read (admin)
    admin = scored.client.get("/api/audit/declarations/RO-2", headers=scored.auth["admin"])
    (entry,) = [e for e in admin.json()["data"] if e["kind"] == "decision"]
    assert not {"reasons", "reasons_note"} & entry["payload"].keys()
    assert {"reasons", "reasons_note"} <= set(entry["payload"]["redacted"])
    # an assessment stored with its reasons: the decision's entry names it, as before
    submit(scored.client, scored.auth["officer"], own("RO-4"))
    response = scored.client.post(
        "/api/declarations/RO-4/decision", json={}, headers=scored.auth["officer"]
    )
    assert response.status_code == 201
    with open_store(scored.url)() as session:
        entries = trail(session, subject="declaration:RO-4")
    (entry,) = [e for e in entries if e["kind"] == "decision"]
    assert "reasons" not in entry["payload"]


def test_after_a_retrain_a_decided_row_shows_the_reasons_its_officer_was_shown(
    scored: Harness,
) -> None:
    """Once the engine that assessed a deferred row is out of service its reasons cannot be
    computed; the ones its decision recorded are shown instead, and said to be."""
    body = submit(scored.client, scored.auth["officer"], own("RO-6"))
    assessment_id = body["results"][0]["assessment"]["id"]
    computed = _defer(scored.url, assessment_id)
    response = scored.client.post(
        "/api/declarations/RO-6/decision", json={}, headers=scored.auth["officer"]
    )
    assert response.status_code == 201
    with open_store(scored.url)() as session, session.begin():  # a retrain since
        session.execute(
            update(AssessmentRow)
            .where(AssessmentRow.id == assessment_id)
            .values(model_version="risk-engine-retired")
        )
    got = scored.client.get("/api/declarations/RO-6", headers=scored.auth["supervisor"]).json()
    assert [r["code"] for r in got["assessment"]["reasons"]] == [r["code"] for r in computed]
    assert "officer1" in got["reasons_note"] and "risk-engine-retired" in got["reasons_note"]
    page = scored.client.get("/declarations/RO-6", headers=scored.auth["supervisor"])
    assert computed[0]["text"] in page.text and "No reason was recorded" not in page.text


def test_a_decision_from_the_page_computes_the_deferred_reasons_once(
    scored: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's decision form computed a deferred row's reasons twice per POST: once for
    the decision's audit entry, again for the form it renders. Once now, and what the form
    shows is what the audit entry recorded."""
    import clearlane.workflows

    computed = []
    assessed_records = clearlane.workflows.assessed_records

    def counted(*args: Any, **kwargs: Any) -> Any:
        computed.append(1)
        return assessed_records(*args, **kwargs)

    monkeypatch.setattr(clearlane.workflows, "assessed_records", counted)
    for reference, form, htmx in (
        ("RO-7", {"action": "accept"}, True),  # recorded: the form part
        # no justification: the page (to yellow: submitted here, it was routed red)
        ("RO-8", {"action": "override", "lane": "yellow"}, False),
    ):
        body = submit(scored.client, scored.auth["officer"], own(reference))
        reasons = _defer(scored.url, body["results"][0]["assessment"]["id"])
        computed.clear()
        answer = scored.client.post(
            f"/declarations/{reference}/decision", data=form,
            headers={**scored.auth["officer"], **({"HX-Request": "true"} if htmx else {})},
        )  # fmt: skip
        assert answer.status_code == (200 if htmx else 422), answer.text[:300]
        assert len(computed) == 1, (reference, len(computed))
        if not htmx:  # the page shows the reasons the refused decision would have recorded
            assert reasons[0]["text"] in answer.text and "computed when opened" in answer.text
    with open_store(scored.url)() as session:
        (entry,) = [
            e for e in trail(session, subject="declaration:RO-7") if e["kind"] == "decision"
        ]
    assert (
        entry["payload"]["reasons_note"] == "computed when opened (not stored with the batch score)"
    )


def test_the_queue_shows_a_top_reason_for_rows_stored_without_reasons(scored: Harness) -> None:
    """A green row scored by ``clearlane score --reasons flagged`` is stored without its
    reasons; overridden to yellow or red it enters the officers' queue, whose top reason
    column was blank for it (API and page). The queue computes the reasons of the rows it
    lists that have none stored, as the detail does when opened (nothing written), and
    after a retrain shows the ones the decision recorded."""
    office = "NLQUE7"
    for reference in ("RO-Q1", "RO-Q2"):
        body = submit(scored.client, scored.auth["officer"], own(reference, office=office))
        assessment = body["results"][0]["assessment"]
        _defer(scored.url, assessment["id"])
    top = {}
    for reference in ("RO-Q1", "RO-Q2"):
        detail = scored.client.get(f"/api/declarations/{reference}", headers=scored.auth["officer"])
        top[reference] = detail.json()["assessment"]["reasons"][0]["text"]
    proposed = assessment["lane"]
    lane = "yellow" if proposed == "red" else "red"
    decided = scored.client.post(
        "/api/declarations/RO-Q1/decision",
        json={"lane": lane, "justification": "the invoice does not match the manifest"},
        headers=scored.auth["officer"],
    )
    assert decided.status_code == 201, decided.text

    def listed() -> dict[str, str | None]:
        queue = scored.client.get(
            f"/api/queue?office={office}&status=all&size=200", headers=scored.auth["officer"]
        ).json()
        return {i["reference"]: i["top_reason"] for i in queue["items"]}

    assert listed() == top  # the overridden row and the undecided one
    page = scored.client.get(f"/?office={office}&status=decided&lane={lane}",
                             headers=scored.auth["officer"])  # fmt: skip
    assert page.status_code == 200 and top["RO-Q1"] in page.text and "RO-Q2" not in page.text
    with open_store(scored.url)() as session, session.begin():  # listing writes nothing
        stored = session.scalars(
            select(AssessmentRow).where(AssessmentRow.reference.in_(["RO-Q1", "RO-Q2"]))
        ).all()
        assert [a.reasons for a in stored] == [[], []]
        session.execute(  # a retrain since
            update(AssessmentRow)
            .where(AssessmentRow.reference.in_(["RO-Q1", "RO-Q2"]))
            .values(model_version="risk-engine-retired")
        )
    # the decided row shows what its decision recorded; the undecided one has nothing to show
    assert listed() == {"RO-Q1": top["RO-Q1"], "RO-Q2": None}


def test_the_queue_asks_for_no_engine_when_its_rows_hold_their_reasons(scored: Harness) -> None:
    """Asking for the engine in service may start fitting the fallback champion (no champion
    yet): the queue's deferred reasons ask for it only when a listed row was stored without
    its reasons."""
    from clearlane.api.declarations.service import deferred_reasons

    body = submit(scored.client, scored.auth["officer"], own("RO-Q3"))
    assessment_id = body["results"][0]["assessment"]["id"]

    def no_engine() -> tuple[None, None]:
        raise AssertionError("the engine was asked for")

    found = deferred_reasons(
        open_store(scored.url), assessment_ids=[assessment_id], engines=no_engine
    )
    assert found == {}
    _defer(scored.url, assessment_id)
    asked = []
    deferred_reasons(
        open_store(scored.url),
        assessment_ids=[assessment_id],
        engines=lambda: asked.append(1) or (None, None),
    )
    assert asked == [1]


def test_reasons_computed_after_the_profiles_changed_say_so(scored: Harness) -> None:
    """Opened after a profile was added that hits it, a deferred row's reasons are those of
    another score: the note names what changed (the profiles), not its facts. Last in the
    module: the profile stays for the module's app."""
    from clearlane.risk.profile_store import save_profiles
    from clearlane.risk.profiles import parse_profiles

    body = submit(scored.client, scored.auth["officer"], own("RO-5"))
    assessment = body["results"][0]["assessment"]
    _defer(scored.url, assessment["id"])
    save_profiles(
        parse_profiles(
            [{
                "id": "T-PHONES", "name": "phones", "version": 1, "owner": "tests",
                "rationale": "phones are often undervalued", "valid_from": "2020-01-01",
                "weight": 0.8, "conditions": [{"op": "hs_prefix", "value": ["8517"]}],
            }]
        ),
        changed_by="tests",
        session_factory=open_store(scored.url),
    )  # fmt: skip
    got = scored.client.get("/api/declarations/RO-5", headers=scored.auth["officer"]).json()
    note = got["reasons_note"]
    assert "profiles" in note and "facts changed" not in note, note
    assert "T-PHONES" in [r.get("feature") or r.get("value") for r in got["assessment"]["reasons"]]
    # the queue's top reason is that other score's too, and says so (API and page); a row
    # assessed with its reasons since says nothing
    submit(scored.client, scored.auth["officer"], own("RO-9"))
    queue = scored.client.get(
        "/api/queue", params={"size": 200, "status": "all"}, headers=scored.auth["officer"]
    ).json()
    (item,) = [i for i in queue["items"] if i["reference"] == "RO-5"]
    assert item["top_reason"] == got["assessment"]["reasons"][0]["text"]
    assert item["top_reason_note"] == note
    (stored,) = [i for i in queue["items"] if i["reference"] == "RO-9"]
    assert stored["top_reason"] and stored["top_reason_note"] is None
    page = scored.client.get("/", params={"status": "all"}, headers=scored.auth["officer"])
    assert page.status_code == 200
    assert "computed for another score: open it" in page.text


def test_deferred_reasons_decided_and_shown_after_a_retrain_on_each_backend(
    migrated_url: str, trained_registry: ModelRegistry
) -> None:
    """The decision's recorded reasons (JSON in the audit payload) read back through the
    decision's audit sequence on SQLite and PostgreSQL, and the chain still verifies."""
    users = add_users(migrated_url)
    app = create_app(database_url=migrated_url, registry=trained_registry)
    app.state.selection_policy = ALL_RED  # stored with its reasons (see _routed_red)
    with TestClient(app) as client:
        auth = {
            role: {"Authorization": f"Bearer {token_for(client, users[role])}"}
            for role in ("trader", "officer")
        }
        body = submit(client, auth["officer"], own("RB-1"))
        assessment_id = body["results"][0]["assessment"]["id"]
        computed = _defer(migrated_url, assessment_id)
        decided = client.post("/api/declarations/RB-1/decision", json={}, headers=auth["officer"])
        assert decided.status_code == 201, decided.text
        with open_store(migrated_url)() as session, session.begin():
            session.execute(
                update(AssessmentRow)
                .where(AssessmentRow.id == assessment_id)
                .values(model_version="risk-engine-retired")
            )
        got = client.get("/api/declarations/RB-1", headers=auth["officer"]).json()
        assert [r["code"] for r in got["assessment"]["reasons"]] == [r["code"] for r in computed]
        assert "when deciding" in got["reasons_note"]
    with open_store(migrated_url)() as session:
        assert verify(session).ok


def test_reading_the_queue_or_a_declaration_never_fits_a_fallback_champion(
    scored: Harness, tmp_path: Path
) -> None:
    """A GET is side-effect free: with no champion in the registry (a server on another data
    directory than the one `clearlane score --reasons flagged` used, a registry restored
    from backup) the queue, the declaration's detail and page and its counterfactual serve
    what exists and say so (reasons "not computed ... no engine is loaded"); none of them
    starts fitting, registering and promoting the rules + anomaly fallback. Before, the
    first GET listing a row stored without reasons started that fit in the background (a
    model registered and promoted, two audit entries) on a read."""
    from clearlane.api.scoring import scoring_of
    from clearlane.workflows import default_registry

    office = "NLGET1"
    body = submit(scored.client, scored.auth["officer"], own("RO-G1", office=office))
    _defer(scored.url, body["results"][0]["assessment"]["id"])
    registry = default_registry(tmp_path / "models")  # no champion
    app = create_app(database_url=scored.url, registry=registry)
    with TestClient(app) as client:
        headers = {"Authorization": f"Bearer {token_for(client, 'officer1')}"}
        queue = client.get(f"/api/queue?office={office}&status=all", headers=headers)
        assert queue.status_code == 200, queue.text
        assert [(i["reference"], i["top_reason"]) for i in queue.json()["items"]] == [
            ("RO-G1", None)
        ]
        detail = client.get("/api/declarations/RO-G1?counterfactual=true", headers=headers)
        assert detail.status_code == 200, detail.text
        assert detail.json()["assessment"]["reasons"] == []
        assert "no engine is loaded" in detail.json()["reasons_note"]
        for path in ("/declarations/RO-G1", "/declarations/RO-G1/counterfactual",
                     f"/?office={office}&status=all"):  # fmt: skip
            page = client.get(path, headers=headers)
            assert page.status_code == 200, (path, page.text[:300])
        scoring_of(app).wait_for_fallback(timeout=120)
    assert registry.list() == [] and registry.champion("risk-engine") is None
    with open_store(scored.url)() as session:
        models = list(trail(session, subject="model:risk-engine"))
    assert [e for e in models if e["actor"] == "system:fallback"] == []
