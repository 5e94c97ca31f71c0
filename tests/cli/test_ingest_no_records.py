"""`clearlane ingest` of a file that holds no record (a CSV with only its header line, a JSON
array that is empty) stored nothing: it says so on stderr and exits 1, as an empty file does
(README, command-line conventions: exit 1 = the command ran and found the input wrong)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.generate.dataset import CSV_COLUMNS

WIDE = {"COLUMNS": "200", "NO_COLOR": "1"}


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("header.csv", ",".join(CSV_COLUMNS) + "\n", "declarations"),
        ("empty.json", "[]\n", "declarations"),
        ("controls.csv", "declaration_reference,outcome\n", "controls"),
    ],
)
def test_a_file_without_records_is_said_and_exits_1(
    tmp_path: Path, name: str, text: str, kind: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "--kind", kind, str(path)], env=WIDE)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1, result.output
    assert f"{name}: received 0, stored 0, quarantined 0" in result.output
    assert f"warning: {name} holds no record" in " ".join(result.output.split())


def test_a_file_with_records_still_exits_0(tmp_path: Path) -> None:
    import json

    from tests.factories import declaration

    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(declaration("R1")) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(path)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "received 1, stored 1, quarantined 0" in result.output
    assert "warning" not in result.output
