"""A forty-third batch of hand-written invoices (session 34, review i19 of invoices31), written
and committed before invoices31's code (``git diff main lead -- src``) was read: fourteen
layouts aimed at the edges of the ten reader rules batch 42 brought.

The layouts: a Vietnamese exporter in US dollars whose contact is ``Ms. Hai Yen`` with a phone
number after the name; a Thai exporter in US dollars with an exchange-rate note in ``Baht``; a
Japanese seller whose totals are ``… Yen`` and whose buyer's street is ``Yenisei`` -named; a US
software seller registered for UK VAT (``UK VAT Reg. No.`` nine bare digits, and an ``EIN``); a
``Bill To:`` person with a ``Ship To:`` company; a marketplace page whose only party label is
``Ship to:`` over a fulfilment warehouse; SAP Business One with a 5 % document discount under
``Total Before Discount``; SAP Business One with a zero discount and freight after it; a
courier's form with both ``INVOICE DATE`` and ``DATE OF EXPORTATION``; a courier's form with a
bare ``DATE`` and ``DATE OF EXPORTATION``; a Korean invoice in English with a ``Supply Amount``
column and a ``Total Supply Amount``; a CFDI with ``Serie`` printed and no folio; a marketplace
order whose only total is ``Item total``; a Norwegian ``Faktura`` with ``Tekst`` / ``Stykpris``
columns and a remark naming a ``Kreditnota nr.``; a ``Sold by:`` line whose name holds a comma.

Ground truth by docs/documents.md's conventions (read the doc, not the code), written before any
reading: the currency the ISO 4217 code of the money charged (a rate note's other currency is
not it; a person's name is no currency); the seller's VAT registration as printed, no prefix
added (a US seller's UK VAT number is its VAT id; an EIN is none); the buyer the billed party,
not the consignee or delivery address; no buyer where the page names only a delivery address; a
net total only where one is printed (a total before a document discount, or before freight,
is none); the invoice's own date over a shipment's; the invoice number as printed, none where
no number is (a CFDI's serie alone is no number, the folio fiscal is not it; an order number is
not it); a page whose only total is ``Item total`` and no tax line: that total is the grand total
and the amount due, and no net (as ``Subtotal``); a credit note named in a remark does not
make an invoice a credit note; a legal name as printed, comma included.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch20 import UnitItem, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _round


def _rows(items: list[UnitItem], fmt=_group, places: int = 2) -> list[list[str]]:
    """Description, quantity, unit, unit price, amount."""
    return [[t, _group(_d(q), places=0), u, fmt(_d(p)), fmt(a)]
            for (t, q, u, p), a in zip(items, _unit_amounts(items), strict=True)]  # fmt: skip


_COLS = [("Description", 15, 88, "L"), ("Qty", 105, 16, "R"), ("Unit", 123, 12, "L"),
         ("Unit Price", 137, 26, "R"), ("Amount", 165, 30, "R")]  # fmt: skip


# -- Vietnam -> US: the contact 'Ms. Hai Yen' before a phone number, US dollars ------------------

_VN_ITEMS: list[UnitItem] = [
    ("Cashew kernels WW320, 22.68 kg tin", "400", "tin", "152.00"),
    ("Cashew kernels WS, 22.68 kg tin", "150", "tin", "118.50"),
]
_VN_NET = _unit_sum(_VN_ITEMS)


def vn_hai_yen() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Binh Phuoc Cashew Export JSC", size=14, bold=True)
    _block(s, 15, 20, ["Lot B4, Dong Xoai Industrial Park, Binh Phuoc, Vietnam",
                       "Tax code (MST): 3801234567",
                       "Contact: Ms. Hai Yen 0903 312 456"], size=8)  # fmt: skip
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 24, [("Invoice No.:", "BPC-2611-078"), ("Date:", "26 Nov 2026")], gap=26)
    s.text(15, 40, "Buyer:", size=8.5, bold=True)
    _block(s, 15, 45, ["Golden State Nut Company", "2200 Harbor Way", "Oakland, CA 94607",
                       "United States"])  # fmt: skip
    y = s.grid(70, [*_COLS[:3], ("Unit Price USD", 137, 26, "R"), ("Amount USD", 165, 30, "R")],
               _rows(_VN_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Subtotal", _group(_VN_NET)), ("VAT 0%", "0.00"),
                                 ("Total USD", _group(_VN_NET))])  # fmt: skip
    s.text(15, y + 26, "Yen Bai Branch, Vietcombank, account 0071 0012 34567", size=8)
    return s.output()


VN_HAI_YEN_TRUTH = _truth(
    invoice_number="BPC-2611-078", type_code="380", issue_date="2026-11-26", currency="USD",
    seller_name="Binh Phuoc Cashew Export JSC", seller_vat_id="3801234567", seller_country="VN",
    buyer_name="Golden State Nut Company", buyer_country="US",
    tax_exclusive_total=_plain(_VN_NET), tax_total="0.00", grand_total=_plain(_VN_NET),
    due_payable=_plain(_VN_NET), line_items=_unit_lines(_VN_ITEMS, {"tin": "XTN"}),
)  # fmt: skip


# -- Thailand -> Germany: US dollars, a rate note in Baht ------------------------------------

_TH_ITEMS: list[UnitItem] = [("Jasmine rice, 25 kg bag", "800", "bag", "21.40"),
                             ("Glutinous rice, 25 kg bag", "300", "bag", "24.10")]  # fmt: skip
_TH_NET = _unit_sum(_TH_ITEMS)


def th_baht_note() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Siam Golden Grain Co., Ltd.", size=14, bold=True)
    _block(s, 15, 20, ["88 Moo 4, Bang Pa-in, Ayutthaya 13160, Thailand",
                       "Tax ID: 0135561012345"], size=8)  # fmt: skip
    s.text(140, 12, "COMMERCIAL INVOICE", size=12, bold=True)
    s.pairs(130, 24, [("Invoice No.:", "SGG/EX/2612"), ("Date:", "1 December 2026")], gap=26)
    s.text(15, 38, "Sold To:", size=8.5, bold=True)
    _block(s, 15, 43, ["Reishaus Hamburg GmbH", "Am Sandtorkai 12", "20457 Hamburg",
                       "Germany"])  # fmt: skip
    y = s.grid(68, [*_COLS[:3], ("Price US$", 137, 26, "R"), ("Amount US$", 165, 30, "R")],
               _rows(_TH_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    end = _totals(s, 110, 161, y + 4, [("Total FOB Bangkok US$", _group(_TH_NET))])
    baht = _round(_TH_NET * Decimal("34.20"))
    s.text(15, end + 6, f"Exchange rate 34.20 Baht per US$: {_group(baht)} Baht, for the export "
           "entry only.", size=8)  # fmt: skip
    return s.output()


TH_BAHT_NOTE_TRUTH = _truth(
    invoice_number="SGG/EX/2612", type_code="380", issue_date="2026-12-01", currency="USD",
    seller_name="Siam Golden Grain Co., Ltd.", seller_vat_id="0135561012345",
    seller_country="TH", buyer_name="Reishaus Hamburg GmbH", buyer_country="DE",
    grand_total=_plain(_TH_NET), due_payable=_plain(_TH_NET),
    line_items=_unit_lines(_TH_ITEMS, {"bag": "XBG"}),
)  # fmt: skip


# -- Japan -> Russia: '… Yen' amounts, a buyer on Yeniseyskaya street --------------------------

_JP_ITEMS: list[UnitItem] = [
    ("Bearing unit UCP208, cast iron housing", "120", "pcs", "4800"),
    ("Bearing unit UCF210, square flange", "80", "pcs", "6350"),
]
_JP_NET = _unit_sum(_JP_ITEMS)


def _yen(value: Decimal) -> str:
    return f"{_group(value, places=0)} Yen"


def jp_yen_street() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Nakamura Seiki Co., Ltd.", size=14, bold=True)
    _block(s, 15, 20, ["2-14-8 Higashi-Osaka, Osaka 577-0012, Japan",
                       "Registration No. T4120001098765"], size=8)  # fmt: skip
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 24, [("Invoice No.:", "NS-26-5521"), ("Date:", "2026-12-02")], gap=26)
    s.text(15, 38, "Bill To:", size=8.5, bold=True)
    _block(s, 15, 43, ["OOO Sibmash", "ul. Yeniseyskaya 14", "660017 Krasnoyarsk",
                       "Russia"])  # fmt: skip
    y = s.grid(68, _COLS, [[t, q, u, _yen(_d(p)), _yen(a)] for t, q, u, p, a in
                           [(*i, a) for i, a in zip(_JP_ITEMS, _unit_amounts(_JP_ITEMS),
                                                    strict=True)]], size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Subtotal", _yen(_JP_NET)), ("Consumption tax 0% (export)",
                                 "0 Yen"), ("Total", _yen(_JP_NET))])  # fmt: skip
    return s.output()


JP_YEN_STREET_TRUTH = _truth(
    invoice_number="NS-26-5521", type_code="380", issue_date="2026-12-02", currency="JPY",
    seller_name="Nakamura Seiki Co., Ltd.", seller_vat_id="T4120001098765", seller_country="JP",
    buyer_name="OOO Sibmash", buyer_country="RU",
    tax_exclusive_total=_plain(_JP_NET), tax_total="0.00", grand_total=_plain(_JP_NET),
    due_payable=_plain(_JP_NET), line_items=_unit_lines(_JP_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- US -> UK: a US seller registered for UK VAT (nine bare digits), an EIN too --------------

_US_ITEMS: list[UnitItem] = [("Annual licence, FleetTrack Pro, 25 seats", "1", "ea", "9000.00"),
                             ("Onboarding workshop, remote", "2", "ea", "750.00")]  # fmt: skip
_US_NET = _unit_sum(_US_ITEMS)
_US_VAT = _round(_US_NET * Decimal("0.20"))


def us_uk_vat() -> bytes:
    s = Sheet2()
    s.text(15, 12, "FleetTrack Software Inc.", size=14, bold=True)
    _block(s, 15, 20, ["500 Congress Avenue, Austin, TX 78701, United States",
                       "EIN 74-3216549   UK VAT Reg. No. 287 6543 21"], size=8)  # fmt: skip
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 24, [("Invoice #:", "FT-10442"), ("Date:", "Dec 3, 2026")], gap=24)
    s.text(15, 38, "Bill To:", size=8.5, bold=True)
    _block(s, 15, 43, ["Northern Haulage Ltd", "Unit 7, Lister Park", "Bradford BD9 4NQ",
                       "United Kingdom"])  # fmt: skip
    y = s.grid(68, [*_COLS[:3], ("Price £", 137, 26, "R"), ("Amount £", 165, 30, "R")],
               _rows(_US_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Subtotal", _group(_US_NET)), ("VAT 20%", _group(_US_VAT)),
                                 ("Total GBP", _group(_US_NET + _US_VAT))])  # fmt: skip
    return s.output()


US_UK_VAT_TRUTH = _truth(
    invoice_number="FT-10442", type_code="380", issue_date="2026-12-03", currency="GBP",
    seller_name="FleetTrack Software Inc.", seller_vat_id="287654321", seller_country="US",
    buyer_name="Northern Haulage Ltd", buyer_country="GB",
    tax_exclusive_total=_plain(_US_NET), tax_total=_plain(_US_VAT),
    grand_total=_plain(_US_NET + _US_VAT), due_payable=_plain(_US_NET + _US_VAT),
    line_items=_unit_lines(_US_ITEMS, {"ea": "H87"}),
)  # fmt: skip


# -- UK -> Ireland: 'Bill To:' a person, 'Ship To:' her company ------------------------------

_GB_ITEMS: list[UnitItem] = [
    ("Veterinary examination table, hydraulic", "1", "pcs", "2450.00"),
    ("LED surgical lamp, ceiling mount", "2", "pcs", "1180.00"),
]
_GB_NET = _unit_sum(_GB_ITEMS)


def gb_bill_person() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Pennine Medical Supplies Ltd", size=14, bold=True)
    _block(s, 15, 20, ["3 Canal Wharf, Leeds LS11 5PS, United Kingdom",
                       "VAT Reg. No. GB 312 7788 45"], size=8)  # fmt: skip
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 24, [("Invoice No.:", "PMS-77120"), ("Date:", "30/11/2026")], gap=26)
    s.text(15, 38, "Bill To:", size=8.5, bold=True)
    _block(s, 15, 43, ["Aoife Brennan", "12 Castle Street", "Kilkenny R95 X2Y1", "Ireland"])
    s.text(110, 38, "Ship To:", size=8.5, bold=True)
    _block(s, 110, 43, ["Brennan Equine Clinic Ltd", "Dublin Road, Unit 4",
                        "Kilkenny R95 K8P3", "Ireland"])  # fmt: skip
    y = s.grid(68, [*_COLS[:3], ("Price £", 137, 26, "R"), ("Amount £", 165, 30, "R")],
               _rows(_GB_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Subtotal", _group(_GB_NET)), ("VAT 0% (export)", "0.00"),
                                 ("Total", _group(_GB_NET))])  # fmt: skip
    return s.output()


GB_BILL_PERSON_TRUTH = _truth(
    invoice_number="PMS-77120", type_code="380", issue_date="2026-11-30", currency="GBP",
    seller_name="Pennine Medical Supplies Ltd", seller_vat_id="GB312778845", seller_country="GB",
    buyer_name="Aoife Brennan", buyer_country="IE",
    tax_exclusive_total=_plain(_GB_NET), tax_total="0.00", grand_total=_plain(_GB_NET),
    due_payable=_plain(_GB_NET), line_items=_unit_lines(_GB_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- Marketplace: only 'Ship to:' over a fulfilment warehouse --------------------------------

_WH_ITEMS: list[UnitItem] = [("Stainless steel water bottle 750 ml", "200", "pcs", "6.40"),
                             ("Bamboo lid spare", "200", "pcs", "0.85")]  # fmt: skip
_WH_NET = _unit_sum(_WH_ITEMS)
_WH_VAT = _round(_WH_NET * Decimal("0.20"))


def gb_ship_warehouse() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Invoice", size=16, bold=True)
    s.pairs(15, 24, [("Invoice number:", "GB-INV-2026-44817"), ("Invoice date:", "28 Nov 2026"),
                     ("Order #:", "205-7712094-3318745")], gap=32)  # fmt: skip
    s.text(15, 40, "Sold by: Hillcrest Homeware Ltd, 21 Mill Lane, Stockport SK1 2AB, "
           "United Kingdom", size=8.5)  # fmt: skip
    s.text(15, 45, "VAT No.: GB 401 2298 77", size=8.5)
    s.text(120, 51, "Ship to:", size=8.5, bold=True)
    _block(s, 120, 56, ["Fulfilment Centre BHX4", "Royal Oak Way North", "Daventry NN11 8QL",
                        "United Kingdom"])  # fmt: skip
    y = s.grid(76, [*_COLS[:3], ("Unit price", 137, 26, "R"), ("Item subtotal", 165, 30, "R")],
               [[*r[:3], f"£{r[3]}", f"£{r[4]}"] for r in _rows(_WH_ITEMS)],
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Total excl. VAT", f"£{_group(_WH_NET)}"),
                                 ("VAT 20%", f"£{_group(_WH_VAT)}"),
                                 ("Total", f"£{_group(_WH_NET + _WH_VAT)}")])  # fmt: skip
    return s.output()


GB_SHIP_WAREHOUSE_TRUTH = _truth(
    invoice_number="GB-INV-2026-44817", type_code="380", issue_date="2026-11-28", currency="GBP",
    seller_name="Hillcrest Homeware Ltd", seller_vat_id="GB401229877", seller_country="GB",
    tax_exclusive_total=_plain(_WH_NET), tax_total=_plain(_WH_VAT),
    grand_total=_plain(_WH_NET + _WH_VAT), due_payable=_plain(_WH_NET + _WH_VAT),
    line_items=_unit_lines(_WH_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- SAP Business One: a 5 % document discount under 'Total Before Discount' -----------------

_SD_ITEMS: list[UnitItem] = [("Hydraulic hose 1/2in, 2SN", "500", "m", "7.80"),
                             ("Crimp fitting JIC 1/2in", "1000", "pcs", "1.65")]  # fmt: skip
_SD_BEFORE = _unit_sum(_SD_ITEMS)
_SD_DISC = _round(_SD_BEFORE * Decimal("0.05"))
_SD_VAT = _round((_SD_BEFORE - _SD_DISC) * Decimal("0.21"))
_SD_TOTAL = _SD_BEFORE - _SD_DISC + _SD_VAT


def _sap_head(s: Sheet2, number: str, date: str, seller: list[str], buyer: list[str]) -> None:
    _block(s, 15, 12, seller, size=8.5, bold_first=True)
    s.text(140, 12, "A/R Invoice", size=14, bold=True)
    s.pairs(130, 22, [("No.", number), ("Posting Date", date), ("Document Date", date)], gap=28)
    s.text(15, 42, "Customer", size=8, bold=True)
    _block(s, 15, 47, buyer)


def be_sap_discount() -> bytes:
    s = Sheet2()
    _sap_head(s, "310447", "02.12.2026",
              ["Flandria Hydraulics NV", "Industrieweg 40, 9000 Gent, Belgium",
               "VAT BE 0456.789.123"],
              ["Hollandse Machinebouw B.V.", "Havenstraat 8", "3011 AB Rotterdam",
               "Netherlands"])  # fmt: skip
    y = s.grid(72, [*_COLS[:3], ("Price EUR", 137, 26, "R"), ("Total EUR", 165, 30, "R")],
               _rows(_SD_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 161, y + 4, [("Total Before Discount", _group(_SD_BEFORE)),
                                 ("Discount 5%", _group(_SD_DISC)), ("Freight", "0.00"),
                                 ("Tax 21%", _group(_SD_VAT)),
                                 ("Total Payment Due", _group(_SD_TOTAL))])  # fmt: skip
    return s.output()


BE_SAP_DISCOUNT_TRUTH = _truth(
    invoice_number="310447", type_code="380", issue_date="2026-12-02", currency="EUR",
    seller_name="Flandria Hydraulics NV", seller_vat_id="BE0456789123", seller_country="BE",
    buyer_name="Hollandse Machinebouw B.V.", buyer_country="NL",
    tax_total=_plain(_SD_VAT), grand_total=_plain(_SD_TOTAL), due_payable=_plain(_SD_TOTAL),
    line_items=_unit_lines(_SD_ITEMS, {"m": "MTR", "pcs": "H87"}),
)  # fmt: skip


# -- SAP Business One: discount 0.00, freight after 'Total Before Discount' ------------------

_SF_ITEMS: list[UnitItem] = [("Olive oil extra virgin, 5 l tin", "240", "tin", "38.50"),
                             ("Olive oil pomace, 5 l tin", "120", "tin", "17.20")]  # fmt: skip
_SF_BEFORE = _unit_sum(_SF_ITEMS)
_SF_FREIGHT = Decimal("640.00")


def es_sap_freight() -> bytes:
    s = Sheet2()
    _sap_head(
        s,
        "2026004512",
        "04.12.2026",
        ["Aceites del Sur S.L.", "Polígono Los Olivares 12, 23009 Jaén, Spain", "VAT ESB23456789"],
        ["Olympia Foods Ltd", "5 Commercial Road", "London E1 1LB", "United Kingdom"],
    )
    y = s.grid(72, [*_COLS[:3], ("Price EUR", 137, 26, "R"), ("Total EUR", 165, 30, "R")],
               _rows(_SF_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        105,
        161,
        y + 4,
        [
            ("Total Before Discount", _group(_SF_BEFORE)),
            ("Discount", "0.00"),
            ("Freight", _group(_SF_FREIGHT)),
            ("Tax 0% (export)", "0.00"),
            ("Total Payment Due", _group(_SF_BEFORE + _SF_FREIGHT)),
        ],
    )
    return s.output()


ES_SAP_FREIGHT_TRUTH = _truth(
    invoice_number="2026004512", type_code="380", issue_date="2026-12-04", currency="EUR",
    seller_name="Aceites del Sur S.L.", seller_vat_id="ESB23456789", seller_country="ES",
    buyer_name="Olympia Foods Ltd", buyer_country="GB", tax_total="0.00",
    grand_total=_plain(_SF_BEFORE + _SF_FREIGHT), due_payable=_plain(_SF_BEFORE + _SF_FREIGHT),
    line_items=_unit_lines(_SF_ITEMS, {"tin": "XTN"}),
)  # fmt: skip


# -- Courier forms: DATE OF EXPORTATION beside the invoice's own date -------------------------

_CF_ITEMS: list[UnitItem] = [("Cotton knitted sweaters, women's", "120", "pcs", "18.50"),
                             ("Wool scarves, woven", "200", "pcs", "7.25")]  # fmt: skip
_CF_NET = _unit_sum(_CF_ITEMS)


def _courier(own: tuple[str, str], export: str, number: str) -> bytes:
    s = Sheet2()
    s.text(70, 10, "COMMERCIAL INVOICE", size=14, bold=True)
    s.boxes(15, 20, [("DATE OF EXPORTATION", export), ("AIR WAYBILL NO.", "7719 4432 1180"),
                     own, ("INVOICE NO.", number)], width=45)  # fmt: skip
    s.text(15, 36, "SHIPPER/EXPORTER", size=7.5, bold=True)
    _block(s, 15, 40, ["Anatolia Tekstil A.S.", "Organize Sanayi Bolgesi 5. Cad. No: 12",
                       "Denizli, Turkey", "VAT No.: 2940123456"], size=8)  # fmt: skip
    s.text(110, 36, "CONSIGNEE", size=7.5, bold=True)
    _block(s, 110, 40, ["Maple Leaf Apparel Inc.", "1200 Rue Peel", "Montreal QC H3B 2T6",
                        "Canada"], size=8)  # fmt: skip
    y = s.grid(62, [("FULL DESCRIPTION OF GOODS", 15, 88, "L"), ("QTY", 105, 16, "R"),
                    ("UNIT", 123, 12, "L"), ("UNIT VALUE", 137, 26, "R"),
                    ("TOTAL VALUE", 165, 30, "R")], _rows(_CF_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("CURRENCY", "USD"), ("TOTAL INVOICE VALUE", _group(_CF_NET))])
    return s.output()


def tr_courier_both() -> bytes:
    return _courier(("INVOICE DATE", "27 NOV 2026"), "03 DEC 2026", "AT-26-0912")


def tr_courier_bare_date() -> bytes:
    return _courier(("DATE", "25 NOV 2026"), "02 DEC 2026", "AT-26-0897")


def _courier_truth(number: str, date: str) -> dict:
    return _truth(
        invoice_number=number, type_code="380", issue_date=date, currency="USD",
        seller_name="Anatolia Tekstil A.S.", seller_vat_id="2940123456", seller_country="TR",
        buyer_name="Maple Leaf Apparel Inc.", buyer_country="CA",
        grand_total=_plain(_CF_NET), due_payable=_plain(_CF_NET),
        line_items=_unit_lines(_CF_ITEMS, {"pcs": "H87"}),
    )  # fmt: skip


# -- Korea: 'Supply Amount' per line and a 'Total Supply Amount' ------------------------------

_KR_ITEMS: list[UnitItem] = [("Injection mould base, S50C", "4", "set", "3200000"),
                             ("Ejector pin set, SKD61", "20", "set", "145000")]  # fmt: skip
_KR_NET = _unit_sum(_KR_ITEMS)
_KR_VAT = _round(_KR_NET * Decimal("0.10"))


def kr_supply_lines() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Hanil Precision Co., Ltd.", size=14, bold=True)
    _block(s, 15, 20, ["45 Gongdan-ro, Changwon-si, Gyeongsangnam-do, Republic of Korea",
                       "Business Registration No. 609-81-12345"], size=8)  # fmt: skip
    s.text(150, 12, "TAX INVOICE", size=14, bold=True)
    s.pairs(130, 24, [("Invoice No.:", "HP-2612-031"), ("Date:", "2026-12-03")], gap=26)
    s.text(15, 38, "Buyer:", size=8.5, bold=True)
    _block(s, 15, 43, ["Daesung Plastics Co., Ltd.", "12 Namdong-daero, Incheon",
                       "Republic of Korea"])  # fmt: skip
    rows = [
        [
            t,
            q,
            u,
            _group(_d(p), places=0),
            _group(a, places=0),
            _group(_round(a * Decimal("0.10")), places=0),
        ]
        for (t, q, u, p), a in zip(_KR_ITEMS, _unit_amounts(_KR_ITEMS), strict=True)
    ]
    y = s.grid(66, [("Item", 15, 78, "L"), ("Qty", 95, 12, "R"), ("Unit", 109, 10, "L"),
                    ("Unit Price", 121, 24, "R"), ("Supply Amount", 147, 26, "R"),
                    ("VAT", 175, 20, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        105,
        161,
        y + 4,
        [
            ("Total Supply Amount", f"KRW {_group(_KR_NET, places=0)}"),
            ("VAT 10%", f"KRW {_group(_KR_VAT, places=0)}"),
            ("Total Amount", f"KRW {_group(_KR_NET + _KR_VAT, places=0)}"),
        ],
    )
    return s.output()


KR_SUPPLY_LINES_TRUTH = _truth(
    invoice_number="HP-2612-031", type_code="380", issue_date="2026-12-03", currency="KRW",
    seller_name="Hanil Precision Co., Ltd.", seller_vat_id="6098112345", seller_country="KR",
    buyer_name="Daesung Plastics Co., Ltd.", buyer_country="KR",
    tax_exclusive_total=_plain(_KR_NET), tax_total=_plain(_KR_VAT),
    grand_total=_plain(_KR_NET + _KR_VAT), due_payable=_plain(_KR_NET + _KR_VAT),
    line_items=_unit_lines(_KR_ITEMS, {"set": "SET"}),
)  # fmt: skip


# -- Mexico: a CFDI with 'Serie' printed and no folio -----------------------------------------

_MX_ITEMS: list[UnitItem] = [
    ("Tequila blanco 100% agave, 750 ml", "600", "pza", "7.90"),
    ("Tequila reposado 100% agave, 750 ml", "300", "pza", "10.40"),
]
_MX_NET = _unit_sum(_MX_ITEMS)


def mx_serie_no_folio() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Destilería Los Altos S.A. de C.V.", size=13, bold=True)
    _block(s, 15, 20, ["Carretera Arandas km 3, 47180 Arandas, Jalisco, México",
                       "RFC: DLA090512AB3   Régimen fiscal: 601"], size=8)  # fmt: skip
    s.text(140, 12, "FACTURA (CFDI 4.0)", size=11, bold=True)
    s.pairs(125, 22, [("Serie:", "EXP"), ("Fecha:", "2026-12-01T10:42:17"),
                      ("Pedido:", "PO-55821"), ("Moneda:", "USD")], gap=22)  # fmt: skip
    s.text(15, 33, "Folio fiscal: 5F0C9A12-7B44-4E1D-9C3A-2B8E61D0F4A7", size=7.5)
    s.text(15, 42, "Receptor:", size=8.5, bold=True)
    _block(s, 15, 47, ["Desert Spirits LLC", "880 W Main St", "Phoenix, AZ 85007",
                       "United States"])  # fmt: skip
    y = s.grid(72, [("Descripción", 15, 88, "L"), ("Cantidad", 105, 16, "R"),
                    ("Unidad", 123, 12, "L"), ("Valor unitario", 137, 26, "R"),
                    ("Importe", 165, 30, "R")], _rows(_MX_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Subtotal", _group(_MX_NET)), ("IVA 0%", "0.00"),
                                 ("Total", _group(_MX_NET))])  # fmt: skip
    return s.output()


MX_SERIE_NO_FOLIO_TRUTH = _truth(
    invoice_number=None, type_code="380", issue_date="2026-12-01", currency="USD",
    seller_name="Destilería Los Altos S.A. de C.V.", seller_country="MX",
    buyer_name="Desert Spirits LLC", buyer_country="US",
    tax_exclusive_total=_plain(_MX_NET), tax_total="0.00", grand_total=_plain(_MX_NET),
    due_payable=_plain(_MX_NET), line_items=_unit_lines(_MX_ITEMS, {"pza": "H87"}),
)  # fmt: skip


# -- Marketplace order: 'Item total' the only total, a 'Sold by:' name with a comma --------------

_IT_ITEMS: list[UnitItem] = [("Hand-poured soy candle, cedar", "3", "pcs", "18.00"),
                             ("Beeswax taper pair", "5", "pcs", "6.00")]  # fmt: skip
_IT_NET = _unit_sum(_IT_ITEMS)


def us_item_total_only() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Order receipt", size=16, bold=True)
    s.pairs(15, 24, [("Invoice no.:", "ETS-3318842"), ("Order date:", "Nov 29, 2026")], gap=28)
    s.text(15, 38, "Sold by: Fisher, Wolcott & Daughters LLC, 14 Elm Street, Burlington, VT "
           "05401, United States", size=8.5)  # fmt: skip
    s.text(15, 46, "Ship to:", size=8.5, bold=True)
    _block(s, 15, 51, ["Margaret Olsen", "77 Lakeview Drive", "Duluth, MN 55802",
                       "United States"])  # fmt: skip
    y = s.grid(74, [*_COLS[:3], ("Price", 137, 26, "R"), ("Amount", 165, 30, "R")],
               [[*r[:3], f"${r[3]}", f"${r[4]}"] for r in _rows(_IT_ITEMS)],
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Item total", f"${_group(_IT_NET)}")])
    return s.output()


US_ITEM_TOTAL_TRUTH = _truth(
    invoice_number="ETS-3318842", type_code="380", issue_date="2026-11-29", currency="USD",
    seller_name="Fisher, Wolcott & Daughters LLC", seller_country="US",
    buyer_name="Margaret Olsen", buyer_country="US",
    grand_total=_plain(_IT_NET), due_payable=_plain(_IT_NET),
    line_items=_unit_lines(_IT_ITEMS, {"pcs": "H87"}),
)  # fmt: skip


# -- Norway -> Sweden: a Faktura with Tekst / Stykpris, a remark naming a Kreditnota nr. -------

_NO_ITEMS: list[UnitItem] = [("Laks, fersk, sløyd 4-5 kg", "1200", "kg", "92.50"),
                             ("Ørret, fersk, sløyd 2-3 kg", "400", "kg", "81.00")]  # fmt: skip
_NO_NET = _unit_sum(_NO_ITEMS)


def _no(value: Decimal) -> str:
    return _group(value, "de").replace(".", " ")


def no_faktura_remark() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Vesteraalen Sjømat AS", size=14, bold=True)
    _block(s, 15, 20, ["Havnegata 9, 8400 Sortland, Norge",
                       "Org.nr. / MVA: NO 987 654 321 MVA"], size=8)  # fmt: skip
    s.text(150, 12, "FAKTURA", size=16, bold=True)
    s.pairs(130, 24, [("Fakturanr.:", "24518"), ("Fakturadato:", "05.12.2026"),
                      ("Forfallsdato:", "19.12.2026")], gap=28)  # fmt: skip
    s.text(15, 38, "Kunde:", size=8.5, bold=True)
    _block(s, 15, 43, ["Göteborgs Fiskhandel AB", "Fiskhamnsgatan 2", "414 58 Göteborg",
                       "Sverige"])  # fmt: skip
    y = s.grid(66, [("Tekst", 15, 88, "L"), ("Antall", 105, 16, "R"), ("Enhet", 123, 12, "L"),
                    ("Stykpris", 137, 26, "R"), ("Beløp NOK", 165, 30, "R")],
               _rows(_NO_ITEMS, fmt=_no), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Sum eks. mva", _no(_NO_NET)), ("MVA 0 % (eksport)", "0,00"),
                                 ("Å betale NOK", _no(_NO_NET))])  # fmt: skip
    s.text(15, y + 26, "Merk: Kreditnota nr. 24466 av 20.11.2026 er avregnet separat.", size=8)
    return s.output()


NO_FAKTURA_REMARK_TRUTH = _truth(
    invoice_number="24518", type_code="380", issue_date="2026-12-05", currency="NOK",
    seller_name="Vesteraalen Sjømat AS", seller_vat_id="NO987654321MVA", seller_country="NO",
    buyer_name="Göteborgs Fiskhandel AB", buyer_country="SE",
    tax_exclusive_total=_plain(_NO_NET), tax_total="0.00", grand_total=_plain(_NO_NET),
    due_payable=_plain(_NO_NET), line_items=_unit_lines(_NO_ITEMS, {"kg": "KGM"}),
)  # fmt: skip


REVIEW19: list[Layout] = [
    Layout("vn-hai-yen-us", vn_hai_yen, VN_HAI_YEN_TRUTH),
    Layout("th-baht-note-de", th_baht_note, TH_BAHT_NOTE_TRUTH),
    Layout("jp-yen-street-ru", jp_yen_street, JP_YEN_STREET_TRUTH),
    Layout("us-uk-vat-gb", us_uk_vat, US_UK_VAT_TRUTH),
    Layout("gb-bill-person-ie", gb_bill_person, GB_BILL_PERSON_TRUTH),
    Layout("gb-ship-warehouse", gb_ship_warehouse, GB_SHIP_WAREHOUSE_TRUTH),
    Layout("be-sap-discount-nl", be_sap_discount, BE_SAP_DISCOUNT_TRUTH),
    Layout("es-sap-freight-gb", es_sap_freight, ES_SAP_FREIGHT_TRUTH),
    Layout("tr-courier-both-ca", tr_courier_both, _courier_truth("AT-26-0912", "2026-11-27")),
    Layout(
        "tr-courier-bare-date-ca", tr_courier_bare_date, _courier_truth("AT-26-0897", "2026-11-25")
    ),
    Layout("kr-supply-lines", kr_supply_lines, KR_SUPPLY_LINES_TRUTH),
    Layout("mx-serie-no-folio-us", mx_serie_no_folio, MX_SERIE_NO_FOLIO_TRUTH),
    Layout("us-item-total-only", us_item_total_only, US_ITEM_TOTAL_TRUTH),
    Layout("no-faktura-remark-se", no_faktura_remark, NO_FAKTURA_REMARK_TRUTH),
]


def write_review19(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, REVIEW19)
