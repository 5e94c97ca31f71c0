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


def _held_out(days: int, per_day: int, seed: int = 0) -> pd.DataFrame:
    """``days`` x ``per_day`` one-item declarations, one in ten non-compliant."""
    rng = np.random.default_rng(seed)
    n = days * per_day
    return pd.DataFrame(
        {
            "reference": [f"D{i:05d}" for i in range(n)],
            "declaration_date": np.repeat(pd.date_range("2026-01-01", periods=days), per_day),
            "fraud": (rng.random(n) < 0.1).astype(float),
            "duty_at_stake": 1.0,
        }
    )


def test_capacity_comparison_says_one_finding_at_a_small_cut_is_noise() -> None:
    """Issue #11, the demo's precision@5 % (engine 0.294, logistic regression 0.353: 5 and 6
    findings of 17): a baseline that ranks one more finding into a small cut is ahead on the
    point figure, and the paired day bootstrap says that is within the noise."""
    from clearlane.learn.evaluate import capacity_comparison

    frame = _held_out(days=20, per_day=17)  # 340 declarations: 17 at 5 %
    y = frame["fraud"].to_numpy()
    rng = np.random.default_rng(0)  # two rankings of the same quality, independent noise
    scores = {
        "engine": pd.Series(1.5 * y + rng.normal(0, 1, len(y)), index=frame.index),
        "logistic regression": pd.Series(1.5 * y + rng.normal(0, 1, len(y)), index=frame.index),
    }
    table = capacity_comparison(frame, scores, reps=500)
    row = table.loc["vs logistic regression @5%"]
    assert row["cut"] == 17
    assert row["difference"] == pytest.approx(-1 / 17)
    assert row["low"] < row["difference"] < 0 < row["high"]
    assert row["verdict"] == "within the noise"
    assert set(table.index) == {f"vs logistic regression @{k}%" for k in ("1", "2", "5", "10")}


def test_capacity_comparison_sees_a_real_gap_and_resamples_days() -> None:
    """An engine that puts every finding first against a baseline that puts them last is
    ahead at every capacity with an interval above 0; the bootstrap draws whole days."""
    from clearlane.learn.evaluate import capacity_comparison

    frame = _held_out(days=30, per_day=20)
    y = frame["fraud"].to_numpy()
    scores = {
        "engine": pd.Series(y + np.linspace(0, 0.1, len(y)), index=frame.index),
        "rule baseline": pd.Series(-y, index=frame.index),
        "logistic regression": pd.Series(y, index=frame.index),  # ties: broken at random
    }
    table = capacity_comparison(frame, scores, reps=300)
    rules = table[table.index.str.startswith("vs rule baseline")]
    assert (rules["verdict"] == "engine ahead").all() and (rules["low"] > 0).all()
    assert rules.loc["vs rule baseline @5%", "engine"] == 1.0
    assert (rules["baseline"] == 0.0).all()
    # A frame with one day only: every resample is that day, the interval has no width.
    one_day = frame.assign(declaration_date=pd.Timestamp("2026-01-01"))
    single = capacity_comparison(one_day, scores, reps=50, versus=("rule baseline",))
    assert (single["low"] == single["high"]).all()
    # Nothing to compare: no baseline, or a period of one outcome.
    assert capacity_comparison(frame, {"engine": scores["engine"]}).empty
    assert capacity_comparison(frame.assign(fraud=0.0), scores).empty


def test_compare_reports_precision_at_capacity_paired(tmp_path) -> None:
    """`clearlane evaluate` / `train` (compare) carry the paired precision@k table, written to
    report.json and report.html."""
    from clearlane.learn.evaluate import AT_CAPACITY

    frame = make_frame(1400, seed=11, days=140)
    cut = frame["declaration_date"].quantile(0.8)
    train, test = frame[frame["declaration_date"] < cut], frame[frame["declaration_date"] >= cut]
    result = compare(train, test, profiles=FakeRules(), explanations=False)
    table = result.tables[AT_CAPACITY]
    assert {"vs logistic regression @5%", "vs rule baseline @5%"} <= set(table.index)
    at5 = table.loc["vs rule baseline @5%"]
    assert at5["engine"] == pytest.approx(result.tables["all rows"].loc["engine", "precision@5%"])
    assert at5["low"] <= at5["difference"] <= at5["high"]
    json_path, html_path = write_report(result, tmp_path)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["tables"][AT_CAPACITY]["vs rule baseline @5%"]["verdict"] in {
        "engine ahead",
        "engine behind",
        "within the noise",
    }
    assert html.escape(AT_CAPACITY) in html_path.read_text(encoding="utf-8")


