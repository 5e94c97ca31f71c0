"""Live calibration: how often declarations with a given stored score turned out non-compliant
when they were controlled. Needs control results for assessed declarations; selection bias
applies (most controls were chosen by risk), so read it beside the random-control hit rate."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from clearlane.learn.report import _calibration
from clearlane.oversight.kpis import _frame, _outcomes
from clearlane.store.tables import AssessmentRow

MIN_CONTROLLED = 20  # below this a calibration curve says nothing


@dataclass
class Calibration:
    controlled: int
    hits: int
    scores: list[float] = field(default_factory=list)  # mean score per decile
    observed: list[float] = field(default_factory=list)  # hit rate per decile

    @property
    def enough(self) -> bool:
        return self.controlled >= MIN_CONTROLLED and len(self.scores) > 1


def live_calibration(
    session: Session, *, model_version: str | None = None, bins: int = 10
) -> Calibration:
    """Observed hit rate per decile of the stored score, over assessed declarations whose
    control result is known (optionally only those scored by ``model_version``)."""
    query = select(
        AssessmentRow.id, AssessmentRow.reference, AssessmentRow.version, AssessmentRow.score
    ).order_by(AssessmentRow.id)
    if model_version is not None:
        query = query.where(AssessmentRow.model_version == model_version)
    assessed = _frame(session, query).drop_duplicates(["reference", "version"], keep="last")
    if assessed.empty:
        return Calibration(0, 0)
    data = assessed.merge(_outcomes(session), on="reference", how="inner")
    if data.empty:
        return Calibration(0, 0)
    y = data["hit"].astype(float).to_numpy()
    p = data["score"].astype(float).to_numpy()
    xs, ys = _calibration(y, p, bins=bins)
    return Calibration(len(data), int(np.sum(y)), xs, ys)
