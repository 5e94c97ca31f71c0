"""Review c11 (session 25): pool11's sweep, sign-in places and clean-up thread, raced.

* ``clearlane documents sweep`` racing an upload whose file is written and whose row is not
  yet committed (before its file lock, and holding it): the file survives and reads back.
* sign-ins cancelled while waiting for a place, and while in their password check: no place
  leaks (N cancelled, then N + 1 sign-ins all get one, never more than N at once).
* a key given back by the clean-up thread after a 503: two racers retrying with it, one runs.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import anyio
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, func, select

from clearlane.api import cleanup, deps
from clearlane.api.documents import views as document_views
from clearlane.api.errors import ApiError
from clearlane.api.scoring import scoring_of
from clearlane.casework import sweep_unreferenced
from clearlane.config import get_settings
from clearlane.store.files import FileStore
from clearlane.store.session import get_engine, open_store
from clearlane.store.tables import DocumentRow
from tests.api.conftest import app_with_settings, token_for
from tests.api.helpers import own

DATA = b"review c11: an upload racing the sweep\n"
RETRIED = b"review c11: an upload retried by two racers after its 503\n"


@pytest.fixture
def uploads(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    with app_with_settings(
        migrated_url, monkeypatch, "reviewc11-sweep-", hs_warm_up=False
    ) as client:
        yield client


def _aged(path: Any, minutes: float) -> None:
    then = time.time() - minutes * 60
    os.utime(path, (then, then))


@pytest.mark.parametrize("when", ["before-its-lock", "holding-its-lock"])
def test_the_sweep_racing_an_upload_mid_write_leaves_its_file(
    uploads: TestClient, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    client = uploads
    trader = {"Authorization": f"Bearer {token_for(client, 'trader1')}"}
    reference = f"C11-SWEEP-{when[:6].upper()}"
    assert client.post("/api/declarations", json=own(reference), headers=trader).status_code == 201
    files = FileStore(get_settings().files_dir)
    path = files.path_of(hashlib.sha256(DATA).hexdigest())
    written, go = threading.Event(), threading.Event()

    if when == "before-its-lock":
        real_put = document_views.put_checked

        def put_then_pause(*args: Any, **kwargs: Any) -> str:
            sha256 = real_put(*args, **kwargs)
            _aged(path, 600)  # old enough for any --older-than
            written.set()
            assert go.wait(60)
            return sha256

        monkeypatch.setattr(document_views, "put_checked", put_then_pause)
    else:
        from clearlane.casework import documents as casework_documents

        real_append = casework_documents.append

        def append_then_pause(*args: Any, **kwargs: Any) -> Any:
            result = real_append(*args, **kwargs)  # the row flushed, the lock held
            _aged(path, 600)
            written.set()
            assert go.wait(60)
            return result

        monkeypatch.setattr(casework_documents, "append", append_then_pause)

    answers: list[Any] = []
    upload = threading.Thread(
        target=lambda: answers.append(
            client.post(
                f"/api/declarations/{reference}/documents",
                files={"file": ("race.txt", DATA, "text/plain")},
                headers=trader,
            )
        )
    )
    upload.start()
    assert written.wait(60)
    store = open_store(client.store_url)  # type: ignore[attr-defined]
    swept: list[Any] = []
    sweeper = threading.Thread(
        target=lambda: swept.append(sweep_unreferenced(store, files, older_than=timedelta(0)))
    )
    sweeper.start()
    if when == "holding-its-lock":
        sweeper.join(0.5)
        assert sweeper.is_alive()  # the sweep waits for the upload's lock
    else:
        sweeper.join(60)
        assert swept[0].files == [path.name]  # it removed the file the upload wrote
    go.set()
    upload.join(60)
    sweeper.join(60)
    if when == "holding-its-lock":
        assert swept[0].files == []  # the row committed first: named, kept
    assert answers and answers[0].status_code == 201, answers and answers[0].text
    assert path.is_file()
    read = client.get(f"/api/documents/{answers[0].json()['id']}", headers=trader)
    assert read.status_code == 200 and read.content == DATA


def _request(places: int, wait: float) -> Any:
    settings = SimpleNamespace(sign_in_concurrency=places, sign_in_wait_seconds=wait)
    return SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(settings=settings)))


@pytest.mark.parametrize("places", [1, 3])
def test_sign_ins_cancelled_waiting_or_checking_leak_no_place(places: int) -> None:
    request = _request(places, wait=30)
    inside = 0
    most = 0

    async def sign_in(hold: anyio.Event | None = None, check: float = 0.0) -> None:
        nonlocal inside, most
        slot = deps.sign_in_slot(request)  # type: ignore[arg-type]
        await slot.__anext__()
        try:
            inside += 1
            most = max(most, inside)
            if hold is not None:
                await hold.wait()
            if check:
                await anyio.to_thread.run_sync(time.sleep, check)  # the password check
        finally:
            inside -= 1
            await slot.aclose()

    async def main() -> None:
        release = anyio.Event()
        async with anyio.create_task_group() as holders:
            for _ in range(places):
                holders.start_soon(sign_in, release)
            await anyio.sleep(0.05)
            # N sign-ins waiting for a place, cancelled (their clients went away)
            async with anyio.create_task_group() as waiters:
                for _ in range(places):
                    waiters.start_soon(sign_in)
                await anyio.sleep(0.05)
                waiters.cancel_scope.cancel()
            release.set()
        # N sign-ins cancelled in their password check
        async with anyio.create_task_group() as checking:
            for _ in range(places):
                checking.start_soon(sign_in, None, 0.2)
            await anyio.sleep(0.05)
            checking.cancel_scope.cancel()
        # then N + 1 at once: every one gets a place (the last waits), never more than N in
        async with anyio.create_task_group() as after:
            for _ in range(places + 1):
                after.start_soon(sign_in, None, 0.05)
        assert deps._sign_in_slots(request).value == places  # type: ignore[arg-type]

    ThreadPoolExecutor(1).submit(
        anyio.run, main
    ).result()  # the places are kept per event loop: one loop for the whole test
    assert most == places


def test_a_sign_in_refused_after_its_wait_leaks_no_place() -> None:
    request = _request(1, wait=0.05)

    async def main() -> None:
        slot = deps.sign_in_slot(request)  # type: ignore[arg-type]
        await slot.__anext__()
        for _ in range(3):
            refused = deps.sign_in_slot(request)  # type: ignore[arg-type]
            with pytest.raises(ApiError):
                await refused.__anext__()
        await slot.aclose()
        again = deps.sign_in_slot(request)  # type: ignore[arg-type]
        await again.__anext__()
        await again.aclose()
        assert deps._sign_in_slots(request).value == 1  # type: ignore[arg-type]

    ThreadPoolExecutor(1).submit(anyio.run, main).result()


@pytest.fixture
def one_connection(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    with app_with_settings(
        migrated_url,
        monkeypatch,
        "reviewc11-once-",
        raise_server_exceptions=False,
        db_pool_size=1,
        db_pool_overflow=1,
        db_pool_timeout=1,
        hs_warm_up=False,
    ) as client:
        yield client


def test_a_key_given_back_after_a_503_runs_once_for_two_racing_retries(
    one_connection: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = one_connection
    trader = {"Authorization": f"Bearer {token_for(client, 'trader1')}"}
    assert client.post("/api/declarations", json=own("C11-ONCE"), headers=trader).status_code == 201
    assert scoring_of(client.app).wait_for_fallback(timeout=120)
    engine = get_engine(client.store_url)  # type: ignore[attr-defined]
    held: list[Connection] = []
    real_put = document_views.put_checked

    def put_then_take_the_connections(*args: Any, **kwargs: Any) -> str:
        sha256 = real_put(*args, **kwargs)
        held.append(engine.connect())  # both of the pool's connections, until the answer
        held.append(engine.connect())
        return sha256

    monkeypatch.setattr(document_views, "put_checked", put_then_take_the_connections)
    headers = {**trader, "Idempotency-Key": "c11-once"}

    def upload() -> Any:
        return client.post(
            "/api/declarations/C11-ONCE/documents",
            files={"file": ("note.txt", RETRIED, "text/plain")},
            headers=headers,
        )

    first = upload()
    # the request held the pool's first connection itself (the claim): its own wait timed out
    assert first.status_code == 503, first.text
    monkeypatch.setattr(document_views, "put_checked", real_put)
    for connection in held:
        connection.close()
    cleanup.drain()

    barrier = threading.Barrier(2)
    answers: list[Any] = [None, None]

    def racer(i: int) -> None:
        barrier.wait()
        for _ in range(20):  # 503: the pool busy for a moment (the other racer)
            answers[i] = upload()
            if answers[i].status_code != 503:
                return

    racers = [threading.Thread(target=racer, args=(i,)) for i in range(2)]
    for thread in racers:
        thread.start()
    for thread in racers:
        thread.join(120)
    statuses = sorted(answer.status_code for answer in answers)
    assert statuses in ([201, 201], [201, 409]), [a.text for a in answers]
    created = [a.json()["id"] for a in answers if a.status_code == 201]
    assert len(set(created)) == 1  # a replay names the same document
    with open_store(client.store_url)() as session:  # type: ignore[attr-defined]
        count = session.scalar(
            select(func.count()).select_from(DocumentRow).where(DocumentRow.reference == "C11-ONCE")
        )
    assert count == 1
