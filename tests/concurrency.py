"""Racers for concurrency tests: threads released together by a barrier."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from sqlalchemy import text

T = TypeVar("T")


def together(n: int, call: Callable[[int], T]) -> list[T]:
    """``call(i)`` for i in 0..n-1 on n threads released at once by a barrier; the results in
    order (an exception in any racer is raised here)."""
    barrier = threading.Barrier(n)

    def run(i: int) -> T:
        barrier.wait()
        return call(i)

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(run, range(n)))


def insert_declarations_in_halves(monkeypatch: Any, store: Callable[[], Any]) -> None:
    """Make two PostgreSQL writers deadlock as they can in production: each inserts the first
    half of its declarations, waits until the other is halfway too (or waits on a row lock),
    then inserts the second half. Two writers of the same keys in opposite orders then each
    hold keys the other waits for."""
    from clearlane.ingest import pipeline

    halfway: set[int] = set()
    real_insert = pipeline._bulk_insert

    def insert_in_halves(
        connection: Any, table: Any, names: Any, columns: Any, *a: Any, **k: Any
    ) -> None:
        me = threading.get_ident()
        if table is not pipeline.DECLARATIONS or me in halfway:
            return real_insert(connection, table, names, columns, *a, **k)
        half = len(columns[0]) // 2
        real_insert(connection, table, names, [c[:half] for c in columns], *a, **k)
        halfway.add(me)
        with store() as watcher:  # until the other is halfway too, or waits on a lock
            for _ in range(600):
                if len(halfway) == 2 or watcher.scalar(
                    text("SELECT count(*) FROM pg_locks WHERE NOT granted")
                ):
                    break
                time.sleep(0.05)
        real_insert(connection, table, names, [c[half:] for c in columns], *a, **k)

    monkeypatch.setattr(pipeline, "_bulk_insert", insert_in_halves)
