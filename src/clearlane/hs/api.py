"""Suggest HS 2022 subheadings for goods descriptions and check declared codes against them."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clearlane.hs.citations import cite
from clearlane.hs.model import HSModel, Ranked, shipped_model
from clearlane.hs.nomenclature import dotted, nomenclature, normalise

if TYPE_CHECKING:
    import pandas as pd

# Below this the declared code is reported as not fitting the description.
LOW_PLAUSIBILITY = 0.2

REASON_CHAPTER = "HS_DESCRIPTION_MISMATCH_CHAPTER"
REASON_HEADING = "HS_DESCRIPTION_MISMATCH_HEADING"
REASON_SUBHEADING = "HS_DESCRIPTION_MISMATCH_SUBHEADING"
REASON_UNKNOWN_CODE = "HS_CODE_UNKNOWN"
REASON_NO_DESCRIPTION = "HS_DESCRIPTION_MISSING"

_CODE = re.compile(r"^\d{6,10}$")


class CodeError(ValueError):
    """A declared code that is not a 6- to 10-digit code of HS 2022 or HS 2017."""


@dataclass(frozen=True)
class Suggestion:
    rank: int
    code: str  # HS 2022 subheading, 6 digits
    score: float  # share of the candidates' probability, 0-1
    title: str
    heading: str  # "heading 61.09: T-shirts, ..."
    citation: str  # GIR / notes that decide it


@dataclass(frozen=True)
class Check:
    declared_code: str
    plausibility: float
    reason_code: str | None
    best_code: str
    best_title: str
    reason: str | None
    compared_code: str  # the HS 2022 subheading the declared code was compared as


def clean_code(code: str) -> str:
    """Digits of a declared code ('6109.10.00' -> '61091000'); CodeError if not a code."""
    digits = re.sub(r"[\s.]", "", str(code))
    if not _CODE.match(digits):
        raise CodeError(f"'{code}' is not a 6- to 10-digit HS code")
    nom = nomenclature()
    if not (nom.is_2022(digits[:6]) or nom.is_2017_only(digits[:6])):
        raise CodeError(f"'{code}': {digits[:6]} is not an HS 2022 or HS 2017 subheading")
    return digits


def as_2022(hs6: str, model: HSModel | None = None) -> str:
    """An HS 2017-only subheading's closest HS 2022 subheading (same heading first, by text)."""
    nom = nomenclature()
    if nom.is_2022(hs6):
        return hs6
    model = model or shipped_model()
    index = model.index
    pool = [c for c in nom.subheadings if c.startswith(hs6[:4])] or list(nom.subheadings)
    rows = [nom.sub_index[c] for c in pool]
    query = index.char.transform([normalise(nom.texts_2017[hs6])])
    sims = (query @ index.docs["own"][1][:, rows]).toarray().ravel()
    return pool[int(sims.argmax())]


def suggest(
    descriptions: Sequence[str], top: int = 5, model: HSModel | None = None
) -> list[list[Suggestion]]:
    """The ``top`` HS 2022 subheadings for each description, best first."""
    model = model or shipped_model()
    return [
        _suggestions(text, ranked, top)
        for text, ranked in zip(descriptions, model.rank(descriptions), strict=True)
    ]


def _suggestions(text: str, ranked: Ranked, top: int) -> list[Suggestion]:
    nom = nomenclature()
    rows = []
    for rank, (code, score) in enumerate(zip(ranked.codes[:top], ranked.scores[:top],
                                             strict=True), start=1):  # fmt: skip
        heading, citation = cite(text, code)
        rows.append(Suggestion(rank, code, float(score), nom.title(code), heading, citation))
    return rows


