"""Targeting benchmark on the KCS data: engine vs plain LightGBM vs baselines.

Everything is chosen on 2020 alone (train Jan-Sep, check on Oct-Dec, printed first); the 2021-Q1
validation figures are then reported once. Run:

    PYTHONPATH=src python benchmarks/targeting.py [--out DIR] [--backtest] [--skip-2020]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

from clearlane.ingest.parse import read_frame
from clearlane.learn import backtest, compare, write_report
from clearlane.risk.profiles import load_default_profiles

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "kcs"
SHOWN = [
    "precision@1%",
    "precision@5%",
    "recall@5%",
    "revenue@5%",
    "precision@10%",
    "roc_auc",
    "pr_auc",
]


def show(title: str, table: pd.DataFrame) -> None:
    n, pos = int(table["n"].iloc[0]), int(table["positives"].iloc[0])
    print(f"\n== {title}  ({n} controlled declarations, {pos} positive)")
    print(table[SHOWN].to_string(float_format=lambda v: f"{v:.3f}"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("var/reports/targeting"))
    parser.add_argument("--backtest", action="store_true", help="monthly rolling backtest, 2020")
    parser.add_argument("--skip-2020", action="store_true", help="skip the 2020 selection check")
    args = parser.parse_args()
    t0 = time.perf_counter()
    train = read_frame(DATA / "kcs_train_2020.csv")
    valid = read_frame(DATA / "kcs_valid_2021q1.csv")
    print(f"read {len(train)} + {len(valid)} rows in {time.perf_counter() - t0:.1f}s")
    # The rule baseline is the starter profile set shipped with ClearLane, untouched: generic
    # WTO TFA Art. 7.4 criteria, not tuned to KCS.
    rules = load_default_profiles()

    if not args.skip_2020:
        dates = pd.to_datetime(train["declaration_date"])
        early, late = train[dates < "2020-10-01"], train[dates >= "2020-10-01"]
        check = compare(early, late, profiles=rules, ablation=True)
        print("\n#### 2020 selection check: train Jan-Sep 2020, test Oct-Dec 2020")
        for name, table in check.tables.items():
            show(name, table)

    t1 = time.perf_counter()
    result = compare(train, valid, profiles=rules, ablation=True)
    print(f"\n#### KCS validation: train 2020, test 2021-Q1 ({time.perf_counter() - t1:.0f}s)")
    print("engine:", result.engine.model_version, result.engine.summary)
    for name, table in result.tables.items():
        show(name, table)
    table = result.tables["all rows"]
    engine, plain = table.loc["engine"], table.loc["plain LightGBM (default)"]
    for metric in ("precision@5%", "pr_auc"):
        verdict = "BEATS" if engine[metric] > plain[metric] else "DOES NOT BEAT"
        print(f"engine {verdict} plain LightGBM on {metric}:", end=" ")
        print(f"{engine[metric]:.3f} vs {plain[metric]:.3f}")

    bt = None
    if args.backtest:
        bt = backtest(train, min_train_days=150, profiles=rules, progress=print)
        mean = bt.groupby(["scope", "method"])[["precision@5%", "pr_auc"]].mean()
        print("\n#### Monthly backtest on 2020 (mean over windows)")
        print(mean.to_string(float_format=lambda v: f"{v:.3f}"))
    paths = write_report(result, args.out, title="KCS 2021-Q1 targeting", backtest=bt)
    print("\nreport:", *paths)


if __name__ == "__main__":
    main()
