"""A tiny RuleScorer standing in for clearlane.risk.profiles in tests."""

from __future__ import annotations

import pandas as pd

from clearlane.risk.base import ProfileEvaluation


class FakeRules:
    """One profile: undervalued against the HS6 x origin reference (needs unit_price_ratio)."""

    version = "fake-1"

    def evaluate(self, frame: pd.DataFrame) -> ProfileEvaluation:
        ratio = frame.get("unit_price_ratio", pd.Series(float("nan"), index=frame.index))
        hit = ratio.lt(0.6).fillna(False)
        return ProfileEvaluation(
            score=hit.astype(float) * 0.8,
            hits=pd.DataFrame({"P-UNDERVALUED": hit}, index=frame.index),
            mandatory=pd.Series(False, index=frame.index),
            missing=pd.Series(
                ["unit_price_ratio" if pd.isna(r) else "" for r in ratio], index=frame.index
            ),
        )
