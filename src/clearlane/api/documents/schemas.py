"""Documents attached to a declaration."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from clearlane.api.types import UtcDateTime


class DocumentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    reference: str
    filename: str
    content_type: str
    size: int
    sha256: str
    uploaded_by: str
    uploaded_at: UtcDateTime
