"""Label checks, comparators and the calibrated model."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clearlane.config import get_settings
from clearlane.features import FeatureBuilder
from clearlane.risk import InsufficientLabelsError, TreeComparator
from clearlane.risk.supervised import BinaryModel, check_labels, model_columns


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ([np.nan] * 100, "no 'fraud' labels"),
        ([0.0] * 100, "one class only"),
        ([1.0] * 100, "all 100 controlled rows are non-compliant"),
        ([0.0, 1.0] * 10, "only 20 rows"),
        ([0.0] * 98 + [1.0] * 2, "only 2 positive"),
    ],
)
def test_check_labels_says_what_is_lacking(labels: list, message: str) -> None:
    with pytest.raises(InsufficientLabelsError, match=message):
        check_labels(pd.Series(labels))


def test_tree_prints_as_rules(synth: pd.DataFrame) -> None:
    tree = TreeComparator(max_depth=2).fit(synth)
    text = tree.rules_text()
    assert "|---" in text and "class:" in text
    assert any(name in text for name in tree.columns)


def test_calibration_improves_probabilities_on_later_rows(synth: pd.DataFrame) -> None:
    b = FeatureBuilder()
    x = b.fit_transform_point_in_time(synth)
    num, cats = model_columns(b)
    a, v, c, t = np.array_split(np.arange(len(synth)), [800, 1000, 1250])
    y = synth["fraud"]
    model = BinaryModel(imbalance="weights", columns=num + cats, categorical=cats).fit(
        x.iloc[a], y.iloc[a], x_val=x.iloc[v], y_val=y.iloc[v], x_cal=x.iloc[c], y_cal=y.iloc[c]
    )
    p, raw, truth = model.predict(x.iloc[t]), model.raw(x.iloc[t]), y.iloc[t].to_numpy()
    assert ((p >= 0) & (p <= 1)).all()
    assert abs(p.mean() - truth.mean()) < 0.05
    # Class weights push raw scores up; calibration must not make the Brier score worse.
    assert np.mean((p - truth) ** 2) <= np.mean((raw - truth) ** 2) + 1e-9
    assert model.importance().index[0] in num + cats


def test_the_tree_cap_holds_for_the_refits_and_two_threads_predict_the_same(
    synth: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``n_estimators`` caps the served model even where the selected number of trees, scaled
    to all rows, would exceed it (the critical-case model's guard against a wandering early
    stop); and prediction split over two threads gives the one-thread predictions."""
    import clearlane.risk.supervised as supervised
    from clearlane.features.builder import FeatureMatrix
    from clearlane.risk.engine import time_blocks

    b = FeatureBuilder()
    x = b.fit_transform_point_in_time(synth)
    num, cats = model_columns(b)
    known = synth["fraud"].notna().to_numpy()
    y = synth.loc[known, "fraud"].astype(int).to_numpy()
    blocks = time_blocks(synth.loc[known, "declaration_date"], 4)
    params = {**supervised.ENGINE_PARAMS, "n_estimators": 12, "learning_rate": 0.01}
    model = BinaryModel(
        imbalance="weights",
        params=params,
        columns=num + cats,
        categorical=cats,
        min_gbdt_positives=5,
    )
    model.fit_crossfit(x[known], y, blocks)
    assert model.kind == "lightgbm"
    # 12 trees at most at selection; scaled by all rows / selection rows it would be more.
    assert model.best_iteration * known.sum() / (blocks < blocks.max()).sum() > 12
    assert model.n_trees == 12 and model.model is not None
    assert model.model.booster_.num_trees() == 12

    matrix = FeatureMatrix.from_frame(x)
    one = model.raw(matrix)
    monkeypatch.setattr(supervised, "PREDICT_THREAD_ROWS", 2)
    monkeypatch.setenv("CLEARLANE_SCORE_THREADS", "3")
    get_settings.cache_clear()
    calls: list[int] = []
    booster = model.model.booster_
    real = booster.predict

    def spy(data: np.ndarray, **kwargs: object) -> np.ndarray:
        calls.append(int(kwargs["num_threads"]))  # type: ignore[call-overload]
        return real(data, **kwargs)

    monkeypatch.setattr(booster, "predict", spy)
    assert np.array_equal(model.raw(matrix), one)
    assert calls == [3]  # the score_threads setting


def test_imbalance_none_trains_on_the_rows_as_they_are(synth: pd.DataFrame) -> None:
    """Issue #11's ablation needs the fraud model without class weights: ``imbalance="none"``
    trains, early-stops and refits without ``scale_pos_weight`` (before, any method but SMOTE
    silently got the weights). ``"auto"`` still chooses between weights and SMOTE only: the
    rows as they are did not help the never-seen rows on KCS 2020."""
    from clearlane.risk.engine import time_blocks

    b = FeatureBuilder()
    x = b.fit_transform_point_in_time(synth)
    num, cats = model_columns(b)
    known = synth["fraud"].notna().to_numpy()
    y = synth.loc[known, "fraud"].astype(int).to_numpy()
    blocks = time_blocks(synth.loc[known, "declaration_date"], 4)
    params = {"n_estimators": 30, "learning_rate": 0.1, "num_leaves": 7, "min_child_samples": 5}

    def fitted(imbalance: str) -> BinaryModel:
        model = BinaryModel(
            imbalance=imbalance,  # type: ignore[arg-type]
            params=params,
            columns=num + cats,
            categorical=cats,
            min_gbdt_positives=5,
        )
        model.fit_crossfit(x[known], y, blocks)
        return model

    plain, weighted, auto = fitted("none"), fitted("weights"), fitted("auto")
    assert plain.chosen == "none" and plain.model is not None and weighted.model is not None
    assert plain.model.get_params().get("scale_pos_weight", 1.0) == 1.0
    assert weighted.model.get_params()["scale_pos_weight"] > 1.0
    # Unweighted, the raw score sits on the training rows' base rate; weighted, above it.
    base = y.mean()
    assert abs(plain.raw(x[known]).mean() - base) < abs(weighted.raw(x[known]).mean() - base)
    assert set(auto.selection) == {"weights", "smote"}


def test_a_calibration_never_reverses_the_model_order() -> None:
    """Issue #11: out-of-fold scores that happen to be anti-correlated with the labels (as on
    the weakest few-label KCS slice, 35 positives) gave a Platt fit with a negative slope, which
    reversed the model's ranking. Whatever the calibration rows say, the calibrated map must
    keep the raw order (or tie), for Platt (< 50 positives) and isotonic (>= 50) alike."""
    from clearlane.risk.supervised import _apply_calibrator, _calibrator

    rng = np.random.default_rng(0)
    grid = np.linspace(0.001, 0.999, 2001)
    for positives in (35, 80):
        raw = rng.uniform(0.05, 0.95, 500)
        # The highest raw scores are the negatives: a perfectly reversed calibration slice.
        y = np.zeros(500, dtype=int)
        y[np.argsort(raw)[:positives]] = 1
        cal = _calibrator(raw, y)
        assert np.all(np.diff(_apply_calibrator(cal, grid)) >= 0), positives
        # A sensible probability: the slice's base rate on its own rows.
        assert abs(float(_apply_calibrator(cal, raw).mean()) - positives / 500) < 0.01, positives
