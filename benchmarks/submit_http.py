"""CPU time of the HTTP/application layer of one API submission, without the submission's own
work: everything the server process does for ``POST /api/declarations`` outside the worker
thread's store, assess, route and audit (``views._submit_sync``), which is done once for real
and then replayed. The ASGI application is called directly on an event loop (no socket, no
uvicorn parsing, no test client), so what is measured is the middlewares, routing, sign-in
(token and the server-side session check), body parsing and the bounds, the hand-off to the
worker thread and the response built and sent.

Uses the store ``benchmarks/submit_cpu.py --prepare`` writes (copied, so runs of different code
start from the same state and can be interleaved for an A/B comparison):

    PYTHONPATH=src python benchmarks/submit_cpu.py --data /tmp/sub --prepare
    PYTHONPATH=src python benchmarks/submit_http.py --data /tmp/sub [--count 3000]
        [--py-spy out.txt]

Prints one JSON line: the process CPU per request (mean and median of ``--rounds`` rounds of
``--count`` requests each) and the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _request(token: str, body: bytes) -> dict[str, Any]:
    """The ASGI scope of one ``POST /api/declarations``, as uvicorn builds it."""
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 50000),
        "scheme": "http",
        "method": "POST",
        "root_path": "",
        "path": "/api/declarations",
        "raw_path": b"/api/declarations",
        "query_string": b"",
        "headers": [
            (b"host", b"127.0.0.1:8000"),
            (b"authorization", f"Bearer {token}".encode()),
            (b"content-type", b"application/json"),
            (b"accept", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
        "state": {},
    }


async def _call(app: Any, scope: dict[str, Any], body: bytes) -> tuple[int, bytes]:
    sent: list[dict[str, Any]] = []
    delivered = False

    async def receive() -> dict[str, Any]:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)  # a client that stays connected
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(dict(scope, headers=list(scope["headers"])), receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def run(data: Path, *, count: int, rounds: int, spy: str | None) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="clearlane-submit-http-"))
    try:
        shutil.copytree(data, work, dirs_exist_ok=True)
        url = f"sqlite:///{work / 'clearlane.db'}"
        os.environ["CLEARLANE_DATA_DIR"] = str(work)
        os.environ["CLEARLANE_DATABASE_URL"] = url
        os.environ["CLEARLANE_HS_WARM_UP"] = "false"
        os.environ["CLEARLANE_COMPILE_BOOSTERS"] = "false"
        from clearlane.api.app import create_app
        from clearlane.api.declarations import views
        from clearlane.config import get_settings

        get_settings.cache_clear()
        app = create_app(database_url=url)
        password = (work / "password").read_text()
        records = json.loads((work / "records.json").read_text())
        body = json.dumps(records[0], ensure_ascii=False, separators=(",", ":")).encode()
        sign_in = f"username=bench-officer&password={password}".encode()
        sign_in_scope = {
            **_request("", sign_in),
            "path": "/api/auth/token",
            "raw_path": b"/api/auth/token",
            "headers": [
                (b"content-type", b"application/x-www-form-urlencoded"),
                (b"content-length", str(len(sign_in)).encode()),
            ],
        }
        real = views._submit_sync
        replayed: list[Any] = []

        def replay(**kwargs: Any) -> Any:
            if not replayed:  # the first submission done for real, then its results replayed
                replayed.append(real(**kwargs))
            return replayed[0]

        views._submit_sync = replay  # type: ignore[assignment]

        async def measure() -> list[float]:
            status, answer = await _call(app, sign_in_scope, sign_in)
            if status != 200:
                raise RuntimeError(f"sign-in: {status}: {answer[:300]!r}")
            scope = _request(json.loads(answer)["access_token"], body)
            status, answer = await _call(app, scope, body)
            if status >= 300:
                raise RuntimeError(f"{status}: {answer[:300]!r}")
            for _ in range(200):  # warm
                await _call(app, scope, body)
            per: list[float] = []
            sampler = _py_spy(spy) if spy else None
            for _ in range(rounds):
                t0 = time.process_time()
                for _ in range(count):
                    await _call(app, scope, body)
                per.append((time.process_time() - t0) / count)
            if sampler is not None:
                sampler.send_signal(signal.SIGINT)
                sampler.wait(timeout=120)
            return per

        try:
            import uvloop

            per = uvloop.run(measure())
        except ImportError:
            per = asyncio.run(measure())
        return {
            "code": str(Path(views.__file__).parents[3]),
            "requests": count * rounds,
            "us_per_request_median": round(1e6 * statistics.median(per), 1),
            "us_per_request_min": round(1e6 * min(per), 1),
            "load": os.getloadavg()[0],
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _py_spy(out: str) -> Any:
    import subprocess

    exe = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    command = [exe, "record", "-r", "500", "-f", "raw", "-o", out, "--pid", str(os.getpid())]
    sampler = subprocess.Popen(command, stdout=subprocess.PIPE)
    assert sampler.stdout is not None
    sampler.stdout.readline()
    return sampler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--count", type=int, default=1000, help="requests a round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--py-spy", help="write py-spy's raw samples of the measured part here")
    args = parser.parse_args()
    print(json.dumps(run(args.data, count=args.count, rounds=args.rounds, spy=args.py_spy)))


if __name__ == "__main__":
    main()
