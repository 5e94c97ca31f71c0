"""A fourth batch of hand-written invoices, written before the reader was looked at for them.

Modelled on invoices a customs office sees: a Chinese exporter's FOB invoice with a total row in
its table and a "Say US Dollars ... only" line, an Indian GST tax invoice as Tally prints it
(lakh grouping, ``28-Nov-26``, CGST/SGST rows in the item table), a US commercial invoice headed
``No.``, a UK Sage invoice in £ with VAT, a Xero invoice whose currency shows only in
``Amount EUR`` / ``TOTAL EUR``, a Portuguese/English fatura with spaces as thousands separators,
a Japanese exporter's form (``Invoice No. and Date`` in one box), a Canadian credit memo, an
Austrian invoice with its buyer in the envelope window and two-line descriptions, a US domestic
invoice without any country, and a Hong Kong trader's invoice with a currency column.
Their first reading by the reader as it stood is in docs/documents.md.
"""

from __future__ import annotations

from pathlib import Path

from tests.documents.layouts import Layout, Sheet, _line, _truth, write_batch

# -- A Chinese exporter: letterhead seller, "To:", US$, a TOTAL row, "SAY US DOLLARS ... ONLY" ---


def cn_fob_say() -> bytes:
    s = Sheet()
    s.text(15, 12, "SHENZHEN BRIGHTSTAR ELECTRONICS CO., LTD.", size=13, bold=True)
    s.text(15, 19, "Room 1205, Block B, Tian'an Cyber Park, Futian District, Shenzhen 518040, "
                   "China", size=8)  # fmt: skip
    s.text(15, 23, "Tel: +86 755 8321 4567   Fax: +86 755 8321 4568", size=8)
    s.text(72, 32, "COMMERCIAL INVOICE", size=15, bold=True)
    s.text(15, 45, "To:", bold=True)
    s.lines(15, 50, ["Maple Leaf Outdoor Inc.", "2250 Yonge Street, Suite 900",
                     "Toronto, ON M4S 2B4", "Canada"])  # fmt: skip
    s.pairs(120, 45, [("Invoice No.:", "BSE20261128-03"), ("Date:", "Nov. 28, 2026"),
                      ("S/C No.:", "BSE-SC-2611"), ("Price Terms:", "FOB Yantian"),
                      ("Payment:", "T/T")], gap=26)  # fmt: skip
    s.text(15, 74, "Shipment from Yantian, China to Vancouver, Canada by sea", size=8)
    y = s.table(
        82,
        [
            ("Marks & Nos.", 15, 24, "L"),
            ("Description of Goods", 42, 59, "L"),
            ("Quantity", 103, 24, "R"),
            ("Unit Price", 129, 26, "R"),
            ("Amount", 160, 35, "R"),
        ],
        [
            ["N/M", "LED camping lantern, model BS-L20", "3,000 PCS", "US$3.25", "US$9,750.00"],
            ["", "USB rechargeable headlamp BS-H08", "2,000 PCS", "US$4.50", "US$9,000.00"],
            ["", "TOTAL FOB YANTIAN:", "5,000 PCS", "", "US$18,750.00"],
        ],
    )
    s.text(15, y + 6, "SAY US DOLLARS EIGHTEEN THOUSAND SEVEN HUNDRED AND FIFTY ONLY.", size=8)
    s.text(120, y + 22, "SHENZHEN BRIGHTSTAR ELECTRONICS CO., LTD.", size=7, bold=True)
    s.text(130, y + 36, "Authorized Signature", size=8)
    return s.output()


CN_FOB_SAY_TRUTH = _truth(
    invoice_number="BSE20261128-03", type_code="380", issue_date="2026-11-28", currency="USD",
    seller_name="SHENZHEN BRIGHTSTAR ELECTRONICS CO., LTD.", seller_country="CN",
    buyer_name="Maple Leaf Outdoor Inc.", buyer_country="CA",
    grand_total="18750.00", due_payable="18750.00",
    line_items=[
        _line("LED camping lantern, model BS-L20", "3000", "H87", "3.25", "9750.00"),
        _line("USB rechargeable headlamp BS-H08", "2000", "H87", "4.5", "9000.00"),
    ],
)  # fmt: skip


# -- An Indian GST tax invoice as Tally prints it: no country, 28-Nov-26, lakh grouping ----------


def in_gst_tally() -> bytes:
    s = Sheet()
    s.text(85, 10, "TAX INVOICE", size=13, bold=True)
    s.text(15, 20, "Shree Ganesh Polymers Pvt. Ltd.", bold=True)
    s.lines(15, 25, ["Plot 45, GIDC Phase II", "Vapi, Gujarat 396195",
                     "GSTIN/UIN: 24AABCS1429B1ZQ", "State Name: Gujarat, Code: 24",
                     "E-Mail: accounts@shreeganeshpolymers.in"], size=8, step=4)  # fmt: skip
    for x, y, label, value in [
        (110, 20, "Invoice No.", "SGP/26-27/0381"), (155, 20, "Dated", "28-Nov-26"),
        (110, 31, "Delivery Note", ""), (155, 31, "Mode/Terms of Payment", "30 Days"),
        (110, 42, "Buyer's Order No.", "PO-7781"), (155, 42, "Dated", "20-Nov-26"),
    ]:  # fmt: skip
        s.text(x, y, label, size=8)
        s.text(x, y + 4, value, size=8, bold=True)
    s.text(15, 48, "Buyer (Bill to)", size=8)
    s.lines(15, 52, ["Om Sai Packaging Industries"], bold=True)
    s.lines(15, 57, ["Gala No. 12, Bhiwandi", "Thane, Maharashtra 421302",
                     "GSTIN/UIN: 27AAFFO5521M1Z8", "State Name: Maharashtra, Code: 27"],
            size=8, step=4)  # fmt: skip
    y = s.table(
        78,
        [
            ("Sl No.", 15, 10, "L"),
            ("Description of Goods", 27, 58, "L"),
            ("HSN/SAC", 87, 18, "L"),
            ("Quantity", 106, 20, "R"),
            ("Rate", 128, 16, "R"),
            ("per", 146, 8, "L"),
            ("Amount", 160, 35, "R"),
        ],
        [
            ["1", "HDPE Granules HD50MA180", "39012000", "2,000 kg", "56.00", "kg",
             "1,12,000.00"],
            ["2", "LLDPE Film Roll 40 micron", "39201019", "400 kg", "84.00", "kg", "33,600.00"],
            ["", "Output CGST @ 9%", "", "", "", "", "13,104.00"],
            ["", "Output SGST @ 9%", "", "", "", "", "13,104.00"],
            ["", "Total", "", "2,400 kg", "", "", "₹ 1,71,808.00"],
        ],
    )  # fmt: skip
    s.text(15, y + 4, "Amount Chargeable (in words)", size=8)
    s.text(15, y + 8, "INR One Lakh Seventy One Thousand Eight Hundred Eight Only", bold=True)
    s.pairs(100, y + 18, [("Taxable Value", "1,45,600.00"), ("Total Tax Amount", "26,208.00")],
            gap=50, value_width=45, align="R")  # fmt: skip
    s.text(15, y + 32, "Tax Amount (in words): INR Twenty Six Thousand Two Hundred Eight Only",
           size=8)  # fmt: skip
    s.text(130, y + 44, "for Shree Ganesh Polymers Pvt. Ltd.", size=8)
    s.text(150, y + 56, "Authorised Signatory", size=8)
    return s.output()


