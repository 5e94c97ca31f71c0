"""What the sixth unseen party set (tests/link/data/unseen_parties6) showed, as general rules:
legal forms written with a dot after each letter, forms that are words of a name outside their
country, "Abu" written apart or joined, a parent holding at its subsidiary's address, the French
"Ste" (Société), and street words counted once per party however many names it has."""

from __future__ import annotations

import pandas as pd
import pytest

from clearlane.link.normalise import (
    korean_spelling,
    normalise_name,
    normalise_street,
    po_box,
    romanised_key,
)
from clearlane.link.resolve import PARTY_COLUMNS, link_parties, with_rare_street_words


def _frames(*lists: list[dict[str, str]]) -> list[pd.DataFrame]:
    return [
        pd.DataFrame(rows).reindex(columns=PARTY_COLUMNS).astype(object).fillna("")
        for rows in lists
    ]


@pytest.mark.parametrize(
    ("dotted", "plain", "form"),
    [
        ("GULF HORIZON GENERAL TRADING F.Z.C.O.", "Gulf Horizon General Trading FZCO", "fzco"),
        ("AL NOUR PETROCHEMICALS F.Z.E.", "Al Nour Petrochemicals FZE", "fze"),
        ("VOLGA TANKER P.J.S.C.", "Volga Tanker PJSC", "jsc"),
    ],
)
def test_a_form_written_with_a_dot_after_each_letter_is_the_form(
    dotted: str, plain: str, form: str
) -> None:
    assert normalise_name(dotted) == normalise_name(plain)
    assert normalise_name(dotted).legal_form == form


def test_letters_of_a_form_are_initials_of_a_listed_person_or_within_a_name() -> None:
    assert normalise_name("SMITH, J.S.C.", person=True, ambiguous_forms=False).key == "c j s smith"
    # only as the name's last words: "J.S.C. Bach Trading Ltd" keeps its letters
    assert normalise_name("J.S.C. Bach Trading Ltd").legal_form == "ltd"


def test_an_ambiguous_form_is_a_word_of_the_name_outside_its_country() -> None:
    israeli = normalise_name("Mazal Tov", countries=("IL",))
    assert (israeli.key, israeli.legal_form) == ("mazal tov", "")
    ukrainian = normalise_name("Halytska Agro TOV", countries=("UA",))
    assert (ukrainian.key, ukrainian.legal_form) == ("agro halytska", "llc")
    # no country known: read as the form, as before
    assert normalise_name("Halytska Agro TOV").legal_form == "llc"
    assert normalise_name("Me Too", countries=("US",)).key == "me too"


def test_mazal_tov_in_israel_is_not_mazal_llc() -> None:
    register, listed = _frames(
        [{"id": "r1", "name": "Mazal LLC", "city": "Ramat Gan", "country": "IL"}],
        [{"id": "s1", "name": "MAZAL TOV", "city": "Ramat Gan", "country": "IL"}],
    )
    assert link_parties(register, listed).matches.empty


def test_abu_written_apart_or_joined_is_one_name() -> None:
    assert romanised_key("youssef mahmoud abu zaid") == romanised_key("yusuf mahmud abuzayd")
    assert romanised_key("abou bakr salem")[0] == romanised_key("abubakr salem")[0]


def test_a_parent_holding_at_its_subsidiarys_address_is_not_the_subsidiary() -> None:
    address = {"street": "4700 Westway Park Blvd", "city": "Houston", "country": "US"}
    register, listed = _frames(
        [{"id": "r1", "name": "Allied Precision Intl Corp."} | address],
        [
            {"id": "s1", "name": "ALLIED PRECISION INTERNATIONAL CORPORATION"} | address,
            {"id": "s2", "name": "ALLIED PRECISION INTERNATIONAL HOLDINGS CORP"} | address,
        ],
    )
    found = link_parties(register, listed, threshold=0.0).matches.set_index("right_id")
    # the address counts for the subsidiary's own name, not for its parent's
    assert found.at["s1", "w_street"] > 0
    address_weights = found.loc["s2", ["w_street", "w_city", "w_country"]]
    assert (address_weights <= 0).all()


def test_ste_before_a_company_name_is_read_as_societe_too() -> None:
    place = {"city": "Casablanca", "country": "MA"}
    listed = "SOCIETE GENERALE DES HUILES DU MAROC"

    def name_weight(written: str) -> float:
        register, lst = _frames(
            [{"id": "r1", "name": written} | place], [{"id": "s1", "name": listed} | place]
        )
        return float(link_parties(register, lst, threshold=0.0).matches.w_name.iat[0])

    # the names agree as the same name written alike does, not as a near spelling
    assert name_weight("Ste Generale des Huiles du Maroc") == name_weight(listed)
    # and "Ste" is still read as Sainte ("Ste Marie" = "SAINTE MARIE")
    assert (
        normalise_name("Ste Marie Conserverie Inc").key
        == normalise_name("SAINTE MARIE CONSERVERIE INC").key
    )


