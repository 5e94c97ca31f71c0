"""Targeting on generated data: the same comparison as benchmarks/targeting.py, on a synthetic
year from `clearlane generate` (documented fraud mechanisms, risk-biased controls).

    python benchmarks/targeting_generated.py [--declarations 100000] [--seed 5] [--facts]
        [--cache DIR] [--only prepare|without|with]

Train on the first 80 % of days, test on the last 20 % (temporal split). Only controlled
declarations have labels, as in real control data. Prints Markdown tables.

``--facts`` also runs the comparison with the facts of clearlane.features.facts on the frame
(every declaration's generated invoice cross-checked, its manifest compared, the HS
check of every goods item; no trader network: the register is not built here), prints the
engine with and without them, and the discrepancies' recall of what the generator planted:

* invoices: the generator's invoice for each declaration (as printed, with the planted
  discrepancy of 40 % of them; undervaluation cases may show the true price) is
  cross-checked from its ground truth (the extraction itself is measured by
  benchmarks/documents.py); recall of planted codes, and false alarms = codes raised on
  invoices without a plant, for honest declarations and for undervaluation cases apart;
* manifests: gross-mass / package discrepancies against the generator's quantity fraud
  (each generated transport document names its declaration; linking is measured by
  benchmarks/linking.py and tests/link; on 5,000 declarations through the store,
  `link run` linked all of them).

With ``--facts`` each engine is also measured against the generator's **ground truth** on
every held-out declaration (controlled or not), at an inspection rate of 5 % of them: overall
(any fraud mechanism), on the planted-misclassification slice (declarations whose declared
code is the cheaper look-alike) and on the planted-document-discrepancy slice (declarations
whose invoice carries a planted discrepancy, which is unrelated to fraud: there the false
alarms matter, honest declarations pushed into the top 5 %).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from clearlane.generate import generate_dataset
from clearlane.ingest.parse import read_frame
from clearlane.learn import compare
from clearlane.risk.profiles import load_default_profiles
from clearlane.workflows import temporal_split

SHOWN = ["precision@1%", "precision@5%", "recall@5%", "revenue@5%", "roc_auc", "pr_auc"]


def _tables(result, title: str) -> None:  # type: ignore[no-untyped-def]
    for scope in ("all rows", "novel rows"):
        table = result.tables[scope][SHOWN]
        print(f"### {title}: {scope}\n")
        print("| method | " + " | ".join(SHOWN) + " |")
        print("| --- |" + " ---: |" * len(SHOWN))
        for name, row in table.iterrows():
            print(f"| {name} | " + " | ".join(f"{row[c]:.3f}" for c in SHOWN) + " |")
        print()


def truth_of(out: Path, planted: set[str]) -> pd.DataFrame:
    """Per generated declaration: its fraud mechanisms and whether its invoice carries a
    planted discrepancy (``planted``: the references whose invoice has one)."""
    truth = pd.read_csv(out / "ground_truth.csv", dtype=str).fillna("")
    table = truth.set_index("reference")[["mechanisms"]]
    table["doc_planted"] = table.index.isin(sorted(planted))
    return table


INSPECTION = 0.05


def truth_table(test: pd.DataFrame, scores: dict[str, pd.Series], truth: pd.DataFrame) -> None:
    """Against the ground truth, every held-out declaration, top ``INSPECTION`` inspected."""
    from sklearn.metrics import average_precision_score

    refs = test["reference"].astype(str)
    table = truth.reindex(refs.unique())
    fraud = table["mechanisms"].fillna("").ne("").to_numpy()
    misclassified = table["mechanisms"].fillna("").str.contains("misclassification").to_numpy()
    planted = table["doc_planted"].fillna(False).astype(bool).to_numpy()
    n_top = max(1, round(INSPECTION * len(table)))
    print(
        f"### ground truth, all {len(table):,} held-out declarations, top {INSPECTION:.0%} "
        f"({n_top}) inspected: {int(fraud.sum())} with fraud, {int(misclassified.sum())} "
        f"misclassified, {int(planted.sum())} with a planted invoice discrepancy "
        f"({int((planted & fraud).sum())} of them with fraud)\n"
    )
    print(
        "| engine | PR-AUC (any fraud) | recall@5% | misclassified: PR-AUC | recall@5% | "
        "planted-doc slice: PR-AUC | recall@5% | honest planted in top 5% | honest unplanted "
        "in top 5% |"
    )
    print("| --- |" + " ---: |" * 8)
    for name, score in scores.items():
        decl = score.groupby(refs.to_numpy()).max().reindex(table.index).fillna(-1e9).to_numpy()
        top = np.zeros(len(decl), dtype=bool)
        top[np.argsort(-decl, kind="stable")[:n_top]] = True

        def recall(mask: np.ndarray, top: np.ndarray = top) -> float:
            return float(top[mask].mean()) if mask.any() else float("nan")

        cells = [
            average_precision_score(fraud, decl),
            recall(fraud),
            average_precision_score(misclassified, decl),
            recall(misclassified),
            average_precision_score(fraud[planted], decl[planted]),
            recall(fraud & planted),
            recall(planted & ~fraud),
            recall(~planted & ~fraud),
        ]
        print(f"| {name} | " + " | ".join(f"{c:.3f}" for c in cells) + " |")
    print()


def facts_for(out: Path, frame: pd.DataFrame) -> tuple[pd.DataFrame, set[str]]:
    """``frame`` with the fact columns, from the generated invoices and manifests, and the
    references whose invoice carries a planted discrepancy."""
    from datetime import date
    from types import SimpleNamespace

    from clearlane.documents.crosscheck import crosscheck, discrepancy_facts
    from clearlane.documents.models import Extraction
    from clearlane.features.facts import Evidence, Facts, attach_facts, hs_checks
    from clearlane.generate.documents import CONSEQUENCES, build_invoice
    from clearlane.link.discrepancies import compare as compare_manifest
    from clearlane.link.manifests.readers import from_generated
    from clearlane.store.session import open_store

    started, cpu = time.perf_counter(), time.process_time()
    declarations = {
        r["reference"]: r
        for r in map(json.loads, (out / "declarations.jsonl").read_text().splitlines())
    }
    invoices = {
        r["declaration_reference"]: r
        for r in map(json.loads, (out / "invoices.jsonl").read_text().splitlines())
    }
    truth = pd.read_csv(out / "ground_truth.csv", dtype=str).fillna("").set_index("reference")
    rng = np.random.default_rng(13)
    found: dict[str, list] = {}
    planted = hits = 0
    planted_refs: set[str] = set()
    alarms = {"honest": [0, 0], "undervaluation": [0, 0]}
    for reference, record in invoices.items():
        declaration = declarations.get(reference)
        if declaration is None:
            continue
        invoice = build_invoice(record, declaration, rng)
        extraction = Extraction.model_validate(invoice.truth())
        checked = crosscheck(extraction, declaration)
        found[reference] = checked
        codes = {d.code for d in checked}
        if invoice.planted:
            planted_refs.add(reference)
            planted += len(invoice.planted)
            hits += sum(code in codes for code in invoice.planted)
        else:
            mechanisms = truth.loc[reference, "mechanisms"] if reference in truth.index else ""
            group = "undervaluation" if "undervaluation" in mechanisms else "honest"
            may = {c for p in invoice.planted for c in (p, *CONSEQUENCES.get(p, ()))}
            alarms[group][0] += 1
            alarms[group][1] += bool(codes - may)
    print(f"invoice cross-check (ground-truth extraction): planted {planted}, found {hits} "
          f"({hits / max(planted, 1):.1%})")  # fmt: skip
    for group, (n, raised) in alarms.items():
        print(f"  invoices without a plant, {group} declarations: {n}, raising a code: "
              f"{raised} ({raised / max(n, 1):.1%})")  # fmt: skip

    # Manifests: each generated transport document names its declaration (the linking itself
    # is measured by benchmarks/linking.py and tests/link); compared as link.discrepancies does.
    rows = []
    for line in (out / "manifests.jsonl").read_text().splitlines():
        doc = from_generated(json.loads(line))
        reference = doc.get("declaration_reference")
        if reference not in declarations:
            continue
        doc["arrival_date"] = (
            date.fromisoformat(doc["arrival_date"]) if doc["arrival_date"] else None
        )
        decl = declarations[reference]
        for d in compare_manifest(
            decl, date.fromisoformat(decl["declaration_date"]), SimpleNamespace(**doc)
        ):  # type: ignore[arg-type]
            rows.append({"reference": reference, "code": d.code})
    links = pd.DataFrame(rows, columns=["reference", "code"])
    linked = {
        json.loads(line).get("declaration_reference")
        for line in (out / "manifests.jsonl").read_text().splitlines()
    } & set(declarations)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/hs.db")
        hs_started, hs_cpu = time.perf_counter(), time.process_time()
        pairs = frame[["description", "hs_code"]].fillna("").astype(str)
        unique = {(" ".join(d.split()), c.strip()) for d, c in pairs.itertuples(index=False)}
        checked_hs = hs_checks(store, unique)
        hs_wall, hs_cpu = time.perf_counter() - hs_started, time.process_time() - hs_cpu
    print(f"HS check: {len(unique):,} distinct (description, code) pairs in {hs_wall:.1f} s "
          f"wall, {hs_cpu:.1f} s CPU ({len(unique) / max(hs_wall, 1e-9):.0f} pairs/s)")  # fmt: skip
    quantity = set(truth[truth.mechanisms.str.contains("quantity")].index)
    mass = set(links[links.code.isin(["MANIFEST_GROSS_MASS", "MANIFEST_PACKAGES"])].reference)
    print(f"manifests: {len(linked):,} linked; quantity fraud {len(quantity)}, flagged by mass "
          f"or packages {len(mass & quantity)} ({len(mass & quantity) / max(len(quantity), 1):.1%}"
          f"), flagged without quantity fraud {len(mass - quantity)}")  # fmt: skip

    refs = sorted(declarations)
    doc_table = discrepancy_facts(found)
    columns = pd.DataFrame(index=pd.Index(refs, name="reference"))
    from clearlane.features.facts import DOC_COLUMNS, LINK_COLUMNS, NET_COLUMNS

    for column in DOC_COLUMNS:
        columns[column] = doc_table[column].reindex(columns.index).astype(float)
    link_flags = pd.DataFrame(0.0, index=sorted(linked), columns=list(LINK_COLUMNS))
    for record in links.to_dict("records"):
        column = f"link_{str(record['code']).lower()}"
        if column in link_flags.columns:
            link_flags.loc[record["reference"], column] = 1.0
        link_flags.loc[record["reference"], "link_discrepancies"] += 1.0
    for column in LINK_COLUMNS:
        columns[column] = link_flags[column].reindex(columns.index)
    for column in NET_COLUMNS:
        columns[column] = np.nan
    hs = {}
    for ref, seq, d, c in frame[["reference", "seq", "description", "hs_code"]].itertuples(
        index=False
    ):
        fact = checked_hs.get((" ".join(str(d).split()), str(c).strip()))
        if fact is not None:
            hs[(str(ref), int(seq))] = fact
    evidence: dict[str, list[Evidence]] = {r: [] for r in refs}
    result = attach_facts(frame, Facts(columns, evidence, hs, {}))
    print(f"facts gathered in {time.perf_counter() - started:.1f} s wall, "
          f"{time.process_time() - cpu:.1f} s CPU\n")  # fmt: skip
    return result, planted_refs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--declarations", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--facts", action="store_true", help="also with document/link/HS facts")
    parser.add_argument(
        "--cache", type=Path, help="keep the frames here (pickle) and reuse them on a rerun"
    )
    parser.add_argument(
        "--only", choices=("prepare", "without", "with"), help="one stage (each under 10 min)"
    )
    args = parser.parse_args()
    cached = args.cache / f"frames-{args.declarations}-{args.seed}.pkl" if args.cache else None
    if cached is not None and cached.exists():
        frame, with_facts, truth = pd.read_pickle(cached)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            generate_dataset(declarations=args.declarations, seed=args.seed, out_dir=out)
            frame = read_frame(out / "declarations.jsonl", controls=out / "controls.jsonl")
            with_facts, planted = facts_for(out, frame) if args.facts else (None, set())
            truth = truth_of(out, planted)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            pd.to_pickle((frame, with_facts, truth), cached)
    if args.only == "prepare":
        return
    if args.only != "with":
        train, test = temporal_split(frame, 0.2)
        result = compare(train, test, profiles=load_default_profiles(), explanations=False)
        labelled = test.drop_duplicates("reference")["fraud"]
        print(
            f"\n{args.declarations:,} generated declarations (seed {args.seed}); test period "
            f"{result.extras['test_period']}: {int(labelled.notna().sum()):,} controlled "
            f"declarations, {int(labelled.sum()):,} non-compliant\n"
        )
        _tables(result, "without facts")
        truth_table(test, {"engine without facts": result.scores["engine"]}, truth)
    if with_facts is not None and args.only != "without":
        train, test = temporal_split(with_facts, 0.2)
        result = compare(train, test, profiles=load_default_profiles(), explanations=False)
        _tables(result, "with facts (invoice, manifest, HS check)")
        truth_table(test, {"engine with facts": result.scores["engine"]}, truth)


if __name__ == "__main__":
    pd.set_option("display.width", 200)
    main()
