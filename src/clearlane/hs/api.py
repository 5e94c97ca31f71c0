"""Suggest HS 2022 subheadings for goods descriptions and check declared codes against them."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clearlane.hs.citations import cite
from clearlane.hs.model import HSModel, Ranked, ranked_head, shipped_model
from clearlane.hs.nomenclature import dotted, nomenclature, normalise
from clearlane.hs.vague import is_vague

if TYPE_CHECKING:
    import pandas as pd

# Below this the declared code is reported as not fitting the description.
LOW_PLAUSIBILITY = 0.2
# Floors of the three level ratios (see level_ratios): a ratio under its floor is a reason.
# Chosen on the development folds of the HMRC pairs (benchmarks/hs_calibrate.py: train on
# grouped folds 2-4 / 1,3,4, test on fold 1 / 2; fold 0, the benchmark's test fold, unseen) as
# the highest floors that flag at most 5 % of correct codes: chapter and heading together
# (the engine's risk reasons), then the subheading on top (a CLI reason only).
CHAPTER_FLOOR = 10**-3.125
HEADING_FLOOR = 10**-3.125
SUBHEADING_FLOOR = 10**-1.375
# Changes whenever the floors or the mapping to plausibility change: stored checks
# (clearlane.features.facts.hs_model_key) made with other ones are not reused.
CHECK_VERSION = (
    f"levels-1 {CHAPTER_FLOOR} {HEADING_FLOOR} {SUBHEADING_FLOOR} {LOW_PLAUSIBILITY} vague-1"
)

REASON_CHAPTER = "HS_DESCRIPTION_MISMATCH_CHAPTER"
REASON_HEADING = "HS_DESCRIPTION_MISMATCH_HEADING"
REASON_SUBHEADING = "HS_DESCRIPTION_MISMATCH_SUBHEADING"
REASON_UNKNOWN_CODE = "HS_CODE_UNKNOWN"
REASON_NO_DESCRIPTION = "HS_DESCRIPTION_MISSING"
# A description with no word that names goods ("GOODS AS PER INVOICE"): see clearlane.hs.vague.
REASON_VAGUE = "HS_DESCRIPTION_VAGUE"

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
    """The ``top`` HS 2022 subheadings for each description (its first MAX_RANKED
    characters from its first letter or digit), best first."""
    model = model or shipped_model()
    heads = [ranked_head(text) for text in descriptions]
    return [
        _suggestions(text, ranked, top)
        for text, ranked in zip(heads, model.rank(heads), strict=True)
    ]


def _suggestions(text: str, ranked: Ranked, top: int) -> list[Suggestion]:
    nom = nomenclature()
    rows = []
    for rank, (code, score) in enumerate(zip(ranked.codes[:top], ranked.scores[:top],
                                             strict=True), start=1):  # fmt: skip
        heading, citation = cite(text, code)
        rows.append(Suggestion(rank, code, float(score), nom.title(code), heading, citation))
    return rows


def level_ratios(ranked: Ranked, code: str) -> tuple[float, float, float]:
    """How the candidates' scores treat ``code`` at each level, 0-1 (1 = the best there).

    ``chapter``: the score mass of the code's chapter over the best chapter's; ``heading``: its
    heading's over the best heading's (of any chapter: a code whose chapter holds other likely
    candidates but whose own heading is far off is caught here); ``subheading``: the code's own
    score over the best of its heading. A code that is not a candidate gets zeros.
    """
    if code not in ranked.codes:
        return 0.0, 0.0, 0.0
    chapters: dict[str, float] = {}
    headings: dict[str, float] = {}
    for c, s in zip(ranked.codes, ranked.scores, strict=True):
        chapters[c[:2]] = chapters.get(c[:2], 0.0) + float(s)
        headings[c[:4]] = headings.get(c[:4], 0.0) + float(s)
    chapter = chapters[code[:2]] / max(chapters.values())
    heading = headings[code[:4]] / max(headings.values())
    own = ranked.score_of(code)
    best_sibling = max(
        float(s) for c, s in zip(ranked.codes, ranked.scores, strict=True) if c[:4] == code[:4]
    )
    sub = own / best_sibling if best_sibling > 0 else 0.0
    return float(chapter), float(heading), float(sub)


def _calibrated(ratios: tuple[float, float, float]) -> list[float]:
    """Each level's ratio mapped to 0-1 so that its floor lands on LOW_PLAUSIBILITY.

    Chapter and heading: linear above the floor (a code of a chapter the description
    hardly supports stays just above 0.2, well below a correct code), proportional below it.
    Subheading: a power above its floor (the sibling ratio spans many orders of magnitude);
    below it between 0.1 and 0.2, so that a sibling mismatch alone stays above the wrong
    chapters under their floor (a wrong chapter is the check's first job).
    """
    out = []
    for ratio, floor in zip(ratios[:2], (CHAPTER_FLOOR, HEADING_FLOOR), strict=True):
        if ratio >= floor:
            out.append(LOW_PLAUSIBILITY + (1 - LOW_PLAUSIBILITY) * (ratio - floor) / (1 - floor))
        else:
            out.append(LOW_PLAUSIBILITY * ratio / floor)
    sub, floor = ratios[2], SUBHEADING_FLOOR
    if sub >= floor:
        out.append(sub ** (math.log(LOW_PLAUSIBILITY) / math.log(floor)))
    else:
        out.append(LOW_PLAUSIBILITY * (0.5 + 0.5 * (sub / floor) ** 0.3))
    return out


def plausibility(ranked: Ranked, code: str) -> float:
    """How well ``code`` fits, 0-1: the lowest of its three levels' calibrated scores
    (:func:`level_ratios`, :func:`_calibrated`). Below LOW_PLAUSIBILITY exactly when one
    level's ratio is under its floor (CHAPTER_FLOOR, HEADING_FLOOR, SUBHEADING_FLOOR)."""
    return float(min(_calibrated(level_ratios(ranked, code))))


def verdict(ranked: Ranked, code: str) -> tuple[float, str | None]:
    """Plausibility and, when it is low, the reason code of the first level (chapter, heading,
    subheading) that fails."""
    scores = _calibrated(level_ratios(ranked, code))
    p = min(scores)
    if p >= LOW_PLAUSIBILITY:
        return p, None
    failed = next(i for i, u in enumerate(scores) if u < LOW_PLAUSIBILITY)
    return p, (REASON_CHAPTER, REASON_HEADING, REASON_SUBHEADING)[failed]


def check(items: Sequence[tuple[str, str]], model: HSModel | None = None) -> list[Check]:
    """Plausibility of each (description, declared code); raises CodeError on a bad code."""
    return [c for c, _ in check_and_suggest(items, top=0, model=model)]


def check_and_suggest(
    items: Sequence[tuple[str, str]], *, top: int, model: HSModel | None = None
) -> list[tuple[Check, list[Suggestion]]]:
    """:func:`check` and the ``top`` suggestions of each item from **one** ranking (the
    declared code made a candidate, as the check needs), for callers that need both (the
    engine's facts): ranking is most of the cost. Raises CodeError on a bad code.

    A description is ranked, tested for vagueness and cited on its first MAX_RANKED
    characters, from its first letter or digit (:func:`clearlane.hs.model.ranked_head`): a
    100 kB text costs what 1 kB does."""
    model = model or shipped_model()
    nom = nomenclature()
    declared = [clean_code(code) for _, code in items]
    compared = [as_2022(d[:6], model) for d in declared]
    heads = [ranked_head(desc) for desc, _ in items]
    ranked = model.rank(heads, forced=compared)
    out: list[tuple[Check, list[Suggestion]]] = []
    for desc, code, hs6, r in zip(heads, declared, compared, ranked, strict=True):
        p, reason_code = verdict(r, hs6)
        best = r.codes[0]
        reason = None
        if is_vague(desc):
            # Not a mismatch: the description fits no code (plausibility and suggestions are
            # still those of the ranking, for the record).
            reason_code = REASON_VAGUE
            reason = f"description '{_short(desc)}' is too vague to classify: it names no goods"
        elif reason_code is not None:
            reason = f"description '{_short(desc)}' fits {dotted(best)}, declared {dotted(hs6)}"
            if hs6 != code[:6]:
                reason += f" (HS 2017 {dotted(code[:6])})"
        checked = Check(code, round(p, 4), reason_code, best, nom.title(best), reason, hs6)
        out.append((checked, _suggestions(desc, r, top) if top else []))
    return out


def unranked(
    items: Sequence[tuple[str, str]], model: HSModel | None = None, *, held: bool = False
) -> list[str]:
    """The normalised texts :func:`check_and_suggest` of ``items`` would rank anew (not kept
    by ``model`` with the declared code among their candidates; with ``held``, every text it
    ranks, kept or not); items without a description or with a code that is not one are left
    out (they are not ranked)."""
    model = model or shipped_model()
    descriptions: list[str] = []
    forced: list[str | None] = []
    for desc, code in items:
        if not desc.strip():
            continue
        try:
            declared = clean_code(code)
        except CodeError:
            continue
        descriptions.append(ranked_head(desc))
        forced.append(as_2022(declared[:6], model))
    if held:
        return list(dict.fromkeys(normalise(ranked_head(d)) for d in descriptions))
    return model.unranked(descriptions, forced)


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
