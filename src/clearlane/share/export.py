"""Export declarations and control results for sharing (`clearlane export`, docs/export.md).

The export streams from the store into ClearLane's own JSON Lines formats, so a partner reads
it with ``read_frame`` or loads it with ``clearlane ingest``:

* ``declarations.jsonl``: the **latest version** of each declaration whose date is in the
  period (what :func:`clearlane.store.frames.load_items_frame` trains on); the version number is
  kept, so an amended declaration is still recognisable as one.
* ``controls.jsonl``: every control result of those declarations.
* ``manifest.json``: counts, period, method, the key's fingerprint, file hashes. Written last:
  a directory without a manifest is an unfinished export.

The stored ``original`` text is never exported: it is the record exactly as received, with
every identifier and name in it, and the normalised record carries the same content.

The store is append-only, so bounding every query by the highest row ids seen at the start
gives one consistent snapshot on SQLite and PostgreSQL alike, even while an ingest runs.
Records stream in storage order: a date order would make the database sort them all first.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

import orjson
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from clearlane import __version__
from clearlane.audit.chain import append
from clearlane.share.pseudonymise import (
    DEFAULT_ATTRIBUTES,
    METHOD,
    NO_KEY_MESSAGE,
    TOKEN_HEX_DIGITS,
    ExportError,
    Pseudonymiser,
    RecordPseudonymiser,
    describe_rules,
)
from clearlane.store.tables import ControlResultRow, DeclarationRow

try:  # POSIX advisory lock; without it two exports to one directory at once may mix files
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

DECLARATIONS_FILE = "declarations.jsonl"
CONTROLS_FILE = "controls.jsonl"
MANIFEST_FILE = "manifest.json"
FILES = (DECLARATIONS_FILE, CONTROLS_FILE, MANIFEST_FILE)
FORMAT = "clearlane-export"
FORMAT_VERSION = 1
PROGRESS_EVERY = 1000
YIELD_PER = 500  # rows buffered per fetch: parsed JSON is large, memory stays flat

ExportProgress = Callable[[int, int], None]  # (records written so far, records to write)

NOT_EXPORTED = (
    "declarations.original: the record exactly as received, with every identifier and name "
    "in it (the normalised record carries the same content)",
    "earlier versions of amended declarations (the latest version is exported)",
    "quarantined records, ingest batches, source file names and locations, stored warnings",
)


@dataclass
class ExportSummary:
    """What an export wrote. ``*_selected`` are counted in the store before writing and must
    equal ``*_written`` (:attr:`reconciles`): nothing is dropped silently."""

    out_dir: Path
    pseudonymised: bool
    key_fingerprint: str | None
    since: date | None
    until: date | None
    created_at: datetime
    declarations_selected: int = 0
    declarations_written: int = 0
    goods_items_written: int = 0
    controls_selected: int = 0
    controls_written: int = 0
    controls_not_exported: int = 0  # their declaration is outside the period or not stored
    first_date: date | None = None
    last_date: date | None = None
    removed: Counter[str] = field(default_factory=Counter)
    attributes_removed: Counter[str] = field(default_factory=Counter)
    files: dict[str, str] = field(default_factory=dict)  # name -> sha256
    seconds: float = 0.0

    @property
    def reconciles(self) -> bool:
        return (
            self.declarations_selected == self.declarations_written
            and self.controls_selected == self.controls_written
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "out_dir": str(self.out_dir),
            "pseudonymised": self.pseudonymised,
            "key_fingerprint": self.key_fingerprint,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "created_at": self.created_at.isoformat(),
            "declarations_selected": self.declarations_selected,
            "declarations_written": self.declarations_written,
            "goods_items_written": self.goods_items_written,
            "controls_selected": self.controls_selected,
            "controls_written": self.controls_written,
            "controls_not_exported": self.controls_not_exported,
            "first_date": self.first_date.isoformat() if self.first_date else None,
            "last_date": self.last_date.isoformat() if self.last_date else None,
            "removed": dict(sorted(self.removed.items())),
            "attributes_removed": dict(sorted(self.attributes_removed.items())),
            "files": dict(self.files),
            "reconciles": self.reconciles,
            "seconds": round(self.seconds, 3),
        }


class _Sink:
    """A file written under a temporary name and hashed as it goes; renamed when complete."""

    def __init__(self, final: Path) -> None:
        self.final = final
        self.part = final.with_name(f".{final.name}.part")
        self.handle: IO[bytes] = self.part.open("wb")  # a killed run's part is stale
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self.handle.write(data)
        self.digest.update(data)

    def close(self) -> str:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        return self.digest.hexdigest()

    def discard(self) -> None:
        if not self.handle.closed:
            self.handle.close()
        self.part.unlink(missing_ok=True)


def _queries(
    session: Session, since: date | None, until: date | None
) -> tuple[Select[Any], Select[Any], Select[Any]]:
    """(declarations to export, their control results, all control results), in one snapshot."""
    max_declaration = session.scalar(select(func.max(DeclarationRow.id))) or 0
    max_control = session.scalar(select(func.max(ControlResultRow.id))) or 0
    latest = (
        select(DeclarationRow.reference, func.max(DeclarationRow.version).label("version"))
        .where(DeclarationRow.id <= max_declaration)
        .group_by(DeclarationRow.reference)
        .subquery()
    )
    declarations = select(DeclarationRow.declaration_date, DeclarationRow.normalised).join(
        latest,
        (DeclarationRow.reference == latest.c.reference)
        & (DeclarationRow.version == latest.c.version),
    )
    if since is not None:
        declarations = declarations.where(DeclarationRow.declaration_date >= since)
    if until is not None:
        declarations = declarations.where(DeclarationRow.declaration_date <= until)
    references = declarations.with_only_columns(DeclarationRow.reference)
    every_control = select(ControlResultRow.payload).where(ControlResultRow.id <= max_control)
    controls = every_control.where(ControlResultRow.declaration_reference.in_(references))
    return (
        declarations.order_by(DeclarationRow.id),
        controls.order_by(ControlResultRow.id),
        every_control,
    )


def _count(session: Session, query: Select[Any]) -> int:
    return session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def _stream(session: Session, query: Select[Any]) -> Iterator[Any]:
    return iter(session.execute(query.execution_options(yield_per=YIELD_PER)))


def _line(record: dict[str, Any]) -> bytes:
    return orjson.dumps(record) + b"\n"


def _check_out_dir(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(f"{out_dir} exists and is not a directory. Nothing was written.")
    in_the_way = [out_dir / name for name in FILES if (out_dir / name).exists()]
    if in_the_way:
        raise ExportError(
            f"{in_the_way[0]} already exists: remove the earlier export or choose another "
            "output directory. Nothing was written."
        )


@contextlib.contextmanager
def _directory_lock(out_dir: Path) -> Iterator[None]:
    """An exclusive ``flock`` on the directory itself (released when the process dies, so a
    killed export never leaves it held): a second export to ``out_dir`` waits for the first
    to finish, then finds its files."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(out_dir, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the lock


