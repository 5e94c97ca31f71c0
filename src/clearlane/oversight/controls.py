"""Control results captured by officers: the granular form of DESIGN.md, stored exactly like
ingested results (same row shape and content hash, so training picks them up) and audited in
the same transaction.

:class:`ControlForm` is what an officer fills in (the API's body and the web form); each
irregularity type has its follow-up fields (:data:`FOLLOW_UPS`): drug type and form for drugs,
concealment method and seized quantity for goods that can be hidden or seized, the field
concerned with its declared and found values for revenue findings. :func:`form_problems`
checks that they fit together and names the field of every problem;
:func:`record_control_result` stores the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clearlane.audit.chain import append
from clearlane.core.numbers import Float, OptionalFloat, OptionalInt, TextOrNumber
from clearlane.core.schema import (
    ControlResult,
    ControlType,
    Declaration,
    DrugForm,
    Finding,
    GoodsItem,
    IrregularityType,
    Outcome,
    SelectionReason,
    Severity,
)
from clearlane.errors import Conflict, Invalid, NotFound
from clearlane.ingest.prepare import control_row
from clearlane.oversight.assessments import latest_assessment
from clearlane.oversight.decisions import current_decision
from clearlane.store.locks import write_lock
from clearlane.store.tables import ControlResultRow, DeclarationRow

IT = IrregularityType
CRITICAL = frozenset({IT.DRUGS, IT.WEAPONS, IT.PROHIBITED_RESTRICTED})
SEIZABLE = frozenset(
    {IT.DRUGS, IT.WEAPONS, IT.PROHIBITED_RESTRICTED, IT.COUNTERFEIT, IT.UNDECLARED_GOODS}
)
# Follow-up fields that apply to each irregularity type (the form shows them for that type);
# every irregularity may also name the goods item (item_seq) and carry a note.
FOLLOW_UPS: dict[IrregularityType, tuple[str, ...]] = {
    IT.UNDERVALUATION: ("field", "declared", "found", "extra_duty"),
    IT.MISCLASSIFICATION: ("field", "declared", "found", "extra_duty"),
    IT.ORIGIN: ("field", "declared", "found", "extra_duty"),
    IT.QUANTITY: ("field", "declared", "found", "extra_duty"),
    IT.PROHIBITED_RESTRICTED: ("concealment_method", "seized_quantity", "seized_unit"),
    IT.COUNTERFEIT: ("concealment_method", "seized_quantity", "seized_unit"),
    IT.DRUGS: ("drug_type", "drug_form", "concealment_method", "seized_quantity", "seized_unit"),
    IT.WEAPONS: ("concealment_method", "seized_quantity", "seized_unit"),
    IT.UNDECLARED_GOODS: ("concealment_method", "seized_quantity", "seized_unit", "extra_duty"),
    IT.OTHER: ("note",),
}
# The declaration field a finding of each revenue type is usually about (used when not given).
DEFAULT_FIELD = {
    IT.UNDERVALUATION: "customs_value",
    IT.MISCLASSIFICATION: "hs_code",
    IT.ORIGIN: "origin_country",
    IT.QUANTITY: "net_mass_kg",
}
FINDING_FIELDS = frozenset(GoodsItem.model_fields) | frozenset(
    name
    for name, info in Declaration.model_fields.items()
    if name not in ("items", "attributes", "version")
)
SUGGESTED_CONCEALMENT = (
    "none (goods in plain sight)",
    "false floor or wall of the container",
    "inside other goods",
    "rip-on/rip-off bags behind the container doors",
    "in the reefer unit",
    "false bottom of a package",
    "declared as other goods",
    "relabelled packaging",
    "on or in a person",
)
SUGGESTED_DETECTION = (
    "document check",
    "physical examination",
    "x-ray / NII scan",
    "sniffer dog",
    "laboratory analysis",
    "intelligence",
)
SUGGESTED_DRUG_TYPES = (
    "cocaine",
    "cannabis",
    "heroin",
    "synthetic opioids",
    "amphetamines",
    "MDMA",
    "precursor chemicals",
)
PerformedControl = Literal["documentary", "physical", "non_intrusive", "post_clearance"]


class IrregularityInput(BaseModel):
    """One irregularity found, with its details (which fields apply: :data:`FOLLOW_UPS`)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    type: IrregularityType
    item_seq: OptionalInt = Field(default=None, ge=1, le=9999, description="goods item concerned")
    field: str | None = Field(
        default=None, min_length=1, max_length=64, description="declaration field concerned"
    )
    declared: TextOrNumber = Field(default=None, description="value as declared")
    found: TextOrNumber = Field(default=None, description="value found")
    note: str | None = Field(default=None, max_length=2000)

    @field_validator("field", "declared", "found", "note")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        return _without_nul(value)


