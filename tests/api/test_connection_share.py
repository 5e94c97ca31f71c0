"""The workers' shares of the open connections kept even (``server.ConnectionShare``): a
worker holding more than one connection more than the one with the fewest answers with
``Connection: close`` (uvicorn then closes the connection after the response, and the
client's next one lands where the kernel chooses again); otherwise nothing changes."""

from __future__ import annotations

import socket
import threading
import time
from types import SimpleNamespace
from typing import Any

import pytest
import uvicorn

from clearlane.api import server
from clearlane.api.server import NOT_SERVING, ConnectionShare, Supervisor, listening_socket


def _share(mine: int, others: list[int]) -> tuple[ConnectionShare, list[int]]:
    counts = [0, *others]
    share = ConnectionShare(counts, 0)
    share.attach([object()] * mine)
    return share, counts


def test_a_worker_with_more_than_one_connection_over_the_fewest_has_too_many() -> None:
    share, counts = _share(10, [6])
    assert share.too_many()
    assert counts[0] == 10  # published for the others
    assert not _share(9, [8])[0].too_many()
    assert not _share(8, [8])[0].too_many()
    assert not _share(3, [9])[0].too_many()
    assert _share(5, [9, 3])[0].too_many()  # three workers: against the fewest
    assert not ConnectionShare([0], 0).too_many()  # alone


async def _hello(scope: dict[str, Any], receive: Any, send: Any) -> None:
    assert scope["type"] == "http"
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"5")]}
    )
    await send({"type": "http.response.body", "body": b"hello"})


def _exchange(sock: socket.socket) -> bytes:
    sock.sendall(b"GET / HTTP/1.1\r\nHost: test\r\n\r\n")
    data = b""
    while not data.endswith(b"hello"):
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def _closed_by_server(sock: socket.socket) -> bool:
    sock.settimeout(5)
    try:
        return sock.recv(1) == b""
    except TimeoutError:
        return False


def test_uvicorn_closes_a_connection_of_a_worker_with_too_many_after_its_response() -> None:
    counts = [0, 0]
    share = ConnectionShare(counts, 0)
    listener = listening_socket("127.0.0.1", 0)
    port = listener.getsockname()[1]
    config = uvicorn.Config(share.wrap(_hello), log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    share.attach(server.server_state.connections)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.01)
        with socket.create_connection(("127.0.0.1", port)) as kept:
            counts[1] = 1  # the other worker: one connection, this one one: even
            answer = _exchange(kept)
            assert answer.startswith(b"HTTP/1.1 200") and b"connection: close" not in answer
            assert b"hello" in _exchange(kept)  # still open
            with (
                socket.create_connection(("127.0.0.1", port)) as second,
                socket.create_connection(("127.0.0.1", port)) as third,
            ):
                counts[1] = 0  # now three here against none there
                answer = _exchange(second)
                assert b"connection: close" in answer.lower() and answer.endswith(b"hello")
                assert _closed_by_server(second)
                counts[1] = 5  # the other has more: this one keeps its connections
                assert b"connection: close" not in _exchange(third).lower()
                assert b"hello" in _exchange(third)
            assert counts[0] >= 1
    finally:
        server.should_exit = True
        thread.join(10)


class _Unstarted:
    def start(self) -> None:
        pass


class _NoProcesses:
    def Process(self, **_kwargs: Any) -> _Unstarted:  # noqa: N802 (multiprocessing's name)
        return _Unstarted()


def test_a_worker_being_restarted_is_not_the_one_with_the_fewest() -> None:
    """While a restarted worker loads (its socket not yet answering), the others must not
    read it as holding none: they would close every connection after every response, and
    the clients' next connections would land on them again."""
    supervisor = Supervisor(host="127.0.0.1", port=0, workers=2)
    supervisor.context = _NoProcesses()  # type: ignore[assignment]
    supervisor._start(1)
    share = ConnectionShare(supervisor.counts, 0)
    share.attach([object()] * 5)
    assert not share.too_many()
    share.attach([object()] * 0)
    supervisor.counts[0] = 0
    restarted = ConnectionShare(supervisor.counts, 1)  # loaded now: serving, counted
    restarted.publish()
    share.attach([object()] * 5)
    assert share.too_many()


def test_a_worker_loads_its_application_before_it_listens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The kernel places connections on a worker's socket from the moment it listens; were
    the application (imports, create_app: seconds under load) loaded after, those
    connections would wait in the backlog meanwhile, and a restarted worker would stall its
    share of the clients. Its count is published once it listens."""
    events: list[str] = []
    counts = [NOT_SERVING, 0]

    class Config:
        loaded = False

        def load(self) -> None:
            events.append("load")
            self.loaded = True

    class Server:
        def __init__(self, config: Config) -> None:
            self.server_state = SimpleNamespace(connections=set())

        def run(self, sockets: list[object]) -> None:
            events.append(f"run, published {counts[0]}")

    def listening(*_args: Any, **_kwargs: Any) -> object:
        events.append(f"listen, published {counts[0]}")
        return object()

    monkeypatch.setattr(server, "server_config", lambda **_kwargs: Config())
    monkeypatch.setattr(server, "listening_socket", listening)
    monkeypatch.setattr(server.uvicorn, "Server", Server)
    server._worker("127.0.0.1", 0, counts, 0)
    assert events == ["load", "listen, published -1", "run, published 0"]
    events.clear()
    server._worker("127.0.0.1", 0)  # one worker: no share
    assert events == ["load", "listen, published 0", "run, published 0"]
