"""An eighth batch of hand-written invoices, written before the reader's rules were read for it.

Twelve invoices for what the earlier batches show little or none of: a Dutch exporter's invoice
over three pages (the item table continues on pages 2 and 3 under a repeated header, the totals
only on the last page, no page subtotals), a French ``Avoir`` printed with the typographic minus
sign (U+2212) and its date in words (``5 mars 2026``), an Irish invoice whose supplier and
customer blocks sit side by side, each with its own VAT number, a Swiss Rechnung with ``CHF``
before every amount and apostrophes (``CHF 12'345.60``) and ``5. März 2026``, an Indian tax
invoice dated ``5th March 2026`` with lakh grouping and IGST, a UK wholesaler's invoice in ``£``
only with ``Disc %`` and ``VAT %`` columns and two VAT rates, a German invoice dated ``März 5,
2026`` with ``€`` before the number and ``Rabatt`` and ``USt.`` columns, a Japanese exporter in
``¥`` only (whole yen), a Hong Kong ``PRO-FORMA INVOICE``, a Turkish exporter's commercial
invoice for customs (Incoterm, HS code, origin, net and gross weight per line, weight columns to
the right of the amount), an SAP-style German Gutschrift with the minus after the number
(``970,00-``), and a Taiwanese commercial invoice over two pages with ``Carried forward`` /
``Brought forward`` lines and HS codes.

Ground truth conventions (as in the earlier batches): VAT ids without spaces, dots or hyphens;
a country where the page names it, else null; no tax fields on an export invoice that prints no
tax; a credit note's amounts positive as EN 16931 has them (type code 381 carries the sign);
the unit price as printed before a line discount, the line amount after it; a pro forma is 325.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_unseen2 import Sheet2

MINUS = "\u2212"


def _group(value: Decimal, style: str = "en", places: int = 2) -> str:
    """``value`` printed with thousands separators: en 1,234.50; de 1.234,50; ch 1'234.50;
    in (lakh) 1,23,456.00."""
    sign = "-" if value < 0 else ""
    text = f"{abs(value):.{places}f}"
    whole, _, frac = text.partition(".")
    if style == "in" and len(whole) > 3:
        head, tail = whole[:-3], whole[-3:]
        pairs = []
        while len(head) > 2:
            pairs.insert(0, head[-2:])
            head = head[:-2]
        whole = ",".join([head, *pairs, tail]) if head else ",".join([*pairs, tail])
    else:
        whole = f"{int(whole):,}"
    sep = {"en": ",", "in": ",", "de": ".", "ch": "'"}[style]
    dec = "," if style == "de" else "."
    whole = whole.replace(",", sep)
    return sign + whole + (dec + frac if places else "")


def _plain(value: Decimal) -> str:
    """An amount as the truth writes it: two places, no grouping."""
    return f"{value:.2f}"


def _price(value: Decimal) -> str:
    """A unit price as the truth writes it: no trailing zeros."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _d(text: str) -> Decimal:
    return Decimal(text)


