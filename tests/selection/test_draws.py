"""Keyed random draws: a secret per day, recorded draw ids and inclusion probabilities."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from tests.selection.test_selection import batch

from clearlane.selection import (
    Capacity,
    LaneCapacity,
    SelectionPolicy,
    select_lanes,
    selection_summary,
)
from clearlane.selection.draws import day_key, draw_id, draw_key, keyed_draw


def _policy(**kwargs: object) -> SelectionPolicy:
    base: dict[str, object] = {
        "capacity": LaneCapacity(red=Capacity(count=10), yellow=Capacity(count=15)),
        "random_share": 0.2,
    }
    base.update(kwargs)
    return SelectionPolicy.model_validate(base)


def test_the_default_policy_has_no_seed_and_draws_with_the_settings_secret() -> None:
    assert SelectionPolicy().seed is None
    assessments = batch(600)
    first = select_lanes(assessments, _policy())
    again = select_lanes(assessments.sample(frac=1, random_state=1), _policy())
    pd.testing.assert_frame_equal(first, again.loc[first.index])
    key = draw_key()
    day = assessments["declaration_date"].iloc[0]
    assert first["draw_id"].iloc[0] == draw_id(key, day)
    assert first["draw"].iloc[0] == keyed_draw(
        assessments["reference"].iloc[0], 1, key=key, day=day
    )
    # another secret draws other declarations
    other = select_lanes(assessments, _policy(), key=b"another secret")
    picked = set(first.loc[first["selection_reason"] == "random", "reference"])
    assert picked != set(other.loc[other["selection_reason"] == "random", "reference"])


def test_each_day_has_its_own_key_and_a_public_id_that_does_not_reveal_it() -> None:
    key = b"k" * 32
    assert day_key(key, "2024-05-01") != day_key(key, "2024-05-02")
    assert draw_id(key, "2024-05-01").startswith("2024-05-01:")
    assert day_key(key, "2024-05-01").hex()[:12] not in draw_id(key, "2024-05-01")
    assert keyed_draw("R", 1, key=key, day="2024-05-01") != keyed_draw(
        "R", 1, key=key, day="2024-05-02"
    )


def test_a_seeded_run_says_so() -> None:
    result = select_lanes(batch(200), _policy(seed=5))
    assert set(result["draw_id"]) == {"seed:5"}


def test_random_probability_is_the_random_slots_over_the_eligible() -> None:
    assessments = batch(3000, mandatory_rate=0.05)
    result = select_lanes(assessments, _policy(seed=3))
    key = assessments["office"] + assessments["declaration_date"].dt.strftime("%F")
    for _, rows in result.groupby(key):
        mandatory = assessments.loc[rows.index, "mandatory"]
        drawn = (rows["selection_reason"] == "random").sum()
        eligible = (~mandatory).sum()
        assert rows.loc[~mandatory, "random_probability"].to_numpy() == pytest.approx(
            drawn / eligible
        )
        assert (rows.loc[mandatory, "inspection_probability"] == 1).all()
    assert (result["inspection_probability"] >= result["random_probability"] - 1e-12).all()


def test_inspection_probability_matches_the_selection_frequency_over_many_draws() -> None:
    """P(controlled) recorded by the policy equals how often a declaration is controlled when
    the draw is repeated (the score ranks are fixed, only the seed changes)."""
    n = 200
    day = pd.DataFrame(
        {
            "reference": [f"R{i:04d}" for i in range(n)],
            "office": "A",
            "declaration_date": pd.Timestamp("2024-05-01"),
            "score": np.linspace(0.0, 1.0, n),
            "mandatory": False,
        }
    )
    pol = SelectionPolicy(
        capacity=LaneCapacity(red=Capacity(count=20), yellow=Capacity(count=0), exploration=0.2),
        random_share=0.3,
    )
    runs = [select_lanes(day, pol, seed=s) for s in range(400)]
    controlled = np.mean([r["lane"].ne("green").to_numpy() for r in runs], axis=0)
    predicted = runs[0]["inspection_probability"].to_numpy()
    assert np.abs(controlled - predicted).max() < 0.1
    assert abs(controlled.sum() - predicted.sum()) < 1.0
    # the recorded probability varies across the rank, as it should near the cut
    assert predicted.min() < 0.3 and predicted.max() == pytest.approx(1.0)


def test_exploration_spends_its_share_on_the_least_known_with_recorded_probabilities() -> None:
    n, days = 400, 30
    rng = np.random.default_rng(0)
    frames = []
    for d in range(days):
        frames.append(
            pd.DataFrame(
                {
                    "reference": [f"D{d:02d}-{i:04d}" for i in range(n)],
                    "office": "A",
                    "declaration_date": pd.Timestamp("2024-05-01") + pd.Timedelta(days=d),
                    "score": rng.beta(0.5, 3.0, n),
                    "mandatory": False,
                }
            )
        )
    batch_ = pd.concat(frames, ignore_index=True)
    pol = SelectionPolicy(
        capacity=LaneCapacity(red=Capacity(count=20), yellow=Capacity(count=0), exploration=0.25),
        random_share=0.25,
        seed=9,
    )
    result = select_lanes(batch_, pol)
    day = batch_["declaration_date"]
    per_day = result.groupby(day)["selection_reason"]
    assert (per_day.apply(lambda r: (r == "exploration").sum()) == 5).all()
    assert (per_day.apply(lambda r: (r == "random").sum()) == 5).all()
    assert (per_day.apply(lambda r: (r == "risk").sum()) == 10).all()
    assert (result.groupby(day)["lane"].apply(lambda r: (r == "red").sum()) == 20).all()
    explored = result["selection_reason"] == "exploration"
    # Exploration prefers uncertain scores (near 0.5) to sure ones (near 0).
    score = batch_["score"]
    assert score[explored].sub(0.5).abs().mean() < score[~explored].sub(0.5).abs().mean() - 0.1
    # Its probabilities are recorded, sum to the slots over the pool, and are all positive.
    pool = result["exploration_probability"] > 0
    assert explored.le(pool).all()
    sums = result.loc[pool, "exploration_probability"].groupby(day[pool]).sum()
    assert np.allclose(sums, 5.0)
    assert (result.loc[explored, "inspection_probability"] > 0).all()
    assert "exploration_drawn" in selection_summary(result, pol).columns


def test_online_exploration_below_the_cuts_with_its_probability() -> None:
    from clearlane.selection.online import Cuts, OfficeShares, route_one

    cuts = Cuts(red=0.9, yellow=0.8, source="office", n=500, explore_norm=0.5)
    shares = OfficeShares("A", red=0.10, yellow=0.0, random=0.1, exploration=0.3)
    uncertain = route_one(score=0.5, mandatory=False, cuts=cuts, shares=shares, draw=0.5)
    assert uncertain.exploration_probability == pytest.approx(0.3 * 0.1 * 1.0 / 0.5)
    p_random = 0.1 * 0.1
    assert uncertain.random_probability == pytest.approx(p_random)
    inside = p_random + uncertain.exploration_probability / 2
    explored = route_one(score=0.5, mandatory=False, cuts=cuts, shares=shares, draw=inside)
    assert explored.selection_reason is not None
    assert explored.selection_reason.value == "exploration" and explored.lane.value == "red"
    sure = route_one(score=0.01, mandatory=False, cuts=cuts, shares=shares, draw=inside)
    assert sure.exploration_probability < uncertain.exploration_probability
    assert sure.lane.value == "green"
    risky = route_one(score=0.95, mandatory=False, cuts=cuts, shares=shares, draw=0.99)
    assert risky.exploration_probability == 0.0 and risky.inspection_probability == 1.0
    payload = explored.as_dict()
    assert payload["exploration_probability"] == explored.exploration_probability
    assert payload["inspection_probability"] == pytest.approx(
        p_random + explored.exploration_probability
    )


def test_a_kept_day_key_is_the_hmac_of_its_day() -> None:
    # session 24: day keys are kept per (key, day text) and a calendar date skips
    # pd.Timestamp; the bytes and the refusal of a day pandas cannot hold are unchanged
    import hashlib
    import hmac
    from datetime import date, datetime

    key = b"k" * 32
    for day, text in (
        (date(2026, 12, 6), "2026-12-06"),
        (datetime(2026, 12, 6, 23, 59), "2026-12-06"),
        (pd.Timestamp("2026-12-06 08:00"), "2026-12-06"),
        ("2026-12-06", "2026-12-06"),
        (None, "undated"),
        (float("nan"), "undated"),
        (date(1678, 1, 1), "1678-01-01"),
        (date(2261, 12, 31), "2261-12-31"),
    ):
        expected = hmac.new(key, b"day:" + text.encode(), hashlib.sha256).digest()
        assert day_key(key, day) == expected
        assert day_key(key, day) == expected  # kept: the same bytes again
    assert day_key(b"j" * 32, date(2026, 12, 6)) != day_key(key, date(2026, 12, 6))
    for far in (date(1, 1, 1), date(1677, 12, 31), date(2262, 1, 1), date(9999, 12, 31)):
        try:  # outside pandas' nanosecond range: what pd.Timestamp did, error or text
            text = pd.Timestamp(far).date().isoformat()
        except Exception as error:  # noqa: BLE001
            with pytest.raises(type(error)):
                day_key(key, far)
        else:
            assert day_key(key, far) == hmac.new(key, b"day:" + text.encode(), "sha256").digest()
