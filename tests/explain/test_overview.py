"""Global explanations: importance two ways and partial dependence, from the real model."""

from __future__ import annotations

import numpy as np
import pytest

from clearlane.explain import explain
from clearlane.explain.overview import global_explanations


def test_importance_and_partial_dependence(engine, data) -> None:
    _, new = data
    got = global_explanations(engine, new, top=4, pd_rows=150)
    assert got["available"] and got["rows"] == len(new) and got["pd_rows"] == 150
    importance = got["importance"]
    assert set(importance) == set(engine.fraud.columns)
    # mean |SHAP| equals the per-row contributions averaged by hand (single-item rows here:
    # a row's contributions are its own declaration's only when it is the riskiest item).
    single = new["reference"].map(new["reference"].value_counts()) == 1
    rows = new[single]
    by_hand = np.mean(
        [[abs(v) for v in e.model_contributions.values()] for e in explain(engine, rows)], axis=0
    )
    columns = list(explain(engine, rows.head(1))[0].model_contributions)
    sub = global_explanations(engine, rows)
    for name, value in zip(columns, by_hand, strict=True):
        assert sub["importance"][name]["mean_abs_shap"] == pytest.approx(value, rel=1e-9, abs=1e-12)
    ranked = [v["mean_abs_shap"] for v in importance.values()]
    assert ranked == sorted(ranked, reverse=True)
    gain = engine.fraud.importance()
    top_gain = gain.index[0]
    assert importance[top_gain]["gain"] == pytest.approx(gain.iloc[0])
    assert sum(v["gain_share"] for v in importance.values()) == pytest.approx(1.0)
    curves = got["partial_dependence"]
    assert 1 <= len(curves) <= 4
    for name, curve in curves.items():
        assert name in importance and name not in engine.fraud.categorical
        assert len(curve["grid"]) == len(curve["average"]) >= 2
        assert curve["grid"] == sorted(curve["grid"])
        assert all(0.0 <= p <= 1.0 for p in curve["average"])


def test_without_a_model_the_overview_says_so(bare_engine, data) -> None:
    got = global_explanations(bare_engine, data[1])
    assert got["available"] is False and "no supervised model" in got["note"]
