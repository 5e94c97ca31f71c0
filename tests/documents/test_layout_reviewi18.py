"""Session 33, review i18 of invoices30: its new labels on pages they were not written for.
Each test failed on lead (invoices30 merged) unless marked guard; the pages are small made-up
ones (the batch, tests/documents/layouts_review18.py, is read by the benchmark)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from clearlane.documents import extract
from clearlane.documents.models import Extraction
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_unseen2 import Sheet2


def _read(draw: Callable[[Sheet2], None]) -> Extraction:
    sheet = Sheet2()
    draw(sheet)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.pdf"
        path.write_bytes(sheet.output())
        return extract(path)


def _page(sheet: Sheet2, pairs: list[tuple[str, str]], totals: list[tuple[str, str]]) -> None:
    """A UK seller's letterhead, the invoice's data as pairs at the right, a German buyer, one
    line and the totals."""
    sheet.text(15, 12, "Acme Trading Ltd", size=13, bold=True)
    _block(sheet, 15, 19, ["1 High Street, Leeds LS1 1AA", "United Kingdom",
                           "VAT No. GB 123 4567 89"], size=8)  # fmt: skip
    sheet.text(150, 12, "INVOICE", size=16, bold=True)
    sheet.pairs(120, 24, pairs, gap=30)
    sheet.text(15, 50, "Bill To:", bold=True)
    _block(sheet, 15, 55, ["Bravo Imports GmbH", "Hafenstraße 1, 20457 Hamburg", "Germany"])
    y = sheet.grid(80, [("Description", 15, 90, "L"), ("Qty", 107, 16, "R"),
                        ("Unit Price", 125, 30, "R"), ("Amount", 160, 35, "R")],
                   [["Widgets, first delivery (1 of 3)", "100", "40.00", "4,000.00"]],
                   size=8.5)  # fmt: skip
    _totals(sheet, 110, 161, y + 4, totals)


def test_the_invoice_number_and_date_before_a_documents_number_and_posting_date() -> None:
    # A reference document's 'Document No.' and 'Posting Date' (a delivery's) printed before
    # the invoice's own 'Invoice No.' and 'Invoice Date': lead read the delivery's
    got = _read(lambda s: _page(s, [("Document No.", "80017325"), ("Posting Date", "27.11.2026"),
                                    ("Invoice No.", "90041877"), ("Invoice Date", "30.11.2026")],
                                [("Total EUR", "4,000.00")]))  # fmt: skip
    assert (got.invoice_number, got.issue_date) == ("90041877", "2026-11-30")


def test_document_no_and_posting_date_alone() -> None:  # guard (SAP Business One's own)
    got = _read(lambda s: _page(s, [("Document No.", "30004512"), ("Posting Date", "04.12.2026")],
                                [("Total EUR", "4,000.00")]))  # fmt: skip
    assert (got.invoice_number, got.issue_date) == ("30004512", "2026-12-04")


def test_the_invoice_total_after_an_order_total() -> None:
    # An order invoiced in parts: the order's total in the header, the invoice's own below;
    # lead read the order's 12,000.00 as the invoice total and the amount due
    got = _read(lambda s: _page(s, [("Invoice No.:", "INV-1001"), ("Date:", "04/12/2026"),
                                    ("Order total:", "GBP 12,000.00")],
                                [("Subtotal", "4,000.00"), ("VAT 0%", "0.00"),
                                 ("Invoice total GBP", "4,000.00")]))  # fmt: skip
    assert (got.grand_total, got.due_payable) == ("4000.00", "4000.00")


def test_an_order_total_alone() -> None:  # guard (a marketplace's only total)
    got = _read(lambda s: _page(s, [("Invoice No.:", "INV-1002"), ("Date:", "04/12/2026")],
                                [("Order total", "US $4,000.00")]))  # fmt: skip
    assert (got.grand_total, got.currency) == ("4000.00", "USD")


def _titled(title: str) -> Extraction:
    """A page whose only number could be in its title (no 'Invoice No.' label)."""

    def draw(sheet: Sheet2) -> None:
        sheet.text(15, 12, "Acme Trading Ltd", size=13, bold=True)
        _block(sheet, 15, 19, ["1 High Street, Leeds LS1 1AA", "United Kingdom"], size=8)
        sheet.text(110, 12, title, size=15, bold=True)
        sheet.pairs(125, 24, [("Date", "04/12/2026")], gap=26)
        sheet.text(15, 40, "Bill To:", bold=True)
        _block(sheet, 15, 45, ["Bravo Imports GmbH", "Hafenstraße 1, 20457 Hamburg", "Germany"])
        y = sheet.grid(70, [("Description", 15, 90, "L"), ("Qty", 107, 16, "R"),
                            ("Unit Price", 125, 30, "R"), ("Amount", 160, 35, "R")],
                       [["Retainer, fourth quarter", "1", "1,200.00", "1,200.00"]],
                       size=8.5)  # fmt: skip
        _totals(sheet, 110, 161, y + 4, [("Total GBP", "1,200.00")])

    return _read(draw)


def test_a_period_in_the_title_is_no_invoice_number() -> None:
    # A service invoice's title naming the period billed ('INVOICE Q4-2026', a month and its
    # year): invoices30's number-in-the-title rule read them as the number
    for title in ("INVOICE Q4-2026", "Invoice December-2026", "Invoice Dec-2026",
                  "INVOICE 2026-Q4", "Invoice H2/2026"):  # fmt: skip
        assert _titled(title).invoice_number is None, title


def test_a_number_in_the_title() -> None:  # guard (Odoo's, a Polish-style number of the year)
    assert _titled("Invoice INV/2026/00418").invoice_number == "INV/2026/00418"
    assert _titled("Invoice 12/2026").invoice_number == "12/2026"
    assert _titled("Invoice MD-0412").invoice_number == "MD-0412"


def _centred_letterhead(name: list[str]) -> Extraction:
    """A letterhead centred on the page: its name (as ``name``'s runs, a few spaces apart on
    one line), its address, and its VAT and TIN line as two runs."""
    from tests.documents.layouts_review18 import _centred

    def draw(sheet: Sheet2) -> None:
        _centred(sheet, 12, name, size=14, bold=True, gap=3)
        _centred(sheet, 20, ["No. 8, Duke Street, Colombo 01, Sri Lanka"], size=8)
        _centred(sheet, 24.5, ["VAT Reg. No: 104567891-7000", "TIN: 104567891"], size=8)
        _centred(sheet, 34, ["COMMERCIAL INVOICE"], size=12, bold=True)
        sheet.text(15, 44, "Buyer:", size=8.5, bold=True)
        _block(sheet, 15, 49, ["Nordic Tea House AB", "Kungsgatan 12", "111 43 Stockholm",
                               "Sweden"])  # fmt: skip
        sheet.pairs(125, 44, [("Invoice No:", "LS/EX/0098"), ("Date:", "05.12.2026")], gap=22)
        y = sheet.grid(72, [("Description", 15, 90, "L"), ("Quantity", 107, 18, "R"),
                            ("Price US$", 137, 24, "R"), ("Amount US$", 163, 32, "R")],
                       [["Ceylon black tea BOP", "1,000", "6.85", "6,850.00"]],
                       size=8.5)  # fmt: skip
        _totals(sheet, 110, 161, y + 4, [("TOTAL FOB US$", "6,850.00")])

    return _read(draw)


def test_a_letterheads_name_centred_as_two_runs() -> None:
    # The name printed as two runs on its line (two colours or fonts in a letterhead): the
    # reader took the second run alone for the seller and missed the block under the whole
    got = _centred_letterhead(["LANKA SPICE", "EXPORTS (PVT) LTD"])
    assert (got.seller_name, got.seller_country) == ("LANKA SPICE EXPORTS (PVT) LTD", "LK")
    assert got.seller_vat_id == "1045678917000"


def test_a_letterheads_name_centred_as_one_run() -> None:  # guard
    got = _centred_letterhead(["LANKA SPICE EXPORTS (PVT) LTD"])
    assert (got.seller_name, got.seller_country) == ("LANKA SPICE EXPORTS (PVT) LTD", "LK")
    assert got.seller_vat_id == "1045678917000"


def test_a_name_with_its_legal_form_beside_its_translation() -> None:  # guard (batch 20)
    got = _centred_letterhead(["Lanka Spice Exports (Pvt) Ltd", "ලංකා කුළුබඩු"])
    assert got.seller_name == "Lanka Spice Exports (Pvt) Ltd"


def test_sap_partner_functions_label_the_buyer() -> None:
    # SAP's partner functions as captions ('Sold-to party', 'Bill-to party', hyphenated): the
    # reader took the caption for the buyer's name (on main too; batch 41's de-sap-refs-pl)
    for caption in ("Sold-to party", "Bill-to party", "Sold-To Party:"):

        def draw(sheet: Sheet2, caption: str = caption) -> None:
            sheet.text(15, 12, "Kessler Antriebstechnik GmbH", size=13, bold=True)
            sheet.text(15, 19, "Kessler Antriebstechnik GmbH · Motorstraße 18 · 70499 Stuttgart",
                       size=6.5)  # fmt: skip
            sheet.text(15, 26, caption, size=8, bold=True)
            _block(sheet, 15, 31, ["Fabryka Łożysk Sp. z o.o.", "ul. Fabryczna 3",
                                   "61-001 Poznań", "Poland"])  # fmt: skip
            sheet.text(130, 12, "INVOICE", size=16, bold=True)
            sheet.pairs(130, 26, [("Invoice No.", "90041878"), ("Invoice Date", "30.11.2026")],
                        gap=26)  # fmt: skip
            y = sheet.grid(60, [("Description", 15, 90, "L"), ("Quantity", 107, 18, "R"),
                                ("Price EUR", 137, 24, "R"), ("Amount EUR", 163, 32, "R")],
                           [["Gear motor 0.75 kW", "10", "86.40", "864.00"]],
                           size=8.5)  # fmt: skip
            _totals(sheet, 110, 161, y + 4, [("Total amount EUR", "864.00")])

        got = _read(draw)
        assert (got.buyer_name, got.buyer_country) == ("Fabryka Łożysk Sp. z o.o.", "PL"), caption
