"""Domain schemas (Pydantic v2). No database, no web framework."""

from clearlane.core.schema.control_result import ControlResult, Finding
from clearlane.core.schema.declaration import Declaration, GoodsItem, Party
from clearlane.core.schema.enums import (
    ControlType,
    DrugForm,
    IrregularityType,
    Lane,
    Outcome,
    SelectionReason,
    Severity,
)

__all__ = [
    "ControlResult",
    "ControlType",
    "Declaration",
    "DrugForm",
    "Finding",
    "GoodsItem",
    "IrregularityType",
    "Lane",
    "Outcome",
    "Party",
    "SelectionReason",
    "Severity",
]
