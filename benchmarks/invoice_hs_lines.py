"""The invoice line vs declared HS code check (``LINE_DESCRIPTION_HS_MISMATCH``) on generated
invoices, cross-checked from their ground truth (no extraction error) with the shipped HS check.

Generates ``--count`` invoices whose only planted discrepancy is a line described as traded
goods of another chapter than its item's declared code, and prints: recall on the planted
lines (and whether the flag names the changed line), false alarms on the clean invoices, and
how many clean lines the HS check alone would flag (without the rule that a line repeating its
item's declared description is left to the item's own HS check).

Run:  PYTHONPATH=src python benchmarks/invoice_hs_lines.py [--count 200] [--seed 11]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    from clearlane.documents.crosscheck import HS_MISMATCH_LEVELS, HS_PLAUSIBILITY_FLOOR, crosscheck
    from clearlane.documents.evaluate import _truth_extraction
    from clearlane.documents.service import shipped_hs_check
    from clearlane.generate.documents import HS_PLANT, generate_documents

    cpu = time.process_time()
    out = Path(tempfile.mkdtemp())
    generate_documents(count=args.count, seed=args.seed, out_dir=out, plants=(HS_PLANT,))
    lines = (out / "declarations.jsonl").read_text().splitlines()
    decls = {r["reference"]: r for r in map(json.loads, lines)}
    planted = found = on_line = clean = alarms = explained = clean_lines = alone = 0
    for path in sorted(out.glob("*.truth.json")):
        truth = json.loads(path.read_text())
        decl = decls[truth["declaration_reference"]]
        got = [
            d
            for d in crosscheck(_truth_extraction(truth), decl, hs_check=shipped_hs_check)
            if d.code == HS_PLANT
        ]
        pairs = list(zip(truth["line_items"], decl["items"], strict=True))
        if HS_PLANT in truth["planted"]:
            planted += 1
            found += bool(got)
            changed = [i for i, (line, item) in enumerate(pairs)
                       if line["description"] != item.get("description")]  # fmt: skip
            on_line += [d.field for d in got] == [f"line_items[{changed[0]}].description"]
            continue
        if HS_PLANT in truth["may_raise"]:  # the generator's misclassification on the invoice
            explained += bool(got)
            continue
        clean += 1
        alarms += bool(got)
        for line, item in pairs:
            clean_lines += 1
            verdict = shipped_hs_check(line["description"], item["hs_code"])
            alone += bool(
                verdict is not None
                and verdict.plausibility < HS_PLAUSIBILITY_FLOOR
                and verdict.reason_code in HS_MISMATCH_LEVELS
            )
    print(f"load average {os.getloadavg()[0]:.1f}; {args.count} invoices, seed {args.seed}")
    print(f"planted lines flagged: {found} / {planted} ({found / planted:.1%}), "
          f"on the changed line: {on_line}")  # fmt: skip
    print(f"clean invoices with a false alarm: {alarms} / {clean}")
    print(f"invoices showing the generator's own misclassification, flagged: {explained}")
    print(f"clean lines the HS check alone would flag: {alone} / {clean_lines}")
    print(f"CPU {time.process_time() - cpu:.1f} s")


if __name__ == "__main__":
    main()