def export_declarations(
    session: Session,
    *,
    actor: str,
    out_dir: Path,
    key: bytes | None,
    pseudonymise: bool = True,
    since: date | None = None,
    until: date | None = None,
    progress: ExportProgress | None = None,
    keep_attributes: Collection[str] = DEFAULT_ATTRIBUTES,
) -> ExportSummary:
    """Write ``declarations.jsonl``, ``controls.jsonl`` and ``manifest.json`` to ``out_dir``.

    With ``pseudonymise`` (the default) a ``key`` of at least 16 bytes is required; without
    one :class:`ExportError` is raised before anything is written. ``pseudonymise=False``
    exports the normalised records as stored (personal data included): callers must make the
    user ask for that explicitly (the CLI wants ``--plain``). ``since``/``until`` bound the
    declaration date, inclusive. ``keep_attributes`` names the source-specific attributes
    that hold no identifiers (the rest are removed and counted). Raises ExportError when the
    period holds no declaration, or when an earlier export is in the way.

    Reads one snapshot through ``session`` and records the export (``kind="export"``, by
    ``actor``) in the audit trail in the same transaction, which it commits before the files
    are renamed into place: an export on disk always has its audit entry. A refusal writes
    neither files nor an entry.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    if since is not None and until is not None and since > until:
        raise ExportError(f"the period is empty: since {since} is after until {until}")
    transform: RecordPseudonymiser | None = None
    if pseudonymise:
        if key is None:
            raise ExportError(NO_KEY_MESSAGE)
        transform = RecordPseudonymiser(Pseudonymiser(key), keep_attributes)
    _check_out_dir(out_dir)
    summary = ExportSummary(
        out_dir=out_dir,
        pseudonymised=transform is not None,
        key_fingerprint=transform.p.fingerprint if transform else None,
        since=since,
        until=until,
        created_at=datetime.now(UTC),
    )
    declarations, controls, every_control = _queries(session, since, until)
    summary.declarations_selected = _count(session, declarations)
    summary.controls_selected = _count(session, controls)
    summary.controls_not_exported = _count(session, every_control) - summary.controls_selected
    if summary.declarations_selected == 0:
        period = f" dated {since or 'any time'} to {until or 'now'}" if since or until else ""
        raise ExportError(f"the store holds no declarations{period}: nothing to export")
    total = summary.declarations_selected + summary.controls_selected
    if progress:
        progress(0, total)
    created_dir = not out_dir.exists()
    out_dir.mkdir(parents=True, exist_ok=True)
    sinks: list[_Sink] = []
    with _directory_lock(out_dir):
        try:
            # again under the lock: another export to this directory may have finished meanwhile
            # (both used to pass the check above, write the same part files and rename them)
            _check_out_dir(out_dir)
            sinks = [_Sink(out_dir / name) for name in FILES]
            decl_sink, control_sink, manifest_sink = sinks
            done = 0
            for declared, record in _stream(session, declarations):
                out = transform.declaration(record) if transform else record
                decl_sink.write(_line(out))
                summary.declarations_written += 1
                summary.goods_items_written += len(record.get("items") or ())
                if summary.first_date is None:
                    summary.first_date = declared
                summary.last_date = declared
                done += 1
                if progress and done % PROGRESS_EVERY == 0:
                    progress(done, total)
            for (payload,) in _stream(session, controls):
                control_sink.write(_line(transform.control(payload) if transform else payload))
                summary.controls_written += 1
                done += 1
                if progress and done % PROGRESS_EVERY == 0:
                    progress(done, total)
            if not summary.reconciles:  # an invariant of the snapshot; say so if it ever breaks
                raise ExportError(
                    f"counts do not reconcile: selected {summary.declarations_selected} "
                    f"declarations / {summary.controls_selected} control results, wrote "
                    f"{summary.declarations_written} / {summary.controls_written}"
                )
            if transform is not None:
                summary.removed = transform.removed
                summary.attributes_removed = transform.attributes_removed
            summary.files = {DECLARATIONS_FILE: decl_sink.close()}
            summary.files[CONTROLS_FILE] = control_sink.close()
            summary.seconds = time.perf_counter() - started
            manifest = _manifest(summary, sorted(keep_attributes))
            manifest_sink.write(orjson.dumps(manifest, option=orjson.OPT_INDENT_2) + b"\n")
            manifest_sink.close()
            append(
                session,
                kind="export",
                actor=actor,
                subject=f"export:{out_dir.name}",
                payload={"out": str(out_dir), **summary.as_dict()},
            )
            session.commit()
            for sink in sinks:  # the manifest last: its presence means the export is complete
                os.replace(sink.part, sink.final)
        except BaseException:
            session.rollback()
            for sink in sinks:
                sink.discard()
            if created_dir and out_dir.is_dir() and not any(out_dir.iterdir()):
                out_dir.rmdir()
            raise
    if progress:
        progress(total, total)
    return summary


def _manifest(summary: ExportSummary, keep_attributes: list[str]) -> dict[str, Any]:
    counts = summary.as_dict()
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": counts["created_at"],
        "clearlane_version": __version__,
        "versions": "latest version of each declaration",
        "period": {
            "since": counts["since"],
            "until": counts["until"],
            "first_declaration_date": counts["first_date"],
            "last_declaration_date": counts["last_date"],
        },
        "counts": {
            name: counts[name]
            for name in (
                "declarations_selected",
                "declarations_written",
                "goods_items_written",
                "controls_selected",
                "controls_written",
                "controls_not_exported",
            )
        },
        "files": {
            DECLARATIONS_FILE: {
                "records": summary.declarations_written,
                "sha256": summary.files[DECLARATIONS_FILE],
                "format": "ClearLane declaration JSON Lines (docs/formats.md)",
            },
            CONTROLS_FILE: {
                "records": summary.controls_written,
                "sha256": summary.files[CONTROLS_FILE],
                "format": "ClearLane control-result JSON Lines (docs/formats.md)",
            },
        },
        "not_exported": list(NOT_EXPORTED),
    }
    if summary.pseudonymised:
        manifest["pseudonymisation"] = {
            "method": METHOD,
            "token": (
                f"prefix + first {TOKEN_HEX_DIGITS} hex digits (upper case) of "
                "HMAC-SHA256(key, domain || 0x00 || value)"
            ),
            "containers": (
                "keyed stand-ins shaped as ISO 6346 numbers (valid check digit, original "
                "category letter); not real containers"
            ),
            "key_fingerprint": summary.key_fingerprint,
            "key_fingerprint_method": (
                "first 16 hex digits of SHA-256(HMAC-SHA256(key, fixed label)); "
                "equal fingerprints mean tokens can be joined across exports"
            ),
            "rules": describe_rules(),
            "attributes_kept": keep_attributes,
            "removed_values": counts["removed"],
            "attributes_removed": counts["attributes_removed"],
        }
    else:
        manifest["pseudonymisation"] = None
        manifest["warning"] = (
            "not pseudonymised: trader identifiers, names and other personal data are included"
        )
    return manifest


__all__ = ["FILES", "ExportError", "ExportSummary", "export_declarations"]
