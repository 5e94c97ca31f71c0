"""The forty-ninth batch of hand-written invoices (session 37, review i22), written and committed
before invoices34's diff or the reader's code was read, from its commit messages and batch 48
only: fourteen layouts whose pages hold what invoices34's new readings key on, where it means
something else, as real invoices print it.

Columns: a US distributor's ``Qty | Units`` where ``Units`` holds the unit of measure (EA, BOX,
ROLL), not a count; a Canadian ``Ordered | Shipped | B/O | Units`` table (Sage style); a Chinese
exporter's ``Packing`` column of package types (``25 kg PP woven bags``) beside a ``Unit``
column in MT and a ``CIF US$/MT`` price; a Turkish weaver's pro forma with ``Packing`` in rolls
and bales beside metres and ``EUR/m``.

Currencies in ``kr``: a Swedish seller (``Sverige``, ``Momsreg.nr SE…``) and a Danish one
(``Danmark``, ``8. december 2026``) billing Norwegian buyers whose ``NO … MVA`` ids are printed.

Tax ids: a Chilean exporter (R.U.T. box) billing an Argentine buyer with a CUIT under the title
box; an Argentine factura A whose seller's CUIT is in the letterhead and whose receptor's CUIT
sits under the title box; a US shipper's courier form with its ``Tax ID/VAT/EIN No.`` left
blank above a grouped phone number, the UAE consignee's TRN in groups; a Hungarian invoice with
only an Adószám and a Cégjegyzékszám, dates in words first for delivery and due, ``Kelt: Győr,
2026. december 8.`` at the foot.

Numbers: a Romanian factura without a series whose delegate's identity card is ``seria PH nr.
712345``; a Portuguese fatura with ``N.º Cliente``, ``N.º Contribuinte`` and ``N.º Encomenda``
around ``N.º Doc.``; a Lithuanian ``PVM SĄSKAITA FAKTŪRA`` ``Serija LTK Nr. 004512`` dated
``2026 m. gruodžio 8 d.``; a Latvian ``RĒĶINS`` dated ``2026. gada 8. decembris``.

Ground truth by docs/documents.md's "Ground-truth conventions" (series and number apart: both,
one space; the invoiced quantity is the shipped one; a Units column of EA/BOX/ROLL is the unit;
ids without separators, prefixes as printed; ``kr`` by the seller's country; a blank tax id
field: none; no tax line: no net nor tax total; freight after a subtotal: no net; CAD, USD named
as codes; Argentina's ``$`` alone: none; units EA/gab./db/vnt. H87, BOX/CAJA XBX, ROLL/Rolls XRO,
MT TNE, kg KGM, m MTR, stk H87).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _sp, _totals
from tests.documents.layouts_batch20 import UnitItem, _de, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_batch44 import _cols5, _rows, _tax
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain

H87, KGM, MTR = "H87", "KGM", "MTR"


def _spaces(value: Decimal) -> str:
    """1 234 567: spaces between thousands, no decimals (forints)."""
    return f"{int(value):,}".replace(",", " ")


# -- United States: 'Qty | Units' where Units is the unit of measure --------------------------

_US_ITEMS: list[UnitItem] = [("Nitrile exam gloves, large, 100/box", "40", "BOX", "8.95"),
                             ("Shop towel, blue, 12 in x 14 in", "12", "ROLL", "14.20"),
                             ("Safety glasses, clear anti-fog", "60", "EA", "3.15")]  # fmt: skip
_US_NET = _unit_sum(_US_ITEMS)
_US_TAX = _tax(_US_NET, "6.25")


def us_units_uom() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Keystone Industrial Supply, Inc.", size=13, bold=True)
    _block(s, 15, 19, ["410 Mill Street, Worcester, MA 01608, United States",
                       "Phone 508-555-0174   keystonesupply.com"], size=7.5)  # fmt: skip
    s.text(160, 12, "INVOICE", size=14, bold=True)
    s.pairs(135, 22, [("Invoice No.", "KIS-118204"), ("Invoice Date", "12/08/2026"),
                      ("Customer No.", "C-2291"), ("Terms", "Net 30")], gap=26,
            step=4.6)  # fmt: skip
    s.text(15, 34, "Bill To", size=8, bold=True)
    _block(s, 15, 39, ["Blackstone Valley Fabrication LLC", "22 Canal St",
                       "Millbury, MA 01527"], size=8.5)  # fmt: skip
    cols = [("Qty", 15, 12, "R"), ("Units", 29, 14, "L"), ("Item #", 44, 22, "L"),
            ("Description", 67, 72, "L"), ("Unit Price", 140, 24, "R"),
            ("Extension", 165, 30, "R")]  # fmt: skip
    codes = ["GLV-NL-100", "TWL-BL-1214", "SGL-CLR-AF"]
    rows = [[q, u, c, t, _group(_d(p)), _group(a)]
            for (t, q, u, p), a, c in zip(_US_ITEMS, _unit_amounts(_US_ITEMS), codes,
                                          strict=True)]  # fmt: skip
    y = _table(s, 62, cols, rows, size=8)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 120, 165, y + 3, [("Subtotal", _group(_US_NET)),
                                     ("MA Sales Tax 6.25%", _group(_US_TAX)),
                                     ("Invoice Total", f"${_group(_US_NET + _US_TAX)}")],
                width=30, size=8.5)  # fmt: skip
    s.text(15, y + 4, "Please remit to Keystone Industrial Supply, Inc., PO Box 4410, Worcester, "
                      "MA 01614.", size=7)  # fmt: skip
    return s.output()


US_UNITS_TRUTH = _truth(
    invoice_number="KIS-118204", type_code="380", issue_date="2026-12-08", currency="USD",
    seller_name="Keystone Industrial Supply, Inc.", seller_country="US",
    buyer_name="Blackstone Valley Fabrication LLC",
    tax_exclusive_total=_plain(_US_NET), tax_total=_plain(_US_TAX),
    grand_total=_plain(_US_NET + _US_TAX), due_payable=_plain(_US_NET + _US_TAX),
    line_items=_unit_lines(_US_ITEMS, {"BOX": "XBX", "ROLL": "XRO", "EA": H87}),
)  # fmt: skip


# -- Canada: 'Ordered | Shipped | B/O | Units', GST/HST, CAD ----------------------------------

_CA_ITEMS: list[UnitItem] = [("Hockey stick, senior, 85 flex", "24", "EA", "129.00"),
                             ("Hockey tape, black, 24 mm x 25 m", "10", "BOX", "46.80"),
                             ("Skate laces, waxed, 108 in", "36", "EA", "6.40")]  # fmt: skip
_CA_NET = _unit_sum(_CA_ITEMS)
_CA_TAX = _tax(_CA_NET, "13")


def ca_ordered_shipped() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Northern Blade Sports Ltd.", size=13, bold=True)
    _block(s, 15, 19, ["85 Industrial Pkwy N, Aurora, ON L4G 4C4, Canada",
                       "GST/HST Reg. No. 70645 2281 RT0001"], size=7.5)  # fmt: skip
    s.text(150, 12, "INVOICE", size=14, bold=True)
    s.pairs(135, 22, [("Invoice #", "NB-60417"), ("Date", "Dec 8, 2026"),
                      ("Your PO", "4500-1187"), ("Currency", "CAD")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 34, "Sold To", size=8, bold=True)
    _block(s, 15, 39, ["Rink Side Pro Shop Inc.", "1200 Bank St, Ottawa, ON K1S 3Y1"],
           size=8.5)  # fmt: skip
    cols = [("Ordered", 15, 14, "R"), ("Shipped", 30, 14, "R"), ("B/O", 45, 9, "R"),
            ("Units", 56, 12, "L"), ("Description", 69, 72, "L"), ("Unit Price", 142, 24, "R"),
            ("Amount", 167, 28, "R")]  # fmt: skip
    rows = [
        [q, q, "0", u, t, _group(_d(p)), _group(a)]
        for (t, q, u, p), a in zip(_CA_ITEMS, _unit_amounts(_CA_ITEMS), strict=True)
    ]
    y = _table(s, 58, cols, rows, size=8)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 125, 167, y + 3, [("Subtotal", _group(_CA_NET)),
                                     ("HST 13%", _group(_CA_TAX)),
                                     ("Total CAD", _group(_CA_NET + _CA_TAX))], width=28,
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "Back-ordered items ship free of charge when available.", size=7)
    return s.output()


CA_SHIPPED_TRUTH = _truth(
    invoice_number="NB-60417", type_code="380", issue_date="2026-12-08", currency="CAD",
    seller_name="Northern Blade Sports Ltd.", seller_vat_id="706452281RT0001",
    seller_country="CA", buyer_name="Rink Side Pro Shop Inc.",
    tax_exclusive_total=_plain(_CA_NET), tax_total=_plain(_CA_TAX),
    grand_total=_plain(_CA_NET + _CA_TAX), due_payable=_plain(_CA_NET + _CA_TAX),
    line_items=_unit_lines(_CA_ITEMS, {"EA": H87, "BOX": "XBX"}),
)  # fmt: skip


# -- China: commercial invoice, 'Packing' of package types, 'Unit' MT, 'CIF US$/MT' ----------

_CN_ITEMS: list[UnitItem] = [("Citric acid monohydrate, BP2020, 30-100 mesh", "20", "MT", "815.00"),
                             ("Sodium citrate dihydrate, food grade", "5", "MT",
                              "1040.00")]  # fmt: skip
_CN_NET = _unit_sum(_CN_ITEMS)


def cn_packing_types() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "WEIFANG ENSIGN BIOCHEM CO., LTD.", size=12, bold=True)
    _block(s, 15, 19, ["No. 1688 Fuyuan Road, Changle County, Weifang, Shandong, China",
                       "Tel: +86 536 6212 345   Fax: +86 536 6212 346"], size=7.5)  # fmt: skip
    s.text(80, 32, "COMMERCIAL INVOICE", size=13, bold=True)
    s.pairs(130, 42, [("Invoice No.:", "WE26-1208"), ("Date:", "DEC. 08, 2026"),
                      ("S/C No.:", "WE26SC0917"), ("Terms:", "CIF Jakarta")], gap=22,
            step=4.6)  # fmt: skip
    s.text(15, 42, "To:", size=8, bold=True)
    _block(s, 15, 47, ["PT Sinar Rasa Makmur", "Jl. Industri Raya Blok B2, Cikarang, Bekasi",
                       "Indonesia"], size=8.5)  # fmt: skip
    cols = [("Description of Goods", 15, 66, "L"), ("Packing", 82, 30, "L"),
            ("Quantity", 113, 15, "R"), ("Unit", 130, 9, "L"), ("CIF US$/MT", 140, 22, "R"),
            ("Amount US$", 163, 32, "R")]  # fmt: skip
    packing = ["25 kg PP woven bags", "1,000 kg jumbo bags"]
    rows = [[t, k, q, u, _group(_d(p)), _group(a)]
            for (t, q, u, p), a, k in zip(_CN_ITEMS, _unit_amounts(_CN_ITEMS), packing,
                                          strict=True)]  # fmt: skip
    y = _table(s, 66, cols, rows, size=8)
    s.pdf.line(15, y, 195, y)
    s.text(15, y + 3, "TOTAL: 800 BAGS + 5 JUMBO BAGS", size=8.5, bold=True)
    s.text(113, y + 3, "25", size=8.5, bold=True, width=15, align="R")
    s.text(150, y + 3, f"US$ {_group(_CN_NET)}", size=8.5, bold=True, width=45, align="R")
    _block(s, 15, y + 12, ["Say: US Dollars Twenty-One Thousand Five Hundred Only.",
                           "Shipping marks: N/M.  Port of loading: Qingdao, China.",
                           "Beneficiary bank: Bank of China, Weifang Branch, SWIFT BKCHCNBJ500"],
           size=7.5)  # fmt: skip
    return s.output()


CN_PACKING_TRUTH = _truth(
    invoice_number="WE26-1208", type_code="380", issue_date="2026-12-08", currency="USD",
    seller_name="WEIFANG ENSIGN BIOCHEM CO., LTD.", seller_country="CN",
    buyer_name="PT Sinar Rasa Makmur", buyer_country="ID",
    grand_total=_plain(_CN_NET), due_payable=_plain(_CN_NET),
    line_items=_unit_lines(_CN_ITEMS, {"MT": "TNE"}),
)  # fmt: skip


# -- Türkiye: weaver's PROFORMA, 'Packing' rolls and bales, metres, 'EUR/m' -------------------

_TR_ITEMS: list[UnitItem] = [("Denim 12 oz, indigo, 150 cm", "6400", "m", "3.45"),
                             ("Canvas 100% cotton, natural, 160 cm", "3800", "m",
                              "2.90")]  # fmt: skip
_TR_NET = _unit_sum(_TR_ITEMS)


def tr_proforma_packing() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Uludağ Dokuma Tekstil San. ve Tic. A.Ş.", size=12, bold=True)
    _block(s, 15, 19, ["Demirtaş OSB, Ali Osman Sönmez Cad. No: 14, 16245 Osmangazi / Bursa, "
                       "Türkiye", "Vergi Dairesi: Uludağ   Vergi No: 8890451276"],
           size=7.5)  # fmt: skip
    s.text(135, 32, "PROFORMA FATURA", size=12, bold=True)
    s.pairs(135, 40, [("No:", "UDT-PF-2026-214"), ("Tarih:", "8 Aralık 2026"),
                      ("Teslim:", "EXW Bursa")], gap=18, step=4.6)  # fmt: skip
    s.text(15, 36, "Alıcı / Buyer", size=8, bold=True)
    _block(s, 15, 41, ["Rheintal Textilhandel GmbH", "Industriestraße 9, 79576 Weil am Rhein",
                       "Deutschland"], size=8.5)  # fmt: skip
    cols = [("Açıklama / Description", 15, 70, "L"), ("Packing", 86, 24, "L"),
            ("Miktar", 111, 18, "R"), ("Birim", 131, 10, "L"), ("EUR/m", 142, 20, "R"),
            ("Tutar EUR", 163, 32, "R")]  # fmt: skip
    packing = ["64 rolls", "19 bales"]
    rows = [[t, k, _de(_d(q), places=0), u, _de(_d(p)), _de(a)]
            for (t, q, u, p), a, k in zip(_TR_ITEMS, _unit_amounts(_TR_ITEMS), packing,
                                          strict=True)]  # fmt: skip
    y = _table(s, 62, cols, rows, size=8)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 163, y + 3, [("Toplam / Total EUR", _de(_TR_NET))], width=32,
                size=8.5)  # fmt: skip
    _block(s, 15, y + 4, ["Ödeme: %30 peşin, %70 yükleme öncesi. Geçerlilik: 15 gün.",
                          "Banka: Türkiye İş Bankası, Bursa Ticari, IBAN TR33 0006 4000 0011 "
                          "2345 6789 01"], size=7)  # fmt: skip
    return s.output()


TR_PROFORMA_TRUTH = _truth(
    invoice_number="UDT-PF-2026-214", type_code="325", issue_date="2026-12-08", currency="EUR",
    seller_name="Uludağ Dokuma Tekstil San. ve Tic. A.Ş.", seller_vat_id="8890451276",
    seller_country="TR", buyer_name="Rheintal Textilhandel GmbH", buyer_country="DE",
    grand_total=_plain(_TR_NET), due_payable=_plain(_TR_NET),
    line_items=_unit_lines(_TR_ITEMS, {"m": MTR}),
)  # fmt: skip


# -- Sweden: FAKTURA in kr to a Norwegian buyer (NO … MVA printed), moms 0 % ------------------

_SE_ITEMS: list[UnitItem] = [("Vedkap VK-480, bensin", "6", "st", "18900.00"),
                             ("Klyvaxel, 3,5 kg", "40", "st", "1245.00")]  # fmt: skip
_SE_NET = _unit_sum(_SE_ITEMS)


def se_faktura_norwegian_buyer() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Dalarna Skogsmaskiner AB", size=13, bold=True)
    _block(s, 15, 19, ["Faluvägen 41, 791 53 Falun, Sverige",
                       "Org.nr 556712-3490   Momsreg.nr SE556712349001"], size=7.5)  # fmt: skip
    s.text(160, 12, "FAKTURA", size=14, bold=True)
    s.pairs(130, 24, [("Fakturanr", "31884"), ("Fakturadatum", "2026-12-08"),
                      ("Förfallodatum", "2027-01-07")], gap=30, step=4.6)  # fmt: skip
    s.text(15, 34, "Kund", size=8, bold=True)
    _block(s, 15, 39, ["Hedmark Skog og Hage AS", "Storgata 77, 2408 Elverum, Norge",
                       "Org.nr. NO 918 273 645 MVA"], size=8.5)  # fmt: skip
    y = _table(s, 60, _cols5("Benämning", "Antal", "Enhet", "À-pris", "Belopp"),
               [[*r[:3], f"{r[3]} kr", f"{r[4]} kr"] for r in _rows(_SE_ITEMS, _sp)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 159, y + 3, [("Netto", f"{_sp(_SE_NET)} kr"), ("Moms 0 %", "0,00 kr"),
                                     ("Att betala", f"{_sp(_SE_NET)} kr")], width=36,
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "Export till Norge, momsfri enligt 3 kap. 30 a § ML. Bankgiro 5312-8841.",
           size=7)  # fmt: skip
    return s.output()


SE_NO_BUYER_TRUTH = _truth(
    invoice_number="31884", type_code="380", issue_date="2026-12-08", currency="SEK",
    seller_name="Dalarna Skogsmaskiner AB", seller_vat_id="SE556712349001", seller_country="SE",
    buyer_name="Hedmark Skog og Hage AS", buyer_country="NO",
    tax_exclusive_total=_plain(_SE_NET), tax_total="0.00", grand_total=_plain(_SE_NET),
    due_payable=_plain(_SE_NET), line_items=_unit_lines(_SE_ITEMS, {"st": H87}),
)  # fmt: skip


# -- Denmark: Faktura in 'kr.' to a Norwegian buyer, '8. december 2026', no moms line ---------

_DK_ITEMS: list[UnitItem] = [("Havestol i teak, foldbar", "48", "stk", "695.00"),
                             ("Havebord i teak, 180 x 90 cm", "12", "stk", "3450.00")]  # fmt: skip
_DK_NET = _unit_sum(_DK_ITEMS)


def dk_faktura_norwegian_buyer() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "Fyns Havemøbler ApS", size=13, bold=True)
    _block(s, 15, 19, ["Industrivej 22, 5700 Svendborg, Danmark",
                       "CVR-nr. 38 41 27 65   Tlf. 62 21 45 80"], size=7.5)  # fmt: skip
    s.text(160, 12, "Faktura", size=14, bold=True)
    s.pairs(125, 24, [("Fakturanr.", "2026-1187"), ("Fakturadato", "8. december 2026"),
                      ("Betalingsfrist", "netto 30 dage")], gap=30, step=4.6)  # fmt: skip
    s.text(15, 34, "Faktureres til", size=8, bold=True)
    _block(s, 15, 39, ["Sørlandet Hagesenter AS", "Vestre Strandgate 30, 4611 Kristiansand",
                       "Norge", "MVA-nr. NO 986 512 774 MVA"], size=8.5)  # fmt: skip
    y = _table(s, 64, _cols5("Varebeskrivelse", "Antal", "Enhed", "Stk.-pris", "Beløb"),
               [[*r[:3], f"kr. {r[3]}", f"kr. {r[4]}"] for r in _rows(_DK_ITEMS, _de)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 159, y + 3, [("I alt", f"kr. {_de(_DK_NET)}")], width=36, size=8.5)
    s.text(15, y + 4, "Levering til Norge. Betaling til Danske Bank reg.nr. 1551 konto "
                      "4412345678.", size=7)  # fmt: skip
    return s.output()


DK_NO_BUYER_TRUTH = _truth(
    invoice_number="2026-1187", type_code="380", issue_date="2026-12-08", currency="DKK",
    seller_name="Fyns Havemøbler ApS", seller_vat_id="38412765", seller_country="DK",
    buyer_name="Sørlandet Hagesenter AS", buyer_country="NO",
    grand_total=_plain(_DK_NET), due_payable=_plain(_DK_NET),
    line_items=_unit_lines(_DK_ITEMS, {"stk": H87}),
)  # fmt: skip


# -- Chile: FACTURA DE EXPORTACIÓN to an Argentine buyer whose CUIT sits under the box --------

_CL_ITEMS: list[UnitItem] = [("Vino Carmenère Reserva 2024, 6 x 750 ml", "850", "CAJA", "27.50"),
                             ("Vino Sauvignon Blanc 2025, 6 x 750 ml", "600", "CAJA",
                              "22.40")]  # fmt: skip
_CL_NET = _unit_sum(_CL_ITEMS)


def cl_export_cuit_buyer() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Viña Valle del Maule SpA", size=12, bold=True)
    _block(s, 15, 19, ["Camino a Pencahue km 6, Talca, Región del Maule, Chile",
                       "Giro: Elaboración de vinos"], size=7.5)  # fmt: skip
    s.pdf.rect(130, 8, 65, 24)
    s.text(132, 10, "R.U.T.: 77.318.402-5", size=9, bold=True, width=61, align="C")
    s.text(132, 16, "FACTURA DE EXPORTACIÓN", size=8.5, bold=True, width=61, align="C")
    s.text(132, 21, "ELECTRÓNICA", size=8.5, bold=True, width=61, align="C")
    s.text(132, 26, "N° 000412", size=9, bold=True, width=61, align="C")
    s.text(130, 35, "CUIT: 30-71654321-9", size=8.5)
    s.pairs(15, 35, [("Fecha Emisión:", "8 de diciembre de 2026"),
                     ("Señor(es):", "Distribuidora Cuyo Vinos S.A."),
                     ("Dirección:", "Av. San Martín 1450, Mendoza, Argentina"),
                     ("Cláusula de venta:", "FOB San Antonio"), ("Moneda:", "DÓLAR USA")],
            gap=34, step=4.6)  # fmt: skip
    y = _table(s, 66, _cols5("Descripción", "Cantidad", "Unidad", "Precio US$", "Total US$"),
               _rows(_CL_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 159, y + 3, [("Total FOB US$", _group(_CL_NET))], width=36, size=8.5)
    s.text(15, y + 4, "Timbre Electrónico SII. Res. 80 de 2014. Verifique documento: "
                      "www.sii.cl", size=7)  # fmt: skip
    return s.output()


CL_CUIT_BUYER_TRUTH = _truth(
    invoice_number="000412", type_code="380", issue_date="2026-12-08", currency="USD",
    seller_name="Viña Valle del Maule SpA", seller_vat_id="773184025", seller_country="CL",
    buyer_name="Distribuidora Cuyo Vinos S.A.", buyer_country="AR",
    grand_total=_plain(_CL_NET), due_payable=_plain(_CL_NET),
    line_items=_unit_lines(_CL_ITEMS, {"CAJA": "XBX"}),
)  # fmt: skip


# -- Argentina: FACTURA A, the seller's CUIT in the letterhead, the receptor's under the box --

_AR_ITEMS: list[UnitItem] = [("Aceite de oliva extra virgen, bidón 5 L", "120", "un", "38500.00"),
                             ("Aceitunas verdes descarozadas, balde 10 kg", "40", "un",
                              "52300.00")]  # fmt: skip
_AR_NET = _unit_sum(_AR_ITEMS)
_AR_TAX = _tax(_AR_NET, "21")


def ar_factura_cuit_receptor() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Olivícola Valle de Aimogasta S.A.", size=12, bold=True)
    _block(s, 15, 17, ["Ruta Nacional 60 km 1078, Aimogasta, La Rioja",
                       "CUIT 30-70812345-6   IVA Responsable Inscripto",
                       "Ingresos Brutos: 30-70812345-6"], size=7.5)  # fmt: skip
    s.pdf.rect(98, 8, 14, 14)
    s.text(101, 9, "A", size=16, bold=True)
    s.text(99, 18, "COD. 01", size=5.5)
    s.text(125, 10, "FACTURA", size=14, bold=True)
    s.pairs(125, 18, [("Nº", "00007-00000918"), ("Fecha:", "08/12/2026")], gap=16,
            step=4.6)  # fmt: skip
    s.pdf.rect(15, 31, 180, 14)
    s.text(17, 33, "Razón Social: Almacén Gourmet del Plata S.R.L.", size=8)
    s.text(125, 33, "CUIT: 30-71098765-4", size=8)
    s.text(17, 38, "Domicilio: Av. Corrientes 2550, CABA", size=8)
    s.text(125, 38, "IVA: Responsable Inscripto", size=8)
    y = _table(s, 50, _cols5("Descripción", "Cantidad", "U. Medida", "Precio Unit.",
                             "Subtotal"), [[*r[:3], r[3], f"$ {r[4]}"]
                                           for r in _rows(_AR_ITEMS, _de)], size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 159, y + 3, [("Neto Gravado: $", _de(_AR_NET)),
                                     ("IVA 21%: $", _de(_AR_TAX)),
                                     ("Total: $", _de(_AR_NET + _AR_TAX))], width=36,
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "CAE N°: 76498765432109   Vto. CAE: 18/12/2026", size=7.5)
    return s.output()


AR_RECEPTOR_TRUTH = _truth(
    invoice_number="00007-00000918", type_code="380", issue_date="2026-12-08",
    seller_name="Olivícola Valle de Aimogasta S.A.", seller_vat_id="30708123456",
    buyer_name="Almacén Gourmet del Plata S.R.L.",
    tax_exclusive_total=_plain(_AR_NET), tax_total=_plain(_AR_TAX),
    grand_total=_plain(_AR_NET + _AR_TAX), due_payable=_plain(_AR_NET + _AR_TAX),
    line_items=_unit_lines(_AR_ITEMS, {"un": H87}),
)  # fmt: skip


# -- United States: courier form, shipper's Tax ID blank over a grouped phone; TRN in groups --

_CF_ITEMS: list[UnitItem] = [("Espresso machine, dual boiler, 230 V", "4", "PCS", "1890.00"),
                             ("Burr grinder, 64 mm flat burrs, 230 V", "6", "PCS",
                              "640.00")]  # fmt: skip
_CF_SUB = _unit_sum(_CF_ITEMS)
_CF_FREIGHT = _d("412.00")


def us_courier_blank_tax_id() -> bytes:
    s = Sheet2("Cond")
    s.text(80, 10, "COMMERCIAL INVOICE", size=13, bold=True)
    s.pdf.rect(15, 18, 90, 36)
    s.text(16, 19, "SHIPPER / EXPORTER", size=6.5, bold=True)
    _block(s, 17, 23, ["Bayline Coffee Equipment Co.", "2750 Cesar Chavez St, Unit 5",
                       "San Francisco, CA 94124", "United States"], size=7.5)  # fmt: skip
    s.text(17, 41, "Tax ID/VAT/EIN No.:", size=7.5, bold=True)
    s.text(17, 45.5, "Phone:", size=7.5, bold=True)
    s.text(45, 45.5, "415 555 0142", size=7.5)
    s.pdf.rect(105, 18, 90, 36)
    s.text(106, 19, "CONSIGNEE", size=6.5, bold=True)
    _block(s, 107, 23, ["Qahwa Roasters Trading L.L.C.", "Warehouse 14, Al Quoz Industrial 3",
                        "Dubai, United Arab Emirates", "TRN: 100 2345 6789 0003",
                        "Phone: 04 338 1200"], size=7.5)  # fmt: skip
    s.pairs(15, 58, [("Invoice No.:", "BCE-EX-2612"), ("Date:", "December 8, 2026"),
                     ("Air Waybill No.:", "7781 2290 4411"), ("Currency:", "USD"),
                     ("Terms of Sale:", "DAP Dubai")], gap=26, step=4.3)  # fmt: skip
    cols = [("Qty", 15, 10, "R"), ("Unit", 27, 10, "L"), ("Description", 38, 76, "L"),
            ("HS Code", 115, 18, "L"), ("Origin", 134, 10, "L"), ("Unit Value", 145, 22, "R"),
            ("Total Value", 168, 27, "R")]  # fmt: skip
    hs = ["8419.81", "8509.40"]
    rows = [[q, u, t, h, "IT", _group(_d(p)), _group(a)]
            for (t, q, u, p), a, h in zip(_CF_ITEMS, _unit_amounts(_CF_ITEMS), hs,
                                          strict=True)]  # fmt: skip
    y = _table(s, 84, cols, rows, size=7.5)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 120, 168, y + 3, [("Subtotal", _group(_CF_SUB)),
                                     ("Freight", _group(_CF_FREIGHT)),
                                     ("Total Invoice Value", _group(_CF_SUB + _CF_FREIGHT))],
                width=27, size=7.5, step=4.6)  # fmt: skip
    s.text(15, y + 6, "I declare that the information above is true and correct. Signature: "
                      "D. Moreno, Shipping Manager", size=7)  # fmt: skip
    return s.output()


US_COURIER_TRUTH = _truth(
    invoice_number="BCE-EX-2612", type_code="380", issue_date="2026-12-08", currency="USD",
    seller_name="Bayline Coffee Equipment Co.", seller_country="US",
    buyer_name="Qahwa Roasters Trading L.L.C.", buyer_country="AE",
    grand_total=_plain(_CF_SUB + _CF_FREIGHT), due_payable=_plain(_CF_SUB + _CF_FREIGHT),
    line_items=_unit_lines(_CF_ITEMS, {"PCS": H87}),
)  # fmt: skip


# -- Hungary: SZÁMLA with only an Adószám, dates in words, 'Kelt: Győr, 2026. december 8.' ---

_HU_ITEMS: list[UnitItem] = [("Fűtőpanel 600 W, falra szerelhető", "25", "db", "38900"),
                             ("Termosztát, programozható", "25", "db", "12400"),
                             ("Szerelési anyag, vegyes", "18", "kg", "2150")]  # fmt: skip
_HU_NET = _unit_sum(_HU_ITEMS)
_HU_TAX = (_HU_NET * _d("27") / 100).quantize(Decimal(1))


def hu_szamla_kelt() -> bytes:
    s = Sheet2()
    s.text(90, 10, "SZÁMLA", size=15, bold=True)
    s.text(150, 10, "Sorszám: GYH-2026-0614", size=8.5, bold=True)
    s.text(15, 22, "Szállító", size=8, bold=True)
    _block(s, 15, 27, ["Győri Hőtechnika Kft.", "9027 Győr, Kandó Kálmán utca 11.",
                       "Magyarország", "Cégjegyzékszám: 08-09-024517",
                       "Adószám: 25123456-2-08"], size=8.5)  # fmt: skip
    s.text(110, 22, "Vevő", size=8, bold=True)
    _block(s, 110, 27, ["Rába Lakópark Kft.", "9200 Mosonmagyaróvár, Fő utca 3.",
                        "Adószám: 24567890-2-08"], size=8.5)  # fmt: skip
    s.pairs(15, 52, [("Teljesítés dátuma:", "2026. december 4."),
                     ("Fizetési határidő:", "2027. január 7."),
                     ("Fizetési mód:", "átutalás")], gap=36, step=4.6)  # fmt: skip
    y = _table(s, 70, _cols5("Megnevezés", "Menny.", "Me.", "Egységár (nettó)",
                             "Nettó érték"), _rows(_HU_ITEMS, _spaces), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 159, y + 3, [("Nettó összesen", f"{_spaces(_HU_NET)} Ft"),
                                     ("ÁFA 27%", f"{_spaces(_HU_TAX)} Ft"),
                                     ("Fizetendő", f"{_spaces(_HU_NET + _HU_TAX)} Ft")],
                width=36, size=8.5)  # fmt: skip
    s.text(15, y + 6, "Kelt: Győr, 2026. december 8.", size=8.5)
    s.text(15, y + 12, "Bankszámla: K&H Bank 10402166-50526778-12341007", size=7)
    return s.output()


HU_KELT_TRUTH = _truth(
    invoice_number="GYH-2026-0614", type_code="380", issue_date="2026-12-08", currency="HUF",
    seller_name="Győri Hőtechnika Kft.", seller_vat_id="25123456208", seller_country="HU",
    buyer_name="Rába Lakópark Kft.",
    tax_exclusive_total=_plain(_HU_NET), tax_total=_plain(_HU_TAX),
    grand_total=_plain(_HU_NET + _HU_TAX), due_payable=_plain(_HU_NET + _HU_TAX),
    line_items=_unit_lines(_HU_ITEMS, {"db": H87, "kg": KGM}),
)  # fmt: skip


# -- Romania: FACTURĂ with no series, the delegate's 'seria PH nr. 712345' --------------------

_RO_ITEMS: list[UnitItem] = [("Cărămidă plină presată 240x115x63", "12000", "buc", "1.35"),
                             ("Mortar zidărie M5, sac 40 kg", "150", "buc", "18.90")]  # fmt: skip
_RO_NET = _unit_sum(_RO_ITEMS)
_RO_TAX = _tax(_RO_NET, "21")


def ro_factura_delegat() -> bytes:
    s = Sheet2()
    s.text(80, 10, "FACTURĂ", size=15, bold=True)
    s.pairs(70, 18, [("Nr. factură:", "2026-0459"), ("Data emiterii:", "08.12.2026"),
                     ("Termen de plată:", "07.01.2027")], gap=28, step=4.6)  # fmt: skip
    s.text(15, 36, "Furnizor", size=8, bold=True)
    _block(s, 15, 41, ["Ceramica Prahova S.R.L.", "Nr. Reg. Com.: J29/887/2011",
                       "Cod fiscal: RO28765431", "Str. Fabricii 3, Ploiești, România"],
           size=8)  # fmt: skip
    s.text(110, 36, "Cumpărător", size=8, bold=True)
    _block(s, 110, 41, ["Construct Munteanu S.R.L.", "CIF: RO31456782",
                        "Șos. Vestului 12, Ploiești"], size=8)  # fmt: skip
    y = _table(s, 62, _cols5("Denumirea produselor", "Cant.", "U.M.", "Preț unitar",
                             "Valoare"), _rows(_RO_ITEMS, _de), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 159, y + 3, [("Total fără TVA", _de(_RO_NET)),
                                     ("TVA 21%", _de(_RO_TAX)),
                                     ("Total de plată", f"{_de(_RO_NET + _RO_TAX)} lei")],
                width=36, size=8.5)  # fmt: skip
    _block(s, 15, y + 4, ["Date privind expediția: Numele delegatului: Ion Marinescu",
                          "B.I./C.I. seria PH nr. 712345, eliberat de SPCLEP Ploiești",
                          "Mijlocul de transport: PH-08-CRP   Data: 08.12.2026"],
           size=7.5)  # fmt: skip
    return s.output()


RO_DELEGAT_TRUTH = _truth(
    invoice_number="2026-0459", type_code="380", issue_date="2026-12-08", currency="RON",
    seller_name="Ceramica Prahova S.R.L.", seller_vat_id="RO28765431", seller_country="RO",
    buyer_name="Construct Munteanu S.R.L.",
    tax_exclusive_total=_plain(_RO_NET), tax_total=_plain(_RO_TAX),
    grand_total=_plain(_RO_NET + _RO_TAX), due_payable=_plain(_RO_NET + _RO_TAX),
    line_items=_unit_lines(_RO_ITEMS, {"buc": H87}),
)  # fmt: skip


# -- Portugal: FATURA with 'N.º Cliente', 'N.º Contribuinte', 'N.º Encomenda' around 'N.º Doc.'

_PT_ITEMS: list[UnitItem] = [("Azulejo pintado à mão 15x15, padrão Lisboa", "400", "un", "6.80"),
                             ("Cimento-cola flexível C2TE, saco 25 kg", "30", "un",
                              "14.50")]  # fmt: skip
_PT_NET = _unit_sum(_PT_ITEMS)
_PT_TAX = _tax(_PT_NET, "23")


def pt_fatura_numeros() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Azulejaria Ribeiro & Filhos, Lda.", size=13, bold=True)
    _block(s, 15, 19, ["Rua do Almada 214, 4050-032 Porto, Portugal",
                       "Contribuinte N.º 507 218 934   Tel. 222 005 318"], size=7.5)  # fmt: skip
    s.text(150, 28, "FATURA", size=13, bold=True)
    s.pairs(125, 36, [("N.º Cliente", "20417"), ("N.º Doc.", "FT 2026A/318"),
                      ("Data", "08-12-2026"), ("N.º Encomenda", "ENC-7781"),
                      ("V/ N.º Contrib.", "516 987 220")], gap=31, step=4.6)  # fmt: skip
    s.text(15, 34, "Exmo.(s) Sr.(s)", size=8, bold=True)
    _block(s, 15, 39, ["Casa do Alentejo Obras, Unipessoal Lda.", "Rua de Aviz 9",
                       "7000-591 Évora"], size=8.5)  # fmt: skip
    y = _table(s, 66, _cols5("Descrição", "Qtd.", "Un.", "Preço unit.", "Valor"),
               [[*r[:3], f"{r[3]} €", f"{r[4]} €"] for r in _rows(_PT_ITEMS, _de)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 159, y + 3, [("Total ilíquido", f"{_de(_PT_NET)} €"),
                                     ("IVA 23%", f"{_de(_PT_TAX)} €"),
                                     ("Total", f"{_de(_PT_NET + _PT_TAX)} €")], width=36,
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "ATCUD: JJ7RT4M2-318   Processado por programa certificado n.º 1234/AT",
           size=7)  # fmt: skip
    return s.output()


PT_NUMEROS_TRUTH = _truth(
    invoice_number="FT 2026A/318", type_code="380", issue_date="2026-12-08", currency="EUR",
    seller_name="Azulejaria Ribeiro & Filhos, Lda.", seller_vat_id="507218934",
    seller_country="PT", buyer_name="Casa do Alentejo Obras, Unipessoal Lda.",
    tax_exclusive_total=_plain(_PT_NET), tax_total=_plain(_PT_TAX),
    grand_total=_plain(_PT_NET + _PT_TAX), due_payable=_plain(_PT_NET + _PT_TAX),
    line_items=_unit_lines(_PT_ITEMS, {"un": H87}),
)  # fmt: skip


# -- Lithuania: PVM SĄSKAITA FAKTŪRA, 'Serija LTK Nr. 004512', '2026 m. gruodžio 8 d.' -------

_LT_ITEMS: list[UnitItem] = [("Medinis padėklas EUR 1200x800", "600", "vnt.", "11.40"),
                             ("Pjautinė mediena, pušis 50x150", "18", "m3", "265.00")]  # fmt: skip
_LT_NET = _unit_sum(_LT_ITEMS)
_LT_TAX = _tax(_LT_NET, "21")


def lt_pvm_saskaita() -> bytes:
    s = Sheet2()
    s.text(60, 10, "PVM SĄSKAITA FAKTŪRA", size=14, bold=True)
    s.text(78, 18, "Serija LTK Nr. 004512", size=10, bold=True)
    s.text(80, 24, "2026 m. gruodžio 8 d.", size=9)
    s.text(15, 34, "Pardavėjas", size=8, bold=True)
    _block(s, 15, 39, ["UAB „Kauno medienos gaminiai“", "Pramonės pr. 16, LT-51329 Kaunas, "
                       "Lietuva", "Įmonės kodas 304512876",
                       "PVM mokėtojo kodas LT100011223316"], size=8)  # fmt: skip
    s.text(110, 34, "Pirkėjas", size=8, bold=True)
    _block(s, 110, 39, ["SIA „Baltijas Loģistika“", "Katlakalna iela 11, Rīga, Latvija",
                        "PVN reģ. Nr. LV40103987654"], size=8)  # fmt: skip
    y = _table(s, 62, _cols5("Pavadinimas", "Kiekis", "Mato vnt.", "Kaina, EUR",
                             "Suma, EUR"), _rows(_LT_ITEMS, _de), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 159, y + 3, [("Suma be PVM", _de(_LT_NET)),
                                     ("PVM 21 %", _de(_LT_TAX)),
                                     ("Iš viso mokėti, EUR", _de(_LT_NET + _LT_TAX))],
                width=36, size=8.5)  # fmt: skip
    s.text(15, y + 4, "Apmokėti iki 2026 m. gruodžio 22 d. AB SEB bankas, LT12 7044 0600 0123 "
                      "4567", size=7)  # fmt: skip
    return s.output()


LT_SASKAITA_TRUTH = _truth(
    invoice_number="LTK 004512", type_code="380", issue_date="2026-12-08", currency="EUR",
    seller_name="UAB „Kauno medienos gaminiai“", seller_vat_id="LT100011223316",
    seller_country="LT", buyer_name="SIA „Baltijas Loģistika“", buyer_country="LV",
    tax_exclusive_total=_plain(_LT_NET), tax_total=_plain(_LT_TAX),
    grand_total=_plain(_LT_NET + _LT_TAX), due_payable=_plain(_LT_NET + _LT_TAX),
    line_items=_unit_lines(_LT_ITEMS, {"vnt.": H87, "m3": "MTQ"}),
)  # fmt: skip


# -- Latvia: RĒĶINS, 'Datums: 2026. gada 8. decembris', PVN 21 % ------------------------------

_LV_ITEMS: list[UnitItem] = [("Rupjmaize, klaipiņš 800 g", "240", "gab.", "3.20"),
                             ("Kūpināts lasis, vakuumā", "35", "kg", "28.90")]  # fmt: skip
_LV_NET = _unit_sum(_LV_ITEMS)
_LV_TAX = _tax(_LV_NET, "21")


def lv_rekins_gada() -> bytes:
    s = Sheet2()
    s.text(15, 12, "SIA \u201eVidzemes Garšas\u201c", size=13, bold=True)
    _block(s, 15, 19, ["Rīgas iela 48, Cēsis, LV-4101, Latvija",
                       "Reģ. Nr. 40103456781   PVN maksātāja Nr. LV40103456781"],
           size=7.5)  # fmt: skip
    s.text(145, 12, "RĒĶINS", size=14, bold=True)
    s.pairs(125, 22, [("Nr.", "VG-26/0871"), ("Datums:", "2026. gada 8. decembris"),
                      ("Apmaksas termiņš:", "2026. gada 22. decembris")], gap=28,
            step=4.6)  # fmt: skip
    s.text(15, 34, "Maksātājs", size=8, bold=True)
    _block(s, 15, 39, ["SIA \u201eGaujas Veikali\u201c", "Pils iela 5, Sigulda",
                       "PVN Nr. LV40003876512"], size=8.5)  # fmt: skip
    y = _table(s, 62, _cols5("Nosaukums", "Daudz.", "Mērv.", "Cena, EUR", "Summa, EUR"),
               _rows(_LV_ITEMS, _de), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 159, y + 3, [("Summa bez PVN", _de(_LV_NET)),
                                     ("PVN 21%", _de(_LV_TAX)),
                                     ("Kopā apmaksai, EUR", _de(_LV_NET + _LV_TAX))],
                width=36, size=8.5)  # fmt: skip
    s.text(15, y + 4, "Rēķins sagatavots elektroniski un derīgs bez paraksta.", size=7)
    return s.output()


LV_REKINS_TRUTH = _truth(
    invoice_number="VG-26/0871", type_code="380", issue_date="2026-12-08", currency="EUR",
    seller_name="SIA \u201eVidzemes Garšas\u201c", seller_vat_id="LV40103456781",
    seller_country="LV", buyer_name="SIA \u201eGaujas Veikali\u201c",
    tax_exclusive_total=_plain(_LV_NET), tax_total=_plain(_LV_TAX),
    grand_total=_plain(_LV_NET + _LV_TAX), due_payable=_plain(_LV_NET + _LV_TAX),
    line_items=_unit_lines(_LV_ITEMS, {"gab.": H87, "kg": KGM}),
)  # fmt: skip


REVIEW22: list[Layout] = [
    Layout("us-units-uom-column", us_units_uom, US_UNITS_TRUTH),
    Layout("ca-ordered-shipped-units", ca_ordered_shipped, CA_SHIPPED_TRUTH),
    Layout("cn-packing-package-types", cn_packing_types, CN_PACKING_TRUTH),
    Layout("tr-proforma-packing-rolls", tr_proforma_packing, TR_PROFORMA_TRUTH),
    Layout("se-faktura-kr-norwegian-buyer", se_faktura_norwegian_buyer, SE_NO_BUYER_TRUTH),
    Layout("dk-faktura-kr-norwegian-buyer", dk_faktura_norwegian_buyer, DK_NO_BUYER_TRUTH),
    Layout("cl-export-cuit-buyer", cl_export_cuit_buyer, CL_CUIT_BUYER_TRUTH),
    Layout("ar-factura-cuit-receptor", ar_factura_cuit_receptor, AR_RECEPTOR_TRUTH),
    Layout("us-courier-blank-tax-id", us_courier_blank_tax_id, US_COURIER_TRUTH),
    Layout("hu-szamla-kelt-foot", hu_szamla_kelt, HU_KELT_TRUTH),
    Layout("ro-factura-delegat-seria", ro_factura_delegat, RO_DELEGAT_TRUTH),
    Layout("pt-fatura-numeros", pt_fatura_numeros, PT_NUMEROS_TRUTH),
    Layout("lt-pvm-saskaita-serija", lt_pvm_saskaita, LT_SASKAITA_TRUTH),
    Layout("lv-rekins-gada", lv_rekins_gada, LV_REKINS_TRUTH),
]


def write_review22(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, REVIEW22)
