"""What the carriage-return-safe CSV writer (clearlane.core.csvsafe.csv_writer, mends7) costs
against csv.writer(lineterminator="\\n"): rows of 20 text cells written to a file, the two
alternated, CPU time per row. Prints a table.

    PYTHONPATH=src python benchmarks/csv_writer.py --rows 200000 --rounds 5
"""

from __future__ import annotations

import argparse
import csv
import os
import tempfile
import time
from pathlib import Path

from clearlane.core.csvsafe import csv_writer


def _write(path: Path, rows: list[list[str]], ours: bool) -> float:
    start = time.process_time()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv_writer(handle) if ours else csv.writer(handle, lineterminator="\n")
        writer.writerows(rows)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    rows = [[f"cell{i}-{j}" for j in range(20)] for i in range(args.rows)]
    times: dict[str, list[float]] = {"csv.writer": [], "csv_writer": []}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "out.csv"
        for _ in range(args.rounds):  # A B A B ...
            times["csv.writer"].append(_write(path, rows, ours=False))
            times["csv_writer"].append(_write(path, rows, ours=True))
    print(f"load average {os.getloadavg()[0]:.1f}, {args.rows:,} rows x 20 cells")
    print(f"{'writer':<12} {'CPU µs/row (median)':>20} {'min':>8} {'max':>8}")
    for name, found in times.items():
        per_row = sorted(t / args.rows * 1e6 for t in found)
        median = per_row[len(per_row) // 2]
        print(f"{name:<12} {median:>20.2f} {per_row[0]:>8.2f} {per_row[-1]:>8.2f}")


if __name__ == "__main__":
    main()
