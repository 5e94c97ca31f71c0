"""A fourteenth batch of hand-written invoices, written by the review of invoices12 before its
rules (commit 97e1681) were read: each page aims at a place where one of the thirteenth batch's
seller rules could fire outside its scope, plus two ordinary invoices of kinds not yet covered.

Ten invoices: a buyer's label with the buyer's name to its right in the top half (the seller a
letterhead); a commercial invoice whose shipping block has ``From:`` and ``To:`` ports; a seller
and a buyer whose two-line names are over a street in capitals; a buyer ``t/a`` a trading name;
a footer naming the seller's bank with its address; a footer naming the parent group with its
address; a large ``COMMERCIAL INVOICE`` title above the buyer's block; a USD invoice whose bank
details say ``Currency: EUR`` beside the totals; a letter whose ``Re:`` names a contract number
above ``Invoice No.``; a Singapore GST tax invoice with Bill To / Ship To side by side; a
Canadian invoice with GST and PST.

Ground truth as in the earlier batches: invoice numbers as printed; a tax-exclusive total only
where one is printed; the grand total the invoice's total, ``due_payable`` the amount due (the
total where no other is printed); the currency the invoice's; a ``t/a`` party the company
before it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round

Item = tuple[str, str, str]  # description, quantity, unit price
Text = tuple[float, float, str, float, bool]  # x, y, text, size, bold


def _amounts(items: list[Item]) -> list[Decimal]:
    return [_round(_d(q) * _d(p)) for _, q, p in items]


def _sum(items: list[Item]) -> Decimal:
    return sum(_amounts(items), Decimal(0))


def _lines(items: list[Item], unit: str | None) -> list[dict]:
    return [_line(t, q, unit, _price(_d(p)), _plain(a))
            for (t, q, p), a in zip(items, _amounts(items), strict=True)]  # fmt: skip


def _page(
    texts: list[Text],
    *,
    table_y: float,
    items: list[Item],
    unit: str = "pcs",
    heads: tuple[str, ...] = ("Description", "Qty", "Unit", "Unit price", "Amount"),
    totals: list[tuple[str, str]],
    after: list[Text] = (),  # type: ignore[assignment]
    footer: list[Text] = (),  # type: ignore[assignment]
) -> bytes:
    """Free texts, the item table at ``table_y``, totals under it, texts ``after`` placed by
    their y under the totals, and ``footer`` texts at their own y."""
    s = Sheet2()
    for x, y, text, size, bold in texts:
        s.text(x, y, text, size=size, bold=bold)
    cols = [(heads[0], 15, 80, "L"), (heads[1], 97, 18, "R"), (heads[2], 117, 12, "L"),
            (heads[3], 131, 28, "R"), (heads[4], 161, 34, "R")]  # fmt: skip
    rows = [[t, q, unit, _group(_d(p)), _group(a)]
            for (t, q, p), a in zip(items, _amounts(items), strict=True)]  # fmt: skip
    y = s.grid(table_y, cols, rows, size=8.5, step=6)
    s.pdf.line(15, y, 195, y)
    for index, (label, value) in enumerate(totals):
        s.text(110, y + 4 + 5.5 * index, label, size=9, bold=True)
        s.text(161, y + 4 + 5.5 * index, value, size=9, width=34, align="R")
    y += 4 + 5.5 * len(totals) + 6
    for x, dy, text, size, bold in after:
        s.text(x, y + dy, text, size=size, bold=bold)
    for x, fy, text, size, bold in footer:
        s.text(x, fy, text, size=size, bold=bold)
    return s.output()


def _block(x: float, y: float, lines: list[str], size: float = 8.5, step: float = 4) -> list[Text]:
    return [(x, y + step * i, line, size, False) for i, line in enumerate(lines)]


# -- Ireland: the buyer's label with the name to its right, top half; seller a letterhead ------

_IE_ITEMS: list[Item] = [("Stainless sink unit, double bowl", "6", "210.00"),
                         ("Mixer tap, chrome", "6", "85.00")]  # fmt: skip
_IE_NET = _sum(_IE_ITEMS)  # 1,770.00
_IE_VAT = _round(_IE_NET * Decimal("0.23"))


def ie_buyer_right() -> bytes:
    return _page(
        [(15, 12, "Liffey Kitchen Supplies Ltd", 14, True), (150, 12, "INVOICE", 16, True),
         *_block(15, 20, ["Unit 4, Ballymount Industrial Estate", "Dublin 12, D12 XK52, Ireland",
                          "VAT No. IE 6388047V"]),
         (120, 24, "Invoice No.", 9, True), (155, 24, "LK-7731", 9, False),
         (120, 29, "Date", 9, True), (155, 29, "03/03/2026", 9, False),
         (15, 44, "Customer:", 9, True), (40, 44, "Corrib Catering Services Ltd", 9, False),
         *_block(40, 49, ["Galway Business Park", "Galway H91 R2TP, Ireland"])],
        table_y=72, items=_IE_ITEMS,
        totals=[("Net", f"€{_group(_IE_NET)}"), ("VAT 23%", f"€{_group(_IE_VAT)}"),
                ("Total due", f"€{_group(_IE_NET + _IE_VAT)}")],
    )  # fmt: skip


IE_BUYER_RIGHT_TRUTH = _truth(
    invoice_number="LK-7731", type_code="380", issue_date="2026-03-03", currency="EUR",
    seller_name="Liffey Kitchen Supplies Ltd", seller_vat_id="IE6388047V", seller_country="IE",
    buyer_name="Corrib Catering Services Ltd", buyer_country="IE",
    tax_exclusive_total=_plain(_IE_NET), tax_total=_plain(_IE_VAT),
    grand_total=_plain(_IE_NET + _IE_VAT), due_payable=_plain(_IE_NET + _IE_VAT),
    line_items=_lines(_IE_ITEMS, "H87"),
)  # fmt: skip


# -- Germany to China: a commercial invoice, "From:" / "To:" ports in the shipping block --------

_DE_ITEMS: list[Item] = [("Hydraulic gear pump HP-40", "20", "315.00"),
                         ("Pressure relief valve PRV-12", "50", "48.00")]  # fmt: skip
_DE_TOTAL = _sum(_DE_ITEMS)  # 8,700.00


def de_route_from_to() -> bytes:
    return _page(
        [(15, 12, "COMMERCIAL INVOICE", 15, True),
         (15, 24, "Shipper / Exporter", 8, True),
         *_block(15, 29, ["Rheinhydraulik GmbH", "Industriestraße 12", "47167 Duisburg, Germany",
                          "VAT ID: DE 274 915 038"]),
         (110, 24, "Invoice No.", 9, True), (145, 24, "RH-2026-0318", 9, False),
         (110, 29, "Date", 9, True), (145, 29, "18.03.2026", 9, False),
         (110, 34, "Incoterms", 9, True), (145, 34, "FOB Hamburg", 9, False),
         (15, 50, "Consignee", 8, True),
         *_block(15, 55, ["Ningbo Fluid Power Co., Ltd.", "88 Jiangbei Avenue",
                          "Ningbo 315020, China"]),
         (110, 50, "Shipping details", 8, True),
         (110, 55, "From:", 8.5, True), (125, 55, "Port of Hamburg, Germany", 8.5, False),
         (110, 59, "To:", 8.5, True), (125, 59, "Port of Ningbo, China", 8.5, False),
         (110, 63, "Vessel:", 8.5, True), (125, 63, "MSC Aurora V.614E", 8.5, False)],
        table_y=80, items=_DE_ITEMS,
        heads=("Description", "Qty", "Unit", "Price EUR", "Amount EUR"),
        totals=[("Total FOB EUR", _group(_DE_TOTAL))],
        after=[(15, 0, "Country of origin: Germany. Export delivery, VAT exempt.", 8, False)],
    )  # fmt: skip


DE_ROUTE_FROM_TO_TRUTH = _truth(
    invoice_number="RH-2026-0318", type_code="380", issue_date="2026-03-18", currency="EUR",
    seller_name="Rheinhydraulik GmbH", seller_vat_id="DE274915038", seller_country="DE",
    buyer_name="Ningbo Fluid Power Co., Ltd.", buyer_country="CN",
    grand_total=_plain(_DE_TOTAL), due_payable=_plain(_DE_TOTAL),
    line_items=_lines(_DE_ITEMS, "H87"),
)  # fmt: skip


# -- Hong Kong: seller and buyer names in capitals over a street in capitals -------------------

_HK_ITEMS: list[Item] = [("LED panel light 600x600 40W", "120", "18.50"),
                         ("LED driver 40W", "120", "4.20")]  # fmt: skip
_HK_TOTAL = _sum(_HK_ITEMS)  # 2,724.00


def hk_caps_street() -> bytes:
    return _page(
        [(15, 12, "BRIGHT HARBOUR LIGHTING", 12, True),
         *_block(15, 18, ["NATHAN ROAD 388", "KOWLOON, HONG KONG", "TEL 852 2388 4411"]),
         (150, 12, "INVOICE", 16, True),
         (120, 24, "Invoice No.", 9, True), (155, 24, "BHL-26-055", 9, False),
         (120, 29, "Date", 9, True), (155, 29, "2026-02-05", 9, False),
         (15, 44, "Bill to", 9, True),
         *_block(15, 49, ["PACIFIC ELECTRICAL WHOLESALE", "KING GEORGE STREET 7",
                          "SYDNEY NSW 2000, AUSTRALIA"])],
        table_y=72, items=_HK_ITEMS,
        totals=[("Total USD", _group(_HK_TOTAL))],
    )  # fmt: skip


HK_CAPS_STREET_TRUTH = _truth(
    invoice_number="BHL-26-055", type_code="380", issue_date="2026-02-05", currency="USD",
    seller_name="BRIGHT HARBOUR LIGHTING", seller_country="HK",
    buyer_name="PACIFIC ELECTRICAL WHOLESALE", buyer_country="AU",
    grand_total=_plain(_HK_TOTAL), due_payable=_plain(_HK_TOTAL),
    line_items=_lines(_HK_ITEMS, "H87"),
)  # fmt: skip


# -- UK: the buyer "t/a" a trading name --------------------------------------------------------

_TA_ITEMS: list[Item] = [("Copper pipe 15 mm x 3 m", "40", "12.50"),
                         ("Compression elbow 15 mm", "100", "1.80")]  # fmt: skip
_TA_NET = _sum(_TA_ITEMS)  # 680.00
_TA_VAT = _round(_TA_NET * Decimal("0.20"))


def gb_buyer_ta() -> bytes:
    return _page(
        [(15, 12, "Pennine Plumbing Merchants Ltd", 14, True), (150, 12, "INVOICE", 16, True),
         *_block(15, 20, ["Canal Wharf, Skipton BD23 1EP", "United Kingdom",
                          "VAT Reg. No. GB 318 5522 07"]),
         (120, 24, "Invoice No.", 9, True), (155, 24, "PPM-55120", 9, False),
         (120, 29, "Date", 9, True), (155, 29, "21/01/2026", 9, False),
         (15, 44, "Invoice to", 9, True),
         *_block(15, 49, ["Gareth Hughes Ltd", "t/a Hughes Heating & Plumbing",
                          "7 Station Road, Keighley BD21 4AA", "United Kingdom"])],
        table_y=76, items=_TA_ITEMS,
        totals=[("Subtotal", f"£{_group(_TA_NET)}"), ("VAT 20%", f"£{_group(_TA_VAT)}"),
                ("Total", f"£{_group(_TA_NET + _TA_VAT)}")],
    )  # fmt: skip


GB_BUYER_TA_TRUTH = _truth(
    invoice_number="PPM-55120", type_code="380", issue_date="2026-01-21", currency="GBP",
    seller_name="Pennine Plumbing Merchants Ltd", seller_vat_id="GB318552207",
    seller_country="GB", buyer_name="Gareth Hughes Ltd", buyer_country="GB",
    tax_exclusive_total=_plain(_TA_NET), tax_total=_plain(_TA_VAT),
    grand_total=_plain(_TA_NET + _TA_VAT), due_payable=_plain(_TA_NET + _TA_VAT),
    line_items=_lines(_TA_ITEMS, "H87"),
)  # fmt: skip


# -- Netherlands: the footer names the seller's bank with its address --------------------------

_NL_ITEMS: list[Item] = [("Tulip bulbs, mixed, 100 pcs crate", "30", "45.00"),
                         ("Hyacinth bulbs, 50 pcs crate", "20", "38.00")]  # fmt: skip
_NL_NET = _sum(_NL_ITEMS)  # 2,110.00
_NL_VAT = _round(_NL_NET * Decimal("0.09"))


def nl_bank_footer() -> bytes:
    return _page(
        [(15, 12, "Bloembollen Van Dijk B.V.", 13, True),
         *_block(15, 19, ["Heereweg 211", "2161 BG Lisse, Nederland", "BTW: NL859301774B01"]),
         (150, 12, "FACTUUR", 16, True),
         (120, 24, "Factuurnummer", 9, True), (155, 24, "2026-0447", 9, False),
         (120, 29, "Factuurdatum", 9, True), (155, 29, "14-01-2026", 9, False),
         (15, 44, "Aan", 9, True),
         *_block(15, 49, ["Gartenmarkt Sommer GmbH", "Lindenweg 3", "48143 Münster, Duitsland"])],
        table_y=72, items=_NL_ITEMS,
        heads=("Omschrijving", "Aantal", "Eenh.", "Prijs", "Bedrag"),
        totals=[("Subtotaal", f"€ {_group(_NL_NET)}"), ("BTW 9%", f"€ {_group(_NL_VAT)}"),
                ("Totaal", f"€ {_group(_NL_NET + _NL_VAT)}")],
        footer=[(15, 272, "ABN AMRO Bank N.V., Gustav Mahlerlaan 10, 1082 PP Amsterdam · "
                 "IBAN NL91 ABNA 0417 1643 00 · BIC ABNANL2A", 7, False),
                (15, 276, "KvK 28047551 · Leveringsvoorwaarden op aanvraag", 7, False)],
    )  # fmt: skip


NL_BANK_FOOTER_TRUTH = _truth(
    invoice_number="2026-0447", type_code="380", issue_date="2026-01-14", currency="EUR",
    seller_name="Bloembollen Van Dijk B.V.", seller_vat_id="NL859301774B01",
    seller_country="NL", buyer_name="Gartenmarkt Sommer GmbH", buyer_country="DE",
    tax_exclusive_total=_plain(_NL_NET), tax_total=_plain(_NL_VAT),
    grand_total=_plain(_NL_NET + _NL_VAT), due_payable=_plain(_NL_NET + _NL_VAT),
    line_items=_lines(_NL_ITEMS, "H87"),
)  # fmt: skip


# -- Japan: a seller shown by a small logo line; the footer names the parent group -------------

_JP_ITEMS: list[Item] = [("Ceramic bearing 608-2RS", "500", "3.10"),
                         ("Ceramic bearing 6202-2RS", "300", "5.40")]  # fmt: skip
_JP_TOTAL = _sum(_JP_ITEMS)  # 3,170.00


def jp_group_footer() -> bytes:
    return _page(
        [(15, 12, "INVOICE", 16, True),
         (120, 24, "Invoice No.", 9, True), (155, 24, "SKB-260211", 9, False),
         (120, 29, "Date", 9, True), (155, 29, "Feb. 11, 2026", 9, False),
         (15, 24, "Seller", 8, True),
         *_block(15, 29, ["Sakura Bearing Co., Ltd.", "3-5-2 Nishi-ku, Osaka 550-0005", "Japan"]),
         (15, 48, "Buyer", 8, True),
         *_block(15, 53, ["Midwest Motion Components Inc.", "1200 Industrial Pkwy",
                          "Columbus, OH 43215, USA"])],
        table_y=76, items=_JP_ITEMS,
        totals=[("Total amount (USD)", _group(_JP_TOTAL))],
        footer=[(15, 270, "Hanami Holdings Co., Ltd., 1-1-1 Marunouchi, Chiyoda-ku, Tokyo "
                 "100-0005, Japan", 7, False),
                (15, 274, "Sakura Bearing is a member of the Hanami Group.", 7, False)],
    )  # fmt: skip


JP_GROUP_FOOTER_TRUTH = _truth(
    invoice_number="SKB-260211", type_code="380", issue_date="2026-02-11", currency="USD",
    seller_name="Sakura Bearing Co., Ltd.", seller_country="JP",
    buyer_name="Midwest Motion Components Inc.", buyer_country="US",
    grand_total=_plain(_JP_TOTAL), due_payable=_plain(_JP_TOTAL),
    line_items=_lines(_JP_ITEMS, "H87"),
)  # fmt: skip


# -- Australia: a large "COMMERCIAL INVOICE" title above the buyer's block ---------------------

_AU_ITEMS: list[Item] = [("Merino wool yarn, 8 ply, 1 kg cone", "150", "42.00"),
                         ("Alpaca blend yarn, 1 kg cone", "60", "58.00")]  # fmt: skip
_AU_TOTAL = _sum(_AU_ITEMS)  # 9,780.00


def au_title_over_buyer() -> bytes:
    return _page(
        [(15, 12, "COMMERCIAL INVOICE", 18, True),
         *_block(15, 24, ["Otago Knitting Mills Ltd", "41 Princes Street",
                          "Dunedin 9016, New Zealand"]),
         (120, 14, "Exporter", 8, True),
         (120, 19, "Southern Fleece Pty Ltd", 9, True),
         *_block(120, 24, ["22 Wool Exchange Lane", "Geelong VIC 3220, Australia",
                           "ABN 51 824 753 556"]),
         (120, 42, "Invoice No.", 9, True), (155, 42, "SF-88213", 9, False),
         (120, 47, "Date", 9, True), (155, 47, "09/02/2026", 9, False),
         (120, 52, "Currency", 9, True), (155, 52, "AUD", 9, False)],
        table_y=72, items=_AU_ITEMS, unit="pcs",
        totals=[("Total AUD", _group(_AU_TOTAL))],
        after=[(15, 0, "Goods of Australian origin. GST-free export.", 8, False)],
    )  # fmt: skip


AU_TITLE_OVER_BUYER_TRUTH = _truth(
    invoice_number="SF-88213", type_code="380", issue_date="2026-02-09", currency="AUD",
    seller_name="Southern Fleece Pty Ltd", seller_vat_id="51824753556", seller_country="AU",
    buyer_name="Otago Knitting Mills Ltd", buyer_country="NZ",
    grand_total=_plain(_AU_TOTAL), due_payable=_plain(_AU_TOTAL),
    line_items=_lines(_AU_ITEMS, "H87"),
)  # fmt: skip


# -- USA: a USD invoice whose bank details say "Currency: EUR" beside the totals ---------------

_US_ITEMS: list[Item] = [("Industrial label printer LP-400", "3", "1150.00"),
                         ("Thermal ribbon, 110 mm x 300 m", "40", "14.75")]  # fmt: skip
_US_TOTAL = _sum(_US_ITEMS)  # 4,040.00


def us_eur_account() -> bytes:
    s_total = _group(_US_TOTAL)
    return _page(
        [(15, 12, "Granite State Labeling Inc.", 14, True), (150, 12, "INVOICE", 16, True),
         *_block(15, 20, ["75 Commerce Drive", "Manchester, NH 03101, USA"]),
         (120, 24, "Invoice #", 9, True), (155, 24, "GSL-10482", 9, False),
         (120, 29, "Date", 9, True), (155, 29, "Mar 9, 2026", 9, False),
         (15, 44, "Bill To", 9, True),
         *_block(15, 49, ["Etiketten Brandt GmbH", "Hafenstraße 9", "28217 Bremen, Germany"])],
        table_y=72, items=_US_ITEMS,
        heads=("Description", "Qty", "Unit", "Price USD", "Amount USD"),
        totals=[("Total USD", s_total), ("Balance due USD", s_total)],
        after=[(15, -17, "Remit to (EUR account):", 8, True),
               (15, -13, "Deutsche Bank AG, IBAN DE89 3704 0044 0532 0130 00", 8, False),
               (15, -9, "Currency: EUR", 8, False)],
    )  # fmt: skip


US_EUR_ACCOUNT_TRUTH = _truth(
    invoice_number="GSL-10482", type_code="380", issue_date="2026-03-09", currency="USD",
    seller_name="Granite State Labeling Inc.", seller_country="US",
    buyer_name="Etiketten Brandt GmbH", buyer_country="DE",
    grand_total=_plain(_US_TOTAL), due_payable=_plain(_US_TOTAL),
    line_items=_lines(_US_ITEMS, "H87"),
)  # fmt: skip


# -- UK: a letter whose "Re:" names a contract number above "Invoice No." ----------------------

_LT_ITEMS: list[Item] = [("Structural survey, Block C", "1", "2400.00"),
                         ("Site visits", "3", "350.00")]  # fmt: skip
_LT_NET = _sum(_LT_ITEMS)  # 3,450.00
_LT_VAT = _round(_LT_NET * Decimal("0.20"))


def gb_letter_contract() -> bytes:
    return _page(
        [(15, 12, "Ashby Ridley Consulting Engineers Ltd", 13, True),
         *_block(15, 19, ["9 Castle Street, Chester CH1 2DS", "VAT Reg. No. GB 702 4418 96"]),
         *_block(15, 34, ["Ms R. Okafor", "Accounts Payable Department",
                          "Deeside Housing Partnership Ltd", "Unit 2, Parkway",
                          "Deeside CH5 2NS"], size=9, step=4.5),
         (150, 34, "12 February 2026", 9, False),
         (15, 62, "Re: Contract No. DHP/2025/118 - Block C survey", 9, True),
         (15, 68, "Invoice No. AR-3391", 9, True),
         (15, 76, "Dear Ms Okafor, please find our invoice for the work below.", 9, False)],
        table_y=86, items=_LT_ITEMS, unit="pcs",
        totals=[("Fees", f"£{_group(_LT_NET)}"), ("VAT at 20%", f"£{_group(_LT_VAT)}"),
                ("Amount due", f"£{_group(_LT_NET + _LT_VAT)}")],
        after=[(15, 0, "Yours sincerely,", 9, False), (15, 10, "A. Ridley, Director", 9, False)],
    )  # fmt: skip


# (session 33) no country the page does not name (docs/documents.md, conventions)
GB_LETTER_CONTRACT_TRUTH = _truth(
    invoice_number="AR-3391", type_code="380", issue_date="2026-02-12", currency="GBP",
    seller_name="Ashby Ridley Consulting Engineers Ltd", seller_vat_id="GB702441896",
    seller_country=None, buyer_name="Deeside Housing Partnership Ltd", buyer_country=None,
    tax_exclusive_total=_plain(_LT_NET), tax_total=_plain(_LT_VAT),
    grand_total=_plain(_LT_NET + _LT_VAT), due_payable=_plain(_LT_NET + _LT_VAT),
    line_items=_lines(_LT_ITEMS, "H87"),
)  # fmt: skip


# -- Singapore: a GST tax invoice, Bill To / Ship To side by side ------------------------------

_SG_ITEMS: list[Item] = [("Nitrile gloves, box of 100", "400", "6.80"),
                         ("Surgical mask, box of 50", "250", "4.40")]  # fmt: skip
_SG_NET = _sum(_SG_ITEMS)  # 3,820.00
_SG_GST = _round(_SG_NET * Decimal("0.09"))


def sg_gst_ship_to() -> bytes:
    return _page(
        [(15, 12, "Lion City Medical Supplies Pte. Ltd.", 13, True),
         *_block(15, 19, ["10 Ubi Crescent #05-12, Singapore 408564",
                          "GST Reg. No. 201912345K"]),
         (150, 12, "TAX INVOICE", 14, True),
         (120, 24, "Invoice No.", 9, True), (155, 24, "LCM/26/0091", 9, False),
         (120, 29, "Date", 9, True), (155, 29, "06 Mar 2026", 9, False),
         (15, 40, "Bill To", 9, True),
         *_block(15, 45, ["Straits Dental Clinic Pte. Ltd.", "1 Raffles Place #20-01",
                          "Singapore 048616"]),
         (105, 40, "Ship To", 9, True),
         *_block(105, 45, ["Straits Dental Clinic (Tampines)", "9 Tampines Central 1 #03-05",
                           "Singapore 529541"])],
        table_y=72, items=_SG_ITEMS, unit="BOX",
        totals=[("Sub-total", f"S${_group(_SG_NET)}"), ("GST 9%", f"S${_group(_SG_GST)}"),
                ("Total", f"S${_group(_SG_NET + _SG_GST)}")],
    )  # fmt: skip


SG_GST_SHIP_TO_TRUTH = _truth(
    invoice_number="LCM/26/0091", type_code="380", issue_date="2026-03-06", currency="SGD",
    seller_name="Lion City Medical Supplies Pte. Ltd.", seller_vat_id="201912345K",
    seller_country="SG",
    buyer_name="Straits Dental Clinic Pte. Ltd.", buyer_country="SG",
    tax_exclusive_total=_plain(_SG_NET), tax_total=_plain(_SG_GST),
    grand_total=_plain(_SG_NET + _SG_GST), due_payable=_plain(_SG_NET + _SG_GST),
    line_items=_lines(_SG_ITEMS, "XBX"),
)  # fmt: skip


REVIEW13: list[Layout] = [
    Layout("ie-buyer-right", ie_buyer_right, IE_BUYER_RIGHT_TRUTH),
    Layout("de-route-from-to", de_route_from_to, DE_ROUTE_FROM_TO_TRUTH),
    Layout("hk-caps-street", hk_caps_street, HK_CAPS_STREET_TRUTH),
    Layout("gb-buyer-ta", gb_buyer_ta, GB_BUYER_TA_TRUTH),
    Layout("nl-bank-footer", nl_bank_footer, NL_BANK_FOOTER_TRUTH),
    Layout("jp-group-footer", jp_group_footer, JP_GROUP_FOOTER_TRUTH),
    Layout("au-title-over-buyer", au_title_over_buyer, AU_TITLE_OVER_BUYER_TRUTH),
    Layout("us-eur-account", us_eur_account, US_EUR_ACCOUNT_TRUTH),
    Layout("gb-letter-contract", gb_letter_contract, GB_LETTER_CONTRACT_TRUTH),
    Layout("sg-gst-ship-to", sg_gst_ship_to, SG_GST_SHIP_TO_TRUTH),
]


def write_review13(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, REVIEW13)
