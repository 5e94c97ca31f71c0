"""The sixteenth batch of hand-written invoices (tests/documents/layouts_review15.py: REVIEW15,
written before batch 15's rules were read), pinned as the reader reads it now, and the rules
its first reading led to, each on a small page of its own. Figures in docs/documents.md.
"""

from __future__ import annotations

from pathlib import Path

from clearlane.documents.models import Extraction
from tests.documents.layouts import read_page


Text = tuple[float, float, str, float]

_TOP: list[Text] = [
    (15, 12, "Kauri Coast Timber Ltd", 13),
    (15, 19, "88 Great South Road, Auckland 1051, New Zealand", 8),
    (15, 23, "GST No: 112-345-678", 8),
]


def _statement(tmp_path: Path) -> Extraction:
    return read_page(
        tmp_path,
        [*_TOP, (125, 12, "STATEMENT OF ACCOUNT", 12), (125, 22, "Statement Date:", 9),
         (157, 22, "31/10/2026", 9), (15, 40, "To:", 9), (15, 45, "Tasman Joinery Ltd", 9),
         (15, 62, "Date", 8.5), (40, 62, "Reference", 8.5), (165, 62, "Balance", 8.5),
         (15, 69, "01/10/2026", 8.5), (40, 69, "Invoice INV-8812", 8.5),
         (165, 69, "4,140.00", 8.5), (110, 80, "Balance Due NZD", 9), (161, 80, "4,140.00", 9)],
    )  # fmt: skip


def test_a_statement_title_is_no_seller_and_its_date_is_the_statements(tmp_path: Path) -> None:
    # 'STATEMENT OF ACCOUNT' beside the letterhead was read as the seller's name, the first
    # line's date as the issue date, and the balance due as an invoice's grand total
    got = _statement(tmp_path)
    assert got.seller_name == "Kauri Coast Timber Ltd"
    assert got.issue_date == "2026-10-31"
    assert got.type_code is None
    assert got.due_payable == "4140.00"
    assert got.grand_total is None


def test_an_invoices_balance_due_is_still_its_total(tmp_path: Path) -> None:
    # (the statement's rule leaves an invoice's 'Balance Due' the grand total too)
    got = read_page(
        tmp_path,
        [*_TOP, (150, 12, "INVOICE", 16), (120, 30, "Invoice No.: K-1", 9),
         (15, 62, "Description", 8.5), (165, 62, "Amount", 8.5), (15, 69, "Rimu boards", 8.5),
         (165, 69, "4,140.00", 8.5), (110, 80, "Balance Due NZD", 9), (161, 80, "4,140.00", 9)],
    )  # fmt: skip
    assert (got.grand_total, got.due_payable, got.type_code) == ("4140.00", "4140.00", "380")
