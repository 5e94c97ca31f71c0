"""Probes of the eighth batch's general rules (c90d0c4) on pages they were not written for:
each page read a wrong value (or lost a right one) with the rule as first written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.documents.layouts import read_page

Texts = list[tuple[float, float, str, float]]


def _row(y: float, xs: list[float], cells: list[str]) -> Texts:
    return [(x, y, cell, 8) for x, cell in zip(xs, cells, strict=True) if cell]


def _issuer(country: str, buyer: str, sign: str) -> Texts:
    return [
        (15, 12, "Test Trading Pvt. Ltd.", 14), (15, 20, "Ring Road 4", 8), (15, 24, country, 8),
        (150, 12, "INVOICE", 16),
        (15, 40, "Bill To:", 9), (15, 45, "Buyer Test Ltd.", 9), (15, 50, buyer, 9),
        (120, 80, "TOTAL", 9), (165, 80, f"{sign}1,009,000", 9),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("seller", "buyer", "sign"),
    [
        ("Kathmandu, Nepal", "New Delhi, India", "Rs. "),  # Nepal's trade with India: in INR
        ("Shanghai, China", "Osaka, Japan", "¥"),  # a Chinese exporter billing a Japanese buyer
    ],
)
def test_a_sign_both_parties_print_for_their_own_currency_names_none(
    tmp_path: Path, seller: str, buyer: str, sign: str
) -> None:
    got = read_page(tmp_path, _issuer(seller, buyer, sign))
    assert got.buyer_name == "Buyer Test Ltd."
    assert got.currency is None  # was the seller's: NPR, CNY


def test_a_sign_of_the_issuer_s_currency_with_a_buyer_abroad_elsewhere(tmp_path: Path) -> None:
    # a German buyer has no rupee of its own: the Nepali issuer's 'Rs.' stays its NPR
    got = read_page(tmp_path, _issuer("Kathmandu, Nepal", "Hamburg, Germany", "Rs. "))
    assert got.currency == "NPR"


RETURN = [
    (15, 12, "Kessler Test GmbH", 14),
    (15, 20, "Kessler Test GmbH · Pragstraße 140 · 70376 Stuttgart", 6.5),
    (125, 60, "Rechnungsnummer", 9), (163, 60, "KA-1", 9),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "size"),
    [("RECHNUNG", 14), ("Sehr geehrte Damen und Herren,", 9), ("Stuttgart, 05.03.2026", 9)],
)
def test_a_line_under_the_return_line_that_is_no_address_is_no_buyer(
    tmp_path: Path, text: str, size: float
) -> None:
    got = read_page(tmp_path, [*RETURN, (15, 31, text, size)])
    assert got.buyer_name is None  # was the title, the greeting, the place and date


def test_a_window_address_under_the_return_line_still_is_the_buyer(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        *RETURN, (15, 26, "Hofmann Landtechnik KG", 9), (15, 30.5, "Einsteinstraße 9", 9),
        (15, 35, "89077 Ulm", 9),
    ])  # fmt: skip
    assert got.buyer_name == "Hofmann Landtechnik KG"


DE_HEAD = [(15, 12, "RECHNUNG", 14), (120, 20, "Rechnungsnummer", 9), (160, 20, "R-1", 9)]


def test_a_wert_column_alone_is_the_amount(tmp_path: Path) -> None:
    xs = [15, 70, 95, 125, 170]
    got = read_page(tmp_path, [
        *DE_HEAD, *_row(60, xs, ["Bezeichnung", "Menge", "Einh.", "Preis", "Wert EUR"]),
        *_row(67, xs, ["Keilriemen SPZ", "40", "Stk", "12,40", "496,00"]),
    ])  # fmt: skip
    assert [line.amount for line in got.line_items] == ["496.00"]


def test_an_item_code_with_only_an_amount_is_an_item(tmp_path: Path) -> None:
    xs = [15, 45, 110, 135, 170]
    got = read_page(tmp_path, [
        (15, 12, "INVOICE", 14), (120, 20, "Invoice No.", 9), (160, 20, "Q-1", 9),
        *_row(60, xs, ["Item", "Description", "Qty", "Rate", "Amount"]),
        *_row(67, xs, ["Widgets", "Blue widget, large", "10", "5.00", "50.00"]),
        *_row(73, xs, ["Shipping", "", "", "", "12.50"]),
        (130, 90, "Total", 9), (170, 90, "$62.50", 9),
    ])  # fmt: skip
    # 'Shipping' in the Item column is an item (was dropped as a row of the totals)
    assert [line.amount for line in got.line_items] == ["50.00", "12.50"]


def test_a_price_per_another_unit_than_the_line_s_is_no_unit_price(tmp_path: Path) -> None:
    xs = [25, 100, 130, 170]
    got = read_page(tmp_path, [
        (15, 12, "COMMERCIAL INVOICE", 14), (120, 20, "Invoice No.", 9), (160, 20, "NB-1", 9),
        *_row(72, xs, ["DESCRIPTION", "QUANTITY", "UNIT PRICE", "AMOUNT"]),
        *_row(79, xs, ["Ceramic mugs", "50 CTNS", "US$2.50/PC", "US$1,250.00"]),
        *_row(85, xs, ["Glass jars", "400 PCS", "US$1.10/PC", "US$440.00"]),
    ])  # fmt: skip
    # 50 cartons at 2.50 a piece: 2.50 is no price per carton (was 2.5 beside unit CT)
    assert [(line.quantity, line.unit_code, line.unit_price) for line in got.line_items] == [
        ("50", "XCT", None), ("400", "H87", "1.1")
    ]  # fmt: skip


def test_a_customer_number_beside_the_label_over_the_customer_s_address(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        (15, 10, "Kessler Test GmbH", 14),
        (15, 16, "Pragstraße 140, 70376 Stuttgart, Deutschland", 8),
        (130, 10, "RECHNUNG", 14), (130, 30, "Rechnungsnummer", 9), (165, 30, "R-2026-1", 9),
        (15, 40, "Kunde:", 9), (45, 40, "4711003", 9), (15, 45, "Hofmann Landtechnik KG", 9),
        (15, 49.5, "Einsteinstraße 9", 9), (15, 54, "89077 Ulm", 9), (15, 58.5, "Deutschland", 9),
    ])  # fmt: skip
    assert (got.buyer_name, got.buyer_country) == ("Hofmann Landtechnik KG", "DE")  # was None


@pytest.mark.parametrize(
    ("title", "word", "number"),
    [("GUTSCHRIFT", "Rechnung", "9000067812"), ("CREDIT NOTE", "Invoice", "INV-1001")],
)
def test_a_credit_note_s_reference_to_an_invoice_is_not_its_number(
    tmp_path: Path, title: str, word: str, number: str
) -> None:
    got = read_page(tmp_path, [
        (15, 10, "Kessler Test GmbH", 14), (130, 10, title, 16),
        (120, 31.5, word, 9), (152, 31.5, number, 9), (120, 36, "Datum", 9),
        (152, 36, "05.03.2026", 9),
    ])  # fmt: skip
    assert got.type_code == "381"
    assert got.invoice_number is None  # was the invoice's number the credit note cites


@pytest.mark.parametrize("beside", ["+1 555 123 4567", "SW1A 1AA"])
def test_contact_details_beside_the_title_are_no_number(tmp_path: Path, beside: str) -> None:
    got = read_page(tmp_path, [(15, 10, "INVOICE", 16), (60, 11, beside, 9)])
    assert got.invoice_number is None  # was '+1', 'SW1A'


@pytest.mark.parametrize(
    "head",
    [
        # 'Wert' beside another amount column (the eighth batch's rule as first written)
        ["Bezeichnung", "Menge", "Preis", "Wert", "Gesamtwert"],
        ["Bezeichnung", "Menge", "Preis", "Gesamt", "Wert"],
        ["Bezeichnung", "Menge", "Preis", "Wert", "Betrag"],
        # two columns both named as the amount (older than that rule)
        ["Description", "Qty", "Price", "Value", "Amount"],
        ["Bezeichnung", "Menge", "Preis", "Betrag", "Gesamt"],
        ["Description", "Qty", "Unit Price", "Total", "Amount"],
    ],
)
def test_two_columns_named_as_the_amount_give_one_amount_not_their_figures_joined(
    tmp_path: Path, head: list[str]
) -> None:
    xs = [15, 70, 95, 125, 170]
    got = read_page(tmp_path, [
        *DE_HEAD, *_row(60, xs, head),
        *_row(67, xs, ["Keilriemen SPZ", "40", "12,40", "496,00", "496,00"]),
    ])  # fmt: skip
    # were '4960049600.00': the two columns' figures read as one number
    assert [line.amount for line in got.line_items] == ["496.00"]
