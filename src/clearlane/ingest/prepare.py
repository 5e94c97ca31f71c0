"""Turn a file into chunks of records ready for the store (plain, picklable data).

This module runs in the ingest worker process, so it imports only what parsing and
validation need (no SQLAlchemy, no pandas): the worker starts fast.
"""

from __future__ import annotations

import gc
import hashlib
import os
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from clearlane.core.sequences import chunked
from clearlane.ingest.readers import FileRejected

if TYPE_CHECKING:  # imported where used: they import Pydantic and the schema, which a parsing
    # worker of the bulk CSV path needs only for a per-record declaration (clearlane.ingest.bulk)
    from clearlane.core.schema import ControlResult, Declaration
    from clearlane.ingest.controls import ParsedControl
    from clearlane.ingest.parse import ParsedRecord
from clearlane.ingest.segments import Segment


def normalised_and_hash(declaration: Declaration) -> tuple[dict[str, Any], str]:
    """The normalised JSON and its hash, version excluded: equal hashes, same declaration."""
    payload = declaration.model_dump(mode="json", exclude_none=True)
    version = payload.pop("version")
    sha = hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()
    payload["version"] = version
    return payload, sha


@dataclass(slots=True)
class Prepared:
    """A record made ready for the store: plain data, so a worker process can build it.

    ``sha`` is None for a rejected record; ``row`` and ``items`` lack the version (decided
    against the store) and the batch id.
    """

    location: str
    reference: str | None
    original: str
    issues: list[dict[str, Any]]
    explicit_version: bool = False
    version: int = 1
    sha: str | None = None
    row: dict[str, Any] | None = None
    items: list[dict[str, Any]] = field(default_factory=list)
    controls: list[dict[str, Any]] = field(default_factory=list)
    # The bulk path sends the normalised record as JSON text (``row["normalised"]`` None): a
    # string crosses from the worker process at a fraction of the cost of nested dicts.
    normalised_json: str | None = None
    json_version: int = 0  # the version written into normalised_json
    # (reference, version or None) of a record that validated into a declaration (stored or
    # not): what the within-file duplicate check compares (``parse.parse_records``).
    key: tuple[str, int | None] | None = None


