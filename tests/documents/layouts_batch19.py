"""A nineteenth batch of hand-written invoices (issue #13), written (session 23) before the
reader's code (src/clearlane/documents) was read: thirteen text-layer layouts whose line-item
tables and vocabulary the earlier batches barely touch, scored once as written (docs/documents.md,
"session 23, 5 December: batch 19").

Serbian in Latin (``FAKTURA broj``, ``Prodavac``/``Kupac``, PIB and MB of both, ``Valuta
plaćanja`` a due date, not a currency) and in Cyrillic (``Испоручилац``/``Прималац``, a buyer in
North Macedonia, the unit after the quantity); a Bulgarian ``ФАКТУРА`` in euro with the lev
equivalent printed under the totals (the 2026 dual display); a Mongolian ``НЭХЭМЖЛЭХ`` with
``Регистрийн №`` and a unit column before the quantity; a Polish ``Faktura VAT`` with a
``NIP 781-123-45-67`` and a nine-column net/VAT/gross table (``szt.``, ``kpl.``); a Turkish
``FATURA`` (``SAYIN`` over the buyer, ``Vergi Dairesi: … VKN: …`` on one line, the unit in the
quantity cell: ``1.500 Adet``); a Czech ``Faktura - daňový doklad`` (``IČ: … DIČ: …`` on one line,
``Kč``); an Indonesian ``Faktur Penjualan`` (``Kepada Yth.``, NPWP, PCS/KGS/CTN, ``Rp``); a
Thai tax invoice (English; see below); a Saudi Arabic-English tax invoice (Arabic labels
beside the English ones, SAR, CTN/PCS); a US commercial invoice (quantity and unit first, HTS and
origin columns, freight and insurance, ``Total Due``); an Indian Tally-style GST invoice
(``Quantity``/``Rate``/``per`` with ``Nos``/``Kgs``/``Set``, CGST and SGST, lakh grouping); a
Chinese exporter's commercial invoice (``To Messrs.``, marks column, ``SETS``/``PCS`` in the
quantity, ``SAY TOTAL``). Descriptions over two or three lines on eight of the pages; thousands as
``1.234,56``, ``1,234.56``, ``1 234,56`` and ``1,23,456.00``.

No Thai or Chinese font is on this host (DejaVu only: fpdf2 drops the glyphs), so the Thai and
the Chinese pages are drawn with their English labels only; the Arabic labels are drawn (DejaVu
has Arabic; fpdf2 without shaping writes them unjoined).

Ground truth as in the earlier batches (layouts_batch15.py's, layouts_unseen7.py's and
layouts_batch17.py's docstrings). Choices where the page leaves room: a tax id printed under a
label of the seller's country is the seller's VAT id whatever its name (PIB, ПИБ, ``ИН по
ЗДДС`` over ЕИК, ``Регистрийн №``, NIP, VKN, DIČ over IČ, the Thai 13-digit Tax ID, the Saudi
VAT No., GSTIN), without separators; NPWP and a US EIN are no VAT ids (null); a unit is its
UN/ECE code (kom, ком, бр., ш, szt., Adet, ks, PCS, Nos: H87; kg, кг, KGS, Kgs: KGM; kpl., SET,
SETS, Set: SET; CTN: XCT, as EN 16931's list has it, review i11); a multi-line description is
its lines joined by one space; a quantity printed with thousands (``1.500``, ``1,200``) is
the number; the Bulgarian lev equivalent is no
total (EUR is the invoice's currency); freight and insurance after a subtotal leave no
tax-exclusive total (batch 15's convention); the Indian page's ``Sub Total`` is its
tax-exclusive total, its tax total CGST plus SGST.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _sp, _totals
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round

# description lines, quantity (plain), unit as printed, unit code, unit price (plain)
Row = tuple[tuple[str, ...], str, str, str | None, str]
Column = tuple[str, float, float, str]


def _amount(row: Row) -> Decimal:
    return _round(_d(row[1]) * _d(row[4]))


def _net(rows: Sequence[Row]) -> Decimal:
    return sum((_amount(r) for r in rows), Decimal(0))


def _truth_lines(rows: Sequence[Row]) -> list[dict]:
    return [_line(" ".join(r[0]), r[1], r[3], _price(_d(r[4])), _plain(_amount(r))) for r in rows]


def _table(
    s: Sheet2,
    y: float,
    columns: Sequence[Column],
    cells: Sequence[Sequence[str | tuple[str, ...]]],
    *,
    size: float = 8,
    lead: float = 3.8,
    gap: float = 2.6,
) -> float:
    """A table whose cells may hold several lines (a tuple), each row as tall as its tallest
    cell; a rule under the header; returns the y under the last row."""
    for name, x, width, align in columns:
        s.text(x, y, name, size=size, bold=True, width=width, align=align)
    s.pdf.line(columns[0][1], y + 5, columns[-1][1] + columns[-1][2], y + 5)
    y += 7
    for row in cells:
        tall = 1
        for (_, x, width, align), value in zip(columns, row, strict=True):
            lines = value if isinstance(value, tuple) else (value,)
            tall = max(tall, len(lines))
            for index, text in enumerate(lines):
                s.text(x, y + lead * index, text, size=size, width=width, align=align)
        y += lead * (tall - 1) + gap + lead
    return y


def _de(value: Decimal) -> str:
    return _group(value, "de")


def _en(value: Decimal) -> str:
    return _group(value)


def _qty(text: str, fmt: Callable[[Decimal], str]) -> str:
    """A whole quantity with thousands as ``fmt`` groups them (``1.500``, ``1,200``)."""
    value = _d(text)
    return fmt(value)[:-3] if value == value.to_integral() else text


# -- Serbia, Latin: "FAKTURA broj", Prodavac/Kupac with PIB and MB, "Valuta plaćanja" a date --

_RSL_ROWS: list[Row] = [
    (("Suncokretovo ulje rafinisano,", "PET boca 1 l"), "2400", "kom", "H87", "189.90"),
    (("Šećer kristal, džak 50 kg",), "1250", "kg", "KGM", "97.50"),
    (("Brašno T-400 tip 'Panonija',", "papirna vreća 25 kg"), "3500", "kg", "KGM", "64.20"),
]
_RSL_NET = _net(_RSL_ROWS)
_RSL_TAX = _round(_RSL_NET * Decimal("0.20"))


def rs_latin_faktura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "AGROUNIJA d.o.o.", size=13, bold=True)
    _block(s, 15, 17, ["Temerinski put 42, 21000 Novi Sad, Srbija",
                       "PIB 104567891   MB 20345678", "T.R. 205-0000000123456-90"],
           size=8)  # fmt: skip
    s.text(120, 10, "FAKTURA broj: 1457/26", size=12, bold=True)
    s.pairs(120, 18, [("Datum fakture:", "11.03.2026."), ("Datum prometa:", "10.03.2026."),
                      ("Valuta plaćanja:", "10.04.2026."), ("Mesto prometa:", "Novi Sad")],
            gap=32, step=4.4)  # fmt: skip
    s.text(15, 38, "Prodavac:", size=8, bold=True)
    _block(s, 15, 42, ["AGROUNIJA d.o.o.", "PIB: 104567891"], size=8)
    s.text(110, 38, "Kupac:", size=8, bold=True)
    _block(s, 110, 42, ["Tržni Centar Zvezdara d.o.o.",
                        "Bulevar kralja Aleksandra 300, 11050 Beograd, Srbija",
                        "PIB: 109876543   MB: 21987654"], size=8)  # fmt: skip
    cols = [("R.br.", 15, 10, "L"), ("Naziv artikla", 26, 70, "L"), ("JM", 97, 10, "L"),
            ("Količina", 108, 18, "R"), ("Cena bez PDV", 128, 26, "R"), ("PDV %", 155, 12, "R"),
            ("Iznos bez PDV", 168, 27, "R")]  # fmt: skip
    cells = [[f"{i}.", r[0], r[2], _qty(r[1], _de), _de(_d(r[4])), "20", _de(_amount(r))]
             for i, r in enumerate(_RSL_ROWS, 1)]  # fmt: skip
    y = _table(s, 62, cols, cells)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 3, [("Ukupna osnovica:", _de(_RSL_NET)),
                                     ("Ukupan PDV 20%:", _de(_RSL_TAX)),
                                     ("UKUPNO ZA UPLATU (RSD):", _de(_RSL_NET + _RSL_TAX))],
                size=8.5)  # fmt: skip
    s.text(15, y + 6, "Uplatu izvršiti na tekući račun 205-0000000123456-90, poziv na broj "
                      "1457/26.", size=7.5)  # fmt: skip
    return s.output()


RS_LATIN_FAKTURA_TRUTH = _truth(
    invoice_number="1457/26", type_code="380", issue_date="2026-03-11", currency="RSD",
    seller_name="AGROUNIJA d.o.o.", seller_vat_id="104567891", seller_country="RS",
    buyer_name="Tržni Centar Zvezdara d.o.o.", buyer_country="RS",
    tax_exclusive_total=_plain(_RSL_NET), tax_total=_plain(_RSL_TAX),
    grand_total=_plain(_RSL_NET + _RSL_TAX), due_payable=_plain(_RSL_NET + _RSL_TAX),
    line_items=_truth_lines(_RSL_ROWS),
)  # fmt: skip


# -- Serbia, Cyrillic: "ФАКТУРА бр.", Испоручилац/Прималац, a buyer in North Macedonia --------

_RSC_ROWS: list[Row] = [
    (('Вентил кугласти 1/2", месинг',), "600", "ком", "H87", "412.00"),
    (("Цев бакарна 15 мм, колут 50 м,", "тврдо жарена"), "40", "ком", "H87", "18650.00"),
    (("Лем тинол 3 мм",), "25", "кг", "KGM", "2980.00"),
]
_RSC_NET = _net(_RSC_ROWS)
_RSC_TAX = _round(_RSC_NET * Decimal("0.20"))


def rs_cyrillic_faktura() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "ФАКТУРА бр. Ф-0392/2026", size=13, bold=True)
    s.pairs(15, 18, [("Датум издавања:", "28.05.2026."), ("Датум промета:", "27.05.2026."),
                     ("Рок плаћања:", "15 дана")], gap=30, step=4.4)  # fmt: skip
    s.text(15, 35, "Испоручилац:", size=8, bold=True)
    _block(s, 15, 39, ["Термо Инсталације Ниш д.о.о.", "Булевар Немањића 25, 18000 Ниш, Србија",
                       "ПИБ 105678912, МБ 20765432"], size=8)  # fmt: skip
    s.text(110, 35, "Прималац:", size=8, bold=True)
    _block(s, 110, 39, ["Водовод Монтажа ДООЕЛ", "ул. Партизанска 12, 1000 Скопје,",
                        "Северна Македонија", "ЕДБ 4030012345678"], size=8)  # fmt: skip
    s.text(15, 58, "Износи су исказани у динарима (РСД).", size=8)
    cols = [
        ("Р. бр.", 15, 10, "L"),
        ("Назив добра", 26, 74, "L"),
        ("Кол.", 101, 16, "R"),
        ("Ј.М.", 119, 10, "L"),
        ("Цена", 130, 28, "R"),
        ("Вредност", 160, 35, "R"),
    ]
    cells = [[str(i), r[0], _qty(r[1], _de), r[2], _de(_d(r[4])), _de(_amount(r))]
             for i, r in enumerate(_RSC_ROWS, 1)]  # fmt: skip
    y = _table(s, 66, cols, cells, size=8)
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 161, y + 3, [("Основица за ПДВ 20%:", _de(_RSC_NET)),
                                 ("Износ ПДВ:", _de(_RSC_TAX)),
                                 ("Укупно за плаћање:", _de(_RSC_NET + _RSC_TAX))],
            size=8.5)  # fmt: skip
    return s.output()


RS_CYRILLIC_FAKTURA_TRUTH = _truth(
    invoice_number="Ф-0392/2026", type_code="380", issue_date="2026-05-28", currency="RSD",
    seller_name="Термо Инсталације Ниш д.о.о.", seller_vat_id="105678912", seller_country="RS",
    buyer_name="Водовод Монтажа ДООЕЛ", buyer_country="MK",
    tax_exclusive_total=_plain(_RSC_NET), tax_total=_plain(_RSC_TAX),
    grand_total=_plain(_RSC_NET + _RSC_TAX), due_payable=_plain(_RSC_NET + _RSC_TAX),
    line_items=_truth_lines(_RSC_ROWS),
)  # fmt: skip


# -- Bulgaria: "ФАКТУРА" in euro, the lev equivalent under the totals, Доставчик on the left --

_BG_ROWS: list[Row] = [
    (("Кашкавал от краве мляко,", "пита 1 кг"), "480", "кг", "KGM", "11.40"),
    (("Бяло саламурено сирене, кофа 8 кг",), "1200", "кг", "KGM", "7.85"),
    (("Кисело мляко 3,6%, 400 г",), "6000", "бр.", "H87", "0.92"),
]
_BG_NET = _net(_BG_ROWS)
_BG_TAX = _round(_BG_NET * Decimal("0.20"))
_BGN = Decimal("1.95583")


def bg_faktura_euro() -> bytes:
    s = Sheet2()
    s.text(85, 8, "ФАКТУРА", size=15, bold=True)
    s.pairs(70, 16, [("Номер:", "0000004521"), ("Дата на издаване:", "19.01.2026"),
                     ("Дата на данъчно събитие:", "19.01.2026")], gap=42, step=4.4)  # fmt: skip
    s.pairs(15, 34, [("Доставчик:", "Родопа Млечни Продукти ООД"), ("ЕИК:", "175123456"),
                     ("Идент. № по ДДС:", "BG175123456"), ("Град:", "Смолян, България"),
                     ("Адрес:", "ул. Родопи 14"), ("МОЛ:", "Георги Димитров")],
            gap=28, step=4.4)  # fmt: skip
    s.pairs(110, 34, [("Получател:", "Тракия Маркет ЕАД"), ("ЕИК:", "115234567"),
                      ("ИН по ЗДДС:", "BG115234567"), ("Град:", "Пловдив, България"),
                      ("Адрес:", "бул. Марица 120"), ("МОЛ:", "Елена Стоянова")],
            gap=24, step=4.4)  # fmt: skip
    cols = [
        ("№", 15, 8, "L"),
        ("Наименование на стоката", 24, 74, "L"),
        ("Мярка", 99, 12, "L"),
        ("Количество", 112, 20, "R"),
        ("Ед. цена", 134, 26, "R"),
        ("Стойност", 162, 33, "R"),
    ]
    cells = [[str(i), r[0], r[2], _qty(r[1], lambda v: _sp(v)), _sp(_d(r[4])), _sp(_amount(r))]
             for i, r in enumerate(_BG_ROWS, 1)]  # fmt: skip
    y = _table(s, 66, cols, cells)
    s.pdf.line(15, y, 195, y)
    gross = _BG_NET + _BG_TAX
    y = _totals(s, 105, 161, y + 3, [("Данъчна основа 20%:", f"{_sp(_BG_NET)} €"),
                                     ("Начислен ДДС 20%:", f"{_sp(_BG_TAX)} €"),
                                     ("Сума за плащане:", f"{_sp(gross)} €")],
                size=8.5)  # fmt: skip
    s.text(15, y + 3, f"Равностойност в лева: {_sp(_round(gross * _BGN))} лв. "
                      "(фиксиран курс 1,95583 лв. за 1 евро)", size=8)  # fmt: skip
    s.text(15, y + 8, "Начин на плащане: банков превод    IBAN BG80 BNBG 9661 1020 3456 78",
           size=8)  # fmt: skip
    return s.output()


BG_FAKTURA_EURO_TRUTH = _truth(
    invoice_number="0000004521", type_code="380", issue_date="2026-01-19", currency="EUR",
    seller_name="Родопа Млечни Продукти ООД", seller_vat_id="BG175123456", seller_country="BG",
    buyer_name="Тракия Маркет ЕАД", buyer_country="BG", tax_exclusive_total=_plain(_BG_NET),
    tax_total=_plain(_BG_TAX), grand_total=_plain(_BG_NET + _BG_TAX),
    due_payable=_plain(_BG_NET + _BG_TAX), line_items=_truth_lines(_BG_ROWS),
)  # fmt: skip


# -- Mongolia: "НЭХЭМЖЛЭХ", labelled parties, a unit column before the quantity ---------------

_MN_ROWS: list[Row] = [
    (("Цемент М400, уут 50 кг",), "800", "ш", "H87", "21500"),
    (("Арматур A500C Ø12 мм,", "урт 11.7 м"), "12500", "кг", "KGM", "3450"),
    (("Тоосго улаан, M100",), "20000", "ш", "H87", "480"),
]
_MN_NET = _net(_MN_ROWS)
_MN_TAX = _round(_MN_NET * Decimal("0.10"))


def mn_nekhemjlekh_ttd() -> bytes:
    s = Sheet2()
    s.text(70, 8, "НЭХЭМЖЛЭХ № НХ-2026/118", size=13, bold=True)
    s.text(70, 15, "Нэхэмжилсэн огноо: 2026.09.14", size=9)
    s.pairs(15, 25, [("Нэхэмжлэгч байгууллагын нэр:", "Дархан Барилга Материал ХХК"),
                     ("Хаяг:", "Дархан-Уул аймаг, Дархан сум, 7-р баг, Монгол Улс"),
                     ("Регистрийн №:", "6012345"),
                     ("Төлөгч байгууллагын нэр:", "Номин Констракшн ХХК"),
                     ("Хаяг:", "Сүхбаатар дүүрэг, 1-р хороо, Улаанбаатар, Монгол Улс"),
                     ("Регистрийн №:", "5098765"),
                     ("Валют:", "MNT (төгрөг)")], gap=52, step=4.6)  # fmt: skip
    cols = [("№", 15, 8, "L"), ("Бараа, үйлчилгээний нэр", 24, 72, "L"),
            ("Хэмжих нэгж", 97, 18, "L"), ("Тоо хэмжээ", 116, 20, "R"),
            ("Нэгж үнэ", 138, 24, "R"), ("Нийт үнэ", 164, 31, "R")]  # fmt: skip
    cells = [[str(i), r[0], r[2], _qty(r[1], _en), _en(_d(r[4])), _en(_amount(r))]
             for i, r in enumerate(_MN_ROWS, 1)]  # fmt: skip
    y = _table(s, 62, cols, cells)
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 161, y + 3, [("Нийт дүн:", _en(_MN_NET)), ("НӨАТ (10%):", _en(_MN_TAX)),
                                 ("Нийт төлөх дүн:", _en(_MN_NET + _MN_TAX))],
            size=8.5)  # fmt: skip
    return s.output()


MN_NEKHEMJLEKH_TTD_TRUTH = _truth(
    invoice_number="НХ-2026/118", type_code="380", issue_date="2026-09-14", currency="MNT",
    seller_name="Дархан Барилга Материал ХХК", seller_vat_id="6012345", seller_country="MN",
    buyer_name="Номин Констракшн ХХК", buyer_country="MN", tax_exclusive_total=_plain(_MN_NET),
    tax_total=_plain(_MN_TAX), grand_total=_plain(_MN_NET + _MN_TAX),
    due_payable=_plain(_MN_NET + _MN_TAX), line_items=_truth_lines(_MN_ROWS),
)  # fmt: skip


# -- Poland: "Faktura VAT nr", NIP with hyphens, a nine-column net / VAT / gross table ---------

_PL_ROWS: list[Row] = [
    (("Regał magazynowy RM-200,", "ocynk, 2000x1000x500 mm"), "35", "szt.", "H87", "1249.00"),
    (("Zestaw półek dodatkowych", "do RM-200 (4 szt.)"), "60", "kpl.", "SET", "289.50"),
    (("Montaż regałów",), "35", "szt.", "H87", "150.00"),
]
_PL_NET = _net(_PL_ROWS)
_PL_TAX = _round(_PL_NET * Decimal("0.23"))


def pl_faktura_nip() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Faktura VAT nr FV/2026/11/045", size=13, bold=True)
    s.pairs(130, 10, [("Miejsce wystawienia:", "Poznań"), ("Data wystawienia:", "2026-11-11"),
                      ("Data sprzedaży:", "2026-11-10")], gap=32, step=4.4)  # fmt: skip
    s.text(15, 28, "Sprzedawca", size=8.5, bold=True)
    _block(s, 15, 33, ["Magazynowe Systemy Wielkopolska Sp. z o.o.", "ul. Głogowska 210",
                       "60-104 Poznań, Polska", "NIP 781-123-45-67"], size=8)  # fmt: skip
    s.text(110, 28, "Nabywca", size=8.5, bold=True)
    _block(s, 110, 33, ["Hurtownia Budowlana Orzeł S.A.", "ul. Przemysłowa 7",
                        "30-701 Kraków, Polska", "NIP 676-234-56-78"], size=8)  # fmt: skip
    cols = [
        ("Lp.", 15, 7, "L"),
        ("Nazwa towaru lub usługi", 22, 46, "L"),
        ("J.m.", 69, 9, "L"),
        ("Ilość", 79, 10, "R"),
        ("Cena netto", 90, 19, "R"),
        ("Wartość netto", 110, 21, "R"),
        ("VAT", 132, 8, "R"),
        ("Kwota VAT", 141, 19, "R"),
        ("Wartość brutto", 161, 34, "R"),
    ]
    cells = []
    for i, r in enumerate(_PL_ROWS, 1):
        net = _amount(r)
        tax = _round(net * Decimal("0.23"))
        cells.append([f"{i}.", r[0], r[2], r[1], _sp(_d(r[4])), _sp(net), "23%", _sp(tax),
                      _sp(net + tax)])  # fmt: skip
    y = _table(s, 58, cols, cells, size=7.5)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 3, [("Razem netto:", _sp(_PL_NET)), ("VAT 23%:", _sp(_PL_TAX)),
                                     ("Do zapłaty:", f"{_sp(_PL_NET + _PL_TAX)} zł")],
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "Słownie: osiemdziesiąt jeden tysięcy pięćset dziewięćdziesiąt "
                      "dwa zł 05/100", size=8)  # fmt: skip
    s.text(15, y + 9, "Sposób płatności: przelew, termin 14 dni   Bank PKO BP "
                      "12 1020 4027 0000 1102 0345 6789", size=8)  # fmt: skip
    return s.output()


PL_FAKTURA_NIP_TRUTH = _truth(
    invoice_number="FV/2026/11/045", type_code="380", issue_date="2026-11-11", currency="PLN",
    seller_name="Magazynowe Systemy Wielkopolska Sp. z o.o.", seller_vat_id="7811234567",
    seller_country="PL", buyer_name="Hurtownia Budowlana Orzeł S.A.", buyer_country="PL",
    tax_exclusive_total=_plain(_PL_NET), tax_total=_plain(_PL_TAX),
    grand_total=_plain(_PL_NET + _PL_TAX), due_payable=_plain(_PL_NET + _PL_TAX),
    line_items=_truth_lines(_PL_ROWS),
)  # fmt: skip


# -- Turkey: "FATURA", SAYIN over the buyer, 'Vergi Dairesi: … VKN: …', '1.500 Adet' ---------

_TR_ROWS: list[Row] = [
    (("Pamuklu örme kumaş, 180 g/m²,", "ham beyaz"), "1500", "Kg", "KGM", "186.40"),
    (("Polo yaka tişört, %100 pamuk", "(S-XXL asorti)"), "2400", "Adet", "H87", "142.75"),
    (("Etiket ve aksesuar seti",), "2400", "Adet", "H87", "6.10"),
]
_TR_NET = _net(_TR_ROWS)
_TR_TAX = _round(_TR_NET * Decimal("0.10"))


def tr_fatura_vkn() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "EGE ÖRME TEKSTİL SAN. VE TİC. A.Ş.", size=11, bold=True)
    _block(s, 15, 17, ["Kemalpaşa OSB, 1. Cadde No: 14, 35730 Kemalpaşa / İzmir, Türkiye",
                       "Vergi Dairesi: Kemalpaşa VKN: 3210987654   Mersis: 0321098765400015"],
           size=8)  # fmt: skip
    s.text(150, 10, "FATURA", size=14, bold=True)
    s.pairs(130, 20, [("Fatura No:", "EGE2026000000217"), ("Fatura Tarihi:", "14-10-2026"),
                      ("Fatura Tipi:", "SATIŞ")], gap=24, step=4.4)  # fmt: skip
    s.text(15, 36, "SAYIN", size=9, bold=True)
    _block(s, 15, 41, ["Anadolu Giyim Sanayi Ltd. Şti.",
                       "Organize Sanayi Bölgesi 3. Cad. No: 8, 38070 Kayseri, Türkiye",
                       "Vergi Dairesi: Erciyes VKN: 0701234598"], size=8)  # fmt: skip
    cols = [("Sıra", 15, 9, "L"), ("Mal Hizmet", 25, 66, "L"), ("Miktar", 92, 22, "R"),
            ("Birim Fiyat", 116, 22, "R"), ("KDV Oranı", 140, 14, "R"),
            ("Mal Hizmet Tutarı", 156, 39, "R")]  # fmt: skip
    cells = [[str(i), r[0], f"{_qty(r[1], _de)} {r[2]}", f"{_de(_d(r[4]))} TL", "%10",
              f"{_de(_amount(r))} TL"] for i, r in enumerate(_TR_ROWS, 1)]  # fmt: skip
    y = _table(s, 60, cols, cells)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 156, y + 3, [("Mal Hizmet Toplam Tutarı", f"{_de(_TR_NET)} TL"),
                                     ("Hesaplanan KDV(%10)", f"{_de(_TR_TAX)} TL"),
                                     ("Vergiler Dahil Toplam Tutar",
                                      f"{_de(_TR_NET + _TR_TAX)} TL"),
                                     ("Ödenecek Tutar", f"{_de(_TR_NET + _TR_TAX)} TL")],
                width=39, size=8.5)  # fmt: skip
    s.text(15, y + 4, "Yalnız: yedi yüz bin beş yüz yirmi dört Türk Lirası", size=8)
    return s.output()


TR_FATURA_VKN_TRUTH = _truth(
    invoice_number="EGE2026000000217", type_code="380", issue_date="2026-10-14", currency="TRY",
    seller_name="EGE ÖRME TEKSTİL SAN. VE TİC. A.Ş.", seller_vat_id="3210987654",
    seller_country="TR", buyer_name="Anadolu Giyim Sanayi Ltd. Şti.", buyer_country="TR",
    tax_exclusive_total=_plain(_TR_NET), tax_total=_plain(_TR_TAX),
    grand_total=_plain(_TR_NET + _TR_TAX), due_payable=_plain(_TR_NET + _TR_TAX),
    line_items=_truth_lines(_TR_ROWS),
)  # fmt: skip


# -- Czech Republic: "Faktura - daňový doklad", 'IČ: … DIČ: …' on one line, Kč ---------------

_CZ_ROWS: list[Row] = [
    (("Dlažba betonová 20x10x6 cm,", "přírodní šedá"), "4200", "ks", "H87", "9.80"),
    (("Obrubník silniční 100x15x25 cm",), "180", "ks", "H87", "214.00"),
    (("Kamenivo drcené frakce 8-16",), "18000", "kg", "KGM", "0.62"),
]
_CZ_NET = _net(_CZ_ROWS)
_CZ_TAX = _round(_CZ_NET * Decimal("0.21"))


def cz_faktura_dic() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Faktura - daňový doklad č. 2026010457", size=12, bold=True)
    s.text(15, 22, "Dodavatel:", size=8, bold=True)
    _block(s, 15, 26, ["Betonové Prvky Kladno s.r.o.", "Průmyslová 1180, 272 01 Kladno",
                       "Česká republika", "IČ: 27123456 DIČ: CZ27123456",
                       "Zapsáno u KS v Praze, oddíl C, vložka 112233"], size=8)  # fmt: skip
    s.text(110, 22, "Odběratel:", size=8, bold=True)
    _block(s, 110, 26, ["Zahradní Stavby Novák s.r.o.", "Nádražní 45, 370 01 České Budějovice",
                        "Česká republika", "IČ: 04123456 DIČ: CZ04123456"], size=8)  # fmt: skip
    s.pairs(110, 46, [("Datum vystavení:", "3. 2. 2026"), ("Datum uskut. plnění:", "3. 2. 2026"),
                      ("Datum splatnosti:", "17. 2. 2026"), ("Forma úhrady:", "převodem")],
            gap=32, step=4.2)  # fmt: skip
    cols = [("Označení dodávky", 15, 70, "L"), ("Počet", 86, 16, "R"), ("m.j.", 103, 9, "L"),
            ("Cena za m.j.", 113, 22, "R"), ("DPH %", 136, 11, "R"), ("Bez DPH", 148, 22, "R"),
            ("Celkem", 171, 24, "R")]  # fmt: skip
    cells = [[r[0], _qty(r[1], _sp), r[2], _sp(_d(r[4])), "21", _sp(_amount(r)),
              _sp(_round(_amount(r) * Decimal("1.21")))] for r in _CZ_ROWS]  # fmt: skip
    y = _table(s, 68, cols, cells)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 161, y + 3, [("Celkem bez DPH:", f"{_sp(_CZ_NET)} Kč"),
                                     ("DPH 21 %:", f"{_sp(_CZ_TAX)} Kč"),
                                     ("Celkem k úhradě:", f"{_sp(_CZ_NET + _CZ_TAX)} Kč")],
                size=8.5)  # fmt: skip
    s.text(15, y + 5, "Bankovní spojení: 2801234567/2010, VS 2026010457", size=8)
    return s.output()


CZ_FAKTURA_DIC_TRUTH = _truth(
    invoice_number="2026010457", type_code="380", issue_date="2026-02-03", currency="CZK",
    seller_name="Betonové Prvky Kladno s.r.o.", seller_vat_id="CZ27123456", seller_country="CZ",
    buyer_name="Zahradní Stavby Novák s.r.o.", buyer_country="CZ",
    tax_exclusive_total=_plain(_CZ_NET), tax_total=_plain(_CZ_TAX),
    grand_total=_plain(_CZ_NET + _CZ_TAX), due_payable=_plain(_CZ_NET + _CZ_TAX),
    line_items=_truth_lines(_CZ_ROWS),
)  # fmt: skip


# -- Indonesia: "FAKTUR PENJUALAN", 'Kepada Yth.', NPWP, PCS/KGS/CTN, Rp with dot thousands ---

_ID_ROWS: list[Row] = [
    (("Gelas plastik PP 16 oz,", "isi 50 pcs/slop"), "1200", "PCS", "H87", "1850.00"),
    (("Biji plastik PP homopolimer",), "2500", "KGS", "KGM", "21400.00"),
    (("Sedotan kertas 6 mm,", "isi 1.000 pcs"), "85", "CTN", "XCT", "312000.00"),
]
_ID_NET = _net(_ID_ROWS)
_ID_TAX = _round(_ID_NET * Decimal("0.11"))


def id_faktur_penjualan() -> bytes:
    s = Sheet2()
    s.text(15, 10, "PT SINAR PLASTIK NUSANTARA", size=12, bold=True)
    _block(s, 15, 17, ["Jl. Raya Bekasi Km. 21, Cakung, Jakarta Timur 13920, Indonesia",
                       "NPWP: 01.234.567.8-009.000   Telp. (021) 460 1234"], size=8)  # fmt: skip
    s.text(135, 10, "FAKTUR PENJUALAN", size=12, bold=True)
    s.pairs(135, 18, [("No. Faktur", ": INV/2026/VIII/0217"), ("Tanggal", ": 21 Agustus 2026"),
                      ("Jatuh Tempo", ": 20 September 2026")], gap=20, step=4.4)  # fmt: skip
    s.text(15, 34, "Kepada Yth.", size=8.5, bold=True)
    _block(s, 15, 39, ["CV Maju Bersama Sejahtera", "Jl. Kenjeran No. 155, Surabaya 60134",
                       "Jawa Timur, Indonesia"], size=8)  # fmt: skip
    cols = [("No", 15, 8, "L"), ("Kode", 24, 16, "L"), ("Nama Barang", 41, 60, "L"),
            ("Qty", 102, 14, "R"), ("Satuan", 118, 12, "L"), ("Harga", 131, 28, "R"),
            ("Jumlah", 161, 34, "R")]  # fmt: skip
    codes = ["GLS-16", "PP-H01", "SDT-06"]
    cells = [[str(i), c, r[0], _qty(r[1], _de), r[2], _de(_d(r[4])), _de(_amount(r))]
             for i, (c, r) in enumerate(zip(codes, _ID_ROWS, strict=True), 1)]  # fmt: skip
    y = _table(s, 58, cols, cells)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 3, [("Subtotal", f"Rp {_de(_ID_NET)}"),
                                     ("PPN 11%", f"Rp {_de(_ID_TAX)}"),
                                     ("Total Tagihan", f"Rp {_de(_ID_NET + _ID_TAX)}")],
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "Terbilang: sembilan puluh satu juta dua ratus delapan puluh enam ribu "
                      "empat ratus rupiah", size=7.5)  # fmt: skip
    s.text(15, y + 9, "Pembayaran ke BCA 123-456-7890 a.n. PT Sinar Plastik Nusantara", size=8)
    return s.output()


ID_FAKTUR_PENJUALAN_TRUTH = _truth(
    invoice_number="INV/2026/VIII/0217", type_code="380", issue_date="2026-08-21", currency="IDR",
    seller_name="PT SINAR PLASTIK NUSANTARA", seller_country="ID",
    buyer_name="CV Maju Bersama Sejahtera", buyer_country="ID",
    tax_exclusive_total=_plain(_ID_NET), tax_total=_plain(_ID_TAX),
    grand_total=_plain(_ID_NET + _ID_TAX), due_payable=_plain(_ID_NET + _ID_TAX),
    line_items=_truth_lines(_ID_ROWS),
)  # fmt: skip


# -- Thailand: "TAX INVOICE / RECEIPT", 13-digit Tax ID with head office / branch, Baht ---------

_TH_ROWS: list[Row] = [
    (("Rubber engine mount RM-2213", "for pickup 2.4L"), "850", "PCS", "H87", "412.50"),
    (("Suspension bushing kit SB-07", "(8 pieces per set)"), "300", "SET", "SET", "1265.00"),
    (("Rubber seal strip, 5 m roll",), "1200", "PCS", "H87", "96.00"),
]
_TH_NET = _net(_TH_ROWS)
_TH_TAX = _round(_TH_NET * Decimal("0.07"))


def th_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Siam Rubber Products Co., Ltd.", size=12, bold=True)
    _block(s, 15, 17, ["99/12 Moo 4, Bangna-Trad Road Km. 23, Bang Sao Thong,",
                       "Samut Prakan 10570, Thailand",
                       "Tax ID 0105551234567 (Head Office)"], size=8)  # fmt: skip
    s.text(135, 10, "TAX INVOICE / RECEIPT", size=11, bold=True)
    s.text(135, 16, "(ORIGINAL)", size=8)
    s.pairs(135, 22, [("No.", "IV2026-00318"), ("Date", "15/03/2026"), ("Credit", "30 days")],
            gap=16, step=4.4)  # fmt: skip
    s.text(15, 36, "Customer", size=8.5, bold=True)
    _block(s, 15, 41, ["Nakorn Auto Parts Co., Ltd.", "Branch 00002",
                       "88 Moo 2, Pluak Daeng, Rayong 21140, Thailand",
                       "Tax ID 0215559876543"], size=8)  # fmt: skip
    cols = [
        ("Item", 15, 10, "L"),
        ("Description", 26, 72, "L"),
        ("Quantity", 99, 18, "R"),
        ("Unit", 119, 10, "L"),
        ("Unit Price", 130, 28, "R"),
        ("Amount", 160, 35, "R"),
    ]
    cells = [[str(i), r[0], _qty(r[1], _en), r[2], _en(_d(r[4])), _en(_amount(r))]
             for i, r in enumerate(_TH_ROWS, 1)]  # fmt: skip
    y = _table(s, 62, cols, cells)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 3, [("Total", _en(_TH_NET)), ("VAT 7%", _en(_TH_TAX)),
                                     ("Grand Total", _en(_TH_NET + _TH_TAX))],
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "(Nine hundred four thousand four hundred ninety-seven Baht "
                      "and seventy-five Satang)", size=8)  # fmt: skip
    return s.output()


TH_TAX_INVOICE_TRUTH = _truth(
    invoice_number="IV2026-00318", type_code="380", issue_date="2026-03-15", currency="THB",
    seller_name="Siam Rubber Products Co., Ltd.", seller_vat_id="0105551234567",
    seller_country="TH", buyer_name="Nakorn Auto Parts Co., Ltd.", buyer_country="TH",
    tax_exclusive_total=_plain(_TH_NET), tax_total=_plain(_TH_TAX),
    grand_total=_plain(_TH_NET + _TH_TAX), due_payable=_plain(_TH_NET + _TH_TAX),
    line_items=_truth_lines(_TH_ROWS),
)  # fmt: skip


# -- Saudi Arabia: Arabic beside English labels, VAT No., SAR, CTN/PCS ------------------------

_SA_ROWS: list[Row] = [
    (("Dates Khalas premium, 5 kg box",), "640", "CTN", "XCT", "118.00"),
    (("Date paste, 1 kg pack",), "2000", "PCS", "H87", "14.25"),
    (("Dates gift box, 24 pieces,", "assorted (Sukkari, Ajwa)"), "350", "PCS", "H87", "86.00"),
]
_SA_NET = _net(_SA_ROWS)
_SA_TAX = _round(_SA_NET * Decimal("0.15"))


def sa_ar_en() -> bytes:
    s = Sheet2()
    s.text(75, 8, "فاتورة ضريبية  Tax Invoice", size=13, bold=True)
    s.pairs(15, 20, [("Invoice Number رقم الفاتورة:", "INV-2026-00871"),
                     ("Issue Date تاريخ الإصدار:", "2026-04-05")], gap=50, step=4.6)  # fmt: skip
    s.text(15, 32, "Seller البائع", size=8.5, bold=True)
    _block(s, 15, 37, ["Al Noor Date Factory Co.", "King Fahd Road, Al Olaya, Riyadh 12214",
                       "Saudi Arabia", "VAT No. الرقم الضريبي: 310123456700003"],
           size=8)  # fmt: skip
    s.text(110, 32, "Buyer المشتري", size=8.5, bold=True)
    _block(s, 110, 37, ["Red Sea Hypermarkets LLC", "Prince Sultan St., Jeddah 23615",
                        "Saudi Arabia", "VAT No. الرقم الضريبي: 300987654300003"],
           size=8)  # fmt: skip
    cols = [("Description الوصف", 15, 74, "L"), ("Unit الوحدة", 90, 18, "L"),
            ("Qty الكمية", 109, 18, "R"), ("Unit Price سعر الوحدة", 128, 32, "R"),
            ("Total المجموع", 162, 33, "R")]  # fmt: skip
    cells = [[r[0], r[2], _qty(r[1], _en), _en(_d(r[4])), _en(_amount(r))] for r in _SA_ROWS]
    y = _table(s, 62, cols, cells)
    s.pdf.line(15, y, 195, y)
    _totals(s, 90, 161, y + 3, [("Total (Excluding VAT) الإجمالي", f"SAR {_en(_SA_NET)}"),
                                ("Total VAT 15% ضريبة القيمة المضافة", f"SAR {_en(_SA_TAX)}"),
                                ("Total Amount Due المبلغ المستحق",
                                 f"SAR {_en(_SA_NET + _SA_TAX)}")], size=8)  # fmt: skip
    return s.output()


SA_AR_EN_TRUTH = _truth(
    invoice_number="INV-2026-00871", type_code="380", issue_date="2026-04-05", currency="SAR",
    seller_name="Al Noor Date Factory Co.", seller_vat_id="310123456700003", seller_country="SA",
    buyer_name="Red Sea Hypermarkets LLC", buyer_country="SA",
    tax_exclusive_total=_plain(_SA_NET), tax_total=_plain(_SA_TAX),
    grand_total=_plain(_SA_NET + _SA_TAX), due_payable=_plain(_SA_NET + _SA_TAX),
    line_items=_truth_lines(_SA_ROWS),
)  # fmt: skip


# -- United States: a commercial invoice, quantity and unit first, freight, "Total Due" -------

_US_ROWS: list[Row] = [
    (
        ("Camping tent, 4-person, polyester,", "with rain fly (6 per carton)"),
        "120",
        "CTN",
        "XCT",
        "534.00",
    ),
    (("Trekking pole set, aluminum",), "450", "SET", "SET", "38.75"),
    (
        ("Insulated water bottle 32 oz,", "stainless steel, assorted", "colors"),
        "2400",
        "PCS",
        "H87",
        "9.60",
    ),
]
_US_NET = _net(_US_ROWS)
_US_FREIGHT = Decimal("1850.00")
_US_INSURANCE = Decimal("312.40")
_US_TOTAL = _US_NET + _US_FREIGHT + _US_INSURANCE


def us_commercial_total_due() -> bytes:
    s = Sheet2()
    s.text(70, 8, "COMMERCIAL INVOICE", size=14, bold=True)
    s.text(15, 20, "Shipper / Exporter", size=8, bold=True)
    _block(s, 15, 24, ["Keystone Outdoor Gear Inc.", "2200 Industrial Drive",
                       "Harrisburg, PA 17110, USA", "EIN 23-4567890"], size=8)  # fmt: skip
    s.pairs(120, 20, [("Invoice No.:", "CI-88412"), ("Invoice Date:", "September 8, 2026"),
                      ("Incoterms:", "DAP Calgary"), ("Currency:", "USD")],
            gap=26, step=4.4)  # fmt: skip
    s.text(15, 44, "Sold To / Consignee", size=8, bold=True)
    _block(s, 15, 48, ["Maple Trail Retail Ltd.", "400 4 Ave SW",
                       "Calgary, AB T2P 0J4, Canada"], size=8)  # fmt: skip
    cols = [("Qty", 15, 12, "R"), ("Unit", 29, 10, "L"), ("Description of Goods", 40, 62, "L"),
            ("HTS Code", 103, 20, "L"), ("Origin", 124, 12, "L"), ("Unit Value", 137, 24, "R"),
            ("Total Value", 162, 33, "R")]  # fmt: skip
    hts = ["6306.22.9030", "9506.99.6080", "9617.00.1000"]
    cells = [
        [_qty(r[1], _en), r[2], r[0], h, "CN" if i == 2 else "US", _en(_d(r[4])), _en(_amount(r))]
        for i, (h, r) in enumerate(zip(hts, _US_ROWS, strict=True))
    ]
    y = _table(s, 66, cols, cells)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 120, 161, y + 3, [("Subtotal", _en(_US_NET)), ("Freight", _en(_US_FREIGHT)),
                                     ("Insurance", _en(_US_INSURANCE)),
                                     ("Total Due (USD)", _en(_US_TOTAL))], size=8.5)  # fmt: skip
    s.text(15, y + 4, "I declare that all the information contained in this invoice is true "
                      "and correct.", size=7.5)  # fmt: skip
    return s.output()


US_COMMERCIAL_TOTAL_DUE_TRUTH = _truth(
    invoice_number="CI-88412", type_code="380", issue_date="2026-09-08", currency="USD",
    seller_name="Keystone Outdoor Gear Inc.", seller_country="US",
    buyer_name="Maple Trail Retail Ltd.", buyer_country="CA", grand_total=_plain(_US_TOTAL),
    due_payable=_plain(_US_TOTAL), line_items=_truth_lines(_US_ROWS),
)  # fmt: skip


# -- India: a Tally-style GST invoice, Quantity / Rate / per, CGST + SGST, lakh grouping -------

_IN_ROWS: list[Row] = [
    (("Centrifugal pump impeller,", "cast iron, 150 mm"), "120", "Nos", "H87", "1850.00"),
    (("MS flange plates",), "450", "Kgs", "KGM", "96.50"),
    (("Mechanical seal assembly", "type 21, 35 mm"), "40", "Set", "SET", "2275.00"),
]
_IN_NET = _net(_IN_ROWS)
_IN_CGST = _round(_IN_NET * Decimal("0.09"))


def in_gst_tally() -> bytes:
    s = Sheet2()
    s.text(85, 8, "Tax Invoice", size=13, bold=True)
    _block(s, 15, 18, ["Shree Ganesh Engineering Works", "Plot 14, MIDC Bhosari, Pune 411026",
                       "GSTIN/UIN: 27AABFS1234K1Z5", "State Name : Maharashtra, Code : 27"],
           size=8, bold_first=True)  # fmt: skip
    s.pairs(120, 18, [("Invoice No.", "GST/26-27/0419"), ("Dated", "12-Jun-2026"),
                      ("Mode/Terms of Payment", "30 Days")], gap=38, step=4.4)  # fmt: skip
    s.text(15, 38, "Buyer (Bill to)", size=8)
    _block(s, 15, 42, ["Deccan Pumps Pvt. Ltd.", "Gat No. 112, Sinnar MIDC, Nashik 422113",
                       "GSTIN/UIN: 27AACCD5678L1Z2", "State Name : Maharashtra, Code : 27"],
           size=8, bold_first=True)  # fmt: skip
    cols = [("Sl No.", 15, 10, "L"), ("Description of Goods", 26, 60, "L"),
            ("HSN/SAC", 87, 16, "L"), ("Quantity", 104, 20, "R"), ("Rate", 125, 22, "R"),
            ("per", 148, 9, "L"), ("Amount", 158, 37, "R")]  # fmt: skip
    lakh = lambda v: _group(v, "in")  # noqa: E731
    hsn = ["84139190", "73079990", "84842000"]
    cells = [[str(i), r[0], h, f"{r[1]} {r[2]}", lakh(_d(r[4])), r[2], lakh(_amount(r))]
             for i, (h, r) in enumerate(zip(hsn, _IN_ROWS, strict=True), 1)]  # fmt: skip
    y = _table(s, 64, cols, cells)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 158, y + 3, [("Sub Total", lakh(_IN_NET)),
                                     ("Output CGST @ 9%", lakh(_IN_CGST)),
                                     ("Output SGST @ 9%", lakh(_IN_CGST)),
                                     ("Total", f"₹ {lakh(_IN_NET + 2 * _IN_CGST)}")],
                width=37, size=8.5)  # fmt: skip
    s.text(15, y + 4, "Amount Chargeable (in words): INR Four Lakh Twenty Thousand Five Hundred "
                      "Eighty One and Fifty paise Only", size=7.5)  # fmt: skip
    s.text(15, y + 9, "Company's PAN : AABFS1234K", size=7.5)
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
IN_GST_TALLY_TRUTH = _truth(
    invoice_number="GST/26-27/0419", type_code="380", issue_date="2026-06-12", currency="INR",
    seller_name="Shree Ganesh Engineering Works", seller_vat_id="27AABFS1234K1Z5",
    seller_country=None, buyer_name="Deccan Pumps Pvt. Ltd.", buyer_country=None,
    tax_exclusive_total=_plain(_IN_NET), tax_total=_plain(2 * _IN_CGST),
    grand_total=_plain(_IN_NET + 2 * _IN_CGST), due_payable=_plain(_IN_NET + 2 * _IN_CGST),
    line_items=_truth_lines(_IN_ROWS),
)  # fmt: skip


# -- China: an exporter's commercial invoice, 'To Messrs.', marks column, SETS/PCS, SAY TOTAL --

_CN_ROWS: list[Row] = [
    (
        ("STAINLESS STEEL KITCHEN KNIFE SET,", "6 PCS WITH WOODEN BLOCK", "ART. NO. HD-K606"),
        "1200",
        "SETS",
        "SET",
        "7.85",
    ),
    (("NON-STICK FRYING PAN 28 CM,", "ART. NO. HD-P28"), "3000", "PCS", "H87", "4.20"),
    (("SILICONE SPATULA, ART. NO. HD-S11",), "5000", "PCS", "H87", "0.68"),
]
_CN_TOTAL = _net(_CN_ROWS)


def cn_export_ci() -> bytes:
    s = Sheet2()
    s.text(45, 8, "NINGBO HAIDA HOUSEWARE CO., LTD.", size=13, bold=True)
    s.text(40, 15, "No. 128 Jinhai Road, Beilun District, Ningbo, Zhejiang 315800, China",
           size=8)  # fmt: skip
    s.text(75, 22, "COMMERCIAL INVOICE", size=13, bold=True)
    s.pairs(15, 32, [("To Messrs.:", "EUROKITCHEN TRADING B.V."),
                     ("", "Waalhaven Z.Z. 19, 3089 JH Rotterdam, The Netherlands")],
            gap=22, step=4.4)  # fmt: skip
    s.pairs(130, 32, [("Invoice No.:", "HD26E0583"), ("Date:", "AUG. 26, 2026"),
                      ("S/C No.:", "HD-SC-2605")], gap=22, step=4.4)  # fmt: skip
    s.text(15, 46, "From NINGBO, CHINA to ROTTERDAM, THE NETHERLANDS by sea   Terms: FOB NINGBO",
           size=8)  # fmt: skip
    cols = [
        ("Marks & Nos.", 15, 22, "L"),
        ("Description of Goods", 38, 70, "L"),
        ("Quantity", 109, 26, "R"),
        ("Unit Price", 137, 24, "R"),
        ("Amount", 163, 32, "R"),
    ]
    cells = [["N/M" if i else ("HAIDA", "ROTTERDAM", "C/NO. 1-UP")[0], r[0],
              f"{_qty(r[1], _en)} {r[2]}", f"USD {_en(_d(r[4]))}", f"USD {_en(_amount(r))}"]
             for i, r in enumerate(_CN_ROWS)]  # fmt: skip
    y = _table(s, 54, cols, cells)
    s.pdf.line(15, y, 195, y)
    s.text(38, y + 3, "TOTAL:", size=8.5, bold=True)
    s.text(109, y + 3, "9,200 PCS/SETS", size=8.5, width=26, align="R")
    s.text(163, y + 3, f"USD {_en(_CN_TOTAL)}", size=8.5, bold=True, width=32, align="R")
    s.text(15, y + 10, "SAY TOTAL U.S. DOLLARS TWENTY-FIVE THOUSAND FOUR HUNDRED TWENTY ONLY.",
           size=8)  # fmt: skip
    s.text(120, y + 26, "NINGBO HAIDA HOUSEWARE CO., LTD.", size=8, bold=True)
    return s.output()


CN_EXPORT_CI_TRUTH = _truth(
    invoice_number="HD26E0583", type_code="380", issue_date="2026-08-26", currency="USD",
    seller_name="NINGBO HAIDA HOUSEWARE CO., LTD.", seller_country="CN",
    buyer_name="EUROKITCHEN TRADING B.V.", buyer_country="NL", grand_total=_plain(_CN_TOTAL),
    due_payable=_plain(_CN_TOTAL), line_items=_truth_lines(_CN_ROWS),
)  # fmt: skip


BATCH19: list[Layout] = [
    Layout("rs-latin-faktura", rs_latin_faktura, RS_LATIN_FAKTURA_TRUTH),
    Layout("rs-cyrillic-faktura", rs_cyrillic_faktura, RS_CYRILLIC_FAKTURA_TRUTH),
    Layout("bg-faktura-euro", bg_faktura_euro, BG_FAKTURA_EURO_TRUTH),
    Layout("mn-nekhemjlekh-ttd", mn_nekhemjlekh_ttd, MN_NEKHEMJLEKH_TTD_TRUTH),
    Layout("pl-faktura-nip", pl_faktura_nip, PL_FAKTURA_NIP_TRUTH),
    Layout("tr-fatura-vkn", tr_fatura_vkn, TR_FATURA_VKN_TRUTH),
    Layout("cz-faktura-dic", cz_faktura_dic, CZ_FAKTURA_DIC_TRUTH),
    Layout("id-faktur-penjualan", id_faktur_penjualan, ID_FAKTUR_PENJUALAN_TRUTH),
    Layout("th-tax-invoice", th_tax_invoice, TH_TAX_INVOICE_TRUTH),
    Layout("sa-ar-en", sa_ar_en, SA_AR_EN_TRUTH),
    Layout("us-commercial-total-due", us_commercial_total_due, US_COMMERCIAL_TOTAL_DUE_TRUTH),
    Layout("in-tally-per", in_gst_tally, IN_GST_TALLY_TRUTH),
    Layout("cn-export-ci", cn_export_ci, CN_EXPORT_CI_TRUTH),
]


def write_batch19(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH19)
