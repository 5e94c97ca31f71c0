"""The text-layer reader on hand-written invoices in layouts the generator does not make
(tests/documents/layouts.py), and the value parsers' edge cases.

The layouts are the set the reader's vocabularies were developed against: passing here says
the conventions they show are read, not how the reader does on unseen invoices.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from clearlane.documents import extract
from clearlane.documents.layout import (
    country_code,
    currency_code,
    currency_sign,
    decimal_mark_of,
    label_matches,
    numeric_date_order,
    parse_date,
    parse_number,
    unit_code,
)
from clearlane.documents.models import Extraction
from tests.documents.batches import batch_tests
from tests.documents.layouts import (
    FRESH,
    KNOWN_MISSES,
    LATER,
    LAYOUTS,
    RATES,
    Sheet,
)

ALL = [*LAYOUTS, *LATER, *FRESH, *RATES]


extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "layouts", ALL, missed=KNOWN_MISSES
)


def test_found_values_point_at_the_page(extracted: dict[str, Extraction]) -> None:
    for name, got in extracted.items():
        for field in ("invoice_number", "issue_date", "grand_total", "currency"):
            if getattr(got, field) is None:
                continue
            proof = got.evidence[field]
            assert proof.page == 1 and proof.box is not None, (name, field)
    # A currency from a sign ('€') is less sure than a printed code.
    assert extracted["fr"].evidence["currency"].confidence == 0.8


def _one_page(tmp_path: Path, lines: list[tuple[float, float, str]]) -> Extraction:
    sheet = Sheet()
    for x, y, text in lines:
        sheet.text(x, y, text)
    path = tmp_path / "page.pdf"
    path.write_bytes(sheet.output())
    return extract(path)


def test_dollar_amounts_take_the_code_printed_elsewhere_on_the_page(tmp_path: Path) -> None:
    got = _one_page(
        tmp_path,
        [(15, 15, "Invoice No.: 77"), (15, 25, "Total"), (60, 25, "$1,250.00"),
         (15, 40, "All prices in CAD.")],
    )  # fmt: skip
    assert (got.grand_total, got.currency) == ("1250.00", "CAD")


def test_dollar_amounts_without_a_code_leave_the_currency_empty(tmp_path: Path) -> None:
    got = _one_page(
        tmp_path, [(15, 15, "Invoice No.: 77"), (15, 25, "Total"), (60, 25, "$1,250.00")]
    )
    assert (got.grand_total, got.currency) == ("1250.00", None)


def test_an_ambiguous_numeric_date_stays_empty_without_evidence(tmp_path: Path) -> None:
    got = _one_page(tmp_path, [(15, 15, "Invoice No.: 77"), (15, 25, "Date: 03/04/2026")])
    assert got.invoice_number == "77" and got.issue_date is None
    got = _one_page(
        tmp_path,
        [(15, 15, "Invoice No.: 77"), (15, 25, "Date: 03/04/2026"),
         (15, 35, "Due date: 04/19/2026")],
    )  # fmt: skip
    assert got.issue_date == "2026-03-04"  # the due date shows month first


@pytest.mark.parametrize(
    ("text", "day_first", "iso"),
    [
        ("2026-12-03", None, "2026-12-03"),
        ("03.12.2026", None, "2026-12-03"),  # dots: day first
        ("13/12/2026", None, "2026-12-13"),  # a day above 12 shows the order
        ("12/13/2026", None, "2026-12-13"),
        ("03/04/2026", None, None),  # March 4 or April 3: not guessed
        ("03/04/2026", True, "2026-04-03"),
        ("03/04/2026", False, "2026-03-04"),
        ("03-12-2026", True, "2026-12-03"),
        ("3 December 2026", None, "2026-12-03"),
        ("December 3, 2026", None, "2026-12-03"),
        ("Dec 3, 2026", None, "2026-12-03"),
        ("DEC. 03, 2026", None, "2026-12-03"),
        ("3rd Dec 2026", None, "2026-12-03"),
        ("22 Dec 2024", None, "2024-12-22"),
        ("03-Dec-2026", None, "2026-12-03"),
        ("3. Dezember 2026", None, "2026-12-03"),
        ("3. März 2026", None, "2026-03-03"),
        ("3 décembre 2026", None, "2026-12-03"),
        ("3 DÉCEMBRE 2026", None, "2026-12-03"),
        ("1er février 2026", None, "2026-02-01"),
        ("3 de diciembre de 2026", None, "2026-12-03"),
        ("3 dicembre 2026", None, "2026-12-03"),
        ("3 gennaio 2026", None, "2026-01-03"),
        ("3 maart 2026", None, "2026-03-03"),
        ("31 juin 2026", None, None),  # no such day
        ("3 Foo 2026", None, None),
        ("30/02/2026", True, None),
    ],
)
def test_parse_date(text: str, day_first: bool | None, iso: str | None) -> None:
    assert parse_date(text, day_first=day_first) == iso


def test_numeric_date_order_from_the_page() -> None:
    assert numeric_date_order(["Date: 03/04/2026", "Due: 19/04/2026"]) is True
    assert numeric_date_order(["Date: 03/04/2026", "Due: 04/19/2026"]) is False
    assert numeric_date_order(["Date: 03/04/2026"]) is None
    assert numeric_date_order(["13/04/2026", "04/19/2026"]) is None  # contradictory
    assert numeric_date_order(["13.04.2026"]) is None  # dotted dates say nothing


@pytest.mark.parametrize(
    ("text", "mark", "value"),
    [
        ("12,345.67", ".", "12345.67"),
        ("12.345,67", ".", "12345.67"),
        ("1 234,56 €", ".", "1234.56"),
        ("€ 1.234,56", ".", "1234.56"),
        ("$1,234.56", ".", "1234.56"),
        ("US$ 3,200.00", ".", "3200.00"),
        ("28.58 USD", ".", "28.58"),
        ("EUR 5.180,00", ".", "5180.00"),
        ("(1,234.50)", ".", "-1234.50"),
        ("($25.00)", ".", "-25.00"),
        ("$(25.00)", ".", "-25.00"),
        ("-1.234,50", ".", "-1234.50"),
        ("1,234.50-", ".", "-1234.50"),
        ("12,5", ".", "12.5"),
        ("1.234", None, None),  # one and a quarter or twelve hundred: the page decides
        ("1,234", None, None),
        ("1.234", ",", "1234"),
        ("1.234", ".", "1.234"),
        ("1,234", ".", "1234"),
        ("1.234.567", None, "1234567"),
        ("0.45", None, "0.45"),
        ("¥628,000", ".", "628000"),
        ("INVOICE", ".", None),
        ("Net 30", ".", None),
        ("", ".", None),
    ],
)
def test_parse_number(text: str, mark: str | None, value: str | None) -> None:
    got = parse_number(text, mark)
    assert got == (None if value is None else Decimal(value))


def test_decimal_mark_from_the_page() -> None:
    assert decimal_mark_of(["Total 1.234,56 €", "12,5 m"]) == ","
    assert decimal_mark_of(["$1,234.56", "0.45"]) == "."
    assert decimal_mark_of(["1,234", "1.234", "03.12.2026"]) is None  # nothing shows it
    assert decimal_mark_of(["1,5", "2.5"]) is None  # they disagree


@pytest.mark.parametrize(
    ("text", "sign", "code"),
    [
        ("€ 1.234,56", "€", "EUR"),
        ("1 234,56 €", "€", "EUR"),
        ("£4,752.00", "£", "GBP"),
        ("US$ 4,550.00", "US$", "USD"),
        ("$494.99", "$", None),  # dollars of which country: not said
        ("¥628,000", "¥", None),  # yen or yuan
        ("5.180,00 EUR", "EUR", "EUR"),
        ("1,234.00", None, None),
    ],
)
def test_currency_signs(text: str, sign: str | None, code: str | None) -> None:
    assert currency_sign(text) == sign
    assert (currency_code(sign) if sign else None) == code


def test_currency_code_needs_a_real_code() -> None:
    assert currency_code("usd") == "USD"
    assert currency_code("XYZ") is None
    assert currency_code("$") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("pcs", "H87"), ("Stk", "H87"), ("pce", "H87"), ("m", "MTR"), ("kg", "KGM"),
     ("KGM", "KGM"), ("NAR", "NAR"), ("PR", "PR"), ("pairs", "PR"), ("carton box", None)],
)  # fmt: skip
def test_unit_code(text: str, code: str | None) -> None:
    assert unit_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("Deutschland", "DE"), ("Belgique", "BE"), ("España", "ES"), ("Svizzera", "CH"),
     ("Duitsland", "DE"), ("1100-053 Lisboa, Portugal", "PT"), ("Dublin 2", None),
     ("Polska", "PL"), ("Seoul, Korea, Republic of", "KR"), ("Seattle, WA 98101, USA", "US"),
     ("Bursa, Turkey", "TR")],
)  # fmt: skip
def test_country_names_in_several_languages(text: str, code: str | None) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Total HT", "tax_exclusive_total"),
        ("Total TTC", "grand_total"),
        ("Total Due", "due_payable"),
        ("Net à payer", "due_payable"),
        ("VAT @ 20%", "tax_total"),
        ("zzgl. 19 % MwSt.", "tax_total"),
        ("VAT Registration No. GB 123 4567 89", "vat"),
        ("N° TVA intracommunautaire : FR 40 123456789", "vat"),
        ("Seller/Exporter:", "seller"),
        ("Cessionario / Committente", "buyer"),
        ("Facture n°", "invoice_number"),
        ("Nota de crédito nº", "invoice_number"),
        ("Razem / Total", "grand_total"),  # bilingual: the second language's label
        ("NIP / VAT ID: PL7781234567", "vat"),
        ("1) Shipper/Exporter", "seller"),  # numbered boxes of a commercial invoice form
        ("Folio:", "invoice_number"),
    ],
)
def test_the_longest_label_wins(text: str, key: str) -> None:
    found = label_matches(text)
    assert max(found.values(), key=lambda m: m.length).key == key


def test_payment_terms_are_no_net_total() -> None:
    assert label_matches("Net 30") == {}
    assert "tax_exclusive_total" in label_matches("Net")
    assert label_matches("Datasheet") == {}  # a label ends where a word does


def test_a_total_column_header_is_no_invoice_total(tmp_path: Path) -> None:
    """'Total' heading the amount column, its first amount under it: not the invoice's."""
    sheet = Sheet()
    sheet.text(15, 15, "Invoice No.: 77")
    columns = [("Description", 15, 80, "L"), ("Qty", 100, 20, "L"), ("Total", 130, 30, "L")]
    y = sheet.table(30, columns, [["Brass valve", "4", "120.00"], ["Gasket", "10", "5.00"]])
    sheet.text(100, y + 5, "Invoice total", bold=True)
    sheet.text(130, y + 5, "125.00")
    path = tmp_path / "page.pdf"
    path.write_bytes(sheet.output())
    got = extract(path)
    assert got.grand_total == "125.00"
    assert [line.amount for line in got.line_items] == ["120.00", "5.00"]


