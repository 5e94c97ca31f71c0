"""Party linking on every hand-written unseen set at once (tests/link/data/unseen_parties*).

Each set alone is small (20-85 rows a side); a rule's change is read over all of them: per
set precision and recall, the pooled figures over sets 1-33 (the figures the docs quote) and
over every set given, and every wrong or missed pair. ``--true-links FILE`` writes the true
pairs found, one ``set left right`` a line, so that two branches' runs can be compared
(``comm -23 base.txt yours.txt`` lists the true links a change lost):

    PYTHONPATH=src python benchmarks/linking_sets.py [SET ...] [--true-links FILE]

Runs what ``clearlane link parties`` runs (the same reader and linker, at MATCH_THRESHOLD);
set 4's numeric dates are day first, as its README says. Review p18 (session 32, 2026-12-07),
from helper parties25's scratch script.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pandas as pd

from clearlane.link.io import read_party_file
from clearlane.link.resolve import link_parties
from clearlane.link.settings import MATCH_THRESHOLD

DATA = Path(__file__).resolve().parents[1] / "tests" / "link" / "data"
DAY_FIRST = {4}  # sets whose numeric dates are written day first (their READMEs say so)


def _all_sets() -> list[int]:
    found = []
    for folder in DATA.glob("unseen_parties*"):
        digits = re.fullmatch(r"unseen_parties(\d*)", folder.name)
        if digits and (folder / "truth.csv").exists():
            found.append(int(digits.group(1) or 1))
    return sorted(found)


def _folder(n: int) -> Path:
    return DATA / ("unseen_parties" if n == 1 else f"unseen_parties{n}")


def _names(frame: pd.DataFrame) -> dict[str, str]:
    return dict(zip(frame["id"].astype(str), frame["name"].astype(str), strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", type=int, help="set numbers (default: every set)")
    parser.add_argument("--true-links", type=Path, help="write the true pairs found here")
    args = parser.parse_args()
    sets = args.sets or _all_sets()
    pooled = {"1-33": [0, 0, 0], "all given": [0, 0, 0]}
    errors: list[str] = []
    kept: list[str] = []
    for n in sets:
        folder = _folder(n)
        order = "dmy" if n in DAY_FIRST else None
        left = read_party_file(folder / "register.csv", date_order=order).frame
        right = read_party_file(folder / "sanctions.csv", date_order=order).frame
        matches = link_parties(left, right, threshold=0.01).matches
        truth = pd.read_csv(folder / "truth.csv", dtype=str)
        true = set(zip(truth.left_id, truth.right_id, strict=True))
        prob = {
            (str(a), str(b)): float(p)
            for a, b, p in zip(
                matches.left_id, matches.right_id, matches.match_probability, strict=True
            )
        }
        found = {k for k, p in prob.items() if p >= MATCH_THRESHOLD}
        tp = len(true & found)
        precision = tp / len(found) if found else 0.0
        print(
            f"set {n}: P {precision:.4f} R {tp / len(true):.4f} "
            f"tp {tp} found {len(found)} true {len(true)}",
            flush=True,
        )
        for name, pool in pooled.items():
            if name != "1-33" or n <= 33:
                pool[0] += tp
                pool[1] += len(found)
                pool[2] += len(true)
        kept += [f"{n} {a} {b}" for a, b in sorted(true & found)]
        ln, rn = _names(left), _names(right)
        for kind, pairs in (("false link", found - true), ("missed", true - found)):
            for a, b in sorted(pairs):
                p = prob.get((a, b))
                shown = f"{p:.3f}" if p is not None else "not compared"
                errors.append(f"{kind} set {n}: {a} {ln.get(a)!r} ~ {b} {rn.get(b)!r} ({shown})")
    for name, (tp, found_n, true_n) in pooled.items():
        if found_n:
            print(
                f"pooled {name}: P {tp / found_n:.4f} R {tp / true_n:.4f} "
                f"tp {tp} found {found_n} true {true_n}"
            )
    print("\n".join(errors))
    if args.true_links:
        args.true_links.write_text("".join(f"{line}\n" for line in sorted(kept)))


if __name__ == "__main__":
    main()
