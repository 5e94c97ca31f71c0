"""POST /api/declarations/{reference}/control-result and the form's options."""

from __future__ import annotations

from sqlalchemy import select

from clearlane.audit import trail
from clearlane.store.frames import load_items_frame
from clearlane.store.session import open_store
from clearlane.store.tables import ControlResultRow
from tests.api.conftest import Harness
from tests.api.helpers import arms, own, submit

DRUGS = {
    "control_type": "physical",
    "outcome": "non_compliant",
    "irregularities": [{"type": "drugs", "item_seq": 1, "note": "inside the grips"}],
    "drug_type": "cocaine",
    "drug_form": "powder",
    "concealment_method": "inside other goods",
    "detection_method": "x-ray / NII scan",
    "seized_quantity": 4.2,
    "seized_unit": "KGM",
    "remarks": "two packages hidden in the pistol cases",
}


def _post(h: Harness, reference: str, body: object, role: str = "officer") -> tuple[int, dict]:
    response = h.client.post(
        f"/api/declarations/{reference}/control-result", json=body, headers=h.auth[role]
    )
    return response.status_code, dict(response.json())


def test_a_control_result_is_stored_for_training_audited_and_echoed(scored: Harness) -> None:
    submit(scored.client, scored.auth["officer"], arms("C-1"))
    status, stored = _post(scored, "C-1", DRUGS)
    assert status == 201, stored
    assert (stored["outcome"], stored["severity"]) == ("non_compliant", "critical")
    assert stored["selection_reason"] == "mandatory"  # taken from the assessment
    assert stored["payload"]["drug_form"] == "powder"
    assert stored["payload"]["officer"] == "officer1"
    assert stored["payload"]["findings"][0]["note"] == "inside the grips"
    with open_store(scored.url)() as session:
        row = session.get(ControlResultRow, stored["id"])
        assert row is not None and row.content_sha256 == stored["content_sha256"]
        audited = [
            e for e in trail(session, subject="declaration:C-1") if e["kind"] == "control_result"
        ]
    assert audited[0]["payload"]["content_sha256"] == stored["content_sha256"]
    frame = load_items_frame(session_factory=open_store(scored.url))
    assert frame.loc[frame["reference"] == "C-1", "fraud"].tolist() == [1.0]
    detail = scored.client.get("/api/declarations/C-1", headers=scored.auth["officer"]).json()
    assert [c["id"] for c in detail["control_results"]] == [stored["id"]]
    trader = scored.client.get("/api/declarations/C-1", headers=scored.auth["trader"]).json()
    assert trader["control_results"] == []


def test_after_an_override_the_control_was_chosen_by_the_officer(scored: Harness) -> None:
    submit(scored.client, scored.auth["officer"], own("C-2"))
    decided = scored.client.post(
        "/api/declarations/C-2/decision",
        json={"lane": "red", "justification": "intelligence report on this consignee"},
        headers=scored.auth["officer"],
    )
    assert decided.status_code == 201
    body = {
        "control_type": "documentary",
        "outcome": "non_compliant",
        "irregularities": [{"type": "undervaluation", "declared": 11040, "found": 18500.5}],
        "extra_duty": 1715.0,
    }
    status, stored = _post(scored, "C-2", body, role="supervisor")
    assert status == 201 and stored["selection_reason"] == "officer"
    finding = stored["payload"]["findings"][0]
    assert (finding["field"], finding["declared"], finding["found"]) == (
        "customs_value",
        11040,
        18500.5,
    )
    assert stored["extra_duty"] == 1715.0


