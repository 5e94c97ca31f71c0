"""``/api/ready``: a worker says it is ready only once its start-up threads have loaded what
the first submissions need (the HS model, the champion engine); before, 503 with
``Retry-After`` naming what is still loading, while ``/api/health`` (liveness) answers 200.
Session 33: a load balancer had no way to tell a worker still building its HS index (about 6
CPU s, measured in the API benchmark's window by submit33) from a ready one."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from clearlane.api.app import create_app
from clearlane.config import get_settings


@pytest.fixture
def settings_cleared() -> object:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_a_worker_loading_its_hs_model_is_alive_but_not_ready(
    monkeypatch: pytest.MonkeyPatch, settings_cleared: object
) -> None:
    import clearlane.hs.model as hs_model

    release = threading.Event()

    def blocked_warm_up() -> threading.Thread:
        thread = threading.Thread(target=release.wait, name="clearlane-hs-warm-up", daemon=True)
        thread.start()
        return thread

    monkeypatch.setenv("CLEARLANE_HS_WARM_UP", "true")
    monkeypatch.setattr(hs_model, "warm_up", blocked_warm_up)
    get_settings.cache_clear()
    try:
        with TestClient(create_app()) as client:
            assert client.get("/api/health").status_code == 200
            starting = client.get("/api/ready")
            assert starting.status_code == 503
            assert starting.headers["Retry-After"] == "1"
            error = starting.json()["error"]
            assert error["code"] == "starting"
            assert "the HS model" in error["message"]

            release.set()
            for thread in client.app.state.start_up:  # type: ignore[attr-defined]
                thread.join(10)
            ready = client.get("/api/ready")
            assert ready.status_code == 200
            assert ready.json()["status"] == "ready"
    finally:
        release.set()


def test_a_worker_with_nothing_to_load_is_ready_at_once(settings_cleared: object) -> None:
    """Guard: the tests' default (no HS warm-up, no booster compile) starts no thread."""
    with TestClient(create_app()) as client:
        answer = client.get("/api/ready")
        assert answer.status_code == 200
        assert answer.json()["status"] == "ready"


def test_readiness_is_in_the_openapi_schema_with_its_503() -> None:
    """Guard: the probe is documented with its error shape."""
    schema = create_app().openapi()
    assert "503" in schema["paths"]["/api/ready"]["get"]["responses"]
