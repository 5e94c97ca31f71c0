"""A fortieth batch of hand-written invoices (session 33, invoices30), written and committed
before the reader's code was read: twelve layouts of the kinds a customs office receives and
batches 1-39 have least (their docstrings and section headings grepped first: no marketplace
invoice, no Odoo, SAP Business One, Shopify or FedEx form, no Turkish ``Nakli Yekün``, no dozens).

The layouts: an Amazon marketplace seller's invoice (a German seller, ``Sold by`` over the
seller, an ``Order #`` beside the ``Invoice #``, Austrian VAT 20 % under the OSS, ``€`` before
the figures, a consumer buyer in Austria); an AliExpress-like store invoice from Shenzhen (``US
$`` before the figures, an order number, free shipping, no tax, a consumer in Chile); a Shopify
order invoice from a Montréal store (``Order #MRC-1047``, a GST/HST number, ``$`` with ``USD``
after the total, zero-rated taxes, a buyer in the US); an Odoo invoice from Belgium (``Invoice
INV/2026/00418``, dates month first, ``240.00 L`` / ``36.00 kg`` in the quantity column, ``€``
after the figures, ``Untaxed Amount``, ``VAT 0%``, a buyer in the UK); an SAP Business One A/R
invoice from Switzerland (``Document No.``, ``Posting Date``, a BP code, CHF with apostrophes
``12'345.60``, ``Total Before Discount``, ``Total Payment Due``, a buyer in Germany); a
QuickBooks Online invoice from Arizona (``INVOICE #``, DATE / ACTIVITY / DESCRIPTION / QTY /
RATE / AMOUNT, bare ``$``, ``BALANCE DUE``, a buyer in Mexico); a FedEx-style commercial invoice
form from Sialkot (boxes, ``EXPORT REFERENCES`` holding the invoice number, a packages /
packaging / description / qty / UoM / weight / country of manufacture / HS / unit value / total
value table, ``NTN``, a consignee in the UK); a DHL-Express-style commercial invoice from Ho Chi
Minh City (``Shipper`` / ``Receiver`` side by side, ``Reason for export``, ``Incoterm DAP``, a
commodity code and origin per line, ``Total declared value``, a ``Tax ID/VAT No.``, a receiver
in Australia); a Bangladeshi knitwear exporter's commercial invoice (a marks column, ``DZN``
dozens, ``FOB Chattogram``, an L/C, a ``BIN``, ``SAY US DOLLARS ... ONLY``, a buyer in the
Netherlands); an Indian export invoice in rupees under LUT (``₹``, lakh grouping
``17,40,000.00``, ``IGST @ 0%``, a GSTIN beside an IEC, a buyer in Dubai); a Turkish exporter's
bilingual fatura over two pages (``Nakli Yekün / Carried forward`` at the foot of page 1 and the
head of page 2, ``1.234,56``, ``Adet``/``Kg``/``Set``, a ``V.No``, a buyer in Germany); a Zoho
Books tax invoice from Dubai (``# INV-000231``, ``Balance Due AED``, ``120.00 kg`` in the Qty
column, ``Zero Rated (0%)``, a TRN, a buyer in Oman).

Ground truth as in the earlier batches (layouts_batch37.py's docstring), written before any
reading: the invoice number what the page labels the invoice's (an order number is not it, except
where the page's only number is the order's: Shopify's); the seller's tax id without spaces or
punctuation (VAT #, GST/HST number, VAT No. CHE-... MWST, Tax ID/VAT No., BIN, GSTIN, V.No,
TRN; an IEC, a BP code or an EORI is not a tax id); the currency the ISO 4217 code of what the
page says (a bare ``$`` on a US seller's page is none, as batch 1's); a printed zero tax line is
a tax total of 0.00 and its net the tax-exclusive total; a page with no tax line has neither (goods
value, freight and a declared total: the declared total is the grand total and the amount due);
units as UN/ECE codes (pcs, PCS, Adet: H87; kg, Kg: KGM; L: LTR; Set, SET: SET; DZN: DZN; ctn:
XCT); where a quantity cell holds its unit (``240.00 L``) the quantity is the number and the unit
its code; a description the description column's text only (QuickBooks' ACTIVITY is not part of
it; a HS code in its own column is not part of it).

Corrected after the first reading to the earlier batches' documented conventions (the cells
counted both ways in docs/documents.md): a Swiss VAT number keeps its MWST suffix (batch 1's
``CHE123456789MWST``), Pakistan's NTN alone is no VAT id (unseen 6), a US address without the
country's name gives no seller country (unseen's us-domestic).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch20 import UnitItem, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round


def _tr(value: Decimal) -> str:
    """1.234,56: a dot between thousands, a decimal comma (Turkish)."""
    return _group(value, "de")


def _qty(text: str) -> str:
    """A quantity as the page prints it: grouped, no decimals."""
    return _group(_d(text), places=0)


# -- Amazon marketplace seller (DE) -> consumer in Austria: 'Sold by', Order # beside Invoice # ----

_AM_ITEMS: list[UnitItem] = [("Stainless steel pan set, 3 pieces, induction", "2", "pcs",
                              "64.95"),
                             ("Silicone kitchen utensil set, 12 pieces", "3", "pcs",
                              "18.49")]  # fmt: skip
_AM_NET = _unit_sum(_AM_ITEMS)
_AM_TAX = _round(_AM_NET * Decimal("0.20"))


def am_seller() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Invoice", size=16, bold=True)
    s.text(15, 20, "Sold by", size=8, bold=True)
    _block(s, 15, 25, ["Rheinland Haushaltswaren GmbH", "Kölner Straße 88",
                       "40211 Düsseldorf", "Germany", "VAT # DE298765431"],
           size=8.5)  # fmt: skip
    s.pairs(100, 20, [("Invoice date / Delivery date", "03.12.2026"),
                      ("Invoice #", "DE-RHW-2026-004512"),
                      ("Total payable", f"€{_group(_AM_NET + _AM_TAX)}")], gap=54,
            step=5)  # fmt: skip
    s.text(15, 50, "Billing address", size=8, bold=True)
    _block(s, 15, 55, ["Anna Gruber", "Mariahilfer Straße 45", "1060 Wien", "Austria"])
    s.text(80, 50, "Delivery address", size=8, bold=True)
    _block(s, 80, 55, ["Anna Gruber", "Mariahilfer Straße 45", "1060 Wien", "Austria"])
    s.text(145, 50, "Order information", size=8, bold=True)
    _block(s, 145, 55, ["Order date 01.12.2026", "Order # 302-4567891-2345678"], size=8)
    s.text(15, 76, "Invoice details", size=10, bold=True)
    rows = [
        [t, q, f"€{_group(_d(p))}", "20%", f"€{_group(a)}"]
        for (t, q, _, p), a in zip(_AM_ITEMS, _unit_amounts(_AM_ITEMS), strict=True)
    ]
    y = _table(s, 83, [("Description", 15, 85, "L"), ("Qty", 102, 10, "R"),
                       ("Unit price\n(excl. VAT)", 115, 24, "R"), ("VAT rate", 141, 14, "R"),
                       ("Item subtotal\n(excl. VAT)", 158, 37, "R")], rows,
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 158, y + 3, [("Total (excl. VAT)", f"€{_group(_AM_NET)}"),
                                 ("VAT 20%", f"€{_group(_AM_TAX)}"),
                                 ("Total payable", f"€{_group(_AM_NET + _AM_TAX)}")],
            width=37, size=8.5)  # fmt: skip
    s.text(15, 280, "Rheinland Haushaltswaren GmbH sells on Amazon.de. VAT under the One-Stop "
                    "Shop scheme (Austria 20%).", size=6.5)  # fmt: skip
    return s.output()


AM_SELLER_TRUTH = _truth(
    invoice_number="DE-RHW-2026-004512", type_code="380", issue_date="2026-12-03",
    currency="EUR", seller_name="Rheinland Haushaltswaren GmbH", seller_vat_id="DE298765431",
    seller_country="DE", buyer_name="Anna Gruber", buyer_country="AT",
    tax_exclusive_total=_plain(_AM_NET), tax_total=_plain(_AM_TAX),
    grand_total=_plain(_AM_NET + _AM_TAX), due_payable=_plain(_AM_NET + _AM_TAX),
    line_items=[_line(t, q, None, _price(_d(p)), _plain(a))
                for (t, q, _, p), a in zip(_AM_ITEMS, _unit_amounts(_AM_ITEMS), strict=True)],
)  # fmt: skip


# -- AliExpress-like store (CN) -> consumer in Chile: 'US $', an order number, free shipping ------

_AE_ITEMS: list[UnitItem] = [("USB-C charging cable, braided, 1 m", "20", "pcs", "1.85"),
                             ("Bluetooth earbuds TWS, black", "5", "pcs", "12.40"),
                             ("Phone case, clear TPU, 6.1 inch", "10", "pcs",
                              "2.15")]  # fmt: skip
_AE_TOTAL = _unit_sum(_AE_ITEMS)


def ae_store() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "COMMERCIAL INVOICE", size=14, bold=True)
    s.text(15, 20, "Store:", size=8.5, bold=True)
    _block(s, 35, 20, ["Shenzhen Brightway Electronics Co., Ltd.",
                       "Building 5, Xixiang Street, Bao'an District",
                       "Shenzhen, Guangdong 518102, China"], size=8.5)  # fmt: skip
    s.pairs(120, 20, [("Invoice No.:", "AEI2612020457"), ("Invoice date:", "Dec 2, 2026"),
                      ("Order No.:", "8123456789012345"), ("Order date:", "Nov 28, 2026")],
            gap=26, step=4.6)  # fmt: skip
    s.text(15, 42, "Ship to:", size=8.5, bold=True)
    _block(s, 35, 42, ["Camila Rojas", "Av. Providencia 1234, Depto 56",
                       "Providencia, Santiago 7500000", "Chile"], size=8.5)  # fmt: skip
    rows = [
        [t, q, f"US ${_group(_d(p))}", f"US ${_group(a)}"]
        for (t, q, _, p), a in zip(_AE_ITEMS, _unit_amounts(_AE_ITEMS), strict=True)
    ]
    y = _table(s, 66, [("Product", 15, 95, "L"), ("Quantity", 112, 18, "R"),
                       ("Unit price", 132, 28, "R"), ("Subtotal", 162, 33, "R")], rows,
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 115, 162, y + 3, [("Product subtotal", f"US ${_group(_AE_TOTAL)}"),
                                 ("Shipping", "Free"),
                                 ("Order total", f"US ${_group(_AE_TOTAL)}")], width=33,
            size=8.5)  # fmt: skip
    return s.output()


AE_STORE_TRUTH = _truth(
    invoice_number="AEI2612020457", type_code="380", issue_date="2026-12-02", currency="USD",
    seller_name="Shenzhen Brightway Electronics Co., Ltd.", seller_country="CN",
    buyer_name="Camila Rojas", buyer_country="CL",
    grand_total=_plain(_AE_TOTAL), due_payable=_plain(_AE_TOTAL),
    line_items=[_line(t, q, None, _price(_d(p)), _plain(a))
                for (t, q, _, p), a in zip(_AE_ITEMS, _unit_amounts(_AE_ITEMS), strict=True)],
)  # fmt: skip


# -- Shopify order invoice (CA) -> US: 'Order #MRC-1047', GST/HST number, '$' and 'USD' -----------

_SH_ITEMS: list[UnitItem] = [("Soy candle, balsam fir, 8 oz tin", "24", "pcs", "14.00"),
                             ("Beeswax taper candles, pair", "18", "pcs", "9.50")]  # fmt: skip
_SH_NET = _unit_sum(_SH_ITEMS)


def shopify_order() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Maple Ridge Candle Co.", size=14, bold=True)
    _block(s, 15, 20, ["215 Rue Saint-Paul Ouest", "Montréal QC H2Y 2A3, Canada",
                       "GST/HST No. 784512369 RT0001"], size=8)  # fmt: skip
    s.text(140, 12, "Invoice", size=14, bold=True)
    s.pairs(140, 20, [("Order", "#MRC-1047"), ("Date", "December 4, 2026")], gap=14,
            step=4.6)  # fmt: skip
    s.text(15, 40, "Bill to", size=9, bold=True)
    _block(s, 15, 45, ["Jessica Miller", "48 Elm Street", "Burlington VT 05401",
                       "United States"])  # fmt: skip
    s.text(110, 40, "Ship to", size=9, bold=True)
    _block(s, 110, 45, ["Jessica Miller", "48 Elm Street", "Burlington VT 05401",
                        "United States"])  # fmt: skip
    rows = [
        [q, t, f"${_group(_d(p))}", f"${_group(a)}"]
        for (t, q, _, p), a in zip(_SH_ITEMS, _unit_amounts(_SH_ITEMS), strict=True)
    ]
    y = _table(s, 68, [("Qty", 15, 10, "L"), ("Item", 28, 100, "L"), ("Price", 130, 28, "R"),
                       ("Total", 160, 35, "R")], rows, size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 120, 160, y + 3, [("Subtotal", f"${_group(_SH_NET)}"), ("Shipping", "$0.00"),
                                 ("Taxes (zero-rated export)", "$0.00"),
                                 ("Total", f"${_group(_SH_NET)} USD")], width=35,
            size=8.5)  # fmt: skip
    s.text(15, y + 30, "Thank you for shopping with us!", size=8)
    return s.output()


SHOPIFY_ORDER_TRUTH = _truth(
    invoice_number="MRC-1047", type_code="380", issue_date="2026-12-04", currency="USD",
    seller_name="Maple Ridge Candle Co.", seller_vat_id="784512369RT0001", seller_country="CA",
    buyer_name="Jessica Miller", buyer_country="US",
    tax_exclusive_total=_plain(_SH_NET), tax_total="0.00",
    grand_total=_plain(_SH_NET), due_payable=_plain(_SH_NET),
    line_items=[_line(t, q, None, _price(_d(p)), _plain(a))
                for (t, q, _, p), a in zip(_SH_ITEMS, _unit_amounts(_SH_ITEMS), strict=True)],
)  # fmt: skip


# -- Odoo (BE) -> UK: 'Invoice INV/2026/00418', month-first dates, '240.00 L', '€' after -----------

_OD_ITEMS: list[UnitItem] = [("Anti-corrosion primer, grey", "240", "L", "11.80"),
                             ("Zinc phosphate pigment powder", "36", "kg", "23.50")]  # fmt: skip
_OD_NET = _unit_sum(_OD_ITEMS)


def _eur_after(value: Decimal) -> str:
    return f"{_group(value)} €"


def odoo_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Brabant Coatings BV", size=13, bold=True)
    _block(s, 15, 17, ["Industrieweg 12", "2800 Mechelen", "Belgium"], size=8)
    s.pdf.line(15, 31, 195, 31)
    _block(s, 115, 36, ["Thames Paint Supplies Ltd", "14 Riverside Way", "Reading RG1 8AB",
                        "United Kingdom", "VAT: GB123456789"], size=9)  # fmt: skip
    s.text(15, 62, "Invoice INV/2026/00418", size=16, bold=True)
    for index, (label, value) in enumerate([("Invoice Date:", "12/04/2026"),
                                            ("Due Date:", "01/18/2027"),
                                            ("Source:", "S00231")]):  # fmt: skip
        s.text(15 + index * 45, 72, label, size=8.5, bold=True)
        s.text(15 + index * 45, 77, value, size=8.5)
    rows = [
        [t, f"{_group(_d(q))} {u}", _group(_d(p)), "0% EX", _eur_after(a)]
        for (t, q, u, p), a in zip(_OD_ITEMS, _unit_amounts(_OD_ITEMS), strict=True)
    ]
    y = _table(s, 88, [("Description", 15, 78, "L"), ("Quantity", 95, 25, "R"),
                       ("Unit Price", 122, 22, "R"), ("Taxes", 146, 16, "L"),
                       ("Amount", 164, 31, "R")], rows, size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 120, 164, y + 3, [("Untaxed Amount", _eur_after(_OD_NET)),
                                 ("VAT 0%", _eur_after(Decimal(0))),
                                 ("Total", _eur_after(_OD_NET))], width=31,
            size=8.5)  # fmt: skip
    s.text(15, y + 25, "Payment Communication: INV/2026/00418", size=8.5)
    s.text(15, 282, "+32 15 44 12 00   info@brabantcoatings.be   VAT: BE0456789123", size=7)
    return s.output()


ODOO_INVOICE_TRUTH = _truth(
    invoice_number="INV/2026/00418", type_code="380", issue_date="2026-12-04", currency="EUR",
    seller_name="Brabant Coatings BV", seller_vat_id="BE0456789123", seller_country="BE",
    buyer_name="Thames Paint Supplies Ltd", buyer_country="GB",
    tax_exclusive_total=_plain(_OD_NET), tax_total="0.00",
    grand_total=_plain(_OD_NET), due_payable=_plain(_OD_NET),
    line_items=_unit_lines(_OD_ITEMS, {"L": "LTR", "kg": "KGM"}),
)  # fmt: skip


# -- SAP Business One A/R invoice (CH) -> DE: 'Document No.', CHF with apostrophes ---------------

_B1_ITEMS: list[UnitItem] = [("Balance wheel, beryllium bronze, 10.5 mm", "2500", "pcs", "3.45"),
                             ("Mainspring barrel assembly, cal. 2824", "800", "pcs", "7.80"),
                             ("Crown and tube kit, steel", "400", "Set", "2.95")]  # fmt: skip
_B1_NET = _unit_sum(_B1_ITEMS)


def sap_b1() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Alpenglanz Uhrenteile AG", size=13, bold=True)
    _block(s, 15, 17, ["Gewerbestrasse 7, 2540 Grenchen, Switzerland",
                       "VAT No. CHE-114.582.369 MWST"], size=8)  # fmt: skip
    s.text(150, 10, "A/R Invoice", size=14, bold=True)
    s.pairs(130, 20, [("Document No.", "30004512"), ("Posting Date", "04.12.2026"),
                      ("Due Date", "03.01.2027"), ("Customer Ref. No.", "PO-88412"),
                      ("Currency", "CHF")], gap=30, step=4.6)  # fmt: skip
    s.text(15, 34, "Customer", size=8.5, bold=True)
    _block(s, 15, 39, ["BP Code: C20011", "Schwarzwald Feinmechanik GmbH", "Hauptstraße 22",
                       "78112 St. Georgen", "Germany"], size=8.5)  # fmt: skip
    rows = [[str(n), f"A-{1000 + n}", t, _qty(q), u, _group(_d(p), "ch"), _group(a, "ch")]
            for n, ((t, q, u, p), a) in enumerate(zip(_B1_ITEMS, _unit_amounts(_B1_ITEMS),
                                                      strict=True), 1)]  # fmt: skip
    y = _table(s, 66, [("#", 15, 6, "L"), ("Item No.", 22, 16, "L"),
                       ("Item Description", 40, 70, "L"), ("Quantity", 112, 16, "R"),
                       ("UoM", 130, 10, "L"), ("Price", 142, 20, "R"),
                       ("Total (CHF)", 164, 31, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 120, 164, y + 3, [("Total Before Discount", _group(_B1_NET, "ch")),
                                 ("Freight", "0.00"), ("Tax", "0.00"),
                                 ("Total Payment Due", f"CHF {_group(_B1_NET, 'ch')}")],
            width=31, size=8.5)  # fmt: skip
    s.text(15, y + 30, "Export delivery, exempt from Swiss VAT (Art. 23 MWSTG).", size=7.5)
    return s.output()


SAP_B1_TRUTH = _truth(
    invoice_number="30004512", type_code="380", issue_date="2026-12-04", currency="CHF",
    seller_name="Alpenglanz Uhrenteile AG", seller_vat_id="CHE114582369MWST", seller_country="CH",
    buyer_name="Schwarzwald Feinmechanik GmbH", buyer_country="DE",
    tax_exclusive_total=_plain(_B1_NET), tax_total="0.00",
    grand_total=_plain(_B1_NET), due_payable=_plain(_B1_NET),
    line_items=_unit_lines(_B1_ITEMS, {"pcs": "H87", "Set": "SET"}),
)  # fmt: skip


# -- QuickBooks Online (US) -> Mexico: DATE / ACTIVITY / DESCRIPTION / QTY / RATE / AMOUNT ---------

_QB_ROWS = [("Drip Emitters", "Pressure-compensating drip emitter 2 GPH, bag of 100", "40",
             "18.50"),
            ("Poly Tubing", "Polyethylene drip tubing 1/2 in., 500 ft roll", "25", "46.00"),
            ("Controller", "6-station irrigation controller, outdoor", "8",
             "129.00")]  # fmt: skip
_QB_NET = sum((_round(_d(q) * _d(p)) for _, _, q, p in _QB_ROWS), Decimal(0))


def quickbooks() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Desert Bloom Irrigation LLC", size=12, bold=True)
    _block(s, 15, 19, ["4120 E Broadway Blvd", "Tucson, AZ 85711",
                       "accounts@desertbloomirrigation.com"], size=8)  # fmt: skip
    s.text(15, 36, "INVOICE", size=16, bold=True)
    s.text(15, 46, "BILL TO", size=7.5, bold=True)
    _block(s, 15, 50, ["Riegos del Norte S.A. de C.V.", "Blvd. Navarrete 255",
                       "Hermosillo, Son. 83200", "Mexico"])  # fmt: skip
    s.text(75, 46, "SHIP TO", size=7.5, bold=True)
    _block(s, 75, 50, ["Riegos del Norte S.A. de C.V.", "Bodega 3, Parque Industrial",
                       "Hermosillo, Son. 83299", "Mexico"])  # fmt: skip
    s.pairs(140, 46, [("INVOICE #", "1042"), ("DATE", "12/04/2026"), ("DUE DATE", "01/03/2027"),
                      ("TERMS", "Net 30")], gap=22, step=4.6)  # fmt: skip
    s.pairs(15, 70, [("SHIP DATE", "12/05/2026"), ("SHIP VIA", "UPS Freight"),
                     ("TRACKING NO.", "1Z999AA10123456784")], gap=28, step=4.6)  # fmt: skip
    rows = [
        ["12/04/2026", act, text, q, _group(_d(p)), _group(_round(_d(q) * _d(p)))]
        for act, text, q, p in _QB_ROWS
    ]
    y = _table(s, 88, [("DATE", 15, 18, "L"), ("ACTIVITY", 35, 24, "L"),
                       ("DESCRIPTION", 61, 74, "L"), ("QTY", 137, 10, "R"),
                       ("RATE", 149, 18, "R"), ("AMOUNT", 169, 26, "R")], rows,
               size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 120, 161, y + 3, [("SUBTOTAL", _group(_QB_NET)), ("TAX", "0.00"),
                                 ("TOTAL", _group(_QB_NET)),
                                 ("BALANCE DUE", f"${_group(_QB_NET)}")], width=34,
            size=8.5)  # fmt: skip
    return s.output()


# (session 33) an ambiguous numeric date nothing orders: null (docs/documents.md)
QUICKBOOKS_TRUTH = _truth(
    invoice_number="1042", type_code="380", issue_date=None, currency=None,
    seller_name="Desert Bloom Irrigation LLC",
    buyer_name="Riegos del Norte S.A. de C.V.", buyer_country="MX",
    tax_exclusive_total=_plain(_QB_NET), tax_total="0.00",
    grand_total=_plain(_QB_NET), due_payable=_plain(_QB_NET),
    line_items=[_line(text, q, None, _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for _, text, q, p in _QB_ROWS],
)  # fmt: skip


# -- FedEx-style commercial invoice form (PK) -> UK: boxes, EXPORT REFERENCES, NTN ----------------

_FX_ROWS = [("2", "CTN", "Mayo scissors, straight, 17 cm, stainless steel", "500", "PCS",
             "18.0", "9018.90", "2.35"),
            ("1", "CTN", "Adson forceps, 12 cm, stainless steel", "400", "PCS", "7.5",
             "9018.90", "1.60"),
            ("2", "CTN", "Dental extraction kit, 8 pieces", "60", "SET", "16.0", "9018.49",
             "24.00")]  # fmt: skip
_FX_TOTAL = sum((_round(_d(q) * _d(p)) for *_, q, _, _, _, p in _FX_ROWS), Decimal(0))


def fedex_form() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "COMMERCIAL INVOICE", size=15, bold=True, width=180, align="C")
    s.boxes(15, 20, [("DATE OF EXPORTATION", "03 Dec 2026"),
                     ("EXPORT REFERENCES (i.e., order no., invoice no., etc.)",
                      "Invoice No. SSI/EXP/2026/187")], width=90, height=11,
            size=8.5)  # fmt: skip
    for x, label, lines in (
        (15, "SHIPPER/EXPORTER (complete name and address)",
         ["Sialkot Surgical Industries (Pvt.) Ltd", "Small Industrial Estate, Sialkot 51310",
          "Pakistan", "NTN: 4187562-3"]),
        (105, "CONSIGNEE", ["Midlands Medical Supplies Ltd", "22 Hagley Road",
                            "Birmingham B16 8TH", "United Kingdom"]),
    ):  # fmt: skip
        s.pdf.rect(x, 33, 90, 24)
        s.text(x + 1.5, 34.2, label, size=6.5, bold=True)
        _block(s, x + 2, 39, lines, size=8.5, step=4.2)
    s.boxes(15, 59, [("COUNTRY OF EXPORT", "Pakistan"), ("AIR WAYBILL NO.", "7712 3456 8890"),
                     ("REASON FOR EXPORT", "Sale"),
                     ("COUNTRY OF ULTIMATE DESTINATION", "United Kingdom")], width=45,
            height=11, size=8)  # fmt: skip
    rows = [[n, pk, t, q, u, f"{w} kg", "Pakistan", hs, _group(_d(p)),
             _group(_round(_d(q) * _d(p)))]
            for n, pk, t, q, u, w, hs, p in _FX_ROWS]  # fmt: skip
    y = _table(s, 75, [("NO. OF\nPKGS", 15, 9, "L"), ("TYPE OF\nPACKAGING", 25, 14, "L"),
                       ("FULL DESCRIPTION OF GOODS", 40, 55, "L"), ("QTY", 96, 9, "R"),
                       ("UNIT OF\nMEASURE", 107, 12, "L"), ("WEIGHT", 120, 12, "R"),
                       ("COUNTRY OF\nMFR", 134, 15, "L"), ("HARMONIZED\nTARIFF NO.", 151, 14, "L"),
                       ("UNIT\nVALUE", 166, 12, "R"), ("TOTAL\nVALUE", 179, 16, "R")], rows,
               size=6.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.boxes(15, y + 3, [("TOTAL NO. OF PKGS", "5"), ("TOTAL WEIGHT", "41.5 kg"),
                        ("TOTAL INVOICE VALUE", _group(_FX_TOTAL)), ("CURRENCY CODE", "USD")],
            width=45, height=11, size=8.5)  # fmt: skip
    s.text(15, y + 18, "TERMS OF SALE: CPT London Heathrow", size=8)
    s.text(15, y + 26, "I declare all the information contained in this invoice to be true and "
                       "correct.", size=7.5)  # fmt: skip
    s.text(15, y + 32, "SIGNATURE OF SHIPPER/EXPORTER: Imran Butt, Export Manager", size=7.5)
    return s.output()


FEDEX_FORM_TRUTH = _truth(
    invoice_number="SSI/EXP/2026/187", type_code="380", issue_date="2026-12-03", currency="USD",
    seller_name="Sialkot Surgical Industries (Pvt.) Ltd",
    seller_country="PK", buyer_name="Midlands Medical Supplies Ltd", buyer_country="GB",
    grand_total=_plain(_FX_TOTAL), due_payable=_plain(_FX_TOTAL),
    line_items=[_line(t, q, {"PCS": "H87", "SET": "SET"}[u], _price(_d(p)),
                      _plain(_round(_d(q) * _d(p))))
                for _, _, t, q, u, _, _, p in _FX_ROWS],
)  # fmt: skip


# -- DHL-Express-style commercial invoice (VN) -> AU: Shipper / Receiver, declared value ----------

_DH_ROWS = [("120", "PCS", "Rattan storage basket, round, 35 cm", "4602.12", "VN", "6.80"),
            ("40", "SET", "Seagrass placemats, set of 6", "4601.22", "VN", "9.50"),
            ("25", "PCS", "Bamboo lampshade, 45 cm", "9405.99", "VN", "14.20")]  # fmt: skip
_DH_GOODS = sum((_round(_d(q) * _d(p)) for q, *_, p in _DH_ROWS), Decimal(0))


def dhl_form() -> bytes:
    s = Sheet2()
    s.text(15, 10, "COMMERCIAL INVOICE", size=14, bold=True)
    s.text(150, 11, "DHL Express", size=9, bold=True)
    for x, label, lines in (
        (15, "Shipper", ["Saigon Rattan Craft Co., Ltd", "42 Nguyen Van Linh, District 7",
                         "Ho Chi Minh City 700000", "Vietnam",
                         "Tax ID/VAT No.: 0312456789"]),
        (105, "Receiver", ["Coastal Living Homewares Pty Ltd", "17 Beach Road",
                           "Byron Bay NSW 2481", "Australia", "Phone +61 2 6685 1234"]),
    ):  # fmt: skip
        s.pdf.rect(x, 20, 90, 28)
        s.text(x + 1.5, 21.2, label, size=7.5, bold=True)
        _block(s, x + 2, 26, lines, size=8.5, step=4.2)
    s.boxes(15, 50, [("Invoice Number", "SRC-DHL-26-0912"), ("Invoice Date", "05 Dec 2026"),
                     ("Waybill Number", "48 1234 5678"), ("Shipment Reference", "PO-7719")],
            width=45, height=11, size=8.5)  # fmt: skip
    s.text(15, 64, "Reason for export: Commercial (Sale)     Incoterm: DAP Byron Bay     "
                   "Currency: USD", size=8)  # fmt: skip
    rows = [
        [q, u, t, hs, o, _group(_d(p)), _group(_round(_d(q) * _d(p)))]
        for q, u, t, hs, o, p in _DH_ROWS
    ]
    y = _table(s, 72, [("Qty", 15, 10, "R"), ("Units", 27, 10, "L"),
                       ("Description of goods", 39, 70, "L"), ("Commodity\ncode", 110, 22, "L"),
                       ("Country of\norigin", 133, 20, "L"), ("Unit\nvalue", 154, 18, "R"),
                       ("Subtotal\nvalue", 174, 21, "R")], rows, size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.pairs(15, y + 5, [("Total net weight:", "58.2 kg"), ("Total gross weight:", "66.0 kg"),
                        ("Number of pieces:", "6")], gap=40, step=5)  # fmt: skip
    _totals(s, 115, 160, y + 5, [("Total goods value", _group(_DH_GOODS)),
                                 ("Freight & insurance", "0.00"),
                                 ("Total declared value", f"{_group(_DH_GOODS)} USD")],
            width=35, step=5, size=8.5)  # fmt: skip
    s.text(15, y + 30, "I/We hereby certify that the information on this invoice is true and "
                       "correct.", size=7.5)  # fmt: skip
    return s.output()


DHL_FORM_TRUTH = _truth(
    invoice_number="SRC-DHL-26-0912", type_code="380", issue_date="2026-12-05", currency="USD",
    seller_name="Saigon Rattan Craft Co., Ltd", seller_vat_id="0312456789", seller_country="VN",
    buyer_name="Coastal Living Homewares Pty Ltd", buyer_country="AU",
    grand_total=_plain(_DH_GOODS), due_payable=_plain(_DH_GOODS),
    line_items=[_line(t, q, {"PCS": "H87", "SET": "SET"}[u], _price(_d(p)),
                      _plain(_round(_d(q) * _d(p))))
                for q, u, t, _, _, p in _DH_ROWS],
)  # fmt: skip


# -- Bangladesh knitwear exporter -> NL: marks column, DZN, FOB Chattogram, SAY US DOLLARS ------

_BD_ITEMS: list[UnitItem] = [("Boys knitted T-shirt, 100% cotton jersey", "1200", "DZN",
                              "21.60"),
                             ("Girls knitted leggings, cotton elastane", "250", "DZN",
                              "19.80"),
                             ("Baby romper, organic cotton rib", "3000", "PCS",
                              "2.45")]  # fmt: skip
_BD_TOTAL = _unit_sum(_BD_ITEMS)


def bd_knitwear() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Dhaka Knit Fashions Ltd.", size=14, bold=True, width=180, align="C")
    s.text(15, 17, "Plot 14-17, Sector 7, Dhaka EPZ, Savar, Dhaka-1349, Bangladesh",
           size=8, width=180, align="C")  # fmt: skip
    s.text(15, 21.5, "BIN: 000456789-0103    ERC: RA-0123456", size=8, width=180, align="C")
    s.text(15, 29, "COMMERCIAL INVOICE", size=13, bold=True, width=180, align="C")
    s.pairs(15, 38, [("Invoice No.:", "DKF/EXP/1187/2026"), ("Date:", "02.12.2026"),
                     ("Exp No.:", "0123-004567-2026"),
                     ("L/C No.:", "0987LC26001234 Dt. 15.10.2026")], gap=22,
            step=4.6)  # fmt: skip
    s.pairs(106, 38, [("Port of loading:", "Chattogram, Bangladesh"),
                      ("Final destination:", "Rotterdam, The Netherlands"),
                      ("Terms of delivery:", "FOB Chattogram"),
                      ("Payment:", "L/C at sight")], gap=34, step=4.6)  # fmt: skip
    s.text(15, 60, "For account and risk of Messrs.:", size=8.5, bold=True)
    _block(s, 15, 65, ["Noordzee Kids Fashion B.V.", "Keizersgracht 120",
                       "1015 CX Amsterdam, The Netherlands"], size=8.5)  # fmt: skip
    rows = [
        [t, _qty(q), u, _group(_d(p)), _group(a)]
        for (t, q, u, p), a in zip(_BD_ITEMS, _unit_amounts(_BD_ITEMS), strict=True)
    ]
    cols = [
        ("Marks & Nos.", 15, 28, "L"),
        ("Description of goods", 45, 70, "L"),
        ("Quantity", 117, 16, "R"),
        ("Unit", 135, 10, "L"),
        ("Unit Price\n(US$)", 147, 20, "R"),
        ("Amount\n(US$)", 169, 26, "R"),
    ]
    y = _table(s, 82, cols, [["", *r] for r in rows], size=8)
    _block(s, 15, 91, ["NKF", "AMSTERDAM", "C/NO. 1-145", "MADE IN", "BANGLADESH"], size=7,
           step=3.4)  # fmt: skip
    y = max(y, 110)
    s.pdf.line(15, y, 195, y)
    s.text(45, y + 2, "TOTAL:", size=8.5, bold=True)
    s.text(169, y + 2, f"US$ {_group(_BD_TOTAL)}", size=8.5, bold=True, width=26, align="R")
    s.text(15, y + 10, "SAY US DOLLARS THIRTY-EIGHT THOUSAND TWO HUNDRED TWENTY ONLY.", size=8)
    s.text(15, y + 16, "HS codes: 6109.10, 6104.63, 6111.20. Country of origin: Bangladesh.",
           size=7.5)  # fmt: skip
    return s.output()


BD_KNITWEAR_TRUTH = _truth(
    invoice_number="DKF/EXP/1187/2026", type_code="380", issue_date="2026-12-02",
    currency="USD", seller_name="Dhaka Knit Fashions Ltd.", seller_vat_id="0004567890103",
    seller_country="BD", buyer_name="Noordzee Kids Fashion B.V.", buyer_country="NL",
    grand_total=_plain(_BD_TOTAL), due_payable=_plain(_BD_TOTAL),
    line_items=_unit_lines(_BD_ITEMS, {"DZN": "DZN", "PCS": "H87"}),
)  # fmt: skip


# -- India export under LUT (INR, lakh grouping) -> UAE: GSTIN beside an IEC, IGST @ 0% ----------

_IN_ITEMS: list[UnitItem] = [("Hand block printed cotton bedsheet, double", "1200", "PCS",
                              "1450.00"),
                             ("Cotton kaftan, block printed, free size", "800", "PCS",
                              "975.00")]  # fmt: skip
_IN_NET = _unit_sum(_IN_ITEMS)


def in_export_lut() -> bytes:
    s = Sheet2()
    s.text(15, 10, "EXPORT INVOICE", size=14, bold=True, width=180, align="C")
    s.text(15, 17, "SUPPLY MEANT FOR EXPORT UNDER LUT WITHOUT PAYMENT OF IGST", size=7.5,
           width=180, align="C")  # fmt: skip
    s.text(15, 25, "Exporter:", size=8.5, bold=True)
    _block(s, 15, 30, ["Jaipur Block Prints Pvt. Ltd.", "B-45, Sitapura Industrial Area",
                       "Jaipur 302022, Rajasthan, India", "GSTIN: 08AABCJ1234K1Z5",
                       "IEC: 0512345678"], size=8.5)  # fmt: skip
    s.pairs(115, 25, [("Invoice No.:", "JBP/EXP/26-27/0412"), ("Date:", "04-Dec-2026"),
                      ("LUT ARN:", "AD0804260012345"), ("Terms:", "CIF Jebel Ali")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 54, "Buyer (if other than consignee):", size=8.5, bold=True)
    _block(s, 15, 59, ["Al Noor Textiles Trading LLC", "Naif Road, Deira, Dubai",
                       "United Arab Emirates"], size=8.5)  # fmt: skip
    rows = [
        [str(n), t, hs, _group(_d(q), "in", 0), u, _group(_d(p), "in"), _group(a, "in")]
        for n, ((t, q, u, p), a, hs) in enumerate(
            zip(_IN_ITEMS, _unit_amounts(_IN_ITEMS), ["6304", "6204"], strict=True), 1
        )
    ]
    y = _table(s, 76, [("Sr.", 15, 7, "L"), ("Description of Goods", 24, 70, "L"),
                       ("HSN", 96, 12, "L"), ("Qty", 110, 14, "R"), ("Unit", 126, 10, "L"),
                       ("Rate (₹)", 138, 22, "R"), ("Amount (₹)", 162, 33, "R")], rows,
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 160, y + 3, [("Taxable Value", f"₹ {_group(_IN_NET, 'in')}"),
                                 ("IGST @ 0% (LUT)", "₹ 0.00"),
                                 ("Total Invoice Value", f"₹ {_group(_IN_NET, 'in')}")],
            width=35, size=8.5)  # fmt: skip
    s.text(15, y + 22, "Amount in words: Indian Rupees Twenty-Five Lakh Twenty Thousand Only",
           size=8)  # fmt: skip
    return s.output()


IN_EXPORT_LUT_TRUTH = _truth(
    invoice_number="JBP/EXP/26-27/0412", type_code="380", issue_date="2026-12-04",
    currency="INR", seller_name="Jaipur Block Prints Pvt. Ltd.",
    seller_vat_id="08AABCJ1234K1Z5", seller_country="IN",
    buyer_name="Al Noor Textiles Trading LLC", buyer_country="AE",
    tax_exclusive_total=_plain(_IN_NET), tax_total="0.00",
    grand_total=_plain(_IN_NET), due_payable=_plain(_IN_NET),
    line_items=_unit_lines(_IN_ITEMS, {"PCS": "H87"}),
)  # fmt: skip


# -- Türkiye -> DE: a bilingual fatura over two pages, 'Nakli Yekün / Carried forward' -----------

_TR_PAGE1: list[UnitItem] = [("Bakır boru / Copper tube 15 mm", "1200", "Kg", "9.85"),
                             ("Bakır boru / Copper tube 22 mm", "900", "Kg", "9.70"),
                             ("Bakır dirsek / Copper elbow 15 mm", "5000", "Adet", "0.42"),
                             ("Bakır dirsek / Copper elbow 22 mm", "3000", "Adet", "0.68"),
                             ("Bakır manşon / Copper coupling 15 mm", "4000", "Adet", "0.31"),
                             ("Lehim seti / Soldering set", "150", "Set", "14.50")]  # fmt: skip
_TR_PAGE2: list[UnitItem] = [("Bakır T parça / Copper tee 22 mm", "2500", "Adet", "0.88"),
                             ("Bakır levha / Copper sheet 1 mm", "400", "Kg", "11.20")]  # fmt: skip
_TR_FWD = _unit_sum(_TR_PAGE1)
_TR_NET = _TR_FWD + _unit_sum(_TR_PAGE2)
_TR_COLS = [
    ("Sıra\nNo", 15, 9, "L"),
    ("Mal Hizmet\nDescription", 26, 74, "L"),
    ("Miktar\nQty", 102, 16, "R"),
    ("Birim\nUnit", 120, 12, "L"),
    ("Birim Fiyat\nUnit price", 134, 25, "R"),
    ("Tutar\nAmount", 161, 34, "R"),
]


def _tr_rows(items: list[UnitItem], first: int) -> list[list[str]]:
    return [[str(n), t, _tr(_d(q)).split(",")[0], u, _tr(_d(p)), _tr(a)]
            for n, ((t, q, u, p), a) in enumerate(zip(items, _unit_amounts(items), strict=True),
                                                   first)]  # fmt: skip


def tr_two_pages() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Anadolu Bakır Sanayi A.Ş.", size=13, bold=True)
    _block(s, 15, 17, ["Organize Sanayi Bölgesi 12. Cad. No: 8", "26110 Odunpazarı / Eskişehir",
                       "Türkiye", "Vergi Dairesi: Eskişehir  V.No: 0680123456"],
           size=8)  # fmt: skip
    s.text(140, 10, "FATURA / INVOICE", size=13, bold=True)
    s.pairs(112, 20, [("Fatura No / Invoice No:", "ABS2026000000412"),
                      ("Tarih / Date:", "03.12.2026"), ("Sayfa / Page:", "1 / 2")], gap=44,
            step=4.6)  # fmt: skip
    s.text(15, 38, "Alıcı / Buyer:", size=8.5, bold=True)
    _block(s, 15, 43, ["Kupferwerk Handels GmbH", "Industriestraße 5", "90411 Nürnberg",
                       "Almanya / Germany"], size=8.5)  # fmt: skip
    s.pairs(100, 43, [("Teslim şekli / Delivery terms:", "EXW Eskişehir"),
                      ("Döviz / Currency:", "EUR")], gap=54, step=4.6)  # fmt: skip
    y = _table(s, 64, _TR_COLS, _tr_rows(_TR_PAGE1, 1), size=8)
    s.pdf.line(15, y, 195, y)
    s.text(102, y + 2, "Nakli Yekün / Carried forward", size=8.5, bold=True)
    s.text(161, y + 2, _tr(_TR_FWD), size=8.5, bold=True, width=34, align="R")
    s.text(15, 282, "Anadolu Bakır Sanayi A.Ş. · Eskişehir Ticaret Sicil No: 45871", size=7)
    s.pdf.add_page()
    s.text(15, 10, "Anadolu Bakır Sanayi A.Ş. - Fatura / Invoice ABS2026000000412 - Sayfa / Page "
                   "2 / 2", size=8)  # fmt: skip
    s.text(102, 18, "Nakli Yekün / Brought forward", size=8.5, bold=True)
    s.text(161, 18, _tr(_TR_FWD), size=8.5, bold=True, width=34, align="R")
    y = _table(s, 25, _TR_COLS, _tr_rows(_TR_PAGE2, 7), size=8)
    s.pdf.line(15, y, 195, y)
    _totals(s, 90, 161, y + 3, [("Mal Hizmet Toplam Tutarı / Total goods", _tr(_TR_NET)),
                                ("Hesaplanan KDV (%0) / VAT 0%", "0,00"),
                                ("Vergiler Dahil Toplam / Total incl. taxes", _tr(_TR_NET)),
                                ("Ödenecek Tutar / Amount payable", f"{_tr(_TR_NET)} EUR")],
            width=34, size=8)  # fmt: skip
    s.text(15, y + 30, "KDV Kanunu 11/1-a md. uyarınca ihracat istisnası / VAT exempt export.",
           size=7.5)  # fmt: skip
    return s.output()


TR_TWO_PAGES_TRUTH = _truth(
    invoice_number="ABS2026000000412", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Anadolu Bakır Sanayi A.Ş.", seller_vat_id="0680123456", seller_country="TR",
    buyer_name="Kupferwerk Handels GmbH", buyer_country="DE",
    tax_exclusive_total=_plain(_TR_NET), tax_total="0.00",
    grand_total=_plain(_TR_NET), due_payable=_plain(_TR_NET),
    line_items=_unit_lines(_TR_PAGE1 + _TR_PAGE2, {"Kg": "KGM", "Adet": "H87", "Set": "SET"}),
)  # fmt: skip


# -- Zoho Books (AE) -> Oman: '# INV-000231', 'Balance Due AED', '120.00 kg' in Qty, zero-rated ----

_ZO_ITEMS: list[UnitItem] = [("Basmati rice, extra long grain, 25 kg bag", "120", "bag",
                              "96.00"),
                             ("Saffron threads, Super Negin, 1 g", "400", "pcs", "18.50"),
                             ("Medjool dates, jumbo", "350", "kg", "34.00")]  # fmt: skip
_ZO_NET = _unit_sum(_ZO_ITEMS)


def zoho_ae() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Gulf Star Foodstuff Trading LLC", size=12, bold=True)
    _block(s, 15, 19, ["Warehouse 12, Al Quoz Industrial Area 3", "Dubai",
                       "United Arab Emirates", "TRN 100234567800003"], size=8)  # fmt: skip
    s.text(150, 12, "TAX INVOICE", size=14, bold=True)
    s.text(150, 20, "# INV-000231", size=9)
    s.text(150, 27, "Balance Due", size=8)
    s.text(150, 31, f"AED{_group(_ZO_NET)}", size=11, bold=True)
    s.text(15, 42, "Bill To", size=8.5)
    _block(s, 15, 47, ["Muscat Fresh Markets SAOC", "Way 3012, Al Khuwair", "Muscat",
                       "Oman"], size=8.5)  # fmt: skip
    s.pairs(125, 47, [("Invoice Date :", "06 Dec 2026"), ("Terms :", "Net 30"),
                      ("Due Date :", "05 Jan 2027")], gap=26, step=4.6)  # fmt: skip
    rows = [[str(n), t, f"{_group(_d(q))} {u}", _group(_d(p)), "0%", "0.00", _group(a)]
            for n, ((t, q, u, p), a) in enumerate(zip(_ZO_ITEMS, _unit_amounts(_ZO_ITEMS),
                                                      strict=True), 1)]  # fmt: skip
    y = _table(s, 70, [("#", 15, 6, "L"), ("Item & Description", 23, 72, "L"),
                       ("Qty", 97, 20, "R"), ("Rate", 119, 18, "R"), ("VAT %", 139, 12, "R"),
                       ("VAT", 153, 12, "R"), ("Amount", 167, 28, "R")], rows,
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 120, 161, y + 3, [("Sub Total", _group(_ZO_NET)),
                                 ("Zero Rated (0%)", "0.00"),
                                 ("Total", f"AED{_group(_ZO_NET)}"),
                                 ("Balance Due", f"AED{_group(_ZO_NET)}")], width=34,
            size=8.5)  # fmt: skip
    s.text(15, y + 30, "Notes: Export of goods to Oman, zero-rated under Article 45 of the UAE "
                       "VAT Law.", size=7.5)  # fmt: skip
    return s.output()


ZOHO_AE_TRUTH = _truth(
    invoice_number="INV-000231", type_code="380", issue_date="2026-12-06", currency="AED",
    seller_name="Gulf Star Foodstuff Trading LLC", seller_vat_id="100234567800003",
    seller_country="AE", buyer_name="Muscat Fresh Markets SAOC", buyer_country="OM",
    tax_exclusive_total=_plain(_ZO_NET), tax_total="0.00",
    grand_total=_plain(_ZO_NET), due_payable=_plain(_ZO_NET),
    line_items=_unit_lines(_ZO_ITEMS, {"bag": "XBG", "pcs": "H87", "kg": "KGM"}),
)  # fmt: skip


BATCH40: list[Layout] = [
    Layout("de-amazon-seller-at", am_seller, AM_SELLER_TRUTH),
    Layout("cn-aliexpress-cl", ae_store, AE_STORE_TRUTH),
    Layout("ca-shopify-us", shopify_order, SHOPIFY_ORDER_TRUTH),
    Layout("be-odoo-gb", odoo_invoice, ODOO_INVOICE_TRUTH),
    Layout("ch-sap-b1-de", sap_b1, SAP_B1_TRUTH),
    Layout("us-quickbooks-mx", quickbooks, QUICKBOOKS_TRUTH),
    Layout("pk-fedex-form-gb", fedex_form, FEDEX_FORM_TRUTH),
    Layout("vn-dhl-form-au", dhl_form, DHL_FORM_TRUTH),
    Layout("bd-knitwear-nl", bd_knitwear, BD_KNITWEAR_TRUTH),
    Layout("in-export-lut-ae", in_export_lut, IN_EXPORT_LUT_TRUTH),
    Layout("tr-nakli-yekun-de", tr_two_pages, TR_TWO_PAGES_TRUTH),
    Layout("ae-zoho-om", zoho_ae, ZOHO_AE_TRUTH),
]


def write_batch40(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH40)
