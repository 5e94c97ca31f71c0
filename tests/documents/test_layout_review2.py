"""Rules of the sixth batch's reading (tests/documents/layouts_unseen2.py) on invoices they
were not written for: each page here gave a wrong value under one of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents import extract
from tests.documents.layouts import Sheet, read_page


def _row(y: float, xs: list[float], cells: list[str]) -> list[tuple[float, float, str, float]]:
    return [(x, y, cell, 9) for x, cell in zip(xs, cells, strict=True) if cell]


def test_a_bruto_column_without_a_tax_column_is_no_invoice_total(tmp_path: Path) -> None:
    # Spain's 'Bruto' is the amount before the discount ('Bruto', 'Dto %', 'Importe'), not the
    # amount with tax: the total row's invoice total is the one under 'Importe'.
    xs = [15, 80, 100, 122, 150, 170]
    got = read_page(tmp_path, [
        (15, 15, "Factura nº: F-2026/0331", 9),
        *_row(40, xs, ["Descripción", "Cantidad", "Precio", "Bruto", "Dto %", "Importe"]),
        *_row(48, xs, ["Azulejo blanco", "100", "10,00", "1.000,00", "10", "900,00"]),
        *_row(54, xs, ["Azulejo azul", "50", "12,00", "600,00", "", "600,00"]),
        *_row(60, xs, ["Total", "", "", "1.600,00", "", "1.500,00"]),
        (15, 70, "Exportación exenta de IVA", 9),
    ])  # fmt: skip
    assert [line.amount for line in got.line_items] == ["900.00", "600.00"]
    assert got.grand_total == "1500.00"


def test_a_transport_van_line_is_an_item(tmp_path: Path) -> None:
    # Dutch 'Transport van pallets' is a line ('transport of'); only 'Transport van vorige
    # pagina' or 'Transport naar volgende pagina' carries a page's total.
    xs = [15, 100, 125, 165]
    got = read_page(tmp_path, [
        (15, 15, "Factuurnummer: F-2026-118", 9),
        *_row(40, xs, ["Omschrijving", "Aantal", "Prijs", "Bedrag"]),
        *_row(48, xs, ["Transport van pallets naar Antwerpen", "2", "350,00", "700,00"]),
        *_row(54, xs, ["Opslag december", "1", "120,00", "120,00"]),
        *_row(60, xs, ["Transport naar volgende pagina", "", "", "820,00"]),
    ])  # fmt: skip
    assert [(line.description, line.amount) for line in got.line_items] == [
        ("Transport van pallets naar Antwerpen", "700.00"), ("Opslag december", "120.00")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("quantity", "amount"), [("Qty PCS", "Total FOB"), ("Quantity SET", "Amount EXW")]
)
def test_a_unit_or_incoterm_after_a_header_still_names_its_column(
    tmp_path: Path, quantity: str, amount: str
) -> None:
    # Exporters print the unit and the Incoterm in the header as they print the currency
    # ('Unit Price USD'); only a tax's code is part of the header ('VAT Amount').
    sheet = Sheet()
    sheet.text(15, 15, "Invoice No.: NB-2026-118")
    sheet.table(40, [("Description", 15, 70, "L"), (quantity, 90, 25, "R"),
                     ("Unit Price USD", 120, 30, "R"), (amount, 155, 40, "R")],
                [["Ceramic mug 350 ml", "1,200", "1.10", "1,320.00"],
                 ["Gift box", "1,200", "0.25", "300.00"]])  # fmt: skip
    path = tmp_path / "page.pdf"
    path.write_bytes(sheet.output())
    got = extract(path)
    assert [(line.description, line.quantity, line.amount) for line in got.line_items] == [
        ("Ceramic mug 350 ml", "1200", "1320.00"), ("Gift box", "1200", "300.00")
    ]  # fmt: skip


def test_a_bank_in_the_footer_is_no_other_issuer(tmp_path: Path) -> None:
    # The footer's bank ('Barclays Bank PLC') keeps the seller's account; it does not make
    # the footer's VAT id another company's.
    got = read_page(tmp_path, [
        (15, 15, "Harrow & Finch Ltd", 15),
        (15, 23, "Unit 7, Canal Works, Leeds LS11 5QN, United Kingdom", 9),
        (130, 25, "Invoice Number: HF-2026-0907", 9),
        (15, 270, "Harrow & Finch Ltd · Barclays Bank PLC · IBAN GB29 NWBK 6016 1331 9268 19"
         " · VAT No. GB 123 4567 89", 7),
    ])  # fmt: skip
    assert got.seller_name == "Harrow & Finch Ltd"
    assert got.seller_vat_id == "GB123456789"


def test_a_marketplace_in_the_footer_still_keeps_its_id(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        (15, 15, "Harrow & Finch Ltd", 15),
        (15, 23, "Unit 7, Canal Works, Leeds LS11 5QN, United Kingdom", 9),
        (130, 25, "Invoice Number: HF-2026-0907", 9),
        (15, 270, "Sold on Marketplace Europe S.à r.l. · VAT No. LU 2698 3612", 7),
    ])  # fmt: skip
    assert got.seller_vat_id is None


def test_a_chinese_credit_code_under_the_seller_is_its_tax_id(tmp_path: Path) -> None:
    # China's unified social credit code has 18 letters and digits: one word, no run that
    # goes on, so no longer than an EU VAT id need be for it to be one.
    got = read_page(tmp_path, [
        (15, 30, "Seller:", 9),
        (15, 35, "Ningbo Bright Ceramics Co., Ltd.", 9),
        (15, 40, "88 Jiangnan Road, Ningbo, China", 9),
        (15, 45, "Tax ID: 91330200MA2CL0XX1X", 9),
        (130, 30, "Invoice No.: NB-2026-118", 9),
    ])  # fmt: skip
    assert got.seller_name == "Ningbo Bright Ceramics Co., Ltd."
    assert got.seller_vat_id == "91330200MA2CL0XX1X"


def test_an_item_with_a_carry_word_in_its_description_is_an_item(tmp_path: Path) -> None:
    # 'Carry over', 'a reporter' (France's 'à reporter') in a description: a line with a
    # quantity and a price is an item; the carry line has neither.
    xs = [15, 100, 125, 165]
    got = read_page(tmp_path, [
        (15, 15, "Invoice No.: PS-88213", 9),
        *_row(40, xs, ["Item", "Qty", "Rate", "Amount"]),
        *_row(48, xs, ["Carry over bag", "2", "10.00", "20.00"]),
        *_row(54, xs, ["Voice recorder for a reporter", "1", "40.00", "40.00"]),
        (120, 60, "Carried forward", 9), (165, 60, "60.00", 9),
    ])  # fmt: skip
    assert [(line.description, line.amount) for line in got.line_items] == [
        ("Carry over bag", "20.00"), ("Voice recorder for a reporter", "40.00")
    ]  # fmt: skip


def test_an_item_named_rounding_is_no_rounding_line(tmp_path: Path) -> None:
    # 'Rounding tool set' is an item: with no rounding line the amount due is the total.
    xs = [15, 100, 125, 165]
    got = read_page(tmp_path, [
        (15, 15, "Invoice No.: PS-88213", 9),
        *_row(40, xs, ["Item", "Qty", "Rate", "Amount"]),
        *_row(48, xs, ["Rounding tool set", "5", "12.00", "60.00"]),
        (120, 60, "Total", 9), (165, 60, "60.00", 9),
    ])  # fmt: skip
    assert (got.grand_total, got.due_payable) == ("60.00", "60.00")


@pytest.mark.parametrize("first", ["Date of supply", "Currency EUR", "Datum Lieferung"])
def test_a_label_under_a_party_caption_is_no_name(tmp_path: Path, first: str) -> None:
    # 'Customer' over a box of details that starts with a label: the name is elsewhere (the
    # 'Bill To:' block); a label's word starts a name only in a company's ('Date Palm LLC').
    got = read_page(tmp_path, [
        (15, 40, "Customer", 9), (15, 45, first, 9), (15, 50, "Account C-1182", 9),
        (110, 40, "Bill To:", 9), (110, 45, "Northwind Traders Ltd", 9),
        (110, 50, "5 Wharf Road", 9), (110, 55, "London N1 7GU", 9),
        (110, 60, "United Kingdom", 9), (15, 70, "Invoice Number: PS-88213", 9),
    ])  # fmt: skip
    assert got.buyer_name == "Northwind Traders Ltd"


def test_a_company_starting_with_a_label_word_is_a_name(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        (15, 40, "Bill To:", 9), (15, 45, "Date Palm Trading LLC", 9),
        (15, 50, "PO Box 1123, Dubai", 9), (15, 55, "United Arab Emirates", 9),
        (15, 70, "Invoice Number: PS-88213", 9),
    ])  # fmt: skip
    assert got.buyer_name == "Date Palm Trading LLC"


def _totals_under_a_table(
    total_row: str, below: list[tuple[str, str]], header: list[str], items: list[list[str]]
) -> list[tuple[float, float, str, float]]:
    """An item table ending in a total row, then the totals' lines under it (label, value)."""
    xs = [15, 100, 125, 165]
    texts = [(15.0, 15.0, "Invoice No.: INV-2026-0418", 9.0), *_row(40, xs, header)]
    y = 48.0
    for cells in items:
        texts += _row(y, xs, cells)
        y += 6
    texts += _row(y, xs, ["Total", "", "", total_row])
    y += 12
    for label, value in below:
        texts += [(120.0, y, label, 9.0), (165.0, y, value, 9.0)]
        y += 6
    return texts


