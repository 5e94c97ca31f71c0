"""Racers for concurrency tests: threads released together by a barrier."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

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
