"""The review of invoices11's rules (commits 91e1dce, a107857): the twelfth batch
(tests/documents/layouts_review11.py: REVIEW11, written before those rules were read) and the
defects the review found, each on a small input of its own. Figures in docs/documents.md.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from clearlane.documents.layout import words_amount
from tests.documents.batches import batch_tests
from tests.documents.layouts import read_page
from tests.documents.layouts_review11 import REVIEW11
from tests.documents.test_layouts_unseen7 import _totals

# (layout, field) header fields the reader leaves null.
STILL_MISSED: set[tuple[str, str]] = {
    ("gb-incl-vat-balance", "tax_total"),  # 'incl. VAT 20%' is no tax label
    ("gb-incl-vat", "tax_total"),
}
# (the two credit notes' 'Document No.' is read since session 33, invoices30: accounting
# software's own number of the document)
# ('Proforma No.' on ke-deposit-words is read since session 32, invoices28: a pro forma's own
# number, its label in English as in French)
# Read otherwise before the thirteenth batch's rules (invoices12): the nine sellers' names, a
# name in a large font 12 mm above its address lines, read as the first address line; a
# large name may now stand a gap of its own height and a half above its block.
READ_OTHERWISE: dict[tuple[str, str], str] = {}
LINES_OFF = {"eq-formula"}  # 'Qty x Price' as the amount column's header: no table read

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "review11", REVIEW11, missed=STILL_MISSED, wrong=READ_OTHERWISE, lines_off=LINES_OFF,
    exact_lines=False,
)  # fmt: skip


def test_an_amount_in_words_too_large_for_a_total_is_none_not_an_error() -> None:
    # a line of number words that names more than any invoice (a garbled or hostile page):
    # quantizing it to cents raised decimal.InvalidOperation out of the reader
    assert words_amount("Say " + "nine hundred " * 40 + "only") is None
    # an amount in words still reads
    assert words_amount("Rupees Two Lakh Forty Three Thousand Only") == Decimal("243000.00")
    assert words_amount("US Dollars Nine Hundred Million Only") == Decimal("900000000.00")


def test_counts_after_total_in_other_languages_are_no_amounts(tmp_path: Path) -> None:
    # invoices11's count captions were English only: 'Total colis : 24' was the grand total
    for label in ("Total colis :", "Total Stück:", "Totale colli:", "Total bultos:",
                  "Total pièces :", "Total Gewicht:", "Total poids :"):  # fmt: skip
        got = _totals(tmp_path, [(label, "24")])
        assert (got.grand_total, got.due_payable) == (None, None), label
    # an amount's total beside them still reads
    got = _totals(tmp_path, [("Total colis :", "24"), ("Total TTC", "1,000.00")])
    assert got.grand_total == "1000.00"


def test_a_total_in_figures_on_a_later_page_beats_words_on_the_first(tmp_path: Path) -> None:
    # the total in words was put as each page was read: an amount in words on the first page
    # (the letter of credit's) took the total before the second page's figure was read
    got = read_page(tmp_path, [
        (15, 12, "INVOICE", 12), (15, 20, "Invoice No.: T-1", 9),
        (15, 30, "L/C amount in words: US Dollars Fifty Thousand Only", 9),
        (15, 40, "Description", 8), (150, 40, "Amount", 8), (15, 46, "Widget", 8),
        (150, 46, "48,200.00", 8),
        (110, 330, "Total USD", 9), (150, 330, "48,200.00", 9),
    ])  # fmt: skip
    assert (got.grand_total, got.due_payable) == ("48200.00", "48200.00")
    # the words alone still give the total
    got = read_page(tmp_path, [
        (15, 12, "INVOICE", 12), (15, 20, "Invoice No.: T-1", 9),
        (15, 40, "Description", 8), (150, 40, "Amount", 8), (15, 46, "Widget", 8),
        (150, 46, "48,200.00", 8),
        (15, 330, "Amount in words: US Dollars Forty Eight Thousand Two Hundred Only", 9),
    ])  # fmt: skip
    assert (got.grand_total, got.due_payable) == ("48200.00", "48200.00")


def test_a_total_under_the_tax_line_stays_the_total(tmp_path: Path) -> None:
    # the net-over-tax rule checked only total + tax = due: a gross 'Total' printed under the
    # VAT line, with a previous balance equal to the tax, was turned into the net
    got = _totals(tmp_path, [("VAT 20%", "166.67"), ("Total", "1,000.00"),
                             ("Previous balance", "166.67"),
                             ("Amount due", "1,166.67")])  # fmt: skip
    assert (got.tax_exclusive_total, got.grand_total, got.due_payable) == (
        None, "1000.00", "1166.67",
    )  # fmt: skip
    # a net 'Total' above the tax line is still the net
    got = _totals(tmp_path, [("Total", "1,000.00"), ("VAT @ 15%", "150.00"),
                             ("Amount Due", "1,150.00")])  # fmt: skip
    assert (got.tax_exclusive_total, got.grand_total) == ("1000.00", "1150.00")
