"""Documents attached to a declaration."""

from __future__ import annotations

from typing import Any

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


class ExtractionRead(BaseModel):
    document_id: int
    status: str  # pending, done, failed
    error: str | None = None
    method: str | None = None
    pages: int = 0
    seconds: float | None = None
    document_query: bool  # any discrepancy with the declaration (all a trader is told)
    extraction: dict[str, Any] | None = None  # officers only
    discrepancies: list[dict[str, Any]] | None = None  # officers only
