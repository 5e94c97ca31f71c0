"""Officer decisions: the engine proposes a lane, an officer accepts or overrides it.

An override needs a justification. A declaration is decided once; a later change is refused
unless it is explicit (``change=True``), justified and names the decision it changes
(``supersedes``: the id of the decision in force that the officer saw). It is stored as a new
decision that supersedes that one, so the history stays one line. Of two officers changing the
same decision at once, the second finds it superseded already and is refused
(:class:`StaleDecisionError`, 409) with the decision in force now, instead of silently
replacing a change it never saw. Every decision goes to the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clearlane.audit.chain import append
from clearlane.core.schema import Lane
from clearlane.errors import DomainError
from clearlane.oversight.assessments import REASONS_DEFERRED, latest_assessment
from clearlane.store.locks import violated_constraint as violated
from clearlane.store.locks import write_lock
from clearlane.store.tables import DECLARATION_BASIS, DecisionRow

MIN_JUSTIFICATION = 10  # characters: "ok" is not a justification


class DecisionError(DomainError, ValueError):
    """A decision that cannot be recorded as asked (the message says why); ``field`` names
    the input at fault (``lane``, ``justification``: kind ``invalid``), None or ``change`` when
    the state of the declaration is what forbids it (kind ``conflict``)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(
            message, field=field, kind="conflict" if field in (None, "change") else "invalid"
        )


class NotAssessedError(DecisionError, LookupError):
    """No assessment to decide on."""


@dataclass(frozen=True)
class ShownReasons:
    """The reasons an officer was shown for an assessment stored without them (computed
    when the declaration was opened: ``clearlane score --reasons flagged`` leaves a green
    row's so, ``components["reasons_deferred"]``), and the note shown with them. The decision
    on that assessment keeps them in its audit entry: the stored assessment is the record of
    what the officer saw, and once the engine is retrained they can no longer be computed."""

    assessment_id: int
    reasons: list[dict[str, Any]] = field(default_factory=list)
    note: str | None = None


class AlreadyDecidedError(DecisionError):
    """The declaration is decided; only an explicit, justified change may follow."""


class DecidedMeanwhileError(AlreadyDecidedError):
    """Another officer's first decision on the same declaration version was stored meanwhile:
    the partial unique index ``uq_decisions_first`` refused this one (a writer that did not
    take the declaration's lock). Nothing is stored; reload the declaration to see it."""


class StaleDecisionError(DecisionError):
    """The decision a change names is no longer the one in force (another officer changed it
    first): the message names the decision in force now, ``current`` is its row."""

    code = "stale_decision"

    def __init__(self, message: str, *, current: DecisionRow) -> None:
        super().__init__(message, field=None)
        self.current = current


class SupersededMeanwhileError(DecisionError):
    """The decision a change names was superseded by another change stored meanwhile: the
    unique index on ``decisions.supersedes_id`` refused this one (a writer that did not take
    the declaration's lock). Nothing is stored; reload the declaration to see the change."""

    code = "stale_decision"


# The decisions table's unique indexes a concurrent writer can violate, and how each backend
# names them: PostgreSQL by the index's name, SQLite by the columns of the failed constraint.
FIRST_DECISION = "uq_decisions_first"  # one first decision per declaration version (0017)
ONE_SUCCESSOR = "uq_decisions_supersedes"  # each decision superseded at most once (0015)
_SQLITE_NAMES = {
    "UNIQUE constraint failed: decisions.reference, decisions.version": FIRST_DECISION,
    "UNIQUE constraint failed: decisions.supersedes_id": ONE_SUCCESSOR,
}


def violated_constraint(error: IntegrityError) -> str | None:
    """The name of the decisions constraint ``error`` violated (``uq_decisions_first``,
    ``uq_decisions_supersedes``; PostgreSQL names any constraint, e.g. a foreign key's), or
    None where the backend does not say (SQLite's foreign keys, NOT NULL)."""
    return violated(error, _SQLITE_NAMES)


def current_decision(
    session: Session, *, reference: str, version: int | None = None
) -> DecisionRow | None:
    """The decision in force: the newest one (later ones supersede earlier ones)."""
    query = select(DecisionRow).where(DecisionRow.reference == reference)
    if version is not None:
        query = query.where(DecisionRow.version == version)
    query = query.order_by(DecisionRow.version.desc(), DecisionRow.id.desc()).limit(1)
    return session.scalars(query).first()


def _history(session: Session, *, reference: str, version: int) -> set[int]:
    """The ids of every decision of ``reference`` ``version`` (in force or superseded); a
    handful, compared in Python so an id beyond the column's range is never sent."""
    query = select(DecisionRow.id).where(
        DecisionRow.reference == reference, DecisionRow.version == version
    )
    return set(session.scalars(query))


