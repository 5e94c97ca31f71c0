"""What the counterfactuals of the riskiest declarations ask for: the kinds of change proposed
for the top declarations of a scored day (or period), on KCS and on the generated demo data.

    python benchmarks/counterfactuals.py --data kcs  [--top 25] [--engine FILE --save FILE]
    python benchmarks/counterfactuals.py --data demo [--declarations 20000] [--seed 42]

KCS: trained on 2020, the 2021-Q1 declarations routed under the default policy. Demo: the
generated year, trained on all days but the last, the last day routed (as `clearlane demo`
does). The top ``--top`` declarations selected for risk get a counterfactual against the cut of
their office and day; the table counts the kinds (field and direction) and prints the texts.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from clearlane.explain import counterfactual, risk_threshold
from clearlane.generate import generate_dataset
from clearlane.ingest.parse import read_frame
from clearlane.risk.engine import RiskEngine, train_engine
from clearlane.risk.profiles import load_default_profiles
from clearlane.workflows import score_and_route

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "kcs"
LABELS = ["controlled", "fraud", "critical", "extra_duty"]


def _kind(result: dict[str, object]) -> str:
    """A counterfactual's kind: its field and, for numbers, the direction of the change."""
    if not result["found"]:
        return "none found"
    field = str(result["field"])
    before, after = result.get("from_value"), result.get("to_value")
    if isinstance(before, int | float) and isinstance(after, int | float) and before:
        return f"{field} {'raised' if after > before else 'lowered'}"
    return f"{field} changed"


def _frames(args: argparse.Namespace) -> tuple[pd.DataFrame, pd.DataFrame]:
    if args.data == "kcs":
        return read_frame(DATA / "kcs_train_2020.csv"), read_frame(DATA / "kcs_valid_2021q1.csv")
    out = Path(tempfile.mkdtemp(prefix="cf-demo-"))
    generate_dataset(declarations=args.declarations, seed=args.seed, out_dir=out)
    frame = read_frame(out / "declarations.jsonl", controls=out / "controls.jsonl")
    days = pd.to_datetime(frame["declaration_date"]).dt.normalize()
    return frame[days < days.max()], frame[days == days.max()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", choices=("kcs", "demo"), default="kcs")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--declarations", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--engine", type=Path, help="a saved engine (else trained here)")
    parser.add_argument("--save", type=Path, help="save the trained engine here")
    args = parser.parse_args()
    profiles = load_default_profiles()
    history, scored = _frames(args)
    scored = scored.copy()
    scored[LABELS] = [0, np.nan, np.nan, np.nan]  # not controlled yet
    if args.engine:
        engine = RiskEngine.load(args.engine)
    else:
        t0 = time.perf_counter()
        engine = train_engine(history, profiles=profiles)
        print(f"trained on {len(history):,} items in {time.perf_counter() - t0:.0f}s")
        if args.save:
            engine.save(args.save)
    routed = score_and_route(scored, engine=engine, profiles=profiles, key=b"benchmark")
    top = routed[routed["selection_reason"] == "risk"].head(args.top)
    kinds: Counter[str] = Counter()
    wall, cpu = time.perf_counter(), time.process_time()
    for row in top.itertuples():
        cut = risk_threshold(routed, office=row.office, day=row.declaration_date)
        rows = scored[scored["reference"].astype(str) == str(row.reference)]
        result = counterfactual(engine, rows, threshold=float(cut), profiles=profiles).to_dict()
        kinds[_kind(result)] += 1
        print(f"- {result['text']}")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"\n{args.data}: counterfactual kinds over the top {len(top)} risk-selected declarations")
    print("| kind | declarations |\n| --- | ---: |")
    for kind, n in kinds.most_common():
        print(f"| {kind} | {n} |")
    print(f"\n{len(top)} counterfactuals in {wall:.1f} s wall, {cpu:.1f} s CPU")


if __name__ == "__main__":
    main()
