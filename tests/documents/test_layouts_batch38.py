"""The thirty-eighth batch of hand-written invoices (tests/documents/layouts_batch38.py:
BATCH38, written and committed in session 32 (reviewi17) before invoices28's diff or the reader's
code was read), pinned as the reader reads it. First reading (out of sample): main 114 right /
11 null / 1 wrong of 126; lead (main + invoices28) 115 / 10 / 1; after reviewi17's fixes 115 /
10 / 1 (docs/documents.md, "Review i17"); after invoices29 126 / 0 / 0.
"""

from __future__ import annotations

from tests.documents.batches import batch_tests
from tests.documents.layouts_batch38 import BATCH38

# (layout, field) header fields the reader leaves null: none since invoices29 (Guatemala's
# 'Serie A No.:' and quetzal 'Q', Bonaire's 'Caribisch Nederland' and ABB, the Canaries' two
# provinces, Wallis's 'Total net' before a deposit were read then)
STILL_MISSED: set[tuple[str, str]] = set()

# (layout, field) -> the value read where it differs from the truth: none
READ_AS: dict[tuple[str, str], str] = {}

# layouts whose line table the reader reads wrong: none
LINES_OFF: set[str] = set()

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "batch38",
    BATCH38,
    missed=STILL_MISSED,
    wrong=READ_AS,
    lines_off=LINES_OFF,
    exact_lines=False,
)
