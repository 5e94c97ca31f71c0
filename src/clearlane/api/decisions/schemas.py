"""Officer decisions: accept the proposed lane or override it (with a justification)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from clearlane.api.types import MAX_VERSION, Text, UtcDateTime
from clearlane.core.numbers import OptionalInt
from clearlane.core.schema import Lane


class DecisionCreate(BaseModel):
    """Accept (``lane`` omitted or equal to the proposal) or override (another lane and a
    justification). A second decision needs ``change: true`` and a justification."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    lane: Lane | None = Field(default=None, description="omit to accept the proposed lane")
    justification: Text | None = Field(
        default=None, max_length=4000, description="required to override or change"
    )
    change: bool = Field(default=False, description="true to replace a decision in force")
    version: OptionalInt = Field(
        default=None, ge=1, le=MAX_VERSION, description="default: the latest assessed"
    )


class DecisionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    reference: str
    version: int
    assessment_id: int
    action: str = Field(description="accept | override")
    proposed_lane: str
    lane: str
    justification: str | None
    officer: str
    decided_at: UtcDateTime
    supersedes_id: int | None
