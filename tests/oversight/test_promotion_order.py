"""A promotion commits its audit entries before the registry is written, on SQLite and
PostgreSQL: a commit that fails leaves the registry as it was; a registry write that fails
after the commit is recorded (``not_applied``); a mismatch left by a crash between the two is
what ``clearlane audit verify`` reports. Until mends5 (2026-12-05) the registry was written
first and a failed commit left a champion the audit trail never recorded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from clearlane import workflows
from clearlane.audit import entries, verify
from clearlane.cli import app
from clearlane.ingest.pipeline import ingest_records
from clearlane.learn.registry import ModelRegistry
from clearlane.oversight import models as oversight_models
from clearlane.oversight.models import promote_model, reconcile_champions
from clearlane.store.session import open_store
from clearlane.workflows import ENGINE_NAME, default_registry, ensure_champion
from tests.factories import declaration, item
from tests.oversight.test_model_promotion_races import versions


class CommitFailed(RuntimeError):
    pass


def _fail_commits(session: Session) -> None:
    def boom(*_: Any) -> None:
        raise CommitFailed("the store refused the commit (disk full)")

    event.listen(session, "before_commit", boom)


def _actions(store: sessionmaker[Session], name: str) -> list[tuple[str, str]]:
    with store() as session:
        found = entries(session, kind="model_change", subject=f"model:{name}")
        assert verify(session).ok
    return [(e["payload"]["action"], e["payload"]["version"]) for e in reversed(found)]


def test_a_manual_promotion_whose_commit_fails_leaves_the_registry_as_it_was(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    registry = ModelRegistry(tmp_path / "registry")
    first, second = versions(registry, "risk", 2)
    with store() as session:
        _fail_commits(session)
        with pytest.raises(CommitFailed):  # the API commits after promote_model returns
            promote_model(
                session,
                registry=registry,
                model=second.id,
                decided_by="supervisor",
                justification="a long enough reason to promote",
            )
            session.commit()
        session.rollback()
    champion = registry.champion("risk")
    assert champion is not None and champion.id == first.id
    assert [d.challenger for d in registry.decisions("risk")] == [first.id]
    assert _actions(store, "risk") == []
    with store() as session:
        assert reconcile_champions(session, registry) == []


def test_a_registry_write_failing_after_the_commit_is_recorded_not_applied(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = ModelRegistry(tmp_path / "registry")
    first, second = versions(registry, "risk", 2)

    def full(*_: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ModelRegistry, "_set_champion", full)
    with store() as session, pytest.raises(OSError, match="No space"):
        promote_model(
            session,
            registry=registry,
            model=second.id,
            decided_by="supervisor",
            justification="a long enough reason to promote",
        )
    champion = registry.champion("risk")
    assert champion is not None and champion.id == first.id
    assert _actions(store, "risk") == [
        ("promoted_manually", second.id),
        ("not_applied", second.id),
    ]
    with store() as session:
        assert reconcile_champions(session, registry) == []


def test_a_fallback_promotion_whose_commit_fails_leaves_no_champion(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The trained and fallback engines' promotions (``_promote_audited``) likewise."""
    records = [
        declaration(
            f"PO-{i}",
            declaration_date=f"2025-03-{1 + i % 20:02d}",
            items=[item(item_value=1000.0 + 37 * i, net_mass_kg=5.0 + i % 7)],
        )
        for i in range(40)
    ]
    assert ingest_records(records, source="t", session_factory=store).stored == 40
    registry = default_registry(tmp_path / "data")
    real = workflows.append_many

    def append_then_fail_the_commit(session: Session, events: Any) -> Any:
        _fail_commits(session)
        return real(session, events)

    monkeypatch.setattr(workflows, "append_many", append_then_fail_the_commit)
    with pytest.raises(CommitFailed):
        ensure_champion(registry, session_factory=store, profiles=None, created_by="worker")
    assert registry.champion(ENGINE_NAME) is None
    assert registry.decisions(ENGINE_NAME) == []
    assert _actions(store, ENGINE_NAME) == []


