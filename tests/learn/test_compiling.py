"""The registry's compiled boosters (clearlane.learn.compiling): a promoted engine is compiled in
a background process into the cache beside its artifact, the served engine swaps to it, racers
compile once, and a damaged cache falls back to LightGBM (and is compiled again)."""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import pytest
from sqlalchemy import select

from clearlane.api.scoring import Scoring
from clearlane.audit.chain import trail
from clearlane.config import get_settings
from clearlane.learn import compiling
from clearlane.learn.registry import ModelRegistry, ModelVersion, PromotionRule
from clearlane.risk import RiskEngine, compiled
from clearlane.store.session import open_store
from clearlane.store.tables import AuditEntryRow
from clearlane.workflows import (
    ENGINE_NAME,
    default_registry,
    load_champion,
    train_and_register,
)
from tests.concurrency import together
from tests.factories import few_trees, make_frame, small_engine_with_every_booster

pytestmark = pytest.mark.skipif(not compiled.available(), reason="no llvmlite / lleaves")


@pytest.fixture(autouse=True)
def _compiling_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARLANE_COMPILE_BOOSTERS", "true")
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def small() -> tuple[bytes, pd.DataFrame]:
    """An engine with all four boosters, kept small so that compiling stays quick (pickled:
    each test unpickles its own, whose boosters have nothing attached)."""
    engine, later = small_engine_with_every_booster()
    blob = io.BytesIO()
    joblib.dump(engine, blob, compress=3)
    return blob.getvalue(), later


def _champion(registry: ModelRegistry, artifact: bytes) -> ModelVersion:
    card = registry.register(
        artifact,
        name=ENGINE_NAME,
        training_window=(date(2025, 1, 1), date(2025, 6, 1)),
        features=["x"],
        params={},
        metrics={"pr_auc": 0.5},
    )
    registry.promote(
        card,
        rule=PromotionRule(),
        challenger_metrics={"pr_auc": 0.5},
        champion_metrics=None,
        period=(date(2025, 6, 2), date(2025, 6, 30)),
    )
    return card


