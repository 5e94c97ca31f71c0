"""The analysis frame: one row per goods item, declaration header repeated, labels joined.

This is the contract between the data layer and the analysis layer (features, risk, learn):
both the store (:func:`clearlane.store.frames.load_items_frame`) and files read straight from
disk produce exactly these columns.

Label columns come from the control results known for the declaration:

* ``controlled``: 1 if any control result exists, else 0.
* ``fraud``: 1 non-compliant, 0 compliant, NaN if never controlled (unknown, not compliant).
* ``critical``: 1 if a finding had severity ``critical`` (threat to public safety), else 0/NaN.
* ``selection_reason``: why it was controlled (risk, random, mandatory, officer, unknown).
* ``extra_duty``: duty and tax recovered by the control.
* ``duty_at_stake``: duty + tax declared on the item; with ``fraud`` it weighs revenue@k.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any, TypeAlias

import numpy as np
import pandas as pd
import pyarrow as pa

from clearlane.core.schema import ControlResult, Declaration, Outcome, Severity
from clearlane.core.schema.control_result import instant

HEADER_FIELDS = (
    "reference",
    "version",
    "declaration_date",
    "office",
    "declaration_type",
    "procedure",
    "declarant_id",
    "importer_id",
    "exporter_id",
    "exporter_country",
    "seller_id",
    "courier_id",
    "country_dispatch",
    "country_destination",
    "transport_mode",
    "incoterm",
    "invoice_currency",
    "exchange_rate",
    "n_items",
    "n_containers",
)
ITEM_FIELDS = (
    "seq",
    "hs_code",
    "hs6",
    "hs4",
    "hs2",
    "description",
    "origin_country",
    "quantity",
    "quantity_unit",
    "net_mass_kg",
    "gross_mass_kg",
    "item_value",
    "customs_value",
    "duty_rate",
    "duty_amount",
    "tax_amount",
    "duty_at_stake",
)
LABEL_FIELDS = ("controlled", "fraud", "critical", "selection_reason", "extra_duty")
FRAME_COLUMNS = (*HEADER_FIELDS, *ITEM_FIELDS, *LABEL_FIELDS)
NUMERIC_COLUMNS: tuple[str, ...] = (
    "version",
    "exchange_rate",
    "n_items",
    "n_containers",
    "seq",
    "quantity",
    "net_mass_kg",
    "gross_mass_kg",
    "item_value",
    "customs_value",
    "duty_rate",
    "duty_amount",
    "tax_amount",
    "duty_at_stake",
    "controlled",
    "fraud",
    "critical",
    "extra_duty",
)


def declaration_rows(decl: Declaration) -> list[dict[str, Any]]:
    head: dict[str, Any] = {
        "reference": decl.reference,
        "version": decl.version,
        "declaration_date": decl.declaration_date,
        "office": decl.office,
        "declaration_type": decl.declaration_type,
        "procedure": decl.procedure,
        "declarant_id": decl.declarant.id,
        "importer_id": decl.importer.id,
        "exporter_id": decl.exporter.id if decl.exporter else None,
        "exporter_country": decl.exporter.country if decl.exporter else None,
        "seller_id": decl.seller.id if decl.seller else None,
        "courier_id": decl.courier.id if decl.courier else None,
        "country_dispatch": decl.country_dispatch,
        "country_destination": decl.country_destination,
        "transport_mode": decl.transport_mode,
        "incoterm": decl.incoterm,
        "invoice_currency": decl.invoice_currency,
        "exchange_rate": decl.exchange_rate,
        "n_items": len(decl.items),
        "n_containers": len(decl.containers),
    }
    for key, value in decl.attributes.items():
        head[f"attr_{key}"] = value
    rows = []
    for item in decl.items:
        row = dict(head)
        row.update(
            seq=item.seq,
            hs_code=item.hs_code,
            hs6=item.hs_code[:6],
            hs4=item.hs_code[:4],
            hs2=item.hs_code[:2],
            description=item.description,
            origin_country=item.origin_country,
            quantity=item.quantity,
            quantity_unit=item.quantity_unit,
            net_mass_kg=item.net_mass_kg,
            gross_mass_kg=item.gross_mass_kg,
            item_value=item.item_value,
            customs_value=item.customs_value,
            duty_rate=item.duty_rate,
            duty_amount=item.duty_amount,
            tax_amount=item.tax_amount,
            duty_at_stake=(item.duty_amount or 0.0) + (item.tax_amount or 0.0),
        )
        rows.append(row)
    return rows


_NEVER = datetime.min.replace(tzinfo=UTC)  # the key of a result without completed_at


def label_of(results: Iterable[ControlResult]) -> dict[str, Any]:
    """Collapse a declaration's control results into its label columns."""
    results = list(results)
    if not results:
        return {
            "controlled": 0,
            "fraud": np.nan,
            "critical": np.nan,
            "selection_reason": None,
            "extra_duty": np.nan,
            "completed_at": None,
        }
    # Compared as instants (a time without an offset is UTC, as the store reads it): one file
    # may give some times with an offset and some without, which raised TypeError here.
    ended = [instant(r.completed_at) if r.completed_at is not None else None for r in results]
    latest = max(range(len(results)), key=lambda i: (ended[i] is not None, ended[i] or _NEVER))
    return {
        "controlled": 1,
        "fraud": float(any(r.outcome is Outcome.NON_COMPLIANT for r in results)),
        "critical": float(any(r.severity is Severity.CRITICAL for r in results)),
        "selection_reason": str(results[latest].selection_reason),
        "extra_duty": float(sum(r.extra_duty for r in results)),
        # When the label became known (point-in-time features count it from then on): the
        # UTC instant, whether the result gave an offset or not.
        "completed_at": ended[latest],
    }


