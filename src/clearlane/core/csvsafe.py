"""Cells safe to open in a spreadsheet: every CSV ClearLane writes goes through here.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or a NUL (or
one of those signs after whitespace, or full-width) is read as a formula by Excel, LibreOffice
and Google Sheets (CSV injection: a declaration reference such as ``=cmd|' /C calc'!A0``).
Such cells get a leading apostrophe, which spreadsheets show as text (OWASP's advice).
Numbers, including negative ones, are left alone: ``-5.0`` is data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def safe_cell(value: Any) -> Any:
    """``value`` unchanged unless it is text a spreadsheet would take for a formula."""
    if isinstance(value, str) and _formula_like(value) and not _is_number(value):
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
