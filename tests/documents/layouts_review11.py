"""A twelfth batch of hand-written invoices, written by the review of invoices11 before its
rules (commits 91e1dce, a107857) were read: each page aims at a place where one of those rules
could fire outside its scope.

Eleven invoices: a UK invoice whose ``Total`` is the gross and an ``incl. VAT`` line shows the
tax in it, a previous balance making total + tax equal the amount due by coincidence; the same
without the coincidence; a Kenyan pro forma whose total is printed only in words, under a deposit
also in words; a US invoice with the total in figures and ``Paid: one hundred dollars`` in words;
a trading company whose name in two-word capitals (``ACME TRADING``) starts the page, with a
``CREDIT TERMS`` heading lower down; a form with checkboxes where ``Credit note`` is ticked, and
one where it is not; a German seller's euro invoice to a South African buyer with a local charge
``R 1 250,00`` noted; a German invoice with ``Gesamtanzahl Packstücke`` and ``Gesamtgewicht`` above
the total; a French one with ``Total colis`` and ``Nombre de colis``; and an invoice whose tax
and freight lines are formulas (``VAT 20 % x 2,000.00 = 400.00``).

Ground truth as in the earlier batches: invoice numbers as printed; a tax-exclusive total only
where one is printed; the grand total the invoice's total, ``due_payable`` the amount due where
another is printed; the currency the invoice's (a code or a sign of one currency only).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round

Item = tuple[str, str, str]  # description, quantity, unit price


def _amounts(items: list[Item]) -> list[Decimal]:
    return [_round(_d(q) * _d(p)) for _, q, p in items]


def _lines(items: list[Item], unit: str | None) -> list[dict]:
    return [_line(t, q, unit, _price(_d(p)), _plain(a))
            for (t, q, p), a in zip(items, _amounts(items), strict=True)]  # fmt: skip


def _page(
    *,
    top: list[tuple[float, float, str, float, bool]],
    seller: list[str],
    pairs: list[tuple[str, str]],
    buyer_label: str,
    buyer: list[str],
    items: list[Item],
    unit: str,
    style: str = "en",
    heads: tuple[str, ...] = ("Description", "Qty", "Unit", "Unit price", "Amount"),
    totals: list[tuple[str, str]],
    after: list[tuple[float, float, str, float]] = (),  # type: ignore[assignment]
) -> bytes:
    s = Sheet2()
    for x, y, text, size, bold in top:
        s.text(x, y, text, size=size, bold=bold)
    s.lines(15, 24, seller, size=8.5, step=4)
    for index, (label, value) in enumerate(pairs):
        s.text(120, 24 + 5 * index, label, size=9, bold=True)
        s.text(155, 24 + 5 * index, value, size=9)
    s.text(15, 52, buyer_label, size=9, bold=True)
    s.lines(15, 57, buyer, size=8.5, step=4)
    cols = [(heads[0], 15, 80, "L"), (heads[1], 97, 18, "R"), (heads[2], 117, 12, "L"),
            (heads[3], 131, 28, "R"), (heads[4], 161, 34, "R")]  # fmt: skip
    rows = [[t, q, unit, _group(_d(p), style), _group(a, style)]
            for (t, q, p), a in zip(items, _amounts(items), strict=True)]  # fmt: skip
    y = s.grid(82, cols, rows, size=8.5, step=6)
    s.pdf.line(15, y, 195, y)
    for index, (label, value) in enumerate(totals):
        s.text(110, y + 4 + 5.5 * index, label, size=9, bold=True)
        s.text(161, y + 4 + 5.5 * index, value, size=9, width=34, align="R")
    y += 4 + 5.5 * len(totals) + 6
    for x, dy, text, size in after:
        s.text(x, y + dy, text, size=size)
    return s.output()


# -- UK: gross Total, "incl. VAT", a previous balance (total + tax = due by coincidence) --------

_GB_ITEMS: list[Item] = [("Oak dining chair, natural", "4", "150.00"),
                         ("Oak dining table 180 cm", "1", "400.00")]  # fmt: skip
_GB_TOTAL = sum(_amounts(_GB_ITEMS), Decimal(0))  # 1,000.00 gross
_GB_VAT = _round(_GB_TOTAL / 6)  # 20 % included: 166.67
_GB_SELLER = ["Harrow & Finch Furniture Ltd", "22 Mill Lane, Bakewell DE45 1HA",
              "United Kingdom", "VAT Reg. No. GB 284 1937 55"]  # fmt: skip
_GB_BUYER = ["Peak Cottage Lets Ltd", "3 Rutland Square", "Buxton SK17 6BD, United Kingdom"]


def gb_incl_vat_balance() -> bytes:
    return _page(
        top=[(15, 12, "Harrow & Finch Furniture Ltd", 14, True), (150, 12, "INVOICE", 16, True)],
        seller=_GB_SELLER[1:], pairs=[("Invoice No.", "HF-26-0412"), ("Date", "12/04/2026")],
        buyer_label="Invoice to", buyer=_GB_BUYER, items=_GB_ITEMS, unit="pcs",
        totals=[("Total", f"£{_group(_GB_TOTAL)}"), ("incl. VAT 20%", f"£{_group(_GB_VAT)}"),
                ("Previous balance", f"£{_group(_GB_VAT)}"),
                ("Amount due", f"£{_group(_GB_TOTAL + _GB_VAT)}")],
        after=[(15, 0, "VAT Reg. No. GB 284 1937 55", 8)],
    )  # fmt: skip


GB_INCL_VAT_BALANCE_TRUTH = _truth(
    invoice_number="HF-26-0412", type_code="380", issue_date="2026-04-12", currency="GBP",
    seller_name="Harrow & Finch Furniture Ltd", seller_vat_id="GB284193755", seller_country="GB",
    buyer_name="Peak Cottage Lets Ltd", buyer_country="GB",
    tax_total=_plain(_GB_VAT), grand_total=_plain(_GB_TOTAL),
    due_payable=_plain(_GB_TOTAL + _GB_VAT), line_items=_lines(_GB_ITEMS, "H87"),
)  # fmt: skip


def gb_incl_vat() -> bytes:
    return _page(
        top=[(15, 12, "Harrow & Finch Furniture Ltd", 14, True), (150, 12, "INVOICE", 16, True)],
        seller=_GB_SELLER[1:], pairs=[("Invoice No.", "HF-26-0413"), ("Date", "13/04/2026")],
        buyer_label="Invoice to", buyer=_GB_BUYER, items=_GB_ITEMS, unit="pcs",
        totals=[("Total", f"£{_group(_GB_TOTAL)}"), ("incl. VAT 20%", f"£{_group(_GB_VAT)}"),
                ("Amount due", f"£{_group(_GB_TOTAL)}")],
        after=[(15, 0, "VAT Reg. No. GB 284 1937 55", 8)],
    )  # fmt: skip


GB_INCL_VAT_TRUTH = _truth(
    invoice_number="HF-26-0413", type_code="380", issue_date="2026-04-13", currency="GBP",
    seller_name="Harrow & Finch Furniture Ltd", seller_vat_id="GB284193755", seller_country="GB",
    buyer_name="Peak Cottage Lets Ltd", buyer_country="GB",
    tax_total=_plain(_GB_VAT), grand_total=_plain(_GB_TOTAL), due_payable=_plain(_GB_TOTAL),
    line_items=_lines(_GB_ITEMS, "H87"),
)  # fmt: skip


# -- Kenya: a pro forma, the total only in words, under a deposit in words ----------------------

_KE_ITEMS: list[Item] = [("Roasted coffee beans AA, 1 kg bag", "200", "12.00"),
                         ("Black tea CTC, 500 g pack", "300", "2.50")]  # fmt: skip
_KE_TOTAL = sum(_amounts(_KE_ITEMS), Decimal(0))  # 3,150.00


def ke_deposit_words() -> bytes:
    return _page(
        top=[(15, 12, "Kilima Highlands Exports Ltd", 14, True),
             (140, 12, "PROFORMA INVOICE", 13, True)],
        seller=["Mombasa Road, Plot 44", "Nairobi, Kenya", "PIN P051234567X"],
        pairs=[("Proforma No.", "KHE/PI/0412"), ("Date", "12 April 2026"), ("Currency", "USD")],
        buyer_label="Consignee", buyer=["Baltic Bean Roasters OU", "Telliskivi 60a",
                                         "10412 Tallinn, Estonia"],
        items=_KE_ITEMS, unit="pcs", totals=[],
        after=[(15, 0, "Deposit required: One thousand US Dollars only", 9),
               (15, 6, "Total amount in words: Three thousand one hundred fifty US Dollars only",
                9),
               (15, 12, "Balance payable against copy of bill of lading.", 8)],
    )  # fmt: skip


KE_DEPOSIT_WORDS_TRUTH = _truth(
    invoice_number="KHE/PI/0412", type_code="325", issue_date="2026-04-12", currency="USD",
    seller_name="Kilima Highlands Exports Ltd", seller_country="KE",
    buyer_name="Baltic Bean Roasters OU", buyer_country="EE",
    grand_total=_plain(_KE_TOTAL), due_payable=_plain(_KE_TOTAL),
    line_items=_lines(_KE_ITEMS, "H87"),
)  # fmt: skip


# -- US: the total in figures, "Paid: one hundred dollars" in words -----------------------------

_US_ITEMS: list[Item] = [("Trail running shoe, size 10", "3", "89.00"),
                         ("Merino hiking sock, 3-pack", "5", "24.00")]  # fmt: skip
_US_TOTAL = sum(_amounts(_US_ITEMS), Decimal(0))  # 387.00


def us_paid_words() -> bytes:
    return _page(
        top=[(15, 12, "Summit Outfitters LLC", 14, True), (150, 12, "INVOICE", 16, True)],
        seller=["410 Canyon Road", "Boulder, CO 80302", "United States"],
        pairs=[("Invoice #", "SO-7731"), ("Date", "April 12, 2026")],
        buyer_label="Bill To", buyer=["Ridgeline Guides Inc.", "9 Elk Street",
                                       "Jackson, WY 83001, United States"],
        items=_US_ITEMS, unit="pcs",
        totals=[("Total", f"${_group(_US_TOTAL)}"),
                ("Balance due", f"${_group(_US_TOTAL - 100)}")],
        after=[(15, 0, "Paid: one hundred dollars by check no. 2231, thank you.", 9)],
    )  # fmt: skip


# (session 33) ISO 4217: the US dollar is a US seller's own "$" (docs/documents.md)
US_PAID_WORDS_TRUTH = _truth(
    invoice_number="SO-7731", type_code="380", issue_date="2026-04-12", currency="USD",
    seller_name="Summit Outfitters LLC", seller_country="US",
    buyer_name="Ridgeline Guides Inc.", buyer_country="US",
    grand_total=_plain(_US_TOTAL), due_payable=_plain(_US_TOTAL - 100),
    line_items=_lines(_US_ITEMS, "H87"),
)  # fmt: skip


# -- ACME TRADING: a company name in two-word capitals starts the page --------------------------

_AC_ITEMS: list[Item] = [("Cotton tote bag, printed", "500", "1.80"),
                         ("Canvas backpack 20 L", "120", "9.50")]  # fmt: skip
_AC_TOTAL = sum(_amounts(_AC_ITEMS), Decimal(0))


def acme_trading() -> bytes:
    return _page(
        top=[(15, 12, "ACME TRADING", 16, True), (150, 12, "Invoice", 14, True)],
        seller=["Unit 5, 88 Hung To Road", "Kwun Tong, Hong Kong"],
        pairs=[("Invoice No.", "AT-2604-118"), ("Date", "2026-04-12"), ("Currency", "USD")],
        buyer_label="Sold to", buyer=["Nordic Bag Company AB", "Sveavägen 20",
                                       "111 57 Stockholm, Sweden"],
        items=_AC_ITEMS, unit="pcs", totals=[("Total USD", _group(_AC_TOTAL))],
        after=[(15, 0, "CREDIT TERMS", 9), (15, 5, "30 days from the date of invoice.", 8),
               (15, 12, "RETURN POLICY", 9), (15, 17, "Goods are not returnable.", 8)],
    )  # fmt: skip


ACME_TRADING_TRUTH = _truth(
    invoice_number="AT-2604-118", type_code="380", issue_date="2026-04-12", currency="USD",
    seller_name="ACME TRADING", seller_country="HK",
    buyer_name="Nordic Bag Company AB", buyer_country="SE",
    grand_total=_plain(_AC_TOTAL), due_payable=_plain(_AC_TOTAL),
    line_items=_lines(_AC_ITEMS, "H87"),
)  # fmt: skip


# -- checkboxes: "Credit note" ticked, and not ticked -------------------------------------------

_CB_ITEMS: list[Item] = [("Returned pallet jack, damaged", "2", "310.00"),
                         ("Freight refund", "1", "85.00")]  # fmt: skip
_CB_TOTAL = sum(_amounts(_CB_ITEMS), Decimal(0))


def _checkbox(ticked: str, number: str) -> bytes:
    boxes = "   ".join(("☒ " if name == ticked else "☐ ") + name
                       for name in ("Invoice", "Credit note", "Debit note"))  # fmt: skip
    return _page(
        top=[(15, 12, "Lindqvist Materials Handling AB", 14, True), (15, 19, boxes, 9, False)],
        seller=["Industrivägen 12", "Jönköping, Sweden", "VAT No. SE556123456701"],
        pairs=[("Document No.", number), ("Date", "2026-04-12"), ("Currency", "EUR")],
        buyer_label="Customer", buyer=["Holm Logistik A/S", "Havnegade 4",
                                        "8000 Aarhus, Denmark"],
        items=_CB_ITEMS, unit="pcs", totals=[("Total EUR", _group(_CB_TOTAL))],
    )  # fmt: skip


def credit_ticked() -> bytes:
    return _checkbox("Credit note", "LMH-CN-0412")


def credit_unticked() -> bytes:
    return _checkbox("Invoice", "LMH-IN-0412")


def _cb_truth(type_code: str, number: str) -> dict:
    return _truth(
        invoice_number=number,
        type_code=type_code,
        issue_date="2026-04-12",
        currency="EUR",
        seller_name="Lindqvist Materials Handling AB",
        seller_vat_id="SE556123456701",
        seller_country="SE",
        buyer_name="Holm Logistik A/S",
        buyer_country="DK",
        grand_total=_plain(_CB_TOTAL),
        due_payable=_plain(_CB_TOTAL),
        line_items=_lines(_CB_ITEMS, "H87"),
    )


CREDIT_TICKED_TRUTH = _cb_truth("381", "LMH-CN-0412")
CREDIT_UNTICKED_TRUTH = _cb_truth("380", "LMH-IN-0412")


# -- Germany to South Africa: euros, a local charge "R 1 250,00" noted --------------------------

_ZA_ITEMS: list[Item] = [("Hydraulic gear pump HP-40", "10", "480.00"),
                         ("Seal kit HP-40", "25", "36.00")]  # fmt: skip
_ZA_TOTAL = sum(_amounts(_ZA_ITEMS), Decimal(0))


def de_to_za_rand_note() -> bytes:
    return _page(
        top=[(15, 12, "Weber Hydraulik GmbH", 14, True), (140, 12, "INVOICE", 16, True)],
        seller=["Hafenstraße 8", "28217 Bremen, Germany", "VAT ID DE 812 345 678"],
        pairs=[("Invoice No.", "WH-2026-0412"), ("Date", "12.04.2026"), ("Currency", "EUR")],
        buyer_label="Buyer", buyer=["Cape Fluid Power (Pty) Ltd", "14 Marine Drive",
                                     "Paarden Eiland, Cape Town 7405, South Africa"],
        items=_ZA_ITEMS, unit="pcs", style="de",
        totals=[("Total EUR", _group(_ZA_TOTAL, "de"))],
        after=[(15, 0, "Port handling in Cape Town, R 1 250,00, is paid by the buyer locally.", 8),
               (15, 5, "Delivery DAP Cape Town (Incoterms 2020).", 8)],
    )  # fmt: skip


DE_TO_ZA_RAND_NOTE_TRUTH = _truth(
    invoice_number="WH-2026-0412", type_code="380", issue_date="2026-04-12", currency="EUR",
    seller_name="Weber Hydraulik GmbH", seller_vat_id="DE812345678", seller_country="DE",
    buyer_name="Cape Fluid Power (Pty) Ltd", buyer_country="ZA",
    grand_total=_plain(_ZA_TOTAL), due_payable=_plain(_ZA_TOTAL),
    line_items=_lines(_ZA_ITEMS, "H87"),
)  # fmt: skip


# -- Germany: package count and weights above the total ----------------------------------------

_DE_ITEMS: list[Item] = [("Edelstahlschraube M8 x 40", "5000", "0.12"),
                         ("Sechskantmutter M8", "5000", "0.04")]  # fmt: skip
_DE_NET = sum(_amounts(_DE_ITEMS), Decimal(0))  # 800.00
_DE_TAX = _round(_DE_NET * Decimal("0.19"))


def de_packstuecke() -> bytes:
    return _page(
        top=[(15, 12, "Schrauben Maier GmbH", 14, True), (140, 12, "RECHNUNG", 16, True)],
        seller=["Industriestraße 3", "74074 Heilbronn", "USt-IdNr. DE 298 765 432"],
        pairs=[("Rechnungs-Nr.", "RE-26-0412"), ("Datum", "12.04.2026")],
        buyer_label="Rechnungsempfänger", buyer=["Metallbau Keller GmbH", "Lindenweg 7",
                                                   "6020 Innsbruck, Österreich"],
        items=_DE_ITEMS, unit="Stk", style="de",
        heads=("Bezeichnung", "Menge", "Einh.", "Einzelpreis", "Betrag"),
        totals=[("Gesamtanzahl Packstücke:", "12"),
                ("Gesamtgewicht netto:", "1.250,00 kg"),
                ("Nettobetrag", f"{_group(_DE_NET, 'de')} EUR"),
                ("USt. 19 %", f"{_group(_DE_TAX, 'de')} EUR"),
                ("Gesamtbetrag", f"{_group(_DE_NET + _DE_TAX, 'de')} EUR")],
    )  # fmt: skip


# (session 33) no country the page does not name (docs/documents.md, conventions)
DE_PACKSTUECKE_TRUTH = _truth(
    invoice_number="RE-26-0412", type_code="380", issue_date="2026-04-12", currency="EUR",
    seller_name="Schrauben Maier GmbH", seller_vat_id="DE298765432", seller_country=None,
    buyer_name="Metallbau Keller GmbH", buyer_country="AT",
    tax_exclusive_total=_plain(_DE_NET), tax_total=_plain(_DE_TAX),
    grand_total=_plain(_DE_NET + _DE_TAX), due_payable=_plain(_DE_NET + _DE_TAX),
    line_items=_lines(_DE_ITEMS, "H87"),
)  # fmt: skip


# -- France: "Total colis" and "Nombre de colis" ------------------------------------------------

_FR_ITEMS: list[Item] = [("Confiture de fraise 370 g", "480", "2.10"),
                         ("Miel de lavande 250 g", "240", "4.60")]  # fmt: skip
_FR_NET = sum(_amounts(_FR_ITEMS), Decimal(0))  # 2112.00
_FR_TAX = _round(_FR_NET * Decimal("0.055"))


def _fr(value: Decimal) -> str:
    return _group(value).replace(",", " ").replace(".", ",")


def fr_colis() -> bytes:
    return _page(
        top=[(15, 12, "Les Vergers de Provence SAS", 14, True), (145, 12, "FACTURE", 16, True)],
        seller=["12 chemin des Oliviers", "84000 Avignon, France", "TVA FR 41 512 345 678"],
        pairs=[("Facture n°", "VP-2026-412"), ("Date", "12/04/2026")],
        buyer_label="Client", buyer=["Épicerie Fine Dubois SPRL", "Rue Haute 40",
                                      "1000 Bruxelles, Belgique"],
        items=_FR_ITEMS, unit="pce", heads=("Désignation", "Qté", "Unité", "P.U. HT", "Montant HT"),
        totals=[("Nombre de colis :", "24"), ("Total colis :", "24"),
                ("Total HT", f"{_fr(_FR_NET)} €"), ("TVA 5,5 %", f"{_fr(_FR_TAX)} €"),
                ("Total TTC", f"{_fr(_FR_NET + _FR_TAX)} €")],
    )  # fmt: skip


def _fr_items_printed() -> list[dict]:
    return _lines(_FR_ITEMS, "H87")


FR_COLIS_TRUTH = _truth(
    invoice_number="VP-2026-412", type_code="380", issue_date="2026-04-12", currency="EUR",
    seller_name="Les Vergers de Provence SAS", seller_vat_id="FR41512345678", seller_country="FR",
    buyer_name="Épicerie Fine Dubois SPRL", buyer_country="BE",
    tax_exclusive_total=_plain(_FR_NET), tax_total=_plain(_FR_TAX),
    grand_total=_plain(_FR_NET + _FR_TAX), due_payable=_plain(_FR_NET + _FR_TAX),
    line_items=_fr_items_printed(),
)  # fmt: skip


# -- formulas: "VAT 20 % x 2,000.00 = 400.00", "3 pallets x 45.00 = 135.00" ----------------------

_EQ_ITEMS: list[Item] = [("LED panel 60 x 60, 40 W", "40", "35.00"),
                         ("Emergency exit sign", "20", "30.00")]  # fmt: skip
_EQ_NET = sum(_amounts(_EQ_ITEMS), Decimal(0))  # 2,000.00
_EQ_FREIGHT = Decimal("135.00")
_EQ_TAX = _round((_EQ_NET + _EQ_FREIGHT) * Decimal("0.20"))


def eq_formula() -> bytes:
    net = _EQ_NET + _EQ_FREIGHT
    return _page(
        top=[(15, 12, "Brightline Lighting Ltd", 14, True), (150, 12, "INVOICE", 16, True)],
        seller=["Unit 9, Riverside Park", "Leeds LS10 1AB, United Kingdom"],
        pairs=[("Invoice No.", "BL-40412"), ("Date", "12 Apr 2026"), ("Currency", "GBP")],
        buyer_label="Customer", buyer=["Ormsby Electrical Contractors Ltd", "5 Quay Street",
                                        "Belfast BT1 3AA, United Kingdom"],
        items=_EQ_ITEMS, unit="pcs", heads=("Description", "Qty", "Unit", "Price", "Qty x Price"),
        totals=[("Goods", _group(_EQ_NET)),
                ("Freight: 3 pallets x 45.00 =", _group(_EQ_FREIGHT)),
                ("Net", _group(net)),
                (f"VAT 20 % x {_group(net)} =", _group(_EQ_TAX)),
                ("Invoice total", _group(net + _EQ_TAX))],
        after=[(15, 0, "Qty x Price = Amount; prices exclude VAT.", 8)],
    )  # fmt: skip


EQ_FORMULA_TRUTH = _truth(
    invoice_number="BL-40412", type_code="380", issue_date="2026-04-12", currency="GBP",
    seller_name="Brightline Lighting Ltd", seller_country="GB",
    buyer_name="Ormsby Electrical Contractors Ltd", buyer_country="GB",
    tax_exclusive_total=_plain(_EQ_NET + _EQ_FREIGHT), tax_total=_plain(_EQ_TAX),
    grand_total=_plain(_EQ_NET + _EQ_FREIGHT + _EQ_TAX),
    due_payable=_plain(_EQ_NET + _EQ_FREIGHT + _EQ_TAX),
    line_items=_lines(_EQ_ITEMS, "H87"),
)  # fmt: skip


REVIEW11: list[Layout] = [
    Layout("gb-incl-vat-balance", gb_incl_vat_balance, GB_INCL_VAT_BALANCE_TRUTH),
    Layout("gb-incl-vat", gb_incl_vat, GB_INCL_VAT_TRUTH),
    Layout("ke-deposit-words", ke_deposit_words, KE_DEPOSIT_WORDS_TRUTH),
    Layout("us-paid-words", us_paid_words, US_PAID_WORDS_TRUTH),
    Layout("acme-trading", acme_trading, ACME_TRADING_TRUTH),
    Layout("credit-ticked", credit_ticked, CREDIT_TICKED_TRUTH),
    Layout("credit-unticked", credit_unticked, CREDIT_UNTICKED_TRUTH),
    Layout("de-to-za-rand-note", de_to_za_rand_note, DE_TO_ZA_RAND_NOTE_TRUTH),
    Layout("de-packstuecke", de_packstuecke, DE_PACKSTUECKE_TRUTH),
    Layout("fr-colis", fr_colis, FR_COLIS_TRUTH),
    Layout("eq-formula", eq_formula, EQ_FORMULA_TRUTH),
]


def write_review11(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, REVIEW11)
