"""Precision at the capacity an office inspects, engine vs logistic regression vs rules, few
labels (issue #11).

    python benchmarks/capacity.py [--seeds 42 1 2 3] [--declarations 20000] [--kcs]
        [--store] [--cache DIR] [--boot 2000]

Customs inspects a few percent of declarations, so precision at that capacity is the figure
officers feel. For each generated seed (``clearlane generate``'s data set, 20,000 declarations
as in the demo; seed 42 is the demo's data set) the engine is trained as `clearlane train`
trains it on the first 80 % of days (``benchmarks/few_labels.py``'s ``run_seed``: no document
or HS facts) and measured on the rest; with ``--store`` also the demo store's own temporal
split (the store of ``CLEARLANE_DATA_DIR`` after `clearlane demo`: its history without the
scored day, with the history's facts, trained and compared as the demo does); with ``--kcs``
also the four 2,000-row KCS slices of 2020 (``benchmarks/targeting.py``'s few-label slices)
trained alone and measured on 2021-Q1.

Declaration level (max over items), precision@1/2/5/10 % of the engine, logistic regression
and the rule baseline, and the paired difference engine minus each baseline with a 95 %
**day bootstrap**: whole held-out days are drawn with replacement (the same days for both
scores), the top k % taken of the resampled declarations, ties at the cut broken at random.
Then the mean over the generated seeds with the same bootstrap (days drawn within each seed).
"""

from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from clearlane.features import FeatureBuilder
from clearlane.ingest.parse import read_frame
from clearlane.learn.evaluate import declaration_level
from clearlane.risk import train_engine
from clearlane.risk.profiles import load_default_profiles
from clearlane.risk.supervised import LogisticComparator
from clearlane.workflows import temporal_split

KS = (0.01, 0.02, 0.05, 0.10)
METHODS = ("engine", "logistic regression", "rule baseline")
KCS = Path(__file__).resolve().parents[2] / "shared" / "data" / "kcs"


def precision_at(y: np.ndarray, s: np.ndarray, k: float) -> float:
    n = max(1, int(round(len(s) * k)))
    return float(y[np.argsort(-s, kind="stable")[:n]].mean())


def days_of(frame: pd.DataFrame, refs: pd.Index) -> np.ndarray:
    ref = frame["reference"] if "reference" in frame else pd.Series(frame.index, index=frame.index)
    day = pd.to_datetime(frame["declaration_date"]).dt.normalize()
    by_ref = day.groupby(ref.astype(str)).first()
    return by_ref.reindex(refs.astype(str)).to_numpy()


def run(test: pd.DataFrame, scores: dict[str, pd.Series]) -> dict:
    decl = {m: declaration_level(test, scores[m].astype(float)) for m in METHODS}
    first = decl["engine"]
    return {
        "y": first["y"].to_numpy(dtype=int),
        "day": days_of(test, first.index),
        "scores": {
            m: np.nan_to_num(d["score"].to_numpy(dtype=float), nan=-1e9) for m, d in decl.items()
        },
    }


def generated(seed: int, declarations: int, cache: Path | None) -> dict:
    import few_labels  # benchmarks/few_labels.py, beside this file

    frame = few_labels.frame_for(seed, declarations, cache)
    got = few_labels.run_seed(frame)
    _, test = temporal_split(frame, 0.2)
    # run_seed's declaration-level scores, in declaration_level's order
    idx = declaration_level(test, pd.Series(0.0, index=test.index)).index
    out = {
        "y": np.asarray(got["y"], dtype=int),
        "day": days_of(test, idx),
        "scores": {m: np.nan_to_num(got["scores"][m], nan=-1e9) for m in METHODS},
        "train_positives": got["train_positives"],
        "kind": got["kind"],
    }
    return out


def demo_store() -> dict:
    """The demo's training step again on the store (``clearlane.demo.run_demo`` step 4)."""
    from clearlane.demo import history_and_last_day
    from clearlane.features.facts import batch_facts
    from clearlane.learn import compare
    from clearlane.risk.profile_store import active_profiles
    from clearlane.store.frames import load_items_frame
    from clearlane.store.session import open_store

    sessions = open_store()
    profiles = active_profiles(session_factory=sessions)
    history, _, _ = history_and_last_day(load_items_frame(session_factory=sessions))
    history, _ = batch_facts(history, sessions, as_assessed=True)
    train, test = temporal_split(history, 0.2)
    result = compare(train, test, profiles=profiles, seed=0, explanations=False)
    print(result.tables["all rows"][["precision@5%", "roc_auc", "pr_auc"]].round(3).to_string())
    print()
    got = run(test, result.scores)
    got["train_positives"] = int((pd.to_numeric(train["fraud"], errors="coerce") == 1).sum())
    got["kind"] = result.engine.summary.get("model_kind", "none")
    return got


