"""The bias audit on a store the size of the demo's: what `/api/fairness` computes, timed.

    python benchmarks/fairness.py [--declarations 20000] [--by origin,importer] [--previous]
    python benchmarks/fairness.py --store var/clearlane.db   # the demo store as it is

Generates ``--declarations`` declarations (the demo ingests 20,000), ingests them and their
control results into a fresh SQLite store (or opens ``--store``), then times, per grouping:

* what the route does now (:func:`clearlane.fairness.store.store_fairness_report` and the
  response model), wall and CPU: *cold*, with an empty cache (the declaration frame read from
  table columns, as on the first request after the store changed), and *cached* (the next
  requests, until the store changes);
* the route before the cache: the full analysis frame from the stored JSON, then the audit;
* the library floor: ``pandas.read_sql_query`` of the stored goods items (no JSON, no labels);
* with ``--previous`` the implementation before December 2026 (Pydantic objects per
  declaration, fairlearn MetricFrame per group; minutes with ``by=importer``).

Prints a Markdown table; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def previous_route(factory: object, by: str) -> object:
    """The route as it was: Pydantic-validated declarations, then MetricFrame per group."""
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import func, select
    from tests.fairness.previous_audit import fairness_report

    from clearlane.core.schema import ControlResult, Declaration
    from clearlane.frames import items_frame
    from clearlane.store.tables import ControlResultRow, DeclarationRow

    latest = (
        select(DeclarationRow.reference, func.max(DeclarationRow.version).label("version"))
        .group_by(DeclarationRow.reference)
        .subquery()
    )
    query = select(DeclarationRow.normalised).join(
        latest,
        (DeclarationRow.reference == latest.c.reference)
        & (DeclarationRow.version == latest.c.version),
    )
    with factory() as session:  # type: ignore[operator]
        declarations = [Declaration.model_validate(row) for row in session.scalars(query)]
        controls: dict[str, list[ControlResult]] = defaultdict(list)
        for payload in session.scalars(select(ControlResultRow.payload)):
            result = ControlResult.model_validate(payload)
            controls[result.declaration_reference].append(result)
    return fairness_report(items_frame(declarations, controls), by=by).to_dict()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--declarations", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--by", default="origin,importer")
    parser.add_argument("--previous", action="store_true", help="also time the old route")
    parser.add_argument("--store", type=Path, help="an existing SQLite store to audit instead")
    args = parser.parse_args()

    import pandas as pd

    from clearlane.api.fairness.schemas import FairnessRead
    from clearlane.fairness import fairness_report
    from clearlane.fairness.store import AuditCache, store_fairness_report
    from clearlane.generate import generate_dataset
    from clearlane.ingest.pipeline import ingest_file
    from clearlane.store.frames import load_items_frame
    from clearlane.store.session import open_store

    def timed(call: Callable[[], object]) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        return time.perf_counter() - wall, time.process_time() - cpu

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.store is not None:
            factory = open_store(f"sqlite:///{args.store.resolve()}")
            label = f"the store {args.store}"
        else:
            data = Path(tmp) / "data"
            generate_dataset(declarations=args.declarations, seed=args.seed, out_dir=data)
            factory = open_store(f"sqlite:///{Path(tmp) / 'store.db'}")
            ingest_file(data / "declarations.csv", session_factory=factory)
            ingest_file(data / "controls.jsonl", kind="controls", session_factory=factory)
            label = f"{args.declarations:,} generated declarations"
        engine = factory.kw["bind"]
        for by in args.by.split(","):
            cache = AuditCache()

            def route(by: str = by, cache: AuditCache = cache) -> None:
                report = store_fairness_report(factory, by=by, cache=cache)
                FairnessRead.model_validate(report.to_dict())

            cold = timed(route)
            cached = timed(route)
            start = time.perf_counter()
            frame = load_items_frame(session_factory=factory)
            report = fairness_report(frame, by=by)
            FairnessRead.model_validate(report.to_dict())
            uncached = time.perf_counter() - start
            start = time.perf_counter()
            with engine.connect() as connection:
                pd.read_sql_query("SELECT * FROM goods_items", connection)
            floor = time.perf_counter() - start
            before = None
            if args.previous:
                start = time.perf_counter()
                previous_route(factory, by)
                before = time.perf_counter() - start
            rows.append((by, len(report.table), cold, cached, uncached, floor, before))
        items = len(frame)
    print(f"\n{label}: {items:,} goods items, SQLite\n")
    print(
        "| by | groups | cold: wall / CPU (s) | cached: wall / CPU (s) | full frame, no cache (s) "
        "| bare read_sql of goods_items (s) | before Dec 2026 (s) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for by, groups, cold, cached, uncached, floor, before in rows:
        shown = f"{before:.1f}" if before is not None else "-"
        print(
            f"| {by} | {groups} | {cold[0]:.2f} / {cold[1]:.2f} | {cached[0]:.2f} / "
            f"{cached[1]:.2f} | {uncached:.2f} | {floor:.2f} | {shown} |"
        )
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
