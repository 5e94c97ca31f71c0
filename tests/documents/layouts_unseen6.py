"""A tenth batch of hand-written invoices, written before the reader's rules were read for it.

Twelve invoices in layouts the nine earlier batches do not show: a German Rechnung from a Swiss
company registered for VAT in Germany (``Netto`` / ``USt 19 %`` / ``Brutto``, the VAT id's
``DE`` not the seller's country), a French facture with the number in its title and the date
in words (``Total HT`` / ``TVA 20 %`` / ``Total TTC`` / ``Net à payer``), a Turkish e-Fatura
(``SAYIN``, ``VKN``, ``Mal Hizmet Toplam Tutarı``, ``Vergiler Dahil Toplam Tutar``, ``Ödenecek
Tutar``, quantity and unit in one cell), a bilingual Vietnamese VAT invoice (``HÓA ĐƠN GIÁ TRỊ
GIA TĂNG (VAT INVOICE)``, ``Ký hiệu`` / ``Số``, the date as ``Ngày 05 tháng 03 năm 2026``, dots
for thousands and no decimals), a Brazilian DANFE for an export (boxes, ``CÁLCULO DO
IMPOSTO``, ``VALOR TOTAL DA NOTA``, a receipt stub naming the seller in a sentence), a UAE tax
invoice with every total repeated in Arabic-Indic digits and a VAT and gross column right of
the net amount on each line, an Indian IGST invoice in Tally's shape (a net line under the
items, ``Round Off``, an HSN summary whose ``Total`` row starts with the net), a US commercial
invoice with ``Subtotal`` above freight and insurance and ``Total Invoice Amount: USD …`` in one
run, the seller in ``Atlanta, Georgia`` and no country, a Hamburg forwarder's freight invoice in
two currencies (``Total in USD:``), a Finnish lasku with ``kpl`` and descriptions wrapped over
two lines in a narrow column, a New Zealand consultancy's two-column table (description and
amount only, descriptions over two and three lines), and a Sialkot exporter's typewritten
invoice that exists only as a low-resolution image (110 dpi; its text-layer reading is OCR too).

Left out: Korean and Arabic labels (the environment has DejaVu only: no Hangul, and fpdf2 draws
Arabic letters unshaped without uharfbuzz; Arabic-Indic digits need no shaping and are used).

Ground truth conventions (as in the earlier batches): ids as printed without spaces, dots or
hyphens; Brazil's CNPJ and Pakistan's NTN no VAT ids (like Mexico's RFC); a country where the
page names it, else null (``Atlanta, Georgia`` alone names none: Georgia is also a country and
the page gives no ZIP code or country); no tax-exclusive total where freight and insurance are
added to a subtotal without tax; ``due_payable`` the grand total unless another amount is due;
line items as printed, their amount the net (the UAE line's VAT and gross columns are not),
quantity, unit and price null on a table that has no such column; the forwarder's lines carry
their rate as printed (in the charge's own currency) and their amount in the invoice currency
(the ``Amount (USD)`` column: the total sums it).
"""

from __future__ import annotations

import io
import zlib
from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _font_dir, _line, _truth
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round


def _de(value: Decimal) -> str:
    return _group(value, "de")


def _sum(items: list[tuple[str, ...]], qty: int, price: int) -> Decimal:
    return sum((_round(_d(i[qty]) * _d(i[price])) for i in items), Decimal(0))


# -- Germany / Switzerland: a Swiss company's Rechnung with its German VAT id, Netto/USt/Brutto --

_DE_ITEMS = [
    ("Edelstahl-Spüle 60 cm, flächenbündig", "12", "Stk", "189.00"),
    ("Armatur Einhebel, verchromt", "20", "Stk", "74.50"),
    ("Montageset Spüle", "12", "Set", "8.90"),
]


def de_netto_ust_brutto() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Alpenblick Handels AG", size=15, bold=True)
    s.text(15, 19, "Bahnhofstrasse 21 · 8001 Zürich · Schweiz", size=7.5)
    s.text(15, 32, "Alpenblick Handels AG · Bahnhofstrasse 21 · 8001 Zürich", size=6)
    s.lines(15, 37, ["Brunner Küchenstudio GmbH", "Leopoldstraße 112", "80804 München",
                     "Deutschland"], size=9.5)  # fmt: skip
    s.pairs(125, 37, [("Rechnung Nr.", "AB-2026-0311"), ("Datum", "05.03.2026"),
                      ("Kunden-Nr.", "K-1184"), ("Lieferdatum", "03.03.2026")], gap=28,
            step=4.5)  # fmt: skip
    s.text(15, 66, "RECHNUNG", size=14, bold=True)
    rows = []
    for index, (text, qty, unit, price) in enumerate(_DE_ITEMS, 1):
        amount = _round(_d(qty) * _d(price))
        rows.append([str(index), text, qty, unit, _de(_d(price)), _de(amount)])
    y = s.grid(
        76,
        [("Pos", 15, 8, "L"), ("Artikel", 25, 75, "L"), ("Menge", 102, 14, "R"),
         ("Einheit", 119, 14, "L"), ("Einzelpreis EUR", 135, 28, "R"),
         ("Netto EUR", 166, 28, "R")],
        rows,
    )  # fmt: skip
    net = _sum(_DE_ITEMS, 1, 3)
    tax = _round(net * Decimal("0.19"))
    s.pdf.line(130, y + 2, 194, y + 2)
    s.pairs(130, y + 5, [("Netto", _de(net)), ("USt 19 %", _de(tax)),
                         ("Brutto", _de(net + tax))], gap=36, value_width=28,
            align="R")  # fmt: skip
    s.text(15, y + 26, "Zahlbar bis 04.04.2026 ohne Abzug.", size=8.5)
    s.text(15, 280, "Alpenblick Handels AG · Handelsregister CH-020.3.045.678-9 · "
                    "USt-IdNr. DE298765432 · IBAN CH93 0076 2011 6238 5295 7",
           size=6.5)  # fmt: skip
    return s.output()


_DE_NET = _sum(_DE_ITEMS, 1, 3)
_DE_TAX = _round(_DE_NET * Decimal("0.19"))
DE_NETTO_UST_BRUTTO_TRUTH = _truth(
    invoice_number="AB-2026-0311", type_code="380", issue_date="2026-03-05", currency="EUR",
    seller_name="Alpenblick Handels AG", seller_vat_id="DE298765432", seller_country="CH",
    buyer_name="Brunner Küchenstudio GmbH", buyer_country="DE",
    tax_exclusive_total=_plain(_DE_NET), tax_total=_plain(_DE_TAX),
    grand_total=_plain(_DE_NET + _DE_TAX), due_payable=_plain(_DE_NET + _DE_TAX),
    line_items=[_line(t, q, {"Stk": "H87", "Set": "SET"}[u], _price(_d(p)),
                      _plain(_round(_d(q) * _d(p)))) for t, q, u, p in _DE_ITEMS],
)  # fmt: skip


# -- France: HT / TVA / TTC / Net à payer, the number in the title, the date in words -----------

