"""KPI DTOs (the shape of :func:`clearlane.oversight.kpis.targeting_kpis`)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class Rate(BaseModel):
    """A proportion with its Wilson 95 % interval (all None when n = 0)."""

    n: int
    hits: int
    rate: float | None
    low: float | None
    high: float | None


class LaneRate(Rate):
    declarations: int = Field(description="declarations whose final lane is this one")


class OfficerOverrides(BaseModel):
    officer: str
    decisions: int
    overrides: int
    override_rate: float


class Overrides(BaseModel):
    decisions: int
    accepted: int
    overrides: int
    override_rate: float | None
    overrides_to_control: int
    overrides_to_green: int
    hit_rate_engine: Rate = Field(description="engine's control proposals the officer accepted")
    hit_rate_overrides: Rate = Field(description="declarations officers moved to control")
    by_officer: list[OfficerOverrides]


class DailyPoint(BaseModel):
    day: date
    assessed: int
    controlled: int
    hits: int
    revenue: float
    inspection_rate: float | None
    hit_rate: float | None


class KpiFilters(BaseModel):
    since: date | None
    until: date | None
    office: str | None


class KpisRead(BaseModel):
    filters: KpiFilters
    assessed: int = Field(description="assessed declarations (newest assessment of each)")
    controlled: int = Field(description="of which with a control result")
    inspection_rate: float | None
    hit_rate: Rate = Field(description="non-compliant among controlled")
    by_lane: dict[str, LaneRate] = Field(description="by final lane (decision, else proposal)")
    by_selection_reason: dict[str, Rate]
    revenue_recovered: float = Field(description="extra duty found by non-compliant controls")
    overrides: Overrides
    daily: list[DailyPoint]
    drift_psi: float | None = Field(
        description="population stability index of the last 7 days' scores against the "
        "days before (None with fewer than 20 scores on a side); above 0.25 is a large shift"
    )
