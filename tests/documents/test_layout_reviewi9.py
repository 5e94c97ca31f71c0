"""Review i9 of invoices20's rules (session 24): rules that read a wrong value on pages other
than the ones they were made for, each pinned on a label or a small page of its own. Figures in
docs/documents.md ("session 24, 6 December: batch 22")."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents.layout import label_matches, parse_number
from tests.documents.layouts import read_page

_TABLE = [(15, 70, "Description", 9), (120, 70, "Qty", 9), (140, 70, "Price", 9),
          (170, 70, "Amount", 9)]  # fmt: skip


def _row(y: float, text: str, qty: str, price: str, amount: str) -> list[tuple]:
    return [(15, y, text, 9), (120, y, qty, 9), (140, y, price, 9), (170, y, amount, 9)]


@pytest.mark.parametrize(
    "text",
    [
        # 'amount' optional before a lookahead for '(VAT incl': backtracked past it
        "Total Sales Amount (VAT Inclusive)",
        "Total sales incl. VAT",
        "Total sales including VAT",
        "Total Sales (gross)",
        "Total Sales Analytics, annual licence",  # a line's description
        "Supply value chain audit",  # (the same)
    ],
)
def test_a_gross_or_a_description_is_no_net_total(text: str) -> None:
    assert "tax_exclusive_total" not in label_matches(text)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Total sales / إجمالي المبيعات", ""),  # batch 21's Egyptian page
        ("Total Sales Amount:", ""),
        ("Total sales 1,250.00", "1,250.00"),
        ("Supply value", ""),  # batch 21's Korean page
        ("Supply value 24,230,000", "24,230,000"),
    ],
)
def test_total_sales_and_supply_value_alone_are_the_net_total(text: str, rest: str) -> None:
    assert label_matches(text)["tax_exclusive_total"].rest == rest


def test_total_sales_vat_inclusive_on_a_page_is_the_gross(tmp_path: Path) -> None:
    # invoices20 read 'Total Sales Amount (VAT Inclusive)' as the net total and lost the gross
    got = read_page(tmp_path, [
        (130, 10, "INVOICE", 14), (130, 20, "Invoice No. 10234", 9),
        (130, 25, "Date 2026-12-03", 9), (15, 20, "Brightwater Supply Co.", 10),
        *_TABLE, *_row(78, "Widget A", "10", "13.50", "135.00"),
        *_row(84, "Widget B", "4", "33.75", "135.00"),
        (90, 95, "Total Sales Amount (VAT Inclusive)", 9), (170, 95, "270.00", 9),
        (90, 100, "VAT", 9), (170, 100, "45.00", 9),
        (90, 105, "Amount Due", 9), (170, 105, "270.00", 9),
    ])  # fmt: skip
    assert got.tax_exclusive_total is None
    assert (got.grand_total, got.due_payable) == ("270.00", "270.00")


@pytest.mark.parametrize("text", ["Issuer / البائع", "Issuer", "Issuer:", "Issuer details"])
def test_issuer_as_a_caption_is_the_seller(text: str) -> None:
    assert label_matches(text)["seller"].rest == ""  # batch 21's Egyptian e-invoice


@pytest.mark.parametrize("text", ["Issuer: First Federal Bank", "Issuer Bank: Chase Bank N.A."])
def test_an_issuer_with_a_name_beside_it_is_no_seller_label(text: str) -> None:
    assert "seller" not in label_matches(text)


def test_a_letter_of_credits_issuer_is_not_the_seller(tmp_path: Path) -> None:
    # invoices20's 'issuer' read the bank under a payment note as the seller, over the
    # letterhead's name (and lost the seller's country with it)
    got = read_page(tmp_path, [
        (15, 10, "Brightwater Supply Co.", 12),
        (15, 16, "1200 Harbor Blvd, Oakland, CA 94607, USA", 8),
        (140, 10, "INVOICE", 14), (130, 20, "Invoice No. 10234", 9),
        (130, 25, "Date: 2026-12-03", 9), (15, 35, "Bill To:", 9),
        (15, 40, "Lakeside Hardware LLC", 9), (15, 45, "Burlington, VT 05401, USA", 9),
        *_TABLE, *_row(78, "Widget A", "10", "12.50", "125.00"),
        (100, 95, "Total", 9), (170, 95, "125.00", 9),
        (15, 110, "Payment by letter of credit", 8), (15, 115, "Issuer: First Federal Bank", 8),
        (15, 120, "Beneficiary: Brightwater Supply Co.", 8),
    ])  # fmt: skip
    assert (got.seller_name, got.seller_country) == ("Brightwater Supply Co.", "US")


@pytest.mark.parametrize(
    "serial",
    [
        [(15, 82, "Serie: 88A1", 7)],  # a line's serial number under its description
        [(15, 40, "Equipo", 8), (15, 45, "Serie: 7", 8)],  # an equipment block's
    ],
)
def test_a_serial_number_far_from_the_folio_is_no_series(
    tmp_path: Path, serial: list[tuple[float, float, str, float]]
) -> None:
    # invoices20 joined any 'Serie:' on the page to the folio: '88A1 1187', a wrong number
    got = read_page(tmp_path, [
        (15, 10, "Maquinaria del Bajío S.A. de C.V.", 12), (15, 16, "León, Guanajuato", 8),
        (140, 10, "FACTURA", 14), (130, 20, "Folio: 1187", 9), (130, 25, "Fecha: 2026-12-03", 9),
        (15, 70, "Descripción", 9), (120, 70, "Cantidad", 9), (140, 70, "Precio", 9),
        (170, 70, "Importe", 9), (15, 78, "Compresor de aire 50 L", 9), (120, 78, "1", 9),
        (140, 78, "8,500.00", 9), (170, 78, "8,500.00", 9), *serial,
        (100, 100, "Total", 9), (170, 100, "9,860.00", 9),
    ])  # fmt: skip
    assert got.invoice_number == "1187"


def test_a_series_beside_the_folio_on_its_line_is_read(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        (15, 10, "Destiladora Los Altos, S.A. de C.V.", 12), (150, 10, "FACTURA", 13),
        (110, 20, "Serie:", 9), (125, 20, "B", 9), (140, 20, "Folio:", 9), (160, 20, "1187", 9),
    ])  # fmt: skip
    assert got.invoice_number == "B 1187"


@pytest.mark.parametrize("text", ["10.3240 1.45", "1.45 2.10", "3 450,00 25,5", "1 2345"])
def test_two_figures_side_by_side_are_no_number(text: str) -> None:
    # batch 22's Chinese page: its CNY and USD unit prices in one run, read as 103240145 (main
    # and lead alike): a space groups thousands only before exactly three digits
    assert parse_number(text, ",") is None and parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("1 234,50", "1234.50"), ("12 345 678", "12345678"), ("EUR 1 234,50", "1234.50"),
     ("I 200,00", "1200.00"), ("(1 234,50)", "-1234.50"), ("1\u202f234,50", "1234.50")],
)  # fmt: skip
def test_a_space_between_thousands_is_still_read(text: str, value: str) -> None:
    assert str(parse_number(text, ",")) == value