def test_train_and_evaluate_print_the_paired_capacity_table() -> None:
    """What `clearlane train`, `evaluate` and `demo` print under the metrics: per baseline and
    capacity, the declarations at the cut, both precisions, the difference with its interval
    and the verdict in words."""
    from io import StringIO

    from rich.console import Console

    from clearlane.demo import print_at_capacity
    from clearlane.learn.evaluate import capacity_comparison

    frame = _held_out(days=20, per_day=17)
    y = frame["fraud"].to_numpy()
    rng = np.random.default_rng(0)
    scores = {
        "engine": pd.Series(1.5 * y + rng.normal(0, 1, len(y)), index=frame.index),
        "rule baseline": pd.Series(1.5 * y + rng.normal(0, 1, len(y)), index=frame.index),
    }
    out = StringIO()
    print_at_capacity(Console(file=out, width=160), capacity_comparison(frame, scores, reps=200))
    text = out.getvalue()
    assert "precision at capacity, engine minus baselines (paired; 95 % day bootstrap)" in text
    assert "[95 %]" in text and "at the cut" in text
    assert "rule baseline" in text and "5%" in text and "within the noise" in text
    print_at_capacity(Console(file=out), None)  # nothing to compare: prints nothing


def _loop_capacity_draws(frame, scores, versus, ks, reps, seed):  # type: ignore[no-untyped-def]
    """The day bootstrap as it was written before session 35: one Python loop per draw."""
    from clearlane.learn.evaluate import _declaration_days, _precision_at_ks, declaration_level

    decl = {n: declaration_level(frame, scores[n].astype(float)) for n in ("engine", *versus)}
    y = decl["engine"]["y"].to_numpy(dtype=float)
    s = {n: np.nan_to_num(d["score"].to_numpy(dtype=float), nan=-np.inf) for n, d in decl.items()}
    days = _declaration_days(frame, decl["engine"].index)
    _, day_of = np.unique(days.astype("datetime64[ns]"), return_inverse=True)
    members = [np.flatnonzero(day_of == d) for d in range(int(day_of.max()) + 1)]
    rng = np.random.default_rng(seed)
    draws = {n: np.empty((reps, len(ks))) for n in versus}
    for i in range(reps):
        idx = rng.permutation(
            np.concatenate([members[j] for j in rng.integers(0, len(members), len(members))])
        )
        ours = _precision_at_ks(y[idx], s["engine"][idx], ks)
        for n in versus:
            draws[n][i] = ours - _precision_at_ks(y[idx], s[n][idx], ks)
    return {n: np.quantile(d, [0.025, 0.975], axis=0) for n, d in draws.items()}


@pytest.mark.parametrize("ks", [(0.01, 0.05, 0.3, 0.8), (0.02, 1.0)])
@pytest.mark.parametrize("seed", [0, 7])
def test_the_partially_sorted_bootstrap_gives_the_full_sorts_interval(seed, ks) -> None:
    """Guard (session 35): the day bootstrap sorts only the largest cut of each draw (days of
    unequal size, so draws of unequal length; ties; missing and -inf scores; a cut of 80 %
    reaching them, and one of 100 %) and gives, for a seed, the interval of a full stable
    sort of every draw to the last bit."""
    from clearlane.learn import evaluate

    rng = np.random.default_rng(seed)
    sizes = rng.integers(1, 25, 18)
    n = int(sizes.sum())
    frame = pd.DataFrame(
        {
            "reference": [f"D{i}" for i in range(n)],
            "declaration_date": np.repeat(pd.date_range("2026-01-01", periods=18), sizes),
            "fraud": (rng.random(n) < 0.15).astype(float),
            "duty_at_stake": 1.0,
        }
    )
    y = frame["fraud"].to_numpy()
    ties = np.round(y + rng.normal(0, 0.6, n), 1)
    holes = np.where(rng.random(n) < 0.1, np.nan, rng.normal(0, 1, n))
    holes[rng.random(n) < 0.05] = -np.inf
    scores = {
        "engine": pd.Series(y + rng.normal(0, 1, n), index=frame.index),
        "rule baseline": pd.Series(ties, index=frame.index),
        "logistic regression": pd.Series(holes, index=frame.index),
    }
    versus = ("logistic regression", "rule baseline")
    table = evaluate.capacity_comparison(frame, scores, ks=ks, reps=120, seed=seed)
    want = _loop_capacity_draws(frame, scores, versus, ks, 120, seed)
    for name in versus:
        for j, k in enumerate(ks):
            row = table.loc[f"vs {name} @{k * 100:g}%"]
            assert (row["low"], row["high"]) == (want[name][0][j], want[name][1][j])
