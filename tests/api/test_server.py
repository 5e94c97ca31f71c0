"""`clearlane serve`: worker processes, their sockets, start and stop."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from clearlane.api.server import listening_socket


def _nodelay_of_accepted_connection(listener: socket.socket) -> int:
    """TCP_NODELAY of a connection accepted by an asyncio server on ``listener``."""

    async def scenario() -> int:
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            sock = writer.get_extra_info("socket")
            seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(handle, sock=listener)
        async with server:
            _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
            value = await asyncio.wait_for(seen, timeout=10)
            writer.close()
            return value

    # In a thread of its own: another test's event loop may still be running in this one.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, scenario()).result(timeout=60)


def test_worker_sockets_switch_nagle_off() -> None:
    """asyncio sets TCP_NODELAY only on connections from an IPPROTO_TCP socket; uvicorn's
    shared multi-worker socket had no protocol number, and each response written in two parts
    waited ~40 ms for the client's delayed acknowledgement."""
    listener = listening_socket("127.0.0.1", 0, reuse_port=True)
    assert listener.proto == socket.IPPROTO_TCP
    assert _nodelay_of_accepted_connection(listener) == 1
    plain = socket.socket(socket.AF_INET)  # what uvicorn binds for several workers
    plain.bind(("127.0.0.1", 0))
    plain.listen()
    assert _nodelay_of_accepted_connection(plain) == 0  # the trap


def test_the_kernel_spreads_connections_over_the_workers_sockets() -> None:
    """Each worker listens on its own SO_REUSEPORT socket: new connections are spread over
    them, not all taken by whichever worker wakes first."""
    first = listening_socket("127.0.0.1", 0, reuse_port=True)
    port = first.getsockname()[1]
    second = listening_socket("127.0.0.1", port, reuse_port=True)
    clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(64)]
    accepted = []
    for listener in (first, second):
        listener.setblocking(False)
        n = 0
        while True:
            try:
                conn, _ = listener.accept()
            except BlockingIOError:
                break
            conn.close()
            n += 1
        accepted.append(n)
    for sock in (*clients, first, second):
        sock.close()
    assert sum(accepted) == 64 and min(accepted) >= 8, accepted


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_with_two_workers_answers_and_stops_them_on_sigterm(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "CLEARLANE_DATA_DIR": str(tmp_path / "var"),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"),
    }
    env.pop("CLEARLANE_DATABASE_URL", None)
    env.pop("CLEARLANE_SECRET_KEY", None)  # the workers must share one generated key
    server = subprocess.Popen(
        [sys.executable, "-m", "clearlane.cli", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.2)
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        assert len(children) >= 2  # the two workers (and multiprocessing's resource tracker)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as http:
            assert all(http.get("/api/health").status_code == 200 for _ in range(20))
        assert (tmp_path / "var" / "secret.key").exists()  # made once, before the workers
    finally:
        server.send_signal(signal.SIGTERM)
        code = server.wait(60)
    assert code == 0
    deadline = time.monotonic() + 15
    while any(_running(int(pid)) for pid in children):
        assert time.monotonic() < deadline, "a worker outlived the server"
        time.sleep(0.1)


def _running(pid: int) -> bool:
    """Alive and not a zombie (reaping an orphan is up to whoever is PID 1)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_serve_refuses_a_port_that_another_server_listens_on(tmp_path: Path) -> None:
    """Also when the other server's workers share the port with SO_REUSEPORT: joining them
    would silently split their traffic."""
    taken = listening_socket("127.0.0.1", 0, reuse_port=True)
    port = taken.getsockname()[1]
    env = {
        **os.environ,
        "CLEARLANE_DATA_DIR": str(tmp_path / "var"),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"),
    }
    env.pop("CLEARLANE_DATABASE_URL", None)
    try:
        for workers in ("1", "2"):
            result = subprocess.run(
                [
                    *(sys.executable, "-m", "clearlane.cli", "serve"),
                    *("--port", str(port), "--workers", workers),
                ],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert result.returncode == 2, (workers, result.stderr)
            assert f"cannot listen on 127.0.0.1:{port}" in result.stdout + result.stderr
    finally:
        taken.close()
