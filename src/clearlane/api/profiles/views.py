"""Risk-profile routes: thin shells over :mod:`clearlane.risk.profile_store` (versioned, audited).

Profile conditions are confidential: only roles with ``profile:read`` see them (never traders;
officers see each profile's rationale through the reasons of an assessment instead).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Request

from clearlane.api.content import RequireJson
from clearlane.api.deps import Principal, Require, session_factory
from clearlane.api.errors import ApiError, error_responses
from clearlane.api.permissions import Permission
from clearlane.api.profiles.schemas import (
    PROFILE_BODY,
    ProblemRead,
    ProfileChangeRead,
    ProfileCheckRead,
    ProfileDetail,
    ProfileList,
    ProfileRead,
    ProfileVersionRead,
    RetireIn,
)
from clearlane.risk.profile_store import (
    profile_history,
    retire_profile,
    save_profiles,
    stored_profiles,
)
from clearlane.risk.profiles import ProfileError, ProfileSet, parse_profiles

router = APIRouter(prefix="/api/profiles", tags=["profiles"], responses=error_responses(401, 403))

Reader = Annotated[Principal, Depends(Require(Permission.PROFILE_READ))]
Writer = Annotated[Principal, Depends(RequireJson(Permission.PROFILE_WRITE))]
ProfileId = Annotated[str, Path(min_length=1, max_length=64, description="the profile's id")]
Note = Annotated[
    str | None, Query(max_length=2000, description="why the profile is added or changed")
]
ProfileBody = Annotated[dict[str, Any], Body(description="one profile (JSON form)")]


def _in_force(row: dict[str, Any], today: date) -> bool:
    if row["status"] != "active":
        return False
    definition = row["definition"]
    start = date.fromisoformat(str(definition.get("valid_from")))
    end = definition.get("valid_to")
    return start <= today and (end is None or today <= date.fromisoformat(str(end)))


def _read(row: dict[str, Any], profile_id: str) -> ProfileRead:
    return ProfileRead(
        profile_id=profile_id,
        in_force_today=_in_force(row, date.today()),
        **{k: v for k, v in row.items() if k != "profile_id"},
    )


def _problems(exc: ProfileError) -> list[ProblemRead]:
    if exc.issues:
        return [
            ProblemRead(field=issue["field"] or "profile", message=issue["message"])
            for issue in exc.issues
        ]
    return [ProblemRead(field="profile", message=problem) for problem in exc.problems]


def _refuse(exc: ProfileError, *, status: int = 422) -> ApiError:
    problems = _problems(exc)
    label = exc.issues[0]["profile"] if exc.issues else "the profile"
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return ApiError(
        status,
        f"{label} {first.field}: {first.message}{more}",
        fields=[{"field": f"body.{p.field}", "message": p.message} for p in problems],
    )


def _parse(body: dict[str, Any]) -> ProfileSet:
    try:
        return parse_profiles([body], source="body")
    except ProfileError as exc:
        raise _refuse(exc) from None


def _save(
    request: Request, profiles: ProfileSet, user_name: str, note: str | None
) -> ProfileChangeRead:
    try:
        (change,) = save_profiles(
            profiles, changed_by=user_name, note=note, session_factory=session_factory(request)
        )
    except ProfileError as exc:
        raise _refuse(exc, status=409) from None
    return ProfileChangeRead(
        profile_id=change.profile_id, version=change.version, action=change.action
    )


@router.get("", response_model=ProfileList, summary="Profiles with their newest version")
def list_profiles(
    request: Request,
    _: Reader,
    include_retired: Annotated[bool, Query(description="list retired profiles too")] = False,
) -> ProfileList:
    rows = stored_profiles(
        include_retired=include_retired, session_factory=session_factory(request)
    )
    data = [_read(row, row["profile_id"]) for row in rows]
    return ProfileList(data=data, count=len(data))


@router.post(
    "/check",
    response_model=ProfileCheckRead,
    summary="Validate a profile without storing it",
    description="For the profile editor: every problem, each naming its field. Stores nothing.",
    openapi_extra=PROFILE_BODY,
    responses=error_responses(415, 422),
)
def check_profile(_: Writer, body: ProfileBody) -> ProfileCheckRead:
    try:
        (profile,) = parse_profiles([body], source="body")
    except ProfileError as exc:
        return ProfileCheckRead(valid=False, problems=_problems(exc), profile=None)
    return ProfileCheckRead(valid=True, problems=[], profile=profile)


@router.get(
    "/{profile_id}",
    response_model=ProfileDetail,
    summary="One profile with its history",
    responses=error_responses(404),
)
def get_profile(request: Request, _: Reader, profile_id: ProfileId) -> ProfileDetail:
    history = profile_history(profile_id, session_factory=session_factory(request))
    if not history:
        raise ApiError(404, f"no profile {profile_id!r}")
    newest = _read(history[-1], profile_id)
    return ProfileDetail(
        **newest.model_dump(), history=[ProfileVersionRead(**row) for row in history]
    )


@router.post(
    "",
    response_model=ProfileChangeRead,
    status_code=201,
    summary="Add a profile",
    description="The body is one profile; its id must be new (change one with PUT).",
    openapi_extra=PROFILE_BODY,
    responses=error_responses(409, 415, 422),
)
def create_profile(
    request: Request, user: Writer, body: ProfileBody, note: Note = None
) -> ProfileChangeRead:
    profiles = _parse(body)
    (profile,) = profiles
    if profile_history(profile.id, session_factory=session_factory(request)):
        raise ApiError(
            409,
            f"profile {profile.id!r} already exists: change it with PUT /api/profiles/{profile.id}",
            fields=[{"field": "body.id", "message": "already exists"}],
        )
    return _save(request, profiles, user.username, note)


@router.put(
    "/{profile_id}",
    response_model=ProfileChangeRead,
    summary="Change a profile (a new version)",
    description=(
        "The body is the whole profile with a higher version than the stored one; the same "
        "content as stored is answered with action `unchanged`. A retired profile comes back "
        "into force this way."
    ),
    openapi_extra=PROFILE_BODY,
    responses=error_responses(404, 409, 415, 422),
)
def change_profile(
    request: Request, user: Writer, profile_id: ProfileId, body: ProfileBody, note: Note = None
) -> ProfileChangeRead:
    profiles = _parse(body)
    (profile,) = profiles
    if profile.id != profile_id:
        raise ApiError(
            422,
            f"body.id {profile.id!r} differs from the profile in the path ({profile_id!r})",
            fields=[{"field": "body.id", "message": f"must be {profile_id!r}"}],
        )
    if not profile_history(profile_id, session_factory=session_factory(request)):
        raise ApiError(404, f"no profile {profile_id!r}: add it with POST /api/profiles")
    return _save(request, profiles, user.username, note)


@router.post(
    "/{profile_id}/retire",
    response_model=ProfileChangeRead,
    summary="Retire a profile (a new version; its history stays)",
    responses=error_responses(404, 409, 415, 422),
)
def retire(
    request: Request, user: Writer, profile_id: ProfileId, body: RetireIn
) -> ProfileChangeRead:
    change = retire_profile(  # unknown id 404, a short note 422: the domain error handler
        profile_id,
        changed_by=user.username,
        note=body.note,
        session_factory=session_factory(request),
    )
    if change.action == "unchanged":
        raise ApiError(409, f"profile {profile_id!r} is already retired (version {change.version})")
    return ProfileChangeRead(
        profile_id=change.profile_id, version=change.version, action=change.action
    )
