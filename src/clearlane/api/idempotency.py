"""Idempotency keys for the creating routes that no rule of the domain dedupes (a message, a
document): a client that sends the request again with the same ``Idempotency-Key`` header
(a retry after a timeout, a double click, two requests at once) gets the first answer again
instead of a second message or document.

* The header is optional; without it a request creates as before.
* The key is 1 to :data:`MAX_KEY_LENGTH` characters of :data:`KEY_CHARACTERS` (a UUID, a
  ULID, base64), optionally in double quotes (the IETF draft's structured-field string: the
  quotes are not part of the key); anything else, a NUL or a repeated header is 400.
* Keys are scoped per user: two users never share one.
* The first request with a key claims it (its row, without an answer, committed in a short
  transaction of its own), runs, and stores its answer (status and body) with the key in its
  own transaction. A repeat by the same user with the same key and the same request (method,
  path and body as validated) is answered from the stored answer, with
  ``Idempotent-Replayed: true``; nothing is written or audited again. The same key with
  another request is 422 (``idempotency_key_reused``) and changes nothing. A repeat while the
  first is still running is 409 (``idempotency_key_in_progress``, ``Retry-After``), as the
  IETF draft "The Idempotency-Key HTTP Header Field" says; it does not wait.
* Racers: of several requests with one key, the unique constraint
  ``uq_idempotency_keys_user_key`` lets one claim it; the others look again and answer 409
  (or replay, if the first has finished by then). The lookup is a plain read: on SQLite a
  replay does not take the database's write lock, and a racer that loses the claim has
  checked and written no file.
* Only an answer that created something is stored: a refused request (404, 422...) or one
  that failed releases its claim, so a retry with the key is simply tried again.
* A claim is a random token stored with the key (``claim_token``, new at each claim): the
  claiming request completes or releases the key only while the row still holds its token, so a
  claim taken over (abandoned, :data:`ABANDONED_AFTER`) is never completed or released by the
  request that lost it, whatever the clocks read (session 24: matched by ``created_at``, a
  claim made at the same reading of another clock was taken for the first one's). A request
  that loses its claim writes nothing; an upload that wrote its file then removes it unless a
  document names it (``clearlane.casework.documents.discard_unreferenced``).
* Keys expire ``CLEARLANE_IDEMPOTENCY_HOURS`` (24) after they were claimed: an expired key is
  as if never sent (a request with it runs anew, whatever it was sent with before), and each
  new key stored deletes up to :data:`PURGE_BATCH` expired ones.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, TypeVar

import orjson
from fastapi import Depends, Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clearlane.api import cleanup
from clearlane.api.errors import ApiError
from clearlane.config import get_settings
from clearlane.store.locks import violated_constraint
from clearlane.store.tables import IdempotencyKeyRow

logger = logging.getLogger(__name__)

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
MAX_KEY_LENGTH = 255
KEY_CHARACTERS = "ASCII letters, digits and - _ . : ~ + / ="
_KEY = re.compile(r"[A-Za-z0-9\-_.:~+/=]+")
PATTERN = r'^([A-Za-z0-9\-_.:~+/=]{1,255}|"[A-Za-z0-9\-_.:~+/=]{1,255}")$'  # documented
CONSTRAINT = "uq_idempotency_keys_user_key"
_SQLITE_NAMES = {
    "UNIQUE constraint failed: idempotency_keys.username, idempotency_keys.key": CONSTRAINT
}
_FIELD = f"header.{HEADER}"
#: a claim whose request has neither completed nor released it this long after it was made
#: (its process died) is taken over by the next request with the key; a request that is still
#: running then finds its claim gone and writes nothing (409)
ABANDONED_AFTER = timedelta(minutes=2)
RETRY_AFTER_SECONDS = 1  # the 409's Retry-After: a message or an upload takes well under it
POLL_SECONDS = 0.05  # a page's form waiting for its first click's request
PAGE_WAIT_SECONDS = 10.0
CLAIM_ATTEMPTS = 3  # a claim lost to another request this many times in a row: 409
PURGE_BATCH = 100  # expired keys deleted per key stored: more than one, so a backlog drains

Answer = TypeVar("Answer", bound=BaseModel)


class Created(BaseModel):
    """The answer a web page's form stores with its key: the id of what it created (the page
    itself is drawn afresh either way)."""

    id: int


def parse_key(values: list[str], *, name: str = HEADER, field: str = _FIELD) -> str | None:
    """The key the ``Idempotency-Key`` header values name (None without the header; a page's
    form sends it as the field ``name``); raises :class:`ApiError` 400 naming what is wrong
    with it."""

    def _refuse(problem: str) -> ApiError:
        return ApiError(400, f"{name}: {problem}", fields=[{"field": field, "message": problem}])

    if not values:
        return None
    if len(values) > 1:
        raise _refuse(f"sent {len(values)} times; send one key")
    key = values[0]
    if len(key) >= 2 and key[0] == key[-1] == '"':
        key = key[1:-1]
    if not key:
        raise _refuse("the key is empty")
    if "\x00" in key:
        raise _refuse("the key holds a NUL character")
    if len(key) > MAX_KEY_LENGTH:
        raise _refuse(f"at most {MAX_KEY_LENGTH} characters ({len(key)} sent)")
    if not _KEY.fullmatch(key):
        bad = next(c for c in key if not _KEY.fullmatch(c))
        raise _refuse(f"the key holds {bad!r}; use only {KEY_CHARACTERS} (a UUID, for example)")
    return key


def idempotency_key(
    request: Request,
    _documented: Annotated[
        str | None,
        Header(
            alias=HEADER,
            description=(
                f"Optional. 1 to {MAX_KEY_LENGTH} characters: {KEY_CHARACTERS} (a new UUID per "
                "request). A repeat of the request with the same key answers the first answer "
                f"again (`{REPLAYED}: true`) instead of creating again; a repeat while the first "
                "still runs is 409 (`Retry-After`); the same key with another request is 422. "
                "Keys are per user and expire after CLEARLANE_IDEMPOTENCY_HOURS (24)."
            ),
            # documented, not enforced here: parse_key refuses with 400 naming the problem
            json_schema_extra={"minLength": 1, "maxLength": MAX_KEY_LENGTH + 2, "pattern": PATTERN},
        ),
    ] = None,
) -> str | None:
    """Dependency: the request's idempotency key, checked (see :func:`parse_key`)."""
    return parse_key(request.headers.getlist(HEADER))


