"""Stored assessments: what the engine proposed for a declaration, with its reasons, written
to the audit trail in the same transaction."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any, cast

import pandas as pd
from sqlalchemy import Table, insert, select, tuple_
from sqlalchemy.orm import Session

from clearlane.audit.chain import AuditEvent, append_many
from clearlane.frames import records_of
from clearlane.store.tables import AssessmentRow, DeclarationRow

ASSESSMENTS = cast(Table, AssessmentRow.__table__)
COMPONENTS = ("rules", "anomaly", "model", "expected_revenue", "critical_score")


def _number(value: Any) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    text = str(value)
    return text or None


def _day(value: Any) -> date | None:
    if value is None or value is pd.NaT:
        return None
    try:
        return pd.Timestamp(value).date()
    except (TypeError, ValueError):
        return None


def record_assessments(
    session: Session, *, routed: pd.DataFrame | Sequence[Mapping[str, Any]], actor: str
) -> list[int]:
    """Store one assessment per row of ``routed`` (the output of
    :func:`clearlane.workflows.score_and_route`, or its rows as mappings) and audit each;
    returns the new row ids.

    The audit entry holds the content hash of the declaration as stored, the model and profile
    versions, the score and its components, the reasons and the lane. A ``routing`` column of
    dicts (online routing: the cuts and where they came from) is kept in the components.
    """
    given = records_of(routed) if isinstance(routed, pd.DataFrame) else list(routed)
    if not given:
        return []
    keys = [(str(row["reference"]), int(row["version"])) for row in given]
    hashes: dict[tuple[str, int], str] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        rows = session.execute(
            select(
                DeclarationRow.reference, DeclarationRow.version, DeclarationRow.content_sha256
            ).where(tuple_(DeclarationRow.reference, DeclarationRow.version).in_(chunk))
        )
        hashes.update({(r, int(v)): h for r, v, h in rows})
    now = datetime.now(UTC)
    records: list[dict[str, Any]] = []
    events: list[AuditEvent] = []
    for key, row in zip(keys, given, strict=True):
        components = {name: _number(row.get(name)) for name in COMPONENTS}
        reasons = row.get("reasons")
        reasons = list(reasons) if isinstance(reasons, list | tuple) else []
        rank = _number(row.get("rank"))
        record = {
            "reference": key[0],
            "version": key[1],
            "assessed_at": now,
            "declaration_date": _day(row.get("declaration_date")),
            "office": _text(row.get("office")),
            "input_sha256": hashes.get(key),
            "model_version": _text(row.get("model_version")),
            "profile_version": _text(row.get("profile_version")),
            "score": float(row["score"]),
            "lane": str(row["lane"]),
            "selection_reason": _text(row.get("selection_reason")),
            "rank": int(rank) if rank is not None else None,
            "components": {
                **components,
                "profiles_hit": _text(row.get("profiles_hit")),
                "missing_fields": _text(row.get("missing_fields")),
                "notes": _text(row.get("notes")),
                **({"routing": row["routing"]} if isinstance(row.get("routing"), dict) else {}),
            },
            "reasons": reasons,
        }
        records.append(record)
        events.append(
            AuditEvent(
                kind="assessment",
                actor=actor,
                subject=f"declaration:{key[0]}",
                payload={
                    "version": key[1],
                    "input_sha256": record["input_sha256"],
                    "model_version": record["model_version"],
                    "profile_version": record["profile_version"],
                    "score": record["score"],
                    "components": record["components"],
                    "reasons": reasons,
                    "lane": record["lane"],
                    "selection_reason": record["selection_reason"],
                },
            )
        )
    seqs = append_many(session, events)
    for record, seq in zip(records, seqs, strict=True):
        record["audit_seq"] = seq
    ids = session.execute(insert(ASSESSMENTS).returning(ASSESSMENTS.c.id), records).scalars()
    return [int(i) for i in ids]


def latest_assessment(
    session: Session, *, reference: str, version: int | None = None
) -> AssessmentRow | None:
    """The newest assessment of a declaration (of its newest assessed version by default)."""
    query = select(AssessmentRow).where(AssessmentRow.reference == reference)
    if version is not None:
        query = query.where(AssessmentRow.version == version)
    query = query.order_by(AssessmentRow.version.desc(), AssessmentRow.id.desc()).limit(1)
    return session.scalars(query).first()
