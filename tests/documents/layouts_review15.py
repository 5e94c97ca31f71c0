"""A sixteenth batch of hand-written invoices (review of batch 15), written before batch 15's
rules (src/clearlane/documents/layout.py, ``git diff e124a22...invoices15``) were read: thirteen
layouts that probe where those rules might over-reach, from countries in no earlier batch.

Labels with a translation after a slash in another script (a Greek ``ΤΙΜΟΛΟΓΙΟ / INVOICE`` with
``Αριθμός / No.``, a Hebrew-English ``חשבונית מס / Tax Invoice``) and a Latin pair (``Rechnung /
Invoice``, a German letter-style date line ``Hamburg, den 14. Juli 2026``); quantities wider
than their headers; a Chilean page with a dot thousands quantity (``1.200``) beside dot-decimal
prices (only the amounts tell which; must not be guessed 1.2); an Indonesian packing list and a
New Zealand statement of account, neither of them an invoice (not 380); a Kenyan invoice to a
buyer ``t/a`` a trading name, the seller's address ``c/o`` a forwarder; IBAN footers (Egypt);
a Nigerian table with net and gross columns side by side and both totals; an Italian and a
Dutch letter-style date line (``Milano, 5 ottobre 2026``; ``Amsterdam, 12 november 2026``);
ordinary invoices from Peru (RUC, IGV, ``S/``), Thailand (Latin script, ``Tax Invoice /
Receipt``), Ukraine (Latin transliteration, EDRPOU / IPN) and Indonesia.

Ground truth as in the earlier batches (see layouts_batch15.py). Choices where the page leaves
room: a packing list and a statement have no type code (UNTDID 1001 380 would make them
invoices), no line items (no priced lines) and no totals except the statement's balance due
(``due_payable``); the packing list's number is its document number; a ``c/o`` line is no
party's name; a ``t/a`` buyer is the person trading (review13's convention, read after the first
reading: this batch first held the whole line, ``Amina Yusuf t/a Zanzibar Spice House``); an
NPWP no VAT id (unseen7's convention, read after too: this batch first held it the seller's).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_batch15 import Item, _amounts, _block, _lines, _sum, _totals
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round


def _rows(items: list[Item], style: str = "en", unit: str | None = None) -> list[list[str]]:
    return [[t, q if unit is None else f"{q} {unit}", _group(_d(p), style), _group(a, style)]
            for (t, q, p), a in zip(items, _amounts(items), strict=True)]  # fmt: skip


# -- Greece: Greek labels with English after a slash, dot thousands, EL VAT id -----------------

_GR_ITEMS: list[Item] = [("Ελαιόλαδο εξαιρετικό παρθένο 5 L / Extra virgin olive oil 5 L", "240",
                          "38.50"),
                         ("Ελιές Καλαμών 2 kg / Kalamata olives 2 kg", "180", "14.20")]  # fmt: skip
_GR_NET = _sum(_GR_ITEMS)  # 11,796.00
_GR_TAX = _round(_GR_NET * Decimal("0.13"))


def gr_timologio() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Μεσσηνιακά Ελαιοτριβεία Α.Ε.", size=13, bold=True)
    _block(s, 15, 19, ["Messinian Olive Mills S.A.", "Λεωφόρος Αθηνών 45, 24100 Καλαμάτα, Ελλάδα",
                       "ΑΦΜ / VAT No.: EL 094512345 · ΔΟΥ Καλαμάτας"], size=8)  # fmt: skip
    s.text(120, 12, "ΤΙΜΟΛΟΓΙΟ / INVOICE", size=13, bold=True)
    s.pairs(120, 22, [("Αριθμός / No.:", "ΤΠ-Α 0345"), ("Ημερομηνία / Date:", "12/05/2026")],
            gap=36)  # fmt: skip
    s.text(15, 40, "Πελάτης / Customer:", size=8.5, bold=True)
    _block(s, 15, 45, ["Larnaca Fine Foods Ltd", "Griva Digeni 88, 6042 Larnaca, Cyprus",
                       "VAT CY 10123456X"])  # fmt: skip
    y = s.grid(66, [("Περιγραφή / Description", 15, 100, "L"), ("Ποσ. / Qty", 117, 16, "R"),
                    ("Τιμή / Price €", 135, 26, "R"), ("Αξία / Amount €", 163, 32, "R")],
               _rows(_GR_ITEMS, "de"), size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 161, y + 4, [("Καθαρή αξία / Net value", f"{_group(_GR_NET, 'de')} €"),
                                 ("ΦΠΑ 13% / VAT 13%", f"{_group(_GR_TAX, 'de')} €"),
                                 ("Σύνολο / Total", f"{_group(_GR_NET + _GR_TAX, 'de')} €")],
            size=8.5)  # fmt: skip
    return s.output()


GR_TIMOLOGIO_TRUTH = _truth(
    invoice_number="ΤΠ-Α 0345", type_code="380", issue_date="2026-05-12", currency="EUR",
    seller_name="Μεσσηνιακά Ελαιοτριβεία Α.Ε.", seller_vat_id="EL094512345",
    seller_country="GR", buyer_name="Larnaca Fine Foods Ltd", buyer_country="CY",
    tax_exclusive_total=_plain(_GR_NET), tax_total=_plain(_GR_TAX),
    grand_total=_plain(_GR_NET + _GR_TAX), due_payable=_plain(_GR_NET + _GR_TAX),
    line_items=_lines(_GR_ITEMS, None),
)  # fmt: skip


# -- Israel: a Hebrew-English tax invoice, the Hebrew after the slash, ₪ ------------------------

_IL_ITEMS: list[Item] = [("Laser rangefinder module LRF-900", "40", "1250.00"),
                         ("Mounting bracket, anodised aluminium", "40", "86.00")]  # fmt: skip
_IL_NET = _sum(_IL_ITEMS)  # 53,440.00
_IL_TAX = _round(_IL_NET * Decimal("0.18"))


def il_hebrew() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Galil Precision Optics Ltd.", size=13, bold=True)
    _block(s, 15, 19, ["גליל אופטיקה מדויקת בע\"מ", "HaMelacha St 12, Karmiel 2165012, Israel",
                       "VAT No. / עוסק מורשה: 514567890"], size=8)  # fmt: skip
    s.text(125, 12, "Tax Invoice / חשבונית מס", size=12, bold=True)
    s.pairs(118, 22, [("No. / מספר:", "40211"), ("Date / תאריך:", "08/07/2026")], gap=34)
    s.text(15, 40, "Bill To / לכבוד", size=8.5, bold=True)
    _block(s, 15, 45, ["Nordoptik Systeme GmbH", "Carl-Zeiss-Ring 5, 07745 Jena, Germany"])
    y = s.grid(60, [("Description / תיאור", 15, 96, "L"), ("Qty / כמות", 113, 18, "R"),
                    ("Price / מחיר ₪", 133, 28, "R"), ("Total / סה\"כ ₪", 163, 32, "R")],
               _rows(_IL_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        100,
        161,
        y + 4,
        [
            ("Subtotal / סכום ביניים", f"₪ {_group(_IL_NET)}"),
            ('VAT 18% / מע"מ', f"₪ {_group(_IL_TAX)}"),
            ('Total / סה"כ לתשלום', f"₪ {_group(_IL_NET + _IL_TAX)}"),
        ],
    )
    return s.output()


IL_HEBREW_TRUTH = _truth(
    invoice_number="40211", type_code="380", issue_date="2026-07-08", currency="ILS",
    seller_name="Galil Precision Optics Ltd.", seller_vat_id="514567890", seller_country="IL",
    buyer_name="Nordoptik Systeme GmbH", buyer_country="DE",
    tax_exclusive_total=_plain(_IL_NET), tax_total=_plain(_IL_TAX),
    grand_total=_plain(_IL_NET + _IL_TAX), due_payable=_plain(_IL_NET + _IL_TAX),
    line_items=_lines(_IL_ITEMS, None),
)  # fmt: skip


# -- Germany: "Rechnung / Invoice", a letter-style date line, quantities wider than "Menge" ------

_DE_ITEMS: list[Item] = [("Edelstahlschrauben M8x40 / Stainless screws M8x40", "25000", "0.042"),
                         ("Unterlegscheiben M8 / Washers M8", "25000", "0.011")]  # fmt: skip
_DE_NET = _sum(_DE_ITEMS)  # 1,325.00


def de_rechnung_letter() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Hanse Verbindungstechnik GmbH", size=13, bold=True)
    s.text(15, 19, "Hanse Verbindungstechnik GmbH · Billhorner Deich 60 · 20539 Hamburg", size=6.5)
    _block(s, 15, 28, ["Oslo Byggevarer AS", "Økernveien 94", "0579 Oslo", "Norwegen"], size=9)
    s.text(130, 28, "Hamburg, den 14. Juli 2026", size=9)
    s.text(15, 52, "Rechnung / Invoice Nr. HV-26-07114", size=11, bold=True)
    s.text(15, 58, "USt-IdNr. / VAT ID: DE 318 456 220    Lieferung steuerfrei (Ausfuhr)",
           size=8)  # fmt: skip
    rows = [[t, _group(_d(q), "de", 0), f"{_group(_d(p), 'de', 3)}", _group(a, "de")]
            for (t, q, p), a in zip(_DE_ITEMS, _amounts(_DE_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(68, [("Bezeichnung / Description", 15, 100, "L"), ("Menge", 124, 10, "R"),
                    ("Preis €", 138, 22, "R"), ("Betrag €", 163, 32, "R")], rows,
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        110,
        161,
        y + 4,
        [
            ("Nettobetrag / Net", f"{_group(_DE_NET, 'de')} €"),
            ("USt 0 % / VAT 0 %", "0,00 €"),
            ("Rechnungsbetrag / Total", f"{_group(_DE_NET, 'de')} €"),
        ],
    )
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
DE_RECHNUNG_LETTER_TRUTH = _truth(
    invoice_number="HV-26-07114", type_code="380", issue_date="2026-07-14", currency="EUR",
    seller_name="Hanse Verbindungstechnik GmbH", seller_vat_id="DE318456220",
    seller_country=None, buyer_name="Oslo Byggevarer AS", buyer_country="NO",
    tax_exclusive_total=_plain(_DE_NET), tax_total="0.00", grand_total=_plain(_DE_NET),
    due_payable=_plain(_DE_NET), line_items=_lines(_DE_ITEMS, None),
)  # fmt: skip


# -- Chile: a dot thousands quantity ('1.200') beside dot-decimal dollar prices ----------------

_CL_ITEMS: list[Item] = [("Cobre catodo grado A", "1200", "9.45"),
                         ("Alambre de cobre 2,5 mm", "3500", "10.20")]  # fmt: skip
_CL_TOTAL = _sum(_CL_ITEMS)  # 47,040.00


def cl_export() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Cobres del Norte SpA", size=13, bold=True)
    _block(s, 15, 19, ["Av. Grecia 1550, Antofagasta, Chile", "RUT: 76.543.210-K"], size=8)
    s.text(120, 12, "FACTURA DE EXPORTACIÓN", size=11, bold=True)
    s.pairs(120, 20, [("N°:", "2315"), ("Fecha:", "21/09/2026"), ("Moneda:", "USD")], gap=24)
    s.text(15, 40, "Señores:", size=8.5, bold=True)
    _block(s, 15, 45, ["Pacific Wire & Cable Inc.", "1800 Harbor Ave, Long Beach, CA 90813",
                       "United States"])  # fmt: skip
    rows = [[t, _group(_d(q), "de", 0), "kg", f"{_d(p):.2f}", f"{a:.2f}"]
            for (t, q, p), a in zip(_CL_ITEMS, _amounts(_CL_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(64, [("Descripción", 15, 90, "L"), ("Cant.", 107, 16, "R"), ("Un.", 125, 8, "L"),
                    ("P. Unit. USD", 135, 26, "R"), ("Total USD", 163, 32, "R")], rows,
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Total FOB USD", f"{_CL_TOTAL:.2f}")])
    return s.output()


CL_EXPORT_TRUTH = _truth(
    invoice_number="2315", type_code="380", issue_date="2026-09-21", currency="USD",
    seller_name="Cobres del Norte SpA", seller_vat_id="76543210K", seller_country="CL",
    buyer_name="Pacific Wire & Cable Inc.", buyer_country="US",
    grand_total=_plain(_CL_TOTAL), due_payable=_plain(_CL_TOTAL),
    line_items=[_line(t, q, "KGM", _price(_d(p)), _plain(a))
                for (t, q, p), a in zip(_CL_ITEMS, _amounts(_CL_ITEMS), strict=True)],
)  # fmt: skip


# -- Indonesia: a packing list (no prices): not an invoice --------------------------------------


def id_packing_list() -> bytes:
    s = Sheet2()
    s.text(15, 12, "PT Rotan Nusantara Abadi", size=13, bold=True)
    _block(s, 15, 19, ["Jl. Raya Cirebon-Bandung Km 8, Cirebon 45153, Indonesia",
                       "NPWP: 01.234.567.8-426.000"], size=8)  # fmt: skip
    s.text(130, 12, "PACKING LIST", size=14, bold=True)
    s.pairs(125, 22, [("Packing List No.:", "PL-RNA-26-088"), ("Date:", "02/10/2026"),
                      ("Ref. Invoice:", "INV-RNA-26-088")], gap=32)  # fmt: skip
    s.text(15, 40, "Consignee:", size=8.5, bold=True)
    _block(s, 15, 45, ["Maison Rotin SARL", "12 Rue du Faubourg, 69003 Lyon, France"])
    y = s.grid(62, [("Description", 15, 80, "L"), ("Cartons", 97, 18, "R"),
                    ("Qty (pcs)", 117, 20, "R"), ("N.W. kg", 139, 24, "R"),
                    ("G.W. kg", 165, 30, "R")],
               [["Rattan armchair, natural", "60", "120", "1,080.00", "1,260.00"],
                ["Rattan side table, 50 cm", "40", "160", "640.00", "760.00"]],
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.text(15, y + 4, "Total: 100 cartons, 280 pcs, N.W. 1,720.00 kg, G.W. 2,020.00 kg", size=8.5)
    s.text(15, y + 10, "Container: MSKU 1234567 · Port of loading: Tanjung Priok", size=8)
    return s.output()


ID_PACKING_LIST_TRUTH = _truth(
    invoice_number="PL-RNA-26-088", issue_date="2026-10-02",
    seller_name="PT Rotan Nusantara Abadi",
    seller_country="ID", buyer_name="Maison Rotin SARL", buyer_country="FR",
)  # fmt: skip


# -- New Zealand: a statement of account (invoices listed, a balance due): not an invoice -------


def nz_statement() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Kauri Coast Timber Ltd", size=13, bold=True)
    _block(s, 15, 19, ["88 Great South Road, Auckland 1051, New Zealand",
                       "GST No: 112-345-678"], size=8)  # fmt: skip
    s.text(125, 12, "STATEMENT OF ACCOUNT", size=12, bold=True)
    s.pairs(125, 22, [("Statement Date:", "31/10/2026"), ("Account No.:", "KCT-0457")], gap=32)
    s.text(15, 40, "To:", size=8.5, bold=True)
    _block(s, 15, 45, ["Tasman Joinery Ltd", "14 Hardy Street, Nelson 7010"])
    y = s.grid(62, [("Date", 15, 22, "L"), ("Reference", 40, 60, "L"), ("Debit", 105, 28, "R"),
                    ("Credit", 135, 28, "R"), ("Balance", 165, 30, "R")],
               [["01/10/2026", "Opening balance", "", "", "2,300.00"],
                ["05/10/2026", "Invoice INV-8812", "4,140.00", "", "6,440.00"],
                ["12/10/2026", "Payment - thank you", "", "2,300.00", "4,140.00"],
                ["20/10/2026", "Invoice INV-8847", "1,265.00", "", "5,405.00"]],
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Balance Due NZD", "5,405.00")])
    return s.output()


NZ_STATEMENT_TRUTH = _truth(
    issue_date="2026-10-31", currency="NZD", seller_name="Kauri Coast Timber Ltd",
    seller_vat_id="112345678", seller_country="NZ", buyer_name="Tasman Joinery Ltd",
    due_payable="5405.00",
)  # fmt: skip


# -- Kenya: a buyer "t/a" a trading name, the seller's address "c/o" a forwarder ----------------

_KE_ITEMS: list[Item] = [("Black tea CTC BP1, 60 kg bags", "200", "168.00"),
                         ("Green tea orthodox, 25 kg cartons", "80", "212.50")]  # fmt: skip
_KE_NET = _sum(_KE_ITEMS)  # 50,600.00
_KE_TAX = Decimal("0.00")


def ke_ta_co() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Rift Highlands Tea Exporters Ltd", size=13, bold=True)
    _block(s, 15, 19, ["c/o Bahari Forwarders, Moi Avenue 210", "Mombasa, Kenya",
                       "KRA PIN: P051234567X"], size=8)  # fmt: skip
    s.text(140, 12, "INVOICE", size=15, bold=True)
    s.pairs(125, 22, [("Invoice No:", "RHT/0917"), ("Date:", "17 Sep 2026"),
                      ("Currency:", "USD")], gap=26)  # fmt: skip
    s.text(15, 40, "Bill To:", size=8.5, bold=True)
    _block(s, 15, 45, ["Amina Yusuf t/a Zanzibar Spice House", "Mlandege Street 4, Zanzibar",
                       "Tanzania"])  # fmt: skip
    y = s.grid(64, [("Description", 15, 92, "L"), ("Qty", 109, 16, "R"),
                    ("Unit Price", 127, 30, "R"), ("Amount", 161, 34, "R")],
               _rows(_KE_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Subtotal", _group(_KE_NET)), ("VAT 0% (export)", "0.00"),
                                 ("Total USD", _group(_KE_NET))])  # fmt: skip
    return s.output()


KE_TA_CO_TRUTH = _truth(
    invoice_number="RHT/0917", type_code="380", issue_date="2026-09-17", currency="USD",
    seller_name="Rift Highlands Tea Exporters Ltd", seller_vat_id="P051234567X",
    seller_country="KE", buyer_name="Amina Yusuf",
    buyer_country="TZ", tax_exclusive_total=_plain(_KE_NET), tax_total="0.00",
    grand_total=_plain(_KE_NET), due_payable=_plain(_KE_NET), line_items=_lines(_KE_ITEMS, None),
)  # fmt: skip


# -- Nigeria: net and gross columns side by side, both totals -----------------------------------

_NG_ITEMS: list[Item] = [("Solar panel 450 W mono", "50", "98500.00"),
                         ("Inverter 5 kVA hybrid", "10", "412000.00")]  # fmt: skip
_NG_NET = _sum(_NG_ITEMS)  # 9,045,000.00
_NG_RATE = Decimal("0.075")


def ng_net_gross() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Sahel Energy Solutions Ltd", size=13, bold=True)
    _block(s, 15, 19, ["Plot 14 Adeola Odeku Street, Victoria Island, Lagos, Nigeria",
                       "TIN: 12345678-0001"], size=8)  # fmt: skip
    s.text(140, 12, "INVOICE", size=15, bold=True)
    s.pairs(125, 22, [("Invoice No.", "SES-2026-1104"), ("Date", "04/11/2026")], gap=26)
    s.text(15, 38, "Customer", size=8.5, bold=True)
    _block(s, 15, 43, ["Kano Agro Processing Ltd", "Bompai Road 22, Kano, Nigeria"])
    rows = []
    for (t, q, p), a in zip(_NG_ITEMS, _amounts(_NG_ITEMS), strict=True):
        tax = _round(a * _NG_RATE)
        rows.append([t, q, _group(_d(p)), _group(a), _group(tax), _group(a + tax)])
    y = s.grid(58, [("Description", 15, 55, "L"), ("Qty", 72, 10, "R"),
                    ("Unit Price ₦", 84, 24, "R"), ("Net Amount ₦", 110, 28, "R"),
                    ("VAT 7.5% ₦", 140, 24, "R"), ("Gross Amount ₦", 166, 29, "R")], rows,
               size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    tax = _round(_NG_NET * _NG_RATE)
    s.text(15, y + 3, "Totals", size=8, bold=True)
    s.text(110, y + 3, _group(_NG_NET), size=8, bold=True, width=28, align="R")
    s.text(140, y + 3, _group(tax), size=8, bold=True, width=24, align="R")
    s.text(166, y + 3, _group(_NG_NET + tax), size=8, bold=True, width=29, align="R")
    s.text(15, y + 12, "Amount payable: NGN " + _group(_NG_NET + tax), size=9, bold=True)
    return s.output()


_NG_TAX = _round(_NG_NET * _NG_RATE)
NG_NET_GROSS_TRUTH = _truth(
    invoice_number="SES-2026-1104", type_code="380", issue_date="2026-11-04", currency="NGN",
    seller_name="Sahel Energy Solutions Ltd", seller_vat_id="123456780001",
    seller_country="NG", buyer_name="Kano Agro Processing Ltd", buyer_country="NG",
    tax_exclusive_total=_plain(_NG_NET), tax_total=_plain(_NG_TAX),
    grand_total=_plain(_NG_NET + _NG_TAX), due_payable=_plain(_NG_NET + _NG_TAX),
    line_items=_lines(_NG_ITEMS, None),
)  # fmt: skip


# -- Egypt: an English invoice, EGP, the bank's IBAN in the footer ------------------------------

_EG_ITEMS: list[Item] = [("Cotton yarn Giza 86, Ne 40/1, kg", "2500", "11.80"),
                         ("Cotton yarn Giza 94, Ne 60/1, kg", "1200", "15.40")]  # fmt: skip
_EG_NET = _sum(_EG_ITEMS)  # 47,980.00
_EG_TAX = _round(_EG_NET * Decimal("0.14"))


def eg_iban() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Nile Delta Spinning Co. S.A.E.", size=13, bold=True)
    _block(s, 15, 19, ["Industrial Zone 3, Mahalla El Kubra, Gharbia, Egypt",
                       "Tax Registration No.: 200-345-678"], size=8)  # fmt: skip
    s.text(145, 12, "TAX INVOICE", size=13, bold=True)
    s.pairs(125, 22, [("Invoice No.:", "NDS-26/4471"), ("Date:", "19/08/2026")], gap=26)
    s.text(15, 38, "Bill To:", size=8.5, bold=True)
    _block(s, 15, 43, ["Anatolia Tekstil San. A.S.", "Organize Sanayi Bolgesi, Bursa, Turkey"])
    y = s.grid(60, [("Description", 15, 92, "L"), ("Qty", 109, 16, "R"),
                    ("Unit Price EGP", 127, 30, "R"), ("Amount EGP", 161, 34, "R")],
               _rows(_EG_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 161, y + 4, [("Subtotal", _group(_EG_NET)), ("VAT 14%", _group(_EG_TAX)),
                                     ("Total EGP", _group(_EG_NET + _EG_TAX))])  # fmt: skip
    s.text(15, y + 10, "Bank: National Bank of Egypt, Mahalla Branch · SWIFT NBEGEGCX341", size=7)
    s.text(15, y + 14, "IBAN: EG38 0019 0005 0000 0000 2631 8000 2 · Account 0341-2631800",
           size=7)  # fmt: skip
    return s.output()


EG_IBAN_TRUTH = _truth(
    invoice_number="NDS-26/4471", type_code="380", issue_date="2026-08-19", currency="EGP",
    seller_name="Nile Delta Spinning Co. S.A.E.", seller_vat_id="200345678",
    seller_country="EG", buyer_name="Anatolia Tekstil San. A.S.", buyer_country="TR",
    tax_exclusive_total=_plain(_EG_NET), tax_total=_plain(_EG_TAX),
    grand_total=_plain(_EG_NET + _EG_TAX), due_payable=_plain(_EG_NET + _EG_TAX),
    line_items=_lines(_EG_ITEMS, None),
)  # fmt: skip


# -- Italy: a letter-style date line, "Fattura n." -----------------------------------------------

_IT_ITEMS: list[Item] = [("Piastrelle gres 30x60 grigio", "420", "18.90"),
                         ("Battiscopa gres 8x60", "150", "4.30")]  # fmt: skip
_IT_NET = _sum(_IT_ITEMS)  # 8,583.00
_IT_TAX = _round(_IT_NET * Decimal("0.22"))


def it_lettera() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "Ceramiche Brianza S.r.l.", size=13, bold=True)
    _block(s, 15, 19, ["Via Valassina 112, 20851 Lissone (MB), Italia",
                       "P.IVA IT 04567890156"], size=8)  # fmt: skip
    s.text(130, 30, "Milano, 5 ottobre 2026", size=9)
    _block(s, 120, 38, ["Spett.le", "Edilcasa di Rossi Marco", "Via Roma 8, 22100 Como"], size=9)
    s.text(15, 56, "Fattura n. 212/2026", size=11, bold=True)
    y = s.grid(64, [("Descrizione", 15, 92, "L"), ("Q.tà", 109, 16, "R"),
                    ("Prezzo €", 127, 30, "R"), ("Importo €", 161, 34, "R")],
               _rows(_IT_ITEMS, "de"), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        110,
        161,
        y + 4,
        [
            ("Imponibile", _group(_IT_NET, "de")),
            ("IVA 22%", _group(_IT_TAX, "de")),
            ("Totale fattura €", _group(_IT_NET + _IT_TAX, "de")),
        ],
    )
    return s.output()


IT_LETTERA_TRUTH = _truth(
    invoice_number="212/2026", type_code="380", issue_date="2026-10-05", currency="EUR",
    seller_name="Ceramiche Brianza S.r.l.", seller_vat_id="IT04567890156", seller_country="IT",
    buyer_name="Edilcasa di Rossi Marco", tax_exclusive_total=_plain(_IT_NET),
    tax_total=_plain(_IT_TAX), grand_total=_plain(_IT_NET + _IT_TAX),
    due_payable=_plain(_IT_NET + _IT_TAX), line_items=_lines(_IT_ITEMS, None),
)  # fmt: skip


# -- Netherlands: a letter-style date line, the buyer in Belgium --------------------------------

_NL_ITEMS: list[Item] = [("Tulpenbollen gemengd, kist 500 st.", "30", "62.00"),
                         ("Narcisbollen, kist 400 st.", "20", "48.50")]  # fmt: skip
_NL_NET = _sum(_NL_ITEMS)  # 2,830.00
_NL_TAX = _round(_NL_NET * Decimal("0.09"))


def nl_brief() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Bollenkwekerij De Zilk B.V.", size=13, bold=True)
    _block(s, 15, 19, ["Zilkerduinweg 40, 2191 AK De Zilk", "BTW: NL 8123.45.678.B01"], size=8)
    _block(s, 15, 32, ["Floralies Gent BV", "Kortrijksesteenweg 300", "9000 Gent",
                       "België"], size=9)  # fmt: skip
    s.text(130, 32, "Amsterdam, 12 november 2026", size=9)
    s.text(15, 56, "Factuur 2026-0871", size=11, bold=True)
    y = s.grid(64, [("Omschrijving", 15, 92, "L"), ("Aantal", 109, 16, "R"),
                    ("Prijs", 127, 30, "R"), ("Bedrag", 161, 34, "R")],
               _rows(_NL_ITEMS, "de"), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        110,
        161,
        y + 4,
        [
            ("Subtotaal", f"€ {_group(_NL_NET, 'de')}"),
            ("BTW 9%", f"€ {_group(_NL_TAX, 'de')}"),
            ("Totaal", f"€ {_group(_NL_NET + _NL_TAX, 'de')}"),
        ],
    )
    s.text(15, 130, "Gelieve te betalen binnen 30 dagen op IBAN NL91 ABNA 0417 1643 00 o.v.v. "
                    "het factuurnummer.", size=7.5)  # fmt: skip
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
NL_BRIEF_TRUTH = _truth(
    invoice_number="2026-0871", type_code="380", issue_date="2026-11-12", currency="EUR",
    seller_name="Bollenkwekerij De Zilk B.V.", seller_vat_id="NL812345678B01",
    seller_country=None, buyer_name="Floralies Gent BV", buyer_country="BE",
    tax_exclusive_total=_plain(_NL_NET), tax_total=_plain(_NL_TAX),
    grand_total=_plain(_NL_NET + _NL_TAX), due_payable=_plain(_NL_NET + _NL_TAX),
    line_items=_lines(_NL_ITEMS, None),
)  # fmt: skip


# -- Peru: a factura electrónica (RUC, serie-número, S/, IGV 18 %) ------------------------------

_PE_ITEMS: list[Item] = [("Quinua blanca orgánica, saco 25 kg", "80", "187.50"),
                         ("Maca en polvo, bolsa 1 kg", "150", "42.00")]  # fmt: skip
_PE_NET = _sum(_PE_ITEMS)  # 21,300.00
_PE_TAX = _round(_PE_NET * Decimal("0.18"))


def pe_factura() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Andes Orgánicos S.A.C.", size=13, bold=True)
    _block(s, 15, 19, ["Av. Javier Prado Este 2465, San Borja, Lima, Perú"], size=8)
    s.pdf.rect(130, 10, 65, 22)
    s.text(130, 12, "RUC 20512345678", size=10, bold=True, width=65, align="C")
    s.text(130, 18, "FACTURA ELECTRÓNICA", size=10, bold=True, width=65, align="C")
    s.text(130, 24, "F001-00004512", size=10, bold=True, width=65, align="C")
    s.pairs(15, 38, [("Fecha de emisión:", "14/10/2026"), ("Señor(es):", "Mercado Andino SpA"),
                     ("Dirección:", "Av. Providencia 1208, Santiago, Chile"),
                     ("Moneda:", "SOLES")], gap=34)  # fmt: skip
    y = s.grid(64, [("Descripción", 15, 92, "L"), ("Cantidad", 109, 16, "R"),
                    ("V. Unitario", 127, 30, "R"), ("Valor Venta", 161, 34, "R")],
               _rows(_PE_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        110,
        161,
        y + 4,
        [
            ("Op. Gravada", f"S/ {_group(_PE_NET)}"),
            ("IGV 18%", f"S/ {_group(_PE_TAX)}"),
            ("Importe Total", f"S/ {_group(_PE_NET + _PE_TAX)}"),
        ],
    )
    return s.output()


PE_FACTURA_TRUTH = _truth(
    invoice_number="F001-00004512", type_code="380", issue_date="2026-10-14", currency="PEN",
    seller_name="Andes Orgánicos S.A.C.", seller_vat_id="20512345678", seller_country="PE",
    buyer_name="Mercado Andino SpA", buyer_country="CL", tax_exclusive_total=_plain(_PE_NET),
    tax_total=_plain(_PE_TAX), grand_total=_plain(_PE_NET + _PE_TAX),
    due_payable=_plain(_PE_NET + _PE_TAX), line_items=_lines(_PE_ITEMS, None),
)  # fmt: skip


# -- Thailand (Latin script): "TAX INVOICE / RECEIPT", THB, VAT 7 % ------------------------------

_TH_ITEMS: list[Item] = [("Jasmine rice Hom Mali 100%, 25 kg bag", "400", "1150.00"),
                         ("Glutinous rice, 25 kg bag", "120", "980.00")]  # fmt: skip
_TH_NET = _sum(_TH_ITEMS)  # 577,600.00
_TH_TAX = _round(_TH_NET * Decimal("0.07"))


def th_tax_receipt() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Siam Golden Grain Co., Ltd.", size=13, bold=True)
    _block(s, 15, 19, ["99/12 Moo 4, Bang Pa-in Industrial Estate, Ayutthaya 13160, Thailand",
                       "Tax ID: 0105551234567 (Head Office)"], size=8)  # fmt: skip
    s.text(125, 30, "TAX INVOICE / RECEIPT", size=12, bold=True)
    s.pairs(125, 38, [("No.", "IV2610-0153"), ("Date", "15 Oct 2026")], gap=22)
    s.text(15, 38, "Customer", size=8.5, bold=True)
    _block(s, 15, 43, ["Lao Food Distribution Co., Ltd.", "Lane Xang Avenue, Vientiane, Laos"])
    y = s.grid(62, [("Description", 15, 92, "L"), ("Quantity", 109, 16, "R"),
                    ("Unit Price", 127, 30, "R"), ("Amount (THB)", 161, 34, "R")],
               _rows(_TH_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        110,
        161,
        y + 4,
        [
            ("Total before VAT", _group(_TH_NET)),
            ("VAT 7%", _group(_TH_TAX)),
            ("Grand Total (THB)", _group(_TH_NET + _TH_TAX)),
        ],
    )
    return s.output()


TH_TAX_RECEIPT_TRUTH = _truth(
    invoice_number="IV2610-0153", type_code="380", issue_date="2026-10-15", currency="THB",
    seller_name="Siam Golden Grain Co., Ltd.", seller_vat_id="0105551234567",
    seller_country="TH", buyer_name="Lao Food Distribution Co., Ltd.", buyer_country="LA",
    tax_exclusive_total=_plain(_TH_NET), tax_total=_plain(_TH_TAX),
    grand_total=_plain(_TH_NET + _TH_TAX), due_payable=_plain(_TH_NET + _TH_TAX),
    line_items=_lines(_TH_ITEMS, None),
)  # fmt: skip


# -- Ukraine (Latin transliteration): "Rakhunok / Invoice No. ... vid ...", EDRPOU and IPN ------

_UA_ITEMS: list[Item] = [("Sunflower oil refined, flexitank 24 t", "2", "26400.00"),
                         ("Sunflower meal, bulk, t", "150", "212.00")]  # fmt: skip
_UA_TOTAL = _sum(_UA_ITEMS)  # 84,600.00


def ua_latin() -> bytes:
    s = Sheet2()
    s.text(15, 12, "TOV Stepova Oliyna Kompaniya", size=13, bold=True)
    _block(s, 15, 19, ["vul. Soborna 51, Kropyvnytskyi 25006, Ukraine",
                       "EDRPOU 41234567 · IPN 412345611155"], size=8)  # fmt: skip
    s.text(15, 34, "Rakhunok / Invoice No. UA-118/26 vid / dated 03.09.2026", size=11, bold=True)
    s.text(15, 44, "Buyer:", size=8.5, bold=True)
    _block(s, 15, 49, ["Agropol Handel Sp. z o.o.", "ul. Portowa 3, 81-350 Gdynia, Poland"])
    y = s.grid(64, [("Description", 15, 92, "L"), ("Qty", 109, 16, "R"),
                    ("Price EUR", 127, 30, "R"), ("Amount EUR", 161, 34, "R")],
               _rows(_UA_ITEMS), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Total DAP Gdynia, EUR", _group(_UA_TOTAL))])
    s.text(15, y + 14, "VAT 0% (export, art. 195 Tax Code of Ukraine)", size=7.5)
    return s.output()


UA_LATIN_TRUTH = _truth(
    invoice_number="UA-118/26", type_code="380", issue_date="2026-09-03", currency="EUR",
    seller_name="TOV Stepova Oliyna Kompaniya", seller_vat_id="412345611155",
    seller_country="UA", buyer_name="Agropol Handel Sp. z o.o.", buyer_country="PL",
    grand_total=_plain(_UA_TOTAL), due_payable=_plain(_UA_TOTAL),
    line_items=_lines(_UA_ITEMS, None),
)  # fmt: skip


REVIEW15: list[Layout] = [
    Layout("gr-slash-english", gr_timologio, GR_TIMOLOGIO_TRUTH),
    Layout("il-hebrew", il_hebrew, IL_HEBREW_TRUTH),
    Layout("de-rechnung-letter", de_rechnung_letter, DE_RECHNUNG_LETTER_TRUTH),
    Layout("cl-export", cl_export, CL_EXPORT_TRUTH),
    Layout("id-packing-list", id_packing_list, ID_PACKING_LIST_TRUTH),
    Layout("nz-statement", nz_statement, NZ_STATEMENT_TRUTH),
    Layout("ke-ta-co", ke_ta_co, KE_TA_CO_TRUTH),
    Layout("ng-net-gross", ng_net_gross, NG_NET_GROSS_TRUTH),
    Layout("eg-iban", eg_iban, EG_IBAN_TRUTH),
    Layout("it-lettera", it_lettera, IT_LETTERA_TRUTH),
    Layout("nl-brief", nl_brief, NL_BRIEF_TRUTH),
    Layout("pe-factura", pe_factura, PE_FACTURA_TRUTH),
    Layout("th-tax-receipt", th_tax_receipt, TH_TAX_RECEIPT_TRUTH),
    Layout("ua-latin", ua_latin, UA_LATIN_TRUTH),
]
# Scanned as well (single pages, read by OCR).
SCANNED_REVIEW15 = ["ke-ta-co", "pe-factura", "eg-iban"]


def write_review15(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, REVIEW15)
