"""The sixteenth batch of hand-written invoices (tests/documents/layouts_review15.py: REVIEW15,
written before batch 15's rules were read), pinned as the reader reads it now, and the rules
its first reading led to, each on a small page of its own. Figures in docs/documents.md.
"""

from __future__ import annotations

from pathlib import Path

from clearlane.documents.layout import label_matches
from clearlane.documents.models import Extraction
from tests.documents.batches import batch_tests
from tests.documents.layouts import read_page
from tests.documents.layouts_review15 import REVIEW15

# (layout, field) header fields the reader leaves null.
STILL_MISSED: set[tuple[str, str]] = {
    # ('ΤΠ-Α 0345', a Greek series code of two parts: read since session 30, invoices26)
    ("il-hebrew", "invoice_number"),  # 'No. / מספר:': 'No.' alone is no label
    # 'USt-IdNr. / VAT ID: DE …' under the title, far from the letterhead (label and id read)
    ("de-rechnung-letter", "seller_vat_id"),
    ("id-packing-list", "invoice_number"),  # 'Packing List No.': the document's number
    ("ng-net-gross", "tax_total"),  # the tax only in a 'Totals' row under 'VAT 7.5% ₦'
    ("nl-brief", "invoice_number"),  # 'Factuur 2026-0871': no label, a title with its number
    ("nl-brief", "type_code"),  # (the same line)
    ("ua-latin", "seller_vat_id"),  # 'EDRPOU … · IPN …': no Ukrainian labels
}  # fmt: skip

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "review15", REVIEW15, missed=STILL_MISSED, exact_lines=False
)

Text = tuple[float, float, str, float]

_TOP: list[Text] = [
    (15, 12, "Kauri Coast Timber Ltd", 13),
    (15, 19, "88 Great South Road, Auckland 1051, New Zealand", 8),
    (15, 23, "GST No: 112-345-678", 8),
]


def _statement(tmp_path: Path) -> Extraction:
    return read_page(
        tmp_path,
        [*_TOP, (125, 12, "STATEMENT OF ACCOUNT", 12), (125, 22, "Statement Date:", 9),
         (157, 22, "31/10/2026", 9), (15, 40, "To:", 9), (15, 45, "Tasman Joinery Ltd", 9),
         (15, 62, "Date", 8.5), (40, 62, "Reference", 8.5), (165, 62, "Balance", 8.5),
         (15, 69, "01/10/2026", 8.5), (40, 69, "Invoice INV-8812", 8.5),
         (165, 69, "4,140.00", 8.5), (110, 80, "Balance Due NZD", 9), (161, 80, "4,140.00", 9)],
    )  # fmt: skip


def test_a_statement_title_is_no_seller_and_its_date_is_the_statements(tmp_path: Path) -> None:
    # 'STATEMENT OF ACCOUNT' beside the letterhead was read as the seller's name, the first
    # line's date as the issue date, and the balance due as an invoice's grand total
    got = _statement(tmp_path)
    assert got.seller_name == "Kauri Coast Timber Ltd"
    assert got.issue_date == "2026-10-31"
    assert got.type_code is None
    assert got.due_payable == "4140.00"
    assert got.grand_total is None


def test_an_invoices_balance_due_is_still_its_total(tmp_path: Path) -> None:
    # (the statement's rule leaves an invoice's 'Balance Due' the grand total too)
    got = read_page(
        tmp_path,
        [*_TOP, (150, 12, "INVOICE", 16), (120, 30, "Invoice No.: K-1", 9),
         (15, 62, "Description", 8.5), (165, 62, "Amount", 8.5), (15, 69, "Rimu boards", 8.5),
         (165, 69, "4,140.00", 8.5), (110, 80, "Balance Due NZD", 9), (161, 80, "4,140.00", 9)],
    )  # fmt: skip
    assert (got.grand_total, got.due_payable, got.type_code) == ("4140.00", "4140.00", "380")


