"""SQLite writers from several processes and threads: how long each waits for the write lock,
with SQLite's busy handler alone (``busy``: the waiter sleeps 1, 2, 5, 10, 15, 20, 25, ...
ms between tries) and with the writers queued on the lock file (``queued``:
``clearlane.store.writers``, the store's default). Prints a Markdown table. Run:

    PYTHONPATH=src python benchmarks/sqlite_writers.py [--processes 2] [--threads 2]
        [--hold-ms 2] [--between-ms 4] [--seconds 10] [--rounds 2]

Each writer loops: ``--between-ms`` outside any transaction (the submission's work before its
write), then ``BEGIN IMMEDIATE``, an insert, ``--hold-ms`` holding the lock (its statements
and commit), commit. The holds and the gaps are sleeps, not CPU, so a busy machine changes the
figures little: what differs between the modes is how soon a waiter learns the lock is free.
The modes alternate, ``--rounds`` times each, a fresh database a run.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np


def _engine(url: str, mode: str) -> Any:
    from sqlalchemy import create_engine, event

    from clearlane.store import session as store_session

    if mode == "queued":
        return store_session._create(url)
    engine = create_engine(url)  # the same pragmas, without the lock file
    event.listen(engine, "connect", store_session._sqlite_pragmas)
    return engine


def _writer_process(
    url: str, mode: str, threads: int, hold: float, between: float, seconds: float, out: Any
) -> None:
    engine = _engine(url, mode)
    waits: list[float] = []
    guard = threading.Lock()
    start = time.perf_counter() + 0.5
    stop = start + seconds

    def writer() -> None:
        mine: list[float] = []
        while time.perf_counter() < start:
            time.sleep(0.001)
        with engine.connect() as connection:
            while time.perf_counter() < stop:
                time.sleep(between)
                t0 = time.perf_counter()
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                mine.append(time.perf_counter() - t0)
                connection.exec_driver_sql("INSERT INTO t (at) VALUES (?)", (t0,))
                time.sleep(hold)
                connection.commit()
        with guard:
            waits.extend(mine)

    running = [threading.Thread(target=writer) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    out.send(waits)
    out.close()


def _run(args: argparse.Namespace, mode: str) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="clearlane-writers-"))
    url = f"sqlite:///{folder / 'writers.db'}"
    engine = _engine(url, mode)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, at REAL)")
    engine.dispose()
    context = multiprocessing.get_context("spawn")
    pipes, processes = [], []
    load = os.getloadavg()[0]
    for _ in range(args.processes):
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(
            target=_writer_process,
            args=(url, mode, args.threads, args.hold_ms / 1000, args.between_ms / 1000,
                  args.seconds, sending),
        )  # fmt: skip
        process.start()
        sending.close()
        pipes.append(receiving)
        processes.append(process)
    waits = np.array([w for pipe in pipes for w in pipe.recv()]) * 1000
    for process in processes:
        process.join()
    return {
        "mode": mode,
        "transactions/s": len(waits) / args.seconds,
        "waited": float(np.mean(waits > 0.5)),
        "p50": float(np.percentile(waits, 50)),
        "p90": float(np.percentile(waits, 90)),
        "p99": float(np.percentile(waits, 99)),
        "mean": float(np.mean(waits)),
        "load": f"{load:.1f}-{os.getloadavg()[0]:.1f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--hold-ms", type=float, default=2.0)
    parser.add_argument("--between-ms", type=float, default=4.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    rows = [_run(args, mode) for _ in range(args.rounds) for mode in ("busy", "queued")]
    print(
        f"\n{args.processes} processes x {args.threads} threads, each: {args.between_ms:g} ms "
        f"outside, then BEGIN IMMEDIATE, an insert, {args.hold_ms:g} ms holding the lock, "
        f"commit; {args.seconds:g} s a run. Wait for the write lock, ms:\n"
    )
    print("| mode | transactions/s | waited > 0.5 ms | mean | p50 | p90 | p99 | load |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        print(
            f"| {r['mode']} | {r['transactions/s']:.0f} | {r['waited']:.0%} | {r['mean']:.1f} | "
            f"{r['p50']:.1f} | {r['p90']:.1f} | {r['p99']:.1f} | {r['load']} |"
        )


if __name__ == "__main__":
    main()
