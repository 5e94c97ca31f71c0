"""Store transport documents: read -> validate -> store or quarantine, N = S + Q.

Uses the declarations' quarantine table and ingest batches (kind ``manifests``); a record
already stored (same normalised content) counts as stored-unchanged, and a bad record already
in the quarantine (same text) counts as quarantined without a second row."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.link.manifests.readers import READERS
from clearlane.link.manifests.validate import validate
from clearlane.store.locks import write_lock
from clearlane.store.tables import IngestBatch, QuarantineRow, TransportDocumentRow

MAX_RAW_CHARS = 100_000
MAX_UNREADABLE_SHOWN = 5


@dataclass
class ManifestReport:
    source: str
    format: str
    received: int = 0
    stored_new: int = 0
    stored_unchanged: int = 0
    quarantined: int = 0
    batch_id: int | None = None
    reasons: dict[str, int] = field(default_factory=dict)
    # where and why records could not be read at all (the first few), for the command to show
    unreadable: list[str] = field(default_factory=list)

    def count(self, reason: str) -> None:
        self.reasons[reason] = self.reasons.get(reason, 0) + 1

    @property
    def balanced(self) -> bool:
        return self.received == self.stored_new + self.stored_unchanged + self.quarantined


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _reference(doc: dict[str, Any] | None) -> str | None:
    number = (doc or {}).get("document_number")
    return str(number)[:256] if number else None


def guess_manifest_format(path: Path) -> str:
    if path.suffix.lower() == ".csv":
        return "csv"
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return "generated"
    return "dcsa"


def ingest_manifests(
    path: Path, fmt: str | None, session_factory: sessionmaker[Session]
) -> ManifestReport:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    fmt = fmt or guess_manifest_format(path)
    if fmt not in READERS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(READERS)}")
    report = ManifestReport(source=str(path), format=fmt)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    now = datetime.now(UTC)
    with session_factory() as session, session.begin():
        # one manifest ingest at a time: it reads the stored hashes, then writes what is new;
        # two runs at once both read them before either wrote, and the later one failed whole
        # on the unique content hash (and quarantined the same bad records again)
        write_lock(session, "manifests")
        batch = IngestBatch(
            source=str(path)[:1024],
            source_sha256=digest,
            format=fmt,
            kind="manifests",
            started_at=now,
            status="running",
            received=0,
            stored_new=0,
            stored_amended=0,
            stored_unchanged=0,
            quarantined=0,
            controls_stored=0,
        )
        session.add(batch)
        session.flush()
        report.batch_id = batch.id
        stored_before = set(session.scalars(select(TransportDocumentRow.content_sha256)))
        quarantined_before = set(
            session.scalars(
                select(QuarantineRow.raw_sha256).where(QuarantineRow.kind == "manifests")
            )
        )
        for where, original, doc, error in READERS[fmt](path):
            report.received += 1
            issues = (
                [{"reason": "UNREADABLE", "field": None, "message": error, "severity": "error"}]
                if error or doc is None
                else validate(doc)
            )
            if issues:
                report.quarantined += 1
                if (error or doc is None) and len(report.unreadable) < MAX_UNREADABLE_SHOWN:
                    report.unreadable.append(f"{where}: {error or 'no record'}")
                for issue in issues:
                    report.count(str(issue["reason"]))
                raw = original[:MAX_RAW_CHARS]
                raw_sha = hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()
                if raw_sha in quarantined_before:
                    continue  # the same bad record again: counted, not stored twice
                quarantined_before.add(raw_sha)
                session.add(
                    QuarantineRow(
                        batch_id=batch.id,
                        kind="manifests",
                        source=str(path)[:1024],
                        location=where[:1024],
                        reference=_reference(doc),
                        reason_codes=",".join(sorted({str(i["reason"]) for i in issues}))[:1024],
                        reasons=issues,
                        raw=raw,
                        raw_sha256=raw_sha,
                        created_at=now,
                    )
                )
                continue
            assert doc is not None
            content = json.dumps(doc, sort_keys=True, ensure_ascii=False)
            sha = hashlib.sha256(content.encode("utf-8")).hexdigest()
            if sha in stored_before:
                report.stored_unchanged += 1
                continue
            stored_before.add(sha)
            session.add(
                TransportDocumentRow(
                    document_number=doc["document_number"],
                    document_type=(doc.get("document_type") or "")[:16] or None,
                    declaration_reference=(doc.get("declaration_reference") or "")[:64] or None,
                    carrier=(doc.get("carrier") or "")[:256] or None,
                    vessel_imo=(doc.get("vessel_imo") or "")[:16] or None,
                    port_of_loading=doc.get("port_of_loading"),
                    port_of_discharge=doc.get("port_of_discharge"),
                    departure_date=_date(doc.get("departure_date")),
                    arrival_date=_date(doc.get("arrival_date")),
                    packages=int(doc["packages"]) if doc.get("packages") is not None else None,
                    gross_mass_kg=doc.get("gross_mass_kg"),
                    containers=list(doc.get("containers") or []),
                    parties=doc.get("parties") or {},
                    normalised=doc,
                    original=original[:MAX_RAW_CHARS],
                    original_format=fmt,
                    content_sha256=sha,
                    batch_id=batch.id,
                    ingested_at=now,
                )
            )
            report.stored_new += 1
        batch.received = report.received
        batch.stored_new = report.stored_new
        batch.stored_unchanged = report.stored_unchanged
        batch.quarantined = report.quarantined
        batch.status, batch.finished_at = "done", datetime.now(UTC)
    return report