def decide(
    session: Session,
    *,
    reference: str,
    officer: str,
    lane: Lane | str | None = None,
    justification: str | None = None,
    version: int | None = None,
    change: bool = False,
    supersedes: int | None = None,
    shown: ShownReasons | None = None,
) -> DecisionRow:
    """Accept the proposed lane (``lane`` None or equal to it) or override it; with
    ``change`` (implied by ``supersedes``) replace the decision in force, whose id
    ``supersedes`` must name.

    ``shown``: the reasons computed for the officer when the assessment was stored without
    them; written with the decision when it is the assessment decided on and still holds no
    reasons of its own (see :class:`ShownReasons`).

    Raises :class:`NotAssessedError`, :class:`AlreadyDecidedError`,
    :class:`StaleDecisionError` (``supersedes`` is not the decision in force) or
    :class:`DecisionError` (override or change without a justification, a change that names
    no decision, unknown lane). Commits with ``session``.

    The declaration is locked first (:func:`~clearlane.store.locks.write_lock`), so of two
    officers deciding or changing it at once the second sees the first's decision and is
    refused: the check and the write are in one transaction under that lock.
    """
    named = supersedes is not None  # the field the caller sent, for the errors below
    change = change or named
    write_lock(session, f"decision:{reference}")
    assessment = latest_assessment(session, reference=reference, version=version)
    if assessment is None:
        raise NotAssessedError(
            f"declaration {reference!r}"
            + (f" version {version}" if version is not None else "")
            + " has no assessment to decide on"
        )
    try:
        chosen = Lane(lane) if lane is not None else Lane(assessment.lane)
    except ValueError:
        choices = ", ".join(item.value for item in Lane)
        raise DecisionError(f"lane {lane!r} is not one of {choices}", field="lane") from None
    text = (justification or "").strip()
    override = chosen.value != assessment.lane
    previous = current_decision(session, reference=reference, version=assessment.version)
    if previous is not None and not change:
        raise AlreadyDecidedError(
            f"declaration {reference!r} version {assessment.version} was already decided "
            f"({previous.action}, lane {previous.lane}) by {previous.officer} at "
            f"{previous.decided_at:%Y-%m-%d %H:%M}; a change must be explicit, justified and name "
            f"the decision it replaces (supersedes: {previous.id})"
        )
    if change and previous is None:
        raise DecisionError(
            f"declaration {reference!r} has no decision to change; record a first decision",
            field="supersedes" if named else "change",
        )
    if (override or change) and len(text) < MIN_JUSTIFICATION:
        what = "changing a decision" if change else "overriding the proposed lane"
        raise DecisionError(
            f"justification: {what} needs a justification of at least "
            f"{MIN_JUSTIFICATION} characters",
            field="justification",
        )
    if previous is not None and change:
        if supersedes is None:
            raise DecisionError(
                f"supersedes: a change must name the decision it changes (the id of the "
                f"decision in force, now {previous.id})",
                field="supersedes",
            )
        if supersedes != previous.id and supersedes not in _history(
            session, reference=reference, version=assessment.version
        ):  # not this declaration's at all: a wrong input, not a change made meanwhile
            raise DecisionError(
                f"supersedes: decision {supersedes} is not a decision of declaration "
                f"{reference!r} version {assessment.version}; the one in force: {previous.id}",
                field="supersedes",
            )
        if supersedes != previous.id:
            raise StaleDecisionError(
                f"declaration {reference!r} version {assessment.version}: decision "
                f"{supersedes} is no longer in force; decision {previous.id} ({previous.action}, "
                f"lane {previous.lane}) by {previous.officer} at "
                f"{previous.decided_at:%Y-%m-%d %H:%M} is; review it and change that one if "
                f"still needed",
                current=previous,
            )
    now = datetime.now(UTC)
    action = "override" if override else "accept"
    deferred = (
        shown is not None
        and shown.assessment_id == assessment.id
        and bool((assessment.components or {}).get(REASONS_DEFERRED))
    )
    seq = append(
        session,
        kind="decision",
        actor=officer,
        subject=f"declaration:{reference}",
        payload={
            "version": assessment.version,
            "assessment_id": assessment.id,
            # decided on a provisional (rules-only) or a document reassessment: the basis
            # says which; a newer assessment never moves the decision off this one
            **(
                {"assessment_basis": assessment.basis}
                if assessment.basis != DECLARATION_BASIS
                else {}
            ),
            "action": action,
            "proposed_lane": assessment.lane,
            "lane": chosen.value,
            "justification": text or None,
            "supersedes": previous.id if previous is not None else None,
            # the reasons the officer was shown (the assessment was stored without them)
            **(
                {"reasons": shown.reasons, "reasons_note": shown.note}
                if deferred and shown is not None
                else {}
            ),
        },
    )
    row = DecisionRow(
        reference=reference,
        version=assessment.version,
        assessment_id=assessment.id,
        action=action,
        proposed_lane=assessment.lane,
        lane=chosen.value,
        justification=text or None,
        officer=officer,
        decided_at=now,
        supersedes_id=previous.id if previous is not None else None,
        audit_seq=seq,
    )
    decided = assessment.version  # read now: a failed flush expires the loaded rows
    session.add(row)
    try:
        session.flush()
    except IntegrityError as exc:
        violated = violated_constraint(exc)
        if violated == FIRST_DECISION:  # another first decision came first
            raise DecidedMeanwhileError(
                f"declaration {reference!r} version {decided} was decided by another "
                "officer meanwhile (a first decision stored while this one was being made): "
                "nothing was stored; reload the declaration, and change the decision in force "
                "if still needed"
            ) from exc
        if violated == ONE_SUCCESSOR:  # another change came first
            raise SupersededMeanwhileError(
                f"decision {row.supersedes_id} of declaration {reference!r} was changed by "
                "another change stored meanwhile: reload the declaration and decide on the "
                "decision in force"
            ) from exc
        # Any other constraint (a foreign key, a NOT NULL) is no other officer's decision: a
        # bug, raised as it is (the API answers 500 and logs it). Until mends6 (2026-12-05)
        # every IntegrityError was "decided by another officer meanwhile", 409.
        raise
    return row
