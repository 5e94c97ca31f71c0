"""Code lists: HS nomenclature by edition, countries, currencies, Incoterms, transport modes."""

from clearlane.core.codelists.countries import is_country, is_currency
from clearlane.core.codelists.hs import HSEdition, edition_for_date, get_edition
from clearlane.core.codelists.trade import INCOTERMS_2020, SEA_ONLY_INCOTERMS, TRANSPORT_MODES

__all__ = [
    "INCOTERMS_2020",
    "SEA_ONLY_INCOTERMS",
    "TRANSPORT_MODES",
    "HSEdition",
    "edition_for_date",
    "get_edition",
    "is_country",
    "is_currency",
]
