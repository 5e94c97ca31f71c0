"""Session 36 (review i21 of invoices33): the edges of the reader that batch 47's first reading
(tests/documents/layouts_review21.py, out of sample) showed, each on a small page of its own
worded apart from the batch. Each test failed on lead before its fix; those marked guard did
not (they keep a fix from reaching too far). Figures in docs/documents.md ("Session 36,
2026-12-07: review i21").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.core.codelists.country_names import ADDRESS_LINE, country_code
from clearlane.documents import extract
from clearlane.documents.models import Extraction
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_unseen2 import Sheet2

_Col = tuple[str, float, float, str]
_COLS: list[_Col] = [
    ("Description", 15, 88, "L"),
    ("Qty", 105, 16, "R"),
    ("Unit", 123, 12, "L"),
    ("Price", 137, 26, "R"),
    ("Amount", 165, 30, "R"),
]
_ROWS = [["Steel hinge 80 mm", "400", "pcs", "2.50", "1,000.00"],
         ["Door handle, brushed", "150", "pcs", "8.00", "1,200.00"]]  # fmt: skip


def _invoice(
    tmp_path: Path,
    totals: list[tuple[str, str]],
    *,
    columns: list[_Col] = _COLS,
    rows: list[list[str]] = _ROWS,
    totals_x: float = 110,
    buyer: str = "United Kingdom",
    table_total: list[str] | None = None,
) -> Extraction:
    """A one-page invoice: a British seller, the buyer, an item table, the totals under it."""
    s = Sheet2()
    s.text(15, 12, "Harbour Hardware Ltd", size=13, bold=True)
    _block(s, 15, 20, ["4 Dock Road, Bristol BS1 5TT, United Kingdom"], size=8)
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(125, 24, [("Invoice No.:", "HH-7731"), ("Date:", "14 November 2026")], gap=24)
    s.text(15, 38, "Bill To:", size=8.5, bold=True)
    _block(s, 15, 43, ["Northgate Builders Ltd", "22 Mill Lane", buyer])
    y = s.grid(68, columns, rows, size=8.5)
    s.pdf.line(15, y, 195, y)
    if table_total is not None:
        for (_, x, width, align), value in zip(columns, table_total, strict=True):
            s.text(x, y + 2, value, size=8.5, bold=True, width=width, align=align)
        y += 8
    _totals(s, totals_x, 161, y + 4, totals)
    path = tmp_path / "invoice.pdf"
    path.write_bytes(s.output())
    return extract(path)


# -- a weight column read as the quantity beside a quantity column of its own -----------------

_PACKED: list[_Col] = [("Description", 15, 60, "L"), ("Cases", 76, 14, "R"),
                       ("Net kg", 92, 18, "R"), ("Qty", 112, 24, "R"),
                       ("Unit Price", 138, 24, "R"), ("Amount", 165, 30, "R")]  # fmt: skip


def test_net_kg_beside_a_quantity_column_is_no_quantity(tmp_path: Path) -> None:
    """Lead read 'Net kg' as a quantity column (invoices32: a commodity priced per kg) beside
    'Qty', and the two cells as one ('96.0 400'): no quantity on any line."""
    rows = [["Steel hinge 80 mm", "8", "96.0", "400 pcs", "2.50", "1,000.00"],
            ["Door handle, brushed", "5", "61.5", "150 pcs", "8.00", "1,200.00"]]  # fmt: skip
    got = _invoice(tmp_path, [("Total GBP", "2,200.00")], columns=_PACKED, rows=rows)
    assert [(i.quantity, i.unit_code) for i in got.line_items] == [("400", "H87"), ("150", "H87")]


def test_net_kg_alone_is_still_the_quantity(tmp_path: Path) -> None:
    """Guard: with no other quantity column, 'Net kg' stays the quantity (invoices32)."""
    columns: list[_Col] = [("Description", 15, 88, "L"), ("Net kg", 105, 26, "R"),
                           ("Price/kg", 137, 26, "R"), ("Amount", 165, 30, "R")]  # fmt: skip
    rows = [["Green coffee, washed", "1,200", "4.10", "4,920.00"]]
    got = _invoice(tmp_path, [("Total GBP", "4,920.00")], columns=columns, rows=rows)
    assert [i.quantity for i in got.line_items] == ["1200"]


# -- Turkish 'Fiyat' (price) alone heads the unit price ----------------------------------------


def test_turkish_fiyat_alone_is_the_unit_price(tmp_path: Path) -> None:
    columns: list[_Col] = [("Açıklama", 15, 88, "L"), ("Miktar", 105, 16, "R"),
                           ("Birim", 123, 12, "L"), ("Fiyat", 137, 26, "R"),
                           ("Tutar", 165, 30, "R")]  # fmt: skip
    rows = [["Pamuklu havlu", "500", "Adet", "3,40", "1.700,00"]]
    got = _invoice(tmp_path, [("Genel Toplam EUR", "1.700,00")], columns=columns, rows=rows)
    assert [(i.quantity, i.unit_price) for i in got.line_items] == [("500", "3.4")]


# -- the item table's total row repeating the goods' sum before the freight --------------------


def test_table_total_row_of_the_goods_sum_before_freight_is_no_invoice_total(
    tmp_path: Path,
) -> None:
    """Lead took the table's 'TOTAL' row (the goods' sum, the same as 'Total FOB' over the
    freight) for the invoice total, not the 'Total CIF' after the freight and insurance."""
    got = _invoice(
        tmp_path,
        [
            ("Total FOB Felixstowe", "2,200.00"),
            ("Sea Freight", "310.00"),
            ("Insurance", "25.00"),
            ("Total CIF Rotterdam", "2,535.00"),
        ],  # fmt: skip
        totals_x=100,
        table_total=["TOTAL", "550", "", "", "2,200.00"],
    )
    assert (got.grand_total, got.due_payable) == ("2535.00", "2535.00")


def test_table_total_row_with_no_charges_stays_the_total(tmp_path: Path) -> None:
    """Guard: a table's total row and a total with nothing added after it: the total."""
    got = _invoice(tmp_path, [("Total GBP", "2,200.00")], table_total=["TOTAL", "550", "", "",
                                                                        "2,200.00"])  # fmt: skip
    assert got.grand_total == "2200.00"


