"""Field accuracy of the invoice reader on each batch of hand-written layouts, text layer and
(optionally) scans, with the wrong values listed apart from the misses.

benchmarks/documents.py prints the earlier batches' tables beside the generated documents and
reads every scan (about 20 CPU-min); this one reads the text PDFs of every batch in seconds and
scans only of the layouts named, and says for each miss whether the reader left the field null
(not found) or read another value (wrong: worse, a customs officer may trust it).

Run:  PYTHONPATH=src python benchmarks/documents_batches.py [--batches batch15,review13]
          [--scans es-two-boxes,ca-credit-memo] [--show-errors] [--save out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(1, str(ROOT))  # tests.documents.layouts*


def batches() -> dict[str, list[Any]]:
    from tests.documents.layouts import FRESH, LATER, LAYOUTS, RATES
    from tests.documents.layouts_batch15 import BATCH15
    from tests.documents.layouts_batch17 import BATCH17
    from tests.documents.layouts_batch18 import BATCH18
    from tests.documents.layouts_batch19 import BATCH19
    from tests.documents.layouts_batch20 import BATCH20
    from tests.documents.layouts_batch21 import BATCH21
    from tests.documents.layouts_batch22 import BATCH22
    from tests.documents.layouts_batch23 import BATCH23
    from tests.documents.layouts_batch24 import BATCH24
    from tests.documents.layouts_batch25 import BATCH25
    from tests.documents.layouts_batch26 import BATCH26
    from tests.documents.layouts_batch27 import BATCH27
    from tests.documents.layouts_batch28 import BATCH28
    from tests.documents.layouts_batch29 import BATCH29
    from tests.documents.layouts_batch30 import BATCH30
    from tests.documents.layouts_batch31 import BATCH31
    from tests.documents.layouts_batch32 import BATCH32
    from tests.documents.layouts_batch33 import BATCH33
    from tests.documents.layouts_batch34 import BATCH34
    from tests.documents.layouts_batch35 import BATCH35
    from tests.documents.layouts_batch36 import BATCH36
    from tests.documents.layouts_batch37 import BATCH37
    from tests.documents.layouts_batch38 import BATCH38
    from tests.documents.layouts_batch39 import BATCH39
    from tests.documents.layouts_batch40 import BATCH40
    from tests.documents.layouts_batch42 import BATCH42
    from tests.documents.layouts_batch44 import BATCH44
    from tests.documents.layouts_batch46 import BATCH46
    from tests.documents.layouts_batch48 import BATCH48
    from tests.documents.layouts_review11 import REVIEW11
    from tests.documents.layouts_review13 import REVIEW13
    from tests.documents.layouts_review15 import REVIEW15
    from tests.documents.layouts_review18 import REVIEW18
    from tests.documents.layouts_review19 import REVIEW19
    from tests.documents.layouts_review20 import REVIEW20
    from tests.documents.layouts_review21 import REVIEW21
    from tests.documents.layouts_review22 import REVIEW22
    from tests.documents.layouts_unseen import AFTER, UNSEEN
    from tests.documents.layouts_unseen2 import AFTER2, UNSEEN2
    from tests.documents.layouts_unseen3 import UNSEEN3
    from tests.documents.layouts_unseen4 import UNSEEN4
    from tests.documents.layouts_unseen5 import UNSEEN5
    from tests.documents.layouts_unseen6 import UNSEEN6
    from tests.documents.layouts_unseen7 import UNSEEN7
    from tests.documents.layouts_unseen8 import UNSEEN8

    return {"first14": LAYOUTS, "later5": LATER, "fresh4": FRESH, "new3": RATES,
            "unseen": UNSEEN, "after": AFTER, "unseen2": UNSEEN2, "after2": AFTER2,
            "unseen3": UNSEEN3, "unseen4": UNSEEN4, "unseen5": UNSEEN5, "unseen6": UNSEEN6,
            "unseen7": UNSEEN7, "review11": REVIEW11, "unseen8": UNSEEN8,
            "review13": REVIEW13, "batch15": BATCH15, "review15": REVIEW15,
            "batch17": BATCH17, "batch18": BATCH18, "batch19": BATCH19,
            "batch20": BATCH20, "batch21": BATCH21, "batch22": BATCH22,
            "batch23": BATCH23, "batch24": BATCH24, "batch25": BATCH25,
            "batch26": BATCH26, "batch27": BATCH27, "batch28": BATCH28,
            "batch29": BATCH29, "batch30": BATCH30, "batch31": BATCH31,
            "batch32": BATCH32, "batch33": BATCH33,
            "batch34": BATCH34, "batch35": BATCH35, "batch36": BATCH36,
            "batch37": BATCH37, "batch38": BATCH38,
            "batch39": BATCH39, "batch40": BATCH40, "review18": REVIEW18,
            "batch42": BATCH42, "review19": REVIEW19, "batch44": BATCH44,
            "review20": REVIEW20, "batch46": BATCH46, "review21": REVIEW21,
            "batch48": BATCH48, "review22": REVIEW22}  # fmt: skip


# Amounts and counts compared as numbers, as the pinned tests compare line items: a dinar's
# '4620.000' is the truth's '4620.00' (session 27, reviewi12: the text comparison counted it wrong)
NUMBERS = frozenset({"tax_exclusive_total", "tax_total", "grand_total", "due_payable",
                     "quantity", "unit_price", "amount"})  # fmt: skip


def same_value(name: str, got: str | None, want: str | None) -> bool:
    """Whether a read field is the truth's: amounts and counts as numbers (NUMBERS), the rest
    as tests/documents/layouts.py's fields_right compares them."""
    from decimal import Decimal, InvalidOperation

    from clearlane.documents.evaluate import same

    if name in NUMBERS and got is not None and want is not None:
        try:
            return Decimal(got) == Decimal(want)
        except InvalidOperation:
            return False
    return same(name, got, want)


