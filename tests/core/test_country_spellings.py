"""Country names as the World Bank, the UN and sanctions lists write them, read the same by
both readers of country names: party lists (``link.countries.country_codes``) and invoice
address lines (``documents.layout.country_code``). Both call one resolver
(``core.codelists.country_names``); this file checks them through their own entry points."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from clearlane.documents.layout import country_code as address_country
from clearlane.link.countries import country_codes


def _party_list(value: str) -> str | None:
    codes, unknown = country_codes(value)
    return codes[0] if len(codes) == 1 and not unknown else None


def _invoice(value: str) -> str | None:
    # the last part of an address line, as an invoice's seller or buyer block has it
    return address_country(f"Harbour Road 12, Portside, {value}")


READERS: list[tuple[str, Callable[[str], str | None]]] = [
    ("party list", _party_list),
    ("invoice", _invoice),
]

# World Bank (WDI), UN and sanctions-list spellings
SPELLINGS = [
    ("Congo, Dem. Rep.", "CD"),
    ("Congo, Rep.", "CG"),
    ("Micronesia", "FM"),
    ("Micronesia, Fed. Sts.", "FM"),
    ("Korea, Rep.", "KR"),
    ("Korea, Dem. People's Rep.", "KP"),
    ("Iran, Islamic Rep.", "IR"),
    ("Egypt, Arab Rep.", "EG"),
    ("Venezuela, RB", "VE"),
    ("Yemen, Rep.", "YE"),
    ("Gambia, The", "GM"),
    ("Bahamas, The", "BS"),
    ("Lao PDR", "LA"),
    ("Hong Kong SAR, China", "HK"),
    ("Macao SAR, China", "MO"),
    ("Kyrgyz Republic", "KG"),
    ("Slovak Republic", "SK"),
    ("Turkiye", "TR"),
    ("Türkiye", "TR"),
    ("Cote d'Ivoire", "CI"),
    ("Cabo Verde", "CV"),
    ("Eswatini", "SZ"),
    ("Swaziland", "SZ"),
    ("Czechia", "CZ"),
    ("North Macedonia", "MK"),
    ("Macedonia, FYR", "MK"),
    ("St. Lucia", "LC"),
    ("St. Kitts and Nevis", "KN"),
    ("St. Vincent and the Grenadines", "VC"),
    ("West Bank and Gaza", "PS"),
    # user-assigned (ISO 3166-1 reserves XK for no one), used by the EU, the WCO and the World
    # Bank; accepted by core.codelists.is_country as the rest of ClearLane does
    ("Kosovo", "XK"),
]

# Countries whose names differ by a word: each must read as itself, never as its neighbour.
NEIGHBOURS = [
    ("Niger", "NE"),
    ("Nigeria", "NG"),
    ("Republic of Niger", "NE"),
    ("Dominica", "DM"),
    ("Dominican Republic", "DO"),
    ("Guinea", "GN"),
    ("Guinea-Bissau", "GW"),
    ("Equatorial Guinea", "GQ"),
    ("Papua New Guinea", "PG"),
    ("Sudan", "SD"),
    ("South Sudan", "SS"),
    ("Republic of the Congo", "CG"),
    ("Democratic Republic of the Congo", "CD"),
    ("DR Congo", "CD"),
    ("Congo, Rep.", "CG"),
    ("Congo, Dem. Rep.", "CD"),
    ("South Korea", "KR"),
    ("North Korea", "KP"),
    ("Korea, South", "KR"),
    ("Korea, North", "KP"),
    ("Korea, Rep.", "KR"),
    ("Korea, Dem. Rep.", "KP"),
    ("Samoa", "WS"),
    ("American Samoa", "AS"),
    ("British Virgin Islands", "VG"),
    ("Virgin Islands, British", "VG"),
    ("US Virgin Islands", "VI"),
    ("U.S. Virgin Islands", "VI"),
    ("Virgin Islands, U.S.", "VI"),
]


@pytest.mark.parametrize(("reader", "read"), READERS, ids=[r for r, _ in READERS])
@pytest.mark.parametrize(("value", "code"), SPELLINGS)
def test_world_bank_and_un_spellings(
    reader: str, read: Callable[[str], str | None], value: str, code: str
) -> None:
    assert read(value) == code


@pytest.mark.parametrize(("reader", "read"), READERS, ids=[r for r, _ in READERS])
@pytest.mark.parametrize(("value", "code"), NEIGHBOURS)
def test_a_country_is_not_read_as_its_neighbour(
    reader: str, read: Callable[[str], str | None], value: str, code: str
) -> None:
    assert read(value) == code


@pytest.mark.parametrize(("reader", "read"), READERS, ids=[r for r, _ in READERS])
@pytest.mark.parametrize("value", ["Korea", "Virgin Islands", "Congo, The", "The Congo"])
def test_a_name_of_several_countries_is_read_as_none_of_them(
    reader: str, read: Callable[[str], str | None], value: str
) -> None:
    assert read(value) is None


@pytest.mark.parametrize(
    ("line", "code"),
    [
        # the country's name has a comma of its own: the last two parts are read first
        ("8 Canton Road, Kowloon, Hong Kong SAR, China", "HK"),
        ("Avenida da Praia Grande 5, Macao SAR, China", "MO"),
        ("No. 7 Xinyi Road, Taipei, Taiwan, Province of China", "TW"),
        ("Seoul, Korea, Republic of", "KR"),
        ("Jiangbin Road 3, Ningbo, China", "CN"),
        ("Road Town, Tortola, Virgin Islands, British", "VG"),
    ],
)
def test_an_address_line_whose_country_name_has_a_comma(line: str, code: str) -> None:
    assert address_country(line) == code
