"""CPU time and SQL statements of one API submission, in process (FastAPI's TestClient, no
HTTP server, no other clients): the server-side cost of ``POST /api/declarations`` with the
data `benchmarks/api.py` uses, on SQLite.

The store and engine are prepared once into ``--data`` (slow: generate, ingest, train); each
run copies that store, so runs of different code (``PYTHONPATH=other/src``) start from the
same state and can be interleaved for an A/B comparison on a busy machine:

    PYTHONPATH=src python benchmarks/submit_cpu.py --data /tmp/sub --prepare
    PYTHONPATH=src python benchmarks/submit_cpu.py --data /tmp/sub [--profile out.prof]
        [--py-spy out.txt]

``--postgres URL`` (any database on the server: it is only used to create others) does the
same on PostgreSQL: ``--prepare`` fills a scratch database and keeps it as a ``pg_dump`` in
``--data``; each run restores it into a scratch database of its own (tests.scratch),
dropped afterwards. Besides the
statements, a run counts the pool's checkouts a submission: on PostgreSQL each one also costs
a round trip the statement count does not see (the pool's pre-ping), and each transaction its
``BEGIN`` and ``COMMIT``/``ROLLBACK``.

``--amend-from DEMO_DIR`` (with ``--prepare``) makes the data directory from a demo's instead
(``CLEARLANE_DATA_DIR=DEMO_DIR clearlane demo --no-serve``: 20,000 linked declarations, its
engine): its store and engine, and ``--amendments`` (60) of its linked declarations, drawn with
``--seed``, resubmitted as version 2 with the first goods item's net mass corrected, i.e.
amendments of linked declarations, which read their importer's trader network (sessions 28-29):

    PYTHONPATH=src python benchmarks/submit_cpu.py --data /tmp/amend --prepare \
        --amend-from /tmp/demo
    PYTHONPATH=src python benchmarks/submit_cpu.py --data /tmp/amend --warm 5 --count 20

``--py-spy`` samples the whole process (every thread holding the interpreter lock: the test
client, the event loop and the worker thread) during the measured submissions only, in
py-spy's raw (collapsed stacks) format; py-spy must be on ``PATH`` or beside the interpreter.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _libpq(url: str) -> str:
    """The SQLAlchemy URL as libpq takes it (pg_dump, pg_restore)."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _scratch(server: str) -> Any:
    """This process's scratch databases (tests.scratch): named after its run,
    dropped at the end, or by the next run's cleanup if this one is killed."""
    sys.path.insert(0, str(ROOT))  # tests.scratch
    from tests.scratch import BENCH_PREFIX, ScratchRun

    return ScratchRun(server, BENCH_PREFIX)


PG_DUMP = "postgres.dump"


def prepare(
    data: Path, history: int, seed: int, postgres: str | None = None, train_facts: bool = False
) -> None:
    from api import PASSWORD, _prepare  # type: ignore[import-not-found]

    data.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{data / 'clearlane.db'}"
    if postgres is None:
        records = _prepare(url, data, history, seed, train_facts=train_facts)
    else:
        # Prepared in a scratch database and kept as a dump beside the SQLite files: each
        # run restores it into a scratch database of its own.
        with _scratch(postgres).database() as pg_url:
            records = _prepare(pg_url, data, history, seed, train_facts=train_facts)
            subprocess.run(
                ["pg_dump", "-Fc", "--no-owner", "-f", str(data / PG_DUMP), _libpq(pg_url)],
                check=True,
            )
    (data / "records.json").write_text(json.dumps(records))
    (data / "password").write_text(PASSWORD)