def test_bad_control_results_name_the_field(scored: Harness) -> None:
    submit(scored.client, scored.auth["officer"], own("C-3"))
    status, error = _post(scored, "C-3", {**DRUGS, "drug_type": None})
    assert status == 422 and error["error"]["fields"][0]["field"] == "body.drug_type"
    status, error = _post(scored, "C-3", {**DRUGS, "colour": "red"})
    assert status == 422 and error["error"]["fields"][0]["field"] == "body.colour"
    status, error = _post(scored, "C-3", {**DRUGS, "irregularities": [{"type": "smuggling"}]})
    assert status == 422 and "irregularities" in error["error"]["fields"][0]["field"]
    status, error = _post(scored, "C-3", {"control_type": "physical", "outcome": "compliant",
                                          "extra_duty": 5})  # fmt: skip
    assert status == 422 and error["error"]["fields"][0]["field"] == "body.extra_duty"
    status, error = _post(scored, "C-3", {**DRUGS, "started_at": "2025-03-14T12:00:00Z",
                                          "completed_at": "2025-03-14T11:00:00Z"})  # fmt: skip
    assert status == 422 and "before" in error["error"]["message"]
    # A time with no UTC instant (year 1 ahead of UTC): OverflowError, a 500, before.
    status, error = _post(scored, "C-3", {**DRUGS, "completed_at": "0001-01-01T00:30:00+01:00"})
    assert status == 422 and "UTC" in error["error"]["message"], error
    # Several follow-ups that do not fit: ControlFormError names each (DomainError.errors).
    status, error = _post(scored, "C-3", {**DRUGS, "outcome": "compliant", "extra_duty": 5})
    fields = {f["field"] for f in error["error"]["fields"]}
    assert status == 422 and {"body.irregularities", "body.extra_duty"} <= fields, error
    assert len(error["error"]["fields"]) >= 2 and all(
        f["message"] for f in error["error"]["fields"]
    )
    assert _post(scored, "NOPE", DRUGS)[0] == 404
    assert _post(scored, "C-3", DRUGS, role="analyst")[0] == 403
    assert _post(scored, "C-3", DRUGS, role="trader")[0] == 403
    anonymous = scored.client.post("/api/declarations/C-3/control-result", json=DRUGS)
    assert anonymous.status_code == 401
    form = scored.client.post(
        "/api/declarations/C-3/control-result",
        data={"outcome": "compliant"},
        headers=scored.auth["officer"],
    )
    assert form.status_code == 415
    fixed = {**DRUGS, "completed_at": "2025-03-14T11:00:00Z"}
    assert _post(scored, "C-3", fixed)[0] == 201
    status, duplicate = _post(scored, "C-3", fixed)
    assert status == 409 and "already stored" in duplicate["error"]["message"]
    with open_store(scored.url)() as session:
        rows = session.scalars(
            select(ControlResultRow).where(ControlResultRow.declaration_reference == "C-3")
        ).all()
    assert len(rows) == 1


def test_the_form_options_list_vocabularies(scored: Harness) -> None:
    response = scored.client.get("/api/control-results/options", headers=scored.auth["officer"])
    assert response.status_code == 200
    options = response.json()
    assert "physical" in options["control_types"] and "none" not in options["control_types"]
    drugs = next(t for t in options["irregularity_types"] if t["type"] == "drugs")
    assert {"drug_type", "drug_form"} <= set(drugs["follow_ups"])
    assert scored.client.get("/api/control-results/options").status_code == 401
    trader = scored.client.get("/api/control-results/options", headers=scored.auth["trader"])
    assert trader.status_code == 403


def test_the_page_refuses_the_same_control_result_twice_with_409(scored: Harness) -> None:
    """The API answers 409 for a control result stored already (two officers recording the
    same control); the declaration page's control form answered 422, a wrong input, for it,
    for a plain form POST (the page) as for htmx (the form)."""
    submit(scored.client, scored.auth["officer"], arms("C-UI"))
    form = {
        "control_type": "documentary",
        "outcome": "compliant",
        "remarks": "papers in order",
        "completed_at": "2025-03-15T10:00",  # the same control (else completed now, another)
    }
    first = scored.client.post(
        "/declarations/C-UI/control", data=form, headers=scored.auth["officer"],
        follow_redirects=False,
    )  # fmt: skip
    assert first.status_code == 303, first.text[:300]
    for htmx in ({}, {"HX-Request": "true"}):
        again = scored.client.post(
            "/declarations/C-UI/control", data=form,
            headers={**scored.auth["officer"], **htmx}, follow_redirects=False,
        )  # fmt: skip
        assert again.status_code == 409, (htmx, again.status_code)
        assert "already stored" in again.text and "alert error" in again.text
    wrong = scored.client.post(
        "/declarations/C-UI/control", data={**form, "outcome": "maybe"},
        headers=scored.auth["officer"], follow_redirects=False,
    )  # fmt: skip
    assert wrong.status_code == 422  # a wrong input stays 422
