"""What training with facts changes on the demo: the demo's store (`clearlane demo`, seed 42,
20,000 declarations), its history trained twice to the same cut, with and without the
history's facts (``batch_facts(..., as_assessed=True)``), and the demo day scored (with its
facts) by both engines under the same draw key.

    python benchmarks/train_facts_demo.py [--data-dir DIR] [--declarations 20000] [--seed 42]

Prints the cost of gathering the training facts (first run: HS checks computed and stored;
then read back), the held-out metrics of both engines, and how many of the day's scores,
lanes and top reasons differ. Nothing here asserts anything.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import pandas as pd
from rich.console import Console

KEY = b"train-facts-demo"
SHOWN = ["precision@5%", "recall@5%", "roc_auc", "pr_auc"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--declarations", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    from clearlane.demo import history_and_last_day, run_demo
    from clearlane.features.facts import batch_facts, fact_columns_in
    from clearlane.risk.profile_store import active_profiles
    from clearlane.store.frames import load_items_frame
    from clearlane.store.session import open_store
    from clearlane.workflows import default_registry, score_and_route, train_and_register

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp)
        data_dir.mkdir(parents=True, exist_ok=True)
        store = open_store(f"sqlite:///{data_dir / 'demo.db'}")
        console = Console(quiet=True)
        started, cpu = time.perf_counter(), time.process_time()
        result = run_demo(
            console=console,
            data_dir=data_dir,
            session_factory=store,
            declarations=args.declarations,
            seed=args.seed,
        )
        print(
            f"demo run (generate, ingest, train with facts, score, documents, link): "
            f"{time.perf_counter() - started:.0f} s wall, {time.process_time() - cpu:.0f} s CPU"
        )
        print(f"training facts in the demo (first time): {result['train_facts'].summary()}")
        profiles = active_profiles(session_factory=store)
        frame = load_items_frame(session_factory=store)
        history, fresh, today = history_and_last_day(frame)
        with_facts, stats = batch_facts(history, store, as_assessed=True)
        print(f"training facts again (checks stored): {stats.summary()}")
        print(f"fact columns with a value in the history: {fact_columns_in(with_facts)}")
        scored, _ = batch_facts(fresh, store)
        engines = {}
        for name, train in (("without facts", history), ("with facts", with_facts)):
            cpu = time.process_time()
            outcome = train_and_register(
                train,
                registry=default_registry(data_dir / f"bench-{name.replace(' ', '-')}"),
                profiles=profiles,
                created_by="bench",
            )
            engines[name] = outcome.engine
            table = outcome.comparison.tables["all rows"]
            row = table.loc["engine", SHOWN]
            print(
                f"{name}: trained in {time.process_time() - cpu:.0f} CPU s; fact inputs "
                f"{outcome.engine.builder.fact_columns}; held-out "
                + ", ".join(f"{k} {row[k]:.3f}" for k in SHOWN)
            )
        routed = {
            name: score_and_route(scored, engine=engine, profiles=profiles, key=KEY).set_index(
                "reference"
            )
            for name, engine in engines.items()
        }
        a, b = routed["without facts"], routed["with facts"].reindex(routed["without facts"].index)
        changed = (a["score"] - b["score"]).abs() > 1e-9
        print(
            f"demo day {today:%Y-%m-%d}: {len(a)} declarations; scores changed {int(changed.sum())}"
            f" (median |change| {float((a['score'] - b['score']).abs().median()):.4f}, max "
            f"{float((a['score'] - b['score']).abs().max()):.4f}); lanes changed "
            f"{int((a['lane'] != b['lane']).sum())}; top reasons changed "
            f"{int((a['top_reason'] != b['top_reason']).sum())}"
        )
        print(pd.crosstab(a["lane"], b["lane"], rownames=["without"], colnames=["with"]))


if __name__ == "__main__":
    main()
