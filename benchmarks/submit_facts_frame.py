"""CPU of the frame a submission is scored on, replayed in one process: for each of the first
``--count`` declarations of a store prepared by `benchmarks/submit_cpu.py --prepare`,
``gather_facts`` of its reference (the declaration in hand, as a submission has it) and
``facts_frame``, then ``items_frame`` alone. HS checks are computed once before timing, so
only the facts reads and the frame are measured. Best of ``--passes``; for an A/B of two
code trees run it with ``PYTHONPATH=other/src`` alternately:

    PYTHONPATH=src python benchmarks/submit_facts_frame.py --data /tmp/sub
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="clearlane-facts-frame-"))
    try:
        shutil.copy(args.data / "clearlane.db", work / "clearlane.db")
        os.environ["CLEARLANE_DATA_DIR"] = str(args.data)
        from sqlalchemy import select

        from clearlane.core.schema import Declaration
        from clearlane.features.facts import facts_frame, gather_facts
        from clearlane.frames import items_frame
        from clearlane.store.session import open_store
        from clearlane.store.tables import DeclarationRow

        store = open_store(f"sqlite:///{work / 'clearlane.db'}")
        with store() as session:
            rows = session.execute(
                select(DeclarationRow.reference, DeclarationRow.normalised).limit(args.count)
            ).all()
        decls = {ref: Declaration.model_validate(normalised) for ref, normalised in rows}
        for ref, decl in decls.items():  # HS checks computed and kept before timing
            gather_facts(store, [ref], declarations={ref: decl})
        facts_ms, items_ms = [], []
        for _ in range(args.passes):
            t0 = time.process_time()
            for ref, decl in decls.items():
                facts_frame([decl], gather_facts(store, [ref], declarations={ref: decl}))
            t1 = time.process_time()
            for decl in decls.values():
                items_frame([decl])
            t2 = time.process_time()
            facts_ms.append((t1 - t0) * 1000 / len(decls))
            items_ms.append((t2 - t1) * 1000 / len(decls))
        import clearlane

        print(
            json.dumps(
                {
                    "code": str(Path(clearlane.__file__).parents[1]),
                    "declarations": len(decls),
                    "gather_facts_and_facts_frame_ms": round(min(facts_ms), 3),
                    "items_frame_ms": round(min(items_ms), 3),
                    "load": os.getloadavg()[0],
                }
            )
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