def _count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Spy on the compiler: one entry per booster compiled (loads from the cache not counted)."""
    compiles: list[str] = []
    build = compiled._build

    def spy(booster, key, code):  # type: ignore[no-untyped-def]
        if code is None:
            compiles.append(key)
        return build(booster, key, code)

    monkeypatch.setattr(compiled, "_build", spy)
    return compiles


def test_racers_compile_a_version_once(small, tmp_path: Path, monkeypatch) -> None:
    registry = default_registry(tmp_path)
    card = _champion(registry, small[0])
    compiles = _count_compiles(monkeypatch)

    reports = together(3, lambda i: compiling.compile_version(registry, card))

    assert len(compiles) == 4 == len(set(compiles))  # each booster once, by one racer
    assert sorted(r.status for r in reports) == ["cached", "cached", "compiled"]
    cache = compiling.cache_dir(registry, card)
    assert cache.parent == registry.version_dir(card)  # beside the artifact
    assert len(list(cache.glob("*.o"))) == 4 and len(list(cache.glob("*.o.sha256"))) == 4
    assert not list(cache.glob(".*.tmp"))
    engine, _ = load_champion(registry)
    assert compiling.predictors(engine) == dict.fromkeys(engine.boosters(), "compiled")


def test_a_promoted_engine_is_compiled_in_the_background_and_the_server_swaps_to_it(
    small, tmp_path: Path, migrated_sqlite: Callable[[str], str]
) -> None:
    registry = default_registry(tmp_path / "data")
    card = _champion(registry, small[0])
    store = open_store(migrated_sqlite("store"))
    service = Scoring(registry=registry, session_factory=store)

    first, problem = service.engine()
    assert first is not None and problem is None
    # Served at once, with LightGBM, while the compile runs in another process.
    assert compiling.predictors(first) == dict.fromkeys(first.boosters(), "lightgbm")
    assert service._compiling is not None
    service.wait_for_compile(timeout=600)

    served, _ = service.engine()
    assert served is not None and served is not first  # swapped whole
    for booster in served.boosters().values():
        assert isinstance(compiled.attached(booster), compiled.CompiledForest)
    new = small[1]
    want, got = first.assess(new), served.assess(new)
    assert got["reference"].tolist() == want["reference"].tolist()
    for column in ("score", "model", "critical_score", "expected_revenue"):
        np.testing.assert_allclose(got[column], want[column], rtol=1e-9, atol=1e-12)
    report = compiling.CompileReport.from_dict(
        json.loads((compiling.cache_dir(registry, card) / "report.json").read_text())
    )
    assert report.status == "compiled" and set(report.boosters) == set(served.boosters())
    with store() as session:
        entries = trail(session, subject=f"model:{ENGINE_NAME}")
    assert [(e["payload"]["action"], e["actor"]) for e in entries] == [
        ("compiled", compiling.ACTOR)
    ]
    # Another worker starting now finds the cache: nothing to compile, nothing audited.
    other = Scoring(registry=registry, session_factory=store)
    engine, _ = other.engine()
    assert engine is not None and compiling.fully_compiled(engine)
    assert other._compiling is None
    with store() as session:
        assert len(session.scalars(select(AuditEntryRow.id)).all()) == 1


def test_training_returns_at_once_and_its_champion_is_compiled_beside_the_artifact(
    tmp_path: Path, migrated_sqlite: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    few_trees(monkeypatch)  # the claim is about starting the compile, not the trees' quality
    frame = make_frame(900, seed=4, days=45)
    registry = default_registry(tmp_path / "data")
    store = open_store(migrated_sqlite("store"))
    outcome = train_and_register(frame, registry=registry, seed=0, audit=store)
    assert outcome.decision.promoted, outcome.decision.reason
    assert outcome.compiling is not None  # started, not waited for
    assert outcome.compiling.wait(timeout=600) == 0
    cache = compiling.cache_dir(registry, outcome.version)
    assert len(list(cache.glob("*.o"))) == len(outcome.engine.boosters()) > 0
    engine, _ = load_champion(registry)  # what `clearlane score` loads
    assert compiling.fully_compiled(engine)
    with store() as session:
        actions = [e["payload"]["action"] for e in trail(session, subject=f"model:{ENGINE_NAME}")]
    assert actions.count("compiled") == 1


def test_a_damaged_object_falls_back_to_lightgbm_and_is_compiled_again(
    small, tmp_path: Path, monkeypatch
) -> None:
    registry = default_registry(tmp_path)
    card = _champion(registry, small[0])
    assert compiling.compile_version(registry, card).status == "compiled"
    cache = compiling.cache_dir(registry, card)
    damaged = sorted(cache.glob("*.o"))[0]
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))

    engine, _ = load_champion(registry)
    used = compiling.predictors(engine)
    assert sorted(used.values()) == ["compiled", "compiled", "compiled", "lightgbm"]
    reference = joblib.load(io.BytesIO(small[0]))
    assert isinstance(reference, RiskEngine)
    new = small[1]
    np.testing.assert_allclose(
        engine.assess(new)["score"], reference.assess(new)["score"], rtol=1e-9, atol=1e-12
    )
    compiles = _count_compiles(monkeypatch)
    again = compiling.compile_version(registry, card)
    assert again.status == "compiled" and len(compiles) == 1  # only the damaged one
    engine, _ = load_champion(registry)
    assert compiling.fully_compiled(engine)


def test_switched_off_nothing_is_compiled_or_loaded(small, tmp_path: Path, monkeypatch) -> None:
    registry = default_registry(tmp_path)
    card = _champion(registry, small[0])
    assert compiling.compile_version(registry, card).status == "compiled"
    monkeypatch.setenv("CLEARLANE_COMPILE_BOOSTERS", "false")
    get_settings.cache_clear()
    engine, _ = load_champion(registry)
    assert set(compiling.predictors(engine).values()) == {"lightgbm"}
    service = Scoring(registry=registry, session_factory=open_store())
    served, _ = service.engine()
    assert served is not None and service._compiling is None


def test_without_a_compiler_it_is_said_once_and_lightgbm_scores(
    small, tmp_path: Path, monkeypatch, caplog
) -> None:
    registry = default_registry(tmp_path)
    _champion(registry, small[0])
    monkeypatch.setattr(compiled, "available", lambda: False)
    monkeypatch.setattr(compiling, "_said_unavailable", False)
    started: list[object] = []
    monkeypatch.setattr(compiling, "start", lambda *a, **k: started.append(a))
    with caplog.at_level(logging.WARNING, logger=compiling.__name__):
        for _ in range(2):
            service = Scoring(registry=registry, session_factory=open_store())
            served, problem = service.engine()
            assert served is not None and problem is None
            assert set(compiling.predictors(served).values()) == {"lightgbm"}
    assert started == []
    said = [r for r in caplog.records if "no working llvmlite" in r.getMessage()]
    assert len(said) == 1


def test_two_processes_started_at_once_compile_once(small, tmp_path: Path) -> None:
    """Two compiling processes (two workers starting together): one compiles, the other
    waits for the lock and finds the cache."""
    registry = default_registry(tmp_path)
    card = _champion(registry, small[0])

    def run(i: int) -> compiling.CompileReport:
        out, _ = compiling.start(registry, card).communicate(timeout=600)
        return compiling.CompileReport.from_dict(json.loads(out.splitlines()[-1]))

    reports = together(2, run)
    assert sorted(r.status for r in reports) == ["cached", "compiled"]
    assert len({r.pid for r in reports}) == 2
    assert len(list(compiling.cache_dir(registry, card).glob("*.o"))) == 4


def test_a_worker_starting_on_an_uncompiled_champion_compiles_it(
    small, tmp_path: Path, migrated_sqlite: Callable[[str], str]
) -> None:
    from fastapi.testclient import TestClient

    from clearlane.api.app import create_app

    registry = default_registry(tmp_path / "data")
    _champion(registry, small[0])
    app = create_app(database_url=migrated_sqlite("store"), registry=registry)
    with TestClient(app):  # runs the start-up
        service = app.state.scoring
        for _ in range(600):  # the start-up thread loads the champion, then starts compiling
            if service._compiling is not None:
                break
            time.sleep(0.1)
        service.wait_for_compile(timeout=600)
        engine, _ = service.engine()
    assert engine is not None and compiling.fully_compiled(engine)


def test_a_store_that_refuses_the_audit_entry_does_not_lose_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The compile process prints its report for the server even when recording it in the
    audit trail fails (a busy store): it tries twice, logs, and still reports."""
    calls: list[str] = []

    def refuse(store: object, report: compiling.CompileReport) -> None:
        calls.append(report.version)
        raise RuntimeError("database is locked")

    monkeypatch.setattr(compiling, "audit", refuse)
    monkeypatch.setattr(
        compiling,
        "compile_version",
        lambda registry, version: compiling.CompileReport(version, "cached"),
    )
    monkeypatch.setattr(compiling.time, "sleep", lambda seconds: None)
    assert compiling.main([str(tmp_path), "risk-engine@1", "--audit"]) == 0
    assert calls == ["risk-engine@1", "risk-engine@1"]
    printed = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert printed["version"] == "risk-engine@1" and printed["status"] == "cached"
