"""Session 25 (pool11): a request that timed out waiting for a store connection answers 503
after that one wait. Its clean-up (giving its Idempotency-Key back, removing the file an
upload wrote) runs after the answer, in a thread of its own: until now each step waited for
the pool again in the request, so one 503 took up to three pool timeouts.

Timing-free: the pool's waits that ended in a timeout are counted, by thread."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection
from sqlalchemy.exc import TimeoutError as PoolTimeout

from clearlane.api import cleanup
from clearlane.api.documents import views as document_views
from clearlane.api.scoring import scoring_of
from clearlane.config import get_settings
from clearlane.store.files import FileStore
from clearlane.store.session import get_engine
from tests.api.conftest import app_with_settings, token_for
from tests.api.helpers import own

DATA = b"pool11: a document whose attach finds no free connection\n"


@pytest.fixture
def one_connection(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The app on a pool of one connection, no overflow, a 1 s timeout."""
    with app_with_settings(
        migrated_url,
        monkeypatch,
        "pool11-once-",
        raise_server_exceptions=False,
        db_pool_size=1,
        db_pool_overflow=0,
        db_pool_timeout=1,
        hs_warm_up=False,
    ) as client:
        yield client


def count_timeouts(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the threads whose wait for a connection of the app's pool timed out."""
    pool = get_engine(client.store_url).pool  # type: ignore[attr-defined]
    timed_out: list[str] = []
    real: Callable[[], Any] = pool._do_get

    def counted() -> Any:
        try:
            return real()
        except PoolTimeout:
            timed_out.append(threading.current_thread().name)
            raise

    monkeypatch.setattr(pool, "_do_get", counted)
    return timed_out


def retried(call: Callable[[], Any]) -> Any:
    """``call()`` again while it answers 503: the app's own background work (the fallback
    champion's assessments, an HS ranking) may hold the one connection for a moment."""
    for _ in range(5):
        answer = call()
        if answer.status_code != 503:
            return answer
    return answer


def test_an_upload_that_times_out_waits_for_the_pool_once(
    one_connection: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = one_connection
    trader = {"Authorization": f"Bearer {token_for(client, 'trader1')}"}
    assert client.post("/api/declarations", json=own("P11-ONCE"), headers=trader).status_code == 201
    assert scoring_of(client.app).wait_for_fallback(timeout=120)  # its connections back
    engine = get_engine(client.store_url)  # type: ignore[attr-defined]
    held: list[Connection] = []
    real_put = document_views.put_checked

    def put_then_take_the_connection(*args: Any, **kwargs: Any) -> str:
        sha256 = real_put(*args, **kwargs)
        held.append(engine.connect())  # the pool's only connection, until the answer
        return sha256

    monkeypatch.setattr(document_views, "put_checked", put_then_take_the_connection)
    timed_out = count_timeouts(client, monkeypatch)

    def upload() -> Any:
        return client.post(
            "/api/declarations/P11-ONCE/documents",
            files={"file": ("note.txt", DATA, "text/plain")},
            headers={**trader, "Idempotency-Key": "p11-once"},
        )

    answer = upload()
    assert answer.status_code == 503, answer.text
    assert answer.headers["Retry-After"] == "2"
    in_requests = [name for name in timed_out if not name.startswith(cleanup.THREAD_NAME)]
    assert in_requests == [timed_out[0]], timed_out  # one wait in the request, not three

    # the clean-up runs once a connection is free: the key is given back, the file removed
    held.pop().close()
    cleanup.drain()
    path = FileStore(get_settings().files_dir).path_of(hashlib.sha256(DATA).hexdigest())
    assert not path.exists()
    monkeypatch.setattr(document_views, "put_checked", real_put)
    again = retried(upload)  # the same key runs anew: not 409 (claimed), not a replay
    assert again.status_code == 201, again.text
    assert path.is_file()


def test_a_message_that_times_out_waits_for_the_pool_once(
    one_connection: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = one_connection
    trader = {"Authorization": f"Bearer {token_for(client, 'trader1')}"}
    assert client.post("/api/declarations", json=own("P11-MSG"), headers=trader).status_code == 201
    assert scoring_of(client.app).wait_for_fallback(timeout=120)  # its connections back
    engine = get_engine(client.store_url)  # type: ignore[attr-defined]
    from clearlane.api.messages import views as message_views

    held: list[Connection] = []
    took: list[bool] = []
    real_post = message_views.post_message

    def take_the_connection_then_post(session: Any, *args: Any, **kwargs: Any) -> Any:
        if not took:  # the first time only
            took.append(True)
            held.append(engine.connect())
        return real_post(session, *args, **kwargs)

    monkeypatch.setattr(message_views, "post_message", take_the_connection_then_post)
    timed_out = count_timeouts(client, monkeypatch)

    def send() -> Any:
        return client.post(
            "/api/declarations/P11-MSG/messages",
            json={"body": "Waiting for a connection."},
            headers={**trader, "Idempotency-Key": "p11-msg"},
        )

    answer = send()
    assert answer.status_code == 503, answer.text
    in_requests = [name for name in timed_out if not name.startswith(cleanup.THREAD_NAME)]
    assert len(in_requests) == 1, timed_out
    held.pop().close()
    cleanup.drain()
    again = retried(send)
    assert again.status_code == 201, again.text
