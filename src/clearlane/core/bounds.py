"""Bounds on untrusted JSON, checked before anything walks it recursively or stores it.

A declaration is a few levels deep; hostile input nests hundreds of levels to exhaust the
stack of recursive code (validation, NUL checks, serialisers). :func:`json_problem` walks the
parsed value with an explicit stack (no recursion) and names the first problem: too deep, or a
NUL character (PostgreSQL cannot store ``\\u0000`` in text).
"""

from __future__ import annotations

from typing import Any

MAX_JSON_DEPTH = 32  # objects and arrays nested; ClearLane's declarations need 4

# The largest integer of an ``Integer`` column (PostgreSQL int4; SQLite would store any): every
# integer of a record (version, counts) is bounded by it when validated, so a record out of
# range is quarantined naming its field on either store instead of failing a PostgreSQL batch
# (or, for one beyond 64 bits, the JSON serialiser) or being stored on SQLite only.
MAX_INTEGER = 2**31 - 1
# Goods item numbers (DE 1/6, five digits).
MAX_ITEM_SEQ = 99_999


def json_problem(
    value: Any, where: str = "body", max_depth: int = MAX_JSON_DEPTH
) -> tuple[str, str] | None:
    """(path, message) of the first problem in parsed JSON ``value``, else None."""
    stack: list[tuple[Any, str, int]] = [(value, where, 0)]
    while stack:
        item, path, depth = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return path, "NUL characters (\\u0000) are not allowed"
            continue
        if not isinstance(item, dict | list):
            continue
        if depth >= max_depth:
            return path, f"nested more than {max_depth} levels deep"
        if isinstance(item, dict):
            children = []
            for key, child in item.items():
                if isinstance(key, str) and "\x00" in key:
                    return f"{path}.{key!r}", "NUL characters (\\u0000) are not allowed"
                children.append((child, f"{path}.{key}", depth + 1))
        else:
            children = [(child, f"{path}[{i}]", depth + 1) for i, child in enumerate(item)]
        stack.extend(reversed(children))  # depth-first, in document order
    return None
