"""A forty-first batch of hand-written invoices (session 33, review i18 of invoices30), written and
committed before invoices30's code (``git diff main lead -- src``) was read: nine layouts aimed at
where new label rules typically misfire, on pages they were not written for.

The layouts: a Dutch bulb grower's invoice to an Australian nursery (the buyer's ``ABN`` under
the buyer's address, the payment block at ``ABN AMRO Bank N.V.``, a BTW/VAT id beside a KvK);
a Xero tax invoice from the Barossa (the customer unlabelled at the left, the seller's ``ABN``
as the last of the invoice-data captions in the middle column with its value under it, the
seller's address at the right, ``GST Free`` in the GST column, ``TOTAL GST`` 0.00, ``TOTAL
AUD``, an ``ACN`` in the footer); a New Zealand honey exporter (``NZBN`` beside ``GST No.`` on one
line, NZD, an information line ``approx. US $ …`` under the total); an Odoo invoice from
Manchester (``Taxes`` as a column header with ``20% G`` / ``0% Z`` cells, quantity cells with
their unit, ``kg`` / ``m``, ``Untaxed Amount``, two tax groups ``VAT 20% on £ …``, the customer
unlabelled at the right with its own ``Tax ID``, the seller's VAT number only in the footer); an
SAP-like invoice from Stuttgart (``Invoice No.`` and ``Invoice Date`` in the header, a table of
reference documents headed ``Document No.`` / ``Posting Date`` holding the outbound delivery's
and the purchase order's numbers and dates, ``1,200 EA`` and ``350.5 KG`` in the quantity
column, a ``Material`` column, the buyer's Polish VAT number under the buyer); a UPS-style
commercial invoice form from Kendal (``Currency Code GBP``, ``Declared Value for Carriage USD``
and ``Insured Value USD`` different from the invoice total, ``Invoice Line Total`` / ``Freight``
/ ``Insurance`` / ``Total Invoice Amount``, ``Duties and Taxes`` paid by the receiver, the
consignee's US tax id); a Hong Kong electronics trader invoicing in ``US $`` with an ``HK$``
equivalent for reference, a BR number (no tax id), a German buyer with its USt-IdNr.; a Sri
Lankan tea exporter whose letterhead is centred over two runs (the name printed as two runs on
one line, the VAT and TIN line as two runs a few spaces apart), ``US$``; an Australian grain
exporter (``A.B.N.`` and ``A.C.N.`` in one run, ``A$``, quantity cells ``24,000 kg`` / ``480
bag``, a Singapore buyer's ``GST Reg. No.``).

Ground truth by docs/documents.md's conventions (read the doc, not the code), written before any
reading: the invoice number what the page labels the invoice's (a delivery's or order's
``Document No.`` is not it); the issue date the invoice's date (a delivery's ``Posting Date`` is
not it); the seller's tax id without spaces or punctuation, the seller's only (an ABN printed as
the seller's, batch 39 / invoices30's convention; a buyer's ABN, VAT or GST number is not the
seller's; an ACN, a NZBN, a KvK, a BR number, an EORI is no tax id; New Zealand's ``GST No.`` is,
as unseen 6's; Sri Lanka's VAT Reg. No. is, its TIN alone would not be); the currency the ISO
4217 code of the amounts the page charges in (an equivalent ``for information`` or ``for
reference`` in another currency is not it; a declared value for carriage in another currency is
not it); a printed zero tax line is a tax total of 0.00 and its net the tax-exclusive total; a
form with no tax line has neither (the ``Total Invoice Amount`` is the grand total and the amount
due); units as UN/ECE codes (kg, KG: KGM; m: MTR; EA: H87; bag: XBG; ctn: XCT); a quantity cell
holding its unit is the number and the unit's code; a description the description column's text
only (SAP's material number is its own column).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch20 import UnitItem, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _round


def _qty(text: str, places: int = 0) -> str:
    """A quantity as the page prints it: grouped."""
    return _group(_d(text), places=places)


def _rows(items: list[UnitItem], money: str = "") -> list[list[str]]:
    """Description, quantity, unit, unit price, amount (``money`` before the figures)."""
    return [[t, _qty(q), u, f"{money}{_group(_d(p))}", f"{money}{_group(a)}"]
            for (t, q, u, p), a in zip(items, _unit_amounts(items), strict=True)]  # fmt: skip


def _centred(s: Sheet2, y: float, runs: list[str], *, size: float, bold: bool = False,
             gap: float = 6.0) -> None:  # fmt: skip
    """Runs printed side by side, ``gap`` mm apart, the whole centred on the page (A4)."""
    s.pdf.set_font(s.family, "B" if bold else "", size)
    widths = [s.pdf.get_string_width(run) for run in runs]
    x = (210 - sum(widths) - gap * (len(runs) - 1)) / 2
    for run, width in zip(runs, widths, strict=True):
        s.text(x, y, run, size=size, bold=bold)
        x += width + gap


# -- Netherlands -> Australia: the buyer's ABN, ABN AMRO in the payment block -------------------

_NL_ITEMS: list[UnitItem] = [("Tulip bulbs 'Queen of Night', size 12/+", "20000", "pcs", "0.145"),
                             ("Narcissus bulbs 'Tête-à-Tête', size 10/12", "15000", "pcs",
                              "0.098")]  # fmt: skip
_NL_NET = _unit_sum(_NL_ITEMS)


def nl_abn_amro() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Van Leeuwen Bloembollen B.V.", size=14, bold=True)
    _block(s, 15, 20, ["Heereweg 212, 2161 BM Lisse, Netherlands",
                       "BTW / VAT: NL859123456B01   KvK 28091234"], size=8)  # fmt: skip
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 24, [("Invoice no.:", "VL-26-1187"), ("Date:", "03-12-2026")], gap=26)
    s.text(15, 42, "Invoice to:", size=8.5, bold=True)
    _block(s, 15, 47, ["Southern Cross Nurseries Pty Ltd", "14 Wattle Road", "Monbulk VIC 3793",
                       "Australia", "ABN 36 274 743 412"])  # fmt: skip
    y = s.grid(75, [("Description", 15, 95, "L"), ("Qty", 112, 18, "R"), ("Unit", 132, 10, "L"),
                    ("Price €", 144, 20, "R"), ("Amount €", 166, 29, "R")],
               [[t, _qty(q), u, f"{_d(p):.3f}", _group(a)]
                for (t, q, u, p), a in zip(_NL_ITEMS, _unit_amounts(_NL_ITEMS), strict=True)],
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Subtotal", _group(_NL_NET)), ("VAT 0% (export)", "0.00"),
                                 ("Total EUR", _group(_NL_NET))])  # fmt: skip
    _block(s, 15, y + 28, ["Payment within 30 days to ABN AMRO Bank N.V., Amsterdam",
                           "IBAN NL91 ABNA 0417 1643 00 · BIC ABNANL2A",
                           "Phytosanitary certificate NL-2026-558812 attached."],
           size=8)  # fmt: skip
    return s.output()


NL_ABN_AMRO_TRUTH = _truth(
    invoice_number="VL-26-1187", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Van Leeuwen Bloembollen B.V.", seller_vat_id="NL859123456B01",
    seller_country="NL", buyer_name="Southern Cross Nurseries Pty Ltd", buyer_country="AU",
    tax_exclusive_total=_plain(_NL_NET), tax_total="0.00", grand_total=_plain(_NL_NET),
    due_payable=_plain(_NL_NET), line_items=_unit_lines(_NL_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- Australia (Xero) -> Japan: the ABN among the invoice-data captions, GST Free, an ACN -------

_XE_ITEMS: list[UnitItem] = [("Shiraz 2022, 750 mL, case of 12", "240", "", "168.00"),
                             ("Grenache 2023, 750 mL, case of 12", "120", "",
                              "142.00")]  # fmt: skip
_XE_NET = _unit_sum(_XE_ITEMS)


def au_xero() -> bytes:
    s = Sheet2()
    s.text(15, 15, "TAX INVOICE", size=18, bold=True)
    _block(s, 15, 30, ["Koyo Trading Co., Ltd.", "Attention: Purchasing Department",
                       "3-5-1 Nihonbashi", "Chuo-ku, Tokyo 103-0027", "JAPAN"])  # fmt: skip
    for index, (label, value) in enumerate([("Invoice Date", "4 Dec 2026"),
                                            ("Invoice Number", "INV-0419"),
                                            ("Reference", "PO 88127"),
                                            ("ABN", "80 217 533 778")]):  # fmt: skip
        s.text(100, 30 + 9 * index, label, size=8, bold=True)
        s.text(100, 34 + 9 * index, value, size=8.5)
    _block(s, 145, 30, ["Barossa Ridge Wines Pty Ltd", "PO Box 212", "Tanunda SA 5352",
                        "AUSTRALIA"])  # fmt: skip
    rows = [
        [t, _group(_d(q)), _group(_d(p)), "GST Free", _group(a)]
        for (t, q, _, p), a in zip(_XE_ITEMS, _unit_amounts(_XE_ITEMS), strict=True)
    ]
    y = s.grid(72, [("Description", 15, 80, "L"), ("Quantity", 97, 20, "R"),
                    ("Unit Price", 119, 22, "R"), ("GST", 144, 18, "L"),
                    ("Amount AUD", 163, 32, "R")], rows, size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 125, 161, y + 4, [("Subtotal", _group(_XE_NET)), ("TOTAL GST", "0.00"),
                                 ("TOTAL AUD", _group(_XE_NET))])  # fmt: skip
    _block(s, 15, y + 30, ["Due Date: 3 Jan 2027",
                           "Payment by EFT: BSB 065-000   Account Number 1234 5678",
                           "Barossa Ridge Wines Pty Ltd · ACN 217 533 778 · Registered office "
                           "12 Murray Street, Tanunda SA 5352"], size=7.5)  # fmt: skip
    return s.output()


AU_XERO_TRUTH = _truth(
    invoice_number="INV-0419", type_code="380", issue_date="2026-12-04", currency="AUD",
    seller_name="Barossa Ridge Wines Pty Ltd", seller_vat_id="80217533778",
    seller_country="AU", buyer_name="Koyo Trading Co., Ltd.", buyer_country="JP",
    tax_exclusive_total=_plain(_XE_NET), tax_total="0.00", grand_total=_plain(_XE_NET),
    due_payable=_plain(_XE_NET), line_items=_unit_lines(_XE_ITEMS, {"": None}),
)  # fmt: skip


# -- New Zealand -> US: NZBN beside GST No., NZD, an 'approx. US $' information line -----------

_NZ_ITEMS: list[UnitItem] = [("Manuka honey UMF 10+, 500 g jar, 12 per carton", "150", "ctn",
                              "186.00"),
                             ("Clover honey, bulk drum", "1200", "kg", "9.40")]  # fmt: skip
_NZ_NET = _unit_sum(_NZ_ITEMS)


def nz_nzbn() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Southern Kiwi Honey Limited", size=14, bold=True)
    _block(s, 15, 20, ["22 Te Rapa Road, Hamilton 3200, New Zealand",
                       "NZBN 9429041234567   ·   GST No. 112-233-445"], size=8)  # fmt: skip
    s.text(145, 12, "TAX INVOICE", size=14, bold=True)
    s.pairs(130, 22, [("Invoice No:", "SKH-20931"), ("Invoice Date:", "02/12/2026"),
                      ("Customer Ref:", "PO-7781")], gap=28)  # fmt: skip
    s.text(15, 40, "Bill To:", size=8.5, bold=True)
    _block(s, 15, 45, ["Honeycomb Naturals Inc.", "4410 SE Pine Street", "Portland, OR 97215",
                       "USA"])  # fmt: skip
    y = s.grid(70, [("Description", 15, 90, "L"), ("Qty", 107, 16, "R"), ("Unit", 125, 10, "L"),
                    ("Unit Price NZD", 137, 27, "R"), ("Amount NZD", 166, 29, "R")],
               _rows(_NZ_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    end = _totals(s, 110, 161, y + 4, [("Subtotal", _group(_NZ_NET)),
                                       ("GST 0% (zero-rated export)", "0.00"),
                                       ("Total NZD", _group(_NZ_NET))])  # fmt: skip
    usd = _round(_NZ_NET * Decimal("0.59"))
    s.text(15, end + 6, f"For information only: approx. US $ {_group(usd)} at 0.5900 NZD/USD.",
           size=8)  # fmt: skip
    s.text(15, end + 12, "Direct credit: ANZ 01-0123-0456789-00", size=8)
    return s.output()


NZ_NZBN_TRUTH = _truth(
    invoice_number="SKH-20931", type_code="380", issue_date="2026-12-02", currency="NZD",
    seller_name="Southern Kiwi Honey Limited", seller_vat_id="112233445", seller_country="NZ",
    buyer_name="Honeycomb Naturals Inc.", buyer_country="US",
    tax_exclusive_total=_plain(_NZ_NET), tax_total="0.00", grand_total=_plain(_NZ_NET),
    due_payable=_plain(_NZ_NET),
    line_items=_unit_lines(_NZ_ITEMS, {"ctn": "XCT", "kg": "KGM"}),
)  # fmt: skip


# -- UK (Odoo) -> UK: 'Taxes' a column header, two tax groups 'VAT 20% on £ …', units in cells --

_OD_ITEMS: list[UnitItem] = [
    ("[WOOL-TW] Harris tweed cloth, 150 cm", "85", "m", "42.00"),
    ("[WOOL-RAW] Raw fleece, Herdwick, washed", "420", "kg", "6.50"),
]
_OD_RATE = ["20% G", "0% Z"]
_OD_AMOUNTS = _unit_amounts(_OD_ITEMS)
_OD_NET = _unit_sum(_OD_ITEMS)
_OD_TAX = _round(_OD_AMOUNTS[0] * Decimal("0.20"))


def gb_odoo() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Pennine Textile Supplies Ltd", size=13, bold=True)
    _block(s, 15, 19, ["Unit 4, Ancoats Works", "Manchester M4 6DE", "United Kingdom"], size=8)
    _block(s, 125, 34, ["Hebridean Weavers Ltd", "Pier Road", "Stornoway HS1 2XX",
                        "United Kingdom", "Tax ID: GB 312 7654 21"])  # fmt: skip
    s.text(15, 60, "Invoice INV/2026/00077", size=15, bold=True)
    for index, (label, value) in enumerate([("Invoice Date:", "12/05/2026"),
                                            ("Due Date:", "01/06/2026"),
                                            ("Delivery Date:", "11/05/2026"),
                                            ("Source:", "S00231")]):  # fmt: skip
        s.text(15 + 45 * index, 70, label, size=8, bold=True)
        s.text(15 + 45 * index, 74, value, size=8.5)
    rows = [[t, f"{_group(_d(q))} {u}", _group(_d(p)), rate, f"£ {_group(a)}"]
            for (t, q, u, p), a, rate in zip(_OD_ITEMS, _OD_AMOUNTS, _OD_RATE,
                                             strict=True)]  # fmt: skip
    y = s.grid(84, [("Description", 15, 80, "L"), ("Quantity", 97, 22, "R"),
                    ("Unit Price", 121, 20, "R"), ("Taxes", 144, 16, "L"),
                    ("Amount", 163, 32, "R")], rows, size=8.5)  # fmt: skip
    s.pdf.line(100, y, 195, y)
    base20, base0 = _OD_AMOUNTS
    _totals(s, 100, 161, y + 4, [("Untaxed Amount", f"£ {_group(_OD_NET)}"),
                                 (f"VAT 20% on £ {_group(base20)}", f"£ {_group(_OD_TAX)}"),
                                 (f"VAT 0% on £ {_group(base0)}", "£ 0.00"),
                                 ("Total", f"£ {_group(_OD_NET + _OD_TAX)}")],
            size=8.5)  # fmt: skip
    s.text(15, y + 34, "Please use the following communication for your payment: "
                       "INV/2026/00077", size=8)  # fmt: skip
    s.text(15, 282, "Pennine Textile Supplies Ltd · VAT: GB 245 1893 07 · Company No. 08123456",
           size=7)  # fmt: skip
    return s.output()


GB_ODOO_TRUTH = _truth(
    invoice_number="INV/2026/00077", type_code="380", issue_date="2026-05-12", currency="GBP",
    seller_name="Pennine Textile Supplies Ltd", seller_vat_id="GB245189307", seller_country="GB",
    buyer_name="Hebridean Weavers Ltd", buyer_country="GB",
    tax_exclusive_total=_plain(_OD_NET), tax_total=_plain(_OD_TAX),
    grand_total=_plain(_OD_NET + _OD_TAX), due_payable=_plain(_OD_NET + _OD_TAX),
    line_items=_unit_lines(_OD_ITEMS, {"m": "MTR", "kg": "KGM"}),
)  # fmt: skip


# -- Germany (SAP-like) -> Poland: the delivery's Document No. / Posting Date, units in cells ---

_SAP_ITEMS: list[UnitItem] = [("Gear motor 0.75 kW, flange B14", "1200", "EA", "86.40"),
                              ("Gear oil ISO VG 220, bulk", "350.5", "KG", "4.80")]  # fmt: skip
_SAP_NET = _unit_sum(_SAP_ITEMS)


def de_sap_refs() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Kessler Antriebstechnik GmbH", size=13, bold=True)
    s.text(15, 19, "Kessler Antriebstechnik GmbH · Motorstraße 18 · 70499 Stuttgart · Germany",
           size=6.5)  # fmt: skip
    s.text(15, 26, "Sold-to party", size=8, bold=True)
    _block(s, 15, 31, ["Zakłady Mechaniczne Orzeł Sp. z o.o.", "ul. Przemysłowa 14",
                       "61-001 Poznań", "Poland", "VAT Reg. No.: PL7781234567"])  # fmt: skip
    s.text(130, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 26, [("Invoice No.", "90041877"), ("Invoice Date", "30.11.2026"),
                      ("Customer No.", "100245")], gap=26)  # fmt: skip
    s.text(15, 58, "Reference documents", size=8.5, bold=True)
    s.grid(63, [("Document No.", 15, 30, "L"), ("Posting Date", 50, 25, "L"),
                ("Document type", 80, 50, "L")],
           [["80017325", "27.11.2026", "Outbound delivery"],
            ["4500098812", "12.11.2026", "Your purchase order"]], size=8)  # fmt: skip
    rows = [[f"{10 * (i + 1):06d}", f"M-{4711 + i}", t,
             f"{_group(_d(q), places=1 if '.' in q else 0)} {u}", _group(_d(p)), _group(a)]
            for i, ((t, q, u, p), a) in enumerate(zip(_SAP_ITEMS, _unit_amounts(_SAP_ITEMS),
                                                      strict=True))]  # fmt: skip
    y = s.grid(88, [("Item", 15, 12, "L"), ("Material", 29, 16, "L"),
                    ("Description", 47, 60, "L"), ("Quantity", 109, 22, "R"),
                    ("Unit price EUR", 133, 26, "R"), ("Net value EUR", 161, 34, "R")], rows,
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 161, y + 4, [("Total net value", _group(_SAP_NET)),
                                 ("VAT 0% (intra-Community supply)", "0.00"),
                                 ("Total amount EUR", _group(_SAP_NET))])  # fmt: skip
    s.text(15, 282, "VAT Reg. No. DE811234567 · Amtsgericht Stuttgart HRB 12345 · Commerzbank "
                    "IBAN DE89 3704 0044 0532 0130 00", size=6.5)  # fmt: skip
    return s.output()


DE_SAP_REFS_TRUTH = _truth(
    invoice_number="90041877", type_code="380", issue_date="2026-11-30", currency="EUR",
    seller_name="Kessler Antriebstechnik GmbH", seller_vat_id="DE811234567", seller_country="DE",
    buyer_name="Zakłady Mechaniczne Orzeł Sp. z o.o.", buyer_country="PL",
    tax_exclusive_total=_plain(_SAP_NET), tax_total="0.00", grand_total=_plain(_SAP_NET),
    due_payable=_plain(_SAP_NET), line_items=_unit_lines(_SAP_ITEMS, {"EA": "H87", "KG": "KGM"}),
)  # fmt: skip


# -- UK (UPS-style form) -> US: GBP invoice, a declared value for carriage in USD -----------------

_UPS_ITEMS: list[UnitItem] = [("Wool blankets, 100% wool, woven", "120", "PCS", "38.50"),
                              ("Wool scarves, knitted", "300", "PCS", "9.75")]  # fmt: skip
_UPS_LINES = _unit_sum(_UPS_ITEMS)
_UPS_FREIGHT = Decimal("145.00")
_UPS_TOTAL = _UPS_LINES + _UPS_FREIGHT


def gb_ups_form() -> bytes:
    s = Sheet2()
    s.text(15, 10, "COMMERCIAL INVOICE", size=14, bold=True)
    s.boxes(15, 18, [("Invoice No.", "WM-55102"), ("Date", "01/12/2026"),
                     ("Waybill No.", "1Z999AA10123456784"), ("Currency Code", "GBP")],
            width=45)  # fmt: skip
    s.pdf.rect(15, 31, 90, 34)
    s.text(16.5, 32.5, "SHIPPER / EXPORTER", size=7)
    _block(s, 16.5, 37, ["Westmorland Mills Ltd", "Mintsfeet Road South", "Kendal LA9 6ND",
                         "United Kingdom", "VAT No. GB 284 5671 93", "EORI GB284567193000"],
           size=8)  # fmt: skip
    s.pdf.rect(105, 31, 90, 34)
    s.text(106.5, 32.5, "CONSIGNEE", size=7)
    _block(s, 106.5, 37, ["Blue Ridge Outfitters LLC", "212 Main Street", "Asheville, NC 28801",
                          "United States", "Tax ID: 56-1234567"], size=8)  # fmt: skip
    s.boxes(15, 66, [("Terms of sale", "DAP Asheville"),
                     ("Duties and Taxes", "Receiver"),
                     ("Declared Value for Carriage", "USD 4,000.00"),
                     ("Insured Value", "USD 4,000.00")], width=45)  # fmt: skip
    rows = [
        [_qty(q), u, t, "6301.20", "GB", _group(_d(p)), _group(a)]
        for (t, q, u, p), a in zip(_UPS_ITEMS, _unit_amounts(_UPS_ITEMS), strict=True)
    ]
    y = _table(s, 82, [("Units", 15, 12, "R"), ("U/M", 29, 10, "L"),
                       ("Description of goods", 41, 70, "L"), ("HS code", 113, 18, "L"),
                       ("C/O", 133, 8, "L"), ("Unit value", 143, 22, "R"),
                       ("Total value", 167, 28, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 115, 161, y + 4, [("Invoice Line Total", _group(_UPS_LINES)),
                                 ("Freight", _group(_UPS_FREIGHT)), ("Insurance", "0.00"),
                                 ("Total Invoice Amount", _group(_UPS_TOTAL))],
            size=8.5)  # fmt: skip
    s.text(15, y + 34, "I declare that all the information contained in this invoice is true "
                       "and correct.", size=7.5)  # fmt: skip
    return s.output()


GB_UPS_FORM_TRUTH = _truth(
    invoice_number="WM-55102", type_code="380", issue_date="2026-12-01", currency="GBP",
    seller_name="Westmorland Mills Ltd", seller_vat_id="GB284567193", seller_country="GB",
    buyer_name="Blue Ridge Outfitters LLC", buyer_country="US",
    grand_total=_plain(_UPS_TOTAL), due_payable=_plain(_UPS_TOTAL),
    line_items=_unit_lines(_UPS_ITEMS, {"PCS": "H87"}),
)  # fmt: skip


# -- Hong Kong -> Germany: 'US $' amounts with an HK$ equivalent for reference ------------------

_HK_ITEMS: list[UnitItem] = [("USB-C charger 65 W, GaN, EU plug", "2400", "pcs", "5.20"),
                             ("Power bank 20,000 mAh", "1000", "pcs", "5.76")]  # fmt: skip
_HK_TOTAL = _unit_sum(_HK_ITEMS)


def hk_usd() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Pearl River Electronics (HK) Limited", size=13, bold=True)
    _block(s, 15, 19, ["Unit 1205, 12/F, Kwun Tong Harbour Plaza, 182 Wai Yip Street",
                       "Kwun Tong, Kowloon, Hong Kong", "BR No. 61234567"], size=8)  # fmt: skip
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 26, [("Invoice No.", "PRE-26-3381"), ("Date", "04 Dec 2026"),
                      ("Order No.", "EVS-4410")], gap=24)  # fmt: skip
    s.text(15, 42, "Sold to:", size=8.5, bold=True)
    _block(s, 15, 47, ["Elektronik Vertrieb Süd GmbH", "Landsberger Straße 302",
                       "80687 München, Germany", "USt-IdNr. DE287654321"])  # fmt: skip
    rows = [
        [t, _qty(q), u, f"US $ {_group(_d(p))}", f"US $ {_group(a)}"]
        for (t, q, u, p), a in zip(_HK_ITEMS, _unit_amounts(_HK_ITEMS), strict=True)
    ]
    y = s.grid(72, [("Description", 15, 85, "L"), ("Qty", 102, 16, "R"), ("Unit", 120, 10, "L"),
                    ("Unit Price", 132, 28, "R"), ("Amount", 162, 33, "R")], rows,
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("TOTAL FOB HONG KONG", f"US $ {_group(_HK_TOTAL)}")])
    hkd = _round(_HK_TOTAL * Decimal("7.80"))
    s.text(15, y + 16, f"HK$ equivalent for reference: HK$ {_group(hkd)} (at HK$ 7.80 = US $1). "
                       "Taxes: none (Hong Kong).", size=8)  # fmt: skip
    s.text(15, y + 22, "Bank: HSBC Hong Kong, account 004-123-456789-838, SWIFT HSBCHKHHHKH",
           size=8)  # fmt: skip
    return s.output()


HK_USD_TRUTH = _truth(
    invoice_number="PRE-26-3381", type_code="380", issue_date="2026-12-04", currency="USD",
    seller_name="Pearl River Electronics (HK) Limited", seller_country="HK",
    buyer_name="Elektronik Vertrieb Süd GmbH", buyer_country="DE",
    grand_total=_plain(_HK_TOTAL), due_payable=_plain(_HK_TOTAL),
    line_items=_unit_lines(_HK_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- Sri Lanka -> Germany: a letterhead centred over two runs, US$ ------------------------------

_LK_ITEMS: list[UnitItem] = [("Ceylon black tea BOP, Uva, 5 kg paper sacks", "2400", "kg",
                              "6.85"),
                             ("Ceylon green tea, Nuwara Eliya, 1 kg bags", "600", "kg",
                              "12.20")]  # fmt: skip
_LK_TOTAL = _unit_sum(_LK_ITEMS)


def lk_centred() -> bytes:
    s = Sheet2()
    _centred(s, 12, ["CEYLON HIGHLAND", "TEA EXPORTS (PVT) LTD"], size=14, bold=True, gap=3)
    _centred(s, 20, ["No. 45, Hunupitiya Lake Road, Colombo 02, Sri Lanka"], size=8)
    _centred(s, 24.5, ["VAT Reg. No: 114567890-7000", "TIN: 114567890"], size=8)
    _centred(s, 34, ["COMMERCIAL INVOICE"], size=12, bold=True)
    s.text(15, 44, "Buyer:", size=8.5, bold=True)
    _block(s, 15, 49, ["Hanseatisches Teekontor GmbH", "Am Sandtorkai 44", "20457 Hamburg",
                       "Germany"])  # fmt: skip
    s.pairs(125, 44, [("Invoice No:", "CHT/EX/2026/0412"), ("Date:", "05.12.2026"),
                      ("Terms:", "FOB Colombo")], gap=22)  # fmt: skip
    y = s.grid(72, [("Description", 15, 90, "L"), ("Quantity", 107, 18, "R"),
                    ("Unit", 127, 8, "L"), ("Price US$", 137, 24, "R"),
                    ("Amount US$", 163, 32, "R")], _rows(_LK_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("TOTAL FOB US$", _group(_LK_TOTAL))])
    s.text(15, y + 16, "Taxes: nil (export of goods, zero-rated).", size=8)
    return s.output()


LK_CENTRED_TRUTH = _truth(
    invoice_number="CHT/EX/2026/0412", type_code="380", issue_date="2026-12-05", currency="USD",
    seller_name="CEYLON HIGHLAND TEA EXPORTS (PVT) LTD", seller_vat_id="1145678907000",
    seller_country="LK", buyer_name="Hanseatisches Teekontor GmbH", buyer_country="DE",
    grand_total=_plain(_LK_TOTAL), due_payable=_plain(_LK_TOTAL),
    line_items=_unit_lines(_LK_ITEMS, {"kg": "KGM"}),
)  # fmt: skip


# -- Australia -> Singapore: A.B.N. and A.C.N. in one run, A$, quantity cells with units -------

_AU_ITEMS: list[UnitItem] = [("Australian chickpeas, desi, machine dressed", "24000", "kg",
                              "0.92"),
                             ("Red lentils, split, 25 kg bags", "480", "bag", "31.50")]  # fmt: skip
_AU_NET = _unit_sum(_AU_ITEMS)


def au_grain() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Riverina Grain & Pulse Co. Pty Ltd", size=13, bold=True)
    _block(s, 15, 19, ["88 Jondaryan Avenue, Griffith NSW 2680, Australia",
                       "A.B.N. 86 582 323 359  A.C.N. 582 323 359"], size=8)  # fmt: skip
    s.text(145, 12, "TAX INVOICE", size=14, bold=True)
    s.pairs(130, 24, [("Invoice No.", "RGP-7731"), ("Date", "07/12/2026")], gap=24)
    s.text(15, 38, "Customer:", size=8.5, bold=True)
    _block(s, 15, 43, ["Lion City Foods Pte Ltd", "21 Senoko Loop", "Singapore 758171",
                       "GST Reg. No.: 201812345K"])  # fmt: skip
    rows = [
        [t, f"{_qty(q)} {u}", f"A${_group(_d(p))}", "FRE", f"A${_group(a)}"]
        for (t, q, u, p), a in zip(_AU_ITEMS, _unit_amounts(_AU_ITEMS), strict=True)
    ]
    y = s.grid(66, [("Description", 15, 85, "L"), ("Qty", 102, 22, "R"),
                    ("Unit Price", 126, 20, "R"), ("GST", 148, 10, "L"),
                    ("Amount", 160, 35, "R")], rows, size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 161, y + 4, [("Subtotal", f"A${_group(_AU_NET)}"),
                                 ("GST (GST-free export)", "A$0.00"),
                                 ("Total", f"A${_group(_AU_NET)}")])  # fmt: skip
    s.text(15, y + 26, "Commonwealth Bank, BSB 062-692, Account 1034 5678", size=8)
    return s.output()


AU_GRAIN_TRUTH = _truth(
    invoice_number="RGP-7731", type_code="380", issue_date="2026-12-07", currency="AUD",
    seller_name="Riverina Grain & Pulse Co. Pty Ltd", seller_vat_id="86582323359",
    seller_country="AU", buyer_name="Lion City Foods Pte Ltd", buyer_country="SG",
    tax_exclusive_total=_plain(_AU_NET), tax_total="0.00", grand_total=_plain(_AU_NET),
    due_payable=_plain(_AU_NET), line_items=_unit_lines(_AU_ITEMS, {"kg": "KGM", "bag": "XBG"}),
)  # fmt: skip


REVIEW18: list[Layout] = [
    Layout("nl-abn-amro-au", nl_abn_amro, NL_ABN_AMRO_TRUTH),
    Layout("au-xero-jp", au_xero, AU_XERO_TRUTH),
    Layout("nz-nzbn-us", nz_nzbn, NZ_NZBN_TRUTH),
    Layout("gb-odoo-two-groups", gb_odoo, GB_ODOO_TRUTH),
    Layout("de-sap-refs-pl", de_sap_refs, DE_SAP_REFS_TRUTH),
    Layout("gb-ups-form-us", gb_ups_form, GB_UPS_FORM_TRUTH),
    Layout("hk-usd-hkd-de", hk_usd, HK_USD_TRUTH),
    Layout("lk-centred-letterhead-de", lk_centred, LK_CENTRED_TRUTH),
    Layout("au-grain-units-sg", au_grain, AU_GRAIN_TRUTH),
]


def write_review18(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, REVIEW18)
