"""Ingest throughput and peak memory: N generated declarations into SQLite and PostgreSQL.

    python benchmarks/ingest.py [--declarations 100000] [--format csv|jsonl|xml] [--postgres URL]
                                [--stores sqlite,postgres] [--per-record]
                                [--stages | --stages-only] [--workers N] [--modelled]

``--format`` picks the file ingested: the generated CSV, its JSON Lines, or the same records
in the documented XML layout (docs/formats.md, written from the JSON Lines); the bare floor
beside it is always the CSV's, so the ratios of the three formats compare with one another.
Each run ingests into a fresh, empty database in its own process, so the peak resident memory
reported is that run's alone (the parsing workers' largest peak is reported beside it; a CSV
file over 8 MB is parsed by two workers on three cores or more, ``--workers`` sets 0, 1 or 2).
Beside each store, in the same run, the library limit: the same CSV read by a bare
``pyarrow.csv.read_csv`` and its rows written, one table, all columns as read, with one SQLite
``executemany`` (or one PostgreSQL ``COPY``) - no validation, no hashing, no versions, no
quarantine. The ratio says how far ClearLane is from that floor. CPU seconds (this process and
its parsing workers) are printed beside the wall time: on a shared machine they are the honest
figure; for PostgreSQL also the CPU of the ingest's server backend (``/proc/<pid>/stat``, this
machine's server only).

``--modelled`` replays each process's CPU clock at every hand-over of a chunk as if each had a
core of its own: the rate an idle machine would give (for one worker and the writer, two
processes on two cores; PostgreSQL's server is not in it), from figures a busy machine
does not distort much. ``--per-record`` also runs the per-record path
(``ingest_file(..., bulk=False)``, the path before the bulk CSV validation) in the same run;
``--stages`` prints CPU µs per goods item of each stage (read, validate, normalise, write) of
both paths, measured apart in one process.
Prints Markdown tables; nothing here asserts a time.
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
from xml.sax.saxutils import escape, quoteattr

from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.scratch
from tests.scratch import BENCH_PREFIX, ScratchRun  # noqa: E402

# The imports are under the main guard: the parsing worker (spawned) runs this file's top level
# again, and `clearlane ingest`'s worker imports no more than the CLI's module either.
RUN = """
import json, os, resource, sys, time
if __name__ == "__main__":
    from clearlane.ingest.pipeline import ingest_file
    from clearlane.store.session import get_engine, open_store
    factory = open_store(sys.argv[2])
    engine = get_engine(sys.argv[2])

    def server():  # the backend's pid and CPU s (the ingest takes the pool's one connection)
        if engine.dialect.name != "postgresql":
            return None, 0.0
        with engine.connect() as connection:
            pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return pid, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    backend, server_cpu = server()
    start, cpu = time.perf_counter(), time.process_time()
    report = ingest_file(sys.argv[1], session_factory=factory, bulk=sys.argv[3] == "bulk")
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    after, server_after = server()
    print(json.dumps({"seconds": seconds, "received": report.received, "stored": report.stored,
                      "quarantined": report.quarantined, "cpu": cpu,
                      "worker_cpu": children.ru_utime + children.ru_stime,
                      "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      "worker_peak_kb": children.ru_maxrss,
                      "server_cpu": server_after - server_cpu if after == backend else None}))
"""

# --modelled: the same run, each process's CPU clock logged at every hand-over of a chunk (the
# worker's when it yields one, the writer's around each queue read), then replayed as if each
# process had a core of its own: the wall time an idle machine with a core per process would
# take, from CPU clocks, which survive a busy machine. The bounded queue (4 chunks) is
# replayed too. Read it for one worker (two processes on two cores), not two.
MODEL = """
import json, multiprocessing, os, resource, sys, time
import clearlane.ingest.prepare as prepare
LOG = os.environ["CLEARLANE_BENCH_MODEL_LOG"]


def logged(produce):
    def wrapped(*args, **kw):
        stamps = []
        for message in produce(*args, **kw):
            stamps.append(time.process_time())
            yield message
        if multiprocessing.parent_process() is not None:  # a parsing worker
            with open(f"{LOG}.{os.getpid()}", "w") as handle:
                json.dump(stamps, handle)
    return wrapped


prepare._produce = logged(prepare._produce)
prepare._produce_segments = logged(prepare._produce_segments)

