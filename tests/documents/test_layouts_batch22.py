"""The twenty-second batch of hand-written invoices (tests/documents/layouts_batch22.py: BATCH22,
written before invoices20's rules or the reader's layout code were read), pinned as the reader
reads it. First reading, main and lead alike: 67 right / 99 null / 2 wrong of 168 (out of
sample, docs/documents.md, "session 24, 6 December: batch 22"); its misses were worked on in
session 25 (invoices21), so it is in sample now.
"""

from __future__ import annotations

from pathlib import Path

from clearlane.documents import extract
from clearlane.documents.models import HEADER_FIELDS
from tests.documents.batches import batch_tests
from tests.documents.layouts import write_batch
from tests.documents.layouts_batch22 import BATCH22

# pages the reader reads nothing of (method none, every field null): no Georgian or Armenian
# label (their scripts are read as another language's gloss, not as labels), and the
# letterhead's name not taken either (tested apart, below). The Albanian page was one of them
# until invoices21.
READ_NOTHING = {"ge-angarish-faktura", "am-hashiv-apranqagir"}

# (layout, field) header fields the reader leaves null. First reading: no vocabulary for
# Icelandic, Albanian, Georgian, Armenian or Azerbaijani labels, nor for VSK-nr., NIPT, ЕДБ, ს/კ,
# ՀՎՀՀ, VÖEN, STRN, BIN. Since invoices21 (session 25) the Icelandic, Albanian, Macedonian,
# Azerbaijani and Pakistani pages are read but for (the Icelandic VSK number, six digits, read
# since session 28: a short id alone on its label's run), the bilingual Finnish-Swedish
# 'ALV-tunniste / Momsnummer', 'Seriya AA № 2604517', the Sri Lankan 'Supplier's VAT Reg. No.' and
# 'Purchaser's Name' (a form's pairs, not a party's block), the Bangladeshi form's 'Name of
# registered person' and 'BIN of buyer', the Chinese USCC and 'To Messrs.:' pairs. No header
# field of the batch is read wrong.
STILL_MISSED: set[tuple[str, str]] = {
    ("fi-sv-lasku-faktura", "seller_country"),
    ("az-qaime-faktura", "invoice_number"),
    ("lk-ird-tax-invoice", "seller_vat_id"),
    ("lk-ird-tax-invoice", "buyer_name"),
    ("lk-ird-tax-invoice", "buyer_country"),
    ("bd-mushak-63", "seller_name"),
    ("bd-mushak-63", "seller_vat_id"),
    ("bd-mushak-63", "seller_country"),
    ("bd-mushak-63", "buyer_name"),
    ("bd-mushak-63", "buyer_country"),
    # (its net, a bare total over the tax, read since invoices33)
    ("cn-cny-usd-columns", "seller_vat_id"),
    ("cn-cny-usd-columns", "buyer_name"),
    ("cn-cny-usd-columns", "buyer_country"),
}  # fmt: skip
# the line table not read (fi-sv: two-line bilingual headers; lk, kz) or read wrong: the Chinese
# page's unit price two columns' figures in one run ('10.3240 1.45': read as 103240145 on main,
# null since review i9). The Pakistani amount is the value excluding sales tax since invoices21
# (its 'Value Excl. Sales Tax' column is the net one, 'Value Incl. Sales Tax' the gross).
LINES_OFF = {
    "lk-ird-tax-invoice",
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


def test_two_pages_read_nothing(tmp_path: Path) -> None:
    # pinned so that a reading shows
    layouts = [layout for layout in BATCH22 if layout.name in READ_NOTHING]
    for name, path in write_batch(tmp_path, layouts).items():
        got = extract(path)
        assert [getattr(got, f) for f in HEADER_FIELDS] == [None] * len(HEADER_FIELDS), name
        assert (got.line_items, got.method) == ([], None), name