IdempotencyKey = Annotated[str | None, Depends(idempotency_key)]


@dataclass(frozen=True)
class Claim:
    """A user's key and the fingerprint of the request sent with it."""

    username: str
    key: str
    request_sha256: str
    retention: timedelta = timedelta(hours=24)  # CLEARLANE_IDEMPOTENCY_HOURS


def claim(request: Request, *, username: str, key: str | None, payload: Any) -> Claim | None:
    """The claim of ``username``'s ``key`` (None without a key) for this request: its method,
    path and ``payload`` (the request as validated, JSON-serialisable)."""
    if key is None:
        return None
    sent = orjson.dumps([request.method, request.url.path, payload], option=orjson.OPT_SORT_KEYS)
    settings = getattr(request.app.state, "settings", None) or get_settings()
    retention = timedelta(hours=settings.idempotency_hours)
    return Claim(username, key, hashlib.sha256(sent).hexdigest(), retention)


def upload_payload(filename: str | None, content_type: str, data: bytes) -> dict[str, Any]:
    """What makes two uploads the same request: the file name, the content type taken and the
    bytes (by their SHA-256)."""
    return {
        "filename": filename,
        "content_type": content_type,
        "sha256": hashlib.sha256(data).hexdigest(),
    }


class InProgress(ApiError):
    """409: the key's first request is still running (:func:`answer_once`)."""


def _utc(when: datetime) -> datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)  # SQLite: naive UTC


def _refused_reuse() -> ApiError:
    problem = (
        "this key was used for another request (another path or body); send a new key "
        "for a new request"
    )
    return ApiError(
        422,
        f"{HEADER}: {problem}",
        code="idempotency_key_reused",
        fields=[{"field": _FIELD, "message": problem}],
    )


