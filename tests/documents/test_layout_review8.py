"""The review of invoices11's rules (commits 91e1dce, a107857): the twelfth batch
(tests/documents/layouts_review11.py: REVIEW11, written before those rules were read) and the
defects the review found, each on a small input of its own. Figures in docs/documents.md.
"""

from __future__ import annotations

from decimal import Decimal

from clearlane.documents.layout import words_amount


def test_an_amount_in_words_too_large_for_a_total_is_none_not_an_error() -> None:
    # a line of number words that names more than any invoice (a garbled or hostile page):
    # quantizing it to cents raised decimal.InvalidOperation out of the reader
    assert words_amount("Say " + "nine hundred " * 40 + "only") is None
    # an amount in words still reads
    assert words_amount("Rupees Two Lakh Forty Three Thousand Only") == Decimal("243000.00")
    assert words_amount("US Dollars Nine Hundred Million Only") == Decimal("900000000.00")
