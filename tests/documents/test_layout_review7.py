"""Probes of the tenth pass's general rules (invoices10, 9cb8369) on values and pages they were
not written for: each read a wrong value (or lost a right one) with the rule as merged."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from clearlane.documents.layout import country_code, label_matches, parse_number
from clearlane.documents.models import Extraction
from tests.documents.layouts import read_page

Texts = list[tuple[float, float, str, float]]


@pytest.mark.parametrize(
    ("text", "mark", "want"),
    [
        # OCR's 1 as I before a space-grouped thousands with its decimals: a number, as it was
        # before 'I 20' was fixed ('1 200,00', France's and Poland's grouping)
        ("I 200.00", ".", "1200.00"),
        ("I 250,00", ",", "1250.00"),
        ("l 234 567,89", ",", "1234567.89"),
        # and before a comma-grouped thousands ('I,250.00'): never read
        ("I,250.00", ".", "1250.00"),
        ("$I,200.00", ".", "1200.00"),
        # still a word beside a number: no digit
        ("I 20", ".", None),
        ("l 5", ".", None),
        ("I 200", ".", None),
        ("I.5", ".", None),
    ],
)
def test_ocrs_one_read_as_a_letter_before_a_thousands_group(
    text: str, mark: str, want: str | None
) -> None:
    assert parse_number(text, mark) == (None if want is None else Decimal(want))


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # a US address in capitals, as US commercial invoices print them: the state, never the
        # country (GE before)
        ("ATLANTA, GEORGIA", None),
        ("SAVANNAH, GEORGIA 31401", None),  # (no country named: null, as 'Dallas, TX 75201')
        ("ATLANTA, GEORGIA, USA", "US"),
        ("Atlanta, Fulton County, Georgia", None),
        # a Georgian town then its region, then the country (GE before the tenth pass, null
        # after it)
        ("Kutaisi, Imereti, Georgia", "GE"),
        ("TBILISI, GEORGIA", "GE"),
        ("Savannah, Georgia 31401", None),
        ("Tbilisi, Georgia", "GE"),
    ],
)
def test_georgia_the_state_and_the_country(line: str, want: str | None) -> None:
    assert country_code(line) == want


def _totals_page(
    tmp_path: Path, lines: list[tuple[str, str]], extra: Texts | None = None
) -> Extraction:
    texts: Texts = [(15, 12, "RECHNUNG", 12), (15, 20, "Rechnung Nr.: R-1", 9),
                    (15, 40, "Beschreibung", 8), (150, 40, "Betrag", 8), (15, 46, "Ware", 8),
                    (150, 46, "1.000,00", 8)]  # fmt: skip
    for index, (label, value) in enumerate(lines):
        texts += [(110, 60 + 5 * index, label, 9), (150, 60 + 5 * index, value, 9)]
    return read_page(tmp_path, [*texts, *(extra or [])])


def test_brutto_heading_a_weight_column_is_no_total(tmp_path: Path) -> None:
    """'Brutto' alone names the gross total beside its amount (the tenth batch's Swiss
    invoice); a packing table's 'Netto | Brutto' weight columns are no totals (the gross
    weight was read as the invoice total, over 'Zu zahlen')."""
    got = _totals_page(tmp_path, [("Netto:", "1.000,00"), ("MwSt 19%:", "190,00"),
                                  ("Zu zahlen:", "1.190,00")],
                       [(15, 95, "Packstücke", 8), (50, 95, "Netto", 8), (80, 95, "Brutto", 8),
                        (15, 100, "3", 8), (50, 100, "100,0", 8),
                        (80, 100, "120,5", 8)])  # fmt: skip
    assert (got.grand_total, got.due_payable) == ("1190.00", "1190.00")
    got = _totals_page(tmp_path, [("Netto", "1.000,00"), ("USt 19 %", "190,00"),
                                  ("Brutto", "1.190,00")])  # fmt: skip
    assert got.grand_total == "1190.00"


@pytest.mark.parametrize(
    ("lines", "net"),
    [
        # a charge of nothing under the subtotal: the subtotal is the net total (null since
        # the tenth pass)
        ([("Subtotal:", "1,000.00"), ("Shipping:", "0.00"), ("Total:", "1,000.00")], "1000.00"),
        # an allowance under it, as a charge: the subtotal is the lines' sum only, not the
        # tax-exclusive total (EN 16931: lines less allowances plus charges; was 1000.00)
        ([("Subtotal:", "1,000.00"), ("Discount:", "-100.00"), ("Total:", "900.00")], None),
        (
            [
                ("Subtotal:", "1,000.00"),
                ("Less discount 10%:", "(100.00)"),
                ("VAT 20%:", "180.00"),
                ("Total:", "1,080.00"),
            ],
            None,
        ),
        # a freight charge after the total: not under the subtotal
        ([("Subtotal:", "1,000.00"), ("Total:", "1,000.00"), ("Freight:", "50.00")], "1000.00"),
    ],
)
def test_a_subtotal_over_a_charge_or_allowance(
    tmp_path: Path, lines: list[tuple[str, str]], net: str | None
) -> None:
    texts: Texts = [(15, 12, "COMMERCIAL INVOICE", 12), (15, 20, "Invoice No.: T-1", 9),
                    (15, 40, "Description", 8), (150, 40, "Amount", 8), (15, 46, "Widget", 8),
                    (150, 46, "1,000.00", 8)]  # fmt: skip
    for index, (label, value) in enumerate(lines):
        texts += [(110, 60 + 5 * index, label, 9), (150, 60 + 5 * index, value, 9)]
    assert read_page(tmp_path, texts).tax_exclusive_total == net


@pytest.mark.parametrize(
    ("words", "currency"),
    [
        (
            "INR Five Lakh Twenty-Nine Thousand Eight Hundred Seventy Nine and Paise Fifty Only",
            "INR",
        ),
        # a count in words on a packing line: no amount, Albania's lek (was ALL)
        ("ALL ONE HUNDRED CARTONS ONLY", None),
        ("ALL TWO THOUSAND PIECES PACKED IN BOXES ONLY", None),
        ("Payment in INR only", None),
    ],
)
def test_a_currency_only_from_an_amount_in_words(
    tmp_path: Path, words: str, currency: str | None
) -> None:
    texts: Texts = [(15, 12, "INVOICE", 12), (15, 20, "Invoice No.: T-1", 9),
                    (110, 60, "Total:", 9), (150, 60, "1,000.00", 9),
                    (15, 80, words, 8)]  # fmt: skip
    assert read_page(tmp_path, texts).currency == currency


@pytest.mark.parametrize(
    "text",
    [
        "Quantity (Total): 50",  # a table's column word, an aside in brackets: no gloss
        "Qty (Total): 50",
        "Description (Buyer): spare parts",
        "Unit price (Total): 5.00",
        # a unit's word with an aside: a count (read 12.00 as the grand total and amount due)
        "Cartons (Total): 12",
        "Pieces (Total): 50",
        "Pallets (Total): 3",
    ],
)
def test_a_column_word_with_an_aside_in_brackets_is_no_glossed_label(text: str) -> None:
    assert label_matches(text) == {}


def test_a_quantity_with_an_aside_is_no_invoice_total(tmp_path: Path) -> None:
    texts: Texts = [(15, 12, "INVOICE", 12), (15, 20, "Invoice No.: T-1", 9),
                    (110, 60, "Subtotal:", 9), (150, 60, "1,000.00", 9),
                    (15, 80, "Quantity (Total): 50", 8)]  # fmt: skip
    got = read_page(tmp_path, texts)
    assert (got.grand_total, got.due_payable) == (None, None)  # were 50.00
    # the glossed labels of the tenth batch's Vietnamese invoice still read
    assert label_matches("Số lượng (Quantity): 5") == {}
    assert label_matches("Đơn vị bán hàng (Seller): CÔNG TY A")["seller"].rest == "CÔNG TY A"
