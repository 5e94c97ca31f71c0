"""An eleventh batch of hand-written invoices, written before the reader's rules were read for it.

Thirteen invoices in layouts the ten earlier batches do not show: a Korean exporter's commercial
invoice on the numbered trade form (``(1) Shipper/Exporter``, ``(2) For account & risk of
Messrs.``, ``(8) No. & date of invoice`` with number and ``2026.04.12`` in one cell, a marks
column, ``USD`` before every amount, a ``TOTAL`` row with the quantity), an Indian intra-state GST
e-invoice (IRN and acknowledgement, ``CGST 9 %`` and ``SGST 9 %`` columns and lines, an HSN
column, ``NOS``, lakh grouping, the amount in words), a Brazilian NFS-e (service invoice:
``Prestador`` / ``Tomador de Serviços``, ``Razão Social:``, the date with its time, ISS in a row
of boxes), a US import commercial invoice for customs from an Italian exporter (Incoterms®, an
HTS column, ``April 12th, 2026``, ``Total in pieces``, ``Packages (Total)``, weights with
decimals, ``Total Declared Value: USD …``), a Kenyan exporter's invoice whose total is printed
only in words, a Swiss exporter's landscape page with eleven columns and apostrophes
(``31'234.50``) and no currency sign on the amounts, a Spanish two-page factura with ``Suma y
sigue`` / ``Suma anterior`` and ``12-abr-2026``, an Italian ``Nota di credito`` printed with
negative quantities and amounts (``-1.244,40``), a Japanese domestic qualified invoice in English
(registration number ``T…``, 10 % and 8 % consumption tax with ``※`` marks, ``2026/04/12``, ``¥``
whole yen), a UK courier's commercial invoice form with ``☐ Proforma ☒ Commercial`` checkboxes,
an EORI number and ``Total Declared Value``, a Lithuanian invoice whose parties are a matrix (row
labels ``Name`` / ``Address`` / ``VAT code`` … against ``SUPPLIER`` and ``CUSTOMER`` columns), an
Indonesian bilingual faktur (``Rp 1.250.000``, ``DPP`` and ``PPN 11 %``, a Roman month in the
invoice number, units ``Lembar`` / ``Batang`` / ``Pcs``: only the last has a code), and a South
African tax invoice with ``R 12 450,00`` and a net ``Total`` printed above the VAT line.

Ground truth conventions (as in the earlier batches): ids as printed without spaces, dots or
hyphens; CNPJ, NPWP and EORI numbers no VAT ids; a country where the page names it, else null;
no tax fields on an invoice that prints no tax; a credit note's amounts positive (type code 381
carries the sign); a pro forma is 325 (the courier form's ticked box says commercial: 380);
``due_payable`` the grand total unless another amount is due; a currency where the page names
one (a code, a word, or a sign used by one currency only: ``¥`` with a Japanese seller, ``R``
with a South African one); the NFS-e's ISS (included in the price) as its tax total and no
tax-exclusive total; line items as printed, their amount the net (the GST columns are not), the
unit null on a table without a unit column.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from fpdf import FPDF

from tests.documents.layouts import FIXED_TIME, Layout, _font_dir, _line, _truth, write_batch
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round


def _sum(items: list[tuple[str, ...]], qty: int, price: int) -> Decimal:
    return sum((_round(_d(i[qty]) * _d(i[price])) for i in items), Decimal(0))


def _amount(item: tuple[str, ...], qty: int, price: int) -> Decimal:
    return _round(_d(item[qty]) * _d(item[price]))


def _space(value: Decimal) -> str:
    """South African style: spaces for thousands, a comma for decimals."""
    return _group(value).replace(",", " ").replace(".", ",")


def _idr(value: Decimal) -> str:
    return _group(value, "de", places=0)


# -- Korea: an exporter's commercial invoice on the numbered trade form ----------------------

_KR_ITEMS = [
    ("Deep groove ball bearing 6205-2RS", "2400", "PCS", "1.85"),
    ("Tapered roller bearing 30206", "1200", "PCS", "4.20"),
    ("Pillow block unit UCP208", "300", "SETS", "11.60"),
]


def kr_trade_form() -> bytes:
    s = Sheet2()
    s.text(15, 10, "COMMERCIAL INVOICE", size=15, bold=True, width=180, align="C")
    boxes = [
        (15, 20, 95, 26, "(1) Shipper/Exporter",
         ["HANSOL PRECISION CO., LTD.", "45, Gongdan-ro 140beon-gil, Seongsan-gu",
          "Changwon-si, Gyeongsangnam-do 51567, Korea"]),
        (110, 20, 85, 13, "(8) No. & date of invoice", ["HP-260412-07      2026.04.12"]),
        (110, 33, 85, 13, "(9) No. & date of L/C", ["M0412604NU00123   2026.03.20"]),
        (15, 46, 95, 26, "(2) For account & risk of Messrs.",
         ["Pacific Rim Machinery Pty Ltd", "14 Kembla Street", "Wollongong NSW 2500, Australia"]),
        (110, 46, 85, 26, "(10) L/C issuing bank", ["Westpac Banking Corporation", "Sydney"]),
        (15, 72, 95, 13, "(3) Notify party", ["SAME AS ABOVE"]),
        (110, 72, 85, 13, "(11) Remarks", ["Terms: CIF SYDNEY, L/C AT SIGHT"]),
        (15, 85, 47, 13, "(4) Port of loading", ["BUSAN, KOREA"]),
        (62, 85, 48, 13, "(5) Final destination", ["SYDNEY, AUSTRALIA"]),
        (110, 85, 85, 13, "(6) Vessel / flight", ["HMM GARNET V.0412E"]),
    ]  # fmt: skip
    for x, y, w, h, label, lines in boxes:
        s.pdf.rect(x, y, w, h)
        s.text(x + 1.5, y + 1.2, label, size=6.5)
        s.lines(x + 2, y + 5.5, lines, size=8.5, step=4)
    y = 103
    cols = [("(12) Marks and numbers of pkgs", 15, 38, "L"),
            ("(13) Description of goods", 54, 62, "L"),
            ("(14) Quantity", 117, 22, "R"), ("(15) Unit price", 140, 24, "R"),
            ("(16) Amount", 165, 30, "R")]  # fmt: skip
    marks = ["PRM", "SYDNEY", "C/NO. 1-12"]
    rows = []
    for index, (text, qty, unit, price) in enumerate(_KR_ITEMS):
        amount = _amount(_KR_ITEMS[index], 1, 3)
        rows.append([marks[index], text, f"{_group(_d(qty), places=0)} {unit}",
                     f"USD {_group(_d(price))}", f"USD {_group(amount)}"])  # fmt: skip
    y = s.grid(y, cols, rows, size=7.5, step=6)
    s.pdf.line(15, y, 195, y)
    total = _sum(_KR_ITEMS, 1, 3)
    s.text(54, y + 2, "TOTAL", size=8.5, bold=True)
    s.text(117, y + 2, "3,900", size=8.5, bold=True, width=22, align="R")
    s.text(165, y + 2, f"USD {_group(total)}", size=8.5, bold=True, width=30, align="R")
    s.text(15, y + 14, "12 CARTONS, N.W. 1,842.00 KGS, G.W. 1,965.50 KGS", size=8)
    s.text(120, y + 34, "Signed by", size=7)
    s.text(120, y + 40, "HANSOL PRECISION CO., LTD.", size=9, bold=True)
    return s.output()


_KR_TOTAL = _sum(_KR_ITEMS, 1, 3)
KR_TRADE_FORM_TRUTH = _truth(
    invoice_number="HP-260412-07", type_code="380", issue_date="2026-04-12", currency="USD",
    seller_name="HANSOL PRECISION CO., LTD.", seller_country="KR",
    buyer_name="Pacific Rim Machinery Pty Ltd", buyer_country="AU",
    grand_total=_plain(_KR_TOTAL), due_payable=_plain(_KR_TOTAL),
    line_items=[_line(t, q, {"PCS": "H87", "SETS": "SET"}[u], _price(_d(p)),
                      _plain(_round(_d(q) * _d(p)))) for t, q, u, p in _KR_ITEMS],
)  # fmt: skip


# -- India: an intra-state GST e-invoice, CGST and SGST columns, HSN, the amount in words --------

_IN_ITEMS = [
    ("Brake pad set, front axle", "8708", "200", "425.00"),
    ("Clutch plate 180 mm", "8708", "120", "780.00"),
    ("Wheel hub bolt M12 x 1.5", "7318", "1500", "18.50"),
]


def in_cgst_sgst() -> bytes:
    s = Sheet2()
    s.text(15, 10, "TAX INVOICE", size=14, bold=True, width=180, align="C")
    s.text(15, 17, "(e-Invoice under Rule 48(4) of CGST Rules)", size=7, width=180, align="C")
    s.lines(15, 24, ["IRN: 3f9a1c7e5b2d4a6f8e0c9b1a2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e",
                     "Ack No.: 112610045678912        Ack Date: 12-04-2026"], size=7,
            step=4)  # fmt: skip
    s.text(15, 36, "Supplier Details", size=8, bold=True)
    s.lines(15, 41, ["Sundaram Auto Components Pvt Ltd",
                     "Plot 17, SIDCO Industrial Estate, Ambattur",
                     "Chennai 600098, Tamil Nadu, India", "GSTIN: 33AABCS1429B1ZX",
                     "State Code: 33"], size=8, step=4)  # fmt: skip
    s.text(110, 36, "Recipient Details", size=8, bold=True)
    s.lines(110, 41, ["Velan Motors Private Limited", "45 Avinashi Road",
                      "Coimbatore 641018, Tamil Nadu, India", "GSTIN: 33AACCV7788K1Z2",
                      "Place of Supply: Tamil Nadu (33)"], size=8, step=4)  # fmt: skip
    s.pairs(15, 65, [("Invoice No.:", "SAC/26-27/0041"), ("Invoice Date:", "12-04-2026")],
            gap=25, step=4.5)  # fmt: skip
    s.pairs(110, 65, [("E-Way Bill No.:", "331012345678"), ("Vehicle No.:", "TN 07 BX 4471")],
            gap=28, step=4.5)  # fmt: skip
    cols = [("Sl", 15, 6, "L"), ("Description of Goods", 22, 46, "L"), ("HSN", 69, 11, "L"),
            ("Qty", 81, 11, "R"), ("UOM", 93, 9, "L"), ("Rate", 103, 14, "R"),
            ("Taxable Value", 118, 22, "R"), ("CGST 9%", 141, 17, "R"),
            ("SGST 9%", 159, 17, "R"), ("Total", 177, 18, "R")]  # fmt: skip
    rows = []
    for index, (text, hsn, qty, rate) in enumerate(_IN_ITEMS, 1):
        net = _round(_d(qty) * _d(rate))
        tax = _round(net * Decimal("0.09"))
        rows.append([str(index), text, hsn, qty, "NOS", _group(_d(rate), "in"),
                     _group(net, "in"), _group(tax, "in"), _group(tax, "in"),
                     _group(net + 2 * tax, "in")])  # fmt: skip
    y = s.grid(80, cols, rows, size=7, step=5.5)
    net = _sum([(q, r) for _, _, q, r in _IN_ITEMS], 0, 1)
    cgst = sum((_round(_round(_d(q) * _d(r)) * Decimal("0.09")) for _, _, q, r in _IN_ITEMS),
               Decimal(0))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.pairs(118, y + 4, [("Total Taxable Value", _group(net, "in")),
                         ("CGST @ 9%", _group(cgst, "in")), ("SGST @ 9%", _group(cgst, "in")),
                         ("Total Invoice Value", _group(net + 2 * cgst, "in"))], gap=40,
            value_width=37, align="R", step=5)  # fmt: skip
    s.text(15, y + 28, "Invoice Value (in words): Rupees Two Lakh Forty Three Thousand Four "
                       "Hundred Ninety Three Only", size=7.5)  # fmt: skip
    s.text(15, y + 34, "Whether tax is payable on reverse charge: No", size=7)
    s.text(130, y + 48, "For Sundaram Auto Components Pvt Ltd", size=7.5)
    s.text(150, y + 60, "Authorised Signatory", size=7)
    return s.output()


_IN_NET = _sum([(q, r) for _, _, q, r in _IN_ITEMS], 0, 1)
_IN_TAX = 2 * sum((_round(_round(_d(q) * _d(r)) * Decimal("0.09")) for _, _, q, r in _IN_ITEMS),
                  Decimal(0))  # fmt: skip
IN_CGST_SGST_TRUTH = _truth(
    invoice_number="SAC/26-27/0041", type_code="380", issue_date="2026-04-12", currency="INR",
    seller_name="Sundaram Auto Components Pvt Ltd", seller_vat_id="33AABCS1429B1ZX",
    seller_country="IN", buyer_name="Velan Motors Private Limited", buyer_country="IN",
    tax_exclusive_total=_plain(_IN_NET), tax_total=_plain(_IN_TAX),
    grand_total=_plain(_IN_NET + _IN_TAX), due_payable=_plain(_IN_NET + _IN_TAX),
    line_items=[_line(t, q, "H87", _price(_d(r)), _plain(_round(_d(q) * _d(r))))
                for t, _, q, r in _IN_ITEMS],
)  # fmt: skip


# -- Brazil: an NFS-e (service invoice), Prestador / Tomador, ISS in a row of boxes -------------

_BR_ITEMS = [
    ("Programação de CLP, linha de envase 3", "40", "185.00"),
    ("Comissionamento em campo", "3", "2450.00"),
    ("Treinamento de operadores", "2", "1200.00"),
]


def br_nfse() -> bytes:
    s = Sheet2()
    s.text(15, 10, "PREFEITURA MUNICIPAL DE CAMPINAS", size=10, bold=True, width=130)
    s.text(15, 16, "Secretaria Municipal de Finanças", size=7.5)
    s.text(15, 22, "NOTA FISCAL DE SERVIÇOS ELETRÔNICA - NFS-e", size=11, bold=True)
    s.boxes(140, 10, [("Número da Nota", "00004817")], width=55, height=10)
    s.boxes(140, 20, [("Data e Hora de Emissão", "12/04/2026 14:32:10")], width=55, height=10)
    s.boxes(140, 30, [("Código de Verificação", "K7QX-29MA")], width=55, height=10)
    s.text(15, 44, "PRESTADOR DE SERVIÇOS", size=8, bold=True, width=180, align="C")
    s.lines(15, 50, ["Razão Social: Tecnova Automação Industrial Ltda",
                     "CNPJ: 12.345.678/0001-90     Inscrição Municipal: 3.104.552-0",
                     "Endereço: Rua Barão de Jaguara, 1481 - Centro - CEP 13015-002",
                     "Município: Campinas     UF: SP"], size=8, step=4.2)  # fmt: skip
    s.text(15, 70, "TOMADOR DE SERVIÇOS", size=8, bold=True, width=180, align="C")
    s.lines(15, 76, ["Razão Social: Metalúrgica Vale do Paraíba S.A.",
                     "CNPJ: 98.765.432/0001-10",
                     "Endereço: Av. Independência, 2500 - Jardim Satélite - CEP 12230-000",
                     "Município: São José dos Campos     UF: SP"], size=8, step=4.2)  # fmt: skip
    s.text(15, 96, "DISCRIMINAÇÃO DOS SERVIÇOS", size=8, bold=True, width=180, align="C")
    rows = []
    for text, qty, price in _BR_ITEMS:
        rows.append([text, qty, _group(_d(price), "de"), _group(_round(_d(qty) * _d(price)), "de")])
    y = s.grid(102, [("Descrição", 15, 100, "L"), ("Qtde", 117, 15, "R"),
                     ("Valor Unit.", 134, 28, "R"), ("Valor Total", 165, 30, "R")], rows,
               size=8)  # fmt: skip
    total = _sum([(q, p) for _, q, p in _BR_ITEMS], 0, 1)
    iss = _round(total * Decimal("0.05"))
    s.text(15, y + 6, f"VALOR TOTAL DA NOTA = R$ {_group(total, 'de')}", size=10, bold=True,
           width=180, align="C")  # fmt: skip
    s.boxes(15, y + 14, [("Valor dos Serviços", f"R$ {_group(total, 'de')}"),
                         ("Deduções", "R$ 0,00"), ("Base de Cálculo", f"R$ {_group(total, 'de')}"),
                         ("Alíquota", "5,00%"), ("Valor do ISS", f"R$ {_group(iss, 'de')}")],
            width=36, height=11, size=8)  # fmt: skip
    s.text(15, y + 32, "OUTRAS INFORMAÇÕES", size=7.5, bold=True)
    s.text(15, y + 37, "Documento emitido por ME ou EPP optante pelo Simples Nacional: Não. "
                       "Competência: 04/2026.", size=7)  # fmt: skip
    return s.output()


_BR_TOTAL = _sum([(q, p) for _, q, p in _BR_ITEMS], 0, 1)
BR_NFSE_TRUTH = _truth(
    invoice_number="00004817", type_code="380", issue_date="2026-04-12", currency="BRL",
    seller_name="Tecnova Automação Industrial Ltda",
    buyer_name="Metalúrgica Vale do Paraíba S.A.",
    tax_total=_plain(_round(_BR_TOTAL * Decimal("0.05"))),
    grand_total=_plain(_BR_TOTAL), due_payable=_plain(_BR_TOTAL),
    line_items=[_line(t, q, None, _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for t, q, p in _BR_ITEMS],
)  # fmt: skip


# -- US import: an Italian exporter's commercial invoice for customs, HTS, pieces and packages --

_US_ITEMS = [
    ("6907.21.9011", "Porcelain floor tile 60x60 cm, matte grey", "1200", "6.35"),
    ("6907.22.9011", "Glazed wall tile 30x90 cm, white", "800", "4.90"),
    ("6907.40.0000", "Mosaic sheet 30x30 cm, marble look", "50", "21.00"),
]


def us_customs_ci() -> bytes:
    s = Sheet2()
    s.text(15, 10, "COMMERCIAL INVOICE", size=15, bold=True)
    s.text(15, 17, "for U.S. Customs entry", size=8)
    s.text(15, 26, "Exporter / Seller", size=7.5, bold=True)
    s.lines(15, 30.5, ["Lombardi Ceramiche S.r.l.", "Via Emilia Est 1120", "41122 Modena (MO)",
                       "Italy"], size=8.5, step=4)  # fmt: skip
    s.text(15, 50, "Importer of Record / Consignee", size=7.5, bold=True)
    s.lines(15, 54.5, ["Tri-State Tile Distributors Inc.", "2200 Route 22 West",
                       "Union, NJ 07083", "USA"], size=8.5, step=4)  # fmt: skip
    s.pairs(110, 26, [("Invoice No.:", "LC-US-2026-118"), ("Invoice Date:", "April 12th, 2026"),
                      ("Incoterms® 2020:", "DAP Union, NJ"), ("Country of Origin:", "Italy"),
                      ("Currency:", "USD"), ("Bill of Lading:", "MSCUGE123456")], gap=32,
            step=5)  # fmt: skip
    rows = []
    for hts, text, qty, price in _US_ITEMS:
        rows.append([hts, text, _group(_d(qty), places=0), "PCS", _group(_d(price)),
                     _group(_round(_d(qty) * _d(price)))])  # fmt: skip
    y = s.grid(80, [("HTS Code", 15, 24, "L"), ("Description", 40, 68, "L"), ("Qty", 109, 15, "R"),
                    ("Unit", 126, 10, "L"), ("Unit Value", 138, 24, "R"),
                    ("Total Value", 165, 30, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    total = _sum([(q, p) for _, _, q, p in _US_ITEMS], 0, 1)
    s.pairs(15, y + 5, [("Total in pieces:", "2,050"), ("Packages (Total):", "14"),
                        ("Total Net Weight:", "9,420.00 kg"),
                        ("Total Gross Weight:", "9,860.00 kg")], gap=36, step=5)  # fmt: skip
    s.text(110, y + 5, f"Total Declared Value: USD {_group(total)}", size=10, bold=True)
    s.text(15, y + 30, "I hereby certify that this invoice shows the actual price of the goods "
                       "described, that all particulars are true and correct.", size=7)  # fmt: skip
    s.text(15, y + 36, "Marco Lombardi, Export Manager", size=8)
    return s.output()


_US_TOTAL = _sum([(q, p) for _, _, q, p in _US_ITEMS], 0, 1)
US_CUSTOMS_CI_TRUTH = _truth(
    invoice_number="LC-US-2026-118", type_code="380", issue_date="2026-04-12", currency="USD",
    seller_name="Lombardi Ceramiche S.r.l.", seller_country="IT",
    buyer_name="Tri-State Tile Distributors Inc.", buyer_country="US",
    grand_total=_plain(_US_TOTAL), due_payable=_plain(_US_TOTAL),
    line_items=[_line(t, q, "H87", _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for _, t, q, p in _US_ITEMS],
)  # fmt: skip


# -- Kenya: an exporter's invoice whose total is printed only in words ---------------------------

_KE_ITEMS = [
    ("Sisal twine 2-ply, 5 kg spool", "600", "9.75"),
    ("Sisal rope 12 mm, 220 m coil", "45", "55.00"),
]


def ke_total_in_words() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "MOMBASA SISAL PRODUCTS LTD", size=14, bold=True)
    s.lines(15, 20, ["P.O. Box 90210-80100, Moi Avenue", "Mombasa, Kenya",
                     "Tel: +254 41 222 0412"], size=8, step=4)  # fmt: skip
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 24, [("Invoice No:", "MSP/INV/0412"), ("Date:", "12 APR 2026")], gap=22,
            step=5)  # fmt: skip
    s.text(15, 42, "Customer:", size=8.5, bold=True)
    s.lines(15, 47, ["Dar Rope Traders Ltd", "Nyerere Road, Plot 14", "Dar es Salaam, Tanzania"],
            size=8.5, step=4.2)  # fmt: skip
    rows = []
    for text, qty, price in _KE_ITEMS:
        rows.append([text, qty, _group(_d(price)), _group(_round(_d(qty) * _d(price)))])
    y = s.grid(70, [("Item", 15, 90, "L"), ("Qty", 106, 16, "R"), ("Rate (USD)", 124, 30, "R"),
                    ("Amount (USD)", 158, 37, "R")], rows, size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.text(15, y + 5, "Amount in words: US Dollars Eight Thousand Three Hundred Twenty-Five Only",
           size=8.5, bold=True)  # fmt: skip
    s.text(15, y + 14, "Payment by telegraphic transfer to KCB Bank Kenya, Mombasa branch, "
                       "within 30 days.", size=7.5)  # fmt: skip
    s.text(15, y + 19, "Goods of Kenyan origin. E. & O.E.", size=7.5)
    return s.output()


_KE_TOTAL = _sum([(q, p) for _, q, p in _KE_ITEMS], 0, 1)
KE_TOTAL_IN_WORDS_TRUTH = _truth(
    invoice_number="MSP/INV/0412", type_code="380", issue_date="2026-04-12", currency="USD",
    seller_name="MOMBASA SISAL PRODUCTS LTD", seller_country="KE",
    buyer_name="Dar Rope Traders Ltd", buyer_country="TZ",
    grand_total=_plain(_KE_TOTAL), due_payable=_plain(_KE_TOTAL),
    line_items=[_line(t, q, None, _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for t, q, p in _KE_ITEMS],
)  # fmt: skip


# -- Switzerland: an exporter's landscape page, eleven columns, apostrophes, no currency sign ----

_CH_ITEMS = [
    ("UG-4471", "Balance wheel assembly, Glucydur", "9114.90", "CH", "1500", "PCS", "8.40"),
    ("UG-5102", "Mainspring, Nivaflex, 1.10 mm", "9114.10", "CH", "2000", "PCS", "3.95"),
    ("UG-6630", "Escapement set, pallet fork and wheel", "9114.90", "CH", "450", "SET", "24.70"),
    ("UG-7015", "Crown, steel, 6.0 mm, screw-down", "9114.90", "DE", "800", "PCS", "4.65"),
]


class Landscape(Sheet2):
    """A :class:`Sheet2` on an A4 landscape page (297 x 210 mm)."""

    def __init__(self) -> None:
        self.pdf = FPDF(orientation="L", format="A4", unit="mm")
        self.pdf.set_creation_date(FIXED_TIME)
        self.pdf.set_auto_page_break(auto=False)
        folder = _font_dir()
        self.pdf.add_font("DejaVu", "", str(folder / "DejaVuSans.ttf"))
        self.pdf.add_font("DejaVu", "B", str(folder / "DejaVuSans-Bold.ttf"))
        self.pdf.add_page()
        self.family = "DejaVu"


def ch_landscape() -> bytes:
    s = Landscape()
    s.text(15, 12, "Uhrteile Grenchen AG", size=15, bold=True)
    s.lines(15, 20, ["Bettlachstrasse 8, 2540 Grenchen, Switzerland",
                     "VAT: CHE-112.845.307 MWST"], size=8, step=4)  # fmt: skip
    s.text(120, 12, "EXPORT INVOICE", size=15, bold=True)
    s.pairs(120, 22, [("Invoice No.", "EX-26-0412"), ("Date", "12.04.2026"),
                      ("Amounts in", "CHF")], gap=28, step=5)  # fmt: skip
    s.text(205, 12, "Consignee", size=8, bold=True)
    s.lines(205, 17, ["Hong Kong Timepieces Ltd", "18/F, 88 Queen's Road Central",
                      "Central, Hong Kong"], size=8.5, step=4.2)  # fmt: skip
    cols = [("Pos", 15, 8, "L"), ("Article No.", 24, 20, "L"), ("Description", 45, 70, "L"),
            ("Tariff No.", 117, 20, "L"), ("Origin", 139, 12, "L"), ("Qty", 152, 16, "R"),
            ("Unit", 170, 10, "L"), ("Unit Price", 182, 22, "R"),
            ("Net Wt kg", 206, 18, "R"), ("Gross Wt kg", 226, 20, "R"),
            ("Amount", 248, 34, "R")]  # fmt: skip
    rows = []
    for index, (art, text, tariff, origin, qty, unit, price) in enumerate(_CH_ITEMS, 1):
        amount = _round(_d(qty) * _d(price))
        net_wt = _d(qty) * Decimal("0.004")
        rows.append([str(index), art, text, tariff, origin, _group(_d(qty), "ch", 0), unit,
                     _group(_d(price), "ch"), f"{net_wt:.3f}", f"{net_wt * Decimal('1.3'):.3f}",
                     _group(amount, "ch")])  # fmt: skip
    y = s.grid(45, cols, rows, size=8)
    s.pdf.line(15, y, 282, y)
    net = _sum([(i[4], i[6]) for i in _CH_ITEMS], 0, 1)
    s.pairs(200, y + 5, [("Subtotal", _group(net, "ch")), ("VAT 0.0% (export)", "0.00"),
                         ("Total CHF", _group(net, "ch"))], gap=44, value_width=38,
            align="R")  # fmt: skip
    s.lines(15, y + 5, ["Delivery terms: FCA Zürich Airport (Incoterms® 2020)",
                        "Payment: 30 days net, UBS Switzerland AG, IBAN CH44 0027 3273 1234 5678 9",
                        "The exporter of the products covered by this document declares that, "
                        "except where otherwise clearly indicated,",
                        "these products are of Swiss preferential origin."], size=7.5,
            step=4)  # fmt: skip
    return s.output()


_CH_NET = _sum([(i[4], i[6]) for i in _CH_ITEMS], 0, 1)
CH_LANDSCAPE_TRUTH = _truth(
    invoice_number="EX-26-0412", type_code="380", issue_date="2026-04-12", currency="CHF",
    seller_name="Uhrteile Grenchen AG", seller_vat_id="CHE112845307MWST", seller_country="CH",
    buyer_name="Hong Kong Timepieces Ltd", buyer_country="HK",
    tax_exclusive_total=_plain(_CH_NET), tax_total="0.00", grand_total=_plain(_CH_NET),
    due_payable=_plain(_CH_NET),
    line_items=[_line(t, q, {"PCS": "H87", "SET": "SET"}[u], _price(_d(p)),
                      _plain(_round(_d(q) * _d(p)))) for _, t, _, _, q, u, p in _CH_ITEMS],
)  # fmt: skip


# -- Spain: a factura over two pages, "Suma y sigue" / "Suma anterior", "12-abr-2026" -----------

_ES_ITEMS = [
    ("Cable H07V-K 2,5 mm² (rollo 100 m)", "12", "48.90"),
    ("Cable RZ1-K 3G6 mm² (rollo 50 m)", "4", "212.00"),
    ("Interruptor magnetotérmico 2P 25A", "30", "11.35"),
    ("Diferencial 2P 40A 30mA", "10", "38.60"),
    ("Caja de registro 100x100 IP55", "60", "2.15"),
    ("Tubo corrugado 20 mm (rollo 100 m)", "15", "17.80"),
    ("Base enchufe schuko empotrable", "80", "3.40"),
    ("Luminaria LED estanca 36W", "24", "19.95"),
    ("Regleta de conexión 12 polos", "50", "1.10"),
    ("Cuadro de distribución 24 módulos", "6", "54.00"),
    ("Bridas nylon 300 mm (bolsa 100)", "20", "3.25"),
]
_ES_PAGE1 = 8


def es_suma_y_sigue() -> bytes:
    s = Sheet2()
    total = Decimal(0)

    def header(page: int) -> None:
        s.text(15, 12, "Suministros Eléctricos Levante S.L.", size=13, bold=True)
        s.lines(15, 19, ["C/ Colón 14, 46004 Valencia, España", "NIF-IVA: ESB46123456"], size=8,
                step=4)  # fmt: skip
        s.text(140, 12, "FACTURA", size=15, bold=True)
        s.pairs(140, 21, [("Nº Factura:", "2026/A/0412"), ("Fecha:", "12-abr-2026"),
                          ("Página:", f"{page} de 2")], gap=24, step=4.5)  # fmt: skip

    cols = [("Descripción", 15, 95, "L"), ("Uds.", 112, 14, "R"), ("Precio", 128, 25, "R"),
            ("Importe", 158, 37, "R")]  # fmt: skip

    def row(item: tuple[str, str, str]) -> list[str]:
        text, qty, price = item
        return [text, qty, _group(_d(price), "de"), _group(_round(_d(qty) * _d(price)), "de")]

    header(1)
    s.text(15, 38, "Cliente:", size=8.5, bold=True)
    s.lines(15, 43, ["Instalaciones Ribera S.L.U.", "Av. de la Ribera 57",
                     "46600 Alzira (Valencia)",
                     "NIF: B98765432"], size=8.5, step=4.2)  # fmt: skip
    first = _ES_ITEMS[:_ES_PAGE1]
    y = s.grid(75, cols, [row(i) for i in first], size=8.5, step=7)
    carried = _sum([(q, p) for _, q, p in first], 0, 1)
    s.pdf.line(15, y + 1, 195, y + 1)
    s.text(112, y + 3, "Suma y sigue", size=8.5, bold=True)
    s.text(158, y + 3, _group(carried, "de"), size=8.5, bold=True, width=37, align="R")
    s.pdf.add_page()
    header(2)
    s.text(112, 40, "Suma anterior", size=8.5, bold=True)
    s.text(158, 40, _group(carried, "de"), size=8.5, bold=True, width=37, align="R")
    y = s.grid(48, cols, [row(i) for i in _ES_ITEMS[_ES_PAGE1:]], size=8.5, step=7)
    total = _sum([(q, p) for _, q, p in _ES_ITEMS], 0, 1)
    tax = _round(total * Decimal("0.21"))
    s.pdf.line(112, y + 2, 195, y + 2)
    s.pairs(112, y + 5, [("Base imponible", _group(total, "de")),
                         ("IVA 21 %", _group(tax, "de")),
                         ("TOTAL FACTURA (EUR)", _group(total + tax, "de"))], gap=46,
            value_width=37, align="R")  # fmt: skip
    s.text(15, y + 30, "Forma de pago: transferencia a 30 días. ES12 2100 0813 6101 2345 6789",
           size=7.5)  # fmt: skip
    return s.output()


_ES_NET = _sum([(q, p) for _, q, p in _ES_ITEMS], 0, 1)
_ES_TAX = _round(_ES_NET * Decimal("0.21"))
ES_SUMA_Y_SIGUE_TRUTH = _truth(
    invoice_number="2026/A/0412", type_code="380", issue_date="2026-04-12", currency="EUR",
    seller_name="Suministros Eléctricos Levante S.L.", seller_vat_id="ESB46123456",
    seller_country="ES", buyer_name="Instalaciones Ribera S.L.U.",
    tax_exclusive_total=_plain(_ES_NET), tax_total=_plain(_ES_TAX),
    grand_total=_plain(_ES_NET + _ES_TAX), due_payable=_plain(_ES_NET + _ES_TAX),
    line_items=[_line(t, q, None, _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for t, q, p in _ES_ITEMS],
)  # fmt: skip


# -- Italy: a nota di credito printed with negative quantities and amounts ---------------------

_IT_ITEMS = [
    ("Piatto piano decorato Raffaellesco, 27 cm", "6", "49.00"),
    ("Zuppiera con coperchio, decoro Ricco Deruta", "2", "185.00"),
    ("Set 6 tazzine caffè, decoro Arabesco", "5", "82.00"),
]


def it_nota_credito() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Ceramiche Artistiche Deruta S.r.l.", size=13, bold=True)
    s.lines(15, 19, ["Via Tiberina 55 - 06053 Deruta (PG) - Italia",
                     "P.IVA IT02345678901 - REA PG-198765"], size=8, step=4)  # fmt: skip
    s.text(15, 36, "NOTA DI CREDITO N. NC/2026/018 del 12/04/2026", size=11, bold=True)
    s.text(15, 42, "Rif. fattura n. 2026/0877 del 20/03/2026 - reso merce difettosa", size=8)
    s.text(120, 52, "Spett.le", size=8)
    s.lines(120, 56.5, ["Bottega del Corso S.n.c.", "Corso Vannucci 40", "06121 Perugia (PG)",
                        "P.IVA 03456789012"], size=9, step=4.3)  # fmt: skip
    rows = []
    for text, qty, price in _IT_ITEMS:
        rows.append([text, f"-{qty}", _group(_d(price), "de"),
                     _group(-_round(_d(qty) * _d(price)), "de"), "22"])  # fmt: skip
    y = s.grid(82, [("Descrizione", 15, 92, "L"), ("Q.tà", 108, 14, "R"),
                    ("Prezzo unit.", 124, 24, "R"), ("Importo", 150, 28, "R"),
                    ("IVA %", 180, 15, "R")], rows, size=8.5)  # fmt: skip
    net = _sum([(q, p) for _, q, p in _IT_ITEMS], 0, 1)
    tax = _round(net * Decimal("0.22"))
    s.pdf.line(110, y + 2, 195, y + 2)
    s.pairs(110, y + 5, [("Imponibile", _group(-net, "de")), ("IVA 22%", _group(-tax, "de")),
                         ("Totale documento", _group(-(net + tax), "de"))], gap=40,
            value_width=28, align="R")  # fmt: skip
    s.text(15, y + 28, "Importo da compensare con le prossime forniture.", size=8)
    return s.output()


_IT_NET = _sum([(q, p) for _, q, p in _IT_ITEMS], 0, 1)
_IT_TAX = _round(_IT_NET * Decimal("0.22"))
IT_NOTA_CREDITO_TRUTH = _truth(
    invoice_number="NC/2026/018", type_code="381", issue_date="2026-04-12", currency=None,
    seller_name="Ceramiche Artistiche Deruta S.r.l.", seller_vat_id="IT02345678901",
    seller_country="IT", buyer_name="Bottega del Corso S.n.c.",
    tax_exclusive_total=_plain(_IT_NET), tax_total=_plain(_IT_TAX),
    grand_total=_plain(_IT_NET + _IT_TAX), due_payable=_plain(_IT_NET + _IT_TAX),
    line_items=[_line(t, q, None, _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for t, q, p in _IT_ITEMS],
)  # fmt: skip


# -- Japan: a domestic qualified invoice in English, 10 % and 8 % consumption tax, ※ marks ------

_JP_ITEMS = [
    ("04/02", "Rice, Koshihikari 10 kg ※", "5", "6800", True),
    ("04/02", "Soy sauce, 18 L can ※", "4", "7200", True),
    ("04/05", "Kitchen towels, case of 60 rolls", "3", "5400", False),
    ("04/09", "Dashi kombu, 1 kg ※", "6", "3650", True),
    ("04/09", "Detergent, commercial 18 kg", "2", "9300", False),
]


def jp_qualified_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 12, "INVOICE", size=18, bold=True, width=180, align="C")
    s.text(15, 26, "To: Kamome Restaurant Group Inc.", size=11, bold=True)
    s.lines(15, 32, ["3-8-14 Namba, Chuo-ku, Osaka 542-0076, Japan"], size=8)
    s.pairs(15, 42, [("Issue date:", "2026/04/12"), ("Invoice No.:", "SF-2604-0193"),
                     ("Payment due:", "2026/05/31")], gap=25, step=5)  # fmt: skip
    s.text(125, 26, "Sakura Foods Trading Co., Ltd.", size=10, bold=True)
    s.lines(125, 32, ["2-5-1 Nihonbashi, Chuo-ku", "Tokyo 103-0027, Japan",
                      "Registration No.: T4010001234567"], size=8, step=4.2)  # fmt: skip
    rows = []
    for date, text, qty, price, _ in _JP_ITEMS:
        rows.append([date, text, qty, f"¥{_group(_d(price), places=0)}",
                     f"¥{_group(_d(qty) * _d(price), places=0)}"])  # fmt: skip
    y = s.grid(64, [("Date", 15, 14, "L"), ("Description", 30, 90, "L"), ("Qty", 122, 12, "R"),
                    ("Unit price", 136, 26, "R"), ("Amount", 165, 30, "R")], rows,
               size=8.5)  # fmt: skip
    reduced = sum((_d(q) * _d(p) for _, _, q, p, r in _JP_ITEMS if r), Decimal(0))
    standard = sum((_d(q) * _d(p) for _, _, q, p, r in _JP_ITEMS if not r), Decimal(0))
    tax10, tax8 = (standard * Decimal("0.10")).quantize(1), (reduced * Decimal("0.08")).quantize(1)

    def yen(value: Decimal) -> str:
        return f"¥{_group(value, places=0)}"

    s.pdf.line(100, y + 2, 195, y + 2)
    s.pairs(100, y + 5, [("Subtotal (10% items)", yen(standard)),
                         ("Consumption tax (10%)", yen(tax10)),
                         ("Subtotal (8% items ※)", yen(reduced)),
                         ("Consumption tax (8%)", yen(tax8)),
                         ("Total (tax included)", yen(standard + reduced + tax10 + tax8))],
            gap=55, value_width=40, align="R")  # fmt: skip
    s.text(15, y + 36, "※ Reduced tax rate item (8%).", size=7.5)
    s.text(15, y + 41, "Bank: MUFG Bank, Nihonbashi branch, ordinary 1234567", size=7.5)
    return s.output()


_JP_RED = sum((_d(q) * _d(p) for _, _, q, p, r in _JP_ITEMS if r), Decimal(0))
_JP_STD = sum((_d(q) * _d(p) for _, _, q, p, r in _JP_ITEMS if not r), Decimal(0))
_JP_TAX = (_JP_STD * Decimal("0.10")).quantize(1) + (_JP_RED * Decimal("0.08")).quantize(1)
JP_QUALIFIED_INVOICE_TRUTH = _truth(
    invoice_number="SF-2604-0193", type_code="380", issue_date="2026-04-12", currency="JPY",
    seller_name="Sakura Foods Trading Co., Ltd.", seller_vat_id="T4010001234567",
    seller_country="JP", buyer_name="Kamome Restaurant Group Inc.", buyer_country="JP",
    tax_exclusive_total=_plain(_JP_RED + _JP_STD), tax_total=_plain(_JP_TAX),
    grand_total=_plain(_JP_RED + _JP_STD + _JP_TAX),
    due_payable=_plain(_JP_RED + _JP_STD + _JP_TAX),
    line_items=[_line(t, q, None, p, _plain(_d(q) * _d(p))) for _, t, q, p, _ in _JP_ITEMS],
)  # fmt: skip


# -- UK: a courier's commercial invoice form, Proforma / Commercial checkboxes, EORI -----------

_UK_ITEMS = [
    ("4", "PCS", "Lambswool scarf, tartan, 180 x 30 cm", "6117.10", "GB", "45.00"),
    ("6", "PCS", "Harris Tweed flat cap", "6505.00", "GB", "62.50"),
    ("3", "PCS", "Cashmere blanket, 130 x 180 cm", "6301.20", "GB", "385.00"),
]


def uk_courier_ci() -> bytes:
    s = Sheet2()
    s.text(15, 10, "COMMERCIAL / PROFORMA INVOICE", size=13, bold=True)
    s.text(140, 11, "☐ Proforma   ☒ Commercial", size=9)
    s.boxes(15, 20, [("Invoice number", "TT-CI-0412"), ("Invoice date", "12/04/2026"),
                     ("Air waybill no.", "1234567890"), ("Reason for export", "Sale")],
            width=45, height=11, size=8.5)  # fmt: skip
    for x, label, lines in (
        (15, "SENDER / EXPORTER", ["Thistle & Tweed Ltd", "14 Comely Bank Road",
                                   "Edinburgh EH4 1AL", "United Kingdom",
                                   "EORI: GB123456789000"]),
        (105, "RECEIVER / IMPORTER", ["Maple Loom Boutique", "455 King Street West",
                                      "Toronto ON M5V 1K4", "Canada", "Tel. +1 416 555 0199"]),
    ):  # fmt: skip
        s.pdf.rect(x, 35, 90, 28)
        s.text(x + 1.5, 36.2, label, size=7, bold=True)
        s.lines(x + 2, 41, lines, size=8.5, step=4.2)
    rows = []
    for qty, unit, text, code, origin, price in _UK_ITEMS:
        rows.append([qty, unit, text, code, origin, _group(_d(price)),
                     _group(_round(_d(qty) * _d(price)))])  # fmt: skip
    y = s.grid(70, [("No. of units", 15, 16, "R"), ("UoM", 33, 10, "L"),
                    ("Full description of goods", 44, 62, "L"), ("Commodity code", 107, 22, "L"),
                    ("Origin", 130, 12, "L"), ("Unit value", 143, 22, "R"),
                    ("Subtotal value", 167, 28, "R")], rows, size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    total = _sum([(q, p) for q, _, _, _, _, p in _UK_ITEMS], 0, 1)
    s.pairs(15, y + 5, [("Total number of packages:", "2"), ("Total net weight:", "6.4 kg"),
                        ("Total gross weight:", "7.9 kg"), ("Currency code:", "GBP"),
                        ("Terms of trade:", "DAP")], gap=42, step=5)  # fmt: skip
    s.pairs(120, y + 5, [("Total goods value:", _group(total)), ("Freight & insurance:", "0.00"),
                         ("Total Declared Value:", _group(total))], gap=45, value_width=30,
            align="R", step=5)  # fmt: skip
    s.text(15, y + 36, "I declare that the information on this invoice is true and correct.",
           size=7.5)  # fmt: skip
    s.text(15, y + 42, "Signature: Fiona MacLeod        Position: Director", size=7.5)
    return s.output()


_UK_TOTAL = _sum([(q, p) for q, _, _, _, _, p in _UK_ITEMS], 0, 1)
UK_COURIER_CI_TRUTH = _truth(
    invoice_number="TT-CI-0412", type_code="380", issue_date="2026-04-12", currency="GBP",
    seller_name="Thistle & Tweed Ltd", seller_country="GB",
    buyer_name="Maple Loom Boutique", buyer_country="CA",
    grand_total=_plain(_UK_TOTAL), due_payable=_plain(_UK_TOTAL),
    line_items=[_line(t, q, "H87", _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for q, _, t, _, _, p in _UK_ITEMS],
)  # fmt: skip


# -- Lithuania: the parties as a matrix, row labels against SUPPLIER and CUSTOMER columns --------

_LT_ITEMS = [
    ("Oak dining table, 180 x 90 cm", "pcs", "12", "385.00"),
    ("Oak chair, upholstered seat", "pcs", "48", "72.50"),
    ("Sideboard, 3 doors, oiled oak", "pcs", "6", "410.00"),
]


def lt_party_matrix() -> bytes:
    s = Sheet2()
    s.text(15, 12, "VAT INVOICE", size=16, bold=True)
    s.pairs(120, 12, [("Invoice No.:", "BB-004512"), ("Date of issue:", "2026-04-12"),
                      ("Due date:", "2026-05-12")], gap=28, step=5)  # fmt: skip
    y = 34
    s.text(45, y, "SUPPLIER", size=8.5, bold=True)
    s.text(120, y, "CUSTOMER", size=8.5, bold=True)
    s.pdf.line(15, y + 5, 195, y + 5)
    matrix = [
        ("Name", "UAB Baltijos Baldai", "Nordic Interior Oy"),
        ("Address", "Savanorių pr. 178, LT-03154 Vilnius", "Mannerheimintie 12, 00100 Helsinki"),
        ("Country", "Lithuania", "Finland"),
        ("Company code", "302345678", "2345678-9"),
        ("VAT code", "LT100004567812", "FI23456789"),
    ]  # fmt: skip
    for index, (label, supplier, customer) in enumerate(matrix):
        row_y = y + 7 + index * 5.5
        s.text(15, row_y, label, size=8, bold=True)
        s.text(45, row_y, supplier, size=8.5)
        s.text(120, row_y, customer, size=8.5)
    rows = []
    for index, (text, unit, qty, price) in enumerate(_LT_ITEMS, 1):
        rows.append([str(index), text, unit, qty, _group(_d(price)),
                     _group(_round(_d(qty) * _d(price)))])  # fmt: skip
    y = s.grid(74, [("No.", 15, 8, "L"), ("Product", 24, 82, "L"), ("Unit", 108, 12, "L"),
                    ("Qty", 122, 14, "R"), ("Price, EUR", 138, 24, "R"),
                    ("Amount, EUR", 165, 30, "R")], rows, size=8.5)  # fmt: skip
    net = _sum([(q, p) for _, _, q, p in _LT_ITEMS], 0, 1)
    s.pdf.line(110, y + 2, 195, y + 2)
    s.pairs(110, y + 5, [("Total without VAT", _group(net)), ("VAT 0 %", "0.00"),
                         ("Total to pay", _group(net))], gap=45, value_width=40,
            align="R")  # fmt: skip
    s.text(15, y + 24, "Intra-Community supply of goods, VAT 0 % under Article 138 of "
                       "Directive 2006/112/EC (reverse charge).", size=7.5)  # fmt: skip
    s.text(15, y + 29, "Sum in words: ten thousand five hundred sixty euro 00 ct", size=7.5)
    return s.output()


_LT_NET = _sum([(q, p) for _, _, q, p in _LT_ITEMS], 0, 1)
LT_PARTY_MATRIX_TRUTH = _truth(
    invoice_number="BB-004512", type_code="380", issue_date="2026-04-12", currency="EUR",
    seller_name="UAB Baltijos Baldai", seller_vat_id="LT100004567812", seller_country="LT",
    buyer_name="Nordic Interior Oy", buyer_country="FI",
    tax_exclusive_total=_plain(_LT_NET), tax_total="0.00", grand_total=_plain(_LT_NET),
    due_payable=_plain(_LT_NET),
    line_items=[_line(t, q, "H87", _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for t, _, q, p in _LT_ITEMS],
)  # fmt: skip


# -- Indonesia: a bilingual faktur, Rp with dots, DPP and PPN 11 %, a Roman month in the number --

_ID_ITEMS = [
    ("Plat baja SS400 6 mm / Steel plate", "40", "Lembar", "1250000"),
    ("Besi siku 50x50x5 / Angle bar", "120", "Batang", "185000"),
    ("Baut mur M16 / Bolt and nut M16", "800", "Pcs", "4500"),
]


def id_faktur() -> bytes:
    s = Sheet2()
    s.text(15, 12, "PT Sinar Baja Nusantara", size=14, bold=True)
    s.lines(15, 20, ["Jl. Rungkut Industri III No. 45, Surabaya 60293, Indonesia",
                     "NPWP: 01.234.567.8-615.000"], size=8, step=4)  # fmt: skip
    s.text(140, 12, "FAKTUR / INVOICE", size=13, bold=True)
    s.pairs(112, 22, [("No. Faktur / Invoice No.:", "0412/INV/SBY/IV/2026"),
                      ("Tanggal / Date:", "12 April 2026")], gap=44, step=5)  # fmt: skip
    s.text(15, 38, "Kepada / Bill to:", size=8.5, bold=True)
    s.lines(15, 43, ["CV Maju Bersama Teknik", "Jl. Ahmad Yani No. 88", "Semarang 50241"],
            size=8.5, step=4.2)  # fmt: skip
    rows = []
    for index, (text, qty, unit, price) in enumerate(_ID_ITEMS, 1):
        rows.append([str(index), text, qty, unit, _idr(_d(price)), _idr(_d(qty) * _d(price))])
    y = s.grid(66, [("No", 15, 7, "L"), ("Nama Barang / Description", 23, 66, "L"),
                    ("Qty", 90, 12, "R"), ("Satuan / Unit", 105, 20, "L"),
                    ("Harga Satuan (Rp)", 128, 32, "R"), ("Jumlah (Rp)", 162, 33, "R")],
               rows, size=8)  # fmt: skip
    net = sum((_d(q) * _d(p) for _, q, _, p in _ID_ITEMS), Decimal(0))
    tax = (net * Decimal("0.11")).quantize(1)
    s.pdf.line(105, y + 2, 195, y + 2)
    s.pairs(105, y + 5, [("Dasar Pengenaan Pajak (DPP)", f"Rp {_idr(net)}"),
                         ("PPN 11%", f"Rp {_idr(tax)}"),
                         ("Jumlah Tagihan / Total", f"Rp {_idr(net + tax)}")], gap=50,
            value_width=40, align="R")  # fmt: skip
    s.text(15, y + 26, "Pembayaran / Payment: Bank Mandiri 142-00-1234567-8 a.n. PT Sinar Baja "
                       "Nusantara", size=7.5)  # fmt: skip
    return s.output()


_ID_NET = sum((_d(q) * _d(p) for _, q, _, p in _ID_ITEMS), Decimal(0))
_ID_TAX = (_ID_NET * Decimal("0.11")).quantize(1)
ID_FAKTUR_TRUTH = _truth(
    invoice_number="0412/INV/SBY/IV/2026", type_code="380", issue_date="2026-04-12",
    currency="IDR", seller_name="PT Sinar Baja Nusantara", seller_country="ID",
    buyer_name="CV Maju Bersama Teknik",
    tax_exclusive_total=_plain(_ID_NET), tax_total=_plain(_ID_TAX),
    grand_total=_plain(_ID_NET + _ID_TAX), due_payable=_plain(_ID_NET + _ID_TAX),
    line_items=[_line(t, q, "H87" if u == "Pcs" else None, p, _plain(_d(q) * _d(p)))
                for t, q, u, p in _ID_ITEMS],
)  # fmt: skip


# -- South Africa: R with spaces and a decimal comma, a net "Total" above the VAT line ---------

_ZA_ITEMS = [
    ("2", "Dome tent, 4-person, aluminium poles", "2450.00"),
    ("6", "Sleeping bag, -5 °C, mummy", "899.00"),
    ("10", "Camping chair, folding", "360.60"),
]


def za_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Karoo Outdoor Gear (Pty) Ltd", size=14, bold=True)
    s.lines(15, 20, ["21 Bree Street, Cape Town, 8001", "South Africa",
                     "VAT Reg No: 4123456789   Reg No: 2014/123456/07"], size=8,
            step=4)  # fmt: skip
    s.text(150, 12, "TAX INVOICE", size=14, bold=True)
    s.pairs(140, 22, [("Number", "KOG-INV-10412"), ("Date", "2026/04/12"), ("Account", "HCS001")],
            gap=20, step=5)  # fmt: skip
    s.text(15, 42, "Invoice to:", size=8.5, bold=True)
    s.lines(15, 47, ["Highveld Camping Supplies CC", "88 Church Street", "Pretoria, 0002"],
            size=8.5, step=4.2)  # fmt: skip
    rows = []
    for qty, text, price in _ZA_ITEMS:
        rows.append([qty, text, f"R {_space(_d(price))}",
                     f"R {_space(_round(_d(qty) * _d(price)))}"])  # fmt: skip
    y = s.grid(70, [("Qty", 15, 10, "R"), ("Description", 30, 90, "L"),
                    ("Unit Price", 122, 30, "R"), ("Amount", 158, 37, "R")], rows,
               size=8.5)  # fmt: skip
    net = _sum([(q, p) for q, _, p in _ZA_ITEMS], 0, 1)
    tax = _round(net * Decimal("0.15"))
    s.pdf.line(120, y + 2, 195, y + 2)
    s.pairs(120, y + 5, [("Total", f"R {_space(net)}"), ("VAT @ 15%", f"R {_space(tax)}"),
                         ("Amount Due", f"R {_space(net + tax)}")], gap=38, value_width=37,
            align="R")  # fmt: skip
    s.text(15, y + 26, "Banking details: FNB, Branch 250655, Account 62812345678", size=7.5)
    return s.output()


_ZA_NET = _sum([(q, p) for q, _, p in _ZA_ITEMS], 0, 1)
_ZA_TAX = _round(_ZA_NET * Decimal("0.15"))
ZA_TAX_INVOICE_TRUTH = _truth(
    invoice_number="KOG-INV-10412", type_code="380", issue_date="2026-04-12", currency="ZAR",
    seller_name="Karoo Outdoor Gear (Pty) Ltd", seller_vat_id="4123456789", seller_country="ZA",
    buyer_name="Highveld Camping Supplies CC",
    tax_exclusive_total=_plain(_ZA_NET), tax_total=_plain(_ZA_TAX),
    grand_total=_plain(_ZA_NET + _ZA_TAX), due_payable=_plain(_ZA_NET + _ZA_TAX),
    line_items=[_line(t, q, None, _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for q, t, p in _ZA_ITEMS],
)  # fmt: skip


UNSEEN7: list[Layout] = [
    Layout("kr-trade-form", kr_trade_form, KR_TRADE_FORM_TRUTH),
    Layout("in-cgst-sgst", in_cgst_sgst, IN_CGST_SGST_TRUTH),
    Layout("br-nfse", br_nfse, BR_NFSE_TRUTH),
    Layout("us-customs-ci", us_customs_ci, US_CUSTOMS_CI_TRUTH),
    Layout("ke-total-in-words", ke_total_in_words, KE_TOTAL_IN_WORDS_TRUTH),
    Layout("ch-landscape", ch_landscape, CH_LANDSCAPE_TRUTH),
    Layout("es-suma-y-sigue", es_suma_y_sigue, ES_SUMA_Y_SIGUE_TRUTH),
    Layout("it-nota-credito", it_nota_credito, IT_NOTA_CREDITO_TRUTH),
    Layout("jp-qualified-invoice", jp_qualified_invoice, JP_QUALIFIED_INVOICE_TRUTH),
    Layout("uk-courier-ci", uk_courier_ci, UK_COURIER_CI_TRUTH),
    Layout("lt-party-matrix", lt_party_matrix, LT_PARTY_MATRIX_TRUTH),
    Layout("id-faktur", id_faktur, ID_FAKTUR_TRUTH),
    Layout("za-tax-invoice", za_tax_invoice, ZA_TAX_INVOICE_TRUTH),
]


def write_unseen7(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, UNSEEN7)
