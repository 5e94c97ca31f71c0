"""Fairness route: the bias audit of :mod:`clearlane.fairness` on the analysis frame of the
store (:func:`clearlane.store.frames.load_items_frame`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from clearlane.api.deps import Principal, Require, session_factory
from clearlane.api.errors import ApiError, error_responses
from clearlane.api.fairness.schemas import FairnessRead
from clearlane.api.permissions import Permission
from clearlane.fairness import FairnessError, check_grouping, fairness_report
from clearlane.store.frames import load_items_frame

router = APIRouter(prefix="/api/fairness", tags=["fairness"], responses=error_responses(401, 403))

Reader = Annotated[Principal, Depends(Require(Permission.FAIRNESS_READ))]


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
    try:
        check_grouping(by)
    except FairnessError as exc:
        raise ApiError(422, str(exc), fields=[{"field": "query.by", "message": str(exc)}]) from None
    if since is not None and until is not None and since > until:
        raise ApiError(
            422,
            f"since {since} is after until {until}",
            fields=[{"field": "query.since", "message": f"must not be after until ({until})"}],
        )
    frame = load_items_frame(session_factory=session_factory(request), start=since, end=until)
    if frame.empty:
        raise ApiError(409, "no declaration in the store for this period: nothing to audit")
    try:
        report = fairness_report(frame, by=by, confidence=confidence, min_group=min_group)
    except FairnessError as exc:
        raise ApiError(409, str(exc)) from None
    return FairnessRead.model_validate(report.to_dict())
