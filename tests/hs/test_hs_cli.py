"""`clearlane hs suggest` and `clearlane hs check`: interfaces, bad input, formula-safe output."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearlane.cli import app

runner = CliRunner()


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_suggest_one_description_prints_a_table() -> None:
    result = runner.invoke(app, ["hs", "suggest", "men's cotton t-shirt", "--top", "3"])
    assert result.exit_code == 0, result.output
    assert "6109.10" in result.output and "GIR 1" in result.output


def test_suggest_in_bulk_writes_one_row_per_suggestion(tmp_path: Path) -> None:
    items = _write(tmp_path / "items.csv", "id,description\nA1,leather handbag\n=B2,lipstick\n")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["hs", "suggest", "--in", str(items), "--out", str(out),
                                 "--top", "2"])  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = _rows(out)
    assert list(rows[0])[:5] == ["id", "rank", "code", "score", "title"]
    assert [(r["id"], r["rank"]) for r in rows] == [("A1", "1"), ("A1", "2"),
                                                    ("'=B2", "1"), ("'=B2", "2")]  # fmt: skip
    assert all(len(r["code"]) == 6 and r["title"] for r in rows)
    assert rows[0]["code"][:2] == "42"


def test_check_writes_plausibility_and_reason(tmp_path: Path) -> None:
    items = _write(
        tmp_path / "items.csv",
        "id,description,declared_code\n1,men's cotton t-shirt,6109.10.00\n"
        "2,men's cotton t-shirt,8518.30\n",
    )
    out = tmp_path / "checked.csv"
    result = runner.invoke(app, ["hs", "check", "--in", str(items), "--out", str(out)])
    assert result.exit_code == 0, result.output
    right, wrong = _rows(out)
    assert list(right)[:4] == ["id", "declared_code", "plausibility", "reason_code"]
    assert float(right["plausibility"]) > float(wrong["plausibility"])
    assert right["reason_code"] == ""
    assert wrong["reason_code"] == "HS_DESCRIPTION_MISMATCH_CHAPTER"
    assert wrong["best_code"] == "610910"


def test_bad_input_names_file_line_and_field(tmp_path: Path) -> None:
    items = _write(
        tmp_path / "items.csv",
        "id,description,declared_code\n1,shoes,640411\n2,,640411\n3,shoes,12ab\n1,hat,650500\n",
    )
    out = tmp_path / "checked.csv"
    result = runner.invoke(app, ["hs", "check", "--in", str(items), "--out", str(out)])
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert "items.csv line 3, field 'description': empty" in text
    assert "items.csv line 4, field 'declared_code'" in text
    assert "items.csv line 5, field 'id': '1' repeats line 2" in text
    assert not out.exists()


def test_missing_column_and_oversized_rows_are_refused(tmp_path: Path) -> None:
    items = _write(tmp_path / "items.csv", "id,text\n1,shoes\n")
    result = runner.invoke(app, ["hs", "check", "--in", str(items), "--out",
                                 str(tmp_path / "o.csv")])  # fmt: skip
    assert result.exit_code == 2
    assert "missing column(s) description, declared_code" in " ".join(result.output.split())
    long = _write(tmp_path / "long.csv", "id,description\n1," + "x" * 1001 + "\n")
    result = runner.invoke(app, ["hs", "suggest", "--in", str(long), "--out",
                                 str(tmp_path / "o.csv")])  # fmt: skip
    assert result.exit_code == 2
    assert "line 2, field 'description': longer than 1000" in " ".join(result.output.split())


def test_suggest_needs_a_description_or_a_file() -> None:
    result = runner.invoke(app, ["hs", "suggest"])
    assert result.exit_code == 2


def test_an_output_that_cannot_be_written_is_refused_before_any_work(tmp_path: Path) -> None:
    """--out in a folder that does not exist, or naming a folder, was a FileNotFoundError or
    IsADirectoryError traceback after the whole file had been classified."""
    items = tmp_path / "items.csv"
    items.write_text("id,description,declared_code\n1,frozen fish fillets,030489\n")
    for out, problem in [
        (tmp_path / "gone" / "out.csv", "does not exist"),
        (tmp_path, "is a directory"),
    ]:
        for command in (["suggest"], ["check"]):
            result = runner.invoke(app, ["hs", *command, "--in", str(items), "--out", str(out)])
            assert result.exit_code == 2, result.output
            assert f"{out}:" in result.output and problem in result.output


def test_a_write_failing_after_the_check_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write failing after the up-front check (permissions, disk full) was a traceback."""
    import clearlane.hs.io

    def disk_full(value: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(clearlane.hs.io, "safe_cell", disk_full)
    items = tmp_path / "items.csv"
    items.write_text("id,description,declared_code\n1,frozen fish fillets,030489\n")
    out = tmp_path / "out.csv"
    for command in (["suggest"], ["check"]):
        result = runner.invoke(app, ["hs", *command, "--in", str(items), "--out", str(out)])
        assert result.exit_code == 2, result.output
        assert isinstance(result.exception, SystemExit), result.exception
        assert f"{out}: cannot write: No space left on device" in result.output
