"""The thirty-third batch of hand-written invoices (tests/documents/layouts_batch33.py: BATCH33,
written in session 30 (invoices26) before src/clearlane/documents/ was read), pinned as the
reader reads it. First reading (out of sample): main 98 right / 27 null / 1 wrong of 126; after
invoices26's rules 126 / 0 / 0 (docs/documents.md, "Session 30, 2026-12-06: batch 33").
"""

from __future__ import annotations

from tests.documents.batches import batch_tests
from tests.documents.layouts_batch33 import BATCH33

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "batch33",
    BATCH33,
    exact_lines=False,
)
