"""A thirty-second batch of hand-written invoices (session 29, reviewi14), written before
src/clearlane/documents/ and invoices25's rules were read in the session: nine layouts out of
sample, from sellers in places no batch 1-31 has (Myanmar, Laos, Curaçao, Mauritania, Liberia,
Nicaragua, Timor-Leste, Eswatini, Burundi).

The layouts: a Myanmar invoice in kyat (``Ks`` after the figure, no decimals), Commercial Tax
5 %, a TIN beside a company registration number, ``05-Dec-2026``, a buyer in Thailand; a Lao
facture in French, kip as ``₭`` after the figure (a dot between thousands), TVA 10 %, a NIF
printed in groups of four, ``Vientiane, le 4 décembre 2026``, a buyer in Viet Nam; a Curaçao
faktura in Papiamentu (``Fecha: 3 di desèmber 2026``, ``Kòrsou``, the Caribbean guilder ``Cg``
of 2025 with a decimal comma, OB 6 %, a CRIB number with dots), a buyer in Aruba; a Mauritanian
facture in ouguiyas (``UM`` after the figure), TVA 16 %, a NIF beside an RC, the date as
``1er décembre 2026``, a buyer in Senegal; a Liberian invoice in Liberian dollars (``L$``),
GST 10 %, ``December 4, 2026``, a buyer in Sierra Leone; a Nicaraguan factura in córdobas
(``C$``: not the Canadian dollar here), IVA 15 %, a RUC starting with a letter, a buyer in
Costa Rica; a Timorese fatura in Tetum (``Data: 2 Dezembru 2026``), US$, no tax, a buyer in
Indonesia; an Eswatini tax invoice in emalangeni (``E`` before the figure), VAT 15 %, the date
as ``2026/12/03``, a buyer in Mozambique (``Moçambique``); a Burundian facture in francs
(``FBu`` after the figure, a dot between thousands), TVA 18 %, ``le 30 novembre 2026``, a buyer
in Rwanda.

Ground truth as in the earlier batches (layouts_batch31.py's docstring): what a customs officer
reads on the page, written before any reading. Choices: the seller's tax id without spaces or
punctuation (the TIN, NIF, CRIB, RUC or VAT number, not a company register's: RC, company
registration numbers are not tax ids; a RUC keeps its letter); an amount in words is not a
total; units as UN/ECE codes (pcs: H87; kg: KGM; carton, ctn: XCT; bag, sac: XBG;
saco, saku: XSA, session 33; box, caja, kaha: XBX; tonne, MT: TNE; drum: XDR; pallet: XPX).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch20 import UnitItem, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _round


def _cells(items: list[UnitItem], money, numbered: bool = False) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Table rows: (number,) description, unit, quantity, unit price, amount."""
    rows = []
    for n, ((t, q, u, p), a) in enumerate(zip(items, _unit_amounts(items), strict=True), 1):
        row = [t, u, q, money(_d(p)), money(a)]
        rows.append([str(n), *row] if numbered else row)
    return rows


def _whole(value: Decimal) -> str:
    """1,234,567: a comma between thousands, no decimals (kyat)."""
    return f"{int(value):,}"


def _dots(value: Decimal) -> str:
    """1.234.567: a dot between thousands, no decimals (kip, Burundi francs)."""
    return f"{int(value):,}".replace(",", ".")


def _nl(value: Decimal) -> str:
    """1.234,56: a dot between thousands, a decimal comma (Curaçao)."""
    return _group(value, "de")


def _fr(value: Decimal) -> str:
    """1 234,56: a space between thousands, a decimal comma (Mauritania)."""
    return _group(value).replace(",", " ").replace(".", ",")


# -- Myanmar: kyat as 'Ks' after the figure, Commercial Tax 5 %, TIN beside a registration no. ---

