"""Ingest a file into the store: read, validate, quarantine, store; counts always reconcile.

Records are committed in chunks of ``ingest_batch_size`` declarations, one transaction per
chunk, together with the batch's running counts: a process killed mid-file leaves every chunk
either wholly stored or not at all, and the batch row says how far it got. Running the same
file again stores nothing twice (identical content is recognised by its hash), so a killed
ingest is finished by running it again.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from itertools import compress, repeat
from pathlib import Path
from queue import Empty
from typing import Any, Literal, cast

import orjson
from sqlalchemy import (
    JSON,
    BigInteger,
    Connection,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    SmallInteger,
    String,
    Table,
    bindparam,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit.chain import AuditEvent, append_many
from clearlane.config import get_settings
from clearlane.core.bounds import MAX_INTEGER
from clearlane.core.sequences import chunked
from clearlane.core.validation import Issue, Reason
from clearlane.ingest.ahead import ReadAhead
from clearlane.ingest.batches import mark_interrupted, owner_note
from clearlane.ingest.parse import duplicate_key_issue, parse_records
from clearlane.ingest.prepare import (
    PREPARED_ITEM_KEYS,
    PREPARED_ROW_KEYS,
    WORKER_GC_THRESHOLD,
    Chunk,
    Claims,
    Message,
    Prepared,
    _produce,
    _produce_segments,
    _worker,
    as_chunk,
    prepare_declaration,
)
from clearlane.ingest.readers import guess_format
from clearlane.ingest.readers.base import encoding_problem
from clearlane.ingest.readers.json_reader import (
    record_from_object,
    record_text,
    repeated_key_record,
)
from clearlane.ingest.segments import Segment, csv_segments
from clearlane.store.locks import deadlocked, violated_constraint, write_lock
from clearlane.store.session import open_store
from clearlane.store.tables import (
    ControlResultRow,
    DeclarationRow,
    GoodsItemRow,
    IngestBatch,
    QuarantineRow,
)

Kind = Literal["declarations", "controls"]
ANALYZE_AFTER_RECORDS = 1000  # PostgreSQL statistics are refreshed in ingests this big
# The columns whose statistics an ingest refreshes as it goes: those its look-ups filter on.
ANALYZED = {
    "declarations": ("reference",),
    "control_results": ("content_sha256",),
    "quarantine": ("raw_sha256",),
}
# The statistics target of those ANALYZEs: a sample of 300 x this many rows. The look-ups need
# only the columns' distinct counts (all but unique), which 3,000 rows give as well as 30,000;
# the default's sample read every page of ``declarations`` (4 rows a page) from 7,000 rows on.
ANALYZE_STATISTICS_TARGET = 10
# Core tables for executemany inserts (several times faster than ORM bulk persistence).
DECLARATIONS = cast(Table, DeclarationRow.__table__)
GOODS_ITEMS = cast(Table, GoodsItemRow.__table__)
CONTROLS = cast(Table, ControlResultRow.__table__)
QUARANTINE = cast(Table, QuarantineRow.__table__)
BATCHES = cast(Table, IngestBatch.__table__)
log = logging.getLogger(__name__)
# The columns the writer stores: a chunk's columns (prepare.Chunk), then the version.
DECLARATION_COLUMNS = (*PREPARED_ROW_KEYS, "version")
ITEM_COLUMNS = (*PREPARED_ITEM_KEYS, "version")
_REFERENCE = PREPARED_ROW_KEYS.index("reference")
_SHA = PREPARED_ROW_KEYS.index("content_sha256")
_NORMALISED = PREPARED_ROW_KEYS.index("normalised")
_ORIGINAL = PREPARED_ROW_KEYS.index("original")
_N_ITEMS = PREPARED_ROW_KEYS.index("n_items")
NORMALISED_READY = frozenset({"normalised"})  # the writer binds this column itself
# PostgreSQL: this transaction's commit does not wait for its WAL to reach the disk.
ASYNCHRONOUS_COMMIT = "SET LOCAL synchronous_commit = off"
_PROBE = {"a": [1.5, None, "é"], "version": 2}
# How often a file ingest writes a chunk again after losing a unique key (a declaration's
# (reference, version), a control result's hash) to another writer that committed it
# meanwhile (:meth:`_Writer.write`). A retry holds every other writer of the keys' tables
# back (:func:`_retry_lock`), so one retry is enough; the bound is a backstop.
CONFLICT_RETRIES = 8
# The unique keys another writer can take from a chunk between its look-up and its insert
# (PostgreSQL's constraint names; SQLite names the columns): an IntegrityError on any other
# constraint is no lost race, and writing the chunk again cannot help.
_RACED_CONSTRAINTS = frozenset({"uq_declarations_ref_version", "uq_control_results_content_sha256"})
_RACED_SQLITE = {
    "UNIQUE constraint failed: declarations.reference, declarations.version": (
        "uq_declarations_ref_version"
    ),
    "UNIQUE constraint failed: control_results.content_sha256": (
        "uq_control_results_content_sha256"
    ),
}


def _lost_key(error: IntegrityError) -> bool:
    """Whether ``error`` is a chunk's declaration key or control-result hash stored meanwhile
    by another writer (:meth:`_Writer._retrying`), not another constraint."""
    return violated_constraint(error, _RACED_SQLITE) in _RACED_CONSTRAINTS


def _retry_lock(session: Session, tables: tuple[str, ...]) -> None:
    """Hold back every other writer of ``tables`` until ``session``'s transaction ends: a
    retried chunk (:meth:`_Writer._retrying`) then reads every key stored before it and no
    key can be stored between its read and its insert. SQLite: the database's write lock
    (:func:`write_lock`). PostgreSQL: ``SHARE ROW EXCLUSIVE`` on the tables, which waits for
    the writers in progress and makes the next ones wait (an advisory lock, as before
    2026-12-05, held back only other retries, so a chunk could lose to another writer's
    first attempts again and again, nine times, and its ingest failed); readers do not wait.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.connection().exec_driver_sql(
            f"LOCK TABLE {', '.join(tables)} IN SHARE ROW EXCLUSIVE MODE"
        )
    else:
        write_lock(session, tables[0])


