"""CSV cells that a spreadsheet would run as formulas are neutralised; data is not."""

from __future__ import annotations

import csv
import io

import pandas as pd

from clearlane.core.csvsafe import safe_cell, safe_frame, safe_row


def test_formula_prefixes_are_neutralised_and_numbers_kept() -> None:
    for hostile in ("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(hostile) == "'" + hostile
    for kept in ("-5.0", "+3", "-1e3", "REF-1", "", "a=b", 3, -2.5, None):
        assert safe_cell(kept) == kept
    assert safe_row(["=1", 2, "x"]) == ["'=1", 2, "x"]


def test_a_frame_written_as_csv_holds_no_formula() -> None:
    frame = pd.DataFrame(
        {"reference": ["=cmd|' /C calc'!A0", "OK-1"], "score": [0.5, -0.1], "=col": ["@x", "y"]}
    )
    buffer = io.StringIO()
    safe_frame(frame).to_csv(buffer, index=False)
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
    assert rows[1][0] == "'=cmd|' /C calc'!A0" and rows[2][1] == "-0.1"
    assert frame["reference"].iloc[0].startswith("=")  # the caller's frame is untouched


def test_formulas_behind_whitespace_full_width_signs_or_nul_are_neutralised() -> None:
    """Review of guards6: a trigger after leading whitespace (a space, NBSP, the ideographic
    space, a newline), a full-width sign (＝ ＋ － ＠) or a NUL first (OWASP ASVS 1.2.10 lists
    it) passed as data. Spreadsheets that trim cells or fold full-width forms on import read
    them as formulas; the apostrophe costs nothing on text."""
    spaced = (" =1+1", "\xa0=HYPERLINK(1)", "\u3000@SUM(A1)", "\n=1+1", " +cmd")
    wide = ("＝1+1", "＋cmd|' /C calc'!A0", "－2+3", "＠SUM(A1)", " ＝1", "\x00=1")
    for hostile in spaced + wide:
        assert safe_cell(hostile) == "'" + hostile, repr(hostile)
    for kept in (" -5.0", "-1e3 ", " REF-1", "a ＝ b", " "):
        assert safe_cell(kept) == kept, repr(kept)


def test_a_text_column_neutralises_signed_numbers_too() -> None:
    """``text=True`` (clearlane hs's columns: ids, codes): ``+1`` would show as 1."""
    for value in ("+1", "-2", "\t5", " -5.0"):
        assert safe_cell(value, text=True) == "'" + value, repr(value)
        assert safe_cell(value) == value, repr(value)
    assert safe_cell(-2, text=True) == -2 and safe_cell("REF-1", text=True) == "REF-1"
