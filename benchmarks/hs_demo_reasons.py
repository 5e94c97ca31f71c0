"""How many declarations of a ``clearlane demo`` run get an HS reason (per declaration, not
per item), and how many of those the generator planted a misclassification in.

``clearlane demo`` ingests the generator's ``declarations.csv`` (20,000 declarations, seed 42
by default; the bad records it adds are quarantined): this script generates the same files and
checks every goods item's (description, declared code) with the shipped HS check, as scoring
with facts does (``clearlane.features.facts.gather_facts``: one check per distinct pair). A
declaration has an HS *risk reason* when one of its items gets
``HS_DESCRIPTION_MISMATCH_CHAPTER`` or ``_HEADING`` (these become the engine's ``document``
reasons, ``clearlane.features.facts.HS_MISMATCH_CODES``), *any reason* when the subheading
reason counts too (a CLI reason and a feature only).

Prints, for all declarations and for the demo's scored day (the last day), the share of
declarations with an HS reason, split by the generator's ground truth: declarations with a
planted misclassification (an item declared under a cheaper look-alike subheading), the other
fraudulent ones and the clean ones. Run (about a CPU minute after generation):

    PYTHONPATH=src python benchmarks/hs_demo_reasons.py [--declarations 20000] [--seed 42]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import pandas as pd

from clearlane.features.facts import HS_MISMATCH_CODES
from clearlane.generate import generate_dataset
from clearlane.generate.config import MISCLASSIFICATION
from clearlane.hs.api import check


def generated_items(declarations: int, seed: int) -> tuple[pd.DataFrame, Path]:
    """The generator's goods items (reference, date, description with its spaces folded,
    declared code) for a dataset of ``declarations``, and the folder it was written to."""
    out = Path(tempfile.mkdtemp()) / "demo-data"
    generate_dataset(declarations=declarations, seed=seed, out_dir=out)
    rows = []
    with (out / "declarations.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for item in record["items"]:
                description = " ".join(str(item.get("description") or "").split())
                rows.append(
                    (record["reference"], record["declaration_date"], description,
                     str(item["hs_code"]).strip())
                )  # fmt: skip
    return pd.DataFrame(rows, columns=["reference", "date", "description", "code"]), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--declarations", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    items, out = generated_items(args.declarations, args.seed)
    pairs = items[["description", "code"]].drop_duplicates().reset_index(drop=True)
    cpu = time.process_time()
    checked = check(list(pairs.itertuples(index=False, name=None)))
    cpu = time.process_time() - cpu
    pairs["reason"] = [c.reason_code for c in checked]
    items = items.merge(pairs, on=["description", "code"], how="left")
    items["risk"] = items["reason"].isin(HS_MISMATCH_CODES)
    items["any"] = items["reason"].notna()
    per = items.groupby("reference").agg(
        date=("date", "first"), items=("code", "size"), risk=("risk", "any"), any=("any", "any")
    )
    truth = pd.read_csv(out / "ground_truth.csv", usecols=["reference", "is_fraud", "mechanisms"])
    truth = truth.set_index("reference").reindex(per.index)
    mechanisms = truth["mechanisms"].fillna("").astype(str)
    per["group"] = "clean"
    per.loc[truth["is_fraud"].fillna(0).astype(int) == 1, "group"] = "other fraud"
    per.loc[mechanisms.str.contains(MISCLASSIFICATION), "group"] = "planted misclassification"

    print(
        f"{len(items):,} goods items in {len(per):,} declarations; {len(pairs):,} distinct "
        f"(description, code) pairs checked in {cpu:.1f} CPU s"
    )
    print(
        f"items with a chapter/heading reason: {items['risk'].mean():.1%} "
        f"(any reason {items['any'].mean():.1%})"
    )
    print()
    print(
        "| declarations | count | mean items | with an HS chapter/heading reason "
        "(engine risk reason) | with any HS reason |"
    )
    print("| --- | ---: | ---: | ---: | ---: |")
    last = per["date"].max()
    for scope, frame in (("all days", per), (f"the scored day ({last})", per[per["date"] == last])):
        groups = [("all", frame)] + [
            (name, frame[frame["group"] == name])
            for name in ("clean", "other fraud", "planted misclassification")
        ]
        for name, part in groups:
            if part.empty:
                continue
            print(
                f"| {scope}: {name} | {len(part):,} | {part['items'].mean():.2f} "
                f"| {part['risk'].mean():.1%} ({int(part['risk'].sum()):,}) "
                f"| {part['any'].mean():.1%} ({int(part['any'].sum()):,}) |"
            )


if __name__ == "__main__":
    main()
