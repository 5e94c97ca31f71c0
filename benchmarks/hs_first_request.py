"""What the first request that needs the HS check pays in a fresh server process.

Each scenario runs in a new process on a new data directory and store holding a few
generated declarations, and times (CPU and wall) :func:`clearlane.features.facts.gather_facts`
for one declaration: the step of a submission (and of a document's reassessment) that checks
its goods items against their HS codes.

* ``no warm-up, no cache``: a fresh install before this change: the request builds the index;
* ``no warm-up, cache present``: a later start: the request loads the cached index;
* ``warm-up at start-up``: a fresh install with the server's start-up warm-up
  (:func:`clearlane.hs.model.warm_up`) done before the first request arrives.

Run: ``PYTHONPATH=src python benchmarks/hs_first_request.py``. CPU seconds are this process's
(all threads); wall-clock depends on the machine's load, which is printed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

SCENARIOS = ("no warm-up, no cache", "no warm-up, cache present", "warm-up at start-up")


def run(scenario: str, data_dir: Path) -> dict[str, float]:
    os.environ["CLEARLANE_DATA_DIR"] = str(data_dir)
    from clearlane.generate import generate_dataset
    from clearlane.ingest.pipeline import ingest_file
    from clearlane.store.session import open_store

    store = open_store()
    out = data_dir / "generated"
    generate_dataset(declarations=20, seed=3, out_dir=out, start=date(2025, 1, 1), days=5)
    ingest_file(out / "declarations.csv", session_factory=store)
    reference = json.loads((out / "declarations.jsonl").read_text().splitlines()[0])["reference"]
    warm = {"warm_up_cpu": 0.0}
    if scenario == "warm-up at start-up":
        from clearlane.hs.model import warm_up

        before = time.process_time()
        warm_up().join()  # the server started a while before its first request
        warm["warm_up_cpu"] = time.process_time() - before
    from clearlane.features.facts import gather_facts

    cpu, wall = time.process_time(), time.perf_counter()
    facts = gather_facts(store, [reference], network=False)
    assert facts.hs, "no HS check was made"
    return {
        "request_cpu": time.process_time() - cpu,
        "request_wall": time.perf_counter() - wall,
        **warm,
    }


def main() -> None:
    if len(sys.argv) == 3:
        print(json.dumps(run(sys.argv[1], Path(sys.argv[2]))))
        return
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| scenario | first request CPU s | wall s | warm-up thread CPU s |")
    print("| --- | ---: | ---: | ---: |")
    shared = Path(tempfile.mkdtemp())
    try:
        for scenario in SCENARIOS:
            data_dir = Path(tempfile.mkdtemp())
            if scenario == "no warm-up, cache present":
                shutil.copytree(shared / "cache", data_dir / "cache")
            done = subprocess.run(
                [sys.executable, __file__, scenario, str(data_dir)],
                check=True,
                capture_output=True,
                text=True,
            )
            result = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"| {scenario} | {result['request_cpu']:.1f} | {result['request_wall']:.1f} |"
                  f" {result['warm_up_cpu']:.1f} |")  # fmt: skip
            if scenario == "no warm-up, no cache":
                shutil.copytree(data_dir / "cache", shared / "cache")
            shutil.rmtree(data_dir, ignore_errors=True)
    finally:
        shutil.rmtree(shared, ignore_errors=True)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
