"""A twenty-fifth batch of hand-written invoices (session 26, invoices22), written before
src/clearlane/documents/ was read this session: eleven layouts out of sample, from countries no
earlier batch has as the seller (Algeria, Argentina, Nepal, Moldova, Ghana, Malaysia, Angola,
Uruguay, Ethiopia) and two whose dates spell the month in their own script (Armenian, Georgian),
scored once as written (docs/documents.md, "session 26, 2026-12-06: batch 25 (invoices22)").

The traps: an Algerian ``FACTURE`` whose date says ``le 3 décembre 2026`` and whose money is
``DA`` (dinars); an Argentine ``FACTURA A`` whose ``$`` is the peso (the page says ``Pesos``
once), with a ``Punto de Venta`` / ``Comp. Nro`` number in two parts; an Armenian
``ՀԱՇԻՎ-ԱՊՐԱՆՔԱԳԻՐ`` dated with the month's name in the genitive (``նոյեմբերի``); a Georgian
``ანგარიშ-ფაქტურა`` dated ``12 ნოემბერი 2026``; a Nepali ``TAX INVOICE`` with a Bikram Sambat
date (``2083-07-26 B.S.``) printed before the Gregorian one, priced in ``Rs.``, and the seller's
``PAN``; a Moldovan ``FACTURĂ FISCALĂ`` (``Seria`` and ``nr.``) dated ``9 octombrie 2026``, in
``lei`` (MDL, not Romania's RON: the page says ``Republica Moldova``); a Ghanaian ``TAX INVOICE``
in ``GH₵`` with the levies (NHIL, GETFund) above the VAT and a ``Total Tax`` line, dated
``3rd December 2026``; a Malaysian ``INVOIS`` in Malay dated ``5 Disember 2026``, in ``RM``, the
seller's ``No. SST``; an Angolan ``FACTURA`` in Portuguese dated ``20 de Novembro de 2026``, in
``Kz`` (kwanzas); a Uruguayan ``e-Factura`` priced in ``U$S`` (US dollars, the local sign) with
the seller's ``RUT``; an Ethiopian English ``TAX INVOICE`` whose date in the Ethiopian calendar
(``Tikimt 5, 2019 E.C.``) stands beside the Gregorian one, in ``Birr``, with the seller's
``TIN``.

Ground truth as in the earlier batches (layouts_batch22.py's docstring): what a customs officer
reads on the page. Choices made before any reading: the seller's tax registration without
spaces or punctuation (Algeria's NIF, Argentina's CUIT, Armenia's ՀՎՀՀ, Georgia's ს/კ, Nepal's
PAN, Moldova's cod fiscal (IDNO), Ghana's TIN, Malaysia's SST number, Angola's NIF, Uruguay's
RUT, Ethiopia's TIN); the issue date the Gregorian one; the invoice number as printed after its
label (Argentina: the point of sale and the number joined as printed, ``0003-00012345``); a
currency held where the page names it in words, a code or a sign (DZD: DA, ARS: $ with Pesos,
AMD: դրամ, GEL: ლარი, NPR: Rs. in Nepal, MDL: lei in Moldova, GHS: GH₵, MYR: RM, AOA: Kz,
USD: U$S, ETB: Birr); the tax total every tax on the page (Ghana: the levies and the VAT, its
``Total Tax``); units as UN/ECE codes (u, pcs, unid., unidad, հատ, ცალი, buc., unit, unit: H87;
kg, кг, კგ: KGM; l, litru: LTR; m: MTR; box, kotak: XBX; caixa: XBX; ctn: XCT; bag: XBG;
saco: XSA, session 33; m3: MTQ; t: TNE).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _sp, _totals
from tests.documents.layouts_batch20 import UnitItem, _de, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _commas, _table
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _round


def _rows(items: list[UnitItem], money, numbered: bool = True) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Table rows: (number,) description, unit, quantity, unit price, amount."""
    rows = []
    for n, ((t, q, u, p), a) in enumerate(zip(items, _unit_amounts(items), strict=True), 1):
        row = [t, u, q, money(_d(p)), money(a)]
        rows.append([str(n), *row] if numbered else row)
    return rows


# -- Algeria: 'FACTURE', 'le 3 décembre 2026', dinars as DA ---------------------------------------

_DZ_ITEMS: list[UnitItem] = [("Dattes Deglet Nour, carton 5 kg", "400", "ctn", "2650.00"),
                             ("Huile d'olive vierge extra, bidon 5 l", "120", "u",
                              "4800.00")]  # fmt: skip
