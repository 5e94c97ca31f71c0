"""Which heading, note or General Interpretative Rule decides a suggestion.

The table in ``data/notes.csv`` is small and deliberately conservative: each row names a GIR or
a chapter/section note of the HS legal text and paraphrases it; a row applies to a code by its
prefix (``*`` = any code) and, when it has one, only if its trigger pattern is in the
description. Otherwise the citation is GIR 1 (the heading's terms) and, where the heading is
subdivided, GIR 6 (subheadings compared by their own terms, at the same level).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from clearlane.hs.model import data_path
from clearlane.hs.nomenclature import dotted, nomenclature


@dataclass(frozen=True)
class Note:
    scope: str
    citation: str
    summary: str
    trigger: re.Pattern[str] | None


@cache
def notes() -> tuple[Note, ...]:
    with data_path("notes.csv").open(encoding="utf-8") as handle:
        return tuple(
            Note(
                row["scope"],
                row["citation"],
                row["summary"],
                re.compile(row["trigger"], re.IGNORECASE) if row["trigger"] else None,
            )
            for row in csv.DictReader(handle)
        )


@cache
def _subheadings_per_heading() -> Counter[str]:
    """How many subheadings each four-digit heading has (one pass over the nomenclature,
    instead of one per heading)."""
    return Counter(c[:4] for c in nomenclature().subheadings)


def _subdivided(heading: str) -> bool:
    if len(heading) == 4:
        return _subheadings_per_heading()[heading] > 1
    nom = nomenclature()
    return sum(1 for c in nom.subheadings if c.startswith(heading)) > 1


def cite(description: str, code: str) -> tuple[str, str]:
    """(heading citation, deciding rule) for suggesting ``code`` for ``description``."""
    nom = nomenclature()
    heading = f"heading {dotted(code[:4])}: {nom.title(code[:4])}"
    rules = ["GIR 1"]
    for note in notes():
        if note.scope != "*" and not code.startswith(note.scope):
            continue
        if note.trigger is not None and not note.trigger.search(description):
            continue
        rules.append(f"{note.citation} ({note.summary})")
    if _subdivided(code[:4]):
        rules.append("GIR 6")
    return heading, "; ".join(rules)
