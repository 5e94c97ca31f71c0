"""Risk engine: rule profiles + anomaly detectors + supervised model -> one score per declaration.

Public surface::

    engine = train_engine(frame, profiles=None)   # frame: clearlane.frames analysis frame
    assessments = engine.assess(new_frame)        # one row per declaration
    engine.save("engine.joblib"); RiskEngine.load("engine.joblib")
"""

from clearlane.risk.anomaly import IsolationForestScorer, PriceReference
from clearlane.risk.base import ProfileEvaluation, RuleScorer, Scorer
from clearlane.risk.engine import ASSESSMENT_COLUMNS, RiskEngine, train_engine
from clearlane.risk.errors import (
    InsufficientLabelsError,
    IntegrityError,
    NotFittedError,
    RiskError,
)
from clearlane.risk.supervised import (
    BinaryModel,
    LogisticComparator,
    PlainLightGBM,
    TreeComparator,
)

__all__ = [
    "ASSESSMENT_COLUMNS",
    "BinaryModel",
    "InsufficientLabelsError",
    "IntegrityError",
    "IsolationForestScorer",
    "LogisticComparator",
    "NotFittedError",
    "PlainLightGBM",
    "PriceReference",
    "ProfileEvaluation",
    "RiskEngine",
    "RiskError",
    "RuleScorer",
    "Scorer",
    "TreeComparator",
    "train_engine",
]
