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
