"""Thread CPU and wall time of one declaration's trader-network facts, a call at a time.

In a warm process, ``network_features(store, [ref], manifest=False)`` (what a submission's
facts ask) for each reference of ``--records`` (``benchmarks/submit_cpu.py --amend-from``'s
``records.json``: 60 linked declarations of the demo) after ``--warm`` passes over them all,
``--passes`` times; the rows of a new trader with a cluster caught before it (those that read
the caught clusters' declarations, ``link.network._declared``) are shown apart. Run the same
command with ``PYTHONPATH=other/src`` for an A/B comparison (the store is only read):

    PYTHONPATH=src python benchmarks/network_calls.py --url sqlite:////tmp/demo/clearlane.db \\
        --records /tmp/amend/records.json
    PYTHONPATH=src python benchmarks/network_calls.py --records /tmp/amend/records.json \\
        --url postgresql+psycopg://postgres:postgres@127.0.0.1:5432/demo_copy
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True, help="a linked store (SQLite or PostgreSQL)")
    parser.add_argument("--records", type=Path, required=True)
    parser.add_argument("--warm", type=int, default=1)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()

    from clearlane.link import network
    from clearlane.store.session import open_store

    store = open_store(args.url)
    refs = [r["reference"] for r in json.loads(args.records.read_text())]
    caught: set[str] = set()
    declared = network._declared

    def spy(session, clusters):  # type: ignore[no-untyped-def]
        caught.add(current)
        return declared(session, clusters)

    network._declared = spy  # type: ignore[assignment]
    for _ in range(args.warm):
        for current in refs:
            network.network_features(store, [current], manifest=False)
    cpu: dict[str, list[float]] = {ref: [] for ref in refs}
    wall: dict[str, list[float]] = {ref: [] for ref in refs}
    for _ in range(args.passes):
        for current in refs:
            start, started = time.thread_time(), time.perf_counter()
            network.network_features(store, [current], manifest=False)
            cpu[current].append((time.thread_time() - start) * 1000)
            wall[current].append((time.perf_counter() - started) * 1000)
    load = os.getloadavg()[0]
    print(f"code {network.__file__}  load {load:.1f}  (each row's median over the passes)")
    print("| rows | n | CPU median ms | CPU mean ms | wall median ms | wall mean ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    groups = {"all": refs, "new trader, caught before": [r for r in refs if r in caught],
              "others": [r for r in refs if r not in caught]}  # fmt: skip
    for name, group in groups.items():
        if group:
            c = [statistics.median(cpu[r]) for r in group]
            w = [statistics.median(wall[r]) for r in group]
            print(f"| {name} | {len(group)} | {statistics.median(c):.2f} | "
                  f"{statistics.fmean(c):.2f} | {statistics.median(w):.2f} | "
                  f"{statistics.fmean(w):.2f} |")  # fmt: skip


if __name__ == "__main__":
    main()
