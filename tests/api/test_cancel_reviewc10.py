"""Review c10 of pool10: a request cancelled (its client gone) while its sign-in waits in the
thread pool for a store connection gives the connection back: once the connection that was
held comes back, the pool has none checked out, and the next request is served."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from clearlane.api.app import create_app
from clearlane.config import get_settings
from clearlane.store.session import get_engine
from tests.api.conftest import access_token, add_users


def test_a_request_cancelled_mid_sign_in_returns_its_connection(
    migrated_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLEARLANE_SECRET_KEY", "reviewc10-" + "c" * 40)
    monkeypatch.setenv("CLEARLANE_DB_POOL_SIZE", "1")
    monkeypatch.setenv("CLEARLANE_DB_POOL_OVERFLOW", "0")
    monkeypatch.setenv("CLEARLANE_DB_POOL_TIMEOUT", "3")
    get_settings.cache_clear()
    users = add_users(migrated_url)
    headers = {"Authorization": "Bearer " + access_token(migrated_url, users["trader"])}
    app = create_app(database_url=migrated_url)
    engine = get_engine(migrated_url)

    async def run() -> int:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            held = engine.connect()  # the pool's only connection
            task = asyncio.create_task(client.get("/api/declarations/NONE", headers=headers))
            await asyncio.sleep(0.5)  # its sign-in now waits for the connection
            task.cancel()
            await asyncio.sleep(0.2)
            held.close()
            with pytest.raises(asyncio.CancelledError):
                await task
            await asyncio.sleep(0.5)
            assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]
            again = await client.get("/api/declarations/NONE", headers=headers)
            return again.status_code

    # Its own loop in a new thread: the main thread may already run one (the e2e tests' session-wide
    # Playwright keeps its loop marked running there), and asyncio.run refuses to nest.
    try:
        with ThreadPoolExecutor(max_workers=1) as own_thread:
            assert own_thread.submit(asyncio.run, run()).result() == 404
    finally:
        get_settings.cache_clear()
