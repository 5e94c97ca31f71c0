"""Read and validate a file into records, without touching the store.

:func:`parse_file` is the single path from a file on disk to validated declarations; the
ingest pipeline stores its output and :func:`read_frame` turns it into the analysis frame, so a
notebook, ``clearlane train --data FILE`` and ``clearlane ingest`` all see the same records.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, get_args

from pydantic import BaseModel, ValidationError

from clearlane.core.bounds import json_text_clear
from clearlane.core.schema import ControlResult, Declaration, GoodsItem
from clearlane.core.validation import Issue, Reason, field_path, validate_declaration
from clearlane.core.validation.declaration import check_rules
from clearlane.ingest.readers import READERS, FileRejected, RawRecord, guess_format
from clearlane.ingest.readers.base import ProgressCallback, sniff
from clearlane.ingest.readers.json_reader import jsonl_record

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class ParsedRecord:
    raw: RawRecord
    declaration: Declaration | None
    controls: list[ControlResult] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error()]

    @property
    def accepted(self) -> bool:
        return self.declaration is not None and not self.errors


def _prefix(issue: Issue, where: str) -> Issue:
    if issue.message.startswith(where.split(":")[0]):
        return issue
    return Issue(issue.reason, issue.field, f"{where}: {issue.message}", issue.severity)


def parse_record(raw: RawRecord, *, today: date | None = None) -> ParsedRecord:
    issues = list(raw.issues)
    declaration = None
    if raw.data is not None:
        outcome = validate_declaration(raw.data, today=today)
        issues += [_prefix(i, raw.location) for i in outcome.issues if i.field not in raw.reported]
        declaration = outcome.declaration
    controls = []
    for position, payload in enumerate(raw.controls):
        try:
            controls.append(ControlResult.model_validate(payload))
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                path = f"control[{position}].{field_path(tuple(err['loc']))}"
                issues.append(
                    Issue(Reason.WRONG_TYPE, path, f"{raw.location}: '{path}': {err['msg']}")
                )
    return ParsedRecord(raw, declaration, controls, issues)


def parse_file(
    path: Path,
    fmt: str | None = None,
    *,
    encoding: str = "utf-8",
    today: date | None = None,
    progress: ProgressCallback | None = None,
) -> Iterator[ParsedRecord]:
    """Yield one ParsedRecord per record in the file; raises FileRejected for unreadable files.

    A declaration reference (and version, where the file gives one) that comes twice in one
    file is an error on its second and later appearances.
    """
    fmt = fmt or guess_format(path)
    reader = READERS[fmt]
    yield from parse_records(reader(path, encoding=encoding, progress=progress), today=today)


def duplicate_issue(raw: RawRecord, decl: Declaration, within: str) -> Issue:
    """The error of a declaration (and version) already seen earlier in the same input."""
    version = decl.version if raw.explicit_version else None
    return duplicate_key_issue(raw.location, (decl.reference, version), within)


def duplicate_key_issue(location: str, key: tuple[str, int | None], within: str) -> Issue:
    """:func:`duplicate_issue` from the record's location and its key (reference, and the
    version when the input gave one), as the ingest writer checks a file split between
    parsing workers."""
    reference, version = key
    return Issue(
        Reason.DUPLICATE_REFERENCE,
        "reference",
        f"{location}: declaration {reference!r}"
        + (f" version {version}" if version is not None else "")
        + f" already appeared earlier in this {within}",
    )


def parse_records(
    raws: Iterable[RawRecord], *, today: date | None = None, within: str = "file"
) -> Iterator[ParsedRecord]:
    """Validate records already read (from a file or received in memory, e.g. by the API).

    A declaration reference (and version, where the record gives one) that comes twice is an
    error on its second and later appearances.
    """
    today = today or date.today()
    seen: set[tuple[str, int | None]] = set()
    for raw in raws:
        record = parse_record(raw, today=today)
        decl = record.declaration
        if decl is not None:
            key = (decl.reference, decl.version if raw.explicit_version else None)
            if key in seen:
                record.issues.append(duplicate_issue(raw, decl, within))
            seen.add(key)
        yield record


def read_frame(
    path: Path | str,
    fmt: str | None = None,
    *,
    encoding: str = "utf-8",
    controls: Path | str | None = None,
) -> pd.DataFrame:
    """The analysis frame of a file's valid records (invalid ones are left out, see ingest).

    Labels come from control results inside the records (KCS) and, with ``controls``, from a
    control-result file (csv, jsonl or json, e.g. the generator's ``controls.jsonl``).
    """
    from clearlane.frames import FrameColumns
    from clearlane.ingest.controls import parse_controls_file

    # Column by column: each validated declaration is dropped once its values are in the
    # columns (holding them all, plus a dict per row, took 7 GB for a million goods items).
    builder = FrameColumns()
    results: dict[str, list[ControlResult]] = {}
    path = Path(path)
    fmt = fmt or guess_format(path)
    if fmt == "jsonl" and encoding.lower() in _UTF8:
        for read in parse_jsonl(path):
            if read.declaration is not None and not any(i.is_error() for i in read.issues):
                builder.add_declaration(read.declaration)
    else:
        for record in parse_file(path, fmt, encoding=encoding):
            if record.accepted and record.declaration is not None:
                builder.add_declaration(record.declaration)
                if record.controls:
                    results.setdefault(record.declaration.reference, []).extend(record.controls)
    if controls is not None:
        for parsed in parse_controls_file(Path(controls), encoding=encoding):
            if parsed.accepted and parsed.control is not None:
                reference = parsed.control.declaration_reference
                results.setdefault(reference, []).append(parsed.control)
    return builder.frame(results)


_UTF8 = ("utf-8", "utf8")


class ReadDeclaration(NamedTuple):
    """What :func:`parse_jsonl` gives per record: where it was, the declaration (None when
    it is not one) and every issue (errors mean quarantine), as :func:`parse_records` has
    them."""

    location: str
    declaration: Declaration | None
    issues: list[Issue]


def parse_jsonl(path: Path, *, today: date | None = None) -> Iterator[ReadDeclaration]:
    """The declarations and issues of a UTF-8 JSON Lines file, equal to what
    :func:`parse_file` gives (same declarations, issues, messages and duplicate errors),
    without the per-record objects that ingest needs (original text, raw dict).

    A line is parsed and validated by pydantic-core in one step (``model_validate_json``:
    no Python dict in between; integers beyond 64 bits stay exact, as with ``json``). Any
    line it does not settle alone goes the reader's way, record by record, so its issues
    and messages are those of :func:`parse_file`: a line that fails validation or is not an
    object, a possibly deep one, one whose numbers came out infinite (an integer too
    large for a float is an error for ``json`` + ``model_validate`` but infinity here), and
    one with more keys than the declaration took (a repeated key, which pydantic-core reads
    as its last value and the reader quarantines), and one with a NUL or surrogate escape.
    """
    today = today or date.today()
    sniff(path, "jsonl")
    seen: set[tuple[str, int | None]] = set()
    validate_json = Declaration.model_validate_json
    with path.open("rb") as handle:
        for line_no, raw in enumerate(handle, start=1):
            if line_no == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            decl: Declaration | None = None
            if raw[:1] == b"{" and json_text_clear(raw):  # else the reader's way
                try:
                    decl = validate_json(raw)
                except ValueError:  # ValidationError, and anything else: the reader's way
                    decl = None
                if decl is not None and (_has_infinity(decl) or _keys_in(raw) != _keys_of(decl)):
                    decl = None
            if decl is not None:
                where = f"{path.name}:line {line_no}"
                issues = [_prefix(i, where) for i in check_rules(decl, today=today)]
                explicit = "version" in decl.model_fields_set
            else:
                record = jsonl_record(path.name, line_no, raw, "utf-8")
                if record is None:
                    continue
                parsed = parse_record(record, today=today)
                where, decl, issues = record.location, parsed.declaration, parsed.issues
                explicit = record.explicit_version
            if decl is not None:
                key = (decl.reference, decl.version if explicit else None)
                if key in seen:
                    issues.append(duplicate_key_issue(where, key, "file"))
                seen.add(key)
            yield ReadDeclaration(where, decl, issues)


_KEY_END = re.compile(rb'"\s*:')


def _keys_in(raw: bytes) -> int:
    """At least the number of keys in a JSON line (a key's closing quote and its colon; a
    string value holding ``":`` counts too)."""
    return len(_KEY_END.findall(raw))


def _keys_of(decl: Declaration) -> int:
    """The keys of the line ``decl`` was validated from, had none been repeated: pydantic-core
    keeps a repeated key's last value silently, where the reader quarantines the record. A
    line whose count differs (a repeat, or ``":`` inside a string) goes the reader's way."""
    count = len(decl.model_fields_set) + len(decl.attributes)
    for party in (decl.declarant, decl.importer, decl.exporter, decl.seller, decl.courier):
        if party is not None:
            count += len(party.model_fields_set)
    for item in decl.items:
        count += len(item.model_fields_set)
    return count


def _has_infinity(decl: Declaration) -> bool:
    """Whether an amount is infinite (see :func:`parse_jsonl`)."""
    isinf = math.isinf
    for name in _HEADER_FLOATS:
        value = getattr(decl, name)
        if value is not None and isinf(value):
            return True
    for item in decl.items:
        for name in _ITEM_FLOATS:
            value = getattr(item, name)
            if value is not None and isinf(value):
                return True
    return False


def _float_fields(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(
        name for name, info in model.model_fields.items() if float in get_args(info.annotation)
    )


_HEADER_FLOATS = _float_fields(Declaration)
_ITEM_FLOATS = _float_fields(GoodsItem)


__all__ = [
    "FileRejected",
    "ParsedRecord",
    "ReadDeclaration",
    "duplicate_issue",
    "parse_file",
    "parse_jsonl",
    "parse_record",
    "parse_records",
    "read_frame",
]
