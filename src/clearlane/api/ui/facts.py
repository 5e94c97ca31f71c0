"""The declaration page's "Documents and HS check" card (officers only): the HS check of each
goods item with the top suggestions and their citations, and every discrepancy with the
invoice and of the HS check, with both values, from :mod:`clearlane.features.facts`. The
discrepancies with the transport document are shown in one place, the Transport documents card
beside the document they concern; this card counts them and links there.

Nothing here computes: the HS check is read from the store (it was computed when the
declaration was scored), the network features are on the trader page."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from clearlane.explain.wording import discrepancy_sentence
from clearlane.features.facts import gather_facts
from clearlane.hs.nomenclature import dotted
from clearlane.store.tables import AssessmentRow, DeclarationRow

SOURCES = {"invoice": "Invoice", "manifest": "Transport document", "hs": "HS check"}


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _code(code: Any) -> str:
    text = str(code or "")
    return dotted(text[:6]) + (f".{text[6:]}" if len(text) > 6 else "") if text else ""


def facts_view(
    session_factory: sessionmaker[Session], row: DeclarationRow, assessment: AssessmentRow | None
) -> dict[str, Any]:
    """What the card shows for one declaration (its newest version)."""
    found = gather_facts(session_factory, [row.reference], network=False, compute_hs=False)
    currency = (row.normalised or {}).get("invoice_currency")
    items = []
    for item in (row.normalised or {}).get("items") or []:
        fact = found.hs.get((row.reference, int(item.get("seq") or 0)))
        items.append(
            {
                "seq": item.get("seq"),
                "description": item.get("description") or "",
                "declared": _code(item.get("hs_code")),
                "checked": fact is not None and fact.plausibility is not None,
                "plausibility": fact.plausibility if fact is not None else None,
                "low": fact is not None and fact.reason_code is not None,
                "reason": fact.reason if fact is not None else None,
                "reason_code": fact.reason_code if fact is not None else None,
                "suggestions": [
                    s
                    | {
                        "dotted": _code(s.get("code")),
                        "heading_short": str(s.get("heading") or "").split(":")[0],
                    }  # fmt: skip
                    for s in (fact.suggestions if fact is not None else [])
                ],
            }
        )
    scored_at = _aware(assessment.assessed_at) if assessment is not None else None
    in_score = {
        r.get("code") for r in (assessment.reasons or []) if r.get("source") == "document"
    } if assessment is not None else set()  # fmt: skip
    discrepancies = []
    manifest = 0
    for e in found.evidence.get(row.reference, []):
        if e.source == "manifest":  # shown under Transport documents, with their document
            manifest += 1
            continue
        arrived = datetime.fromisoformat(e.arrived) if e.arrived else None
        late = (
            scored_at is not None
            and arrived is not None
            and arrived > scored_at
            and e.code not in in_score
        )
        discrepancies.append(
            {
                "source": SOURCES.get(e.source, e.source),
                "code": e.code,
                "text": discrepancy_sentence(e.to_dict(), invoice_currency=currency),
                "document": e.document,
                "declared": e.declared,
                "document_ref": e.document_ref,
                "late": late,
            }
        )
    return {
        "items": items,
        "discrepancies": discrepancies,
        "late": any(d["late"] for d in discrepancies),
        "invoice": bool(found.declarations["doc_discrepancies"].notna().any()),
        "manifest": bool(found.declarations["link_discrepancies"].notna().any()),
        "manifest_discrepancies": manifest,
    }
