"""Compiled boosters (clearlane.risk.compiled): the same predictions as LightGBM, compiled once
into a cache beside the engine, loaded without compiling, and LightGBM whenever the compiled
code is missing, altered or cannot be built."""

from __future__ import annotations

import threading

import lightgbm as lgb
import numpy as np
import pandas as pd
import pytest

from clearlane.risk import RiskEngine, compiled, supervised
from clearlane.risk import engine as engine_module
from clearlane.risk.engine import compiled_dir
from tests.factories import small_engine_with_every_booster

pytestmark = pytest.mark.skipif(not compiled.available(), reason="no llvmlite / lleaves")


def _data(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 6))
    x[:, 4] = rng.integers(0, 12, size=n)  # a categorical code
    x[:, 5] = rng.integers(0, 40, size=n)  # another, with many values
    x[rng.random((n, 6)) < 0.1] = np.nan  # missing values everywhere, categories included
    y = (x[:, 0] + (x[:, 4] % 3 == 0) + rng.normal(size=n) > 1).astype(int)
    return x, y


def _scoring_rows(x: np.ndarray) -> np.ndarray:
    rows = x.copy()
    rows[::5, 4] = 99  # a category never seen in training
    rows[1::7, 5] = -3  # a negative code (LightGBM: missing)
    rows[2::9, 0] = 1e300
    return rows


@pytest.fixture(scope="module")
def classifier() -> lgb.LGBMClassifier:
    x, y = _data(3000, 0)
    model = lgb.LGBMClassifier(n_estimators=40, num_leaves=15, verbose=-1, min_data_per_group=5)
    return model.fit(x, y, categorical_feature=[4, 5])


def test_compiled_predictions_equal_lightgbm(classifier, tmp_path) -> None:
    booster = classifier.booster_
    forest = compiled.compile_booster(booster, tmp_path)
    assert forest is not None and forest.compile_seconds > 0
    rows = _scoring_rows(_data(2000, 1)[0])
    want = booster.predict(rows, num_threads=1)
    for threads in (1, 2):
        np.testing.assert_allclose(forest.predict(rows, threads), want, rtol=0, atol=1e-9)
    one = forest.predict(rows[3:4])
    assert one[0] == pytest.approx(want[3], abs=1e-9)
    # The prediction wrapper the models use goes through the attached code.
    assert compiled.attached(booster) is forest
    got = supervised._booster_predict(classifier, rows)
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-9)
    compiled.detach(booster)


def test_regressor_compiles_too(tmp_path) -> None:
    x, _ = _data(2000, 2)
    target = np.nan_to_num(x[:, 0]) * 3 + np.nan_to_num(x[:, 1])
    model = lgb.LGBMRegressor(n_estimators=30, num_leaves=7, verbose=-1).fit(x, target)
    forest = compiled.compile_booster(model.booster_, tmp_path)
    assert forest is not None
    rows = _scoring_rows(x)
    np.testing.assert_allclose(
        forest.predict(rows), model.booster_.predict(rows), rtol=0, atol=1e-9
    )
    compiled.detach(model.booster_)


def test_cached_code_is_loaded_not_compiled(classifier, tmp_path, monkeypatch) -> None:
    booster = classifier.booster_
    compiled.compile_booster(booster, tmp_path)
    compiled.detach(booster)
    same = lgb.Booster(model_str=booster.model_to_string())  # another object, the same model
    calls: list[object] = []
    build = compiled._build
    monkeypatch.setattr(
        compiled, "_build", lambda b, key, code: calls.append(code) or build(b, key, code)
    )
    forest = compiled.load_booster(same, tmp_path)
    assert forest is not None and forest.compile_seconds == 0.0
    assert calls and all(code is not None for code in calls)  # loaded, never compiled
    again = compiled.compile_booster(same, tmp_path)  # finds the cache: no compilation
    assert again is not None and again.compile_seconds == 0.0
    assert all(code is not None for code in calls)
    compiled.detach(same)


def test_other_model_finds_nothing_in_the_cache(classifier, tmp_path) -> None:
    compiled.compile_booster(classifier.booster_, tmp_path)
    compiled.detach(classifier.booster_)
    x, y = _data(1000, 3)
    other = lgb.LGBMClassifier(n_estimators=5, verbose=-1).fit(x, y).booster_
    assert compiled.load_booster(other, tmp_path) is None
    assert compiled.attached(other) is None


