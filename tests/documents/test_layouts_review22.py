"""The forty-ninth batch of hand-written invoices (tests/documents/layouts_review22.py:
REVIEW22, written and committed in session 37 (review i22) before invoices34's diff was read),
pinned as the reader reads it. First reading (out of sample), right / null / wrong of 196:
before invoices34 (7f75f72c) 181 / 12 / 3, after it (b8664667) 183 / 10 / 3; after review
i22's fixes (tests/documents/test_layout_reviewi22.py) 193 / 3 / 0.
"""

from __future__ import annotations

from tests.documents.batches import batch_tests
from tests.documents.layouts_review22 import REVIEW22

# (layout, field) header fields the reader leaves null, left as found
STILL_MISSED: set[tuple[str, str]] = {
    # 'kr' on a Swedish seller's page to a Norwegian buyer: the reader reads an ambiguous sign
    # by the seller's country only where the buyer's country does not print it for its own
    # currency (a Nepali exporter's 'Rs.' to India); the written convention reads it by the
    # seller's alone (docs/documents.md, Open conflicts)
    ("se-faktura-kr-norwegian-buyer", "currency"),
    # 'Faktureres til' (Danish: to be invoiced to) is no buyer's label yet: reading it makes
    # the Danish page's 'kr.' fall under the same open conflict (DKK read now, null then)
    ("dk-faktura-kr-norwegian-buyer", "buyer_name"),
    ("dk-faktura-kr-norwegian-buyer", "buyer_country"),
}

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "review22",
    REVIEW22,
    missed=STILL_MISSED,
    exact_lines=False,
)
