"""Trader-network facts of a few declarations vs the whole frame: equal rows, and their CPU.

On a linked store (the demo's after its step 8: ``clearlane demo --no-serve``), checks that
``network_features(store, refs)`` for random samples of references (1, 65, 500 by default)
and for up to 500 flagged ones (sharing with a caught cluster, renamed, new importers at the
address) equals the rows of the whole frame (``references=None``, which reads the whole
store) and, with ``--reference-src``, the rows another code tree computes (main's
``src/clearlane/link/network.py``) for the same samples and for the whole frame. Then times
``network_features`` and ``gather_facts`` for 1 and 65 references (CPU s, best of
``--passes``). The store is copied first and never written:

    PYTHONPATH=src python benchmarks/network_neighbourhood.py --store var/clearlane.db \\
        --reference-src /work/main/src/clearlane/link/network.py
    PYTHONPATH=src python benchmarks/network_neighbourhood.py --store var/clearlane.db --no-check
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _module(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("reference_network", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # a dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


def _cpu(fn: Any, passes: int) -> float:
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a linked SQLite store")
    parser.add_argument("--url", help="check this database instead (PostgreSQL); no copy")
    parser.add_argument("--reference-src", type=Path, help="another tree's link/network.py")
    parser.add_argument("--samples", default="1,65,500")
    parser.add_argument("--seed", type=int, default=28)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--check", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args()

    from sqlalchemy import select

    from clearlane.features.facts import gather_facts
    from clearlane.link.network import network_features
    from clearlane.store.session import open_store
    from clearlane.store.tables import DeclarationRow

    work = Path(tempfile.mkdtemp(prefix="clearlane-netctx-"))
    try:
        if args.url:
            store = open_store(args.url)
        else:
            shutil.copy(args.store, work / "clearlane.db")
            store = open_store(f"sqlite:///{work / 'clearlane.db'}")
        with store() as session:
            refs = sorted(set(session.scalars(select(DeclarationRow.reference))))
        rng = random.Random(args.seed)
        samples = {int(n): rng.sample(refs, int(n)) for n in args.samples.split(",")}
        failures = 0
        if args.check:
            whole = network_features(store)
            print(f"whole frame: {len(whole)} rows, {int(whole.importer_cluster_id.notna().sum())}"
                  " with a cluster")  # fmt: skip
            reference = _module(args.reference_src) if args.reference_src else None
            if reference is not None:
                theirs = reference.network_features(store)
                same = whole.equals(theirs)
                failures += not same
                print(f"whole frame equals the reference tree's: {same}")
            flagged = whole[whole.net_shares_with_noncompliant | whole.net_recent_name_change
                            | (whole.net_address_new_importers > 0)]  # fmt: skip
            checks = {f"{n} random": sample for n, sample in samples.items()}
            checks[f"{min(len(flagged), 500)} flagged"] = rng.sample(
                sorted(flagged.index), min(len(flagged), 500)
            )
            for n, sample in checks.items():
                rows = network_features(store, sample)
                expected = whole.loc[sorted(sample)]
                same = rows.equals(expected)
                line = f"{n} refs: equal to the whole frame's rows: {same}"
                if reference is not None:
                    theirs = reference.network_features(store, sample)
                    also = rows.equals(theirs)
                    same = same and also
                    line += f"; to the reference tree's: {also}"
                failures += not same
                if not rows.equals(expected):
                    diff = rows.compare(expected) if rows.shape == expected.shape else None
                    print(diff if diff is not None else (rows.shape, expected.shape))
                print(line)
            new = whole[whole.net_new_trader]
            print(f"  whole frame: new traders {len(new)}, sharing with a caught cluster "
                  f"{int(whole.net_shares_with_noncompliant.sum())}, renamed "
                  f"{int(whole.net_recent_name_change.sum())}, max new importers at an address "
                  f"{int(whole.net_address_new_importers.max())}")  # fmt: skip
        for n in (1, 65):
            sample = samples.get(n) or rng.sample(refs, n)
            network_features(store, sample)  # warm: imports, caches
            nf = _cpu(lambda s=sample: network_features(store, s), args.passes)
            gather_facts(store, sample)
            gf = _cpu(lambda s=sample: gather_facts(store, s), args.passes)
            print(f"{n} refs: network_features {nf:.3f} CPU s, gather_facts {gf:.3f} CPU s")
        sys.exit(1 if failures else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