def _without_nul(value: Any) -> Any:
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("NUL characters (\\u0000) are not allowed")
    return value


class ControlForm(BaseModel):
    """What an officer records after a control (the granular control result of DESIGN.md)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    control_type: PerformedControl
    outcome: Outcome
    irregularities: list[IrregularityInput] = Field(default_factory=list, max_length=20)
    declaration_version: OptionalInt = Field(
        default=None, ge=1, le=2**31 - 1, description="default: the latest version"
    )
    selection_reason: SelectionReason | None = Field(
        default=None,
        description="default: officer after an override, else the assessment's reason",
    )
    severity: Severity | None = Field(
        default=None, description="default: critical for drugs/weapons/prohibited goods"
    )
    extra_duty: Float = Field(default=0.0, ge=0, le=1e12, description="duty and tax assessed")
    penalty: Float = Field(default=0.0, ge=0, le=1e12)
    seized_quantity: OptionalFloat = Field(default=None, ge=0, le=1e12)
    seized_unit: str | None = Field(
        default=None, min_length=1, max_length=8, description="UN/ECE Rec 20, e.g. KGM, NAR"
    )
    concealment_method: str | None = Field(default=None, min_length=1, max_length=200)
    detection_method: str | None = Field(default=None, min_length=1, max_length=200)
    drug_type: str | None = Field(default=None, min_length=1, max_length=100)
    drug_form: DrugForm | None = None
    remarks: str | None = Field(default=None, max_length=4000)
    started_at: datetime | None = None
    completed_at: datetime | None = Field(default=None, description="default: now")

    @field_validator(
        "seized_unit", "concealment_method", "detection_method", "drug_type", "remarks"
    )
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        return _without_nul(value)


class ControlFormError(Invalid):
    """Follow-up fields that do not fit the irregularities; ``problems`` names each field
    (and ``errors`` too, so the API's one handler lists every field at fault)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(
            "; ".join(f"{name}: {message}" for name, message in problems),
            errors=[{"field": name, "message": message} for name, message in problems],
        )
        self.problems = problems


class DeclarationNotFound(NotFound, LookupError):
    """No stored declaration (or version) with that reference (404 through the API)."""


class DuplicateControlResult(Conflict, ValueError):
    """The very same control result is already stored (409 through the API)."""


