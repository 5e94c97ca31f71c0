"""Country fields of party lists as ISO 3166-1 alpha-2 codes.

Trader registers write ``Germany``, ``DE`` or ``DEU``; sanctions lists write ``Russian
Federation``, ``Russia`` or ``ru;by`` (several countries, ``;``-separated as OpenSanctions
does). :func:`country_codes` reads all of these: a code (alpha-2 or alpha-3, any case), an
ISO 3166 name (official, common or short, via pycountry) or one of the short English names
pycountry does not know (``Russia``, ``Turkey``, ``UK`` ...). A value that is none of these
is unknown (``None``), never guessed: a wrong country is evidence against a true match.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from unidecode import unidecode

from clearlane.core.codelists.countries import is_country

# Everyday English names that ISO 3166 spells otherwise (folded: ASCII, lower case).
_COMMON_NAMES = {
    "russia": "RU",
    "turkey": "TR",
    "turkiye": "TR",
    "uk": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "usa": "US",
    "u s a": "US",
    "u s": "US",
    "america": "US",
    "uae": "AE",
    "u a e": "AE",
    "emirates": "AE",
    "south korea": "KR",
    "republic of korea": "KR",
    "north korea": "KP",
    "dprk": "KP",
    "democratic people s republic of korea": "KP",
    "iran": "IR",
    "islamic republic of iran": "IR",
    "syria": "SY",
    "burma": "MM",
    "ivory coast": "CI",
    "cote d ivoire": "CI",
    "macedonia": "MK",
    "czech republic": "CZ",
    "holland": "NL",
    "the netherlands": "NL",
    "kosovo": "XK",
    "palestine": "PS",
    "vatican": "VA",
    "cape verde": "CV",
    "swaziland": "SZ",
    "east timor": "TL",
    "laos": "LA",
    "brunei": "BN",
    "moldova": "MD",
    "congo kinshasa": "CD",
    "dr congo": "CD",
    "drc": "CD",
    "democratic republic of the congo": "CD",
    "congo brazzaville": "CG",
    "hongkong": "HK",
    "hong kong sar": "HK",
    "macao sar": "MO",
    "taiwan": "TW",
    "european union": "EU",
}
_SEPARATORS = re.compile(r"[;|/]")
_FOLD = re.compile(r"[^a-z0-9]+")


def _fold(text: str) -> str:
    return _FOLD.sub(" ", unidecode(text).lower()).strip()


@lru_cache(maxsize=4096)
def country_code(value: str) -> str | None:
    """One country written any common way -> its alpha-2 code, or None when unknown."""
    text = value.strip()
    if not text:
        return None
    if len(text) == 2 and text.isalpha():
        return text.upper() if is_country(text.upper()) else None
    folded = _fold(text)
    if folded in _COMMON_NAMES:
        return _COMMON_NAMES[folded]
    try:
        found = pycountry.countries.lookup(text)
    except LookupError:
        found = None
    if found is None and folded != text.lower():
        try:
            found = pycountry.countries.lookup(folded)
        except LookupError:
            found = None
    return str(found.alpha_2) if found is not None else None


def country_codes(value: str) -> tuple[list[str], list[str]]:
    """All countries in a field (``;``, ``|`` or ``/`` between several): (codes, unknown parts).

    The whole value is tried first, so a name with a comma (``Korea, Republic of``) stays one
    country; codes keep the order written, without repeats."""
    text = value.strip()
    if not text:
        return [], []
    whole = country_code(text)
    if whole is not None:
        return [whole], []
    codes: list[str] = []
    unknown: list[str] = []
    for part in _SEPARATORS.split(text):
        if not part.strip():
            continue
        code = country_code(part)
        if code is None:
            unknown.append(part.strip())
        elif code not in codes:
            codes.append(code)
    return codes, unknown
