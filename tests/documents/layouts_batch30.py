"""A thirtieth batch of hand-written invoices (session 28, reviewi13), written before lead's
batch 29 rules or src/clearlane/documents/ were read in the review: nine layouts out of sample,
from sellers in places no batch 1-29 has (Rwanda, Djibouti, Brunei, Bhutan, the Maldives,
Trinidad and Tobago, Jamaica, Barbados, Belize).

The layouts: a Rwandan facture in French, ``Kigali, le 3 décembre 2026``, a TIN, francs (``FRW``)
without decimals, TVA 18 %, a description wrapping to two lines; a Djiboutian facture proforma,
``1er décembre 2026``, a NIF, francs (``FDJ``) with the total also in US dollars at a stated rate;
a Bruneian invoice in Brunei dollars (``B$``), no tax (Brunei has none), descriptions wrapping;
a Bhutanese invoice in ngultrum (``Nu.``) with Indian grouping (1,23,456.00), a TPN, BST 5 %;
a Maldivian tax invoice in rufiyaa (``MVR``), ``GST TIN``, GST 8 %, the total also in US dollars
at 15.42; a Trinidadian credit note (``TT$``), a BIR No. and a VAT Reg. No., VAT 12.5 %; a
Jamaican invoice (``J$``), a TRN with dashes, GCT 15 %, the total in US dollars for information;
a Barbadian invoice (``BDS$``), a 13-digit TIN, VAT 17.5 %, ``03-Dec-2026``; a Belizean invoice
(``BZ$``), GST 12.5 %, a TIN, ``December 2, 2026``, a description wrapping to two lines.

Ground truth as in the earlier batches (layouts_batch29.py's docstring): what a customs officer
reads on the page, written before any reading. Choices: a credit note's amounts as printed
(positive); a proforma's total is its amount due; an amount in a second currency shown for
information is not a total; a wrapped description is its two lines joined by a space; the
seller's tax id without spaces or punctuation; units as UN/ECE codes (pce, pcs, each: H87; kg:
KGM; carton, ctn: XCT; bag, sac: XBG; box: XBX; m: MTR; litre, L: LTR; roll: XRO).
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


def _wrapped(s: Sheet2, y: float, columns: list[tuple[str, float, float, str]],
             items: list[UnitItem], money, numbered: bool = True, size: float = 8) -> float:  # type: ignore[no-untyped-def]  # fmt: skip
    """A line table whose descriptions may break over two lines (``\\n`` in the item's text):
    the second line under the first, the other cells on the first line."""
    y = _table(s, y, columns, [], size=size)
    desc = 1 if numbered else 0
    for n, ((t, q, u, p), a) in enumerate(zip(items, _unit_amounts(items), strict=True), 1):
        first, _, second = t.partition("\n")
        row = [first, u, q, money(_d(p)), money(a)]
        row = [str(n), *row] if numbered else row
        for (_, x, width, align), value in zip(columns, row, strict=True):
            s.text(x, y, value, size=size, width=width, align=align)
        if second:
            x, width = columns[desc][1], columns[desc][2]
            y += size * 0.45 + 0.9
            s.text(x, y, second, size=size, width=width)
        y += 5.5
    return y


def _cells(items: list[UnitItem], money, numbered: bool = False) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Table rows: (number,) description, unit, quantity, unit price, amount."""
    rows = []
    for n, ((t, q, u, p), a) in enumerate(zip(items, _unit_amounts(items), strict=True), 1):
        row = [t, u, q, money(_d(p)), money(a)]
        rows.append([str(n), *row] if numbered else row)
    return rows


def _joined(items: list[UnitItem]) -> list[UnitItem]:
    return [(t.replace("\n", " "), q, u, p) for t, q, u, p in items]


def _fr(value: Decimal) -> str:
    """1 234 567: a space between thousands, no decimals (Rwandan and Djiboutian francs)."""
    return f"{int(value):,}".replace(",", " ")


# -- Rwanda: a facture in French, TIN, FRW without decimals, TVA 18 %, a wrapped description -----

_RW_ITEMS: list[UnitItem] = [("Café vert arabica fully washed, grade A1,\nsacs jute 60 kg", "40",
                              "sac", "285000"),
                             ("Thé noir CTC BP1, cartons 50 kg", "25", "carton",
                              "142500")]  # fmt: skip
_RW_NET = _unit_sum(_RW_ITEMS)
_RW_TAX = (_RW_NET * Decimal("0.18")).quantize(Decimal("1"))


def rw_facture() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Akagera Coffee & Tea Exporters Ltd", size=12, bold=True)
    _block(s, 15, 16, ["KG 9 Avenue, Nyarutarama, Kigali, Rwanda",
                       "TIN : 102345678   Tél. : +250 788 300 200"], size=7.5)  # fmt: skip
    s.text(140, 10, "FACTURE", size=14, bold=True)
    s.pairs(130, 18, [("Facture n° :", "FA-2026-0412"), ("Date :", "Kigali, le 3 décembre 2026"),
                      ("Échéance :", "30 jours")], gap=25, step=4.6)  # fmt: skip
    s.text(15, 34, "Client :", size=9, bold=True)
    _block(s, 15, 39, ["Kaffeehaus Rösterei Bauer GmbH", "Lindenstraße 14, 20095 Hamburg",
                       "Allemagne"], size=8)  # fmt: skip
    y = _wrapped(s, 58, [("N°", 15, 8, "L"), ("Désignation", 25, 72, "L"),
                         ("Unité", 99, 14, "L"), ("Qté", 115, 12, "R"),
                         ("Prix unit. FRW", 129, 28, "R"), ("Montant FRW", 159, 36, "R")],
                 _RW_ITEMS, _fr)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total HT", f"{_fr(_RW_NET)} FRW"),
                                 ("TVA 18 %", f"{_fr(_RW_TAX)} FRW"),
                                 ("Total TTC", f"{_fr(_RW_NET + _RW_TAX)} FRW")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


RW_FACTURE_TRUTH = _truth(
    invoice_number="FA-2026-0412", type_code="380", issue_date="2026-12-03", currency="RWF",
    seller_name="Akagera Coffee & Tea Exporters Ltd", seller_vat_id="102345678",
    seller_country="RW", buyer_name="Kaffeehaus Rösterei Bauer GmbH", buyer_country="DE",
    tax_exclusive_total=_plain(_RW_NET), tax_total=_plain(_RW_TAX),
    grand_total=_plain(_RW_NET + _RW_TAX), due_payable=_plain(_RW_NET + _RW_TAX),
    line_items=_unit_lines(_joined(_RW_ITEMS), {"sac": "XBG", "carton": "XCT"}),
)  # fmt: skip


# -- Djibouti: a facture proforma, '1er décembre 2026', NIF, FDJ with a US-dollar total at a rate -

_DJ_ITEMS: list[UnitItem] = [("Sel marin raffiné iodé, sacs 50 kg", "800", "sac", "2650"),
                             ("Eau minérale 1,5 L, pack de 6", "1200", "pce", "720")]  # fmt: skip
_DJ_TOTAL = _unit_sum(_DJ_ITEMS)


def dj_facture_proforma() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Société Commerciale du Golfe de Tadjourah SARL", size=11.5, bold=True)
    _block(s, 15, 16, ["Boulevard de la République, BP 2145, Djibouti",
                       "République de Djibouti   NIF : 701234567"], size=7.5)  # fmt: skip
    s.text(130, 28, "FACTURE PROFORMA", size=13, bold=True)
    s.pairs(130, 36, [("N° :", "PF-26/118"), ("Date :", "1er décembre 2026"),
                      ("Validité :", "30 jours")], gap=20, step=4.6)  # fmt: skip
    s.text(15, 36, "Destinataire :", size=9, bold=True)
    _block(s, 15, 41, ["Ethio Agro Trading PLC", "Bole Sub City, Woreda 03, Addis Abeba",
                       "Éthiopie"], size=8)  # fmt: skip
    y = _table(s, 62, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. FDJ", 129, 28, "R"),
                       ("Montant FDJ", 159, 36, "R")],
               _cells(_DJ_ITEMS, _fr))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total FDJ", _fr(_DJ_TOTAL)),
                                     ("Net à payer FDJ", _fr(_DJ_TOTAL))],
                width=40, size=9)  # fmt: skip
    usd = _round(_DJ_TOTAL / Decimal("177.72"))
    _block(s, 15, y + 5, ["Contre-valeur à titre indicatif : "
                          f"USD {_group(usd)} (1 USD = 177,72 FDJ).",
                          "Exonéré de TVA : marchandises destinées à la réexportation."],
           size=7.5)  # fmt: skip
    return s.output()


