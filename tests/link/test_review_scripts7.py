"""Review of scripts7 (session 22, reviews7): defects of link.scripts and of the country names
in other languages, each with the input that showed it (unseen set 14:
tests/link/data/unseen_parties14)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from clearlane.link.io import read_party_file
from clearlane.link.normalise import address_town, fold, normalise_name
from clearlane.link.scripts import romanise


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        # "İ".lower() is two characters ("i" and a combining dot): the Cyrillic reader walked the
        # lower-case text and indexed the original with it, past its end (IndexError) or one
        # letter off for the rest of the text
        ("İstanbul Москва", "istanbul moskva"),
        ("ООО «Рога» İSTANBUL", "ooo roga istanbul"),
        ("Москва İ", "moskva i"),
    ],
)
def test_a_letter_whose_lower_case_is_longer_does_not_break_cyrillic(
    written: str, folded: str
) -> None:
    assert fold(written) == folded


def test_a_name_with_a_dotted_capital_i_and_cyrillic_is_read() -> None:
    assert normalise_name("İLKER Иванов", person=True).key == "ilker ivanov"
    assert romanise("Щука İ") == "Shchuka İ"


@pytest.mark.parametrize(
    ("address", "town"),
    [
        # towns that are a country's name in some other language (Spanish "Granada" is Grenada,
        # Finnish "Brasilia" Brazil, "Salvador" El Salvador, "Tunis", "Norfolk" Island, "Man"):
        # since party lists read those names (country_names.NATIVE_LANGUAGES), the town at an
        # address's end was taken for a country and the street before it for the town
        ("Av. Sete de Setembro 100, Salvador", "salvador"),
        ("SQS 308 Bloco C, Brasilia", "brasilia"),
        ("Calle Reyes Católicos 5, Granada", "granada"),
        ("Avenue Habib Bourguiba 10, Tunis", "tunis"),
        ("Tunis", "tunis"),
        ("Granada", "granada"),
        ("Boulevard Principal 3, Man", "man"),
        # a country still is none (English, ISO)
        ("Nariman Point, Mumbai 400021, India", "mumbai"),
    ],
)
def test_a_town_that_is_a_country_in_another_language_stays_the_town(
    address: str, town: str
) -> None:
    assert address_town(address) == town


def test_a_town_field_ending_in_a_translated_country_name_keeps_its_town(tmp_path: Path) -> None:
    """A register's town field "Lago Sul, Brasilia" with no country: Brasilia is the town (on
    main it stayed in the town field); "Lviv, Україна" names the country in its own script."""
    path = tmp_path / "register.csv"
    path.write_text(
        "id,name,city,country\n"
        '1,Alpha Comercio Ltda,"Lago Sul, Brasilia",\n'
        '2,Beta LLC,"Lviv, Україна",\n',
        encoding="utf-8",
    )
    rows = read_party_file(path).frame.set_index("id")
    assert (rows.loc["1", "city"], rows.loc["1", "country"]) == ("Lago Sul, Brasilia", "")
    assert (rows.loc["2", "city"], rows.loc["2", "country"]) == ("Lviv", "UA")


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        # Kazakh "Ақ" (white) is a common word of names; it was read as the form АҚ (a JSC)
        # wherever it stood, so "ТОО «Ақ Жол»" lost its "Ak", kept "TOO" as a name word and
        # became a JSC
        ("ТОО «Ақ Жол»", "AK ZHOL LLP"),
        ("ТОО «АҚ ЖОЛ»", "AK ZHOL LLP"),
        ("ТОО Ақ Ниет Сервис", "AK NIET SERVIS LLP"),
        ("АҚ «Ақ Бидай»", "AK BIDAI JSC"),
        # the form itself still is one
        ("АҚ «Қарағанды Көмір»", "KARAGANDY KOMIR JSC"),
        ("ПрАТ «Київський Хліб»", "KYIVSKYI KHLIB PRJSC"),
    ],
)
def test_a_kazakh_name_word_that_spells_a_form_stays_a_word(written: str, listed: str) -> None:
    ours = normalise_name(written, countries=("KZ",) if "Ақ" in written or "АҚ" in written else ())
    theirs = normalise_name(listed)
    assert (ours.key, ours.legal_form) == (theirs.key, theirs.legal_form)


def test_a_street_is_no_legal_form() -> None:
    assert fold("Ақ Жол көшесі 5") == "ak zhol koshesi 5"


@pytest.mark.parametrize(
    "written",
    ["Ёлкина Наталья", "Йошкар-Ола", "Παπαδόπουλος Γεώργιος", "주식회사 대성무역", "김민수"],
)
def test_decomposed_text_reads_as_composed(written: str) -> None:
    """Text in NFD (files written on macOS, some PDFs): "Ё" is "Е" and a diaeresis, a Hangul
    syllable three jamo; the tables are keyed by composed letters and syllables, so "Ёлкина"
    read "Elkina" and Hangul was left to unidecode letter by letter."""
    decomposed = unicodedata.normalize("NFD", written)
    assert decomposed != written
    assert fold(decomposed) == fold(written)
    assert normalise_name(decomposed).key == normalise_name(written).key
