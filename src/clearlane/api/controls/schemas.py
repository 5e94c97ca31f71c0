"""Control results as officers record them (the body is :class:`ControlForm` of the library)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from clearlane.api.types import UtcDateTime
from clearlane.oversight.controls import ControlForm

ControlResultCreate = ControlForm


class ControlResultRead(BaseModel):
    """A stored control result: the columns reports use and the full result (``payload``)."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    declaration_reference: str
    declaration_version: int | None
    control_type: str
    selection_reason: str
    outcome: str
    severity: str
    irregularities: list[str]
    extra_duty: float
    completed_at: UtcDateTime | None
    recorded_at: UtcDateTime
    content_sha256: str
    payload: dict[str, Any] = Field(description="the full control result as stored")


class IrregularityOption(BaseModel):
    type: str
    follow_ups: list[str]
    default_field: str | None


class ControlFormOptions(BaseModel):
    """The vocabularies of the control-result form (drop-downs) and the follow-up fields each
    irregularity type shows."""

    control_types: list[str]
    outcomes: list[str]
    selection_reasons: list[str]
    severities: list[str]
    irregularity_types: list[IrregularityOption]
    drug_forms: list[str]
    suggested_drug_types: list[str]
    suggested_concealment_methods: list[str]
    suggested_detection_methods: list[str]
    finding_fields: list[str]
