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

from clearlane.core.codelists.country_names import PARTY_LIST, is_historic
from clearlane.core.codelists.country_names import country_code as _resolve

__all__ = ["country_code", "country_codes", "is_historic"]

_SEPARATORS = re.compile(r"[;|/]")


def country_code(value: str) -> str | None:
    """One country written any common way -> its alpha-2 code (a historic one: its alpha-3
    code, ``YUG``), or None when unknown or ambiguous (``Congo``)."""
    return _resolve(value, PARTY_LIST)


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
