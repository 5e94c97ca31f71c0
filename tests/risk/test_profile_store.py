from __future__ import annotations

import pytest

from clearlane.risk.profile_store import (
    active_profiles,
    profile_history,
    retire_profile,
    save_profiles,
)
from clearlane.risk.profiles import ProfileError, load_default_profiles, parse_profiles


def _one(version: int, weight: float) -> dict:
    return {
        "profiles": [
            {
                "id": "P-1",
                "name": "tobacco",
                "version": version,
                "owner": "analyst",
                "rationale": "excise goods",
                "valid_from": "2020-01-01",
                "weight": weight,
                "conditions": [{"field": "hs_code", "op": "hs_prefix", "value": ["24"]}],
            }
        ]
    }


def test_profiles_are_versioned_and_retired(store) -> None:
    assert active_profiles(session_factory=store) is None
    defaults = load_default_profiles()
    changes = save_profiles(defaults, changed_by="ana", session_factory=store)
    assert {c.action for c in changes} == {"added"}
    again = save_profiles(defaults, changed_by="ana", session_factory=store)
    assert {c.action for c in again} == {"unchanged"}
    loaded = active_profiles(session_factory=store)
    assert loaded is not None and loaded.version == defaults.version

    save_profiles(parse_profiles(_one(1, 0.3)), changed_by="ana", session_factory=store)
    with pytest.raises(ProfileError, match="'P-1' version 1.*give the change version 2"):
        save_profiles(parse_profiles(_one(1, 0.5)), changed_by="ana", session_factory=store)
    save_profiles(parse_profiles(_one(2, 0.5)), changed_by="bob", session_factory=store)
    assert active_profiles(session_factory=store)["P-1"].weight == 0.5  # type: ignore[index]

    retire_profile("P-1", changed_by="sup", note="no longer relevant", session_factory=store)
    current = active_profiles(session_factory=store)
    assert current is not None and "P-1" not in {p.id for p in current}
    history = profile_history("P-1", session_factory=store)
    assert [(h["version"], h["status"]) for h in history] == [
        (1, "active"),
        (2, "active"),
        (3, "retired"),
    ]
    assert history[0]["definition"]["weight"] == 0.3


def test_two_changes_or_retirements_of_one_profile_at_once_one_stored_the_other_refused(
    store,
) -> None:
    """The profile lock (``write_lock``) before the read: of two changes to the same new
    version at once (two analysts bringing a retired profile back, say) one is stored, the
    other refused for its version; of two retirements at once one retires, the other is told
    it is retired already. One history, one audit entry each (barrier, both backends)."""
    from clearlane.audit import entries, verify
    from clearlane.errors import Conflict
    from tests.concurrency import together

    save_profiles(parse_profiles(_one(1, 0.3)), changed_by="ana", session_factory=store)
    weights = [0.5, 0.7]

    def change(i: int) -> str:
        try:
            save_profiles(
                parse_profiles(_one(2, weights[i])), changed_by=f"an{i}", session_factory=store
            )
        except ProfileError as refused:
            return f"refused: {refused}"
        return "stored"

    outcome = together(2, change)
    assert sorted(o.split(":")[0] for o in outcome) == ["refused", "stored"], outcome

    def retire(i: int) -> str:
        try:
            retire_profile(
                "P-1", changed_by=f"sup{i}", note="no longer relevant", session_factory=store
            )
        except Conflict as refused:
            return f"refused: {refused}"
        return "retired"

    outcome = together(2, retire)
    assert sorted(o.split(":")[0] for o in outcome) == ["refused", "retired"], outcome
    history = profile_history("P-1", session_factory=store)
    assert [(h["version"], h["status"]) for h in history] == [
        (1, "active"),
        (2, "active"),
        (3, "retired"),
    ]
    with store() as session:
        assert len(entries(session, kind="profile_change", subject="profile:P-1")) == 3
        assert verify(session).ok


def test_two_adds_of_one_new_profile_at_once_one_added_the_other_told_it_exists(store) -> None:
    """Two analysts adding the same new profile id at once (the editor's "new profile", POST
    /api/profiles), with different versions, so the (profile_id, version) unique constraint
    alone would store both: the profile lock makes the second read the first's row and
    refuse with ProfileExists (a conflict, 409). One history, one audit entry (barrier, both
    backends)."""
    from clearlane.audit import entries, verify
    from clearlane.risk.profile_store import ProfileExists, add_profile
    from tests.concurrency import together

    def add(i: int) -> str:
        (profile,) = parse_profiles(_one(1 + i, 0.3 + i / 10))
        try:
            add_profile(profile, changed_by=f"an{i}", session_factory=store)
        except ProfileExists as refused:
            return f"exists: {refused}"
        return "added"

    outcome = together(2, add)
    assert sorted(o.split(":")[0] for o in outcome) == ["added", "exists"], outcome
    assert len(profile_history("P-1", session_factory=store)) == 1
    with store() as session:
        assert len(entries(session, kind="profile_change", subject="profile:P-1")) == 1
        assert verify(session).ok
