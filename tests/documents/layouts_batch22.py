"""A twenty-second batch of hand-written invoices (review of invoices20), written (session 24)
before invoices20's rules (``git diff main..lead -- src/clearlane/documents``) or the reader's
layout code were read: twelve layouts out of sample, in languages and layouts none of batches
1-21 has, scored once as written (docs/documents.md, "session 24, 6 December: batch 22").

An Icelandic ``Reikningur`` (``Kt.`` and ``VSK-nr.``, krónur without decimals and a dot between
thousands, ``kr.`` after the number, ``Upphæðir í ISK``); a Finnish-Swedish bilingual
``LASKU / FAKTURA`` (every caption in both languages, the line table's headers on two lines,
ALV 25,5 %, dates ``2.6.2026``); an Albanian ``Faturë tatimore`` (NIPT, TVSH 20 %, the two
parties side by side, a table without rules, the total in words, ``Lekë``); a Macedonian
``Фактура`` (ЕДБ, ДДВ 0 % on an export, euros with a dot between thousands); a Georgian
``ანგარიშ-ფაქტურა`` (ს/კ identification code, დღგ 18 %, ``ვალუტა: GEL``, the buyer above the
seller); an Armenian ``Հաշիվ-ապրանքագիր`` (ՀՎՀՀ, ԱԱՀ 20 %, drams without decimals and a comma
between thousands); an Azerbaijani ``Elektron qaimə-faktura`` (``Seriya AA № 2604517``, VÖEN,
ƏDV 18 %, ``27 oktyabr 2026``); a Sri Lankan ``Tax Invoice`` in the Inland Revenue's form
(Supplier's / Purchaser's TIN, ``Date of Invoice`` after the parties, ``Rs.``, the total in
words in rupees); a Pakistani ``Sales Tax Invoice`` (NTN and STRN, HS codes, value excluding and
including sales tax per line, a table without rules); a Bangladeshi ``Mushak-6.3`` (BIN, VAT
15 %, taka in lakh grouping ``12,34,500.00``); a Kazakh-language ``ШОТ-ФАКТУРА`` (БСН, ҚҚС 12 %,
``2026 жылғы 3 наурыз``, ``теңге``); a Chinese export invoice in English with CNY and USD columns
side by side (an exchange rate, ``SAY U.S. DOLLARS … ONLY``).

Ground truth as in the earlier batches (layouts_batch20.py's and layouts_batch21.py's
docstrings). Choices where the page leaves room, made before any reading: a series and a number
are both, joined by a space (``AA 2604517``); the seller's tax id written without spaces or
punctuation: Iceland's VSK number (not the kennitala), Finland's ALV number, Albania's NIPT,
Macedonia's ЕДБ, Georgia's ს/კ, Armenia's ՀՎՀՀ, Azerbaijan's VÖEN, Sri Lanka's VAT
registration number (not the TIN), Pakistan's STRN (the sales-tax registration, not the NTN),
Bangladesh's BIN, Kazakhstan's БСН, China's unified social credit code (USCC); a currency is
held where the page names it (ISK, EUR, ALL, GEL, AMD, AZN, LKR: 'Sri Lankan Rupees', PKR, BDT:
'Taka', KZT: 'теңге', USD); Pakistan's line amount is its value excluding sales tax; China's
lines and totals are the USD columns, no tax printed (totals before tax null); units as UN/ECE
codes (stk, kpl/st, copë, ком., ც, հատ, ədəd, pcs, Nos: H87; kg, кг, კგ, կգ, kq: KGM; m: MTR;
тонна: TNE; h: HUR).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _sp, _totals
from tests.documents.layouts_batch20 import UnitItem, _de, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _round


def _dots(value: Decimal) -> str:
    """1.234.567: a dot between thousands, no decimals."""
    return f"{int(value):,}".replace(",", ".")


def _commas(value: Decimal) -> str:
    """1,234,567: a comma between thousands, no decimals."""
    return f"{int(value):,}"


def _table(s: Sheet2, y: float, columns: list[tuple[str, float, float, str]],
           rows: list[list[str]], *, size: float = 8, step: float = 5.5,
           rule: bool = True) -> float:  # fmt: skip
    """A line table whose header captions may break over two lines (``\\n``), with or without
    a rule under the header; returns the y under the last row."""
    deep = max(name.count("\n") for name, *_ in columns) + 1
    for name, x, width, align in columns:
        for index, part in enumerate(name.split("\n")):
            s.text(x, y + index * (size * 0.45 + 0.6), part, size=size, bold=True, width=width,
                   align=align)  # fmt: skip
    y += deep * (size * 0.45 + 0.6) + 1
    if rule:
        s.pdf.line(columns[0][1], y, columns[-1][1] + columns[-1][2], y)
    y += 2
    for row in rows:
        for (_, x, width, align), value in zip(columns, row, strict=True):
            s.text(x, y, value, size=size, width=width, align=align)
        y += step
    return y


# -- Iceland: 'REIKNINGUR', Kt. and VSK-nr., krónur with dots between thousands, 'kr.' after -----

_IS_ITEMS: list[UnitItem] = [("Þorskflök, roðlaus, frosin", "850", "kg", "2490"),
                             ("Harðfiskur, ýsa, 200 g poki", "300", "stk", "1890"),
                             ("Humarhalar, 1 kg askja", "60", "stk", "7950")]  # fmt: skip
_IS_NET = _unit_sum(_IS_ITEMS)
_IS_TAX = (_IS_NET * Decimal("0.11")).quantize(Decimal("1"))


def is_reikningur() -> bytes:
    s = Sheet2("Serif")
    _block(s, 15, 10, ["Norðurljós Sjávarafurðir ehf.", "Fiskislóð 31, 101 Reykjavík, Ísland",
                       "Kt. 530712-0890   VSK-nr. 112233"], size=8.5,
           bold_first=True)  # fmt: skip
    s.text(140, 10, "REIKNINGUR", size=15, bold=True)
    s.pairs(125, 20, [("Reikningur nr.", "20-1457"), ("Dagsetning", "14.03.2026"),
                      ("Gjalddagi", "28.03.2026"), ("Upphæðir í", "ISK")], gap=32,
            step=4.6)  # fmt: skip
    s.text(15, 38, "Kaupandi", size=9, bold=True)
    _block(s, 15, 43, ["Fiskbúðin Hafið ehf.", "Kt. 440208-1230", "Hlíðasmári 8, 201 Kópavogur",
                       "Ísland"], size=8.5)  # fmt: skip
    rows = [
        [t, _dots(_d(q)), u, _dots(_d(p)), _dots(a)]
        for (t, q, u, p), a in zip(_IS_ITEMS, _unit_amounts(_IS_ITEMS), strict=True)
    ]
    y = _table(
        s,
        64,
        [
            ("Lýsing", 15, 80, "L"),
            ("Magn", 97, 18, "R"),
            ("Ein.", 117, 10, "L"),
            ("Einingarverð", 129, 28, "R"),
            ("Upphæð", 159, 36, "R"),
        ],
        rows,
    )
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 155, y + 3, [("Samtals án VSK", f"{_dots(_IS_NET)} kr."),
                                     ("VSK 11%", f"{_dots(_IS_TAX)} kr."),
                                     ("Samtals til greiðslu", f"{_dots(_IS_NET + _IS_TAX)} kr.")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Vinsamlegast greiðið inn á reikning 0133-26-012345, kt. 530712-0890.",
           size=7.5)  # fmt: skip
    return s.output()


IS_REIKNINGUR_TRUTH = _truth(
    invoice_number="20-1457", type_code="380", issue_date="2026-03-14", currency="ISK",
    seller_name="Norðurljós Sjávarafurðir ehf.", seller_vat_id="112233", seller_country="IS",
    buyer_name="Fiskbúðin Hafið ehf.", buyer_country="IS", tax_exclusive_total=_plain(_IS_NET),
    tax_total=_plain(_IS_TAX), grand_total=_plain(_IS_NET + _IS_TAX),
    due_payable=_plain(_IS_NET + _IS_TAX), line_items=_unit_lines(_IS_ITEMS, {"kg": "KGM",
                                                                             "stk": "H87"}),
)  # fmt: skip


# -- Finland: a bilingual 'LASKU / FAKTURA', two-line column headers, ALV 25,5 % --------------

_FI_ITEMS: list[UnitItem] = [("Laituriponttoni 2x6 m / Bryggponton 2x6 m", "4", "kpl/st",
                              "3450.00"),
                             ("Kiinnitysketju 10 mm / Förtöjningskätting 10 mm", "120", "m",
                              "14.80"),
                             ("Asennustyö / Monteringsarbete", "36", "h", "68.00")]  # fmt: skip
_FI_NET = _unit_sum(_FI_ITEMS)
_FI_TAX = _round(_FI_NET * Decimal("0.255"))


def fi_sv_lasku() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Skärgårds Bryggbygge Oy Ab", size=12, bold=True)
    _block(s, 15, 17, ["Satamatie 4 / Hamnvägen 4, 21600 Parainen / Pargas",
                       "Y-tunnus / FO-nummer 2345678-9",
                       "ALV-tunniste / Momsnummer FI23456789"], size=7.5)  # fmt: skip
    s.text(135, 10, "LASKU / FAKTURA", size=13, bold=True)
    s.pairs(98, 20, [("Laskun numero / Fakturanummer", "4471"), ("Päiväys / Datum", "2.6.2026"),
                      ("Eräpäivä / Förfallodag", "16.6.2026"),
                      ("Viite / Referens", "44712")], gap=64, step=4.6)  # fmt: skip
    s.text(15, 40, "Ostaja / Köpare", size=9, bold=True)
    _block(s, 15, 45, ["Ålands Båtservice Ab", "Hamngatan 3, 22100 Mariehamn",
                       "Suomi / Finland", "ALV / Moms FI19283746"], size=8)  # fmt: skip
    rows = [
        [t, q, u, _sp(_d(p)), "25,5", _sp(a)]
        for (t, q, u, p), a in zip(_FI_ITEMS, _unit_amounts(_FI_ITEMS), strict=True)
    ]
    y = _table(s, 64, [("Tuote\nProdukt", 15, 82, "L"), ("Määrä\nAntal", 99, 14, "R"),
                       ("Yks.\nEnh.", 115, 12, "L"), ("à-hinta\nà-pris", 129, 22, "R"),
                       ("ALV %\nMoms %", 153, 14, "R"), ("Yhteensä\nSumma", 169, 26, "R")],
               rows, size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3,
                [("Veroton yhteensä / Netto totalt", _sp(_FI_NET)),
                 ("ALV / Moms 25,5 %", _sp(_FI_TAX)),
                 ("Maksettava / Att betala EUR", _sp(_FI_NET + _FI_TAX))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "IBAN FI21 1234 5600 0007 85, BIC NDEAFIHH. Viivästyskorko / "
           "Dröjsmålsränta 8 %.", size=7)  # fmt: skip
    return s.output()


FI_SV_LASKU_TRUTH = _truth(
    invoice_number="4471", type_code="380", issue_date="2026-06-02", currency="EUR",
    seller_name="Skärgårds Bryggbygge Oy Ab", seller_vat_id="FI23456789", seller_country="FI",
    buyer_name="Ålands Båtservice Ab", buyer_country="FI", tax_exclusive_total=_plain(_FI_NET),
    tax_total=_plain(_FI_TAX), grand_total=_plain(_FI_NET + _FI_TAX),
    due_payable=_plain(_FI_NET + _FI_TAX),
    line_items=_unit_lines(_FI_ITEMS, {"kpl/st": "H87", "m": "MTR", "h": "HUR"}),
)  # fmt: skip


# -- Albania: 'FATURË TATIMORE', NIPT, parties side by side, no rules, the total in words -------

_AL_ITEMS: list[UnitItem] = [("Vaj ulliri ekstra i virgjër, shishe 1 l", "400", "copë", "850"),
                             ("Ullinj të zinj në shëllirë, kavanoz", "250", "copë", "420"),
                             ("Djathë i bardhë Gjirokastre", "120", "kg", "1150")]  # fmt: skip
_AL_NET = _unit_sum(_AL_ITEMS)
_AL_TAX = _round(_AL_NET * Decimal("0.20"))


def al_fature() -> bytes:
    s = Sheet2()
    s.text(72, 10, "FATURË TATIMORE", size=14, bold=True)
    s.text(15, 22, "Shitësi", size=9, bold=True)
    _block(s, 15, 27, ["Agro Vlora sh.p.k.", "NIPT: L71234567A",
                       "Rruga Sadik Zotaj, Vlorë, Shqipëri"], size=8)  # fmt: skip
    s.text(110, 22, "Blerësi", size=9, bold=True)
    _block(s, 110, 27, ["Adriatik Market sh.p.k.", "NIPT: K91807002B",
                        "Lagjja 1, Rruga Tregtare, Durrës, Shqipëri"], size=8)  # fmt: skip
    s.text(15, 44, "Nr. i faturës: 118/2026     Data e lëshimit: 21.04.2026     Monedha: ALL",
           size=8.5)  # fmt: skip
    rows = [[str(n), t, u, q, _de(_d(p)), _de(a)]
            for n, ((t, q, u, p), a) in enumerate(zip(_AL_ITEMS, _unit_amounts(_AL_ITEMS),
                                                      strict=True), start=1)]  # fmt: skip
    y = _table(s, 54, [("Nr.", 15, 8, "L"), ("Përshkrimi i mallit", 25, 72, "L"),
                       ("Njësia", 99, 14, "L"), ("Sasia", 115, 14, "R"),
                       ("Çmimi pa TVSH", 131, 28, "R"), ("Vlera pa TVSH", 161, 34, "R")],
               rows, rule=False)  # fmt: skip
    y = _totals(s, 110, 155, y + 4, [("Vlera pa TVSH", _de(_AL_NET)), ("TVSH 20%", _de(_AL_TAX)),
                                     ("Vlera me TVSH", f"{_de(_AL_NET + _AL_TAX)} Lekë")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 4, "Shuma në fjalë: gjashtëqind e nëntëdhjetë e nëntë mijë e gjashtëqind "
           "lekë", size=7.5)  # fmt: skip
    s.text(15, y + 9, "NIVF: 4f1c2a9e-77b0-4d3e-9a51-2b6c0e8d1f11   NSLF: A1B2C3D4E5F6", size=7)
    return s.output()


AL_FATURE_TRUTH = _truth(
    invoice_number="118/2026", type_code="380", issue_date="2026-04-21", currency="ALL",
    seller_name="Agro Vlora sh.p.k.", seller_vat_id="L71234567A", seller_country="AL",
    buyer_name="Adriatik Market sh.p.k.", buyer_country="AL", tax_exclusive_total=_plain(_AL_NET),
    tax_total=_plain(_AL_TAX), grand_total=_plain(_AL_NET + _AL_TAX),
    due_payable=_plain(_AL_NET + _AL_TAX),
    line_items=_unit_lines(_AL_ITEMS, {"copë": "H87", "kg": "KGM"}),
)  # fmt: skip


# -- North Macedonia: 'ФАКТУРА бр.', ЕДБ, ДДВ 0 % on an export, euros with dots -----------------

_MK_ITEMS: list[UnitItem] = [("Вино Вранец 2022, 0,75 л", "1800", "ком.", "4.20"),
                             ("Вино Темјаника 2024, 0,75 л", "1200", "ком.", "3.65"),
                             ("Ракија лозова, 0,5 л", "600", "ком.", "6.90")]  # fmt: skip
_MK_NET = _unit_sum(_MK_ITEMS)


def mk_faktura() -> bytes:
    s = Sheet2("Cond")
    _block(s, 15, 10, ["Вардар Винарија ДООЕЛ", "ул. Македонија 12, 1400 Велес",
                       "Република Северна Македонија", "ЕДБ: MK4030006512345   ЕМБС: 6512345"],
           size=8, bold_first=True)  # fmt: skip
    s.text(130, 10, "ФАКТУРА бр. 07-0312/26", size=12, bold=True)
    s.pairs(130, 18, [("Датум:", "03.07.2026"), ("Валута:", "EUR"), ("Рок:", "30 дена")],
            gap=22, step=4.6)  # fmt: skip
    s.text(15, 36, "Купувач:", size=9, bold=True)
    _block(s, 15, 41, ["Weinhandel Adler GmbH", "Mariahilfer Straße 50, 1070 Wien", "Австрија",
                       "UID: ATU12345678"], size=8)  # fmt: skip
    rows = [[str(n), t, u, _de(_d(q), 0), _de(_d(p)), _de(a)]
            for n, ((t, q, u, p), a) in enumerate(zip(_MK_ITEMS, _unit_amounts(_MK_ITEMS),
                                                      strict=True), start=1)]  # fmt: skip
    y = _table(s, 64, [("Р.бр.", 15, 10, "L"), ("Опис", 27, 70, "L"), ("Ед. мерка", 99, 16, "L"),
                       ("Количина", 117, 18, "R"), ("Цена без ДДВ", 137, 26, "R"),
                       ("Износ", 165, 30, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("Вкупно без ДДВ:", _de(_MK_NET)),
                                     ("ДДВ 0 % (извоз):", "0,00"),
                                     ("Вкупно за плаќање:", _de(_MK_NET))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Ослободено од ДДВ согласно член 26 од Законот за ДДВ (извоз).", size=7.5)
    return s.output()


MK_FAKTURA_TRUTH = _truth(
    invoice_number="07-0312/26", type_code="380", issue_date="2026-07-03", currency="EUR",
    seller_name="Вардар Винарија ДООЕЛ", seller_vat_id="MK4030006512345", seller_country="MK",
    buyer_name="Weinhandel Adler GmbH", buyer_country="AT", tax_exclusive_total=_plain(_MK_NET),
    tax_total="0.00", grand_total=_plain(_MK_NET), due_payable=_plain(_MK_NET),
    line_items=_unit_lines(_MK_ITEMS, {"ком.": "H87"}),
)  # fmt: skip


# -- Georgia: 'ანგარიშ-ფაქტურა', ს/კ, დღგ 18 %, the buyer above the seller -------------------

_GE_ITEMS: list[UnitItem] = [("თაფლი ცაცხვის, 500 გ ქილა", "640", "ც", "14.50"),
                             ("თაფლი წაბლის, 1 კგ ქილა", "300", "ც", "26.00"),
                             ("ფუტკრის ცვილი", "45", "კგ", "38.00")]  # fmt: skip
_GE_NET = _unit_sum(_GE_ITEMS)
_GE_TAX = _round(_GE_NET * Decimal("0.18"))


def ge_angarishi() -> bytes:
    s = Sheet2()
    s.text(60, 10, "ანგარიშ-ფაქტურა № 0004518", size=13, bold=True)
    s.text(85, 18, "თარიღი: 09.09.2026", size=9)
    s.text(15, 28, "მყიდველი:", size=9, bold=True)
    _block(s, 45, 28, ["შპს „ბათუმის მარკეტი“", "ს/კ 245123987",
                       "ბათუმი, ჭავჭავაძის ქ. 40, საქართველო"], size=8)  # fmt: skip
    s.text(15, 44, "გამყიდველი:", size=9, bold=True)
    _block(s, 45, 44, ["შპს „კავკასიური თაფლი“", "ს/კ 404512345",
                       "თბილისი, აღმაშენებლის გამზ. 120, საქართველო"], size=8)  # fmt: skip
    s.text(140, 44, "ვალუტა: GEL", size=8.5, bold=True)
    rows = [[str(n), t, u, q, _sp(_d(p)), _sp(a)]
            for n, ((t, q, u, p), a) in enumerate(zip(_GE_ITEMS, _unit_amounts(_GE_ITEMS),
                                                      strict=True), start=1)]  # fmt: skip
    y = _table(s, 62, [("№", 15, 8, "L"), ("დასახელება", 25, 74, "L"), ("ერთ.", 101, 12, "L"),
                       ("რაოდ.", 115, 16, "R"), ("ფასი", 133, 26, "R"),
                       ("თანხა", 161, 34, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("სულ დღგ-ს გარეშე", _sp(_GE_NET)),
                                     ("დღგ 18%", _sp(_GE_TAX)),
                                     ("სულ გადასახდელი", _sp(_GE_NET + _GE_TAX))],
                width=40, size=8.5)  # fmt: skip
    return s.output()


GE_ANGARISHI_TRUTH = _truth(
    invoice_number="0004518", type_code="380", issue_date="2026-09-09", currency="GEL",
    seller_name="შპს „კავკასიური თაფლი“", seller_vat_id="404512345", seller_country="GE",
    buyer_name="შპს „ბათუმის მარკეტი“", buyer_country="GE", tax_exclusive_total=_plain(_GE_NET),
    tax_total=_plain(_GE_TAX), grand_total=_plain(_GE_NET + _GE_TAX),
    due_payable=_plain(_GE_NET + _GE_TAX),
    line_items=_unit_lines(_GE_ITEMS, {"ც": "H87", "კგ": "KGM"}),
)  # fmt: skip


# -- Armenia: 'ՀԱՇԻՎ-ԱՊՐԱՆՔԱԳԻՐ', ՀՎՀՀ, ԱԱՀ 20 %, drams with commas, no decimals ----------------

_AM_ITEMS: list[UnitItem] = [("Կոնյակ «Արարատ» 5 տարեկան, 0.7 լ", "1200", "հատ", "6500"),
                             ("Չիր ծիրանի, տուփ", "800", "հատ", "2400"),
                             ("Ընկույզ մաքրած", "150", "կգ", "5800")]  # fmt: skip
_AM_NET = _unit_sum(_AM_ITEMS)
_AM_TAX = _round(_AM_NET * Decimal("0.20"))


def am_hashiv() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "ՀԱՇԻՎ-ԱՊՐԱՆՔԱԳԻՐ", size=14, bold=True)
    s.pairs(130, 10, [("Համար", "ԱԿ-26/0912"), ("Ամսաթիվ", "15.10.2026"), ("Արժույթ", "AMD")],
            gap=24, step=4.6)  # fmt: skip
    s.text(15, 30, "Մատակարար", size=9, bold=True)
    _block(s, 15, 35, ["«Երևանի Համեր» ՍՊԸ", "ՀՎՀՀ 02512345", "ք. Երևան, Արշակունյաց 48, Հայաստան"],
           size=8)  # fmt: skip
    s.text(110, 30, "Գնորդ", size=9, bold=True)
    _block(s, 110, 35, ["«Գյումրի Մարկետ» ՍՊԸ", "ՀՎՀՀ 05598765", "ք. Գյումրի, Հայաստան"],
           size=8)  # fmt: skip
    rows = [
        [t, u, _commas(_d(q)), _commas(_d(p)), _commas(a)]
        for (t, q, u, p), a in zip(_AM_ITEMS, _unit_amounts(_AM_ITEMS), strict=True)
    ]
    y = _table(s, 56, [("Անվանում", 15, 84, "L"), ("Չափ. միավ.", 101, 18, "L"),
                       ("Քանակ", 121, 16, "R"), ("Գին", 139, 24, "R"),
                       ("Արժեք", 165, 30, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("Ընդամենը առանց ԱԱՀ", _commas(_AM_NET)),
                                     ("ԱԱՀ 20%", _commas(_AM_TAX)),
                                     ("Վճարման ենթակա", _commas(_AM_NET + _AM_TAX))],
                width=40, size=8.5)  # fmt: skip
    return s.output()


AM_HASHIV_TRUTH = _truth(
    invoice_number="ԱԿ-26/0912", type_code="380", issue_date="2026-10-15", currency="AMD",
    seller_name="«Երևանի Համեր» ՍՊԸ", seller_vat_id="02512345", seller_country="AM",
    buyer_name="«Գյումրի Մարկետ» ՍՊԸ", buyer_country="AM", tax_exclusive_total=_plain(_AM_NET),
    tax_total=_plain(_AM_TAX), grand_total=_plain(_AM_NET + _AM_TAX),
    due_payable=_plain(_AM_NET + _AM_TAX),
    line_items=_unit_lines(_AM_ITEMS, {"հատ": "H87", "կգ": "KGM"}),
)  # fmt: skip


# -- Azerbaijan: 'ELEKTRON QAİMƏ-FAKTURA', 'Seriya AA № 2604517', VÖEN, ƏDV 18 % ----------------

_AZ_ITEMS: list[UnitItem] = [("Sement M-400, 50 kq kisə", "900", "ədəd", "9.80"),
                             ("Armatur A500C, 12 mm", "4500", "kq", "1.42"),
                             ("Gips suvaq, 30 kq kisə", "350", "ədəd", "11.60")]  # fmt: skip
_AZ_NET = _unit_sum(_AZ_ITEMS)
_AZ_TAX = _round(_AZ_NET * Decimal("0.18"))


def _az(value: Decimal) -> str:
    return _sp(value).replace(",", ".")


def az_qaime() -> bytes:
    s = Sheet2()
    s.text(55, 10, "ELEKTRON QAİMƏ-FAKTURA", size=14, bold=True)
    s.text(70, 18, "Seriya AA № 2604517", size=10, bold=True)
    s.text(75, 23, "Tarix: 27 oktyabr 2026", size=9)
    s.pairs(15, 32, [("Satıcı:", "Gəncə Tikinti Materialları MMC"), ("VÖEN:", "1701234561"),
                     ("Ünvan:", "Atatürk pr. 15, Gəncə, Azərbaycan"),
                     ("Alıcı:", "Xəzər Tikinti ASC"), ("VÖEN:", "1409876541"),
                     ("Ünvan:", "Sülh küç. 7, Sumqayıt, Azərbaycan")], gap=22,
            step=4.6)  # fmt: skip
    rows = [[str(n), t, u, _az(_d(q)).split(".")[0], _az(_d(p)), _az(a)]
            for n, ((t, q, u, p), a) in enumerate(zip(_AZ_ITEMS, _unit_amounts(_AZ_ITEMS),
                                                      strict=True), start=1)]  # fmt: skip
    y = _table(s, 66, [("№", 15, 8, "L"), ("Malın adı", 25, 70, "L"),
                       ("Ölçü\nvahidi", 97, 14, "L"), ("Miqdarı", 113, 18, "R"),
                       ("Qiyməti,\nAZN", 133, 24, "R"), ("Məbləği,\nAZN", 159, 36, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Cəmi (ƏDV-siz):", _az(_AZ_NET)),
                                     ("ƏDV 18%:", _az(_AZ_TAX)),
                                     ("Yekun məbləğ:", f"{_az(_AZ_NET + _AZ_TAX)} AZN")],
                width=40, size=8.5)  # fmt: skip
    return s.output()


AZ_QAIME_TRUTH = _truth(
    invoice_number="AA 2604517", type_code="380", issue_date="2026-10-27", currency="AZN",
    seller_name="Gəncə Tikinti Materialları MMC", seller_vat_id="1701234561", seller_country="AZ",
    buyer_name="Xəzər Tikinti ASC", buyer_country="AZ", tax_exclusive_total=_plain(_AZ_NET),
    tax_total=_plain(_AZ_TAX), grand_total=_plain(_AZ_NET + _AZ_TAX),
    due_payable=_plain(_AZ_NET + _AZ_TAX),
    line_items=_unit_lines(_AZ_ITEMS, {"ədəd": "H87", "kq": "KGM"}),
)  # fmt: skip


# -- Sri Lanka: the IRD 'TAX INVOICE' form, Supplier's / Purchaser's TIN, Rs., total in words ----

_LK_ITEMS: list[UnitItem] = [("Ceylon cinnamon quills, Alba grade", "120", "kg", "11850.00"),
                             ("Black pepper, whole, 550 g/l", "800", "kg", "2240.00"),
                             ("Cardamom, green, 7 mm", "60", "kg", "9600.00")]  # fmt: skip
_LK_NET = _unit_sum(_LK_ITEMS)
_LK_TAX = _round(_LK_NET * Decimal("0.18"))


def lk_tax_invoice() -> bytes:
    s = Sheet2("Cond")
    s.text(85, 10, "TAX INVOICE", size=14, bold=True)
    s.pairs(15, 22, [("Supplier's TIN:", "114567890"), ("Supplier's VAT Reg. No.:",
                     "114567890-7000"), ("Supplier's Name:", "Ceylon Spice Growers (Pvt) Ltd"),
                     ("Address:", "No. 45, Galle Road, Colombo 03, Sri Lanka"),
                     ("Purchaser's TIN:", "409876543"),
                     ("Purchaser's Name:", "Keells Food Products PLC"),
                     ("Address:",
                      "No. 117, Sir Chittampalam A. Gardiner Mw, Colombo 02, Sri Lanka"),
                     ("Date of Invoice:", "05/11/2026"), ("Tax Invoice No.:", "CSG/26/1182"),
                     ("Date of Delivery:", "04/11/2026"), ("Place of Supply:", "Colombo")],
            gap=42, step=4.5)  # fmt: skip
    rows = [[str(n), t, u, q, _group(_d(p)), _group(a)]
            for n, ((t, q, u, p), a) in enumerate(zip(_LK_ITEMS, _unit_amounts(_LK_ITEMS),
                                                      strict=True), start=1)]  # fmt: skip
    y = _table(s, 76, [("Ref", 15, 8, "L"), ("Description of Goods or Services", 25, 74, "L"),
                       ("Unit", 101, 10, "L"), ("Quantity", 113, 16, "R"),
                       ("Unit Price\n(Rs.)", 131, 26, "R"), ("Amount Excluding\nVAT (Rs.)", 159,
                                                              36, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 80, 155, y + 3,
                [("Total Value of Supply:", _group(_LK_NET)),
                 ("VAT Amount (Total Value of Supply @ 18%):", _group(_LK_TAX)),
                 ("Total Amount including VAT:", _group(_LK_NET + _LK_TAX))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 4, "Total Amount in words: Sri Lankan Rupees Four Million Four Hundred Seventy "
           "Two Thousand Two Hundred Only", size=7.5)  # fmt: skip
    s.text(15, y + 9, "Mode of Payment: Bank transfer, 30 days", size=7.5)
    return s.output()


LK_TAX_INVOICE_TRUTH = _truth(
    invoice_number="CSG/26/1182", type_code="380", issue_date="2026-11-05", currency="LKR",
    seller_name="Ceylon Spice Growers (Pvt) Ltd", seller_vat_id="1145678907000",
    seller_country="LK", buyer_name="Keells Food Products PLC", buyer_country="LK",
    tax_exclusive_total=_plain(_LK_NET), tax_total=_plain(_LK_TAX),
    grand_total=_plain(_LK_NET + _LK_TAX), due_payable=_plain(_LK_NET + _LK_TAX),
    line_items=_unit_lines(_LK_ITEMS, {"kg": "KGM"}),
)  # fmt: skip


# -- Pakistan: 'SALES TAX INVOICE', NTN and STRN, HS codes, per-line tax, no rules ---------------

_PK_ITEMS: list[UnitItem] = [("Cotton bed sheet, 250 TC, king", "1500", "Nos", "1850.00"),
                             ("Cotton towel 70x140, 500 gsm", "3000", "Nos", "640.00")]  # fmt: skip
_PK_NET = _unit_sum(_PK_ITEMS)
_PK_TAX = _round(_PK_NET * Decimal("0.18"))


def pk_sales_tax() -> bytes:
    s = Sheet2()
    _block(s, 15, 10, ["Indus Home Textiles (Pvt.) Ltd.",
                       "Plot 22, Sector 7-A, Korangi Industrial Area, Karachi, Pakistan",
                       "NTN: 1234567-8    STRN: 32-77-8761-234-56"], size=8,
           bold_first=True)  # fmt: skip
    s.text(140, 10, "SALES TAX INVOICE", size=11, bold=True)
    s.pairs(140, 18, [("Invoice #", "IHT-2611-093"), ("Dated", "19-11-2026")], gap=18,
            step=4.6)  # fmt: skip
    s.pairs(15, 32, [("Buyer's Name", "Chenab Retail (Pvt.) Ltd."),
                     ("Buyer's Address", "12-B Gulberg III, Lahore, Pakistan"),
                     ("Buyer's NTN", "7654321-0"), ("Buyer's STRN", "03-01-9876-543-21")],
            gap=34, step=4.6)  # fmt: skip
    rows = [[str(n), t, "6302.3100" if "sheet" in t else "6302.6000", q, u, _group(_d(p)),
             _group(a), _group(_round(a * Decimal("0.18"))), _group(_round(a * Decimal("1.18")))]
            for n, ((t, q, u, p), a) in enumerate(zip(_PK_ITEMS, _unit_amounts(_PK_ITEMS),
                                                      strict=True), start=1)]  # fmt: skip
    y = _table(s, 58, [("S.No", 15, 8, "L"), ("Description", 24, 48, "L"),
                       ("HS Code", 73, 16, "L"), ("Qty", 90, 11, "R"), ("UOM", 102, 9, "L"),
                       ("Rate", 112, 16, "R"), ("Value Excl.\nSales Tax", 129, 22, "R"),
                       ("Sales Tax\n@ 18%", 152, 20, "R"), ("Value Incl.\nSales Tax", 173, 22,
                                                            "R")],
               rows, size=7, rule=False)  # fmt: skip
    y = _totals(s, 90, 155, y + 4, [("Total Value Excluding Sales Tax", _group(_PK_NET)),
                                    ("Sales Tax @ 18%", _group(_PK_TAX)),
                                    ("Total Value Including Sales Tax (PKR)",
                                     _group(_PK_NET + _PK_TAX))], width=40,
                size=8)  # fmt: skip
    s.text(15, y + 4, "Rupees Five Million Five Hundred Forty Thousand One Hundred Only", size=7.5)
    return s.output()


PK_SALES_TAX_TRUTH = _truth(
    invoice_number="IHT-2611-093", type_code="380", issue_date="2026-11-19", currency="PKR",
    seller_name="Indus Home Textiles (Pvt.) Ltd.", seller_vat_id="3277876123456",
    seller_country="PK", buyer_name="Chenab Retail (Pvt.) Ltd.", buyer_country="PK",
    tax_exclusive_total=_plain(_PK_NET), tax_total=_plain(_PK_TAX),
    grand_total=_plain(_PK_NET + _PK_TAX), due_payable=_plain(_PK_NET + _PK_TAX),
    line_items=_unit_lines(_PK_ITEMS, {"Nos": "H87"}),
)  # fmt: skip


# -- Bangladesh: 'Mushak-6.3', BIN, VAT 15 %, taka in lakh grouping ------------------------------

_BD_ITEMS: list[UnitItem] = [("Jute hessian cloth, 40 inch, 10 oz", "12000", "m", "96.50"),
                             ("Jute sacking bag, 50 kg", "25000", "pcs", "48.20")]  # fmt: skip
_BD_NET = _unit_sum(_BD_ITEMS)
_BD_TAX = _round(_BD_NET * Decimal("0.15"))


def _lakh(value: Decimal) -> str:
    return _group(value, "in")


def bd_mushak() -> bytes:
    s = Sheet2("Cond")
    s.text(55, 8, "Government of the People's Republic of Bangladesh", size=9)
    s.text(80, 13, "National Board of Revenue", size=9)
    s.text(75, 19, "Tax Invoice  [Mushak-6.3]", size=12, bold=True)
    s.pairs(15, 28, [("Name of registered person:", "Meghna Jute Mills Ltd."),
                     ("BIN of registered person:", "000123456-0101"),
                     ("Address:", "Madanpur, Bandar, Narayanganj, Bangladesh"),
                     ("Name of buyer:", "Padma Packaging Industries Ltd."),
                     ("BIN of buyer:", "000765432-0203"),
                     ("Destination of supply:", "Tejgaon I/A, Dhaka, Bangladesh")], gap=46,
            step=4.5)  # fmt: skip
    s.pairs(140, 28, [("Invoice No.:", "MJM/26/0741"), ("Date of issue:", "18-08-2026"),
                      ("Time of issue:", "11:40")], gap=24, step=4.5)  # fmt: skip
    rows = [[str(n), t, u, _lakh(_d(q)).split(".")[0], _lakh(_d(p)), _lakh(a),
             _lakh(_round(a * Decimal("0.15"))), _lakh(_round(a * Decimal("1.15")))]
            for n, ((t, q, u, p), a) in enumerate(zip(_BD_ITEMS, _unit_amounts(_BD_ITEMS),
                                                      strict=True), start=1)]  # fmt: skip
    y = _table(s, 60, [("Sl.", 15, 6, "L"), ("Description of goods", 22, 52, "L"),
                       ("Unit of\nsupply", 75, 12, "L"), ("Quantity", 88, 16, "R"),
                       ("Unit price\n(Tk)", 105, 18, "R"), ("Total price\n(Tk)", 124, 24, "R"),
                       ("VAT 15%\n(Tk)", 149, 20, "R"), ("Total incl.\nVAT (Tk)", 170, 25, "R")],
               rows, size=7)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total price (Tk)", _lakh(_BD_NET)),
                                     ("Total VAT (Tk)", _lakh(_BD_TAX)),
                                     ("Total including VAT (Tk)", _lakh(_BD_NET + _BD_TAX))],
                width=40, size=8)  # fmt: skip
    s.text(15, y + 4, "In words: Taka Twenty Seven Lakh Seventeen Thousand Four Hundred Fifty "
           "Only", size=7.5)  # fmt: skip
    return s.output()


BD_MUSHAK_TRUTH = _truth(
    invoice_number="MJM/26/0741", type_code="380", issue_date="2026-08-18", currency="BDT",
    seller_name="Meghna Jute Mills Ltd.", seller_vat_id="0001234560101", seller_country="BD",
    buyer_name="Padma Packaging Industries Ltd.", buyer_country="BD",
    tax_exclusive_total=_plain(_BD_NET), tax_total=_plain(_BD_TAX),
    grand_total=_plain(_BD_NET + _BD_TAX), due_payable=_plain(_BD_NET + _BD_TAX),
    line_items=_unit_lines(_BD_ITEMS, {"m": "MTR", "pcs": "H87"}),
)  # fmt: skip


# -- Kazakhstan (Kazakh): 'ШОТ-ФАКТУРА', БСН, ҚҚС 12 %, '2026 жылғы 3 наурыз', теңге ------------

_KZ_ITEMS: list[UnitItem] = [("Бидай ұны, жоғары сорт", "40", "тонна", "185000.00"),
                             ("Ашытқы, құрғақ, 500 г", "600", "дана", "1450.00")]  # fmt: skip
_KZ_NET = _unit_sum(_KZ_ITEMS)
_KZ_TAX = _round(_KZ_NET * Decimal("0.12"))


def kz_shot_faktura() -> bytes:
    s = Sheet2()
    s.text(60, 10, "ШОТ-ФАКТУРА № 000874", size=13, bold=True)
    s.text(72, 18, "2026 жылғы 3 наурыз", size=9)
    s.pairs(15, 28, [("Жеткізуші:", "«Алтын Дән» ЖШС"), ("БСН:", "123456789012"),
                     ("Мекенжайы:", "Астана қ., Сарыарқа д-лы 15, Қазақстан"),
                     ("Алушы:", "«Қарағанды Нан» АҚ"), ("БСН:", "210987654321"),
                     ("Мекенжайы:", "Қарағанды қ., Бұқар жырау д-лы 44, Қазақстан"),
                     ("Валюта:", "теңге")], gap=28, step=4.6)  # fmt: skip
    rows = [[str(n), t, u, q, _sp(_d(p)), _sp(a), _sp(_round(a * Decimal("0.12")))]
            for n, ((t, q, u, p), a) in enumerate(zip(_KZ_ITEMS, _unit_amounts(_KZ_ITEMS),
                                                      strict=True), start=1)]  # fmt: skip
    y = _table(s, 66, [("№", 15, 8, "L"), ("Тауар атауы", 25, 62, "L"),
                       ("Өлш.\nбірл.", 89, 14, "L"), ("Саны", 105, 12, "R"),
                       ("Бағасы", 119, 24, "R"), ("ҚҚС-сыз\nқұны", 145, 28, "R"),
                       ("ҚҚС\n12%", 175, 20, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("ҚҚС-сыз барлығы:", _sp(_KZ_NET)),
                                     ("ҚҚС 12%:", _sp(_KZ_TAX)),
                                     ("Төлеуге барлығы:", _sp(_KZ_NET + _KZ_TAX))],
                width=40, size=8.5)  # fmt: skip
    return s.output()


KZ_SHOT_FAKTURA_TRUTH = _truth(
    invoice_number="000874", type_code="380", issue_date="2026-03-03", currency="KZT",
    seller_name="«Алтын Дән» ЖШС", seller_vat_id="123456789012", seller_country="KZ",
    buyer_name="«Қарағанды Нан» АҚ", buyer_country="KZ", tax_exclusive_total=_plain(_KZ_NET),
    tax_total=_plain(_KZ_TAX), grand_total=_plain(_KZ_NET + _KZ_TAX),
    due_payable=_plain(_KZ_NET + _KZ_TAX),
    line_items=_unit_lines(_KZ_ITEMS, {"тонна": "TNE", "дана": "H87"}),
)  # fmt: skip


# -- China: an export invoice in English with CNY and USD columns, 'SAY U.S. DOLLARS … ONLY' ---

_CN_RATE = Decimal("7.1200")
_CN_ITEMS: list[UnitItem] = [("Polyester satin fabric, 150 cm, dyed", "8000", "m", "1.45"),
                             ("Cotton poplin, 145 cm, printed", "5000", "m", "2.10")]  # fmt: skip
_CN_NET = _unit_sum(_CN_ITEMS)


def cn_cny_usd() -> bytes:
    s = Sheet2()
    s.text(15, 10, "ZHEJIANG LANSHAN TEXTILE IMPORT & EXPORT CO., LTD.", size=11, bold=True)
    _block(
        s,
        15,
        16,
        [
            "No. 88 Binjiang Road, Keqiao District, Shaoxing, Zhejiang, China",
            "USCC: 91330600MA2B1234X5   Tel: +86 575 8412 3456",
        ],
        size=7.5,
    )
    s.text(75, 28, "COMMERCIAL INVOICE", size=13, bold=True)
    s.pairs(15, 38, [("To Messrs.:", "TEXTIL ANDINO S.A.C."),
                     ("", "Av. Argentina 1500, Callao, Peru")], gap=22, step=4.5)  # fmt: skip
    s.pairs(125, 38, [("Invoice No.:", "LS26-EX-0915"), ("Date:", "Sep. 15, 2026"),
                      ("Terms:", "CFR Callao"), ("Rate:", "USD 1 = CNY 7.1200")], gap=22,
            step=4.5)  # fmt: skip
    rows = [
        [
            t,
            f"{_commas(_d(q))} {u.upper()}",
            _group(_d(p) * _CN_RATE, places=4),
            _group(_round(a * _CN_RATE)),
            _group(_d(p)),
            _group(a),
        ]
        for (t, q, u, p), a in zip(_CN_ITEMS, _unit_amounts(_CN_ITEMS), strict=True)
    ]
    y = _table(s, 62, [("Description of Goods", 15, 62, "L"), ("Quantity", 79, 20, "R"),
                       ("Unit Price\n(CNY)", 101, 20, "R"), ("Amount\n(CNY)", 123, 24, "R"),
                       ("Unit Price\n(USD)", 149, 20, "R"), ("Amount\n(USD)", 171, 24, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.text(15, y + 3, "TOTAL:", size=8.5, bold=True)
    s.text(123, y + 3, f"CNY {_group(_round(_CN_NET * _CN_RATE))}", size=8.5, width=24,
           align="R")  # fmt: skip
    s.text(171, y + 3, f"USD {_group(_CN_NET)}", size=8.5, width=24, align="R", bold=True)
    s.text(15, y + 10, "SAY U.S. DOLLARS TWENTY TWO THOUSAND ONE HUNDRED ONLY.", size=8)
    s.text(15, y + 15, "Payment: T/T 30% deposit, balance against B/L copy. Origin: China.",
           size=7.5)  # fmt: skip
    return s.output()


CN_CNY_USD_TRUTH = _truth(
    invoice_number="LS26-EX-0915", type_code="380", issue_date="2026-09-15", currency="USD",
    seller_name="ZHEJIANG LANSHAN TEXTILE IMPORT & EXPORT CO., LTD.",
    seller_vat_id="91330600MA2B1234X5", seller_country="CN", buyer_name="TEXTIL ANDINO S.A.C.",
    buyer_country="PE", grand_total=_plain(_CN_NET), due_payable=_plain(_CN_NET),
    line_items=_unit_lines(_CN_ITEMS, {"m": "MTR"}),
)  # fmt: skip


BATCH22: list[Layout] = [
    Layout("is-reikningur", is_reikningur, IS_REIKNINGUR_TRUTH),
    Layout("fi-sv-lasku-faktura", fi_sv_lasku, FI_SV_LASKU_TRUTH),
    Layout("al-fature-tatimore", al_fature, AL_FATURE_TRUTH),
    Layout("mk-faktura-export", mk_faktura, MK_FAKTURA_TRUTH),
    Layout("ge-angarish-faktura", ge_angarishi, GE_ANGARISHI_TRUTH),
    Layout("am-hashiv-apranqagir", am_hashiv, AM_HASHIV_TRUTH),
    Layout("az-qaime-faktura", az_qaime, AZ_QAIME_TRUTH),
    Layout("lk-ird-tax-invoice", lk_tax_invoice, LK_TAX_INVOICE_TRUTH),
    Layout("pk-sales-tax-strn", pk_sales_tax, PK_SALES_TAX_TRUTH),
    Layout("bd-mushak-63", bd_mushak, BD_MUSHAK_TRUTH),
    Layout("kz-shot-faktura-kk", kz_shot_faktura, KZ_SHOT_FAKTURA_TRUTH),
    Layout("cn-cny-usd-columns", cn_cny_usd, CN_CNY_USD_TRUTH),
]


def write_batch22(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH22)
