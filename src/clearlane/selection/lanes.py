"""Lane selection under capacity, in ASYCUDA order: criteria -> random -> top-up.

Per office and day:

1. **mandatory** — declarations a mandatory profile hit go red, even beyond red capacity
   (mandatory is mandatory; the excess is reported as overflow, never dropped);
2. **random** — ``random_share`` of the random lane's capacity is drawn uniformly (keyed by
   a secret per day, or seeded) from the non-mandatory rest, whatever their score: this is the
   unbiased sample that measures targeting and trains the next model; it never pushes a lane
   beyond capacity;
3. **risk** — the remaining red capacity (less the exploration slots) is filled by rank
   (score or expected revenue), then yellow (then blue, if enabled); declarations without a
   score are not risk-selected;
4. **exploration** — the office's ``exploration`` share of the random lane's capacity is drawn
   from the rest by systematic sampling with probability proportional to
   :func:`exploration_weight` (what the model knows least about);
5. everything else is green.

Every row carries its draw, the draw's id and its inclusion probabilities, so that hit rates
can be estimated without the selection's bias (:mod:`clearlane.selection.ipw`).

Everything is computed with array operations over the whole batch; Python loops run over
distinct offices only.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
from scipy import stats

from clearlane.core.schema.enums import Lane, SelectionReason
from clearlane.selection.draws import day_key, draw_key, keyed_draws, keyed_uniform
from clearlane.selection.policy import SelectionPolicy

__all__ = ["SELECTION_COLUMNS", "exploration_weight", "select_lanes", "selection_summary"]

SELECTION_COLUMNS = (
    "reference",
    "lane",
    "selection_reason",
    "rank",
    "office",
    "declaration_date",
    "draw",
    "draw_id",
    "random_probability",
    "exploration_probability",
    "inspection_probability",
)
_REQUIRED = ("reference", "office", "declaration_date", "score", "mandatory")
EXPLORATION_FLOOR = 0.05  # every eligible declaration keeps some chance of being explored


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


class _Draws:
    """Where the uniform numbers of a selection come from: a seed (reproducible runs) or the
    secret draw key with one key per day (:mod:`clearlane.selection.draws`)."""

    def __init__(self, seed: int | None, key: bytes | None) -> None:
        if seed is None and key is None:
            key = draw_key()
        self.seed, self.key = seed, key

    def jitter(self, table: pd.DataFrame, salt: str = "random") -> np.ndarray:
        """A uniform number in [0, 1) per office-day, fixed by (seed or day key, salt)."""
        if self.key is not None:
            keys = {d: day_key(self.key, d) for d in set(table["day"])}
            return np.asarray(
                [
                    keyed_uniform(keys[day], f"{salt}|{office}")
                    for office, day in zip(table["office"], table["day"], strict=True)
                ],
                dtype=float,
            )
        return _rounding_jitter(table, int(self.seed or 0), salt)

    def rows(
        self, assessments: pd.DataFrame, ref_order: np.ndarray, group: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(draw, exploration order draw, draw id) per row."""
        n = len(assessments)
        if self.key is None:
            # a seeded uniform key per row, assigned in a canonical order (office, day,
            # reference) so that shuffling the input rows changes nothing.
            rng = np.random.default_rng(self.seed)
            canonical = np.lexsort((ref_order, group))
            draw, second = np.empty(n), np.empty(n)
            draw[canonical] = rng.random(n)
            second[canonical] = rng.random(n)
            return draw, second, np.full(n, f"seed:{self.seed}", dtype=object)
        versions = (
            pd.to_numeric(assessments["version"], errors="coerce").fillna(1).astype(int)
            if "version" in assessments.columns
            else pd.Series(1, index=assessments.index)
        )
        references = assessments["reference"].astype(str).to_numpy()
        days = pd.to_datetime(assessments["declaration_date"], errors="coerce").to_numpy()
        draw, ids = keyed_draws(references, versions.to_numpy(), days, key=self.key)
        # The exploration order: the draw's low bits (uniform, independent of the high bits
        # that order the random draw), so one keyed hash per row serves both.
        second = np.mod(draw * 2.0**20, 1.0)
        return draw, second, ids


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
    table: pd.DataFrame, policy: SelectionPolicy, draws: _Draws
) -> dict[Lane, np.ndarray]:
    return {lane: draws.jitter(table, f"capacity-{lane.value}") for lane in policy.lanes}


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


