"""The twenty-seventh batch of hand-written invoices (tests/documents/layouts_batch27.py: BATCH27,
written in session 27 (invoices23) before src/clearlane/documents/ was read), pinned as the reader
reads it. First reading (out of sample): main 89 right / 53 null / 12 wrong of 154; after
invoices23's general rules 129 / 22 / 3 (docs/documents.md, "session 27, 2026-12-06: batch
27"). The one header value still wrong: the Bolivian net total, which the page does not print
(its prices hold the IVA), read from 'SUBTOTAL Bs'.
"""

from __future__ import annotations

from tests.documents.batches import batch_tests
from tests.documents.layouts_batch27 import BATCH27

# (layout, field) header fields the reader leaves null (not found, not guessed); since session
# 30 (invoices26: 'Razón social' as the buyer's caption) the Bolivian and Paraguayan buyers'
# names and countries are read
STILL_MISSED: set[tuple[str, str]] = {
    # (bo-factura-credito-fiscal's and py-factura-guaranies' currency, a sign ending a
    # total's label, read since invoices33)
    ("bo-factura-credito-fiscal", "seller_vat_id"),
    ("py-factura-guaranies", "seller_vat_id"),
    ("hn-nota-credito", "tax_total"),
    ("kh-commercial-invoice", "tax_exclusive_total"),
    ("lu-facture-deux-pages", "seller_country"),
    # (lu-facture-deux-pages' buyer's name, its TVA line under it, is read since session 33)
    ("lu-facture-deux-pages", "buyer_country"),
    ("ci-facture-proforma", "invoice_number"),
    ("ci-facture-proforma", "issue_date"),
    # (mz-factura-metical's number read since invoices34: a bare 'N.º' beside it)
    ("kw-invoice-kwd", "grand_total"),
    ("kw-invoice-kwd", "due_payable"),
}  # fmt: skip
# (layout, field) -> the wrong value the reader reads (a defect, pinned so that a fix shows)
READ_WRONG: dict[tuple[str, str], str] = {
    ("bo-factura-credito-fiscal", "tax_exclusive_total"): "183300.00",
}  # fmt: skip
# layouts whose line items the reader reads otherwise or not at all (the Omani and Kuwaiti tables
# matched here as numbers on main, the benchmark counting '4620.00' for '4620.000' wrong; right
# there too since the three-decimal dinars and rial; the Honduran and Mozambican since 'caja',
# 'caixa')
LINES_OFF = {
    "bo-factura-credito-fiscal",
    "lu-facture-deux-pages",
    "py-factura-guaranies",
}

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "batch27",
    BATCH27,
    missed=STILL_MISSED,
    wrong=READ_WRONG,
    lines_off=LINES_OFF,
    exact_lines=False,
)
