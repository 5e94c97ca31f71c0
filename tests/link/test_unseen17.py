"""The seventeenth unseen party set (tests/link/data/unseen_parties17: set 16's regions in
other spellings, with their look-alikes), written before parties13's rules or set 16 were
read, and the review of parties13's rules (session 23): one test for each defect found, each
failing on lead 50c807f."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from clearlane.link.io import read_party_file
from clearlane.link.normalise import (
    address_postcode,
    normalise_name,
    other_given_names,
    romanised_key,
)
from clearlane.link.resolve import link_parties
from tests.link.test_unseen10 import _with_others

DATA = Path(__file__).parent / "data" / "unseen_parties17"


def _probability(left: dict[str, str], right: dict[str, str]) -> float:
    """The pair's match probability, 0.0 when the linker did not compare it."""
    found = link_parties(
        _with_others([{"id": "L1", **left}], "A"),
        _with_others([{"id": "S1", **right}], "B"),
        threshold=0.0,
    ).matches
    row = found[(found.left_id == "L1") & (found.right_id == "S1")]
    return float(row.match_probability.iloc[0]) if len(row) else 0.0


def test_set17_precision_and_recall() -> None:
    register = read_party_file(DATA / "register.csv").frame
    sanctions = read_party_file(DATA / "sanctions.csv").frame
    assert len(register) == 90 and len(sanctions) == 90
    truth = pd.read_csv(DATA / "truth.csv", dtype=str)
    true = set(zip(truth.left_id, truth.right_id, strict=True))
    assert len(true) == 60
    found = link_parties(register, sanctions).matches
    pairs = set(zip(found.left_id, found.right_id, strict=True))
    # first reading (main d7680b0 and lead 50c807f alike, out of sample): 55 of 57 found
    # true (P 0.9649), 55 of 60 true found (R 0.9167); after this review's rules (in-sample:
    # Husayn is not Hasan): 55 of 56 (P 0.9821), R 0.9167
    assert len(pairs & true) >= 55
    assert len(pairs - true) <= 1


def test_a_firms_initials_that_spell_a_title_are_kept() -> None:
    # "HJ" (Malay "Haji") and "Alh" (Nigerian "Alhaji") are also a firm's initials; dropped as
    # a title they left "STEEL CO LTD" and "KIM TRADING CO LTD", linked at p 1.0 in one town
    assert normalise_name("HJ Steel Co., Ltd.").key == "hj steel"
    assert normalise_name("HJ Kim Trading Co., Ltd.").key == "hj kim trading"
    assert normalise_name("Alh Ocean Shipping Ltd").key == "alh ocean shipping"
    assert normalise_name("Haji Bros Ltd").key == "brothers haji"
    busan = {"street": "12 Jungang-daero", "city": "Busan", "country": "KR"}
    listed = {"street": "Busan", "country": "kr"}
    assert (
        _probability(
            {"name": "HJ Kim Trading Co., Ltd.", **busan}, {"name": "KIM TRADING CO LTD", **listed}
        )
        < 0.5
    )
    assert (
        _probability({"name": "HJ Steel Co., Ltd.", **busan}, {"name": "STEEL CO LTD", **listed})
        < 0.5
    )
    # a title before two words of a name still goes (set 16's reason for the rule)
    assert (
        normalise_name("Alhaji Musa Danladi & Co. Ltd").key
        == normalise_name("MUSA DANLADI AND COMPANY LIMITED").key
    )
    assert normalise_name("Hj. Ahmad bin Ismail").key == normalise_name("Ahmad bin Ismail").key


def test_husayn_and_hasan_are_two_names() -> None:
    # the vowels' "a" made "Hussain" and "Hassan" one roman word ("hasan"): set 17's
    # "QURESHI, Muhammad Hassan" (Lahore) linked "Muhammad Hussain Qureshi" (Karachi), born
    # the same day, at p 0.987
    def roman(name: str) -> str:
        return romanised_key(normalise_name(name, person=True).core)[0]

    husayn = {roman(n) for n in ("Hussain", "Hussein", "Hossein", "Husayn", "Huseyin", "Husain")}
    hasan = {roman(n) for n in ("Hasan", "Hassan", "Hassen")}
    assert len(husayn) == 1 and len(hasan) == 1 and husayn != hasan
    assert other_given_names(roman("Muhammad Hussain Qureshi"), roman("QURESHI, Muhammad Hassan"))
    assert not other_given_names(roman("Husayn Ali Al-Jabri"), roman("AL JABRI, Hussein Ali"))
    karachi = {"street": "Shahrah-e-Faisal 101", "city": "Karachi", "country": "PK"}
    assert (
        _probability(
            {"name": "Muhammad Hussain Qureshi", "registration_date": "1962-06-30", **karachi},
            {
                "name": "QURESHI, Muhammad Hassan",
                "registration_date": "1962-06-30",
                "street": "Lahore",
                "country": "pk",
                "kind": "Person",
            },
        )
        < 0.9
    )


def test_a_premises_number_ending_an_address_is_no_postcode() -> None:
    # parties13's reading of a whole address's postcode took the number of the part naming
    # the town, and a tower's, a warehouse's or an office's number when that part ended it
    assert address_postcode("Sheikh Zayed Road, Tower 2020") == ""
    assert address_postcode("Al Quoz Industrial Area 3, Warehouse 1234") == ""
    assert address_postcode("Jumeirah Lake Towers, Office 3015") == ""
    # the town's own code still reads
    assert address_postcode("P.O. Box 4567, Jeddah 21491") == "21491"
    assert address_postcode("Office 12, Tower 2, Dubai 12345") == "12345"
