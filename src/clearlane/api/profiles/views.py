"""Risk-profile routes: thin shells over :mod:`clearlane.risk.profile_store` (versioned, audited).

Profile conditions are confidential: only roles with ``profile:read`` see them (never traders;
officers see each profile's rationale through the reasons of an assessment instead).

The rules (an id added twice, a stale version, an unknown or already retired profile, the
retirement note) are the domain's; its errors reach the one handler, which names every field
at fault (a profile with three bad fields gets three ``fields``).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Request

from clearlane.api.content import RequireJson
from clearlane.api.deps import Principal, Require, session_factory
from clearlane.api.errors import error_responses
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
    ProfileChange,
    UnknownProfile,
    add_profile,
    profile_history,
    retire_profile,
    stored_profiles,
)
from clearlane.risk.profile_store import (
    change_profile as store_change,
)
from clearlane.risk.profiles import Profile, ProfileError, parse_profiles

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
    return [ProblemRead(field=e["field"], message=e["message"]) for e in exc.field_errors()]


def _profile(body: dict[str, Any]) -> Profile:
    """The one profile of ``body``; :class:`ProfileError` names every field at fault."""
    (profile,) = parse_profiles([body], source="body")
    return profile


def _change_read(change: ProfileChange) -> ProfileChangeRead:
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
        raise UnknownProfile(f"no profile {profile_id!r}")
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
    change = add_profile(
        _profile(body),
        changed_by=user.username,
        note=note,
        session_factory=session_factory(request),
    )
    return _change_read(change)


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
    change = store_change(
        _profile(body),
        profile_id=profile_id,
        changed_by=user.username,
        note=note,
        session_factory=session_factory(request),
    )
    return _change_read(change)


@router.post(
    "/{profile_id}/retire",
    response_model=ProfileChangeRead,
    summary="Retire a profile (a new version; its history stays)",
    responses=error_responses(404, 409, 415, 422),
)
def retire(
    request: Request, user: Writer, profile_id: ProfileId, body: RetireIn
) -> ProfileChangeRead:
    change = retire_profile(  # unknown 404, already retired 409, a short note 422
        profile_id,
        changed_by=user.username,
        note=body.note,
        session_factory=session_factory(request),
    )
    return _change_read(change)
