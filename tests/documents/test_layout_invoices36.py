"""Session 37 (invoices36): Portuguese titles with a series and number in their run, read by
a general rule. Every test failed before its fix, except the guard."""

from __future__ import annotations

from pathlib import Path

from tests.documents.layouts import read_page


def _titled(title: str) -> list[tuple[float, float, str, float]]:
    return [(15, 10, "Tecnova Lda", 12), (120, 10, title, 14), (120, 18, "Data: 2026-12-07", 9),
            (15, 40, "Cliente:", 9), (15, 45, "Loja Porto Lda", 9),
            (110, 70, "Total: 1.200,00 €", 9)]  # fmt: skip


def test_hyphenated_title_word_before_series_and_number(tmp_path: Path) -> None:
    """'FATURA-RECIBO FR 2026A/12': the hyphenated document word is one title word, the
    series code and number after it."""
    got = read_page(tmp_path, _titled("FATURA-RECIBO FR 2026A/12"))
    assert got.invoice_number == "FR 2026A/12"


def test_series_code_before_a_number_starting_with_a_letter(tmp_path: Path) -> None:
    """'Fatura FT A2026/55': the code FT, then the number whose first part starts with the
    series' letter."""
    assert read_page(tmp_path, _titled("Fatura FT A2026/55")).invoice_number == "FT A2026/55"


def test_number_word_before_a_lettered_number_is_no_series(tmp_path: Path) -> None:
    """(guard) 'INVOICE NO 2026/55' and 'INVOICE NO A2026/55': 'NO' is the number's word."""
    assert read_page(tmp_path, _titled("INVOICE NO 2026/55")).invoice_number == "2026/55"
    assert read_page(tmp_path, _titled("INVOICE NO A2026/55")).invoice_number == "A2026/55"
