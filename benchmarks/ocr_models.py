"""The OCR recognisers side by side: PP-OCRv4 (the models inside ``rapidocr-onnxruntime``) and
PP-OCRv6 small (inside ``rapidocr`` 3.x), on the same scans.

1. The hand-written layouts of tests/documents/layouts.py as scans (each page rasterised at
   200 dpi, turned, blurred and speckled by the generator's render_scan; written once, read by
   each engine): fields right per batch and per field, CPU seconds a page.
2. The generated documents' scans (``--count`` invoices, ``--seed``; PNG and image-only PDF):
   fields right per field, CPU seconds a page.

Fields are compared as in benchmarks/documents.py (names and descriptions on letters and
digits, everything else exactly; ``line_items`` right when every line's five fields are).

Run:  PYTHONPATH=src python benchmarks/ocr_models.py [--engines v4,v6] [--count 45] [--seed 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(1, str(ROOT))  # tests.documents.layouts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="v4,v6", help="comma-separated: v4, v6")
    parser.add_argument("--count", type=int, default=45, help="generated invoices (0: none)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2, help="ONNX Runtime threads")
    parser.add_argument("--show-errors", action="store_true", help="print each wrong field")
    args = parser.parse_args()

    from tests.documents.layouts import FRESH, LATER, LAYOUTS, RATES, write_scans

    from clearlane.generate.documents import generate_documents

    engines = args.engines.split(",")
    sets = {"first 14": LAYOUTS, "later 5": LATER, "fresh 4": FRESH, "new 3": RATES}
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "layouts").mkdir()
        scans = write_scans(Path(folder) / "layouts")
        generated = Path(folder) / "generated"
        if args.count:
            generate_documents(count=args.count, seed=args.seed, out_dir=generated)
        for engine in engines:
            load(engine, args.threads)
            hand_written(engine, sets, scans, show_errors=args.show_errors)
            if args.count:
                generated_scans(engine, generated, show_errors=args.show_errors)


def load(engine: str, threads: int) -> None:
    """Make ``engine`` the one ocr_page uses, loaded before timing (a server loads it once)."""
    from clearlane.documents import ocr

    ocr.ENGINE = engine
    ocr.THREADS = threads
    ocr._engine.cache_clear()
    ocr._engine()


def hand_written(
    engine: str, sets: dict[str, list[Any]], scans: dict[str, Path], *, show_errors: bool
) -> None:
    from tests.documents.layouts import score_layouts

    from clearlane.documents.models import HEADER_FIELDS

    names = [*HEADER_FIELDS, "line_items"]
    right, cpu, wrong = score_layouts(sets, scans)
    for line in wrong if show_errors else ():
        print(f"[{engine}] {line}")
    total = sum(sum(r.values()) for r in right.values())
    out_of = sum(len(layouts) for layouts in sets.values()) * len(names)
    print(f"\n{engine}: hand-written layouts as scans, {total}/{out_of} fields "
          f"({total / out_of:.0%}); median {statistics.median(cpu):.2f} CPU-s a page, "
          f"worst {max(cpu):.2f}\n")  # fmt: skip
    print("| field | " + " | ".join(sets) + " | all |")
    print("| --- | " + " | ".join("---:" for _ in sets) + " | ---: |")
    for name in names:
        cells = [f"{right[label][name]}/{len(sets[label])}" for label in sets]
        every = sum(right[label][name] for label in sets)
        print(f"| {name} | " + " | ".join(cells) + f" | {every}/{len(scans)} |")
    totals = [f"{sum(right[label].values())}/{len(sets[label]) * len(names)}" for label in sets]
    print("| **all fields** | " + " | ".join(totals) + f" | **{total}/{out_of}** |")


def generated_scans(engine: str, folder: Path, *, show_errors: bool) -> None:
    from clearlane.documents.evaluate import _family, evaluate_folder
    from clearlane.documents.models import HEADER_FIELDS

    evaluation = evaluate_folder(folder)
    docs = [d for d in evaluation.documents if _family(d.kind) == "scan"]
    names = [*HEADER_FIELDS, "line_items"]
    if show_errors:
        for d in docs:
            for name, (got, want) in d.wrong.items():
                print(f"[{engine}] {d.file} {name}: got {got!r}, truth {want!r}")
    total = sum(d.right.get(name, False) for d in docs for name in names)
    cpu = [d.cpu_seconds / d.pages for d in docs]
    print(f"\n{engine}: generated scans, {total}/{len(docs) * len(names)} fields "
          f"({total / (len(docs) * len(names)):.0%}) on {len(docs)} scans; median "
          f"{statistics.median(cpu):.2f} CPU-s a page, worst {max(cpu):.2f}\n")  # fmt: skip
    wrong = {n: len(docs) - sum(d.right.get(n, False) for d in docs) for n in names}
    print("missed: " + (", ".join(f"{n} {k}" for n, k in wrong.items() if k) or "none"))


if __name__ == "__main__":
    main()