def _round(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"))


# -- Netherlands: three pages, the item table continuing under a repeated header, totals on the
# last page only, no page subtotals, "Page 1 of 3" -----------------------------------------------

_NL_ITEMS = [
    ("TP-09", "Terracotta pot 9 cm", "1200", "0.38"),
    ("TP-12", "Terracotta pot 12 cm", "900", "0.62"),
    ("TP-17", "Terracotta pot 17 cm", "600", "1.15"),
    ("GP-14", "Glazed pot 14 cm, anthracite", "480", "2.35"),
    ("GP-21", "Glazed pot 21 cm, anthracite", "240", "4.90"),
    ("HB-30", "Hanging basket 30 cm, coco liner", "150", "3.75"),
    ("SL-45", "Seed tray 45 x 30 cm", "800", "0.84"),
    ("SL-24", "Seed tray insert, 24 cells", "800", "0.29"),
    ("PL-100", "Plant label 100 mm, white", "20000", "0.012"),
    ("TW-50", "Tying wire on spool, 50 m", "300", "1.45"),
    ("WC-10", "Watering can 10 l, green", "120", "6.80"),
    ("WC-05", "Watering can 5 l, green", "120", "4.20"),
    ("SP-01", "Hand sprayer 1 l", "240", "2.10"),
    ("GL-M", "Garden gloves, size M", "360", "1.95"),
    ("GL-L", "Garden gloves, size L", "360", "1.95"),
    ("TR-01", "Hand trowel, stainless", "200", "3.40"),
    ("FK-01", "Hand fork, stainless", "200", "3.40"),
    ("SC-20", "Secateurs 20 cm, bypass", "150", "7.25"),
    ("CM-40", "Potting compost 40 l", "500", "2.95"),
    ("BK-20", "Bark mulch 50 l", "300", "4.10"),
    ("FE-01", "Slow-release fertiliser 1 kg", "250", "3.60"),
    ("GN-06", "Garden netting 2 x 6 m", "100", "5.45"),
]


def _nl_rows(items: list[tuple[str, str, str, str]]) -> list[list[str]]:
    return [[code, text, _group(_d(qty), places=0), "PCS", f"{_d(price):.3f}"
             if _d(price) < Decimal("0.1") else _group(_d(price)),
             _group(_round(_d(qty) * _d(price)))] for code, text, qty, price in items]  # fmt: skip


_NL_COLUMNS = [
    ("Art. No.", 15, 16, "L"),
    ("Description", 33, 70, "L"),
    ("Qty", 105, 16, "R"),
    ("Unit", 124, 10, "L"),
    ("Price", 136, 22, "R"),
    ("Amount EUR", 160, 35, "R"),
]


def _nl_header(s: Sheet2, page: int) -> None:
    s.text(15, 12, "Van Wijk Tuinbenodigdheden B.V.", size=14, bold=True)
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.text(170, 282, f"Page {page} of 3", size=7.5)


def nl_three_pages() -> bytes:
    s = Sheet2()
    _nl_header(s, 1)
    s.lines(15, 20, ["Kwekerslaan 18", "2671 MB Naaldwijk", "The Netherlands",
                     "VAT NL 8234.56.789.B01", "KvK 27123456"], size=8, step=4)  # fmt: skip
    s.pairs(130, 24, [("Invoice no.", "VW-26-03117"), ("Invoice date", "2026-03-05"),
                      ("Customer no.", "GB-0442"), ("Delivery", "DAP Swindon")], gap=28,
            step=4.5)  # fmt: skip
    s.text(15, 50, "Invoice address", size=8.5, bold=True)
    s.lines(15, 55, ["Green Valley Garden Centres Ltd", "Unit 7, Kembrey Park",
                     "Swindon SN2 8UY", "United Kingdom"], size=8.5)  # fmt: skip
    s.grid(85, _NL_COLUMNS, _nl_rows(_NL_ITEMS[:11]), size=8.5, step=7)
    s.text(15, 272, "continued on next page", size=8)
    s.pdf.add_page()
    _nl_header(s, 2)
    s.text(15, 20, "Invoice no. VW-26-03117 · 2026-03-05", size=8.5)
    s.grid(30, _NL_COLUMNS, _nl_rows(_NL_ITEMS[11:20]), size=8.5, step=7)
    s.text(15, 272, "continued on next page", size=8)
    s.pdf.add_page()
    _nl_header(s, 3)
    s.text(15, 20, "Invoice no. VW-26-03117 · 2026-03-05", size=8.5)
    y = s.grid(30, _NL_COLUMNS, _nl_rows(_NL_ITEMS[20:]), size=8.5, step=7)
    net = sum((_round(_d(q) * _d(p)) for _, _, q, p in _NL_ITEMS), Decimal(0))
    s.pairs(115, y + 8, [("Total excl. VAT", f"EUR {_group(net)}"),
                         ("VAT 0 % (export)", "EUR 0.00"), ("Total amount", f"EUR {_group(net)}")],
            gap=42, value_width=38, align="R")  # fmt: skip
    s.lines(15, y + 30, ["Zero-rated export outside the EU. Payment within 30 days to",
                         "IBAN NL91 ABNA 0417 1643 00, quoting the invoice number."], size=8,
            step=4)  # fmt: skip
    return s.output()


_NL_NET = _plain(sum((_round(_d(q) * _d(p)) for _, _, q, p in _NL_ITEMS), Decimal(0)))
NL_THREE_PAGES_TRUTH = _truth(
    invoice_number="VW-26-03117", type_code="380", issue_date="2026-03-05", currency="EUR",
    seller_name="Van Wijk Tuinbenodigdheden B.V.", seller_vat_id="NL823456789B01",
    seller_country="NL", buyer_name="Green Valley Garden Centres Ltd", buyer_country="GB",
    tax_exclusive_total=_NL_NET, tax_total="0.00", grand_total=_NL_NET, due_payable=_NL_NET,
    line_items=[_line(text, qty, "H87", _price(_d(price)), _plain(_round(_d(qty) * _d(price))))
                for _, text, qty, price in _NL_ITEMS],
)  # fmt: skip


# -- France: an "AVOIR" (credit note) printed with the typographic minus U+2212, the date in
# words, "Facture d'origine", "Net à déduire" --------------------------------------------------

_FR_ITEMS = [
    ("LC-201", "Crème hydratante 50 ml", "24", "8.50"),
    ("LC-330", "Sérum éclat 30 ml", "12", "14.90"),
    ("LC-410", "Lait démaquillant 200 ml", "18", "6.20"),
]


def _fr(value: Decimal) -> str:
    """French printing: space thousands, decimal comma, the typographic minus, then €."""
    text = _group(abs(value), "de").replace(".", " ")
    return (MINUS if value < 0 else "") + text + " €"


def fr_avoir() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "Maison Lefèvre Cosmétiques SAS", size=14, bold=True)
    s.lines(15, 20, ["12 rue des Tanneurs", "69002 Lyon", "France",
                     "N° TVA intracommunautaire : FR 45 512 345 678",
                     "SIRET 512 345 678 00021"], size=8, step=4)  # fmt: skip
    s.text(140, 12, "AVOIR", size=18, bold=True)
    s.pairs(120, 24, [("Avoir n°", "AV-2026-0087"), ("Date", "5 mars 2026"),
                      ("Facture d'origine", "FA-2026-1140"), ("Client n°", "C-00731")],
            gap=32, step=4.5)  # fmt: skip
    s.text(110, 50, "Client", size=8.5, bold=True)
    s.lines(110, 55, ["Pharmacie du Marché SARL", "4 place du Marché", "38000 Grenoble",
                      "France"], size=8.5)  # fmt: skip
    rows = []
    net = Decimal(0)
    for code, text, qty, price in _FR_ITEMS:
        amount = -_round(_d(qty) * _d(price))
        net += amount
        rows.append([code, text, MINUS + qty, _fr(_d(price)), "20 %", _fr(amount)])
    y = s.grid(
        85,
        [
            ("Réf.", 15, 16, "L"),
            ("Désignation", 33, 62, "L"),
            ("Qté", 97, 12, "R"),
            ("P.U. HT", 111, 24, "R"),
            ("TVA", 137, 12, "R"),
            ("Montant HT", 160, 35, "R"),
        ],
        rows,
    )  # fmt: skip
    tax = _round(net * Decimal("0.2"))
    s.pairs(115, y + 6, [("Total HT", _fr(net)), ("TVA 20 %", _fr(tax)),
                         ("Total TTC", _fr(net + tax)), ("Net à déduire", _fr(net + tax))],
            gap=42, value_width=38, align="R")  # fmt: skip
    s.text(15, y + 32, "Motif : retour de marchandise, lot 2602-17 (emballages endommagés).",
           size=8)  # fmt: skip
    return s.output()


_FR_NET = sum((_round(_d(q) * _d(p)) for _, _, q, p in _FR_ITEMS), Decimal(0))
_FR_TAX = _round(_FR_NET * Decimal("0.2"))
FR_AVOIR_TRUTH = _truth(
    invoice_number="AV-2026-0087", type_code="381", issue_date="2026-03-05", currency="EUR",
    seller_name="Maison Lefèvre Cosmétiques SAS", seller_vat_id="FR45512345678",
    seller_country="FR", buyer_name="Pharmacie du Marché SARL", buyer_country="FR",
    tax_exclusive_total=_plain(_FR_NET), tax_total=_plain(_FR_TAX),
    grand_total=_plain(_FR_NET + _FR_TAX), due_payable=_plain(_FR_NET + _FR_TAX),
    line_items=[_line(text, qty, None, _price(_d(price)), _plain(_round(_d(qty) * _d(price))))
                for _, text, qty, price in _FR_ITEMS],
)  # fmt: skip


# -- Ireland: supplier and customer blocks side by side, each with a VAT number; the invoice's
# details in a row of boxes below them; "€" only ----------------------------------------------


