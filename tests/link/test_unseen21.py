"""The twenty-first unseen party set (tests/link/data/unseen_parties21: towns inside firms'
own names, branch words, sister firms sharing one own word, KK/CV/AE, OCR look-alikes that are
other firms, one-vowel Vietnamese and Thai names), written before parties16's rules were read
(review p10, session 25)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from clearlane.link.io import read_party_file
from clearlane.link.resolve import link_parties

DATA = Path(__file__).parent / "data" / "unseen_parties21"


def test_set21_precision_and_recall() -> None:
    register = read_party_file(DATA / "register.csv").frame
    sanctions = read_party_file(DATA / "sanctions.csv").frame
    assert len(register) == 42 and len(sanctions) == 44
    truth = pd.read_csv(DATA / "truth.csv", dtype=str)
    true = set(zip(truth.left_id, truth.right_id, strict=True))
    assert len(true) == 24
    found = link_parties(register, sanctions).matches
    pairs = set(zip(found.left_id, found.right_id, strict=True))
    # first reading (lead 7fe2f92, out of sample): 20 of 20 found true (P 1.0000), 20 of 24
    # true found (R 0.8333); before parties16 (main 1f46fde) 12 of 14 (P 0.8571:
    # two one-vowel false links, "Thanh Dat" / "THINH DAT", "Siam Phon" / "SIAM PHAN"), R
    # 0.5000. Missed: "Samarqand" / "SAMARKAND" (Uzbek q, and the town spelt so too), "Anand
    # Spices Export Pvt Ltd" / "ANAND SPICES PRIVATE LIMITED" (p 0.889), "Vitosha Trade EOOD"
    # / "VITOSHA EOOD" and "KK Omi Seiki" / "OHMI SEIKI CO., LTD." (never compared: "KK"
    # before the name is a word of it). Review p10's fix (English words of Japanese firms) does
    # not touch the set: the same after.
    assert len(pairs & true) >= 20
    assert len(pairs - true) == 0
