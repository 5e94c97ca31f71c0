"""What a trader may see of their own declarations: where each stands (received, released,
under control, control completed), never a score, a reason or a profile (risk criteria are
confidential). A trader's organisation sees the declarations where it is the declarant or the
importer; any other declaration does not exist for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from clearlane.oversight.assessments import latest_assessment
from clearlane.oversight.decisions import current_decision
from clearlane.store.tables import ControlResultRow, DeclarationRow, MessageRow

CONTROL_LANES = frozenset({"yellow", "red", "blue"})


@dataclass(frozen=True)
class TraderView:
    reference: str
    version: int
    declaration_date: date
    office: str | None
    status: str  # see public_status
    received_at: datetime
    messages: int


def visible_to(organisation: str) -> object:
    """The SQL condition: declarations of ``organisation`` (declarant or importer)."""
    return or_(
        DeclarationRow.declarant_id == organisation, DeclarationRow.importer_id == organisation
    )


def owns(session: Session, *, reference: str, organisation: str) -> bool:
    """Whether ``organisation`` is the declarant or importer of any version of ``reference``."""
    found = session.scalar(
        select(DeclarationRow.id)
        .where(DeclarationRow.reference == reference, visible_to(organisation))  # type: ignore[arg-type]
        .limit(1)
    )
    return found is not None


def public_status(session: Session, *, reference: str) -> str:
    """The status a declarant may see: ``received`` (not assessed yet), ``released``,
    ``under control`` or ``control completed``."""
    assessment = latest_assessment(session, reference=reference)
    if assessment is None:
        return "received"
    decision = current_decision(session, reference=reference, version=assessment.version)
    lane = decision.lane if decision is not None else assessment.lane
    if lane not in CONTROL_LANES:
        return "released"
    controlled = session.scalar(
        select(ControlResultRow.id)
        .where(ControlResultRow.declaration_reference == reference)
        .limit(1)
    )
    return "control completed" if controlled is not None else "under control"


def trader_declarations(
    session: Session, *, organisation: str, offset: int = 0, limit: int = 50
) -> tuple[list[TraderView], int]:
    """The newest version of each of ``organisation``'s declarations, newest first, with the
    total count."""
    newest = (
        select(DeclarationRow.reference, func.max(DeclarationRow.version).label("version"))
        .where(visible_to(organisation))  # type: ignore[arg-type]
        .group_by(DeclarationRow.reference)
        .subquery()
    )
    total = session.scalar(select(func.count()).select_from(newest)) or 0
    rows = session.scalars(
        select(DeclarationRow)
        .join(
            newest,
            (DeclarationRow.reference == newest.c.reference)
            & (DeclarationRow.version == newest.c.version),
        )
        .order_by(DeclarationRow.ingested_at.desc(), DeclarationRow.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    counts = dict(
        session.execute(
            select(MessageRow.reference, func.count())
            .where(MessageRow.reference.in_([r.reference for r in rows]))
            .group_by(MessageRow.reference)
        ).all()
    )
    views = [
        TraderView(
            reference=row.reference,
            version=row.version,
            declaration_date=row.declaration_date,
            office=row.office,
            status=public_status(session, reference=row.reference),
            received_at=row.ingested_at,
            messages=int(counts.get(row.reference, 0)),
        )
        for row in rows
    ]
    return views, int(total)