def ie_side_by_side() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "INVOICE", size=20, bold=True, width=180, align="C")
    s.pdf.rect(15, 24, 88, 38)
    s.pdf.rect(107, 24, 88, 38)
    s.text(18, 26, "Supplier", size=8, bold=True)
    s.lines(18, 31, ["Shannon Precision Tooling Ltd", "Smithstown Industrial Estate",
                     "Shannon, Co. Clare V14 HX30", "Ireland", "VAT No: IE 6388047V"],
            size=8.5)  # fmt: skip
    s.text(110, 26, "Customer", size=8, bold=True)
    s.lines(110, 31, ["Corrib Engineering Services Ltd", "Unit 12, Ballybrit Business Park",
                      "Galway H91 R2E7", "Ireland", "VAT No: IE 3344556TH"],
            size=8.5)  # fmt: skip
    s.boxes(15, 68, [("Invoice Number", "SPT-11873"), ("Invoice Date", "05/03/2026"),
                     ("Customer PO", "CES-PO-2291"), ("Payment Terms", "30 days")],
            width=45)  # fmt: skip
    y = s.grid(
        88,
        [
            ("Description", 15, 85, "L"),
            ("Qty", 102, 14, "R"),
            ("Unit Price", 118, 24, "R"),
            ("VAT", 144, 12, "R"),
            ("Line Total", 160, 35, "R"),
        ],
        [
            ["Carbide end mill 10 mm, 4 flute", "40", "€38.50", "23%", "€1,540.00"],
            ["Collet chuck ER32, BT40", "6", "€214.00", "23%", "€1,284.00"],
            ["Tool presetting and calibration (hours)", "3.5", "€85.00", "23%", "€297.50"],
        ],
    )  # fmt: skip
    s.pairs(120, y + 6, [("Subtotal", "€3,121.50"), ("VAT 23%", "€717.95"),
                         ("Total", "€3,839.45"), ("Balance Due", "€3,839.45")], gap=40,
            value_width=35, align="R")  # fmt: skip
    s.text(15, y + 34, "Bank: AIB, IBAN IE29 AIBK 9311 5212 3456 78", size=8)
    return s.output()


IE_SIDE_BY_SIDE_TRUTH = _truth(
    invoice_number="SPT-11873", type_code="380", issue_date="2026-03-05", currency="EUR",
    seller_name="Shannon Precision Tooling Ltd", seller_vat_id="IE6388047V", seller_country="IE",
    buyer_name="Corrib Engineering Services Ltd", buyer_country="IE",
    tax_exclusive_total="3121.50", tax_total="717.95", grand_total="3839.45",
    due_payable="3839.45",
    line_items=[
        _line("Carbide end mill 10 mm, 4 flute", "40", None, "38.5", "1540.00"),
        _line("Collet chuck ER32, BT40", "6", None, "214", "1284.00"),
        _line("Tool presetting and calibration (hours)", "3.5", None, "85", "297.50"),
    ],
)  # fmt: skip


# -- Switzerland (German): "CHF" before every amount, apostrophes, "5. März 2026", "Stk." --------

_CH_ITEMS = [
    ("Präzisionsspindel PS-40", "4", "Stk.", "3125.00"),
    ("Linearführung LF-600, 600 mm", "12", "Stk.", "412.80"),
    ("Montage und Inbetriebnahme", "6", "Std.", "145.00"),
]


def ch_chf_prefix() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Alpenglanz Feinmechanik GmbH", size=14, bold=True)
    s.lines(15, 20, ["Technikumstrasse 71", "8400 Winterthur", "Schweiz",
                     "MWST: CHE-287.415.396 MWST"], size=8, step=4)  # fmt: skip
    s.text(110, 45, "Berner Medizintechnik AG", size=9.5, bold=True)
    s.lines(110, 50, ["Einkauf", "Freiburgstrasse 251", "3018 Bern", "Schweiz"], size=9)
    s.text(15, 75, "Rechnung Nr. R-2026-0312", size=13, bold=True)
    s.pairs(15, 84, [("Datum:", "5. März 2026"), ("Ihre Bestellung:", "BMT-4471"),
                     ("Zahlbar bis:", "4. April 2026")], gap=30, step=4.5)  # fmt: skip
    rows = []
    for text, qty, unit, price in _CH_ITEMS:
        rows.append([text, qty, unit, "CHF " + _group(_d(price), "ch"),
                     "CHF " + _group(_round(_d(qty) * _d(price)), "ch")])  # fmt: skip
    y = s.grid(
        105,
        [
            ("Bezeichnung", 15, 80, "L"),
            ("Menge", 97, 14, "R"),
            ("Einheit", 113, 14, "L"),
            ("Preis", 129, 30, "R"),
            ("Betrag", 161, 34, "R"),
        ],
        rows,
    )  # fmt: skip
    net = sum((_round(_d(q) * _d(p)) for _, q, _, p in _CH_ITEMS), Decimal(0))
    tax = _round(net * Decimal("0.081"))
    s.pairs(110, y + 6, [("Total exkl. MWST", "CHF " + _group(net, "ch")),
                         ("MWST 8.1 %", "CHF " + _group(tax, "ch")),
                         ("Rechnungsbetrag", "CHF " + _group(net + tax, "ch"))], gap=45,
            value_width=40, align="R")  # fmt: skip
    s.text(15, y + 28, "Zahlbar innert 30 Tagen netto. QR-IBAN CH44 3199 9123 0008 8901 2",
           size=8)  # fmt: skip
    return s.output()


_CH_NET = sum((_round(_d(q) * _d(p)) for _, q, _, p in _CH_ITEMS), Decimal(0))
_CH_TAX = _round(_CH_NET * Decimal("0.081"))
CH_CHF_PREFIX_TRUTH = _truth(
    invoice_number="R-2026-0312", type_code="380", issue_date="2026-03-05", currency="CHF",
    seller_name="Alpenglanz Feinmechanik GmbH", seller_vat_id="CHE287415396MWST",
    seller_country="CH", buyer_name="Berner Medizintechnik AG", buyer_country="CH",
    tax_exclusive_total=_plain(_CH_NET), tax_total=_plain(_CH_TAX),
    grand_total=_plain(_CH_NET + _CH_TAX), due_payable=_plain(_CH_NET + _CH_TAX),
    line_items=[_line(text, qty, {"Stk.": "H87", "Std.": "HUR"}[unit], _price(_d(price)),
                      _plain(_round(_d(qty) * _d(price))))
                for text, qty, unit, price in _CH_ITEMS],
)  # fmt: skip


# -- India: "Dated: 5th March 2026", lakh grouping, IGST on an inter-state supply, "Amount
# Chargeable (in words)" -------------------------------------------------------------------------

_IN_ITEMS = [
    ("Cotton poplin fabric, 58 in, dyed", "5205", "1850", "MTR", "142.00"),
    ("Viscose rayon fabric, printed", "5408", "2400", "MTR", "118.50"),
    ("Cotton twill fabric, 60 in", "5209", "960", "MTR", "186.25"),
]