def _json_text(value: Any) -> str:
    """The JSON text the bulk path writes (``clearlane.ingest.bulk``); equal to the store
    engine's serialiser, which the writer checks with ``_PROBE`` before relying on it."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


PARALLEL_MIN_BYTES = 4_000_000  # below this a second process costs more than it saves
# A CSV file this big is cut into parts that the parsing worker and the writer share (the
# writer parses whenever it has nothing to write: it needs less CPU a goods item than the
# worker); with SPLIT_MIN_CORES cores, two workers and the writer.
SPLIT_MIN_BYTES = 8_000_000
SPLIT_MIN_CORES = 3
SEGMENT_BYTES = 4 << 20  # the parts the parsers take in turn
WRITER_AHEAD = 1  # parts the writer may read before their turn (held in memory meanwhile)
READ_AHEAD = 1  # chunks a read-ahead thread may hold ready beside the one being written
MAX_RAW_CHARS = 5_000_000  # a rejected *file* keeps this much text; its sha256 names the rest
MAX_FAILURE_CHARS = 4_000  # of the error a failed batch's message keeps


RecordStatus = Literal["new", "amended", "unchanged", "quarantined"]


@dataclass
class RecordOutcome:
    """What became of one record: stored as a new declaration or a new version (amendment),
    recognised as already stored (unchanged), or quarantined; ``issues`` are the reasons
    (errors) or warnings, each naming its field."""

    location: str
    reference: str | None
    version: int | None
    status: RecordStatus
    issues: list[dict[str, Any]] = field(default_factory=list)
    # The normalised record as stored (version excluded), for new and amended ones written
    # by :func:`ingest_records`: the submit path assesses it without reading it back.
    normalised: dict[str, Any] | None = field(default=None, repr=False, compare=False)
    content_sha256: str | None = field(default=None, repr=False, compare=False)

    @property
    def stored(self) -> bool:
        return self.status != "quarantined"


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
    outcomes: list[RecordOutcome] = field(default_factory=list)  # kept by ingest_records only

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
        for outcome in data["outcomes"]:
            outcome.pop("normalised", None)  # the submit path's, not part of the report
            outcome.pop("content_sha256", None)
        data["reasons"] = dict(self.reasons.most_common())
        data["stored"] = self.stored
        data["reconciles"] = self.reconciles
        return data


def _normalised(
    value: str | dict[str, Any],
    json_version: int,
    version: int,
    serialise: Callable[[Any], Any] | None,
    as_text: bool,
) -> Any:
    """The ``normalised`` column's value of a record stored as ``version``, in the form the
    column's bind processor gives (the writer passes it through as it is). ``value`` is the
    chunk's: the bulk path's JSON text (``json_version`` written in it) or the per-record
    path's dict. ``as_text``: the JSON text the store receives is the engine serialiser's
    (:func:`_json_text_binds`), which the bulk path's text already is, byte for byte: it is
    passed as it is."""
    if isinstance(value, str):  # from the bulk path: JSON text, version included
        if as_text and version == json_version:
            return value
        payload = orjson.loads(value)
    else:
        payload = value
    payload["version"] = version
    return serialise(payload) if serialise is not None else payload


def _json_text_binds(dialect: Any, serialise: Callable[[Any], Any] | None) -> bool:
    """Whether a JSON column may be given the bulk path's JSON text (:func:`_json_text`) in
    place of the dict it encodes: the store then receives the same text. SQLite: the column's
    bind processor gives the engine serialiser's text. psycopg: the processor wraps the dict
    in ``psycopg.types.json.Json``, which the connection dumps with the engine serialiser;
    a ``str`` is sent as the same text (COPY's text format escapes both alike), and a ``json``
    column keeps its input text as it is. Checked on ``_PROBE`` (non-ASCII, a float, None)."""
    if serialise is None:
        return False
    if serialise(_PROBE) == _json_text(_PROBE):
        return True
    if dialect.name == "postgresql" and dialect.driver == "psycopg":
        dumps = getattr(dialect, "_json_serializer", None)
        return dumps is not None and dumps(_PROBE) == _json_text(_PROBE)
    return False


def _copy_types(table: Table, names: Sequence[str]) -> list[str] | None:
    """The PostgreSQL types whose binary form COPY sends for ``names``, or None when a
    column's type is not one of the few the writer knows (then COPY's text format).

    The binary form of each is what the server stores as it is: text for a ``varchar`` or
    ``text`` column, the 8 bytes of a Python float for ``float8``, days and microseconds for
    dates and times. A ``json`` column's binary input is its text (``json_recv`` validates
    and keeps it, as ``json_in`` does), so it is sent as ``text``."""
    types: list[str] = []
    for name in names:
        kind = table.c[name].type
        if isinstance(kind, JSON):
            types.append("text")
        elif isinstance(kind, DateTime):
            types.append("timestamptz" if kind.timezone else "timestamp")
        elif isinstance(kind, Date):
            types.append("date")
        elif isinstance(kind, Float) and not kind.asdecimal:
            types.append("float8")
        elif isinstance(kind, BigInteger):
            types.append("int8")
        elif isinstance(kind, SmallInteger):
            types.append("int2")
        elif isinstance(kind, Integer):
            types.append("int4")
        elif isinstance(kind, String) and not isinstance(kind, Enum):
            types.append("text")
        else:
            return None
    return types


def _json_text_of(value: Any, dumps: Callable[[Any], str]) -> Any:
    """A JSON column's bound value as the text psycopg would send (binary COPY takes the
    text): the ``Json`` wrapper of SQLAlchemy's bind processor dumped with the engine's
    serialiser, as the connection's JSON dumper does; text (:func:`_json_text_binds`) and
    None as they are."""
    from psycopg.types.json import Json  # imported by the psycopg dialect already

    if isinstance(value, Json):
        return dumps(value.obj)
    return value


def _json_texts(values: Sequence[Any], dumps: Callable[[Any], str]) -> list[Any]:
    """:func:`_json_text_of` of each bound value, each object once (a column's None is one
    bound object for every row, see :func:`_bulk_insert`)."""
    texts: dict[int, Any] = {}
    out: list[Any] = []
    for value in values:
        if value.__class__ is not str:
            if id(value) not in texts:
                texts[id(value)] = _json_text_of(value, dumps)
            value = texts[id(value)]
        out.append(value)
    return out


_INT_RANGES = {"int2": 2**15, "int4": 2**31, "int8": 2**63}


def _ints_fit(types: list[str], columns: list[Sequence[Any]], constants: list[Any]) -> bool:
    """Whether every integer bound for an ``int2``/``int4``/``int8`` column is in its type's
    range. psycopg's binary dumpers pack the low bytes of a larger number without a word
    (2**31 as an int4 is -2**31), where text COPY and INSERT get the server's out-of-range
    error; a version one past 2**31 - 1 was stored negative."""
    for position, kind in enumerate(types):
        bound = _INT_RANGES.get(kind)
        if bound is None:
            continue
        if position >= len(columns):
            values: Sequence[Any] = [constants[position - len(columns)]]
        else:
            values = columns[position]
        if None in values:
            values = [v for v in values if v is not None]
        try:
            if values and (min(values) < -bound or max(values) >= bound):
                return False
        except TypeError:  # not numbers: let the server say what is wrong with them
            return False
    return True


#: Up to this many rows, PostgreSQL gets one ``INSERT ... VALUES`` of them instead of a COPY:
#: a COPY costs two round trips (``COPY ... FROM STDIN`` answered, then its end), an INSERT
#: one, and for a few rows the round trips are the cost. An API submission writes one
#: declaration and its goods items: two round trips a submission fewer (session 30).
INSERT_UP_TO = 16


def _copy(
    connection: Connection,
    table: Table,
    names: Sequence[str],
    columns: list[Sequence[Any]],
    constants: dict[str, Any],
) -> None:
    """COPY bound values into ``table`` (psycopg): binary when :func:`_copy_types` knows every
    column (no text to format here, none to parse in the server: about 3 CPU µs a goods
    item less in the two together), else text."""
    listed = [*names, *constants]
    dumps: Callable[[Any], str] | None = getattr(connection.dialect, "_json_serializer", None)
    # Without the engine's serialiser, JSON is dumped by psycopg's own: text COPY sends that.
    types = _copy_types(table, listed) if dumps is not None else None
    if types is not None and not _ints_fit(types, columns, list(constants.values())):
        types = None  # text COPY: the server refuses the number instead of storing it wrapped
    if types is not None and dumps is not None:
        for position, name in enumerate(listed):
            if not isinstance(table.c[name].type, JSON):
                continue
            if position >= len(names):
                constants[name] = _json_text_of(constants[name], dumps)
            else:
                columns[position] = _json_texts(columns[position], dumps)
    rows = zip(*columns, *map(repeat, constants.values()), strict=False)  # repeat: endless
    quote = connection.dialect.identifier_preparer.quote
    if len(columns[0]) <= INSERT_UP_TO:
        # the same values, bound as COPY's would be (JSON as its text), in one statement
        few = list(rows)
        marks = "(" + ", ".join(["%s"] * len(listed)) + ")"
        connection.exec_driver_sql(
            f"INSERT INTO {table.name} ({', '.join(quote(name) for name in listed)}) "
            f"VALUES {', '.join([marks] * len(few))}",
            tuple(value for row in few for value in row),
        )
        return
    statement = f"COPY {table.name} ({', '.join(quote(name) for name in listed)}) FROM STDIN"
    raw = connection.connection.driver_connection
    dbapi = connection.dialect.loaded_dbapi
    try:
        with raw.cursor() as cursor:  # type: ignore[union-attr]
            with cursor.copy(statement + (" (FORMAT BINARY)" if types is not None else "")) as copy:
                if types is not None:
                    copy.set_types(types)
                for row in rows:
                    copy.write_row(row)
    except dbapi.Error as error:
        # As SQLAlchemy raises a statement's errors (psycopg's bypassed here): a unique key
        # lost to a concurrent writer is an IntegrityError, which callers handle as such
        # (an API submission's conflict), not psycopg's UniqueViolation.
        raise DBAPIError.instance(
            statement, None, error, dbapi.Error, dialect=connection.dialect
        ) from error


def _bulk_insert(
    connection: Connection,
    table: Table,
    names: Sequence[str],
    columns: Sequence[Sequence[Any]],
    constants: Mapping[str, Any] | None = None,
    *,
    ready: frozenset[str] = frozenset(),
) -> None:
    """Insert rows given as ``columns`` (one sequence per name in ``names``, all as long) and
    ``constants`` (one value for every row): COPY on PostgreSQL (:func:`_copy`), one
    prepared ``executemany`` on SQLite (and elsewhere). No dict is built per row: the rows
    are the columns zipped.

    Values pass through the columns' own SQLAlchemy bind processors (JSON serialised by the
    engine's serialiser, dates as SQLite stores them), so what is stored is what
    ``connection.execute(insert(table), dicts)`` stores; a constant is processed once, a
    date or time column once per distinct value, a JSON column's None once; ``ready``
    columns are bound already.
    """
    if not columns or not columns[0]:
        return
    constants = dict(constants or {})
    dialect = connection.dialect
    columns = list(columns)
    for position, name in enumerate([*names, *constants]):
        if name in ready:
            continue
        processor = table.c[name].type._cached_bind_processor(dialect)
        if processor is None:
            continue
        if position >= len(names):
            constants[name] = processor(constants[name])
        elif isinstance(table.c[name].type, Date | DateTime):  # few distinct values
            done = {value: processor(value) for value in set(columns[position])}
            columns[position] = list(map(done.__getitem__, columns[position]))
        elif isinstance(table.c[name].type, JSON):  # mostly None (warnings): that once
            none = processor(None)
            columns[position] = [none if v is None else processor(v) for v in columns[position]]
        else:
            columns[position] = list(map(processor, columns[position]))
    if dialect.name == "postgresql" and dialect.driver == "psycopg":
        _copy(connection, table, names, columns, constants)
        return
    rows = list(zip(*columns, *map(repeat, constants.values()), strict=False))  # repeat: endless
    quote = dialect.identifier_preparer.quote
    listed = ", ".join(quote(name) for name in [*names, *constants])
    marks = ", ".join("?" if dialect.paramstyle == "qmark" else "%s" for _ in rows[0])
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({listed}) VALUES ({marks})", rows)


def _control_event(row: dict[str, Any], source: str) -> AuditEvent:
    """The audit entry of one stored control result (same transaction as the row)."""
    return AuditEvent(
        kind="control_result",
        actor=f"ingest:{Path(source).name}",
        subject=f"declaration:{row['declaration_reference']}",
        payload={
            "content_sha256": row["content_sha256"],
            "version": row.get("declaration_version"),
            "control_type": row["control_type"],
            "selection_reason": row["selection_reason"],
            "outcome": row["outcome"],
            "severity": row["severity"],
            "irregularities": row["irregularities"],
            "extra_duty": row["extra_duty"],
            "batch_id": row["batch_id"],
        },
    )


def _now() -> datetime:
    return datetime.now(UTC)


# What no store keeps as text: NUL (PostgreSQL's text columns refuse it) and a lone UTF-16
# surrogate (no UTF-8 encoding: both drivers raise UnicodeEncodeError).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    return "\\x00" if char == "\x00" else f"\\u{ord(char):04x}"


def _needs_escape(text: str) -> bool:
    """Whether ``text`` is not stored as is: it holds a character no store keeps, or what
    :func:`read_back` would read as another (a doubled backslash, ``\\x00``, ``\\udXXX``)."""
    return bool(_UNSTORABLE.search(text)) or ("\\" in text and bool(_READ_BACK.search(text)))


def _storable(text: str) -> str:
    """``text`` as a quarantine row keeps it, such that :func:`read_back` gives ``text``
    again: PostgreSQL's text columns refuse NUL and no store encodes a lone surrogate, so a
    record quarantined for holding one (a file rejected as binary data, a record received
    with such an original, whichever producer let it through) is kept with each NUL written
    ``\\x00``, each lone surrogate ``\\udXXX`` (lower case) and each backslash doubled. A
    text holding none of them is escaped the same way when it holds what reads back (a
    written ``\\\\``, ``\\x00`` or ``\\ud800``), else kept as is: so a record holding a lone
    surrogate and one holding the six characters of its escape are stored apart, and every
    stored text is read back the same way (before, only a text holding a NUL or a surrogate
    was escaped, and the stored text did not say whether it had been)."""
    if not _needs_escape(text):
        return text
    return _UNSTORABLE.sub(_escape, text.replace("\\", "\\\\"))


# What a stored text reads back: a doubled backslash, an escaped NUL, an escaped surrogate.
_READ_BACK = re.compile(r"\\(\\|x00|ud[89a-f][0-9a-f]{2})")


def _unescaped(match: re.Match[str]) -> str:
    code = match[1]
    return "\\" if code == "\\" else "\x00" if code == "x00" else chr(int(code[1:], 16))


def read_back(text: str) -> str:
    """The text a quarantine row's text (:func:`_storable`: its ``raw``, ``source``,
    ``location``, ``reference`` and reasons' texts) was received as: ``\\\\``, ``\\x00``
    and ``\\udXXX`` read back as a backslash, a NUL and that lone surrogate; the rest as is."""
    return _READ_BACK.sub(_unescaped, text) if "\\" in text else text


def _storable_issues(issues: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``issues`` whose texts are :func:`_storable` (the same list when none needs it)."""
    if not any(_needs_escape(str(issue.get(k) or "")) for issue in issues for k in issue):
        return issues
    return [
        {k: _storable(v) if isinstance(v, str) else v for k, v in issue.items()} for issue in issues
    ]