def test_audit_verify_reports_a_champion_the_registry_does_not_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash after the promotion's commit and before the registry write (here: the
    registry's champion file put back as it was) leaves the trail naming a champion the
    registry does not hold: `clearlane audit verify` says so and exits 1 (it said the trail
    was intact, exit 0)."""
    store = open_store()
    registry = default_registry(tmp_path / "var")  # the CLI's: CLEARLANE_DATA_DIR
    first, second = versions(registry, "risk", 2)
    ok = CliRunner().invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0, ok.output  # the first champion was never audited: not compared
    before = registry.champions_path.read_bytes()
    with store() as session:
        promote_model(
            session,
            registry=registry,
            model=second.id,
            decided_by="supervisor",
            justification="a long enough reason to promote",
        )
        session.commit()
    ok = CliRunner().invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0, ok.output  # they agree
    registry.champions_path.write_bytes(before)  # the registry write that never happened
    bad = CliRunner().invoke(app, ["audit", "verify"])
    assert bad.exit_code == 1, bad.output
    assert (
        f"model risk: the audit trail's last promotion made {second.id} champion, the "
        f"registry's champion is {first.id}"
    ) in " ".join(bad.output.split()), bad.output


def test_audit_verify_without_the_model_registry_says_champions_were_not_compared(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(reviewm5) The third party the head is handed to (docs/audit.md) verifies the chain
    with the store's URL and no model registry: the chain intact, `clearlane audit verify`
    exited 1 on "the registry's champion is none" for every audited promotion, a false
    alarm. Without a registry (no DATA_DIR/models) the champions are not compared, and it
    says so; exit 0 on an intact chain."""
    from clearlane.config import get_settings

    monkeypatch.setenv("CLEARLANE_DATABASE_URL", store_url)
    get_settings.cache_clear()
    store = open_store()
    registry = default_registry(tmp_path / "var")  # the CLI's: CLEARLANE_DATA_DIR
    _, second = versions(registry, "risk", 2)
    with store() as session:
        promote_model(
            session,
            registry=registry,
            model=second.id,
            decided_by="supervisor",
            justification="a long enough reason to promote",
        )
        session.commit()
    registry.root.rename(tmp_path / "models-elsewhere")  # the auditor's machine: none
    out = CliRunner().invoke(app, ["audit", "verify"])
    assert out.exit_code == 0, out.output
    said = " ".join(out.output.split())
    assert "chain intact" in said and "champion mismatch" not in said, said
    assert "champions not compared: no model registry at" in said, said


def test_a_fallback_promotion_whose_registry_write_fails_is_recorded_not_applied(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``_promote_audited`` records ``not_applied`` while the promotion lock is still held
    (mends7, 2026-12-05; after its release until then, when a repair could come first)."""
    import fcntl

    records = [
        declaration(
            f"PN-{i}",
            declaration_date=f"2025-03-{1 + i % 20:02d}",
            items=[item(item_value=1000.0 + 37 * i, net_mass_kg=5.0 + i % 7)],
        )
        for i in range(40)
    ]
    assert ingest_records(records, source="t", session_factory=store).stored == 40
    registry = default_registry(tmp_path / "data")
    held: list[bool] = []
    real_record = oversight_models.record_unapplied

    def probed(*args: Any, **kwargs: Any) -> None:
        with open(registry.root / ".lock", "a+b") as probe:
            try:
                fcntl.flock(probe.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(probe.fileno(), fcntl.LOCK_UN)
                held.append(False)
            except BlockingIOError:
                held.append(True)
        real_record(*args, **kwargs)

    def full(*_: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ModelRegistry, "_set_champion", full)
    monkeypatch.setattr(oversight_models, "record_unapplied", probed)
    with pytest.raises(OSError, match="No space"):
        ensure_champion(registry, session_factory=store, profiles=None, created_by="worker")
    assert held == [True]
    assert registry.champion(ENGINE_NAME) is None
    actions = _actions(store, ENGINE_NAME)
    assert [a for a, _ in actions] == ["registered", "promoted", "not_applied"]