def prepare_amendments(data: Path, demo: Path, count: int, seed: int) -> None:
    """``data`` from the demo's directory ``demo``: a copy of its store (SQLite's backup, so
    its write-ahead log comes along), its engine and HS index (``models``, ``cache``), a
    benchmark user, and ``count``
    of its linked declarations as version 2, the first goods item's net mass 1 % lower."""
    import random
    import sqlite3

    from api import PASSWORD

    data.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(demo / "clearlane.db")
    target = sqlite3.connect(data / "clearlane.db")
    with target:
        source.backup(target)
    source.close()
    linked = {ref for (ref,) in target.execute(
        "SELECT source_ref FROM party_mentions WHERE source = 'declaration' AND role = 'importer'"
    )}  # fmt: skip
    target.close()
    # the engine, and the HS model's index (without it each run builds it in the background
    # while the submissions are measured: some 50 ms of process CPU a submission more)
    for part in ("models", "cache"):
        if (demo / part).is_dir():
            shutil.copytree(demo / part, data / part, dirs_exist_ok=True)
    url = f"sqlite:///{data / 'clearlane.db'}"
    os.environ["CLEARLANE_DATA_DIR"] = str(data)
    os.environ["CLEARLANE_DATABASE_URL"] = url
    from clearlane.api.auth.service import create_user
    from clearlane.config import get_settings
    from clearlane.store.session import open_store

    get_settings.cache_clear()
    with open_store(url)() as session, session.begin():
        create_user(session, username="bench-officer", password=PASSWORD, role="officer")
    with (demo / "demo-data" / "declarations.jsonl").open(encoding="utf-8") as lines:
        candidates = [r for r in map(json.loads, lines) if r["reference"] in linked]
    records = random.Random(seed).sample(candidates, count)
    for record in records:
        record["version"] = 2
        item = record["items"][0]
        item["net_mass_kg"] = round(item["net_mass_kg"] * 0.99, 1)
    (data / "records.json").write_text(json.dumps(records))
    (data / "password").write_text(PASSWORD)


