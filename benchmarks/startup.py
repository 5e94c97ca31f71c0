"""CLI start-up: wall time of `clearlane --help` and of argument errors, best of N runs.

    python benchmarks/startup.py [--runs 5]

Beside it, in the same run, the floor: a bare interpreter importing Typer and Rich (what any
Typer CLI pays before its own code). Prints a Markdown table; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def best(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cli = shutil.which("clearlane") or str(Path(sys.executable).with_name("clearlane"))
    floor = best([sys.executable, "-c", "import typer, rich.console"], args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        cases = {
            "clearlane --help": [cli, "--help"],
            "clearlane ingest --help": [cli, "ingest", "--help"],
            "clearlane ingest missing.csv (error)": [cli, "ingest", str(Path(tmp) / "x.csv")],
            "clearlane train --bogus (error)": [cli, "train", "--bogus"],
            "clearlane score --bogus (error)": [cli, "score", "--bogus"],
        }
        rows = [(name, best(command, args.runs)) for name, command in cases.items()]
    print(
        f"\nbest of {args.runs} runs; floor (python -c 'import typer, rich.console'): "
        f"{floor:.3f} s\n"
    )
    print("| command | seconds | ratio to the floor |")
    print("| --- | ---: | ---: |")
    for name, seconds in rows:
        print(f"| `{name}` | {seconds:.3f} | {seconds / floor:.1f} |")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
