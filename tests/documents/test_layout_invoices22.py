"""Session 26 (invoices22): general rules behind batch 24's and batch 25's wrong values and
misses (docs/documents.md, "session 26, 2026-12-06: batch 25 and CLDR month names")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clearlane.documents.layout import (
    _looks_like_a_name,
    _vat_id_country,
    label_matches,
    parse_number,
    unit_code,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("₦1,644,000.00", "1644000.00"),  # the naira
        ("GH₵ 247,000.00", "247000.00"),  # the cedi
        ("18.040.000,00 Kz", "18040000.00"),  # the kwanza
        ("1 946 840,00 DA", "1946840.00"),  # the Algerian dinar
    ],
)
def test_an_amount_with_its_currency_sign_is_read(text: str, value: str) -> None:
    assert parse_number(text, None) == Decimal(value)


@pytest.mark.parametrize(
    ("printed", "code"),
    # (session 33) a sack is Rec 21's SA, no longer a bag (docs/documents.md, conventions)
    [("bag", "XBG"), ("saco", "XSA"), ("sack", "XSA"), ("tonne", "TNE"), ("km", "KMT")],
)  # fmt: skip
def test_unit_words(printed: str, code: str) -> None:
    assert unit_code(printed) == code


def test_t_is_a_tonne_or_hours_by_the_pages_language() -> None:
    assert unit_code("t", {"uz"}) == "TNE"  # Uzbek 'Armatura A500C … 4 t'
    assert unit_code("t", {"nb"}) == "HUR"  # Norwegian 'timer'
    assert unit_code("t") is None  # no language: no guess


def test_a_date_in_another_calendar_is_no_issue_date() -> None:
    assert "issue_date" not in label_matches("Date (B.S.): 2083-07-26")  # Nepal's Bikram Sambat
    assert "issue_date" not in label_matches("Date (E.C.): Tikimt 5, 2019")  # Ethiopia's
    assert "issue_date" in label_matches("Date (A.D.): 12 Nov 2026")


def test_a_kilometre_is_no_estonian_vat() -> None:
    # a haulier's unit column ('km 840'): not Estonia's 'KM' (käibemaks)
    assert "tax_total" not in label_matches("km 840 1,850.00 1,554,000.00")
    assert "tax_total" in label_matches("KM 22%")


def test_a_numbered_title_is_no_company_name() -> None:
    assert not _looks_like_a_name("ՀԱՇԻՎ-ԱՊՐԱՆՔԱԳԻՐ N 0417")
    assert not _looks_like_a_name("ФАКТУРА № 12")
    assert _looks_like_a_name("Lone Star Fasteners, LLC")
    assert _looks_like_a_name("Sahel Haulage Nigeria Limited")


@pytest.mark.parametrize(
    ("vat_id", "country"),
    [("RO34567890", "RO"), ("EL099876543", "GR"), ("XI123456789", "GB"), ("601234567", None),
     (None, None)],
)  # fmt: skip
def test_a_vat_ids_country(vat_id: str | None, country: str | None) -> None:
    assert _vat_id_country(vat_id) == country
