"""Review i9 of invoices20's rules (session 24): rules that read a wrong value on pages other
than the ones they were made for, each pinned on a label or a small page of its own. Figures in
docs/documents.md ("session 24, 6 December: batch 22")."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents.layout import label_matches
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
