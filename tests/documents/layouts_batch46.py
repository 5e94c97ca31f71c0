"""A forty-sixth batch of hand-written invoices (session 36, invoices33), written and committed
before the reader's code was read: twenty layouts of the suppliers a customs office receives
that batches 1-45 hold few of, with the kinds of page the earlier batches hold least: pro-forma
and commercial invoices with packing details, line items over two pages, totals with discounts,
freight and insurance lines, thousands written with spaces or apostrophes, dates in words.

East Asian (English, no CJK font here): a Korean exporter's ``COMMERCIAL INVOICE`` with a
combined ``No. & date of invoice`` box, packing columns (CTNs, N.W., G.W.) and FOB Busan; a
Korean ``PROFORMA INVOICE`` in won (``₩``) with a discount and a freight line; a Japanese
invoice with a qualified-invoice ``Registration No. T…``, yen without decimals, a date in words
and consumption tax 0 % for an export; a Thai ``TAX INVOICE`` (``Tax ID`` of 13 digits, VAT 7 %).

Turkish, Central European and Greek: a Turkish ``e-Arşiv Fatura`` (VKN, ``08 Aralık 2026``, a
document discount ``Toplam İskonto`` before ``Vergi Hariç Tutar``, KDV %20, TL); a Turkish
exporter's English ``PROFORMA INVOICE`` over two pages (EUR, pallets, FCA); a Polish ``Faktura
VAT`` (``8 grudnia 2026 r.``, VAT 23 % and 8 % on one page, ``12 345,67 zł``); a Polish
``Faktura korygująca`` (negative rows with spaces); a Czech ``FAKTURA – DAŇOVÝ DOKLAD``
(``8. prosince 2026``, a DUZP date, ``Sleva 5 %`` before ``Základ DPH``); a Greek ``ΤΙΜΟΛΟΓΙΟ
ΠΩΛΗΣΗΣ`` (series and number apart, ΑΦΜ, ΦΠΑ 13 %); a Swiss ``Rechnung`` (``12'345.60``, MWST
8,1 %).

African and South Asian: an Egyptian ``Tax Invoice`` with fourteen lines over two pages (Tax
Registration No., VAT 14 %, EGP); a Kenyan ``PROFORMA INVOICE`` to Tanzania (KRA PIN, bags,
``8th December 2026``, VAT 0 % export, KShs); a Pakistani ``COMMERCIAL INVOICE`` (NTN and STRN,
dozens, packing, FOB + freight = CFR); a Pakistani ``Sales Tax Invoice`` (STRN, ``Rs.``, sales
tax 18 %); a Bangladeshi ``PROFORMA INVOICE`` (BIN, cartons per line, ``US$``, an amount in
words).

Latin American: a Chilean ``FACTURA ELECTRÓNICA`` in pesos written ``$`` only (dots between
thousands, no decimals, ``08 de Diciembre del 2026``); a Colombian ``Factura electrónica de
exportación`` (``Prefijo`` apart from ``No.``, NIT, sacks, FOB + flete + seguro = CIF); a
Colombian domestic ``Factura electrónica de venta`` (a discount, IVA 19 %, ``Rete Fuente``
withheld from ``Neto a pagar``).

Ground truth by docs/documents.md's "Ground-truth conventions", read before writing: the
document's own number (series and number printed apart joined by one space); the date of issue,
not a supply (DUZP, data sprzedaży) date; the seller's tax id of its country (Korea's business
registration number, Japan's T-number with its T, VKN, NIP with its printed PL, DIČ over IČ, ΑΦΜ,
CHE…MWST, Egypt's tax registration number, KRA PIN, STRN over NTN, BIN, RUT, NIT, Thailand's
Tax ID); countries only where the page names them; Chile's ``$`` alone no currency; a printed
zero tax line a tax total 0.00 with its net the tax-exclusive total; a discount before a printed
net: that net; freight or insurance after a subtotal: no tax-exclusive total; a pro forma 325, a
correction 381 with positive amounts; the amount due after a withholding as printed; units as
UN/ECE codes (pcs/PCS/ks/szt./Adet/τεμ./UN/Stk. H87, kg KGM, m MTR, lt LTR, doz DZN, set SET,
bag XBG, saco XSA, ctn XCT, pallet XPX); no unit column: null.

First reading (out of sample, main 45869b70, benchmarks/documents_batches.py, text layer): 242
right / 16 null / 8 wrong of 266 cells. Wrong: tr-e-arsiv-iskonto's net (the total before the
discount), gr-timologio-seira's number (``00847`` without its series), pk-commercial-cfr-freight's
grand total and amount due (the FOB subtotal), co-factura-retefuente's total as the amount due
(before the withholding), and the line tables of gr-timologio-seira, ke-proforma-tz-bags and
bd-proforma-cartons. All 48 batches on main: 7,119 / 372 / 27 of 7,518.
After invoices33 (session 36): 259 / 4 / 3; all batches 7,146 / 350 / 22 (docs/documents.md).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _sp, _totals
from tests.documents.layouts_batch20 import UnitItem, _de, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_batch44 import _cols5, _rows, _tax
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round

H87, KGM, MTR, LTR = "H87", "KGM", "MTR", "LTR"


def _ch(value: Decimal) -> str:
    """12'345.60: an apostrophe between thousands."""
    return _group(value, "ch")


def _yen(value: Decimal) -> str:
    return f"{int(value):,}"


def _peso(value: Decimal) -> str:
    """1.234.567: dots between thousands, no decimals."""
    return f"{int(value):,}".replace(",", ".")


def _whole_tax(net: Decimal, rate: str) -> Decimal:
    return (net * _d(rate) / 100).quantize(Decimal(1))


# == East Asian ===============================================================================

# -- Korea: COMMERCIAL INVOICE, 'No. & date of invoice' in one box, packing columns, FOB -------

_KR_ITEMS: list[UnitItem] = [("Centrifugal pump impeller, SCS13, 250 mm", "600", "PCS", "38.50"),
                             ("Mechanical seal set, SiC/SiC, 45 mm", "240", "SET", "61.00"),
                             ("Pump casing gasket, PTFE", "1200", "PCS", "2.35")]  # fmt: skip
_KR_NET = _unit_sum(_KR_ITEMS)


def kr_commercial_invoice() -> bytes:
    s = Sheet2()
    s.text(70, 10, "COMMERCIAL INVOICE", size=15, bold=True)
    s.pdf.rect(15, 20, 90, 26)
    s.text(16, 21, "(1) Shipper / Exporter", size=6.5)
    _block(s, 17, 25, ["HANSOL PRECISION CO., LTD.", "45, Noksansandan 17-ro, Gangseo-gu",
                       "Busan 46752, Korea", "Business Registration No.: 617-81-23456"],
           size=7.5)  # fmt: skip
    s.pdf.rect(105, 20, 90, 13)
    s.text(106, 21, "(8) No. & date of invoice", size=6.5)
    s.text(107, 26, "HS-CI-26-1207        DEC. 07, 2026", size=8.5)
    s.pdf.rect(105, 33, 90, 13)
    s.text(106, 34, "(9) No. & date of L/C", size=6.5)
    s.text(107, 39, "M26A1-2611-00458        NOV. 20, 2026", size=8.5)
    s.pdf.rect(15, 46, 90, 22)
    s.text(16, 47, "(2) For account & risk of Messrs.", size=6.5)
    _block(s, 17, 51, ["PACIFIC PUMP SUPPLY PTY LTD", "18 Hope Street, Brisbane QLD 4101",
                       "Australia"], size=7.5)  # fmt: skip
    s.pdf.rect(105, 46, 90, 22)
    s.text(106, 47, "(10) Remarks", size=6.5)
    _block(s, 107, 51, ["Terms of delivery: FOB BUSAN", "Payment: L/C at sight",
                        "Origin: Republic of Korea"], size=7.5)  # fmt: skip
    cols = [("Description of goods", 15, 70, "L"), ("Q'ty", 86, 16, "R"), ("Unit", 104, 10, "L"),
            ("CTNs", 115, 10, "R"), ("N.W.(kg)", 126, 16, "R"), ("Unit price\n(USD)", 143, 22, "R"),
            ("Amount\n(USD)", 166, 29, "R")]  # fmt: skip
    packing = [("60", "540.00"), ("24", "312.00"), ("12", "180.00")]
    rows = [[t, _group(_d(q), places=0), u, c, w, _group(_d(p)), _group(a)]
            for (t, q, u, p), a, (c, w) in zip(_KR_ITEMS, _unit_amounts(_KR_ITEMS), packing,
                                               strict=True)]  # fmt: skip
    y = _table(s, 74, cols, rows, size=7.5)
    s.pdf.line(15, y, 195, y)
    s.text(15, y + 2, "TOTAL", size=8.5, bold=True)
    s.text(86, y + 2, "96 CTNs", size=8, width=39, align="R")
    s.text(126, y + 2, "1,032.00", size=8, width=16, align="R")
    s.text(150, y + 2, f"USD {_group(_KR_NET)}", size=8.5, bold=True, width=45, align="R")
    _block(s, 15, y + 12, ["Total packages: 96 cartons on 4 pallets",
                           "Net weight: 1,032.00 kg   Gross weight: 1,168.50 kg   "
                           "Measurement: 5.84 CBM", "Shipping marks: PPS / BRISBANE / C/NO. 1-96"],
           size=7.5)  # fmt: skip
    s.text(130, 250, "HANSOL PRECISION CO., LTD.", size=8, bold=True)
    s.text(130, 262, "Signed by: Kim Min-jun, Export Manager", size=7)
    return s.output()


