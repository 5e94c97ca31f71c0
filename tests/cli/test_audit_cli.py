"""`clearlane audit verify|head|show` and `clearlane kpis` against the default store."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text
from typer.testing import CliRunner

from clearlane.audit.guard import drop_append_only_statements
from clearlane.cli import app
from clearlane.store.session import open_store
from tests.factories import write_jsonl

runner = CliRunner()


def _controls(tmp_path: Path) -> Path:
    controls = [
        {
            "declaration_reference": f"R{i}",
            "control_type": "documentary",
            "selection_reason": "random",
            "outcome": "compliant",
        }
        for i in range(3)
    ]
    return write_jsonl(tmp_path / "controls.jsonl", controls)


def test_verify_head_and_show(tmp_path: Path) -> None:
    empty = runner.invoke(app, ["audit", "verify"])
    assert empty.exit_code == 0, empty.output
    assert "empty" in empty.output
    result = runner.invoke(app, ["ingest", str(_controls(tmp_path)), "--kind", "controls"])
    assert result.exit_code == 0, result.output
    head = runner.invoke(app, ["audit", "head"])
    seq, digest = head.output.split()
    assert seq == "3" and len(digest) == 64
    ok = runner.invoke(app, ["audit", "verify", "--head", digest])
    assert ok.exit_code == 0 and "3 entries" in ok.output
    shown = runner.invoke(app, ["audit", "show", "--subject", "declaration:R1", "--json"])
    (entry,) = json.loads(shown.output)
    assert (entry["kind"], entry["payload"]["outcome"]) == ("control_result", "compliant")
    bad = runner.invoke(app, ["audit", "verify", "--head", "xyz"])
    assert bad.exit_code == 2 and "SHA-256" in bad.output
    kind = runner.invoke(app, ["audit", "show", "--kind", "control_result", "--json"])
    assert kind.exit_code == 0 and len(json.loads(kind.output)) == 3
    typo = runner.invoke(app, ["audit", "show", "--kind", "control_results"])
    assert typo.exit_code == 2 and "unknown audit entry kind" in typo.output
    assert (
        "capacity_change" in typo.output
        and typo.exception is None
        or (isinstance(typo.exception, SystemExit))
    )


def test_verify_exits_non_zero_on_tampering(tmp_path: Path) -> None:
    runner.invoke(app, ["ingest", str(_controls(tmp_path)), "--kind", "controls"])
    store = open_store()
    with store() as session, session.begin():
        for statement in drop_append_only_statements(session.get_bind().dialect.name):
            session.execute(text(statement))
        session.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"))
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert "TAMPERED" in result.output and "entry 2" in result.output


def test_kpis_without_assessments_says_what_to_do() -> None:
    result = runner.invoke(app, ["kpis"])
    assert result.exit_code == 0
    assert "clearlane score" in result.output


def test_verify_with_the_head_row_missing_is_a_clear_error_not_a_traceback(
    tmp_path: Path,
) -> None:
    runner.invoke(app, ["ingest", str(_controls(tmp_path)), "--kind", "controls"])
    store = open_store()
    with store() as session, session.begin():
        for statement in drop_append_only_statements(session.get_bind().dialect.name):
            session.execute(text(statement))
        session.execute(text("DELETE FROM audit_head"))
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert "TAMPERED" in result.output and "audit_head row is missing" in result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not an escaped error
    head = runner.invoke(app, ["audit", "head"])
    assert head.exit_code == 1 and "missing" in head.output
    assert isinstance(head.exception, SystemExit)
