"""Fairness DTOs (the shape of :meth:`clearlane.fairness.FairnessReport.to_dict`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class FairnessRule(BaseModel):
    min_group: int
    selection_threshold: float
    min_random_controls: int
    min_random_hits: int
    text: str = Field(description="the flag rule in words")


class FairnessGroup(BaseModel):
    """One group: counts, rates with their intervals, ratios to the rest and to the overall
    rate (each with an interval), whether it is flagged and why. Rates and ratios are None
    where they cannot be computed (no controls, no other declarations)."""

    model_config = ConfigDict(extra="allow")

    group: str
    declarations: int
    controlled: int
    selection_rate: float | None
    hits: int
    hit_rate: float | None
    flagged: bool


class FairnessRead(BaseModel):
    by: str
    column: str = Field(description="the column of the analysis frame grouped on")
    confidence: float
    rule: FairnessRule
    overall: dict[str, float | None]
    flagged: list[str] = Field(
        description="groups selected markedly more often than the rest without a hit rate to match"
    )
    notes: list[str]
    groups: list[FairnessGroup]
