"""Country fields of party lists as ISO 3166-1 alpha-2 codes.

Trader registers write ``Germany``, ``DE`` or ``DEU``; sanctions lists write ``Russian
Federation``, ``Russia`` or ``ru;by`` (several countries, ``;``-separated as OpenSanctions
does). :func:`country_codes` reads all of these: a code (alpha-2 or alpha-3, any case), an
ISO 3166 name (official, common or short, via pycountry) or one of the short English names
pycountry does not know (``Russia``, ``Turkey``, ``UK`` ...). A value that is none of these
is unknown (``None``), never guessed: a wrong country is evidence against a true match.

Spelling variants are read by exact rules, never by a fuzzy search (``Niger`` is not
``Nigeria``, ``Dominica`` not ``Dominican Republic``): ``&`` or ``/`` between two words of one
name (``Bosnia/Herzegovina``, ``Trinidad & Tobago``), a leading ``the`` or ``republic of``
(``Republic of Niger``), ``St`` for ``Saint``, and the comma-inverted form (``Congo,
Democratic Republic of the``).

Countries that no longer exist (pycountry's ``historic_countries``: ``Yugoslavia``, ``USSR``,
``Netherlands Antilles``, ``Czechoslovakia``, ``East Germany`` ...; their codes ``YU``,
``SUN``, ``CSHH``) keep their own ISO 3166-3 alpha-3 code (``YUG``, ``SUN``, ``ANT``, ``CSK``,
``SCG``, ``DDR``), never a successor's: an entity listed in "Yugoslavia" may be in Serbia,
Croatia or Slovenia today, and which is a fact the list does not give. Alpha-3 because the
historic alpha-2 codes were reused (``CS`` was Czechoslovakia, then Serbia and Montenegro;
``BY``, ``GE``, ``SK`` are current countries); a 3-letter key never equals a current one.
``CS`` alone is therefore unknown, as is ``Congo`` alone: lists write it for both the
Republic of the Congo (``CG``) and the Democratic Republic (``CD``).
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
    "democratic republic of congo": "CD",
    "congo brazzaville": "CG",
    "republic of congo": "CG",
    "republic of china": "TW",
    "former yugoslav republic of macedonia": "MK",
    "hongkong": "HK",
    "hong kong sar": "HK",
    "macao sar": "MO",
    "taiwan": "TW",
    "european union": "EU",
}
# Historic countries written as lists commonly do (folded) -> ISO 3166-3 alpha-3 code.
_HISTORIC_NAMES = {
    "soviet union": "SUN",
    "ussr": "SUN",
    "u s s r": "SUN",
    "yugoslavia": "YUG",
    "federal republic of yugoslavia": "YUG",
    "socialist federal republic of yugoslavia": "YUG",
    "czechoslovakia": "CSK",
    "east germany": "DDR",
    "gdr": "DDR",
    "zaire": "ZAR",
}
# Names that mean more than one country: unknown, not the one pycountry would pick.
_AMBIGUOUS = frozenset({"congo", "the congo", "cs", "korea"})
_SEPARATORS = re.compile(r"[;|/]")
_FOLD = re.compile(r"[^a-z0-9]+")
_AND = re.compile(r"\s*[&/]\s*")
_PREFIX = re.compile(r"^(?:the |republic of (?:the )?)")
_SAINT = re.compile(r"\bst\b")


def _fold(text: str) -> str:
    return _FOLD.sub(" ", unidecode(text).lower()).strip()


def _invert(text: str) -> str:
    """``Congo, Democratic Republic of the`` -> ``Democratic Republic of the Congo``."""
    head, sep, tail = text.partition(",")
    return f"{tail.strip()} {head.strip()}" if sep and tail.strip() else text


@lru_cache(maxsize=1)
def _current_names() -> dict[str, str]:
    """Every pycountry name of a current country (name, official, common), folded, inverted."""
    out: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                for form in (name, _invert(name)):
                    out.setdefault(_fold(form), str(country.alpha_2))
    return out


@lru_cache(maxsize=1)
def _historic_names() -> dict[str, str]:
    """Historic countries' codes and names (full, inverted, before the comma) -> alpha-3.

    A historic alpha-2 code shared by two of them (``CS``) or by a current country (``BY``)
    is left out; so is a name before the comma that a current country has (``Viet-Nam``)."""
    out: dict[str, str] = {}
    current = _current_names()
    counts: dict[str, int] = {}
    for country in pycountry.historic_countries:
        counts[country.alpha_2] = counts.get(country.alpha_2, 0) + 1
    for country in pycountry.historic_countries:
        code = str(country.alpha_3)
        if counts[country.alpha_2] == 1 and not is_country(country.alpha_2):
            out[country.alpha_2.lower()] = code
        out[country.alpha_3.lower()] = code
        out[country.alpha_4.lower()] = code
        name = str(country.name)
        for form in (name, _invert(name), name.partition(",")[0]):
            folded = _fold(form)
            if folded not in current and folded not in _COMMON_NAMES:
                out.setdefault(folded, code)
    out.update(_HISTORIC_NAMES)
    return out


def _variants(text: str) -> list[str]:
    """The folded forms of one country name to look up, the name as written first."""
    first = [_fold(text), _fold(_invert(text))]
    out: list[str] = []
    for base in first + [_fold(_AND.sub(" and ", f)) for f in (text, _invert(text))]:
        for form in (base, _PREFIX.sub("", base), _SAINT.sub("saint", base)):
            if form and form not in out:
                out.append(form)
    return out


def is_historic(code: str) -> bool:
    """A key :func:`country_code` gives a country that no longer exists (``YUG``)."""
    return len(code) == 3 and code.lower() in _historic_names()


@lru_cache(maxsize=4096)
def country_code(value: str) -> str | None:
    """One country written any common way -> its alpha-2 code (a historic one: its alpha-3
    code, ``YUG``), or None when unknown or ambiguous (``Congo``)."""
    text = value.strip()
    if not text:
        return None
    if _fold(text) in _AMBIGUOUS:
        return None
    if len(text) == 2 and text.isalpha() and is_country(text.upper()):
        return text.upper()
    if len(text) == 3 and text.isalpha():
        current = pycountry.countries.get(alpha_3=text.upper())
        if current is not None:
            return str(current.alpha_2)
    # every form, so a prefix or comma dropped never reaches one (``Congo, The`` -> ``congo``)
    variants = [f for f in _variants(text) if f not in _AMBIGUOUS]
    for table in (_COMMON_NAMES, _current_names()):
        for form in variants:
            if form in table:
                return table[form]
    if text.isdigit():  # ISO 3166-1 numeric (276)
        found = pycountry.countries.get(numeric=text.zfill(3))
        return str(found.alpha_2) if found is not None else None
    historic = _historic_names()
    for form in variants:
        if form in historic:
            return historic[form]
    return None


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
