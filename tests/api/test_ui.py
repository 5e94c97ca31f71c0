"""The web UI's pages through the test client: sign-in, menus per role, HTML errors, CSRF,
the profiles editor, the audit view and the dashboard. (The browser tests in tests/e2e drive
the same pages in Chromium.)"""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from clearlane.audit import AUDIT_KINDS, entries
from clearlane.risk.profile_store import stored_profiles
from clearlane.store.session import open_store
from tests.api.conftest import PASSWORD

CSRF = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


LOGIN_TOKEN = re.compile(r'name="login_token" value="([^"]+)"')


def login_form(client: TestClient, **data: str) -> dict[str, str]:
    """The sign-in form's fields (its token comes with the form, as in a browser)."""
    client.cookies.delete("clearlane_session")
    page = client.get("/login")
    match = LOGIN_TOKEN.search(page.text)
    assert match, page.text[:300]
    return {"login_token": match.group(1), **data}


def ui_sign_in(client: TestClient, username: str) -> str:
    """Sign in through the form; returns the session's CSRF token."""
    response = client.post(
        "/login",
        data=login_form(client, username=username, password=PASSWORD),
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    page = client.get(response.headers["location"])
    match = CSRF.search(page.text)
    assert match, page.text[:500]
    return match.group(1)


def menu(html: str) -> list[str]:
    nav = html.split('<nav aria-label="main">', 1)[1].split("</nav>", 1)[0]
    return re.findall(r">([^<]+)</a>", nav)


def test_pages_answer_401_with_the_sign_in_form_and_come_back(
    client: TestClient, users: dict[str, str]
) -> None:
    response = client.get("/dashboard?office=NL1", follow_redirects=False)
    assert response.status_code == 401
    assert 'action="/login"' in response.text
    assert 'name="next" value="/dashboard?office=NL1"' in html.unescape(response.text)
    token = LOGIN_TOKEN.search(response.text)
    assert token is not None
    signed = client.post(
        "/login",
        data={
            "login_token": token.group(1),
            "username": users["analyst"],
            "password": PASSWORD,
            "next": "/dashboard?office=NL1",
        },
        follow_redirects=False,
    )
    assert signed.status_code == 303 and signed.headers["location"] == "/dashboard?office=NL1"
    assert "clearlane_session" in signed.cookies
    # htmx requests get an HX-Redirect header to the sign-in page instead of a form to swap in
    client.cookies.clear()
    hx = client.get("/dashboard", headers={"HX-Request": "true"}, follow_redirects=False)
    assert hx.status_code == 401
    assert hx.headers["HX-Redirect"] == "/login?next=%2Fdashboard"


def test_sign_in_errors_and_no_open_redirect(client: TestClient, users: dict[str, str]) -> None:
    forged = client.post("/login", data={"username": users["officer"], "password": PASSWORD})
    assert forged.status_code == 403 and "did not come from this site" in forged.text
    assert "clearlane_session" not in forged.cookies
    wrong = client.post(
        "/login", data=login_form(client, username=users["officer"], password="nope-nope")
    )
    assert wrong.status_code == 401
    assert "wrong username or password" in wrong.text and 'value="officer1"' in wrong.text
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil"):
        response = client.post(
            "/login",
            data=login_form(client, username=users["officer"], password=PASSWORD, next=target),
            follow_redirects=False,
        )
        assert response.headers["location"] == "/", target


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("officer", ["Queue", "Dashboard", "Traders"]),
        ("analyst", ["Queue", "Dashboard", "Profiles", "Models", "Traders"]),
        ("supervisor", ["Queue", "Dashboard", "Profiles", "Models", "Audit", "Traders"]),
        ("auditor", ["Queue", "Dashboard", "Profiles", "Models", "Audit", "Traders"]),
        ("admin", ["Queue", "Dashboard", "Profiles", "Models", "Audit"]),
        ("trader", ["My declarations"]),
    ],
)
def test_menu_shows_what_the_role_may_open(
    client: TestClient, users: dict[str, str], role: str, expected: list[str]
) -> None:
    ui_sign_in(client, users[role])
    page = client.get("/dashboard" if role != "trader" else "/login")
    if role == "trader":
        assert page.url.path == "/trader"
    assert menu(page.text) == expected


