"""Declarations: submission (one or a batch), the declaration file and the list.

Scores, components, reasons and counterfactuals are filled only for roles with ``risk:read``;
lanes and decisions for customs roles (every role but trader). A trader sees ``status``
instead ("released", "under control", "pending assessment" (submitted, waiting for an
engine), "cleared" (history loaded from files, never assessed) or "rejected").
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from clearlane.api.controls.schemas import ControlResultRead
from clearlane.api.decisions.schemas import DecisionRead
from clearlane.api.documents.schemas import DocumentRead
from clearlane.api.types import UtcDateTime

MAX_BATCH = 500

TraderStatus = Literal["released", "under control", "pending assessment", "cleared", "rejected"]


class DeclarationBatch(BaseModel):
    """Several declarations in one request (each in ClearLane's JSON declaration format)."""

    model_config = ConfigDict(extra="forbid")

    declarations: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_BATCH)


class IssueRead(BaseModel):
    """A validation problem (``severity`` error: quarantined) or warning, naming its field."""

    reason: str
    field: str | None
    message: str
    severity: str


class ReasonRead(BaseModel):
    """One reason behind a score (see clearlane.explain)."""

    model_config = ConfigDict(extra="allow")

    code: str | None = None
    source: str | None = None
    text: str | None = None
    weight: float | None = None
    feature: str | None = None
    value: float | str | None = None


class AssessmentBrief(BaseModel):
    id: int
    score: float
    lane: str
    selection_reason: str | None
    top_reasons: list[ReasonRead] = Field(
        description="empty when reasons_deferred: the declaration's detail computes them"
    )
    reasons_deferred: bool = Field(
        False,
        description="the reasons were not computed with the score: an assessment routed "
        "green is stored without them (as `clearlane score --reasons flagged` stores it) and "
        "GET /api/declarations/{reference} computes them when opened",
    )
    model_version: str | None
    assessed_at: UtcDateTime
    basis: str = Field(
        "declaration",
        description="declaration (an engine's assessment), document:<id> (reassessed once a "
        "document was read) or provisional (rules only, while no engine exists yet)",
    )
    provisional: bool = Field(
        False,
        description="a rules-only answer given while the engine is being fitted "
        "(model_version rules:<profile version>); the engine's assessment supersedes it",
    )


class SubmissionRead(BaseModel):
    """What became of one submitted declaration."""

    reference: str | None
    version: int | None
    status: Literal["new", "amended", "unchanged", "quarantined"]
    stored: bool
    issues: list[IssueRead] = Field(description="errors (quarantined) or warnings (stored)")
    lane_status: TraderStatus
    pending: str | None = Field(
        description="why a stored declaration has no engine assessment yet (it may have a "
        "provisional rules-only one meanwhile: see assessment.provisional)"
    )
    assessment: AssessmentBrief | None = Field(description="customs roles only")


class SubmitResponse(BaseModel):
    received: int
    stored: int
    quarantined: int
    pending: int
    results: list[SubmissionRead]


class AssessmentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    version: int
    assessed_at: UtcDateTime
    score: float
    lane: str
    selection_reason: str | None
    components: dict[str, Any]
    reasons: list[ReasonRead]
    model_version: str | None
    profile_version: str | None
    basis: str = "declaration"
    input_sha256: str | None
    audit_seq: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def provisional(self) -> bool:
        """A rules-only answer given while no engine existed (superseded by the engine's)."""
        return self.basis == "provisional"


class CounterfactualRead(BaseModel):
    model_config = ConfigDict(extra="allow")

    found: bool
    text: str
    field: str | None = None
    from_value: float | str | None = None
    to_value: float | str | None = None
    new_score: float | None = None
    old_score: float | None = None
    threshold: float | None = None


class VersionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    version: int
    content_sha256: str
    ingested_at: UtcDateTime
    source_location: str
    original_format: str


class DeclarationDetail(BaseModel):
    """One declaration (its latest version) with everything an officer works from."""

    reference: str
    version: int
    declaration_date: date
    office: str | None
    declarant_id: str | None
    importer_id: str | None
    n_items: int
    total_duty: float
    status: TraderStatus
    original: str = Field(description="the text as received")
    original_format: str
    normalised: dict[str, Any] = Field(description="the validated, normalised declaration")
    warnings: list[IssueRead]
    versions: list[VersionRead]
    documents: list[DocumentRead]
    message_count: int
    lane_in_force: str | None = Field(default=None, description="customs roles only")
    assessment: AssessmentRead | None = Field(default=None, description="risk:read only")
    counterfactual: CounterfactualRead | None = Field(default=None, description="risk:read only")
    counterfactual_note: str | None = None
    reasons_note: str | None = Field(
        default=None,
        description="set when the assessment's reasons were computed on opening (a batch "
        "score stores a green row's without them) or could not be",
    )
    decision: DecisionRead | None = Field(default=None, description="customs roles only")
    decisions: list[DecisionRead] = Field(default_factory=list, description="history, oldest first")
    control_results: list[ControlResultRead] = Field(default_factory=list)


class DeclarationListItem(BaseModel):
    """One line of the declaration list."""

    reference: str
    version: int
    declaration_date: date
    office: str | None
    declarant_id: str | None
    importer_id: str | None
    n_items: int
    status: TraderStatus
    lane: str | None = Field(default=None, description="lane in force; customs roles only")
    score: float | None = Field(default=None, description="risk:read only")
    decided: bool | None = Field(default=None, description="customs roles only")


class DeclarationPage(BaseModel):
    items: list[DeclarationListItem]
    total: int
    page: int
    size: int
