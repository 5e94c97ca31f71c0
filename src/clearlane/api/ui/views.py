"""The web UI: server-rendered pages (Jinja2 + HTMX) over the library.

Views here parse the request, check the permission, call a library function and render a
template; they hold no risk logic. :func:`install` adds the routes and makes errors on UI
paths render as HTML pages (the API keeps its JSON error shape).
"""

from __future__ import annotations

import asyncio
import hmac
import html
import json
import secrets
from collections.abc import AsyncIterator, Sequence
from datetime import date, timedelta
from typing import Annotated, Any, Literal

import yaml
from fastapi import APIRouter, Depends, FastAPI, Form, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from clearlane.api.audit.redact import visible_entries
from clearlane.api.auth.views import clear_session_cookie, set_session_cookie, sign_in
from clearlane.api.declarations import service
from clearlane.api.deps import DbSession, Principal, optional_user, sign_in_slot
from clearlane.api.errors import ApiError, PoolTimeout, busy_error, domain_error
from clearlane.api.events.views import broadcaster
from clearlane.api.fairness.views import audit_cache
from clearlane.api.models.views import Name, Version, get_registry
from clearlane.api.permissions import Permission, Role
from clearlane.api.queue.views import computed_note, computed_reasons, deferred_reasons
from clearlane.api.ui import charts
from clearlane.api.ui.casework import router as casework_router
from clearlane.api.ui.common import (
    LoginRequired,
    PageError,
    PageUser,
    home_of,
    is_htmx,
    needs,
    render,
    safe_next,
    templates,
)
from clearlane.api.ui.trader import router as trader_router
from clearlane.audit import AUDIT_KINDS, entries, trail, verify
from clearlane.audit.chain import check_kind
from clearlane.errors import Conflict, DomainError, Invalid
from clearlane.fairness import GROUPINGS, FairnessError, fairness_section
from clearlane.fairness.store import store_fairness_report
from clearlane.learn.registry import ModelIntegrityError, RegistryError
from clearlane.oversight.kpis import targeting_kpis
from clearlane.oversight.models import model_entries, observed_calibration, promote_model
from clearlane.risk.profile_store import (
    profile_history,
    retire_profile,
    save_profiles,
    stored_profiles,
)
from clearlane.risk.profiles import ProfileError, parse_profile_text, parse_profiles
from clearlane.store.tables import AssessmentRow, DeclarationRow
from clearlane.users import end_session

router = APIRouter(include_in_schema=False)
P = Permission


# ---------------------------------------------------------------------------- sign-in


@router.get("/login", response_class=HTMLResponse)
def login_page(
    request: Request,
    user: Annotated[Principal | None, Depends(optional_user)],
    next: str = "/",
) -> Response:
    if user is not None:
        target = safe_next(next)
        return RedirectResponse(home_of(user) if target == "/" else target, status_code=303)
    return _login_form(request, next=safe_next(next))


LOGIN_COOKIE = "clearlane_login"


def _login_form(request: Request, *, status_code: int = 200, **context: Any) -> Response:
    """The sign-in form with a fresh token, also set as a cookie: a sign-in must come from
    this form (double-submit; the SameSite=Strict cookie never travels with a cross-site post),
    so another site cannot sign a browser in as someone else."""
    token = secrets.token_urlsafe(24)
    response = render(
        request, "login.html", None, status_code=status_code, login_token=token, **context
    )
    response.set_cookie(
        LOGIN_COOKIE,
        token,
        max_age=3600,
        httponly=True,
        samesite="strict",
        secure=request.app.state.settings.secure_cookies,
        path="/login",
    )
    return response


