"""Top-5 development harness: where the HS6 top-5 misses of parcel titles are, and A/B of
re-ranker variants, on development folds 1 and 2 only (fold 0 is the benchmark's test fold).

For development fold k the model is fitted on the folds other than 0 and k (as
``benchmarks/hs_calibrate.py``) and tested on fold k's parcel titles with a 6-digit label.
Prints per fold: candidate recall, right heading among the candidates, HS6 top-1, top-5 and
the rank distribution of the true code; ``--diagnose`` also writes every test line's rank to
a CSV and prints misses by chapter. The summary adds the share of lines whose true code is
within the first K (K = 1, 3, 5, 10, 20, all candidates) and top-1 / top-5 by the title's
number of words (the weakest slice: one- and two-word titles).

``--seeds 0,1,2`` refits the re-ranker (LightGBM's bagging seed; the same training matrix,
whose random wrong codes stay seed 0's) once per seed and prints each seed's figures and their
mean: refits alone move top-1 and top-5 by up to about a point on the 910 lines of folds 1-2,
as much as most changes tried, so compare variants on the mean of several seeds.

    PYTHONPATH=src python benchmarks/hs_top5.py [--folds 1,2] [--seeds 0] [--diagnose OUT.csv]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from clearlane.hs.model import HSModel, Index, folds_for, load_pairs, train_ranker, training_matrix
from clearlane.hs.nomenclature import normalise


def run_fold(k: int, pairs: pd.DataFrame, fold: np.ndarray, seeds: list[int]) -> pd.DataFrame:
    cpu = time.process_time()
    index = Index(pairs[(fold != 0) & (fold != k)].reset_index(drop=True))
    x, y, _ = training_matrix(index)
    fit_cpu = time.process_time() - cpu
    test = pairs[(fold == k) & (pairs["source"] == "uk-fpo-parcel-items") & (pairs["hs6"] != "")]
    test = test.reset_index(drop=True)
    parts = []
    for seed in seeds:
        cpu = time.process_time()
        model = HSModel(index, train_ranker(x, y, seed))
        seed_fit_cpu = fit_cpu + time.process_time() - cpu
        parts.append(rank_fold(k, seed, model, test, seed_fit_cpu))
    return pd.concat(parts, ignore_index=True)


def rank_fold(k: int, seed: int, model: HSModel, test: pd.DataFrame, fit_cpu: float
              ) -> pd.DataFrame:  # fmt: skip
    cpu = time.process_time()
    ranked = model.rank(test["description"].tolist())
    rank_cpu = time.process_time() - cpu
    rows = []
    for d, t, r in zip(test["description"], test["hs6"], ranked, strict=True):
        rank = r.codes.index(t) + 1 if t in r.codes else 0
        heads = [c[:4] for c in r.codes]
        rows.append(
            {
                "fold": k,
                "seed": seed,
                "description": d,
                "true": t,
                "rank": rank,
                "n_cands": len(r.codes),
                "head_in": t[:4] in heads,
                "head_rank": heads.index(t[:4]) + 1 if t[:4] in heads else 0,
                "top1": r.codes[0],
                "top5": " ".join(r.codes[:5]),
            }
        )
    out = pd.DataFrame(rows)
    r = out["rank"]
    print(
        f"fold {k} seed {seed}: n={len(out)} recall {np.mean(r > 0):.1%} "
        f"heading {out['head_in'].mean():.1%} "
        f"top1 {np.mean(r == 1):.1%} top3 {np.mean((r > 0) & (r <= 3)):.1%} "
        f"top5 {np.mean((r > 0) & (r <= 5)):.1%} top10 {np.mean((r > 0) & (r <= 10)):.1%} "
        f"rank6-40 {np.mean(r > 5):.1%} absent {np.mean(r == 0):.1%} "
        f"| fit {fit_cpu:.0f} CPU s, rank {len(out) / rank_cpu:.0f}/CPU s",
        flush=True,
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", default="1,2")
    parser.add_argument("--seeds", default="0", help="re-ranker seeds, e.g. 0,1,2")
    parser.add_argument("--diagnose", default="")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    pairs = load_pairs()
    fold = folds_for(pairs, 5)
    ks = [int(k) for k in args.folds.split(",")]
    if 0 in ks:
        raise SystemExit("fold 0 is the benchmark's test fold: use benchmarks/hs.py")
    parts = [run_fold(k, pairs, fold, seeds) for k in ks]
    out = pd.concat(parts, ignore_index=True)
    for seed in seeds:
        r = out.loc[out["seed"] == seed, "rank"]
        print(
            f"seed {seed}, folds {args.folds}: top1 {np.mean(r == 1):.1%} "
            f"top5 {np.mean((r > 0) & (r <= 5)):.1%} recall {np.mean(r > 0):.1%}"
        )
    r = out["rank"]
    print(
        f"mean of {len(seeds)} seed(s): top1 {np.mean(r == 1):.1%} "
        f"top5 {np.mean((r > 0) & (r <= 5)):.1%} recall {np.mean(r > 0):.1%}"
    )
    within = ", ".join(f"{k} {np.mean((r > 0) & (r <= k)):.1%}" for k in (1, 3, 5, 10, 20))
    print(f"true code within the first K: {within}, all candidates {np.mean(r > 0):.1%}")
    words = out["description"].map(lambda d: len(normalise(d).split()))
    for lo, hi, name in ((1, 1, "1 word"), (2, 2, "2 words"), (3, 5, "3-5 words"),
                         (6, 10_000, "6+ words")):  # fmt: skip
        m = (words >= lo) & (words <= hi)
        rm = r[m]
        print(
            f"  {name}: {int(m.sum() / len(seeds))} lines, top1 {np.mean(rm == 1):.1%} "
            f"top5 {np.mean((rm > 0) & (rm <= 5)):.1%} recall {np.mean(rm > 0):.1%}"
        )
    if args.diagnose:
        out.to_csv(args.diagnose, index=False)
        out["ch"] = out["true"].str[:2]
        miss = out.assign(miss=~((r > 0) & (r <= 5)), absent=r == 0, late=r > 5)
        by = miss.groupby("ch")[["miss", "absent", "late"]].agg(["sum"])
        by.columns = ["miss", "absent", "late"]
        by["n"] = miss.groupby("ch").size()
        print(by.sort_values("miss", ascending=False).head(20).to_string())


if __name__ == "__main__":
    main()
