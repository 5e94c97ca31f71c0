"""The flattened LightGBM forest (clearlane.risk.forest) must answer what ``Booster.predict``
answers: on the hard cases of its decision rules (missing values, zeros, categories unseen,
negative or beyond the bitset) and through the whole engine (scores before and after the
change, assessed the old way by forcing the booster path)."""

from __future__ import annotations

import lightgbm as lgb
import numpy as np
import pandas as pd
import pytest

import clearlane.risk.forest as forest_module
import clearlane.risk.supervised as supervised
from clearlane.risk import RiskEngine, train_engine
from clearlane.risk.forest import FlatForest, flat_forest
from tests.factories import make_frame

TOLERANCE = 1e-9  # the brief's bar; in practice the outputs are equal bit for bit


def _data(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Numeric columns with NaN and exact zeros, a categorical code column and a target that
    depends on all of them (so that trees split on each, with learned missing directions)."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 5))
    x[:, 1] = np.where(rng.random(n) < 0.3, 0.0, x[:, 1])  # many exact zeros
    x[rng.random(n) < 0.15, 2] = np.nan
    x[:, 3] = rng.integers(0, 40, n).astype(float)  # categorical codes
    x[rng.random(n) < 0.05, 3] = np.nan
    logit = x[:, 0] + 2 * (x[:, 1] == 0) - 1.5 * np.isnan(x[:, 2]) + np.isin(x[:, 3], [3, 7, 33])
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    revenue = np.exp(x[:, 0]) * 100 + 10 * np.nan_to_num(x[:, 2])
    return x, y, revenue


def _hard_rows(x: np.ndarray) -> np.ndarray:
    """Rows that exercise every branch of the decision rules."""
    rows = x[:40].copy()
    rows[0, :] = np.nan
    rows[1, :] = 0.0
    rows[2, 1] = 1e-36  # read as 0 by LightGBM
    rows[3, 1] = -1e-36
    rows[4, 3] = -1.0  # negative category: right
    rows[5, 3] = -0.5  # truncates to category 0
    rows[6, 3] = 1000.0  # beyond the bitset
    rows[7, 3] = 3e9  # beyond int range
    rows[8, 3] = 7.9  # truncates to 7
    rows[9, 0] = np.inf
    rows[10, 0] = -np.inf
    return rows


@pytest.fixture(scope="module")
def models() -> tuple[lgb.LGBMClassifier, lgb.LGBMRegressor, np.ndarray]:
    x, y, revenue = _data(4000, seed=1)
    params = {
        "n_estimators": 60,
        "num_leaves": 15,
        "verbose": -1,
        "n_jobs": 1,
        "min_child_samples": 5,
    }
    classifier = lgb.LGBMClassifier(**params, min_data_per_group=5, cat_smooth=1.0).fit(
        x, y, categorical_feature=[3]
    )
    regressor = lgb.LGBMRegressor(**params).fit(x, np.log1p(revenue.clip(0)))
    test, _, _ = _data(3000, seed=2)
    return classifier, regressor, np.vstack([_hard_rows(test), test])


def test_classifier_probabilities_equal_the_booster(models) -> None:
    classifier, _, test = models
    booster = classifier.booster_
    forest = flat_forest(booster)
    assert forest is not None and forest.sigmoid == 1.0
    assert forest.cat_bits.size > 0, "the model should have categorical splits to check"
    want = booster.predict(test, num_threads=1)
    got = forest.predict(test)
    assert np.abs(got - want).max() < TOLERANCE
    assert np.array_equal(got, want)


def test_regressor_outputs_equal_the_booster(models) -> None:
    _, regressor, test = models
    booster = regressor.booster_
    forest = flat_forest(booster)
    assert forest is not None and forest.sigmoid is None
    want = booster.predict(test, num_threads=1)
    assert np.abs(forest.predict(test) - want).max() < TOLERANCE


def test_one_row_at_a_time_equals_the_batch(models) -> None:
    classifier, _, test = models
    forest = flat_forest(classifier.booster_)
    assert forest is not None
    batch = forest.predict(test[:50])
    singles = np.array([forest.predict(test[i : i + 1])[0] for i in range(50)])
    assert np.array_equal(batch, singles)


def test_threads_split_the_rows_without_changing_them(models, monkeypatch) -> None:
    classifier, _, test = models
    forest = flat_forest(classifier.booster_)
    assert forest is not None
    one = forest.predict(test)
    monkeypatch.setattr(forest_module, "ROWS_PER_THREAD", 100)
    monkeypatch.setenv("CLEARLANE_PREDICT_THREADS", "3")
    assert forest_module.max_threads() == 3
    assert np.array_equal(forest.predict(test), one)


def test_best_iteration_is_respected_as_predict_does() -> None:
    """``Booster.predict`` stops at ``best_iteration`` when one is set (early stopping)."""
    x, y, _ = _data(2000, seed=3)
    params = {"objective": "binary", "verbose": -1, "num_threads": 1}
    booster = lgb.train(params, lgb.Dataset(x, y), num_boost_round=40)
    booster.best_iteration = 15
    forest = flat_forest(booster)
    assert forest is not None and len(forest.roots) == 15 < booster.num_trees()
    assert np.abs(forest.predict(x) - booster.predict(x, num_threads=1)).max() < TOLERANCE


def test_other_objectives_are_left_to_lightgbm() -> None:
    x, _, _ = _data(600, seed=4)
    labels = np.arange(600) % 3
    multiclass = lgb.LGBMClassifier(n_estimators=5, verbose=-1, n_jobs=1).fit(x, labels)
    assert flat_forest(multiclass.booster_) is None
    cross_entropy = lgb.LGBMRegressor(
        n_estimators=5, objective="cross_entropy", verbose=-1, n_jobs=1
    ).fit(x, (labels == 1).astype(float))
    assert flat_forest(cross_entropy.booster_) is None


def test_a_matrix_of_the_wrong_width_is_refused(models) -> None:
    classifier, _, test = models
    forest = flat_forest(classifier.booster_)
    assert isinstance(forest, FlatForest)
    with pytest.raises(ValueError, match="takes 5 features"):
        forest.predict(test[:, :4])


@pytest.fixture(scope="module")
def engine_and_new() -> tuple[RiskEngine, pd.DataFrame]:
    frame = make_frame(2600, seed=21, days=150)
    cut = frame["declaration_date"].quantile(0.8)
    history, new = frame[frame["declaration_date"] < cut], frame[frame["declaration_date"] >= cut]
    engine = train_engine(history, seed=2, min_gbdt_positives=50)
    assert engine.fraud is not None and engine.fraud.kind == "lightgbm"
    assert engine.critical is not None and engine.revenue is not None
    return engine, new


def test_engine_scores_equal_the_booster_path(engine_and_new, monkeypatch) -> None:
    """The assessment with the flat forests and with ``Booster.predict`` (the old path)."""
    engine, new = engine_and_new
    fast = engine.score_items(new)
    fast_assessed = engine.assess(new)
    monkeypatch.setattr(supervised, "flat_forest", lambda booster: None)
    old = engine.score_items(new)
    old_assessed = engine.assess(new)
    for column in ("model", "score", "expected_revenue", "critical_score"):
        diff = np.nanmax(np.abs(fast[column].to_numpy() - old[column].to_numpy()))
        assert diff < TOLERANCE, column
    numeric = fast_assessed.select_dtypes("number").columns
    assert len(numeric) >= 5
    diff = np.nanmax(np.abs(fast_assessed[numeric].to_numpy() - old_assessed[numeric].to_numpy()))
    assert diff < TOLERANCE
    pd.testing.assert_frame_equal(fast_assessed, old_assessed, rtol=0, atol=TOLERANCE)


def test_warm_up_flattens_boosters_and_skips_the_rest(models) -> None:
    classifier, regressor, _ = models
    forest_module._CACHE.clear()
    forest_module.warm_up(None, object(), classifier, regressor)
    assert classifier.booster_ in forest_module._CACHE
    assert regressor.booster_ in forest_module._CACHE