def exploration_weight(score: np.ndarray, novelty: np.ndarray | None = None) -> np.ndarray:
    """How little the model knows about each declaration, in [EXPLORATION_FLOOR, 1].

    ``4 s (1 - s)`` of the score ``s`` (1 at 0.5, where the model cannot tell; a declaration
    without a score counts as unknown), raised to ``novelty`` (e.g. 1 / (1 + labelled controls
    of its trader)) when given. The floor keeps every declaration explorable, so that the
    inverse-probability weights stay finite.
    """
    s = np.asarray(score, dtype=float)
    weight = np.where(np.isfinite(s), 4.0 * np.clip(s, 0, 1) * (1.0 - np.clip(s, 0, 1)), 1.0)
    if novelty is not None:
        weight = np.maximum(weight, np.nan_to_num(np.asarray(novelty, dtype=float), nan=1.0))
    return np.clip(weight, EXPLORATION_FLOOR, 1.0)


def _pps_probabilities(
    group: np.ndarray, weight: np.ndarray, pool: np.ndarray, slots: np.ndarray
) -> np.ndarray:
    """Inclusion probabilities proportional to ``weight`` for ``slots[g]`` units of each
    group's ``pool`` (units whose share reaches 1 are taken for sure, the rest rescaled)."""
    pi = np.zeros(len(group))
    certain = np.zeros(len(group), dtype=bool)
    groups = int(group.max()) + 1 if len(group) else 0
    for _ in range(50):
        open_ = pool & ~certain
        total = np.bincount(group, weights=np.where(open_, weight, 0.0), minlength=groups)
        left = slots - np.bincount(group, weights=certain, minlength=groups)
        share = np.divide(left, total, out=np.zeros(groups), where=total > 0)
        pi = np.where(certain, 1.0, np.where(open_, weight * share[group], 0.0))
        newly = open_ & (pi >= 1.0)
        if not newly.any():
            break
        certain |= newly
    return np.clip(pi, 0.0, 1.0)


def _systematic_pps(
    group: np.ndarray, pi: np.ndarray, order_draw: np.ndarray, start: np.ndarray
) -> np.ndarray:
    """Systematic sampling with inclusion probabilities ``pi`` (Madow): units in a random
    order, cumulated probabilities, a unit is taken when its segment holds ``start + k``.
    Takes exactly round(sum pi) units per group, each with probability ``pi``."""
    order = np.lexsort((order_draw, group))
    sorted_group = group[order]
    cum = pd.Series(pi[order]).groupby(sorted_group).cumsum().to_numpy()
    before = cum - pi[order]
    u = start[sorted_group]
    taken_sorted = (np.floor(cum - u + 1e-12) > np.floor(before - u + 1e-12)) & (pi[order] > 0)
    taken = np.zeros(len(group), dtype=bool)
    taken[order] = taken_sorted
    return taken


