"""A thirty-eighth batch of hand-written invoices (session 32, reviewi17: the review of
invoices28), written and committed before invoices28's diff or the reader's code was read: nine
layouts aimed at where invoices28's new rules (``£`` by the seller's territory, ``TOT``, ``ABST``,
a letter and five or six digits after a tax-id label, ``Proforma N°``, ``Total net à payer``,
``Antigua`` as a country alias, lower-case ``tin`` as a unit) could misfire, from Guatemala,
Ireland, Scotland, Bonaire, Montserrat, the Canary Islands, Wallis and Futuna, Cornwall and Tuvalu.

The layouts: a Guatemalan factura from Antigua Guatemala in quetzales (``Q`` before the figure),
IVA 12 %, a NIT, the country printed only as ``Guatemala`` under the town, a buyer in El Salvador;
an Irish invoice in sterling (``£``, ``GBP`` in the headers) to a buyer in Gibraltar, VAT 0 %
(an export), an ``IE`` VAT number; a Scottish invoice in pounds (``£``) to a buyer in Stanley,
Falkland Islands, no VAT (zero-rated export, no tax line), a GB VAT number; a Bonairean factuur
in US dollars, ABB 8 %, a CRIB-nummer, a ``TOTAL`` column and a stamp ``BETALEN TOT 06-01-2027``;
a Montserrat invoice in EC dollars with a blank ``Tax Reg. No.:`` beside ``Customer No.: A12345``
(no tax id, no tax); a Canarian factura in euros, IGIC 7 %, a NIF, a note that it replaces
``la factura proforma PF-2026-118``; a Wallisian facture in CFP francs (``XPF``, no decimals) with
``Total net`` and, after a deposit, ``Net à payer`` on its own line; a Cornish invoice in US
dollars for tin ingots by the kilogram, VAT 0 %, a GB VAT number, a buyer in the Netherlands;
a Tuvaluan invoice in Australian dollars (``A$``), no tax, no tax id, a buyer in Fiji.

Ground truth as in the earlier batches (layouts_batch37.py's docstring), written before any
reading: the seller's country the ISO code of where the seller is (Antigua Guatemala is in GT,
the Canaries in ES, Scotland and Cornwall in GB, Bonaire BQ, Montserrat MS, Wallis WF, Tuvalu
TV); the currency what the page's seller bills in (a pound from Ireland or Scotland is sterling,
GBP, whatever the buyer's territory); the grand total what the goods and tax come to, the amount
due what is left to pay (Wallis: after the deposit); a customer number is not a tax id; units as
UN/ECE codes (kg: KGM; pcs: H87; ctn: XCT; bag: XBG; btl: XBO; set: SET; box: XBX; l: LTR).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch20 import UnitItem, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_batch30 import _cells
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _group, _plain, _round


def _fr(value: Decimal) -> str:
    """1 234,56: a space between thousands, a decimal comma."""
    whole, _, frac = f"{value:.2f}".partition(".")
    return f"{int(whole):,}".replace(",", " ") + "," + frac


def _spaced(value: Decimal) -> str:
    """1 234 567: a space between thousands, no decimals (CFP francs)."""
    return f"{int(value):,}".replace(",", " ")


def _es(value: Decimal) -> str:
    """1.234,56: a dot between thousands, a decimal comma."""
    return _group(value, "de")


_COLS = [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"), ("Qty", 115, 12, "R"),
         ("Unit Price", 129, 28, "R"), ("Amount", 159, 36, "R")]  # fmt: skip


# -- Guatemala: Antigua Guatemala, quetzales ('Q'), IVA 12 %, NIT ------------------------------

_GT_ITEMS: list[UnitItem] = [("Café oro lavado, Antigua SHB, sacos 69 kg", "150", "bag", "412.00"),
                             ("Jade tallado, figura maya, 10 cm", "80", "pcs",
                              "265.00")]  # fmt: skip
_GT_NET = _unit_sum(_GT_ITEMS)
_GT_TAX = _round(_GT_NET * Decimal("0.12"))


def gt_factura() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Exportadora Volcán de Agua, S.A.", size=12, bold=True)
    _block(s, 15, 16, ["5a Avenida Norte No. 12, Antigua Guatemala, Sacatepéquez",
                       "Guatemala, C.A.", "NIT: 4587124-5"], size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURA", size=14, bold=True)
    s.pairs(120, 20, [("Serie A No.:", "VDA-10458"), ("Fecha:", "03/12/2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 36, "Cliente:", size=9, bold=True)
    _block(s, 15, 41, ["Distribuidora Cuscatlán, S.A. de C.V.",
                       "Boulevard del Hipódromo 245, San Salvador", "El Salvador"],
           size=8)  # fmt: skip
    y = _table(s, 60, [("Descripción", 15, 82, "L"), ("Unidad", 99, 14, "L"),
                       ("Cant.", 115, 12, "R"), ("Precio Q", 129, 28, "R"),
                       ("Total Q", 159, 36, "R")],
               _cells(_GT_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal", f"Q {_group(_GT_NET)}"),
                                 ("IVA 12%", f"Q {_group(_GT_TAX)}"),
                                 ("Total a pagar", f"Q {_group(_GT_NET + _GT_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


GT_FACTURA_TRUTH = _truth(
    invoice_number="VDA-10458", type_code="380", issue_date="2026-12-03", currency="GTQ",
    seller_name="Exportadora Volcán de Agua, S.A.", seller_vat_id="45871245",
    seller_country="GT", buyer_name="Distribuidora Cuscatlán, S.A. de C.V.",
    buyer_country="SV", tax_exclusive_total=_plain(_GT_NET), tax_total=_plain(_GT_TAX),
    grand_total=_plain(_GT_NET + _GT_TAX), due_payable=_plain(_GT_NET + _GT_TAX),
    line_items=_unit_lines(_GT_ITEMS, {"bag": "XBG", "pcs": "H87"}),
)  # fmt: skip


# -- Ireland -> Gibraltar: sterling ('£'), VAT 0 %, an IE VAT number ----------------------------

_IE_ITEMS: list[UnitItem] = [("Irish whiskey, single malt 12 yr, 700 ml", "360", "btl", "38.50"),
                             ("Aran wool throw, 130 x 180 cm", "90", "pcs", "64.00")]  # fmt: skip
_IE_NET = _unit_sum(_IE_ITEMS)


def ie_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Lee Valley Distillers & Weavers Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Unit 7, Marina Commercial Park, Cork T12 X2Y4, Ireland",
                       "VAT No. IE 6458712K"], size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice No:", "LVD-26-0771"), ("Date:", "2 December 2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Invoice to:", size=9, bold=True)
    _block(s, 15, 37, ["Rock Wines & Spirits Limited", "Unit 4, Main Street, Gibraltar GX11 1AA",
                       "Gibraltar"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Price GBP", 129, 28, "R"),
                       ("Amount GBP", 159, 36, "R")],
               _cells(_IE_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Net", f"£{_group(_IE_NET)}"), ("VAT 0%", "£0.00"),
                                 ("Total", f"£{_group(_IE_NET)}")], width=40,
            size=8.5)  # fmt: skip
    return s.output()


IE_INVOICE_TRUTH = _truth(
    invoice_number="LVD-26-0771", type_code="380", issue_date="2026-12-02", currency="GBP",
    seller_name="Lee Valley Distillers & Weavers Ltd", seller_vat_id="IE6458712K",
    seller_country="IE", buyer_name="Rock Wines & Spirits Limited", buyer_country="GI",
    tax_exclusive_total=_plain(_IE_NET), tax_total="0.00", grand_total=_plain(_IE_NET),
    due_payable=_plain(_IE_NET),
    line_items=_unit_lines(_IE_ITEMS, {"btl": "XBO", "pcs": "H87"}),
)  # fmt: skip


# -- Scotland -> Falkland Islands: '£', no tax line, a GB VAT number ----------------------------

_SC_ITEMS: list[UnitItem] = [("Marine diesel filter cartridge, 10 micron", "240", "pcs", "18.75"),
                             ("Trawl netting, braided PE, 4 mm", "1200", "kg", "6.40")]  # fmt: skip
_SC_TOTAL = _unit_sum(_SC_ITEMS)


def sc_invoice() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Granite City Marine Supplies Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Albert Quay, Aberdeen AB11 5QA, Scotland",
                       "VAT Reg No: GB 458 7124 58"], size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice No:", "GCM/26/4412"), ("Date:", "01/12/2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Deliver & Invoice To:", size=9, bold=True)
    _block(s, 15, 37, ["Stanley Fishing Services Ltd", "Philomel Street, Stanley FIQQ 1ZZ",
                       "Falkland Islands"], size=8)  # fmt: skip
    y = _table(s, 56, _COLS, _cells(_SC_ITEMS, lambda v: f"£{_group(v)}"))
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total Due", f"£{_group(_SC_TOTAL)}")], width=40,
                size=9)  # fmt: skip
    _block(s, 15, y + 5, ["Zero-rated export: goods shipped to the Falkland Islands."],
           size=7.5)  # fmt: skip
    return s.output()


SC_INVOICE_TRUTH = _truth(
    invoice_number="GCM/26/4412", type_code="380", issue_date="2026-12-01", currency="GBP",
    seller_name="Granite City Marine Supplies Ltd", seller_vat_id="GB458712458",
    seller_country="GB", buyer_name="Stanley Fishing Services Ltd", buyer_country="FK",
    grand_total=_plain(_SC_TOTAL), due_payable=_plain(_SC_TOTAL),
    line_items=_unit_lines(_SC_ITEMS, {"pcs": "H87", "kg": "KGM"}),
)  # fmt: skip


# -- Bonaire: Dutch, US dollars, ABB 8 %, CRIB-nummer, a 'TOTAL' column, 'BETALEN TOT' ------------

_BQ_ITEMS: list[UnitItem] = [("Zoutpannen zeezout, zak 25 kg", "200", "bag", "14.50"),
                             ("Duikmasker, gehard glas", "150", "pcs", "32.00")]  # fmt: skip
_BQ_NET = _unit_sum(_BQ_ITEMS)
_BQ_TAX = _round(_BQ_NET * Decimal("0.08"))


def bq_factuur() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Kralendijk Handelmaatschappij B.V.", size=12, bold=True)
    _block(s, 15, 16, ["Kaya Grandi 21, Kralendijk, Bonaire, Caribisch Nederland",
                       "CRIB-nummer: 102458712   KvK: 14587"], size=7.5)  # fmt: skip
    s.text(155, 10, "FACTUUR", size=14, bold=True)
    s.pairs(118, 20, [("Factuurnummer:", "KHM-2026-0612"), ("Datum:", "7 december 2026")],
            gap=30, step=4.6)  # fmt: skip
    s.text(118, 31, "BETALEN TOT 06-01-2027", size=9, bold=True)
    s.text(15, 34, "Aan:", size=9, bold=True)
    _block(s, 15, 39, ["Curaçao Dive & Salt N.V.", "Caracasbaaiweg 45, Willemstad",
                       "Curaçao"], size=8)  # fmt: skip
    y = _table(s, 58, [("OMSCHRIJVING", 15, 82, "L"), ("EENH.", 99, 14, "L"),
                       ("AANTAL", 115, 12, "R"), ("PRIJS USD", 129, 28, "R"),
                       ("TOTAL", 159, 36, "R")],
               _cells(_BQ_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 95, 155, y + 3, [("Subtotaal", f"USD {_group(_BQ_NET)}"),
                                ("ABB 8%", f"USD {_group(_BQ_TAX)}"),
                                ("Totaal", f"USD {_group(_BQ_NET + _BQ_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


BQ_FACTUUR_TRUTH = _truth(
    invoice_number="KHM-2026-0612", type_code="380", issue_date="2026-12-07", currency="USD",
    seller_name="Kralendijk Handelmaatschappij B.V.", seller_vat_id="102458712",
    seller_country="BQ", buyer_name="Curaçao Dive & Salt N.V.", buyer_country="CW",
    tax_exclusive_total=_plain(_BQ_NET), tax_total=_plain(_BQ_TAX),
    grand_total=_plain(_BQ_NET + _BQ_TAX), due_payable=_plain(_BQ_NET + _BQ_TAX),
    line_items=_unit_lines(_BQ_ITEMS, {"bag": "XBG", "pcs": "H87"}),
)  # fmt: skip


# -- Montserrat: EC$, a blank 'Tax Reg. No.:' beside 'Customer No.: A12345', no tax -------------

_MS_ITEMS: list[UnitItem] = [("Volcanic ash building sand, 1 t bag", "40", "bag", "185.00"),
                             ("Sea Island cotton shirt, hand-sewn", "60", "pcs",
                              "145.00")]  # fmt: skip
_MS_TOTAL = _unit_sum(_MS_ITEMS)


def ms_invoice() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Emerald Isle Traders Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Davy Hill, Brades, Montserrat, W.I."], size=7.5)
    s.text(15, 21, "Tax Reg. No.:", size=7.5)
    s.text(120, 21, "Customer No.: A12345", size=8)
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(120, 26, [("Invoice No.:", "EIT-0458"), ("Date:", "Dec 5, 2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 36, "Bill To:", size=9, bold=True)
    _block(s, 15, 41, ["Nevis Builders Supply Ltd", "Main Street, Charlestown, Nevis",
                       "St. Kitts & Nevis"], size=8)  # fmt: skip
    y = _table(s, 60, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Price EC$", 129, 28, "R"),
                       ("Amount EC$", 159, 36, "R")],
               _cells(_MS_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total Due", f"EC$ {_group(_MS_TOTAL)}")], width=40,
            size=9)  # fmt: skip
    return s.output()


MS_INVOICE_TRUTH = _truth(
    invoice_number="EIT-0458", type_code="380", issue_date="2026-12-05", currency="XCD",
    seller_name="Emerald Isle Traders Ltd", seller_country="MS",
    buyer_name="Nevis Builders Supply Ltd", buyer_country="KN",
    grand_total=_plain(_MS_TOTAL), due_payable=_plain(_MS_TOTAL),
    line_items=_unit_lines(_MS_ITEMS, {"bag": "XBG", "pcs": "H87"}),
)  # fmt: skip


# -- Canary Islands: a factura replacing a proforma, euros, IGIC 7 %, NIF ------------------------

_IC_ITEMS: list[UnitItem] = [("Plátano de Canarias, caja 18 kg", "500", "ctn", "21.60"),
                             ("Mojo picón, tarro 200 ml", "1200", "pcs", "2.85")]  # fmt: skip
_IC_NET = _unit_sum(_IC_ITEMS)
_IC_TAX = _round(_IC_NET * Decimal("0.07"))


def ic_factura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Frutas del Atlántico Canarias, S.L.", size=12, bold=True)
    _block(s, 15, 16, ["C/ León y Castillo 245, 35003 Las Palmas de Gran Canaria",
                       "NIF: B35458712"], size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURA", size=14, bold=True)
    s.pairs(118, 20, [("Factura n.º:", "FAC-2026-0945"), ("Fecha:", "04/12/2026")], gap=26,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Cliente:", size=9, bold=True)
    _block(s, 15, 37, ["Mercado Luso Frutas, Lda.", "Rua do Bolhão 88, 4000-110 Porto",
                       "Portugal"], size=8)  # fmt: skip
    s.text(15, 54, "Esta factura sustituye a la factura proforma PF-2026-118 del 20/11/2026.",
           size=8)  # fmt: skip
    y = _table(s, 60, [("Descripción", 15, 82, "L"), ("Unidad", 99, 14, "L"),
                       ("Cant.", 115, 12, "R"), ("Precio €", 129, 28, "R"),
                       ("Importe €", 159, 36, "R")],
               _cells(_IC_ITEMS, _es))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Base imponible", f"{_es(_IC_NET)} €"),
                                 ("IGIC 7%", f"{_es(_IC_TAX)} €"),
                                 ("Total factura", f"{_es(_IC_NET + _IC_TAX)} €")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


IC_FACTURA_TRUTH = _truth(
    invoice_number="FAC-2026-0945", type_code="380", issue_date="2026-12-04", currency="EUR",
    seller_name="Frutas del Atlántico Canarias, S.L.", seller_vat_id="B35458712",
    seller_country="ES", buyer_name="Mercado Luso Frutas, Lda.", buyer_country="PT",
    tax_exclusive_total=_plain(_IC_NET), tax_total=_plain(_IC_TAX),
    grand_total=_plain(_IC_NET + _IC_TAX), due_payable=_plain(_IC_NET + _IC_TAX),
    line_items=_unit_lines(_IC_ITEMS, {"ctn": "XCT", "pcs": "H87"}),
)  # fmt: skip


# -- Wallis and Futuna: CFP francs, 'Total net' then 'Acompte' then 'Net à payer' ------------------

_WF_ITEMS: list[UnitItem] = [("Tapa de Futuna, décor traditionnel, 2 m", "40", "pcs", "18500"),
                             ("Huile de coprah vierge, bidon 5 l", "120", "pcs",
                              "4200")]  # fmt: skip
_WF_TOTAL = _unit_sum(_WF_ITEMS)
_WF_DEPOSIT = Decimal("300000")


def wf_facture() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Artisanat Uvea Fenua SARL", size=12, bold=True)
    _block(s, 15, 16, ["Route de Liku, Mata-Utu, 98600 Wallis-et-Futuna",
                       "RCS Mata-Utu 2019 B 0458"], size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURE", size=14, bold=True)
    s.pairs(116, 20, [("Facture n° :", "AUF-26-0087"), ("Date :", "5 décembre 2026")], gap=26,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Client :", size=9, bold=True)
    _block(s, 15, 37, ["Boutique Océanienne SARL", "12 rue de Sébastopol, 98800 Nouméa",
                       "Nouvelle-Calédonie"], size=8)  # fmt: skip
    y = _table(s, 56, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. XPF", 129, 28, "R"),
                       ("Montant XPF", 159, 36, "R")],
               _cells(_WF_ITEMS, _spaced))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total net", f"{_spaced(_WF_TOTAL)} XPF"),
                                 ("Acompte versé", f"{_spaced(_WF_DEPOSIT)} XPF"),
                                 ("Net à payer", f"{_spaced(_WF_TOTAL - _WF_DEPOSIT)} XPF")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


# (session 33) a total printed as net is EN 16931's BT-109 with no tax line too (docs/documents.md)
WF_FACTURE_TRUTH = _truth(
    invoice_number="AUF-26-0087", type_code="380", issue_date="2026-12-05", currency="XPF",
    seller_name="Artisanat Uvea Fenua SARL", seller_country="WF",
    buyer_name="Boutique Océanienne SARL", buyer_country="NC",
    tax_exclusive_total=_plain(_WF_TOTAL), grand_total=_plain(_WF_TOTAL),
    due_payable=_plain(_WF_TOTAL - _WF_DEPOSIT),
    line_items=_unit_lines(_WF_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- Cornwall: tin ingots by the kilogram, US dollars, VAT 0 %, a GB VAT number -----------------

_TN_ITEMS: list[UnitItem] = [("Tin Ingots 99.9%, 25 kg ingot", "5000", "kg", "31.40"),
                             ("Tin-lead solder bar 60/40", "800", "kg", "24.80")]  # fmt: skip
_TN_NET = _unit_sum(_TN_ITEMS)


def tn_invoice() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Kernow Tin Refiners Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Wheal Agar Works, Redruth, Cornwall TR15 3RQ, United Kingdom",
                       "VAT No: GB 245 8712 45"], size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice No:", "KTR-26-0219"), ("Date:", "30 November 2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Buyer:", size=9, bold=True)
    _block(s, 15, 37, ["Rotterdam Metals Trading B.V.", "Waalhaven O.z. 45, 3087 BM Rotterdam",
                       "Netherlands"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Price USD", 129, 28, "R"),
                       ("Amount USD", 159, 36, "R")],
               _cells(_TN_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Net", f"USD {_group(_TN_NET)}"), ("VAT 0%", "USD 0.00"),
                                 ("Total", f"USD {_group(_TN_NET)}")], width=40,
            size=8.5)  # fmt: skip
    return s.output()


TN_INVOICE_TRUTH = _truth(
    invoice_number="KTR-26-0219", type_code="380", issue_date="2026-11-30", currency="USD",
    seller_name="Kernow Tin Refiners Ltd", seller_vat_id="GB245871245", seller_country="GB",
    buyer_name="Rotterdam Metals Trading B.V.", buyer_country="NL",
    tax_exclusive_total=_plain(_TN_NET), tax_total="0.00", grand_total=_plain(_TN_NET),
    due_payable=_plain(_TN_NET),
    line_items=_unit_lines(_TN_ITEMS, {"kg": "KGM"}),
)  # fmt: skip


# -- Tuvalu: Australian dollars ('A$'), no tax, no tax id, a buyer in Fiji ------------------------

_TV_ITEMS: list[UnitItem] = [("Pandanus woven mat, 2 x 1 m", "60", "pcs", "85.00"),
                             ("Dried breadfruit chips, 500 g", "400", "pcs", "6.50")]  # fmt: skip
_TV_TOTAL = _unit_sum(_TV_ITEMS)


def tv_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Funafuti Island Crafts Co-operative", size=12, bold=True)
    _block(s, 15, 16, ["Vaiaku, Fongafale, Funafuti, Tuvalu"], size=7.5)
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice No:", "FIC-118"), ("Date:", "6 Dec 2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 30, "Sold To:", size=9, bold=True)
    _block(s, 15, 35, ["Suva Pacific Handicrafts Pte Ltd", "Victoria Parade, Suva", "Fiji"],
           size=8)  # fmt: skip
    y = _table(s, 54, _COLS, _cells(_TV_ITEMS, lambda v: f"A${_group(v)}"))
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total", f"A${_group(_TV_TOTAL)}")], width=40, size=9)
    return s.output()


TV_INVOICE_TRUTH = _truth(
    invoice_number="FIC-118", type_code="380", issue_date="2026-12-06", currency="AUD",
    seller_name="Funafuti Island Crafts Co-operative", seller_country="TV",
    buyer_name="Suva Pacific Handicrafts Pte Ltd", buyer_country="FJ",
    grand_total=_plain(_TV_TOTAL), due_payable=_plain(_TV_TOTAL),
    line_items=_unit_lines(_TV_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


BATCH38: list[Layout] = [
    Layout("gt-factura", gt_factura, GT_FACTURA_TRUTH),
    Layout("ie-invoice-gi", ie_invoice, IE_INVOICE_TRUTH),
    Layout("sc-invoice-fk", sc_invoice, SC_INVOICE_TRUTH),
    Layout("bq-factuur", bq_factuur, BQ_FACTUUR_TRUTH),
    Layout("ms-invoice", ms_invoice, MS_INVOICE_TRUTH),
    Layout("ic-factura", ic_factura, IC_FACTURA_TRUTH),
    Layout("wf-facture", wf_facture, WF_FACTURE_TRUTH),
    Layout("tn-invoice", tn_invoice, TN_INVOICE_TRUTH),
    Layout("tv-invoice", tv_invoice, TV_INVOICE_TRUTH),
]


def write_batch38(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH38)
