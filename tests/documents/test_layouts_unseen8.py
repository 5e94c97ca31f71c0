"""The text-layer reader on the thirteenth batch of hand-written invoices
(tests/documents/layouts_unseen8.py: UNSEEN8, written before the reader's code was read for
it: thirteen ways of showing the seller, in eleven countries).

First reading (the reader at 0b9542b, before any rule below; fields right of 14 per invoice,
13 invoices, the benchmark's scorer): text layer 151/182 (83 %), the seller's name 8/13. See
docs/documents.md for the scans and the figures after the rules.
"""

from __future__ import annotations

from pathlib import Path

from tests.documents.batches import batch_tests
from tests.documents.layouts import fields_right, read_page
from tests.documents.layouts_unseen8 import UNSEEN8

# (layout, field) header fields the reader leaves null; why, in docs/documents.md. The first
# reading (0b9542b) left 24 null and read 3 seller names otherwise; the rules below read them.
STILL_MISSED: set[tuple[str, str]] = {
    ("vn-two-line-name", "buyer_name"),  # 'Tên đơn vị (Company name):' under no buyer's label
    ("vn-two-line-name", "buyer_country"),
}
READ_OTHERWISE: dict[tuple[str, str], str] = {}
# the VND thousands' dot read as a decimal mark ('1.200' as 1.2); two header cells touching
# ('Birim / UnitBirim Fiyat / Price': no unit or unit price column)
LINES_OFF = {"tr-two-line-caps"}  # (vn-two-line-name's read since batch 17)

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "unseen8", UNSEEN8, missed=STILL_MISSED, wrong=READ_OTHERWISE, lines_off=LINES_OFF,
    exact_lines=False,
)  # fmt: skip

# Fields right per field over the 13 invoices (the benchmark's scorer), at least as measured:
# the floor a change of the reader must not go under.
# First reading 151/182 (invoice_number 11, type_code 12, issue_date 10, currency 11,
# seller_name 8, seller_vat_id 11, seller_country 9, buyer_name 10, buyer_country 9,
# tax_exclusive_total 12, tax_total 13, grand_total 13, due_payable 13, line_items 9); after
# this pass's rules 177/182:
FIELD_FLOORS = {
    "invoice_number": 12, "type_code": 13, "issue_date": 13, "currency": 13, "seller_name": 13,
    "seller_vat_id": 13, "seller_country": 13, "buyer_name": 12, "buyer_country": 12,
    "tax_exclusive_total": 13, "tax_total": 13, "grand_total": 13, "due_payable": 13,
    "line_items": 11,
}  # fmt: skip


def test_fields_right_per_field(extracted: dict) -> None:
    totals = dict.fromkeys(FIELD_FLOORS, 0)
    for layout in UNSEEN8:
        for field, ok in fields_right(extracted[layout.name], layout.truth).items():
            totals[field] += ok
    assert all(totals[f] >= floor for f, floor in FIELD_FLOORS.items()), totals
    assert sum(totals.values()) >= sum(FIELD_FLOORS.values())


# -- rules from the thirteenth batch's first reading ------------------------------------------


def test_a_party_name_beside_its_label_with_its_lines_under_the_name(tmp_path: Path) -> None:
    """'TO:' with the buyer's name to its right and the address under the name, not under the
    label; a Vietnamese seller's name beside its caption, wrapping onto a second line, its tax
    code and address under the caption once the name's lines end."""
    got = read_page(tmp_path, [
        (15, 12, "COMMERCIAL INVOICE", 14), (120, 30, "INVOICE NO.: HC-1", 9),
        (15, 30, "TO:", 9), (25, 30, "BALTIC HOME DISTRIBUTION SIA", 9),
        (25, 34.5, "KRASTA IELA 52", 9), (25, 39, "RIGA LV-1003, LATVIA", 9),
    ])  # fmt: skip
    assert (got.buyer_name, got.buyer_country) == ("BALTIC HOME DISTRIBUTION SIA", "LV")
    got = read_page(tmp_path, [
        (15, 10, "HÓA ĐƠN GIÁ TRỊ GIA TĂNG", 14),
        (15, 32, "Đơn vị bán hàng (Seller):", 9), (58, 32, "CÔNG TY TNHH MAY MẶC XUẤT KHẨU", 9.5),
        (58, 37, "SÀI GÒN XANH", 9.5), (15, 42, "Mã số thuế (Tax code): 0301234567", 9),
        (15, 47, "Địa chỉ (Address): 125 Cộng Hòa, TP. Hồ Chí Minh, Việt Nam", 9),
    ])  # fmt: skip
    assert (got.seller_name, got.seller_vat_id, got.seller_country) == (
        "CÔNG TY TNHH MAY MẶC XUẤT KHẨU SÀI GÒN XANH", "0301234567", "VN",
    )  # fmt: skip


