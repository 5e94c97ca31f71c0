"""One trader (cluster) as officers and analysts see it: names and identifiers, how each
record joined (with its field weights), declarations, control history and hit rate, the
parties it trades with, and its discrepancies against manifests."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from clearlane.errors import NotFound
from clearlane.link.discrepancies import compare
from clearlane.store.tables import (
    ControlResultRow,
    DeclarationRow,
    DocumentLinkRow,
    PartyMentionRow,
    PartyRecordRow,
    TraderClusterRow,
    TransportDocumentRow,
)

MAX_DECLARATIONS = 200


def search_traders(session: Session, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Clusters with a record whose name or identifier contains ``query`` (case-insensitive)."""
    pattern = f"%{query.strip().lower()[:100]}%"
    rows = session.execute(
        select(PartyRecordRow.cluster_id, TraderClusterRow.display_name,
               func.count(PartyRecordRow.id))
        .join(TraderClusterRow, TraderClusterRow.id == PartyRecordRow.cluster_id)
        .where(or_(func.lower(PartyRecordRow.name).like(pattern),
                   func.lower(PartyRecordRow.identifier).like(pattern)))
        .group_by(PartyRecordRow.cluster_id, TraderClusterRow.display_name)
        .order_by(PartyRecordRow.cluster_id)
        .limit(limit)
    ).all()  # fmt: skip
    return [{"cluster_id": c, "display_name": n, "matching_records": k} for c, n, k in rows]


class TraderNotFound(NotFound):
    """No trader with that cluster id in the register (404 through the API)."""


def registered_trader(session: Session, cluster_id: int) -> dict[str, Any]:
    """:func:`trader_view` of a trader that must be in the register (else TraderNotFound)."""
    view = trader_view(session, cluster_id)
    if view is None:
        raise TraderNotFound(f"no trader {cluster_id} in the register")
    return view


def trader_view(session: Session, cluster_id: int) -> dict[str, Any] | None:
    cluster = session.get(TraderClusterRow, cluster_id)
    if cluster is None:
        return None
    records = session.scalars(
        select(PartyRecordRow).where(PartyRecordRow.cluster_id == cluster_id)
        .order_by(PartyRecordRow.id)
    ).all()  # fmt: skip
    record_ids = [r.id for r in records]
    mentions = session.execute(
        select(PartyMentionRow.source, PartyMentionRow.source_ref, PartyMentionRow.role,
               PartyMentionRow.seen_on)
        .where(PartyMentionRow.party_record_id.in_(record_ids))
        .order_by(PartyMentionRow.seen_on.desc())
    ).all()  # fmt: skip
    refs = sorted({m.source_ref for m in mentions if m.source == "declaration"})
    roles = Counter(m.role for m in mentions)
    declarations = session.execute(
        select(DeclarationRow.reference, DeclarationRow.declaration_date, DeclarationRow.office,
               DeclarationRow.normalised)
        .where(DeclarationRow.reference.in_(refs))
        .order_by(DeclarationRow.declaration_date.desc(), DeclarationRow.version.desc())
    ).all()  # fmt: skip
    latest: dict[str, Any] = {}
    for row in declarations:
        latest.setdefault(row.reference, row)
    controls = session.execute(
        select(ControlResultRow.declaration_reference, ControlResultRow.control_type,
               ControlResultRow.outcome, ControlResultRow.severity,
               ControlResultRow.completed_at, ControlResultRow.irregularities)
        .where(ControlResultRow.declaration_reference.in_(refs))
        .order_by(ControlResultRow.completed_at.desc())
    ).all()  # fmt: skip
    hits = sum(1 for c in controls if c.outcome == "non_compliant")
    # parties named on the same declarations, by their clusters
    partners = session.execute(
        select(PartyRecordRow.cluster_id, TraderClusterRow.display_name, PartyMentionRow.role,
               func.count())
        .join(PartyRecordRow, PartyRecordRow.id == PartyMentionRow.party_record_id)
        .join(TraderClusterRow, TraderClusterRow.id == PartyRecordRow.cluster_id)
        .where(PartyMentionRow.source == "declaration", PartyMentionRow.source_ref.in_(refs),
               PartyRecordRow.cluster_id != cluster_id)
        .group_by(PartyRecordRow.cluster_id, TraderClusterRow.display_name, PartyMentionRow.role)
        .order_by(func.count().desc())
        .limit(30)
    ).all()  # fmt: skip
    linked_docs = session.execute(
        select(DocumentLinkRow.declaration_reference, DocumentLinkRow.method,
               TransportDocumentRow)
        .join(TransportDocumentRow)
        .where(DocumentLinkRow.declaration_reference.in_(refs))
    ).all()  # fmt: skip
    issues = []
    for reference, method, doc in linked_docs:
        found = latest.get(reference)
        if found is None:
            continue
        for d in compare(found.normalised, found.declaration_date, doc):
            issues.append({"reference": reference, "document_number": doc.document_number,
                           "link_method": method, "code": d.code, "field": d.field,
                           "declared": d.declared, "manifest": d.manifest})  # fmt: skip
    return {
        "cluster_id": cluster.id,
        "display_name": cluster.display_name,
        "created_at": cluster.created_at,
        "names": sorted({r.name for r in records}),
        "identifiers": sorted({r.identifier_key for r in records if r.identifier_key}),
        "records": [
            {
                "id": r.id,
                "name": r.name,
                "country": r.country,
                "identifier": r.identifier,
                "street": r.street,
                "city": r.city,
                "postcode": r.postcode,
                "first_seen": r.first_seen,
                "link_method": r.link_method,
                "linked_to": r.linked_to,
                "match_probability": r.match_probability,
                "match_weight": r.match_weight,
                "weights": r.weights,
            }
            for r in records
        ],  # fmt: skip
        "roles": dict(roles),
        "declarations": [
            {"reference": r.reference, "declaration_date": r.declaration_date, "office": r.office}
            for r in list(latest.values())[:MAX_DECLARATIONS]
        ],  # fmt: skip
        "declaration_count": len(latest),
        "controls": [
            {
                "reference": c.declaration_reference,
                "control_type": c.control_type,
                "outcome": c.outcome,
                "severity": c.severity,
                "completed_at": c.completed_at,
                "irregularities": c.irregularities,
            }
            for c in controls
        ],  # fmt: skip
        "controlled": len(controls),
        "hits": hits,
        "hit_rate": hits / len(controls) if controls else None,
        "linked_parties": [
            {"cluster_id": c, "display_name": n, "role": role, "declarations": k}
            for c, n, role, k in partners
        ],
        "discrepancies": issues,
    }
