"""Declaration vs transport document: discrepancies as reason codes with both values.

Checked on each declaration linked to a transport document (``document_links``):

==================  ==========================================================================
MANIFEST_GROSS_MASS  total gross mass differs by more than 5 % and 1 kg
MANIFEST_PACKAGES    total packages differ
MANIFEST_CONTAINERS  the container numbers differ (declared vs on the document)
MANIFEST_CONSIGNEE   importer vs consignee: valid identifiers differ, or names share < half
                     their words (after legal-form and spelling normalisation)
MANIFEST_CONSIGNOR   exporter vs shipper: names share < half their words
MANIFEST_DISPATCH    country of dispatch vs the country of the port of loading (a landlocked
                     country's gateway ports are accepted: ``link/gateways.py``)
MANIFEST_ARRIVAL     declared more than 3 days before the arrival or 90 days after it
==================  ==========================================================================

The list of codes is :data:`clearlane.link.codes.MANIFEST_CODES` (re-exported here as
``CODES``); a discrepancy with any other code is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearlane.link.codes import MANIFEST_CODES
from clearlane.link.gateways import loading_port_fits
from clearlane.link.identifiers import identifier_key
from clearlane.link.normalise import normalise_name
from clearlane.store.tables import DeclarationRow, DocumentLinkRow, TransportDocumentRow

if TYPE_CHECKING:
    import pandas as pd

CODES = MANIFEST_CODES
MASS_TOLERANCE = 0.05
MASS_MIN_KG = 1.0
# document_id: the transport document's row (two carriers' documents may share a number)
COLUMNS = [
    "reference", "code", "field", "declared", "manifest", "document_number", "message",
    "document_id",
]  # fmt: skip


@dataclass(frozen=True)
class Discrepancy:
    code: str
    field: str
    declared: Any
    manifest: Any
    message: str

    def __post_init__(self) -> None:
        if self.code not in MANIFEST_CODES:
            raise ValueError(f"{self.code!r} is not in clearlane.link.codes.MANIFEST_CODES")


def _words(name: str | None) -> set[str]:
    return set(normalise_name(name or "").key.split())


def _names_differ(a: str | None, b: str | None) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) < 0.5


def compare(decl: dict[str, Any], when: date, doc: TransportDocumentRow) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    items = decl.get("items") or []
    gross = sum(float(i.get("gross_mass_kg") or 0) for i in items)
    if doc.gross_mass_kg is not None and gross:
        gap = abs(gross - doc.gross_mass_kg)
        if gap > MASS_MIN_KG and gap > MASS_TOLERANCE * max(gross, doc.gross_mass_kg):
            out.append(
                Discrepancy(
                    "MANIFEST_GROSS_MASS",
                    "gross_mass_kg",
                    round(gross, 3),
                    doc.gross_mass_kg,
                    "gross mass differs from the manifest",
                )
            )
    packages = sum(int(i.get("packages") or 0) for i in items)
    if doc.packages is not None and packages and packages != doc.packages:
        out.append(
            Discrepancy(
                "MANIFEST_PACKAGES",
                "packages",
                packages,
                doc.packages,
                "number of packages differs from the manifest",
            )
        )
    declared = sorted(set(decl.get("containers") or []))
    shown = sorted(set(doc.containers or []))
    if (declared or shown) and declared != shown:
        out.append(
            Discrepancy(
                "MANIFEST_CONTAINERS",
                "containers",
                declared,
                shown,
                "container numbers differ from the manifest",
            )
        )
    parties = doc.parties or {}
    importer, consignee = decl.get("importer") or {}, parties.get("consignee") or {}
    ka = identifier_key(importer.get("id"), importer.get("country")).key
    kb = identifier_key(consignee.get("id"), consignee.get("country")).key
    if (ka and kb and ka != kb) or _names_differ(importer.get("name"), consignee.get("name")):
        out.append(
            Discrepancy(
                "MANIFEST_CONSIGNEE",
                "importer",
                {"name": importer.get("name"), "id": importer.get("id")},
                {"name": consignee.get("name"), "id": consignee.get("id")},
                "the importer is not the manifest's consignee",
            )
        )
    exporter, shipper = decl.get("exporter") or {}, parties.get("shipper") or {}
    if _names_differ(exporter.get("name"), shipper.get("name")):
        out.append(
            Discrepancy(
                "MANIFEST_CONSIGNOR",
                "exporter",
                exporter.get("name"),
                shipper.get("name"),
                "the exporter is not the manifest's shipper",
            )
        )
    dispatch = decl.get("country_dispatch")
    if dispatch and doc.port_of_loading and not loading_port_fits(dispatch, doc.port_of_loading):
        out.append(
            Discrepancy(
                "MANIFEST_DISPATCH",
                "country_dispatch",
                dispatch,
                doc.port_of_loading,
                "the loading port is neither in the dispatch country nor one of its gateways",
            )
        )
    if doc.arrival_date is not None:
        gap = (when - doc.arrival_date).days
        if gap < -3 or gap > 90:
            out.append(
                Discrepancy(
                    "MANIFEST_ARRIVAL",
                    "declaration_date",
                    when.isoformat(),
                    doc.arrival_date.isoformat(),
                    f"declared {gap} days after the arrival",
                )
            )
    return out


def discrepancies(
    session_factory: Callable[[], Session], references: list[str] | None = None
) -> pd.DataFrame:
    """One row per discrepancy of each linked declaration (latest version)."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    with session_factory() as session:
        query = select(DocumentLinkRow.declaration_reference, TransportDocumentRow).join(
            TransportDocumentRow
        )
        if references is not None:
            query = query.where(DocumentLinkRow.declaration_reference.in_(references))
        for reference, doc in session.execute(query):
            latest = session.execute(
                select(DeclarationRow.declaration_date, DeclarationRow.normalised)
                .where(DeclarationRow.reference == reference)
                .order_by(DeclarationRow.version.desc())
                .limit(1)
            ).first()
            if latest is None:
                continue
            for d in compare(latest[1], latest[0], doc):
                rows.append(
                    {
                        "reference": reference,
                        "code": d.code,
                        "field": d.field,
                        "declared": d.declared,
                        "manifest": d.manifest,
                        "document_number": doc.document_number,
                        "message": d.message,
                        "document_id": doc.id,
                    }
                )
    return pd.DataFrame(rows, columns=COLUMNS)
