"""API throughput: declaration submissions per second, each with its assessment and lane, and
p50 / p99 latency, with N concurrent clients on loopback, on SQLite and on PostgreSQL.

For each store: generate ``--history`` declarations, ingest them with their control results,
train and register an engine, add an officer and a trader, build the HS index's cache (as a
server started before has it), start `clearlane serve` in a subprocess, send 50 warm-up
requests, wait until the server's start-up threads are done (its CPU idle), then let
``--clients`` concurrent clients submit the declarations of a later, unseen period (one
declaration per request) for ``--seconds``. Prints a Markdown table. Run:

    PYTHONPATH=src python benchmarks/api.py [--clients 1,16] [--seconds 30] [--workers 1,2]
        [--stores sqlite,postgres] [--rate 100,150] [--arrivals fixed|poisson]
        [--connections 64]
        [--server-python PY --server-src SRC]

The load generator is a separate process (its own CPU time is reported per request beside the
server's) sending pre-serialised requests over keep-alive connections with asyncio streams:
closed loop, ``--clients`` connections each sending its next request when the previous one
answered; open loop (``--rate``), requests sent at scheduled times whatever the answers (every
``1 / rate`` s, or a seeded Poisson process with ``--arrivals poisson``),
each one's latency counted from its scheduled time, so a slow answer cannot hold back the
requests behind it and hide their wait (no coordinated omission). ``--server-python`` and
``--server-src`` run the server on other code (another worktree's) for an interleaved A/B.

PostgreSQL: a fresh database is created on CLEARLANE_TEST_POSTGRES_URL's server (default
127.0.0.1:5432, as `make test` uses) and dropped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
PG = os.environ.get(
    "CLEARLANE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres:postgres@127.0.0.1:5432/test"
)
PASSWORD = "benchmark-password"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prepare(
    url: str,
    data_dir: Path,
    history: int,
    seed: int,
    future_count: int = 4000,
    train_facts: bool = False,
) -> list[dict[str, Any]]:
    """Fill the store, train an engine; returns the declarations to submit (a later period).

    ``train_facts``: train as ``clearlane train`` does by default (the setting
    ``train_facts``): the training rows' facts gathered first, which computes and stores the
    HS check of every goods item of the history, and an engine with fact inputs. Without it
    (the default here, as in every earlier measurement) the store is that of ``clearlane
    train --no-facts``: no stored HS check, so every description and code pair a submission
    brings is checked anew even when the history had it."""
    os.environ["CLEARLANE_DATA_DIR"] = str(data_dir)
    os.environ["CLEARLANE_DATABASE_URL"] = url
    from clearlane.config import get_settings

    get_settings.cache_clear()
    from clearlane.api.auth.service import create_user
    from clearlane.generate import generate_dataset
    from clearlane.ingest.pipeline import ingest_file
    from clearlane.store.frames import load_items_frame
    from clearlane.store.session import open_store
    from clearlane.workflows import default_registry, train_and_register

    store = open_store(url)
    past = data_dir / "past"
    generate_dataset(declarations=history, seed=seed, out_dir=past)
    ingest_file(past / "declarations.jsonl", session_factory=store)
    ingest_file(past / "controls.jsonl", kind="controls", session_factory=store)
    frame = load_items_frame(session_factory=store)
    if train_facts:
        from clearlane.features.facts import batch_facts

        frame, _stats = batch_facts(frame, store, as_assessed=True)
    outcome = train_and_register(frame, registry=default_registry(data_dir), created_by="benchmark")
    if outcome.compiling is not None:  # the servers measured then start on compiled boosters
        outcome.compiling.wait()
    with store() as session, session.begin():
        create_user(session, username="bench-officer", password=PASSWORD, role="officer")
    future = data_dir / "future"
    generate_dataset(declarations=future_count, seed=seed + 1, out_dir=future)
    records = [json.loads(line) for line in (future / "declarations.jsonl").open()]
    # New references, dated the day after the history, as live submissions are: the engine
    # then reads the history's final state from its in-memory snapshots, not as-of joins.
    next_day = (frame["declaration_date"].max() + pd.Timedelta(days=1)).date().isoformat()
    for record in records:
        record["reference"] = f"B{uuid.uuid4().hex[:14].upper()}"
        record["declaration_date"] = next_day
    return records


def _request(host: str, token: str, record: dict[str, Any]) -> bytes:
    """One whole ``POST /api/declarations`` request, serialised once before the run (the body
    as httpx's ``json=`` would send it), so that the clients only write bytes."""
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    data = body.encode("utf-8")
    head = (
        f"POST /api/declarations HTTP/1.1\r\nHost: {host}\r\n"
        f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
        f"Accept: application/json\r\nContent-Length: {len(data)}\r\n\r\n"
    )
    return head.encode("latin-1") + data


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> tuple[int, bytes]:
    """Send one request on a keep-alive connection; (status, body) of its response."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length = None
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    if length is None:
        raise RuntimeError(f"a response without Content-Length: {head[:200]!r}")
    return status, await reader.readexactly(length)


class _Connection:
    """A keep-alive connection that opens again when the server has closed it (uvicorn closes
    one idle for 5 s, as an open loop's spare connections are): a request found the closed
    connection before the server read it, so it is sent again on a new one."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def exchange(self, request: bytes) -> tuple[int, bytes]:
        for attempt in range(2):
            if self.streams is None:
                self.streams = await asyncio.open_connection("127.0.0.1", self.port)
            try:
                return await _exchange(*self.streams, request)
            except (asyncio.IncompleteReadError, ConnectionError):
                self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


class _Tally:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.errors = 0

    def record(self, started: float, status: int, body: bytes) -> None:
        self.latencies.append(time.perf_counter() - started)
        if status >= 300:
            self.errors += 1
            if self.errors <= 3:
                print(f"  error {status}: {body[:300]!r}", flush=True)


async def _closed_loop(
    port: int, requests: list[bytes], clients: int, seconds: float
) -> tuple[_Tally, float]:
    """``clients`` connections, each sending its next request when the previous answered."""
    tally = _Tally()
    pending = iter(requests)
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        connection = _Connection(port)
        try:
            for request in pending:
                t0 = time.perf_counter()
                tally.record(t0, *await connection.exchange(request))
                if time.perf_counter() >= deadline:
                    break
        finally:
            connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return tally, time.perf_counter() - started


def _arrivals(rate: float, seconds: float, kind: str, seed: int) -> np.ndarray:
    """Send times in seconds from the start: every ``1 / rate`` s (``fixed``), or a Poisson
    process of that rate (``poisson``: exponential gaps, seeded, so A and B runs get the same
    schedule), up to ``seconds``."""
    count = int(rate * seconds)
    if kind == "fixed":
        return np.arange(count) / rate
    gaps = np.random.default_rng(seed).exponential(1.0 / rate, size=count)
    times = np.concatenate(([0.0], np.cumsum(gaps)[:-1]))
    return times[times < seconds]


async def _open_loop(
    port: int, requests: list[bytes], times: np.ndarray, connections: int
) -> tuple[_Tally, float]:
    """Requests sent at scheduled arrival times (``times``, whatever the answers), over up to
    ``connections`` keep-alive connections; a request that finds them all busy waits for one,
    and its latency counts from its scheduled time (no coordinated omission)."""
    tally = _Tally()
    count = min(len(requests), len(times))
    queue: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue()
    started = time.perf_counter()

    async def schedule() -> None:
        for i in range(count):
            due = started + float(times[i])
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            queue.put_nowait((due, requests[i]))
        for _ in range(connections):
            queue.put_nowait(None)

    async def connection() -> None:
        held = _Connection(port)
        try:
            while (item := await queue.get()) is not None:
                due, request = item
                tally.record(due, *await held.exchange(request))
        finally:
            held.close()

    await asyncio.gather(schedule(), *(connection() for _ in range(connections)))
    return tally, time.perf_counter() - started


def _client_process(
    pipe: Any, port: int, requests: list[bytes], mode: str, value: float, seconds: float,
    connections: int, arrivals: str, seed: int,
) -> None:  # fmt: skip
    """The load generator, in a process of its own: it reports its own CPU time."""
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    cpu0 = time.process_time()
    if mode == "closed":
        run = _closed_loop(port, requests, int(value), seconds)
    else:
        times = _arrivals(value, seconds, arrivals, seed)
        run = _open_loop(port, requests, times, connections)
    tally, elapsed = asyncio.run(run)
    pipe.send((tally.latencies, tally.errors, elapsed, time.process_time() - cpu0))
    pipe.close()


def _load(
    port: int, requests: list[bytes], *, mode: str, value: float, seconds: float,
    connections: int = 64, arrivals: str = "fixed", seed: int = 0,
) -> tuple[list[float], int, float, float]:  # fmt: skip
    """Run the load generator in a separate process: (latencies, errors, elapsed seconds,
    the client's CPU seconds)."""
    context = multiprocessing.get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(
        target=_client_process,
        args=(sending, port, requests, mode, value, seconds, connections, arrivals, seed),
    )
    process.start()
    sending.close()
    result: tuple[list[float], int, float, float] = receiving.recv()
    process.join()
    return result


def _server_env(url: str, data_dir: Path, args: argparse.Namespace) -> dict[str, str]:
    env = {**os.environ, "CLEARLANE_DATA_DIR": str(data_dir), "CLEARLANE_DATABASE_URL": url}
    env["PYTHONPATH"] = str(args.server_src or ROOT / "src")
    return env


def _build_hs_index(url: str, data_dir: Path, args: argparse.Namespace) -> None:
    """Build the HS index's cache in the store's data directory with the server's own code,
    as a server that has started once before has it (``data_dir/cache``). Without it the
    first worker builds the index (about 6 CPU s) in its start-up thread while the other
    waits for the file, and on a busy machine that build ran into the measured window: its
    CPU counted per submission and its seconds of GIL time in the tail (session 33, #15)."""
    subprocess.run(
        [
            args.server_python or sys.executable,
            *("-c", "from clearlane.hs.model import shipped_model; shipped_model()"),
        ],
        env=_server_env(url, data_dir, args),
        check=True,
    )


def _wait_quiet(root: int, *, idle_share: float = 0.05, limit: float = 120.0) -> float:
    """Wait until the server's processes use under ``idle_share`` of one core over half a
    second (no request is sent meanwhile): the workers' start-up threads (the HS model's
    load, the boosters' compile) have finished, so the measured window holds requests
    only. Returns the seconds waited."""
    started = time.monotonic()
    before = _tree_cpu_seconds(root)
    while time.monotonic() - started < limit:
        time.sleep(0.5)
        now = _tree_cpu_seconds(root)
        if now - before < idle_share * 0.5:
            break
        before = now
    return time.monotonic() - started


def _serve(
    url: str, data_dir: Path, workers: int, args: argparse.Namespace
) -> tuple[subprocess.Popen[bytes], str, int]:
    port = _free_port()
    env = _server_env(url, data_dir, args)
    server = subprocess.Popen(
        [
            args.server_python or sys.executable,
            *("-m", "clearlane.cli", "serve"),
            *("--port", str(port), "--workers", str(workers)),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                return server, base, port
        except httpx.TransportError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("the server did not start")


def _tree_cpu_seconds(root: int) -> float:
    """User + system CPU seconds of ``root`` and all its descendants (uvicorn's worker
    processes), read from /proc: the server's own cost per request, which stays meaningful when
    other work shares the machine and the wall-clock rate does not."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        times[pid] = (int(fields[11]) + int(fields[12])) / tick
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sum(times.get(pid, 0.0) for pid in tree)


def _row(
    store: str,
    workers: int,
    mode: str,
    value: float,
    measured: tuple[list[float], int, float, float],
    server_cpu: float,
    load: tuple[float, float],
) -> Row:
    latencies, errors, elapsed, client_cpu = measured
    lat = np.array(latencies) * 1000
    n = len(latencies)
    return {
        "store": store,
        "workers": workers,
        "clients": int(value) if mode == "closed" else "-",
        "offered": f"{value:g}" if mode == "open" else "-",
        "requests": n,
        "errors": errors,
        "per_s": n / elapsed,
        "p50": float(np.percentile(lat, 50)) if n else float("nan"),
        "p95": float(np.percentile(lat, 95)) if n else float("nan"),
        "p99": float(np.percentile(lat, 99)) if n else float("nan"),
        "cpu_ms": server_cpu * 1000 / n if n else float("nan"),
        "client_ms": client_cpu * 1000 / n if n else float("nan"),
        "load": f"{load[0]:.1f}-{load[1]:.1f}",
    }


Row = dict[str, Any]


def run(store: str, args: argparse.Namespace) -> list[Row]:
    """One store: prepared once, then served by each number of workers to each number of
    concurrent clients (every run submits declarations not submitted before)."""
    data_dir = Path(tempfile.mkdtemp(prefix=f"clearlane-api-bench-{store}-"))
    scratch = None
    if store == "sqlite":
        url = f"sqlite:///{data_dir / 'clearlane.db'}"
    else:
        sys.path.insert(0, str(ROOT))  # tests.scratch
        from tests.scratch import BENCH_PREFIX, ScratchRun

        # A test run's kind of scratch database: under this process's lock, so no test run's
        # cleanup drops it mid-benchmark, and dropped by the next run if this one is killed.
        scratch = ScratchRun(PG, BENCH_PREFIX)
        url = scratch.create()
    rows: list[Row] = []
    try:
        print(f"[{store}] preparing the store and the engine ...", flush=True)
        records = _prepare(
            url, data_dir, args.history, args.seed, args.future, train_facts=args.train_facts
        )
        _build_hs_index(url, data_dir, args)
        for workers in (int(w) for w in args.workers.split(",")):
            server, base, port = _serve(url, data_dir, workers, args)
            try:
                token = httpx.post(
                    f"{base}/api/auth/token",
                    data={"username": "bench-officer", "password": PASSWORD},
                ).json()["access_token"]
                requests = [_request(f"127.0.0.1:{port}", token, r) for r in records]
                warm, requests = requests[:50], requests[50:]
                records = records[50:]
                _load(port, warm, mode="closed", value=2, seconds=60)
                waited = _wait_quiet(server.pid)
                print(f"[{store}] start-up work done ({waited:.1f} s after warm-up)", flush=True)
                runs = [("closed", float(c)) for c in args.clients.split(",") if c]
                runs += [("open", float(r)) for r in (args.rate or "").split(",") if r]
                for mode, value in runs:
                    what = (
                        f"{int(value)} client(s)" if mode == "closed" else f"{value:g} requests/s"
                    )
                    print(
                        f"[{store}] {workers} worker(s), {what} for {args.seconds}s ...",
                        flush=True,
                    )
                    load_before = os.getloadavg()[0]
                    cpu_before = _tree_cpu_seconds(server.pid)
                    measured = _load(
                        port, requests, mode=mode, value=value, seconds=args.seconds,
                        connections=args.connections, arrivals=args.arrivals, seed=args.seed,
                    )  # fmt: skip
                    cpu = _tree_cpu_seconds(server.pid) - cpu_before
                    load = (load_before, os.getloadavg()[0])
                    requests = requests[len(measured[0]) :]
                    records = records[len(measured[0]) :]
                    rows.append(_row(store, workers, mode, value, measured, cpu, load))
                    if len(requests) < 50:
                        print(f"[{store}] out of declarations: use --future", flush=True)
            finally:
                server.terminate()
                try:  # a busy machine can take a while to stop two workers
                    server.wait(60)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
    finally:
        if scratch is not None:
            scratch.drop(url)  # WITH (FORCE): the server's workers are stopped already
        shutil.rmtree(data_dir, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--clients", default="1,16", help="concurrent clients to try, comma-separated"
    )
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--history", type=int, default=6000, help="declarations to train on")
    parser.add_argument("--stores", default="sqlite,postgres")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument(
        "--workers", default="1,2", help="server worker processes to try, comma-separated"
    )
    parser.add_argument(
        "--rate",
        default="",
        help="open loop: offered submissions per second to try, comma-separated (requests "
        "sent at fixed times whatever the answers; latency from each scheduled time)",
    )
    parser.add_argument(
        "--arrivals",
        choices=("fixed", "poisson"),
        default="fixed",
        help="open loop: requests every 1/rate s (fixed) or a seeded Poisson process (poisson)",
    )
    parser.add_argument(
        "--connections", type=int, default=64, help="open loop: keep-alive connections"
    )
    parser.add_argument(
        "--future", type=int, default=0, help="declarations to submit (default: enough)"
    )
    parser.add_argument(
        "--train-facts",
        action="store_true",
        help="prepare the store as `clearlane train` does by default: the history's facts "
        "(the HS check of every goods item, stored) gathered and an engine trained with them",
    )
    parser.add_argument("--server-python", help="the server's interpreter (an A/B run)")
    parser.add_argument("--server-src", help="the server's PYTHONPATH (an A/B run)")
    args = parser.parse_args()
    if not args.future:  # closed loop: up to 250/s; open loop: the offered rate
        workers = len(args.workers.split(","))
        per_server = sum(250 for c in args.clients.split(",") if c) + sum(
            float(r) for r in args.rate.split(",") if r
        )
        args.future = max(4000, int(workers * (50 + per_server * args.seconds * 1.05)))
    rows = [row for store in args.stores.split(",") for row in run(store, args)]
    print(
        f"\nOne declaration per request, on loopback ({os.cpu_count()} cores shared by the "
        "server and the load generator, a separate process with pre-serialised requests on "
        "keep-alive connections; server CPU is the server processes' own user + system time "
        "per submission, the figure to compare when the machine is busy; client CPU the load "
        "generator's; open loop: offered rate, latency from each request's scheduled time, "
        f"{args.arrivals} arrivals):\n"
    )
    print(
        "| store | workers | clients | offered /s | requests | errors | submissions/s | p50 ms "
        "| p95 ms | p99 ms | server CPU ms / submission | client CPU ms / request "
        "| load average |"
    )
    print(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    )
    for r in rows:
        print(
            f"| {r['store']} | {r['workers']} | {r['clients']} | {r['offered']} | "
            f"{r['requests']:,} | {r['errors']} | {r['per_s']:.1f} | {r['p50']:.0f} | "
            f"{r['p95']:.0f} | {r['p99']:.0f} | {r['cpu_ms']:.1f} | {r['client_ms']:.2f} | "
            f"{r['load']} |"
        )


if __name__ == "__main__":
    main()
