"""Ingest throughput and peak memory: N generated declarations into SQLite and PostgreSQL.

    python benchmarks/ingest.py [--declarations 100000] [--format csv] [--postgres URL]

Each run ingests into a fresh, empty database in its own process, so the peak resident memory
reported is that run's alone (the parsing worker's peak is reported beside it). Prints a
Markdown table; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

RUN = """
import json, resource, sys, time
from clearlane.ingest.pipeline import ingest_file
from clearlane.store.session import open_store
factory = open_store(sys.argv[2])
start = time.perf_counter()
report = ingest_file(sys.argv[1], session_factory=factory)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "received": report.received, "stored": report.stored,
                  "quarantined": report.quarantined,
                  "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "worker_peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def run(path: Path, url: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", RUN, str(path), url], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def count_items(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--declarations", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", default="csv", choices=["csv", "jsonl"])
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "CLEARLANE_TEST_POSTGRES_URL",
            "postgresql+psycopg://postgres:postgres@127.0.0.1:5432/test",
        ),
        help="an existing database used to create a scratch one ('' to skip PostgreSQL)",
    )
    args = parser.parse_args()
    from clearlane.generate import generate_dataset

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        generate_dataset(declarations=args.declarations, seed=args.seed, out_dir=data)
        source = data / f"declarations.{args.format}"
        items = count_items(data / "declarations.csv")
        size_mb = source.stat().st_size / 1e6
        rows = [("SQLite", run(source, f"sqlite:///{Path(tmp) / 'bench.db'}"))]
        if args.postgres:
            admin = create_engine(make_url(args.postgres), isolation_level="AUTOCOMMIT")
            name = f"clearlane_bench_{uuid.uuid4().hex[:8]}"
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                url = make_url(args.postgres).set(database=name).render_as_string(False)
                rows.append(("PostgreSQL", run(source, url)))
            finally:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    print(
        f"\n{args.declarations:,} declarations, {items:,} goods items, "
        f"{args.format.upper()} {size_mb:.0f} MB, {os.cpu_count()} cores\n"
    )
    print(
        "| store | seconds | declarations/s | goods items/s | peak RSS (MB) "
        "| worker peak RSS (MB) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, r in rows:
        assert r["received"] == r["stored"] + r["quarantined"]
        print(
            f"| {name} | {r['seconds']:.1f} | {r['received'] / r['seconds']:,.0f} | "
            f"{items / r['seconds']:,.0f} | {r['peak_kb'] / 1024:.0f} | "
            f"{r['worker_peak_kb'] / 1024:.0f} |"
        )


if __name__ == "__main__":
    main()
