"""Review p24 (session 37, 2026-12-07, issues #13/#9) of parties33's register numbers and
place words. Out-of-sample set 50 (tests/link/data/unseen_parties50) was written and committed
before parties33's diff or src/clearlane/link was read; these tests stand for what it showed,
with names and numbers that are not the set's. Each failed on lead (7f75f72c) unless its
docstring calls it a guard."""

from __future__ import annotations

import pytest

from clearlane.link.identifiers import first_identifier, identifier_key


@pytest.mark.parametrize(
    ("full", "dropped", "country"),
    [
        ("04127735", "Company Number: 4127735", "GB"),  # a spreadsheet drops the zero
        ("00123456", "123456", "GB"),
        ("04.252.011/0001-10", "CNPJ 4252011000110", "BR"),
        ("00131305", "EDRPOU: 131305", "UA"),
        ("0105012349", "INN 105012349", "RU"),
    ],
)
def test_a_register_number_whose_leading_zeros_were_dropped_is_one_key(
    full: str, dropped: str, country: str
) -> None:
    a, b = identifier_key(full, country), identifier_key(dropped, country)
    assert a.key is not None and a.key == b.key, (a, b)


def test_dropped_zeros_are_not_made_up_for_a_number_failing_its_check() -> None:
    """A 13-digit number that fails the CNPJ's check with a zero before it is no CNPJ."""
    assert identifier_key("CNPJ 4252011000119", "BR").key is None


@pytest.mark.parametrize(
    ("left", "right", "country"),
    [
        ("Reg. No. 201729841K", "201729841K", "SG"),  # "REGNO..." was keyed as an EORI
        ("Reg No 08812345", "08812345", "GB"),
        ("Company Registration No. (UEN) 201729841 K", "201729841K", "SG"),
        ("код ЄДРПОУ 34517021", "34517021", "UA"),
        ("код за ЄДРПОУ 34517021", "EDRPOU 34517021", "UA"),
        ("INN RU7801456327", "7801456327", "RU"),  # "INNRU..." was keyed as India's EORI
    ],
)
def test_more_labels_of_register_numbers_are_read(left: str, right: str, country: str) -> None:
    a, b = identifier_key(left, country), identifier_key(right, country)
    assert a.key is not None and a.key == b.key, (a, b)
    assert a.kind in ("vat", "tin", "register"), a


@pytest.mark.parametrize(
    ("value", "country"),
    [
        ("Parent company USCC: 91330600143852937Y", "CN"),
        ("Parent Company Number: 03998215", "GB"),
        ("Registration Number: 199704512C (group)", "SG"),
        ("Group UEN 199704512C", "SG"),
        ("Group Reg. No. U61100MH2008PTC181234", "IN"),
        ("Holding company: 03998215", "GB"),
        ("UEN of parent: 199704512C", "SG"),
    ],
)
def test_a_parents_or_groups_number_is_not_the_partys_key(value: str, country: str) -> None:
    """A list names a firm's parent's or group's number beside it: keyed as the firm's own
    it joined a subsidiary to its group's holding (set 50: p 1.000)."""
    found = identifier_key(value, country)
    assert found.key is None and found.kind == "related", found


def test_the_partys_own_number_is_taken_before_its_parents_whichever_comes_first() -> None:
    value = "Parent Company Number: 03998215; Company Number: 08812345"
    assert first_identifier(value, "GB").key == "GB08812345"


def test_no_zero_is_put_before_a_number_that_begins_with_one() -> None:
    """Guard: "0621773" kept its zero, so it is a digit short, not a dropped zero."""
    assert identifier_key("0621773", "GB").key is None


@pytest.mark.parametrize(
    ("value", "country"),
    [
        ("Passport No: 45678912", "GB"),  # keyed as a UK company number on lead
        ("Passport: 4567891", "GB"),
        ("Phone: 24096157", "UA"),  # a valid EDRPOU by chance
        ("MMSI: 24096157", "UA"),
        ("Telephone: 08812345", "GB"),
        ("ID Card No: 08812345", "GB"),
    ],
)
def test_a_number_labelled_as_no_registers_is_not_keyed(value: str, country: str) -> None:
    """parties33 reads any name before a colon as a register's label and keys the number
    after it as the party's country's: a person's passport or a phone number became a UK
    company number or an EDRPOU, decisive when equal and parting when not."""
    found = identifier_key(value, country)
    assert found.key is None, found


def test_ft_before_a_word_of_a_firms_name_is_fort() -> None:
    """A list abbreviates the place a firm is named by: "Fort Worth Valve Supply" /
    "FT WORTH VALVE SUPPLY" (set 50's Fort Lauderdale pair: not compared on lead)."""
    from clearlane.link.normalise import normalise_name

    one = normalise_name("Fort Worth Valve Supply, Inc.")
    other = normalise_name("FT WORTH VALVE SUPPLY INC")
    assert one.key == other.key, (one, other)


def test_ft_as_a_firms_last_word_stays() -> None:
    """Guard: "Global FT" keeps its letters (not a place)."""
    from clearlane.link.normalise import normalise_name

    assert "fort" not in normalise_name("Global FT Ltd").key.split()


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("North West Steel Fabrications Ltd", "NW STEEL FABRICATIONS LTD"),
        ("South East Asia Freight Pte Ltd", "SE ASIA FREIGHT PTE LTD"),
    ],
)
def test_a_compass_abbreviation_leading_a_firms_name_is_its_words(full: str, short: str) -> None:
    """Set 50's "North West Timber Supplies" / "NW TIMBER SUPPLIES" was never compared."""
    from clearlane.link.normalise import normalise_name

    assert normalise_name(full).key == normalise_name(short).key


def test_an_eight_digit_russian_code_is_not_made_an_inn_of_region_00() -> None:
    """An OKPO code (8 digits) with "00" before it may pass the INN's check digit (1 in 11);
    no Russian INN begins with region 00, so it is not one (and would part a pair against
    the firm's real INN). Fails on 42735c41 (this review's dropped zeros), not on lead."""
    assert identifier_key("OKPO 12345673", "RU").key is None
    assert identifier_key("12345673", "RU").key is None
