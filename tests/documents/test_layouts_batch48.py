"""The forty-eighth batch of hand-written invoices (tests/documents/layouts_batch48.py: BATCH48,
written and committed in session 37 (invoices34) before the reader's code was read), pinned as
the reader reads it. First reading (out of sample, main 6e6bda87): 207 right / 23 null / 8
wrong of 238; after invoices34 230 / 5 / 3; after invoices35 232 / 3 / 3 ('Razón Social:'
with its name beside it, 'Valor FOB' over the IGV line: tests/documents/test_layout_invoices35.py).
"""

from __future__ import annotations

from tests.documents.batches import batch_tests
from tests.documents.layouts_batch48 import BATCH48

# (layout, field) header fields the reader leaves null, left as found
STILL_MISSED: set[tuple[str, str]] = {
    # '12/08/2026' on a Korean shipper's form, no part above 12: the convention orders it by
    # the seller's country only for the US (month first); Korea's slash order is unsettled
    ("kr-ups-commercial-units", "issue_date"),
    ("kr-ups-commercial-units", "seller_country"),  # 'Korea' alone (North or South)
    ("ua-vydatkova-hryvnia", "currency"),  # only the sum in words' 'гривень'
}  # fmt: skip

# (layout, field) -> the value read where it differs from the truth
READ_AS: dict[tuple[str, str], str] = {
    # 'Ký hiệu: 1C26TAA' over 'Số: 0000871': batches 17, 18 and 21 hold the number alone for
    # this form, this batch's truth (series and number printed apart, joined) both: an open
    # conflict (docs/documents.md), neither side copied
    ("vn-hoa-don-gtgt-ky-hieu", "invoice_number"): "0000871",
}

# layouts whose line table the reader reads wrong or not at all
LINES_OFF: set[str] = {
    "ma-facture-ice-dh",  # 'ml' (mètre linéaire) not read: it is a millilitre too
    # the price's caption runs into the unit's ('U.M.Preț unitar (fără TVA)' one run)
    "ro-factura-seria-lei",
}

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "batch48",
    BATCH48,
    missed=STILL_MISSED,
    wrong=READ_AS,
    lines_off=LINES_OFF,
    exact_lines=False,
)
