"""Cells safe to open in a spreadsheet: every CSV ClearLane writes goes through here.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or a NUL (or
one of those signs after whitespace, or full-width) is read as a formula by Excel, LibreOffice
and Google Sheets (CSV injection: a declaration reference such as ``=cmd|' /C calc'!A0``).
Such cells get a leading apostrophe, which spreadsheets show as text (OWASP's advice).
Numbers, including negative ones, are left alone: ``-5.0`` is data.

Every CSV is written by :func:`csv_writer`, :func:`csv_dict_writer` or :func:`write_frame`:
rows end in ``\n`` and a field holding a carriage return is quoted. Python's csv writer
quotes a field only for the characters of its ``lineterminator`` (and the delimiter and
quote): with ``"\n"`` a field ``a\rb`` was written bare, and a reader (csv, pandas, a
spreadsheet) split the row there (mends7, 2026-12-05). The writers here use ``"\r\n"``, so
such a field is quoted, and turn each record's ending back into ``\n``: output without a
``\r`` is byte for byte what it was.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _csv import Writer

    import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\0")  # NUL: OWASP ASVS 1.2.10
# The same signs after leading whitespace (a spreadsheet that trims cells on import reads
# " =1+1" as a formula) or in their full-width forms (folded to ASCII by some): neutralised too.
_SIGNS = ("=", "+", "-", "@")
_FULL_WIDTH = str.maketrans("＝＋－＠", "=+-@")


def _formula_like(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES) or (
        text.lstrip().translate(_FULL_WIDTH).startswith(_SIGNS)
    )


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def safe_cell(value: Any, *, text: bool = False) -> Any:
    """``value`` unchanged unless it is text a spreadsheet would take for a formula.
    ``text``: the column holds text only (ids, codes: ``clearlane hs``), so a cell that
    starts like a formula is neutralised even when it reads as a number (``+1``, ``-2``: a
    spreadsheet would show 1 and -2, not the id written)."""
    if isinstance(value, str) and _formula_like(value) and (text or not _is_number(value)):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with its text cells neutralised (numeric columns untouched)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype) in ("string", "str"):
            out[column] = out[column].map(safe_cell)
    safe_names = [safe_cell(str(c)) for c in out.columns]
    out.columns = safe_names
    return out


class _Records:
    """The text handle a csv writer (``lineterminator="\\r\\n"``) writes to: each ``write`` is
    one whole record (the csv module's ``writerow`` makes one call, documented by its return
    value), written to ``handle`` ending in ``\\n``; a ``\\r\\n`` inside a quoted field stays."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle

    def write(self, record: str) -> int:
        if record.endswith("\r\n"):
            record = record[:-2] + "\n"
        return self.handle.write(record)

    def __iter__(self) -> Any:  # pandas takes an object with write and __iter__ for a file
        raise TypeError("a CSV output is not read")


def csv_writer(handle: IO[str]) -> Writer:
    """A ``csv.writer`` on ``handle`` (opened with ``newline=""``): rows end in ``\\n``, and
    a field holding ``\\r`` or ``\\n`` is quoted."""
    return csv.writer(_Records(handle), lineterminator="\r\n")


def csv_dict_writer(handle: IO[str], fieldnames: Sequence[str]) -> csv.DictWriter[str]:
    """:func:`csv_writer` as a ``csv.DictWriter``."""
    return csv.DictWriter(_Records(handle), fieldnames=fieldnames, lineterminator="\r\n")


def write_frame(frame: pd.DataFrame, path: Path | str) -> None:
    """``frame`` to a UTF-8 CSV at ``path`` as ``to_csv(path, index=False)`` wrote it on
    POSIX, its cells neutralised (:func:`safe_frame`) and a field holding ``\\r`` quoted."""
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        records: Any = _Records(handle)  # write is all pandas calls on it
        safe_frame(frame).to_csv(records, index=False, lineterminator="\r\n")
