"""Load the analysis frame (clearlane.frames) from the store: latest version of each declaration."""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date
from typing import Any

import orjson
import pandas as pd
from pydantic import ValidationError
from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.core.schema import ControlResult
from clearlane.frames import FrameColumns
from clearlane.store.session import open_store
from clearlane.store.tables import ControlResultRow, DeclarationRow

log = logging.getLogger(__name__)

# Fields of a stored control result that later rules may refuse (bounds of 3 December 2026:
# declaration_version, a finding's item_seq, a time without a UTC instant) and that its label
# does without: such a result is read without them rather than failing the whole frame.
_DROPPABLE = frozenset({"declaration_version", "findings", "started_at", "completed_at"})


def load_items_frame(
    *,
    session_factory: sessionmaker[Session] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """One row per goods item of the latest version of each stored declaration, with labels.

    ``start``/``end`` bound the declaration date (inclusive). The stored normalised JSON was
    validated when it was ingested: it is read as text and goes column by column into the
    frame (:class:`clearlane.frames.FrameColumns`), not through Pydantic objects, which made
    the frame of a large store slow and several GB large.
    """
    session_factory = session_factory or open_store()
    latest = (
        select(DeclarationRow.reference, func.max(DeclarationRow.version).label("version"))
        .group_by(DeclarationRow.reference)
        .subquery()
    )
    # As text: SQLAlchemy's (or the driver's) JSON decoding is several times slower than orjson.
    query = select(cast(DeclarationRow.normalised, Text)).join(
        latest,
        (DeclarationRow.reference == latest.c.reference)
        & (DeclarationRow.version == latest.c.version),
    )
    if start is not None:
        query = query.where(DeclarationRow.declaration_date >= start)
    if end is not None:
        query = query.where(DeclarationRow.declaration_date <= end)
    builder = FrameColumns()
    with session_factory() as session:
        for text in session.scalars(query.execution_options(yield_per=5000)):
            builder.add_normalised(orjson.loads(text))
        controls: dict[str, list[ControlResult]] = defaultdict(list)
        for payload in session.scalars(select(ControlResultRow.payload)):
            result = _stored_result(payload)
            if result is not None:
                controls[result.declaration_reference].append(result)
    return builder.frame(controls)


def _stored_result(payload: Any) -> ControlResult | None:
    """A stored control result validated again; one stored under earlier, looser rules (which
    SQLite kept) is read without the fields the current rules refuse (:data:`_DROPPABLE`),
    else left out, with a warning either way: not a ValidationError for the whole frame."""
    try:
        return ControlResult.model_validate(payload)
    except ValidationError as exc:
        bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
        result = None
        if (
            isinstance(payload, dict)
            and bad
            and all(e["loc"] for e in exc.errors())
            and bad <= _DROPPABLE
        ):
            try:
                result = ControlResult.model_validate(
                    {k: v for k, v in payload.items() if k not in bad}
                )
            except ValidationError:
                result = None
        reference = payload.get("declaration_reference") if isinstance(payload, dict) else None
        log.warning(
            "stored control result of %r does not validate under the current rules (%s): %s",
            reference, ", ".join(sorted(bad)) or "the result as a whole",
            "read without those fields" if result is not None else "left out",
        )  # fmt: skip
        return result
