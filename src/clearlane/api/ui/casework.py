"""The declaration page: the officer's view (score, components, reasons, counterfactual,
original beside normalised data, documents, messages, timeline, decision and control-result
forms) and the trader's view of their own declaration (status, data, documents, messages;
never a score or a reason). Every query and write is a library or service function."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, File, Form, Path, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from clearlane.api.audit.redact import visible_entries
from clearlane.api.declarations import service
from clearlane.api.deps import DbSession, Principal
from clearlane.api.documents.views import _content_type, attach_once, one_file
from clearlane.api.errors import ApiError
from clearlane.api.idempotency import (
    PAGE_WAIT_SECONDS,
    Created,
    answer_once,
    claim,
    parse_key,
)
from clearlane.api.permissions import Permission
from clearlane.api.scoring import extract_and_reassess, scoring
from clearlane.api.types import RowId
from clearlane.api.ui.common import PageError, PageUser, is_htmx, render
from clearlane.api.ui.compare import side_by_side
from clearlane.api.ui.controlform import control_form_from, form_css
from clearlane.api.ui.facts import facts_view
from clearlane.audit import trail
from clearlane.casework import (
    DocumentError,
    MessageError,
    document_list,
    messages,
    post_message,
)
from clearlane.documents.service import extractions
from clearlane.link.views import declaration_transport, has_document_query
from clearlane.oversight import current_decision, decide, latest_assessment
from clearlane.oversight.controls import (
    ControlFormError,
    DeclarationNotFound,
    DuplicateControlResult,
    control_results,
    form_options,
    record_control_result,
)
from clearlane.oversight.decisions import DecisionError, ShownReasons
from clearlane.risk.profile_store import stored_profiles
from clearlane.store.files import FileStore
from clearlane.store.tables import DeclarationRow

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
    try:
        return service.get_visible(session, reference=reference, user=user)
    except DeclarationNotFound:
        raise PageError(404, f"There is no declaration {reference!r}.") from None


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


def extraction_views(db: Session, document_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Per document: what was read (fields with source, page, confidence and box), the line
    items and the discrepancies, shaped for the documents partial."""
    from clearlane.documents.crosscheck import CODES
    from clearlane.documents.models import HEADER_FIELDS

    views: dict[int, dict[str, Any]] = {}
    for document_id, row in extractions(db, document_ids).items():
        data = row.extraction or {}
        evidence = data.get("evidence") or {}
        fields = []
        for name in HEADER_FIELDS:
            proof = evidence.get(name) or {}
            fields.append(
                {
                    "name": name,
                    "value": data.get(name),
                    "source": proof.get("source"),
                    "page": proof.get("page"),
                    "confidence": proof.get("confidence"),
                }
            )
        boxes: dict[int, list[dict[str, Any]]] = {}
        for name, proof in evidence.items():
            if proof.get("box") and proof.get("page"):
                x0, y0, x1, y1 = proof["box"]
                boxes.setdefault(int(proof["page"]), []).append(
                    {"name": name, "x": x0, "y": y0, "w": x1 - x0, "h": y1 - y0}
                )
        discrepancies = [
            d | {"label": CODES.get(d.get("code", ""), d.get("code"))}
            for d in row.discrepancies or []
        ]
        views[document_id] = {
            "status": row.status,
            "error": row.error,
            "method": row.method,
            "pages": row.pages,
            "seconds": row.seconds,
            "fields": fields,
            "lines": data.get("line_items") or [],
            "discrepancies": discrepancies,
            "boxes": boxes,
        }
    return views


def _casework(db: Session, user: Principal, row: DeclarationRow) -> dict[str, Any]:
    documents = document_list(db, reference=row.reference) if user.can(P.DOCUMENT_READ) else []
    return {
        "documents": documents,
        "extractions": extraction_views(db, [d.id for d in documents]),
        "officer_documents": user.can(P.RISK_READ),
        "thread": messages(db, reference=row.reference) if user.can(P.MESSAGE_READ) else [],
        "can_upload": user.can(P.DOCUMENT_WRITE),
        "can_message": user.can(P.MESSAGE_WRITE),
    }


def _reasons(
    request: Request,
    row: DeclarationRow,
    assessment: Any,
    show_risk: bool,
    shown: ShownReasons | None = None,
) -> dict[str, Any]:
    """The assessment's reasons (computed on opening when the batch score left them, see
    :func:`service.reasons_on_demand`) and the note saying so; ``shown``: the ones computed
    already in this request for a decision on it (:func:`service.reasons_shown`), used
    instead of computing them again."""
    if assessment is None or not show_risk:
        return {"reasons": [], "reasons_note": None}
    if shown is not None and shown.assessment_id == assessment.id:
        return {"reasons": shown.reasons, "reasons_note": shown.note}
    engines = scoring(request)
    engine, _ = engines.engine(fit=False) if service.reasons_deferred(assessment) else (None, None)
    reasons, note = service.reasons_on_demand(
        request.app.state.session_factory, row=row, assessment=assessment, engine=engine,
        profiles=engines.profiles() if engine is not None else None,
    )  # fmt: skip
    return {"reasons": reasons, "reasons_note": note}


