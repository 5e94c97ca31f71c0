"""Domain schemas (Pydantic v2). No database, no web framework."""

from clearlane.core.schema.control_result import ControlResult
from clearlane.core.schema.declaration import Declaration, GoodsItem, Party
from clearlane.core.schema.enums import (
    ControlType,
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
    "GoodsItem",
    "IrregularityType",
    "Lane",
    "Outcome",
    "Party",
    "SelectionReason",
    "Severity",
]
