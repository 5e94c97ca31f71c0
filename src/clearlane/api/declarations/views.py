"""``/api/declarations``: submit (one or a batch), fetch one, list and filter."""

from __future__ import annotations

import asyncio
import logging
import weakref
from datetime import date
from typing import Annotated, Any

import anyio
import anyio.to_thread
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import Response
from pydantic import TypeAdapter, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from clearlane.api import errors
from clearlane.api.bodies import read_json_marked
from clearlane.api.controls.schemas import ControlResultRead
from clearlane.api.decisions.schemas import DecisionRead
from clearlane.api.declarations import service
from clearlane.api.declarations.schemas import (
    MAX_BATCH,
    AssessmentBrief,
    AssessmentRead,
    CounterfactualRead,
    DeclarationBatch,
    DeclarationDetail,
    DeclarationListItem,
    DeclarationPage,
    IssueRead,
    ReasonRead,
    SubmissionRead,
    SubmitResponse,
    VersionRead,
)
from clearlane.api.deps import DbSession, Principal, require, require_signed_in
from clearlane.api.documents.schemas import DocumentRead
from clearlane.api.errors import ApiError, field_name
from clearlane.api.permissions import Permission
from clearlane.api.scoring import Scoring, draw_key, scoring
from clearlane.api.types import ReferencePath, query_text
from clearlane.casework import document_list, message_count
from clearlane.core.bounds import duplicate_key, duplicate_key_outside
from clearlane.core.schema import Declaration
from clearlane.intake import (
    API_SOURCE,
    NO_ENGINE,
    Quarantined,
    Submitted,
    assess_provisionally,
    assess_submitted,
    submit_declarations,
)
from clearlane.oversight.assessments import latest_assessment
from clearlane.oversight.controls import control_results
from clearlane.oversight.decisions import current_decision
from clearlane.store.tables import PROVISIONAL_BASIS, AssessmentRow, DecisionRow, DeclarationRow

log = logging.getLogger("clearlane.api")
router = APIRouter(prefix="/api/declarations", tags=["declarations"])
TOP_REASONS = 3

SUBMIT_BODY = TypeAdapter(Declaration | DeclarationBatch).json_schema(
    ref_template="#/components/schemas/{model}"
)
SUBMIT_BODY_SCHEMA = {k: v for k, v in SUBMIT_BODY.items() if k != "$defs"}
ERRORS: dict[int | str, dict[str, Any]] = errors.error_responses(400, 401, 403, 404, 415, 422)


def include(app: FastAPI) -> None:
    """Mount the routes and publish the submit body's schemas in the OpenAPI components."""
    app.include_router(router)
    defs = SUBMIT_BODY.get("$defs", {})
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, definition in defs.items():
            components.setdefault(name, definition)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


# ----------------------------------------------------------------------------- submit


def _records(body: Any) -> tuple[list[dict[str, Any]], bool]:
    """(records, is_batch) from a parsed body; 422 for any other shape."""
    if isinstance(body, dict) and "declarations" in body:
        try:
            batch = DeclarationBatch.model_validate(body)
        except ValidationError as exc:
            fields = [
                {"field": field_name(("body", *e["loc"])), "message": e["msg"]}
                for e in exc.errors(include_url=False)
            ]
            more = f" (and {len(fields) - 1} more)" if len(fields) > 1 else ""
            first = fields[0]
            raise ApiError(
                422, f"{first['field']}: {first['message']}{more}", fields=fields
            ) from exc
        return batch.declarations, True
    if isinstance(body, dict):
        return [body], False
    raise ApiError(
        422,
        'body: expected a declaration object or {"declarations": [...]} '
        f"(up to {MAX_BATCH}), got {type(body).__name__}",
        fields=[{"field": "body", "message": "expected an object"}],
    )


def _repeated(marked: Any, is_batch: bool) -> dict[int, tuple[str, str]]:
    """The declarations that repeat a key in an object (index -> field path and message), from
    the body as :func:`~clearlane.core.bounds.loads_marking_duplicates` read it (None: no key
    repeats): each is quarantined naming it, the others go on. A key repeated in the batch's
    envelope (``{"declarations": [...], "declarations": [...]}``) refuses the request (422):
    which list was meant is unknown."""
    if marked is None:
        return {}
    if not is_batch:
        problem = duplicate_key(marked, "")
        return {} if problem is None else {0: problem}
    envelope = duplicate_key_outside(marked, "declarations", "body")
    if envelope is not None:
        path, message = envelope
        raise ApiError(422, f"{path}: {message}", fields=[{"field": path, "message": message}])
    found: dict[int, tuple[str, str]] = {}
    records = marked.get("declarations")
    for index, record in enumerate(records if isinstance(records, list) else []):
        problem = duplicate_key(record, "")
        if problem is not None:
            found[index] = problem
    return found


