"""Peak memory and CPU of the extraction (OCR off) and the page view on the review's hostile
inputs (tests/documents/hostile.py), each in a fresh subprocess with a timeout: the review of
guards6's decompression bounds. Run it once per tree and compare (the machine is shared:
report the load average printed).

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
data = open(path, "rb").read()
started = time.process_time()
try:
    if route == "extract":
        from clearlane.documents.extraction import extract_bytes
        answer = f"read, {extract_bytes(data, path, ocr=False).pages} page(s)"
    else:
        from clearlane.documents.pages import page_png
        answer = f"shown, {len(page_png(data, 1)):,} B"
except Exception as exc:
    answer = f"{type(exc).__name__}: {exc}".split(": ", 2)[-1]
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"{time.process_time() - started:.1f}\\t{rss}\\t{answer[:70]}")
"""


def main() -> None:
    from tests.documents.hostile import INPUTS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"inputs (default all): {', '.join(INPUTS)}")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| input | size | route | CPU s | peak MB | answer |\n|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name in args.names or list(INPUTS):
            path = Path(folder) / name
            path.write_bytes(INPUTS[name]())
            for route in ("extract", "page"):
                try:
                    done = subprocess.run(
                        [sys.executable, "-c", PROBE, route, str(path)],
                        capture_output=True, text=True, timeout=args.timeout, check=False,
                    )  # fmt: skip
                    cpu, peak, answer = (done.stdout.strip().split("\t") + ["", "", ""])[:3]
                    answer = answer or done.stderr.strip().splitlines()[-1][:70]
                except subprocess.TimeoutExpired:
                    cpu, peak, answer = f">{args.timeout:.0f}", "?", "timed out"
                size = path.stat().st_size
                print(f"| {name} | {size:,} | {route} | {cpu} | {peak} | {answer} |", flush=True)


if __name__ == "__main__":
    main()
