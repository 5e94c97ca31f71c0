"""A twenty-third batch of hand-written invoices (session 25, invoices21), written before the
reader's code was read this session: twelve layouts out of sample, in languages none of batches
1-22 has and three English layouts of a kind the batches have little of, scored once as written
(docs/documents.md, "session 25, 6 December: batch 23").

An Uzbek ``HISOBVARAQ-FAKTURA`` in Latin script (STIR, QQS 12 %, ``2026 yil 12 may``, so'm with
a space between thousands); a Bosnian ``FAKTURA`` (ID broj and PDV broj, PDV 17 %, ``KM`` after
the number, dates ``15.04.2026.``); a Maltese ``FATTURA TAT-TAXXA`` (``Numru tal-VAT``, VAT 18 %,
``12 ta' Marzu 2026``, ``€`` before the number); a Tanzanian Swahili ``ANKARA YA KODI`` (TIN and
VRN, VAT 18 %, ``Jumla`` totals, TSh); a Filipino ``PAKTURA NG BENTA`` (TIN with a branch code,
VAT 12 %, ``Hunyo 5, 2026``, ``₱``); a Belarusian ``РАХУНАК-ФАКТУРА`` (УНП, ПДВ 20 %, ``15
студзеня 2026 г.``, ``бел. руб.``); a Kyrgyz ``ЭСЕП-ФАКТУРА`` (ИНН of 14 digits, КНС 12 %,
``2026-жылдын 20-апрели``, сом); a Catalan ``FACTURA`` (NIF, ``Base imposable``, ``Quota IVA``,
``3 de febrer de 2026``); a Welsh ``ANFONEB`` (``Rhif TAW``, ``Cyfanswm``, ``9 Medi 2026``, £);
and in English: a ``CREDIT NOTE`` (type 381) that quotes the invoice it credits (its number and
date beside the note's own), the totals positive under ``Total credit``; an invoice whose
lines fill page 1 with the subtotal at its foot and whose tax and total stand alone on page 2;
an invoice whose line items are small cards, each value under its own caption (``Qty``,
``Unit price``, ``Amount``) repeated on every item, no column header row.

Ground truth as in the earlier batches (layouts_batch22.py's docstring): what a customs officer
reads on the page. Choices made before any reading: the seller's tax id without spaces or
punctuation and without a country prefix the page does not print: Uzbekistan's STIR,
Bosnia's PDV broj (not the ID broj), Malta's ``MT`` VAT number, Tanzania's VRN (not the TIN),
the Philippines' TIN with its branch code, Belarus's УНП, Kyrgyzstan's ИНН, Catalonia's NIF,
the UK VAT number with ``GB``; a currency is held where the page names it in words or a sign
(UZS: so'm, BAM: KM, EUR: €, TZS: TSh, PHP: ₱, BYN: бел. руб., KGS: сом, GBP: £, USD: $); a
credit note's number is the note's own (not the credited invoice's) and its totals positive
as printed; the Filipino page's line amounts include VAT, as printed (its total before VAT is
printed apart); a page with no tax id of the seller (the American one prints an EIN, not a
sales-tax registration) has none; units as UN/ECE codes (kom, biċċa, piraso, даана, u., uned,
pcs: H87; kg, кг: KGM; м: MTR; m2: MTK; m3: MTQ; gunia, sako: XSA,
session 33; h, soat: HUR).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _sp, _totals
from tests.documents.layouts_batch20 import UnitItem, _de, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _round


def _rows(items: list[UnitItem], money, numbered: bool = True) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Table rows: (number,) description, unit, quantity, unit price, amount."""
    rows = []
    for n, ((t, q, u, p), a) in enumerate(zip(items, _unit_amounts(items), strict=True), 1):
        row = [t, u, q, money(_d(p)), money(a)]
        rows.append([str(n), *row] if numbered else row)
    return rows


# -- Uzbekistan: 'HISOBVARAQ-FAKTURA' in Latin script, STIR, QQS 12 %, so'm ------------------------

_UZ_ITEMS: list[UnitItem] = [("Paxta kalava Ne 30/1, tarandalangan", "2400", "kg", "41500.00"),
                             ("Paxta kalava Ne 20/1", "1800", "kg", "38200.00"),
                             ("Qadoqlash xizmati", "16", "soat", "95000.00")]  # fmt: skip
_UZ_NET = _unit_sum(_UZ_ITEMS)
_UZ_TAX = _round(_UZ_NET * Decimal("0.12"))


