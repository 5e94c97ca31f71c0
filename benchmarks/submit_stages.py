"""Where one API submission's CPU goes, stage by stage: the thread CPU (``time.thread_time``)
of each stage of the submit path, in process (`benchmarks/submit_cpu.py`'s run: the
FastAPI app through its test client, the prepared store copied first), per measured
submission, inclusive of what each stage calls. Run:

    PYTHONPATH=src python benchmarks/submit_stages.py --data /tmp/sub [--postgres URL]
        [--warm 1500] [--count 400]

``--data`` is a store prepared by ``submit_cpu.py --prepare`` (with ``--postgres`` for a
PostgreSQL one). ``--warm``: submissions before the measured ones, uncounted. With the
default 30 nearly every submission ranks a new HS description (about 5 ms of CPU each); a
server that has taken about 1,500 submissions of the benchmark's records ranks few (the
rankings and HS checks it keeps), which is what ``benchmarks/api.py`` mostly measures.

Why thread CPU and not a profiler: cProfile times wall clock, and on a loaded machine a
memory-bound product (the HS embedding products) or any wait shows as its wall time; py-spy
samples wall clock too (it blamed 10 % of the HS features on threadpoolctl's limit, which
costs 16 µs of CPU). Each stage here is wrapped by a function that adds the calling thread's
CPU time while it runs, so the figures are the CPU each stage took in the thread that ran it
(the worker thread; the sign-in and the answer's JSON run on the event loop's thread). The
wrappers' own cost (two clock reads a call) is in the figures of the stages that contain
them, about 1 µs a call.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

#: (module, attribute) of each stage measured, outermost first; the name printed is the
#: attribute's. Each is looked up where its caller finds it (the caller's module global).
STAGES: tuple[tuple[str, str], ...] = (
    ("clearlane.api.declarations.views", "_submit_sync"),
    ("clearlane.intake", "ingest_records"),
    ("clearlane.ingest.pipeline", "_open_batch"),
    ("clearlane.ingest.parse", "validate_declaration"),
    ("clearlane.ingest.pipeline", "_Writer.write"),
    ("clearlane.intake", "_as_stored"),
    ("clearlane.intake", "_assessed"),
    ("clearlane.intake", "gather_facts"),
    ("clearlane.link.network", "network_features"),
    ("clearlane.link.network", "_neighbourhood"),
    ("clearlane.features.facts", "hs_checks"),
    ("clearlane.hs.model", "HSModel.rank"),
    ("clearlane.hs.model", "Index.features"),
    ("lightgbm.basic", "Booster.predict"),
    ("clearlane.intake", "assess_and_route"),
    ("clearlane.intake", "facts_columns"),
    ("clearlane.workflows", "assessed_records"),
    ("clearlane.risk.engine", "RiskEngine.assess_items"),
    ("clearlane.features.builder", "FeatureBuilder.transform_matrix"),
    ("clearlane.risk.engine", "RiskEngine._components"),
    ("clearlane.workflows", "explain_details"),
    ("clearlane.workflows", "explain_some"),
    ("clearlane.workflows", "_declaration_heads"),
    ("clearlane.intake", "_route"),
    ("clearlane.selection.online", "office_shares"),
    ("clearlane.selection.online", "CutsCache.get"),
    ("clearlane.intake", "store_hs_checks"),
    ("clearlane.intake", "record_assessments"),
    ("clearlane.oversight.assessments", "append_many"),
    ("clearlane.audit.chain", "entry_hash"),
    ("clearlane.intake", "_rows_in_order"),
    ("clearlane.api.declarations.views", "_submission"),
    ("clearlane.api.deps", "session_user_on"),
    ("clearlane.api.deps", "read_token"),
    ("sqlalchemy.engine.base", "Connection.execute"),
    ("sqlalchemy.engine.base", "Connection.exec_driver_sql"),
    ("sqlalchemy.pool.base", "Pool.connect"),
    ("sqlalchemy.orm.session", "Session.close"),
    ("sqlalchemy.orm.session", "Session.commit"),
)


class Stages:
    """Thread CPU and calls per stage, counted once ``counting`` is set."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.counting = False

    def wrap(self, module: str, attribute: str) -> None:
        owner: Any = importlib.import_module(module)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        inner: Callable[..., Any] = getattr(owner, name)
        stages = self

        def timed(*args: Any, **kwargs: Any) -> Any:
            if not stages.counting:
                return inner(*args, **kwargs)
            t0 = time.thread_time()
            try:
                return inner(*args, **kwargs)
            finally:
                stages.cpu[attribute] = stages.cpu.get(attribute, 0.0) + time.thread_time() - t0
                stages.calls[attribute] = stages.calls.get(attribute, 0) + 1

        setattr(owner, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="submit_cpu.py --prepare's")
    parser.add_argument("--postgres", help="a PostgreSQL server's URL: measure on PostgreSQL")
    parser.add_argument("--warm", type=int, default=30)
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()

    import submit_cpu  # type: ignore[import-not-found]

    stages = Stages()
    for module, attribute in STAGES:
        stages.wrap(module, attribute)
    # Counting starts with the first measured submission (the warm ones are left out).
    views = importlib.import_module("clearlane.api.declarations.views")
    submit = views._submit_sync
    seen = [0]

    def counted(**kwargs: Any) -> Any:
        seen[0] += 1
        stages.counting = seen[0] > args.warm
        return submit(**kwargs)

    views._submit_sync = counted
    result = submit_cpu.run(
        args.data,
        warm=args.warm,
        count=args.count,
        skip=0,
        profile=None,
        postgres=args.postgres,
    )
    n = result["submissions"]
    store = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"{store}: {n} submissions after {args.warm} warm; process CPU "
        f"{result['cpu_ms_mean']:.2f} ms, worker thread {result['worker_ms_mean']:.2f} ms a "
        f"submission (mean); {result['statements_median']:g} statements, "
        f"{result['checkouts_median']:g} checkouts (median); load {result['load']:.1f}"
    )
    print("| stage | ms a submission | calls a submission |\n| --- | ---: | ---: |")
    for _module, attribute in STAGES:
        if attribute in stages.cpu:
            ms = 1000 * stages.cpu[attribute] / n
            print(f"| {attribute} | {ms:.3f} | {stages.calls[attribute] / n:.2f} |")
    print(json.dumps({"store": store, **result}))


if __name__ == "__main__":
    main()
