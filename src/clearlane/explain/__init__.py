"""Explanations: reason codes for every assessment, counterfactuals, global explanations.

Public surface::

    explain(engine, frame) -> list[Explanation]          # one per declaration
    explain_one(engine, declaration) -> Explanation      # fast path for one declaration
    assess_with_reasons(engine, frame) -> DataFrame      # engine.assess + a reasons column
    counterfactual(engine, rows, threshold=...) -> Counterfactual
    risk_threshold(routed) -> float | None               # the day's cut between green and not

See docs/explanations.md.
"""

from clearlane.explain.counterfactual import Counterfactual, counterfactual, risk_threshold
from clearlane.explain.reasons import (
    Explanation,
    Reason,
    assess_with_reasons,
    explain,
    explain_details,
    explain_one,
)

__all__ = [
    "Counterfactual",
    "Explanation",
    "Reason",
    "assess_with_reasons",
    "counterfactual",
    "explain",
    "explain_details",
    "explain_one",
    "risk_threshold",
]
