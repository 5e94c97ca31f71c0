"""The append-only, hash-chained audit trail.

Every entry carries the SHA-256 of the previous entry, and its own hash covers its content and
that previous hash, so an entry cannot be edited, removed, slipped in or moved without breaking
the chain from that point on. The one-row ``audit_head`` table is bumped in the same
transaction as each append: it serialises writers (the UPDATE takes the write lock on SQLite
and a row lock on PostgreSQL) and lets :func:`verify` notice entries cut off the end.

What the chain cannot show on its own: someone with write access to the database who rewrites
the whole chain from some point, recomputing every hash. Against that, publish the head
(`clearlane audit head`) or hand it to a third party, and check later with
``verify(head=...)``.

Appends use the caller's session, so an entry commits or rolls back with the change it records.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, cast

import orjson
from sqlalchemy import Integer, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit.guard import GENESIS
from clearlane.errors import DomainError, Invalid, Kind
from clearlane.store.tables import AuditEntryRow, AuditHeadRow

LOG = cast(Table, AuditEntryRow.__table__)
HEAD = cast(Table, AuditHeadRow.__table__)

Problem = Literal[
    "altered", "deleted", "inserted", "reordered", "truncated", "head_unknown", "head_missing"
]


#: Every kind of entry the code writes (the ``kind`` of each ``append`` and ``AuditEvent``), the
#: one list the audit filters (``GET /api/audit``, the UI's ``/audit``) offer and accept.
#: ``tests/audit/test_kinds.py`` scans the code and fails on a kind written but not listed here.
AUDIT_KINDS: tuple[str, ...] = (
    "assessment",
    "decision",
    "control_result",
    "profile_change",
    "model_change",
    "sign_in",
    "user_change",
    "document",
    "message",
    "capacity_change",
    "export",
)


class UnknownAuditKind(Invalid):
    """A filter on an audit entry kind that no code writes (a typo finds nothing, silently)."""

    def __init__(self, kind: str) -> None:
        allowed = ", ".join(AUDIT_KINDS)
        super().__init__(
            f"kind: unknown audit entry kind {kind!r}; one of {allowed}",
            errors=[{"field": "kind", "message": f"unknown audit entry kind; one of {allowed}"}],
        )


def check_kind(kind: str) -> str:
    """``kind`` if it is one of :data:`AUDIT_KINDS`, else :class:`UnknownAuditKind`."""
    if kind not in AUDIT_KINDS:
        raise UnknownAuditKind(kind)
    return kind


class AuditError(DomainError, RuntimeError):
    """The audit trail cannot be written (its head row is missing or inconsistent): the
    stored state forbids the request (a ``conflict``, 409 through the API) until someone
    verifies and repairs the trail."""

    kind: Kind = "conflict"


def canonical(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, NaN as null; the exact text that is hashed."""
    return orjson.dumps(
        value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY
    ).decode()


def entry_hash(
    *, recorded_at: str, kind: str, actor: str, subject: str, payload: str, prev_hash: str
) -> str:
    """SHA-256 over the entry's content and the previous hash (``seq`` is deliberately not
    covered: order is proven by the links, and a renumbered chain is reported separately)."""
    body = canonical([recorded_at, kind, actor, subject, payload, prev_hash])
    return hashlib.sha256(body.encode()).hexdigest()


@dataclass(frozen=True)
class AuditEvent:
    """Something to record: ``kind`` (assessment, decision, control_result, profile_change,
    model_change, login, export, ...), who did it, what it is about, and the details."""

    kind: str
    actor: str
    subject: str
    payload: Mapping[str, Any] = field(default_factory=dict)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


# Built once (every assessment, decision and sign-in appends): the head bumped by ``n`` and
# read, the entries, the head's new hash.
_BUMP_HEAD = (
    update(HEAD)
    .where(HEAD.c.id == 1)
    .values(seq=HEAD.c.seq + bindparam("n", type_=Integer))
    .returning(HEAD.c.seq, HEAD.c.hash)
)
_INSERT_ENTRIES = insert(LOG)
_SET_HEAD_HASH = update(HEAD).where(HEAD.c.id == 1).values(hash=bindparam("head_hash"))


