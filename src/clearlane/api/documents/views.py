"""Documents attached to a declaration: upload, list, download (hash checked on read)."""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, BackgroundTasks, File, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import Session

from clearlane.api import cleanup, errors
from clearlane.api.bodies import MultipartBody
from clearlane.api.declarations import service
from clearlane.api.declarations.views import ERRORS
from clearlane.api.deps import DbSession, Principal, require
from clearlane.api.documents.schemas import DocumentRead, ExtractionRead
from clearlane.api.errors import ApiError
from clearlane.api.idempotency import Answer, IdempotencyKey, answer_once, claim, upload_payload
from clearlane.api.permissions import Permission
from clearlane.api.scoring import extract_and_reassess, scoring
from clearlane.api.types import ReferencePath, RowId
from clearlane.casework import (
    attach_document,
    discard_unreferenced,
    document_list,
    put_checked,
    read_document,
    visible_document,
)
from clearlane.config import Settings
from clearlane.documents.service import extraction_of, queue_extraction
from clearlane.store.files import FileStore
from clearlane.store.tables import DocumentRow

logger = logging.getLogger(__name__)
router = APIRouter(tags=["documents"])


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _content_type(upload: UploadFile, settings: Settings) -> str:
    declared = (upload.content_type or "").split(";")[0].strip().lower()
    if declared in ("", "application/octet-stream"):
        guessed, _ = mimetypes.guess_type(upload.filename or "")
        declared = guessed or declared
    accepted = [t.lower() for t in settings.upload_content_types]
    if declared not in accepted:
        raise ApiError(
            415,
            f"file: content type {declared or '(none)'} is not accepted; accepted: "
            + ", ".join(accepted),
            fields=[{"field": "file", "message": "content type not accepted"}],
        )
    return declared


async def one_file(request: Request) -> None:
    """422 for an upload of several ``file`` parts: the route would take the last one and drop
    the others without a word (the form is parsed already; this reads Starlette's copy)."""
    count = len((await request.form()).getlist("file"))
    if count > 1:
        raise ApiError(
            422,
            f"file: the upload has {count} files; send one per request",
            fields=[{"field": "body.file", "message": f"{count} files; one per request"}],
        )


def attach_once(
    db: Session,
    request: Request,
    *,
    reference: str,
    filename: str | None,
    content_type: str,
    data: bytes,
    username: str,
    files: FileStore,
    key: str | None,
    answer: Callable[[DocumentRow], Answer],
    status: int,
    queued: list[int],
    wait: float = 0.0,
) -> Answer | JSONResponse:
    """Attach ``data`` to the declaration once per idempotency ``key`` (the API's route and
    the page's form): once the key is claimed, the file is checked and written, then the
    document stored and its extraction queued (its id appended to ``queued``, to read after
    the response) with the answer; a repeat answers the stored answer instead (409 while the
    first runs; ``wait``: see :func:`answer_once`). An upload that fails after its file was
    written (a refusal, an error, its claim lost) removes the file unless a document names it.
    Runs in a worker thread."""

    def prepare() -> None:  # after the claim, under no lock: the content check, the write
        stored.append(put_checked(data, content_type, files))

    def attach() -> Answer:
        row = attach_document(
            db,
            reference=reference,
            filename=filename,
            content_type=content_type,
            data=data,
            uploaded_by=username,
            files=files,
            stored=stored[0],
        )
        if queue_extraction(db, row) is not None:
            queued.append(row.id)
        return answer(row)

    stored: list[str] = []
    sent = claim(
        request,
        username=username,
        key=key,
        payload=upload_payload(filename, content_type, data) if key else None,
    )
    try:
        return answer_once(db, sent, attach, status=status, prepare=prepare, wait=wait)
    except BaseException as exc:
        # refused, failed, or its key's claim taken over (409) after the file was written:
        # the file goes unless a document names it (session 24: it stayed, named by no row);
        # after a wait for a connection that timed out, once the 503 is sent (session 25)
        if stored and cleanup.timed_out(exc):
            cleanup.later_in_session(db.get_bind(), discard_unreferenced, stored[0], files)
        elif stored:
            try:
                discard_unreferenced(db, stored[0], files)
            except Exception:  # the request's own error is the one to raise
                logger.exception("uploaded file %s not removed after a failed upload", stored[0])
        raise


