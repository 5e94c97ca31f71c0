"""Control results: ``POST /api/declarations/{reference}/control-result`` and the form's
vocabularies."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from clearlane.api import errors
from clearlane.api.bodies import JsonBody
from clearlane.api.controls.schemas import (
    ControlFormOptions,
    ControlResultCreate,
    ControlResultRead,
)
from clearlane.api.declarations import service
from clearlane.api.declarations.views import ERRORS
from clearlane.api.deps import DbSession, Require, require
from clearlane.api.permissions import Permission
from clearlane.api.types import ReferencePath
from clearlane.oversight.controls import (
    form_options,
    record_control_result,
)

router = APIRouter(tags=["control results"])


@router.post(
    "/api/declarations/{reference}/control-result",
    response_model=ControlResultRead,
    status_code=201,
    summary="Record what a control found (the granular control-result form)",
    description=(
        "Control type, outcome, the irregularities found with their follow-up fields (drug "
        "type and form, concealment method, seized quantity, the field concerned with its "
        "declared and found values), extra duty and remarks. Stored like an ingested result "
        "(training reads it) and audited. `GET /api/control-results/options` lists the "
        "vocabularies and which follow-ups apply to each irregularity type."
    ),
    responses={**ERRORS, **errors.error_responses(409)},
)
def post_control_result(
    reference: ReferencePath,
    body: ControlResultCreate,
    db: DbSession,
    user: require(Permission.CONTROL_WRITE),  # type: ignore[valid-type]
    _content: JsonBody,
) -> ControlResultRead:
    service.get_visible(db, reference=reference, user=user)
    # ControlFormError (422, every field named), DeclarationNotFound (404) and
    # DuplicateControlResult (409) reach the one domain handler; the session rolls back.
    stored = record_control_result(db, reference=reference, form=body, officer=user.username)
    db.commit()
    return ControlResultRead.model_validate(stored.row)


@router.get(
    "/api/control-results/options",
    response_model=ControlFormOptions,
    summary="The control-result form's vocabularies and follow-up fields per irregularity",
    dependencies=[Depends(Require(Permission.CONTROL_WRITE))],
    responses={k: v for k, v in ERRORS.items() if k in (401, 403)},
)
def control_options() -> ControlFormOptions:
    return ControlFormOptions.model_validate(form_options())
