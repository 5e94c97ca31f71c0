"""How often the vague-description rule (clearlane.hs.vague) fires, and on what.

* HMRC pairs (labelled, so classifiable by definition): grouped fold 0 (the HS benchmark's test
  fold) and all 8,749 pairs; the rule should almost never fire on them. Every description it
  fires on is printed.
* Generated declarations (the files ``clearlane demo`` ingests, 20,000 declarations, seed 42):
  goods items whose description the generator drew from its vague list
  (``generate.reference.VAGUE_DESCRIPTIONS``) against the others; and the demo's scored day.
* For comparison, the other principled signal considered: how evenly the HS model spreads its
  score over chapters (the best chapter's share of the mass), for vague and other descriptions.

Run (about a CPU minute after generation, more with ``--spread``):

    PYTHONPATH=src python benchmarks/hs_vague.py [--declarations 20000] [--seed 42] [--spread]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from clearlane.generate.reference import VAGUE_DESCRIPTIONS
from clearlane.hs.model import folds_for, load_pairs, shipped_model
from clearlane.hs.vague import is_vague

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hs_demo_reasons import generated_items  # noqa: E402  # the same generated items


def _best_chapter_share(descriptions: list[str]) -> np.ndarray:
    model = shipped_model()
    out = []
    for ranked in model.rank(descriptions):
        chapters: dict[str, float] = {}
        for code, score in zip(ranked.codes, ranked.scores, strict=True):
            chapters[code[:2]] = chapters.get(code[:2], 0.0) + float(score)
        total = sum(chapters.values()) or 1.0
        out.append(max(chapters.values()) / total)
    return np.array(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--declarations", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--spread", action="store_true", help="also the chapter spread")
    args = parser.parse_args()

    pairs = load_pairs()
    fold = folds_for(pairs, 5)
    print("| HMRC descriptions | count | vague | share |")
    print("| --- | ---: | ---: | ---: |")
    for name, part in (("grouped fold 0", pairs[fold == 0]), ("all", pairs)):
        fired = part["description"].astype(str).map(is_vague)
        print(f"| {name} | {len(part):,} | {int(fired.sum())} | {fired.mean():.2%} |")
    fired_all = pairs[pairs["description"].astype(str).map(is_vague)]
    for row in fired_all.itertuples():
        print(f"  fires on HMRC: {row.description!r} ({row.hs6}, {row.source})")

    items, _ = generated_items(args.declarations, args.seed)
    items["drawn_vague"] = items["description"].isin(VAGUE_DESCRIPTIONS)
    distinct = items["description"].drop_duplicates()
    verdicts = dict(zip(distinct, distinct.map(is_vague), strict=True))
    items["vague"] = items["description"].map(verdicts)
    print()
    print("| generated goods items | count | vague | share |")
    print("| --- | ---: | ---: | ---: |")
    last = items["date"].max()
    for name, part in (
        ("drawn from the generator's vague list", items[items["drawn_vague"]]),
        ("all others", items[~items["drawn_vague"]]),
        (f"the scored day ({last}), all", items[items["date"] == last]),
    ):
        fired = part["vague"]
        print(f"| {name} | {len(part):,} | {int(fired.sum()):,} | {fired.mean():.2%} |")
    others = items[~items["drawn_vague"] & items["vague"]]["description"].value_counts()
    for text, n in others.head(20).items():
        print(f"  fires on a generated description not in the vague list: {text!r} ({n})")

    if args.spread:
        sample = distinct.sample(min(len(distinct), 1500), random_state=0).tolist()
        sample += [d for d in VAGUE_DESCRIPTIONS if d not in sample]
        share = _best_chapter_share(sample)
        vague = np.array([is_vague(d) for d in sample])
        hmrc = pairs[fold == 0]["description"].astype(str).sample(1000, random_state=0).tolist()
        hmrc_share = _best_chapter_share(hmrc)
        print()
        print("| descriptions | count | best chapter's share of the score: median | p10 | p90 |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for name, values in (
            ("generated, vague by the rule", share[vague]),
            ("generated, not vague", share[~vague]),
            ("HMRC fold 0 (sample)", hmrc_share),
        ):
            q = np.quantile(values, [0.5, 0.1, 0.9])
            print(f"| {name} | {len(values):,} | {q[0]:.2f} | {q[1]:.2f} | {q[2]:.2f} |")
        for text, value in zip(sample, share, strict=True):
            if text in VAGUE_DESCRIPTIONS:
                print(f"  {text!r}: best chapter's share {value:.2f}")


if __name__ == "__main__":
    main()
