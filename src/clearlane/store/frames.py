"""Load the analysis frame (clearlane.frames) from the store: latest version of each declaration."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.core.schema import ControlResult, Declaration
from clearlane.frames import items_frame
from clearlane.store.session import open_store
from clearlane.store.tables import ControlResultRow, DeclarationRow


def load_items_frame(
    *,
    session_factory: sessionmaker[Session] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """One row per goods item of the latest version of each stored declaration, with labels.

    ``start``/``end`` bound the declaration date (inclusive).
    """
    session_factory = session_factory or open_store()
    latest = (
        select(DeclarationRow.reference, func.max(DeclarationRow.version).label("version"))
        .group_by(DeclarationRow.reference)
        .subquery()
    )
    query = select(DeclarationRow.normalised).join(
        latest,
        (DeclarationRow.reference == latest.c.reference)
        & (DeclarationRow.version == latest.c.version),
    )
    if start is not None:
        query = query.where(DeclarationRow.declaration_date >= start)
    if end is not None:
        query = query.where(DeclarationRow.declaration_date <= end)
    with session_factory() as session:
        declarations = [
            Declaration.model_validate(row)
            for row in session.scalars(query.execution_options(yield_per=5000))
        ]
        controls: dict[str, list[ControlResult]] = defaultdict(list)
        for payload in session.scalars(select(ControlResultRow.payload)):
            result = ControlResult.model_validate(payload)
            controls[result.declaration_reference].append(result)
    return items_frame(declarations, controls)