# -- a total over a discount and the tax line: the goods' sum ---------------------------------


def test_total_over_a_discount_and_the_tax_is_the_goods_sum(tmp_path: Path) -> None:
    """Lead read 'Total value' over 'Discount 10%', 'Net value', 'VAT 20%' and 'Amount
    payable' as the invoice total: the sum before the discount and the tax."""
    got = _invoice(
        tmp_path,
        [
            ("Total value", "2,200.00"),
            ("Discount 10%", "-220.00"),
            ("Net value", "1,980.00"),
            ("VAT 20%", "396.00"),
            ("Amount payable", "2,376.00"),
        ],  # fmt: skip
    )
    assert (got.tax_exclusive_total, got.tax_total, got.grand_total, got.due_payable) == (
        "1980.00", "396.00", "2376.00", "2376.00",
    )  # fmt: skip


def test_total_over_a_prompt_payment_discount_stays_the_total(tmp_path: Path) -> None:
    """Guard: 'Total' after the VAT line, a discount for paying early under it, 'Amount
    payable' under that: the total is the invoice's, the discount only the amount due's."""
    got = _invoice(
        tmp_path,
        [
            ("Net value", "2,200.00"),
            ("VAT 20%", "440.00"),
            ("Total", "2,640.00"),
            ("Discount 2%", "-52.80"),
            ("Amount payable", "2,587.20"),
        ],  # fmt: skip
    )
    assert got.grand_total == "2640.00"


# -- an unknown totals row under the items, a charge after it ---------------------------------


@pytest.mark.parametrize(
    ("first", "charge"),
    [
        ("Totale merce", "Imballo"),
        ("Total produits HT", "Frais de port"),
        ("Total mercancía", "Portes"),
    ],  # fmt: skip
)
def test_totals_rows_under_the_items_are_no_items(tmp_path: Path, first: str, charge: str) -> None:
    """Lead read the totals' first rows as two more items where their labels start inside the
    description column and no vocabulary knows the first ('Total marchandises HT' and 'Frais
    de port HT' in batch 47)."""
    got = _invoice(
        tmp_path,
        [
            (first, "2,200.00"),
            (charge, "40.00"),
            ("Net total", "2,240.00"),
            ("VAT 20%", "448.00"),
            ("Total", "2,688.00"),
        ],  # fmt: skip
        totals_x=95,
    )
    assert [i.description for i in got.line_items] == ["Steel hinge 80 mm", "Door handle, brushed"]


@pytest.mark.parametrize(("first", "charge"), [("Total goods", "Packing"),
                                               ("Summe Waren", "Verpackung")])  # fmt: skip
def test_known_totals_rows_still_end_the_items(tmp_path: Path, first: str, charge: str) -> None:
    """Guard: totals labels the vocabularies know end the table as before."""
    got = _invoice(
        tmp_path,
        [
            (first, "2,200.00"),
            (charge, "40.00"),
            ("Net total", "2,240.00"),
            ("VAT 20%", "448.00"),
            ("Total", "2,688.00"),
        ],  # fmt: skip
        totals_x=95,
    )
    assert [i.description for i in got.line_items] == ["Steel hinge 80 mm", "Door handle, brushed"]


def test_a_total_row_between_the_items_is_none_and_the_items_after_it_are(
    tmp_path: Path,
) -> None:
    """A section's total row between the items, then an item with a quantity and a price: lead
    read the total row as an item; the item after it is read (the rule drops only rows with
    neither a quantity nor a price)."""
    rows = [*_ROWS, ["Total section A", "", "", "", "2,200.00"],
            ["Oak door 80 x 200", "3", "pcs", "120.00", "360.00"]]  # fmt: skip
    got = _invoice(tmp_path, [("Total GBP", "2,560.00")], rows=rows)
    assert [i.description for i in got.line_items] == [
        "Steel hinge 80 mm", "Door handle, brushed", "Oak door 80 x 200",
    ]  # fmt: skip


# -- Turkish country names on an address line ----------------------------------------------------


@pytest.mark.parametrize(("name", "code"), [("Almanya", "DE"), ("Hollanda", "NL")])
def test_turkish_country_names_on_an_address_line(name: str, code: str) -> None:
    assert country_code(name, ADDRESS_LINE) == code


def test_a_buyer_in_almanya_is_in_germany(tmp_path: Path) -> None:
    got = _invoice(tmp_path, [("Total GBP", "2,200.00")], buyer="40211 Düsseldorf, Almanya")
    assert got.buyer_country == "DE"