def in_lakh_words() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "TAX INVOICE", size=13, bold=True, width=180, align="C")
    s.text(15, 20, "Mahalaxmi Textiles Pvt. Ltd.", size=13, bold=True)
    s.lines(15, 27, ["Plot 44, Sachin GIDC", "Surat, Gujarat 394230, India",
                     "GSTIN/UIN: 24AABCM4417F1Z3", "State Name: Gujarat, Code: 24"], size=8,
            step=4)  # fmt: skip
    s.pairs(115, 20, [("Invoice No.", "MTPL/25-26/0418"), ("Dated", "5th March 2026"),
                      ("Terms of Payment", "45 days"), ("Dispatched through", "Road")],
            gap=38, step=4.5)  # fmt: skip
    s.text(15, 48, "Buyer (Bill to)", size=8, bold=True)
    s.lines(15, 53, ["Kaveri Apparels LLP", "No. 18, 2nd Main, Peenya 2nd Stage",
                     "Bengaluru, Karnataka 560058, India", "GSTIN/UIN: 29AAKFK7781L1ZQ",
                     "State Name: Karnataka, Code: 29"], size=8.5, step=4.3)  # fmt: skip
    rows = []
    for index, (text, hsn, qty, unit, rate) in enumerate(_IN_ITEMS, 1):
        rows.append(
            [
                str(index),
                text,
                hsn,
                _group(_d(qty), "in") + " " + unit,
                _group(_d(rate), "in"),
                unit,
                _group(_round(_d(qty) * _d(rate)), "in"),
            ]
        )
    y = s.grid(
        82,
        [
            ("Sl No.", 15, 10, "L"),
            ("Description of Goods", 26, 62, "L"),
            ("HSN/SAC", 89, 14, "L"),
            ("Quantity", 104, 22, "R"),
            ("Rate", 128, 18, "R"),
            ("per", 148, 10, "L"),
            ("Amount", 160, 35, "R"),
        ],
        rows,
        size=8.5,
    )  # fmt: skip
    net = sum((_round(_d(q) * _d(r)) for _, _, q, _, r in _IN_ITEMS), Decimal(0))
    tax = _round(net * Decimal("0.05"))
    s.pairs(110, y + 4, [("Taxable Value", _group(net, "in")),
                         ("IGST @ 5%", _group(tax, "in")),
                         ("Total", "Rs. " + _group(net + tax, "in"))], gap=45, value_width=40,
            align="R")  # fmt: skip
    s.lines(15, y + 24, ["Amount Chargeable (in words)",
                         "INR Seven Lakh Sixty-Two Thousand One Hundred Ninety-Five Only"],
            size=8, step=4)  # fmt: skip
    s.text(15, y + 40, "Company's Bank: State Bank of India, A/c 31245678901, IFSC SBIN0004567",
           size=7.5)  # fmt: skip
    s.text(130, y + 52, "for Mahalaxmi Textiles Pvt. Ltd.", size=8)
    s.text(140, y + 64, "Authorised Signatory", size=7.5)
    return s.output()


_IN_NET = sum((_round(_d(q) * _d(r)) for _, _, q, _, r in _IN_ITEMS), Decimal(0))
_IN_TAX = _round(_IN_NET * Decimal("0.05"))
IN_LAKH_WORDS_TRUTH = _truth(
    invoice_number="MTPL/25-26/0418", type_code="380", issue_date="2026-03-05", currency="INR",
    seller_name="Mahalaxmi Textiles Pvt. Ltd.", seller_vat_id="24AABCM4417F1Z3",
    seller_country="IN", buyer_name="Kaveri Apparels LLP", buyer_country="IN",
    tax_exclusive_total=_plain(_IN_NET), tax_total=_plain(_IN_TAX),
    grand_total=_plain(_IN_NET + _IN_TAX), due_payable=_plain(_IN_NET + _IN_TAX),
    line_items=[_line(text, qty, "MTR", _price(_d(rate)), _plain(_round(_d(qty) * _d(rate))))
                for text, _, qty, _, rate in _IN_ITEMS],
)  # fmt: skip


# -- United Kingdom: "5th March 2026", "£" only, "Disc %" and "VAT %" columns, two VAT rates ----

_UK_ITEMS = [
    # code, description, qty, price, discount %, VAT %
    ("PB-A4", "A4 ruled exercise books, pack of 10", "60", "6.40", "10", "20"),
    ("PN-BL", "Ballpoint pens, blue, box of 50", "20", "9.95", "5", "20"),
    ("DI-EN", "Children's picture dictionary", "30", "7.90", "15", "0"),
    ("AT-WO", "World atlas for schools", "15", "12.50", "", "0"),
]


def _uk_amount(qty: str, price: str, disc: str) -> Decimal:
    gross = _d(qty) * _d(price)
    return _round(gross * (1 - _d(disc or "0") / 100))


def uk_disc_vat() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Pennine Stationery & Books Ltd", size=14, bold=True)
    s.lines(15, 20, ["Mill Lane, Hebden Bridge HX7 8DS", "VAT Registration No. GB 318 4471 26"],
            size=8, step=4)  # fmt: skip
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(128, 24, [("Invoice No:", "PSB/26/00871"), ("Tax Point:", "5th March 2026"),
                      ("Account:", "HSS001")], gap=28, step=4.5)  # fmt: skip
    s.text(15, 44, "Invoice To:", size=8.5, bold=True)
    s.lines(15, 49, ["Harrogate School Supplies Ltd", "3 Station Parade",
                     "Harrogate HG1 1TT"], size=8.5)  # fmt: skip
    rows = []
    for code, text, qty, price, disc, vat in _UK_ITEMS:
        rows.append(
            [
                code,
                text,
                qty,
                "£" + price,
                f"{disc}%" if disc else "-",
                f"{vat}%",
                "£" + _group(_uk_amount(qty, price, disc)),
            ]
        )
    y = s.grid(
        75,
        [
            ("Code", 15, 14, "L"),
            ("Description", 31, 66, "L"),
            ("Qty", 99, 10, "R"),
            ("Price", 111, 18, "R"),
            ("Disc %", 131, 12, "R"),
            ("VAT %", 145, 12, "R"),
            ("Net", 160, 35, "R"),
        ],
        rows,
        size=8.5,
    )  # fmt: skip
    std = sum((_uk_amount(q, p, d) for _, _, q, p, d, v in _UK_ITEMS if v == "20"), Decimal(0))
    zero = sum((_uk_amount(q, p, d) for _, _, q, p, d, v in _UK_ITEMS if v == "0"), Decimal(0))
    tax = _round(std * Decimal("0.2"))
    s.pairs(105, y + 6, [("Goods at 20%", "£" + _group(std)), ("Goods at 0%", "£" + _group(zero)),
                         ("Total Net", "£" + _group(std + zero)), ("VAT", "£" + _group(tax)),
                         ("Amount Due", "£" + _group(std + zero + tax))], gap=50,
            value_width=40, align="R")  # fmt: skip
    s.text(15, y + 40, "Payment due 30 days from the tax point. Sort code 40-11-62, "
                       "account 71234568.", size=7.5)  # fmt: skip
    return s.output()


