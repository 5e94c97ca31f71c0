"""A crash between a promotion's commit and its registry write is repaired where an engine is
loaded or trained, on SQLite and PostgreSQL (mends6, 2026-12-05; until then only
`clearlane audit verify` reported it, and the registry's old champion went on scoring while
the trail named the new one).

The crash is simulated by raising, between the two writes, an exception no handler of the
promotion sees (``Crash``, a BaseException whose ``not_applied`` record is suppressed as a
dead process would never write it).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy.orm import Session, sessionmaker

from clearlane import workflows
from clearlane.api.scoring import NO_CHAMPION, Scoring
from clearlane.audit import entries, verify
from clearlane.learn.registry import ModelRegistry, ModelVersion
from clearlane.oversight import models as oversight_models
from clearlane.oversight.models import promote_model, reconcile_champions, repair_champions
from tests.concurrency import together
from tests.oversight.test_model_promotion_races import versions


class Crash(BaseException):
    """The process dies here."""


def _crash_between_commit_and_registry(
    monkeypatch: pytest.MonkeyPatch, *, after_log: bool = False
) -> None:
    """The next promotion dies after its audit commit: before the decisions log is written,
    or (``after_log``) after it and before the champion pointer."""
    target = "_set_champion" if after_log else "_append_decision"

    def die(*_: Any) -> None:
        raise Crash

    monkeypatch.setattr(ModelRegistry, target, die)
    monkeypatch.setattr(oversight_models, "record_unapplied", lambda *a, **k: None)


def _crashed_promotion(
    store: sessionmaker[Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    after_log: bool = False,
) -> tuple[ModelRegistry, ModelVersion, ModelVersion]:
    registry = ModelRegistry(tmp_path / "registry")
    first, second = versions(registry, "risk", 2)
    with monkeypatch.context() as patch:
        _crash_between_commit_and_registry(patch, after_log=after_log)
        with store() as session, pytest.raises(Crash):
            promote_model(
                session,
                registry=registry,
                model=second.id,
                decided_by="supervisor",
                justification="a long enough reason to promote",
            )
    champion = registry.champion("risk")
    assert champion is not None and champion.id == first.id  # the crash's state
    with store() as session:
        assert reconcile_champions(session, registry)  # what audit verify reported
    return registry, first, second


def _actions(store: sessionmaker[Session]) -> list[tuple[str, str, Any]]:
    with store() as session:
        assert verify(session).ok
        found = entries(session, kind="model_change", subject="model:risk")
    return [
        (e["payload"]["action"], e["payload"]["version"], e["payload"].get("champion_kept"))
        for e in reversed(found)
    ]


@pytest.mark.parametrize("after_log", [False, True], ids=["before-log", "after-log"])
def test_a_crashed_promotion_is_completed_when_its_artifact_matches_the_trail(
    store: sessionmaker[Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    after_log: bool,
) -> None:
    registry, first, second = _crashed_promotion(store, tmp_path, monkeypatch, after_log=after_log)
    done = repair_champions(store, registry)
    assert done == [
        f"model risk: completed the promotion of {second.id} (audit entry "
        f"{_promoted_seq(store)}); the registry's champion was {first.id}"
    ]
    champion = registry.champion("risk")
    assert champion is not None and champion.id == second.id
    logged = registry.decisions("risk")
    assert [(d.challenger, d.promoted) for d in logged] == [(first.id, True), (second.id, True)]
    assert logged[-1].kind == ("manual" if after_log else "reconcile")
    assert _actions(store) == [
        ("promoted_manually", second.id, None),
        ("promotion_completed", second.id, None),
    ]
    with store() as session:
        assert reconcile_champions(session, registry) == []
    assert repair_champions(store, registry) == []  # nothing more to do


def _promoted_seq(store: sessionmaker[Session]) -> int:
    with store() as session:
        found = entries(session, kind="model_change", subject="model:risk")
    return next(int(e["seq"]) for e in found if e["payload"]["action"] == "promoted_manually")


def test_a_crashed_promotion_whose_artifact_is_gone_keeps_the_registrys_champion(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry, first, second = _crashed_promotion(store, tmp_path, monkeypatch)
    artifact = registry.artifact_path(second)
    artifact.chmod(0o644)
    artifact.write_bytes(b"not what was promoted")
    (done,) = repair_champions(store, registry)
    assert done.startswith(f"model risk: the promotion of {second.id} (audit entry ")
    assert "was not completed (its artifact cannot be used: " in done
    assert done.endswith(f"the registry's champion {first.id} is kept")
    champion = registry.champion("risk")
    assert champion is not None and champion.id == first.id
    assert [d.challenger for d in registry.decisions("risk")] == [first.id]
    assert _actions(store) == [
        ("promoted_manually", second.id, None),
        ("not_applied", second.id, first.id),
    ]
    with store() as session:  # the trail's champion is the one kept: compared, and agreeing
        assert reconcile_champions(session, registry) == []
    assert repair_champions(store, registry) == []


def test_a_registry_moved_on_since_the_crash_is_not_rolled_back(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The registry's champion is no longer the one the crashed promotion replaced (promoted
    meanwhile without the trail): completing it would undo that; the registry's is kept."""
    registry, first, second = _crashed_promotion(store, tmp_path, monkeypatch)
    third = registry.register(
        b"risk-3",
        name="risk",
        training_window=first.training_window,
        features=["hs2"],
        params={},
        metrics={"pr_auc": 0.3},
    )
    registry.promote_manually(third, decided_by="notebook", justification="tried by hand")
    (done,) = repair_champions(store, registry)
    assert f"the registry's champion is {third.id}, not {first.id} the promotion replaced" in done
    champion = registry.champion("risk")
    assert champion is not None and champion.id == third.id
    assert _actions(store)[-1] == ("not_applied", second.id, third.id)


