"""Lane selection: capacity per office-day, mandatory first, uniform random draw, determinism."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from pydantic import ValidationError
from scipy import stats

from clearlane.selection import (
    SELECTION_COLUMNS,
    Capacity,
    LaneCapacity,
    SelectionPolicy,
    select_lanes,
    selection_summary,
)


def batch(
    n: int,
    *,
    seed: int = 0,
    offices: tuple[str, ...] = ("A", "B", "C"),
    days: int = 3,
    mandatory_rate: float = 0.03,
) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "reference": [f"D{seed}-{i:05d}" for i in range(n)],
            "office": rng.choice(offices, n),
            "declaration_date": pd.Timestamp("2024-05-01")
            + pd.to_timedelta(rng.integers(0, days, n), unit="D")
            + pd.to_timedelta(rng.integers(0, 86_400, n), unit="s"),  # times within the day
            "score": rng.random(n),
            "mandatory": rng.random(n) < mandatory_rate,
            "expected_revenue": rng.lognormal(5, 1, n),
        },
        index=pd.RangeIndex(n) * 3 + 7,
    )


def policy(**kwargs: object) -> SelectionPolicy:
    defaults: dict[str, object] = {
        "capacity": LaneCapacity(red=Capacity(count=10), yellow=Capacity(count=15)),
        "random_share": 0.2,
        "seed": 0,
    }
    defaults.update(kwargs)
    return SelectionPolicy.model_validate(defaults)


def office_day(frame: pd.DataFrame) -> pd.Series:
    return frame["office"].astype(str) + "/" + frame["declaration_date"].dt.strftime("%Y-%m-%d")


def test_output_shape_and_alignment() -> None:
    assessments = batch(500)
    result = select_lanes(assessments, policy())
    assert list(result.columns) == list(SELECTION_COLUMNS)
    assert result.index.equals(assessments.index)
    assert result["reference"].tolist() == assessments["reference"].tolist()
    assert set(result["lane"]) <= {"green", "yellow", "red"}
    green = result["lane"] == "green"
    assert result.loc[green, "selection_reason"].isna().all()
    assert result.loc[green, "selection_reason"].map(lambda v: v is None).all()
    assert set(result.loc[~green, "selection_reason"]) <= {"mandatory", "random", "risk"}


def _bounds(capacity: Capacity, n: int) -> tuple[int, int]:
    if capacity.count is not None:
        return capacity.count, capacity.count
    assert capacity.share is not None
    return int(np.floor(capacity.share * n)), min(n, int(np.ceil(capacity.share * n)))


def test_capacity_is_respected_per_office_day_and_filled_when_possible() -> None:
    assessments = batch(3000, mandatory_rate=0.01)
    pol = policy(
        office_capacity={"B": LaneCapacity(red=Capacity(count=4), yellow=Capacity(share=0.02))}
    )
    result = select_lanes(assessments, pol).assign(key=office_day(assessments))
    for key, rows in result.groupby("key"):
        office = key.split("/")[0]
        cap = pol.capacity_for(office)
        n = len(rows)
        # A share is rounded stochastically per office-day: floor or ceil of share x n.
        red_lo, red_hi = _bounds(cap.red, n)
        yellow_lo, yellow_hi = _bounds(cap.yellow, n)
        mandatory = int((rows["selection_reason"] == "mandatory").sum())
        red = int((rows["lane"] == "red").sum())
        yellow = int((rows["lane"] == "yellow").sum())
        # Full, and only mandatory may exceed it.
        assert max(red_lo, mandatory) <= red <= max(red_hi, mandatory), key
        assert yellow_lo <= yellow <= yellow_hi, key
    summary = selection_summary(result, pol)
    assert (summary["red_used"] <= summary["red_capacity"] + summary["mandatory_overflow"]).all()
    assert (summary["yellow_used"] == summary["yellow_capacity"]).all()
    assert summary["declarations"].sum() == len(assessments)


def test_mandatory_goes_red_first_even_beyond_capacity_and_overflow_is_reported() -> None:
    assessments = batch(200, offices=("A",), days=1, mandatory_rate=0.0)
    assessments.loc[assessments.index[:12], "mandatory"] = True
    assessments.loc[assessments.index[:12], "score"] = 0.0  # low score: mandatory anyway
    pol = policy(capacity=LaneCapacity(red=Capacity(count=5), yellow=Capacity(count=5)))
    result = select_lanes(assessments, pol)
    mandatory = assessments["mandatory"]
    assert (result.loc[mandatory, "lane"] == "red").all()
    assert (result.loc[mandatory, "selection_reason"] == "mandatory").all()
    assert (result.loc[~mandatory, "lane"] != "red").all()  # no red room left for anyone else
    summary = selection_summary(result, pol).iloc[0]
    assert summary["red_mandatory"] == 12 and summary["red_capacity"] == 5
    assert summary["mandatory_overflow"] == 7
    assert summary["random_drawn"] == 0 and summary["random_shortfall"] == 1


def test_risk_top_up_follows_the_score() -> None:
    assessments = batch(600, offices=("A",), days=1, mandatory_rate=0)
    assessments.loc[assessments.index[:2], "mandatory"] = True
    result = select_lanes(assessments, policy(random_share=0.3)).join(assessments[["score"]])
    by_reason = result[result["selection_reason"] == "risk"]
    red_risk = by_reason.loc[by_reason["lane"] == "red", "score"]
    yellow_risk = by_reason.loc[by_reason["lane"] == "yellow", "score"]
    green = result.loc[result["lane"] == "green", "score"]
    assert len(red_risk) == 10 - 2 - 3  # capacity - mandatory - random (30% of 10)
    assert red_risk.min() > yellow_risk.max() > green.max()
    # rank 1..n per office-day by score, highest first
    assert sorted(result["rank"]) == list(range(1, 601))
    assert result.sort_values("rank")["score"].is_monotonic_decreasing


def test_random_share_of_capacity_is_drawn() -> None:
    assessments = batch(4000, offices=("A", "B"), days=4, mandatory_rate=0.0)
    pol = policy(capacity=LaneCapacity(red=Capacity(count=40), yellow=Capacity(count=0)))
    pol = pol.model_copy(update={"random_share": 0.1})
    result = select_lanes(assessments, pol)
    per_day = result[result["selection_reason"] == "random"].groupby(office_day(result)).size()
    assert len(per_day) == 8 and (per_day == 4).all()  # 10% of 40 red slots, every office-day
    assert (result.loc[result["selection_reason"] == "random", "lane"] == "red").all()


def test_random_draw_is_uniform_and_not_score_biased() -> None:
    # 400 office-days with the same 50 scores each: every score position must be drawn about
    # equally often. A score-biased draw (e.g. "random among the top half") fails this.
    groups, size = 400, 50
    scores = np.tile(np.linspace(0, 1, size), groups)
    assessments = pd.DataFrame(
        {
            "reference": [f"R{i:06d}" for i in range(groups * size)],
            "office": np.repeat([f"O{g:03d}" for g in range(groups)], size),
            "declaration_date": pd.Timestamp("2024-01-01"),
            "score": scores,
            "mandatory": False,
        }
    )
    pol = policy(
        capacity=LaneCapacity(red=Capacity(count=20), yellow=Capacity(count=0)), random_share=0.25
    )
    result = select_lanes(assessments, pol, seed=12345)
    drawn = result["selection_reason"].eq("random").to_numpy()
    assert drawn.sum() == groups * 5
    position = np.tile(np.arange(size), groups)
    counts = np.bincount(position[drawn], minlength=size)
    assert stats.chisquare(counts).pvalue > 1e-3
    assert abs(scores[drawn].mean() - 0.5) < 0.03  # mean score of a uniform draw
    assert stats.spearmanr(np.arange(size), counts).statistic == pytest.approx(0, abs=0.35)
    assert counts[-10:].sum() > 0 and counts[:10].sum() > 0  # both ends can be drawn


def test_deterministic_given_seed_and_independent_of_row_order() -> None:
    assessments = batch(1500)
    pol = policy()
    first = select_lanes(assessments, pol)
    pd.testing.assert_frame_equal(first, select_lanes(assessments, pol))
    shuffled = assessments.sample(frac=1, random_state=3)
    again = select_lanes(shuffled, pol).loc[assessments.index]
    pd.testing.assert_frame_equal(first, again)
    other = select_lanes(assessments, pol, seed=1)
    random_first = set(first.loc[first["selection_reason"] == "random", "reference"])
    random_other = set(other.loc[other["selection_reason"] == "random", "reference"])
    assert random_first != random_other
    assert len(random_first) == len(random_other)


def test_empty_batch() -> None:
    empty = batch(0)
    result = select_lanes(empty, policy())
    assert result.empty and list(result.columns) == list(SELECTION_COLUMNS)
    assert selection_summary(result, policy()).empty


def test_capacity_zero_leaves_only_mandatory_controls() -> None:
    assessments = batch(300, mandatory_rate=0.05)
    zero = LaneCapacity(red=Capacity(count=0), yellow=Capacity(share=0))
    result = select_lanes(assessments, policy(capacity=zero))
    controlled = result["lane"] != "green"
    assert controlled.sum() == assessments["mandatory"].sum() > 0
    assert (result.loc[controlled, "selection_reason"] == "mandatory").all()


def test_count_versus_share_capacity() -> None:
    assert Capacity(share=0.1).slots(np.array([25, 24, 0, 4])).tolist() == [3, 2, 0, 0]
    assert Capacity(share=0.15).slots(np.array([10])).tolist() == [2]  # 1.5 rounds up
    assert Capacity(count=3).slots(np.array([25, 1, 0])).tolist() == [3, 3, 3]
    small = batch(2, offices=("A",), days=1, mandatory_rate=0)
    result = select_lanes(small, policy(random_share=0))  # 10 red slots, 2 declarations
    assert (result["lane"] == "red").all()
    with pytest.raises(ValidationError, match="exactly one of share"):
        Capacity(share=0.1, count=3)
    with pytest.raises(ValidationError, match="exactly one of share"):
        Capacity()
    with pytest.raises(ValidationError):
        Capacity(share=1.5)


def test_rank_by_expected_revenue() -> None:
    assessments = batch(400, offices=("A",), days=1, mandatory_rate=0)
    pol = policy(random_share=0)
    by_revenue = select_lanes(assessments, pol, rank_by="expected_revenue")
    red = by_revenue["lane"] == "red"
    top = assessments["expected_revenue"].nlargest(10).index
    assert set(by_revenue.index[red]) == set(top)
    by_score = select_lanes(assessments, pol)
    assert set(by_score.index[by_score["lane"] == "red"]) != set(top)
    with pytest.raises(ValueError, match="expected_revenue"):
        select_lanes(assessments.drop(columns="expected_revenue"), pol, rank_by="expected_revenue")


def test_random_lane_yellow_takes_yellow_capacity() -> None:
    assessments = batch(500, offices=("A",), days=1, mandatory_rate=0)
    pol = policy(random_lane="yellow", random_share=0.4)
    result = select_lanes(assessments, pol)
    random = result["selection_reason"] == "random"
    assert random.sum() == 6 and (result.loc[random, "lane"] == "yellow").all()
    assert (result["lane"] == "yellow").sum() == 15
    assert ((result["lane"] == "red") & (result["selection_reason"] == "risk")).sum() == 10


def test_blue_lane_is_off_by_default_and_fills_after_yellow_when_enabled() -> None:
    assessments = batch(300, offices=("A",), days=1, mandatory_rate=0)
    assert "blue" not in set(select_lanes(assessments, policy())["lane"])
    with pytest.raises(ValidationError, match="blue lane is disabled"):
        policy(capacity=LaneCapacity(red=Capacity(count=1), blue=Capacity(count=5)))
    with pytest.raises(ValidationError, match="blue lane is disabled"):
        policy(random_lane="blue")
    pol = policy(
        blue_enabled=True,
        random_share=0,
        capacity=LaneCapacity(
            red=Capacity(count=5), yellow=Capacity(count=5), blue=Capacity(count=5)
        ),
    )
    result = select_lanes(assessments, pol).join(assessments[["score"]])
    blue = result.loc[result["lane"] == "blue", "score"]
    assert len(blue) == 5
    assert blue.min() > result.loc[result["lane"] == "green", "score"].max()
    assert blue.max() < result.loc[result["lane"] == "yellow", "score"].min()


def test_unscored_declarations_are_never_risk_selected_but_can_be_random() -> None:
    assessments = batch(100, offices=("A",), days=1, mandatory_rate=0)
    assessments["score"] = np.nan
    pol = policy(random_share=1.0)  # all 10 red slots random
    result = select_lanes(assessments, pol)
    assert (result["selection_reason"] == "random").sum() == 10
    assert not (result["selection_reason"] == "risk").any()


def test_missing_office_uses_the_default_capacity() -> None:
    assessments = batch(50, offices=("A",), days=1, mandatory_rate=0)
    assessments["office"] = None
    result = select_lanes(assessments, policy(random_share=0))
    assert (result["lane"] == "red").sum() == 10


def test_bad_input_is_refused() -> None:
    assessments = batch(10)
    with pytest.raises(ValueError, match="lack column"):
        select_lanes(assessments.drop(columns=["score", "mandatory"]), policy())
    duplicated = pd.concat([assessments, assessments.iloc[:1]])
    with pytest.raises(ValueError, match="duplicated reference"):
        select_lanes(duplicated, policy())
    with pytest.raises(ValidationError, match="controlled lane"):
        policy(random_lane="green")


def test_policy_round_trips_through_json() -> None:
    pol = policy(office_capacity={"B": LaneCapacity(red=Capacity(share=0.02))}, seed=42)
    again = SelectionPolicy.from_dict(json.loads(json.dumps(pol.to_dict())))
    assert again == pol and again.version == pol.version
    assert policy().version != pol.version
    with pytest.raises(ValidationError, match="Extra inputs"):
        SelectionPolicy.from_dict({**pol.to_dict(), "random_rate": 0.1})


def test_random_share_holds_over_many_small_office_days() -> None:
    # 40 offices x 60 days with 8 declarations each: red capacity 5% = 0.4 -> 0 or 1 slot, and
    # 10% of that rounds to zero everywhere if rounded half up. Stochastic rounding keeps the
    # configured share overall.
    rng = np.random.default_rng(3)
    rows = [
        (f"R{o}-{d}-{i}", f"O{o}", pd.Timestamp("2025-01-01") + pd.Timedelta(days=d))
        for o in range(40)
        for d in range(60)
        for i in range(8)
    ]
    batch = pd.DataFrame(rows, columns=["reference", "office", "declaration_date"])
    batch["score"] = rng.random(len(batch))
    batch["mandatory"] = False
    policy = SelectionPolicy(
        capacity=LaneCapacity(red=Capacity(share=0.5), yellow=Capacity(share=0.0)),
        random_share=0.1,
        seed=11,
    )
    out = select_lanes(batch, policy)
    red_slots = 40 * 60 * 4
    random = int((out["selection_reason"] == "random").sum())
    assert abs(random - 0.1 * red_slots) < 0.1 * red_slots * 0.15
    assert int((out["lane"] == "red").sum()) == red_slots


def test_small_office_days_get_the_configured_share_overall() -> None:
    # 3,000 declarations spread over 365 days x 6 offices: 5 % of one or two declarations
    # rounds to zero half up, so no office-day would ever be controlled.
    rows = [
        (f"S{i}", f"O{i % 6}", pd.Timestamp("2025-01-01") + pd.Timedelta(days=i % 365))
        for i in range(3000)
    ]
    batch_ = pd.DataFrame(rows, columns=["reference", "office", "declaration_date"])
    batch_["score"] = np.linspace(0, 1, len(batch_))
    batch_["mandatory"] = False
    pol = SelectionPolicy(
        capacity=LaneCapacity(red=Capacity(share=0.05), yellow=Capacity(share=0.10)), seed=4
    )
    out = select_lanes(batch_, pol)
    assert 0.035 * 3000 <= (out["lane"] == "red").sum() <= 0.065 * 3000
    assert 0.08 * 3000 <= (out["lane"] == "yellow").sum() <= 0.12 * 3000


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("capacity: {red: {share: true}}", "capacity.red.share"),
        ("capacity: {red: {count: yes}}", "capacity.red.count"),
        ("office_capacity: {B: {exploration: true}}", "office_capacity.B.exploration"),
        ("random_share: false", "random_share"),
        ("seed: true", "seed"),
    ],
)
def test_policy_numbers_refuse_booleans(text: str, field: str) -> None:
    """YAML ``share: true`` read as 1.0 (every declaration controlled) and ``seed: yes`` as 1:
    a boolean in any number of the policy is refused, naming the field."""
    import yaml

    with pytest.raises(ValidationError) as caught:
        SelectionPolicy.from_dict(yaml.safe_load(text))
    (error,) = caught.value.errors()
    assert ".".join(str(p) for p in error["loc"]) == field
    assert "is not a number" in error["msg"]


def test_the_shared_test_policies_route_every_declaration_to_their_lane() -> None:
    """``tests.factories.ALL_RED`` and ``ALL_GREEN`` (session 24: moved there from
    tests/intake/test_reasons_flagged_only.py, which four other test modules imported them
    from) do what their names say, mandatory controls aside."""
    from tests.factories import ALL_GREEN, ALL_RED

    assessments = batch(300, mandatory_rate=0.0)
    assert set(select_lanes(assessments, ALL_RED)["lane"]) == {"red"}
    assert set(select_lanes(assessments, ALL_GREEN)["lane"]) == {"green"}
