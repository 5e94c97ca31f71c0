"""API throughput: declaration submissions per second, each with its assessment and lane, and
p50 / p99 latency, with N concurrent clients on loopback, on SQLite and on PostgreSQL.

For each store: generate ``--history`` declarations, ingest them with their control results,
train and register an engine, add an officer and a trader, start `clearlane serve` in a
subprocess, then let ``--clients`` concurrent clients submit the declarations of a later,
unseen period (one declaration per request) for ``--seconds``. Prints a Markdown table. Run:

    PYTHONPATH=src python benchmarks/api.py [--clients 1,16] [--seconds 30] [--workers 1,2]
        [--stores sqlite,postgres]

PostgreSQL: a fresh database is created on CLEARLANE_TEST_POSTGRES_URL's server (default
127.0.0.1:5432, as `make test` uses) and dropped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import json
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


def _prepare(url: str, data_dir: Path, history: int, seed: int) -> list[dict[str, Any]]:
    """Fill the store, train an engine; returns the declarations to submit (a later period)."""
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
    outcome = train_and_register(frame, registry=default_registry(data_dir), created_by="benchmark")
    if outcome.compiling is not None:  # the servers measured then start on compiled boosters
        outcome.compiling.wait()
    with store() as session, session.begin():
        create_user(session, username="bench-officer", password=PASSWORD, role="officer")
    future = data_dir / "future"
    generate_dataset(declarations=4000, seed=seed + 1, out_dir=future)
    records = [json.loads(line) for line in (future / "declarations.jsonl").open()]
    # New references, dated the day after the history, as live submissions are: the engine
    # then reads the history's final state from its in-memory snapshots, not as-of joins.
    next_day = (frame["declaration_date"].max() + pd.Timedelta(days=1)).date().isoformat()
    for record in records:
        record["reference"] = f"B{uuid.uuid4().hex[:14].upper()}"
        record["declaration_date"] = next_day
    return records


async def _load(
    base: str, token: str, records: list[dict[str, Any]], clients: int, seconds: float
) -> tuple[list[float], int, int]:
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    for record in records:
        queue.put_nowait(record)
    deadline = time.perf_counter() + seconds
    headers = {"Authorization": f"Bearer {token}"}

    async def client() -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as http:
            while time.perf_counter() < deadline and not queue.empty():
                record = queue.get_nowait()
                t0 = time.perf_counter()
                response = await http.post("/api/declarations", json=record)
                latencies.append(time.perf_counter() - t0)
                if response.status_code >= 300:
                    errors += 1
                    if errors <= 3:
                        print(f"  error {response.status_code}: {response.text[:300]}")

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, errors, int((time.perf_counter() - started) * 1000)


def _serve(url: str, data_dir: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "CLEARLANE_DATA_DIR": str(data_dir), "CLEARLANE_DATABASE_URL": url}
    env["PYTHONPATH"] = str(ROOT / "src")
    server = subprocess.Popen(
        [
            sys.executable,
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
                return server, base
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
    clients: int,
    measured: tuple[list[float], int, int],
    server_cpu: float,
) -> Row:
    latencies, errors, ms = measured
    lat = np.array(latencies) * 1000
    return {
        "store": store,
        "workers": workers,
        "clients": clients,
        "requests": len(latencies),
        "errors": errors,
        "per_s": len(latencies) / (ms / 1000),
        "p50": float(np.percentile(lat, 50)) if len(lat) else float("nan"),
        "p99": float(np.percentile(lat, 99)) if len(lat) else float("nan"),
        "cpu_ms": server_cpu * 1000 / len(latencies) if len(latencies) else float("nan"),
    }


Row = dict[str, Any]


def run(store: str, args: argparse.Namespace) -> list[Row]:
    """One store: prepared once, then served by each number of workers to each number of
    concurrent clients (every run submits declarations not submitted before)."""
    data_dir = Path(tempfile.mkdtemp(prefix=f"clearlane-api-bench-{store}-"))
    admin_url = None
    if store == "sqlite":
        url = f"sqlite:///{data_dir / 'clearlane.db'}"
    else:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        name = f"clearlane_bench_{uuid.uuid4().hex[:8]}"
        admin_url = PG
        admin = create_engine(make_url(PG), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(PG).set(database=name).render_as_string(hide_password=False)
    rows: list[Row] = []
    try:
        print(f"[{store}] preparing the store and the engine ...", flush=True)
        records = _prepare(url, data_dir, args.history, args.seed)
        for workers in (int(w) for w in args.workers.split(",")):
            server, base = _serve(url, data_dir, workers)
            try:
                token = httpx.post(
                    f"{base}/api/auth/token",
                    data={"username": "bench-officer", "password": PASSWORD},
                ).json()["access_token"]
                warm, records = records[:50], records[50:]
                asyncio.run(_load(base, token, warm, 2, 60))
                for clients in (int(c) for c in args.clients.split(",")):
                    print(
                        f"[{store}] {workers} worker(s), {clients} client(s) for "
                        f"{args.seconds}s ...",
                        flush=True,
                    )
                    cpu_before = _tree_cpu_seconds(server.pid)
                    measured = asyncio.run(_load(base, token, records, clients, args.seconds))
                    cpu = _tree_cpu_seconds(server.pid) - cpu_before
                    records = records[len(measured[0]) :]
                    rows.append(_row(store, workers, clients, measured, cpu))
            finally:
                server.terminate()
                server.wait(10)
    finally:
        if admin_url is not None:
            from sqlalchemy import create_engine, text
            from sqlalchemy.engine import make_url

            admin = create_engine(make_url(admin_url), isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                name = make_url(url).database
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
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
    args = parser.parse_args()
    rows = [row for store in args.stores.split(",") for row in run(store, args)]
    print(
        f"\nOne declaration per request, on loopback ({os.cpu_count()} cores shared by the "
        "server and the clients; server CPU is the server processes' own user + system time "
        "per submission, the figure to compare when the machine is busy):\n"
    )
    print(
        "| store | workers | clients | requests | errors | submissions/s | p50 ms | p99 ms "
        "| server CPU ms / submission |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(
            f"| {r['store']} | {r['workers']} | {r['clients']} | {r['requests']:,} | "
            f"{r['errors']} | {r['per_s']:.1f} | {r['p50']:.0f} | {r['p99']:.0f} | "
            f"{r['cpu_ms']:.1f} |"
        )


if __name__ == "__main__":
    main()
