"""`clearlane demo` end to end, run twice (`make demo` again): the same consistent store.
Split from tests/cli/test_cli.py (Session 37, 2026-12-07) so that it runs beside it."""

from __future__ import annotations

from pathlib import Path

from clearlane.cli import app
from tests.cli.demo_state import demo_store_state, runner


def test_demo_runs_end_to_end(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--declarations", "3000", "--seed", "3", "--no-serve"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "audit trail: OK" in out
    for role in ("trader", "officer", "analyst", "supervisor", "auditor", "admin"):
        assert f"demo-{role}" in out
    assert "declarations.csv: received 3000, stored 3000, quarantined 0" in out
    assert "bad_records.jsonl: received 9, stored 0, quarantined 9" in out
    assert "held-out period (temporal split)" in out and "random (expected)" in out
    assert "the day's lanes" in out and "green" in out
    first = demo_store_state()

    # `make demo` again: the same consistent store (no new model, no assessment twice).
    again = runner.invoke(app, ["demo", "--declarations", "3000", "--seed", "3", "--no-serve"])
    assert again.exit_code == 0, again.output
    assert "was trained on this same history and profiles: kept" in again.output
    assert "0 assessments stored" in again.output and "not stored twice" in again.output
    assert "audit trail: OK" in again.output
    assert demo_store_state() == first
