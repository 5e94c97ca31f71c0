"""Human oversight: stored assessments, officer decisions (accept or override, justified),
control results captured by officers, and the KPIs that show how both perform."""

from clearlane.oversight.assessments import latest_assessment, record_assessments
from clearlane.oversight.controls import (
    ControlForm,
    ControlFormError,
    DeclarationNotFound,
    DuplicateControlResult,
    record_control_result,
)
from clearlane.oversight.decisions import (
    AlreadyDecidedError,
    DecidedMeanwhileError,
    DecisionError,
    NotAssessedError,
    StaleDecisionError,
    SupersededMeanwhileError,
    current_decision,
    decide,
)
from clearlane.oversight.kpis import OverrideKPIs, override_kpis

__all__ = [
    "AlreadyDecidedError",
    "ControlForm",
    "ControlFormError",
    "DecidedMeanwhileError",
    "DecisionError",
    "DeclarationNotFound",
    "DuplicateControlResult",
    "NotAssessedError",
    "OverrideKPIs",
    "StaleDecisionError",
    "SupersededMeanwhileError",
    "current_decision",
    "decide",
    "latest_assessment",
    "override_kpis",
    "record_assessments",
    "record_control_result",
]
