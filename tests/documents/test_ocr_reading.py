"""The reader on what OCR makes of a page: runs with spaces dropped or added, padded boxes,
full-width punctuation. Pages are built from runs as ocr.py gives them (no OCR is run)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from clearlane.documents.layout import (
    Page,
    Word,
    country_code,
    decimal_mark_of,
    label_matches,
    parse_date,
    parse_number,
    read_pages,
    split_run,
)
from clearlane.documents.models import Extraction
from clearlane.documents.ocr import clean_text, runs_of

H = 30.0  # a line's height in pixels (200 dpi)


def _ocr_page(runs: list[tuple[float, float, float, str]]) -> Page:
    """Runs as (x0, top, x1, text) on an A4 page at 200 dpi."""
    words = [Word(text, x0, top, x1, top + H, 0.9) for x0, top, x1, text in runs]
    return Page(number=1, width=1654, height=2339, runs=words, source="ocr",
                words=[w for run in words for w in split_run(run)])  # fmt: skip


def _read(runs: list[tuple[float, float, float, str]]) -> Extraction:
    return read_pages([_ocr_page(runs)], Extraction(pages=1))


def test_a_value_whose_box_overlaps_its_label_is_read() -> None:
    got = _read([(146, 517, 351, "Rechnungsnr."), (339, 517, 536, "R-2026-311")])
    assert got.invoice_number == "R-2026-311"


def test_a_vat_id_run_into_its_label_is_read() -> None:
    got = _read([
        (142, 246, 443, "Cedente/Prestatore"), (143, 286, 428, "Tessitura Bianchi S.r.l."),
        (143, 319, 310, "Via Roma 12"), (142, 355, 310, "22100 Como"), (143, 393, 213, "Italia"),
        (139, 428, 421, "P.IVAIT01234567890"),
    ])  # fmt: skip
    assert got.seller_vat_id == "IT01234567890"


def test_table_headers_without_their_spaces() -> None:
    got = _read([
        (152, 662, 322, "Description"), (840, 662, 971, "Quantity"),
        (1077, 662, 1222, "UnitPrice"), (1385, 662, 1563, "NetAmount"),
        (148, 717, 365, "Oak dining chair"), (929, 717, 973, "24"),
        (1126, 717, 1223, "85.00"), (1426, 717, 1562, "2,040.00"),
    ])  # fmt: skip
    assert [(i.description, i.quantity, i.unit_price, i.amount) for i in got.line_items] == [
        ("Oak dining chair", "24", "85", "2040.00")
    ]


def test_full_width_punctuation_becomes_ascii() -> None:
    assert clean_text("TOTAL AMOUNT（EUR)：  1,250.00") == "TOTAL AMOUNT(EUR): 1,250.00"


def _characters(text: str, lefts: list[float]) -> list[Any]:
    """RapidOCR's result for one run: every character's box 14 px wide, 32 px high."""
    boxes = [[[x, 0], [x + 14, 0], [x + 14, 32], [x, 32]] for x in lefts]
    quad = [[lefts[0], 0], [lefts[-1] + 14, 0], [lefts[-1] + 14, 32], [lefts[0], 32]]
    return [quad, text, 0.95, boxes, list(text), [0.95] * len(text)]


def test_a_wide_letter_splits_no_word() -> None:
    # 'Factuurnummer' as the recogniser places it: 10 px (0.31 of the height) beside each 'm'.
    lefts = [0, 14, 28, 42, 56, 75, 89, 103, 117, 141, 165, 184, 198]
    assert [r.text for r in runs_of([_characters("Factuurnummer", lefts)])] == ["Factuurnummer"]


def test_a_gap_between_words_is_a_space() -> None:
    lefts = [0, 14, 28, 56, 70, 84]  # 14 px (0.44 of the height) between 'Oak' and 'box'
    assert [r.text for r in runs_of([_characters("Oakbox", lefts)])] == ["Oak box"]


def test_a_date_without_its_spaces() -> None:
    assert parse_date("December3,2026") == "2026-12-03"
    assert parse_date("Dec 3 2026") == "2026-12-03"


def test_a_date_shows_no_decimal_mark() -> None:
    # '3,2026' inside a date looked like a decimal comma and misread every amount.
    assert decimal_mark_of(["December3,2026", "¥628,000", "¥12,500"]) is None
    assert decimal_mark_of(["December3,2026", "12.40"]) == "."


def test_a_currency_code_run_into_a_column_header() -> None:
    got = _read([
        (136, 650, 307, "Description"), (824, 650, 955, "Quantity"),
        (1060, 650, 1208, "Unit Price"), (1360, 650, 1547, "AmountAUD"),
        (136, 705, 435, "Merino yarn 8 ply, 50 g"), (898, 705, 957, "600"),
        (1143, 705, 1208, "4.95"), (1427, 705, 1547, "2,970.00"),
    ])  # fmt: skip
    assert [(i.quantity, i.amount) for i in got.line_items] == [("600", "2970.00")]


def test_bilingual_labels_without_spaces_around_the_slash() -> None:
    got = _read([
        (145, 268, 428, "Sprzedawca /Seller"), (894, 268, 1136, "Nabywca./Buyer"),
        (138, 304, 366, "Meblex Sp. z o.o."), (891, 305, 1182, "Wohnwelt Hansen ApS"),
        (143, 341, 343, "ul. Fabryczna 7"), (893, 342, 1081, "Vestergade 12"),
        (146, 379, 341, "61-001 Poznan"), (893, 378, 1060, "8000 Aarhus"),
        (145, 413, 232, "Polska"), (891, 412, 1016, "Denmark"),
        (893, 746, 1230, "Razem netto /Nettotal"), (1361, 746, 1554, "18 150,00 EUR"),
    ])  # fmt: skip
    assert (got.seller_name, got.buyer_name, got.seller_country, got.buyer_country) == (
        "Meblex Sp. z o.o.",
        "Wohnwelt Hansen ApS",
        "PL",
        "DK",
    )
    assert got.tax_exclusive_total == "18150.00"


def test_price_per_unit_stays_one_header() -> None:
    got = _read([
        (136, 650, 307, "Description"), (824, 650, 955, "Qty"),
        (1060, 650, 1208, "Price/Unit"), (1360, 650, 1547, "Amount"),
        (136, 705, 435, "Wool yarn"), (898, 705, 957, "600"),
        (1143, 705, 1208, "4.95"), (1427, 705, 1547, "2,970.00"),
    ])  # fmt: skip
    assert [(i.unit_price, i.amount) for i in got.line_items] == [("4.95", "2970.00")]


def test_numbered_boxes_and_a_colon_read_as_a_comma() -> None:
    got = _read([
        (889, 210, 1232, "8) No.& date of invoice"), (889, 251, 1245, "HB-26-0457. DEC.3,2026"),
        (144, 390, 599, "2) For account & risk of Messrs,"),
        (144, 429, 545, "Elektro Groothandel Visser B.V."), (144, 467, 327, "Kanaalweg 15"),
        (144, 503, 355, "3526 KL Utrecht"), (145, 537, 304, "Netherlands"),
        (317, 629, 669, "11)Description of goods"), (784, 629, 970, "12)Quantity"),
        (1021, 629, 1221, "13)Unit price"), (1380, 629, 1556, "14)Amount"),
        (317, 683, 601, "LED panel"), (859, 683, 970, "800"),
        (1092, 683, 1224, "18.20"), (1369, 683, 1553, "14,560.00"),
    ])  # fmt: skip
    assert (got.invoice_number, got.issue_date) == ("HB-26-0457", "2026-12-03")
    assert (got.buyer_name, got.buyer_country) == ("Elektro Groothandel Visser B.V.", "NL")
    assert [(i.quantity, i.amount) for i in got.line_items] == [("800", "14560.00")]


def test_a_decimal_comma_read_as_a_semicolon() -> None:
    assert parse_number("32;00", ",") == Decimal("32.00")
    assert parse_number("1.280;00", ",") == Decimal("1280.00")


def test_a_capital_i_read_as_l_in_a_label() -> None:
    assert "buyer" in label_matches("Buyer/lmporter:")
    assert label_matches("USt-ldNr.: DE 123 456789")["vat"].rest == "DE 123 456789"
    assert "buyer" not in label_matches("Llama wool")  # no change where l + l or a vowel


def test_a_header_with_a_stray_full_stop_after_its_currency() -> None:
    got = _read([
        (310, 635, 512, "Beschreibung"), (918, 638, 1023, "Anzahl"),
        (1112, 638, 1257, "Preis CHF."), (1400, 635, 1549, "Total CHF"),
        (313, 695, 693, "Armbanduhr Automatik, Stahl"), (996, 694, 1020, "5"),
        (1137, 691, 1256, "1'240.00"), (1430, 694, 1549, "6'200.00"),
    ])  # fmt: skip
    assert [(i.unit_price, i.amount) for i in got.line_items] == [("1240", "6200.00")]


@pytest.mark.parametrize("second", [675, 665])  # apart, or OCR boxes overlapping by 5 px
def test_a_header_on_two_lines(second: float) -> None:
    got = _read([
        (150, 640, 320, "Description"), (840, 640, 900, "Qty"),
        (1100, 640, 1170, "Unit"), (1420, 640, 1480, "Net"),
        (1090, second, 1180, "Price"), (1400, second, 1560, "Amount"),
        (150, 740, 500, "Stainless bolt M8"), (860, 740, 900, "12"),
        (1100, 740, 1180, "18.50"), (1440, 740, 1560, "222.00"),
    ])  # fmt: skip
    assert [(i.quantity, i.unit_price, i.unit_code, i.amount) for i in got.line_items] == [
        ("12", "18.5", None, "222.00")
    ]


def test_a_unit_under_its_header_is_no_second_header_line() -> None:
    got = _read([
        (145, 630, 342, "DESCRIPTION"), (806, 626, 957, "QUANTITY"), (985, 627, 1065, "UNIT"),
        (1099, 630, 1262, "UNIT PRICE"), (1453, 629, 1556, "TOTAL"),
        (146, 684, 524, "COTTON TOWEL 50X90"), (876, 682, 957, "3.000"), (994, 681, 1054, "PCS"),
        (1199, 682, 1266, "2,15"), (1437, 684, 1556, "6.450,00"),
    ])  # fmt: skip
    assert [(i.quantity, i.unit_code, i.amount) for i in got.line_items] == [
        ("3000", "H87", "6450.00")
    ]


def test_a_total_tax_line_wins_beside_one_readable_rate() -> None:
    # OCR lost the 7 % line's label; the printed 'Summe MwSt.' is still the tax total.
    got = _read([
        (899, 907, 1081, "Nettobetrag"), (1367, 909, 1520, "550,00 EUR"),
        (900, 950, 1127, "zzgl.7 % M w5t."), (1381, 948, 1524, "24,50 EUR"),
        (900, 988, 1146, "zzgl.19 % MwSt."), (1380, 988, 1521, "38,00 EUR"),
        (900, 1026, 1100, "Summe MwSt."), (1380, 1026, 1521, "62,50 EUR"),
    ])  # fmt: skip
    assert got.tax_total == "62.50"


def test_a_country_whose_capital_i_is_read_as_l() -> None:
    assert country_code("lreland") == "IE"
    assert country_code("lceland") == "IS"
    assert country_code("Llanelli") is None


def test_a_space_read_as_a_full_stop_in_a_label() -> None:
    assert "due_payable" in label_matches("Amount.Due")
    assert "buyer" in label_matches("Bill.To")
    assert label_matches("Fattura.n.. 153/2026")["invoice_number"].rest == "153/2026"
    assert "tax_exclusive_total" in label_matches("Net.Amount")


def test_a_capital_m_splits_no_word() -> None:
    lefts = [0, 24, 38]  # 10 px (0.31 of the height) after the 'M'
    assert [r.text for r in runs_of([_characters("MAX", lefts)])] == ["MAX"]


def test_two_cells_boxed_as_one_run_are_two_runs() -> None:
    # PP-OCRv6 boxes 'Quantity' and 'Unit Price' as one run: 34 px (1.06 of the height) apart.
    lefts = [0, 14, 28, 42, 56, 70, 84, 98, 146, 160, 174, 188, 216, 230, 244, 258, 272]
    (run,) = [_characters("QuantityUnitPrice", lefts)]
    got = runs_of([run], cell_gap=0.6)  # ocr.CELL_GAP, what PP-OCRv6 runs are cut at
    assert [(r.text, r.x0) for r in got] == [("Quantity", 0), ("Unit Price", 146)]
    assert got[-1].x1 == 286


def test_a_space_the_recogniser_wrote_is_kept() -> None:
    # 'Net à payer' with the gaps of letters inside a word: the spaces come from the text.
    text = "Net à payer"
    letters = text.replace(" ", "")
    run = _characters(letters, [14.0 * i for i in range(len(letters))])
    run[1] = text
    assert [r.text for r in runs_of([run])] == ["Net à payer"]


def test_words_in_brackets_stay_in_their_header_cell() -> None:
    got = _read([
        (145, 682, 319, "Description"), (884, 680, 1270, "Qty Unit price (excl. VAT)"),
        (1359, 684, 1561, "Item subtotal"),
        (147, 736, 488, "Espresso machine EM-300"), (917, 740, 949, "1"),
        (1150, 735, 1271, "€210.08"), (1443, 733, 1561, "€210.08"),
    ])  # fmt: skip
    assert [(i.quantity, i.unit_price, i.amount) for i in got.line_items] == [
        ("1", "210.08", "210.08")
    ]


def test_a_blank_date_takes_no_other_labels_date_from_under_it() -> None:
    # 'Invoice Date:' left blank, another label's value beside it, the delivery date under it:
    # the delivery date is no issue date (a wrong date is worse than none).
    got = _read([
        (100, 100, 500, "INVOICE"), (100, 200, 500, "Invoice No.: A-1001"),
        (100, 300, 330, "Invoice Date:"), (700, 300, 1000, "Order No.: 4711"),
        (100, 340, 600, "Delivery Date: 02.12.2026"),
    ])  # fmt: skip
    assert got.invoice_number == "A-1001"
    assert got.issue_date is None


def test_an_iso_date_on_the_page_shows_no_day_first_order() -> None:
    # '2026-11-20' holds '26-11-20', a day-first date with a two-digit year, only if a number
    # may start inside another: a US invoice's '12/05/2026' is still 5 December.
    got = _read([
        (100, 100, 500, "INVOICE"), (100, 200, 500, "Invoice No.: 10234"),
        (100, 250, 500, "Date: 12/05/2026"),
        (100, 300, 600, "Seller:"), (100, 340, 600, "Lone Star Fasteners LLC"),
        (100, 380, 600, "1200 Elm St, Dallas, TX 75201, USA"),
        (100, 2000, 800, "Printed 2026-11-20 14:02"),
    ])  # fmt: skip
    assert got.seller_country == "US"
    assert got.issue_date == "2026-12-05"


def test_a_service_line_named_after_a_tax_stays_a_line_item() -> None:
    # A tax row in the item table ('Output CGST @ 9%') is no line item; a service whose
    # description starts with a tax's name ('Tax advisory services') is one.
    got = _read([
        (100, 600, 500, "Description"), (800, 600, 900, "Qty"), (1000, 600, 1200, "Unit price"),
        (1300, 600, 1500, "Amount"),
        (100, 660, 700, "Espresso machine EM-300"), (850, 660, 880, "2"),
        (1050, 660, 1200, "400.00"), (1300, 660, 1500, "800.00"),
        (100, 720, 700, "Tax advisory services"), (1300, 720, 1500, "1,500.00"),
        (100, 780, 700, "Output CGST @ 9%"), (1300, 780, 1500, "207.00"),
    ])  # fmt: skip
    assert [(i.description, i.amount) for i in got.line_items] == [
        ("Espresso machine EM-300", "800.00"), ("Tax advisory services", "1500.00"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("label", "tax"), [("VAT 20%", "460.00"), ("VAT amount", "460.00"), ("IVA / VAT", "460.00")]
)
def test_a_service_line_named_after_a_tax_is_not_the_tax_total(label: str, tax: str) -> None:
    # 'Tax advisory services' with its quantity 1 is a line item; the tax total is the VAT
    # line's (it read 1.00, the service's quantity, as the tax total).
    got = _read([
        (100, 100, 500, "INVOICE"), (100, 200, 500, "Invoice No.: 2026-117"),
        (100, 600, 500, "Description"), (800, 600, 900, "Qty"), (1000, 600, 1200, "Unit price"),
        (1300, 600, 1500, "Amount"),
        (100, 660, 700, "Espresso machine EM-300"), (850, 660, 880, "2"),
        (1050, 660, 1200, "400.00"), (1300, 660, 1500, "800.00"),
        (100, 720, 700, "Tax advisory services"), (850, 720, 880, "1"),
        (1050, 720, 1200, "1,500.00"), (1300, 720, 1500, "1,500.00"),
        (1000, 900, 1200, "Subtotal"), (1300, 900, 1500, "2,300.00"),
        (1000, 960, 1200, label), (1300, 960, 1500, "460.00"),
        (1000, 1020, 1200, "Total"), (1300, 1020, 1500, "2,760.00"),
    ])  # fmt: skip
    assert got.tax_total == tax
    assert got.grand_total == "2760.00"
    assert [i.description for i in got.line_items] == [
        "Espresso machine EM-300", "Tax advisory services",
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["To Go Foods Ltd", "Customer Care Ltd", "Kunde AG"])
def test_a_name_starting_with_a_party_word_is_the_partys_name(name: str) -> None:
    # 'Bill to:' over a name that starts like a party label: the name, not its tail ('Go Foods
    # Ltd'). A party label used as one ('Sold to: ACME Ltd', a colon) still names no one here.
    got = _read([
        (1000, 100, 1500, "INVOICE"), (1000, 160, 1500, "Invoice No.: 2026-117"),
        (100, 440, 400, "Bill to:"), (100, 480, 600, name),
        (100, 520, 700, "1 Market St, Leeds LS1 1AA, United Kingdom"),
    ])  # fmt: skip
    assert got.buyer_name == name


def test_a_month_beside_the_title_is_no_invoice_number() -> None:
    # 'No.' beside the title names the number ('COMMERCIAL INVOICE  No. 4471'); 'NOV 28, 2026'
    # there is a date, not 'No' and the number 'V 28'.
    got = _read([(100, 100, 600, "INVOICE"), (700, 100, 1100, "NOV 28, 2026")])
    assert got.type_code == "380"
    assert got.invoice_number is None
    titled = _read([(100, 100, 600, "COMMERCIAL INVOICE"), (700, 100, 1000, "No. 4471")])
    assert titled.invoice_number == "4471"


def _read_recognised(
    monkeypatch: pytest.MonkeyPatch, runs: list[tuple[float, float, float, str]]
) -> Extraction:
    """The page read through ocr_page, the recogniser giving ``runs`` (x0, top, x1, text)."""
    import numpy as np

    from clearlane.documents import ocr

    words = [Word(text, x0, top, x1, top + H, 0.9) for x0, top, x1, text in runs]
    monkeypatch.setattr(ocr, "_rapidocr", lambda gray: list(words))
    monkeypatch.setattr(ocr, "deskew", lambda gray: (gray, 0.0))
    page = ocr.ocr_page(np.full((2339, 1654), 255, dtype=np.uint8), 1)
    return read_pages([page], Extraction(pages=1))


_SELLER = [(140, 88, 900, "Comptoir Burundais du Thé et du Café SPRL"),
           (141, 136, 1000, "Boulevard du Peuple Murundi 7, Bujumbura, Burundi")]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "vat_id"),
    [
        ("NIF:4000123456 RC:58211", "4000123456"),
        ("TIN: 1234567 Tel: +670 7723 4567", "1234567"),
        ("N°TVA: 12345 Tél.: +678 22 345", "12345"),
    ],
)
def test_a_label_after_a_tax_id_in_one_run_ends_it(
    monkeypatch: pytest.MonkeyPatch, line: str, vat_id: str
) -> None:
    """Session 32 (scans32, batches 31-32 as scans): the recogniser boxed a tax id and the next
    label's cell as one run; the id ran on into 'RC: 58211' and was no id."""
    got = _read_recognised(monkeypatch, [*_SELLER, (141, 166, 141 + 14 * len(line), line)])
    assert got.seller_vat_id == vat_id


