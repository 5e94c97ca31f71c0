"""A twenty-fourth batch of hand-written invoices (session 25, review i10 of invoices21), written
before invoices21's diff was read: eleven layouts out of sample, aimed at what invoices21's rules
could read wrong, scored once as written (docs/documents.md, "session 25, 2026-12-06: batch 24
(review i10)").

The traps: a Bosnian ``FAKTURA`` priced in euros that quotes a distance in ``KM`` (kilometres);
a Kenyan Swahili ``ANKARA YA KODI`` priced in US dollars with ``KSh`` only in the bank details;
a Macedonian ``ФАКТУРА`` whose one date under the title is the due date (``Рок на плаќање``),
the issue date labelled in the side block; an Uzbek ``HISOBVARAQ-FAKTURA`` whose date alone under
the title is followed by the word for delivery (the issue date labelled below); a Catalan
window-maker's ``FACTURA`` whose table has a ``U`` column (the thermal U-value, W/m²K) beside its
unit column (m2); a Nigerian haulier's invoice with the seller's ``TIN`` (its VAT id there) and the
truck's ``VRN`` (vehicle registration number); a Kazakh ``SHOT-FAKTURA`` in Latin script whose
line text has a year-first quarter (``2026 jylǵy 1-toqsan``) and a year-first standard
(``ST RK 2026-05-12``, not a date); a Kazakh ``ШОТ-ФАКТУРА`` in Cyrillic whose columns say
``Сомасы`` (the amount: ``сом`` is a word's start, not Kyrgyz money), priced in ``₸``; a Tajik
``ҲИСОБНОМА-ФАКТУРА`` priced in ``сомонӣ`` (TJS, not KGS); a Pakistani ``SALES TAX INVOICE``
whose buyer block (with its own NTN and STRN) stands above the seller's; a Kosovo Albanian
``FATURË`` priced in euros with a ``Lekë`` exchange-rate note.

Ground truth as in the earlier batches (layouts_batch22.py's docstring): what a customs officer
reads on the page. Choices made before any reading: the seller's VAT or sales-tax registration
without spaces or punctuation (Bosnia's PDV broj, Kenya's KRA PIN, North Macedonia's ЕДБ with
``MK``, Uzbekistan's STIR, Spain's NIF, Nigeria's TIN, Kazakhstan's BIN/БСН, Tajikistan's ИРМ,
Pakistan's STRN, Kosovo's Nr. TVSH); a currency is held where the page names it in words, a code
or a sign (EUR, USD, MKD: ден., UZS: so'm, KZT: ₸ or teńge, TJS: сомонӣ, NGN: ₦, PKR: Rs.);
units as UN/ECE codes (kom, pcs, дана, dona, dana, дона, u: H87; m2: MTK; km: KMT; t, тонна: TNE;
kg: KGM; soat, h: HUR).
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


# -- Bosnia: 'FAKTURA' priced in EUR, a distance quoted in KM (kilometres) ---------------------

_BA_ITEMS: list[UnitItem] = [("Prevoz robe kamionom, relacija Tuzla - Split, 310 KM", "1", "kom",
                              "780.00"),
                             ("Čekanje vozila na granici, Bijača", "5", "h", "35.00")]  # fmt: skip
_BA_NET = _unit_sum(_BA_ITEMS)


def ba_km_distance() -> bytes:
    s = Sheet2()
    _block(s, 15, 10, ["Trans-Spreča d.o.o.", "Put Mladih 12, 75000 Tuzla",
                       "Bosna i Hercegovina", "PDV broj: 209876540003"], size=8,
           bold_first=True)  # fmt: skip
    s.text(135, 10, "FAKTURA broj 0419/26", size=12, bold=True)
    s.pairs(135, 19, [("Datum fakture:", "03.06.2026."), ("Valuta:", "EUR")], gap=30,
            step=4.6)  # fmt: skip
    s.text(15, 36, "Kupac:", size=9, bold=True)
    _block(s, 15, 41, ["Dalmacija Logistika d.o.o.", "Put Supavla 21, 21000 Split",
                       "Hrvatska", "OIB: 45678901234"], size=8)  # fmt: skip
    rows = _rows(_BA_ITEMS, _de)
    y = _table(s, 64, [("R.br.", 15, 9, "L"), ("Opis usluge", 25, 76, "L"), ("JM", 103, 10, "L"),
                       ("Količina", 115, 14, "R"), ("Cijena EUR", 131, 26, "R"),
                       ("Iznos EUR", 159, 36, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Ukupno EUR:", _de(_BA_NET)),
                                     ("PDV 0% (izvoz usluge, čl. 27):", _de(Decimal(0))),
                                     ("Za naplatu EUR:", _de(_BA_NET))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Pređeno: 310 KM u jednom smjeru; putarina uračunata u cijenu.", size=7.5)
    return s.output()


BA_KM_DISTANCE_TRUTH = _truth(
    invoice_number="0419/26", type_code="380", issue_date="2026-06-03", currency="EUR",
    seller_name="Trans-Spreča d.o.o.", seller_vat_id="209876540003", seller_country="BA",
    buyer_name="Dalmacija Logistika d.o.o.", buyer_country="HR",
    tax_exclusive_total=_plain(_BA_NET), tax_total="0.00", grand_total=_plain(_BA_NET),
    due_payable=_plain(_BA_NET), line_items=_unit_lines(_BA_ITEMS, {"kom": "H87", "h": "HUR"}),
)  # fmt: skip


# -- Kenya (Swahili): priced in USD, KSh only in the bank details ---------------------------------

_KE_ITEMS: list[UnitItem] = [("Maua ya waridi, shina 60 cm, kifurushi", "1200", "pcs", "4.20"),
                             ("Maua ya karafuu, kifurushi", "800", "pcs", "2.75")]  # fmt: skip
_KE_NET = _unit_sum(_KE_ITEMS)


def _usd(value: Decimal) -> str:
    return f"${_group(value)}"


def ke_swahili_usd() -> bytes:
    s = Sheet2()
    s.text(15, 10, "NAIVASHA BLOOMS LIMITED", size=12, bold=True)
    _block(s, 15, 17, ["S.L.P. 1180-20117, Naivasha, Kenya", "KRA PIN: P051234567X"], size=7.5)
    s.text(140, 10, "ANKARA YA KODI", size=12, bold=True)
    s.pairs(140, 19, [("Namba ya ankara:", "NB-2026-0612"), ("Tarehe:", "12/06/2026"),
                      ("Sarafu:", "USD")], gap=30, step=4.6)  # fmt: skip
    s.pairs(15, 36, [("Mnunuzi:", "Flora Holland Import B.V."),
                     ("Anwani:", "Legmeerdijk 313, Aalsmeer, Netherlands")], gap=24,
            step=4.6)  # fmt: skip
    rows = _rows(_KE_ITEMS, _usd)
    y = _table(s, 52, [("Na.", 15, 8, "L"), ("Maelezo ya bidhaa", 25, 72, "L"),
                       ("Kipimo", 99, 12, "L"), ("Idadi", 113, 14, "R"),
                       ("Bei (USD)", 129, 28, "R"), ("Jumla (USD)", 159, 36, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Jumla kabla ya VAT:", _usd(_KE_NET)),
                                    ("VAT 0% (mauzo ya nje):", _usd(Decimal(0))),
                                    ("Jumla kuu:", _usd(_KE_NET))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Malipo: Equity Bank, akaunti ya USD 0180291234567; akaunti ya KSh "
           "0180291234500 (kwa malipo ya ndani tu).", size=7.5)  # fmt: skip
    return s.output()


KE_SWAHILI_USD_TRUTH = _truth(
    invoice_number="NB-2026-0612", type_code="380", issue_date="2026-06-12", currency="USD",
    seller_name="NAIVASHA BLOOMS LIMITED", seller_vat_id="P051234567X", seller_country="KE",
    buyer_name="Flora Holland Import B.V.", buyer_country="NL",
    tax_exclusive_total=_plain(_KE_NET), tax_total="0.00", grand_total=_plain(_KE_NET),
    due_payable=_plain(_KE_NET), line_items=_unit_lines(_KE_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- North Macedonia: 'ФАКТУРА', the one date under the title is the due date --------------------

_MK_ITEMS: list[UnitItem] = [("Ајвар домашен, тегла 720 г", "600", "ком", "185.00"),
                             ("Пинџур, тегла 550 г", "400", "ком", "140.00")]  # fmt: skip
_MK_NET = _unit_sum(_MK_ITEMS)
_MK_TAX = _round(_MK_NET * Decimal("0.05"))


def mk_due_under_title() -> bytes:
    s = Sheet2()
    s.text(60, 10, "ФАКТУРА бр. 2026-0388", size=13, bold=True)
    s.text(62, 18, "Рок на плаќање: 30 јуни 2026", size=9)
    s.pairs(15, 28, [("Продавач:", "ДООЕЛ „Вкусно Поле“ Струмица"),
                     ("Адреса:", "ул. Маршал Тито 44, Струмица, Северна Македонија"),
                     ("ЕДБ за ДДВ:", "MK4027012345678"),
                     ("Купувач:", "ДОО „Маркет Centar“ Скопје"),
                     ("Адреса:", "бул. Партизански одреди 12, Скопје, Северна Македонија"),
                     ("Датум на фактура:", "31 мај 2026")], gap=34, step=4.6)  # fmt: skip
    rows = _rows(_MK_ITEMS, _de)
    y = _table(s, 62, [("Бр.", 15, 8, "L"), ("Назив на стока", 25, 70, "L"),
                       ("Ед. мерка", 97, 14, "L"), ("Количина", 113, 14, "R"),
                       ("Цена", 129, 26, "R"), ("Износ", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Вкупно без ДДВ:", f"{_de(_MK_NET)} ден."),
                                     ("ДДВ 5%:", f"{_de(_MK_TAX)} ден."),
                                     ("Вкупно за плаќање:", f"{_de(_MK_NET + _MK_TAX)} ден.")],
                width=40, size=8.5)  # fmt: skip
    return s.output()


MK_DUE_UNDER_TITLE_TRUTH = _truth(
    invoice_number="2026-0388", type_code="380", issue_date="2026-05-31", currency="MKD",
    seller_name="ДООЕЛ „Вкусно Поле“ Струмица", seller_vat_id="MK4027012345678",
    seller_country="MK", buyer_name="ДОО „Маркет Centar“ Скопје", buyer_country="MK",
    tax_exclusive_total=_plain(_MK_NET), tax_total=_plain(_MK_TAX),
    grand_total=_plain(_MK_NET + _MK_TAX), due_payable=_plain(_MK_NET + _MK_TAX),
    line_items=_unit_lines(_MK_ITEMS, {"ком": "H87"}),
)  # fmt: skip


# -- Uzbekistan: the date under the title is the delivery's, the issue date labelled below -------

_UZ_ITEMS: list[UnitItem] = [("Sement M400, qop 50 kg", "600", "dona", "62000.00"),
                             ("Armatura A500C, 12 mm", "4", "t", "9800000.00")]  # fmt: skip
_UZ_NET = _unit_sum(_UZ_ITEMS)
_UZ_TAX = _round(_UZ_NET * Decimal("0.12"))


def uz_delivery_under_title() -> bytes:
    s = Sheet2()
    s.text(55, 10, "HISOBVARAQ-FAKTURA № 0731", size=13, bold=True)
    s.text(70, 18, "2026 yil 28 may yetkazib berilgan", size=9)
    s.pairs(15, 28, [("Sana:", "2026 yil 1 iyun"),
                     ("Yetkazib beruvchi:", "\"Qizilqum Qurilish\" MChJ"),
                     ("Manzil:", "Navoiy sh., Galaba shoh ko'chasi 5, O'zbekiston"),
                     ("STIR:", "301987654"),
                     ("Xaridor:", "\"Toshkent Uy-Joy\" AJ"),
                     ("Manzil:", "Toshkent sh., Amir Temur ko'chasi 60, O'zbekiston"),
                     ("Valyuta:", "so'm")], gap=36, step=4.6)  # fmt: skip
    rows = _rows(_UZ_ITEMS, _sp)
    y = _table(s, 66, [("№", 15, 7, "L"), ("Tovar nomi", 23, 66, "L"),
                       ("O'lchov\nbirligi", 91, 14, "L"), ("Miqdori", 107, 14, "R"),
                       ("Narxi", 123, 28, "R"), ("Qiymati", 153, 42, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Jami (QQSsiz):", _sp(_UZ_NET)),
                                    ("QQS 12%:", _sp(_UZ_TAX)),
                                    ("Jami to'lovga:", _sp(_UZ_NET + _UZ_TAX))],
                width=40, size=8.5)  # fmt: skip
    return s.output()


UZ_DELIVERY_UNDER_TITLE_TRUTH = _truth(
    invoice_number="0731", type_code="380", issue_date="2026-06-01", currency="UZS",
    seller_name="\"Qizilqum Qurilish\" MChJ", seller_vat_id="301987654", seller_country="UZ",
    buyer_name="\"Toshkent Uy-Joy\" AJ", buyer_country="UZ",
    tax_exclusive_total=_plain(_UZ_NET), tax_total=_plain(_UZ_TAX),
    grand_total=_plain(_UZ_NET + _UZ_TAX), due_payable=_plain(_UZ_NET + _UZ_TAX),
    line_items=_unit_lines(_UZ_ITEMS, {"dona": "H87", "t": "TNE"}),
)  # fmt: skip


# -- Catalonia: a window-maker's table with a 'U' (U-value) column beside its unit column ---------

_CA_ITEMS: list[UnitItem] = [("Finestra oscil·lobatent PVC, 120x140 cm", "18", "m2", "265.00"),
                             ("Balconera corredissa alumini RPT, 240x220", "26", "m2",
                              "318.00")]  # fmt: skip
_CA_U = ["1,1", "1,4"]
_CA_NET = _unit_sum(_CA_ITEMS)
_CA_TAX = _round(_CA_NET * Decimal("0.21"))


def ca_u_value_column() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Tancaments Osona, S.L.", size=12, bold=True)
    _block(s, 15, 17, ["Carrer de la Riera 8, 08500 Vic (Barcelona)", "NIF: B62345678"],
           size=7.5)  # fmt: skip
    s.text(150, 10, "FACTURA", size=14, bold=True)
    s.pairs(130, 19, [("Factura núm.:", "TO-26/144"), ("Data:", "17 de juny de 2026")], gap=26,
            step=4.6)  # fmt: skip
    s.text(15, 34, "Client", size=9, bold=True)
    _block(s, 15, 39, ["Promocions del Ter, S.A.", "Passeig del Ter 3", "08560 Manlleu",
                       "NIF: A08123456"], size=8)  # fmt: skip
    rows = []
    for (t, q, u, p), a, uval in zip(_CA_ITEMS, _unit_amounts(_CA_ITEMS), _CA_U, strict=True):
        rows.append([t, uval, u, q, _de(_d(p)), _de(a)])
    y = _table(s, 62, [("Concepte", 15, 74, "L"), ("U", 91, 10, "R"), ("Unitat", 103, 12, "L"),
                       ("Quantitat", 117, 16, "R"), ("Preu", 135, 22, "R"),
                       ("Import", 159, 36, "R")], rows)  # fmt: skip
    s.text(15, y + 1, "U: transmitància tèrmica en W/m²K", size=6.5)
    s.pdf.line(15, y + 5, 195, y + 5)
    y = _totals(s, 110, 155, y + 8, [("Base imposable", f"{_de(_CA_NET)} €"),
                                     ("IVA 21%", f"{_de(_CA_TAX)} €"),
                                     ("Total factura", f"{_de(_CA_NET + _CA_TAX)} €")],
                width=40, size=8.5)  # fmt: skip
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
CA_U_VALUE_COLUMN_TRUTH = _truth(
    invoice_number="TO-26/144", type_code="380", issue_date="2026-06-17", currency="EUR",
    seller_name="Tancaments Osona, S.L.", seller_vat_id="B62345678", seller_country=None,
    buyer_name="Promocions del Ter, S.A.", buyer_country=None,
    tax_exclusive_total=_plain(_CA_NET), tax_total=_plain(_CA_TAX),
    grand_total=_plain(_CA_NET + _CA_TAX), due_payable=_plain(_CA_NET + _CA_TAX),
    line_items=_unit_lines(_CA_ITEMS, {"m2": "MTK"}),
)  # fmt: skip


# -- Nigeria: the seller's TIN is its VAT id, the VRN is the truck's registration -----------------

_NG_ITEMS: list[UnitItem] = [("Haulage of bagged cement, Ewekoro - Kano", "840", "km", "1850.00"),
                             ("Loading and offloading", "2", "u", "45000.00")]  # fmt: skip
_NG_NET = _unit_sum(_NG_ITEMS)
_NG_TAX = _round(_NG_NET * Decimal("0.075"))


def _naira(value: Decimal) -> str:
    return f"₦{_group(value)}"


def ng_tin_vrn_truck() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Sahel Haulage Nigeria Limited", size=12, bold=True)
    _block(s, 15, 17, ["Plot 14, Apapa-Oshodi Expressway, Lagos, Nigeria",
                       "TIN: 12345678-0001"], size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 19, [("Invoice No.:", "SHN/26/0457"), ("Date:", "08/07/2026")], gap=26,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Bill To:", size=9, bold=True)
    _block(s, 15, 37, ["Arewa Building Materials Ltd", "12 Murtala Mohammed Way, Kano",
                       "Nigeria", "TIN: 87654321-0001"], size=8)  # fmt: skip
    s.pairs(110, 37, [("Truck VRN:", "LSD 482 XA"), ("Driver:", "Musa Abdullahi"),
                      ("Waybill:", "WB-88213")], gap=22, step=4.6)  # fmt: skip
    rows = _rows(_NG_ITEMS, _group, numbered=False)
    y = _table(s, 62, [("Description", 15, 80, "L"), ("Unit", 97, 10, "L"),
                       ("Qty", 109, 14, "R"), ("Rate", 125, 30, "R"),
                       ("Amount", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 155, y + 3, [("Subtotal", _naira(_NG_NET)),
                                     ("VAT 7.5%", _naira(_NG_TAX)),
                                     ("Total Due", _naira(_NG_NET + _NG_TAX))],
                width=40, size=8.5)  # fmt: skip
    return s.output()


NG_TIN_VRN_TRUCK_TRUTH = _truth(
    invoice_number="SHN/26/0457", type_code="380", issue_date="2026-07-08", currency="NGN",
    seller_name="Sahel Haulage Nigeria Limited", seller_vat_id="123456780001",
    seller_country="NG", buyer_name="Arewa Building Materials Ltd", buyer_country="NG",
    tax_exclusive_total=_plain(_NG_NET), tax_total=_plain(_NG_TAX),
    grand_total=_plain(_NG_NET + _NG_TAX), due_payable=_plain(_NG_NET + _NG_TAX),
    line_items=_unit_lines(_NG_ITEMS, {"km": "KMT", "u": "H87"}),
)  # fmt: skip


# -- Kazakhstan, Latin script: year-first things that are not the invoice's date -----------------

_KZL_ITEMS: list[UnitItem] = [("Kúzet qyzmeti, 2026 jylǵy 1-toqsan", "3", "ai", "450000.00"),
                              ("Beton M300, ST RK 2026-05-12 boıynsha", "40", "m3",
                               "31500.00")]  # fmt: skip
_KZL_NET = _unit_sum(_KZL_ITEMS)
_KZL_TAX = _round(_KZL_NET * Decimal("0.16"))


def kz_latin_year_first() -> bytes:
    s = Sheet2()
    s.text(55, 10, "SHOT-FAKTURA № 0264", size=13, bold=True)
    s.pairs(15, 22, [("Kúni:", "14.04.2026"),
                     ("Jetkizýshi:", "\"Saryarqa Qurylys\" JShS"),
                     ("BSN:", "120540012345"),
                     ("Mekenjaıy:", "Qaraǵandy q., Buqar jyraý d-ly 30, Qazaqstan"),
                     ("Satyp alýshy:", "\"Astana Servis\" JShS"),
                     ("Mekenjaıy:", "Astana q., Qabanbaı batyr d-ly 11, Qazaqstan"),
                     ("Valıýta:", "teńge")], gap=34, step=4.6)  # fmt: skip
    rows = _rows(_KZL_ITEMS, _sp)
    y = _table(s, 60, [("№", 15, 7, "L"), ("Ataýy", 23, 68, "L"), ("Ólshem", 93, 12, "L"),
                       ("Sany", 107, 14, "R"), ("Baǵasy", 123, 28, "R"),
                       ("Somasy", 153, 42, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("QQS-syz jıyny:", _sp(_KZL_NET)),
                                    ("QQS 16%:", _sp(_KZL_TAX)),
                                    ("Tólenýge jıyny:", _sp(_KZL_NET + _KZL_TAX))],
                width=40, size=8.5)  # fmt: skip
    return s.output()


KZ_LATIN_YEAR_FIRST_TRUTH = _truth(
    invoice_number="0264", type_code="380", issue_date="2026-04-14", currency="KZT",
    seller_name="\"Saryarqa Qurylys\" JShS", seller_vat_id="120540012345", seller_country="KZ",
    buyer_name="\"Astana Servis\" JShS", buyer_country="KZ",
    tax_exclusive_total=_plain(_KZL_NET), tax_total=_plain(_KZL_TAX),
    grand_total=_plain(_KZL_NET + _KZL_TAX), due_payable=_plain(_KZL_NET + _KZL_TAX),
    line_items=_unit_lines(_KZL_ITEMS, {"ai": "MON", "m3": "MTQ"}),
)  # fmt: skip


# -- Kazakhstan, Cyrillic: 'Сомасы' columns (the amount), priced in ₸ ------------------------------

_KZ_ITEMS: list[UnitItem] = [("Ұн, бірінші сорт, қап 50 кг", "300", "дана", "14200.00"),
                             ("Қант, қап 50 кг", "120", "дана", "21500.00")]  # fmt: skip
_KZ_NET = _unit_sum(_KZ_ITEMS)
_KZ_TAX = _round(_KZ_NET * Decimal("0.16"))


def _tenge(value: Decimal) -> str:
    return f"{_sp(value)} ₸"


def kz_somasy() -> bytes:
    s = Sheet2()
    s.text(55, 10, "ШОТ-ФАКТУРА № 1187", size=13, bold=True)
    s.pairs(15, 22, [("Күні:", "2026 жылғы 14 наурыз"),
                     ("Жеткізуші:", "«Көкшетау Астық» ЖШС"), ("БСН:", "050640004321"),
                     ("Мекенжайы:", "Көкшетау қ., Абай к-сі 88, Қазақстан"),
                     ("Сатып алушы:", "«Алматы Нан» АҚ"),
                     ("Мекенжайы:", "Алматы қ., Төле би к-сі 150, Қазақстан")], gap=32,
            step=4.6)  # fmt: skip
    rows = _rows(_KZ_ITEMS, _tenge)
    y = _table(s, 56, [("№", 15, 7, "L"), ("Тауардың атауы", 23, 66, "L"),
                       ("Өлшем\nбірлігі", 91, 14, "L"), ("Саны", 107, 14, "R"),
                       ("Бағасы", 123, 28, "R"), ("ҚҚС-сыз сомасы", 153, 42, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("ҚҚС-сыз барлық сомасы:", _tenge(_KZ_NET)),
                                    ("ҚҚС сомасы 16%:", _tenge(_KZ_TAX)),
                                    ("Төлеуге барлығы:", _tenge(_KZ_NET + _KZ_TAX))],
                width=40, size=8.5)  # fmt: skip
    return s.output()


KZ_SOMASY_TRUTH = _truth(
    invoice_number="1187", type_code="380", issue_date="2026-03-14", currency="KZT",
    seller_name="«Көкшетау Астық» ЖШС", seller_vat_id="050640004321", seller_country="KZ",
    buyer_name="«Алматы Нан» АҚ", buyer_country="KZ", tax_exclusive_total=_plain(_KZ_NET),
    tax_total=_plain(_KZ_TAX), grand_total=_plain(_KZ_NET + _KZ_TAX),
    due_payable=_plain(_KZ_NET + _KZ_TAX),
    line_items=_unit_lines(_KZ_ITEMS, {"дана": "H87"}),
)  # fmt: skip


# -- Tajikistan: 'ҲИСОБНОМА-ФАКТУРА', priced in сомонӣ (TJS) --------------------------------------

_TJ_ITEMS: list[UnitItem] = [("Зардолуи хушк, қуттии 10 кг", "250", "дона", "185.00"),
                             ("Бодоми тоза, қуттии 5 кг", "80", "дона", "410.00")]  # fmt: skip
_TJ_NET = _unit_sum(_TJ_ITEMS)
_TJ_TAX = _round(_TJ_NET * Decimal("0.14"))


def tj_somoni() -> bytes:
    s = Sheet2()
    s.text(50, 10, "ҲИСОБНОМА-ФАКТУРА № 306", size=13, bold=True)
    s.pairs(15, 22, [("Сана:", "20.08.2026"),
                     ("Фурӯшанда:", "ҶДММ «Меваи Суғд»"), ("РМА:", "520012345"),
                     ("Суроға:", "ш. Хуҷанд, кӯчаи Ленин 17, Тоҷикистон"),
                     ("Харидор:", "ҶСК «Душанбе Савдо»"),
                     ("Суроға:", "ш. Душанбе, хиёбони Рӯдакӣ 40, Тоҷикистон")], gap=30,
            step=4.6)  # fmt: skip
    rows = _rows(_TJ_ITEMS, _sp)
    y = _table(s, 56, [("№", 15, 7, "L"), ("Номгӯи мол", 23, 66, "L"), ("Воҳид", 91, 14, "L"),
                       ("Миқдор", 107, 14, "R"), ("Нарх, сомонӣ", 123, 28, "R"),
                       ("Маблағ, сомонӣ", 153, 42, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Ҳамагӣ бе ААИ:", f"{_sp(_TJ_NET)} сомонӣ"),
                                    ("ААИ 14%:", f"{_sp(_TJ_TAX)} сомонӣ"),
                                    ("Ҳамагӣ барои пардохт:",
                                     f"{_sp(_TJ_NET + _TJ_TAX)} сомонӣ")],
                width=40, size=8.5)  # fmt: skip
    return s.output()


TJ_SOMONI_TRUTH = _truth(
    invoice_number="306", type_code="380", issue_date="2026-08-20", currency="TJS",
    seller_name="ҶДММ «Меваи Суғд»", seller_vat_id="520012345", seller_country="TJ",
    buyer_name="ҶСК «Душанбе Савдо»", buyer_country="TJ", tax_exclusive_total=_plain(_TJ_NET),
    tax_total=_plain(_TJ_TAX), grand_total=_plain(_TJ_NET + _TJ_TAX),
    due_payable=_plain(_TJ_NET + _TJ_TAX),
    line_items=_unit_lines(_TJ_ITEMS, {"дона": "H87"}),
)  # fmt: skip


# -- Pakistan: the buyer's block (NTN, STRN) above the seller's -----------------------------------

_PK_ITEMS: list[UnitItem] = [("Cotton yarn 30/1 carded, bag 45.36 kg", "200", "bag", "48500.00"),
                             ("Polyester staple fibre 1.4D", "3000", "kg", "392.00")]  # fmt: skip
_PK_NET = _unit_sum(_PK_ITEMS)
_PK_TAX = _round(_PK_NET * Decimal("0.18"))


def pk_buyer_first() -> bytes:
    s = Sheet2()
    s.text(70, 10, "SALES TAX INVOICE", size=13, bold=True)
    s.pairs(130, 19, [("Invoice No.:", "FTM-2026-1142"), ("Date:", "22-09-2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 19, "Buyer:", size=9, bold=True)
    _block(s, 15, 24, ["Lahore Weaving Mills (Pvt) Ltd", "32-B Industrial Estate, Lahore, Pakistan",
                       "NTN: 7654321-0", "STRN: 03-00-9876-543-21"], size=7.5)  # fmt: skip
    s.text(15, 46, "Supplier:", size=9, bold=True)
    _block(s, 15, 51, ["Faisalabad Textile Mills Ltd", "Sargodha Road, Faisalabad, Pakistan",
                       "NTN: 1234567-8", "STRN: 32-77-8761-234-56"], size=7.5)  # fmt: skip
    rows = []
    for (t, q, u, p), a in zip(_PK_ITEMS, _unit_amounts(_PK_ITEMS), strict=True):
        tax = _round(a * Decimal("0.18"))
        rows.append([t, u, q, _group(_d(p)), _group(a), _group(tax), _group(a + tax)])
    y = _table(s, 76, [("Description", 15, 56, "L"), ("Unit", 73, 10, "L"),
                       ("Qty", 85, 12, "R"), ("Rate", 99, 20, "R"),
                       ("Value Excl.\nSales Tax", 121, 24, "R"), ("Sales Tax\n18%", 147, 20, "R"),
                       ("Value Incl.\nSales Tax", 169, 26, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total Value Excl. Sales Tax", _group(_PK_NET)),
                                     ("Sales Tax @ 18%", _group(_PK_TAX)),
                                     ("Total Value Incl. Sales Tax (Rs.)",
                                      _group(_PK_NET + _PK_TAX))],
                width=40, size=8)  # fmt: skip
    return s.output()


PK_BUYER_FIRST_TRUTH = _truth(
    invoice_number="FTM-2026-1142", type_code="380", issue_date="2026-09-22", currency="PKR",
    seller_name="Faisalabad Textile Mills Ltd", seller_vat_id="3277876123456",
    seller_country="PK", buyer_name="Lahore Weaving Mills (Pvt) Ltd", buyer_country="PK",
    tax_exclusive_total=_plain(_PK_NET), tax_total=_plain(_PK_TAX),
    grand_total=_plain(_PK_NET + _PK_TAX), due_payable=_plain(_PK_NET + _PK_TAX),
    line_items=_unit_lines(_PK_ITEMS, {"bag": "XBG", "kg": "KGM"}),
)  # fmt: skip


# -- Kosovo (Albanian): 'FATURË' priced in euros, a Lekë exchange-rate note -----------------------

_XK_ITEMS: list[UnitItem] = [("Qumësht i freskët 2,8%, 1 l", "1500", "copë", "0.85"),
                             ("Djathë i bardhë, 1 kg", "200", "kg", "6.40")]  # fmt: skip
_XK_NET = _unit_sum(_XK_ITEMS)
_XK_TAX = _round(_XK_NET * Decimal("0.08"))


def xk_fature_eur() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Bylmeti Dukagjini Sh.p.k.", size=12, bold=True)
    _block(s, 15, 17, ["Rr. Skënderbeu 12, 30000 Pejë, Kosovë", "Nr. TVSH: 330123456"],
           size=7.5)  # fmt: skip
    s.text(150, 10, "FATURË", size=14, bold=True)
    s.pairs(130, 19, [("Nr. i faturës:", "BD-26-0815"), ("Data:", "15.08.2026")], gap=26,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Blerësi:", size=9, bold=True)
    _block(s, 15, 37, ["Market Tirana Sh.p.k.", "Rr. e Durrësit 40, Tiranë", "Shqipëri",
                       "NIPT: L81234567A"], size=8)  # fmt: skip
    rows = _rows(_XK_ITEMS, lambda v: f"{_de(v)} €", numbered=False)
    y = _table(s, 60, [("Përshkrimi", 15, 80, "L"), ("Njësia", 97, 12, "L"),
                       ("Sasia", 111, 16, "R"), ("Çmimi", 129, 26, "R"),
                       ("Vlera", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 155, y + 3, [("Vlera pa TVSH", f"{_de(_XK_NET)} €"),
                                     ("TVSH 8%", f"{_de(_XK_TAX)} €"),
                                     ("Totali për pagesë", f"{_de(_XK_NET + _XK_TAX)} €")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Për informacion: 1 € = 98,50 Lekë (kursi i Bankës së Shqipërisë).",
           size=7.5)  # fmt: skip
    return s.output()


XK_FATURE_EUR_TRUTH = _truth(
    invoice_number="BD-26-0815", type_code="380", issue_date="2026-08-15", currency="EUR",
    seller_name="Bylmeti Dukagjini Sh.p.k.", seller_vat_id="330123456", seller_country="XK",
    buyer_name="Market Tirana Sh.p.k.", buyer_country="AL",
    tax_exclusive_total=_plain(_XK_NET), tax_total=_plain(_XK_TAX),
    grand_total=_plain(_XK_NET + _XK_TAX), due_payable=_plain(_XK_NET + _XK_TAX),
    line_items=_unit_lines(_XK_ITEMS, {"copë": "H87", "kg": "KGM"}),
)  # fmt: skip


BATCH24: list[Layout] = [
    Layout("ba-km-distance-eur", ba_km_distance, BA_KM_DISTANCE_TRUTH),
    Layout("ke-swahili-usd", ke_swahili_usd, KE_SWAHILI_USD_TRUTH),
    Layout("mk-due-under-title", mk_due_under_title, MK_DUE_UNDER_TITLE_TRUTH),
    Layout("uz-delivery-under-title", uz_delivery_under_title, UZ_DELIVERY_UNDER_TITLE_TRUTH),
    Layout("ca-u-value-column", ca_u_value_column, CA_U_VALUE_COLUMN_TRUTH),
    Layout("ng-tin-vrn-truck", ng_tin_vrn_truck, NG_TIN_VRN_TRUCK_TRUTH),
    Layout("kz-latin-year-first", kz_latin_year_first, KZ_LATIN_YEAR_FIRST_TRUTH),
    Layout("kz-somasy-tenge", kz_somasy, KZ_SOMASY_TRUTH),
    Layout("tj-somoni", tj_somoni, TJ_SOMONI_TRUTH),
    Layout("pk-buyer-first", pk_buyer_first, PK_BUYER_FIRST_TRUTH),
    Layout("xk-fature-eur", xk_fature_eur, XK_FATURE_EUR_TRUTH),
]


def write_batch24(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH24)