DJ_FACTURE_PROFORMA_TRUTH = _truth(
    invoice_number="PF-26/118", type_code="325", issue_date="2026-12-01", currency="DJF",
    seller_name="Société Commerciale du Golfe de Tadjourah SARL", seller_vat_id="701234567",
    seller_country="DJ", buyer_name="Ethio Agro Trading PLC", buyer_country="ET",
    grand_total=_plain(_DJ_TOTAL), due_payable=_plain(_DJ_TOTAL),
    line_items=_unit_lines(_DJ_ITEMS, {"sac": "XBG", "pce": "H87"}),
)  # fmt: skip


# -- Brunei: B$, no tax, descriptions wrapping to two lines ---------------------------------------

_BN_ITEMS: list[UnitItem] = [("Stainless steel pipe 316L, 2 inch SCH40,\n6 m length, mill finish",
                              "60", "pcs", "412.00"),
                             ("Gate valve, flanged, class 150, 4 inch,\nAPI 600, carbon steel",
                              "12", "pcs", "1185.00"),
                             ("PTFE gasket sheet 3 mm", "20", "m", "64.50")]  # fmt: skip
_BN_NET = _unit_sum(_BN_ITEMS)


def bn_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Seria Offshore Supplies Sdn Bhd", size=12, bold=True)
    _block(s, 15, 16, ["Unit 4, Simpang 88, Jalan Maulana, Kuala Belait KA1131",
                       "Negara Brunei Darussalam   Tel: +673 333 4512"], size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 18, [("Invoice No.", "SOS/INV/26/0977"), ("Date", "04/12/2026"),
                      ("Terms", "Net 30")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Sold to:", size=9, bold=True)
    _block(s, 15, 37, ["Temburong Engineering Works", "Lot 22, Jalan Batang Duri, Bangar",
                       "Temburong PA1151, Brunei"], size=8)  # fmt: skip
    y = _wrapped(s, 56, [("No", 15, 8, "L"), ("Description", 25, 72, "L"),
                         ("Unit", 99, 12, "L"), ("Qty", 113, 14, "R"),
                         ("Unit Price B$", 129, 28, "R"), ("Amount B$", 159, 36, "R")],
                 _BN_ITEMS, _group)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total Amount", f"B$ {_group(_BN_NET)}")], width=40,
            size=9)  # fmt: skip
    return s.output()


BN_INVOICE_TRUTH = _truth(
    invoice_number="SOS/INV/26/0977", type_code="380", issue_date="2026-12-04", currency="BND",
    seller_name="Seria Offshore Supplies Sdn Bhd", seller_country="BN",
    buyer_name="Temburong Engineering Works", buyer_country="BN",
    grand_total=_plain(_BN_NET), due_payable=_plain(_BN_NET),
    line_items=_unit_lines(_joined(_BN_ITEMS), {"pcs": "H87", "m": "MTR"}),
)  # fmt: skip


# -- Bhutan: ngultrum 'Nu.' with Indian grouping, a TPN, BST 5 % -----------------------------------

_BT_ITEMS: list[UnitItem] = [("Ferro silicon 70 %, 10-50 mm lumps", "24", "MT", "98500.00"),
                             ("Jumbo bags, 1 MT, polypropylene", "24", "bag",
                              "1450.00")]  # fmt: skip
_BT_NET = _unit_sum(_BT_ITEMS)
_BT_TAX = _round(_BT_NET * Decimal("0.05"))


def _nu(value: Decimal) -> str:
    return f"Nu. {_group(value, 'in')}"


def bt_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Druk Ferro Alloys Private Limited", size=12, bold=True)
    _block(s, 15, 16, ["Pasakha Industrial Estate, Phuentsholing, Chhukha",
                       "Bhutan   TPN: DAA12345   Ph: +975 5 271 234"], size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 18, [("Invoice No:", "DFA/26-27/0318"), ("Date:", "2 December 2026"),
                      ("Vehicle No:", "BG-2-A1234")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Buyer:", size=9, bold=True)
    _block(s, 15, 37, ["Tashi Steel Works Pvt. Ltd.", "Gelephu Industrial Area, Sarpang",
                       "Bhutan   TPN: TAB67890"], size=8)  # fmt: skip
    y = _table(s, 56, [("Sl.", 15, 8, "L"), ("Description", 25, 70, "L"), ("Unit", 97, 12, "L"),
                       ("Qty", 111, 12, "R"), ("Rate (Nu.)", 125, 30, "R"),
                       ("Amount (Nu.)", 157, 38, "R")],
               _cells(_BT_ITEMS, lambda v: _group(v, "in"), numbered=True))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Taxable Value", _nu(_BT_NET)), ("BST @ 5%", _nu(_BT_TAX)),
                                 ("Invoice Total", _nu(_BT_NET + _BT_TAX))],
            width=40, size=8.5)  # fmt: skip
    return s.output()


BT_INVOICE_TRUTH = _truth(
    invoice_number="DFA/26-27/0318", type_code="380", issue_date="2026-12-02", currency="BTN",
    seller_name="Druk Ferro Alloys Private Limited", seller_vat_id="DAA12345",
    seller_country="BT", buyer_name="Tashi Steel Works Pvt. Ltd.", buyer_country="BT",
    tax_exclusive_total=_plain(_BT_NET), tax_total=_plain(_BT_TAX),
    grand_total=_plain(_BT_NET + _BT_TAX), due_payable=_plain(_BT_NET + _BT_TAX),
    line_items=_unit_lines(_BT_ITEMS, {"MT": "TNE", "bag": "XBG"}),
)  # fmt: skip


# -- Maldives: MVR, GST TIN, GST 8 %, the total also in US dollars at 15.42 -----------------------

_MV_ITEMS: list[UnitItem] = [("Frozen skipjack tuna loins, vacuum packed", "1800", "kg",
                              "68.50"),
                             ("Canned tuna in brine 185 g, 48 per carton", "350", "ctn",
                              "742.00")]  # fmt: skip
_MV_NET = _unit_sum(_MV_ITEMS)
_MV_TAX = _round(_MV_NET * Decimal("0.08"))


def mv_tax_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Maldive Ocean Harvest Pvt Ltd", size=12, bold=True)
    _block(s, 15, 16, ["H. Coral Villa, Boduthakurufaanu Magu, Malé 20057",
                       "Republic of Maldives   GST TIN: 1023456GST501"], size=7.5)  # fmt: skip
    s.text(140, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(130, 18, [("Invoice #", "MOH-INV-2026-1204"), ("Date", "03 Dec 2026"),
                      ("Currency", "MVR")], gap=20, step=4.6)  # fmt: skip
    s.text(15, 32, "Customer:", size=9, bold=True)
    _block(s, 15, 37, ["Sun Island Resorts Pvt Ltd", "M. Sun Villa, Majeedhee Magu, Malé",
                       "Maldives   GST TIN: 1009876GST501"], size=8)  # fmt: skip
    y = _table(s, 56, [("#", 15, 8, "L"), ("Description", 25, 72, "L"), ("Unit", 99, 12, "L"),
                       ("Qty", 113, 14, "R"), ("Rate", 129, 26, "R"), ("Amount", 157, 38, "R")],
               _cells(_MV_ITEMS, _group, numbered=True))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    total = _MV_NET + _MV_TAX
    y = _totals(s, 100, 155, y + 3, [("Sub Total (MVR)", _group(_MV_NET)),
                                     ("GST 8% (MVR)", _group(_MV_TAX)),
                                     ("Total (MVR)", _group(total))],
                width=40, size=8.5)  # fmt: skip
    usd = _round(total / Decimal("15.42"))
    _block(s, 15, y + 5, ["Equivalent for information only: "
                          f"USD {_group(usd)} at 1 USD = 15.42 MVR.",
                          "Bank of Maldives, account 7730000123456"], size=7.5)  # fmt: skip
    return s.output()


MV_TAX_INVOICE_TRUTH = _truth(
    invoice_number="MOH-INV-2026-1204", type_code="380", issue_date="2026-12-03", currency="MVR",
    seller_name="Maldive Ocean Harvest Pvt Ltd", seller_vat_id="1023456GST501",
    seller_country="MV", buyer_name="Sun Island Resorts Pvt Ltd", buyer_country="MV",
    tax_exclusive_total=_plain(_MV_NET), tax_total=_plain(_MV_TAX),
    grand_total=_plain(_MV_NET + _MV_TAX), due_payable=_plain(_MV_NET + _MV_TAX),
    line_items=_unit_lines(_MV_ITEMS, {"kg": "KGM", "ctn": "XCT"}),
)  # fmt: skip


# -- Trinidad and Tobago: a credit note, TT$, BIR No. and VAT Reg. No., VAT 12.5 % ----------------

_TT_ITEMS: list[UnitItem] = [("Return: PVC conduit 25 mm x 3 m, damaged", "150", "each", "18.75"),
                             ("Return: cable THHN 12 AWG, 100 m roll", "8", "roll",
                              "615.00")]  # fmt: skip
_TT_NET = _unit_sum(_TT_ITEMS)
_TT_TAX = _round(_TT_NET * Decimal("0.125"))


def tt_credit_note() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Caroni Electrical Distributors Limited", size=12, bold=True)
    _block(s, 15, 16, ["14 Southern Main Road, Chaguanas, Trinidad and Tobago",
                       "BIR No.: 123456-7   VAT Reg. No.: 100234"], size=7.5)  # fmt: skip
    s.text(140, 10, "CREDIT NOTE", size=13, bold=True)
    s.pairs(130, 18, [("Credit Note No.", "CN-004417"), ("Date", "04/12/2026"),
                      ("Against Invoice", "INV-118820")], gap=33, step=4.6)  # fmt: skip
    s.text(15, 32, "Customer:", size=9, bold=True)
    _block(s, 15, 37, ["San Fernando Builders Mart Ltd", "22 Coffee Street, San Fernando",
                       "Trinidad and Tobago"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 12, "L"),
                       ("Qty", 113, 14, "R"), ("Unit Price", 129, 26, "R"),
                       ("Amount TT$", 157, 38, "R")],
               _cells(_TT_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Sub-total", f"TT$ {_group(_TT_NET)}"),
                                 ("VAT @ 12.5%", f"TT$ {_group(_TT_TAX)}"),
                                 ("Total Credit", f"TT$ {_group(_TT_NET + _TT_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


TT_CREDIT_NOTE_TRUTH = _truth(
    invoice_number="CN-004417", type_code="381", issue_date="2026-12-04", currency="TTD",
    seller_name="Caroni Electrical Distributors Limited", seller_vat_id="100234",
    seller_country="TT", buyer_name="San Fernando Builders Mart Ltd", buyer_country="TT",
    tax_exclusive_total=_plain(_TT_NET), tax_total=_plain(_TT_TAX),
    grand_total=_plain(_TT_NET + _TT_TAX), due_payable=_plain(_TT_NET + _TT_TAX),
    line_items=_unit_lines(_TT_ITEMS, {"each": "H87", "roll": "XRO"}),
)  # fmt: skip


# -- Jamaica: J$, a TRN with dashes, GCT 15 %, the total in US dollars for information ------------

_JM_ITEMS: list[UnitItem] = [("Blue Mountain coffee, roasted whole bean 1 lb", "240", "bag",
                              "6850.00"),
                             ("Jamaican rum cake 16 oz, gift box", "180", "box",
                              "2450.00")]  # fmt: skip
_JM_NET = _unit_sum(_JM_ITEMS)
_JM_TAX = _round(_JM_NET * Decimal("0.15"))


def jm_invoice() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Mavis Bank Heritage Foods Limited", size=12, bold=True)
    _block(s, 15, 16, ["31 Constant Spring Road, Kingston 10, Jamaica W.I.",
                       "TRN: 001-234-567   GCT Reg. No.: 001-234-567"], size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 18, [("Invoice No:", "MBH-26-03318"), ("Date:", "December 3, 2026"),
                      ("Terms:", "30 days")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 32, "Bill To:", size=9, bold=True)
    _block(s, 15, 37, ["Montego Bay Duty Free Ltd", "Shop 12, Sangster International Airport",
                       "Montego Bay, St. James, Jamaica"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 12, "L"),
                       ("Qty", 113, 14, "R"), ("Price J$", 129, 26, "R"),
                       ("Total J$", 157, 38, "R")],
               _cells(_JM_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    total = _JM_NET + _JM_TAX
    y = _totals(s, 100, 155, y + 3, [("Subtotal", f"J${_group(_JM_NET)}"),
                                     ("GCT 15%", f"J${_group(_JM_TAX)}"),
                                     ("Amount Due", f"J${_group(total)}")],
                width=40, size=8.5)  # fmt: skip
    usd = _round(total / Decimal("157.80"))
    _block(s, 15, y + 5, ["US$ equivalent (for information): "
                          f"US${_group(usd)} at J$157.80 = US$1.",
                          "Please pay to NCB, Knutsford Blvd, account 351 234 567"],
           size=7.5)  # fmt: skip
    return s.output()


JM_INVOICE_TRUTH = _truth(
    invoice_number="MBH-26-03318", type_code="380", issue_date="2026-12-03", currency="JMD",
    seller_name="Mavis Bank Heritage Foods Limited", seller_vat_id="001234567",
    seller_country="JM", buyer_name="Montego Bay Duty Free Ltd", buyer_country="JM",
    tax_exclusive_total=_plain(_JM_NET), tax_total=_plain(_JM_TAX),
    grand_total=_plain(_JM_NET + _JM_TAX), due_payable=_plain(_JM_NET + _JM_TAX),
    line_items=_unit_lines(_JM_ITEMS, {"bag": "XBG", "box": "XBX"}),
)  # fmt: skip


# -- Barbados: BDS$, a 13-digit TIN, VAT 17.5 %, '03-Dec-2026' -----------------------------------

_BB_ITEMS: list[UnitItem] = [("Mount Gay rum, 700 ml, case of 12", "60", "case", "410.00"),
                             ("Cane sugar, Demerara, 50 kg sack", "40", "sack",
                              "96.50")]  # fmt: skip
_BB_NET = _unit_sum(_BB_ITEMS)
_BB_TAX = _round(_BB_NET * Decimal("0.175"))


def bb_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Bridgetown Island Provisions Inc.", size=12, bold=True)
    _block(s, 15, 16, ["Spring Garden Highway, St. Michael BB11000, Barbados",
                       "TIN: 1000123456789"], size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.boxes(100, 18, [("Invoice No.", "BIP-77120"), ("Date", "03-Dec-2026")], width=45)
    s.text(15, 32, "Customer:", size=9, bold=True)
    _block(s, 15, 37, ["Grenadine Yacht Services Ltd", "Port Elizabeth, Bequia",
                       "St. Vincent and the Grenadines"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 12, "L"),
                       ("Qty", 113, 14, "R"), ("Unit BDS$", 129, 26, "R"),
                       ("Amount BDS$", 157, 38, "R")],
               _cells(_BB_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Net", f"BDS$ {_group(_BB_NET)}"),
                                 ("VAT 17.5%", f"BDS$ {_group(_BB_TAX)}"),
                                 ("Total Due", f"BDS$ {_group(_BB_NET + _BB_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


BB_INVOICE_TRUTH = _truth(
    invoice_number="BIP-77120", type_code="380", issue_date="2026-12-03", currency="BBD",
    seller_name="Bridgetown Island Provisions Inc.", seller_vat_id="1000123456789",
    seller_country="BB", buyer_name="Grenadine Yacht Services Ltd", buyer_country="VC",
    tax_exclusive_total=_plain(_BB_NET), tax_total=_plain(_BB_TAX),
    grand_total=_plain(_BB_NET + _BB_TAX), due_payable=_plain(_BB_NET + _BB_TAX),
    line_items=_unit_lines(_BB_ITEMS, {"case": "XCS", "sack": "XSA"}),
)  # fmt: skip


# -- Belize: BZ$, GST 12.5 %, a TIN, 'December 2, 2026', a wrapped description -------------------

_BZ_ITEMS: list[UnitItem] = [("Citrus juice concentrate, orange, frozen,\n65 Brix, 200 L drums",
                              "40", "drum", "1320.00"),
                             ("Hot pepper sauce 5 oz, 24 per case", "300", "case",
                              "58.00")]  # fmt: skip
_BZ_NET = _unit_sum(_BZ_ITEMS)
_BZ_TAX = _round(_BZ_NET * Decimal("0.125"))


def bz_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Stann Creek Agro Processors Ltd.", size=12, bold=True)
    _block(s, 15, 16, ["Mile 2 Hummingbird Highway, Dangriga, Stann Creek District",
                       "Belize, C.A.   TIN: 000123456"], size=7.5)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 18, [("Invoice:", "SCAP-2026-0833"), ("Date:", "December 2, 2026"),
                      ("Due:", "January 1, 2027")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 32, "Invoice To:", size=9, bold=True)
    _block(s, 15, 37, ["Yucatán Bebidas S.A. de C.V.", "Calle 60 No. 455, Centro, Mérida",
                       "Yucatán, México"], size=8)  # fmt: skip
    y = _wrapped(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 12, "L"),
                         ("Qty", 113, 14, "R"), ("Price BZ$", 129, 26, "R"),
                         ("Amount BZ$", 157, 38, "R")], _BZ_ITEMS, _group,
                 numbered=False)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Sub Total", f"BZ${_group(_BZ_NET)}"),
                                 ("GST 12.5%", f"BZ${_group(_BZ_TAX)}"),
                                 ("Total", f"BZ${_group(_BZ_NET + _BZ_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


BZ_INVOICE_TRUTH = _truth(
    invoice_number="SCAP-2026-0833", type_code="380", issue_date="2026-12-02", currency="BZD",
    seller_name="Stann Creek Agro Processors Ltd.", seller_vat_id="000123456",
    seller_country="BZ", buyer_name="Yucatán Bebidas S.A. de C.V.", buyer_country="MX",
    tax_exclusive_total=_plain(_BZ_NET), tax_total=_plain(_BZ_TAX),
    grand_total=_plain(_BZ_NET + _BZ_TAX), due_payable=_plain(_BZ_NET + _BZ_TAX),
    line_items=_unit_lines(_joined(_BZ_ITEMS), {"drum": "XDR", "case": "XCS"}),
)  # fmt: skip


BATCH30: list[Layout] = [
    Layout("rw-facture", rw_facture, RW_FACTURE_TRUTH),
    Layout("dj-facture-proforma", dj_facture_proforma, DJ_FACTURE_PROFORMA_TRUTH),
    Layout("bn-invoice", bn_invoice, BN_INVOICE_TRUTH),
    Layout("bt-invoice", bt_invoice, BT_INVOICE_TRUTH),
    Layout("mv-tax-invoice", mv_tax_invoice, MV_TAX_INVOICE_TRUTH),
    Layout("tt-credit-note", tt_credit_note, TT_CREDIT_NOTE_TRUTH),
    Layout("jm-invoice", jm_invoice, JM_INVOICE_TRUTH),
    Layout("bb-invoice", bb_invoice, BB_INVOICE_TRUTH),
    Layout("bz-invoice", bz_invoice, BZ_INVOICE_TRUTH),
]


def write_batch30(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH30)
