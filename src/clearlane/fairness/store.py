"""The bias audit of the store, for the API and the web UI: fast on repeated requests.

Building the full analysis frame of the demo store (20,000 declarations, 37,000 goods items)
from the stored JSON takes about 1.5 s of CPU; the audit of one grouping on a declaration
frame about 0.05 s. So:

* for the named groupings (:data:`clearlane.fairness.GROUPINGS`) the declaration frame is
  built from the indexed columns of the declaration, goods-item and control-result tables
  (:func:`audit_items_frame`: no JSON is parsed), which gives the same audit;
* any other column of the analysis frame (``incoterm``, ``attr_...``) reads the full frame;
* either frame is kept in an :class:`AuditCache` keyed on the store's last change
  (:func:`store_stamp`), so a repeated request only groups and counts. Any new declaration
  (or version) and any new control result changes the stamp, so the next request rebuilds
  the frame: the audit never lags the store.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Executable, String, cast, func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.fairness.audit import (
    DEFAULT_MIN_GROUP,
    GROUPINGS,
    FairnessError,
    FairnessReport,
    check_grouping,
    declaration_frame,
    declarations_report,
)
from clearlane.store.frames import load_items_frame
from clearlane.store.tables import ControlResultRow, DeclarationRow, GoodsItemRow

Stamp = tuple[int, int, int, int]


def store_stamp(session: Session) -> Stamp:
    """What changes whenever the analysis frame can: the number of stored declaration
    versions and control results, and the highest id of each (rows are only ever added;
    a deletion changes the count)."""
    declarations = session.execute(
        select(func.count(DeclarationRow.id), func.coalesce(func.max(DeclarationRow.id), 0))
    ).one()
    controls = session.execute(
        select(func.count(ControlResultRow.id), func.coalesce(func.max(ControlResultRow.id), 0))
    ).one()
    return (int(declarations[0]), int(declarations[1]), int(controls[0]), int(controls[1]))


def audit_items_frame(
    session: Session, *, start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """The columns of the analysis frame that the named groupings and the labels need, one
    row per goods item of the latest version of each declaration dated ``start``..``end``,
    read from table columns (not the stored JSON), in the analysis frame's order.

    The labels follow :func:`clearlane.frames.label_of`: ``controlled`` 1 with any control
    result, ``fraud`` 1.0 if one was non-compliant (NaN without results), and the
    ``selection_reason`` of the latest completed result (the first stored among equals).
    """
    latest = (
        select(DeclarationRow.reference, func.max(DeclarationRow.version).label("version"))
        .group_by(DeclarationRow.reference)
        .subquery()
    )
    query = (
        select(
            DeclarationRow.reference,
            # as text: SQLite's per-row date parsing costs more than pandas' parse of all
            cast(DeclarationRow.declaration_date, String),
            DeclarationRow.office,
            DeclarationRow.declarant_id,
            DeclarationRow.importer_id,
            DeclarationRow.country_dispatch,
            DeclarationRow.transport_mode,
            GoodsItemRow.seq,
            GoodsItemRow.hs_code,
            GoodsItemRow.origin_country,
            GoodsItemRow.item_value,
            GoodsItemRow.customs_value,
        )
        .join(
            latest,
            (DeclarationRow.reference == latest.c.reference)
            & (DeclarationRow.version == latest.c.version),
        )
        .join(
            GoodsItemRow,
            (GoodsItemRow.reference == DeclarationRow.reference)
            & (GoodsItemRow.version == DeclarationRow.version),
        )
    )
    if start is not None:
        query = query.where(DeclarationRow.declaration_date >= start)
    if end is not None:
        query = query.where(DeclarationRow.declaration_date <= end)
    names = [
        "reference",
        "declaration_date",
        "office",
        "declarant_id",
        "importer_id",
        "country_dispatch",
        "transport_mode",
        "seq",
        "hs_code",
        "origin_country",
        "item_value",
        "customs_value",
    ]
    items = _frame(session, query, names)
    if items.empty:
        return items
    items["hs2"] = items["hs_code"].str[:2]
    for column in ("item_value", "customs_value"):
        items[column] = pd.to_numeric(items[column], errors="coerce")
    items["declaration_date"] = pd.to_datetime(items["declaration_date"])
    items = items.sort_values(["declaration_date", "reference", "seq"], kind="stable")
    return items.merge(_labels(session), on="reference", how="left").assign(
        controlled=lambda f: f["controlled"].fillna(0).astype(int)
    )


def _frame(session: Session, query: Executable, names: list[str]) -> pd.DataFrame:
    """The rows of ``query`` as columns: through the connection (not the ORM's row
    handling) and column by column (``from_records`` of Row objects probes each row)."""
    rows = session.connection().execute(query).all()
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    return pd.DataFrame({name: list(column) for name, column in zip(names, columns, strict=True)})


def _labels(session: Session) -> pd.DataFrame:
    query = select(
        ControlResultRow.id,
        ControlResultRow.declaration_reference,
        ControlResultRow.outcome,
        ControlResultRow.selection_reason,
        ControlResultRow.completed_at,
    ).order_by(ControlResultRow.id)
    names = ["id", "reference", "outcome", "selection_reason", "completed_at"]
    results = _frame(session, query, names)
    if results.empty:
        return pd.DataFrame(columns=["reference", "controlled", "fraud", "selection_reason"])
    results["non_compliant"] = (results["outcome"] == "non_compliant").astype(float)
    fraud = results.groupby("reference")["non_compliant"].max().rename("fraud")
    # label_of: max by (completed or not, completed_at), the first stored among equals.
    results["completed"] = results["completed_at"].notna()
    ordered = results.sort_values(
        ["completed", "completed_at", "id"], ascending=[True, True, False], na_position="first"
    )
    reason = ordered.groupby("reference")["selection_reason"].last()
    labels = pd.concat([fraud, reason], axis=1).reset_index()
    labels["controlled"] = 1
    return labels


@dataclass
class _Entry:
    stamp: Stamp
    declarations: pd.DataFrame


class AuditCache:
    """The declaration frames of the last few periods audited, each with the stamp of the
    store it was built from. One per application (``app.state``), shared by its threads."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self.builds = 0  # frames built (misses), for tests and benchmarks
        self._entries: OrderedDict[tuple[date | None, date | None, bool], _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def declarations(
        self,
        session_factory: sessionmaker[Session],
        *,
        since: date | None = None,
        until: date | None = None,
        full: bool = False,
    ) -> pd.DataFrame:
        """The declaration frame of ``since``..``until`` as the store holds it now (not to
        be modified: it is shared): of the full analysis frame if ``full``, else of
        :func:`audit_items_frame` (the named groupings). :class:`FairnessError`
        (``conflict``) if it is empty."""
        key = (since, until, full)
        with session_factory() as session:
            stamp = store_stamp(session)
            with self._lock:
                entry = self._entries.get(key)
                if entry is not None and entry.stamp == stamp:
                    self._entries.move_to_end(key)
                    return entry.declarations
            if not full:
                frame = audit_items_frame(session, start=since, end=until)
        if full:
            frame = load_items_frame(session_factory=session_factory, start=since, end=until)
        if frame.empty:
            raise FairnessError(
                "the store holds no declarations yet: nothing to audit"
                if stamp[0] == 0
                else "no declaration in the store for this period: nothing to audit",
                kind="conflict",
            )
        decl = declaration_frame(frame)
        with self._lock:
            self.builds += 1
            self._entries[key] = _Entry(stamp, decl)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return decl


def store_fairness_report(
    session_factory: sessionmaker[Session],
    *,
    by: str,
    since: date | None = None,
    until: date | None = None,
    confidence: float = 0.95,
    min_group: int = DEFAULT_MIN_GROUP,
    cache: AuditCache | None = None,
) -> FairnessReport:
    """The bias audit of the store's declarations dated ``since``..``until`` (inclusive).

    Refusals are :class:`FairnessError`: an unknown grouping (field ``by``) or a period that
    ends before it starts (field ``since``) is ``invalid``, checked before the store is read;
    a period without declarations or control results is a ``conflict``. Without ``cache``
    the frame is built for this call only.
    """
    check_grouping(by)
    if since is not None and until is not None and since > until:
        raise FairnessError(f"since {since} is after until {until}", field="since")
    decl = (cache or AuditCache(size=1)).declarations(
        session_factory, since=since, until=until, full=by not in GROUPINGS
    )
    return declarations_report(decl, by=by, confidence=confidence, min_group=min_group)