KR_COMMERCIAL_TRUTH = _truth(
    invoice_number="HS-CI-26-1207", type_code="380", issue_date="2026-12-07", currency="USD",
    seller_name="HANSOL PRECISION CO., LTD.", seller_vat_id="6178123456", seller_country="KR",
    buyer_name="PACIFIC PUMP SUPPLY PTY LTD", buyer_country="AU",
    grand_total=_plain(_KR_NET), due_payable=_plain(_KR_NET),
    line_items=_unit_lines(_KR_ITEMS, {"PCS": H87, "SET": "SET"}),
)  # fmt: skip


# -- Korea: PROFORMA INVOICE in won, discount and freight after the subtotal ------------------

_KP_ITEMS: list[UnitItem] = [("Stainless kimchi fermentation container 20 L", "150", "EA",
                              "48000"),
                             ("Onggi ceramic jar 10 L, glazed", "80", "EA", "65000")]  # fmt: skip
_KP_SUB = _unit_sum(_KP_ITEMS)
_KP_DISC = _round(_KP_SUB * _d("0.05"))
_KP_FREIGHT = _d("850000")
_KP_TOTAL = _KP_SUB - _KP_DISC + _KP_FREIGHT


def kr_proforma_won() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Hanul Living Co., Ltd.", size=13, bold=True)
    _block(s, 15, 19, ["12 Teheran-ro 87-gil, Gangnam-gu, Seoul 06164, Republic of Korea",
                       "Tel +82 2 555 0192   Business Reg. No. 211-88-54321"],
           size=7.5)  # fmt: skip
    s.text(130, 32, "PROFORMA INVOICE", size=13, bold=True)
    s.pairs(130, 40, [("P/I No.", "HL-PI-2612-07"), ("Date", "December 4, 2026"),
                      ("Valid until", "January 3, 2027")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 40, "Buyer", size=8, bold=True)
    _block(s, 15, 45, ["Asia Market Handelsgesellschaft mbH", "Brüsseler Str. 41",
                       "50674 Köln, Germany"], size=8.5)  # fmt: skip
    y = _table(s, 66, _cols5("Item", "Qty", "Unit", "Unit Price", "Amount"),
               [[t, q, u, f"₩{_yen(_d(p))}", f"₩{_yen(a)}"]
                for (t, q, u, p), a in zip(_KP_ITEMS, _unit_amounts(_KP_ITEMS), strict=True)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 159, y + 3, [("Subtotal", f"₩{_yen(_KP_SUB)}"),
                                     ("Less: Discount 5%", f"-₩{_yen(_KP_DISC)}"),
                                     ("Ocean freight to Hamburg", f"₩{_yen(_KP_FREIGHT)}"),
                                     ("Total (CFR Hamburg)", f"₩{_yen(_KP_TOTAL)}")],
                width=36, size=8.5)  # fmt: skip
    _block(s, 15, y + 4, ["Packing: 15 pallets, export cartons. Payment: 30% T/T in advance, "
                          "balance before shipment.", "Bank: Woori Bank, Seoul. SWIFT HVBKKRSE"],
           size=7)  # fmt: skip
    return s.output()


KR_PROFORMA_TRUTH = _truth(
    invoice_number="HL-PI-2612-07", type_code="325", issue_date="2026-12-04", currency="KRW",
    seller_name="Hanul Living Co., Ltd.", seller_vat_id="2118854321", seller_country="KR",
    buyer_name="Asia Market Handelsgesellschaft mbH", buyer_country="DE",
    grand_total=_plain(_KP_TOTAL), due_payable=_plain(_KP_TOTAL),
    line_items=_unit_lines(_KP_ITEMS, {"EA": H87}),
)  # fmt: skip


# -- Japan: INVOICE in English, Registration No. T…, yen, date in words, tax 0 % export --------

_JP_ITEMS: list[UnitItem] = [("Servo motor 400 W, 200 V, with brake", "40", "pcs", "68500"),
                             ("Servo amplifier 400 W", "40", "pcs", "54200"),
                             ("Encoder cable 5 m", "80", "pcs", "6300")]  # fmt: skip
_JP_NET = _unit_sum(_JP_ITEMS)


def jp_invoice_export() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "Kansai Seimitsu Kogyo K.K.", size=13, bold=True)
    _block(s, 15, 19, ["3-5-12 Minamisenba, Chuo-ku, Osaka 542-0081, Japan",
                       "Qualified Invoice Issuer Registration No.: T6120001234567"],
           size=7.5)  # fmt: skip
    s.text(160, 12, "INVOICE", size=15, bold=True)
    s.pairs(120, 32, [("Invoice No.:", "KSK-2612-031"), ("Date:", "December 8, 2026"),
                      ("Customer No.:", "TH-0093")], gap=28, step=4.6)  # fmt: skip
    s.text(15, 32, "Bill to:", size=8, bold=True)
    _block(s, 15, 37, ["Thai Auto Parts Co., Ltd.", "88 Moo 4, Bangna-Trad Road km 23",
                       "Samut Prakan 10540, Thailand"], size=8.5)  # fmt: skip
    y = _table(s, 60, _cols5("Description", "Quantity", "Unit", "Unit price (¥)", "Amount (¥)"),
               _rows(_JP_ITEMS, _yen), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 159, y + 3, [("Subtotal", f"¥{_yen(_JP_NET)}"),
                                     ("Consumption tax 0% (export)", "¥0"),
                                     ("Total amount", f"¥{_yen(_JP_NET)}")], width=36,
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "Export transaction exempt from consumption tax (Art. 7, Consumption Tax "
                      "Act). Payment by T/T within 30 days.", size=7)  # fmt: skip
    return s.output()


JP_INVOICE_TRUTH = _truth(
    invoice_number="KSK-2612-031", type_code="380", issue_date="2026-12-08", currency="JPY",
    seller_name="Kansai Seimitsu Kogyo K.K.", seller_vat_id="T6120001234567", seller_country="JP",
    buyer_name="Thai Auto Parts Co., Ltd.", buyer_country="TH",
    tax_exclusive_total=_plain(_JP_NET), tax_total="0.00", grand_total=_plain(_JP_NET),
    due_payable=_plain(_JP_NET), line_items=_unit_lines(_JP_ITEMS, {"pcs": H87}),
)  # fmt: skip


# -- Thailand: TAX INVOICE in English, Tax ID of 13 digits (Head Office), VAT 7 %, Baht -------

_TH_ITEMS: list[UnitItem] = [("Rubber engine mount, type A", "500", "pcs", "185.00"),
                             ("Rubber bushing kit", "300", "set", "240.00")]  # fmt: skip
_TH_NET = _unit_sum(_TH_ITEMS)
_TH_TAX = _tax(_TH_NET, "7")


def th_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Siam Rubber Products Co., Ltd.", size=13, bold=True)
    _block(s, 15, 19, ["99/12 Rama IV Road, Khlong Toei, Bangkok 10110, Thailand",
                       "Tax ID: 0105556123456 (Head Office)"], size=7.5)  # fmt: skip
    s.text(140, 12, "TAX INVOICE", size=14, bold=True)
    s.text(140, 18, "(Original)", size=7)
    s.pairs(130, 28, [("No.", "IV2612-0088"), ("Date", "09 Dec 2026"),
                      ("Credit term", "30 days")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Customer", size=8, bold=True)
    _block(s, 15, 37, ["Rayong Auto Parts Co., Ltd.", "7/3 Moo 2, Pluak Daeng, Rayong 21140",
                       "Tax ID: 0215559876543 (Head Office)"], size=8.5)  # fmt: skip
    y = _table(s, 58, _cols5("Description", "Qty", "Unit", "Unit Price", "Amount (THB)"),
               _rows(_TH_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Total", _group(_TH_NET)), ("VAT 7%", _group(_TH_TAX)),
                                 ("Grand Total", _group(_TH_NET + _TH_TAX))], width=36,
            size=8.5)  # fmt: skip
    return s.output()


TH_TAX_INVOICE_TRUTH = _truth(
    invoice_number="IV2612-0088", type_code="380", issue_date="2026-12-09", currency="THB",
    seller_name="Siam Rubber Products Co., Ltd.", seller_vat_id="0105556123456",
    seller_country="TH", buyer_name="Rayong Auto Parts Co., Ltd.",
    tax_exclusive_total=_plain(_TH_NET), tax_total=_plain(_TH_TAX),
    grand_total=_plain(_TH_NET + _TH_TAX), due_payable=_plain(_TH_NET + _TH_TAX),
    line_items=_unit_lines(_TH_ITEMS, {"pcs": H87, "set": "SET"}),
)  # fmt: skip


# == Turkish, Central European and Greek ======================================================

# -- Turkey: e-Arşiv Fatura, VKN, date in words, document discount, KDV %20, TL -------------

_TR_ITEMS: list[UnitItem] = [("Pamuklu penye kumaş 30/1, ekru", "1800", "Kg", "142.50"),
                             ("Ribana kumaş 2x1, siyah", "600", "Kg", "156.00"),
                             ("Koli, 5 katlı", "120", "Adet", "38.00")]  # fmt: skip
_TR_SUB = _unit_sum(_TR_ITEMS)
_TR_DISC = _round(_TR_SUB * _d("0.03"))
_TR_NET = _TR_SUB - _TR_DISC
_TR_TAX = _tax(_TR_NET, "20")


def tr_e_arsiv() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Marmara Tekstil Sanayi ve Ticaret Ltd. Şti.", size=12, bold=True)
    _block(s, 15, 19, ["Organize Sanayi Bölgesi 4. Cad. No: 17, Çorlu / Tekirdağ, Türkiye",
                       "Vergi Dairesi: Çorlu   VKN: 6120345789", "Mersis No: 0612034578900015"],
           size=7.5)  # fmt: skip
    s.text(150, 34, "e-Arşiv Fatura", size=12, bold=True)
    s.pairs(125, 42, [("Fatura No:", "MTS2026000004187"), ("Fatura Tarihi:", "08 Aralık 2026"),
                      ("Senaryo:", "EARSIVFATURA"), ("Fatura Tipi:", "SATIS")], gap=28,
            step=4.6)  # fmt: skip
    s.text(15, 42, "SAYIN", size=8, bold=True)
    _block(s, 15, 47, ["Ege Konfeksiyon Anonim Şirketi", "Atatürk Cad. No: 220",
                       "Konak / İzmir", "VKN: 3250087612"], size=8.5)  # fmt: skip
    y = _table(s, 70, _cols5("Mal Hizmet", "Miktar", "Birim", "Birim Fiyat", "Mal Hizmet Tutarı"),
               _rows(_TR_ITEMS, _de), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 159, y + 3, [("Mal Hizmet Toplam Tutarı", f"{_de(_TR_SUB)} TL"),
                                     ("Toplam İskonto (%3)", f"{_de(_TR_DISC)} TL"),
                                     ("Vergi Hariç Tutar", f"{_de(_TR_NET)} TL"),
                                     ("Hesaplanan KDV (%20)", f"{_de(_TR_TAX)} TL"),
                                     ("Vergiler Dahil Toplam Tutar",
                                      f"{_de(_TR_NET + _TR_TAX)} TL"),
                                     ("Ödenecek Tutar", f"{_de(_TR_NET + _TR_TAX)} TL")],
                width=36, size=8)  # fmt: skip
    s.text(15, y + 4, "Bu fatura e-Arşiv kapsamında elektronik olarak düzenlenmiştir.", size=7)
    return s.output()


TR_E_ARSIV_TRUTH = _truth(
    invoice_number="MTS2026000004187", type_code="380", issue_date="2026-12-08", currency="TRY",
    seller_name="Marmara Tekstil Sanayi ve Ticaret Ltd. Şti.", seller_vat_id="6120345789",
    seller_country="TR", buyer_name="Ege Konfeksiyon Anonim Şirketi",
    tax_exclusive_total=_plain(_TR_NET), tax_total=_plain(_TR_TAX),
    grand_total=_plain(_TR_NET + _TR_TAX), due_payable=_plain(_TR_NET + _TR_TAX),
    line_items=_unit_lines(_TR_ITEMS, {"Kg": KGM, "Adet": H87}),
)  # fmt: skip


# -- Turkey: exporter's PROFORMA INVOICE in English over two pages, EUR, pallets, FCA --------

_TP_PAGE1: list[UnitItem] = [
    ("Ceramic floor tile 60x60, matt grey", "1440", "m2", "9.80"),
    ("Ceramic floor tile 60x60, polished beige", "1152", "m2", "11.40"),
    ("Ceramic wall tile 30x60, white gloss", "2016", "m2", "7.25"),
    ("Porcelain tile 120x60, marble look", "864", "m2", "18.90"),
    ("Porcelain tile 60x60, anti-slip R11", "1008", "m2", "12.60"),
    ("Skirting 8x60, grey", "2400", "pcs", "1.35"),
    ("Skirting 8x60, beige", "1800", "pcs", "1.35"),
    ("Mosaic sheet 30x30, glass mix", "600", "pcs", "6.90"),
]  # fmt: skip
_TP_PAGE2: list[UnitItem] = [
    ("Tile adhesive C2TE, 25 kg bag", "400", "bag", "8.40"),
    ("Grout CG2 WA, 5 kg, grey", "300", "bag", "4.95"),
    ("Tile edge trim aluminium 2.5 m", "500", "pcs", "2.80"),
]  # fmt: skip
_TP_ITEMS = [*_TP_PAGE1, *_TP_PAGE2]
_TP_NET = _unit_sum(_TP_ITEMS)


def _tp_rows(items: list[UnitItem], first: int) -> list[list[str]]:
    return [[str(first + i), t, _de(_d(q), 0), u, _de(_d(p)), _de(a)]
            for i, ((t, q, u, p), a) in enumerate(zip(items, _unit_amounts(items),
                                                      strict=True))]  # fmt: skip


_TP_COLS = [("No", 15, 8, "R"), ("Description", 25, 78, "L"), ("Quantity", 105, 18, "R"),
            ("Unit", 125, 10, "L"), ("Unit Price EUR", 136, 26, "R"),
            ("Total EUR", 163, 32, "R")]  # fmt: skip


def tr_proforma_two_pages() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "ANADOLU SERAMİK SANAYİ A.Ş.", size=13, bold=True)
    _block(s, 15, 19, ["Bilecik Organize Sanayi Bölgesi 3. Cadde No: 8, Bozüyük / Bilecik, "
                       "Turkey", "Tax Office: Bozüyük   Tax No: 0690123458"], size=7.5)  # fmt: skip
    s.text(140, 30, "PROFORMA INVOICE", size=12, bold=True)
    s.pairs(130, 38, [("Proforma No:", "ASP-2026-0412"), ("Date:", "07.12.2026"),
                      ("Delivery:", "FCA Bozüyük"), ("Currency:", "EUR")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 34, "Buyer:", size=8, bold=True)
    _block(s, 15, 39, ["Nile Building Materials S.A.E.", "15 El Tahrir Street, Dokki",
                       "Giza, Egypt"], size=8.5)  # fmt: skip
    y = _table(s, 64, _TP_COLS, _tp_rows(_TP_PAGE1, 1), size=8)
    s.pdf.line(15, y, 195, y)
    s.text(150, y + 3, "continued on page 2", size=7.5)
    s.text(15, 285, "Page 1 / 2", size=7)
    s.pdf.add_page()
    s.text(15, 12, "ANADOLU SERAMİK SANAYİ A.Ş. - Proforma ASP-2026-0412 - Page 2 / 2", size=8)
    y = _table(s, 22, _TP_COLS, _tp_rows(_TP_PAGE2, len(_TP_PAGE1) + 1), size=8)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 3, [("TOTAL FCA BOZÜYÜK EUR", _de(_TP_NET))], width=34,
                size=8.5)  # fmt: skip
    _block(s, 15, y + 6, ["Packing: 26 wooden pallets, gross weight 24,850 kg.",
                          "Payment: 30% advance, 70% CAD. Validity: 30 days. Origin: Turkey."],
           size=7.5)  # fmt: skip
    return s.output()


TR_PROFORMA_TRUTH = _truth(
    invoice_number="ASP-2026-0412", type_code="325", issue_date="2026-12-07", currency="EUR",
    seller_name="ANADOLU SERAMİK SANAYİ A.Ş.", seller_vat_id="0690123458", seller_country="TR",
    buyer_name="Nile Building Materials S.A.E.", buyer_country="EG",
    grand_total=_plain(_TP_NET), due_payable=_plain(_TP_NET),
    line_items=_unit_lines(_TP_ITEMS, {"m2": "MTK", "pcs": H87, "bag": "XBG"}),
)  # fmt: skip


# -- Poland: Faktura VAT, date in words, VAT 23 % and 8 % on one page, spaces in thousands ----

_PL_ITEMS: list[tuple[str, str, str, str, str]] = [
    ("Regał magazynowy RM-200, ocynk", "24", "szt.", "1890.00", "23"),
    ("Wózek paletowy 2500 kg", "6", "szt.", "2450.00", "23"),
    ("Książka „BHP w magazynie”", "30", "szt.", "64.00", "8"),
]  # fmt: skip
_PL_AMOUNTS = [_round(_d(q) * _d(p)) for _, q, _, p, _ in _PL_ITEMS]
_PL_NET23 = sum((a for a, i in zip(_PL_AMOUNTS, _PL_ITEMS, strict=True) if i[4] == "23"),
                Decimal(0))  # fmt: skip
_PL_NET8 = sum(_PL_AMOUNTS, Decimal(0)) - _PL_NET23
_PL_TAX23, _PL_TAX8 = _tax(_PL_NET23, "23"), _tax(_PL_NET8, "8")
_PL_NET = _PL_NET23 + _PL_NET8
_PL_TAX = _PL_TAX23 + _PL_TAX8


def pl_faktura_words() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Faktura VAT nr FV/2026/12/0457", size=13, bold=True)
    s.pairs(120, 12, [("Data wystawienia:", "8 grudnia 2026 r."),
                      ("Data sprzedaży:", "5 grudnia 2026 r."),
                      ("Miejsce wystawienia:", "Cieszyn")], gap=38, step=4.6)  # fmt: skip
    s.text(15, 30, "Sprzedawca", size=8, bold=True)
    _block(s, 15, 35, ["Zakłady Mechaniczne Wisła Sp. z o.o.", "ul. Przemysłowa 12",
                       "43-400 Cieszyn, Polska", "NIP: PL 548-123-45-67"], size=8.5)  # fmt: skip
    s.text(110, 30, "Nabywca", size=8, bold=True)
    _block(s, 110, 35, ["Hurtownia Logistyczna Opole S.A.", "ul. Wrocławska 88",
                        "45-837 Opole", "NIP: 754-300-12-34"], size=8.5)  # fmt: skip
    cols = [("Nazwa towaru", 15, 70, "L"), ("Ilość", 86, 12, "R"), ("J.m.", 100, 10, "L"),
            ("Cena netto", 111, 24, "R"), ("VAT %", 136, 12, "R"),
            ("Wartość netto", 150, 45, "R")]  # fmt: skip
    rows = [[t, q, u, _sp(_d(p)), f"{r}%", _sp(a)]
            for (t, q, u, p, r), a in zip(_PL_ITEMS, _PL_AMOUNTS, strict=True)]  # fmt: skip
    y = _table(s, 62, cols, rows, size=8)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 159, y + 3, [("Razem netto", _sp(_PL_NET)),
                                     ("VAT 23%", _sp(_PL_TAX23)), ("VAT 8%", _sp(_PL_TAX8)),
                                     ("Razem brutto", _sp(_PL_NET + _PL_TAX))], width=36,
                size=8.5)  # fmt: skip
    s.text(15, y + 4, f"Do zapłaty: {_sp(_PL_NET + _PL_TAX)} zł", size=10, bold=True)
    s.text(15, y + 10, "Słownie: siedemdziesiąt pięć tysięcy dziewięćset czterdzieści siedem zł "
                       "40/100", size=7.5)  # fmt: skip
    s.text(15, y + 15, "Sposób płatności: przelew, termin 14 dni. Konto: PKO BP 12 1020 1234 "
                       "0000 1234 5678 9012", size=7.5)  # fmt: skip
    return s.output()


PL_FAKTURA_TRUTH = _truth(
    invoice_number="FV/2026/12/0457", type_code="380", issue_date="2026-12-08", currency="PLN",
    seller_name="Zakłady Mechaniczne Wisła Sp. z o.o.", seller_vat_id="PL5481234567",
    seller_country="PL", buyer_name="Hurtownia Logistyczna Opole S.A.",
    tax_exclusive_total=_plain(_PL_NET), tax_total=_plain(_PL_TAX),
    grand_total=_plain(_PL_NET + _PL_TAX), due_payable=_plain(_PL_NET + _PL_TAX),
    line_items=[_line(t, q, H87, _price(_d(p)), _plain(a))
                for (t, q, _, p, _r), a in zip(_PL_ITEMS, _PL_AMOUNTS, strict=True)],
)  # fmt: skip


# -- Poland: Faktura korygująca, negative rows with spaces, 'Do zwrotu' ----------------------

_PK_ITEMS: list[UnitItem] = [("Płytki gresowe 60x60, partia wadliwa", "48", "m2", "89.90"),
                             ("Klej do płytek C2TE 25 kg", "12", "szt.", "54.00")]  # fmt: skip
_PK_NET = _unit_sum(_PK_ITEMS)
_PK_TAX = _tax(_PK_NET, "23")


def pl_korekta() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "FAKTURA KORYGUJĄCA nr FK/2026/12/003", size=12, bold=True)
    s.text(15, 19, "do faktury nr FV/2026/11/0871 z dnia 24.11.2026", size=8)
    s.pairs(130, 28, [("Data wystawienia:", "2026-12-09"),
                      ("Przyczyna korekty:", "zwrot towaru")], gap=32, step=4.6)  # fmt: skip
    s.text(15, 28, "Sprzedawca:", size=8, bold=True)
    _block(s, 15, 33, ["Ceramika Podkarpacka S.A.", "ul. Fabryczna 3, 38-200 Jasło",
                       "NIP: 6851234567"], size=8.5)  # fmt: skip
    s.text(15, 48, "Nabywca:", size=8, bold=True)
    _block(s, 15, 53, ["Budmax Jan Kowalski", "ul. Długa 17, 31-147 Kraków"], size=8.5)
    y = _table(s, 68, _cols5("Nazwa", "Ilość", "J.m.", "Cena netto", "Wartość netto"),
               _rows(_PK_ITEMS, _sp, neg=True), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 159, y + 3, [("Razem netto", _sp(-_PK_NET)),
                                     ("VAT 23%", _sp(-_PK_TAX)),
                                     ("Razem brutto", _sp(-_PK_NET - _PK_TAX))], width=36,
                size=8.5)  # fmt: skip
    s.text(15, y + 4, f"Do zwrotu: {_sp(_PK_NET + _PK_TAX)} PLN", size=10, bold=True)
    return s.output()