def items_frame(
    declarations: Iterable[Declaration],
    controls: Mapping[str, Iterable[ControlResult]] | None = None,
) -> pd.DataFrame:
    """Build the analysis frame; ``controls`` maps declaration reference -> its results."""
    rows = item_rows(declarations, controls)
    if rows and len(rows) <= FEW_ROWS:
        frame = few_rows_frame(rows)
        if frame is not None:
            return frame
    return finish_frame(pd.DataFrame.from_records(rows))


def item_rows(
    declarations: Iterable[Declaration],
    controls: Mapping[str, Iterable[ControlResult]] | None = None,
) -> list[dict[str, Any]]:
    """The records :func:`items_frame` builds its frame of: one per goods item (its
    declaration's header, the item, the labels)."""
    controls = controls or {}
    rows: list[dict[str, Any]] = []
    for decl in declarations:
        label = label_of(controls.get(decl.reference, ()))
        for row in declaration_rows(decl):
            row.update(label)
            rows.append(row)
    return rows


# Up to this many rows (a submission), items_frame builds the finished columns itself.
FEW_ROWS = 64


def few_rows_frame(
    rows: list[dict[str, Any]],
    more: Callable[[list[dict[str, Any]]], Mapping[str, Any] | None] | None = None,
) -> pd.DataFrame | None:
    """``finish_frame(pd.DataFrame.from_records(rows))`` for a few rows, built column by
    column in the contract's order with the contract's dtypes (no frame-wide assign, column
    reorder or per-column conversion afterwards, which cost more than scoring a declaration).
    None when a numeric column holds anything but numbers and missing cells (the caller then
    takes the general path).

    ``more(rows)``: columns (one value per row of ``rows``, in their order) to add after the
    contract's, replacing any of the same name (which then move to the end), as
    :func:`clearlane.features.facts.attach_facts` adds the facts to the sorted frame; the
    frame is built once with them instead of twice (a frame of a few rows costs about a
    millisecond to build, whatever it holds). When it gives None, so does this function."""
    data = few_rows_columns(rows, more)
    if data is None:
        return None
    frame = _frame_of(data, len(rows))
    if len(frame) < 2 or _in_order(rows):
        return frame
    return frame.sort_values(["declaration_date", "reference", "seq"], kind="stable")


