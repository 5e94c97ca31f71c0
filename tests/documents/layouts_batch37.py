"""A thirty-seventh batch of hand-written invoices (session 32, invoices28), written and committed
before the reader's code was read: ten layouts out of sample, from sellers in places no batch 1-36
has (the Central African Republic, Yemen, the Isle of Man, Guernsey, Antigua and Barbuda,
Réunion, Sint Maarten, Cuba, the Falkland Islands, Saint Pierre and Miquelon).

The layouts: a Central African facture proforma in CFA francs (``FCFA`` after the figure, a space
between thousands, no decimals), TVA 19 %, a NIF beside an RCCM, ``Bangui, le 4 décembre 2026``,
a buyer in Cameroon; a Yemeni invoice in rials (``YER`` in the headers, ``YR`` before the totals,
no decimals), Sales Tax 5 %, a Tax Card No. beside a C.R. No., the parties in two columns side by
side (``Exporter`` left, ``Consignee`` right), ``06/12/2026``, a buyer in Saudi Arabia; a Manx
invoice in pounds (``£``), VAT 20 % with a ``GB`` VAT number, the invoice data and the totals in a
sidebar to the right of a narrow item table, ``04/12/2026``, a buyer in Ireland; a Guernsey
invoice in pounds (``£``), no tax and no tax id, ``3rd December 2026``, descriptions wrapping to
two lines, a buyer in England; an Antiguan invoice in East Caribbean dollars (``EC$``), ABST 17 %,
an ABST Reg. No. beside a TIN-less company number, ``Dec. 4, 2026``, a buyer in Saint Kitts and
Nevis; a Réunionese avoir (a credit note) in euros (``€`` after the figure, a space between
thousands, a decimal comma), TVA 8,5 %, a SIRET beside an ``N° TVA intracom.``,
``Saint-Denis, le 1er décembre 2026``, a buyer in Mauritius; a Sint Maarten factuur in Dutch in
Caribbean guilders (``XCG`` in the headers, ``Cg`` before the totals, a dot between thousands, a
decimal comma), omzetbelasting (TOT) 5 %, a CRIB-nummer, ``4 december 2026``, a buyer in Aruba;
a Cuban factura in Cuban pesos (``$`` before the figure, ``Moneda: CUP`` above the table), a NIT,
Impuesto sobre las ventas 10 %, ``04/12/2026``, a buyer in Mexico; a Falklands invoice in pounds
(``£`` before the figure, ``FKP`` in words under the totals), no tax, no tax id, ``4 December
2026``, a buyer in Uruguay; a Saint-Pierrais facture in euros (``€`` after the figure), no TVA
(the islands have none), a SIRET only, ``2 déc. 2026``, descriptions wrapping to two lines, a
buyer in Canada.

Ground truth as in the earlier batches (layouts_batch30.py's and layouts_batch36.py's
docstrings): what a customs officer reads on the page, written before any reading. Choices: a
credit note's amounts as printed (positive), type 381; a proforma's total is its amount due, type
325; a wrapped description is its two lines joined by a space; the seller's tax id without
spaces or punctuation (NIF, Tax Card No., VAT Reg. No., ABST Reg. No., N° TVA intracom.,
CRIB-nummer, NIT; not a register's or licence's number: RCCM, C.R. No., Company No., SIRET are
not tax ids: the Guernsey, Falklands and Saint-Pierre sellers have none); the seller's country the
territory's own ISO 3166-1 code (IM, GG, RE, SX, FK, PM); the currency the ISO 4217 code of what
the page says it is: the Manx and Guernsey pounds have none of their own (GBP), the Falklands
pound has (FKP), Sint Maarten's guilder since 2025 is XCG; units as UN/ECE codes (kg: KGM; bag:
XBG; pcs: H87; ea: H87; ctn: XCT; btl: XBO; bale: XBL; box: XBX; m: MTR; set: SET; l: LTR).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch20 import UnitItem, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_batch30 import _cells, _joined, _wrapped
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _group, _plain, _round


def _spaced(value: Decimal) -> str:
    """1 234 567: a space between thousands, no decimals (CFA francs)."""
    return f"{int(value):,}".replace(",", " ")


def _fr(value: Decimal) -> str:
    """1 234,56: a space between thousands, a decimal comma (euros in French)."""
    whole, _, frac = f"{value:.2f}".partition(".")
    return f"{int(whole):,}".replace(",", " ") + "," + frac


def _nl(value: Decimal) -> str:
    """1.234,56: a dot between thousands, a decimal comma."""
    return _group(value, "de")


def _whole(value: Decimal) -> str:
    """1,234,567: commas between thousands, no decimals (Yemeni rials)."""
    return f"{int(value):,}"


# -- Central African Republic: a facture proforma, 'FCFA' after the figure, TVA 19 %, NIF -------

_CF_ITEMS: list[UnitItem] = [("Café robusta vert, grade 2, sacs de 60 kg", "300", "bag", "84000"),
                             ("Gomme arabique, qualité Kordofan", "5000", "kg",
                              "1650")]  # fmt: skip
_CF_NET = _unit_sum(_CF_ITEMS)
_CF_TAX = (_CF_NET * Decimal("0.19")).quantize(Decimal("1"))


def cf_proforma() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Centrafrique Produits Tropicaux SARL", size=12, bold=True)
    _block(s, 15, 16, ["Avenue Barthélemy Boganda, BP 1458, Bangui",
                       "République Centrafricaine",
                       "NIF : 0458712 C   RCCM : CA/BG/2019 B 0874"], size=7.5)  # fmt: skip
    s.text(140, 10, "FACTURE PROFORMA", size=13, bold=True)
    s.pairs(108, 22, [("Proforma N° :", "CPT-PF-26-044"),
                      ("Date :", "Bangui, le 4 décembre 2026"),
                      ("Validité :", "30 jours")], gap=26, step=4.6)  # fmt: skip
    s.text(15, 38, "Client :", size=9, bold=True)
    _block(s, 15, 43, ["Douala Import-Export SA", "Rue Joss, BP 4587, Douala", "Cameroun"],
           size=8)  # fmt: skip
    y = _table(s, 62, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. FCFA", 129, 28, "R"),
                       ("Montant FCFA", 159, 36, "R")],
               _cells(_CF_ITEMS, _spaced))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total HT", f"{_spaced(_CF_NET)} FCFA"),
                                 ("TVA 19 %", f"{_spaced(_CF_TAX)} FCFA"),
                                 ("Net à payer", f"{_spaced(_CF_NET + _CF_TAX)} FCFA")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


CF_PROFORMA_TRUTH = _truth(
    invoice_number="CPT-PF-26-044", type_code="325", issue_date="2026-12-04", currency="XAF",
    seller_name="Centrafrique Produits Tropicaux SARL", seller_vat_id="0458712C",
    seller_country="CF", buyer_name="Douala Import-Export SA", buyer_country="CM",
    tax_exclusive_total=_plain(_CF_NET), tax_total=_plain(_CF_TAX),
    grand_total=_plain(_CF_NET + _CF_TAX), due_payable=_plain(_CF_NET + _CF_TAX),
    line_items=_unit_lines(_CF_ITEMS, {"bag": "XBG", "kg": "KGM"}),
)  # fmt: skip


# -- Yemen: rials without decimals, Sales Tax 5 %, Tax Card No., the parties side by side -------

_YE_ITEMS: list[UnitItem] = [("Yemeni Mocha coffee, green beans, Haraz", "1200", "kg", "18500"),
                             ("Sidr honey, Do'an valley, 500 g jar", "400", "pcs",
                              "32000")]  # fmt: skip
_YE_NET = _unit_sum(_YE_ITEMS)
_YE_TAX = (_YE_NET * Decimal("0.05")).quantize(Decimal("1"))


def ye_invoice() -> bytes:
    s = Sheet2("Cond")
    s.text(80, 10, "COMMERCIAL INVOICE", size=14, bold=True)
    s.pairs(15, 20, [("Invoice No.:", "HCH/2026/0312"), ("Date:", "06/12/2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Exporter", size=9, bold=True)
    s.text(110, 32, "Consignee", size=9, bold=True)
    _block(s, 15, 37, ["Haraz Coffee & Honey Trading Co.", "Hadda Street, P.O. Box 15872, "
                       "Sana'a", "Republic of Yemen",
                       "Tax Card No.: 1045871   C.R. No.: 58712"], size=8)  # fmt: skip
    _block(s, 110, 37, ["Al Noor Specialty Foods Est.", "King Fahd Road, Al Olaya, Riyadh "
                        "12214", "Kingdom of Saudi Arabia"], size=8)  # fmt: skip
    y = _table(s, 60, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price (YER)", 129, 28, "R"),
                       ("Amount (YER)", 159, 36, "R")],
               _cells(_YE_ITEMS, _whole))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal", f"YR {_whole(_YE_NET)}"),
                                 ("Sales Tax 5%", f"YR {_whole(_YE_TAX)}"),
                                 ("Total Amount", f"YR {_whole(_YE_NET + _YE_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


YE_INVOICE_TRUTH = _truth(
    invoice_number="HCH/2026/0312", type_code="380", issue_date="2026-12-06", currency="YER",
    seller_name="Haraz Coffee & Honey Trading Co.", seller_vat_id="1045871",
    seller_country="YE", buyer_name="Al Noor Specialty Foods Est.", buyer_country="SA",
    tax_exclusive_total=_plain(_YE_NET), tax_total=_plain(_YE_TAX),
    grand_total=_plain(_YE_NET + _YE_TAX), due_payable=_plain(_YE_NET + _YE_TAX),
    line_items=_unit_lines(_YE_ITEMS, {"kg": "KGM", "pcs": "H87"}),
)  # fmt: skip


# -- Isle of Man: '£', VAT 20 %, a GB VAT number, invoice data and totals in a right sidebar ----

_IM_ITEMS: list[UnitItem] = [("Manx kippers, oak smoked, 1 kg", "600", "ctn", "14.80"),
                             ("Queenie scallops, frozen", "450", "kg", "22.50")]  # fmt: skip
_IM_NET = _unit_sum(_IM_ITEMS)
_IM_TAX = _round(_IM_NET * Decimal("0.20"))


def im_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Ramsey Bay Seafoods Limited", size=12, bold=True)
    _block(s, 15, 16, ["The Quay, Ramsey, Isle of Man IM8 1BG",
                       "VAT Reg. No. GB 001 2458 71   Company No. 004587C"],
           size=7.5)  # fmt: skip
    s.text(15, 30, "Invoice to:", size=9, bold=True)
    _block(s, 15, 35, ["Dublin Bay Fish Merchants Ltd", "Unit 3, Howth Harbour, Howth, "
                       "Co. Dublin D13 E2X5", "Ireland"], size=8)  # fmt: skip
    s.pdf.rect(140, 8, 55, 70)
    s.text(143, 11, "INVOICE", size=13, bold=True)
    _block(s, 143, 20, ["Invoice No.", "RBS-26-1187", "Date", "04/12/2026"], size=8,
           step=4.2)  # fmt: skip
    s.pdf.line(140, 38, 195, 38)
    _totals(s, 143, 160, 42, [("Net", f"£{_group(_IM_NET)}"),
                              ("VAT 20%", f"£{_group(_IM_TAX)}"),
                              ("Total", f"£{_group(_IM_NET + _IM_TAX)}")],
            width=33, size=8.5)  # fmt: skip
    y = _table(s, 58, [("Description", 15, 58, "L"), ("Unit", 74, 10, "L"),
                       ("Qty", 85, 10, "R"), ("Price", 96, 16, "R"),
                       ("Amount", 113, 24, "R")],
               _cells(_IM_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 137, y)
    return s.output()


IM_INVOICE_TRUTH = _truth(
    invoice_number="RBS-26-1187", type_code="380", issue_date="2026-12-04", currency="GBP",
    seller_name="Ramsey Bay Seafoods Limited", seller_vat_id="GB001245871",
    seller_country="IM", buyer_name="Dublin Bay Fish Merchants Ltd", buyer_country="IE",
    tax_exclusive_total=_plain(_IM_NET), tax_total=_plain(_IM_TAX),
    grand_total=_plain(_IM_NET + _IM_TAX), due_payable=_plain(_IM_NET + _IM_TAX),
    line_items=_unit_lines(_IM_ITEMS, {"ctn": "XCT", "kg": "KGM"}),
)  # fmt: skip


# -- Guernsey: '£', no tax, no tax id, '3rd December 2026', descriptions wrapping ---------------

_GG_ITEMS: list[UnitItem] = [("Guernsey gansey, hand-finished, navy,\nsizes 38-46 assorted",
                              "120", "pcs", "96.00"),
                             ("Guernsey dairy fudge, gift box 250 g,\nclotted cream",
                              "800", "box", "5.40")]  # fmt: skip
_GG_TOTAL = _unit_sum(_GG_ITEMS)


def gg_invoice() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Sarnia Island Crafts Limited", size=12, bold=True)
    _block(s, 15, 16, ["Les Banques, St Peter Port, Guernsey GY1 2HZ",
                       "Registered in Guernsey No. 45871"], size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice No:", "SIC-2026-0457"), ("Date:", "3rd December 2026"),
                      ("Your Order:", "PO-88412")], gap=26, step=4.6)  # fmt: skip
    s.text(15, 32, "Customer:", size=9, bold=True)
    _block(s, 15, 37, ["Cornish Coast Gifts Ltd", "14 Harbour Street, Penzance TR18 4AF",
                       "England"], size=8)  # fmt: skip
    y = _wrapped(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                         ("Qty", 115, 12, "R"), ("Unit Price", 129, 28, "R"),
                         ("Amount", 159, 36, "R")],
                 _GG_ITEMS, lambda v: f"£{_group(v)}", numbered=False)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Amount Due", f"£{_group(_GG_TOTAL)}")], width=40,
                size=9)  # fmt: skip
    _block(s, 15, y + 5, ["No GST or VAT is charged in Guernsey."], size=7.5)
    return s.output()


GG_INVOICE_TRUTH = _truth(
    invoice_number="SIC-2026-0457", type_code="380", issue_date="2026-12-03", currency="GBP",
    seller_name="Sarnia Island Crafts Limited", seller_country="GG",
    buyer_name="Cornish Coast Gifts Ltd", buyer_country="GB",
    grand_total=_plain(_GG_TOTAL), due_payable=_plain(_GG_TOTAL),
    line_items=_unit_lines(_joined(_GG_ITEMS), {"pcs": "H87", "box": "XBX"}),
)  # fmt: skip


# -- Antigua and Barbuda: 'EC$', ABST 17 %, ABST Reg. No., 'Dec. 4, 2026' ---------------------

_AG_ITEMS: list[UnitItem] = [("English Harbour rum, 5 year, 750 ml", "480", "btl", "42.00"),
                             ("Antigua black pineapple jam, 300 g", "600", "pcs",
                              "11.25")]  # fmt: skip
_AG_NET = _unit_sum(_AG_ITEMS)
_AG_TAX = _round(_AG_NET * Decimal("0.17"))


def ag_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Wadadli Island Provisions Ltd.", size=12, bold=True)
    _block(s, 15, 16, ["Redcliffe Quay, P.O. Box 1458, St. John's, Antigua",
                       "ABST Reg. No.: 0458712   Co. No.: C-2458"], size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice #:", "WIP-20871"), ("Date:", "Dec. 4, 2026"),
                      ("Due:", "Jan. 3, 2027")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 32, "Bill To:", size=9, bold=True)
    _block(s, 15, 37, ["Basseterre Trading Co. Ltd.", "Fort Street, Basseterre, St. Kitts",
                       "St. Kitts & Nevis"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Price EC$", 129, 28, "R"),
                       ("Amount EC$", 159, 36, "R")],
               _cells(_AG_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal", f"EC$ {_group(_AG_NET)}"),
                                 ("ABST 17%", f"EC$ {_group(_AG_TAX)}"),
                                 ("Balance Due", f"EC$ {_group(_AG_NET + _AG_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


AG_INVOICE_TRUTH = _truth(
    invoice_number="WIP-20871", type_code="380", issue_date="2026-12-04", currency="XCD",
    seller_name="Wadadli Island Provisions Ltd.", seller_vat_id="0458712",
    seller_country="AG", buyer_name="Basseterre Trading Co. Ltd.", buyer_country="KN",
    tax_exclusive_total=_plain(_AG_NET), tax_total=_plain(_AG_TAX),
    grand_total=_plain(_AG_NET + _AG_TAX), due_payable=_plain(_AG_NET + _AG_TAX),
    line_items=_unit_lines(_AG_ITEMS, {"btl": "XBO", "pcs": "H87"}),
)  # fmt: skip


# -- Réunion: an avoir, '€' after the figure, TVA 8,5 %, SIRET and N° TVA intracom., '1er' -----

_RE_ITEMS: list[UnitItem] = [("Vanille Bourbon, gousses 16-18 cm", "12", "kg", "420,00"),
                             ("Rhum arrangé letchi, 70 cl", "60", "btl", "18,90")]  # fmt: skip


def _fr_items(items: list[UnitItem]) -> list[UnitItem]:
    return [(t, q, u, p.replace(",", ".")) for t, q, u, p in items]


_RE_NET = _unit_sum(_fr_items(_RE_ITEMS))
_RE_TAX = _round(_RE_NET * Decimal("0.085"))


def re_avoir() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Saveurs Bourbon SAS", size=12, bold=True)
    _block(s, 15, 16, ["12 rue Jean Chatel, 97400 Saint-Denis, La Réunion",
                       "SIRET : 812 458 712 00024   N° TVA intracom. : FR 45 812458712"],
           size=7.5)  # fmt: skip
    s.text(160, 10, "AVOIR", size=14, bold=True)
    s.pairs(108, 22, [("Avoir n° :", "AV-2026-0031"),
                      ("Date :", "Saint-Denis, le 1er décembre 2026"),
                      ("Sur facture n° :", "FA-2026-0877")], gap=28, step=4.6)  # fmt: skip
    s.text(15, 38, "Client :", size=9, bold=True)
    _block(s, 15, 43, ["Comptoir Mauricien des Épices Ltée", "Royal Road, Port-Louis",
                       "Île Maurice"], size=8)  # fmt: skip
    s.text(15, 58, "Motif : marchandise avariée au transport, retournée.", size=8)
    y = _table(s, 64, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. HT", 129, 28, "R"),
                       ("Montant HT", 159, 36, "R")],
               _cells(_fr_items(_RE_ITEMS), lambda v: f"{_fr(v)} €"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total HT", f"{_fr(_RE_NET)} €"),
                                 ("TVA 8,5 %", f"{_fr(_RE_TAX)} €"),
                                 ("Total TTC à déduire", f"{_fr(_RE_NET + _RE_TAX)} €")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


RE_AVOIR_TRUTH = _truth(
    invoice_number="AV-2026-0031", type_code="381", issue_date="2026-12-01", currency="EUR",
    seller_name="Saveurs Bourbon SAS", seller_vat_id="FR45812458712",
    seller_country="RE", buyer_name="Comptoir Mauricien des Épices Ltée", buyer_country="MU",
    tax_exclusive_total=_plain(_RE_NET), tax_total=_plain(_RE_TAX),
    grand_total=_plain(_RE_NET + _RE_TAX), due_payable=_plain(_RE_NET + _RE_TAX),
    line_items=_unit_lines(_fr_items(_RE_ITEMS), {"kg": "KGM", "btl": "XBO"}),
)  # fmt: skip


# -- Sint Maarten: Dutch, Caribbean guilders (XCG, 'Cg'), TOT 5 %, CRIB-nummer ----------------

_SX_ITEMS: list[UnitItem] = [("Zonnepaneel 450 Wp, monokristallijn", "40", "pcs", "520.00"),
                             ("Omvormer 5 kW, hybride", "4", "set", "2875.00"),
                             ("Solarkabel 6 mm², rol 100 m", "500", "m", "3.40")]  # fmt: skip
_SX_NET = _unit_sum(_SX_ITEMS)
_SX_TAX = _round(_SX_NET * Decimal("0.05"))


def sx_factuur() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Philipsburg Solar Supplies N.V.", size=12, bold=True)
    _block(s, 15, 16, ["Front Street 45, Philipsburg, Sint Maarten",
                       "CRIB-nummer: 101458712   KvK: 45871"], size=7.5)  # fmt: skip
    s.text(155, 10, "FACTUUR", size=14, bold=True)
    s.pairs(118, 20, [("Factuurnummer:", "PSS-26-0388"), ("Factuurdatum:", "4 december 2026"),
                      ("Vervaldatum:", "3 januari 2027")], gap=30, step=4.6)  # fmt: skip
    s.text(15, 34, "Aan:", size=9, bold=True)
    _block(s, 15, 39, ["Aruba Zon Energie V.B.A.", "L.G. Smith Boulevard 62, Oranjestad",
                       "Aruba"], size=8)  # fmt: skip
    y = _table(s, 58, [("Omschrijving", 15, 82, "L"), ("Eenh.", 99, 14, "L"),
                       ("Aantal", 115, 12, "R"), ("Prijs XCG", 129, 28, "R"),
                       ("Bedrag XCG", 159, 36, "R")],
               _cells(_SX_ITEMS, _nl))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 95, 155, y + 3, [("Subtotaal", f"Cg {_nl(_SX_NET)}"),
                                ("TOT 5%", f"Cg {_nl(_SX_TAX)}"),
                                ("Totaal te betalen", f"Cg {_nl(_SX_NET + _SX_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


SX_FACTUUR_TRUTH = _truth(
    invoice_number="PSS-26-0388", type_code="380", issue_date="2026-12-04", currency="XCG",
    seller_name="Philipsburg Solar Supplies N.V.", seller_vat_id="101458712",
    seller_country="SX", buyer_name="Aruba Zon Energie V.B.A.", buyer_country="AW",
    tax_exclusive_total=_plain(_SX_NET), tax_total=_plain(_SX_TAX),
    grand_total=_plain(_SX_NET + _SX_TAX), due_payable=_plain(_SX_NET + _SX_TAX),
    line_items=_unit_lines(_SX_ITEMS, {"pcs": "H87", "set": "SET", "m": "MTR"}),
)  # fmt: skip


# -- Cuba: Spanish, '$' with 'Moneda: CUP', NIT, Impuesto sobre las ventas 10 % -----------------

_CU_ITEMS: list[UnitItem] = [("Tabaco torcido a mano, caja de 25", "80", "box", "4850.00"),
                             ("Ron añejo 7 años, 700 ml", "600", "btl", "1320.00")]  # fmt: skip
_CU_NET = _unit_sum(_CU_ITEMS)
_CU_TAX = _round(_CU_NET * Decimal("0.10"))


def cu_factura() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Empresa Comercializadora Habanos del Valle", size=12, bold=True)
    _block(s, 15, 16, ["Calle Obispo 458, La Habana Vieja, La Habana, Cuba",
                       "NIT: 01001245871   Código REEUP: 123.0.4587"], size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURA", size=14, bold=True)
    s.boxes(105, 22, [("Factura No.", "EHV-0458"), ("Fecha", "04/12/2026"),
                      ("Contrato", "C-26-112")], width=30)  # fmt: skip
    s.text(15, 36, "Cliente:", size=9, bold=True)
    _block(s, 15, 41, ["Distribuidora Caribe Maya, S.A. de C.V.", "Av. Tulum 245, Cancún, "
                       "Quintana Roo", "México"], size=8)  # fmt: skip
    s.text(15, 56, "Moneda: CUP", size=8)
    y = _table(s, 62, [("Descripción", 15, 82, "L"), ("U/M", 99, 14, "L"),
                       ("Cant.", 115, 12, "R"), ("Precio", 129, 28, "R"),
                       ("Importe", 159, 36, "R")],
               _cells(_CU_ITEMS, lambda v: f"${_group(v)}"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 95, 155, y + 3, [("Subtotal", f"${_group(_CU_NET)}"),
                                ("Impuesto sobre las ventas 10%", f"${_group(_CU_TAX)}"),
                                ("Total a pagar", f"${_group(_CU_NET + _CU_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


CU_FACTURA_TRUTH = _truth(
    invoice_number="EHV-0458", type_code="380", issue_date="2026-12-04", currency="CUP",
    seller_name="Empresa Comercializadora Habanos del Valle", seller_vat_id="01001245871",
    seller_country="CU", buyer_name="Distribuidora Caribe Maya, S.A. de C.V.",
    buyer_country="MX", tax_exclusive_total=_plain(_CU_NET), tax_total=_plain(_CU_TAX),
    grand_total=_plain(_CU_NET + _CU_TAX), due_payable=_plain(_CU_NET + _CU_TAX),
    line_items=_unit_lines(_CU_ITEMS, {"box": "XBX", "btl": "XBO"}),
)  # fmt: skip


# -- Falkland Islands: '£' before the figure, FKP in words, no tax, no tax id -------------------

_FK_ITEMS: list[UnitItem] = [("Loligo squid, whole round, frozen", "18000", "kg", "3.85"),
                             ("Falklands wool, greasy, 21 micron", "40", "bale",
                              "865.00")]  # fmt: skip
_FK_TOTAL = _unit_sum(_FK_ITEMS)


def fk_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Stanley Fisheries & Wool Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Ross Road East, Stanley FIQQ 1ZZ, Falkland Islands",
                       "Company No. 4587   Fishing Licence FL-26/0112"], size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice No:", "SFW-26-0091"), ("Date:", "4 December 2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Sold To:", size=9, bold=True)
    _block(s, 15, 37, ["Pesquera del Plata S.A.", "Rambla 25 de Agosto 188, Montevideo",
                       "Uruguay"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price", 129, 28, "R"),
                       ("Amount", 159, 36, "R")],
               _cells(_FK_ITEMS, lambda v: f"£{_group(v)}"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total Due", f"£{_group(_FK_TOTAL)}")], width=40,
                size=9)  # fmt: skip
    _block(s, 15, y + 5, ["All amounts in Falkland Islands pounds (FKP). No VAT or sales tax "
                          "is levied in the Falkland Islands."], size=7.5)  # fmt: skip
    return s.output()


FK_INVOICE_TRUTH = _truth(
    invoice_number="SFW-26-0091", type_code="380", issue_date="2026-12-04", currency="FKP",
    seller_name="Stanley Fisheries & Wool Ltd", seller_country="FK",
    buyer_name="Pesquera del Plata S.A.", buyer_country="UY",
    grand_total=_plain(_FK_TOTAL), due_payable=_plain(_FK_TOTAL),
    line_items=_unit_lines(_FK_ITEMS, {"kg": "KGM", "bale": "XBL"}),
)  # fmt: skip


# -- Saint Pierre and Miquelon: '€' after the figure, no TVA, SIRET only, '2 déc. 2026' --------

_PM_ITEMS: list[UnitItem] = [("Filets de morue salée, qualité extra,\ncaisse de 10 kg",
                              "240", "ctn", "96.50"),
                             ("Homard vivant de l'Atlantique,\ncalibre 500-700 g", "350", "kg",
                              "31.80")]  # fmt: skip
_PM_TOTAL = _unit_sum(_PM_ITEMS)


def pm_facture() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Pêcheries de l'Archipel SARL", size=12, bold=True)
    _block(s, 15, 16, ["3 quai de la Roncière, 97500 Saint-Pierre",
                       "Saint-Pierre-et-Miquelon", "SIRET : 458 712 458 00018"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURE", size=14, bold=True)
    s.pairs(118, 22, [("N° :", "PA-26-0245"), ("Date :", "2 déc. 2026")], gap=20,
            step=4.6)  # fmt: skip
    s.text(15, 36, "Destinataire :", size=9, bold=True)
    _block(s, 15, 41, ["Halifax Seafood Distributors Inc.", "1801 Lower Water Street, Halifax "
                       "NS B3J 1S4", "Canada"], size=8)  # fmt: skip
    y = _wrapped(s, 60, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                         ("Qté", 115, 12, "R"), ("P.U.", 129, 28, "R"),
                         ("Montant", 159, 36, "R")],
                 _PM_ITEMS, lambda v: f"{_fr(v)} €", numbered=False)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total net à payer", f"{_fr(_PM_TOTAL)} €")], width=40,
                size=9)  # fmt: skip
    _block(s, 15, y + 5, ["TVA non applicable : pas de TVA à Saint-Pierre-et-Miquelon."],
           size=7.5)  # fmt: skip
    return s.output()


PM_FACTURE_TRUTH = _truth(
    invoice_number="PA-26-0245", type_code="380", issue_date="2026-12-02", currency="EUR",
    seller_name="Pêcheries de l'Archipel SARL", seller_country="PM",
    buyer_name="Halifax Seafood Distributors Inc.", buyer_country="CA",
    grand_total=_plain(_PM_TOTAL), due_payable=_plain(_PM_TOTAL),
    line_items=_unit_lines(_joined(_PM_ITEMS), {"ctn": "XCT", "kg": "KGM"}),
)  # fmt: skip


BATCH37: list[Layout] = [
    Layout("cf-proforma", cf_proforma, CF_PROFORMA_TRUTH),
    Layout("ye-invoice", ye_invoice, YE_INVOICE_TRUTH),
    Layout("im-invoice", im_invoice, IM_INVOICE_TRUTH),
    Layout("gg-invoice", gg_invoice, GG_INVOICE_TRUTH),
    Layout("ag-invoice", ag_invoice, AG_INVOICE_TRUTH),
    Layout("re-avoir", re_avoir, RE_AVOIR_TRUTH),
    Layout("sx-factuur", sx_factuur, SX_FACTUUR_TRUTH),
    Layout("cu-factura", cu_factura, CU_FACTURA_TRUTH),
    Layout("fk-invoice", fk_invoice, FK_INVOICE_TRUTH),
    Layout("pm-facture", pm_facture, PM_FACTURE_TRUTH),
]


def write_batch37(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH37)