def fields_right(got: Any, truth: dict[str, Any]) -> dict[str, bool]:
    """Per header field and ``line_items``, whether ``got`` has the truth's value (same_value)."""
    from clearlane.documents.models import HEADER_FIELDS, LINE_FIELDS

    right = {name: same_value(name, getattr(got, name), truth[name]) for name in HEADER_FIELDS}
    lines = [line.model_dump() for line in got.line_items]
    right["line_items"] = len(lines) == len(truth["line_items"]) and all(
        same_value(k, line[k], want[k])
        for line, want in zip(lines, truth["line_items"], strict=False)
        for k in LINE_FIELDS
    )
    return right


def read(layouts: list[Any], kind: str) -> tuple[dict[str, dict[str, Any]], list[float]]:
    """Each layout read (``text``: its PDF; ``scan``: its scan by OCR): per layout, per field,
    ``right``, ``null`` (the reader found nothing) or the wrong value read."""
    from tests.documents.layouts import write_batch, write_scans

    from clearlane.documents.extraction import extract

    out: dict[str, dict[str, Any]] = {}
    cpu: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        write = write_batch if kind == "text" else write_scans
        paths = write(Path(folder), layouts)
        for layout in layouts:
            started = time.process_time()
            got = extract(paths[layout.name])
            cpu.append(time.process_time() - started)
            cells: dict[str, Any] = {}
            for name, ok in fields_right(got, layout.truth).items():
                if ok:
                    cells[name] = "right"
                elif name == "line_items":
                    cells[name] = "null" if not got.line_items else "wrong"
                else:
                    value = getattr(got, name)
                    cells[name] = "null" if value is None else f"wrong: {value!r}"
            out[layout.name] = cells
    return out, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", default="", help="comma-separated (default: all)")
    parser.add_argument("--scans", default="", help="layout names to read as scans too")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--save", type=Path, help="write every cell as JSON")
    args = parser.parse_args()
    from clearlane.documents.models import HEADER_FIELDS

    sets = batches()
    names = [layout.name for layouts in sets.values() for layout in layouts]
    if len(set(names)) != len(names):  # a scan or a saved cell is found by its layout's name
        raise SystemExit(f"layout names repeat: {sorted({n for n in names if names.count(n) > 1})}")
    chosen = [b for b in args.batches.split(",") if b] or list(sets)
    fields = [*HEADER_FIELDS, "line_items"]
    saved: dict[str, Any] = {}
    load = os.getloadavg()[0]
    runs: list[tuple[str, str, list[Any]]] = [(b, "text", sets[b]) for b in chosen]
    wanted = {n for n in args.scans.split(",") if n}
    if wanted:
        every = [layout for b in sets.values() for layout in b]
        runs.append(("scans", "scan", [layout for layout in every if layout.name in wanted]))
    print(f"load average at start {load:.1f}\n")
    print("| batch | kind | layouts | right | of | null | wrong | median CPU-s |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    by_field: dict[str, dict[str, int]] = {}
    for label, kind, layouts in runs:
        cells, cpu = read(layouts, kind)
        saved[f"{label}/{kind}"] = cells
        values = [c for row in cells.values() for c in row.values()]
        right = sum(c == "right" for c in values)
        null = sum(c == "null" for c in values)
        cpu.sort()
        print(f"| {label} | {kind} | {len(layouts)} | {right} | {len(values)} | {null} | "
              f"{len(values) - right - null} | {cpu[len(cpu) // 2]:.2f} |")  # fmt: skip
        by_field[f"{label} {kind}"] = {
            f: sum(row[f] == "right" for row in cells.values()) for f in fields
        }
        if args.show_errors:
            for name, row in cells.items():
                for f, c in row.items():
                    if c != "right":
                        print(f"|   | {name} | {f} | {c} |")
    print("\n| field | " + " | ".join(by_field) + " |")
    print("| --- | " + " | ".join("---:" for _ in by_field) + " |")
    for f in fields:
        print(f"| {f} | " + " | ".join(str(v[f]) for v in by_field.values()) + " |")
    if args.save:
        args.save.write_text(json.dumps(saved, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
