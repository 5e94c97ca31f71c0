"""The twenty-second batch of hand-written invoices (tests/documents/layouts_batch22.py: BATCH22,
written before invoices20's rules or the reader's layout code were read), pinned as the reader
reads it: out of sample still (no rule was made from it). First reading, main and lead alike:
67 right / 99 null / 2 wrong of 168 (docs/documents.md, "session 24, 6 December: batch 22").
"""

from __future__ import annotations

from pathlib import Path

from clearlane.documents import extract
from clearlane.documents.models import HEADER_FIELDS
from tests.documents.batches import batch_tests
from tests.documents.layouts import write_batch
from tests.documents.layouts_batch22 import BATCH22

# pages the reader reads nothing of (method none, every field null): no Albanian, Georgian or
# Armenian label, and the letterhead's name not taken either (tested apart, below)
READ_NOTHING = {"al-fature-tatimore", "ge-angarish-faktura", "am-hashiv-apranqagir"}

# (layout, field) header fields the reader leaves null: no vocabulary for Icelandic, Albanian,
# Georgian, Armenian or Azerbaijani labels, nor for VSK-nr., NIPT, ЕДБ, ს/კ, ՀՎՀՀ, VÖEN, STRN,
# BIN, the Sri Lankan form's 'Purchaser's Name' (not traced field by field). No header field
# of the batch is read wrong.
STILL_MISSED: set[tuple[str, str]] = {
    ("is-reikningur", "invoice_number"),
    ("is-reikningur", "type_code"),
    ("is-reikningur", "issue_date"),
    ("is-reikningur", "currency"),
    ("is-reikningur", "seller_vat_id"),
    ("is-reikningur", "buyer_name"),
    ("is-reikningur", "buyer_country"),
    ("is-reikningur", "tax_exclusive_total"),
    ("is-reikningur", "tax_total"),
    ("is-reikningur", "grand_total"),
    ("is-reikningur", "due_payable"),
    ("fi-sv-lasku-faktura", "seller_vat_id"),
    ("fi-sv-lasku-faktura", "seller_country"),
    ("mk-faktura-export", "type_code"),
    ("mk-faktura-export", "seller_name"),
    ("mk-faktura-export", "seller_vat_id"),
    ("mk-faktura-export", "seller_country"),
    ("mk-faktura-export", "tax_exclusive_total"),
    ("mk-faktura-export", "tax_total"),
    ("mk-faktura-export", "grand_total"),
    ("mk-faktura-export", "due_payable"),
    ("az-qaime-faktura", "invoice_number"),
    ("az-qaime-faktura", "issue_date"),
    ("az-qaime-faktura", "currency"),
    ("az-qaime-faktura", "seller_vat_id"),
    ("az-qaime-faktura", "seller_country"),
    ("az-qaime-faktura", "buyer_country"),
    ("az-qaime-faktura", "tax_exclusive_total"),
    ("az-qaime-faktura", "tax_total"),
    ("az-qaime-faktura", "grand_total"),
    ("az-qaime-faktura", "due_payable"),
    ("lk-ird-tax-invoice", "seller_vat_id"),
    ("lk-ird-tax-invoice", "buyer_name"),
    ("lk-ird-tax-invoice", "buyer_country"),
    ("lk-ird-tax-invoice", "tax_exclusive_total"),
    ("pk-sales-tax-strn", "seller_vat_id"),
    ("pk-sales-tax-strn", "tax_exclusive_total"),
    ("bd-mushak-63", "currency"),
    ("bd-mushak-63", "seller_name"),
    ("bd-mushak-63", "seller_vat_id"),
    ("bd-mushak-63", "seller_country"),
    ("bd-mushak-63", "buyer_name"),
    ("bd-mushak-63", "buyer_country"),
    ("bd-mushak-63", "tax_exclusive_total"),
    ("kz-shot-faktura-kk", "issue_date"),
    ("kz-shot-faktura-kk", "currency"),
    ("kz-shot-faktura-kk", "buyer_name"),
    ("kz-shot-faktura-kk", "buyer_country"),
    ("cn-cny-usd-columns", "seller_vat_id"),
    ("cn-cny-usd-columns", "buyer_name"),
    ("cn-cny-usd-columns", "buyer_country"),
}  # fmt: skip
# the line table not read (is, fi-sv, mk, az, lk, kz) or read wrong: the Pakistani
# page's amount is its value including sales tax (the last column), the Chinese page's unit
# price two columns' figures in one run ('10.3240 1.45': read as 103240145 on main, null since
# review i9)
LINES_OFF = {
    "is-reikningur",
    "fi-sv-lasku-faktura",
    "mk-faktura-export",
    "az-qaime-faktura",
    "lk-ird-tax-invoice",
    "pk-sales-tax-strn",
    "kz-shot-faktura-kk",
    "cn-cny-usd-columns",
}

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "batch22",
    BATCH22,
    missed=STILL_MISSED,
    lines_off=LINES_OFF,
    exact_lines=False,
    exclude=READ_NOTHING,
)


def test_three_pages_read_nothing(tmp_path: Path) -> None:
    # pinned so that a reading shows
    layouts = [layout for layout in BATCH22 if layout.name in READ_NOTHING]
    for name, path in write_batch(tmp_path, layouts).items():
        got = extract(path)
        assert [getattr(got, f) for f in HEADER_FIELDS] == [None] * len(HEADER_FIELDS), name
        assert (got.line_items, got.method) == ([], None), name
