"""Harmonized System nomenclature, one object per edition, chosen by the declaration's date.

The editions shipped in ``data/`` come from the ``datasets/harmonized-system`` data package
(UN Comtrade data, ODC-PDDL 1.0); see ``data/SOURCES.md``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class HSEdition:
    """One HS edition: its codes by level (2, 4 and 6 digits) and their descriptions."""

    year: int
    valid_from: date
    valid_to: date | None
    descriptions: dict[str, str] = field(repr=False)
    sections: dict[str, str] = field(repr=False)  # chapter (2 digits) -> section roman numeral

    @property
    def subheadings(self) -> frozenset[str]:
        return frozenset(c for c in self.descriptions if len(c) == 6)

    def has(self, code: str) -> bool:
        """True if the first six digits of ``code`` are a subheading of this edition."""
        return code[:6] in self.descriptions and len(code) >= 6

    def describe(self, code: str) -> str | None:
        return self.descriptions.get(code[:6])

    def section_of(self, code: str) -> str | None:
        return self.sections.get(code[:2])


# Dates in force. HS 2017 from 2017-01-01, HS 2022 from 2022-01-01.
_EDITIONS: dict[int, tuple[date, date | None]] = {
    2017: (date(2017, 1, 1), date(2021, 12, 31)),
    2022: (date(2022, 1, 1), None),
}


@cache
def get_edition(year: int) -> HSEdition:
    if year not in _EDITIONS:
        raise KeyError(f"HS edition {year} is not shipped; available: {sorted(_EDITIONS)}")
    descriptions: dict[str, str] = {}
    sections: dict[str, str] = {}
    source = resources.files("clearlane.core.codelists") / "data" / f"harmonized-system-{year}.csv"
    with source.open("r", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            code = row["hscode"].strip()
            # The source carries aggregate rows (TOTAL, 99, 9999, 999999) that are not HS codes.
            if not code.isdigit() or code.startswith("99") or code.startswith("77"):
                continue
            descriptions[code] = row["description"].strip()
            if len(code) == 2:
                sections[code] = row["section"].strip()
    valid_from, valid_to = _EDITIONS[year]
    return HSEdition(year, valid_from, valid_to, descriptions, sections)


def edition_for_date(day: date) -> HSEdition | None:
    """The edition in force on ``day``, or None if no shipped edition covers it."""
    for year, (start, end) in _EDITIONS.items():
        if start <= day and (end is None or day <= end):
            return get_edition(year)
    return None
