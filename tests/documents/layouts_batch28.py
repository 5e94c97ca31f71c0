"""A twenty-eighth batch of hand-written invoices (session 27, reviewi12), written before
invoices23's diff or src/clearlane/documents/ was read, from its commit subjects only: nine
layouts out of sample, from sellers in places no batch 1-27 has (Cameroon, Zambia, Venezuela,
Guatemala, Seychelles, Bahrain, Guinea-Bissau, Cape Verde, Burkina Faso), aimed at the edges of
invoices23's rules (currency signs by the seller's country, three-decimal currencies, the
'MT' of the metical, issue dates in 1970-2099, unit words, a place and formula before the date).

The layouts: a Cameroonian facture in FCFA, which in Central Africa is the XAF and not the XOF,
``Douala, le 3 décembre 2026``, a NIU, a bank account in euros in the footer; a Zambian copper
exporter's commercial invoice in US dollars whose quantities are metric tonnes (``MT``), a
contract number ``NCR-2031`` beside the date; a Venezuelan factura in bolívares (``Bs.``, which
in Venezuela is the VES and not the boliviano) with a ``Bolsa ecológica`` line sold by the unit;
a Guatemalan FEL (electronic) factura in quetzales, prices including IVA, a DTE number starting
``2031``, a ``Caja de cambios`` (a gearbox, not a box) and a ``Bolsa de aire`` (an airbag) sold
by the unit; a Seychellois tax invoice in rupees (``Rs``: the SCR, not Mauritius' MUR) with an
account code ``CUST-2045`` beside the date and water sold by the bottle; a Bahraini tax invoice
in dinars with three decimals, its building number 2045 in the letterhead and a delivery-note
number 2071 beside the date; a Guinea-Bissau cashew exporter's fatura comercial in Portuguese, in
US dollars by the metric tonne (``MT``: not meticais), the crop year ``safra 2026`` in the
descriptions and a bank account in FCFA; a Cape Verdean fatura in escudos, where the ``$`` is the
decimal separator (``1.027.500$00``), wine sold by the ``garrafa``; a Burkinabè facture in FCFA
(XOF) with ``Ouagadougou, le 28 novembre 2026``, an IFU, motorcycle ``pièces détachées`` by the
kit and tyres by the ``pièce``.

Ground truth as in the earlier batches (layouts_batch22.py's docstring, layouts_batch27.py's):
what a customs officer reads on the page, written before any reading. Choices where the page
leaves room: a total the page does not print is null (the Guatemalan net total, prices holding
the IVA); an export invoice's ``0.00`` tax is its tax total; a three-decimal currency's amounts
are written with three places; the seller's tax id without spaces or punctuation (NIU, TPIN,
RIF, NIT, TIN, VAT Account No., NIF, IFU); the Guatemalan invoice number is the DTE's number;
units as UN/ECE codes (sac, bag: XBG; carton, ctn: XCT; MT (metric tonne): TNE; caja, caixa:
XBX; unid., unidad, pcs, pièce: H87; galón: GLL; bottle, garrafa: XBO; kit: KT).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch20 import UnitItem, _de, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_batch25 import _rows
from tests.documents.layouts_batch27 import _three, _whole_sp
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _group, _plain, _round


def _whole(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1))


# -- Cameroon: FCFA of Central Africa (XAF), 'Douala, le 3 décembre 2026', NIU, a EUR account ----

_CM_ITEMS: list[UnitItem] = [("Farine de blé T55, sac 50 kg", "200", "sac", "21500"),
                             ("Lait concentré sucré 397 g, carton de 48", "150", "carton",
                              "24000")]  # fmt: skip
_CM_NET = _unit_sum(_CM_ITEMS)
_CM_TAX = _whole(_CM_NET * Decimal("0.1925"))  # TVA 17.5 % and its 10 % CAC


def cm_facture_xaf() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Comptoir Agro-Alimentaire du Wouri SARL", size=12, bold=True)
    _block(s, 15, 17, ["Rue Joss, BP 4512 Douala, Cameroun",
                       "NIU : M041612345678Q   RC : RC/DLA/2016/B/1234",
                       "Tél. : +237 233 42 20 26"], size=7.5)  # fmt: skip
    s.text(135, 12, "FACTURE N° FA-2026-0712", size=11, bold=True)
    s.text(135, 19, "Douala, le 3 décembre 2026", size=9)
    s.text(15, 33, "Client :", size=9, bold=True)
    _block(s, 15, 38, ["Supermarché Mahima SA", "Boulevard de la Liberté, Akwa, Douala, "
                       "Cameroun", "NIU : M059912345001B"], size=8)  # fmt: skip
    rows = _rows(_CM_ITEMS, _whole_sp)
    y = _table(s, 58, [("N°", 15, 8, "L"), ("Désignation", 25, 72, "L"), ("Unité", 99, 12, "L"),
                       ("Qté", 113, 14, "R"), ("P.U. HT", 129, 26, "R"),
                       ("Montant HT", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total HT", f"{_whole_sp(_CM_NET)} FCFA"),
                                     ("TVA 19,25 %", f"{_whole_sp(_CM_TAX)} FCFA"),
                                     ("Total TTC", f"{_whole_sp(_CM_NET + _CM_TAX)} FCFA"),
                                     ("Net à payer", f"{_whole_sp(_CM_NET + _CM_TAX)} FCFA")],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 6, ["Arrêtée la présente facture à la somme de neuf millions quatre cent "
                          "vingt mille sept cent cinquante francs CFA.",
                          "Règlement : Afriland First Bank, agence Akwa, compte en EUR (€) "
                          "n° CM21 10005 00001 01234567891 23"], size=7.5)  # fmt: skip
    return s.output()


CM_FACTURE_XAF_TRUTH = _truth(
    invoice_number="FA-2026-0712", type_code="380", issue_date="2026-12-03", currency="XAF",
    seller_name="Comptoir Agro-Alimentaire du Wouri SARL", seller_vat_id="M041612345678Q",
    seller_country="CM", buyer_name="Supermarché Mahima SA", buyer_country="CM",
    tax_exclusive_total=_plain(_CM_NET), tax_total=_plain(_CM_TAX),
    grand_total=_plain(_CM_NET + _CM_TAX), due_payable=_plain(_CM_NET + _CM_TAX),
    line_items=_unit_lines(_CM_ITEMS, {"sac": "XBG", "carton": "XCT"}),
)  # fmt: skip


# -- Zambia: copper by the metric tonne ('MT'), US dollars, a contract 'NCR-2031' by the date ------

_ZM_ITEMS: list[UnitItem] = [("Copper cathodes Grade A, LME brand, 99.99% Cu", "125.500", "MT",
                              "9420.00"),
                             ("Copper rod 8 mm, coils approx. 3 MT each", "48", "MT",
                              "9780.00")]  # fmt: skip
_ZM_NET = _unit_sum(_ZM_ITEMS)


def zm_copper_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Nkana Copper Refiners Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Plot 5120, Mine Road, Kitwe, Copperbelt Province, Zambia",
                       "TPIN: 1001234567   Tel.: +260 212 22 2026"], size=7.5)  # fmt: skip
    s.text(130, 10, "COMMERCIAL INVOICE", size=12, bold=True)
    s.pairs(130, 17, [("Invoice No.:", "NCR/EXP/26/118"), ("Date:", "02 December 2026"),
                      ("Contract No.:", "NCR-2031"), ("Incoterm:", "FCA Kitwe")],
            gap=26, step=4.6)  # fmt: skip
    s.text(15, 32, "Buyer:", size=9, bold=True)
    _block(s, 15, 37, ["Shanghai Hongtai Metals Co., Ltd.",
                       "Room 1204, 88 Century Avenue, Pudong, Shanghai, China"],
           size=8)  # fmt: skip
    rows = _rows(_ZM_ITEMS, _group)
    y = _table(s, 54, [("No.", 15, 8, "L"), ("Description of goods", 25, 72, "L"),
                       ("Unit", 99, 10, "L"), ("Qty", 111, 14, "R"),
                       ("Price USD/MT", 127, 28, "R"), ("Amount USD", 157, 38, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Total FCA Kitwe (USD)", _group(_ZM_NET)),
                                    ("VAT 0% (export, zero-rated)", "0.00"),
                                    ("Total amount due (USD)", _group(_ZM_NET))],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 5, ["Net weight: 173.500 MT   Gross weight: 174.120 MT   Lots: 58",
                          "Bank: Zambia National Commercial Bank, Kitwe, USD account "
                          "0123456789012, SWIFT ZNCOZMLU"], size=7.5)  # fmt: skip
    return s.output()


ZM_COPPER_INVOICE_TRUTH = _truth(
    invoice_number="NCR/EXP/26/118", type_code="380", issue_date="2026-12-02", currency="USD",
    seller_name="Nkana Copper Refiners Ltd", seller_vat_id="1001234567", seller_country="ZM",
    buyer_name="Shanghai Hongtai Metals Co., Ltd.", buyer_country="CN",
    tax_exclusive_total=_plain(_ZM_NET), tax_total="0.00", grand_total=_plain(_ZM_NET),
    due_payable=_plain(_ZM_NET), line_items=_unit_lines(_ZM_ITEMS, {"MT": "TNE"}),
)  # fmt: skip


# -- Venezuela: 'Bs.' (bolívares, VES), RIF, N° de Control, a 'Bolsa' sold by the unit -----------

_VE_ITEMS: list[UnitItem] = [("Harina de maíz precocida 1 kg, caja 20 unidades", "300", "caja",
                              "285.40"),
                             ("Bolsa ecológica reutilizable, logo impreso", "500", "unid.",
                              "12.50"),
                             ("Aceite de maíz 1 L, caja 12 unidades", "80", "caja",
                              "310.00")]  # fmt: skip
_VE_NET = _unit_sum(_VE_ITEMS)
_VE_TAX = _round(_VE_NET * Decimal("0.16"))


def _bs(value: Decimal) -> str:
    return f"Bs. {_de(value)}"


def ve_factura_bolivares() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Alimentos del Carabobo, C.A.", size=12, bold=True)
    _block(s, 15, 16, ["RIF: J-30123456-7",
                       "Av. Bolívar Norte, Torre Stratos, Piso 5, Valencia, Carabobo, Venezuela",
                       "Telf.: (0241) 824.20.26"], size=7.5)  # fmt: skip
    s.text(140, 10, "FACTURA", size=14, bold=True)
    s.pairs(130, 18, [("N° de Factura:", "00004512"), ("N° de Control:", "00-00012345"),
                      ("Fecha de emisión:", "05/12/2026")], gap=28, step=4.6)  # fmt: skip
    s.pairs(15, 36, [("Razón Social:", "Abastos Los Andes, C.A."), ("RIF:", "J-29876543-2"),
                     ("Domicilio Fiscal:", "Calle 5 con Av. 3, Mérida, Venezuela"),
                     ("Condición de pago:", "Crédito 15 días")], gap=32, step=4.6)  # fmt: skip
    rows = _rows(_VE_ITEMS, _de)
    y = _table(s, 60, [("Item", 15, 8, "L"), ("Descripción", 25, 72, "L"), ("Unidad", 99, 12, "L"),
                       ("Cant.", 113, 14, "R"), ("Precio Bs.", 129, 26, "R"),
                       ("Total Bs.", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Base imponible", _bs(_VE_NET)), ("Exento", "Bs. 0,00"),
                                 ("IVA 16%", _bs(_VE_TAX)),
                                 ("Total a pagar", _bs(_VE_NET + _VE_TAX))],
            width=40, size=8.5)  # fmt: skip
    return s.output()


VE_FACTURA_BOLIVARES_TRUTH = _truth(
    invoice_number="00004512", type_code="380", issue_date="2026-12-05", currency="VES",
    seller_name="Alimentos del Carabobo, C.A.", seller_vat_id="J301234567", seller_country="VE",
    buyer_name="Abastos Los Andes, C.A.", buyer_country="VE", tax_exclusive_total=_plain(_VE_NET),
    tax_total=_plain(_VE_TAX), grand_total=_plain(_VE_NET + _VE_TAX),
    due_payable=_plain(_VE_NET + _VE_TAX),
    line_items=_unit_lines(_VE_ITEMS, {"caja": "XBX", "unid.": "H87"}),
)  # fmt: skip


# -- Guatemala: an FEL factura in quetzales, IVA inside the prices, a gearbox and an airbag -------

_GT_ITEMS: list[UnitItem] = [("Caja de cambios reconstruida, Toyota Hilux 2.4", "2", "unidad",
                              "14500.00"),
                             ("Bolsa de aire conductor, Nissan Frontier", "4", "unidad",
                              "3850.00"),
                             ("Aceite de motor 15W-40, galón 3.78 L", "24", "galón",
                              "245.00")]  # fmt: skip
_GT_TOTAL = _unit_sum(_GT_ITEMS)
_GT_IVA = _round(_GT_TOTAL * 12 / 112)


def gt_factura_fel() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Repuestos Automotrices del Pacífico, S.A.", size=11, bold=True)
    _block(s, 15, 16, ["12 Calle 4-52 Zona 9, Ciudad de Guatemala, Guatemala",
                       "NIT Emisor: 9876543-2"], size=7.5)  # fmt: skip
    s.text(125, 10, "DOCUMENTO TRIBUTARIO ELECTRÓNICO", size=8, bold=True)
    s.text(125, 15, "FACTURA", size=12, bold=True)
    s.pairs(118, 21, [("Serie:", "A7F3C2E1"), ("Número de DTE:", "2031587466"),
                      ("Fecha y hora de emisión:", "04-dic-2026 10:15:22"),
                      ("Moneda:", "GTQ")], gap=42, step=4.4)  # fmt: skip
    s.pairs(15, 30, [("NIT Receptor:", "4567890-1"),
                     ("Nombre Receptor:", "Transportes Quetzaltenango, S.A."),
                     ("Dirección:", "7a Avenida 3-33 Zona 1, Quetzaltenango, Guatemala")],
            gap=30, step=4.6)  # fmt: skip
    rows = [[q, "Bien", u, t, _group(_d), "0.00", _group(a)]
            for (t, q, u, p), a in zip(_GT_ITEMS, _unit_amounts(_GT_ITEMS), strict=True)
            for _d in [Decimal(p)]]  # fmt: skip
    y = _table(s, 52, [("Cantidad", 15, 14, "R"), ("B/S", 31, 8, "L"), ("Unidad", 41, 14, "L"),
                       ("Descripción", 57, 66, "L"), ("P. Unitario\ncon IVA (Q)", 125, 22, "R"),
                       ("Desc. (Q)", 149, 18, "R"), ("Total (Q)", 169, 26, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 160, y + 3, [("TOTAL", f"Q {_group(_GT_TOTAL)}"),
                                     ("Impuestos: IVA", f"Q {_group(_GT_IVA)}")],
                width=35, size=8.5)  # fmt: skip
    _block(s, 15, y + 4, ["Sujeto a pagos trimestrales ISR",
                          "Número de autorización: A7F3C2E1-7966-4A52-B6D3-0E1F9A2C4B77",
                          "Certificador: Infile, S.A.  NIT: 12521337  "
                          "Fecha de certificación: 04-dic-2026 10:15:31"], size=7)  # fmt: skip
    return s.output()


GT_FACTURA_FEL_TRUTH = _truth(
    invoice_number="2031587466", type_code="380", issue_date="2026-12-04", currency="GTQ",
    seller_name="Repuestos Automotrices del Pacífico, S.A.", seller_vat_id="98765432",
    seller_country="GT", buyer_name="Transportes Quetzaltenango, S.A.", buyer_country="GT",
    tax_exclusive_total=None, tax_total=_plain(_GT_IVA), grand_total=_plain(_GT_TOTAL),
    due_payable=_plain(_GT_TOTAL),
    line_items=_unit_lines(_GT_ITEMS, {"unidad": "H87", "galón": "GLL"}),
)  # fmt: skip


# -- Seychelles: rupees ('Rs', the SCR), an account code 'CUST-2045' beside the date, bottles ----

_SC_ITEMS: list[UnitItem] = [("Bath towel 70x140 cm, white", "400", "pcs", "185.00"),
                             ("Guest soap 30 g, carton of 500", "12", "ctn", "1450.00"),
                             ("Still water 1.5 L", "1200", "bottle", "14.50")]  # fmt: skip
_SC_NET = _unit_sum(_SC_ITEMS)
_SC_TAX = _round(_SC_NET * Decimal("0.15"))


def sc_tax_invoice_rupees() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Mahé Hospitality Supplies (Pty) Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Unit 7, Providence Industrial Estate, Mahé, Seychelles",
                       "TIN: 101234567   Tel.: +248 437 2026"], size=7.5)  # fmt: skip
    s.text(140, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(130, 18, [("Invoice No.:", "MHS-26-0981"), ("Date:", "7 December 2026"),
                      ("Account:", "CUST-2045"), ("Terms:", "30 days")],
            gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Invoice to:", size=9, bold=True)
    _block(s, 15, 37, ["Coral Strand Hotel Ltd", "Beau Vallon, Mahé, Seychelles",
                       "TIN: 109876543"], size=8)  # fmt: skip
    rows = _rows(_SC_ITEMS, _group)
    y = _table(s, 56, [("No.", 15, 8, "L"), ("Description", 25, 72, "L"), ("Unit", 99, 12, "L"),
                       ("Qty", 113, 14, "R"), ("Unit price (Rs)", 129, 26, "R"),
                       ("Amount (Rs)", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total excl. VAT", f"Rs {_group(_SC_NET)}"),
                                 ("VAT 15%", f"Rs {_group(_SC_TAX)}"),
                                 ("Total incl. VAT", f"Rs {_group(_SC_NET + _SC_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


SC_TAX_INVOICE_RUPEES_TRUTH = _truth(
    invoice_number="MHS-26-0981", type_code="380", issue_date="2026-12-07", currency="SCR",
    seller_name="Mahé Hospitality Supplies (Pty) Ltd", seller_vat_id="101234567",
    seller_country="SC", buyer_name="Coral Strand Hotel Ltd", buyer_country="SC",
    tax_exclusive_total=_plain(_SC_NET), tax_total=_plain(_SC_TAX),
    grand_total=_plain(_SC_NET + _SC_TAX), due_payable=_plain(_SC_NET + _SC_TAX),
    line_items=_unit_lines(_SC_ITEMS, {"pcs": "H87", "ctn": "XCT", "bottle": "XBO"}),
)  # fmt: skip


# -- Bahrain: dinars with three decimals, 'Building 2045' in the letterhead, delivery note 2071 ----

_BH_ITEMS: list[UnitItem] = [("Frozen chicken 1.2 kg, carton of 10", "350", "ctn", "11.250"),
                             ("Basmati rice 5 kg", "600", "bag", "3.875"),
                             ("Tomato paste 400 g, carton of 24", "120", "ctn",
                              "9.600")]  # fmt: skip
_BH_NET = _unit_sum(_BH_ITEMS)
_BH_TAX = (_BH_NET * Decimal("0.10")).quantize(Decimal("0.001"))


def _bhd(value: Decimal) -> str:
    return _group(value, places=3)


def bh_tax_invoice_bhd() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Gulf Pearl Foodstuff Trading W.L.L.", size=12, bold=True)
    _block(s, 15, 16, ["Flat 12, Building 2045, Road 1705, Block 317, Manama",
                       "Kingdom of Bahrain",
                       "C.R. No. 45123-1   VAT Account No. 200012345600003"],
           size=7.5)  # fmt: skip
    s.text(140, 10, "TAX INVOICE", size=13, bold=True)
    s.text(140, 16, "فاتورة ضريبية", size=10)
    s.pairs(116, 24, [("Invoice No.", "GPF/2026/3310"), ("Invoice Date", "06/12/2026"),
                      ("Delivery Note No.", "2071"), ("Due Date", "05/01/2027")],
            gap=36, step=4.6)  # fmt: skip
    s.text(15, 34, "Customer", size=9, bold=True)
    _block(s, 15, 39, ["Al Jazira Supermarkets B.S.C.", "Road 2803, Block 428, Seef, "
                       "Kingdom of Bahrain", "VAT Account No. 200098765400003"],
           size=8)  # fmt: skip
    rows = _rows(_BH_ITEMS, _bhd)
    y = _table(s, 60, [("No.", 15, 8, "L"), ("Description", 25, 72, "L"), ("Unit", 99, 10, "L"),
                       ("Qty", 111, 14, "R"), ("Unit Price BHD", 127, 28, "R"),
                       ("Amount BHD", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Total excluding VAT", _bhd(_BH_NET)),
                                    ("VAT 10%", _bhd(_BH_TAX)),
                                    ("Total including VAT (BHD)", _bhd(_BH_NET + _BH_TAX))],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 6, ["Bank: National Bank of Bahrain, IBAN BH29 NBOB 0000 0099 1234 56",
                          "Please quote the invoice number with your payment."],
           size=7.5)  # fmt: skip
    return s.output()


BH_TAX_INVOICE_BHD_TRUTH = _truth(
    invoice_number="GPF/2026/3310", type_code="380", issue_date="2026-12-06", currency="BHD",
    seller_name="Gulf Pearl Foodstuff Trading W.L.L.", seller_vat_id="200012345600003",
    seller_country="BH", buyer_name="Al Jazira Supermarkets B.S.C.", buyer_country="BH",
    tax_exclusive_total=f"{_BH_NET:.3f}", tax_total=f"{_BH_TAX:.3f}",
    grand_total=f"{_BH_NET + _BH_TAX:.3f}", due_payable=f"{_BH_NET + _BH_TAX:.3f}",
    line_items=_three(_BH_ITEMS, {"ctn": "XCT", "bag": "XBG"}),
)  # fmt: skip


# -- Guinea-Bissau: cashew in US dollars by the metric tonne ('MT'), Portuguese, an FCFA account --

_GW_ITEMS: list[UnitItem] = [("Castanha de caju in natura, safra 2026, KOR 48", "320", "MT",
                              "1350.00"),
                             ("Castanha de caju in natura, safra 2026, KOR 46", "180", "MT",
                              "1220.00")]  # fmt: skip
_GW_NET = _unit_sum(_GW_ITEMS)


def gw_fatura_caju() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Bijagós Caju Exportação, Lda.", size=12, bold=True)
    _block(s, 15, 17, ["Avenida Amílcar Cabral, 45, Bissau, Guiné-Bissau", "NIF: 510123456"],
           size=7.5)  # fmt: skip
    s.text(135, 10, "FATURA COMERCIAL", size=12, bold=True)
    s.text(135, 16, "N.º FC-2026/044", size=9, bold=True)
    s.text(135, 22, "Bissau, 5 de Dezembro de 2026", size=8.5)
    s.text(15, 30, "Comprador:", size=9, bold=True)
    _block(s, 15, 35, ["Vinh Phat Cashew Processing JSC",
                       "Lot C4, Tan Uyen Industrial Park, Binh Duong, Viet Nam"],
           size=8)  # fmt: skip
    rows = _rows(_GW_ITEMS, _de)
    y = _table(s, 52, [("N.º", 15, 8, "L"), ("Descrição", 25, 72, "L"), ("Unid.", 99, 10, "L"),
                       ("Qtd.", 111, 14, "R"), ("Preço USD/MT", 127, 28, "R"),
                       ("Valor USD", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Total FOB Bissau (USD)", _de(_GW_NET)),
                                    ("IVA (isento, exportação)", "0,00"),
                                    ("Total a pagar (USD)", _de(_GW_NET))],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 5, ["Peso líquido total: 500 MT   Sacos de juta: 6.250 x 80 kg",
                          "Banco da África Ocidental, Bissau: conta em USD n.º 0012 3456 7801; "
                          "conta em FCFA n.º 0012 3456 7802",
                          "Tel.: +245 95 520 2026"], size=7.5)  # fmt: skip
    return s.output()


GW_FATURA_CAJU_TRUTH = _truth(
    invoice_number="FC-2026/044", type_code="380", issue_date="2026-12-05", currency="USD",
    seller_name="Bijagós Caju Exportação, Lda.", seller_vat_id="510123456", seller_country="GW",
    buyer_name="Vinh Phat Cashew Processing JSC", buyer_country="VN",
    tax_exclusive_total=_plain(_GW_NET), tax_total="0.00", grand_total=_plain(_GW_NET),
    due_payable=_plain(_GW_NET), line_items=_unit_lines(_GW_ITEMS, {"MT": "TNE"}),
)  # fmt: skip


# -- Cape Verde: escudos with '$' as the decimal separator ('1.027.500$00'), garrafas, IVA 15 % --

_CV_ITEMS: list[UnitItem] = [("Atum em óleo vegetal 120 g, caixa de 48", "150", "caixa",
                              "6850.00"),
                             ("Vinho tinto do Fogo, Chã das Caldeiras 0,75 l", "240", "garrafa",
                              "1450.00")]  # fmt: skip
_CV_NET = _unit_sum(_CV_ITEMS)
_CV_TAX = _round(_CV_NET * Decimal("0.15"))


def _cve(value: Decimal) -> str:
    return _de(value).replace(",", "$")


def cv_fatura_escudos() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Ilha Verde Distribuição, S.A.", size=12, bold=True)
    _block(s, 15, 17, ["Achada Santo António, Praia, Ilha de Santiago, Cabo Verde",
                       "NIF: 252123456   Tel.: +238 260 20 26"], size=7.5)  # fmt: skip
    s.text(140, 10, "FATURA", size=14, bold=True)
    s.pairs(130, 18, [("N.º:", "FT 2026/1207"), ("Data:", "01/12/2026"),
                      ("Vencimento:", "31/12/2026")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Cliente:", size=9, bold=True)
    _block(s, 15, 37, ["Mercearia Morabeza, Lda.", "Rua de Lisboa 18, Mindelo, São Vicente, "
                       "Cabo Verde", "NIF: 200987654"], size=8)  # fmt: skip
    rows = _rows(_CV_ITEMS, _cve)
    y = _table(s, 58, [("N.º", 15, 8, "L"), ("Descrição", 25, 72, "L"), ("Unid.", 99, 14, "L"),
                       ("Qtd.", 115, 12, "R"), ("Preço unit.", 129, 26, "R"),
                       ("Valor", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total ilíquido", f"{_cve(_CV_NET)} ECV"),
                                     ("IVA 15%", f"{_cve(_CV_TAX)} ECV"),
                                     ("Total a pagar", f"{_cve(_CV_NET + _CV_TAX)} ECV")],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 5, ["Pagamento: Banco Comercial do Atlântico, NIB 0003 0000 1234 5678 "
                          "9101 2"], size=7.5)  # fmt: skip
    return s.output()


CV_FATURA_ESCUDOS_TRUTH = _truth(
    invoice_number="FT 2026/1207", type_code="380", issue_date="2026-12-01", currency="CVE",
    seller_name="Ilha Verde Distribuição, S.A.", seller_vat_id="252123456", seller_country="CV",
    buyer_name="Mercearia Morabeza, Lda.", buyer_country="CV", tax_exclusive_total=_plain(_CV_NET),
    tax_total=_plain(_CV_TAX), grand_total=_plain(_CV_NET + _CV_TAX),
    due_payable=_plain(_CV_NET + _CV_TAX),
    line_items=_unit_lines(_CV_ITEMS, {"caixa": "XBX", "garrafa": "XBO"}),
)  # fmt: skip


# -- Burkina Faso: FCFA of West Africa (XOF), 'Ouagadougou, le 28 novembre 2026', IFU, pièces ----

_BF_ITEMS: list[UnitItem] = [("Pièces détachées moto Yamaha Crypton, kit embrayage", "60", "kit",
                              "38500"),
                             ("Pneu moto 2.75-17, pièce", "400", "pièce", "9500")]  # fmt: skip
_BF_NET = _unit_sum(_BF_ITEMS)
_BF_TAX = _whole(_BF_NET * Decimal("0.18"))


def bf_facture_xof() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Sahel Moto Distribution SARL", size=12, bold=True)
    _block(s, 15, 17, ["Avenue de la Nation, 01 BP 2045 Ouagadougou 01, Burkina Faso",
                       "IFU : 00012345X   RCCM : BF-OUA-2014-B-5678",
                       "Régime : RNI   Division fiscale : DGE"], size=7.5)  # fmt: skip
    s.text(140, 10, "FACTURE", size=14, bold=True)
    s.text(140, 17, "N° 2026-FV-0388", size=9, bold=True)
    s.text(140, 23, "Ouagadougou, le 28 novembre 2026", size=8.5)
    s.text(15, 33, "Doit :", size=9, bold=True)
    _block(s, 15, 38, ["Établissements Ouédraogo et Frères", "Avenue Kwame Nkrumah, "
                       "Bobo-Dioulasso, Burkina Faso", "IFU : 00098765Y"], size=8)  # fmt: skip
    rows = _rows(_BF_ITEMS, _whole_sp)
    y = _table(s, 58, [("N°", 15, 8, "L"), ("Désignation", 25, 72, "L"), ("Unité", 99, 12, "L"),
                       ("Qté", 113, 14, "R"), ("P.U. HT", 129, 26, "R"),
                       ("Montant HT", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total HT", f"{_whole_sp(_BF_NET)} F CFA"),
                                     ("TVA 18 %", f"{_whole_sp(_BF_TAX)} F CFA"),
                                     ("Total TTC", f"{_whole_sp(_BF_NET + _BF_TAX)} F CFA")],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 5, ["Arrêtée la présente facture à la somme de sept millions deux cent neuf "
                          "mille huit cents francs CFA.", "Tél. : +226 25 30 20 26"],
           size=7.5)  # fmt: skip
    return s.output()


BF_FACTURE_XOF_TRUTH = _truth(
    invoice_number="2026-FV-0388", type_code="380", issue_date="2026-11-28", currency="XOF",
    seller_name="Sahel Moto Distribution SARL", seller_vat_id="00012345X", seller_country="BF",
    buyer_name="Établissements Ouédraogo et Frères", buyer_country="BF",
    tax_exclusive_total=_plain(_BF_NET), tax_total=_plain(_BF_TAX),
    grand_total=_plain(_BF_NET + _BF_TAX), due_payable=_plain(_BF_NET + _BF_TAX),
    line_items=_unit_lines(_BF_ITEMS, {"kit": "KT", "pièce": "H87"}),
)  # fmt: skip


BATCH28: list[Layout] = [
    Layout("cm-facture-xaf", cm_facture_xaf, CM_FACTURE_XAF_TRUTH),
    Layout("zm-copper-invoice", zm_copper_invoice, ZM_COPPER_INVOICE_TRUTH),
    Layout("ve-factura-bolivares", ve_factura_bolivares, VE_FACTURA_BOLIVARES_TRUTH),
    Layout("gt-factura-fel", gt_factura_fel, GT_FACTURA_FEL_TRUTH),
    Layout("sc-tax-invoice-rupees", sc_tax_invoice_rupees, SC_TAX_INVOICE_RUPEES_TRUTH),
    Layout("bh-tax-invoice-bhd", bh_tax_invoice_bhd, BH_TAX_INVOICE_BHD_TRUTH),
    Layout("gw-fatura-caju", gw_fatura_caju, GW_FATURA_CAJU_TRUTH),
    Layout("cv-fatura-escudos", cv_fatura_escudos, CV_FATURA_ESCUDOS_TRUTH),
    Layout("bf-facture-xof", bf_facture_xof, BF_FACTURE_XOF_TRUTH),
]


def write_batch28(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH28)
