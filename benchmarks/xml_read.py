"""Reading XML declarations: one declaration of many goods items, and a generated data set.

    PYTHONPATH=src:. python benchmarks/xml_read.py [--items 100000] [--declarations 20000]
                                                   [--repeat 3] [--ingest]

(a) one ``<declaration>`` of ``--items`` goods items (quarantined unvalidated past 99,999),
(b) ``--declarations`` generated declarations (``generate_dataset``, seed 7; its JSON Lines
written in the documented XML layout by ``tests.factories.xml_text``). Each file is read with
``read_xml`` ``--repeat`` times; the median wall and CPU seconds are printed with the peak
resident memory and the load average. ``--ingest`` also ingests each file once into a fresh
SQLite store (the parsing worker's CPU included). Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path


def read_times(path: Path, repeat: int) -> tuple[float, float, int]:
    from clearlane.ingest.readers.xml_reader import read_xml

    walls, cpus, records = [], [], 0
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        records = sum(1 for _ in read_xml(path))
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), records


def ingest_once(path: Path, tmp: Path) -> str:
    from clearlane.ingest.pipeline import ingest_file
    from clearlane.store.session import open_store

    factory = open_store(f"sqlite:///{tmp / (path.stem + '.db')}")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start, cpu = time.perf_counter(), time.process_time()
    report = ingest_file(path, session_factory=factory)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return (
        f"ingest {time.perf_counter() - start:.2f} s, CPU {time.process_time() - cpu:.2f} s "
        f"+ worker {worker:.2f} s; received {report.received:,} = stored {report.stored:,} "
        f"+ quarantined {report.quarantined:,}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--declarations", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ingest", action="store_true", help="also ingest each file once")
    args = parser.parse_args()
    from tests.factories import declaration, item, xml_text

    from clearlane.generate import generate_dataset

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        many = tmp / "items.xml"
        big = declaration("BIG-1", items=[item(seq=n) for n in range(1, args.items + 1)])
        many.write_text(xml_text([big]), encoding="utf-8")
        generate_dataset(declarations=args.declarations, seed=7, out_dir=tmp / "data")
        with (tmp / "data" / "declarations.jsonl").open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle]
        dataset = tmp / "declarations.xml"
        dataset.write_text(xml_text(records), encoding="utf-8")
        del records
        for label, path in (
            (f"one declaration, {args.items:,} goods items", many),
            (f"{args.declarations:,} generated declarations", dataset),
        ):
            wall, cpu, count = read_times(path, args.repeat)
            print(
                f"{label} ({path.stat().st_size / 1e6:.0f} MB, {count:,} records): read_xml "
                f"median {wall:.2f} s, CPU {cpu:.2f} s over {args.repeat}; load "
                f"{os.getloadavg()[0]:.1f}"
            )
            if args.ingest:
                print("  " + ingest_once(path, tmp))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of this process {peak:.0f} MB")


if __name__ == "__main__":
    main()
