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
