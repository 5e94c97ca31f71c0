"""The officers' queue: assessed declarations ranked by score."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from clearlane.api.types import UtcDateTime


class QueueItem(BaseModel):
    reference: str
    version: int
    office: str | None
    declaration_date: date
    score: float | None = Field(description="risk:read only (the ranking uses it regardless)")
    lane: str = Field(description="the lane in force: the decision's, else the proposed one")
    proposed_lane: str
    selection_reason: str | None
    top_reason: str | None = Field(description="risk:read only")
    top_reason_note: str | None = Field(
        default=None,
        description="risk:read only: set when the top reason was not stored with the score "
        "and is not plainly its own: computed now for another score (the risk profiles or the "
        "declaration's facts changed since), or as a decision recorded it",
    )
    decided: bool
    assessed_at: UtcDateTime


class QueuePage(BaseModel):
    items: list[QueueItem]
    total: int
    page: int
    size: int
