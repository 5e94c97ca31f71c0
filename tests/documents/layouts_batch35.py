"""A thirty-fifth batch of hand-written invoices (session 31, invoices27), written before
src/clearlane/documents/ was read in this session: nine layouts out of sample, from sellers in
places no batch 1-34 has (Eritrea, Namibia, Panama, Gabon, Aruba, Gibraltar, the Åland Islands,
Palestine, Sierra Leone).

The layouts: an Eritrean invoice in nakfa (``Nfa`` before the figure, ``ERN`` in the headers),
no tax, a TIN beside a licence number, ``03/12/2026``, a buyer in Sudan; a Namibian tax invoice
in Namibia dollars (``N$`` before the figure, ``NAD`` in the headers), VAT 15 %, a VAT Reg. No.
in three groups beside a company registration, ``2026-12-04`` in boxes, a buyer in Botswana; a
Panamanian factura in balboas (``B/.`` before the figure), ITBMS 7 %, a RUC with its DV apart,
``04/12/2026``, a buyer in Colombia; a Gabonese facture in CFA francs (``FCFA`` after the figure,
a space between thousands, no decimals), TVA 18 %, a NIF beside an RCCM, ``Libreville, le 2
décembre 2026``, the buyer under ``Doit :``, a buyer in Cameroon; an Aruban factuur in florins
(``Afl.`` before the figure, a dot between thousands, a decimal comma), BBO 3 %, a
``Crib-nummer`` beside a KvK number, ``05-12-2026``, a buyer in Curaçao; a Gibraltarian credit
note in Gibraltar pounds (``£`` before the figure, GIP said in words under the table), no tax and
no tax id (a company number and an import licence only), ``7th December 2026``, a buyer in Spain;
an Åland faktura in euros (``€`` after the figure, a space between thousands, a decimal comma),
no VAT (sold out of the tax area), an ``FO-nummer`` beside a ``Momsnummer``, ``4.12.2026``, a
buyer in Sweden; a Palestinian tax invoice in shekels (``₪`` before the figure, ``ILS`` in the
headers), VAT 16 %, a ``Licensed Dealer No.``, ``02.12.2026``, a buyer in Jordan; a Sierra
Leonean invoice in new leones (``NLe`` before the figure, ``SLE`` in the headers), GST 15 %, a
TIN beside a business registration, ``05-Dec-2026``, a buyer in Liberia.

Ground truth as in the earlier batches (layouts_batch31.py's docstring): what a customs officer
reads on the page, written before any reading. Choices: the seller's tax id without spaces or
punctuation (TIN, VAT Reg. No., RUC without its DV, NIF, Crib-nummer, Momsnummer, Licensed
Dealer No.; not a company register's or a licence: Licence No., Reg. No., RCCM, KvK, Company No.,
Import Licence, FO-nummer, Business Reg. No. are not tax ids: Gibraltar's seller has none); the
Åland seller's country AX (ISO 3166-1 codes the islands apart from Finland); no tax line printed,
no tax total; no subtotal printed, no total before tax; a credit note's amounts positive, type
381; units as UN/ECE codes (bag: XBG; ctn: XCT; kg: KGM; box: XBX; saco: XSA; m3: MTQ; blik:
XCA; m: MTR; btl: XBO; pcs: H87).
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
    """1 234 567: a space between thousands, no decimals (CFA francs)."""
    return f"{int(value):,}".replace(",", " ")


def _nl(value: Decimal) -> str:
    """1.234,56: a dot between thousands, a decimal comma (Aruban florins)."""
    return _group(value, "de")


def _sv(value: Decimal) -> str:
    """1 234,56: a space between thousands, a decimal comma (Swedish, euros)."""
    return _group(value).replace(",", " ").replace(".", ",")


# -- Eritrea: 'Nfa' before the figure, 'ERN' in headers, no tax, a TIN beside a licence --------

_ER_ITEMS: list[UnitItem] = [("Sea salt, coarse, 50 kg bag", "800", "bag", "425.00"),
                             ("Dried sardines, 25 kg carton", "300", "ctn",
                              "1180.00")]  # fmt: skip
_ER_TOTAL = _unit_sum(_ER_ITEMS)


def er_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Massawa Salt & Fisheries Share Company", size=12, bold=True)
    _block(s, 15, 16, ["Harnet Avenue, P.O. Box 1245, Asmara, State of Eritrea",
                       "TIN: 41002587   Trade Licence No.: 07/1245/AS   Tel: +291 1 12 45 87"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice No:", "MSF/0457/26"), ("Date:", "03/12/2026"),
                      ("Payment:", "L/C at sight")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 34, "Buyer:", size=9, bold=True)
    _block(s, 15, 39, ["Port Sudan Food Supplies Co. Ltd", "Al-Souq Al-Kabir, Port Sudan",
                       "Sudan"], size=8)  # fmt: skip
    y = _table(s, 58, [("No.", 15, 8, "L"), ("Description", 24, 74, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price (ERN)", 129, 28, "R"),
                       ("Amount (ERN)", 159, 36, "R")],
               _cells(_ER_ITEMS, _group, numbered=True))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total Amount", f"Nfa {_group(_ER_TOTAL)}")], width=40,
                size=9)  # fmt: skip
    _block(s, 15, y + 5, ["Goods of Eritrean origin, shipped FOB Massawa."], size=7.5)
    return s.output()


ER_INVOICE_TRUTH = _truth(
    invoice_number="MSF/0457/26", type_code="380", issue_date="2026-12-03", currency="ERN",
    seller_name="Massawa Salt & Fisheries Share Company", seller_vat_id="41002587",
    seller_country="ER", buyer_name="Port Sudan Food Supplies Co. Ltd", buyer_country="SD",
    grand_total=_plain(_ER_TOTAL), due_payable=_plain(_ER_TOTAL),
    line_items=_unit_lines(_ER_ITEMS, {"bag": "XBG", "ctn": "XCT"}),
)  # fmt: skip


# -- Namibia: 'N$' before the figure, 'NAD' in headers, VAT 15 %, VAT Reg. No., boxes -----------

_NA_ITEMS: list[UnitItem] = [("Beef carcass, grade A, chilled", "18500", "kg", "62.40"),
                             ("Springbok biltong, 1 kg", "1200", "box", "385.00")]  # fmt: skip
_NA_NET = _unit_sum(_NA_ITEMS)
_NA_TAX = _round(_NA_NET * Decimal("0.15"))


def na_tax_invoice() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Kalahari Meat Traders (Pty) Ltd", size=12, bold=True)
    _block(s, 15, 16, ["12 Sam Nujoma Drive, Klein Windhoek, Windhoek, Namibia",
                       "Co. Reg. No. 2015/0456   VAT Reg. No. 4567891-01-5"], size=7.5)  # fmt: skip
    s.text(150, 10, "TAX INVOICE", size=13, bold=True)
    s.boxes(105, 22, [("Invoice No", "KMT-INV-08812"), ("Date", "2026-12-04"),
                      ("Account", "GMW001")], width=30)  # fmt: skip
    s.text(15, 34, "Invoice to:", size=9, bold=True)
    _block(s, 15, 39, ["Gaborone Meat Wholesalers (Pty) Ltd", "Plot 5432, Gaborone West",
                       "Botswana"], size=8)  # fmt: skip
    y = _table(s, 58, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price\n(NAD)", 129, 28, "R"),
                       ("Amount\n(NAD)", 159, 36, "R")],
               _cells(_NA_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total Excl. VAT", f"N${_group(_NA_NET)}"),
                                 ("VAT @ 15%", f"N${_group(_NA_TAX)}"),
                                 ("Total Incl. VAT", f"N${_group(_NA_NET + _NA_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


NA_TAX_INVOICE_TRUTH = _truth(
    invoice_number="KMT-INV-08812", type_code="380", issue_date="2026-12-04", currency="NAD",
    seller_name="Kalahari Meat Traders (Pty) Ltd", seller_vat_id="4567891015",
    seller_country="NA", buyer_name="Gaborone Meat Wholesalers (Pty) Ltd", buyer_country="BW",
    tax_exclusive_total=_plain(_NA_NET), tax_total=_plain(_NA_TAX),
    grand_total=_plain(_NA_NET + _NA_TAX), due_payable=_plain(_NA_NET + _NA_TAX),
    line_items=_unit_lines(_NA_ITEMS, {"kg": "KGM", "box": "XBX"}),
)  # fmt: skip


# -- Panama: 'B/.' before the figure, ITBMS 7 %, a RUC with its DV apart, a buyer in Colombia ---

_PA_ITEMS: list[UnitItem] = [("Café Geisha verde, Boquete, lavado", "450", "kg", "68.00"),
                             ("Café arábica verde, Chiriquí, saco 69 kg", "120", "saco",
                              "310.50")]  # fmt: skip
_PA_NET = _unit_sum(_PA_ITEMS)
_PA_TAX = _round(_PA_NET * Decimal("0.07"))


def pa_factura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Distribuidora Istmeña de Café, S.A.", size=12, bold=True)
    _block(s, 15, 16, ["Calle 50, Edificio Global Bank, Piso 12, Ciudad de Panamá",
                       "República de Panamá",
                       "RUC: 1556782-1-651234   DV: 23   Tel.: +507 263 4587"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURA", size=14, bold=True)
    s.pairs(118, 22, [("Factura N°:", "0001-00004587"), ("Fecha de emisión:", "04/12/2026"),
                      ("Condición:", "Crédito 30 días")], gap=36, step=4.6)  # fmt: skip
    s.text(15, 36, "Cliente:", size=9, bold=True)
    _block(s, 15, 41, ["Tostadores Andinos S.A.S.", "Carrera 43A # 1-50, Medellín",
                       "Colombia"], size=8)  # fmt: skip
    y = _table(s, 60, [("Descripción", 15, 82, "L"), ("Unidad", 99, 14, "L"),
                       ("Cant.", 115, 12, "R"), ("Precio unit.", 129, 28, "R"),
                       ("Importe", 159, 36, "R")],
               _cells(_PA_ITEMS, lambda v: f"B/. {_group(v)}"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal", f"B/. {_group(_PA_NET)}"),
                                 ("ITBMS 7%", f"B/. {_group(_PA_TAX)}"),
                                 ("Total a pagar", f"B/. {_group(_PA_NET + _PA_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


PA_FACTURA_TRUTH = _truth(
    invoice_number="0001-00004587", type_code="380", issue_date="2026-12-04", currency="PAB",
    seller_name="Distribuidora Istmeña de Café, S.A.", seller_vat_id="15567821651234",
    seller_country="PA", buyer_name="Tostadores Andinos S.A.S.", buyer_country="CO",
    tax_exclusive_total=_plain(_PA_NET), tax_total=_plain(_PA_TAX),
    grand_total=_plain(_PA_NET + _PA_TAX), due_payable=_plain(_PA_NET + _PA_TAX),
    line_items=_unit_lines(_PA_ITEMS, {"kg": "KGM", "saco": "XSA"}),
)  # fmt: skip


# -- Gabon: 'FCFA' after the figure, spaces between thousands, TVA 18 %, NIF, RCCM, 'Doit :' ----

_GA_ITEMS: list[UnitItem] = [("Okoumé déroulé, placage 2,2 mm", "120", "m3", "285000"),
                             ("Padouk scié, avivés 27 mm", "45", "m3", "410000")]  # fmt: skip
_GA_NET = _unit_sum(_GA_ITEMS)
_GA_TAX = (_GA_NET * Decimal("0.18")).quantize(Decimal("1"))


def ga_facture() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Société Gabonaise des Bois Tropicaux SA", size=12, bold=True)
    _block(s, 15, 16, ["Zone Industrielle d'Oloumi, BP 2215, Libreville, Gabon",
                       "RCCM : GA-LBV-01-2017-B14-00458   NIF : 201701458 K"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURE", size=14, bold=True)
    s.pairs(112, 22, [("Facture N° :", "SGBT/26/1204"),
                      ("Date :", "Libreville, le 2 décembre 2026")], gap=22,
            step=4.6)  # fmt: skip
    s.text(15, 34, "Doit :", size=9, bold=True)
    _block(s, 15, 39, ["Douala Bois Négoce SARL", "Rue Joss, Bonanjo, Douala", "Cameroun"],
           size=8)  # fmt: skip
    y = _table(s, 58, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. (FCFA)", 129, 28, "R"),
                       ("Montant (FCFA)", 159, 36, "R")],
               _cells(_GA_ITEMS, _spaced))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total HT", f"{_spaced(_GA_NET)} FCFA"),
                                 ("TVA 18 %", f"{_spaced(_GA_TAX)} FCFA"),
                                 ("Net à payer", f"{_spaced(_GA_NET + _GA_TAX)} FCFA")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


GA_FACTURE_TRUTH = _truth(
    invoice_number="SGBT/26/1204", type_code="380", issue_date="2026-12-02", currency="XAF",
    seller_name="Société Gabonaise des Bois Tropicaux SA", seller_vat_id="201701458K",
    seller_country="GA", buyer_name="Douala Bois Négoce SARL", buyer_country="CM",
    tax_exclusive_total=_plain(_GA_NET), tax_total=_plain(_GA_TAX),
    grand_total=_plain(_GA_NET + _GA_TAX), due_payable=_plain(_GA_NET + _GA_TAX),
    line_items=_unit_lines(_GA_ITEMS, {"m3": "MTQ"}),
)  # fmt: skip


# -- Aruba: 'Afl.' before the figure, Dutch separators, BBO 3 %, Crib-nummer, KvK --------------

_AW_ITEMS: list[UnitItem] = [("Antifouling scheepsverf, 5 liter", "60", "blik", "245.00"),
                             ("Meertouw polyester 16 mm", "400", "m", "8.75")]  # fmt: skip
_AW_NET = _unit_sum(_AW_ITEMS)
_AW_TAX = _round(_AW_NET * Decimal("0.03"))


def aw_factuur() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Caribbean Marine Supply N.V.", size=12, bold=True)
    _block(s, 15, 16, ["L.G. Smith Boulevard 124, Oranjestad, Aruba",
                       "KvK-nummer: 45872   Crib-nummer: 1234567   Tel.: +297 582 4587"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "FACTUUR", size=14, bold=True)
    s.pairs(118, 20, [("Factuurnummer:", "CMS-26-0931"), ("Factuurdatum:", "05-12-2026"),
                      ("Vervaldatum:", "04-01-2027")], gap=34, step=4.6)  # fmt: skip
    s.text(15, 34, "Factuur aan:", size=9, bold=True)
    _block(s, 15, 39, ["Curaçao Yachting B.V.", "Kaya Flamboyan 12, Willemstad", "Curaçao"],
           size=8)  # fmt: skip
    y = _table(s, 58, [("Omschrijving", 15, 82, "L"), ("Eenheid", 99, 14, "L"),
                       ("Aantal", 115, 12, "R"), ("Prijs", 129, 28, "R"),
                       ("Bedrag", 159, 36, "R")],
               _cells(_AW_ITEMS, lambda v: f"Afl. {_nl(v)}"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotaal", f"Afl. {_nl(_AW_NET)}"),
                                 ("BBO 3%", f"Afl. {_nl(_AW_TAX)}"),
                                 ("Totaal te betalen", f"Afl. {_nl(_AW_NET + _AW_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


AW_FACTUUR_TRUTH = _truth(
    invoice_number="CMS-26-0931", type_code="380", issue_date="2026-12-05", currency="AWG",
    seller_name="Caribbean Marine Supply N.V.", seller_vat_id="1234567",
    seller_country="AW", buyer_name="Curaçao Yachting B.V.", buyer_country="CW",
    tax_exclusive_total=_plain(_AW_NET), tax_total=_plain(_AW_TAX),
    grand_total=_plain(_AW_NET + _AW_TAX), due_payable=_plain(_AW_NET + _AW_TAX),
    line_items=_unit_lines(_AW_ITEMS, {"blik": "XCA", "m": "MTR"}),
)  # fmt: skip


# -- Gibraltar: a credit note, '£' before the figure, GIP in words, no tax, no tax id ----------

_GI_ITEMS: list[UnitItem] = [("Single malt Scotch whisky, 12 years, 70 cl", "48", "btl",
                              "18.40"),
                             ("London dry gin, 1 L", "36", "btl", "9.85")]  # fmt: skip
_GI_TOTAL = _unit_sum(_GI_ITEMS)


def gi_credit_note() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Rock Bay Wines & Spirits Limited", size=12, bold=True)
    _block(s, 15, 16, ["Unit 7, Europort, Gibraltar GX11 1AA",
                       "Company No. 112458   Import Licence No. 4587/26"], size=7.5)  # fmt: skip
    s.text(145, 10, "CREDIT NOTE", size=13, bold=True)
    s.pairs(122, 20, [("Credit Note No.:", "RBW-CN-0087"), ("Date:", "7th December 2026"),
                      ("Against Invoice:", "RBW-004402")], gap=28, step=4.6)  # fmt: skip
    s.text(15, 34, "Customer:", size=9, bold=True)
    _block(s, 15, 39, ["Bodegas del Estrecho S.L.", "Avenida del Puerto 8, 11207 Algeciras (Cádiz)",
                       "Spain"], size=8)  # fmt: skip
    s.text(15, 54, "Reason: bottles broken in transit, returned for credit.", size=8)
    y = _table(s, 62, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price", 129, 28, "R"),
                       ("Amount", 159, 36, "R")],
               _cells(_GI_ITEMS, lambda v: f"£{_group(v)}"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total Credit", f"£{_group(_GI_TOTAL)}")], width=40,
                size=9)  # fmt: skip
    _block(s, 15, y + 5, ["All amounts in Gibraltar pounds (GIP). No VAT is charged in "
                          "Gibraltar."], size=7.5)  # fmt: skip
    return s.output()


GI_CREDIT_NOTE_TRUTH = _truth(
    invoice_number="RBW-CN-0087", type_code="381", issue_date="2026-12-07", currency="GIP",
    seller_name="Rock Bay Wines & Spirits Limited", seller_country="GI",
    buyer_name="Bodegas del Estrecho S.L.", buyer_country="ES",
    grand_total=_plain(_GI_TOTAL), due_payable=_plain(_GI_TOTAL),
    line_items=_unit_lines(_GI_ITEMS, {"btl": "XBO"}),
)  # fmt: skip


# -- Åland: Swedish, '€' after the figure, no VAT (out of the tax area), FO-nummer, Momsnummer --

_AX_ITEMS: list[UnitItem] = [("Kallrökt lax, hel sida", "850", "kg", "28.40"),
                             ("Strömmingsfilé, fryst", "1200", "kg", "7.95")]  # fmt: skip
_AX_TOTAL = _unit_sum(_AX_ITEMS)


def ax_faktura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Ålands Fiskförädling Ab", size=12, bold=True)
    _block(s, 15, 16, ["Hamngatan 14, AX-22100 Mariehamn, Åland",
                       "FO-nummer: 2345678-9   Momsnummer: FI23456789"], size=7.5)  # fmt: skip
    s.text(155, 10, "FAKTURA", size=14, bold=True)
    s.pairs(118, 20, [("Fakturanummer:", "26-10457"), ("Fakturadatum:", "4.12.2026"),
                      ("Förfallodag:", "18.12.2026")], gap=34, step=4.6)  # fmt: skip
    s.text(15, 34, "Kund:", size=9, bold=True)
    _block(s, 15, 39, ["Stockholms Fiskgrossist AB", "Fiskhamnsgatan 2, 112 21 Stockholm",
                       "Sverige"], size=8)  # fmt: skip
    y = _table(s, 58, [("Benämning", 15, 82, "L"), ("Enhet", 99, 14, "L"),
                       ("Antal", 115, 12, "R"), ("À-pris", 129, 28, "R"),
                       ("Belopp", 159, 36, "R")],
               _cells(_AX_ITEMS, lambda v: f"{_sv(v)} €"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Att betala", f"{_sv(_AX_TOTAL)} €")], width=40, size=9)
    _block(s, 15, y + 5, ["Momsfri försäljning: export från Åland utanför skatteområdet."],
           size=7.5)  # fmt: skip
    return s.output()


AX_FAKTURA_TRUTH = _truth(
    invoice_number="26-10457", type_code="380", issue_date="2026-12-04", currency="EUR",
    seller_name="Ålands Fiskförädling Ab", seller_vat_id="FI23456789",
    seller_country="AX", buyer_name="Stockholms Fiskgrossist AB", buyer_country="SE",
    grand_total=_plain(_AX_TOTAL), due_payable=_plain(_AX_TOTAL),
    line_items=_unit_lines(_AX_ITEMS, {"kg": "KGM"}),
)  # fmt: skip


# -- Palestine: '₪' before the figure, 'ILS' in headers, VAT 16 %, Licensed Dealer No. ---------

_PS_ITEMS: list[UnitItem] = [("Hand-blown glass vase, blue, 30 cm", "600", "pcs", "42.00"),
                             ("Painted ceramic plate, 30 cm", "800", "pcs", "35.50")]  # fmt: skip
_PS_NET = _unit_sum(_PS_ITEMS)
_PS_TAX = _round(_PS_NET * Decimal("0.16"))


def ps_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Hebron Glass & Ceramics Co. Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Ein Sarah Street, Hebron, Palestine",
                       "Licensed Dealer No. 562458712   Tel: +970 2 222 4587"],
           size=7.5)  # fmt: skip
    s.text(150, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(122, 20, [("Invoice No.:", "HGC-2026-0742"), ("Date:", "02.12.2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Customer:", size=9, bold=True)
    _block(s, 15, 37, ["Amman Home Décor Est.", "Mecca Street, Amman", "Jordan"], size=8)
    y = _table(s, 56, [("#", 15, 8, "L"), ("Item", 24, 74, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Price (ILS)", 129, 28, "R"),
                       ("Total (ILS)", 159, 36, "R")],
               _cells(_PS_ITEMS, lambda v: f"₪ {_group(v)}", numbered=True))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total before VAT", f"₪ {_group(_PS_NET)}"),
                                 ("VAT 16%", f"₪ {_group(_PS_TAX)}"),
                                 ("Total (ILS)", f"₪ {_group(_PS_NET + _PS_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


PS_TAX_INVOICE_TRUTH = _truth(
    invoice_number="HGC-2026-0742", type_code="380", issue_date="2026-12-02", currency="ILS",
    seller_name="Hebron Glass & Ceramics Co. Ltd", seller_vat_id="562458712",
    seller_country="PS", buyer_name="Amman Home Décor Est.", buyer_country="JO",
    tax_exclusive_total=_plain(_PS_NET), tax_total=_plain(_PS_TAX),
    grand_total=_plain(_PS_NET + _PS_TAX), due_payable=_plain(_PS_NET + _PS_TAX),
    line_items=_unit_lines(_PS_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- Sierra Leone: 'NLe' before the figure, 'SLE' in headers, GST 15 %, TIN, '05-Dec-2026' -----

_SL_ITEMS: list[UnitItem] = [("Cocoa beans, fermented, grade 1", "20000", "kg", "142.50"),
                             ("Robusta coffee beans, sun-dried", "8000", "kg",
                              "96.00")]  # fmt: skip
_SL_NET = _unit_sum(_SL_ITEMS)
_SL_TAX = _round(_SL_NET * Decimal("0.15"))


def sl_invoice() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Freetown Cocoa & Coffee Exporters Ltd", size=12, bold=True)
    _block(s, 15, 16, ["14 Wilberforce Street, Freetown, Sierra Leone",
                       "TIN: 1001245870   Business Reg. No.: SL010120261234"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice No.:", "FCC/EXP/26/118"), ("Date:", "05-Dec-2026"),
                      ("Terms:", "CAD")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 34, "Bill To:", size=9, bold=True)
    _block(s, 15, 39, ["Monrovia Commodities Inc.", "Randall Street, Monrovia", "Liberia"],
           size=8)  # fmt: skip
    y = _table(s, 58, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price SLE", 129, 28, "R"),
                       ("Amount SLE", 159, 36, "R")],
               _cells(_SL_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Sub-Total", f"NLe {_group(_SL_NET)}"),
                                 ("GST @ 15%", f"NLe {_group(_SL_TAX)}"),
                                 ("Grand Total", f"NLe {_group(_SL_NET + _SL_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


SL_INVOICE_TRUTH = _truth(
    invoice_number="FCC/EXP/26/118", type_code="380", issue_date="2026-12-05", currency="SLE",
    seller_name="Freetown Cocoa & Coffee Exporters Ltd", seller_vat_id="1001245870",
    seller_country="SL", buyer_name="Monrovia Commodities Inc.", buyer_country="LR",
    tax_exclusive_total=_plain(_SL_NET), tax_total=_plain(_SL_TAX),
    grand_total=_plain(_SL_NET + _SL_TAX), due_payable=_plain(_SL_NET + _SL_TAX),
    line_items=_unit_lines(_SL_ITEMS, {"kg": "KGM"}),
)  # fmt: skip


BATCH35: list[Layout] = [
    Layout("er-invoice", er_invoice, ER_INVOICE_TRUTH),
    Layout("na-tax-invoice", na_tax_invoice, NA_TAX_INVOICE_TRUTH),
    Layout("pa-factura", pa_factura, PA_FACTURA_TRUTH),
    Layout("ga-facture", ga_facture, GA_FACTURE_TRUTH),
    Layout("aw-factuur", aw_factuur, AW_FACTUUR_TRUTH),
    Layout("gi-credit-note", gi_credit_note, GI_CREDIT_NOTE_TRUTH),
    Layout("ax-faktura", ax_faktura, AX_FAKTURA_TRUTH),
    Layout("ps-tax-invoice", ps_tax_invoice, PS_TAX_INVOICE_TRUTH),
    Layout("sl-invoice", sl_invoice, SL_INVOICE_TRUTH),
]


def write_batch35(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH35)
