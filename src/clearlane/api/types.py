"""Types shared by the API's schemas and parameters.

* :data:`UtcDateTime`: stored times come back from SQLite without their offset; they are UTC,
  and the API says so (RFC 3339 with ``+00:00``), as the OpenAPI ``date-time`` format demands.
* :data:`Text`: text without NUL characters (PostgreSQL cannot store them).
* :data:`ReferencePath` / :func:`query_text`: a declaration reference in a path, short free text
  in a query, both without control characters.
* :data:`RowId`: a database id (positive, fits a 64-bit column).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import AfterValidator

NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"
MAX_ID = 2**63 - 1
MAX_VERSION = 2**31 - 1


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("NUL characters (\\u0000) are not allowed")
    return value


UtcDateTime = Annotated[datetime, AfterValidator(_utc)]
Text = Annotated[str, AfterValidator(_no_nul)]
ReferencePath = Annotated[
    str,
    Path(
        min_length=1,
        max_length=64,
        pattern=NO_CONTROL,
        description="the declaration reference (LRN or MRN)",
    ),
]
RowId = Annotated[int, Path(ge=1, le=MAX_ID)]


def query_text(max_length: int, description: str | None = None) -> Any:
    return Query(max_length=max_length, pattern=NO_CONTROL, description=description)
