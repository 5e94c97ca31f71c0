"""Confidence intervals for rates and rate ratios (see ``docs/fairness.md``).

* A rate k / n gets the **Wilson score interval** (Wilson 1927): it stays inside [0, 1] and
  keeps its coverage for small n and for rates near 0, where hit rates live. It is the
  closed form; scipy's ``binomtest(k, n).proportion_ci(method="wilson")`` gives the same
  numbers (the tests check it) but also computes an exact p-value, slow for large n.
* A group's rate against the rest's gets the **Katz log interval** of the risk ratio
  (Katz et al. 1978): log RR is nearly normal with variance 1/a - 1/n1 + 1/b - 1/n2. When a
  count is zero the log is undefined; then 0.5 is added to both counts and both totals
  (Haldane-Anscombe), so a group with many controls and no hit still gets a finite, honest
  upper bound instead of an uninformative (0, inf).
* The ratio to the **overall** rate follows from the ratio to the rest: with the group's
  share w of the denominator fixed, overall = w p_g + (1 - w) p_rest, so
  p_g / overall = RR / (w RR + 1 - w), an increasing function of RR; the interval's ends map
  through it exactly.
"""

from __future__ import annotations

import math
from functools import lru_cache

from scipy.stats import norm


def z_value(confidence: float) -> float:
    """The two-sided normal quantile for a confidence level in (0, 1)."""
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1 (exclusive), not {confidence}")
    return _quantile(confidence)


@lru_cache(maxsize=64)
def _quantile(confidence: float) -> float:
    # scipy's ppf costs half a millisecond a call, and an audit calls it for every interval of
    # every group: once per level is enough.
    return float(norm.ppf(0.5 + confidence / 2.0))


def wilson_interval(k: int, n: int, *, confidence: float) -> tuple[float, float]:
    """Wilson score interval of the rate k / n; (nan, nan) when n is 0."""
    if n <= 0:
        return math.nan, math.nan
    z = z_value(confidence)
    p, z2 = k / n, z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def katz_ratio(
    a: int, n1: int, b: int, n2: int, *, confidence: float
) -> tuple[float, float, float]:
    """Risk ratio (a / n1) / (b / n2) with its Katz log interval: (ratio, low, high).

    The point estimate is the plain ratio (0 or inf when a count is zero); only the interval
    uses the zero-cell correction. All nan when either total is zero.
    """
    if n1 <= 0 or n2 <= 0:
        return math.nan, math.nan, math.nan
    if b == 0:
        ratio = math.inf if a else math.nan
    else:
        ratio = (a / n1) / (b / n2)
    if a == 0 or b == 0:
        a_, b_, n1_, n2_ = a + 0.5, b + 0.5, n1 + 0.5, n2 + 0.5
    else:
        a_, b_, n1_, n2_ = float(a), float(b), float(n1), float(n2)
    centre = math.log((a_ / n1_) / (b_ / n2_))
    spread = z_value(confidence) * math.sqrt(max(0.0, 1 / a_ - 1 / n1_ + 1 / b_ - 1 / n2_))
    return ratio, math.exp(centre - spread), math.exp(centre + spread)


def ratio_to_overall(rest_ratio: float, share: float) -> float:
    """Map a group-to-rest ratio to the group-to-overall ratio, given the group's share of
    the denominator (see the module docstring)."""
    if math.isnan(rest_ratio) or not 0.0 < share <= 1.0:
        return math.nan
    if share == 1.0:
        return 1.0
    if math.isinf(rest_ratio):
        return 1.0 / share
    return rest_ratio / (share * rest_ratio + 1.0 - share)
