"""KPI routes: a thin shell over :func:`clearlane.oversight.kpis.targeting_kpis`."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from clearlane.api.deps import DbSession, Principal, Require
from clearlane.api.errors import ApiError, error_responses
from clearlane.api.kpis.schemas import KpiFilters, KpisRead
from clearlane.api.permissions import Permission
from clearlane.oversight.kpis import targeting_kpis

router = APIRouter(prefix="/api/kpis", tags=["kpis"], responses=error_responses(401, 403))


@router.get(
    "",
    response_model=KpisRead,
    summary="Targeting KPIs: inspection and hit rates, revenue, overrides, drift",
    responses=error_responses(422),
)
def kpis(
    _: Annotated[Principal, Depends(Require(Permission.KPI_READ))],
    db: DbSession,
    since: Annotated[date | None, Query(description="first declaration date (inclusive)")] = None,
    until: Annotated[date | None, Query(description="last declaration date (inclusive)")] = None,
    office: Annotated[
        str | None, Query(max_length=32, description="only this customs office")
    ] = None,
) -> KpisRead:
    if since is not None and until is not None and since > until:
        raise ApiError(
            422,
            f"since {since} is after until {until}",
            fields=[{"field": "query.since", "message": f"must not be after until ({until})"}],
        )
    result = targeting_kpis(db, since=since, until=until, office=office or None)
    return KpisRead(filters=KpiFilters(since=since, until=until, office=office or None), **result)
