"""The compiled loop of :mod:`clearlane.risk.forest` (imported on first use: numba's import
and compilation stay out of start-up; the machine code is cached on disk by numba)."""

from __future__ import annotations

import math

import numpy as np
from numba import njit

_ZERO = 1e-35  # LightGBM's kZeroThreshold
_INT_LIMIT = 2147483648.0  # static_cast<int> beyond this is undefined (x86: INT_MIN, "right")


@njit(cache=True, nogil=True)
def predict_rows(
    x: np.ndarray,
    feature: np.ndarray,
    threshold: np.ndarray,
    decision: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    cat_start: np.ndarray,
    cat_words: np.ndarray,
    cat_bits: np.ndarray,
    roots: np.ndarray,
    leaf_value: np.ndarray,
    sigmoid: float,
    out: np.ndarray,
) -> None:  # pragma: no cover - compiled; tests compare it with LightGBM itself
    n_rows = x.shape[0]
    n_trees = roots.shape[0]
    for i in range(n_rows):
        raw = 0.0
        for t in range(n_trees):
            node = roots[t]
            while node >= 0:
                f = x[i, feature[node]]
                d = decision[node]
                go_left = False
                if d & 1:  # categorical: NaN, negative and huge values go right
                    if not math.isnan(f) and f > -1.0 and f < _INT_LIMIT:
                        v = int(f)
                        word = v >> 5
                        if word < cat_words[node]:
                            go_left = ((cat_bits[cat_start[node] + word] >> (v & 31)) & 1) == 1
                else:
                    missing = (d >> 2) & 3
                    if math.isnan(f):
                        if missing != 2:
                            f = 0.0
                    elif -_ZERO <= f <= _ZERO:
                        f = 0.0
                    if (missing == 1 and -_ZERO <= f <= _ZERO) or (missing == 2 and math.isnan(f)):
                        go_left = (d & 2) != 0
                    else:
                        go_left = f <= threshold[node]
                node = left[node] if go_left else right[node]
            raw += leaf_value[~node]
        if sigmoid > 0.0:
            out[i] = 1.0 / (1.0 + math.exp(-sigmoid * raw))
        else:
            out[i] = raw
