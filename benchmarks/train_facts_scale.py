"""What gathering the training facts costs at scale on data without goods descriptions (KCS):
the KCS 2020 rows repeated, with new references, to about N goods items, then
``batch_facts(frame, store, as_assessed=True)`` as `clearlane train` calls it, against a store
that holds none of them (training from a file) and no document, link or party mention.

    python benchmarks/train_facts_scale.py [--items 1000000]

Prints CPU and wall seconds, the peak RSS before and after, the distinct (description, code)
pairs checked and the fact columns with a value (none: the engine is trained as before).
Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import pandas as pd

KCS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "kcs" / "kcs_train_2020.csv"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    args = parser.parse_args()

    from clearlane.features.facts import batch_facts, fact_columns_in
    from clearlane.ingest.parse import read_frame
    from clearlane.store.session import open_store

    base = read_frame(KCS, "kcs").reset_index(drop=True)
    copies = -(-args.items // len(base))
    frame = pd.concat(
        [base.assign(reference=base["reference"].astype(str) + f"-{i}") for i in range(copies)],
        ignore_index=True,
    ).head(args.items)
    print(f"{len(frame):,} goods items ({copies} copies of {len(base):,} KCS rows), "
          f"descriptions present: {int(frame['description'].notna().sum()) if 'description' in frame else 0}; "  # noqa: E501
          f"peak RSS {peak_mb():,.0f} MB")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/store.db")
        for attempt in ("first (checks computed)", "again (checks stored)"):
            start, cpu = time.perf_counter(), time.process_time()
            out, stats = batch_facts(frame, store, as_assessed=True)
            print(
                f"batch_facts {attempt}: {time.perf_counter() - start:.1f} s wall, "
                f"{time.process_time() - cpu:.1f} s CPU; {stats.summary()}; peak RSS "
                f"{peak_mb():,.0f} MB; fact columns with a value: {fact_columns_in(out)}",
                flush=True,
            )


if __name__ == "__main__":
    main()
