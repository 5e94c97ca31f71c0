"""Estimates that correct for selection bias with the recorded inclusion probabilities.

Labels exist only for controlled declarations, and risk-selected ones are controlled because
they looked risky: their hit rate says how good targeting is, not how much fraud there is.
The random controls (and exploration controls) were drawn with a known probability ``pi``
(recorded with each assessment, :mod:`clearlane.selection.lanes`), so weighting each by
``1 / pi`` (Horvitz-Thompson) estimates the rate over all declarations.

:func:`weighted_rate` gives the Hajek (ratio) form, ``sum(y / pi) / sum(1 / pi)``, which is
less variable than the plain Horvitz-Thompson total over a population size and equals the plain
mean when every ``pi`` is the same. Its interval uses the linearised variance
``sum(w^2 (y - r)^2) / sum(w)^2`` (with-replacement approximation, conservative for sampling
without replacement) and is clipped to [0, 1]; with fewer than 30 controls or no hit it falls
back on the Wilson interval of the effective sample size (Kish), which behaves at the edges.

:func:`ipw_sample_weight` turns inclusion probabilities into training weights (``1 / pi``,
clipped, normalised to mean 1), so that a model trained on controlled rows fits the
population rather than the selection.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

__all__ = [
    "INCLUSION_COLUMN",
    "accepts_sample_weight",
    "attach_inclusion_probability",
    "ipw_sample_weight",
    "training_kwargs",
    "weighted_rate",
]

Z95 = 1.959963984540054


def weighted_rate(
    y: np.ndarray | pd.Series,
    probability: np.ndarray | pd.Series,
    *,
    population: float | None = None,
) -> dict[str, Any]:
    """The inverse-probability-weighted rate of ``y`` (0/1) among sampled units drawn with
    inclusion ``probability``; {"n", "hits", "rate", "low", "high", "method", "population"}.

    Units with a missing or non-positive probability are left out (they were not drawn by a
    known design). ``population`` (optional): the number of units the sample stands for, to
    report the Horvitz-Thompson estimate of the number of positives beside the rate."""
    values = np.asarray(y, dtype=float)
    pi = np.asarray(probability, dtype=float)
    keep = np.isfinite(values) & np.isfinite(pi) & (pi > 0)
    values, pi = values[keep], np.minimum(pi[keep], 1.0)
    n = int(values.size)
    out: dict[str, Any] = {
        "n": n,
        "hits": int(values.sum()),
        "rate": None,
        "low": None,
        "high": None,
        "method": "inverse-probability weighted (Hajek)",
        "represents": None,
    }
    if n == 0:
        return out
    weight = 1.0 / pi
    total = float(weight.sum())
    rate = float((weight * values).sum() / total)
    out["rate"] = rate
    out["represents"] = total  # declarations the sample stands for (HT estimate of N)
    if population is not None:
        out["positives_estimate"] = float((weight * values).sum() * population / total)
    effective = total**2 / float((weight**2).sum())  # Kish effective sample size
    if n < 30 or values.sum() in (0, n):
        low, high = proportion_confint(rate * effective, effective, alpha=0.05, method="wilson")
    else:
        variance = float((weight**2 * (values - rate) ** 2).sum()) / total**2
        half = Z95 * math.sqrt(variance)
        low, high = rate - half, rate + half
    out["low"], out["high"] = float(max(low, 0.0)), float(min(high, 1.0))
    out["effective_n"] = float(effective)
    return out


def ipw_sample_weight(probability: np.ndarray | pd.Series, *, clip: float = 0.01) -> np.ndarray:
    """Training weights ``1 / pi`` for controlled rows (``pi`` clipped below at ``clip`` so
    one row cannot dominate; rows without a probability weigh like the median), normalised to
    mean 1 so that learning rates and regularisation keep their meaning."""
    pi = np.asarray(probability, dtype=float)
    known = np.isfinite(pi) & (pi > 0)
    if not known.any():
        return np.ones(pi.size)
    pi = np.where(known, np.clip(pi, clip, 1.0), np.median(np.clip(pi[known], clip, 1.0)))
    weight = 1.0 / pi
    return np.asarray(weight / weight.mean())


INCLUSION_COLUMN = "inclusion_probability"


def accepts_sample_weight(train: Callable[..., Any]) -> bool:
    """Whether a training function takes ``sample_weight`` (the engine may or may not)."""
    try:
        parameters = inspect.signature(train).parameters
    except (TypeError, ValueError):
        return False
    return "sample_weight" in parameters or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()
    )


def training_kwargs(train: Callable[..., Any], frame: pd.DataFrame) -> dict[str, Any]:
    """``{"sample_weight": ...}`` for ``train`` when it accepts weights and ``frame`` carries
    an ``inclusion_probability`` column (P(controlled) recorded at selection), else ``{}``.
    Uncontrolled rows (no label) weigh 1: they carry no label to reweight."""
    if INCLUSION_COLUMN not in frame or not accepts_sample_weight(train):
        return {}
    labelled = frame["fraud"].notna().to_numpy() if "fraud" in frame else np.ones(len(frame), bool)
    weight = np.ones(len(frame))
    weight[labelled] = ipw_sample_weight(frame.loc[labelled, INCLUSION_COLUMN].to_numpy())
    return {"sample_weight": pd.Series(weight, index=frame.index)}


def attach_inclusion_probability(frame: pd.DataFrame, session: Any) -> pd.DataFrame:
    """``frame`` with an ``inclusion_probability`` column: each declaration's P(controlled)
    recorded with its newest stored assessment (NaN where none was recorded), for
    :func:`training_kwargs`. ``session`` is a SQLAlchemy session on the store."""
    from sqlalchemy import select

    from clearlane.store.tables import AssessmentRow

    if frame.empty or "reference" not in frame:
        return frame.assign(**{INCLUSION_COLUMN: np.nan})
    recorded: dict[str, float] = {}
    query = select(AssessmentRow.reference, AssessmentRow.components).order_by(AssessmentRow.id)
    for reference, components in session.execute(query):
        routing = components.get("routing") if isinstance(components, dict) else None
        value = routing.get("inspection_probability") if isinstance(routing, dict) else None
        if isinstance(value, int | float):
            recorded[str(reference)] = float(value)
    column = frame["reference"].astype(str).map(recorded).astype(float)
    return frame.assign(**{INCLUSION_COLUMN: column})
