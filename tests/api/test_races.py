"""Races and server-side sessions (issue #12), on SQLite and PostgreSQL.

Each race releases its threads together from a ``threading.Barrier`` and checks the stored
outcome, not only the status codes: one owner per reference, one first decision per
declaration, no more password checks than the sign-in limit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from clearlane.api.app import create_app
from clearlane.api.security import ALGORITHM, secret_key
from clearlane.audit import entries, verify
from clearlane.config import get_settings
from clearlane.learn.registry import ModelRegistry
from clearlane.store.session import open_store
from clearlane.store.tables import DecisionRow, DeclarationRow
from clearlane.users import set_active, set_password
from tests.api.conftest import (
    OTHER_ORG,
    PASSWORD,
    TRADER_ORG,
    add_mandatory_profile,
    add_users,
    app_with_settings,
    store_bearer,
    token_for,
)
from tests.api.helpers import arms, own
from tests.concurrency import insert_declarations_in_halves, together
from tests.factories import item


@pytest.fixture
def app_client(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    # the sign-in bound's default places, with a wait long enough for a loaded machine: the
    # racing sign-ins queue for a place rather than being refused (test_sign_in_bound.py)
    with app_with_settings(migrated_url, monkeypatch, "races-", sign_in_wait_seconds=120) as client:
        yield client


def bearer(client: TestClient, username: str) -> dict[str, str]:
    """A token as a sign-in issues it, without the sign-in's argon2 check (not the subject
    here; Session 37, 2026-12-07)."""
    return store_bearer(client, username)


# ----------------------------------------------------------------------------- race 1


def test_two_traders_racing_for_one_new_reference_one_wins_the_other_gets_409(
    app_client: TestClient,
) -> None:
    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    headers = [bearer(client, "trader1"), bearer(client, "trader2")]
    orgs = [TRADER_ORG, OTHER_ORG]
    for round_ in range(6):
        reference = f"RACE-{round_}"
        responses = together(
            2,
            lambda i, ref=reference: client.post(  # type: ignore[misc]
                "/api/declarations", json=own(ref, orgs[i]), headers=headers[i]
            ),
        )
        statuses = sorted(r.status_code for r in responses)
        assert statuses == [201, 409], [r.text for r in responses]
        loser = next(r for r in responses if r.status_code == 409)
        assert "already in use" in loser.json()["error"]["message"]
        winner = next(i for i, r in enumerate(responses) if r.status_code == 201)
        with open_store(url)() as session:
            stored = session.execute(
                select(DeclarationRow.version, DeclarationRow.importer_id).where(
                    DeclarationRow.reference == reference
                )
            ).all()
        assert stored == [(1, orgs[winner])]  # never a version owned by the other organisation
        # the winner still sees its declaration, with only its own user in the history
        mine = client.get(f"/api/declarations/{reference}", headers=headers[winner]).json()
        names = [v["source_location"].split(":")[1] for v in mine["versions"]]
        assert names == [["trader1", "trader2"][winner]]
    # a trader is never told the user name behind another user's version
    first = own("SHARED-1", TRADER_ORG, procedure="4000")  # both organisations are parties
    first["declarant"] = {"id": OTHER_ORG, "name": "Broker", "country": "NL"}
    assert client.post("/api/declarations", json=first, headers=headers[0]).status_code == 201
    by_other = own("SHARED-1", TRADER_ORG, procedure="4200")
    by_other["declarant"] = {"id": OTHER_ORG, "name": "Broker", "country": "NL"}
    assert client.post("/api/declarations", json=by_other, headers=headers[1]).status_code == 201
    seen = client.get("/api/declarations/SHARED-1", headers=headers[0]).json()["versions"]
    assert [v["source_location"].split(":")[1] for v in seen] == ["trader1", "another user"]
    theirs = client.get("/api/declarations/SHARED-1", headers=headers[1]).json()["versions"]
    assert [v["source_location"].split(":")[1] for v in theirs] == ["another user", "trader2"]


# ----------------------------------------------------------------------------- race 2


def test_two_officers_deciding_at_once_one_201_the_other_409(
    migrated_url: str, trained_registry: ModelRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLEARLANE_SECRET_KEY", "races-" + "k" * 40)
    get_settings.cache_clear()
    add_users(migrated_url)
    add_mandatory_profile(migrated_url)
    with TestClient(create_app(database_url=migrated_url, registry=trained_registry)) as client:
        client.store_url = migrated_url  # type: ignore[attr-defined]  # for bearer()
        officers = [bearer(client, "officer1"), bearer(client, "supervisor1")]
        for round_ in range(4):
            reference = f"DEC-RACE-{round_}"
            made = client.post("/api/declarations", json=arms(reference), headers=officers[0])
            assert made.status_code == 201, made.text
            responses = together(
                2,
                lambda i, ref=reference: client.post(  # type: ignore[misc]
                    f"/api/declarations/{ref}/decision", json={}, headers=officers[i]
                ),
            )
            assert sorted(r.status_code for r in responses) == [201, 409], [
                r.text for r in responses
            ]
            with open_store(migrated_url)() as session:
                decisions = session.scalars(
                    select(DecisionRow).where(DecisionRow.reference == reference)
                ).all()
            assert len(decisions) == 1
        with open_store(migrated_url)() as session:
            assert verify(session).ok


def test_two_officers_deciding_without_the_lock_the_store_answers_409(
    migrated_url: str, trained_registry: ModelRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Race 2 with the per-declaration lock taken away and both officers held after reading
    "not decided" (a barrier): the partial unique index uq_decisions_first (migration 0017)
    refuses the second first decision, answered 409 naming the declaration. Before it both
    were stored (201, 201)."""
    import threading

    from clearlane.oversight import decisions as module

    monkeypatch.setenv("CLEARLANE_SECRET_KEY", "races-" + "k" * 40)
    get_settings.cache_clear()
    add_users(migrated_url)
    add_mandatory_profile(migrated_url)
    with TestClient(create_app(database_url=migrated_url, registry=trained_registry)) as client:
        client.store_url = migrated_url  # type: ignore[attr-defined]  # for bearer()
        officers = [bearer(client, "officer1"), bearer(client, "supervisor1")]
        reference = "DEC-NOLOCK"
        made = client.post("/api/declarations", json=arms(reference), headers=officers[0])
        assert made.status_code == 201, made.text
        monkeypatch.setattr(module, "write_lock", lambda session, key: None)
        barrier, real = threading.Barrier(2), module.current_decision

        def read_then_wait(session: Any, **kwargs: Any) -> Any:
            found = real(session, **kwargs)
            barrier.wait(timeout=60)
            return found

        monkeypatch.setattr(module, "current_decision", read_then_wait)
        responses = together(
            2,
            lambda i: client.post(
                f"/api/declarations/{reference}/decision", json={}, headers=officers[i]
            ),
        )
        assert sorted(r.status_code for r in responses) == [201, 409], [r.text for r in responses]
        loser = next(r for r in responses if r.status_code == 409).json()["error"]
        assert f"declaration {reference!r} version 1 was decided" in loser["message"], loser
        assert "meanwhile" in loser["message"]
        with open_store(migrated_url)() as session:
            decisions = session.scalars(
                select(DecisionRow).where(DecisionRow.reference == reference)
            ).all()
            assert verify(session).ok
        assert len(decisions) == 1