@router.post("/login", response_class=HTMLResponse, dependencies=[Depends(sign_in_slot)])
def login(
    request: Request,
    db: DbSession,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=256)],
    next: Annotated[str, Form(max_length=1024)] = "/",
    login_token: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    expected = request.cookies.get(LOGIN_COOKIE, "")
    if not expected or not hmac.compare_digest(expected, login_token):
        return _login_form(
            request,
            status_code=403,
            error="The sign-in form expired or did not come from this site: sign in again.",
            username=username,
            next=safe_next(next),
        )
    try:
        row = sign_in(db, request, username, password, "web")
    except ApiError as exc:
        return _login_form(
            request,
            status_code=exc.status,
            error=exc.message,
            username=username,
            next=safe_next(next),
        )
    principal = Principal(
        id=row.id,
        username=row.username,
        role=Role(row.role),
        organisation=row.organisation,
        full_name=row.full_name,
    )
    target = safe_next(next)
    if target == "/":
        target = home_of(principal)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(db, response, row)
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@router.post("/logout")
def logout(user: PageUser, db: DbSession) -> Response:
    if user.sid:
        end_session(db, user.sid)  # a copy of the cookie stops working too
        db.commit()
    response = RedirectResponse("/login", status_code=303)
    clear_session_cookie(response)
    return response


# ---------------------------------------------------------------------------- queue

LANES = ("green", "yellow", "red", "blue")

QUEUE_STATUSES = ("undecided", "decided", "all")

# The queue's filters as the form sends them ("" = all lanes); anything else is a 422 page
# naming the parameter, as for a bad ``page`` (an unknown value used to show the whole queue).
QueueLane = Literal["", "green", "yellow", "red", "blue"]
QueueStatus = Literal["undecided", "decided", "all"]


def _top_reason(reasons: Any) -> str | None:
    for reason in reasons or []:
        if isinstance(reason, dict) and reason.get("text"):
            return str(reason["text"])
    return None


_SEVERITY = {"green": 0, "blue": 1, "yellow": 2, "red": 3}


def lanes_out_of_score_order(rows: Sequence[Any]) -> bool:
    """Whether, in rows listed by score (highest first), a stricter lane appears below a
    milder one: then the queue says why (cut-offs per office, random and mandatory controls,
    overrides), or it looks like a mistake."""
    mildest = None
    for row in rows:
        severity = _SEVERITY.get(str(row.lane_in_force), 0)
        if mildest is not None and severity > mildest:
            return True
        mildest = severity if mildest is None else min(mildest, severity)
    return False


def offices(db: Session) -> list[str]:
    """The offices with assessed declarations (the filters' choices)."""
    rows = db.scalars(
        select(AssessmentRow.office).where(AssessmentRow.office.is_not(None)).distinct()
    )
    return sorted(str(office) for office in rows)


