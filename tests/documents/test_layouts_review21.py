"""The forty-seventh batch of hand-written invoices (tests/documents/layouts_review21.py:
REVIEW21, written and committed in session 36 (review i21) before invoices33's code was read),
pinned as the reader reads it. First reading (out of sample), right / null / wrong of 168:
main 160 / 2 / 6, lead 161 / 1 / 6; after review i21's fixes (tests/documents/
test_layout_reviewi21.py) 168 / 0 / 0: every cell is read as the truth has it.
"""

from __future__ import annotations

from tests.documents.batches import batch_tests
from tests.documents.layouts_review21 import REVIEW21

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "review21",
    REVIEW21,
    exact_lines=False,
)
