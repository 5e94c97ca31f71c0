"""Trader register routes: a thin shell over :mod:`clearlane.link.traders`.

Needs ``risk:read`` (officers, analysts, supervisors, auditors): a cluster joins many
traders' declarations and its control history, which traders themselves may not see."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from clearlane.api.deps import DbSession, Principal, Require
from clearlane.api.errors import ApiError, error_responses
from clearlane.api.permissions import Permission
from clearlane.api.traders.graph import network_svg
from clearlane.api.ui.common import PageError, needs, render
from clearlane.link.traders import registered_trader, search_traders, trader_view
from clearlane.link.views import trader_network

router = APIRouter(tags=["traders"])
ClusterId = Annotated[int, Path(ge=1, le=2**62, description="trader cluster id")]
SearchText = Annotated[str, Query(min_length=0, max_length=100, description="name or id part")]


@router.get(
    "/api/traders",
    summary="Find traders in the register by a part of a name or identifier",
    responses=error_responses(401, 403, 422),
)
def api_search(
    _: Annotated[Principal, Depends(Require(Permission.RISK_READ))],
    db: DbSession,
    q: SearchText = "",
) -> list[dict[str, Any]]:
    if "\x00" in q:
        raise ApiError(422, "q contains a NUL character")
    return search_traders(db, q) if q.strip() else []


@router.get(
    "/api/traders/{cluster_id}",
    summary="One trader: names, identifiers, records with match weights, declarations, "
    "controls and hit rate, linked parties, manifest discrepancies, network",
    responses=error_responses(401, 403, 404, 422),
)
def api_trader(
    _: Annotated[Principal, Depends(Require(Permission.RISK_READ))],
    db: DbSession,
    cluster_id: ClusterId,
) -> dict[str, Any]:
    view = registered_trader(db, cluster_id)
    return jsonable_encoder(view | {"network": trader_network(db, cluster_id)})


@router.get("/traders", response_class=HTMLResponse, include_in_schema=False)
def traders_page(
    request: Request,
    user: Annotated[Principal, needs(Permission.RISK_READ)],
    db: DbSession,
    q: SearchText = "",
) -> HTMLResponse:
    q = q.replace("\x00", "")
    rows = search_traders(db, q) if q.strip() else []
    return render(request, "traders.html", user, q=q, rows=rows)


@router.get("/traders/{cluster_id}", response_class=HTMLResponse, include_in_schema=False)
def trader_page(
    request: Request,
    user: Annotated[Principal, needs(Permission.RISK_READ)],
    db: DbSession,
    cluster_id: ClusterId,
) -> HTMLResponse:
    view = trader_view(db, cluster_id)
    if view is None:
        raise PageError(404, f"No trader {cluster_id} in the register.")
    network = trader_network(db, cluster_id)
    graph = Markup(network_svg(network)) if network is not None else None  # escaped inside
    return render(request, "trader_cluster.html", user, t=view, network=network, graph=graph)
