"""Month names from CLDR (Babel) in the invoice reader's dates (session 26, invoices22): the
languages the hand-written table of 20 had, and the ones it lacked."""

from __future__ import annotations

import pytest

from clearlane.documents.layout import cldr_month_names, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # read before, from the hand-written table: still read
        ("3 December 2026", "2026-12-03"),
        ("Dec 3, 2026", "2026-12-03"),
        ("12 Sept 2026", "2026-09-12"),
        ("3 Mar 2026", "2026-03-03"),  # not Finnish 'marraskuu' (November)
        ("4 mei 2026", "2026-05-04"),  # not Irish 'Meitheamh' (June)
        ("3. Dezember 2026", "2026-12-03"),
        ("15 марта 2026 г.", "2026-03-15"),
        ("2026 m. kovo 9 d.", "2026-03-09"),
        ("5 d'abril de 2026", "2026-04-05"),
        ("2026-жылдын 20-апрели", "2026-04-20"),  # Kyrgyz possessive: not in CLDR
        ("12 ta' Marzu 2026", "2026-03-12"),
        # read now: CLDR's names for languages the table lacked
        ("15 նոյեմբերի 2026 թ.", "2026-11-15"),  # Armenian, genitive, the year's word
        ("12 ნოემბერი 2026", "2026-11-12"),  # Georgian
        ("5 Disember 2026", "2026-12-05"),  # Malay
        ("20 de Novembro de 2026", "2026-11-20"),  # Portuguese
        ("9 octombrie 2026", "2026-10-09"),  # Romanian
        ("14 października 2026", "2026-10-14"),  # Polish, genitive
        ("7. listopadu 2026", "2026-11-07"),  # Czech, genitive
        ("3 Ekim 2026", "2026-10-03"),  # Turkish
        ("21 Μαρτίου 2026", "2026-03-21"),  # Greek, genitive
    ],
)
def test_month_names_in_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_a_month_name_two_languages_give_two_months_is_no_date() -> None:
    # Polish 'listopada' is November, Croatian 'listopada' October: no guess
    assert parse_date("5 listopada 2026") is None


def test_one_locales_names_do_not_leak_into_anothers() -> None:
    # Babel 2.18 writes an alias resolved for 'az' into root's shared months, after which
    # Georgian's stand-alone names read 'noyabr': each locale is read in a copy of its own
    cldr_month_names("az")
    names = cldr_month_names("ka")[11]
    assert names == {"ნოემბერი", "ნოე"}