def _utc(value: datetime | None) -> datetime | None:
    """``value`` as an aware UTC time (a naive one is read as UTC)."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def control_row(control: ControlResult) -> dict[str, Any]:
    from clearlane.core.schema.control_result import ADDED_FIELDS

    payload = control.model_dump(mode="json")
    for name in ADDED_FIELDS:  # absent when empty: earlier results keep their hashes
        if payload.get(name) is None:
            payload.pop(name, None)
    return {
        "declaration_reference": control.declaration_reference,
        "declaration_version": control.declaration_version,
        "control_type": str(control.control_type),
        "selection_reason": str(control.selection_reason),
        "outcome": str(control.outcome),
        "severity": str(control.severity),
        "irregularities": [str(i) for i in control.irregularities],
        "extra_duty": control.extra_duty,
        # An instant in UTC: SQLite keeps a time's wall clock and drops its offset, so
        # "10:00+02:00" came back as 10:00 UTC there (08:00 UTC on PostgreSQL), and a naive
        # time was read in the PostgreSQL server's zone; training's point-in-time cutoffs
        # (features.facts.known_by) compare it with UTC times.
        "completed_at": _utc(control.completed_at),
        "content_sha256": hashlib.sha256(
            orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)
        ).hexdigest(),
        "payload": payload,
    }


# The keys of a prepared declaration row and goods item, in the order the writer stores them.
PREPARED_ROW_KEYS = (
    "reference",
    "declaration_date",
    "office",
    "declarant_id",
    "importer_id",
    "country_dispatch",
    "transport_mode",
    "n_items",
    "total_duty",
    "content_sha256",
    "normalised",
    "original",
    "original_format",
    "source_location",
    "warnings",
)
PREPARED_ITEM_KEYS = (
    "reference",
    "seq",
    "hs_code",
    "hs6",
    "description",
    "origin_country",
    "quantity",
    "quantity_unit",
    "net_mass_kg",
    "gross_mass_kg",
    "item_value",
    "customs_value",
    "duty_rate",
    "duty_amount",
    "tax_amount",
)


_NORMALISED = PREPARED_ROW_KEYS.index("normalised")
_N_ITEMS = PREPARED_ROW_KEYS.index("n_items")


@dataclass(slots=True)
class Chunk:
    """Records of a file ready for the store, the accepted declarations as columns.

    What crosses from the parsing worker to the writer: a list per column pickles in a
    fraction of the time of a dict per row, and the writer passes the columns to
    ``executemany`` / ``COPY`` without building a dict per row. ``rejected`` are the records
    for the quarantine (``sha`` None), in file order. The accepted declarations' columns
    follow :data:`PREPARED_ROW_KEYS` (``normalised``: the normalised record as a dict, or the
    bulk path's JSON text with ``json_version`` written in it) and their goods items',
    :data:`PREPARED_ITEM_KEYS` (``n_items`` of each declaration, in order). ``accepted`` says,
    record by record in file order, which list a record is in (chunks are cut by records).
    """

    accepted: list[bool] = field(default_factory=list)
    rejected: list[Prepared] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=lambda: [[] for _ in PREPARED_ROW_KEYS])
    items: list[list[Any]] = field(default_factory=lambda: [[] for _ in PREPARED_ITEM_KEYS])
    location: list[str] = field(default_factory=list)
    issues: list[list[dict[str, Any]]] = field(default_factory=list)  # warnings
    explicit: list[bool] = field(default_factory=list)
    version: list[int] = field(default_factory=list)
    json_version: list[int] = field(default_factory=list)  # 0: ``normalised`` is a dict
    controls: list[list[dict[str, Any]]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.accepted)

    def add(self, record: Prepared) -> None:
        """Append one record (rows and items as dicts, as :func:`prepare_declaration` makes)."""
        if record.sha is None:
            self.accepted.append(False)
            self.rejected.append(record)
            return
        assert record.row is not None
        self.accepted.append(True)
        row = record.row
        for column, key in zip(self.rows, PREPARED_ROW_KEYS, strict=True):
            column.append(row[key])
        if record.normalised_json is not None:
            self.rows[_NORMALISED][-1] = record.normalised_json
        for column, key in zip(self.items, PREPARED_ITEM_KEYS, strict=True):
            column.extend(item[key] for item in record.items)
        self.location.append(record.location)
        self.issues.append(record.issues)
        self.explicit.append(record.explicit_version)
        self.version.append(record.version)
        self.json_version.append(record.json_version if record.normalised_json else 0)
        self.controls.append(record.controls)

    def extend(self, other: Chunk) -> None:
        self.accepted += other.accepted
        self.rejected += other.rejected
        for mine, theirs in zip(self.rows, other.rows, strict=True):
            mine += theirs
        for mine, theirs in zip(self.items, other.items, strict=True):
            mine += theirs
        self.location += other.location
        self.issues += other.issues
        self.explicit += other.explicit
        self.version += other.version
        self.json_version += other.json_version
        self.controls += other.controls

    def split(self, size: int) -> tuple[Chunk, Chunk]:
        """The first ``size`` records and the rest."""
        accepted = sum(self.accepted[:size])
        rejected = size - accepted
        n_items = sum(self.rows[_N_ITEMS][:accepted])

        def part(records: slice, a: slice, r: slice, i: slice) -> Chunk:
            return Chunk(
                self.accepted[records],
                self.rejected[r],
                [column[a] for column in self.rows],
                [column[i] for column in self.items],
                self.location[a],
                self.issues[a],
                self.explicit[a],
                self.version[a],
                self.json_version[a],
                self.controls[a],
            )

        head = part(slice(size), slice(accepted), slice(rejected), slice(n_items))
        tail = part(
            slice(size, None), slice(accepted, None), slice(rejected, None), slice(n_items, None)
        )
        return head, tail

    def prepared(self) -> Iterator[Prepared]:
        """The records as :class:`Prepared`, in file order (rows and items as dicts)."""
        rejected = iter(self.rejected)
        rows = zip(*self.rows, strict=True) if self.location else iter(())
        items = zip(*self.items, strict=True) if self.items[0] else iter(())
        accepted = 0
        for is_accepted in self.accepted:
            if not is_accepted:
                yield next(rejected)
                continue
            a = accepted
            accepted += 1
            row = dict(zip(PREPARED_ROW_KEYS, next(rows), strict=True))
            normalised = row["normalised"]
            text = normalised if isinstance(normalised, str) else None
            if text is not None:
                row["normalised"] = None
            yield Prepared(
                self.location[a],
                row["reference"],
                row["original"],
                self.issues[a],
                self.explicit[a],
                self.version[a],
                row["content_sha256"],
                row,
                [
                    dict(zip(PREPARED_ITEM_KEYS, next(items), strict=True))
                    for _ in range(row["n_items"])
                ],
                self.controls[a],
                text,
                self.json_version[a],
                (row["reference"], self.version[a] if self.explicit[a] else None),
            )


def as_chunk(records: Iterable[Prepared]) -> Chunk:
    chunk = Chunk()
    for record in records:
        chunk.add(record)
    return chunk


def rechunk(parts: Iterable[Chunk], size: int) -> Iterator[Chunk]:
    """``parts`` (in file order) as chunks of ``size`` records (the last may be smaller)."""
    pending = Chunk()
    for part in parts:
        pending.extend(part)
        while len(pending) >= size:
            ready, pending = pending.split(size)
            yield ready
    if len(pending):
        yield pending


def prepare_declaration(record: ParsedRecord, fmt: str) -> Prepared:
    raw = record.raw
    issues = [i.as_dict() for i in record.issues]
    decl = record.declaration
    if decl is None:
        return Prepared(raw.location, raw.reference, raw.original, issues)
    key = (decl.reference, decl.version if raw.explicit_version else None)
    if not record.accepted:
        return Prepared(raw.location, raw.reference, raw.original, issues, key=key)
    payload, sha = normalised_and_hash(decl)
    row = {
        "reference": decl.reference,
        "declaration_date": decl.declaration_date,
        "office": decl.office,
        "declarant_id": decl.declarant.id,
        "importer_id": decl.importer.id,
        "country_dispatch": decl.country_dispatch,
        "transport_mode": decl.transport_mode,
        "n_items": len(decl.items),
        "total_duty": decl.total_duty,
        "content_sha256": sha,
        "normalised": payload,
        "original": raw.original,
        "original_format": fmt,
        "source_location": raw.location[:1024],
        "warnings": issues or None,
    }
    items = [
        {
            "reference": decl.reference,
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
        for item in decl.items
    ]
    return Prepared(
        raw.location,
        decl.reference,
        raw.original,
        issues,
        raw.explicit_version,
        decl.version,
        sha,
        row,
        items,
        [control_row(c) for c in record.controls],
        key=key,
    )


def prepare_control(parsed: ParsedControl) -> Prepared:
    raw = parsed.raw
    issues = [i.as_dict() for i in parsed.issues]
    if not parsed.accepted or parsed.control is None:
        return Prepared(raw.location, raw.reference, raw.original, issues)
    row = control_row(parsed.control)
    return Prepared(
        raw.location,
        raw.reference,
        raw.original,
        issues,
        sha=row["content_sha256"],
        controls=[row],
    )


# --- producing prepared chunks, in this process or in a worker process -------------------

# ("chunk", Chunk (declarations) or [Prepared] (controls), bytes) | ("rejected", (reason, msg), 0)
Message = tuple[str, Any, int]


def _produce(
    path: Path,
    fmt: str,
    kind: str,
    encoding: str,
    today: date | None,
    batch_size: int,
    bulk: bool = True,
) -> Iterator[Message]:
    consumed = 0

    def count(n: int) -> None:
        nonlocal consumed
        consumed += n

    try:
        if kind == "controls":
            from clearlane.ingest.controls import parse_controls_file

            for controls in chunked(
                parse_controls_file(path, fmt, encoding=encoding, progress=count), batch_size
            ):
                yield "chunk", [prepare_control(c) for c in controls], consumed
                consumed = 0
        elif fmt == "csv" and bulk:
            from clearlane.ingest.bulk import BulkCsv

            reader = BulkCsv(path, encoding=encoding, today=today, progress=count)
            for ready in reader.chunks(batch_size):
                yield "chunk", ready, consumed
                consumed = 0
        else:
            from clearlane.ingest.parse import parse_file

            records = parse_file(path, fmt, encoding=encoding, today=today, progress=count)
            for chunk in chunked(records, batch_size):
                yield "chunk", as_chunk(prepare_declaration(r, fmt) for r in chunk), consumed
                consumed = 0
    except FileRejected as rejected:
        yield "rejected", (str(rejected.reason), rejected.message), consumed


class Claims:
    """Which parser reads which segment of a split file: the workers and the writer take the
    next unread segment as they come free (a shared counter), and each segment's reader is
    recorded, so the writer knows whose messages to wait for. Made before the workers start
    (shared memory is passed to a spawned process only then); ``segments`` is set by
    :meth:`plan` once the file is cut."""

    WRITER = 0  # the writing process; worker n is n + 1
    CAPACITY = 1 << 16  # segments at most (the writer makes them larger beyond)

    def __init__(self, context: Any) -> None:
        self.next = context.Value("q", 0)
        self.readers = context.Array("b", self.CAPACITY, lock=False)
        self.count = context.Value("q", 0, lock=False)

    def plan(self, segments: int) -> None:
        self.count.value = segments

    def claim(self, reader: int) -> int | None:
        """The next segment for ``reader`` to read, or None when every one is taken."""
        with self.next.get_lock():
            index = int(self.next.value)
            if index >= self.count.value:
                return None
            self.next.value = index + 1
            self.readers[index] = reader
        return index

    def reader(self, index: int) -> int | None:
        """Who reads segment ``index``, None while nobody has taken it."""
        with self.next.get_lock():
            return int(self.readers[index]) if index < self.next.value else None


def _produce_segments(
    path: Path,
    encoding: str,
    today: date | None,
    batch_size: int,
    segments: list[Segment],
    claim: Callable[[], int | None],
) -> Iterator[Message]:
    """The bulk path over the segments of a CSV file (:func:`csv_segments`) that ``claim``
    hands out (their indexes), each followed by ("segment", index, bytes): the writer takes
    the segments in file order, whoever read them. The within-file duplicate check is the
    writer's."""
    from clearlane.ingest.bulk import BulkCsv

    consumed = 0

    def count(n: int) -> None:
        nonlocal consumed
        consumed += n

    while (index := claim()) is not None:
        reader = BulkCsv(
            path, encoding=encoding, today=today, progress=count, segment=segments[index]
        )
        for ready in reader.chunks(batch_size):
            yield "chunk", ready, consumed
            consumed = 0
        yield "segment", index, consumed
        consumed = 0


# A parsing worker makes many small containers and keeps few: the default collection
# thresholds (700 allocations) had the cyclic collector take about 15 % of its CPU.
WORKER_GC_THRESHOLD = (100_000, 50, 100)


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End this process when the ingest that started it is gone (killed, say): otherwise it
    would wait forever on its full queue, an orphan holding memory."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="clearlane-ingest-parent-watch", daemon=True).start()


def _worker(
    queue: Any,
    args: tuple[Any, ...],
    parent: int | None = None,
    plan: Any = None,
    claims: Claims | None = None,
    reader: int = 1,
) -> None:
    """Put the messages of :func:`_produce` on ``queue``, then ("done", None, 0); given a
    ``plan`` queue, first wait for what to read from it: None, the whole file; a list of
    segments, those that ``claims`` hands this worker (``reader``), by
    :func:`_produce_segments`; an empty list, nothing."""
    if parent is not None:
        _exit_with_parent(parent)
    gc.set_threshold(*WORKER_GC_THRESHOLD)
    try:
        segments = None
        if plan is not None:
            if args[1] == "csv" and args[6]:
                import clearlane.ingest.bulk  # noqa: F401  # while the writer cuts the file

            segments = plan.get()
        if segments is None:
            messages = _produce(*args)
        else:
            path, _fmt, _kind, encoding, today, batch_size, _bulk = args
            take = partial(claims.claim, reader) if segments and claims else lambda: None
            messages = _produce_segments(path, encoding, today, batch_size, segments, take)
        for message in messages:
            queue.put(message)
        queue.put(("done", None, 0))
    except BaseException:  # forwarded to the parent, which raises it
        queue.put(("error", traceback.format_exc(), 0))
