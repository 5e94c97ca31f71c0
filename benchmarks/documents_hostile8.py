"""Peak memory and CPU of the extraction and the page view on session 23's hostile inputs
(tests/documents/hostile8.py: LZW streams and chains, and PDFs whose xref is missing or broken
so that the readers scan them whole), each in a fresh subprocess with a timeout. The probe is
benchmarks/documents_hostile.py's ("base MB": the process's peak once the modules are imported,
before the file is read). Run it once per tree and compare, alternating (the machine is shared:
report the load average printed).

Run:  PYTHONPATH=src:. python benchmarks/documents_hostile8.py [NAME ...] [--timeout S]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.documents_hostile import PROBE

WRITE = """
import sys
from pathlib import Path
from tests.documents.hostile8 import write_all
write_all(Path(sys.argv[1]), sys.argv[2:])
"""


def main() -> None:
    from tests.documents.hostile8 import BUILDERS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"inputs (default all): {', '.join(BUILDERS)}")
    parser.add_argument("--timeout", type=float, default=180.0)
    parser.add_argument("--routes", default="extract,page")
    parser.add_argument("--folder", help="reuse (or fill) this folder of inputs")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| input | size | route | CPU s | base MB | peak MB | answer |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.folder or scratch
        names = args.names or list(BUILDERS)
        subprocess.run([sys.executable, "-c", WRITE, folder, *names], check=True)
        for name in names:
            path = Path(folder) / f"{name}.pdf"
            for route in args.routes.split(","):
                try:
                    done = subprocess.run(
                        [sys.executable, "-c", PROBE, route, str(path)],
                        capture_output=True, text=True, timeout=args.timeout, check=False,
                    )  # fmt: skip
                    cpu, base, peak, answer = (done.stdout.strip().split("\t") + [""] * 4)[:4]
                    answer = answer or (done.stderr.strip().splitlines() or ["?"])[-1][:70]
                except subprocess.TimeoutExpired:
                    cpu, base, peak, answer = f">{args.timeout:.0f}", "?", "?", "timed out"
                size = path.stat().st_size
                print(f"| {name} | {size:,} | {route} | {cpu} | {base} | {peak} | {answer} |",
                      flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
