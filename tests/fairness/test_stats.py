"""Intervals behind the bias audit: Wilson, Katz log interval, ratio to the overall rate."""

from __future__ import annotations

import math

import pytest
from scipy.stats import binomtest
from scipy.stats.contingency import relative_risk

from clearlane.fairness.stats import katz_ratio, ratio_to_overall, wilson_interval, z_value


@pytest.mark.parametrize(("k", "n", "confidence"), [(7, 60, 0.95), (0, 12, 0.9), (30, 30, 0.99)])
def test_wilson_interval_agrees_with_scipy(k: int, n: int, confidence: float) -> None:
    ci = binomtest(k, n).proportion_ci(confidence_level=confidence, method="wilson")
    low, high = wilson_interval(k, n, confidence=confidence)
    assert low == pytest.approx(ci.low, abs=1e-12)
    assert high == pytest.approx(ci.high, abs=1e-12)


def test_wilson_interval_with_no_event_starts_at_zero_and_empty_is_nan() -> None:
    low, high = wilson_interval(0, 40, confidence=0.95)
    assert low == 0.0 and 0.0 < high < 0.1
    assert all(math.isnan(v) for v in wilson_interval(0, 0, confidence=0.95))


def test_katz_interval_agrees_with_scipy_when_no_count_is_zero() -> None:
    ratio, low, high = katz_ratio(45, 300, 60, 1200, confidence=0.9)
    reference = relative_risk(45, 300, 60, 1200)
    ci = reference.confidence_interval(confidence_level=0.9)
    assert ratio == pytest.approx(reference.relative_risk)
    assert (low, high) == (pytest.approx(ci.low), pytest.approx(ci.high))


def test_katz_interval_with_a_zero_count_stays_finite() -> None:
    """Many controls and no hit: the upper bound must still say 'low', not (0, inf)."""
    ratio, low, high = katz_ratio(0, 400, 30, 400, confidence=0.95)
    assert ratio == 0.0
    assert 0.0 < low < high < 0.3
    ratio, low, high = katz_ratio(5, 50, 0, 50, confidence=0.95)
    assert math.isinf(ratio) and 0.0 < low < high < math.inf
    assert all(math.isnan(v) for v in katz_ratio(1, 0, 1, 10, confidence=0.95))


def test_wider_confidence_gives_wider_intervals() -> None:
    narrow = katz_ratio(30, 200, 40, 800, confidence=0.8)
    wide = katz_ratio(30, 200, 40, 800, confidence=0.99)
    assert wide[1] < narrow[1] < narrow[0] < narrow[2] < wide[2]


@pytest.mark.parametrize(
    ("k_group", "n_group", "k_rest", "n_rest"), [(30, 100, 50, 900), (2, 400, 9, 60)]
)
def test_ratio_to_overall_follows_from_ratio_to_rest(
    k_group: int, n_group: int, k_rest: int, n_rest: int
) -> None:
    rest_ratio = (k_group / n_group) / (k_rest / n_rest)
    overall = (k_group + k_rest) / (n_group + n_rest)
    share = n_group / (n_group + n_rest)
    assert ratio_to_overall(rest_ratio, share) == pytest.approx((k_group / n_group) / overall)


def test_ratio_to_overall_edges() -> None:
    assert ratio_to_overall(math.inf, 0.25) == pytest.approx(4.0)
    assert ratio_to_overall(0.0, 0.25) == 0.0
    assert math.isnan(ratio_to_overall(math.nan, 0.5))
    with pytest.raises(ValueError, match="confidence"):
        z_value(1.5)
