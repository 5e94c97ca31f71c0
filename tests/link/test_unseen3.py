"""What the third unseen party set (tests/link/data/unseen_parties3) showed the linker
missing, as general rules: a register's own column names (``Party Ref``, ``Reg. / IMO No.``,
``Date of Birth``), dates written day first, a date of birth that tells two persons of one
name apart, and (below) name spellings."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from clearlane.link.identifiers import identifier_key
from clearlane.link.io import PartyFileError, read_party_file
from clearlane.link.normalise import (
    initials_key,
    normalise_city,
    normalise_name,
    normalise_street,
    split_names,
)
from clearlane.link.resolve import PARTY_COLUMNS, link_parties

DATA = Path(__file__).parent / "data" / "unseen_parties3"


def _parties(rows: list[dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame([{c: r.get(c, "") for c in PARTY_COLUMNS} for r in rows], dtype="object")


_WORDS = (
    "amber birch cedar dune ember fjord garnet harbour iris jade kestrel lagoon meadow nectar "
    "onyx pebble quartz raven saffron tundra umber violet willow xenon yarrow zephyr acorn "
    "basalt cobalt delta"
).split()


def _filler(side: str) -> list[dict[str, str]]:
    # 200 other parties, so that one list entry is one of many as on a real list (the prior
    # is 1 / the list's size)
    names = [f"{a.title()} {b.title()}" for a in _WORDS for b in _WORDS[:7] if a != b]
    return [
        {"id": f"{side}{i}", "name": f"{name} Mouldings", "country": "GB", "city": "Leeds"}
        for i, name in enumerate(names)
    ]


def _pairs(left: list[dict[str, str]], right: list[dict[str, str]]) -> set[tuple[str, str]]:
    found = link_parties(_parties(left + _filler("l")), _parties(right + _filler("r"))).matches
    return {p for p in zip(found.left_id, found.right_id, strict=True) if p[0][0] != "l"}


def test_a_register_with_its_own_id_identifier_and_birth_date_columns(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        "Party Ref,Party Name,City,Date of Birth,Reg. / IMO No.\n"
        "P-1,K. Ndlovu,Durban,14/03/1971,\n"
        "P-2,MV Ocean Star,,,IMO 9387425\n",
        encoding="utf-8",
    )
    read = read_party_file(path)
    frame = read.frame
    assert list(frame.id) == ["P-1", "P-2"]
    assert list(frame.registration_date) == ["1971-03-14", ""]
    assert list(frame.identifier) == ["", "IMO 9387425"]
    assert any("day first" in n for n in read.notes)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # month first shows itself by a second part above 12
        (["03/14/1971", "01/02/1980"], ["1971-03-14", "1980-01-02"]),
        (["14.03.1971", "01.02.1980"], ["1971-03-14", "1980-02-01"]),
        # OpenSanctions: several dates, or a year only (no day to compare: no date)
        (["1971-03-14;1971-03-15", "1969", "1970-05"], ["1971-03-14", "", ""]),
    ],
)
def test_dates_of_birth_in_the_ways_lists_write_them(
    tmp_path: Path, values: list[str], expected: list[str]
) -> None:
    path = tmp_path / "list.csv"
    rows = "".join(f"{i},Name {i},{v}\n" for i, v in enumerate(values))
    path.write_text("id,name,birth_date\n" + rows, encoding="utf-8")
    assert list(read_party_file(path).frame.registration_date) == expected


def test_a_column_with_dates_day_first_and_month_first_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("id,name,dob\n1,A,13/01/2020\n2,B,01/13/2020\n", encoding="utf-8")
    with pytest.raises(PartyFileError, match="day first and month first"):
        read_party_file(path)


def test_a_common_name_with_another_date_of_birth_is_another_person(tmp_path: Path) -> None:
    # the dates of birth as the two files write them: OpenSanctions "birth_date" (ISO) and a
    # register's "Date of Birth" day first; equal names, equal country, other town and day
    listed, register = tmp_path / "list.csv", tmp_path / "register.csv"
    filler = _filler("x")
    listed.write_text(
        "id,schema,name,birth_date,countries,addresses\n"
        "s1,Person,Kagiso NDLOVU,1971-03-14,za,Durban\n"
        + "".join(f"{f['id']},Company,{f['name']},,gb,Leeds\n" for f in filler),
        encoding="utf-8",
    )
    register.write_text(
        "Party Ref,Party Name,City,Country,Date of Birth\n"
        "r1,Kagiso Ndlovu,Johannesburg,South Africa,01/08/1988\n"
        "r2,K. Ndlovu,Durban,South Africa,14/03/1971\n"
        + "".join(f"l{f['id']},{f['name']} Ltd,Leeds,UK,\n" for f in filler),
        encoding="utf-8",
    )
    found = link_parties(read_party_file(register).frame, read_party_file(listed).frame).matches
    pairs = set(zip(found.left_id, found.right_id, strict=True))
    assert ("r1", "s1") not in pairs


def test_set3_reads_without_mapping_and_links_without_false_links() -> None:
    register = read_party_file(DATA / "register.csv").frame
    sanctions = read_party_file(DATA / "sanctions.csv").frame
    assert len(register) == 65 and len(sanctions) == 63
    truth = pd.read_csv(DATA / "truth.csv", dtype=str)
    true = set(zip(truth.left_id, truth.right_id, strict=True))
    found = link_parties(register, sanctions).matches
    pairs = set(zip(found.left_id, found.right_id, strict=True))
    assert pairs - true == set()
    assert len(pairs & true) >= 0.6 * len(true)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a city's other name or exonym inside a company name
        ("St. Petersburg Marine Bunkering LLC", "SAINT PETERSBURG MARINE BUNKERING OOO"),
        ("Bombay Textile Mills Pvt Ltd", "MUMBAI TEXTILE MILLS PRIVATE LIMITED"),
        ("Dnepr Grain Terminal LLC", "DNIPRO GRAIN TERMINAL LLC"),
        ("Saigon Seafood Export Co.", "HO CHI MINH CITY SEAFOOD EXPORT COMPANY"),
        ("Kiev Cargo Ltd", "Kyiv Cargo Limited"),
        ("St. George Shipping", "Saint George Shipping"),
        # German "...gesellschaft mbH"
        ("Rhein Chemie Handels GmbH", "Rhein-Chemie Handelsgesellschaft mbH"),
        # an apostrophe inside a name, a vessel's type before its name
        ("John Michael O'Brien", "OBRIEN, John Michael"),
        ("D'Souza Exports", "DSOUZA EXPORTS"),
        ("MV Ocean Pioneer", "OCEAN PIONEER"),
        ("M/T Sea Falcon", "SEA FALCON"),
    ],
)
def test_names_spelt_the_ways_set3_spells_them_fold_to_one_key(a: str, b: str) -> None:
    assert normalise_name(a).key == normalise_name(b).key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("M. V. Rao", "Rao"),  # initials, no vessel type
        ("MT Holdings Ltd", "Holdings Ltd"),  # "MT" may be a company's own letters
        ("St", "Saint"),  # a last "St" is a street's
    ],
)
def test_words_that_look_like_a_prefix_stay(a: str, b: str) -> None:
    assert normalise_name(a).key != normalise_name(b).key


def test_a_slash_aka_in_a_name_gives_an_alias() -> None:
    assert split_names("GOLDEN HORN PETROLEUM LLC a/k/a ALTIN BOYNUZ PETROL LIMITED SIRKETI") == [
        "GOLDEN HORN PETROLEUM LLC",
        "ALTIN BOYNUZ PETROL LIMITED SIRKETI",
    ]
    assert split_names("Blue Fin d/b/a Bluefin Seafood") == ["Blue Fin", "Bluefin Seafood"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Moskva", "Moscow"),
        ("Genève", "Geneva"),
        ("Köln", "Cologne"),
        ("Alma-Ata", "Almaty"),
        ("Ciudad de México", "Mexico City"),
        ("Odessa", "Odesa"),
        ("Tsingtao", "Qingdao"),
    ],
)
def test_a_town_written_as_an_exonym_or_its_old_name_is_one_town(a: str, b: str) -> None:
    assert normalise_city(a) == normalise_city(b)
    assert normalise_street(f"Prospekt Mira 68, {a}") == normalise_street(f"Prospekt Mira 68, {b}")


def test_a_name_written_with_initials_links_at_its_address() -> None:
    street = {"street": "Chandni Chowk 1200", "city": "Delhi", "country": "IN"}
    register = [{"id": "r1", "name": "A.K. Sharma Exports", **street}]
    listed = [
        {"id": "s1", "name": "ANIL KUMAR SHARMA EXPORTS PVT LTD", "country": "IN"}
        | {"street": "1200 Chandni Chowk, New Delhi"},
        # the director, a person of the same name: no initials of the company's name
        {"id": "s2", "name": "Anil Kumar SHARMA", "kind": "Person", "country": "IN"}
        | {"street": "1200 Chandni Chowk, New Delhi"},
    ]
    assert _pairs(register, listed) == {("r1", "s1")}


def test_initials_are_not_enough_in_one_town() -> None:
    # "J. Smith Trading" may be Jane's or John's: the town cannot tell
    register = [{"id": "r1", "name": "J. Smith Trading", "city": "Leeds", "country": "GB"}]
    listed = [{"id": "s1", "name": "JANE SMITH TRADING LTD", "city": "Leeds", "country": "GB"}]
    assert _pairs(register, listed) == set()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("K. Ndlovu", "Kagiso NDLOVU", True),
        ("John M. O'Brien", "OBRIEN, John Michael", True),
        ("A.K. Sharma Exports", "Anil Kumar Sharma Exports", True),
        ("K. Ndlovu", "Thabo NDLOVU", False),  # another first letter
        ("K. Ndlovu", "Kagiso Mbeki", False),  # the whole word is not in the other
        ("K. Ndlovu Trading", "Kagiso Ndlovu", False),  # a word more
    ],
)
def test_initials_key(a: str, b: str, same: bool) -> None:
    la, ia, fa = initials_key(normalise_name(a).key.split())
    lb, ib, fb = initials_key(normalise_name(b).key.split())
    one_way = bool(ia) and ia == lb and set(fa) <= set(normalise_name(b).key.split())
    other_way = bool(ib) and ib == la and set(fb) <= set(normalise_name(a).key.split())
    assert (one_way or other_way) is same


def test_a_ships_imo_number_is_one_key_however_labelled_and_must_pass_its_check_digit() -> None:
    assert identifier_key("IMO No. 9387425").key == identifier_key("IMO 9387425").key
    assert identifier_key("IMO: 9387425", "LR").key == "IMO9387425"
    assert identifier_key("IMO 9387426").key is None  # a wrong check digit
