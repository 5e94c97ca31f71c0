"""CSV bounds and formula neutralisation."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.hs.io import InputError, read_items, safe_cell, write_rows


@pytest.mark.parametrize("value", ["=SUM(A1)", "+1", "-2", "@cmd", "\tx"])
def test_formula_prefixes_are_neutralised(value: str) -> None:
    assert safe_cell(value) == "'" + value


def test_plain_values_are_left_alone(tmp_path: Path) -> None:
    assert safe_cell("shoes") == "shoes" and safe_cell(0.5) == 0.5
    out = tmp_path / "o.csv"
    write_rows(out, ["id", "title"], [["=1", "Cases; -x"]])
    assert out.read_text(encoding="utf-8").splitlines() == ["id,title", "'=1,Cases; -x"]


def test_file_and_row_limits(tmp_path: Path) -> None:
    path = tmp_path / "items.csv"
    path.write_text("id,description\n1,a\n2,b\n3,c\n", encoding="utf-8")
    assert len(read_items(path, ["id", "description"])) == 3
    with pytest.raises(InputError, match="more than 2 rows"):
        read_items(path, ["id", "description"], max_rows=2)
    with pytest.raises(InputError, match="bytes, more than the 10 allowed"):
        read_items(path, ["id", "description"], max_bytes=10)
    path.write_text("id,description\n1,a\x00b\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: NUL character"):
        read_items(path, ["id", "description"])
    path.write_text("id,description\n", encoding="utf-8")
    with pytest.raises(InputError, match="no rows after the header"):
        read_items(path, ["id", "description"])


@pytest.mark.parametrize(
    "value", [" =1+1", "\xa0=HYPERLINK(1)", "\u3000@SUM(A1)", "\n=1+1", "＝1+1", "＠x", "\x00=1"]
)
def test_formulas_behind_whitespace_full_width_or_nul_are_neutralised(value: str) -> None:
    """hs kept its own neutraliser, which missed what clearlane.core.csvsafe catches (a sign
    after leading whitespace, a full-width sign, a NUL first); it uses core's now."""
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["+1", "-2", "\t5", "\r5", "-0.5"])
def test_signed_numbers_stay_neutralised(value: str) -> None:
    """Every hs column is text (ids, codes, formatted scores): a cell starting like a
    formula is neutralised even when it reads as a number, as hs always wrote it (core
    leaves numbers alone in its other CSVs: ``text=True``)."""
    assert safe_cell(value) == "'" + value
