"""Officer decisions: accept the proposed lane or override it (with a justification)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from clearlane.api.types import MAX_ID, MAX_VERSION, Text, UtcDateTime
from clearlane.core.numbers import OptionalInt
from clearlane.core.schema import Lane


class DecisionCreate(BaseModel):
    """Accept (``lane`` omitted or equal to the proposal) or override (another lane and a
    justification). A second decision is a change: ``change: true`` (or only ``supersedes``),
    a justification, and ``supersedes``, the id of the decision in force being changed; if
    another officer changed it first the answer is 409 naming the decision in force now."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    lane: Lane | None = Field(default=None, description="omit to accept the proposed lane")
    justification: Text | None = Field(
        default=None, max_length=4000, description="required to override or change"
    )
    change: bool = Field(default=False, description="true to replace a decision in force")
    supersedes: OptionalInt = Field(
        default=None,
        ge=1,
        le=MAX_ID,
        description=(
            "a change: the id of the decision in force it replaces (required to change; "
            "409 when another decision replaced it meanwhile)"
        ),
    )
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
