"""Reads what ``benchmarks/tail_probe`` wrote during a run of ``benchmarks/api.py`` and prints
where the slowest submissions' time went against the median ones (docs/performance.md,
session 21, tail). Run:

    python benchmarks/tail_report.py /tmp/probe [--skip 5]

``--skip``: seconds from the first submission left out (the warm-up run's)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np


def _load(folder: Path) -> tuple[list[dict[str, Any]], dict[int, list[tuple[float, float]]]]:
    requests: list[dict[str, Any]] = []
    collections: dict[int, list[tuple[float, float]]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        pid = int(path.name.split(".")[0])
        for line in path.read_text().splitlines():
            item = json.loads(line)
            if path.name.endswith(".gc.jsonl"):
                collections.setdefault(pid, []).append((item["t0"], item["t1"]))
            elif item.get("path") == "/api/declarations" and "thread_t0" in item:
                item["pid"] = pid
                requests.append(item)
    return requests, collections


def _columns(r: dict[str, Any], collections: list[tuple[float, float]]) -> dict[str, float]:
    ms = 1000.0
    gc = sum(max(0.0, min(b, r["t1"]) - max(a, r["t0"])) for a, b in collections)
    return {
        "total": (r["t1"] - r["t0"]) * ms,
        "before route": (r["route_t0"] - r["t0"]) * ms,
        "queue (limiter)": (r["thread_t0"] - r["route_t0"]) * ms,
        "thread": (r["thread_t1"] - r["thread_t0"]) * ms,
        "after thread": (r["t1"] - r["thread_t1"]) * ms,
        "ingest": r.get("ingest", 0.0) * ms,
        "facts": r.get("facts", 0.0) * ms,
        "HS ranking": r.get("hs_rank", 0.0) * ms,
        "assess tx": r.get("assess_tx", 0.0) * ms,
        "engine": r.get("engine", 0.0) * ms,
        "record": r.get("record", 0.0) * ms,
        "SQL": r.get("sql", 0.0) * ms,
        "write-lock wait": r.get("lock_wait", 0.0) * ms,
        # the probe counts a hold from the start of the statement that took the lock
        "write lock held": float(sum(r.get("held", [])) - sum(r.get("lock_waits", []))),
        "commits": float(sum(r.get("commits", []))),
        "gen-2 GC overlap": gc * ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--skip", type=float, default=5.0)
    args = parser.parse_args()
    requests, collections = _load(args.folder)
    start = min(r["t0"] for r in requests)
    requests = [r for r in requests if r["t0"] >= start + args.skip]
    rows = [_columns(r, collections.get(r["pid"], [])) for r in requests]
    total = np.array([row["total"] for row in rows])
    order = np.argsort(total)
    n = len(rows)
    slow = order[int(n * 0.99) :]
    middle = order[int(n * 0.45) : int(n * 0.55)]
    p50, p99 = np.percentile(total, [50, 99])
    print(f"{n} submissions; p50 {p50:.0f} ms, p99 {p99:.0f} ms")
    print("\n| part, ms (mean) | median 10 % | slowest 1 % |\n| --- | ---: | ---: |")
    for name in rows[0]:
        mid = np.mean([rows[i][name] for i in middle])
        top = np.mean([rows[i][name] for i in slow])
        print(f"| {name} | {mid:.1f} | {top:.1f} |")
    waits = np.array([w for r in requests for w in r.get("lock_waits", [])])
    held = np.array(
        [
            h - w
            for r in requests
            if len(r.get("held", [])) == len(r.get("lock_waits", []))
            for h, w in zip(r.get("held", []), r.get("lock_waits", []), strict=True)
        ]
    )
    print(
        f"\nwrite-lock takings {len(waits)}: over 1 ms {np.mean(waits > 1):.1%}, "
        f"p50 {np.percentile(waits, 50):.2f} p99 {np.percentile(waits, 99):.1f} "
        f"max {waits.max():.1f} ms;"
        f" held p50 {np.percentile(held, 50):.1f} p99 {np.percentile(held, 99):.1f} ms"
    )
    ranked = sum(1 for r in requests if r.get("hs_rank_n"))
    print(f"submissions with an HS ranking: {ranked} of {n}")
    print(
        "\n| worker | submissions | connections (distinct) | connections a second (mean) "
        "| p50 ms | p99 ms | in slowest 1 % |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    slow_set = {int(i) for i in slow}
    for pid in sorted({r["pid"] for r in requests}):
        mine = [i for i, r in enumerate(requests) if r["pid"] == pid]
        lat = total[mine]
        conns = len({requests[i].get("client") for i in mine})
        seconds: dict[int, set[Any]] = {}
        for i in mine:
            seconds.setdefault(int(requests[i]["t0"]), set()).add(requests[i].get("client"))
        active = np.mean([len(ports) for ports in seconds.values()])
        print(
            f"| {pid} | {len(mine)} | {conns} | {active:.1f} | {np.percentile(lat, 50):.0f} | "
            f"{np.percentile(lat, 99):.0f} | {len(slow_set & set(mine))} |"
        )
    gcs = sum(1 for pid, spans in collections.items() for a, _ in spans if a >= start + args.skip)
    print(f"gen-2 collections during the run (all processes): {gcs}")


if __name__ == "__main__":
    main()
