"""Session 24's parties15: a whole address in one field that names a town of three or more
words ("Dar es Salaam", "Rio de Janeiro") reads as that town. Each test failed on lead
3f1c10e."""

from __future__ import annotations

from pathlib import Path

from clearlane.link.io import read_party_file
from clearlane.link.normalise import address_town
from clearlane.link.resolve import link_parties
from clearlane.link.settings import MATCH_THRESHOLD

DATA = Path(__file__).parent / "data"


def _scores(name: str) -> dict[tuple[str, str], float]:
    register = read_party_file(DATA / name / "register.csv").frame
    sanctions = read_party_file(DATA / name / "sanctions.csv").frame
    found = link_parties(register, sanctions, threshold=0.01).matches
    return dict(
        zip(zip(found.left_id, found.right_id, strict=True), found.match_probability, strict=True)
    )


def test_multi_word_town_alone_is_read() -> None:
    # ISO 3166-2 names these cities (their own provinces), the place table Ho Chi Minh City
    assert address_town("Dar es Salaam") == "dar es salaam"
    assert address_town("Rio de Janeiro") == "rio de janeiro"
    assert address_town("HO CHI MINH CITY") == "hochiminhcity"
    # three words that name no place known stay no town
    assert address_town("Rue de la Paix") == ""
    assert address_town("Green Valley Industrial Estate") == ""


def test_town_words_are_not_the_firms_own() -> None:
    # set 19: "Dar es Salaam Al-Amin Freight Ltd" (town field) against "DAR ES SALAAM AL-AMAL
    # FREIGHT LIMITED" (the list's address "Dar es Salaam") shared only the town's words
    scores = _scores("unseen_parties19")
    assert scores.get(("T-19018", "ss-19208"), 0.0) < MATCH_THRESHOLD
    assert scores.get(("T-19018", "ss-19018"), 0.0) >= MATCH_THRESHOLD
