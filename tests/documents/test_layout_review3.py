"""Rules of the branch that read Portuguese, Nordic, Czech, Hungarian, Romanian and Greek
invoices, on invoices they were not written for: each page here gave a wrong value under
one of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents.models import Extraction
from tests.documents.layouts import read_page


def _row(y: float, xs: list[float], cells: list[str]) -> list[tuple[float, float, str, float]]:
    return [(x, y, cell, 9) for x, cell in zip(xs, cells, strict=True) if cell]


XS = [15, 95, 115, 140, 170]


@pytest.mark.parametrize(
    ("title", "number", "due", "issue", "head", "line"),
    [
        ("ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ", "Αριθμός: 2026-118", "Ημερομηνία λήξης: 31/12/2026",
         "Ημερομηνία έκδοσης: 02/12/2026", ["Περιγραφή", "Ποσότητα", "Μ.Μ.", "Τιμή", "Αξία"],
         ["Ελαιόλαδο", "10", "τεμ", "10,00", "100,00"]),
        ("Faktura", "Fakturanr.: 2026-118", "Dato forfall: 31.12.2026",
         "Fakturadato: 02.12.2026", ["Beskrivelse", "Antall", "Enhet", "Pris", "Beløp"],
         ["Rådgivning", "3", "timer", "1.000,00", "3.000,00"]),
        ("Fattura", "Fattura n.: 2026/118", "Data scad.: 31/12/2026",
         "Data fattura: 02/12/2026", ["Descrizione", "Quantità", "U.M.", "Prezzo", "Importo"],
         ["Olio", "10", "pz", "10,00", "100,00"]),
    ],
)  # fmt: skip
def test_a_date_label_with_a_due_word_gives_no_issue_date(
    tmp_path: Path, title: str, number: str, due: str, issue: str, head: list[str],
    line: list[str],
) -> None:  # fmt: skip
    # Greek 'Ημερομηνία λήξης', Norwegian 'Dato forfall', Italian 'Data scad.': the due date
    # under the bare date label ('Ημερομηνία', 'Dato', 'Data'), not the issue date
    got = read_page(tmp_path, [
        (15, 15, title, 12), (15, 22, number, 9), (15, 27, due, 9), (120, 27, issue, 9),
        *_row(40, XS, head), *_row(48, XS, line),
    ])  # fmt: skip
    assert got.issue_date == "2026-12-02"


def test_a_credit_note_with_positive_lines_keeps_them_positive(tmp_path: Path) -> None:
    # Its totals printed negative and its lines positive: the lines are already as EN 16931
    # has them (the type code carries the sign); only the totals turn positive.
    got = read_page(tmp_path, [
        (15, 15, "CREDIT NOTE", 12), (15, 22, "Credit Note No.: CN-2026-11", 9),
        *_row(40, XS, ["Description", "Qty", "Unit", "Unit Price", "Amount"]),
        *_row(48, XS, ["Returned mugs", "3", "PCS", "10.00", "30.00"]),
        *_row(54, XS, ["Returned plates", "2", "PCS", "5.00", "10.00"]),
        (110, 64, "Subtotal", 9), (170, 64, "-40.00", 9), (110, 70, "VAT 20%", 9),
        (170, 70, "-8.00", 9), (110, 76, "Total", 9), (170, 76, "-48.00", 9),
    ])  # fmt: skip
    assert got.type_code == "381"
    assert (got.tax_exclusive_total, got.tax_total, got.grand_total) == ("40.00", "8.00", "48.00")
    assert [(line.quantity, line.amount) for line in got.line_items] == [
        ("3", "30.00"), ("2", "10.00")
    ]  # fmt: skip


def test_a_credit_note_with_negative_lines_turns_them_positive(tmp_path: Path) -> None:
    # and a line against the others' sign (a discount taken back) keeps its own
    got = read_page(tmp_path, [
        (15, 15, "CREDIT NOTE", 12), (15, 22, "Credit Note No.: CN-2026-12", 9),
        *_row(40, XS, ["Description", "Qty", "Unit", "Unit Price", "Amount"]),
        *_row(48, XS, ["Returned mugs", "-3", "PCS", "10.00", "-30.00"]),
        *_row(54, XS, ["Discount reversed", "", "", "", "3.00"]),
        (110, 64, "Subtotal", 9), (170, 64, "-27.00", 9), (110, 70, "VAT 20%", 9),
        (170, 70, "-5.40", 9), (110, 76, "Total", 9), (170, 76, "-32.40", 9),
    ])  # fmt: skip
    assert got.grand_total == "32.40"
    assert [(line.quantity, line.amount) for line in got.line_items] == [
        ("3", "30.00"), (None, "-3.00")
    ]  # fmt: skip


def _total_row(tmp_path: Path, label: str, cells: list[str]) -> Extraction:
    xs = [15, 80, 105, 130, 175]
    return read_page(tmp_path, [
        (15, 15, "Invoice No.: INV-2026-509", 9),
        *_row(40, xs, ["Description", "Qty", "Unit Price", "Amount", "VAT"]),
        *_row(48, xs, ["Widget", "10", "10.00", "100.00", "20.00"]),
        *_row(54, xs, ["Gadget", "5", "20.00", "100.00", "20.00"]),
        *_row(62, xs, [label, "", "", *cells]),
    ])  # fmt: skip


def test_a_total_row_with_tax_under_amount_gives_no_net_total(tmp_path: Path) -> None:
    # Under 'Amount' and 'VAT' the row's figures are the lines' net total and their tax only
    # when the first is the lines' sum: 'Total incl. VAT 240.00 40.00' prints the invoice
    # total under 'Amount'.
    got = _total_row(tmp_path, "Total incl. VAT", ["240.00", "40.00"])
    assert got.tax_exclusive_total in (None, "200.00")
    assert got.grand_total in (None, "240.00")


def test_a_figure_above_the_net_one_is_no_tax(tmp_path: Path) -> None:
    # a total row's figure in the tax column above its net figure is no tax (the invoice
    # total printed at the row's end)
    got = _total_row(tmp_path, "Total", ["200.00", "240.00"])
    assert got.tax_total in (None, "40.00")


@pytest.mark.parametrize(
    ("other", "issue"),
    [
        ("Data de entrega: 20/12/2026", "Data de emissão: 02/12/2026"),
        ("Date of shipment: 20/12/2026", "Invoice Date: 02/12/2026"),
        ("Ημερομηνία αποστολής: 20/12/2026", "Ημερομηνία έκδοσης: 02/12/2026"),
        ("Datum dodání: 20.12.2026", "Datum vystavení: 02.12.2026"),
    ],
)
def test_a_date_label_naming_another_date_gives_no_issue_date(
    tmp_path: Path, other: str, issue: str
) -> None:
    # A bare date label ('Data', 'Date', 'Ημερομηνία', 'Datum') with words of its own before
    # its colon names another date (delivery, shipment, dispatch), not the issue date.
    got = read_page(tmp_path, [
        (15, 15, "Invoice No.: INV-2026-511", 9), (15, 22, other, 9), (120, 22, issue, 9),
        *_row(40, XS, ["Description", "Qty", "Unit", "Unit Price", "Amount"]),
        *_row(48, XS, ["Widget", "10", "PCS", "10.00", "100.00"]),
    ])  # fmt: skip
    assert got.issue_date == "2026-12-02"


def test_net_totals_per_rate_are_summed(tmp_path: Path) -> None:
    # Spain's 'Base imponible 4%' and 'Base imponible 21%': the net total is their sum, as the
    # tax total is the sum of 'IVA 4%' and 'IVA 21%'
    got = read_page(tmp_path, [
        (15, 15, "Factura nº: F-2026/0401", 9), (15, 20, "Fecha: 02/12/2026", 9),
        *_row(40, XS, ["Descripción", "Cantidad", "Ud", "Precio", "Importe"]),
        *_row(48, XS, ["Libros", "10", "uds", "10,00", "100,00"]),
        *_row(54, XS, ["Papel", "10", "uds", "20,00", "200,00"]),
        (110, 64, "Base imponible 4%", 9), (170, 64, "100,00", 9), (110, 70, "IVA 4%", 9),
        (170, 70, "4,00", 9), (110, 76, "Base imponible 21%", 9), (170, 76, "200,00", 9),
        (110, 82, "IVA 21%", 9), (170, 82, "42,00", 9), (110, 88, "Total factura", 9),
        (170, 88, "346,00", 9),
    ])  # fmt: skip
    assert (got.tax_exclusive_total, got.tax_total, got.grand_total) == (
        "300.00", "46.00", "346.00"
    )  # fmt: skip