def test_forbidden_pages_render_403_html_and_api_errors_stay_json(
    client: TestClient, users: dict[str, str]
) -> None:
    ui_sign_in(client, users["officer"])
    for path in ("/profiles", "/models", "/audit"):
        response = client.get(path)
        assert response.status_code == 403, path
        assert response.headers["content-type"].startswith("text/html")
        assert "may not open this page" in response.text
        assert menu(response.text) == ["Queue", "Dashboard", "Traders"]  # the menu stays
    missing = client.get("/no-such-page")
    assert missing.status_code == 404 and "<h1>Not found</h1>" in missing.text
    api = client.get("/api/no-such-endpoint")
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"


def test_changes_need_the_csrf_token(client: TestClient, users: dict[str, str]) -> None:
    token = ui_sign_in(client, users["auditor"])
    refused = client.post("/audit/verify")
    assert refused.status_code == 403 and "CSRF" in refused.text
    wrong = client.post("/audit/verify", headers={"X-CSRF-Token": "0" * 64})
    assert wrong.status_code == 403
    ok = client.post("/audit/verify", headers={"X-CSRF-Token": token, "HX-Request": "true"})
    assert ok.status_code == 200
    assert 'class="alert ok"' in ok.text and "chain intact" in ok.text
    out = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/login"
    client.cookies.clear()
    assert client.get("/audit", follow_redirects=False).status_code == 401


def test_audit_view_lists_and_filters_entries(client: TestClient, users: dict[str, str]) -> None:
    ui_sign_in(client, users["auditor"])
    page = client.get("/audit?kind=sign_in")
    assert page.status_code == 200
    assert "user:auditor1" in page.text and "user_change" not in page.text.split("<tbody>")[1]
    trail = client.get("/audit?subject=user:officer1")
    assert "user:officer1" in trail.text and "user:auditor1" not in trail.text
    # The select offers every kind written (it lacked export), and only those are accepted.
    select = page.text.split('<select name="kind">')[1].split("</select>")[0]
    assert (
        all(
            f"<option>{k}</option>" in select or f"<option selected>{k}</option>" in select
            for k in AUDIT_KINDS
        )
        and "<option>export</option>" in select
    )
    for query in ("kind=exports", "kind=exports&subject=user:officer1"):
        unknown = client.get(f"/audit?{query}")
        assert unknown.status_code == 422, query
        assert unknown.headers["content-type"].startswith("text/html")
        assert "exports" in unknown.text and "capacity_change" in unknown.text


PROFILE_YAML = """\
- id: UI-TEST-01
  name: Test profile from the editor
  version: 1
  owner: tests
  rationale: Written in the web editor.
  valid_from: 2025-01-01
  weight: 0.2
  conditions:
    - {field: origin_country, op: in, value: [CN]}
"""


