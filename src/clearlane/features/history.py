"""As-of tables: the state of each key after each day, looked up strictly before a row's day.

Every history feature (trader hit rates, peer price quantiles, tenure...) is stored as one of
these tables. Training rows and new rows go through the same lookup, so a feature can never see
its own day (or anything later): that is what makes the features point-in-time by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

MISSING_KEY = "\x00"  # a key no real value produces; rows with an incomplete key look this up
_KEY, _DATE, _POS = "_key", "_date", "_pos"


def day(values: pd.Series) -> pd.Series:
    """Dates as midnight timestamps in ns, so 'same day' is a plain equality."""
    return pd.to_datetime(values, errors="coerce").astype("datetime64[ns]").dt.normalize()


def make_key(frame: pd.DataFrame, columns: Sequence[str]) -> pd.Series:
    """One string key per row from several columns; NaN when any part is missing or absent."""
    parts = []
    for column in columns:
        if column not in frame.columns:
            return pd.Series(np.nan, index=frame.index, dtype=object)
        part = frame[column].astype("string").str.strip()
        parts.append(part.mask(part == ""))
    key = parts[0] if len(parts) == 1 else parts[0].str.cat(parts[1:], sep="|")
    return key.astype(object).where(key.notna(), np.nan)


@dataclass
class AsOfTable:
    """Per key, the value columns after each day with events; ``last`` is the final state."""

    columns: tuple[str, ...]
    table: pd.DataFrame  # _key, _date, *columns; sorted by _date
    last: pd.DataFrame  # index: key
    end: pd.Timestamp | None

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
