"""Invoice extraction and the declaration cross-check on generated documents.

Generates ``--count`` invoices (Factur-X and bare CII/UBL XML, text PDFs, scans as PNG and as
image-only PDFs; see clearlane.generate.documents), extracts each one, and prints Markdown:

1. per-field accuracy by kind of document (xml / text / scan); names and descriptions are
   compared ignoring case and spaces, everything else exactly; ``line_items`` is right when
   every line's five fields are;
2. seconds per page by kind (median and worst), against the targets (text PDF <= 0.5 s,
   scan <= 10 s);
3. the cross-check's recall of planted discrepancies and its false alarms on clean pairs, on
   what was extracted and on the ground truth (the checker alone);
4. per-field accuracy on the hand-written layouts of tests/documents/layouts.py (not made
   by the generator), as text PDFs and as scans read by OCR.

Run:  PYTHONPATH=src python benchmarks/documents.py [--count 45] [--seed 7] [--threads 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(1, str(ROOT))  # tests.documents.layouts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=45)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2, help="ONNX Runtime threads for OCR")
    parser.add_argument("--show-errors", action="store_true", help="print each wrong field")
    args = parser.parse_args()

    from clearlane.documents.evaluate import _family, evaluate_folder
    from clearlane.documents.models import HEADER_FIELDS
    from clearlane.generate.documents import generate_documents

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        summary = generate_documents(count=args.count, seed=args.seed, out_dir=Path(folder))
        generated = time.perf_counter() - started
        # Load the OCR models before timing (a server loads them once per process).
        from clearlane.documents import ocr

        ocr.THREADS = args.threads
        ocr._engine()
        evaluation = evaluate_folder(Path(folder))

    if args.show_errors:
        for d in evaluation.documents:
            for name, (got, want) in d.wrong.items():
                print(f"{d.file} ({d.kind}) {name}: got {got!r}, truth {want!r}")
    kinds = ("xml", "text", "scan")
    counts = {k: sum(_family(d.kind) == k for d in evaluation.documents) for k in kinds}
    print(f"{summary.count} documents (seed {args.seed}, generated in {generated:.1f} s): "
          + ", ".join(f"{k} {counts[k]}" for k in kinds) + f"; {os.cpu_count()} cores, "
          f"OCR threads {args.threads}\n")  # fmt: skip
    print("| field | " + " | ".join(kinds) + " |")
    print("| --- | " + " | ".join("---:" for _ in kinds) + " |")
    table = {k: evaluation.accuracy(k) for k in kinds}
    for name in [*HEADER_FIELDS, "line_items"]:
        print(f"| {name} | " + " | ".join(f"{table[k][name]:.0%}" for k in kinds) + " |")
    mean = {k: statistics.fmean(table[k].values()) for k in kinds}
    print("| **all fields** | " + " | ".join(f"**{mean[k]:.0%}**" for k in kinds) + " |\n")

    print("| kind | pages | median s/page | worst s/page | median CPU s/page | target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    targets = {"xml": "-", "text": "0.5", "scan": "10"}
    for kind in kinds:
        docs = [d for d in evaluation.documents if _family(d.kind) == kind]
        if docs:
            per_page = [d.seconds / d.pages for d in docs]
            cpu = statistics.median(d.cpu_seconds / d.pages for d in docs)
            print(f"| {kind} | {len(per_page)} | {statistics.median(per_page):.2f} | "
                  f"{max(per_page):.2f} | {cpu:.2f} | {targets[kind]} |")  # fmt: skip
    print()
    planted = sum(len(d.planted) for d in evaluation.documents)
    print("| cross-check on | planted | recall | clean pairs | false alarms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, on_truth in (("extracted values", False), ("ground truth", True)):
        alarms, clean = evaluation.false_alarms(on_truth=on_truth)
        print(f"| {label} | {planted} | {evaluation.recall(on_truth=on_truth):.0%} | {clean} | "
              f"{alarms} ({alarms / clean if clean else 0:.0%}) |")  # fmt: skip
    for family in kinds:
        docs = [d for d in evaluation.documents if _family(d.kind) == family]
        found = sum(c in d.raised for d in docs for c in d.planted)
        total = sum(len(d.planted) for d in docs)
        clean = [d for d in docs if not d.planted]
        alarms = sum(bool(set(d.raised) - set(d.may_raise)) for d in clean)
        recall = found / total if total else float("nan")
        print(f"| extracted, {family} only | {total} | {recall:.0%} | {len(clean)} | {alarms} |")
    print()
    hand_written(show_errors=args.show_errors)


def hand_written(*, show_errors: bool) -> None:
    """Field accuracy on the hand-written layouts, LAYOUTS, LATER, FRESH, RATES, UNSEEN and AFTER
    (tests/documents/layouts_unseen.py), UNSEEN2 and AFTER2 (tests/documents/layouts_unseen2.py),
    UNSEEN3 (tests/documents/layouts_unseen3.py), UNSEEN4 (tests/documents/layouts_unseen4.py)
    UNSEEN5 (tests/documents/layouts_unseen5.py), UNSEEN6 (tests/documents/layouts_unseen6.py) and
    UNSEEN7 (tests/documents/layouts_unseen7.py), REVIEW11 (tests/documents/layouts_review11.py)
    and UNSEEN8 (tests/documents/layouts_unseen8.py) separately: their text PDFs, then their scans
    (each page rasterised at 200 dpi, turned 0.5-1.5 degrees, blurred and speckled by the
    generator's render_scan; read by OCR)."""
    from tests.documents.layouts import (
        FRESH,
        LATER,
        LAYOUTS,
        RATES,
        score_layouts,
        write_layouts,
        write_scans,
    )
    from tests.documents.layouts_review11 import REVIEW11, write_review11
    from tests.documents.layouts_unseen import AFTER, UNSEEN, write_unseen
    from tests.documents.layouts_unseen2 import AFTER2, UNSEEN2, write_unseen2
    from tests.documents.layouts_unseen3 import UNSEEN3, write_unseen3
    from tests.documents.layouts_unseen4 import UNSEEN4, write_unseen4
    from tests.documents.layouts_unseen5 import UNSEEN5, write_unseen5
    from tests.documents.layouts_unseen6 import UNSEEN6, write_unseen6
    from tests.documents.layouts_unseen7 import UNSEEN7, write_unseen7
    from tests.documents.layouts_unseen8 import UNSEEN8, write_unseen8

    from clearlane.documents.models import HEADER_FIELDS

    sets = {"first 14": LAYOUTS, "later 5": LATER, "fresh 4": FRESH, "new 3": RATES,
            "unseen 11": UNSEEN, "after 5": AFTER, "unseen 12": UNSEEN2,
            "after 4": AFTER2, "unseen3 12": UNSEEN3, "unseen4 12": UNSEEN4,
            "unseen5 9": UNSEEN5, "unseen6 12": UNSEEN6, "unseen7 13": UNSEEN7,
            "review11 11": REVIEW11, "unseen8 13": UNSEEN8}  # fmt: skip
    names = [*HEADER_FIELDS, "line_items"]
    for kind, write in (("text PDFs", write_layouts), ("scans, OCR", write_scans)):
        with tempfile.TemporaryDirectory() as folder:
            paths = write(Path(folder))
            if write is write_layouts:
                paths |= write_unseen(Path(folder)) | write_unseen2(Path(folder))
                paths |= write_unseen3(Path(folder)) | write_unseen4(Path(folder))
                paths |= write_unseen5(Path(folder)) | write_unseen6(Path(folder))
                paths |= write_unseen7(Path(folder)) | write_review11(Path(folder))
                paths |= write_unseen8(Path(folder))
            else:
                paths |= write_scans(
                    Path(folder),
                    [
                        *UNSEEN,
                        *AFTER,
                        *UNSEEN2,
                        *AFTER2,
                        *UNSEEN3,
                        *UNSEEN4,
                        *UNSEEN5,
                        *UNSEEN6,
                        *UNSEEN7,
                        *REVIEW11,
                        *UNSEEN8,
                    ],  # fmt: skip
                )
            right, cpu, wrong = score_layouts(sets, paths)
        for line in wrong if show_errors else ():
            print(f"({kind}) {line}")
        print(f"\nHand-written layouts (tests/documents/layouts.py), {kind}; median "
              f"{statistics.median(cpu):.2f} CPU-s a page\n")  # fmt: skip
        print("| field | " + " | ".join(sets) + " |")
        print("| --- | " + " | ".join("---:" for _ in sets) + " |")
        for name in names:
            cells = [f"{right[label][name]}/{len(sets[label])}" for label in sets]
            print(f"| {name} | " + " | ".join(cells) + " |")
        totals = [
            f"**{sum(right[label].values())}/{len(sets[label]) * len(names)}**" for label in sets
        ]
        print("| **all fields** | " + " | ".join(totals) + " |")


if __name__ == "__main__":
    main()
