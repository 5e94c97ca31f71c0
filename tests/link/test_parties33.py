"""Helper parties33 (session 37, 2026-12-07, issues #13/#9): national company register
numbers as identifiers. A register's number under the name real lists write before it
("Unique Entity Number:", "Unified Social Credit Code (USCC):", "CIN", "R.F.C. ... (Mexico)",
"ИНН", "EDRPOU", "Company Number:") is read, checked with python-stdnum where a module exists
(Singapore UEN, Chinese USCC, Mexican RFC, Russian INN/OGRN, Ukrainian EDRPOU, Brazilian CNPJ)
or by the register's format (UK company number, Indian CIN), and keyed with the party's
country: the same valid number joins two names that share nothing, another valid number of
the same scheme weighs -10 bits against one firm (parties19's cap). Firms one place-like word
apart ("Riverside" / "RIVERBANK") are two. Out-of-sample set 49
(tests/link/data/unseen_parties49) was written and committed before src/clearlane/link was
read. Each test here failed on main (6e6bda87) unless its docstring calls it a guard. Names
and numbers are not the set's."""

from __future__ import annotations

import pytest

from clearlane.link.identifiers import identifier_key
from clearlane.link.resolve import link_parties
from clearlane.link.settings import MATCH_THRESHOLD
from tests.link.test_unseen4 import _pairs, _parties


@pytest.mark.parametrize(
    ("left", "right", "country"),
    [
        ("201733418K", "Unique Entity Number: 201733418K", "SG"),
        ("USCC 91310115MA1K3P2W7E", "Unified Social Credit Code (USCC): 91310115MA1K3P2W7E", "CN"),
        ("U74999MH2016PTC281734", "CIN: U74999MH2016PTC281734", "IN"),
        (
            "CIN L24110GJ1993PLC019874",
            "Corporate Identification Number L24110GJ1993PLC019874",
            "IN",
        ),
        ("PAC870621Q3A", "R.F.C. PAC-870621-Q3A (Mexico)", "MX"),
        ("ИНН 7810345670", "Tax Identification Number: 7810345670", "RU"),
        ("ОГРН 1147847152309", "Registration Number: 1147847152309", "RU"),
        ("24096157", "EDRPOU 24096157", "UA"),
        ("06217733", "Company Number: 06217733", "GB"),
        ("SC 512 774", "Company Number: SC512774", "GB"),
    ],
)
def test_one_register_number_under_its_labels_is_one_key(
    left: str, right: str, country: str
) -> None:
    a, b = identifier_key(left, country), identifier_key(right, country)
    assert a.key is not None and a.key == b.key, (a, b)
    assert a.key.startswith(country), a


@pytest.mark.parametrize(
    ("value", "country"),
    [
        ("TGA980714K28", "MX"),  # read as Togo's EORI until now
        ("SC512774", "GB"),  # read as the Seychelles'
        ("NI612345", "GB"),  # Northern Ireland's company number, read as Nicaragua's
    ],
)
def test_a_register_number_beginning_with_a_country_code_is_the_partys(
    value: str, country: str
) -> None:
    found = identifier_key(value, country)
    assert found.key is not None and found.key.startswith(country), found


def test_no_key_for_an_edrpou_whose_check_digit_fails() -> None:
    # keyed as an unchecked national number until now
    assert identifier_key("24096158", "UA").key is None


@pytest.mark.parametrize(
    ("value", "country"),
    [
        ("U74999MH2016PTC28173", "IN"),  # a CIN a digit short
        ("0621773", "GB"),  # seven digits: no company number
        ("00000000", "GB"),  # a placeholder
    ],
)
def test_no_key_for_malformed_register_numbers(value: str, country: str) -> None:
    """Guard: register numbers a digit short or made of zeros stay unkeyed."""
    assert identifier_key(value, country).key is None


def _firm(pid: str, name: str, number: str, country: str, city: str) -> dict[str, str]:
    return {"id": pid, "name": name, "identifier": number, "country": country, "city": city}


def test_the_same_register_number_joins_a_trade_name_and_a_legal_name() -> None:
    left = [
        _firm("a", "Jin Long Logistics Pte. Ltd.", "201733418K", "SG", "Singapore"),
        _firm("b", "Harrowgate Plant Hire Limited", "06217733", "GB", "Leeds"),
        _firm("c", "Shanghai Dongfang Chemical Co., Ltd.", "91310115MA1K3P2W7E", "CN", "Shanghai"),
    ]
    right = [
        _firm("x", "GOLDEN DRAGON LOGISTICS PTE LTD", "Unique Entity Number: 201733418K", "SG", ""),
        _firm("y", "HPH EQUIPMENT SERVICES LTD", "Company Number: 06217733", "GB", ""),
        _firm("z", "ORIENT CHEM INTERNATIONAL", "USCC 91310115MA1K3P2W7E", "CN", ""),
    ]
    found = link_parties(_parties(left), _parties(right)).matches
    pairs = {
        (a, b)
        for a, b, p in zip(found.left_id, found.right_id, found.match_probability, strict=True)
        if p >= MATCH_THRESHOLD
    }
    assert {("a", "x"), ("b", "y"), ("c", "z")} <= pairs, found


