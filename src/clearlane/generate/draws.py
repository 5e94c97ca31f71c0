"""Fast scalar random draws, all taken from one numpy Generator.

The generator makes a few dozen small decisions per declaration. Calling numpy for each
scalar costs about a microsecond of overhead, so draws are taken in blocks and handed out one
by one. The sequence depends only on the Generator's seed and the order of the calls, which
keeps whole datasets reproducible.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

import numpy as np

T = TypeVar("T")

_BLOCK = 16_384


class Weighted(Generic[T]):
    """A fixed categorical distribution: items and their (unnormalised) weights."""

    __slots__ = ("items", "cumulative", "total")

    def __init__(self, items: Sequence[T], weights: Sequence[float]) -> None:
        if len(items) != len(weights) or not items:
            raise ValueError("Weighted needs as many weights as items, and at least one item")
        if any(w < 0 for w in weights) or sum(weights) <= 0:
            raise ValueError("weights must be non-negative with a positive sum")
        self.items: list[T] = list(items)
        self.cumulative: list[float] = list(accumulate(float(w) for w in weights))
        self.total: float = self.cumulative[-1]

    @classmethod
    def of(cls, mapping: Mapping[T, float]) -> Weighted[T]:
        return cls(list(mapping), list(mapping.values()))

    def probability(self, index: int) -> float:
        previous = self.cumulative[index - 1] if index else 0.0
        return (self.cumulative[index] - previous) / self.total


def _stream(fill: Callable[[int], np.ndarray]) -> Iterator[float]:
    while True:
        yield from fill(_BLOCK).tolist()


class Draws:
    """Buffered uniform and normal draws with the small helpers the generator needs."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        # Bound generator __next__: the cheapest call Python offers for "the next number".
        self.uniform: Callable[[], float] = _stream(rng.random).__next__
        """A draw from U[0, 1)."""
        self.normal: Callable[[], float] = _stream(rng.standard_normal).__next__
        """A draw from N(0, 1)."""

    # u < 1 and u * n never rounds up to n (n * 2**-53 exceeds half an ulp of n), so the
    # index arithmetic below needs no bounds checks. These helpers run ~100 times per
    # declaration: they are kept to one Python call each.

    def chance(self, probability: float) -> bool:
        return self.uniform() < probability

    def between(self, low: float, high: float) -> float:
        return low + (high - low) * self.uniform()

    def integer(self, low: int, high: int) -> int:
        """An integer in [low, high], both ends included."""
        return low + int(self.uniform() * (high - low + 1))

    def lognormal(self, median: float, sigma: float) -> float:
        return median * math.exp(sigma * self.normal())

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.uniform() * len(items))]

    def index(self, weighted: Weighted[T]) -> int:
        return bisect_right(weighted.cumulative, self.uniform() * weighted.total)

    def choose(self, weighted: Weighted[T]) -> T:
        return weighted.items[bisect_right(weighted.cumulative, self.uniform() * weighted.total)]

    def gamma_shares(self, count: int, shape: float = 1.5) -> list[float]:
        """Shares that sum to one (a Dirichlet draw built from lognormal weights).

        A lognormal stands in for the gamma so the draw stays on the buffered streams; the
        shares only need to look uneven, not follow an exact Dirichlet.
        """
        weights = [math.exp(self.normal() / shape) for _ in range(count)]
        total = sum(weights)
        return [w / total for w in weights]