_MM_ITEMS: list[UnitItem] = [("Emata rice, long grain, 50 kg bag", "800", "bag", "52500"),
                             ("Sesame seed, white, hulled", "12", "MT", "4850000")]  # fmt: skip
_MM_NET = _unit_sum(_MM_ITEMS)  # 100,200,000
_MM_TAX = (_MM_NET * Decimal("0.05")).quantize(Decimal("1"))


def mm_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Ayeyarwady Golden Harvest Co., Ltd.", size=12, bold=True)
    _block(s, 15, 16, ["No. 42, Strand Road, Lanmadaw Township, Yangon, Myanmar",
                       "Company Registration No.: 112233445   TIN: 104567892"],
           size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 20, [("Invoice No.", "AGH-26/1207"), ("Date", "05-Dec-2026"),
                      ("Terms", "LC at sight")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Sold To:", size=9, bold=True)
    _block(s, 15, 37, ["Siam Grain Importers Co., Ltd.", "88 Rama III Road, Yannawa, Bangkok",
                       "Thailand"], size=8)  # fmt: skip
    y = _table(s, 58, [("No.", 15, 10, "L"), ("Description", 26, 70, "L"), ("Unit", 97, 12, "L"),
                       ("Qty", 111, 12, "R"), ("Rate (Ks)", 125, 30, "R"),
                       ("Amount (Ks)", 157, 38, "R")],
               _cells(_MM_ITEMS, _whole, numbered=True))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Sub Total", f"{_whole(_MM_NET)} Ks"),
                                 ("Commercial Tax 5%", f"{_whole(_MM_TAX)} Ks"),
                                 ("Net Amount", f"{_whole(_MM_NET + _MM_TAX)} Ks")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


MM_INVOICE_TRUTH = _truth(
    invoice_number="AGH-26/1207", type_code="380", issue_date="2026-12-05", currency="MMK",
    seller_name="Ayeyarwady Golden Harvest Co., Ltd.", seller_vat_id="104567892",
    seller_country="MM", buyer_name="Siam Grain Importers Co., Ltd.", buyer_country="TH",
    tax_exclusive_total=_plain(_MM_NET), tax_total=_plain(_MM_TAX),
    grand_total=_plain(_MM_NET + _MM_TAX), due_payable=_plain(_MM_NET + _MM_TAX),
    line_items=_unit_lines(_MM_ITEMS, {"bag": "XBG", "MT": "TNE"}),
)  # fmt: skip


# -- Laos: a facture in French, kip as '₭' after the figure, TVA 10 %, a NIF in groups of four ---

_LA_ITEMS: list[UnitItem] = [("Café Arabica vert, Plateau des Bolovens", "2400", "kg",
                              "68000"),
                             ("Thé vert en vrac, cartons de 10 kg", "150", "carton",
                              "415000")]  # fmt: skip
_LA_NET = _unit_sum(_LA_ITEMS)
_LA_TAX = (_LA_NET * Decimal("0.10")).quantize(Decimal("1"))


def la_facture() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Société Lao des Cafés du Plateau", size=12, bold=True)
    _block(s, 15, 16, ["Avenue Lane Xang, Ban Hatsady, Vientiane, RDP Lao",
                       "NIF : 0123 4567 8901   Tél. : +856 21 213 456"], size=7.5)  # fmt: skip
    s.text(150, 10, "FACTURE", size=14, bold=True)
    s.pairs(115, 20, [("Facture n° :", "SLC-2026-0342"),
                      ("Date :", "Vientiane, le 4 décembre 2026")], gap=25, step=4.6)  # fmt: skip
    s.text(15, 32, "Client :", size=9, bold=True)
    _block(s, 15, 37, ["Công ty TNHH Thương mại Hà Thành", "25 Phố Huế, Hai Bà Trưng, Hà Nội",
                       "Viêt Nam"], size=8)  # fmt: skip
    y = _table(s, 58, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. (₭)", 129, 28, "R"),
                       ("Montant (₭)", 159, 36, "R")],
               _cells(_LA_ITEMS, _dots))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total HT", f"{_dots(_LA_NET)} ₭"),
                                 ("TVA 10 %", f"{_dots(_LA_TAX)} ₭"),
                                 ("Total TTC", f"{_dots(_LA_NET + _LA_TAX)} ₭")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


LA_FACTURE_TRUTH = _truth(
    invoice_number="SLC-2026-0342", type_code="380", issue_date="2026-12-04", currency="LAK",
    seller_name="Société Lao des Cafés du Plateau", seller_vat_id="012345678901",
    seller_country="LA", buyer_name="Công ty TNHH Thương mại Hà Thành", buyer_country="VN",
    tax_exclusive_total=_plain(_LA_NET), tax_total=_plain(_LA_TAX),
    grand_total=_plain(_LA_NET + _LA_TAX), due_payable=_plain(_LA_NET + _LA_TAX),
    line_items=_unit_lines(_LA_ITEMS, {"kg": "KGM", "carton": "XCT"}),
)  # fmt: skip


# -- Curaçao: a faktura in Papiamentu, the Caribbean guilder 'Cg', OB 6 %, a CRIB with dots ------

_CW_ITEMS: list[UnitItem] = [("Awa mineral 1.5 L, kaha di 6", "420", "kaha", "14.75"),
                             ("Aros blanku, saku di 10 kg", "180", "saku", "32.40")]  # fmt: skip
_CW_NET = _unit_sum(_CW_ITEMS)
_CW_TAX = _round(_CW_NET * Decimal("0.06"))


def cw_faktura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Distribushon Punda B.V.", size=12, bold=True)
    _block(s, 15, 16, ["Schottegatweg Oost 45, Willemstad, Kòrsou",
                       "KvK: 154321   CRIB: 102.345.678"], size=7.5)  # fmt: skip
    s.text(150, 10, "FAKTURA", size=14, bold=True)
    s.pairs(112, 18, [("Number di faktura:", "DP-26-3310"), ("Fecha:", "3 di desèmber 2026"),
                      ("Kondishon:", "30 dia")], gap=38, step=4.6)  # fmt: skip
    s.text(15, 32, "Kliente:", size=9, bold=True)
    _block(s, 15, 37, ["Supermercado Oranjestad N.V.", "L.G. Smith Boulevard 120, Oranjestad",
                       "Aruba"], size=8)  # fmt: skip
    y = _table(s, 58, [("Deskripshon", 15, 82, "L"), ("Unidat", 99, 14, "L"),
                       ("Kantidat", 113, 14, "R"), ("Preis Cg", 129, 26, "R"),
                       ("Suma Cg", 157, 38, "R")],
               _cells(_CW_ITEMS, _nl))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal", f"Cg {_nl(_CW_NET)}"),
                                 ("OB 6%", f"Cg {_nl(_CW_TAX)}"),
                                 ("Total pa paga", f"Cg {_nl(_CW_NET + _CW_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


CW_FAKTURA_TRUTH = _truth(
    invoice_number="DP-26-3310", type_code="380", issue_date="2026-12-03", currency="XCG",
    seller_name="Distribushon Punda B.V.", seller_vat_id="102345678",
    seller_country="CW", buyer_name="Supermercado Oranjestad N.V.", buyer_country="AW",
    tax_exclusive_total=_plain(_CW_NET), tax_total=_plain(_CW_TAX),
    grand_total=_plain(_CW_NET + _CW_TAX), due_payable=_plain(_CW_NET + _CW_TAX),
    line_items=_unit_lines(_CW_ITEMS, {"kaha": "XBX", "saku": "XSA"}),
)  # fmt: skip


# -- Mauritania: ouguiyas as 'UM' after the figure, TVA 16 %, NIF beside RC, '1er décembre' -------

_MR_ITEMS: list[UnitItem] = [("Poulpe congelé, calibre T5, cartons de 20 kg", "250", "carton",
                              "3450.00"),
                             ("Farine de poisson, 65 % protéines", "40", "tonne",
                              "18200.00")]  # fmt: skip
_MR_NET = _unit_sum(_MR_ITEMS)
_MR_TAX = _round(_MR_NET * Decimal("0.16"))


def mr_facture() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Société Mauritanienne des Produits de la Mer SA", size=12, bold=True)
    _block(s, 15, 16, ["Zone Industrielle du Port, Nouadhibou, Mauritanie",
                       "RC : 4521/2019   NIF : 00123456   Tél. : +222 45 74 12 34"],
           size=7.5)  # fmt: skip
    s.text(150, 24, "FACTURE", size=14, bold=True)
    s.pairs(115, 30, [("N° :", "SMPM/F/2026/0871"),
                      ("Date :", "Nouakchott, le 1er décembre 2026")],
            gap=14, step=4.6)  # fmt: skip
    s.text(15, 32, "Doit :", size=9, bold=True)
    _block(s, 15, 37, ["Société Sénégalaise de Pêche SA", "Route du Môle 10, Dakar",
                       "Sénégal"], size=8)  # fmt: skip
    y = _table(s, 58, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. (UM)", 129, 26, "R"),
                       ("Montant (UM)", 157, 38, "R")],
               _cells(_MR_ITEMS, _fr))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Montant HT", f"{_fr(_MR_NET)} UM"),
                                 ("TVA 16 %", f"{_fr(_MR_TAX)} UM"),
                                 ("Net à payer", f"{_fr(_MR_NET + _MR_TAX)} UM")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


MR_FACTURE_TRUTH = _truth(
    invoice_number="SMPM/F/2026/0871", type_code="380", issue_date="2026-12-01", currency="MRU",
    seller_name="Société Mauritanienne des Produits de la Mer SA", seller_vat_id="00123456",
    seller_country="MR", buyer_name="Société Sénégalaise de Pêche SA", buyer_country="SN",
    tax_exclusive_total=_plain(_MR_NET), tax_total=_plain(_MR_TAX),
    grand_total=_plain(_MR_NET + _MR_TAX), due_payable=_plain(_MR_NET + _MR_TAX),
    line_items=_unit_lines(_MR_ITEMS, {"carton": "XCT", "tonne": "TNE"}),
)  # fmt: skip


# -- Liberia: Liberian dollars 'L$', GST 10 %, 'December 4, 2026', a buyer in Sierra Leone -------

_LR_ITEMS: list[UnitItem] = [("Portland cement, 50 kg bag", "600", "bag", "1850.00"),
                             ("Zinc roofing sheet, 28 gauge, 10 ft", "900", "pcs",
                              "1275.00")]  # fmt: skip
_LR_NET = _unit_sum(_LR_ITEMS)
_LR_TAX = _round(_LR_NET * Decimal("0.10"))


def lr_invoice() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Bushrod Island Building Supplies Inc.", size=12, bold=True)
    _block(s, 15, 16, ["Freeport of Monrovia, Bushrod Island, Monrovia, Liberia",
                       "TIN: 500123456   Business Reg. No.: 0234/2015"], size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 20, [("Invoice #", "BIBS-004512"), ("Date", "December 4, 2026")],
            gap=22, step=4.6)  # fmt: skip
    s.text(15, 32, "Bill To:", size=9, bold=True)
    _block(s, 15, 37, ["Lumley Hardware Company Limited", "14 Wilkinson Road, Freetown",
                       "Sierra Leone"], size=8)  # fmt: skip
    y = _table(s, 58, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price", 129, 26, "R"),
                       ("Amount", 157, 38, "R")],
               _cells(_LR_ITEMS, lambda v: f"L${_group(v)}"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal", f"L${_group(_LR_NET)}"),
                                 ("GST 10%", f"L${_group(_LR_TAX)}"),
                                 ("Total Due", f"L${_group(_LR_NET + _LR_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


LR_INVOICE_TRUTH = _truth(
    invoice_number="BIBS-004512", type_code="380", issue_date="2026-12-04", currency="LRD",
    seller_name="Bushrod Island Building Supplies Inc.", seller_vat_id="500123456",
    seller_country="LR", buyer_name="Lumley Hardware Company Limited", buyer_country="SL",
    tax_exclusive_total=_plain(_LR_NET), tax_total=_plain(_LR_TAX),
    grand_total=_plain(_LR_NET + _LR_TAX), due_payable=_plain(_LR_NET + _LR_TAX),
    line_items=_unit_lines(_LR_ITEMS, {"bag": "XBG", "pcs": "H87"}),
)  # fmt: skip


# -- Nicaragua: córdobas 'C$' (not Canadian), IVA 15 %, a RUC with a letter, a buyer in Costa Rica

_NI_ITEMS: list[UnitItem] = [("Café oro lavado SHG, saco de 69 kg", "320", "saco", "9850.00"),
                             ("Queso seco ahumado, caja de 10 lb", "85", "caja",
                              "2140.00")]  # fmt: skip
_NI_NET = _unit_sum(_NI_ITEMS)
_NI_TAX = _round(_NI_NET * Decimal("0.15"))


def ni_factura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Exportadora Segoviana de Café, S.A.", size=12, bold=True)
    _block(s, 15, 16, ["Km 3 1/2 Carretera Norte, Managua, Nicaragua",
                       "RUC: J0310000012345   Tel.: +505 2251 3344"], size=7.5)  # fmt: skip
    s.text(150, 10, "FACTURA", size=14, bold=True)
    s.pairs(125, 18, [("Factura No.", "ESC-A 004817"), ("Fecha:", "4 de diciembre de 2026"),
                      ("Condición:", "Crédito 30 días")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Cliente:", size=9, bold=True)
    _block(s, 15, 37, ["Distribuidora La Sabana S.A.", "Avenida 10, Calle 22, San José",
                       "Costa Rica"], size=8)  # fmt: skip
    y = _table(s, 58, [("Descripción", 15, 82, "L"), ("U/M", 99, 14, "L"),
                       ("Cant.", 115, 12, "R"), ("Precio C$", 129, 26, "R"),
                       ("Total C$", 157, 38, "R")],
               _cells(_NI_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal", f"C$ {_group(_NI_NET)}"),
                                 ("IVA 15%", f"C$ {_group(_NI_TAX)}"),
                                 ("Total a pagar", f"C$ {_group(_NI_NET + _NI_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


NI_FACTURA_TRUTH = _truth(
    invoice_number="ESC-A 004817", type_code="380", issue_date="2026-12-04", currency="NIO",
    seller_name="Exportadora Segoviana de Café, S.A.", seller_vat_id="J0310000012345",
    seller_country="NI", buyer_name="Distribuidora La Sabana S.A.", buyer_country="CR",
    tax_exclusive_total=_plain(_NI_NET), tax_total=_plain(_NI_TAX),
    grand_total=_plain(_NI_NET + _NI_TAX), due_payable=_plain(_NI_NET + _NI_TAX),
    line_items=_unit_lines(_NI_ITEMS, {"saco": "XSA", "caja": "XBX"}),
)  # fmt: skip


# -- Timor-Leste: a fatura in Tetum, 'Data: 2 Dezembru 2026', US$, no tax ------------------------

_TL_ITEMS: list[UnitItem] = [("Kafé Arabica organiku, green bean", "3600", "kg", "4.85"),
                             ("Kami (candlenut), saku 50 kg", "40", "saku", "92.00")]  # fmt: skip
_TL_TOTAL = _unit_sum(_TL_ITEMS)


def tl_fatura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Kooperativa Kafé Ermera, Lda.", size=12, bold=True)
    _block(s, 15, 16, ["Rua Presidente Nicolau Lobato, Dili, Timor-Leste",
                       "TIN: 1234567   Tel: +670 7723 4567"], size=7.5)  # fmt: skip
    s.text(150, 10, "FATURA", size=14, bold=True)
    s.pairs(118, 18, [("Númeru fatura:", "KKE/2026/077"), ("Data:", "2 Dezembru 2026")],
            gap=32, step=4.6)  # fmt: skip
    s.text(15, 32, "Ba kliente:", size=9, bold=True)
    _block(s, 15, 37, ["PT Kopi Nusantara Makmur", "Jl. Rungkut Industri III No. 12, Surabaya",
                       "Indonesia"], size=8)  # fmt: skip
    y = _table(s, 58, [("Deskrisaun", 15, 82, "L"), ("Unidade", 97, 14, "L"),
                       ("Kuantidade", 112, 19, "R"), ("Presu US$", 133, 22, "R"),
                       ("Montante US$", 157, 38, "R")],
               _cells(_TL_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total tenke selu", f"US$ {_group(_TL_TOTAL)}")],
            width=40, size=9)  # fmt: skip
    return s.output()


TL_FATURA_TRUTH = _truth(
    invoice_number="KKE/2026/077", type_code="380", issue_date="2026-12-02", currency="USD",
    seller_name="Kooperativa Kafé Ermera, Lda.", seller_vat_id="1234567",
    seller_country="TL", buyer_name="PT Kopi Nusantara Makmur", buyer_country="ID",
    grand_total=_plain(_TL_TOTAL), due_payable=_plain(_TL_TOTAL),
    line_items=_unit_lines(_TL_ITEMS, {"kg": "KGM", "saku": "XSA"}),
)  # fmt: skip


# -- Eswatini: emalangeni 'E' before the figure, VAT 15 %, '2026/12/03', a buyer in Mozambique ---

_SZ_ITEMS: list[UnitItem] = [("Brown sugar, 50 kg bag", "1200", "bag", "742.00"),
                             ("Citrus concentrate, 200 L drum", "60", "drum",
                              "3980.00")]  # fmt: skip
_SZ_NET = _unit_sum(_SZ_ITEMS)
_SZ_TAX = _round(_SZ_NET * Decimal("0.15"))


def sz_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Lubombo Agro Processors (Pty) Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Plot 211, King Mswati III Avenue, Matsapha, Eswatini",
                       "VAT Reg. No.: 1002345   Tel: +268 2518 7000"], size=7.5)  # fmt: skip
    s.text(145, 10, "TAX INVOICE", size=13, bold=True)
    s.boxes(115, 18, [("Invoice No.", "LAP-IN-40215"), ("Date", "2026/12/03")], width=40)
    s.text(15, 32, "Customer:", size=9, bold=True)
    _block(s, 15, 37, ["Distribuidora Alimentar do Maputo, Lda", "Av. 24 de Julho 1420, Maputo",
                       "Moçambique"], size=8)  # fmt: skip
    y = _table(s, 58, [("Description", 15, 82, "L"), ("UOM", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Unit Price", 129, 26, "R"),
                       ("Amount", 157, 38, "R")],
               _cells(_SZ_ITEMS, lambda v: f"E {_group(v)}"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total Excl. VAT", f"E {_group(_SZ_NET)}"),
                                 ("VAT 15%", f"E {_group(_SZ_TAX)}"),
                                 ("Total Incl. VAT", f"E {_group(_SZ_NET + _SZ_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


SZ_TAX_INVOICE_TRUTH = _truth(
    invoice_number="LAP-IN-40215", type_code="380", issue_date="2026-12-03", currency="SZL",
    seller_name="Lubombo Agro Processors (Pty) Ltd", seller_vat_id="1002345",
    seller_country="SZ", buyer_name="Distribuidora Alimentar do Maputo, Lda",
    buyer_country="MZ",
    tax_exclusive_total=_plain(_SZ_NET), tax_total=_plain(_SZ_TAX),
    grand_total=_plain(_SZ_NET + _SZ_TAX), due_payable=_plain(_SZ_NET + _SZ_TAX),
    line_items=_unit_lines(_SZ_ITEMS, {"bag": "XBG", "drum": "XDR"}),
)  # fmt: skip


# -- Burundi: francs as 'FBu' after the figure, TVA 18 %, 'le 30 novembre 2026', buyer in Rwanda -

_BI_ITEMS: list[UnitItem] = [("Thé noir CTC, grade BP1, sacs de 60 kg", "180", "sac", "385000"),
                             ("Café lavé Arabica, grade A", "2500", "kg", "14600")]  # fmt: skip
_BI_NET = _unit_sum(_BI_ITEMS)
_BI_TAX = (_BI_NET * Decimal("0.18")).quantize(Decimal("1"))


def bi_facture() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Comptoir Burundais du Thé et du Café SPRL", size=12, bold=True)
    _block(s, 15, 16, ["Boulevard du Peuple Murundi 7, Bujumbura, Burundi",
                       "NIF : 4000123456   RC : 58211"], size=7.5)  # fmt: skip
    s.text(150, 24, "FACTURE", size=14, bold=True)
    s.pairs(115, 30, [("Facture N° :", "CBTC-26-0593"),
                      ("Date :", "Bujumbura, le 30 novembre 2026")], gap=25, step=4.6)  # fmt: skip
    s.text(15, 32, "Client :", size=9, bold=True)
    _block(s, 15, 37, ["Kigali Beverage Traders Ltd", "KN 4 Ave 12, Kigali",
                       "Rwanda"], size=8)  # fmt: skip
    y = _table(s, 58, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. FBu", 129, 26, "R"),
                       ("Prix total FBu", 157, 38, "R")],
               _cells(_BI_ITEMS, _dots))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total HTVA", f"{_dots(_BI_NET)} FBu"),
                                 ("TVA 18 %", f"{_dots(_BI_TAX)} FBu"),
                                 ("Total TVAC", f"{_dots(_BI_NET + _BI_TAX)} FBu")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


BI_FACTURE_TRUTH = _truth(
    invoice_number="CBTC-26-0593", type_code="380", issue_date="2026-11-30", currency="BIF",
    seller_name="Comptoir Burundais du Thé et du Café SPRL", seller_vat_id="4000123456",
    seller_country="BI", buyer_name="Kigali Beverage Traders Ltd", buyer_country="RW",
    tax_exclusive_total=_plain(_BI_NET), tax_total=_plain(_BI_TAX),
    grand_total=_plain(_BI_NET + _BI_TAX), due_payable=_plain(_BI_NET + _BI_TAX),
    line_items=_unit_lines(_BI_ITEMS, {"sac": "XBG", "kg": "KGM"}),
)  # fmt: skip


BATCH32: list[Layout] = [
    Layout("mm-invoice", mm_invoice, MM_INVOICE_TRUTH),
    Layout("la-facture", la_facture, LA_FACTURE_TRUTH),
    Layout("cw-faktura", cw_faktura, CW_FAKTURA_TRUTH),
    Layout("mr-facture", mr_facture, MR_FACTURE_TRUTH),
    Layout("lr-invoice", lr_invoice, LR_INVOICE_TRUTH),
    Layout("ni-factura", ni_factura, NI_FACTURA_TRUTH),
    Layout("tl-fatura", tl_fatura, TL_FATURA_TRUTH),
    Layout("sz-tax-invoice", sz_tax_invoice, SZ_TAX_INVOICE_TRUTH),
    Layout("bi-facture", bi_facture, BI_FACTURE_TRUTH),
]


def write_batch32(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH32)
