"""A twenty-sixth batch of hand-written invoices (session 26, review i11), written before
src/clearlane/documents/ or invoices22's diff was read: nine layouts out of sample, from sellers
in places no batch 15-25 has (Cyprus, Montenegro, Finnish Lapland, Turkmenistan, Tunisia,
Liechtenstein, Ecuador, Mauritius, Białystok), whose dates spell the month in many forms, with
words that look like month names or abbreviations near the date labels.

The dates: Greek genitive (``5 Νοεμβρίου 2026``) and abbreviated (``19 Νοε 2026``, the due
date); Montenegrin (Serbian Latin) genitive ``14. novembra 2026.``; Finnish partitive
``12. marraskuuta 2026``; Russian genitive ``от 18 ноября 2026 г.``; French abbreviated with a
dot and an ordinal day ``le 1er déc. 2026``; German abbreviated with a dot ``7. Dez. 2026``;
Spanish abbreviated in capitals without a dot ``05-DIC-2026``; English abbreviated in capitals
without a dot ``04 NOV 2026``; Polish genitive ``30 listopada 2026``, the due date abbreviated
``14 gru 2026``.

The traps, each near a date label: a Cypriot street named after a date
(``Οδός 28ης Οκτωβρίου``); a Tunisian street named after one with its year
(``Avenue du 20 Mars 1956``); a German street (``Straße des 1. Mai``) and ``Sie`` in the payment
note; a Finnish carrier ``Tammi`` (tammikuu is January); a vessel ``MAR DEL PACIFICO``; a
customs ``Export Dec. No.`` and ``DEC`` as a word; a Polish clerk named ``Jan Lis`` (lis. is
listopad) and ``SIE`` as a product code; Turkmenistan's ``манат`` (TMT, not Azerbaijan's AZN);
Mauritius's ``Rs`` (MUR, not a rupee of South Asia); Montenegro's euro.

Ground truth as in the earlier batches (layouts_batch22.py's docstring): what a customs officer
reads on the page, written before any reading. The seller's tax registration without spaces or
punctuation; the issue date the invoice's own (not a due, delivery or shipment date, not a date
in an address); units as UN/ECE codes (kom, шт., pcs, Stk., szt., kpl, pièce, unidad: H87;
kg, кг: KGM; l: LTR; caja, box: XBX; ctn, carton: XCT; m: MTR).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _sp, _totals
from tests.documents.layouts_batch20 import UnitItem, _de, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_batch25 import _rows
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _group, _plain, _round

# -- Cyprus (Greek): 'Ημερομηνία: 5 Νοεμβρίου 2026' (genitive), a street named '28ης Οκτωβρίου' --

_CY_ITEMS: list[UnitItem] = [("Χαλλούμι ΠΟΠ, συσκευασία 250 g", "4000", "τεμ.", "3.10"),
                             ("Ζιβανία, φιάλη 0,7 l", "600", "τεμ.", "14.50")]  # fmt: skip
_CY_NET = _unit_sum(_CY_ITEMS)
_CY_TAX = _round(_CY_NET * Decimal("0.19"))


def cy_greek_genitive() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Τροόδος Γαλακτοκομικά Λτδ", size=12, bold=True)
    _block(s, 15, 17, ["Οδός 28ης Οκτωβρίου 41, 3035 Λεμεσός, Κύπρος",
                       "Α.Φ.Μ.: CY10234567Q"], size=7.5)  # fmt: skip
    s.text(150, 10, "ΤΙΜΟΛΟΓΙΟ", size=14, bold=True)
    s.pairs(120, 19, [("Αριθμός:", "ΤΔ-2611/0387"), ("Ημερομηνία:", "5 Νοεμβρίου 2026"),
                      ("Λήξη:", "19 Νοε 2026")], gap=26, step=4.6)  # fmt: skip
    s.text(15, 34, "Πελάτης:", size=9, bold=True)
    _block(s, 15, 39, ["Λευκωσία Υπεραγορές Λτδ", "Λεωφ. Μακαρίου Γ' 12, 1065 Λευκωσία, Κύπρος",
                       "Α.Φ.Μ.: CY10987654L"], size=8)  # fmt: skip
    rows = _rows(_CY_ITEMS, _de)
    y = _table(s, 60, [("Α/Α", 15, 8, "L"), ("Περιγραφή", 25, 72, "L"), ("Μον.", 99, 10, "L"),
                       ("Ποσ.", 111, 14, "R"), ("Τιμή €", 127, 28, "R"),
                       ("Αξία €", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Καθαρή αξία", f"{_de(_CY_NET)} €"),
                                 ("ΦΠΑ 19%", f"{_de(_CY_TAX)} €"),
                                 ("Πληρωτέο ποσό", f"{_de(_CY_NET + _CY_TAX)} €")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


CY_GREEK_GENITIVE_TRUTH = _truth(
    invoice_number="ΤΔ-2611/0387", type_code="380", issue_date="2026-11-05", currency="EUR",
    seller_name="Τροόδος Γαλακτοκομικά Λτδ", seller_vat_id="CY10234567Q", seller_country="CY",
    buyer_name="Λευκωσία Υπεραγορές Λτδ", buyer_country="CY",
    tax_exclusive_total=_plain(_CY_NET), tax_total=_plain(_CY_TAX),
    grand_total=_plain(_CY_NET + _CY_TAX), due_payable=_plain(_CY_NET + _CY_TAX),
    line_items=_unit_lines(_CY_ITEMS, {"τεμ.": "H87"}),
)  # fmt: skip


# -- Montenegro: 'FAKTURA br.', 'Podgorica, 14. novembra 2026.' (genitive), euros, PIB -----------

_ME_ITEMS: list[UnitItem] = [("Njeguški pršut, vakuum 1 kg", "250", "kg", "24.80"),
                             ("Vranac, boca 0,75 l", "1200", "kom", "7.40")]  # fmt: skip
_ME_NET = _unit_sum(_ME_ITEMS)
_ME_TAX = _round(_ME_NET * Decimal("0.21"))


def me_faktura_novembra() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Lovćen Delikates d.o.o.", size=12, bold=True)
    _block(s, 15, 17, ["Bulevar Svetog Petra Cetinjskog 55, 81000 Podgorica, Crna Gora",
                       "PIB: 03123456   PDV br.: 30/31-12345-6"], size=7.5)  # fmt: skip
    s.text(140, 10, "FAKTURA br. 0142/26", size=12, bold=True)
    s.text(140, 17, "Podgorica, 14. novembra 2026.", size=9)
    s.text(15, 30, "Kupac:", size=9, bold=True)
    _block(s, 15, 35, ["Jadran Market d.o.o.", "Njegoševa 8, 85310 Budva, Crna Gora",
                       "PIB: 02987654"], size=8)  # fmt: skip
    rows = _rows(_ME_ITEMS, _de)
    y = _table(s, 56, [("R.br.", 15, 10, "L"), ("Naziv robe", 27, 70, "L"), ("J.m.", 99, 10, "L"),
                       ("Količina", 111, 14, "R"), ("Cijena", 127, 28, "R"),
                       ("Iznos", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Osnovica:", f"{_de(_ME_NET)} €"),
                                 ("PDV 21%:", f"{_de(_ME_TAX)} €"),
                                 ("Ukupno za plaćanje:", f"{_de(_ME_NET + _ME_TAX)} €")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


ME_FAKTURA_NOVEMBRA_TRUTH = _truth(
    invoice_number="0142/26", type_code="380", issue_date="2026-11-14", currency="EUR",
    seller_name="Lovćen Delikates d.o.o.", seller_vat_id="03123456", seller_country="ME",
    buyer_name="Jadran Market d.o.o.", buyer_country="ME", tax_exclusive_total=_plain(_ME_NET),
    tax_total=_plain(_ME_TAX), grand_total=_plain(_ME_NET + _ME_TAX),
    due_payable=_plain(_ME_NET + _ME_TAX),
    line_items=_unit_lines(_ME_ITEMS, {"kg": "KGM", "kom": "H87"}),
)  # fmt: skip


# -- Finland (Lapland, Finnish only): '12. marraskuuta 2026' (partitive), a carrier 'Tammi' -----

_FI_ITEMS: list[UnitItem] = [("Poronkäristys, pakaste 500 g", "800", "kpl", "12.90"),
                             ("Lakkahillo, lasipurkki 0,3 l", "400", "kpl", "8.60")]  # fmt: skip
_FI_NET = _unit_sum(_FI_ITEMS)
_FI_TAX = _round(_FI_NET * Decimal("0.14"))


def fi_lasku_partitive() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Lapin Herkku Oy", size=12, bold=True)
    _block(s, 15, 17, ["Valtakatu 21, 96100 Rovaniemi", "Y-tunnus 2876543-1",
                       "ALV-rek. FI28765431"], size=7.5)  # fmt: skip
    s.text(160, 10, "LASKU", size=14, bold=True)
    s.pairs(125, 19, [("Laskun nro", "LH-26118"), ("Päiväys", "12. marraskuuta 2026"),
                      ("Kuljetus", "Kuljetusliike Tammi Oy"), ("Eräpäivä", "26.11.2026")],
            gap=24, step=4.6)  # fmt: skip
    s.text(15, 34, "Ostaja", size=9, bold=True)
    _block(s, 15, 39, ["Kauppahalli Hämeenlinna Oy", "Raatihuoneenkatu 4, 13100 Hämeenlinna"],
           size=8)  # fmt: skip
    rows = _rows(_FI_ITEMS, _sp)
    y = _table(s, 60, [("Nro", 15, 8, "L"), ("Tuote", 25, 72, "L"), ("Yks.", 99, 10, "L"),
                       ("Määrä", 111, 14, "R"), ("À-hinta", 127, 28, "R"),
                       ("Yhteensä", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Veroton yhteensä", f"{_sp(_FI_NET)} €"),
                                 ("ALV 14 %", f"{_sp(_FI_TAX)} €"),
                                 ("Maksettava", f"{_sp(_FI_NET + _FI_TAX)} €")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
FI_LASKU_PARTITIVE_TRUTH = _truth(
    invoice_number="LH-26118", type_code="380", issue_date="2026-11-12", currency="EUR",
    seller_name="Lapin Herkku Oy", seller_vat_id="FI28765431", seller_country=None,
    buyer_name="Kauppahalli Hämeenlinna Oy", buyer_country=None,
    tax_exclusive_total=_plain(_FI_NET), tax_total=_plain(_FI_TAX),
    grand_total=_plain(_FI_NET + _FI_TAX), due_payable=_plain(_FI_NET + _FI_TAX),
    line_items=_unit_lines(_FI_ITEMS, {"kpl": "H87"}),
)  # fmt: skip


# -- Turkmenistan (Russian): 'Счёт-фактура № 118 от 18 ноября 2026 г.', манат (TMT) --------------

_TM_ITEMS: list[UnitItem] = [("Пряжа хлопчатобумажная Ne 30/1", "5000", "кг", "21.40"),
                             ("Полотенце махровое 50x90 см", "3000", "шт.", "38.00")]  # fmt: skip
_TM_NET = _unit_sum(_TM_ITEMS)
_TM_TAX = _round(_TM_NET * Decimal("0.15"))


def tm_schet_manat() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Счёт-фактура № 118 от 18 ноября 2026 г.", size=12, bold=True)
    s.pairs(15, 22, [("Поставщик:", "ХО «Гарагум Текстиль»"),
                     ("Адрес:", "Ашхабад, проспект Махтумкули 77, Туркменистан"),
                     ("ИНН:", "101234567890"),
                     ("Покупатель:", "ХО «Балкан Сауда»"),
                     ("Адрес:", "Балканабат, ул. Магтымгулы 14, Туркменистан"),
                     ("Валюта:", "туркменский манат")], gap=28, step=4.6)  # fmt: skip
    rows = _rows(_TM_ITEMS, _sp)
    y = _table(s, 56, [("№", 15, 8, "L"), ("Наименование товара", 25, 72, "L"),
                       ("Ед. изм.", 99, 12, "L"), ("Кол-во", 113, 14, "R"),
                       ("Цена", 129, 26, "R"), ("Сумма", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Итого без НДС:", f"{_sp(_TM_NET)} манат"),
                                 ("НДС 15%:", f"{_sp(_TM_TAX)} манат"),
                                 ("Всего к оплате:", f"{_sp(_TM_NET + _TM_TAX)} манат")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


TM_SCHET_MANAT_TRUTH = _truth(
    invoice_number="118", type_code="380", issue_date="2026-11-18", currency="TMT",
    seller_name="ХО «Гарагум Текстиль»", seller_vat_id="101234567890", seller_country="TM",
    buyer_name="ХО «Балкан Сауда»", buyer_country="TM", tax_exclusive_total=_plain(_TM_NET),
    tax_total=_plain(_TM_TAX), grand_total=_plain(_TM_NET + _TM_TAX),
    due_payable=_plain(_TM_NET + _TM_TAX),
    line_items=_unit_lines(_TM_ITEMS, {"кг": "KGM", "шт.": "H87"}),
)  # fmt: skip


# -- Tunisia: 'Tunis, le 1er déc. 2026', 'Avenue du 20 Mars 1956' beside it, dinars with millimes -

_TN_ITEMS: list[UnitItem] = [("Huile d'olive extra vierge, bidon 5 l", "300", "pièce", "62.500"),
                             ("Harissa traditionnelle, boîte 380 g", "2400", "pièce",
                              "2.750")]  # fmt: skip
_TN_NET = _unit_sum(_TN_ITEMS)
_TN_TAX = (_TN_NET * Decimal("0.19")).quantize(Decimal("0.001"))


def _dt(value: Decimal) -> str:
    return f"{_sp(value, 3)} DT"


def tn_facture_dec() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Société Zitouna Export SARL", size=12, bold=True)
    _block(s, 15, 17, ["Avenue du 20 Mars 1956, 1002 Tunis, Tunisie",
                       "Matricule fiscal : 1234567/A/M/000"], size=7.5)  # fmt: skip
    s.text(150, 10, "FACTURE", size=14, bold=True)
    s.pairs(125, 19, [("N° :", "ZE-2026-1201"), ("Tunis, le", "1er déc. 2026")], gap=20,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Client :", size=9, bold=True)
    _block(s, 15, 37, ["Carthage Distribution SA", "Route de la Marsa km 7, 2046 Sidi Daoud",
                       "Tunisie"], size=8)  # fmt: skip
    rows = _rows(_TN_ITEMS, lambda v: _sp(v, 3))
    y = _table(s, 58, [("N°", 15, 8, "L"), ("Désignation", 25, 72, "L"), ("Unité", 99, 12, "L"),
                       ("Qté", 113, 14, "R"), ("P.U. HT", 129, 26, "R"),
                       ("Total HT", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total HT", _dt(_TN_NET)), ("TVA 19 %", _dt(_TN_TAX)),
                                 ("Net à payer", _dt(_TN_NET + _TN_TAX))],
            width=40, size=8.5)  # fmt: skip
    return s.output()


TN_FACTURE_DEC_TRUTH = _truth(
    invoice_number="ZE-2026-1201", type_code="380", issue_date="2026-12-01", currency="TND",
    seller_name="Société Zitouna Export SARL", seller_vat_id="1234567AM000",
    seller_country="TN", buyer_name="Carthage Distribution SA", buyer_country="TN",
    tax_exclusive_total=f"{_TN_NET:.3f}", tax_total=f"{_TN_TAX:.3f}",
    grand_total=f"{_TN_NET + _TN_TAX:.3f}", due_payable=f"{_TN_NET + _TN_TAX:.3f}",
    line_items=[{**line, "amount": f"{Decimal(line['amount']):.3f}"}
                for line in _unit_lines(_TN_ITEMS, {"pièce": "H87"})],
)  # fmt: skip


# -- Liechtenstein: 'Vaduz, 7. Dez. 2026', a buyer at 'Straße des 1. Mai', 'Sie' in the note -----

_LI_ITEMS: list[UnitItem] = [("Zahnimplantat Titan Grad 4, Ø 4,1 mm", "500", "Stk.", "86.00"),
                             ("Abutment gerade, Titan", "500", "Stk.", "41.50")]  # fmt: skip
_LI_NET = _unit_sum(_LI_ITEMS)


def _chf(value: Decimal) -> str:
    return "CHF " + _group(value).replace(",", "'")


def li_rechnung_dez() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Rheintal Dental Anstalt", size=12, bold=True)
    _block(s, 15, 17, ["Landstrasse 140, 9490 Vaduz, Liechtenstein", "MWST-Nr. 57612"],
           size=7.5)  # fmt: skip
    s.text(150, 10, "RECHNUNG", size=14, bold=True)
    s.pairs(125, 19, [("Rechnung Nr.", "RD-26-0933"), ("Vaduz,", "7. Dez. 2026")], gap=24,
            step=4.6)  # fmt: skip
    _block(s, 15, 32, ["Zahntechnik Erzgebirge GmbH", "Straße des 1. Mai 14", "09599 Freiberg",
                       "Deutschland", "USt-IdNr. DE298765432"], size=8)  # fmt: skip
    rows = _rows(_LI_ITEMS, lambda v: _group(v).replace(",", "'"))
    y = _table(s, 62, [("Pos.", 15, 8, "L"), ("Artikel", 25, 72, "L"), ("Einh.", 99, 10, "L"),
                       ("Menge", 111, 14, "R"), ("Preis CHF", 127, 28, "R"),
                       ("Betrag CHF", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total netto", _chf(_LI_NET)),
                                     ("MWST 0 % (Ausfuhr)", _chf(Decimal(0))),
                                     ("Rechnungsbetrag", _chf(_LI_NET))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Bitte überweisen Sie den Betrag innert 30 Tagen. Lieferung ab Werk Vaduz.",
           size=7.5)  # fmt: skip
    return s.output()


LI_RECHNUNG_DEZ_TRUTH = _truth(
    invoice_number="RD-26-0933", type_code="380", issue_date="2026-12-07", currency="CHF",
    seller_name="Rheintal Dental Anstalt", seller_vat_id="57612", seller_country="LI",
    buyer_name="Zahntechnik Erzgebirge GmbH", buyer_country="DE",
    tax_exclusive_total=_plain(_LI_NET), tax_total="0.00", grand_total=_plain(_LI_NET),
    due_payable=_plain(_LI_NET), line_items=_unit_lines(_LI_ITEMS, {"Stk.": "H87"}),
)  # fmt: skip


# -- Ecuador: 'Fecha de Emisión: 05-DIC-2026', the vessel 'MAR DEL PACIFICO', US dollars, RUC ----

_EC_ITEMS: list[UnitItem] = [("Banano Cavendish, caja 18,14 kg", "1920", "caja", "7.25"),
                             ("Camarón blanco congelado 21/25", "8000", "kg", "6.90")]  # fmt: skip
_EC_NET = _unit_sum(_EC_ITEMS)


def ec_factura_dic() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Agroexportadora El Oro S.A.", size=12, bold=True)
    _block(s, 15, 17, ["Av. 25 de Junio 310, Machala, El Oro, Ecuador",
                       "RUC: 0791234567001"], size=7.5)  # fmt: skip
    s.text(150, 10, "FACTURA", size=14, bold=True)
    s.pairs(120, 19, [("No.", "001-002-000004567"), ("Fecha de Emisión:", "05-DIC-2026"),
                      ("Buque:", "MAR DEL PACIFICO V. 2611"), ("Moneda:", "USD")],
            gap=30, step=4.6)  # fmt: skip
    s.text(15, 32, "Cliente:", size=9, bold=True)
    _block(s, 15, 37, ["Fruttimport Genova S.r.l.", "Via della Mercanzia 4, 16124 Genova",
                       "Italia"], size=8)  # fmt: skip
    rows = _rows(_EC_ITEMS, _group, numbered=False)
    y = _table(s, 60, [("Descripción", 15, 80, "L"), ("Unidad", 97, 12, "L"),
                       ("Cantidad", 111, 14, "R"), ("P. Unitario", 127, 28, "R"),
                       ("Valor Total", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal 0%", f"US$ {_group(_EC_NET)}"),
                                 ("IVA 0%", "US$ 0.00"),
                                 ("Valor Total", f"US$ {_group(_EC_NET)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


EC_FACTURA_DIC_TRUTH = _truth(
    invoice_number="001-002-000004567", type_code="380", issue_date="2026-12-05", currency="USD",
    seller_name="Agroexportadora El Oro S.A.", seller_vat_id="0791234567001",
    seller_country="EC", buyer_name="Fruttimport Genova S.r.l.", buyer_country="IT",
    tax_exclusive_total=_plain(_EC_NET), tax_total="0.00", grand_total=_plain(_EC_NET),
    due_payable=_plain(_EC_NET),
    line_items=_unit_lines(_EC_ITEMS, {"caja": "XBX", "kg": "KGM"}),
)  # fmt: skip


# -- Mauritius: 'Date: 04 NOV 2026', Rs (the Mauritian rupee), an 'Export Dec. No.' beside it ----

_MU_ITEMS: list[UnitItem] = [("Special sugar, demerara, bag 25 kg", "1600", "bag", "1150.00"),
                             ("Canned tuna in brine, carton 48 x 185 g", "900", "ctn",
                              "2480.00")]  # fmt: skip
_MU_NET = _unit_sum(_MU_ITEMS)
_MU_TAX = _round(_MU_NET * Decimal("0.15"))


def mu_invoice_nov() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Port Louis Foods Ltd", size=12, bold=True)
    _block(s, 15, 17, ["Royal Road, Les Guibies, Port Louis, Mauritius",
                       "BRN: C07012345   VAT Reg. No.: VAT20123456"], size=7.5)  # fmt: skip
    s.text(150, 10, "VAT INVOICE", size=13, bold=True)
    s.pairs(120, 19, [("Invoice No:", "PLF/11/2026/078"), ("Date:", "04 NOV 2026"),
                      ("Export Dec. No.:", "DEC 26-004512")], gap=28, step=4.6)  # fmt: skip
    s.text(15, 32, "Bill to:", size=9, bold=True)
    _block(s, 15, 37, ["Curepipe Hypermarket Ltd", "Royal Road, Curepipe, Mauritius",
                       "VAT Reg. No.: VAT20987654"], size=8)  # fmt: skip
    rows = _rows(_MU_ITEMS, _group)
    y = _table(s, 60, [("No.", 15, 8, "L"), ("Description", 25, 72, "L"), ("Unit", 99, 10, "L"),
                       ("Qty", 111, 14, "R"), ("Unit Price (Rs)", 127, 28, "R"),
                       ("Amount (Rs)", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total excl. VAT", f"Rs {_group(_MU_NET)}"),
                                 ("VAT 15%", f"Rs {_group(_MU_TAX)}"),
                                 ("Total incl. VAT", f"Rs {_group(_MU_NET + _MU_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


MU_INVOICE_NOV_TRUTH = _truth(
    invoice_number="PLF/11/2026/078", type_code="380", issue_date="2026-11-04", currency="MUR",
    seller_name="Port Louis Foods Ltd", seller_vat_id="VAT20123456", seller_country="MU",
    buyer_name="Curepipe Hypermarket Ltd", buyer_country="MU",
    tax_exclusive_total=_plain(_MU_NET), tax_total=_plain(_MU_TAX),
    grand_total=_plain(_MU_NET + _MU_TAX), due_payable=_plain(_MU_NET + _MU_TAX),
    line_items=_unit_lines(_MU_ITEMS, {"bag": "XBG", "ctn": "XCT"}),
)  # fmt: skip


# -- Poland (Białystok): '30 listopada 2026' (genitive), 'Wystawił: Jan Lis', 'SIE' as a code -----

_PL_ITEMS: list[UnitItem] = [("Sękacz podlaski SIE-400, 1,2 kg", "150", "szt.", "89.00"),
                             ("Miód gryczany, słoik 1 kg", "240", "szt.", "42.00")]  # fmt: skip
_PL_NET = _unit_sum(_PL_ITEMS)
_PL_TAX = _round(_PL_NET * Decimal("0.05"))


def pl_faktura_listopada() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Podlaskie Smaki Sp. z o.o.", size=12, bold=True)
    _block(s, 15, 17, ["ul. Lipowa 30, 15-424 Białystok", "NIP: 542-301-22-87"], size=7.5)
    s.text(140, 10, "FAKTURA nr FS/112/2026", size=11, bold=True)
    s.pairs(130, 19, [("Data wystawienia:", "30 listopada 2026"), ("Wystawił:", "Jan Lis"),
                      ("Termin płatności:", "14 gru 2026")], gap=30, step=4.6)  # fmt: skip
    s.text(15, 32, "Nabywca:", size=9, bold=True)
    _block(s, 15, 37, ["Delikatesy Mazurskie S.A.", "ul. Dąbrowskiego 12, 10-540 Olsztyn",
                       "NIP: 739-120-45-66"], size=8)  # fmt: skip
    rows = _rows(_PL_ITEMS, _sp)
    y = _table(s, 60, [("Lp.", 15, 8, "L"), ("Nazwa towaru", 25, 72, "L"), ("J.m.", 99, 10, "L"),
                       ("Ilość", 111, 14, "R"), ("Cena netto", 127, 28, "R"),
                       ("Wartość netto", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Razem netto", f"{_sp(_PL_NET)} zł"),
                                 ("VAT 5%", f"{_sp(_PL_TAX)} zł"),
                                 ("Do zapłaty", f"{_sp(_PL_NET + _PL_TAX)} zł")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
PL_FAKTURA_LISTOPADA_TRUTH = _truth(
    invoice_number="FS/112/2026", type_code="380", issue_date="2026-11-30", currency="PLN",
    seller_name="Podlaskie Smaki Sp. z o.o.", seller_vat_id="5423012287", seller_country=None,
    buyer_name="Delikatesy Mazurskie S.A.", buyer_country=None,
    tax_exclusive_total=_plain(_PL_NET), tax_total=_plain(_PL_TAX),
    grand_total=_plain(_PL_NET + _PL_TAX), due_payable=_plain(_PL_NET + _PL_TAX),
    line_items=_unit_lines(_PL_ITEMS, {"szt.": "H87"}),
)  # fmt: skip


BATCH26: list[Layout] = [
    Layout("cy-greek-genitive", cy_greek_genitive, CY_GREEK_GENITIVE_TRUTH),
    Layout("me-faktura-novembra", me_faktura_novembra, ME_FAKTURA_NOVEMBRA_TRUTH),
    Layout("fi-lasku-partitive", fi_lasku_partitive, FI_LASKU_PARTITIVE_TRUTH),
    Layout("tm-schet-manat", tm_schet_manat, TM_SCHET_MANAT_TRUTH),
    Layout("tn-facture-dec", tn_facture_dec, TN_FACTURE_DEC_TRUTH),
    Layout("li-rechnung-dez", li_rechnung_dez, LI_RECHNUNG_DEZ_TRUTH),
    Layout("ec-factura-dic", ec_factura_dic, EC_FACTURA_DIC_TRUTH),
    Layout("mu-invoice-nov", mu_invoice_nov, MU_INVOICE_NOV_TRUTH),
    Layout("pl-faktura-listopada", pl_faktura_listopada, PL_FAKTURA_LISTOPADA_TRUTH),
]


def write_batch26(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH26)
