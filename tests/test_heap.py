"""freeze_long_lived: what is alive is frozen, garbage is collected first, and what a later
call replaces is collected then."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from clearlane.heap import freeze_long_lived


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> _Node:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return a


@pytest.fixture
def unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()  # leave the test process's collector as it found it


def test_alive_objects_are_frozen_and_garbage_collected(unfrozen: None) -> None:
    kept = _cycle()
    garbage = weakref.ref(_cycle())  # unreachable already, only the collector frees it
    assert garbage() is not None
    frozen = freeze_long_lived()
    assert garbage() is None, "the cycle was frozen instead of collected"
    # Not equality with gc.get_freeze_count() read again: a background thread of an earlier
    # test in this process (an API's engine loader) may freeze again in between.
    assert frozen > 0 and gc.get_freeze_count() > 0
    tracked = {id(o) for o in gc.get_objects()}
    assert id(kept) not in tracked and id(kept.other) not in tracked  # out of every pass


def test_a_replaced_object_is_collected_by_the_next_call(unfrozen: None) -> None:
    engine = _cycle()
    freeze_long_lived()
    gone = weakref.ref(engine)
    del engine  # replaced: now frozen garbage (a cycle: reference counting cannot free it)
    gc.collect()
    assert gone() is not None  # a collection does not see frozen objects
    freeze_long_lived()
    assert gone() is None