def test_two_reconcilers_at_once_repair_once(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry, _, second = _crashed_promotion(store, tmp_path, monkeypatch)
    done = together(2, lambda _i: repair_champions(store, ModelRegistry(registry.root)))
    assert sorted(len(d) for d in done) == [0, 1]
    assert [a for a, *_ in _actions(store)] == ["promoted_manually", "promotion_completed"]
    assert [d.challenger for d in registry.decisions("risk")][-1] == second.id
    assert len(registry.decisions("risk")) == 2


def test_the_api_repairs_before_it_loads_an_engine(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry, _, second = _crashed_promotion(store, tmp_path, monkeypatch)
    scoring = Scoring(registry=registry, session_factory=store)
    engine, problem = scoring.engine(fit=False)  # no risk-engine here: only "risk" repaired
    assert engine is None and problem == NO_CHAMPION
    champion = registry.champion("risk")
    assert champion is not None and champion.id == second.id


def test_training_starts_by_repairing(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`clearlane train` (train_and_register with its audit store): the repair comes before
    the split, so the champion compared with is the one the trail and registry agree on."""
    registry, _, second = _crashed_promotion(store, tmp_path, monkeypatch)

    class Stop(Exception):
        pass

    def stop(*_: Any, **__: Any) -> Any:
        raise Stop

    monkeypatch.setattr(workflows, "temporal_split", stop)
    said: list[str] = []
    with pytest.raises(Stop):
        workflows.train_and_register(
            pd.DataFrame(), registry=registry, audit=store, progress=said.append
        )
    champion = registry.champion("risk")
    assert champion is not None and champion.id == second.id
    assert len(said) == 1 and said[0].startswith("model risk: completed the promotion of")


def test_clearlane_score_repairs_before_it_loads_the_champion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI's store and registry (CLEARLANE_DATA_DIR): `clearlane score` repairs first,
    says so on stderr, then finds no risk-engine champion (exit 3, as before)."""
    from typer.testing import CliRunner

    from clearlane.cli import app
    from clearlane.store.session import open_store
    from clearlane.workflows import default_registry

    store = open_store()
    registry = default_registry(tmp_path / "var")
    first, second = versions(registry, "risk", 2)
    with monkeypatch.context() as patch:
        _crash_between_commit_and_registry(patch)
        with store() as session, pytest.raises(Crash):
            promote_model(
                session,
                registry=registry,
                model=second.id,
                decided_by="supervisor",
                justification="a long enough reason to promote",
            )
    out = CliRunner().invoke(app, ["score", "--no-record"])
    assert out.exit_code == 3, out.output
    assert f"completed the promotion of {second.id}" in " ".join(out.output.split())
    champion = registry.champion("risk")
    assert champion is not None and champion.id == second.id


def test_a_store_error_while_reconciling_does_not_take_the_engine_down(
    store: sessionmaker[Session],
    trained_registry: ModelRegistry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The API's reconcile reads the audit trail before it loads the champion: a store that
    fails that once (a restart, a lost connection) must not leave the worker without an
    engine until the champion pointer changes (reviewk6, 2026-12-05: the error was taken for
    an unreadable engine and cached under the pointer's stamp). The registry's champion is
    loaded, and the reconcile is tried again on the next request."""
    from sqlalchemy.exc import OperationalError

    from clearlane.api import scoring as scoring_module

    calls: list[int] = []

    def flaky(registry: ModelRegistry, session_factory: Any) -> list[str]:
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))
        return []

    monkeypatch.setattr(scoring_module, "reconcile_promotions", flaky)
    scoring = Scoring(registry=trained_registry, session_factory=store)
    engine, problem = scoring.engine(fit=False)
    assert engine is not None and problem is None, problem
    again, problem = scoring.engine(fit=False)
    assert again is engine and problem is None
    assert len(calls) == 2  # tried again once the store answered; then cached
    scoring.engine(fit=False)
    assert len(calls) == 2


def test_a_registry_put_back_by_hand_after_a_completed_promotion_is_not_rolled_forward(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """A promotion that was applied (trail and registry agree), then the registry's champion
    put back by hand to the one it replaced (a notebook's ``promote_manually``, no audit
    entry): the registry again holds the promotion's ``champion_before``, as after a crash,
    but its champion was written after the promotion's entry, so no crash left it. The
    repair keeps it (reviewk6, 2026-12-05: it "completed" the promotion again, undoing the
    newer change)."""
    registry = ModelRegistry(tmp_path / "registry")
    first, second = versions(registry, "risk", 2)
    with store() as session:
        promote_model(
            session,
            registry=registry,
            model=second.id,
            decided_by="supervisor",
            justification="a long enough reason to promote",
        )
    registry.promote_manually(first, decided_by="notebook", justification="put back by hand")
    (done,) = repair_champions(store, registry)
    assert f"the promotion of {second.id} (audit entry " in done and "was applied" in done
    assert f"{first.id} replaced it in the registry" in done and "no audit entry" in done
    champion = registry.champion("risk")
    assert champion is not None and champion.id == first.id
    assert _actions(store)[-1] == ("not_applied", second.id, first.id)
    assert repair_champions(store, registry) == []


def test_a_repair_during_a_failed_promotions_record_does_not_complete_it(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A promotion's registry write fails; while its ``not_applied`` is being recorded, a
    repair starts in another thread (released by a barrier). Until mends7 (2026-12-05) the
    entry was recorded after the promotion lock was released: the repair completed the
    promotion (``promotion_completed``, the registry at v2), then ``not_applied`` landed after
    it, and the trail said not applied while the registry held v2 (and the check stopped
    comparing). Now it is recorded under the lock: the repair waits and finds nothing to do."""
    import fcntl

    registry = ModelRegistry(tmp_path / "registry")
    first, second = versions(registry, "risk", 2)
    real_append, real_record = ModelRegistry._append_decision, oversight_models.record_unapplied
    failed: list[bool] = []

    def fail_once(self: ModelRegistry, decision: Any) -> None:
        if not failed:
            failed.append(True)
            raise OSError("disk full")
        real_append(self, decision)

    barrier, repaired = threading.Barrier(2), threading.Event()

    def paused_record(*args: Any, **kwargs: Any) -> None:
        barrier.wait()  # the repair starts now
        with open(registry.root / ".lock", "a+b") as probe:
            try:  # the promotion lock free: the repair can run in the window; let it finish
                fcntl.flock(probe.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(probe.fileno(), fcntl.LOCK_UN)
                repaired.wait()
            except BlockingIOError:  # held by this promotion: the repair waits for it
                pass
        real_record(*args, **kwargs)

    monkeypatch.setattr(ModelRegistry, "_append_decision", fail_once)
    monkeypatch.setattr(oversight_models, "record_unapplied", paused_record)

    def promote() -> None:
        with store() as session, pytest.raises(OSError, match="disk full"):
            promote_model(
                session,
                registry=registry,
                model=second.id,
                decided_by="supervisor",
                justification="a long enough reason to promote",
            )

    def repair() -> list[str]:
        barrier.wait()
        try:
            return repair_champions(store, ModelRegistry(registry.root))
        finally:
            repaired.set()

    with ThreadPoolExecutor(2) as pool:
        promoting, repairing = pool.submit(promote), pool.submit(repair)
        promoting.result()
        done = repairing.result()
    champion = registry.champion("risk")
    actions = _actions(store)
    assert champion is not None and champion.id == first.id, (champion, actions)
    assert actions == [
        ("promoted_manually", second.id, None),
        ("not_applied", second.id, None),
    ]
    assert [d.challenger for d in registry.decisions("risk")] == [first.id]
    assert done == []
    with store() as session:
        assert reconcile_champions(session, registry) == []


@pytest.mark.parametrize("rollback", [False, True], ids=["newer", "rollback"])
def test_an_old_order_crash_is_named_for_what_it_is(
    store: sessionmaker[Session], tmp_path: Path, rollback: bool
) -> None:
    """Until mends5 a promotion wrote the registry first and committed its entry after: a
    crash between the two left the registry's champion promoted (decisions log and pointer)
    with no audit entry, after the trail's last promotion had been applied. The repair keeps
    the registry's champion, but its ``not_applied`` said the trail's promotion "was not
    completed" because "the registry's champion is risk@3, not risk@1 the promotion
    replaced", or (a rollback to risk@1) that "no crash left it": neither is what happened."""
    registry = ModelRegistry(tmp_path / "registry")
    first, second, third = versions(registry, "risk", 3)
    with store() as session:
        promote_model(
            session,
            registry=registry,
            model=second.id,
            decided_by="supervisor",
            justification="a long enough reason to promote",
        )
    kept = first if rollback else third
    # the old order: the registry written, then the process dies before the entry's commit
    registry.promote_manually(kept, decided_by="supervisor", justification="the old order")
    (done,) = repair_champions(store, registry)
    assert done.startswith(f"model risk: the registry's champion {kept.id} is kept: "), done
    assert f"the promotion of {second.id} (audit entry {_promoted_seq(store)}) was applied" in done
    assert "with no audit entry" in done and "crashed" in done
    assert "was not completed" not in done and "no crash left it" not in done, done
    assert "the promotion replaced" not in done, done
    champion = registry.champion("risk")
    assert champion is not None and champion.id == kept.id
    assert _actions(store)[-1] == ("not_applied", second.id, kept.id)
    with store() as session:
        (entry,) = entries(session, kind="model_change", subject="model:risk", limit=1)
    assert entry["payload"]["reason"] in done
    assert repair_champions(store, registry) == []


def test_the_api_reconciles_once_per_change_without_a_champion(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A registry holding a model but no risk-engine champion: every request (here reads)
    ran the reconcile's query again, as no engine was cached. It runs once, and again when
    the registry changes (a promotion: the champion pointer, the decisions log)."""
    registry = ModelRegistry(tmp_path / "registry")
    calls: list[int] = []
    real = oversight_models.reconcile_champions

    def counted(session: Session, registry: ModelRegistry | None) -> list[str]:
        calls.append(1)
        return real(session, registry)

    monkeypatch.setattr(oversight_models, "reconcile_champions", counted)
    first, second = versions(registry, "risk", 2)  # "risk" has a champion, risk-engine none
    scoring = Scoring(registry=registry, session_factory=store)
    for _ in range(3):
        assert scoring.engine(fit=False) == (None, NO_CHAMPION)
    assert len(calls) == 1
    registry.promote_manually(second, decided_by="notebook", justification="tried by hand")
    for _ in range(2):
        assert scoring.engine(fit=False) == (None, NO_CHAMPION)
    assert len(calls) == 2


def test_the_api_reconciles_again_after_a_while_though_the_registry_did_not_change(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review of mends8: the once-per-change stamp is the registry's files, and a promotion
    commits its audit entry before it writes them. A promotion that dies between the two
    (the case the reconcile is for) changes the trail, not the stamp: a worker without a
    champion that had reconciled before never did again. It reconciles again once
    RECONCILE_AGAIN_SECONDS have passed, whatever the stamp."""
    from clearlane.api import scoring as scoring_module

    registry = ModelRegistry(tmp_path / "registry")
    calls: list[int] = []
    real = oversight_models.reconcile_champions

    def counted(session: Session, registry: ModelRegistry | None) -> list[str]:
        calls.append(1)
        return real(session, registry)

    monkeypatch.setattr(oversight_models, "reconcile_champions", counted)
    versions(registry, "risk", 2)
    now = [1000.0]
    monkeypatch.setattr(scoring_module.time, "monotonic", lambda: now[0])
    scoring = Scoring(registry=registry, session_factory=store)
    for _ in range(3):
        assert scoring.engine(fit=False) == (None, NO_CHAMPION)
    assert len(calls) == 1
    now[0] += getattr(scoring_module, "RECONCILE_AGAIN_SECONDS", 30.0) + 1
    assert scoring.engine(fit=False) == (None, NO_CHAMPION)
    assert len(calls) == 2
