"""The trader portal: submit declarations, follow their status (never a score or a reason),
answer customs' messages and send documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from clearlane.api.deps import DbSession
from clearlane.api.ui.common import PageError, PageUser, render
from clearlane.oversight.portal import trader_declarations

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


@router.get("/trader", response_class=HTMLResponse)
def trader_portal(
    request: Request,
    db: DbSession,
    user: PageUser,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    if not user.is_trader or not user.organisation:
        raise PageError(403, "The trader portal is for traders acting for an organisation.")
    views, total = trader_declarations(
        db, organisation=user.organisation, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE
    )
    return render(
        request,
        "trader.html",
        user,
        declarations=views,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
    )