PL_KOREKTA_TRUTH = _truth(
    invoice_number="FK/2026/12/003", type_code="381", issue_date="2026-12-09", currency="PLN",
    seller_name="Ceramika Podkarpacka S.A.", seller_vat_id="6851234567",
    buyer_name="Budmax Jan Kowalski",
    tax_exclusive_total=_plain(_PK_NET), tax_total=_plain(_PK_TAX),
    grand_total=_plain(_PK_NET + _PK_TAX), due_payable=_plain(_PK_NET + _PK_TAX),
    line_items=_unit_lines(_PK_ITEMS, {"m2": "MTK", "szt.": H87}),
)  # fmt: skip


# -- Czechia: FAKTURA – DAŇOVÝ DOKLAD, date in words, DUZP, Sleva 5 % before Základ DPH -------

_CZ_ITEMS: list[UnitItem] = [("Ocelový nosník IPE 200", "120", "m", "412.00"),
                             ("Kotevní šroub M16x200", "400", "ks", "38.50"),
                             ("Svařovací elektrody 3,2 mm, balení", "25", "ks",
                              "689.00")]  # fmt: skip
_CZ_SUB = _unit_sum(_CZ_ITEMS)
_CZ_DISC = _round(_CZ_SUB * _d("0.05"))
_CZ_NET = _CZ_SUB - _CZ_DISC
_CZ_TAX = _tax(_CZ_NET, "21")


