"""Scoring speed: batch throughput (declarations/s) and single-declaration latency, without
and with reasons.

Trains an engine on KCS 2020 (or loads one with --engine), then scores 2021-Q1: a batch of
``--repeat`` copies, and ``--singles`` declarations one at a time (``engine.assess`` on a
one-row frame) after a warm-up; then the same with reasons (``assess_with_reasons`` for the
batch, ``explain_one`` for single declarations: the assessment plus SHAP contributions and
the reason sentences). Prints a Markdown table. Run:

    PYTHONPATH=src python benchmarks/scoring.py [--engine PATH] [--profiles] [--repeat 4]
        [--singles 1000] [--compile] [--batches 5] [--batch-only]

``--compile`` compiles the engine's LightGBM boosters to machine code first (cached beside the
engine file, so a second run loads them) and prints what that cost. The engine's objects are
then frozen out of the garbage collector's passes, as the API does after a load
(``clearlane.heap``; ``--no-freeze`` leaves them).

Timings are wall-clock on a machine that may be shared; the CPU seconds of the batch are
printed beside them as a steadier figure.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from clearlane.explain import assess_with_reasons, explain_one
from clearlane.heap import freeze_long_lived
from clearlane.ingest.parse import read_frame
from clearlane.risk import RiskEngine, compiled, train_engine
from clearlane.risk.engine import compiled_dir
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
    parser.add_argument(
        "--compile",
        action="store_true",
        help="compile the boosters to machine code (clearlane.risk.compiled), cached beside "
        "--engine or --save (else in a temporary directory); reports the compile cost",
    )
    parser.add_argument(
        "--batches",
        type=int,
        default=1,
        help="time the batch this many times (each printed; the best is the headline)",
    )
    parser.add_argument(
        "--batch-only",
        action="store_true",
        help="stop after the batch and the floors (no single declarations, no reasons)",
    )
    parser.add_argument(
        "--no-batch-reasons",
        action="store_true",
        help="skip the batch with reasons (about 90 CPU s); single declarations keep theirs",
    )
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="leave the loaded engine to the garbage collector (no gc.freeze, as before)",
    )
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
    used = "default" if profiles else "none"
    print(f"engine: {engine.model_version or 'no model'}; profiles: {used}")
    if args.compile:
        artifact = args.engine or args.save
        cache = compiled_dir(artifact) if artifact else Path(tempfile.mkdtemp()) / "compiled"
        t0, c0 = time.perf_counter(), time.process_time()
        spent = engine.compile(cache)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if not spent:
            print("compiled boosters: no compiler installed (Booster.predict is used)")
        else:
            each = ", ".join(
                f"{k} {v:.1f}" if v else f"{k} from the cache" for k, v in spent.items()
            )
            print(
                f"compiled boosters in {cache}: {wall:.1f} s wall, {cpu:.1f} CPU s "
                f"(CPU s to compile: {each})"
            )
    if not args.no_freeze:
        # As the API does after loading its engine (clearlane.heap): the engine's objects out
        # of the garbage collector's full passes.
        t0 = time.process_time()
        frozen = freeze_long_lived()
        print(f"gc.freeze: {frozen:,} objects ({time.process_time() - t0:.2f} CPU s)")
    print()
    # Each line is printed as soon as it is measured (a run cut short still shows them).
    print("| measure | value | aim |")
    print("|---|---:|---:|", flush=True)
    engine.assess(batch.head(300), profiles=profiles)  # build the snapshots, warm caches
    runs: list[tuple[float, float]] = []
    for _ in range(max(1, args.batches)):
        t0, c0 = time.perf_counter(), time.process_time()
        out = engine.assess(batch, profiles=profiles)
        runs.append((time.perf_counter() - t0, time.process_time() - c0))
    batch_s, batch_cpu = min(runs)
    n = len(out)
    _row("batch declarations", f"{n:,}")
    if len(runs) > 1:
        each = ", ".join(f"{w:.2f} ({c:.2f})" for w, c in runs)
        _row("each batch: seconds (CPU seconds)", each)
    _row("batch seconds (CPU seconds)", f"{batch_s:.2f} ({batch_cpu:.2f})")
    _row(
        "batch declarations/s wall (CPU)", f"{n / batch_s:,.0f} ({n / batch_cpu:,.0f})", ">= 50,000"
    )
    floor = _booster_floor(engine, batch)
    for name, label in (
        ("fraud", "the fraud model alone"),
        (
            "all",
            f"the boosters the engine runs ({', '.join(k for k in floor if k[:3] != 'all')})",
        ),
        ("all compiled", "the same boosters' compiled code"),
    ):
        if name in floor:
            wall, cpu = floor[name]
            what = label if name == "all compiled" else f"bare Booster.predict of {label}"
            _row(
                f"floor: {what} on the batch's {len(batch):,} rows, declarations/s wall (CPU)",
                f"{n / wall:,.0f} ({n / cpu:,.0f})",
            )
            _row(
                f"ratio engine / floor ({name}): wall (CPU)",
                f"{wall / batch_s:.2f} ({cpu / batch_cpu:.2f})",
            )

    if args.batch_only:
        return
    rows = [valid.iloc[[i % len(valid)]] for i in range(args.warmup + args.singles)]
    ms, cpu_ms = _singles(rows, args.warmup, lambda row: engine.assess(row, profiles=profiles))
    _row("single declarations timed", f"{len(ms):,} (after {args.warmup} warm-up)", ">= 500")
    _row("single p50 ms (CPU ms)", f"{_p(ms, 50)} ({_p(cpu_ms, 50)})")
    _row("single p99 ms (CPU ms)", f"{_p(ms, 99)} ({_p(cpu_ms, 99)})", "< 10")

    # With reasons (the first call also builds the model's explainer: warm it up).
    assess_with_reasons(engine, batch.head(300), profiles=profiles)
    if not args.no_batch_reasons:
        t0, c0 = time.perf_counter(), time.process_time()
        explained = assess_with_reasons(engine, batch, profiles=profiles)
        reasons_s, reasons_cpu = time.perf_counter() - t0, time.process_time() - c0
        _row("with reasons: batch seconds (CPU seconds)", f"{reasons_s:.2f} ({reasons_cpu:.2f})")
        _row("with reasons: batch declarations/s", f"{len(explained) / reasons_s:,.0f}")
    reasons_ms, reasons_cpu_ms = _singles(
        rows, args.warmup, lambda row: explain_one(engine, row, profiles=profiles)
    )
    _row("with reasons: single p50 ms (CPU ms)", f"{_p(reasons_ms, 50)} ({_p(reasons_cpu_ms, 50)})")
    _row(
        "with reasons: single p99 ms (CPU ms)",
        f"{_p(reasons_ms, 99)} ({_p(reasons_cpu_ms, 99)})",
        "<= 10 (issue #15)",
    )


def _row(measure: str, value: str, aim: str = "") -> None:
    print(f"| {measure} | {value} | {aim} |", flush=True)


def _booster_floor(engine: RiskEngine, batch: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Wall and CPU seconds of a bare ``lightgbm.Booster.predict`` of each of the engine's
    boosters (fraud, declared-fields, critical-case and revenue models) on the batch's input
    matrices (built beforehand, untimed; one thread): the library floor. ``"fraud"`` alone is
    the floor printed before; ``"all"`` the boosters the engine runs; ``"all compiled"`` the
    same boosters' compiled code, when the engine has it (one thread too)."""
    out: dict[str, tuple[float, float]] = {}
    fast: list[tuple[float, float]] = []
    matrix = engine.builder.transform_matrix(batch)
    for name, booster in engine.boosters().items():
        if name == "declared" and engine.declared is not None:
            rows = engine.declared.matrix(batch)
        else:
            rows = matrix.select(getattr(engine, name).columns)
        booster.predict(rows[:300], num_threads=1)
        t0, c0 = time.perf_counter(), time.process_time()
        booster.predict(rows, num_threads=1)
        out[name] = (time.perf_counter() - t0, time.process_time() - c0)
        forest = compiled.attached(booster)
        if forest is not None:
            t0, c0 = time.perf_counter(), time.process_time()
            forest.predict(rows)
            fast.append((time.perf_counter() - t0, time.process_time() - c0))
    if out:
        out["all"] = (sum(v[0] for v in out.values()), sum(v[1] for v in out.values()))
    if fast and len(fast) == len(out) - 1:
        out["all compiled"] = (sum(v[0] for v in fast), sum(v[1] for v in fast))
    return out


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