def _in_progress() -> InProgress:
    problem = (
        "a request with this key is in progress; send it again once that one has "
        "finished (its answer is then replayed)"
    )
    return InProgress(
        409,
        f"{HEADER}: {problem}",
        code="idempotency_key_in_progress",
        fields=[{"field": _FIELD, "message": problem}],
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


@dataclass(frozen=True)
class _Seen:
    """What a plain read found for a key: the stored answer (a replay), or the row to claim
    anew (``row_id``, None when there is no row) if it is still as old as ``before``
    (claimed before it: expired, or abandoned and still not completed)."""

    replay: JSONResponse | None = None
    row_id: int | None = None
    before: datetime | None = None
    abandoned: bool = False


def _look(session: Session, claim: Claim, now: datetime) -> _Seen:
    """A plain read of ``claim``'s key, no lock (on SQLite, not the write lock): its answer
    replayed; 422 if it was sent with another request; 409 if its request is still running;
    else (no row, the key expired, a claim abandoned) what :func:`_claim` must take."""
    row = session.scalar(
        select(IdempotencyKeyRow).where(
            IdempotencyKeyRow.username == claim.username, IdempotencyKeyRow.key == claim.key
        )
    )
    if row is None:
        return _Seen()
    created = _utc(row.created_at)
    if created <= now - claim.retention:  # expired: as if never sent
        return _Seen(row_id=row.id, before=now - claim.retention)
    if row.request_sha256 != claim.request_sha256:
        raise _refused_reuse()
    if row.completed_at is not None and row.status is not None:
        return _Seen(
            replay=JSONResponse(row.response, status_code=row.status, headers={REPLAYED: "true"})
        )
    if created <= now - ABANDONED_AFTER:  # its request died without releasing it
        return _Seen(row_id=row.id, before=now - ABANDONED_AFTER, abandoned=True)
    raise _in_progress()


def purge_expired(session: Session, *, before: datetime, limit: int = PURGE_BATCH) -> int:
    """Delete up to ``limit`` keys claimed before ``before`` (the oldest first; on PostgreSQL
    rows another purge holds are skipped, not waited for); the number deleted. The caller
    commits."""
    oldest = (
        select(IdempotencyKeyRow.id)
        .where(IdempotencyKeyRow.created_at < before)
        .order_by(IdempotencyKeyRow.created_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    ids = list(session.scalars(oldest))
    if not ids:
        return 0
    session.execute(delete(IdempotencyKeyRow).where(IdempotencyKeyRow.id.in_(ids)))
    return len(ids)


def _claim(session: Session, claim: Claim, seen: _Seen, now: datetime) -> str | None:
    """Claim the key, committed: a new row (and a bounded purge of expired ones), or the
    expired or abandoned row ``seen`` taken over if no one changed it since. The claim's token
    (the row's ``claim_token``, new for each claim: the claimant completes or releases the row
    only while it holds it), or None if another request claimed it first (the caller looks
    again)."""
    token = secrets.token_hex(16)
    try:
        if seen.row_id is None:
            session.add(
                IdempotencyKeyRow(
                    username=claim.username,
                    key=claim.key,
                    request_sha256=claim.request_sha256,
                    created_at=now,
                    claim_token=token,
                )
            )
            session.flush()
            purge_expired(session, before=now - claim.retention)
        else:
            still = [
                IdempotencyKeyRow.id == seen.row_id,
                IdempotencyKeyRow.created_at <= seen.before,
            ]
            if seen.abandoned:
                still.append(IdempotencyKeyRow.completed_at.is_(None))
            taken = session.execute(  # unless another request took it first (its time is now)
                update(IdempotencyKeyRow)
                .where(*still)
                .values(
                    request_sha256=claim.request_sha256,
                    status=None,
                    response=None,
                    completed_at=None,
                    created_at=now,
                    claim_token=token,
                )
                .execution_options(synchronize_session=False)
            )
            if taken.rowcount != 1:  # type: ignore[attr-defined]
                session.rollback()
                return None
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        if violated_constraint(exc, _SQLITE_NAMES) != CONSTRAINT:
            raise
        return None
    return token


def _held(claim: Claim, token: str) -> tuple[Any, ...]:
    """The key's row while the claim of ``token`` holds it (not taken over, not completed)."""
    return (
        IdempotencyKeyRow.username == claim.username,
        IdempotencyKeyRow.key == claim.key,
        IdempotencyKeyRow.claim_token == token,
        IdempotencyKeyRow.completed_at.is_(None),
    )


def _release(session: Session, claim: Claim, token: str) -> None:
    """Give the key back after its request failed (a refusal, an exception): a retry with
    it then runs anew. A release that fails too leaves the claim to be taken over once
    abandoned (:data:`ABANDONED_AFTER`)."""
    try:
        session.rollback()
        session.execute(delete(IdempotencyKeyRow).where(*_held(claim, token)))
        session.commit()
    except Exception:  # the request's own error is the one to raise
        logger.exception("idempotency key %r of %s not released", claim.key, claim.username)
        session.rollback()


def answer_once(
    session: Session,
    claim: Claim | None,
    create: Callable[[], Answer],
    *,
    status: int,
    prepare: Callable[[], None] | None = None,
    wait: float = 0.0,
) -> Answer | JSONResponse:
    """``create()`` (it writes in ``session`` without committing and returns the answer), then
    commit. With a ``claim``:

    * the key is looked up with a plain read: a stored answer is replayed (a
      :class:`JSONResponse`; the caller then does nothing more), the key sent with another
      request is 422, a key whose request is still running is 409 (:class:`InProgress`,
      ``Retry-After``; with ``wait`` seconds, a page's form, it is looked up again every
      :data:`POLL_SECONDS` until then first);
    * else the key is claimed in a short transaction of its own (the unique constraint
      ``uq_idempotency_keys_user_key`` lets one racer claim; the others look again and answer
      409, or replay if the first has finished), then ``prepare()`` (slow work outside the
      database: an upload's content check and synced file write) and ``create()`` run, and the
      answer is stored with the key in ``create()``'s transaction;
    * a request that fails (a refusal such as 404 or 422, an exception) releases the key: a
      retry with it runs anew. Only an answer that created something is stored.

    No lock is held across ``prepare()`` and nothing but the claim's insert takes SQLite's
    write lock before ``create()``; a racer that loses the claim prepares nothing (no file
    of its own is left in the store)."""
    if claim is None:
        if prepare is not None:
            prepare()
        answer = create()
        session.commit()
        return answer
    deadline = time.monotonic() + wait
    lost = 0
    while True:
        now = datetime.now(UTC)
        try:
            seen = _look(session, claim, now)
        except InProgress:
            session.rollback()
            if time.monotonic() >= deadline:
                raise
            time.sleep(POLL_SECONDS)
            continue
        if seen.replay is not None:
            session.rollback()  # end the read (PostgreSQL: its transaction)
            return seen.replay
        token = _claim(session, claim, seen, now)
        if token is not None:
            break
        lost += 1  # another request claimed it first: look again (409, or its answer)
        if lost >= CLAIM_ATTEMPTS:  # claimed and released by others again and again: busy
            raise _in_progress()
    try:
        if prepare is not None:
            prepare()
        answer = create()
        completed = session.execute(
            update(IdempotencyKeyRow)
            .where(*_held(claim, token))
            .values(
                status=status,
                response=answer.model_dump(mode="json"),
                completed_at=datetime.now(UTC),
            )
            .execution_options(synchronize_session=False)
        )
        if completed.rowcount != 1:  # type: ignore[attr-defined]
            # taken over as abandoned while this ran (over ABANDONED_AFTER): the other one
            # answers the key; this one writes nothing
            session.rollback()
            raise _in_progress()
        session.commit()
    except BaseException as exc:
        if cleanup.timed_out(exc):  # the pool is exhausted: give the key back after the 503
            session.rollback()
            cleanup.later_in_session(session.get_bind(), _release, claim, token)
        else:
            _release(session, claim, token)
        raise
    return answer