def _sha256(text: str) -> str:
    """The SHA-256 of ``text`` in UTF-8, a lone surrogate as its own three bytes
    (``surrogatepass``: no valid UTF-8 holds them, so the text is not taken for the one that
    holds its escape written out, as ``backslashreplace`` took it before 2026-12-05)."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _message(queue: Any, process: Any, *, wait: bool = True) -> Message | None:
    """A worker's next message (None when ``wait`` is False and none is ready yet)."""
    while True:
        try:
            kind, payload, consumed = queue.get(timeout=5) if wait else queue.get_nowait()
        except Empty:
            if not process.is_alive():
                raise RuntimeError(
                    f"the ingest worker died (exit code {process.exitcode})"
                ) from None
            if not wait:
                return None
            continue
        if kind == "error":
            raise RuntimeError(f"ingest worker failed:\n{payload}")
        return kind, payload, consumed


def _messages(queue: Any, process: Any, until: str) -> Iterator[Message]:
    """A worker's messages up to (not including) one of kind ``until`` ("done", "segment")."""
    while True:
        kind, payload, consumed = cast(Message, _message(queue, process))
        if kind == until:
            if consumed:
                yield "progress", None, consumed
            return
        yield kind, payload, consumed


class _Workers:
    """Parse and validate in worker processes while this process writes: uses both cores.

    One worker reads the whole file, unless the file is cut (``split``: a large CSV file, see
    :func:`ingest_file`): then :func:`csv_segments` cuts it into parts, and the workers and
    (``writer_reads``) this process, the writer, take the next unread part as each comes free
    (:class:`~clearlane.ingest.prepare.Claims`). The writer reads a part only when it has
    nothing to write: the next part in file order is not taken yet, or its worker has
    nothing ready (then the writer reads a later part, at most :data:`WRITER_AHEAD` ahead of
    what it writes). The parts' chunks are yielded in file order. The workers start before
    the file is cut, so the cutting (and the file's hash) overlaps their imports; a file
    that cannot be cut is read whole by the first worker while the others stop."""

    def __init__(
        self,
        args: tuple[Any, ...],
        *,
        workers: int = 1,
        split: bool = False,
        writer_reads: bool = True,
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self.args = args
        self.writer_reads = writer_reads
        self.segments: list[Segment] | None = None
        self.claims = Claims(context) if split else None
        self.workers: list[tuple[Any, Any, Any]] = []
        for n in range(workers):
            queue = context.Queue(maxsize=4)  # bounded: memory stays flat however large the file
            plan = context.Queue(maxsize=1)
            process = context.Process(
                target=_worker,
                args=(queue, args, os.getpid(), plan, self.claims, n + 1),
                daemon=True,
            )
            process.start()
            self.workers.append((queue, process, plan))
        if split:
            path, _fmt, _kind, encoding = args[:4]
            target = max(SEGMENT_BYTES, -(-Path(path).stat().st_size // Claims.CAPACITY))
            try:
                self.segments = csv_segments(path, encoding=encoding, target_bytes=target)
            except BaseException:
                self.stop()
                raise
        if self.segments is None:
            self.workers[0][2].put(None)  # the whole file
            for _, _, plan in self.workers[1:]:
                plan.put([])
        else:
            cast(Claims, self.claims).plan(len(self.segments))
            for _, _, plan in self.workers:
                plan.put(self.segments)

    def __iter__(self) -> Iterator[Message]:
        try:
            if self.segments is None:
                yield from _messages(*self.workers[0][:2], until="done")
            else:
                yield from self._in_file_order(self.segments, cast(Claims, self.claims))
        finally:
            self.stop()

    def _in_file_order(self, segments: list[Segment], claims: Claims) -> Iterator[Message]:
        ahead: dict[int, list[Message]] = {}  # parts read here before their turn
        index = 0
        while index < len(segments):
            if index in ahead:
                yield from ahead.pop(index)
                index += 1
                continue
            reader = claims.reader(index)
            if reader is None and not self.writer_reads:
                if not any(process.is_alive() for _, process, _ in self.workers):
                    raise RuntimeError("the ingest workers died before reading the whole file")
                time.sleep(0.001)  # a worker is between parts: it takes this one next
                continue
            if reader is None:  # nobody took it yet: read it here, writing as it comes
                got = claims.claim(Claims.WRITER)
                if got is None:
                    continue  # a worker took the last ones meanwhile
                messages = self._one(got, segments)
                if got == index:
                    yield from messages
                    index += 1
                else:  # a worker took ``index`` meanwhile
                    ahead[got] = list(messages)
                continue
            if reader == Claims.WRITER:
                raise RuntimeError(f"segment {index} was read here but is missing")
            queue, process, _ = self.workers[reader - 1]
            message = _message(queue, process, wait=False)
            if message is None and self.writer_reads and len(ahead) < WRITER_AHEAD:
                got = claims.claim(Claims.WRITER)
                if got is not None:  # nothing to write yet: read a later part meanwhile
                    ahead[got] = list(self._one(got, segments))
                    continue
            if message is None:
                message = cast(Message, _message(queue, process))
            kind, payload, consumed = message
            if kind == "segment":
                if payload != index:
                    raise RuntimeError(f"worker {reader} sent segment {payload}, not {index}")
                index += 1
                if consumed:
                    yield "progress", None, consumed
            else:
                yield kind, payload, consumed

    def _one(self, index: int, segments: list[Segment]) -> Iterator[Message]:
        """Segment ``index`` read here (claimed already), its end as "progress"."""
        path, _fmt, _kind, encoding, today, batch_size, _bulk = self.args
        claimed = iter([index, None])
        for kind, payload, consumed in _produce_segments(
            path, encoding, today, batch_size, segments, claimed.__next__
        ):
            if kind == "segment":
                if consumed:
                    yield "progress", None, consumed
            else:
                yield kind, payload, consumed

    def stop(self) -> None:
        for _, process, _ in self.workers:
            if process.is_alive():
                process.terminate()
        for _, process, _ in self.workers:
            process.join(timeout=10)


WriteCheck = Callable[[Session, list[str]], None]


class _Writer:
    """Writes one chunk per transaction and keeps the report's counts in step."""

    def __init__(
        self,
        session: Session,
        report: IngestReport,
        source: str,
        kind: str,
        *,
        keep_outcomes: bool = False,
        check: WriteCheck | None = None,
        within_file: bool = False,
    ) -> None:
        self.check = check
        # A KCS file's declarations: look for the twin an older reader stored without the
        # leading zeros of its Declaration ID (:meth:`_unpadded_twins`).
        self.unpadded_twins = False
        # The (reference, version) keys seen so far in the file, when the writer checks for
        # duplicates within it (a file parsed by two workers, each seeing only its parts).
        self.seen: set[tuple[str, int | None]] | None = set() if within_file else None
        self.session = session
        self.report = report
        self.source = source
        self.kind = kind
        self.chunks = 0
        self.keep_outcomes = keep_outcomes
        # Extra values for the batch row's count update (the end of a one-chunk batch:
        # status and finish time in the same UPDATE instead of a second one).
        self.closing: dict[str, Any] = {}
        # PostgreSQL: commit chunks that write no audit entry without waiting for the WAL
        # flush (``SET LOCAL synchronous_commit = off``). Each chunk is still one transaction
        # with its batch counts, so a server crash loses whole chunks at most (the last few
        # hundred milliseconds' worth), never part of one; the caller's next synchronous
        # commit (the batch's close) flushes them all.
        self.asynchronous_commits = False
        # Write a chunk again when it loses a unique key to a concurrent writer (a file
        # ingest: :meth:`_retrying`); not for an API submission, whose first chunk holds its
        # batch row and whose caller answers such a loss as a conflict (409).
        self.retry_conflicts = False

    def _outcome(
        self,
        location: str,
        reference: str | None,
        issues: list[dict[str, Any]],
        status: RecordStatus,
        version: int | None,
        normalised: Any = None,
        sha: str | None = None,
    ) -> None:
        if self.keep_outcomes:
            self.report.outcomes.append(
                RecordOutcome(
                    location,
                    reference,
                    version,
                    status,
                    issues,
                    normalised if isinstance(normalised, dict) else None,
                    sha,
                )  # fmt: skip
            )

    def quarantine(self, records: list[Prepared], batch_id: int, now: datetime) -> None:
        rows = [
            {
                "batch_id": batch_id,
                "kind": self.kind,
                "source": _storable(self.source)[:1024],  # as the batch's
                "location": _storable(p.location)[:1024],
                "reference": _storable(p.reference)[:256] if p.reference else None,
                "reason_codes": ",".join(
                    sorted({i["reason"] for i in p.issues if i["severity"] == "error"})
                )[:1024],
                "reasons": _storable_issues(p.issues),
                "raw": _storable(p.original),
                "raw_sha256": _sha256(p.location + "\n" + p.original),  # as read
                "created_at": now,
            }
            for p in records
        ]
        if not rows:
            return
        # Held to the commit: an ingest running beside this one (the same file twice) reads
        # the hashes after this chunk's rows are committed, not before (both stored them).
        write_lock(self.session, "quarantine")
        known = set(
            self.session.execute(
                select(QuarantineRow.raw_sha256).where(
                    QuarantineRow.raw_sha256.in_([r["raw_sha256"] for r in rows])
                )
            ).scalars()
        )
        fresh = [r for r in rows if r["raw_sha256"] not in known]
        if fresh:
            self.session.connection().execute(insert(QUARANTINE), fresh)
        for record in records:
            self.report.reasons.update(
                {i["reason"] for i in record.issues if i["severity"] == "error"}
            )

    def store_controls(self, rows: list[dict[str, Any]], batch_id: int, now: datetime) -> int:
        """Store control results not stored before; returns how many were new."""
        if not rows:
            return 0
        known = set(
            self.session.execute(
                select(ControlResultRow.content_sha256).where(
                    ControlResultRow.content_sha256.in_([r["content_sha256"] for r in rows])
                )
            ).scalars()
        )
        fresh = []
        for row in rows:
            if row["content_sha256"] not in known:
                fresh.append({**row, "batch_id": batch_id, "recorded_at": now})
                known.add(row["content_sha256"])
        if fresh:
            self.session.connection().execute(insert(CONTROLS), fresh)
            append_many(self.session, [_control_event(row, self.source) for row in fresh])
        return len(fresh)

    def bump_batch(self, batch_id: int, counts: Counter[str]) -> None:
        """Add ``counts`` to the batch row (and ``closing``'s values). A Core ``UPDATE`` on
        the session's connection: the ORM's bulk UPDATE looked for the row among the
        session's objects to synchronise them (half of the writer's CPU in an API
        submission, #15); no object of the batch row is held."""
        values = {
            "add_received": counts["received"],
            "add_stored_new": counts["new"],
            "add_stored_amended": counts["amended"],
            "add_stored_unchanged": counts["unchanged"],
            "add_quarantined": counts["quarantined"],
            "add_controls_stored": counts["controls"],
            "batch_id": batch_id,
        }
        if self.closing:
            statement = _BUMP_AND_CLOSE_BATCH
            values.update({f"closing_{k}": v for k, v in self.closing.items()})
        else:
            statement = _BUMP_BATCH
        self.session.connection().execute(statement, values)

    def _existing_versions(self, references: list[str]) -> dict[str, dict[int, str]]:
        """The stored versions (and their hashes) of ``references``: one plain statement (no
        SQL expression is compiled per chunk), on PostgreSQL for them all, elsewhere for
        every 500."""
        existing: dict[str, dict[int, str]] = {}
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":
            # One array parameter: psycopg parses a statement of 500 placeholders again on
            # every call (too long for its cache), about 3 CPU µs a goods item.
            rows = connection.exec_driver_sql(
                "SELECT reference, version, content_sha256 FROM declarations "
                "WHERE reference = ANY(%b)",  # binary: no quoting pass over the references
                (references,),
            )
            for reference, version, sha in rows:
                existing.setdefault(reference, {})[version] = sha
            return existing
        mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
        for offset in range(0, len(references), 500):
            some = tuple(references[offset : offset + 500])
            rows = connection.exec_driver_sql(
                "SELECT reference, version, content_sha256 FROM declarations "
                f"WHERE reference IN ({', '.join([mark] * len(some))})",
                some,
            )
            for reference, version, sha in rows:
                existing.setdefault(reference, {})[version] = sha
        return existing

    def write(self, chunk: Chunk | list[Prepared], batch_id: int) -> None:
        if self.kind == "controls":
            assert isinstance(chunk, list)
            records = chunk
            self._retrying(lambda locked: self._write_controls(records, batch_id, locked))
        else:
            if not isinstance(chunk, Chunk):
                chunk = as_chunk(chunk)
            self._write_declarations(chunk, batch_id)

    def _retrying(
        self, write: Callable[[bool], None], undo: Callable[[], None] | None = None
    ) -> None:
        """``write(locked)`` once; with :attr:`retry_conflicts`, again (locked) after an
        IntegrityError on a key another writer committed between this chunk's look-up and its
        insert (two ingests of overlapping files at once; :func:`_lost_key`; any other
        constraint is raised at once), or after PostgreSQL failed it to break a deadlock with
        another writer (:func:`~clearlane.store.locks.deadlocked`: two ingests of the same
        declarations in opposite orders, each holding keys the other waits for; the keys are
        not inserted in key order to avoid it, since a declaration's id follows its place in
        the file whatever the chunking or the number of workers: test_shared_parts). The
        failed attempt is rolled back whole (rows, quarantine, batch counts), what it added to
        the report is taken back and ``undo()`` takes back what it added elsewhere (a chunk's
        issues); the next attempt takes :func:`_retry_lock` before its look-up, so it finds
        the rows it lost to, stored: unchanged, a new version, or quarantined as a different
        content at a stored version,
        as if the two ingests had run one after the other."""
        attempt = 0
        while True:
            outcomes = len(self.report.outcomes)
            reasons = self.report.reasons.copy() if self.retry_conflicts else self.report.reasons
            warnings = self.report.warnings
            committed = self.chunks
            try:
                write(attempt > 0)
                return
            except DBAPIError as error:
                # not once the chunk is committed (an error of what follows its commit, the
                # planner statistics' ANALYZE: written again, it was counted twice)
                lost = (
                    self.retry_conflicts
                    and self.chunks == committed
                    and (
                        _lost_key(error) if isinstance(error, IntegrityError) else deadlocked(error)
                    )
                )
                if not lost or attempt >= CONFLICT_RETRIES:
                    raise
                log.info("chunk lost a key or a lock to another writer, writing again: %s", error)
                self.session.rollback()
                del self.report.outcomes[outcomes:]
                self.report.reasons = reasons
                self.report.warnings = warnings
                if undo is not None:
                    undo()
                attempt += 1

    def _write_declarations(self, chunk: Chunk, batch_id: int) -> None:
        if self.seen is not None:  # once: it notes the chunk's keys as seen in the file
            rejected, duplicates = self._duplicates(chunk, self.seen)
        else:
            rejected, duplicates = list(chunk.rejected), set()
        refused: list[int] = []  # the positions an attempt gave a version refusal

        def undo() -> None:  # a failed attempt's refusals (one issue each), taken back
            for i in refused:
                chunk.issues[i].pop()
            refused.clear()

        self._retrying(
            lambda locked: self._store_declarations(
                chunk, batch_id, list(rejected), duplicates, locked, refused
            ),
            undo,
        )

    def _store_declarations(
        self,
        chunk: Chunk,
        batch_id: int,
        rejected: list[Prepared],
        duplicates: set[int],
        locked: bool,
        refused: list[int],
    ) -> None:
        """Store a chunk's declarations as new declarations or versions, recognise those
        already stored, quarantine the rest; one transaction. The version decisions look at
        the chunk's reference, hash and version columns; the rows are inserted column-wise.
        ``locked``: take the declarations' write lock before the look-up (a retry).
        ``refused`` gets the positions whose issues got a version refusal here (an issue
        each, for the caller to take back if the transaction fails)."""
        now = _now()
        counts: Counter[str] = Counter(received=len(chunk))
        references: list[str] = chunk.rows[_REFERENCE]
        shas: list[str] = chunk.rows[_SHA]
        distinct = sorted(set(references))
        if locked:  # a retry: the chunk's controls may have lost their hashes
            _retry_lock(self.session, ("declarations", "control_results"))
        if self.check is not None:  # in this transaction, before the versions are read
            self.check(self.session, distinct)
        existing = self._existing_versions(distinct)
        twins = self._unpadded_twins(chunk, existing, batch_id) if self.unpadded_twins else {}
        keep: list[bool] = []  # stored by this chunk, declaration by declaration
        stored_as: list[int] = []  # the version each is stored as
        controls: list[dict[str, Any]] = []
        outcome = self._outcome

        def refuse(i: int, reference: str, reason: Reason, message: str) -> None:
            """Quarantine declaration ``i`` of the chunk for ``version`` (message after its
            location)."""
            location = chunk.location[i]
            issue = Issue(reason, "version", f"{location}: {message}").as_dict()
            chunk.issues[i].append(issue)
            refused.append(i)
            original = chunk.rows[_ORIGINAL][i]
            rejected.append(Prepared(location, reference, original, chunk.issues[i]))

        # Every declaration new: none of the chunk's references is stored and each comes once
        # (a file's first ingest). Decided here for the whole chunk, the loop's outcome for
        # each at a fraction of its CPU (about 6 µs a declaration in the writer, while the
        # server waits); anything else goes through the loop.
        all_new = not existing and not duplicates and not twins and len(distinct) == len(references)
        if all_new and not self.keep_outcomes:
            keep = [True] * len(references)
            stored_as = list(chunk.version)
            counts["new"] += len(references)
            controls = [row for rows in chunk.controls for row in rows]
            references = []
        for i, (reference, sha, explicit, version) in enumerate(
            zip(references, shas, chunk.explicit, chunk.version, strict=bool(references))
        ):
            keep.append(False)
            stored_as.append(version)
            if i in duplicates:
                continue
            if i in twins:
                refuse(
                    i,
                    reference,
                    Reason.DUPLICATE_REFERENCE,
                    f"declaration {reference!r} is stored as {twins[i]!r}: a KCS reader before "
                    "2026-12-05 dropped the leading zeros of the Declaration ID, and this line "
                    f"was stored under {twins[i]!r} then; not stored a second time (the stored "
                    "declaration and its control result keep their reference)",
                )
                continue
            versions = existing.setdefault(reference, {})
            if explicit:
                if version in versions:
                    if versions[version] == sha:
                        counts["unchanged"] += 1
                        controls.extend(chunk.controls[i])
                        outcome(chunk.location[i], reference, chunk.issues[i], "unchanged", version)
                    else:
                        refuse(
                            i,
                            reference,
                            Reason.DUPLICATE_REFERENCE,
                            f"declaration {reference!r} version {version} is already stored "
                            "with different content; an amendment needs a higher version",
                        )
                    continue
                status: RecordStatus = "amended" if versions else "new"
            elif sha in versions.values():
                counts["unchanged"] += 1
                controls.extend(chunk.controls[i])
                same = max(v for v, known in versions.items() if known == sha)
                outcome(chunk.location[i], reference, chunk.issues[i], "unchanged", same)
                continue
            elif versions:
                version = stored_as[i] = max(versions) + 1
                if version > MAX_INTEGER:  # refused here, as on SQLite, not by PostgreSQL's int4
                    refuse(
                        i,
                        reference,
                        Reason.ABSURD_VALUE,
                        f"declaration {reference!r} is stored at version {version - 1}, the "
                        "highest a version can be; an amendment cannot be numbered after it",
                    )
                    continue
                status = "amended"
            else:
                status = "new"
            counts[status] += 1
            normalised = chunk.rows[_NORMALISED][i] if self.keep_outcomes else None
            outcome(chunk.location[i], reference, chunk.issues[i], status, version, normalised, sha)
            versions[version] = sha
            keep[i] = True
            controls.extend(chunk.controls[i])

        if any(keep):
            self._insert(chunk, keep, stored_as, batch_id, now)
            warned = zip(keep, chunk.issues, strict=True)
            self.report.warnings += sum(1 for k, issues in warned if k and issues)

        self.quarantine(rejected, batch_id, now)
        for record in rejected:
            outcome(record.location, record.reference, record.issues, "quarantined", None)
        counts["controls"] = self.store_controls(controls, batch_id, now)
        counts["quarantined"] = len(rejected)
        self._commit(batch_id, counts)

    def _unpadded_twins(
        self, chunk: Chunk, existing: dict[str, dict[int, str]], batch_id: int
    ) -> dict[int, str]:
        """The chunk's KCS declarations stored already under their Declaration ID without its
        leading zeros (``00123`` as ``123``: the KCS reader before 2026-12-05), by position:
        a reference of digits with leading zeros, not stored itself, whose very line (the
        ``original`` text, which holds ``00123``) an earlier batch stored under the reference
        without the zeros. Another declaration that happens to be numbered ``123`` has another
        line, and is no twin. Only references starting with 0 are looked up."""
        references: list[str] = chunk.rows[_REFERENCE]
        bare = {
            r: r.lstrip("0") or "0"
            for r in set(references)
            if r[:1] == "0" and len(r) > 1 and r.isdigit() and r not in existing
        }
        if not bare:
            return {}
        stored: dict[str, set[str]] = {}
        for reference, original in self.session.execute(
            select(DeclarationRow.reference, DeclarationRow.original).where(
                DeclarationRow.reference.in_(sorted(set(bare.values()))),
                DeclarationRow.original_format == "kcs",
                DeclarationRow.batch_id != batch_id,
            )
        ):
            stored.setdefault(reference, set()).add(original)
        originals: list[str] = chunk.rows[_ORIGINAL]
        return {
            i: bare[r]
            for i, r in enumerate(references)
            if r in bare and originals[i] in stored.get(bare[r], ())
        }

    @staticmethod
    def _duplicates(
        chunk: Chunk, seen: set[tuple[str, int | None]]
    ) -> tuple[list[Prepared], set[int]]:
        """The within-file duplicate check of :func:`parse_records`, record by record in file
        order: a record whose key came earlier in the file gets the same error there. Returns
        the chunk's records to quarantine, in file order, and the positions of the accepted
        ones among them."""
        rejected: list[Prepared] = []
        duplicates: set[int] = set()
        references: list[str] = chunk.rows[_REFERENCE]
        originals: list[str] = chunk.rows[_ORIGINAL]
        others = iter(chunk.rejected)
        a = 0
        for accepted in chunk.accepted:
            if not accepted:
                record = next(others)
                if record.key is not None:
                    if record.key in seen:
                        issue = duplicate_key_issue(record.location, record.key, "file")
                        record.issues.append(issue.as_dict())
                    seen.add(record.key)
                rejected.append(record)
                continue
            reference = references[a]
            key = (reference, chunk.version[a] if chunk.explicit[a] else None)
            if key in seen:
                location = chunk.location[a]
                issues = chunk.issues[a]
                issues.append(duplicate_key_issue(location, key, "file").as_dict())
                rejected.append(Prepared(location, reference, originals[a], issues, key=key))
                duplicates.add(a)
            seen.add(key)
            a += 1
        return rejected, duplicates

    def _insert(
        self, chunk: Chunk, keep: list[bool], stored_as: list[int], batch_id: int, now: datetime
    ) -> None:
        """Insert the kept declarations of ``chunk`` (as ``stored_as`` versions) and their
        goods items, column by column."""
        connection = self.session.connection()
        serialise = DECLARATIONS.c.normalised.type._cached_bind_processor(connection.dialect)
        as_text = _json_text_binds(connection.dialect, serialise)
        n_items: list[int] = chunk.rows[_N_ITEMS]
        if all(keep):
            rows, items, versions = chunk.rows, chunk.items, stored_as
        else:
            rows = [list(compress(column, keep)) for column in chunk.rows]
            item_keep = [k for k, n in zip(keep, n_items, strict=True) for _ in range(n)]
            items = [list(compress(column, item_keep)) for column in chunk.items]
            versions = list(compress(stored_as, keep))
        json_versions = compress(chunk.json_version, keep)
        normalised = [
            _normalised(value, json_version, version, serialise, as_text)
            for value, json_version, version in zip(
                rows[_NORMALISED], json_versions, versions, strict=True
            )
        ]
        rows = [*rows[:_NORMALISED], normalised, *rows[_NORMALISED + 1 :], versions]
        _bulk_insert(
            connection,
            DECLARATIONS,
            DECLARATION_COLUMNS,
            rows,
            {"batch_id": batch_id, "ingested_at": now},
            ready=NORMALISED_READY,
        )
        item_versions = [
            version
            for version, n in zip(versions, compress(n_items, keep), strict=True)
            for _ in range(n)
        ]
        _bulk_insert(connection, GOODS_ITEMS, ITEM_COLUMNS, [*items, item_versions])

    def _write_controls(self, chunk: list[Prepared], batch_id: int, locked: bool) -> None:
        now = _now()
        if locked:  # a retry (:meth:`_retrying`): the hashes are read after the lock is held
            _retry_lock(self.session, ("control_results",))
        rejected = [p for p in chunk if p.sha is None]
        rows = [row for p in chunk if p.sha is not None for row in p.controls]
        self.quarantine(rejected, batch_id, now)
        fresh = self.store_controls(rows, batch_id, now)
        counts = Counter(
            received=len(chunk),
            new=fresh,
            unchanged=len(rows) - fresh,
            quarantined=len(rejected),
            controls=fresh,
        )
        self._commit(batch_id, counts)

    def _commit(self, batch_id: int, counts: Counter[str]) -> None:
        self.bump_batch(batch_id, counts)
        if self.asynchronous_commits and not counts["controls"]:  # no audit entry written
            self.session.connection().exec_driver_sql(ASYNCHRONOUS_COMMIT)
        self.session.commit()
        self.report.received += counts["received"]
        self.report.new += counts["new"]
        self.report.amended += counts["amended"]
        self.report.unchanged += counts["unchanged"]
        self.report.quarantined += counts["quarantined"]
        self.report.controls_stored += counts["controls"]
        self.chunks += 1
        big = self.report.received >= ANALYZE_AFTER_RECORDS  # not the API's few records
        if big and self.chunks & (self.chunks - 1) == 0:  # after chunk 1, 2, 4, 8, ...
            self._refresh_statistics()

    def _refresh_statistics(self) -> None:
        """Keep PostgreSQL's planner statistics in step while the tables grow.

        A table filled from empty has no statistics until autovacuum gets to it; the planner
        then takes the per-chunk ``reference IN (...)`` look-ups for scans of the whole table,
        which makes a large first ingest quadratic. ANALYZE on a doubling schedule costs little
        next to a large ingest, but it costs a quarter of a second: an ingest of fewer than
        :data:`ANALYZE_AFTER_RECORDS` records (an API submission) leaves it to autovacuum.

        Only the columns the writer's own look-ups filter on are analysed (:data:`ANALYZED`):
        the table's size (``reltuples``, ``relpages``) is refreshed by any ANALYZE, and the
        statistics of all 18 columns of ``declarations`` (its long text among them) were 0.15
        of the server's 1.35 CPU s for 20,000 declarations. A column-list ANALYZE does not
        reset the table's count of changes, so autovacuum still analyses every column later.

        They sample :data:`ANALYZE_STATISTICS_TARGET` x 300 rows (``SET LOCAL
        default_statistics_target``), not the default 30,000: an equality look-up's plan
        rests on the column's distinct count, which the smaller sample estimates as well
        (``-1``, every value distinct, for these keys); a sample of the default size read
        every page of ``declarations`` once the table passed 7,000 rows: one ANALYZE of
        ``declarations (reference)`` at 20,000 rows took 133-140 ms, with the smaller sample
        33-35 ms (a busy machine, 2026-12-04). Autovacuum's own ANALYZE later keeps the
        default target for every column.
        """
        connection = self.session.connection()
        if connection.dialect.name != "postgresql":
            return
        connection.exec_driver_sql(
            f"SET LOCAL default_statistics_target = {ANALYZE_STATISTICS_TARGET}"
        )
        for table, columns in ANALYZED.items():
            connection.execute(text(f"ANALYZE {table} ({', '.join(columns)})"))
        if self.asynchronous_commits:  # statistics: nothing to lose that ANALYZE cannot redo
            connection.exec_driver_sql(ASYNCHRONOUS_COMMIT)
        self.session.commit()


# The batch row's count update, built once (an API submission sends one; building it cost more
# than running it): the counts added, and with ``_BUMP_AND_CLOSE_BATCH`` the batch closed.
_COUNTS = ("received", "stored_new", "stored_amended", "stored_unchanged", "quarantined",
           "controls_stored")  # fmt: skip
_BUMP_BATCH = (
    update(BATCHES)
    .where(BATCHES.c.id == bindparam("batch_id"))
    .values({name: BATCHES.c[name] + bindparam(f"add_{name}", type_=Integer) for name in _COUNTS})
)
_BUMP_AND_CLOSE_BATCH = _BUMP_BATCH.values(
    {
        name: bindparam(f"closing_{name}", type_=BATCHES.c[name].type)
        for name in ("status", "finished_at", "message")
    }
)
_INSERT_BATCH = insert(BATCHES).returning(BATCHES.c.id)


def _name_problem(path: Path) -> str | None:
    """Why ``path`` cannot be ingested under its name, or None. A name that is not UTF-8 (a
    Latin-1 name on a Linux disk reaches Python with a lone surrogate for each byte that does
    not decode) can be neither stored as the batch's source and the declarations' locations
    nor printed; refused before a batch is opened, so nothing is half-stored."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        shown = os.fsencode(text).decode("utf-8", "backslashreplace")
        byte = os.fsencode(text[exc.start])
        return (
            f"{shown}: the file name is not UTF-8 (byte 0x{byte.hex()} at character "
            f"{exc.start + 1}); rename the file with a UTF-8 name (for example "
            "`convmv -f latin1 -t utf8 FILE`, or `mv`) and ingest it again; nothing was stored"
        )
    return None


def _open_batch(
    session: Session, *, source: str, source_sha256: str, fmt: str, kind: str, commit: bool = True
) -> int:
    """A new ingest batch row, committed (visible as "running") unless ``commit`` is False:
    then it is only written in the session's transaction, to commit with the first chunk.
    Returns its id. A Core ``INSERT ... RETURNING`` on the session's connection: the ORM's
    unit of work for one row cost an API submission about 0.5 ms of CPU (#15), and nothing
    reads the row back as an object."""
    values = {
        "source": source[:1024],
        "source_sha256": source_sha256,
        "format": fmt,
        "kind": kind,
        "started_at": _now(),
        "status": "running",
        "received": 0,
        "stored_new": 0,
        "stored_amended": 0,
        "stored_unchanged": 0,
        "quarantined": 0,
        "controls_stored": 0,
        "message": owner_note(),  # replaced when closed; names the process while running
    }
    batch_id = int(session.connection().execute(_INSERT_BATCH, values).scalar_one())
    if commit:
        session.commit()
    return batch_id


def _close_batch(session: Session, batch_id: int, status: str, message: str | None) -> None:
    session.execute(
        update(IngestBatch)
        .where(IngestBatch.id == batch_id)
        .values(status=status, finished_at=_now(), message=message)
    )
    session.commit()


def _fail_batch(session: Session, batch_id: int, error: BaseException) -> None:
    """Close the batch of a file ingest that raised: ``failed`` for an error, ``interrupted``
    for KeyboardInterrupt or SystemExit, with what was raised and its notes. The chunk being
    written when it raised is rolled back whole; the chunks committed before it stay stored and
    counted (received = stored + quarantined). The close is a synchronous commit, so on
    PostgreSQL it flushes the chunks committed asynchronously before it, as a normal close
    does. A store that cannot take the close (its connection lost) leaves the batch running,
    for the next ingest to mark interrupted: the caller gets the original error either way."""
    status = "failed" if isinstance(error, Exception) else "interrupted"
    what = " ".join([f"{type(error).__name__}: {error}", *getattr(error, "__notes__", ())])
    try:
        session.rollback()
        _close_batch(session, batch_id, status, f"{status}: {what}"[:MAX_FAILURE_CHARS])
    except Exception:  # noqa: BLE001 - the original error is what the caller must see
        log.warning("ingest batch %s could not be closed as %s", batch_id, status, exc_info=True)


@contextmanager
def _stopping(pool: _Workers | None) -> Iterator[None]:
    """Stop the workers however the ingest ends (an error before their messages are read)."""
    try:
        yield
    finally:
        if pool is not None:
            pool.stop()


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The parsing worker's collection thresholds while a file is written (the writer makes
    short-lived containers by the million, few of them cyclic), the previous ones after."""
    before = gc.get_threshold()
    gc.set_threshold(*WORKER_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _store_in_process(session_factory: sessionmaker[Session]) -> bool:
    """Whether the store is written in this process (SQLite), not by a database server."""
    bind = session_factory.kw.get("bind")
    return bind is None or bind.dialect.name == "sqlite"


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
    workers: int | None = None,
    bulk: bool = True,
    read_ahead: bool | None = None,
) -> IngestReport:
    """Ingest one file; returns the reconciliation (received = stored + quarantined).

    Raises FileNotFoundError or ValueError (unknown format) before anything is written;
    a file that cannot be read as ``fmt`` is not an exception: it is quarantined whole.
    ``workers=1`` parses in a second process (the default for files over a few MB); on
    SQLite, a CSV file (bulk path, declarations) over 8 MB is cut into parts
    (:func:`csv_segments`) that the worker and this process share, this one parsing while it
    has nothing to write. ``workers=2`` shares a CSV file's parts between two processes (and
    this one, on SQLite), whatever its size, the default for CSV files over 8 MB on a machine
    with three cores or more; other files are parsed by one. Unset,
    ``CLEARLANE_INGEST_WORKERS`` decides, then the file's size.
    ``bulk=False`` validates a CSV file record by record (the reference the bulk path,
    :mod:`clearlane.ingest.bulk`, is tested against; same results, several times slower).

    On PostgreSQL the file is parsed in this process unless ``workers`` (or
    ``CLEARLANE_INGEST_WORKERS``) asks for worker processes or the two workers of a CSV file
    over 8 MB on three cores or more apply, and read ahead
    (:class:`~clearlane.ingest.ahead.ReadAhead`): a thread parses the next chunk while this
    one is written, since the server does the work of a write. ``read_ahead`` forces it on
    or off (on any store) where this process parses. Chunks that write no audit entry
    commit asynchronously on PostgreSQL (:attr:`_Writer.asynchronous_commits`); the batch's
    closing commit is synchronous and makes them all durable before this returns. An ingest
    that raises part-way closes its batch as ``failed`` the same way (:func:`_fail_batch`) and
    re-raises, with a note naming the file and the last record, unless one already does.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    fmt = fmt or guess_format(path)
    if kind not in ("declarations", "controls"):
        raise ValueError(f"kind {kind!r} is not one of declarations, controls")
    if problem := encoding_problem(encoding):  # before a batch is opened (else a traceback)
        raise ValueError(f"{path}: {problem}")
    if problem := _name_problem(path):
        raise ValueError(problem)
    settings = get_settings()
    session_factory = session_factory or open_store()
    batch_size = batch_size or settings.ingest_batch_size
    size = path.stat().st_size
    # The writer parses parts too only where it writes in process (SQLite): a PostgreSQL
    # server needs about as much CPU for the rows as the parsing (COPY and its indexes), so
    # there the writer's spare time is the server's.
    writer_reads = _store_in_process(session_factory)
    cuttable = fmt == "csv" and bulk and kind == "declarations"
    if workers is None:
        workers = settings.ingest_workers
    if workers is None:
        # Two workers share a file only if it is cut (a CSV file of declarations); any other
        # file is read by one, which on PostgreSQL is the read-ahead thread below.
        two = cuttable and size >= SPLIT_MIN_BYTES and (os.cpu_count() or 1) >= SPLIT_MIN_CORES
        # PostgreSQL: one reader is a thread of this process (read ahead), not a worker
        # process: the writer mostly waits for the server, and the thread costs no start-up
        # (a spawned interpreter and its imports) and no pickling of the chunks.
        one = size >= PARALLEL_MIN_BYTES and writer_reads
        workers = 2 if two else 1 if one else 0
    shared = workers == 1 and size >= SPLIT_MIN_BYTES and writer_reads
    split = cuttable and (workers >= 2 or shared)
    report = IngestReport(source=str(path), format=fmt, kind=kind)
    started = time.perf_counter()
    args = (path, fmt, kind, encoding, today, batch_size, bulk)
    pool = (
        # A second worker only shares a file that is cut; otherwise one reads it all.
        _Workers(
            args, workers=min(workers, 2) if split else 1, split=split, writer_reads=writer_reads
        )
        if workers
        else None
    )
    messages: Iterator[Message] = iter(pool) if pool is not None else _produce(*args)
    if read_ahead is None:
        read_ahead = not writer_reads
    ahead = (
        ReadAhead(messages, depth=READ_AHEAD, context=str(path), where=_last_location)
        if pool is None and read_ahead
        else None
    )
    with (
        _stopping(pool),
        ahead if ahead is not None else nullcontext(),
        _fewer_collections(),
        session_factory() as session,
    ):
        mark_interrupted(session)  # batches of killed ingests stop showing as running
        batch_id = _open_batch(
            session, source=str(path), source_sha256=file_sha256(path), fmt=fmt, kind=kind
        )
        report.batch_id = batch_id
        within_file = pool is not None and pool.segments is not None
        writer = _Writer(session, report, str(path), kind, within_file=within_file)
        writer.unpadded_twins = fmt == "kcs" and kind == "declarations"
        writer.asynchronous_commits = session.get_bind().dialect.name == "postgresql"
        writer.retry_conflicts = True  # its batch row is committed apart from the chunks
        status = "done"
        last: str | None = None
        try:
            for message, payload, consumed in ahead if ahead is not None else messages:
                if message == "progress":
                    pass
                elif message == "chunk":
                    writer.write(payload, batch_id)
                    last = _last_location((message, payload, consumed)) or last
                else:  # the file as a whole is unreadable: quarantine it whole
                    status = "rejected"
                    reason, text = payload
                    report.rejected_file = text
                    raw = path.read_bytes()[:MAX_RAW_CHARS]
                    raw_text = raw.decode("utf-8", errors="backslashreplace")
                    issue = {"reason": reason, "field": None, "message": text, "severity": "error"}
                    writer.quarantine(
                        [Prepared(f"{path.name}:file", None, raw_text, [issue])], batch_id, _now()
                    )
                    writer._commit(batch_id, Counter(received=1, quarantined=1))
                if progress and consumed:
                    progress(consumed)
        except BaseException as error:
            if not any(str(path) in note for note in getattr(error, "__notes__", ())):
                where = f" (last written: {last})" if last else ""
                error.add_note(f"{path}: raised after {writer.chunks} chunk(s) were written{where}")
            _fail_batch(session, batch_id, error)
            raise
        _close_batch(session, batch_id, status, report.rejected_file)  # synchronous commit
    report.seconds = time.perf_counter() - started
    return report


def _last_location(message: Message) -> str | None:
    """The last record of a chunk message (where a read-ahead error came after)."""
    kind, payload, _ = message
    if kind != "chunk" or not payload:
        return None
    if isinstance(payload, Chunk):
        return payload.location[-1] if payload.location else None
    return cast(list[Prepared], payload)[-1].location


def ingest_records(
    records: Sequence[Mapping[str, Any]],
    *,
    source: str,
    session_factory: sessionmaker[Session] | None = None,
    originals: Sequence[str] | None = None,
    today: date | None = None,
    batch_size: int | None = None,
    check: WriteCheck | None = None,
    repeated: Mapping[int, tuple[str, str]] | None = None,
) -> IngestReport:
    """Ingest declarations received in memory (ClearLane's JSON declaration format), e.g. posted
    to the API: the same validation, versioning, hashing and quarantine as :func:`ingest_file`,
    written by the same code, as one ingest batch named ``source``.

    ``originals`` are the records' texts as received (kept beside the normalised record); by
    default each record's JSON, as a JSON file's records are kept. ``report.outcomes`` says
    what became of each record, in input order. ``check(session, references)`` runs in each
    chunk's transaction before its versions are read (e.g. who owns a reference); what it
    raises rolls the chunk back and propagates.

    ``repeated`` names the records that repeated a key in an object, which the parser that
    read them hid by keeping the last value (index -> the field path and message of
    :func:`clearlane.core.bounds.duplicate_key`): each is quarantined with that reason,
    unvalidated, as a JSON file's record is (:func:`repeated_key_record`).
    """
    if originals is not None and len(originals) != len(records):
        raise ValueError(f"{len(originals)} originals given for {len(records)} records")
    texts = [
        originals[i] if originals is not None else record_text(r) for i, r in enumerate(records)
    ]
    session_factory = session_factory or open_store()
    batch_size = batch_size or get_settings().ingest_batch_size
    locations = [f"{source}:record {i + 1}" for i in range(len(records))]
    repeated = repeated or {}
    raws = [
        repeated_key_record(where, original, record, repeated[i])
        if i in repeated
        else record_from_object(where, original, dict(record))
        for i, (where, original, record) in enumerate(zip(locations, texts, records, strict=True))
    ]
    parsed = parse_records(raws, today=today, within="request")
    prepared = (prepare_declaration(record, "json") for record in parsed)
    report = IngestReport(source=source, format="json", kind="declarations")
    started = time.perf_counter()
    digest = hashlib.sha256()
    for original in texts:
        digest.update(original.encode("utf-8", errors="backslashreplace") + b"\n")
    one_chunk = len(records) <= batch_size
    ready = list(prepared) if one_chunk else []  # validated before the write lock is taken
    with session_factory() as session:
        batch_id = _open_batch(
            session,
            source=source,
            source_sha256=digest.hexdigest(),
            fmt="json",
            kind="declarations",
            commit=not one_chunk,
        )
        report.batch_id = batch_id
        writer = _Writer(session, report, source, "declarations", keep_outcomes=True, check=check)
        if one_chunk:
            # The usual API call: the batch row, the records and the batch's end are written in
            # one transaction (one commit instead of three; all or nothing), the end with the
            # counts (one UPDATE).
            writer.closing = {"status": "done", "finished_at": _now(), "message": None}
            writer.write(ready, batch_id)
        else:
            for chunk in chunked(prepared, batch_size):
                writer.write(chunk, batch_id)
            _close_batch(session, batch_id, "done", None)
    order = {where: i for i, where in enumerate(locations)}
    report.outcomes.sort(key=lambda outcome: order[outcome.location])
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


__all__ = [
    "IngestReport",
    "RecordOutcome",
    "file_sha256",
    "guess_format",
    "ingest_file",
    "ingest_records",
    "store_counts",
]
