"""A twenty-first batch of hand-written invoices, written (session 24) before the reader's
layout and extraction code was read: fourteen layouts out of sample, in the languages and
layouts the earlier batches cover least, scored once as written (docs/documents.md,
"session 24, 6 December: batch 21").

A Lithuanian ``PVM sąskaita faktūra`` on one page (``Serija LBT Nr. 2604``, ``2026 m. kovo 9
d.``, a VAT column per line); a Latvian ``Rēķins`` (``PVN reģ. Nr.``, ``Kopā apmaksai``, the
parties one above the other); an Estonian ``Arve`` (``KMKR nr``, ``Tasuda kokku``, € after the
number); a Slovak ``Faktúra – daňový doklad`` (IČO, DIČ, IČ DPH, the invoice data in boxes);
a Slovenian ``Račun`` (``ID za DDV``, ``Za plačilo``, ``22. 7. 2026`` with spaces); a Norwegian
domestic ``Faktura`` (MVA 25 %, ``kr`` after every amount, ``Valuta: NOK``); a Vietnamese
``Hóa đơn giá trị gia tăng`` (``Ngày 15 tháng 07 năm 2026``, ``Mã số thuế``, đồng without
decimals and a dot between thousands); an Indonesian ``Faktur`` (NPWP, DPP and PPN 11 %,
``Rp`` before the number, ``21 Agustus 2026``); a Philippine BIR ``Sales Invoice`` (VAT Reg.
TIN, prices VAT-inclusive, ``VATable Sales`` / ``VAT Amount`` / ``TOTAL AMOUNT DUE``); a Kenyan
KRA ``Tax Invoice`` (a KRA PIN, a control unit's serial and invoice numbers beside the
seller's own); a Mexican CFDI printout (``Serie A Folio 1187``, a folio fiscal UUID, RFC,
``Clave unidad``, ``Moneda: MXN``); a Brazilian DANFE-like export page (``Nº 000.012.345
Série 1``, CNPJ, a tax block of boxes, NCM and CFOP columns, no currency printed); an Egyptian
bilingual Arabic/English e-invoice (``Internal ID``, the tax registration number, VAT 14 %,
EGP); a Korean electronic tax invoice in English (no CJK font here: the Korean is left out;
the two registration numbers side by side, a per-line tax column, and ``Supply value`` and
``VAT`` rows under the line table that are the tax summary, not goods).

Ground truth as in the earlier batches (layouts_batch20.py's docstring). Choices where the
page leaves room, made before any reading: a series and a number are both, joined by a space
(``LBT 2604``, ``A 1187``); a Kenyan invoice's number is the seller's ``Invoice No.``, not the
control unit's; a Korean e-tax invoice's number is its approval number; a DANFE's is its
``Nº`` as printed (``000.012.345``) and its currency null (none printed: not guessed); the
seller's tax id written without spaces or punctuation (KMKR, IČ DPH, ID za DDV, Org.nr …
MVA, Mã số thuế, NPWP, TIN, KRA PIN, RFC, CNPJ, the Egyptian and Korean registration
numbers); a Philippine invoice's lines hold the VAT-inclusive amounts it prints, its
tax-exclusive total its ``VATable Sales``; units as UN/ECE codes (vnt., gab., tk, ks, kos,
stk, cái, pcs, UN, H87: H87; kg, KG: KGM; m: MTR; l: LTR; session 33: bao (a sack) XSA,
dėž. (a box) XBX, not H87 as first written).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import Item, _amounts, _block, _lines, _sp, _sum, _totals
from tests.documents.layouts_batch20 import UnitItem, _de, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _round


def _dots(value: Decimal) -> str:
    """12.500.000: a dot between thousands, no decimals (đồng, rupiah)."""
    return f"{int(value):,}".replace(",", ".")


def _rows(items: list[UnitItem], money=_sp, numbered: bool = True) -> list[list[str]]:  # type: ignore[no-untyped-def]
    out = []
    for n, ((t, q, u, p), a) in enumerate(zip(items, _unit_amounts(items), strict=True), 1):
        row = [t, u, q, money(_d(p)), money(a)]
        out.append([str(n), *row] if numbered else row)
    return out


# -- Lithuania: 'PVM SĄSKAITA FAKTŪRA', 'Serija LBT Nr. 2604', a VAT column per line ------------

_LT_ITEMS: list[UnitItem] = [("Pušinė lenta 25x100 mm, obliuota", "320", "m", "2.85"),
                             ("Medienos alyva, 2,5 l", "48", "vnt.", "24.90"),
                             ("Varžtai medžiui 5x60, dėžutė", "60", "dėž.", "7.40")]  # fmt: skip
_LT_NET = _unit_sum(_LT_ITEMS)
_LT_TAX = _round(_LT_NET * Decimal("0.21"))


def lt_pvm_saskaita() -> bytes:
    s = Sheet2()
    s.text(70, 10, "PVM SĄSKAITA FAKTŪRA", size=14, bold=True)
    s.text(80, 18, "Serija LBT Nr. 2604", size=10, bold=True)
    s.text(82, 23, "2026 m. kovo 9 d.", size=9)
    s.text(15, 32, "Pardavėjas:", size=9, bold=True)
    _block(s, 15, 37, ["UAB „Girios medis“", "Įmonės kodas 304512345",
                       "PVM mokėtojo kodas LT100011223344", "Pramonės g. 12, LT-51329 Kaunas",
                       "A. s. LT12 7300 0101 2345 6789, AB „Swedbank“"], size=8)  # fmt: skip
    s.text(110, 32, "Pirkėjas:", size=9, bold=True)
    _block(s, 110, 37, ["UAB „Namų statyba“", "Įmonės kodas 301987654",
                        "PVM mokėtojo kodas LT100009876543", "Liepų g. 4, LT-92138 Klaipėda"],
           size=8)  # fmt: skip
    rows = [[str(n), t, u, q, _sp(_d(p)), _sp(a), _sp(_round(a * Decimal("0.21")))]
            for n, ((t, q, u, p), a) in enumerate(zip(_LT_ITEMS, _unit_amounts(_LT_ITEMS),
                                                      strict=True), start=1)]  # fmt: skip
    y = s.grid(66, [("Eil. Nr.", 15, 12, "L"), ("Pavadinimas", 29, 66, "L"),
                    ("Mato vnt.", 97, 14, "L"), ("Kiekis", 113, 14, "R"),
                    ("Kaina, EUR", 129, 20, "R"), ("Suma, EUR", 151, 22, "R"),
                    ("PVM 21 %", 175, 20, "R")], rows, size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("Suma be PVM:", _sp(_LT_NET)), ("PVM 21 %:", _sp(_LT_TAX)),
                                     ("Iš viso su PVM:", _sp(_LT_NET + _LT_TAX))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 4, "Suma žodžiais: ... eurų. Apmokėti iki 2026-03-23.", size=7.5)
    s.text(15, y + 10, "Sąskaitą išrašė: vadybininkė Rasa Kazlauskienė", size=7.5)
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
LT_PVM_SASKAITA_TRUTH = _truth(
    invoice_number="LBT 2604", type_code="380", issue_date="2026-03-09", currency="EUR",
    seller_name="UAB „Girios medis“", seller_vat_id="LT100011223344", seller_country=None,
    buyer_name="UAB „Namų statyba“", buyer_country=None, tax_exclusive_total=_plain(_LT_NET),
    tax_total=_plain(_LT_TAX), grand_total=_plain(_LT_NET + _LT_TAX),
    due_payable=_plain(_LT_NET + _LT_TAX),
    line_items=_unit_lines(_LT_ITEMS, {"m": "MTR", "vnt.": "H87", "dėž.": "XBX"}),
)  # fmt: skip


# -- Latvia: 'Rēķins Nr. …', 'PVN reģ. Nr.', parties one above the other, 'Kopā apmaksai' -------

_LV_ITEMS: list[UnitItem] = [("Rupjmaize, klaips 800 g", "600", "gab.", "2.35"),
                             ("Kūpināts lasis, vakuumā", "85", "kg", "21.60")]  # fmt: skip
_LV_NET = _unit_sum(_LV_ITEMS)


def lv_rekins() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "SIA „Latgales Maiznīca”", size=12, bold=True)
    s.text(15, 16, "Rīgas iela 45, Daugavpils, LV-5401, Latvija", size=8)
    s.text(140, 10, "RĒĶINS", size=14, bold=True)
    s.pairs(125, 18, [("Rēķina Nr.", "LM-26/0877"), ("Datums:", "12.05.2026."),
                      ("Apmaksas termiņš:", "26.05.2026.")], gap=36, step=4.6)  # fmt: skip
    s.pairs(15, 36, [("Piegādātājs:", "SIA „Latgales Maiznīca”"),
                     ("Reģ. Nr.:", "40003123456"), ("PVN reģ. Nr.:", "LV40003123456"),
                     ("Banka:", "AS Swedbank, LV80HABA0551012345678"),
                     ("Saņēmējs:", "Leipäkeskus Oy"),
                     ("Adrese:", "Hämeentie 33, 00500 Helsinki, Somija"),
                     ("PVN reģ. Nr.:", "FI23456789")], gap=32, step=4.6)  # fmt: skip
    y = s.grid(74, [("Nr.", 15, 8, "L"), ("Nosaukums", 25, 80, "L"), ("Mērv.", 107, 12, "L"),
                    ("Daudz.", 121, 16, "R"), ("Cena", 139, 24, "R"), ("Summa", 165, 30, "R")],
               _rows(_LV_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Summa bez PVN:", f"{_sp(_LV_NET)} EUR"),
                                     ("PVN 0% (ES piegāde):", "0,00 EUR"),
                                     ("Kopā apmaksai:", f"{_sp(_LV_NET)} EUR")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Rēķins sagatavots elektroniski un ir derīgs bez paraksta.", size=7.5)
    return s.output()


LV_REKINS_TRUTH = _truth(
    invoice_number="LM-26/0877", type_code="380", issue_date="2026-05-12", currency="EUR",
    seller_name="SIA „Latgales Maiznīca”", seller_vat_id="LV40003123456", seller_country="LV",
    buyer_name="Leipäkeskus Oy", buyer_country="FI", tax_exclusive_total=_plain(_LV_NET),
    tax_total="0.00", grand_total=_plain(_LV_NET), due_payable=_plain(_LV_NET),
    line_items=_unit_lines(_LV_ITEMS, {"gab.": "H87", "kg": "KGM"}),
)  # fmt: skip


# -- Estonia: 'ARVE', 'KMKR nr', € after the number, 'Tasuda kokku' -----------------------------

_EE_ITEMS: list[UnitItem] = [("Saunakeris 9 kW, roostevaba", "12", "tk", "389.00"),
                             ("Leiliruumi kivid, 20 kg kott", "40", "tk", "18.50")]  # fmt: skip
_EE_NET = _unit_sum(_EE_ITEMS)
_EE_TAX = _round(_EE_NET * Decimal("0.24"))


def ee_arve() -> bytes:
    s = Sheet2()
    _block(s, 15, 10, ["Saunameister OÜ", "Tööstuse 48, 10416 Tallinn, Eesti",
                       "Registrikood 12345678", "KMKR nr EE101234567"], size=8,
                       bold_first=True)  # fmt: skip
    s.text(150, 10, "ARVE", size=15, bold=True)
    s.pairs(130, 20, [("Arve nr", "2026-0419"), ("Kuupäev", "15.04.2026"),
                      ("Maksetähtaeg", "29.04.2026"), ("Viivis", "0,05% päevas")],
            gap=30, step=4.6)  # fmt: skip
    s.text(15, 36, "Maksja:", size=9, bold=True)
    _block(s, 15, 41, ["Kylpyläkauppa Oy", "Satamakatu 7, 20100 Turku", "Soome",
                       "KMKR nr FI19876543"], size=8)  # fmt: skip
    rows = [
        [t, q, u, f"{_sp(_d(p))} €", f"{_sp(a)} €"]
        for (t, q, u, p), a in zip(_EE_ITEMS, _unit_amounts(_EE_ITEMS), strict=True)
    ]
    y = s.grid(62, [("Kirjeldus", 15, 86, "L"), ("Kogus", 103, 14, "R"), ("Ühik", 119, 10, "L"),
                    ("Hind", 131, 30, "R"), ("Summa", 163, 32, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("Summa km-ta", f"{_sp(_EE_NET)} €"),
                                     ("Käibemaks 24%", f"{_sp(_EE_TAX)} €"),
                                     ("Tasuda kokku", f"{_sp(_EE_NET + _EE_TAX)} €")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Palume tasuda arve numbrile viidates. SEB EE101010220123456789", size=7.5)
    return s.output()


EE_ARVE_TRUTH = _truth(
    invoice_number="2026-0419", type_code="380", issue_date="2026-04-15", currency="EUR",
    seller_name="Saunameister OÜ", seller_vat_id="EE101234567", seller_country="EE",
    buyer_name="Kylpyläkauppa Oy", buyer_country="FI", tax_exclusive_total=_plain(_EE_NET),
    tax_total=_plain(_EE_TAX), grand_total=_plain(_EE_NET + _EE_TAX),
    due_payable=_plain(_EE_NET + _EE_TAX), line_items=_unit_lines(_EE_ITEMS, {"tk": "H87"}),
)  # fmt: skip


# -- Slovakia: 'FAKTÚRA – DAŇOVÝ DOKLAD', the invoice data in boxes, IČO / DIČ / IČ DPH --------

_SK_ITEMS: list[UnitItem] = [("Ložisko 6205-2RS", "500", "ks", "3.18"),
                             ("Remenica SPZ 160/2", "40", "ks", "27.90"),
                             ("Mazivo LGMT 2, 1 kg", "25", "kg", "16.40")]  # fmt: skip
_SK_NET = _unit_sum(_SK_ITEMS)
_SK_TAX = _round(_SK_NET * Decimal("0.23"))


def sk_faktura() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "FAKTÚRA – DAŇOVÝ DOKLAD", size=14, bold=True)
    s.boxes(15, 20, [("Číslo faktúry", "FV2026/0311"), ("Dátum vyhotovenia", "03.06.2026"),
                     ("Dátum dodania", "02.06.2026"), ("Splatnosť", "17.06.2026")],
            width=45)  # fmt: skip
    s.text(15, 38, "Dodávateľ", size=9, bold=True)
    _block(s, 15, 43, ["Strojservis Žilina s.r.o.", "Priemyselná 6, 010 01 Žilina",
                       "Slovenská republika", "IČO: 36412345", "DIČ: 2020123456",
                       "IČ DPH: SK2020123456"], size=8)  # fmt: skip
    s.text(110, 38, "Odberateľ", size=9, bold=True)
    _block(s, 110, 43, ["AGRO Morava a.s.", "Hlavní 112, 682 01 Vyškov", "Česká republika",
                        "IČO: 25512345", "DIČ: CZ25512345"], size=8)  # fmt: skip
    y = s.grid(74, [("P.č.", 15, 10, "L"), ("Názov položky", 27, 72, "L"), ("MJ", 101, 10, "L"),
                    ("Množstvo", 113, 18, "R"), ("Cena/MJ", 133, 28, "R"),
                    ("Spolu bez DPH", 163, 32, "R")], _rows(_SK_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Základ dane 23 %:", f"{_sp(_SK_NET)} €"),
                                     ("DPH 23 %:", f"{_sp(_SK_TAX)} €"),
                                     ("Celková suma na úhradu:", f"{_sp(_SK_NET + _SK_TAX)} €")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Faktúru vystavil: Ing. Peter Kováč. Spoločnosť je zapísaná v OR OS Žilina.",
           size=7)  # fmt: skip
    return s.output()


SK_FAKTURA_TRUTH = _truth(
    invoice_number="FV2026/0311", type_code="380", issue_date="2026-06-03", currency="EUR",
    seller_name="Strojservis Žilina s.r.o.", seller_vat_id="SK2020123456", seller_country="SK",
    buyer_name="AGRO Morava a.s.", buyer_country="CZ", tax_exclusive_total=_plain(_SK_NET),
    tax_total=_plain(_SK_TAX), grand_total=_plain(_SK_NET + _SK_TAX),
    due_payable=_plain(_SK_NET + _SK_TAX),
    line_items=_unit_lines(_SK_ITEMS, {"ks": "H87", "kg": "KGM"}),
)  # fmt: skip


# -- Slovenia: 'RAČUN št. …', 'ID za DDV', '22. 7. 2026' with spaces, 'Za plačilo' -------------

_SI_ITEMS: list[UnitItem] = [("Med cvetlični, kozarec 900 g", "300", "kos", "11.20"),
                             ("Bučno olje, steklenica 1 l", "150", "l", "14.75")]  # fmt: skip
_SI_NET = _unit_sum(_SI_ITEMS)


def si_racun() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Čebelarstvo Zupan d.o.o.", size=12, bold=True)
    _block(s, 15, 17, ["Tržaška cesta 21, 1000 Ljubljana, Slovenija", "ID za DDV: SI 12345679",
                       "Matična številka: 1234567000"], size=8)  # fmt: skip
    s.text(15, 36, "Kupec:", size=9, bold=True)
    _block(s, 15, 41, ["Honighaus Kärnten GmbH", "Bahnhofstraße 5, 9020 Klagenfurt",
                       "Avstrija", "UID: ATU54321987"], size=8)  # fmt: skip
    s.text(120, 36, "RAČUN št. 2026-00158", size=12, bold=True)
    s.pairs(118, 44, [("Datum računa:", "22. 7. 2026"), ("Datum opravljene storitve:",
                      "20. 7. 2026"), ("Rok plačila:", "5. 8. 2026")], gap=52,
            step=4.6)  # fmt: skip
    rows = [
        [t, q, u, _de(_d(p)), _de(a)]
        for (t, q, u, p), a in zip(_SI_ITEMS, _unit_amounts(_SI_ITEMS), strict=True)
    ]
    y = s.grid(64, [("Opis", 15, 86, "L"), ("Količina", 103, 16, "R"), ("EM", 121, 10, "L"),
                    ("Cena brez DDV", 133, 28, "R"), ("Vrednost", 163, 32, "R")],
               rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 95, 155, y + 3, [("Skupaj brez DDV:", f"{_de(_SI_NET)} EUR"),
                                    ("DDV 0 % (dobava v EU):", "0,00 EUR"),
                                    ("Za plačilo:", f"{_de(_SI_NET)} EUR")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Oproščeno plačila DDV po 1. točki 46. člena ZDDV-1.", size=7.5)
    return s.output()


SI_RACUN_TRUTH = _truth(
    invoice_number="2026-00158", type_code="380", issue_date="2026-07-22", currency="EUR",
    seller_name="Čebelarstvo Zupan d.o.o.", seller_vat_id="SI12345679", seller_country="SI",
    buyer_name="Honighaus Kärnten GmbH", buyer_country="AT", tax_exclusive_total=_plain(_SI_NET),
    tax_total="0.00", grand_total=_plain(_SI_NET), due_payable=_plain(_SI_NET),
    line_items=_unit_lines(_SI_ITEMS, {"kos": "H87", "l": "LTR"}),
)  # fmt: skip


# -- Norway, domestic: MVA 25 %, 'kr' after every amount, 'Valuta: NOK' -------------------------

_NO_ITEMS: list[UnitItem] = [("Vedovn Jøtul F 305, sort", "6", "stk", "14990.00"),
                             ("Røykrør 150 mm, 1 m", "18", "stk", "689.00")]  # fmt: skip
_NO_NET = _unit_sum(_NO_ITEMS)
_NO_TAX = _round(_NO_NET * Decimal("0.25"))


def no_faktura_kr() -> bytes:
    s = Sheet2()
    _block(s, 15, 10, ["Varme & Peis AS", "Strandveien 50", "9006 Tromsø",
                       "Org.nr 912 345 678 MVA"], size=8.5, bold_first=True)  # fmt: skip
    s.text(130, 10, "Faktura", size=15, bold=True)
    s.pairs(
        130,
        20,
        [
            ("Fakturanummer:", "100388"),
            ("Fakturadato:", "18.09.2026"),
            ("Forfall:", "02.10.2026"),
            ("Valuta:", "NOK"),
        ],
        gap=34,
        step=4.6,
    )
    _block(s, 15, 42, ["Lyngen Hyttesenter AS", "Lyngsveien 2", "9060 Lyngseidet", "Norge"],
           size=8.5)  # fmt: skip
    rows = [
        [t, q, u, f"{_sp(_d(p))} kr", f"{_sp(a)} kr"]
        for (t, q, u, p), a in zip(_NO_ITEMS, _unit_amounts(_NO_ITEMS), strict=True)
    ]
    y = s.grid(66, [("Varetekst", 15, 84, "L"), ("Ant.", 101, 14, "R"), ("Enh.", 117, 12, "L"),
                    ("Enhetspris", 131, 30, "R"), ("Sum", 163, 32, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Nettobeløp", f"{_sp(_NO_NET)} kr"),
                                     ("Merverdiavgift 25 %", f"{_sp(_NO_TAX)} kr"),
                                     ("Totalt å betale", f"{_sp(_NO_NET + _NO_TAX)} kr")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Kontonummer 4202.12.34567. KID 1003880. Forsinkelsesrente etter loven.",
           size=7.5)  # fmt: skip
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
NO_FAKTURA_KR_TRUTH = _truth(
    invoice_number="100388", type_code="380", issue_date="2026-09-18", currency="NOK",
    seller_name="Varme & Peis AS", seller_vat_id="NO912345678MVA", seller_country=None,
    buyer_name="Lyngen Hyttesenter AS", buyer_country="NO", tax_exclusive_total=_plain(_NO_NET),
    tax_total=_plain(_NO_TAX), grand_total=_plain(_NO_NET + _NO_TAX),
    due_payable=_plain(_NO_NET + _NO_TAX), line_items=_unit_lines(_NO_ITEMS, {"stk": "H87"}),
)  # fmt: skip


# -- Vietnam: 'HÓA ĐƠN GIÁ TRỊ GIA TĂNG', 'Ngày 15 tháng 07 năm 2026', đồng with dots --------

_VN_ITEMS: list[UnitItem] = [("Cà phê Robusta nhân xanh, bao 60 kg", "40", "bao", "5650000"),
                             ("Hạt tiêu đen 500 g/l", "1200", "kg", "148000")]  # fmt: skip
_VN_NET = _unit_sum(_VN_ITEMS)


def vn_hoa_don() -> bytes:
    s = Sheet2()
    s.text(50, 10, "HÓA ĐƠN GIÁ TRỊ GIA TĂNG", size=14, bold=True)
    s.text(75, 17, "Ngày 15 tháng 07 năm 2026", size=9)
    s.pairs(140, 24, [("Ký hiệu:", "1C26TAA"), ("Số:", "00000312")], gap=16, step=4.6)
    s.pairs(15, 34, [("Đơn vị bán hàng:", "CÔNG TY TNHH NÔNG SẢN TÂY NGUYÊN"),
                     ("Mã số thuế:", "6000123456"),
                     ("Địa chỉ:", "45 Lê Duẩn, TP. Buôn Ma Thuột, Đắk Lắk, Việt Nam"),
                     ("Họ tên người mua hàng:", ""),
                     ("Tên đơn vị:", "Hamburg Kaffee Import GmbH"),
                     ("Địa chỉ:", "Sandtorkai 30, 20457 Hamburg, Đức"),
                     ("Hình thức thanh toán:", "CK"), ("Đơn vị tiền tệ:", "VND")],
            gap=42, step=4.6)  # fmt: skip
    y = s.grid(78, [("STT", 15, 8, "L"), ("Tên hàng hóa, dịch vụ", 25, 74, "L"),
                    ("Đơn vị tính", 101, 18, "L"), ("Số lượng", 121, 16, "R"),
                    ("Đơn giá", 139, 24, "R"), ("Thành tiền", 165, 30, "R")],
               _rows(_VN_ITEMS, money=_dots), size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 90, 155, y + 3, [("Cộng tiền hàng:", _dots(_VN_NET)),
                                    ("Thuế suất GTGT: 0%   Tiền thuế GTGT:", "0"),
                                    ("Tổng cộng tiền thanh toán:", _dots(_VN_NET))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 4, "Số tiền viết bằng chữ: ... đồng.", size=7.5)
    s.text(15, y + 10, "Mã tra cứu: 7KXQ2M9T  (Hóa đơn điện tử có mã của cơ quan thuế)", size=7)
    return s.output()


VN_HOA_DON_TRUTH = _truth(
    invoice_number="00000312", type_code="380", issue_date="2026-07-15", currency="VND",
    seller_name="CÔNG TY TNHH NÔNG SẢN TÂY NGUYÊN", seller_vat_id="6000123456",
    seller_country="VN", buyer_name="Hamburg Kaffee Import GmbH", buyer_country="DE",
    tax_exclusive_total=_plain(_VN_NET), tax_total="0.00", grand_total=_plain(_VN_NET),
    due_payable=_plain(_VN_NET),
    line_items=_unit_lines(_VN_ITEMS, {"bao": "XSA", "kg": "KGM"}),
)  # fmt: skip


# -- Indonesia: 'FAKTUR', NPWP, DPP and PPN 11 %, 'Rp' before the number, '21 Agustus 2026' ---

_ID_ITEMS: list[Item] = [("Kain batik tulis, katun, 2 m", "150", "325000"),
                         ("Kemeja batik pria, lengan panjang", "200", "185000")]  # fmt: skip
_ID_NET = _sum(_ID_ITEMS)
_ID_TAX = _round(_ID_NET * Decimal("0.11"))


def id_faktur() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "PT Batik Sekar Jagad", size=12, bold=True)
    _block(s, 15, 17, ["Jl. Malioboro No. 88, Yogyakarta 55213, Indonesia",
                       "NPWP: 01.234.567.8-541.000"], size=8)  # fmt: skip
    s.text(150, 10, "FAKTUR", size=15, bold=True)
    s.pairs(125, 20, [("No. Faktur", ": SJ/INV/2608/0045"), ("Tanggal", ": 21 Agustus 2026"),
                      ("Jatuh Tempo", ": 20 September 2026")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 36, "Kepada Yth.", size=9, bold=True)
    _block(s, 15, 41, ["Toko Kain Nusantara Sdn Bhd", "Jalan Tuanku Abdul Rahman 120",
                       "50100 Kuala Lumpur, Malaysia"], size=8)  # fmt: skip
    rows = [[str(n), t, q, f"Rp {_dots(_d(p))}", f"Rp {_dots(a)}"]
            for n, ((t, q, p), a) in enumerate(zip(_ID_ITEMS, _amounts(_ID_ITEMS), strict=True),
                                               start=1)]  # fmt: skip
    y = s.grid(
        58,
        [
            ("No", 15, 8, "L"),
            ("Nama Barang", 25, 82, "L"),
            ("Jumlah", 109, 18, "R"),
            ("Harga Satuan", 129, 32, "R"),
            ("Total", 163, 32, "R"),
        ],
        rows,
        size=8,
    )
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Dasar Pengenaan Pajak (DPP)", f"Rp {_dots(_ID_NET)}"),
                                     ("PPN 11%", f"Rp {_dots(_ID_TAX)}"),
                                     ("Total Tagihan", f"Rp {_dots(_ID_NET + _ID_TAX)}")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Pembayaran ke rekening BCA 0123456789 a.n. PT Batik Sekar Jagad", size=7.5)
    return s.output()


# (session 33) RFC, CNPJ, NPWP: tax ids (EN 16931 BT-32), not the VAT id (BT-31)
ID_FAKTUR_TRUTH = _truth(
    invoice_number="SJ/INV/2608/0045", type_code="380", issue_date="2026-08-21", currency="IDR",
    seller_name="PT Batik Sekar Jagad", seller_vat_id=None, seller_country="ID",
    buyer_name="Toko Kain Nusantara Sdn Bhd", buyer_country="MY",
    tax_exclusive_total=_plain(_ID_NET), tax_total=_plain(_ID_TAX),
    grand_total=_plain(_ID_NET + _ID_TAX), due_payable=_plain(_ID_NET + _ID_TAX),
    line_items=_lines(_ID_ITEMS, None),
)  # fmt: skip


# -- Philippines: a BIR 'SALES INVOICE', VAT Reg. TIN, VAT-inclusive prices ----------------------

_PH_ITEMS: list[UnitItem] = [("Dried mango slices, 100 g pouch", "2400", "pcs", "84.00"),
                             ("Coconut sugar, 1 kg pack", "600", "pcs", "196.00")]  # fmt: skip
_PH_GROSS = _unit_sum(_PH_ITEMS)
_PH_NET = _round(_PH_GROSS / Decimal("1.12"))
_PH_TAX = _PH_GROSS - _PH_NET


def ph_bir_invoice() -> bytes:
    s = Sheet2()
    s.text(60, 10, "CEBU ISLAND DELIGHTS CORP.", size=12, bold=True)
    _block(s, 45, 16, ["Unit 5, Mandaue Industrial Park, Mandaue City, Cebu 6014, Philippines",
                       "VAT REG. TIN: 008-123-456-00000"], size=8)  # fmt: skip
    s.text(85, 26, "SALES INVOICE", size=13, bold=True)
    s.pairs(150, 34, [("No.", "0004518"), ("Date:", "August 3, 2026")], gap=14, step=4.6)
    s.pairs(15, 34, [("Sold to:", "Manila Pasalubong Trading Inc."),
                     ("TIN:", "123-456-789-00000"),
                     ("Address:", "1200 Roxas Blvd, Pasay City, Philippines"),
                     ("Terms:", "30 days")], gap=22, step=4.6)  # fmt: skip
    y = s.grid(58, [("QTY", 15, 14, "R"), ("UNIT", 31, 12, "L"), ("ARTICLES", 45, 80, "L"),
                    ("UNIT PRICE", 127, 30, "R"), ("AMOUNT", 159, 36, "R")],
               [[q, u, t, _group(_d(p)), _group(a)]
                for (t, q, u, p), a in zip(_PH_ITEMS, _unit_amounts(_PH_ITEMS), strict=True)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.pairs(15, y + 3, [("VATable Sales", _group(_PH_NET)), ("VAT-Exempt Sales", "0.00"),
                        ("Zero-Rated Sales", "0.00"), ("VAT Amount", _group(_PH_TAX))],
            gap=34, step=4.6)  # fmt: skip
    _totals(s, 110, 155, y + 3, [("Total Sales (VAT Inclusive)", _group(_PH_GROSS)),
                                 ("Less: VAT", _group(_PH_TAX)),
                                 ("Amount: Net of VAT", _group(_PH_NET)),
                                 ("TOTAL AMOUNT DUE", f"PHP {_group(_PH_GROSS)}")],
            width=40, size=8)  # fmt: skip
    s.text(15, y + 28, "BIR Authority to Print No. OCN 083AU20260000012345  Date Issued: "
           "01/05/2026", size=6.5)  # fmt: skip
    s.text(15, y + 32, "THIS DOCUMENT IS NOT VALID FOR CLAIM OF INPUT TAX", size=6.5)
    return s.output()


PH_BIR_INVOICE_TRUTH = _truth(
    invoice_number="0004518", type_code="380", issue_date="2026-08-03", currency="PHP",
    seller_name="CEBU ISLAND DELIGHTS CORP.", seller_vat_id="00812345600000",
    seller_country="PH", buyer_name="Manila Pasalubong Trading Inc.", buyer_country="PH",
    tax_exclusive_total=_plain(_PH_NET), tax_total=_plain(_PH_TAX),
    grand_total=_plain(_PH_GROSS), due_payable=_plain(_PH_GROSS),
    line_items=_unit_lines(_PH_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- Kenya: a KRA 'TAX INVOICE', a KRA PIN, the control unit's numbers beside the seller's -----

_KE_ITEMS: list[Item] = [("Black tea CTC BP1, 65 kg sack", "120", "21450.00"),
                         ("Green tea, loose leaf, 25 kg carton", "40", "18600.00")]  # fmt: skip
_KE_NET = _sum(_KE_ITEMS)


def ke_kra_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "TAX INVOICE", size=15, bold=True)
    _block(s, 15, 19, ["Kericho Highlands Tea Ltd", "P.O. Box 1234-20200, Kericho, Kenya",
                       "KRA PIN: P051234567X", "Tel: +254 722 000 111"], size=8,
           bold_first=True)  # fmt: skip
    s.pairs(120, 10, [("CU Serial No.:", "KRAMW011202600012345"),
                      ("CU Invoice No.:", "0110123450000004567"),
                      ("Invoice No.:", "KHT-INV-2609-0213"), ("Date:", "14/09/2026"),
                      ("Currency:", "KES")], gap=30, step=4.6)  # fmt: skip
    s.text(15, 42, "Bill To:", size=9, bold=True)
    _block(s, 15, 47, ["Nile Valley Traders LLC", "12 Tahrir Square, Cairo", "Egypt"], size=8)
    rows = [[t, q, _group(_d(p)), "0%", _group(a)]
            for (t, q, p), a in zip(_KE_ITEMS, _amounts(_KE_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(64, [("Item Description", 15, 84, "L"), ("Qty", 101, 14, "R"),
                    ("Unit Price", 117, 28, "R"), ("VAT", 147, 12, "R"),
                    ("Amount", 161, 34, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Taxable Amount", _group(_KE_NET)),
                                     ("VAT 0% (export)", "0.00"),
                                     ("Total KES", _group(_KE_NET))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Verify this invoice at itax.kra.go.ke with the CU invoice number.",
           size=7.5)  # fmt: skip
    return s.output()


KE_KRA_INVOICE_TRUTH = _truth(
    invoice_number="KHT-INV-2609-0213", type_code="380", issue_date="2026-09-14",
    currency="KES", seller_name="Kericho Highlands Tea Ltd", seller_vat_id="P051234567X",
    seller_country="KE", buyer_name="Nile Valley Traders LLC", buyer_country="EG",
    tax_exclusive_total=_plain(_KE_NET), tax_total="0.00", grand_total=_plain(_KE_NET),
    due_payable=_plain(_KE_NET), line_items=_lines(_KE_ITEMS, None),
)  # fmt: skip


# -- Mexico: a CFDI 4.0 printout, 'Serie A Folio 1187', folio fiscal, RFC, 'Clave unidad' ------

_MX_ITEMS: list[UnitItem] = [
    ("Tequila blanco 100% agave, botella 750 ml", "600", "H87", "185.00"),
    ("Mezcal espadín joven, botella 700 ml", "240", "H87", "262.50"),
]
_MX_NET = _unit_sum(_MX_ITEMS)


def mx_cfdi() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Destiladora Los Altos, S.A. de C.V.", size=12, bold=True)
    _block(s, 15, 17, ["RFC: DLA080512K34", "Régimen fiscal: 601 General de Ley Personas Morales",
                       "Lugar de expedición: 47180"], size=8)  # fmt: skip
    s.text(150, 10, "FACTURA", size=13, bold=True)
    s.pairs(125, 18, [("Serie:", "A"), ("Folio:", "1187"),
                      ("Fecha de emisión:", "2026-10-02T11:20:15"),
                      ("Tipo de comprobante:", "I - Ingreso")], gap=38, step=4.6)  # fmt: skip
    s.text(15, 40, "Folio fiscal (UUID): 5FB2822E-396D-4725-8521-CDC4BDD20CCF", size=7.5)
    s.text(15, 48, "Receptor", size=9, bold=True)
    s.pairs(15, 53, [("Nombre:", "Texas Spirits Distributors LLC"),
                     ("RFC:", "XEXX010101000"), ("Residencia fiscal:", "USA"),
                     ("Uso CFDI:", "S01 Sin efectos fiscales")], gap=30, step=4.6)  # fmt: skip
    rows = [
        ["22030000" if "Tequila" in t else "22089099", q, u, t, _group(_d(p)), _group(a)]
        for (t, q, u, p), a in zip(_MX_ITEMS, _unit_amounts(_MX_ITEMS), strict=True)
    ]
    y = s.grid(76, [("Clave prod.", 15, 18, "L"), ("Cantidad", 35, 14, "R"),
                    ("Clave unidad", 51, 16, "L"), ("Descripción", 69, 66, "L"),
                    ("Valor unitario", 137, 26, "R"), ("Importe", 165, 30, "R")],
               rows, size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 155, y + 3, [("Subtotal", f"${_group(_MX_NET)}"),
                                     ("IVA 0% (exportación)", "$0.00"),
                                     ("Total", f"${_group(_MX_NET)}")],
                width=40, size=8.5)  # fmt: skip
    _block(s, 15, y + 4, ["Moneda: MXN   Forma de pago: 03 Transferencia   Método de pago: PUE",
                          "Este documento es una representación impresa de un CFDI",
                          "Sello digital del SAT: a3f9...==   No. de certificado: "
                          "00001000000512345678"], size=7)  # fmt: skip
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
# (session 33) RFC, CNPJ, NPWP: tax ids (EN 16931 BT-32), not the VAT id (BT-31)
MX_CFDI_TRUTH = _truth(
    invoice_number="A 1187", type_code="380", issue_date="2026-10-02", currency="MXN",
    seller_name="Destiladora Los Altos, S.A. de C.V.", seller_vat_id=None,
    seller_country=None, buyer_name="Texas Spirits Distributors LLC", buyer_country="US",
    tax_exclusive_total=_plain(_MX_NET), tax_total="0.00", grand_total=_plain(_MX_NET),
    due_payable=_plain(_MX_NET), line_items=_unit_lines(_MX_ITEMS, {"H87": "H87"}),
)  # fmt: skip


# -- Brazil: a DANFE-like export page, 'Nº 000.012.345 Série 1', CNPJ, NCM and CFOP, no R$ -----

_BR_ITEMS: list[UnitItem] = [("Café arábica cru, grão, saca 60 kg", "320", "SC", "1480.00"),
                             ("Café torrado em grão, 1 kg", "900", "KG", "58.40")]  # fmt: skip
_BR_NET = _unit_sum(_BR_ITEMS)


def br_danfe() -> bytes:
    s = Sheet2("Cond")
    s.pdf.rect(15, 10, 95, 28)
    _block(s, 17, 12, ["IDENTIFICAÇÃO DO EMITENTE", "Cafés Serra Mantiqueira Ltda",
                       "Rod. BR-459, km 12, Pouso Alegre - MG", "Brasil, CEP 37550-000"],
           size=7.5)  # fmt: skip
    s.pdf.rect(110, 10, 85, 28)
    _block(s, 112, 12, ["DANFE", "Documento Auxiliar da", "Nota Fiscal Eletrônica",
                        "0 - Entrada   1 - Saída  [1]", "Nº 000.012.345  Série 1",
                        "Folha 1/1"], size=7.5)  # fmt: skip
    s.text(15, 40, "CHAVE DE ACESSO  3126 1012 3456 7800 0195 5500 1000 0123 4510 0012 3450",
           size=7)  # fmt: skip
    s.boxes(15, 46, [("NATUREZA DA OPERAÇÃO", "Exportação"), ("CNPJ", "12.345.678/0001-95"),
                     ("INSCRIÇÃO ESTADUAL", "0012345670098"), ("DATA DA EMISSÃO", "05/10/2026")],
            width=45, size=7.5)  # fmt: skip
    s.text(15, 60, "DESTINATÁRIO / REMETENTE", size=8, bold=True)
    s.boxes(15, 64, [("NOME / RAZÃO SOCIAL", "Nordic Roasters AB"),
                     ("ENDEREÇO", "Hamngatan 4, Göteborg"), ("UF", "EX"),
                     ("PAÍS", "Suécia")], width=45, size=7.5)  # fmt: skip
    s.text(15, 78, "CÁLCULO DO IMPOSTO", size=8, bold=True)
    s.boxes(15, 82, [("BASE DE CÁLC. DO ICMS", "0,00"), ("VALOR DO ICMS", "0,00"),
                     ("VALOR DO IPI", "0,00"), ("V. TOTAL PRODUTOS", _de(_BR_NET))],
            width=45, size=7.5, align="R")  # fmt: skip
    s.boxes(15, 93, [("VALOR DO FRETE", "0,00"), ("VALOR DO SEGURO", "0,00"),
                     ("DESCONTO", "0,00"), ("V. TOTAL DA NOTA", _de(_BR_NET))],
            width=45, size=7.5, align="R")  # fmt: skip
    s.text(15, 108, "DADOS DOS PRODUTOS / SERVIÇOS", size=8, bold=True)
    rows = [[f"CF-{n:03d}", t, "0901" + ("1110" if "cru" in t else "2100"), "7101", u, q,
             _de(_d(p)), _de(a)]
            for n, ((t, q, u, p), a) in enumerate(zip(_BR_ITEMS, _unit_amounts(_BR_ITEMS),
                                                      strict=True), start=1)]  # fmt: skip
    s.grid(113, [("CÓDIGO", 15, 14, "L"), ("DESCRIÇÃO DO PRODUTO", 31, 60, "L"),
                 ("NCM/SH", 93, 14, "L"), ("CFOP", 109, 9, "L"), ("UN", 120, 7, "L"),
                 ("QUANT.", 129, 14, "R"), ("V. UNIT.", 145, 22, "R"),
                 ("V. TOTAL", 169, 26, "R")], rows, size=7)  # fmt: skip
    s.text(15, 140, "DADOS ADICIONAIS: Exportação direta. Não incidência do ICMS (LC 87/96, "
           "art. 3º, II).", size=7)  # fmt: skip
    return s.output()


# (session 33) RFC, CNPJ, NPWP: tax ids (EN 16931 BT-32), not the VAT id (BT-31)
BR_DANFE_TRUTH = _truth(
    invoice_number="000.012.345", type_code="380", issue_date="2026-10-05", currency=None,
    seller_name="Cafés Serra Mantiqueira Ltda", seller_vat_id=None,
    seller_country="BR", buyer_name="Nordic Roasters AB", buyer_country="SE",
    tax_exclusive_total=_plain(_BR_NET), tax_total="0.00", grand_total=_plain(_BR_NET),
    due_payable=_plain(_BR_NET), line_items=_unit_lines(_BR_ITEMS, {"SC": "H87", "KG": "KGM"}),
)  # fmt: skip


# -- Egypt: a bilingual Arabic/English e-invoice, 'Internal ID', tax registration, VAT 14 %, EGP -

_EG_ITEMS: list[Item] = [("Egyptian cotton bed sheet set, 400 TC", "350", "1250.00"),
                         ("Cotton bath towel 70x140 cm", "900", "210.00")]  # fmt: skip
_EG_NET = _sum(_EG_ITEMS)
_EG_TAX = _round(_EG_NET * Decimal("0.14"))


def eg_einvoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "فاتورة ضريبية  /  Tax Invoice", size=13, bold=True)
    s.pairs(15, 20, [("Internal ID / الرقم الداخلي", "NT-26-00871"),
                     ("Issuance date / تاريخ الإصدار", "2026-09-18"),
                     ("UUID", "8GQ2W3X9T4ZK1M0P5R6S7V8Y9B"),
                     ("Currency / العملة", "EGP")], gap=60, step=4.6)  # fmt: skip
    s.text(15, 42, "Issuer / البائع", size=9, bold=True)
    _block(s, 15, 47, ["Nile Textiles S.A.E.", "Tax registration no. / رقم التسجيل الضريبي:",
                       "204-567-891", "Industrial Zone 3, 10th of Ramadan City, Egypt"],
           size=8)  # fmt: skip
    s.text(110, 42, "Receiver / المشتري", size=9, bold=True)
    _block(s, 110, 47, ["Casa Blanca Home S.L.", "Calle de Alcalá 200, 28028 Madrid", "Spain",
                        "VAT: ESB87654321"], size=8)  # fmt: skip
    rows = [[t, q, _group(_d(p)), _group(a)]
            for (t, q, p), a in zip(_EG_ITEMS, _amounts(_EG_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(70, [("Description / الوصف", 15, 86, "L"), ("Qty / الكمية", 103, 18, "R"),
                    ("Unit price / سعر الوحدة", 123, 34, "R"),
                    ("Total / الإجمالي", 159, 36, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(
        s,
        85,
        155,
        y + 3,
        [
            ("Total sales / إجمالي المبيعات", _group(_EG_NET)),
            ("Value added tax 14% / ضريبة القيمة المضافة", _group(_EG_TAX)),
            ("Total amount / الإجمالي", f"{_group(_EG_NET + _EG_TAX)} EGP"),
        ],
        width=40,
        size=8.5,
    )
    return s.output()


EG_EINVOICE_TRUTH = _truth(
    invoice_number="NT-26-00871", type_code="380", issue_date="2026-09-18", currency="EGP",
    seller_name="Nile Textiles S.A.E.", seller_vat_id="204567891", seller_country="EG",
    buyer_name="Casa Blanca Home S.L.", buyer_country="ES", tax_exclusive_total=_plain(_EG_NET),
    tax_total=_plain(_EG_TAX), grand_total=_plain(_EG_NET + _EG_TAX),
    due_payable=_plain(_EG_NET + _EG_TAX), line_items=_lines(_EG_ITEMS, None),
)  # fmt: skip


# -- Korea: an electronic tax invoice in English, 'Supply value' / 'VAT' rows under the table ---

_KR_ITEMS: list[Item] = [("Stainless bolt M12x50, box of 100", "300", "42000"),
                         ("Hex nut M12, box of 200", "300", "26500"),
                         ("Spring washer M12, box of 500", "120", "31000")]  # fmt: skip
_KR_NET = _sum(_KR_ITEMS)
_KR_TAX = _round(_KR_NET * Decimal("0.10"))


def kr_tax_invoice() -> bytes:
    s = Sheet2("Cond")
    s.text(50, 10, "ELECTRONIC TAX INVOICE (for supplier)", size=13, bold=True)
    s.pairs(15, 20, [("Approval No.", "20261020-41000012-38572914"),
                     ("Date of issue", "2026.10.20")], gap=26, step=4.6)  # fmt: skip
    s.text(15, 32, "Supplier", size=9, bold=True)
    s.pairs(15, 37, [("Reg. No.", "124-81-56789"), ("Company", "Daehan Fastener Co., Ltd."),
                     ("Address", "77 Gongdan-ro, Changwon, Korea")], gap=18, step=4.6)  # fmt: skip
    s.text(110, 32, "Recipient", size=9, bold=True)
    s.pairs(110, 37, [("Reg. No.", "220-88-43210"), ("Company", "Seoul Machine Parts Inc."),
                      ("Address", "15 Digital-ro, Guro-gu, Seoul, Korea")], gap=18,
            step=4.6)  # fmt: skip
    rows = [["10", "20", t, q, _group(_d(p), places=0), _group(a, places=0),
             _group(_round(a * Decimal("0.10")), places=0)]
            for (t, q, p), a in zip(_KR_ITEMS, _amounts(_KR_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(58, [("Month", 15, 10, "L"), ("Day", 26, 8, "L"), ("Item", 36, 66, "L"),
                    ("Qty", 104, 12, "R"), ("Unit price", 118, 22, "R"),
                    ("Supply value", 142, 28, "R"), ("Tax", 172, 23, "R")], rows,
               size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.text(36, y + 3, "Supply value", size=8, bold=True)
    s.text(142, y + 3, _group(_KR_NET, places=0), size=8, width=28, align="R")
    s.text(36, y + 8, "VAT", size=8, bold=True)
    s.text(172, y + 8, _group(_KR_TAX, places=0), size=8, width=23, align="R")
    s.text(36, y + 13, "Total amount (KRW)", size=8, bold=True)
    s.text(142, y + 13, _group(_KR_NET + _KR_TAX, places=0), size=8, width=53, align="R")
    s.text(15, y + 20, "This amount is: (claimed)   Issued via the NTS e-tax invoice system.",
           size=7)  # fmt: skip
    return s.output()


KR_TAX_INVOICE_TRUTH = _truth(
    invoice_number="20261020-41000012-38572914", type_code="380", issue_date="2026-10-20",
    currency="KRW", seller_name="Daehan Fastener Co., Ltd.", seller_vat_id="1248156789",
    seller_country="KR", buyer_name="Seoul Machine Parts Inc.", buyer_country="KR",
    tax_exclusive_total=_plain(_KR_NET), tax_total=_plain(_KR_TAX),
    grand_total=_plain(_KR_NET + _KR_TAX), due_payable=_plain(_KR_NET + _KR_TAX),
    line_items=_lines(_KR_ITEMS, None),
)  # fmt: skip


BATCH21: list[Layout] = [
    Layout("lt-pvm-saskaita", lt_pvm_saskaita, LT_PVM_SASKAITA_TRUTH),
    Layout("lv-rekins", lv_rekins, LV_REKINS_TRUTH),
    Layout("ee-arve", ee_arve, EE_ARVE_TRUTH),
    Layout("sk-faktura-danovy", sk_faktura, SK_FAKTURA_TRUTH),
    Layout("si-racun", si_racun, SI_RACUN_TRUTH),
    Layout("no-faktura-kr", no_faktura_kr, NO_FAKTURA_KR_TRUTH),
    Layout("vn-hoa-don-gtgt", vn_hoa_don, VN_HOA_DON_TRUTH),
    Layout("id-faktur-ppn", id_faktur, ID_FAKTUR_TRUTH),
    Layout("ph-bir-invoice", ph_bir_invoice, PH_BIR_INVOICE_TRUTH),
    Layout("ke-kra-invoice", ke_kra_invoice, KE_KRA_INVOICE_TRUTH),
    Layout("mx-cfdi-serie-folio", mx_cfdi, MX_CFDI_TRUTH),
    Layout("br-danfe-export", br_danfe, BR_DANFE_TRUTH),
    Layout("eg-einvoice", eg_einvoice, EG_EINVOICE_TRUTH),
    Layout("kr-tax-invoice", kr_tax_invoice, KR_TAX_INVOICE_TRUTH),
]


def write_batch21(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH21)
