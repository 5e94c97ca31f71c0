"""Session 32 (2026-12-07, helper parties26, issue #13): fixes found by unseen set 38 (East
Asian firm names romanised two ways, Devanagari and Bengali firms against Latin). Each test
here failed on lead (3f0d0adb) unless its docstring calls it a guard. Names are not the
set's."""

from __future__ import annotations

from pathlib import Path

from clearlane.link.normalise import normalise_name
from clearlane.link.resolve import _skeleton
from tests.link.helpers import link_weights

# other firms of the list, so that the prior is a list's, not one in two
_OTHER_FIRMS = [
    (f"X{n}", "Company", f"{word} {trade} CO LTD", "", "kr", "Seoul")
    for n, (word, trade) in enumerate(
        (word, trade)
        for word in ("Samsong", "Kolon", "Hyosung", "Doosan", "Youngone")
        for trade in ("Foods", "Metals", "Plastics", "Textiles", "Freight")
    )
]


def test_a_chinese_firm_romanised_two_ways_in_every_own_word_is_compared(
    tmp_path: Path,
) -> None:
    # "Changhua" (Wade-Giles) / "ZHANGHUA" (pinyin), "Tsinan" (postal) / "JINAN": no word of
    # the one name is spelt as in the other, and the list gives no town of its own: no
    # blocking rule held (set 38's "Hsinchu" / "XINZHU", "Chan Kee" / "CHEN KEE", "Pusan" /
    # "BUSAN" were not compared on lead)
    register = [
        ("T1", "Changhua Valve Industries Co., Ltd.", "9 Gongye Rd", "", "彰化", "500", "臺灣"),
        ("T2", "Tsinan Boiler Works Co., Ltd.", "Gongye North Rd 88", "", "济南", "250100", "中国"),
    ]
    listed = [
        ("R1", "Company", "ZHANGHUA VALVE INDUSTRIES CO LTD", "", "tw", "Changhua County"),
        ("R2", "Company", "JINAN BOILER WORKS CO LTD", "", "cn", "Shandong"),
        *_OTHER_FIRMS,
    ]
    weights = link_weights(tmp_path, register, listed)
    assert ("T1", "R1") in weights
    assert ("T2", "R2") in weights


def test_hindi_and_bengali_legal_form_words_are_read_as_legal_forms() -> None:
    # "कंपनी" ("kanpani"), "प्राइवेट" ("praivet"), Bengali "কোম্পানি" ("kompani"): English words
    # written in the script; lead kept them as name words, so "शर्मा ट्रेडिंग कंपनी" (set 35) /
    # "SHARMA TRADING COMPANY" shared no blocking key
    assert normalise_name("वर्मा टेक्सटाइल्स कंपनी").key == normalise_name("VARMA TEKSATAILS CO").key
    gupta = normalise_name("गुप्ता मेटल्स प्राइवेट लिमिटेड")
    assert (gupta.key, gupta.legal_form) == ("gupta metals", "ltd")
    assert normalise_name("সোনালী পেপার কোম্পানি").legal_form == "co"


def test_the_skeleton_keeps_korean_affricates_and_sibilants_apart_and_skips_persons() -> None:
    """Guard (the key is new): what the skeleton blocking key must not bring together, found
    on sets 7 and 12 with a first version of it (two false links there)."""
    assert _skeleton(["jinan", "works"]) == _skeleton(["tsinan", "works"])
    assert _skeleton(["hsinchu", "glass"]) == _skeleton(["xinzhu", "glass"])
    # Korean "j" (ㅈ) and "s" (ㅅ) are two consonants: "Myungjin" is not "MYUNGSIN"
    assert _skeleton(["myungjin", "textile"]) != _skeleton(["myungsin", "textile"])
    # "Ahn" and "Han" both keep "n" only: a person's name has no skeleton
    assert _skeleton(["han", "ji", "won"], person=True) is None
    assert _skeleton(["marine"]) is None