if __name__ == "__main__":
    import clearlane.ingest.pipeline as pipeline
    from clearlane.store.session import open_store
    reads = []  # writer CPU before and after each queue read, the worker, whether it got one
    message = pipeline._message

    def read(queue, process, *, wait=True):
        before = time.process_time()
        got = message(queue, process, wait=wait)
        reads.append((before, time.process_time(), process.pid, got is not None))
        return got

    pipeline._message = read
    factory = open_store(sys.argv[2])
    start, cpu = time.perf_counter(), time.process_time()
    report = pipeline.ingest_file(sys.argv[1], session_factory=factory)
    seconds, end = time.perf_counter() - start, time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    time.sleep(0.2)
    stamps = {}
    for pid in {r[2] for r in reads}:
        try:
            with open(f"{LOG}.{pid}") as handle:
                stamps[pid] = json.load(handle)
        except FileNotFoundError:
            stamps[pid] = []
    clock, last = 0.0, cpu  # the writer's replayed clock
    ready = {pid: [] for pid in stamps}  # when the worker's k-th message would be ready
    taken = {pid: [] for pid in stamps}  # when the writer took it
    for before, after, pid, got in reads:
        clock += before - last
        last = after
        if not got:
            clock += after - before
            continue
        k = len(taken[pid])
        if k < len(stamps[pid]):
            spent = stamps[pid][k] - (stamps[pid][k - 1] if k else 0.0)
            free = taken[pid][k - 4] if k >= 4 else 0.0  # the queue holds 4
            ready[pid].append(max(ready[pid][-1] if k else 0.0, free) + spent)
            at = ready[pid][-1]
        else:  # "done" follows the last message
            at = ready[pid][-1] if ready[pid] else clock
        clock = max(clock, at) + (after - before)
        taken[pid].append(clock)
    clock += end - last
    print(json.dumps({"seconds": seconds, "received": report.received, "stored": report.stored,
                      "quarantined": report.quarantined, "cpu": end - cpu,
                      "worker_cpu": children.ru_utime + children.ru_stime,
                      "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      "worker_peak_kb": children.ru_maxrss, "modelled": clock}))
"""

STAGES = """
import json, sys, time
from collections import Counter
from pathlib import Path
from clearlane.ingest.bulk import BulkCsv
from clearlane.ingest.parse import parse_records
from clearlane.ingest.pipeline import IngestReport, _open_batch, _Writer
from clearlane.core.sequences import chunked
from clearlane.ingest.prepare import as_chunk, prepare_declaration
from clearlane.ingest.readers.csv_reader import read_csv
from clearlane.ingest.batches import mark_interrupted
from clearlane.store.session import open_store
path, url, how = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
cpu = Counter()
if how == "bulk":
    reader = BulkCsv(path)
    chunks = list(reader.chunks(2000))
    cpu.update(reader.cpu)
else:
    clock = time.process_time()
    raws = list(read_csv(path))
    cpu["read"] = time.process_time() - clock
    clock = time.process_time()
    parsed = list(parse_records(raws))
    cpu["validate"] = time.process_time() - clock
    clock = time.process_time()
    chunks = [as_chunk(prepare_declaration(r, "csv") for r in c) for c in chunked(parsed, 2000)]
    cpu["normalise"] = time.process_time() - clock
factory = open_store(url)
with factory() as session:
    mark_interrupted(session)  # configures the ORM mappers (once a process) before the clock
    batch_id = _open_batch(session, source=str(path), source_sha256="0" * 64, fmt="csv",
                           kind="declarations")
    writer = _Writer(session, IngestReport(str(path), "csv", "declarations"), str(path),
                     "declarations")
    clock = time.process_time()
    for chunk in chunks:
        writer.write(chunk, batch_id)
    cpu["write"] = time.process_time() - clock
print(json.dumps(dict(cpu, items=sum(len(c.items[0]) for c in chunks))))
"""


BARE = """
import sys, time, sqlite3
import pyarrow.csv as pacsv
start, cpu = time.perf_counter(), time.process_time()
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
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def bare(path: Path, store: str, target: str) -> tuple[float, float]:
    """Seconds for the library floor: pyarrow CSV read + one executemany / COPY of its rows."""
    out = subprocess.run(
        [sys.executable, "-c", BARE, str(path), store, target],
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


WORKERS: str | None = None  # --workers: CLEARLANE_INGEST_WORKERS of the runs


def run(path: Path, url: str, how: str = "bulk", script: str = RUN) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(script)  # a file, not -c: the parsing worker is spawned from it
    env = {**os.environ, **({"CLEARLANE_INGEST_WORKERS": WORKERS} if WORKERS else {})}
    env["CLEARLANE_BENCH_MODEL_LOG"] = f"{handle.name}.log"
    try:
        out = subprocess.run(
            [sys.executable, handle.name, str(path), url, how],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
    finally:
        script_file = Path(handle.name)
        for name in [script_file, *script_file.parent.glob(f"{script_file.name}.log.*")]:
            name.unlink()
    return json.loads(out.stdout.strip().splitlines()[-1])


class Stores:
    """A fresh SQLite file and (with a URL) a fresh PostgreSQL database for each run.

    The PostgreSQL databases are the test suite's kind of scratch database
    (:mod:`tests.scratch`): named after this process's run, which holds an advisory
    lock while it lives, so a test run's cleanup never drops one mid-benchmark, and one left by
    a killed benchmark is dropped by the next test or benchmark run."""

    def __init__(self, tmp: Path, postgres: str) -> None:
        self.tmp = tmp
        self.postgres = postgres
        self.scratch = ScratchRun(postgres, BENCH_PREFIX) if postgres else None
        self.made: list[str] = []

    def sqlite(self) -> str:
        return f"sqlite:///{self.tmp / uuid.uuid4().hex}.db"

    def pg(self) -> str:
        assert self.scratch is not None
        url = self.scratch.create()
        self.made.append(url)
        return url

    def drop(self) -> None:
        if self.scratch is None:
            return
        for url in self.made:
            self.scratch.drop(url)
        self.made.clear()


def _xml_value(tag: str, value: object) -> str:
    if isinstance(value, dict):
        inner = "".join(_xml_value(k, v) for k, v in value.items() if v is not None)
        return f"<{tag}>{inner}</{tag}>"
    return f"<{tag}>{escape(str(value))}</{tag}>"


def write_xml(jsonl: Path, out: Path) -> None:
    """The JSON Lines records in the documented XML layout (docs/formats.md), one
    ``<declaration>`` a record, lists as ``<containers>``/``<items>``, ``<attributes>`` as
    named ``<attribute>`` elements; written as read, not held in memory."""
    with jsonl.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as target:
        target.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        target.write('<declarations xmlns="urn:clearlane:declaration:1">\n')
        for line in source:
            body = []
            for key, value in json.loads(line).items():
                if value is None:
                    continue
                if key == "containers":
                    inner = "".join(_xml_value("container", c) for c in value)
                    body.append(f"<containers>{inner}</containers>")
                elif key == "items":
                    body.append(
                        "<items>" + "".join(_xml_value("item", i) for i in value) + "</items>"
                    )
                elif key == "attributes":
                    named = (
                        f"<attribute name={quoteattr(str(k))}>{escape(str(v))}</attribute>"
                        for k, v in value.items()
                    )
                    body.append("<attributes>" + "".join(named) + "</attributes>")
                else:
                    body.append(_xml_value(key, value))
            target.write("  <declaration>" + "".join(body) + "</declaration>\n")
        target.write("</declarations>\n")


def count_items(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--declarations", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", default="csv", choices=["csv", "jsonl", "xml"])
    parser.add_argument("--per-record", action="store_true", help="also the per-record path")
    parser.add_argument("--stages", action="store_true", help="CPU per item by stage")
    parser.add_argument("--stages-only", action="store_true", help="only the stage table")
    parser.add_argument("--workers", choices=["0", "1", "2"], help="parsing processes")
    parser.add_argument(
        "--modelled",
        action="store_true",
        help="also the wall time replayed from CPU clocks, a core per process (bulk path)",
    )
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "CLEARLANE_TEST_POSTGRES_URL",
            "postgresql+psycopg://postgres:postgres@127.0.0.1:5432/test",
        ),
        help="an existing database used to create a scratch one ('' to skip PostgreSQL)",
    )
    parser.add_argument(
        "--stores",
        default="sqlite,postgres",
        help="stores to measure, comma-separated (an A/B of one store takes half the time)",
    )
    args = parser.parse_args()
    wanted = {s.strip().lower() for s in args.stores.split(",") if s.strip()}
    if not wanted or wanted - {"sqlite", "postgres"}:
        parser.error(f"--stores: choose from sqlite, postgres (got {args.stores!r})")
    if "postgres" not in wanted:
        args.postgres = ""
    sqlite = "sqlite" in wanted
    global WORKERS
    WORKERS = args.workers
    from clearlane.generate import generate_dataset

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        generate_dataset(declarations=args.declarations, seed=args.seed, out_dir=data)
        source = data / f"declarations.{args.format}"
        if args.format == "xml":
            write_xml(data / "declarations.jsonl", source)
        items = count_items(data / "declarations.csv")
        size_mb = source.stat().st_size / 1e6
        csv_path = data / "declarations.csv"
        stores = Stores(Path(tmp), args.postgres)
        paths = ["bulk", "per-record"] if args.per_record else ["bulk"]
        rows: list[tuple[str, str, dict[str, float]]] = []
        stages: list[tuple[str, str, dict[str, float]]] = []
        try:
            for how in paths if not args.stages_only else []:
                script = MODEL if args.modelled and how == "bulk" else RUN
                if sqlite:
                    rows.append(("SQLite", how, run(source, stores.sqlite(), how, script)))
                    floor = bare(csv_path, "sqlite", str(Path(tmp) / f"{how}.db"))
                    rows[-1][2]["bare"], rows[-1][2]["bare_cpu"] = floor
                if args.postgres:
                    url = stores.pg()
                    rows.append(("PostgreSQL", how, run(source, url, how, script)))
                    libpq = make_url(url).set(drivername="postgresql").render_as_string(False)
                    floor = bare(csv_path, "postgres", libpq)
                    rows[-1][2]["bare"], rows[-1][2]["bare_cpu"] = floor
            for how in paths if args.stages or args.stages_only else []:
                if args.format == "csv":
                    if sqlite:
                        stages.append(("SQLite", how, run(csv_path, stores.sqlite(), how, STAGES)))
                    if args.postgres:
                        stages.append(("PostgreSQL", how, run(csv_path, stores.pg(), how, STAGES)))
        finally:
            stores.drop()
    print(
        f"\n{args.declarations:,} declarations, {items:,} goods items, "
        f"{args.format.upper()} {size_mb:.0f} MB, {os.cpu_count()} cores\n"
    )
    if rows:
        header = ["store", "path", "seconds", "CPU s (main + workers)", "goods items/s"]
        header += ["CPU µs / item", "peak RSS (MB)", "worker peak RSS (MB)"]
        header += ["bare pyarrow + executemany/COPY items/s", "ratio"]
        header += ["bare CPU µs / item", "CPU ratio"]
        header += ["modelled idle items/s"] if args.modelled else []
        header += ["server CPU µs / item", "received / quarantined"]
        print("| " + " | ".join(header) + " |")
        print("| --- | --- |" + " ---: |" * (len(header) - 2))
        for name, how, r in rows:
            assert r["received"] == r["stored"] + r["quarantined"]
            cpu = r["cpu"] + r["worker_cpu"]
            print(
                f"| {name} | {how} | {r['seconds']:.1f} | {r['cpu']:.1f} + {r['worker_cpu']:.1f} | "
                f"{items / r['seconds']:,.0f} | {1e6 * cpu / items:.0f} | "
                f"{r['peak_kb'] / 1024:.0f} | {r['worker_peak_kb'] / 1024:.0f} | "
                f"{items / r['bare']:,.0f} | {r['bare'] / r['seconds']:.2f} | "
                f"{1e6 * r['bare_cpu'] / items:.0f} | {r['bare_cpu'] / cpu:.2f} |"
                + (f" {items / r['modelled']:,.0f} |" if args.modelled and "modelled" in r else "")
                + (f" {1e6 * r['server_cpu'] / items:.0f} |" if r.get("server_cpu") else " - |")
                + f" {r['received']:,} / {r['quarantined']:,} |"
            )
    if stages:
        print("\nCPU µs per goods item by stage (one process, stages measured apart; the")
        print("PostgreSQL write is the client's CPU, the server's is not counted):\n")
        print("| store | path | read | validate | normalise | write | total |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for name, how, st in stages:
            parts = [1e6 * st[k] / st["items"] for k in ("read", "validate", "normalise", "write")]
            cells = " | ".join(f"{p:.1f}" for p in parts)
            print(f"| {name} | {how} | {cells} | {sum(parts):.1f} |")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
