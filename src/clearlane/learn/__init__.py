"""Learning: evaluation of targeting (precision/recall/revenue at k), temporal backtests and
reports."""

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
