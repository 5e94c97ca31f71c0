"""clearlane.core.sequences: chunks and IN lists."""

from __future__ import annotations

import pytest

from clearlane.core.sequences import IN_LIST_MAX, chunked, in_lists


def test_chunked_keeps_order_and_every_value() -> None:
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []


def test_chunked_reads_lazily() -> None:
    def endless():  # type: ignore[no-untyped-def]
        n = 0
        while True:
            yield n
            n += 1

    first = next(chunked(endless(), 2))
    assert first == [0, 1]


@pytest.mark.parametrize("size", [0, -1])
def test_chunked_refuses_a_size_below_one(size: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(chunked([1], size))


def test_in_lists_are_distinct_sorted_and_bounded() -> None:
    values = ["b", "a", "b", *[f"r{i:04d}" for i in range(IN_LIST_MAX + 5)]]
    lists = list(in_lists(values))
    assert [len(one) for one in lists] == [IN_LIST_MAX, 7]
    flat = [v for one in lists for v in one]
    assert flat == sorted(set(values))
    assert list(in_lists({3, 1, 2}, size=2)) == [[1, 2], [3]]