def few_rows_columns(
    rows: list[dict[str, Any]],
    more: Callable[[list[dict[str, Any]]], Mapping[str, Any] | None] | None = None,
    *,
    deferred: bool = False,
) -> dict[str, Any] | None:
    """The columns :func:`few_rows_frame` builds its frame of (in the rows' order, before any
    sort), or None where that function gives None. ``deferred``: a column of only strings as
    :class:`TextCells` (its pandas array made when a frame or Series needs it)."""
    names = list(dict.fromkeys(name for row in rows for name in row))
    extra = sorted(name for name in names if name not in _FRAME_SET)
    data: dict[str, Any] = {}
    for name in (*FRAME_COLUMNS, *extra):
        values = [row.get(name, np.nan) for row in rows]
        if name in _NUMERIC_SET:
            column = _numeric_column(values)
            if column is None:
                return None
            data[name] = column
        elif name == "declaration_date":
            if _DATES is not None and all(type(v) is date for v in values):
                # Calendar dates in every cell (a submission's): the column pd.to_datetime
                # makes of them, without its parsing and inference.
                data[name] = _dates_array(np.array(values, dtype=_DATES))
            else:
                dates = pd.Series(values)
                if not pd.api.types.is_datetime64_any_dtype(dates):
                    dates = pd.to_datetime(dates)
                data[name] = dates
        elif _TEXT is not None and all(type(v) is str for v in values):
            # Text in every cell: the array pandas infers for it, without the inference.
            data[name] = TextCells(values) if deferred else _text_array(values)
        else:
            data[name] = values
    if more is not None:
        added = more(rows)
        if added is None:
            return None
        for name in added:
            data.pop(name, None)
        data.update(added)
    return data


def _frame_of(data: dict[str, Any], n: int) -> pd.DataFrame:
    """``pd.DataFrame(data, copy=False)`` for the columns :func:`few_rows_frame` makes (new
    arrays, extension arrays, Series on the default index and lists, ``n`` rows each) without
    the constructor's per-column checks and index inference, which cost about a third of
    building a few-rows frame: each list is converted by the function the constructor converts
    it with (``sanitize_array``), the arrays are handed over as they are (not consolidated,
    as the constructor leaves them). The same frame, column for column and dtype for dtype
    (``tests/intake/test_one_row_frames.py``); any other kind of column takes the
    constructor."""
    arrays = frame_arrays(data, n)
    if arrays is None:
        return pd.DataFrame(data, copy=False)  # every array is new: no copy of it first
    return frame_from_arrays(arrays, n)


def frame_arrays(data: Mapping[str, Any], n: int) -> dict[str, Any] | None:
    """The arrays :func:`_frame_of` makes its frame of, by column name: each the array the
    frame's column holds (a list converted by ``sanitize_array`` as the constructor converts
    it, a Series unwrapped, a numpy-backed extension array unwrapped as the block manager
    unwraps it); None for a kind of column that takes the constructor, or another pandas."""
    try:
        from pandas.api.extensions import ExtensionArray
        from pandas.core.construction import (  # type: ignore[attr-defined]
            extract_array,
            sanitize_array,
        )
    except ImportError:  # another pandas: the constructor
        return None
    index = pd.RangeIndex(n)
    arrays: dict[str, Any] = {}
    for name, value in data.items():
        if type(value) is TextCells and len(value) == n:
            arrays[name] = value  # made by frame_from_arrays or FrameColumns.series
            continue
        if isinstance(value, pd.Series) and value.index.equals(index):
            value = value.array  # the constructor takes the same (numpy ones unwrapped)
        elif type(value) is list and len(value) == n:
            value = sanitize_array(value, index, copy=False)
        elif (
            not (
                (isinstance(value, np.ndarray) and value.dtype != object and value.ndim == 1)
                or isinstance(value, ExtensionArray)
            )
            or len(value) != n
        ):
            return None
        arrays[name] = extract_array(value, extract_numpy=True)
    return arrays


def frame_from_arrays(arrays: Mapping[str, Any], n: int) -> pd.DataFrame:
    """The frame of :func:`frame_arrays`' arrays on ``RangeIndex(n)``, each held as it is."""
    from pandas.core.internals.construction import arrays_to_mgr

    manager = arrays_to_mgr(
        [a.pandas_array() if type(a) is TextCells else a for a in arrays.values()],
        pd.Index(list(arrays)),
        pd.RangeIndex(n),
        verify_integrity=False,
        consolidate=False,
    )
    return pd.DataFrame._from_mgr(manager, axes=manager.axes)  # type: ignore[attr-defined]