def _brief(assessment: AssessmentRow | None) -> AssessmentBrief | None:
    if assessment is None:
        return None
    return AssessmentBrief(
        id=assessment.id,
        score=assessment.score,
        lane=assessment.lane,
        selection_reason=assessment.selection_reason,
        top_reasons=[
            ReasonRead.model_validate(r) for r in (assessment.reasons or [])[:TOP_REASONS]
        ],
        reasons_deferred=service.reasons_deferred(assessment),
        model_version=assessment.model_version,
        assessed_at=assessment.assessed_at,
        basis=assessment.basis,
        provisional=assessment.basis == PROVISIONAL_BASIS,
    )


def _lane_in_force(session_factory: sessionmaker[Session], result: Submitted) -> str | None:
    if result.assessment is None:
        return None
    if result.status == "unchanged":  # an older submission may have been decided since
        with session_factory() as session:
            decision = current_decision(
                session, reference=result.assessment.reference, version=result.assessment.version
            )
        if decision is not None:
            return decision.lane
    return result.assessment.lane


def _submission(
    session_factory: sessionmaker[Session], user: Principal, result: Submitted
) -> SubmissionRead:
    risk = user.can(Permission.RISK_READ)
    return SubmissionRead(
        reference=result.reference,
        version=result.version,
        status=result.status,
        stored=result.stored,
        issues=[IssueRead.model_validate(i) for i in result.issues],
        lane_status=service.lane_status(
            _lane_in_force(session_factory, result), stored=result.stored
        ),
        pending=result.pending,
        assessment=_brief(result.assessment) if risk else None,
    )


def _submit_sync(
    *,
    records: list[dict[str, Any]],
    originals: list[str] | None,
    user: Principal,
    engine_service: Scoring,
    repeated: dict[int, tuple[str, str]] | None = None,
) -> list[Submitted]:
    session_factory = engine_service.session_factory
    engine, _problem = engine_service.engine()
    key = draw_key()
    results = submit_declarations(
        records,
        source=f"{API_SOURCE}{user.username}",
        engine=engine,
        key=key,
        session_factory=session_factory,
        profiles=engine_service.profiles(),
        policy=engine_service.policy,
        originals=originals,
        cuts=engine_service.cuts,
        organisation=user.organisation,
        trader=user.is_trader,
        repeated=repeated,
    )
    if engine is None and any(r.pending == NO_ENGINE for r in results):
        # No champion: the fallback is fitted in the background (an empty store had nothing
        # to fit it on before these declarations), which assesses them when ready; this
        # request does not wait. A champion that appeared meanwhile assesses them now.
        engine, problem = engine_service.engine()
        for result in results:
            if engine is None and result.pending == NO_ENGINE and problem:
                result.pending = problem
        if engine is not None:
            assess_submitted(
                results,
                engine=engine,
                key=key,
                session_factory=session_factory,
                profiles=engine_service.profiles(),
                policy=engine_service.policy,
                cuts=engine_service.cuts,
            )
        else:  # still none: a provisional rules-only lane meanwhile, still pending
            assess_provisionally(
                [r for r in results if r.pending],
                profiles=engine_service.profiles(),
                key=key,
                session_factory=session_factory,
                policy=engine_service.policy,
                cuts=engine_service.cuts,
            )
    return results


_gates: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[int, anyio.CapacityLimiter]] = (
    weakref.WeakKeyDictionary()
)


def _gate(limit: int) -> anyio.CapacityLimiter:
    """This event loop's limiter of concurrent submissions (limiters belong to a loop)."""
    by_limit = _gates.setdefault(asyncio.get_running_loop(), {})
    if limit not in by_limit:
        by_limit[limit] = anyio.CapacityLimiter(limit)
    return by_limit[limit]