def test_a_street_word_is_counted_once_per_party_not_per_name() -> None:
    # one party under two names (an alias): its address is one address
    left = pd.DataFrame({"id": ["p1\x1f0", "p1\x1f1"], "street_key": ["211 blvd mohammed v"] * 2})
    right = pd.DataFrame({"id": ["s1\x1f0"], "street_key": ["211 blvd casablanca mohammed v"]})
    rare = with_rare_street_words([left, right])
    assert "mohammed" in rare[0]["street_rare"].iat[0]


def test_bd_is_boulevard() -> None:
    assert normalise_street("Bd Mohammed V 211") == normalise_street("211 Boulevard Mohammed V")


def test_the_same_po_box_is_the_same_address_however_the_rest_is_written() -> None:
    register, listed = _frames(
        [
            {"id": "r1", "name": "Desert Rose Polymers FZE"}
            | {"street": "SAIF Zone, Q3-11-140/C, PO Box 9321", "city": "Sharjah", "country": "AE"}
        ],
        [
            {"id": "s1", "name": "DESERT ROSE POLYMERS F.Z.E."}
            | {"street": "Sharjah Airport International Free Zone, P.O.Box 9321, Sharjah"}
            | {"country": "AE"}
        ],
    )
    same = link_parties(register, listed, threshold=0.0).matches.w_street.iat[0]
    # another box in the same free zone is not the address (two words in common at most)
    listed.loc[0, "street"] = "Sharjah Airport International Free Zone, P.O.Box 9312, Sharjah"
    other = link_parties(register, listed, threshold=0.0).matches.w_street.iat[0]
    assert same > other


@pytest.mark.parametrize(
    ("address", "box"),
    [
        ("SAIF Zone, PO Box 8123", "8123"),
        ("P.O.Box 8123, Sharjah", "8123"),
        ("POB 4410, 211 Salalah", "4410"),
        ("B.P. 2345, Dakar", "2345"),
        ("Postfach 10 20 30, Hamburg", "102030"),
        ("12 Box Hill Rd", ""),
        ("Unit 4, 12 High St", ""),
    ],
)
def test_po_box_number(address: str, box: str) -> None:
    assert po_box(address) == box


@pytest.mark.parametrize(
    ("pinyin", "english"),
    [
        ("ZHEJIANG XURI FANGZHI YOUXIAN GONGSI", "Zhejiang Xuri Textile Co Ltd"),
        ("NINGBO HAIDA SULIAO JIXIE YOUXIAN GONGSI", "Ningbo Haida Plastic Machinery Co., Ltd."),
        (
            "TIANJIN HUAYU GUOJI WULIU YOUXIAN GONGSI",
            "Tianjin Huayu International Logistics Co Ltd",
        ),
    ],
)
def test_chinese_trade_words_in_pinyin_are_their_english(pinyin: str, english: str) -> None:
    assert normalise_name(pinyin) == normalise_name(english)


def test_a_given_name_of_two_syllables_apart_is_no_trade_word() -> None:
    assert normalise_name("Wang Mao Yi").key == "mao wang yi"


def test_svcs_is_services() -> None:
    assert normalise_name("Apex Svcs Ltd").key == normalise_name("APEX SERVICES LIMITED").key


@pytest.mark.parametrize(("country", "one_name"), [("KP", True), ("CN", False)])
def test_korean_surnames_and_vowels_romanised_otherwise_are_one_name_in_korea(
    country: str, one_name: bool
) -> None:
    person = {"registration_date": "1981-02-03", "city": "Sinuiju", "country": country}
    register, listed = _frames(
        [{"id": "r1", "name": "Lee Hyun-soo"} | person],
        [{"id": "s1", "name": "RI, Hyon Su", "kind": "Person"} | person],
    )
    found = link_parties(register, listed, threshold=0.0).matches
    # "Lee" / "Ri" and "Soo" / "Su" are one Korean surname and syllable; elsewhere not
    assert bool(found.w_name.iat[0] > 0) is one_name


def test_korean_spelling() -> None:
    assert romanised_key(korean_spelling("park ji hoon")) == romanised_key(
        korean_spelling("ji hun pak")
    )
    # Choi and Cho are two surnames
    assert korean_spelling("choi min su") != korean_spelling("cho min su")
