"""A twentieth batch of hand-written invoices (review of batch 19), written (session 23) before
batch 19's rules (``git diff main..lead -- src/clearlane/documents``), batch 19's layouts and
any batch's rule tests were read: eleven layouts out of sample, scored once as written
(docs/documents.md, "session 23, 5 December: batch 20").

A Romanian ``Factură`` (``Seria TMS nr. 0004571 din 17.03.2026``, the two parties side by
side, CIF and Nr. Reg. Com., a VAT column per line, ``lei`` after each total); a Hungarian
``Díjbekérő`` (a proforma that says it is no invoice: ``Ez a bizonylat nem számla``; dates
``2026.06.08.``, forints without decimals, ``Ft`` after the number, an Adószám and a
Közösségi adószám); a Ukrainian ``Рахунок-фактура`` with its number and date on one line
(``№ СФ-000318 від 14 липня 2026 р.``, ``грн`` after the number, a buyer in Poland); a Greek
``ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ`` (ΑΦΜ and ΔΟΥ, ``Μ.Μ.`` units, ``€`` after the number, a buyer in
Bulgaria); a Hebrew-English tax invoice (``חשבונית מס / TAX INVOICE``, ``ע.מ. / VAT Reg.
No.``, US dollars); a Japanese exporter in English (no CJK font here: the Japanese is left
out; ``Messrs.``, a qualified invoice issuer number ``T`` + 13 digits, yen without decimals and
``JPY`` after the number); a Korean exporter in English (a business registration number
``214-86-12345``, a consignee in Singapore apart from the buyer in Vietnam, ``KRW`` after the
number); a Dutch ``Creditnota`` (type 381, the credited invoice's number and date beside its
own, totals printed negative); a Norwegian ``Faktura`` whose seller and buyer blocks stand side
by side at the same height (``Selger`` | ``Kjøper``), a KID payment reference, ``kr`` after
the number; a Lithuanian ``PVM sąskaita faktūra`` of 30 lines over two pages (the table
continued under a repeated header, the totals on page 2 only, ``2026 m. lapkričio 20 d.``);
a Croatian ``Račun R-1`` (a fiscal number ``145-1-1``, OIB, ZKI and JIR codes, ``Način
plaćanja: transakcijski račun``, ``€`` after the number).

Ground truth as in the earlier batches (layouts_batch17.py's and layouts_batch18.py's
docstrings). Choices where the page leaves room, made before any reading: a number printed as
a series and a number (``Seria TMS nr. 0004571``) is both, joined by a space (``TMS
0004571``: e-Factura's invoice id holds the series); a Hungarian seller's VAT id is its
Közösségi adószám (``HU12345678``) over its domestic Adószám; a Ukrainian ІПН over ЄДРПОУ; a
Japanese ``T`` registration number, a Korean business registration number, a Croatian OIB
and a Norwegian ``NO … MVA`` are the seller's tax id, written without spaces or punctuation
(``NO987654321MVA``); a ``Díjbekérő`` is a proforma (325); a credit note's amounts are held
positive; a total printed with a currency after it (``1 234,00 lei``) is that amount; a
currency is held where the page names it or its symbol or word leaves no doubt (``lei``: RON,
``Ft``: HUF, ``грн``: UAH, ``kr`` with ``Alle beløp i NOK``: NOK); the Korean page's buyer is
its ``Buyer (Sold to)``, not its consignee; units as UN/ECE codes (buc, db, шт, τεμ., st, vnt.,
kom: H87; kg, κιλ.: KGM; m3: MTQ; м2: MTK).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_batch15 import Item, _amounts, _block, _lines, _sp, _sum, _totals
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round

UnitItem = tuple[str, str, str, str]  # description, quantity, unit as printed, unit price


def _unit_amounts(items: list[UnitItem]) -> list[Decimal]:
    return [_round(_d(q) * _d(p)) for _, q, _, p in items]


def _unit_sum(items: list[UnitItem]) -> Decimal:
    return sum(_unit_amounts(items), Decimal(0))


def _unit_lines(items: list[UnitItem], codes: dict[str, str]) -> list[dict]:
    return [_line(t, q, codes[u], _price(_d(p)), _plain(a))
            for (t, q, u, p), a in zip(items, _unit_amounts(items), strict=True)]  # fmt: skip


def _de(value: Decimal, places: int = 2) -> str:
    """1.234,56: a dot between thousands, a decimal comma."""
    return _group(value, "de", places)


def _whole(value: Decimal) -> str:
    """1 234 567: a space between thousands, no decimals (forints, yen, won)."""
    return f"{int(value):,}".replace(",", " ")


# -- Romania: "Factură", 'Seria TMS nr. 0004571 din 17.03.2026', parties side by side, lei -----

_RO_ITEMS: list[UnitItem] = [("Profil aluminiu 40x40, bară 6 m", "150", "buc", "84.50"),
                             ("Sârmă sudură ER5356 1,2 mm", "60", "kg", "52.30"),
                             ("Colțar îmbinare 40 mm", "400", "buc", "6.75")]  # fmt: skip
_RO_NET = _unit_sum(_RO_ITEMS)
_RO_TAX = _round(_RO_NET * Decimal("0.21"))


def ro_factura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "FACTURĂ", size=15, bold=True)
    s.text(15, 18, "Seria TMS nr. 0004571 din 17.03.2026", size=10, bold=True)
    s.text(130, 18, "Data scadenței: 16.04.2026", size=8.5)
    _block(s, 15, 30, ["Furnizor: S.C. Transilvania Metal Serv S.R.L.",
                       "Nr. Reg. Com.: J12/3456/2014", "CIF: RO 31245678",
                       "Sediul: Str. Fabricii nr. 9, Cluj-Napoca,", "jud. Cluj, România",
                       "IBAN: RO49 BTRL 0130 1202 5678 9XXX", "Banca: Banca Transilvania"],
           size=8)  # fmt: skip
    _block(s, 110, 30, ["Cumpărător: S.C. Carpați Construct S.A.",
                        "Nr. Reg. Com.: J08/789/2009", "CIF: RO 18765432",
                        "Sediul: Str. Zizinului nr. 110, Brașov,", "jud. Brașov, România",
                        "Cota TVA: 21%"], size=8)  # fmt: skip
    rows = [[str(n), t, u, q, _de(_d(p)), _de(a), _de(_round(a * Decimal("0.21")))]
            for n, ((t, q, u, p), a) in enumerate(zip(_RO_ITEMS, _unit_amounts(_RO_ITEMS),
                                                      strict=True), start=1)]  # fmt: skip
    y = s.grid(68, [("Nr.", 15, 8, "L"), ("Denumirea produselor", 24, 66, "L"),
                    ("U.M.", 92, 12, "L"), ("Cant.", 106, 14, "R"),
                    ("Preț unitar", 122, 22, "R"), ("Valoarea", 146, 24, "R"),
                    ("TVA", 172, 23, "R")], rows, size=7.5)  # fmt: skip
    s.text(146, y - 1, "-lei-", size=6.5)
    s.pdf.line(15, y + 2, 195, y + 2)
    y = _totals(s, 100, 155, y + 5, [("Total fără TVA:", f"{_de(_RO_NET)} lei"),
                                     ("TVA 21%:", f"{_de(_RO_TAX)} lei"),
                                     ("Total de plată:", f"{_de(_RO_NET + _RO_TAX)} lei")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Întocmit: Pop Andrei, CNP 1850101123456   Semnătura de primire: ______",
           size=7)  # fmt: skip
    return s.output()


RO_FACTURA_TRUTH = _truth(
    invoice_number="TMS 0004571", type_code="380", issue_date="2026-03-17", currency="RON",
    seller_name="S.C. Transilvania Metal Serv S.R.L.", seller_vat_id="RO31245678",
    seller_country="RO", buyer_name="S.C. Carpați Construct S.A.", buyer_country="RO",
    tax_exclusive_total=_plain(_RO_NET), tax_total=_plain(_RO_TAX),
    grand_total=_plain(_RO_NET + _RO_TAX), due_payable=_plain(_RO_NET + _RO_TAX),
    line_items=_unit_lines(_RO_ITEMS, {"buc": "H87", "kg": "KGM"}),
)  # fmt: skip


# -- Hungary: "Díjbekérő", a proforma that is no invoice, forints without decimals, Ft after ----

_HU_ITEMS: list[UnitItem] = [("Ragasztott fenyő gerenda 120x240 mm, 6 m", "18", "db", "48500"),
                             ("Fenyő deszka 24x150 mm, gyalult", "12", "m3", "112000")]  # fmt: skip
_HU_NET = _unit_sum(_HU_ITEMS)


def hu_dijbekero() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "DÍJBEKÉRŐ", size=15, bold=True)
    s.text(15, 18, "Ez a bizonylat nem számla, áfa levonására nem jogosít.", size=8)
    s.pairs(125, 10, [("Sorszám:", "DB-2026/0193"), ("Kelte:", "2026.06.08."),
                      ("Fizetési határidő:", "2026.06.15."), ("Fizetési mód:", "átutalás")],
            gap=30, step=4.6)  # fmt: skip
    s.text(15, 34, "Eladó", size=9, bold=True)
    _block(s, 15, 39, ["Kovács és Társa Kft.", "1117 Budapest, Irinyi József u. 4-20.",
                       "Magyarország", "Adószám: 12345678-2-43",
                       "Közösségi adószám: HU12345678",
                       "Bankszámla: 11773016-01234567-00000000"], size=8)  # fmt: skip
    s.text(15, 66, "Vevő", size=9, bold=True)
    _block(s, 15, 71, ["Steirer Holzbau GmbH", "Grazer Straße 17, 8010 Graz", "Ausztria",
                       "Közösségi adószám: ATU12345678"], size=8)  # fmt: skip
    rows = [
        [t, q, u, _whole(_d(p)), _whole(a)]
        for (t, q, u, p), a in zip(_HU_ITEMS, _unit_amounts(_HU_ITEMS), strict=True)
    ]
    y = s.grid(92, [("Megnevezés", 15, 84, "L"), ("Menny.", 101, 16, "R"), ("Me.", 119, 10, "L"),
                    ("Nettó egységár", 131, 30, "R"), ("Nettó érték", 163, 32, "R")],
               rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 161, y + 3, [("Nettó összesen:", f"{_whole(_HU_NET)} Ft"),
                                    ("Áfa 0% (Közösségen belüli értékesítés):", "0 Ft"),
                                    ("Fizetendő összesen:", f"{_whole(_HU_NET)} Ft")],
                size=8.5)  # fmt: skip
    s.text(15, y + 6, "A számlát a díjbekérő kiegyenlítését követően állítjuk ki.", size=7.5)
    return s.output()


HU_DIJBEKERO_TRUTH = _truth(
    invoice_number="DB-2026/0193", type_code="325", issue_date="2026-06-08", currency="HUF",
    seller_name="Kovács és Társa Kft.", seller_vat_id="HU12345678", seller_country="HU",
    buyer_name="Steirer Holzbau GmbH", buyer_country="AT", tax_exclusive_total=_plain(_HU_NET),
    tax_total="0.00", grand_total=_plain(_HU_NET), due_payable=_plain(_HU_NET),
    line_items=_unit_lines(_HU_ITEMS, {"db": "H87", "m3": "MTQ"}),
)  # fmt: skip


# -- Ukraine: "Рахунок-фактура № … від 14 липня 2026 р." on one line, грн after, a Polish buyer -

_UA_ITEMS: list[UnitItem] = [("Плитка керамічна 600x600, сіра", "1850", "м2", "186.00"),
                             ("Клей для плитки, мішок 25 кг", "420", "шт", "162.00")]  # fmt: skip
_UA_NET = _unit_sum(_UA_ITEMS)


def ua_rakhunok_faktura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Рахунок-фактура № СФ-000318 від 14 липня 2026 р.", size=12, bold=True)
    s.pairs(15, 22, [("Постачальник:", "ТОВ «Дніпро Кераміка»"),
                     ("", "49000, Україна, м. Дніпро, вул. Січеславська Набережна, 15"),
                     ("", "Код ЄДРПОУ 40123456, ІПН 401234504652"),
                     ("Покупець:", "Ceramika Lublin Sp. z o.o."),
                     ("", "ul. Zemborzycka 40, 20-445 Lublin, Польща"),
                     ("", "NIP PL9462345678"),
                     ("Умови поставки:", "DAP Lublin")], gap=30, step=4.6)  # fmt: skip
    rows = [[str(n), t, u, q, _sp(_d(p)), _sp(a)]
            for n, ((t, q, u, p), a) in enumerate(zip(_UA_ITEMS, _unit_amounts(_UA_ITEMS),
                                                      strict=True), start=1)]  # fmt: skip
    y = s.grid(60, [("№", 15, 8, "L"), ("Товар", 24, 78, "L"), ("Од.", 104, 10, "L"),
                    ("Кількість", 116, 18, "R"), ("Ціна без ПДВ", 136, 27, "R"),
                    ("Сума без ПДВ", 165, 30, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Разом без ПДВ:", f"{_sp(_UA_NET)} грн"),
                                     ("ПДВ 0% (експорт):", "0,00 грн"),
                                     ("Усього до сплати:", f"{_sp(_UA_NET)} грн")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Виписав(ла): ________ Бондаренко О. В.", size=8)
    return s.output()


UA_RAKHUNOK_FAKTURA_TRUTH = _truth(
    invoice_number="СФ-000318", type_code="380", issue_date="2026-07-14", currency="UAH",
    seller_name="ТОВ «Дніпро Кераміка»", seller_vat_id="401234504652", seller_country="UA",
    buyer_name="Ceramika Lublin Sp. z o.o.", buyer_country="PL",
    tax_exclusive_total=_plain(_UA_NET), tax_total="0.00", grand_total=_plain(_UA_NET),
    due_payable=_plain(_UA_NET), line_items=_unit_lines(_UA_ITEMS, {"м2": "MTK", "шт": "H87"}),
)  # fmt: skip


# -- Greece: "ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ", ΑΦΜ and ΔΟΥ, € after the number, a buyer in Bulgaria ----------

_GR_ITEMS: list[UnitItem] = [("Ελαιόλαδο έξτρα παρθένο, δοχείο 5 λτ", "240", "τεμ.", "31.50"),
                             ("Τυρί φέτα ΠΟΠ, δοχείο", "180", "κιλ.", "9.80")]  # fmt: skip
_GR_NET = _unit_sum(_GR_ITEMS)


def gr_timologio() -> bytes:
    s = Sheet2()
    s.text(15, 10, "ΑΙΓΑΙΟ ΤΡΟΦΙΜΑ Α.Ε.", size=12, bold=True)
    _block(s, 15, 17, ["Λεωφ. Συγγρού 210, 176 72 Καλλιθέα, Ελλάδα",
                       "ΑΦΜ: 099876543   ΔΟΥ: ΦΑΕ Αθηνών", "Τηλ.: 210 9512345"],
           size=8)  # fmt: skip
    s.text(130, 10, "ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ", size=11, bold=True)
    s.pairs(130, 18, [("Αρ. Τιμολογίου:", "ΤΠ-0452"), ("Ημερομηνία:", "22/09/2026"),
                      ("Τρόπος πληρωμής:", "Επί πιστώσει")], gap=30, step=4.6)  # fmt: skip
    s.text(15, 38, "Στοιχεία πελάτη", size=9, bold=True)
    s.pairs(15, 43, [("Επωνυμία:", "Balkan Foods EOOD"),
                     ("Διεύθυνση:", "ул. Цар Симеон 21, 4000 Пловдив, Βουλγαρία"),
                     ("ΑΦΜ:", "BG204567891")], gap=24, step=4.6)  # fmt: skip
    rows = [
        [t, u, q, _de(_d(p)), _de(a)]
        for (t, q, u, p), a in zip(_GR_ITEMS, _unit_amounts(_GR_ITEMS), strict=True)
    ]
    y = s.grid(64, [("Περιγραφή", 15, 86, "L"), ("Μ.Μ.", 103, 12, "L"),
                    ("Ποσότητα", 117, 18, "R"), ("Τιμή μον.", 137, 26, "R"),
                    ("Αξία", 165, 30, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Καθαρή αξία:", f"{_de(_GR_NET)} €"),
                                     ("ΦΠΑ 0% (ενδοκοινοτική παράδοση):", "0,00 €"),
                                     ("Πληρωτέο ποσό:", f"{_de(_GR_NET)} €")],
                width=40, size=8.5)  # fmt: skip
    return s.output()


GR_TIMOLOGIO_TRUTH = _truth(
    invoice_number="ΤΠ-0452", type_code="380", issue_date="2026-09-22", currency="EUR",
    seller_name="ΑΙΓΑΙΟ ΤΡΟΦΙΜΑ Α.Ε.", seller_vat_id="099876543", seller_country="GR",
    buyer_name="Balkan Foods EOOD", buyer_country="BG", tax_exclusive_total=_plain(_GR_NET),
    tax_total="0.00", grand_total=_plain(_GR_NET), due_payable=_plain(_GR_NET),
    line_items=_unit_lines(_GR_ITEMS, {"τεμ.": "H87", "κιλ.": "KGM"}),
)  # fmt: skip


# -- Israel: Hebrew-English "חשבונית מס / TAX INVOICE", the fields in Latin, US dollars -------

_IL_ITEMS: list[Item] = [("Aspheric lens 25 mm, AR coated", "600", "18.75"),
                         ("Beam splitter cube 10 mm", "150", "48.00")]  # fmt: skip
_IL_NET = _sum(_IL_ITEMS)


def il_bilingual() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Negev Optics Ltd.  נגב אופטיקה בע״מ", size=12, bold=True)
    _block(s, 15, 17, ["12 HaMada St., Rehovot 7670312, Israel",
                       "ע.מ. / VAT Reg. No.: 514123456"], size=8)  # fmt: skip
    s.text(125, 10, "חשבונית מס / TAX INVOICE", size=11, bold=True)
    s.pairs(125, 18, [("מספר / No.:", "20415"), ("תאריך / Date:", "03/08/2026"),
                      ("Currency:", "USD")], gap=30, step=4.6)  # fmt: skip
    s.text(15, 36, "לכבוד / To:", size=9, bold=True)
    _block(s, 15, 41, ["Adriatic Vision d.o.o.", "Ulica grada Vukovara 271, 10000 Zagreb",
                       "Croatia"], size=8)  # fmt: skip
    rows = [
        [t, q, _group(_d(p)), _group(a)]
        for (t, q, p), a in zip(_IL_ITEMS, _amounts(_IL_ITEMS), strict=True)
    ]
    y = s.grid(60, [("Description / תיאור", 15, 90, "L"), ("Qty / כמות", 107, 20, "R"),
                    ("Unit price / מחיר", 129, 30, "R"), ("Total / סה״כ", 161, 34, "R")],
               rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Subtotal / סה״כ לפני מע״מ", f"$ {_group(_IL_NET)}"),
                                    ("VAT 0% (export) / מע״מ 0%", "$ 0.00"),
                                    ("Total to pay / סה״כ לתשלום", f"$ {_group(_IL_NET)}")],
                width=40, size=8.5)  # fmt: skip
    return s.output()


IL_BILINGUAL_TRUTH = _truth(
    invoice_number="20415", type_code="380", issue_date="2026-08-03", currency="USD",
    seller_name="Negev Optics Ltd.", seller_vat_id="514123456", seller_country="IL",
    buyer_name="Adriatic Vision d.o.o.", buyer_country="HR", tax_exclusive_total=_plain(_IL_NET),
    tax_total="0.00", grand_total=_plain(_IL_NET), due_payable=_plain(_IL_NET),
    line_items=_lines(_IL_ITEMS, None),
)  # fmt: skip


# -- Japan, in English: 'Messrs.', a 'T' + 13 digits registration number, JPY after ------------

_JP_ITEMS: list[Item] = [("Servo motor SGM7J-04A, 400 W", "20", "58000"),
                         ("Linear guide rail HSR25, 1 m", "40", "21500")]  # fmt: skip
_JP_NET = _sum(_JP_ITEMS)


def jp_english() -> bytes:
    s = Sheet2()
    s.text(80, 10, "INVOICE", size=15, bold=True)
    _block(s, 15, 22, ["Sakura Kiko Co., Ltd.", "3-14-7 Shiba, Minato-ku, Tokyo 105-0014, Japan",
                       "Qualified Invoice Issuer Reg. No.: T1234567890123",
                       "Tel: +81-3-5445-1234"], size=8, bold_first=True)  # fmt: skip
    s.pairs(130, 22, [("Invoice No.:", "SK-26-0771"), ("Date:", "Aug. 5, 2026"),
                      ("Payment:", "T/T 30 days")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 44, "Messrs.", size=9, bold=True)
    _block(s, 32, 44, ["Southern Cross Machinery Pty Ltd", "41 Kent Road, Mascot NSW 2020",
                       "Australia"], size=8.5)  # fmt: skip
    rows = [
        [t, q, _group(_d(p), places=0), _group(a, places=0)]
        for (t, q, p), a in zip(_JP_ITEMS, _amounts(_JP_ITEMS), strict=True)
    ]
    y = s.grid(64, [("Description", 15, 90, "L"), ("Q'ty", 107, 18, "R"),
                    ("Unit Price (JPY)", 127, 32, "R"), ("Amount (JPY)", 161, 34, "R")],
               rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Sub Total", f"{_group(_JP_NET, places=0)} JPY"),
                                    ("Consumption Tax (0%, export)", "0 JPY"),
                                    ("TOTAL", f"{_group(_JP_NET, places=0)} JPY")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Bank: MUFG Bank, Shiba Branch, SWIFT BOTKJPJT, A/C 0123456", size=7.5)
    return s.output()


JP_ENGLISH_TRUTH = _truth(
    invoice_number="SK-26-0771", type_code="380", issue_date="2026-08-05", currency="JPY",
    seller_name="Sakura Kiko Co., Ltd.", seller_vat_id="T1234567890123", seller_country="JP",
    buyer_name="Southern Cross Machinery Pty Ltd", buyer_country="AU",
    tax_exclusive_total=_plain(_JP_NET), tax_total="0.00", grand_total=_plain(_JP_NET),
    due_payable=_plain(_JP_NET), line_items=_lines(_JP_ITEMS, None),
)  # fmt: skip


# -- Korea, in English: a business registration number, a consignee apart from the buyer, KRW --

_KR_ITEMS: list[Item] = [('OLED display module 6.1", FHD', "500", "38500"),
                         ("Flexible PCB assembly FPC-220", "1200", "4150")]  # fmt: skip
_KR_NET = _sum(_KR_ITEMS)


def kr_english() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Hanbit Electronics Co., Ltd.", size=12, bold=True)
    _block(s, 15, 17, ["88 Gasan digital 1-ro, Geumcheon-gu, Seoul 08590, Korea",
                       "Business Registration No.: 214-86-12345"], size=8)  # fmt: skip
    s.text(140, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 20, [("Invoice No.", "HB-2611-058"), ("Date", "2026-11-09"),
                      ("L/C No.", "M0611260NS00123")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 36, "Consignee", size=9, bold=True)
    _block(s, 15, 41, ["Straits Freight Pte Ltd (for account of buyer)",
                       "9 Changi South Lane, Singapore 486045", "Singapore"],
           size=8)  # fmt: skip
    s.text(110, 36, "Buyer (Sold to)", size=9, bold=True)
    _block(s, 110, 41, ["Saigon Tech Components JSC", "Lot B2, Tan Thuan EPZ, District 7",
                        "Ho Chi Minh City, Vietnam"], size=8)  # fmt: skip
    rows = [
        [t, q, f"₩{_group(_d(p), places=0)}", f"₩{_group(a, places=0)}"]
        for (t, q, p), a in zip(_KR_ITEMS, _amounts(_KR_ITEMS), strict=True)
    ]
    y = s.grid(60, [("Description of goods", 15, 90, "L"), ("Quantity", 107, 18, "R"),
                    ("Unit price", 127, 32, "R"), ("Amount", 161, 34, "R")],
               rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Supply value", f"{_group(_KR_NET, places=0)} KRW"),
                                    ("VAT (zero-rated export)", "0 KRW"),
                                    ("Total amount", f"{_group(_KR_NET, places=0)} KRW")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Country of origin: Republic of Korea. HS 8524.91, 8534.00.", size=7.5)
    return s.output()


KR_ENGLISH_TRUTH = _truth(
    invoice_number="HB-2611-058", type_code="380", issue_date="2026-11-09", currency="KRW",
    seller_name="Hanbit Electronics Co., Ltd.", seller_vat_id="2148612345", seller_country="KR",
    buyer_name="Saigon Tech Components JSC", buyer_country="VN",
    tax_exclusive_total=_plain(_KR_NET), tax_total="0.00", grand_total=_plain(_KR_NET),
    due_payable=_plain(_KR_NET), line_items=_lines(_KR_ITEMS, None),
)  # fmt: skip


# -- Netherlands: a "Creditnota" (381), the credited invoice beside its own, totals negative ----

_NL_ITEMS: list[UnitItem] = [
    ("Retour: kweekbak 60x40 cm, beschadigd", "150", "st", "3.85"),
    ("Prijscorrectie tomatenplanten, tray", "40", "st", "2.50"),
]
_NL_NET = _unit_sum(_NL_ITEMS)


def nl_creditnota() -> bytes:
    s = Sheet2()
    _block(s, 130, 10, ["Van der Berg Tuinbouw B.V.", "Westlandseweg 120", "2291 PG Wateringen",
                        "Nederland", "KvK 27123456", "BTW NL812345678B01",
                        "IBAN NL91 ABNA 0417 1643 00"], size=8, bold_first=True)  # fmt: skip
    s.text(15, 12, "CREDITNOTA", size=15, bold=True)
    _block(s, 15, 26, ["Serres Dumont SPRL", "Chaussée de Louvain 431", "1380 Lasne", "België",
                       "BTW BE0456.789.123"], size=8.5)  # fmt: skip
    s.pairs(15, 52, [("Creditnotanummer:", "CN-2026-0042"), ("Datum:", "15-10-2026"),
                     ("Betreft factuur:", "2026-0318 van 28-09-2026"),
                     ("Klantnummer:", "10457")], gap=34, step=4.6)  # fmt: skip
    rows = [
        [t, q, u, f"€ {_de(_d(p))}", f"€ {_de(a)}"]
        for (t, q, u, p), a in zip(_NL_ITEMS, _unit_amounts(_NL_ITEMS), strict=True)
    ]
    y = s.grid(76, [("Omschrijving", 15, 90, "L"), ("Aantal", 107, 16, "R"),
                    ("Eenh.", 125, 10, "L"), ("Prijs", 137, 26, "R"), ("Bedrag", 165, 30, "R")],
               rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Totaal excl. btw", f"€ -{_de(_NL_NET)}"),
                                     ("Btw 0% (verlegd)", "€ 0,00"),
                                     ("Totaal te crediteren", f"€ -{_de(_NL_NET)}")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Het bedrag wordt verrekend met uw volgende factuur.", size=7.5)
    return s.output()


NL_CREDITNOTA_TRUTH = _truth(
    invoice_number="CN-2026-0042", type_code="381", issue_date="2026-10-15", currency="EUR",
    seller_name="Van der Berg Tuinbouw B.V.", seller_vat_id="NL812345678B01", seller_country="NL",
    buyer_name="Serres Dumont SPRL", buyer_country="BE", tax_exclusive_total=_plain(_NL_NET),
    tax_total="0.00", grand_total=_plain(_NL_NET), due_payable=_plain(_NL_NET),
    line_items=_unit_lines(_NL_ITEMS, {"st": "H87"}),
)  # fmt: skip


# -- Norway: "Faktura", seller and buyer side by side at the same height, KID, kr after --------

_NO_ITEMS: list[UnitItem] = [("Fersk laks, sløyd, 4-5 kg", "2400", "kg", "92.50"),
                             ("Torskefilet, frossen", "800", "kg", "118.00")]  # fmt: skip
_NO_NET = _unit_sum(_NO_ITEMS)


def no_side_by_side() -> bytes:
    s = Sheet2()
    s.text(140, 10, "FAKTURA", size=15, bold=True)
    s.pairs(130, 20, [("Fakturanr.", "70214"), ("Fakturadato", "02.11.2026"),
                      ("Forfallsdato", "16.11.2026"), ("KID", "0070214000123")],
            gap=26, step=4.6)  # fmt: skip
    s.text(15, 44, "Selger", size=9, bold=True)
    s.text(110, 44, "Kjøper", size=9, bold=True)
    _block(s, 15, 49, ["Fjordfisk Eksport AS", "Havnegata 14", "6002 Ålesund", "Norge",
                       "Org.nr. NO 987 654 321 MVA"], size=8.5)  # fmt: skip
    _block(s, 110, 49, ["Nordsee Fischhandel GmbH", "Am Fischmarkt 3", "27572 Bremerhaven",
                        "Tyskland", "USt-IdNr. DE298765432"], size=8.5)  # fmt: skip
    rows = [
        [t, q, u, _sp(_d(p)), _sp(a)]
        for (t, q, u, p), a in zip(_NO_ITEMS, _unit_amounts(_NO_ITEMS), strict=True)
    ]
    y = s.grid(80, [("Beskrivelse", 15, 88, "L"), ("Antall", 105, 18, "R"),
                    ("Enhet", 125, 10, "L"), ("Pris", 137, 26, "R"), ("Beløp", 165, 30, "R")],
               rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Sum eks. mva", f"{_sp(_NO_NET)} kr"),
                                     ("Mva 0 % (eksport)", "0,00 kr"),
                                     ("Å betale", f"{_sp(_NO_NET)} kr")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Alle beløp i NOK. Betales til konto 1503.12.34567 med KID.", size=7.5)
    return s.output()


NO_SIDE_BY_SIDE_TRUTH = _truth(
    invoice_number="70214", type_code="380", issue_date="2026-11-02", currency="NOK",
    seller_name="Fjordfisk Eksport AS", seller_vat_id="NO987654321MVA", seller_country="NO",
    buyer_name="Nordsee Fischhandel GmbH", buyer_country="DE", tax_exclusive_total=_plain(_NO_NET),
    tax_total="0.00", grand_total=_plain(_NO_NET), due_payable=_plain(_NO_NET),
    line_items=_unit_lines(_NO_ITEMS, {"kg": "KGM"}),
)  # fmt: skip


# -- Lithuania: 30 lines over two pages, totals on page 2 only, '2026 m. lapkričio 20 d.' -------

_LT_ITEMS: list[UnitItem] = [
    (f"Ąžuolinė kėdė, modelis K-{100 + 7 * n}", str(4 + n % 9), "vnt.", f"{64 + 3 * n}.50")
    for n in range(30)
]
_LT_NET = _unit_sum(_LT_ITEMS)
_LT_COLUMNS = [("Nr.", 15, 10, "L"), ("Prekės pavadinimas", 27, 80, "L"),
               ("Mato vnt.", 109, 16, "L"), ("Kiekis", 127, 14, "R"),
               ("Kaina, €", 143, 24, "R"), ("Suma, €", 169, 26, "R")]  # fmt: skip


def _lt_rows(first: int, last: int) -> list[list[str]]:
    amounts = _unit_amounts(_LT_ITEMS)
    return [[str(n + 1), t, u, q, _sp(_d(p)), _sp(amounts[n])]
            for n, (t, q, u, p) in enumerate(_LT_ITEMS) if first <= n < last]  # fmt: skip


def lt_two_pages() -> bytes:
    s = Sheet2()
    s.text(15, 10, "PVM SĄSKAITA FAKTŪRA", size=14, bold=True)
    s.text(15, 18, "Sąskaitos Nr. LTK-004512", size=10, bold=True)
    s.text(15, 23, "2026 m. lapkričio 20 d.", size=9)
    s.text(170, 10, "1 lapas iš 2", size=7.5)
    s.text(15, 32, "Pardavėjas", size=9, bold=True)
    _block(s, 15, 37, ["UAB „Baltijos baldai“", "Savanorių pr. 178, LT-03154 Vilnius",
                       "Lietuva", "Įmonės kodas 302345678",
                       "PVM mokėtojo kodas LT100012345617"], size=8)  # fmt: skip
    s.text(110, 32, "Pirkėjas", size=9, bold=True)
    _block(s, 110, 37, ["Möbelhaus Nord GmbH", "Hafenstraße 8, 24103 Kiel", "Vokietija",
                        "PVM kodas DE287654321"], size=8)  # fmt: skip
    s.grid(62, _LT_COLUMNS, _lt_rows(0, 22), size=8, step=9.5)
    s.text(15, 285, "Perkeliama į kitą lapą", size=7.5)
    s.pdf.add_page()
    s.text(15, 10, "Sąskaitos Nr. LTK-004512 tęsinys", size=9, bold=True)
    s.text(170, 10, "2 lapas iš 2", size=7.5)
    y = s.grid(20, _LT_COLUMNS, _lt_rows(22, 30), size=8)
    s.pdf.line(15, y, 195, y)
    tax = "PVM 0 % (tiekimas ES, PVMĮ 49 str.)"
    y = _totals(s, 95, 155, y + 3, [("Suma be PVM:", f"{_sp(_LT_NET)} €"), (tax, "0,00 €"),
                                    ("Iš viso mokėti:", f"{_sp(_LT_NET)} €")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Sąskaitą išrašė: direktorius Jonas Petraitis", size=7.5)
    return s.output()


LT_TWO_PAGES_TRUTH = _truth(
    invoice_number="LTK-004512", type_code="380", issue_date="2026-11-20", currency="EUR",
    seller_name="UAB „Baltijos baldai“", seller_vat_id="LT100012345617", seller_country="LT",
    buyer_name="Möbelhaus Nord GmbH", buyer_country="DE", tax_exclusive_total=_plain(_LT_NET),
    tax_total="0.00", grand_total=_plain(_LT_NET), due_payable=_plain(_LT_NET),
    line_items=_unit_lines(_LT_ITEMS, {"vnt.": "H87"}),
)  # fmt: skip


# -- Croatia: "Račun R-1" 145-1-1, OIB, ZKI and JIR, 'transakcijski račun', € after ------------

_HR_ITEMS: list[UnitItem] = [("Vino Plavac mali 2022, 0,75 l", "480", "kom", "9.50"),
                             ("Vino Pošip 2024, 0,75 l", "360", "kom", "5.33")]  # fmt: skip
_HR_NET = _unit_sum(_HR_ITEMS)


def hr_racun() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Jadran Vino d.o.o.", size=12, bold=True)
    _block(s, 15, 17, ["Obala kneza Branimira 12, 23000 Zadar, Hrvatska", "OIB: 12345678903",
                       "IBAN: HR12 2340 0091 1100 1234 5"], size=8)  # fmt: skip
    s.text(130, 10, "RAČUN R-1", size=13, bold=True)
    s.pairs(120, 18, [("Broj računa:", "145-1-1"),
                      ("Datum i vrijeme:", "04.12.2026. u 10:42"),
                      ("Datum isporuke:", "04.12.2026."),
                      ("Način plaćanja:", "transakcijski račun")], gap=30, step=4.6)  # fmt: skip
    s.text(15, 40, "Kupac:", size=9, bold=True)
    _block(s, 15, 45, ["Alpenwein Handels GmbH", "Mariahilfer Straße 88, 1070 Wien",
                       "Austrija", "UID: ATU65432198"], size=8)  # fmt: skip
    rows = [[str(n), t, u, q, _de(_d(p)), _de(a)]
            for n, ((t, q, u, p), a) in enumerate(zip(_HR_ITEMS, _unit_amounts(_HR_ITEMS),
                                                      strict=True), start=1)]  # fmt: skip
    y = s.grid(66, [("R.br.", 15, 10, "L"), ("Naziv", 27, 78, "L"), ("Jed. mj.", 107, 14, "L"),
                    ("Količina", 123, 16, "R"), ("Cijena", 141, 24, "R"),
                    ("Iznos", 167, 28, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    tax = "PDV 0% – oslobođeno (čl. 41. Zakona o PDV-u)"
    y = _totals(s, 80, 155, y + 3, [("Ukupno bez PDV-a:", f"{_de(_HR_NET)} €"), (tax, "0,00 €"),
                                    ("Ukupno za platiti:", f"{_de(_HR_NET)} €")],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 6, ["ZKI: 3f9a1c07e4b2d85a6c0e9f1b2a3d4c5e",
                          "JIR: 8c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f",
                          "Operater: Ivana Marić"], size=7)  # fmt: skip
    return s.output()


HR_RACUN_TRUTH = _truth(
    invoice_number="145-1-1", type_code="380", issue_date="2026-12-04", currency="EUR",
    seller_name="Jadran Vino d.o.o.", seller_vat_id="12345678903", seller_country="HR",
    buyer_name="Alpenwein Handels GmbH", buyer_country="AT", tax_exclusive_total=_plain(_HR_NET),
    tax_total="0.00", grand_total=_plain(_HR_NET), due_payable=_plain(_HR_NET),
    line_items=_unit_lines(_HR_ITEMS, {"kom": "H87"}),
)  # fmt: skip


BATCH20: list[Layout] = [
    Layout("ro-factura-seria", ro_factura, RO_FACTURA_TRUTH),
    Layout("hu-dijbekero", hu_dijbekero, HU_DIJBEKERO_TRUTH),
    Layout("ua-rakhunok-faktura", ua_rakhunok_faktura, UA_RAKHUNOK_FAKTURA_TRUTH),
    Layout("gr-timologio-bulgaria", gr_timologio, GR_TIMOLOGIO_TRUTH),
    Layout("il-bilingual", il_bilingual, IL_BILINGUAL_TRUTH),
    Layout("jp-english", jp_english, JP_ENGLISH_TRUTH),
    Layout("kr-english", kr_english, KR_ENGLISH_TRUTH),
    Layout("nl-creditnota", nl_creditnota, NL_CREDITNOTA_TRUTH),
    Layout("no-side-by-side", no_side_by_side, NO_SIDE_BY_SIDE_TRUTH),
    Layout("lt-two-pages", lt_two_pages, LT_TWO_PAGES_TRUTH),
    Layout("hr-racun-r1", hr_racun, HR_RACUN_TRUTH),
]


def write_batch20(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH20)
