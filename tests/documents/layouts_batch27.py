"""A twenty-seventh batch of hand-written invoices (session 27, invoices23), written before
src/clearlane/documents/ was read: eleven layouts out of sample, from sellers in places no
batch 1-26 has (Bolivia, Paraguay, Honduras, Oman, Cambodia, Luxembourg, Senegal, Côte
d'Ivoire, Madagascar, Mozambique, Kuwait), as firms there print them.

The layouts: a Bolivian ``FACTURA (Con Derecho a Crédito Fiscal)`` whose prices include IVA and
print no tax line (``Lugar y fecha: La Paz, 18 de noviembre de 2026``, the total in words, the
seller on ``Av. 16 de Julio``); a Paraguayan autoimpresor factura with the timbrado's
``Inicio de vigencia`` date above the issue date, amounts in guaraníes without decimals and in
one of three columns (``Exentas``, ``5%``, ``10%``) with the ``Liquidación del IVA`` under
them; a Honduran ``NOTA DE CRÉDITO`` (381) with its CAI's ``Fecha límite de emisión``, the
invoice it corrects and its date, ISV at 15 % and 18 %; an Omani ``TAX INVOICE / فاتورة
ضريبية`` in rials with three decimals, a supply date beside the invoice date, the seller's
telephone under the total and a bank account held in US dollars; a Cambodian garment
exporter's commercial invoice in English (no Khmer font here: the Khmer is left out) whose
order reference is ``DEC 1500`` beside the date, an exchange-rate line dated the day before and
a total in riel; a Luxembourg facture over two pages (``À reporter`` / ``Report``), TVA 3 % and
14 %, a matricule ``2015 2412 345`` in the letterhead, bottles; a Senegalese facture in FCFA
(spaces between thousands, no decimals), ``Arrêtée la présente facture à la somme de``, a
telephone under the total and a bank account in euros; an Ivorian ``FACTURE PROFORMA`` (325)
whose header values stand above their captions (``25 Novembre 2026`` over ``Date``); a Malagasy
facture in ariary (``Ar`` after the amount, a STAT number holding ``2010``); a Mozambican
``FACTURA`` on ``Avenida 25 de Setembro`` (``Data: 14 de Novembro de 2026``, metical ``MT``, IVA
16 %); a Kuwaiti invoice in dinars with three decimals, no VAT (Kuwait has none), the date
also in Arabic-Indic digits and a bank account in US dollars.

Ground truth as in the earlier batches (layouts_batch22.py's docstring): what a customs officer
reads on the page, written before any reading. Choices where the page leaves room: a total the
page does not print is null (the Bolivian and Paraguayan net totals, the Bolivian and Kuwaiti
tax); a Kuwaiti invoice without tax has its net total as its tax-exclusive total (EN 16931
BT-109: the sum of the lines less allowances); a credit note's amounts are held positive; a
three-decimal currency's amounts are written with three places; the seller's tax id without
spaces or punctuation (NIT, RUC, RTN, VATIN, VAT TIN, TVA, NINEA, N° CC, NIF, NUIT); units as
UN/ECE codes (unid., unidad, pcs, pièce: H87; kg, kilogramo: KGM; bolsa, sac, bag: XBG;
saco: XSA, session 33; caja, caixa: XBX; carton, ctn: XCT; bouteille: XBO; tonne: TNE).
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


def _whole_sp(value: Decimal) -> str:
    """14 800 000: a space between thousands, no decimals (FCFA, ariary)."""
    return f"{int(value):,}".replace(",", " ")


def _whole_dot(value: Decimal) -> str:
    """90.000.000: a dot between thousands, no decimals (guaraníes)."""
    return f"{int(value):,}".replace(",", ".")


def _three(items: list[UnitItem], codes: dict[str, str]) -> list[dict]:
    """Line truths of a three-decimal currency (rials, dinars)."""
    return [{**line, "amount": f"{Decimal(line['amount']):.3f}"}
            for line in _unit_lines(items, codes)]  # fmt: skip


# -- Bolivia: 'FACTURA (Con Derecho a Crédito Fiscal)', IVA inside the prices, no tax line ------

_BO_ITEMS: list[UnitItem] = [("Quinua real blanca orgánica, bolsa 25 kg", "320", "bolsa", "487.50"),
                             ("Chía negra en grano", "1500", "kilogramo", "18.20")]  # fmt: skip
_BO_TOTAL = _unit_sum(_BO_ITEMS)  # 183,300.00, IVA 13 % inside


def bo_factura_credito_fiscal() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Andes Granos S.R.L.", size=12, bold=True)
    _block(s, 15, 17, ["CASA MATRIZ", "Av. 16 de Julio (El Prado) N° 1490, Edif. Illampu, Piso 3",
                       "La Paz, Bolivia", "Teléfono: 2 2312026"], size=7.5)  # fmt: skip
    s.pairs(108, 10, [("NIT:", "1020304025"), ("FACTURA N°:", "4471"),
                      ("CÓD. AUTORIZACIÓN:", "4A6F0D2E1B9C77E5A0D3")], gap=40,
            step=4.6)  # fmt: skip
    s.text(80, 34, "FACTURA", size=14, bold=True)
    s.text(72, 40, "(Con Derecho a Crédito Fiscal)", size=8)
    s.pairs(15, 48, [("Lugar y fecha:", "La Paz, 18 de noviembre de 2026"),
                     ("Nombre/Razón Social:", "Distribuidora Illimani S.A."),
                     ("Dirección:", "Calle Comercio 1250, El Alto, Bolivia"),
                     ("NIT/CI/CEX:", "1028627025"), ("N° Pedido:", "NOV 2219")],
            gap=42, step=4.6)  # fmt: skip
    rows = [
        [q, u, t, _group(Decimal(p)), "0.00", _group(a)]
        for (t, q, u, p), a in zip(_BO_ITEMS, _unit_amounts(_BO_ITEMS), strict=True)
    ]
    y = _table(s, 76, [("CANTIDAD", 15, 16, "R"), ("UNIDAD DE\nMEDIDA", 33, 20, "L"),
                       ("DESCRIPCIÓN", 55, 66, "L"), ("PRECIO\nUNITARIO", 123, 22, "R"),
                       ("DESCUENTO", 147, 18, "R"), ("SUBTOTAL", 167, 28, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    total = _group(_BO_TOTAL)
    y = _totals(s, 110, 160, y + 3, [("SUBTOTAL Bs", total), ("DESCUENTO Bs", "0.00"),
                                     ("TOTAL Bs", total), ("MONTO A PAGAR Bs", total),
                                     ("IMPORTE BASE CRÉDITO FISCAL Bs", total)],
                width=35, size=8)  # fmt: skip
    s.text(15, y + 4, "Son: Ciento Ochenta y Tres Mil Trescientos 00/100 Bolivianos", size=8)
    s.text(15, y + 14, "ESTA FACTURA CONTRIBUYE AL DESARROLLO DEL PAÍS, EL USO ILÍCITO SERÁ "
                       "SANCIONADO PENALMENTE DE ACUERDO A LEY", size=6.5)  # fmt: skip
    s.text(15, y + 18, "Ley N° 453: El proveedor debe exhibir certificaciones de habilitación o "
                       "documentos que acrediten las capacidades u ofertas de servicios.",
           size=6.5)  # fmt: skip
    return s.output()


BO_FACTURA_CREDITO_FISCAL_TRUTH = _truth(
    invoice_number="4471", type_code="380", issue_date="2026-11-18", currency="BOB",
    seller_name="Andes Granos S.R.L.", seller_vat_id="1020304025", seller_country="BO",
    buyer_name="Distribuidora Illimani S.A.", buyer_country="BO", tax_exclusive_total=None,
    tax_total=None, grand_total=_plain(_BO_TOTAL), due_payable=_plain(_BO_TOTAL),
    line_items=_unit_lines(_BO_ITEMS, {"bolsa": "XBG", "kilogramo": "KGM"}),
)  # fmt: skip


# -- Paraguay: timbrado and its 'Inicio de vigencia', guaraníes, Exentas / 5% / 10% columns ------

_PY_ITEMS: list[UnitItem] = [("Yerba mate elaborada con palo", "2400", "kg", "21500"),
                             ("Termo acero inoxidable 1 l", "300", "unid.", "98000"),
                             ("Bombilla de alpaca", "600", "unid.", "15000")]  # fmt: skip
_PY_RATES = ["5", "10", "10"]
_PY_AMOUNTS = _unit_amounts(_PY_ITEMS)
_PY_5 = sum((a for a, r in zip(_PY_AMOUNTS, _PY_RATES, strict=True) if r == "5"), Decimal(0))
_PY_10 = sum((a for a, r in zip(_PY_AMOUNTS, _PY_RATES, strict=True) if r == "10"), Decimal(0))
_PY_IVA5 = (_PY_5 / 21).quantize(Decimal(1))
_PY_IVA10 = (_PY_10 / 11).quantize(Decimal(1))
_PY_TOTAL = _PY_5 + _PY_10


def py_factura_guaranies() -> bytes:
    s = Sheet2("Cond")
    s.pdf.rect(12, 8, 100, 28)
    s.text(15, 10, "Yerbatera Itapúa S.A.", size=12, bold=True)
    _block(s, 15, 17, ["Ruta PY06 km 3,5 - Encarnación, Paraguay",
                       "Elaboración y venta de yerba mate", "Tel.: (071) 20 2611"],
           size=7.5)  # fmt: skip
    s.pdf.rect(114, 8, 84, 28)
    _block(s, 117, 10, ["RUC: 80012345-6", "Timbrado N°: 16543210",
                        "Inicio de vigencia: 01/03/2026"], size=8)  # fmt: skip
    s.text(117, 24, "FACTURA", size=12, bold=True)
    s.text(117, 30, "N° 001-001-0004587", size=9, bold=True)
    s.pairs(15, 40, [("Fecha de emisión:", "21 de noviembre de 2026"),
                     ("Condición de venta:", "Contado [X]  Crédito [ ]"),
                     ("Nombre o razón social:", "Supermercado La Bahía S.A."),
                     ("RUC:", "80098765-1"),
                     ("Dirección:", "Avda. Mariscal López 3450, Asunción, Paraguay")],
            gap=40, step=4.6)  # fmt: skip
    rows = []
    for (t, q, u, p), a, r in zip(_PY_ITEMS, _PY_AMOUNTS, _PY_RATES, strict=True):
        cells = {"5": "", "10": ""}
        cells[r] = _whole_dot(a)
        rows.append([q, u, t, _whole_dot(Decimal(p)), "", cells["5"], cells["10"]])
    y = _table(s, 68, [("Cant.", 15, 12, "R"), ("Unidad", 29, 12, "L"),
                       ("Descripción", 43, 58, "L"), ("Precio unitario", 103, 22, "R"),
                       ("Exentas", 127, 18, "R"), ("5%", 147, 22, "R"),
                       ("10%", 171, 24, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.text(43, y + 2, "Subtotales:", size=8, bold=True)
    for x, w, v in [(127, 18, "0"), (147, 22, _whole_dot(_PY_5)), (171, 24, _whole_dot(_PY_10))]:
        s.text(x, y + 2, v, size=8, width=w, align="R")
    s.text(43, y + 8, "Total a pagar: Gs.", size=9, bold=True)
    s.text(171, y + 8, _whole_dot(_PY_TOTAL), size=9, bold=True, width=24, align="R")
    s.text(15, y + 14, f"Liquidación del IVA:   (5%) {_whole_dot(_PY_IVA5)}   (10%) "
                       f"{_whole_dot(_PY_IVA10)}   Total IVA: "
                       f"{_whole_dot(_PY_IVA5 + _PY_IVA10)}", size=8)  # fmt: skip
    s.text(15, y + 20, "Consultas y reclamos: 0981 202 611", size=7)
    s.text(15, y + 30, "ORIGINAL: Cliente   DUPLICADO: Archivo tributario", size=7)
    return s.output()


PY_FACTURA_GUARANIES_TRUTH = _truth(
    invoice_number="001-001-0004587", type_code="380", issue_date="2026-11-21", currency="PYG",
    seller_name="Yerbatera Itapúa S.A.", seller_vat_id="800123456", seller_country="PY",
    buyer_name="Supermercado La Bahía S.A.", buyer_country="PY", tax_exclusive_total=None,
    tax_total=_plain(_PY_IVA5 + _PY_IVA10), grand_total=_plain(_PY_TOTAL),
    due_payable=_plain(_PY_TOTAL),
    line_items=_unit_lines(_PY_ITEMS, {"kg": "KGM", "unid.": "H87"}),
)  # fmt: skip


# -- Honduras: 'NOTA DE CRÉDITO', CAI and 'Fecha límite de emisión', ISV 15 % and 18 %, lempiras -

_HN_ITEMS: list[UnitItem] = [("Cerveza lager 355 ml, caja 24 unidades", "40", "caja", "612.00"),
                             ("Jugo de naranja 1 l", "120", "unidad", "38.50")]  # fmt: skip
_HN_18, _HN_15 = _unit_amounts(_HN_ITEMS)
_HN_ISV18 = _round(_HN_18 * Decimal("0.18"))
_HN_ISV15 = _round(_HN_15 * Decimal("0.15"))
_HN_NET = _HN_18 + _HN_15
_HN_TAX = _HN_ISV18 + _HN_ISV15


def _lps(value: Decimal) -> str:
    return f"L {_group(value)}"


def hn_nota_credito() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Distribuidora del Valle de Sula S. de R.L.", size=11, bold=True)
    _block(s, 15, 16, ["Bo. Guamilito, 6 Calle, 9 Ave. N.O., San Pedro Sula, Cortés, Honduras",
                       "RTN: 05019012345678   Tel.: (504) 2553-2026"], size=7.5)  # fmt: skip
    s.text(140, 10, "NOTA DE CRÉDITO", size=12, bold=True)
    s.text(140, 16, "No. 000-001-03-00000412", size=9, bold=True)
    _block(s, 15, 26, ["CAI: 5A3C21-9F0B7E-D4418A-63E2C5-0B9D7F-21",
                       "Rango autorizado: 000-001-03-00000001 al 000-001-03-00000500",
                       "Fecha límite de emisión: 15/03/2027"], size=7)  # fmt: skip
    s.pairs(112, 26, [("Fecha:", "27/11/2026"), ("Factura que modifica:", "000-001-01-00012877"),
                      ("Fecha de la factura:", "20/11/2026"),
                      ("Motivo:", "Devolución de mercadería")], gap=40, step=4.4)  # fmt: skip
    s.text(15, 46, "Cliente:", size=9, bold=True)
    _block(s, 15, 51, ["Abarrotería El Progreso S.A.",
                       "Col. Kennedy, Tegucigalpa, M.D.C., Honduras", "RTN: 08019098765432"],
           size=8)  # fmt: skip
    rows = _rows(_HN_ITEMS, _group)
    y = _table(s, 70, [("#", 15, 8, "L"), ("Descripción", 25, 72, "L"), ("Unidad", 99, 14, "L"),
                       ("Cant.", 115, 12, "R"), ("Precio", 129, 26, "R"),
                       ("Total", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal", _lps(_HN_NET)), ("Importe Exonerado", "L 0.00"),
                                 ("Importe Exento", "L 0.00"),
                                 ("Importe Gravado 15%", _lps(_HN_15)),
                                 ("Importe Gravado 18%", _lps(_HN_18)),
                                 ("I.S.V. 15%", _lps(_HN_ISV15)), ("I.S.V. 18%", _lps(_HN_ISV18)),
                                 ("Total", _lps(_HN_NET + _HN_TAX))],
            width=40, size=8, step=4.8)  # fmt: skip
    return s.output()


HN_NOTA_CREDITO_TRUTH = _truth(
    invoice_number="000-001-03-00000412", type_code="381", issue_date="2026-11-27",
    currency="HNL", seller_name="Distribuidora del Valle de Sula S. de R.L.",
    seller_vat_id="05019012345678", seller_country="HN",
    buyer_name="Abarrotería El Progreso S.A.", buyer_country="HN",
    tax_exclusive_total=_plain(_HN_NET), tax_total=_plain(_HN_TAX),
    grand_total=_plain(_HN_NET + _HN_TAX), due_payable=_plain(_HN_NET + _HN_TAX),
    line_items=_unit_lines(_HN_ITEMS, {"caja": "XBX", "unidad": "H87"}),
)  # fmt: skip


# -- Oman: 'TAX INVOICE / فاتورة ضريبية', rials with three decimals, a USD bank account ----------

_OM_ITEMS: list[UnitItem] = [("Frankincense Hojari, grade 1", "120", "kg", "38.500"),
                             ("Rose water, bottle 250 ml", "1200", "pcs", "0.850"),
                             ("Dates Khalas, carton 5 kg", "300", "ctn", "6.750")]  # fmt: skip
_OM_NET = _unit_sum(_OM_ITEMS)
_OM_TAX = (_OM_NET * Decimal("0.05")).quantize(Decimal("0.001"))


def _omr(value: Decimal) -> str:
    return _group(value, places=3)


def om_tax_invoice_omr() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Al Batinah Trading & Perfumes LLC", size=12, bold=True)
    _block(s, 15, 16, ["الباطنة للتجارة والعطور ش.م.م",
                       "P.O. Box 1226, P.C. 111, Seeb, Sultanate of Oman",
                       "C.R. No. 1234567   VATIN: OM1100045678"], size=7.5)  # fmt: skip
    s.text(140, 10, "TAX INVOICE", size=13, bold=True)
    s.text(140, 16, "فاتورة ضريبية", size=10)
    s.pairs(98, 24, [("Invoice No. / رقم الفاتورة", "BTP/26/1187"),
                     ("Invoice Date / تاريخ الفاتورة", "03-12-2026"),
                     ("Date of Supply / تاريخ التوريد", "30-11-2026"),
                     ("Customer PO", "PO 2026/0877")], gap=62, step=4.6)  # fmt: skip
    s.text(15, 34, "Bill To / العميل", size=9, bold=True)
    _block(s, 15, 39, ["Muscat Hypermarket SAOC", "Al Khuwair, Muscat, Sultanate of Oman",
                       "VATIN: OM1100098765"], size=8)  # fmt: skip
    rows = _rows(_OM_ITEMS, _omr)
    y = _table(s, 60, [("No.", 15, 8, "L"), ("Description / الوصف", 25, 72, "L"),
                       ("Unit", 99, 10, "L"), ("Qty", 111, 14, "R"),
                       ("Unit Price OMR", 127, 28, "R"), ("Amount OMR", 157, 38, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Total excl. VAT (OMR)", _omr(_OM_NET)),
                                    ("VAT 5% / ضريبة القيمة المضافة", _omr(_OM_TAX)),
                                    ("Total incl. VAT (OMR)", _omr(_OM_NET + _OM_TAX))],
                width=40, size=8.5)  # fmt: skip
    s.text(95, y + 1, "Tel: +968 2442 2026   Fax: +968 2442 2027", size=7.5)
    _block(s, 15, y + 10, ["Bank details: Bank Muscat, Seeb branch",
                           "Account currency: USD   A/C No. 0301 0123 4567 8900",
                           "SWIFT: BMUSOMRX"], size=7.5)  # fmt: skip
    return s.output()


OM_TAX_INVOICE_OMR_TRUTH = _truth(
    invoice_number="BTP/26/1187", type_code="380", issue_date="2026-12-03", currency="OMR",
    seller_name="Al Batinah Trading & Perfumes LLC", seller_vat_id="OM1100045678",
    seller_country="OM", buyer_name="Muscat Hypermarket SAOC", buyer_country="OM",
    tax_exclusive_total=f"{_OM_NET:.3f}", tax_total=f"{_OM_TAX:.3f}",
    grand_total=f"{_OM_NET + _OM_TAX:.3f}", due_payable=f"{_OM_NET + _OM_TAX:.3f}",
    line_items=_three(_OM_ITEMS, {"kg": "KGM", "pcs": "H87", "ctn": "XCT"}),
)  # fmt: skip


# -- Cambodia: a garment exporter, 'Order ref.: DEC 1500' beside the date, a riel total ----------

_KH_ITEMS: list[UnitItem] = [("Men's knitted polo shirt, 100% cotton", "6000", "pcs", "4.85"),
                             ("Ladies' cardigan, acrylic", "2400", "pcs", "7.20")]  # fmt: skip
_KH_NET = _unit_sum(_KH_ITEMS)


def kh_commercial_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Angkor Knitwear Co., Ltd.", size=12, bold=True)
    _block(s, 15, 16, ["Phum Trapeang Thloeng, Sangkat Chaom Chau, Khan Por Senchey",
                       "Phnom Penh, Kingdom of Cambodia", "VAT TIN: K001-901234567"],
           size=7.5)  # fmt: skip
    s.text(135, 10, "COMMERCIAL INVOICE", size=12, bold=True)
    s.pairs(135, 17, [("Invoice No.:", "AKW-2611-208"), ("Date:", "28/11/2026"),
                      ("Order ref.:", "DEC 1500"), ("Terms:", "FOB Phnom Penh")],
            gap=25, step=4.6)  # fmt: skip
    s.text(15, 34, "Sold to:", size=9, bold=True)
    _block(s, 15, 39, ["Nordic Basics AB", "Lilla Bommen 6, 411 04 Göteborg, Sweden",
                       "VAT: SE556123456701"], size=8)  # fmt: skip
    rows = _rows(_KH_ITEMS, _group)
    y = _table(s, 58, [("No.", 15, 8, "L"), ("Description of goods", 25, 72, "L"),
                       ("Unit", 99, 10, "L"), ("Qty", 111, 14, "R"),
                       ("Unit price USD", 127, 28, "R"), ("Amount USD", 157, 38, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Total FOB (USD)", _group(_KH_NET)),
                                    ("VAT 0% (export)", "0.00"),
                                    ("Total amount due (USD)", _group(_KH_NET))],
                width=40, size=8.5)  # fmt: skip
    riel = _KH_NET * 4060
    _block(s, 15, y + 4, ["Exchange rate (NBC, 27/11/2026): 1 USD = 4,060 KHR",
                          f"Total in riel: KHR {int(riel):,}   VAT in riel: KHR 0",
                          "Bank: ACLEDA Bank Plc., Phnom Penh, A/C (USD) 0001-01-123456-7-8, "
                          "SWIFT ACLBKHPP"], size=7.5)  # fmt: skip
    return s.output()


KH_COMMERCIAL_INVOICE_TRUTH = _truth(
    invoice_number="AKW-2611-208", type_code="380", issue_date="2026-11-28", currency="USD",
    seller_name="Angkor Knitwear Co., Ltd.", seller_vat_id="K001901234567", seller_country="KH",
    buyer_name="Nordic Basics AB", buyer_country="SE", tax_exclusive_total=_plain(_KH_NET),
    tax_total="0.00", grand_total=_plain(_KH_NET), due_payable=_plain(_KH_NET),
    line_items=_unit_lines(_KH_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- Luxembourg: a facture over two pages ('À reporter' / 'Report'), TVA 3 % and 14 % ------------

_LU_ITEMS: list[UnitItem] = [
    ("Riesling Grand Premier Cru 0,75 l", "240", "bouteille", "14.90"),
    ("Pinot gris Moselle 0,75 l", "180", "bouteille", "12.40"),
    ("Auxerrois Moselle 0,75 l", "120", "bouteille", "9.80"),
    ("Elbling Moselle 1 l", "96", "bouteille", "6.50"),
    ("Quetschentaart 1,2 kg", "60", "pièce", "18.00"),
    ("Bouneschlupp en bocal 0,5 l", "144", "pièce", "5.90"),
    ("Judd mat Gaardebounen, portion 0,4 kg", "200", "pièce", "8.75"),
    ("Kachkéis nature 200 g", "300", "pièce", "3.20"),
    ("Miel luxembourgeois 500 g", "150", "pièce", "9.40"),
    ("Moutarde de Luxembourg 250 g", "400", "pièce", "2.60"),
    ("Rieslingspaschtéit", "45", "kg", "22.50"),
    ("Gromperekichelcher surgelés", "80", "kg", "7.90"),
]
_LU_RATES = ["14"] * 4 + ["3"] * 8
_LU_AMOUNTS = _unit_amounts(_LU_ITEMS)
_LU_14 = sum(_LU_AMOUNTS[:4], Decimal(0))
_LU_3 = sum(_LU_AMOUNTS[4:], Decimal(0))
_LU_TVA14 = _round(_LU_14 * Decimal("0.14"))
_LU_TVA3 = _round(_LU_3 * Decimal("0.03"))
_LU_NET = _LU_14 + _LU_3
_LU_TAX = _LU_TVA14 + _LU_TVA3
_LU_COLUMNS = [("Désignation", 15, 76, "L"), ("Unité", 93, 16, "L"), ("Qté", 111, 12, "R"),
               ("P.U. HTVA", 125, 22, "R"), ("TVA %", 149, 12, "R"),
               ("Montant HTVA", 163, 32, "R")]  # fmt: skip


def _lu_rows(start: int, stop: int) -> list[list[str]]:
    return [[t, u, q, _de(Decimal(p)), r, _de(a)]
            for (t, q, u, p), r, a in zip(_LU_ITEMS[start:stop], _LU_RATES[start:stop],
                                          _LU_AMOUNTS[start:stop], strict=True)]  # fmt: skip


def lu_facture_deux_pages() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Épicerie fine Uelzecht S.à r.l.", size=12, bold=True)
    _block(s, 15, 17, ["12, rue de l'Alzette, L-4011 Esch-sur-Alzette",
                       "TVA LU 2345 6789   RCS Luxembourg B 187654",
                       "Matricule 2015 2412 345"], size=7.5)  # fmt: skip
    s.text(150, 10, "FACTURE", size=14, bold=True)
    s.pairs(125, 19, [("Facture n°", "2026-0457"), ("Page", "1/2")], gap=22, step=4.6)
    s.text(125, 29, "Esch-sur-Alzette, le 27 novembre 2026", size=8.5)
    _block(s, 110, 40, ["Hôtel-Restaurant Belle-Vue S.A.", "5, avenue de la Gare",
                        "L-9233 Diekirch", "TVA LU 1876 5432"], size=8.5)  # fmt: skip
    first = 8
    y = _table(s, 70, _LU_COLUMNS, _lu_rows(0, first), size=8.5, step=7)
    s.pdf.line(15, y, 195, y)
    s.text(111, y + 3, "À reporter", size=8.5, bold=True)
    s.text(163, y + 3, _de(sum(_LU_AMOUNTS[:first], Decimal(0))), size=8.5, bold=True, width=32,
           align="R")  # fmt: skip
    footer = ("Épicerie fine Uelzecht S.à r.l. · BCEE IBAN LU28 0019 4006 4475 0000 · "
              "BIC BCEELULL · Merci fir Äert Vertrauen!")  # fmt: skip
    s.text(15, 280, footer, size=7)
    s.pdf.add_page()
    s.text(15, 12, "Facture n° 2026-0457 - Page 2/2", size=8)
    s.text(111, 22, "Report", size=8.5, bold=True)
    s.text(163, 22, _de(sum(_LU_AMOUNTS[:first], Decimal(0))), size=8.5, bold=True, width=32,
           align="R")  # fmt: skip
    y = _table(s, 30, _LU_COLUMNS, _lu_rows(first, len(_LU_ITEMS)), size=8.5, step=7)
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 4, [("Total HTVA", f"{_de(_LU_NET)} €"),
                                 (f"TVA 3 % sur {_de(_LU_3)}", f"{_de(_LU_TVA3)} €"),
                                 (f"TVA 14 % sur {_de(_LU_14)}", f"{_de(_LU_TVA14)} €"),
                                 ("Total TVAC", f"{_de(_LU_NET + _LU_TAX)} €"),
                                 ("Net à payer", f"{_de(_LU_NET + _LU_TAX)} €")],
            width=40, size=8.5)  # fmt: skip
    s.text(15, 280, footer, size=7)
    return s.output()


LU_FACTURE_DEUX_PAGES_TRUTH = _truth(
    invoice_number="2026-0457", type_code="380", issue_date="2026-11-27", currency="EUR",
    seller_name="Épicerie fine Uelzecht S.à r.l.", seller_vat_id="LU23456789",
    seller_country="LU", buyer_name="Hôtel-Restaurant Belle-Vue S.A.", buyer_country="LU",
    tax_exclusive_total=_plain(_LU_NET), tax_total=_plain(_LU_TAX),
    grand_total=_plain(_LU_NET + _LU_TAX), due_payable=_plain(_LU_NET + _LU_TAX),
    line_items=_unit_lines(_LU_ITEMS, {"bouteille": "XBO", "pièce": "H87", "kg": "KGM"}),
)  # fmt: skip


# -- Senegal: FCFA with spaces, 'Arrêtée la présente facture…', a telephone under the total, a
# bank account in euros ---------------------------------------------------------------------------

_SN_ITEMS: list[UnitItem] = [("Riz brisé parfumé, sac 50 kg", "400", "sac", "17500"),
                             ("Concentré de tomate 70 g, carton de 50", "800", "carton",
                              "9750")]  # fmt: skip
_SN_NET = _unit_sum(_SN_ITEMS)
_SN_TAX = _round(_SN_NET * Decimal("0.18"))


def sn_facture_fcfa() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Sénégalaise de Négoce et Distribution SARL", size=11, bold=True)
    _block(s, 15, 16, ["Km 4,5 Boulevard du Centenaire de la Commune de Dakar, Dakar, Sénégal",
                       "NINEA : 005432109 2G3   RC : SN-DKR-2015-B-12345"], size=7.5)  # fmt: skip
    s.text(140, 26, "FACTURE N° 2026/1187", size=11, bold=True)
    s.text(140, 32, "Dakar, le 02/12/2026", size=9)
    s.text(15, 30, "Doit :", size=9, bold=True)
    _block(s, 15, 35, ["Boutique Touba Darou Salam", "Marché Ocass, Touba, Sénégal",
                       "NINEA : 007654321"], size=8)  # fmt: skip
    rows = _rows(_SN_ITEMS, lambda v: _whole_sp(v), numbered=False)
    y = _table(s, 56, [("Désignation", 15, 84, "L"), ("Unité", 101, 12, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. HT", 129, 26, "R"),
                       ("Montant HT", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total HT", f"{_whole_sp(_SN_NET)} FCFA"),
                                     ("TVA 18 %", f"{_whole_sp(_SN_TAX)} FCFA"),
                                     ("Total TTC", f"{_whole_sp(_SN_NET + _SN_TAX)} FCFA"),
                                     ("Net à payer", f"{_whole_sp(_SN_NET + _SN_TAX)} FCFA")],
                width=40, size=8.5)  # fmt: skip
    s.text(100, y + 1, "Tél. : +221 33 832 20 26", size=7.5)
    _block(s, 15, y + 8, ["Arrêtée la présente facture à la somme de : dix-sept millions quatre "
                          "cent soixante-quatre mille francs CFA.",
                          "Règlement par virement : CBAO Groupe Attijariwafa bank, compte en EUR "
                          "n° SN012 01001 036123456789 45"], size=7.5)  # fmt: skip
    return s.output()


SN_FACTURE_FCFA_TRUTH = _truth(
    invoice_number="2026/1187", type_code="380", issue_date="2026-12-02", currency="XOF",
    seller_name="Sénégalaise de Négoce et Distribution SARL", seller_vat_id="0054321092G3",
    seller_country="SN", buyer_name="Boutique Touba Darou Salam", buyer_country="SN",
    tax_exclusive_total=_plain(_SN_NET), tax_total=_plain(_SN_TAX),
    grand_total=_plain(_SN_NET + _SN_TAX), due_payable=_plain(_SN_NET + _SN_TAX),
    line_items=_unit_lines(_SN_ITEMS, {"sac": "XBG", "carton": "XCT"}),
)  # fmt: skip


# -- Côte d'Ivoire: 'FACTURE PROFORMA', the header values above their captions, FCFA -------------

_CI_ITEMS: list[UnitItem] = [("Ciment CPJ 42,5, sac 50 kg", "2000", "sac", "5200"),
                             ("Fer à béton HA 12", "18", "tonne", "625000")]  # fmt: skip
_CI_NET = _unit_sum(_CI_ITEMS)
_CI_TAX = _round(_CI_NET * Decimal("0.18"))


def ci_facture_proforma() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Quincaillerie Générale du Plateau SA", size=12, bold=True)
    _block(s, 15, 17, ["Boulevard de la République, 01 BP 1234 Abidjan 01, Côte d'Ivoire",
                       "N° CC : 1234567 A   RCCM : CI-ABJ-2012-B-4567",
                       "Régime : Réel normal   Centre des impôts : DGE"], size=7.5)  # fmt: skip
    s.text(75, 34, "FACTURE PROFORMA", size=14, bold=True)
    for index, (value, caption) in enumerate([("PF-26-0311", "N° Proforma"),
                                              ("25 Novembre 2026", "Date"),
                                              ("30 jours", "Validité de l'offre"),
                                              ("CL-0884", "Code client")]):  # fmt: skip
        left = 15 + index * 45
        s.pdf.rect(left, 43, 45, 11)
        s.text(left + 1.5, 44.5, value, size=9, bold=True)
        s.text(left + 1.5, 50, caption, size=6.5)
    s.text(15, 59, "Client :", size=9, bold=True)
    _block(s, 15, 64, ["Société Ivoirienne de Construction", "Zone industrielle de Yopougon, "
                       "Abidjan, Côte d'Ivoire", "N° CC : 7654321 B"], size=8)  # fmt: skip
    rows = _rows(_CI_ITEMS, _whole_sp)
    y = _table(s, 82, [("N°", 15, 8, "L"), ("Désignation", 25, 72, "L"), ("Unité", 99, 12, "L"),
                       ("Qté", 113, 14, "R"), ("P.U. HT", 129, 26, "R"),
                       ("Montant HT", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total HT", f"{_whole_sp(_CI_NET)} F CFA"),
                                     ("TVA 18 %", f"{_whole_sp(_CI_TAX)} F CFA"),
                                     ("Total TTC", f"{_whole_sp(_CI_NET + _CI_TAX)} F CFA")],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 6, ["Mode de paiement : virement, 50 % à la commande, solde à la livraison.",
                          "Contact : +225 27 20 21 26 11"], size=7.5)  # fmt: skip
    return s.output()


CI_FACTURE_PROFORMA_TRUTH = _truth(
    invoice_number="PF-26-0311", type_code="325", issue_date="2026-11-25", currency="XOF",
    seller_name="Quincaillerie Générale du Plateau SA", seller_vat_id="1234567A",
    seller_country="CI", buyer_name="Société Ivoirienne de Construction", buyer_country="CI",
    tax_exclusive_total=_plain(_CI_NET), tax_total=_plain(_CI_TAX),
    grand_total=_plain(_CI_NET + _CI_TAX), due_payable=_plain(_CI_NET + _CI_TAX),
    line_items=_unit_lines(_CI_ITEMS, {"sac": "XBG", "tonne": "TNE"}),
)  # fmt: skip


# -- Madagascar: ariary ('Ar' after the amount), NIF and STAT, 'Antananarivo, le 19 novembre' -----

_MG_ITEMS: list[UnitItem] = [("Riz Makalioka, sac 50 kg", "300", "sac", "165000"),
                             ("Huile de soja, carton 12 x 1 l", "120", "carton",
                              "96000")]  # fmt: skip
_MG_NET = _unit_sum(_MG_ITEMS)
_MG_TAX = _round(_MG_NET * Decimal("0.20"))


def _ar(value: Decimal) -> str:
    return f"{_whole_sp(value)} Ar"


def mg_facture_ariary() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Tsaravidy Distribution SARL", size=12, bold=True)
    _block(s, 15, 17, ["Lot II M 85 Antsakaviro, 101 Antananarivo, Madagascar",
                       "NIF : 3001234567   STAT : 46101 11 2010 0 01234"], size=7.5)  # fmt: skip
    s.text(140, 10, "FACTURE / FAKTIORA", size=11, bold=True)
    s.text(140, 16, "N° FA-2611-045", size=9, bold=True)
    s.text(140, 22, "Antananarivo, le 19 novembre 2026", size=8.5)
    s.text(15, 30, "Client :", size=9, bold=True)
    _block(s, 15, 35, ["Épicerie Ny Havana", "Rue Pasteur, 501 Toamasina, Madagascar",
                       "NIF : 4001987654"], size=8)  # fmt: skip
    rows = _rows(_MG_ITEMS, _whole_sp)
    y = _table(s, 56, [("N°", 15, 8, "L"), ("Désignation", 25, 72, "L"), ("Unité", 99, 12, "L"),
                       ("Qté", 113, 14, "R"), ("P.U. HT", 129, 26, "R"),
                       ("Montant HT", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total HT", _ar(_MG_NET)), ("TVA 20 %", _ar(_MG_TAX)),
                                 ("Total TTC", _ar(_MG_NET + _MG_TAX))],
            width=40, size=8.5)  # fmt: skip
    return s.output()


MG_FACTURE_ARIARY_TRUTH = _truth(
    invoice_number="FA-2611-045", type_code="380", issue_date="2026-11-19", currency="MGA",
    seller_name="Tsaravidy Distribution SARL", seller_vat_id="3001234567", seller_country="MG",
    buyer_name="Épicerie Ny Havana", buyer_country="MG", tax_exclusive_total=_plain(_MG_NET),
    tax_total=_plain(_MG_TAX), grand_total=_plain(_MG_NET + _MG_TAX),
    due_payable=_plain(_MG_NET + _MG_TAX),
    line_items=_unit_lines(_MG_ITEMS, {"sac": "XBG", "carton": "XCT"}),
)  # fmt: skip


# -- Mozambique: 'FACTURA', 'Avenida 25 de Setembro', 'Data: 14 de Novembro de 2026', MT -------

_MZ_ITEMS: list[UnitItem] = [("Castanha de caju W320, caixa 22,68 kg", "200", "caixa", "9450.00"),
                             ("Açúcar castanho, saco 50 kg", "500", "saco", "2850.00")]  # fmt: skip
_MZ_NET = _unit_sum(_MZ_ITEMS)
_MZ_TAX = _round(_MZ_NET * Decimal("0.16"))


def mz_factura_metical() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Nacala Agro-Indústria, Lda.", size=12, bold=True)
    _block(s, 15, 17, ["Avenida 25 de Setembro, 1230, Maputo, Moçambique", "NUIT: 400123456"],
           size=7.5)  # fmt: skip
    s.text(140, 10, "FACTURA", size=14, bold=True)
    s.pairs(125, 19, [("N.º", "FT 2026/0931"), ("Data:", "14 de Novembro de 2026"),
                      ("Vencimento:", "14/12/2026")], gap=26, step=4.6)  # fmt: skip
    s.text(15, 32, "Cliente:", size=9, bold=True)
    _block(s, 15, 37, ["Supermercados Beira Mar, Lda.", "Rua Major Serpa Pinto 42, Beira, "
                       "Moçambique", "NUIT: 400987654"], size=8)  # fmt: skip
    rows = _rows(_MZ_ITEMS, _de)
    y = _table(s, 58, [("Nº", 15, 8, "L"), ("Descrição", 25, 72, "L"), ("Unid.", 99, 12, "L"),
                       ("Qtd.", 113, 14, "R"), ("Preço unit.", 129, 26, "R"),
                       ("Valor", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Subtotal", f"{_de(_MZ_NET)} MT"),
                                     ("IVA 16%", f"{_de(_MZ_TAX)} MT"),
                                     ("Total", f"{_de(_MZ_NET + _MZ_TAX)} MT")],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 5, ["Pagamento: Millennium bim, conta n.º 123456789, NIB 0001 0000 "
                          "0012 3456 7895 7", "Tel.: +258 21 30 2026"], size=7.5)  # fmt: skip
    return s.output()


MZ_FACTURA_METICAL_TRUTH = _truth(
    invoice_number="FT 2026/0931", type_code="380", issue_date="2026-11-14", currency="MZN",
    seller_name="Nacala Agro-Indústria, Lda.", seller_vat_id="400123456", seller_country="MZ",
    buyer_name="Supermercados Beira Mar, Lda.", buyer_country="MZ",
    tax_exclusive_total=_plain(_MZ_NET), tax_total=_plain(_MZ_TAX),
    grand_total=_plain(_MZ_NET + _MZ_TAX), due_payable=_plain(_MZ_NET + _MZ_TAX),
    line_items=_unit_lines(_MZ_ITEMS, {"caixa": "XBX", "saco": "XSA"}),
)  # fmt: skip


# -- Kuwait: dinars with three decimals, no VAT, the date in Arabic-Indic digits too ------------

_KW_ITEMS: list[UnitItem] = [("Mineral water 330 ml, carton of 24", "1500", "ctn", "1.150"),
                             ("Basmati rice, bag 10 kg", "800", "bag", "4.375")]  # fmt: skip
_KW_NET = _unit_sum(_KW_ITEMS)


def kw_invoice_kwd() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Al Mubarakiya General Trading Co. W.L.L.", size=11, bold=True)
    _block(s, 15, 16, ["شركة المباركية للتجارة العامة ذ.م.م",
                       "Shuwaikh Industrial Area, Block 2, Street 24, Kuwait",
                       "C.R. No. 123456"], size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE  فاتورة", size=12, bold=True)
    s.pairs(130, 18, [("Invoice No.:", "26/4471"), ("Date:", "01 Dec 2026"),
                      ("التاريخ:", "٠١/١٢/٢٠٢٦")], gap=25, step=4.6)  # fmt: skip
    s.text(15, 32, "Customer / العميل:", size=9, bold=True)
    _block(s, 15, 37, ["Al Fintas Cooperative Society", "Fintas, Block 1, Kuwait"], size=8)
    rows = _rows(_KW_ITEMS, lambda v: _group(v, places=3))
    y = _table(s, 52, [("No.", 15, 8, "L"), ("Description", 25, 72, "L"), ("Unit", 99, 10, "L"),
                       ("Qty", 111, 14, "R"), ("Price KWD", 127, 28, "R"),
                       ("Amount KWD", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    net = _group(_KW_NET, places=3)
    y = _totals(s, 100, 155, y + 3, [("Sub Total", net), ("Discount", "0.000"),
                                     ("Net Amount KWD", net)], width=40, size=8.5)  # fmt: skip
    s.text(100, y + 1, "Tel.: +965 2483 2026", size=7.5)
    _block(s, 15, y + 8, ["Bank: National Bank of Kuwait, USD account 2001234567, "
                          "SWIFT NBOKKWKW", "Goods once sold will not be taken back."],
           size=7.5)  # fmt: skip
    return s.output()


KW_INVOICE_KWD_TRUTH = _truth(
    invoice_number="26/4471", type_code="380", issue_date="2026-12-01", currency="KWD",
    seller_name="Al Mubarakiya General Trading Co. W.L.L.", seller_vat_id=None,
    seller_country="KW", buyer_name="Al Fintas Cooperative Society", buyer_country="KW",
    tax_exclusive_total=f"{_KW_NET:.3f}", tax_total=None, grand_total=f"{_KW_NET:.3f}",
    due_payable=f"{_KW_NET:.3f}", line_items=_three(_KW_ITEMS, {"ctn": "XCT", "bag": "XBG"}),
)  # fmt: skip


BATCH27: list[Layout] = [
    Layout("bo-factura-credito-fiscal", bo_factura_credito_fiscal, BO_FACTURA_CREDITO_FISCAL_TRUTH),
    Layout("py-factura-guaranies", py_factura_guaranies, PY_FACTURA_GUARANIES_TRUTH),
    Layout("hn-nota-credito", hn_nota_credito, HN_NOTA_CREDITO_TRUTH),
    Layout("om-tax-invoice-omr", om_tax_invoice_omr, OM_TAX_INVOICE_OMR_TRUTH),
    Layout("kh-commercial-invoice", kh_commercial_invoice, KH_COMMERCIAL_INVOICE_TRUTH),
    Layout("lu-facture-deux-pages", lu_facture_deux_pages, LU_FACTURE_DEUX_PAGES_TRUTH),
    Layout("sn-facture-fcfa", sn_facture_fcfa, SN_FACTURE_FCFA_TRUTH),
    Layout("ci-facture-proforma", ci_facture_proforma, CI_FACTURE_PROFORMA_TRUTH),
    Layout("mg-facture-ariary", mg_facture_ariary, MG_FACTURE_ARIARY_TRUTH),
    Layout("mz-factura-metical", mz_factura_metical, MZ_FACTURA_METICAL_TRUTH),
    Layout("kw-invoice-kwd", kw_invoice_kwd, KW_INVOICE_KWD_TRUTH),
]


def write_batch27(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH27)
