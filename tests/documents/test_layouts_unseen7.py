"""The text-layer reader on the eleventh batch of hand-written invoices
(tests/documents/layouts_unseen7.py: UNSEEN7, written before the reader's code was read for
it), the defects carried from earlier reviews, and the rules the first reading led to, each on
a small page of its own.

First reading (the reader at 403e9c6, before any rule below; fields right of 14 per invoice,
13 invoices, the benchmark's scorer): text layer 134/182 (74 %). See docs/documents.md for the
scans and the figures after the rules.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from clearlane.documents import extract
from clearlane.documents.layout import label_matches, parse_number, words_amount
from clearlane.documents.models import Extraction
from tests.documents.batches import batch_tests
from tests.documents.layouts import fields_right, read_page, write_scans
from tests.documents.layouts_unseen7 import UNSEEN7

# (layout, field) header fields the reader leaves null; why, in docs/documents.md.
STILL_MISSED: set[tuple[str, str]] = {
    ("kr-trade-form", "seller_country"),  # 'Korea' alone: North or South (the codelist's rule)
    ("lt-party-matrix", "seller_vat_id"),  # a matrix of row labels against party columns
    # ('Number' alone under the title: read since session 30, invoices26)
}
LINES_OFF = {"kr-trade-form"}  # a marks column before the description; 'USD' before each amount

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "unseen7", UNSEEN7, missed=STILL_MISSED, lines_off=LINES_OFF, exact_lines=False,
)  # fmt: skip


# -- carried defects ---------------------------------------------------------------------------


def _totals(tmp_path: Path, lines: list[tuple[str, str]]) -> Extraction:
    texts = [(15, 12, "INVOICE", 12), (15, 20, "Invoice No.: T-1", 9),
             (15, 40, "Description", 8), (150, 40, "Amount", 8), (15, 46, "Widget", 8),
             (150, 46, "1,000.00", 8)]  # fmt: skip
    for index, (label, value) in enumerate(lines):
        texts += [(110, 60 + 5 * index, label, 9), (150, 60 + 5 * index, value, 9)]
    return read_page(tmp_path, texts)


def test_pieces_and_packages_are_no_totals(tmp_path: Path) -> None:
    got = _totals(tmp_path, [("Total in pieces:", "50"), ("Packages (Total):", "5"),
                             ("Total net weight:", "9,420.00 kg")])  # fmt: skip
    assert (got.grand_total, got.tax_exclusive_total, got.due_payable) == (None, None, None)
    assert label_matches("Packages (Total): 5") == {}  # an aside in brackets, no gloss
    # the totals beside them still read
    got = _totals(tmp_path, [("Total in pieces:", "50"), ("Total Declared Value:", "1,000.00")])
    assert got.grand_total == "1000.00"
    got = _totals(tmp_path, [("Total in USD:", "1,000.00")])  # a currency, not a count
    assert (got.grand_total, got.currency) == ("1000.00", "USD")


def test_a_net_total_above_the_tax_line_is_the_net(tmp_path: Path) -> None:
    got = _totals(tmp_path, [("Total", "1,000.00"), ("VAT @ 15%", "150.00"),
                             ("Amount Due", "1,150.00")])  # fmt: skip
    assert (got.tax_exclusive_total, got.tax_total, got.grand_total, got.due_payable) == (
        "1000.00", "150.00", "1150.00", "1150.00",
    )  # fmt: skip
    # the gross total with the tax beside it stays the total
    got = _totals(tmp_path, [("Subtotal", "1,000.00"), ("VAT", "150.00"), ("Total", "1,150.00"),
                             ("Amount Due", "1,150.00")])  # fmt: skip
    assert (got.tax_exclusive_total, got.grand_total) == ("1000.00", "1150.00")


def test_a_nota_fiscal_is_an_invoice_and_its_boxes_read(tmp_path: Path) -> None:
    """Brazil's NF-e (DANFE) and NFS-e: the labels of the boxes with more words than the
    reader knew ('VALOR TOTAL DA NOTA', 'Valor do ISS'), the title, 'Nº 000.012.345'."""
    got = read_page(tmp_path, [
        (15, 10, "NOTA FISCAL DE SERVIÇOS ELETRÔNICA - NFS-e", 11),
        (140, 10, "Número da Nota", 7), (140, 14, "00004817", 9),
        (15, 30, "PRESTADOR DE SERVIÇOS", 8), (15, 35, "Razão Social: Tecnova Ltda", 8),
        (15, 55, "TOMADOR DE SERVIÇOS", 8), (15, 60, "Razão Social: Vale S.A.", 8),
        (15, 90, "VALOR TOTAL DA NOTA = R$ 17.150,00", 10),
        (15, 100, "Valor do ISS", 7), (15, 104, "R$ 857,50", 8),
    ])  # fmt: skip
    assert (got.type_code, got.invoice_number) == ("380", "00004817")
    assert (got.seller_name, got.buyer_name) == ("Tecnova Ltda", "Vale S.A.")
    assert (got.grand_total, got.tax_total, got.currency) == ("17150.00", "857.50", "BRL")
    assert label_matches("Nº 000.012.345")["invoice_number"].rest == "000.012.345"
    assert label_matches("VALOR TOTAL DOS PRODUTOS")["tax_exclusive_total"].rest == ""


# -- rules from the eleventh batch's first reading --------------------------------------------


def test_a_ticked_box_names_the_type(tmp_path: Path) -> None:
    page = [(15, 10, "COMMERCIAL / PROFORMA INVOICE", 13), (15, 20, "Invoice No.: T-1", 9)]
    assert read_page(tmp_path, page).type_code == "325"  # the title alone: pro forma first
    got = read_page(tmp_path, [*page, (140, 11, "☐ Proforma   ☒ Commercial", 9)])
    assert got.type_code == "380"
    got = read_page(tmp_path, [*page, (140, 11, "[ ] Commercial  [X] Proforma", 9)])
    assert got.type_code == "325"


def test_a_title_in_capitals_before_its_details(tmp_path: Path) -> None:
    got = read_page(tmp_path, [(15, 30, "NOTA DI CREDITO N. NC/2026/018 del 12/04/2026", 9),
                               (15, 50, "Imponibile", 9), (60, 50, "-100,00", 9),
                               (15, 55, "Totale documento", 9),
                               (60, 55, "-122,00", 9)])  # fmt: skip
    assert got.type_code == "381"
    assert got.grand_total == "122.00"  # a credit note's negatives, positive
    # one word in capitals before lower-case details is no title
    got = read_page(tmp_path, [(15, 30, "INVOICE address: see below", 9)])
    assert got.type_code is None


def test_amount_in_words() -> None:
    assert words_amount("US Dollars Eight Thousand Three Hundred Twenty-Five Only") == Decimal(
        "8325.00"
    )
    assert words_amount("Rupees Two Lakh Forty Three Thousand Four Hundred Ninety Three Only") == (
        Decimal("243493.00")
    )
    said = "SAY US DOLLARS TWELVE THOUSAND FOUR HUNDRED FIFTY AND FIFTY CENTS ONLY"
    assert words_amount(said) == Decimal("12450.50")
    assert words_amount("Rupees Five Lakh Twenty Nine Thousand and Paise Fifty Only") == Decimal(
        "529000.50"
    )
    assert words_amount("US Dollars One Hundred and Five and 25/100") == Decimal("105.25")
    assert words_amount("Two cartons only") is None  # no scale word: no amount


def test_a_total_in_words_only(tmp_path: Path) -> None:
    page = [(15, 12, "INVOICE", 12), (15, 20, "Invoice No.: T-1", 9),
            (15, 40, "Item", 8), (100, 40, "Qty", 8), (150, 40, "Amount (USD)", 8),
            (15, 46, "Sisal twine", 8), (100, 46, "600", 8), (150, 46, "5,850.00", 8),
            (15, 52, "Sisal rope", 8), (100, 52, "45", 8), (150, 52, "2,475.00", 8)]  # fmt: skip
    got = read_page(tmp_path, [*page, (15, 70, "Amount in words: US Dollars Eight Thousand "
                                           "Three Hundred Twenty-Five Only", 8)])  # fmt: skip
    assert (got.grand_total, got.due_payable, got.currency) == ("8325.00", "8325.00", "USD")
    got = read_page(tmp_path, [*page, (15, 70, "ALL ONE HUNDRED CARTONS ONLY", 8)])
    assert got.grand_total is None  # a count in words


def test_party_details_captions_and_labels(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        (15, 12, "TAX INVOICE", 12), (15, 20, "Invoice No.: T-1", 9),
        (15, 36, "Supplier Details", 8), (15, 41, "Sundaram Auto Components Pvt Ltd", 8),
        (15, 45, "Chennai 600098, Tamil Nadu, India", 8),
        (110, 36, "Recipient Details", 8), (110, 41, "Velan Motors Private Limited", 8),
        (110, 45, "Coimbatore 641018, Tamil Nadu, India", 8),
        (110, 70, "Total Taxable Value", 9), (150, 70, "2,06,350.00", 9),
        (15, 80, "Invoice Value (in words): Rupees Two Lakh Six Thousand Three Hundred Fifty Only",
         8),
    ])  # fmt: skip
    assert (got.seller_name, got.buyer_name) == (
        "Sundaram Auto Components Pvt Ltd", "Velan Motors Private Limited",
    )  # fmt: skip
    assert (got.tax_exclusive_total, got.currency) == ("206350.00", "INR")
    assert label_matches("Importer of Record / Consignee")["buyer"].rest == ""
    assert label_matches("Total without VAT")["tax_exclusive_total"].rest == ""


def test_rupiah_and_rand() -> None:
    assert parse_number("Rp 75.800.000") == Decimal("75800000")
    assert parse_number("R 13 900,00") == Decimal("13900.00")
    assert parse_number("R2") is None  # a code, not the rand


def test_indonesian_labels_and_headers(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        (140, 12, "FAKTUR / INVOICE", 13), (100, 22, "No. Faktur / Invoice No.:", 9),
        (150, 22, "0412/INV/SBY/IV/2026", 9),
        (15, 40, "Nama Barang / Description", 8), (90, 40, "Qty", 8),
        (105, 40, "Satuan / Unit", 8), (130, 40, "Harga Satuan (Rp)", 8),
        (165, 40, "Jumlah (Rp)", 8),
        (15, 47, "Baut mur M16", 8), (95, 47, "800", 8), (105, 47, "Pcs", 8),
        (140, 47, "4.500", 8), (170, 47, "3.600.000", 8),
        (105, 60, "Dasar Pengenaan Pajak (DPP)", 9), (160, 60, "Rp 3.600.000", 9),
        (105, 65, "PPN 11%", 9), (160, 65, "Rp 396.000", 9),
        (105, 70, "Jumlah Tagihan / Total", 9), (160, 70, "Rp 3.996.000", 9),
    ])  # fmt: skip
    assert (got.type_code, got.invoice_number, got.currency) == (
        "380", "0412/INV/SBY/IV/2026", "IDR",
    )  # fmt: skip
    assert (got.tax_exclusive_total, got.tax_total, got.grand_total) == (
        "3600000.00", "396000.00", "3996000.00",
    )  # fmt: skip
    [line] = got.line_items
    assert (line.quantity, line.unit_code, line.amount) == ("800", "H87", "3600000.00")


def test_spanish_uds_and_italian_prezzo_unit() -> None:
    from clearlane.documents.layout import _head_text, _names_column

    assert _names_column(_head_text("Uds."))
    assert _names_column(_head_text("Prezzo unit."))
    assert _names_column(_head_text("No. of units"))
    assert _names_column(_head_text("Full description of goods"))


# Two of the batch's scans (OCR, 200 dpi; the whole batch is the benchmark's): fields right of
# 14 when written, less one for a character OCR may read otherwise on another CPU. Both read
# 4 and 7 before this pass (no NFS-e labels; 'R 12 450,00' no amount).
SCAN_FLOORS = {"br-nfse": 14, "za-tax-invoice": 13}


def test_scans_of_the_batch(tmp_path: Path) -> None:
    chosen = [layout for layout in UNSEEN7 if layout.name in SCAN_FLOORS]
    for name, path in write_scans(tmp_path, chosen).items():
        got = extract(path)
        truth = next(layout.truth for layout in chosen if layout.name == name)
        right = fields_right(got, truth)
        assert got.method == "ocr"
        assert sum(right.values()) >= SCAN_FLOORS[name] - 1, (name, right)


def test_counts_stay_counts_and_currency_names_stay_amounts(tmp_path: Path) -> None:
    """The review of the tenth pass's rules: 'Total in pieces: 50' and 'Total (pcs): 50' were
    the grand total, 'Total in Euro:' must stay one; 'Amount in words: USD One Thousand Only'
    gave no currency."""
    for label in ("Total in pieces:", "Total (pcs):"):
        assert _totals(tmp_path, [(label, "50")]).grand_total is None
    assert _totals(tmp_path, [("Total in Euro:", "1,000.00")]).grand_total == "1000.00"
    got = read_page(tmp_path, [(15, 12, "INVOICE", 12), (15, 20, "Invoice No.: T-1", 9),
                               (15, 40, "Amount in words: USD One Thousand Only", 8)])  # fmt: skip
    assert (got.currency, got.grand_total) == ("USD", "1000.00")