def test_peru_sol_sign_igv_and_taxed_base(tmp_path: Path) -> None:
    # 'S/ 21,300.00' was no amount (no sign known), 'Op. Gravada' and 'IGV 18%' no labels,
    # 'V. Unitario' and 'Valor Venta' no columns: every total, the currency and the lines null
    got = read_page(
        tmp_path,
        [(15, 12, "Andes Orgánicos S.A.C.", 13),
         (15, 19, "Av. Javier Prado Este 2465, Lima, Perú", 8),
         (130, 12, "FACTURA ELECTRÓNICA", 10), (15, 30, "Fecha de emisión: 14/10/2026", 9),
         (15, 64, "Descripción", 8.5), (110, 64, "Cantidad", 8.5), (130, 64, "V. Unitario", 8.5),
         (165, 64, "Valor Venta", 8.5), (15, 71, "Maca en polvo, bolsa 1 kg", 8.5),
         (118, 71, "150", 8.5), (140, 71, "42.00", 8.5), (175, 71, "6,300.00", 8.5),
         (110, 80, "Op. Gravada", 9), (161, 80, "S/ 6,300.00", 9), (110, 86, "IGV 18%", 9),
         (161, 86, "S/ 1,134.00", 9), (110, 92, "Importe Total", 9), (161, 92, "S/ 7,434.00", 9)],
    )  # fmt: skip
    assert got.currency == "PEN"
    assert (got.tax_exclusive_total, got.tax_total, got.grand_total) == (
        "6300.00", "1134.00", "7434.00"
    )  # fmt: skip
    [line] = got.line_items
    assert (line.quantity, line.unit_price, line.amount) == ("150", "42", "6300.00")


def test_s_slash_before_no_figure_is_no_sol() -> None:
    # 'S/N' (a serial number) or 'S/O' (son of) are no sols: the sign only before a figure
    from clearlane.documents.layout import currency_code

    assert currency_code("S/N") is None
    assert currency_code("S/O") is None


def test_tax_id_labels_of_more_countries() -> None:
    # Egypt's 'Tax Registration No.' was a tax total's label ('Tax'); Kenya's 'KRA PIN',
    # Peru's 'RUC' and Chile's 'RUT' no labels at all (an NPWP is no VAT id:
    # unseen7's convention)
    for text, rest in [("Tax Registration No.: 200-345-678", "200-345-678"),
                       ("KRA PIN: P051234567X", "P051234567X"), ("RUC 20512345678", "20512345678"),
                       ("RUT: 76.543.210-K", "76.543.210-K")]:  # fmt: skip
        found = label_matches(text)
        assert "vat" in found and found["vat"].rest == rest, text
        assert "tax_total" not in found or found["tax_total"].length < found["vat"].length
    assert "vat" not in label_matches("Ruta 5 Norte 1200")  # a road, no RUT


def test_a_greek_number_label_with_its_english_after_a_slash() -> None:
    # 'Αριθμός / No.:' was no label (the Greek word only before a colon)
    found = label_matches("Αριθμός / No.:")
    assert found["invoice_number"].rest == ""


def test_p_unit_heads_the_unit_price_column(tmp_path: Path) -> None:
    # 'P. Unit. USD' was read as a unit column ('Unit'): no unit price, no unit read
    table: list[Text] = [
        (15, 80, "Descripción", 8.5), (107, 80, "Cant.", 8.5), (125, 80, "Un.", 8.5),
        (137, 80, "P. Unit. USD", 8.5), (167, 80, "Total USD", 8.5),
        (15, 87, "Cobre catodo grado A", 8.5), (113, 87, "1200", 8.5), (125, 87, "kg", 8.5),
        (150, 87, "9.45", 8.5), (177, 87, "11340.00", 8.5),
        (110, 100, "Total USD", 9), (177, 100, "11340.00", 9),
    ]  # fmt: skip
    got = read_page(tmp_path, [(15, 12, "Cobres del Norte SpA", 13),
                               (120, 24, "Invoice No.: 2315", 9), *table])  # fmt: skip
    [line] = got.line_items
    assert (line.quantity, line.unit_code, line.unit_price) == ("1200", "KGM", "9.45")