def cz_faktura_sleva() -> bytes:
    s = Sheet2()
    s.text(15, 12, "FAKTURA – DAŇOVÝ DOKLAD č. 2026120088", size=12, bold=True)
    s.text(15, 22, "Dodavatel:", size=8, bold=True)
    _block(s, 15, 27, ["Ocelservis Hranice s.r.o.", "Nádražní 1450, 753 01 Hranice",
                       "Česká republika", "IČ: 27123456   DIČ: CZ27123456"], size=8.5)  # fmt: skip
    s.text(110, 22, "Odběratel:", size=8, bold=True)
    _block(s, 110, 27, ["Stavebniny Morava a.s.", "Vídeňská 112, 619 00 Brno",
                        "IČ: 46900123   DIČ: CZ46900123"], size=8.5)  # fmt: skip
    s.pairs(110, 46, [("Datum vystavení:", "8. prosince 2026"),
                      ("Datum zdan. plnění:", "30. listopadu 2026"),
                      ("Datum splatnosti:", "22. prosince 2026"),
                      ("Variabilní symbol:", "2026120088")], gap=36, step=4.6)  # fmt: skip
    y = _table(s, 70, _cols5("Označení dodávky", "Množství", "MJ", "Cena za MJ", "Celkem"),
               _rows(_CZ_ITEMS, _sp), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 159, y + 3, [("Součet položek", _sp(_CZ_SUB)),
                                     ("Sleva 5 %", f"-{_sp(_CZ_DISC)}"),
                                     ("Základ DPH 21 %", _sp(_CZ_NET)),
                                     ("DPH 21 %", _sp(_CZ_TAX)),
                                     ("Celkem k úhradě", f"{_sp(_CZ_NET + _CZ_TAX)} Kč")],
                width=36, size=8.5)  # fmt: skip
    s.text(15, y + 4, "Společnost je zapsána v OR vedeném KS v Ostravě, oddíl C, vložka 31245.",
           size=7)  # fmt: skip
    return s.output()


