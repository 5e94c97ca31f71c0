"""What a control found: granular, because it is the training data (DESIGN.md "Words")."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from clearlane.core.bounds import MAX_INTEGER, MAX_ITEM_SEQ
from clearlane.core.numbers import Float, OptionalFloat, OptionalInt, TextOrNumber
from clearlane.core.schema.enums import (
    ControlType,
    IrregularityType,
    Outcome,
    SelectionReason,
    Severity,
)


class Finding(BaseModel):
    """One irregularity in detail: the field concerned, declared against found (a DMSRES-like
    correction, STANDARDS.md section 8), so recovered revenue and corrected values are data."""

    model_config = ConfigDict(extra="forbid")

    irregularity: IrregularityType
    item_seq: OptionalInt = Field(
        default=None, ge=1, le=MAX_ITEM_SEQ, description="goods item concerned"
    )
    field: str | None = Field(
        default=None, min_length=1, max_length=64, description="e.g. customs_value, hs_code"
    )
    declared: TextOrNumber = Field(default=None, description="value as declared")
    found: TextOrNumber = Field(default=None, description="value found by the control")
    note: str | None = Field(default=None, max_length=2000)


# Fields added after control results were first stored: left out of the stored payload (and
# of its content hash) when empty, so results stored earlier keep their hashes.
ADDED_FIELDS = ("drug_form", "findings")


class ControlResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    declaration_reference: str = Field(min_length=1, max_length=64)  # the column's bound
    declaration_version: OptionalInt = Field(default=None, ge=1, le=MAX_INTEGER)
    control_type: ControlType
    selection_reason: SelectionReason
    outcome: Outcome
    irregularities: list[IrregularityType] = Field(default_factory=list)
    severity: Severity = Severity.NONE
    extra_duty: Float = Field(default=0.0, ge=0, description="extra duty and tax assessed")
    penalty: Float = Field(default=0.0, ge=0)
    seized_quantity: OptionalFloat = Field(default=None, ge=0)
    seized_unit: str | None = None
    concealment_method: str | None = None
    detection_method: str | None = None
    drug_type: str | None = None
    drug_form: str | None = Field(default=None, description="see DrugForm")
    findings: list[Finding] | None = Field(
        default=None, description="irregularities in detail: field, declared and found values"
    )
    officer: str | None = None
    remarks: str | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    source: str | None = Field(default=None, description="where the result came from, e.g. kcs")

    @field_validator("started_at", "completed_at")
    @classmethod
    def _an_instant(cls, value: datetime | None) -> datetime | None:
        """A time whose UTC instant a datetime can hold (the store keeps it in UTC): one in
        year 1 ahead of UTC, or on 31 December 9999 behind it, has none, and converting it
        raised OverflowError, which ended the whole file's ingest."""
        if value is not None:
            try:
                instant(value)
            except OverflowError:
                raise ValueError(
                    "the time in UTC falls outside years 1 to 9999 (check the date and offset)"
                ) from None
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ControlResult:
        if self.outcome is Outcome.COMPLIANT and self.irregularities:
            raise ValueError("a compliant result cannot list irregularities")
        if self.outcome is Outcome.COMPLIANT and self.severity is not Severity.NONE:
            raise ValueError("a compliant result has severity 'none'")
        if (
            self.started_at
            and self.completed_at
            and instant(self.completed_at) < instant(self.started_at)
        ):
            raise ValueError("completed_at is before started_at")
        listed = set(self.irregularities)
        for position, finding in enumerate(self.findings or ()):
            if finding.irregularity not in listed:
                raise ValueError(
                    f"findings[{position}] is about {finding.irregularity.value!r}, which is not "
                    "among the irregularities"
                )
        return self


def instant(value: datetime) -> datetime:
    """``value`` as an aware UTC time, comparable with any other: one without an offset is
    read as UTC (the rule of control-result times, as the store keeps and reads them), so a
    naive start and an offset end are compared, not a TypeError. OverflowError when the UTC
    instant is out of a datetime's range (refused by :class:`ControlResult`)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
