"""Risk-profile DTOs. A profile's body is the JSON form of
:class:`clearlane.risk.profiles.Profile` (validated by ``parse_profiles``, not here)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from clearlane.api.types import UtcDateTime
from clearlane.risk.profiles import Profile


class ProfileVersionRead(BaseModel):
    """One stored version of a profile."""

    version: int
    status: Literal["active", "retired"]
    changed_by: str
    note: str | None
    created_at: UtcDateTime
    definition: dict[str, Any] = Field(description="the profile as stored (JSON form)")


class ProfileRead(ProfileVersionRead):
    """The newest version of a profile."""

    profile_id: str
    in_force_today: bool = Field(
        description="active and today within valid_from..valid_to (inclusive)"
    )


class ProfileList(BaseModel):
    data: list[ProfileRead]
    count: int


class ProfileDetail(ProfileRead):
    history: list[ProfileVersionRead] = Field(description="every version, oldest first")


class ProfileChangeRead(BaseModel):
    profile_id: str
    version: int
    action: Literal["added", "changed", "unchanged", "retired"]


class ProblemRead(BaseModel):
    field: str = Field(description="the field of the profile, e.g. conditions[0].value")
    message: str


class ProfileCheckRead(BaseModel):
    """The outcome of checking a profile without storing it."""

    valid: bool
    problems: list[ProblemRead]
    profile: Profile | None = Field(description="the profile as it would be stored, if valid")


class RetireIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    note: str = Field(min_length=1, max_length=2000, description="why the profile is retired")


PROFILE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Profile"}}},
    }
}