IN_GST_TALLY_TRUTH = _truth(
    invoice_number="SGP/26-27/0381", type_code="380", issue_date="2026-11-28", currency="INR",
    seller_name="Shree Ganesh Polymers Pvt. Ltd.", seller_vat_id="24AABCS1429B1ZQ",
    buyer_name="Om Sai Packaging Industries",
    tax_exclusive_total="145600.00", tax_total="26208.00", grand_total="171808.00",
    due_payable="171808.00",
    line_items=[
        _line("HDPE Granules HD50MA180", "2000", "KGM", "56", "112000.00"),
        _line("LLDPE Film Roll 40 micron", "400", "KGM", "84", "33600.00"),
    ],
)  # fmt: skip


# -- A US commercial invoice: "No." beside the title, 11/05/2026 month first, USD in a note -------


def us_commercial() -> bytes:
    s = Sheet()
    s.text(15, 14, "COMMERCIAL INVOICE", size=16, bold=True)
    s.text(120, 15, "No.", bold=True, size=11)
    s.text(130, 15, "4471", size=11)
    s.pairs(120, 23, [("Date:", "11/05/2026"), ("Customer PO:", "PO-88812"),
                      ("Incoterms:", "FCA Chicago")], gap=28)  # fmt: skip
    s.text(15, 28, "Shipper/Exporter:", bold=True)
    s.lines(15, 33, ["Great Lakes Machine Tools, Inc.", "1840 W. Fulton St",
                     "Chicago, IL 60612", "USA"])  # fmt: skip
    s.text(15, 56, "Sold To / Ultimate Consignee:", bold=True)
    s.lines(15, 61, ["Werkzeugbau Schneider GmbH", "Industriestrasse 22", "73728 Esslingen",
                     "Germany"])  # fmt: skip
    s.pairs(120, 56, [("Country of Origin:", "USA"), ("Reason for Export:", "Sale")], gap=38)
    y = s.table(
        86,
        [
            ("Qty", 15, 10, "R"),
            ("UOM", 27, 10, "L"),
            ("Description", 39, 58, "L"),
            ("HTS Code", 99, 24, "L"),
            ("Unit Value", 125, 30, "R"),
            ("Total Value", 160, 35, "R"),
        ],
        [
            ["4", "EA", "Carbide end mill set, 20 pc", "8207.70.6060", "$1,245.00", "$4,980.00"],
            ["10", "EA", "Precision vise 6 inch", "8205.70.0000", "$389.50", "$3,895.00"],
            ["2", "EA", "Digital height gauge 300 mm", "9017.30.4000", "$1,150.00",
             "$2,300.00"],
        ],
    )  # fmt: skip
    s.pairs(110, y + 6, [("Total Invoice Value:", "$11,175.00")], gap=40, value_width=45,
            align="R")  # fmt: skip
    s.text(15, y + 14, "All values in US dollars (USD).", size=8)
    s.text(15, y + 22, "I declare that all the information contained in this invoice is true "
                       "and correct.", size=8)  # fmt: skip
    s.text(15, y + 34, "Signature: ______________________   Date: 11/05/2026", size=8)
    return s.output()


US_COMMERCIAL_TRUTH = _truth(
    invoice_number="4471", type_code="380", issue_date="2026-11-05", currency="USD",
    seller_name="Great Lakes Machine Tools, Inc.", seller_country="US",
    buyer_name="Werkzeugbau Schneider GmbH", buyer_country="DE",
    grand_total="11175.00", due_payable="11175.00",
    line_items=[
        _line("Carbide end mill set, 20 pc", "4", "H87", "1245", "4980.00"),
        _line("Precision vise 6 inch", "10", "H87", "389.5", "3895.00"),
        _line("Digital height gauge 300 mm", "2", "H87", "1150", "2300.00"),
    ],
)  # fmt: skip


# -- A UK invoice as Sage prints it: £, "Invoice/Tax Date", "Invoice Address", a domestic buyer ---


def uk_sage() -> bytes:
    s = Sheet()
    s.text(15, 14, "Harrow & Finch Ltd", size=16, bold=True)
    s.lines(15, 23, ["Unit 7, Riverside Business Park", "Leeds LS10 1AB", "United Kingdom"])
    s.text(150, 14, "INVOICE", size=18, bold=True)
    s.pairs(120, 28, [("Invoice No.", "41736"), ("Invoice/Tax Date", "04/11/2026"),
                      ("Account Ref", "ASH001"), ("Order No.", "PO 5531")],
            gap=32)  # fmt: skip
    s.text(15, 52, "Invoice Address", bold=True)
    s.lines(15, 57, ["Ashdown Chandlery Ltd", "3 Quay Street", "Falmouth", "TR11 3HH"])
    s.text(110, 52, "Delivery Address", bold=True)
    s.lines(110, 57, ["Ashdown Chandlery Ltd", "Falmouth Marina, North Parade", "Falmouth",
                      "TR11 2TD"])  # fmt: skip
    y = s.table(
        82,
        [
            ("Quantity", 15, 16, "R"),
            ("Details", 35, 70, "L"),
            ("Unit Price", 107, 24, "R"),
            ("Net Amount", 133, 28, "R"),
            ("VAT %", 165, 15, "R"),
        ],
        [
            ["12.00", "Marine-grade rope 12mm x 50m", "£46.50", "£558.00", "20.00"],
            ["4.00", "Stainless cleat 200mm", "£18.75", "£75.00", "20.00"],
            ["2.00", "Anchor chain 8mm (per 10m)", "£100.80", "£201.60", "20.00"],
        ],
    )
    s.pairs(110, y + 8, [("Total Net Amount", "£834.60"), ("Total VAT Amount", "£166.92"),
                         ("Invoice Total", "£1,001.52")], gap=40, value_width=30,
            align="R")  # fmt: skip
    s.text(15, 280, "VAT Reg No. GB 287 6543 21    Company Reg No. 08812345    Registered in "
                    "England and Wales", size=7)  # fmt: skip
    return s.output()


