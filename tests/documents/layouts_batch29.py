"""A twenty-ninth batch of hand-written invoices (session 28, invoices24), written before
src/clearlane/documents/ was read in the session: eleven layouts out of sample, from sellers in
places no batch 1-28 has (the Dominican Republic, Fiji, Papua New Guinea, Botswana, Lebanon,
Costa Rica, Uruguay, the Faroe Islands, Malawi, Andorra, El Salvador).

The layouts: a Dominican nota de crédito (its NCF ``B04…`` the document's number, the NCF it
corrects beside it, an RNC with dashes, ITBIS 18 %, ``RD$`` amounts, a Santo Domingo postcode
10148); a Fijian tax invoice in Fiji dollars (``FJ$``), ``3rd December 2026``, a TIN with
dashes, timber by the cubic metre and the metre, an Australian-dollar equivalent for
information; a Papua New Guinean coffee exporter's tax invoice in kina whose totals carry the
code in their labels (``Total Amount (PGK)``), parchment by the metric tonne (``MT``), a PO Box
and postcode ``NCD 111``; a Botswanan hardware wholesaler's invoice over two pages, ``Carried
forward`` / ``Brought forward``, the totals on the second page only, in pula (``P``, the code
said once in a note), twelve units; a Lebanese facture in US dollars with the VAT's counter-value
in Lebanese pounds at the official rate (``89 500``); a Costa Rican factura electrónica in
colones (``₡``) with spaces between thousands and a decimal comma, its 50-digit clave and its
20-digit consecutivo (the number), an exchange rate beside the currency; a Uruguayan e-Factura
in US dollars (``U$S``) with a decimal comma and the equivalent in pesos (``$``); a Faroese
faktura in krónur (``kr.``: the Danish krone, DKK), ``4. desember 2026``, a V-tal, exported to
Denmark at 0 % MVG; a Malawian tax invoice in kwacha (``MK``), sugar by the bag and the bale,
VAT 16.5 %; an Andorran factura in Catalan (``3 de desembre de 2026``), an NRT, IGI 4,5 %,
postcodes ``AD700``; a Salvadoran comprobante de crédito fiscal (DTE) in US dollars (``$``, El
Salvador's currency), its número de control the number, a NIT and an NRC.

Ground truth as in the earlier batches (layouts_batch22.py's docstring, layouts_batch28.py's):
what a customs officer reads on the page, written before any reading. Choices where the page
leaves room: a credit note's amounts as printed (positive); an export's ``0,00`` tax is its tax
total; the seller's tax id without spaces or punctuation (RNC, TIN, VAT Reg. No., N° TVA,
cédula jurídica, RUT, V-tal, TPIN, NRT, NIT); units as UN/ECE codes (funda, bag: XBG;
saco: XSA, session 33; unid., unidad, unitat, each: H87; m3: MTQ; m: MTR; MT (metric tonne):
TNE; kg: KGM; roll: XRO;
box, kassi: XBX; pair: PR; litre: LTR; carton: XCT; bale: XBL; ampolla: XBO; galón: GLL).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch20 import UnitItem, _de, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_batch25 import _rows
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _group, _plain, _round


def _sp(value: Decimal) -> str:
    """1 234 567,89: a space between thousands, a decimal comma (colones)."""
    return _de(value).replace(".", " ")


# -- Dominican Republic: a nota de crédito, NCF B04…, RNC with dashes, ITBIS 18 %, RD$ -----------

_DO_ITEMS: list[UnitItem] = [("Devolución: cemento Portland GU, funda 42.5 kg", "120",
                              "funda", "395.00"),
                             ("Devolución: varilla corrugada 3/8\" x 20 pies", "200", "unid.",
                              "268.50")]  # fmt: skip
_DO_NET = _unit_sum(_DO_ITEMS)
_DO_TAX = _round(_DO_NET * Decimal("0.18"))


def _rd(value: Decimal) -> str:
    return f"RD$ {_group(value)}"


def do_nota_credito() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Materiales Caribe Constructores, S.A.S.", size=12, bold=True)
    _block(s, 15, 16, ["Calle José Amado Soler 45, Ensanche Piantini, Santo Domingo 10148",
                       "República Dominicana   RNC: 1-31-12345-6",
                       "Tel.: (809) 541-2026"], size=7.5)  # fmt: skip
    s.text(130, 10, "NOTA DE CRÉDITO", size=13, bold=True)
    s.pairs(130, 18, [("NCF:", "B0400000087"), ("Fecha:", "03/12/2026"),
                      ("NCF modificado:", "B0100001245"), ("Válida hasta:", "31/12/2027")],
            gap=31, step=4.6)  # fmt: skip
    s.pairs(15, 36, [("Cliente:", "Ferretería Ochoa, S.R.L."), ("RNC:", "1-01-98765-4"),
                     ("Dirección:", "Av. 27 de Febrero 1456, Santiago de los Caballeros, "
                      "República Dominicana")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 52, "Concepto: devolución de mercancía dañada, factura NCF B0100001245 del "
           "14/11/2026", size=8)  # fmt: skip
    rows = _rows(_DO_ITEMS, _group)
    y = _table(s, 60, [("#", 15, 8, "L"), ("Descripción", 25, 74, "L"), ("Unidad", 101, 12, "L"),
                       ("Cant.", 115, 12, "R"), ("Precio RD$", 129, 26, "R"),
                       ("Valor RD$", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal", _rd(_DO_NET)), ("ITBIS 18%", _rd(_DO_TAX)),
                                 ("Total nota de crédito", _rd(_DO_NET + _DO_TAX))],
            width=40, size=8.5)  # fmt: skip
    return s.output()


DO_NOTA_CREDITO_TRUTH = _truth(
    invoice_number="B0400000087", type_code="381", issue_date="2026-12-03", currency="DOP",
    seller_name="Materiales Caribe Constructores, S.A.S.", seller_vat_id="131123456",
    seller_country="DO", buyer_name="Ferretería Ochoa, S.R.L.", buyer_country="DO",
    tax_exclusive_total=_plain(_DO_NET), tax_total=_plain(_DO_TAX),
    grand_total=_plain(_DO_NET + _DO_TAX), due_payable=_plain(_DO_NET + _DO_TAX),
    line_items=_unit_lines(_DO_ITEMS, {"funda": "XBG", "unid.": "H87"}),
)  # fmt: skip


# -- Fiji: FJ$, '3rd December 2026', a TIN with dashes, timber by the m3 and the m, an AUD note ---

_FJ_ITEMS: list[UnitItem] = [("Mahogany sawn timber 100x50 mm, kiln dried", "12.500", "m3",
                              "1850.00"),
                             ("Pine decking 140x32 mm, treated H3", "480", "m",
                              "14.20")]  # fmt: skip
_FJ_NET = _unit_sum(_FJ_ITEMS)
_FJ_TAX = _round(_FJ_NET * Decimal("0.15"))


def fj_tax_invoice() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Pacific Island Timber Mills Pte Limited", size=12, bold=True)
    _block(s, 15, 16, ["Lot 12 Wailada Industrial Subdivision, Lami, Fiji",
                       "TIN: 50-12345-0-1   Ph: (679) 336 2026"], size=7.5)  # fmt: skip
    s.text(140, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(130, 18, [("Invoice No:", "INV-008812"), ("Date:", "3rd December 2026"),
                      ("Order No:", "PO 2044"), ("Terms:", "14 days")],
            gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Bill To:", size=9, bold=True)
    _block(s, 15, 37, ["Nadi Bay Resort Pte Limited", "Queens Road, Martintar, Nadi, Fiji",
                       "TIN: 50-98765-0-3"], size=8)  # fmt: skip
    rows = _rows(_FJ_ITEMS, _group)
    y = _table(s, 56, [("Item", 15, 8, "L"), ("Description", 25, 72, "L"), ("Unit", 99, 12, "L"),
                       ("Qty", 113, 14, "R"), ("Rate FJ$", 129, 26, "R"),
                       ("Amount FJ$", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total (VEP)", f"FJ$ {_group(_FJ_NET)}"),
                                     ("VAT 15%", f"FJ$ {_group(_FJ_TAX)}"),
                                     ("Total (VIP)", f"FJ$ {_group(_FJ_NET + _FJ_TAX)}"),
                                     ("Balance Due", f"FJ$ {_group(_FJ_NET + _FJ_TAX)}")],
                width=40, size=8.5)  # fmt: skip
    aud = _round((_FJ_NET + _FJ_TAX) * Decimal("0.6650"))
    _block(s, 15, y + 5, [f"For information: A$ {_group(aud)} at 1 FJD = 0.6650 AUD.",
                          "Bank: ANZ Fiji, Victoria Parade, Suva, account 1234567"],
           size=7.5)  # fmt: skip
    return s.output()


FJ_TAX_INVOICE_TRUTH = _truth(
    invoice_number="INV-008812", type_code="380", issue_date="2026-12-03", currency="FJD",
    seller_name="Pacific Island Timber Mills Pte Limited", seller_vat_id="501234501",
    seller_country="FJ", buyer_name="Nadi Bay Resort Pte Limited", buyer_country="FJ",
    tax_exclusive_total=_plain(_FJ_NET), tax_total=_plain(_FJ_TAX),
    grand_total=_plain(_FJ_NET + _FJ_TAX), due_payable=_plain(_FJ_NET + _FJ_TAX),
    line_items=_unit_lines(_FJ_ITEMS, {"m3": "MTQ", "m": "MTR"}),
)  # fmt: skip


# -- Papua New Guinea: kina, the code in the totals' labels, parchment by the MT, 'NCD 111' -----

_PG_ITEMS: list[UnitItem] = [("Green coffee beans, Arabica Y1, 60 kg bag", "150", "bag",
                              "585.00"),
                             ("Parchment coffee, PSC grade", "4.200", "MT", "9600.00")]  # fmt: skip
_PG_NET = _unit_sum(_PG_ITEMS)
_PG_TAX = _round(_PG_NET * Decimal("0.10"))


def pg_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Highlands Coffee Exporters Limited", size=12, bold=True)
    _block(s, 15, 16, ["Section 12, Allotment 5, Kuri Street, Goroka 441",
                       "Eastern Highlands Province, Papua New Guinea",
                       "TIN: 500123456   Ph: +675 532 2026"], size=7.5)  # fmt: skip
    s.text(140, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(125, 18, [("Invoice Number:", "HCE-26-0457"), ("Invoice Date:", "04-Dec-2026"),
                      ("Customer ID:", "C-2031")], gap=32, step=4.6)  # fmt: skip
    s.text(15, 34, "Sold To:", size=9, bold=True)
    _block(s, 15, 39, ["Port Moresby Roasters Ltd", "P.O. Box 1234, Boroko, NCD 111",
                       "Papua New Guinea"], size=8)  # fmt: skip
    rows = _rows(_PG_ITEMS, _group)
    y = _table(s, 58, [("No", 15, 8, "L"), ("Description", 25, 72, "L"), ("Unit", 99, 12, "L"),
                       ("Qty", 113, 14, "R"), ("Unit Price", 129, 26, "R"),
                       ("Amount", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 95, 155, y + 3, [("Sub Total (PGK)", _group(_PG_NET)),
                                ("GST 10% (PGK)", _group(_PG_TAX)),
                                ("Total Amount (PGK)", _group(_PG_NET + _PG_TAX))],
            width=40, size=8.5)  # fmt: skip
    return s.output()


PG_TAX_INVOICE_TRUTH = _truth(
    invoice_number="HCE-26-0457", type_code="380", issue_date="2026-12-04", currency="PGK",
    seller_name="Highlands Coffee Exporters Limited", seller_vat_id="500123456",
    seller_country="PG", buyer_name="Port Moresby Roasters Ltd", buyer_country="PG",
    tax_exclusive_total=_plain(_PG_NET), tax_total=_plain(_PG_TAX),
    grand_total=_plain(_PG_NET + _PG_TAX), due_payable=_plain(_PG_NET + _PG_TAX),
    line_items=_unit_lines(_PG_ITEMS, {"bag": "XBG", "MT": "TNE"}),
)  # fmt: skip


# -- Botswana: two pages, 'Carried forward' / 'Brought forward', totals on page 2, pula ('P') ----

_BW_ITEMS: list[UnitItem] = [("Cement CEM II 32.5N, 50 kg", "200", "bag", "98.50"),
                             ("IBR roof sheeting 0.47 mm, 6 m", "120", "each", "312.00"),
                             ("Roofing nails 75 mm", "40", "box", "64.90"),
                             ("PVC conduit 20 mm, 4 m", "300", "each", "18.75"),
                             ("Electrical cable 2.5 mm2 twin and earth", "10", "roll", "1245.00"),
                             ("Steel wire 2.0 mm galvanised", "150", "kg", "32.40"),
                             ("Safety boots, steel toe, size 9", "24", "pair", "389.00"),
                             ("Exterior PVA paint, white", "60", "litre", "54.80"),
                             ("Copper pipe 15 mm, class 1", "180", "m", "72.30"),
                             ("Tile adhesive 20 kg", "80", "bag", "121.60"),
                             ("Door hinges 100 mm, brass", "50", "pair", "46.25"),
                             ("Masking tape 48 mm", "12", "box", "210.00")]  # fmt: skip
_BW_AMOUNTS = _unit_amounts(_BW_ITEMS)
_BW_NET = _unit_sum(_BW_ITEMS)
_BW_TAX = _round(_BW_NET * Decimal("0.14"))
_BW_COLUMNS = [("No", 15, 8, "L"), ("Description", 25, 72, "L"), ("Unit", 99, 12, "L"),
               ("Qty", 113, 14, "R"), ("Unit Price", 129, 26, "R"),
               ("Amount", 157, 38, "R")]  # fmt: skip


def _p(value: Decimal) -> str:
    return f"P {_group(value)}"


def bw_two_pages() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Kalahari Hardware Wholesalers (Pty) Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Plot 20612, Block 3 Industrial, Gaborone, Botswana",
                       "VAT Reg. No.: P03012345678   Tel: +267 391 2026"], size=7.5)  # fmt: skip
    s.text(145, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(125, 18, [("Invoice No.:", "KHW-INV-77120"), ("Date:", "02/12/2026"),
                      ("Account:", "MAU-0045"), ("Page:", "1 of 2")], gap=26, step=4.6)  # fmt: skip
    s.text(15, 32, "Deliver and invoice to:", size=9, bold=True)
    _block(s, 15, 37, ["Maun Builders Supplies (Pty) Ltd", "Private Bag 0045, Maun, Botswana",
                       "VAT Reg. No.: P03098765432"], size=8)  # fmt: skip
    rows = _rows(_BW_ITEMS, _group)
    first = 7
    y = _table(s, 56, _BW_COLUMNS, rows[:first], size=8.5, step=7)
    s.pdf.line(15, y, 195, y)
    carried = _group(sum(_BW_AMOUNTS[:first], Decimal(0)))
    s.text(110, y + 3, "Carried forward", size=8.5, bold=True)
    s.text(157, y + 3, carried, size=8.5, bold=True, width=38, align="R")
    s.text(15, 282, "All amounts in Botswana Pula (BWP).", size=7)
    s.pdf.add_page()
    s.text(15, 12, "Tax Invoice KHW-INV-77120 - Page 2 of 2", size=8)
    s.text(110, 22, "Brought forward", size=8.5, bold=True)
    s.text(157, 22, carried, size=8.5, bold=True, width=38, align="R")
    y = _table(s, 30, _BW_COLUMNS, rows[first:], size=8.5, step=7)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 4, [("Total excl. VAT", _p(_BW_NET)), ("VAT @ 14%", _p(_BW_TAX)),
                                     ("Total incl. VAT", _p(_BW_NET + _BW_TAX))],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 5, ["Banking details: First National Bank Botswana, Gaborone, "
                          "account 62012345678, branch 281467"], size=7.5)  # fmt: skip
    s.text(15, 282, "All amounts in Botswana Pula (BWP).", size=7)
    return s.output()


BW_TWO_PAGES_TRUTH = _truth(
    invoice_number="KHW-INV-77120", type_code="380", issue_date="2026-12-02", currency="BWP",
    seller_name="Kalahari Hardware Wholesalers (Pty) Ltd", seller_vat_id="P03012345678",
    seller_country="BW", buyer_name="Maun Builders Supplies (Pty) Ltd", buyer_country="BW",
    tax_exclusive_total=_plain(_BW_NET), tax_total=_plain(_BW_TAX),
    grand_total=_plain(_BW_NET + _BW_TAX), due_payable=_plain(_BW_NET + _BW_TAX),
    line_items=_unit_lines(_BW_ITEMS, {"bag": "XBG", "each": "H87", "box": "XBX", "roll": "XRO",
                                       "kg": "KGM", "pair": "PR", "litre": "LTR",
                                       "m": "MTR"}),
)  # fmt: skip


# -- Lebanon: a facture in US dollars, the VAT's counter-value in Lebanese pounds ----------------

_LB_ITEMS: list[UnitItem] = [("Huile d'olive extra vierge, carton de 4 bidons de 4 l", "150",
                              "carton", "96.00"),
                             ("Labneh 1 kg, carton de 12", "80", "carton", "38.40"),
                             ("Pois chiches, sac de 25 kg", "120", "sac", "31.75")]  # fmt: skip
_LB_NET = _unit_sum(_LB_ITEMS)
_LB_TAX = _round(_LB_NET * Decimal("0.11"))


def lb_facture_usd() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Société Libanaise de Distribution Alimentaire S.A.L.", size=11, bold=True)
    _block(s, 15, 16, ["Rue Mar Elias, Immeuble Azar, 3e étage, Beyrouth, Liban",
                       "N° TVA : 123456-601   R.C. Beyrouth 1012345",
                       "Tél. : +961 1 702 026"], size=7.5)  # fmt: skip
    s.text(140, 10, "FACTURE", size=14, bold=True)
    s.text(140, 17, "N° SLDA-26/1184", size=9, bold=True)
    s.text(140, 23, "Beyrouth, le 4 décembre 2026", size=8.5)
    s.text(15, 32, "Client :", size=9, bold=True)
    _block(s, 15, 37, ["Épicerie Fine Bekaa S.A.R.L.", "Route de Chtaura, Zahlé, Liban",
                       "N° TVA : 654321-601"], size=8)  # fmt: skip
    rows = _rows(_LB_ITEMS, _group)
    y = _table(s, 56, [("N°", 15, 8, "L"), ("Désignation", 25, 72, "L"), ("Unité", 99, 12, "L"),
                       ("Qté", 113, 14, "R"), ("P.U. USD", 129, 26, "R"),
                       ("Montant USD", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total HT", f"USD {_group(_LB_NET)}"),
                                     ("TVA 11 %", f"USD {_group(_LB_TAX)}"),
                                     ("Total TTC", f"USD {_group(_LB_NET + _LB_TAX)}")],
                width=40, size=8.5)  # fmt: skip
    lbp = f"{int(_LB_TAX * 89500):,}".replace(",", " ")
    _block(s, 15, y + 5, [f"Contre-valeur de la TVA en livres libanaises au taux de 89 500 "
                          f"LBP/USD : {lbp} LBP",
                          "Règlement en dollars frais (fresh USD) par virement."],
           size=7.5)  # fmt: skip
    return s.output()


LB_FACTURE_USD_TRUTH = _truth(
    invoice_number="SLDA-26/1184", type_code="380", issue_date="2026-12-04", currency="USD",
    seller_name="Société Libanaise de Distribution Alimentaire S.A.L.",
    seller_vat_id="123456601", seller_country="LB", buyer_name="Épicerie Fine Bekaa S.A.R.L.",
    buyer_country="LB", tax_exclusive_total=_plain(_LB_NET), tax_total=_plain(_LB_TAX),
    grand_total=_plain(_LB_NET + _LB_TAX), due_payable=_plain(_LB_NET + _LB_TAX),
    line_items=_unit_lines(_LB_ITEMS, {"carton": "XCT", "sac": "XBG"}),
)  # fmt: skip


# -- Costa Rica: a factura electrónica in colones (₡ 1 234 567,89), clave and consecutivo --------

_CR_ITEMS: list[UnitItem] = [("Café tostado molido 500 g, caja de 24", "90", "caja",
                              "38450.00"),
                             ("Azúcar refinada 2 kg", "400", "unid", "1875.50"),
                             ("Frijol negro a granel", "650", "kg", "1120.00")]  # fmt: skip
_CR_NET = _unit_sum(_CR_ITEMS)
_CR_TAX = _round(_CR_NET * Decimal("0.13"))


def _crc(value: Decimal) -> str:
    return f"₡{_sp(value)}"


def cr_factura_electronica() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Distribuidora Agroindustrial del Valle, S.A.", size=11, bold=True)
    _block(s, 15, 16, ["Cédula Jurídica: 3-101-123456",
                       "Cartago, Paraíso, 30201, Costa Rica   Tel.: 2574-2026"],
           size=7.5)  # fmt: skip
    s.text(125, 10, "FACTURA ELECTRÓNICA", size=11, bold=True)
    s.pairs(110, 17, [("Consecutivo:", "00100001010000012345"),
                      ("Fecha de emisión:", "03/12/2026 14:22"),
                      ("Moneda:", "CRC   Tipo de cambio: 512,35")], gap=35, step=4.4)  # fmt: skip
    s.text(15, 31, "Clave: 50603122600310112345600100001010000012345112345678", size=7)
    s.pairs(15, 37, [("Receptor:", "Supermercados La Sabana, S.A."),
                     ("Cédula Jurídica:", "3-101-654321"),
                     ("Dirección:", "San José, Pavas, 10109, Costa Rica")],
            gap=31, step=4.6)  # fmt: skip
    rows = _rows(_CR_ITEMS, _sp)
    y = _table(s, 56, [("Línea", 15, 10, "L"), ("Detalle", 27, 70, "L"), ("Unidad", 99, 12, "L"),
                       ("Cantidad", 113, 14, "R"), ("Precio unitario", 129, 26, "R"),
                       ("Monto total", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total venta neta", _crc(_CR_NET)),
                                 ("Total impuesto (IVA 13%)", _crc(_CR_TAX)),
                                 ("Total comprobante", _crc(_CR_NET + _CR_TAX))],
            width=40, size=8.5)  # fmt: skip
    return s.output()


CR_FACTURA_ELECTRONICA_TRUTH = _truth(
    invoice_number="00100001010000012345", type_code="380", issue_date="2026-12-03",
    currency="CRC", seller_name="Distribuidora Agroindustrial del Valle, S.A.",
    seller_vat_id="3101123456", seller_country="CR",
    buyer_name="Supermercados La Sabana, S.A.", buyer_country="CR",
    tax_exclusive_total=_plain(_CR_NET), tax_total=_plain(_CR_TAX),
    grand_total=_plain(_CR_NET + _CR_TAX), due_payable=_plain(_CR_NET + _CR_TAX),
    line_items=_unit_lines(_CR_ITEMS, {"caja": "XBX", "unid": "H87", "kg": "KGM"}),
)  # fmt: skip


# -- Uruguay: an e-Factura in US dollars (U$S, decimal comma), the equivalent in pesos ($) ------

_UY_ITEMS: list[UnitItem] = [("Cuarto trasero vacuno congelado, caja 25 kg", "2400", "kg",
                              "6.85"),
                             ("Lengua vacuna congelada, caja 20 kg", "600", "kg",
                              "4.10")]  # fmt: skip
_UY_NET = _unit_sum(_UY_ITEMS)
_UY_TAX = _round(_UY_NET * Decimal("0.10"))


def uy_efactura_dolares() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Frigorífico Río Negro S.A.", size=12, bold=True)
    _block(s, 15, 16, ["Ruta 3 km 305, 60000 Paysandú, Uruguay", "RUT: 21 234567 0018"],
           size=7.5)  # fmt: skip
    s.text(140, 10, "e-Factura", size=14, bold=True)
    s.pairs(130, 18, [("Serie / N°:", "A-0045123"), ("Fecha:", "05/12/2026"),
                      ("Moneda:", "U$S"), ("Tipo de cambio:", "39,850")],
            gap=31, step=4.6)  # fmt: skip
    s.pairs(15, 32, [("RUT comprador:", "21 765432 0011"),
                     ("Razón social:", "Importadora Carnes del Plata S.A."),
                     ("Domicilio:", "Av. Italia 4520, 11400 Montevideo, Uruguay")],
            gap=32, step=4.6)  # fmt: skip
    rows = _rows(_UY_ITEMS, _de)
    y = _table(s, 54, [("N°", 15, 8, "L"), ("Descripción", 25, 72, "L"), ("Unidad", 99, 12, "L"),
                       ("Cantidad", 113, 14, "R"), ("Precio U$S", 129, 26, "R"),
                       ("Importe U$S", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Subtotal gravado tasa mínima", f"U$S {_de(_UY_NET)}"),
                                    ("IVA tasa mínima 10%", f"U$S {_de(_UY_TAX)}"),
                                    ("Total a pagar", f"U$S {_de(_UY_NET + _UY_TAX)}")],
                width=40, size=8.5)  # fmt: skip
    pesos = _round((_UY_NET + _UY_TAX) * Decimal("39.850"))
    _block(s, 15, y + 5, [f"Equivalente en moneda nacional: $ {_de(pesos)}",
                          "Res. DGI N° 4321/2019 - IVA al día - Código de seguridad: 7Hk2Qa"],
           size=7.5)  # fmt: skip
    return s.output()


UY_EFACTURA_DOLARES_TRUTH = _truth(
    invoice_number="A-0045123", type_code="380", issue_date="2026-12-05", currency="USD",
    seller_name="Frigorífico Río Negro S.A.", seller_vat_id="212345670018", seller_country="UY",
    buyer_name="Importadora Carnes del Plata S.A.", buyer_country="UY",
    tax_exclusive_total=_plain(_UY_NET), tax_total=_plain(_UY_TAX),
    grand_total=_plain(_UY_NET + _UY_TAX), due_payable=_plain(_UY_NET + _UY_TAX),
    line_items=_unit_lines(_UY_ITEMS, {"kg": "KGM"}),
)  # fmt: skip


# -- Faroe Islands: a faktura in krónur ('kr.': DKK), '4. desember 2026', V-tal, MVG 0 % -------

_FO_ITEMS: list[UnitItem] = [("Toskaflak, frosin, 5 kg kassi", "1200", "kg", "68.50"),
                             ("Saltfiskur, 25 kg kassi", "80", "kassi", "1450.00")]  # fmt: skip
_FO_NET = _unit_sum(_FO_ITEMS)


def fo_faktura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Føroya Fiskavirki P/F", size=12, bold=True)
    _block(s, 15, 16, ["Vestara Bryggja 15, FO-100 Tórshavn, Føroyar",
                       "V-tal: 612345   Tlf.: +298 31 20 26"], size=7.5)  # fmt: skip
    s.text(145, 10, "FAKTURA", size=14, bold=True)
    s.pairs(130, 18, [("Fakturanr.:", "26-0871"), ("Dagfesting:", "4. desember 2026"),
                      ("Gjaldfreist:", "18. desember 2026")], gap=26, step=4.6)  # fmt: skip
    s.text(15, 32, "Keypari:", size=9, bold=True)
    _block(s, 15, 37, ["Fiskehandel Nord ApS", "Havnegade 12, 9850 Hirtshals, Danmark",
                       "CVR: 31234567"], size=8)  # fmt: skip
    rows = _rows(_FO_ITEMS, _de)
    y = _table(s, 56, [("Nr.", 15, 8, "L"), ("Lýsing", 25, 72, "L"), ("Eind", 99, 12, "L"),
                       ("Nøgd", 113, 14, "R"), ("Prísur", 129, 26, "R"),
                       ("Upphædd", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Samtals uttan MVG", f"{_de(_FO_NET)} kr."),
                                    ("MVG 0 % (útflutningur)", "0,00 kr."),
                                    ("Samtals at gjalda", f"{_de(_FO_NET)} kr.")],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 5, ["Bankaupplýsingar: BankNordik, reg. 6460 konta 1234567, "
                          "IBAN FO97 6460 0001 2345 67"], size=7.5)  # fmt: skip
    return s.output()


FO_FAKTURA_TRUTH = _truth(
    invoice_number="26-0871", type_code="380", issue_date="2026-12-04", currency="DKK",
    seller_name="Føroya Fiskavirki P/F", seller_vat_id="612345", seller_country="FO",
    buyer_name="Fiskehandel Nord ApS", buyer_country="DK", tax_exclusive_total=_plain(_FO_NET),
    tax_total="0.00", grand_total=_plain(_FO_NET), due_payable=_plain(_FO_NET),
    line_items=_unit_lines(_FO_ITEMS, {"kg": "KGM", "kassi": "XBX"}),
)  # fmt: skip


# -- Malawi: kwacha ('MK'), sugar by the bag and the bale, VAT 16.5 %, a TPIN ------------------

_MW_ITEMS: list[UnitItem] = [("Brown sugar, 50 kg bag", "600", "bag", "87500.00"),
                             ("White sugar 1 kg packets, bale of 20", "250", "bale",
                              "41250.00")]  # fmt: skip
_MW_NET = _unit_sum(_MW_ITEMS)
_MW_TAX = _round(_MW_NET * Decimal("0.165"))


def mw_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Shire Valley Sugar Distributors Limited", size=12, bold=True)
    _block(s, 15, 16, ["Plot BC 9/123, Ginnery Corner, P.O. Box 30412, Blantyre 3, Malawi",
                       "TPIN: 70123456   Tel: +265 1 870 2026"], size=7.5)  # fmt: skip
    s.text(145, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(128, 18, [("Invoice No.:", "SVS/26/3341"), ("Invoice Date:", "1 Dec 2026"),
                      ("Delivery Note:", "DN 2044")], gap=28, step=4.6)  # fmt: skip
    s.text(15, 32, "Customer:", size=9, bold=True)
    _block(s, 15, 37, ["Lilongwe Grocers Limited", "Area 3, Plot 3/215, Lilongwe, Malawi",
                       "TPIN: 70987654"], size=8)  # fmt: skip
    rows = _rows(_MW_ITEMS, _group)
    y = _table(s, 56, [("No.", 15, 8, "L"), ("Description", 25, 72, "L"), ("Unit", 99, 12, "L"),
                       ("Qty", 113, 14, "R"), ("Unit Price MK", 129, 26, "R"),
                       ("Amount MK", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total excl. VAT", f"MK {_group(_MW_NET)}"),
                                 ("VAT 16.5%", f"MK {_group(_MW_TAX)}"),
                                 ("Total incl. VAT", f"MK {_group(_MW_NET + _MW_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


MW_TAX_INVOICE_TRUTH = _truth(
    invoice_number="SVS/26/3341", type_code="380", issue_date="2026-12-01", currency="MWK",
    seller_name="Shire Valley Sugar Distributors Limited", seller_vat_id="70123456",
    seller_country="MW", buyer_name="Lilongwe Grocers Limited", buyer_country="MW",
    tax_exclusive_total=_plain(_MW_NET), tax_total=_plain(_MW_TAX),
    grand_total=_plain(_MW_NET + _MW_TAX), due_payable=_plain(_MW_NET + _MW_TAX),
    line_items=_unit_lines(_MW_ITEMS, {"bag": "XBG", "bale": "XBL"}),
)  # fmt: skip


# -- Andorra: a factura in Catalan, '3 de desembre de 2026', NRT, IGI 4,5 %, 'AD700' ------------

_AD_ITEMS: list[UnitItem] = [("Vi negre DOQ Priorat, ampolla 75 cl", "120", "ampolla", "18.40"),
                             ("Formatge de tupí, pot 250 g", "60", "unitat", "7.95")]  # fmt: skip
_AD_NET = _unit_sum(_AD_ITEMS)
_AD_TAX = _round(_AD_NET * Decimal("0.045"))


def ad_factura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Comercial Pirineus, S.L.", size=12, bold=True)
    _block(s, 15, 16, ["Avinguda Carlemany 65, AD700 Escaldes-Engordany, Andorra",
                       "NRT: L-712345-X   Tel.: +376 82 20 26"], size=7.5)  # fmt: skip
    s.text(145, 10, "FACTURA", size=14, bold=True)
    s.pairs(130, 18, [("Núm.:", "FA26/0921"), ("Data:", "3 de desembre de 2026"),
                      ("Venciment:", "2 de gener de 2027")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 32, "Client:", size=9, bold=True)
    _block(s, 15, 37, ["Hotel Font Blanca, S.A.", "Carrer de la Unió 5, AD500 Andorra la Vella",
                       "NRT: A-701234-B"], size=8)  # fmt: skip
    rows = _rows(_AD_ITEMS, _de)
    y = _table(s, 56, [("Núm.", 15, 10, "L"), ("Descripció", 27, 70, "L"), ("Unitat", 99, 14, "L"),
                       ("Quant.", 115, 12, "R"), ("Preu", 129, 26, "R"),
                       ("Import", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Base imposable", f"{_de(_AD_NET)} €"),
                                 ("IGI 4,5 %", f"{_de(_AD_TAX)} €"),
                                 ("Total factura", f"{_de(_AD_NET + _AD_TAX)} €")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


AD_FACTURA_TRUTH = _truth(
    invoice_number="FA26/0921", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Comercial Pirineus, S.L.", seller_vat_id="L712345X", seller_country="AD",
    buyer_name="Hotel Font Blanca, S.A.", buyer_country="AD", tax_exclusive_total=_plain(_AD_NET),
    tax_total=_plain(_AD_TAX), grand_total=_plain(_AD_NET + _AD_TAX),
    due_payable=_plain(_AD_NET + _AD_TAX),
    line_items=_unit_lines(_AD_ITEMS, {"ampolla": "XBO", "unitat": "H87"}),
)  # fmt: skip


# -- El Salvador: a comprobante de crédito fiscal (DTE) in US dollars ('$'), NIT and NRC --------

_SV_ITEMS: list[UnitItem] = [("Pintura látex blanca, cubeta 5 galones", "40", "unidad", "68.50"),
                             ("Diluyente thinner estándar", "120", "galón", "9.75"),
                             ("Cemento gris, saco 42.5 kg", "300", "saco", "9.20")]  # fmt: skip
_SV_NET = _unit_sum(_SV_ITEMS)
_SV_TAX = _round(_SV_NET * Decimal("0.13"))


def sv_credito_fiscal() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Distribuidora Industrial Cuscatlán, S.A. de C.V.", size=11, bold=True)
    _block(s, 15, 16, ["Boulevard del Ejército km 4.5, Soyapango, San Salvador, El Salvador",
                       "NIT: 0614-120389-102-5   NRC: 12345-6",
                       "Giro: venta al por mayor de materiales de construcción"],
           size=7.5)  # fmt: skip
    s.text(120, 28, "COMPROBANTE DE CRÉDITO FISCAL", size=10, bold=True)
    s.pairs(90, 34, [("Número de control:", "DTE-03-M001P001-000000000001234"),
                      ("Código de generación:", "3F2A9C1E-7B44-4D1A-9E20-2026C0FFEE12"),
                      ("Fecha de emisión:", "02/12/2026")], gap=38, step=4.4)  # fmt: skip
    s.pairs(15, 50, [("Cliente:", "Ferretería La Palma, S.A. de C.V."),
                     ("NRC:", "65432-1"), ("Dirección:", "Avenida Independencia 12, Santa Ana, "
                                           "El Salvador")], gap=22, step=4.6)  # fmt: skip
    rows = _rows(_SV_ITEMS, lambda v: f"${_group(v)}")
    y = _table(s, 68, [("N°", 15, 8, "L"), ("Descripción", 25, 72, "L"), ("Unidad", 99, 12, "L"),
                       ("Cant.", 113, 14, "R"), ("Precio unitario", 129, 26, "R"),
                       ("Ventas gravadas", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Sumas", f"${_group(_SV_NET)}"),
                                 ("13% IVA", f"${_group(_SV_TAX)}"),
                                 ("Subtotal", f"${_group(_SV_NET + _SV_TAX)}"),
                                 ("Total a pagar", f"${_group(_SV_NET + _SV_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


SV_CREDITO_FISCAL_TRUTH = _truth(
    invoice_number="DTE-03-M001P001-000000000001234", type_code="380", issue_date="2026-12-02",
    currency="USD", seller_name="Distribuidora Industrial Cuscatlán, S.A. de C.V.",
    seller_vat_id="06141203891025", seller_country="SV",
    buyer_name="Ferretería La Palma, S.A. de C.V.", buyer_country="SV",
    tax_exclusive_total=_plain(_SV_NET), tax_total=_plain(_SV_TAX),
    grand_total=_plain(_SV_NET + _SV_TAX), due_payable=_plain(_SV_NET + _SV_TAX),
    line_items=_unit_lines(_SV_ITEMS, {"unidad": "H87", "galón": "GLL", "saco": "XSA"}),
)  # fmt: skip


BATCH29: list[Layout] = [
    Layout("do-nota-credito", do_nota_credito, DO_NOTA_CREDITO_TRUTH),
    Layout("fj-tax-invoice", fj_tax_invoice, FJ_TAX_INVOICE_TRUTH),
    Layout("pg-tax-invoice", pg_tax_invoice, PG_TAX_INVOICE_TRUTH),
    Layout("bw-two-pages", bw_two_pages, BW_TWO_PAGES_TRUTH),
    Layout("lb-facture-usd", lb_facture_usd, LB_FACTURE_USD_TRUTH),
    Layout("cr-factura-electronica", cr_factura_electronica, CR_FACTURA_ELECTRONICA_TRUTH),
    Layout("uy-efactura-dolares", uy_efactura_dolares, UY_EFACTURA_DOLARES_TRUTH),
    Layout("fo-faktura", fo_faktura, FO_FAKTURA_TRUTH),
    Layout("mw-tax-invoice", mw_tax_invoice, MW_TAX_INVOICE_TRUTH),
    Layout("ad-factura", ad_factura, AD_FACTURA_TRUTH),
    Layout("sv-credito-fiscal", sv_credito_fiscal, SV_CREDITO_FISCAL_TRUTH),
]


def write_batch29(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH29)
