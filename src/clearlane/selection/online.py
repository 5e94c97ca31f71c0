"""Online lane routing: one declaration at a time, as it arrives (the API's submit path).

Batch selection (:func:`clearlane.selection.select_lanes`) ranks a whole office-day and fills
each lane's capacity from the top. A declaration submitted on its own has no day to be ranked
in, so it is routed against **score cuts** that reproduce the batch result on the office's
recent traffic: with red share ``r``, yellow share ``y`` and random share ``q`` (of the random
lane's capacity), batch selection sends the top ``r (1 - q)`` of an office-day red for risk and
the next ``y`` yellow, so

* red cut    = quantile ``1 - r (1 - q)`` of the office's recent scores,
* yellow cut = quantile ``1 - r (1 - q) - y`` (with ``q = 0`` both are the plain ``1 - r`` and
  ``1 - r - y`` quantiles; a yellow random lane moves ``q`` to the yellow share instead).

Order, as in batch selection: a mandatory profile hit -> red (``mandatory``); else a random
draw with probability ``q x`` (the random lane's share) -> the random lane (``random``), whatever
the score; else the score against the cuts (``risk``); else green.

Recent scores are the office's latest stored assessments (``WINDOW`` of them) by the same
model version, falling back to all offices, then to any model version, then to fixed
:data:`DEFAULT_CUTS` when the store holds fewer than ``MIN_HISTORY`` scores; the routing says
which source it used. Capacity shares come from the newest ``office_capacity`` row of the
office, else from the :class:`SelectionPolicy`; a capacity given as a count per day becomes
that count over the office's daily volume (:func:`daily_volume`, from its recent stored
assessments), or the default share while the office has too little history to tell.

The random draw is a keyed hash of (reference, version) under the secret of the declaration
day (:mod:`clearlane.selection.draws`), uniform in [0, 1): the same declaration always gets
the same draw (resubmitting cannot re-roll it) and nobody without the key can tell in advance
which declarations will be drawn. An office with an ``exploration`` share sends the next slice
of the same draw, below the cuts, to exploration with a probability growing with
:func:`~clearlane.selection.lanes.exploration_weight`. The routing payload stored with the
assessment holds the draw, the draw id and the inclusion probabilities.
"""

from __future__ import annotations

import math
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Literal

import numpy as np
from sqlalchemy import Integer, Select, bindparam, select
from sqlalchemy.orm import Session

from clearlane.core.schema.enums import Lane, SelectionReason
from clearlane.selection.capacity_store import CapacityError, default_capacity, stored_capacity
from clearlane.selection.draws import draw_id, keyed_draw
from clearlane.selection.lanes import exploration_weight
from clearlane.selection.policy import SelectionPolicy
from clearlane.store.session import core_connection
from clearlane.store.tables import AssessmentRow

__all__ = [
    "DEFAULT_CUTS",
    "MIN_HISTORY",
    "PROVISIONAL_CUTS",
    "WINDOW",
    "Cuts",
    "CutsCache",
    "OfficeShares",
    "Routing",
    "cuts_from_scores",
    "daily_volume",
    "office_cuts",
    "office_shares",
    "random_draw",
    "route_one",
    "route_online",
]

WINDOW = 2000  # recent assessments the cuts are read from
MIN_HISTORY = 30  # fewer scores than this do not make a quantile worth trusting
DEFAULT_CUTS = (0.8, 0.5)  # (red, yellow) when the store has no usable history
DEFAULT_SHARES = (0.05, 0.10)  # (red, yellow) when the capacity is a count per day

CutSource = Literal[
    "office", "all offices", "office, any model", "all offices, any model", "default", "rules-only"
]


@dataclass(frozen=True)
class OfficeShares:
    """Capacity of one office as shares of its declarations, and the random-control share
    (of the random lane's capacity, as in :class:`SelectionPolicy`)."""

    office: str | None
    red: float
    yellow: float
    random: float
    source: Literal["office_capacity", "policy", "policy counts"] = "policy"
    exploration: float = 0.0  # share of the random lane's capacity spent on exploration


