"""The review of invoices12's rules (commit 97e1681): the fourteenth batch
(tests/documents/layouts_review13.py: REVIEW13, written before those rules were read) and the
defects the review found, each on a small input of its own. Figures in docs/documents.md.
"""

from __future__ import annotations

from tests.documents.batches import batch_tests
from tests.documents.layouts_review13 import REVIEW13

# (layout, field) header fields the reader leaves null.
STILL_MISSED: set[tuple[str, str]] = {
    ("nl-bank-footer", "buyer_name"),  # 'Aan' is no buyer label
    ("nl-bank-footer", "buyer_country"),
    ("gb-letter-contract", "issue_date"),  # a letter's unlabelled date
    ("gb-letter-contract", "seller_country"),  # the address names no country
    ("gb-letter-contract", "buyer_country"),
    ("gb-letter-contract", "tax_exclusive_total"),  # 'Fees' is no net label
}
# (layout, field) -> what the reader reads instead of the truth.
READ_OTHERWISE: dict[tuple[str, str], str] = {
    ("us-eur-account", "currency"): "EUR",  # the bank details' 'Currency: EUR' (invoices12)
}
LINES_OFF = {"nl-bank-footer"}  # 'Eenh.' as the unit column's header: no unit read

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "review13", REVIEW13, missed=STILL_MISSED, wrong=READ_OTHERWISE, lines_off=LINES_OFF,
    exact_lines=False,
)  # fmt: skip
