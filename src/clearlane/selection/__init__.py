"""Lane selection under inspection capacity (ASYCUDA order: criteria -> random -> top-up)."""

from clearlane.selection.lanes import SELECTION_COLUMNS, select_lanes, selection_summary
from clearlane.selection.policy import Capacity, LaneCapacity, SelectionPolicy

__all__ = [
    "SELECTION_COLUMNS",
    "Capacity",
    "LaneCapacity",
    "SelectionPolicy",
    "select_lanes",
    "selection_summary",
]
