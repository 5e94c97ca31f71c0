"""Lane selection under capacity, in ASYCUDA order: criteria -> random -> top-up.

Per office and day:

1. **mandatory** — declarations a mandatory profile hit go red, even beyond red capacity
   (mandatory is mandatory; the excess is reported as overflow, never dropped);
2. **random** — ``random_share`` of the random lane's capacity is drawn uniformly (seeded)
   from the non-mandatory rest, whatever their score: this is the unbiased sample that
   measures targeting and trains the next model; it never pushes a lane beyond capacity;
3. **risk** — the remaining red capacity is filled by rank (score or expected revenue), then
   yellow (then blue, if enabled); declarations without a score are not risk-selected;
4. everything else is green.

Everything is computed with array operations over the whole batch; Python loops run over
distinct offices only.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from clearlane.core.schema.enums import Lane, SelectionReason
from clearlane.selection.policy import SelectionPolicy

__all__ = ["SELECTION_COLUMNS", "select_lanes", "selection_summary"]

SELECTION_COLUMNS = ("reference", "lane", "selection_reason", "rank", "office", "declaration_date")
_REQUIRED = ("reference", "office", "declaration_date", "score", "mandatory")


def _office_days(frame: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """Group id per row and one row per office-day (office, day, declarations)."""
    day = pd.to_datetime(frame["declaration_date"], errors="coerce")
    if isinstance(day.dtype, pd.DatetimeTZDtype):
        day = day.dt.tz_localize(None)
    keys = pd.DataFrame({"office": frame["office"].to_numpy(), "day": day.dt.normalize()})
    grouped = keys.groupby(["office", "day"], dropna=False, sort=True)
    group = grouped.ngroup().to_numpy()
    table = grouped.size().rename("declarations").reset_index()
    return group, table


def _rounding_jitter(table: pd.DataFrame, seed: int, salt: str = "random") -> np.ndarray:
    """A uniform number in [0, 1) per office-day, fixed by (seed, salt, office, day)."""
    values = [
        int.from_bytes(
            hashlib.blake2b(f"{seed}|{salt}|{office}|{day}".encode(), digest_size=8).digest(),
            "big",
        )
        / 2.0**64
        for office, day in zip(table["office"], table["day"], strict=True)
    ]
    return np.asarray(values, dtype=float)


def _capacity_jitter(
    table: pd.DataFrame, policy: SelectionPolicy, seed: int
) -> dict[Lane, np.ndarray]:
    return {lane: _rounding_jitter(table, seed, f"capacity-{lane.value}") for lane in policy.lanes}


def _within_group_position(
    group: np.ndarray, order: np.ndarray, eligible: np.ndarray
) -> np.ndarray:
    """1-based position of each eligible row within its group in ``order`` (0 if ineligible)."""
    sorted_group = group[order]
    sorted_eligible = eligible[order].astype(np.int64)
    running = pd.Series(sorted_eligible).groupby(sorted_group).cumsum().to_numpy()
    position = np.zeros(len(group), dtype=np.int64)
    position[order] = np.where(sorted_eligible == 1, running, 0)
    return position


def select_lanes(
    assessments: pd.DataFrame,
    policy: SelectionPolicy,
    *,
    seed: int | None = None,
    rank_by: str | None = None,
) -> pd.DataFrame:
    """Assign a lane and a selection reason to every declaration of a batch.

    Args:
        assessments: one row per declaration with ``reference``, ``office``,
            ``declaration_date``, ``score``, ``mandatory`` and, to rank by it,
            ``expected_revenue``.
        policy: capacities, random share and lane, seed, ranking.
        seed: overrides ``policy.seed`` (e.g. a secret derived per day).
        rank_by: overrides ``policy.rank_by`` ("score" or "expected_revenue").

    Returns:
        A frame aligned on ``assessments.index`` with columns ``reference``, ``lane``
        (green/yellow/red/blue), ``selection_reason`` (mandatory/random/risk, None for green),
        ``rank`` (1 = highest priority within the office-day), ``office``, ``declaration_date``.
        The same batch, policy and seed always give the same result, whatever the row order.
    """
    missing = [c for c in _REQUIRED if c not in assessments.columns]
    rank_by = rank_by or policy.rank_by
    if rank_by not in ("score", "expected_revenue"):
        raise ValueError(f"rank_by must be 'score' or 'expected_revenue', not {rank_by!r}")
    if rank_by not in assessments.columns and rank_by not in missing:
        missing.append(rank_by)
    if missing:
        raise ValueError(f"assessments lack column(s): {', '.join(missing)}")
    n = len(assessments)
    reference = assessments["reference"]
    ref_order, distinct = pd.factorize(reference, sort=True)
    if len(distinct) < n:
        duplicated = reference[reference.duplicated()].unique()[:5]
        raise ValueError(
            "one row per declaration is expected; duplicated reference(s): "
            + ", ".join(map(str, duplicated))
        )
    lane_code = np.zeros(n, dtype=np.int8)  # index into _LANES
    reason_code = np.zeros(n, dtype=np.int8)  # index into _REASONS
    rank = np.zeros(n, dtype=np.int64)
    if n:
        _select(assessments, policy, seed, rank_by, ref_order, lane_code, reason_code, rank)
    return pd.DataFrame(
        {
            "reference": reference.to_numpy(),
            "lane": pd.Series(_LANE_NAMES[lane_code], index=assessments.index, dtype=str),
            # object dtype keeps None for green rows (a str dtype would turn it into NaN)
            "selection_reason": pd.Series(
                _REASON_NAMES[reason_code], index=assessments.index, dtype=object
            ),
            "rank": rank,
            "office": assessments["office"].to_numpy(),
            "declaration_date": assessments["declaration_date"].to_numpy(),
        },
        index=assessments.index,
    )


_LANES = (Lane.GREEN, Lane.YELLOW, Lane.RED, Lane.BLUE)
_LANE_NAMES = np.array([lane.value for lane in _LANES], dtype=object)
_REASONS = (None, SelectionReason.RISK, SelectionReason.RANDOM, SelectionReason.MANDATORY)
_REASON_NAMES = np.array([None if r is None else r.value for r in _REASONS], dtype=object)


def _select(
    assessments: pd.DataFrame,
    policy: SelectionPolicy,
    seed: int | None,
    rank_by: str,
    ref_order: np.ndarray,
    lane_code: np.ndarray,
    reason_code: np.ndarray,
    rank: np.ndarray,
) -> None:
    """Fill ``lane_code``, ``reason_code`` and ``rank`` in place for a non-empty batch."""
    n = len(assessments)
    group, table = _office_days(assessments)
    mandatory = assessments["mandatory"].fillna(False).to_numpy(dtype=bool)
    key = pd.to_numeric(assessments[rank_by], errors="coerce").to_numpy(dtype=float)
    scored = np.isfinite(key)

    # Risk order within each office-day: highest key first, unscored last, ties by reference.
    risk_order = np.lexsort((ref_order, np.where(scored, -key, np.inf), group))
    rank[:] = _within_group_position(group, risk_order, np.ones(n, dtype=bool))

    sizes = table["declarations"].to_numpy()
    chosen_seed = policy.seed if seed is None else seed
    caps = policy.capacities(
        table["office"].to_numpy(), sizes, _capacity_jitter(table, policy, chosen_seed)
    )
    mandatory_count = np.bincount(group, weights=mandatory, minlength=len(table)).astype(int)

    # 2. Random draw: a seeded uniform key per row, assigned in a canonical order (office, day,
    # reference) so that shuffling the input rows changes nothing.
    rng = np.random.default_rng(policy.seed if seed is None else seed)
    canonical = np.lexsort((ref_order, group))
    draw = np.empty(n)
    draw[canonical] = rng.random(n)
    random_lane = policy.random_lane
    room = caps[random_lane] - (mandatory_count if random_lane is Lane.RED else 0)
    jitter = _rounding_jitter(table, policy.seed if seed is None else seed)
    target = policy.random_target(caps[random_lane], jitter)
    random_slots = np.minimum(target, np.maximum(room, 0))
    random_position = _within_group_position(group, np.lexsort((draw, group)), ~mandatory)
    random = ~mandatory & (random_position >= 1) & (random_position <= random_slots[group])
    random_drawn = np.bincount(group, weights=random, minlength=len(table)).astype(int)

    # 3. Top-up by rank: red, then yellow, then blue, each with what is left of its capacity.
    available = ~mandatory & ~random & scored
    risk_position = _within_group_position(group, risk_order, available)
    start = np.zeros(len(table), dtype=np.int64)
    for lane in policy.lanes:
        used = (mandatory_count if lane is Lane.RED else 0) + (
            random_drawn if lane is random_lane else 0
        )
        end = start + np.maximum(caps[lane] - used, 0)
        chosen = available & (risk_position > start[group]) & (risk_position <= end[group])
        lane_code[chosen] = _LANES.index(lane)
        reason_code[chosen] = _REASONS.index(SelectionReason.RISK)
        start = end
    lane_code[random] = _LANES.index(random_lane)
    reason_code[random] = _REASONS.index(SelectionReason.RANDOM)
    lane_code[mandatory] = _LANES.index(Lane.RED)
    reason_code[mandatory] = _REASONS.index(SelectionReason.MANDATORY)


def selection_summary(selection: pd.DataFrame, policy: SelectionPolicy) -> pd.DataFrame:
    """Per office-day: counts per lane and reason, capacity, capacity used and overflow.

    ``mandatory_overflow`` counts mandatory controls beyond red capacity;
    ``random_shortfall`` counts random controls the policy wanted but capacity left no room
    for (after mandatory controls), which thins the unbiased sample and deserves attention.
    """
    columns = [
        "office",
        "day",
        "declarations",
        *(f"{lane.value}_{reason.value}" for lane, reason in _lane_reasons(policy)),
        "green",
        *(f"{lane.value}_capacity" for lane in policy.lanes),
        *(f"{lane.value}_used" for lane in policy.lanes),
        "mandatory_overflow",
        "random_target",
        "random_drawn",
        "random_shortfall",
    ]
    if selection.empty:
        return pd.DataFrame(columns=columns)
    group, table = _office_days(selection)
    sizes = table["declarations"].to_numpy()
    caps = policy.capacities(
        table["office"].to_numpy(), sizes, _capacity_jitter(table, policy, policy.seed)
    )
    lane = selection["lane"].to_numpy(dtype=object)
    reason = selection["selection_reason"].to_numpy(dtype=object)

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(group, weights=mask, minlength=len(table)).astype(np.int64)

    for this_lane, this_reason in _lane_reasons(policy):
        table[f"{this_lane.value}_{this_reason.value}"] = count(
            (lane == this_lane.value) & (reason == this_reason.value)
        )
    table["green"] = count(lane == Lane.GREEN.value)
    for this_lane in policy.lanes:
        table[f"{this_lane.value}_capacity"] = caps[this_lane]
    for this_lane in policy.lanes:
        table[f"{this_lane.value}_used"] = count(lane == this_lane.value)
    table["mandatory_overflow"] = np.maximum(table["red_mandatory"] - table["red_capacity"], 0)
    table["random_target"] = policy.random_target(
        caps[policy.random_lane], _rounding_jitter(table, policy.seed)
    )
    table["random_drawn"] = count(reason == SelectionReason.RANDOM.value)
    eligible = table["declarations"] - table["red_mandatory"]
    table["random_shortfall"] = np.maximum(
        np.minimum(table["random_target"], eligible) - table["random_drawn"], 0
    )
    return table[columns]


def _lane_reasons(policy: SelectionPolicy) -> list[tuple[Lane, SelectionReason]]:
    pairs = [(Lane.RED, SelectionReason.MANDATORY)]
    for lane in policy.lanes:
        pairs.append((lane, SelectionReason.RANDOM))
        pairs.append((lane, SelectionReason.RISK))
    return pairs
