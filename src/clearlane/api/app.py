"""The FastAPI application: a thin shell over the library (it holds no risk logic).

``create_app()`` wires the routers of each domain, the error shape, the request-size limit and
the local static assets (nothing is loaded from a CDN). ``clearlane serve`` runs it.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clearlane import __version__
from clearlane.api import errors
from clearlane.api.apidocs import install as install_docs
from clearlane.api.audit.views import router as audit_router
from clearlane.api.auth.views import router as auth_router
from clearlane.api.capacity.views import router as capacity_router
from clearlane.api.controls.views import router as controls_router
from clearlane.api.decisions.views import router as decisions_router
from clearlane.api.declarations import views as declarations
from clearlane.api.documents.views import router as documents_router
from clearlane.api.events.broadcast import Broadcaster
from clearlane.api.events.feed import StoreFeed
from clearlane.api.events.views import router as events_router
from clearlane.api.fairness.views import router as fairness_router
from clearlane.api.guards import HostileInput, SecurityHeaders
from clearlane.api.kpis.views import router as kpis_router
from clearlane.api.messages.views import router as messages_router
from clearlane.api.models.views import router as models_router
from clearlane.api.profiles.views import router as profiles_router
from clearlane.api.queue.views import router as queue_router
from clearlane.api.traders.views import router as traders_router
from clearlane.api.ui.views import install as install_ui
from clearlane.config import get_settings
from clearlane.store.session import open_store

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
log = logging.getLogger("clearlane.api")
TEMPLATES_DIR = HERE / "templates"


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, whether or not Content-Length is
    sent (a streamed body is counted as it arrives)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self._refuse(send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        import orjson

        body = orjson.dumps(
            errors.error_body(
                413, f"the request body is larger than the limit of {self.limit:,} bytes"
            )
        )
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """At start-up, the HS model is loaded in the background (``hs_warm_up``): scoring and
    invoice checks need it, and building its index takes seconds of CPU. The thread switch
    interval is the worker's (``switch_interval_ms``) while the app runs, restored after."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(app.state.settings.switch_interval_ms / 1000)
    try:  # restored however the app ends, a start-up that raises included
        app.state.start_up = []
        if app.state.settings.hs_warm_up:
            from clearlane.hs.model import warm_up

            app.state.start_up.append(warm_up())
        if app.state.settings.compile_boosters:
            _champion_at_start_up(app)
        yield
    finally:
        await anyio.to_thread.run_sync(_wait_for_fallback_fit, app)
        sys.setswitchinterval(before)


#: Seconds a stopping worker waits for a background fallback fit before it goes anyway.
FIT_SHUTDOWN_WAIT = 120.0


def _wait_for_fallback_fit(app: FastAPI) -> None:
    """Let a fallback fit this worker started finish before the worker stops (session 24):
    a fit that outlived its app went on writing to a store already closed or dropped (the
    PostgreSQL tests' "fitting the fallback champion failed ... database does not exist").
    The fit cannot be cancelled half-way (it ends by registering the fallback), so the worker
    waits for it, up to :data:`FIT_SHUTDOWN_WAIT` seconds."""
    current = getattr(app.state, "scoring", None)
    if current is not None and not current.wait_for_fallback(FIT_SHUTDOWN_WAIT):
        log.warning("stopping with the fallback fit still running after %.0f s", FIT_SHUTDOWN_WAIT)


def _champion_at_start_up(app: FastAPI) -> None:
    """Load the champion in a background thread when the worker starts, so that one without
    compiled boosters starts compiling now rather than on the first submission
    (:meth:`clearlane.api.scoring.Scoring.engine`); never fits a fallback here."""
    from clearlane.api.scoring import scoring_of
    from clearlane.workflows import ENGINE_NAME

    current = scoring_of(app)  # here, before any request can create another

    def load() -> None:
        try:
            if current.registry.champion(ENGINE_NAME) is not None:
                current.engine()
        except Exception:  # noqa: BLE001 - requests report a broken registry themselves
            log.warning("loading the champion at start-up failed", exc_info=True)

    thread = threading.Thread(target=load, name="clearlane-champion-load", daemon=True)
    thread.start()
    app.state.start_up.append(thread)


#: What a worker's start-up threads load, by thread name, as ``/api/ready`` names them.
_START_UP_WORK = {
    "clearlane-hs-warm-up": "the HS model",
    "clearlane-champion-load": "the champion engine",
}
#: Seconds a client (a load balancer's readiness probe) is told to wait while a worker starts.
RETRY_AFTER_STARTING = 1


def _still_loading(app: FastAPI) -> list[str]:
    """What this worker's start-up threads are still loading (empty: ready)."""
    threads: list[threading.Thread] = getattr(app.state, "start_up", [])
    return [_START_UP_WORK.get(t.name, t.name) for t in threads if t.is_alive()]


def create_app(*, database_url: str | None = None, **state: Any) -> FastAPI:
    """The application on the store at ``database_url`` (default: the configured store)."""
    settings = get_settings()
    app = FastAPI(
        title="ClearLane",
        version=__version__,
        description=(
            "Customs risk management and targeting: submit declarations and get their risk "
            "assessment and lane, work the officer queue, record decisions and control results, "
            "manage profiles, models and capacity, read KPIs and the audit trail. Errors share "
            'one shape: `{"error": {"status", "code", "message", "fields"}}`.'
        ),
        responses=errors.error_responses(422),  # our error shape, not FastAPI's default
        docs_url=None,  # served by clearlane.api.apidocs from local assets, not a CDN
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.session_factory = open_store(database_url)
    app.state.settings = settings
    # Live alerts, read from the store (every worker process sees every red lane).
    app.state.events = Broadcaster(
        feed=StoreFeed(app.state.session_factory, interval=settings.alert_poll_seconds)
    )
    for key, value in state.items():
        setattr(app.state, key, value)
    errors.install(app)
    app.include_router(auth_router)
    declarations.include(app)
    for router in (
        profiles_router,
        models_router,
        capacity_router,
        kpis_router,
        audit_router,
        fairness_router,
        queue_router,
        decisions_router,
        controls_router,
        documents_router,
        messages_router,
        events_router,
        traders_router,
    ):
        app.include_router(router)

    @app.get("/api/health", tags=["system"], summary="Liveness and the schema in use")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get(
        "/api/ready",
        tags=["system"],
        summary="Readiness: 200 once this worker's start-up loading is done, 503 before",
        description=(
            "For a load balancer's readiness probe. A worker answers requests as soon as it "
            "starts (`/api/health`), but until its background start-up threads have loaded the "
            "HS model and the champion engine, the first submissions wait for them. 503 with "
            "`Retry-After` names what is still loading. Each worker answers for itself."
        ),
        responses={
            503: {
                "model": errors.ErrorResponse,
                "description": "Still starting: `message` names what is loading; retry after "
                "`Retry-After` seconds",
            }
        },
    )
    def ready() -> dict[str, str]:
        loading = _still_loading(app)
        if loading:
            raise errors.ApiError(
                503,
                f"the server is still starting: loading {' and '.join(loading)}; "
                f"retry after {RETRY_AFTER_STARTING} s",
                code="starting",
                headers={"Retry-After": str(RETRY_AFTER_STARTING)},
            )
        return {"status": "ready", "version": __version__}

    install_docs(app)
    install_ui(app)  # the web UI; after the API routers, as it wraps their error handlers
    if STATIC_DIR.is_dir():
        from fastapi.staticfiles import StaticFiles

        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(HostileInput)  # inside the size limit: bodies it buffers are bounded
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes)
    app.add_middleware(SecurityHeaders)  # outermost: every response gets the headers
    return app
