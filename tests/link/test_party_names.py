"""Names romanised otherwise, persons against companies, towns against whole addresses."""

from pathlib import Path

import pandas as pd
import pytest

from clearlane.link.io import read_party_file
from clearlane.link.normalise import normalise_name, party_kind, romanised_key
from clearlane.link.resolve import PARTY_COLUMNS, link_parties


def _roman(name: str) -> str:
    return romanised_key(normalise_name(name).core)[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rostekhexport", "Rostekheksport"),
        ("Rostechexport", "Rostekheksport"),
        ("Abdul Rahman Trading", "Abd al-Rahman Trading"),
        ("Abdulrahman Trading", "Abdel Rahman Trading"),
        ("Kassem Yusuf", "Qasim Yousef"),
        ("Kasim Mohammed", "Qassim Muhammad"),
        ("Mohamed El-Sayed", "Muhammad Al Sayed"),
        ("Aleksandr Morozov", "Alexander Morozov"),
        ("Zhukov Dmitriy", "Jukov Dmitry"),
        ("Oumarov Roustam", "Umarov Rustam"),
        ("Djamal Benali", "Jamal Benali"),
        ("Philippov", "Filippov"),
        ("Tsingtao Brewery", "Qingdao Brewery"),
        ("Canton Trading", "Guangzhou Trading"),
        ("Hsinhua Chemical", "Xinhua Chemical"),
        ("Akhmedov Farkhod", "Ahmedov Farhod"),
    ],
)
def test_romanisations_of_one_name_fold_to_one_key(a: str, b: str) -> None:
    assert _roman(a) == _roman(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Abdul Rahman Al Sayed", "Abdul Karim Al Sayed"),
        ("Tekhnopromimport", "Tekhnoprominvest"),
        ("Sovtransflot", "Sovtransavto"),
        ("Huaxin Electronics", "Huaxing Electronics"),
        ("Alpha Trading", "Omega Trading"),
    ],
)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert _roman(a) != _roman(b)


def test_a_name_written_apart_folds_with_it_written_together() -> None:
    joined = romanised_key(normalise_name("Ulaanbaatar Cashmere").core)[1]
    assert joined == romanised_key(normalise_name("Oulan Bator Cashmere").core)[1]


