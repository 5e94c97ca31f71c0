"""As-of tables: the state of each key after each day, looked up strictly before a row's day.

Every history feature (trader hit rates, peer price quantiles, tenure...) is stored as one of
these tables. Training rows and new rows go through the same lookup, so a feature can never see
its own day (or anything later): that is what makes the features point-in-time by construction.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clearlane.features.columns import day, join_keys, text_values

__all__ = ["MISSING_KEY", "AsOfTable", "FactorKeys", "Snapshot", "as_ns", "day", "make_key"]

MISSING_KEY = "\x00"  # a key no real value produces; rows with an incomplete key look this up
_KEY, _DATE, _POS = "_key", "_date", "_pos"


def as_ns(when: np.datetime64) -> float:
    """A date as integer nanoseconds since the epoch, NaT as infinity: compared as
    datetime64 values compare (``NaT <= end`` is False, and so is ``inf <= end``), in a
    Python comparison (about 30 ns) rather than a datetime64 one (about 2.5 µs, some 30 times
    a transform)."""
    if np.isnat(when):
        return math.inf
    return int(when.astype("M8[ns]").astype(np.int64))


def make_key(frame: pd.DataFrame, columns: Sequence[str]) -> pd.Series:
    """One string key per row from several columns; NaN when any part is missing or absent."""
    parts = []
    for column in columns:
        if column not in frame.columns:
            return pd.Series(np.nan, index=frame.index, dtype=object)
        parts.append(text_values(frame[column]))
    return pd.Series(join_keys(parts), index=frame.index, dtype=object, name=columns[0])


@dataclass
class AsOfTable:
    """Per key, the value columns after each day with events; ``last`` is the final state."""

    columns: tuple[str, ...]
    table: pd.DataFrame  # _key, _date, *columns; sorted by _date
    last: pd.DataFrame  # index: key
    end: pd.Timestamp | None
    # Lazily built from ``last`` for lookups after the history (not pickled).
    _snapshot: Snapshot | None = field(default=None, init=False, repr=False, compare=False)
    # Lazily built from ``table`` for a few rows within the history (not pickled).
    _by_key: _ByKey | None = field(default=None, init=False, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_snapshot", None)
        state.pop("_by_key", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._snapshot = None
        self._by_key = None

    @classmethod
    def empty(cls, columns: Sequence[str]) -> AsOfTable:
        table = pd.DataFrame({_KEY: pd.Series(dtype=object), _DATE: pd.Series(dtype="M8[ns]")})
        for column in columns:
            table[column] = pd.Series(dtype=float)
        return cls(tuple(columns), table, table.drop(columns=_DATE).set_index(_KEY), None)

    @classmethod
    def cumulative(cls, keys: pd.Series, dates: pd.Series, values: pd.DataFrame) -> AsOfTable:
        """Additive events (counts, sums): the state after a day is the running sum."""
        columns = tuple(values.columns)
        ok = keys.notna() & dates.notna()
        if not ok.any():
            return cls.empty(columns)
        df = values.loc[ok].astype(float).assign(**{_KEY: keys[ok].values, _DATE: dates[ok].values})
        daily = df.groupby([_KEY, _DATE], sort=True).sum()
        state = daily.groupby(level=_KEY, sort=False).cumsum().reset_index()
        return cls._finish(columns, state)

    @classmethod
    def from_running(cls, keys: pd.Series, dates: pd.Series, running: pd.DataFrame) -> AsOfTable:
        """Non-additive state (quantiles, first/last seen) already computed per row in date
        order: the state after a day is the one of that day's last row."""
        columns = tuple(running.columns)
        ok = keys.notna() & dates.notna()
        if not ok.any():
            return cls.empty(columns)
        df = (
            running.loc[ok].astype(float).assign(**{_KEY: keys[ok].values, _DATE: dates[ok].values})
        )
        state = df.groupby([_KEY, _DATE], sort=True).last().reset_index()
        return cls._finish(columns, state)

    @classmethod
    def _finish(cls, columns: tuple[str, ...], state: pd.DataFrame) -> AsOfTable:
        state = state.sort_values(_DATE, kind="stable").reset_index(drop=True)
        last = state.groupby(_KEY, sort=False)[list(columns)].last()
        return cls(columns, state, last, pd.Timestamp(state[_DATE].max()))

    def lookup(self, keys: pd.Series, dates: pd.Series) -> pd.DataFrame:
        """State of each row's key as of the end of the day before the row's date (NaN if none).

        Rows without a date are treated as coming after the whole history.
        """
        keys = keys.where(keys.notna(), MISSING_KEY).astype(object)
        if self.end is None or not (dates.notna() & (dates <= self.end)).any():
            out = self.last.reindex(keys.values)
            out.index = keys.index
            return out
        left = pd.DataFrame(
            {
                _KEY: keys.values,
                _DATE: dates.fillna(self.end + pd.Timedelta(days=1)).values,
                _POS: np.arange(len(keys)),
            }
        ).sort_values(_DATE, kind="stable")
        merged = pd.merge_asof(
            left, self.table, on=_DATE, by=_KEY, allow_exact_matches=False, direction="backward"
        )
        merged = merged.sort_values(_POS)
        out = merged[list(self.columns)].set_axis(keys.index)
        return out

    def values_at(
        self,
        keys: np.ndarray | FactorKeys,
        dates: np.ndarray,
        earliest: float | np.datetime64 | None = None,
        *,
        zero: bool = False,
    ) -> np.ndarray:
        """:meth:`lookup` on plain arrays: ``keys`` (object, NaN where incomplete) and
        ``dates`` (datetime64[ns]) -> a float matrix, one column per value column (with
        ``zero``, NaN (never seen) as 0).

        When no row is dated within the table's history (the production case: new
        declarations), every row gets its key's final state from a snapshot of plain arrays,
        built once; otherwise rows go through the as-of join of :meth:`lookup`. ``earliest``
        is the first date in ``dates`` (NaT if none), when the caller knows it: as
        :func:`as_ns` gives it (a transform converts it once for its some 30 lookups) or as
        datetime64.
        """
        snapshot = self._snapshot
        if self.end is not None and len(dates):
            if earliest is None:  # the first dated row (NaT: none is dated)
                known = dates[~np.isnat(dates)]
                earliest = as_ns(known.min() if len(known) else np.datetime64("NaT"))
            elif isinstance(earliest, np.datetime64):
                earliest = as_ns(earliest)
            # The table's end in integer nanoseconds, kept with the snapshot (a Timestamp's
            # conversion per lookup cost more than the lookup); NaT (inf) <= end is False.
            end = snapshot.end_ns if snapshot is not None else int(self.end.value)
            if earliest <= end:
                full = keys.full() if isinstance(keys, FactorKeys) else keys
                if len(full) <= _FEW_ROWS:
                    by_key = self._by_key
                    if by_key is None:
                        by_key = self._by_key = _ByKey.of(self.table, self.columns)
                    values = by_key.before(full, dates, int(self.end.value))
                    return np.where(np.isnan(values), 0.0, values) if zero else values
                got = self.lookup(pd.Series(full, dtype=object), pd.Series(dates))
                values = got.to_numpy(dtype=float)
                return np.where(np.isnan(values), 0.0, values) if zero else values
        if snapshot is None:
            snapshot = self._snapshot = Snapshot.of(self.last, self.columns, self.end)
        table = snapshot.zeroed() if zero else snapshot.values
        if type(keys) is np.ndarray and len(keys) == 1:
            # One row (an API submission, some 30 lookups): its key's row as a copy, the
            # same values as ``table[positions]`` without building an index array (#15).
            key = keys[0]
            at = snapshot.where.get(key, -1) if type(key) is str else -1
            at = at if at >= 0 else len(table) - 1  # the trailing all-NaN row
            return table[at : at + 1].copy()
        if isinstance(keys, FactorKeys):  # each distinct key looked up once
            # -1 (incomplete key, or unknown) points at the trailing all-NaN row.
            distinct = np.append(snapshot.positions(keys.uniques), -1)
            return table[distinct[keys.codes]]
        return table[snapshot.positions(keys)]