_UK_STD = sum((_uk_amount(q, p, d) for _, _, q, p, d, v in _UK_ITEMS if v == "20"), Decimal(0))
_UK_NET = sum((_uk_amount(q, p, d) for _, _, q, p, d, _ in _UK_ITEMS), Decimal(0))
_UK_TAX = _round(_UK_STD * Decimal("0.2"))
UK_DISC_VAT_TRUTH = _truth(
    invoice_number="PSB/26/00871", type_code="380", issue_date="2026-03-05", currency="GBP",
    seller_name="Pennine Stationery & Books Ltd", seller_vat_id="GB318447126",
    buyer_name="Harrogate School Supplies Ltd",
    tax_exclusive_total=_plain(_UK_NET), tax_total=_plain(_UK_TAX),
    grand_total=_plain(_UK_NET + _UK_TAX), due_payable=_plain(_UK_NET + _UK_TAX),
    line_items=[_line(text, qty, None, _price(_d(price)), _plain(_uk_amount(qty, price, disc)))
                for _, text, qty, price, disc, _ in _UK_ITEMS],
)  # fmt: skip


# -- Germany: "März 5, 2026" (a German month in US order), "€" before the number, "Rabatt" and
# "USt." columns ------------------------------------------------------------------------------

_DE_ITEMS = [
    # article, description, qty, unit, price, discount %
    ("KA-1140", "Getriebemotor 0,75 kW, 230/400 V", "6", "Stk", "486.00", "8"),
    ("KA-2210", "Keilriemen SPZ 1250", "40", "Stk", "12.40", "0"),
    ("KA-3005", "Rollenkette 1/2 Zoll, Meterware", "25", "m", "18.90", "5"),
]


def _de_amount(qty: str, price: str, disc: str) -> Decimal:
    return _round(_d(qty) * _d(price) * (1 - _d(disc) / 100))


def de_maerz() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "Kessler Antriebstechnik GmbH", size=14, bold=True)
    s.text(15, 20, "Kessler Antriebstechnik GmbH · Pragstraße 140 · 70376 Stuttgart", size=6.5)
    s.lines(15, 30, ["Hofmann Landtechnik KG", "Einsteinstraße 9", "89077 Ulm",
                     "Deutschland"], size=9)  # fmt: skip
    s.pairs(125, 30, [("Rechnungsnummer", "KA-R-26-0519"), ("Rechnungsdatum", "März 5, 2026"),
                      ("Kundennummer", "10-4471"), ("Lieferdatum", "März 3, 2026")], gap=38,
            step=4.5)  # fmt: skip
    s.text(15, 62, "Rechnung", size=15, bold=True)
    rows = []
    for index, (art, text, qty, unit, price, disc) in enumerate(_DE_ITEMS, 1):
        rows.append([str(index), art, text, qty, unit, "€ " + _group(_d(price), "de"),
                     f"{disc} %" if disc != "0" else "", "19 %",
                     "€ " + _group(_de_amount(qty, price, disc), "de")])  # fmt: skip
    y = s.grid(
        75,
        [
            ("Pos.", 15, 8, "L"),
            ("Art.-Nr.", 24, 16, "L"),
            ("Bezeichnung", 41, 54, "L"),
            ("Menge", 96, 11, "R"),
            ("Einh.", 108, 8, "L"),
            ("Einzelpreis", 117, 22, "R"),
            ("Rabatt", 140, 12, "R"),
            ("USt.", 153, 10, "R"),
            ("Gesamt", 165, 30, "R"),
        ],
        rows,
        size=8,
    )  # fmt: skip
    net = sum((_de_amount(q, p, d) for _, _, q, _, p, d in _DE_ITEMS), Decimal(0))
    tax = _round(net * Decimal("0.19"))
    s.pairs(115, y + 6, [("Nettobetrag", "€ " + _group(net, "de")),
                         ("zzgl. 19 % USt.", "€ " + _group(tax, "de")),
                         ("Rechnungsbetrag", "€ " + _group(net + tax, "de"))], gap=42,
            value_width=38, align="R")  # fmt: skip
    s.lines(15, 270, ["Kessler Antriebstechnik GmbH · Amtsgericht Stuttgart HRB 734512 · "
                      "USt-IdNr.: DE 298 765 431",
                      "Commerzbank Stuttgart · IBAN DE12 6004 0071 0512 3456 00"], size=6.5,
            step=3.5)  # fmt: skip
    return s.output()


_DE_NET = sum((_de_amount(q, p, d) for _, _, q, _, p, d in _DE_ITEMS), Decimal(0))
_DE_TAX = _round(_DE_NET * Decimal("0.19"))
DE_MAERZ_TRUTH = _truth(
    invoice_number="KA-R-26-0519", type_code="380", issue_date="2026-03-05", currency="EUR",
    seller_name="Kessler Antriebstechnik GmbH", seller_vat_id="DE298765431",
    buyer_name="Hofmann Landtechnik KG", buyer_country="DE",
    tax_exclusive_total=_plain(_DE_NET), tax_total=_plain(_DE_TAX),
    grand_total=_plain(_DE_NET + _DE_TAX), due_payable=_plain(_DE_NET + _DE_TAX),
    line_items=[_line(text, qty, {"Stk": "H87", "m": "MTR"}[unit], _price(_d(price)),
                      _plain(_de_amount(qty, price, disc)))
                for _, text, qty, unit, price, disc in _DE_ITEMS],
)  # fmt: skip


# -- Japan: an exporter's invoice in "¥" only, whole yen, "March 5, 2026", "Q'ty" --------------


def jp_yen() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Osaka Hamono Trading Co., Ltd.", size=14, bold=True)
    s.lines(15, 20, ["2-14-7 Minamisenba, Chuo-ku, Osaka 542-0081, Japan",
                     "TEL +81-6-6251-4470"], size=8, step=4)  # fmt: skip
    s.text(15, 34, "INVOICE", size=16, bold=True)
    s.text(15, 46, "SOLD TO:", size=8.5, bold=True)
    s.lines(15, 51, ["Cascade Woodworking Supply Inc.", "1820 NW Thurman St",
                     "Portland, OR 97209", "U.S.A."], size=8.5)  # fmt: skip
    s.pairs(120, 46, [("INVOICE NO.", "OHT-2603-017"), ("DATE", "March 5, 2026"),
                      ("TERMS", "FOB Osaka, T/T in advance"), ("SHIPPED PER", "Air freight")],
            gap=30, step=4.5)  # fmt: skip
    y = s.grid(
        80,
        [
            ("NO.", 15, 8, "L"),
            ("DESCRIPTION", 25, 75, "L"),
            ("Q'TY", 102, 14, "R"),
            ("UNIT", 118, 10, "L"),
            ("UNIT PRICE", 130, 26, "R"),
            ("AMOUNT", 160, 35, "R"),
        ],
        [
            ["1", "Japanese pull saw, ryoba 240 mm", "60", "pcs", "¥4,850", "¥291,000"],
            ["2", "Chisel set, white steel, 10 pcs", "12", "set", "¥38,500", "¥462,000"],
            ["3", "Water stone #1000/#6000 combination", "80", "pcs", "¥3,200", "¥256,000"],
        ],
    )  # fmt: skip
    s.pairs(120, y + 6, [("TOTAL", "¥1,009,000")], gap=36, value_width=39, align="R")
    s.text(15, y + 18, "Country of origin: Japan. We certify this invoice is true and correct.",
           size=8)  # fmt: skip
    return s.output()