UK_SAGE_TRUTH = _truth(
    invoice_number="41736", type_code="380", issue_date="2026-11-04", currency="GBP",
    seller_name="Harrow & Finch Ltd", seller_vat_id="GB287654321", seller_country="GB",
    buyer_name="Ashdown Chandlery Ltd",
    tax_exclusive_total="834.60", tax_total="166.92", grand_total="1001.52",
    due_payable="1001.52",
    line_items=[
        _line("Marine-grade rope 12mm x 50m", "12", None, "46.5", "558.00"),
        _line("Stainless cleat 200mm", "4", None, "18.75", "75.00"),
        _line("Anchor chain 8mm (per 10m)", "2", None, "100.8", "201.60"),
    ],
)  # fmt: skip


# -- A Xero invoice: buyer under the title and seller on the right, both without a label; the
# currency only in "Amount EUR" and "TOTAL EUR"; a payment advice with "To:" the seller -------


def uk_xero_eur() -> bytes:
    s = Sheet()
    s.text(15, 15, "TAX INVOICE", size=20, bold=True)
    s.lines(15, 30, ["Quayside Coffee Roasters Ltd", "Unit 4, Grand Canal Quay",
                     "Dublin 2, D02 Y754", "Ireland"])  # fmt: skip
    for index, (label, value) in enumerate(
        [("Invoice Date", "6 Nov 2026"), ("Invoice Number", "INV-2291"),
         ("Reference", "PO 3310"), ("VAT Number", "GB 392 1184 55")]
    ):  # fmt: skip
        s.text(105, 30 + 10 * index, label, bold=True, size=8)
        s.text(105, 34 + 10 * index, value, size=8)
    s.lines(150, 30, ["Kettle & Grind Ltd", "22 Mill Lane", "Bristol BS1 5DS",
                      "United Kingdom"])  # fmt: skip
    y = s.table(
        80,
        [
            ("Description", 15, 85, "L"),
            ("Quantity", 102, 20, "R"),
            ("Unit Price", 124, 24, "R"),
            ("VAT", 150, 14, "R"),
            ("Amount EUR", 166, 29, "R"),
        ],
        [
            ["Espresso grinder EG-64, commercial", "2.00", "1,450.00", "0%", "2,900.00"],
            ["Burr set replacement 64 mm", "6.00", "85.00", "0%", "510.00"],
        ],
    )
    s.pairs(125, y + 6, [("Subtotal", "3,410.00"), ("TOTAL VAT 0%", "0.00"),
                         ("TOTAL EUR", "3,410.00")], gap=30, value_width=40,
            align="R")  # fmt: skip
    s.text(15, y + 26, "Due Date: 6 Dec 2026", bold=True, size=8)
    s.text(15, y + 31, "Zero-rated export of goods. Bank: Lloyds, IBAN GB29 LOYD 3092 1500 "
                       "4471 26", size=8)  # fmt: skip
    s.text(15, y + 50, "PAYMENT ADVICE", size=14, bold=True)
    s.text(15, y + 60, "To:", bold=True)
    s.lines(25, y + 60, ["Kettle & Grind Ltd", "22 Mill Lane", "Bristol BS1 5DS",
                         "United Kingdom"])  # fmt: skip
    s.pairs(110, y + 60, [("Customer", "Quayside Coffee Roasters Ltd"),
                          ("Invoice Number", "INV-2291"), ("Amount Due", "3,410.00"),
                          ("Due Date", "6 Dec 2026")], gap=32)  # fmt: skip
    return s.output()


UK_XERO_EUR_TRUTH = _truth(
    invoice_number="INV-2291", type_code="380", issue_date="2026-11-06", currency="EUR",
    seller_name="Kettle & Grind Ltd", seller_vat_id="GB392118455", seller_country="GB",
    buyer_name="Quayside Coffee Roasters Ltd", buyer_country="IE",
    tax_exclusive_total="3410.00", tax_total="0.00", grand_total="3410.00",
    due_payable="3410.00",
    line_items=[
        _line("Espresso grinder EG-64, commercial", "2", None, "1450", "2900.00"),
        _line("Burr set replacement 64 mm", "6", None, "85", "510.00"),
    ],
)  # fmt: skip


# -- A Portuguese fatura with English beside the labels, spaces as thousands separators ---------


def pt_bilingual() -> bytes:
    s = Sheet()
    s.text(15, 14, "Cortiça Atlântica, Lda.", size=14, bold=True)
    s.lines(15, 22, ["Rua da Indústria, 145", "4535-211 Santa Maria de Lamas", "Portugal",
                     "NIF / VAT No.: PT 509 876 543"], size=8, step=4)  # fmt: skip
    s.text(130, 14, "FATURA / INVOICE", size=14, bold=True)
    s.pairs(108, 26, [("Fatura N.º / Invoice No.:", "FT 2026/1187"),
                      ("Data / Date:", "2026-11-19"), ("Vencimento / Due date:", "2026-12-19")],
            gap=47)  # fmt: skip
    s.text(15, 48, "Cliente / Customer:", bold=True)
    s.lines(15, 53, ["Cellar Door Closures Ltd", "14 Kings Road", "Reading RG1 3AA",
                     "Reino Unido / United Kingdom"])  # fmt: skip
    y = s.table(
        80,
        [
            ("Descrição / Description", 15, 62, "L"),
            ("Qtd. / Qty", 79, 22, "R"),
            ("Preço Unit. / Unit Price", 109, 40, "R"),
            ("IVA %", 151, 12, "R"),
            ("Valor / Amount", 165, 30, "R"),
        ],
        [
            ["Rolha natural 45x24 mm", "100 000", "0,118", "0", "11 800,00"],
            ["Rolha técnica 1+1 44x23,5 mm", "40 000", "0,065", "0", "2 600,00"],
        ],
    )
    s.pairs(100, y + 6, [("Total s/ IVA / Total excl. VAT", "14 400,00 €"),
                         ("IVA / VAT", "0,00 €"), ("Total / Total amount", "14 400,00 €")],
            gap=55, value_width=40, align="R")  # fmt: skip
    s.text(15, y + 26, "Isento de IVA - art. 14.º, n.º 1, al. a) do CIVA (exportação) / "
                       "VAT exempt: export of goods", size=8)  # fmt: skip
    return s.output()


