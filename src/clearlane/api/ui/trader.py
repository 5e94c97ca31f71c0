"""The trader portal: submit declarations (a form for the main fields and items, or a JSON
declaration pasted or uploaded), follow their status (never a score or a reason), answer
customs' messages and send documents (on the declaration page)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from clearlane.api.bodies import parse_json
from clearlane.api.declarations import service
from clearlane.api.declarations.views import submit_records
from clearlane.api.deps import DbSession, Principal
from clearlane.api.errors import ApiError, domain_error
from clearlane.api.ui.common import PageError, PageUser, render
from clearlane.casework import message_count
from clearlane.errors import DomainError
from clearlane.intake import Submitted
from clearlane.store.tables import DeclarationRow

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
ITEM_ROWS = 5
HEADER_FIELDS = (
    "reference",
    "declaration_date",
    "office",
    "declaration_type",
    "procedure",
    "country_dispatch",
    "country_destination",
    "transport_mode",
    "transport_means_id",
    "transport_document",
    "invoice_number",
    "incoterm",
    "invoice_currency",
    "invoice_total",
    "exchange_rate",
    "customs_value",
)
PARTIES = ("declarant", "importer", "exporter", "seller")
ITEM_FIELDS = (
    "hs_code",
    "description",
    "origin_country",
    "quantity",
    "quantity_unit",
    "net_mass_kg",
    "gross_mass_kg",
    "packages",
    "item_value",
    "customs_value",
    "duty_rate",
    "duty_amount",
    "tax_amount",
)


def _trader(user: Principal) -> str:
    if not user.is_trader or not user.organisation:
        raise PageError(403, "The trader portal is for traders acting for an organisation.")
    return user.organisation


def record_from_form(fields: dict[str, str]) -> dict[str, Any]:
    """The portal's form fields as a declaration in ClearLane's JSON format (empty fields are
    left out; ingest validates the rest and names every problem)."""
    get = {k: v.strip() for k, v in fields.items() if isinstance(v, str) and v.strip()}
    record: dict[str, Any] = {k: get[k] for k in HEADER_FIELDS if k in get}
    for party in PARTIES:
        values = {
            k: get[f"{party}.{k}"] for k in ("id", "name", "country") if f"{party}.{k}" in get
        }
        if values:
            record[party] = values
    if "containers" in get:
        record["containers"] = [c.strip() for c in get["containers"].replace(";", ",").split(",")]
    items: list[dict[str, Any]] = []
    for row in range(ITEM_ROWS):
        item = {k: get[f"item-{row}-{k}"] for k in ITEM_FIELDS if f"item-{row}-{k}" in get}
        if item:
            items.append({"seq": len(items) + 1, **item})
    record["items"] = items
    return record


def _portal(
    request: Request, db: DbSession, user: Principal, page: int = 1, **extra: Any
) -> Response:
    organisation = _trader(user)
    query = service.overview_query(user, service.Filters(status="all")).order_by(
        DeclarationRow.declaration_date.desc(), DeclarationRow.reference
    )
    rows, total = service.page_of(db, query, page=page, size=PAGE_SIZE)
    views = [
        {
            "reference": r.reference,
            "version": r.version,
            "declaration_date": r.declaration_date,
            "office": r.office,
            "status": service.lane_status(r.lane_in_force, submitted=r.submitted),
            "messages": message_count(db, reference=r.reference),
        }
        for r in rows
    ]
    return render(
        request,
        "trader.html",
        user,
        status_code=extra.pop("status_code", 200),
        declarations=views,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        organisation=organisation,
        item_rows=ITEM_ROWS,
        today=date.today().isoformat(),
        form=extra.pop("form", {}),
        **extra,
    )


@router.get("/trader", response_class=HTMLResponse)
def trader_portal(
    request: Request,
    db: DbSession,
    user: PageUser,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    return _portal(request, db, user, page)


def _outcome(result: Submitted) -> dict[str, Any]:
    lane = result.assessment.lane if result.assessment is not None else None
    return {
        "reference": result.reference,
        "version": result.version,
        "stored": result.stored,
        "status": service.lane_status(lane, stored=result.stored),
        "record_status": result.status,
        "issues": result.issues,
    }


@router.post("/trader/declarations", response_class=HTMLResponse)
async def trader_submit(request: Request, db: DbSession, user: PageUser) -> Response:
    _trader(user)
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    upload = form.get("json_file")
    text = fields.get("json", "").strip()
    if upload is not None and not isinstance(upload, str) and upload.filename:
        text = (await upload.read(request.app.state.settings.max_upload_bytes)).decode(
            "utf-8", "replace"
        )
    originals: list[str] | None = None
    try:
        if text:
            record = parse_json(text, "json")  # the API's bounds: depth, NUL
            if not isinstance(record, dict):
                raise ApiError(422, "the JSON must be one declaration object")
            originals = [text]
        else:
            record = record_from_form(fields)
        results = await submit_records(request, records=[record], originals=originals, user=user)
    except (ApiError, DomainError) as exc:
        if isinstance(exc, DomainError):
            exc = domain_error(exc)
        return await run_in_threadpool(
            _portal,
            request,
            db,
            user,
            1,
            status_code=exc.status,
            submit_error=exc.message,
            form=fields,
        )
    outcome = _outcome(results[0])
    return await run_in_threadpool(
        _portal,
        request,
        db,
        user,
        1,
        status_code=201 if outcome["stored"] else 422,
        submitted=outcome,
        form={} if outcome["stored"] else fields,
    )
