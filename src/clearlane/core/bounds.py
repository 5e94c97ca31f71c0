"""Bounds on untrusted JSON, checked before anything walks it recursively or stores it.

A declaration is a few levels deep; hostile input nests hundreds of levels to exhaust the
stack of recursive code (validation, NUL checks, serialisers). :func:`json_problem` walks the
parsed value with an explicit stack (no recursion) and names the first problem: too deep, or
text no store keeps: a NUL character (PostgreSQL cannot store ``\\u0000`` in text) or a lone
surrogate (``\\ud800``-``\\udfff``: valid JSON, no UTF-8). :func:`loads_marking_duplicates`
parses JSON noting a key that comes twice in one object (a parser keeps only its last value,
silently), and :func:`duplicate_key` names its place; :func:`may_repeat_keys` rules out a
repeat without that second parse for most bodies another parser already read.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import orjson

MAX_JSON_DEPTH = 32  # objects and arrays nested; ClearLane's declarations need 4

# The largest integer of an ``Integer`` column (PostgreSQL int4; SQLite would store any): every
# integer of a record (version, counts) is bounded by it when validated, so a record out of
# range is quarantined naming its field on either store instead of failing a PostgreSQL batch
# (or, for one beyond 64 bits, the JSON serialiser) or being stored on SQLite only.
MAX_INTEGER = 2**31 - 1
# Goods item numbers (DE 1/6, five digits).
MAX_ITEM_SEQ = 99_999


NUL_MESSAGE = "NUL characters (\\u0000) are not allowed"
SURROGATE_MESSAGE = "a lone surrogate (\\ud800-\\udfff) is not a valid string"


def _unstorable(text: str, lone_surrogates: bool = True) -> str | None:
    """Why no store keeps ``text`` (a NUL, then a lone surrogate), else None."""
    if "\x00" in text:
        return NUL_MESSAGE
    if lone_surrogates and not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return SURROGATE_MESSAGE
    return None


def json_problem(
    value: Any,
    where: str = "body",
    max_depth: int = MAX_JSON_DEPTH,
    *,
    lone_surrogates: bool = True,
) -> tuple[str, str] | None:
    """(path, message) of the first problem in parsed JSON ``value``, else None: in document
    order, a string or key holding a NUL or a lone surrogate, or a container ``max_depth``
    levels down. The path starts with ``where`` (``""``: a field path such as
    ``items[0].description``); a key that is the problem is shown as its ``repr``.
    ``lone_surrogates=False`` passes over lone surrogates: a NUL or the nesting only (the
    JSON reader's depth check, which a lone surrogate before the nesting does not settle)."""
    stack: list[tuple[Any, str, int]] = [(value, where, 0)]
    while stack:
        item, path, depth = stack.pop()
        if isinstance(item, str):
            if problem := _unstorable(item, lone_surrogates):
                return path, problem
            continue
        if not isinstance(item, dict | list):
            continue
        if depth >= max_depth:
            return path, f"nested more than {max_depth} levels deep"
        if isinstance(item, dict):
            children = []
            for key, child in item.items():
                if isinstance(key, str) and (problem := _unstorable(key, lone_surrogates)):
                    return _joined(path, repr(key)), problem
                children.append((child, _joined(path, key), depth + 1))
        else:
            children = [(child, f"{path}[{i}]", depth + 1) for i, child in enumerate(item)]
        stack.extend(reversed(children))  # depth-first, in document order
    return None


def _joined(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


# In the text of JSON, the escapes that make a parsed string no store keeps: ``\\u0000`` and
# ``\\ud800``-``\\udfff``.
_UNSTORABLE_STR = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")
_UNSTORABLE_BYTES = re.compile(_UNSTORABLE_STR.pattern.encode())


def may_hold_unstorable(text: bytes | str) -> bool:
    """Whether a string parsed from the JSON ``text`` (by a strict parser: orjson, ``json``)
    may hold a NUL or a lone surrogate; False only when none can. Such a string comes only
    from an escape (``\\u0000``, ``\\ud800``-``\\udfff``) or, in text given as str, a
    surrogate itself (UTF-8 bytes hold none); an escaped backslash before ``u0000`` errs
    towards True. Ordinary text costs a few substring tests (the pattern runs only where
    one finds ``\\u0000``, ``\\ud`` or ``\\uD``)."""
    if isinstance(text, str):
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                return True
        if "\\u0000" in text or "\\ud" in text or "\\uD" in text:
            return _UNSTORABLE_STR.search(text) is not None
        return False
    if b"\\u0000" in text or b"\\ud" in text or b"\\uD" in text:
        return _UNSTORABLE_BYTES.search(text) is not None
    return False


def json_text_clear(text: bytes | str, max_depth: int = MAX_JSON_DEPTH) -> bool:
    """Whether the JSON ``text`` alone rules out every problem :func:`json_problem` names:
    no escape that makes unstorable text (:func:`may_hold_unstorable`), and no more than
    ``max_depth`` opening brackets (a container ``max_depth`` levels down needs more). False
    errs only towards walking (brackets inside strings)."""
    if isinstance(text, str):
        brackets = text.count("{") + text.count("[")
    else:
        brackets = text.count(b"{") + text.count(b"[")
    return brackets <= max_depth and not may_hold_unstorable(text)


def json_text_problem(
    text: bytes | str, value: Any, where: str = "body", max_depth: int = MAX_JSON_DEPTH
) -> tuple[str, str] | None:
    """:func:`json_problem` of ``value``, parsed from the JSON ``text`` by a strict parser
    (orjson, ``json``: a raw control character inside a string is an error), without walking
    the value when the text rules out every problem (:func:`json_text_clear`), which is
    every ordinary body (the walk cost about 20 µs a submission, 1.4 kB of declaration). The
    answer is always :func:`json_problem`'s."""
    if json_text_clear(text, max_depth):
        return None
    return json_problem(value, where, max_depth)


class _Duplicated(dict[str, Any]):
    """A parsed JSON object in which ``key`` came more than once (the last value kept)."""

    key: str = ""


def _marked(pairs: list[tuple[str, Any]]) -> _Duplicated:
    seen: set[str] = set()
    marked = _Duplicated(pairs)
    for key, _ in pairs:
        if key in seen:
            marked.key = key
            break
        seen.add(key)
    return marked


def loads_marking_duplicates(text: str | bytes) -> tuple[Any, bool]:
    """``json.loads(text)`` (raising what it raises, but a JSONDecodeError naming the place
    for an integer of more digits than Python converts, not json's bare ValueError) and
    whether a key came twice in an object; each such object is marked for
    :func:`duplicate_key`."""
    repeated = False

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeated
        obj = dict(pairs)  # in C: no dearer than json's own dict for an object without repeats
        if len(obj) == len(pairs):
            return obj
        repeated = True
        return _marked(pairs)

    try:
        return json.loads(text, object_pairs_hook=pairs_hook), repeated
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # an integer longer than Python converts (sys.int_info)
        error = _too_many_digits(text)
        if error is None:
            raise
        raise error from exc


def _too_many_digits(text: str | bytes) -> json.JSONDecodeError | None:
    """The JSONDecodeError (message, line and column) for the first run of digits in
    ``text`` longer than Python converts to an int (json raises a bare ValueError for such
    a number, which the readers took for a crash); None if there is none."""
    doc = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    limit = sys.get_int_max_str_digits()
    found = re.search(rf"-?\d{{{limit + 1},}}", doc) if limit else None
    if found is None:
        return None
    return json.JSONDecodeError(f"a number of more than {limit} digits", doc, found.start())


def duplicate_key(value: Any, where: str = "body") -> tuple[str, str] | None:
    """(path, message) of the first repeated key in ``value`` parsed by
    :func:`loads_marking_duplicates`, in document order; None when no key repeats. The path
    starts with ``where`` (``""``: a field path such as ``items[0].seq``)."""
    stack: list[tuple[Any, str]] = [(value, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, _Duplicated):
            return (
                f"{path}.{item.key}" if path else item.key,
                f"duplicate key {item.key!r}: a key may appear once per object",
            )
        if isinstance(item, dict):
            children = [(child, f"{path}.{key}" if path else key) for key, child in item.items()]
        elif isinstance(item, list):
            children = [(child, f"{path}[{i}]") for i, child in enumerate(item)]
        else:
            continue
        stack.extend(reversed(children))
    return None


def duplicate_key_outside(value: Any, records: str, where: str = "body") -> tuple[str, str] | None:
    """:func:`duplicate_key` of ``value`` but for what it holds under ``records`` (an envelope
    such as ``{"declarations": [...]}`` whose records are checked one by one), a repeat of
    ``records`` itself included. (``dict(value, declarations=[])`` would drop the mark.)"""
    if not isinstance(value, dict):
        return duplicate_key(value, where)
    shell: dict[str, Any]
    if isinstance(value, _Duplicated):
        marked = _Duplicated(value)
        marked.key = value.key
        shell = marked
    else:
        shell = dict(value)
    if records in shell:
        shell[records] = []
    return duplicate_key(shell, where)


def may_repeat_keys(text: str | bytes, parsed: Any) -> bool:
    """Whether JSON ``text``, which a last-value-wins parser read as ``parsed``, may repeat a
    key in an object; False only when it certainly does not.

    Outside strings a colon appears in JSON only between a key and its value, and inside a
    string a colon is written ``:`` or ``\\u003a``. So the colons of ``text`` (escapes
    included) number the keys written plus the colons of every string written, and
    ``parsed`` serialised again holds one colon per key kept plus the colons of every string
    kept. A repeated key drops a key and its value from ``parsed``, hence at least one colon:
    equal counts mean no repeat. Unequal counts (a repeat, or text such as ``"\\\\u003a"``,
    counted as a colon though it is none) send the caller to the exact check. Two counts in
    C instead of parsing again in Python's ``json`` with a hook per object."""
    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
        again = orjson.dumps(parsed)
    except (TypeError, UnicodeEncodeError):  # orjson.JSONEncodeError included
        return True  # the exact check decides
    written = data.count(b":") + data.count(b"\\u003a") + data.count(b"\\u003A")
    return again.count(b":") != written


_UNPARSED = object()


def duplicate_key_in(
    text: str | bytes, where: str = "body", parsed: Any = _UNPARSED
) -> tuple[str, str] | None:
    """:func:`duplicate_key` of JSON ``text`` already parsed and bounds-checked elsewhere
    (orjson keeps a repeated key's last value and cannot report it); None for text that
    ``json`` cannot parse (the caller's parser reported that). Given what that parser read
    (``parsed``), :func:`may_repeat_keys` spares the second parse when no key can repeat."""
    if parsed is not _UNPARSED and not may_repeat_keys(text, parsed):
        return None
    try:
        value, repeated = loads_marking_duplicates(text)
    except (ValueError, RecursionError):
        return None
    return duplicate_key(value, where) if repeated else None
