"""A separate top-5 filler for ranks 4-5 of parcel titles, on development folds only
(thirteenth pass of docs/hs.md). Fold 0 is the benchmark's test fold: refused here.

For development fold k the index is fitted on the folds other than 0 and k (as
``benchmarks/hs_top5.py``), the shipped re-ranker recipe is refitted with each of
``--seeds`` and fold k's parcel titles with a 6-digit label are ranked once per seed. Each
filler (``clearlane.hs.model.fill_order``) is then applied to those same rankings, so a
variant and ``base`` differ by the filler alone, not by refit noise. ``lr`` is a logistic
model over shipped ranks 4-20 cross-fitted across the folds run (fitted on the other folds'
titles of the same seed, applied to fold k), so it needs two folds or more.

Prints per variant top-1 / top-5 per fold (mean over seeds), per pair of folds, the change
against ``base`` and whether ranks 1-3 are those of ``base`` on every line; the weakest
slices (two-word titles, chapter 61). ``--time SPEC`` also times ``HSModel.rank`` with
``FILL`` off and set to SPEC, alternated (``--pairs`` pairs, first fold and seed), and checks
that the integrated filler gives the ranks computed here.

    PYTHONPATH=src python benchmarks/hs_fill.py --folds 1,2,3,4 [--seeds 0,1] \\
        [--variants knn:20,eknn:20:score,...] [--save RUNS.pkl | --load RUNS.pkl] [--time knn:20]
"""

from __future__ import annotations

import argparse
import os
import pickle
import time

import numpy as np
import pandas as pd

from clearlane.hs import model as hs_model
from clearlane.hs.model import (
    HSModel,
    Index,
    fill_order,
    folds_for,
    load_pairs,
    train_ranker,
    training_matrix,
)
from clearlane.hs.nomenclature import normalise

KS = (10, 20, 50)
VARIANTS = [
    "div",
    *(
        f"{kind}:{k}{gate}"
        for kind in ("knn", "eknn", "both")
        for k in KS
        for gate in ("", ":score", ":head", ":r5")
    ),  # fmt: skip
    "lr",
]
LR_DEPTH = 20  # the lr filler's candidates: shipped ranks 4..LR_DEPTH


def test_lines(pairs: pd.DataFrame, fold: np.ndarray, k: int) -> pd.DataFrame:
    test = pairs[(fold == k) & (pairs["source"] == "uk-fpo-parcel-items") & (pairs["hs6"] != "")]
    return test.reset_index(drop=True)


def run_fold(pairs: pd.DataFrame, fold: np.ndarray, k: int, seeds: list[int],
             time_spec: str, n_pairs: int) -> list[dict]:  # fmt: skip
    """Per seed and test line: the shipped ranking (candidate indices, scores, headings) and
    the neighbour votes in that order."""
    cpu = time.process_time()
    index = Index(pairs[(fold != 0) & (fold != k)].reset_index(drop=True))
    x, y, _ = training_matrix(index)
    print(f"fold {k}: index and matrix {time.process_time() - cpu:.0f} CPU s", flush=True)
    test = test_lines(pairs, fold, k)
    texts = [normalise(hs_model.ranked_head(d)) for d in test["description"]]
    votes: list[dict[str, np.ndarray]] = []
    cands, _ = index.features(texts, neighbours=votes, ks=KS)
    subs = index.nom.subheadings
    runs = []
    for seed in seeds:
        model = HSModel(index, train_ranker(x, y, seed))
        ranked = model.rank(test["description"].tolist())
        for line, (r, cand, vote) in enumerate(zip(ranked, cands, votes, strict=True)):
            pos = {subs[j]: p for p, j in enumerate(cand)}
            where = np.array([pos[c] for c in r.codes])
            runs.append({
                "fold": k, "seed": seed, "line": line,
                "description": test["description"][line], "true": test["hs6"][line],
                "codes": r.codes, "scores": r.scores,
                "heads": np.array([c[:4] for c in r.codes]),
                "votes": {name: v[where] for name, v in vote.items()},
            })  # fmt: skip
        if time_spec and seed == seeds[0]:
            time_fill(model, test["description"].tolist(), time_spec, n_pairs,
                      runs[-len(test) :])  # fmt: skip
    return runs


def time_fill(model: HSModel, descriptions: list[str], spec: str, n_pairs: int,
              runs: list[dict]) -> None:  # fmt: skip
    """Alternated CPU per title of rank() with FILL off and on; the integrated filler's
    codes checked against fill_order applied here."""
    per = {"base": [], spec: []}
    for _ in range(n_pairs):
        for name, fill in (("base", ""), (spec, spec)):
            hs_model.FILL = fill
            model.rankings.clear()
            cpu = time.process_time()
            ranked = model.rank(descriptions)
            per[name].append(1000 * (time.process_time() - cpu) / len(descriptions))
            hs_model.FILL = ""
            if fill:
                for r, run in zip(ranked, runs, strict=True):
                    want = [run["codes"][j] for j in order_of(spec, run)]
                    assert r.codes == want, (run["description"], r.codes[:5], want[:5])
    load = os.getloadavg()
    for name, ms in per.items():
        print(f"time {name}: {' / '.join(f'{m:.2f}' for m in ms)} ms CPU a title "
              f"(load {load[0]:.1f} {load[1]:.1f})", flush=True)  # fmt: skip
    print(f"integrated filler {spec}: same codes as fill_order on {len(runs)} titles")