#: Up to this many rows dated within a table's history (an amendment of a declaration of the
#: history, a few backtested ones), each row's key is looked up in :class:`_ByKey` instead of
#: an as-of join of the whole table (pandas' ``merge_asof`` costs 2-5 ms a table whatever the
#: rows: some 140 ms of an amendment's 180, #15); more rows take the join.
_FEW_ROWS = 16
_DAY = np.timedelta64(1, "D").astype("m8[ns]").astype(np.int64)


@dataclass
class _ByKey:
    """An as-of table's rows by key: each key's positions in ``table`` (in date order, one a
    day) and their dates, for :meth:`AsOfTable.lookup`'s answer to a few rows."""

    where: dict[Any, np.ndarray]
    dates: np.ndarray  # int64 nanoseconds, per table row
    values: np.ndarray  # float, per table row, one column per value column

    @classmethod
    def of(cls, table: pd.DataFrame, columns: Sequence[str]) -> _ByKey:
        groups = table.groupby(_KEY, sort=False).indices if len(table) else {}
        where = {key: np.asarray(at, dtype=np.intp) for key, at in groups.items()}
        dates = table[_DATE].to_numpy(dtype="M8[ns]").view(np.int64)
        return cls(where, dates, table[list(columns)].to_numpy(dtype=float))

    def before(self, keys: np.ndarray, dates: np.ndarray, end_ns: int) -> np.ndarray:
        """Each row's key's state after the last day strictly before the row's date (an
        undated row: after the table's end), NaN if none: ``lookup``'s values."""
        out = np.full((len(keys), self.values.shape[1]), np.nan)
        days = np.asarray(dates, dtype="M8[ns]")
        for i, key in enumerate(keys):
            # lookup's keys: a missing one (NaN) is MISSING_KEY, which no table row has
            at = self.where.get(MISSING_KEY if not isinstance(key, str) and pd.isna(key) else key)
            if at is None:
                continue
            when = end_ns + _DAY if np.isnat(days[i]) else int(days[i].view(np.int64))
            k = int(np.searchsorted(self.dates[at], when, side="left"))
            if k:
                out[i] = self.values[at[k - 1]]
        return out


