"""Score the discrepancy check against what the generator planted (for the demo and tests).

Planted truth: ``manifest_plants.csv`` (one code per planted document, see
``generate/manifest_files.py``) and the generator's quantity fraud (``ground_truth.csv``,
mechanism ``quantity``: the declaration under-states what the manifest shows, found as
``MANIFEST_GROSS_MASS`` or ``MANIFEST_PACKAGES``). A discrepancy found on a (declaration,
code) that nothing planted is a false alarm.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

QUANTITY_CODES = frozenset({"MANIFEST_GROSS_MASS", "MANIFEST_PACKAGES"})


@dataclass
class PlantScore:
    planted: dict[str, int] = field(default_factory=dict)  # code -> planted documents
    found: dict[str, int] = field(default_factory=dict)  # code -> of which flagged
    quantity_fraud: int = 0
    quantity_found: int = 0
    false_alarms: dict[str, int] = field(default_factory=dict)  # code -> unexplained flags
    flagged: int = 0  # (declaration, code) pairs flagged in all

    @property
    def recall(self) -> float | None:
        total = sum(self.planted.values()) + self.quantity_fraud
        hits = sum(self.found.values()) + self.quantity_found
        return hits / total if total else None

    @property
    def false_alarm_count(self) -> int:
        return sum(self.false_alarms.values())


def read_plants(path: Path) -> set[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {(row["reference"], row["code"]) for row in csv.DictReader(handle)}


def quantity_fraud(ground_truth: Path) -> set[str]:
    with ground_truth.open(encoding="utf-8", newline="") as handle:
        return {
            row["reference"]
            for row in csv.DictReader(handle)
            if "quantity" in (row.get("mechanisms") or "").split(";")
        }


def score_plants(
    found: pd.DataFrame,
    plants: set[tuple[str, str]],
    quantity: set[str],
    linked: set[str] | None = None,
) -> PlantScore:
    """``found``: :func:`clearlane.link.discrepancies.discrepancies`. ``linked``: declarations
    with a transport document link (a plant on an unlinked declaration cannot be found; when
    given, plants and quantity fraud are counted on linked declarations only)."""
    if linked is not None:
        plants = {(r, c) for r, c in plants if r in linked}
        quantity = quantity & linked
    pairs = {(str(r), str(c)) for r, c in zip(found["reference"], found["code"], strict=True)}
    score = PlantScore(flagged=len(pairs))
    for reference, code in sorted(plants):
        score.planted[code] = score.planted.get(code, 0) + 1
        if (reference, code) in pairs:
            score.found[code] = score.found.get(code, 0) + 1
    score.quantity_fraud = len(quantity)
    score.quantity_found = sum(1 for r in quantity if any((r, c) in pairs for c in QUANTITY_CODES))
    for reference, code in sorted(pairs):
        explained = (reference, code) in plants or (
            code in QUANTITY_CODES and reference in quantity
        )
        if not explained:
            score.false_alarms[code] = score.false_alarms.get(code, 0) + 1
    return score
