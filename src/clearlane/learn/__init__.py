"""Learning: evaluation of targeting (precision/recall/revenue at k), temporal backtests,
reports, the policy simulator and the model registry.

Names are imported on first use, so that importing :mod:`clearlane.learn.cli` (the
``clearlane simulate`` command group) does not load the models at CLI start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clearlane.learn.evaluate import (
        KS,
        Comparison,
        backtest,
        compare,
        declaration_level,
        metrics_table,
        novel_rows,
        random_metrics,
        targeting_metrics,
    )
    from clearlane.learn.report import write_report

_WHERE = {
    "KS": "evaluate",
    "Comparison": "evaluate",
    "backtest": "evaluate",
    "compare": "evaluate",
    "declaration_level": "evaluate",
    "metrics_table": "evaluate",
    "novel_rows": "evaluate",
    "random_metrics": "evaluate",
    "targeting_metrics": "evaluate",
    "write_report": "report",
}

__all__ = [
    "KS",
    "Comparison",
    "backtest",
    "compare",
    "declaration_level",
    "metrics_table",
    "novel_rows",
    "random_metrics",
    "targeting_metrics",
    "write_report",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"clearlane.learn.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'clearlane.learn' has no attribute {name!r}")