@dataclass
class FactorKeys:
    """Row keys as codes into their distinct values: ``uniques[codes]`` per row, -1 where the
    key is incomplete (NaN in the plain form). A batch repeats its importers, HS codes and
    routes many times; looking each distinct key up once is what makes this form cheaper."""

    codes: np.ndarray  # intp, -1: incomplete
    uniques: np.ndarray  # object: the joined key text

    def full(self) -> np.ndarray:
        """The plain form: one key (or NaN) per row."""
        out = np.append(self.uniques, np.nan).astype(object)[self.codes]
        return np.asarray(out, dtype=object)


@dataclass
class Snapshot:
    """Final state per key: ``values`` has one row per key plus a trailing all-NaN row that
    unknown and incomplete keys point to."""

    index: pd.Index
    where: dict[Any, int]
    values: np.ndarray
    # The table's end as datetime64 (NaT when it has none), and in integer nanoseconds
    # (:func:`as_ns`; -infinity when it has none: no date is on or before it).
    end: np.datetime64 = field(default_factory=lambda: np.datetime64("NaT", "ns"))
    end_ns: float = -math.inf
    # ``values`` with NaN as 0, for the lookups that read never-seen as zero: built on the
    # first such lookup (only some tables are read so).
    _zeroed: np.ndarray | None = field(default=None, repr=False, compare=False)

    def zeroed(self) -> np.ndarray:
        held = self._zeroed
        if held is None:
            held = self._zeroed = np.where(np.isnan(self.values), 0.0, self.values)
        return held

    @classmethod
    def of(
        cls, last: pd.DataFrame, columns: Sequence[str], end: pd.Timestamp | None = None
    ) -> Snapshot:
        values = last[list(columns)].to_numpy(dtype=float)
        values = np.vstack([values, np.full((1, len(columns)), np.nan)])
        keys = last.index.tolist()
        # Plain Python strings on both sides: no conversion to Arrow strings per lookup.
        index = pd.Index(keys, dtype=object)
        when = end.to_datetime64() if end is not None else np.datetime64("NaT", "ns")
        end_ns = as_ns(when) if end is not None else -math.inf  # nothing is <= no end
        return cls(index, {k: i for i, k in enumerate(keys)}, values, when, end_ns)

    def positions(self, keys: np.ndarray) -> np.ndarray:
        if len(keys) > 64:  # the index's hash table (built once) beats a Python loop
            return self.index.get_indexer(pd.Index(keys, dtype=object))
        get = self.where.get
        return np.array([get(k, -1) if type(k) is str else -1 for k in keys], dtype=np.intp)
