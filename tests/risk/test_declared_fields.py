"""The declared-fields model reads one declaration exactly as it reads a batch."""

from __future__ import annotations

import numpy as np
import pandas as pd

from clearlane.risk.supervised import DeclaredFieldsModel


def test_one_row_matrix_equals_the_batch_matrix() -> None:
    # 100 rows (the batch path) with the cell kinds a frame carries: text, missing values,
    # numbers stored as floats or ints, and a value outside the vocabulary.
    rng = np.random.default_rng(3)
    n = 100
    frame = pd.DataFrame(
        {
            "office": rng.choice(["A1", "B2", None], n),
            "hs6": rng.choice(["610910", "851712", "030617"], n),
            "origin_country": pd.Series(rng.choice(["CN", "VN", None], n), dtype="string"),
            "attr_flag": rng.choice([1.0, 2.0, np.nan], n),
            "attr_count": rng.integers(0, 3, n),
            "customs_value": rng.uniform(1, 1000, n),
            "net_mass_kg": rng.uniform(0.1, 50, n),
            "duty_rate": rng.uniform(0, 0.2, n),
        }
    )
    model = DeclaredFieldsModel()
    model._vocabulary(frame.iloc[:80])
    assert {"office", "hs6", "attr_flag", "attr_count"} <= set(model.codes)
    later = frame.copy()
    later.loc[later.index[-1], "hs6"] = "999999"  # never seen: missing, on both paths
    batch = model.matrix(later)
    one_by_one = np.vstack([model.matrix(later.iloc[[i]]) for i in range(len(later))])
    assert np.array_equal(batch, one_by_one, equal_nan=True)
    hs6 = 4 + list(model.codes).index("hs6")
    assert np.isnan(batch[-1, hs6]) and not np.isnan(batch[0, hs6])
