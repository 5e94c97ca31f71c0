"""The HS 2022 nomenclature as the suggester sees it: subheadings with their parents' texts.

The texts come from ``clearlane.core.codelists`` (HS 2017 and 2022, ODC-PDDL 1.0); nothing
here reads ``../shared``. HS 2017 subheadings that HS 2022 dropped are mapped to the closest
HS 2022 subheading of the same heading by text (the WCO correlation tables are not shipped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from clearlane.core.codelists.hs import get_edition

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """Lower case, letters and digits only, single spaces (the form every index sees)."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def dotted(code: str) -> str:
    """'610910' -> '6109.10'; '6109' -> '61.09'."""
    if len(code) == 6:
        return f"{code[:4]}.{code[4:]}"
    if len(code) == 4:
        return f"{code[:2]}.{code[2:]}"
    return code


@dataclass(frozen=True)
class Nomenclature:
    """HS 2022 subheadings in a fixed order, with index arrays for headings and chapters."""

    subheadings: tuple[str, ...]
    headings: tuple[str, ...]
    chapters: tuple[str, ...]
    texts: dict[str, str] = field(repr=False)  # code (2, 4 or 6 digits) -> HS 2022 text
    sections: dict[str, str] = field(repr=False)  # chapter -> section roman numeral
    texts_2017: dict[str, str] = field(repr=False)

    @cached_property
    def sub_index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.subheadings)}

    @cached_property
    def head_index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.headings)}

    @cached_property
    def chapter_index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.chapters)}

    def title(self, code: str) -> str:
        return self.texts.get(code, "")

    def enriched(self, code: str) -> str:
        """A subheading's text followed by its heading's and chapter's texts."""
        parts = [self.texts[code], self.texts.get(code[:4], ""), self.texts.get(code[:2], "")]
        return " ; ".join(p for p in parts if p)

    def is_2022(self, code: str) -> bool:
        return code in self.texts and len(code) == 6

    def is_2017_only(self, code: str) -> bool:
        return len(code) == 6 and code in self.texts_2017 and code not in self.texts


@cache
def nomenclature() -> Nomenclature:
    e22 = get_edition(2022)
    e17 = get_edition(2017)
    subs = tuple(sorted(e22.subheadings))
    heads = tuple(sorted({c[:4] for c in subs}))
    chapters = tuple(sorted({c[:2] for c in subs}))
    return Nomenclature(
        subheadings=subs,
        headings=heads,
        chapters=chapters,
        texts=dict(e22.descriptions),
        sections=dict(e22.sections),
        texts_2017=dict(e17.descriptions),
    )