CZ_FAKTURA_TRUTH = _truth(
    invoice_number="2026120088", type_code="380", issue_date="2026-12-08", currency="CZK",
    seller_name="Ocelservis Hranice s.r.o.", seller_vat_id="CZ27123456", seller_country="CZ",
    buyer_name="Stavebniny Morava a.s.",
    tax_exclusive_total=_plain(_CZ_NET), tax_total=_plain(_CZ_TAX),
    grand_total=_plain(_CZ_NET + _CZ_TAX), due_payable=_plain(_CZ_NET + _CZ_TAX),
    line_items=_unit_lines(_CZ_ITEMS, {"m": MTR, "ks": H87}),
)  # fmt: skip


# -- Greece: ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ, series and number apart, ΑΦΜ, ΦΠΑ 13 %, € ---------------------

_GR_ITEMS: list[UnitItem] = [("Ελαιόλαδο έξτρα παρθένο, δοχείο 5 lt", "600", "lt", "9.40"),
                             ("Ελιές Καλαμών, βάζο 720 g", "480", "τεμ.", "4.85")]  # fmt: skip
_GR_NET = _unit_sum(_GR_ITEMS)
_GR_TAX = _tax(_GR_NET, "13")


def gr_timologio() -> bytes:
    s = Sheet2()
    s.text(15, 12, "ΑΙΓΑΙΟΝ ΕΛΑΙΟΛΑΔΑ Α.Ε.", size=13, bold=True)
    _block(s, 15, 19, ["Εμπορία ελαιολάδου", "Λεωφ. Κηφισίας 120, 115 26 Αθήνα, Ελλάδα",
                       "ΑΦΜ: 099876543   ΔΟΥ: ΦΑΕ Αθηνών"], size=7.5)  # fmt: skip
    s.text(130, 12, "ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ", size=12, bold=True)
    s.pairs(130, 22, [("Σειρά:", "ΤΠ"), ("Αριθμός:", "00847"), ("Ημερομηνία:", "10/12/2026")],
            gap=24, step=4.6)  # fmt: skip
    s.text(15, 38, "Στοιχεία πελάτη", size=8, bold=True)
    _block(s, 15, 43, ["ΚΡΗΤΙΚΑ ΤΡΟΦΙΜΑ Ο.Ε.", "Οδός 62 Μαρτύρων 45, Ηράκλειο",
                       "ΑΦΜ: 800123456   ΔΟΥ: Ηρακλείου"], size=8.5)  # fmt: skip
    y = _table(s, 64, _cols5("Περιγραφή", "Ποσότητα", "Μ.Μ.", "Τιμή μον.", "Αξία"),
               [[*r[:3], f"{r[3]} €", f"{r[4]} €"] for r in _rows(_GR_ITEMS, _de)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 159, y + 3, [("Καθαρή αξία", f"{_de(_GR_NET)} €"),
                                 ("ΦΠΑ 13%", f"{_de(_GR_TAX)} €"),
                                 ("Πληρωτέο", f"{_de(_GR_NET + _GR_TAX)} €")], width=36,
            size=8.5)  # fmt: skip
    return s.output()


GR_TIMOLOGIO_TRUTH = _truth(
    invoice_number="ΤΠ 00847", type_code="380", issue_date="2026-12-10", currency="EUR",
    seller_name="ΑΙΓΑΙΟΝ ΕΛΑΙΟΛΑΔΑ Α.Ε.", seller_vat_id="099876543", seller_country="GR",
    buyer_name="ΚΡΗΤΙΚΑ ΤΡΟΦΙΜΑ Ο.Ε.",
    tax_exclusive_total=_plain(_GR_NET), tax_total=_plain(_GR_TAX),
    grand_total=_plain(_GR_NET + _GR_TAX), due_payable=_plain(_GR_NET + _GR_TAX),
    line_items=_unit_lines(_GR_ITEMS, {"lt": LTR, "τεμ.": H87}),
)  # fmt: skip


# -- Switzerland: Rechnung, apostrophes between thousands, MWST 8,1 %, CHF -------------------

_CH_ITEMS: list[UnitItem] = [("Drehteil Messing CuZn39Pb3, Ø 12 mm", "2500", "Stk.", "3.85"),
                             ("Frästeil Aluminium EN AW-6082", "800", "Stk.", "14.60"),
                             ("Einrichtkosten", "1", "Stk.", "1250.00")]  # fmt: skip
_CH_NET = _unit_sum(_CH_ITEMS)
_CH_TAX = _tax(_CH_NET, "8.1")


def ch_rechnung_apostroph() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "Präzisionsteile Emmental AG", size=13, bold=True)
    _block(s, 15, 19, ["Kirchbergstrasse 21, 3400 Burgdorf, Schweiz",
                       "MWST-Nr. CHE-123.456.789 MWST"], size=7.5)  # fmt: skip
    s.text(15, 32, "Uhrenmanufaktur Jura SA", size=8.5)
    _block(s, 15, 36, ["Rue du Progrès 14", "2300 La Chaux-de-Fonds"], size=8.5)
    s.text(130, 32, "Rechnung", size=14, bold=True)
    s.pairs(130, 40, [("Rechnung Nr.", "2026-4471"), ("Datum", "8. Dezember 2026"),
                      ("Zahlbar bis", "7. Januar 2027")], gap=26, step=4.6)  # fmt: skip
    y = _table(s, 62, _cols5("Bezeichnung", "Menge", "Einheit", "Preis CHF", "Betrag CHF"),
               _rows(_CH_ITEMS, _ch), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 159, y + 3, [("Total exkl. MWST", _ch(_CH_NET)),
                                 ("MWST 8,1 %", _ch(_CH_TAX)),
                                 ("Total inkl. MWST CHF", _ch(_CH_NET + _CH_TAX))], width=36,
            size=8.5)  # fmt: skip
    return s.output()


CH_RECHNUNG_TRUTH = _truth(
    invoice_number="2026-4471", type_code="380", issue_date="2026-12-08", currency="CHF",
    seller_name="Präzisionsteile Emmental AG", seller_vat_id="CHE123456789MWST",
    seller_country="CH", buyer_name="Uhrenmanufaktur Jura SA",
    tax_exclusive_total=_plain(_CH_NET), tax_total=_plain(_CH_TAX),
    grand_total=_plain(_CH_NET + _CH_TAX), due_payable=_plain(_CH_NET + _CH_TAX),
    line_items=_unit_lines(_CH_ITEMS, {"Stk.": H87}),
)  # fmt: skip


# == African and South Asian ==================================================================

