"""`clearlane demo` twice when the trained engine loses to the fallback. Split from
tests/cli/test_cli.py (Session 37, 2026-12-07) so that it runs beside it and test_demo.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.cli import app
from tests.cli.demo_state import demo_store_state, runner


def test_demo_twice_when_the_trained_engine_loses_to_the_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trained engine vetoed by its rule baseline: the rules + anomaly fallback is the
    champion that scores and stores, and a second run keeps the same consistent store."""
    from clearlane import workflows

    monkeypatch.setattr(
        workflows,
        "_rule_baseline_veto",
        lambda engine, table: "ranks worse than its own rule baseline (test): not promoted",
    )
    args = ["demo", "--declarations", "3000", "--seed", "3", "--no-serve"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "the rules + anomaly fallback champion" in result.output
    assert "not promoted: ranks worse than its own rule baseline" in result.output
    first = demo_store_state()
    from clearlane.config import get_settings
    from clearlane.workflows import ENGINE_NAME, default_registry

    champion = default_registry(get_settings().data_dir).champion(ENGINE_NAME)
    assert champion is not None and champion.params["kind"] == "fallback"
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert "was trained on this same history and profiles: kept" in again.output
    assert "0 assessments stored" in again.output
    assert demo_store_state() == first
