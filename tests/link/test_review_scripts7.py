"""Review of scripts7 (session 22, reviews7): defects of link.scripts and of the country names
in other languages, each with the input that showed it (unseen set 14:
tests/link/data/unseen_parties14)."""

from __future__ import annotations

import pytest

from clearlane.link.normalise import fold, normalise_name
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
