"""CPU cost of the submit path's assessment writes on a filled SQLite store: a declaration's
first assessment, and a declaration another writer assessed already (the race the writers'
check settles).

Fills a store with ``--declarations`` declarations, all but the timed ones with two stored
assessments of other engines, fits the rules + anomaly fallback on generated data, then times
(process CPU time) ``intake.assess_submitted`` one declaration at a time: ``--repeat`` first
assessments, and ``--repeat`` calls on declarations it assessed already. Run from a work tree
(its ``src`` on the path) and, for an A/B, the same command with another tree's ``src``:

    PYTHONPATH=src python benchmarks/assessment_check.py [--declarations 20000] [--repeat 100]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.factories

from tests.factories import declaration, make_frame  # noqa: E402

from clearlane.ingest.pipeline import ingest_records  # noqa: E402
from clearlane.intake import Submitted, assess_submitted  # noqa: E402
from clearlane.oversight import record_assessments  # noqa: E402
from clearlane.risk.profiles import load_default_profiles  # noqa: E402
from clearlane.store.session import open_store  # noqa: E402
from clearlane.workflows import fit_fallback  # noqa: E402


def _cpu(call: Callable[[], object]) -> float:
    start = time.process_time()
    call()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--declarations", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    os.environ.setdefault("CLEARLANE_SECRET_KEY", "benchmark-only-secret-key-not-for-use")
    root = Path(tempfile.mkdtemp(prefix="assessment-check-"))
    os.environ["CLEARLANE_DATA_DIR"] = str(root / "var")
    store = open_store(f"sqlite:///{root / 'store.db'}")
    references = [f"B-{i:06d}" for i in range(args.declarations)]
    timed, warm = references[: args.repeat], references[args.repeat : args.repeat + 10]
    for start in range(0, len(references), 2000):
        chunk = references[start : start + 2000]
        ingest_records([declaration(r) for r in chunk], source="api:b", session_factory=store)
        chunk = [r for r in chunk if r not in timed and r not in warm]
        rows = [
            {"reference": r, "version": 1, "office": "NLRTM1", "model_version": model,
             "profile_version": "p", "score": 0.3, "lane": "green", "reasons": []}
            for model in ("older-1", "older-2") for r in chunk
        ]  # fmt: skip
        with store() as session, session.begin():
            record_assessments(session, routed=rows, actor="benchmark")
    profiles = load_default_profiles()
    engine = fit_fallback(make_frame(800, seed=3, days=40), profiles)
    engine.model_version = "fallback-benchmark"
    key = b"benchmark"

    def submit(reference: str) -> Submitted:
        result = Submitted("body", reference, 1, "new")
        assess_submitted([result], engine=engine, key=key, session_factory=store, profiles=profiles)
        assert result.assessment is not None, result.pending
        return result

    for reference in warm:  # warm-up: caches, imports, first queries
        submit(reference)
    first = [_cpu(lambda r=r: submit(r)) for r in timed]
    again = [_cpu(lambda r=r: submit(r)) for r in timed]
    load = os.getloadavg()[0]
    print(f"store: {args.declarations:,} declarations, about twice as many assessments")
    print(f"load average (1 min) at the end: {load:.1f}")
    print("| call | median CPU ms | mean CPU ms |")
    print("| --- | ---: | ---: |")
    for name, times in (("first assessment", first), ("assessed already", again)):
        median, mean = statistics.median(times) * 1e3, statistics.fmean(times) * 1e3
        print(f"| {name} | {median:.1f} | {mean:.1f} |")


if __name__ == "__main__":
    main()
