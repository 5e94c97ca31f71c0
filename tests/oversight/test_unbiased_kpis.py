"""Non-compliance estimates corrected for selection: IPW over random controls in the KPIs."""

from __future__ import annotations

from datetime import UTC, date, datetime

import numpy as np
import pytest
from sqlalchemy.orm import Session, sessionmaker

from clearlane.oversight import record_assessments
from clearlane.oversight.kpis import targeting_kpis
from clearlane.selection.ipw import ipw_sample_weight, weighted_rate
from clearlane.store.tables import ControlResultRow


def test_weighted_rate_recovers_the_population_rate_that_the_selection_hides() -> None:
    rng = np.random.default_rng(0)
    n = 200_000
    risky = rng.random(n) < 0.1
    y = rng.random(n) < np.where(risky, 0.6, 0.05)  # population rate 0.105
    pi = np.where(risky, 0.5, 0.02)  # risky ones are 25x as likely to be controlled
    drawn = rng.random(n) < pi
    naive = y[drawn].mean()
    est = weighted_rate(y[drawn], pi[drawn])
    assert naive > 0.3  # the controlled hit rate says nothing about the population
    assert est["low"] <= y.mean() <= est["high"]
    assert abs(est["rate"] - y.mean()) < 0.01
    assert est["high"] - est["low"] < 0.03


def test_weighted_rate_interval_covers_at_the_nominal_rate() -> None:
    rng = np.random.default_rng(1)
    covered = 0
    for _ in range(300):
        pi = rng.choice([0.05, 0.2, 0.8], 4000)
        y = rng.random(4000) < np.where(pi > 0.5, 0.4, 0.1)
        drawn = rng.random(4000) < pi
        est = weighted_rate(y[drawn], pi[drawn])
        covered += est["low"] <= y.mean() <= est["high"]
    assert covered / 300 > 0.9


def test_weighted_rate_edges() -> None:
    empty = weighted_rate(np.array([]), np.array([]))
    assert empty["n"] == 0 and empty["rate"] is None
    none_hit = weighted_rate(np.zeros(10), np.full(10, 0.1))
    assert none_hit["rate"] == 0.0 and none_hit["high"] > 0  # Wilson, not a zero-width interval
    unknown = weighted_rate(np.array([1.0, 0.0]), np.array([np.nan, 0.0]))
    assert unknown["n"] == 0


def test_ipw_sample_weight_is_inverse_probability_normalised() -> None:
    weight = ipw_sample_weight(np.array([0.5, 0.05, 1.0, np.nan]))
    assert weight.mean() == 1.0 or abs(weight.mean() - 1.0) < 1e-12
    assert weight[1] / weight[0] == 10.0 or abs(weight[1] / weight[0] - 10.0) < 1e-9
    assert weight[3] == weight[0]  # unknown: the median probability (0.5)


def _routed(i: int, reason: str | None, lane: str, p_random: float, p_inspect: float) -> dict:
    return {
        "reference": f"R{i:05d}",
        "version": 1,
        "declaration_date": date(2025, 3, 1 + i % 20),
        "office": "A",
        "score": 0.5,
        "lane": lane,
        "selection_reason": reason,
        "routing": {
            "draw_id": "x",
            "random_probability": p_random,
            "inspection_probability": p_inspect,
        },
    }


def test_kpis_give_the_ipw_estimate_from_random_controls_beside_the_biased_rate(
    store: sessionmaker[Session],
) -> None:
    rng = np.random.default_rng(3)
    n = 3000
    risky = np.arange(n) < 300
    fraud = rng.random(n) < np.where(risky, 0.7, 0.05)
    p_random = 0.10
    drawn = ~risky & (rng.random(n) < p_random)
    rows, results = [], []
    for i in range(n):
        if risky[i]:
            rows.append(_routed(i, "risk", "red", p_random, 1.0))
        elif drawn[i]:
            rows.append(_routed(i, "random", "red", p_random, p_random))
        else:
            rows.append(_routed(i, None, "green", p_random, p_random))
        if risky[i] or drawn[i]:
            results.append(
                ControlResultRow(
                    declaration_reference=f"R{i:05d}",
                    declaration_version=1,
                    control_type="physical",
                    selection_reason=rows[-1]["selection_reason"],
                    outcome="non_compliant" if fraud[i] else "compliant",
                    severity="minor",
                    irregularities=[],
                    extra_duty=0.0,
                    completed_at=datetime(2025, 4, 1, tzinfo=UTC),
                    content_sha256=f"{i:064d}",
                    payload={},
                    recorded_at=datetime(2025, 4, 1, tzinfo=UTC),
                )
            )
    with store() as session, session.begin():
        record_assessments(session, routed=rows, actor="test")
        session.add_all(results)
    with store() as session:
        kpis = targeting_kpis(session)
    unbiased = kpis["unbiased"]
    biased = unbiased["controlled_biased"]["rate"]
    assert biased > 2 * fraud.mean()  # risk selections dominate the controls
    # Random controls only stand for the non-risky declarations they were drawn from.
    random_est = unbiased["random_controls"]
    assert random_est["n"] == drawn.sum()
    assert random_est["low"] <= fraud[~risky].mean() <= random_est["high"]
    # Every control weighted by its P(controlled) stands for all declarations.
    everything = unbiased["all_controls"]
    assert everything["low"] <= fraud.mean() <= everything["high"]
    assert abs(everything["represents"] - n) < 0.25 * n
    assert "random" in kpis["by_selection_reason"] and "risk" in kpis["by_selection_reason"]


def test_training_weights_go_only_to_a_trainer_that_takes_them() -> None:
    import pandas as pd

    from clearlane.selection.ipw import training_kwargs

    frame = pd.DataFrame({"fraud": [1.0, 0.0, None], "inclusion_probability": [0.1, 1.0, 0.5]})

    def with_weights(frame: pd.DataFrame, *, sample_weight: object = None) -> None: ...

    def without(frame: pd.DataFrame, *, seed: int = 0) -> None: ...

    assert training_kwargs(without, frame) == {}
    assert training_kwargs(with_weights, frame.drop(columns="inclusion_probability")) == {}
    weight = training_kwargs(with_weights, frame)["sample_weight"]
    assert weight.iloc[0] / weight.iloc[1] == pytest.approx(10.0)
    assert weight.iloc[2] == 1.0  # unlabelled rows are not reweighted
