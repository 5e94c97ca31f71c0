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