def officer_context(
    request: Request,
    db: Session,
    user: Principal,
    row: DeclarationRow,
    *,
    shown: ShownReasons | None = None,
) -> dict[str, Any]:
    assessment = latest_assessment(db, reference=row.reference, version=row.version)
    decision = current_decision(db, reference=row.reference, version=row.version)
    lane = decision.lane if decision is not None else assessment.lane if assessment else None
    show_risk = user.can(P.RISK_READ)
    components = dict(assessment.components or {}) if assessment is not None else {}
    return {
        "decl": row,
        "data": row.normalised,
        "assessment": assessment,
        "decision": decision,
        "lane": lane,
        "status": service.lane_status(lane, submitted=service.was_submitted(db, row)),
        "show_risk": show_risk,
        "components": [
            (label, components.get(key)) for key, label in COMPONENTS if key in components
        ],
        "notes": components.get("notes"),
        "missing_fields": components.get("missing_fields"),
        **_reasons(request, row, assessment, show_risk, shown),
        "profiles_hit": _profiles_hit(request, components.get("profiles_hit")) if show_risk else [],
        "facts": (
            facts_view(request.app.state.session_factory, row, assessment) if show_risk else None
        ),
        "compare": side_by_side(row.original, row.original_format, row.normalised),
        "transport": declaration_transport(db, row.reference) if show_risk else [],
        "controls": control_results(db, reference=row.reference),
        "timeline": visible_entries(
            list(reversed(trail(db, subject=f"declaration:{row.reference}"))), user
        ),
        "lanes": LANES,
        "can_decide": user.can(P.DECISION_WRITE),
        "can_control": user.can(P.CONTROL_WRITE),
        "options": form_options(),
        "control": {},
        **_casework(db, user, row),
    }


def trader_context(db: Session, user: Principal, row: DeclarationRow) -> dict[str, Any]:
    assessment = latest_assessment(db, reference=row.reference, version=row.version)
    decision = current_decision(db, reference=row.reference, version=row.version)
    lane = decision.lane if decision is not None else assessment.lane if assessment else None
    return {
        "decl": row,
        "data": row.normalised,
        "status": service.lane_status(lane, submitted=service.was_submitted(db, row)),
        # a trader learns only that customs may ask about the transport document
        "document_query": has_document_query(db, row.reference),
        **_casework(db, user, row),
    }


def _page(
    request: Request,
    db: Session,
    user: Principal,
    row: DeclarationRow,
    *,
    status_code: int = 200,
    shown: ShownReasons | None = None,
    **extra: Any,
) -> Response:
    if user.is_trader:
        context = {**trader_context(db, user, row), **extra}
        return render(request, "trader_declaration.html", user, status_code=status_code, **context)
    context = {**officer_context(request, db, user, row, shown=shown), **extra}
    return render(request, "declaration.html", user, status_code=status_code, **context)


@router.get("/ui/control-form.css", include_in_schema=False)
def control_form_css() -> Response:
    """The control form's show-this-field rules, as a stylesheet (the Content-Security-Policy
    forbids ``<style>`` elements in pages)."""
    return Response(form_css(), media_type="text/css", headers={"Cache-Control": "max-age=600"})


@router.get("/declarations/{reference}", response_class=HTMLResponse)
def declaration_page(request: Request, reference: str, db: DbSession, user: PageUser) -> Response:
    row = declaration_for(db, user, reference)
    return _page(request, db, user, row)


@router.get("/declarations/{reference}/counterfactual", response_class=HTMLResponse)
def declaration_counterfactual(
    request: Request, reference: str, db: DbSession, user: PageUser
) -> Response:
    row = declaration_for(db, user, reference)
    if not user.can(P.RISK_READ):
        raise PageError(403, "Counterfactuals are for customs roles that read risk.")
    assessment = latest_assessment(db, reference=row.reference, version=row.version)
    found: dict[str, Any] | None = None
    note = "not assessed yet"
    if assessment is not None:
        engines = scoring(request)
        engine, _ = engines.engine(fit=False)  # a read: never starts a fit
        found, note_or_none = service.counterfactual_of(
            db, row=row, assessment=assessment, engine=engine, profiles=engines.profiles()
        )
        note = note_or_none or ""
    return render(request, "partials/counterfactual.html", user, found=found, note=note)