class TextCells:
    """A text column of a few rows, only strings, before its pandas array (pandas' string
    dtype, :func:`_text_array`) is made: what :class:`clearlane.features.columns.FrameColumns`
    reads of it (the dtype, a cell, the list, the object array) without making the array,
    which costs more than reading it. ``pandas_array()`` makes it (once)."""

    __slots__ = ("_array", "values")

    def __init__(self, values: list[str]) -> None:
        self.values = values
        self._array: Any = None

    @property
    def dtype(self) -> Any:
        return _TEXT

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, i: int) -> str:
        return self.values[i]

    def tolist(self) -> list[str]:
        """The strings (as the array's ``tolist`` gives them)."""
        return list(self.values)

    def to_numpy(self, dtype: Any = object) -> np.ndarray:
        """The strings as an object array (as the array's ``to_numpy(object)`` gives them)."""
        if dtype is not object:
            return np.asarray(self.pandas_array().to_numpy(dtype=dtype))
        out = np.empty(len(self.values), dtype=object)
        out[:] = self.values
        return out

    def pandas_array(self) -> Any:
        if self._array is None:
            self._array = _text_array(self.values)
        return self._array


def _in_order(rows: list[dict[str, Any]]) -> bool:
    """Whether the stable sort by (declaration_date, reference, seq) would keep ``rows`` as
    they are, decided only in the plain case of one declaration: the same date (a
    ``date``/``datetime``) and reference (a ``str``) in every row and ``int`` item numbers that
    never decrease (the sort then returns the frame unchanged, index included). Anything else
    (several declarations, missing or odd values) is left to the sort."""
    first = rows[0]
    when, reference = first.get("declaration_date"), first.get("reference")
    if type(reference) is not str or not isinstance(when, date) or isinstance(when, pd.Timestamp):
        return False
    previous = None
    for row in rows:
        seq = row.get("seq")
        if type(seq) is not int or row.get("reference") != reference:
            return False
        if type(row.get("declaration_date")) is not type(when):
            return False
        if row.get("declaration_date") != when or (previous is not None and seq < previous):
            return False
        previous = seq
    return True


def _text_dtype() -> Any:
    """The dtype pandas infers for a list of strings when it is its string dtype (pandas 3:
    Arrow-backed ``str``), else None."""
    dtype = pd.Series(["text"]).dtype
    return dtype if isinstance(dtype, pd.StringDtype) else None


def _dates_dtype() -> np.dtype[Any] | None:
    """The numpy dtype of the column ``pd.to_datetime`` makes of ``datetime.date`` cells
    (pandas 3: ``datetime64[s]``), when it is one; else None."""
    dtype = pd.to_datetime(pd.Series([date(2000, 1, 1)])).dtype
    return dtype if isinstance(dtype, np.dtype) and dtype.kind == "M" else None


_TEXT = _text_dtype()
_TEXT_ARRAY: Any = _TEXT.construct_array_type() if _TEXT is not None else None
_DATES = _dates_dtype()


def _dates_array(values: np.ndarray) -> Any:
    """The array ``pd.Series(values).array`` holds for a datetime64 array (pandas'
    ``DatetimeArray`` of the same unit, on the same data), without the Series: a Series
    of one date cost a submission about 45 µs (#15); :func:`frame_arrays` takes either
    alike. The Series on a pandas without ``DatetimeArray._simple_new``."""
    make = getattr(_DATETIME_ARRAY, "_simple_new", None)
    if make is None:
        return pd.Series(values)
    return make(values, dtype=values.dtype)


def object_cells(values: list[Any]) -> Any:
    """The array ``pd.Series(values, dtype=object).array`` holds (a numpy-backed extension
    array over a 1-D object array, one cell per value even when the values are lists),
    without the Series, which cost a submission about 20 µs for its facts' evidence (#15);
    :func:`frame_arrays` takes either alike. The Series on another pandas."""
    if _OBJECT_ARRAY is None or _OBJECTS_1D is None:
        return pd.Series(values, dtype=object)
    return _OBJECT_ARRAY(_OBJECTS_1D(values))


