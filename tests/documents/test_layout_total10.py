"""A line item whose description starts with "Total" ("Total Sales Analytics, annual licence",
"Total Station survey instrument", "TOTAL Quartz 9000 engine oil") is no grand-total row: the
reader took its amount for the grand total and lost the line table (session 24, task total10).
Figures in docs/documents.md ("session 24, 6 December: 'Total' line items")."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents.layout import label_matches
from tests.documents.layouts import read_page

_HEAD = [(130, 10, "INVOICE", 14), (130, 20, "Invoice No. 55120", 9),
         (130, 25, "Date 2026-12-04", 9), (15, 20, "Northgate Instruments Ltd", 10),
         (15, 70, "Description", 9), (120, 70, "Qty", 9), (140, 70, "Unit price", 9),
         (170, 70, "Amount", 9)]  # fmt: skip


def _row(y: float, text: str, qty: str, price: str, amount: str) -> list[tuple]:
    return [(15, y, text, 9), (120, y, qty, 9), (140, y, price, 9), (170, y, amount, 9)]


def _totals(y: float) -> list[tuple]:
    return [(120, y, "Subtotal", 9), (170, y, "1,610.00", 9),
            (120, y + 5, "VAT 20%", 9), (170, y + 5, "322.00", 9),
            (120, y + 10, "Total due", 9), (170, y + 10, "1,932.00", 9)]  # fmt: skip


_DESCRIPTIONS = [
    "Total Sales Analytics, annual licence",
    "Total Station survey instrument",
    "TOTAL Quartz 9000 engine oil 5W-40",
]


@pytest.mark.parametrize("text", _DESCRIPTIONS)
def test_a_total_line_in_the_middle_of_the_table_is_a_line(tmp_path: Path, text: str) -> None:
    got = read_page(tmp_path, [
        *_HEAD, *_row(78, "Tripod, aluminium", "2", "105.00", "210.00"),
        *_row(84, text, "1", "1,200.00", "1,200.00"),
        *_row(90, "Prism pole 2.6 m", "4", "50.00", "200.00"),
        *_totals(100),
    ])  # fmt: skip
    assert got.grand_total == "1932.00"
    assert got.tax_exclusive_total == "1610.00"
    assert [line.amount for line in got.line_items] == ["210.00", "1200.00", "200.00"]
    assert got.line_items[1].description == text


@pytest.mark.parametrize("text", _DESCRIPTIONS)
def test_a_total_line_last_in_the_table_is_a_line(tmp_path: Path, text: str) -> None:
    got = read_page(tmp_path, [
        *_HEAD, *_row(78, "Tripod, aluminium", "2", "105.00", "210.00"),
        *_row(84, "Prism pole 2.6 m", "4", "50.00", "200.00"),
        *_row(90, text, "1", "1,200.00", "1,200.00"),
        *_totals(100),
    ])  # fmt: skip
    assert got.grand_total == "1932.00"
    assert got.tax_exclusive_total == "1610.00"
    assert [line.amount for line in got.line_items] == ["210.00", "200.00", "1200.00"]
    assert got.line_items[2].description == text


@pytest.mark.parametrize("text", _DESCRIPTIONS)
def test_a_total_description_is_no_totals_label(text: str) -> None:
    got = label_matches(text)
    assert not {"grand_total", "due_payable", "tax_exclusive_total", "tax_total"} & set(got)


@pytest.mark.parametrize(
    "text",
    ["Total", "TOTAL", "Total:", "Total amount", "Total due", "Total EUR", "Total (EUR)",
     "Total incl. VAT", "Total amount payable", "Gesamtbetrag", "Total TTC", "Total a pagar"],
)  # fmt: skip
def test_totals_labels_still_read(text: str) -> None:
    got = label_matches(text)
    assert {"grand_total", "due_payable"} & set(got), got


def test_a_total_tax_description_is_neither_total_nor_tax(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        *_HEAD, *_row(78, "Tripod, aluminium", "2", "105.00", "210.00"),
        *_row(84, "Total Tax Solutions consulting", "1", "1,200.00", "1,200.00"),
        *_row(90, "Prism pole 2.6 m", "4", "50.00", "200.00"),
        *_totals(100),
    ])  # fmt: skip
    assert (got.grand_total, got.tax_total) == ("1932.00", "322.00")
    assert [line.amount for line in got.line_items] == ["210.00", "1200.00", "200.00"]
