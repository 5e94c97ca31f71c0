"""A thirty-first batch of hand-written invoices (session 29, invoices25), written before
src/clearlane/documents/ was read in the session: nine layouts out of sample, from sellers in
places no batch 1-30 has (Qatar, Samoa, Tonga, Vanuatu, Somalia, Uganda, Suriname, Haiti,
Zimbabwe).

The layouts: a Qatari invoice in riyals (``QR``), no VAT, a Tax Card No. beside a C.R. No.,
``06/12/2026``, the total also in words, a buyer in Oman; a Samoan tax invoice (``WS$``,
VAGST 15 %, a six-digit VAGST number, the date in Samoan ``5 Tesema 2026``), a buyer in American
Samoa; a Tongan invoice (``T$``, Consumption Tax 15 %, ``Particulars`` / ``Ext. T$`` headers,
``Thursday, 3rd December 2026``), a buyer in Fiji; a Vanuatu facture in vatu (``VT``, no
decimals, spaces between thousands), TVA 15 %, ``Port-Vila, le 2 décembre 2026``, a buyer in New
Caledonia; a Somali qaansheeg in US dollars (``$``), Somali labels and the date in Somali words
(``3 Diseembar 2026``), the country as ``Soomaaliya``, no tax, bags as ``kiish``; a Ugandan EFRIS
e-invoice (sections A-F, ``Fiscal Document Number`` as the number, ``Legal Name:``, UGX, VAT 18 %
as ``A-Standard``); a Surinamese creditnota in Dutch (``SRD`` with a decimal comma, BTW 10 %, a
FIN number beside a KKF number, ``3 december 2026``), a buyer in Guyana; a Haitian facture in
gourdes (``Gdes``), TCA 10 %, a NIF with dashes, the quantity as the first column, a buyer in the
Dominican Republic; a Zimbabwean tax invoice in ZiG (ZWG), VAT 15.5 %, a BP number beside the VAT
number, the quantity first and an item code column, a buyer in Zambia.

Ground truth as in the earlier batches (layouts_batch30.py's docstring): what a customs officer
reads on the page, written before any reading. Choices: a credit note's amounts as printed
(positive); the seller's tax id without spaces or punctuation (the VAT or tax number, not a
company register's: C.R., KKF, BP are not tax ids); an amount in words or in a second currency
is not a total; EFRIS's Fiscal Document Number is the invoice's number; units as UN/ECE codes
(pce, pcs, each: H87; kg: KGM; carton, ctn: XCT; bag, sac, zak, kiish: XBG; box, doos: XBX;
m: MTR; litre, L: LTR; roll: XRO; bundle: XBE; doz: DZN; tonne, t: TNE; bale: XBL).
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


def _cells(items: list[UnitItem], money, numbered: bool = False) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Table rows: (number,) description, unit, quantity, unit price, amount."""
    rows = []
    for n, ((t, q, u, p), a) in enumerate(zip(items, _unit_amounts(items), strict=True), 1):
        row = [t, u, q, money(_d(p)), money(a)]
        rows.append([str(n), *row] if numbered else row)
    return rows


def _spaced(value: Decimal) -> str:
    """1 234 567: a space between thousands, no decimals (vatu)."""
    return f"{int(value):,}".replace(",", " ")


def _nl(value: Decimal) -> str:
    """1.234,56: a dot between thousands, a decimal comma (Suriname)."""
    return _group(value, "de")


def _fr(value: Decimal) -> str:
    """1 234,56: a space between thousands, a decimal comma (Haiti)."""
    return _group(value).replace(",", " ").replace(".", ",")


# -- Qatar: QR, no VAT, Tax Card No. beside a C.R. No., '06/12/2026', the total in words ----------

_QA_ITEMS: list[UnitItem] = [("Aluminium composite panel 4 mm, 1220 x 2440", "180", "pcs",
                              "96.00"),
                             ("Structural silicone sealant 600 ml", "40", "box",
                              "310.00")]  # fmt: skip
_QA_TOTAL = _unit_sum(_QA_ITEMS)  # 29,680.00


