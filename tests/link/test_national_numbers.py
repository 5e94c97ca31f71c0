"""A registration number written bare (no country prefix, no label) or under a label whose
letters are a country's code ("CR 4030123456" in Saudi Arabia is a commercial registration,
not Costa Rica) keys with the party's country where stdnum cannot check that country's
numbers; unseen set 18 (Uzbek INNs, Kazakh BINs) and set 16 (Gulf CR numbers)."""

import pytest

from clearlane.link.identifiers import identifier_key
from clearlane.link.resolve import link_parties
from clearlane.link.settings import MATCH_THRESHOLD
from tests.link.test_unseen4 import _parties


@pytest.mark.parametrize(
    ("left", "right", "country"),
    [
        ("301234567", "301234567", "UZ"),
        ("050840012345", "BIN 050840012345", "KZ"),
        ("CR 4030123456", "4030123456", "SA"),
        ("CR No. 78123-1", "78123-1", "BH"),
        ("RC 581234", "581234", "CG"),
    ],
)
def test_one_national_number_one_key(left: str, right: str, country: str) -> None:
    a, b = identifier_key(left, country), identifier_key(right, country)
    assert a.key is not None and a.key == b.key, (a, b)
    assert a.key.startswith(country)


@pytest.mark.parametrize(
    ("value", "country"),
    [
        ("123456789", "UZ"),  # counting: an unknown number
        ("000000", "KZ"),
        ("12345", "UZ"),  # too short to say whose
        # a country stdnum checks: its rules, as before (until session 37 "05512345", now a UK
        # company number: test_parties33)
        ("055123456", "GB"),
        ("1234567/A/M/000", "TN"),  # not digits only
    ],
)
def test_no_key_for_placeholders_short_or_checked_numbers(value: str, country: str) -> None:
    assert identifier_key(value, country).key is None


def test_costa_rica_keeps_its_prefix() -> None:
    # "CR" before a Costa Rican party's number is its own country's prefix, as before
    assert identifier_key("CR 3101456789", "CR").key == identifier_key("3-101-456789", "CR").key


def test_the_same_bare_number_links_two_spellings_of_a_firm() -> None:
    town = {"city": "Tashkent", "country": "UZ"}
    left = [{"id": "a", "name": "Tashkent Kimyo Savdo MChJ", "identifier": "302555111", **town}]
    right = [
        {"id": "b", "name": "TASHKENTSKAYA KHIMICHESKAYA TORGOVLYA OOO"}
        | {"identifier": "302555111", **town},
        {"id": "c", "name": "TASHKENT KIMYO SAVDO", "identifier": "309876543", **town},
    ]
    found = link_parties(_parties(left), _parties(right)).matches
    pairs = set(zip(found.left_id, found.right_id, strict=True))
    assert ("a", "b") in pairs
    assert found[found.right_id == "b"].match_probability.iloc[0] >= MATCH_THRESHOLD
