"""Choose the HS check's floors (``clearlane.hs.api.CHAPTER_FLOOR`` etc.) on development folds.

The HMRC pairs are split into 5 folds grouped by normalised description (``folds_for``, as in
``benchmarks/hs.py``). Fold 0 is the benchmark's test fold and is never used here. For k in
1 and 2 the model is fitted on the folds other than 0 and k and fold k's descriptions with a
6-digit label are checked three ways: their correct code, a random code of another chapter and
a random sibling subheading (the declared code forced into the candidates, as in the check).

From the three level ratios (``clearlane.hs.api.level_ratios``) of the correct codes:

* chapter and heading floor (one value): the highest on a log grid (10^-8 .. 10^-1, 8 steps a
  decade) with at most ``--target`` of the correct codes under either (these become the
  engine's risk reasons);
* subheading floor: the highest with at most ``--target`` more correct codes flagged.

Prints the floors and, at those floors, the false-alarm rate on correct codes and the
detection of wrong chapters, wrong headings in the same chapter (a random subheading of another
heading of the true chapter; not used to choose anything) and wrong siblings; then the ROC-AUC
of the shipped plausibility, correct code vs each kind of wrong code. Run (about 2 CPU minutes):

    PYTHONPATH=src python benchmarks/hs_calibrate.py [--target 0.05]
"""

from __future__ import annotations

import argparse

import numpy as np
from sklearn.metrics import roc_auc_score

from clearlane.hs.api import _calibrated, level_ratios
from clearlane.hs.model import fit, folds_for, load_pairs
from clearlane.hs.nomenclature import nomenclature


def fold_ratios(k: int) -> tuple[np.ndarray, np.ndarray]:
    """Kinds ('correct', 'chapter', 'sibling') and level ratios of development fold k."""
    pairs = load_pairs()
    fold = folds_for(pairs, 5)
    model = fit(pairs[(fold != 0) & (fold != k)].reset_index(drop=True))
    test = pairs[(fold == k) & (pairs["hs6"] != "")].reset_index(drop=True)
    subs = list(nomenclature().subheadings)
    rng = np.random.default_rng(k)
    items: list[tuple[str, str, str]] = []
    for description, true in zip(test["description"], test["hs6"], strict=True):
        other = [s for s in subs if not s.startswith(true[:2])]
        siblings = [s for s in subs if s.startswith(true[:4]) and s != true]
        items.append((description, true, "correct"))
        items.append((description, str(rng.choice(other)), "chapter"))
        if siblings:
            items.append((description, str(rng.choice(siblings)), "sibling"))
    # Wrong heading in the right chapter: its own generator, so the draws above stay those
    # the floors were chosen with (the floors use the correct codes only in any case).
    heading_rng = np.random.default_rng([k, 1])
    for description, true in zip(test["description"], test["hs6"], strict=True):
        cousins = [s for s in subs if s.startswith(true[:2]) and not s.startswith(true[:4])]
        if cousins:
            items.append((description, str(heading_rng.choice(cousins)), "heading"))
    ranked = model.rank([d for d, _, _ in items], forced=[c for _, c, _ in items])
    ratios = np.array([level_ratios(r, c) for r, (_, c, _) in zip(ranked, items, strict=True)])
    return np.array([kind for _, _, kind in items]), ratios


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", type=float, default=0.05, help="false alarms per level")
    args = parser.parse_args()
    parts = [fold_ratios(k) for k in (1, 2)]
    kind = np.concatenate([p[0] for p in parts])
    ratios = np.vstack([p[1] for p in parts])
    correct = ratios[kind == "correct"]
    grid = np.logspace(-8, -1, 57)
    risk_alarms = [np.mean((correct[:, 0] < t) | (correct[:, 1] < t)) for t in grid]
    t_risk = grid[max(i for i, a in enumerate(risk_alarms) if a <= args.target)]
    risky = (correct[:, 0] < t_risk) | (correct[:, 1] < t_risk)
    sub_alarms = [np.mean(~risky & (correct[:, 2] < t)) for t in grid]
    t_sub = grid[max(i for i, a in enumerate(sub_alarms) if a <= args.target)]
    print(
        f"chapter/heading floor 10^{np.log10(t_risk):.3f}, "
        f"subheading floor 10^{np.log10(t_sub):.3f}"
    )
    risk = (ratios[:, 0] < t_risk) | (ratios[:, 1] < t_risk)
    flag = risk | (ratios[:, 2] < t_sub)
    for name, mask, which in (
        ("correct codes with a chapter/heading reason", kind == "correct", risk),
        ("correct codes with any reason", kind == "correct", flag),
        ("wrong chapters with a chapter/heading reason", kind == "chapter", risk),
        ("wrong headings (same chapter) with a chapter/heading reason", kind == "heading", risk),
        ("wrong headings (same chapter) with any reason", kind == "heading", flag),
        ("wrong siblings with any reason", kind == "sibling", flag),
    ):
        print(f"{name}: {which[mask].mean():.1%} of {mask.sum()}")
    # ROC-AUC of the shipped plausibility (the floors in clearlane.hs.api, not the ones printed
    # above) on these folds: correct code vs each kind of wrong code.
    p = np.array([min(_calibrated((a, b, c))) for a, b, c in ratios])
    correct_p = p[kind == "correct"]
    for wrong in ("chapter", "heading", "sibling"):
        wrong_p = p[kind == wrong]
        y = np.r_[np.ones(len(correct_p)), np.zeros(len(wrong_p))]
        print(
            f"ROC-AUC correct vs wrong {wrong}: {roc_auc_score(y, np.r_[correct_p, wrong_p]):.3f}"
        )


if __name__ == "__main__":
    main()