PT_BILINGUAL_TRUTH = _truth(
    invoice_number="FT 2026/1187", type_code="380", issue_date="2026-11-19", currency="EUR",
    seller_name="Cortiça Atlântica, Lda.", seller_vat_id="PT509876543", seller_country="PT",
    buyer_name="Cellar Door Closures Ltd", buyer_country="GB",
    tax_exclusive_total="14400.00", tax_total="0.00", grand_total="14400.00",
    due_payable="14400.00",
    line_items=[
        _line("Rolha natural 45x24 mm", "100000", None, "0.118", "11800.00"),
        _line("Rolha técnica 1+1 44x23,5 mm", "40000", None, "0.065", "2600.00"),
    ],
)  # fmt: skip


# -- A Japanese exporter's form: "Invoice No. and Date" in one box, "Messrs.", ¥ and JPY ----------


def jp_messrs() -> bytes:
    s = Sheet()
    s.text(90, 10, "INVOICE", size=18, bold=True)
    s.text(15, 24, "Shipper / Exporter", size=8)
    s.lines(15, 29, ["Osaka Precision Bearings Co., Ltd.", "2-14-8 Nishi-Nakajima, Yodogawa-ku",
                     "Osaka 532-0011, Japan"])  # fmt: skip
    s.text(110, 24, "Invoice No. and Date", size=8)
    s.text(110, 29, "OPB-2611-07")
    s.text(150, 29, "Nov. 7, 2026")
    s.text(110, 38, "L/C No. and Date", size=8)
    s.text(110, 43, "N/A")
    s.text(15, 46, "For Account & Risk of Messrs.", size=8)
    s.lines(15, 51, ["Anadolu Rulman Sanayi A.S.", "Organize Sanayi Bolgesi 3. Cadde No: 12",
                     "Nilufer, Bursa, Turkey"])  # fmt: skip
    s.text(110, 52, "Terms of Delivery and Payment", size=8)
    s.text(110, 57, "CIF Gemlik, T/T in advance")
    s.pairs(15, 70, [("Port of Loading", "Kobe, Japan"), ("Final Destination", "Gemlik, Turkey"),
                     ("Vessel", "ONE HARMONY V.026W")], gap=32)  # fmt: skip
    y = s.table(
        90,
        [
            ("Marks & Nos.", 15, 24, "L"),
            ("Description of Goods", 42, 57, "L"),
            ("Quantity", 101, 22, "R"),
            ("Unit Price", 125, 28, "R"),
            ("Amount", 160, 35, "R"),
        ],
        [
            ["ANADOLU", "Deep groove ball bearing 6205-2RS", "2,000 pcs", "¥1,850", "¥3,700,000"],
            ["C/NO. 1-40", "Tapered roller bearing 30208", "950 pcs", "¥2,700", "¥2,565,000"],
        ],
    )
    s.text(101, y + 4, "Total: CIF Gemlik", bold=True)
    s.text(160, y + 4, "JPY 6,265,000", bold=True, width=35, align="R")
    s.text(130, y + 24, "Osaka Precision Bearings Co., Ltd.", size=8)
    s.text(140, y + 36, "Signed by: K. Tanaka, Export Manager", size=8)
    return s.output()


JP_MESSRS_TRUTH = _truth(
    invoice_number="OPB-2611-07", type_code="380", issue_date="2026-11-07", currency="JPY",
    seller_name="Osaka Precision Bearings Co., Ltd.", seller_country="JP",
    buyer_name="Anadolu Rulman Sanayi A.S.", buyer_country="TR",
    grand_total="6265000.00", due_payable="6265000.00",
    line_items=[
        _line("Deep groove ball bearing 6205-2RS", "2000", "H87", "1850", "3700000.00"),
        _line("Tapered roller bearing 30208", "950", "H87", "2700", "2565000.00"),
    ],
)  # fmt: skip


# -- A Canadian credit memo to a US customer, in US$, with the original invoice's number ----------


def ca_credit_memo() -> bytes:
    s = Sheet()
    s.text(15, 14, "Northern Pine Furniture Ltd.", size=15, bold=True)
    s.lines(15, 22, ["455 Rue Saint-Paul", "Montréal, QC H2Y 1H3", "Canada",
                     "GST/HST No.: 812345678 RT0001"], size=8, step=4)  # fmt: skip
    s.text(140, 14, "CREDIT MEMO", size=16, bold=True)
    s.pairs(122, 26, [("Credit Memo #", "CM-1019"), ("Date", "November 12, 2026"),
                      ("Original Invoice #", "10455")], gap=36)  # fmt: skip
    s.text(15, 48, "Credit To", bold=True)
    s.lines(15, 53, ["Cascade Home Goods, LLC", "2100 4th Ave", "Seattle, WA 98121", "USA"])
    y = s.table(
        80,
        [
            ("Description", 15, 95, "L"),
            ("Qty", 112, 15, "R"),
            ("Rate", 130, 28, "R"),
            ("Amount", 160, 35, "R"),
        ],
        [
            ["Returned: oak dining chair, damaged in transit", "4", "185.00", "740.00"],
            ["Freight refund", "1", "60.00", "60.00"],
        ],
    )
    s.pairs(120, y + 6, [("Subtotal", "800.00"), ("Tax", "0.00"), ("Total Credit", "US$800.00"),
                         ("Remaining Credit", "US$800.00")], gap=40, value_width=35,
            align="R")  # fmt: skip
    s.text(15, y + 32, "This credit will be applied to your next invoice.", size=8)
    return s.output()


