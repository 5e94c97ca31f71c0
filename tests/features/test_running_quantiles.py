"""The one-pass running quantiles (features/quantiles.py) against pandas, bit for bit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clearlane.features.builder import QUANTILES, _running_quantiles
from clearlane.features.quantiles import running_quantiles


def pandas_running(keys: np.ndarray, values: np.ndarray) -> np.ndarray:
    """What the feature fit computed before: one groupby-expanding quantile per quantile."""
    frame = pd.DataFrame({"k": keys, "x": values})
    grouped = frame.groupby("k", sort=False)["x"]
    return np.column_stack(
        [
            grouped.expanding().quantile(q).reset_index(level=0, drop=True).reindex(frame.index)
            for q in QUANTILES
        ]
    )


def same_bits(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(
        a.shape == b.shape
        and ((a.view(np.int64) == b.view(np.int64)) | (np.isnan(a) & np.isnan(b))).all()
    )


@pytest.mark.parametrize("seed", range(12))
def test_equal_to_pandas_bit_for_bit(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 4000))
    keys = rng.integers(0, int(rng.integers(1, 60)), n)
    values = [
        rng.normal(size=n),
        np.round(rng.normal(size=n), 1),  # many ties
        np.log(rng.lognormal(size=n) * 1e5),
    ][seed % 3]
    if seed % 4 == 3:  # pandas counts neither NaN nor infinity
        for bad in (np.inf, -np.inf, np.nan):
            values[rng.integers(0, n, 7)] = bad
        values[0] = np.inf  # a group whose first row counts nothing: NaN
    codes = pd.factorize(keys)[0]
    assert same_bits(running_quantiles(codes, values, QUANTILES), pandas_running(keys, values))


def test_the_feature_fit_table_is_unchanged() -> None:
    rng = np.random.default_rng(7)
    keys = pd.Series(rng.choice(["a|1", "b|2", "c|3", "d|4"], 500), index=rng.permutation(500))
    values = pd.Series(np.round(rng.lognormal(size=500), 2), index=keys.index)
    got = _running_quantiles(keys, values)
    assert list(got.columns) == ["n", "q05", "q25", "q50", "q75", "q95"]
    assert got.index.equals(keys.index)
    assert (got["n"] == keys.groupby(keys).cumcount() + 1.0).all()
    assert same_bits(got.iloc[:, 1:].to_numpy(), pandas_running(keys.to_numpy(), values.to_numpy()))
