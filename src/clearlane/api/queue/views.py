"""``GET /api/queue``: assessed declarations ranked by score, for officers."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from clearlane.api.declarations import service
from clearlane.api.declarations.views import ERRORS
from clearlane.api.deps import DbSession, require
from clearlane.api.permissions import Permission
from clearlane.api.queue.schemas import QueueItem, QueuePage
from clearlane.api.scoring import scoring
from clearlane.api.types import query_text
from clearlane.store.tables import AssessmentRow, DeclarationRow

router = APIRouter(prefix="/api/queue", tags=["queue"])


def _top_reason(reasons: list[dict[str, object]] | None) -> str | None:
    for reason in reasons or []:
        text = reason.get("text")
        if isinstance(text, str) and text:
            return text
    return None


def deferred_reasons(request: Request, rows: list[Any]) -> dict[int, service.DeferredReasons]:
    """The reasons of the page's rows stored without them (a green row scored by
    ``clearlane score --reasons flagged``, perhaps overridden to yellow or red since), by
    assessment id, as the declaration's detail computes them when opened
    (:func:`service.deferred_reasons`): every row the queue lists has its top reason. A
    read: the engine there is, never a fallback fit started (none: no top reason)."""
    ids = [r.assessment_id for r in rows if not r.reasons and r.assessment_id is not None]
    if not ids:
        return {}
    return service.deferred_reasons(
        request.app.state.session_factory,
        assessment_ids=ids,
        engines=scoring(request).read_engine_and_profiles,
    )


def computed_reasons(
    deferred: dict[int, service.DeferredReasons], row: Any
) -> list[dict[str, Any]]:
    found = None if row.reasons else deferred.get(row.assessment_id)
    return found.reasons if found is not None else []


def computed_note(deferred: dict[int, service.DeferredReasons], row: Any) -> str | None:
    """Why a row's top reason, computed now, is not plainly its stored score's (None when it
    is, or when the row holds its own reasons)."""
    found = None if row.reasons else deferred.get(row.assessment_id)
    return found.note if found is not None and _top_reason(found.reasons) else None


@router.get(
    "",
    response_model=QueuePage,
    summary="The queue: latest assessments ranked by score (highest first)",
    responses={k: v for k, v in ERRORS.items() if k != 404},
)
def queue(
    request: Request,
    db: DbSession,
    user: require(Permission.QUEUE_READ),  # type: ignore[valid-type]
    office: Annotated[str | None, query_text(32)] = None,
    lane: Annotated[str | None, Query(pattern="^(green|yellow|red|blue)$")] = None,
    status: Annotated[
        Literal["undecided", "decided", "all"], Query(description="default: undecided")
    ] = "undecided",
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    size: Annotated[int, Query(ge=1, le=200)] = 50,
) -> QueuePage:
    filters = service.Filters(office=office, lane=lane, status=status)
    query = service.overview_query(user, filters, assessed_only=True).order_by(
        AssessmentRow.score.desc(), DeclarationRow.reference
    )
    rows, total = service.page_of(db, query, page=page, size=size)
    risk = user.can(Permission.RISK_READ)
    deferred = deferred_reasons(request, rows) if risk else {}
    items = [
        QueueItem(
            reference=r.reference,
            version=r.version,
            office=r.office,
            declaration_date=r.declaration_date,
            score=r.score if risk else None,
            lane=r.lane_in_force,
            proposed_lane=r.proposed_lane,
            selection_reason=r.selection_reason,
            top_reason=_top_reason(r.reasons or computed_reasons(deferred, r)) if risk else None,
            top_reason_note=computed_note(deferred, r) if risk else None,
            decided=r.decision_id is not None,
            assessed_at=r.assessed_at,
        )
        for r in rows
    ]
    return QueuePage(items=items, total=total, page=page, size=size)
