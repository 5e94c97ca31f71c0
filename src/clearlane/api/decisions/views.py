"""``POST /api/declarations/{reference}/decision``: accept or override the proposed lane."""

from __future__ import annotations

from fastapi import APIRouter, Request

from clearlane.api import errors
from clearlane.api.bodies import JsonBody
from clearlane.api.decisions.schemas import DecisionCreate, DecisionRead
from clearlane.api.declarations import service
from clearlane.api.declarations.views import ERRORS
from clearlane.api.deps import DbSession, require
from clearlane.api.permissions import Permission
from clearlane.api.scoring import scoring
from clearlane.api.types import ReferencePath
from clearlane.oversight.decisions import DecisionError, ShownReasons, decide

router = APIRouter(prefix="/api/declarations", tags=["decisions"])


@router.post(
    "/{reference}/decision",
    response_model=DecisionRead,
    status_code=201,
    summary="Decide: accept the proposed lane, override it (justified), or change a decision",
    description=(
        "Omit `lane` (or give the proposed one) to accept; give another lane and a "
        "justification to override. A declaration is decided once: a second decision is "
        "refused with 409 unless it is a change: `change: true`, a justification and "
        "`supersedes`, the id of the decision in force it replaces. A change naming a "
        "decision another officer has replaced meanwhile is refused with 409 (code "
        "`stale_decision`) naming the decision in force now."
    ),
    responses={**ERRORS, **errors.error_responses(409)},
)
def post_decision(
    request: Request,
    reference: ReferencePath,
    body: DecisionCreate,
    db: DbSession,
    user: require(Permission.DECISION_WRITE),  # type: ignore[valid-type]
    _content: JsonBody,
) -> DecisionRead:
    service.get_visible(db, reference=reference, user=user)
    shown = _shown(request, db, reference, body.version)
    try:
        row = decide(
            db,
            reference=reference,
            officer=user.username,
            lane=body.lane,
            justification=body.justification,
            version=body.version,
            change=body.change,
            supersedes=body.supersedes,
            shown=shown,
        )
    except DecisionError:
        db.rollback()
        raise  # kind -> 409 (the declaration's state) or 422 (the input), one handler for all
    db.commit()
    return DecisionRead.model_validate(row)


def _shown(
    request: Request, db: DbSession, reference: str, version: int | None
) -> ShownReasons | None:
    """The reasons the officer was shown, for an assessment stored without them."""
    return service.reasons_shown(
        db, request.app.state.session_factory, reference=reference, version=version,
        engines=scoring(request).engine_and_profiles,
    )  # fmt: skip