@router.get("/", response_class=HTMLResponse)
def queue_page(
    request: Request,
    db: DbSession,
    user: PageUser,
    office: Annotated[str | None, Query(max_length=32)] = None,
    lane: QueueLane = "",
    status: QueueStatus = "undecided",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    if user.is_trader:
        return RedirectResponse("/trader", status_code=303)
    if not user.can(P.QUEUE_READ):
        raise PageError(403, f"Your role ({user.role.value}) may not open the queue.")
    size = 50
    filters = service.Filters(office=office or None, lane=lane or None, status=status)
    query = service.overview_query(user, filters, assessed_only=True).order_by(
        AssessmentRow.score.desc(), DeclarationRow.reference
    )
    rows, total = service.page_of(db, query, page=page, size=size)
    show_risk = user.can(P.RISK_READ)
    # the reasons of rows stored without them, computed as the declaration page does
    deferred = deferred_reasons(request, rows) if show_risk else {}
    context: dict[str, Any] = {
        "rows": rows,
        "total": total,
        "offset": (page - 1) * size,
        "top_reason": lambda row: _top_reason(row.reasons or computed_reasons(deferred, row)),
        "top_reason_note": lambda row: computed_note(deferred, row),
        "out_of_order": lanes_out_of_score_order(rows),
        "offices": offices(db),
        "office": office or "",
        "lane": lane or "",
        "status": status,
        "statuses": QUEUE_STATUSES,
        "lanes": LANES,
        "page": page,
        "pages": max(1, -(-total // size)),
        "show_risk": show_risk,
    }
    if is_htmx(request) and request.headers.get("hx-target") == "queue":
        return render(request, "partials/queue_table.html", user, **context)
    return render(request, "queue.html", user, **context)


@router.get("/ui/alerts")
async def alerts(
    request: Request,
    user: Annotated[Principal, needs(P.QUEUE_READ)],
    max_events: Annotated[int | None, Query(ge=1, le=10_000)] = None,
) -> StreamingResponse:
    """Server-sent events for the queue page: each red-lane alert as an HTML fragment that
    the htmx SSE extension puts at the top of the alerts box."""
    hub = broadcaster(request)
    template = templates.get_template("partials/alert.html")

    async def stream() -> AsyncIterator[bytes]:
        sent = 0
        async with hub.subscribe() as queue:
            yield b'event: connected\ndata: <span class="badge live">live alerts on</span>\n\n'
            while max_events is None or sent < max_events:
                if await request.is_disconnected():
                    return
                try:
                    event = await asyncio.wait_for(queue.get(), timeout=15)
                except TimeoutError:
                    yield b": keepalive\n\n"
                    continue
                if event.get("type") != "red_lane":
                    continue
                fragment = " ".join(template.render(event=event, user=user, P=P).split())
                yield f"event: red_lane\ndata: {fragment}\n\n".encode()
                sent += 1

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


# ---------------------------------------------------------------------------- dashboard


def _psi_verdict(value: float | None) -> str:
    if value is None:
        return "not enough scores to compare yet"
    if value < 0.1:
        return "stable"
    if value < 0.25:
        return "moderate shift: watch it"
    return "large shift: check the data and consider retraining"


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(
    request: Request,
    db: DbSession,
    user: Annotated[Principal, needs(P.KPI_READ)],
    office: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Response:
    kpis = targeting_kpis(db, since=since, until=until, office=office or None)
    daily = kpis["daily"]
    days = [row["day"] for row in daily]
    lanes = [lane for lane in ("green", "yellow", "red", "blue") if lane in kpis["by_lane"]]
    rates_chart = charts.time_series(
        "Inspection and hit rate per day",
        days,
        {
            "inspection rate": [row["inspection_rate"] for row in daily],
            "hit rate": [row["hit_rate"] for row in daily],
        },
    )
    revenue_chart = charts.time_series(
        "Revenue recovered per day",
        days,
        {"extra duty and tax": [row["revenue"] for row in daily]},
        fmt=lambda v: f"{v:,.0f}",
    )
    lanes_chart = charts.bars(
        "Declarations by lane (after officers' decisions)",
        lanes,
        [kpis["by_lane"][lane]["declarations"] for lane in lanes],
        colours=[charts.LANE_COLOURS[lane] for lane in lanes],
    )
    return render(
        request,
        "dashboard.html",
        user,
        kpis=kpis,
        lanes=lanes,
        rates_chart=rates_chart,
        revenue_chart=revenue_chart,
        lanes_chart=lanes_chart,
        psi_verdict=_psi_verdict(kpis["drift_psi"]),
        offices=offices(db),
        office=office or "",
        since=since,
        until=until,
    )


FAIRNESS_DEFAULT_DAYS = 365


@router.get("/dashboard/fairness", response_class=HTMLResponse)
def dashboard_fairness(
    request: Request,
    user: Annotated[Principal, needs(P.FAIRNESS_READ)],
    by: Annotated[str, Query(max_length=32)] = "origin",
    since: date | None = None,
    until: date | None = None,
) -> Response:
    """The bias audit of :mod:`clearlane.fairness` over the dashboard's period, loaded after
    the dashboard. Without a period: the latest year of declarations, so that the cost of the
    page does not grow with the store."""
    if by not in GROUPINGS:  # the form offers these only; an unknown one used to show origin
        raise PageError(
            422, f"The request was not valid: query.by: {by!r} is not one of {', '.join(GROUPINGS)}"
        )
    section, problem = None, None
    factory = request.app.state.session_factory
    if since is None and until is None:
        with factory() as session:
            newest = session.scalar(select(func.max(DeclarationRow.declaration_date)))
        if newest is not None:
            since = newest - timedelta(days=FAIRNESS_DEFAULT_DAYS - 1)
    try:
        report = store_fairness_report(
            factory, by=by, since=since, until=until, cache=audit_cache(request)
        )
        section = charts.responsive(fairness_section(report))
    except FairnessError as exc:
        problem = str(exc)
    return render(
        request,
        "partials/fairness.html",
        user,
        section=section,
        problem=problem,
        by=by,
        groupings=list(GROUPINGS),
        since=since,
        until=until,
    )


# ---------------------------------------------------------------------------- audit


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    db: DbSession,
    user: Annotated[Principal, needs(P.AUDIT_READ)],
    kind: Annotated[str | None, Query(max_length=32)] = None,  # as /api/audit's
    subject: Annotated[str | None, Query(max_length=256)] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="entries shown")] = 100,
) -> Response:
    if kind:
        check_kind(kind)  # an unknown kind: 422 naming the kinds, with or without a subject
    if subject:
        rows = list(reversed(trail(db, subject=subject.strip(), limit=limit)))
    else:
        rows = entries(db, kind=kind or None, limit=limit)
    return render(
        request,
        "audit.html",
        user,
        rows=visible_entries(rows, user),
        kind=kind or "",
        subject=subject or "",
        limit=limit,
        kinds=AUDIT_KINDS,
    )


@router.post("/audit/verify", response_class=HTMLResponse)
def audit_verify(
    request: Request, db: DbSession, user: Annotated[Principal, needs(P.AUDIT_READ)]
) -> Response:
    verdict = verify(db)
    return render(request, "partials/verdict.html", user, verdict=verdict)


# ---------------------------------------------------------------------------- models


MIN_CALIBRATION = 20  # controlled declarations below which a calibration curve says nothing


def _models_context(request: Request, db: Session) -> dict[str, Any]:
    registry = get_registry(request)
    try:
        entries = list(reversed(model_entries(registry)))
        decisions = list(reversed(registry.decisions()))[:20]
        problem = None
    except (RegistryError, ModelIntegrityError, ValueError, OSError) as exc:
        entries, decisions, problem = [], [], str(exc)
    champion = next((e.version for e in entries if e.champion), None)
    calibration = (
        observed_calibration(db, model_version=champion.id) if champion is not None else None
    )
    chart = None
    if calibration is not None and calibration.controlled >= MIN_CALIBRATION:
        points = [b for b in calibration.bins if b["hit_rate"] is not None]
        if len(points) > 1:
            chart = charts.calibration(
                ([b["mean_score"] for b in points], [b["hit_rate"] for b in points]),
                label=f"{champion.id if champion else ''}, controlled",
            )
    return {
        "entries": entries,
        "champion": champion,
        "decisions": decisions,
        "problem": problem,
        "metric_names": ["precision@5%", "recall@5%", "revenue@5%", "pr_auc", "roc_auc"],
        "calibration": calibration,
        "calibration_chart": chart,
        "min_calibration": MIN_CALIBRATION,
    }


@router.get("/models", response_class=HTMLResponse)
def models_page(
    request: Request, db: DbSession, user: Annotated[Principal, needs(P.MODEL_READ)]
) -> Response:
    return render(request, "models.html", user, **_models_context(request, db))


@router.post("/models/{name}/{version}/promote", response_class=HTMLResponse)
def models_promote(
    request: Request,
    name: Name,
    version: Version,
    db: DbSession,
    user: Annotated[Principal, needs(P.MODEL_PROMOTE)],
    justification: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    error = None
    try:
        decision = promote_model(
            db,
            registry=get_registry(request),
            model=f"{name}@{version}",
            decided_by=user.username,
            justification=justification,
        )
        db.commit()
        message = f"{decision.challenger} is the champion now."
    except (RegistryError, ModelIntegrityError) as exc:
        db.rollback()
        error, message = f"Not promoted: {exc}", None
    return render(
        request,
        "models.html",
        user,
        status_code=409 if error else 200,
        promote_error=error,
        promoted=message,
        **_models_context(request, db),
    )


# ---------------------------------------------------------------------------- profiles


def _parse_document(text: str, fmt: str) -> Any:
    """YAML or JSON text into data; a single profile mapping becomes a list of one."""
    if not text.strip():
        raise ProfileError(["the editor is empty: paste or write at least one profile"])
    data = parse_profile_text(text, fmt, "editor")
    if isinstance(data, dict) and "id" in data:
        data = [data]
    return data


def _dump(document: Any, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return str(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))


@router.get("/profiles", response_class=HTMLResponse)
def profiles_page(
    request: Request, user: Annotated[Principal, needs(P.PROFILE_READ)], saved: str | None = None
) -> Response:
    rows = stored_profiles(include_retired=True, session_factory=request.app.state.session_factory)
    return render(request, "profiles.html", user, rows=rows, saved=saved)


NEW_PROFILE = {
    "id": "NEW-01",
    "name": "What this profile targets",
    "version": 1,
    "owner": "your unit",
    "rationale": "Why this is risky (officers see this; traders never do).",
    "valid_from": str(date.today()),
    "weight": 0.3,
    "conditions": [{"field": "origin_country", "op": "in", "value": ["XX"]}],
}


@router.get("/profiles/new", response_class=HTMLResponse)
def profile_new(
    request: Request, user: Annotated[Principal, needs(P.PROFILE_WRITE)], fmt: str = "yaml"
) -> Response:
    fmt = "json" if fmt == "json" else "yaml"
    return render(
        request,
        "profile_edit.html",
        user,
        text=_dump([NEW_PROFILE], fmt),
        fmt=fmt,
        profile_id=None,
        problems=[],
        note="",
    )


def _history_or_404(request: Request, profile_id: str) -> list[dict[str, Any]]:
    history = profile_history(profile_id, session_factory=request.app.state.session_factory)
    if not history:
        raise PageError(404, f"There is no stored profile {profile_id!r}.")
    return history


@router.get("/profiles/{profile_id}", response_class=HTMLResponse)
def profile_page(
    request: Request, profile_id: str, user: Annotated[Principal, needs(P.PROFILE_READ)]
) -> Response:
    history = _history_or_404(request, profile_id)
    latest = history[-1]
    return render(
        request,
        "profile.html",
        user,
        profile_id=profile_id,
        latest=latest,
        history=list(reversed(history)),
        text=_dump(latest["definition"], "yaml"),
    )


@router.get("/profiles/{profile_id}/edit", response_class=HTMLResponse)
def profile_edit(
    request: Request,
    profile_id: str,
    user: Annotated[Principal, needs(P.PROFILE_WRITE)],
    fmt: str = "yaml",
) -> Response:
    fmt = "json" if fmt == "json" else "yaml"
    latest = _history_or_404(request, profile_id)[-1]
    definition = {**latest["definition"], "version": latest["version"] + 1}
    return render(
        request,
        "profile_edit.html",
        user,
        text=_dump([definition], fmt),
        fmt=fmt,
        profile_id=profile_id,
        problems=[],
        note="",
    )


@router.post("/profiles/validate", response_class=HTMLResponse)
def profile_validate(
    request: Request,
    user: Annotated[Principal, needs(P.PROFILE_WRITE)],
    text: Annotated[str, Form(max_length=500_000)] = "",
    fmt: Annotated[str, Form(max_length=8)] = "yaml",
) -> Response:
    try:
        profiles = parse_profiles(_parse_document(text, fmt), source="editor")
    except ProfileError as exc:
        return render(request, "partials/profile_check.html", user, problems=exc.problems)
    return render(
        request, "partials/profile_check.html", user, problems=[], ids=[p.id for p in profiles]
    )


@router.post("/profiles", response_class=HTMLResponse)
def profile_save(
    request: Request,
    user: Annotated[Principal, needs(P.PROFILE_WRITE)],
    text: Annotated[str, Form(max_length=500_000)] = "",
    fmt: Annotated[str, Form(max_length=8)] = "yaml",
    note: Annotated[str, Form(max_length=2000)] = "",
    profile_id: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    fmt = "json" if fmt == "json" else "yaml"
    try:
        profiles = parse_profiles(_parse_document(text, fmt), source="editor")
        changes = save_profiles(
            profiles,
            changed_by=user.username,
            note=note.strip() or None,
            session_factory=request.app.state.session_factory,
        )
    except ProfileError as exc:  # a stale version (stored meanwhile) is a conflict: 409
        return render(
            request,
            "profile_edit.html",
            user,
            status_code=409 if exc.kind == "conflict" else 422,
            text=text,
            fmt=fmt,
            profile_id=profile_id or None,
            problems=exc.problems,
            note=note,
        )
    summary = ", ".join(f"{c.profile_id} v{c.version} {c.action}" for c in changes)
    return RedirectResponse(f"/profiles?saved={summary}", status_code=303)


@router.post("/profiles/{profile_id}/retire", response_class=HTMLResponse)
def profile_retire(
    request: Request,
    profile_id: str,
    user: Annotated[Principal, needs(P.PROFILE_WRITE)],
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    history = _history_or_404(request, profile_id)
    try:
        change = retire_profile(
            profile_id,
            changed_by=user.username,
            note=note,
            session_factory=request.app.state.session_factory,
        )
    except (Invalid, Conflict) as exc:  # the note (422), or retired already (409): beside it
        if exc.kind == "conflict":  # retired meanwhile: show the profile as it now is
            history = _history_or_404(request, profile_id)
        return render(
            request,
            "profile.html",
            user,
            status_code=409 if exc.kind == "conflict" else 422,
            profile_id=profile_id,
            latest=history[-1],
            history=list(reversed(history)),
            text=_dump(history[-1]["definition"], "yaml"),
            retire_error=exc.message,
        )
    return RedirectResponse(
        f"/profiles?saved={change.profile_id} v{change.version} {change.action}", status_code=303
    )


# ---------------------------------------------------------------------------- install


def _html_error(request: Request, status: int, message: str) -> Response:
    user = getattr(request.state, "ui_user", None)
    titles = {
        401: "Sign in needed",
        403: "Not allowed",
        404: "Not found",
        405: "Not allowed",
        413: "Too large",
        422: "Not valid",
        429: "Too many attempts",
        503: "Busy",
    }
    if is_htmx(request):
        return HTMLResponse(
            f'<p class="alert error" role="alert">{html.escape(message)}</p>', status_code=status
        )
    return render(
        request,
        "error.html",
        user,
        status_code=status,
        status=status,
        title=titles.get(status, "Something went wrong"),
        message=message,
        home="/",
    )


def _is_ui(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path.startswith("/static") or path in _API_DOCS)


_API_DOCS = {"/docs", "/redoc", "/openapi.json", "/docs/oauth2-redirect"}


def install(app: FastAPI) -> None:
    """Add the UI routes; errors on UI paths render as HTML, API errors stay JSON."""
    json_handlers = dict(app.exception_handlers)

    async def on_login_required(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, LoginRequired)
        if is_htmx(request):
            return Response(status_code=401, headers={"HX-Redirect": exc.next_path})
        # 401 with the sign-in form in place (it posts to /login and comes back here)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return _login_form(request, status_code=401, next=safe_next(target))

    async def on_page_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PageError)
        return _html_error(request, exc.status, exc.message)

    def wrap(kind: type[Exception]) -> Any:
        fallback = json_handlers[kind]

        async def handler(request: Request, exc: Exception) -> Response:
            if not _is_ui(request):
                result = fallback(request, exc)
                return await result if hasattr(result, "__await__") else result
            if isinstance(exc, DomainError):
                exc = domain_error(exc)
            if isinstance(exc, PoolTimeout):
                exc = busy_error()
            if isinstance(exc, ApiError):
                page = _html_error(request, exc.status, exc.message)
                page.headers.update(exc.headers or {})
                return page
            if isinstance(exc, RequestValidationError):
                problems = "; ".join(
                    f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}"
                    for e in exc.errors()
                )
                return _html_error(request, 422, f"The request was not valid: {problems}")
            assert isinstance(exc, StarletteHTTPException)
            return _html_error(request, exc.status_code, str(exc.detail))

        return handler

    app.add_exception_handler(LoginRequired, on_login_required)
    app.add_exception_handler(PageError, on_page_error)
    for kind in (
        ApiError,
        DomainError,
        RequestValidationError,
        StarletteHTTPException,
        PoolTimeout,
    ):
        app.add_exception_handler(kind, wrap(kind))
    app.include_router(router)
    app.include_router(casework_router)
    app.include_router(trader_router)