def uz_hisobvaraq() -> bytes:
    s = Sheet2()
    s.text(55, 10, "HISOBVARAQ-FAKTURA № 145", size=13, bold=True)
    s.text(75, 18, "2026 yil 12 may", size=9)
    s.text(75, 23, "Shartnoma № 17-26, 2026 yil 5 yanvar", size=7.5)
    s.pairs(15, 32, [("Yetkazib beruvchi:", "\"Farg'ona To'qimachilik\" MChJ"),
                     ("Manzil:", "Farg'ona sh., Al-Farg'oniy ko'chasi 24, O'zbekiston"),
                     ("STIR:", "305123456"),
                     ("Xaridor:", "\"Buxoro Tekstil\" AJ"),
                     ("Manzil:", "Buxoro sh., Navoiy shoh ko'chasi 9, O'zbekiston"),
                     ("STIR:", "207654321")], gap=34, step=4.6)  # fmt: skip
    rows = _rows(_UZ_ITEMS, _sp)
    y = _table(s, 66, [("№", 15, 7, "L"), ("Tovar (xizmat) nomi", 23, 66, "L"),
                       ("O'lchov\nbirligi", 91, 14, "L"), ("Miqdori", 107, 14, "R"),
                       ("Narxi", 123, 28, "R"), ("Yetkazib berish\nqiymati", 153, 42, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Jami (QQSsiz):", _sp(_UZ_NET)),
                                    ("QQS 12%:", _sp(_UZ_TAX)),
                                    ("QQS bilan jami, so'm:", _sp(_UZ_NET + _UZ_TAX))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Rahbar: ____________   Bosh hisobchi: ____________", size=7.5)
    return s.output()


UZ_HISOBVARAQ_TRUTH = _truth(
    invoice_number="145", type_code="380", issue_date="2026-05-12", currency="UZS",
    seller_name="\"Farg'ona To'qimachilik\" MChJ", seller_vat_id="305123456",
    seller_country="UZ", buyer_name="\"Buxoro Tekstil\" AJ", buyer_country="UZ",
    tax_exclusive_total=_plain(_UZ_NET), tax_total=_plain(_UZ_TAX),
    grand_total=_plain(_UZ_NET + _UZ_TAX), due_payable=_plain(_UZ_NET + _UZ_TAX),
    line_items=_unit_lines(_UZ_ITEMS, {"kg": "KGM", "soat": "HUR"}),
)  # fmt: skip


# -- Bosnia and Herzegovina: 'FAKTURA broj', ID broj and PDV broj, PDV 17 %, KM after ------------

_BA_ITEMS: list[UnitItem] = [("Bukova građa, okrajčena, 50 mm", "24", "m3", "610.00"),
                             ("Hrastov parket, lamela 10x70x490", "380", "m2", "42.50"),
                             ("Ljepilo za parket, kanta 16 kg", "30", "kom", "74.90")]  # fmt: skip
_BA_NET = _unit_sum(_BA_ITEMS)
_BA_TAX = _round(_BA_NET * Decimal("0.17"))


def ba_faktura() -> bytes:
    s = Sheet2("Serif")
    _block(s, 15, 10, ["Drvoprerada Konjic d.o.o.", "Varda bb, 88400 Konjic",
                       "Bosna i Hercegovina", "ID broj: 4227654320004",
                       "PDV broj: 227654320004"], size=8, bold_first=True)  # fmt: skip
    s.text(130, 10, "FAKTURA broj 112/26", size=12, bold=True)
    s.pairs(130, 19, [("Datum fakture:", "15.04.2026."), ("Datum isporuke:", "14.04.2026."),
                      ("Valuta plaćanja:", "15.05.2026.")], gap=28, step=4.6)  # fmt: skip
    s.text(15, 36, "Kupac:", size=9, bold=True)
    _block(s, 15, 41, ["Enterijer Plus d.o.o.", "Zmaja od Bosne 7, 71000 Sarajevo",
                       "Bosna i Hercegovina", "PDV broj: 200987650009"], size=8)  # fmt: skip
    rows = _rows(_BA_ITEMS, _de)
    y = _table(s, 64, [("R.br.", 15, 9, "L"), ("Naziv robe", 25, 70, "L"), ("JM", 97, 10, "L"),
                       ("Količina", 109, 16, "R"), ("Cijena KM", 127, 28, "R"),
                       ("Iznos KM", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Ukupno bez PDV-a:", f"{_de(_BA_NET)} KM"),
                                     ("PDV 17%:", f"{_de(_BA_TAX)} KM"),
                                     ("Ukupno za naplatu:", f"{_de(_BA_NET + _BA_TAX)} KM")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Transakcijski račun: 1610000012345678, Raiffeisen Bank d.d. BiH",
           size=7.5)  # fmt: skip
    return s.output()


BA_FAKTURA_TRUTH = _truth(
    invoice_number="112/26", type_code="380", issue_date="2026-04-15", currency="BAM",
    seller_name="Drvoprerada Konjic d.o.o.", seller_vat_id="227654320004", seller_country="BA",
    buyer_name="Enterijer Plus d.o.o.", buyer_country="BA", tax_exclusive_total=_plain(_BA_NET),
    tax_total=_plain(_BA_TAX), grand_total=_plain(_BA_NET + _BA_TAX),
    due_payable=_plain(_BA_NET + _BA_TAX),
    line_items=_unit_lines(_BA_ITEMS, {"m3": "MTQ", "m2": "MTK", "kom": "H87"}),
)  # fmt: skip


# -- Malta: 'FATTURA TAT-TAXXA', Numru tal-VAT, VAT 18 %, "12 ta' Marzu 2026", € before --------

_MT_ITEMS: list[UnitItem] = [("Ħobż Malti, ħelu, 700 g", "900", "biċċa", "1.35"),
                             ("Ftira Għawdxija", "400", "biċċa", "2.80"),
                             ("Ġbejniet moxxi, pakkett ta' 3", "250", "biċċa", "4.60")]  # fmt: skip
_MT_NET = _unit_sum(_MT_ITEMS)
_MT_TAX = _round(_MT_NET * Decimal("0.18"))


def _eur(value: Decimal) -> str:
    return f"€{_group(value)}"


def mt_fattura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Forn tal-Qormi Ltd", size=12, bold=True)
    _block(s, 15, 17, ["14, Triq il-Forn, Qormi QRM 2310, Malta",
                       "Numru tal-VAT: MT 1234 5678"], size=7.5)  # fmt: skip
    s.text(130, 10, "FATTURA TAT-TAXXA", size=12, bold=True)
    s.pairs(130, 19, [("Numru tal-fattura:", "FQ-2026-0311"), ("Data:", "12 ta' Marzu 2026")],
            gap=30, step=4.6)  # fmt: skip
    s.text(15, 34, "Lil:", size=9, bold=True)
    _block(s, 15, 39, ["Kafeterija tal-Port Ltd", "Xatt il-Mistra, Marsa MRS 1520, Malta",
                       "Numru tal-VAT: MT 8765 4321"], size=8)  # fmt: skip
    rows = _rows(_MT_ITEMS, _eur, numbered=False)
    y = _table(s, 58, [("Deskrizzjoni", 15, 80, "L"), ("Unità", 97, 14, "L"),
                       ("Kwantità", 113, 16, "R"), ("Prezz", 131, 24, "R"),
                       ("Ammont", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("Total mingħajr VAT", _eur(_MT_NET)),
                                     ("VAT 18%", _eur(_MT_TAX)),
                                     ("Total dovut", _eur(_MT_NET + _MT_TAX))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Ħlas fi żmien 30 jum. IBAN MT84 MALT 0110 0001 2345 MTLC AST0 01S",
           size=7.5)  # fmt: skip
    return s.output()


MT_FATTURA_TRUTH = _truth(
    invoice_number="FQ-2026-0311", type_code="380", issue_date="2026-03-12", currency="EUR",
    seller_name="Forn tal-Qormi Ltd", seller_vat_id="MT12345678", seller_country="MT",
    buyer_name="Kafeterija tal-Port Ltd", buyer_country="MT",
    tax_exclusive_total=_plain(_MT_NET), tax_total=_plain(_MT_TAX),
    grand_total=_plain(_MT_NET + _MT_TAX), due_payable=_plain(_MT_NET + _MT_TAX),
    line_items=_unit_lines(_MT_ITEMS, {"biċċa": "H87"}),
)  # fmt: skip


# -- Tanzania (Swahili): 'ANKARA YA KODI', TIN and VRN, VAT 18 %, 'Jumla', TSh -----------------

_TZ_ITEMS: list[UnitItem] = [("Kahawa ya Arabica, daraja AA, gunia 60 kg", "40", "gunia",
                              "612000.00"),
                             ("Chai nyeusi, BP1, kilo", "1500", "kg", "6800.00")]  # fmt: skip
_TZ_NET = _unit_sum(_TZ_ITEMS)
_TZ_TAX = _round(_TZ_NET * Decimal("0.18"))


def tz_ankara() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "KILIMANJARO AGRO TRADERS LTD", size=12, bold=True)
    _block(s, 15, 17, ["S.L.P. 3021, Moshi, Tanzania", "TIN: 104-567-231   VRN: 40-012345-A"],
           size=7.5)  # fmt: skip
    s.text(140, 10, "ANKARA YA KODI", size=12, bold=True)
    s.pairs(140, 19, [("Namba ya ankara:", "KAT/0927"), ("Tarehe:", "14/07/2026")], gap=26,
            step=4.6)  # fmt: skip
    s.pairs(15, 32, [("Mnunuzi:", "Dar Beverage Company Ltd"),
                     ("Anwani:", "Barabara ya Nyerere, Dar es Salaam, Tanzania"),
                     ("TIN ya mnunuzi:", "109-876-543")], gap=28, step=4.6)  # fmt: skip
    rows = _rows(_TZ_ITEMS, _group)
    y = _table(s, 52, [("Na.", 15, 8, "L"), ("Maelezo ya bidhaa", 25, 70, "L"),
                       ("Kipimo", 97, 14, "L"), ("Idadi", 113, 14, "R"),
                       ("Bei ya kipimo", 129, 28, "R"), ("Jumla (TSh)", 159, 36, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Jumla kabla ya VAT:", _group(_TZ_NET)),
                                    ("VAT 18%:", _group(_TZ_TAX)),
                                    ("Jumla kuu (TSh):", _group(_TZ_NET + _TZ_TAX))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Malipo: Benki ya CRDB, akaunti 0150123456700. Asante kwa biashara yako.",
           size=7.5)  # fmt: skip
    return s.output()


TZ_ANKARA_TRUTH = _truth(
    invoice_number="KAT/0927", type_code="380", issue_date="2026-07-14", currency="TZS",
    seller_name="KILIMANJARO AGRO TRADERS LTD", seller_vat_id="40012345A", seller_country="TZ",
    buyer_name="Dar Beverage Company Ltd", buyer_country="TZ",
    tax_exclusive_total=_plain(_TZ_NET), tax_total=_plain(_TZ_TAX),
    grand_total=_plain(_TZ_NET + _TZ_TAX), due_payable=_plain(_TZ_NET + _TZ_TAX),
    line_items=_unit_lines(_TZ_ITEMS, {"gunia": "XSA", "kg": "KGM"}),
)  # fmt: skip


# -- Philippines (Filipino): 'PAKTURA NG BENTA', TIN with branch code, VAT 12 %, ₱ --------------

_PH_ITEMS: list[UnitItem] = [("Bigas, dinorado, sako 25 kg", "200", "sako", "1450.00"),
                             ("Asukal na pula, 1 kg", "600", "piraso", "72.00"),
                             ("Mantika, bote 1 l", "300", "piraso", "98.50")]  # fmt: skip
_PH_GROSS = _unit_sum(_PH_ITEMS)
_PH_NET = _round(_PH_GROSS / Decimal("1.12"))
_PH_TAX = _PH_GROSS - _PH_NET


def _peso(value: Decimal) -> str:
    return f"₱{_group(value)}"


def ph_paktura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Tindahang Bayanihan Trading Corp.", size=12, bold=True)
    _block(s, 15, 17, ["123 Rizal Avenue, Santa Cruz, Maynila, Pilipinas",
                       "VAT Reg. TIN: 123-456-789-00000"], size=7.5)  # fmt: skip
    s.text(130, 10, "PAKTURA NG BENTA", size=12, bold=True)
    s.pairs(130, 19, [("Blg.:", "TB-004518"), ("Petsa:", "Hunyo 5, 2026")], gap=16,
            step=4.6)  # fmt: skip
    s.pairs(15, 32, [("Ipinagbili kay:", "Sari-Sari ni Aling Nena Inc."),
                     ("TIN:", "987-654-321-00000"),
                     ("Tirahan:", "45 Mabini St., Lungsod ng Batangas, Pilipinas")], gap=28,
            step=4.6)  # fmt: skip
    rows = _rows(_PH_ITEMS, _peso, numbered=False)
    y = _table(s, 52, [("Paglalarawan", 15, 78, "L"), ("Yunit", 95, 14, "L"),
                       ("Dami", 111, 14, "R"), ("Presyo bawat isa", 127, 30, "R"),
                       ("Halaga", 159, 36, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Kabuuang benta (kasama ang VAT):", _peso(_PH_GROSS)),
                                     ("Bawas: VAT 12%:", _peso(_PH_TAX)),
                                     ("Halaga bago ang VAT:", _peso(_PH_NET)),
                                     ("KABUUANG DAPAT BAYARAN:", _peso(_PH_GROSS))],
                width=40, size=8)  # fmt: skip
    return s.output()


PH_PAKTURA_TRUTH = _truth(
    invoice_number="TB-004518", type_code="380", issue_date="2026-06-05", currency="PHP",
    seller_name="Tindahang Bayanihan Trading Corp.", seller_vat_id="12345678900000",
    seller_country="PH", buyer_name="Sari-Sari ni Aling Nena Inc.", buyer_country="PH",
    tax_exclusive_total=_plain(_PH_NET), tax_total=_plain(_PH_TAX),
    grand_total=_plain(_PH_GROSS), due_payable=_plain(_PH_GROSS),
    line_items=_unit_lines(_PH_ITEMS, {"sako": "XSA", "piraso": "H87"}),
)  # fmt: skip


# -- Belarus: 'РАХУНАК-ФАКТУРА', УНП, ПДВ 20 %, '15 студзеня 2026 г.', бел. руб. ------------------

_BY_ITEMS: list[UnitItem] = [("Лён трапаны, № 12", "8000", "кг", "6.40"),
                             ("Тканіна льняная, 150 см", "2500", "м", "18.75")]  # fmt: skip
_BY_NET = _unit_sum(_BY_ITEMS)
_BY_TAX = _round(_BY_NET * Decimal("0.20"))


def by_rakhunak() -> bytes:
    s = Sheet2()
    s.text(50, 10, "РАХУНАК-ФАКТУРА № 0457", size=13, bold=True)
    s.text(75, 18, "ад 15 студзеня 2026 г.", size=9)
    s.pairs(15, 28, [("Пастаўшчык:", "ААТ «Аршанскі льнокамбінат»"), ("УНП:", "300123456"),
                     ("Адрас:", "г. Орша, вул. Ленінская 160, Беларусь"),
                     ("Пакупнік:", "ТАА «Гродна Тэкстыль»"), ("УНП:", "500654321"),
                     ("Адрас:", "г. Гродна, вул. Савецкая 31, Беларусь"),
                     ("Валюта:", "бел. руб.")], gap=26, step=4.6)  # fmt: skip
    rows = _rows(_BY_ITEMS, _sp)
    y = _table(s, 66, [("№", 15, 7, "L"), ("Найменне тавару", 23, 66, "L"),
                       ("Адз.\nвым.", 91, 12, "L"), ("Колькасць", 105, 18, "R"),
                       ("Цана", 125, 24, "R"), ("Кошт без\nПДВ", 151, 44, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Разам без ПДВ:", _sp(_BY_NET)),
                                     ("ПДВ 20%:", _sp(_BY_TAX)),
                                     ("Усяго з ПДВ:", _sp(_BY_NET + _BY_TAX))],
                width=40, size=8.5)  # fmt: skip
    return s.output()


BY_RAKHUNAK_TRUTH = _truth(
    invoice_number="0457", type_code="380", issue_date="2026-01-15", currency="BYN",
    seller_name="ААТ «Аршанскі льнокамбінат»", seller_vat_id="300123456", seller_country="BY",
    buyer_name="ТАА «Гродна Тэкстыль»", buyer_country="BY", tax_exclusive_total=_plain(_BY_NET),
    tax_total=_plain(_BY_TAX), grand_total=_plain(_BY_NET + _BY_TAX),
    due_payable=_plain(_BY_NET + _BY_TAX),
    line_items=_unit_lines(_BY_ITEMS, {"кг": "KGM", "м": "MTR"}),
)  # fmt: skip


# -- Kyrgyzstan: 'ЭСЕП-ФАКТУРА', ИНН of 14 digits, КНС 12 %, '2026-жылдын 20-апрели', сом -------

_KG_ITEMS: list[UnitItem] = [("Мөмө-жемиш ширеси, 1 л", "1200", "даана", "86.00"),
                             ("Бал, тоо балы, 500 г", "300", "даана", "540.00")]  # fmt: skip
_KG_NET = _unit_sum(_KG_ITEMS)
_KG_TAX = _round(_KG_NET * Decimal("0.12"))


def kg_esep() -> bytes:
    s = Sheet2()
    s.text(55, 10, "ЭСЕП-ФАКТУРА № 2026-118", size=13, bold=True)
    s.text(72, 18, "2026-жылдын 20-апрели", size=9)
    s.pairs(15, 28, [("Сатуучу:", "«Ала-Тоо Азык» ЖЧК"), ("ИНН:", "02104201910123"),
                     ("Дареги:", "Бишкек ш., Чүй пр. 120, Кыргызстан"),
                     ("Сатып алуучу:", "«Ысык-Көл Маркет» ЖЧК"), ("ИНН:", "01507201810456"),
                     ("Дареги:", "Каракол ш., Токтогул к. 55, Кыргызстан")], gap=30,
            step=4.6)  # fmt: skip
    rows = _rows(_KG_ITEMS, _sp)
    y = _table(s, 62, [("№", 15, 7, "L"), ("Товардын аталышы", 23, 66, "L"),
                       ("Өлчөө\nбирдиги", 91, 14, "L"), ("Саны", 107, 14, "R"),
                       ("Баасы", 123, 26, "R"), ("Суммасы", 151, 44, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("КНСсыз жыйынтыгы:", _sp(_KG_NET)),
                                     ("КНС 12%:", _sp(_KG_TAX)),
                                     ("Төлөөгө жыйынтыгы, сом:", _sp(_KG_NET + _KG_TAX))],
                width=40, size=8.5)  # fmt: skip
    return s.output()


KG_ESEP_TRUTH = _truth(
    invoice_number="2026-118", type_code="380", issue_date="2026-04-20", currency="KGS",
    seller_name="«Ала-Тоо Азык» ЖЧК", seller_vat_id="02104201910123", seller_country="KG",
    buyer_name="«Ысык-Көл Маркет» ЖЧК", buyer_country="KG", tax_exclusive_total=_plain(_KG_NET),
    tax_total=_plain(_KG_TAX), grand_total=_plain(_KG_NET + _KG_TAX),
    due_payable=_plain(_KG_NET + _KG_TAX),
    line_items=_unit_lines(_KG_ITEMS, {"даана": "H87"}),
)  # fmt: skip


# -- Catalonia: 'FACTURA' in Catalan, NIF, 'Base imposable', 'Quota IVA', '3 de febrer de 2026' -

_CA_ITEMS: list[UnitItem] = [("Cava brut nature reserva, ampolla 0,75 l", "600", "u.", "7.85"),
                             ("Oli d'oliva verge extra arbequina, 5 l", "80", "u.", "38.40"),
                             ("Transport refrigerat", "6", "h", "55.00")]  # fmt: skip
_CA_NET = _unit_sum(_CA_ITEMS)
_CA_TAX = _round(_CA_NET * Decimal("0.21"))


def ca_factura() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Celler del Penedès, S.L.", size=12, bold=True)
    _block(s, 15, 17, ["Carrer Major 12, 08720 Vilafranca del Penedès (Barcelona)",
                       "NIF: B65123456"], size=7.5)  # fmt: skip
    s.text(150, 10, "FACTURA", size=14, bold=True)
    s.pairs(130, 19, [("Número:", "2026/0087"), ("Data:", "3 de febrer de 2026"),
                      ("Venciment:", "5 de març de 2026")], gap=20, step=4.6)  # fmt: skip
    s.text(15, 34, "Client", size=9, bold=True)
    _block(s, 15, 39, ["Restaurant La Barceloneta, S.L.", "Passeig Joan de Borbó 40",
                       "08003 Barcelona", "NIF: B08765432"], size=8)  # fmt: skip
    rows = _rows(_CA_ITEMS, _de, numbered=False)
    y = _table(s, 62, [("Concepte", 15, 80, "L"), ("Unitat", 97, 12, "L"),
                       ("Quantitat", 111, 18, "R"), ("Preu", 131, 24, "R"),
                       ("Import", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 155, y + 3, [("Base imposable", f"{_de(_CA_NET)} €"),
                                     ("Quota IVA 21%", f"{_de(_CA_TAX)} €"),
                                     ("Total factura", f"{_de(_CA_NET + _CA_TAX)} €")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Forma de pagament: transferència a ES12 2100 0000 1234 5678 9012",
           size=7.5)  # fmt: skip
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
CA_FACTURA_TRUTH = _truth(
    invoice_number="2026/0087", type_code="380", issue_date="2026-02-03", currency="EUR",
    seller_name="Celler del Penedès, S.L.", seller_vat_id="B65123456", seller_country=None,
    buyer_name="Restaurant La Barceloneta, S.L.", buyer_country=None,
    tax_exclusive_total=_plain(_CA_NET), tax_total=_plain(_CA_TAX),
    grand_total=_plain(_CA_NET + _CA_TAX), due_payable=_plain(_CA_NET + _CA_TAX),
    line_items=_unit_lines(_CA_ITEMS, {"u.": "H87", "h": "HUR"}),
)  # fmt: skip


# -- Wales: 'ANFONEB' in Welsh, Rhif TAW, 'Cyfanswm', '9 Medi 2026', £ ---------------------------

_CY_ITEMS: list[UnitItem] = [
    ("Gwlân Cymreig, edafedd 4 cainc, 100 g", "500", "uned", "6.20"),
    ("Blanced wlân, patrwm caernarfon", "40", "uned", "145.00"),
]
_CY_NET = _unit_sum(_CY_ITEMS)
_CY_TAX = _round(_CY_NET * Decimal("0.20"))


def _gbp(value: Decimal) -> str:
    return f"£{_group(value)}"


def cy_anfoneb() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Melin Wlân Teifi Cyf", size=12, bold=True)
    _block(s, 15, 17, ["Drefach Felindre, Llandysul SA44 5UP, Cymru",
                       "Rhif TAW: GB 287 6543 21"], size=7.5)  # fmt: skip
    s.text(150, 10, "ANFONEB", size=14, bold=True)
    s.pairs(130, 19, [("Rhif anfoneb:", "MWT-1190"), ("Dyddiad:", "9 Medi 2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 32, "At:", size=9, bold=True)
    _block(s, 15, 37, ["Siop Grefftau'r Fenai Cyf", "Stryd Fawr 22, Porthaethwy LL59 5EE",
                       "Cymru"], size=8)  # fmt: skip
    rows = _rows(_CY_ITEMS, _gbp, numbered=False)
    y = _table(s, 56, [("Disgrifiad", 15, 80, "L"), ("Uned", 97, 12, "L"),
                       ("Nifer", 111, 16, "R"), ("Pris yr uned", 129, 26, "R"),
                       ("Swm", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 155, y + 3, [("Is-gyfanswm", _gbp(_CY_NET)),
                                     ("TAW 20%", _gbp(_CY_TAX)),
                                     ("Cyfanswm i'w dalu", _gbp(_CY_NET + _CY_TAX))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Telerau: 30 diwrnod. Diolch am eich busnes.", size=7.5)
    return s.output()


CY_ANFONEB_TRUTH = _truth(
    invoice_number="MWT-1190", type_code="380", issue_date="2026-09-09", currency="GBP",
    seller_name="Melin Wlân Teifi Cyf", seller_vat_id="GB287654321", seller_country="GB",
    buyer_name="Siop Grefftau'r Fenai Cyf", buyer_country="GB",
    tax_exclusive_total=_plain(_CY_NET), tax_total=_plain(_CY_TAX),
    grand_total=_plain(_CY_NET + _CY_TAX), due_payable=_plain(_CY_NET + _CY_TAX),
    line_items=_unit_lines(_CY_ITEMS, {"uned": "H87"}),
)  # fmt: skip


# -- English: a CREDIT NOTE quoting the invoice it credits, totals positive ----------------------

_CN_ITEMS: list[UnitItem] = [("Returned: LED panel 600x600, 40 W, cracked diffuser", "24", "pcs",
                              "38.50"),
                             ("Price adjustment: emergency exit sign, per agreement", "60",
                              "pcs", "4.25")]  # fmt: skip
_CN_NET = _unit_sum(_CN_ITEMS)
_CN_TAX = _round(_CN_NET * Decimal("0.20"))


def en_credit_note() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Northlight Electrical Wholesale Ltd", size=12, bold=True)
    _block(s, 15, 17, ["Unit 7, Riverside Trading Estate, Leeds LS10 1AB, United Kingdom",
                       "VAT Reg. No. GB 345 6789 12"], size=7.5)  # fmt: skip
    s.text(140, 10, "CREDIT NOTE", size=14, bold=True)
    s.pairs(125, 19, [("Credit Note No.:", "CN-00318"), ("Date:", "21 Oct 2026"),
                      ("Against Invoice No.:", "INV-10452"),
                      ("Invoice Date:", "02 Oct 2026")], gap=32, step=4.6)  # fmt: skip
    s.text(15, 34, "Credit to:", size=9, bold=True)
    _block(s, 15, 39, ["Harrogate Building Services Ltd", "14 Station Parade",
                       "Harrogate HG1 1UF", "United Kingdom"], size=8)  # fmt: skip
    rows = _rows(_CN_ITEMS, _group, numbered=False)
    y = _table(s, 62, [("Description", 15, 84, "L"), ("Unit", 101, 10, "L"),
                       ("Qty", 113, 12, "R"), ("Unit Price", 127, 26, "R"),
                       ("Net Amount", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 155, y + 3, [("Net credit", _group(_CN_NET)),
                                     ("VAT @ 20%", _group(_CN_TAX)),
                                     ("Total credit GBP", _group(_CN_NET + _CN_TAX))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "This amount will be offset against your next invoice.", size=7.5)
    return s.output()


EN_CREDIT_NOTE_TRUTH = _truth(
    invoice_number="CN-00318", type_code="381", issue_date="2026-10-21", currency="GBP",
    seller_name="Northlight Electrical Wholesale Ltd", seller_vat_id="GB345678912",
    seller_country="GB", buyer_name="Harrogate Building Services Ltd", buyer_country="GB",
    tax_exclusive_total=_plain(_CN_NET), tax_total=_plain(_CN_TAX),
    grand_total=_plain(_CN_NET + _CN_TAX), due_payable=_plain(_CN_NET + _CN_TAX),
    line_items=_unit_lines(_CN_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- English: the lines fill page 1 with its subtotal, tax and total alone on page 2 -------------

_SPLIT_ITEMS: list[UnitItem] = [
    (f"Stainless hex bolt M{size}x{length}, A2-70", qty, "pcs", price)
    for size, length, qty, price in [
        (6, 20, "5000", "0.08"), (6, 30, "5000", "0.09"), (8, 25, "4000", "0.14"),
        (8, 40, "4000", "0.17"), (10, 30, "3000", "0.26"), (10, 50, "3000", "0.31"),
        (12, 40, "2000", "0.45"), (12, 60, "2000", "0.52"), (16, 50, "1000", "1.10"),
        (16, 80, "1000", "1.38"), (20, 60, "500", "2.40"), (20, 100, "500", "3.05"),
    ]
]  # fmt: skip
_SPLIT_NET = _unit_sum(_SPLIT_ITEMS)
_SPLIT_TAX = _round(_SPLIT_NET * Decimal("0.0825"))


def us_totals_page_two() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Great Lakes Fastener Supply, Inc.", size=12, bold=True)
    _block(s, 15, 17, ["4410 W. Roosevelt Rd, Chicago, IL 60624, USA",
                       "Tax ID (EIN): 36-4123987"], size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 19, [("Invoice No.:", "GLF-77120"), ("Invoice Date:", "11/03/2026"),
                      ("Terms:", "Net 45")], gap=26, step=4.6)  # fmt: skip
    s.text(15, 32, "Sold To:", size=9, bold=True)
    _block(s, 15, 37, ["Prairie Machine Works LLC", "900 Industrial Dr",
                       "Des Moines, IA 50317", "USA"], size=8)  # fmt: skip
    rows = _rows(_SPLIT_ITEMS, _group)
    y = _table(s, 62, [("Line", 15, 9, "L"), ("Description", 26, 78, "L"), ("UOM", 106, 10, "L"),
                       ("Qty", 118, 14, "R"), ("Unit Price", 134, 24, "R"),
                       ("Extended", 160, 35, "R")], rows, step=14)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.text(110, y + 3, "Merchandise subtotal", size=8.5, bold=True)
    s.text(155, y + 3, _group(_SPLIT_NET), size=8.5, width=40, align="R")
    s.text(15, 285, "Page 1 of 2 - continued", size=7.5)
    s.pdf.add_page()
    s.text(15, 10, "Invoice GLF-77120 (continued)", size=9, bold=True)
    s.text(170, 10, "Page 2 of 2", size=7.5)
    y = _totals(s, 110, 155, 22, [("Subtotal brought forward", _group(_SPLIT_NET)),
                                  ("Sales tax 8.25%", _group(_SPLIT_TAX)),
                                  ("TOTAL DUE (USD)", _group(_SPLIT_NET + _SPLIT_TAX))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Remit to: Great Lakes Fastener Supply, Inc., P.O. Box 8810, Chicago, IL.",
           size=7.5)  # fmt: skip
    return s.output()


US_TOTALS_PAGE_TWO_TRUTH = _truth(
    invoice_number="GLF-77120", type_code="380", issue_date="2026-11-03", currency="USD",
    seller_name="Great Lakes Fastener Supply, Inc.", seller_vat_id=None, seller_country="US",
    buyer_name="Prairie Machine Works LLC", buyer_country="US",
    tax_exclusive_total=_plain(_SPLIT_NET), tax_total=_plain(_SPLIT_TAX),
    grand_total=_plain(_SPLIT_NET + _SPLIT_TAX), due_payable=_plain(_SPLIT_NET + _SPLIT_TAX),
    line_items=_unit_lines(_SPLIT_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- English: each line item a card, every value under its own caption, no header row -----------

_CARD_ITEMS: list[UnitItem] = [("Hand-thrown stoneware mug, 350 ml, glazed", "240", "pcs",
                                "11.50"),
                               ("Serving platter, 40 cm, speckled white", "36", "pcs", "58.00"),
                               ("Gift box, kraft, two mugs", "120", "pcs", "2.40")]  # fmt: skip
_CARD_NET = _unit_sum(_CARD_ITEMS)
_CARD_TAX = _round(_CARD_NET * Decimal("0.15"))


def nz_caption_cards() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Kauri Clay Studio Limited", size=12, bold=True)
    _block(s, 15, 17, ["22 Ponsonby Road, Auckland 1011, New Zealand",
                       "GST No. 123-456-789"], size=7.5)  # fmt: skip
    s.text(140, 10, "TAX INVOICE", size=14, bold=True)
    s.pairs(130, 19, [("Invoice Number", "KCS-2214"), ("Invoice Date", "30 Jul 2026")],
            gap=28, step=4.6)  # fmt: skip
    s.text(15, 32, "Bill To", size=9, bold=True)
    _block(s, 15, 37, ["Harbourside Homewares Ltd", "5 Quay Street", "Wellington 6011",
                       "New Zealand"], size=8)  # fmt: skip
    y = 60.0
    for (t, q, u, p), a in zip(_CARD_ITEMS, _unit_amounts(_CARD_ITEMS), strict=True):
        s.pdf.rect(15, y, 180, 15)
        s.text(17, y + 1.5, t, size=9, bold=True)
        for caption, value, x in [
            ("Qty", f"{q} {u}", 17),
            ("Unit price", _group(_d(p)), 70),
            ("Amount NZD", _group(a), 150),
        ]:
            s.text(x, y + 7, caption, size=6.5)
            s.text(x, y + 10.5, value, size=8.5)
        y += 18
    y = _totals(s, 110, 155, y + 3, [("Subtotal (excl. GST)", _group(_CARD_NET)),
                                     ("GST 15%", _group(_CARD_TAX)),
                                     ("Total NZD", _group(_CARD_NET + _CARD_TAX))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Due 20th of the month following invoice. Bank: 12-3140-0123456-00",
           size=7.5)  # fmt: skip
    return s.output()


NZ_CAPTION_CARDS_TRUTH = _truth(
    invoice_number="KCS-2214", type_code="380", issue_date="2026-07-30", currency="NZD",
    seller_name="Kauri Clay Studio Limited", seller_vat_id="123456789", seller_country="NZ",
    buyer_name="Harbourside Homewares Ltd", buyer_country="NZ",
    tax_exclusive_total=_plain(_CARD_NET), tax_total=_plain(_CARD_TAX),
    grand_total=_plain(_CARD_NET + _CARD_TAX), due_payable=_plain(_CARD_NET + _CARD_TAX),
    line_items=_unit_lines(_CARD_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


BATCH23: list[Layout] = [
    Layout("uz-hisobvaraq-faktura", uz_hisobvaraq, UZ_HISOBVARAQ_TRUTH),
    Layout("ba-faktura-pdv", ba_faktura, BA_FAKTURA_TRUTH),
    Layout("mt-fattura-taxxa", mt_fattura, MT_FATTURA_TRUTH),
    Layout("tz-ankara-ya-kodi", tz_ankara, TZ_ANKARA_TRUTH),
    Layout("ph-paktura-ng-benta", ph_paktura, PH_PAKTURA_TRUTH),
    Layout("by-rakhunak-faktura", by_rakhunak, BY_RAKHUNAK_TRUTH),
    Layout("kg-esep-faktura", kg_esep, KG_ESEP_TRUTH),
    Layout("ca-factura-catala", ca_factura, CA_FACTURA_TRUTH),
    Layout("cy-anfoneb", cy_anfoneb, CY_ANFONEB_TRUTH),
    Layout("en-credit-note", en_credit_note, EN_CREDIT_NOTE_TRUTH),
    Layout("us-totals-page-two", us_totals_page_two, US_TOTALS_PAGE_TWO_TRUTH),
    Layout("nz-caption-cards", nz_caption_cards, NZ_CAPTION_CARDS_TRUTH),
]


def write_batch23(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH23)
