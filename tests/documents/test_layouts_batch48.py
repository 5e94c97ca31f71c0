"""The forty-eighth batch of hand-written invoices (tests/documents/layouts_batch48.py: BATCH48,
written and committed in session 37 (invoices34) before the reader's code was read), pinned as
the reader reads it.
"""

from __future__ import annotations

from tests.documents.batches import batch_tests
from tests.documents.layouts_batch48 import BATCH48

# (layout, field) header fields the reader leaves null, left as found
STILL_MISSED: set[tuple[str, str]] = set()

# (layout, field) -> the value read where it differs from the truth
READ_AS: dict[tuple[str, str], str] = {}

# layouts whose line table the reader reads wrong or not at all
LINES_OFF: set[str] = set()

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "batch48",
    BATCH48,
    missed=STILL_MISSED,
    wrong=READ_AS,
    lines_off=LINES_OFF,
    exact_lines=False,
)