def test_altered_object_code_is_refused(classifier, tmp_path) -> None:
    booster = classifier.booster_
    compiled.compile_booster(booster, tmp_path)
    compiled.detach(booster)
    (obj,) = tmp_path.glob("*.o")
    data = bytearray(obj.read_bytes())
    data[len(data) // 2] ^= 0xFF
    obj.write_bytes(bytes(data))
    assert compiled.load_booster(booster, tmp_path) is None
    assert compiled.attached(booster) is None
    rows = _data(50, 4)[0]
    np.testing.assert_array_equal(
        supervised._booster_predict(classifier, rows), booster.predict(rows, num_threads=1)
    )


@pytest.fixture(scope="module")
def small_engine() -> tuple[RiskEngine, pd.DataFrame]:
    """An engine with all four boosters, each kept small so that compiling stays quick."""
    return small_engine_with_every_booster()


def test_engine_saved_compiled_scores_as_lightgbm(small_engine, tmp_path) -> None:
    engine, new = small_engine
    want = engine.assess(new)
    path = engine.save(tmp_path / "engine.joblib", compile=True)
    for booster in engine.boosters().values():
        compiled.detach(booster)
    assert len(list(compiled_dir(path).glob("*.o"))) == 4
    loaded = RiskEngine.load(path)
    assert all(compiled.attached(b) is not None for b in loaded.boosters().values())
    got = loaded.assess(new)
    assert got["reference"].tolist() == want["reference"].tolist()
    for column in ("score", "model", "critical_score", "expected_revenue"):
        np.testing.assert_allclose(got[column], want[column], rtol=1e-9, atol=1e-12)
    one = loaded.assess(new.head(1))
    assert one["score"].iloc[0] == pytest.approx(want["score"].iloc[0], rel=1e-9)


def test_engine_without_compiler_stays_on_lightgbm(small_engine, tmp_path, monkeypatch) -> None:
    engine, new = small_engine
    monkeypatch.setattr(compiled, "available", lambda: False)
    assert engine.compile(tmp_path / "compiled") == {}
    path = engine.save(tmp_path / "engine.joblib", compile=True)
    assert not list(compiled_dir(path).glob("*.o"))
    loaded = RiskEngine.load(path)
    assert all(compiled.attached(b) is None for b in loaded.boosters().values())
    pd.testing.assert_frame_equal(loaded.assess(new), engine.assess(new))


def test_a_failing_compiler_leaves_lightgbm_in_place(small_engine, tmp_path, monkeypatch) -> None:
    engine, new = small_engine

    def broken(booster, key, code):
        raise RuntimeError("LLVM error")

    monkeypatch.setattr(compiled, "_build", broken)
    assert engine.compile(tmp_path / "compiled") == {}
    assert all(compiled.attached(b) is None for b in engine.boosters().values())
    assert len(engine.assess(new)) > 0


def test_a_threaded_batch_scores_as_one_thread_bit_for_bit(small_engine, tmp_path, monkeypatch):
    from clearlane.config import get_settings

    engine, new = small_engine
    assert len(engine.compile(tmp_path / "compiled")) == 4
    # new is small: let it count as a large batch.
    monkeypatch.setattr(engine_module, "PREDICT_THREAD_ROWS", 10)
    monkeypatch.setattr(supervised, "PREDICT_THREAD_ROWS", 10)
    threads_seen: set[str] = set()
    predict = compiled.CompiledForest.predict

    def spy(self, matrix, threads=1):  # type: ignore[no-untyped-def]
        threads_seen.add(threading.current_thread().name)
        return predict(self, matrix, threads)

    monkeypatch.setattr(compiled.CompiledForest, "predict", spy)
    got = {}
    for threads in ("1", "3"):
        monkeypatch.setenv("CLEARLANE_SCORE_THREADS", threads)
        get_settings.cache_clear()
        got[threads] = engine.assess(new)
    pd.testing.assert_frame_equal(got["1"], got["3"], check_exact=True)
    # The fraud, critical-case and revenue boosters ran beside the main thread.
    assert any(name.startswith("clearlane-boosters") for name in threads_seen)
    rows = engine.builder.transform_matrix(new).select(engine.fraud.columns)
    forest = compiled.attached(engine.fraud.model.booster_)
    np.testing.assert_array_equal(predict(forest, rows, 1), predict(forest, rows, 3))
    for booster in engine.boosters().values():
        compiled.detach(booster)
