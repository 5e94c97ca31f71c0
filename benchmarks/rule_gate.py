"""The engine's verdict against its own rule baseline, against the test days (issue #11).

    python benchmarks/rule_gate.py [--seeds 1 2 ... 8] [--held-out 9 ... 16 42]
        [--variants real rulelabels rulesharp shuffled] [--cache DIR]

For each seed and variant: the demo's data (``benchmarks/few_labels.py``: 20,000 generated
declarations, `clearlane train`'s temporal split and training). The out-of-fold blocks the
verdict reads are captured during training; from them the old verdict (the last block alone:
engine PR-AUC >= rules PR-AUC), sessions 29-30's (``_versus_rules`` with the percentile bound)
and the current one (``_versus_rules``: refused when worse with 90 % confidence over every
block, the bound by ``RULE_BASELINE_METHOD``, BCa since session 31) are computed; the truth
is the engine against its rules on the test days (declaration level, PR-AUC), with a 95 %
paired bootstrap to say whether it is clear. Variants (``real`` is the data as generated; the
others make engines worse):

* ``rulelabels``: labels that depend only on the rule score, P(fraud) = 0.04 + 0.9 x rules;
* ``rulesharp``: the same, sharper, P(fraud) = 0.015 + 0.6 x [rules >= 0.25];
* ``shuffled``: the fraud model is fitted and calibrated on permuted labels (a broken model),
  judged (out of fold and on the test days) on the true ones.

Prints per-seed verdicts and the counts of wrong refusals and wrong promotions per seed set.
``--cache`` keeps frames and captures (pickles).
"""

from __future__ import annotations

import argparse
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from few_labels import bootstrap, frame_for, run_seed
from sklearn.metrics import average_precision_score

from clearlane.features import FeatureBuilder
from clearlane.risk import engine as engine_module
from clearlane.risk.profiles import load_default_profiles
from clearlane.risk.supervised import BinaryModel

VARIANTS = ("real", "rulelabels", "rulesharp", "shuffled")


def relabel(frame: pd.DataFrame, seed: int, variant: str) -> pd.DataFrame:
    """Controlled items' labels drawn from the rule score alone (see the module docstring)."""
    known = frame[frame["fraud"].notna()]
    x = FeatureBuilder(empirical_bayes=True).fit(frame).transform(known)
    rows = known.join(x[[c for c in x.columns if c not in known.columns]])
    rules = load_default_profiles().evaluate(rows).score.reindex(known.index).to_numpy(float)
    rules = np.nan_to_num(rules)
    p = 0.04 + 0.9 * rules if variant == "rulelabels" else 0.015 + 0.6 * (rules >= 0.25)
    out = frame.copy()
    draw = np.random.default_rng(1000 + seed).random(len(known))
    out.loc[known.index, "fraud"] = (draw < p).astype(float)
    return out


def capture(frame: pd.DataFrame, shuffled: bool) -> dict[str, Any]:
    """Train as `clearlane train` does; keep the out-of-fold blocks the verdict reads."""
    got: dict[str, Any] = {}
    held_out_blocks = engine_module._held_out_blocks
    crossfit = BinaryModel.fit_crossfit

    def spy(*args: Any, **kwargs: Any) -> Any:
        got["arrays"] = held_out_blocks(*args, **kwargs)
        return got["arrays"]

    def broken(self: BinaryModel, x: pd.DataFrame, y: np.ndarray, block: np.ndarray) -> Any:
        if self.target == "fraud":
            y = np.random.default_rng(7).permutation(np.asarray(y))
        return crossfit(self, x, y, block)

    engine_module._held_out_blocks = spy  # type: ignore[assignment]
    if shuffled:
        BinaryModel.fit_crossfit = broken  # type: ignore[method-assign]
    try:
        run = run_seed(frame)
    finally:
        engine_module._held_out_blocks = held_out_blocks
        BinaryModel.fit_crossfit = crossfit  # type: ignore[method-assign]
    fused, rules, y, blocks = got["arrays"]
    return {
        "fused": fused,
        "rules": rules,
        "y": y,
        "blocks": blocks,
        "kind": run["kind"],
        "test": run["metrics"],
        "test_y": run["y"],
        "test_scores": {k: run["scores"][k] for k in ("engine", "rule baseline")},
    }