CA_CREDIT_MEMO_TRUTH = _truth(
    invoice_number="CM-1019", type_code="381", issue_date="2026-11-12", currency="USD",
    seller_name="Northern Pine Furniture Ltd.", seller_vat_id="812345678RT0001",
    seller_country="CA", buyer_name="Cascade Home Goods, LLC", buyer_country="US",
    tax_exclusive_total="800.00", tax_total="0.00", grand_total="800.00", due_payable="800.00",
    line_items=[
        _line("Returned: oak dining chair, damaged in transit", "4", None, "185", "740.00"),
        _line("Freight refund", "1", None, "60", "60.00"),
    ],
)  # fmt: skip


# -- An Austrian Rechnung, DIN 5008: buyer in the envelope window without a label, sender line,
# letterhead on the right, descriptions on two lines, UID in the footer -------------------------


def at_window() -> bytes:
    s = Sheet()
    s.text(125, 14, "Alpenholz Möbelwerk GmbH", size=13, bold=True)
    s.lines(125, 21, ["Industriezone 5", "6800 Feldkirch", "Österreich",
                      "Tel. +43 5522 71234"], size=8, step=4)  # fmt: skip
    s.text(20, 46, "Alpenholz Möbelwerk GmbH · Industriezone 5 · 6800 Feldkirch", size=6)
    s.lines(20, 52, ["Casa Bella Arredamenti S.r.l.", "Via Roma 112", "39100 Bolzano",
                     "Italien"])  # fmt: skip
    s.pairs(118, 52, [("Rechnungsnummer", "RE-2026-0891"), ("Rechnungsdatum", "19.11.2026"),
                      ("Kundennummer", "10233"), ("Lieferdatum", "17.11.2026"),
                      ("Ihre UID-Nr.", "IT01234567890")], gap=36)  # fmt: skip
    s.text(20, 88, "Rechnung", size=14, bold=True)
    s.text(20, 96, "Sehr geehrte Damen und Herren, wir berechnen Ihnen wie folgt:", size=8)
    y = s.table(
        104,
        [
            ("Pos.", 20, 9, "L"),
            ("Bezeichnung", 31, 68, "L"),
            ("Menge", 101, 14, "R"),
            ("Einheit", 117, 14, "L"),
            ("Einzelpreis", 133, 26, "R"),
            ("Gesamtpreis", 161, 34, "R"),
        ],
        [
            ["1", "Eichentisch massiv 180 x 90 cm,", "4", "Stk", "1.240,00", "4.960,00"],
            ["", "geölt, Art.-Nr. ET-180", "", "", "", ""],
            ["2", "Stuhl Eiche, Sitz Leder", "16", "Stk", "189,00", "3.024,00"],
            ["", "cognac, Art.-Nr. ST-22", "", "", "", ""],
        ],
        step=4.5,
    )
    s.pairs(120, y + 6, [("Nettobetrag", "7.984,00 EUR"), ("USt. 0 %", "0,00 EUR"),
                         ("Rechnungsbetrag", "7.984,00 EUR")], gap=35, value_width=40,
            align="R")  # fmt: skip
    s.text(20, y + 26, "Steuerfreie innergemeinschaftliche Lieferung gemäß Art. 7 UStG.", size=8)
    s.text(20, y + 31, "Zahlbar innerhalb von 14 Tagen ohne Abzug.", size=8)
    s.text(20, 278, "Alpenholz Möbelwerk GmbH · UID-Nr.: ATU 12345678 · FN 123456a LG "
                    "Feldkirch · IBAN AT61 3742 2000 0012 3456", size=6)  # fmt: skip
    return s.output()


AT_WINDOW_TRUTH = _truth(
    invoice_number="RE-2026-0891", type_code="380", issue_date="2026-11-19", currency="EUR",
    seller_name="Alpenholz Möbelwerk GmbH", seller_vat_id="ATU12345678", seller_country="AT",
    buyer_name="Casa Bella Arredamenti S.r.l.", buyer_country="IT",
    tax_exclusive_total="7984.00", tax_total="0.00", grand_total="7984.00",
    due_payable="7984.00",
    line_items=[
        _line("Eichentisch massiv 180 x 90 cm, geölt, Art.-Nr. ET-180", "4", "H87", "1240",
              "4960.00"),
        _line("Stuhl Eiche, Sitz Leder cognac, Art.-Nr. ST-22", "16", "H87", "189", "3024.00"),
    ],
)  # fmt: skip


# -- A US domestic invoice: no country anywhere, "Ext. Price", "Amount Due (USD)" ---------------


def us_domestic() -> bytes:
    s = Sheet()
    s.text(15, 14, "Lone Star Fasteners, LLC", size=15, bold=True)
    s.lines(15, 22, ["7800 Ambassador Row", "Dallas, TX 75247", "(214) 555-0188"], size=8,
            step=4)  # fmt: skip
    s.text(150, 14, "INVOICE", size=18, bold=True)
    s.pairs(125, 26, [("Invoice No.", "LSF-20931"), ("Invoice Date", "11/19/2026"),
                      ("Due Date", "12/19/2026"), ("P.O. Number", "4500-7712")],
            gap=28)  # fmt: skip
    s.text(15, 50, "Bill To:", bold=True)
    s.lines(15, 55, ["Buckeye Industrial Supply Inc.", "3150 Valleyview Dr",
                     "Columbus, OH 43204"])  # fmt: skip
    s.text(110, 50, "Ship To:", bold=True)
    s.lines(110, 55, ["Buckeye Industrial Supply Inc.", "Dock 3, 900 Frank Rd",
                      "Columbus, OH 43223"])  # fmt: skip
    y = s.table(
        76,
        [
            ("Item #", 15, 16, "L"),
            ("Description", 33, 70, "L"),
            ("Qty", 105, 14, "R"),
            ("U/M", 121, 10, "L"),
            ("Unit Price", 133, 24, "R"),
            ("Ext. Price", 160, 35, "R"),
        ],
        [
            ["HX-3816", 'Hex cap screw 3/8-16 x 1" Gr 8, zinc', "2,500", "EA", "0.184", "460.00"],
            ["NY-38", "Nylon insert lock nut 3/8-16", "2,500", "EA", "0.062", "155.00"],
            ["FW-38", "Flat washer 3/8 SAE hardened", "5,000", "EA", "0.031", "155.00"],
        ],
    )
    s.pairs(120, y + 6, [("Subtotal", "770.00"), ("Sales Tax (8.25%)", "63.53"),
                         ("Total", "$833.53"), ("Amount Due (USD)", "$833.53")], gap=40,
            value_width=35, align="R")  # fmt: skip
    s.text(15, y + 34, "Thank you for your business! Terms: Net 30.", size=8)
    return s.output()


