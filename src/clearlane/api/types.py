"""Field types shared by the API's DTOs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator


def _utc(value: datetime) -> datetime:
    """SQLite returns timestamps without their offset; every stored timestamp is UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


#: A timestamp that always carries its offset (RFC 3339 ``date-time``), even from SQLite.
UtcDateTime = Annotated[datetime, AfterValidator(_utc)]
