"""A thirteenth batch of hand-written invoices, written before the reader's code was read for it.

Thirteen invoices, chosen for the many ways a page shows who sells (the seller's name was the
weakest field of the twelfth batch): a US wholesaler whose page starts with a **logo-like brand**
(``NORTHSTAR``) and names its legal person only in the **footer**; a Dutch coffee roaster whose
**block is on the right** with the buyer's window address on the left and no caption; a
**marketplace** invoice (``Sold by`` the shop, ``Fulfilled by`` the platform's logistics company,
the platform's logo on top); a Chinese exporter whose **name in capitals is followed by its
street in capitals**, centred, with ``TO:`` for the buyer; a Vietnamese VAT invoice whose
seller's name (``Đơn vị bán hàng (Seller):``) **wraps onto a second line**; a Turkish exporter
whose name in capitals is **split over two lines** at the top; a Polish faktura with the
**seller (``Sprzedawca``) printed after the buyer (``Nabywca``)**; a Mexican **CFDI 4.0**
printout (``Emisor`` / ``Receptor``, ``Nombre:``, RFC, UUID, ``Clave unidad``); a Saudi
**Arabic-English bilingual** tax invoice (``Seller / البائع`` boxes with ``Name:``); a UK
invoice under a **trading name**, its legal name on a ``t/a`` line; a US invoice with a
``Vendor:`` block and a **``Remit To:`` block of a factoring company**; an Irish translator's
**letter-style** invoice without a table; and a Thai exporter's shipping invoice in boxes
(``Shipper`` / ``Consignee`` / ``Notify Party``).

Ground truth conventions (as in the earlier batches): ids as printed without spaces, dots or
hyphens; Mexico's RFC no VAT id; Vietnam's MST, Turkey's VKN, Poland's NIP and the Saudi VAT
number VAT ids; a country where the page names it, else null; a tax total only where a tax
amount is printed; ``due_payable`` the grand total unless another amount is due; a currency
where the page names one (a code, a word, or a sign used by one currency only); the seller's
name the **legal person's** (the footer's ``… LLC`` under a brand, the company before ``t/a``;
the shop, not the platform that fulfils; the vendor, not the factor to be paid); the buyer the
company (not a person to whose attention it goes); line items as printed, their amount the net;
a letter without a table has no line items.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round

Item = tuple[str, str, str, str]  # description, quantity, unit as printed, unit price


def _amount(item: Item) -> Decimal:
    return _round(_d(item[1]) * _d(item[3]))


def _net(items: list[Item]) -> Decimal:
    return sum((_amount(i) for i in items), Decimal(0))


def _lines(items: list[Item], units: dict[str, str | None]) -> list[dict]:
    return [_line(t, q, units[u], _price(_d(p)), _plain(_amount((t, q, u, p))))
            for t, q, u, p in items]  # fmt: skip


def _space(value: Decimal) -> str:
    """Polish style: spaces for thousands, a comma for decimals."""
    return _group(value).replace(",", " ").replace(".", ",")


# -- US: a logo-like brand on top, the legal name only in the footer ---------------------------

_US_ITEMS: list[Item] = [("Ridgeline 2P backpacking tent", "12", "", "189.00"),
                         ("Ember 15°F down sleeping bag", "8", "", "229.50"),
                         ("Canister stove kit, titanium", "24", "", "34.75")]  # fmt: skip
_US_NET = _net(_US_ITEMS)
_US_TAX = _round(_US_NET * Decimal("0.06"))


def us_logo_footer() -> bytes:
    s = Sheet2()
    s.text(15, 12, "NORTHSTAR", size=26, bold=True)
    s.text(16, 25, "trail & camp equipment since 1998", size=8)
    s.text(150, 12, "INVOICE", size=18, bold=True)
    for i, (label, value) in enumerate(
        [
            ("Invoice No:", "NS-40412"),
            ("Date:", "April 12, 2026"),
            ("Customer ID:", "C-2291"),
            ("Terms:", "Net 30"),
        ]
    ):
        s.text(130, 26 + 5 * i, label, size=9, bold=True)
        s.text(160, 26 + 5 * i, value, size=9)
    s.text(15, 52, "BILL TO", size=9, bold=True)
    s.lines(15, 57, ["Timberline Outdoor Co-op", "1800 Alder Ave", "Boise, ID 83702", "USA"],
            size=9, step=4.5)  # fmt: skip
    s.text(110, 52, "SHIP TO", size=9, bold=True)
    s.lines(110, 57, ["Timberline Outdoor Co-op, DC 2", "44 Commerce Way", "Nampa, ID 83687"],
            size=9, step=4.5)  # fmt: skip
    cols = [("Description", 15, 90, "L"), ("Qty", 107, 16, "R"), ("Unit Price", 125, 30, "R"),
            ("Line Total", 160, 35, "R")]  # fmt: skip
    rows = [[t, q, f"${_group(_d(p))}", f"${_group(_amount((t, q, u, p)))}"]
            for t, q, u, p in _US_ITEMS]  # fmt: skip
    y = s.grid(84, cols, rows, size=9)
    for i, (label, value) in enumerate(
        [("Subtotal", _US_NET), ("Sales Tax (6%)", _US_TAX), ("Total", _US_NET + _US_TAX)]
    ):
        s.text(120, y + 5 + 5.5 * i, label, size=9, bold=True)
        s.text(160, y + 5 + 5.5 * i, f"${_group(value)}", size=9, width=35, align="R")
    s.text(15, y + 26, "All amounts in USD. Thank you for your business!", size=8)
    s.pdf.line(15, 278, 195, 278)
    s.text(15, 281, "Northstar Outfitters LLC · 55 NW Fir Street, Portland, OR 97209, USA · "
                    "(503) 555-0142 · billing@northstar-gear.com", size=7, width=180,
           align="C")  # fmt: skip
    return s.output()


US_LOGO_FOOTER_TRUTH = _truth(
    invoice_number="NS-40412", type_code="380", issue_date="2026-04-12", currency="USD",
    seller_name="Northstar Outfitters LLC", seller_country="US",
    buyer_name="Timberline Outdoor Co-op", buyer_country="US",
    tax_exclusive_total=_plain(_US_NET), tax_total=_plain(_US_TAX),
    grand_total=_plain(_US_NET + _US_TAX), due_payable=_plain(_US_NET + _US_TAX),
    line_items=_lines(_US_ITEMS, {"": None}),
)  # fmt: skip


# -- Netherlands: the seller's block on the right, the buyer's window address uncaptioned ------

_NL_ITEMS: list[Item] = [("Espresso blend Zuiderzee, bonen", "60", "kg", "18.40"),
                         ("Decaf Colombia, bonen", "12", "kg", "21.90"),
                         ("Filterkoffie huismelange, gemalen", "25", "kg", "14.75")]  # fmt: skip
_NL_NET = _net(_NL_ITEMS)
_NL_TAX = _round(_NL_NET * Decimal("0.09"))


def nl_seller_right() -> bytes:
    s = Sheet2()
    s.text(15, 15, "FACTUUR", size=20, bold=True)
    s.text(125, 12, "Koffiebranderij Zuiderzee B.V.", size=11, bold=True)
    s.lines(125, 18, ["Havenweg 17", "8281 PM Genemuiden", "Nederland", "KvK 51234567",
                      "BTW NL812345679B01", "IBAN NL91 ABNA 0417 1643 00"],
            size=8.5, step=4)  # fmt: skip
    s.lines(15, 45, ["Horeca Groep Brabant B.V.", "t.a.v. afdeling Inkoop", "Stationsplein 3",
                     "5211 AP 's-Hertogenbosch"], size=9.5, step=5)  # fmt: skip
    for i, (label, value) in enumerate([("Factuurnummer", "2026-0412"),
                                        ("Factuurdatum", "12-04-2026"),
                                        ("Vervaldatum", "12-05-2026"),
                                        ("Klantnummer", "10488")]):  # fmt: skip
        s.text(15, 74 + 5 * i, label, size=9, bold=True)
        s.text(50, 74 + 5 * i, value, size=9)
    cols = [("Omschrijving", 15, 75, "L"), ("Aantal", 92, 16, "R"), ("Eenheid", 111, 16, "L"),
            ("Prijs", 128, 24, "R"), ("BTW", 153, 10, "R"), ("Bedrag", 165, 30, "R")]  # fmt: skip
    rows = [[t, q, u, f"€ {_group(_d(p), 'de')}", "9%", f"€ {_group(_amount((t, q, u, p)), 'de')}"]
            for t, q, u, p in _NL_ITEMS]  # fmt: skip
    y = s.grid(102, cols, rows, size=9)
    s.pdf.line(15, y, 195, y)
    for i, (label, value) in enumerate(
        [("Subtotaal", _NL_NET), ("BTW 9%", _NL_TAX), ("Totaal", _NL_NET + _NL_TAX)]
    ):
        s.text(128, y + 4 + 5.5 * i, label, size=9, bold=True)
        s.text(165, y + 4 + 5.5 * i, f"€ {_group(value, 'de')}", size=9, width=30, align="R")
    s.text(15, y + 26, "Wij verzoeken u het totaalbedrag binnen 30 dagen over te maken onder "
                       "vermelding van het factuurnummer.", size=8)  # fmt: skip
    return s.output()


NL_SELLER_RIGHT_TRUTH = _truth(
    invoice_number="2026-0412", type_code="380", issue_date="2026-04-12", currency="EUR",
    seller_name="Koffiebranderij Zuiderzee B.V.", seller_vat_id="NL812345679B01",
    seller_country="NL", buyer_name="Horeca Groep Brabant B.V.",
    tax_exclusive_total=_plain(_NL_NET), tax_total=_plain(_NL_TAX),
    grand_total=_plain(_NL_NET + _NL_TAX), due_payable=_plain(_NL_NET + _NL_TAX),
    line_items=_lines(_NL_ITEMS, {"kg": "KGM"}),
)  # fmt: skip


# -- A marketplace: the platform's logo, "Sold by" the shop, "Fulfilled by" the platform -------

_MP_ITEMS: list[Item] = [("Linen cushion cover 50x50, sage", "20", "", "14.90"),
                         ("Oak serving board, large", "6", "", "39.00"),
                         ("Stoneware vase, matte white", "10", "", "24.50")]  # fmt: skip
_MP_NET = _net(_MP_ITEMS)


def se_marketplace() -> bytes:
    s = Sheet2()
    s.text(15, 12, "shopnest", size=22, bold=True)
    s.text(16, 22, "marketplace", size=8)
    s.text(150, 12, "Invoice", size=16, bold=True)
    for i, (label, value) in enumerate([("Invoice number", "SE-INV-2026-0048213"),
                                        ("Invoice date", "12 April 2026"),
                                        ("Order number", "402-7719305-118822"),
                                        ("Order date", "10 April 2026")]):  # fmt: skip
        s.text(112, 24 + 4.5 * i, label, size=8.5, bold=True)
        s.text(145, 24 + 4.5 * i, value, size=8.5)
    s.text(15, 48, "Sold by", size=9, bold=True)
    s.lines(15, 53, ["Lindqvist Home AB", "Storgatan 12", "411 38 Göteborg, Sweden",
                     "VAT: SE556677889901"], size=8.5, step=4)  # fmt: skip
    s.text(112, 48, "Fulfilled by", size=9, bold=True)
    s.lines(112, 53, ["ShopNest EU Services S.à r.l.", "5 Rue Plaetis",
                      "2338 Luxembourg, Luxembourg"], size=8.5, step=4)  # fmt: skip
    s.text(15, 74, "Billing address", size=9, bold=True)
    s.lines(15, 79, ["Studio Verde GmbH", "Lindenstraße 40", "10969 Berlin, Germany",
                     "VAT: DE318765432"], size=8.5, step=4)  # fmt: skip
    s.text(112, 74, "Delivery address", size=9, bold=True)
    s.lines(112, 79, ["Studio Verde GmbH, Showroom", "Oranienstraße 185", "10999 Berlin, Germany"],
            size=8.5, step=4)  # fmt: skip
    cols = [("Description", 15, 72, "L"), ("Qty", 88, 12, "R"),
            ("Unit price (excl. VAT)", 102, 36, "R"), ("VAT rate", 140, 16, "R"),
            ("Amount (excl. VAT)", 158, 37, "R")]  # fmt: skip
    rows = [[t, q, f"€{_group(_d(p))}", "0%", f"€{_group(_amount((t, q, u, p)))}"]
            for t, q, u, p in _MP_ITEMS]  # fmt: skip
    y = s.grid(104, cols, rows, size=8.5)
    s.pdf.line(15, y, 195, y)
    for i, (label, value) in enumerate(
        [("Total (excl. VAT)", _MP_NET), ("VAT 0%", Decimal(0)), ("Total", _MP_NET)]
    ):
        s.text(125, y + 4 + 5.5 * i, label, size=9, bold=True)
        s.text(158, y + 4 + 5.5 * i, f"€{_group(value)}", size=9, width=37, align="R")
    s.text(15, y + 26, "VAT reverse charge: Art. 196 Council Directive 2006/112/EC.", size=8)
    s.text(15, y + 31, "This invoice is issued by ShopNest on behalf of the seller named above.",
           size=8)  # fmt: skip
    return s.output()


SE_MARKETPLACE_TRUTH = _truth(
    invoice_number="SE-INV-2026-0048213", type_code="380", issue_date="2026-04-12",
    currency="EUR", seller_name="Lindqvist Home AB", seller_vat_id="SE556677889901",
    seller_country="SE", buyer_name="Studio Verde GmbH", buyer_country="DE",
    tax_exclusive_total=_plain(_MP_NET), tax_total="0.00", grand_total=_plain(_MP_NET),
    due_payable=_plain(_MP_NET), line_items=_lines(_MP_ITEMS, {"": None}),
)  # fmt: skip


# -- China: the name in capitals, its street in capitals under it, centred --------------------

_CN_ITEMS: list[Item] = [("Ceramic dinner plate 27 cm, white", "2400", "PCS", "1.85"),
                         ("Ceramic soup bowl 18 cm, white", "1800", "PCS", "1.42"),
                         ("Porcelain mug 350 ml, printed", "3000", "PCS", "1.18")]  # fmt: skip
_CN_TOTAL = _net(_CN_ITEMS)


def cn_caps_street() -> bytes:
    s = Sheet2()
    s.text(15, 12, "ZHEJIANG HUACHEN IMP. & EXP. CO., LTD.", size=13, bold=True, width=180,
           align="C")  # fmt: skip
    s.text(15, 19, "NO. 88 JIANGBIN ROAD, YINZHOU DISTRICT, NINGBO 315100, CHINA", size=8,
           width=180, align="C")  # fmt: skip
    s.text(15, 23.5, "TEL: 0086-574-8765 4321   FAX: 0086-574-8765 4322", size=8, width=180,
           align="C")  # fmt: skip
    s.text(15, 33, "COMMERCIAL INVOICE", size=14, bold=True, width=180, align="C")
    s.text(15, 46, "TO:", size=9, bold=True)
    s.lines(25, 46, ["BALTIC HOME DISTRIBUTION SIA", "KRASTA IELA 52", "RIGA LV-1003, LATVIA"],
            size=9, step=4.5)  # fmt: skip
    for i, (label, value) in enumerate([("INVOICE NO.:", "HC26E0412"), ("DATE:", "APR. 12, 2026"),
                                        ("S/C NO.:", "HC-SC-2603")]):  # fmt: skip
        s.text(125, 46 + 5 * i, label, size=9, bold=True)
        s.text(155, 46 + 5 * i, value, size=9)
    s.text(15, 66, "FROM NINGBO, CHINA TO RIGA, LATVIA BY SEA", size=9)
    cols = [
        ("DESCRIPTION OF GOODS", 15, 82, "L"),
        ("QUANTITY", 99, 20, "R"),
        ("UNIT", 122, 12, "L"),
        ("UNIT PRICE", 135, 25, "R"),
        ("AMOUNT", 162, 33, "R"),
    ]
    rows = [[t, _group(_d(q), places=0), u, f"USD {p}", f"USD {_group(_amount((t, q, u, p)))}"]
            for t, q, u, p in _CN_ITEMS]  # fmt: skip
    s.text(135, 74, "FOB NINGBO", size=8, bold=True)
    y = s.grid(79, cols, rows, size=8.5)
    s.pdf.line(15, y, 195, y)
    s.text(15, y + 3, "TOTAL:", size=9, bold=True)
    s.text(99, y + 3, "7,200", size=9, width=20, align="R")
    s.text(122, y + 3, "PCS", size=9)
    s.text(162, y + 3, f"USD {_group(_CN_TOTAL)}", size=9, bold=True, width=33, align="R")
    s.text(15, y + 12, "SAY TOTAL US DOLLARS TEN THOUSAND FIVE HUNDRED AND THIRTY SIX ONLY.",
           size=8.5)  # fmt: skip
    s.text(120, y + 30, "ZHEJIANG HUACHEN IMP. & EXP. CO., LTD.", size=8.5, bold=True)
    s.text(120, y + 45, "(Authorized Signature)", size=8)
    return s.output()


CN_CAPS_STREET_TRUTH = _truth(
    invoice_number="HC26E0412", type_code="380", issue_date="2026-04-12", currency="USD",
    seller_name="ZHEJIANG HUACHEN IMP. & EXP. CO., LTD.", seller_country="CN",
    buyer_name="BALTIC HOME DISTRIBUTION SIA", buyer_country="LV",
    grand_total=_plain(_CN_TOTAL), due_payable=_plain(_CN_TOTAL),
    line_items=_lines(_CN_ITEMS, {"PCS": "H87"}),
)  # fmt: skip


# -- Vietnam: the seller's name wrapping onto a second line after its caption -----------------

_VN_ITEMS: list[Item] = [("Áo sơ mi nam cotton (Men's cotton shirt)", "1200", "Cái", "185000"),
                         ("Quần kaki nữ (Women's chino trousers)", "800", "Cái",
                          "245000")]  # fmt: skip
_VN_NET = _net(_VN_ITEMS)


def _vnd(value: Decimal) -> str:
    return _group(value, places=0).replace(",", ".")


def vn_two_line_name() -> bytes:
    s = Sheet2()
    s.text(15, 10, "HÓA ĐƠN GIÁ TRỊ GIA TĂNG", size=14, bold=True, width=180, align="C")
    s.text(15, 17, "(VAT INVOICE)", size=9, width=180, align="C")
    s.text(15, 21.5, "Ngày (Date) 12 tháng (month) 04 năm (year) 2026", size=9, width=180,
           align="C")  # fmt: skip
    s.text(150, 10, "Ký hiệu (Serial): 1C26TXN", size=8.5)
    s.text(150, 14.5, "Số (No.): 00000412", size=8.5, bold=True)
    s.text(15, 32, "Đơn vị bán hàng (Seller):", size=9)
    s.text(58, 32, "CÔNG TY TNHH MAY MẶC XUẤT KHẨU", size=9.5, bold=True)
    s.text(58, 37, "SÀI GÒN XANH", size=9.5, bold=True)
    s.text(15, 42, "Mã số thuế (Tax code): 0301234567", size=9)
    s.text(15, 47, "Địa chỉ (Address): 125 Cộng Hòa, Phường 12, Quận Tân Bình, TP. Hồ Chí Minh, "
                   "Việt Nam", size=9)  # fmt: skip
    s.pdf.line(15, 53, 195, 53)
    s.text(15, 56, "Tên đơn vị (Company name): GREENLEAF APPAREL PTE. LTD.", size=9)
    s.text(15, 61, "Địa chỉ (Address): 10 Anson Road, #22-01, Singapore 079903", size=9)
    s.text(15, 66, "Hình thức thanh toán (Payment method): TM/CK    Đồng tiền thanh toán "
                   "(Currency): VND", size=9)  # fmt: skip
    cols = [
        ("STT", 15, 8, "L"),
        ("Tên hàng hóa, dịch vụ (Description)", 24, 64, "L"),
        ("ĐVT (Unit)", 89, 14, "L"),
        ("Số lượng (Qty)", 104, 28, "R"),
        ("Đơn giá (Price)", 133, 28, "R"),
        ("Thành tiền (Amount)", 162, 33, "R"),
    ]
    rows = [[str(n), t, u, _vnd(_d(q)), _vnd(_d(p)), _vnd(_amount((t, q, u, p)))]
            for n, (t, q, u, p) in enumerate(_VN_ITEMS, 1)]  # fmt: skip
    y = s.grid(76, cols, rows, size=8)
    s.pdf.line(15, y, 195, y)
    for i, (label, value) in enumerate([
        ("Cộng tiền hàng (Total amount before VAT):", _vnd(_VN_NET)),
        ("Thuế suất GTGT (VAT rate): 0%   Tiền thuế GTGT (VAT amount):", "0"),
        ("Tổng cộng tiền thanh toán (Total payment):", _vnd(_VN_NET)),
    ]):  # fmt: skip
        s.text(15, y + 4 + 5.5 * i, label, size=8.5, bold=True)
        s.text(162, y + 4 + 5.5 * i, value, size=8.5, width=33, align="R")
    s.text(15, y + 22, "Số tiền viết bằng chữ (Amount in words): Bốn trăm mười tám triệu đồng "
                       "chẵn.", size=8)  # fmt: skip
    s.text(25, y + 32, "Người mua hàng (Buyer)", size=8.5, bold=True)
    s.text(135, y + 32, "Người bán hàng (Seller)", size=8.5, bold=True)
    return s.output()


VN_TWO_LINE_NAME_TRUTH = _truth(
    invoice_number="00000412", type_code="380", issue_date="2026-04-12", currency="VND",
    seller_name="CÔNG TY TNHH MAY MẶC XUẤT KHẨU SÀI GÒN XANH", seller_vat_id="0301234567",
    seller_country="VN", buyer_name="GREENLEAF APPAREL PTE. LTD.", buyer_country="SG",
    tax_exclusive_total=_plain(_VN_NET), tax_total="0.00", grand_total=_plain(_VN_NET),
    due_payable=_plain(_VN_NET), line_items=_lines(_VN_ITEMS, {"Cái": "H87"}),
)  # fmt: skip


# -- Turkey: the exporter's name in capitals over two lines at the top ------------------------

_TR_ITEMS: list[Item] = [("El dokuma halı 200x300 / Hand-woven carpet 200x300", "14", "Adet",
                          "640.00"),
                         ("Kilim 120x180 / Kilim rug 120x180", "40", "Adet", "95.00"),
                         ("Yastık kılıfı kilim / Kilim cushion cover", "150", "Adet",
                          "12.50")]  # fmt: skip
_TR_NET = _net(_TR_ITEMS)


def tr_two_line_caps() -> bytes:
    s = Sheet2()
    s.text(15, 12, "KAPADOKYA HALI VE KİLİM", size=13, bold=True)
    s.text(15, 18.5, "SANAYİ TİCARET LTD. ŞTİ.", size=13, bold=True)
    s.lines(15, 27, ["Organize Sanayi Bölgesi 3. Cadde No: 14", "38070 Kayseri / TÜRKİYE",
                     "Vergi Dairesi: Erciyes   V.No: 5430098712"], size=8.5, step=4)  # fmt: skip
    s.text(135, 12, "FATURA / INVOICE", size=14, bold=True)
    for i, (label, value) in enumerate([("Fatura No / Invoice No:", "KHK2026000412"),
                                        ("Tarih / Date:", "12.04.2026")]):  # fmt: skip
        s.text(120, 24 + 5 * i, label, size=8.5, bold=True)
        s.text(160, 24 + 5 * i, value, size=8.5)
    s.text(15, 48, "Alıcı / Buyer:", size=9, bold=True)
    s.lines(15, 53, ["Tapis d'Orient SARL", "14 rue de la République", "69002 Lyon, France"],
            size=9, step=4.5)  # fmt: skip
    cols = [("Mal Cinsi / Description", 15, 84, "L"), ("Miktar / Qty", 100, 18, "R"),
            ("Birim / Unit", 120, 15, "L"), ("Birim Fiyat / Price", 136, 30, "R"),
            ("Tutar / Amount", 168, 27, "R")]  # fmt: skip
    rows = [[t, q, u, _group(_d(p), "de"), _group(_amount((t, q, u, p)), "de")]
            for t, q, u, p in _TR_ITEMS]  # fmt: skip
    y = s.grid(72, cols, rows, size=7.5)
    s.pdf.line(15, y, 195, y)
    for i, (label, value) in enumerate(
        [
            ("Mal Hizmet Toplam Tutarı / Goods Total", _TR_NET),
            ("Hesaplanan KDV (%0) / VAT", Decimal(0)),
            ("Ödenecek Tutar / Amount Payable", _TR_NET),
        ]
    ):
        s.text(95, y + 4 + 5.5 * i, label, size=8.5, bold=True)
        s.text(160, y + 4 + 5.5 * i, f"{_group(value, 'de')} EUR", size=8.5, width=35,
               align="R")  # fmt: skip
    s.text(15, y + 24, "KDV Kanunu 11/1-a maddesi uyarınca ihracat istisnası. Teslim şekli: "
                       "CIF Lyon.", size=7.5)  # fmt: skip
    return s.output()


TR_TWO_LINE_CAPS_TRUTH = _truth(
    invoice_number="KHK2026000412", type_code="380", issue_date="2026-04-12", currency="EUR",
    seller_name="KAPADOKYA HALI VE KİLİM SANAYİ TİCARET LTD. ŞTİ.", seller_vat_id="5430098712",
    seller_country="TR", buyer_name="Tapis d'Orient SARL", buyer_country="FR",
    tax_exclusive_total=_plain(_TR_NET), tax_total="0.00", grand_total=_plain(_TR_NET),
    due_payable=_plain(_TR_NET), line_items=_lines(_TR_ITEMS, {"Adet": "H87"}),
)  # fmt: skip


# -- Poland: the buyer (Nabywca) first, the seller (Sprzedawca) under it -----------------------

_PL_ITEMS: list[Item] = [("Drzwi wewnętrzne dębowe 80 cm", "12", "szt.", "640.00"),
                         ("Ościeżnica regulowana 80 cm", "12", "szt.", "215.00"),
                         ("Listwa przypodłogowa dąb 2,4 m", "60", "szt.", "32.50")]  # fmt: skip
_PL_NET = _net(_PL_ITEMS)
_PL_TAX = sum((_round(_amount(i) * Decimal("0.23")) for i in _PL_ITEMS), Decimal(0))


def pl_seller_after_buyer() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Faktura VAT nr FV/412/04/2026", size=14, bold=True)
    s.lines(125, 12, ["Miejsce wystawienia: Poznań", "Data wystawienia: 2026-04-12",
                      "Data sprzedaży: 2026-04-10"], size=8.5, step=4.5)  # fmt: skip
    s.text(15, 32, "Nabywca:", size=9, bold=True)
    s.lines(15, 37, ["Hurtownia Budowlana Warta Sp. z o.o.", "ul. Garbary 48", "61-758 Poznań",
                     "NIP: 783-112-23-34"], size=9, step=4.5)  # fmt: skip
    s.text(15, 60, "Sprzedawca:", size=9, bold=True)
    s.lines(15, 65, ["Zakład Stolarski Dąbrowski Sp. j.", "ul. Leśna 7", "62-020 Swarzędz",
                     "NIP: 777-123-45-60"], size=9, step=4.5)  # fmt: skip
    cols = [("Lp.", 15, 7, "L"), ("Nazwa towaru lub usługi", 23, 58, "L"), ("Ilość", 82, 11, "R"),
            ("J.m.", 95, 9, "L"), ("Cena netto", 104, 19, "R"), ("Wartość netto", 124, 22, "R"),
            ("VAT", 147, 8, "R"), ("Kwota VAT", 156, 18, "R"),
            ("Brutto", 175, 20, "R")]  # fmt: skip
    rows = []
    for n, (t, q, u, p) in enumerate(_PL_ITEMS, 1):
        net = _amount((t, q, u, p))
        tax = _round(net * Decimal("0.23"))
        rows.append([str(n), t, q, u, _space(_d(p)), _space(net), "23%", _space(tax),
                     _space(net + tax)])  # fmt: skip
    y = s.grid(90, cols, rows, size=7.5)
    s.pdf.line(15, y, 195, y)
    for i, (label, value) in enumerate(
        [("Razem netto:", _PL_NET), ("VAT 23%:", _PL_TAX), ("Razem brutto:", _PL_NET + _PL_TAX)]
    ):
        s.text(124, y + 4 + 5 * i, label, size=8.5, bold=True)
        s.text(160, y + 4 + 5 * i, f"{_space(value)} PLN", size=8.5, width=35, align="R")
    s.text(15, y + 24, f"Do zapłaty: {_space(_PL_NET + _PL_TAX)} PLN", size=10, bold=True)
    s.text(15, y + 30, "Sposób płatności: przelew, termin 14 dni", size=8.5)
    return s.output()


PL_SELLER_AFTER_BUYER_TRUTH = _truth(
    invoice_number="FV/412/04/2026", type_code="380", issue_date="2026-04-12", currency="PLN",
    seller_name="Zakład Stolarski Dąbrowski Sp. j.", seller_vat_id="7771234560",
    buyer_name="Hurtownia Budowlana Warta Sp. z o.o.",
    tax_exclusive_total=_plain(_PL_NET), tax_total=_plain(_PL_TAX),
    grand_total=_plain(_PL_NET + _PL_TAX), due_payable=_plain(_PL_NET + _PL_TAX),
    line_items=_lines(_PL_ITEMS, {"szt.": "H87"}),
)  # fmt: skip


# -- Mexico: a CFDI 4.0 printout, Emisor / Receptor with "Nombre:" ----------------------------

_MX_ITEMS: list[Item] = [("Camisa de mezclilla para caballero", "250", "H87 Pieza", "289.00"),
                         ("Pantalón de gabardina para dama", "180", "H87 Pieza",
                          "345.50")]  # fmt: skip
_MX_NET = _net(_MX_ITEMS)
_MX_TAX = _round(_MX_NET * Decimal("0.16"))


def mx_cfdi_emisor() -> bytes:
    s = Sheet2()
    s.text(15, 12, "EMISOR", size=9, bold=True)
    s.lines(15, 17, ["Nombre: TEXTILES DEL BAJÍO, S.A. DE C.V.", "RFC: TBA150312QX4",
                     "Régimen fiscal: 601 General de Ley Personas Morales",
                     "Lugar de expedición: 37000"], size=8.5, step=4.5)  # fmt: skip
    s.text(130, 12, "FACTURA", size=14, bold=True)
    s.lines(130, 19, ["Folio: A-1042", "Folio fiscal (UUID):",
                      "6F1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
                      "Fecha de emisión: 2026-04-12T10:31:07", "Tipo de comprobante: I - Ingreso",
                      "Versión CFDI: 4.0"], size=8, step=4.2)  # fmt: skip
    s.text(15, 47, "RECEPTOR", size=9, bold=True)
    s.lines(15, 52, ["Nombre: COMERCIALIZADORA NORTEÑA DE MODA, S.A. DE C.V.",
                     "RFC: CNM0901225H1", "Domicilio fiscal: 64000",
                     "Uso CFDI: G01 Adquisición de mercancías"], size=8.5, step=4.5)  # fmt: skip
    cols = [("Clave SAT", 15, 24, "L"), ("Cantidad", 40, 15, "R"),
            ("Clave unidad", 57, 22, "L"), ("Descripción", 80, 60, "L"),
            ("Valor unitario", 141, 24, "R"), ("Importe", 166, 29, "R")]  # fmt: skip
    rows = [["53101602", q, u, t, _group(_d(p)), _group(_amount((t, q, u, p)))]
            for t, q, u, p in _MX_ITEMS]  # fmt: skip
    y = s.grid(78, cols, rows, size=7.5)
    s.pdf.line(15, y, 195, y)
    for i, (label, value) in enumerate([("Subtotal", _MX_NET),
                                        ("IVA Trasladado 16%", _MX_TAX),
                                        ("Total", _MX_NET + _MX_TAX)]):  # fmt: skip
        s.text(130, y + 4 + 5 * i, label, size=8.5, bold=True)
        s.text(166, y + 4 + 5 * i, f"${_group(value)}", size=8.5, width=29, align="R")
    s.lines(15, y + 4, ["Moneda: MXN", "Forma de pago: 03 Transferencia electrónica",
                        "Método de pago: PUE Pago en una sola exhibición"],
            size=8, step=4.2)  # fmt: skip
    s.text(15, y + 24, "Este documento es una representación impresa de un CFDI.", size=7)
    return s.output()


MX_CFDI_EMISOR_TRUTH = _truth(
    invoice_number="A-1042", type_code="380", issue_date="2026-04-12", currency="MXN",
    seller_name="TEXTILES DEL BAJÍO, S.A. DE C.V.",
    buyer_name="COMERCIALIZADORA NORTEÑA DE MODA, S.A. DE C.V.",
    tax_exclusive_total=_plain(_MX_NET), tax_total=_plain(_MX_TAX),
    grand_total=_plain(_MX_NET + _MX_TAX), due_payable=_plain(_MX_NET + _MX_TAX),
    line_items=_lines(_MX_ITEMS, {"H87 Pieza": "H87"}),
)  # fmt: skip


# -- Saudi Arabia: an Arabic-English tax invoice, the parties in boxes with "Name:" -----------

_SA_ITEMS: list[Item] = [("Date paste, 5 kg tin", "300", "", "42.00"),
                         ("Tahini, 1 kg jar", "480", "", "17.50"),
                         ("Dried figs, 500 g pack", "600", "", "11.25")]  # fmt: skip
_SA_NET = _net(_SA_ITEMS)
_SA_TAX = _round(_SA_NET * Decimal("0.15"))


def sa_bilingual() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Tax Invoice  فاتورة ضريبية", size=14, bold=True, width=180, align="C")
    for i, (label, value, arabic) in enumerate([
        ("Invoice Number:", "WFI-2026-00412", "رقم الفاتورة"),
        ("Invoice Issue Date:", "2026-04-12", "تاريخ إصدار الفاتورة"),
    ]):  # fmt: skip
        s.text(15, 20 + 5 * i, label, size=8.5, bold=True)
        s.text(55, 20 + 5 * i, value, size=8.5)
        s.text(150, 20 + 5 * i, arabic, size=8.5, width=45, align="R")
    for x, head, rows in (
        (15, "Seller  البائع", ["Name: Al Waha Food Industries Co.",
                                "Address: King Fahd Road, Riyadh 12271",
                                "Country: Saudi Arabia", "VAT Number: 300123456700003",
                                "CR No.: 1010234567"]),
        (107, "Buyer  المشتري", ["Name: Nakheel Hypermarkets Co.",
                                 "Address: Al Tahlia Street, Jeddah 23434",
                                 "Country: Saudi Arabia", "VAT Number: 310987654300003"]),
    ):  # fmt: skip
        s.pdf.rect(x, 33, 88, 32)
        s.text(x + 2, 35, head, size=9, bold=True)
        s.lines(x + 2, 41, rows, size=8, step=4.3)
    cols = [("Description الوصف", 15, 62, "L"), ("Qty الكمية", 78, 18, "R"),
            ("Unit Price", 97, 20, "R"), ("Taxable Amount", 118, 26, "R"),
            ("VAT 15%", 145, 20, "R"), ("Total incl. VAT", 166, 29, "R")]  # fmt: skip
    rows = []
    for t, q, u, p in _SA_ITEMS:
        net = _amount((t, q, u, p))
        tax = _round(net * Decimal("0.15"))
        rows.append([t, q, _group(_d(p)), _group(net), _group(tax), _group(net + tax)])
    y = s.grid(72, cols, rows, size=8)
    s.pdf.line(15, y, 195, y)
    for i, (label, value) in enumerate([
        ("Total (Excluding VAT)  الإجمالي غير شامل الضريبة", _SA_NET),
        ("Total VAT  مجموع ضريبة القيمة المضافة", _SA_TAX),
        ("Total Amount Due  إجمالي المبلغ المستحق", _SA_NET + _SA_TAX),
    ]):  # fmt: skip
        s.text(55, y + 4 + 5.5 * i, label, size=8.5, bold=True)
        s.text(160, y + 4 + 5.5 * i, f"SAR {_group(value)}", size=8.5, width=35, align="R")
    return s.output()


SA_BILINGUAL_TRUTH = _truth(
    invoice_number="WFI-2026-00412", type_code="380", issue_date="2026-04-12", currency="SAR",
    seller_name="Al Waha Food Industries Co.", seller_vat_id="300123456700003",
    seller_country="SA", buyer_name="Nakheel Hypermarkets Co.", buyer_country="SA",
    tax_exclusive_total=_plain(_SA_NET), tax_total=_plain(_SA_TAX),
    grand_total=_plain(_SA_NET + _SA_TAX), due_payable=_plain(_SA_NET + _SA_TAX),
    line_items=_lines(_SA_ITEMS, {"": None}),
)  # fmt: skip


# -- UK: a trading name as the letterhead, the legal name on a "t/a" line ----------------------

_UK_ITEMS: list[Item] = [("Pull-up banner 850 x 2000 mm, printed", "4", "", "68.00"),
                         ("Correx sign A1, double-sided", "10", "", "14.50"),
                         ("Window vinyl lettering, fitted", "1", "", "240.00")]  # fmt: skip
_UK_NET = _net(_UK_ITEMS)
_UK_TAX = _round(_UK_NET * Decimal("0.20"))


def uk_trading_as() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Brightside Print & Sign", size=20, bold=True)
    s.text(15, 22, "Harlow Graphics Ltd t/a Brightside Print & Sign", size=8.5)
    s.lines(15, 27, ["Unit 3, Canal Wharf, Leeds LS11 5PY, United Kingdom",
                     "Registered in England No. 08123456 · VAT No. GB 312 4455 67"],
            size=8, step=4)  # fmt: skip
    s.text(160, 12, "INVOICE", size=16, bold=True)
    s.text(15, 44, "Invoice to:", size=9, bold=True)
    s.lines(15, 49, ["Kirkstall Brewery Taproom Ltd", "12 Abbey Road", "Leeds LS5 3HS"],
            size=9, step=4.5)  # fmt: skip
    for i, (label, value) in enumerate([("Invoice no.", "BPS-2604-117"),
                                        ("Invoice date", "12/04/2026"),
                                        ("Due date", "12/05/2026")]):  # fmt: skip
        s.text(130, 44 + 5 * i, label, size=9, bold=True)
        s.text(160, 44 + 5 * i, value, size=9)
    cols = [("Description", 15, 90, "L"), ("Qty", 107, 14, "R"), ("Unit cost", 124, 26, "R"),
            ("VAT", 152, 10, "R"), ("Net", 165, 30, "R")]  # fmt: skip
    rows = [[t, q, f"£{_group(_d(p))}", "20%", f"£{_group(_amount((t, q, u, p)))}"]
            for t, q, u, p in _UK_ITEMS]  # fmt: skip
    y = s.grid(70, cols, rows, size=9)
    s.pdf.line(15, y, 195, y)
    for i, (label, value) in enumerate(
        [
            ("Net total", _UK_NET),
            ("VAT @ 20%", _UK_TAX),
            ("Invoice total", _UK_NET + _UK_TAX),
            ("Amount due", _UK_NET + _UK_TAX),
        ]
    ):
        s.text(124, y + 4 + 5.5 * i, label, size=9, bold=True)
        s.text(165, y + 4 + 5.5 * i, f"£{_group(value)}", size=9, width=30, align="R")
    s.text(15, y + 32, "Bank: Harlow Graphics Ltd, sort code 20-45-77, account 43218765.",
           size=8)  # fmt: skip
    return s.output()


UK_TRADING_AS_TRUTH = _truth(
    invoice_number="BPS-2604-117", type_code="380", issue_date="2026-04-12", currency="GBP",
    seller_name="Harlow Graphics Ltd", seller_vat_id="GB312445567", seller_country="GB",
    buyer_name="Kirkstall Brewery Taproom Ltd",
    tax_exclusive_total=_plain(_UK_NET), tax_total=_plain(_UK_TAX),
    grand_total=_plain(_UK_NET + _UK_TAX), due_payable=_plain(_UK_NET + _UK_TAX),
    line_items=_lines(_UK_ITEMS, {"": None}),
)  # fmt: skip


# -- US: a "Vendor:" block, a "Remit To:" block naming a factoring company ---------------------

_VR_ITEMS: list[Item] = [("Hex bolt 1/2-13 x 3, grade 5, zinc", "1500", "EA", "0.42"),
                         ("Flange nut 1/2-13, serrated", "1500", "EA", "0.19"),
                         ("Threaded rod 1/2-13 x 6 ft", "40", "EA", "7.85")]  # fmt: skip
_VR_NET = _net(_VR_ITEMS)
_VR_TAX = _round(_VR_NET * Decimal("0.0725"))


def us_remit_to() -> bytes:
    s = Sheet2()
    s.text(15, 12, "INVOICE", size=20, bold=True)
    s.text(15, 28, "Vendor:", size=9, bold=True)
    s.lines(15, 33, ["Great Lakes Fastener Corp.", "2250 Industrial Dr", "Toledo, OH 43612",
                     "United States"], size=9, step=4.5)  # fmt: skip
    s.text(110, 28, "Remit To:", size=9, bold=True)
    s.lines(110, 33, ["Keystone Commercial Finance LLC", "P.O. Box 9921",
                      "Dallas, TX 75395-9921"], size=9, step=4.5)  # fmt: skip
    s.text(15, 56, "Sold To:", size=9, bold=True)
    s.lines(15, 61, ["Maumee Valley Equipment Inc.", "410 River Rd", "Maumee, OH 43537"],
            size=9, step=4.5)  # fmt: skip
    for i, (label, value) in enumerate([("Invoice No.", "GLF-118204"),
                                        ("Invoice Date", "04/12/2026"),
                                        ("PO Number", "MVE-7781"),
                                        ("Terms", "2% 10 Net 30")]):  # fmt: skip
        s.text(110, 56 + 5 * i, label, size=9, bold=True)
        s.text(145, 56 + 5 * i, value, size=9)
    cols = [("Description", 15, 85, "L"), ("Qty Shipped", 101, 20, "R"), ("UOM", 124, 10, "L"),
            ("Unit Price", 135, 25, "R"), ("Extended", 162, 33, "R")]  # fmt: skip
    rows = [[t, _group(_d(q), places=0), u, p, _group(_amount((t, q, u, p)))]
            for t, q, u, p in _VR_ITEMS]  # fmt: skip
    y = s.grid(86, cols, rows, size=8.5)
    s.pdf.line(15, y, 195, y)
    for i, (label, value) in enumerate(
        [
            ("Subtotal", _VR_NET),
            ("Sales Tax 7.25%", _VR_TAX),
            ("Please Pay This Amount (USD)", _VR_NET + _VR_TAX),
        ]
    ):
        s.text(105, y + 4 + 5.5 * i, label, size=9, bold=True)
        s.text(162, y + 4 + 5.5 * i, _group(value), size=9, width=33, align="R")
    s.text(15, y + 26, "This account has been assigned to Keystone Commercial Finance LLC. "
                       "Payment must be made only to the Remit To address.", size=7.5)  # fmt: skip
    return s.output()


US_REMIT_TO_TRUTH = _truth(
    invoice_number="GLF-118204", type_code="380", issue_date="2026-04-12", currency="USD",
    seller_name="Great Lakes Fastener Corp.", seller_country="US",
    buyer_name="Maumee Valley Equipment Inc.",
    tax_exclusive_total=_plain(_VR_NET), tax_total=_plain(_VR_TAX),
    grand_total=_plain(_VR_NET + _VR_TAX), due_payable=_plain(_VR_NET + _VR_TAX),
    line_items=_lines(_VR_ITEMS, {"EA": "H87"}),
)  # fmt: skip


# -- Ireland: a letter, no table ---------------------------------------------------------------


def ie_letter() -> bytes:
    s = Sheet2("Serif")
    s.text(120, 12, "Brennan Translation Services Ltd", size=10.5, bold=True)
    s.lines(120, 18, ["14 Dominick Street Lower", "Galway H91 X2K7", "Ireland",
                      "VAT No. IE 3456789KH"], size=8.5, step=4)  # fmt: skip
    s.lines(15, 45, ["Ms Claire Dubois", "Legal Department", "Atelier Juridique Rhône SAS",
                     "8 quai Saint-Antoine", "69002 Lyon", "France"], size=9.5,
            step=4.8)  # fmt: skip
    s.text(150, 78, "12 April 2026", size=9.5)
    s.text(15, 90, "Re: Invoice No. BTS-2026-041", size=10, bold=True)
    body = [
        "Dear Ms Dubois,",
        "",
        "Please find below our invoice for the translation of your supply agreement (French to",
        "English, 9,600 words), delivered on 9 April 2026, and for its proofreading.",
        "",
        "Translation, 9,600 words at €0.12 per word: €1,152.00",
        "Proofreading, 4 hours at €45.00 per hour: €180.00",
        "Total: €1,332.00",
        "",
        "VAT: reverse charge (Article 196, Directive 2006/112/EC); your VAT No. FR61 512 345 678.",
        "Kindly remit €1,332.00 to IBAN IE29 AIBK 9311 5212 3456 78 within 30 days.",
        "",
        "Yours sincerely,",
        "",
        "Aoife Brennan",
        "Director",
    ]
    s.lines(15, 100, body, size=9.5, step=5.2)
    return s.output()


IE_LETTER_TRUTH = _truth(
    invoice_number="BTS-2026-041", type_code="380", issue_date="2026-04-12", currency="EUR",
    seller_name="Brennan Translation Services Ltd", seller_vat_id="IE3456789KH",
    seller_country="IE", buyer_name="Atelier Juridique Rhône SAS", buyer_country="FR",
    grand_total="1332.00", due_payable="1332.00",
)  # fmt: skip


# -- Thailand: a shipping invoice in boxes, "Shipper" / "Consignee" / "Notify Party" ----------

_TH_ITEMS: list[Item] = [("Canned pineapple slices in syrup, 24 x 565 g", "800", "CTN", "14.60"),
                         ("Canned tuna chunks in brine, 48 x 185 g", "400", "CTN", "38.20"),
                         ("Coconut milk, 24 x 400 ml", "600", "CTN", "11.90")]  # fmt: skip
_TH_TOTAL = _net(_TH_ITEMS)


def th_shipper() -> bytes:
    s = Sheet2()
    s.text(15, 8, "INVOICE", size=16, bold=True, width=180, align="C")
    boxes = [
        (15, 18, 95, 28, "Shipper", ["SIAM ORCHID CANNING CO., LTD.", "99/9 Moo 4, Sukhumvit Road",
                                     "Bang Pu, Samut Prakan 10280", "THAILAND"]),
        (110, 18, 42, 14, "Invoice No.", ["SOC-EX-26/0412"]),
        (152, 18, 43, 14, "Date", ["12-Apr-2026"]),
        (110, 32, 85, 14, "Terms of Delivery and Payment", ["CFR Aarhus, T/T 30 days"]),
        (15, 46, 95, 26, "Consignee", ["NORDIC SEAFOOD IMPORT A/S", "Havnegade 21",
                                       "9850 Hirtshals, DENMARK"]),
        (110, 46, 85, 26, "Notify Party", ["SAME AS CONSIGNEE"]),
        (15, 72, 60, 12, "Port of Loading", ["Laem Chabang, Thailand"]),
        (75, 72, 60, 12, "Port of Discharge", ["Aarhus, Denmark"]),
        (135, 72, 60, 12, "Vessel / Voyage", ["MAERSK KOWLOON 614W"]),
    ]  # fmt: skip
    for x, y, w, h, label, values in boxes:
        s.pdf.rect(x, y, w, h)
        s.text(x + 1.5, y + 1.2, label, size=7)
        s.lines(x + 1.5, y + 5.5, values, size=8.5, step=4.2)
    cols = [("Description of Goods", 15, 90, "L"), ("Quantity", 106, 18, "R"),
            ("Unit", 126, 10, "L"), ("Unit Price (USD)", 137, 26, "R"),
            ("Amount (USD)", 164, 31, "R")]  # fmt: skip
    rows = [[t, _group(_d(q), places=0), u, p, _group(_amount((t, q, u, p)))]
            for t, q, u, p in _TH_ITEMS]  # fmt: skip
    y = s.grid(90, cols, rows, size=8)
    s.pdf.line(15, y, 195, y)
    s.text(15, y + 3, "TOTAL", size=9, bold=True)
    s.text(106, y + 3, "1,800", size=9, width=18, align="R")
    s.text(126, y + 3, "CTN", size=9)
    s.text(164, y + 3, f"USD {_group(_TH_TOTAL)}", size=9, bold=True, width=31, align="R")
    s.text(15, y + 14, "We hereby certify that the goods are of Thai origin.", size=8)
    s.text(130, y + 30, "For SIAM ORCHID CANNING CO., LTD.", size=8.5)
    return s.output()


TH_SHIPPER_TRUTH = _truth(
    invoice_number="SOC-EX-26/0412", type_code="380", issue_date="2026-04-12", currency="USD",
    seller_name="SIAM ORCHID CANNING CO., LTD.", seller_country="TH",
    buyer_name="NORDIC SEAFOOD IMPORT A/S", buyer_country="DK",
    grand_total=_plain(_TH_TOTAL), due_payable=_plain(_TH_TOTAL),
    line_items=_lines(_TH_ITEMS, {"CTN": "XCT"}),
)  # fmt: skip


UNSEEN8: list[Layout] = [
    Layout("us-logo-footer", us_logo_footer, US_LOGO_FOOTER_TRUTH),
    Layout("nl-seller-right", nl_seller_right, NL_SELLER_RIGHT_TRUTH),
    Layout("se-marketplace", se_marketplace, SE_MARKETPLACE_TRUTH),
    Layout("cn-caps-street", cn_caps_street, CN_CAPS_STREET_TRUTH),
    Layout("vn-two-line-name", vn_two_line_name, VN_TWO_LINE_NAME_TRUTH),
    Layout("tr-two-line-caps", tr_two_line_caps, TR_TWO_LINE_CAPS_TRUTH),
    Layout("pl-seller-after-buyer", pl_seller_after_buyer, PL_SELLER_AFTER_BUYER_TRUTH),
    Layout("mx-cfdi-emisor", mx_cfdi_emisor, MX_CFDI_EMISOR_TRUTH),
    Layout("sa-bilingual", sa_bilingual, SA_BILINGUAL_TRUTH),
    Layout("uk-trading-as", uk_trading_as, UK_TRADING_AS_TRUTH),
    Layout("us-remit-to", us_remit_to, US_REMIT_TO_TRUTH),
    Layout("ie-letter", ie_letter, IE_LETTER_TRUTH),
    Layout("th-shipper", th_shipper, TH_SHIPPER_TRUTH),
]


def write_unseen8(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, UNSEEN8)