@dataclass(frozen=True)
class Cuts:
    """Score cuts: ``score >= red`` goes red, ``score >= yellow`` yellow (for risk)."""

    red: float
    yellow: float
    source: CutSource
    n: int  # scores the cuts were read from (0 for the defaults)
    # mean exploration weight per declaration among those below the yellow cut (over all
    # recent declarations): the normaliser of the exploration probability
    explore_norm: float = 0.5


# A provisional rules-only answer (no engine yet) is routed against fixed cuts on the noisy-OR
# of the profile weights that hit: quantiles of mostly-zero rule scores would send every
# declaration red, and the engine's recent scores are on another scale. Red from 0.8 (e.g. one
# profile of weight 0.8, or two of 0.55), yellow from 0.5; mandatory profiles and the random
# draw route as always.
PROVISIONAL_CUTS = Cuts(red=DEFAULT_CUTS[0], yellow=DEFAULT_CUTS[1], source="rules-only", n=0)


@dataclass(frozen=True)
class Routing:
    lane: Lane
    selection_reason: SelectionReason | None  # None for green
    cuts: Cuts
    draw: float
    random_probability: float
    exploration_probability: float = 0.0
    inspection_probability: float | None = None
    draw_id: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "lane": self.lane.value,
            "selection_reason": self.selection_reason.value if self.selection_reason else None,
            "red_cut": _finite(self.cuts.red),  # None: no risk selection to that lane
            "yellow_cut": _finite(self.cuts.yellow),
            "cut_source": self.cuts.source,
            "history": self.cuts.n,
            "draw": self.draw,
            "draw_id": self.draw_id,
            "random_probability": self.random_probability,
            "exploration_probability": self.exploration_probability,
            "inspection_probability": self.inspection_probability,
        }


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _risk_shares(shares: OfficeShares, random_lane: Lane) -> tuple[float, float]:
    red, yellow = shares.red, shares.yellow
    kept = max(1.0 - shares.random - shares.exploration, 0.0)
    if random_lane is Lane.RED:
        red *= kept
    elif random_lane is Lane.YELLOW:
        yellow *= kept
    return red, yellow


def cuts_from_scores(
    scores: Sequence[float] | np.ndarray,
    shares: OfficeShares,
    *,
    source: CutSource = "office",
    random_lane: Lane = Lane.RED,
) -> Cuts:
    """The cuts that send the top shares of ``scores`` red and yellow for risk (module doc).

    A lane with no risk share gets an infinite cut (nothing goes there for risk).
    """
    values = np.asarray(scores, dtype=float)
    values = values[np.isfinite(values)]
    if values.size == 0:
        raise ValueError("cuts need at least one finite score")
    red_share, yellow_share = _risk_shares(shares, random_lane)
    red_share = min(max(red_share, 0.0), 1.0)
    upto_yellow = min(red_share + max(yellow_share, 0.0), 1.0)
    red = float(np.quantile(values, 1.0 - red_share)) if red_share > 0 else math.inf
    yellow = float(np.quantile(values, 1.0 - upto_yellow)) if upto_yellow > red_share else red
    yellow = min(yellow, red)
    below = values < yellow
    norm = float(exploration_weight(values[below]).sum() / values.size) if below.any() else 0.5
    return Cuts(
        red=red,
        yellow=yellow,
        source=source,
        n=int(values.size),
        explore_norm=max(norm, 1e-6),
    )


def random_draw(
    reference: str, version: int, *, key: bytes, day: date | datetime | str | None = None
) -> float:
    """Uniform in [0, 1), fixed by (day key, reference, version); unpredictable without the
    key (:func:`clearlane.selection.draws.keyed_draw`)."""
    return keyed_draw(reference, version, key=key, day=day)


