"""Reading frame columns on the scoring path: stripped text, numbers and days as plain arrays.

A pandas column access costs tens of microseconds and a feature computation reads some forty
columns, which dominated scoring one declaration; :class:`FrameColumns` reads a one-row frame
in one go instead. Conversions match pandas' (``astype("string").str.strip()`` with blanks
missing, ``to_numeric(errors="coerce")``, ``to_datetime(...).dt.normalize()``) cell for cell.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

_NAN = float("nan")


def day(values: pd.Series) -> pd.Series:
    """Dates as midnight timestamps in ns, so 'same day' is a plain equality."""
    return pd.to_datetime(values, errors="coerce").astype("datetime64[ns]").dt.normalize()


def day_values(values: pd.Series) -> np.ndarray:
    """:func:`day` as a ``datetime64[ns]`` array, without pandas overhead for naive datetimes."""
    if values.dtype.kind == "M" and isinstance(values.dtype, np.dtype):
        days = values.to_numpy().astype("datetime64[D]")  # floors, as normalize() does
        return days.astype("datetime64[ns]")
    return day(values).to_numpy(dtype="datetime64[ns]")


def _is_na(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def text_of(value: object) -> Any:
    """One cell as stripped text, NaN when missing or blank (as ``astype("string").str.strip()``
    followed by blank -> missing; bytes are decoded the way pandas does)."""
    if type(value) is str:
        text = value.strip()
        return text if text else _NAN
    if type(value) is float:
        return _NAN if value != value else str(value)
    if _is_na(value):
        return _NAN
    if isinstance(value, bytes):
        value = value.decode()
    text = str(value).strip()
    return text if text else _NAN


def _text_like(dtype: Any) -> bool:
    """Column dtypes whose cells :func:`text_of` converts exactly like pandas' string dtype."""
    if isinstance(dtype, pd.StringDtype):
        return True
    return isinstance(dtype, np.dtype) and (dtype.kind in "Obiu" or dtype == np.float64)


