"""A ninth batch of hand-written invoices, written before the reader's rules were read for it.

Nine invoices of what customs sees and the earlier batches show little or none of: a Chinese
exporter's commercial invoice over two pages (FOB terms, the details in boxes with the label
above the value, the table's header repeated on page 2, the total only there), an Indian GST
tax invoice in Tally's shape (GSTIN, an HSN/SAC column, CGST and SGST as rows of the item table,
``₹`` and lakh grouping, a second table summing tax by HSN code), a Mexican CFDI-like factura
(RFC, ``Serie y folio``, a UUID, ``Clave unidad`` cells such as ``H87 Pieza``, ``Subtotal``,
``IVA Trasladado 16%``, an ISO date-time), a Polish faktura VAT (NIP with hyphens, ``Sprzedawca``
and ``Nabywca`` side by side, netto / VAT / brutto columns, a ``Razem`` row under the table,
space grouping and comma decimals, ``zł`` after the number), a Japanese supplier's invoice in
English (the buyer at the top left after ``To:``, the seller on the right with its
``Registration No. T...``, the amount due in a box as ``¥1,331,000-`` with the Japanese closing
dash, ``1,331,000 JPY``), a US exporter's commercial invoice (label-above-value boxes,
``Harmonized Code`` column, ``lbs``, freight and insurance above the total, ``03/05/2026``), a
Belgian factuur (BTW, ``5.000`` pieces with a dot for thousands, two VAT rates without a VAT
total, ``Te betalen``, a structured communication), a German Proforma-Rechnung for customs
(samples, ``Wert nur für Zollzwecke``, customs tariff numbers and origin per line), and a
Singapore credit note with its amounts in brackets (``(325.00)``) and ``S$``.

Left out: Chinese labels (the environment has no CJK font for the PDFs; the Chinese invoice is
in English only, as many are).

Ground truth conventions (as in the earlier batches): VAT / tax ids without spaces, dots or
hyphens, as printed (no prefix added), and Mexico's RFC none (the first batch's convention,
tests/documents/layouts.py; this batch's truth had 'RIN980312KT5' at its first reading, set
null after it: the first reading is reported both ways); a country where the page names it,
else null; no tax fields on an export invoice that prints no tax (and no tax-exclusive total
where freight and insurance are added to a subtotal without tax); a credit note's amounts
positive (type code 381 carries the sign); a pro forma is 325.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round


def _pl(value: Decimal) -> str:
    """Polish printing: space thousands, decimal comma."""
    return _group(value, "de").replace(".", " ")


# -- China: an exporter's commercial invoice over two pages, FOB, boxes with the label above the
# value, the table header repeated on page 2, the total only on the last page -----------------

_CN_ITEMS = [
    ("Stainless steel mixing bowl set, 3 pcs", "800", "SETS", "4.35"),
    ("Silicone spatula, heat resistant", "3000", "PCS", "0.62"),
    ("Bamboo cutting board 38 x 28 cm", "1200", "PCS", "2.85"),
    ("Glass food container 1.0 L with lid", "1500", "PCS", "1.94"),
    ("Ceramic coated frying pan 28 cm", "600", "PCS", "6.80"),
    ("Nylon kitchen utensil set, 6 pcs", "900", "SETS", "3.15"),
    ("Stainless steel whisk 30 cm", "2000", "PCS", "0.88"),
    ("Measuring cups and spoons set", "1000", "SETS", "1.46"),
    ("Enamel casserole 24 cm, red", "300", "PCS", "11.20"),
    ("Kitchen scale, digital, 5 kg", "500", "PCS", "4.05"),
    ("Pepper mill, acacia wood", "800", "PCS", "2.30"),
    ("Oven mitts, cotton, pair", "1200", "PRS", "1.12"),
    ("Dish rack, two tier, chrome", "400", "PCS", "7.60"),
]

_CN_COLUMNS = [
    ("MARKS & NOS.", 12, 26, "L"),
    ("DESCRIPTION OF GOODS", 40, 72, "L"),
    ("QUANTITY", 114, 24, "R"),
    ("UNIT PRICE", 140, 22, "R"),
    ("AMOUNT", 164, 32, "R"),
]


def _cn_rows(items: list[tuple[str, str, str, str]], marks: bool) -> list[list[str]]:
    rows = []
    for index, (text, qty, unit, price) in enumerate(items):
        rows.append([
            "KCR/RTM" if marks and index == 0 else "", text,
            _group(_d(qty), places=0) + " " + unit, "USD " + _group(_d(price)),
            "USD " + _group(_round(_d(qty) * _d(price))),
        ])  # fmt: skip
    return rows


def _cn_table(s: Sheet2, y: float, rows: list[list[str]]) -> float:
    y = s.grid(y, _CN_COLUMNS, rows, size=8, step=6.5)
    return y


def cn_fob_two_pages() -> bytes:
    s = Sheet2()
    s.text(15, 10, "NINGBO HAIXING HOUSEWARE IMP. & EXP. CO., LTD.", size=13, bold=True,
           width=180, align="C")  # fmt: skip
    s.text(15, 17, "Room 1802, Block B, Xinya Building, 365 Zhongshan East Road, Ningbo 315000, "
                   "Zhejiang, China", size=7.5, width=180, align="C")  # fmt: skip
    s.text(15, 21, "Tel: +86-574-8765-4321   Fax: +86-574-8765-4322", size=7.5, width=180,
           align="C")  # fmt: skip
    s.text(15, 29, "COMMERCIAL INVOICE", size=15, bold=True, width=180, align="C")
    s.pdf.rect(15, 40, 88, 30)
    s.text(17, 41.5, "TO (MESSRS.):", size=7, bold=True)
    s.lines(17, 46, ["Kitchen Corner Retail B.V.", "Industrieweg 31", "3044 AS Rotterdam",
                     "The Netherlands"], size=8.5)  # fmt: skip
    s.boxes(107, 40, [("INVOICE NO.", "HX26-0305-01"), ("DATE", "2026/03/05")], width=44)
    s.boxes(107, 51, [("S/C NO.", "HX-SC-26017"), ("PAYMENT", "T/T 30 days")], width=44)
    s.boxes(107, 62, [("FROM", "NINGBO, CHINA"), ("TO", "ROTTERDAM")], width=44, size=8)
    s.text(15, 76, "TERMS OF DELIVERY: FOB NINGBO     SHIPPED PER: COSCO ARIES V.026W", size=8)
    _cn_table(s, 84, _cn_rows(_CN_ITEMS[:9], True))
    s.text(15, 272, "TO BE CONTINUED ON PAGE 2", size=7.5)
    s.pdf.add_page()
    s.text(15, 12, "NINGBO HAIXING HOUSEWARE IMP. & EXP. CO., LTD.", size=10, bold=True)
    s.text(140, 12, "INVOICE NO.: HX26-0305-01", size=8)
    s.text(140, 16, "PAGE 2 OF 2", size=8)
    y = _cn_table(s, 26, _cn_rows(_CN_ITEMS[9:], False))
    total = sum((_round(_d(q) * _d(p)) for _, q, _, p in _CN_ITEMS), Decimal(0))
    s.pdf.line(12, y, 196, y)
    s.text(40, y + 2, "TOTAL FOB NINGBO:", size=8.5, bold=True)
    s.text(164, y + 2, "USD " + _group(total), size=8.5, bold=True, width=32, align="R")
    s.lines(15, y + 14, ["PACKING: 415 CARTONS   N.W.: 3,850.00 KGS   G.W.: 4,320.00 KGS",
                         "COUNTRY OF ORIGIN: CHINA",
                         "BENEFICIARY BANK: BANK OF CHINA NINGBO BRANCH, SWIFT BKCHCNBJ92A"],
            size=8, step=4.5)  # fmt: skip
    s.text(130, y + 40, "NINGBO HAIXING HOUSEWARE IMP. & EXP. CO., LTD.", size=7, bold=True)
    return s.output()


_CN_TOTAL = _plain(sum((_round(_d(q) * _d(p)) for _, q, _, p in _CN_ITEMS), Decimal(0)))
CN_FOB_TWO_PAGES_TRUTH = _truth(
    invoice_number="HX26-0305-01", type_code="380", issue_date="2026-03-05", currency="USD",
    seller_name="NINGBO HAIXING HOUSEWARE IMP. & EXP. CO., LTD.", seller_country="CN",
    buyer_name="Kitchen Corner Retail B.V.", buyer_country="NL",
    grand_total=_CN_TOTAL, due_payable=_CN_TOTAL,
    line_items=[_line(text, qty, {"SETS": "SET", "PCS": "H87", "PRS": "PR"}[unit],
                      _price(_d(price)), _plain(_round(_d(qty) * _d(price))))
                for text, qty, unit, price in _CN_ITEMS],
)  # fmt: skip


# -- India: a GST tax invoice in Tally's shape: GSTIN, HSN/SAC column, quantity with its unit and
# a "per" column, CGST and SGST as rows of the item table, ₹, lakh grouping, an HSN summary ------

_IN_ITEMS = [
    ("PP Granules, natural, injection grade", "3902", "2500", "kg", "118.50"),
    ("HDPE Pipe Fittings 63 mm", "3917", "1200", "pcs", "86.00"),
    ("Nylon Bushes 25 mm", "3926", "4000", "pcs", "12.40"),
]


def in_gst_tally() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 8, "TAX INVOICE", size=12, bold=True, width=180, align="C")
    s.text(160, 8.5, "(ORIGINAL FOR RECIPIENT)", size=6.5)
    s.pdf.rect(15, 14, 95, 30)
    s.text(17, 15.5, "Shree Ganesh Polymers Pvt. Ltd.", size=10, bold=True)
    s.lines(17, 21, ["Plot No. 117, MIDC Bhosari", "Pune 411026, Maharashtra, India",
                     "GSTIN/UIN: 27AAECS4521M1Z8", "State Name: Maharashtra, Code: 27"],
            size=8, step=4)  # fmt: skip
    s.boxes(110, 14, [("Invoice No.", "SGP/2526/1187"), ("Dated", "5-Mar-2026")], width=42.5,
            height=10, size=8.5)  # fmt: skip
    s.boxes(110, 24, [("Delivery Note", "DN-0912"), ("Mode/Terms of Payment", "30 Days")],
            width=42.5, height=10, size=8.5)  # fmt: skip
    s.pdf.rect(15, 44, 95, 26)
    s.text(17, 45.5, "Buyer (Bill to)", size=7.5)
    s.text(17, 50, "Deccan Auto Components LLP", size=9.5, bold=True)
    s.lines(17, 55, ["Gat No. 214, Chakan Industrial Area", "Pune 410501, Maharashtra",
                     "GSTIN/UIN: 27AAKFD7712Q1ZK"], size=8, step=4)  # fmt: skip
    columns = [
        ("Sl No.", 15, 10, "L"),
        ("Description of Goods", 26, 64, "L"),
        ("HSN/SAC", 91, 16, "L"),
        ("Quantity", 108, 20, "R"),
        ("Rate", 130, 18, "R"),
        ("per", 150, 8, "L"),
        ("Amount", 160, 35, "R"),
    ]
    rows = []
    net = Decimal(0)
    for index, (text, hsn, qty, unit, rate) in enumerate(_IN_ITEMS, 1):
        amount = _round(_d(qty) * _d(rate))
        net += amount
        rows.append([str(index), text, hsn, _group(_d(qty), "in", 0) + " " + unit,
                     _group(_d(rate), "in"), unit, _group(amount, "in")])  # fmt: skip
    y = s.grid(76, columns, rows, size=8, step=6)
    cgst = _round(net * Decimal("0.09"))
    s.text(26, y + 2, "CGST @ 9%", size=8, bold=True, width=64, align="R")
    s.text(160, y + 2, _group(cgst, "in"), size=8, width=35, align="R")
    s.text(26, y + 7, "SGST @ 9%", size=8, bold=True, width=64, align="R")
    s.text(160, y + 7, _group(cgst, "in"), size=8, width=35, align="R")
    s.pdf.line(15, y + 13, 195, y + 13)
    s.text(26, y + 15, "Total", size=8.5, bold=True, width=64, align="R")
    s.text(160, y + 15, "₹ " + _group(net + 2 * cgst, "in"), size=8.5, bold=True, width=35,
           align="R")  # fmt: skip
    s.pdf.line(15, y + 20, 195, y + 20)
    s.text(15, y + 23, "Amount Chargeable (in words)", size=7)
    s.text(15, y + 27, "INR Five Lakh Twenty Nine Thousand Eight Hundred Seventy Nine Only",
           size=8, bold=True)  # fmt: skip
    hsn_rows = []
    for _, hsn, qty, _, rate in _IN_ITEMS:
        value = _round(_d(qty) * _d(rate))
        tax = _round(value * Decimal("0.09"))
        hsn_rows.append([hsn, _group(value, "in"), "9%", _group(tax, "in"), "9%",
                         _group(tax, "in"), _group(2 * tax, "in")])  # fmt: skip
    hsn_rows.append(["Total", _group(net, "in"), "", _group(cgst, "in"), "",
                     _group(cgst, "in"), _group(2 * cgst, "in")])  # fmt: skip
    s.grid(
        y + 36,
        [
            ("HSN/SAC", 15, 22, "L"),
            ("Taxable Value", 39, 30, "R"),
            ("CGST Rate", 71, 16, "R"),
            ("CGST Amount", 89, 26, "R"),
            ("SGST Rate", 117, 16, "R"),
            ("SGST Amount", 135, 26, "R"),
            ("Total Tax Amount", 163, 32, "R"),
        ],
        hsn_rows,
        size=7.5,
        step=5,
    )  # fmt: skip
    s.text(130, 262, "for Shree Ganesh Polymers Pvt. Ltd.", size=7.5, bold=True)
    s.text(150, 275, "Authorised Signatory", size=7.5)
    s.text(15, 282, "This is a Computer Generated Invoice", size=7, width=180, align="C")
    return s.output()


_IN_NET = sum((_round(_d(q) * _d(r)) for _, _, q, _, r in _IN_ITEMS), Decimal(0))
_IN_TAX = 2 * _round(_IN_NET * Decimal("0.09"))
IN_GST_TALLY_TRUTH = _truth(
    invoice_number="SGP/2526/1187", type_code="380", issue_date="2026-03-05", currency="INR",
    seller_name="Shree Ganesh Polymers Pvt. Ltd.", seller_vat_id="27AAECS4521M1Z8",
    seller_country="IN", buyer_name="Deccan Auto Components LLP",
    tax_exclusive_total=_plain(_IN_NET), tax_total=_plain(_IN_TAX),
    grand_total=_plain(_IN_NET + _IN_TAX), due_payable=_plain(_IN_NET + _IN_TAX),
    line_items=[_line(text, qty, {"kg": "KGM", "pcs": "H87"}[unit], _price(_d(rate)),
                      _plain(_round(_d(qty) * _d(rate))))
                for text, _, qty, unit, rate in _IN_ITEMS],
)  # fmt: skip


# -- Mexico: a CFDI-like factura: RFC, "Serie y folio", a UUID, an ISO date-time, "Clave unidad"
# cells like "H87 Pieza" left of the description, "Subtotal", "IVA Trasladado 16%", "$" ------

_MX_ITEMS = [
    ("31171504", "12", "H87 Pieza", "Rodamiento de bolas 6205-2RS", "185.00"),
    ("12352104", "18", "KGM Kilogramo", "Grasa para rodamientos, cubeta", "96.50"),
    ("31163000", "4", "SET Conjunto", "Juego de retenes para bomba", "1240.00"),
]


def mx_cfdi() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Refacciones Industriales del Norte, S.A. de C.V.", size=12, bold=True)
    s.lines(15, 19, ["RFC: RIN980312KT5", "Régimen fiscal: 601 General de Ley Personas Morales",
                     "Av. Constitución 2450 Pte., Col. Centro", "64000 Monterrey, N.L., México"],
            size=7.5, step=3.8)  # fmt: skip
    s.text(150, 12, "FACTURA", size=16, bold=True)
    s.pairs(112, 22, [("Serie y folio:", "A-18734"), ("Fecha de emisión:", "2026-03-05T10:22:31"),
                      ("Lugar de expedición:", "64000"), ("Tipo de comprobante:", "I - Ingreso")],
            gap=40, step=4.2)  # fmt: skip
    s.text(112, 39, "Folio fiscal (UUID): 6F1C2A9E-4B7D-4E21-9C3A-0B8D5E7F1A24", size=6.5)
    s.pdf.rect(15, 46, 180, 20)
    s.text(17, 47.5, "Receptor", size=8, bold=True)
    s.pairs(17, 52, [("Nombre:", "Alimentos del Bajío, S.A. de C.V."), ("RFC:", "ABA0507219N3")],
            gap=18, step=4.5)  # fmt: skip
    s.pairs(110, 52, [("Uso CFDI:", "G03 Gastos en general"), ("Domicilio fiscal:", "37000")],
            gap=28, step=4.5)  # fmt: skip
    rows = []
    net = Decimal(0)
    for key, qty, unit, text, price in _MX_ITEMS:
        amount = _round(_d(qty) * _d(price))
        net += amount
        rows.append([key, qty, unit, text, "$" + _group(_d(price)), "$" + _group(amount)])
    y = s.grid(
        74,
        [
            ("Clave prod./serv.", 15, 24, "L"),
            ("Cantidad", 40, 14, "R"),
            ("Clave unidad", 57, 26, "L"),
            ("Descripción", 84, 58, "L"),
            ("Valor unitario", 143, 24, "R"),
            ("Importe", 169, 26, "R"),
        ],
        rows,
        size=7.5,
    )  # fmt: skip
    tax = _round(net * Decimal("0.16"))
    s.pairs(125, y + 6, [("Subtotal", "$" + _group(net)), ("IVA Trasladado 16%", "$" +
                         _group(tax)), ("Total", "$" + _group(net + tax))], gap=32,
            value_width=38, align="R")  # fmt: skip
    s.lines(15, y + 6, ["Moneda: MXN - Peso Mexicano", "Forma de pago: 03 Transferencia",
                        "Método de pago: PUE Pago en una sola exhibición"], size=7.5,
            step=4)  # fmt: skip
    s.text(15, y + 26, "Importe con letra: DIEZ MIL TRESCIENTOS CUARENTA Y TRES PESOS 72/100 M.N.",
           size=7.5)  # fmt: skip
    s.text(15, y + 36, "Este documento es una representación impresa de un CFDI 4.0", size=7)
    s.text(15, y + 41, "No. de serie del certificado: 00001000000512345678", size=6.5)
    s.text(15, y + 45, "Sello digital del CFDI: kQ3c0M9pZ7a+Vx2Lr1eT8sYw4Hn6Jb0Ud5Gf3Ki9Oq2Pm7R"
                       "t1Sz8Ac4Xv6Bn0==", size=6)  # fmt: skip
    return s.output()


_MX_NET = sum((_round(_d(q) * _d(p)) for _, q, _, _, p in _MX_ITEMS), Decimal(0))
_MX_TAX = _round(_MX_NET * Decimal("0.16"))
MX_CFDI_TRUTH = _truth(
    invoice_number="A-18734", type_code="380", issue_date="2026-03-05", currency="MXN",
    seller_name="Refacciones Industriales del Norte, S.A. de C.V.", seller_country="MX",
    buyer_name="Alimentos del Bajío, S.A. de C.V.",
    tax_exclusive_total=_plain(_MX_NET), tax_total=_plain(_MX_TAX),
    grand_total=_plain(_MX_NET + _MX_TAX), due_payable=_plain(_MX_NET + _MX_TAX),
    line_items=[_line(text, qty, unit.split()[0], _price(_d(price)),
                      _plain(_round(_d(qty) * _d(price))))
                for _, qty, unit, text, price in _MX_ITEMS],
)  # fmt: skip


# -- Poland: a faktura VAT: "Faktura VAT nr ..." in one line, Sprzedawca / Nabywca side by side,
# NIP with hyphens, netto / VAT / brutto per line, a "Razem" row, "Do zapłaty: ... zł" --------

_PL_ITEMS = [
    ('Zawór kulowy 1/2" mosiądz', "120", "szt.", "18.40"),
    ("Rura PEX 16 x 2 mm", "600", "m", "2.85"),
    ("Rozdzielacz 6-obwodowy", "8", "kpl.", "312.00"),
]


def pl_faktura() -> bytes:
    s = Sheet2()
    s.pairs(118, 10, [("Miejsce wystawienia:", "Poznań"), ("Data wystawienia:", "2026-03-05"),
                      ("Data sprzedaży:", "2026-03-05")], gap=42, step=4.5)  # fmt: skip
    s.text(15, 28, "Faktura VAT nr FV/2026/03/0142", size=14, bold=True, width=180, align="C")
    s.text(15, 40, "Sprzedawca:", size=8.5, bold=True)
    s.lines(15, 45, ["Wielkopolska Armatura Sp. z o.o.", "ul. Głogowska 214", "60-104 Poznań",
                     "NIP: 779-23-45-678"], size=8.5)  # fmt: skip
    s.text(110, 40, "Nabywca:", size=8.5, bold=True)
    s.lines(110, 45, ["Instal-Serwis Kowalczyk Sp. j.", "ul. Przemysłowa 9", "35-105 Rzeszów",
                      "NIP: 813-36-90-112"], size=8.5)  # fmt: skip
    columns = [
        ("Lp.", 12, 7, "L"),
        ("Nazwa towaru / usługi", 20, 50, "L"),
        ("Ilość", 71, 12, "R"),
        ("J.m.", 85, 9, "L"),
        ("Cena netto", 95, 18, "R"),
        ("Wartość netto", 114, 22, "R"),
        ("VAT %", 137, 10, "R"),
        ("Kwota VAT", 148, 20, "R"),
        ("Wartość brutto", 169, 28, "R"),
    ]
    rows = []
    net = tax = Decimal(0)
    for index, (text, qty, unit, price) in enumerate(_PL_ITEMS, 1):
        amount = _round(_d(qty) * _d(price))
        vat = _round(amount * Decimal("0.23"))
        net, tax = net + amount, tax + vat
        rows.append([f"{index}.", text, qty, unit, _pl(_d(price)), _pl(amount), "23", _pl(vat),
                     _pl(amount + vat)])  # fmt: skip
    y = s.grid(72, columns, rows, size=7.5)
    s.pdf.line(95, y, 197, y)
    s.text(95, y + 1.5, "Razem:", size=7.5, bold=True)
    for (_, x, width, _), value in zip(columns[5:], [_pl(net), "", _pl(tax), _pl(net + tax)],
                                       strict=True):  # fmt: skip
        s.text(x, y + 1.5, value, size=7.5, bold=True, width=width, align="R")
    s.text(15, y + 14, f"Do zapłaty: {_pl(net + tax)} zł", size=11, bold=True)
    s.lines(15, y + 21, ["Słownie: siedem tysięcy osiemset osiemdziesiąt dziewięć złotych 22/100",
                         "Sposób płatności: przelew      Termin płatności: 2026-03-19",
                         "Numer konta: PL61 1090 1014 0000 0712 1981 2874"], size=8)  # fmt: skip
    s.text(20, y + 50, "Osoba upoważniona do wystawienia", size=7)
    s.text(120, y + 50, "Osoba upoważniona do odbioru", size=7)
    return s.output()


_PL_NET = sum((_round(_d(q) * _d(p)) for _, q, _, p in _PL_ITEMS), Decimal(0))
_PL_TAX = sum((_round(_round(_d(q) * _d(p)) * Decimal("0.23")) for _, q, _, p in _PL_ITEMS),
              Decimal(0))  # fmt: skip
PL_FAKTURA_TRUTH = _truth(
    invoice_number="FV/2026/03/0142", type_code="380", issue_date="2026-03-05", currency="PLN",
    seller_name="Wielkopolska Armatura Sp. z o.o.", seller_vat_id="7792345678",
    buyer_name="Instal-Serwis Kowalczyk Sp. j.",
    tax_exclusive_total=_plain(_PL_NET), tax_total=_plain(_PL_TAX),
    grand_total=_plain(_PL_NET + _PL_TAX), due_payable=_plain(_PL_NET + _PL_TAX),
    line_items=[_line(text, qty, {"szt.": "H87", "m": "MTR", "kpl.": "SET"}[unit],
                      _price(_d(price)), _plain(_round(_d(qty) * _d(price))))
                for text, qty, unit, price in _PL_ITEMS],
)  # fmt: skip


# -- Japan: a supplier's invoice in English: the buyer top left after "To:", the seller on the
# right with its registration number, the amount due in a box as "¥1,331,000-", "JPY" after ----

_JP_ITEMS = [
    ("Linear guide rail 600 mm", "20", "pcs", "18500"),
    ("Ball screw unit BS-1605", "10", "set", "42000"),
    ("Stepping motor 57 mm", "24", "pcs", "14750"),
    ("Coupling, aluminium", "40", "pcs", "1650"),
]


def jp_registration() -> bytes:
    s = Sheet2()
    s.text(15, 10, "INVOICE", size=18, bold=True, width=180, align="C")
    s.text(15, 24, "To: Kansai Robotics Co., Ltd.", size=11, bold=True)
    s.pdf.line(15, 29, 95, 29)
    s.lines(15, 31, ["2-14-8 Honmachi, Chuo-ku", "Osaka 541-0053, Japan"], size=8.5)
    s.pairs(125, 22, [("Invoice No.:", "2026-0305-017"), ("Issue Date:", "2026/03/05")],
            gap=24, step=4.5)  # fmt: skip
    s.text(125, 34, "Hoshino Seiki Co., Ltd.", size=10, bold=True)
    s.lines(125, 39, ["3-7-21 Nishi-Gotanda, Shinagawa-ku", "Tokyo 141-0031, Japan",
                      "Registration No.: T8010401234567", "TEL 03-5437-1180"], size=7.5,
            step=3.8)  # fmt: skip
    net = sum((_d(q) * _d(p) for _, q, _, p in _JP_ITEMS), Decimal(0))
    tax = net / 10
    s.pdf.rect(15, 44, 80, 16)
    s.text(17, 45.5, "Amount Due (tax included)", size=7.5)
    s.text(17, 51, f"¥{_group(net + tax, places=0)}-", size=15, bold=True)
    s.text(15, 64, "Due Date: 2026/04/30", size=8.5)
    rows = [[str(index), text, qty, unit, _group(_d(price), places=0),
             _group(_d(qty) * _d(price), places=0)]
            for index, (text, qty, unit, price) in enumerate(_JP_ITEMS, 1)]  # fmt: skip
    y = s.grid(
        74,
        [
            ("Item", 15, 10, "L"),
            ("Description", 27, 70, "L"),
            ("Qty", 99, 12, "R"),
            ("Unit", 113, 10, "L"),
            ("Unit Price", 125, 26, "R"),
            ("Amount", 155, 40, "R"),
        ],
        rows,
    )  # fmt: skip
    s.pairs(120, y + 6, [("Subtotal", _group(net, places=0)),
                         ("Consumption Tax (10%)", _group(tax, places=0)),
                         ("Total", f"{_group(net + tax, places=0)} JPY")], gap=35,
            value_width=40, align="R")  # fmt: skip
    s.lines(15, y + 26, ["Bank: MUFG Bank, Gotanda Branch, Ordinary 1234567",
                         "Account name: Hoshino Seiki Co., Ltd.",
                         "Bank charges to be borne by the remitter."], size=8)  # fmt: skip
    return s.output()


_JP_NET = sum((_d(q) * _d(p) for _, q, _, p in _JP_ITEMS), Decimal(0))
JP_REGISTRATION_TRUTH = _truth(
    invoice_number="2026-0305-017", type_code="380", issue_date="2026-03-05", currency="JPY",
    seller_name="Hoshino Seiki Co., Ltd.", seller_vat_id="T8010401234567", seller_country="JP",
    buyer_name="Kansai Robotics Co., Ltd.", buyer_country="JP",
    tax_exclusive_total=_plain(_JP_NET), tax_total=_plain(_JP_NET / 10),
    grand_total=_plain(_JP_NET * Decimal("1.1")), due_payable=_plain(_JP_NET * Decimal("1.1")),
    line_items=[_line(text, qty, {"pcs": "H87", "set": "SET"}[unit], price,
                      _plain(_d(qty) * _d(price))) for text, qty, unit, price in _JP_ITEMS],
)  # fmt: skip


# -- United States: an exporter's commercial invoice: boxes with the label above the value,
# quantity and unit left of the description, "Harmonized Code", lbs, freight and insurance
# above the total, "03/05/2026", the seller in Savannah, Georgia ------------------------------

_US_ITEMS = [
    ("40,000", "lbs", "Pecan halves, fancy, 30 lb cartons", "0802.90.1000", "4.85"),
    ("22,000", "lbs", "Peanut kernels, runner, blanched", "2008.11.2500", "1.12"),
    ("1,200", "pcs", "Gift tin, assorted pecans, 16 oz", "2008.19.8500", "9.75"),
]


def us_commercial_cif() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "COMMERCIAL INVOICE", size=16, bold=True, width=180, align="C")
    s.pdf.rect(15, 22, 92, 28)
    s.text(17, 23.5, "SHIPPER / EXPORTER", size=7, bold=True)
    s.lines(17, 28, ["Coastal Pecan & Peanut Co.", "2100 E. President Street",
                     "Savannah, Georgia 31404, U.S.A.", "Phone +1 912 555 0144"],
            size=8.5)  # fmt: skip
    s.pdf.rect(15, 50, 92, 26)
    s.text(17, 51.5, "ULTIMATE CONSIGNEE", size=7, bold=True)
    s.lines(17, 56, ["Hanseatic Nut Import GmbH", "Am Sandtorkai 44", "20457 Hamburg, Germany"],
            size=8.5)  # fmt: skip
    s.boxes(107, 22, [("INVOICE NUMBER", "CPP-EX-26-0419"), ("INVOICE DATE", "03/05/2026")],
            width=44, height=11, size=8.5)  # fmt: skip
    s.boxes(107, 33, [("CUSTOMER PO", "HNI-4471"), ("INCOTERMS 2020", "CIF Hamburg")],
            width=44, height=11, size=8.5)  # fmt: skip
    s.boxes(107, 44, [("CURRENCY", "USD"), ("COUNTRY OF ORIGIN", "United States")], width=44,
            height=11, size=8.5)  # fmt: skip
    s.boxes(107, 55, [("EXPORT CARRIER", "MSC ANNA 612E"), ("PORT OF LOADING", "Savannah, GA")],
            width=44, height=11, size=8.5)  # fmt: skip
    rows = []
    net = Decimal(0)
    for qty, unit, text, code, price in _US_ITEMS:
        amount = _round(_d(qty.replace(",", "")) * _d(price))
        net += amount
        rows.append([qty, unit, text, code, "$" + _group(_d(price)), "$" + _group(amount)])
    y = s.grid(
        84,
        [
            ("QTY", 15, 16, "R"),
            ("UNIT", 33, 10, "L"),
            ("DESCRIPTION", 45, 62, "L"),
            ("HARMONIZED CODE", 108, 28, "L"),
            ("UNIT VALUE", 137, 22, "R"),
            ("TOTAL VALUE", 161, 34, "R"),
        ],
        rows,
        size=8,
    )  # fmt: skip
    s.pairs(115, y + 6, [("Subtotal", "$" + _group(net)), ("Freight", "$6,850.00"),
                         ("Insurance", "$690.00"),
                         ("TOTAL INVOICE VALUE", "$" + _group(net + 7540))], gap=44,
            value_width=36, align="R")  # fmt: skip
    s.lines(15, y + 6, ["Total packages: 2,640 cartons", "Total gross weight: 66,400 lbs",
                        "Total net weight: 63,500 lbs"], size=8)  # fmt: skip
    s.lines(15, y + 32, ["I declare that all the information contained in this invoice to be "
                         "true and correct.", "These commodities were exported from the United "
                         "States in accordance with the Export Administration Regulations.",
                         "Diversion contrary to U.S. law is prohibited."], size=7.5,
            step=4)  # fmt: skip
    s.text(120, y + 52, "Signature: ______________________", size=8)
    return s.output()


_US_NET = sum((_round(_d(q.replace(",", "")) * _d(p)) for q, _, _, _, p in _US_ITEMS),
              Decimal(0))  # fmt: skip
US_COMMERCIAL_CIF_TRUTH = _truth(
    invoice_number="CPP-EX-26-0419", type_code="380", issue_date="2026-03-05", currency="USD",
    seller_name="Coastal Pecan & Peanut Co.", seller_country="US",
    buyer_name="Hanseatic Nut Import GmbH", buyer_country="DE",
    grand_total=_plain(_US_NET + 7540), due_payable=_plain(_US_NET + 7540),
    line_items=[_line(text, qty.replace(",", ""), {"lbs": "LBR", "pcs": "H87"}[unit],
                      _price(_d(price)), _plain(_round(_d(qty.replace(",", "")) * _d(price))))
                for qty, unit, text, _, price in _US_ITEMS],
)  # fmt: skip


# -- Belgium: a factuur in Dutch: boxes with the label above the value, "5.000" pieces, BTW per
# line, two VAT rates and no VAT total, "Te betalen", a structured communication --------------

_BE_ITEMS = [
    ("Flyers A5, 170 g, recto-verso", "5000", "st.", "0.09", "21"),
    ("Boek 'Stadswandelingen Gent', gebonden", "400", "st.", "11.50", "6"),
    ("Affiches A2, mat papier", "150", "st.", "1.80", "21"),
]


def _be(value: Decimal) -> str:
    return "€ " + _group(value, "de")


def be_factuur() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Drukkerij Van Damme BV", size=15, bold=True)
    s.lines(15, 20, ["Kortrijksesteenweg 512", "9000 Gent", "België",
                     "BTW BE 0456.789.123", "RPR Gent"], size=8, step=4)  # fmt: skip
    s.text(150, 12, "FACTUUR", size=16, bold=True)
    s.lines(120, 30, ["Boekhandel Het Leesteken BV", "t.a.v. de boekhouding",
                      "Meir 78", "2000 Antwerpen"], size=9)  # fmt: skip
    s.boxes(15, 55, [("Factuurnummer", "2026/00318"), ("Factuurdatum", "05/03/2026"),
                     ("Vervaldatum", "04/04/2026"), ("Klantnummer", "K1047")],
            width=45)  # fmt: skip
    rows = []
    net = Decimal(0)
    by_rate: dict[str, Decimal] = {}
    for text, qty, unit, price, rate in _BE_ITEMS:
        amount = _round(_d(qty) * _d(price))
        net += amount
        by_rate[rate] = by_rate.get(rate, Decimal(0)) + amount
        rows.append([text, _group(_d(qty), "de", 0), unit, _be(_d(price)), f"{rate} %",
                     _be(amount)])  # fmt: skip
    y = s.grid(
        75,
        [
            ("Omschrijving", 15, 70, "L"),
            ("Aantal", 87, 14, "R"),
            ("Eenheid", 103, 13, "L"),
            ("Eenheidsprijs", 117, 24, "R"),
            ("BTW", 143, 12, "R"),
            ("Totaal excl. BTW", 157, 38, "R"),
        ],
        rows,
    )  # fmt: skip
    pairs = [("Totaal excl. BTW", _be(net))]
    tax = Decimal(0)
    for rate in ("21", "6"):
        amount = _round(by_rate[rate] * _d(rate) / 100)
        tax += amount
        pairs.append((f"BTW {rate} % op {_be(by_rate[rate])}", _be(amount)))
    pairs += [("Totaal incl. BTW", _be(net + tax)), ("Te betalen", _be(net + tax))]
    s.pairs(100, y + 6, pairs, gap=55, value_width=40, align="R")
    s.lines(15, y + 36, ["Gelieve te betalen vóór de vervaldag op BE68 5390 0754 7034",
                         "met gestructureerde mededeling +++090/9337/55493+++"],
            size=8)  # fmt: skip
    return s.output()


_BE_NET = sum((_round(_d(q) * _d(p)) for _, q, _, p, _ in _BE_ITEMS), Decimal(0))
_BE_TAX = _round(Decimal("720.00") * Decimal("0.21")) + _round(Decimal("4600.00") * Decimal("0.06"))
BE_FACTUUR_TRUTH = _truth(
    invoice_number="2026/00318", type_code="380", issue_date="2026-03-05", currency="EUR",
    seller_name="Drukkerij Van Damme BV", seller_vat_id="BE0456789123", seller_country="BE",
    buyer_name="Boekhandel Het Leesteken BV",
    tax_exclusive_total=_plain(_BE_NET), tax_total=_plain(_BE_TAX),
    grand_total=_plain(_BE_NET + _BE_TAX), due_payable=_plain(_BE_NET + _BE_TAX),
    line_items=[_line(text, qty, "H87", _price(_d(price)), _plain(_round(_d(qty) * _d(price))))
                for text, qty, _, price, _ in _BE_ITEMS],
)  # fmt: skip


# -- Germany: a Proforma-Rechnung for customs (free samples to Switzerland), tariff number and
# origin per line, "Gesamtwert für Zollzwecke", the VAT id in the footer ----------------------


def de_proforma_zoll() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Brenner Messtechnik GmbH", size=14, bold=True)
    s.text(15, 19, "Hauptstraße 88 · 79576 Weil am Rhein · Deutschland", size=8)
    s.text(15, 30, "Brenner Messtechnik GmbH · Hauptstraße 88 · 79576 Weil am Rhein", size=6.5)
    s.lines(15, 35, ["Labor Rhenus AG", "Hochbergerstrasse 60", "4057 Basel", "Schweiz"],
            size=9)  # fmt: skip
    s.pairs(120, 35, [("Proforma-Rechnung Nr.", "PF-2026-0031"), ("Datum", "05.03.2026"),
                      ("Lieferbedingung", "DAP Basel"), ("Versand", "DHL Express")], gap=38,
            step=4.5)  # fmt: skip
    s.text(15, 62, "PROFORMA-RECHNUNG", size=14, bold=True)
    s.text(15, 69, "Kostenlose Mustersendung – Wert nur für Zollzwecke", size=9)
    y = s.grid(
        78,
        [
            ("Pos.", 15, 9, "L"),
            ("Warenbezeichnung", 25, 58, "L"),
            ("Zolltarifnr.", 84, 20, "L"),
            ("Ursprung", 105, 14, "L"),
            ("Menge", 120, 16, "R"),
            ("Einzelwert", 138, 24, "R"),
            ("Gesamtwert", 164, 31, "R"),
        ],
        [
            ["1", "Temperaturfühler PT100, Edelstahl", "9025 19 00", "DE", "10 Stk.",
             "24,50 EUR", "245,00 EUR"],
            ["2", "Druckmessumformer 0–10 bar", "9026 20 40", "DE", "2 Stk.", "117,50 EUR",
             "235,00 EUR"],
        ],
        size=8,
    )  # fmt: skip
    s.pairs(100, y + 6, [("Gesamtwert für Zollzwecke", "480,00 EUR")], gap=55, value_width=40,
            align="R")  # fmt: skip
    s.lines(15, y + 16, ["Gewicht netto 1,8 kg, brutto 2,6 kg · 1 Karton",
                         "Die Ware ist nicht zum Verkauf bestimmt. Keine Zahlung erforderlich."],
            size=8)  # fmt: skip
    s.pdf.line(15, 268, 195, 268)
    s.text(15, 271, "Brenner Messtechnik GmbH · Amtsgericht Freiburg HRB 712345 · "
                    "USt-IdNr.: DE 287 654 321 · Sparkasse Lörrach", size=6.5)  # fmt: skip
    return s.output()


DE_PROFORMA_ZOLL_TRUTH = _truth(
    invoice_number="PF-2026-0031", type_code="325", issue_date="2026-03-05", currency="EUR",
    seller_name="Brenner Messtechnik GmbH", seller_vat_id="DE287654321", seller_country="DE",
    buyer_name="Labor Rhenus AG", buyer_country="CH",
    grand_total="480.00", due_payable="480.00",
    line_items=[
        _line("Temperaturfühler PT100, Edelstahl", "10", "H87", "24.5", "245.00"),
        _line("Druckmessumformer 0–10 bar", "2", "H87", "117.5", "235.00"),
    ],
)  # fmt: skip


# -- Singapore: a credit note with its amounts in brackets, "S$", GST 9 %, "Against Invoice" ----

_SG_ITEMS = [
    ("Copier paper A4 80gsm, box of 5 reams", "10", "BOX", "32.50"),
    ("Toner cartridge TN-2460, black", "4", "PCS", "68.00"),
]


def sg_credit_brackets() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Lion City Office Supplies Pte. Ltd.", size=13, bold=True)
    s.lines(15, 19, ["10 Ubi Crescent, #05-21 Ubi Techpark", "Singapore 408564",
                     "GST Reg. No.: 201912345K"], size=8, step=4)  # fmt: skip
    s.text(145, 12, "CREDIT NOTE", size=15, bold=True)
    s.pairs(125, 24, [("Credit Note No.", "CN-2603-0042"), ("Date", "5 Mar 2026"),
                      ("Against Invoice", "INV-2602-1187"), ("Reason", "Goods returned")],
            gap=30, step=4.5)  # fmt: skip
    s.text(15, 40, "Customer:", size=8, bold=True)
    s.lines(15, 45, ["Marina Bay Dental Clinic Pte Ltd", "8 Marina View #11-03",
                     "Asia Square Tower 1", "Singapore 018960"], size=8.5)  # fmt: skip
    rows = []
    net = Decimal(0)
    for index, (text, qty, unit, price) in enumerate(_SG_ITEMS, 1):
        amount = _round(_d(qty) * _d(price))
        net += amount
        rows.append([str(index), text, f"({qty})", unit, _group(_d(price)),
                     f"({_group(amount)})"])  # fmt: skip
    y = s.grid(
        72,
        [
            ("No.", 15, 8, "L"),
            ("Description", 25, 70, "L"),
            ("Qty", 97, 12, "R"),
            ("UOM", 111, 10, "L"),
            ("Unit Price (S$)", 123, 28, "R"),
            ("Amount (S$)", 155, 40, "R"),
        ],
        rows,
    )  # fmt: skip
    tax = _round(net * Decimal("0.09"))
    s.pairs(120, y + 6, [("Subtotal", f"({_group(net)})"), ("GST 9%", f"({_group(tax)})"),
                         ("Total Credit", f"S$ ({_group(net + tax)})")], gap=35,
            value_width=40, align="R")  # fmt: skip
    s.text(15, y + 26, "The amount will be offset against your next invoice.", size=8)
    return s.output()


_SG_NET = sum((_round(_d(q) * _d(p)) for _, q, _, p in _SG_ITEMS), Decimal(0))
_SG_TAX = _round(_SG_NET * Decimal("0.09"))
SG_CREDIT_BRACKETS_TRUTH = _truth(
    invoice_number="CN-2603-0042", type_code="381", issue_date="2026-03-05", currency="SGD",
    seller_name="Lion City Office Supplies Pte. Ltd.", seller_vat_id="201912345K",
    seller_country="SG", buyer_name="Marina Bay Dental Clinic Pte Ltd", buyer_country="SG",
    tax_exclusive_total=_plain(_SG_NET), tax_total=_plain(_SG_TAX),
    grand_total=_plain(_SG_NET + _SG_TAX), due_payable=_plain(_SG_NET + _SG_TAX),
    line_items=[_line(text, qty, {"BOX": "XBX", "PCS": "H87"}[unit], _price(_d(price)),
                      _plain(_round(_d(qty) * _d(price)))) for text, qty, unit, price in _SG_ITEMS],
)  # fmt: skip


UNSEEN5: list[Layout] = [
    Layout("cn-fob-two-pages", cn_fob_two_pages, CN_FOB_TWO_PAGES_TRUTH),
    Layout("in-gst-cgst-sgst", in_gst_tally, IN_GST_TALLY_TRUTH),
    Layout("mx-cfdi", mx_cfdi, MX_CFDI_TRUTH),
    Layout("pl-faktura", pl_faktura, PL_FAKTURA_TRUTH),
    Layout("jp-registration", jp_registration, JP_REGISTRATION_TRUTH),
    Layout("us-commercial-cif", us_commercial_cif, US_COMMERCIAL_CIF_TRUTH),
    Layout("be-factuur", be_factuur, BE_FACTUUR_TRUTH),
    Layout("de-proforma-zoll", de_proforma_zoll, DE_PROFORMA_ZOLL_TRUTH),
    Layout("sg-credit-brackets", sg_credit_brackets, SG_CREDIT_BRACKETS_TRUTH),
]


def write_unseen5(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, UNSEEN5)