# ----------------------------------------------------------------------------- race 3


def _sign_ins(url: str, username: str) -> list[dict[str, Any]]:
    with open_store(url)() as session:
        found = entries(session, kind="sign_in", subject=f"user:{username}", limit=1000)
    return list(reversed(found))  # oldest first


def test_parallel_wrong_passwords_reach_the_password_check_at_most_limit_times(
    app_client: TestClient,
) -> None:
    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    limit = get_settings().sign_in_max_failures
    responses = together(
        40,
        lambda i: client.post(
            "/api/auth/token", data={"username": "analyst1", "password": f"wrong-{i:04d}"}
        ),
    )
    counts = Counter(r.status_code for r in responses)
    assert set(counts) <= {401, 429} and counts[401] <= limit, counts
    checked = [e for e in _sign_ins(url, "analyst1") if "refused" not in e["payload"]]
    assert len(checked) == counts[401] <= limit
    assert len(_sign_ins(url, "analyst1")) == 40  # every attempt is audited


def test_a_right_password_among_wrong_ones_never_gets_a_token_past_the_limit(
    app_client: TestClient,
) -> None:
    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    limit = get_settings().sign_in_max_failures
    right = 6  # the 7th thread: whatever the order, the lock decides who is checked first
    responses = together(
        13,
        lambda i: client.post(
            "/api/auth/token",
            data={"username": "auditor1", "password": PASSWORD if i == right else f"bad-{i:03d}"},
        ),
    )
    trail = _sign_ins(url, "auditor1")
    assert len(trail) == 13

    def checked_failures(part: list[dict[str, Any]]) -> int:
        return sum(
            1 for e in part if e["payload"]["success"] is False and "refused" not in e["payload"]
        )

    if responses[right].status_code == 200:  # it was checked before the limit was reached
        ok = next(i for i, e in enumerate(trail) if e["payload"]["success"])
        assert checked_failures(trail[:ok]) < limit
        assert checked_failures(trail[ok + 1 :]) <= limit  # a success starts a new count
    else:  # the limit was reached first: refused without a check, never a token
        assert responses[right].status_code == 429
        assert checked_failures(trail) == limit


