"""Session 30 (invoices26): the general rules batch 33's first reading (tests/documents/
layouts_batch33.py, out of sample) and last session's known gaps called for. Each test failed
on main before its rule; those marked guard did not (they keep a rule from reaching too far).
"""

from __future__ import annotations

import pytest

from clearlane.documents.layout import (
    HOME_SIGNS,
    _invoice_number,
    _unit_in_currency,
    country_code,
    currency_sign,
    label_matches,
    parse_number,
    unit_code,
    vat_id,
)


@pytest.mark.parametrize(
    ("text", "sign", "home", "code"),
    [
        ("D 3,534,500.00", "D", "GM", "GMD"),  # the Gambian dalasi, before a space and a figure
        ("M 499,600.00", "M", "LS", "LSL"),  # Lesotho's loti
        ("757.447,50 Db", "Db", "ST", "STN"),  # São Tomé's dobra, after the figure
    ],
)
def test_home_currency_signs(text: str, sign: str, home: str, code: str) -> None:
    assert currency_sign(text) == sign
    assert HOME_SIGNS[sign][home] == code


@pytest.mark.parametrize("text", ["D1", "M12", "DKK 1,200.00", "Model M4 bolt"])
def test_one_letter_signs_need_a_space_and_a_figure(text: str) -> None:  # guard
    assert currency_sign(text) not in {"D", "M"}


def test_an_amount_after_a_one_letter_sign_is_still_read() -> None:
    assert parse_number("D 3,534,500.00") is not None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("PGST 10%", "tax_total"),  # Palau
        ("PGST Reg. No.: 100456", "vat"),
        ("Taxe sur la consommation 10 %", "tax_total"),  # the Comoros
        ("Cod. Op. Ec.: SM 21458", "vat"),  # San Marino
        ("GER-nr.: 12 34 56 78", "vat"),  # Greenland
        ("I alt DKK", "grand_total"),  # Danish
        ("Total Exclusive", "tax_exclusive_total"),  # Lesotho, South Africa
    ],
)
def test_labels(text: str, key: str) -> None:
    assert key in label_matches(text)


def test_a_country_code_and_a_short_number_are_a_tax_id() -> None:
    assert vat_id("SM 21458   Tel. 0549 903412") == "SM21458"


@pytest.mark.parametrize("text", ["AB 21458 Tel. 0549", "12345 Tel. 0549 903412"])
def test_no_country_no_short_id_on_a_run_that_goes_on(text: str) -> None:  # guard
    assert vat_id(text) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("ESC-A 004817", "ESC-A 004817"),  # Nicaragua: a series of two parts, then the number
        ("FT A/2026/193", "FT A/2026/193"),  # Portugal's SAF-T: type, series / number
    ],
)
def test_series_before_the_number(text: str, number: str) -> None:
    assert _invoice_number(text) == number


def test_no_before_a_number_is_no_series() -> None:  # guard
    assert _invoice_number("NO 4711") == "4711"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Route de la Corniche, BP 1127, Moroni, Union des Comores", "KM"),
        ("República Democrática de São Tomé e Príncipe", "ST"),
        ("Strada Cà Ragni 34, 47899 Serravalle, Repubblica di San Marino", "SM"),
        ("Estado Plurinacional de Bolivia", "BO"),
    ],
)
def test_a_state_form_before_the_name(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kinshasa, République démocratique du Congo", "CD"),
        ("Union Street", None),
        ("Department of Trade", None),
    ],
)
def test_state_forms_that_decide_or_are_no_form(text: str, code: str | None) -> None:  # guard
    assert country_code(text) == code


def test_danish_box() -> None:
    assert unit_code("kasse") == "XBX"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Número de control:", "invoice_number"),  # El Salvador's DTE, its value beside it
        ("Número de control: DTE-03-M001P001-000000000001234", "invoice_number"),
        ("Section C: Buyer's Details", "buyer"),  # Uganda's EFRIS
        ("Razón social:", "buyer"),  # Uruguay's e-Factura
        ("Nombre o razón social:", "buyer"),  # Paraguay's KuDE
    ],
)
def test_labels_of_last_sessions_gaps(text: str, key: str) -> None:
    assert key in label_matches(text)


def test_a_control_number_on_its_run_that_is_no_dte_is_no_invoice_number() -> None:  # guard
    # Venezuela's 'Número de control: 00-0012345' beside an invoice's own number
    assert "invoice_number" not in label_matches("Número de control: 00-0012345")


@pytest.mark.parametrize("text", ["Unit KM", "Unit (MT)", "Unit L"])
def test_a_unit_sign_after_unit_heads_the_unit_column(text: str) -> None:
    assert not _unit_in_currency(text)


@pytest.mark.parametrize("text", ["Unit BDS$", "Unit (USD)", "Unit EUR"])
def test_a_currency_after_unit_heads_the_unit_price(text: str) -> None:  # guard
    assert _unit_in_currency(text)