def _parties(rows: list[dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame([{c: r.get(c, "") for c in PARTY_COLUMNS} for r in rows], dtype="object")


# Other parties elsewhere, so that the prior is that of a list and not of a pair.
_TOWNS = ["Lima", "Quito", "Accra", "Hanoi", "Oslo", "Riga", "Baku", "Suva", "Apia", "Male"]
_WORDS = ["Amber", "Birch", "Cedar", "Delta", "Ember", "Flint", "Garnet", "Harbor", "Indigo"]


def _with_others(rows: list[dict[str, str]], prefix: str) -> pd.DataFrame:
    others = [
        {
            "id": f"{prefix}{i}{j}",
            "name": f"{w} {t} Supplies Ltd",
            "street": f"{i + 1} Harbour Road, {t}",
            "country": "PE",
        }
        for i, w in enumerate(_WORDS)
        for j, t in enumerate(_TOWNS[:4])
    ]
    return _parties(rows + others)


def _pairs(left: pd.DataFrame, right: pd.DataFrame) -> set[tuple[str, str]]:
    found = link_parties(left, right).matches
    return set(zip(found.left_id, found.right_id, strict=True))


def test_a_name_romanised_otherwise_is_compared_and_links() -> None:
    register = _with_others(
        [{"id": "L1", "name": "Yousef Kassem Trading LLC", "country": "OM"}], "A"
    )
    listed = _with_others(
        [{"id": "S1", "name": "YUSUF QASIM TRADING L.L.C.", "country": "om"}], "B"
    )
    assert ("L1", "S1") in _pairs(register, listed)


def test_a_person_and_a_company_of_the_same_name_do_not_link_on_the_name() -> None:
    register = _with_others([{"id": "L1", "name": "Peter Brown Ltd", "country": "GB"}], "A")
    listed = _with_others(
        [{"id": "S1", "name": "Peter BROWN", "country": "gb", "kind": "Person"}], "B"
    )
    assert ("L1", "S1") not in _pairs(register, listed)
    # the same entry given as a company is the same party
    listed.loc[0, "kind"] = "Company"
    assert ("L1", "S1") in _pairs(register, listed)


def test_party_kind_from_a_type_column_or_a_legal_form() -> None:
    assert party_kind("Individual", "") == "person"
    assert party_kind("LegalEntity", "") == "organisation"
    assert party_kind("", "ltd") == "organisation"
    assert party_kind("", "") is None  # a name without a legal form is not taken for a person
    assert party_kind("AEO", "") is None  # some other "Type" column says nothing


def test_a_list_giving_the_town_only_does_not_disagree_with_a_whole_address() -> None:
    register = _with_others(
        [
            {
                "id": "L1",
                "name": "Tarim Grain Export LLC",
                "street": "Amir Temur St 15, Tashkent 100000",
                "country": "UZ",
            }
        ],
        "A",
    )
    listed = _with_others(
        [{"id": "S1", "name": "TARIM GRAIN EKSPORT LLC", "street": "Tashkent", "country": "uz"}],
        "B",
    )
    assert ("L1", "S1") in _pairs(register, listed)


def test_the_reader_takes_a_customer_number_for_the_id_and_a_schema_for_the_kind(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "Customer No,Name,schema\nC1,John Smith Ltd,Company\nC2,John SMITH,Person\n",
        encoding="utf-8",
    )
    frame = read_party_file(path).frame
    assert list(frame["id"]) == ["C1", "C2"]
    assert list(frame["kind"]) == ["Company", "Person"]


def test_a_name_several_parties_of_a_list_carry_weighs_less_and_a_unique_one_keeps_its_weight() -> (
    None
):
    import math

    register = _with_others(
        [
            {"id": "L1", "name": "Borealis Trading LLC", "country": "US"},
            {"id": "L2", "name": "Borealis Trading LLC", "country": "GB"},
            {"id": "L3", "name": "Borealis Trading LLC", "country": "DE"},
            {"id": "L4", "name": "Zephyr Quarry Works LLC", "country": "AE"},
        ],
        "A",
    )
    listed = _with_others(
        [
            {"id": "S1", "name": "Borealis Trading L.L.C.", "country": "ae"},
            {"id": "S2", "name": "ZEPHYR QUARRY WORKS LLC", "country": "ae"},
        ],
        "B",
    )
    found = link_parties(register, listed, threshold=0.0).matches.set_index(["left_id", "right_id"])
    unique = found.loc[("L4", "S2"), "w_name"]
    # however small the lists, a name each carries once keeps the weight of an equal name
    assert unique == pytest.approx(math.log2(0.77 / 0.0002))
    # one that three parties of the register carry could be any of them: log2(3) bits less
    # (a name of its own: a name of trade words only, "Global Trading", is a common name anyway)
    assert found.loc[("L1", "S1"), "w_name"] == pytest.approx(unique - math.log2(3))
    # and the same name in another country is then no link
    assert (found.loc[[("L1", "S1"), ("L2", "S1"), ("L3", "S1")], "match_probability"] < 0.9).all()


def test_legal_forms_of_one_kind_in_other_languages_share_a_family() -> None:
    from clearlane.link.normalise import legal_family

    assert legal_family("gmbh") == legal_family("llc") == legal_family("sarl") == "limited"
    assert legal_family("ag") == legal_family("jsc") == "stock"
    assert legal_family("gmbh") != legal_family("ag")
    assert legal_family("") == legal_family("fze") == ""


def test_a_branch_written_with_its_own_countrys_legal_form_links() -> None:
    register = _with_others(
        [
            {
                "id": "L1",
                "name": "Kama Polymer GmbH",
                "street": "Ferdinandstr. 12, 20095 Hamburg",
                "country": "DE",
            }
        ],
        "A",
    )
    listed = _with_others(
        [
            {
                "id": "S1",
                "name": "KAMA POLYMER LLC",
                "street": "Moskovskoye Shosse 4, Samara",
                "country": "ru;de",
            }
        ],
        "B",
    )
    assert ("L1", "S1") in _pairs(register, listed)


def test_a_name_of_trade_words_only_does_not_link_on_the_name_and_country_alone() -> None:
    from clearlane.link.normalise import is_generic_name

    assert is_generic_name(normalise_name("General Trading Company L.L.C.").key)
    assert not is_generic_name(normalise_name("Zephyr Trading LLC").key)
    register = _with_others(
        [
            {"id": "L1", "name": "General Trading Co. LLC", "street": "Al Quoz 3, Dubai"},
            {"id": "L2", "name": "Zephyr Trading LLC", "street": "Al Quoz 4, Dubai"},
        ],
        "A",
    )
    register.loc[:1, "country"] = "AE"
    listed = _with_others(
        [
            {"id": "S1", "name": "GENERAL TRADING CO L.L.C.", "country": "ae"},
            {"id": "S2", "name": "ZEPHYR TRADING L.L.C.", "country": "ae"},
        ],
        "B",
    )
    pairs = _pairs(register, listed)
    assert ("L1", "S1") not in pairs  # many companies anywhere are "General Trading"
    assert ("L2", "S2") in pairs  # a name of its own still links on name and country


def test_a_register_with_a_type_column_of_its_own_is_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("id,name,Type,schema\n1,Alfa Ltd,Importer,Company\n", encoding="utf-8")
    party_file = read_party_file(path)
    assert list(party_file.frame["kind"]) == ["Company"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # words of one or two consonants are told apart by their vowels: dropped, unrelated
        # names fold together ("Day"/"Doe" -> "d", "Lee"/"Liu" -> "l", "Chen"/"Chin" -> "hn")
        ("Mary Day", "Mary Doe"),
        ("Kim Lee", "Kim Liu"),
        ("Chen Wei", "Chin Wei"),
        ("Chen Wei", "Chan Wu"),
        ("Yusuf Ali", "Yousef Al"),
    ],
)
def test_short_words_keep_their_vowels(a: str, b: str) -> None:
    ka, kb = (romanised_key(normalise_name(n).core) for n in (a, b))
    assert ka[0] != kb[0]
    assert ka[1] != kb[1] or not ka[1]  # nor written together ("maryday" / "marydoe")


def test_unrelated_short_names_in_one_town_are_not_linked() -> None:
    register = _with_others(
        [{"id": "L1", "name": "Mary Day", "city": "Boston", "country": "US"}], "A"
    )
    listed = _with_others(
        [{"id": "S1", "name": "Mary Doe", "city": "Boston", "country": "us"}], "B"
    )
    assert ("L1", "S1") not in _pairs(register, listed)


def test_a_short_word_romanised_otherwise_still_folds() -> None:
    assert _roman("Mohammed Saeed") == _roman("Muhammad Said")
    assert _roman("Ali Hassan") == _roman("Aly Hassan")


def test_a_persons_name_ending_in_a_word_that_is_also_a_legal_form_is_no_company() -> None:
    # "Sá" (Portuguese), "As" are surnames as well as "SA", "AS"
    assert party_kind("", normalise_name("João Sá").legal_form) is None
    assert party_kind("", normalise_name("John Smith & Co").legal_form) == "organisation"
    assert party_kind("", normalise_name("Petrobras Distribuidora S.A. Ltda").legal_form) == (
        "organisation"
    )
    register = _with_others(
        [{"id": "L1", "name": "João Sá", "street": "Rua Augusta 12, Lisboa", "country": "PT"}], "A"
    )
    listed = _with_others(
        [
            {
                "id": "S1",
                "name": "Joao SA",
                "street": "Lisboa",
                "country": "pt",
                "kind": "Individual",
            }
        ],
        "B",
    )
    assert ("L1", "S1") in _pairs(register, listed)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two names, not two spellings: where one has a vowel the other has none (in Arabic
        # script a long vowel or a doubled letter is written), the vowel's place stays
        ("Mahmoud Abbas", "Mohammed Abbas"),
        ("Mahmud Rahimi", "Muhammad Rahimi"),
        ("Amin Trading", "Amina Trading"),
        ("Mehr Bank", "Mahir Bank"),
    ],
)
def test_a_vowel_where_the_other_name_has_none_keeps_them_apart(a: str, b: str) -> None:
    ka, kb = (romanised_key(normalise_name(n).core) for n in (a, b))
    assert ka[0] != kb[0]
    assert ka[1] != kb[1]


def test_mahmoud_and_mohammed_of_one_surname_are_not_one_name_romanised_otherwise() -> None:
    import math

    register = _with_others([{"id": "L1", "name": "Mahmoud Abbas", "country": "PS"}], "A")
    listed = _with_others([{"id": "S1", "name": "MOHAMMED ABBAS", "country": "ps"}], "B")
    found = link_parties(register, listed, threshold=0.0).matches
    pair = found[(found.left_id == "L1") & (found.right_id == "S1")]
    # not compared, or never at the romanised level (log2(0.04 / 0.0005)): "mhmd" was both
    assert (pair["w_name"] < math.log2(0.04 / 0.0005) - 1).all()
    assert (pair["match_probability"] < 0.5).all()
