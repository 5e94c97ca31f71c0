"""JSON Lines (one declaration object per line) and JSON (an array, or {"declarations": [...]}).

JSON Lines streams with flat memory and is the format for large files. A JSON document is
parsed whole; a truncated or otherwise malformed document is rejected as a whole (with the
line and column of the error), since no record in it can be trusted to be complete.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from clearlane.core.bounds import (
    MAX_JSON_DEPTH,
    duplicate_key,
    duplicate_key_outside,
    json_problem,
    loads_marking_duplicates,
    may_hold_unstorable,
)
from clearlane.core.validation import Issue, Reason
from clearlane.ingest.readers.base import (
    FileRejected,
    ProgressCallback,
    RawRecord,
    decode_line,
    nul_issue,
    sniff,
    too_many_items,
)


def _record(where: str, original: str, obj: Any, issues: list[Issue]) -> RawRecord:
    if not isinstance(obj, dict):
        return RawRecord(
            where,
            original,
            None,
            [
                *issues,
                Issue(
                    Reason.MALFORMED, None, f"{where}: expected an object, got {type(obj).__name__}"
                ),
            ],
        )
    # A NUL or lone surrogate (valid JSON escapes, but no text a store keeps: PostgreSQL
    # refuses NUL, UTF-8 has no lone surrogate) only from an escape in the text: most
    # records are not walked. Unstorable text only: the depth is _deep's (a file's record)
    # or the API's, not a matter of whether the text held an escape.
    if may_hold_unstorable(original) and (
        unstorable := json_problem(obj, "", max_depth=sys.maxsize)
    ):
        path, problem = unstorable
        return RawRecord(
            where,
            original,
            None,
            [*issues, Issue(Reason.MALFORMED, path, f"{where}: {path}: {problem}")],
        )
    reference = obj.get("reference")
    too_many = _too_many_items(where, obj)
    return RawRecord(
        location=where,
        original=original,
        data=None if too_many else obj,  # not validated: quarantined at once, naming items
        issues=[*issues, too_many] if too_many else issues,
        reference=str(reference) if reference is not None else None,
        explicit_version=obj.get("version") not in (None, ""),
    )


def _too_many_items(where: str, obj: dict[str, Any]) -> Issue | None:
    items = obj.get("items")
    return too_many_items(where, len(items)) if isinstance(items, list) else None


def read_jsonl(
    path: Path, *, encoding: str = "utf-8", progress: ProgressCallback | None = None
) -> Iterator[RawRecord]:
    sniff(path, "jsonl")
    with path.open("rb") as handle:
        for line_no, raw in enumerate(handle, start=1):
            if progress:
                progress(len(raw))
            if line_no == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            record = jsonl_record(path.name, line_no, raw, encoding)
            if record is not None:
                yield record


def jsonl_record(name: str, line_no: int, raw: bytes, encoding: str) -> RawRecord | None:
    """One physical line of a JSON Lines file (``name``, its ``line_no``, a BOM already
    removed from the first line) as :func:`read_jsonl` yields it; None for a blank line."""
    text, issue = decode_line(raw, encoding, line_no)
    if not text.strip():
        return None
    where = f"{name}:line {line_no}"
    issues = [Issue(issue.reason, None, f"{name}: {issue.message}")] if issue else []
    try:
        obj, repeated = loads_marking_duplicates(text)
    except RecursionError:
        return RawRecord(where, text, None, [*issues, _too_deep(where)])
    except json.JSONDecodeError as exc:
        return RawRecord(
            where,
            text,
            None,
            [
                *issues,
                nul_issue(name, text, line_no)
                if "\x00" in text[: exc.pos + 1]  # past the first bytes sniff() checks
                else Issue(
                    Reason.MALFORMED,
                    None,
                    f"{where}: invalid JSON at column {exc.colno}: {exc.msg}",
                ),
            ],
        )
    if _deep(obj, text):
        return RawRecord(where, text.rstrip("\r\n"), None, [*issues, _too_deep(where)])
    if repeated:
        return RawRecord(where, text.rstrip("\r\n"), None, [*issues, _repeated_key(where, obj)])
    return _record(where, text.rstrip("\r\n"), obj, issues)


def read_json(
    path: Path, *, encoding: str = "utf-8", progress: ProgressCallback | None = None
) -> Iterator[RawRecord]:
    sniff(path, "json")
    raw = path.read_bytes()
    if progress:
        progress(len(raw))
    try:
        text = raw.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileRejected(
            Reason.ENCODING,
            f"{path.name}: line {line}: byte 0x{raw[exc.start : exc.start + 1].hex()} is not valid "
            f"{encoding}; re-run with --encoding latin-1 if the file is Latin-1",
        ) from exc
    try:
        document, repeated = loads_marking_duplicates(text)
    except RecursionError as exc:
        raise FileRejected(Reason.MALFORMED, _too_deep(path.name).message) from exc
    except json.JSONDecodeError as exc:
        truncated = (
            " (the document ends early: truncated?)" if exc.pos >= len(text.rstrip()) else ""
        )
        raise FileRejected(
            Reason.MALFORMED,
            f"{path.name}: line {exc.lineno}, column {exc.colno}: invalid JSON: "
            f"{exc.msg}{truncated}",
        ) from exc
    if repeated and isinstance(document, dict) and isinstance(document.get("declarations"), list):
        # the records' own repeats come below; dict(document, declarations=[]) lost the mark
        problem = duplicate_key_outside(document, "declarations", "")
        if problem is not None:
            raise FileRejected(Reason.MALFORMED, f"{path.name}: '{problem[0]}': {problem[1]}")
    if isinstance(document, dict) and isinstance(document.get("declarations"), list):
        records = document["declarations"]
    elif isinstance(document, list):
        records = document
    elif isinstance(document, dict):
        records = [document]
    else:
        raise FileRejected(
            Reason.MALFORMED,
            f"{path.name}: expected an array of declarations or an object, "
            f"got {type(document).__name__}",
        )
    for index, obj in enumerate(records):
        where = f"{path.name}:record {index + 1}"
        if _deep(obj):  # kept whole only in the file: serialising it again would recurse
            yield RawRecord(where, f"(record {index + 1} of {path.name})", None, [_too_deep(where)])
            continue
        original = record_text(obj)
        if repeated and duplicate_key(obj, "") is not None:
            yield RawRecord(where, original, None, [_repeated_key(where, obj)])
            continue
        yield _record(where, original, obj, [])


def record_text(obj: Any) -> str:
    """A JSON document's record (or one received in memory) as its own JSON text, its
    original (a quarantine keeps it): its characters as read, except a lone surrogate (valid
    JSON, but no UTF-8, so no text a store keeps), which stays an escape, as in a JSON Lines
    line."""
    text = json.dumps(obj, ensure_ascii=False)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(obj)
    return text


def _repeated_key(where: str, obj: Any) -> Issue:
    """The record repeats a key in an object: ``json`` keeps the last value silently, so the
    record is not stored (what was meant is unknown), as the API quarantines such a
    declaration."""
    problem = duplicate_key(obj, "")
    field, message = problem if problem is not None else (None, "duplicate key")
    return Issue(Reason.MALFORMED, field, f"{where}: '{field}': {message}")


def repeated_key_record(where: str, original: str, obj: Any, problem: tuple[str, str]) -> RawRecord:
    """A record received in memory that repeats a key, ``problem`` being the (field path,
    message) :func:`~clearlane.core.bounds.duplicate_key` found: quarantined unvalidated,
    as :func:`read_json` quarantines such a record of a file. Its reference is kept unless
    the reference is what repeats (which of the values was meant is unknown)."""
    field, message = problem
    reference = obj.get("reference") if isinstance(obj, dict) and field != "reference" else None
    return RawRecord(
        where,
        original,
        None,
        [Issue(Reason.MALFORMED, field, f"{where}: '{field}': {message}")],
        reference=str(reference) if reference is not None else None,
    )


def _deep(obj: Any, text: str | None = None) -> bool:
    """Nested deeper than :data:`~clearlane.core.bounds.MAX_JSON_DEPTH` (a declaration needs
    four levels; deeper input only exhausts recursive code). ``text``, the JSON ``obj`` was
    parsed from, settles most records at once: a container that deep needs more opening
    brackets than the text has."""
    if text is not None and text.count("{") + text.count("[") <= MAX_JSON_DEPTH:
        return False
    if not _reaches_depth(obj, MAX_JSON_DEPTH):
        return False  # json_problem could only name unstorable text: not this check's business
    # The first of a NUL and the nesting, in document order (a NUL before it is named, by
    # _record); a lone surrogate before it leaves the record too deep, as before 2026-12-05.
    problem = json_problem(obj, "record", lone_surrogates=False)
    return problem is not None and problem[1].startswith("nested")


def _reaches_depth(obj: Any, max_depth: int) -> bool:
    """Whether a dict or list sits ``max_depth`` levels down (where json_problem reports
    nesting): the same walk without building a path per value, a fifth of reading a
    generated JSON Lines file's CPU before."""
    level: list[Any] = [obj]
    for _ in range(max_depth):
        below: list[Any] = []
        for item in level:
            if isinstance(item, dict):
                below.extend(item.values())
            elif isinstance(item, list):
                below.extend(item)
        level = [item for item in below if isinstance(item, dict | list)]
        if not level:
            return False
    return True


def _too_deep(where: str) -> Issue:
    return Issue(
        Reason.MALFORMED, None, f"{where}: JSON nested more than {MAX_JSON_DEPTH} levels deep"
    )


def record_from_object(where: str, original: str, obj: Any) -> RawRecord:
    """One record received in memory (e.g. a declaration posted to the API) as a reader would
    yield it from a JSON file: same checks, same reference and version handling."""
    return _record(where, original, obj, [])