# ----------------------------------------------------------------------------- sessions


def test_sign_out_ends_the_token_and_the_cookie_even_a_copy(app_client: TestClient) -> None:
    client = app_client
    headers = bearer(client, "officer1")
    assert client.get("/api/auth/me", headers=headers).status_code == 200
    assert client.post("/api/auth/logout", headers=headers).status_code == 204
    ended = client.get("/api/auth/me", headers=headers)
    assert ended.status_code == 401 and "ended" in ended.json()["error"]["message"]

    page = client.get("/login")
    token = page.cookies.get("clearlane_login") or client.cookies.get("clearlane_login")
    login = client.post(
        "/login",
        data={"username": "officer1", "password": PASSWORD, "login_token": token or ""},
        follow_redirects=False,
    )
    assert login.status_code == 303, login.text
    cookie = client.cookies.get("clearlane_session")
    assert cookie
    copy = {"Cookie": f"clearlane_session={cookie}"}
    with TestClient(client.app) as other:  # a second browser holding a copy of the cookie
        assert other.get("/api/auth/me", headers=copy).status_code == 200
        csrf = _csrf(client)
        out = client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
        assert out.status_code == 303
        assert other.get("/api/auth/me", headers=copy).status_code == 401


def _csrf(client: TestClient) -> str:
    import re

    page = client.get("/")
    found = re.search(r'"X-CSRF-Token": "([0-9a-f]+)"', page.text)
    assert found, page.text[:500]
    return found.group(1)


@pytest.mark.parametrize("change", ["disable", "password"])
def test_disabling_a_user_or_changing_the_password_ends_their_sessions(
    app_client: TestClient, change: str
) -> None:
    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    headers = bearer(client, "officer1")
    assert client.get("/api/auth/me", headers=headers).status_code == 200
    with open_store(url)() as session, session.begin():
        if change == "disable":
            set_active(session, username="officer1", active=False, changed_by="admin1")
        else:
            set_password(
                session, username="officer1", password="a new long password", changed_by="cli"
            )
    assert client.get("/api/auth/me", headers=headers).status_code == 401
    if change == "password":
        assert token_for(client, "officer1", "a new long password")  # the new one works
        old = client.post("/api/auth/token", data={"username": "officer1", "password": PASSWORD})
        assert old.status_code == 401


