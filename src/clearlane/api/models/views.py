"""Model-registry routes: list, read, compare, promote by hand, calibration of stored scores.

The registry lives on disk (``app.state.registry`` if the app was given one, else
``data_dir/models``); promotions also go to the audit trail (kind ``model_change``).
The registry's refusals are domain errors that the one handler maps: an unknown version 404,
a damaged card, artifact or log 409, a version already champion 409, bad input 422.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from clearlane.api.content import RequireJson
from clearlane.api.deps import DbSession, Principal, Require
from clearlane.api.errors import error_responses
from clearlane.api.models.schemas import (
    CalibrationRead,
    ModelComparison,
    ModelDetail,
    ModelList,
    ModelRead,
    PromoteIn,
)
from clearlane.api.permissions import Permission
from clearlane.learn.registry import ModelRegistry, ModelVersion, PromotionDecision
from clearlane.oversight.models import (
    compare_models,
    model_decisions,
    model_entries,
    observed_calibration,
    promote_model,
)
from clearlane.workflows import default_registry

router = APIRouter(prefix="/api/models", tags=["models"], responses=error_responses(401, 403))

NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}@[0-9]{1,9}$"
Reader = Annotated[Principal, Depends(Require(Permission.MODEL_READ))]
Promoter = Annotated[Principal, Depends(RequireJson(Permission.MODEL_PROMOTE))]
Name = Annotated[str, Path(pattern=NAME_PATTERN, description="the model's name")]
Version = Annotated[int, Path(ge=1, le=999_999_999, description="the version number")]
ModelId = Annotated[str, Query(pattern=ID_PATTERN, description="a version as name@version")]


def get_registry(request: Request) -> ModelRegistry:
    registry = getattr(request.app.state, "registry", None)
    if isinstance(registry, ModelRegistry):
        return registry
    return default_registry(request.app.state.settings.data_dir)


Registry = Annotated[ModelRegistry, Depends(get_registry)]


def _read(registry: ModelRegistry, card: ModelVersion) -> ModelRead:
    champion = registry.champion(card.name)
    return ModelRead(
        id=card.id, champion=champion is not None and champion.id == card.id, card=card
    )


@router.get("", response_model=ModelList, summary="Registered versions and their champions")
def list_models(
    _: Reader,
    registry: Registry,
    name: Annotated[
        str | None, Query(pattern=NAME_PATTERN, description="only versions of this model")
    ] = None,
) -> ModelList:
    entries = model_entries(registry, name=name)
    data = [ModelRead(id=e.version.id, champion=e.champion, card=e.version) for e in entries]
    return ModelList(data=data, count=len(data))


@router.get(
    "/compare",
    response_model=ModelComparison,
    summary="Two versions' metrics side by side",
    responses=error_responses(404, 422),
)
def compare(_: Reader, registry: Registry, a: ModelId, b: ModelId) -> ModelComparison:
    first, second = registry.get(a), registry.get(b)
    result = compare_models(registry, a=first.id, b=second.id)
    same = first.training_window == second.training_window
    note = "Each version's metrics come from its own evaluation when it was trained" + (
        "; the training windows are the same."
        if same
        else "; the training windows differ, so the held-out periods may too: compare "
        "with care, or score both on one period (clearlane evaluate)."
    )
    return ModelComparison(
        a=_read(registry, first), b=_read(registry, second), metrics=result["metrics"], note=note
    )


@router.get(
    "/{name}/{version}",
    response_model=ModelDetail,
    summary="One version: metrics, training window, params and its decisions log",
    responses=error_responses(404, 409, 422),
)
def get_model(_: Reader, registry: Registry, name: Name, version: Version) -> ModelDetail:
    card = registry.get(name, version)
    decisions = model_decisions(registry, model=card.id)
    return ModelDetail(**_read(registry, card).model_dump(), decisions=decisions)


@router.get(
    "/{name}/{version}/calibration",
    response_model=CalibrationRead,
    summary="Stored scores of this version against control results (calibration plot)",
    description=(
        "Quantile bins of the scores this version gave to declarations that were then "
        "controlled, with the observed hit rate of each bin. The model card holds no "
        "calibration data of its own: this is measured on the store."
    ),
    responses=error_responses(404, 422),
)
def calibration(
    _: Reader,
    db: DbSession,
    registry: Registry,
    name: Name,
    version: Version,
    bins: Annotated[int, Query(ge=2, le=50, description="number of score bins")] = 10,
    random_only: Annotated[bool, Query(description="only random controls")] = False,
) -> CalibrationRead:
    card = registry.get(name, version)
    result = observed_calibration(db, model_version=card.id, bins=bins, random_only=random_only)
    return CalibrationRead(**result.to_dict())


@router.post(
    "/{name}/{version}/promote",
    response_model=PromotionDecision,
    summary="Make this version the champion (a justified manual decision)",
    description=(
        "Recorded in the registry's decisions log as a manual decision and in the audit "
        "trail (kind `model_change`). Refused with 409 if the version is already champion."
    ),
    responses=error_responses(404, 409, 415, 422),
)
def promote(
    user: Promoter,
    db: DbSession,
    registry: Registry,
    name: Name,
    version: Version,
    body: PromoteIn,
) -> PromotionDecision:
    decision = promote_model(
        db,
        registry=registry,
        model=f"{name}@{version}",
        decided_by=user.username,
        justification=body.justification,
    )
    db.commit()  # promote_model committed its entry before the registry write; nothing left
    return decision