def _pandas_cast() -> Any:
    try:
        return importlib.import_module("pandas.core.dtypes.cast")
    except ImportError:  # pragma: no cover - another pandas: the Series
        return None


# None on a pandas without them (the Series then)
_DATETIME_ARRAY: Any = getattr(pd.arrays, "DatetimeArray", None)
_OBJECT_ARRAY: Any = getattr(pd.arrays, "NumpyExtensionArray", None)
_OBJECTS_1D: Any = getattr(_pandas_cast(), "construct_1d_object_array_from_listlike", None)


def _text_array(values: list[str]) -> Any:
    """The array of pandas' string dtype for these strings (only strings): for Arrow-backed
    ``str`` the large-string Arrow array ``_from_sequence`` makes, without its per-value
    conversion to ``str`` (they are) and dtype checks."""
    if _TEXT.storage == "pyarrow":
        return _TEXT_ARRAY(pa.array(values, type=pa.large_string()), dtype=_TEXT)
    return _TEXT_ARRAY._from_sequence(np.array(values, dtype=object), dtype=_TEXT)


_FRAME_SET = frozenset(FRAME_COLUMNS)
_NUMERIC_SET = frozenset(NUMERIC_COLUMNS)


def _numeric_column(values: list[Any]) -> np.ndarray | None:
    """A numeric column as pandas infers it from these cells and ``pd.to_numeric`` leaves
    it: int64 when every cell is an int, else float64 (missing cells NaN); None for any other
    cell (text, bool, ...)."""
    if all(type(v) is int for v in values):
        if all(-(2**63) <= v < 2**63 for v in values):
            return np.array(values, dtype=np.int64)
        return None
    out = np.empty(len(values))
    for i, v in enumerate(values):
        if type(v) is float or type(v) is int:
            out[i] = v
        elif v is None:
            out[i] = np.nan
        else:
            return None
    return out


