"""The twelfth unseen party set (tests/link/data/unseen_parties12): names that differ by a
given name, a syllable, a character or a word, written before the linker was read in session
22, and one test for each rule made from its false links (each failed before its rule)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from clearlane.link.io import read_party_file
from clearlane.link.normalise import (
    feminine_forms,
    normalise_name,
    other_codes,
    other_given_names,
    other_syllables,
    romanised_key,
)
from clearlane.link.resolve import link_parties
from tests.link.test_unseen10 import _pair

DATA = Path(__file__).parent / "data" / "unseen_parties12"


def _roman(name: str) -> str:
    return romanised_key(normalise_name(name).core)[0]


def _words(name: str) -> list[str]:
    return normalise_name(name).key.split()


def test_set12_precision_and_recall_hold() -> None:
    register = read_party_file(DATA / "register.csv").frame
    sanctions = read_party_file(DATA / "sanctions.csv").frame
    assert len(register) == 106 and len(sanctions) == 112
    truth = pd.read_csv(DATA / "truth.csv", dtype=str)
    true = set(zip(truth.left_id, truth.right_id, strict=True))
    assert len(true) == 70
    found = link_parties(register, sanctions).matches
    pairs = set(zip(found.left_id, found.right_id, strict=True))
    # first reading (main 7e47425, before the linker was read): 63 of 87 found true (P
    # 0.7241), 63 of 70 true found (R 0.9000); after this session's rules (in-sample)
    assert len(pairs & true) >= 63
    assert len(pairs & true) / len(pairs) >= 0.9


def test_a_street_that_only_names_the_town_is_no_street() -> None:
    # a register's required address line filled with the town ("Adana" in Adana) against a
    # list's "Adana": the town said twice, which the street's exact level took for one street
    # (+10.6 bits) and linked another firm of two words in common, a town and a form at p 0.999
    pair = _pair(
        {
            "name": "Akdeniz Tekstil Boya Sanayi ve Ticaret A.S.",
            "street": "Adana",
            "city": "Adana",
            "country": "TR",
        },
        {"name": "AKDENIZ TEKNIK SANAYI VE TICARET AS", "street": "Adana", "country": "tr"},
    )
    assert pair["w_street"] <= 0.0


# twins and siblings of unseen set 12 (one birth date), and one name written two ways
_OTHER_CONSONANTS = [
    ("Wang Xiaoming", "WANG, Xiaoping"),
    ("Chen Guoqiang", "CHEN, Guoliang"),
    ("Khaled Mahmoud Nasser", "NASSER, Khalil Mahmoud"),
    ("Fatma Yilmaz", "YILMAZ, Fatih"),
]
_ONE_NAME = [
    ("Khaled Mahmoud Nasser", "NASSER, Khalid Mahmoud"),
    ("Jozef Kovac", "KOVAC, Josef"),
    ("Tigran Sargsyan", "SARKISIAN, Tigran"),
    ("Zhang Wei", "CHANG, Wei"),
    ("Omar Farouk", "Omar Farooq"),
    ("Ali Khalil", "Ali Khalilov"),
    ("Mohammadreza Karimi", "mhmdrd khrymy"),
]


def test_consonants_of_another_class_are_another_given_name() -> None:
    # a consonant of another class in its place ("m" / "p", "k" / "l") or one more at the
    # end that is no suffix ("Khaled" / "Khalil"): the words' likeness read them as one name
    # and the twins linked at p 1.0 on their birth date; a romanisation's consonants
    # ("z" / "s", "g" / "k", "ch" / "zh"), a suffix and an abjad's letters stay one name
    assert [other_given_names(_roman(a), _roman(b)) for a, b in _OTHER_CONSONANTS] == [True] * 4
    assert not any(other_given_names(_roman(a), _roman(b)) for a, b in _ONE_NAME)


_OTHER_SYLLABLES = [
    ("Kim Dong-hyun", "KIM, Dong-hoon"),
    ("Liu Ying", "LIU, Yang"),
    ("Le Van Thinh", "LE, Van Thanh"),
    ("Nguyen Thi Lan", "NGUYEN, Thi Hoa"),
    ("Yoon Seo-jin", "YUN, Seo Yeon"),
    ("Jeong Ho-sik", "JUNG, Ho Seok"),
]
# one syllable's spellings: Korean romanisations, Wade-Giles, order, a joined name, and names
# of longer words (other_given_names' part)
_ONE_SYLLABLE = [
    ("Lee Sung-min", "YI, Seong Min"),
    ("Choi Young-ho", "CHOE, Yong Ho"),
    ("Park Ji-hoon", "PAK, Chi Hun"),
    ("Kim Jeong-hee", "KIM, Jong Hui"),
    ("Nguyen Thi Lan", "LAN, Nguyen Thi"),
    ("Wang Xiao Ming", "WANG, Xiaoming"),
    ("Ioan Pop", "POP, Ion"),
    ("Abdul Karim Al Sayed", "ABDELKARIM EL-SAYED"),
    ("Mohammed Saeed", "Muhammad Said"),
]


def test_one_syllable_other_is_another_name() -> None:
    assert [other_syllables(_words(a), _words(b)) for a, b in _OTHER_SYLLABLES] == [True] * 6
    assert not any(other_syllables(_words(a), _words(b)) for a, b in _ONE_SYLLABLE)


def test_a_given_name_ending_o_and_its_a_form_are_two_persons() -> None:
    assert feminine_forms(_words("Alejandra Gutierrez"), _words("GUTTIEREZ, Alejandro"))
    assert feminine_forms(_words("Maria Rossi"), _words("ROSSI, Mario"))
    assert not feminine_forms(_words("Alejandro Gutierrez"), _words("GUTTIEREZ, Alejandro"))


def test_twins_of_one_syllable_other_are_not_linked_on_their_birth_date() -> None:
    # unseen set 12: "Kim Dong-hyun" / "KIM, Dong-hoon", one birth date and town, p 1.0
    twin = _pair(
        {
            "name": "Kim Dong-hyun",
            "street": "Gwanggyo-ro 145",
            "city": "Suwon",
            "country": "KR",
            "registration_date": "1986-01-22",
        },
        {
            "name": "KIM, Dong-hoon",
            "street": "Suwon",
            "country": "kr",
            "registration_date": "1986-01-22",
            "kind": "Person",
        },
    )
    assert twin["w_registration_date"] == 0.0 and twin["match_probability"] < 0.9


def test_codes_one_character_apart_are_two_firms() -> None:
    pairs = [
        ("H2 Gas Solutions GmbH", "H3 GAS SOLUTIONS GMBH"),
        ("QB Lubricants Trading LLC", "Q8 LUBRICANTS TRADING LLC"),
        ("A.G. Shipping Ltd", "AB SHIPPING LIMITED"),
        ("3D Slovakia s.r.o.", "3M SLOVAKIA, SPOL. S R.O."),
    ]
    same = [
        ("KT Logistics Co., Ltd.", "K.T. LOGISTICS CO LTD"),
        ("El Nasr Export & Import Co.", "AL-NASR EXPORT AND IMPORT COMPANY"),
        ("4D Imaging Ltd", "4D IMAGING LIMITED"),
        ("Kim Lee", "KIM LE"),
    ]
    assert all(other_codes(_words(a), _words(b)) for a, b in pairs)
    assert not any(other_codes(_words(a), _words(b)) for a, b in same)


def test_a_town_does_not_link_two_firms_of_codes_one_character_apart() -> None:
    # unseen set 12: "QB" / "Q8 Lubricants Trading LLC" in Kuwait (Jaro-Winkler 0.95 of the
    # names, a town, a form: p 0.925)
    pair = _pair(
        {"name": "H2 Gas Solutions GmbH", "street": "Hamburg", "city": "Hamburg", "country": "DE"},
        {"name": "H3 GAS SOLUTIONS GMBH", "street": "Hamburg", "country": "de"},
    )
    # where they are counts nothing for them (the country +1.7 bits before)
    assert pair["w_country"] == 0.0 and pair["w_street"] <= 0.0


def test_a_street_that_only_names_the_town_still_blocks() -> None:
    # emptying that street (above) also took its blocking key: "Ocean Star II" / "OCEAN STAR
    # 2" share no name key, and the list gives no town field, so the pair was no longer
    # compared at all (main compared it, at p 0.99993 with +10.6 bits of the town as a
    # street). It blocks on the street as written and is compared on name, form and country
    pair = _pair(
        {
            "name": "Ocean Star II Shipping Ltd",
            "street": "Piraeus",
            "city": "Piraeus",
            "country": "GR",
        },
        {"name": "OCEAN STAR 2 SHIPPING LTD", "street": "Piraeus", "country": "gr"},
    )
    assert pair["w_street"] == 0.0
    assert pair["w_name"] > 0 and pair["w_legal_form"] > 0 and pair["w_country"] > 0