def plausibility(ranked: Ranked, code: str) -> float:
    """How well ``code`` fits, 0-1, from the candidates' scores, level by level.

    ``chapter`` = the score of the code's chapter over the best chapter's, ``heading`` = its
    heading's over the best heading's of that chapter, ``subheading`` = the code's over the
    best of its heading; plausibility = chapter x (heading x subheading)^(1/2). A code in
    another chapter than every likely candidate gets next to nothing; a sibling subheading
    the model finds less likely is marked down less, as the description often does not say
    what separates siblings. (Counting the subheading ratio in full raised the wrong-sibling
    AUC from 0.75 to 0.83 on parcel titles but cut the wrong-chapter AUC on generated
    descriptions from 0.975 to 0.902: not taken, see docs/hs.md.)
    """
    if code not in ranked.codes:
        return 0.0
    chapters: dict[str, float] = {}
    headings: dict[str, float] = {}
    for c, s in zip(ranked.codes, ranked.scores, strict=True):
        chapters[c[:2]] = chapters.get(c[:2], 0.0) + float(s)
        headings[c[:4]] = headings.get(c[:4], 0.0) + float(s)
    chapter = chapters[code[:2]] / max(chapters.values())
    heading = headings[code[:4]] / max(v for h, v in headings.items() if h[:2] == code[:2])
    own = ranked.score_of(code)
    best_sibling = max(
        float(s) for c, s in zip(ranked.codes, ranked.scores, strict=True) if c[:4] == code[:4]
    )
    sub = own / best_sibling if best_sibling > 0 else 0.0
    return float(min(1.0, chapter * (heading * sub) ** 0.5))


def _reason_code(best: str, declared: str) -> str:
    if best[:2] != declared[:2]:
        return REASON_CHAPTER
    if best[:4] != declared[:4]:
        return REASON_HEADING
    return REASON_SUBHEADING


def check(items: Sequence[tuple[str, str]], model: HSModel | None = None) -> list[Check]:
    """Plausibility of each (description, declared code); raises CodeError on a bad code."""
    return [c for c, _ in check_and_suggest(items, top=0, model=model)]


def check_and_suggest(
    items: Sequence[tuple[str, str]], *, top: int, model: HSModel | None = None
) -> list[tuple[Check, list[Suggestion]]]:
    """:func:`check` and the ``top`` suggestions of each item from **one** ranking (the
    declared code made a candidate, as the check needs), for callers that need both (the
    engine's facts): ranking is most of the cost. Raises CodeError on a bad code."""
    model = model or shipped_model()
    nom = nomenclature()
    declared = [clean_code(code) for _, code in items]
    compared = [as_2022(d[:6], model) for d in declared]
    ranked = model.rank([desc for desc, _ in items], forced=compared)
    out: list[tuple[Check, list[Suggestion]]] = []
    for (desc, _), code, hs6, r in zip(items, declared, compared, ranked, strict=True):
        p = plausibility(r, hs6)
        best = r.codes[0]
        reason_code = reason = None
        if p < LOW_PLAUSIBILITY:
            reason_code = _reason_code(best, hs6)
            reason = f"description '{_short(desc)}' fits {dotted(best)}, declared {dotted(hs6)}"
            if hs6 != code[:6]:
                reason += f" (HS 2017 {dotted(code[:6])})"
        checked = Check(code, round(p, 4), reason_code, best, nom.title(best), reason, hs6)
        out.append((checked, _suggestions(desc, r, top) if top else []))
    return out


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def check_frame(frame: pd.DataFrame, model: HSModel | None = None) -> pd.DataFrame:
    """Per goods item: ``plausibility``, ``best_code``, ``reason_code`` and ``reason``.

    ``frame`` needs ``description`` and ``declared_code`` (or ``hs_code``, as in the engine's
    item frames). Items without a description or with an unknown code are not scored
    (plausibility NaN) and say why in ``reason_code``. The result keeps ``frame``'s index.
    """
    import pandas as pd

    code_col = "declared_code" if "declared_code" in frame.columns else "hs_code"
    missing = {"description", code_col} - set(frame.columns)
    if missing:
        raise KeyError(f"check_frame needs columns {sorted(missing)}")
    result = pd.DataFrame(
        {
            "plausibility": math.nan,
            "best_code": None,
            "reason_code": None,
            "reason": None,
        },
        index=frame.index,
    )
    todo: list[tuple[object, str, str]] = []
    for key, desc, code in zip(frame.index, frame["description"], frame[code_col], strict=True):
        if not isinstance(desc, str) or not desc.strip():
            result.at[key, "reason_code"] = REASON_NO_DESCRIPTION
            continue
        try:
            todo.append((key, desc, clean_code(str(code))))
        except CodeError as error:
            result.at[key, "reason_code"] = REASON_UNKNOWN_CODE
            result.at[key, "reason"] = str(error)
    if todo:
        checks = check([(desc, code) for _, desc, code in todo], model)
        for (key, _, _), c in zip(todo, checks, strict=True):
            result.at[key, "plausibility"] = c.plausibility
            result.at[key, "best_code"] = c.best_code
            result.at[key, "reason_code"] = c.reason_code
            result.at[key, "reason"] = c.reason
    return result