US_DOMESTIC_TRUTH = _truth(
    invoice_number="LSF-20931", type_code="380", issue_date="2026-11-19", currency="USD",
    seller_name="Lone Star Fasteners, LLC", buyer_name="Buckeye Industrial Supply Inc.",
    tax_exclusive_total="770.00", tax_total="63.53", grand_total="833.53", due_payable="833.53",
    line_items=[
        _line('Hex cap screw 3/8-16 x 1" Gr 8, zinc', "2500", "H87", "0.184", "460.00"),
        _line("Nylon insert lock nut 3/8-16", "2500", "H87", "0.062", "155.00"),
        _line("Flat washer 3/8 SAE hardened", "5000", "H87", "0.031", "155.00"),
    ],
)  # fmt: skip


# -- A Hong Kong trader: the currency only in its own column, "Invoice No:" without a full stop ---


def hk_currency_column() -> bytes:
    s = Sheet()
    s.text(15, 14, "Pacific Crest Trading (H.K.) Limited", size=14, bold=True)
    s.lines(15, 22, ["Unit 1802, 18/F, Tower 2, Silvercord", "30 Canton Road, Tsim Sha Tsui, "
                     "Kowloon", "Hong Kong"], size=8, step=4)  # fmt: skip
    s.text(155, 14, "INVOICE", size=16, bold=True)
    s.pairs(127, 26, [("Invoice No:", "PCT-HK-26-0512"), ("Invoice Date:", "20 Nov 2026"),
                      ("Terms:", "FOB Hong Kong")], gap=28)  # fmt: skip
    s.text(15, 44, "Customer:", bold=True)
    s.lines(15, 49, ["Ferramenta Lombarda S.p.A.", "Via Milano 45", "20900 Monza (MB)",
                     "Italy"])  # fmt: skip
    y = s.table(
        76,
        [
            ("Item", 15, 10, "L"),
            ("Description", 27, 66, "L"),
            ("Qty", 95, 14, "R"),
            ("Unit", 111, 10, "L"),
            ("Curr.", 123, 12, "L"),
            ("Unit Price", 137, 22, "R"),
            ("Amount", 161, 34, "R"),
        ],
        [
            ["1", "Cordless impact driver 20V", "300", "SET", "EUR", "42.80", "12,840.00"],
            ["2", "Lithium battery pack 20V 4Ah", "600", "PCS", "EUR", "18.50", "11,100.00"],
        ],
    )
    s.pairs(120, y + 6, [("Total Amount:", "23,940.00")], gap=40, value_width=35, align="R")
    s.text(15, y + 16, "Payment: 30% deposit, balance against copy of B/L.", size=8)
    return s.output()


HK_CURRENCY_COLUMN_TRUTH = _truth(
    invoice_number="PCT-HK-26-0512", type_code="380", issue_date="2026-11-20", currency="EUR",
    seller_name="Pacific Crest Trading (H.K.) Limited", seller_country="HK",
    buyer_name="Ferramenta Lombarda S.p.A.", buyer_country="IT",
    grand_total="23940.00", due_payable="23940.00",
    line_items=[
        _line("Cordless impact driver 20V", "300", "SET", "42.8", "12840.00"),
        _line("Lithium battery pack 20V 4Ah", "600", "H87", "18.5", "11100.00"),
    ],
)  # fmt: skip


# == Written after the reader had been fixed for the eleven above, and first read unchanged ======


# -- A Vietnamese garment exporter: "Inv. No.", a TOTAL row with the total pieces, no unit -------


def vn_garment() -> bytes:
    s = Sheet()
    s.text(68, 12, "COMMERCIAL INVOICE", size=15, bold=True)
    s.text(15, 26, "Shipper:", bold=True)
    s.lines(15, 31, ["VIET TIEN GARMENT JOINT STOCK COMPANY", "7 Le Minh Xuan St., Tan Binh Dist.",
                     "Ho Chi Minh City, Vietnam"])  # fmt: skip
    s.pairs(125, 26, [("Inv. No.:", "VTG-26/1147"), ("Inv. Date:", "21-NOV-2026"),
                      ("Payment:", "T/T 60 days")], gap=24)  # fmt: skip
    s.text(15, 48, "Consignee:", bold=True)
    s.lines(15, 53, ["Bergmann Textilhandel GmbH", "Kaiserstrasse 41", "60329 Frankfurt am Main",
                     "Germany"])  # fmt: skip
    s.pairs(125, 48, [("Notify Party:", "Same as consignee"), ("From:", "Cat Lai, HCMC"),
                      ("To:", "Hamburg, Germany"), ("Vessel/Voy:", "MAERSK ESSEN 247W")],
            gap=26)  # fmt: skip
    y = s.table(
        80,
        [
            ("Style No.", 15, 20, "L"),
            ("Description of Goods", 37, 68, "L"),
            ("Quantity (PCS)", 105, 24, "R"),
            ("Unit Price (USD)", 133, 30, "R"),
            ("Amount (USD)", 165, 30, "R"),
        ],
        [
            ["VT-M2041", "Men's woven shirt, 100% cotton, long sleeve", "2,400", "8.75",
             "21,000.00"],
            ["VT-W1188", "Women's knitted polo shirt, CVC 60/40", "3,600", "5.20", "18,720.00"],
            ["", "TOTAL:", "6,000", "", "39,720.00"],
        ],
    )  # fmt: skip
    s.text(15, y + 4, "FOB HO CHI MINH CITY", bold=True, size=8)
    s.text(15, y + 10, "SAY TOTAL: U.S. DOLLARS THIRTY-NINE THOUSAND SEVEN HUNDRED TWENTY ONLY.",
           size=8)  # fmt: skip
    return s.output()