class FrameColumns:
    """Builds the analysis frame of many declarations, one declaration at a time.

    The frame of a large file or store is built without holding validated objects or a dict
    per row: each declaration keeps one tuple of header values and one tuple per goods item,
    and every ``chunk_items`` goods items those tuples become Arrow arrays, one per column
    (a few bytes a cell instead of a Python object each: a million goods items held about
    1.6 GB of tuples and their values before). At the end the chunks of each column are
    joined and handed to pandas with the dtypes ``DataFrame.from_records`` gives the same
    values (text as pandas' Arrow-backed ``str``, numbers as int64/float64); the header
    columns (and the labels, joined by reference) are repeated per item with one ``take``.
    The result equals :func:`items_frame` of the same declarations and control results.

    Declarations come either as validated :class:`Declaration` objects (files) or as the
    normalised JSON the store keeps (``Declaration.model_dump(mode="json", exclude_none=True)``,
    validated when it was ingested).
    """

    def __init__(self, chunk_items: int = 50_000) -> None:
        self.chunk_items = max(1, chunk_items)
        self.heads: list[tuple[Any, ...]] = []  # the current chunk's tuples
        self.items: list[tuple[Any, ...]] = []
        self.counts: list[int] = []
        self.n_heads = 0
        self.attributes: dict[str, list[Any]] = {}
        self._head_chunks: list[list[_Chunk]] = [[] for _ in HEADER_FIELDS]
        self._item_chunks: list[list[_Chunk]] = [[] for _ in ITEM_FIELDS]

    def _append(
        self, head: tuple[Any, ...], attributes: Mapping[str, Any], items: list[tuple[Any, ...]]
    ) -> None:
        before = self.n_heads
        self.heads.append(head)
        self.items.extend(items)
        self.counts.append(len(items))
        self.n_heads += 1
        if len(self.items) >= self.chunk_items:
            self._flush()
        if not attributes and not self.attributes:
            return
        for key, value in attributes.items():
            column = self.attributes.get(f"attr_{key}")
            if column is None:  # a key first seen here: earlier rows lack it (NaN, as from_records)
                column = self.attributes[f"attr_{key}"] = [np.nan] * before
            column.append(value)
        for column in self.attributes.values():
            if len(column) == before:
                column.append(np.nan)

    def _flush(self) -> None:
        """The current chunk's tuples as one compact array per column."""
        for rows, chunks in ((self.heads, self._head_chunks), (self.items, self._item_chunks)):
            if rows:
                for j, values in enumerate(zip(*rows, strict=True)):
                    chunks[j].append(_chunk(values))
                rows.clear()

    def add_declaration(self, decl: Declaration) -> None:
        exporter, seller, courier = decl.exporter, decl.seller, decl.courier
        head = (
            decl.reference,
            decl.version,
            decl.declaration_date,
            decl.office,
            decl.declaration_type,
            decl.procedure,
            decl.declarant.id,
            decl.importer.id,
            exporter.id if exporter else None,
            exporter.country if exporter else None,
            seller.id if seller else None,
            courier.id if courier else None,
            decl.country_dispatch,
            decl.country_destination,
            decl.transport_mode,
            decl.incoterm,
            decl.invoice_currency,
            decl.exchange_rate,
            len(decl.items),
            len(decl.containers),
        )
        items = [
            (
                item.seq,
                item.hs_code,
                item.hs_code[:6],
                item.hs_code[:4],
                item.hs_code[:2],
                item.description,
                item.origin_country,
                item.quantity,
                item.quantity_unit,
                item.net_mass_kg,
                item.gross_mass_kg,
                item.item_value,
                item.customs_value,
                item.duty_rate,
                item.duty_amount,
                item.tax_amount,
                (item.duty_amount or 0.0) + (item.tax_amount or 0.0),
            )
            for item in decl.items
        ]
        self._append(head, decl.attributes, items)

    def add_normalised(self, payload: Mapping[str, Any]) -> None:
        """One declaration as the store keeps it (absent keys are None, dates ISO strings)."""
        get = payload.get
        exporter, seller, courier = get("exporter") or {}, get("seller") or {}, get("courier") or {}
        raw_items = payload["items"]
        head = (
            payload["reference"],
            payload["version"],
            date.fromisoformat(payload["declaration_date"]),
            get("office"),
            get("declaration_type"),
            get("procedure"),
            (get("declarant") or {}).get("id"),
            (get("importer") or {}).get("id"),
            exporter.get("id"),
            exporter.get("country"),
            seller.get("id"),
            courier.get("id"),
            get("country_dispatch"),
            get("country_destination"),
            get("transport_mode"),
            get("incoterm"),
            get("invoice_currency"),
            get("exchange_rate"),
            len(raw_items),
            len(get("containers") or ()),
        )
        items = []
        for item in raw_items:
            hs_code, duty, tax = item["hs_code"], item.get("duty_amount"), item.get("tax_amount")
            items.append(
                (
                    item["seq"],
                    hs_code,
                    hs_code[:6],
                    hs_code[:4],
                    hs_code[:2],
                    item.get("description"),
                    item.get("origin_country"),
                    item.get("quantity"),
                    item.get("quantity_unit"),
                    item.get("net_mass_kg"),
                    item.get("gross_mass_kg"),
                    item.get("item_value"),
                    item.get("customs_value"),
                    item.get("duty_rate"),
                    duty,
                    tax,
                    (duty or 0.0) + (tax or 0.0),
                )
            )
        self._append(head, get("attributes") or {}, items)

    def frame(self, controls: Mapping[str, Iterable[ControlResult]] | None = None) -> pd.DataFrame:
        """The finished frame, labelled from ``controls`` (reference -> its results).

        The chunks are released once pandas holds the columns.
        """
        controls = controls or {}
        if not self.n_heads:
            return finish_frame(pd.DataFrame.from_records([]))
        self._flush()
        heads = pd.DataFrame(
            {
                name: _column(chunks)
                for name, chunks in zip(HEADER_FIELDS, self._head_chunks, strict=True)
            }
        )
        self._head_chunks = [[] for _ in HEADER_FIELDS]
        unlabelled = label_of(())
        labels = [
            label_of(results) if (results := controls.get(reference)) else unlabelled
            for reference in heads["reference"].tolist()
        ]
        for name in unlabelled:  # every label column, completed_at included (as items_frame)
            heads[name] = pd.Series([label[name] for label in labels])
        del labels
        for name in list(self.attributes):
            heads[name] = pd.Series(self.attributes.pop(name))
        positions = np.repeat(np.arange(self.n_heads), self.counts)
        self.counts, self.n_heads = [], 0
        items = pd.DataFrame(
            {
                name: _column(chunks)
                for name, chunks in zip(ITEM_FIELDS, self._item_chunks, strict=True)
            }
        )
        self._item_chunks = [[] for _ in ITEM_FIELDS]
        repeated = heads.take(positions).reset_index(drop=True)
        del heads, positions
        frame = pd.concat([repeated, items], axis=1)
        del repeated, items
        return finish_frame(frame)


