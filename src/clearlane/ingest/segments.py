"""Cut a CSV file into parts that parsing workers read apart (``clearlane ingest`` of a large
CSV file uses two workers on a machine with two cores or more).

Imports only the standard library and the layout: the ingest's main process (the writer) uses
it before the workers start, without importing pyarrow.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clearlane.ingest.layout import REQUIRED_COLUMNS, is_known_column


def quotes_well_formed(text: str) -> bool:
    """True when every quote in ``text`` opens or closes a well-formed quoted field ("..."
    from a field's start to its end, quotes doubled inside, on one line) or is such a doubled
    quote: then Arrow's CSV parser and Python's csv module read the text alike.

    Split at the quotes, the odd pieces are inside quoted fields; an empty even piece is a
    doubled quote (still inside); any other even piece lies between a closing quote, which
    must end its field, and the next opening quote, which must start one.
    """
    if '"' not in text:
        return True
    pieces = text.split('"')
    last = len(pieces) - 1
    if last % 2:  # an odd number of quotes
        return False
    if pieces[0] and pieces[0][-1] not in ",\n":
        return False
    for i in range(1, last + 1):
        piece = pieces[i]
        if i % 2:
            if "\n" in piece or "\r" in piece:
                return False
        elif i == last:
            if piece and piece[0] not in ",\r\n":
                return False
        elif piece and (piece[0] not in ",\r\n" or piece[-1] not in ",\n"):
            return False
    return True


def columns_ok(columns: list[str]) -> bool:
    """A header the bulk path can read: every required column, only layout columns (no
    ``attr_``), none twice - otherwise every record carries file issues: per-record path."""
    return (
        all(c in columns for c in REQUIRED_COLUMNS)
        and all(is_known_column(c) and not c.startswith("attr_") for c in columns)
        and len(set(columns)) == len(columns)
    )


@dataclass(frozen=True, slots=True)
class Segment:
    """Lines ``start`` (a byte offset, after ``line_no`` lines) up to byte ``stop`` of a CSV
    file: a part one parsing worker reads (see :func:`csv_segments`)."""

    start: int
    stop: int
    line_no: int


def _line_key(line: bytes, width: int, at: int, version_at: int | None) -> tuple[str, str] | None:
    """(reference, version) of one physical line as both readers group it (trimmed), or None
    when the line is not a plain row of the header's width with a reference."""
    try:
        rows = list(csv.reader([line.decode("utf-8")], strict=True))
    except (UnicodeDecodeError, csv.Error):
        return None
    if len(rows) != 1 or len(rows[0]) != width:
        return None
    row = rows[0]
    reference = row[at].strip()
    if not reference:
        return None
    return reference, row[version_at].strip() if version_at is not None else ""


def csv_segments(
    path: Path, *, encoding: str = "utf-8", target_bytes: int = 4 << 20
) -> list[Segment] | None:
    """Consecutive parts of a CSV file, about ``target_bytes`` each, that parsing workers can
    read apart and give exactly the records one reader gives: each cut is at a line where a
    new declaration starts (its reference or version differs from the line above, both plain
    rows), and every quote before a cut opens or closes a field on one line (no NUL byte
    either), so no record spans a cut whichever reader (bulk or per-record) takes the lines
    around it. After the first block where that cannot be proved, the rest of the file is one
    part. None when the file is not one the bulk path reads (encoding, header) or would be a
    single part."""
    if encoding.replace("-", "").replace("_", "").lower() not in ("utf8", "utf8sig"):
        return None
    size = path.stat().st_size
    with path.open("rb") as handle:
        first = handle.readline()
        head = first[3:] if first.startswith(b"\xef\xbb\xbf") else first
        try:
            parsed = list(csv.reader([head.decode("utf-8")], strict=True))
        except (UnicodeDecodeError, csv.Error):
            return None
        columns = [c.strip() for c in parsed[0]] if len(parsed) == 1 else []
        if not columns or not columns_ok(columns):
            return None
        width, at = len(columns), columns.index("reference")
        version_at = columns.index("version") if "version" in columns else None

        def key(line: bytes) -> tuple[str, str] | None:
            return _line_key(line, width, at, version_at)

        segments: list[Segment] = []
        start, line_no = len(first), 1  # the open segment, and the lines before it
        pending = b""  # its bytes read so far
        while True:
            data = handle.read(target_bytes)
            if not data:
                break
            if not data.endswith(b"\n"):
                data += handle.readline()
            # Quotes, commas and line ends are single bytes in UTF-8: Latin-1 keeps them.
            if b"\x00" in data or not quotes_well_formed(data.decode("latin-1")):
                break  # cannot prove where records end: the rest is one part
            text = pending + data
            cut = _last_declaration_start(text, key)
            if cut is None:
                pending = text
                continue
            segments.append(Segment(start, start + cut, line_no))
            start, line_no, pending = start + cut, line_no + text.count(b"\n", 0, cut), text[cut:]
    segments.append(Segment(start, size, line_no))
    if len(segments) > 2 and segments[-1].stop - segments[-1].start < target_bytes // 4:
        last = segments.pop()  # a small tail joins the part before it
        segments[-1] = Segment(segments[-1].start, last.stop, segments[-1].line_no)
    return segments if len(segments) > 1 else None


def _last_declaration_start(
    text: bytes, key: Callable[[bytes], tuple[str, str] | None], lines: int = 10_000
) -> int | None:
    """The offset in ``text`` (whole lines) of the last line, among its last ``lines``, that
    starts a declaration: a plain row whose key differs from the plain row above it."""
    begin = text.rfind(b"\n", 0, len(text) - 1) + 1  # the last line
    current = key(text[begin:])
    for _ in range(lines):
        if begin == 0:
            return None
        before = text.rfind(b"\n", 0, begin - 1) + 1
        previous = key(text[before:begin])
        if current is not None and previous is not None and current != previous:
            return begin
        begin, current = before, previous
    return None


__all__ = ["Segment", "columns_ok", "csv_segments", "quotes_well_formed"]
