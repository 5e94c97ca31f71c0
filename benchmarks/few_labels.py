"""The engine with few labels, over several generated seeds (issue #11).

    python benchmarks/few_labels.py [--seeds 1 2 3 4 5 6 7 8] [--apart 5 42]
        [--declarations 20000] [--cache DIR] [--boot 2000]

For each seed: `clearlane generate`'s data set (``generate_dataset``, 20,000 declarations as
in the demo), the temporal split of `clearlane train` (first 80 % of days), the engine trained
as `clearlane train` trains it (``workflows._fit``, default profiles, seed 0; no document or
HS facts), and on the held-out controlled declarations (declaration level: max over items)
PR-AUC, ROC-AUC and precision@5 % of

* the engine (the fused score), logistic regression (the comparison's baseline, the same
  features without empirical-Bayes priors) and the rule baseline (the default profiles);
* the engine's parts: its model alone (calibrated probability), rules alone, anomaly alone
  (max of isolation forest and price check), the stack without the noisy-OR floor (only when
  the engine learned stacking weights: since session 28 not with few labels).

Prints a Markdown table per seed, then pooled over ``--seeds``: the mean, the per-seed sign
count of engine minus each baseline, and a paired bootstrap of the mean difference
(declarations resampled within each seed, positives and negatives apart). ``--apart`` seeds
are reported on their own, not pooled. ``--cache`` keeps each seed's frame (pickle).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from clearlane.generate import generate_dataset
from clearlane.ingest.parse import read_frame
from clearlane.learn.evaluate import _baseline_builder, declaration_level, targeting_metrics
from clearlane.risk.profiles import load_default_profiles
from clearlane.risk.supervised import LogisticComparator, check_labels
from clearlane.workflows import _fit, temporal_split

METRICS = ("pr_auc", "roc_auc", "precision@5%")
METHODS = (
    "engine",
    "logistic regression",
    "rule baseline",
    "model alone",
    "rules alone",
    "anomaly alone",
    "stack, no floor",
)
VERSUS = ("logistic regression", "rule baseline")


def frame_for(seed: int, declarations: int, cache: Path | None) -> pd.DataFrame:
    path = cache / f"few-labels-{declarations}-{seed}.pkl" if cache else None
    if path is not None and path.exists():
        return pd.read_pickle(path)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        generate_dataset(declarations=declarations, seed=seed, out_dir=out)
        frame = read_frame(out / "declarations.jsonl", controls=out / "controls.jsonl")
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        frame.to_pickle(path)
    return frame


def run_seed(frame: pd.DataFrame) -> dict[str, object]:
    """Declaration-level labels and scores of every method on one seed's held-out days."""
    profiles = load_default_profiles()
    train, test = temporal_split(frame, 0.2)
    engine = _fit(train, profiles, {"seed": 0})
    items = engine.score_items(test, profiles=profiles)
    scores: dict[str, pd.Series] = {"engine": items["score"]}
    builder = _baseline_builder(engine, train)
    x_train = builder.transform(train) if builder is not None else None
    if x_train is None:
        raise SystemExit("the baseline builder could not be shared; fit one")
    x_test = builder.transform(test)  # type: ignore[union-attr]
    known = check_labels(train["fraud"])
    scores["logistic regression"] = (
        LogisticComparator(seed=0)
        .fit_features(x_train.loc[known.index], known)
        .score_features(x_test)
    )
    with_features = test.join(x_test[[c for c in x_test.columns if c not in test.columns]])
    scores["rule baseline"] = profiles.evaluate(with_features).score.reindex(test.index)
    scores["model alone"] = items["model"]
    scores["rules alone"] = items["rules"]
    scores["anomaly alone"] = items["anomaly"]
    if engine.fusion.fitted:
        stacked = engine.fusion.stacked({c: items[c].to_numpy() for c in items.columns})
        scores["stack, no floor"] = pd.Series(stacked, index=items.index)
    decl = {name: declaration_level(test, s.astype(float)) for name, s in scores.items()}
    y = next(iter(decl.values()))["y"].to_numpy()
    return {
        "y": y,
        "scores": {name: d["score"].to_numpy() for name, d in decl.items()},
        "metrics": {
            name: targeting_metrics(d["y"].to_numpy(), d["score"].to_numpy(), d["rev"].to_numpy())
            for name, d in decl.items()
        },
        "kind": engine.fraud.kind if engine.fraud is not None else "none",
        "train_positives": int(known.sum()),
        "gate": engine.summary.get("rule_baseline", {}),
        "weights": engine.fusion.weights(),
    }


def _auc(y: np.ndarray, s: np.ndarray) -> float:
    from scipy.stats import rankdata

    r = rankdata(s)
    n1 = y.sum()
    n0 = len(y) - n1
    return float((r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def _ap(y: np.ndarray, s: np.ndarray) -> float:
    """Average precision as sklearn computes it (ties share one threshold)."""
    order = np.argsort(-s, kind="mergesort")
    s, y = s[order], y[order]
    last = np.r_[np.flatnonzero(np.diff(s)), len(s) - 1]
    tps = np.cumsum(y)[last]
    fps = (last + 1) - tps
    precision = tps / (tps + fps)
    recall = tps / y.sum()
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))


def _p5(y: np.ndarray, s: np.ndarray) -> float:
    from clearlane.learn.evaluate import _top

    return float(y[_top(s, 0.05)].mean())


