"""A thirty-third batch of hand-written invoices (session 30, invoices26), written before
src/clearlane/documents/ was read in the session: nine layouts out of sample, from sellers in
places no batch 1-32 has (the Comoros, São Tomé and Príncipe, Monaco, San Marino, Greenland,
Kiribati, Palau, the Gambia, Lesotho).

The layouts: a Comorian facture in Comorian francs (``KMF`` after the figure, a space between
thousands, no decimals), Taxe sur la consommation 10 %, a NIF beside an RC, ``Moroni, le 3
décembre 2026``, a buyer in Mayotte; a São Tomé fatura in Portuguese, dobras (``Db`` after the
figure, a dot between thousands and a decimal comma), IVA 15 %, ``Fatura n.º FT A/2026/193``,
``2 de dezembro de 2026``, ``Total ilíquido``, a buyer in Gabon; a Monegasque facture in euros,
TVA 20 %, a French-style VAT number (``FR`` + key + SIREN-like digits) beside an RCI,
``04/12/2026``, a buyer in Italy; a Sammarinese fattura in Italian, euros, the Codice Operatore
Economico ``SM 21458`` as the tax id, no VAT on the page (``Operazione non imponibile``),
``03.12.2026``, a buyer in Italy with its own P.IVA; a Greenlandic faktura in Danish, kroner
(``kr.``), no VAT (Greenland has none), a GER number, ``2. december 2026``, a buyer in Iceland;
a Kiribati tax invoice in Australian dollars (``$`` on the amounts, ``AUD`` in the headers), VAT
12.5 %, ``1-Dec-2026``, a buyer in the Marshall Islands; a Palauan invoice in US dollars, PGST
10 %, a PGST registration number beside a business licence number, ``December 2, 2026``, a buyer
in Guam, the quantity first; a Gambian tax invoice in dalasi (``D`` before the figure), VAT 15 %,
a TIN, ``4th December, 2026``, a buyer in Senegal, numbered rows; a Lesotho tax invoice in maloti
(``M`` before the figure), VAT 15 %, ``2026-12-02``, a buyer in South Africa, an item code
column.

Ground truth as in the earlier batches (layouts_batch31.py's docstring): what a customs officer
reads on the page, written before any reading. Choices: the seller's tax id without spaces or
punctuation (NIF, VAT number, COE, GER, TIN, PGST number; not a company register's or a licence:
RC, RCI, Business Licence are not tax ids; a Monegasque VAT number and a COE keep their letters);
no tax line printed, no tax total; ``Total ilíquido`` / ``Imponibile`` is the total before tax;
units as UN/ECE codes (pce, pcs, pz, stk, each: H87; kg: KGM; carton, ctn: XCT; bag, sac: XBG;
saco, sacco: XSA, session 33; box, kasse: XBX; L, litre: LTR; m2: MTK; drum: XDR; bale: XBL;
MT, t: TNE).
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
    """1 234 567: a space between thousands, no decimals (Comorian francs)."""
    return f"{int(value):,}".replace(",", " ")


def _pt(value: Decimal) -> str:
    """1.234,56: a dot between thousands, a decimal comma (dobras, Italian and Danish pages)."""
    return _group(value, "de")


def _fr(value: Decimal) -> str:
    """1 234,56: a space between thousands, a decimal comma (Monaco)."""
    return _group(value).replace(",", " ").replace(".", ",")


# -- Comoros: KMF after the figure, no decimals, Taxe sur la consommation 10 %, NIF beside an RC --

_KM_ITEMS: list[UnitItem] = [("Vanille noire en gousses, cat. 1", "120", "kg", "38500"),
                             ("Essence d'ylang-ylang extra", "60", "L", "92000"),
                             ("Clous de girofle séchés", "40", "sac", "21000")]  # fmt: skip
_KM_NET = _unit_sum(_KM_ITEMS)
_KM_TAX = (_KM_NET * Decimal("0.10")).quantize(Decimal("1"))


def km_facture() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Société Comorienne des Épices SARL", size=12, bold=True)
    _block(s, 15, 16, ["Route de la Corniche, BP 1127, Moroni, Union des Comores",
                       "RC : 2019 B 0456   NIF : 2014587 C   Tél. : +269 773 45 12"],
           size=7.5)  # fmt: skip
    s.text(150, 10, "FACTURE", size=14, bold=True)
    s.pairs(120, 24, [("Facture n° :", "SCE-F-2026-0311"),
                      ("Date :", "Moroni, le 3 décembre 2026")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Client :", size=9, bold=True)
    _block(s, 15, 37, ["Mahoraise de Distribution SAS", "Zone Nel, 97600 Mamoudzou",
                       "Mayotte"], size=8)  # fmt: skip
    y = _table(s, 56, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. (KMF)", 129, 28, "R"),
                       ("Montant (KMF)", 159, 36, "R")],
               _cells(_KM_ITEMS, _spaced))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Total HT", f"{_spaced(_KM_NET)} KMF"),
                                    ("Taxe sur la consommation 10 %", f"{_spaced(_KM_TAX)} KMF"),
                                    ("Net à payer", f"{_spaced(_KM_NET + _KM_TAX)} KMF")],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 5, ["Arrêtée la présente facture à la somme de : douze millions "
                          "soixante-dix-huit mille francs comoriens."], size=7.5)  # fmt: skip
    return s.output()


KM_FACTURE_TRUTH = _truth(
    invoice_number="SCE-F-2026-0311", type_code="380", issue_date="2026-12-03", currency="KMF",
    seller_name="Société Comorienne des Épices SARL", seller_vat_id="2014587C",
    seller_country="KM", buyer_name="Mahoraise de Distribution SAS", buyer_country="YT",
    tax_exclusive_total=_plain(_KM_NET), tax_total=_plain(_KM_TAX),
    grand_total=_plain(_KM_NET + _KM_TAX), due_payable=_plain(_KM_NET + _KM_TAX),
    line_items=_unit_lines(_KM_ITEMS, {"kg": "KGM", "L": "LTR", "sac": "XBG"}),
)  # fmt: skip


# -- São Tomé and Príncipe: dobras 'Db' after the figure, IVA 15 %, 'Total ilíquido' ---------------

_ST_ITEMS: list[UnitItem] = [("Cacau em amêndoa, fermentado e seco", "8500", "kg", "62.40"),
                             ("Café robusta, grão verde, saco 60 kg", "45", "saco",
                              "2850.00")]  # fmt: skip
_ST_NET = _unit_sum(_ST_ITEMS)
_ST_TAX = _round(_ST_NET * Decimal("0.15"))


def st_fatura() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Roça Monte Café Exportações, Lda.", size=12, bold=True)
    _block(s, 15, 16, ["Avenida Marginal 12 de Julho, C.P. 392, São Tomé",
                       "República Democrática de São Tomé e Príncipe   NIF: 512034871"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "FATURA", size=14, bold=True)
    s.pairs(120, 18, [("Fatura n.º", "FT A/2026/193"), ("Data:", "2 de dezembro de 2026"),
                      ("Vencimento:", "1 de janeiro de 2027")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 34, "Exmo.(s) Sr.(s)", size=9, bold=True)
    _block(s, 15, 39, ["Comptoir Gabonais du Cacao SA", "Boulevard Triomphal, BP 2210",
                       "Libreville, Gabão"], size=8)  # fmt: skip
    y = _table(s, 58, [("Descrição", 15, 82, "L"), ("Unid.", 99, 14, "L"),
                       ("Qtd.", 115, 14, "R"), ("Preço unit.", 131, 26, "R"),
                       ("Valor", 159, 36, "R")],
               _cells(_ST_ITEMS, _pt))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total ilíquido", f"{_pt(_ST_NET)} Db"),
                                 ("IVA 15%", f"{_pt(_ST_TAX)} Db"),
                                 ("Total a pagar", f"{_pt(_ST_NET + _ST_TAX)} Db")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


ST_FATURA_TRUTH = _truth(
    invoice_number="FT A/2026/193", type_code="380", issue_date="2026-12-02", currency="STN",
    seller_name="Roça Monte Café Exportações, Lda.", seller_vat_id="512034871",
    seller_country="ST", buyer_name="Comptoir Gabonais du Cacao SA", buyer_country="GA",
    tax_exclusive_total=_plain(_ST_NET), tax_total=_plain(_ST_TAX),
    grand_total=_plain(_ST_NET + _ST_TAX), due_payable=_plain(_ST_NET + _ST_TAX),
    line_items=_unit_lines(_ST_ITEMS, {"kg": "KGM", "saco": "XSA"}),
)  # fmt: skip


# -- Monaco: euros, TVA 20 %, an FR-style VAT number beside an RCI, '04/12/2026', a buyer in Italy -

_MC_ITEMS: list[UnitItem] = [("Huile d'olive vierge extra 75 cl (x6)", "85",
                              "carton", "74.40"),
                             ("Coffret dégustation confiseries, 500 g", "240", "pce",
                              "18.90")]  # fmt: skip
_MC_NET = _unit_sum(_MC_ITEMS)
_MC_TAX = _round(_MC_NET * Decimal("0.20"))


def mc_facture() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Maison Grimaldi Gourmet S.A.M.", size=12, bold=True)
    _block(s, 15, 16, ["7, rue Grimaldi, 98000 Monaco",
                       "RCI : 15 S 06543   N° TVA : FR 53 000012345"], size=7.5)  # fmt: skip
    s.text(150, 10, "FACTURE", size=14, bold=True)
    s.boxes(110, 18, [("N° de facture", "MGG-26-1048"), ("Date de facture", "04/12/2026")],
            width=42)  # fmt: skip
    s.text(15, 34, "Adresse de facturation :", size=9, bold=True)
    _block(s, 15, 39, ["Riviera Delizie S.r.l.", "Corso Matteotti 145, 18038 Sanremo (IM)",
                       "Italie"], size=8)  # fmt: skip
    y = _table(s, 58, [("Réf.", 15, 10, "L"), ("Désignation", 26, 70, "L"), ("Unité", 97, 14, "L"),
                       ("Qté", 113, 12, "R"), ("P.U. HT €", 127, 28, "R"),
                       ("Total HT €", 157, 38, "R")],
               _cells(_MC_ITEMS, _fr, numbered=True))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total HT", f"{_fr(_MC_NET)} €"),
                                     ("TVA 20 %", f"{_fr(_MC_TAX)} €"),
                                     ("Total TTC", f"{_fr(_MC_NET + _MC_TAX)} €"),
                                     ("Net à payer", f"{_fr(_MC_NET + _MC_TAX)} €")],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 5, ["Conditions de paiement : 30 jours fin de mois. Pénalités de retard : "
                          "3 fois le taux d'intérêt légal."], size=7)  # fmt: skip
    return s.output()


MC_FACTURE_TRUTH = _truth(
    invoice_number="MGG-26-1048", type_code="380", issue_date="2026-12-04", currency="EUR",
    seller_name="Maison Grimaldi Gourmet S.A.M.", seller_vat_id="FR53000012345",
    seller_country="MC", buyer_name="Riviera Delizie S.r.l.", buyer_country="IT",
    tax_exclusive_total=_plain(_MC_NET), tax_total=_plain(_MC_TAX),
    grand_total=_plain(_MC_NET + _MC_TAX), due_payable=_plain(_MC_NET + _MC_TAX),
    line_items=_unit_lines(_MC_ITEMS, {"carton": "XCT", "pce": "H87"}),
)  # fmt: skip


# -- San Marino: Italian, euros, the COE as tax id, no VAT on the page, '03.12.2026' ---------------

_SM_ITEMS: list[UnitItem] = [("Piastrelle in gres porcellanato 60x60, grigio", "420", "m2",
                              "24.80"),
                             ("Adesivo cementizio C2TE, sacco 25 kg", "90", "sacco",
                              "13.50")]  # fmt: skip
_SM_NET = _unit_sum(_SM_ITEMS)


def sm_fattura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Titano Ceramiche S.p.A.", size=12, bold=True)
    _block(s, 15, 16, ["Strada Cà Ragni 34, 47899 Serravalle, Repubblica di San Marino",
                       "Cod. Op. Ec.: SM 21458   Tel. 0549 903412"], size=7.5)  # fmt: skip
    s.text(150, 10, "FATTURA", size=14, bold=True)
    s.pairs(130, 18, [("Numero:", "412/2026"), ("Data:", "03.12.2026"),
                      ("Pagamento:", "Bonifico 60 gg d.f.")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 32, "Spett.le", size=9, bold=True)
    _block(s, 15, 37, ["Edilizia Adriatica S.r.l.", "Via Flaminia 210, 47923 Rimini (RN)",
                       "Italia   P.IVA IT02894510405"], size=8)  # fmt: skip
    y = _table(s, 58, [("Descrizione", 15, 82, "L"), ("U.M.", 99, 14, "L"),
                       ("Q.tà", 115, 12, "R"), ("Prezzo unit. €", 129, 28, "R"),
                       ("Importo €", 159, 36, "R")],
               _cells(_SM_ITEMS, _pt))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Imponibile", _pt(_SM_NET)),
                                     ("Totale documento €", _pt(_SM_NET))],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 5, ["Operazione non imponibile ai sensi del D.M. 21 giugno 2021: "
                          "imposta assolta dal cessionario in Italia."], size=7)  # fmt: skip
    return s.output()


SM_FATTURA_TRUTH = _truth(
    invoice_number="412/2026", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Titano Ceramiche S.p.A.", seller_vat_id="SM21458",
    seller_country="SM", buyer_name="Edilizia Adriatica S.r.l.", buyer_country="IT",
    tax_exclusive_total=_plain(_SM_NET),
    grand_total=_plain(_SM_NET), due_payable=_plain(_SM_NET),
    line_items=_unit_lines(_SM_ITEMS, {"m2": "MTK", "sacco": "XSA"}),
)  # fmt: skip


# -- Greenland: a faktura in Danish, kroner 'kr.', no VAT, a GER number, '2. december 2026' -------

_GL_ITEMS: list[UnitItem] = [("Rejer, kogte og pillede, frosne, 1 kg", "3200", "kg", "118.00"),
                             ("Hellefisk, hel, frossen", "1500", "kg", "64.50"),
                             ("Isolerede transportkasser", "40", "kasse", "85.00")]  # fmt: skip
_GL_TOTAL = _unit_sum(_GL_ITEMS)


def gl_faktura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Kalaallit Seafood ApS", size=12, bold=True)
    _block(s, 15, 16, ["Aqqusinersuaq 14, Postboks 1020, 3900 Nuuk, Grønland",
                       "GER-nr.: 12 34 56 78   Tlf.: +299 32 14 56"], size=7.5)  # fmt: skip
    s.text(150, 10, "FAKTURA", size=14, bold=True)
    s.pairs(125, 18, [("Fakturanr.:", "20261187"), ("Fakturadato:", "2. december 2026"),
                      ("Forfaldsdato:", "1. januar 2027")], gap=28, step=4.6)  # fmt: skip
    s.text(15, 32, "Kunde:", size=9, bold=True)
    _block(s, 15, 37, ["Norðurfiskur ehf.", "Fiskislóð 45, 101 Reykjavík",
                       "Island"], size=8)  # fmt: skip
    y = _table(s, 56, [("Beskrivelse", 15, 82, "L"), ("Enhed", 99, 14, "L"),
                       ("Antal", 115, 12, "R"), ("Stk.pris kr.", 129, 28, "R"),
                       ("Beløb kr.", 159, 36, "R")],
               _cells(_GL_ITEMS, _pt))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("I alt DKK", f"kr. {_pt(_GL_TOTAL)}")], width=40,
                size=9)  # fmt: skip
    _block(s, 15, y + 5, ["Der opkræves ikke moms i Grønland.",
                          "Betaling til GrønlandsBANKEN, reg.nr. 6471, konto 1234567."],
           size=7.5)  # fmt: skip
    return s.output()


GL_FAKTURA_TRUTH = _truth(
    invoice_number="20261187", type_code="380", issue_date="2026-12-02", currency="DKK",
    seller_name="Kalaallit Seafood ApS", seller_vat_id="12345678",
    seller_country="GL", buyer_name="Norðurfiskur ehf.", buyer_country="IS",
    grand_total=_plain(_GL_TOTAL), due_payable=_plain(_GL_TOTAL),
    line_items=_unit_lines(_GL_ITEMS, {"kg": "KGM", "kasse": "XBX"}),
)  # fmt: skip


# -- Kiribati: Australian dollars ('$' on amounts, 'AUD' in headers), VAT 12.5 %, '1-Dec-2026' ----

_KI_ITEMS: list[UnitItem] = [("Virgin coconut oil, 200 L drum", "24", "drum", "640.00"),
                             ("Dried seaweed (Eucheuma), baled", "18", "bale", "412.00"),
                             ("Handicraft pandanus baskets", "150", "pcs", "12.00")]  # fmt: skip
_KI_NET = _unit_sum(_KI_ITEMS)
_KI_TAX = _round(_KI_NET * Decimal("0.125"))


def ki_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Tarawa Coconut Products Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Betio Industrial Area, P.O. Box 312, Tarawa, Republic of Kiribati",
                       "TIN: 6002147   Ph: +686 752 1234"], size=7.5)  # fmt: skip
    s.text(145, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(130, 18, [("Invoice No:", "TCP-0872"), ("Date:", "1-Dec-2026"),
                      ("Terms:", "30 days")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 32, "Sold To:", size=9, bold=True)
    _block(s, 15, 37, ["Majuro Island Traders Inc.", "Delap Village, Majuro",
                       "Republic of the Marshall Islands"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price AUD", 129, 28, "R"),
                       ("Amount AUD", 159, 36, "R")],
               _cells(_KI_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal (excl. VAT)", f"${_group(_KI_NET)}"),
                                 ("VAT 12.5%", f"${_group(_KI_TAX)}"),
                                 ("TOTAL DUE", f"${_group(_KI_NET + _KI_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


KI_TAX_INVOICE_TRUTH = _truth(
    invoice_number="TCP-0872", type_code="380", issue_date="2026-12-01", currency="AUD",
    seller_name="Tarawa Coconut Products Ltd", seller_vat_id="6002147",
    seller_country="KI", buyer_name="Majuro Island Traders Inc.", buyer_country="MH",
    tax_exclusive_total=_plain(_KI_NET), tax_total=_plain(_KI_TAX),
    grand_total=_plain(_KI_NET + _KI_TAX), due_payable=_plain(_KI_NET + _KI_TAX),
    line_items=_unit_lines(_KI_ITEMS, {"drum": "XDR", "bale": "XBL", "pcs": "H87"}),
)  # fmt: skip


# -- Palau: US dollars, PGST 10 %, a PGST number beside a business licence, the quantity first ----

_PW_ITEMS: list[UnitItem] = [("Yellowfin tuna, fresh chilled", "1850", "kg", "9.60"),
                             ("Reef-safe sunscreen SPF 50, 100 ml", "36", "ctn",
                              "148.00")]  # fmt: skip
_PW_NET = _unit_sum(_PW_ITEMS)
_PW_TAX = _round(_PW_NET * Decimal("0.10"))


def pw_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Koror Ocean Harvest Company", size=12, bold=True)
    _block(s, 15, 16, ["P.O. Box 1488, Malakal Harbor, Koror, Republic of Palau 96940",
                       "Business License No.: KBL-2026-0456   PGST Reg. No.: 100456"],
           size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.pairs(125, 24, [("Invoice #:", "KOH-26-3310"), ("Invoice Date:", "December 2, 2026")],
            gap=26, step=4.6)  # fmt: skip
    s.text(15, 32, "Bill To:", size=9, bold=True)
    _block(s, 15, 37, ["Tumon Bay Seafood Distributors LLC", "1020 Marine Corps Drive, Tamuning",
                       "Guam 96913"], size=8)  # fmt: skip
    amounts = _unit_amounts(_PW_ITEMS)
    rows = [[q, t, u, _group(_d(p)), _group(a)]
            for (t, q, u, p), a in zip(_PW_ITEMS, amounts, strict=True)]  # fmt: skip
    y = _table(s, 56, [("Qty", 15, 14, "R"), ("Description", 33, 68, "L"), ("Unit", 103, 12, "L"),
                       ("Unit Price", 117, 36, "R"), ("Amount", 157, 38, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal", f"${_group(_PW_NET)}"),
                                 ("PGST 10%", f"${_group(_PW_TAX)}"),
                                 ("Total Due (USD)", f"${_group(_PW_NET + _PW_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


PW_INVOICE_TRUTH = _truth(
    invoice_number="KOH-26-3310", type_code="380", issue_date="2026-12-02", currency="USD",
    seller_name="Koror Ocean Harvest Company", seller_vat_id="100456",
    seller_country="PW", buyer_name="Tumon Bay Seafood Distributors LLC", buyer_country="GU",
    tax_exclusive_total=_plain(_PW_NET), tax_total=_plain(_PW_TAX),
    grand_total=_plain(_PW_NET + _PW_TAX), due_payable=_plain(_PW_NET + _PW_TAX),
    line_items=_unit_lines(_PW_ITEMS, {"kg": "KGM", "ctn": "XCT"}),
)  # fmt: skip


# -- The Gambia: dalasi 'D' before the figure, VAT 15 %, a TIN, '4th December, 2026', numbered ----

_GM_ITEMS: list[UnitItem] = [("Groundnuts, shelled, HPS grade", "45", "MT", "48500.00"),
                             ("Raw cashew nuts, 80 kg bag", "260", "bag", "5200.00")]  # fmt: skip
_GM_NET = _unit_sum(_GM_ITEMS)
_GM_TAX = _round(_GM_NET * Decimal("0.15"))


def gm_tax_invoice() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Kombo Agro Exports Company Limited", size=12, bold=True)
    _block(s, 15, 16, ["Kanifing Industrial Estate, Kanifing, The Gambia",
                       "TIN: 1000458712   Tel: +220 439 1234"], size=7.5)  # fmt: skip
    s.text(145, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(125, 18, [("Invoice No.:", "KAE/2026/0458"), ("Date:", "4th December, 2026"),
                      ("Order Ref.:", "DKR-7781")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Customer:", size=9, bold=True)
    _block(s, 15, 37, ["Société Sénégalaise des Oléagineux SA", "Km 4, Boulevard du Centenaire",
                       "Dakar, Senegal"], size=8)  # fmt: skip
    y = _table(s, 56, [("No.", 15, 10, "L"), ("Description", 26, 70, "L"), ("Unit", 97, 14, "L"),
                       ("Qty", 113, 12, "R"), ("Rate (GMD)", 127, 28, "R"),
                       ("Amount (GMD)", 157, 38, "R")],
               _cells(_GM_ITEMS, _group, numbered=True))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Sub Total", f"D {_group(_GM_NET)}"),
                                 ("VAT 15%", f"D {_group(_GM_TAX)}"),
                                 ("Grand Total", f"D {_group(_GM_NET + _GM_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


GM_TAX_INVOICE_TRUTH = _truth(
    invoice_number="KAE/2026/0458", type_code="380", issue_date="2026-12-04", currency="GMD",
    seller_name="Kombo Agro Exports Company Limited", seller_vat_id="1000458712",
    seller_country="GM", buyer_name="Société Sénégalaise des Oléagineux SA", buyer_country="SN",
    tax_exclusive_total=_plain(_GM_NET), tax_total=_plain(_GM_TAX),
    grand_total=_plain(_GM_NET + _GM_TAX), due_payable=_plain(_GM_NET + _GM_TAX),
    line_items=_unit_lines(_GM_ITEMS, {"MT": "TNE", "bag": "XBG"}),
)  # fmt: skip


# -- Lesotho: maloti 'M' before the figure, VAT 15 %, '2026-12-02', an item code column ----------

_LS_ITEMS: list[UnitItem] = [("Mohair, kid, greasy, sorted", "1200", "kg", "285.00"),
                             ("Merino wool, greasy, 21 micron", "16", "bale",
                              "9850.00")]  # fmt: skip
_LS_CODES = ["MH-KID", "WL-M21"]
_LS_NET = _unit_sum(_LS_ITEMS)
_LS_TAX = _round(_LS_NET * Decimal("0.15"))


def ls_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Maluti Fibre Brokers (Pty) Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Maseru West Industrial Area, Private Bag A45, Maseru 100, Lesotho",
                       "VAT Reg. No.: 200045871-3   Tel: +266 2231 4567"], size=7.5)  # fmt: skip
    s.text(145, 10, "TAX INVOICE", size=13, bold=True)
    s.boxes(115, 18, [("Invoice No.", "MFB 004417"), ("Date", "2026-12-02")], width=40)
    s.text(15, 32, "Invoice To:", size=9, bold=True)
    _block(s, 15, 37, ["Free State Wool Processors (Pty) Ltd", "14 Jan Hofmeyr Street",
                       "Bloemfontein 9301, South Africa"], size=8)  # fmt: skip
    rows = [[c, t, u, q, _group(_d(p)), _group(a)]
            for c, ((t, q, u, p), a) in zip(_LS_CODES, zip(_LS_ITEMS, _unit_amounts(_LS_ITEMS),
                                                            strict=True), strict=True)]  # fmt: skip
    y = _table(s, 58, [("Code", 15, 18, "L"), ("Description", 35, 62, "L"), ("UOM", 99, 12, "L"),
                       ("Qty", 113, 12, "R"), ("Unit Price", 127, 28, "R"),
                       ("Amount", 157, 38, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total Exclusive", f"M {_group(_LS_NET)}"),
                                 ("VAT @ 15%", f"M {_group(_LS_TAX)}"),
                                 ("Total Inclusive", f"M {_group(_LS_NET + _LS_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


LS_TAX_INVOICE_TRUTH = _truth(
    invoice_number="MFB 004417", type_code="380", issue_date="2026-12-02", currency="LSL",
    seller_name="Maluti Fibre Brokers (Pty) Ltd", seller_vat_id="2000458713",
    seller_country="LS", buyer_name="Free State Wool Processors (Pty) Ltd", buyer_country="ZA",
    tax_exclusive_total=_plain(_LS_NET), tax_total=_plain(_LS_TAX),
    grand_total=_plain(_LS_NET + _LS_TAX), due_payable=_plain(_LS_NET + _LS_TAX),
    line_items=_unit_lines(_LS_ITEMS, {"kg": "KGM", "bale": "XBL"}),
)  # fmt: skip


BATCH33: list[Layout] = [
    Layout("km-facture", km_facture, KM_FACTURE_TRUTH),
    Layout("st-fatura", st_fatura, ST_FATURA_TRUTH),
    Layout("mc-facture", mc_facture, MC_FACTURE_TRUTH),
    Layout("sm-fattura", sm_fattura, SM_FATTURA_TRUTH),
    Layout("gl-faktura", gl_faktura, GL_FAKTURA_TRUTH),
    Layout("ki-tax-invoice", ki_tax_invoice, KI_TAX_INVOICE_TRUTH),
    Layout("pw-invoice", pw_invoice, PW_INVOICE_TRUTH),
    Layout("gm-tax-invoice", gm_tax_invoice, GM_TAX_INVOICE_TRUTH),
    Layout("ls-tax-invoice", ls_tax_invoice, LS_TAX_INVOICE_TRUTH),
]


def write_batch33(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH33)
