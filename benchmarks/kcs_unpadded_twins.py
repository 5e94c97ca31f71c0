"""The cost of the zero-padded twin check of a KCS ingest (dc7f607,
``_Writer._unpadded_twins``): one 50,000-row KCS file whose Declaration IDs all have a
leading zero, ingested into a fresh SQLite store (``fresh``: the check's query per chunk
finds nothing) and into a store holding the same IDs without the zero from other lines
(``bare``: the check fetches those rows' originals and compares, finding no twin).

Run it under the code to measure (alternate old and new, CPU time of the ingest only):

    PYTHONPATH=<src of the version> python benchmarks/kcs_unpadded_twins.py fresh|bare

Prints one JSON line: scenario, CPU and wall seconds of the ingest, its report's counts, and
the load average.
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
import time
from pathlib import Path

from clearlane.ingest.pipeline import ingest_file
from clearlane.store.session import open_store

KCS = Path(__file__).resolve().parents[2] / "shared" / "data" / "kcs"
ROWS = 50_000


def rows() -> tuple[list[str], list[list[str]]]:
    header: list[str] = []
    out: list[list[str]] = []
    for name in ("kcs_train_2020.csv", "kcs_valid_2021q1.csv"):
        with (KCS / name).open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            out.extend(reader)
    while len(out) < ROWS:  # repeated rows get IDs of their own below
        out.extend(out[: ROWS - len(out)])
    return header, out[:ROWS]


def write(path: Path, header: list[str], body: list[list[str]], *, padded: bool) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i, row in enumerate(body):
            number = f"{10_000_000 + i}"
            writer.writerow([f"0{number}" if padded else number, *row[1:]])
    return path


def main() -> None:
    scenario = sys.argv[1]
    header, body = rows()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/store.db")
        if scenario == "bare":  # the same numbers without the zero, from other lines
            other = [[row[0], "2019-12-31", *row[2:]] for row in body]
            ingest_file(write(Path(tmp) / "bare.csv", header, other, padded=False),
                        session_factory=store, workers=0)  # fmt: skip
        path = write(Path(tmp) / "padded.csv", header, body, padded=True)
        wall, cpu = time.perf_counter(), time.process_time()
        report = ingest_file(path, session_factory=store, workers=0)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(json.dumps({"scenario": scenario, "cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
                      "new": report.new, "quarantined": report.quarantined,
                      "load": " ".join(load)}))  # fmt: skip


if __name__ == "__main__":
    main()
