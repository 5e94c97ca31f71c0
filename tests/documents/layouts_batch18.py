"""An eighteenth batch of hand-written invoices (review of batch 17), written (session 22) before
batch 17's rules (src/clearlane/documents/layout.py, ``git diff main...invoices17``) were read:
thirteen layouts at the edges of those rules, scored once as written (docs/documents.md).

Russian pages with other titles and labels: a ``Счёт-фактура`` (with ``ё``) whose parties are
each a column of labels (``Продавец:``, ``Адрес:``, ``ИНН/КПП продавца:``) with ИНН/КПП printed
as one ``7701234567/770101001``; a ``УПД`` (universal transfer document) whose ``Итого`` holds
the VAT (``в т.ч. НДС``), the amount also in words; an ``ИП`` (sole trader, 12-digit ИНН, no
КПП) with no VAT at all (``Без налога (НДС)``) selling to Belarus (УНП). A Ukrainian
``Видаткова накладна`` (ЄДРПОУ of both parties, ІПН of the seller only, ``грн``, ``Разом без
ПДВ`` / ``Всього з ПДВ``, the sum in words). Serbian in Latin (``Račun``, PIB, ``Osnovica``)
and in Cyrillic (``Рачун``, ПИБ, ``дин.``), Bulgarian (``Фактура``, ЕИК and ``ИН по ЗДДС``,
``Словом:``, ``МОЛ:`` under each party), Mongolian in Cyrillic (``Нэхэмжлэх``, РД, ``₮``, НӨАТ),
a Greek services invoice (``Α.Φ.Μ.`` with dots, a series of Greek letters beside the number, a
note naming Cyprus), Vietnamese without diacritics (``HOA DON``, ``So:``, ``Ma so thue``),
Kazakh only with ``₸`` (a buyer in Uzbekistan, ``Өзбекстан``) and an English invoice from
Finland whose remarks name a Russian town and Russia (neither the seller's country).

Ground truth as in the earlier batches (layouts_batch17.py's docstring). Choices where the page
leaves room: a Russian ИНН/КПП pair is its ИНН, a Bulgarian ``ИН по ЗДДС`` over ЕИК, a
Ukrainian ІПН over ЄДРПОУ, a Serbian PIB, a Mongolian РД, a Kazakh БСН the seller's tax id
(written without separators); a net amount the page does not print is held null (the УПД's
``Итого`` includes the VAT: it is the grand total); a page without VAT holds no tax total and
no net unless a total is printed as net (session 33: EN 16931 BT-109; bd-proforma's 'Total FOB'
in batch 17 is none); a unit printed in a column is held as its
UN/ECE code (шт, ш, τεμ., kom, бр.: H87; кг: KGM); a ``Видаткова накладна`` is the seller's
invoice for the goods delivered (380).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_batch15 import Item, _amounts, _block, _lines, _sp, _sum, _totals
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round


def _unit_lines(items: list[Item], unit: str) -> list[dict]:
    return [_line(t, q, unit, _price(_d(p)), _plain(a))
            for (t, q, p), a in zip(items, _amounts(items), strict=True)]  # fmt: skip


def _unit_rows(
    items: list[Item], unit: str, fmt: Callable[[Decimal], str] = _sp
) -> list[list[str]]:
    return [[t, q, unit, fmt(_d(p)), fmt(a)]
            for (t, q, p), a in zip(items, _amounts(items), strict=True)]  # fmt: skip


# -- Russia: "Счёт-фактура", the parties as columns of labels, ИНН/КПП as one value -------------

_RU_SF_ITEMS: list[Item] = [("Кабель ВВГнг-LS 3x2,5", "1200", "96.40"),
                            ("Выключатель ВА47-29 1P 16А", "350", "212.00")]  # fmt: skip
_RU_SF_NET = _sum(_RU_SF_ITEMS)
_RU_SF_TAX = _round(_RU_SF_NET * Decimal("0.20"))


def ru_schet_faktura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Счёт-фактура № 312/02 от 05 февраля 2026 г.", size=12, bold=True)
    s.text(15, 16, "Исправление № ---- от ----", size=8)
    s.pairs(15, 24, [("Продавец:", 'АО "Электрокомплект"'),
                     ("Адрес:", "115088, Россия, г. Москва, ул. Угрешская, д. 2, стр. 8"),
                     ("ИНН/КПП продавца:", "7701234567/770101001"),
                     ("Грузоотправитель:", "он же"),
                     ("Грузополучатель:", 'ООО "Минскэлектро", г. Минск'),
                     ("Покупатель:", 'ООО "Минскэлектро"'),
                     ("Адрес:", "220030, Беларусь, г. Минск, ул. Немига, 40"),
                     ("ИНН/КПП покупателя:", "УНП 192345678"),
                     ("Валюта:", "Российский рубль, 643")],
            gap=48, step=4.6)  # fmt: skip
    y = s.grid(70, [("Наименование товара", 15, 82, "L"), ("Кол-во", 99, 16, "R"),
                    ("Ед. изм.", 117, 12, "L"), ("Цена", 131, 30, "R"),
                    ("Стоимость без налога", 163, 32, "R")],
               [[t, q, u, p, a] for t, q, u, p, a in _unit_rows(_RU_SF_ITEMS, "шт")],
               size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 161, y + 3, [("Итого без НДС:", _sp(_RU_SF_NET)),
                                     ("Сумма налога 20%:", _sp(_RU_SF_TAX)),
                                     ("Всего к оплате с НДС:", _sp(_RU_SF_NET + _RU_SF_TAX))],
                size=8.5)  # fmt: skip
    s.text(15, y + 8, "Руководитель организации ________ Орлов П. С.   Главный бухгалтер "
                      "________ Лебедева М. А.", size=7.5)  # fmt: skip
    return s.output()


RU_SCHET_FAKTURA_TRUTH = _truth(
    invoice_number="312/02", type_code="380", issue_date="2026-02-05", currency="RUB",
    seller_name='АО "Электрокомплект"', seller_vat_id="7701234567", seller_country="RU",
    buyer_name='ООО "Минскэлектро"', buyer_country="BY",
    tax_exclusive_total=_plain(_RU_SF_NET), tax_total=_plain(_RU_SF_TAX),
    grand_total=_plain(_RU_SF_NET + _RU_SF_TAX), due_payable=_plain(_RU_SF_NET + _RU_SF_TAX),
    line_items=_unit_lines(_RU_SF_ITEMS, "H87"),
)  # fmt: skip


# -- Russia: a "УПД", 'Итого' with the VAT included ('в т.ч. НДС'), the sum in words -----------

_RU_UPD_ITEMS: list[Item] = [("Масло моторное 5W-40, канистра 4 л", "180", "2150.00"),
                             ("Фильтр масляный W 712/75", "240", "465.00")]  # fmt: skip
_RU_UPD_GROSS = _sum(_RU_UPD_ITEMS)  # prices with VAT
_RU_UPD_TAX = _round(_RU_UPD_GROSS * Decimal(20) / Decimal(120))


def ru_upd() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 8, "Универсальный передаточный документ", size=11, bold=True)
    s.text(15, 14, "Статус: 1    Счет-фактура № УТ-1045 от 12.05.2026", size=10, bold=True)
    _block(s, 15, 22, ['Продавец: ООО "Автомасла Урал", ИНН/КПП 6658123456/665801001',
                       "Адрес: 620014, Россия, г. Екатеринбург, пр. Ленина, д. 5",
                       "Покупатель: ИП Смирнов Алексей Петрович, ИНН 662301234567",
                       "Адрес: 623100, Россия, г. Первоуральск, ул. Ватутина, 12",
                       "Валюта: руб."], size=8, step=4.5)  # fmt: skip
    y = s.grid(50, [("Товар", 15, 84, "L"), ("Кол-во", 101, 16, "R"), ("Ед.", 119, 10, "L"),
                    ("Цена с НДС", 131, 30, "R"), ("Сумма с НДС", 163, 32, "R")],
               _unit_rows(_RU_UPD_ITEMS, "шт"), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 3, [("Итого:", _sp(_RU_UPD_GROSS)),
                                     ("в т.ч. НДС 20%:", _sp(_RU_UPD_TAX))])  # fmt: skip
    s.text(15, y + 4, "Всего к оплате: Четыреста девяносто восемь тысяч шестьсот рублей "
                      "00 копеек", size=8)  # fmt: skip
    s.text(15, y + 14, "Товар (груз) передал ________ Кузнецов Д. В.   Товар (груз) получил "
                       "________ Смирнов А. П.", size=7.5)  # fmt: skip
    return s.output()


RU_UPD_TRUTH = _truth(
    invoice_number="УТ-1045", type_code="380", issue_date="2026-05-12", currency="RUB",
    seller_name='ООО "Автомасла Урал"', seller_vat_id="6658123456", seller_country="RU",
    buyer_name="ИП Смирнов Алексей Петрович", buyer_country="RU",
    tax_total=_plain(_RU_UPD_TAX), grand_total=_plain(_RU_UPD_GROSS),
    due_payable=_plain(_RU_UPD_GROSS), line_items=_unit_lines(_RU_UPD_ITEMS, "H87"),
)  # fmt: skip


# -- Russia: a sole trader without VAT ('Без налога (НДС)'), a buyer in Belarus (УНП) ----------

_RU_USN_ITEMS: list[Item] = [("Разработка конструкторской документации, этап 2", "1", "185000.00"),
                             ("Авторский надзор, час", "40", "2500.00")]  # fmt: skip
_RU_USN_TOTAL = _sum(_RU_USN_ITEMS)


def ru_usn() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "ИП Григорьев Максим Олегович", size=12, bold=True)
    _block(s, 15, 17, ["ИНН 540412345678, ОГРНИП 318547600012345",
                       "630099, Россия, г. Новосибирск, ул. Советская, 18, оф. 4"],
           size=8)  # fmt: skip
    s.text(15, 32, "Счет № 27 от 3 апреля 2026 г.", size=13, bold=True)
    s.text(15, 42, "Заказчик:", size=8.5, bold=True)
    _block(s, 40, 42, ['ОАО "Гомельпроект"', "246050, Республика Беларусь, г. Гомель, "
                       "ул. Советская, 7", "УНП 400012345"], size=8)  # fmt: skip
    y = s.grid(60, [("Наименование работ, услуг", 15, 96, "L"), ("Кол-во", 113, 14, "R"),
                    ("Цена", 129, 30, "R"), ("Сумма", 161, 34, "R")],
               [[t, q, _sp(_d(p)), _sp(a)]
                for (t, q, p), a in zip(_RU_USN_ITEMS, _amounts(_RU_USN_ITEMS), strict=True)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 3, [("Итого:", _sp(_RU_USN_TOTAL)),
                                     ("Без налога (НДС)", "-"),
                                     ("Всего к оплате:", _sp(_RU_USN_TOTAL))])  # fmt: skip
    s.text(15, y + 4, "Сумма прописью: Двести восемьдесят пять тысяч рублей 00 копеек", size=8)
    s.text(15, y + 9, "НДС не облагается (упрощённая система налогообложения, ст. 346.11 НК РФ)",
           size=7.5)  # fmt: skip
    return s.output()


RU_USN_TRUTH = _truth(
    invoice_number="27", type_code="380", issue_date="2026-04-03", currency="RUB",
    seller_name="ИП Григорьев Максим Олегович", seller_vat_id="540412345678",
    seller_country="RU", buyer_name='ОАО "Гомельпроект"', buyer_country="BY",
    grand_total=_plain(_RU_USN_TOTAL), due_payable=_plain(_RU_USN_TOTAL),
    line_items=_lines(_RU_USN_ITEMS, None),
)  # fmt: skip


# -- Ukraine: "Видаткова накладна", ЄДРПОУ of both, ІПН of the seller, грн, the sum in words ---

_UA_VN_ITEMS: list[Item] = [("Насіння соняшнику гібрид P64LE25, п.о.", "40", "5480.00"),
                            ("Насіння кукурудзи DKC 3730, п.о.", "25", "6950.00")]  # fmt: skip
_UA_VN_NET = _sum(_UA_VN_ITEMS)
_UA_VN_TAX = _round(_UA_VN_NET * Decimal("0.20"))


def ua_vydatkova() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Видаткова накладна № РН-0000214", size=12, bold=True)
    s.text(15, 17, "від 3 березня 2026 р.", size=10)
    s.pairs(15, 26, [("Постачальник:", "ТОВ «Агросвіт Полтава»"),
                     ("", "36000, Україна, м. Полтава, вул. Європейська, 60"),
                     ("", "ЄДРПОУ 41234567, ІПН 412345616017, тел. +380 532 555 101"),
                     ("Покупець:", "ФГ «Зелена Долина»"),
                     ("", "37500, Україна, Полтавська обл., м. Лубни, вул. Шевченка, 9"),
                     ("", "ЄДРПОУ 39876543"),
                     ("Договір:", "№ 15/26 від 10.01.2026")], gap=30, step=4.6)  # fmt: skip
    y = s.grid(62, [("Товар", 15, 84, "L"), ("Кіл-сть", 101, 16, "R"), ("Од.", 119, 10, "L"),
                    ("Ціна без ПДВ", 131, 30, "R"), ("Сума без ПДВ", 163, 32, "R")],
               _unit_rows(_UA_VN_ITEMS, "шт"), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 3, [("Разом без ПДВ:", _sp(_UA_VN_NET)),
                                     ("ПДВ:", _sp(_UA_VN_TAX)),
                                     ("Всього з ПДВ:", _sp(_UA_VN_NET + _UA_VN_TAX))])  # fmt: skip
    s.text(15, y + 4, "Всього на суму: Чотириста сімдесят одна тисяча п'ятсот сорок гривень "
                      f"00 копійок, у т.ч. ПДВ: {_sp(_UA_VN_TAX)} грн.", size=8)  # fmt: skip
    s.text(15, y + 14, "Від постачальника* ________ Петренко О. І.    Отримав(ла) ________",
           size=8)  # fmt: skip
    return s.output()


UA_VYDATKOVA_TRUTH = _truth(
    invoice_number="РН-0000214", type_code="380", issue_date="2026-03-03", currency="UAH",
    seller_name="ТОВ «Агросвіт Полтава»", seller_vat_id="412345616017", seller_country="UA",
    buyer_name="ФГ «Зелена Долина»", buyer_country="UA", tax_exclusive_total=_plain(_UA_VN_NET),
    tax_total=_plain(_UA_VN_TAX), grand_total=_plain(_UA_VN_NET + _UA_VN_TAX),
    due_payable=_plain(_UA_VN_NET + _UA_VN_TAX), line_items=_unit_lines(_UA_VN_ITEMS, "H87"),
)  # fmt: skip


# -- Serbia, Latin script: "RAČUN br.", PIB and MB, Osnovica, PDV 20 %, a buyer in Montenegro ---

_RS_ITEMS: list[Item] = [("Malina smrznuta Willamette, karton 10 kg", "800", "6.85"),
                         ("Kupina smrznuta, karton 10 kg", "300", "4.90")]  # fmt: skip
_RS_NET = _sum(_RS_ITEMS)
_RS_TAX = _round(_RS_NET * Decimal("0.20"))


def rs_latin() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Frikom Voće d.o.o.", size=12, bold=True)
    _block(s, 15, 17, ["Industrijska zona bb, 31250 Arilje, Srbija",
                       "PIB: 101234567 · MB: 07654321 · Tekući račun: 160-0000000123456-78"],
           size=8)  # fmt: skip
    s.text(130, 10, "RAČUN br. 2026-0412", size=12, bold=True)
    s.pairs(130, 18, [("Datum izdavanja:", "22.04.2026."), ("Datum prometa:", "20.04.2026."),
                      ("Mesto izdavanja:", "Arilje")], gap=30, step=4.6)  # fmt: skip
    s.text(15, 34, "Kupac:", size=8.5, bold=True)
    _block(s, 15, 39, ["Voli Trade d.o.o.", "Bulevar Svetog Petra Cetinjskog 1a, 81000 "
                       "Podgorica, Crna Gora", "PIB: 02345678"], size=8)  # fmt: skip
    s.text(15, 54, "Valuta: EUR", size=8)
    y = s.grid(60, [("Naziv", 15, 84, "L"), ("Kol.", 101, 16, "R"), ("JM", 119, 10, "L"),
                    ("Cena", 131, 30, "R"), ("Iznos", 163, 32, "R")],
               _unit_rows(_RS_ITEMS, "kom", lambda v: _group(v, "de")), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        105,
        161,
        y + 3,
        [
            ("Osnovica:", _group(_RS_NET, "de")),
            ("PDV 20%:", _group(_RS_TAX, "de")),
            ("Ukupno za plaćanje:", _group(_RS_NET + _RS_TAX, "de")),
        ],
    )
    return s.output()


RS_LATIN_TRUTH = _truth(
    invoice_number="2026-0412", type_code="380", issue_date="2026-04-22", currency="EUR",
    seller_name="Frikom Voće d.o.o.", seller_vat_id="101234567", seller_country="RS",
    buyer_name="Voli Trade d.o.o.", buyer_country="ME", tax_exclusive_total=_plain(_RS_NET),
    tax_total=_plain(_RS_TAX), grand_total=_plain(_RS_NET + _RS_TAX),
    due_payable=_plain(_RS_NET + _RS_TAX), line_items=_unit_lines(_RS_ITEMS, "H87"),
)  # fmt: skip


# -- Serbia, Cyrillic: "РАЧУН број", ПИБ, дин., a buyer in Bosnia and Herzegovina --------------

_RSC_ITEMS: list[Item] = [("Ракија шљивовица 0,7 л, кутија 6 ком", "150", "4200.00"),
                          ("Ракија кајсијевача 0,7 л, кутија 6 ком", "90", "4680.00")]  # fmt: skip
_RSC_NET = _sum(_RSC_ITEMS)
_RSC_TAX = _round(_RSC_NET * Decimal("0.20"))


def rs_cyrillic() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Шумадијска Дестилерија д.о.о.", size=12, bold=True)
    _block(s, 15, 17, ["Краља Петра I 14, 34000 Крагујевац, Србија",
                       "ПИБ: 100234567    Матични број: 08123456"], size=8)  # fmt: skip
    s.text(130, 10, "РАЧУН број 118/2026", size=12, bold=True)
    s.pairs(130, 18, [("Датум:", "09.07.2026."), ("Рок плаћања:", "08.08.2026.")], gap=26)
    s.text(15, 32, "Купац:", size=8.5, bold=True)
    _block(s, 15, 37, ["Дрина Промет д.о.о.", "Краља Петра I Карађорђевића 101, 78000 Бања Лука,",
                       "Босна и Херцеговина"], size=8)  # fmt: skip
    y = s.grid(56, [("Назив робе", 15, 96, "L"), ("Количина", 113, 16, "R"),
                    ("Цена, дин.", 131, 28, "R"), ("Износ, дин.", 161, 34, "R")],
               [[t, q, _group(_d(p), "de"), _group(a, "de")]
                for (t, q, p), a in zip(_RSC_ITEMS, _amounts(_RSC_ITEMS), strict=True)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        105,
        161,
        y + 3,
        [
            ("Основица:", _group(_RSC_NET, "de")),
            ("ПДВ 20%:", _group(_RSC_TAX, "de")),
            ("Укупно за плаћање:", f"{_group(_RSC_NET + _RSC_TAX, 'de')} дин."),
        ],
    )
    return s.output()


RS_CYRILLIC_TRUTH = _truth(
    invoice_number="118/2026", type_code="380", issue_date="2026-07-09", currency="RSD",
    seller_name="Шумадијска Дестилерија д.о.о.", seller_vat_id="100234567", seller_country="RS",
    buyer_name="Дрина Промет д.о.о.", buyer_country="BA", tax_exclusive_total=_plain(_RSC_NET),
    tax_total=_plain(_RSC_TAX), grand_total=_plain(_RSC_NET + _RSC_TAX),
    due_payable=_plain(_RSC_NET + _RSC_TAX), line_items=_lines(_RSC_ITEMS, None),
)  # fmt: skip


# -- Bulgaria: "ФАКТУРА", ЕИК and ИН по ЗДДС, МОЛ under each party, "Словом:" ------------------

_BG_ITEMS: list[Item] = [("Розово масло, флакон 100 ml", "12", "980.00"),
                         ("Розова вода, туба 1 l", "400", "6.50")]  # fmt: skip
_BG_NET = _sum(_BG_ITEMS)
_BG_TAX = _round(_BG_NET * Decimal("0.20"))


def bg_faktura() -> bytes:
    s = Sheet2()
    s.text(80, 8, "ФАКТУРА", size=14, bold=True)
    s.text(60, 15, "№ 0000001234 / 14.05.2026 г.    ОРИГИНАЛ", size=9)
    s.pairs(15, 24, [("Получател:", "Trandafir Cosmetics S.R.L."),
                     ("ИН по ЗДДС:", "RO12345678"),
                     ("Адрес:", "Str. Lipscani 55, București, Romania"),
                     ("МОЛ:", "Ana Popescu")], gap=24, step=4.6)  # fmt: skip
    s.pairs(110, 24, [("Доставчик:", "Българска Роза ЕООД"),
                      ("ЕИК:", "204567890"), ("ИН по ЗДДС:", "BG204567890"),
                      ("Адрес:", "ул. Розова долина 3,"), ("", "6100 Казанлък, България"),
                      ("МОЛ:", "Иван Петров")], gap=26, step=4.6)  # fmt: skip
    y = s.grid(56, [("Наименование", 15, 84, "L"), ("Кол.", 101, 16, "R"), ("Мярка", 119, 10, "L"),
                    ("Ед. цена €", 131, 30, "R"), ("Стойност €", 163, 32, "R")],
               _unit_rows(_BG_ITEMS, "бр.", lambda v: _group(v, "de")), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(
        s,
        110,
        161,
        y + 3,
        [
            ("Данъчна основа:", _group(_BG_NET, "de")),
            ("ДДС 20%:", _group(_BG_TAX, "de")),
            ("Сума за плащане:", _group(_BG_NET + _BG_TAX, "de")),
        ],
    )
    s.text(15, y + 4, "Словом: седемнадесет хиляди двеста тридесет и две евро", size=8)
    s.text(15, y + 9, "Дата на данъчното събитие: 14.05.2026    Плащане: по банков път", size=8)
    return s.output()


BG_FAKTURA_TRUTH = _truth(
    invoice_number="0000001234", type_code="380", issue_date="2026-05-14", currency="EUR",
    seller_name="Българска Роза ЕООД", seller_vat_id="BG204567890", seller_country="BG",
    buyer_name="Trandafir Cosmetics S.R.L.", buyer_country="RO",
    tax_exclusive_total=_plain(_BG_NET), tax_total=_plain(_BG_TAX),
    grand_total=_plain(_BG_NET + _BG_TAX), due_payable=_plain(_BG_NET + _BG_TAX),
    line_items=_unit_lines(_BG_ITEMS, "H87"),
)  # fmt: skip


# -- Mongolia: Mongolian Cyrillic, "НЭХЭМЖЛЭХ", РД, НӨАТ 10 %, ₮ --------------------------------

_MN_ITEMS: list[Item] = [("Ямааны ноолуур, самнасан, кг", "350", "185000"),
                         ("Тэмээний ноос, угаасан, кг", "500", "42000")]  # fmt: skip
_MN_NET = _sum(_MN_ITEMS)
_MN_TAX = _round(_MN_NET * Decimal("0.10"))


def mn_nekhemjlekh() -> bytes:
    s = Sheet2()
    s.text(75, 8, "НЭХЭМЖЛЭХ № 0456", size=13, bold=True)
    s.text(75, 15, "Огноо: 2026.06.15", size=9)
    s.pairs(15, 24, [("Нэхэмжлэгч:", "Говь Ноолуур ХХК"),
                     ("Регистрийн дугаар (РД):", "5123456"),
                     ("Хаяг:", "Хан-Уул дүүрэг, 3-р хороо, Улаанбаатар, Монгол Улс"),
                     ("Төлөгч:", "Erdos Cashmere Trading Co., Ltd."),
                     ("Хаяг:", "Dongsheng District, Ordos, Inner Mongolia, China")],
            gap=42, step=4.8)  # fmt: skip
    y = s.grid(52, [("Барааны нэр", 15, 96, "L"), ("Тоо", 113, 14, "R"),
                    ("Нэгжийн үнэ ₮", 129, 30, "R"), ("Нийт үнэ ₮", 161, 34, "R")],
               [[t, q, _group(_d(p), "en", 0), _group(a, "en", 0)]
                for (t, q, p), a in zip(_MN_ITEMS, _amounts(_MN_ITEMS), strict=True)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        105,
        161,
        y + 3,
        [
            ("Дүн:", _group(_MN_NET, "en", 0)),
            ("НӨАТ 10%:", _group(_MN_TAX, "en", 0)),
            ("Нийт төлөх дүн:", f"{_group(_MN_NET + _MN_TAX, 'en', 0)} ₮"),
        ],
    )
    return s.output()


MN_NEKHEMJLEKH_TRUTH = _truth(
    invoice_number="0456", type_code="380", issue_date="2026-06-15", currency="MNT",
    seller_name="Говь Ноолуур ХХК", seller_vat_id="5123456", seller_country="MN",
    buyer_name="Erdos Cashmere Trading Co., Ltd.", buyer_country="CN",
    tax_exclusive_total=_plain(_MN_NET), tax_total=_plain(_MN_TAX),
    grand_total=_plain(_MN_NET + _MN_TAX), due_payable=_plain(_MN_NET + _MN_TAX),
    line_items=_lines(_MN_ITEMS, None),
)  # fmt: skip


# -- Greece: a services invoice, "Α.Φ.Μ." with dots, a Greek series, a note naming Cyprus ------

_GRS_ITEMS: list[Item] = [("Μελέτη στατικής επάρκειας, κτίριο Β", "1", "8400.00"),
                          ("Επίβλεψη εργασιών, ημέρες", "12", "450.00")]  # fmt: skip
_GRS_NET = _sum(_GRS_ITEMS)
_GRS_TAX = _round(_GRS_NET * Decimal("0.24"))


def gr_services() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "ΤΕΧΝΙΚΗ ΜΕΛΕΤΗΤΙΚΗ Ι.Κ.Ε.", size=12, bold=True)
    _block(s, 15, 17, ["Λεωφ. Κηφισίας 120, 11526 Αθήνα, Ελλάδα",
                       "Α.Φ.Μ.: 099876543   Δ.Ο.Υ.: Ψυχικού"], size=8)  # fmt: skip
    s.text(120, 10, "ΤΙΜΟΛΟΓΙΟ ΠΑΡΟΧΗΣ ΥΠΗΡΕΣΙΩΝ", size=10, bold=True)
    s.pairs(120, 18, [("Σειρά:", "ΤΠΥ"), ("Αριθμός:", "0087"), ("Ημ/νία:", "30/06/2026")],
            gap=22, step=4.6)  # fmt: skip
    s.text(15, 34, "Πελάτης", size=8.5, bold=True)
    _block(s, 15, 39, ["Baltic Ferry Holdings GmbH", "Am Strandkai 1, 20457 Hamburg, Γερμανία",
                       "ΑΦΜ: DE298765432"], size=8)  # fmt: skip
    y = s.grid(58, [("Περιγραφή", 15, 84, "L"), ("Ποσ.", 101, 16, "R"), ("Μ.Μ.", 119, 10, "L"),
                    ("Τιμή", 131, 30, "R"), ("Αξία", 163, 32, "R")],
               _unit_rows(_GRS_ITEMS, "τεμ.", lambda v: _group(v, "de")), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(
        s,
        105,
        161,
        y + 3,
        [
            ("Σύνολο αξίας:", f"{_group(_GRS_NET, 'de')} €"),
            ("ΦΠΑ 24%:", f"{_group(_GRS_TAX, 'de')} €"),
            ("Πληρωτέο:", f"{_group(_GRS_NET + _GRS_TAX, 'de')} €"),
        ],
    )
    s.text(15, y + 5, "Παρατηρήσεις: το έργο αφορά το υποκατάστημα Λεμεσού, Κύπρος.", size=8)
    return s.output()


GR_SERVICES_TRUTH = _truth(
    invoice_number="0087", type_code="380", issue_date="2026-06-30", currency="EUR",
    seller_name="ΤΕΧΝΙΚΗ ΜΕΛΕΤΗΤΙΚΗ Ι.Κ.Ε.", seller_vat_id="099876543", seller_country="GR",
    buyer_name="Baltic Ferry Holdings GmbH", buyer_country="DE",
    tax_exclusive_total=_plain(_GRS_NET), tax_total=_plain(_GRS_TAX),
    grand_total=_plain(_GRS_NET + _GRS_TAX), due_payable=_plain(_GRS_NET + _GRS_TAX),
    line_items=_unit_lines(_GRS_ITEMS, "H87"),
)  # fmt: skip


# -- Vietnam without diacritics: "HOA DON GIA TRI GIA TANG", "So:", "Ma so thue" ---------------

_VNA_ITEMS: list[Item] = [("Ao so mi nam cotton, size M", "2400", "96000"),
                          ("Quan kaki nam, size 32", "1800", "155000")]  # fmt: skip
_VNA_NET = _sum(_VNA_ITEMS)
_VNA_TAX = _round(_VNA_NET * Decimal("0.10"))


def vn_ascii() -> bytes:
    s = Sheet2()
    s.text(55, 10, "HOA DON GIA TRI GIA TANG", size=13, bold=True)
    s.text(68, 17, "Ngay 15 thang 07 nam 2026", size=9)
    s.pairs(150, 10, [("Ky hieu:", "1C26TBB"), ("So:", "0000456")], gap=16)
    s.pdf.line(15, 24, 195, 24)
    s.pairs(15, 27, [("Don vi ban hang:", "CONG TY CO PHAN MAY VIET TIEN"),
                     ("Ma so thue:", "0301234567"),
                     ("Dia chi:", "07 Le Minh Xuan, Tan Binh, TP. Ho Chi Minh, Viet Nam"),
                     ("So tai khoan:", "0071000123456")], gap=34)  # fmt: skip
    s.pdf.line(15, 48, 195, 48)
    s.pairs(15, 51, [("Ten don vi mua:", "Osaka Apparel Trading K.K."),
                     ("Dia chi:", "2-3-1 Minamisemba, Chuo-ku, Osaka 542-0081, Japan"),
                     ("Hinh thuc thanh toan:", "CK      Dong tien thanh toan: VND")],
            gap=40)  # fmt: skip
    y = s.grid(70, [("Ten hang hoa, dich vu", 15, 88, "L"), ("So luong", 105, 18, "R"),
                    ("Don gia", 125, 32, "R"), ("Thanh tien", 159, 36, "R")],
               [[t, q, _group(_d(p), "de", 0), _group(a, "de", 0)]
                for (t, q, p), a in zip(_VNA_ITEMS, _amounts(_VNA_ITEMS), strict=True)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        95,
        159,
        y + 3,
        [
            ("Cong tien hang:", _group(_VNA_NET, "de", 0)),
            ("Thue suat GTGT: 10%   Tien thue GTGT:", _group(_VNA_TAX, "de", 0)),
            ("Tong cong tien thanh toan:", _group(_VNA_NET + _VNA_TAX, "de", 0)),
        ],
        width=36,
        size=8,
    )
    return s.output()


VN_ASCII_TRUTH = _truth(
    invoice_number="0000456", type_code="380", issue_date="2026-07-15", currency="VND",
    seller_name="CONG TY CO PHAN MAY VIET TIEN", seller_vat_id="0301234567",
    seller_country="VN", buyer_name="Osaka Apparel Trading K.K.", buyer_country="JP",
    tax_exclusive_total=_plain(_VNA_NET), tax_total=_plain(_VNA_TAX),
    grand_total=_plain(_VNA_NET + _VNA_TAX), due_payable=_plain(_VNA_NET + _VNA_TAX),
    line_items=_lines(_VNA_ITEMS, None),
)  # fmt: skip


# -- Kazakhstan: Kazakh only, ₸ after the amounts, a buyer in Uzbekistan ('Өзбекстан') ----------

_KZK_ITEMS: list[Item] = [("Алма «Апорт», жәшік 18 кг", "600", "9800.00"),
                          ("Өрік кептірілген, қап 25 кг", "80", "61500.00")]  # fmt: skip
_KZK_NET = _sum(_KZK_ITEMS)
_KZK_TAX = _round(_KZK_NET * Decimal("0.12"))


def kz_tenge() -> bytes:
    s = Sheet2()
    s.text(15, 10, "ШОТ-ФАКТУРА № 15", size=13, bold=True)
    s.text(15, 17, "Жазып берілген күні: 20.08.2026", size=9)
    s.pairs(15, 26, [("Жеткізуші:", "«Алатау Жемістері» ЖШС"),
                     ("БСН:", "190440023456"),
                     ("Мекенжайы:", "050000, Қазақстан, Алматы қ., Райымбек даңғылы, 221"),
                     ("Алушы:", "«Samarqand Meva» MChJ"),
                     ("Мекенжайы:", "140100, Өзбекстан, Самарқанд қ., Регистан к-сі, 4")],
            gap=30, step=5)  # fmt: skip
    y = s.grid(56, [("Атауы", 15, 88, "L"), ("Саны", 105, 22, "R"),
                    ("Бағасы", 129, 30, "R"), ("Сомасы", 161, 34, "R")],
               [[t, q, f"{_sp(_d(p))} ₸", f"{_sp(a)} ₸"]
                for (t, q, p), a in zip(_KZK_ITEMS, _amounts(_KZK_ITEMS), strict=True)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 161, y + 3, [("ҚҚС-сыз сомасы:", f"{_sp(_KZK_NET)} ₸"),
                                 ("ҚҚС 12%:", f"{_sp(_KZK_TAX)} ₸"),
                                 ("Барлығы төлеуге:", f"{_sp(_KZK_NET + _KZK_TAX)} ₸")],
            size=8.5)  # fmt: skip
    return s.output()


KZ_TENGE_TRUTH = _truth(
    invoice_number="15", type_code="380", issue_date="2026-08-20", currency="KZT",
    seller_name="«Алатау Жемістері» ЖШС", seller_vat_id="190440023456", seller_country="KZ",
    buyer_name="«Samarqand Meva» MChJ", buyer_country="UZ", tax_exclusive_total=_plain(_KZK_NET),
    tax_total=_plain(_KZK_TAX), grand_total=_plain(_KZK_NET + _KZK_TAX),
    due_payable=_plain(_KZK_NET + _KZK_TAX), line_items=_lines(_KZK_ITEMS, None),
)  # fmt: skip


# -- Finland, in English: remarks naming a Russian town and Russia (no party's country) --------

_FI_ITEMS: list[Item] = [("Sawn spruce boards 47x150, m3", "85", "262.00"),
                         ("Planed pine battens 22x100, m3", "40", "318.00")]  # fmt: skip
_FI_NET = _sum(_FI_ITEMS)


def fi_remarks_russia() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Karelia Timber Oy", size=12, bold=True)
    _block(s, 15, 17, ["Satamakatu 5", "48100 Kotka, Finland", "VAT FI23456789"], size=8)
    s.text(15, 31, "Remarks: loaded from the former Выборг (Vyborg), Россия warehouse stock;",
           size=7.5)  # fmt: skip
    s.text(15, 35, "goods of Finnish origin, not for re-export to Russia.", size=7.5)
    s.text(140, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 20, [("Invoice No.", "KT-26-0931"), ("Date", "14 October 2026"),
                      ("Due date", "13 November 2026")], gap=26)  # fmt: skip
    s.text(15, 44, "Bill to", size=8.5, bold=True)
    _block(s, 15, 49, ["Tallinna Ehituspuit OÜ", "Peterburi tee 46, 11415 Tallinn, Estonia",
                       "VAT EE101234567"], size=8)  # fmt: skip
    y = s.grid(68, [("Description", 15, 92, "L"), ("Qty", 109, 16, "R"),
                    ("Unit price EUR", 127, 30, "R"), ("Amount EUR", 161, 34, "R")],
               [[t, q, _group(_d(p)), _group(a)]
                for (t, q, p), a in zip(_FI_ITEMS, _amounts(_FI_ITEMS), strict=True)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 161, y + 3, [("Net total", _group(_FI_NET)), ("VAT 0 % (reverse charge)",
                                                                   "0.00"),
                                 ("Total EUR", _group(_FI_NET))])  # fmt: skip
    return s.output()


FI_REMARKS_RUSSIA_TRUTH = _truth(
    invoice_number="KT-26-0931", type_code="380", issue_date="2026-10-14", currency="EUR",
    seller_name="Karelia Timber Oy", seller_vat_id="FI23456789", seller_country="FI",
    buyer_name="Tallinna Ehituspuit OÜ", buyer_country="EE", tax_exclusive_total=_plain(_FI_NET),
    tax_total="0.00", grand_total=_plain(_FI_NET), due_payable=_plain(_FI_NET),
    line_items=_lines(_FI_ITEMS, None),
)  # fmt: skip


BATCH18: list[Layout] = [
    Layout("ru-schet-faktura", ru_schet_faktura, RU_SCHET_FAKTURA_TRUTH),
    Layout("ru-upd-itogo-gross", ru_upd, RU_UPD_TRUTH),
    Layout("ru-usn-no-vat", ru_usn, RU_USN_TRUTH),
    Layout("ua-vydatkova", ua_vydatkova, UA_VYDATKOVA_TRUTH),
    Layout("rs-latin", rs_latin, RS_LATIN_TRUTH),
    Layout("rs-cyrillic", rs_cyrillic, RS_CYRILLIC_TRUTH),
    Layout("bg-faktura", bg_faktura, BG_FAKTURA_TRUTH),
    Layout("mn-nekhemjlekh", mn_nekhemjlekh, MN_NEKHEMJLEKH_TRUTH),
    Layout("gr-services-afm", gr_services, GR_SERVICES_TRUTH),
    Layout("vn-ascii", vn_ascii, VN_ASCII_TRUTH),
    Layout("kz-tenge", kz_tenge, KZ_TENGE_TRUTH),
    Layout("fi-remarks-russia", fi_remarks_russia, FI_REMARKS_RUSSIA_TRUTH),
]


def write_batch18(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH18)
