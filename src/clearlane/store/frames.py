"""Load the analysis frame (clearlane.frames) from the store: latest version of each declaration."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import orjson
import pandas as pd
from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.core.schema import ControlResult
from clearlane.frames import FrameColumns
from clearlane.store.session import open_store
from clearlane.store.tables import ControlResultRow, DeclarationRow


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
            result = ControlResult.model_validate(payload)
            controls[result.declaration_reference].append(result)
    return builder.frame(controls)