JP_YEN_TRUTH = _truth(
    invoice_number="OHT-2603-017", type_code="380", issue_date="2026-03-05", currency="JPY",
    seller_name="Osaka Hamono Trading Co., Ltd.", seller_country="JP",
    buyer_name="Cascade Woodworking Supply Inc.", buyer_country="US",
    grand_total="1009000.00", due_payable="1009000.00",
    line_items=[
        _line("Japanese pull saw, ryoba 240 mm", "60", "H87", "4850", "291000.00"),
        _line("Chisel set, white steel, 10 pcs", "12", "SET", "38500", "462000.00"),
        _line("Water stone #1000/#6000 combination", "80", "H87", "3200", "256000.00"),
    ],
)  # fmt: skip


# -- Hong Kong: "PRO-FORMA INVOICE", "P/I No.", "05-Mar-2026", validity, a deposit clause -------


def hk_proforma() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "VICTORIA HARBOUR ELECTRONICS TRADING LIMITED", size=13, bold=True,
           width=180, align="C")  # fmt: skip
    s.text(15, 17, "Flat 12B, Kwun Tong Industrial Centre, 436 Kwun Tong Road, Kowloon, "
                   "Hong Kong", size=8, width=180, align="C")  # fmt: skip
    s.text(15, 28, "PRO-FORMA INVOICE", size=15, bold=True, width=180, align="C")
    s.text(15, 40, "To:", size=8.5, bold=True)
    s.lines(15, 45, ["Nordlicht Elektronik GmbH", "Wendenstraße 130", "20537 Hamburg",
                     "Germany"], size=8.5)  # fmt: skip
    s.pairs(120, 40, [("P/I No.:", "VHE-PI-26031"), ("Date:", "05-Mar-2026"),
                      ("Valid until:", "04-Apr-2026"), ("Shipment:", "FOB Hong Kong")],
            gap=26, step=4.5)  # fmt: skip
    y = s.grid(
        75,
        [
            ("Model", 15, 22, "L"),
            ("Description", 39, 62, "L"),
            ("Qty (pcs)", 103, 18, "R"),
            ("Unit Price (USD)", 123, 30, "R"),
            ("Amount (USD)", 160, 35, "R"),
        ],
        [
            ["LED-PN60", "LED panel light 600 x 600 mm, 40 W", "500", "18.20", "9,100.00"],
            ["DRV-40", "Constant-current driver 40 W", "500", "4.65", "2,325.00"],
            ["SEN-MW", "Microwave motion sensor, ceiling", "300", "3.10", "930.00"],
        ],
    )  # fmt: skip
    s.pairs(110, y + 6, [("TOTAL (USD)", "12,355.00")], gap=50, value_width=35, align="R")
    s.lines(15, y + 18, ["Payment: 30% T/T deposit with order, 70% before shipment.",
                         "Bank: HSBC Hong Kong, SWIFT HSBCHKHHHKH, A/C 004-512-345678-838",
                         "This pro-forma invoice is not a demand for payment."], size=8,
            step=4)  # fmt: skip
    return s.output()


HK_PROFORMA_TRUTH = _truth(
    invoice_number="VHE-PI-26031", type_code="325", issue_date="2026-03-05", currency="USD",
    seller_name="VICTORIA HARBOUR ELECTRONICS TRADING LIMITED", seller_country="HK",
    buyer_name="Nordlicht Elektronik GmbH", buyer_country="DE",
    grand_total="12355.00", due_payable="12355.00",
    line_items=[
        _line("LED panel light 600 x 600 mm, 40 W", "500", "H87", "18.2", "9100.00"),
        _line("Constant-current driver 40 W", "500", "H87", "4.65", "2325.00"),
        _line("Microwave motion sensor, ceiling", "300", "H87", "3.1", "930.00"),
    ],
)  # fmt: skip


# -- Türkiye: a commercial invoice for customs: Incoterm, HS code and origin per line, net and
# gross weights per line to the right of the amount, packages and weight totals ---------------


def tr_customs() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "COMMERCIAL INVOICE", size=15, bold=True, width=180, align="C")
    s.text(15, 22, "Exporter:", size=8, bold=True)
    s.lines(15, 27, ["Ege Havlu Tekstil San. ve Tic. A.Ş.", "Atatürk OSB, 10007 Sok. No: 4",
                     "35620 Çiğli / İzmir, Türkiye", "Tax Office / No: Çiğli V.D. 3250123456"],
            size=8.5)  # fmt: skip
    s.text(110, 22, "Consignee / Buyer:", size=8, bold=True)
    s.lines(110, 27, ["Baltic Home Textiles SIA", "Krasta iela 52", "LV-1003 Riga, Latvia",
                      "VAT: LV40003123456"], size=8.5)  # fmt: skip
    s.pairs(15, 50, [("Invoice No:", "EGE-EXP-2026-0211"), ("Invoice Date:", "05.03.2026"),
                     ("Incoterms 2020:", "CPT Riga"), ("Transport:", "Truck 35 ABC 123")],
            gap=30, step=4.5)  # fmt: skip
    s.pairs(110, 50, [("Payment:", "CAD 30 days"), ("Currency:", "EUR"),
                      ("Packages:", "46 cartons")], gap=24, step=4.5)  # fmt: skip
    y = s.grid(
        75,
        [
            ("No", 12, 5, "L"),
            ("Description of goods", 18, 48, "L"),
            ("HS Code", 67, 16, "L"),
            ("Origin", 84, 12, "L"),
            ("Qty", 97, 13, "R"),
            ("Unit", 111, 8, "L"),
            ("Unit Price", 120, 15, "R"),
            ("Amount", 136, 20, "R"),
            ("N.W. kg", 158, 17, "R"),
            ("G.W. kg", 177, 18, "R"),
        ],
        [
            ["1", "Bath towel 70x140, 100% cotton terry", "6302.60", "TR", "1,200", "PCS",
             "6.40", "7,680.00", "720.0", "768.0"],
            ["2", "Hand towel 50x90, 100% cotton terry", "6302.60", "TR", "1,800", "PCS", "3.15",
             "5,670.00", "540.0", "582.5"],
            ["3", "Bathrobe, cotton velour, size M", "6302.91", "TR", "300", "PCS", "17.80",
             "5,340.00", "315.0", "338.0"],
        ],
        size=7.5,
    )  # fmt: skip
    s.pdf.line(12, y, 195, y)
    s.text(18, y + 2, "TOTAL CPT RIGA", size=8, bold=True)
    s.text(97, y + 2, "3,300", size=8, bold=True, width=13, align="R")
    s.text(128, y + 2, "EUR 18,690.00", size=8, bold=True, width=28, align="R")
    s.text(158, y + 2, "1,575.0", size=8, bold=True, width=17, align="R")
    s.text(177, y + 2, "1,688.5", size=8, bold=True, width=18, align="R")
    s.lines(15, y + 12, ["Total net weight: 1,575.0 kg   Total gross weight: 1,688.5 kg",
                         "46 cartons, marks: BHT / RIGA / 1-46",
                         "We hereby certify that the goods are of Turkish origin."], size=8,
            step=4)  # fmt: skip
    s.text(130, y + 34, "Ege Havlu Tekstil San. ve Tic. A.Ş.", size=8, bold=True)
    return s.output()


