"""Manual model promotions at once (two supervisors, two requests), on SQLite and PostgreSQL.

Each race releases its threads together from a ``threading.Barrier`` and checks what was
stored: the audit trail and the registry's log must tell one story, each promotion naming
the champion it actually replaced.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import entries, verify
from clearlane.learn.registry import ModelRegistry, ModelVersion, PromotionRule, RegistryError
from clearlane.oversight.models import promote_model
from tests.concurrency import together

PERIOD = (date(2024, 7, 1), date(2024, 7, 31))


def versions(registry: ModelRegistry, name: str, n: int) -> list[ModelVersion]:
    """``n`` versions of model ``name``; the first is champion."""
    cards = [
        registry.register(
            f"{name}-{i}".encode(),
            name=name,
            training_window=(date(2024, 1, 1), date(2024, 6, 30 - i)),
            features=["hs2"],
            params={},
            metrics={"pr_auc": 0.3},
        )
        for i in range(n)
    ]
    registry.promote(
        cards[0],
        rule=PromotionRule(),
        challenger_metrics=cards[0].metrics,
        champion_metrics=None,
        period=PERIOD,
    )
    return cards


def promote(store: sessionmaker[Session], registry: ModelRegistry, model: str, who: str) -> str:
    """One request: promote, commit; the error message on a refusal."""
    with store() as session:
        try:
            decision = promote_model(
                session,
                registry=registry,
                model=model,
                decided_by=who,
                justification="a long enough reason to promote",
            )
        except RegistryError as exc:
            session.rollback()
            return f"refused: {exc}"
        session.commit()
        return decision.challenger


def test_two_promotions_of_different_versions_at_once_each_name_the_champion_it_replaced(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    for round_ in range(5):
        registry = ModelRegistry(tmp_path / f"registry-{round_}")
        name = f"risk{round_}"
        first, *racers = versions(registry, name, 3)
        models = [r.id for r in racers]
        done = together(
            2,
            lambda i, reg=registry, models=models: promote(  # type: ignore[misc]
                store, reg, models[i], f"supervisor{i}"
            ),
        )
        assert sorted(done) == sorted(r.id for r in racers)
        logged = registry.decisions(name)[1:]  # after the first champion's
        # the registry's log is a chain: each promotion replaced the one before it
        assert [d.champion for d in logged] == [first.id, logged[0].challenger]
        champion = registry.champion(name)
        assert champion is not None and champion.id == logged[1].challenger
        with store() as session:
            trail = [
                e["payload"] for e in entries(session, kind="model_change", subject=f"model:{name}")
            ][::-1]  # oldest first
            assert verify(session).ok
        # the audit trail tells the same story, in the same order (before the fix both
        # entries named the first champion as champion_before)
        assert [(p["version"], p["champion_before"]) for p in trail] == [
            (d.challenger, d.champion) for d in logged
        ]


def test_two_promotions_of_one_version_at_once_one_wins_the_other_is_refused(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    for round_ in range(5):
        registry = ModelRegistry(tmp_path / f"registry-{round_}")
        name = f"risk{round_}"
        first, second = versions(registry, name, 2)
        done = together(
            2,
            lambda i, reg=registry, model=second.id: promote(  # type: ignore[misc]
                store, reg, model, f"supervisor{i}"
            ),
        )
        assert done.count(second.id) == 1, done
        refused = next(d for d in done if d != second.id)
        assert refused == f"refused: {second.id} is already the champion"
        assert [d.champion for d in registry.decisions(name)[1:]] == [first.id]
        with store() as session:
            trail = [
                e["payload"] for e in entries(session, kind="model_change", subject=f"model:{name}")
            ]
        assert [(p["version"], p["champion_before"]) for p in trail] == [(second.id, first.id)]


def test_a_rule_promotion_compared_with_a_champion_replaced_meanwhile_is_not_made(
    tmp_path: Path,
) -> None:
    """A training compares its challenger with the champion it read minutes before it
    promotes. Two trainings at once (or a manual promotion meanwhile): the later promotion
    was made on metrics measured against a champion no longer in force, replacing the earlier
    one's without ever being compared with it. With ``compared_with`` the registry checks,
    under its lock, that the champion is still the one compared; else the challenger is not
    promoted and the reason names both."""
    for round_ in range(5):
        registry = ModelRegistry(tmp_path / f"registry-{round_}")
        name = f"risk{round_}"
        first, *racers = versions(registry, name, 3)

        root = registry.root

        def train(
            i: int, first: ModelVersion = first, racers: list = racers, root: Path = root
        ) -> bool:
            return (
                ModelRegistry(root)  # each racer opens the registry, as its process would
                .promote(
                    racers[i],
                    rule=PromotionRule(),
                    challenger_metrics={"pr_auc": 0.5},
                    champion_metrics={"pr_auc": 0.3},  # the first champion's, measured before
                    period=PERIOD,
                    compared_with=first.id,
                )
                .promoted
            )

        promoted = together(2, train)
        assert sorted(promoted) == [False, True], promoted
        registry = ModelRegistry(tmp_path / f"registry-{round_}")
        made, refused = registry.decisions(name)[1:]
        assert made.promoted and made.champion == first.id
        assert not refused.promoted and refused.champion == made.challenger
        assert refused.reason == (
            f"the champion is {made.challenger} now, not {first.id} the challenger was "
            "compared with: not promoted (train or compare again)"
        )
        champion = registry.champion(name)
        assert champion is not None and champion.id == made.challenger


def test_a_manual_promotion_between_a_trainings_promotion_and_its_audit_entries_follows_them(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A training (here the fallback's registration, the same path) promotes in the registry
    and then appends its entries. A manual promotion that ran in between named the training's
    version as champion_before and was stored first: the trail then read "X replaced F" before
    "F promoted", and replaying it gave F as the champion while the registry's was X. The
    training's entries are now appended under the promotion lock too: the manual promotion
    waits for them, its entry follows, and the trail's champion is the registry's."""
    import fcntl
    import threading

    from clearlane import workflows
    from tests.factories import make_frame

    registry = ModelRegistry(tmp_path / "registry")
    (manual,) = [
        registry.register(
            b"manual", name=workflows.ENGINE_NAME, training_window=(date(2024, 1, 1),
            date(2024, 6, 30)), features=["hs2"], params={}, metrics={"pr_auc": 0.3},
        )
    ]  # fmt: skip
    real_append_many = workflows.append_many
    outcome: list[str] = []

    def append_many(session: Session, events: list) -> list[int]:
        """Where the training appends its entries: a manual promotion that can take the
        promotion lock now (the training no longer holds it) is made and committed first."""
        with open(registry.root / ".lock", "a+b") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                free = True
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            except BlockingIOError:
                free = False
        if free and not outcome:
            racer = threading.Thread(
                target=lambda: outcome.append(promote(store, registry, manual.id, "supervisor"))
            )
            racer.start()
            racer.join()
        return real_append_many(session, events)

    monkeypatch.setattr(workflows, "append_many", append_many)
    fallback, decision, _, _ = workflows.register_fallback(
        make_frame(300, seed=4, days=15), registry=registry, audit=store
    )
    assert decision.promoted
    if not outcome:  # the training held the lock: the manual promotion comes after it
        outcome.append(promote(store, registry, manual.id, "supervisor"))
    assert outcome == [manual.id]
    champion = registry.champion(workflows.ENGINE_NAME)
    assert champion is not None and champion.id == manual.id
    with store() as session:
        trail = [
            e["payload"]
            for e in entries(session, kind="model_change", subject=f"model:{workflows.ENGINE_NAME}")
        ][::-1]  # oldest first
        assert verify(session).ok
    made = [
        (p["version"], p["champion_before"])
        for p in trail
        if p["action"] in ("promoted", "promoted_manually")
    ]
    # a line: each promotion replaced the one before it, and the last is the registry's
    assert made == [(fallback.id, None), (manual.id, fallback.id)]
