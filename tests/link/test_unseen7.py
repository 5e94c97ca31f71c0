"""What the seventh unseen party set (tests/link/data/unseen_parties7, written to test branch
parties6's rules out of sample) and a review of those rules showed, as general rules."""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest

from clearlane.link.normalise import normalise_name, societe_reading
from clearlane.link.resolve import PARTY_COLUMNS, link_parties


def _frames(*lists: list[dict[str, str]]) -> list[pd.DataFrame]:
    return [
        pd.DataFrame(rows).reindex(columns=PARTY_COLUMNS).astype(object).fillna("")
        for rows in lists
    ]


def test_one_po_box_number_in_two_towns_is_two_boxes() -> None:
    # "PO Box 1234" exists in Dubai and in Abu Dhabi: a box's number is its town's
    register, listed = _frames(
        [
            {"id": "r1", "name": "Al Noor General Trading LLC"}
            | {"street": "Al Maktoum Rd, PO Box 1234", "city": "Dubai", "country": "AE"}
        ],
        [
            {"id": "s1", "name": "AL NOOR GENERAL TRADING L.L.C."}
            | {"street": "Khalidiya, P.O.Box 1234", "city": "Abu Dhabi", "country": "AE"}
        ],
    )
    found = link_parties(register, listed, threshold=0.0).matches
    assert found.w_street.iat[0] <= 0
    # in one town the box is the address
    listed.loc[0, "city"] = "Dubai"
    assert link_parties(register, listed, threshold=0.0).matches.w_street.iat[0] > 0


@pytest.mark.parametrize(
    ("company", "parent"),
    [
        ("Meridian Steel Ltd", "MERIDIAN STEEL GROUP LIMITED"),
        ("R. Patel Trading LLC", "R PATEL AND SONS TRADING L.L.C."),
        ("Allied Precision Intl Corp.", "ALLIED PRECISION INTERNATIONAL HOLDINGS CORP"),
    ],
)
def test_a_group_or_the_sons_firm_at_one_address_is_not_the_company(
    company: str, parent: str
) -> None:
    # a group's parent, or a family's other firm ("& Sons"), shares its address and PO box
    address = {"street": "Al Fahidi St, PO Box 41822", "city": "Dubai", "country": "AE"}
    register, listed = _frames(
        [{"id": "r1", "name": company} | address],
        [
            {"id": "s1", "name": company.upper()} | address,
            {"id": "s2", "name": parent} | address,
        ],
    )
    found = link_parties(register, listed, threshold=0.0).matches.set_index("right_id")
    assert found.at["s1", "w_street"] > 0
    assert (found.loc["s2", ["w_street", "w_city", "w_country"]] <= 0).all()


def test_ste_with_its_accent_as_a_combining_mark_is_read_as_societe_too() -> None:
    # "Sté" decomposed (e + U+0301), as macOS and some exports write it
    decomposed = unicodedata.normalize("NFD", "Sté Tunisienne de Conserves")
    assert decomposed != "Sté Tunisienne de Conserves"
    reading = societe_reading(decomposed)
    assert reading is not None
    assert normalise_name(reading) == normalise_name("SOCIETE TUNISIENNE DE CONSERVES")


@pytest.mark.parametrize("given", ["Haiyun", "Maoyi", "Guoji", "Yiyao", "Fangzhi"])
def test_a_persons_given_name_is_no_pinyin_trade_word(given: str) -> None:
    # "Haiyun" (海云) is a given name before it is "haiyun" (海运, shipping)
    key = normalise_name(f"LI, {given}", person=True).key
    assert key == " ".join(sorted(["li", given.lower()]))
    # two persons of one name born on other days share an address as a household does
    place = {"street": "Jiefang Rd 88", "city": "Qingdao", "country": "CN"}
    register, listed = _frames(
        [{"id": "r1", "name": f"Li {given}", "registration_date": "1980-03-04"} | place],
        [
            {"id": "s1", "name": f"LI, {given}", "kind": "Person"}
            | {"registration_date": "1992-07-11"}
            | place
        ],
    )
    found = link_parties(register, listed, threshold=0.0).matches
    assert (found[["w_street", "w_city"]] <= 0).all(axis=None)


@pytest.mark.parametrize("name", ["Menon J.S.C.", "Srinivasan M.M.C.", "Rao A.P.S."])
def test_a_register_persons_initials_that_spell_a_dotted_form_stay_initials(name: str) -> None:
    # a register of no kind reads a name as a company's and as a person's: as a person's,
    # "J.S.C." are initials (as for a list's person), not a joint-stock company
    place = {"city": "Chennai", "country": "IN", "registration_date": "1971-04-05"}
    surname, initials = name.split()
    register, listed = _frames(
        [{"id": "r1", "name": name} | place],
        [{"id": "s1", "name": f"{surname.upper()}, {initials}", "kind": "Person"} | place],
    )
    found = link_parties(register, listed).matches
    assert list(zip(found.left_id, found.right_id, strict=True)) == [("r1", "s1")]
