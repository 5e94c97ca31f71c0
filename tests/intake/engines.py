"""The engines the intake equality tests score with (test_one_row_frames.py,
test_frameless_submission.py), trained once per test process instead of once per test.

Those tests compare two paths of scoring the same declarations with the same engine (the
few-row / frameless path against the general frame), so they only read the engine: each
kind is trained with exactly the recipe the tests trained it with before (session 37:
three tests and a module fixture trained these two engines five times, about 40 s)."""

from __future__ import annotations

import functools
import warnings
from typing import Any

from clearlane.risk import train_engine


@functools.cache
def trained(kind: str) -> Any:
    """The engine of ``kind`` ("lightgbm": the GBDT fraud model; "logistic": the few-labels
    model), trained on ``make_frame(1500, seed=11, days=120)`` with the explain profiles."""
    from tests.explain.conftest import PROFILES
    from tests.factories import make_frame

    history = make_frame(1500, seed=11, days=120)
    gbdt = {} if kind == "lightgbm" else {"min_gbdt_positives": 10**9}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        engine = train_engine(history, profiles=PROFILES, seed=1, **gbdt)
    assert engine.fraud is not None and engine.fraud.kind == kind
    return engine
