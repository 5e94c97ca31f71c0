"""Per-office capacity in the store: defaults, versions, validation, audit (both backends)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker
from tests.concurrency import together

from clearlane.audit import entries, verify
from clearlane.selection import SelectionPolicy
from clearlane.selection.capacity_store import (
    CapacityConflict,
    CapacityError,
    capacity_history,
    capacity_in_force,
    capacity_overview,
    set_capacity,
)
from clearlane.selection.policy import Capacity, LaneCapacity


def test_defaults_then_versions(store: sessionmaker[Session]) -> None:
    policy = SelectionPolicy()
    with store() as session:
        assert capacity_in_force(session, office="NLRTM1") == (
            policy.capacity.red.share,
            policy.capacity.yellow.share,
            policy.random_share,
        )
        assert capacity_history(session, office="NLRTM1") == []
    with store() as session, session.begin():
        first = set_capacity(
            session,
            office="NLRTM1",
            red_share=0.02,
            yellow_share=0.08,
            random_share=0.25,
            changed_by="sup",
            note="harbour strike",
        )
    with store() as session, session.begin():
        second = set_capacity(
            session, office="NLRTM1", red_share=0.04, yellow_share=0, random_share=1, changed_by="x"
        )
        set_capacity(
            session,
            office="BEANR1",
            red_share=0.1,
            yellow_share=0.1,
            random_share=0.1,
            changed_by="x",
        )
    assert (first.version, second.version) == (1, 2)
    with store() as session:
        assert capacity_in_force(session, office="NLRTM1") == (0.04, 0.0, 1.0)
        history = capacity_history(session, office="NLRTM1")
        assert [h.version for h in history] == [1, 2] and history[0].changed_by == "sup"
        assert history[0].changed_at is not None and history[0].changed_at.tzinfo is not None
        overview = {c.office: c for c in capacity_overview(session)}
        assert set(overview) == {"BEANR1", "NLRTM1"}
        assert overview["NLRTM1"].source == "stored" and overview["NLRTM1"].version == 2
        log = entries(session, kind="capacity_change")
        assert [(e["subject"], e["payload"]["version"]) for e in log] == [
            ("office:BEANR1", 1),
            ("office:NLRTM1", 2),
            ("office:NLRTM1", 1),
        ]
        assert log[2]["payload"]["note"] == "harbour strike" and log[2]["actor"] == "sup"
        assert log[1]["payload"]["before"] == [0.02, 0.08, 0.25]
        assert verify(session).ok


@pytest.mark.parametrize(
    ("shares", "field"),
    [
        ((1.5, 0.1, 0.1), "red_share"),
        ((0.1, -0.01, 0.1), "yellow_share"),
        ((0.1, 0.1, float("nan")), "random_share"),
        ((0.1, 0.1, float("inf")), "random_share"),
        ((0.7, 0.31, 0.1), "yellow_share"),
        ((True, 0.1, 0.1), "red_share"),
    ],
)
def test_invalid_shares_are_refused(
    sqlite_store: sessionmaker[Session], shares: tuple[float, float, float], field: str
) -> None:
    red, yellow, random_share = shares
    with sqlite_store() as session, pytest.raises(CapacityError) as caught:
        set_capacity(
            session,
            office="NLRTM1",
            red_share=red,
            yellow_share=yellow,
            random_share=random_share,
            changed_by="sup",
        )
    assert caught.value.field == field and str(caught.value).startswith(f"{field}: ")
    with sqlite_store() as session:
        assert capacity_history(session, office="NLRTM1") == []


def test_office_codes_are_checked(sqlite_store: sessionmaker[Session]) -> None:
    with sqlite_store() as session:
        for office in ("", "bad office", "x" * 33, "-X"):
            with pytest.raises(CapacityError, match="office"):
                set_capacity(
                    session,
                    office=office,
                    red_share=0.1,
                    yellow_share=0.1,
                    random_share=0.1,
                    changed_by="sup",
                )


def test_policy_defaults_per_office_and_counts(sqlite_store: sessionmaker[Session]) -> None:
    policy = SelectionPolicy(
        office_capacity={
            "SMALL": LaneCapacity(red=Capacity(share=0.2), yellow=Capacity(share=0.3)),
            "FIXED": LaneCapacity(red=Capacity(count=4)),
        },
        random_share=0.05,
    )
    with sqlite_store() as session:
        assert capacity_in_force(session, office="SMALL", policy=policy) == (0.2, 0.3, 0.05)
        with pytest.raises(CapacityError, match="4 controls per day"):
            capacity_in_force(session, office="FIXED", policy=policy)
        set_capacity(
            session, office="FIXED", red_share=0.1, yellow_share=0, random_share=0, changed_by="s"
        )
        session.commit()
        assert capacity_in_force(session, office="FIXED", policy=policy) == (0.1, 0.0, 0.0)


def test_two_supervisors_setting_one_office_at_once_get_versions_one_after_the_other(
    store: sessionmaker[Session],
) -> None:
    """Two changes of one office's capacity at once (barrier): each is a version of its own
    (1 and 2, not 1 and 1), and the audit entry of the later names the earlier's shares as
    what it changed, as if they had come one after the other."""
    shares = [(0.02, 0.08, 0.25), (0.04, 0.1, 0.5)]

    def put(i: int) -> int:
        with store() as session, session.begin():
            red, yellow, random = shares[i]
            return set_capacity(
                session,
                office="NLRTM1",
                red_share=red,
                yellow_share=yellow,
                random_share=random,
                changed_by=f"sup{i}",
            ).version

    versions = together(2, put)
    assert sorted(versions) == [1, 2], versions
    with store() as session:
        log = sorted(entries(session, kind="capacity_change"), key=lambda e: e["seq"])
        history = capacity_history(session, office="NLRTM1")
        assert verify(session).ok
    assert [e["payload"]["version"] for e in log] == [1, 2]
    first = shares[versions.index(1)]
    assert log[0]["payload"]["before"] is None and log[1]["payload"]["before"] == list(first)
    assert [h.version for h in history] == [1, 2]


def test_a_change_naming_the_version_it_saw_is_refused_once_another_came_first(
    store: sessionmaker[Session],
) -> None:
    """With ``expected_version`` (the version the supervisor saw), of two changes at once one
    is stored and the other refused (409) naming the version in force."""

    def put(i: int) -> int | str:
        with store() as session:
            try:
                stored = set_capacity(
                    session,
                    office="NLRTM1",
                    red_share=0.01 * (i + 1),
                    yellow_share=0.1,
                    random_share=0.2,
                    changed_by=f"sup{i}",
                    expected_version=0,
                )
            except CapacityConflict as refused:
                session.rollback()
                return str(refused)
            session.commit()
            return stored.version

    outcome = together(2, put)
    assert sorted(outcome, key=str)[0] == 1, outcome
    refused = next(o for o in outcome if isinstance(o, str))
    assert "version 1" in refused and "not 0" in refused, refused
    with store() as session:
        assert [h.version for h in capacity_history(session, office="NLRTM1")] == [1]
        assert len(entries(session, kind="capacity_change")) == 1
