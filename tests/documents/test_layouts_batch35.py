"""The thirty-fifth batch of hand-written invoices (tests/documents/layouts_batch35.py:
BATCH35, written in session 31 (invoices27) before src/clearlane/documents/ was read), pinned as
the reader reads it. First reading (out of sample): main 92 right / 31 null / 3 wrong of 126
(95 / 29 / 2 once three header pairs no longer printed their label over their value); after
invoices27's rules 124 / 0 / 2 (docs/documents.md, "Session 31, 2026-12-07: batch 35").
"""

from __future__ import annotations

from tests.documents.batches import batch_tests
from tests.documents.layouts_batch35 import BATCH35

# (layout, field) header fields the reader leaves null: none
STILL_MISSED: set[tuple[str, str]] = set()

# (layout, field) -> the value read where it differs from the truth: none (the Gibraltarian
# credit note's '£', read as pounds sterling until session 32, is Gibraltar's pound on a
# Gibraltar seller's invoice: invoices28)
READ_AS: dict[tuple[str, str], str] = {}

# layouts whose line table the reader reads wrong: none since session 33 (the Panamanian
# 'saco' read as a bag, XBG, until the sack was settled as Rec 21's XSA)
LINES_OFF: set[str] = set()

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "batch35",
    BATCH35,
    missed=STILL_MISSED,
    wrong=READ_AS,
    lines_off=LINES_OFF,
    exact_lines=False,
)
