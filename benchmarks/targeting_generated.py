"""Targeting on generated data: the same comparison as benchmarks/targeting.py, on a synthetic
year from `clearlane generate` (documented fraud mechanisms, risk-biased controls).

    python benchmarks/targeting_generated.py [--declarations 100000] [--seed 5]

Train on the first 80 % of days, test on the last 20 % (temporal split). Only controlled
declarations have labels, as in real control data. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import pandas as pd

from clearlane.generate import generate_dataset
from clearlane.ingest.parse import read_frame
from clearlane.learn import compare
from clearlane.risk.profiles import load_default_profiles
from clearlane.workflows import temporal_split

SHOWN = ["precision@1%", "precision@5%", "recall@5%", "revenue@5%", "roc_auc", "pr_auc"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--declarations", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        generate_dataset(declarations=args.declarations, seed=args.seed, out_dir=out)
        frame = read_frame(out / "declarations.jsonl", controls=out / "controls.jsonl")
    train, test = temporal_split(frame, 0.2)
    result = compare(train, test, profiles=load_default_profiles())
    labelled = test.drop_duplicates("reference")["fraud"]
    print(
        f"\n{args.declarations:,} generated declarations (seed {args.seed}); test period "
        f"{result.extras['test_period']}: {int(labelled.notna().sum()):,} controlled "
        f"declarations, {int(labelled.sum()):,} non-compliant\n"
    )
    for scope in ("all rows", "novel rows"):
        table = result.tables[scope][SHOWN]
        print(f"### {scope}\n")
        print("| method | " + " | ".join(SHOWN) + " |")
        print("| --- |" + " ---: |" * len(SHOWN))
        for name, row in table.iterrows():
            print(f"| {name} | " + " | ".join(f"{row[c]:.3f}" for c in SHOWN) + " |")
        print()


if __name__ == "__main__":
    pd.set_option("display.width", 200)
    main()
