"""Ingest a file into the store: read, validate, quarantine, store; counts always reconcile.

Records are committed in chunks of ``ingest_batch_size`` declarations, one transaction per
chunk, together with the batch's running counts: a process killed mid-file leaves every chunk
either wholly stored or not at all, and the batch row says how far it got. Running the same
file again stores nothing twice (identical content is recognised by its hash), so a killed
ingest is finished by running it again.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import Any, Literal, TypeVar

import orjson
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from clearlane.config import get_settings
from clearlane.core.schema import ControlResult, Declaration
from clearlane.core.validation import Issue, Reason
from clearlane.ingest.controls import ParsedControl, parse_controls_file
from clearlane.ingest.parse import ParsedRecord, parse_file
from clearlane.ingest.readers import FileRejected, guess_format
from clearlane.store.session import open_store
from clearlane.store.tables import (
    ControlResultRow,
    DeclarationRow,
    GoodsItemRow,
    IngestBatch,
    QuarantineRow,
)

Kind = Literal["declarations", "controls"]
MAX_RAW_CHARS = 5_000_000  # a rejected *file* keeps this much text; its sha256 names the rest
T = TypeVar("T")


@dataclass
class IngestReport:
    source: str
    format: str
    kind: str
    batch_id: int | None = None
    received: int = 0
    new: int = 0
    amended: int = 0
    unchanged: int = 0
    quarantined: int = 0
    controls_stored: int = 0
    controls_unchanged: int = 0
    warnings: int = 0
    rejected_file: str | None = None
    reasons: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def stored(self) -> int:
        """Records now in the store: new, amended, or already there unchanged."""
        return self.new + self.amended + self.unchanged

    @property
    def reconciles(self) -> bool:
        return self.received == self.stored + self.quarantined

    def summary(self) -> str:
        return f"received {self.received}, stored {self.stored}, quarantined {self.quarantined}"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["reasons"] = dict(self.reasons.most_common())
        data["stored"] = self.stored
        data["reconciles"] = self.reconciles
        return data


def _now() -> datetime:
    return datetime.now(UTC)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="backslashreplace")).hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def normalised_and_hash(declaration: Declaration) -> tuple[dict[str, Any], str]:
    """The normalised JSON and its hash, version excluded: equal hashes, same declaration."""
    payload = declaration.model_dump(mode="json", exclude_none=True)
    version = payload.pop("version")
    sha = hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()
    payload["version"] = version
    return payload, sha


def _chunks(iterable: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _quarantine_row(
    *,
    batch_id: int,
    kind: str,
    source: str,
    location: str,
    reference: str | None,
    issues: Sequence[Issue],
    raw: str,
    now: datetime,
) -> dict[str, Any]:
    codes = sorted({str(i.reason) for i in issues if i.is_error()})
    return {
        "batch_id": batch_id,
        "kind": kind,
        "source": source,
        "location": location[:1024],
        "reference": reference[:256] if reference else None,
        "reason_codes": ",".join(codes)[:1024],
        "reasons": [i.as_dict() for i in issues],
        "raw": raw,
        "raw_sha256": _sha256(location + "\n" + raw),
        "created_at": now,
    }


class _Writer:
    """Writes one chunk per transaction and keeps the report's counts in step."""

    def __init__(self, session: Session, report: IngestReport, source: str, fmt: str) -> None:
        self.session = session
        self.report = report
        self.source = source
        self.fmt = fmt

    def _known_quarantine(self, rows: list[dict[str, Any]]) -> set[str]:
        if not rows:
            return set()
        hashes = [r["raw_sha256"] for r in rows]
        found = self.session.execute(
            select(QuarantineRow.raw_sha256).where(QuarantineRow.raw_sha256.in_(hashes))
        )
        return set(found.scalars())

    def _store_quarantine(self, rows: list[dict[str, Any]]) -> None:
        known = self._known_quarantine(rows)
        fresh = [r for r in rows if r["raw_sha256"] not in known]
        if fresh:
            self.session.connection().execute(insert(QuarantineRow.__table__), fresh)
        for row in rows:
            self.report.reasons.update(row["reason_codes"].split(","))

    def _store_controls(self, controls: list[ControlResult], batch_id: int, now: datetime) -> None:
        if not controls:
            return
        rows = []
        for control in controls:
            payload = control.model_dump(mode="json")
            rows.append(
                {
                    "declaration_reference": control.declaration_reference,
                    "declaration_version": control.declaration_version,
                    "control_type": str(control.control_type),
                    "selection_reason": str(control.selection_reason),
                    "outcome": str(control.outcome),
                    "severity": str(control.severity),
                    "irregularities": [str(i) for i in control.irregularities],
                    "extra_duty": control.extra_duty,
                    "completed_at": control.completed_at,
                    "content_sha256": hashlib.sha256(
                        orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)
                    ).hexdigest(),
                    "payload": payload,
                    "batch_id": batch_id,
                    "recorded_at": now,
                }
            )
        known = set(
            self.session.execute(
                select(ControlResultRow.content_sha256).where(
                    ControlResultRow.content_sha256.in_([r["content_sha256"] for r in rows])
                )
            ).scalars()
        )
        fresh, seen = [], set(known)
        for row in rows:
            if row["content_sha256"] not in seen:
                fresh.append(row)
                seen.add(row["content_sha256"])
        if fresh:
            self.session.connection().execute(insert(ControlResultRow.__table__), fresh)
        self.report.controls_stored += len(fresh)
        self.report.controls_unchanged += len(rows) - len(fresh)

    def _bump_batch(self, batch_id: int, counts: Counter[str]) -> None:
        self.session.execute(
            update(IngestBatch)
            .where(IngestBatch.id == batch_id)
            .values(
                received=IngestBatch.received + counts["received"],
                stored_new=IngestBatch.stored_new + counts["new"],
                stored_amended=IngestBatch.stored_amended + counts["amended"],
                stored_unchanged=IngestBatch.stored_unchanged + counts["unchanged"],
                quarantined=IngestBatch.quarantined + counts["quarantined"],
                controls_stored=IngestBatch.controls_stored + counts["controls"],
            )
        )

    def write_declarations(self, chunk: list[ParsedRecord], batch_id: int) -> None:
        now = _now()
        counts: Counter[str] = Counter(received=len(chunk))
        quarantine: list[dict[str, Any]] = []
        accepted: list[tuple[ParsedRecord, Declaration, str]] = []
        normalised: dict[int, dict[str, Any]] = {}
        for record in chunk:
            if record.accepted and record.declaration is not None:
                payload, sha = normalised_and_hash(record.declaration)
                normalised[id(record)] = payload
                accepted.append((record, record.declaration, sha))
            else:
                quarantine.append(self._quarantine_for(record, batch_id, now))
        existing: dict[str, dict[int, str]] = {}
        references = sorted({decl.reference for _, decl, _ in accepted})
        for offset in range(0, len(references), 500):
            rows = self.session.execute(
                select(
                    DeclarationRow.reference, DeclarationRow.version, DeclarationRow.content_sha256
                ).where(DeclarationRow.reference.in_(references[offset : offset + 500]))
            )
            for reference, version, sha in rows:
                existing.setdefault(reference, {})[version] = sha

        to_insert: list[tuple[ParsedRecord, Declaration, str]] = []
        controls: list[ControlResult] = []
        for record, decl, sha in accepted:
            versions = existing.setdefault(decl.reference, {})
            if record.raw.explicit_version:
                if decl.version in versions:
                    if versions[decl.version] == sha:
                        counts["unchanged"] += 1
                        controls.extend(record.controls)
                    else:
                        issue = Issue(
                            Reason.DUPLICATE_REFERENCE,
                            "version",
                            f"{record.raw.location}: declaration {decl.reference!r} version "
                            f"{decl.version} is already stored with different content; an "
                            "amendment needs a higher version",
                        )
                        record.issues.append(issue)
                        quarantine.append(self._quarantine_for(record, batch_id, now))
                    continue
                counts["amended" if versions else "new"] += 1
            else:
                if sha in versions.values():
                    counts["unchanged"] += 1
                    controls.extend(record.controls)
                    continue
                if versions:
                    decl = decl.model_copy(update={"version": max(versions) + 1})
                    normalised[id(record)]["version"] = decl.version
                    counts["amended"] += 1
                else:
                    counts["new"] += 1
            versions[decl.version] = sha
            to_insert.append((record, decl, sha))
            controls.extend(record.controls)

        if to_insert:
            rows = [
                {
                    "reference": decl.reference,
                    "version": decl.version,
                    "declaration_date": decl.declaration_date,
                    "office": decl.office,
                    "declarant_id": decl.declarant.id,
                    "importer_id": decl.importer.id,
                    "country_dispatch": decl.country_dispatch,
                    "transport_mode": decl.transport_mode,
                    "n_items": len(decl.items),
                    "total_duty": decl.total_duty,
                    "content_sha256": sha,
                    "normalised": normalised[id(record)],
                    "original": record.raw.original,
                    "original_format": self.fmt,
                    "source_location": record.raw.location[:1024],
                    "warnings": [i.as_dict() for i in record.issues] or None,
                    "batch_id": batch_id,
                    "ingested_at": now,
                }
                for record, decl, sha in to_insert
            ]
            # Core inserts (executemany), not ORM bulk: several times faster on large chunks.
            connection = self.session.connection()
            connection.execute(insert(DeclarationRow.__table__), rows)
            items = [
                {
                    "reference": decl.reference,
                    "version": decl.version,
                    "seq": item.seq,
                    "hs_code": item.hs_code,
                    "hs6": item.hs_code[:6],
                    "description": item.description,
                    "origin_country": item.origin_country,
                    "quantity": item.quantity,
                    "quantity_unit": item.quantity_unit,
                    "net_mass_kg": item.net_mass_kg,
                    "gross_mass_kg": item.gross_mass_kg,
                    "item_value": item.item_value,
                    "customs_value": item.customs_value,
                    "duty_rate": item.duty_rate,
                    "duty_amount": item.duty_amount,
                    "tax_amount": item.tax_amount,
                }
                for _, decl, _ in to_insert
                for item in decl.items
            ]
            connection.execute(insert(GoodsItemRow.__table__), items)
            self.report.warnings += sum(1 for record, _, _ in to_insert if record.issues)

        self._store_quarantine(quarantine)
        before = self.report.controls_stored
        self._store_controls(controls, batch_id, now)
        counts["controls"] = self.report.controls_stored - before
        counts["quarantined"] = len(quarantine)
        self._bump_batch(batch_id, counts)
        self.session.commit()
        self.report.received += counts["received"]
        self.report.new += counts["new"]
        self.report.amended += counts["amended"]
        self.report.unchanged += counts["unchanged"]
        self.report.quarantined += counts["quarantined"]

    def write_controls(self, chunk: list[ParsedControl], batch_id: int) -> None:
        now = _now()
        good = [p.control for p in chunk if p.accepted and p.control is not None]
        bad = [p for p in chunk if not p.accepted]
        quarantine = [
            _quarantine_row(
                batch_id=batch_id,
                kind="controls",
                source=self.source,
                location=p.raw.location,
                reference=p.raw.reference,
                issues=p.issues,
                raw=p.raw.original,
                now=now,
            )
            for p in bad
        ]
        self._store_quarantine(quarantine)
        before_new, before_same = self.report.controls_stored, self.report.controls_unchanged
        self._store_controls(good, batch_id, now)
        fresh = self.report.controls_stored - before_new
        same = self.report.controls_unchanged - before_same
        self._bump_batch(
            batch_id,
            Counter(
                received=len(chunk), new=fresh, unchanged=same, quarantined=len(bad), controls=fresh
            ),
        )
        self.session.commit()
        self.report.received += len(chunk)
        self.report.new += fresh
        self.report.unchanged += same
        self.report.quarantined += len(bad)

    def _quarantine_for(self, record: ParsedRecord, batch_id: int, now: datetime) -> dict[str, Any]:
        return _quarantine_row(
            batch_id=batch_id,
            kind="declarations",
            source=self.source,
            location=record.raw.location,
            reference=record.raw.reference,
            issues=record.issues,
            raw=record.raw.original,
            now=now,
        )