async def submit_records(
    request: Request,
    *,
    records: list[dict[str, Any]],
    originals: list[str] | None,
    user: Principal,
    repeated: dict[int, tuple[str, str]] | None = None,
) -> list[Submitted]:
    """Submit (stored, assessed, routed, audited); the API's submit route and the trader
    portal's form both come through here. Red lanes reach the alert streams from the store
    (:mod:`clearlane.api.events.feed`). ``repeated``: the records that repeated a key
    (index -> field path and message), quarantined naming it.

    At most ``submit_concurrency`` submissions run at once per worker process; the others wait
    their turn in arrival order. Assessing is CPU work under one interpreter lock and writing
    takes the store's write lock, so more threads at once only add switching and unfair lock
    waits (a long latency tail) without adding throughput; more worker processes do.
    """
    engine_service = scoring(request)

    def work() -> list[Submitted]:
        return _submit_sync(
            records=records,
            originals=originals,
            user=user,
            engine_service=engine_service,
            repeated=repeated,
        )

    limit = request.app.state.settings.submit_concurrency
    return await anyio.to_thread.run_sync(work, limiter=_gate(limit))


@router.post(
    "",
    response_model=SubmitResponse,
    status_code=201,
    summary="Submit one declaration or a batch; each is stored, assessed and routed at once",
    description=(
        "The body is one declaration in ClearLane's JSON declaration format (see "
        'docs/formats.md) or `{"declarations": [...]}` with up to '
        f"{MAX_BATCH}. Each is validated and stored as ingest stores it (original text, "
        "normalised record, content hash, versions) or quarantined with its reasons, then "
        "assessed by the champion engine and routed to a lane. Without an engine yet (the "
        "fallback champion being fitted) the declarations are stored and reported `pending`, "
        "with a provisional rules-only assessment meanwhile (`assessment.provisional`: the "
        "risk profiles and the random draw only), superseded by the engine's. Customs roles "
        "get the score, lane and top reasons; traders only the status shown to traders. A "
        "single declaration that is rejected answers 422 (it is kept in quarantine); a batch "
        "always answers with one result per declaration. 201 when something new was stored, "
        "else 200."
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": SUBMIT_BODY_SCHEMA}},
        }
    },
    responses={200: {"model": SubmitResponse, "description": "nothing new stored"}, **ERRORS},
)
async def submit(
    request: Request,
    # signed in on a connection of its own: the submission opens its own sessions
    user: require_signed_in(Permission.DECLARATION_SUBMIT),  # type: ignore[valid-type]
) -> Response:
    # bounded: depth and NUL checked; a repeated key is ours to report (guards.REPORTS_REPEATS)
    body, marked = await read_json_marked(request)
    repeated = _repeated(marked, isinstance(body, dict) and "declarations" in body)
    records, is_batch = _records(body)
    originals = None if is_batch else [(await request.body()).decode("utf-8", "replace")]
    results = await submit_records(
        request, records=records, originals=originals, user=user, repeated=repeated
    )
    factory = scoring(request).session_factory
    if any(r.status == "unchanged" and r.assessment is not None for r in results):
        # reads the decision in force: a checkout, never on the event loop (deps.get_db)
        shaped = await run_in_threadpool(lambda: [_submission(factory, user, r) for r in results])
    else:
        shaped = [_submission(factory, user, r) for r in results]
    if not is_batch and not results[0].stored:
        raise Quarantined(results[0])
    response = SubmitResponse(
        received=len(shaped),
        stored=sum(1 for r in shaped if r.stored),
        quarantined=sum(1 for r in shaped if not r.stored),
        pending=sum(1 for r in shaped if r.stored and r.pending),
        results=shaped,
    )
    created = any(r.status in ("new", "amended") for r in shaped)
    return Response(  # serialised once, by pydantic
        response.model_dump_json(),
        media_type="application/json",
        status_code=201 if created else 200,
    )


# ----------------------------------------------------------------------------- read one


def _version_for(user: Principal, row: DeclarationRow) -> VersionRead:
    """A version as ``user`` may see it: a trader is not told who else submitted one (the
    ``api:<user>`` of another user's submission is shown as ``api:another user``)."""
    version = VersionRead.model_validate(row)
    if user.is_trader and version.source_location.startswith(API_SOURCE):
        submitter, _, rest = version.source_location.removeprefix(API_SOURCE).partition(":")
        if submitter != user.username:
            version.source_location = f"{API_SOURCE}another user:{rest}"
    return version


