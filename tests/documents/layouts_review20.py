"""A forty-fifth batch of hand-written invoices (session 35, review i20 of invoices32), written
and committed before invoices32's code (``git diff main lead -- src``) was read: fifteen layouts
aimed at the edges of the rules batch 44 brought (a ``Verkauft von`` / ``Shop:`` / ``Order
receipt`` seller, ``(Head Office)`` / ``(Branch …)`` after a name, Spanish ``und.``, ``DEBIT NOTE
/ INVOICE``, a title box's tax id, a bare ``No.`` / ``Nº:`` by the date, a shop's order number
and ``Order date``, ``RM`` ringgit, a currency in brackets in a total's label, ``Residencia
fiscal``).

The layouts: a firm named ``… Coffee Shop LLC``; an invoice whose product line is an ``Order
Receipt`` book and whose seller is ``Shop Direct Ltd``; a Hong Kong seller in ``RM 1203`` (a
room) billing in US dollars; an Indian seller whose unit is ``RM`` (running metre) in rupees; a
line table whose first column is ``No.`` under an ``Invoice No.`` / ``Date`` header; a Spanish
table whose first column is ``Nº`` under ``Factura Nº`` / ``Fecha``; a Thai buyer whose address
begins ``Building B (Branch 2)``; a ``DEBIT NOTE`` without a slash naming the invoice it
corrects; Spanish ``und.`` inside a description with a ``kg`` unit; a CFDI whose ``Residencia
fiscal: USA`` is the receptor's; a Spanish seller whose buyer has ``Residencia fiscal: CAN``; a
bracketed currency in an insurance line under the totals; a shop invoice with its own number and
date beside the order's; a Finnish ``Lasku`` with ``Eräpäivä`` above ``Laskun päivämäärä``; a
Malaysian ``INVOIS`` with a ``Bil.`` column and ``RM`` amounts; a Peruvian factura whose buyer's
RUC is printed before the title box's.

Ground truth by docs/documents.md's conventions (read the doc, not the code), written before any
reading: a legal name as printed (``Shop`` in a firm's name is part of it); a room number is
no currency; a unit ``RM`` (running metre) is a metre, MTR; a line number is no invoice number;
an address is not a name; a debit note is 383 with or without a slash; a buyer's tax residence
gives the buyer's country, not the seller's; a non-total line's bracketed currency is not the
invoice's; an invoice's own number and date over an order's; the invoice date over a due date;
the seller's tax id the one in the title box (Peru), not the buyer's.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch20 import UnitItem, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _round


def _rows(items: list[UnitItem], fmt: Callable[..., str] = _group) -> list[list[str]]:
    """Description, quantity, unit, unit price, amount."""
    return [[t, _group(_d(q), places=0), u, fmt(_d(p)), fmt(a)]
            for (t, q, u, p), a in zip(items, _unit_amounts(items), strict=True)]  # fmt: skip


def _cols(price: str = "Unit Price", amount: str = "Amount", desc: str = "Description",
          qty: str = "Qty", unit: str = "Unit") -> list[tuple[str, float, float, str]]:  # fmt: skip
    return [(desc, 15, 88, "L"), (qty, 105, 16, "R"), (unit, 123, 12, "L"), (price, 137, 26, "R"),
            (amount, 165, 30, "R")]  # fmt: skip


_Col = tuple[str, float, float, str]


def _numbered(
    columns: list[_Col], first: str, rows: list[list[str]]
) -> tuple[list[_Col], list[list[str]]]:
    """A line-number column before the description (the description narrowed)."""
    head, *rest = columns
    cols = [(first, 15, 8, "L"), (head[0], 25, 78, "L"), *rest]
    return cols, [[str(i), *row] for i, row in enumerate(rows, start=1)]


# -- US: a firm named '... Coffee Shop LLC' ---------------------------------------------------

_SHOP_ITEMS: list[UnitItem] = [
    ("Espresso beans, house blend, 5 lb bag", "40", "bag", "54.00"),
    ("Paper cups 12 oz, case of 1000", "12", "case", "68.50"),
]
_SHOP_NET = _unit_sum(_SHOP_ITEMS)


def us_coffee_shop() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Brewline Coffee Shop LLC", size=14, bold=True)
    _block(s, 15, 20, ["410 Pike Street, Seattle, WA 98101", "United States"], size=8)
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 24, [("Invoice #:", "BCS-2026-318"), ("Date:", "Dec 1, 2026")], gap=24)
    s.text(15, 38, "Bill To:", size=8.5, bold=True)
    _block(s, 15, 43, ["Cascade Office Services Inc.", "1201 Third Avenue", "Seattle, WA 98101",
                       "United States"])  # fmt: skip
    y = s.grid(68, _cols(), [[*r[:3], f"${r[3]}", f"${r[4]}"] for r in _rows(_SHOP_ITEMS)],
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Subtotal", f"${_group(_SHOP_NET)}"), ("Sales tax", "$0.00"),
                                 ("Total", f"${_group(_SHOP_NET)}")])  # fmt: skip
    return s.output()


US_COFFEE_SHOP_TRUTH = _truth(
    invoice_number="BCS-2026-318", type_code="380", issue_date="2026-12-01", currency="USD",
    seller_name="Brewline Coffee Shop LLC", seller_country="US",
    buyer_name="Cascade Office Services Inc.", buyer_country="US",
    tax_exclusive_total=_plain(_SHOP_NET), tax_total="0.00", grand_total=_plain(_SHOP_NET),
    due_payable=_plain(_SHOP_NET),
    line_items=_unit_lines(_SHOP_ITEMS, {"bag": "XBG", "case": "XCS"}),
)  # fmt: skip


# -- UK: 'Shop Direct Ltd' sells 'Order Receipt' books ------------------------------------------

_OR_ITEMS: list[UnitItem] = [
    ("Order Receipt book, duplicate, A5, 50 sets", "60", "pcs", "3.20"),
    ("Shop till roll 80 x 80 mm, box of 20", "15", "pcs", "11.90"),
]
_OR_NET = _unit_sum(_OR_ITEMS)
_OR_VAT = _round(_OR_NET * Decimal("0.20"))


def gb_order_receipt_line() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Shop Direct Ltd", size=14, bold=True)
    _block(s, 15, 20, ["Unit 9, Trafford Park, Manchester M17 1PA, United Kingdom",
                       "VAT Reg. No. GB 245 1187 09"], size=8)  # fmt: skip
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 24, [("Invoice No.:", "SD-558120"), ("Date:", "02/12/2026")], gap=26)
    s.text(15, 38, "Invoice To:", size=8.5, bold=True)
    _block(s, 15, 43, ["Hebden Corner Stores Ltd", "4 Market Street", "Hebden Bridge HX7 6AA",
                       "United Kingdom"])  # fmt: skip
    y = s.grid(68, _cols("Price £", "Amount £"), _rows(_OR_ITEMS), size=8.5)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Net", _group(_OR_NET)), ("VAT 20%", _group(_OR_VAT)),
                                 ("Total", _group(_OR_NET + _OR_VAT))])  # fmt: skip
    return s.output()


GB_ORDER_RECEIPT_TRUTH = _truth(
    invoice_number="SD-558120", type_code="380", issue_date="2026-12-02", currency="GBP",
    seller_name="Shop Direct Ltd", seller_vat_id="GB245118709", seller_country="GB",
    buyer_name="Hebden Corner Stores Ltd", buyer_country="GB",
    tax_exclusive_total=_plain(_OR_NET), tax_total=_plain(_OR_VAT),
    grand_total=_plain(_OR_NET + _OR_VAT), due_payable=_plain(_OR_NET + _OR_VAT),
    line_items=_unit_lines(_OR_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- Hong Kong -> Malaysia: 'RM 1203' a room, the money US dollars --------------------------------

_HK_ITEMS: list[UnitItem] = [("LED driver 60W constant current", "500", "pcs", "6.80"),
                             ("LED panel 600 x 600, 40W", "200", "pcs", "17.25")]  # fmt: skip
_HK_NET = _unit_sum(_HK_ITEMS)


def hk_room_rm() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Everbright Lighting Trading Limited", size=13, bold=True)
    _block(s, 15, 20, ["RM 1203, 12/F, Wing On Centre, 111 Connaught Road Central",
                       "Sheung Wan, Hong Kong"], size=8)  # fmt: skip
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 24, [("Invoice No.:", "EB-26-1207"), ("Date:", "07 Dec 2026")], gap=26)
    s.text(15, 38, "Sold To:", size=8.5, bold=True)
    _block(s, 15, 43, ["Cahaya Elektrik Sdn. Bhd.", "RM 5, Jalan Perusahaan 3",
                       "81700 Pasir Gudang, Johor", "Malaysia"])  # fmt: skip
    y = s.grid(68, _cols("Price US$", "Amount US$"), _rows(_HK_ITEMS), size=8.5)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Total US$", _group(_HK_NET))])
    return s.output()


HK_ROOM_RM_TRUTH = _truth(
    invoice_number="EB-26-1207", type_code="380", issue_date="2026-12-07", currency="USD",
    seller_name="Everbright Lighting Trading Limited", seller_country="HK",
    buyer_name="Cahaya Elektrik Sdn. Bhd.", buyer_country="MY",
    grand_total=_plain(_HK_NET), due_payable=_plain(_HK_NET),
    line_items=_unit_lines(_HK_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- India: the unit 'RM' (running metre), the money rupees ------------------------------------

_IN_ITEMS: list[UnitItem] = [("Aluminium skirting profile 80 mm", "240", "RM", "185.00"),
                             ("PVC edge band 22 mm", "600", "RM", "12.50")]  # fmt: skip
_IN_NET = _unit_sum(_IN_ITEMS)
_IN_GST = _round(_IN_NET * Decimal("0.18"))


def in_unit_rm() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Shree Profiles Private Limited", size=13, bold=True)
    _block(s, 15, 20, ["Plot 44, GIDC Vatva, Ahmedabad 382445, Gujarat, India",
                       "GSTIN: 24AABCS1234F1Z5"], size=8)  # fmt: skip
    s.text(150, 12, "TAX INVOICE", size=14, bold=True)
    s.pairs(130, 24, [("Invoice No.:", "SPL/26-27/0412"), ("Date:", "03-12-2026")], gap=26)
    s.text(15, 38, "Bill To:", size=8.5, bold=True)
    _block(s, 15, 43, ["Modular Interiors LLP", "12 MG Road", "Pune 411001, Maharashtra",
                       "India"])  # fmt: skip
    y = s.grid(68, _cols("Rate (Rs.)", "Amount (Rs.)"), _rows(_IN_ITEMS), size=8.5)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Taxable Value", _group(_IN_NET)), ("IGST 18%", _group(_IN_GST)),
                                 ("Grand Total INR", _group(_IN_NET + _IN_GST))])  # fmt: skip
    return s.output()


IN_UNIT_RM_TRUTH = _truth(
    invoice_number="SPL/26-27/0412", type_code="380", issue_date="2026-12-03", currency="INR",
    seller_name="Shree Profiles Private Limited", seller_vat_id="24AABCS1234F1Z5",
    seller_country="IN", buyer_name="Modular Interiors LLP", buyer_country="IN",
    tax_exclusive_total=_plain(_IN_NET), tax_total=_plain(_IN_GST),
    grand_total=_plain(_IN_NET + _IN_GST), due_payable=_plain(_IN_NET + _IN_GST),
    line_items=_unit_lines(_IN_ITEMS, {"RM": "MTR"}),
)  # fmt: skip


# -- Germany -> Austria: a 'No.' line-number column under 'Invoice No.' and 'Date' ---------------

_NO_ITEMS: list[UnitItem] = [("Servo motor 1.5 kW, 3000 rpm", "6", "pcs", "845.00"),
                             ("Servo drive 400 V, EtherCAT", "6", "pcs", "1120.00"),
                             ("Motor cable 5 m, shielded", "12", "pcs", "48.00")]  # fmt: skip
_NO_NET = _unit_sum(_NO_ITEMS)


def de_no_column() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Rheintal Antriebstechnik GmbH", size=13, bold=True)
    _block(s, 15, 20, ["Industriestraße 22, 79576 Weil am Rhein, Germany",
                       "VAT ID: DE 287 456 119"], size=8)  # fmt: skip
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 24, [("Invoice No.", "RA-40877"), ("Date", "04.12.2026")], gap=22)
    s.text(15, 38, "Customer:", size=8.5, bold=True)
    _block(s, 15, 43, ["Tiroler Maschinenbau GmbH", "Innstraße 5", "6020 Innsbruck",
                       "Austria"])  # fmt: skip
    cols, rows = _numbered(_cols("Price EUR", "Amount EUR"), "No.", _rows(_NO_ITEMS))
    y = s.grid(68, cols, rows, size=8.5)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Net amount", _group(_NO_NET)),
                                 ("VAT 0% (intra-EU, reverse charge)", "0.00"),
                                 ("Total EUR", _group(_NO_NET))])  # fmt: skip
    return s.output()


DE_NO_COLUMN_TRUTH = _truth(
    invoice_number="RA-40877", type_code="380", issue_date="2026-12-04", currency="EUR",
    seller_name="Rheintal Antriebstechnik GmbH", seller_vat_id="DE287456119", seller_country="DE",
    buyer_name="Tiroler Maschinenbau GmbH", buyer_country="AT",
    tax_exclusive_total=_plain(_NO_NET), tax_total="0.00", grand_total=_plain(_NO_NET),
    due_payable=_plain(_NO_NET), line_items=_unit_lines(_NO_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- Spain -> France: a 'Nº' line-number column under 'Factura Nº' and 'Fecha' ------------------

_ESN_ITEMS: list[UnitItem] = [("Azulejo porcelánico 60x60, gris", "320", "m2", "14.80"),
                              ("Rodapié porcelánico 8x60", "150", "m", "3.90")]  # fmt: skip
_ESN_NET = _unit_sum(_ESN_ITEMS)


def _es(value: Decimal) -> str:
    return _group(value, "de")


def es_n_column() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Cerámicas Castellón S.L.", size=13, bold=True)
    _block(s, 15, 20, ["Camí Serra 14, 12006 Castellón, España", "NIF: ESB12345674"], size=8)
    s.text(150, 12, "FACTURA", size=16, bold=True)
    s.pairs(130, 24, [("Factura Nº:", "2026/1184"), ("Fecha:", "05/12/2026")], gap=24)
    s.text(15, 38, "Cliente:", size=8.5, bold=True)
    _block(s, 15, 43, ["Carrelages du Midi SARL", "14 avenue de Toulouse", "34000 Montpellier",
                       "Francia"])  # fmt: skip
    cols, rows = _numbered(_cols("Precio", "Importe", "Descripción", "Cant.", "Ud."), "Nº",
                           _rows(_ESN_ITEMS, fmt=_es))  # fmt: skip
    y = s.grid(68, cols, rows, size=8.5)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Base imponible", _es(_ESN_NET)),
                                 ("IVA 0% (entrega intracomunitaria)", "0,00"),
                                 ("Total EUR", _es(_ESN_NET))])  # fmt: skip
    return s.output()


ES_N_COLUMN_TRUTH = _truth(
    invoice_number="2026/1184", type_code="380", issue_date="2026-12-05", currency="EUR",
    seller_name="Cerámicas Castellón S.L.", seller_vat_id="ESB12345674", seller_country="ES",
    buyer_name="Carrelages du Midi SARL", buyer_country="FR",
    tax_exclusive_total=_plain(_ESN_NET), tax_total="0.00", grand_total=_plain(_ESN_NET),
    due_payable=_plain(_ESN_NET), line_items=_unit_lines(_ESN_ITEMS, {"m2": "MTK", "m": "MTR"}),
)  # fmt: skip


# -- Japan -> Thailand: the buyer's address begins 'Building B (Branch 2)' ----------------------

_TB_ITEMS: list[UnitItem] = [("Cutting insert CNMG120408, carbide", "500", "pcs", "4.60"),
                             ("Tool holder PCLNR 2525M12", "20", "pcs", "62.00")]  # fmt: skip
_TB_NET = _unit_sum(_TB_ITEMS)


def jp_th_branch_address() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Kansai Cutting Tools Co., Ltd.", size=13, bold=True)
    _block(s, 15, 20, ["3-7-2 Nishi-ku, Osaka 550-0005, Japan",
                       "Registration No. T5120001077321"], size=8)  # fmt: skip
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 24, [("Invoice No.:", "KCT-26-8814"), ("Date:", "2026-12-02")], gap=26)
    s.text(15, 38, "Bill To:", size=8.5, bold=True)
    _block(s, 15, 43, ["Chonburi Precision Parts Co., Ltd.", "Building B (Branch 2)",
                       "700/12 Amata City, Chonburi 20000", "Thailand"])  # fmt: skip
    y = s.grid(68, _cols("Price USD", "Amount USD"), _rows(_TB_ITEMS), size=8.5)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Total USD", _group(_TB_NET))])
    return s.output()


JP_TH_BRANCH_TRUTH = _truth(
    invoice_number="KCT-26-8814", type_code="380", issue_date="2026-12-02", currency="USD",
    seller_name="Kansai Cutting Tools Co., Ltd.", seller_vat_id="T5120001077321",
    seller_country="JP", buyer_name="Chonburi Precision Parts Co., Ltd.", buyer_country="TH",
    grand_total=_plain(_TB_NET), due_payable=_plain(_TB_NET),
    line_items=_unit_lines(_TB_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- Singapore: a 'DEBIT NOTE' with no slash, naming the invoice it corrects -----------------

_DN_ITEMS: list[UnitItem] = [("Price adjustment, marine lubricant SAE 40, per drum", "40", "drum",
                              "18.00")]  # fmt: skip
_DN_NET = _unit_sum(_DN_ITEMS)
_DN_GST = _round(_DN_NET * Decimal("0.09"))


def sg_debit_note() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Straits Marine Oils Pte. Ltd.", size=13, bold=True)
    _block(s, 15, 20, ["21 Tuas Avenue 7, Singapore 639284",
                       "GST Reg. No. 201912345K"], size=8)  # fmt: skip
    s.text(145, 12, "DEBIT NOTE", size=16, bold=True)
    s.pairs(130, 24, [("Debit Note No.:", "DN-26-0073"), ("Date:", "06/12/2026"),
                      ("Invoice No.:", "INV-26-1412")], gap=28)  # fmt: skip
    s.text(15, 38, "To:", size=8.5, bold=True)
    _block(s, 15, 43, ["Jurong Shipyard Services Pte. Ltd.", "8 Pioneer Road",
                       "Singapore 628374"])  # fmt: skip
    y = s.grid(68, _cols("Price S$", "Amount S$"), _rows(_DN_ITEMS), size=8.5)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Subtotal", _group(_DN_NET)), ("GST 9%", _group(_DN_GST)),
                                 ("Total SGD", _group(_DN_NET + _DN_GST))])  # fmt: skip
    return s.output()


SG_DEBIT_NOTE_TRUTH = _truth(
    invoice_number="DN-26-0073", type_code="383", issue_date="2026-12-06", currency="SGD",
    seller_name="Straits Marine Oils Pte. Ltd.", seller_vat_id="201912345K", seller_country="SG",
    buyer_name="Jurong Shipyard Services Pte. Ltd.", buyer_country="SG",
    tax_exclusive_total=_plain(_DN_NET), tax_total=_plain(_DN_GST),
    grand_total=_plain(_DN_NET + _DN_GST), due_payable=_plain(_DN_NET + _DN_GST),
    line_items=_unit_lines(_DN_ITEMS, {"drum": "XDR"}),
)  # fmt: skip


# -- Spain -> Portugal: 'und.' inside the descriptions, the unit 'kg' -------------------------

_UND_ITEMS: list[UnitItem] = [("Pimentón dulce, saco 25 kg (40 und. por palet)", "1000", "kg",
                               "6.20"),
                              ("Azafrán molido, bote 100 g (12 und. por caja)", "24", "kg",
                               "2150.00")]  # fmt: skip
_UND_NET = _unit_sum(_UND_ITEMS)


def es_und_text() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Especias La Vera S.A.", size=13, bold=True)
    _block(s, 15, 20, ["Calle Real 8, 10400 Jaraíz de la Vera, Cáceres, España",
                       "CIF: ESA10234567"], size=8)  # fmt: skip
    s.text(150, 12, "FACTURA", size=16, bold=True)
    s.pairs(130, 24, [("Número:", "LV-26-00931"), ("Fecha:", "01/12/2026")], gap=22)
    s.text(15, 38, "Cliente:", size=8.5, bold=True)
    _block(s, 15, 43, ["Sabores do Norte, Lda.", "Rua de Santa Catarina 210", "4000-442 Porto",
                       "Portugal"])  # fmt: skip
    y = s.grid(68, _cols("Precio", "Importe", "Descripción", "Cantidad", "Unidad"),
               _rows(_UND_ITEMS, fmt=_es), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Base imponible", _es(_UND_NET)), ("IVA 0%", "0,00"),
                                 ("Total EUR", _es(_UND_NET))])  # fmt: skip
    s.text(15, y + 26, "Precio por und. de venta según tarifa 2026.", size=8)
    return s.output()


ES_UND_TEXT_TRUTH = _truth(
    invoice_number="LV-26-00931", type_code="380", issue_date="2026-12-01", currency="EUR",
    seller_name="Especias La Vera S.A.", seller_vat_id="ESA10234567", seller_country="ES",
    buyer_name="Sabores do Norte, Lda.", buyer_country="PT",
    tax_exclusive_total=_plain(_UND_NET), tax_total="0.00", grand_total=_plain(_UND_NET),
    due_payable=_plain(_UND_NET), line_items=_unit_lines(_UND_ITEMS, {"kg": "KGM"}),
)  # fmt: skip


# -- Mexico -> US: a CFDI whose 'Residencia fiscal: USA' is the receptor's -----------------------

_MXR_ITEMS: list[UnitItem] = [("Aguacate Hass calibre 48, caja 10 kg", "800", "caja", "21.50"),
                              ("Limón persa, caja 18 kg", "400", "caja", "16.80")]  # fmt: skip
_MXR_NET = _unit_sum(_MXR_ITEMS)


def mx_residencia_buyer() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Agrícola Uruapan S.A. de C.V.", size=13, bold=True)
    _block(s, 15, 20, ["Av. Latinoamericana 120, 60050 Uruapan, Michoacán, México",
                       "RFC: AUR150310KJ2   Régimen fiscal: 601"], size=8)  # fmt: skip
    s.text(140, 12, "FACTURA (CFDI 4.0)", size=11, bold=True)
    s.pairs(125, 22, [("Serie:", "EX"), ("Folio:", "4471"), ("Fecha:", "2026-12-03T09:15:40"),
                      ("Moneda:", "USD")], gap=22)  # fmt: skip
    s.text(15, 42, "Receptor:", size=8.5, bold=True)
    _block(s, 15, 47, ["Rio Grande Produce LLC", "RFC: XEXX010101000",
                       "Residencia fiscal: USA   NumRegIdTrib: 74-5512309",
                       "McAllen, TX 78501"])  # fmt: skip
    y = s.grid(72, _cols("Valor unitario", "Importe", "Descripción", "Cantidad", "Unidad"),
               _rows(_MXR_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Subtotal", _group(_MXR_NET)), ("IVA 0%", "0.00"),
                                 ("Total", _group(_MXR_NET))])  # fmt: skip
    return s.output()


MX_RESIDENCIA_BUYER_TRUTH = _truth(
    invoice_number="EX 4471", type_code="380", issue_date="2026-12-03", currency="USD",
    seller_name="Agrícola Uruapan S.A. de C.V.", seller_country="MX",
    buyer_name="Rio Grande Produce LLC", buyer_country="US",
    tax_exclusive_total=_plain(_MXR_NET), tax_total="0.00", grand_total=_plain(_MXR_NET),
    due_payable=_plain(_MXR_NET), line_items=_unit_lines(_MXR_ITEMS, {"caja": "XBX"}),
)  # fmt: skip


# -- Spain -> Canada: the buyer's 'Residencia fiscal: CAN', the seller's country Spain --------

_ESC_ITEMS: list[UnitItem] = [("Aceite de oliva virgen extra, lata 3 l", "600", "lata", "24.90")]
_ESC_NET = _unit_sum(_ESC_ITEMS)


def es_residencia_can() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Olivares de Baena S.L.", size=13, bold=True)
    _block(s, 15, 20, ["Carretera de Luque km 2, 14850 Baena, Córdoba",
                       "NIF: B14567890"], size=8)  # fmt: skip
    s.text(150, 12, "FACTURA", size=16, bold=True)
    s.pairs(130, 24, [("Factura nº:", "OB-2026-377"), ("Fecha:", "04/12/2026")], gap=24)
    s.text(15, 38, "Cliente:", size=8.5, bold=True)
    _block(s, 15, 43, ["Mediterranean Fine Foods Inc.", "Residencia fiscal: CAN",
                       "BN: 812345678RT0001", "2200 Yonge Street, Toronto ON M4S 2C6"])  # fmt: skip
    y = s.grid(68, _cols("Precio", "Importe", "Descripción", "Cantidad", "Unidad"),
               _rows(_ESC_ITEMS, fmt=_es), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Base imponible", _es(_ESC_NET)),
                                 ("IVA 0% (exportación)", "0,00"),
                                 ("Total EUR", _es(_ESC_NET))])  # fmt: skip
    return s.output()


ES_RESIDENCIA_CAN_TRUTH = _truth(
    invoice_number="OB-2026-377", type_code="380", issue_date="2026-12-04", currency="EUR",
    seller_name="Olivares de Baena S.L.", seller_vat_id="B14567890",
    buyer_name="Mediterranean Fine Foods Inc.", buyer_country="CA",
    tax_exclusive_total=_plain(_ESC_NET), tax_total="0.00", grand_total=_plain(_ESC_NET),
    due_payable=_plain(_ESC_NET), line_items=_unit_lines(_ESC_ITEMS, {"lata": "XCA"}),
)  # fmt: skip


# -- Italy -> Switzerland: euros, an insurance line '(USD)' under the totals ---------------------

_IT_ITEMS: list[UnitItem] = [("Espresso machine, 2 groups, commercial", "4", "pcs", "2980.00"),
                             ("Coffee grinder, flat burr 64 mm", "4", "pcs", "690.00")]  # fmt: skip
_IT_NET = _unit_sum(_IT_ITEMS)


def it_bracket_insurance() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Macchine Caffè Brescia S.r.l.", size=13, bold=True)
    _block(s, 15, 20, ["Via Industriale 44, 25030 Castel Mella (BS), Italia",
                       "P.IVA: IT 03412560987"], size=8)  # fmt: skip
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 24, [("Invoice No.:", "MCB/2026/0922"), ("Date:", "03/12/2026")], gap=26)
    s.text(15, 38, "Customer:", size=8.5, bold=True)
    _block(s, 15, 43, ["Kaffeerösterei Bern AG", "Marktgasse 30", "3011 Bern",
                       "Switzerland"])  # fmt: skip
    y = s.grid(68, _cols("Price", "Amount"), _rows(_IT_ITEMS), size=8.5)
    s.pdf.line(15, y, 195, y)
    end = _totals(s, 110, 161, y + 4, [("Net amount", _group(_IT_NET)),
                                       ("VAT 0% (export)", "0.00"),
                                       ("Total EUR", _group(_IT_NET))])  # fmt: skip
    ins = _round(_IT_NET * Decimal("1.10") * Decimal("1.08"))
    s.text(15, end + 6, "Insured value (USD)", size=8)
    s.text(60, end + 6, _group(ins), size=8)
    s.text(15, end + 11, "Freight prepaid by buyer (CHF)", size=8)
    s.text(60, end + 11, "420.00", size=8)
    return s.output()


IT_BRACKET_INSURANCE_TRUTH = _truth(
    invoice_number="MCB/2026/0922", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Macchine Caffè Brescia S.r.l.", seller_vat_id="IT03412560987",
    seller_country="IT", buyer_name="Kaffeerösterei Bern AG", buyer_country="CH",
    tax_exclusive_total=_plain(_IT_NET), tax_total="0.00", grand_total=_plain(_IT_NET),
    due_payable=_plain(_IT_NET), line_items=_unit_lines(_IT_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- A web shop's invoice: its own number and date beside the order's ---------------------------

_WS_ITEMS: list[UnitItem] = [("Trail running shoes, size 43", "2", "pcs", "129.00"),
                             ("Merino running socks, 3-pack", "3", "pcs", "24.00")]  # fmt: skip
_WS_GROSS = _unit_sum(_WS_ITEMS)
_WS_NET = _round(_WS_GROSS / Decimal("1.19"))
_WS_VAT = _WS_GROSS - _WS_NET


def de_shop_own_number() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Order receipt and invoice", size=15, bold=True)
    s.pairs(15, 24, [("Order number:", "302-5518804-7712"), ("Order date:", "20 Nov 2026"),
                     ("Invoice number:", "DE-R-2026-118804"), ("Invoice date:", "24 Nov 2026")],
            gap=30)  # fmt: skip
    s.text(15, 48, "Shop: Bergsport Lindner", size=8.5)
    s.text(15, 53, "Sold by: Bergsport Lindner GmbH, Sendlinger Str. 7, 80331 München, Germany",
           size=8.5)  # fmt: skip
    s.text(15, 58, "USt-IdNr.: DE 301 556 812", size=8.5)
    s.text(15, 66, "Billing address:", size=8.5, bold=True)
    _block(s, 15, 71, ["Jonas Weber", "Kaiserstraße 12", "60311 Frankfurt am Main",
                        "Germany"])  # fmt: skip
    y = s.grid(92, _cols("Price", "Total"), [[*r[:3], f"€{r[3]}", f"€{r[4]}"]
                                              for r in _rows(_WS_ITEMS)], size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Total excl. VAT", f"€{_group(_WS_NET)}"),
                                 ("VAT 19%", f"€{_group(_WS_VAT)}"),
                                 ("Total", f"€{_group(_WS_GROSS)}")])  # fmt: skip
    return s.output()


DE_SHOP_OWN_NUMBER_TRUTH = _truth(
    invoice_number="DE-R-2026-118804", type_code="380", issue_date="2026-11-24", currency="EUR",
    seller_name="Bergsport Lindner GmbH", seller_vat_id="DE301556812", seller_country="DE",
    buyer_name="Jonas Weber", buyer_country="DE",
    tax_exclusive_total=_plain(_WS_NET), tax_total=_plain(_WS_VAT), grand_total=_plain(_WS_GROSS),
    due_payable=_plain(_WS_GROSS), line_items=_unit_lines(_WS_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- Finland -> Estonia: 'Eräpäivä' above 'Laskun päivämäärä', a 'Viitenumero' ------------------

_FI_ITEMS: list[UnitItem] = [("Koivuvaneri 18 mm, 1220 x 2440", "150", "kpl", "48.60"),
                             ("Mäntylauta 22 x 100 mm", "800", "m", "1.95")]  # fmt: skip
_FI_NET = _unit_sum(_FI_ITEMS)


def fi_erapaiva_first() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Savon Puutuote Oy", size=14, bold=True)
    _block(s, 15, 20, ["Teollisuustie 6, 70620 Kuopio, Suomi",
                       "Y-tunnus 2345678-9   ALV-nro FI23456789"], size=8)  # fmt: skip
    s.text(150, 12, "LASKU", size=16, bold=True)
    s.pairs(118, 24, [("Eräpäivä:", "05.01.2027"), ("Viitenumero:", "12345 67890 1"),
                      ("Laskun numero:", "20261204"), ("Laskun päivämäärä:", "04.12.2026")],
            gap=38)  # fmt: skip
    s.text(15, 42, "Asiakas:", size=8.5, bold=True)
    _block(s, 15, 47, ["Tallinna Ehitus OÜ", "Peterburi tee 46", "11415 Tallinn",
                       "Viro"])  # fmt: skip
    y = s.grid(72, _cols("À-hinta", "Yhteensä", "Tuote", "Määrä", "Yks."),
               _rows(_FI_ITEMS, fmt=_es), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Veroton yhteensä", _es(_FI_NET)),
                                 ("ALV 0 % (yhteisömyynti)", "0,00"),
                                 ("Maksettava EUR", _es(_FI_NET))])  # fmt: skip
    return s.output()


FI_ERAPAIVA_TRUTH = _truth(
    invoice_number="20261204", type_code="380", issue_date="2026-12-04", currency="EUR",
    seller_name="Savon Puutuote Oy", seller_vat_id="FI23456789", seller_country="FI",
    buyer_name="Tallinna Ehitus OÜ", buyer_country="EE",
    tax_exclusive_total=_plain(_FI_NET), tax_total="0.00", grand_total=_plain(_FI_NET),
    due_payable=_plain(_FI_NET), line_items=_unit_lines(_FI_ITEMS, {"kpl": "H87", "m": "MTR"}),
)  # fmt: skip


# -- Malaysia: an 'INVOIS' with a 'Bil.' column, 'RM' amounts, a 'No. Pesanan' -------------------

_MY_ITEMS: list[UnitItem] = [("Beras wangi 10 kg", "120", "beg", "38.50"),
                             ("Minyak masak 5 kg", "80", "botol", "29.90")]  # fmt: skip
_MY_NET = _unit_sum(_MY_ITEMS)
_MY_SST = _round(_MY_NET * Decimal("0.05"))


def my_invois_bil() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Syarikat Borong Maju Sdn. Bhd.", size=13, bold=True)
    _block(s, 15, 20, ["No. 8, Jalan Kilang 2, 41200 Klang, Selangor, Malaysia",
                       "No. SST: B16-1809-32000123"], size=8)  # fmt: skip
    s.text(150, 12, "INVOIS", size=16, bold=True)
    s.pairs(125, 24, [("No. Pesanan:", "PO-7781"), ("No. Invois:", "SBM-2612-044"),
                      ("Tarikh:", "02/12/2026")], gap=28)  # fmt: skip
    s.text(15, 38, "Kepada:", size=8.5, bold=True)
    _block(s, 15, 43, ["Pasar Mini Segar Enterprise", "No. 3, Jalan Meru", "41050 Klang, Selangor",
                       "Malaysia"])  # fmt: skip
    cols, rows = _numbered(_cols("Harga (RM)", "Jumlah (RM)", "Perkara", "Kuantiti", "Unit"),
                           "Bil.", _rows(_MY_ITEMS))  # fmt: skip
    y = s.grid(68, cols, rows, size=8.5)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Jumlah kecil", f"RM {_group(_MY_NET)}"),
                                 ("SST 5%", f"RM {_group(_MY_SST)}"),
                                 ("Jumlah besar", f"RM {_group(_MY_NET + _MY_SST)}")])  # fmt: skip
    return s.output()


MY_INVOIS_BIL_TRUTH = _truth(
    invoice_number="SBM-2612-044", type_code="380", issue_date="2026-12-02", currency="MYR",
    seller_name="Syarikat Borong Maju Sdn. Bhd.", seller_vat_id="B16180932000123",
    seller_country="MY", buyer_name="Pasar Mini Segar Enterprise", buyer_country="MY",
    tax_exclusive_total=_plain(_MY_NET), tax_total=_plain(_MY_SST),
    grand_total=_plain(_MY_NET + _MY_SST), due_payable=_plain(_MY_NET + _MY_SST),
    line_items=_unit_lines(_MY_ITEMS, {"beg": "XBG", "botol": "XBO"}),
)  # fmt: skip


# -- Peru: the buyer's RUC printed before the title box's -------------------------------------

_PE_ITEMS: list[UnitItem] = [("Café pergamino, saco 46 kg", "120", "saco", "310.00")]
_PE_NET = _unit_sum(_PE_ITEMS)
_PE_IGV = _round(_PE_NET * Decimal("0.18"))


def pe_buyer_ruc_first() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Señor(es): Tostadora Lima Centro S.A.C.", size=8.5, bold=True)
    _block(s, 15, 15, ["RUC: 20601122334", "Av. Arequipa 1450, Lince, Lima"], size=8)
    s.text(15, 30, "Cooperativa Agraria Cafetalera Valle Alto", size=12, bold=True)
    _block(s, 15, 37, ["Jr. Lima 220, Jaén, Cajamarca, Perú"], size=8)
    s.pdf.rect(135, 8, 60, 20)
    _block(s, 140, 13, ["R.U.C. N° 20487766551", "FACTURA ELECTRÓNICA", "F001-00004521"],
           size=9, step=5)  # fmt: skip
    s.pairs(130, 38, [("Fecha de emisión:", "02/12/2026"), ("Moneda:", "SOLES")], gap=34)
    y = s.grid(60, _cols("Valor unitario", "Importe", "Descripción", "Cantidad", "Unidad"),
               _rows(_PE_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Op. gravadas", _group(_PE_NET)), ("IGV 18%", _group(_PE_IGV)),
                                 ("Importe total S/", _group(_PE_NET + _PE_IGV))])  # fmt: skip
    return s.output()


PE_BUYER_RUC_TRUTH = _truth(
    invoice_number="F001-00004521", type_code="380", issue_date="2026-12-02", currency="PEN",
    seller_name="Cooperativa Agraria Cafetalera Valle Alto", seller_vat_id="20487766551",
    seller_country="PE", buyer_name="Tostadora Lima Centro S.A.C.", buyer_country="PE",
    tax_exclusive_total=_plain(_PE_NET), tax_total=_plain(_PE_IGV),
    grand_total=_plain(_PE_NET + _PE_IGV), due_payable=_plain(_PE_NET + _PE_IGV),
    line_items=_unit_lines(_PE_ITEMS, {"saco": "XSA"}),
)  # fmt: skip


REVIEW20: list[Layout] = [
    Layout("us-coffee-shop", us_coffee_shop, US_COFFEE_SHOP_TRUTH),
    Layout("gb-order-receipt-line", gb_order_receipt_line, GB_ORDER_RECEIPT_TRUTH),
    Layout("hk-room-rm-my", hk_room_rm, HK_ROOM_RM_TRUTH),
    Layout("in-unit-rm", in_unit_rm, IN_UNIT_RM_TRUTH),
    Layout("de-no-column-at", de_no_column, DE_NO_COLUMN_TRUTH),
    Layout("es-n-column-fr", es_n_column, ES_N_COLUMN_TRUTH),
    Layout("jp-th-branch-address", jp_th_branch_address, JP_TH_BRANCH_TRUTH),
    Layout("sg-debit-note", sg_debit_note, SG_DEBIT_NOTE_TRUTH),
    Layout("es-und-text-pt", es_und_text, ES_UND_TEXT_TRUTH),
    Layout("mx-residencia-buyer-us", mx_residencia_buyer, MX_RESIDENCIA_BUYER_TRUTH),
    Layout("es-residencia-can", es_residencia_can, ES_RESIDENCIA_CAN_TRUTH),
    Layout("it-bracket-insurance-ch", it_bracket_insurance, IT_BRACKET_INSURANCE_TRUTH),
    Layout("de-shop-own-number", de_shop_own_number, DE_SHOP_OWN_NUMBER_TRUTH),
    Layout("fi-erapaiva-first-ee", fi_erapaiva_first, FI_ERAPAIVA_TRUTH),
    Layout("my-invois-bil", my_invois_bil, MY_INVOIS_BIL_TRUTH),
    Layout("pe-buyer-ruc-first", pe_buyer_ruc_first, PE_BUYER_RUC_TRUTH),
]


def write_review20(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, REVIEW20)
