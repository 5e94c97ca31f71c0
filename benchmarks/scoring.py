"""Scoring speed: batch throughput (declarations/s) and single-declaration latency.

Trains an engine on KCS 2020 (or loads one with --engine), then scores 2021-Q1. Run:

    PYTHONPATH=src python benchmarks/scoring.py [--engine PATH] [--repeat 4] [--singles 200]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from clearlane.ingest.parse import read_frame
from clearlane.risk import RiskEngine, train_engine

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "kcs"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", type=Path, help="a saved engine (else train on KCS 2020)")
    parser.add_argument("--repeat", type=int, default=4, help="copies of 2021-Q1 in the batch")
    parser.add_argument("--singles", type=int, default=200, help="single declarations timed")
    args = parser.parse_args()
    valid = read_frame(DATA / "kcs_valid_2021q1.csv")
    if args.engine:
        engine = RiskEngine.load(args.engine)
    else:
        t0 = time.perf_counter()
        engine = train_engine(read_frame(DATA / "kcs_train_2020.csv"))
        print(f"trained in {time.perf_counter() - t0:.0f}s")
    batch = pd.concat(
        [valid.assign(reference=valid["reference"] + f"-{i}") for i in range(args.repeat)],
        ignore_index=True,
    )
    engine.assess(batch.head(100))  # warm caches
    t0 = time.perf_counter()
    out = engine.assess(batch)
    batch_s = time.perf_counter() - t0
    times = []
    for i in range(args.singles):
        row = valid.iloc[[i % len(valid)]]
        t0 = time.perf_counter()
        engine.assess(row)
        times.append(time.perf_counter() - t0)
    ms = np.array(times) * 1000
    rows = [
        ("batch declarations", f"{len(out)}"),
        ("batch seconds", f"{batch_s:.2f}"),
        ("batch declarations/s", f"{len(out) / batch_s:,.0f}  (aim >= 20,000)"),
        ("single p50 ms", f"{np.percentile(ms, 50):.1f}"),
        ("single p99 ms", f"{np.percentile(ms, 99):.1f}  (aim < 10)"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
