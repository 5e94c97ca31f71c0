"""Issue #11: the few-label KCS slices' calibration, before and after the monotone Platt fix.

Trains on the first three few-label windows of 2020 (``targeting.few_slices``: rows 0, 12,000
and 24,000 of 2020 sorted by date; the fourth starts in October) and tests on Oct-Dec 2020,
so a choice is never made on 2021-Q1. ``--before`` restores the unconstrained Platt fit (a
negative slope is kept) to measure what the fix changes; ``--near-constant`` is the rejected
alternative (slope 1e-6 around the base rate instead of slope 1). Run::

    PYTHONPATH=src python benchmarks/few_calibration.py [--before | --near-constant] [--boot 500]
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from targeting import DATA, few_bootstrap, few_labels, few_slices

import clearlane.risk.engine as engine_module
import clearlane.risk.supervised as supervised
from clearlane.ingest.parse import read_frame
from clearlane.risk.profiles import load_default_profiles


def unconstrained(raw: np.ndarray, y: np.ndarray) -> object:
    """The calibrator before the fix: Platt keeps whatever slope it fits."""
    if y.sum() == 0 or y.sum() == len(y) or y.sum() >= 50:
        return FIXED(raw, y)
    return LogisticRegression(C=1.0).fit(supervised._logit(raw).reshape(-1, 1), y)


FIXED = supervised._calibrator


def near_constant(raw: np.ndarray, y: np.ndarray) -> object:
    """The rejected alternative: a slope <= 0 becomes 1e-6 around the base rate (the
    model's order kept only as a tie-break)."""
    cal = unconstrained(raw, y)
    if isinstance(cal, LogisticRegression) and float(cal.coef_[0, 0]) <= 0.0:
        z, rate = supervised._logit(raw), float(y.mean())
        cal.coef_ = np.array([[1e-6]])
        cal.intercept_ = np.array([np.log(rate / (1 - rate)) - 1e-6 * float(z.mean())])
    return cal


def slopes() -> list[str]:
    """Wrap ``train_engine`` to print every Platt slope the fraud model's calibrator ends with."""
    seen: list[str] = []
    train = engine_module.train_engine

    def wrapped(*args: object, **kwargs: object) -> object:
        engine = train(*args, **kwargs)
        for name in ("fraud", "critical"):
            cal = getattr(getattr(engine, name, None), "calibrator", None)
            kind = type(cal).__name__
            slope = f" slope {float(cal.coef_[0, 0]):+.6f}" if kind == "LogisticRegression" else ""
            seen.append(f"{name}: {kind}{slope}")
            print(f"  calibrator {name}: {kind}{slope}")
        return engine

    import targeting

    targeting.train_engine = wrapped  # type: ignore[assignment]
    return seen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", action="store_true", help="the unconstrained Platt fit")
    parser.add_argument("--boot", type=int, default=500, help="paired bootstrap draws")
    parser.add_argument(
        "--near-constant", action="store_true", help="the rejected slope 1e-6 instead of 1"
    )
    args = parser.parse_args()
    if args.before:
        supervised._calibrator = unconstrained
    if args.near_constant:
        supervised._calibrator = near_constant
    slopes()
    data = read_frame(DATA / "kcs_train_2020.csv")
    late = data[pd.to_datetime(data["declaration_date"]) >= "2020-10-01"]
    rules = load_default_profiles()
    for rows, keep in ((500, None), (800, None), (2000, 100)):
        runs = []
        for part in few_slices(data, rows, keep)[:3]:
            first, last = part["declaration_date"].min(), part["declaration_date"].max()
            title = f"{rows} rows {first:%Y-%m-%d}..{last:%Y-%m-%d} -> Oct-Dec 2020"
            runs.append(few_labels(part, late, rules, title))
        if args.boot > 0:
            print(f"\n== {rows} rows, positives {keep}: engine minus baseline")
            print(few_bootstrap(late, runs, args.boot).to_string())


if __name__ == "__main__":
    main()
