"""Review c10 of pool10: more racers than the thread pool's 40 tokens on a small store pool.

The sign-in check waits for a store connection in the thread pool. A request that has its
connection then needs a thread-pool token for its (sync) route; if every token is held by a
sign-in waiting for a connection, the request holding the connection cannot run, no connection
comes back, and every waiter times out: 503s for requests that each take milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

from clearlane.store.session import get_engine
from tests.api.conftest import app_with_settings, token_for
from tests.api.helpers import own
from tests.api.test_ui import ui_sign_in
from tests.concurrency import together

RACERS = 60  # more than anyio's 40 thread-pool tokens


@pytest.fixture
def small_pool(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The app on a pool of two connections, no overflow, a 3 s timeout."""
    with app_with_settings(
        migrated_url,
        monkeypatch,
        "reviewc10-",
        raise_server_exceptions=False,
        db_pool_size=2,
        db_pool_overflow=0,
        db_pool_timeout=3,
    ) as client:
        yield client


def test_more_racers_than_thread_tokens_on_a_small_pool_are_all_served(
    small_pool: TestClient,
) -> None:
    client = small_pool
    assert get_engine(client.store_url).pool.size() == 2  # type: ignore[attr-defined]
    trader = {"Authorization": f"Bearer {token_for(client, 'trader1')}"}
    made = client.post("/api/declarations", json=own("RC10-READ"), headers=trader)
    assert made.status_code == 201, made.text

    def read(i: int) -> httpx.Response:
        return client.get("/api/declarations/RC10-READ", headers=trader)

    statuses = sorted(a.status_code for a in together(RACERS, read))
    assert statuses == [200] * RACERS, statuses


def test_mixed_racers_pages_bearer_reads_and_posts_are_all_served(
    small_pool: TestClient,
) -> None:
    """Cookie-session pages, bearer reads and message posts at once."""
    client = small_pool
    trader = {"Authorization": f"Bearer {token_for(client, 'trader1')}"}
    made = client.post("/api/declarations", json=own("RC10-MIX"), headers=trader)
    assert made.status_code == 201, made.text
    ui_sign_in(client, "officer1")  # through the form: a cookie session
    cookies = dict(client.cookies)
    client.cookies.clear()

    def act(i: int) -> httpx.Response:
        kind = i % 3
        if kind == 0:
            return httpx.Client(
                transport=client._transport, base_url=str(client.base_url), cookies=cookies
            ).get("/")
        if kind == 1:
            return client.get("/api/declarations/RC10-MIX", headers=trader)
        return client.post(
            "/api/declarations/RC10-MIX/messages",
            json={"body": f"Racer {i}."},
            headers={**trader, "Idempotency-Key": f"rc10-{i}"},
        )

    answers = together(RACERS, act)
    bad = [(i, a.status_code) for i, a in enumerate(answers) if a.status_code >= 500]
    assert bad == [], bad