def verdicts(cap: dict[str, Any]) -> dict[str, Any]:
    e, y, b = cap["fused"], cap["y"].astype(int), cap["blocks"]
    r = np.nan_to_num(cap["rules"])
    last = b == b.max()
    new = engine_module._versus_rules(e, cap["rules"], y, b)
    # Sessions 29-30's bound (session 31 moved the gate to BCa): the same draws, read as a
    # percentile.
    percentile = new["bounds"]["percentile"]
    ours = cap["test"]["engine"]["pr_auc"]
    theirs = cap["test"]["rule baseline"]["pr_auc"]
    run = {"y": cap["test_y"], "scores": cap["test_scores"]}
    lo, hi = bootstrap([run], "engine", "rule baseline", "pr_auc", 2000)
    return {
        "kind": cap["kind"],
        "old": bool(
            average_precision_score(y[last], e[last]) >= average_precision_score(y[last], r[last])
        ),
        "percentile": not percentile < 0.0,
        "new": new["beats"],
        "oof_diff": new["pr_auc_difference"],
        "upper_percentile": percentile,
        "upper90": new["pr_auc_difference_upper"],
        "test_engine": ours,
        "test_rules": theirs,
        "truth": ours >= theirs,
        "clear": "better" if lo > 0 else ("worse" if hi < 0 else "unclear"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=list(range(1, 9)))
    parser.add_argument("--held-out", type=int, nargs="*", default=[*range(9, 17), 42])
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    parser.add_argument("--declarations", type=int, default=20_000)
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    rows = []
    for variant in args.variants:
        for seed in [*args.seeds, *args.held_out]:
            path = args.cache / "cap" / f"{variant}-{seed}.pkl" if args.cache else None
            if path is not None and path.exists():
                cap = pickle.loads(path.read_bytes())
            else:
                frame = frame_for(seed, args.declarations, args.cache)
                if variant in ("rulelabels", "rulesharp"):
                    frame = relabel(frame, seed, variant)
                cap = capture(frame, shuffled=variant == "shuffled")
                if path is not None:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(pickle.dumps(cap))
            part = "design" if seed in args.seeds else "held out"
            rows.append({"variant": variant, "seed": seed, "set": part, **verdicts(cap)})
    table = pd.DataFrame(rows)
    print(
        "| variant | seed | set | model | OOF diff (upper 90 %: percentile / current) | old "
        "| percentile | current | test days engine / rules | truth |"
    )
    print("| --- | ---: | --- | --- | ---: | --- | --- | --- | ---: | --- |")
    for r in table.itertuples():
        old, pct, new = ("promote" if v else "refuse" for v in (r.old, r.percentile, r.new))
        truth = "better" if r.truth else "worse"
        print(
            f"| {r.variant} | {r.seed} | {r.set} | {r.kind} | {r.oof_diff:+.3f} "
            f"({r.upper_percentile:+.3f} / {r.upper90:+.3f}) | {old} | {pct} | {new} "
            f"| {r.test_engine:.3f} / {r.test_rules:.3f} | {truth} ({r.clear}) |"
        )
    print("\n| set | cases (truly better / worse) | verdict | wrong refusals | wrong promotions |")
    print("| --- | --- | --- | ---: | ---: |")
    for part, group in table.groupby("set", sort=False):
        for name in ("old", "percentile", "new"):
            wrong_refusals = int(((group[name] == False) & group.truth).sum())  # noqa: E712
            wrong_promotions = int(((group[name] == True) & ~group.truth).sum())  # noqa: E712
            better = int(group.truth.sum())
            print(
                f"| {part} | {len(group)} ({better} / {len(group) - better}) | "
                f"{name} | {wrong_refusals} | {wrong_promotions} |"
            )


if __name__ == "__main__":
    main()