def select_lanes(
    assessments: pd.DataFrame,
    policy: SelectionPolicy,
    *,
    seed: int | None = None,
    key: bytes | None = None,
    rank_by: str | None = None,
) -> pd.DataFrame:
    """Assign a lane and a selection reason to every declaration of a batch.

    Args:
        assessments: one row per declaration with ``reference``, ``office``,
            ``declaration_date``, ``score``, ``mandatory`` and, to rank by it,
            ``expected_revenue``; optionally ``version`` (part of the keyed draw) and
            ``novelty`` (in [0, 1], see :func:`exploration_weight`).
        policy: capacities, random share, exploration shares and lane, seed, ranking.
        seed: overrides ``policy.seed`` (a reproducible run).
        key: the draw key (:func:`clearlane.selection.draws.draw_key`); used when neither
            ``seed`` nor ``policy.seed`` is given, and read from the settings when not passed.
        rank_by: overrides ``policy.rank_by`` ("score" or "expected_revenue").

    Returns:
        A frame aligned on ``assessments.index`` with columns ``reference``, ``lane``
        (green/yellow/red/blue), ``selection_reason`` (mandatory/random/exploration/risk, None
        for green), ``rank`` (1 = highest priority within the office-day), ``office``,
        ``declaration_date``, the row's ``draw`` and ``draw_id`` (``seed:<n>`` or the day
        key's public name), ``random_probability`` (P(drawn at random): the random slots over
        the declarations eligible for them), ``exploration_probability`` (P(explored) given
        the office-day's random draw and risk selection; 0 for declarations outside that
        pool) and ``inspection_probability`` (P(controlled) under the policy: 1 for mandatory
        controls; for the others the random share, plus the chance the rank reaches the
        top-up given how many better-ranked declarations the random draw takes
        (hypergeometric), plus the exploration chance otherwise).
        The same batch, policy and seed (or key) always give the same result, whatever the
        row order.
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
    chosen_seed = policy.seed if seed is None else seed
    draws = _Draws(chosen_seed, None if chosen_seed is not None else key)
    out = _Selected(n)
    if n:
        _select(assessments, policy, draws, rank_by, ref_order, out)
    index = assessments.index
    return pd.DataFrame(
        {
            "reference": reference.to_numpy(),
            "lane": pd.Series(_LANE_NAMES[out.lane], index=index, dtype=str),
            # object dtype keeps None for green rows (a str dtype would turn it into NaN)
            "selection_reason": pd.Series(_REASON_NAMES[out.reason], index=index, dtype=object),
            "rank": out.rank,
            "office": assessments["office"].to_numpy(),
            "declaration_date": assessments["declaration_date"].to_numpy(),
            "draw": out.draw,
            "draw_id": pd.Series(out.draw_id, index=index, dtype=object),
            "random_probability": out.p_random,
            "exploration_probability": out.p_explore,
            "inspection_probability": out.p_inspect,
        },
        index=index,
    )


_LANES = (Lane.GREEN, Lane.YELLOW, Lane.RED, Lane.BLUE)
_LANE_NAMES = np.array([lane.value for lane in _LANES], dtype=object)
_REASONS = (
    None,
    SelectionReason.RISK,
    SelectionReason.RANDOM,
    SelectionReason.MANDATORY,
    SelectionReason.EXPLORATION,
)
_REASON_NAMES = np.array([None if r is None else r.value for r in _REASONS], dtype=object)


class _Selected:
    """The per-row outputs of :func:`_select`, filled in place."""

    def __init__(self, n: int) -> None:
        self.lane = np.zeros(n, dtype=np.int8)  # index into _LANES
        self.reason = np.zeros(n, dtype=np.int8)  # index into _REASONS
        self.rank = np.zeros(n, dtype=np.int64)
        self.draw = np.full(n, np.nan)
        self.draw_id = np.full(n, None, dtype=object)
        self.p_random = np.zeros(n)
        self.p_explore = np.zeros(n)
        self.p_inspect = np.zeros(n)


def _select(
    assessments: pd.DataFrame,
    policy: SelectionPolicy,
    draws: _Draws,
    rank_by: str,
    ref_order: np.ndarray,
    out: _Selected,
) -> None:
    """Fill ``out`` for a non-empty batch."""
    n = len(assessments)
    group, table = _office_days(assessments)
    mandatory = assessments["mandatory"].fillna(False).to_numpy(dtype=bool)
    key = pd.to_numeric(assessments[rank_by], errors="coerce").to_numpy(dtype=float)
    scored = np.isfinite(key)

    # Risk order within each office-day: highest key first, unscored last, ties by reference.
    risk_order = np.lexsort((ref_order, np.where(scored, -key, np.inf), group))
    out.rank[:] = _within_group_position(group, risk_order, np.ones(n, dtype=bool))

    sizes = table["declarations"].to_numpy()
    caps = policy.capacities(
        table["office"].to_numpy(), sizes, _capacity_jitter(table, policy, draws)
    )
    mandatory_count = np.bincount(group, weights=mandatory, minlength=len(table)).astype(int)
    draw, order_draw, ids = draws.rows(assessments, ref_order, group)
    out.draw[:], out.draw_id[:] = draw, ids

    # 2. Random draw: the eligible declarations with the lowest draws of their office-day.
    random_lane = policy.random_lane
    room = np.maximum(caps[random_lane] - (mandatory_count if random_lane is Lane.RED else 0), 0)
    target = policy.random_target(caps[random_lane], draws.jitter(table))
    random_slots = np.minimum(target, room)
    random_position = _within_group_position(group, np.lexsort((draw, group)), ~mandatory)
    random = ~mandatory & (random_position >= 1) & (random_position <= random_slots[group])
    random_drawn = np.bincount(group, weights=random, minlength=len(table)).astype(int)
    eligible_count = np.bincount(group, weights=~mandatory, minlength=len(table))
    # P(drawn at random) before the day's rounding jitter is known: the expected number of
    # random slots over the eligible declarations (the stochastic rounding of shares keeps the
    # expectation), so that office-days whose rounding gave no slot are still represented.
    expected_cap = _expected_capacity(policy, table, random_lane)
    expected_room = np.maximum(
        expected_cap - (mandatory_count if random_lane is Lane.RED else 0), 0.0
    )
    expected_random = np.minimum(policy.random_share * expected_cap, expected_room)
    q = np.divide(
        expected_random, eligible_count, out=np.zeros(len(table)), where=eligible_count > 0
    )
    q = np.minimum(q, 1.0)

    # Exploration slots: the office's exploration share of the random lane's capacity.
    share = np.array(
        [policy.exploration_for(None if pd.isna(o) else str(o)) for o in table["office"]]
    )
    explore_target = np.floor(
        share * caps[random_lane] + draws.jitter(table, "explore") + 1e-9
    ).astype(np.int64)
    explore_slots = np.minimum(explore_target, np.maximum(room - random_drawn, 0))

    # 3. Top-up by rank: red, then yellow, then blue, each with what is left of its capacity.
    available = ~mandatory & ~random & scored
    risk_position = _within_group_position(group, risk_order, available)
    start = np.zeros(len(table), dtype=np.int64)
    for lane in policy.lanes:
        used = (mandatory_count if lane is Lane.RED else 0) + (
            random_drawn + explore_slots if lane is random_lane else 0
        )
        end = start + np.maximum(caps[lane] - used, 0)
        chosen = available & (risk_position > start[group]) & (risk_position <= end[group])
        out.lane[chosen] = _LANES.index(lane)
        out.reason[chosen] = _REASONS.index(SelectionReason.RISK)
        start = end
    topup_slots = start  # declarations the top-up could take per office-day

    # 4. Exploration: among what is left, drawn with probability growing with the weight.
    novelty = assessments["novelty"].to_numpy(dtype=float) if "novelty" in assessments else None
    score = pd.to_numeric(assessments["score"], errors="coerce").to_numpy(dtype=float)
    weight = exploration_weight(score, novelty)
    pool = ~mandatory & ~random & (out.reason == 0)
    pi = _pps_probabilities(group, weight, pool, explore_slots)
    explored = pool & _systematic_pps(group, pi, order_draw, draws.jitter(table, "explore-start"))
    out.lane[explored] = _LANES.index(random_lane)
    out.reason[explored] = _REASONS.index(SelectionReason.EXPLORATION)

    out.lane[random] = _LANES.index(random_lane)
    out.reason[random] = _REASONS.index(SelectionReason.RANDOM)
    out.lane[mandatory] = _LANES.index(Lane.RED)
    out.reason[mandatory] = _REASONS.index(SelectionReason.MANDATORY)

    # Inclusion probabilities (see select_lanes).
    out.p_random[:] = np.where(mandatory, 0.0, q[group])
    out.p_explore[:] = np.where(pool, pi, 0.0)
    eligible_rank = _within_group_position(group, risk_order, ~mandatory & scored)
    p_topup = _topup_probability(
        eligible_rank, eligible_count[group], random_slots[group], topup_slots[group]
    )
    p_topup = np.where(scored & ~mandatory, p_topup, 0.0)
    rest = 1.0 - out.p_random
    explore_any = np.where(
        pool | (out.reason == _REASONS.index(SelectionReason.RISK)), pi, out.p_explore
    )
    out.p_inspect[:] = np.where(
        mandatory,
        1.0,
        np.clip(out.p_random + rest * (p_topup + (1.0 - p_topup) * explore_any), 0.0, 1.0),
    )


def _expected_capacity(policy: SelectionPolicy, table: pd.DataFrame, lane: Lane) -> np.ndarray:
    """Expected slots of ``lane`` per office-day over the rounding jitter."""
    sizes = table["declarations"].to_numpy(dtype=float)
    out = np.zeros(len(table))
    for i, (office, n) in enumerate(zip(table["office"], sizes, strict=True)):
        capacity = policy.capacity_for(None if pd.isna(office) else str(office)).of(lane)
        out[i] = min(capacity.share * n, n) if capacity.share is not None else capacity.count or 0
    return out


def _topup_probability(
    rank: np.ndarray, eligible: np.ndarray, random_slots: np.ndarray, topup: np.ndarray
) -> np.ndarray:
    """P(a declaration not drawn at random is taken by the top-up): with ``rank`` among the
    eligible scored declarations and the random draw taking ``random_slots`` of the other
    ``eligible - 1``, it is taken when fewer than ``topup`` better-ranked ones remain, i.e.
    when the draw takes at least ``rank - topup`` of the ``rank - 1`` above it."""
    need = rank - topup  # better-ranked declarations the draw must take
    population = np.maximum(eligible - 1, 0)
    sure = need <= 0
    p = stats.hypergeom.sf(need - 1, population, np.maximum(rank - 1, 0), random_slots)
    return np.where(sure, 1.0, np.nan_to_num(p, nan=0.0))


def selection_summary(
    selection: pd.DataFrame,
    policy: SelectionPolicy,
    *,
    seed: int | None = None,
    key: bytes | None = None,
) -> pd.DataFrame:
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
        "exploration_drawn",
    ]
    if selection.empty:
        return pd.DataFrame(columns=columns)
    group, table = _office_days(selection)
    sizes = table["declarations"].to_numpy()
    chosen_seed = policy.seed if seed is None else seed
    draws = _Draws(chosen_seed, None if chosen_seed is not None else key)
    caps = policy.capacities(
        table["office"].to_numpy(), sizes, _capacity_jitter(table, policy, draws)
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
    table["random_target"] = policy.random_target(caps[policy.random_lane], draws.jitter(table))
    table["exploration_drawn"] = count(reason == SelectionReason.EXPLORATION.value)
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
        pairs.append((lane, SelectionReason.EXPLORATION))
        pairs.append((lane, SelectionReason.RISK))
    return pairs
