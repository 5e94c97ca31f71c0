from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from clearlane.cli import app
from tests.factories import declaration, item, write_csv, write_jsonl

runner = CliRunner()


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "generate", "demo", "db", "quarantine"):
        assert command in result.output


def test_ingest_prints_reconciliation_and_writes_report(tmp_path: Path) -> None:
    records = [declaration("C1"), declaration("C2", items=[item(net_mass_kg=99.0)])]
    path = write_csv(tmp_path / "in.csv", records)
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["ingest", str(path), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "received 2, stored 1, quarantined 1" in result.output
    assert "net_above_gross 1" in result.output
    data = json.loads(report.read_text())
    assert (data["received"], data["stored"], data["quarantined"]) == (2, 1, 1)
    assert data["reconciles"] is True

    listed = runner.invoke(app, ["quarantine", "list", "--json"])
    assert listed.exit_code == 0
    assert "in.csv:line 3" in listed.output and "net_above_gross" in listed.output


def test_rejected_file_exits_non_zero_with_reason(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    result = runner.invoke(app, ["ingest", str(empty)])
    assert result.exit_code == 1
    assert "received 1, stored 0, quarantined 1" in result.output
    assert "empty.jsonl: the file is empty" in result.output


def test_bad_options_are_explained(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", [declaration()])
    result = runner.invoke(app, ["ingest", str(path), "--format", "yaml"])
    assert result.exit_code == 2 and "--format 'yaml' is not one of" in result.output
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing.csv")])
    assert result.exit_code == 2 and "no such file" in result.output
    odd = tmp_path / "x.dat"
    odd.write_text("x")
    result = runner.invoke(app, ["ingest", str(odd)])
    assert result.exit_code == 2 and "pass --format" in result.output


def test_db_upgrade_and_current() -> None:
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert "-> 0002" in result.output
    result = runner.invoke(app, ["db", "current"])
    assert "at 0002, head is 0002" in result.output


def test_profiles_commands(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "profiles:\n  - {id: P-9, name: x, version: 1, owner: a, rationale: r, "
        "valid_from: 2020-01-01, weight: 0.5, conditions: [{field: hs_code, op: betwen}]}\n"
    )
    result = runner.invoke(app, ["profiles", "check", str(bad)])
    assert result.exit_code == 2
    assert "P-9" in result.output and "betwen" in result.output
    import clearlane.risk

    defaults = Path(clearlane.risk.__file__).parent / "default_profiles.yaml"
    result = runner.invoke(app, ["profiles", "import", str(defaults), "--by", "ana"])
    assert result.exit_code == 0, result.output
    assert "added" in result.output
    listed = runner.invoke(app, ["profiles", "list"])
    assert "CL-UV-01" in listed.output
    retired = runner.invoke(app, ["profiles", "retire", "CL-UV-01", "--note", "test"])
    assert "retired" in retired.output
    assert "CL-UV-01" not in runner.invoke(app, ["profiles", "list"]).output


def test_demo_runs_end_to_end(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--declarations", "3000", "--seed", "3"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "declarations.csv: received 3000, stored 3000, quarantined 0" in out
    assert "bad_records.jsonl: received 9, stored 0, quarantined 9" in out
    assert "held-out period (temporal split)" in out and "random (expected)" in out
    assert "the day's lanes" in out and "green" in out