@router.post(
    "/api/declarations/{reference}/documents",
    response_model=DocumentRead,
    status_code=201,
    summary="Attach a document (multipart upload, field `file`)",
    description=(
        "Accepted: PDF, images, XML, JSON, CSV and plain text (configurable with "
        "CLEARLANE_UPLOAD_CONTENT_TYPES), up to CLEARLANE_MAX_UPLOAD_BYTES (413 beyond). The "
        "file is stored under its SHA-256 and its content must match its type. With an "
        "`Idempotency-Key` header, a repeat of the upload (a retry, a double click) answers the "
        "first answer again (`Idempotent-Replayed: true`) instead of attaching the file twice; "
        "a repeat while the first still runs is 409 (`Retry-After`)."
    ),
    responses={**ERRORS, **errors.error_responses(409, 413)},
)
async def upload_document(
    reference: ReferencePath,
    request: Request,
    db: DbSession,
    user: require(Permission.DOCUMENT_WRITE),  # type: ignore[valid-type]
    _content: MultipartBody,
    file: Annotated[UploadFile, File(description="the document")],
    background: BackgroundTasks,
    key: IdempotencyKey,
) -> DocumentRead | JSONResponse:
    settings = _settings(request)
    await run_in_threadpool(service.get_visible, db, reference=reference, user=user)
    await one_file(request)
    content_type = _content_type(file, settings)
    data = await file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise ApiError(413, f"file: larger than the limit of {settings.max_upload_bytes:,} bytes")
    queued: list[int] = []
    answer = await run_in_threadpool(  # the hash too off the event loop, with a key
        attach_once,
        db,
        request,
        reference=reference,
        filename=file.filename,
        content_type=content_type,
        data=data,
        username=user.username,
        files=FileStore(settings.files_dir),
        key=key,
        answer=DocumentRead.model_validate,
        status=201,
        queued=queued,
    )
    for document_id in queued:  # read the invoice after the response is sent (not on a replay)
        background.add_task(extract_and_reassess, scoring(request), document_id, settings.files_dir)
    return answer


@router.get(
    "/api/declarations/{reference}/documents",
    response_model=list[DocumentRead],
    summary="The documents attached to a declaration",
    responses=ERRORS,
)
def list_documents(
    reference: ReferencePath,
    db: DbSession,
    user: require(Permission.DOCUMENT_READ),  # type: ignore[valid-type]
) -> list[DocumentRead]:
    service.get_visible(db, reference=reference, user=user)
    return [DocumentRead.model_validate(d) for d in document_list(db, reference=reference)]


def _visible_document(db: Session, document_id: int, user: Principal) -> DocumentRow:
    """The document row, if its declaration is visible to ``user``; else 404 (a trader never
    learns that another organisation's document exists)."""
    return visible_document(
        db, document_id=document_id, organisation=user.organisation, trader=user.is_trader
    )


@router.get(
    "/api/documents/{document_id}",
    summary="Download a document (its hash is checked; a changed file is refused)",
    response_class=Response,
    responses={
        200: {"content": {"application/octet-stream": {}}, "description": "the file"},
        **ERRORS,
        **errors.error_responses(409, 410),
    },
)
def download_document(
    document_id: RowId,
    request: Request,
    db: DbSession,
    user: require(Permission.DOCUMENT_READ),  # type: ignore[valid-type]
) -> Response:
    row = _visible_document(db, document_id, user)
    files = FileStore(_settings(request).files_dir)
    try:
        _, data = read_document(db, document_id=document_id, files=files)
    except FileNotFoundError as exc:  # a storage fault, not a refusal: see api/errors.py
        raise ApiError(410, f"document {document_id}: the file is missing from the store") from exc
    name = quote(row.filename)
    return Response(
        content=data,
        media_type=row.content_type,
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{name}",
            "X-Content-SHA256": row.sha256,
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.get(
    "/api/documents/{document_id}/extraction",
    response_model=ExtractionRead,
    summary="What was read from a document and its cross-check with the declaration",
    description=(
        "Status `pending` while the background extraction runs, then `done` or `failed` (with "
        "the reason). Officers get the extracted fields with their evidence and the "
        "discrepancies (reason codes with both values); a trader gets only `document_query`."
    ),
    responses=ERRORS,
)
def document_extraction(
    document_id: RowId,
    db: DbSession,
    user: require(Permission.DOCUMENT_READ),  # type: ignore[valid-type]
) -> ExtractionRead:
    _visible_document(db, document_id, user)
    found = extraction_of(db, document_id)
    officer = user.can(Permission.RISK_READ)
    return ExtractionRead(
        document_id=document_id,
        status=found.status,
        error=found.error if officer else None,
        method=found.method,
        pages=found.pages,
        seconds=found.seconds,
        document_query=bool(found.discrepancies),
        extraction=found.extraction if officer else None,
        discrepancies=found.discrepancies if officer else None,
    )