def form_problems(form: ControlForm) -> list[tuple[str, str]]:
    """Every way the follow-up fields do not fit the outcome and irregularities."""
    problems: list[tuple[str, str]] = []
    types = {i.type for i in form.irregularities}
    names = ", ".join(sorted(t.value for t in types)) or "none"
    if form.outcome is Outcome.NON_COMPLIANT and not types:
        problems.append(("irregularities", "a non-compliant result lists at least one"))
    if form.outcome is Outcome.COMPLIANT:
        if types:
            problems.append(("irregularities", "a compliant result lists none"))
        for name in ("seized_quantity", "concealment_method", "drug_type", "drug_form"):
            if getattr(form, name) is not None:
                problems.append((name, "not for a compliant result"))
        for name in ("extra_duty", "penalty"):
            if getattr(form, name):
                problems.append((name, "a compliant result recovers nothing"))
        if form.severity not in (None, Severity.NONE):
            problems.append(("severity", "a compliant result has severity 'none'"))
    if IT.DRUGS in types and not form.drug_type:
        problems.append(("drug_type", "needed when the irregularities include drugs"))
    for name in ("drug_type", "drug_form"):
        if getattr(form, name) is not None and IT.DRUGS not in types:
            problems.append((name, f"only for drugs (irregularities: {names})"))
    if form.concealment_method is not None and form.outcome is Outcome.NON_COMPLIANT:
        if not types & SEIZABLE:
            problems.append(
                (
                    "concealment_method",
                    "only for goods that can be hidden (drugs, weapons, prohibited, "
                    f"counterfeit or undeclared goods; irregularities: {names})",
                )
            )
    if (form.seized_quantity is None) != (form.seized_unit is None):
        missing = "seized_unit" if form.seized_unit is None else "seized_quantity"
        problems.append((missing, "a seizure needs both seized_quantity and seized_unit"))
    if form.seized_quantity is not None and types and not types & SEIZABLE:
        problems.append(("seized_quantity", f"nothing seizable among: {names}"))
    seen: set[IrregularityType] = set()
    for position, item in enumerate(form.irregularities):
        where = f"irregularities[{position}]"
        if item.type in seen and item.field is None and item.declared is None:
            problems.append((f"{where}.type", f"{item.type.value!r} is listed twice"))
        seen.add(item.type)
        if item.field is not None and item.field not in FINDING_FIELDS:
            problems.append(
                (f"{where}.field", f"{item.field!r} is not a declaration or goods-item field")
            )
        allowed = FOLLOW_UPS[item.type]
        for name in ("field", "declared", "found"):  # item_seq and note fit every type
            if getattr(item, name) is not None and name not in allowed:
                problems.append((f"{where}.{name}", f"does not apply to {item.type.value!r}"))
    return problems


def _selection_reason(session: Session, reference: str, version: int) -> SelectionReason:
    decision = current_decision(session, reference=reference, version=version)
    if decision is not None and decision.action == "override":
        return SelectionReason.OFFICER
    assessment = latest_assessment(session, reference=reference, version=version)
    if assessment is not None and assessment.selection_reason:
        try:
            return SelectionReason(assessment.selection_reason)
        except ValueError:
            pass
    return SelectionReason.OFFICER


def _severity(form: ControlForm) -> Severity:
    if form.severity is not None:
        return form.severity
    if form.outcome is Outcome.COMPLIANT:
        return Severity.NONE
    types = {i.type for i in form.irregularities}
    return Severity.CRITICAL if types & CRITICAL else Severity.REVENUE


def _findings(form: ControlForm) -> list[Finding]:
    out = []
    for item in form.irregularities:
        detailed = any(
            v is not None for v in (item.item_seq, item.field, item.declared, item.found, item.note)
        )
        if detailed:
            field = item.field
            if field is None and (item.declared is not None or item.found is not None):
                field = DEFAULT_FIELD.get(item.type)
            out.append(
                Finding(
                    irregularity=item.type,
                    item_seq=item.item_seq,
                    field=field,
                    declared=item.declared,
                    found=item.found,
                    note=item.note,
                )
            )
    return out


@dataclass
class StoredControl:
    row: ControlResultRow
    result: ControlResult
    audit_seq: int


