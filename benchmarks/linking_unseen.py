"""Party linking on a hand-written register vs sanctions-list set (tests/link/data/unseen_parties).

The set (README.md beside it) was written to look like lists the product will meet and was
not used to design the rules: a trader register (Latin-1, ``;``, its own column names,
countries as names) against an OpenSanctions-style export (UTF-8 with BOM, aliases,
``;``-separated countries and identifiers, a.k.a. in names). It is small (85 x 75, 41 true
pairs): read its numbers as a smoke test of formats and spellings, not as a rate.

Runs what ``clearlane link parties`` runs (the same reader and linker) and prints precision,
recall, F1 and every wrong or missed pair with its probability:

    PYTHONPATH=src python benchmarks/linking_unseen.py [--threshold 0.9] [--data DIR]

``--data tests/link/data/unseen_parties2`` scores the second set (transliterations, persons
written surname first, common names, person against company).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from clearlane.link.io import read_party_file
from clearlane.link.resolve import link_parties
from clearlane.link.settings import MATCH_THRESHOLD

DATA = Path(__file__).resolve().parents[1] / "tests" / "link" / "data" / "unseen_parties"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=MATCH_THRESHOLD)
    parser.add_argument(
        "--data",
        type=Path,
        default=DATA,
        help="a folder with register.csv, sanctions.csv and truth.csv (default: unseen_parties)",
    )
    parser.add_argument(
        "--date-order",
        choices=["dmy", "mdy"],
        default=None,
        help="how the files' numeric dates are written, when their columns cannot show it "
        "(unseen_parties4: dmy, as its README says)",
    )
    args = parser.parse_args()
    data = args.data
    left = read_party_file(data / "register.csv", date_order=args.date_order)
    right = read_party_file(data / "sanctions.csv", date_order=args.date_order)
    result = link_parties(left.frame, right.frame, threshold=0.01)
    scored = result.matches
    truth = pd.read_csv(data / "truth.csv", dtype=str)
    true = set(zip(truth.left_id, truth.right_id, strict=True))
    found_rows = scored[scored.match_probability >= args.threshold]
    found = set(zip(found_rows.left_id, found_rows.right_id, strict=True))
    tp = len(true & found)
    precision = tp / len(found) if found else 0.0
    recall = tp / len(true)
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    print(
        f"| {len(left.frame)} x {len(right.frame)} | {len(true)} | {result.compared_pairs} | "
        f"{len(found)} | {precision:.4f} | {recall:.4f} | {f1:.4f} |"
    )
    names = {
        **dict(zip(left.frame.id, left.frame.name, strict=True)),
        **dict(zip(right.frame.id, right.frame.name, strict=True)),
    }
    prob = {(r.left_id, r.right_id): r.match_probability for r in scored.itertuples(index=False)}
    for label, pairs in (("false link", found - true), ("missed", true - found)):
        for lid, rid in sorted(pairs):
            p = prob.get((lid, rid))
            shown = "not compared or < 0.01" if p is None else f"p={p:.3f}"
            print(f"{label}: {lid} {names[lid]!r} ~ {rid} {names[rid]!r} ({shown})")
    below = scored[
        [(lid, rid) not in true for lid, rid in zip(scored.left_id, scored.right_id, strict=True)]
    ].nlargest(5, "match_probability")
    for r in below.itertuples(index=False):
        print(
            f"closest non-match: {r.left_id} {names[r.left_id]!r} ~ {r.right_id} "
            f"{names[r.right_id]!r} (p={r.match_probability:.3f})"
        )


if __name__ == "__main__":
    main()