TR_CUSTOMS_TRUTH = _truth(
    invoice_number="EGE-EXP-2026-0211", type_code="380", issue_date="2026-03-05", currency="EUR",
    seller_name="Ege Havlu Tekstil San. ve Tic. A.Ş.", seller_vat_id="3250123456",
    seller_country="TR",
    buyer_name="Baltic Home Textiles SIA", buyer_country="LV",
    grand_total="18690.00", due_payable="18690.00",
    line_items=[
        _line("Bath towel 70x140, 100% cotton terry", "1200", "H87", "6.4", "7680.00"),
        _line("Hand towel 50x90, 100% cotton terry", "1800", "H87", "3.15", "5670.00"),
        _line("Bathrobe, cotton velour, size M", "300", "H87", "17.8", "5340.00"),
    ],
)  # fmt: skip


# -- Germany: an SAP-style Gutschrift, the minus after the number ("970,00-"), price per unit
# ("4,85 EUR / KG") -------------------------------------------------------------------------


def de_gutschrift_sap() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Rheinland Chemie Vertrieb GmbH", size=13, bold=True)
    s.text(15, 19, "Rheinland Chemie Vertrieb GmbH · Industriestr. 21 · 50735 Köln", size=6.5)
    s.lines(15, 27, ["Pfalz Lackierwerk GmbH & Co. KG", "Merkurstraße 44",
                     "67663 Kaiserslautern"], size=9)  # fmt: skip
    s.pairs(120, 27, [("Gutschrift", "9400012345"), ("Datum", "05.03.2026"),
                      ("Kunde", "4711003"), ("Bezug Rechnung", "9000067812")], gap=32,
            step=4.5)  # fmt: skip
    s.text(15, 55, "Gutschrift", size=14, bold=True)
    s.text(15, 63, "Wir schreiben Ihnen für die Rücklieferung vom 02.03.2026 gut:", size=8.5)
    y = s.grid(
        72,
        [
            ("Pos", 15, 9, "L"),
            ("Material / Bezeichnung", 25, 70, "L"),
            ("Menge", 97, 22, "R"),
            ("Preis", 121, 34, "R"),
            ("Wert EUR", 160, 35, "R"),
        ],
        [
            ["10", "Epoxidharz EP-200, 25-kg-Gebinde", "200 KG", "4,85 EUR / KG", "970,00-"],
            ["20", "Härter H-15, 5-kg-Gebinde", "40 KG", "6,60 EUR / KG", "264,00-"],
        ],
    )  # fmt: skip
    s.pairs(110, y + 6, [("Summe netto", "1.234,00-"), ("MwSt 19 %", "234,46-"),
                         ("Gesamtbetrag EUR", "1.468,46-")], gap=48, value_width=37,
            align="R")  # fmt: skip
    s.text(15, y + 26, "Der Betrag wird mit der nächsten Zahlung verrechnet.", size=8)
    s.text(15, 275, "Sitz Köln · HRB 45871 · USt-IdNr. DE811234567 · Deutsche Bank Köln",
           size=6.5)  # fmt: skip
    return s.output()


DE_GUTSCHRIFT_SAP_TRUTH = _truth(
    invoice_number="9400012345", type_code="381", issue_date="2026-03-05", currency="EUR",
    seller_name="Rheinland Chemie Vertrieb GmbH", seller_vat_id="DE811234567",
    buyer_name="Pfalz Lackierwerk GmbH & Co. KG",
    tax_exclusive_total="1234.00", tax_total="234.46", grand_total="1468.46",
    due_payable="1468.46",
    line_items=[
        _line("Epoxidharz EP-200, 25-kg-Gebinde", "200", "KGM", "4.85", "970.00"),
        _line("Härter H-15, 5-kg-Gebinde", "40", "KGM", "6.6", "264.00"),
    ],
)  # fmt: skip


# -- Taiwan: a commercial invoice over two pages, "Carried forward" at the foot of page 1,
# "Brought forward" at the head of page 2's table, HS codes under each description ------------

_TW_ITEMS = [
    ("Alloy crankset 170 mm, 44/32/22T", "8714.96", "400", "SETS", "18.75"),
    ("Bottom bracket, sealed, 68 mm", "8714.96", "400", "PCS", "6.20"),
    ("Rear derailleur, 9-speed", "8714.99", "350", "PCS", "11.40"),
    ("Front derailleur, 3 x 9", "8714.99", "350", "PCS", "7.85"),
    ("Cassette 11-34T, 9-speed", "8714.93", "350", "PCS", "9.60"),
    ("Chain 116 links, 9-speed", "8714.99", "800", "PCS", "3.95"),
    ("V-brake set, front and rear", "8714.94", "500", "SETS", "5.30"),
    ("Disc brake rotor 160 mm", "8714.94", "600", "PCS", "2.85"),
    ("Handlebar, alloy, 680 mm", "8714.99", "300", "PCS", "4.70"),
    ("Stem, alloy, 90 mm", "8714.99", "300", "PCS", "3.65"),
    ("Seat post, alloy, 27.2 x 350 mm", "8714.99", "300", "PCS", "3.10"),
    ("Pedals, platform, pair", "8714.96", "400", "PRS", "4.25"),
    ("Quick release skewer set", "8714.99", "600", "SETS", "1.80"),
    ("Grips, ergonomic, pair", "8714.99", "500", "PRS", "1.95"),
]


