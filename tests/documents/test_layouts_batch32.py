"""The thirty-second batch of hand-written invoices (tests/documents/layouts_batch32.py: BATCH32,
written in session 29 (reviewi14) before src/clearlane/documents/ and invoices25's rules were
read), pinned as the reader reads it. First reading (out of sample): main and lead 66 right /
58 null / 2 wrong of 126; after reviewi14's rules 122 / 4 / 0 (docs/documents.md, "Session 29,
2026-12-06: batch 32, out of sample, a review of invoices25's rules (reviewi14)").
"""

from __future__ import annotations

from tests.documents.batches import batch_tests
from tests.documents.layouts_batch32 import BATCH32

# (layout, field) header fields the reader leaves null (not found, not guessed): none since
# session 30 (invoices26) read the Myanmar page's 'Net Amount' under its Commercial Tax (the
# net read plus the tax: the gross), the Mauritanian page's bare 'N° :' and the Nicaraguan
# number with a space ('ESC-A 004817')
STILL_MISSED: set[tuple[str, str]] = {
}  # fmt: skip

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "batch32",
    BATCH32,
    missed=STILL_MISSED,
    exact_lines=False,
)
