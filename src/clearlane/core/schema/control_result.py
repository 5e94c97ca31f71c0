"""What a control found: granular, because it is the training data (DESIGN.md "Words")."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, model_validator

from clearlane.core.schema.enums import (
    ControlType,
    IrregularityType,
    Outcome,
    SelectionReason,
    Severity,
)


class ControlResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    declaration_reference: str = Field(min_length=1)
    declaration_version: int | None = Field(default=None, ge=1)
    control_type: ControlType
    selection_reason: SelectionReason
    outcome: Outcome
    irregularities: list[IrregularityType] = Field(default_factory=list)
    severity: Severity = Severity.NONE
    extra_duty: float = Field(default=0.0, ge=0, description="extra duty and tax assessed")
    penalty: float = Field(default=0.0, ge=0)
    seized_quantity: float | None = Field(default=None, ge=0)
    seized_unit: str | None = None
    concealment_method: str | None = None
    detection_method: str | None = None
    drug_type: str | None = None
    officer: str | None = None
    remarks: str | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    source: str | None = Field(default=None, description="where the result came from, e.g. kcs")

    @model_validator(mode="after")
    def _consistent(self) -> ControlResult:
        if self.outcome is Outcome.COMPLIANT and self.irregularities:
            raise ValueError("a compliant result cannot list irregularities")
        if self.outcome is Outcome.COMPLIANT and self.severity is not Severity.NONE:
            raise ValueError("a compliant result has severity 'none'")
        if self.started_at and self.completed_at and self.completed_at < self.started_at:
            raise ValueError("completed_at is before started_at")
        return self