def _texts(values: Sequence[Any]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = [text_of(v) for v in values]
    return out


# From this many rows on, string columns are stripped by pandas (Arrow) rather than cell by cell.
_VECTOR_ROWS = 64


def text_values(series: pd.Series) -> np.ndarray:
    """Stripped text per cell as an object array (NaN for missing or blank)."""
    if isinstance(series.dtype, pd.StringDtype) and len(series) >= _VECTOR_ROWS:
        # The same pandas steps on the distinct values only (a column repeats its codes).
        codes, uniques = pd.factorize(series)  # missing cells -> -1
        texts = _pandas_texts(pd.Series(uniques, dtype=series.dtype))
        return np.append(texts, np.nan).astype(object)[codes]
    if not _text_like(series.dtype):
        return _pandas_texts(series)
    if series.dtype == object and len(series) >= _VECTOR_ROWS:
        values = series.to_numpy()
        if pd.api.types.infer_dtype(values, skipna=True) == "string":
            return _distinct_texts(values)
    return _texts(series.tolist())


def _pandas_texts(series: pd.Series) -> np.ndarray:
    """``astype("string").str.strip()``, blanks missing, as an object array (NaN missing)."""
    s = series.astype("string").str.strip()
    texts = s.mask(s == "").astype(object).where(s.notna(), np.nan)
    return texts.to_numpy(dtype=object, copy=True)


def _distinct_texts(values: np.ndarray) -> np.ndarray:
    """:func:`text_of` of an object array of strings and missing cells, computed once per
    distinct string (a column repeats its codes and identifiers many times)."""
    codes, uniques = pd.factorize(values)  # missing cells -> -1
    texts = np.empty(len(uniques) + 1, dtype=object)
    texts[:-1] = [text_of(v) for v in uniques.tolist()]
    texts[-1] = _NAN
    return texts[codes]


def join_keys(parts: Sequence[np.ndarray]) -> np.ndarray:
    """Join per-row text parts with "|"; NaN when any part is missing (not a str)."""
    if len(parts) == 1:
        return parts[0]
    if len(parts[0]) < _VECTOR_ROWS:
        out = np.empty(len(parts[0]), dtype=object)
        out[:] = [
            "|".join(row) if all(type(p) is str for p in row) else _NAN
            for row in zip(*parts, strict=True)
        ]
        return out
    n = len(parts[0])
    missing = np.zeros(n, dtype=bool)
    for part in parts:
        missing |= pd.isna(part)
    if missing.all():
        return np.full(n, _NAN, dtype=object)
    # Each distinct combination of parts is joined once and its rows share the str: a new
    # string per row and key (several per row on training frames) cost about 70 bytes each.
    group = np.zeros(n, dtype=np.int64)
    for part in parts:
        codes, uniques = pd.factorize(part)  # missing cells -> -1
        group, _ = pd.factorize(group * (len(uniques) + 1) + (codes + 1))
    n_groups = int(group.max()) + 1
    first = np.empty(n_groups, dtype=np.int64)
    first[group[::-1]] = np.arange(n - 1, -1, -1)  # each group's first row
    keys = np.full(n_groups + 1, _NAN, dtype=object)
    whole = first[~missing[first]]
    keys[group[whole]] = ["|".join(row) for row in zip(*(p[whole] for p in parts), strict=True)]
    out = keys[group]
    out[missing] = _NAN
    return out


class FrameColumns:
    """Columns of a frame as plain arrays; a one-row frame is read once as a row (a fraction
    of the cost of reading its columns one by one).

    :meth:`of_arrays` reads the arrays a frame would be made of without making it (the
    online path's few-rows frame, :func:`clearlane.features.facts.facts_columns`): the same
    cells, dtypes and index as a frame of those arrays gives, the frame itself made only
    when something asks for :attr:`frame`."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame: pd.DataFrame | None = frame
        self._arrays: Mapping[str, Any] | None = None
        self._make: Callable[[], pd.DataFrame] | None = None
        self.n = len(frame)
        self._row: dict[Any, tuple[Any, Any]] | None = None
        if self.n == 1 and frame.columns.is_unique:
            cells = zip(frame.iloc[0].tolist(), frame.dtypes.tolist(), strict=True)
            self._row = dict(zip(frame.columns.tolist(), cells, strict=True))

    @classmethod
    def of_arrays(
        cls, arrays: Mapping[str, Any], n: int, make: Callable[[], pd.DataFrame]
    ) -> FrameColumns:
        """The columns of the frame ``make()`` gives, read from ``arrays`` (column name ->
        the numpy or extension array the frame's column holds, ``n`` cells each, on a
        ``RangeIndex(n)``) without making it; ``make`` is called once, on the first read of
        :attr:`frame`. A one-row frame's row holds each cell as ``frame.iloc[0].tolist()``
        gives it (numpy scalars, timestamps for dates, str or NaN for text: the cells of a
        row of mixed dtypes), so reads do not depend on which way the columns came."""
        self = cls.__new__(cls)
        self._frame, self._arrays, self._make = None, arrays, make
        self.n = n
        self._row = None
        if n == 1:
            self._row = {name: (_first_cell(a), a.dtype) for name, a in arrays.items()}
            if not _mixed([dtype for _, dtype in self._row.values()]):
                self._row = None  # one dtype: the frame's row is of it, not of objects
                self._load()
        return self

    def _load(self) -> pd.DataFrame:
        if self._frame is None:
            assert self._make is not None
            self._frame = self._make()
            if self.n == 1 and self._row is None:
                cells = zip(self._frame.iloc[0].tolist(), self._frame.dtypes.tolist(), strict=True)
                self._row = dict(zip(self._frame.columns.tolist(), cells, strict=True))
        return self._frame

    @property
    def frame(self) -> pd.DataFrame:
        """The frame these columns are read from (made on first use by :meth:`of_arrays`)."""
        return self._load()

    def reads(self, frame: pd.DataFrame) -> bool:
        """Whether these are the columns of ``frame`` (without making a frame not made)."""
        return self._frame is frame

    @property
    def index(self) -> pd.Index:
        """The frame's index (``RangeIndex(n)`` for :meth:`of_arrays`)."""
        return self._frame.index if self._frame is not None else pd.RangeIndex(self.n)

    def __len__(self) -> int:
        return self.n

    def _raw(self, name: str) -> Any:
        """The array of column ``name`` given to :meth:`of_arrays` (None otherwise)."""
        return self._arrays[name] if self._arrays is not None else None

    def series(self, name: str) -> pd.Series:
        """``frame[name]`` (for :meth:`of_arrays`, a Series of the column's array)."""
        if self._frame is not None or self._arrays is None:
            return self.frame[name]
        array = self._arrays[name]
        make = getattr(array, "pandas_array", None)  # clearlane.frames.TextCells
        if make is not None:
            array = make()
        return pd.Series(array, index=self.index, name=name, copy=False)

    @property
    def is_row(self) -> bool:
        """Whether the frame was read as one row (a one-row frame with unique columns)."""
        return self._row is not None

    def cell(self, name: str) -> Any:
        """The one cell of column ``name`` of a frame read as a row (:attr:`is_row`), as
        ``frame[name].tolist()[0]`` holds it up to its type: a number stays a number, text
        text, a missing cell missing (None, NaN or NA)."""
        assert self._row is not None, "FrameColumns.cell needs a frame read as a row"
        value, dtype = self._row[name]
        if type(value) is float and isinstance(dtype, np.dtype) and dtype.kind in "iub":
            # A row of only numeric columns is read as floats: the column's own type back.
            value = dtype.type(value).item()
        return value

    def __contains__(self, name: str) -> bool:
        if self._row is not None:
            return name in self._row
        if self._arrays is not None and self._frame is None:
            return name in self._arrays
        return name in self.frame.columns

    def _cell(self, name: str) -> tuple[Any, Any] | None:
        """(value, dtype) of a one-row frame's column (None when read column-wise)."""
        return None if self._row is None else self._row[name]

    def texts(self, name: str) -> np.ndarray:
        """Stripped text (object array, NaN for missing/blank), NaN everywhere when absent."""
        if name not in self:
            return np.full(self.n, np.nan, dtype=object)
        cell = self._cell(name)
        if cell is None or not _text_like(cell[1]):
            raw = self._raw(name)
            if raw is not None and self.n < _VECTOR_ROWS and _text_like(raw.dtype):
                return _texts(raw.tolist())  # text_values' path for a few rows, no Series
            return text_values(self.series(name))
        value, dtype = cell
        return _texts([float(value) if dtype == np.float64 else value])

    def numbers(self, name: str) -> np.ndarray:
        """Float64 values (non-numbers -> NaN), NaN everywhere when absent."""
        if name not in self:
            return np.full(self.n, np.nan)
        cell = self._cell(name)
        if cell is not None:
            value, dtype = cell
            if isinstance(dtype, np.dtype) and dtype.kind in "biuf":
                return np.array([value], dtype=float)
        else:
            raw = self._raw(name)
            if isinstance(raw, np.ndarray) and raw.dtype.kind in "biuf":
                return np.array(raw, dtype=float)  # Series.to_numpy's values (a copy)
            values = self.series(name)
            if isinstance(values.dtype, np.dtype) and values.dtype.kind in "biuf":
                return values.to_numpy(dtype=float)
        return pd.to_numeric(self.series(name), errors="coerce").astype(float).to_numpy()

    def days(self, name: str) -> np.ndarray:
        """Days as ``datetime64[ns]`` (see :func:`day`), NaT everywhere when absent."""
        if name not in self:
            return np.full(self.n, np.datetime64("NaT"), dtype="datetime64[ns]")
        cell = self._cell(name)
        if cell is not None:
            value, dtype = cell
            if isinstance(dtype, np.dtype) and dtype.kind == "M":
                days = np.array([_datetime64(value)]).astype("datetime64[D]")
                return days.astype("datetime64[ns]")
        raw = self._raw(name)
        if raw is not None and isinstance(raw.dtype, np.dtype) and raw.dtype.kind == "M":
            # day_values' path for naive datetimes, on the column's own array
            return np.asarray(raw).astype("datetime64[D]").astype("datetime64[ns]")
        return day_values(self.series(name))

    def objects(self, name: str) -> np.ndarray:
        """The raw cells as an object array (the column must exist)."""
        cell = self._cell(name)
        if cell is not None:
            out = np.empty(1, dtype=object)
            out[0] = cell[0]
            return out
        raw = self._raw(name)
        if raw is not None and isinstance(raw.dtype, pd.StringDtype):
            return raw.to_numpy(dtype=object)  # what Series.to_numpy hands to its array
        return self.series(name).to_numpy(dtype=object)

    def column(self, name: str) -> pd.Series | np.ndarray:
        """The column as a Series, or for a one-row frame as a 1-element array with the
        column's numpy dtype (object for strings): the same values, cheaper to make."""
        cell = self._cell(name)
        if cell is not None:
            value, dtype = cell
            if isinstance(dtype, pd.StringDtype) or (
                isinstance(dtype, np.dtype) and dtype.kind in "Obiuf"
            ):
                out = np.empty(1, dtype=dtype if isinstance(dtype, np.dtype) else object)
                out[0] = value
                return out
            if isinstance(dtype, np.dtype) and dtype.kind == "M":
                return np.array([_datetime64(value)]).astype(dtype)
        return self.series(name)


def _datetime64(value: Any) -> np.datetime64:
    if value is pd.NaT or isinstance(value, pd.Timestamp):
        return value.to_datetime64()
    return np.datetime64(value)


def _first_cell(array: Any) -> Any:
    """Cell 0 of a column's array as a row of mixed dtypes holds it (``frame.iloc[0]``):
    numpy scalars as they are, a datetime64 as a :class:`pandas.Timestamp` (NaT for none),
    an extension array's own scalar."""
    if isinstance(array, np.ndarray) and array.dtype.kind in "mM":
        return pd.array(array[:1])[0]
    return array[0]


def _mixed(dtypes: list[Any]) -> bool:
    """Whether a row of these dtypes is read as objects: numpy dtypes of more than one kind
    together with text (the only rows :meth:`FrameColumns.of_arrays` reads itself)."""
    kinds = {d.kind for d in dtypes if isinstance(d, np.dtype)}
    return isinstance(dtypes[0], pd.StringDtype) and len(kinds) > 1 and "f" in kinds
