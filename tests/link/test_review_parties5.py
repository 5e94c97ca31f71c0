"""Review of the set-5 party-linking change: inputs unlike its test set."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.link.io import read_party_file
from clearlane.link.normalise import normalise_name, normalise_street, romanised_key
from tests.link.test_unseen4 import _pairs


def _read(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "parties.csv"
    path.write_text(text, encoding="utf-8")
    frame = read_party_file(path).frame
    return {str(k): str(v) for k, v in frame.iloc[0].to_dict().items()}


def _roman(name: str) -> str:
    return romanised_key(normalise_name(name).core)[0]


@pytest.mark.parametrize(
    ("a", "b"), [("Zhou Wei", "Zhu Wei"), ("Hou Jian", "Hu Jian"), ("Lou Bin", "Lu Bin")]
)
def test_pinyin_ou_and_u_are_two_surnames(a: str, b: str) -> None:
    # pinyin "ou" is a final of its own: Zhou and Zhu, Hou and Hu are different surnames
    assert _roman(a) != _roman(b)


def test_zhou_and_zhu_of_one_country_are_not_linked() -> None:
    person = {"kind": "Person", "country": "CN"}
    register = [{"id": "r1", "name": "Zhou Wei", **person}]
    assert _pairs(register, [{"id": "s1", "name": "ZHU Wei", **person}]) == set()


@pytest.mark.parametrize(
    ("a", "b"), [("Abou Khalil", "Abu Khalil"), ("Nour Trading", "Nur Trading")]
)
def test_french_ou_before_or_inside_a_word_is_still_u(a: str, b: str) -> None:
    assert _roman(a) == _roman(b)


@pytest.mark.parametrize(
    "town",
    ["Raleigh, N.C.", "Columbia, S.C.", "Sioux Falls, S.D.", "Hartford, Ct.", "Denver, Col."],
)
def test_an_abbreviated_state_after_the_town_is_no_country(tmp_path: Path, town: str) -> None:
    # "N.C." is New Caledonia's code and "S.C." the Seychelles' once the dots are gone
    row = _read(tmp_path, f'id,name,city,country\nP1,Acme Inc,"{town}",\n')
    assert (row["city"], row["country"]) == (town, "")


@pytest.mark.parametrize(
    ("town", "country"),
    [("St Helier, Jersey", "JE"), ("Kingston, Jamaica", "JM"), ("Birmingham, England", "GB")],
)
def test_a_country_after_the_town_still_is_one(tmp_path: Path, town: str, country: str) -> None:
    row = _read(tmp_path, f'id,name,city,country\nP1,Acme Ltd,"{town}",\n')
    assert row["country"] == country


@pytest.mark.parametrize(
    "town", ["Paris, Texas", "Kingston, Ontario", "Atlanta, Georgia", "Washington, DC"]
)
def test_a_region_after_the_town_is_no_country(tmp_path: Path, town: str) -> None:
    row = _read(tmp_path, f'id,name,city,country\nP1,Acme Inc,"{town}",\n')
    assert (row["city"], row["country"]) == (town, "")


@pytest.mark.parametrize(
    "care", ["Attn: Accounts Payable", "c/o DHL Global Forwarding", "FAO Mr J Smith"]
)
def test_a_care_of_or_attention_line_is_no_part_of_the_street(tmp_path: Path, care: str) -> None:
    header = "id,name,Address Line 1,Address Line 2,city\n"
    row = _read(tmp_path, f"{header}P1,Acme Ltd,10 High Street,{care},Leeds\n")
    assert normalise_street(row["street"]) == normalise_street("10 High Street")
    row = _read(tmp_path, f"{header}P1,Acme Ltd,{care},10 High Street,Leeds\n")
    assert normalise_street(row["street"]) == normalise_street("10 High Street")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("One Stop Shop Ltd", "1 Stop Shop", True),
        ("Nine West Inc", "9 West", True),
        ("Bone Stone Ltd", "B 1 S 1 Ltd", False),
        ("Seven Seas Ltd", "Seven Seas Holdings Ltd", False),
        ("Someone Ltd", "Some 1 Ltd", False),
    ],
)
def test_number_words_are_whole_words_only(a: str, b: str, same: bool) -> None:
    assert (normalise_name(a).key == normalise_name(b).key) is same


@pytest.mark.parametrize(
    ("street", "saint"),
    [
        ("100 Main St Ste 12B", False),
        ("100 Main St, Ste 400", False),
        ("2500 Ch Ste-Foy", True),
        ("12 ul. Mira", False),
    ],
)
def test_ste_is_saint_only_before_a_name(street: str, saint: bool) -> None:
    assert ("saint" in normalise_street(street).split()) is saint


@pytest.mark.parametrize(
    ("a", "b"), [("SHARMA, K.K.", "K.K. Sharma"), ("COHEN, Yom Tov", "Yom Tov Cohen")]
)
def test_a_listed_persons_initials_or_name_words_are_no_legal_form(a: str, b: str) -> None:
    # "K.K." (kabushiki kaisha) and "TOV" are also a person's initials and name words
    left, right = (normalise_name(n, person=True, ambiguous_forms=False) for n in (a, b))
    assert (left.key, left.legal_form) == (right.key, right.legal_form)
    town = {"city": "Mumbai", "country": "IN"}
    register = [{"id": "r1", "name": b, **town}]
    assert _pairs(register, [{"id": "s1", "name": a, "kind": "Person", **town}]) == {("r1", "s1")}
