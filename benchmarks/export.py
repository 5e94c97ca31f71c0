"""Pseudonymised export throughput and peak memory: N generated declarations in a store.

    python benchmarks/export.py [--declarations 50000] [--postgres URL]

Generates and ingests the data once per backend (not timed), then runs `export_declarations`
in its own process so the peak resident memory reported is the export's alone (VmHWM: on
Linux, getrusage's ru_maxrss would carry over the parent's peak through fork and exec). Prints a
Markdown table; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

RUN = """
import json, re, sys, time
from pathlib import Path
from clearlane.share import export_declarations
from clearlane.store import open_store
start = time.perf_counter()
with open_store(sys.argv[1])() as session:
    summary = export_declarations(
        session, actor="benchmark", out_dir=Path(sys.argv[2]), key=b"k" * 32
    )
seconds = time.perf_counter() - start
size = sum(p.stat().st_size for p in Path(sys.argv[2]).iterdir())
status = Path("/proc/self/status").read_text()
print(json.dumps({"seconds": seconds, "declarations": summary.declarations_written,
                  "items": summary.goods_items_written, "controls": summary.controls_written,
                  "reconciles": summary.reconciles, "bytes": size,
                  "peak_kb": int(re.search(r"VmHWM:\\s+(\\d+)", status)[1])}))
"""


def fill(url: str, data: Path) -> None:
    from clearlane.ingest.pipeline import ingest_file
    from clearlane.store.session import get_engine, open_store

    store = open_store(url)
    ingest_file(data / "declarations.jsonl", session_factory=store)
    ingest_file(data / "controls.jsonl", kind="controls", session_factory=store)
    get_engine(url).dispose()  # as after `clearlane ingest`: the export runs on its own


def run(url: str, out: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    done = subprocess.run(
        [sys.executable, "-c", RUN, url, str(out)], capture_output=True, text=True, env=env
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--declarations", type=int, default=50_000)
    parser.add_argument("--postgres", help="a PostgreSQL URL (a scratch database is made)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from clearlane.generate import generate_dataset

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        generate_dataset(
            declarations=args.declarations, seed=7, out_dir=work / "data", start=date(2025, 1, 1)
        )
        targets = [("sqlite", f"sqlite:///{work / 'store.db'}")]
        scratch = None
        if args.postgres:
            sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.scratch
            from tests.scratch import BENCH_PREFIX, ScratchRun

            # A test run's kind of scratch database: under this process's lock, so no test
            # run's cleanup drops it mid-benchmark, and dropped by the next run if this one
            # is killed before its own drop.
            scratch = ScratchRun(args.postgres, BENCH_PREFIX)
            targets.append(("postgresql", scratch.create()))
        try:
            print(
                "| backend | declarations | goods items | controls | seconds | decl/s "
                "| MB written | peak RSS MB |"
            )
            print("|---|---|---|---|---|---|---|---|")
            for backend, url in targets:
                fill(url, work / "data")
                r = run(url, work / f"out-{backend}")
                assert r["reconciles"]
                print(
                    f"| {backend} | {r['declarations']:,} | {r['items']:,} | {r['controls']:,} "
                    f"| {r['seconds']:.1f} | {r['declarations'] / r['seconds']:,.0f} "
                    f"| {r['bytes'] / 1e6:.0f} | {r['peak_kb'] / 1024:.0f} |"
                )
        finally:
            if scratch is not None:
                from clearlane.store.session import get_engine

                get_engine(targets[-1][1]).dispose()
                scratch.drop(targets[-1][1])


if __name__ == "__main__":
    main()