_FR_ITEMS = [
    ("VS-120", "Vase soufflé bouche, bleu", "40", "32.50"),
    ("CP-08", "Coupe en verre 8 cm", "150", "6.20"),
    ("CL-30", "Carafe 1 L gravée", "60", "18.75"),
]


def _fr(value: Decimal) -> str:
    return _group(value, "de").replace(".", "\u202f")


def fr_ht_tva_ttc() -> bytes:
    s = Sheet2("Serif")
    s.lines(15, 17, ["14 rue des Souffleurs", "39200 Saint-Claude", "France"], size=9)
    s.text(15, 12, "Ateliers Verrier du Jura SARL", size=11, bold=True)
    s.text(120, 14, "FACTURE N° 2026-0457", size=13, bold=True)
    s.text(120, 21, "Saint-Claude, le 5 mars 2026", size=9)
    s.text(120, 36, "Client :", size=8, bold=True)
    s.lines(120, 41, ["Galerie Lumière SAS", "8 quai de la Tournelle", "75005 Paris",
                      "France"], size=9)  # fmt: skip
    s.text(15, 62, "Conditions de paiement : 30 jours fin de mois", size=8)
    rows = []
    for ref, text, qty, price in _FR_ITEMS:
        amount = _round(_d(qty) * _d(price))
        rows.append([ref, text, qty, _fr(_d(price)) + " €", _fr(amount) + " €"])
    y = s.grid(
        72,
        [("Réf.", 15, 18, "L"), ("Désignation", 35, 70, "L"), ("Qté", 107, 14, "R"),
         ("P.U. HT", 124, 28, "R"), ("Montant HT", 156, 38, "R")],
        rows,
    )  # fmt: skip
    net = _sum([(q, p) for _, _, q, p in _FR_ITEMS], 0, 1)
    tax = _round(net * Decimal("0.20"))
    s.pairs(124, y + 6, [("Total HT", _fr(net) + " €"), ("TVA 20 %", _fr(tax) + " €"),
                         ("Total TTC", _fr(net + tax) + " €"),
                         ("Net à payer", _fr(net + tax) + " €")], gap=32, value_width=38,
            align="R")  # fmt: skip
    s.text(15, 278, "SARL au capital de 20 000 € – RCS Lons-le-Saunier 812 345 678 – SIRET "
                    "812 345 678 00021 – TVA intracommunautaire : FR47812345678",
           size=6.5)  # fmt: skip
    return s.output()