def _refresh(
    request: Request,
    db: Session,
    user: Principal,
    row: DeclarationRow,
    part: str,
    *,
    status: int | None = None,
    shown: ShownReasons | None = None,
    **extra: Any,
) -> Response:
    """After a change: the updated part (htmx, with the timeline out of band) or the page.
    A refusal (an ``*_error`` in ``extra``) answers ``status`` (default 422) either way, as
    the API does: a plain form POST got the page with 200. ``shown``: the reasons computed
    for the change already (see :func:`_reasons`)."""
    if status is None:
        status = 422 if any(k.endswith("_error") and v for k, v in extra.items()) else 200
    if not is_htmx(request):
        if status == 200:
            return RedirectResponse(f"/declarations/{row.reference}#{part}", status_code=303)
        return _page(request, db, user, row, status_code=status, shown=shown, **extra)
    context = (
        trader_context(db, user, row)
        if user.is_trader
        else officer_context(request, db, user, row, shown=shown)
    )
    if user.is_trader:
        context["timeline"] = []
    return render(
        request,
        f"partials/{part}.html",
        user,
        status_code=status,
        oob=not user.is_trader,
        **{**context, **extra},
    )


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
    supersedes: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    row = declaration_for(db, user, reference)
    if not user.can(P.DECISION_WRITE):
        raise PageError(403, f"Your role ({user.role.value}) may not decide on declarations.")
    error, status = None, None
    shown = service.reasons_shown(  # for an assessment stored without its reasons
        db, request.app.state.session_factory, reference=row.reference, version=row.version,
        engines=scoring(request).engine_and_profiles,
    )  # fmt: skip
    try:
        decide(
            db,
            reference=row.reference,
            officer=user.username,
            lane=(lane or None) if action == "override" else None,
            justification=justification,
            version=row.version,
            change=change == "yes",
            supersedes=int(supersedes) if supersedes.isascii() and supersedes.isdigit() else None,
            shown=shown,
        )
        db.commit()
    except DecisionError as exc:
        db.rollback()
        error = str(exc)
        # the API's statuses: the declaration's state forbids it (a stale change, decided
        # already, not assessed) 409; a wrong input 422
        status = 409 if exc.kind == "conflict" else 422
    return _refresh(
        request,
        db,
        user,
        row,
        "decision",
        status=status,
        shown=shown,
        decision_error=error,
        justification=justification if error else "",
    )


@router.post("/declarations/{reference}/control", response_class=HTMLResponse)
async def declaration_control(
    request: Request, reference: str, db: DbSession, user: PageUser
) -> Response:
    row = await run_in_threadpool(declaration_for, db, user, reference)
    if not user.can(P.CONTROL_WRITE):
        raise PageError(403, f"Your role ({user.role.value}) may not record control results.")
    fields = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    problems: list[tuple[str, str]] = []
    saved, refused = None, []

    def store() -> Any:
        try:
            stored = record_control_result(
                db, reference=row.reference, form=control_form_from(fields), officer=user.username
            )
        except ValidationError as exc:
            db.rollback()
            problems.extend(
                (".".join(str(p) for p in e["loc"]) or "form", str(e["msg"]))
                for e in exc.errors(include_url=False)
            )
            return None
        except ControlFormError as exc:
            db.rollback()
            problems.extend(exc.problems)
            return None
        except DuplicateControlResult as exc:
            db.rollback()
            problems.append(("form", str(exc)))
            refused.append(409)  # stored already: the API's conflict
            return None
        db.commit()
        return stored

    saved = await run_in_threadpool(store)
    return await run_in_threadpool(
        _refresh,
        request,
        db,
        user,
        row,
        "control",
        status=refused[0] if refused else None,
        control_error=problems,
        control=fields if problems else {},
        saved_control=saved.row if saved is not None else None,
    )


FORM_KEY = "idempotency_key"


async def _form_keys(request: Request) -> list[Any]:
    """Every ``idempotency_key`` value of the posted form (Starlette's parsed copy): a form
    parameter would take the last of several and drop the others without a word, where the
    API's header sent twice is a 400."""
    return list((await request.form()).getlist(FORM_KEY))


FormKeys = Annotated[list[Any], Depends(_form_keys)]


def _form_key(values: list[Any]) -> str | None:
    """The key a creating form sends (``idempotency_key``, drawn with the form), checked as the
    API's header is (none, or one valid key); a bad one, the field sent twice or a file part
    under its name is a 400 page."""
    if any(not isinstance(value, str) for value in values):
        raise PageError(400, f"{FORM_KEY}: a file was sent where the key belongs")
    try:
        return parse_key(values, name=FORM_KEY, field=FORM_KEY)
    except ApiError as exc:
        raise PageError(400, exc.message) from None


