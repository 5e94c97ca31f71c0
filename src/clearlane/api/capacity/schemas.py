"""Capacity DTOs: per office, the shares of declarations the red and yellow lanes may take and
the share of the random lane's capacity given to random controls."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from clearlane.api.types import MAX_VERSION, UtcDateTime
from clearlane.core.numbers import Float, OptionalInt


class Shares(BaseModel):
    red_share: Float = Field(ge=0, le=1, description="share of declarations for physical control")
    yellow_share: Float = Field(ge=0, le=1, description="share for documentary control")
    random_share: Float = Field(
        ge=0, le=1, description="share of the random lane's capacity drawn at random"
    )


class CapacityIn(Shares):
    """A new capacity for one office; red_share + yellow_share may not exceed 1."""

    model_config = ConfigDict(extra="forbid")

    note: str | None = Field(default=None, max_length=2000, description="why it changes")
    expected_version: OptionalInt = Field(
        default=None,
        ge=0,
        le=MAX_VERSION,
        description=(
            "the version this change replaces, as read (0: the defaults); when given and "
            "another change came first, 409 `stale_capacity` naming the version in force"
        ),
    )


class CapacityRead(Shares):
    office: str
    source: Literal["stored", "default"] = Field(
        description="`stored`: set for this office; `default`: the selection policy's default"
    )
    version: int = Field(description="number of stored changes for this office (0: default)")
    changed_by: str | None
    changed_at: UtcDateTime | None


class CapacityList(BaseModel):
    data: list[CapacityRead]
    count: int
    defaults: Shares = Field(description="what an office without a stored capacity runs on")


class CapacityDetail(CapacityRead):
    history: list[CapacityRead] = Field(description="stored changes, oldest first")
