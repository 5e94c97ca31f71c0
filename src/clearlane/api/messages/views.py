"""The message thread of a declaration (customs and the declarant)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from clearlane.api.bodies import JsonBody
from clearlane.api.declarations import service
from clearlane.api.declarations.views import ERRORS
from clearlane.api.deps import DbSession, require
from clearlane.api.documents.schemas import DocumentRead
from clearlane.api.errors import error_responses
from clearlane.api.idempotency import IdempotencyKey, answer_once, claim
from clearlane.api.messages.schemas import MessageCreate, MessageRead
from clearlane.api.permissions import Permission
from clearlane.api.types import ReferencePath
from clearlane.casework import messages, post_message
from clearlane.store.tables import DocumentRow, MessageRow

router = APIRouter(prefix="/api/declarations", tags=["messages"])


def _read(session: Session, row: MessageRow) -> MessageRead:
    document = session.get(DocumentRow, row.document_id) if row.document_id else None
    return MessageRead(
        id=row.id,
        reference=row.reference,
        author=row.author,
        author_role=row.author_role,
        body=row.body,
        document=DocumentRead.model_validate(document) if document else None,
        created_at=row.created_at,
    )


@router.get(
    "/{reference}/messages",
    response_model=list[MessageRead],
    summary="The message thread of a declaration, oldest first",
    responses=ERRORS,
)
def list_messages(
    reference: ReferencePath,
    db: DbSession,
    user: require(Permission.MESSAGE_READ),  # type: ignore[valid-type]
) -> list[MessageRead]:
    service.get_visible(db, reference=reference, user=user)
    return [_read(db, m) for m in messages(db, reference=reference)]


@router.post(
    "/{reference}/messages",
    response_model=MessageRead,
    status_code=201,
    summary="Post a message (optionally citing a document attached to the declaration)",
    description=(
        "With an `Idempotency-Key` header, a repeat of the request (a retry, a double click) "
        "answers the first answer again (`Idempotent-Replayed: true`) instead of posting the "
        "message twice; a repeat while the first still runs is 409 (`Retry-After`)."
    ),
    responses={**ERRORS, **error_responses(409)},
)
def send_message(
    reference: ReferencePath,
    body: MessageCreate,
    request: Request,
    db: DbSession,
    user: require(Permission.MESSAGE_WRITE),  # type: ignore[valid-type]
    _content: JsonBody,
    key: IdempotencyKey,
) -> MessageRead | JSONResponse:
    service.get_visible(db, reference=reference, user=user)

    def post() -> MessageRead:
        row = post_message(
            db,
            reference=reference,
            author=user.username,
            author_role=user.role.value,
            body=body.body,
            document_id=body.document_id,
        )
        return _read(db, row)

    sent = claim(request, username=user.username, key=key, payload=body.model_dump(mode="json"))
    return answer_once(db, sent, post, status=201)