def route_one(
    *,
    score: float | None,
    mandatory: bool,
    cuts: Cuts,
    shares: OfficeShares,
    draw: float,
    random_lane: Lane = Lane.RED,
    draw_id: str | None = None,
) -> Routing:
    """The lane of one declaration: mandatory -> random draw -> score against the cuts ->
    exploration (the next ``p_explore`` of the same draw) -> green.

    The exploration probability is the office's exploration share of the random lane,
    spread over the declarations below the cuts in proportion to their
    :func:`~clearlane.selection.lanes.exploration_weight`."""
    lane_share = {Lane.RED: shares.red, Lane.YELLOW: shares.yellow}.get(random_lane, 0.0)
    p_random = min(max(shares.random * lane_share, 0.0), 1.0)
    scored = score is not None and math.isfinite(score)
    risk = scored and score is not None and score >= cuts.yellow
    p_explore = 0.0
    if shares.exploration > 0 and not mandatory and not risk:
        weight = float(exploration_weight(np.array([score if scored else np.nan]))[0])
        p_explore = shares.exploration * lane_share * weight / cuts.explore_norm
        p_explore = min(max(p_explore, 0.0), 1.0 - p_random)
    p_inspect = 1.0 if mandatory or risk else p_random + p_explore

    def routed(lane: Lane, reason: SelectionReason | None) -> Routing:
        return Routing(lane, reason, cuts, draw, p_random, p_explore, p_inspect, draw_id)

    if mandatory:
        return routed(Lane.RED, SelectionReason.MANDATORY)
    if draw < p_random:
        return routed(random_lane, SelectionReason.RANDOM)
    if scored and score is not None and score >= cuts.red:
        return routed(Lane.RED, SelectionReason.RISK)
    if risk:
        return routed(Lane.YELLOW, SelectionReason.RISK)
    if draw < p_random + p_explore:
        return routed(random_lane, SelectionReason.EXPLORATION)
    return routed(Lane.GREEN, None)  # unscored declarations are never selected for risk


# ------------------------------------------------------------------------------ from the store


def office_shares(
    session: Session,
    *,
    office: str | None,
    policy: SelectionPolicy | None = None,
    cache: CutsCache | None = None,
) -> OfficeShares:
    """The office's capacity in force (as
    :func:`clearlane.selection.capacity_store.capacity_in_force`: its newest ``office_capacity``
    row, else the policy); a capacity the policy gives as a count per day is turned into a
    share of the office's daily volume (kept in ``cache`` for its time when given: reading the
    volume costs as much as reading the cuts, while the newest ``office_capacity`` row is one
    indexed look-up and is read every time, so a capacity change takes effect at once)."""
    policy = policy or SelectionPolicy()
    stored = stored_capacity(session, office=office) if office else None
    exploration = policy.exploration_for(office)
    if stored is not None:
        return OfficeShares(office, *stored, source="office_capacity", exploration=exploration)
    try:
        red, yellow, random = default_capacity(policy, office=office or "")
    except CapacityError:  # a lane given as controls per day: a share of the daily traffic
        return _shares_from_counts(session, office=office, policy=policy, cache=cache)
    return OfficeShares(office, red, yellow, random, "policy", exploration)


def daily_volume(session: Session, *, office: str | None, window: int = WINDOW) -> float | None:
    """Declarations per day at ``office``: over its latest ``window`` stored assessments, the
    mean count per declaration date, the oldest date left out (the window cuts into it).
    None without at least two dates of history."""
    query = select(AssessmentRow.declaration_date).order_by(AssessmentRow.id.desc()).limit(window)
    if office:
        query = query.where(AssessmentRow.office == office)
    counts = Counter(d for d in session.scalars(query) if d is not None)
    if len(counts) < 2:
        return None
    del counts[min(counts)]
    return sum(counts.values()) / len(counts)


