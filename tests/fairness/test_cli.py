"""`clearlane fairness` and the generator's over-targeting options on the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from clearlane.cli import app
from tests.factories import declaration, write_jsonl
from tests.fairness.conftest import OVER_TARGETED

runner = CliRunner()


def _files(directory: Path) -> list[str]:
    return [
        "--data",
        str(directory / "declarations.jsonl"),
        "--controls",
        str(directory / "controls.jsonl"),
    ]


def _marked(output: str) -> list[str]:
    """Groups whose table row ends with the FLAG mark."""
    return [line.split()[0] for line in output.splitlines() if line.rstrip().endswith(" FLAG")]


def test_fairness_on_files_flags_the_over_targeted_origin(
    tmp_path: Path, generated: Callable[[int, bool], Path]
) -> None:
    out = tmp_path / "reports"
    args = ["fairness", "--by", "origin", *_files(generated(1, True)), "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output  # a flag is a finding, not an error
    assert _marked(result.output) == [OVER_TARGETED]
    assert f"flagged: {OVER_TARGETED}" in result.output
    assert f"{out / 'fairness_origin.json'}" in result.output.replace("\n", "")
    data = json.loads((out / "fairness_origin.json").read_text(encoding="utf-8"))
    assert data["flagged"] == [OVER_TARGETED]
    assert (out / "fairness_origin.html").is_file()

    failing = runner.invoke(app, [*args, "--fail-on-flag"])
    assert failing.exit_code == 1


def test_fairness_without_bias_flags_nothing_even_with_fail_on_flag(
    tmp_path: Path, generated: Callable[[int, bool], Path]
) -> None:
    args = ["fairness", *_files(generated(1, False)), "--out", str(tmp_path), "--fail-on-flag"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "no group flagged" in result.output and _marked(result.output) == []


def test_fairness_errors_are_explained(
    tmp_path: Path, generated: Callable[[int, bool], Path]
) -> None:
    directory = generated(1, False)
    result = runner.invoke(app, ["fairness", "--by", "colour", *_files(directory)])
    assert result.exit_code == 2
    assert "unknown grouping 'colour'" in result.output and "importer_size" in result.output

    # declarations without any control result
    only = write_jsonl(tmp_path / "decl.jsonl", [declaration("A1"), declaration("A2")])
    result = runner.invoke(app, ["fairness", "--data", str(only), "--out", str(tmp_path)])
    assert result.exit_code == 2 and "no declaration has a control result" in result.output

    result = runner.invoke(app, ["fairness", "--controls", str(directory / "controls.jsonl")])
    assert result.exit_code == 2 and "--controls needs --data" in result.output

    result = runner.invoke(app, ["fairness", "--data", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "no such file" in result.output

    result = runner.invoke(app, ["fairness"])
    assert result.exit_code == 2 and "the store holds no declarations" in result.output


def test_fairness_reads_the_store_by_default(tmp_path: Path) -> None:
    data = tmp_path / "data"
    generated = runner.invoke(
        app,
        ["generate", "--out", str(data), "--declarations", "600", "--days", "60", "--seed", "5"],
    )
    assert generated.exit_code == 0, generated.output
    for path, kind in (("declarations.jsonl", "declarations"), ("controls.jsonl", "controls")):
        ingested = runner.invoke(app, ["ingest", str(data / path), "--kind", kind])
        assert ingested.exit_code == 0, ingested.output
    out = tmp_path / "reports"
    result = runner.invoke(
        app, ["fairness", "--by", "office", "--min-group", "1", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads((out / "fairness_office.json").read_text(encoding="utf-8"))
    assert report["overall"]["declarations"] == 600
    controls = (data / "controls.jsonl").read_text(encoding="utf-8").count("\n")
    assert report["overall"]["controlled"] == controls > 0


def test_generate_over_targeting_options(tmp_path: Path) -> None:
    base = ["generate", "--declarations", "300", "--days", "20", "--seed", "3"]
    plain = runner.invoke(app, [*base, "--out", str(tmp_path / "plain")])
    biased = runner.invoke(
        app,
        [*base, "--out", str(tmp_path / "cn"), "--over-target-origin", "cn",
         "--over-target-factor", "50"],
    )  # fmt: skip
    assert plain.exit_code == 0 and biased.exit_code == 0, biased.output
    name = "declarations.jsonl"
    assert (tmp_path / "plain" / name).read_bytes() == (tmp_path / "cn" / name).read_bytes()
    name = "controls.jsonl"
    assert (tmp_path / "plain" / name).read_bytes() != (tmp_path / "cn" / name).read_bytes()

    bad = runner.invoke(app, [*base, "--out", str(tmp_path / "x"), "--over-target-origin", "XX"])
    assert bad.exit_code == 2 and "not an origin the generator uses" in bad.output
