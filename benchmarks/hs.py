"""HS-code suggestion and check: accuracy on held-out data and speed. Prints two Markdown
tables (suggestion accuracy and speed; the check).

Splits (the re-ranker and index are refitted on the training part of each split, with the
same procedure as the shipped model):

* ``by source: parcel titles held out`` - train on the other three HMRC sources, test on
  ``uk-fpo-parcel-items`` (real e-commerce parcel lines: the goal's "real e-commerce titles");
* ``by source: search references held out`` - the same for the UK tariff's A-Z index terms;
* ``grouped 5-fold, fold 0`` - all sources, test = one fold of descriptions grouped by their
  normalised text (a repeated description never sits on both sides); and the parcel titles
  of that fold alone (real e-commerce lines, with other parcel lines in training);
* ``generated`` - the shipped model (trained on all HMRC pairs) on the synthetic generator's
  goods descriptions (its catalogue of HS 2022 subheadings, described the three ways the
  generator describes them: short text, upper case, heading text).

Metrics: HS2/HS4/HS6 top-1 and HS6 top-5 of the first suggestion(s) against rows labelled to
6 digits (HS2/HS4 also count rows labelled only to 4 or 2 digits); the check's ROC-AUC of the
plausibility, correct code vs a random code of another chapter, vs a random subheading of
another heading in the same chapter (heading-level detection; drawn from a second generator,
``[seed, 1]``, so the other draws are those of the runs before this case existed) and vs a
random sibling subheading of the same heading; the share of correct codes given a reason
(chapter or heading: the engine's risk reasons; in brackets, any reason), of wrong chapters
and of wrong headings in the same chapter given a chapter or heading reason and of wrong
siblings given any reason; descriptions per second of ``rank`` after loading. The check's
floors are not tuned here (``benchmarks/hs_calibrate.py``, development folds 1-2 only).
Run:

    PYTHONPATH=src python benchmarks/hs.py [--limit 1500] [--skip-fit]

Wall-clock on a shared machine; the speed row also prints CPU seconds.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from clearlane.hs.api import REASON_CHAPTER, REASON_HEADING, verdict
from clearlane.hs.model import HSModel, fit, folds_for, load_pairs, shipped_model
from clearlane.hs.nomenclature import nomenclature


def generated_descriptions(seed: int = 7) -> pd.DataFrame:
    """The generator's goods descriptions with their true HS 2022 subheadings."""
    from clearlane.generate.config import GeneratorConfig
    from clearlane.generate.world import World

    config = GeneratorConfig(declarations=100, seed=seed, start=date(2025, 1, 1), days=30)
    world = World.build(config, np.random.default_rng(seed))
    rows = []
    for p in world.products:
        rows.append((p.text, p.hs6, "short"))
        rows.append((p.text.upper(), p.hs6, "upper"))
        rows.append((p.heading[:70].rstrip(" ,;"), p.hs6, "heading"))
    frame = pd.DataFrame(rows, columns=["description", "hs6", "kind"])
    return frame.assign(hs4=frame["hs6"].str[:4], hs2=frame["hs6"].str[:2])