def qa_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Al Wakra Facade Materials Trading W.L.L.", size=12, bold=True)
    _block(s, 15, 16, ["P.O. Box 24781, Street 340, Industrial Area, Doha, State of Qatar",
                       "C.R. No.: 104522   Tax Card No.: 5012345678"], size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 28, [("Invoice No.", "AWF/INV/2026/1187"), ("Date", "06/12/2026"),
                      ("LPO No.", "MCT-PO-55120")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Bill To:", size=9, bold=True)
    _block(s, 15, 37, ["Muscat Glazing Contractors LLC", "Way 3305, Ghala Industrial Area",
                       "Muscat, Sultanate of Oman"], size=8)  # fmt: skip
    y = _table(s, 58, [("S.No.", 15, 10, "L"), ("Description", 26, 70, "L"), ("UOM", 97, 12, "L"),
                       ("Qty", 111, 12, "R"), ("Unit Rate (QR)", 125, 30, "R"),
                       ("Total (QR)", 157, 38, "R")],
               _cells(_QA_ITEMS, _group, numbered=True))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total Amount (QR)", _group(_QA_TOTAL))], width=40,
                size=9)  # fmt: skip
    _block(s, 15, y + 5, ["Amount in words: Qatari Riyals Twenty-Nine Thousand Six Hundred "
                          "Eighty Only.",
                          "Payment by cheque in favour of Al Wakra Facade Materials Trading "
                          "W.L.L., Qatar National Bank."], size=7.5)  # fmt: skip
    return s.output()


QA_INVOICE_TRUTH = _truth(
    invoice_number="AWF/INV/2026/1187", type_code="380", issue_date="2026-12-06", currency="QAR",
    seller_name="Al Wakra Facade Materials Trading W.L.L.", seller_vat_id="5012345678",
    seller_country="QA", buyer_name="Muscat Glazing Contractors LLC", buyer_country="OM",
    grand_total=_plain(_QA_TOTAL), due_payable=_plain(_QA_TOTAL),
    line_items=_unit_lines(_QA_ITEMS, {"pcs": "H87", "box": "XBX"}),
)  # fmt: skip


# -- Samoa: WS$, VAGST 15 %, a six-digit VAGST number, the date in Samoan -------------------------

_WS_ITEMS: list[UnitItem] = [("Virgin coconut oil, 1 L bottle", "480", "each", "18.50"),
                             ("Dried cocoa beans, Koko Samoa grade", "650", "kg", "14.20"),
                             ("Pandanus mats, hand woven", "30", "bundle", "95.00")]  # fmt: skip
_WS_NET = _unit_sum(_WS_ITEMS)
_WS_TAX = _round(_WS_NET * Decimal("0.15"))


def ws_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Vaitele Island Produce Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Vaitele Industrial Estate, Apia, Samoa",
                       "VAGST Reg No: 104567   Ph: +685 20 345"], size=7.5)  # fmt: skip
    s.text(140, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(130, 18, [("Invoice No:", "VIP-2026-0561"), ("Aso / Date:", "5 Tesema 2026"),
                      ("Terms:", "14 days")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Bill To:", size=9, bold=True)
    _block(s, 15, 37, ["Tutuila Island Grocers Inc.", "Route 1, Nu'uuli, Pago Pago",
                       "American Samoa 96799"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Price WS$", 129, 26, "R"),
                       ("Amount WS$", 157, 38, "R")],
               _cells(_WS_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total excl. VAGST", f"WS${_group(_WS_NET)}"),
                                 ("VAGST 15%", f"WS${_group(_WS_TAX)}"),
                                 ("Total incl. VAGST", f"WS${_group(_WS_NET + _WS_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


WS_TAX_INVOICE_TRUTH = _truth(
    invoice_number="VIP-2026-0561", type_code="380", issue_date="2026-12-05", currency="WST",
    seller_name="Vaitele Island Produce Ltd", seller_vat_id="104567",
    seller_country="WS", buyer_name="Tutuila Island Grocers Inc.", buyer_country="AS",
    tax_exclusive_total=_plain(_WS_NET), tax_total=_plain(_WS_TAX),
    grand_total=_plain(_WS_NET + _WS_TAX), due_payable=_plain(_WS_NET + _WS_TAX),
    line_items=_unit_lines(_WS_ITEMS, {"each": "H87", "kg": "KGM", "bundle": "XBE"}),
)  # fmt: skip


# -- Tonga: T$, Consumption Tax 15 %, 'Particulars' / 'Ext. T$', a weekday before the date -------

_TO_ITEMS: list[UnitItem] = [("Squash pumpkin, fresh, export grade", "12", "tonne",
                              "1850.00"),
                             ("Vanilla beans, cured, grade A", "40", "kg", "385.00")]  # fmt: skip
_TO_NET = _unit_sum(_TO_ITEMS)
_TO_TAX = _round(_TO_NET * Decimal("0.15"))


def to_invoice() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Vava'u Growers Export Co. Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Taufa'ahau Road, Nuku'alofa, Kingdom of Tonga",
                       "TIN: 10023456   Ph: +676 23 456"], size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.pairs(120, 18, [("Invoice No:", "VGE/26/0214"), ("Date:", "Thursday, 3rd December 2026"),
                      ("Vessel:", "MV Southern Pearl")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 32, "Consignee:", size=9, bold=True)
    _block(s, 15, 37, ["Suva Fresh Markets Pte Limited", "Lot 7, Walu Bay, Suva",
                       "Fiji Islands"], size=8)  # fmt: skip
    y = _table(s, 56, [("Item", 15, 10, "L"), ("Particulars", 26, 70, "L"), ("Unit", 97, 14, "L"),
                       ("Qty", 113, 12, "R"), ("Rate T$", 127, 28, "R"),
                       ("Ext. T$", 157, 38, "R")],
               _cells(_TO_ITEMS, _group, numbered=True))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 95, 155, y + 3, [("Value before CT", f"T${_group(_TO_NET)}"),
                                ("Consumption Tax 15%", f"T${_group(_TO_TAX)}"),
                                ("Total Payable", f"T${_group(_TO_NET + _TO_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


TO_INVOICE_TRUTH = _truth(
    invoice_number="VGE/26/0214", type_code="380", issue_date="2026-12-03", currency="TOP",
    seller_name="Vava'u Growers Export Co. Ltd", seller_vat_id="10023456",
    seller_country="TO", buyer_name="Suva Fresh Markets Pte Limited", buyer_country="FJ",
    tax_exclusive_total=_plain(_TO_NET), tax_total=_plain(_TO_TAX),
    grand_total=_plain(_TO_NET + _TO_TAX), due_payable=_plain(_TO_NET + _TO_TAX),
    line_items=_unit_lines(_TO_ITEMS, {"tonne": "TNE", "kg": "KGM"}),
)  # fmt: skip


# -- Vanuatu: a facture in vatu (VT, no decimals), TVA 15 %, a buyer in New Caledonia -------------

_VU_ITEMS: list[UnitItem] = [("Kava en poudre, racines nobles, sacs 25 kg", "60", "sac", "52000"),
                             ("Coprah séché, en vrac", "8", "t", "64500")]  # fmt: skip
_VU_NET = _unit_sum(_VU_ITEMS)
_VU_TAX = (_VU_NET * Decimal("0.15")).quantize(Decimal("1"))


def vu_facture() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Coopérative Agricole de Malampa", size=12, bold=True)
    _block(s, 15, 16, ["Rue Emile Mercet, BP 1204, Port-Vila, République de Vanuatu",
                       "N° TVA : 12345   Tél. : +678 22 345"], size=7.5)  # fmt: skip
    s.text(150, 10, "FACTURE", size=14, bold=True)
    s.pairs(120, 24, [("Facture n° :", "CAM-2026-118"),
                      ("Date :", "Port-Vila, le 2 décembre 2026")], gap=25, step=4.6)  # fmt: skip
    s.text(15, 32, "Client :", size=9, bold=True)
    _block(s, 15, 37, ["Société Calédonienne d'Import SARL", "12 rue de Sébastopol, Nouméa",
                       "Nouvelle-Calédonie"], size=8)  # fmt: skip
    y = _table(s, 56, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. VT", 129, 28, "R"),
                       ("Montant VT", 159, 36, "R")],
               _cells(_VU_ITEMS, _spaced))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total HT", f"{_spaced(_VU_NET)} VT"),
                                 ("TVA 15 %", f"{_spaced(_VU_TAX)} VT"),
                                 ("Total TTC", f"{_spaced(_VU_NET + _VU_TAX)} VT")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


VU_FACTURE_TRUTH = _truth(
    invoice_number="CAM-2026-118", type_code="380", issue_date="2026-12-02", currency="VUV",
    seller_name="Coopérative Agricole de Malampa", seller_vat_id="12345",
    seller_country="VU", buyer_name="Société Calédonienne d'Import SARL", buyer_country="NC",
    tax_exclusive_total=_plain(_VU_NET), tax_total=_plain(_VU_TAX),
    grand_total=_plain(_VU_NET + _VU_TAX), due_payable=_plain(_VU_NET + _VU_TAX),
    line_items=_unit_lines(_VU_ITEMS, {"sac": "XBG", "t": "TNE"}),
)  # fmt: skip


# -- Somalia: a qaansheeg in Somali, US dollars, '3 Diseembar 2026', no tax ----------------------

_SO_ITEMS: list[UnitItem] = [("Bariis basmati, 25 kg", "300", "kiish", "27.50"),
                             ("Saliid cunto, 20 L", "150", "ctn", "31.00")]  # fmt: skip
_SO_TOTAL = _unit_sum(_SO_ITEMS)


def so_qaansheeg() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Shirkadda Ganacsiga Xamar Trading Co.", size=12, bold=True)
    _block(s, 15, 16, ["Suuqa Bakaaraha, Degmada Hodan, Muqdisho, Soomaaliya",
                       "TIN: 204567891   Tel: +252 61 5123456"], size=7.5)  # fmt: skip
    s.text(150, 10, "QAANSHEEG", size=14, bold=True)
    s.pairs(125, 18, [("Lambarka:", "XTC-26-0907"), ("Taariikhda:", "3 Diseembar 2026")],
            gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Macmiilka:", size=9, bold=True)
    _block(s, 15, 37, ["Garissa Wholesale Distributors Ltd", "Kismayu Road, Garissa",
                       "Kenya"], size=8)  # fmt: skip
    y = _table(s, 56, [("Faahfaahin", 15, 82, "L"), ("Cabbir", 99, 14, "L"),
                       ("Tirada", 115, 12, "R"), ("Qiimaha", 129, 26, "R"),
                       ("Wadarta", 157, 38, "R")],
               _cells(_SO_ITEMS, lambda v: f"${_group(v)}"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Wadarta guud", f"${_group(_SO_TOTAL)}")], width=40,
            size=9)  # fmt: skip
    return s.output()


SO_QAANSHEEG_TRUTH = _truth(
    invoice_number="XTC-26-0907", type_code="380", issue_date="2026-12-03", currency="USD",
    seller_name="Shirkadda Ganacsiga Xamar Trading Co.", seller_vat_id="204567891",
    seller_country="SO", buyer_name="Garissa Wholesale Distributors Ltd", buyer_country="KE",
    grand_total=_plain(_SO_TOTAL), due_payable=_plain(_SO_TOTAL),
    line_items=_unit_lines(_SO_ITEMS, {"kiish": "XBG", "ctn": "XCT"}),
)  # fmt: skip


# -- Uganda: an EFRIS e-invoice, sections A-F, the Fiscal Document Number, UGX, VAT 18 % ---------

_UG_ITEMS: list[UnitItem] = [("Maize flour, super sifted, 50 kg bag", "400", "bag", "145000"),
                             ("Sugar, Kakira, 1 kg x 20 bale", "120", "bale", "98500")]  # fmt: skip
_UG_GROSS = _unit_sum(_UG_ITEMS)  # prices are VAT inclusive on EFRIS: tax = gross x 18/118
_UG_TAX = _round(_UG_GROSS * Decimal("18") / Decimal("118"))
_UG_NET = _UG_GROSS - _UG_TAX


def ug_efris_invoice() -> bytes:
    s = Sheet2()
    s.text(70, 8, "e-INVOICE / TAX INVOICE", size=13, bold=True)
    s.text(15, 18, "Section A: Seller's Details", size=9, bold=True)
    s.pairs(15, 23, [("TIN:", "1000234567"), ("Legal Name:", "Nile Basin Grain Millers Ltd"),
                     ("Address:", "Plot 14, Jinja Road, Kampala, Uganda")],
            gap=24, step=4.4)  # fmt: skip
    s.text(105, 18, "Section B: URA Information", size=9, bold=True)
    s.pairs(105, 23, [("Document Type:", "Original"), ("Issued Date:", "02/12/2026"),
                      ("Fiscal Document Number:", "322184001234567")],
            gap=49, step=4.4)  # fmt: skip
    s.text(15, 40, "Section C: Buyer's Details", size=9, bold=True)
    s.pairs(15, 45, [("Name:", "Gulu Traders Cooperative Society Ltd"),
                     ("TIN:", "1001987654"), ("Address:", "Awich Road, Gulu, Uganda")],
            gap=24, step=4.4)  # fmt: skip
    s.text(15, 62, "Section D: Goods & Services Details", size=9, bold=True)
    rows = [[str(n), t, q, u, _group(_d(p)), _group(a), "A-Standard"]
            for n, ((t, q, u, p), a) in enumerate(zip(_UG_ITEMS, _unit_amounts(_UG_ITEMS),
                                                      strict=True), 1)]  # fmt: skip
    y = _table(s, 67, [("No.", 15, 8, "L"), ("Item", 24, 62, "L"), ("Qty", 87, 12, "R"),
                       ("Unit\nMeasure", 101, 14, "L"), ("Unit Price", 116, 24, "R"),
                       ("Total", 141, 28, "R"), ("Tax\nCategory", 172, 23, "L")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.text(15, y + 4, "Section E: Tax Details", size=9, bold=True)
    y = _table(s, y + 9, [("Tax Category", 15, 40, "L"), ("Net Amount", 60, 40, "R"),
                          ("Tax Rate", 105, 20, "R"), ("Tax Amount", 128, 30, "R"),
                          ("Gross Amount", 160, 35, "R")],
               [["A: Standard", _group(_UG_NET), "18%", _group(_UG_TAX),
                 _group(_UG_GROSS)]])  # fmt: skip
    s.text(15, y + 4, "Section F: Summary", size=9, bold=True)
    y = _totals(s, 100, 155, y + 9, [("Net Amount", _group(_UG_NET)),
                                     ("Tax Amount", _group(_UG_TAX)),
                                     ("Gross Amount", _group(_UG_GROSS)),
                                     ("Currency", "UGX")], width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 4, ["Verification Code: 40512367891234567890",
                          "Number of items: 2   Mode: Online"], size=7.5)  # fmt: skip
    return s.output()


UG_EFRIS_INVOICE_TRUTH = _truth(
    invoice_number="322184001234567", type_code="380", issue_date="2026-12-02", currency="UGX",
    seller_name="Nile Basin Grain Millers Ltd", seller_vat_id="1000234567",
    seller_country="UG", buyer_name="Gulu Traders Cooperative Society Ltd", buyer_country="UG",
    tax_exclusive_total=_plain(_UG_NET), tax_total=_plain(_UG_TAX),
    grand_total=_plain(_UG_GROSS), due_payable=_plain(_UG_GROSS),
    line_items=_unit_lines(_UG_ITEMS, {"bag": "XBG", "bale": "XBL"}),
)  # fmt: skip


# -- Suriname: a creditnota in Dutch, SRD with a decimal comma, BTW 10 %, FIN beside KKF ----------

_SR_ITEMS_D: list[UnitItem] = [("Retour: rijst, parboiled, zak 25 kg", "120", "zak", "412.50"),
                               ("Retour: kokosolie 500 ml, doos van 12", "35", "doos",
                                "689.00")]  # fmt: skip
_SR_NET = _unit_sum(_SR_ITEMS_D)
_SR_TAX = _round(_SR_NET * Decimal("0.10"))


def sr_creditnota() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Commewijne Handelmaatschappij N.V.", size=12, bold=True)
    _block(s, 15, 16, ["Verlengde Gemenelandsweg 112, Paramaribo, Suriname",
                       "KKF-nr.: 45123   FIN: 3000456789"], size=7.5)  # fmt: skip
    s.text(145, 10, "CREDITNOTA", size=13, bold=True)
    s.pairs(125, 18, [("Creditnota nr.:", "CN-2026-0087"), ("Datum:", "3 december 2026"),
                      ("Betreft factuur:", "F-2026-1133")], gap=30, step=4.6)  # fmt: skip
    s.text(15, 34, "Aan:", size=9, bold=True)
    _block(s, 15, 39, ["Demerara Food Distributors Inc.", "45 Water Street, Georgetown",
                       "Guyana"], size=8)  # fmt: skip
    y = _table(s, 58, [("Omschrijving", 15, 82, "L"), ("Eenheid", 99, 14, "L"),
                       ("Aantal", 115, 12, "R"), ("Prijs SRD", 129, 26, "R"),
                       ("Bedrag SRD", 157, 38, "R")],
               _cells(_SR_ITEMS_D, _nl))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotaal", f"SRD {_nl(_SR_NET)}"),
                                 ("BTW 10%", f"SRD {_nl(_SR_TAX)}"),
                                 ("Totaal creditnota", f"SRD {_nl(_SR_NET + _SR_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


SR_CREDITNOTA_TRUTH = _truth(
    invoice_number="CN-2026-0087", type_code="381", issue_date="2026-12-03", currency="SRD",
    seller_name="Commewijne Handelmaatschappij N.V.", seller_vat_id="3000456789",
    seller_country="SR", buyer_name="Demerara Food Distributors Inc.", buyer_country="GY",
    tax_exclusive_total=_plain(_SR_NET), tax_total=_plain(_SR_TAX),
    grand_total=_plain(_SR_NET + _SR_TAX), due_payable=_plain(_SR_NET + _SR_TAX),
    line_items=_unit_lines(_SR_ITEMS_D, {"zak": "XBG", "doos": "XBX"}),
)  # fmt: skip


# -- Haiti: a facture in gourdes (Gdes), TCA 10 %, a NIF with dashes, the quantity first ----------

_HT_ITEMS: list[UnitItem] = [("Café Haïtien Bleu, grains torréfiés 1 kg", "200", "kg", "1450.00"),
                             ("Rhum vieux 5 ans, 750 ml", "24", "doz", "9600.00")]  # fmt: skip
_HT_NET = _unit_sum(_HT_ITEMS)
_HT_TAX = _round(_HT_NET * Decimal("0.10"))


def ht_facture() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Comptoir Caraïbe de Pétion-Ville S.A.", size=12, bold=True)
    _block(s, 15, 16, ["45, Rue Grégoire, Pétion-Ville, Haïti",
                       "NIF : 003-456-789-1   Tél. : +509 2813 4500"], size=7.5)  # fmt: skip
    s.text(150, 10, "FACTURE", size=14, bold=True)
    s.pairs(125, 18, [("Facture No :", "CCP-26-00412"), ("Date :", "2 décembre 2026")],
            gap=26, step=4.6)  # fmt: skip
    s.text(15, 32, "Facturé à :", size=9, bold=True)
    _block(s, 15, 37, ["Distribuidora del Cibao S.R.L.", "Av. 27 de Febrero 88, Santiago",
                       "République dominicaine"], size=8)  # fmt: skip
    rows = [
        [q, t, u, _fr(_d(p)), _fr(a)]
        for (t, q, u, p), a in zip(_HT_ITEMS, _unit_amounts(_HT_ITEMS), strict=True)
    ]
    y = _table(s, 56, [("Qté", 15, 12, "R"), ("Désignation", 31, 70, "L"), ("Unité", 103, 12, "L"),
                       ("P.U. (Gdes)", 117, 36, "R"), ("Total (Gdes)", 157, 38, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Sous-total", f"{_fr(_HT_NET)} Gdes"),
                                 ("TCA 10 %", f"{_fr(_HT_TAX)} Gdes"),
                                 ("Total à payer", f"{_fr(_HT_NET + _HT_TAX)} Gdes")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


HT_FACTURE_TRUTH = _truth(
    invoice_number="CCP-26-00412", type_code="380", issue_date="2026-12-02", currency="HTG",
    seller_name="Comptoir Caraïbe de Pétion-Ville S.A.", seller_vat_id="0034567891",
    seller_country="HT", buyer_name="Distribuidora del Cibao S.R.L.", buyer_country="DO",
    tax_exclusive_total=_plain(_HT_NET), tax_total=_plain(_HT_TAX),
    grand_total=_plain(_HT_NET + _HT_TAX), due_payable=_plain(_HT_NET + _HT_TAX),
    line_items=_unit_lines(_HT_ITEMS, {"kg": "KGM", "doz": "DZN"}),
)  # fmt: skip


# -- Zimbabwe: ZiG (ZWG), VAT 15.5 %, a BP number beside the VAT number, qty first, a code column -

_ZW_ITEMS: list[UnitItem] = [("Tobacco leaf, flue-cured, grade L1O", "2400", "kg", "98.40"),
                             ("Hessian bales, 60 x 90 cm", "300", "each", "42.00")]  # fmt: skip
_ZW_CODES = ["TB-L1O", "HB-6090"]
_ZW_NET = _unit_sum(_ZW_ITEMS)
_ZW_TAX = _round(_ZW_NET * Decimal("0.155"))


def zw_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Mashonaland Leaf Merchants (Pvt) Ltd", size=12, bold=True)
    _block(s, 15, 16, ["18 Coventry Road, Workington, Harare, Zimbabwe",
                       "BP No.: 200123456   VAT No.: 220123456"], size=7.5)  # fmt: skip
    s.text(145, 10, "TAX INVOICE", size=13, bold=True)
    s.boxes(115, 18, [("Invoice No.", "MLM-INV-6671"), ("Date", "04 Dec 2026")], width=40)
    s.text(15, 32, "Customer:", size=9, bold=True)
    _block(s, 15, 37, ["Copperbelt Packers Limited", "Plot 5120, Independence Avenue, Ndola",
                       "Zambia"], size=8)  # fmt: skip
    rows = [[q, c, t, u, _group(_d(p)), _group(a)]
            for c, ((t, q, u, p), a) in zip(_ZW_CODES, zip(_ZW_ITEMS, _unit_amounts(_ZW_ITEMS),
                                                            strict=True), strict=True)]  # fmt: skip
    y = _table(s, 58, [("Qty", 15, 12, "R"), ("Code", 30, 18, "L"), ("Description", 50, 56, "L"),
                       ("UOM", 108, 12, "L"), ("Unit Price ZiG", 122, 32, "R"),
                       ("Line Total ZiG", 157, 38, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total Excl. VAT", f"ZiG {_group(_ZW_NET)}"),
                                 ("VAT @ 15.5%", f"ZiG {_group(_ZW_TAX)}"),
                                 ("Total Incl. VAT", f"ZiG {_group(_ZW_NET + _ZW_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


ZW_TAX_INVOICE_TRUTH = _truth(
    invoice_number="MLM-INV-6671", type_code="380", issue_date="2026-12-04", currency="ZWG",
    seller_name="Mashonaland Leaf Merchants (Pvt) Ltd", seller_vat_id="220123456",
    seller_country="ZW", buyer_name="Copperbelt Packers Limited", buyer_country="ZM",
    tax_exclusive_total=_plain(_ZW_NET), tax_total=_plain(_ZW_TAX),
    grand_total=_plain(_ZW_NET + _ZW_TAX), due_payable=_plain(_ZW_NET + _ZW_TAX),
    line_items=_unit_lines(_ZW_ITEMS, {"kg": "KGM", "each": "H87"}),
)  # fmt: skip


BATCH31: list[Layout] = [
    Layout("qa-invoice", qa_invoice, QA_INVOICE_TRUTH),
    Layout("ws-tax-invoice", ws_tax_invoice, WS_TAX_INVOICE_TRUTH),
    Layout("to-invoice", to_invoice, TO_INVOICE_TRUTH),
    Layout("vu-facture", vu_facture, VU_FACTURE_TRUTH),
    Layout("so-qaansheeg", so_qaansheeg, SO_QAANSHEEG_TRUTH),
    Layout("ug-efris-invoice", ug_efris_invoice, UG_EFRIS_INVOICE_TRUTH),
    Layout("sr-creditnota", sr_creditnota, SR_CREDITNOTA_TRUTH),
    Layout("ht-facture", ht_facture, HT_FACTURE_TRUTH),
    Layout("zw-tax-invoice", zw_tax_invoice, ZW_TAX_INVOICE_TRUTH),
]


def write_batch31(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH31)
