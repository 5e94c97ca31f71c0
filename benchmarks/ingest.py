"""Ingest throughput and peak memory: N generated declarations into SQLite and PostgreSQL.

    python benchmarks/ingest.py [--declarations 100000] [--format csv] [--postgres URL]

Each run ingests into a fresh, empty database in its own process, so the peak resident memory
reported is that run's alone (the parsing worker's peak is reported beside it). Beside each
store, in the same run, the library limit: the same CSV read by a bare ``pyarrow.csv.read_csv``
and its rows written, one table, all columns as read, with one SQLite ``executemany`` (or one
PostgreSQL ``COPY``) - no validation, no hashing, no versions, no quarantine. The ratio says
how far ClearLane is from that floor. Prints a Markdown table; nothing here asserts a time.
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


BARE = """
import sys, time, sqlite3
import pyarrow.csv as pacsv
start = time.perf_counter()
table = pacsv.read_csv(sys.argv[1])
names = [f'"{n}"' for n in table.column_names]
rows = list(zip(*(column.to_pylist() for column in table.columns)))
if sys.argv[2] == "sqlite":
    db = sqlite3.connect(sys.argv[3])
    db.execute(f"CREATE TABLE bare ({', '.join(names)})")
    with db:
        db.executemany(f"INSERT INTO bare VALUES ({', '.join('?' * len(names))})", rows)
else:
    import psycopg
    with psycopg.connect(sys.argv[3]) as db, db.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE bare ({', '.join(n + ' text' for n in names)})")
        with cursor.copy(f"COPY bare ({', '.join(names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
print(time.perf_counter() - start)
"""


def bare(path: Path, store: str, target: str) -> float:
    """Seconds for the library floor: pyarrow CSV read + one executemany / COPY of its rows."""
    out = subprocess.run(
        [sys.executable, "-c", BARE, str(path), store, target],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


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
        csv_path = data / "declarations.csv"
        rows = [("SQLite", run(source, f"sqlite:///{Path(tmp) / 'bench.db'}"))]
        rows[0][1]["bare"] = bare(csv_path, "sqlite", str(Path(tmp) / "bare.db"))
        if args.postgres:
            admin = create_engine(make_url(args.postgres), isolation_level="AUTOCOMMIT")
            name = f"clearlane_bench_{uuid.uuid4().hex[:8]}"
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                url = make_url(args.postgres).set(database=name).render_as_string(False)
                rows.append(("PostgreSQL", run(source, url)))
                libpq = make_url(url).set(drivername="postgresql").render_as_string(False)
                rows[-1][1]["bare"] = bare(csv_path, "postgres", libpq)
            finally:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    print(
        f"\n{args.declarations:,} declarations, {items:,} goods items, "
        f"{args.format.upper()} {size_mb:.0f} MB, {os.cpu_count()} cores\n"
    )
    header = ["store", "seconds", "declarations/s", "goods items/s", "peak RSS (MB)"]
    header += ["worker peak RSS (MB)", "bare pyarrow + executemany/COPY items/s", "ratio"]
    print("| " + " | ".join(header) + " |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in rows:
        assert r["received"] == r["stored"] + r["quarantined"]
        print(
            f"| {name} | {r['seconds']:.1f} | {r['received'] / r['seconds']:,.0f} | "
            f"{items / r['seconds']:,.0f} | {r['peak_kb'] / 1024:.0f} | "
            f"{r['worker_peak_kb'] / 1024:.0f} | {items / r['bare']:,.0f} | "
            f"{r['bare'] / r['seconds']:.2f} |"
        )
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
