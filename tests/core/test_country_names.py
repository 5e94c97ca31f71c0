"""The one resolver of country names (core.codelists.country_names) and its two policies:
party lists (codes, historic countries, a shared name unknown) and invoice address lines
(names only, ten languages, ISO 3166's reading of a shared name)."""

from __future__ import annotations

import pytest

from clearlane.core.codelists import is_country
from clearlane.core.codelists.country_names import (
    ADDRESS_LINE,
    ALIASES,
    HISTORIC_NAMES,
    PARTY_LIST,
    CountryPolicy,
    country_code,
    is_historic,
)
from clearlane.documents import layout
from clearlane.link import countries


def test_every_alias_is_a_country_both_readers_read_the_same() -> None:
    for name, code in ALIASES.items():
        assert is_country(code), name
        assert countries.country_code(name) == code, name
        assert layout.country_code(f"Harbour Road 12, {name}") == code, name


def test_the_readers_hold_no_country_data_of_their_own() -> None:
    # one set of names: the documents reader's former tables are gone
    assert not hasattr(layout, "COUNTRY_ALIASES")
    assert not hasattr(layout, "_countries")
    assert not hasattr(countries, "_COMMON_NAMES")


@pytest.mark.parametrize(
    ("value", "party_list", "address_line"),
    [
        ("DE", "DE", None),  # on an address line a short word is a state or a postcode's
        ("deu", "DE", None),
        ("276", "DE", None),
        ("U.S.A.", "US", "US"),
        ("Yugoslavia", "YUG", None),  # an invoice is current: no historic country
        ("SU", "SUN", None),
        ("Congo", None, "CG"),  # a shared name: unknown, or ISO 3166's short name
        ("Congo, The", None, None),  # never through a variant
        ("Korea", None, None),
        # translations: German, French, ... on invoices; on party lists every language of
        # country_names.NATIVE_LANGUAGES and its script since session 22 (a register's own)
        ("Deutschland", "DE", "DE"),
        ("Belgique", "BE", "BE"),
        ("Россия", "RU", "RU"),  # invoices read Russian, Ukrainian and Greek since session 22
        ("대한민국", "KR", None),  # ... but not every script a party list reads
        ("Germany", "DE", "DE"),
    ],
)
def test_the_two_policies_differ_only_where_they_say(
    value: str, party_list: str | None, address_line: str | None
) -> None:
    assert country_code(value, PARTY_LIST) == party_list
    assert country_code(value, ADDRESS_LINE) == address_line


def test_a_policy_is_a_set_of_options() -> None:
    german = CountryPolicy(languages=("de",))
    assert country_code("Deutschland", german) == "DE"
    assert country_code("Congo", CountryPolicy(ambiguous="iso")) == "CG"
    assert country_code("YUG", CountryPolicy(historic=False)) is None


def test_spaces_and_punctuation_do_not_make_another_name() -> None:
    assert country_code("Vietnam") == "VN"  # ISO: Viet Nam
    assert country_code("Bahama's") == "BS"
    # but digits do: an amount is no country
    assert country_code("US$ 64.00") is None
    assert country_code("Singapore 068898") is None


def test_historic_names_keep_their_own_code() -> None:
    for name, code in HISTORIC_NAMES.items():
        assert country_code(name) == code, name
        assert is_historic(code)
    assert not is_historic("DEU")
    # a historic code is read as a code only, not out of the letters of words
    assert country_code("A N") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the WTO's and the World Bank's names of separate customs territories: the ", China"
        # is no country of its own (an address line would otherwise read its last part)
        ("Hong Kong, China", "HK"),
        ("Hong Kong (China)", "HK"),
        ("Macao, China", "MO"),
        ("Macau", "MO"),
        ("Macau SAR, China", "MO"),
        ("Taiwan, China", "TW"),
    ],
)
def test_a_territory_written_with_china_is_the_territory(text: str, code: str) -> None:
    assert country_code(text, PARTY_LIST) == code
    assert country_code(text, ADDRESS_LINE) == code
    assert layout.country_code(f"Canton Road 12, Tsim Sha Tsui, {text}") == code
