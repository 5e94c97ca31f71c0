"""Peak memory and CPU of the extraction (OCR off; and on, route 'ocr', for the large scans of
OCR_INPUTS) and the page view on the review's hostile inputs (tests/documents/hostile.py),
each in a fresh subprocess with a timeout: the review of guards6's decompression bounds
(session 22: large WEBP, PNG and JPEG within the bounds added; "base MB", the process's peak
once the modules are imported, before the file is read). Run it once per tree and compare,
alternating (the machine is shared: report the load average printed).

Run:  PYTHONPATH=src:. python benchmarks/documents_hostile.py [NAME ...] [--timeout S]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROBE = """
import resource, sys, time
route, path = sys.argv[1], sys.argv[2]
import clearlane.documents.extraction, clearlane.documents.pages
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
data = open(path, "rb").read()
started = time.process_time()
try:
    if route in ("extract", "ocr"):
        from clearlane.documents.extraction import extract_bytes
        found = extract_bytes(data, path, ocr=route == "ocr")
        answer = f"read, {found.pages} page(s), {len(found.evidence)} field(s)"
    else:
        from clearlane.documents.pages import page_png
        answer = f"shown, {len(page_png(data, 1)):,} B"
except Exception as exc:
    answer = f"{type(exc).__name__}: {exc}".split(": ", 2)[-1]
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"{time.process_time() - started:.1f}\\t{base}\\t{rss}\\t{answer[:70]}")
"""


# The inputs are built in a child of their own: a child's peak RSS (ru_maxrss) starts from its
# parent's at the fork, and building the WEBP animation takes 2.3 GB (every probe after it
# reported 2,328 MB before session 22).
WRITE = """
import sys
from pathlib import Path
from tests.documents.hostile import INPUTS
for name in sys.argv[2:]:
    (Path(sys.argv[1]) / name).write_bytes(INPUTS[name]())
"""


def main() -> None:
    from tests.documents.hostile import INPUTS, OCR_INPUTS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"inputs (default all): {', '.join(INPUTS)}")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| input | size | route | CPU s | base MB | peak MB | answer |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        names = args.names or list(INPUTS)
        subprocess.run([sys.executable, "-c", WRITE, folder, *names], check=True)
        for name in names:
            path = Path(folder) / name
            routes = ("extract", "page", "ocr") if name in OCR_INPUTS else ("extract", "page")
            for route in routes:
                try:
                    done = subprocess.run(
                        [sys.executable, "-c", PROBE, route, str(path)],
                        capture_output=True, text=True, timeout=args.timeout, check=False,
                    )  # fmt: skip
                    cpu, base, peak, answer = (done.stdout.strip().split("\t") + [""] * 4)[:4]
                    answer = answer or done.stderr.strip().splitlines()[-1][:70]
                except subprocess.TimeoutExpired:
                    cpu, base, peak, answer = f">{args.timeout:.0f}", "?", "?", "timed out"
                size = path.stat().st_size
                print(f"| {name} | {size:,} | {route} | {cpu} | {base} | {peak} | {answer} |",
                      flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
