"""Every scan the tests and benchmarks read, re-read by two versions of the reader: which OCR'd
value changed, right to wrong or wrong to right.

OCR is the slow part and ocr.py's recognition does not change between the versions compared, so
the recogniser's runs of each page image are kept in ``--cache`` (keyed by the image's bytes)
and only the reading (layout.py) runs again per version.

1. ``write FOLDER``: every scan into FOLDER with its truth: the hand-written layouts of
   benchmarks/documents.py as scans (write_scans), the image-only PDF pk-lowres-image, the
   generated scans of benchmarks/documents.py (45, seed 7) and of tests/documents/conftest.py
   (9, seed 5), and the hostile OCR inputs (no truth: their values compared as read).
2. ``read FOLDER OUT.json --src SRC``: extract each with ``SRC``'s clearlane (another worktree's
   src) and the cache; every field as read.
3. ``diff A.json B.json FOLDER``: the values that differ, each marked right/wrong by the truth.

Run:  PYTHONPATH=src python benchmarks/ocr_reread.py write /tmp/scans
      python benchmarks/ocr_reread.py read /tmp/scans /tmp/main.json --src src --cache /tmp/c
      python benchmarks/ocr_reread.py read /tmp/scans /tmp/old.json --src ../old/src --cache /tmp/c
      PYTHONPATH=src python benchmarks/ocr_reread.py diff /tmp/old.json /tmp/main.json /tmp/scans
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def write(folder: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(1, str(ROOT))
    from tests.documents import hostile
    from tests.documents.layouts import FRESH, LATER, LAYOUTS, RATES, write_scans
    from tests.documents.layouts_review11 import REVIEW11
    from tests.documents.layouts_unseen import AFTER, UNSEEN
    from tests.documents.layouts_unseen2 import AFTER2, UNSEEN2
    from tests.documents.layouts_unseen3 import UNSEEN3
    from tests.documents.layouts_unseen4 import UNSEEN4
    from tests.documents.layouts_unseen5 import UNSEEN5
    from tests.documents.layouts_unseen6 import UNSEEN6
    from tests.documents.layouts_unseen7 import UNSEEN7
    from tests.documents.layouts_unseen8 import UNSEEN8

    from clearlane.generate.documents import generate_documents

    folder.mkdir(parents=True, exist_ok=True)
    every = [*LAYOUTS, *LATER, *FRESH, *RATES, *UNSEEN, *AFTER, *UNSEEN2, *AFTER2, *UNSEEN3,
             *UNSEEN4, *UNSEEN5, *UNSEEN6, *UNSEEN7, *REVIEW11, *UNSEEN8]  # fmt: skip
    truths: dict[str, Any] = {}
    for name, path in write_scans(folder, every).items():
        layout = next(layout for layout in every if layout.name == name)
        truths[path.name] = layout.truth
    pk = next(layout for layout in UNSEEN6 if layout.name == "pk-lowres-image")
    (folder / "pk-lowres-image.pdf").write_bytes(pk.draw())
    truths["pk-lowres-image.pdf"] = pk.truth
    for label, count, seed in (("bench", 45, 7), ("tests", 9, 5)):
        generated = folder / f"generated-{label}"
        generate_documents(count=count, seed=seed, out_dir=generated)
        for truth_path in sorted(generated.glob("*.truth.json")):
            truth = json.loads(truth_path.read_text("utf-8"))
            if not truth["kind"].startswith("scan"):
                continue
            stem = truth_path.name.removesuffix(".truth.json")
            file = next(p for p in generated.glob(stem + ".*") if not p.name.endswith(".json"))
            truths[f"generated-{label}/{file.name}"] = truth
    for name in hostile.OCR_INPUTS:
        (folder / f"hostile-{name}").write_bytes(hostile.INPUTS[name]())
        truths[f"hostile-{name}"] = None
    (folder / "truths.json").write_text(json.dumps(truths, indent=1, default=str), "utf-8")
    print(f"{len(truths)} scans in {folder}")


class NotRecognised(BaseException):  # past extract's own handler
    """A page not in the ``--only`` cache: its scan is left out (not an Exception, which
    extract would turn into an ExtractionError)."""


def read(
    folder: Path,
    out: Path,
    src: Path,
    cache: Path,
    shard: str = "1/1",
    *,
    reverse: bool = False,
    only: Path | None = None,
) -> None:
    sys.path.insert(0, str(src.resolve()))
    import numpy as np

    from clearlane.documents import ocr
    from clearlane.documents.extraction import extract

    cache.mkdir(parents=True, exist_ok=True)
    recognise = ocr._rapidocr
    misses = 0

    def cached(gray: np.ndarray) -> Any:
        nonlocal misses
        key = hashlib.sha1(repr(gray.shape).encode() + gray.tobytes()).hexdigest()
        path = cache / f"{key}.pickle"
        if path.exists():
            return pickle.loads(path.read_bytes())
        if only is not None and not (only / path.name).exists():
            raise NotRecognised(key)
        misses += 1
        runs = recognise(gray)
        path.write_bytes(pickle.dumps(runs))
        return runs

    ocr._rapidocr = cached  # type: ignore[assignment]
    truths = json.loads((folder / "truths.json").read_text("utf-8"))
    results = {}
    part, parts = (int(n) for n in shard.split("/"))
    order = list(truths)[::-1] if reverse else list(truths)
    for index, name in enumerate(order):
        if index % parts != part - 1:
            continue
        try:
            got = extract(folder / name)
        except NotRecognised:
            continue  # --only: a page of it is not in that cache
        results[name] = {
            "method": got.method,
            **got.fields(),
            "line_items": [line.model_dump() for line in got.line_items],
        }
        print(name, got.method, file=sys.stderr)
    out.write_text(json.dumps(results, indent=1), "utf-8")
    print(f"{len(results)} read by {src}; {misses} pages recognised anew (not in the cache)")


def diff(before: Path, after: Path, folder: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from clearlane.documents.evaluate import same
    from clearlane.documents.models import HEADER_FIELDS, LINE_FIELDS

    old = json.loads(before.read_text("utf-8"))
    new = json.loads(after.read_text("utf-8"))
    truths = json.loads((folder / "truths.json").read_text("utf-8"))
    truths = {name: truth for name, truth in truths.items() if name in old and name in new}

    def right(name: str, field: str, value: Any) -> str:
        truth = truths[name]
        if truth is None:
            return "?"
        if field == "line_items":
            want = truth["line_items"]
            ok = len(value) == len(want) and all(
                same(k, line[k], w[k]) for line, w in zip(value, want, strict=False)
                for k in LINE_FIELDS
            )  # fmt: skip
        else:
            ok = same(field, value, truth[field])
        return "right" if ok else "wrong"

    changed = 0
    tally = {"right": 0, "wrong": 0}
    for name in truths:
        for field in ("method", *HEADER_FIELDS, "line_items"):
            if field != "method" and truths[name] is not None:
                tally[right(name, field, new[name][field])] += 1
            if old[name][field] == new[name][field]:
                continue
            changed += 1
            if field == "line_items":
                a, b = old[name][field], new[name][field]
                shown = [(i, x, y) for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
                if len(a) != len(b):
                    shown.append((-1, f"{len(a)} lines", f"{len(b)} lines"))
                values = "; ".join(f"line {i}: {x} -> {y}" for i, x, y in shown)
            else:
                values = f"{old[name][field]!r} -> {new[name][field]!r}"
            marks = (
                ""
                if field == "method"
                else f" [{right(name, field, old[name][field])} -> "
                f"{right(name, field, new[name][field])}]"
            )
            print(f"{name} {field}{marks}: {values}")
    cells = sum(1 for t in truths.values() if t is not None) * (len(HEADER_FIELDS) + 1)
    print(f"{changed} values changed of {len(truths)} scans; after: {tally['right']}/{cells} "
          f"cells right")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("write", "read", "diff"))
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/ocr_reread_cache"))
    parser.add_argument("--only", type=Path, help="read only scans whose pages this cache has")
    parser.add_argument("--reverse", action="store_true", help="read the last scan first")
    parser.add_argument("--shard", default="1/1", help="k/n: read every n-th scan from the k-th")
    args = parser.parse_args()
    if args.step == "write":
        write(args.paths[0])
    elif args.step == "read":
        read(
            args.paths[0],
            args.paths[1],
            args.src,
            args.cache,
            args.shard,
            reverse=args.reverse,
            only=args.only,
        )
    else:
        diff(args.paths[0], args.paths[1], args.paths[2])


if __name__ == "__main__":
    main()
