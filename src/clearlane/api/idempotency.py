"""Idempotency keys for the creating routes that no rule of the domain dedupes (a message, a
document): a client that sends the request again with the same ``Idempotency-Key`` header
(a retry after a timeout, a double click, two requests at once) gets the first answer again
instead of a second message or document.

* The header is optional; without it a request creates as before.
* The key is 1 to :data:`MAX_KEY_LENGTH` characters of :data:`KEY_CHARACTERS` (a UUID, a
  ULID, base64), optionally in double quotes (the IETF draft's structured-field string: the
  quotes are not part of the key); anything else, a NUL or a repeated header is 400.
* Keys are scoped per user: two users never share one.
* The first request with a key creates and stores its answer (status and body) with the key,
  in the same transaction. A repeat by the same user with the same key and the same request
  (method, path and body as validated) is answered from the stored answer, with
  ``Idempotent-Replayed: true``; nothing is written or audited again. The same key with
  another request is 422 (``idempotency_key_reused``) and changes nothing.
* Racers: the route takes a lock on (user, key) (:func:`clearlane.store.locks.write_lock`)
  before it looks the key up, so a second request waits for the first to commit and then
  replays its answer; the unique constraint ``uq_idempotency_keys_user_key`` (migration 0018)
  makes a writer that did not wait fail on commit, and it then replays the stored answer too.
* Only an answer that created something is stored: a refused request (404, 422...) wrote
  nothing, so a retry with the key is simply tried again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

import orjson
from fastapi import Depends, Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clearlane.api.errors import ApiError
from clearlane.store.locks import violated_constraint, write_lock
from clearlane.store.tables import IdempotencyKeyRow

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
                f"again (`{REPLAYED}: true`) instead of creating again; the same key with another "
                "request is 422. Keys are per user."
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


def claim(request: Request, *, username: str, key: str | None, payload: Any) -> Claim | None:
    """The claim of ``username``'s ``key`` (None without a key) for this request: its method,
    path and ``payload`` (the request as validated, JSON-serialisable)."""
    if key is None:
        return None
    sent = orjson.dumps([request.method, request.url.path, payload], option=orjson.OPT_SORT_KEYS)
    return Claim(username, key, hashlib.sha256(sent).hexdigest())


def upload_payload(filename: str | None, content_type: str, data: bytes) -> dict[str, Any]:
    """What makes two uploads the same request: the file name, the content type taken and the
    bytes (by their SHA-256)."""
    return {
        "filename": filename,
        "content_type": content_type,
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def _stored_answer(session: Session, claim: Claim, *, lock: bool = True) -> JSONResponse | None:
    """Under the key's lock (``lock``; without it, a first look that a locked one must
    follow before anything is written): the answer stored for ``claim``'s key, replayed (None
    if none); 422 if the key was stored for another request."""
    if lock:
        write_lock(session, f"idempotency:{claim.username}:{claim.key}")
    row = session.scalar(
        select(IdempotencyKeyRow).where(
            IdempotencyKeyRow.username == claim.username, IdempotencyKeyRow.key == claim.key
        )
    )
    if row is None:
        return None
    if row.request_sha256 != claim.request_sha256:
        problem = (
            "this key was used for another request (another path or body); send a new key "
            "for a new request"
        )
        raise ApiError(
            422,
            f"{HEADER}: {problem}",
            code="idempotency_key_reused",
            fields=[{"field": _FIELD, "message": problem}],
        )
    return JSONResponse(row.response, status_code=row.status, headers={REPLAYED: "true"})


def answer_once(
    session: Session,
    claim: Claim | None,
    create: Callable[[], Answer],
    *,
    status: int,
    prepare: Callable[[], None] | None = None,
) -> Answer | JSONResponse:
    """``create()`` (it writes in ``session`` without committing and returns the answer), then
    commit. With a ``claim``: the answer stored for its key instead, replayed, if there is one;
    else the answer is stored with the key in the same transaction. A replay is a
    :class:`JSONResponse` (the caller then does nothing more), a new answer the model.

    ``prepare()``: slow work outside the database (an upload's content check and synced file
    write), done before ``create()``. On PostgreSQL the key's lock is the key's alone, so it
    is done under it (a repeat waits, then replays or is refused, having prepared nothing). On
    SQLite the lock is the whole database's write lock, which held across that work kept every
    other writer waiting: there it is done before the lock, after a first unlocked look for
    the key (a repeat, or the key reused, answers at once, preparing nothing); of two racers
    with one key both may then prepare, and the loser's work (a file in the content-addressed
    store) is left unreferenced, as after any failed transaction."""
    if claim is None:
        if prepare is not None:
            prepare()
        answer = create()
        session.commit()
        return answer
    if prepare is not None and session.get_bind().dialect.name == "sqlite":
        replay = _stored_answer(session, claim, lock=False)
        if replay is not None:
            return replay
        prepare()
        prepare = None
    replay = _stored_answer(session, claim)
    if replay is not None:
        return replay
    if prepare is not None:
        prepare()
    answer = create()
    session.add(
        IdempotencyKeyRow(
            username=claim.username,
            key=claim.key,
            request_sha256=claim.request_sha256,
            status=status,
            response=answer.model_dump(mode="json"),
            created_at=datetime.now(UTC),
        )
    )
    try:
        session.commit()
    except IntegrityError as exc:  # a writer that did not wait for the key's lock: it stored
        session.rollback()
        if violated_constraint(exc, _SQLITE_NAMES) != CONSTRAINT:
            raise
        replay = _stored_answer(session, claim)
        if replay is None:  # pragma: no cover - the constraint names a row that is there
            raise
        return replay
    return answer
