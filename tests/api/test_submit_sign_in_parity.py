"""The submit route's own sign-in dependency (:class:`~clearlane.api.deps.RequireSignedIn`,
#15) answers as :func:`~clearlane.api.deps.require`, the dependency every other route (and
the submit route before) signs in with, for each way a request can be refused: compared
response by response on both stores, with a probe route that signs in through ``require``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from clearlane.api.app import create_app
from clearlane.api.auth.service import issue_token
from clearlane.api.deps import SESSION_COOKIE, Principal, require
from clearlane.api.permissions import Permission
from clearlane.api.security import csrf_token
from clearlane.store.session import open_store
from clearlane.store.tables import UserRow
from clearlane.users import end_session, get_user, set_active
from tests.api.conftest import add_users
from tests.api.helpers import others, own

PROBE = "/api/probe-require"


@pytest.fixture
def app_client(migrated_url: str) -> Iterator[tuple[TestClient, str]]:
    add_users(migrated_url)
    app = create_app(database_url=migrated_url)

    @app.post(PROBE)
    async def probe(user: require(Permission.DECLARATION_SUBMIT)) -> dict[str, Any]:  # type: ignore[valid-type]
        principal: Principal = user
        return {"username": principal.username, "role": principal.role.value}

    with TestClient(app) as client:
        yield client, migrated_url


def _token(url: str, username: str, *, kind: str = "access", minutes: int = 60) -> tuple[str, str]:
    with open_store(url)() as session, session.begin():
        return issue_token(session, get_user(session, username), kind=kind, minutes=minutes)


def _answers(
    client: TestClient, body: dict[str, Any], **kwargs: Any
) -> tuple[tuple[int, Any], tuple[int, Any]]:
    """(submit's, the probe's) status and error, for the same credentials."""
    submitted = client.post("/api/declarations", json=body, **kwargs)
    probed = client.post(PROBE, json=body, **kwargs)

    def shape(response: Any) -> tuple[int, Any]:
        error = response.json().get("error") if response.status_code >= 400 else None
        return response.status_code, error and (error["code"], error["message"])

    return shape(submitted), shape(probed)


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_refusals_are_those_of_require(app_client: tuple[TestClient, str]) -> None:
    client, url = app_client
    body = own("PARITY-1")
    cases: dict[str, dict[str, Any]] = {"no credentials": {}}
    cases["malformed token"] = {"headers": _bearer("x.y.z")}
    cases["expired token"] = {"headers": _bearer(_token(url, "officer1", minutes=-1)[0])}
    cases["session token as bearer"] = {
        "headers": _bearer(_token(url, "officer1", kind="session")[0])
    }
    signed_out, sid = _token(url, "officer1")
    with open_store(url)() as session, session.begin():
        end_session(session, sid)
    cases["signed-out token"] = {"headers": _bearer(signed_out)}
    disabled = _token(url, "supervisor1")[0]
    with open_store(url)() as session, session.begin():
        set_active(session, username="supervisor1", active=False, changed_by="test")
    cases["disabled user's token"] = {"headers": _bearer(disabled)}
    cases["role without submit"] = {"headers": _bearer(_token(url, "analyst1")[0])}
    demoted = _token(url, "admin1")[0]
    with open_store(url)() as session, session.begin():  # the token still says admin
        session.execute(update(UserRow).where(UserRow.username == "admin1").values(role="auditor"))
    cases["role changed since the token"] = {"headers": _bearer(demoted)}
    for name, kwargs in cases.items():
        client.cookies.clear()
        submitted, probed = _answers(client, body, **kwargs)
        assert submitted == probed, name
        assert submitted[0] in (401, 403), (name, submitted)

    cookie, cookie_sid = _token(url, "analyst1", kind="session")
    access_cookie = _token(url, "officer1")[0]
    for name, value, headers in [
        ("cookie without CSRF token", cookie, {}),
        ("cookie, wrong CSRF token", cookie, {"X-CSRF-Token": "0" * 64}),
        ("cookie, role without submit", cookie, {"X-CSRF-Token": csrf_token(cookie_sid)}),
        ("access token as cookie", access_cookie, {}),
    ]:
        client.cookies.clear()
        client.cookies.set(SESSION_COOKIE, value)
        submitted, probed = _answers(client, body, headers=headers)
        assert submitted == probed, name
        assert submitted[0] in (401, 403), (name, submitted)


def test_who_submits_is_the_signed_in_user(app_client: tuple[TestClient, str]) -> None:
    client, url = app_client
    cookie, sid = _token(url, "trader1", kind="session")
    client.cookies.set(SESSION_COOKIE, cookie)
    headers = {"X-CSRF-Token": csrf_token(sid)}
    refused = client.post("/api/declarations", json=others("PARITY-2"), headers=headers)
    assert refused.status_code == 403, refused.text  # for another trader's organisation
    stored = client.post("/api/declarations", json=own("PARITY-3"), headers=headers)
    assert stored.status_code == 201, stored.text
    client.cookies.clear()
    officer = _bearer(_token(url, "officer1")[0])
    detail = client.get("/api/declarations/PARITY-3", headers=officer).json()
    assert detail["versions"][0]["source_location"].startswith("api:trader1")
