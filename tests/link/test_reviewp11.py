"""Review p11 (session 26, 2026-12-06) of parties17's country-aware place folding and Japanese
forms: the out-of-sample set 23 (tests/link/data/unseen_parties23, written before the linking
code was read) and the defects found reading the diff."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from clearlane.link.io import read_party_file
from clearlane.link.normalise import normalise_name
from clearlane.link.resolve import link_parties
from tests.link.test_unseen22 import _link

DATA = Path(__file__).parent / "data" / "unseen_parties23"


def test_set23_precision_and_recall() -> None:
    register = read_party_file(DATA / "register.csv").frame
    sanctions = read_party_file(DATA / "sanctions.csv").frame
    assert len(register) == 38 and len(sanctions) == 35
    truth = pd.read_csv(DATA / "truth.csv", dtype=str)
    true = set(zip(truth.left_id, truth.right_id, strict=True))
    assert len(true) == 18
    found = link_parties(register, sanctions).matches
    pairs = set(zip(found.left_id, found.right_id, strict=True))
    # first reading (out of sample): main e84c675a 11 of 13 true (P 0.8462, R 0.6111), lead
    # 21a9893a 14 of 16 (P 0.8750, R 0.7778). Both false links are sisters ("Alatau Stroy
    # Invest" / "ALATAU STROY", "Seto Tokki" / "SETO TOKI": a syllable, parties17's known
    # "Shinsei" / "SHINEI"), left to the next session. After this review 15 of 17 (P 0.8824,
    # R 0.8333: "YK Minato Reito" found)
    assert len(pairs & true) >= 15
    assert len(pairs - true) <= 2


def test_a_town_in_the_name_folded_where_the_towns_disagree_is_no_link(tmp_path: Path) -> None:
    # "Praha Stavby" in Praha / "PRAG STAVBY" in Brno: one name only once "Prag" is folded
    # into Praha, two towns (p 0.988 on lead: parties17's known false link); "Wien Bau" in
    # Wien / "VIENNA BAU" in Graz (set 23's look-alike, p 0.988 alone)
    found = _link(
        tmp_path,
        [
            ("T1", "Praha Stavby s.r.o.", "Vinohradská 10", "", "Praha", "130 00", "CZ"),
            ("T2", "Wien Bau GmbH", "Triester Straße 40", "", "Wien", "1100", "Austria"),
            ("T3", "Bombay Textile Mills Ltd", "Senapati Bapat Marg", "", "Mumbai", "", "IN"),
        ],
        [
            ("s1", "PRAG STAVBY S.R.O.", "cz", "Brno"),
            ("s2", "VIENNA BAU GMBH", "at", "Graz"),
            # one firm, its name and town written in their old and new names: still one
            ("s3", "MUMBAI TEXTILE MILLS LTD", "in", "Bombay"),
        ],
    )
    assert found.get(("T1", "s1"), 0.0) < 0.5
    assert found.get(("T2", "s2"), 0.0) < 0.5
    assert found.get(("T3", "s3"), 0.0) >= 0.9


def test_gk_and_yk_before_a_japanese_name_are_its_form() -> None:
    # parties17 read "KK" and "Godo Kaisha" / "Yugen Kaisha" before the name as the form, not
    # their initials "GK" / "YK" (set 23's "YK Minato Reito" / "MINATO REITO YUGEN KAISHA"
    # missed at p 0.403)
    for written, form in (
        ("YK Minato Reito", "yk"),
        ("GK Aoba Unyu", "gk"),
        ("G.K. Aoba Unyu", "gk"),
    ):
        name = normalise_name(written, countries=("JP",))
        assert (name.core, name.legal_form) == (" ".join(written.split()[1:]).lower(), form)
    # initials elsewhere
    assert normalise_name("GK Steel Industries", countries=("IN",)).core == "gk steel industries"


def test_south_korean_firms_voiced_and_unvoiced_are_two(tmp_path: Path) -> None:
    # parties17 read every Korean word's first "g", "d", "b", "j" as McCune-Reischauer's "k",
    # "t", "p", "ch" ("Joseon Geumsan" / "CHOSON KUMSAN", the North's lists): for the South's
    # firms, which write their own names, "Daesung" / "Taesung" and "Bando" / "Pando" are two
    # (p 0.9989 each on lead, not linked on main)
    found = _link(
        tmp_path,
        [
            ("T1", "Daesung Industrial Co., Ltd.", "Noksan-ro 12", "", "Busan", "46752", "KR"),
            ("T2", "Bando Trading Co., Ltd.", "Teheran-ro 100", "", "Seoul", "06000", "KR"),
            ("T3", "Joseon Geumsan Trading Corporation", "Jung-guyeok", "", "Pyongyang", "", "KP"),
        ],
        [
            ("s1", "TAESUNG INDUSTRIAL CO LTD", "kr", "Busan"),
            ("s2", "PANDO TRADING CO LTD", "kr", "Seoul"),
            ("s3", "CHOSON KUMSAN TRADING CORPORATION", "kp", "P'yongyang"),
        ],
    )
    assert found.get(("T1", "s1"), 0.0) < 0.5
    assert found.get(("T2", "s2"), 0.0) < 0.5
    assert found.get(("T3", "s3"), 0.0) >= 0.9