FAST = {"pr_auc": _ap, "roc_auc": _auc, "precision@5%": _p5}


def bootstrap(runs: list[dict], a: str, b: str, metric: str, reps: int) -> tuple[float, float]:
    """95 % interval of the mean over seeds of metric(a) - metric(b), declarations resampled
    within each seed (positives and negatives apart)."""
    rng = np.random.default_rng(0)
    fn = FAST[metric]
    means = np.zeros(reps)
    for run in runs:
        y = np.asarray(run["y"], dtype=int)
        sa = np.nan_to_num(np.asarray(run["scores"][a], float), nan=-1e9)
        sb = np.nan_to_num(np.asarray(run["scores"][b], float), nan=-1e9)
        pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
        for i in range(reps):
            # Shuffled: precision@5 % breaks ties at the cut by position.
            idx = rng.permutation(np.r_[rng.choice(pos, len(pos)), rng.choice(neg, len(neg))])
            means[i] += fn(y[idx], sa[idx]) - fn(y[idx], sb[idx])
    means /= len(runs)
    lo, hi = np.quantile(means, [0.025, 0.975])
    return float(lo), float(hi)


def seed_table(seed: int, run: dict) -> None:
    m = run["metrics"]
    first = next(iter(m.values()))
    gate = run["gate"]
    print(
        f"### seed {seed}: {int(first['n'])} held-out controlled declarations, "
        f"{int(first['positives'])} non-compliant; training positives {run['train_positives']}, "
        f"model {run['kind']}; gate (mean over OOF blocks) engine PR-AUC "
        f"{gate.get('engine_pr_auc', float('nan')):.3f} / ROC-AUC "
        f"{gate.get('engine_roc_auc', float('nan')):.3f} vs rules "
        f"{gate.get('rules_pr_auc', float('nan')):.3f} / "
        f"{gate.get('rules_roc_auc', float('nan')):.3f}, beats={gate.get('beats')}\n"
    )
    print("| method | " + " | ".join(METRICS) + " |")
    print("| --- |" + " ---: |" * len(METRICS))
    for name in METHODS:
        if name in m:
            print(f"| {name} | " + " | ".join(f"{m[name][k]:.3f}" for k in METRICS) + " |")
    weights = ", ".join(f"{k} {v:.2f}" for k, v in run["weights"].items())
    print(f"\nfusion weights: {weights}\n")


def pooled_table(runs: dict[int, dict], reps: int) -> None:
    seeds = sorted(runs)
    rows = list(runs.values())
    print(f"### pooled over seeds {', '.join(map(str, seeds))}: mean (min-max)\n")
    print("| method | " + " | ".join(METRICS) + " |")
    print("| --- |" + " ---: |" * len(METRICS))
    for name in METHODS:
        if not all(name in r["metrics"] for r in rows):
            continue
        cells = []
        for k in METRICS:
            v = np.array([r["metrics"][name][k] for r in rows])
            cells.append(f"{v.mean():.3f} ({v.min():.3f}-{v.max():.3f})")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(
        "\n### engine minus baseline, pooled: mean difference [95 % paired bootstrap], "
        "seeds where the engine is ahead / tied / behind\n"
    )
    print("| versus | " + " | ".join(METRICS) + " |")
    print("| --- |" + " ---: |" * len(METRICS))
    for other in (*VERSUS, "model alone", "stack, no floor"):
        if not all(other in r["metrics"] for r in rows):
            continue
        cells = []
        for k in METRICS:
            d = np.array([r["metrics"]["engine"][k] - r["metrics"][other][k] for r in rows])
            lo, hi = bootstrap(rows, "engine", other, k, reps)
            ahead, tied = int((d > 1e-12).sum()), int((np.abs(d) <= 1e-12).sum())
            cells.append(
                f"{d.mean():+.3f} [{lo:+.3f}, {hi:+.3f}] {ahead}/{tied}/{len(d) - ahead - tied}"
            )
        print(f"| {other} | " + " | ".join(cells) + " |")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=list(range(1, 9)))
    parser.add_argument("--apart", type=int, nargs="*", default=[5, 42])
    parser.add_argument("--declarations", type=int, default=20_000)
    parser.add_argument("--cache", type=Path, help="keep each seed's frame here (pickle)")
    parser.add_argument("--boot", type=int, default=2000, help="bootstrap replications")
    args = parser.parse_args()
    runs: dict[int, dict] = {}
    for seed in dict.fromkeys([*args.seeds, *args.apart]):
        started, cpu = time.perf_counter(), time.process_time()
        frame = frame_for(seed, args.declarations, args.cache)
        runs[seed] = run_seed(frame)
        seed_table(seed, runs[seed])
        print(
            f"(seed {seed}: {time.perf_counter() - started:.0f} s wall, "
            f"{time.process_time() - cpu:.0f} s CPU)\n",
            flush=True,
        )
    pooled_table({s: runs[s] for s in args.seeds}, args.boot)
    if args.apart:
        print(f"### apart (not pooled): seeds {', '.join(map(str, args.apart))}\n")
        print("| seed | method | " + " | ".join(METRICS) + " |")
        print("| --- | --- |" + " ---: |" * len(METRICS))
        for seed in args.apart:
            for name in ("engine", *VERSUS):
                m = runs[seed]["metrics"][name]
                print(f"| {seed} | {name} | " + " | ".join(f"{m[k]:.3f}" for k in METRICS) + " |")
        print()


if __name__ == "__main__":
    main()
