"""Two words in common that say nothing of which firm it is (the town, trade words) do not
make two firms' names one, when each name has a word of its own the other lacks ("Amber Lima
Supplies Ltd" / "Birch Lima Supplies Ltd" in Lima: two firms). A word of its own in common
still does ("Amber Lima Supplies Ltd" / "AMBER LIMA MINING SUPPLIES LTD")."""

from clearlane.link.resolve import link_parties
from clearlane.link.settings import MATCH_THRESHOLD
from tests.link.test_unseen4 import _parties

_LIMA = {"city": "Lima", "country": "PE"}


def _probabilities(
    left: list[dict[str, str]], right: list[dict[str, str]]
) -> dict[tuple[str, str], float]:
    found = link_parties(_parties(left), _parties(right), threshold=1e-9).matches
    return {(r.left_id, r.right_id): r.match_probability for r in found.itertuples(index=False)}


def test_a_town_and_a_trade_word_in_common_are_not_one_name() -> None:
    left = [
        {"id": "amber", "name": "Amber Lima Supplies Ltd", "street": "1 Harbour Road", **_LIMA},
        {"id": "amber2", "name": "Amber Lima Supplies Ltd", **_LIMA},
    ]
    right = [
        {"id": "birch", "name": "Birch Lima Supplies Ltd", "street": "2 Harbour Road", **_LIMA},
        {"id": "birch2", "name": "Birch Lima Supplies Ltd", **_LIMA},
        {"id": "same", "name": "AMBER LIMA MINING SUPPLIES LTD", "street": "1 Harbour Road"}
        | _LIMA,
    ]
    p = _probabilities(left, right)
    for pair in [(a, b) for a in ("amber", "amber2") for b in ("birch", "birch2")]:
        assert p.get(pair, 0.0) < MATCH_THRESHOLD, (pair, p)
    # the same firm: its own word "amber" in common, at its address
    assert p[("amber", "same")] >= MATCH_THRESHOLD, p


def test_an_article_in_common_is_no_own_word() -> None:
    # "al" says nothing of which firm: Al Waha and Al Fajr are two firms of one trade in one
    # town (unseen set 18: p 0.955 before), the same Al Fajr written two ways is one
    sitra = {"street": "Sitra", "city": "Manama", "country": "BH"}
    left = [
        {"id": "waha", "name": "Al Waha Marine Services W.L.L.", **sitra},
        {"id": "fajr", "name": "Al Fajr Marine Services W.L.L.", **sitra},
    ]
    right = [{"id": "FAJR", "name": "AL-FAJR MARINE SERVICES WLL", **sitra}]
    p = _probabilities(left, right)
    assert p.get(("waha", "FAJR"), 0.0) < MATCH_THRESHOLD, p
    assert p[("fajr", "FAJR")] >= MATCH_THRESHOLD, p


def test_brothers_or_sons_in_another_language_is_no_own_word() -> None:
    # "Hnos." and "HERMANOS" are one word of a family firm, as "Brothers" and "Sons" are
    # (trade words): not two own words that set the names apart (review reviewp9: p 0.054
    # after parties14, 1.0 before); "Freres" / "Fratelli" / "Irmaos" / "Gebr." alike
    quito = {"city": "Quito", "country": "EC"}
    left = [{"id": "hnos", "name": "Quito Hnos. Trading SA", **quito}]
    right = [{"id": "HNOS", "name": "QUITO HERMANOS TRADING SA", **quito}]
    p = _probabilities(left, right)
    assert p[("hnos", "HNOS")] >= MATCH_THRESHOLD, p


def test_an_own_word_and_its_plural_are_one_word() -> None:
    # "Amber" / "AMBERS": one own word written with and without its plural "s" (Jaro-Winkler
    # does not take a key that begins with the other's as a typo); not two own words that
    # set the names apart (review reviewp9: p 0.46-0.76 after parties14, 1.0 before)
    names = ["Amber", "Kestrel", "Onyx", "Raven", "Willow"]
    left = [{"id": n, "name": f"{n} Lima Supplies Ltd", **_LIMA} for n in names]
    right = [{"id": "AMBERS", "name": "AMBERS LIMA SUPPLIES LTD", **_LIMA}] + [
        {"id": n.upper(), "name": f"{n.upper()} LIMA SUPPLIES LTD", **_LIMA} for n in names[1:]
    ]
    p = _probabilities(left, right)
    assert p[("Amber", "AMBERS")] >= MATCH_THRESHOLD, p
    assert p.get(("Amber", "KESTREL"), 0.0) < MATCH_THRESHOLD, p
