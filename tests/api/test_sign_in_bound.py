"""Session 25 (pool11): sign-ins (the API's POST /api/auth/token, the form's POST /login) run
on a bound of their own (``CLEARLANE_SIGN_IN_CONCURRENCY``); over it they answer 503 with
``Retry-After`` at once.

Until now they ran on the thread pool's 40 tokens shared with every sync route: a password
check is argon2, CPU heavy, and a burst of sign-ins held every token, so no other request
could run until they were done. Here the password check is held at a gate (as a slow hash
would hold it) while a signed-in read is made: it must be answered while the sign-ins wait."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from clearlane.api.auth import views as auth_views
from tests.api.conftest import PASSWORD, access_token, app_with_settings
from tests.api.test_ui import login_form

BOUND = 3
RACERS = 45  # more than anyio's 40 thread-pool tokens
SHARED_TOKENS = 40


@pytest.fixture
def bounded(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    with app_with_settings(
        migrated_url,
        monkeypatch,
        "pool11-sign-in-",
        raise_server_exceptions=False,
        sign_in_concurrency=BOUND,
        sign_in_wait_seconds=0,
        hs_warm_up=False,
    ) as client:
        yield client


@pytest.fixture
def waiting(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    with app_with_settings(
        migrated_url,
        monkeypatch,
        "pool11-sign-in-wait-",
        raise_server_exceptions=False,
        sign_in_concurrency=BOUND,
        sign_in_wait_seconds=60,
        hs_warm_up=False,
    ) as client:
        yield client


class Gate:
    """``authenticate`` held until opened: counts the sign-ins inside, and the most at once."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.open = threading.Event()
        self.lock = threading.Lock()
        self.inside = 0
        self.most = 0
        real = auth_views.authenticate

        def held(*args: Any, **kwargs: Any) -> Any:
            with self.lock:
                self.inside += 1
                self.most = max(self.most, self.inside)
            try:
                self.open.wait(120)
                return real(*args, **kwargs)
            finally:
                with self.lock:
                    self.inside -= 1

        monkeypatch.setattr(auth_views, "authenticate", held)


def test_a_burst_of_sign_ins_leaves_other_requests_served(
    bounded: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = bounded
    reader = {"Authorization": f"Bearer {access_token(client.store_url, 'officer1')}"}  # type: ignore[attr-defined]
    gate = Gate(monkeypatch)
    answers: list[httpx.Response] = []

    def sign_in(i: int) -> httpx.Response:
        answer = client.post("/api/auth/token", data={"username": "trader1", "password": PASSWORD})
        answers.append(answer)
        return answer

    with ThreadPoolExecutor(RACERS + 1) as pool:
        try:
            racers = [pool.submit(sign_in, i) for i in range(RACERS)]
            # every racer is in the password check or answered (before: 40 in it, on every
            # token of the thread pool)
            deadline = time.monotonic() + 60
            while gate.inside + len(answers) < min(RACERS, SHARED_TOKENS):
                assert time.monotonic() < deadline, (gate.inside, len(answers))
                time.sleep(0.01)
            probe = pool.submit(client.get, "/api/auth/me", headers=reader)
            me = probe.result(timeout=30)  # before: no token for it until the sign-ins end
            assert me.status_code == 200, me.text
        finally:
            gate.open.set()
        statuses = [racer.result().status_code for racer in racers]
    assert gate.most <= BOUND
    assert set(statuses) <= {200, 503}, statuses
    assert statuses.count(200) >= BOUND, statuses
    for answer in answers:
        if answer.status_code == 503:
            assert answer.headers["Retry-After"] == "1"
            assert answer.json()["error"]["code"] == "unavailable"


def test_the_sign_in_form_over_the_bound_answers_503_at_once(
    bounded: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = bounded
    form = login_form(client, username="officer1", password=PASSWORD)
    gate = Gate(monkeypatch)
    with ThreadPoolExecutor(BOUND) as pool:
        try:
            racers = [
                pool.submit(
                    client.post,
                    "/api/auth/token",
                    data={"username": "trader1", "password": PASSWORD},
                )
                for _ in range(BOUND)
            ]
            deadline = time.monotonic() + 60
            while gate.inside < BOUND:
                assert time.monotonic() < deadline, gate.inside
                time.sleep(0.01)
            page = client.post("/login", data=form, follow_redirects=False)
            assert page.status_code == 503, page.text[:300]
            assert page.headers["Retry-After"] == "1"
            assert "text/html" in page.headers["content-type"]
        finally:
            gate.open.set()
        assert [racer.result().status_code for racer in racers] == [200] * BOUND
    # with the bound free again, the same form signs in
    signed_in = client.post(
        "/login",
        data=login_form(client, username="officer1", password=PASSWORD),
        follow_redirects=False,
    )
    assert signed_in.status_code == 303, signed_in.text[:300]


def test_a_sign_in_over_the_bound_waits_for_a_place_and_is_served(
    waiting: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shift's officers signing in together are not turned away: over the bound, a sign-in
    waits (on the event loop, no thread held) until a place frees, within
    ``sign_in_wait_seconds``; the places stay at the bound meanwhile."""
    client = waiting
    gate = Gate(monkeypatch)
    extra = 2
    with ThreadPoolExecutor(BOUND + extra) as pool:
        try:
            racers = [
                pool.submit(
                    client.post,
                    "/api/auth/token",
                    data={"username": "trader1", "password": PASSWORD},
                )
                for _ in range(BOUND + extra)
            ]
            deadline = time.monotonic() + 60
            while gate.inside < BOUND:
                assert time.monotonic() < deadline, gate.inside
                time.sleep(0.01)
            time.sleep(0.3)  # the extra ones wait now (refused, they would be done)
            assert not any(racer.done() for racer in racers)
            assert gate.inside == BOUND
        finally:
            gate.open.set()
        statuses = [racer.result(timeout=60).status_code for racer in racers]
    assert statuses == [200] * (BOUND + extra), statuses
    assert gate.most <= BOUND
