"""CSV in ClearLane's flat layout: one row per goods item, rows grouped by declaration reference.

Rows of one declaration must be contiguous: a reference that comes back after another one is
read as a second record, which the pipeline quarantines as a duplicate within the file. A row
group whose declaration-level columns disagree between its rows is quarantined too.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clearlane.core.validation import Issue, Reason
from clearlane.ingest.layout import (
    HEADER_COLUMNS,
    REQUIRED_COLUMNS,
    header_from_row,
    is_known_column,
    item_from_row,
)
from clearlane.ingest.readers import base
from clearlane.ingest.readers.base import (
    FileRejected,
    ProgressCallback,
    RawRecord,
    decode_line,
    nul_issue,
    sniff,
    too_many_items,
)

csv.field_size_limit(16 * 1024 * 1024)

# Columns a header may have: the layout has about 60 and ``attr_<name>`` columns add extra
# fields. Every issue a header raises (an unknown column each) is repeated on every record of
# the file, so a header of a million columns read as records once took minutes per thousand
# columns and would have written a million issues per quarantined row.
MAX_CSV_COLUMNS = 1_000


class _LineSource:
    """Feeds decoded physical lines to csv.reader, remembering encoding problems and raw text."""

    def __init__(self, handle: io.BufferedReader, encoding: str, progress: ProgressCallback | None):
        self.handle = handle
        self.encoding = encoding
        self.progress = progress
        self.line_no = 0
        self.offset = 0  # bytes read from the handle
        self.pending_text: list[str] = []
        self.pending_issues: list[Issue] = []

    def __iter__(self) -> _LineSource:
        return self

    def __next__(self) -> str:
        raw = self.handle.readline()
        if not raw:
            raise StopIteration
        self.line_no += 1
        self.offset += len(raw)
        if self.progress:
            self.progress(len(raw))
        if self.line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        text, issue = decode_line(raw, self.encoding, self.line_no)
        if issue:
            self.pending_issues.append(issue)
        self.pending_text.append(text)
        return text

    def take(self) -> tuple[str, list[Issue]]:
        text, issues = "".join(self.pending_text), self.pending_issues
        self.pending_text, self.pending_issues = [], []
        return text, issues


@dataclass
class HandBack:
    """Where :func:`read_csv_from` stopped when asked to stop after ``after_line``: at the
    first declaration starting later, at byte ``offset`` after ``line_no`` lines, of which
    ``overshoot`` bytes (that declaration's first line) were read and reported but not used."""

    after_line: int
    offset: int | None = None
    line_no: int = 0
    overshoot: int = 0


class _Group:
    def __init__(self, key: tuple[str, str], first_line: int, raw_header: dict[str, str]) -> None:
        self.key = key
        self.first_line = first_line
        self.last_line = first_line
        self.raw_header = raw_header
        self.raw_values = tuple(raw_header.values())
        self.header = header_from_row(raw_header)
        self.items: list[dict[str, Any]] = []
        self.rows = 0  # goods items: rows read, not all built past MAX_ITEMS
        self.text: list[str] = []
        self.issues: list[Issue] = []
        self.seen: set[Issue] = set()  # of issues, each kept once: a look-up, not a list scan

    def record(self, path: Path) -> RawRecord:
        span = (
            f"line {self.first_line}"
            if self.first_line == self.last_line
            else f"lines {self.first_line}-{self.last_line}"
        )
        where = f"{path.name}:{span}"
        too_many = too_many_items(where, self.rows)
        data = dict(self.header)
        data["items"] = self.items
        return RawRecord(
            location=where,
            original="".join(self.text),
            data=None if too_many else data,  # not validated: quarantined at once, naming items
            issues=[*self.issues, too_many] if too_many else self.issues,
            reference=self.key[0] or None,
            explicit_version=bool(self.key[1]),
        )


def read_csv(
    path: Path, *, encoding: str = "utf-8", progress: ProgressCallback | None = None
) -> Iterator[RawRecord]:
    sniff(path, "csv")
    yield from read_csv_from(path, encoding=encoding, progress=progress)


def read_csv_from(
    path: Path,
    *,
    encoding: str = "utf-8",
    progress: ProgressCallback | None = None,
    offset: int = 0,
    line_no: int = 0,
    columns: list[str] | None = None,
    hand_back: HandBack | None = None,
) -> Iterator[RawRecord]:
    """Read from byte ``offset``, the start of physical line ``line_no + 1``, which must begin a
    record (the bulk path hands over here). ``columns`` is the file's header, already read and
    free of file-level issues; None reads the header at ``offset`` (0: the whole file).
    With ``hand_back`` it stops at the first declaration that starts after line
    ``hand_back.after_line`` and says where that is (the bulk path goes on from there)."""
    with path.open("rb") as handle:
        handle.seek(offset)
        lines = _LineSource(handle, encoding, progress)
        lines.line_no = line_no
        lines.offset = offset
        reader = csv.reader(lines, strict=True)
        if columns is not None:
            yield from _rows(path, lines, reader, columns, [], hand_back)
            return
        try:
            columns = next(reader)
        except csv.Error as exc:
            raise FileRejected(
                Reason.MALFORMED, f"{path.name}: line 1: header unreadable: {exc}"
            ) from exc
        header_text, header_issues = lines.take()
        if header_issues:
            raise FileRejected(Reason.ENCODING, f"{path.name}: {header_issues[0].message}")
        columns = [c.strip() for c in columns]
        if len(columns) > MAX_CSV_COLUMNS:
            raise FileRejected(
                Reason.COLUMN_COUNT,
                f"{path.name}: line 1: the header has {len(columns):,} columns; at most "
                f"{MAX_CSV_COLUMNS:,} are read",
            )
        file_issues = [
            Issue(Reason.MISSING_COLUMN, c, f"{path.name}: required column '{c}' is missing")
            for c in REQUIRED_COLUMNS
            if c not in columns
        ]
        file_issues += [
            Issue(
                Reason.UNKNOWN_COLUMN,
                c,
                f"{path.name}: column '{c}' is not in the ClearLane CSV layout "
                "(extra fields go in attr_<name> columns)",
            )
            for c in columns
            if not is_known_column(c)
        ]
        if len(set(columns)) != len(columns):
            dupes = sorted(c for c, n in Counter(columns).items() if n > 1)
            file_issues.append(
                Issue(Reason.MALFORMED, dupes[0], f"{path.name}: column(s) {dupes} appear twice")
            )
        yield from _rows(path, lines, reader, columns, file_issues)


def _rows(
    path: Path,
    lines: _LineSource,
    reader: Any,
    columns: list[str],
    file_issues: list[Issue],
    hand_back: HandBack | None = None,
) -> Iterator[RawRecord]:
    """The records of the rows after the header."""
    header_keys = [c for c in columns if c in HEADER_COLUMNS or c.startswith("attr_")]
    group: _Group | None = None

    while True:
        start_line = lines.line_no + 1
        start_offset = lines.offset
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            text, issues = lines.take()
            if group is not None:
                yield group.record(path)
                group = None
            yield RawRecord(
                location=f"{path.name}:line {start_line}",
                original=text,
                data=None,
                issues=[
                    *issues,
                    Issue(
                        Reason.MALFORMED,
                        None,
                        f"{path.name}: line {start_line}: {exc} (an unbalanced quote "
                        f"makes lines {start_line}-{lines.line_no} one field)",
                    ),
                ],
            )
            continue
        text, issues = lines.take()
        if not values or all(not v.strip() for v in values):
            continue  # blank line
        line = start_line
        row_issues = list(file_issues) + [
            Issue(i.reason, i.field, f"{path.name}: {i.message}") for i in issues
        ]
        if len(values) != len(columns):
            row_issues.append(
                Issue(
                    Reason.COLUMN_COUNT,
                    None,
                    f"{path.name}: line {line}: {len(values)} fields, the header has "
                    f"{len(columns)}",
                )
            )
        if "\x00" in text:  # past the first bytes sniff() checks: no cell holds a NUL
            row_issues.append(nul_issue(path.name, text, line, columns, values))
        row = dict(zip(columns, values, strict=False))
        key = (row.get("reference", "").strip(), row.get("version", "").strip())
        if group is not None and key != group.key:
            yield group.record(path)
            group = None
        if group is None and hand_back is not None and start_line > hand_back.after_line:
            hand_back.offset, hand_back.line_no = start_offset, start_line - 1
            hand_back.overshoot = lines.offset - start_offset
            return
        if group is None:
            group = _Group(key, line, {k: row.get(k, "").strip() for k in header_keys})
        else:
            values_now = tuple(row.get(k, "").strip() for k in header_keys)
            if values_now != group.raw_values:
                differing = [
                    k
                    for k, v in zip(header_keys, values_now, strict=True)
                    if v != group.raw_header[k]
                ]
                group.issues.append(
                    Issue(
                        Reason.INCONSISTENT_HEADER,
                        differing[0],
                        f"{path.name}: line {line}: declaration-level field(s) "
                        f"{differing} differ from line {group.first_line}",
                    )
                )
        group.rows += 1
        if group.rows <= base.MAX_ITEMS:  # beyond, the record is refused: only counted
            group.items.append(item_from_row(row))
        group.text.append(text)
        for issue in row_issues:
            if issue not in group.seen:
                group.seen.add(issue)
                group.issues.append(issue)
        group.last_line = lines.line_no
    if group is not None:
        yield group.record(path)