def _tw_row(item: tuple[str, str, str, str, str], no: int) -> list[str]:
    text, hs, qty, unit, price = item
    return [
        str(no),
        f"{text}\nHS {hs}",
        _group(_d(qty), places=0) + " " + unit,
        "US$" + _group(_d(price)),
        "US$" + _group(_round(_d(qty) * _d(price))),
    ]


_TW_COLUMNS = [
    ("Item", 15, 10, "L"),
    ("Description of Goods / HS Code", 27, 75, "L"),
    ("Quantity", 104, 24, "R"),
    ("Unit Price", 130, 26, "R"),
    ("Amount", 160, 35, "R"),
]


def _tw_table(s: Sheet2, y: float, items: list, first: int) -> float:
    for name, x, width, align in _TW_COLUMNS:
        s.text(x, y, name, size=8.5, bold=True, width=width, align=align)
    s.text(130, y + 4, "FOB Taichung", size=7, width=26, align="R")
    s.pdf.line(15, y + 8, 195, y + 8)
    y += 10
    for index, item in enumerate(items):
        row = _tw_row(item, first + index)
        text, hs = row[1].split("\n")
        for (_, x, width, align), value in zip(_TW_COLUMNS, [row[0], text, *row[2:]],
                                               strict=True):  # fmt: skip
            s.text(x, y, value, size=8.5, width=width, align=align)
        s.text(27, y + 4, hs, size=7)
        y += 10
    return y


def tw_two_pages() -> bytes:
    s = Sheet2()
    s.text(15, 12, "FORMOSA CYCLE COMPONENTS CORP.", size=14, bold=True)
    s.lines(15, 20, ["No. 88, Gongye 9th Rd., Dali Dist., Taichung City 41280, Taiwan (R.O.C.)",
                     "Tel: +886-4-2491-5566"], size=8, step=4)  # fmt: skip
    s.text(15, 32, "COMMERCIAL INVOICE", size=14, bold=True)
    s.text(15, 42, "For account and risk of Messrs.:", size=8, bold=True)
    s.lines(15, 47, ["Rad & Kette Handels GmbH", "Laxenburger Straße 220", "1230 Wien",
                     "Austria"], size=8.5)  # fmt: skip
    s.pairs(120, 42, [("Invoice No.:", "FCC-26-0305"), ("Date:", "Mar. 5, 2026"),
                      ("Shipped per:", "EVER GIVEN V.1127"), ("From:", "Taichung, Taiwan"),
                      ("To:", "Koper, Slovenia"), ("L/C No.:", "ATB-LC-88213")], gap=26,
            step=4.5)  # fmt: skip
    y = _tw_table(s, 80, _TW_ITEMS[:9], 1)
    carried = sum((_round(_d(q) * _d(p)) for _, _, q, _, p in _TW_ITEMS[:9]), Decimal(0))
    s.text(27, y + 2, "Carried forward", size=8.5, bold=True)
    s.text(160, y + 2, "US$" + _group(carried), size=8.5, bold=True, width=35, align="R")
    s.text(170, 282, "Page 1 / 2", size=7.5)
    s.pdf.add_page()
    s.text(15, 12, "FORMOSA CYCLE COMPONENTS CORP.", size=11, bold=True)
    s.text(120, 12, "Invoice No.: FCC-26-0305   Page 2 / 2", size=8.5)
    s.text(27, 24, "Brought forward", size=8.5, bold=True)
    s.text(160, 24, "US$" + _group(carried), size=8.5, bold=True, width=35, align="R")
    y = _tw_table(s, 32, _TW_ITEMS[9:], 10)
    total = sum((_round(_d(q) * _d(p)) for _, _, q, _, p in _TW_ITEMS), Decimal(0))
    s.pdf.line(15, y, 195, y)
    s.text(27, y + 2, "TOTAL FOB TAICHUNG", size=9, bold=True)
    s.text(160, y + 2, "US$" + _group(total), size=9, bold=True, width=35, align="R")
    s.lines(15, y + 14, ["Packing: 312 cartons. N.W.: 4,216.0 KGS  G.W.: 4,690.5 KGS",
                         "Country of origin: Taiwan (R.O.C.)",
                         "Shipping marks: R&K / KOPER / C/NO. 1-312 / MADE IN TAIWAN"], size=8,
            step=4.5)  # fmt: skip
    s.text(120, y + 40, "FORMOSA CYCLE COMPONENTS CORP.", size=8, bold=True)
    return s.output()


_TW_TOTAL = _plain(sum((_round(_d(q) * _d(p)) for _, _, q, _, p in _TW_ITEMS), Decimal(0)))
TW_TWO_PAGES_TRUTH = _truth(
    invoice_number="FCC-26-0305", type_code="380", issue_date="2026-03-05", currency="USD",
    seller_name="FORMOSA CYCLE COMPONENTS CORP.", seller_country="TW",
    buyer_name="Rad & Kette Handels GmbH", buyer_country="AT",
    grand_total=_TW_TOTAL, due_payable=_TW_TOTAL,
    line_items=[_line(text, qty, {"SETS": "SET", "PCS": "H87", "PRS": "PR"}[unit],
                      _price(_d(price)), _plain(_round(_d(qty) * _d(price))))
                for text, _, qty, unit, price in _TW_ITEMS],
)  # fmt: skip


UNSEEN4: list[Layout] = [
    Layout("nl-three-pages", nl_three_pages, NL_THREE_PAGES_TRUTH),
    Layout("fr-avoir-minus", fr_avoir, FR_AVOIR_TRUTH),
    Layout("ie-side-by-side", ie_side_by_side, IE_SIDE_BY_SIDE_TRUTH),
    Layout("ch-chf-prefix", ch_chf_prefix, CH_CHF_PREFIX_TRUTH),
    Layout("in-lakh-words", in_lakh_words, IN_LAKH_WORDS_TRUTH),
    Layout("uk-disc-vat", uk_disc_vat, UK_DISC_VAT_TRUTH),
    Layout("de-maerz", de_maerz, DE_MAERZ_TRUTH),
    Layout("jp-yen", jp_yen, JP_YEN_TRUTH),
    Layout("hk-proforma", hk_proforma, HK_PROFORMA_TRUTH),
    Layout("tr-customs", tr_customs, TR_CUSTOMS_TRUTH),
    Layout("de-gutschrift-sap", de_gutschrift_sap, DE_GUTSCHRIFT_SAP_TRUTH),
    Layout("tw-two-pages", tw_two_pages, TW_TWO_PAGES_TRUTH),
]


def write_unseen4(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, UNSEEN4)
