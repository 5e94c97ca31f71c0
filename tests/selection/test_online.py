"""Online routing of one declaration: cuts from recent scores, fallbacks, mandatory, random."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pandas as pd
import pytest
from sqlalchemy.orm import Session, sessionmaker

from clearlane.core.schema import Lane, SelectionReason
from clearlane.selection import SelectionPolicy, select_lanes
from clearlane.selection.online import (
    DEFAULT_CUTS,
    MIN_HISTORY,
    Cuts,
    CutsCache,
    OfficeShares,
    Routing,
    cuts_from_scores,
    daily_volume,
    office_cuts,
    office_shares,
    random_draw,
    route_one,
    route_online,
)
from clearlane.store.tables import AssessmentRow, OfficeCapacityRow

SHARES = OfficeShares("A", red=0.05, yellow=0.10, random=0.0)
KEY = b"test-key"


def test_cuts_send_the_capacity_shares_of_recent_traffic_to_each_lane() -> None:
    scores = np.random.default_rng(1).random(10_000)
    cuts = cuts_from_scores(scores, SHARES)
    assert np.mean(scores >= cuts.red) == pytest.approx(0.05, abs=0.002)
    assert np.mean((scores >= cuts.yellow) & (scores < cuts.red)) == pytest.approx(0.10, abs=0.003)


def test_cuts_match_batch_selection_on_the_same_day() -> None:
    """Routing each declaration of an office-day online sends (nearly) the same ones red and
    yellow for risk as batch selection does with the whole day in hand."""
    rng = np.random.default_rng(7)
    n = 2000
    day = pd.DataFrame(
        {
            "reference": [f"R{i}" for i in range(n)],
            "office": "A",
            "declaration_date": "2025-01-02",
            "score": rng.beta(1, 6, n),
            "mandatory": False,
        }
    )
    policy = SelectionPolicy(random_share=0.0)
    batch = select_lanes(day, policy)
    cuts = cuts_from_scores(day["score"], SHARES)
    online = [
        route_one(score=s, mandatory=False, cuts=cuts, shares=SHARES, draw=0.99).lane.value
        for s in day["score"]
    ]
    agree = np.mean(np.asarray(online) == batch["lane"].to_numpy())
    assert agree > 0.995


def test_random_share_takes_its_part_of_the_random_lane() -> None:
    shares = OfficeShares("A", red=0.10, yellow=0.10, random=0.5)
    scores = np.linspace(0, 1, 1001)
    cuts = cuts_from_scores(scores, shares)
    assert np.mean(scores >= cuts.red) == pytest.approx(0.05, abs=0.002)  # 10 % x (1 - 0.5)
    draws = np.array([random_draw(f"R{i}", 1, key=KEY) for i in range(20_000)])
    routed = [
        route_one(score=0.0, mandatory=False, cuts=cuts, shares=shares, draw=d) for d in draws
    ]
    random_red = np.mean(
        [r.lane is Lane.RED and r.selection_reason is SelectionReason.RANDOM for r in routed]
    )
    assert random_red == pytest.approx(0.05, abs=0.005)  # 50 % of the 10 % red capacity


def test_mandatory_beats_everything_and_unscored_is_never_risk_selected() -> None:
    cuts = Cuts(red=0.8, yellow=0.5, source="default", n=0)
    mandatory = route_one(score=0.01, mandatory=True, cuts=cuts, shares=SHARES, draw=0.9)
    assert (mandatory.lane, mandatory.selection_reason) == (Lane.RED, SelectionReason.MANDATORY)
    unscored = route_one(score=None, mandatory=False, cuts=cuts, shares=SHARES, draw=0.9)
    assert (unscored.lane, unscored.selection_reason) == (Lane.GREEN, None)
    yellow = route_one(score=0.6, mandatory=False, cuts=cuts, shares=SHARES, draw=0.9)
    assert (yellow.lane, yellow.selection_reason) == (Lane.YELLOW, SelectionReason.RISK)


def test_the_draw_is_fixed_by_the_key_and_the_declaration() -> None:
    assert random_draw("R1", 1, key=KEY) == random_draw("R1", 1, key=KEY)
    assert random_draw("R1", 1, key=KEY) != random_draw("R1", 2, key=KEY)
    assert random_draw("R1", 1, key=KEY) != random_draw("R1", 1, key=b"other")


def _assess(
    session: Session, office: str, scores: np.ndarray, model: str = "m-1", tag: str = ""
) -> None:
    """Stored assessments of distinct declarations (one per score; ``tag`` keeps a second
    batch's references apart, since one engine assesses a declaration version once)."""
    now = datetime.now(UTC)
    session.add_all(
        AssessmentRow(
            reference=f"{office}-{model}{tag}-{i}",
            version=1,
            assessed_at=now,
            office=office,
            model_version=model,
            score=float(s),
            lane="green",
            components={},
            reasons=[],
            audit_seq=0,
        )
        for i, s in enumerate(scores)
    )


def test_cuts_fall_back_from_the_office_to_all_offices_to_defaults(
    sqlite_store: sessionmaker[Session],
) -> None:
    with sqlite_store() as session:
        cuts = office_cuts(session, office="A", shares=SHARES, model_version="m-1")
        assert (cuts.red, cuts.yellow, cuts.source) == (*DEFAULT_CUTS, "default")
        _assess(session, "B", np.linspace(0, 1, MIN_HISTORY))
        session.flush()
        cuts = office_cuts(session, office="A", shares=SHARES, model_version="m-1")
        assert cuts.source == "all offices" and cuts.n == MIN_HISTORY
        _assess(session, "A", np.linspace(0, 0.1, MIN_HISTORY))
        session.flush()
        cuts = office_cuts(session, office="A", shares=SHARES, model_version="m-1")
        assert cuts.source == "office" and cuts.red <= 0.1
        other_model = office_cuts(session, office="A", shares=SHARES, model_version="m-2")
        assert other_model.source == "office, any model"


def test_office_capacity_rows_override_the_policy_newest_first(
    sqlite_store: sessionmaker[Session],
) -> None:
    policy = SelectionPolicy(random_share=0.2)
    with sqlite_store() as session:
        assert office_shares(session, office="A", policy=policy) == OfficeShares(
            "A", 0.05, 0.10, 0.2, "policy"
        )
        for red in (0.3, 0.4):
            session.add(
                OfficeCapacityRow(
                    office="A",
                    red_share=red,
                    yellow_share=0.2,
                    random_share=0.0,
                    changed_by="t",
                    changed_at=datetime.now(UTC),
                )
            )
            session.flush()
        shares = office_shares(session, office="A", policy=policy)
        assert (shares.red, shares.source) == (0.4, "office_capacity")
        _assess(session, "A", np.linspace(0, 1, 101))
        session.flush()
        high = route_online(
            session, reference="X", version=1, office="A", score=0.7, mandatory=False, key=KEY
        )
        assert high.lane is Lane.RED and high.selection_reason is SelectionReason.RISK
        low = route_online(
            session, reference="X", version=1, office="A", score=0.3, mandatory=False, key=KEY
        )
        assert low.lane is Lane.GREEN


def test_a_cuts_cache_keeps_cuts_for_its_time_and_a_capacity_change_takes_effect_at_once(
    sqlite_store: sessionmaker[Session],
) -> None:
    cache = CutsCache(seconds=3600)

    def route(session: Session, score: float) -> Routing:
        return route_online(
            session,
            reference="R-1",
            version=1,
            office="A",
            score=score,
            mandatory=False,
            key=KEY,
            model_version="m-1",
            cache=cache,
        )

    with sqlite_store() as session:
        _assess(session, "A", np.linspace(0, 1, 101))
        session.flush()
        first = route(session, 0.5)
        _assess(session, "A", np.linspace(0.9, 1, 500), tag="-later")  # the traffic shifts up
        session.flush()
        assert route(session, 0.5).cuts == first.cuts  # still within its time: kept
        shares = office_shares(session, office="A")
        fresh = office_cuts(session, office="A", shares=shares, model_version="m-1")
        assert fresh.red > first.cuts.red  # what the store says now
        session.add(
            OfficeCapacityRow(
                office="A",
                red_share=0.5,
                yellow_share=0.1,
                random_share=0.0,
                changed_by="supervisor",
                changed_at=datetime.now(UTC),
            )
        )
        session.flush()
        changed = route(session, 0.5)  # new shares: new cuts, read from the store now
        assert changed.cuts != first.cuts and changed.cuts.n == 601
    expired = CutsCache(seconds=0)
    assert expired.get(("k",), lambda: first.cuts) is first.cuts
    assert expired.get(("k",), lambda: changed.cuts) is changed.cuts
    fallback = Cuts(red=0.8, yellow=0.5, source="all offices", n=40)
    cache.get(("thin",), lambda: fallback)
    assert cache.get(("thin",), lambda: first.cuts) is first.cuts  # fallbacks are not kept


def test_fallback_cuts_are_kept_and_the_offices_own_take_over_as_soon_as_it_has_them(
    sqlite_store: sessionmaker[Session],
) -> None:
    cache = CutsCache(seconds=3600)
    reads: list[str] = []

    def route(session: Session) -> Routing:
        return route_online(
            session,
            reference="R-1",
            version=1,
            office="A",
            score=0.5,
            mandatory=False,
            key=KEY,
            model_version="m-1",
            cache=cache,
        )

    from sqlalchemy import event

    with sqlite_store() as session:
        engine = session.get_bind().engine

        @event.listens_for(engine, "before_cursor_execute")
        def _count(conn: object, cursor: object, statement: str, *args: object) -> None:
            if statement.startswith("SELECT assessments.score"):
                reads.append(statement)

        _assess(session, "B", np.linspace(0, 1, 200), model="m-0")  # another office and model
        _assess(session, "A", np.linspace(0, 1, 10))  # too few of the office's own
        session.flush()
        first = route(session)
        assert first.cuts.source == "all offices, any model" and len(reads) == 4
        reads.clear()
        assert route(session).cuts == first.cuts  # kept: only the office's own scores read
        assert len(reads) == 1 and "assessments.office = ?" in reads[0]
        assert "assessments.model_version = ?" in reads[0]
        _assess(session, "A", np.linspace(0.9, 1, 25), tag="-more")  # 35 of its own now
        session.flush()
        reads.clear()
        own = route(session)
        assert own.cuts.source == "office" and own.cuts.n == 35  # at once, not after the time
        reads.clear()
        assert route(session).cuts == own.cuts and reads == []  # the office's cuts are kept
        event.remove(engine, "before_cursor_execute", _count)


def test_a_capacity_in_controls_per_day_is_a_share_of_the_offices_daily_volume(
    sqlite_store: sessionmaker[Session],
) -> None:
    from datetime import date, timedelta

    from clearlane.selection.policy import Capacity, LaneCapacity

    policy = SelectionPolicy(
        office_capacity={
            "A": LaneCapacity(red=Capacity(count=10), yellow=Capacity(share=0.2)),
            "B": LaneCapacity(red=Capacity(count=10), yellow=Capacity(count=500)),
        }
    )
    with sqlite_store() as session:
        unknown = office_shares(session, office="A", policy=policy)
        assert (unknown.red, unknown.yellow, unknown.source) == (0.05, 0.2, "policy counts")
        now = datetime.now(UTC)
        start = date(2025, 5, 1)
        for office, per_day in (("A", 100), ("B", 40)):
            session.add_all(
                AssessmentRow(
                    reference=f"V-{office}-{d}-{i}",
                    version=1,
                    assessed_at=now,
                    declaration_date=start + timedelta(days=d),
                    office=office,
                    model_version="m-1",
                    score=0.5,
                    lane="green",
                    components={},
                    reasons=[],
                    audit_seq=0,
                )
                for d in range(6)
                for i in range(per_day if d else 7)  # the oldest day is cut by the window
            )
        session.flush()
        assert daily_volume(session, office="A") == 100.0
        a = office_shares(session, office="A", policy=policy)
        assert (a.red, a.yellow) == (pytest.approx(0.10), 0.2)  # 10 a day of 100
        b = office_shares(session, office="B", policy=policy)
        assert (b.red, b.yellow) == (pytest.approx(0.25), 1.0)  # 10 of 40; 500 caps at all


def test_a_cuts_cache_keeps_the_daily_volume_behind_count_shares_not_the_stored_capacity(
    sqlite_store: sessionmaker[Session],
) -> None:
    """Shares from controls per day read the office's daily volume once per cache time; a
    stored capacity (one indexed row) is read every time, so its change takes effect at once."""
    from datetime import date, timedelta

    from clearlane.selection.policy import Capacity, LaneCapacity

    policy = SelectionPolicy(
        office_capacity={"A": LaneCapacity(red=Capacity(count=10), yellow=Capacity(share=0.2))}
    )

    def add_days(session: Session, per_day: int, tag: str) -> None:
        now = datetime.now(UTC)
        session.add_all(
            AssessmentRow(
                reference=f"V-{tag}-{d}-{i}",
                version=1,
                assessed_at=now,
                declaration_date=date(2025, 5, 1) + timedelta(days=d),
                office="A",
                model_version="m-1",
                score=0.5,
                lane="green",
                components={},
                reasons=[],
                audit_seq=0,
            )
            for d in range(3)
            for i in range(per_day)
        )
        session.flush()

    cache = CutsCache(seconds=3600)
    with sqlite_store() as session:
        assert cache.volume(("s", "A"), lambda: None) is None  # unknown: not kept
        add_days(session, 50, "a")
        first = office_shares(session, office="A", policy=policy, cache=cache)
        assert first.red == pytest.approx(10 / 50)
        add_days(session, 50, "b")  # the volume doubles
        assert daily_volume(session, office="A") == 100.0
        kept = office_shares(session, office="A", policy=policy, cache=cache)
        assert kept.red == pytest.approx(10 / 50)  # within the cache time: the kept volume
        fresh = office_shares(session, office="A", policy=policy, cache=CutsCache(seconds=0))
        assert fresh.red == pytest.approx(10 / 100)
        assert office_shares(session, office="A", policy=policy).red == pytest.approx(0.1)
        session.add(
            OfficeCapacityRow(
                office="A",
                red_share=0.3,
                yellow_share=0.1,
                random_share=0.0,
                changed_by="supervisor",
                changed_at=datetime.now(UTC),
            )
        )
        session.flush()
        stored = office_shares(session, office="A", policy=policy, cache=cache)
        assert (stored.red, stored.source) == (0.3, "office_capacity")  # at once