def test_a_value_starting_like_a_label_is_still_a_value(tmp_path: Path) -> None:
    """An invoice number 'GST84-2500001' right of its label is a value, though it starts like
    a GST line (a generated invoice has one)."""
    got = _one_page(tmp_path, [(15, 15, "Invoice #:"), (50, 15, "GST84-2500001")])
    assert got.invoice_number == "GST84-2500001"


def test_a_party_named_on_its_label_line(tmp_path: Path) -> None:
    """'Bill To: Lakeside Hardware LLC' with the address under the name."""
    got = _one_page(
        tmp_path,
        [(15, 15, "Invoice No.: 77"), (15, 25, "Seller: Brightwater Supply Co."),
         (15, 30, "Oakland, CA 94607, USA"), (110, 25, "Bill To: Lakeside Hardware LLC"),
         (110, 30, "88 Main Street"), (110, 35, "Burlington, VT 05401, USA"),
         (15, 45, "Period from: 01.11.2026")],
    )  # fmt: skip
    assert (got.seller_name, got.seller_country) == ("Brightwater Supply Co.", "US")
    assert (got.buyer_name, got.buyer_country) == ("Lakeside Hardware LLC", "US")


def test_a_customer_number_is_no_buyer_name(tmp_path: Path) -> None:
    """'Customer No.: 10882' is a reference; the buyer is the 'Bill To' block further down."""
    got = _one_page(
        tmp_path,
        [(15, 15, "Invoice No.: 77"), (110, 15, "Customer No.: 10882"), (15, 30, "Bill To"),
         (15, 35, "Lakeside Hardware LLC"), (15, 40, "Burlington, VT 05401, USA")],
    )  # fmt: skip
    assert (got.buyer_name, got.buyer_country) == ("Lakeside Hardware LLC", "US")