def order_of(spec: str, run: dict) -> np.ndarray:
    heads = np.unique(run["heads"], return_inverse=True)[1]
    return fill_order(spec, run["scores"], heads, run["votes"])


def lr_rows(run: dict) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of shipped ranks 4..LR_DEPTH of one line."""
    n = min(len(run["codes"]), LR_DEPTH)
    if n <= 3:
        return np.empty((0, 10)), np.empty(0)
    sl = slice(3, n)
    s = run["scores"]
    h = run["heads"]
    v = run["votes"]
    feats = np.column_stack([
        s[sl], np.log(s[sl] + 1e-9), np.log(np.arange(4, n + 1)),
        v["knn:20:share"][sl], v["eknn:20:share"][sl], v["knn:10:share"][sl],
        v["eknn:10:share"][sl], h[sl] == h[0], np.isin(h[sl], h[:3]),
        np.array([c[:2] == run["codes"][0][:2] for c in run["codes"][sl]]),
    ]).astype(float)  # fmt: skip
    return feats, np.array([c == run["true"] for c in run["codes"][sl]], dtype=float)


def lr_orders(runs: list[dict]) -> dict[tuple[int, int, int], np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    out = {}
    folds = sorted({r["fold"] for r in runs})
    for seed in sorted({r["seed"] for r in runs}):
        mine = [r for r in runs if r["seed"] == seed]
        for k in folds:
            train = [lr_rows(r) for r in mine if r["fold"] != k]
            x = np.vstack([t[0] for t in train])
            y = np.concatenate([t[1] for t in train])
            clf = LogisticRegression(C=1.0, max_iter=2000).fit(x, y)
            for r in mine:
                if r["fold"] != k:
                    continue
                feats, _ = lr_rows(r)
                n = len(r["codes"])
                if not len(feats):
                    order = np.arange(n)
                else:
                    p = clf.predict_proba(feats)[:, 1]
                    top = 3 + np.argsort(-p, kind="stable")[:2]
                    order = np.array([0, 1, 2, *top] + [j for j in range(3, n) if j not in top])
                out[(r["fold"], r["seed"], r["line"])] = order
    return out


def expand(index: Index, held: dict, text: str, per_word: int = 3, floor: float = 0.5) -> str:
    """``text`` with, for each word, its ``per_word`` nearest nomenclature words by static
    embedding (cosine at least ``floor``): the twelfth pass's query expansion (``qexp``,
    ``Index._expand`` at 512d37c)."""
    from clearlane.hs.embed import static_embedding

    emb = static_embedding()
    if "words" not in held:
        used = np.flatnonzero(np.asarray(index.docs["sub"][0].sum(axis=1)).ravel() > 0)
        names = np.array(index.word.get_feature_names_out())
        words = [w for w in names[used] if " " not in w and not w.isdigit() and len(w) > 2]
        held["words"], held["vectors"] = words, emb.encode(words, index.emb_idf)
    words, vectors = held["words"], held["vectors"]
    extra: list[str] = []
    for w in sorted(set(text.split())):
        if len(w) < 3 or w.isdigit():
            continue
        v = emb.encode([w], index.emb_idf)[0]
        if not v.any():
            continue
        sims = vectors @ v
        top = np.argpartition(-sims, per_word)[:per_word]
        extra.extend(words[j] for j in top if sims[j] >= floor and words[j] != w)
    return text + " " + " ".join(extra) if extra else text


def add_qexp(runs: list[dict]) -> None:
    """Each line's candidates' word TF-IDF cosine to its expanded text, as votes
    ``qexp:1`` (fold indices rebuilt; fold 0 never touched)."""
    from clearlane.hs.model import tfidf

    pairs = load_pairs()
    fold = folds_for(pairs, 5)
    for k in sorted({r["fold"] for r in runs}):
        cpu = time.process_time()
        index = Index(pairs[(fold != 0) & (fold != k)].reset_index(drop=True))
        held: dict = {}
        mine = [r for r in runs if r["fold"] == k]
        texts = sorted({normalise(hs_model.ranked_head(r["description"])) for r in mine})
        expanded = [expand(index, held, t) for t in texts]
        sims = (tfidf(index.word, expanded) @ index.docs["sub"][0]).toarray()
        row = {t: i for i, t in enumerate(texts)}
        sub_index = index.nom.sub_index
        for r in mine:
            i = row[normalise(hs_model.ranked_head(r["description"]))]
            q = sims[i, [sub_index[c] for c in r["codes"]]]
            r["votes"]["qexp:1"] = q
            r["votes"]["qexp:1:share"] = q
        print(f"fold {k}: qexp {len(texts) / (time.process_time() - cpu):.0f} titles/CPU s "
              f"(index included)", flush=True)  # fmt: skip


def evaluate(runs: list[dict], variants: list[str]) -> pd.DataFrame:
    rows = []
    lr = lr_orders(runs) if "lr" in variants and len({r["fold"] for r in runs}) > 1 else {}
    for name in ["base", *variants]:
        if name == "lr" and not lr:
            continue
        for r in runs:
            n = len(r["codes"])
            if name == "base":
                order = np.arange(n)
            elif name == "lr":
                order = lr[(r["fold"], r["seed"], r["line"])]
            else:
                order = order_of(name, r)
            codes = [r["codes"][j] for j in order]
            rank = codes.index(r["true"]) + 1 if r["true"] in codes else 0
            rows.append({
                "variant": name, "fold": r["fold"], "seed": r["seed"],
                "words": len(normalise(r["description"]).split()), "ch61": r["true"][:2] == "61",
                "rank": rank, "same3": codes[:3] == r["codes"][:3],
                "moved": codes[:5] != r["codes"][:5],
            })  # fmt: skip
    out = pd.DataFrame(rows)
    out["top1"] = out["rank"] == 1
    out["top5"] = (out["rank"] > 0) & (out["rank"] <= 5)
    return out


def report(out: pd.DataFrame) -> None:
    folds = sorted(out["fold"].unique())
    pairs = [p for p in ((1, 2), (3, 4)) if all(f in folds for f in p)]
    # mean over seeds of each fold's share; pairs and all: means over their lines
    base = out[out["variant"] == "base"]
    base_pair = {p: base[base["fold"].isin(p)]["top5"].mean() for p in pairs}
    lines = []
    for name, g in out.groupby("variant", sort=False):
        per_fold = g.groupby("fold")[["top1", "top5"]].mean()
        pair_t5 = {p: g[g["fold"].isin(p)]["top5"].mean() for p in pairs}
        deltas = [100 * (pair_t5[p] - base_pair[p]) for p in pairs]
        ok = bool(pairs) and all(d >= 1.0 for d in deltas) and bool(g["same3"].all())
        two, c61 = g[g["words"] == 2], g[g["ch61"]]
        seeds = g.groupby("seed")["top5"].mean()
        by_pair = zip(pairs, deltas, strict=True)
        lines.append(
            f"| `{name}` | {' / '.join(f'{v:.1%}' for v in per_fold['top1'])} | "
            f"{' / '.join(f'{v:.1%}' for v in per_fold['top5'])} | "
            f"{' / '.join(f'{pair_t5[p]:.1%} ({d:+.1f})' for p, d in by_pair)} | "
            f"{g['top5'].mean():.1%} ({' / '.join(f'{v:.1%}' for v in seeds)}) | "
            f"{g['moved'].mean():.0%} | {'yes' if g['same3'].all() else 'NO'} | "
            f"{two['top5'].mean():.1%} | {c61['top5'].mean():.1%} | {'passes' if ok else '-'} |"
        )  # fmt: skip
    print(f"folds {folds}, seeds {sorted(out['seed'].unique())}")
    print(
        "| variant | top-1 per fold | top-5 per fold | top-5 pairs (vs base) | top-5 all (seeds) "
        "| lines changed in top 5 | ranks 1-3 kept | 2 words top-5 | ch61 top-5 | rule |"
    )
    print("| --- | --- | --- | --- | --- | ---: | --- | ---: | ---: | --- |")
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", default="1,2")
    parser.add_argument("--seeds", default="0,1")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--save", default="")
    parser.add_argument("--load", default="")
    parser.add_argument("--time", default="", help="a filler spec to time against base")
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--qexp", action="store_true", help="also the qexp fillers")
    args = parser.parse_args()
    ks = [int(k) for k in args.folds.split(",")]
    if 0 in ks:
        raise SystemExit("fold 0 is the benchmark's test fold: use benchmarks/hs.py")
    variants = args.variants.split(",")
    if args.load:
        with open(args.load, "rb") as f:
            runs = [r for r in pickle.load(f) if r["fold"] in ks]
    else:
        seeds = [int(s) for s in args.seeds.split(",")]
        pairs = load_pairs()
        fold = folds_for(pairs, 5)
        runs = []
        for k in ks:
            timed = args.time if k == ks[0] else ""
            runs.extend(run_fold(pairs, fold, k, seeds, timed, args.pairs))
            if args.save:  # after each fold, so that a stopped run keeps what it measured
                with open(args.save, "wb") as f:
                    pickle.dump(runs, f)
    if args.qexp:
        add_qexp(runs)
        variants += ["qexp:1", "qexp:1:r5", "qexp:1:head"]
    report(evaluate(runs, variants))


if __name__ == "__main__":
    main()
