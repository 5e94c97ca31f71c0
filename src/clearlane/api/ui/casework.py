"""The declaration page: the officer's view (score, components, reasons, counterfactual,
original beside normalised data, documents, messages, timeline, decision and control-result
forms) and the trader's view of their own declaration (status, data, documents, messages;
never a score or a reason)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from clearlane.api.deps import DbSession, Principal
from clearlane.api.permissions import Permission
from clearlane.api.ui.common import PageError, PageUser, is_htmx, render
from clearlane.api.ui.compare import side_by_side
from clearlane.audit import trail
from clearlane.oversight import current_decision, decide, latest_assessment
from clearlane.oversight.decisions import DecisionError
from clearlane.oversight.portal import owns, public_status
from clearlane.store.profiles import stored_profiles
from clearlane.store.tables import ControlResultRow, DeclarationRow

router = APIRouter(include_in_schema=False)
P = Permission
LANES = ("green", "yellow", "red", "blue")
COMPONENTS = (
    ("rules", "risk profiles (rules)"),
    ("anomaly", "anomaly detectors"),
    ("model", "supervised model"),
    ("critical_score", "critical-goods score"),
)


def declaration_for(session: Session, user: Principal, reference: str) -> DeclarationRow:
    """The newest version of ``reference`` if ``user`` may see it; a trader asking for another
    organisation's declaration gets the same 404 as for one that does not exist."""
    if not user.can(P.DECLARATION_READ):
        raise PageError(403, f"Your role ({user.role.value}) may not read declarations.")
    missing = PageError(404, f"There is no declaration {reference!r}.")
    if user.is_trader and not (
        user.organisation and owns(session, reference=reference, organisation=user.organisation)
    ):
        raise missing
    row = session.scalars(
        select(DeclarationRow)
        .where(DeclarationRow.reference == reference)
        .order_by(DeclarationRow.version.desc())
        .limit(1)
    ).first()
    if row is None:
        raise missing
    return row


def _controls(session: Session, reference: str) -> list[ControlResultRow]:
    return list(
        session.scalars(
            select(ControlResultRow)
            .where(ControlResultRow.declaration_reference == reference)
            .order_by(ControlResultRow.id)
        )
    )


def _profiles_hit(request: Request, hit: Any) -> list[dict[str, Any]]:
    """The profiles behind a rules score, with their rationale (never their conditions)."""
    ids = [p for p in str(hit or "").split(",") if p]
    if not ids:
        return []
    stored = {
        r["profile_id"]: r["definition"]
        for r in stored_profiles(
            include_retired=True, session_factory=request.app.state.session_factory
        )
    }
    return [
        {
            "id": pid,
            "name": stored.get(pid, {}).get("name", pid),
            "rationale": stored.get(pid, {}).get("rationale", ""),
            "weight": stored.get(pid, {}).get("weight"),
        }
        for pid in ids
    ]


def officer_context(
    request: Request, db: Session, user: Principal, row: DeclarationRow
) -> dict[str, Any]:
    assessment = latest_assessment(db, reference=row.reference)
    decision = current_decision(db, reference=row.reference)
    show_risk = user.can(P.RISK_READ)
    components = dict(assessment.components or {}) if assessment is not None else {}
    return {
        "decl": row,
        "data": row.normalised,
        "assessment": assessment,
        "decision": decision,
        "lane": decision.lane if decision is not None else assessment.lane if assessment else None,
        "show_risk": show_risk,
        "components": [
            (label, components.get(key)) for key, label in COMPONENTS if key in components
        ],
        "notes": components.get("notes"),
        "missing_fields": components.get("missing_fields"),
        "reasons": (assessment.reasons or []) if assessment is not None and show_risk else [],
        "profiles_hit": _profiles_hit(request, components.get("profiles_hit")) if show_risk else [],
        "compare": side_by_side(row.original, row.original_format, row.normalised),
        "controls": _controls(db, row.reference),
        "timeline": list(reversed(trail(db, subject=f"declaration:{row.reference}"))),
        "lanes": LANES,
        "can_decide": user.can(P.DECISION_WRITE),
        "can_control": user.can(P.CONTROL_WRITE),
        "status": public_status(db, reference=row.reference),
    }


@router.get("/declarations/{reference}", response_class=HTMLResponse)
def declaration_page(request: Request, reference: str, db: DbSession, user: PageUser) -> Response:
    row = declaration_for(db, user, reference)
    if user.is_trader:
        return render(
            request,
            "trader_declaration.html",
            user,
            decl=row,
            data=row.normalised,
            status=public_status(db, reference=row.reference),
        )
    return render(request, "declaration.html", user, **officer_context(request, db, user, row))


@router.post("/declarations/{reference}/decision", response_class=HTMLResponse)
def declaration_decide(
    request: Request,
    reference: str,
    db: DbSession,
    user: PageUser,
    action: Annotated[str, Form(max_length=16)] = "accept",
    lane: Annotated[str, Form(max_length=8)] = "",
    justification: Annotated[str, Form(max_length=4000)] = "",
    change: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    row = declaration_for(db, user, reference)
    if not user.can(P.DECISION_WRITE):
        raise PageError(403, f"Your role ({user.role.value}) may not decide on declarations.")
    error = None
    try:
        decide(
            db,
            reference=row.reference,
            officer=user.username,
            lane=(lane or None) if action == "override" else None,
            justification=justification,
            change=change == "yes",
        )
        db.commit()
    except DecisionError as exc:
        db.rollback()
        error = str(exc)
    if not is_htmx(request):
        if error is None:
            return RedirectResponse(f"/declarations/{row.reference}#decision", status_code=303)
    context = officer_context(request, db, user, row)
    return render(
        request,
        "partials/decision.html" if is_htmx(request) else "declaration.html",
        user,
        status_code=422 if error else 200,
        decision_error=error,
        justification=justification if error else "",
        oob=is_htmx(request),
        **context,
    )
