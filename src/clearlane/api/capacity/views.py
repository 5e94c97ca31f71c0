"""Capacity routes: thin shells over :mod:`clearlane.selection.capacity_store` (versioned,
audited)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from clearlane.api.capacity.schemas import (
    CapacityDetail,
    CapacityIn,
    CapacityList,
    CapacityRead,
    Shares,
)
from clearlane.api.content import RequireJson
from clearlane.api.deps import DbSession, Principal, Require
from clearlane.api.errors import error_responses
from clearlane.api.permissions import Permission
from clearlane.selection import SelectionPolicy
from clearlane.selection.capacity_store import (
    OfficeCapacity,
    capacity_history,
    capacity_overview,
    check_office,
    default_capacity,
    set_capacity,
)

router = APIRouter(prefix="/api/capacity", tags=["capacity"], responses=error_responses(401, 403))

Reader = Annotated[Principal, Depends(Require(Permission.CAPACITY_READ))]
Writer = Annotated[Principal, Depends(RequireJson(Permission.CAPACITY_WRITE))]
Office = Annotated[
    str,
    Path(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,31}$",
        description="the customs office code",
    ),
]


def get_policy(request: Request) -> SelectionPolicy:
    policy = getattr(request.app.state, "policy", None)
    return policy if isinstance(policy, SelectionPolicy) else SelectionPolicy()


Policy = Annotated[SelectionPolicy, Depends(get_policy)]


def _read(capacity: OfficeCapacity) -> CapacityRead:
    return CapacityRead.model_validate(capacity.to_dict())


def _defaults(policy: SelectionPolicy, office: str | None = None) -> Shares:
    red, yellow, random_share = default_capacity(policy, office=office)
    return Shares(red_share=red, yellow_share=yellow, random_share=random_share)


@router.get("", response_model=CapacityList, summary="Capacity in force at every known office")
def list_capacity(_: Reader, db: DbSession, policy: Policy) -> CapacityList:
    data = [_read(c) for c in capacity_overview(db, policy=policy)]
    return CapacityList(data=data, count=len(data), defaults=_defaults(policy))


@router.get(
    "/{office}",
    response_model=CapacityDetail,
    summary="Capacity in force at one office, with its history",
    responses=error_responses(409, 422),
)
def get_capacity(_: Reader, db: DbSession, policy: Policy, office: Office) -> CapacityDetail:
    history = [_read(c) for c in capacity_history(db, office=office)]
    if history:
        current = history[-1]
    else:
        shares = _defaults(policy, office)
        current = CapacityRead(
            office=office,
            source="default",
            version=0,
            changed_by=None,
            changed_at=None,
            **shares.model_dump(),
        )
    return CapacityDetail(**current.model_dump(), history=history)


@router.put(
    "/{office}",
    response_model=CapacityRead,
    summary="Set the capacity of one office (a new version, audited)",
    description=(
        "Changes of one office are stored one after the other, each a version of its own. "
        "Give `expected_version` (the version read) to be refused with 409 "
        "(`stale_capacity`) instead of replacing a change made meanwhile."
    ),
    responses=error_responses(409, 415, 422),
)
def put_capacity(user: Writer, db: DbSession, office: Office, body: CapacityIn) -> CapacityRead:
    check_office(office)  # the path pattern already refuses a bad code as path.office
    stored = set_capacity(
        db,
        office=office,
        red_share=body.red_share,
        yellow_share=body.yellow_share,
        random_share=body.random_share,
        changed_by=user.username,
        note=body.note,
        expected_version=body.expected_version,
    )
    db.commit()
    return _read(stored)