def run(
    data: Path,
    *,
    warm: int,
    count: int,
    skip: int,
    profile: str | None,
    show: bool = False,
    spy: str | None = None,
    spy_gil: bool = True,
    postgres: str | None = None,
    outputs: str | None = None,
) -> dict[str, Any]:
    """Submit ``warm`` declarations, then ``count`` measured ones (after skipping ``skip``).
    ``outputs``: write every response and the rows the submissions stored there (JSON), for
    ``benchmarks/submit_outputs.py`` to compare two runs' outputs."""
    work = Path(tempfile.mkdtemp(prefix="clearlane-submit-cpu-"))
    scratch = _scratch(postgres) if postgres is not None else None
    url = f"sqlite:///{work / 'clearlane.db'}"
    try:
        shutil.copytree(data, work, dirs_exist_ok=True)
        os.environ["CLEARLANE_DATA_DIR"] = str(work)
        if scratch is not None:
            url = scratch.create()
            subprocess.run(
                ["pg_restore", "--no-owner", "-d", _libpq(url), str(data / PG_DUMP)], check=True
            )
        os.environ["CLEARLANE_DATABASE_URL"] = url
        from fastapi.testclient import TestClient
        from sqlalchemy import event
        from sqlalchemy.engine import Engine
        from sqlalchemy.pool import Pool

        from clearlane.api.app import create_app
        from clearlane.config import get_settings

        get_settings.cache_clear()
        statements: list[str] = []

        @event.listens_for(Engine, "before_cursor_execute")
        def _count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            statements.append(statement)

        checkouts: list[int] = []

        @event.listens_for(Pool, "checkout")
        def _checkout(*args: Any) -> None:
            checkouts.append(1)

        records = json.loads((work / "records.json").read_text())[skip:]
        password = (work / "password").read_text()
        with TestClient(create_app(database_url=url)) as client:
            token = client.post(
                "/api/auth/token", data={"username": "bench-officer", "password": password}
            ).json()["access_token"]
            headers = {"Authorization": f"Bearer {token}"}

            responses: list[Any] = []

            def submit(record: dict[str, Any]) -> None:
                response = client.post("/api/declarations", json=record, headers=headers)
                if response.status_code >= 300:
                    raise RuntimeError(f"{response.status_code}: {response.text[:300]}")
                if outputs:
                    responses.append(response.json())

            for record in records[:warm]:
                submit(record)
            measured = records[warm : warm + count]
            per: list[int] = []
            out: list[int] = []
            cpu: list[float] = []
            profiler = cProfile.Profile() if profile else None
            if profiler is not None:  # the route's worker-thread part: store, assess, audit
                from clearlane.api.declarations import views

                inner = views._submit_sync

                def profiled(**kwargs: Any) -> Any:
                    return profiler.runcall(inner, **kwargs)

                views._submit_sync = profiled  # type: ignore[assignment]
            # The worker thread's own CPU (store, assess, route, audit: no HTTP, no test
            # client), time.thread_time around the route's worker-thread part.
            from clearlane.api.declarations import views

            worker: list[float] = []
            timed_inner = views._submit_sync

            def timed(**kwargs: Any) -> Any:
                t0 = time.thread_time()
                try:
                    return timed_inner(**kwargs)
                finally:
                    worker.append(time.thread_time() - t0)

            views._submit_sync = timed
            sampler = _py_spy(spy, gil=spy_gil) if spy else None
            for record in measured:
                before, taken = len(statements), len(checkouts)
                t0 = time.process_time()
                submit(record)
                cpu.append(time.process_time() - t0)
                per.append(len(statements) - before)
                out.append(len(checkouts) - taken)
            if sampler is not None:
                sampler.send_signal(signal.SIGINT)  # py-spy writes its file and exits
                sampler.wait(timeout=120)
            if show:  # the statements of the last measured submission, to stderr
                for statement in statements[-per[-1] :]:
                    print(" ".join(statement.split())[:160], file=sys.stderr)
            if profiler and profile:
                profiler.dump_stats(profile)
        load = os.getloadavg()[0]
        if outputs:
            _write_outputs(outputs, url, responses)
        return {
            "submissions": len(measured),
            "cpu_ms_mean": 1000 * statistics.fmean(cpu),
            "cpu_ms_median": 1000 * statistics.median(cpu),
            "worker_ms_mean": 1000 * statistics.fmean(worker),
            "statements_median": statistics.median(per),
            "statements_max": max(per),
            "checkouts_median": statistics.median(out),
            "load": load,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if scratch is not None and url.startswith("postgresql"):
            from clearlane.store.session import get_engine

            get_engine(url).dispose()
            scratch.drop(url)


#: The tables a submission writes, as ``benchmarks/submit_outputs.py`` compares them.
OUTPUT_TABLES = ("assessments", "hs_checks", "audit_log", "declarations", "goods_items")


def _write_outputs(path: str, url: str, responses: list[Any]) -> None:
    """The responses and every row of :data:`OUTPUT_TABLES` (in id order) as one JSON file."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    tables: dict[str, list[dict[str, Any]]] = {}
    try:
        with engine.connect() as connection:
            for table in OUTPUT_TABLES:
                rows = connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))
                tables[table] = [dict(row._mapping) for row in rows]
    finally:
        engine.dispose()
    Path(path).write_text(json.dumps({"responses": responses, "tables": tables}, default=str))


def _py_spy(out: str, *, gil: bool = True) -> subprocess.Popen[bytes]:
    """py-spy attached to this process (250 samples/s; GIL holders only, or with ``gil``
    False every thread not idle, so that C code that releases the lock, BLAS products and
    SQLite's own work, is sampled too), started once it samples: its first line (on stdout)
    comes once it is attached."""
    exe = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    command = [exe, "record", *(["--gil"] if gil else []), "-r", "250", "-f", "raw", "-o", out]
    sampler = subprocess.Popen([*command, "--pid", str(os.getpid())], stdout=subprocess.PIPE)
    assert sampler.stdout is not None
    sampler.stdout.readline()
    return sampler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--postgres", help="a PostgreSQL server's URL: measure on PostgreSQL")
    parser.add_argument("--history", type=int, default=6000)
    parser.add_argument(
        "--train-facts",
        action="store_true",
        help="with --prepare: as `clearlane train` by default (history's HS checks stored, an "
        "engine with fact inputs; benchmarks/api.py --train-facts)",
    )
    parser.add_argument(
        "--amend-from",
        type=Path,
        help="with --prepare: a demo's data directory; submit amendments of its declarations",
    )
    parser.add_argument("--amendments", type=int, default=60, help="with --amend-from")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--warm", type=int, default=30)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--skip", type=int, default=0, help="records to skip (fresh ones)")
    parser.add_argument("--profile", help="write a cProfile of the measured submissions here")
    parser.add_argument("--py-spy", help="write py-spy's raw samples of the measured part here")
    parser.add_argument(
        "--py-spy-all",
        action="store_true",
        help="with --py-spy, sample every running thread, not only the lock's holder",
    )
    parser.add_argument(
        "--show-statements", action="store_true", help="print the last submission's SQL"
    )
    parser.add_argument(
        "--outputs", help="write the responses and stored rows here (benchmarks/submit_outputs.py)"
    )
    args = parser.parse_args()
    if args.prepare and args.amend_from is not None:
        prepare_amendments(args.data, args.amend_from, args.amendments, args.seed)
        return
    if args.prepare:
        prepare(args.data, args.history, args.seed, args.postgres, args.train_facts)
        return
    result = run(
        args.data,
        warm=args.warm,
        count=args.count,
        skip=args.skip,
        profile=args.profile,
        show=args.show_statements,
        spy=args.py_spy,
        spy_gil=not args.py_spy_all,
        postgres=args.postgres,
        outputs=args.outputs,
    )
    import clearlane

    print(json.dumps({"code": str(Path(clearlane.__file__).parents[1]), **result}))


if __name__ == "__main__":
    main()
