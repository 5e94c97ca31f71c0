"""Audit routes: thin shells over :mod:`clearlane.audit` (read-only; verification walks the
whole chain)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy import select

from clearlane.api.audit.redact import visible_entries
from clearlane.api.audit.schemas import (
    AuditEntryRead,
    AuditPage,
    DeclarationTrail,
    HeadRead,
    VerdictRead,
    VerifyIn,
)
from clearlane.api.content import RequireJson
from clearlane.api.deps import DbSession, Principal, Require
from clearlane.api.errors import error_responses
from clearlane.api.permissions import Permission
from clearlane.audit import AUDIT_KINDS, entries, head, trail, verify
from clearlane.oversight.controls import DeclarationNotFound
from clearlane.store.tables import DeclarationRow

router = APIRouter(prefix="/api/audit", tags=["audit"], responses=error_responses(401, 403))

Reader = Annotated[Principal, Depends(Require(Permission.AUDIT_READ))]
Verifier = Annotated[Principal, Depends(RequireJson(Permission.AUDIT_READ))]


@router.get(
    "",
    response_model=AuditPage,
    summary="The newest audit entries (filter by kind or subject; page back with `before`)",
    responses=error_responses(422),
)
def list_entries(
    user: Reader,
    db: DbSession,
    kind: Annotated[
        str | None,
        Query(max_length=32, description=f"one of {', '.join(AUDIT_KINDS)} (else 422)"),
    ] = None,
    subject: Annotated[
        str | None, Query(max_length=256, description="e.g. declaration:REF, model:risk-engine")
    ] = None,
    before: Annotated[
        int | None, Query(ge=1, le=2**62, description="only entries older than this seq")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="entries per page")] = 50,
) -> AuditPage:
    rows = entries(db, kind=kind or None, subject=subject or None, limit=limit, before=before)
    data = [AuditEntryRead(**row) for row in visible_entries(rows, user)]
    more = len(data) == limit and data[-1].seq > 1
    return AuditPage(data=data, count=len(data), next_before=data[-1].seq if more else None)


@router.get(
    "/head",
    response_model=HeadRead,
    summary="The chain's head (publish it)",
    responses=error_responses(409),
)
def get_head(_: Reader, db: DbSession) -> HeadRead:
    seq, digest = head(db)  # a missing head row: AuditError, a conflict (409)
    return HeadRead(seq=seq, hash=digest)


@router.post(
    "/verify",
    response_model=VerdictRead,
    summary="Verify the chain (and that a published head is in it)",
    description=(
        "Walks every entry: the first altered, deleted, inserted or reordered entry is named, "
        "as is a truncated chain. The body is optional."
    ),
    responses=error_responses(415, 422),
)
def verify_chain(_: Verifier, db: DbSession, body: VerifyIn | None = None) -> VerdictRead:
    verdict = verify(db, head_hash=body.head_hash if body else None)
    finding = asdict(verdict.finding) if verdict.finding is not None else None
    return VerdictRead(
        ok=verdict.ok,
        entries=verdict.entries,
        last_seq=verdict.last_seq,
        last_hash=verdict.last_hash,
        finding=finding,
        head_checked=verdict.head_checked,
        summary=verdict.summary(),
    )


@router.get(
    "/declarations/{reference}",
    response_model=DeclarationTrail,
    summary="A declaration's trail: ingest, assessments, decisions, control results",
    responses=error_responses(404, 422),
)
def declaration_trail(
    user: Reader,
    db: DbSession,
    reference: Annotated[str, Path(min_length=1, max_length=64)],
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> DeclarationTrail:
    rows = trail(db, subject=f"declaration:{reference}", limit=limit)
    if not rows:
        known = db.scalar(
            select(DeclarationRow.id).where(DeclarationRow.reference == reference).limit(1)
        )
        if known is None:
            raise DeclarationNotFound(f"no declaration {reference!r}")
    data = [AuditEntryRead(**row) for row in visible_entries(rows, user)]
    return DeclarationTrail(reference=reference, data=data, count=len(data))