# -- Egypt: Tax Invoice, fourteen lines over two pages, Tax Registration No., VAT 14 %, EGP ---

_EG_ITEMS: list[UnitItem] = [(f"Combed cotton yarn Ne {n}/1, {kind}", q, "kg", p)
                             for n, kind, q, p in [
                                 ("20", "raw white", "2400", "118.50"),
                                 ("24", "raw white", "1800", "124.00"),
                                 ("30", "raw white", "3000", "131.75"),
                                 ("30", "compact", "1500", "139.20"),
                                 ("36", "raw white", "1200", "142.00"),
                                 ("40", "raw white", "900", "151.30"),
                                 ("40", "compact", "900", "158.90"),
                                 ("50", "compact", "600", "172.40"),
                                 ("20", "dyed navy", "750", "161.00"),
                                 ("24", "dyed black", "750", "163.50"),
                                 ("30", "melange grey", "1000", "166.80"),
                                 ("30", "slub", "500", "149.60"),
                                 ("16", "open end", "2200", "96.40"),
                                 ("12", "open end", "1600", "92.10")]]  # fmt: skip
_EG_NET = _unit_sum(_EG_ITEMS)
_EG_TAX = _tax(_EG_NET, "14")


def eg_tax_invoice_two_pages() -> bytes:
    s = Sheet2()
    head = ["Delta Cotton Spinning S.A.E.", "Industrial Zone A1, 10th of Ramadan City, Egypt",
            "Tax Registration No.: 204-567-891"]  # fmt: skip
    s.text(15, 12, head[0], size=13, bold=True)
    _block(s, 15, 19, head[1:], size=7.5)
    s.text(150, 12, "Tax Invoice", size=14, bold=True)
    s.pairs(130, 22, [("Invoice No.", "DCS-INV-2026-00917"), ("Issue Date", "08 December 2026"),
                      ("Payment", "45 days")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 34, "Bill To", size=8, bold=True)
    _block(s, 15, 39, ["Cairo Knitwear Company", "18 Abbas El Akkad St., Nasr City, Cairo",
                       "Tax Registration No.: 311-222-905"], size=8.5)  # fmt: skip
    cols = _cols5("Description", "Quantity", "Unit", "Unit Price EGP", "Total EGP")
    y = _table(s, 58, cols, _rows(_EG_ITEMS[:10]), size=8)
    s.text(150, y + 2, "Continued on page 2", size=7.5)
    s.text(95, 285, "Page 1 of 2", size=7)
    s.pdf.add_page()
    s.text(15, 12, "Delta Cotton Spinning S.A.E. · Tax Invoice DCS-INV-2026-00917", size=8)
    y = _table(s, 22, cols, _rows(_EG_ITEMS[10:]), size=8)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Total Sales", _group(_EG_NET)),
                                 ("Value Added Tax 14%", _group(_EG_TAX)),
                                 ("Total Amount EGP", _group(_EG_NET + _EG_TAX))], width=36,
            size=8.5)  # fmt: skip
    s.text(95, 285, "Page 2 of 2", size=7)
    return s.output()


EG_TAX_INVOICE_TRUTH = _truth(
    invoice_number="DCS-INV-2026-00917", type_code="380", issue_date="2026-12-08",
    currency="EGP", seller_name="Delta Cotton Spinning S.A.E.", seller_vat_id="204567891",
    seller_country="EG", buyer_name="Cairo Knitwear Company",
    tax_exclusive_total=_plain(_EG_NET), tax_total=_plain(_EG_TAX),
    grand_total=_plain(_EG_NET + _EG_TAX), due_payable=_plain(_EG_NET + _EG_TAX),
    line_items=_unit_lines(_EG_ITEMS, {"kg": KGM}),
)  # fmt: skip


# -- Kenya: PROFORMA INVOICE to Tanzania, KRA PIN, bags, date in words, VAT 0 % export -------

_KE_ITEMS: list[UnitItem] = [("Maize meal, sifted, 50 kg", "400", "bags", "3450.00"),
                             ("Wheat flour, baker's, 50 kg", "250", "bags", "4120.00")]  # fmt: skip
_KE_NET = _unit_sum(_KE_ITEMS)


