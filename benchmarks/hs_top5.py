"""Top-5 development harness: where the HS6 top-5 misses of parcel titles are, and A/B of
re-ranker variants, on development folds 1 and 2 only (fold 0 is the benchmark's test fold).

For development fold k the model is fitted on the folds other than 0 and k (as
``benchmarks/hs_calibrate.py``) and tested on fold k's parcel titles with a 6-digit label.
Prints per fold: candidate recall, right heading among the candidates, HS6 top-1, top-5 and
the rank distribution of the true code; ``--diagnose`` also writes every test line's rank to
a CSV and prints misses by chapter.

    PYTHONPATH=src python benchmarks/hs_top5.py [--folds 1,2] [--diagnose OUT.csv]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from clearlane.hs.model import fit, folds_for, load_pairs


def run_fold(k: int, pairs: pd.DataFrame, fold: np.ndarray) -> pd.DataFrame:
    cpu = time.process_time()
    model = fit(pairs[(fold != 0) & (fold != k)].reset_index(drop=True))
    fit_cpu = time.process_time() - cpu
    test = pairs[(fold == k) & (pairs["source"] == "uk-fpo-parcel-items") & (pairs["hs6"] != "")]
    test = test.reset_index(drop=True)
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
        f"fold {k}: n={len(out)} recall {np.mean(r > 0):.1%} heading {out['head_in'].mean():.1%} "
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
    parser.add_argument("--diagnose", default="")
    args = parser.parse_args()
    pairs = load_pairs()
    fold = folds_for(pairs, 5)
    ks = [int(k) for k in args.folds.split(",")]
    if 0 in ks:
        raise SystemExit("fold 0 is the benchmark's test fold: use benchmarks/hs.py")
    parts = [run_fold(k, pairs, fold) for k in ks]
    out = pd.concat(parts, ignore_index=True)
    r = out["rank"]
    print(
        f"mean: top1 {np.mean(r == 1):.1%} top5 {np.mean((r > 0) & (r <= 5)):.1%} "
        f"recall {np.mean(r > 0):.1%}"
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
