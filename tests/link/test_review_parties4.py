"""Review of the set-4 party-linking change: inputs unlike its test sets."""

from __future__ import annotations

from tests.link.test_unseen4 import _pairs

TOWN = {"city": "Leeds", "country": "GB"}


def _person(pid: str, name: str, born: str, **more: str) -> dict[str, str]:
    return {"id": pid, "name": name, "registration_date": born, "kind": "Person", **TOWN, **more}


def test_a_birth_day_with_its_two_digits_swapped_is_one_slip_of_the_pen() -> None:
    # 12 and 21 March: nine days apart, no sibling's; a keying slip like one digit other
    register = [_person("r1", "Anil Kumar Rao", "1980-03-12")]
    assert _pairs(register, [_person("s1", "Anil Kumar RAO", "1980-03-21")]) == {("r1", "s1")}
    street = {"street": "14 Elm Street"}
    register = [_person("r1", "Jane Smith", "1980-01-20", **street)]
    assert _pairs(register, [_person("s1", "Jane SMITH", "1980-01-02", **street)]) == {("r1", "s1")}


def test_a_birth_year_with_its_digits_swapped_stays_another_person() -> None:
    # 1957 / 1975: a father and his son of one name at one address, 18 years apart
    street = {"street": "14 Elm Street"}
    register = [_person("r1", "Jane Smith", "1957-06-05", **street)]
    assert _pairs(register, [_person("s1", "Jane SMITH", "1975-06-05", **street)]) == set()


def test_mv_before_a_name_of_unknown_kind_still_meets_the_person_mv_rao() -> None:
    # a register has no type column: "MV Rao" may be the vessel or M. V. Rao
    register = [{"id": "r1", "name": "MV Rao", **TOWN}]
    listed = [{"id": "s1", "name": "MV RAO", "kind": "Person", **TOWN}]
    assert _pairs(register, listed) == {("r1", "s1")}
    vessel = [{"id": "s2", "name": "RAO", "kind": "Vessel", **TOWN}]
    assert _pairs(register, vessel) == {("r1", "s2")}
