"""OCR's peak memory and time a page: each page image read by ``ocr_page`` in a child process of
its own (the engine loaded first, as a server has it), its peak RSS and seconds printed as a
table; ``--pages N`` reads N pages in one child (one engine, gc between pages) to show whether
the peak grows from page to page. ``--src`` runs another worktree's clearlane (A/B).

Pages: a hand-written layout's scan (A4 at 200 dpi, tests/documents/layouts.py), a generated
scan (clearlane.generate.documents), the same A4 at 300 dpi, pk-lowres-image (110 dpi), and the
hostile 6,000 x 6,000 scan.png (tests/documents/hostile.py), or ``--images`` files.

Run:  PYTHONPATH=src python benchmarks/ocr_memory.py [--src SRC] [--images a.png,b.png]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import gc, json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from PIL import Image
from clearlane.documents import ocr

def rss():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

ocr._engine()
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
image = Image.open(sys.argv[2])
image.load()
texts = []
wall = time.perf_counter()
cpu = time.process_time()
for n in range(int(sys.argv[3])):
    page = ocr.ocr_page(image, 1)
    texts.append([(w.text, round(w.x0), round(w.top), round(w.x1), round(w.bottom))
                  for w in page.runs])
    gc.collect()
wall = time.perf_counter() - wall
cpu = time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"loaded": loaded, "peak": peak, "after": rss(), "wall": wall, "cpu": cpu,
                  "runs": len(texts[0]), "same": all(t == texts[0] for t in texts),
                  "texts": texts[0]}))
"""


def pages(folder: Path) -> dict[str, Path]:
    """The benchmark's page images, written into ``folder``."""
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(1, str(ROOT))
    import io
    import zlib

    import numpy as np
    from PIL import Image
    from tests.documents import hostile
    from tests.documents.layouts import LAYOUTS, scan_of
    from tests.documents.layouts_unseen6 import LOWRES_DPI, _pk_page

    from clearlane.generate.documents import generate_documents, render_scan

    out = {}
    layout = next(layout for layout in LAYOUTS if layout.name == "us")
    out["layout us, 200 dpi"] = folder / "layout-us.png"
    scan_of(layout).save(out["layout us, 200 dpi"])
    rng = np.random.default_rng(zlib.crc32(b"us-300"))
    out["layout us, 300 dpi"] = folder / "layout-us-300.png"
    render_scan(layout.draw(), rng, dpi=300, angles=(0.5, 1.5)).save(out["layout us, 300 dpi"])
    rng = np.random.default_rng(zlib.crc32(b"pk-lowres"))
    out["pk-lowres, 110 dpi"] = folder / "pk-lowres.png"
    render_scan(_pk_page(), rng, dpi=LOWRES_DPI, angles=(0.3, 1.0)).save(out["pk-lowres, 110 dpi"])
    generated = folder / "generated"
    generate_documents(count=3, seed=7, out_dir=generated)
    scan = next(iter(sorted(generated.glob("*.png"))))
    out["generated scan"] = scan
    out["hostile scan.png"] = folder / "hostile-scan.png"
    out["hostile scan.png"].write_bytes(hostile.scan_png())
    for path in out.values():
        Image.open(io.BytesIO(path.read_bytes())).verify()
    return out


def measure(src: Path, image: Path, count: int) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(src.resolve()), str(image), str(count)],
        capture_output=True, text=True, check=True, env=env, cwd=str(ROOT),
    )  # fmt: skip
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, action="append", help="clearlane src (repeatable)")
    parser.add_argument("--images", default="", help="comma-separated page images")
    parser.add_argument("--pages", type=int, default=1, help="pages read in one child")
    parser.add_argument("--rounds", type=int, default=1, help="A B A B rounds over --src")
    parser.add_argument("--texts", type=Path, help="write each page's runs here (JSON)")
    args = parser.parse_args()
    sources = args.src or [ROOT / "src"]
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        if args.images:
            images = {Path(p).name: Path(p) for p in args.images.split(",")}
        else:
            images = pages(Path(folder))
        print(f"load {os.getloadavg()[0]:.1f}; {args.pages} page(s) a child\n")
        print("| page | size | Mpixels | src | engine loaded MB | peak MB | after MB | wall s "
              "| CPU s | runs |")  # fmt: skip
        print("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        texts: dict[str, object] = {}
        for label, path in images.items():
            with Image.open(path) as opened:
                width, height = opened.size
            for _ in range(args.rounds):
                for src in sources:
                    got = measure(src, path, args.pages)
                    texts[f"{label} {src}"] = got["texts"]
                    print(f"| {label} | {width} x {height} | {width * height / 1e6:.1f} | "
                          f"{src} | {got['loaded']:.0f} | {got['peak']:.0f} | "
                          f"{got['after']:.0f} | {got['wall']:.1f} | {got['cpu']:.1f} | "
                          f"{got['runs']}{'' if got['same'] else ' (pages differ)'} |",
                          flush=True)  # fmt: skip
        print(f"\nload {os.getloadavg()[0]:.1f}")
        if args.texts:
            args.texts.write_text(json.dumps(texts), "utf-8")


if __name__ == "__main__":
    main()
