"""A thirty-ninth batch of hand-written invoices (session 32, invoices29), written and committed
before the reader's code was read: six layouts from places no batch 1-38 has, Saint Helena,
Grenada, Nauru, the Turks and Caicos Islands, Saint-Martin (the French side) and Norfolk Island.

The layouts: a Saint Helena invoice from Jamestown in Saint Helena pounds (``£`` before the
figures, ``SHP`` in the headers), no tax line, a buyer on Ascension Island; a Grenadian invoice
in EC dollars (``EC$``), VAT 15 %, a ``TIN:`` number, a buyer in Trinidad and Tobago; a Nauruan
invoice in Australian dollars (``AUD`` after the figures), no tax, no tax id, a buyer in the
Marshall Islands; a Turks and Caicos invoice in US dollars (``US$``), no tax, a ``Business
Licence No.`` that is not a tax id, a buyer in the Bahamas; a facture from Marigot, Saint-Martin,
in euros, ``TVA non applicable`` (no tax), a SIRET that is not a VAT number, a buyer on Sint
Maarten (the Dutch side); a Norfolk Island tax invoice in Australian dollars, GST 10 %, an ABN,
a buyer in New Zealand.

Ground truth as in the earlier batches (layouts_batch37.py's docstring), written before any
reading: the seller's country the ISO code of where the seller is (Saint Helena SH, Grenada GD,
Nauru NR, Turks and Caicos TC, Saint-Martin MF, Norfolk Island NF); the currency what the page's
seller bills in (a ``£`` from Saint Helena is the Saint Helena pound, SHP); the grand total what
the goods and tax come to, the amount due what is left to pay; a licence or SIRET number is not a
tax id, an ABN is (Australia's GST number); units as UN/ECE codes (kg: KGM; pcs: H87; ctn: XCT;
bag: XBG; btl: XBO; box: XBX; l: LTR).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch20 import UnitItem, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_batch30 import _cells
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _group, _plain, _round


def _fr(value: Decimal) -> str:
    """1 234,56: a space between thousands, a decimal comma."""
    whole, _, frac = f"{value:.2f}".partition(".")
    return f"{int(whole):,}".replace(",", " ") + "," + frac


_COLS = [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"), ("Qty", 115, 12, "R"),
         ("Unit Price", 129, 28, "R"), ("Amount", 159, 36, "R")]  # fmt: skip


# -- Saint Helena -> Ascension: Saint Helena pounds ('£', 'SHP'), no tax line -------------------

_SH_ITEMS: list[UnitItem] = [("St Helena coffee, green beans, 30 kg sack", "12", "bag", "640.00"),
                             ("Flax fibre rope, 12 mm, 50 m coil", "40", "pcs",
                              "27.50")]  # fmt: skip
_SH_TOTAL = _unit_sum(_SH_ITEMS)


def sh_invoice() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Jamestown Island Produce Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Main Street, Jamestown STHL 1ZZ", "Saint Helena, South Atlantic"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice No:", "JIP-2026-0331"), ("Date:", "1 December 2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Invoice to:", size=9, bold=True)
    _block(s, 15, 37, ["Georgetown Stores Ascension", "Georgetown ASCN 1ZZ",
                       "Ascension Island"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Price SHP", 129, 28, "R"),
                       ("Amount SHP", 159, 36, "R")],
               _cells(_SH_ITEMS, lambda v: f"£{_group(v)}"))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Total Due", f"£{_group(_SH_TOTAL)}")], width=40, size=9)
    return s.output()


SH_INVOICE_TRUTH = _truth(
    invoice_number="JIP-2026-0331", type_code="380", issue_date="2026-12-01", currency="SHP",
    seller_name="Jamestown Island Produce Ltd", seller_country="SH",
    buyer_name="Georgetown Stores Ascension", buyer_country="SH",
    grand_total=_plain(_SH_TOTAL), due_payable=_plain(_SH_TOTAL),
    line_items=_unit_lines(_SH_ITEMS, {"bag": "XBG", "pcs": "H87"}),
)  # fmt: skip


# -- Grenada -> Trinidad: EC$, VAT 15 %, a TIN -----------------------------------------------------

_GD_ITEMS: list[UnitItem] = [("Whole nutmeg, grade SUNS, 50 kg sack", "30", "bag", "1250.00"),
                             ("Organic cocoa nibs, 1 kg pouch", "400", "pcs", "38.00")]  # fmt: skip
_GD_NET = _unit_sum(_GD_ITEMS)
_GD_TAX = _round(_GD_NET * Decimal("0.15"))


def gd_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Spice Isle Exporters Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Melville Street, St. George's, Grenada, W.I.", "TIN: 104587"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(120, 20, [("Invoice #:", "SIE-4471"), ("Invoice Date:", "02/12/2026")], gap=26,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Bill To:", size=9, bold=True)
    _block(s, 15, 37, ["Caribbean Flavours Trading Ltd", "45 Wrightson Road, Port of Spain",
                       "Trinidad and Tobago"], size=8)  # fmt: skip
    y = _table(s, 56, [("Description", 15, 82, "L"), ("Unit", 99, 14, "L"),
                       ("Qty", 115, 12, "R"), ("Price EC$", 129, 28, "R"),
                       ("Amount EC$", 159, 36, "R")],
               _cells(_GD_ITEMS, _group))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal", f"EC${_group(_GD_NET)}"),
                                 ("VAT 15%", f"EC${_group(_GD_TAX)}"),
                                 ("Total Due", f"EC${_group(_GD_NET + _GD_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


GD_INVOICE_TRUTH = _truth(
    invoice_number="SIE-4471", type_code="380", issue_date="2026-12-02", currency="XCD",
    seller_name="Spice Isle Exporters Ltd", seller_vat_id="104587", seller_country="GD",
    buyer_name="Caribbean Flavours Trading Ltd", buyer_country="TT",
    tax_exclusive_total=_plain(_GD_NET), tax_total=_plain(_GD_TAX),
    grand_total=_plain(_GD_NET + _GD_TAX), due_payable=_plain(_GD_NET + _GD_TAX),
    line_items=_unit_lines(_GD_ITEMS, {"bag": "XBG", "pcs": "H87"}),
)  # fmt: skip


# -- Nauru -> Marshall Islands: 'AUD' after the figures, no tax, no tax id ------------------------

_NR_ITEMS: list[UnitItem] = [("Coconut oil, cold pressed, 20 l drum", "25", "pcs", "96.00"),
                             ("Dried reef fish, 10 kg carton", "60", "ctn", "142.50")]  # fmt: skip
_NR_TOTAL = _unit_sum(_NR_ITEMS)


def nr_invoice() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Anibare Bay Trading Co.", size=12, bold=True)
    _block(s, 15, 16, ["Aiwo District, Republic of Nauru", "Tel +674 557 1234"], size=7.5)
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice No.", "ABT-0912"), ("Date", "4 Dec 2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Customer:", size=9, bold=True)
    _block(s, 15, 37, ["Majuro Atoll Wholesale Inc.", "Delap Village, Majuro MH 96960",
                       "Marshall Islands"], size=8)  # fmt: skip
    y = _table(s, 56, _COLS, _cells(_NR_ITEMS, lambda v: f"{_group(v)} AUD"))
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("TOTAL", f"{_group(_NR_TOTAL)} AUD")], width=40, size=9)
    return s.output()


NR_INVOICE_TRUTH = _truth(
    invoice_number="ABT-0912", type_code="380", issue_date="2026-12-04", currency="AUD",
    seller_name="Anibare Bay Trading Co.", seller_country="NR",
    buyer_name="Majuro Atoll Wholesale Inc.", buyer_country="MH",
    grand_total=_plain(_NR_TOTAL), due_payable=_plain(_NR_TOTAL),
    line_items=_unit_lines(_NR_ITEMS, {"pcs": "H87", "ctn": "XCT"}),
)  # fmt: skip


# -- Turks and Caicos -> Bahamas: US$, no tax, a business licence (not a tax id) ----------------

_TC_ITEMS: list[UnitItem] = [("Queen conch shell, polished, large", "150", "pcs", "24.00"),
                             ("Sea salt, Salt Cay harvest, 1 kg bag", "500", "bag",
                              "7.25")]  # fmt: skip
_TC_TOTAL = _unit_sum(_TC_ITEMS)


def tc_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Grand Turk Salt & Shell Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Front Street, Cockburn Town, Grand Turk TKCA 1ZZ",
                       "Turks and Caicos Islands", "Business Licence No. 45871"],
           size=7.5)  # fmt: skip
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 24, [("Invoice No:", "GTS-26-118"), ("Date:", "Dec 3, 2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 36, "Sold To:", size=9, bold=True)
    _block(s, 15, 41, ["Nassau Coastal Gifts Ltd", "Bay Street, Nassau", "The Bahamas"],
           size=8)  # fmt: skip
    y = _table(s, 60, _COLS, _cells(_TC_ITEMS, lambda v: f"US${_group(v)}"))
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Balance Due", f"US${_group(_TC_TOTAL)}")], width=40,
            size=9)  # fmt: skip
    return s.output()


TC_INVOICE_TRUTH = _truth(
    invoice_number="GTS-26-118", type_code="380", issue_date="2026-12-03", currency="USD",
    seller_name="Grand Turk Salt & Shell Ltd", seller_country="TC",
    buyer_name="Nassau Coastal Gifts Ltd", buyer_country="BS",
    grand_total=_plain(_TC_TOTAL), due_payable=_plain(_TC_TOTAL),
    line_items=_unit_lines(_TC_ITEMS, {"pcs": "H87", "bag": "XBG"}),
)  # fmt: skip


# -- Saint-Martin (French side) -> Sint Maarten: euros, 'TVA non applicable', a SIRET -------------

_MF_ITEMS: list[UnitItem] = [("Rhum arrangé goyave, bouteille 70 cl", "240", "btl", "18.90"),
                             ("Paréo coton imprimé, 110 x 180 cm", "150", "pcs",
                              "22.00")]  # fmt: skip
_MF_TOTAL = _unit_sum(_MF_ITEMS)


def mf_facture() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Comptoir de Marigot SARL", size=12, bold=True)
    _block(s, 15, 16, ["Rue de la République, 97150 Marigot, Saint-Martin",
                       "SIRET 458 712 458 00018"], size=7.5)  # fmt: skip
    s.text(155, 10, "FACTURE", size=14, bold=True)
    s.pairs(116, 20, [("Facture n° :", "CM-2026-0418"), ("Date :", "3 décembre 2026")], gap=26,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Client :", size=9, bold=True)
    _block(s, 15, 37, ["Philipsburg Island Gifts N.V.", "Front Street 45, Philipsburg",
                       "Sint Maarten"], size=8)  # fmt: skip
    y = _table(s, 56, [("Désignation", 15, 82, "L"), ("Unité", 99, 14, "L"),
                       ("Qté", 115, 12, "R"), ("P.U. €", 129, 28, "R"),
                       ("Montant €", 159, 36, "R")],
               _cells(_MF_ITEMS, _fr))  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 100, 155, y + 3, [("Total à payer", f"{_fr(_MF_TOTAL)} €")], width=40,
                size=9)  # fmt: skip
    _block(s, 15, y + 5, ["TVA non applicable, art. 293 B du CGI."], size=7.5)
    return s.output()


MF_FACTURE_TRUTH = _truth(
    invoice_number="CM-2026-0418", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Comptoir de Marigot SARL", seller_country="MF",
    buyer_name="Philipsburg Island Gifts N.V.", buyer_country="SX",
    grand_total=_plain(_MF_TOTAL), due_payable=_plain(_MF_TOTAL),
    line_items=_unit_lines(_MF_ITEMS, {"btl": "XBO", "pcs": "H87"}),
)  # fmt: skip


# -- Norfolk Island -> New Zealand: a tax invoice, A$, GST 10 %, an ABN ---------------------------

_NF_ITEMS: list[UnitItem] = [("Norfolk pine seedlings, 30 cm pot", "200", "pcs", "14.50"),
                             ("Island honey, 500 g jar, box of 12", "45", "box",
                              "96.00")]  # fmt: skip
_NF_NET = _unit_sum(_NF_ITEMS)
_NF_TAX = _round(_NF_NET * Decimal("0.10"))


def nf_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Burnt Pine Island Traders Pty Ltd", size=12, bold=True)
    _block(s, 15, 16, ["Taylors Road, Burnt Pine, Norfolk Island 2899",
                       "ABN 45 871 245 871"], size=7.5)  # fmt: skip
    s.text(150, 10, "TAX INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice No:", "BPI-10277"), ("Date:", "05/12/2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Bill To:", size=9, bold=True)
    _block(s, 15, 37, ["Auckland Garden Imports Ltd", "18 Quay Street, Auckland 1010",
                       "New Zealand"], size=8)  # fmt: skip
    y = _table(s, 56, _COLS, _cells(_NF_ITEMS, lambda v: f"A${_group(v)}"))
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, [("Subtotal", f"A${_group(_NF_NET)}"),
                                 ("GST 10%", f"A${_group(_NF_TAX)}"),
                                 ("Total incl. GST", f"A${_group(_NF_NET + _NF_TAX)}")],
            width=40, size=8.5)  # fmt: skip
    return s.output()


NF_INVOICE_TRUTH = _truth(
    invoice_number="BPI-10277", type_code="380", issue_date="2026-12-05", currency="AUD",
    seller_name="Burnt Pine Island Traders Pty Ltd", seller_vat_id="45871245871",
    seller_country="NF", buyer_name="Auckland Garden Imports Ltd", buyer_country="NZ",
    tax_exclusive_total=_plain(_NF_NET), tax_total=_plain(_NF_TAX),
    grand_total=_plain(_NF_NET + _NF_TAX), due_payable=_plain(_NF_NET + _NF_TAX),
    line_items=_unit_lines(_NF_ITEMS, {"pcs": "H87", "box": "XBX"}),
)  # fmt: skip


BATCH39: list[Layout] = [
    Layout("sh-invoice-ac", sh_invoice, SH_INVOICE_TRUTH),
    Layout("gd-invoice-tt", gd_invoice, GD_INVOICE_TRUTH),
    Layout("nr-invoice-mh", nr_invoice, NR_INVOICE_TRUTH),
    Layout("tc-invoice-bs", tc_invoice, TC_INVOICE_TRUTH),
    Layout("mf-facture-sx", mf_facture, MF_FACTURE_TRUTH),
    Layout("nf-tax-invoice", nf_invoice, NF_INVOICE_TRUTH),
]


def write_batch39(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH39)