def record_control_result(
    session: Session,
    *,
    reference: str,
    form: ControlForm,
    officer: str,
    source: str = "officer",
) -> StoredControl:
    """Check, store and audit one control result (with the caller's transaction).

    Raises :class:`DeclarationNotFound`, :class:`ControlFormError` (naming each field) or
    :class:`DuplicateControlResult`.
    """
    versions = select(DeclarationRow.version).where(DeclarationRow.reference == reference)
    if form.declaration_version is not None:
        versions = versions.where(DeclarationRow.version == form.declaration_version)
    version = session.scalar(versions.order_by(DeclarationRow.version.desc()).limit(1))
    if version is None:
        what = f" version {form.declaration_version}" if form.declaration_version else ""
        raise DeclarationNotFound(f"declaration {reference!r}{what} is not stored")
    problems = form_problems(form)
    if problems:
        raise ControlFormError(problems)
    findings = _findings(form)
    reason = form.selection_reason or _selection_reason(session, reference, version)
    try:
        result = ControlResult(
            declaration_reference=reference,
            declaration_version=version,
            control_type=ControlType(form.control_type),
            selection_reason=reason,
            outcome=form.outcome,
            irregularities=list(dict.fromkeys(i.type for i in form.irregularities)),
            severity=_severity(form),
            extra_duty=form.extra_duty,
            penalty=form.penalty,
            seized_quantity=form.seized_quantity,
            seized_unit=form.seized_unit.upper() if form.seized_unit else None,
            concealment_method=form.concealment_method,
            detection_method=form.detection_method,
            drug_type=form.drug_type,
            drug_form=form.drug_form.value if form.drug_form else None,
            findings=findings or None,
            officer=officer,
            remarks=form.remarks or None,
            started_at=form.started_at,
            completed_at=form.completed_at or datetime.now(UTC),
            source=source,
        )
    except ValueError as exc:  # the domain model's own consistency rules
        raise ControlFormError([("body", str(exc))]) from exc
    row_data = control_row(result)
    # Held to the commit: the same result sent twice at once (a double click, a retried
    # request) is checked by the second after the first is stored, and refused as a
    # duplicate, not by the unique hash as an error (the flush below is the backstop for a
    # writer that takes no lock, a file ingest).
    # The declaration's decision lock first (the one decisions and a document's
    # reassessment take, clearlane.intake.reassess_after_document): a reassessment that
    # found the declaration undecided writes before this result, never after it.
    write_lock(session, f"decision:{reference}")
    write_lock(session, f"control_result:{row_data['content_sha256']}")
    exists = session.scalar(
        select(ControlResultRow.id).where(
            ControlResultRow.content_sha256 == row_data["content_sha256"]
        )
    )
    if exists is not None:
        raise DuplicateControlResult(
            f"this control result of {reference!r} is already stored (#{exists})"
        )
    # Inserted before the audit entry, as a file ingest does: a row that an ingest holds
    # inserted but not committed is waited for here, before this request holds the audit
    # head that the ingest needs next (the other order was a deadlock on PostgreSQL, one of
    # the two failed).
    row = ControlResultRow(**row_data, batch_id=None, recorded_at=datetime.now(UTC))
    session.add(row)
    try:
        session.flush()
    except IntegrityError as exc:  # stored meanwhile by a writer without the lock
        raise DuplicateControlResult(
            f"this control result of {reference!r} is already stored"
        ) from exc
    seq = append(
        session,
        kind="control_result",
        actor=officer,
        subject=f"declaration:{reference}",
        payload={
            "content_sha256": row_data["content_sha256"],
            "version": version,
            "control_type": row_data["control_type"],
            "selection_reason": row_data["selection_reason"],
            "outcome": row_data["outcome"],
            "severity": row_data["severity"],
            "irregularities": row_data["irregularities"],
            "extra_duty": row_data["extra_duty"],
            "findings": row_data["payload"].get("findings"),
            "source": source,
        },
    )
    return StoredControl(row, result, seq)


def control_results(session: Session, *, reference: str) -> list[ControlResultRow]:
    """A declaration's control results, oldest first."""
    return list(
        session.scalars(
            select(ControlResultRow)
            .where(ControlResultRow.declaration_reference == reference)
            .order_by(ControlResultRow.id)
        )
    )


def form_options() -> dict[str, Any]:
    """The form's vocabularies and which follow-up fields each irregularity type shows."""
    return {
        "control_types": list(PerformedControl.__args__),  # type: ignore[attr-defined]
        "outcomes": [o.value for o in Outcome],
        "selection_reasons": [r.value for r in SelectionReason if r is not SelectionReason.UNKNOWN],
        "severities": [s.value for s in Severity],
        "irregularity_types": [
            {
                "type": t.value,
                "follow_ups": list(FOLLOW_UPS[t]),
                "default_field": DEFAULT_FIELD.get(t),
            }
            for t in IrregularityType
        ],
        "drug_forms": [f.value for f in DrugForm],
        "suggested_drug_types": list(SUGGESTED_DRUG_TYPES),
        "suggested_concealment_methods": list(SUGGESTED_CONCEALMENT),
        "suggested_detection_methods": list(SUGGESTED_DETECTION),
        "finding_fields": sorted(FINDING_FIELDS),
    }
