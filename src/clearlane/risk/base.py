"""Contracts between the parts of the risk engine (see STYLE.md: one protocol per scorer kind).

Everything works on the analysis frame of :mod:`clearlane.frames` (one row per goods item),
extended with feature columns. Scores are in [0, 1], higher is riskier, and carry the index
of the frame they were computed on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import pandas as pd


@dataclass(frozen=True)
class ProfileEvaluation:
    """What the rule profiles say about each row of a frame.

    ``score``: rule component in [0, 1] per row; ``hits``: one boolean column per profile id;
    ``mandatory``: True where a hitting profile demands a control; ``missing``: per row, the
    fields a condition needed but the row lacked (comma-separated, empty if none).
    """

    score: pd.Series
    hits: pd.DataFrame
    mandatory: pd.Series
    missing: pd.Series


@runtime_checkable
class RuleScorer(Protocol):
    """Analyst-written rule profiles (implemented by clearlane.risk.profiles.ProfileSet)."""

    version: str

    def evaluate(self, frame: pd.DataFrame) -> ProfileEvaluation: ...


@runtime_checkable
class Scorer(Protocol):
    """A learned scorer: anomaly detector or supervised model (sklearn-shaped)."""

    def fit(self, frame: pd.DataFrame) -> Scorer: ...

    def score(self, frame: pd.DataFrame) -> pd.Series: ...