def test_tokens_without_exp_or_session_are_refused(app_client: TestClient) -> None:
    client = app_client
    headers = bearer(client, "officer1")
    sid = jwt.decode(headers["Authorization"].split()[1], secret_key(), algorithms=[ALGORITHM])[
        "sid"
    ]
    now = datetime.now(UTC)
    base = {"sub": "officer1", "kind": "access", "iat": now, "sid": sid}
    no_exp = jwt.encode(base, secret_key(), algorithm=ALGORITHM)
    refused = client.get("/api/auth/me", headers={"Authorization": f"Bearer {no_exp}"})
    assert refused.status_code == 401
    no_sid = jwt.encode(
        {k: v for k, v in base.items() if k != "sid"} | {"exp": now + timedelta(minutes=5)},
        secret_key(),
        algorithm=ALGORITHM,
    )
    assert (
        client.get("/api/auth/me", headers={"Authorization": f"Bearer {no_sid}"}).status_code == 401
    )
    forged_sid = jwt.encode(
        base | {"sid": "0" * 32, "exp": now + timedelta(minutes=5)},
        secret_key(),
        algorithm=ALGORITHM,
    )
    assert (
        client.get("/api/auth/me", headers={"Authorization": f"Bearer {forged_sid}"}).status_code
        == 401
    )
    good = jwt.encode(base | {"exp": now + timedelta(minutes=5)}, secret_key(), algorithm=ALGORITHM)
    assert (
        client.get("/api/auth/me", headers={"Authorization": f"Bearer {good}"}).status_code == 200
    )


# ----------------------------------------------------------------------------- race 4


def test_the_same_control_result_submitted_twice_at_once_is_stored_once_the_other_409(
    app_client: TestClient,
) -> None:
    """Two requests recording the same control result (the same officer, fields and
    completion time: a double click, a retried request) at once: one is stored, the other
    answers 409 as it does when it comes after, not a 500 from the unique hash."""
    from clearlane.store.tables import ControlResultRow

    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    officer = bearer(client, "officer1")
    for round_ in range(4):
        reference = f"CTL-RACE-{round_}"
        made = client.post("/api/declarations", json=own(reference), headers=officer)
        assert made.status_code == 201, made.text
        body = {
            "control_type": "documentary",
            "outcome": "compliant",
            "selection_reason": "risk",
            "completed_at": f"2025-03-1{round_}T10:00:00Z",
        }
        responses = together(
            2,
            lambda _i, ref=reference, sent=body: client.post(  # type: ignore[misc]
                f"/api/declarations/{ref}/control-result", json=sent, headers=officer
            ),
        )
        assert sorted(r.status_code for r in responses) == [201, 409], [r.text for r in responses]
        loser = next(r for r in responses if r.status_code == 409)
        assert "already stored" in loser.json()["error"]["message"]
        with open_store(url)() as session:
            stored = session.scalars(
                select(ControlResultRow.id).where(
                    ControlResultRow.declaration_reference == reference
                )
            ).all()
            assert len(stored) == 1
            recorded = entries(session, kind="control_result", subject=f"declaration:{reference}")
            assert len(recorded) == 1
            assert verify(session).ok


# ----------------------------------------------------------------------------- race 5