def ke_proforma_tz() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Rift Valley Millers Limited", size=13, bold=True)
    _block(s, 15, 19, ["Enterprise Road, Industrial Area, P.O. Box 18734-00500",
                       "Nairobi, Kenya", "KRA PIN: P051234567X"], size=7.5)  # fmt: skip
    s.text(135, 12, "PROFORMA INVOICE", size=12, bold=True)
    s.pairs(135, 22, [("Proforma No.", "PF-2612-044"), ("Date", "8th December 2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 36, "Customer", size=8, bold=True)
    _block(s, 15, 41, ["Arusha Agro Supplies Ltd", "Sokoine Road, Arusha", "Tanzania"],
           size=8.5)  # fmt: skip
    y = _table(s, 60, _cols5("Description", "Qty", "Packing", "Price KShs", "Amount KShs"),
               _rows(_KE_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 159, y + 3, [("Sub Total", _group(_KE_NET)),
                                     ("VAT 0% (Export)", "0.00"),
                                     ("Total KShs", _group(_KE_NET))], width=36,
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "Delivery: DAP Namanga border. Validity 14 days. Payment 100% before "
                      "loading.", size=7)  # fmt: skip
    return s.output()


KE_PROFORMA_TRUTH = _truth(
    invoice_number="PF-2612-044", type_code="325", issue_date="2026-12-08", currency="KES",
    seller_name="Rift Valley Millers Limited", seller_vat_id="P051234567X", seller_country="KE",
    buyer_name="Arusha Agro Supplies Ltd", buyer_country="TZ",
    tax_exclusive_total=_plain(_KE_NET), tax_total="0.00", grand_total=_plain(_KE_NET),
    due_payable=_plain(_KE_NET), line_items=_unit_lines(_KE_ITEMS, {"bags": "XBG"}),
)  # fmt: skip


# -- Pakistan: COMMERCIAL INVOICE, NTN and STRN, dozens, packing, FOB + freight = CFR -------

_PK_CI_ITEMS: list[UnitItem] = [("Terry bath towel 70x140 cm, 500 gsm, white", "1800", "DOZ",
                                 "14.20"),
                                ("Terry hand towel 50x90 cm, 450 gsm, grey", "1500", "DOZ",
                                 "7.60")]  # fmt: skip
_PK_FOB = _unit_sum(_PK_CI_ITEMS)
_PK_FREIGHT = _d("2150.00")


def pk_commercial_freight() -> bytes:
    s = Sheet2("Cond")
    s.text(70, 10, "COMMERCIAL INVOICE", size=14, bold=True)
    s.text(15, 20, "Exporter:", size=8, bold=True)
    _block(s, 15, 25, ["Al-Tariq Textile Mills (Pvt) Ltd", "Sargodha Road, Faisalabad, Pakistan",
                       "NTN: 1234567-8   STRN: 32-77-8761-234-56"], size=8)  # fmt: skip
    s.pairs(120, 20, [("Invoice No:", "AT/EXP/2026/118"), ("Dated:", "8th December, 2026"),
                      ("Form E No:", "HBL-EXP-004417-2026")], gap=26, step=4.6)  # fmt: skip
    s.text(15, 42, "Buyer:", size=8, bold=True)
    _block(s, 15, 47, ["Nordic Home Textiles AB", "Österlånggatan 22, 503 31 Borås",
                       "Sweden"], size=8.5)  # fmt: skip
    s.pairs(120, 42, [("Port of loading:", "Karachi"), ("Destination:", "Gothenburg"),
                      ("Terms:", "CFR Gothenburg")], gap=30, step=4.6)  # fmt: skip
    y = _table(s, 64, _cols5("Description of Goods", "Quantity", "Unit", "Rate USD/Doz",
                             "Amount USD"), _rows(_PK_CI_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 159, y + 3, [("Total FOB Karachi", _group(_PK_FOB)),
                                     ("Freight", _group(_PK_FREIGHT)),
                                     ("Total CFR Gothenburg USD", _group(_PK_FOB + _PK_FREIGHT))],
                width=36, size=8.5)  # fmt: skip
    _block(s, 15, y + 4, ["Packing: 330 cartons (1800 doz bath towels in 180 ctns, 1500 doz hand "
                          "towels in 150 ctns)", "Net weight 9,870 kg   Gross weight 10,540 kg",
                          "HS Code 6302.60.00   Country of origin: Pakistan"],
           size=7.5)  # fmt: skip
    return s.output()


PK_COMMERCIAL_TRUTH = _truth(
    invoice_number="AT/EXP/2026/118", type_code="380", issue_date="2026-12-08", currency="USD",
    seller_name="Al-Tariq Textile Mills (Pvt) Ltd", seller_vat_id="3277876123456",
    seller_country="PK", buyer_name="Nordic Home Textiles AB", buyer_country="SE",
    grand_total=_plain(_PK_FOB + _PK_FREIGHT), due_payable=_plain(_PK_FOB + _PK_FREIGHT),
    line_items=_unit_lines(_PK_CI_ITEMS, {"DOZ": "DZN"}),
)  # fmt: skip


# -- Pakistan: domestic Sales Tax Invoice, STRN, Rs., sales tax 18 % --------------------------

_PS_ITEMS: list[UnitItem] = [("PVC pipe 4 inch, class B, 20 ft", "350", "pcs", "2850.00"),
                             ("PVC elbow 4 inch", "900", "pcs", "185.00")]  # fmt: skip
_PS_NET = _unit_sum(_PS_ITEMS)
_PS_TAX = _tax(_PS_NET, "18")


def pk_sales_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Indus Polymer Industries (Pvt.) Limited", size=12, bold=True)
    _block(s, 15, 19, ["Plot 41, Sector 12-C, North Karachi Industrial Area, Karachi, Pakistan",
                       "NTN: 4455667-1   STRN: 12-00-3456-789-12"], size=7.5)  # fmt: skip
    s.text(140, 30, "Sales Tax Invoice", size=12, bold=True)
    s.pairs(130, 38, [("Invoice No.", "IPI-STI-26-2291"), ("Date", "9-Dec-2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Buyer", size=8, bold=True)
    _block(s, 15, 37, ["Punjab Builders Supply Co.", "Ferozepur Road, Lahore",
                       "STRN: 03-01-9876-543-21"], size=8.5)  # fmt: skip
    y = _table(s, 58, _cols5("Description", "Qty", "Unit", "Rate (Rs.)", "Value excl. ST (Rs.)"),
               _rows(_PS_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 159, y + 3, [("Value Excluding Sales Tax", _group(_PS_NET)),
                                 ("Sales Tax @ 18%", _group(_PS_TAX)),
                                 ("Value Including Sales Tax Rs.", _group(_PS_NET + _PS_TAX))],
            width=36, size=8.5)  # fmt: skip
    return s.output()


PK_SALES_TAX_TRUTH = _truth(
    invoice_number="IPI-STI-26-2291", type_code="380", issue_date="2026-12-09", currency="PKR",
    seller_name="Indus Polymer Industries (Pvt.) Limited", seller_vat_id="1200345678912",
    seller_country="PK", buyer_name="Punjab Builders Supply Co.",
    tax_exclusive_total=_plain(_PS_NET), tax_total=_plain(_PS_TAX),
    grand_total=_plain(_PS_NET + _PS_TAX), due_payable=_plain(_PS_NET + _PS_TAX),
    line_items=_unit_lines(_PS_ITEMS, {"pcs": H87}),
)  # fmt: skip


# -- Bangladesh: PROFORMA INVOICE, BIN, cartons per line, US$, amount in words -----------------

_BD_ITEMS: list[UnitItem] = [("Men's knit polo shirt, 100% cotton pique", "12000", "PCS", "3.85"),
                             ("Ladies' basic T-shirt, 95/5 cotton elastane", "9600", "PCS",
                              "2.40")]  # fmt: skip
_BD_NET = _unit_sum(_BD_ITEMS)


def bd_proforma_cartons() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Dhaka Garments & Knitwear Ltd.", size=13, bold=True)
    _block(s, 15, 19, ["Plot 22-25, Kashimpur Road, Konabari, Gazipur-1700, Bangladesh",
                       "BIN: 000123456-0101   ERC No.: RA-0123456"], size=7.5)  # fmt: skip
    s.text(140, 30, "PROFORMA INVOICE", size=12, bold=True)
    s.pairs(135, 38, [("PI No.:", "DGK/PI/26/0392"), ("PI Date:", "07-Dec-2026")], gap=20,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Buyer:", size=8, bold=True)
    _block(s, 15, 37, ["Iberia Moda Distribución S.L.", "Calle de Alcalá 201, 28028 Madrid",
                       "Spain"], size=8.5)  # fmt: skip
    cols = [("Description", 15, 72, "L"), ("Qty", 88, 16, "R"), ("Unit", 106, 10, "L"),
            ("Cartons", 117, 14, "R"), ("FOB US$/Pc", 133, 24, "R"),
            ("Amount US$", 159, 36, "R")]  # fmt: skip
    rows = [[t, _group(_d(q), places=0), u, c, _group(_d(p)), _group(a)]
            for (t, q, u, p), a, c in zip(_BD_ITEMS, _unit_amounts(_BD_ITEMS), ["500", "400"],
                                          strict=True)]  # fmt: skip
    y = _table(s, 58, cols, rows, size=8)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 159, y + 3, [("Total FOB Chattogram US$", _group(_BD_NET))], width=36,
                size=8.5)  # fmt: skip
    _block(s, 15, y + 4, ["Say: US Dollars Sixty-Nine Thousand Two Hundred and Forty Only.",
                          "Packing: 900 export cartons, 24 pcs per carton. Shipment by sea "
                          "within 75 days of L/C.", "Payment: Irrevocable L/C at sight."],
           size=7.5)  # fmt: skip
    return s.output()


BD_PROFORMA_TRUTH = _truth(
    invoice_number="DGK/PI/26/0392", type_code="325", issue_date="2026-12-07", currency="USD",
    seller_name="Dhaka Garments & Knitwear Ltd.", seller_vat_id="0001234560101",
    seller_country="BD", buyer_name="Iberia Moda Distribución S.L.", buyer_country="ES",
    grand_total=_plain(_BD_NET), due_payable=_plain(_BD_NET),
    line_items=_unit_lines(_BD_ITEMS, {"PCS": H87}),
)  # fmt: skip


# == Latin American ===========================================================================

# -- Chile: FACTURA ELECTRÓNICA, '$' only, dots between thousands, date in words -------------

_CL_ITEMS: list[UnitItem] = [("Perno hexagonal galvanizado 3/4 x 4", "2000", "UN", "385"),
                             ("Tuerca hexagonal galvanizada 3/4", "2000", "UN", "96"),
                             ("Golilla plana 3/4", "4000", "UN", "41")]  # fmt: skip
_CL_NET = _unit_sum(_CL_ITEMS)
_CL_TAX = _whole_tax(_CL_NET, "19")


def cl_factura_pesos() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Comercial Ferretera Andes Sur SpA", size=12, bold=True)
    _block(s, 15, 19, ["Giro: Venta al por mayor de ferretería",
                       "Av. Vicuña Mackenna 3850, San Joaquín, Santiago, Chile"],
           size=7.5)  # fmt: skip
    s.pdf.rect(130, 10, 65, 24)
    s.text(130, 13, "R.U.T.: 76.543.210-K", size=9, bold=True, width=65, align="C")
    s.text(130, 19, "FACTURA ELECTRÓNICA", size=9, bold=True, width=65, align="C")
    s.text(130, 25, "N° 004512", size=9, bold=True, width=65, align="C")
    s.text(130, 36, "S.I.I. - SANTIAGO CENTRO", size=7, width=65, align="C")
    s.pairs(15, 42, [("Fecha Emisión:", "08 de Diciembre del 2026"),
                     ("Señor(es):", "Minera Los Cóndores Ltda."),
                     ("R.U.T.:", "77.123.456-3"), ("Giro:", "Extracción de cobre")], gap=30,
            step=4.6)  # fmt: skip
    y = _table(s, 66, _cols5("Descripción", "Cantidad", "Unidad", "Precio", "Valor"),
               [[t, q, u, _peso(_d(p)), _peso(a)]
                for (t, q, u, p), a in zip(_CL_ITEMS, _unit_amounts(_CL_ITEMS), strict=True)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 120, 159, y + 3, [("MONTO NETO $", _peso(_CL_NET)), ("I.V.A. 19% $", _peso(_CL_TAX)),
                                 ("TOTAL $", _peso(_CL_NET + _CL_TAX))], width=36,
            size=8.5)  # fmt: skip
    return s.output()


CL_FACTURA_TRUTH = _truth(
    invoice_number="004512", type_code="380", issue_date="2026-12-08",
    seller_name="Comercial Ferretera Andes Sur SpA", seller_vat_id="76543210K",
    seller_country="CL", buyer_name="Minera Los Cóndores Ltda.",
    tax_exclusive_total=_plain(_CL_NET), tax_total=_plain(_CL_TAX),
    grand_total=_plain(_CL_NET + _CL_TAX), due_payable=_plain(_CL_NET + _CL_TAX),
    line_items=_unit_lines(_CL_ITEMS, {"UN": H87}),
)  # fmt: skip


# -- Colombia: Factura electrónica de exportación, Prefijo apart, sacks, FOB + flete + seguro --

_CO_ITEMS: list[UnitItem] = [("Café verde excelso EP, saco 70 kg", "275", "Saco", "412.50"),
                             ("Café verde supremo 17/18, saco 70 kg", "45", "Saco",
                              "468.00")]  # fmt: skip
_CO_FOB = _unit_sum(_CO_ITEMS)
_CO_FLETE, _CO_SEGURO = _d("3850.00"), _d("612.40")
_CO_CIF = _CO_FOB + _CO_FLETE + _CO_SEGURO


def co_exportacion_cif() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Café Sierra Nevada S.A.S.", size=13, bold=True)
    _block(s, 15, 19, ["NIT: 900.123.456-7", "Calle 22 No. 3-45, Santa Marta, Magdalena, Colombia"],
           size=7.5)  # fmt: skip
    s.text(120, 12, "FACTURA ELECTRÓNICA DE EXPORTACIÓN", size=9.5, bold=True)
    s.pairs(120, 20, [("Prefijo:", "FEX"), ("No.:", "1187"),
                      ("Fecha de expedición:", "09 de diciembre de 2026"),
                      ("Moneda:", "USD")], gap=38, step=4.6)  # fmt: skip
    s.text(15, 34, "Adquiriente", size=8, bold=True)
    _block(s, 15, 39, ["Kaffeerösterei Hanse GmbH", "Am Sandtorkai 44, 20457 Hamburg",
                       "Alemania"], size=8.5)  # fmt: skip
    y = _table(s, 60, _cols5("Descripción", "Cantidad", "Unidad", "Valor unitario", "Valor total"),
               _rows(_CO_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Valor FOB", _group(_CO_FOB)), ("Flete", _group(_CO_FLETE)),
                                 ("Seguro", _group(_CO_SEGURO)),
                                 ("Valor total CIF Hamburgo USD", _group(_CO_CIF))], width=36,
            size=8.5)  # fmt: skip
    return s.output()


CO_EXPORTACION_TRUTH = _truth(
    invoice_number="FEX 1187", type_code="380", issue_date="2026-12-09", currency="USD",
    seller_name="Café Sierra Nevada S.A.S.", seller_vat_id="9001234567", seller_country="CO",
    buyer_name="Kaffeerösterei Hanse GmbH", buyer_country="DE",
    grand_total=_plain(_CO_CIF), due_payable=_plain(_CO_CIF),
    line_items=_unit_lines(_CO_ITEMS, {"Saco": "XSA"}),
)  # fmt: skip


# -- Colombia: Factura electrónica de venta, discount, IVA 19 %, Rete Fuente withheld ---------

_CV_ITEMS: list[UnitItem] = [("Computador portátil 14 pulgadas, 16 GB", "12", "und",
                              "3250000.00"),
                             ("Monitor 27 pulgadas QHD", "12", "und", "1180000.00")]  # fmt: skip
_CV_SUB = _unit_sum(_CV_ITEMS)
_CV_DISC = _round(_CV_SUB * _d("0.04"))
_CV_NET = _CV_SUB - _CV_DISC
_CV_TAX = _tax(_CV_NET, "19")
_CV_RETE = _round(_CV_NET * _d("0.025"))
_CV_TOTAL = _CV_NET + _CV_TAX


def co_factura_retefuente() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Tecnología Andina S.A.S.", size=13, bold=True)
    _block(s, 15, 19, ["NIT 901.456.789-2 · Responsable de IVA",
                       "Carrera 7 No. 71-21, Bogotá D.C., Colombia"], size=7.5)  # fmt: skip
    s.text(125, 12, "Factura electrónica de venta", size=10, bold=True)
    s.pairs(125, 20, [("No.", "TA-55210"), ("Fecha de emisión:", "10/12/2026"),
                      ("Forma de pago:", "Crédito 30 días")], gap=32, step=4.6)  # fmt: skip
    s.text(15, 34, "Cliente", size=8, bold=True)
    _block(s, 15, 39, ["Constructora Horizonte S.A.", "NIT 860.987.654-1",
                       "Calle 100 No. 19-61, Bogotá"], size=8.5)  # fmt: skip
    y = _table(s, 60, _cols5("Descripción", "Cant.", "Unidad", "Vr. unitario", "Vr. total"),
               [[*r[:3], f"$ {r[3]}", f"$ {r[4]}"] for r in _rows(_CV_ITEMS, _de)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 159, y + 3, [("Subtotal", f"$ {_de(_CV_SUB)}"),
                                     ("Descuento 4%", f"$ {_de(_CV_DISC)}"),
                                     ("Base gravable", f"$ {_de(_CV_NET)}"),
                                     ("IVA 19%", f"$ {_de(_CV_TAX)}"),
                                     ("Total factura", f"$ {_de(_CV_TOTAL)}"),
                                     ("Rete Fuente 2,5%", f"$ {_de(_CV_RETE)}"),
                                     ("Neto a pagar", f"$ {_de(_CV_TOTAL - _CV_RETE)}")],
                width=36, size=8)  # fmt: skip
    s.text(15, y + 4, "Moneda: COP. Resolución DIAN 18764000001234 del 2026-01-15, rango "
                      "TA-50001 a TA-90000.", size=7)  # fmt: skip
    return s.output()


CO_FACTURA_RETE_TRUTH = _truth(
    invoice_number="TA-55210", type_code="380", issue_date="2026-12-10", currency="COP",
    seller_name="Tecnología Andina S.A.S.", seller_vat_id="9014567892", seller_country="CO",
    buyer_name="Constructora Horizonte S.A.",
    tax_exclusive_total=_plain(_CV_NET), tax_total=_plain(_CV_TAX),
    grand_total=_plain(_CV_TOTAL), due_payable=_plain(_CV_TOTAL - _CV_RETE),
    line_items=_unit_lines(_CV_ITEMS, {"und": H87}),
)  # fmt: skip


BATCH46: list[Layout] = [
    Layout("kr-commercial-invoice-packing", kr_commercial_invoice, KR_COMMERCIAL_TRUTH),
    Layout("kr-proforma-won-freight", kr_proforma_won, KR_PROFORMA_TRUTH),
    Layout("jp-invoice-tnumber-export", jp_invoice_export, JP_INVOICE_TRUTH),
    Layout("th-tax-invoice-head-office", th_tax_invoice, TH_TAX_INVOICE_TRUTH),
    Layout("tr-e-arsiv-iskonto", tr_e_arsiv, TR_E_ARSIV_TRUTH),
    Layout("tr-proforma-two-pages-eg", tr_proforma_two_pages, TR_PROFORMA_TRUTH),
    Layout("pl-faktura-vat-slownie", pl_faktura_words, PL_FAKTURA_TRUTH),
    Layout("pl-faktura-korygujaca", pl_korekta, PL_KOREKTA_TRUTH),
    Layout("cz-faktura-sleva-duzp", cz_faktura_sleva, CZ_FAKTURA_TRUTH),
    Layout("gr-timologio-seira", gr_timologio, GR_TIMOLOGIO_TRUTH),
    Layout("ch-rechnung-apostroph", ch_rechnung_apostroph, CH_RECHNUNG_TRUTH),
    Layout("eg-tax-invoice-two-pages", eg_tax_invoice_two_pages, EG_TAX_INVOICE_TRUTH),
    Layout("ke-proforma-tz-bags", ke_proforma_tz, KE_PROFORMA_TRUTH),
    Layout("pk-commercial-cfr-freight", pk_commercial_freight, PK_COMMERCIAL_TRUTH),
    Layout("pk-sales-tax-invoice", pk_sales_tax_invoice, PK_SALES_TAX_TRUTH),
    Layout("bd-proforma-cartons", bd_proforma_cartons, BD_PROFORMA_TRUTH),
    Layout("cl-factura-pesos-words", cl_factura_pesos, CL_FACTURA_TRUTH),
    Layout("co-exportacion-cif-sacos", co_exportacion_cif, CO_EXPORTACION_TRUTH),
    Layout("co-factura-retefuente", co_factura_retefuente, CO_FACTURA_RETE_TRUTH),
]


def write_batch46(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH46)
