"""The message thread of a declaration."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from clearlane.api.documents.schemas import DocumentRead
from clearlane.api.types import MAX_ID, Text, UtcDateTime
from clearlane.core.numbers import OptionalInt


class MessageCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: Text = Field(min_length=1, max_length=5000)
    document_id: OptionalInt = Field(
        default=None, ge=1, le=MAX_ID, description="a document already attached to this declaration"
    )


class MessageRead(BaseModel):
    id: int
    reference: str
    author: str
    author_role: str
    body: str
    document: DocumentRead | None
    created_at: UtcDateTime