def test_two_supervisors_changing_one_decision_at_once_one_201_the_other_409(
    migrated_url: str, trained_registry: ModelRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both supervisors saw the same decision in force and change it at once (to the same and
    to different lanes): one change is stored, the other is told 409 and which decision is in
    force now; one audited change, one current decision, a linear history."""
    monkeypatch.setenv("CLEARLANE_SECRET_KEY", "races-" + "k" * 40)
    get_settings.cache_clear()
    add_users(migrated_url)
    add_mandatory_profile(migrated_url)
    with TestClient(create_app(database_url=migrated_url, registry=trained_registry)) as client:
        client.store_url = migrated_url  # type: ignore[attr-defined]  # for bearer()
        officer = bearer(client, "officer1")
        supervisors = [bearer(client, "supervisor1"), bearer(client, "officer1")]
        for round_, lanes in enumerate([("green", "green"), ("green", "yellow")] * 2):
            reference = f"CHG-RACE-{round_}"
            made = client.post("/api/declarations", json=arms(reference), headers=officer)
            assert made.status_code == 201, made.text
            first = client.post(f"/api/declarations/{reference}/decision", json={}, headers=officer)
            assert first.status_code == 201, first.text
            seen = first.json()["id"]  # what both supervisors saw in force
            responses = together(
                2,
                lambda i, ref=reference, to=lanes, was=seen: client.post(  # type: ignore[misc]
                    f"/api/declarations/{ref}/decision",
                    json={
                        "lane": to[i],
                        "change": True,
                        "supersedes": was,
                        "justification": f"supervisor review {i}: documents checked",
                    },
                    headers=supervisors[i],
                ),
            )
            assert sorted(r.status_code for r in responses) == [201, 409], [
                r.text for r in responses
            ]
            winner = next(r for r in responses if r.status_code == 201).json()
            loser = next(r for r in responses if r.status_code == 409).json()["error"]
            assert f"decision {winner['id']}" in loser["message"], loser
            assert winner["supersedes_id"] == seen
            with open_store(migrated_url)() as session:
                decisions = session.scalars(
                    select(DecisionRow)
                    .where(DecisionRow.reference == reference)
                    .order_by(DecisionRow.id)
                ).all()
                changes = entries(session, kind="decision", subject=f"declaration:{reference}")
                assert verify(session).ok
            assert [(d.id, d.supersedes_id) for d in decisions] == [
                (seen, None),
                (winner["id"], seen),
            ]
            assert len(changes) == 2  # the first decision and exactly one change


# ----------------------------------------------------------------------------- race 6


def test_two_supervisors_setting_one_office_at_once_each_get_a_version_or_409(
    app_client: TestClient,
) -> None:
    """Two capacity changes of one office at once: without ``expected_version`` both are
    stored, one after the other (versions 1 and 2, each audited once with what it replaced);
    with the version both read, one is stored and the other answered 409."""
    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    sups = [bearer(client, "supervisor1"), bearer(client, "admin1")]
    bodies = [
        {"red_share": 0.02, "yellow_share": 0.08, "random_share": 0.25},
        {"red_share": 0.05, "yellow_share": 0.1, "random_share": 0.5},
    ]
    responses = together(
        2, lambda i: client.put("/api/capacity/NL000001", json=bodies[i], headers=sups[i])
    )
    assert [r.status_code for r in responses] == [200, 200], [r.text for r in responses]
    assert sorted(r.json()["version"] for r in responses) == [1, 2]
    seen = client.get("/api/capacity/NL000001", headers=sups[0]).json()["version"]
    responses = together(
        2,
        lambda i: client.put(
            "/api/capacity/NL000001",
            json=bodies[i] | {"expected_version": seen},
            headers=sups[i],
        ),
    )
    assert sorted(r.status_code for r in responses) == [200, 409], [r.text for r in responses]
    loser = next(r for r in responses if r.status_code == 409).json()["error"]
    assert loser["code"] == "stale_capacity" and f"version {seen + 1}" in loser["message"]
    with open_store(url)() as session:
        log = sorted(entries(session, kind="capacity_change"), key=lambda e: e["seq"])
        assert verify(session).ok
    assert [e["payload"]["version"] for e in log] == [1, 2, 3]


# ----------------------------------------------------------------------------- race 7


@pytest.mark.parametrize(
    ("locked", "who"), [(True, "officer1"), (False, "officer1"), (True, "trader1")]
)
def test_two_batches_of_the_same_declarations_in_opposite_order_no_5xx(
    app_client: TestClient, monkeypatch: pytest.MonkeyPatch, locked: bool, who: str
) -> None:
    """Two requests send the same 20 new declarations at once, one list the other reversed
    (``{"declarations": [...]}``). On PostgreSQL each request is held halfway through its
    insert until the other is halfway too or waits on a lock: inserted in list order, each
    held references the other waited for, PostgreSQL failed one with "deadlock detected"
    and the request answered 500. Now the references are locked in sorted order before they
    are read: the second waits and finds them stored (200, all unchanged). Never a 5xx;
    each stored once. Without the locks (``locked`` False: the backstop) the deadlock that
    PostgreSQL breaks is answered as a lost race, 409, like a lost key. A trader's two
    requests hold the same sorted locks (the ownership check's)."""

    from clearlane import intake

    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    if not locked:
        monkeypatch.setattr(intake, "_locked_in_order", lambda session, references: None)
    # two requests of one user: two tabs, two clients; a trader's are locked by owned_by
    officer = bearer(client, who)
    records = [own(f"BATCH-{i:03d}") for i in range(20)]
    if url.startswith("postgresql"):
        store = open_store(url)

        insert_declarations_in_halves(monkeypatch, store)
    bodies = [{"declarations": records}, {"declarations": records[::-1]}]
    responses = together(
        2, lambda i: client.post("/api/declarations", json=bodies[i], headers=officer)
    )
    assert all(r.status_code < 500 for r in responses), [r.text[:300] for r in responses]
    with open_store(url)() as session:
        keys = session.execute(select(DeclarationRow.reference, DeclarationRow.version)).all()
        assert verify(session).ok
    assert sorted(keys) == [(f"BATCH-{i:03d}", 1) for i in range(20)]
    statuses = sorted(r.status_code for r in responses)
    if not locked and url.startswith("postgresql"):
        assert statuses == [201, 409], [r.text[:300] for r in responses]
        loser = next(r for r in responses if r.status_code == 409).json()["error"]
        assert "submitted concurrently" in loser["message"]
        return
    assert statuses == [200, 201], [r.text[:300] for r in responses]  # new; all unchanged
    counts = sorted((r.json()["stored"], r.json()["quarantined"]) for r in responses)
    assert counts == [(20, 0), (20, 0)]


def test_amendments_of_one_reference_racing_store_gapless_versions_no_5xx(
    app_client: TestClient,
) -> None:
    """Review c15 (a guard): four amendments of one declaration sent at once, with 1, 16 and
    17 goods items (session 30: up to 16 rows go to PostgreSQL as one INSERT, more by COPY):
    each answered 201 or 409, never a 5xx; the stored versions are 1..n with one per 201, and
    the audit chain verifies."""
    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    headers = bearer(client, "trader1")
    sizes = [1, 16, 17, 16]
    reference = "AMEND-RACE"
    first = client.post("/api/declarations", json=own(reference), headers=headers)
    assert first.status_code == 201, first.text
    bodies = [
        own(
            reference,
            items=[item(seq=k + 1, description=f"amendment {i} item {k}") for k in range(n)],
            procedure=f"40{i:02d}",
        )
        for i, n in enumerate(sizes)
    ]
    responses = together(
        len(bodies),
        lambda i: client.post("/api/declarations", json=bodies[i], headers=headers),
    )
    statuses = [r.status_code for r in responses]
    assert set(statuses) <= {201, 409}, [r.text[:300] for r in responses]
    with open_store(url)() as session:
        versions = (
            session.execute(
                select(DeclarationRow.version)
                .where(DeclarationRow.reference == reference)
                .order_by(DeclarationRow.version)
            )
            .scalars()
            .all()
        )
        assert verify(session).ok
    assert versions == list(range(1, 2 + statuses.count(201)))
