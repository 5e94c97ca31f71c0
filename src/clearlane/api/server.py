"""Running the application under uvicorn, with one or several worker processes.

Several workers each listen on a socket of their own, bound to the same address with
SO_REUSEPORT, so the kernel spreads new connections over them. uvicorn's own multi-worker mode
shares one listening socket, and there the worker that wakes first accepts every connection
waiting (asyncio accepts up to the backlog per wake-up): with keep-alive clients one worker got
nearly all of them and the others idled. Its shared socket also lacks the TCP protocol number,
so asyncio left Nagle's algorithm on (no TCP_NODELAY) and each response waited about 40 ms for
the client's delayed acknowledgement.

The supervisor here is small: it starts the workers, restarts one that dies (after a pause, so
a worker that cannot start does not spin), and stops them all on SIGINT or SIGTERM.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Sized
from multiprocessing.process import BaseProcess
from types import FrameType
from typing import Any

import uvicorn
from starlette.types import ASGIApp, Message, Receive, Scope, Send

APP = "clearlane.api.app:create_app"
RESTART_PAUSE = 1.0  # seconds before a dead worker is started again
NOT_SERVING = -1  # a worker's connection count while it is not serving (ConnectionShare)

log = logging.getLogger("clearlane.api.server")


def server_config(
    *, host: str, port: int, app: str | Callable[[], ASGIApp] = APP
) -> uvicorn.Config:
    """uvicorn's settings: uvloop and httptools when installed (dependencies of ClearLane,
    chosen by uvicorn's "auto"), no access log (it is not shown at the "warning" level anyway,
    but each request still paid for building its entry). ``app``: the application factory."""
    return uvicorn.Config(
        app,
        factory=True,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        loop="auto",
        http="auto",
    )


def listening_socket(host: str, port: int, *, reuse_port: bool = False) -> socket.socket:
    """A TCP socket bound to (host, port) and listening, labelled IPPROTO_TCP so that asyncio
    switches Nagle off on its connections; with ``reuse_port`` several may share the port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(2048)
    return sock


def _worker(host: str, port: int, counts: Any = None, index: int = 0) -> None:
    """One worker process: its own SO_REUSEPORT socket, one uvicorn server; with ``counts``,
    its connections kept to an even share (:class:`ConnectionShare`).

    The application is loaded before the socket listens: the kernel places connections on
    it from then on, and they would wait in its backlog while the application is imported
    and created (seconds under load, each time a worker is restarted)."""
    if counts is None:
        config = server_config(host=host, port=port)
        config.load()
        sock = listening_socket(host, port, reuse_port=True)
        uvicorn.Server(config).run(sockets=[sock])
        return
    share = ConnectionShare(counts, index)

    def app() -> ASGIApp:
        from clearlane.api.app import create_app

        return share.wrap(create_app())

    config = server_config(host=host, port=port, app=app)
    config.load()
    server = uvicorn.Server(config)
    share.attach(server.server_state.connections)
    sock = listening_socket(host, port, reuse_port=True)
    share.publish()  # listening from here: counted among the workers
    server.run(sockets=[sock])


class ConnectionShare:
    """Keeps the worker processes' shares of the open connections even.

    The kernel hands each new connection to one worker's socket by a hash of its addresses
    (SO_REUSEPORT), and a keep-alive connection stays with that worker: a few long-lived
    clients can split 10 / 6 over two workers, and since each worker gets the same share of
    the CPU, the one with 10 answers each of them later (by about 10 / 6) for as long as the
    connections last (docs/performance.md, session 21, tail). Each worker publishes its count
    of open connections in ``counts`` (shared memory, one slot a worker); a worker holding
    more than one connection more than the one with the fewest answers with
    ``Connection: close``, and the client's next connection lands on a socket the kernel
    chooses again, until the counts differ by at most one. A connection is only closed after
    a complete response, as HTTP/1.1 allows at any time; clients open another.

    A slot holding :data:`NOT_SERVING` (a worker dead, or started and not yet serving) is
    left out: were it read as none, every other worker would close each connection after
    each response while the restarted one loads, and the clients' new connections, with no
    other socket listening, would all land on them again."""

    def __init__(self, counts: Any, index: int) -> None:
        self.counts, self.index = counts, index
        self.connections: Sized = ()

    def attach(self, connections: Sized) -> None:
        """Count ``connections`` (uvicorn's set of this worker's open connections)."""
        self.connections = connections

    def publish(self) -> int:
        """Publish this worker's count of open connections, and return it."""
        mine = len(self.connections)
        self.counts[self.index] = mine
        return mine

    def too_many(self) -> bool:
        """Whether this worker holds too many connections (its count published first)."""
        mine = self.publish()
        others = [c for i, c in enumerate(self.counts[:]) if i != self.index and c != NOT_SERVING]
        return bool(others) and mine > min(others) + 1

    def wrap(self, app: ASGIApp) -> ASGIApp:
        """``app`` answering with ``Connection: close`` while this worker has too many."""

        async def shared(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return

            async def sending(message: Message) -> None:
                if message["type"] == "http.response.start" and self.too_many():
                    headers = [*message.get("headers", ()), (b"connection", b"close")]
                    message = {**message, "headers": headers}
                await send(message)

            await app(scope, receive, sending)

        return shared


def run_server(*, host: str, port: int, workers: int = 1) -> None:
    """Serve until interrupted; OSError when the address is taken."""
    # Bound without SO_REUSEPORT first: that fails if any other server listens there, even
    # one whose workers share the port, rather than silently joining it and splitting its
    # traffic. With several workers it fails here, in the parent, not in every worker.
    sock = listening_socket(host, port)
    if workers == 1:
        uvicorn.Server(server_config(host=host, port=port)).run(sockets=[sock])
        return
    sock.close()
    Supervisor(host=host, port=port, workers=workers).run()


class Supervisor:
    """Keeps ``workers`` worker processes serving (host, port) until told to stop."""

    def __init__(self, *, host: str, port: int, workers: int) -> None:
        self.host, self.port, self.workers = host, port, workers
        self.context = multiprocessing.get_context("spawn")
        self.processes: list[BaseProcess] = []
        self.stopping = threading.Event()
        # each worker's count of open connections (ConnectionShare), in shared memory
        self.counts = self.context.RawArray("i", workers)

    def _start(self, index: int) -> BaseProcess:
        self.counts[index] = NOT_SERVING  # until it listens
        process = self.context.Process(
            target=_worker,
            args=(self.host, self.port, self.counts, index),
            name="clearlane-worker",
        )
        process.start()
        return process

    def _stop(self, signum: int, _frame: FrameType | None) -> None:
        self.stopping.set()

    def run(self) -> None:
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            self.processes = [self._start(i) for i in range(self.workers)]
            while not self.stopping.wait(0.5):
                for i, process in enumerate(self.processes):
                    if not process.is_alive() and not self.stopping.is_set():
                        self.counts[i] = NOT_SERVING  # its connections died with it
                        log.warning(
                            "worker %s exited with code %s: starting another",
                            process.pid,
                            process.exitcode,
                        )
                        time.sleep(RESTART_PAUSE)
                        self.processes[i] = self._start(i)
        finally:
            for process in self.processes:
                if process.is_alive():
                    process.terminate()  # uvicorn finishes the requests in flight
            deadline = time.monotonic() + 30
            for process in self.processes:
                process.join(max(deadline - time.monotonic(), 0.1))
                if process.is_alive():
                    process.kill()
                    process.join()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if any(p.exitcode not in (0, -signal.SIGTERM) for p in self.processes):
            sys.stderr.write("clearlane: a server worker did not stop cleanly\n")