@router.post("/declarations/{reference}/messages", response_class=HTMLResponse)
def declaration_message(
    request: Request,
    reference: str,
    db: DbSession,
    user: PageUser,
    idempotency_key: FormKeys,
    body: Annotated[str, Form(max_length=10_000)] = "",
) -> Response:
    row = declaration_for(db, user, reference)
    if not user.can(P.MESSAGE_WRITE):
        raise PageError(403, f"Your role ({user.role.value}) may not write messages.")
    sent = claim(
        request, username=user.username, key=_form_key(idempotency_key), payload={"body": body}
    )
    error = None

    def post() -> Created:
        message = post_message(
            db,
            reference=row.reference,
            author=user.username,
            author_role=user.role.value,
            body=body,
        )
        return Created(id=message.id)

    try:  # the form posted again with its key (a double click) is not stored again; a click
        # while the first runs waits for it (the page is drawn afresh either way)
        answer_once(db, sent, post, status=303, wait=PAGE_WAIT_SECONDS)
    except MessageError as exc:
        db.rollback()
        error = str(exc)
    return _refresh(
        request, db, user, row, "messages", message_error=error, draft=body if error else ""
    )


@router.get("/declarations/{reference}/documents", response_class=HTMLResponse)
def declaration_documents(
    request: Request, reference: str, db: DbSession, user: PageUser
) -> Response:
    """The documents section alone (htmx polls it while an extraction is pending)."""
    row = declaration_for(db, user, reference)
    context = (
        trader_context(db, user, row) if user.is_trader else officer_context(request, db, user, row)
    )
    return render(request, "partials/documents.html", user, oob=False, **context)


@router.get("/documents/{document_id}/page/{page}.png")
def document_page_image(
    document_id: RowId,
    page: Annotated[int, Path(ge=1, le=10_000)],
    request: Request,
    db: DbSession,
    user: PageUser,
) -> Response:
    """A page of an attached PDF or image as PNG, for the evidence overlay."""
    from clearlane.documents.pages import PageImageError, page_png
    from clearlane.store.tables import DocumentRow

    if not user.can(P.DOCUMENT_READ):
        raise PageError(403, f"Your role ({user.role.value}) may not read documents.")
    document = db.get(DocumentRow, document_id)
    if document is None:
        raise PageError(404, f"There is no document {document_id}.")
    declaration_for(db, user, document.reference)
    try:
        data = FileStore(request.app.state.settings.files_dir).read(document.sha256)
        png = page_png(data, page)
    except (PageImageError, OSError) as exc:
        raise PageError(404, f"Document {document_id}, page {page}: {exc}") from None
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


@router.post("/declarations/{reference}/documents", response_class=HTMLResponse)
async def declaration_document(
    request: Request,
    reference: str,
    db: DbSession,
    user: PageUser,
    file: Annotated[UploadFile, File()],
    background: BackgroundTasks,
    idempotency_key: FormKeys,
) -> Response:
    row = await run_in_threadpool(declaration_for, db, user, reference)
    if not user.can(P.DOCUMENT_WRITE):
        raise PageError(403, f"Your role ({user.role.value}) may not attach documents.")
    settings = request.app.state.settings
    error, status = None, None
    try:
        await one_file(request)
        content_type = _content_type(file, settings)
        data = await file.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            raise ApiError(413, f"larger than the limit of {settings.max_upload_bytes:,} bytes")
    except ApiError as exc:
        error, status = exc.message, exc.status  # the API's: 413 too large, 415 its type
    if error is None:
        key = _form_key(idempotency_key)
        queued: list[int] = []

        def store() -> str | None:
            try:  # the form posted again with its key (a double click) is not stored again
                attach_once(
                    db,
                    request,
                    reference=row.reference,
                    filename=file.filename,
                    content_type=content_type,
                    data=data,
                    username=user.username,
                    files=FileStore(settings.files_dir),
                    key=key,
                    answer=lambda document: Created(id=document.id),
                    status=303,
                    queued=queued,
                    wait=PAGE_WAIT_SECONDS,
                )
            except DocumentError as exc:
                db.rollback()
                return str(exc)
            for document_id in queued:  # read the invoice after the page is sent
                background.add_task(
                    extract_and_reassess, scoring(request), document_id, settings.files_dir
                )
            return None

        error = await run_in_threadpool(store)
    return await run_in_threadpool(
        _refresh, request, db, user, row, "documents", status=status, document_error=error
    )
