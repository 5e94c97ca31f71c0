"""Review c13 (#15): a few rows dated within the history (an amendment of a declaration the
engine was fitted on, a few backtested ones) read each key's rows instead of joining every
as-of table whole (pandas' merge_asof, 2-5 ms a table), with the join's values to the bit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.features.test_builder import _fitted_and_new, _joined_values_at


def _dates_around(table_dates: np.ndarray, end: np.datetime64) -> np.ndarray:
    """A table's own days (exact matches are not "before"), the days between, before its
    first, after its end, undated."""
    some = np.unique(table_dates)[:: max(1, len(np.unique(table_dates)) // 5)]
    one = np.timedelta64(1, "D")
    return np.concatenate([
        some, some + one, some - np.timedelta64(1, "ns"),
        np.array([table_dates.min() - one, end, end + one, np.datetime64("NaT")], "M8[ns]"),
    ]).astype("M8[ns]")  # fmt: skip


def test_a_few_rows_within_the_history_get_the_as_of_joins_values() -> None:
    from clearlane.features.history import FactorKeys

    builder, _new = _fitted_and_new(0)
    for name, table in builder.tables.items():
        if table.end is None:
            continue
        dates = _dates_around(
            table.table["_date"].to_numpy(dtype="M8[ns]"), table.end.to_datetime64()
        )
        keys_seen = pd.unique(table.table["_key"])[:3].tolist()
        for start in range(0, len(dates), 4):
            day = dates[start : start + 4]
            pool = [*keys_seen, np.nan, "NEVER-SEEN", None]
            keys = np.array([pool[(start + i) % len(pool)] for i in range(len(day))], dtype=object)
            codes, uniques = pd.factorize(pd.Series(keys, dtype=object))
            for form in (keys, FactorKeys(codes, np.asarray(uniques, dtype=object))):
                for zero in (False, True):
                    got = table.values_at(form, day, zero=zero)
                    want = _joined_values_at(table, form, day, zero=zero)
                    np.testing.assert_array_equal(got, want, err_msg=f"{name} {day} {keys}")


@pytest.mark.parametrize("days_after", [-30, 0])
def test_one_row_within_the_history_joins_no_table_whole(monkeypatch, days_after: int) -> None:
    """An amendment's transform (its date inside the history) made some 30 merge_asof calls,
    some 140 ms of the submission's 180 on the demo's engine; now none, the same features."""
    from clearlane.features.history import AsOfTable

    builder, new = _fitted_and_new(0)
    new["declaration_date"] = new["declaration_date"] + pd.Timedelta(days=days_after)
    joins: list[int] = []
    real = pd.merge_asof

    def counted(*args, **kwargs):
        joins.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pd, "merge_asof", counted)
    fast = [builder.transform_matrix(new.iloc[[i]]) for i in range(len(new))]
    assert not joins, f"{len(joins)} as-of joins for {len(new)} one-row transforms"
    with monkeypatch.context() as patch:
        patch.setattr(AsOfTable, "values_at", _joined_values_at)
        joined = [builder.transform_matrix(new.iloc[[i]]) for i in range(len(new))]
    assert joins
    for one, want in zip(fast, joined, strict=True):
        assert one.names == want.names
        np.testing.assert_array_equal(one.values, want.values)  # NaN where NaN
    many = builder.transform_matrix(new)  # four rows: the same as each alone
    np.testing.assert_array_equal(many.values, np.vstack([f.values for f in fast]))
