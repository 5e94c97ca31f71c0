"""Country fields of party lists as ISO 3166-1 alpha-2 codes.

Trader registers write ``Germany``, ``DE`` or ``DEU``; sanctions lists write ``Russian
Federation``, ``Russia``, ``Korea, Rep.`` or ``ru;by`` (several countries, ``;``-separated as
OpenSanctions does). Each country is read by the one resolver of country names,
:func:`clearlane.core.codelists.country_names.country_code` (names, aliases, spelling
variants, historic countries: see there), under its party-list policy: codes (alpha-2,
alpha-3, numeric) are read, a historic country keeps its own alpha-3 code (``YUG``), and a
name several countries share (``Congo``, ``Korea``, ``CS``) is unknown (``None``), never
guessed: a wrong country is evidence against a true match.
"""

from __future__ import annotations

import re
from dataclasses import replace

from clearlane.core.codelists.country_names import PARTY_LIST, is_historic, native_code
from clearlane.core.codelists.country_names import country_code as _resolve
from clearlane.link.scripts import is_latin

__all__ = ["address_country_code", "country_code", "country_codes", "is_historic"]

_SEPARATORS = re.compile(r"[;|/]")
# A country named at the end of an address or a town field: its name in another language only
# when written in another script. A Latin-letter translation is too often a town elsewhere
# (Spanish "Granada" is Grenada, Finnish "Brasilia" Brazil, "Salvador", "Tunis", "Norfolk",
# "Man"), and there the name stands where the town does (review of scripts7).
_ADDRESS = replace(PARTY_LIST, native=False)


def country_code(value: str) -> str | None:
    """One country written any common way -> its alpha-2 code (a historic one: its alpha-3
    code, ``YUG``), or None when unknown or ambiguous (``Congo``)."""
    return _resolve(value, PARTY_LIST)


def address_country_code(value: str) -> str | None:
    """A country written after a town or at an address's end (``Lviv, Україна``, ``Mumbai,
    India``) -> its alpha-2 code, or None: as :func:`country_code`, but a name in another
    language only in another script (``Salvador``, ``Granada``, ``Tunis`` are towns)."""
    code = _resolve(value, _ADDRESS)
    if code is None and not value.isascii() and not is_latin(value):
        code = native_code(value)
    return code


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
