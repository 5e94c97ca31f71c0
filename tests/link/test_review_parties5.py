"""Review of the set-5 party-linking change: inputs unlike its test set."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.link.io import read_party_file
from clearlane.link.normalise import normalise_name, romanised_key
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
