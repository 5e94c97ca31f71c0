"""Read access to the quarantine."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.store.session import open_store
from clearlane.store.tables import QuarantineRow


def list_quarantine(
    *,
    limit: int = 50,
    reason: str | None = None,
    batch_id: int | None = None,
    session_factory: sessionmaker[Session] | None = None,
) -> list[dict[str, Any]]:
    session_factory = session_factory or open_store()
    query = select(QuarantineRow).order_by(QuarantineRow.id.desc()).limit(limit)
    if reason:
        query = query.where(QuarantineRow.reason_codes.contains(reason))
    if batch_id is not None:
        query = query.where(QuarantineRow.batch_id == batch_id)
    with session_factory() as session:
        return [
            {
                "id": row.id,
                "batch_id": row.batch_id,
                "kind": row.kind,
                "source": row.source,
                "location": row.location,
                "reference": row.reference,
                "reason_codes": row.reason_codes.split(",") if row.reason_codes else [],
                "reasons": row.reasons,
                "raw": row.raw,
                "created_at": row.created_at,
            }
            for row in session.scalars(query)
        ]
