"""Review of batch 17's rules (session 22, reviewi7): pages where they read a wrong value that
the reader before them left null or read right. Each test is a small page of its own."""

from __future__ import annotations

from pathlib import Path

from clearlane.documents.layout import label_matches
from tests.documents.layouts import read_page


def test_an_english_sales_order_number_is_no_vietnamese_so(tmp_path: Path) -> None:
    # Vietnamese 'Số:' (its number) without diacritics is 'So:'; an English page's 'SO:' is its
    # sales order, and was read as the invoice number over 'Invoice # 10234'
    assert "invoice_number" not in label_matches("SO: 4500123")
    assert "invoice_number" not in label_matches("so 4500123")
    assert label_matches("So: 0000456")["invoice_number"].rest == "0000456"
    assert label_matches("Số: 0000123")["invoice_number"].rest == "0000123"
    assert label_matches("SỐ: 0000123")["invoice_number"].rest == "0000123"
    got = read_page(
        tmp_path,
        [(15, 10, "Acme Supply Inc.", 12), (140, 10, "INVOICE", 14), (130, 20, "SO: 4500123", 9),
         (130, 25, "Invoice # 10234", 9), (130, 30, "Date: 12/03/2026", 9)],
    )  # fmt: skip
    assert got.invoice_number == "10234"