def ingest_file(
    path: Path | str,
    fmt: str | None = None,
    *,
    kind: Kind = "declarations",
    encoding: str = "utf-8",
    session_factory: sessionmaker[Session] | None = None,
    batch_size: int | None = None,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest one file; returns the reconciliation (received = stored + quarantined).

    Raises FileNotFoundError or ValueError (unknown format) before anything is written;
    a file that cannot be read as ``fmt`` is not an exception: it is quarantined whole.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    fmt = fmt or guess_format(path)
    session_factory = session_factory or open_store()
    batch_size = batch_size or get_settings().ingest_batch_size
    report = IngestReport(source=str(path), format=fmt, kind=kind)
    started = time.perf_counter()
    with session_factory() as session:
        batch = IngestBatch(
            source=str(path)[:1024],
            source_sha256=file_sha256(path),
            format=fmt,
            kind=kind,
            started_at=_now(),
            status="running",
            received=0,
            stored_new=0,
            stored_amended=0,
            stored_unchanged=0,
            quarantined=0,
            controls_stored=0,
        )
        session.add(batch)
        session.commit()
        report.batch_id = batch.id
        writer = _Writer(session, report, str(path), fmt)
        status = "done"
        try:
            if kind == "controls":
                controls = parse_controls_file(path, fmt, encoding=encoding, progress=progress)
                for control_chunk in _chunks(controls, batch_size):
                    writer.write_controls(control_chunk, batch.id)
            else:
                records = parse_file(path, fmt, encoding=encoding, today=today, progress=progress)
                for record_chunk in _chunks(records, batch_size):
                    writer.write_declarations(record_chunk, batch.id)
        except FileRejected as rejected:
            session.rollback()
            status = "rejected"
            report.rejected_file = rejected.message
            raw = path.read_bytes()[:MAX_RAW_CHARS].decode("utf-8", errors="backslashreplace")
            row = _quarantine_row(
                batch_id=batch.id,
                kind=kind,
                source=str(path),
                location=f"{path.name}:file",
                reference=None,
                issues=[Issue(rejected.reason, None, rejected.message)],
                raw=raw,
                now=_now(),
            )
            writer._store_quarantine([row])
            writer._bump_batch(batch.id, Counter(received=1, quarantined=1))
            report.received += 1
            report.quarantined += 1
        session.execute(
            update(IngestBatch)
            .where(IngestBatch.id == batch.id)
            .values(status=status, finished_at=_now(), message=report.rejected_file)
        )
        session.commit()
    report.seconds = time.perf_counter() - started
    return report


def store_counts(session_factory: sessionmaker[Session] | None = None) -> dict[str, int]:
    """Row counts of the main tables (for summaries and tests)."""
    session_factory = session_factory or open_store()
    with session_factory() as session:
        return {
            "declarations": session.scalar(select(func.count()).select_from(DeclarationRow)) or 0,
            "goods_items": session.scalar(select(func.count()).select_from(GoodsItemRow)) or 0,
            "control_results": session.scalar(select(func.count()).select_from(ControlResultRow))
            or 0,
            "quarantine": session.scalar(select(func.count()).select_from(QuarantineRow)) or 0,
        }


__all__ = ["IngestReport", "file_sha256", "guess_format", "ingest_file", "store_counts"]
