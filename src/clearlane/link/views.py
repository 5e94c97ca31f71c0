"""What the UI shows of linking, beyond the trader page's tables (:mod:`.traders`):

* :func:`declaration_transport` - a declaration's linked transport documents, each with the
  link's method and evidence and its discrepancies with both values (officers, analysts);
* :func:`trader_network` - the small network around one trader: the traders it shares an
  identifier fragment, an address or a container with, and its trading partners, with the
  reason on each edge and the neighbours found non-compliant marked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearlane.link.discrepancies import compare
from clearlane.link.normalise import normalise_city, normalise_street
from clearlane.store.tables import (
    ControlResultRow,
    DeclarationRow,
    DocumentLinkRow,
    PartyMentionRow,
    PartyRecordRow,
    TraderClusterRow,
    TransportDocumentRow,
)

MAX_NEIGHBOURS = 12
_DIGITS = re.compile(r"\d{6,}")  # the national number in an identifier key (network.py)


def declaration_transport(session: Session, reference: str) -> list[dict[str, Any]]:
    """The transport documents linked to ``reference`` (latest declaration version)."""
    latest = session.execute(
        select(DeclarationRow.declaration_date, DeclarationRow.normalised)
        .where(DeclarationRow.reference == reference)
        .order_by(DeclarationRow.version.desc())
        .limit(1)
    ).first()
    if latest is None:
        return []
    rows = session.execute(
        select(DocumentLinkRow, TransportDocumentRow)
        .join(TransportDocumentRow)
        .where(DocumentLinkRow.declaration_reference == reference)
        .order_by(DocumentLinkRow.id)
    ).all()
    out = []
    for link, doc in rows:
        found = compare(latest.normalised, latest.declaration_date, doc)
        out.append(
            {
                "document_number": doc.document_number,
                "document_type": doc.document_type,
                "carrier": doc.carrier,
                "vessel_imo": doc.vessel_imo,
                "port_of_loading": doc.port_of_loading,
                "port_of_discharge": doc.port_of_discharge,
                "departure_date": doc.departure_date,
                "arrival_date": doc.arrival_date,
                "containers": list(doc.containers or []),
                "packages": doc.packages,
                "gross_mass_kg": doc.gross_mass_kg,
                "parties": {
                    role: {k: v for k, v in (party or {}).items() if v}
                    for role, party in (doc.parties or {}).items()
                },
                "source": doc.original_format,
                "link_method": link.method,
                "link_score": link.score,
                "evidence": link.evidence or {},
                "linked_at": link.created_at,
                "discrepancies": [
                    {
                        "code": d.code,
                        "field": d.field,
                        "declared": d.declared,
                        "manifest": d.manifest,
                        "message": d.message,
                    }
                    for d in found
                ],  # fmt: skip
            }
        )
    return out


def has_document_query(session: Session, reference: str) -> bool:
    """Whether a linked transport document disagrees with the declaration (what a trader is
    told: only that customs may ask about the document)."""
    return any(doc["discrepancies"] for doc in declaration_transport(session, reference))


class _Record(NamedTuple):
    """The columns of a party record the network reads (not the ORM row: loading every
    record of the store as objects, with their JSON columns decoded, was most of a call)."""

    id: int
    cluster_id: int
    identifier_key: str | None
    street: str | None
    city: str | None


def _fragments(records: list[_Record]) -> dict[str, str]:
    """fragment key -> what to call it on an edge."""
    out: dict[str, str] = {}
    for r in records:
        if r.identifier_key:
            for digits in _DIGITS.findall(r.identifier_key):
                out[f"id:{digits}"] = f"identifier fragment {digits}"
        if r.street and r.city:
            key = f"addr:{normalise_street(r.street)}|{normalise_city(r.city)}"
            out[key] = f"address {r.street}, {r.city}"
    return out


def trader_network(session: Session, cluster_id: int) -> dict[str, Any] | None:
    """Nodes and edges around one trader (at most ``MAX_NEIGHBOURS`` neighbours, the
    strongest first: shared identifier fragments, addresses, containers, then partners)."""
    centre = session.get(TraderClusterRow, cluster_id)
    if centre is None:
        return None
    all_records = [
        _Record(int(rid), int(cluster or 0), key, street, city)
        for rid, cluster, key, street, city in session.execute(
            select(PartyRecordRow.id, PartyRecordRow.cluster_id, PartyRecordRow.identifier_key,
                   PartyRecordRow.street, PartyRecordRow.city)
            .where(PartyRecordRow.cluster_id.is_not(None))
        )
    ]  # fmt: skip
    by_cluster: dict[int, list[_Record]] = defaultdict(list)
    for r in all_records:
        by_cluster[r.cluster_id].append(r)
    mine = _fragments(by_cluster.get(cluster_id, []))
    reasons: dict[int, list[str]] = defaultdict(list)
    for other, records in by_cluster.items():
        if other == cluster_id:
            continue
        shared = mine.keys() & _fragments(records).keys()
        for key in sorted(shared):
            reasons[other].append(mine[key])
    # containers: on the transport documents of declarations naming this trader, and of other
    # traders' declarations (as importer)
    record_ids = [r.id for r in by_cluster.get(cluster_id, [])]
    refs = set(
        session.scalars(
            select(PartyMentionRow.source_ref).where(
                PartyMentionRow.party_record_id.in_(record_ids),
                PartyMentionRow.source == "declaration",
            )
        )
    )
    containers: dict[str, set[str]] = defaultdict(set)  # container -> declarations
    importer_of: dict[str, int] = {}
    cluster_of_record = {r.id: r.cluster_id for r in all_records}
    for ref, record_id in session.execute(
        select(PartyMentionRow.source_ref, PartyMentionRow.party_record_id).where(
            PartyMentionRow.source == "declaration", PartyMentionRow.role == "importer"
        )
    ):
        cluster = cluster_of_record.get(record_id)
        if cluster is not None:
            importer_of[ref] = cluster
    linked = session.execute(
        select(DocumentLinkRow.declaration_reference, TransportDocumentRow.containers).join(
            TransportDocumentRow
        )
    ).all()
    for ref, numbers in linked:
        for number in numbers or []:
            containers[str(number)].add(ref)
    shared_containers: dict[int, set[str]] = defaultdict(set)
    for number, declared_on in containers.items():
        if declared_on & refs:
            for ref in declared_on - refs:
                sharer = importer_of.get(ref)
                if sharer is not None and sharer != cluster_id:
                    shared_containers[sharer].add(number)
    for other, numbers in shared_containers.items():
        listed = ", ".join(sorted(numbers)[:2]) + (" …" if len(numbers) > 2 else "")
        reasons[other].append(f"container {listed}")
    # partners: other traders on the same declarations, by their role there
    partners: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    if refs:
        for _ref, role, record_id in session.execute(
            select(PartyMentionRow.source_ref, PartyMentionRow.role,
                   PartyMentionRow.party_record_id)
            .where(PartyMentionRow.source == "declaration",
                   PartyMentionRow.source_ref.in_(sorted(refs)))
        ):  # fmt: skip
            partner = cluster_of_record.get(record_id)
            if partner is not None and partner != cluster_id:
                partners[partner][role] += 1
    ranked = sorted(reasons, key=lambda c: (-len(reasons[c]), c))
    ranked += sorted(
        (c for c in partners if c not in reasons), key=lambda c: (-sum(partners[c].values()), c)
    )
    chosen = ranked[:MAX_NEIGHBOURS]
    query = select(TraderClusterRow.id, TraderClusterRow.display_name).where(
        TraderClusterRow.id.in_([cluster_id, *chosen])
    )
    names: dict[int, str] = {int(c): str(n) for c, n in session.execute(query)}
    caught = _non_compliant(session, [cluster_id, *chosen], importer_of)
    edges = []
    for other in chosen:
        why = list(reasons.get(other, []))
        kind = "shares" if why else "partner"
        for role, n in sorted(partners.get(other, {}).items(), key=lambda kv: -kv[1]):
            why.append(f"{role} on {n} declaration{'s' if n != 1 else ''}")
        edges.append({"target": other, "kind": kind, "reasons": why})
    return {
        "centre": {
            "cluster_id": cluster_id,
            "name": names.get(cluster_id, centre.display_name),
            "non_compliant": caught.get(cluster_id, 0),
        },  # fmt: skip
        "nodes": [
            {"cluster_id": c, "name": names.get(c, str(c)), "non_compliant": caught.get(c, 0)}
            for c in chosen
        ],
        "edges": edges,
    }


def _non_compliant(
    session: Session, clusters: list[int], importer_of: dict[str, int]
) -> dict[int, int]:
    """Non-compliant control results on the declarations each cluster imported."""
    wanted = set(clusters)
    refs = [ref for ref, c in importer_of.items() if c in wanted]
    out: dict[int, int] = defaultdict(int)
    for start in range(0, len(refs), 500):
        for (ref,) in session.execute(
            select(ControlResultRow.declaration_reference).where(
                ControlResultRow.declaration_reference.in_(refs[start : start + 500]),
                ControlResultRow.outcome == "non_compliant",
            )
        ):
            out[importer_of[ref]] += 1
    return dict(out)
