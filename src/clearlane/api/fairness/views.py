"""Fairness route: the bias audit of :mod:`clearlane.fairness` on the store
(:func:`clearlane.fairness.store.store_fairness_report`), its declaration frame cached per
application until the store changes. Refusals are the domain's :class:`FairnessError`: an
unknown grouping or a reversed period 422, a period without declarations or controls 409."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from clearlane.api.deps import Principal, Require, session_factory
from clearlane.api.errors import error_responses
from clearlane.api.fairness.schemas import FairnessRead
from clearlane.api.permissions import Permission
from clearlane.fairness.store import AuditCache, store_fairness_report

router = APIRouter(prefix="/api/fairness", tags=["fairness"], responses=error_responses(401, 403))

Reader = Annotated[Principal, Depends(Require(Permission.FAIRNESS_READ))]


def audit_cache(request: Request) -> AuditCache:
    """The application's cache of declaration frames (the API route and the UI page)."""
    cache = getattr(request.app.state, "fairness_cache", None)
    if not isinstance(cache, AuditCache):
        cache = request.app.state.fairness_cache = AuditCache()
    return cache


@router.get(
    "",
    response_model=FairnessRead,
    summary="Bias audit: selection and hit rates per group, over-targeted groups flagged",
    description=(
        "Per group of `by` (origin, office, importer_size, hs_chapter, transport_mode, "
        "declarant, importer, dispatch, or a column of the analysis frame), over the "
        "declarations of the store dated `since`..`until`: how often each group is selected "
        "for control and how often its controls find something, with intervals. 409 when "
        "the period holds no control result."
    ),
    responses=error_responses(409, 422),
)
def fairness(
    request: Request,
    _: Reader,
    by: Annotated[str, Query(min_length=1, max_length=64, description="the grouping")] = "origin",
    since: Annotated[date | None, Query(description="first declaration date")] = None,
    until: Annotated[date | None, Query(description="last declaration date")] = None,
    confidence: Annotated[float, Query(ge=0.5, le=0.999, description="interval level")] = 0.95,
    min_group: Annotated[
        int, Query(ge=1, le=1_000_000, description="smaller groups are never flagged")
    ] = 200,
) -> FairnessRead:
    report = store_fairness_report(
        session_factory(request),
        by=by,
        since=since,
        until=until,
        confidence=confidence,
        min_group=min_group,
        cache=audit_cache(request),
    )
    return FairnessRead.model_validate(report.to_dict())