@router.get(
    "/{reference}",
    response_model=DeclarationDetail,
    response_model_exclude_none=False,
    summary="One declaration: original and normalised data, assessment, decision, history",
    responses=ERRORS,
)
def get_declaration(
    reference: ReferencePath,
    request: Request,
    db: DbSession,
    user: require(Permission.DECLARATION_READ),  # type: ignore[valid-type]
    counterfactual: Annotated[
        bool, Query(description="compute the counterfactual (yellow/red, risk:read)")
    ] = True,
) -> DeclarationDetail:
    row = service.get_visible(db, reference=reference, user=user)
    versions = db.scalars(
        select(DeclarationRow)
        .where(DeclarationRow.reference == reference)
        .order_by(DeclarationRow.version)
    ).all()
    assessment = latest_assessment(db, reference=reference, version=row.version)
    decision = current_decision(db, reference=reference, version=row.version)
    lane_in_force = decision.lane if decision else (assessment.lane if assessment else None)
    detail = DeclarationDetail(
        reference=row.reference,
        version=row.version,
        declaration_date=row.declaration_date,
        office=row.office,
        declarant_id=row.declarant_id,
        importer_id=row.importer_id,
        n_items=row.n_items,
        total_duty=row.total_duty,
        status=service.lane_status(lane_in_force, submitted=service.was_submitted(db, row)),
        original=row.original,
        original_format=row.original_format,
        normalised=row.normalised,
        warnings=[IssueRead.model_validate(w) for w in row.warnings or []],
        versions=[_version_for(user, v) for v in versions],
        documents=[DocumentRead.model_validate(d) for d in document_list(db, reference=reference)],
        message_count=message_count(db, reference=reference),
    )
    if user.is_trader:
        return detail
    detail.lane_in_force = lane_in_force
    detail.decision = DecisionRead.model_validate(decision) if decision else None
    detail.decisions = [
        DecisionRead.model_validate(d)
        for d in db.scalars(
            select(DecisionRow).where(DecisionRow.reference == reference).order_by(DecisionRow.id)
        )
    ]
    detail.control_results = [
        ControlResultRead.model_validate(c) for c in control_results(db, reference=reference)
    ]
    if user.can(Permission.RISK_READ) and assessment is not None:
        detail.assessment = AssessmentRead.model_validate(assessment)
        engines = scoring(request)
        if service.reasons_deferred(assessment):
            engine, _ = engines.engine(fit=False)  # a read: never starts a fit
            reasons, detail.reasons_note = service.reasons_on_demand(
                request.app.state.session_factory, row=row, assessment=assessment,
                engine=engine, profiles=engines.profiles(),
            )  # fmt: skip
            detail.assessment.reasons = [ReasonRead.model_validate(r) for r in reasons]
        if counterfactual:
            engine, _ = engines.engine(fit=False)  # a read: never starts a fit
            found, note = service.counterfactual_of(
                db, row=row, assessment=assessment, engine=engine, profiles=engines.profiles()
            )
            detail.counterfactual = CounterfactualRead.model_validate(found) if found else None
            detail.counterfactual_note = note
    return detail


# ----------------------------------------------------------------------------- list


@router.get(
    "",
    response_model=DeclarationPage,
    summary="List and filter declarations (latest versions), newest first",
    responses=ERRORS,
)
def list_declarations(
    db: DbSession,
    user: require(Permission.DECLARATION_READ),  # type: ignore[valid-type]
    office: Annotated[str | None, query_text(32)] = None,
    lane: Annotated[str | None, Query(pattern="^(green|yellow|red|blue)$")] = None,
    date_from: date | None = None,
    date_to: date | None = None,
    importer: Annotated[str | None, query_text(64)] = None,
    status: Annotated[
        service.Status,
        Query(description="decided, undecided, pending (submitted, not yet assessed) or all"),
    ] = "all",
    q: Annotated[str | None, query_text(64, "part of the reference")] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    size: Annotated[int, Query(ge=1, le=200)] = 50,
) -> DeclarationPage:
    if date_from and date_to and date_to < date_from:
        raise ApiError(
            422,
            f"date_to ({date_to}) is before date_from ({date_from})",
            fields=[{"field": "query.date_to", "message": "before date_from"}],
        )
    filters = service.Filters(office, lane, date_from, date_to, importer, status, q)
    service.check_filters_allowed(user, filters)
    query = service.overview_query(user, filters).order_by(
        DeclarationRow.declaration_date.desc(), DeclarationRow.reference
    )
    rows, total = service.page_of(db, query, page=page, size=size)
    customs = not user.is_trader
    risk = user.can(Permission.RISK_READ)
    items = [
        DeclarationListItem(
            reference=r.reference,
            version=r.version,
            declaration_date=r.declaration_date,
            office=r.office,
            declarant_id=r.declarant_id,
            importer_id=r.importer_id,
            n_items=r.n_items,
            status=service.lane_status(r.lane_in_force, submitted=r.submitted),
            lane=r.lane_in_force if customs else None,
            score=r.score if risk else None,
            decided=(r.decision_id is not None) if customs else None,
        )
        for r in rows
    ]
    return DeclarationPage(items=items, total=total, page=page, size=size)
