"""Model-registry DTOs: model cards as registered, with whether each is its model's champion."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from clearlane.learn.registry import ModelVersion, PromotionDecision


class ModelRead(BaseModel):
    id: str = Field(description="name@version")
    champion: bool = Field(description="the version in production for its model name")
    card: ModelVersion


class ModelList(BaseModel):
    data: list[ModelRead]
    count: int


class ModelDetail(ModelRead):
    decisions: list[PromotionDecision] = Field(
        description="logged promotion decisions where this version was challenger or champion"
    )


class MetricRow(BaseModel):
    metric: str
    a: float | None
    b: float | None
    difference: float | None = Field(description="b - a")


class ModelComparison(BaseModel):
    a: ModelRead
    b: ModelRead
    metrics: list[MetricRow]
    note: str


class PromoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    justification: str = Field(
        min_length=10, max_length=4000, description="why this version goes into production"
    )


class CalibrationBin(BaseModel):
    score_low: float
    score_high: float
    mean_score: float
    n: int
    hits: int
    hit_rate: float | None
    hit_rate_low: float | None = Field(description="Wilson 95 % interval")
    hit_rate_high: float | None


class CalibrationRead(BaseModel):
    model_version: str
    random_only: bool = Field(description="only random controls (the unbiased sample)")
    controlled: int = Field(description="controlled declarations scored by this version")
    bins: list[CalibrationBin] = Field(description="quantile bins of the score, low to high")
    note: str