VN_GARMENT_TRUTH = _truth(
    invoice_number="VTG-26/1147", type_code="380", issue_date="2026-11-21", currency="USD",
    seller_name="VIET TIEN GARMENT JOINT STOCK COMPANY", seller_country="VN",
    buyer_name="Bergmann Textilhandel GmbH", buyer_country="DE",
    grand_total="39720.00", due_payable="39720.00",
    line_items=[
        _line("Men's woven shirt, 100% cotton, long sleeve", "2400", "H87", "8.75", "21000.00"),
        _line("Women's knitted polo shirt, CVC 60/40", "3600", "H87", "5.2", "18720.00"),
    ],
)  # fmt: skip


# -- A Swedish faktura with English beside the labels, SEK only with the amount due ------------


def se_bilingual() -> bytes:
    s = Sheet()
    s.text(15, 14, "Nordic Steel Components AB", size=14, bold=True)
    s.lines(15, 22, ["Verkstadsgatan 12", "721 30 Västerås", "Sverige / Sweden"], size=8, step=4)
    s.text(140, 14, "FAKTURA / INVOICE", size=13, bold=True)
    s.pairs(100, 26, [("Fakturanummer / Invoice No.", "20261187"),
                      ("Fakturadatum / Invoice date", "2026-11-21"),
                      ("Förfallodatum / Due date", "2026-12-21"),
                      ("Er referens / Your ref.", "J. Smith")], gap=56)  # fmt: skip
    s.text(15, 50, "Kund / Customer", bold=True)
    s.lines(15, 55, ["Midlands Hydraulics Ltd", "Unit 3, Tame Valley Industrial Estate",
                     "Tamworth B77 5BY", "Storbritannien / United Kingdom"])  # fmt: skip
    y = s.table(
        84,
        [
            ("Artikelnr", 15, 18, "L"),
            ("Benämning / Description", 35, 62, "L"),
            ("Antal / Qty", 95, 18, "R"),
            ("Enhet", 116, 10, "L"),
            ("À-pris / Unit price", 130, 32, "R"),
            ("Belopp / Amount", 165, 30, "R"),
        ],
        [
            ["NS-4410", "Hydraulic cylinder tube 80x10 mm", "120", "st", "1 245,00",
             "149 400,00"],
            ["NS-2207", "Chromed piston rod Ø40 mm", "120", "st", "865,50", "103 860,00"],
        ],
    )  # fmt: skip
    s.pairs(105, y + 6, [("Summa exkl. moms / Subtotal", "253 260,00"),
                         ("Moms 0 % / VAT 0 %", "0,00"),
                         ("Att betala / Total due SEK", "253 260,00")], gap=55, value_width=35,
            align="R")  # fmt: skip
    s.text(15, 280, "Org.nr 556123-4567 | Momsreg.nr / VAT No. SE556123456701 | Bankgiro "
                    "5050-1055 | Innehar F-skattsedel", size=7)  # fmt: skip
    return s.output()


SE_BILINGUAL_TRUTH = _truth(
    invoice_number="20261187", type_code="380", issue_date="2026-11-21", currency="SEK",
    seller_name="Nordic Steel Components AB", seller_vat_id="SE556123456701",
    seller_country="SE", buyer_name="Midlands Hydraulics Ltd", buyer_country="GB",
    tax_exclusive_total="253260.00", tax_total="0.00", grand_total="253260.00",
    due_payable="253260.00",
    line_items=[
        _line("Hydraulic cylinder tube 80x10 mm", "120", "H87", "1245", "149400.00"),
        _line("Chromed piston rod Ø40 mm", "120", "H87", "865.5", "103860.00"),
    ],
)  # fmt: skip


# -- A Bangladeshi knitwear exporter under a letter of credit: "Applicant / Buyer", two "Date"s --


def bd_knitwear() -> bytes:
    s = Sheet()
    s.text(90, 12, "INVOICE", size=16, bold=True)
    s.text(15, 24, "Exporter:", bold=True)
    s.lines(15, 29, ["Dhaka Knit Composite Ltd.", "Plot 22-24, Dhaka EPZ, Savar",
                     "Dhaka-1349, Bangladesh"])  # fmt: skip
    s.pairs(120, 24, [("Invoice No.", "DKC/EXP/2026/388"), ("Date", "21.11.2026"),
                      ("L/C No.", "0001LC2611088"), ("Date", "02.10.2026")], gap=25)  # fmt: skip
    s.text(15, 48, "Applicant / Buyer:", bold=True)
    s.lines(15, 53, ["Fashion Forward Retail Inc.", "1450 Broadway, 12th Floor",
                     "New York, NY 10018", "USA"])  # fmt: skip
    y = s.table(
        80,
        [
            ("Sl.", 15, 8, "L"),
            ("Style No.", 25, 18, "L"),
            ("Description", 45, 58, "L"),
            ("Qty (Pcs)", 105, 20, "R"),
            ("Unit Price (US$/Pc)", 127, 34, "R"),
            ("Total Value (US$)", 163, 32, "R"),
        ],
        [
            ["1", "FF-T101", "Men's cotton crew neck T-shirt", "12,000", "2.35", "28,200.00"],
            ["2", "FF-H220", "Ladies pullover hoodie, fleece", "4,500", "6.80", "30,600.00"],
            ["", "", "Total:", "16,500", "", "US$ 58,800.00"],
        ],
    )
    s.text(15, y + 6, "In Words: US Dollar Fifty Eight Thousand Eight Hundred Only", size=8)
    s.text(15, y + 12, "Country of Origin: Bangladesh.  Terms: FOB Chittagong.", size=8)
    return s.output()


BD_KNITWEAR_TRUTH = _truth(
    invoice_number="DKC/EXP/2026/388", type_code="380", issue_date="2026-11-21", currency="USD",
    seller_name="Dhaka Knit Composite Ltd.", seller_country="BD",
    buyer_name="Fashion Forward Retail Inc.", buyer_country="US",
    grand_total="58800.00", due_payable="58800.00",
    line_items=[
        _line("Men's cotton crew neck T-shirt", "12000", "H87", "2.35", "28200.00"),
        _line("Ladies pullover hoodie, fleece", "4500", "H87", "6.8", "30600.00"),
    ],
)  # fmt: skip


# -- A Belgian note de crédit: its own number label, € and "Montant à rembourser" ---------------


