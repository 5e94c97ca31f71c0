"""The engine the submit path scores with: loaded once, reloaded when the champion changes."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from clearlane.api.scoring import Scoring
from clearlane.learn.registry import ModelRegistry, PromotionRule
from clearlane.store.session import open_store
from clearlane.workflows import ENGINE_NAME, default_registry


def _register(source: ModelRegistry, target: ModelRegistry) -> str:
    champion = source.champion(ENGINE_NAME)
    assert champion is not None
    version = target.register(
        source.load_artifact(champion),
        name=ENGINE_NAME,
        training_window=(date(2023, 1, 1), date(2023, 2, 9)),
        features=list(champion.features),
        params={},
        metrics={"pr_auc": 0.5},
        created_by="tests",
    )
    target.promote(
        version,
        rule=PromotionRule(),
        challenger_metrics={"pr_auc": 0.5},
        champion_metrics=None,
        period=(date(2023, 2, 1), date(2023, 2, 9)),
        decided_by="tests",
    )
    return version.id


def test_the_engine_is_cached_and_follows_the_champion(
    tmp_path: Path, migrated_sqlite: Callable[[str], str], trained_registry: ModelRegistry
) -> None:
    registry = default_registry(tmp_path / "models")
    scoring = Scoring(registry=registry, session_factory=open_store(migrated_sqlite("s")))
    engine, problem = scoring.engine()
    assert engine is None and problem is not None and "clearlane train" in problem
    first = _register(trained_registry, registry)
    gc.unfreeze()
    try:
        engine, problem = scoring.engine()
        # The engine's objects were frozen on load (out of the collector's full passes).
        assert gc.get_freeze_count() > 0
        assert id(engine.builder) not in {id(o) for o in gc.get_objects()}
    finally:
        gc.unfreeze()
    assert problem is None and engine is not None and engine.model_version == first
    again, _ = scoring.engine()
    assert again is engine  # not reloaded while the champion pointer is unchanged
    registry.champions_path.write_text("{}", encoding="utf-8")  # champion withdrawn
    assert scoring.engine()[0] is None
    registry.champions_path.write_text("{ broken", encoding="utf-8")
    engine, problem = scoring.engine()
    assert engine is None and problem is not None and "cannot be loaded" in problem


def test_without_a_champion_requests_do_not_wait_for_the_fallback_fit(
    tmp_path: Path, migrated_sqlite: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fallback is fitted in one background thread, however many requests ask meanwhile;
    they are answered at once with the reason, and the champion serves once it is ready."""
    import clearlane.api.scoring as scoring_module
    from clearlane.api.scoring import FITTING
    from clearlane.ingest.pipeline import ingest_records
    from clearlane.workflows import ensure_champion
    from tests.factories import declaration

    store = open_store(migrated_sqlite("s"))
    ingest_records([declaration(f"BG-{i}") for i in range(20)], source="t", session_factory=store)
    registry = default_registry(tmp_path / "models")
    release = threading.Event()
    calls: list[str] = []

    def slow_fit(*args: Any, **kwargs: Any) -> Any:
        calls.append(threading.current_thread().name)
        assert release.wait(60), "the test never released the fit"
        return ensure_champion(*args, **kwargs)

    monkeypatch.setattr(scoring_module, "ensure_champion", slow_fit)
    scoring = Scoring(registry=registry, session_factory=store)

    answers = [scoring.engine() for _ in range(3)]  # the fit is blocked: nobody waits for it

    assert answers == [(None, FITTING)] * 3
    release.set()
    scoring.wait_for_fallback()
    assert calls == ["clearlane-fallback-fit"]  # one fit, off the request threads
    engine, problem = scoring.engine()
    champion = registry.champion(ENGINE_NAME)
    assert problem is None and engine is not None and champion is not None
    assert engine.model_version == champion.id and champion.params["kind"] == "fallback"


def test_a_server_shutting_down_waits_for_the_background_fallback_fit(
    tmp_path: Path, migrated_sqlite: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's shutdown waits for a fallback fit it started (session 24, pool10): one that
    outlived its app wrote to a store already gone ("fitting the fallback champion failed ...
    database does not exist" in the PostgreSQL test log, its test database dropped)."""
    from fastapi.testclient import TestClient

    import clearlane.api.scoring as scoring_module
    from clearlane.api.app import create_app
    from clearlane.api.scoring import FITTING, scoring_of
    from clearlane.ingest.pipeline import ingest_records
    from clearlane.workflows import ensure_champion
    from tests.factories import declaration

    url = migrated_sqlite("s")
    ingest_records(
        [declaration(f"BYE-{i}") for i in range(20)], source="t", session_factory=open_store(url)
    )
    registry = default_registry(tmp_path / "models")
    started, finished = threading.Event(), threading.Event()

    def slow_fit(*args: Any, **kwargs: Any) -> Any:
        started.set()
        threading.Event().wait(1.0)  # still fitting when the app is told to stop
        try:
            return ensure_champion(*args, **kwargs)
        finally:
            finished.set()

    monkeypatch.setattr(scoring_module, "ensure_champion", slow_fit)
    app = create_app(database_url=url, registry=registry)
    with TestClient(app):
        assert scoring_of(app).engine() == (None, FITTING)
        assert started.wait(30)
    assert finished.is_set()  # the lifespan's end waited for it
    assert registry.champion(ENGINE_NAME) is not None