def test_a_route_is_no_party(tmp_path: Path) -> None:
    page = [(15, 12, "ZHEJIANG HUACHEN IMP. & EXP. CO., LTD.", 13),
            (15, 19, "NO. 88 JIANGBIN ROAD, NINGBO 315100, CHINA", 8),
            (15, 33, "COMMERCIAL INVOICE", 14), (120, 45, "INVOICE NO.: HC-1", 9)]  # fmt: skip
    got = read_page(tmp_path, [*page, (15, 66, "FROM NINGBO, CHINA TO RIGA, LATVIA BY SEA", 9)])
    assert (got.seller_name, got.seller_country) == ("ZHEJIANG HUACHEN IMP. & EXP. CO., LTD.", "CN")
    got = read_page(tmp_path, [*page, (15, 66, "From: Shanghai to Hamburg by vessel", 9)])
    assert got.seller_name == "ZHEJIANG HUACHEN IMP. & EXP. CO., LTD."
    # a company's name with 'to' in it is still a party
    got = read_page(tmp_path, [(15, 12, "INVOICE", 14), (15, 30, "From:", 9),
                               (15, 35, "Made to Measure Ltd", 9), (15, 40, "1 High St, Leeds", 9),
                               (15, 45, "United Kingdom", 9)])  # fmt: skip
    assert got.seller_name == "Made to Measure Ltd"


def test_a_name_over_two_lines(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        (15, 12, "KAPADOKYA HALI VE KİLİM", 13), (15, 18.5, "SANAYİ TİCARET LTD. ŞTİ.", 13),
        (15, 27, "Organize Sanayi Bölgesi 3. Cadde No: 14", 8.5),
        (15, 31, "38070 Kayseri / TÜRKİYE", 8.5),
        (15, 35, "Vergi Dairesi: Erciyes   V.No: 5430098712", 8.5),
        (135, 12, "FATURA / INVOICE", 14),
    ])  # fmt: skip
    assert (got.seller_name, got.seller_vat_id, got.seller_country) == (
        "KAPADOKYA HALI VE KİLİM SANAYİ TİCARET LTD. ŞTİ.", "5430098712", "TR",
    )  # fmt: skip
    # a name with its legal form over its street, in the same type, stays one line
    got = read_page(tmp_path, [(15, 12, "INVOICE", 14), (15, 30, "Seller:", 9),
                               (15, 35, "Lakeside Hardware LLC", 9), (15, 40, "Main Street", 9),
                               (15, 45, "Burlington, VT, USA", 9)])  # fmt: skip
    assert got.seller_name == "Lakeside Hardware LLC"


def test_the_legal_person_before_its_trading_name(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        (15, 12, "Brightside Print & Sign", 20),
        (15, 22, "Harlow Graphics Ltd t/a Brightside Print & Sign", 8.5),
        (15, 27, "Unit 3, Canal Wharf, Leeds LS11 5PY, United Kingdom", 8),
        (160, 12, "INVOICE", 16), (130, 44, "Invoice no.  BPS-1", 9),
    ])  # fmt: skip
    assert (got.seller_name, got.seller_country) == ("Harlow Graphics Ltd", "GB")


def test_the_footer_names_the_issuer_under_a_logo(tmp_path: Path) -> None:
    page = [(15, 12, "NORTHSTAR", 26), (16, 25, "trail & camp equipment since 1998", 8),
            (150, 12, "INVOICE", 18), (130, 30, "Invoice No: NS-1", 9)]  # fmt: skip
    footer = "Northstar Outfitters LLC · 55 NW Fir Street, Portland, OR 97209, USA · (503) 555-0142"
    got = read_page(tmp_path, [*page, (15, 281, footer, 7)])
    assert (got.seller_name, got.seller_country) == ("Northstar Outfitters LLC", "US")
    # as OCR reads it, no spaces beside the middle dots
    got = read_page(tmp_path, [*page, (15, 281, footer.replace(" · ", "·"), 7)])
    assert got.seller_name == "Northstar Outfitters LLC"
    # a bank's line in the footer names no issuer
    got = read_page(tmp_path, [*page, (15, 281, "First Alpine Bank AG · IBAN CH93 0076 2011", 7)])
    assert got.seller_name is None


def test_a_large_name_over_its_address_with_a_gap(tmp_path: Path) -> None:
    # the twelfth batch's letterhead: 14 pt bold 12 mm over 8.5 pt address lines
    got = read_page(tmp_path, [
        (15, 12, "Harrow & Finch Furniture Ltd", 14), (150, 12, "INVOICE", 16),
        (15, 24, "22 Mill Lane, Bakewell DE45 1HA", 8.5), (15, 28, "United Kingdom", 8.5),
        (120, 24, "Invoice No.", 9), (155, 24, "HF-1", 9),
    ])  # fmt: skip
    assert (got.seller_name, got.seller_country) == ("Harrow & Finch Furniture Ltd", "GB")


