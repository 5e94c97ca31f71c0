"""Candidate recall of parcel titles, and the top-1 / top-5 it buys, on development folds only
(twelfth pass of docs/hs.md). Fold 0 is the benchmark's test fold: refused here.

For development fold k the index is fitted on the folds other than 0 and k (as
``benchmarks/hs_top5.py``) and fold k's parcel titles with a 6-digit label are the test
lines. ``--recall-only`` prints, per variant, the candidate recall (the true code among the
candidates the re-ranker gets), the true heading among them and the candidates a title, with
no re-ranker fitted (seconds a fold). Without it each variant gets its own out-of-fold
training matrix, the re-ranker is refitted with each of ``--seeds`` and the test lines are
ranked: recall, top-1 and top-5 per fold and seed, their means, and the weakest slices
(two-word titles, chapter 61).

Variants are candidate sources added to the shipped ones (``clearlane.hs.model``'s
``CANDIDATE_EXTRAS``) and, with ``+src``, two source columns for the re-ranker (whether the
code came from the shipped sources; how many of the 20 nearest labelled descriptions carry
it).

    PYTHONPATH=src python benchmarks/hs_recall.py --folds 1,2 --variants base,knn20 \\
        [--seeds 0,1,2] [--recall-only] [--out RANKS.csv]
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
import pandas as pd

from clearlane.hs import model as hs_model
from clearlane.hs.model import HSModel, Index, folds_for, load_pairs, train_ranker, training_matrix
from clearlane.hs.nomenclature import normalise

VARIANTS: dict[str, tuple[tuple[str, ...], bool]] = {
    "base": ((), False),
    "knn20": (("knn:20",), False),
    "knn50": (("knn:50",), False),
    "eknn20": (("eknn:20",), False),
    "eknn50": (("eknn:50",), False),
    "sibknn10": (("sibknn:10",), False),
    "sib5": (("sib:5",), False),
    "sib10": (("sib:10",), False),
    "chap8": (("chap:8:3",), False),
    "chap15": (("chap:15:2",), False),
    "top80": (("top:80",), False),
    "top120": (("top:120",), False),
}


def variant(name: str) -> tuple[tuple[str, ...], bool]:
    """A name from VARIANTS, or sources joined by '+' ('knn:20+eknn:20'), '+src' for the
    source columns."""
    if name in VARIANTS:
        return VARIANTS[name]
    parts = name.split("+")
    src = "src" in parts
    specs: list[str] = []
    for p in parts:
        if p == "src":
            continue
        specs.extend(VARIANTS[p][0] if p in VARIANTS else (p,))
    return tuple(specs), src


def test_lines(pairs: pd.DataFrame, fold: np.ndarray, k: int) -> pd.DataFrame:
    test = pairs[(fold == k) & (pairs["source"] == "uk-fpo-parcel-items") & (pairs["hs6"] != "")]
    return test.reset_index(drop=True)


def recall_only(index: Index, test: pd.DataFrame, k: int, names: list[str]) -> None:
    subs = index.nom.subheadings
    texts = test["text"].tolist()
    true = test["hs6"].to_numpy()
    words = np.array([len(normalise(d).split()) for d in test["description"]])
    ch61 = np.array([t[:2] == "61" for t in true])
    for name in names:
        hs_model.CANDIDATE_EXTRAS, hs_model.SOURCE_COLUMNS = variant(name)
        cpu = time.process_time()
        cands, _ = index.features(texts)
        cpu = time.process_time() - cpu
        codes = [{subs[j] for j in c} for c in cands]
        hit = np.array([t in c for t, c in zip(true, codes, strict=True)])
        head = np.array([any(x[:4] == t[:4] for x in c) for t, c in zip(true, codes, strict=True)])
        n = np.mean([len(c) for c in cands])
        print(
            f"fold {k} {name:>28}: recall {hit.mean():.1%} heading {head.mean():.1%} "
            f"cands {n:.1f} | 2 words {hit[words == 2].mean():.1%} ch61 {hit[ch61].mean():.1%} "
            f"| {len(texts) / cpu:.0f}/CPU s",
            flush=True,
        )
    hs_model.CANDIDATE_EXTRAS, hs_model.SOURCE_COLUMNS = (), False


def full(index: Index, test: pd.DataFrame, k: int, name: str, seeds: list[int]) -> pd.DataFrame:
    hs_model.CANDIDATE_EXTRAS, hs_model.SOURCE_COLUMNS = variant(name)
    try:
        cpu = time.process_time()
        x, y, _ = training_matrix(index)
        fit_cpu = time.process_time() - cpu
        rows = []
        for seed in seeds:
            model = HSModel(index, train_ranker(x, y, seed))
            cpu = time.process_time()
            ranked = model.rank(test["description"].tolist())
            rate = len(test) / (time.process_time() - cpu)
            for d, t, r in zip(test["description"], test["hs6"], ranked, strict=True):
                rank = r.codes.index(t) + 1 if t in r.codes else 0
                rows.append({"variant": name, "fold": k, "seed": seed, "description": d,
                             "true": t, "rank": rank, "n_cands": len(r.codes)})  # fmt: skip
            part = pd.DataFrame(rows[-len(test) :])
            r = part["rank"]
            print(
                f"fold {k} seed {seed} {name}: recall {np.mean(r > 0):.1%} "
                f"top1 {np.mean(r == 1):.1%} top5 {np.mean((r > 0) & (r <= 5)):.1%} "
                f"cands {part['n_cands'].mean():.1f} | matrix {fit_cpu:.0f} CPU s, "
                f"rank {rate:.0f}/CPU s",
                flush=True,
            )
        return pd.DataFrame(rows)
    finally:
        hs_model.CANDIDATE_EXTRAS, hs_model.SOURCE_COLUMNS = (), False


def summary(out: pd.DataFrame) -> None:
    out = out.assign(
        words=out["description"].map(lambda d: len(normalise(d).split())),
        ch61=out["true"].str[:2] == "61",
        top1=out["rank"] == 1,
        top5=(out["rank"] > 0) & (out["rank"] <= 5),
        recall=out["rank"] > 0,
    )
    for name, g in out.groupby("variant", sort=False):
        per_seed = g.groupby("seed")[["top1", "top5"]].mean()
        two = g[g["words"] == 2]
        c61 = g[g["ch61"]]
        print(
            f"{name}: folds {sorted(g['fold'].unique())} recall {g['recall'].mean():.1%} "
            f"top1 {g['top1'].mean():.1%} top5 {g['top5'].mean():.1%} "
            f"(seeds top5 {' / '.join(f'{v:.1%}' for v in per_seed['top5'])}) | "
            f"2 words top5 {two['top5'].mean():.1%} recall {two['recall'].mean():.1%} | "
            f"ch61 top5 {c61['top5'].mean():.1%} recall {c61['recall'].mean():.1%}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", default="1,2")
    parser.add_argument("--variants", default="base")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--recall-only", action="store_true")
    parser.add_argument("--out", default="")
    args = parser.parse_args()
    ks = [int(k) for k in args.folds.split(",")]
    if 0 in ks:
        raise SystemExit("fold 0 is the benchmark's test fold: use benchmarks/hs.py")
    names = args.variants.split(",")
    seeds = [int(s) for s in args.seeds.split(",")]
    pairs = load_pairs()
    fold = folds_for(pairs, 5)
    parts = []
    for k in ks:
        index = Index(pairs[(fold != 0) & (fold != k)].reset_index(drop=True))
        test = test_lines(pairs, fold, k)
        if args.recall_only:
            recall_only(index, test, k, names)
            continue
        for name in names:
            parts.append(full(index, test, k, name, seeds))
            if args.out:  # after each variant, so that a stopped run keeps what it measured
                pd.concat(parts, ignore_index=True).to_csv(args.out, index=False)
    if parts:
        out = pd.concat(parts, ignore_index=True)
        summary(out)
        if args.out:
            out.to_csv(args.out, index=False)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
