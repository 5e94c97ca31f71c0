"""Session 25 (helper reviewp10): defects of parties16's rules found by set 21
(tests/link/data/unseen_parties21) and by probes of those rules; each test failed on lead
7fe2f92."""

from __future__ import annotations

from clearlane.link.normalise import japanese_spelling
from tests.link.test_unseen17 import _probability


def test_english_words_of_a_japanese_firm_keep_their_vowels() -> None:
    # long vowels are folded in words written in Japanese syllables ("Toukai Sangyou",
    # "Ohno"), not in a Japanese firm's English words: "House" is no "Hose", "Food" no "Fod"
    assert japanese_spelling("toukai sangyou ohno kyouto") == "tokai sangyo ono kyoto"
    assert japanese_spelling("nippon house") == "nippon house"
    assert japanese_spelling("tokyo food group") == "tokyo food group"
    minato = {"street": "1-2-3 Shiba, Minato-ku", "city": "Tokyo", "country": "JP"}
    assert (
        _probability(
            {"name": "Nippon House Co., Ltd.", **minato},
            {
                "name": "NIPPON HOSE CO., LTD.",
                "kind": "Company",
                "street": "Minato-ku, Tokyo",
                "country": "jp",
            },
        )
        < 0.9
    )


def test_german_town_names_that_are_other_towns_stay_themselves() -> None:
    # "Pilsen" is Plzen; "Brunn" is also Brunn am Gebirge (Austria) and "Posen" a town in
    # Illinois and Michigan and a surname: neither is Brno or Poznan by its name alone
    from clearlane.link.normalise import normalise_name

    assert normalise_name("Kovošrot Plzeň a.s.") == normalise_name("KOVOSROT PILSEN AS")
    assert normalise_name("Brunn Logistik GmbH").core == "brunn logistik"
    assert normalise_name("Posen Foods Inc").core == "posen foods"
    austria = {"street": "Industriestraße 12", "city": "Brunn am Gebirge", "country": "AT"}
    assert (
        _probability(
            {"name": "Brunn Logistik GmbH", **austria},
            {"name": "BRNO LOGISTIK S.R.O.", "kind": "Company", "street": "Brno", "country": "cz"},
        )
        < 0.9
    )
    chicago = {"street": "4500 W Fulton St", "city": "Chicago", "country": "US"}
    assert (
        _probability(
            {"name": "Posen Foods Inc", **chicago},
            {"name": "POZNAN FOODS SP Z OO", "kind": "Company"},
        )
        < 0.9
    )
