"""A document's reassessment racing the officer's work on the same declaration (threads
released by a barrier, SQLite and PostgreSQL). :func:`clearlane.intake.reassess_after_document`
checks that the declaration is undecided (no decision, no control result) and assesses it
again in one transaction under the declaration's decision lock: whatever the officer records
at that moment must wait for it, or come first and stop it, never land between its check and
its write (a reassessment stored after the control result it did not see)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from clearlane import intake
from clearlane.audit import verify
from clearlane.ingest.pipeline import ingest_file
from clearlane.intake import reassess_after_document, submit_declarations
from clearlane.learn.registry import ModelRegistry
from clearlane.oversight import decide
from clearlane.oversight.controls import ControlForm, record_control_result
from clearlane.store.tables import AssessmentRow, AuditEntryRow, DecisionRow
from clearlane.workflows import load_champion
from tests.concurrency import together
from tests.factories import control_result, declaration, write_jsonl
from tests.intake.test_reassess import KEY, _invoice_read, _plain_hs  # noqa: F401 - fixture

FORM = ControlForm(
    control_type="documentary",
    outcome="compliant",
    selection_reason="risk",
    completed_at=datetime(2025, 3, 20, tzinfo=UTC),
)


def _hold_between_check_and_write(
    monkeypatch: pytest.MonkeyPatch, store: sessionmaker[Session], other_done: threading.Event
) -> threading.Event:
    """Make the reassessment, once it has checked (undecided) and before it writes, wait until
    the other racer is done or waits on a lock (PostgreSQL: a lock not granted; SQLite: its
    one write lock is held here, so after a bounded wait). Returns an event set at that point,
    so the other racer starts its work only once the check was made."""
    checked = threading.Event()
    real = intake.assess_and_route

    def held(session: Session, **kwargs: Any) -> Any:
        checked.set()
        postgres = session.get_bind().dialect.name == "postgresql"
        deadline = time.monotonic() + (20 if postgres else 2)
        while not other_done.is_set() and time.monotonic() < deadline:
            if postgres:
                with store() as watcher:
                    if watcher.scalar(text("SELECT count(*) FROM pg_locks WHERE NOT granted")):
                        break
            time.sleep(0.05)
        return real(session, **kwargs)

    monkeypatch.setattr(intake, "assess_and_route", held)
    return checked


def _scored(store: sessionmaker[Session], registry: ModelRegistry, tmp_path: Path) -> Any:
    engine, _ = load_champion(registry)
    submit_declarations([declaration("RR-1")], source="t", engine=engine, key=KEY,
                        session_factory=store)  # fmt: skip
    _invoice_read(store, "RR-1", tmp_path)
    return engine


def _seq(session: Session, kind: str) -> list[int]:
    return list(
        session.scalars(
            select(AuditEntryRow.seq)
            .where(AuditEntryRow.kind == kind, AuditEntryRow.subject == "declaration:RR-1")
            .order_by(AuditEntryRow.seq)
        )
    )


def test_a_control_result_recorded_while_a_document_reassesses_is_never_overtaken(
    store: sessionmaker[Session],
    trained_registry: ModelRegistry,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = _scored(store, trained_registry, tmp_path)
    done = threading.Event()
    checked = _hold_between_check_and_write(monkeypatch, store, done)

    def racer(i: int) -> str:
        if i == 0:
            return reassess_after_document(
                reference="RR-1", engine=engine, key=KEY, session_factory=store
            ).status
        checked.wait(30)
        try:
            with store() as session, session.begin():
                record_control_result(session, reference="RR-1", form=FORM, officer="officer1")
        finally:
            done.set()
        return "recorded"

    outcome = together(2, racer)
    assert outcome[1] == "recorded", outcome
    with store() as session:
        (control,) = _seq(session, "control_result")
        assessments = _seq(session, "assessment")
        # the reassessment (if any) was written before the control result, never after it
        assert all(seq < control for seq in assessments), (outcome, assessments, control)
        assert verify(session).ok


def test_a_control_result_file_ingested_while_a_document_reassesses_is_never_overtaken(
    store: sessionmaker[Session],
    trained_registry: ModelRegistry,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same as a file ingest of control results (`clearlane ingest --kind controls`),
    which takes no lock of the declaration's: the reassessment locks the control results
    against inserts (PostgreSQL) while it checks and writes."""
    engine = _scored(store, trained_registry, tmp_path)
    path = write_jsonl(tmp_path / "controls.jsonl", [control_result("RR-1")])
    done = threading.Event()
    checked = _hold_between_check_and_write(monkeypatch, store, done)

    def racer(i: int) -> str:
        if i == 0:
            return reassess_after_document(
                reference="RR-1", engine=engine, key=KEY, session_factory=store
            ).status
        checked.wait(30)
        try:
            report = ingest_file(path, kind="controls", session_factory=store, workers=0)
        finally:
            done.set()
        return f"stored {report.controls_stored}"

    outcome = together(2, racer)
    assert outcome[1] == "stored 1", outcome
    with store() as session:
        (control,) = _seq(session, "control_result")
        assessments = _seq(session, "assessment")
        assert all(seq < control for seq in assessments), (outcome, assessments, control)
        assert verify(session).ok


def test_a_decision_made_while_a_document_reassesses_is_made_on_the_new_assessment(
    store: sessionmaker[Session],
    trained_registry: ModelRegistry,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = _scored(store, trained_registry, tmp_path)
    done = threading.Event()
    checked = _hold_between_check_and_write(monkeypatch, store, done)

    def racer(i: int) -> str:
        if i == 0:
            return reassess_after_document(
                reference="RR-1", engine=engine, key=KEY, session_factory=store
            ).status
        checked.wait(30)
        try:
            with store() as session, session.begin():
                decide(session, reference="RR-1", officer="officer1")
        finally:
            done.set()
        return "decided"

    outcome = together(2, racer)
    assert outcome == ["reassessed", "decided"], outcome
    with store() as session:
        newest = session.scalar(select(AssessmentRow.id).order_by(AssessmentRow.id.desc()))
        (decision,) = session.scalars(select(DecisionRow)).all()
        assert decision.assessment_id == newest  # decided on the reassessment, after it
        assert verify(session).ok