def test_a_date_with_1er_read_ler(monkeypatch: pytest.MonkeyPatch) -> None:
    """Session 32 (scans32, batch 32's Mauritanian facture as a scan): '1er décembre' read
    'ler décembre' and the date was lost."""
    got = _read_recognised(monkeypatch, [
        (937, 289, 1030, "Date :"), (1059, 289, 1480, "Nouakchott, le ler décembre 2026"),
    ])  # fmt: skip
    assert got.issue_date == "2026-12-01"


def test_a_semicolon_read_for_the_comma_before_a_country(monkeypatch: pytest.MonkeyPatch) -> None:
    """Session 32 (scans32, batch 32's Mauritanian facture as a scan): 'Nouadhibou;
    Mauritanie' hid the seller's country, and with it the seller's block."""
    got = _read_recognised(monkeypatch, [
        (151, 98, 900, "Société Mauritanienne des Produits de la Mer SA"),
        (151, 144, 880, "Zone Industrielle du Port, Nouadhibou; Mauritanie"),
        (1212, 204, 1400, "FACTURE"),
    ])  # fmt: skip
    assert got.seller_country == "MR"
    assert clean_text("Net 30 days; late fees") == "Net 30 days; late fees"


def test_a_space_between_thousands_read_as_a_point_in_a_line_amount() -> None:
    """Session 32 (scans32, batch 35's Gabonese facture as a scan): '18 450 000' read
    '18 450.000', which read 18,450.000 though 45 m3 at 410 000 make 18,450,000; a wrong value.
    The amount that fits (only when the separator stands before three digits) is taken."""
    got = _read([
        (131, 459, 330, "Désignation"), (792, 458, 880, "Unité"), (951, 458, 1010, "Qté"),
        (1084, 459, 1250, "P.U. (FCFA)"), (1331, 462, 1560, "Montant (FCFA)"),
        (129, 514, 560, "Okoumé déroulé, placage 2,2 mm"), (793, 519, 830, "m3"),
        (955, 514, 1005, "120"), (1142, 513, 1250, "285 000"), (1406, 515, 1560, "34 200 000"),
        (131, 561, 480, "Padouk scié, avivés 27 mm"), (793, 561, 830, "m3"),
        (969, 560, 1005, "45"), (1140, 558, 1250, "410 000"), (1407, 559, 1560, "18 450.000"),
        (801, 626, 940, "Total HT"), (1322, 628, 1560, "52 650 000 FCFA"),
    ])  # fmt: skip
    assert [(i.quantity, i.unit_price, i.amount) for i in got.line_items] == [
        ("120", "285000", "34200000.00"),
        ("45", "410000", "18450000.00"),
    ]


def test_an_abbreviations_point_read_as_a_comma_before_no(monkeypatch: pytest.MonkeyPatch) -> None:
    """Session 32 (scans32, batch 35's Namibian tax invoice as a scan): 'VAT Reg. No.' read
    'VAT Reg, No.' and the seller's VAT number was lost."""
    got = _read_recognised(monkeypatch, [
        (146, 93, 600, "Kalahari Meat Traders (Pty) Ltd"), (1210, 93, 1450, "TAX INVOICE"),
        (146, 138, 1000, "12 Sam Nujoma Drive, Klein Windhoek, Windhoek, Namibia"),
        (148, 173, 380, "Co. Reg. No. 2015/0456"), (398, 173, 760, "VAT Reg, No. 4567891-01-5"),
    ])  # fmt: skip
    assert got.seller_vat_id == "4567891015"
