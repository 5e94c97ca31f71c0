"""Splink's check of the party model's settings (its columns in the SQL of every comparison
level and blocking rule, against the input tables' columns) runs here, once, and not on
every link (session 37: 0.12 CPU s of the 1.3 s a small link took)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from splink.internals.settings_validation.log_invalid_columns import InvalidColumnsLogger

from clearlane.link.resolve import link_parties
from tests.link.test_parties import LEFT, RIGHT, _frame


def _spy(monkeypatch: pytest.MonkeyPatch, *, force: bool | None = None) -> list[bool]:
    """The ``run_settings_validations`` flag of each Linker that link_parties builds; with
    ``force``, the check run with that flag instead."""
    flags: list[bool] = []
    original = InvalidColumnsLogger.construct_output_logs

    def construct_output_logs(self: Any, run_settings_validations: bool = True) -> None:
        flags.append(run_settings_validations)
        original(self, run_settings_validations if force is None else force)

    monkeypatch.setattr(InvalidColumnsLogger, "construct_output_logs", construct_output_logs)
    return flags


def test_a_link_does_not_check_the_shipped_settings_again(monkeypatch: pytest.MonkeyPatch) -> None:
    flags = _spy(monkeypatch)
    assert len(link_parties(_frame(LEFT), _frame(RIGHT), threshold=1e-9).matches) >= 4
    assert flags and not any(flags)


def test_the_shipped_settings_pass_splinks_check(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Guard: Splink's check, run on the Linker of a link as it was on every link before,
    finds nothing to report in the party model's settings."""
    flags = _spy(monkeypatch, force=True)
    with caplog.at_level(logging.WARNING, logger="splink"):
        found = link_parties(_frame(LEFT), _frame(RIGHT), threshold=1e-9).matches
    assert flags and len(found) >= 4
    assert not [r for r in caplog.records if "SETTINGS VALIDATION" in r.getMessage()]
