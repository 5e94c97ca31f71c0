"""A thirty-sixth batch of hand-written invoices (session 31, reviewi16), written before
invoices27's diff was read: nine layouts out of sample, from sellers in places no batch 1-35 has
(Benin, the Bahamas, the Cayman Islands, Jersey, French Polynesia, Saint Lucia, Puerto Rico,
Equatorial Guinea, the Cook Islands).

The layouts: a Beninese facture in CFA francs (``FCFA`` after the figure, a dot between
thousands, no decimals: ``47.500`` is forty-seven thousand five hundred), TVA 18 %, an IFU beside
an RCCM, ``Cotonou, le 03/12/2026``, a buyer in Niger; a Bahamian invoice in Bahamian dollars
(``B$`` before the figure, ``BSD`` in the headers), VAT zero-rated for export (a 0.00 line), a
TIN beside a business licence, ``December 4, 2026``, a buyer in the United States; a Caymanian
invoice in Cayman dollars (``CI$`` before the figure), no tax and no tax id (a trade and
business licence only), ``04 Dec 2026`` in boxes, a buyer in Jamaica; a Jersey invoice in
pounds (``£`` before the figure), GST 5 %, a GST registration number, ``03/12/2026``, a buyer
in France; a French Polynesian facture in CFP francs (``F CFP`` after the figure, a space between
thousands, no decimals), TVA 16 %, a ``N° TAHITI`` beside an RCS, ``05/12/2026``, a buyer in New
Caledonia; a Saint Lucian invoice in East Caribbean dollars (``EC$`` before the figure, ``XCD``
in the headers), VAT 12.5 %, a VAT number, ``5/12/2026``, a buyer in Barbados; a Puerto Rican
factura in US dollars (``$``), IVU 11.5 %, a ``Registro de Comerciante`` number,
``4 de diciembre de 2026``, a buyer in the Dominican Republic; an Equatorial Guinean factura in
CFA francs (``FCFA`` after the figure, a dot between thousands, no decimals: a price of
``1.450`` is a thousand four hundred and fifty francs), IVA 15 %, a NIF, ``Malabo, 2 de
diciembre de 2026``, a buyer in Gabon; a Cook Islands tax invoice in New Zealand dollars (``$``
before the figure, ``NZD`` in the headers), VAT 15 %, a VAT number, ``3/12/2026``, a buyer in
New Zealand.

Ground truth as in the earlier batches (layouts_batch31.py's docstring): what a customs officer
reads on the page, written before any reading. Choices: the seller's tax id without spaces or
punctuation (IFU, TIN, GST Reg. No., N° TAHITI, VAT No., Registro de Comerciante, NIF; not a
company register's or a licence: RCCM, Business Licence, Trade and Business Licence, RCS are not
tax ids: the Cayman seller has none); the seller's country the territory's own ISO 3166-1 code
(JE, PF, PR, KY, CK), not the state's it belongs to or shares a currency with; a zero-rated tax
line printed as 0.00 is a tax total of 0.00; units as UN/ECE codes (kg: KGM; ctn: XCT; lb:
LBR; set: SET; ea: H87; pcs: H87; u: H87; btl: XBO; case: XCS).
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


def _dotted(value: Decimal) -> str:
    """1.234.567: a dot between thousands, no decimals (CFA francs in Benin, Equatorial
    Guinea)."""
    return f"{int(value):,}".replace(",", ".")


def _spaced(value: Decimal) -> str:
    """1 234 567: a space between thousands, no decimals (CFP francs)."""
    return f"{int(value):,}".replace(",", " ")


# -- Benin: 'FCFA' after the figure, dots between thousands, TVA 18 %, IFU beside RCCM ---------

_BJ_ITEMS: list[UnitItem] = [("Noix de cajou brutes, récolte 2026", "24000", "kg", "520"),
                             ("Beurre de karité, carton 25 kg", "300", "ctn",
                              "47500")]  # fmt: skip
_BJ_NET = _unit_sum(_BJ_ITEMS)
_BJ_TAX = (_BJ_NET * Decimal("0.18")).quantize(Decimal("1"))


def bj_facture() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Société Béninoise d'Export Agricole SARL", size=12, bold=True)
    _block(s, 15, 16, ["Lot 1245, Quartier Ganhi, 01 BP 2587 Cotonou, Bénin",
                       "IFU : 3201912345678   RCCM : RB/COT/19 B 24587"], size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURE", size=14, bold=True)
    s.pairs(112, 22, [("Facture N° :", "SBEA-2026-0318"), ("Date :", "Cotonou, le 03/12/2026")],
            gap=22, step=4.6)  # fmt: skip
    s.text(15, 34, "Client :", size=9, bold=True)
    _block(s, 15, 39, ["Sahel Distribution SA", "Avenue de la Mairie, BP 11245, Niamey",
                       "Niger"], size=8)  # fmt: skip
    y = _table(s, 58, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. (FCFA)", 129, 28, "R"),
                       ("Montant (FCFA)", 159, 36, "R")],
               _cells(_BJ_ITEMS, _dotted))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total HT", f"{_dotted(_BJ_NET)} FCFA"),
                                 ("TVA 18 %", f"{_dotted(_BJ_TAX)} FCFA"),
                                 ("Total TTC", f"{_dotted(_BJ_NET + _BJ_TAX)} FCFA")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


BJ_FACTURE_TRUTH = _truth(
    invoice_number="SBEA-2026-0318", type_code="380", issue_date="2026-12-03", currency="XOF",
    seller_name="Société Béninoise d'Export Agricole SARL", seller_vat_id="3201912345678",
    seller_country="BJ", buyer_name="Sahel Distribution SA", buyer_country="NE",
    tax_exclusive_total=_plain(_BJ_NET), tax_total=_plain(_BJ_TAX),
    grand_total=_plain(_BJ_NET + _BJ_TAX), due_payable=_plain(_BJ_NET + _BJ_TAX),
    line_items=_unit_lines(_BJ_ITEMS, {"kg": "KGM", "ctn": "XCT"}),
)  # fmt: skip


# -- Bahamas: 'B$' before the figure, 'BSD' in headers, VAT zero-rated, TIN beside a licence ----

_BS_ITEMS: list[UnitItem] = [("Queen conch meat, cleaned, frozen", "4000", "lb", "9.75"),
                             ("Spiny lobster tails, frozen, 8-10 oz", "2500", "lb",
                              "28.40")]  # fmt: skip
_BS_NET = _unit_sum(_BS_ITEMS)


def bs_invoice() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Abaco Seafood Exporters Ltd.", size=12, bold=True)
    _block(s, 15, 16, ["Bay Street, P.O. Box AB-20458, Marsh Harbour, Abaco, The Bahamas",
                       "TIN: 100458712   Business Licence No.: 2026-045871"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice No.:", "ASE-11872"), ("Date:", "December 4, 2026"),
                      ("Terms:", "Net 15")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 34, "Sold To:", size=9, bold=True)
    _block(s, 15, 39, ["Biscayne Bay Seafood Inc.", "2450 NW 14th Street, Miami, FL 33142",
                       "USA"], size=8)  # fmt: skip
    y = _table(s, 58, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price\n(BSD)", 129, 28, "R"),
                       ("Amount\n(BSD)", 159, 36, "R")],
               _cells(_BS_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 95, 155, y + 3, [("Subtotal", f"B${_group(_BS_NET)}"),
                                ("VAT 0% (zero-rated export)", f"B${_group(Decimal(0))}"),
                                ("Total Due", f"B${_group(_BS_NET)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


BS_INVOICE_TRUTH = _truth(
    invoice_number="ASE-11872", type_code="380", issue_date="2026-12-04", currency="BSD",
    seller_name="Abaco Seafood Exporters Ltd.", seller_vat_id="100458712",
    seller_country="BS", buyer_name="Biscayne Bay Seafood Inc.", buyer_country="US",
    tax_exclusive_total=_plain(_BS_NET), tax_total="0.00",
    grand_total=_plain(_BS_NET), due_payable=_plain(_BS_NET),
    line_items=_unit_lines(_BS_ITEMS, {"lb": "LBR"}),
)  # fmt: skip


# -- Cayman Islands: 'CI$' before the figure, no tax, no tax id, boxes, '04 Dec 2026' ---------

_KY_ITEMS: list[UnitItem] = [("Marine diesel filter kit, 6-cylinder", "40", "set", "185.00"),
                             ("Stainless steel propeller, 3-blade, 17 in", "6", "ea",
                              "1240.00")]  # fmt: skip
_KY_TOTAL = _unit_sum(_KY_ITEMS)


def ky_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Seven Mile Marine Ltd.", size=12, bold=True)
    _block(s, 15, 16, ["45 Shedden Road, George Town, Grand Cayman KY1-1104, Cayman Islands",
                       "Trade & Business Licence No. 123458"], size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.boxes(105, 22, [("Invoice No", "SMM-26-0412"), ("Date", "04 Dec 2026"),
                      ("Customer ID", "KJM-07")], width=30)  # fmt: skip
    s.text(15, 36, "Bill To:", size=9, bold=True)
    _block(s, 15, 41, ["Kingston Yacht Services Ltd", "12 Port Royal Street, Kingston",
                       "Jamaica"], size=8)  # fmt: skip
    y = _table(s, 60, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price", 129, 28, "R"),
                       ("Amount", 159, 36, "R")],
               _cells(_KY_ITEMS, lambda v: f"CI${_group(v)}"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total (KYD)", f"CI${_group(_KY_TOTAL)}")], width=40,
                size=9)  # fmt: skip
    _block(s, 15, y + 5, ["No sales tax or VAT is charged in the Cayman Islands."], size=7.5)
    return s.output()


KY_INVOICE_TRUTH = _truth(
    invoice_number="SMM-26-0412", type_code="380", issue_date="2026-12-04", currency="KYD",
    seller_name="Seven Mile Marine Ltd.", seller_country="KY",
    buyer_name="Kingston Yacht Services Ltd", buyer_country="JM",
    grand_total=_plain(_KY_TOTAL), due_payable=_plain(_KY_TOTAL),
    line_items=_unit_lines(_KY_ITEMS, {"set": "SET", "ea": "H87"}),
)  # fmt: skip


# -- Jersey: '£' before the figure, GST 5 %, GST Reg. No., a buyer in France -----------------

_JE_ITEMS: list[UnitItem] = [("Jersey Royal new potatoes, washed", "12000", "kg", "1.85"),
                             ("Jersey butter, salted, 250 g", "4800", "pcs", "2.65")]  # fmt: skip
_JE_NET = _unit_sum(_JE_ITEMS)
_JE_TAX = _round(_JE_NET * Decimal("0.05"))


def je_invoice() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Island Farm Produce Limited", size=12, bold=True)
    _block(s, 15, 16, ["La Rue de la Ferme, St Helier, Jersey JE2 4QA, Channel Islands",
                       "GST Reg. No. 0045871   Company Reg. No. 112458"], size=7.5)  # fmt: skip
    s.text(150, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(122, 20, [("Invoice No.:", "IFP-7734"), ("Invoice Date:", "03/12/2026"),
                      ("Account:", "NORM-02")], gap=28, step=4.6)  # fmt: skip
    s.text(15, 34, "Invoice To:", size=9, bold=True)
    _block(s, 15, 39, ["Primeurs de Normandie SAS", "14 Quai de la Gare, 50100 Cherbourg",
                       "France"], size=8)  # fmt: skip
    y = _table(s, 58, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price", 129, 28, "R"),
                       ("Amount", 159, 36, "R")],
               _cells(_JE_ITEMS, lambda v: f"£{_group(v)}"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Net", f"£{_group(_JE_NET)}"),
                                 ("GST @ 5%", f"£{_group(_JE_TAX)}"),
                                 ("Invoice Total", f"£{_group(_JE_NET + _JE_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


JE_INVOICE_TRUTH = _truth(
    invoice_number="IFP-7734", type_code="380", issue_date="2026-12-03", currency="GBP",
    seller_name="Island Farm Produce Limited", seller_vat_id="0045871",
    seller_country="JE", buyer_name="Primeurs de Normandie SAS", buyer_country="FR",
    tax_exclusive_total=_plain(_JE_NET), tax_total=_plain(_JE_TAX),
    grand_total=_plain(_JE_NET + _JE_TAX), due_payable=_plain(_JE_NET + _JE_TAX),
    line_items=_unit_lines(_JE_ITEMS, {"kg": "KGM", "pcs": "H87"}),
)  # fmt: skip


# -- French Polynesia: 'F CFP' after the figure, spaces between thousands, TVA 16 %, N° TAHITI -

_PF_ITEMS: list[UnitItem] = [("Monoï de Tahiti AO, flacon 125 ml", "2400", "u", "850"),
                             ("Vanille de Tahiti, gousses gourmet", "35", "kg",
                              "58000")]  # fmt: skip
_PF_NET = _unit_sum(_PF_ITEMS)
_PF_TAX = (_PF_NET * Decimal("0.16")).quantize(Decimal("1"))


def pf_facture() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Vanille & Monoï de Polynésie SARL", size=12, bold=True)
    _block(s, 15, 16, ["Rue du Général de Gaulle, BP 4587, 98713 Papeete, Tahiti",
                       "Polynésie française",
                       "N° TAHITI : D45871   RCS Papeete 12 458 B"], size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURE", size=14, bold=True)
    s.pairs(118, 22, [("N° facture :", "VMP-26-1187"), ("Date :", "05/12/2026")], gap=26,
            step=4.6)  # fmt: skip
    s.text(15, 36, "Facturé à :", size=9, bold=True)
    _block(s, 15, 41, ["Épicerie Fine du Caillou SARL", "12 rue de Sébastopol, 98800 Nouméa",
                       "Nouvelle-Calédonie"], size=8)  # fmt: skip
    y = _table(s, 60, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("Prix unitaire", 129, 28, "R"),
                       ("Montant", 159, 36, "R")],
               _cells(_PF_ITEMS, lambda v: f"{_spaced(v)} F CFP"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total HT", f"{_spaced(_PF_NET)} F CFP"),
                                 ("TVA 16 %", f"{_spaced(_PF_TAX)} F CFP"),
                                 ("Total TTC", f"{_spaced(_PF_NET + _PF_TAX)} F CFP")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


PF_FACTURE_TRUTH = _truth(
    invoice_number="VMP-26-1187", type_code="380", issue_date="2026-12-05", currency="XPF",
    seller_name="Vanille & Monoï de Polynésie SARL", seller_vat_id="D45871",
    seller_country="PF", buyer_name="Épicerie Fine du Caillou SARL", buyer_country="NC",
    tax_exclusive_total=_plain(_PF_NET), tax_total=_plain(_PF_TAX),
    grand_total=_plain(_PF_NET + _PF_TAX), due_payable=_plain(_PF_NET + _PF_TAX),
    line_items=_unit_lines(_PF_ITEMS, {"u": "H87", "kg": "KGM"}),
)  # fmt: skip


# -- Saint Lucia: 'EC$' before the figure, 'XCD' in headers, VAT 12.5 %, VAT No. ---------------

_LC_ITEMS: list[UnitItem] = [("Pure cocoa sticks, 100 g", "3000", "pcs", "6.50"),
                             ("Hot pepper sauce, 150 ml", "2400", "btl", "8.75")]  # fmt: skip
_LC_NET = _unit_sum(_LC_ITEMS)
_LC_TAX = _round(_LC_NET * Decimal("0.125"))


def lc_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Soufrière Estate Foods Inc.", size=12, bold=True)
    _block(s, 15, 16, ["Bridge Street, Soufrière, Saint Lucia, W.I.",
                       "VAT No. 1012458   Tel: (758) 459-4587"], size=7.5)  # fmt: skip
    s.text(150, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(122, 20, [("Invoice #:", "SEF-2026-211"), ("Date:", "5/12/2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Customer:", size=9, bold=True)
    _block(s, 15, 37, ["Bridgetown Gourmet Ltd.", "Broad Street, Bridgetown, St. Michael",
                       "Barbados"], size=8)  # fmt: skip
    y = _table(s, 56, [("Item", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Price XCD", 129, 28, "R"),
                       ("Amount XCD", 159, 36, "R")],
               _cells(_LC_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Sub Total", f"EC${_group(_LC_NET)}"),
                                 ("VAT 12.5%", f"EC${_group(_LC_TAX)}"),
                                 ("TOTAL", f"EC${_group(_LC_NET + _LC_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


LC_INVOICE_TRUTH = _truth(
    invoice_number="SEF-2026-211", type_code="380", issue_date="2026-12-05", currency="XCD",
    seller_name="Soufrière Estate Foods Inc.", seller_vat_id="1012458",
    seller_country="LC", buyer_name="Bridgetown Gourmet Ltd.", buyer_country="BB",
    tax_exclusive_total=_plain(_LC_NET), tax_total=_plain(_LC_TAX),
    grand_total=_plain(_LC_NET + _LC_TAX), due_payable=_plain(_LC_NET + _LC_TAX),
    line_items=_unit_lines(_LC_ITEMS, {"pcs": "H87", "btl": "XBO"}),
)  # fmt: skip


# -- Puerto Rico: Spanish, '$', IVU 11.5 %, Registro de Comerciante, a Dominican buyer ----------

_PR_ITEMS: list[UnitItem] = [("Ron añejo, caja 12 x 750 ml", "200", "case", "156.00"),
                             ("Café molido puertorriqueño, 14 oz", "1500", "u",
                              "7.20")]  # fmt: skip
_PR_NET = _unit_sum(_PR_ITEMS)
_PR_TAX = _round(_PR_NET * Decimal("0.115"))


def pr_factura() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Distribuidora Borinquen, LLC", size=12, bold=True)
    _block(s, 15, 16, ["Calle Comercio 254, San Juan, PR 00901, Puerto Rico",
                       "Registro de Comerciante: 1234567-0018   Tel. (787) 725-4587"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURA", size=14, bold=True)
    s.pairs(112, 22, [("Factura Núm.:", "DB-004587"), ("Fecha:", "4 de diciembre de 2026")],
            gap=28, step=4.6)  # fmt: skip
    s.text(15, 36, "Facturar a:", size=9, bold=True)
    _block(s, 15, 41, ["Importadora del Caribe, S.R.L.", "Av. Winston Churchill 1099, Santo "
                       "Domingo", "República Dominicana"], size=8)  # fmt: skip
    y = _table(s, 60, [("Descripción", 15, 82, "L"), ("Unidad", 99, 14, "L"),
                       ("Cant.", 115, 12, "R"), ("Precio", 129, 28, "R"),
                       ("Total", 159, 36, "R")],
               _cells(_PR_ITEMS, lambda v: f"${_group(v)}"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal", f"${_group(_PR_NET)}"),
                                 ("IVU 11.5%", f"${_group(_PR_TAX)}"),
                                 ("Total a pagar", f"${_group(_PR_NET + _PR_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


PR_FACTURA_TRUTH = _truth(
    invoice_number="DB-004587", type_code="380", issue_date="2026-12-04", currency="USD",
    seller_name="Distribuidora Borinquen, LLC", seller_vat_id="12345670018",
    seller_country="PR", buyer_name="Importadora del Caribe, S.R.L.", buyer_country="DO",
    tax_exclusive_total=_plain(_PR_NET), tax_total=_plain(_PR_TAX),
    grand_total=_plain(_PR_NET + _PR_TAX), due_payable=_plain(_PR_NET + _PR_TAX),
    line_items=_unit_lines(_PR_ITEMS, {"case": "XCS", "u": "H87"}),
)  # fmt: skip


# -- Equatorial Guinea: Spanish, 'FCFA' after the figure, dots between thousands, IVA 15 %, NIF -

_GQ_ITEMS: list[UnitItem] = [("Cacao en grano, Bioko, fermentado", "18000", "kg", "1450"),
                             ("Café robusta en grano, Río Muni", "6000", "kg", "1200")]  # fmt: skip
_GQ_NET = _unit_sum(_GQ_ITEMS)
_GQ_TAX = (_GQ_NET * Decimal("0.15")).quantize(Decimal("1"))


def gq_factura() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Compañía Agrícola de Bioko, S.A.", size=12, bold=True)
    _block(s, 15, 16, ["Calle de Argelia 12, Apartado 458, Malabo, Guinea Ecuatorial",
                       "NIF: 0458712-K   Tel.: +240 333 09 45 87"], size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURA", size=14, bold=True)
    s.pairs(108, 22, [("Factura N.º:", "CAB/2026/0091"),
                      ("Fecha:", "Malabo, 2 de diciembre de 2026")], gap=22,
            step=4.6)  # fmt: skip
    s.text(15, 36, "Cliente:", size=9, bold=True)
    _block(s, 15, 41, ["Libreville Négoce Café-Cacao SA", "Boulevard Triomphal, BP 1245, "
                       "Libreville", "Gabón"], size=8)  # fmt: skip
    y = _table(s, 60, [("Descripción", 15, 82, "L"), ("Unidad", 99, 14, "L"),
                       ("Cantidad", 115, 14, "R"), ("Precio unit.", 131, 26, "R"),
                       ("Importe", 159, 36, "R")],
               _cells(_GQ_ITEMS, _dotted))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Base imponible", f"{_dotted(_GQ_NET)} FCFA"),
                                 ("IVA 15 %", f"{_dotted(_GQ_TAX)} FCFA"),
                                 ("Total factura", f"{_dotted(_GQ_NET + _GQ_TAX)} FCFA")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


GQ_FACTURA_TRUTH = _truth(
    invoice_number="CAB/2026/0091", type_code="380", issue_date="2026-12-02", currency="XAF",
    seller_name="Compañía Agrícola de Bioko, S.A.", seller_vat_id="0458712K",
    seller_country="GQ", buyer_name="Libreville Négoce Café-Cacao SA", buyer_country="GA",
    tax_exclusive_total=_plain(_GQ_NET), tax_total=_plain(_GQ_TAX),
    grand_total=_plain(_GQ_NET + _GQ_TAX), due_payable=_plain(_GQ_NET + _GQ_TAX),
    line_items=_unit_lines(_GQ_ITEMS, {"kg": "KGM"}),
)  # fmt: skip


# -- Cook Islands: '$' before the figure, 'NZD' in headers, VAT 15 %, VAT Reg. No. -------------

_CK_ITEMS: list[UnitItem] = [("Black pearls, round, 9-10 mm", "150", "pcs", "185.00"),
                             ("Virgin coconut oil, 500 ml", "1200", "btl", "14.50")]  # fmt: skip
_CK_NET = _unit_sum(_CK_ITEMS)
_CK_TAX = _round(_CK_NET * Decimal("0.15"))


def ck_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Rarotonga Pearl & Coconut Co. Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Ara Tapu, Avarua, Rarotonga, Cook Islands",
                       "VAT Reg. No. 045871   Tel: +682 24 587"], size=7.5)  # fmt: skip
    s.text(150, 10, "TAX INVOICE", size=13, bold=True)
    s.boxes(105, 22, [("Invoice No", "RPC-0937"), ("Date", "3/12/2026"),
                      ("Terms", "30 days")], width=30)  # fmt: skip
    s.text(15, 36, "Deliver & Invoice To:", size=9, bold=True)
    _block(s, 15, 41, ["Ponsonby Island Traders Ltd", "88 Ponsonby Road, Auckland 1011",
                       "New Zealand"], size=8)  # fmt: skip
    y = _table(s, 60, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Price\n(NZD)", 129, 28, "R"),
                       ("Amount\n(NZD)", 159, 36, "R")],
               _cells(_CK_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total excl. VAT", f"${_group(_CK_NET)}"),
                                 ("VAT 15%", f"${_group(_CK_TAX)}"),
                                 ("Total incl. VAT", f"${_group(_CK_NET + _CK_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


CK_TAX_INVOICE_TRUTH = _truth(
    invoice_number="RPC-0937", type_code="380", issue_date="2026-12-03", currency="NZD",
    seller_name="Rarotonga Pearl & Coconut Co. Ltd", seller_vat_id="045871",
    seller_country="CK", buyer_name="Ponsonby Island Traders Ltd", buyer_country="NZ",
    tax_exclusive_total=_plain(_CK_NET), tax_total=_plain(_CK_TAX),
    grand_total=_plain(_CK_NET + _CK_TAX), due_payable=_plain(_CK_NET + _CK_TAX),
    line_items=_unit_lines(_CK_ITEMS, {"pcs": "H87", "btl": "XBO"}),
)  # fmt: skip


BATCH36: list[Layout] = [
    Layout("bj-facture", bj_facture, BJ_FACTURE_TRUTH),
    Layout("bs-invoice", bs_invoice, BS_INVOICE_TRUTH),
    Layout("ky-invoice", ky_invoice, KY_INVOICE_TRUTH),
    Layout("je-invoice", je_invoice, JE_INVOICE_TRUTH),
    Layout("pf-facture", pf_facture, PF_FACTURE_TRUTH),
    Layout("lc-invoice", lc_invoice, LC_INVOICE_TRUTH),
    Layout("pr-factura", pr_factura, PR_FACTURA_TRUTH),
    Layout("gq-factura", gq_factura, GQ_FACTURA_TRUTH),
    Layout("ck-tax-invoice", ck_tax_invoice, CK_TAX_INVOICE_TRUTH),
]


def write_batch36(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH36)
