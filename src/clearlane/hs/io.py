"""Bounded CSV in and formula-safe CSV out for ``clearlane hs``.

Input is checked in full before anything is scored: every problem is reported with its file,
line and field, and nothing is written unless every row is good (no row is dropped silently).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from clearlane.core import csvsafe
from clearlane.core.csvsafe import csv_writer
from clearlane.core.paths import input_problem

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
MAX_DESCRIPTION = 1_000
MAX_ID = 100
MAX_ERRORS_SHOWN = 20


class InputError(ValueError):
    """Bad input file; ``problems`` lists 'FILE line N, field F: what' strings."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        shown = self.problems[:MAX_ERRORS_SHOWN]
        more = len(self.problems) - len(shown)
        text = "\n".join(shown) + (f"\n... and {more} more" if more > 0 else "")
        super().__init__(text)


def read_items(
    path: Path,
    columns: Sequence[str],
    max_bytes: int = MAX_FILE_BYTES,
    max_rows: int = MAX_ROWS,
) -> list[dict[str, str]]:
    """Rows of ``path`` with the given ``columns`` (others ignored), validated.

    ``id`` must be present, unique and short; ``description`` non-empty and at most
    MAX_DESCRIPTION characters; ``declared_code`` a 6-10 digit HS 2022/2017 code.
    """
    from clearlane.hs.api import CodeError, clean_code

    name = str(path)
    if problem := input_problem(path):
        raise InputError([f"{name}: {problem}"])
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError([f"{name}: {size:,} bytes, more than the {max_bytes:,} allowed"])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError([f"{name}: not UTF-8 (byte {error.start})"]) from error
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError([f"{name} line {line}: NUL character"])
    reader = csv.DictReader(text.splitlines(keepends=True))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in columns if c not in header]
    if missing:
        raise InputError(
            [f"{name} line 1: missing column(s) {', '.join(missing)} (found: {', '.join(header)})"]
        )
    reader.fieldnames = header
    rows: list[dict[str, str]] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if len(rows) >= max_rows:
                raise InputError([f"{name}: more than {max_rows:,} rows"])
            if None in row:
                problems.append(f"{name} line {line}: more fields than the header")
                continue
            item = {c: (row.get(c) or "").strip() for c in columns}
            where = f"{name} line {line}, field"
            ident = item["id"]
            if not ident:
                problems.append(f"{where} 'id': empty")
            elif len(ident) > MAX_ID:
                problems.append(f"{where} 'id': longer than {MAX_ID} characters")
            elif ident in seen:
                problems.append(f"{where} 'id': '{ident}' repeats line {seen[ident]}")
            else:
                seen[ident] = line
            desc = item["description"]
            if not desc:
                problems.append(f"{where} 'description': empty")
            elif len(desc) > MAX_DESCRIPTION:
                problems.append(f"{where} 'description': longer than {MAX_DESCRIPTION} characters")
            if "declared_code" in columns:
                try:
                    item["declared_code"] = clean_code(item["declared_code"])
                except CodeError as error:
                    problems.append(f"{where} 'declared_code': {error}")
            rows.append(item)
    except csv.Error as error:
        raise InputError([f"{name} line {reader.line_num}: {error}"]) from error
    if problems:
        raise InputError(problems)
    if not rows:
        raise InputError([f"{name}: no rows after the header"])
    return rows


def safe_cell(value: object) -> object:
    """:func:`clearlane.core.csvsafe.safe_cell` for hs's columns, which hold text only: a
    cell starting like a formula (a sign after whitespace, full-width or after a NUL too,
    since mends8) gets a leading apostrophe, a signed number included (CSV injection)."""
    return csvsafe.safe_cell(value, text=True)


def write_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write ``rows`` under ``header``; returns the number of rows written."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv_writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])
            count += 1
    return count
