"""The hand-written batches read as scans (OCR) beside their text layer: per batch, fields
right / wrong / missed (null), and the fields right on text but not as scans (scan-only).

OCR is the slow part (about 5 CPU-s a page) and does not change with the reader's code, so, as
benchmarks/ocr_reread.py does, the recogniser's runs of each page image are kept in ``--cache``
(keyed by the image's bytes): the first run recognises every page, later runs only re-read.
Scans as benchmarks/documents.py renders them (tests/documents/layouts.py's write_scans);
fields scored as benchmarks/documents_batches.py scores them (amounts as numbers).

Run:  PYTHONPATH=src python benchmarks/scans_batches.py [--batches batch33,batch34]
          [--cache /tmp/scans_cache] [--show-errors] [--save out.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(1, str(ROOT))  # tests.documents.layouts*
sys.path.insert(2, str(ROOT / "benchmarks"))

DEFAULT = "batch30,batch31,batch32,batch33,batch34,batch35,batch36"


def cached_ocr(cache: Path) -> dict[str, float]:
    """Route ocr.py's recogniser through ``cache``; the returned dict counts pages recognised
    anew and their CPU seconds."""
    from clearlane.documents import ocr

    cache.mkdir(parents=True, exist_ok=True)
    recognise = ocr._rapidocr
    spent = {"pages": 0, "cpu": 0.0}

    def cached(gray: Any) -> Any:
        key = hashlib.sha1(repr(gray.shape).encode() + gray.tobytes()).hexdigest()
        path = cache / f"{key}.pickle"
        if path.exists():
            return pickle.loads(path.read_bytes())
        started = time.process_time()
        runs = recognise(gray)
        spent["cpu"] += time.process_time() - started
        spent["pages"] += 1
        path.write_bytes(pickle.dumps(runs))
        return runs

    ocr._rapidocr = cached  # type: ignore[assignment]
    return spent


def cells_of(got: Any, truth: dict[str, Any]) -> dict[str, str]:
    """Per field: ``right``, ``null`` or ``wrong: <value>`` (documents_batches.fields_right)."""
    from documents_batches import fields_right

    cells: dict[str, str] = {}
    for name, ok in fields_right(got, truth).items():
        if ok:
            cells[name] = "right"
        elif name == "line_items":
            cells[name] = "null" if not got.line_items else "wrong"
        else:
            value = getattr(got, name)
            cells[name] = "null" if value is None else f"wrong: {value!r}"
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", default=DEFAULT, help="comma-separated")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/scans_batches_cache"))
    parser.add_argument("--show-errors", action="store_true", help="list the scan-only misses")
    parser.add_argument("--save", type=Path, help="write every cell as JSON")
    args = parser.parse_args()
    from documents_batches import batches
    from tests.documents.layouts import write_batch, write_scans

    from clearlane.documents.extraction import extract

    spent = cached_ocr(args.cache)
    sets = batches()
    chosen = [b for b in args.batches.split(",") if b]
    print(f"load average at start {os.getloadavg()[0]:.1f}\n")
    print("| batch | layouts | fields | text right | text wrong | text null "
          "| scan right | scan wrong | scan null | scan-only misses |")  # fmt: skip
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    saved: dict[str, Any] = {}
    errors: list[str] = []
    for label in chosen:
        layouts = sets[label]
        tally: dict[str, dict[str, int]] = {}
        only = 0
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "text").mkdir()
            (Path(folder) / "scan").mkdir()
            paths = {
                "text": write_batch(Path(folder) / "text", layouts),
                "scan": write_scans(Path(folder) / "scan", layouts),
            }
            for layout in layouts:
                row = {k: cells_of(extract(paths[k][layout.name]), layout.truth) for k in paths}
                saved[f"{label}/{layout.name}"] = row
                for kind, cells in row.items():
                    t = tally.setdefault(kind, {"right": 0, "wrong": 0, "null": 0})
                    for cell in cells.values():
                        t[cell.split(":")[0]] += 1
                for name, cell in row["scan"].items():
                    if row["text"][name] == "right" and cell != "right":
                        only += 1
                        errors.append(f"{label} {layout.name} {name}: {cell}")
        fields = sum(tally["text"].values())
        t, s = tally["text"], tally["scan"]
        print(f"| {label} | {len(layouts)} | {fields} | {t['right']} | {t['wrong']} | "
              f"{t['null']} | {s['right']} | {s['wrong']} | {s['null']} | {only} |")  # fmt: skip
        sys.stdout.flush()
    print(f"\n{spent['pages']} pages recognised anew ({spent['cpu']:.0f} CPU-s of OCR)")
    if args.show_errors:
        print("\nRight on text, not as scans:")
        for line in errors:
            print(f"  {line}")
    if args.save:
        args.save.write_text(json.dumps(saved, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
