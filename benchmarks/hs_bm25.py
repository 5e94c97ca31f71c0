"""BM25 (clearlane.hs.bm25) as a candidate source and as re-ranker features: A/B on
development folds 1 and 2 only (fold 0 is the benchmark's test fold), as
``benchmarks/hs_top5.py``: for fold k the index is fitted on the folds other than 0 and k,
and fold k's parcel titles with a 6-digit label are ranked. Per fold the index is built once;
each variant sets the switches of ``clearlane.hs.model`` (TOP_BM25, TOP_BM25_NOM,
TOP_BM25_BRANDS, BM25_FEATURES), builds its own out-of-fold training matrix and refits the
re-ranker once per seed. Prints per variant and seed top-1 / top-5 / candidate recall, their
mean over seeds and folds, the one-word slice and ranking speed (descriptions per CPU s).

    PYTHONPATH=src python benchmarks/hs_bm25.py [--variants base,feat,...] [--seeds 0,1]
        [--folds 1,2] [--out ROWS.csv]

``--test`` reads fold 0 instead (index on folds 1-4, as ``benchmarks/hs.py``'s grouped
split): only once, at the end, for variants already chosen or rejected on folds 1-2.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from clearlane.hs import model as hs_model
from clearlane.hs.model import HSModel, Index, folds_for, load_pairs, train_ranker, training_matrix
from clearlane.hs.nomenclature import normalise

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hs_top5 import rank_fold  # noqa: E402  # the same per-line ranks and fold summary

VARIANTS: dict[str, dict[str, int | bool]] = {
    "base": {},
    "feat": {"BM25_FEATURES": True},
    "cand10": {"TOP_BM25": 10},
    "cand20": {"TOP_BM25": 20},
    "nom10": {"TOP_BM25_NOM": 10},
    "brands5": {"TOP_BM25_BRANDS": 5},
    "feat+cand10": {"BM25_FEATURES": True, "TOP_BM25": 10},
    "feat+cand10+nom10": {"BM25_FEATURES": True, "TOP_BM25": 10, "TOP_BM25_NOM": 10},
    "feat+all": {"BM25_FEATURES": True, "TOP_BM25": 10, "TOP_BM25_NOM": 10, "TOP_BM25_BRANDS": 5},
}
_OFF: dict[str, int | bool] = {
    "TOP_BM25": 0,
    "TOP_BM25_NOM": 0,
    "TOP_BM25_BRANDS": 0,
    "BM25_FEATURES": False,
}


def switch(variant: str) -> None:
    for name, value in {**_OFF, **VARIANTS[variant]}.items():
        setattr(hs_model, name, value)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--folds", default="1,2")
    parser.add_argument("--seeds", default="0,1")
    parser.add_argument("--out", default="")
    parser.add_argument("--test", action="store_true", help="fold 0, once, at the end")
    args = parser.parse_args()
    variants = args.variants.split(",")
    seeds = [int(s) for s in args.seeds.split(",")]
    ks = [0] if args.test else [int(k) for k in args.folds.split(",")]
    if 0 in ks and not args.test:
        raise SystemExit("fold 0 is the benchmark's test fold: use benchmarks/hs.py")
    pairs = load_pairs()
    fold = folds_for(pairs, 5)
    parts = []
    for k in ks:
        index = Index(pairs[(fold != 0) & (fold != k)].reset_index(drop=True))
        test = pairs[
            (fold == k) & (pairs["source"] == "uk-fpo-parcel-items") & (pairs["hs6"] != "")
        ].reset_index(drop=True)
        for variant in variants:
            switch(variant)
            cpu = time.process_time()
            x, y, _ = training_matrix(index)
            matrix_cpu = time.process_time() - cpu
            for seed in seeds:
                cpu = time.process_time()
                model = HSModel(index, train_ranker(x, y, seed))
                print(f"[{variant}]", end=" ")
                out = rank_fold(k, seed, model, test, matrix_cpu + time.process_time() - cpu)
                parts.append(out.assign(variant=variant))
    switch("base")
    rows = pd.concat(parts, ignore_index=True)
    if args.out:
        rows.to_csv(args.out, index=False)
    rows["words"] = rows["description"].map(lambda d: len(normalise(d).split()))
    print("\nvariant | seed | top1 | top5 | recall (folds " + args.folds + ")")
    for variant in variants:
        v = rows[rows["variant"] == variant]
        for seed in seeds:
            r = v.loc[v["seed"] == seed, "rank"]
            print(
                f"{variant} | {seed} | {np.mean(r == 1):.1%} | "
                f"{np.mean((r > 0) & (r <= 5)):.1%} | {np.mean(r > 0):.1%}"
            )
        r = v["rank"]
        one = v.loc[v["words"] == 1, "rank"]
        print(
            f"{variant} | mean | {np.mean(r == 1):.1%} | {np.mean((r > 0) & (r <= 5)):.1%} | "
            f"{np.mean(r > 0):.1%} | one word top5 {np.mean((one > 0) & (one <= 5)):.1%} "
            f"recall {np.mean(one > 0):.1%} | candidates {v['n_cands'].mean():.1f}"
        )


if __name__ == "__main__":
    main()
