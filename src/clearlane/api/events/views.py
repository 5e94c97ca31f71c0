"""``GET /api/events``: a server-sent-events stream of live alerts (a declaration routed red).

Each event is ``event: <type>`` + ``data: <json>``; a comment line every ``keepalive`` seconds
keeps proxies from closing an idle stream. Events are read from the store (:mod:`.feed`), so
every worker process's streams see every red lane, at most ``alert_poll_seconds`` late.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated

import orjson
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from clearlane.api import errors
from clearlane.api.deps import Principal, Require
from clearlane.api.events.broadcast import Broadcaster, Event
from clearlane.api.permissions import Permission

router = APIRouter(prefix="/api", tags=["events"])


def broadcaster(request: Request) -> Broadcaster:
    """The application's alert fan-out (made with its store feed by ``create_app``)."""
    hub: Broadcaster = request.app.state.events
    return hub


def without_risk(event: Event) -> Event:
    """The event without its score (for roles without ``risk:read``)."""
    return {k: v for k, v in event.items() if k not in ("score", "components", "reasons")}


def format_event(event: Event) -> bytes:
    kind = str(event.get("type", "message"))
    return f"event: {kind}\ndata: ".encode() + orjson.dumps(event) + b"\n\n"


@router.get(
    "/events",
    summary="Live alerts (server-sent events): a declaration routed red",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
            "description": 'A stream of events such as `event: red_lane` with `data: {"type": '
            '"red_lane", "reference", "version", "office", "score", "selection_reason"}` '
            "(`score` only for roles with risk:read).",
        },
        **errors.error_responses(401, 403, 422),
    },
)
async def events(
    request: Request,
    user: Annotated[Principal, Depends(Require(Permission.QUEUE_READ))],
    hub: Annotated[Broadcaster, Depends(broadcaster)],
    keepalive: Annotated[float, Query(gt=0, le=300, description="seconds between pings")] = 15,
    max_events: Annotated[
        int | None, Query(ge=1, le=10_000, description="close after this many events")
    ] = None,
) -> StreamingResponse:
    risk = user.can(Permission.RISK_READ)  # scores only for roles that may read them

    async def stream() -> AsyncIterator[bytes]:
        sent = 0
        async with hub.subscribe() as queue:
            yield b": connected\n\n"
            while max_events is None or sent < max_events:
                if await request.is_disconnected():
                    return
                try:
                    event = await asyncio.wait_for(queue.get(), timeout=keepalive)
                except TimeoutError:
                    yield b": keepalive\n\n"
                    continue
                yield format_event(event if risk else without_risk(event))
                sent += 1

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