def test_a_currency_label_and_its_code_in_one_run(tmp_path: Path) -> None:
    page = [(15, 12, "INVOICE", 12), (15, 20, "Invoice No.: T-1", 9)]
    for text, code in (("Currency: VND", "VND"), ("Đồng tiền thanh toán (Currency): VND", "VND"),
                       ("Invoice currency: SAR", "SAR")):  # fmt: skip
        assert read_page(tmp_path, [*page, (15, 40, text, 9)]).currency == code, text
    got = read_page(tmp_path, [*page, (100, 60, "Please Pay This Amount (USD)", 9),
                               (165, 60, "1,318.10", 9)])  # fmt: skip
    assert (got.due_payable, got.currency) == ("1318.10", "USD")


def test_a_letter(tmp_path: Path) -> None:
    """A table-less letter: the subject line's 'Re: Invoice No.', its date alone at the head,
    the addressee's company under a person's and a department's lines."""
    got = read_page(tmp_path, [
        (120, 12, "Brennan Translation Services Ltd", 10.5), (120, 18, "14 Dominick Street", 8.5),
        (120, 22, "Galway H91 X2K7", 8.5), (120, 26, "Ireland", 8.5),
        (15, 45, "Ms Claire Dubois", 9.5), (15, 49.8, "Legal Department", 9.5),
        (15, 54.6, "Atelier Juridique Rhône SAS", 9.5), (15, 59.4, "8 quai Saint-Antoine", 9.5),
        (15, 64.2, "69002 Lyon", 9.5), (15, 69, "France", 9.5),
        (150, 78, "12 April 2026", 9.5), (15, 90, "Re: Invoice No. BTS-2026-041", 10),
        (15, 100, "Dear Ms Dubois,", 9.5),
        (15, 110, "Translation delivered on 9 April 2026: €1,152.00", 9.5),
        (15, 115, "Total: €1,152.00", 9.5),
    ])  # fmt: skip
    assert (got.invoice_number, got.type_code, got.issue_date) == (
        "BTS-2026-041", "380", "2026-04-12",
    )  # fmt: skip
    assert (got.buyer_name, got.buyer_country) == ("Atelier Juridique Rhône SAS", "FR")
    # two dates alone at the head: neither is taken
    got = read_page(tmp_path, [(15, 12, "Re: Invoice No. 41", 10), (150, 30, "12 April 2026", 9),
                               (150, 60, "12 May 2026", 9)])  # fmt: skip
    assert got.issue_date is None


def test_labels_of_the_batch() -> None:
    from clearlane.documents.layout import (
        _head_text,
        _names_column,
        country_code,
        label_matches,
        parse_date,
    )

    assert label_matches("Invoice Issue Date:")["issue_date"].rest == ""
    assert label_matches("V.No: 5430098712")["vat"].rest == "5430098712"
    assert country_code("Country: Saudi Arabia") == "SA"
    assert label_matches("Cộng tiền hàng (Total amount before VAT):")["tax_exclusive_total"]
    date = label_matches("Ngày (Date) 12 tháng (month) 04 năm (year) 2026")["issue_date"].rest
    assert parse_date(date) == "2026-04-12"
    assert parse_date("ngày 05 tháng 03 năm 2026") == "2026-03-05"
    # ('Số lượng' names the column itself since batch 17; its gloss did before)
    for head, name in (("Qty Shipped", "Qty Shipped"), ("Extended", "Extended"),
                       ("Qty الكمية", "Qty"), ("Số lượng (Qty)", "Số lượng")):  # fmt: skip
        assert _head_text(head) == name and _names_column(name), head


# Two of the batch's scans (OCR, 200 dpi; the whole batch is the benchmark's): fields right of
# 14 when written, less one for a character OCR may read otherwise on another CPU. They read 12
# and 10 at the first reading (no seller from the footer, where OCR drops the spaces beside
# '·'; the route as the seller, no buyer beside 'TO:').
SCAN_FLOORS = {"us-logo-footer": 14, "cn-caps-street": 14}


def test_scans_of_the_batch(tmp_path: Path) -> None:
    from clearlane.documents import extract
    from tests.documents.layouts import write_scans

    chosen = [layout for layout in UNSEEN8 if layout.name in SCAN_FLOORS]
    for name, path in write_scans(tmp_path, chosen).items():
        got = extract(path)
        truth = next(layout.truth for layout in chosen if layout.name == name)
        right = fields_right(got, truth)
        assert got.method == "ocr"
        assert sum(right.values()) >= SCAN_FLOORS[name] - 1, (name, right)