_ES_HEAD = ["Descripción", "Cantidad", "Precio", "Importe"]
_ES_ITEMS = [
    ["Azulejo blanco", "100", "10,00", "1.000,00"],
    ["Azulejo azul", "50", "10,00", "500,00"],
]
_EN_HEAD = ["Description", "Qty", "Unit Price", "Amount"]
_EN_ITEMS = [["Ceramic mug", "100", "10.00", "1,000.00"], ["Gift box", "50", "10.00", "500.00"]]


@pytest.mark.parametrize(
    ("total_row", "below", "head", "items", "want"),
    [
        pytest.param(
            "1.500,00",
            [("Base imponible", "1.500,00"), ("IVA 21%", "315,00"), ("Total factura", "1.815,00")],
            _ES_HEAD, _ES_ITEMS, ("1500.00", "315.00", "1815.00"), id="es",
        ),
        pytest.param(
            "1,500.00",
            [("Subtotal", "1,500.00"), ("VAT 20%", "300.00"), ("Invoice total", "1,800.00")],
            _EN_HEAD, _EN_ITEMS, ("1500.00", "300.00", "1800.00"), id="en",
        ),
        pytest.param(  # no net line: the table's total plus the tax is the later total
            "1,500.00", [("VAT 20%", "300.00"), ("Invoice total", "1,800.00")],
            _EN_HEAD, _EN_ITEMS, (None, "300.00", "1800.00"), id="en-no-net",
        ),
    ],
)  # fmt: skip
def test_a_table_total_row_of_the_net_is_no_invoice_total(
    tmp_path: Path,
    total_row: str,
    below: list[tuple[str, str]],
    head: list[str],
    items: list[list[str]],
    want: tuple[str | None, str, str],
) -> None:
    # The item table's 'Total' row sums its lines (the net); the invoice total is the later
    # line whose value is that net plus the tax.
    got = read_page(tmp_path, _totals_under_a_table(total_row, below, head, items))
    assert (got.tax_exclusive_total, got.tax_total, got.grand_total) == want
    assert got.due_payable == want[2]


@pytest.mark.parametrize(
    ("total_row", "below", "want"),
    [
        pytest.param("1,500.00", [], "1500.00", id="only-the-table-total"),
        pytest.param(  # the table's total row is the total with tax; nothing later says else
            "1,800.00", [("Net", "1,500.00"), ("VAT 20%", "300.00")], "1800.00", id="gross-row",
        ),
        pytest.param(  # a later total that is not net + tax does not displace the first
            "1,500.00", [("Subtotal", "1,500.00"), ("VAT 20%", "300.00"),
                         ("Total", "1,850.00")], "1500.00", id="inconsistent-later",
        ),
        pytest.param(  # exempt: the net is the total
            "1,500.00", [("Subtotal", "1,500.00"), ("VAT 0%", "0.00"),
                         ("Invoice total", "1,500.00")], "1500.00", id="zero-tax",
        ),
    ],
)  # fmt: skip
def test_a_table_total_row_stays_the_invoice_total_without_a_later_gross(
    tmp_path: Path, total_row: str, below: list[tuple[str, str]], want: str
) -> None:
    got = read_page(tmp_path, _totals_under_a_table(total_row, below, _EN_HEAD, _EN_ITEMS))
    assert got.grand_total == want