def kcs_slices() -> list[tuple[str, dict]]:
    rules = load_default_profiles()
    train = read_frame(KCS / "kcs_train_2020.csv")
    valid = read_frame(KCS / "kcs_valid_2021q1.csv")
    ordered = train.sort_values("declaration_date", kind="stable")
    out = []
    for start in (0, 12_000, 24_000, 34_000):
        part = ordered.iloc[start : start + 2000]
        span = f"{part['declaration_date'].min():%Y-%m-%d}..{part['declaration_date'].max():%m-%d}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            engine = train_engine(part, profiles=rules)
        items = engine.score_items(valid, profiles=rules)
        builder = FeatureBuilder()
        x_train = builder.fit_transform_point_in_time(part)
        known = pd.to_numeric(part["fraud"], errors="coerce").dropna()
        logistic = (
            LogisticComparator()
            .fit_features(x_train.loc[known.index], known)
            .score_features(builder.transform(valid))
        )
        scores = {
            "engine": items["score"],
            "logistic regression": logistic,
            "rule baseline": items["rules"],
        }
        got = run(valid, scores)
        got["train_positives"] = int(known.sum())
        got["kind"] = engine.summary.get("model_kind", "none")
        out.append((f"KCS {span}", got))
    return out


def boot_diffs(runs: list[dict], other: str, reps: int, seed: int = 0) -> np.ndarray:
    """reps x len(KS) draws of the mean over ``runs`` of p@k(engine) - p@k(other), days drawn
    with replacement within each run, ties at the cut broken at random."""
    rng = np.random.default_rng(seed)
    total = np.zeros((reps, len(KS)))
    for r in runs:
        days = np.unique(r["day"])
        members = [np.flatnonzero(r["day"] == d) for d in days]
        y, a, b = r["y"], r["scores"]["engine"], r["scores"][other]
        for i in range(reps):
            pick = rng.integers(0, len(days), len(days))
            idx = rng.permutation(np.concatenate([members[j] for j in pick]))
            for j, k in enumerate(KS):
                total[i, j] += precision_at(y[idx], a[idx], k) - precision_at(y[idx], b[idx], k)
    return total / len(runs)


def point(r: dict, method: str) -> list[float]:
    return [precision_at(r["y"], r["scores"][method], k) for k in KS]


def table(title: str, runs: list[dict], reps: int) -> None:
    n = [len(r["y"]) for r in runs]
    pos = [int(r["y"].sum()) for r in runs]
    print(
        f"### {title}: {sum(n)} held-out controlled declarations, {sum(pos)} non-compliant, "
        f"{sum(len(np.unique(r['day'])) for r in runs)} days; cut sizes "
        + ", ".join(f"{k:.0%}: {max(1, round(n[0] * k))}" for k in KS)
        + (" (first run)" if len(runs) > 1 else "")
        + "\n"
    )
    heads = [f"p@{k:.0%}" for k in KS]
    print("| method | " + " | ".join(heads) + " |")
    print("| --- |" + " ---: |" * len(KS))
    for m in METHODS:
        v = np.mean([point(r, m) for r in runs], axis=0)
        print(f"| {m} | " + " | ".join(f"{x:.3f}" for x in v) + " |")
    for other in METHODS[1:]:
        d = np.mean([np.subtract(point(r, "engine"), point(r, other)) for r in runs], axis=0)
        draws = boot_diffs(runs, other, reps)
        lo, hi = np.quantile(draws, [0.025, 0.975], axis=0)
        cells = [f"{d[j]:+.3f} [{lo[j]:+.3f}, {hi[j]:+.3f}]" for j in range(len(KS))]
        print(f"| engine − {other} | " + " | ".join(cells) + " |")
    print(flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="*", default=[42, 1, 2, 3])
    parser.add_argument("--declarations", type=int, default=20_000)
    parser.add_argument("--kcs", action="store_true", help="also the 2,000-row KCS slices")
    parser.add_argument("--store", action="store_true", help="also the demo store's split")
    parser.add_argument("--cache", type=Path, help="keep each seed's frame here (pickle)")
    parser.add_argument("--boot", type=int, default=2000, help="bootstrap replications")
    args = parser.parse_args()
    runs: dict[str, dict] = {}
    if args.store:
        got = demo_store()
        table(
            f"the demo store's temporal split ({got['train_positives']} training positive "
            f"items, model {got['kind']})",
            [got],
            args.boot,
        )
    for seed in args.seeds:
        started = time.perf_counter()
        runs[f"seed {seed}"] = got = generated(seed, args.declarations, args.cache)
        table(
            f"generated seed {seed} ({got['train_positives']} training positives, "
            f"model {got['kind']}; {time.perf_counter() - started:.0f} s)",
            [got],
            args.boot,
        )
    if len(args.seeds) > 1:
        table(
            f"generated, mean over seeds {', '.join(map(str, args.seeds))}",
            [runs[f"seed {s}"] for s in args.seeds],
            args.boot,
        )
    if args.kcs:
        slices = kcs_slices()
        for name, got in slices:
            table(
                f"{name} -> 2021-Q1 ({got['train_positives']} training positives, "
                f"model {got['kind']})",
                [got],
                args.boot,
            )
        table("KCS slices, mean of 4", [g for _, g in slices], args.boot)


if __name__ == "__main__":
    main()
