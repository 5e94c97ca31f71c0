"""The message thread of a declaration, between customs and the declarant (customs asks for a
document, the trader answers and attaches it)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearlane.audit.chain import append
from clearlane.casework.documents import require_declaration
from clearlane.errors import Invalid
from clearlane.store.tables import DocumentRow, MessageRow

MAX_MESSAGE = 5000  # characters


class MessageError(Invalid):
    """A message that cannot be posted as sent (422; ``field`` names the offending input)."""


def post_message(
    session: Session,
    *,
    reference: str,
    author: str,
    author_role: str,
    body: str,
    document_id: int | None = None,
) -> MessageRow:
    """Add a message to the thread; audited with the hash of its text (not the text itself).

    Raises :class:`clearlane.oversight.controls.DeclarationNotFound` or :class:`MessageError`.
    """
    require_declaration(session, reference)
    text = body.strip()
    if not text:
        raise MessageError("body: the message is empty", field="body")
    if len(text) > MAX_MESSAGE:
        raise MessageError(
            f"body: at most {MAX_MESSAGE} characters ({len(text)} sent)", field="body"
        )
    if document_id is not None:
        owner = session.scalar(select(DocumentRow.reference).where(DocumentRow.id == document_id))
        if owner != reference:
            raise MessageError(
                f"document_id: document {document_id} is not attached to declaration "
                f"{reference!r}; upload it to this declaration first",
                field="document_id",
            )
    row = MessageRow(
        reference=reference,
        author=author,
        author_role=author_role,
        body=text,
        document_id=document_id,
        created_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    append(
        session,
        kind="message",
        actor=author,
        subject=f"declaration:{reference}",
        payload={
            "message_id": row.id,
            "author_role": author_role,
            "document_id": document_id,
            "length": len(text),
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
        },
    )
    return row


def messages(session: Session, *, reference: str) -> list[MessageRow]:
    """The thread, oldest first."""
    return list(
        session.scalars(
            select(MessageRow).where(MessageRow.reference == reference).order_by(MessageRow.id)
        )
    )


def message_count(session: Session, *, reference: str) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(MessageRow).where(MessageRow.reference == reference)
        )
        or 0
    )
