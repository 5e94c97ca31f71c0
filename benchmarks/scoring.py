"""Scoring speed: batch throughput (declarations/s) and single-declaration latency, without
and with reasons.

Trains an engine on KCS 2020 (or loads one with --engine), then scores 2021-Q1: a batch of
``--repeat`` copies, and ``--singles`` declarations one at a time (``engine.assess`` on a
one-row frame) after a warm-up; then the same with reasons (``assess_with_reasons`` for the
batch, ``explain_one`` for single declarations: the assessment plus SHAP contributions and
the reason sentences). Prints a Markdown table. Run:

    PYTHONPATH=src python benchmarks/scoring.py [--engine PATH] [--profiles] [--repeat 4]
        [--singles 1000]

Timings are wall-clock on a machine that may be shared; the CPU seconds of the batch are
printed beside them as a steadier figure.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from clearlane.explain import assess_with_reasons, explain_one
from clearlane.ingest.parse import read_frame
from clearlane.risk import RiskEngine, train_engine
from clearlane.risk.profiles import load_default_profiles

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "kcs"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", type=Path, help="a saved engine (else train on KCS 2020)")
    parser.add_argument(
        "--profiles", action="store_true", help="score with the default rule profiles too"
    )
    parser.add_argument("--repeat", type=int, default=4, help="copies of 2021-Q1 in the batch")
    parser.add_argument("--singles", type=int, default=1000, help="single declarations timed")
    parser.add_argument("--warmup", type=int, default=50, help="untimed single calls first")
    parser.add_argument("--save", type=Path, help="save the trained engine here (for --engine)")
    args = parser.parse_args()
    valid = read_frame(DATA / "kcs_valid_2021q1.csv")
    if args.engine:
        engine = RiskEngine.load(args.engine)
    else:
        t0 = time.perf_counter()
        engine = train_engine(read_frame(DATA / "kcs_train_2020.csv"))
        print(f"trained in {time.perf_counter() - t0:.0f}s\n")
    profiles = load_default_profiles() if args.profiles else None
    batch = pd.concat(
        [valid.assign(reference=valid["reference"] + f"-{i}") for i in range(args.repeat)],
        ignore_index=True,
    )
    if args.save:
        engine.save(args.save)
    engine.assess(batch.head(300), profiles=profiles)  # build the snapshots, warm caches
    t0, c0 = time.perf_counter(), time.process_time()
    out = engine.assess(batch, profiles=profiles)
    batch_s, batch_cpu = time.perf_counter() - t0, time.process_time() - c0
    floor_s = _booster_floor(engine, batch)

    rows = [valid.iloc[[i % len(valid)]] for i in range(args.warmup + args.singles)]
    ms, cpu_ms = _singles(rows, args.warmup, lambda row: engine.assess(row, profiles=profiles))

    # With reasons (the first call also builds the model's TreeExplainer: warm it up).
    assess_with_reasons(engine, batch.head(300), profiles=profiles)
    t0, c0 = time.perf_counter(), time.process_time()
    explained = assess_with_reasons(engine, batch, profiles=profiles)
    reasons_s, reasons_cpu = time.perf_counter() - t0, time.process_time() - c0
    reasons_ms, reasons_cpu_ms = _singles(
        rows, args.warmup, lambda row: explain_one(engine, row, profiles=profiles)
    )

    used = "default" if profiles else "none"
    print(f"engine: {engine.model_version or 'no model'}; profiles: {used}")
    print()
    print("| measure | value | aim |")
    print("|---|---:|---:|")
    print(f"| batch declarations | {len(out):,} | |")
    print(f"| batch seconds (CPU seconds) | {batch_s:.2f} ({batch_cpu:.2f}) | |")
    print(f"| batch declarations/s | {len(out) / batch_s:,.0f} | >= 50,000 |")
    if floor_s is not None:
        print(
            f"| floor: bare Booster.predict of the fraud model on the batch's {len(batch):,} "
            f"rows, declarations/s | {len(out) / floor_s:,.0f} | |"
        )
        print(f"| ratio engine / floor | {floor_s / batch_s:.2f} | |")
    print(f"| single declarations timed | {len(ms):,} (after {args.warmup} warm-up) | >= 500 |")
    print(f"| single p50 ms (CPU ms) | {_p(ms, 50)} ({_p(cpu_ms, 50)}) | |")
    print(f"| single p99 ms (CPU ms) | {_p(ms, 99)} ({_p(cpu_ms, 99)}) | < 10 |")
    print(f"| with reasons: batch seconds (CPU seconds) | {reasons_s:.2f} ({reasons_cpu:.2f}) | |")
    print(f"| with reasons: batch declarations/s | {len(explained) / reasons_s:,.0f} | |")
    print(
        f"| with reasons: single p50 ms (CPU ms) | {_p(reasons_ms, 50)} "
        f"({_p(reasons_cpu_ms, 50)}) | |"
    )
    print(
        f"| with reasons: single p99 ms (CPU ms) | {_p(reasons_ms, 99)} "
        f"({_p(reasons_cpu_ms, 99)}) | < 20 |"
    )


def _booster_floor(engine: RiskEngine, batch: pd.DataFrame) -> float | None:
    """Seconds of a bare ``lightgbm.Booster.predict`` of the fraud model on the batch's feature
    matrix (built beforehand, untimed; same thread count as the engine): the library floor."""
    model = engine.fraud.model if engine.fraud is not None else None
    if model is None or engine.fraud is None or engine.fraud.kind != "lightgbm":
        return None
    from clearlane.risk.supervised import N_JOBS

    matrix = engine.builder.transform_matrix(batch).select(engine.fraud.columns)
    booster = model.booster_
    booster.predict(matrix[:300], num_threads=N_JOBS)
    t0 = time.perf_counter()
    booster.predict(matrix, num_threads=N_JOBS)
    return time.perf_counter() - t0


def _p(values: np.ndarray, q: float) -> str:
    return f"{np.percentile(values, q):.2f}"


def _singles(
    rows: list[pd.DataFrame], warmup: int, call: Callable[[pd.DataFrame], object]
) -> tuple[np.ndarray, np.ndarray]:
    """Wall and CPU milliseconds per call, after ``warmup`` untimed calls."""
    wall, cpu = [], []
    for i, row in enumerate(rows):
        t0, c0 = time.perf_counter(), time.process_time()
        call(row)
        if i >= warmup:
            wall.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    return np.array(wall) * 1000, np.array(cpu) * 1000


if __name__ == "__main__":
    main()
