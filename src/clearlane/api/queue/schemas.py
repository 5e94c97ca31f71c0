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
    decided: bool
    assessed_at: UtcDateTime


class QueuePage(BaseModel):
    items: list[QueueItem]
    total: int
    page: int
    size: int