def _shares_from_counts(
    session: Session, *, office: str | None, policy: SelectionPolicy, cache: CutsCache | None
) -> OfficeShares:
    """A count per day becomes count / the office's daily volume (at most 1); without enough
    history to know the volume, the default share stands in."""
    capacity = policy.capacity_for(office)
    volume: float | None = None
    shares: list[float] = []
    for lane, default in ((capacity.red, DEFAULT_SHARES[0]), (capacity.yellow, DEFAULT_SHARES[1])):
        if lane.share is not None:
            shares.append(float(lane.share))
            continue
        assert lane.count is not None
        if volume is None:
            if cache is None:
                volume = daily_volume(session, office=office) or 0.0
            else:
                slot = (_store_of(session), office)
                volume = cache.volume(slot, lambda: daily_volume(session, office=office)) or 0.0
        shares.append(min(lane.count / volume, 1.0) if volume > 0 else default)
    return OfficeShares(
        office,
        shares[0],
        shares[1],
        policy.random_share,
        "policy counts",
        policy.exploration_for(office),
    )


@cache
def _recent_scores_query(by_office: bool, by_model: bool) -> Select[float]:
    """The newest ``:limit`` scores (of ``:office``, by ``:model``): built once per shape (a
    submission reads them until its office has the history; building the statement cost
    more than running it)."""
    query = (
        select(AssessmentRow.score)
        .order_by(AssessmentRow.id.desc())
        .limit(bindparam("limit", type_=Integer))
    )
    if by_office:
        query = query.where(AssessmentRow.office == bindparam("office"))
    if by_model:
        query = query.where(AssessmentRow.model_version == bindparam("model"))
    return query


def _recent_scores(
    session: Session, *, office: str | None, model_version: str | None, limit: int
) -> np.ndarray:
    query = _recent_scores_query(office is not None, model_version is not None)
    params = {"limit": limit, "office": office, "model": model_version}
    # Core rows on the session's connection: the ORM's execute path costs more than the read
    return np.asarray(core_connection(session).execute(query, params).scalars().all(), dtype=float)


def office_cuts(
    session: Session,
    *,
    office: str | None,
    shares: OfficeShares,
    model_version: str | None = None,
    random_lane: Lane = Lane.RED,
    window: int = WINDOW,
    min_history: int = MIN_HISTORY,
) -> Cuts:
    """Cuts from the recent stored scores, with the fallbacks of the module docstring."""
    attempts: list[tuple[CutSource, str | None, str | None]] = []
    if model_version is not None:
        if office:
            attempts.append(("office", office, model_version))
        attempts.append(("all offices", None, model_version))
    if office:
        attempts.append(("office, any model", office, None))
    attempts.append(("all offices, any model", None, None))
    for source, where, model in attempts:
        scores = _recent_scores(session, office=where, model_version=model, limit=window)
        scores = scores[np.isfinite(scores)]
        if scores.size >= min_history:
            return cuts_from_scores(scores, shares, source=source, random_lane=random_lane)
    return Cuts(red=DEFAULT_CUTS[0], yellow=DEFAULT_CUTS[1], source="default", n=0)


