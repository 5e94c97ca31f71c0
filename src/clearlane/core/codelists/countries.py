"""ISO 3166-1 alpha-2 countries and ISO 4217 currencies, from pycountry."""

from __future__ import annotations

from functools import lru_cache

import pycountry


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    codes = {c.alpha_2 for c in pycountry.countries}
    # Codes customs data uses that ISO 3166-1 reserves rather than assigns:
    # XK Kosovo (user-assigned, used by the EU and WCO), EU (European Union as origin).
    # Not ZZ ("unknown", user-assigned): a declaration must name the country, so a record
    # with ZZ (27 of the 37,385 KCS rows of 2020) is quarantined with reason unknown_country.
    return frozenset(codes | {"XK", "EU"})


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def is_country(code: str) -> bool:
    return code in _countries()


def is_currency(code: str) -> bool:
    return code in _currencies()
