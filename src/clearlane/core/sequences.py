"""Splitting values into lists: for streaming work in chunks and for SQL ``IN`` lists."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
H = TypeVar("H", bound=Hashable)

#: Values per ``IN`` list: SQLite before 3.32 binds at most 999 parameters a statement.
IN_LIST_MAX = 900


def chunked(values: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` values (the last may be shorter), read lazily.

    ``itertools.batched`` from Python 3.12, as lists; ``size`` below 1 is an error.
    """
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, got {size}")
    iterator = iter(values)
    while chunk := list(islice(iterator, size)):
        yield chunk


def in_lists(values: Iterable[H], size: int = IN_LIST_MAX) -> Iterator[list[H]]:
    """The distinct values, sorted, in lists of at most ``size``: one ``IN`` list each.

    Sorted so that the same values give the same statements (the driver's statement cache
    and the tests see one order), distinct so that no parameter is bound twice.
    """
    return chunked(sorted(set(values)), size)  # type: ignore[type-var]