_FR_NET = _sum([(q, p) for _, _, q, p in _FR_ITEMS], 0, 1)
_FR_TAX = _round(_FR_NET * Decimal("0.20"))
FR_HT_TVA_TTC_TRUTH = _truth(
    invoice_number="2026-0457", type_code="380", issue_date="2026-03-05", currency="EUR",
    seller_name="Ateliers Verrier du Jura SARL", seller_vat_id="FR47812345678",
    seller_country="FR", buyer_name="Galerie Lumière SAS", buyer_country="FR",
    tax_exclusive_total=_plain(_FR_NET), tax_total=_plain(_FR_TAX),
    grand_total=_plain(_FR_NET + _FR_TAX), due_payable=_plain(_FR_NET + _FR_TAX),
    line_items=[_line(t, q, None, _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for _, t, q, p in _FR_ITEMS],
)  # fmt: skip


# -- Turkey: an e-Fatura, SAYIN, VKN, quantity and unit in one cell, KDV per line ---------------

_TR_ITEMS = [
    ("Pamuklu nevresim takımı, çift kişilik", "250", "Adet", "385.00"),
    ("Havlu seti 4'lü", "400", "Adet", "142.50"),
    ("Pike, tek kişilik", "180", "Adet", "260.00"),
]


def tr_e_fatura() -> bytes:
    s = Sheet2("Cond")
    s.lines(15, 12, ["Ege Tekstil Sanayi ve Ticaret A.Ş.", "Atatürk Cad. No: 58",
                     "35220 Konak / İzmir", "Türkiye", "Vergi Dairesi: Konak  VKN: 3250123456"],
            size=8.5)  # fmt: skip
    s.text(95, 14, "e-FATURA", size=14, bold=True)
    s.pairs(135, 12, [("Özelleştirme No:", "TR1.2"), ("Senaryo:", "TEMELFATURA"),
                      ("Fatura Tipi:", "SATIŞ"), ("Fatura No:", "EGE2026000000145"),
                      ("Fatura Tarihi:", "05-03-2026")], gap=28, step=4.5)  # fmt: skip
    s.pdf.line(15, 40, 110, 40)
    s.text(15, 42, "SAYIN", size=8.5, bold=True)
    s.lines(15, 47, ["Anadolu Ev Tekstili Ltd. Şti.", "Kızılay Mah. Gazi Mustafa Kemal Blv. 12",
                     "06420 Çankaya / Ankara", "Türkiye",
                     "Vergi Dairesi: Çankaya  VKN: 0680123456"],
            size=8.5)  # fmt: skip
    s.pdf.line(15, 71, 110, 71)
    s.text(135, 50, "ETTN: 5f2c9a1e-8b34-4d7a-a1c2-3e9f0b6d7c21", size=6.5)
    rows = []
    for index, (text, qty, unit, price) in enumerate(_TR_ITEMS, 1):
        amount = _round(_d(qty) * _d(price))
        rows.append([str(index), text, f"{qty} {unit}", _de(_d(price)) + " TL", "%20",
                     _de(_round(amount * Decimal("0.20"))) + " TL",
                     _de(amount) + " TL"])  # fmt: skip
    y = s.grid(
        80,
        [("Sıra No", 15, 12, "L"), ("Mal Hizmet", 29, 56, "L"), ("Miktar", 87, 18, "R"),
         ("Birim Fiyat", 107, 22, "R"), ("KDV Oranı", 131, 14, "R"),
         ("KDV Tutarı", 147, 22, "R"), ("Mal Hizmet Tutarı", 171, 26, "R")],
        rows, size=7.5,
    )  # fmt: skip
    net = _sum(_TR_ITEMS, 1, 3)
    tax = _round(net * Decimal("0.20"))
    s.pairs(110, y + 6, [("Mal Hizmet Toplam Tutarı", _de(net) + " TL"),
                         ("Hesaplanan KDV(%20)", _de(tax) + " TL"),
                         ("Vergiler Dahil Toplam Tutar", _de(net + tax) + " TL"),
                         ("Ödenecek Tutar", _de(net + tax) + " TL")], gap=50,
            value_width=37, align="R")  # fmt: skip
    return s.output()


_TR_NET = _sum(_TR_ITEMS, 1, 3)
_TR_TAX = _round(_TR_NET * Decimal("0.20"))
TR_E_FATURA_TRUTH = _truth(
    invoice_number="EGE2026000000145", type_code="380", issue_date="2026-03-05", currency="TRY",
    seller_name="Ege Tekstil Sanayi ve Ticaret A.Ş.", seller_vat_id="3250123456",
    seller_country="TR", buyer_name="Anadolu Ev Tekstili Ltd. Şti.", buyer_country="TR",
    tax_exclusive_total=_plain(_TR_NET), tax_total=_plain(_TR_TAX),
    grand_total=_plain(_TR_NET + _TR_TAX), due_payable=_plain(_TR_NET + _TR_TAX),
    line_items=[_line(t, q, "H87", _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for t, q, _, p in _TR_ITEMS],
)  # fmt: skip


# -- Vietnam: a bilingual VAT invoice, dots for thousands, no decimals --------------------------

_VN_ITEMS = [
    ("Bu lông thép M16 x 80, kèm đai ốc", "Bộ", "5000", "4500"),
    ("Van cổng gang DN100", "Cái", "120", "1850000"),
    ("Dây thép mạ kẽm 2 mm", "Kg", "800", "26500"),
]


def _vn(value: Decimal) -> str:
    return _group(value, "de", places=0)


def vn_vat_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 12, "HÓA ĐƠN GIÁ TRỊ GIA TĂNG", size=14, bold=True, width=180, align="C")
    s.text(15, 19, "(VAT INVOICE)", size=9, width=180, align="C")
    s.text(15, 24, "Ngày (Date) 05 tháng (month) 03 năm (year) 2026", size=8.5, width=180,
           align="C")  # fmt: skip
    s.lines(150, 12, ["Ký hiệu (Serial): 1C26TAA", "Số (No.): 00001245"], size=8.5)
    s.lines(15, 34, [
        "Đơn vị bán hàng (Seller): CÔNG TY TNHH CƠ KHÍ MINH PHÁT",
        "Mã số thuế (Tax code): 0312345678",
        "Địa chỉ (Address): 25 Đường số 7, KCN Vĩnh Lộc, Quận Bình Tân, TP. Hồ Chí Minh, Việt Nam",
        "Số tài khoản (Account No.): 0071001234567 tại Vietcombank",
    ], size=8.5, step=5)  # fmt: skip
    s.pdf.line(15, 55, 195, 55)
    s.lines(15, 58, [
        "Họ tên người mua hàng (Buyer): Nguyễn Văn Hùng",
        "Tên đơn vị (Company): CÔNG TY CỔ PHẦN XÂY DỰNG HÒA BÌNH",
        "Mã số thuế (Tax code): 0101987654",
        "Địa chỉ (Address): 12 Láng Hạ, Đống Đa, Hà Nội, Việt Nam",
        "Hình thức thanh toán (Payment method): TM/CK      Đơn vị tiền tệ (Currency): VND",
    ], size=8.5, step=5)  # fmt: skip
    rows = []
    for index, (text, unit, qty, price) in enumerate(_VN_ITEMS, 1):
        rows.append([str(index), text, unit, _vn(_d(qty)), _vn(_d(price)),
                     _vn(_d(qty) * _d(price))])  # fmt: skip
    y = s.grid(
        88,
        [("STT (No.)", 15, 13, "L"), ("Tên hàng hóa, dịch vụ (Description)", 29, 57, "L"),
         ("ĐVT (Unit)", 87, 15, "L"), ("Số lượng (Qty)", 103, 22, "R"),
         ("Đơn giá (Unit price)", 127, 31, "R"), ("Thành tiền (Amount)", 161, 34, "R")],
        rows, size=6.8,
    )  # fmt: skip
    net = _sum([(q, p) for _, _, q, p in _VN_ITEMS], 0, 1)
    tax = _round(net * Decimal("0.10"))
    s.lines(15, y + 6, [
        f"Cộng tiền hàng (Total amount): {_vn(net)}",
        f"Thuế suất GTGT (VAT rate): 10%      Tiền thuế GTGT (VAT amount): {_vn(tax)}",
        f"Tổng cộng tiền thanh toán (Total payment): {_vn(net + tax)}",
        "Số tiền viết bằng chữ (Amount in words): Hai trăm chín mươi hai triệu "
        "hai trăm bảy mươi nghìn đồng.",
    ], size=8.5, step=5.5)  # fmt: skip
    return s.output()


_VN_NET = _sum([(q, p) for _, _, q, p in _VN_ITEMS], 0, 1)
_VN_TAX = _round(_VN_NET * Decimal("0.10"))
VN_VAT_INVOICE_TRUTH = _truth(
    invoice_number="00001245", type_code="380", issue_date="2026-03-05", currency="VND",
    seller_name="CÔNG TY TNHH CƠ KHÍ MINH PHÁT", seller_vat_id="0312345678",
    seller_country="VN", buyer_name="CÔNG TY CỔ PHẦN XÂY DỰNG HÒA BÌNH", buyer_country="VN",
    tax_exclusive_total=_plain(_VN_NET), tax_total=_plain(_VN_TAX),
    grand_total=_plain(_VN_NET + _VN_TAX), due_payable=_plain(_VN_NET + _VN_TAX),
    line_items=[_line(t, q, {"Bộ": "SET", "Cái": "H87", "Kg": "KGM"}[u], _price(_d(p)),
                      _plain(_d(q) * _d(p))) for t, u, q, p in _VN_ITEMS],
)  # fmt: skip


# -- Brazil: a DANFE for an export, boxes with the label above, a receipt stub -----------------

_BR_ITEMS = [
    ("SG-101", "Bota de couro feminina, cano alto", "64039990", "PAR", "600", "78.40"),
    ("SG-204", "Sapato social masculino, couro", "64035990", "PAR", "900", "52.90"),
    ("SG-330", "Sandália de couro, solado de borracha", "64039990", "PAR", "1200", "24.15"),
]


def br_danfe() -> bytes:
    s = Sheet2("Cond")
    s.pdf.rect(10, 8, 150, 14)
    s.text(11, 9.5, "RECEBEMOS DE INDÚSTRIA DE CALÇADOS SERRA GAÚCHA LTDA OS PRODUTOS "
                    "CONSTANTES DA NOTA FISCAL INDICADA AO LADO", size=6)  # fmt: skip
    s.text(11, 16, "DATA DE RECEBIMENTO            IDENTIFICAÇÃO E ASSINATURA DO RECEBEDOR", size=6)
    s.pdf.rect(160, 8, 40, 14)
    s.lines(162, 10, ["NF-e", "Nº 000.012.345", "SÉRIE 1"], size=7, step=3.5)
    s.pdf.rect(10, 26, 80, 32)
    s.lines(12, 28, ["INDÚSTRIA DE CALÇADOS SERRA GAÚCHA LTDA",
                     "Rua Marechal Floriano, 880 - Centro",
                     "95600-000 Novo Hamburgo - RS", "Fone: (51) 3595-1200"], size=7.5,
            step=4)  # fmt: skip
    s.pdf.rect(90, 26, 40, 32)
    s.lines(92, 28, ["DANFE", "Documento Auxiliar da", "Nota Fiscal Eletrônica",
                     "0 - ENTRADA  1 - SAÍDA  [1]", "Nº 000.012.345", "SÉRIE 1",
                     "FOLHA 1/1"], size=6.5, step=3.8)  # fmt: skip
    s.pdf.rect(130, 26, 70, 32)
    s.text(132, 28, "CHAVE DE ACESSO", size=6)
    s.text(132, 32, "4326 0312 3456 7800 0190 5500 1000 0123 4510 0012 3458", size=6.5)
    s.text(132, 40, "Consulta de autenticidade no portal nacional da NF-e", size=6)
    s.boxes(10, 60, [("NATUREZA DA OPERAÇÃO", "VENDA DE PRODUÇÃO - EXPORTAÇÃO"),
                     ("INSCRIÇÃO ESTADUAL", "0860123456"), ("CNPJ", "12.345.678/0001-90")],
            width=63.3, size=7.5)  # fmt: skip
    s.text(10, 74, "DESTINATÁRIO / REMETENTE", size=7, bold=True)
    s.boxes(10, 78, [("NOME / RAZÃO SOCIAL", "Schuhhaus Keller GmbH"), ("CNPJ / CPF", ""),
                     ("DATA DA EMISSÃO", "05/03/2026")], width=63.3, size=8)  # fmt: skip
    s.boxes(10, 89, [("ENDEREÇO", "Marktstraße 14"), ("MUNICÍPIO", "Hannover"),
                     ("UF", "EX"), ("PAÍS", "ALEMANHA")], width=47.5, size=8)  # fmt: skip
    net = _sum(_BR_ITEMS, 4, 5)
    s.text(10, 103, "CÁLCULO DO IMPOSTO", size=7, bold=True)
    s.boxes(10, 107, [("BASE DE CÁLCULO DO ICMS", "0,00"), ("VALOR DO ICMS", "0,00"),
                      ("VALOR TOTAL DOS PRODUTOS", _de(net))], width=63.3, size=8,
            align="R")  # fmt: skip
    s.boxes(10, 118, [("VALOR DO FRETE", "0,00"), ("VALOR DO SEGURO", "0,00"),
                      ("VALOR TOTAL DA NOTA", _de(net))], width=63.3, size=8,
            align="R")  # fmt: skip
    s.text(10, 133, "DADOS DOS PRODUTOS / SERVIÇOS", size=7, bold=True)
    rows = [[code, text, ncm, "7101", unit, _de(_d(qty)).replace(",00", ",0000"),
             _de(_d(price)), _de(_round(_d(qty) * _d(price)))]
            for code, text, ncm, unit, qty, price in _BR_ITEMS]  # fmt: skip
    y = s.grid(
        138,
        [("CÓDIGO", 10, 14, "L"), ("DESCRIÇÃO DO PRODUTO / SERVIÇO", 25, 62, "L"),
         ("NCM/SH", 89, 16, "L"), ("CFOP", 106, 10, "L"), ("UN", 117, 8, "L"),
         ("QUANT.", 126, 20, "R"), ("VALOR UNIT.", 148, 20, "R"),
         ("VALOR TOTAL", 170, 30, "R")],
        rows, size=7,
    )  # fmt: skip
    s.text(10, y + 12, "DADOS ADICIONAIS", size=7, bold=True)
    s.lines(10, y + 16, ["INFORMAÇÕES COMPLEMENTARES: Valores expressos em R$ (reais). "
                         "Exportação direta - não incidência do ICMS.",
                         "RE/DU-E 26BR000345678-9. Incoterm FOB Rio Grande."], size=7,
            step=4)  # fmt: skip
    return s.output()


_BR_NET = _sum(_BR_ITEMS, 4, 5)
BR_DANFE_TRUTH = _truth(
    invoice_number="000.012.345", type_code="380", issue_date="2026-03-05", currency="BRL",
    seller_name="INDÚSTRIA DE CALÇADOS SERRA GAÚCHA LTDA", buyer_name="Schuhhaus Keller GmbH",
    buyer_country="DE", tax_exclusive_total=_plain(_BR_NET), tax_total="0.00",
    grand_total=_plain(_BR_NET), due_payable=_plain(_BR_NET),
    line_items=[_line(t, q, "PR", _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for _, t, _, _, q, p in _BR_ITEMS],
)  # fmt: skip


# -- UAE: a tax invoice, TRN, net / VAT / gross per line, totals repeated in Arabic-Indic digits -

_AE_ITEMS = [
    ("Basmati rice, 5 kg bag", "800", "BAG", "38.50"),
    ("Sunflower oil 1.8 L bottle", "1200", "PCS", "21.75"),
    ("Medjool dates, 1 kg box", "300", "BOX", "64.00"),
]
_ARABIC = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")


def ae_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Gulf Horizon Trading L.L.C.", size=14, bold=True)
    s.lines(15, 19, ["Office 1204, Al Moosa Tower 2, Sheikh Zayed Road",
                     "Dubai, United Arab Emirates", "TRN: 100234567800003"], size=8)  # fmt: skip
    s.text(140, 12, "TAX INVOICE", size=15, bold=True)
    s.text(15, 40, "Bill To:", size=8.5, bold=True)
    s.lines(15, 45, ["Al Noor Hypermarket LLC", "Al Khalidiya, Zayed the First Street",
                     "Abu Dhabi, United Arab Emirates", "TRN: 100987654300003"],
            size=8.5)  # fmt: skip
    s.pairs(120, 40, [("Invoice No.", "GHT/INV/26/0387"), ("Invoice Date", "05/03/2026"),
                      ("Due Date", "04/04/2026")], gap=26, step=5)  # fmt: skip
    s.text(175, 45, "٠٥/٠٣/٢٠٢٦", size=8)
    rows = []
    for index, (text, qty, unit, price) in enumerate(_AE_ITEMS, 1):
        amount = _round(_d(qty) * _d(price))
        vat = _round(amount * Decimal("0.05"))
        rows.append([str(index), text, qty, unit, _group(_d(price)), _group(amount),
                     _group(vat), _group(amount + vat)])  # fmt: skip
    y = s.grid(
        72,
        [("#", 15, 6, "L"), ("Description", 22, 48, "L"), ("Qty", 71, 10, "R"),
         ("Unit", 83, 10, "L"), ("Rate (AED)", 94, 19, "R"),
         ("Taxable Amount (AED)", 115, 34, "R"), ("VAT 5%", 151, 18, "R"),
         ("Total (AED)", 171, 25, "R")],
        rows, size=7.5,
    )  # fmt: skip
    net = _sum(_AE_ITEMS, 1, 3)
    tax = sum((_round(_round(_d(q) * _d(p)) * Decimal("0.05")) for _, q, _, p in _AE_ITEMS),
              Decimal(0))  # fmt: skip
    for index, (label, value) in enumerate(
        [
            ("Total Taxable Amount", net),
            ("Total VAT (5%)", tax),
            ("Total Amount Payable (AED)", net + tax),
        ]
    ):
        s.text(95, y + 6 + 5.5 * index, label, size=8.5, bold=True)
        s.text(140, y + 6 + 5.5 * index, _group(value), size=8.5, width=24, align="R")
        s.text(170, y + 6 + 5.5 * index, _group(value).translate(_ARABIC), size=8.5,
               width=26, align="R")  # fmt: skip
    s.text(15, y + 30, "Amount in words: UAE Dirhams Seventy-Nine Thousand Nine Hundred "
                       "Five only", size=7.5)  # fmt: skip
    return s.output()


_AE_NET = _sum(_AE_ITEMS, 1, 3)
_AE_TAX = sum((_round(_round(_d(q) * _d(p)) * Decimal("0.05")) for _, q, _, p in _AE_ITEMS),
              Decimal(0))  # fmt: skip
AE_TAX_INVOICE_TRUTH = _truth(
    invoice_number="GHT/INV/26/0387", type_code="380", issue_date="2026-03-05", currency="AED",
    seller_name="Gulf Horizon Trading L.L.C.", seller_vat_id="100234567800003",
    seller_country="AE", buyer_name="Al Noor Hypermarket LLC", buyer_country="AE",
    tax_exclusive_total=_plain(_AE_NET), tax_total=_plain(_AE_TAX),
    grand_total=_plain(_AE_NET + _AE_TAX), due_payable=_plain(_AE_NET + _AE_TAX),
    line_items=[_line(t, q, {"BAG": "XBG", "PCS": "H87", "BOX": "XBX"}[u], _price(_d(p)),
                      _plain(_round(_d(q) * _d(p)))) for t, q, u, p in _AE_ITEMS],
)  # fmt: skip


# -- India: an IGST invoice in Tally's shape: a net line, IGST and Round Off rows, a Total row,
# an HSN summary whose Total row starts with the net ------------------------------------------

_IN_ITEMS = [
    ("HDPE Granules HD50MA180", "3901", "5000", "kg", "118.35"),
    ("LLDPE Film Roll 40 micron", "3920", "1200", "kg", "164.20"),
    ("PP Woven Sacks 50x90 cm", "6305", "8000", "Nos", "9.75"),
]


def _in(value: Decimal) -> str:
    return _group(value, "in")


def in_tally_igst() -> bytes:
    s = Sheet2()
    s.text(15, 8, "Tax Invoice", size=12, bold=True, width=180, align="C")
    s.text(150, 8.5, "(ORIGINAL FOR RECIPIENT)", size=6.5)
    s.pdf.rect(15, 14, 95, 32)
    s.lines(17, 15.5, ["Narmada Polypack Industries Pvt. Ltd.", "Plot 44, GIDC Phase II, Vatva",
                       "Ahmedabad, Gujarat - 382445", "GSTIN/UIN: 24AAGCN4821K1Z3",
                       "State Name : Gujarat, Code : 24",
                       "E-Mail : accounts@narmadapolypack.in"], size=7.5, step=4.2)  # fmt: skip
    s.boxes(110, 14, [("Invoice No.", "NPI/25-26/1187"), ("Dated", "5-Mar-26")], width=42.5,
            height=10.5, size=8)  # fmt: skip
    s.boxes(110, 24.5, [("Delivery Note", ""), ("Mode/Terms of Payment", "30 Days")],
            width=42.5, height=10.5, size=8)  # fmt: skip
    s.boxes(110, 35, [("Buyer's Order No.", "KPI/PO/2291"), ("Dated", "27-Feb-26")],
            width=42.5, height=11, size=8)  # fmt: skip
    s.pdf.rect(15, 46, 95, 30)
    s.text(17, 47.5, "Buyer (Bill to)", size=7)
    s.lines(17, 52, ["Kaveri Packaging Industries", "No. 18, 2nd Cross, Peenya Industrial Area",
                     "Bengaluru, Karnataka - 560058", "GSTIN/UIN: 29AAKFK5678M1Z2",
                     "State Name : Karnataka, Code : 29"], size=7.5, step=4.2)  # fmt: skip
    s.pdf.rect(110, 46, 85, 30)
    s.boxes(110, 46, [("Dispatched through", "Road - VRL Logistics"),
                      ("Destination", "Bengaluru")], width=42.5, height=11,
            size=7.5)  # fmt: skip
    columns = [("Sl No.", 15, 10, "L"), ("Description of Goods", 26, 58, "L"),
               ("HSN/SAC", 86, 14, "L"), ("Quantity", 101, 22, "R"), ("Rate", 125, 18, "R"),
               ("per", 145, 10, "L"), ("Amount", 157, 38, "R")]  # fmt: skip
    rows = []
    for index, (text, hsn, qty, unit, price) in enumerate(_IN_ITEMS, 1):
        amount = _round(_d(qty) * _d(price))
        rows.append([str(index), text, hsn, f"{_group(_d(qty), places=0)} {unit}",
                     _in(_d(price)), unit, _in(amount)])  # fmt: skip
    net = _sum(_IN_ITEMS, 2, 4)
    tax = _round(net * Decimal("0.18"))
    gross = (net + tax).quantize(Decimal("1"))
    off = gross - (net + tax)
    rows.append(["", "", "", "", "", "", _in(net)])
    rows.append(["", "Output IGST @ 18%", "", "", "18", "%", _in(tax)])
    rows.append(
        ["", "Round Off", "", "", "", "", f"(-){abs(off):.2f}" if off < 0 else f"{off:.2f}"]
    )
    y = s.grid(80, columns, rows, size=7.5)
    s.pdf.line(15, y, 195, y)
    s.text(26, y + 1.5, "Total", size=8, bold=True)
    s.text(157, y + 1.5, "₹ " + _in(gross), size=8, bold=True, width=38, align="R")
    s.pdf.line(15, y + 6, 195, y + 6)
    s.text(15, y + 8, "Amount Chargeable (in words)", size=7)
    s.text(170, y + 8, "E. & O.E", size=7)
    s.text(15, y + 12, "INR Ten Lakh Twenty Two Thousand Eight Hundred Twelve Only", size=8,
           bold=True)  # fmt: skip
    hsn_rows = []
    for _, hsn, qty, _, price in _IN_ITEMS:
        amount = _round(_d(qty) * _d(price))
        vat = _round(amount * Decimal("0.18"))
        hsn_rows.append([hsn, _in(amount), "18%", _in(vat), _in(vat)])
    hsn_rows.append(["Total", _in(net), "", _in(tax), _in(tax)])
    s.grid(y + 20, [("HSN/SAC", 15, 40, "L"), ("Taxable Value", 60, 35, "R"),
                    ("IGST Rate", 100, 20, "R"), ("IGST Amount", 125, 32, "R"),
                    ("Total Tax Amount", 160, 35, "R")], hsn_rows, size=7.5,
           step=5)  # fmt: skip
    s.text(15, 280, "This is a Computer Generated Invoice", size=6.5, width=180, align="C")
    return s.output()


_IN_NET = _sum(_IN_ITEMS, 2, 4)
_IN_TAX = _round(_IN_NET * Decimal("0.18"))
_IN_GROSS = (_IN_NET + _IN_TAX).quantize(Decimal("1"))
IN_TALLY_IGST_TRUTH = _truth(
    invoice_number="NPI/25-26/1187", type_code="380", issue_date="2026-03-05", currency="INR",
    seller_name="Narmada Polypack Industries Pvt. Ltd.", seller_vat_id="24AAGCN4821K1Z3",
    buyer_name="Kaveri Packaging Industries",
    tax_exclusive_total=_plain(_IN_NET), tax_total=_plain(_IN_TAX),
    grand_total=_plain(_IN_GROSS), due_payable=_plain(_IN_GROSS),
    line_items=[_line(t, q, {"kg": "KGM", "Nos": "H87"}[u], _price(_d(p)),
                      _plain(_round(_d(q) * _d(p)))) for t, _, q, u, p in _IN_ITEMS],
)  # fmt: skip


# -- US: a commercial invoice, Subtotal before Freight and Insurance, "Total Invoice Amount: USD"
# in one run, the seller in "Atlanta, Georgia" with no ZIP code or country ---------------------

_US_ITEMS = [
    ("24", "EA", "Hydraulic gear pump, 20 GPM", "8413.60.0090", "845.00"),
    ("150", "EA", "Pressure relief valve 3000 PSI", "8481.40.0000", "62.40"),
    ("60", "BX", "Hose fittings assortment, 100 pcs/box", "7307.99.5045", "118.00"),
]
_US_FREIGHT, _US_INSURANCE = Decimal("1250.00"), Decimal("185.00")


def us_ci_freight() -> bytes:
    s = Sheet2()
    s.text(15, 10, "COMMERCIAL INVOICE", size=15, bold=True, width=180, align="C")
    s.text(15, 22, "SHIPPER / EXPORTER", size=7, bold=True)
    s.lines(15, 26, ["Peachtree Industrial Supply, Inc.", "1180 West Peachtree Street NW",
                     "Atlanta, Georgia", "Tel. (404) 555-0182"], size=8.5)  # fmt: skip
    s.text(15, 48, "SOLD TO", size=7, bold=True)
    s.lines(15, 52, ["Distribuidora Industrial del Norte S.A. de C.V.",
                     "Av. Constitución 2050 Pte.", "Monterrey, N.L. 64000", "Mexico"],
            size=8.5)  # fmt: skip
    s.pairs(120, 22, [("Invoice No.:", "PIS-26-0874"), ("Date:", "03/05/2026"),
                      ("Customer Ref.:", "DIN-PO-5521"), ("Terms of Sale:", "CIP Monterrey"),
                      ("Ship Via:", "Truck, Laredo TX")], gap=28, step=5)  # fmt: skip
    rows = []
    for qty, unit, text, code, price in _US_ITEMS:
        rows.append([qty, unit, text, code, "US", _group(_d(price)),
                     _group(_round(_d(qty) * _d(price)))])  # fmt: skip
    y = s.grid(
        78,
        [("Qty", 15, 10, "R"), ("Unit", 27, 10, "L"), ("Description", 38, 62, "L"),
         ("Schedule B", 101, 24, "L"), ("Origin", 126, 12, "L"),
         ("Unit Price", 140, 22, "R"), ("Extended Price", 164, 31, "R")],
        rows, size=8,
    )  # fmt: skip
    sub = _sum([(q, p) for q, _, _, _, p in _US_ITEMS], 0, 1)
    s.pairs(130, y + 6, [("Subtotal:", _group(sub)), ("Freight:", _group(_US_FREIGHT)),
                         ("Insurance:", _group(_US_INSURANCE))], gap=34, value_width=31,
            align="R")  # fmt: skip
    total = sub + _US_FREIGHT + _US_INSURANCE
    s.text(100, y + 24, f"Total Invoice Amount: USD {_group(total)}", size=10, bold=True,
           width=95, align="R")  # fmt: skip
    s.lines(15, y + 36, ["These commodities, technology, or software were exported from the "
                         "United States in accordance with the Export Administration Regulations.",
                         "Diversion contrary to U.S. law is prohibited.",
                         "I declare that all the information contained in this invoice is true "
                         "and correct."], size=7, step=4)  # fmt: skip
    return s.output()


_US_SUB = _sum([(q, p) for q, _, _, _, p in _US_ITEMS], 0, 1)
_US_TOTAL = _US_SUB + _US_FREIGHT + _US_INSURANCE
US_CI_FREIGHT_TRUTH = _truth(
    invoice_number="PIS-26-0874", type_code="380", issue_date="2026-03-05", currency="USD",
    seller_name="Peachtree Industrial Supply, Inc.",
    buyer_name="Distribuidora Industrial del Norte S.A. de C.V.", buyer_country="MX",
    grand_total=_plain(_US_TOTAL), due_payable=_plain(_US_TOTAL),
    line_items=[_line(t, q, {"EA": "H87", "BX": "XBX"}[u], _price(_d(p)),
                      _plain(_round(_d(q) * _d(p)))) for q, u, t, _, p in _US_ITEMS],
)  # fmt: skip


# -- Germany: a forwarder's freight invoice in two currencies, "Total in USD:" -------------------

_SH_RATE = Decimal("1.0850")
_SH_ITEMS = [
    ("Ocean freight 40' HC container Hamburg - New York", "2", "USD", "2150.00"),
    ("Terminal handling charge, origin", "2", "EUR", "265.00"),
    ("Bill of lading fee", "1", "EUR", "55.00"),
    ("Bunker adjustment factor", "2", "USD", "310.00"),
]


def _sh_usd(qty: str, curr: str, rate: str) -> Decimal:
    amount = _round(_d(qty) * _d(rate))
    return amount if curr == "USD" else _round(amount * _SH_RATE)


def shipping_two_currencies() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Nordsee Logistics Hamburg GmbH", size=14, bold=True)
    s.text(15, 19, "Am Sandtorkai 40 · 20457 Hamburg · Germany · VAT Reg. No.: DE301234567",
           size=7.5)  # fmt: skip
    s.text(140, 30, "FREIGHT INVOICE", size=13, bold=True)
    s.text(15, 32, "Bill To:", size=8.5, bold=True)
    s.lines(15, 37, ["Atlantic Home Imports LLC", "550 Meadowlands Pkwy", "Secaucus, NJ 07094",
                     "USA"], size=8.5)  # fmt: skip
    s.pairs(110, 40, [("Invoice No.:", "NLH-FI-2603-118"), ("Invoice Date:", "05-Mar-2026"),
                      ("B/L No.:", "NLHHAM260318"), ("Vessel/Voyage:", "MSC ARIA / 609W"),
                      ("Port of Loading:", "Hamburg"), ("Port of Discharge:", "New York")],
            gap=36, step=4.5)  # fmt: skip
    rows = []
    for text, qty, curr, rate in _SH_ITEMS:
        amount = _round(_d(qty) * _d(rate))
        ex = Decimal("1.0000") if curr == "USD" else _SH_RATE
        rows.append([text, qty, curr, _group(_d(rate)), _group(amount), f"{ex:.4f}",
                     _group(_sh_usd(qty, curr, rate))])  # fmt: skip
    y = s.grid(
        74,
        [("Description", 15, 70, "L"), ("Qty", 86, 8, "R"), ("Curr.", 96, 10, "L"),
         ("Rate", 107, 18, "R"), ("Amount", 126, 20, "R"), ("Ex. Rate", 147, 14, "R"),
         ("Amount (USD)", 163, 32, "R")],
        rows, size=7.5,
    )  # fmt: skip
    total = sum((_sh_usd(q, c, r) for _, q, c, r in _SH_ITEMS), Decimal(0))
    s.pdf.line(130, y + 2, 195, y + 2)
    s.text(130, y + 5, "Total in USD:", size=9, bold=True)
    s.text(163, y + 5, _group(total), size=9, bold=True, width=32, align="R")
    s.text(130, y + 11, f"Total in EUR (at {_SH_RATE}):", size=8)
    s.text(163, y + 11, _group(_round(total / _SH_RATE)), size=8, width=32, align="R")
    s.lines(15, y + 24, ["International transport: not subject to German VAT (§ 4 Nr. 3 UStG).",
                         "Payable within 14 days to Hamburger Sparkasse, "
                         "IBAN DE12 2005 0550 1234 5678 90 (USD account)."], size=7.5,
            step=4)  # fmt: skip
    return s.output()


_SH_TOTAL = sum((_sh_usd(q, c, r) for _, q, c, r in _SH_ITEMS), Decimal(0))
SHIPPING_TWO_CURRENCIES_TRUTH = _truth(
    invoice_number="NLH-FI-2603-118", type_code="380", issue_date="2026-03-05", currency="USD",
    seller_name="Nordsee Logistics Hamburg GmbH", seller_vat_id="DE301234567",
    seller_country="DE", buyer_name="Atlantic Home Imports LLC", buyer_country="US",
    grand_total=_plain(_SH_TOTAL), due_payable=_plain(_SH_TOTAL),
    line_items=[_line(t, q, None, _price(_d(r)), _plain(_sh_usd(q, c, r)))
                for t, q, c, r in _SH_ITEMS],
)  # fmt: skip


# -- Finland: a lasku with kpl, ALV 0 % (reverse charge), descriptions over two lines ----------

_FI_ITEMS = [
    ("PK-220", ("Koivuvaneri 18 mm,", "1220 x 2440 mm, BB/BB"), "60", "kpl", "48.90"),
    ("HL-45", ("Höylätty mäntylauta", "22 x 145 mm, pituus 4,2 m"), "300", "kpl", "7.35"),
    ("LS-10", ("Lattialista, tammi,", "2,4 m"), "120", "kpl", "6.80"),
]


def fi_lasku() -> bytes:
    s = Sheet2()
    s.lines(15, 17, ["Teollisuustie 12", "40320 Jyväskylä", "Suomi"], size=9)
    s.text(15, 12, "Pohjolan Puutuote Oy", size=11, bold=True)
    s.text(120, 12, "LASKU", size=15, bold=True)
    s.pairs(120, 22, [("Laskun numero", "24118"), ("Laskun päivämäärä", "5.3.2026"),
                      ("Eräpäivä", "19.3.2026"), ("Viitenumero", "241187")], gap=38,
            step=4.5)  # fmt: skip
    s.text(15, 38, "Laskutusosoite", size=7.5, bold=True)
    s.lines(15, 42, ["Nordic Cabin Interiors AB", "Storgatan 8", "903 26 Umeå", "Ruotsi"],
            size=9)  # fmt: skip
    s.text(15, 62, "Asiakkaan ALV-tunnus: SE556123456701", size=8)
    columns = [("Tuote", 15, 16, "L"), ("Kuvaus", 33, 48, "L"), ("Määrä", 83, 14, "R"),
               ("Yks.", 99, 10, "L"), ("À-hinta", 111, 20, "R"), ("ALV %", 133, 12, "R"),
               ("Yhteensä", 150, 30, "R")]  # fmt: skip
    for name, x, width, align in columns:
        s.text(x, 72, name, size=8.5, bold=True, width=width, align=align)
    s.pdf.line(15, 77, 180, 77)
    y = 80.0
    for code, (first, second), qty, unit, price in _FI_ITEMS:
        amount = _round(_d(qty) * _d(price))
        for (_, x, width, align), value in zip(
            columns, [code, first, qty, unit, _de(_d(price)), "0", _de(amount)], strict=True
        ):
            s.text(x, y, value, size=8.5, width=width, align=align)
        s.text(33, y + 4, second, size=8.5)
        y += 10
    net = _sum([(q, p) for _, _, q, _, p in _FI_ITEMS], 0, 1)
    s.pdf.line(15, y, 180, y)
    s.pairs(110, y + 4, [("Veroton yhteensä", _de(net)), ("ALV 0 %", "0,00"),
                         ("Laskun summa EUR", _de(net))], gap=40, value_width=30,
            align="R")  # fmt: skip
    s.text(15, y + 24, "ALV 0 %, käännetty verovelvollisuus (AVL 8 b §).", size=8)
    s.text(15, 280, "Pohjolan Puutuote Oy · Y-tunnus 2345678-9 · ALV-nro FI23456789 · "
                    "IBAN FI21 1234 5600 0007 85", size=7)  # fmt: skip
    return s.output()


_FI_NET = _sum([(q, p) for _, _, q, _, p in _FI_ITEMS], 0, 1)
FI_LASKU_TRUTH = _truth(
    invoice_number="24118", type_code="380", issue_date="2026-03-05", currency="EUR",
    seller_name="Pohjolan Puutuote Oy", seller_vat_id="FI23456789", seller_country="FI",
    buyer_name="Nordic Cabin Interiors AB", buyer_country="SE",
    tax_exclusive_total=_plain(_FI_NET), tax_total="0.00",
    grand_total=_plain(_FI_NET), due_payable=_plain(_FI_NET),
    line_items=[_line(f"{a} {b}", q, "H87", _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for _, (a, b), q, _, p in _FI_ITEMS],
)  # fmt: skip


# -- New Zealand: a consultancy's tax invoice, a two-column table, descriptions over 2-3 lines --

_NZ_ITEMS = [
    (
        (
            "Export documentation review for shipments to Japan and",
            "Korea, including certificate of origin checks",
            "(February 2026)",
        ),
        "4800.00",
    ),
    (
        ("Tariff classification advice: 14 dairy product lines,", "written opinion with HS codes"),
        "3150.00",
    ),
    (("Attendance at MPI export audit, Hamilton, 2 days",), "1900.00"),
]


def nz_two_column() -> bytes:
    s = Sheet2()
    s.text(15, 12, "TAX INVOICE", size=16, bold=True)
    s.lines(120, 12, ["Kauri Coast Consulting Limited", "Level 3, 18 Shortland Street",
                      "Auckland 1010", "New Zealand", "GST No. 123-456-789"], size=8.5)  # fmt: skip
    s.text(15, 30, "To:", size=8.5, bold=True)
    s.lines(15, 35, ["Southern Alps Dairy Co-operative Ltd", "45 Hunter Street", "Hamilton 3204",
                     "New Zealand"], size=8.5)  # fmt: skip
    s.pairs(120, 40, [("Invoice Number:", "KCC-0318"), ("Date:", "5 March 2026"),
                      ("Due:", "20 March 2026")], gap=33, step=5)  # fmt: skip
    s.text(15, 64, "Description", size=9, bold=True)
    s.text(150, 64, "Amount (NZD)", size=9, bold=True, width=45, align="R")
    s.pdf.line(15, 69, 195, 69)
    y = 72.0
    for lines, amount in _NZ_ITEMS:
        s.lines(15, y, list(lines), size=9, step=4.5)
        s.text(150, y, _group(_d(amount)), size=9, width=45, align="R")
        y += 4.5 * len(lines) + 3
    net = sum((_d(a) for _, a in _NZ_ITEMS), Decimal(0))
    tax = _round(net * Decimal("0.15"))
    s.pdf.line(120, y, 195, y)
    s.pairs(120, y + 3, [("Subtotal", _group(net)), ("GST 15%", _group(tax)),
                         ("Total NZD", _group(net + tax))], gap=30, value_width=45,
            align="R")  # fmt: skip
    s.text(15, y + 24, "Payment by direct credit to 12-3140-0123456-00 by the due date.",
           size=8)  # fmt: skip
    return s.output()


_NZ_NET = sum((_d(a) for _, a in _NZ_ITEMS), Decimal(0))
_NZ_TAX = _round(_NZ_NET * Decimal("0.15"))
NZ_TWO_COLUMN_TRUTH = _truth(
    invoice_number="KCC-0318", type_code="380", issue_date="2026-03-05", currency="NZD",
    seller_name="Kauri Coast Consulting Limited", seller_vat_id="123456789",
    seller_country="NZ", buyer_name="Southern Alps Dairy Co-operative Ltd", buyer_country="NZ",
    tax_exclusive_total=_plain(_NZ_NET), tax_total=_plain(_NZ_TAX),
    grand_total=_plain(_NZ_NET + _NZ_TAX), due_payable=_plain(_NZ_NET + _NZ_TAX),
    line_items=[{"description": " ".join(lines), "quantity": None, "unit_code": None,
                 "unit_price": None, "amount": _plain(_d(a))} for lines, a in _NZ_ITEMS],
)  # fmt: skip


# -- Pakistan: a typewritten exporter's invoice that exists only as a 110 dpi image -------------

_PK_ITEMS = [
    ("Football, hand stitched, size 5", "1200", "PCS", "6.40"),
    ("Goalkeeper gloves, latex palm", "480", "PRS", "9.85"),
    ("Shin guards with ankle sock", "600", "PRS", "3.20"),
]
LOWRES_DPI = 110


def _pk_page() -> bytes:
    s = Sheet2()
    folder = _font_dir()
    s.pdf.add_font("Mono", "", str(folder / "DejaVuSansMono.ttf"))
    s.pdf.add_font("Mono", "B", str(folder / "DejaVuSansMono-Bold.ttf"))
    s.family = "Mono"
    s.text(15, 12, "AL-KARAM SPORTS WORKS", size=14, bold=True)
    s.lines(15, 19, ["Small Industrial Estate, Ugoki Road", "Sialkot 51310, Pakistan",
                     "NTN: 1234567-8"], size=9)  # fmt: skip
    s.text(130, 12, "INVOICE", size=14, bold=True)
    s.lines(130, 20, ["Invoice No: ASW/0326/22", "Date: 05.03.2026"], size=9)
    s.text(15, 40, "Consignee:", size=9, bold=True)
    s.lines(15, 45, ["Sportgerate Berger GmbH", "Industriestrasse 5", "4020 Linz", "Austria"],
            size=9)  # fmt: skip
    rows = [
        [text, qty, unit, _group(_d(price)), _group(_round(_d(qty) * _d(price)))]
        for text, qty, unit, price in _PK_ITEMS
    ]
    y = s.grid(
        70,
        [("Description", 15, 75, "L"), ("Qty", 92, 16, "R"), ("Unit", 110, 12, "L"),
         ("Price US$", 124, 24, "R"), ("Amount US$", 150, 35, "R")],
        rows, size=9, step=7,
    )  # fmt: skip
    total = _sum(_PK_ITEMS, 1, 3)
    s.pdf.line(124, y + 1, 185, y + 1)
    s.text(100, y + 4, "GRAND TOTAL US$", size=10, bold=True)
    s.text(150, y + 4, _group(total), size=10, bold=True, width=35, align="R")
    s.lines(15, y + 18, ["Terms: FOB Karachi, payment CAD", "Country of origin: Pakistan"],
            size=9)  # fmt: skip
    return s.output()


def pk_lowres_image() -> bytes:
    """The typewritten page as a scan at 110 dpi inside an image-only PDF (no text layer)."""
    import numpy as np

    from clearlane.generate.documents import render_scan

    image = render_scan(_pk_page(), np.random.default_rng(zlib.crc32(b"pk-lowres")),
                        dpi=LOWRES_DPI, angles=(0.3, 1.0))  # fmt: skip
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=LOWRES_DPI)
    return out.getvalue()


_PK_TOTAL = _sum(_PK_ITEMS, 1, 3)
PK_LOWRES_IMAGE_TRUTH = _truth(
    invoice_number="ASW/0326/22", type_code="380", issue_date="2026-03-05", currency="USD",
    seller_name="AL-KARAM SPORTS WORKS", seller_country="PK",
    buyer_name="Sportgerate Berger GmbH", buyer_country="AT",
    grand_total=_plain(_PK_TOTAL), due_payable=_plain(_PK_TOTAL),
    line_items=[_line(t, q, {"PCS": "H87", "PRS": "PR"}[u], _price(_d(p)),
                      _plain(_round(_d(q) * _d(p)))) for t, q, u, p in _PK_ITEMS],
)  # fmt: skip


UNSEEN6: list[Layout] = [
    Layout("de-netto-ust-brutto", de_netto_ust_brutto, DE_NETTO_UST_BRUTTO_TRUTH),
    Layout("fr-ht-tva-ttc", fr_ht_tva_ttc, FR_HT_TVA_TTC_TRUTH),
    Layout("tr-e-fatura", tr_e_fatura, TR_E_FATURA_TRUTH),
    Layout("vn-vat-invoice", vn_vat_invoice, VN_VAT_INVOICE_TRUTH),
    Layout("br-danfe", br_danfe, BR_DANFE_TRUTH),
    Layout("ae-tax-invoice", ae_tax_invoice, AE_TAX_INVOICE_TRUTH),
    Layout("in-tally-igst", in_tally_igst, IN_TALLY_IGST_TRUTH),
    Layout("us-ci-freight", us_ci_freight, US_CI_FREIGHT_TRUTH),
    Layout("shipping-two-currencies", shipping_two_currencies, SHIPPING_TWO_CURRENCIES_TRUTH),
    Layout("fi-lasku", fi_lasku, FI_LASKU_TRUTH),
    Layout("nz-two-column", nz_two_column, NZ_TWO_COLUMN_TRUTH),
    Layout("pk-lowres-image", pk_lowres_image, PK_LOWRES_IMAGE_TRUTH),
]


def write_unseen6(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    paths = {}
    for layout in UNSEEN6:
        path = folder / f"{layout.name}.pdf"
        path.write_bytes(layout.draw())
        paths[layout.name] = path
    return paths