class CutsCache:
    """Cuts kept for ``seconds`` per office, model version and shares, for a server routing
    many submissions: the quantiles of an office's last ``WINDOW`` scores barely move from one
    submission to the next, and reading those scores costs more than assessing one
    declaration. A capacity change (new shares) is a new key, so it takes effect at once.
    Fallback cuts (a new office, a new model) are kept for the same time too, but while they
    are held the office's own scores are read on every call (:meth:`get`'s ``probe``), so its
    own cuts take over as soon as it has ``MIN_HISTORY`` scores.

    The capacity shares are covered too: where the policy gives a lane as controls per day,
    the office's daily volume behind its share (:func:`daily_volume`, as costly a read as the
    cuts) is kept for the same time; an unknown volume (too little history) is read again."""

    def __init__(self, seconds: float = 5.0) -> None:
        self.seconds = seconds
        self._lock = threading.Lock()
        self._cuts: dict[tuple[object, ...], tuple[float, Cuts]] = {}
        self._volumes: dict[tuple[object, ...], tuple[float, float]] = {}

    def volume(self, key: tuple[object, ...], compute: Callable[[], float | None]) -> float | None:
        """An office's daily volume, kept for ``seconds`` (None, unknown, is not kept)."""
        now = time.monotonic()
        with self._lock:
            held = self._volumes.get(key)
        if held is not None and now - held[0] < self.seconds:
            return held[1]
        value = compute()
        if value is None:
            return None
        with self._lock:
            if len(self._volumes) > 10_000:
                self._volumes.clear()
            self._volumes[key] = (now, value)
        return value

    def get(
        self,
        key: tuple[object, ...],
        compute: Callable[[], Cuts],
        probe: Callable[[], Cuts | None] | None = None,
    ) -> Cuts:
        """The cuts of ``key``: kept ones while fresh, else ``compute()``'s.

        Without ``probe`` only cuts from the office's own history (source ``office``) are
        kept. With ``probe`` (the read of the office's own scores alone, None while it holds
        fewer than :data:`MIN_HISTORY`) fallback cuts are kept for their time too, and while
        they are held ``probe`` runs on every call: the office's own cuts take over as soon as
        it has the history, as before, and the fallback reads (up to three more statements,
        the last of ``WINDOW`` scores of all offices) are not repeated on every submission."""
        now = time.monotonic()
        with self._lock:
            held = self._cuts.get(key)
        if held is not None and now - held[0] < self.seconds:
            if held[1].source == "office" or probe is None:
                return held[1]
            own = probe()
            if own is None:
                return held[1]
            cuts = own
        else:
            cuts = compute()
        if cuts.source != "office" and probe is None:
            return cuts
        with self._lock:
            if len(self._cuts) > 10_000:  # offices x model versions: never near this
                self._cuts.clear()
            self._cuts[key] = (now, cuts)
        return cuts


def _store_of(session: Session) -> object:
    """The store a session reads (one cache may serve several stores): its engine, compared
    by identity (rendering the URL as text cost every submission a few dozen µs)."""
    return session.get_bind().engine


def route_online(
    session: Session,
    *,
    reference: str,
    version: int,
    office: str | None,
    score: float | None,
    mandatory: bool,
    key: bytes,
    model_version: str | None = None,
    policy: SelectionPolicy | None = None,
    cache: CutsCache | None = None,
    day: date | datetime | str | None = None,
    fixed_cuts: Cuts | None = None,
) -> Routing:
    """Route one declaration as it arrives: shares and cuts from the store (the cuts from
    ``cache`` when given and fresh; ``fixed_cuts`` instead when given), keyed draw under the
    key of its declaration ``day``."""
    policy = policy or SelectionPolicy()
    shares = office_shares(session, office=office, policy=policy, cache=cache)

    def cuts_now() -> Cuts:
        return office_cuts(
            session,
            office=office,
            shares=shares,
            model_version=model_version,
            random_lane=policy.random_lane,
        )

    if fixed_cuts is not None:
        cuts = fixed_cuts
    elif cache is None:
        cuts = cuts_now()
    else:

        def own_cuts() -> Cuts | None:
            """The office's own cuts by this model, once it has the history for them."""
            if not office or model_version is None:
                return None  # no "office" source to reach: the fallback is what there is
            scores = _recent_scores(
                session, office=office, model_version=model_version, limit=WINDOW
            )
            scores = scores[np.isfinite(scores)]
            if scores.size < MIN_HISTORY:
                return None
            return cuts_from_scores(scores, shares, random_lane=policy.random_lane)

        slot = (_store_of(session), office, model_version, shares, policy.random_lane)
        cuts = cache.get(slot, cuts_now, probe=own_cuts)
    return route_one(
        score=score,
        mandatory=mandatory,
        cuts=cuts,
        shares=shares,
        draw=random_draw(reference, version, key=key, day=day),
        random_lane=policy.random_lane,
        draw_id=draw_id(key, day),
    )
