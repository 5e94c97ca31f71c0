"""Casework around a declaration: the documents attached to it and the message thread between
customs and the declarant. Every write goes to the audit trail in the same transaction."""

from clearlane.casework.documents import (
    DocumentError,
    DocumentNotFound,
    attach_document,
    check_content,
    discard_unreferenced,
    document_list,
    put_checked,
    read_document,
    sweep_unreferenced,
    visible_document,
)
from clearlane.casework.messages import MessageError, message_count, messages, post_message

__all__ = [
    "DocumentError",
    "DocumentNotFound",
    "MessageError",
    "attach_document",
    "discard_unreferenced",
    "check_content",
    "document_list",
    "message_count",
    "messages",
    "post_message",
    "put_checked",
    "read_document",
    "sweep_unreferenced",
    "visible_document",
]
