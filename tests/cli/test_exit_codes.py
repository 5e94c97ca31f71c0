"""The exit codes the commands use are the README's convention (mends6, 2026-12-05): 0 done,
1 ran and found something, 2 a mistake in the command's input, 3 `score` without a champion
and nothing else. `clearlane ingest` exited 3 when its counts did not reconcile, a code the
README gave `score` alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.ingest.pipeline import IngestReport
from tests.factories import declaration, write_csv

ROOT = Path(__file__).resolve().parents[2]


def test_ingest_whose_counts_do_not_reconcile_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(IngestReport, "reconciles", property(lambda self: False))
    path = write_csv(tmp_path / "in.csv", [declaration("X1")])
    result = CliRunner().invoke(app, ["ingest", str(path)])
    assert result.exit_code == 1, result.output
    assert "counts do not reconcile" in result.output


def test_only_score_without_a_champion_exits_3() -> None:
    """Every literal exit code in the commands' modules is 0, 1 or 2; 3 only as
    NO_CHAMPION_EXIT, which `score` alone raises; the README says so."""
    sources = [
        ROOT / "src/clearlane/cli.py",
        ROOT / "src/clearlane/terminal.py",
        *sorted((ROOT / "src/clearlane").glob("*/cli.py")),
    ]
    used: set[int] = set()
    for source in sources:
        text = source.read_text(encoding="utf-8")
        used |= {int(n) for n in re.findall(r"typer\.Exit\((\d+)\)", text)}
        used |= {
            int(n) for n in re.findall(r"\bfail\([^()]*(?:\([^()]*\)[^()]*)*,\s*(\d+)\)", text)
        }
        used |= {int(n) for n in re.findall(r"exit_code = (?:max\(exit_code, )?(\d+)", text)}
    assert used <= {0, 1, 2}, used
    cli = (ROOT / "src/clearlane/cli.py").read_text(encoding="utf-8")
    assert re.findall(r"NO_CHAMPION_EXIT = (\d+)", cli) == ["3"]
    assert cli.count("NO_CHAMPION_EXIT)") == 1  # the one raise, in `score`
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "`score` exits 3 when no champion is registered, and no other command uses 3" in readme


def test_simulate_prints_a_path_with_brackets_as_written(tmp_path: Path) -> None:
    """An error names the file as the user wrote it: `[bold]` in a path is text, not Rich
    markup. `clearlane simulate` printed its errors as markup, so `[bold]` vanished from the
    message (the other commands escape it through clearlane.terminal.fail)."""
    missing = tmp_path / "kcs[bold]2020.csv"
    result = CliRunner().invoke(app, ["simulate", "--data", str(missing)])
    assert result.exit_code == 2, result.output
    assert "kcs[bold]2020.csv" in result.output
    report = tmp_path / "x[red]" / "deep"
    result = CliRunner().invoke(
        app, ["simulate", "--data", str(missing), "--rank-by", "nope[b]", "--report", str(report)]
    )
    assert result.exit_code == 2, result.output
    assert "'nope[b]'" in result.output


def test_a_written_path_with_brackets_is_printed_as_written(tmp_path: Path) -> None:
    """`wrote ... to DIR` after the work: a `[/x]` in the user's path crashed the command
    with Rich's MarkupError (exit 1, a traceback, after the files were written) and `[abc]`
    vanished from the line. Paths, URLs and names the user gave are printed escaped."""
    out = tmp_path / "docs[/x][abc]"
    result = CliRunner().invoke(app, ["documents", "generate", "--out", str(out), "--count", "1"])
    assert result.exit_code == 0, result.output
    assert "docs[/x][abc]" in " ".join(result.output.split())