_DZ_NET = _unit_sum(_DZ_ITEMS)
_DZ_TAX = _round(_DZ_NET * Decimal("0.19"))


def dz_facture_da() -> bytes:
    s = Sheet2()
    s.text(15, 10, "SARL Oasis Biskra Export", size=12, bold=True)
    _block(s, 15, 17, ["Zone d'activités, Route de Tolga, 07000 Biskra, Algérie",
                       "NIF : 000207012345678   RC : 07/00-0123456 B 12"], size=7.5)  # fmt: skip
    s.text(150, 10, "FACTURE", size=14, bold=True)
    s.pairs(125, 19, [("Facture N° :", "FA-2026/1207"), ("Biskra, le", "3 décembre 2026")],
            gap=26, step=4.6)  # fmt: skip
    s.text(15, 32, "Doit :", size=9, bold=True)
    _block(s, 15, 37, ["EURL Alger Distribution", "Cité 200 logements, Bab Ezzouar, Alger",
                       "Algérie", "NIF : 001516098765432"], size=8)  # fmt: skip
    rows = _rows(_DZ_ITEMS, _sp)
    y = _table(s, 62, [("N°", 15, 8, "L"), ("Désignation", 25, 72, "L"), ("U", 99, 10, "L"),
                       ("Qté", 111, 14, "R"), ("P.U. HT (DA)", 127, 28, "R"),
                       ("Montant HT (DA)", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("Total HT", f"{_sp(_DZ_NET)} DA"),
                                     ("TVA 19 %", f"{_sp(_DZ_TAX)} DA"),
                                     ("Net à payer TTC", f"{_sp(_DZ_NET + _DZ_TAX)} DA")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Arrêtée la présente facture à la somme de : un million neuf cent "
           "quarante-six mille huit cent quarante dinars.", size=7)  # fmt: skip
    return s.output()


DZ_FACTURE_DA_TRUTH = _truth(
    invoice_number="FA-2026/1207", type_code="380", issue_date="2026-12-03", currency="DZD",
    seller_name="SARL Oasis Biskra Export", seller_vat_id="000207012345678",
    seller_country="DZ", buyer_name="EURL Alger Distribution", buyer_country="DZ",
    tax_exclusive_total=_plain(_DZ_NET), tax_total=_plain(_DZ_TAX),
    grand_total=_plain(_DZ_NET + _DZ_TAX), due_payable=_plain(_DZ_NET + _DZ_TAX),
    line_items=_unit_lines(_DZ_ITEMS, {"ctn": "XCT", "u": "H87"}),
)  # fmt: skip


# -- Argentina: 'FACTURA A', '$' is the peso, point of sale and number in two parts -------------

_AR_ITEMS: list[UnitItem] = [("Yerba mate con palo, paquete 1 kg", "1500", "unid.", "3850.00"),
                             ("Dulce de leche repostero, balde 10 kg", "60", "unid.",
                              "41200.00")]  # fmt: skip
_AR_NET = _unit_sum(_AR_ITEMS)
_AR_TAX = _round(_AR_NET * Decimal("0.21"))


def _peso(value: Decimal) -> str:
    return f"$ {_de(value)}"


def ar_factura_a() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Establecimiento Las Marías S.A.", size=12, bold=True)
    _block(s, 15, 17, ["Ruta Nacional 14 km 739, Gobernador Virasoro, Corrientes",
                       "República Argentina", "CUIT: 30-50012345-7   IVA Responsable Inscripto"],
           size=7.5)  # fmt: skip
    s.text(140, 10, "FACTURA", size=14, bold=True)
    s.text(123, 9, "A", size=16, bold=True)
    s.pairs(122, 19, [("Punto de Venta:", "0003"), ("Comp. Nro:", "00012345"),
                      ("Fecha de Emisión:", "05/11/2026")], gap=36, step=4.6)  # fmt: skip
    s.pairs(15, 38, [("Razón Social:", "Distribuidora del Plata S.R.L."),
                     ("Domicilio:", "Av. Corrientes 1234, C1043 Buenos Aires, Argentina"),
                     ("CUIT:", "30-71234567-9"),
                     ("Condición de venta:", "Cuenta corriente, en Pesos")], gap=38,
            step=4.6)  # fmt: skip
    rows = _rows(_AR_ITEMS, _peso, numbered=False)
    y = _table(s, 64, [("Producto / Servicio", 15, 76, "L"), ("U. medida", 93, 16, "L"),
                       ("Cantidad", 113, 14, "R"), ("Precio Unit.", 129, 28, "R"),
                       ("Subtotal", 159, 36, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("Importe Neto Gravado:", _peso(_AR_NET)),
                                     ("IVA 21%:", _peso(_AR_TAX)),
                                     ("Importe Total:", _peso(_AR_NET + _AR_TAX))],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "CAE N°: 76451234567890   Fecha de Vto. de CAE: 15/11/2026", size=7.5)
    return s.output()


AR_FACTURA_A_TRUTH = _truth(
    invoice_number="0003-00012345", type_code="380", issue_date="2026-11-05", currency="ARS",
    seller_name="Establecimiento Las Marías S.A.", seller_vat_id="30500123457",
    seller_country="AR", buyer_name="Distribuidora del Plata S.R.L.", buyer_country="AR",
    tax_exclusive_total=_plain(_AR_NET), tax_total=_plain(_AR_TAX),
    grand_total=_plain(_AR_NET + _AR_TAX), due_payable=_plain(_AR_NET + _AR_TAX),
    line_items=_unit_lines(_AR_ITEMS, {"unid.": "H87"}),
)  # fmt: skip


# -- Armenia: the date with the month's name in the genitive ('15 նոյեմբերի 2026 թ.') ----------

_AM_ITEMS: list[UnitItem] = [("Կոնյակ 5 տարեկան, շիշ 0,5 լ", "600", "հատ", "5200"),
                             ("Չիր ծիրանի, տուփ 1 կգ", "250", "կգ", "4100")]  # fmt: skip
_AM_NET = _unit_sum(_AM_ITEMS)
_AM_TAX = _round(_AM_NET * Decimal("0.20"))


def am_month_genitive() -> bytes:
    s = Sheet2()
    s.text(55, 10, "ՀԱՇԻՎ-ԱՊՐԱՆՔԱԳԻՐ N 0417", size=13, bold=True)
    s.text(75, 18, "15 նոյեմբերի 2026 թ.", size=9)
    s.pairs(15, 28, [("Մատակարար՝", "«Արարատ Գինի» ՍՊԸ"), ("ՀՎՀՀ՝", "00876543"),
                     ("Հասցե՝", "ք. Արտաշատ, Օգոստոսի 23 փ. 5, Հայաստան"),
                     ("Գնորդ՝", "«Սիթի Մարկետ» ՓԲԸ"),
                     ("Հասցե՝", "ք. Երևան, Մաշտոցի պող. 30, Հայաստան"),
                     ("Արժույթ՝", "ՀՀ դրամ")], gap=28, step=4.6)  # fmt: skip
    amounts = _unit_amounts(_AM_ITEMS)
    rows = [[t, u, q, _commas(_d(p)), _commas(a)]
            for (t, q, u, p), a in zip(_AM_ITEMS, amounts, strict=True)]  # fmt: skip
    y = _table(s, 62, [("Ապրանքի անվանում", 15, 80, "L"), ("Չափ. միավ.", 96, 18, "L"),
                       ("Քանակ", 117, 12, "R"), ("Գին", 131, 26, "R"),
                       ("Արժեք", 159, 36, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Ընդամենը առանց ԱԱՀ", f"{_commas(_AM_NET)} դրամ"),
                                     ("ԱԱՀ 20%", f"{_commas(_AM_TAX)} դրամ"),
                                     ("Ընդամենը վճարման", f"{_commas(_AM_NET + _AM_TAX)} դրամ")],
                width=40, size=8.5)  # fmt: skip
    return s.output()


AM_MONTH_GENITIVE_TRUTH = _truth(
    invoice_number="0417", type_code="380", issue_date="2026-11-15", currency="AMD",
    seller_name="«Արարատ Գինի» ՍՊԸ", seller_vat_id="00876543", seller_country="AM",
    buyer_name="«Սիթի Մարկետ» ՓԲԸ", buyer_country="AM", tax_exclusive_total=_plain(_AM_NET),
    tax_total=_plain(_AM_TAX), grand_total=_plain(_AM_NET + _AM_TAX),
    due_payable=_plain(_AM_NET + _AM_TAX),
    line_items=_unit_lines(_AM_ITEMS, {"հատ": "H87", "կգ": "KGM"}),
)  # fmt: skip


# -- Georgia: dated '12 ნოემბერი 2026', priced in ლარი -------------------------------------------

_GE_ITEMS: list[UnitItem] = [("ღვინო საფერავი, ბოთლი 0,75 ლ", "900", "ცალი", "18.50"),
                             ("ჩურჩხელა, შეფუთვა", "300", "კგ", "24.00")]  # fmt: skip
_GE_NET = _unit_sum(_GE_ITEMS)
_GE_TAX = _round(_GE_NET * Decimal("0.18"))


def ge_month_name() -> bytes:
    s = Sheet2()
    s.text(15, 10, "შპს „კახური მარანი“", size=12, bold=True)
    _block(s, 15, 17, ["თელავი, ერეკლე II-ის ქ. 7, საქართველო", "ს/კ 231234567"], size=7.5)
    s.text(125, 10, "ანგარიშ-ფაქტურა", size=13, bold=True)
    s.pairs(125, 19, [("ნომერი:", "KM-26/1112"), ("თარიღი:", "12 ნოემბერი 2026"),
                      ("ვალუტა:", "ლარი")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 36, "მყიდველი:", size=9, bold=True)
    _block(s, 15, 41, ["შპს „თბილისის ვაჭრობა“", "თბილისი, რუსთაველის გამზ. 12, საქართველო",
                       "ს/კ 405987654"], size=8)  # fmt: skip
    rows = _rows(_GE_ITEMS, _sp)
    y = _table(s, 62, [("№", 15, 8, "L"), ("დასახელება", 25, 72, "L"), ("ერთ.", 99, 12, "L"),
                       ("რაოდ.", 113, 14, "R"), ("ფასი", 129, 28, "R"),
                       ("თანხა", 159, 36, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("ჯამი დღგ-ს გარეშე", f"{_sp(_GE_NET)} ლარი"),
                                     ("დღგ 18%", f"{_sp(_GE_TAX)} ლარი"),
                                     ("სულ გადასახდელი", f"{_sp(_GE_NET + _GE_TAX)} ლარი")],
                width=40, size=8.5)  # fmt: skip
    return s.output()


GE_MONTH_NAME_TRUTH = _truth(
    invoice_number="KM-26/1112", type_code="380", issue_date="2026-11-12", currency="GEL",
    seller_name="შპს „კახური მარანი“", seller_vat_id="231234567", seller_country="GE",
    buyer_name="შპს „თბილისის ვაჭრობა“", buyer_country="GE", tax_exclusive_total=_plain(_GE_NET),
    tax_total=_plain(_GE_TAX), grand_total=_plain(_GE_NET + _GE_TAX),
    due_payable=_plain(_GE_NET + _GE_TAX),
    line_items=_unit_lines(_GE_ITEMS, {"ცალი": "H87", "კგ": "KGM"}),
)  # fmt: skip


# -- Nepal: a Bikram Sambat date before the Gregorian one, Rs., the seller's PAN ------------------

_NP_ITEMS: list[UnitItem] = [("Pashmina shawl, 70x200 cm", "150", "pcs", "6800.00"),
                             ("Hand-knotted woollen carpet, 2x3 m", "12", "pcs",
                              "84500.00")]  # fmt: skip
_NP_NET = _unit_sum(_NP_ITEMS)
_NP_TAX = _round(_NP_NET * Decimal("0.13"))


def np_bikram_sambat() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Himalayan Craft Exports Pvt. Ltd.", size=12, bold=True)
    _block(s, 15, 17, ["Thamel Marg 22, Kathmandu 44600, Nepal", "PAN: 601234567"], size=7.5)
    s.text(150, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(125, 19, [("Invoice No.:", "HCE-083/0214"), ("Date (B.S.):", "2083-07-26"),
                      ("Date (A.D.):", "12 Nov 2026")], gap=28, step=4.6)  # fmt: skip
    s.text(15, 32, "Buyer:", size=9, bold=True)
    _block(s, 15, 37, ["Annapurna Handicraft Store", "Lakeside 6, Pokhara, Nepal",
                       "PAN: 302345678"], size=8)  # fmt: skip
    rows = _rows(_NP_ITEMS, _group)
    y = _table(s, 58, [("S.N.", 15, 8, "L"), ("Particulars", 25, 72, "L"), ("Unit", 99, 10, "L"),
                       ("Qty", 111, 14, "R"), ("Rate", 127, 28, "R"),
                       ("Amount", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("Taxable Amount", f"Rs. {_group(_NP_NET)}"),
                                     ("VAT 13%", f"Rs. {_group(_NP_TAX)}"),
                                     ("Grand Total", f"Rs. {_group(_NP_NET + _NP_TAX)}")],
                width=40, size=8.5)  # fmt: skip
    return s.output()


NP_BIKRAM_SAMBAT_TRUTH = _truth(
    invoice_number="HCE-083/0214", type_code="380", issue_date="2026-11-12", currency="NPR",
    seller_name="Himalayan Craft Exports Pvt. Ltd.", seller_vat_id="601234567",
    seller_country="NP", buyer_name="Annapurna Handicraft Store", buyer_country="NP",
    tax_exclusive_total=_plain(_NP_NET), tax_total=_plain(_NP_TAX),
    grand_total=_plain(_NP_NET + _NP_TAX), due_payable=_plain(_NP_NET + _NP_TAX),
    line_items=_unit_lines(_NP_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- Moldova: 'FACTURĂ FISCALĂ Seria AB nr. 0123456', '9 octombrie 2026', lei (MDL) --------------

_MD_ITEMS: list[UnitItem] = [("Vin roșu sec Fetească Neagră, sticlă 0,75 l", "1200", "buc.",
                              "96.00"),
                             ("Divin 5 ani, sticlă 0,5 l", "300", "buc.", "245.00")]  # fmt: skip
_MD_NET = _unit_sum(_MD_ITEMS)
_MD_TAX = _round(_MD_NET * Decimal("0.20"))


def md_factura_fiscala() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "FACTURĂ FISCALĂ", size=14, bold=True)
    s.text(15, 18, "Seria AB nr. 0123456 din 9 octombrie 2026", size=10, bold=True)
    _block(s, 15, 28, ["Furnizor: S.R.L. „Podgoria Codrului”",
                       "mun. Chișinău, str. Ștefan cel Mare 180, Republica Moldova",
                       "Cod fiscal (IDNO): 1003600012345   Cod TVA: 0601234"], size=8)  # fmt: skip
    _block(s, 15, 44, ["Cumpărător: S.A. „Supermarket Nord”",
                       "mun. Bălți, str. Independenței 5, Republica Moldova",
                       "Cod fiscal (IDNO): 1002602009876"], size=8)  # fmt: skip
    rows = _rows(_MD_ITEMS, _de)
    y = _table(s, 62, [("Nr.", 15, 8, "L"), ("Denumirea mărfii", 25, 74, "L"),
                       ("U.M.", 101, 10, "L"), ("Cantitatea", 113, 16, "R"),
                       ("Prețul, lei", 131, 26, "R"), ("Valoarea, lei", 159, 36, "R")],
               rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("Total fără TVA:", f"{_de(_MD_NET)} lei"),
                                     ("TVA 20%:", f"{_de(_MD_TAX)} lei"),
                                     ("Total de plată:", f"{_de(_MD_NET + _MD_TAX)} lei")],
                width=40, size=8.5)  # fmt: skip
    return s.output()


MD_FACTURA_FISCALA_TRUTH = _truth(
    invoice_number="AB 0123456", type_code="380", issue_date="2026-10-09", currency="MDL",
    seller_name="S.R.L. „Podgoria Codrului”", seller_vat_id="1003600012345",
    seller_country="MD", buyer_name="S.A. „Supermarket Nord”", buyer_country="MD",
    tax_exclusive_total=_plain(_MD_NET), tax_total=_plain(_MD_TAX),
    grand_total=_plain(_MD_NET + _MD_TAX), due_payable=_plain(_MD_NET + _MD_TAX),
    line_items=_unit_lines(_MD_ITEMS, {"buc.": "H87"}),
)  # fmt: skip


# -- Ghana: GH₵, the levies (NHIL, GETFund) above the VAT, 'Total Tax', '3rd December 2026' -----

_GH_ITEMS: list[UnitItem] = [("Cocoa butter, deodorised, carton 25 kg", "80", "ctn", "2150.00"),
                             ("Shea butter, unrefined, bag 50 kg", "40", "bag",
                              "1875.00")]  # fmt: skip
_GH_NET = _unit_sum(_GH_ITEMS)
_GH_NHIL = _round(_GH_NET * Decimal("0.025"))
_GH_GETF = _round(_GH_NET * Decimal("0.025"))
_GH_VAT = _round((_GH_NET + _GH_NHIL + _GH_GETF) * Decimal("0.15"))
_GH_TAX = _GH_NHIL + _GH_GETF + _GH_VAT


def _cedi(value: Decimal) -> str:
    return f"GH₵ {_group(value)}"


def gh_levies_total_tax() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Ashanti Agro Processing Ltd", size=12, bold=True)
    _block(s, 15, 17, ["Plot 7, Kaase Industrial Area, Kumasi, Ghana", "TIN: C0012345678"],
           size=7.5)  # fmt: skip
    s.text(150, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(125, 19, [("Invoice No:", "AAP/INV/26/0981"), ("Date:", "3rd December 2026")],
            gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Customer:", size=9, bold=True)
    _block(s, 15, 37, ["Accra Cosmetics Manufacturing Ltd", "Spintex Road, Accra, Ghana",
                       "TIN: C0098765432"], size=8)  # fmt: skip
    rows = _rows(_GH_ITEMS, _group, numbered=False)
    y = _table(s, 58, [("Description", 15, 80, "L"), ("Unit", 97, 10, "L"),
                       ("Qty", 109, 14, "R"), ("Unit Price", 125, 30, "R"),
                       ("Amount", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Subtotal", _cedi(_GH_NET)),
                                     ("NHIL 2.5%", _cedi(_GH_NHIL)),
                                     ("GETFund Levy 2.5%", _cedi(_GH_GETF)),
                                     ("VAT 15%", _cedi(_GH_VAT)),
                                     ("Total Tax", _cedi(_GH_TAX)),
                                     ("Total Amount Payable", _cedi(_GH_NET + _GH_TAX))],
                width=40, size=8.5)  # fmt: skip
    return s.output()


GH_LEVIES_TOTAL_TAX_TRUTH = _truth(
    invoice_number="AAP/INV/26/0981", type_code="380", issue_date="2026-12-03", currency="GHS",
    seller_name="Ashanti Agro Processing Ltd", seller_vat_id="C0012345678", seller_country="GH",
    buyer_name="Accra Cosmetics Manufacturing Ltd", buyer_country="GH",
    tax_exclusive_total=_plain(_GH_NET), tax_total=_plain(_GH_TAX),
    grand_total=_plain(_GH_NET + _GH_TAX), due_payable=_plain(_GH_NET + _GH_TAX),
    line_items=_unit_lines(_GH_ITEMS, {"ctn": "XCT", "bag": "XBG"}),
)  # fmt: skip


# -- Malaysia (Malay): 'INVOIS', '5 Disember 2026', RM, the seller's SST number -----------------

_MY_ITEMS: list[UnitItem] = [("Sarung tangan getah nitril, kotak 100 helai", "2000", "kotak",
                              "18.90"),
                             ("Minyak sawit bertapis, tin 17 kg", "150", "unit",
                              "92.50")]  # fmt: skip
_MY_NET = _unit_sum(_MY_ITEMS)
_MY_TAX = _round(_MY_NET * Decimal("0.10"))


def my_invois_disember() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Perak Glove Industries Sdn. Bhd.", size=12, bold=True)
    _block(s, 15, 17, ["Lot 23, Kawasan Perindustrian Kamunting, 34600 Taiping, Perak, Malaysia",
                       "No. SST: W10-1808-31012345"], size=7.5)  # fmt: skip
    s.text(160, 10, "INVOIS", size=14, bold=True)
    s.pairs(130, 25, [("No. Invois:", "PGI-2612-044"), ("Tarikh:", "5 Disember 2026"),
                      ("Mata wang:", "RM")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Kepada:", size=9, bold=True)
    _block(s, 15, 37, ["Klinik Medik Selangor Sdn. Bhd.", "Jalan Klang Lama 88, 58000 Kuala Lumpur",
                       "Malaysia"], size=8)  # fmt: skip
    rows = _rows(_MY_ITEMS, _group)
    y = _table(s, 58, [("Bil.", 15, 8, "L"), ("Perihal", 25, 72, "L"), ("Unit", 99, 12, "L"),
                       ("Kuantiti", 113, 14, "R"), ("Harga Seunit", 129, 28, "R"),
                       ("Jumlah", 159, 36, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Jumlah sebelum SST", f"RM {_group(_MY_NET)}"),
                                     ("SST 10%", f"RM {_group(_MY_TAX)}"),
                                     ("Jumlah perlu dibayar", f"RM {_group(_MY_NET + _MY_TAX)}")],
                width=40, size=8.5)  # fmt: skip
    return s.output()


MY_INVOIS_DISEMBER_TRUTH = _truth(
    invoice_number="PGI-2612-044", type_code="380", issue_date="2026-12-05", currency="MYR",
    seller_name="Perak Glove Industries Sdn. Bhd.", seller_vat_id="W10180831012345",
    seller_country="MY", buyer_name="Klinik Medik Selangor Sdn. Bhd.", buyer_country="MY",
    tax_exclusive_total=_plain(_MY_NET), tax_total=_plain(_MY_TAX),
    grand_total=_plain(_MY_NET + _MY_TAX), due_payable=_plain(_MY_NET + _MY_TAX),
    line_items=_unit_lines(_MY_ITEMS, {"kotak": "XBX", "unit": "H87"}),
)  # fmt: skip


# -- Angola (Portuguese): '20 de Novembro de 2026', kwanzas as Kz --------------------------------

_AO_ITEMS: list[UnitItem] = [("Café robusta verde, saco 60 kg", "120", "saco", "98000.00"),
                             ("Cimento Portland 42,5, saco 50 kg", "800", "saco",
                              "7850.00")]  # fmt: skip
_AO_NET = _unit_sum(_AO_ITEMS)
_AO_TAX = _round(_AO_NET * Decimal("0.14"))


def ao_factura_kz() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Kwanza Sul Comércio Geral, Lda.", size=12, bold=True)
    _block(s, 15, 17, ["Rua Direita da Samba 45, Luanda, Angola", "NIF: 5417012345"], size=7.5)
    s.text(150, 10, "FACTURA", size=14, bold=True)
    s.pairs(125, 19, [("Factura n.º:", "FT KSC2026/1120"),
                      ("Data:", "20 de Novembro de 2026")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Exmo.(s) Sr.(s)", size=9, bold=True)
    _block(s, 15, 37, ["Construtora Benguela, S.A.", "Avenida Norton de Matos 12, Benguela",
                       "Angola", "NIF: 5401098765"], size=8)  # fmt: skip
    rows = _rows(_AO_ITEMS, _de, numbered=False)
    y = _table(s, 60, [("Descrição", 15, 80, "L"), ("Un.", 97, 10, "L"),
                       ("Qtd.", 109, 14, "R"), ("Preço Unit.", 125, 30, "R"),
                       ("Valor", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("Total Ilíquido", f"{_de(_AO_NET)} Kz"),
                                     ("IVA 14%", f"{_de(_AO_TAX)} Kz"),
                                     ("Total a Pagar", f"{_de(_AO_NET + _AO_TAX)} Kz")],
                width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Os bens/serviços foram colocados à disposição do adquirente na data do "
           "documento.", size=7)  # fmt: skip
    return s.output()


AO_FACTURA_KZ_TRUTH = _truth(
    invoice_number="FT KSC2026/1120", type_code="380", issue_date="2026-11-20", currency="AOA",
    seller_name="Kwanza Sul Comércio Geral, Lda.", seller_vat_id="5417012345",
    seller_country="AO", buyer_name="Construtora Benguela, S.A.", buyer_country="AO",
    tax_exclusive_total=_plain(_AO_NET), tax_total=_plain(_AO_TAX),
    grand_total=_plain(_AO_NET + _AO_TAX), due_payable=_plain(_AO_NET + _AO_TAX),
    line_items=_unit_lines(_AO_ITEMS, {"saco": "XSA"}),
)  # fmt: skip


# -- Uruguay: 'e-Factura' priced in U$S (US dollars), the seller's RUT ---------------------------

_UY_ITEMS: list[UnitItem] = [("Lana peinada merino, tops 19,5 micras", "2500", "kg", "11.40"),
                             ("Cuero vacuno curtido wet blue", "600", "m2", "8.75")]  # fmt: skip
_UY_NET = _unit_sum(_UY_ITEMS)


def _usd(value: Decimal) -> str:
    return f"U$S {_de(value)}"


def uy_efactura_usd() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Lanera del Este S.A.", size=12, bold=True)
    _block(s, 15, 17, ["Ruta 8 km 28,5, Pando, Canelones, Uruguay", "RUT: 21 456789 0012"],
           size=7.5)  # fmt: skip
    s.text(145, 10, "e-Factura", size=14, bold=True)
    s.pairs(125, 19, [("Serie/Número:", "A 004512"), ("Fecha:", "07/12/2026"),
                      ("Moneda:", "U$S")], gap=32, step=4.6)  # fmt: skip
    s.text(15, 32, "Cliente:", size=9, bold=True)
    _block(s, 15, 37, ["Tessitura Biellese S.p.A.", "Via Cernaia 18, 13900 Biella", "Italia"],
           size=8)  # fmt: skip
    rows = _rows(_UY_ITEMS, _usd, numbered=False)
    y = _table(s, 58, [("Descripción", 15, 80, "L"), ("Unidad", 97, 12, "L"),
                       ("Cantidad", 112, 14, "R"), ("Precio", 127, 28, "R"),
                       ("Importe", 157, 38, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 155, y + 3, [("Subtotal exento", _usd(_UY_NET)),
                                     ("IVA (exportación)", _usd(Decimal(0))),
                                     ("Total", _usd(_UY_NET))], width=40, size=8.5)  # fmt: skip
    s.text(15, y + 5, "Tipo de cambio: 1 U$S = 40,12 $ (BCU). Exportación exenta de IVA.",
           size=7.5)  # fmt: skip
    return s.output()


UY_EFACTURA_USD_TRUTH = _truth(
    invoice_number="A 004512", type_code="380", issue_date="2026-12-07", currency="USD",
    seller_name="Lanera del Este S.A.", seller_vat_id="214567890012", seller_country="UY",
    buyer_name="Tessitura Biellese S.p.A.", buyer_country="IT",
    tax_exclusive_total=_plain(_UY_NET), tax_total="0.00", grand_total=_plain(_UY_NET),
    due_payable=_plain(_UY_NET), line_items=_unit_lines(_UY_ITEMS, {"kg": "KGM", "m2": "MTK"}),
)  # fmt: skip


# -- Ethiopia (English): an Ethiopian-calendar date beside the Gregorian one, Birr, TIN ----------

_ET_ITEMS: list[UnitItem] = [("Green coffee beans, Yirgacheffe Grade 1, bag 60 kg", "320", "bag",
                              "16400.00"),
                             ("Sesame seed, Humera, bag 50 kg", "150", "bag",
                              "9850.00")]  # fmt: skip
_ET_NET = _unit_sum(_ET_ITEMS)
_ET_TAX = _round(_ET_NET * Decimal("0.15"))


def et_ethiopian_calendar() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Sidama Highland Coffee PLC", size=12, bold=True)
    _block(s, 15, 17, ["Bole Sub-City, Woreda 03, Addis Ababa, Ethiopia", "TIN: 0012345678"],
           size=7.5)  # fmt: skip
    s.text(150, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(120, 19, [("Invoice No.:", "SHC-0456"), ("Date:", "15 October 2026"),
                      ("Date (E.C.):", "Tikimt 5, 2019")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Buyer:", size=9, bold=True)
    _block(s, 15, 37, ["Addis Roasters Share Company", "Kirkos Sub-City, Addis Ababa",
                       "Ethiopia", "TIN: 0087654321"], size=8)  # fmt: skip
    rows = _rows(_ET_ITEMS, _group)
    y = _table(s, 60, [("No.", 15, 8, "L"), ("Description", 25, 74, "L"), ("Unit", 101, 10, "L"),
                       ("Qty", 113, 12, "R"), ("Unit Price (Birr)", 127, 30, "R"),
                       ("Total (Birr)", 159, 36, "R")], rows)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Sub Total", _group(_ET_NET)),
                                     ("VAT 15%", _group(_ET_TAX)),
                                     ("Grand Total (Birr)", _group(_ET_NET + _ET_TAX))],
                width=40, size=8.5)  # fmt: skip
    return s.output()


ET_ETHIOPIAN_CALENDAR_TRUTH = _truth(
    invoice_number="SHC-0456", type_code="380", issue_date="2026-10-15", currency="ETB",
    seller_name="Sidama Highland Coffee PLC", seller_vat_id="0012345678", seller_country="ET",
    buyer_name="Addis Roasters Share Company", buyer_country="ET",
    tax_exclusive_total=_plain(_ET_NET), tax_total=_plain(_ET_TAX),
    grand_total=_plain(_ET_NET + _ET_TAX), due_payable=_plain(_ET_NET + _ET_TAX),
    line_items=_unit_lines(_ET_ITEMS, {"bag": "XBG"}),
)  # fmt: skip


BATCH25: list[Layout] = [
    Layout("dz-facture-da", dz_facture_da, DZ_FACTURE_DA_TRUTH),
    Layout("ar-factura-a-pesos", ar_factura_a, AR_FACTURA_A_TRUTH),
    Layout("am-month-genitive", am_month_genitive, AM_MONTH_GENITIVE_TRUTH),
    Layout("ge-month-name", ge_month_name, GE_MONTH_NAME_TRUTH),
    Layout("np-bikram-sambat", np_bikram_sambat, NP_BIKRAM_SAMBAT_TRUTH),
    Layout("md-factura-fiscala", md_factura_fiscala, MD_FACTURA_FISCALA_TRUTH),
    Layout("gh-levies-total-tax", gh_levies_total_tax, GH_LEVIES_TOTAL_TAX_TRUTH),
    Layout("my-invois-disember", my_invois_disember, MY_INVOIS_DISEMBER_TRUTH),
    Layout("ao-factura-kz", ao_factura_kz, AO_FACTURA_KZ_TRUTH),
    Layout("uy-efactura-usd", uy_efactura_usd, UY_EFACTURA_USD_TRUTH),
    Layout("et-ethiopian-calendar", et_ethiopian_calendar, ET_ETHIOPIAN_CALENDAR_TRUTH),
]


def write_batch25(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH25)
