"""Targeting metrics on hand-checked examples, and the report on a small comparison."""

from __future__ import annotations

import html
import json

import numpy as np
import pandas as pd
import pytest

from clearlane.learn import compare, novel_rows, random_metrics, targeting_metrics, write_report
from tests.factories import make_frame
from tests.risk.fakes import FakeRules


def test_metrics_at_k_by_hand() -> None:
    y = np.array([1, 0, 1, 0, 0, 0, 0, 0, 0, 1] * 10, dtype=float)  # 100 rows, 30 positive
    score = np.linspace(1, 0, 100)  # rank order = row order
    revenue = np.arange(100, dtype=float)
    m = targeting_metrics(y, score, revenue, ks=(0.05, 0.10))
    assert m["precision@5%"] == pytest.approx(2 / 5)  # rows 0..4: positives at 0, 2
    assert m["recall@10%"] == pytest.approx(3 / 30)  # rows 0..9: 0, 2, 9
    assert m["revenue@10%"] == pytest.approx((0 + 2 + 9) / revenue[y == 1].sum())
    perfect = targeting_metrics(y, y, revenue)
    assert perfect["pr_auc"] == pytest.approx(1.0) and perfect["roc_auc"] == pytest.approx(1.0)


def test_random_selection_is_its_expectation() -> None:
    y = np.array([1.0] * 20 + [0.0] * 80)
    m = random_metrics(y, np.ones(100), ks=(0.05,))
    assert m["precision@5%"] == pytest.approx(0.2)
    assert m["recall@5%"] == pytest.approx(0.05) and m["pr_auc"] == pytest.approx(0.2)


def test_novel_rows_exclude_seen_prices_and_mass_pairs() -> None:
    train = pd.DataFrame(
        {"customs_value": [10.0, 20.0], "hs6": ["010101", "020202"], "net_mass_kg": [1.0, 2.0]}
    )
    test = pd.DataFrame(
        {
            "customs_value": [10.0, 30.0, 40.0],
            "hs6": ["999999", "020202", "x"],
            "net_mass_kg": [5.0, 2.0, 3.0],
        }
    )
    assert novel_rows(train, test).tolist() == [False, False, True]


def test_compare_and_offline_report(tmp_path) -> None:
    frame = make_frame(1400, seed=11, days=140)
    cut = frame["declaration_date"].quantile(0.8)
    train, test = frame[frame["declaration_date"] < cut], frame[frame["declaration_date"] >= cut]
    result = compare(train, test, profiles=FakeRules())
    table = result.tables["all rows"]
    expected = {
        "engine",
        "rule baseline",
        "plain LightGBM (default)",
        "logistic regression",
        "decision tree (depth 4)",
        "isolation forest",
        "random (expected)",
    }
    assert expected <= set(table.index)
    assert table.loc["engine", "pr_auc"] > table.loc["random (expected)", "pr_auc"] + 0.2
    assert "critical, all rows" in result.tables
    json_path, html_path = write_report(result, tmp_path)
    page = html_path.read_text(encoding="utf-8")
    assert page.count("<svg") >= 4
    assert "<script" not in page and "http" not in page.replace("http://www.w3.org/2000/svg", "")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert "precision@5%" in data["tables"]["all rows"]["engine"]
    # Global explanations: importance two ways, partial dependence, the tree as rules.
    for section in (
        "Global explanations of the engine model",
        "Feature importance: mean |SHAP| and gain",
        "Partial dependence of the top features",
        "Decision tree comparator as rules",
    ):
        assert section in page
    explained = data["explanations"]
    importance = explained["importance"]
    assert set(importance) == set(result.engine.fraud.columns)
    assert all(v["mean_abs_shap"] >= 0 and v["gain"] >= 0 for v in importance.values())
    assert max(v["mean_abs_shap"] for v in importance.values()) > 0
    curves = explained["partial_dependence"]
    assert 1 <= len(curves) <= 4
    for name, curve in curves.items():
        assert f"Partial dependence: {name}" in page
        assert len(curve["grid"]) == len(curve["average"]) >= 2
    rules = explained["tree_rules"]
    assert rules.startswith("|---") and html.escape(rules) in page
    assert page.count("<svg") >= 4 + 1 + len(curves)


def test_backtest_rolls_monthly_and_trains_only_on_the_past() -> None:
    from clearlane.learn import backtest

    frame = make_frame(900, seed=13, days=100)  # 2023-01-01 .. 2023-04-10
    bt = backtest(frame, min_train_days=60)
    assert sorted(bt["window"].unique()) == ["2023-03", "2023-04"]
    engine = bt[(bt["method"] == "engine") & (bt["scope"] == "all rows")]
    assert len(engine) == 2 and (engine["pr_auc"] > 0.5).all()


def test_unbiased_rates_weight_random_controls_by_their_inclusion_probability() -> None:
    from clearlane.learn.evaluate import random_controls, unbiased_rates

    # Two strata: random controls drew 1 in 2 risky and 1 in 20 ordinary declarations; the
    # risk selections (all risky) inflate the controlled rate.
    rows = []
    for i in range(40):
        rows.append(("risk", 1.0 if i < 30 else 0.0, None))
    for i in range(10):
        rows.append(("random", 1.0 if i < 5 else 0.0, 0.5))  # risky stratum: half fraud
    for i in range(20):
        rows.append(("random", 1.0 if i < 1 else 0.0, 0.05))  # ordinary: 1 in 20
    frame = pd.DataFrame(
        {
            "reference": [f"R{i}" for i in range(len(rows))],
            "selection_reason": [r[0] for r in rows],
            "fraud": [r[1] for r in rows],
            "random_probability": [r[2] for r in rows],
            "duty_at_stake": 1.0,
        }
    )
    assert random_controls(frame).sum() == 30
    rates = unbiased_rates(frame)
    assert rates["controlled_biased"]["rate"] == pytest.approx(36 / 70)
    ipw = rates["random_controls_ipw"]
    # (5 / 0.5 + 1 / 0.05) / (10 / 0.5 + 20 / 0.05) = 30 / 420
    assert ipw["rate"] == pytest.approx(30 / 420)
    assert ipw["design"] == "recorded inclusion probabilities"
    assert ipw["low"] < ipw["rate"] < ipw["high"]


def test_the_baselines_builder_is_the_engines_fit_without_priors() -> None:
    """compare() reuses the engine's fitted history tables for the baselines' features: the
    same features, to the bit, as fitting a default FeatureBuilder on the training rows."""
    from clearlane.features import FeatureBuilder
    from clearlane.learn.evaluate import _baseline_builder
    from clearlane.risk import train_engine

    frame = make_frame(1500, seed=5, days=120)
    dates = pd.to_datetime(frame["declaration_date"])
    cut = dates.min() + pd.Timedelta(days=90)
    train, test = frame[dates < cut], frame[dates >= cut]
    engine = train_engine(train, seed=0)
    reused = _baseline_builder(engine, train)
    assert reused is not None and reused.prior_strengths == {}
    assert engine.builder.prior_strengths  # the engine's own builder keeps its priors
    fitted = FeatureBuilder().fit(train)
    for rows in (train, test):
        pd.testing.assert_frame_equal(
            reused.transform(rows), fitted.transform(rows), check_exact=True
        )
    undated = train.copy()
    undated.loc[undated.index[0], "declaration_date"] = None
    assert _baseline_builder(train_engine(undated, seed=0), undated) is None
