"""The server worker's thread switch interval (``switch_interval_ms``, #15): set while the app
runs, restored when it stops, and bounded in the settings."""

from __future__ import annotations

import sys

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from clearlane.api.app import create_app
from clearlane.config import Settings, get_settings


def test_the_app_runs_with_its_switch_interval_and_restores_the_interpreters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = sys.getswitchinterval()
    assert before != pytest.approx(0.002)
    monkeypatch.setenv("CLEARLANE_SWITCH_INTERVAL_MS", "2")
    get_settings.cache_clear()
    try:
        with TestClient(create_app()) as client:
            assert client.get("/api/health").status_code == 200
            assert sys.getswitchinterval() == pytest.approx(0.002)
        assert sys.getswitchinterval() == pytest.approx(before)
    finally:
        get_settings.cache_clear()


def test_the_default_is_one_millisecond() -> None:
    assert Settings().switch_interval_ms == 1.0


@pytest.mark.parametrize("value", ["0", "-1", "101", "nan", "fast"])
def test_a_switch_interval_out_of_range_is_refused_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("CLEARLANE_SWITCH_INTERVAL_MS", value)
    with pytest.raises(ValidationError, match="switch_interval_ms"):
        Settings()


def test_a_start_up_that_fails_restores_the_interpreters_switch_interval(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The interval was set before the start-up work and restored only around ``yield``: a
    start-up that raised (here the champion's loading) left the whole process at the
    worker's interval."""
    from clearlane.api import app as app_module

    def broken(app: object) -> None:
        raise RuntimeError("the registry is unreadable")

    before = sys.getswitchinterval()
    monkeypatch.setenv("CLEARLANE_SWITCH_INTERVAL_MS", "2")
    monkeypatch.setenv("CLEARLANE_COMPILE_BOOSTERS", "true")
    monkeypatch.setattr(app_module, "_champion_at_start_up", broken)
    get_settings.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="registry is unreadable"):
            with TestClient(create_app()):
                pass
        assert sys.getswitchinterval() == pytest.approx(before)
    finally:
        sys.setswitchinterval(before)
        get_settings.cache_clear()
