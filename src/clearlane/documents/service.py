"""Extraction of attached documents, stored beside them (table ``document_extractions``).

:func:`queue_extraction` writes a 'pending' row in the upload's transaction;
:func:`run_extraction` (run in the background after the upload's response) reads the file,
extracts, cross-checks against the declaration's current version (each invoice line's
description against its item's declared HS code too, with :func:`shipped_hs_check`) and stores
the result as 'done' or 'failed' (with the reason). Officers see fields and discrepancies; a
trader only sees :data:`~clearlane.documents.crosscheck.TRADER_MESSAGE` when there is any.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearlane.errors import NotFound
from clearlane.store.files import FileStore
from clearlane.store.tables import DeclarationRow, DocumentExtractionRow, DocumentRow

if TYPE_CHECKING:
    import pandas as pd

    from clearlane.documents.crosscheck import HsCheck, HsVerdict

log = logging.getLogger(__name__)
EXTRACTABLE = {
    "application/pdf",
    "application/xml",
    "text/xml",
    "image/png",
    "image/jpeg",
    "image/tiff",
}


def queue_extraction(session: Session, document: DocumentRow) -> DocumentExtractionRow | None:
    """A 'pending' row for a document that extraction can read (None for other types)."""
    if document.content_type not in EXTRACTABLE:
        return None
    row = DocumentExtractionRow(
        document_id=document.id,
        reference=document.reference,
        status="pending",
        pages=0,
        created_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    return row


def _declaration(session: Session, reference: str) -> dict[str, Any] | None:
    row = session.scalar(
        select(DeclarationRow)
        .where(DeclarationRow.reference == reference)
        .order_by(DeclarationRow.version.desc())
        .limit(1)
    )
    return dict(row.normalised) if row is not None else None


def shipped_hs_check(description: str, declared_code: str) -> HsVerdict | None:
    """The check of ``clearlane hs check`` (:func:`clearlane.hs.api.check`, the shipped model)
    for one invoice line; None when the declared code is not an HS code it knows."""
    from clearlane.hs.api import CodeError, check

    if not description.strip():
        return None
    try:
        (verdict,) = check([(description, declared_code)])
    except CodeError:
        return None
    return verdict


def run_extraction(
    session_factory: Callable[[], Session],
    document_id: int,
    files_dir: Any,
    *,
    hs_check: HsCheck | None = shipped_hs_check,
) -> str:
    """Extract one queued document and store the outcome; returns the final status.

    Never raises for a bad document: the error is stored with the row ('failed'). When the
    HS model cannot be loaded, the invoice is cross-checked without the HS check (logged).
    """
    from clearlane.documents.errors import ExtractionError
    from clearlane.documents.extraction import extract_bytes

    with session_factory() as session:
        row = session.scalar(
            select(DocumentExtractionRow).where(DocumentExtractionRow.document_id == document_id)
        )
        document = session.get(DocumentRow, document_id)
        if row is None or document is None:
            return "missing"
        try:
            data = FileStore(files_dir).read(document.sha256)
            result = extract_bytes(data, document.filename)
        except ExtractionError as exc:
            row.status, row.error = "failed", exc.problem
        except Exception as exc:  # noqa: BLE001 - a background task must record, not crash
            log.exception("extraction of document %s failed", document_id)
            row.status, row.error = "failed", f"{type(exc).__name__}: {exc}"
        else:
            declaration = _declaration(session, document.reference)
            found = _crosscheck(result, declaration, hs_check) if declaration else []
            row.status = "done"
            row.method = result.method
            row.pages = result.pages
            row.seconds = result.seconds
            row.extraction = result.model_dump(mode="json")
            row.discrepancies = [d.model_dump(mode="json") for d in found]
        row.finished_at = datetime.now(UTC)
        session.commit()
        return row.status


def _crosscheck(result: Any, declaration: dict[str, Any], hs_check: HsCheck | None) -> list[Any]:
    from clearlane.documents.crosscheck import crosscheck

    try:
        return crosscheck(result, declaration, hs_check=hs_check)
    except (OSError, ImportError) as exc:  # the HS model missing or unreadable
        if hs_check is None:
            raise
        log.warning("HS check unavailable (%s): cross-checked without it", exc)
        return crosscheck(result, declaration)


def extractions(session: Session, document_ids: Iterable[int]) -> dict[int, DocumentExtractionRow]:
    ids = list(document_ids)
    if not ids:
        return {}
    rows = session.scalars(
        select(DocumentExtractionRow).where(DocumentExtractionRow.document_id.in_(ids))
    )
    return {row.document_id: row for row in rows}


def extraction_of(session: Session, document_id: int) -> DocumentExtractionRow:
    """The extraction of one document; :class:`~clearlane.errors.NotFound` when it has none
    (its type is not one extraction reads)."""
    found = extractions(session, [document_id]).get(document_id)
    if found is None:
        raise NotFound(f"document {document_id}: no extraction (not an invoice format)")
    return found


def stored_discrepancy_facts(
    session: Session, references: Iterable[str] | None = None
) -> pd.DataFrame:
    """:func:`~clearlane.documents.crosscheck.discrepancy_facts` from the stored extractions:
    one row per declaration reference with a finished extraction (all its documents)."""
    from clearlane.documents.crosscheck import Discrepancy, discrepancy_facts

    query = select(DocumentExtractionRow).where(DocumentExtractionRow.status == "done")
    if references is not None:
        query = query.where(DocumentExtractionRow.reference.in_(list(references)))
    found: dict[str, list[Discrepancy]] = {}
    for row in session.scalars(query.order_by(DocumentExtractionRow.id)):
        found.setdefault(row.reference, []).extend(
            Discrepancy.model_validate(d) for d in row.discrepancies or []
        )
    return discrepancy_facts(found)


def attach_demo_invoices(
    session_factory: Callable[[], Session], dataset_dir: Path, references: list[str],
    files_dir: Path, *, seed: int = 0,
    kinds: tuple[str, ...] = ("facturx", "text", "scan-png", "text", "ubl", "text"),
    plants: tuple[str, ...] | None = None,
) -> list[str]:  # fmt: skip
    """Generated invoices attached to stored declarations and read at once (for the demo).

    Returns the final extraction status of each attached document.
    """
    from sqlalchemy import select

    from clearlane.casework import attach_document
    from clearlane.generate.documents import documents_from_dataset
    from clearlane.store.tables import DocumentRow

    # A second demo run attaches nothing new: Factur-X files carry their creation time, so the
    # content-addressed store alone would take them as new documents.
    with session_factory() as session:
        done = set(
            session.scalars(
                select(DocumentRow.reference).where(
                    DocumentRow.reference.in_(references), DocumentRow.uploaded_by == "demo"
                )
            )
        )
    references = [r for r in references if r not in done]
    if not references:
        return []
    from clearlane.generate.documents import PLANTS

    paths = documents_from_dataset(
        dataset_dir, references, dataset_dir / "invoices", seed=seed, kinds=kinds,
        plants=plants or PLANTS,
    )  # fmt: skip
    types = {".pdf": "application/pdf", ".png": "image/png", ".xml": "application/xml"}
    queued: list[int] = []
    with session_factory() as session:
        for path in paths:
            reference = path.stem.split(".")[0]
            document = attach_document(
                session, reference=reference, filename=f"invoice-{path.name}",
                content_type=types[path.suffix], data=path.read_bytes(), uploaded_by="demo",
                files=FileStore(files_dir),
            )  # fmt: skip
            row = queue_extraction(session, document)
            if row is not None:
                queued.append(document.id)
        session.commit()
    return [run_extraction(session_factory, document_id, files_dir) for document_id in queued]
