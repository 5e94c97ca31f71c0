"""A review of the third unseen set's rules (initials, dates of birth, place names, IMO
numbers) by small hand-made inputs: what they must not link, read or refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.link.identifiers import identifier_key
from clearlane.link.io import read_party_file
from clearlane.link.normalise import normalise_city, split_names
from tests.link.test_unseen3 import _pairs

_LONDON = {"country": "GB", "city": "London", "street": "1 High Street"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the initials stand for the only word that says who the company is: any "J... Trading"
        ("J Trading Ltd", "Jade Trading Ltd"),
        ("A and B Trading Ltd", "Alpha Beta Trading Ltd"),
    ],
)
def test_initials_beside_trade_words_only_do_not_link_at_one_address(a: str, b: str) -> None:
    assert (
        _pairs([{"id": "r1", "name": a, **_LONDON}], [{"id": "s1", "name": b, **_LONDON}]) == set()
    )


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # John and Jane Smith of one household: "J. Smith" born 1970 is not Jane born 1985
        (
            {"name": "J. Smith", "kind": "Person", "registration_date": "1970-01-01"},
            {"name": "Jane Smith", "kind": "Person", "registration_date": "1985-01-01"},
        ),
        # the same street name in another country
        (
            {"name": "J. Smith", "kind": "Person"},
            {"name": "Jane Smith", "kind": "Person", "country": "US"},
        ),
        # neither side said to be a company
        ({"name": "K Smith"}, {"name": "Smith Kline"}),
    ],
)
def test_a_persons_initials_are_not_linked_by_an_address_alone(
    left: dict[str, str], right: dict[str, str]
) -> None:
    register = [{"id": "r1", **_LONDON, **left}]
    listed = [{"id": "s1", **_LONDON, **right}]
    assert _pairs(register, listed) == set()


def test_a_persons_initials_still_link_on_the_same_date_of_birth() -> None:
    register = [{"id": "r1", **_LONDON, "name": "J. Smith", "registration_date": "1970-01-01"}]
    listed = [{"id": "s1", **_LONDON, "name": "John Smith", "registration_date": "1970-01-01"}]
    assert _pairs(register, listed) == {("r1", "s1")}


def test_a_bare_number_in_an_imo_column_is_the_ships_imo_number(tmp_path: Path) -> None:
    register, listed = tmp_path / "register.csv", tmp_path / "list.csv"
    register.write_text("id,name,IMO Number\nr1,Ocean Star,9387425\n", encoding="utf-8")
    listed.write_text("id,name,identifiers\ns1,Sea Star,IMO 9387425\n", encoding="utf-8")
    key = identifier_key(read_party_file(register).frame.identifier[0]).key
    assert key == identifier_key(read_party_file(listed).frame.identifier[0]).key == "IMO9387425"


def test_a_bare_number_among_registration_numbers_stays_and_a_labelled_one_is_not_relabelled(
    tmp_path: Path,
) -> None:
    path = tmp_path / "register.csv"
    path.write_text("id,name,Reg. / IMO No.\nr1,Ocean Star,9387425\n", encoding="utf-8")
    assert read_party_file(path).frame.identifier[0] == "9387425"
    path.write_text("id,name,IMO\nr1,Ocean Star,IMO 9387425;9074729\n", encoding="utf-8")
    assert read_party_file(path).frame.identifier[0] == "IMO 9387425;IMO 9074729"


@pytest.mark.parametrize(("a", "b"), [("St. Gallen", "Sankt Gallen"), ("Saint-Denis", "St Denis")])
def test_a_towns_saint_is_written_one_way(a: str, b: str) -> None:
    assert normalise_city(a) == normalise_city(b)


def test_a_slash_aka_with_a_closing_slash_gives_the_alias_alone() -> None:
    assert split_names("Smith a/k/a/ Jones") == ["Smith", "Jones"]


@pytest.mark.parametrize("value", ["IMO 0000000", "IMO No. 1234567"])
def test_a_placeholder_imo_number_is_no_key_and_links_no_two_ships(value: str) -> None:
    # both pass the check digit (weights 7..2: 0 -> 0, 77 -> 7); lists write them for "unknown"
    assert identifier_key(value).key is None
    register = [{"id": "r1", "name": "Sea Breeze", "identifier": value, "country": "PA"}]
    listed = [{"id": "s1", "name": "Golden Dawn", "identifier": value, "country": "LR"}]
    assert _pairs(register, listed) == set()


def test_initials_of_a_name_with_a_trade_word_link_at_its_address_without_a_legal_form() -> None:
    # neither list says "company", but "Exports" does: not a household's namesake
    street = {"street": "Chandni Chowk 1200", "city": "Delhi", "country": "IN"}
    register = [{"id": "r1", "name": "A.K. Sharma Exports", **street}]
    listed = [{"id": "s1", "name": "ANIL KUMAR SHARMA EXPORTS", **street}]
    assert _pairs(register, listed) == {("r1", "s1")}
