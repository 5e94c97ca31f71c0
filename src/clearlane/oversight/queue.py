"""The officers' work queue: assessed declarations ranked by score, with their lane (the
officer's decision when there is one, else the engine's proposal), the top reason and where
each stands (open, decided, controlled)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from clearlane.store.tables import AssessmentRow, ControlResultRow, DecisionRow

Status = Literal["open", "decided", "controlled", "all"]
STATUSES: tuple[str, ...] = ("open", "decided", "controlled", "all")


@dataclass(frozen=True)
class QueueItem:
    reference: str
    version: int
    office: str | None
    declaration_date: date | None
    assessed_at: datetime
    score: float
    proposed_lane: str
    lane: str  # the decided lane when decided, else the proposed one
    selection_reason: str | None
    top_reason: str | None
    status: str  # open | decided | controlled


@dataclass
class QueuePage:
    items: list[QueueItem] = field(default_factory=list)
    total: int = 0
    offset: int = 0
    limit: int = 50


def _top_reason(reasons: Any) -> str | None:
    if isinstance(reasons, list) and reasons:
        first = reasons[0]
        if isinstance(first, dict):
            return str(first.get("text") or first.get("code") or "") or None
        return str(first)
    return None


def work_queue(
    session: Session,
    *,
    office: str | None = None,
    lane: str | None = None,
    status: Status = "open",
    offset: int = 0,
    limit: int = 50,
) -> QueuePage:
    """One page of the queue, highest score first (each declaration once: its newest
    assessment). ``status``: open (neither decided nor controlled), decided (decided, no
    control result yet), controlled (a control result is recorded) or all."""
    if status not in STATUSES:
        raise ValueError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    newest = (
        select(func.max(AssessmentRow.id).label("id")).group_by(AssessmentRow.reference).subquery()
    )
    decided = (
        select(DecisionRow.reference.label("reference"), func.max(DecisionRow.id).label("id"))
        .group_by(DecisionRow.reference)
        .subquery()
    )
    decision = select(DecisionRow.id, DecisionRow.lane).subquery()
    controlled = (
        select(ControlResultRow.declaration_reference.label("reference"))
        .group_by(ControlResultRow.declaration_reference)
        .subquery()
    )
    final_lane = func.coalesce(decision.c.lane, AssessmentRow.lane)
    query = (
        select(
            AssessmentRow,
            decision.c.lane.label("decided_lane"),
            controlled.c.reference.label("controlled"),
        )
        .join(newest, newest.c.id == AssessmentRow.id)
        .outerjoin(decided, decided.c.reference == AssessmentRow.reference)
        .outerjoin(decision, decision.c.id == decided.c.id)
        .outerjoin(controlled, controlled.c.reference == AssessmentRow.reference)
    )
    conditions = []
    if office:
        conditions.append(AssessmentRow.office == office)
    if lane:
        conditions.append(final_lane == lane)
    if status == "open":
        conditions += [decided.c.id.is_(None), controlled.c.reference.is_(None)]
    elif status == "decided":
        conditions += [decided.c.id.is_not(None), controlled.c.reference.is_(None)]
    elif status == "controlled":
        conditions.append(controlled.c.reference.is_not(None))
    if conditions:
        query = query.where(and_(*conditions))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(
        query.order_by(AssessmentRow.score.desc(), AssessmentRow.id).offset(offset).limit(limit)
    ).all()
    items = []
    for assessment, decided_lane, was_controlled in rows:
        items.append(
            QueueItem(
                reference=assessment.reference,
                version=assessment.version,
                office=assessment.office,
                declaration_date=assessment.declaration_date,
                assessed_at=assessment.assessed_at,
                score=assessment.score,
                proposed_lane=assessment.lane,
                lane=decided_lane or assessment.lane,
                selection_reason=assessment.selection_reason,
                top_reason=_top_reason(assessment.reasons),
                status="controlled" if was_controlled else "decided" if decided_lane else "open",
            )
        )
    return QueuePage(items, int(total), offset, limit)


def queue_offices(session: Session) -> list[str]:
    """The offices that have assessed declarations (for the queue's filter)."""
    rows = session.scalars(
        select(AssessmentRow.office)
        .where(AssessmentRow.office.is_not(None))
        .distinct()
        .order_by(AssessmentRow.office)
    )
    return [str(office) for office in rows]