def be_note_de_credit() -> bytes:
    s = Sheet()
    s.text(15, 14, "Chocolaterie Delvaux SA", size=14, bold=True)
    s.lines(15, 22, ["Rue de l'Industrie 18", "1400 Nivelles", "Belgique",
                     "TVA BE 0456.789.123"], size=8, step=4)  # fmt: skip
    s.text(135, 14, "NOTE DE CRÉDIT", size=14, bold=True)
    s.pairs(120, 28, [("N° de note de crédit :", "NC-2026-0045"), ("Date :", "21/11/2026"),
                      ("Réf. facture :", "F-2026-1893")], gap=40)  # fmt: skip
    s.text(15, 50, "Client :", bold=True)
    s.lines(15, 55, ["Sweet Imports Ltd", "45 Queen Street", "Auckland 1010",
                     "Nouvelle-Zélande"])  # fmt: skip
    y = s.table(
        80,
        [
            ("Désignation", 15, 95, "L"),
            ("Quantité", 112, 18, "R"),
            ("Prix unitaire", 132, 28, "R"),
            ("Montant", 165, 30, "R"),
        ],
        [["Pralines assorties 500 g (retour, emballage endommagé)", "24", "18,50", "444,00"]],
    )
    s.pairs(120, y + 6, [("Total HT", "444,00 €"), ("TVA 0 %", "0,00 €"),
                         ("Total TTC", "444,00 €"), ("Montant à rembourser", "444,00 €")],
            gap=40, value_width=35, align="R")  # fmt: skip
    return s.output()


BE_NOTE_DE_CREDIT_TRUTH = _truth(
    invoice_number="NC-2026-0045", type_code="381", issue_date="2026-11-21", currency="EUR",
    seller_name="Chocolaterie Delvaux SA", seller_vat_id="BE0456789123", seller_country="BE",
    buyer_name="Sweet Imports Ltd", buyer_country="NZ",
    tax_exclusive_total="444.00", tax_total="0.00", grand_total="444.00", due_payable="444.00",
    line_items=[
        _line("Pralines assorties 500 g (retour, emballage endommagé)", "24", None, "18.5",
              "444.00"),
    ],
)  # fmt: skip


# -- A Singapore GST tax invoice: "GST Reg No.", SGD only in the column headers and the total ---


def sg_gst() -> bytes:
    s = Sheet()
    s.text(15, 14, "Lion City Instruments Pte. Ltd.", size=14, bold=True)
    s.lines(15, 22, ["10 Science Park Road, #03-12", "Singapore 117684",
                     "GST Reg No.: M2-0123456-7"], size=8, step=4)  # fmt: skip
    s.text(150, 14, "TAX INVOICE", size=13, bold=True)
    s.pairs(135, 26, [("Invoice No:", "SG-INV-50912"), ("Date:", "21/11/2026"),
                      ("Terms:", "30 days")], gap=22)  # fmt: skip
    s.text(15, 44, "Bill To:", bold=True)
    s.lines(15, 49, ["Mutiara Lab Supplies Sdn. Bhd.", "Jalan Teknologi 5, Taman Sains",
                     "47810 Petaling Jaya, Selangor", "Malaysia"])  # fmt: skip
    y = s.table(
        76,
        [
            ("No.", 15, 8, "L"),
            ("Description", 25, 70, "L"),
            ("Qty", 97, 12, "R"),
            ("UOM", 111, 10, "L"),
            ("Unit Price (SGD)", 123, 32, "R"),
            ("Amount (SGD)", 160, 35, "R"),
        ],
        [
            ["1", "Digital pH meter PH-700 with probe", "10", "UNIT", "385.00", "3,850.00"],
            ["2", "Calibration buffer set pH 4/7/10", "25", "SET", "42.60", "1,065.00"],
        ],
    )
    s.pairs(105, y + 6, [("Sub-Total", "4,915.00"), ("GST 0% (Zero-rated export)", "0.00"),
                         ("Total Amount Payable (SGD)", "4,915.00")], gap=55, value_width=35,
            align="R")  # fmt: skip
    return s.output()


SG_GST_TRUTH = _truth(
    invoice_number="SG-INV-50912", type_code="380", issue_date="2026-11-21", currency="SGD",
    seller_name="Lion City Instruments Pte. Ltd.", seller_vat_id="M201234567",
    seller_country="SG", buyer_name="Mutiara Lab Supplies Sdn. Bhd.", buyer_country="MY",
    tax_exclusive_total="4915.00", tax_total="0.00", grand_total="4915.00",
    due_payable="4915.00",
    line_items=[
        _line("Digital pH meter PH-700 with probe", "10", "H87", "385", "3850.00"),
        _line("Calibration buffer set pH 4/7/10", "25", "SET", "42.6", "1065.00"),
    ],
)  # fmt: skip


UNSEEN: list[Layout] = [
    Layout("cn-fob-say", cn_fob_say, CN_FOB_SAY_TRUTH),
    Layout("in-gst-tally", in_gst_tally, IN_GST_TALLY_TRUTH),
    Layout("us-commercial", us_commercial, US_COMMERCIAL_TRUTH),
    Layout("uk-sage", uk_sage, UK_SAGE_TRUTH),
    Layout("uk-xero-eur", uk_xero_eur, UK_XERO_EUR_TRUTH),
    Layout("pt-bilingual", pt_bilingual, PT_BILINGUAL_TRUTH),
    Layout("jp-messrs", jp_messrs, JP_MESSRS_TRUTH),
    Layout("ca-credit-memo", ca_credit_memo, CA_CREDIT_MEMO_TRUTH),
    Layout("at-window", at_window, AT_WINDOW_TRUTH),
    Layout("us-domestic", us_domestic, US_DOMESTIC_TRUTH),
    Layout("hk-currency-column", hk_currency_column, HK_CURRENCY_COLUMN_TRUTH),
]


# Written after the reader had been fixed for UNSEEN, and first read without changing it.
AFTER: list[Layout] = [
    Layout("vn-garment", vn_garment, VN_GARMENT_TRUTH),
    Layout("se-bilingual", se_bilingual, SE_BILINGUAL_TRUTH),
    Layout("bd-knitwear", bd_knitwear, BD_KNITWEAR_TRUTH),
    Layout("be-note-de-credit", be_note_de_credit, BE_NOTE_DE_CREDIT_TRUTH),
    Layout("sg-gst", sg_gst, SG_GST_TRUTH),
]


def write_unseen(folder: Path) -> dict[str, Path]:
    """Every layout of both batches as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, [*UNSEEN, *AFTER])
