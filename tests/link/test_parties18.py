"""Session 27 (2026-12-06, helper parties18): the out-of-sample set 24
(tests/link/data/unseen_parties24, written before the linking code was read) and the items
carried from sessions 26's sets 22 and 23."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from clearlane.link import normalise
from clearlane.link.io import read_party_file
from clearlane.link.normalise import normalise_city, normalise_name
from clearlane.link.places import PLACE_COUNTRIES, PLACE_NAMES, PLACES
from clearlane.link.resolve import link_parties
from tests.link.helpers import link_weights

DATA = Path(__file__).parent / "data" / "unseen_parties24"


def test_the_place_table_is_one_table() -> None:
    # PLACE_NAMES and PLACE_COUNTRIES were two tables keyed by the same canonical words; both
    # are now read from PLACES, every place with a country
    assert set(PLACE_NAMES) == set(PLACE_COUNTRIES) == set(PLACES)
    assert all(PLACE_COUNTRIES[k] for k in PLACES)
    assert PLACE_NAMES["vienna"][:2] == ("wien", "vienne")
    assert PLACE_COUNTRIES["tripoli"] == frozenset({"LY", "LB"})


def test_japanese_initials_are_the_forms_only_japan_writes() -> None:
    # read from AMBIGUOUS_FORM_COUNTRIES, no longer listed twice: the same six spellings
    assert normalise._JAPANESE_INITIALS == frozenset(
        tuple(f.split()) for f in ("kk", "k k", "gk", "g k", "yk", "y k")
    )


def test_more_towns_other_names() -> None:
    # set 23's "Bécs" (Hungarian) and "Monaco di Baviera" (Italian) were not in the table
    # ("Donauhof Handels" missed at p 0.691); set 24's Asmera, Addis Abeba, Oporto, Beersheba
    for other, town, country in (
        ("Bécs", "Wien", "AT"),
        ("Monaco di Baviera", "München", "DE"),
        ("Asmera", "Asmara", "ER"),
        ("Addis Abeba", "Addis Ababa", "ET"),
        ("Oporto", "Porto", "PT"),
        ("Beersheba", "Be'er Sheva", "IL"),
        ("Beer-Sheva", "Be'er Sheva", "IL"),
    ):
        assert normalise_city(other, countries=(country,)) == normalise_city(town), other
        assert normalise_city(other) == normalise_city(town, countries=(country,)), other
    # the Italian name of Munich is no Monaco of Monaco's
    assert normalise_city("Monaco", countries=("MC",)) != normalise_city("München")


def test_a_town_written_in_another_language_links(tmp_path: Path) -> None:
    # set 23's "Donauhof Handels" (Wien / Bécs, p 0.691 on main); set 24's "Hamasien Trading
    # PLC" (Asmara / Asmera, p 0.680) and "Vinhos Ribeiro dos Anjos" (Porto / Oporto, 0.809):
    # the towns disagreed (-4.3 bits)
    found = link_weights(
        tmp_path,
        [
            ("T1", "Donauhof Handels GmbH", "Mariahilfer Straße 88", "", "Wien", "1070", "AT"),
            ("T2", "Hamasien Trading PLC", "Harnet Avenue 171", "", "Asmara", "", "Eritrea"),
            ("T3", "Vinhos Ribeiro dos Anjos, S.A.", "Rua de Cedofeita 388", "", "Porto", "", "PT"),
        ],
        [
            ("s1", "Company", "DONAUHOF HANDELS GMBH", "", "at", "Bécs"),
            ("s2", "Company", "HAMASIEN TRADING PLC", "", "er", "Asmera"),
            ("s3", "Company", "VINHOS RIBEIRO DOS ANJOS SA", "", "pt", "Oporto"),
        ],
    )
    for pair in (("T1", "s1"), ("T2", "s2"), ("T3", "s3")):
        assert found[pair]["w_city"] >= 0, pair


def test_legal_forms_of_set_24() -> None:
    # Brazil's EIRELI became Ltda in 2021 (p 0.391 on main: "eireli" was a name's word)
    assert normalise_name("Agropecuária Vale do Jequitinhonha EIRELI", countries=("BR",)) == (
        normalise_name("AGROPECUARIA VALE DO JEQUITINHONHA LTDA", countries=("BR",))
    )
    # Icelandic ehf. / hf. and "og" ("and"): p 0.391 on main
    left = normalise_name("Jónsson & Sigurðsdóttir ehf.", countries=("IS",))
    assert left == normalise_name("JONSSON OG SIGURDSDOTTIR EHF", countries=("IS",))
    assert (left.key, left.legal_form) == ("jonsson sigurdsdottir", "ehf")
    assert normalise_name("Þórsson Útgerð hf.", countries=("IS",)).legal_form == "hf"
    # "HF" is initials outside Iceland
    assert normalise_name("Acme HF", countries=("US",)).key == "acme hf"
    # Ethiopia's PLC is a private limited company, as its lists spell it out; elsewhere public
    ethiopian = normalise_name("Abay Coffee Export PLC", countries=("ET",))
    assert ethiopian == normalise_name(
        "ABAY COFFEE EXPORT PRIVATE LIMITED COMPANY", countries=("ET",)
    )
    assert normalise.legal_family(ethiopian.legal_form) == "limited"
    assert normalise_name("Abay Coffee Export PLC", countries=("GB",)).legal_form == "plc"
    assert normalise_name("Abay Coffee Export PLC").legal_form == "plc"


def test_a_sister_of_a_firm_named_exactly_elsewhere_is_not_linked(tmp_path: Path) -> None:
    # sets 22-24's sisters one letter or one word apart in one town: "Seto Tokki" / "SETO
    # TOKI" (0.989 on main) while the register has "Seto Tōki" itself; "Metalúrgica Paulista" /
    # "METALURGICA PAULISTANA" (0.989) while the list has "METALURGICA PAULISTA"; "Alatau Stroy
    # Invest" / "ALATAU STROY" (0.959) while the register has "Alatau Stroy"
    found = link_weights(
        tmp_path,
        [
            ("T1", "Kabushiki Kaisha Seto Tōki", "1 Kamamachi", "", "Seto", "489-0813", "JP"),
            ("T2", "Seto Tokki K.K.", "18 Kamamachi", "", "Seto", "489-0813", "JP"),
            ("T3", "Metalúrgica Paulista S/A", "Rua Guaicurus, 1200", "", "São Paulo", "", "BR"),
            ("T4", "Alatau Stroy TOO", "pr. Abaya 10", "", "Almaty", "050000", "KZ"),
            ("T5", "Alatau Stroy Invest TOO", "pr. Raiymbek 223", "", "Almaty", "050034", "KZ"),
        ],
        [
            ("s1", "Company", "SETO TOKI KK", "", "jp", "Seto"),
            ("s2", "Company", "METALURGICA PAULISTA SA", "", "br", "Sao Paulo"),
            ("s3", "Company", "METALURGICA PAULISTANA S.A.", "", "br", "Sao Paulo"),
            ("s4", "Company", "ALATAU STROY LLP", "", "kz", "Almaty"),
        ],
    )
    for sister in (("T2", "s1"), ("T3", "s3"), ("T5", "s4")):
        weights = found[sister]
        assert weights["w_name"] <= 4.65, sister  # no more than two words in common
        assert weights["w_country"] == weights["w_street"] == 0.0, sister
    for pair in (("T1", "s1"), ("T3", "s2"), ("T4", "s4")):
        assert found[pair]["w_name"] > 10 and found[pair]["w_country"] > 0, pair


def test_a_name_spelt_otherwise_with_no_exact_namesake_still_counts(tmp_path: Path) -> None:
    # with no party carrying the other's name as written, one name spelt two ways is one
    # firm as often as not (as on main); nor is a namesake of another legal form (set 24's
    # "CV Cahaya Samudra Abadi" in Surabaya) the party a "PT" entry names
    found = link_weights(
        tmp_path,
        [
            ("T1", "Seto Tokki K.K.", "18 Kamamachi", "", "Seto", "489-0813", "JP"),
            ("T2", "PT Cahaya Samudra Abadi", "Jl. Yos Sudarso 89", "", "Jakarta Utara", "", "ID"),
        ],
        [
            ("s1", "Company", "SETO TOKI KK", "", "jp", "Seto"),
            ("s2", "Company", "CAHAYA SAMUDERA ABADI, PT", "", "id", "Jakarta"),
            ("s3", "Company", "CV CAHAYA SAMUDRA ABADI", "", "id", "Surabaya"),
        ],
    )
    assert found[("T1", "s1")]["w_name"] > 6 and found[("T1", "s1")]["w_country"] > 0
    assert found[("T2", "s2")]["w_name"] > 6 and found[("T2", "s2")]["w_country"] > 0


def test_set24_precision_and_recall() -> None:
    register = read_party_file(DATA / "register.csv").frame
    sanctions = read_party_file(DATA / "sanctions.csv").frame
    assert len(register) == 38 and len(sanctions) == 40
    truth = pd.read_csv(DATA / "truth.csv", dtype=str)
    true = set(zip(truth.left_id, truth.right_id, strict=True))
    assert len(true) == 25
    found = link_parties(register, sanctions).matches
    pairs = set(zip(found.left_id, found.right_id, strict=True))
    # out of sample on main b70e99f6: 15 of 17 true (P 0.8824), R 0.6000; after this
    # session's rules 20 of 20 (P 1.0, R 0.8000). Left: "Mohammadreza" / "Mohammad Reza",
    # "Itzhak" / "Yitzchak", Wade-Giles "HSIN CHIEN" / pinyin "Xinjian", and two names each
    # carried by two parties of one list in two towns (the town does not count for them)
    assert len(pairs & true) >= 20
    assert len(pairs - true) == 0


def test_a_towns_own_name_folds_whatever_the_country_keyed() -> None:
    # set 23's "Kahlenberg Weinhandel GmbH", "Wien", country Germany (a keying error) /
    # "VIENNA", at: missed at p 0.056, "Wien" was kept for a German party
    assert normalise_city("Wien", countries=("DE",)) == normalise_city("Vienna", countries=("AT",))
    assert normalise_city("Praha", countries=("SK",)) == normalise_city("Prague")
    # a German name of another country's town stays that country's own town
    assert normalise_city("Brunn", countries=("AT",)) == "brunn"
    assert normalise_city("Posen", countries=("US",)) == "posen"


def test_one_town_in_the_name_and_two_towns_is_two_firms(tmp_path: Path) -> None:
    # "Praha Stavby" in Praha / "PRAHA STAVBY" in Brno (p 0.988 on main): two firms named
    # after one town; where the towns agree the name counts whole
    found = link_weights(
        tmp_path,
        [
            ("T1", "Praha Stavby s.r.o.", "Vinohradská 10", "", "Praha", "130 00", "CZ"),
            ("T2", "Vltava Chemie s.r.o.", "Na Poříčí 26", "", "Praha", "110 00", "CZ"),
        ],
        [
            ("s1", "Company", "PRAHA STAVBY S.R.O.", "", "cz", "Brno"),
            ("s2", "Company", "VLTAVA CHEMIE S.R.O.", "", "cz", "Prag"),
        ],
    )
    assert found[("T1", "s1")]["w_name"] <= 4.65
    assert found[("T2", "s2")]["w_name"] > 10


def test_a_namesake_in_another_town_names_no_sister(tmp_path: Path) -> None:
    # set 8's "Sri Venkateswara Chemicals Ltd" (Hyderabad) / "SREE VENKATESHWARA CHEMICALS
    # LIMITED" (Jeedimetla, Hyderabad) is one firm: the list's "SRI VENKATESWARA CHEMICALS"
    # of Chennai carries the register's name, but in another town (the first reading of this
    # session's rule lost the pair)
    found = link_weights(
        tmp_path,
        [
            (
                "T1",
                "Sri Venkateswara Chemicals Ltd",
                "Plot 7, IDA Jeedimetla",
                "",
                "Hyderabad",
                "",
                "IN",
            )
        ],
        [
            ("s1", "Company", "SREE VENKATESHWARA CHEMICALS LIMITED", "", "in", "Hyderabad"),
            ("s2", "Company", "SRI VENKATESWARA CHEMICALS", "", "in", "Chennai"),
        ],
    )
    assert found[("T1", "s1")]["w_name"] > 4.65 and found[("T1", "s1")]["w_country"] > 0


def test_a_namesake_of_no_known_town_names_no_sister(tmp_path: Path) -> None:
    # FEBRL 4's namesakes: a party carrying the entry's name in no known town, or in a town
    # written otherwise ("noble pzrk"), does not make the entry another's (two of its true
    # pairs were lost by the first reading of this session's rule)
    found = link_weights(
        tmp_path,
        [
            ("T1", "Kabushiki Kaisha Seto Tōki", "1 Kamamachi", "", "", "", "JP"),
            ("T2", "Seto Tokki K.K.", "18 Kamamachi", "", "Seto", "489-0813", "JP"),
        ],
        [("s1", "Company", "SETO TOKI KK", "", "jp", "Seto")],
    )
    assert found[("T2", "s1")]["w_name"] > 4.65 and found[("T2", "s1")]["w_country"] > 0
