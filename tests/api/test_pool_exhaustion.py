"""More racers than the store's connection pool holds (session 24, pool10).

Review k9 saw 5 of 20 racers answer 500 after 30 s on SQLite and PostgreSQL: SQLAlchemy's
pool timeout in the sign-in step. The sign-in check ran on the event loop, so a checkout that
waited for a free connection blocked the loop, and the connections held by finished requests
go back to the pool only when the loop runs their teardown: the loop waited on its own pool
until the timeout. Here the pool timeout is short (``CLEARLANE_DB_POOL_TIMEOUT``) so that a
stall fails in seconds, not 30 s; racers must all be answered, none 5xx, with every write made.

A real overload (every connection held elsewhere for longer than the timeout) answers 503 with
``Retry-After`` and the error shape, never 500.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from clearlane.store.session import get_engine, open_store
from clearlane.store.tables import MessageRow
from tests.api.conftest import app_with_settings, token_for
from tests.api.helpers import own
from tests.api.test_ui import ui_sign_in
from tests.concurrency import together

RACERS = 24  # more than the pool's 5 + 10 connections
POOL_TIMEOUT = 5  # seconds; a stalled event loop fails the racers after this


@pytest.fixture
def app_client(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    with app_with_settings(
        migrated_url,
        monkeypatch,
        "pool10-",
        raise_server_exceptions=False,
        db_pool_timeout=POOL_TIMEOUT,
    ) as client:
        yield client


def messages(url: str, reference: str) -> int:
    with open_store(url)() as session:
        where = MessageRow.reference == reference
        return int(session.scalar(select(func.count()).select_from(MessageRow).where(where)) or 0)


def post(client: TestClient, reference: str, headers: dict[str, str], i: int) -> httpx.Response:
    return client.post(
        f"/api/declarations/{reference}/messages",
        json={"body": f"Racer {i}."},
        headers={**headers, "Idempotency-Key": f"pool-{reference}-{i}"},
    )


def test_more_racers_than_the_pool_holds_are_all_answered_and_all_written(
    app_client: TestClient,
) -> None:
    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    assert get_engine(url).pool.timeout() == POOL_TIMEOUT  # type: ignore[attr-defined]
    trader = {"Authorization": f"Bearer {token_for(client, 'trader1')}"}
    for round_ in range(2):
        reference = f"POOL-RACE-{round_}"
        made = client.post("/api/declarations", json=own(reference), headers=trader)
        assert made.status_code == 201, made.text
        answers = together(RACERS, lambda i, r=reference: post(client, r, trader, i))
        statuses = sorted(a.status_code for a in answers)
        assert statuses == [201] * RACERS, statuses
        assert messages(url, reference) == RACERS


# ------------------------------------------------------------------------- a real overload


@pytest.fixture
def tiny_pool(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The app on a pool of one connection, no overflow, a 0.5 s timeout."""
    with app_with_settings(
        migrated_url,
        monkeypatch,
        "pool10-tiny-",
        raise_server_exceptions=False,
        db_pool_size=1,
        db_pool_overflow=0,
        db_pool_timeout=0.5,
    ) as client:
        yield client


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/api/declarations/POOL-ANY", None),  # get_db + the sign-in check
        ("POST", "/api/declarations", own("POOL-HELD")),  # the submit route's own check
        ("GET", "/", None),  # a web page: its 503 page says so too
    ],
    ids=["read", "submit", "page"],
)
def test_every_connection_held_answers_503_with_retry_after_not_500(
    tiny_pool: TestClient, method: str, path: str, body: dict[str, object] | None
) -> None:
    client, url = tiny_pool, tiny_pool.store_url  # type: ignore[attr-defined]
    engine = get_engine(url)
    assert (engine.pool.size(), engine.pool.timeout()) == (1, 0.5)  # type: ignore[attr-defined]
    token = token_for(client, "trader1")
    headers = {"Authorization": f"Bearer {token}"}
    if path == "/":
        ui_sign_in(client, "officer1")  # through the form: a cookie session
        headers = {}
    with engine.connect():  # the pool's only connection, held by someone else
        answer = client.request(method, path, json=body, headers=headers)
    assert answer.status_code == 503, answer.text
    assert answer.headers["Retry-After"].isdigit()
    if path != "/":
        error = answer.json()["error"]
        assert (error["status"], error["code"]) == (503, "unavailable")
        assert "overloaded" in error["message"]
    # the connection back: the same request is served
    again = client.request(method, path, json=body, headers=headers)
    assert again.status_code < 500, again.text
