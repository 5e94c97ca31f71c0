"""Training at scale: generate declarations until about N goods items, train the engine, and
report wall time and peak memory of each stage.

    python benchmarks/train_scale.py [--items 1000000] [--seed 1] [--frame-only] [--from-store]

``--frame-only`` stops after the analysis frame (read + validate + frame): its time and peak
memory, without training (a 200,000-item run of it is the quick working measure).

The frame is read straight from the generated files (declarations.jsonl + controls.jsonl), as
`clearlane train --data` would, so the figure covers parsing, validation, features and models.
``--from-store`` reads it from a SQLite store instead, as `clearlane train` does: the files
are ingested first (declarations.csv, bulk path, and controls.jsonl; timed as its own stage
and not counted, kept with ``--data``), then ``load_items_frame`` is timed.
Prints a Markdown table; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _stage(
    rows: list[tuple[str, float, float, float]], name: str, start: float, cpu: float
) -> None:
    """Record a stage (wall s, CPU s, peak RSS so far) and print it at once: a run cut short
    by a time limit still shows the stages it finished."""
    row = (name, time.perf_counter() - start, time.process_time() - cpu, peak_mb())
    rows.append(row)
    print(
        f"  {name}: {row[1]:,.0f} s wall, {row[2]:,.1f} s CPU, peak RSS {row[3]:,.0f} MB",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--frame-only", action="store_true", help="stop after the frame")
    parser.add_argument(
        "--data",
        type=Path,
        help="generate into this folder and keep it; when it already holds the files, reuse "
        "them (generate once, then time read + train on their own on a busy machine)",
    )
    parser.add_argument("--generate-only", action="store_true", help="stop after generating")
    parser.add_argument(
        "--from-store",
        action="store_true",
        help="ingest the files into a SQLite store (once, in the data folder) and read the "
        "frame from the store",
    )
    args = parser.parse_args()

    from clearlane.generate import generate_dataset
    from clearlane.ingest.parse import read_frame
    from clearlane.risk import train_engine
    from clearlane.risk.profiles import load_default_profiles

    rows: list[tuple[str, float, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = args.data or Path(tmp)
        declarations = int(args.items / 1.84)
        done = out / f"generated-{declarations}-{args.seed}"  # written once complete
        if done.exists():
            print(f"  reusing the files in {out}", flush=True)
        else:
            start, cpu = time.perf_counter(), time.process_time()
            # The generator averages about 1.85 goods items per declaration; aim a bit above N.
            generate_dataset(declarations=declarations, seed=args.seed, out_dir=out)
            done.touch()
            _stage(rows, "generate", start, cpu)
        if args.generate_only:
            return

        if args.from_store:
            from clearlane.store.frames import load_items_frame
            from clearlane.store.session import open_store

            store = open_store(f"sqlite:///{out / 'store.db'}")
            stored = out / f"stored-{declarations}-{args.seed}"  # written once complete
            if stored.exists():
                print(f"  reusing the store {out / 'store.db'}", flush=True)
            else:
                from clearlane.ingest.pipeline import ingest_file

                start, cpu = time.perf_counter(), time.process_time()
                ingest_file(out / "declarations.csv", session_factory=store)
                ingest_file(out / "controls.jsonl", kind="controls", session_factory=store)
                stored.touch()
                _stage(rows, "ingest into SQLite (not counted)", start, cpu)
            start, cpu = time.perf_counter(), time.process_time()
            frame = load_items_frame(session_factory=store)
            _stage(rows, "load the frame from the store", start, cpu)
        else:
            start, cpu = time.perf_counter(), time.process_time()
            frame = read_frame(out / "declarations.jsonl", controls=out / "controls.jsonl")
            _stage(rows, "read + validate + frame", start, cpu)

        engine = None
        if not args.frame_only:
            start, cpu = time.perf_counter(), time.process_time()
            engine = train_engine(frame, profiles=load_default_profiles())
            _stage(rows, "train engine", start, cpu)

    print(
        f"\n{declarations:,} declarations, {len(frame):,} goods items, "
        f"{int(frame['controlled'].sum()):,} controlled items, "
        f"{int(frame['fraud'].sum()):,} non-compliant; "
        f"model {(engine.model_version or 'trained') if engine else 'not trained (--frame-only)'}\n"
    )
    if engine is not None:  # model quality, to compare runs of different code on the same data
        held_out = engine.summary.get("rule_baseline", {})
        print(
            f"held-out PR-AUC {held_out.get('engine_pr_auc', float('nan')):.4f} "
            f"(rules {held_out.get('rules_pr_auc', float('nan')):.4f}), out-of-fold average "
            f"precision {engine.summary.get('oof_average_precision') or float('nan'):.4f}\n"
        )
    print("| stage | seconds | CPU seconds | peak RSS so far (MB) |")
    print("| --- | ---: | ---: | ---: |")
    for name, seconds, cpu_s, mb in rows:
        print(f"| {name} | {seconds:,.0f} | {cpu_s:,.1f} | {mb:,.0f} |")
    read_train = [r for r in rows if r[0] != "generate" and "not counted" not in r[0]]
    print(
        f"\nread + frame + train: {sum(r[1] for r in read_train):,.0f} s wall, "
        f"{sum(r[2] for r in read_train):,.1f} s CPU (target <= 180 s, <= 3,000 MB peak)"
    )


if __name__ == "__main__":
    main()
