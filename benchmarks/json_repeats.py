"""Cost of finding a key repeated in a JSON body (orjson keeps a repeated key's last value and
cannot report it): the second parse with ``json`` (``loads_marking_duplicates``) against the
colon count that rules a repeat out first (``may_repeat_keys``), for one declaration and for a
batch of 500, generated as ``benchmarks/api.py`` generates its submissions.

    PYTHONPATH=src python benchmarks/json_repeats.py [--repeat 200]

Prints the median milliseconds of each step over ``--repeat`` runs (after a warm-up), and the
body's size. The colon count is what the API's middleware now runs on every JSON body before
deciding whether to parse again; the second parse runs only when the counts differ.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from clearlane.core.bounds import (
    duplicate_key_in,
    json_problem,
    loads_marking_duplicates,
    may_repeat_keys,
)
from clearlane.generate import generate_dataset


def _median_ms(step: Callable[[], Any], repeat: int) -> float:
    for _ in range(3):
        step()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        step()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        generate_dataset(declarations=500, seed=args.seed, out_dir=Path(tmp), days=5)
        lines = (Path(tmp) / "declarations.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines[:500]]
    bodies = {
        "one declaration": orjson.dumps(records[0]),
        f"batch of {len(records)}": orjson.dumps({"declarations": records}),
    }
    print("| body | KB | orjson parse | depth/NUL walk | colon count | second parse | check now |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, body in bodies.items():
        parsed = orjson.loads(body)
        assert not may_repeat_keys(body, parsed) and duplicate_key_in(body) is None
        cells = [
            _median_ms(lambda: orjson.loads(body), args.repeat),  # noqa: B023
            _median_ms(lambda: json_problem(parsed), args.repeat),  # noqa: B023
            _median_ms(lambda: may_repeat_keys(body, parsed), args.repeat),  # noqa: B023
            _median_ms(lambda: loads_marking_duplicates(body), args.repeat),  # noqa: B023
            _median_ms(lambda: duplicate_key_in(body, parsed=parsed), args.repeat),  # noqa: B023
        ]
        timings = " | ".join(f"{c:.3f}" for c in cells)
        print(f"| {name} | {len(body) / 1000:.0f} | {timings} |")


if __name__ == "__main__":
    main()