def evaluate(
    model: HSModel,
    test: pd.DataFrame,
    rng: np.random.Generator,
    heading_rng: np.random.Generator,
) -> dict[str, float]:
    nom = nomenclature()
    descriptions = test["description"].tolist()
    start, cpu = time.perf_counter(), time.process_time()
    ranked = model.rank(descriptions)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    first = np.array([r.codes[0] for r in ranked])
    hs6 = test["hs6"].to_numpy()
    has6 = hs6 != ""
    has4 = test["hs4"].to_numpy() != ""
    top5 = np.array([t in r.codes[:5] for t, r in zip(hs6, ranked, strict=True)])
    out = {
        "rows": float(len(test)),
        "hs2": float(np.mean([f[:2] == t for f, t in zip(first, test["hs2"], strict=True)])),
        "hs4": float(
            np.mean([f[:4] == t for f, t, ok in zip(first, test["hs4"], has4, strict=True) if ok])
        ),
        "hs6": float(np.mean(first[has6] == hs6[has6])),
        "hs6_top5": float(np.mean(top5[has6])),
        "per_second": len(test) / seconds,
        "cpu_per_second": len(test) / max(cpu_seconds, 1e-9),
    }
    # The check: correct code vs wrong chapter vs wrong sibling, forced into the candidates.
    subs = np.array(nom.subheadings)
    rows = np.flatnonzero(has6)
    items: list[tuple[str, str, str]] = []
    for i in rows:
        true = hs6[i]
        other = subs[np.array([not s.startswith(true[:2]) for s in subs])]
        siblings = [s for s in subs if s.startswith(true[:4]) and s != true]
        items.append((descriptions[i], true, "correct"))
        items.append((descriptions[i], str(rng.choice(other)), "chapter"))
        if siblings:
            items.append((descriptions[i], str(rng.choice(siblings)), "sibling"))
    # Wrong heading in the right chapter, drawn from its own generator so that the draws above
    # (and the figures measured before this case was added) stay the same.
    for i in rows:
        true = hs6[i]
        cousins = [s for s in subs if s.startswith(true[:2]) and not s.startswith(true[:4])]
        if cousins:
            items.append((descriptions[i], str(heading_rng.choice(cousins)), "heading"))
    checked = model.rank([d for d, _, _ in items], forced=[c for _, c, _ in items])
    verdicts = [verdict(r, c) for r, (_, c, _) in zip(checked, items, strict=True)]
    frame = pd.DataFrame(
        {
            "kind": [k for _, _, k in items],
            "p": [p for p, _ in verdicts],
            "any": [reason is not None for _, reason in verdicts],
            "risk": [reason in (REASON_CHAPTER, REASON_HEADING) for _, reason in verdicts],
        }
    )

    def rate(kind: str, column: str) -> float:
        mask = frame["kind"] == kind
        return float(frame.loc[mask, column].mean()) if mask.any() else 0.0

    out["alarm_risk"] = rate("correct", "risk")
    out["alarm_any"] = rate("correct", "any")
    out["found_chapter"] = rate("chapter", "risk")
    out["found_sibling"] = rate("sibling", "any")
    out["found_heading"] = rate("heading", "risk")
    out["found_heading_any"] = rate("heading", "any")
    out["heading_rows"] = float(np.sum(frame["kind"] == "heading"))
    correct = frame.loc[frame["kind"] == "correct", "p"].to_numpy()
    for kind in ("chapter", "heading", "sibling"):
        wrong = frame.loc[frame["kind"] == kind, "p"].to_numpy()
        y = np.r_[np.ones(len(correct)), np.zeros(len(wrong))]
        out[f"auc_{kind}"] = float(roc_auc_score(y, np.r_[correct, wrong]))
    out["p_correct"] = float(np.median(correct))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=1500, help="test rows per split at most")
    parser.add_argument("--skip-fit", action="store_true", help="only the generated data")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    heading_rng = np.random.default_rng([args.seed, 1])  # the wrong-heading draws only
    pairs = load_pairs()
    results: list[tuple[str, dict[str, float]]] = []

    def sample(frame: pd.DataFrame) -> pd.DataFrame:
        if len(frame) > args.limit:
            frame = frame.sample(args.limit, random_state=args.seed)
        return frame.reset_index(drop=True)

    def run(name: str, model: HSModel, test: pd.DataFrame) -> None:
        results.append((name, evaluate(model, test, rng, heading_rng)))

    if not args.skip_fit:
        for held in ("uk-fpo-parcel-items", "uk-search-references"):
            train = pairs[pairs["source"] != held].reset_index(drop=True)
            run(f"by source: {held} held out", fit(train), sample(pairs[pairs["source"] == held]))
        fold = folds_for(pairs, 5)
        model = fit(pairs[fold != 0].reset_index(drop=True))
        run("grouped 5-fold, fold 0", model, sample(pairs[fold == 0]))
        parcels = pairs[(fold == 0) & (pairs["source"] == "uk-fpo-parcel-items")]
        run("grouped 5-fold, fold 0, parcel titles only", model, sample(parcels))
    run("generated (shipped model)", shipped_model(), sample(generated_descriptions()))

    print(
        "| split | test rows | HS2 top-1 | HS4 top-1 | HS6 top-1 | HS6 top-5 "
        "| descriptions/s (CPU) |"
    )
    print("| --- |" + " ---: |" * 6)
    for name, r in results:
        print(
            f"| {name} | {r['rows']:.0f} | {r['hs2']:.1%} | {r['hs4']:.1%} | {r['hs6']:.1%} "
            f"| {r['hs6_top5']:.1%} | {r['per_second']:.0f} ({r['cpu_per_second']:.0f}) |"
        )
    print()
    print(
        "| split | check AUC wrong chapter | check AUC wrong heading, same chapter "
        "| check AUC wrong sibling | median plausibility of correct code "
        "| correct codes with a chapter/heading reason (any reason) "
        "| wrong chapters with a chapter/heading reason "
        "| wrong headings (same chapter) with a chapter/heading reason (any reason) "
        "| wrong siblings with a reason |"
    )
    print("| --- |" + " ---: |" * 8)
    for name, r in results:
        print(
            f"| {name} | {r['auc_chapter']:.3f} | {r['auc_heading']:.3f} "
            f"| {r['auc_sibling']:.3f} | {r['p_correct']:.2f} "
            f"| {r['alarm_risk']:.1%} ({r['alarm_any']:.1%}) | {r['found_chapter']:.1%} "
            f"| {r['found_heading']:.1%} ({r['found_heading_any']:.1%}) "
            f"| {r['found_sibling']:.1%} |"
        )


if __name__ == "__main__":
    main()
