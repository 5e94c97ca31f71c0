"""Candidate recall experiment: does a query/document normaliser help parcel titles?

Variants of ``clearlane.hs.nomenclature.normalise`` (applied to everything the index sees:
nomenclature texts, labelled descriptions and queries):

* ``baseline`` - as shipped (lower case, letters and digits, single spaces);
* ``units`` - also drops quantities and units (``300ml``, ``6 x``, ``30l``, bare numbers), which
  parcel lines are full of and which dilute a short title's TF-IDF vector;
* ``plural`` - also reduces English plurals to the singular (``pillows`` -> ``pillow``,
  ``boxes`` -> ``box``, ``batteries`` -> ``battery``): the nomenclature speaks in plurals,
  parcel lines often in the singular;
* ``both`` - the two together;
* ``skeleton`` / ``skeleton3`` - the text plus each word's consonant skeleton (``cream`` ->
  ``crm``; skeletons of at least 2 / 3 letters), for the vowel-dropping abbreviations of
  parcel lines ("pntn bnd rpr mrcl hr crm 90ml" is Pantene bond repair miracle hair cream).

Protocol (as ``benchmarks/hs_calibrate.py``): the HMRC pairs in the benchmark's 5 grouped folds
(grouped by the *shipped* normalisation, so every variant has the same folds); for development
fold k (1 or 2) the model is fitted on the folds other than 0 and k and tested on fold k's
parcel titles with a 6-digit label; ``--fold 0`` fits on folds 1-4 and tests on fold 0 (the
benchmark's test fold: run once, at the end). Test rows whose text under any variant equals a
training text under that variant are dropped for every variant (a variant that merges two
descriptions must not gain from a repeat). Prints per variant: candidate recall (right code
among the candidates), right heading among the candidates' headings, HS6 top-1 and top-5.

    PYTHONPATH=src python benchmarks/hs_normalise.py --fold 1 [--variants baseline,both]
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable

import numpy as np

import clearlane.hs.model as hs_model
from clearlane.hs.model import fit, folds_for, load_pairs
from clearlane.hs.nomenclature import normalise

_UNIT = re.compile(
    r"^\d+(ml|cl|l|ltr|litre|g|gr|kg|mg|mm|cm|m|oz|pcs|pc|pk|pack|x|in|inch|w|v|mah|gb|tb)?$"
)


def _drop_units(text: str) -> str:
    return " ".join(t for t in text.split() if t != "x" and not _UNIT.match(t))


def _singular(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _plural(text: str) -> str:
    return " ".join(_singular(t) for t in text.split())


_VOWELS = str.maketrans("", "", "aeiou")


def _skeleton(text: str, shortest: int) -> str:
    """The text followed by each word's consonant skeleton (first letter kept, later vowels
    dropped: ``cream`` -> ``crm``, ``repair`` -> ``rpr``), the way parcel lines abbreviate
    ("pntn bnd rpr mrcl hr crm"), so an abbreviation and its word share a token."""
    extra = []
    for word in text.split():
        if word.isalpha() and len(word) > 3:
            skeleton = word[0] + word[1:].translate(_VOWELS)
            if skeleton != word and len(skeleton) >= shortest:
                extra.append(skeleton)
    return " ".join([text, *extra])


VARIANTS: dict[str, Callable[[str], str]] = {
    "baseline": normalise,
    "units": lambda t: _drop_units(normalise(t)),
    "plural": lambda t: _plural(normalise(t)),
    "both": lambda t: _plural(_drop_units(normalise(t))),
    "skeleton": lambda t: _skeleton(normalise(t), 2),
    "skeleton3": lambda t: _skeleton(normalise(t), 3),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fold", type=int, required=True)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    args = parser.parse_args()
    pairs = load_pairs()
    fold = folds_for(pairs, 5)
    train_mask = (fold != 0) & (fold != args.fold) if args.fold else fold != 0
    test_mask = (fold == args.fold) & (pairs["source"] == "uk-fpo-parcel-items")
    test_mask &= pairs["hs6"] != ""
    names = args.variants.split(",")
    # Test rows that repeat a training text under any variant are left out for all variants.
    keep = np.ones(int(test_mask.sum()), dtype=bool)
    for name in VARIANTS:
        norm = VARIANTS[name]
        seen = set(pairs.loc[train_mask, "description"].map(norm))
        keep &= ~pairs.loc[test_mask, "description"].map(norm).isin(seen).to_numpy()
    test = pairs[test_mask].reset_index(drop=True)[keep]
    print(f"fold {args.fold}: {len(test)} parcel titles ({int((~keep).sum())} repeats dropped)")
    print("| variant | candidate recall | right heading among candidates | HS6 top-1 | HS6 top-5 "
          "| fit CPU s |")  # fmt: skip
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    original = hs_model.normalise
    for name in names:
        norm = VARIANTS[name]
        hs_model.normalise = norm  # type: ignore[assignment]  # Index, label_pairs and rank
        try:
            cpu = time.process_time()
            train = pairs[train_mask].reset_index(drop=True)
            train = train.assign(text=train["description"].map(norm))
            train = train[train["text"] != ""].reset_index(drop=True)
            model = fit(train)
            fit_cpu = time.process_time() - cpu
            ranked = model.rank(test["description"].tolist())
        finally:
            hs_model.normalise = original
        true = test["hs6"].tolist()
        recall = np.mean([t in r.codes for t, r in zip(true, ranked, strict=True)])
        heads = np.mean(
            [t[:4] in {c[:4] for c in r.codes} for t, r in zip(true, ranked, strict=True)]
        )
        top1 = np.mean([r.codes[0] == t for t, r in zip(true, ranked, strict=True)])
        top5 = np.mean([t in r.codes[:5] for t, r in zip(true, ranked, strict=True)])
        print(
            f"| {name} | {recall:.1%} | {heads:.1%} | {top1:.1%} | {top5:.1%} | {fit_cpu:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
