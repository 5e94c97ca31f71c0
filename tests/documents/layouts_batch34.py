"""A thirty-fourth batch of hand-written invoices (session 30, reviewi15), written before
src/clearlane/documents/ and invoices26's rules were read in this review: nine layouts out of
sample, from sellers in places no batch 1-33 has (Guinea, the Democratic Republic of the Congo,
New Caledonia, Macau, Iraq, Bermuda, the Solomon Islands, Afghanistan, Libya).

The layouts: a Guinean facture in Guinean francs (``GNF`` after the figure, a dot between
thousands, no decimals), TVA 18 %, a NIF in three groups beside an RCCM, ``Conakry, le
01/12/2026``, the buyer under ``Doit :``, a buyer in Mali; a Congolese facture in Congolese
francs (``FC`` after the figure, a space between thousands, a decimal comma), TVA 16 %, an
``N° Impôt`` beside an RCCM and an ``Id. Nat.``, ``05 décembre 2026``, a buyer in Zambia; a
New Caledonian facture in CFP francs (``F CFP`` after the figure, ``XPF`` in the headers, no
decimals), TGC 11 %, a RIDET number beside an RCS, ``02/12/2026`` in boxes, a buyer in
Vanuatu; a Macanese invoice in English and Portuguese, patacas (``MOP`` before the figure), no
tax, ``N.º Contribuinte``, ``03/12/2026``, a buyer in Hong Kong; an Iraqi (Kurdistan) commercial
invoice in dinars (``IQD`` in the headers, commas between thousands, no decimals), no tax, a Tax
ID beside a registration number, ``03-12-2026``, a consignee in Türkiye; a Bermudian invoice in
Bermuda dollars (``BD$`` before the figure), no tax and no tax id (a company registration
number only), ``December 3, 2026``, a buyer in the United States; a Solomon Islands tax invoice
in Solomon dollars (``SI$`` on the amounts, ``SBD`` in the headers), Goods Tax 10 %, a TIN,
``3 Dec 2026``, a buyer in Papua New Guinea; an Afghan invoice in afghanis (``AFN`` after the
figure), BRT 4 %, a TIN beside a licence number, ``04-12-2026`` with the solar date beside it,
a buyer in India; a Libyan invoice in dinars with three decimals (``LD`` before the figure), no
tax, a Tax ID beside a commercial register number, ``2026/12/03``, a buyer in Malta.

Ground truth as in the earlier batches (layouts_batch31.py's docstring): what a customs officer
reads on the page, written before any reading. Choices: the seller's tax id without spaces or
punctuation (NIF, N° Impôt, RIDET, Contribuinte, Tax ID, TIN; not a company register's or a
licence: RCCM, Id. Nat., RCS, Reg. No., Company Reg. No., Licence are not tax ids: Bermuda's
seller has none); no tax line printed, no tax total; no subtotal printed, no total before tax;
units as UN/ECE codes (kg: KGM; fût: XDR; sac: XBG; u, ea: H87; m: MTR; paire: PR; tin: XTN;
box: XBX; ctn: XCT; jar: XJR; m3: MTQ; sht: XST).

Session 31 (invoices27): two layouts printed text over text, which no invoice does: the
Congolese registers' line ran under the date's pair and the date's label over its value, the
Macanese number's label over its value. Moved apart (the Congolese pairs beside the buyer's
block; truths unchanged); main read the date and the number at once, so last session's two
'gaps' there were the layouts', not the reader's.
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
    """1.234.567: a dot between thousands, no decimals (Guinean francs)."""
    return f"{int(value):,}".replace(",", ".")


def _spaced(value: Decimal) -> str:
    """1 234 567: a space between thousands, no decimals (CFP francs)."""
    return f"{int(value):,}".replace(",", " ")


def _fr(value: Decimal) -> str:
    """1 234,56: a space between thousands, a decimal comma (Congolese francs)."""
    return _group(value).replace(",", " ").replace(".", ",")


def _whole(value: Decimal) -> str:
    """1,234,567: commas between thousands, no decimals (Iraqi dinars)."""
    return f"{int(value):,}"


def _three(value: Decimal) -> str:
    """1,234.500: commas between thousands, three decimals (Libyan dinars)."""
    return _group(value, "en", 3)


# -- Guinea: GNF after the figure, dots between thousands, TVA 18 %, NIF in groups, 'Doit :' ------

_GN_ITEMS: list[UnitItem] = [("Café robusta de Macenta, grade 1", "12000", "kg", "28500"),
                             ("Noix de cajou brutes, récolte 2026", "18000", "kg", "9800"),
                             ("Huile de palme rouge, fût 200 L", "40", "fût",
                              "1650000")]  # fmt: skip
_GN_NET = _unit_sum(_GN_ITEMS)
_GN_TAX = (_GN_NET * Decimal("0.18")).quantize(Decimal("1"))


def gn_facture() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Guinée Agro Négoce SARL", size=12, bold=True)
    _block(s, 15, 16, ["Quartier Almamya, Commune de Kaloum, BP 4412, Conakry",
                       "République de Guinée",
                       "RCCM : GN.TCC.2021.B.04567   NIF : 459 872 134   Tél. : +224 622 45 78 12"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURE", size=14, bold=True)
    s.pairs(118, 26, [("Facture N° :", "GAN/2026/0741"),
                      ("Date :", "Conakry, le 01/12/2026")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 34, "Doit :", size=9, bold=True)
    _block(s, 15, 39, ["Comptoir Malien des Produits du Cru SA", "ACI 2000, Hamdallaye, Bamako",
                       "Mali"], size=8)  # fmt: skip
    y = _table(s, 58, [("Désignation", 15, 80, "L"), ("Unité", 97, 14, "L"),
                       ("Qté", 113, 14, "R"), ("P.U. (GNF)", 129, 28, "R"),
                       ("Montant (GNF)", 159, 36, "R")],
               _cells(_GN_ITEMS, _dotted))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total HT", f"{_dotted(_GN_NET)} GNF"),
                                     ("TVA (18%)", f"{_dotted(_GN_TAX)} GNF"),
                                     ("Total TTC", f"{_dotted(_GN_NET + _GN_TAX)} GNF")],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 5, ["Arrêtée la présente facture à la somme de six cent quatre-vingt-neuf "
                          "millions cinq cent quatre-vingt-douze mille francs guinéens."],
           size=7.5)  # fmt: skip
    return s.output()


GN_FACTURE_TRUTH = _truth(
    invoice_number="GAN/2026/0741", type_code="380", issue_date="2026-12-01", currency="GNF",
    seller_name="Guinée Agro Négoce SARL", seller_vat_id="459872134",
    seller_country="GN", buyer_name="Comptoir Malien des Produits du Cru SA", buyer_country="ML",
    tax_exclusive_total=_plain(_GN_NET), tax_total=_plain(_GN_TAX),
    grand_total=_plain(_GN_NET + _GN_TAX), due_payable=_plain(_GN_NET + _GN_TAX),
    line_items=_unit_lines(_GN_ITEMS, {"kg": "KGM", "fût": "XDR"}),
)  # fmt: skip


# -- DR Congo: 'FC' after the figure, spaces between thousands, TVA 16 %, N° Impôt, Id. Nat. -----

_CD_ITEMS: list[UnitItem] = [("Farine de maïs, sac 25 kg", "2400", "sac", "52500.00"),
                             ("Semoule de maïs, sac 10 kg", "1800", "sac",
                              "23750.00")]  # fmt: skip
_CD_NET = _unit_sum(_CD_ITEMS)
_CD_TAX = _round(_CD_NET * Decimal("0.16"))


def cd_facture() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Minoterie du Katanga SARL", size=12, bold=True)
    _block(s, 15, 16, ["Avenue Kasavubu n° 245, Commune de Lubumbashi, Haut-Katanga",
                       "République Démocratique du Congo",
                       "RCCM : CD/LSH/RCCM/19-B-00872   Id. Nat. : 6-128-N45872Q   "
                       "N° Impôt : A1904587K"], size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURE", size=14, bold=True)
    # (session 31) the pairs beside the buyer's block, not through the registers' line: at
    # y 20 its end ran under 'Date de facturation : 05 décembre 2026', text over text
    s.pairs(118, 38, [("Facture n° :", "MDK-FV-26-1187"),
                      ("Date de facturation :", "05 décembre 2026")], gap=38,
            step=4.6)  # fmt: skip
    s.text(15, 34, "Facturé à :", size=9, bold=True)
    _block(s, 15, 39, ["Copperbelt Foods Distributors Ltd", "Plot 1245, Freedom Way, Kitwe",
                       "Zambie"], size=8)  # fmt: skip
    y = _table(s, 58, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("Prix unitaire", 129, 28, "R"),
                       ("Prix total", 159, 36, "R")],
               _cells(_CD_ITEMS, _fr))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 95, 155, y + 3, [("Total hors taxes", f"{_fr(_CD_NET)} FC"),
                                ("TVA 16 %", f"{_fr(_CD_TAX)} FC"),
                                ("Total TTC", f"{_fr(_CD_NET + _CD_TAX)} FC")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


CD_FACTURE_TRUTH = _truth(
    invoice_number="MDK-FV-26-1187", type_code="380", issue_date="2026-12-05", currency="CDF",
    seller_name="Minoterie du Katanga SARL", seller_vat_id="A1904587K",
    seller_country="CD", buyer_name="Copperbelt Foods Distributors Ltd", buyer_country="ZM",
    tax_exclusive_total=_plain(_CD_NET), tax_total=_plain(_CD_TAX),
    grand_total=_plain(_CD_NET + _CD_TAX), due_payable=_plain(_CD_NET + _CD_TAX),
    line_items=_unit_lines(_CD_ITEMS, {"sac": "XBG"}),
)  # fmt: skip


# -- New Caledonia: 'F CFP' after the figure, 'XPF' in headers, TGC 11 %, RIDET, boxes ----------

_NC_ITEMS: list[UnitItem] = [("Pompe centrifuge inox 7,5 kW", "6", "u", "845000"),
                             ("Câble armé 3G16 mm²", "1200", "m", "2450"),
                             ("Gants de protection nitrile", "300", "paire", "890")]  # fmt: skip
_NC_NET = _unit_sum(_NC_ITEMS)
_NC_TAX = (_NC_NET * Decimal("0.11")).quantize(Decimal("1"))


def nc_facture() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Nickel Pacifique Équipements SAS", size=12, bold=True)
    _block(s, 15, 16, ["12, rue Jean Jaurès, BP 2215, 98846 Nouméa Cedex, Nouvelle-Calédonie",
                       "RIDET : 1 234 567.001   RCS Nouméa 2004 B 745 123"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURE", size=14, bold=True)
    s.boxes(105, 22, [("N° Facture", "FA26-00912"), ("Date", "02/12/2026"),
                      ("Échéance", "01/01/2027")], width=30)  # fmt: skip
    s.text(15, 34, "Client :", size=9, bold=True)
    _block(s, 15, 39, ["Vanuatu Hardware Supplies Ltd", "Lini Highway, PO Box 1130, Port Vila",
                       "Vanuatu"], size=8)  # fmt: skip
    y = _table(s, 58, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. HT (XPF)", 129, 28, "R"),
                       ("Total HT (XPF)", 159, 36, "R")],
               _cells(_NC_ITEMS, _spaced))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total HT", f"{_spaced(_NC_NET)} F CFP"),
                                 ("TGC 11 %", f"{_spaced(_NC_TAX)} F CFP"),
                                 ("Total TTC", f"{_spaced(_NC_NET + _NC_TAX)} F CFP")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


NC_FACTURE_TRUTH = _truth(
    invoice_number="FA26-00912", type_code="380", issue_date="2026-12-02", currency="XPF",
    seller_name="Nickel Pacifique Équipements SAS", seller_vat_id="1234567001",
    seller_country="NC", buyer_name="Vanuatu Hardware Supplies Ltd", buyer_country="VU",
    tax_exclusive_total=_plain(_NC_NET), tax_total=_plain(_NC_TAX),
    grand_total=_plain(_NC_NET + _NC_TAX), due_payable=_plain(_NC_NET + _NC_TAX),
    line_items=_unit_lines(_NC_ITEMS, {"u": "H87", "m": "MTR", "paire": "PR"}),
)  # fmt: skip


# -- Macau: English and Portuguese, 'MOP' before the figure, no tax, 'N.º Contribuinte' ----------

_MO_ITEMS: list[UnitItem] = [("Almond cookies, 400 g tin", "2400", "tin", "38.50"),
                             ("Egg rolls, 300 g box", "1800", "box", "42.00"),
                             ("Egg tarts, frozen, 24 pcs", "500", "ctn", "210.00")]  # fmt: skip
_MO_TOTAL = _unit_sum(_MO_ITEMS)


def mo_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Companhia de Comércio Lótus, Limitada", size=12, bold=True)
    _block(s, 15, 16, ["Avenida de Almeida Ribeiro, n.º 61, Edifício Central, 8.º andar, Macau",
                       "Taxpayer No. / N.º Contribuinte: 80123456   Tel: +853 2833 4512"],
           size=7.5)  # fmt: skip
    s.text(140, 10, "INVOICE / FACTURA", size=12, bold=True)
    s.pairs(118, 20, [("Invoice No. / Factura n.º:", "LT-2026-1213"),
                      ("Date / Data:", "03/12/2026")], gap=46, step=4.6)  # fmt: skip
    s.text(15, 32, "Bill To / Cliente:", size=9, bold=True)
    _block(s, 15, 37, ["Kowloon Bay Provisions Limited",
                       "Unit 1205, 12/F, Kowloon Bay Industrial Centre, 15 Wang Hoi Road",
                       "Kowloon Bay, Hong Kong"], size=8)  # fmt: skip
    y = _table(s, 58, [("Description / Descrição", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price", 129, 28, "R"),
                       ("Amount", 159, 36, "R")],
               _cells(_MO_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 90, 155, y + 3, [("Total Amount / Valor Total",
                                    f"MOP {_group(_MO_TOTAL)}")], width=40, size=9)  # fmt: skip
    _block(s, 15, y + 5, ["Payment by telegraphic transfer to Banco Nacional Ultramarino, "
                          "account 9012-345678-001."], size=7.5)  # fmt: skip
    return s.output()


MO_INVOICE_TRUTH = _truth(
    invoice_number="LT-2026-1213", type_code="380", issue_date="2026-12-03", currency="MOP",
    seller_name="Companhia de Comércio Lótus, Limitada", seller_vat_id="80123456",
    seller_country="MO", buyer_name="Kowloon Bay Provisions Limited", buyer_country="HK",
    grand_total=_plain(_MO_TOTAL), due_payable=_plain(_MO_TOTAL),
    line_items=_unit_lines(_MO_ITEMS, {"tin": "XTN", "box": "XBX", "ctn": "XCT"}),
)  # fmt: skip


# -- Iraq (Kurdistan): a commercial invoice in dinars, 'IQD' in headers, no decimals, no tax -----

_IQ_ITEMS: list[UnitItem] = [("Iraqi dates, Zahdi, 10 kg carton", "4800", "ctn", "14500"),
                             ("Date syrup (dibis), 1 kg jar", "3000", "jar", "4750")]  # fmt: skip
_IQ_TOTAL = _unit_sum(_IQ_ITEMS)


def iq_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Erbil Golden Palm Trading Co. Ltd", size=12, bold=True)
    _block(s, 15, 16, ["100m Road, Industrial Area, Erbil, Kurdistan Region, Iraq",
                       "Tax ID No.: 30014587   Reg. No.: 24587   Tel: +964 750 445 1287"],
           size=7.5)  # fmt: skip
    s.text(130, 10, "COMMERCIAL INVOICE", size=13, bold=True)
    s.pairs(125, 18, [("Invoice No.:", "EGP/CI/26/0391"), ("Date:", "03-12-2026"),
                      ("Terms:", "FCA Ibrahim Khalil")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Consignee:", size=9, bold=True)
    _block(s, 15, 37, ["Mardin Gıda Pazarlama Ltd. Şti.", "Yenişehir Mah., 47100 Artuklu / Mardin",
                       "Türkiye"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description of Goods", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price (IQD)", 129, 28, "R"),
                       ("Total (IQD)", 159, 36, "R")],
               _cells(_IQ_ITEMS, _whole))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Total Amount (IQD)", _whole(_IQ_TOTAL))], width=40,
                size=9)  # fmt: skip
    _block(s, 15, y + 5, ["Country of origin: Iraq. Goods shipped by truck via Ibrahim Khalil "
                          "border crossing."], size=7.5)  # fmt: skip
    return s.output()


IQ_INVOICE_TRUTH = _truth(
    invoice_number="EGP/CI/26/0391", type_code="380", issue_date="2026-12-03", currency="IQD",
    seller_name="Erbil Golden Palm Trading Co. Ltd", seller_vat_id="30014587",
    seller_country="IQ", buyer_name="Mardin Gıda Pazarlama Ltd. Şti.", buyer_country="TR",
    grand_total=_plain(_IQ_TOTAL), due_payable=_plain(_IQ_TOTAL),
    line_items=_unit_lines(_IQ_ITEMS, {"ctn": "XCT", "jar": "XJR"}),
)  # fmt: skip


# -- Bermuda: 'BD$' before the figure, no tax, no tax id, 'December 3, 2026', a US buyer --------

_BM_ITEMS: list[UnitItem] = [("Bermuda rum cake, 32 oz", "600", "ea", "28.00"),
                             ("Cedar wood carved box, small", "40", "ea", "185.00")]  # fmt: skip
_BM_TOTAL = _unit_sum(_BM_ITEMS)


def bm_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Front Street Island Goods Ltd.", size=12, bold=True)
    _block(s, 15, 16, ["48 Front Street, Hamilton HM 12, Bermuda",
                       "Company Reg. No. 54873   Tel: +1 441 295 4410"], size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(125, 20, [("Invoice No.", "FSG-104877"), ("Date", "December 3, 2026"),
                      ("Terms", "Net 30")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 32, "Sold To:", size=9, bold=True)
    _block(s, 15, 37, ["Harborside Gifts Inc.", "1 Washington Street, Newport, RI 02840",
                       "USA"], size=8)  # fmt: skip
    y = _table(s, 56, [("Item Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Price", 129, 28, "R"),
                       ("Line Total", 159, 36, "R")],
               _cells(_BM_ITEMS, lambda v: f"BD${_group(v)}"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("TOTAL DUE", f"BD${_group(_BM_TOTAL)}")], width=40, size=9)
    return s.output()


BM_INVOICE_TRUTH = _truth(
    invoice_number="FSG-104877", type_code="380", issue_date="2026-12-03", currency="BMD",
    seller_name="Front Street Island Goods Ltd.", seller_country="BM",
    buyer_name="Harborside Gifts Inc.", buyer_country="US",
    grand_total=_plain(_BM_TOTAL), due_payable=_plain(_BM_TOTAL),
    line_items=_unit_lines(_BM_ITEMS, {"ea": "H87"}),
)  # fmt: skip


# -- Solomon Islands: 'SI$' on amounts, 'SBD' in headers, Goods Tax 10 %, TIN, '3 Dec 2026' -----

_SB_ITEMS: list[UnitItem] = [("Sawn kwila timber, 100x50 mm", "24", "m3", "6850.00"),
                             ("Sawn rosewood, 50x50 mm", "8", "m3", "5400.00"),
                             ("Galvanised roofing iron 0.4 mm, 3.6 m", "500", "sht",
                              "168.50")]  # fmt: skip
_SB_NET = _unit_sum(_SB_ITEMS)
_SB_TAX = _round(_SB_NET * Decimal("0.10"))


def sb_tax_invoice() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Honiara Timber & Hardware Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Ranadi Industrial Estate, P.O. Box 1723, Honiara, Solomon Islands",
                       "TIN: 100458720   Ph: +677 30 456"], size=7.5)  # fmt: skip
    s.text(145, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(128, 18, [("Invoice No:", "HTH-INV-26-2217"), ("Date:", "3 Dec 2026"),
                      ("Due:", "2 Jan 2027")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 32, "Customer:", size=9, bold=True)
    _block(s, 15, 37, ["Gordons Builders Supplies Ltd", "Section 45, Lot 12, Gordons",
                       "Port Moresby, NCD, Papua New Guinea"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price SBD", 129, 28, "R"),
                       ("Amount SBD", 159, 36, "R")],
               _cells(_SB_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Sub-total", f"SI${_group(_SB_NET)}"),
                                 ("Goods Tax @ 10%", f"SI${_group(_SB_TAX)}"),
                                 ("Total Amount Payable", f"SI${_group(_SB_NET + _SB_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


SB_TAX_INVOICE_TRUTH = _truth(
    invoice_number="HTH-INV-26-2217", type_code="380", issue_date="2026-12-03", currency="SBD",
    seller_name="Honiara Timber & Hardware Ltd", seller_vat_id="100458720",
    seller_country="SB", buyer_name="Gordons Builders Supplies Ltd", buyer_country="PG",
    tax_exclusive_total=_plain(_SB_NET), tax_total=_plain(_SB_TAX),
    grand_total=_plain(_SB_NET + _SB_TAX), due_payable=_plain(_SB_NET + _SB_TAX),
    line_items=_unit_lines(_SB_ITEMS, {"m3": "MTQ", "sht": "XST"}),
)  # fmt: skip


# -- Afghanistan: 'AFN' after the figure, BRT 4 %, a TIN beside a licence, the solar date too ---

_AF_ITEMS: list[UnitItem] = [("Saffron, super negin grade", "12", "kg", "68500.00"),
                             ("Green raisins (kishmish), 10 kg box", "1500", "box", "1450.00"),
                             ("Almonds, kaghazi, shelled", "2000", "kg", "520.00")]  # fmt: skip
_AF_NET = _unit_sum(_AF_ITEMS)
_AF_TAX = _round(_AF_NET * Decimal("0.04"))


def af_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Herat Saffron & Dry Fruits Export Co.", size=12, bold=True)
    _block(s, 15, 16, ["Jada-e-Walayat, District 3, Herat, Afghanistan",
                       "TIN: 1002458713   Licence No.: 0458-HRT   Tel: +93 40 222 4587"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 18, [("Invoice No.:", "HSD-1405-0217"), ("Date:", "04-12-2026"),
                      ("Hijri Shamsi:", "13 Qaws 1405")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Bill To:", size=9, bold=True)
    _block(s, 15, 37, ["Khari Baoli Dry Fruit Traders Pvt. Ltd.", "Khari Baoli, Delhi 110006",
                       "India"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Rate", 129, 28, "R"),
                       ("Amount", 159, 36, "R")],
               _cells(_AF_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total before BRT", f"{_group(_AF_NET)} AFN"),
                                 ("BRT 4%", f"{_group(_AF_TAX)} AFN"),
                                 ("Net Payable", f"{_group(_AF_NET + _AF_TAX)} AFN")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


AF_INVOICE_TRUTH = _truth(
    invoice_number="HSD-1405-0217", type_code="380", issue_date="2026-12-04", currency="AFN",
    seller_name="Herat Saffron & Dry Fruits Export Co.", seller_vat_id="1002458713",
    seller_country="AF", buyer_name="Khari Baoli Dry Fruit Traders Pvt. Ltd.",
    buyer_country="IN", tax_exclusive_total=_plain(_AF_NET), tax_total=_plain(_AF_TAX),
    grand_total=_plain(_AF_NET + _AF_TAX), due_payable=_plain(_AF_NET + _AF_TAX),
    line_items=_unit_lines(_AF_ITEMS, {"kg": "KGM", "box": "XBX"}),
)  # fmt: skip


# -- Libya: 'LD' before the figure, three decimals, no tax, a Tax ID, '2026/12/03', boxes -------

_LY_ITEMS: list[UnitItem] = [("Frozen octopus, whole, T4", "3200", "kg", "18.750"),
                             ("Frozen cuttlefish, cleaned", "2400", "kg", "14.250")]  # fmt: skip
_LY_TOTAL = _unit_sum(_LY_ITEMS)


def ly_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Tripoli Marine Foods Company", size=12, bold=True)
    _block(s, 15, 16, ["Al-Shatt Street, Souq al-Thulatha, Tripoli, Libya",
                       "Commercial Reg. No.: 45871   Tax ID: 1004587"], size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.boxes(110, 20, [("Invoice No.", "TMF/26/0098"), ("Date", "2026/12/03")], width=42)
    s.text(15, 34, "Buyer:", size=9, bold=True)
    _block(s, 15, 39, ["Mediterranean Seafood Imports Ltd",
                       "Triq il-Port Ħieles, Marsaxlokk MXK 1302", "Malta"], size=8)  # fmt: skip
    y = _table(s, 58, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price", 129, 28, "R"),
                       ("Amount", 159, 36, "R")],
               _cells(_LY_ITEMS, _three))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Amount Due", f"LD {_three(_LY_TOTAL)}")], width=40, size=9)
    return s.output()


LY_INVOICE_TRUTH = _truth(
    invoice_number="TMF/26/0098", type_code="380", issue_date="2026-12-03", currency="LYD",
    seller_name="Tripoli Marine Foods Company", seller_vat_id="1004587",
    seller_country="LY", buyer_name="Mediterranean Seafood Imports Ltd", buyer_country="MT",
    grand_total=_plain(_LY_TOTAL), due_payable=_plain(_LY_TOTAL),
    line_items=_unit_lines(_LY_ITEMS, {"kg": "KGM"}),
)  # fmt: skip


BATCH34: list[Layout] = [
    Layout("gn-facture", gn_facture, GN_FACTURE_TRUTH),
    Layout("cd-facture", cd_facture, CD_FACTURE_TRUTH),
    Layout("nc-facture", nc_facture, NC_FACTURE_TRUTH),
    Layout("mo-invoice", mo_invoice, MO_INVOICE_TRUTH),
    Layout("iq-invoice", iq_invoice, IQ_INVOICE_TRUTH),
    Layout("bm-invoice", bm_invoice, BM_INVOICE_TRUTH),
    Layout("sb-tax-invoice", sb_tax_invoice, SB_TAX_INVOICE_TRUTH),
    Layout("af-invoice", af_invoice, AF_INVOICE_TRUTH),
    Layout("ly-invoice", ly_invoice, LY_INVOICE_TRUTH),
]


def write_batch34(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH34)