def append_many(session: Session, events: Sequence[AuditEvent]) -> list[int]:
    """Append ``events`` in order; returns their sequence numbers. Commits with ``session``."""
    n = len(events)
    if n == 0:
        return []
    connection = session.connection()
    # One statement bumps the head (taking the lock that serialises writers) and reads it.
    bumped = connection.execute(_BUMP_HEAD, {"n": n}).all()
    if len(bumped) != 1:
        raise AuditError(
            "the audit_head row is missing: the store was not created by its migrations "
            "or the head was removed; run `clearlane audit verify`"
        )
    last, prev = bumped[0]
    first = int(last) - n + 1
    at = _now()
    rows = []
    for i, event in enumerate(events):
        payload = canonical(dict(event.payload))
        digest = entry_hash(
            recorded_at=at,
            kind=event.kind,
            actor=event.actor,
            subject=event.subject,
            payload=payload,
            prev_hash=prev,
        )
        rows.append(
            {
                "seq": first + i,
                "recorded_at": at,
                "kind": event.kind,
                "actor": event.actor,
                "subject": event.subject,
                "payload": payload,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    connection.execute(_INSERT_ENTRIES, rows)
    connection.execute(_SET_HEAD_HASH, {"head_hash": prev})
    return [first + i for i in range(n)]


def append(
    session: Session, *, kind: str, actor: str, subject: str, payload: Mapping[str, Any]
) -> int:
    """Append one entry; returns its sequence number."""
    return append_many(session, [AuditEvent(kind, actor, subject, payload)])[0]


def record(session_factory: sessionmaker[Session], events: Iterable[AuditEvent]) -> list[int]:
    """Append ``events`` in a transaction of their own (for changes stored elsewhere)."""
    with session_factory() as session, session.begin():
        return append_many(session, list(events))


def head(session: Session) -> tuple[int, str]:
    """(sequence number, hash) of the newest entry; (0, GENESIS) for an empty trail."""
    row = session.execute(select(HEAD.c.seq, HEAD.c.hash).where(HEAD.c.id == 1)).one_or_none()
    if row is None:
        raise AuditError(
            "the audit_head row is missing: verify the trail (`clearlane audit verify`, "
            "or POST /api/audit/verify)"
        )
    return int(row[0]), str(row[1])


@dataclass(frozen=True)
class Finding:
    problem: Problem
    seq: int | None
    message: str


@dataclass(frozen=True)
class Verdict:
    ok: bool
    entries: int
    last_seq: int
    last_hash: str
    finding: Finding | None = None
    head_checked: str | None = None

    def summary(self) -> str:
        if self.finding is not None:
            return f"TAMPERED: {self.finding.message}"
        if self.entries == 0:
            return "the audit trail is empty: nothing has been recorded yet, nothing to verify"
        text = f"OK: {self.entries:,} entries, chain intact, head {self.last_seq} {self.last_hash}"
        if self.head_checked:
            text += f"; the published head {self.head_checked[:16]}... is in the chain"
        return text


def _rows(session: Session, batch: int, after: int = 0) -> Iterator[Any]:
    query = select(LOG).where(LOG.c.seq > after).order_by(LOG.c.seq)
    yield from session.execute(query.execution_options(yield_per=batch))


#: How often :func:`verify` reads the entries appended while it read the trail before it
#: calls a head ahead of the chain a truncation (appends go on while it reads a live store).
CATCH_UP_READS = 3


def _recompute(row: Any) -> str:
    return entry_hash(
        recorded_at=row.recorded_at,
        kind=row.kind,
        actor=row.actor,
        subject=row.subject,
        payload=row.payload,
        prev_hash=row.prev_hash,
    )


def _successor_of(session: Session, digest: str) -> int | None:
    """The seq of the entry that links to ``digest`` (the true next entry), if any."""
    found = session.scalar(select(LOG.c.seq).where(LOG.c.prev_hash == digest).limit(1))
    return int(found) if found is not None else None


def _broken_link(
    session: Session, row: Any, last_seq: int, prev: str, before_prev: str | None
) -> Finding:
    """Name what happened where entry ``row`` does not link to the entry before it."""
    successor = _successor_of(session, prev)
    where = f"after entry {last_seq}" if last_seq else "at the start of the chain"
    if successor is not None and successor > row.seq:
        return Finding(
            "reordered",
            row.seq,
            f"entry {row.seq} is out of order: the entry that links to entry {last_seq} is "
            f"stored at position {successor}",
        )
    if before_prev is not None and row.prev_hash == before_prev:
        return Finding(
            "inserted",
            last_seq,
            f"entry {last_seq} was inserted: entry {row.seq} links to the entry before it",
        )
    if row.seq > last_seq + 1:
        missing = (
            f"entry {last_seq + 1}"
            if row.seq == last_seq + 2
            else f"entries {last_seq + 1}..{row.seq - 1}"
        )
        return Finding("deleted", last_seq + 1, f"{missing} deleted {where}")
    return Finding(
        "altered",
        last_seq or row.seq,
        f"entry {row.seq} does not link to entry {last_seq}: entry {last_seq} was altered "
        "(its hash rewritten) or an entry between them was deleted",
    )


def verify(session: Session, *, head_hash: str | None = None, batch: int = 5000) -> Verdict:
    """Walk the chain in sequence order and report the first entry that was altered, deleted,
    inserted or reordered; then check the stored head (truncation) and, if given, that a
    published head is in the chain."""
    prev, before_prev, last_seq, entries = GENESIS, None, 0, 0
    seen_head = head_hash is None
    # The entries are read in one statement and the head in another: an append committed
    # between them (a live store) moves the head past the entries read, which is no
    # truncation. Then the entries after the last one read are read and checked in turn, and
    # the head again, a few times; a head still ahead of the chain after that is a finding.
    rows = _rows(session, batch)
    stored: tuple[int, str] | None = None
    for _ in range(CATCH_UP_READS + 1):
        for row in rows:
            finding = _check_row(session, row, prev, before_prev, last_seq)
            if finding is not None:
                return Verdict(False, entries, last_seq, prev, finding)
            before_prev, prev, last_seq = prev, row.hash, row.seq
            entries += 1
            if not seen_head and row.hash == head_hash:
                seen_head = True
        try:
            stored = head(session)
        except AuditError:
            stored = None
            break
        if stored[0] <= last_seq:
            break
        rows = _rows(session, batch, after=last_seq)
    return _head_verdict(stored, head_hash, seen_head, prev, last_seq, entries)


def _check_row(
    session: Session, row: Any, prev: str, before_prev: str | None, last_seq: int
) -> Finding | None:
    """What is wrong with ``row``, read after entry ``last_seq`` (hash ``prev``), if anything."""
    if _recompute(row) != row.hash:
        return Finding(
            "altered",
            row.seq,
            f"entry {row.seq} ({row.kind}, {row.subject}) was altered: its content "
            "does not match its hash",
        )
    if row.prev_hash != prev:
        return _broken_link(session, row, last_seq, prev, before_prev)
    if row.seq != last_seq + 1:
        return Finding(
            "reordered",
            row.seq,
            f"entry {row.seq} follows entry {last_seq}: the chain links are intact "
            "but the entries were renumbered",
        )
    return None


def _head_verdict(
    stored: tuple[int, str] | None,
    head_hash: str | None,
    seen_head: bool,
    prev: str,
    last_seq: int,
    entries: int,
) -> Verdict:
    """The verdict of a chain read whole and intact up to entry ``last_seq`` (hash ``prev``):
    the ``stored`` head (None: its row is missing) must be that entry, and a published
    ``head_hash`` one of the chain's."""
    if stored is None:
        return Verdict(
            False,
            entries,
            last_seq,
            prev,
            Finding(
                "head_missing",
                None,
                f"the audit_head row is missing (the chain of {entries:,} entries ends at entry "
                f"{last_seq}): it was deleted, so entries cut off the end could not be noticed; "
                "restore the store from a backup or compare with a published head",
            ),
        )
    stored_seq, stored_hash = stored
    if (stored_seq, stored_hash) != (last_seq, prev):
        return Verdict(
            False,
            entries,
            last_seq,
            prev,
            Finding(
                "truncated",
                last_seq + 1 if stored_seq > last_seq else stored_seq,
                f"the chain ends at entry {last_seq} but its head records entry {stored_seq} "
                f"({stored_hash[:16]}...): entries were cut off the end or the head was edited",
            ),
        )
    if not seen_head:
        return Verdict(
            False,
            entries,
            last_seq,
            prev,
            Finding(
                "head_unknown",
                None,
                f"the published head {head_hash} is not in the chain of {entries:,} entries: "
                "entries up to it were altered, removed, or it is not this trail's head",
            ),
            head_checked=head_hash,
        )
    return Verdict(True, entries, last_seq, prev, None, head_checked=head_hash)


def _as_dict(row: Any) -> dict[str, Any]:
    """One entry as shown to readers (the payload parsed back from its canonical text)."""
    return {
        "seq": row.seq,
        "recorded_at": row.recorded_at,
        "kind": row.kind,
        "actor": row.actor,
        "subject": row.subject,
        "payload": orjson.loads(row.payload),
        "hash": row.hash,
    }


def trail(session: Session, *, subject: str, limit: int = 500) -> list[dict[str, Any]]:
    """The entries about one subject (e.g. ``declaration:REF``), oldest first."""
    rows = session.execute(
        select(LOG).where(LOG.c.subject == subject).order_by(LOG.c.seq).limit(limit)
    )
    return [_as_dict(r) for r in rows]


def entries(
    session: Session,
    *,
    kind: str | None = None,
    limit: int = 100,
    before: int | None = None,
    subject: str | None = None,
) -> list[dict[str, Any]]:
    """The newest entries (optionally of one kind, about one subject), newest first.

    ``before`` pages back through the trail: only entries with a lower sequence number (pass
    the last ``seq`` of the previous page). A ``kind`` not in :data:`AUDIT_KINDS` is refused
    (:class:`UnknownAuditKind`, naming the allowed kinds).
    """
    query = select(LOG).order_by(LOG.c.seq.desc()).limit(limit)
    if kind:
        query = query.where(LOG.c.kind == check_kind(kind))
    if subject:
        query = query.where(LOG.c.subject == subject)
    if before is not None:
        query = query.where(LOG.c.seq < before)
    return [_as_dict(r) for r in session.execute(query)]