def test_profiles_editor_validates_saves_and_retires(
    client: TestClient, users: dict[str, str], api_url: str
) -> None:
    token = ui_sign_in(client, users["analyst"])
    assert client.get("/profiles/new").status_code == 200
    bad = PROFILE_YAML.replace("weight: 0.2", "weight: 3").replace("op: in", "op: among")
    check = client.post(
        "/profiles/validate",
        data={"text": bad, "fmt": "yaml", "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert check.status_code == 200
    assert "UI-TEST-01" in check.text and "weight" in check.text and "among" in check.text
    refused = client.post("/profiles", data={"text": bad, "fmt": "yaml", "csrf_token": token})
    assert refused.status_code == 422 and "2 problems" in refused.text
    assert stored_profiles(session_factory=open_store(api_url)) == []
    not_json = client.post("/profiles", data={"text": "{", "fmt": "json", "csrf_token": token})
    assert not_json.status_code == 422 and "not valid JSON" in not_json.text

    saved = client.post(
        "/profiles",
        data={"text": PROFILE_YAML, "fmt": "yaml", "note": "first", "csrf_token": token},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    listing = client.get(saved.headers["location"])
    assert "UI-TEST-01 v1 added" in listing.text and "/profiles/UI-TEST-01" in listing.text
    page = client.get("/profiles/UI-TEST-01")
    assert "origin_country" in page.text and "Retire this profile" in page.text
    edit = client.get("/profiles/UI-TEST-01/edit?fmt=json")
    assert '"version": 2' in html.unescape(edit.text)  # the editor proposes the next version
    # a change on a version stored meanwhile (another analyst's): a conflict, as the API's 409
    stale = client.post(
        "/profiles",
        data={
            "text": PROFILE_YAML.replace("weight: 0.2", "weight: 0.3"),
            "fmt": "yaml",
            "csrf_token": token,
        },
    )
    assert stale.status_code == 409 and "give the change version 2" in stale.text

    no_note = client.post("/profiles/UI-TEST-01/retire", data={"note": "", "csrf_token": token})
    assert no_note.status_code == 422 and "Say why" in no_note.text
    retired = client.post(
        "/profiles/UI-TEST-01/retire",
        data={"note": "replaced by a better one", "csrf_token": token},
        follow_redirects=False,
    )
    assert retired.status_code == 303
    twice = client.post(
        "/profiles/UI-TEST-01/retire", data={"note": "replaced meanwhile", "csrf_token": token}
    )
    assert twice.status_code == 409 and "already retired" in twice.text
    rows = stored_profiles(include_retired=True, session_factory=open_store(api_url))
    assert [(r["profile_id"], r["version"], r["status"]) for r in rows] == [
        ("UI-TEST-01", 2, "retired")
    ]
    with open_store(api_url)() as session:
        changes = entries(session, kind="profile_change")
    assert [e["actor"] for e in changes] == ["analyst1", "analyst1"]
    assert client.get("/profiles/NOPE").status_code == 404


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("json", "[" * 100_000),
        ("yaml", "[" * 5_000),
        ("yaml", "- version: 1" + "0" * 5_000),
        ("yaml", "- id: P-1\n  valid_from: 2024-13-01\n"),
    ],
    ids=["deep-json", "deep-yaml", "long-integer", "impossible-date"],
)
def test_the_profile_editor_answers_unreadable_text_with_its_problem_not_a_500(
    client: TestClient, users: dict[str, str], fmt: str, text: str
) -> None:
    """RecursionError and ValueError from the JSON and YAML parsers were 500s."""
    token = ui_sign_in(client, users["analyst"])
    data = {"text": text, "fmt": fmt, "csrf_token": token}
    check = client.post("/profiles/validate", data=data, headers={"HX-Request": "true"})
    assert check.status_code == 200 and "cannot be parsed" in check.text
    saved = client.post("/profiles", data=data)
    assert saved.status_code == 422 and "cannot be parsed" in saved.text


def test_officer_cannot_write_profiles(client: TestClient, users: dict[str, str]) -> None:
    token = ui_sign_in(client, users["auditor"])  # reads profiles, may not change them
    assert client.get("/profiles").status_code == 200
    response = client.post("/profiles", data={"text": PROFILE_YAML, "csrf_token": token})
    assert response.status_code == 403


def test_dashboard_and_models_render_on_an_empty_store(
    client: TestClient, users: dict[str, str]
) -> None:
    ui_sign_in(client, users["supervisor"])
    dashboard = client.get("/dashboard")
    assert dashboard.status_code == 200
    assert 'id="kpi-hit-rate" data-hits="0" data-n="0"' in dashboard.text
    assert "<svg" in dashboard.text and "no data yet" in dashboard.text
    bad_date = client.get("/dashboard?since=yesterday")
    assert bad_date.status_code == 422 and "since" in bad_date.text
    assert 'hx-get="/dashboard/fairness?by=origin"' in dashboard.text
    fairness = client.get("/dashboard/fairness?by=importer", headers={"HX-Request": "true"})
    assert fairness.status_code == 200 and "no declarations yet" in fairness.text
    assert "<option selected>importer</option>" in fairness.text
    models = client.get("/models")
    assert models.status_code == 200 and "No champion yet" in models.text
    ui_sign_in(client, users["officer"])  # KPIs yes, the bias audit no
    assert "dashboard/fairness" not in client.get("/dashboard").text
    assert client.get("/dashboard/fairness").status_code == 403


def test_alert_stream_sends_red_lanes_as_html(client: TestClient, users: dict[str, str]) -> None:
    ui_sign_in(client, users["officer"])
    with client.stream("GET", "/ui/alerts?max_events=1") as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        lines = response.iter_lines()
        assert next(lines) == "event: connected"
        assert "live alerts on" in next(lines)
        hub = client.app.state.events  # type: ignore[attr-defined]
        hub.publish({"type": "other"})
        hub.publish(
            {
                "type": "red_lane",
                "reference": "R<1>",
                "office": "NL1",
                "score": 0.91234,
                "selection_reason": "risk",
            }
        )
        rest = "\n".join(lines)
    assert "event: red_lane" in rest and "event: other" not in rest
    data = rest.split("data: ", 1)[1].splitlines()[0]
    assert 'href="/declarations/R&lt;1&gt;"' in data and "score 0.912" in data
    ui_sign_in(client, users["trader"])
    assert client.get("/ui/alerts").status_code == 403


def test_model_promotion_needs_the_permission_and_a_known_version(
    client: TestClient, users: dict[str, str]
) -> None:
    token = ui_sign_in(client, users["analyst"])
    refused = client.post(
        "/models/risk-engine/1/promote", data={"justification": "better", "csrf_token": token}
    )
    assert refused.status_code == 403
    token = ui_sign_in(client, users["supervisor"])
    unknown = client.post(
        "/models/risk-engine/7/promote", data={"justification": "better", "csrf_token": token}
    )
    assert unknown.status_code == 409 and "Not promoted" in unknown.text


def test_the_bias_audit_covers_the_dashboard_period_or_the_latest_year(
    client: TestClient, users: dict[str, str], api_url: str
) -> None:
    from clearlane.ingest.pipeline import ingest_records
    from clearlane.store.session import open_store
    from tests.factories import declaration

    old, new = declaration("FY-OLD"), declaration("FY-NEW")
    old["declaration_date"], new["declaration_date"] = "2023-01-10", "2025-03-01"
    ingest_records([old, new], source="tests", session_factory=open_store(api_url))
    ui_sign_in(client, users["supervisor"])
    latest_year = client.get("/dashboard/fairness", headers={"HX-Request": "true"})
    assert latest_year.status_code == 200
    assert "Declarations from 2024-03-02." in latest_year.text  # 365 days up to the newest
    assert 'name="since" value="2024-03-02"' in latest_year.text  # kept when regrouping
    chosen = client.get(
        "/dashboard/fairness?by=office&since=2023-01-01&until=2023-12-31",
        headers={"HX-Request": "true"},
    )
    assert "Declarations from 2023-01-01 to 2023-12-31." in chosen.text
    assert 'name="until" value="2023-12-31"' in chosen.text
    dashboard = client.get("/dashboard?since=2023-01-01&until=2023-12-31")
    assert "/dashboard/fairness?by=origin&amp;since=2023-01-01&amp;until=2023-12-31" in (
        dashboard.text
    )


def test_queue_and_fairness_filters_refuse_unknown_values(
    client: TestClient, users: dict[str, str]
) -> None:
    """An unknown enumerated filter is a 422 naming it, not the unfiltered page."""
    ui_sign_in(client, users["supervisor"])
    assert client.get("/?status=all&lane=").status_code == 200  # the form's "all lanes"
    for query, name in (("status=bogus", "status"), ("lane=purple", "lane")):
        refused = client.get(f"/?{query}")
        assert refused.status_code == 422, query
        assert f"query.{name}" in refused.text
    fairness = client.get("/dashboard/fairness?by=shoe_size", headers={"HX-Request": "true"})
    assert fairness.status_code == 422 and "query.by" in fairness.text
    # the API's queue and declarations list already refuse them (their filters are typed)
    ui_sign_in(client, users["supervisor"])
    for path in ("/api/queue?status=bogus", "/api/queue?lane=purple", "/api/declarations?lane=x"):
        assert client.get(path).status_code == 422, path
