"""A fifteenth batch of hand-written invoices (issue #13), written before the reader's code
(src/clearlane/documents/layout.py) was read for it: fourteen layouts unlike the earlier ones.

A Spanish factura with the two parties in side-by-side boxes and the invoice data in a row of
boxes (intra-Community, IVA 0 %); a Brazilian bilingual pro forma (``Fatura Pro Forma /
Proforma Invoice``, m², FOB Santos); a Polish ``Faktura korygująca`` (a credit note: negative
amounts, ``Do zwrotu``, the corrected invoice's number beside it); a Turkish e-Fatura with its
GİB totals (``Mal Hizmet Toplam Tutarı``, ``Hesaplanan KDV``, ``Vergiler Dahil Toplam Tutar``,
``Ödenecek Tutar``); an Indian inter-state GST tax invoice (IGST, ``Taxable Value``, lakh
grouping, the total in words); a Moroccan facture (``DH``, ``Total HT``/``TTC``, ``Arrêtée la
présente facture à la somme de``); a US commercial invoice with an Incoterms block, HTS and
origin columns, freight and insurance; an Austrian Rechnung over two pages (``Übertrag``, totals
on page 2); a Portuguese fatura whose seller is only in a box at the bottom (``FT 2026A/1542``,
ATCUD); a Canadian credit memo (amounts in parentheses, ``Original Invoice #``, GST/HST and QST
numbers); a Colombian ``Factura electrónica de venta`` (``$ 12.000.000,00``, NIT, CUFE); a
Philippine BIR sales invoice (VAT-inclusive lines, ``VATable Sales``, ``Less: VAT``, ``TOTAL
AMOUNT DUE``, ₱); a Kazakh ``Счет на оплату`` in Russian (the number and date in the title,
``В том числе НДС``); a Jordanian Arabic-English tax invoice in JOD with three decimals.

Ground truth as in the earlier batches: invoice numbers as printed; tax ids without spaces or
punctuation; a country only where the page names it; a tax-exclusive total only where one is
printed (none where freight follows the subtotal); a credit note's amounts positive; the grand
total the invoice's total, ``due_payable`` the amount due (the total where no other is printed);
units as UN/ECE codes where the unit is a known one (pcs/szt./Adet/Stk/EA H87, kg KGM, m MTR,
m² MTK), else null.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round

Item = tuple[str, str, str]  # description, quantity, unit price


def _amounts(items: list[Item]) -> list[Decimal]:
    return [_round(_d(q) * _d(p)) for _, q, p in items]


def _sum(items: list[Item]) -> Decimal:
    return sum(_amounts(items), Decimal(0))


def _lines(items: list[Item], unit: str | None) -> list[dict]:
    return [_line(t, q, unit, _price(_d(p)), _plain(a))
            for (t, q, p), a in zip(items, _amounts(items), strict=True)]  # fmt: skip


def _sp(value: Decimal, places: int = 2) -> str:
    """1 234,56: a space between thousands, a decimal comma."""
    return _group(value, "de", places).replace(".", " ")


def _block(s: Sheet2, x: float, y: float, lines: list[str], *, size: float = 8.5,
           step: float = 4, bold_first: bool = False) -> None:  # fmt: skip
    for index, line in enumerate(lines):
        s.text(x, y + step * index, line, size=size, bold=bold_first and index == 0)


def _totals(s: Sheet2, x: float, vx: float, y: float, rows: list[tuple[str, str]], *,
            width: float = 34, step: float = 5.5, size: float = 9) -> float:  # fmt: skip
    for index, (label, value) in enumerate(rows):
        s.text(x, y + step * index, label, size=size, bold=True)
        s.text(vx, y + step * index, value, size=size, width=width, align="R")
    return y + step * len(rows)


# -- Spain: the parties in two boxes side by side, the invoice data in a row of boxes, IVA 0 % --

_ES_ITEMS: list[Item] = [("Chapa acero inoxidable AISI 304, 2 mm", "120", "18.50"),
                         ("Tubo acero inoxidable 40x40x2, barra 6 m", "85", "31.20")]  # fmt: skip
_ES_NET = _sum(_ES_ITEMS)  # 4,872.00


def es_two_boxes() -> bytes:
    s = Sheet2()
    s.text(15, 12, "FACTURA", size=18, bold=True)
    s.boxes(15, 24, [("Nº factura", "F26-0153"), ("Fecha factura", "17/03/2026"),
                     ("Forma de pago", "Transferencia"), ("Vencimiento", "16/04/2026")],
            width=45)  # fmt: skip
    for x, head, lines in [
        (15, "DATOS DEL EMISOR", ["Talleres Metálicos Ebro, S.L.", "Polígono Malpica, calle E 21",
                                  "50016 Zaragoza (España)", "CIF: B-50123456"]),
        (105, "DATOS DEL CLIENTE", ["Metalúrgica do Douro, Lda.", "Rua do Freixo 1020",
                                    "4300-219 Porto (Portugal)", "NIF: PT 503 456 789"]),
    ]:  # fmt: skip
        s.pdf.rect(x, 42, 88, 28)
        s.text(x + 2, 43.5, head, size=7, bold=True)
        _block(s, x + 2, 49, lines, size=8.5, step=4.5, bold_first=True)
    rows = [[t, _group(_d(q), "de", 0), _group(_d(p), "de"), _group(a, "de")]
            for (t, q, p), a in zip(_ES_ITEMS, _amounts(_ES_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(82, [("Concepto", 15, 90, "L"), ("Cantidad", 107, 20, "R"),
                    ("Precio (€)", 129, 28, "R"), ("Importe (€)", 161, 34, "R")], rows,
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 4, [("Base imponible", f"{_group(_ES_NET, 'de')} €"),
                                     ("IVA 0 %", "0,00 €"),
                                     ("TOTAL FACTURA", f"{_group(_ES_NET, 'de')} €")])  # fmt: skip
    s.text(15, y + 6, "Operación exenta de IVA: entrega intracomunitaria de bienes (art. 25 Ley "
                      "37/1992).", size=7.5)  # fmt: skip
    s.text(15, y + 11, "IBAN: ES91 2100 0418 4502 0005 1332 · Ibercaja Banco", size=7.5)
    return s.output()


ES_TWO_BOXES_TRUTH = _truth(
    invoice_number="F26-0153", type_code="380", issue_date="2026-03-17", currency="EUR",
    seller_name="Talleres Metálicos Ebro, S.L.", seller_vat_id="B50123456", seller_country="ES",
    buyer_name="Metalúrgica do Douro, Lda.", buyer_country="PT",
    tax_exclusive_total=_plain(_ES_NET), tax_total="0.00", grand_total=_plain(_ES_NET),
    due_payable=_plain(_ES_NET), line_items=_lines(_ES_ITEMS, None),
)  # fmt: skip


# -- Brazil: a bilingual pro forma, m², FOB Santos, payment terms with percentages ------------

_BR_ITEMS: list[Item] = [("Porcelanato polido 60x60 / Polished porcelain tile 60x60", "1800",
                          "7.40"),
                         ("Porcelanato acetinado 60x120 / Satin porcelain tile 60x120", "900",
                          "11.20")]  # fmt: skip
_BR_TOTAL = _sum(_BR_ITEMS)  # 23,400.00


def br_proforma() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Cerâmica Vale do Sol Ltda.", size=14, bold=True)
    _block(s, 15, 20, ["Rodovia SP-191, km 12 - Rio Claro - SP", "13505-600 Brasil",
                       "export@valedosol.com.br"], size=8)  # fmt: skip
    s.text(100, 12, "FATURA PRO FORMA / PROFORMA INVOICE", size=10, bold=True)
    s.pairs(112, 22, [("Nº / No.:", "PF-0892/26"), ("Data / Date:", "22/04/2026"),
                      ("Validade / Valid until:", "22/05/2026")], gap=42)  # fmt: skip
    s.text(15, 44, "Importador / Importer:", size=8.5, bold=True)
    _block(s, 15, 49, ["Gulf Coast Tile Distributors LLC", "4500 Westheimer Rd, Suite 210",
                       "Houston, TX 77027, USA"])  # fmt: skip
    s.text(112, 44, "Condições / Terms:", size=8.5, bold=True)
    _block(s, 112, 49, ["Incoterm: FOB Santos", "Pagamento / Payment: 30% advance,",
                        "70% against copy of B/L", "Embarque / Shipment: 45 days"])  # fmt: skip
    rows = [[t, _group(_d(q), places=0), "m²", _group(_d(p)), _group(a)]
            for (t, q, p), a in zip(_BR_ITEMS, _amounts(_BR_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(74, [("Descrição / Description", 15, 92, "L"), ("Qtd / Qty", 108, 18, "R"),
                    ("Un.", 128, 10, "L"), ("Preço / Price USD", 139, 26, "R"),
                    ("Total USD", 167, 28, "R")], rows, size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 4, [("Total FOB Santos USD", _group(_BR_TOTAL))])
    s.text(15, y + 8, "Origem / Origin: Brasil. NCM 6907.21.00. Peso bruto / Gross weight "
                      "61,200 kg.", size=7.5)  # fmt: skip
    return s.output()


BR_PROFORMA_TRUTH = _truth(
    invoice_number="PF-0892/26", type_code="325", issue_date="2026-04-22", currency="USD",
    seller_name="Cerâmica Vale do Sol Ltda.", seller_country="BR",
    buyer_name="Gulf Coast Tile Distributors LLC", buyer_country="US",
    grand_total=_plain(_BR_TOTAL), due_payable=_plain(_BR_TOTAL),
    line_items=_lines(_BR_ITEMS, "MTK"),
)  # fmt: skip


# -- Poland: a "Faktura korygująca", negative amounts, "Do zwrotu", the corrected invoice ------

_PL_ITEMS: list[Item] = [("Papier ksero A4 80 g", "50", "14.20"),
                         ("Segregator A4 75 mm", "30", "8.90")]  # fmt: skip
_PL_NET = _sum(_PL_ITEMS)  # 977.00
_PL_VAT = _round(_PL_NET * Decimal("0.23"))


def pl_korekta() -> bytes:
    s = Sheet2()
    s.text(15, 12, "FAKTURA KORYGUJĄCA nr FK/0012/05/2026", size=13, bold=True)
    s.text(15, 19, "do faktury nr FV/0441/04/2026 z dnia 2026-04-20", size=8.5)
    s.pairs(118, 22, [("Data wystawienia:", "2026-05-14"), ("Miejsce wystawienia:", "Kraków")],
            gap=40)  # fmt: skip
    s.text(15, 36, "Sprzedawca", size=8.5, bold=True)
    _block(s, 15, 41, ["Małopolskie Hurtownie Papieru Sp. z o.o.", "ul. Wielicka 250",
                       "30-663 Kraków, Polska", "NIP: 679-308-12-45"])  # fmt: skip
    s.text(110, 36, "Nabywca", size=8.5, bold=True)
    _block(s, 110, 41, ["Biuro Serwis Nowak Sp.j.", "ul. Długa 14", "31-147 Kraków",
                        "NIP: 676-221-34-56"])  # fmt: skip
    s.text(15, 60, "Przyczyna korekty: zwrot towaru (reklamacja z dnia 2026-05-08)", size=8.5)
    rows = [
        [str(i), t, f"-{q}", u, _sp(_d(p)), _sp(-a), "23%"]
        for i, ((t, q, p), a, u) in enumerate(
            zip(_PL_ITEMS, _amounts(_PL_ITEMS), ["ryza", "szt."], strict=True), 1
        )
    ]
    y = s.grid(68, [("Lp.", 15, 8, "L"), ("Nazwa towaru", 24, 66, "L"), ("Ilość", 92, 14, "R"),
                    ("J.m.", 108, 10, "L"), ("Cena netto", 120, 22, "R"),
                    ("Wartość netto", 144, 28, "R"), ("VAT", 175, 20, "R")], rows,
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 4, [("Razem netto", f"{_sp(-_PL_NET)} zł"),
                                     ("VAT 23%", f"{_sp(-_PL_VAT)} zł"),
                                     ("Razem brutto", f"{_sp(-_PL_NET - _PL_VAT)} zł"),
                                     ("Do zwrotu", f"{_sp(_PL_NET + _PL_VAT)} zł")])  # fmt: skip
    s.text(15, y + 6, "Słownie: jeden tysiąc dwieście jeden zł 71/100", size=8)
    return s.output()


PL_KOREKTA_TRUTH = _truth(
    invoice_number="FK/0012/05/2026", type_code="381", issue_date="2026-05-14", currency="PLN",
    seller_name="Małopolskie Hurtownie Papieru Sp. z o.o.", seller_vat_id="6793081245",
    seller_country="PL", buyer_name="Biuro Serwis Nowak Sp.j.",
    tax_exclusive_total=_plain(_PL_NET), tax_total=_plain(_PL_VAT),
    grand_total=_plain(_PL_NET + _PL_VAT), due_payable=_plain(_PL_NET + _PL_VAT),
    line_items=[_line(t, q, u, _price(_d(p)), _plain(a))
                for (t, q, p), a, u in zip(_PL_ITEMS, _amounts(_PL_ITEMS), [None, "H87"],
                                           strict=True)],
)  # fmt: skip


# -- Turkey: an e-Fatura with the GİB totals block, quantities with "Adet", the sum in words --

_TR_ITEMS: list[Item] = [("Oluklu mukavva koli 40x30x30", "5000", "2.35"),
                         ("Streç film 50 cm x 300 m", "400", "17.50")]  # fmt: skip
_TR_NET = _sum(_TR_ITEMS)  # 18,750.00
_TR_VAT = _round(_TR_NET * Decimal("0.20"))


def tr_efatura() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Marmara Ambalaj Sanayi A.Ş.", size=12, bold=True)
    _block(s, 15, 19, ["Gebze OSB 2. Cadde No: 14", "41400 Gebze / Kocaeli, Türkiye",
                       "Tel: 0262 751 22 33", "Vergi Dairesi: Gebze", "VKN: 6120345678"],
           size=8)  # fmt: skip
    s.text(95, 12, "e-FATURA", size=14, bold=True)
    s.pdf.rect(125, 20, 70, 32)
    s.pairs(127, 22, [("Özelleştirme No:", "TR1.2"), ("Senaryo:", "TEMELFATURA"),
                      ("Fatura Tipi:", "SATIŞ"), ("Fatura No:", "MAR2026000000214"),
                      ("Fatura Tarihi:", "05-05-2026"), ("Sipariş No:", "AG-7781")], gap=30,
            step=5)  # fmt: skip
    s.text(15, 46, "SAYIN", size=8.5, bold=True)
    _block(s, 15, 51, ["Anadolu Gıda Pazarlama Ltd. Şti.", "Ostim OSB 1203. Sokak No: 5",
                       "06374 Yenimahalle / Ankara, Türkiye", "Vergi Dairesi: Ostim",
                       "VKN: 0712345678"])  # fmt: skip
    s.text(15, 75, "ETTN: 6f1c2a9e-3b4d-4e8a-9c17-2d5e8f0a1b34", size=7.5)
    rows = [[str(i), t, f"{_group(_d(q), 'de', 0)} Adet", f"{_group(_d(p), 'de')} TL", "%20",
             f"{_group(a * Decimal('0.2'), 'de')} TL", f"{_group(a, 'de')} TL"]
            for i, ((t, q, p), a) in enumerate(zip(_TR_ITEMS, _amounts(_TR_ITEMS), strict=True),
                                               1)]  # fmt: skip
    y = s.grid(84, [("Sıra No", 15, 12, "L"), ("Mal Hizmet", 28, 56, "L"),
                    ("Miktar", 86, 20, "R"), ("Birim Fiyat", 108, 20, "R"),
                    ("KDV Oranı", 130, 14, "R"), ("KDV Tutarı", 146, 22, "R"),
                    ("Mal Hizmet Tutarı", 170, 25, "R")], rows, size=7)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 161, y + 4, [
        ("Mal Hizmet Toplam Tutarı", f"{_group(_TR_NET, 'de')} TL"),
        ("Hesaplanan KDV(%20)", f"{_group(_TR_VAT, 'de')} TL"),
        ("Vergiler Dahil Toplam Tutar", f"{_group(_TR_NET + _TR_VAT, 'de')} TL"),
        ("Ödenecek Tutar", f"{_group(_TR_NET + _TR_VAT, 'de')} TL")], size=8.5)  # fmt: skip
    s.text(15, y + 6, "Yalnız: Yirmi İki Bin Beş Yüz Türk Lirası Sıfır Kuruş", size=8)
    return s.output()


TR_EFATURA_TRUTH = _truth(
    invoice_number="MAR2026000000214", type_code="380", issue_date="2026-05-05", currency="TRY",
    seller_name="Marmara Ambalaj Sanayi A.Ş.", seller_vat_id="6120345678", seller_country="TR",
    buyer_name="Anadolu Gıda Pazarlama Ltd. Şti.", buyer_country="TR",
    tax_exclusive_total=_plain(_TR_NET), tax_total=_plain(_TR_VAT),
    grand_total=_plain(_TR_NET + _TR_VAT), due_payable=_plain(_TR_NET + _TR_VAT),
    line_items=_lines(_TR_ITEMS, "H87"),
)  # fmt: skip


# -- India: an inter-state GST tax invoice, IGST, supplier / receiver / consignee, lakhs ------

_IN_ITEMS: list[Item] = [("Cotton grey fabric 60s, 58 inch", "4500", "62.00"),
                         ("Cotton poplin, dyed, 58 inch", "2000", "95.50")]  # fmt: skip
_IN_NET = _sum(_IN_ITEMS)  # 4,70,000.00
_IN_TAX = _round(_IN_NET * Decimal("0.05"))


def in_igst() -> bytes:
    s = Sheet2()
    s.text(15, 10, "TAX INVOICE", size=14, bold=True, width=180, align="C")
    s.text(15, 17, "(Original for Recipient)", size=7.5, width=180, align="C")
    s.pdf.rect(15, 24, 90, 30)
    s.text(17, 25.5, "Supplier", size=7, bold=True)
    _block(s, 17, 30, ["Sharma Cotton Mills Pvt. Ltd.", "Plot 44, MIDC Ichalkaranji",
                       "Kolhapur, Maharashtra 416115, India", "GSTIN: 27AACCS5521K1ZA",
                       "State: Maharashtra, Code: 27"], size=8, bold_first=True)  # fmt: skip
    s.pdf.rect(105, 24, 90, 30)
    s.pairs(107, 27, [("Invoice No.", "SCM/25-26/1187"), ("Invoice Date", "28-Mar-2026"),
                      ("Place of Supply", "Tamil Nadu (33)"), ("Reverse Charge", "No"),
                      ("Transport", "By road, LR 55812")], gap=30, step=5)  # fmt: skip
    for x, head in [(15, "Details of Receiver (Billed to)"),
                    (105, "Details of Consignee (Shipped to)")]:  # fmt: skip
        s.pdf.rect(x, 54, 90, 26)
        s.text(x + 2, 55.5, head, size=7, bold=True)
        _block(s, x + 2, 60, ["Kovai Garments Exports", "Avinashi Road, Peelamedu",
                              "Coimbatore, Tamil Nadu 641004, India", "GSTIN: 33AAHFK2210L1Z4"],
               size=8, bold_first=True)  # fmt: skip
    rows = [[str(i), t, "5208", _group(_d(q), "in", 0), "Mtr", _group(_d(p), "in"),
             _group(a, "in")]
            for i, ((t, q, p), a) in enumerate(zip(_IN_ITEMS, _amounts(_IN_ITEMS), strict=True),
                                               1)]  # fmt: skip
    y = s.grid(86, [("S.No", 15, 10, "L"), ("Description of Goods", 26, 64, "L"),
                    ("HSN", 92, 14, "L"), ("Qty", 108, 16, "R"), ("Unit", 126, 10, "L"),
                    ("Rate", 138, 22, "R"), ("Taxable Value", 162, 33, "R")], rows,
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(
        s,
        110,
        161,
        y + 4,
        [
            ("Total Taxable Value", _group(_IN_NET, "in")),
            ("IGST @ 5%", _group(_IN_TAX, "in")),
            ("Round Off", "0.00"),
            ("Total Invoice Value", _group(_IN_NET + _IN_TAX, "in")),
        ],
    )
    s.text(15, y + 5, "Total Invoice Value (in words): Rupees Four Lakh Ninety-Three Thousand "
                      "Five Hundred Only", size=8)  # fmt: skip
    s.text(130, y + 25, "For Sharma Cotton Mills Pvt. Ltd.", size=8, bold=True)
    s.text(140, y + 40, "Authorised Signatory", size=7.5)
    return s.output()


IN_IGST_TRUTH = _truth(
    invoice_number="SCM/25-26/1187", type_code="380", issue_date="2026-03-28", currency="INR",
    seller_name="Sharma Cotton Mills Pvt. Ltd.", seller_vat_id="27AACCS5521K1ZA",
    seller_country="IN", buyer_name="Kovai Garments Exports", buyer_country="IN",
    tax_exclusive_total=_plain(_IN_NET), tax_total=_plain(_IN_TAX),
    grand_total=_plain(_IN_NET + _IN_TAX), due_payable=_plain(_IN_NET + _IN_TAX),
    line_items=_lines(_IN_ITEMS, "MTR"),
)  # fmt: skip


# -- Morocco: a facture in dirhams, "Total HT" / "TVA 20 %" / "Total TTC", the sum in words ----

_MA_ITEMS: list[Item] = [("Tapis berbère tissé main 200x300", "6", "2400.00"),
                         ("Pouf en cuir brodé", "40", "100.00")]  # fmt: skip
_MA_NET = _sum(_MA_ITEMS)  # 18,400.00
_MA_TAX = _round(_MA_NET * Decimal("0.20"))


def ma_facture() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "Atlas Textiles SARL", size=15, bold=True)
    _block(s, 15, 20, ["Zone Industrielle Sidi Bernoussi, Lot 112", "20600 Casablanca, Maroc",
                       "ICE : 001234567000089", "Identifiant fiscal (IF) : 40123456"],
           size=8)  # fmt: skip
    s.text(120, 12, "FACTURE N° FA-2026/0318", size=11, bold=True)
    s.text(120, 19, "Casablanca, le 09/04/2026", size=9)
    s.text(120, 34, "Client :", size=9, bold=True)
    _block(s, 120, 39, ["Riad Décor SARL", "45, avenue Mohammed V", "40000 Marrakech, Maroc"],
           size=9, step=4.5)  # fmt: skip
    rows = [[t, q, _sp(_d(p)), _sp(a)]
            for (t, q, p), a in zip(_MA_ITEMS, _amounts(_MA_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(66, [("Désignation", 15, 90, "L"), ("Qté", 107, 16, "R"),
                    ("P.U. HT", 125, 30, "R"), ("Montant HT", 161, 34, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 4, [("Total HT", f"{_sp(_MA_NET)} DH"),
                                     ("TVA 20 %", f"{_sp(_MA_TAX)} DH"),
                                     ("Total TTC", f"{_sp(_MA_NET + _MA_TAX)} DH")])  # fmt: skip
    s.text(15, y + 6, "Arrêtée la présente facture à la somme de : vingt-deux mille quatre-vingts "
                      "dirhams TTC.", size=8)  # fmt: skip
    s.text(15, y + 12, "Règlement par virement : Attijariwafa Bank, RIB 007 780 0001234567890123 "
                       "45", size=7.5)  # fmt: skip
    return s.output()


MA_FACTURE_TRUTH = _truth(
    invoice_number="FA-2026/0318", type_code="380", issue_date="2026-04-09", currency="MAD",
    seller_name="Atlas Textiles SARL", seller_vat_id="40123456", seller_country="MA",
    buyer_name="Riad Décor SARL", buyer_country="MA",
    tax_exclusive_total=_plain(_MA_NET), tax_total=_plain(_MA_TAX),
    grand_total=_plain(_MA_NET + _MA_TAX), due_payable=_plain(_MA_NET + _MA_TAX),
    line_items=_lines(_MA_ITEMS, None),
)  # fmt: skip


# -- USA: a commercial invoice with an Incoterms block, HTS and origin columns, freight --------

_US_ROWS = [
    ("VB-200-SS", "Ball valve 2 in., stainless, 1000 WOG", "8481.80.1030", "US", "120", "142.50"),
    ("CF-075", "Compression fitting 3/4 in., brass", "7412.20.0000", "MX", "900", "6.40"),
    ("GK-2", "Gasket kit, PTFE, 2 in.", "3926.90.9910", "US", "300", "18.10"),
]
_US_SUB = sum((_round(_d(q) * _d(p)) for *_, q, p in _US_ROWS), Decimal(0))  # 28,290.00
_US_FREIGHT, _US_INS = Decimal("1850.00"), Decimal("210.00")
_US_TOTAL = _US_SUB + _US_FREIGHT + _US_INS


def us_incoterms() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "COMMERCIAL INVOICE", size=15, bold=True, width=180, align="C")
    s.text(15, 20, "Exporter / Shipper", size=7.5, bold=True)
    _block(s, 15, 25, ["Cascade Valve & Fitting Corp.", "2100 Industrial Way",
                       "Tacoma, WA 98421, USA", "EIN 91-1234567"], size=8.5)  # fmt: skip
    s.pairs(112, 20, [("Invoice No.:", "CVF-EX-26-0419"), ("Invoice Date:", "April 19, 2026"),
                      ("Customer PO:", "4500123987"), ("AES ITN:", "X20260419123456")],
            gap=28)  # fmt: skip
    s.text(15, 46, "Sold To", size=7.5, bold=True)
    _block(s, 15, 51, ["Hanseatic Process Equipment GmbH", "Am Sandtorkai 40",
                       "20457 Hamburg, Germany", "VAT DE 812 554 301"])  # fmt: skip
    s.text(112, 46, "Ship To", size=7.5, bold=True)
    _block(s, 112, 51, ["Hanseatic Process Equipment GmbH", "c/o Wilhelmsburg Logistik",
                        "Reiherstieg 8, 21107 Hamburg, Germany"])  # fmt: skip
    s.pdf.rect(15, 70, 180, 15)
    s.text(17, 71.5, "Terms of Sale (Incoterms® 2020): DAP Hamburg", size=8, bold=True)
    s.text(17, 76, "Currency: USD    Mode of transport: Ocean    Port of export: Seattle, WA",
           size=8)  # fmt: skip
    s.text(17, 80.5, "Payment terms: Net 45 days    Reason for export: Sale", size=8)
    rows = [[str(i), part, text, hts, origin, _group(_d(q), places=0), "EA", _group(_d(p)),
             _group(_round(_d(q) * _d(p)))]
            for i, (part, text, hts, origin, q, p) in enumerate(_US_ROWS, 1)]  # fmt: skip
    y = s.grid(92, [("Line", 15, 8, "L"), ("Part No.", 24, 20, "L"),
                    ("Description", 45, 56, "L"), ("HTS", 102, 22, "L"),
                    ("Origin", 125, 10, "L"), ("Qty", 136, 12, "R"), ("UOM", 150, 9, "L"),
                    ("Unit Value", 157, 16, "R"), ("Extended Value", 175, 20, "R")], rows,
               size=7)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 120, 161, y + 4, [("Subtotal", _group(_US_SUB)),
                                     ("Freight", _group(_US_FREIGHT)),
                                     ("Insurance", _group(_US_INS)),
                                     ("Total Invoice Value USD", _group(_US_TOTAL))])  # fmt: skip
    s.text(15, y + 6, "These commodities, technology, or software were exported from the United "
                      "States in accordance with the EAR. Diversion contrary to U.S. law is "
                      "prohibited.", size=6.5)  # fmt: skip
    s.text(15, y + 18, "I declare that all information contained in this invoice to be true and "
                       "correct.", size=7.5)  # fmt: skip
    return s.output()


US_INCOTERMS_TRUTH = _truth(
    invoice_number="CVF-EX-26-0419", type_code="380", issue_date="2026-04-19", currency="USD",
    seller_name="Cascade Valve & Fitting Corp.", seller_country="US",
    buyer_name="Hanseatic Process Equipment GmbH", buyer_country="DE",
    grand_total=_plain(_US_TOTAL), due_payable=_plain(_US_TOTAL),
    line_items=[_line(text, q, "H87", _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for _, text, _, _, q, p in _US_ROWS],
)  # fmt: skip


# -- Austria: a Rechnung over two pages, "Übertrag" at the foot of page 1 and the head of 2 ----

_AT_KINDS = [
    ("Konstruktionsvollholz Fichte 60x120 mm", "m", "7.80"),
    ("Brettschichtholz GL24h 100x200 mm", "m", "24.60"),
    ("Holzbauschraube 8x240 mm, Pkg. 50", "Stk", "38.90"),
    ("Winkelverbinder 90 mm verzinkt", "Stk", "2.45"),
]
_AT_ITEMS = [
    (f"{text}, Pos. {n}", str(12 + (n * 7) % 40), unit, price)
    for n in range(1, 37)
    for text, unit, price in [_AT_KINDS[n % 4]]
]
_AT_NET = sum((_round(_d(q) * _d(p)) for _, q, _, p in _AT_ITEMS), Decimal(0))
_AT_TAX = _round(_AT_NET * Decimal("0.20"))


def at_two_pages() -> bytes:
    s = Sheet2()
    cols = [
        ("Pos.", 15, 9, "L"),
        ("Bezeichnung", 25, 88, "L"),
        ("Menge", 115, 14, "R"),
        ("Einh.", 131, 10, "L"),
        ("EP €", 143, 20, "R"),
        ("GP €", 165, 30, "R"),
    ]
    rows = [[str(n), t, q, u, _group(_d(p), "de"), _group(_round(_d(q) * _d(p)), "de")]
            for n, (t, q, u, p) in enumerate(_AT_ITEMS, 1)]  # fmt: skip
    s.text(15, 12, "Tiroler Holzbau Handels GmbH", size=14, bold=True)
    _block(s, 15, 20, ["Grabenweg 68", "6020 Innsbruck, Österreich", "UID: ATU 6123 4567"],
           size=8)  # fmt: skip
    s.text(15, 40, "Bauunternehmung Gruber KG", size=9)
    _block(s, 15, 45, ["Industriezeile 47", "4020 Linz"], size=9)
    s.text(130, 36, "RECHNUNG", size=15, bold=True)
    s.pairs(130, 45, [("Rechnung Nr.", "2026-00731"), ("Rechnungsdatum", "7. Mai 2026"),
                      ("Kundennr.", "10442")], gap=34)  # fmt: skip
    first = 30
    y = s.grid(70, cols, rows[:first], size=8)
    carried = sum((_round(_d(q) * _d(p)) for _, q, _, p in _AT_ITEMS[:first]), Decimal(0))
    s.text(120, y + 2, "Übertrag", size=8.5, bold=True)
    s.text(165, y + 2, _group(carried, "de"), size=8.5, width=30, align="R")
    s.text(15, 285, "Seite 1 von 2", size=7)
    s.pdf.add_page()
    s.text(15, 12, "Tiroler Holzbau Handels GmbH · Rechnung 2026-00731 · Seite 2 von 2", size=8)
    s.text(120, 22, "Übertrag", size=8.5, bold=True)
    s.text(165, 22, _group(carried, "de"), size=8.5, width=30, align="R")
    y = s.grid(30, cols, rows[first:], size=8)
    s.pdf.line(15, y, 195, y)
    y = _totals(
        s,
        120,
        161,
        y + 4,
        [
            ("Summe netto", _group(_AT_NET, "de")),
            ("USt 20 %", _group(_AT_TAX, "de")),
            ("Rechnungsbetrag EUR", _group(_AT_NET + _AT_TAX, "de")),
        ],
    )
    s.text(15, y + 6, "Zahlbar bis 6. Juni 2026 ohne Abzug. Raiffeisen Landesbank Tirol, "
                      "IBAN AT61 3600 0000 0123 4567", size=7.5)  # fmt: skip
    return s.output()


AT_TWO_PAGES_TRUTH = _truth(
    invoice_number="2026-00731", type_code="380", issue_date="2026-05-07", currency="EUR",
    seller_name="Tiroler Holzbau Handels GmbH", seller_vat_id="ATU61234567", seller_country="AT",
    buyer_name="Bauunternehmung Gruber KG",
    tax_exclusive_total=_plain(_AT_NET), tax_total=_plain(_AT_TAX),
    grand_total=_plain(_AT_NET + _AT_TAX), due_payable=_plain(_AT_NET + _AT_TAX),
    line_items=[_line(t, q, {"m": "MTR", "Stk": "H87"}[u], _price(_d(p)),
                      _plain(_round(_d(q) * _d(p)))) for t, q, u, p in _AT_ITEMS],
)  # fmt: skip


# -- Portugal: a fatura whose seller is only in a box at the bottom, "FT 2026A/1542", ATCUD ----

_PT_ITEMS: list[Item] = [("Rolhas de cortiça natural 45x24 mm (milheiro)", "12", "210.00"),
                         ("Rolhas técnicas 38x23 mm (milheiro)", "20", "48.00")]  # fmt: skip
_PT_NET = _sum(_PT_ITEMS)  # 3,480.00
_PT_TAX = _round(_PT_NET * Decimal("0.23"))


def pt_seller_bottom() -> bytes:
    s = Sheet2()
    s.text(15, 12, "CORTIÇA & CIA", size=20, bold=True)
    s.text(15, 30, "FATURA", size=14, bold=True)
    s.pairs(15, 38, [("Documento", "FT 2026A/1542"), ("Data", "2026-05-11"),
                     ("Vencimento", "2026-06-10"), ("ATCUD", "JJ3KL7M2-1542")],
            gap=25)  # fmt: skip
    s.text(115, 30, "Exmo(s). Senhor(es)", size=8.5)
    _block(s, 115, 36, ["Vinhos do Alentejo, Lda.", "Rua da Mouraria 12", "7000-585 Évora",
                        "Portugal", "NIF: 509876543"], size=9, step=4.5)  # fmt: skip
    rows = [[t, q, _group(_d(p), "de"), "23%", _group(a, "de")]
            for (t, q, p), a in zip(_PT_ITEMS, _amounts(_PT_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(70, [("Descrição", 15, 92, "L"), ("Qtd.", 109, 14, "R"),
                    ("Preço Unit.", 125, 24, "R"), ("IVA", 151, 10, "R"),
                    ("Valor", 163, 32, "R")], rows, size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        110,
        161,
        y + 4,
        [
            ("Total Ilíquido", f"{_group(_PT_NET, 'de')} €"),
            ("Total IVA (23%)", f"{_group(_PT_TAX, 'de')} €"),
            ("Total a Pagar", f"{_group(_PT_NET + _PT_TAX, 'de')} €"),
        ],
    )
    s.pdf.rect(15, 246, 180, 28)
    s.text(17, 247.5, "Emitente", size=7, bold=True)
    _block(s, 17, 252, ["Cortiça & Companhia, S.A.",
                        "Zona Industrial, Rua 5 n.º 40, 4535-000 Santa Maria de Lamas, Portugal",
                        "NIPC: PT 502 345 678 · Capital social 500.000 €",
                        "Conservatória do Registo Comercial de Santa Maria da Feira"],
           size=7.5, bold_first=True)  # fmt: skip
    s.text(15, 280, "Processado por programa certificado n.º 1234/AT", size=6.5)
    return s.output()


PT_SELLER_BOTTOM_TRUTH = _truth(
    invoice_number="FT 2026A/1542", type_code="380", issue_date="2026-05-11", currency="EUR",
    seller_name="Cortiça & Companhia, S.A.", seller_vat_id="PT502345678", seller_country="PT",
    buyer_name="Vinhos do Alentejo, Lda.", buyer_country="PT",
    tax_exclusive_total=_plain(_PT_NET), tax_total=_plain(_PT_TAX),
    grand_total=_plain(_PT_NET + _PT_TAX), due_payable=_plain(_PT_NET + _PT_TAX),
    line_items=_lines(_PT_ITEMS, None),
)  # fmt: skip


# -- Canada: a credit memo, amounts in parentheses, "Original Invoice #", GST/HST and QST ------

_CA_ITEMS: list[Item] = [("Snowshoes, aluminium frame, 25 in.", "10", "89.00"),
                         ("Trekking poles, carbon, pair", "12", "30.00")]  # fmt: skip
_CA_NET = _sum(_CA_ITEMS)  # 1,250.00
_CA_TAX = _round(_CA_NET * Decimal("0.13"))


def ca_credit_memo() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Laurentian Outdoor Supply Inc.", size=14, bold=True)
    _block(s, 15, 20, ["1850 rue Sherbrooke Ouest", "Montréal, QC H3H 1E4, Canada",
                       "GST/HST No. 81234 5678 RT0001", "QST No. 1234567890 TQ0001"],
           size=8)  # fmt: skip
    s.text(140, 12, "CREDIT MEMO", size=15, bold=True)
    s.pairs(122, 24, [("Credit Memo #:", "CM-004417"), ("Date:", "2026-05-19"),
                      ("Original Invoice #:", "INV-118842"), ("Reason:", "Damaged in transit")],
            gap=36)  # fmt: skip
    s.text(15, 48, "Customer", size=8.5, bold=True)
    _block(s, 15, 53, ["Rideau Sports Ltd.", "200 Bank Street", "Ottawa, ON K2P 1X4, Canada"])
    rows = [[t, q, _group(_d(p)), f"({_group(a)})"]
            for (t, q, p), a in zip(_CA_ITEMS, _amounts(_CA_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(74, [("Description", 15, 90, "L"), ("Qty", 107, 14, "R"),
                    ("Unit Price", 125, 30, "R"), ("Amount", 161, 34, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(
        s,
        110,
        161,
        y + 4,
        [
            ("Subtotal", f"({_group(_CA_NET)})"),
            ("HST 13% (ON)", f"({_group(_CA_TAX)})"),
            ("Total Credit", f"({_group(_CA_NET + _CA_TAX)})"),
        ],
    )
    s.text(15, y + 6, "All amounts in Canadian dollars (CAD). This credit will be applied to "
                      "your next invoice.", size=7.5)  # fmt: skip
    return s.output()


CA_CREDIT_MEMO_TRUTH = _truth(
    invoice_number="CM-004417", type_code="381", issue_date="2026-05-19", currency="CAD",
    seller_name="Laurentian Outdoor Supply Inc.", seller_vat_id="812345678RT0001",
    seller_country="CA", buyer_name="Rideau Sports Ltd.", buyer_country="CA",
    tax_exclusive_total=_plain(_CA_NET), tax_total=_plain(_CA_TAX),
    grand_total=_plain(_CA_NET + _CA_TAX), due_payable=_plain(_CA_NET + _CA_TAX),
    line_items=_lines(_CA_ITEMS, None),
)  # fmt: skip


# -- Colombia: a "Factura electrónica de venta", pesos with dots and a comma, NIT, CUFE --------

_CO_ITEMS: list[Item] = [("Café tostado en grano, origen Huila", "250", "48000.00"),
                         ("Café molido, mezcla de la casa", "120", "52500.00")]  # fmt: skip
_CO_NET = _sum(_CO_ITEMS)  # 18,300,000.00
_CO_TAX = _round(_CO_NET * Decimal("0.05"))


def co_factura_electronica() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Café Andino de Exportación S.A.S.", size=13, bold=True)
    _block(
        s,
        15,
        19,
        [
            "NIT 900.123.456-7 · Responsable de IVA",
            "Carrera 43A # 1-50, Medellín, Antioquia, Colombia",
        ],
        size=8,
    )
    s.text(120, 12, "FACTURA ELECTRÓNICA DE VENTA", size=10, bold=True)
    s.pairs(120, 19, [("No.", "FEV-4471"), ("Fecha de emisión:", "2026-05-22"),
                      ("Fecha de vencimiento:", "2026-06-21"), ("Forma de pago:", "Crédito")],
            gap=40)  # fmt: skip
    s.text(15, 44, "Adquiriente", size=8.5, bold=True)
    _block(s, 15, 49, ["Tiendas Montaña Ltda.", "NIT 800.987.654-3",
                       "Calle 72 # 10-34, Bogotá D.C., Colombia"])  # fmt: skip
    rows = [[f"P-{i:03d}", t, q, "kg", f"$ {_group(_d(p), 'de')}", f"$ {_group(a, 'de')}"]
            for i, ((t, q, p), a) in enumerate(zip(_CO_ITEMS, _amounts(_CO_ITEMS), strict=True),
                                               1)]  # fmt: skip
    y = s.grid(70, [("Código", 15, 14, "L"), ("Descripción", 30, 66, "L"), ("Cant.", 98, 12, "R"),
                    ("U.M.", 112, 10, "L"), ("Vr. Unitario", 124, 30, "R"),
                    ("Vr. Total", 158, 37, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 155, y + 4, [("Subtotal", f"$ {_group(_CO_NET, 'de')}"),
                                     ("IVA 5%", f"$ {_group(_CO_TAX, 'de')}"),
                                     ("Total a pagar", f"$ {_group(_CO_NET + _CO_TAX, 'de')}")],
                width=40)  # fmt: skip
    s.text(15, y + 5, "Son: diecinueve millones doscientos quince mil pesos m/cte.", size=8)
    s.text(15, y + 11, "CUFE: 8b3f6c1d2e7a94f0b5c3d8e1a7f2c6b9d0e4a8f3c7b1d5e9a2f6c0b4d8e3a7f1c5",
           size=6.5)  # fmt: skip
    s.text(15, y + 15, "Autorización de numeración DIAN No. 18764000001234 del 2026-01-10, "
                       "FEV-1 a FEV-10000", size=6.5)  # fmt: skip
    return s.output()


CO_FACTURA_ELECTRONICA_TRUTH = _truth(
    invoice_number="FEV-4471", type_code="380", issue_date="2026-05-22", currency="COP",
    seller_name="Café Andino de Exportación S.A.S.", seller_vat_id="9001234567",
    seller_country="CO", buyer_name="Tiendas Montaña Ltda.", buyer_country="CO",
    tax_exclusive_total=_plain(_CO_NET), tax_total=_plain(_CO_TAX),
    grand_total=_plain(_CO_NET + _CO_TAX), due_payable=_plain(_CO_NET + _CO_TAX),
    line_items=_lines(_CO_ITEMS, "KGM"),
)  # fmt: skip


# -- Philippines: a BIR sales invoice, VAT-inclusive lines, VATable sales, "Less: VAT" ---------

_PH_ITEMS: list[tuple[str, str, str, str]] = [
    ("500", "kg", "Desiccated coconut, fine grade", "84.00"),
    ("200", "pcs", "Virgin coconut oil, 1 L bottle", "70.00"),
]
_PH_GROSS = sum((_round(_d(q) * _d(p)) for q, _, _, p in _PH_ITEMS), Decimal(0))  # 56,000.00
_PH_NET = _round(_PH_GROSS / Decimal("1.12"))
_PH_TAX = _PH_GROSS - _PH_NET


def ph_sales_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Visayas Coco Products Corporation", size=13, bold=True, width=180, align="C")
    s.text(15, 17, "M.C. Briones Street, Mandaue City, Cebu 6014, Philippines", size=8,
           width=180, align="C")  # fmt: skip
    s.text(15, 21, "VAT Reg. TIN: 123-456-789-00000", size=8, width=180, align="C")
    s.text(15, 30, "SALES INVOICE", size=13, bold=True)
    s.text(150, 30, "No. 004512", size=12, bold=True)
    s.pairs(15, 40, [("Sold to:", "Luzon Bakeshop Supply Inc."),
                     ("TIN:", "234-567-890-00000"),
                     ("Business Address:", "88 Shaw Blvd, Pasig City, Metro Manila")],
            gap=35)  # fmt: skip
    s.pairs(140, 40, [("Date:", "May 25, 2026"), ("Terms:", "30 days")], gap=16)
    rows = [[q, u, t, _group(_d(p)), _group(_round(_d(q) * _d(p)))] for q, u, t, p in _PH_ITEMS]
    y = s.grid(62, [("QTY", 15, 14, "R"), ("UNIT", 32, 12, "L"), ("ARTICLES", 46, 80, "L"),
                    ("UNIT PRICE", 128, 28, "R"), ("AMOUNT", 160, 35, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 15, 60, y + 4, [("VATable Sales", _group(_PH_NET)), ("VAT-Exempt Sales", "0.00"),
                               ("Zero Rated Sales", "0.00"), ("VAT Amount", _group(_PH_TAX))],
            width=30, size=8)  # fmt: skip
    y = _totals(s, 110, 161, y + 4, [("Total Sales (VAT Inclusive)", _group(_PH_GROSS)),
                                     ("Less: VAT", _group(_PH_TAX)),
                                     ("Amount: Net of VAT", _group(_PH_NET)),
                                     ("Add: VAT", _group(_PH_TAX)),
                                     ("TOTAL AMOUNT DUE", f"₱{_group(_PH_GROSS)}")],
                size=8)  # fmt: skip
    s.text(15, y + 8, "BIR Authority to Print No. 0412026-000123 · Date issued: Jan 5, 2026",
           size=6.5)  # fmt: skip
    return s.output()


PH_SALES_INVOICE_TRUTH = _truth(
    invoice_number="004512", type_code="380", issue_date="2026-05-25", currency="PHP",
    seller_name="Visayas Coco Products Corporation", seller_vat_id="12345678900000",
    seller_country="PH", buyer_name="Luzon Bakeshop Supply Inc.",
    tax_exclusive_total=_plain(_PH_NET), tax_total=_plain(_PH_TAX),
    grand_total=_plain(_PH_GROSS), due_payable=_plain(_PH_GROSS),
    line_items=[_line(t, q, {"kg": "KGM", "pcs": "H87"}[u], _price(_d(p)),
                      _plain(_round(_d(q) * _d(p)))) for q, u, t, p in _PH_ITEMS],
)  # fmt: skip


# -- Kazakhstan: a "Счет на оплату" in Russian, its number and date in the title, VAT included --

_KZ_ITEMS: list[tuple[str, str, str, str]] = [
    ("Мука пшеничная высший сорт", "40000", "кг", "38.50"),
    ("Сахар-песок", "12000", "кг", "58.33"),
]
_KZ_TOTAL = sum((_round(_d(q) * _d(p)) for _, q, _, p in _KZ_ITEMS), Decimal(0))
_KZ_TAX = _round(_KZ_TOTAL * 12 / 112)


def kz_schet() -> bytes:
    s = Sheet2()
    s.text(15, 12, "ТОО «Степной Агро»", size=12, bold=True)
    _block(s, 15, 19, ["Бенефициар: ТОО «Степной Агро», БИН 123456789012",
                       "ИИК KZ12 601A 8610 0012 3456, АО «Народный Банк Казахстана», "
                       "БИК HSBKKZKX"], size=7.5)  # fmt: skip
    s.text(15, 34, "Счет на оплату № 145 от 12 мая 2026 г.", size=13, bold=True)
    s.pdf.line(15, 41, 195, 41)
    s.text(15, 45, "Поставщик:", size=8.5, bold=True)
    s.text(45, 45, "ТОО «Степной Агро», БИН 123456789012, Казахстан, г. Алматы, ул. Толе би 101",
           size=8.5)  # fmt: skip
    s.text(15, 51, "Покупатель:", size=8.5, bold=True)
    s.text(45, 51, "ТОО «Астана Трейд», БИН 210987654321, Казахстан, г. Астана, пр. Абая 12",
           size=8.5)  # fmt: skip
    s.text(15, 57, "Договор:", size=8.5, bold=True)
    s.text(45, 57, "№ 22/26 от 10.01.2026", size=8.5)
    rows = [[str(i), t, _sp(_d(q), 0), u, _sp(_d(p)), _sp(_round(_d(q) * _d(p)))]
            for i, (t, q, u, p) in enumerate(_KZ_ITEMS, 1)]  # fmt: skip
    y = s.grid(66, [("№", 15, 8, "L"), ("Наименование", 24, 76, "L"), ("Кол-во", 102, 18, "R"),
                    ("Ед.", 122, 10, "L"), ("Цена", 134, 24, "R"), ("Сумма", 160, 35, "R")],
               rows, size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 4, [("Итого:", _sp(_KZ_TOTAL)),
                                     ("В том числе НДС 12%:", _sp(_KZ_TAX)),
                                     ("Всего к оплате:", _sp(_KZ_TOTAL))])  # fmt: skip
    s.text(15, y + 5, f"Всего наименований 2, на сумму {_sp(_KZ_TOTAL)} KZT", size=8.5)
    s.text(15, y + 10, "Два миллиона двести тридцать девять тысяч девятьсот шестьдесят тенге "
                       "00 тиын", size=8.5, bold=True)  # fmt: skip
    s.text(15, y + 22, "Исполнитель ____________ /Ахметов Б.К./", size=8.5)
    return s.output()


KZ_SCHET_TRUTH = _truth(
    invoice_number="145", type_code="380", issue_date="2026-05-12", currency="KZT",
    seller_name="ТОО «Степной Агро»", seller_vat_id="123456789012", seller_country="KZ",
    buyer_name="ТОО «Астана Трейд»", buyer_country="KZ",
    tax_total=_plain(_KZ_TAX), grand_total=_plain(_KZ_TOTAL), due_payable=_plain(_KZ_TOTAL),
    line_items=[_line(t, q, "KGM", _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for t, q, _, p in _KZ_ITEMS],
)  # fmt: skip


# -- Jordan: an Arabic-English tax invoice in dinars with three decimals ------------------------

_JO_ITEMS: list[Item] = [("Paracetamol 500 mg, box of 24", "120", "4.25"),
                         ("Amoxicillin 500 mg, box of 16", "60", "12.75")]  # fmt: skip
_JO_NET = _sum(_JO_ITEMS)  # 1,275.000
_JO_TAX = _round(_JO_NET * Decimal("0.16"))


def _jod(value: Decimal) -> str:
    return _group(value, places=3)


def jo_bilingual() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Petra Pharma Trading Co.", size=13, bold=True)
    _block(s, 15, 19, ["شركة البتراء لتجارة الأدوية", "Wasfi Al-Tal Street 77, Amman 11181, Jordan",
                       "Tax No. / الرقم الضريبي: 012345678"], size=8)  # fmt: skip
    s.text(130, 12, "Tax Invoice / فاتورة ضريبية", size=12, bold=True)
    s.pairs(115, 22, [("Invoice No. / رقم الفاتورة", "PPT-26-0611"),
                      ("Date / التاريخ", "11/06/2026")], gap=56)  # fmt: skip
    s.text(15, 40, "Customer / العميل", size=8.5, bold=True)
    _block(s, 15, 45, ["Al Noor Pharmacy Group", "King Abdullah II Street, Irbid 21110, Jordan"])
    rows = [[t, q, _jod(_d(p)), _jod(a)]
            for (t, q, p), a in zip(_JO_ITEMS, _amounts(_JO_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(62, [("Description / الوصف", 15, 90, "L"), ("Qty / الكمية", 107, 18, "R"),
                    ("Unit Price (JOD)", 127, 30, "R"), ("Total (JOD)", 161, 34, "R")], rows,
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        100,
        161,
        y + 4,
        [
            ("Subtotal / المجموع", _jod(_JO_NET)),
            ("Sales Tax 16% / ضريبة المبيعات", _jod(_JO_TAX)),
            ("Total / الإجمالي (JOD)", _jod(_JO_NET + _JO_TAX)),
        ],
    )
    return s.output()


JO_BILINGUAL_TRUTH = _truth(
    invoice_number="PPT-26-0611", type_code="380", issue_date="2026-06-11", currency="JOD",
    seller_name="Petra Pharma Trading Co.", seller_vat_id="012345678", seller_country="JO",
    buyer_name="Al Noor Pharmacy Group", buyer_country="JO",
    # (session 27) to the thousandth, as printed: ISO 4217 gives the Jordanian dinar three
    # decimals (the truth had two: '1275.00' for '1,275.000')
    tax_exclusive_total=f"{_JO_NET:.3f}", tax_total=f"{_JO_TAX:.3f}",
    grand_total=f"{_JO_NET + _JO_TAX:.3f}", due_payable=f"{_JO_NET + _JO_TAX:.3f}",
    line_items=[{**line, "amount": f"{Decimal(line['amount']):.3f}"}
                for line in _lines(_JO_ITEMS, None)],
)  # fmt: skip


BATCH15: list[Layout] = [
    Layout("es-two-boxes", es_two_boxes, ES_TWO_BOXES_TRUTH),
    Layout("br-proforma", br_proforma, BR_PROFORMA_TRUTH),
    Layout("pl-korekta", pl_korekta, PL_KOREKTA_TRUTH),
    Layout("tr-efatura", tr_efatura, TR_EFATURA_TRUTH),
    Layout("in-igst", in_igst, IN_IGST_TRUTH),
    Layout("ma-facture", ma_facture, MA_FACTURE_TRUTH),
    Layout("us-incoterms", us_incoterms, US_INCOTERMS_TRUTH),
    Layout("at-two-pages", at_two_pages, AT_TWO_PAGES_TRUTH),
    Layout("pt-seller-bottom", pt_seller_bottom, PT_SELLER_BOTTOM_TRUTH),
    Layout("ca-credit-memo-parens", ca_credit_memo, CA_CREDIT_MEMO_TRUTH),
    Layout("co-factura-electronica", co_factura_electronica, CO_FACTURA_ELECTRONICA_TRUTH),
    Layout("ph-sales-invoice", ph_sales_invoice, PH_SALES_INVOICE_TRUTH),
    Layout("kz-schet", kz_schet, KZ_SCHET_TRUTH),
    Layout("jo-bilingual", jo_bilingual, JO_BILINGUAL_TRUTH),
]
# Scanned as well (single pages, read by OCR): four of the batch.
SCANNED15 = ["es-two-boxes", "ca-credit-memo-parens", "ph-sales-invoice", "tr-efatura"]


def write_batch15(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH15)
