"""CPU of the in-process compute of an API submission, replayed: the engine's part
(``facts_columns``, before 2026-12-04 ``facts_frame``, + ``assessed_records``: columns,
features, models, fusion, reasons) and the HS ranking of the submission's new (description,
declared code) pairs (``_compute_hs``), without the HTTP stack or the SQL.

Runs the submissions of ``benchmarks/submit_cpu.py`` once on a copy of its prepared store
(``--data``, see that file), capturing the engine's inputs of each (the declaration, its facts,
the engine and profiles) and the pairs the HS check computed; then replays those inputs
``--passes`` times, thread CPU per submission. The HS pass clears this process's ranking cache
first, then ranks each captured submission's pairs in the order they came: repeats within the
run hit the cache as they would in a worker. Interleave two trees for an A/B:

    PYTHONPATH=src python benchmarks/submit_engine.py --data /tmp/sub [--count 400]
    PYTHONPATH=/other/src python benchmarks/submit_engine.py --data /tmp/sub [--count 400]

``--dump FILE`` pickles each replayed submission's records (every field) and HS facts, for a
field-by-field comparison of two trees (``--compare A B``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def _capture(data: Path, count: int) -> tuple[list[tuple[Any, ...]], list[list[tuple[str, str]]]]:
    """Submit ``count`` declarations through the app; the engine's inputs of each, and the HS
    pairs computed for each (in order)."""
    work = Path(tempfile.mkdtemp(prefix="clearlane-submit-engine-"))
    shutil.copytree(data, work, dirs_exist_ok=True)
    os.environ["CLEARLANE_DATA_DIR"] = str(work)
    url = f"sqlite:///{work / 'clearlane.db'}"
    os.environ["CLEARLANE_DATABASE_URL"] = url
    from fastapi.testclient import TestClient

    import clearlane.features.facts as facts_module
    import clearlane.intake as intake
    import clearlane.workflows as workflows
    from clearlane.api.app import create_app
    from clearlane.config import get_settings

    get_settings.cache_clear()
    inputs: list[tuple[Any, ...]] = []
    pairs: list[list[tuple[str, str]]] = []
    frames: dict[int, tuple[Any, Any]] = {}
    real_frame, real_assessed, real_hs = (
        intake.facts_frame,
        workflows.assessed_records,
        facts_module._compute_hs,
    )
    # Since 2026-12-04 intake scores a submission's columns (facts_columns), before its frame.
    real_columns = getattr(intake, "facts_columns", None)

    def frame_of(found: Any, facts: Any) -> Any:
        frame = real_frame(found, facts)
        frames[id(frame)] = (list(found), facts)
        return frame

    def columns_of(found: Any, facts: Any) -> Any:
        assert real_columns is not None
        columns = real_columns(found, facts)
        frames[id(columns)] = (list(found), facts)
        return columns

    def assessed(frame: Any, *, engine: Any, profiles: Any = None, **kw: Any) -> Any:
        found, facts = frames.pop(id(frame))
        inputs.append((found, facts, engine, profiles))
        return real_assessed(frame, engine=engine, profiles=profiles, **kw)

    def compute_hs(todo: Any, top: int) -> Any:
        pairs.append(list(todo))
        return real_hs(todo, top)

    intake.facts_frame = frame_of  # type: ignore[assignment]
    if real_columns is not None:
        intake.facts_columns = columns_of  # type: ignore[attr-defined]
    workflows.assessed_records = assessed  # type: ignore[assignment]
    facts_module._compute_hs = compute_hs  # type: ignore[assignment]
    try:
        records = json.loads((work / "records.json").read_text())[:count]
        password = (work / "password").read_text()
        with TestClient(create_app(database_url=url)) as client:
            token = client.post(
                "/api/auth/token", data={"username": "bench-officer", "password": password}
            ).json()["access_token"]
            for record in records:
                response = client.post(
                    "/api/declarations", json=record, headers={"Authorization": f"Bearer {token}"}
                )
                if response.status_code >= 300:
                    raise RuntimeError(f"{response.status_code}: {response.text[:300]}")
    finally:
        intake.facts_frame = real_frame  # type: ignore[assignment]
        if real_columns is not None:
            intake.facts_columns = real_columns  # type: ignore[attr-defined]
        workflows.assessed_records = real_assessed  # type: ignore[assignment]
        facts_module._compute_hs = real_hs  # type: ignore[assignment]
        shutil.rmtree(work, ignore_errors=True)
    return inputs, pairs


def _summary(ms: list[float]) -> str:
    a = np.array(ms)
    return f"{a.mean():.2f} / {np.median(a):.2f} / {np.percentile(a, 99):.2f}"


def _plain(value: Any) -> Any:
    """Floats by their bytes (NaN included), containers element by element."""
    if isinstance(value, float | np.floating):
        return ("float", float(value).hex() if not math.isnan(value) else "nan")
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return _plain(vars(value))
    return repr(value) if not isinstance(value, str | int | bool | type(None)) else value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path)
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--dump", type=Path, help="pickle the replayed records and HS facts")
    parser.add_argument("--compare", nargs=2, type=Path, help="compare two --dump files")
    args = parser.parse_args()
    if args.compare:
        a, b = (pickle.loads(p.read_bytes()) for p in args.compare)
        bad = [i for i, (x, y) in enumerate(zip(a["records"], b["records"], strict=True)) if x != y]
        bad_hs = [i for i, (x, y) in enumerate(zip(a["hs"], b["hs"], strict=True)) if x != y]
        print(
            f"records: {len(a['records'])} submissions, {len(bad)} differ {bad[:10]}; "
            f"HS: {len(a['hs'])} computations, {len(bad_hs)} differ {bad_hs[:10]}"
        )
        sys.exit(1 if bad or bad_hs else 0)
    if args.data is None:
        parser.error("--data is required")
    inputs, hs_pairs = _capture(args.data, args.count)
    import clearlane
    import clearlane.features.facts as facts_module
    from clearlane.features import facts as facts_of

    # What intake scores: the submission's columns (since 2026-12-04), else its frame.
    scored = getattr(facts_of, "facts_columns", facts_of.facts_frame)
    from clearlane.hs.model import shipped_model
    from clearlane.workflows import assessed_records

    rankings = getattr(shipped_model(), "rankings", None)  # this process's kept HS rankings
    n_pairs = sum(len(p) for p in hs_pairs)
    texts = [" ".join(d.split()) for p in hs_pairs for d, _ in p]
    engine_ms: list[float] = []
    hs_ms: list[float] = []
    records: list[Any] = []
    hs_out: list[Any] = []
    for pass_no in range(args.passes):
        for found, facts, engine, profiles in inputs:
            t0 = time.thread_time()
            rows = assessed_records(scored(found, facts), engine=engine, profiles=profiles)
            engine_ms.append(1000 * (time.thread_time() - t0))
            if pass_no == 0:
                records.append(_plain(rows))
        if rankings is not None:
            rankings.clear()
        for todo in hs_pairs:
            t0 = time.thread_time()
            computed = facts_module._compute_hs(todo, 3)
            hs_ms.append(1000 * (time.thread_time() - t0))
            if pass_no == 0:
                hs_out.append(_plain(computed))
    if args.dump:
        args.dump.write_bytes(pickle.dumps({"records": records, "hs": hs_out}))
    print(
        json.dumps(
            {
                "code": str(Path(clearlane.__file__).parents[1]),
                "submissions": len(inputs),
                "engine_ms_mean_p50_p99": _summary(engine_ms),
                "hs_computations": len(hs_pairs),
                "hs_pairs": n_pairs,
                "hs_distinct_texts": len(set(texts)),
                "hs_ms_mean_p50_p99": _summary(hs_ms),
                "hs_rankings_reused": rankings.hits if rankings is not None else None,
                "hs_ms_per_submission": round(
                    statistics.fmean(hs_ms) * len(hs_pairs) / max(len(inputs), 1), 2
                ),
                "load": round(os.getloadavg()[0], 1),
            }
        )
    )


if __name__ == "__main__":
    main()
