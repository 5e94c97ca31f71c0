"""Link declarations to transport documents, strongest evidence first.

1. the declaration's transport document number equals the document's (spaces, dashes and case
   ignored): ``document_number``, score 1;
2. otherwise shared container numbers: ``containers``, score = shared / union;
3. otherwise a probabilistic score on the parties and the voyage: consignee vs importer
   (identifier key, then normalised name), shipper vs exporter (name), arrival date within
   [-21, +3] days of the declaration date, port of discharge vs the declaration's office
   country. Each factor adds its log-odds weight (below); a link needs the total >=
   ``PROBABILISTIC_MIN_WEIGHT`` and a margin over the runner-up.

Every link keeps its evidence (which fields agreed, with both values).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, defer, sessionmaker

from clearlane.link.identifiers import identifier_key
from clearlane.link.normalise import normalise_name
from clearlane.store.tables import DeclarationRow, DocumentLinkRow, TransportDocumentRow

WEIGHTS = {
    "consignee_identifier": 12.0,
    "consignee_name": 6.0,
    "consignee_name_tokens": 3.0,
    "shipper_name": 4.0,
    "shipper_name_tokens": 2.0,
    "arrival_window": 3.0,
    "arrival_outside": -6.0,
}
PROBABILISTIC_MIN_WEIGHT = 12.0
MARGIN = 3.0
_SEP = re.compile(r"[\s\-/.]")


def document_key(value: str | None) -> str:
    return _SEP.sub("", (value or "").upper())


@dataclass
class MatchSummary:
    declarations: int = 0
    linked: int = 0
    by_method: dict[str, int] | None = None


def _tokens(name: str | None) -> set[str]:
    return set(normalise_name(name or "").key.split())


def _party_score(decl_party: dict[str, Any] | None, doc_party: dict[str, Any] | None,
                 role: str) -> tuple[float, dict[str, Any]]:  # fmt: skip
    if not decl_party or not doc_party:
        return 0.0, {}
    evidence = {f"{role}": [decl_party.get("name"), doc_party.get("name")]}
    if role == "consignee":
        a = identifier_key(decl_party.get("id"), decl_party.get("country")).key
        b = identifier_key(doc_party.get("id"), doc_party.get("country")).key
        if a and a == b:
            return WEIGHTS["consignee_identifier"], evidence | {"identifier": a}
    ta, tb = _tokens(decl_party.get("name")), _tokens(doc_party.get("name"))
    if ta and ta == tb:
        return WEIGHTS[f"{role}_name"], evidence
    if ta and tb and len(ta & tb) / len(ta | tb) >= 0.5:
        return WEIGHTS[f"{role}_name_tokens"], evidence
    return 0.0, {}


def score_probabilistic(decl: dict[str, Any], when: date, doc: TransportDocumentRow
                        ) -> tuple[float, dict[str, Any]]:  # fmt: skip
    total = 0.0
    evidence: dict[str, Any] = {}
    for role, decl_role in (("consignee", "importer"), ("shipper", "exporter")):
        weight, ev = _party_score(decl.get(decl_role), (doc.parties or {}).get(role), role)
        if weight:
            total += weight
            evidence |= ev
    if doc.arrival_date is not None:
        gap = (when - doc.arrival_date).days
        key = "arrival_window" if -3 <= gap <= 21 else "arrival_outside"
        total += WEIGHTS[key]
        evidence["arrival_date"] = [when.isoformat(), doc.arrival_date.isoformat()]
    evidence["weight"] = round(total, 3)
    return total, evidence


def link_documents(session_factory: sessionmaker[Session]) -> MatchSummary:
    """Link every declaration without a transport document link (latest versions)."""
    from clearlane.link.register import lock_register

    summary = MatchSummary(by_method=defaultdict(int))
    with session_factory() as session, session.begin():
        # under the register lock no other run links meanwhile: the links already made are
        # read once and the new ones written in one statement
        lock_register(session)
        linked = set(session.scalars(select(DocumentLinkRow.declaration_reference)))
        docs = session.scalars(
            select(TransportDocumentRow).options(
                defer(TransportDocumentRow.original), defer(TransportDocumentRow.normalised)
            )
        ).all()
        by_number: dict[str, list[TransportDocumentRow]] = defaultdict(list)
        by_container: dict[str, list[TransportDocumentRow]] = defaultdict(list)
        by_consignee: dict[str, list[TransportDocumentRow]] = defaultdict(list)
        for doc in docs:
            by_number[document_key(doc.document_number)].append(doc)
            for c in doc.containers or []:
                by_container[c].append(doc)
            consignee = (doc.parties or {}).get("consignee") or {}
            for token in _tokens(consignee.get("name")):
                by_consignee[token].append(doc)
        rows = session.execute(
            select(DeclarationRow.reference, DeclarationRow.declaration_date,
                   DeclarationRow.normalised)
            .order_by(DeclarationRow.reference, DeclarationRow.version.desc())
        )  # fmt: skip
        linked_docs = set(session.scalars(select(DocumentLinkRow.transport_document_id)))
        pending, last = [], None
        for reference, when, decl in rows:
            if reference == last or reference in linked:
                continue
            last = reference
            summary.declarations += 1
            pending.append((reference, when, decl))
        # deterministic evidence first for everyone, then parties among unclaimed documents
        later = []
        new_links: list[dict[str, Any]] = []
        for reference, when, decl in pending:
            link = _deterministic_link(decl, when, by_number, by_container)
            if link is None:
                later.append((reference, when, decl))
            else:
                new_links.append(_row(reference, link))
                linked_docs.add(link[0].id)
                summary.by_method[link[1]] += 1  # type: ignore[index]
        for reference, when, decl in later:
            link = _probabilistic_link(decl, when, by_consignee, linked_docs)
            if link is not None:
                new_links.append(_row(reference, link))
                linked_docs.add(link[0].id)
                summary.by_method[link[1]] += 1  # type: ignore[index]
        if new_links:
            session.execute(insert(DocumentLinkRow), new_links)
        summary.linked = len(new_links)
    summary.by_method = dict(summary.by_method or {})
    return summary


Link = tuple[TransportDocumentRow, str, float, dict[str, Any]]


def _row(reference: str, link: Link) -> dict[str, Any]:
    doc, method, score, evidence = link
    return {
        "declaration_reference": reference,
        "transport_document_id": doc.id,
        "method": method,
        "score": score,
        "evidence": evidence,
        "created_at": datetime.now(UTC),
    }


def _deterministic_link(
    decl: dict[str, Any],
    when: date,
    by_number: dict[str, list[TransportDocumentRow]],
    by_container: dict[str, list[TransportDocumentRow]],
) -> Link | None:
    number = document_key(decl.get("transport_document"))
    if number and len(by_number.get(number, [])) >= 1:
        candidates = by_number[number]
        doc = (
            candidates[0]
            if len(candidates) == 1
            else max(candidates, key=lambda d: score_probabilistic(decl, when, d)[0])
        )
        return (
            doc,
            "document_number",
            1.0,
            {
                "document_number": [decl.get("transport_document"), doc.document_number],
                "candidates": len(candidates),
            },
        )
    containers = set(decl.get("containers") or [])
    if containers:
        counts: dict[int, tuple[TransportDocumentRow, set[str]]] = {}
        for c in containers:
            for doc in by_container.get(c, []):
                counts.setdefault(doc.id, (doc, set()))[1].add(c)
        if counts:
            doc, shared = max(counts.values(), key=lambda item: (len(item[1]), -item[0].id))
            union = containers | set(doc.containers or [])
            return (
                doc,
                "containers",
                len(shared) / len(union),
                {
                    "containers": sorted(shared),
                    "declared": sorted(containers),
                    "on_document": sorted(doc.containers or []),
                },
            )
    return None


def _probabilistic_link(
    decl: dict[str, Any],
    when: date,
    by_consignee: dict[str, list[TransportDocumentRow]],
    taken: set[int],
) -> Link | None:
    importer = decl.get("importer") or {}
    pool = {
        d.id: d
        for t in _tokens(importer.get("name"))
        for d in by_consignee.get(t, [])
        if d.id not in taken
    }
    scored = sorted(
        ((score_probabilistic(decl, when, d), d) for d in pool.values()),
        key=lambda item: -item[0][0],
    )
    if not scored:
        return None
    (best, evidence), doc = scored[0]
    runner_up = scored[1][0][0] if len(scored) > 1 else float("-inf")
    if best >= PROBABILISTIC_MIN_WEIGHT and best - runner_up >= MARGIN:
        return doc, "parties", best, evidence
    return None
