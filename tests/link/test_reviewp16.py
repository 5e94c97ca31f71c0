"""Session 31 (2026-12-07, helper reviewp16, issue #13): review of parties22's given-name rule
(siblings.given_name_other) after unseen set 33 (tests/link/data/unseen_parties33, written and
committed before that branch's diff was read). Each test here failed on lead (6265cf88) unless
it says it is a guard."""

from __future__ import annotations

from pathlib import Path

from clearlane.link.siblings import given_name_other
from tests.link.helpers import link_weights

THRESHOLD = 0.9
# others of the list, so that the prior is a list's (about 1 in 30), not one in two
_OTHERS = [
    (f"X{n}", "Person", f"{family}, {given}", f"19{50 + n}-0{1 + n % 9}-1{n % 10}", "", "")
    for n, (family, given) in enumerate(
        (family, given)
        for family in ("MAMMADOV", "OKONKWO", "FERREIRA", "NOWAK", "HAMID", "LARSEN")
        for given in ("Elchin", "Chidi", "Ana Paula", "Piotr", "Yasmin")
    )
]


def _p(weights: dict[tuple[str, str], dict[str, float]], left: str, right: str) -> float:
    return weights.get((left, right), {}).get("match_probability", 0.0)


def test_ukrainian_and_russian_forms_of_one_given_name_are_one_person(tmp_path: Path) -> None:
    # a Ukrainian register writes the Ukrainian form, a list often the Russian one: parties22's
    # rule read "Mykola" / "Nikolai", "Pavlo" / "Pavel", "Vasyl" / "Vasily" and "Yevhen" /
    # "Yevgeny" as two given names and capped pairs that main linked at 1.000
    register = [
        ("T1", "Mykola Shevchuk", "", "", "Kyiv", "", "Ukraine", "1970-04-02"),
        ("T2", "Pavlo Zinchenko", "", "", "Kharkiv", "", "Ukraine", "1965-09-17"),
        ("T3", "Vasyl Marchenko", "", "", "Odesa", "", "Ukraine", "1958-11-23"),
        ("T4", "Yevhen Savchenko", "", "", "Dnipro", "", "Ukraine", "1981-01-30"),
    ]
    listed = [
        ("R1", "Person", "SHEVCHUK, Nikolai", "1970-04-02", "ua", "Kyiv"),
        ("R2", "Person", "ZINCHENKO, Pavel", "1965-09-17", "ua", "Kharkiv"),
        ("R3", "Person", "MARCHENKO, Vasily", "1958-11-23", "ua", "Odesa"),
        ("R4", "Person", "SAVCHENKO, Yevgeny", "1981-01-30", "ua", "Dnipro"),
        *_OTHERS,
    ]
    weights = link_weights(tmp_path, register, listed)
    for n in range(1, 5):
        assert _p(weights, f"T{n}", f"R{n}") >= THRESHOLD, n


def test_a_given_name_and_its_other_language_or_short_form_are_one_name() -> None:
    for written, listed in (
        ("Mykola Shevchuk", "SHEVCHUK, Nikolai"),
        ("Mykhailo Kravets", "KRAVETS, Mikhail"),
        ("Fedir Rudenko", "RUDENKO, Fyodor"),
        ("Giorgi Beridze", "BERIDZE, George"),
        ("Giannis Papas", "PAPAS, Ioannis"),
        ("William Harrington", "HARRINGTON, Bill"),
        ("Sasha Vorontsov", "VORONTSOV, Aleksandr"),
        ("Margaret Ellison", "ELLISON, Peggy"),
    ):
        assert not given_name_other(written, listed), (written, listed)


def test_a_given_name_and_its_other_gender_are_two_persons() -> None:
    # set 33's "Yevgeniy Tsoy" / "TSOI, Yevgeniya" (twins, 1.000 on lead): a final "a" was
    # read as a schwa, and a final vowel compared by its gap's first vowel only ("io" / "ia")
    for written, listed in (
        ("Yevgeniy Tsoy", "TSOI, Yevgeniya"),
        ("Mario Rossi", "ROSSI, Maria"),
        ("Antonio Russo", "RUSSO, Antonia"),
        ("Julio Perez", "PEREZ, Julia"),
        ("Ivan Horvat", "HORVAT, Ivana"),
        ("Daniel Weiss", "WEISS, Daniela"),
        ("Aleksandr Volkov", "VOLKOV, Aleksandra"),
    ):
        assert given_name_other(written, listed), (written, listed)


def test_a_schwa_romanised_from_an_indic_script_is_still_free() -> None:
    # a guard (parties22's set 32): Telugu "వెంకట" romanises without its final schwa
    assert not given_name_other("వెంకట రమణ రెడ్డి", "REDDY, Venkata Ramana")


def test_a_list_name_with_diacritics_is_read_too() -> None:
    # "MÜLLER, Jörg" was skipped (the rule read only ASCII list names)
    assert given_name_other("Jürgen Müller", "MÜLLER, Jörg")
    assert not given_name_other("Jürgen Müller", "MÜLLER, Juergen")


def test_names_with_no_comma_and_another_given_name_are_two_persons(tmp_path: Path) -> None:
    # OpenSanctions' caption is "Given Family" with no comma: parties22's rule read only a
    # list's "FAMILY, Given", so twins of one birth date linked at 1.000 when written so
    register = [
        ("T1", "Aleksei Volkov", "", "", "Moskva", "", "Rossiya", "1966-12-01"),
        ("T2", "Muhammad Arif", "", "", "Multan", "", "Pakistan", "1969-10-15"),
    ]
    listed = [
        ("R1", "Person", "ALEKSANDR VOLKOV", "1966-12-01", "ru", "Moscow"),
        ("R2", "Person", "MUHAMMAD ASIF", "1969-10-15", "pk", "Multan"),
        *_OTHERS,
    ]
    weights = link_weights(tmp_path, register, listed)
    for n in range(1, 3):
        assert _p(weights, f"T{n}", f"R{n}") < THRESHOLD, n


def test_names_with_no_comma_and_one_given_name_are_one_person() -> None:
    # a guard: spellings, order, joining, a language's form and a dropped middle name
    for one, other in (
        ("Aleksandr Volkov", "ALEXANDER VOLKOV"),
        ("Volkov Aleksandr", "ALEKSANDR VOLKOV"),
        ("Abdul Rahman Saleh", "ABDULRAHMAN SALEH"),
        ("Mykola Shevchuk", "NIKOLAI SHEVCHUK"),
        ("Jose Maria Perez", "JOSE PEREZ"),
        ("Mohammadreza Karimi", "محمدرضا کریمی"),
    ):
        assert not given_name_other(one, other), (one, other)