# A column chunk: an Arrow array, or the values themselves when Arrow cannot type them
# (mixed kinds, which from_records keeps as object).
_Chunk: TypeAlias = "pa.Array | tuple[Any, ...]"
_STR = pd.StringDtype("pyarrow", na_value=np.nan)


def _chunk(values: tuple[Any, ...]) -> _Chunk:
    try:
        return pa.array(values, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
        return values


def _column(chunks: list[_Chunk]) -> Any:
    """One frame column from its chunks, as ``DataFrame.from_records`` would type the values:
    text (missing cells None) -> ``str``; integers -> int64, or float64 with missing cells;
    floats -> float64; dates stay Python dates (``finish_frame`` converts them, as before);
    anything else -> object."""
    arrays = [c for c in chunks if isinstance(c, pa.Array)]
    if len(arrays) < len(chunks) or not arrays:
        return _objects(chunks)
    kinds = {a.type for a in arrays if not pa.types.is_null(a.type)}
    if not kinds:  # no value at all: None everywhere, as from_records gives
        return _objects(chunks)
    if kinds <= {pa.int64(), pa.float64()}:
        target = pa.float64() if pa.float64() in kinds else pa.int64()
        joined = pa.chunked_array([a.cast(target) for a in arrays], type=target)
        if target == pa.int64() and joined.null_count == 0:
            return joined.to_numpy()
        return joined.cast(pa.float64()).to_numpy()  # nulls -> NaN
    if kinds == {pa.string()}:
        joined = pa.chunked_array([a.cast(pa.large_string()) for a in arrays])
        return pd.array(joined.combine_chunks(), dtype=_STR)
    return _objects(chunks)


def _objects(chunks: list[_Chunk]) -> np.ndarray:
    """The chunks' values as Python objects (None for missing), as from_records keeps them."""
    values: list[Any] = []
    for c in chunks:
        values.extend(c.to_pylist() if isinstance(c, pa.Array) else c)
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def finish_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Give any frame the contract's columns and dtypes (missing columns become empty)."""
    # Only the columns that need it are converted: each assignment costs a block copy, which
    # dominates on the one-row frames of single submissions.
    missing = [c for c in FRAME_COLUMNS if c not in frame.columns]
    if missing:
        frame = frame.assign(**dict.fromkeys(missing, np.nan))
    converted: dict[str, Any] = {}
    if not pd.api.types.is_datetime64_any_dtype(frame["declaration_date"]):
        converted["declaration_date"] = pd.to_datetime(frame["declaration_date"])
    for column in NUMERIC_COLUMNS:
        if not pd.api.types.is_numeric_dtype(frame[column]):
            converted[column] = pd.to_numeric(frame[column], errors="coerce")
    if converted:
        frame = frame.assign(**converted)
    ordered = [*FRAME_COLUMNS, *sorted(c for c in frame.columns if c not in FRAME_COLUMNS)]
    frame = frame[ordered]
    if len(frame) < 2:
        return frame
    return frame.sort_values(["declaration_date", "reference", "seq"], kind="stable")


def records_of(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """``frame.to_dict("records")`` (column -> value per row, Python scalars), built column by
    column: several times faster on the few rows of a submission."""
    columns = {str(name): frame[name].tolist() for name in frame.columns}
    return [
        dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)
    ]
