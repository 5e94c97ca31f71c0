"""Keeping Python's cyclic garbage collector off a loaded risk engine.

A loaded engine holds about 600,000 objects the collector tracks (its snapshots' keys and
tables, the models' Python parts). They live as long as the engine, yet every full
(generation 2) collection walks them all: about 270 ms of CPU on KCS, once every few thousand
scored declarations, a pause far beyond the 10 ms a declaration with reasons is meant to take
(issue #15). :func:`freeze_long_lived` moves them out of the collector's sight
(:func:`gc.freeze`) once they are loaded; reference counting still frees them.

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
