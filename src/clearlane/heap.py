"""Keeping Python's cyclic garbage collector off a loaded risk engine.

An engine trained on KCS 2020 and loaded holds about 185,000 objects the collector tracks
(its snapshots' keys and tables, the models' Python parts). They live as long as the engine,
yet every full (generation 2) collection walks them all: 90-96 ms of CPU, about once every
4,000 declarations explained one at a time, a pause far beyond the 10 ms a declaration with
reasons is meant to take (issue #15; docs/performance.md). :func:`freeze_long_lived` moves
them out of the collector's sight (:func:`gc.freeze`) once they are loaded; reference counting
still frees them.

Call it where a long-running process has just loaded (or replaced) its engine: the API's
scoring state does (:meth:`clearlane.api.scoring.Scoring.engine`), and so does
``benchmarks/scoring.py``. Not in :meth:`RiskEngine.load` itself: a library call should not
change a whole process's collector (tests load hundreds of engines).
"""

from __future__ import annotations

import gc

__all__ = ["freeze_long_lived"]


def freeze_long_lived() -> int:
    """Collect once, then freeze every object alive now (:func:`gc.freeze`); the number of
    objects frozen. Objects frozen by an earlier call are unfrozen first, so an engine this one
    replaced is collected here (a frozen reference cycle would otherwise never be freed).
    Costs one full collection (a few hundred ms beside a loaded engine): call it after a
    load, not per request."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