def test_a_dot_thousands_count_beside_dot_decimals_is_read_by_its_amount(tmp_path: Path) -> None:
    # '1.200' kg at '9.45' for '11340.00' was read 1.2 (the page's decimal mark): a wrong
    # quantity; the line's amount shows it is twelve hundred. Without a line amount that shows
    # either reading, the page's decimal mark reads it as before (not guessed otherwise).
    def line(amount: str) -> tuple[str | None, ...]:
        table: list[Text] = [
            (15, 80, "Description", 8.5), (107, 80, "Qty", 8.5), (137, 80, "Price", 8.5),
            (167, 80, "Amount", 8.5), (15, 87, "Copper cathode", 8.5), (113, 87, "1.200", 8.5),
            (150, 87, "9.45", 8.5), (177, 87, amount, 8.5),
            (110, 100, "Total USD", 9), (177, 100, amount, 9),
        ]  # fmt: skip
        got = read_page(tmp_path, [(15, 12, "Cobres del Norte SpA", 13),
                                   (120, 24, "Invoice No.: 2315", 9), *table])  # fmt: skip
        [item] = got.line_items
        return item.quantity, item.unit_price, item.amount

    assert line("11340.00") == ("1200", "9.45", "11340.00")
    assert line("11.34") == ("1.2", "9.45", "11.34")
    assert line("500.00")[0] == "1.2"  # neither reading gives it: the page's


def _letter(tmp_path: Path, extra: list[Text]) -> Extraction:
    return read_page(
        tmp_path,
        [(15, 12, "Bollenkwekerij De Zilk B.V.", 13),
         (15, 19, "Zilkerduinweg 40, 2191 AK De Zilk, Nederland", 8), *extra,
         (15, 64, "Omschrijving", 8.5), (165, 64, "Bedrag", 8.5), (15, 71, "Tulpenbollen", 8.5),
         (165, 71, "1.860,00", 8.5), (110, 80, "Totaal", 9), (161, 80, "1.860,00", 9)],
    )  # fmt: skip


def test_a_number_label_in_another_language_types_the_invoice(tmp_path: Path) -> None:
    # 'Fattura n. 212/2026' or 'Rechnung / Invoice Nr. …' with no title gave the number but
    # no type: only an English 'Invoice No.' typed the page 380
    for text, number in [("Fattura n. 212/2026", "212/2026"),
                         ("Rechnung / Invoice Nr. HV-26-07114", "HV-26-07114"),
                         ("Factuurnummer: 2026-0871", "2026-0871")]:  # fmt: skip
        got = _letter(tmp_path, [(15, 56, text, 11)])
        assert (got.invoice_number, got.type_code) == (number, "380"), text
    # another document's page citing an invoice's number stays untyped
    got = _letter(tmp_path, [(130, 12, "PACKING LIST", 14), (15, 56, "Fattura n. 212/2026", 11)])
    assert got.type_code is None


def test_a_date_after_a_translated_word_for_dated(tmp_path: Path) -> None:
    # 'Invoice No. UA-118/26 vid / dated 03.09.2026': 'vid /' before 'dated' hid the date
    got = _letter(
        tmp_path, [(15, 40, "Rakhunok / Invoice No. UA-118/26 vid / dated 03.09.2026", 11)]
    )
    assert (got.invoice_number, got.issue_date, got.type_code) == ("UA-118/26", "2026-09-03", "380")


def test_a_place_and_date_level_with_the_address(tmp_path: Path) -> None:
    # 'Amsterdam, 12 november 2026' on the line of the window's address (its first line far to
    # the left) was not alone on its line: no date read
    address: list[Text] = [
        (15, 32, "Floralies Gent BV", 9), (15, 36.5, "Kortrijksesteenweg 300", 9),
        (15, 41, "9000 Gent", 9), (15, 45.5, "België", 9),
    ]  # fmt: skip
    got = _letter(tmp_path, [*address, (130, 32, "Amsterdam, 12 november 2026", 9)])
    assert got.issue_date == "2026-11-12"
    # a bare date beside the address is no letter's date (it may be anything)
    got = _letter(tmp_path, [*address, (130, 32, "12 november 2026", 9)])
    assert got.issue_date is None


def test_a_currency_sign_in_the_table_headers_only(tmp_path: Path) -> None:
    # '€' printed only in a header ('Prijs €'), the amounts bare: no currency was read
    def header(price: str) -> list[Text]:
        return [(15, 56, "Factuurnummer: 2026-0871", 11), (105, 64, "Aantal", 8.5),
                (112, 71, "30", 8.5), (127, 64, price, 8.5), (135, 71, "62,00", 8.5)]  # fmt: skip

    assert _letter(tmp_path, header("Prijs")).currency is None
    assert _letter(tmp_path, header("Prijs €")).currency == "EUR"
    # a word that is a sign elsewhere ('TL', 'lei') in a header names no currency
    assert _letter(tmp_path, header("Prijs lei")).currency is None