def test_another_valid_number_of_one_scheme_is_another_firm_of_one_name() -> None:
    """One name in one town at another street, and another valid number of one register."""
    rows = [
        ("Harbour Light Shipping Pte. Ltd.", "SG", "Singapore", "80 Robinson Road"),
        ("Kestrel Haulage Limited", "GB", "Leeds", "Unit 5, Stourton Link"),
        ("Sagar Spices Private Limited", "IN", "Mumbai", "14 Masjid Bunder Road"),
        ("Transportes Salinas S.A. de C.V.", "MX", "Monterrey", "Av. Ruiz Cortines 3300"),
    ]
    numbers = [
        ("201733418K", "Unique Entity Number: 201002231N", "12 Shenton Way"),
        ("06217733", "Company Number: 09912384", "Pontefract Lane"),
        ("U74999MH2016PTC281734", "CIN: U15400MH2011PTC219876", "Andheri East"),
        ("TSA150110M27", "R.F.C. PAC870621Q3A (Mexico)", "Av. Constitucion 100"),
    ]
    left, right = [], []
    for n, ((name, country, city, street), (one, other, street_r)) in enumerate(
        zip(rows, numbers, strict=True)
    ):
        left.append(_firm(f"a{n}", name, one, country, city) | {"street": street})
        right.append(_firm(f"b{n}", name.upper(), other, country, city) | {"street": street_r})
    # among 180 other parties a side (test_unseen4._pairs), as on a real list
    assert not _pairs(left, right)


def test_two_schemes_of_one_country_do_not_part_a_firm() -> None:
    """Guard: a firm's INN on one side and its OGRN on the other are two schemes, not two
    firms; the name and town still join them."""
    left = [_firm("a", "OOO Baltiyskiy Bereg", "ИНН 7810345670", "RU", "Saint Petersburg")]
    right = [_firm("x", "BALTIYSKIY BEREG LLC", "OGRN 1147847152309", "RU", "Saint Petersburg")]
    found = link_parties(_parties(left), _parties(right)).matches
    assert (found.match_probability >= MATCH_THRESHOLD).any(), found


def _at(pid: str, name: str, street: str, city: str, country: str) -> dict[str, str]:
    return {"id": pid, "name": name, "street": street, "city": city, "country": country}


def test_a_place_word_of_one_first_part_and_another_last_part_is_another_firm() -> None:
    """One town and street, the names one place-like word apart: "Ferndale" / "FERNBROOK",
    "Ashford" / "ASH WOOD", "Kingsgate" / "KINGSWAY", "Meadowbank" / "MEADOWFIELD"."""
    pairs = [
        ("Ferndale Joinery Ltd", "FERNBROOK JOINERY LIMITED", "Canal Road", "Bradford", "GB"),
        ("Ashford Cold Storage Ltd", "ASH WOOD COLD STORAGE LTD", "Dock Road", "Hull", "GB"),
        ("Kingsgate Motors Pty Ltd", "KINGSWAY MOTORS PTY LTD", "Main Road", "Perth", "AU"),
        ("Meadowbank Dairies Ltd", "MEADOWFIELD DAIRIES LTD", "Mill Lane", "Carlisle", "GB"),
    ]
    left = [
        _at(f"a{n}", one, street, city, cc) for n, (one, _, street, city, cc) in enumerate(pairs)
    ]
    right = [
        _at(f"b{n}", two, street, city, cc) for n, (_, two, street, city, cc) in enumerate(pairs)
    ]
    assert not _pairs(left, right)


def test_a_place_word_written_apart_is_one_firm() -> None:
    """Guard: "Ferndale" / "FERN DALE", "Meadowbank" / "MEADOW BANK" are one word."""
    pairs = [
        ("Ferndale Joinery Ltd", "FERN DALE JOINERY LIMITED", "Canal Road", "Bradford", "GB"),
        ("Meadowbank Dairies Ltd", "MEADOW BANK DAIRIES LTD", "Mill Lane", "Carlisle", "GB"),
    ]
    left = [
        _at(f"a{n}", one, street, city, cc) for n, (one, _, street, city, cc) in enumerate(pairs)
    ]
    right = [
        _at(f"b{n}", two, street, city, cc) for n, (_, two, street, city, cc) in enumerate(pairs)
    ]
    assert _pairs(left, right) == {("a0", "b0"), ("a1", "b1")}
