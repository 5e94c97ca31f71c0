"""Probes of the invoice reader's line table: a taxable value beside the gross line total,
container lengths in feet beside amounts, Nordic table headers and Rec 20 unit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.documents.layouts import read_page


def _row(y: float, xs: list[float], cells: list[str]) -> list[tuple[float, float, str, float]]:
    return [(x, y, cell, 8) for x, cell in zip(xs, cells, strict=True) if cell]


GST_XS = [10, 52, 70, 84, 102, 132, 155, 180]


@pytest.mark.parametrize(
    "taxable", ["Taxable Value", "Taxable Amt", "Assessable Value", "Net Amount", "Net Value"]
)
def test_the_taxable_value_is_the_line_amount_not_the_gross(tmp_path: Path, taxable: str) -> None:
    # India's GST table: the line's taxable value, its CGST and SGST, then its total with tax
    got = read_page(tmp_path, [
        (12, 15, "TAX INVOICE", 12), (12, 22, "Invoice No.: GST/26-27/118", 9),
        *_row(40, GST_XS, ["Description", "HSN", "Qty", "Rate", taxable, "CGST Amt",
                           "SGST Amt", "Total"]),
        *_row(48, GST_XS, ["Steel brackets", "7326", "100", "200.00", "20000.00", "1800.00",
                           "1800.00", "23600.00"]),
        *_row(54, GST_XS, ["Steel hinges", "8302", "50", "100.00", "5000.00", "450.00",
                           "450.00", "5900.00"]),
    ])  # fmt: skip
    assert [(line.quantity, line.unit_price, line.amount) for line in got.line_items] == [
        ("100", "200", "20000.00"), ("50", "100", "5000.00")
    ]  # fmt: skip


XS = [15, 95, 115, 140, 170]


@pytest.mark.parametrize("feet", ["1 x 40 Ft container", "20FT container", "1 x 40 FT HC"])
def test_container_feet_are_no_forint(tmp_path: Path, feet: str) -> None:
    got = read_page(tmp_path, [
        (15, 15, "INVOICE", 12), (15, 22, "Invoice No.: 2026-118", 9),
        *_row(40, XS, ["Description", "Qty", "Unit", "Unit Price", "Amount"]),
        *_row(48, XS, [f"Ocean freight {feet}", "1", "", "1,850.00", "1,850.00"]),
        (110, 64, "Total", 9), (170, 64, "1,850.00", 9),
    ])  # fmt: skip
    assert got.currency != "HUF"
    assert [line.amount for line in got.line_items] == ["1850.00"]


@pytest.mark.parametrize("feet", ["40 Ft", "20 FT", "40FT"])
def test_feet_in_a_size_column_are_no_forint(tmp_path: Path, feet: str) -> None:
    xs = [15, 80, 100, 120, 145, 172]
    got = read_page(tmp_path, [
        (15, 15, "INVOICE", 12), (15, 22, "Invoice No.: 2026-118", 9),
        *_row(40, xs, ["Description", "Size", "Qty", "Unit", "Unit Price", "Amount"]),
        *_row(48, xs, ["Container rental", feet, "2", "", "900.00", "1,800.00"]),
        (120, 64, "Total", 9), (165, 64, "USD 1,800.00", 9),
    ])  # fmt: skip
    assert got.currency == "USD"
    assert [line.amount for line in got.line_items] == ["1800.00"]


def test_a_forint_amount_is_still_huf(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        (15, 15, "SZÁMLA", 12), (15, 22, "Számlaszám: 2026-118", 9),
        *_row(40, XS, ["Megnevezés", "Mennyiség", "Egység", "Egységár", "Érték"]),
        *_row(48, XS, ["Tanácsadás", "2", "óra", "20 000", "40 000 Ft"]),
        (110, 64, "Összesen", 9), (170, 64, "40 000 Ft", 9),
    ])  # fmt: skip
    assert got.currency == "HUF"


@pytest.mark.parametrize(
    "head",
    [
        ["Beskrivelse", "Antal", "Enhed", "Pris", "Beløb"],  # Danish
        ["Beskrivelse", "Antall", "Enhet", "Pris", "Beløp"],  # Norwegian
        ["Benämning", "Antal", "Enhet", "À-pris", "Belopp"],  # Swedish
        ["Beskrivelse", "Antal", "Enhed", "Enhedspris", "Beløb"],
        ["Beskrivelse", "Antall", "Enhet", "Enhetspris", "Beløp"],
        ["Benämning", "Antal", "Enhet", "Styckpris", "Belopp"],
    ],
)
def test_nordic_table_headers(tmp_path: Path, head: list[str]) -> None:
    got = read_page(tmp_path, [
        (15, 15, "Faktura", 12), (15, 22, "Fakturanr.: 2026-118", 9),
        *_row(40, XS, head),
        *_row(48, XS, ["Rådgivning", "3", "timer", "1.000,00", "3.000,00"]),
        *_row(54, XS, ["Kaffe", "2", "stk", "50,00", "100,00"]),
    ])  # fmt: skip
    assert [(line.description, line.quantity, line.unit_price, line.amount)
            for line in got.line_items] == [
        ("Rådgivning", "3", "1000", "3000.00"), ("Kaffe", "2", "50", "100.00")
    ]  # fmt: skip


UNITS = "NAR H87 C62 XBX XPK KGM MTK MTQ LTR TNE DZN SET PR HUR DAY MON LS KWH XPX E48".split()


@pytest.mark.parametrize(
    ("printed", "code"),
    [*((code, code) for code in UNITS), ("NPR", "PR"), ("pallet", "XPX"), ("PAL", "XPX"),
     ("ROL", None), ("BOT", None), ("MTS", None), ("Mts", None), ("RM", None)],
)  # fmt: skip
def test_rec_20_codes_are_taken_as_printed(tmp_path: Path, printed: str, code: str) -> None:
    # EN 16931's whole Rec 20/21 list; 'NPR' (number of pairs) left Rec 20 for 'PR'; 'PAL' on
    # an invoice is a pallet, not Rec 20's pascal; a language's abbreviation gives no code; an
    # abbreviation that is also another unit's Rec 20 code gives none ('MTS' metres or metric
    # tons, Rec 20's metre per second; 'RM' running metre or ringgit, Rec 20's ream)
    got = read_page(tmp_path, [
        (15, 15, "INVOICE", 12), (15, 22, "Invoice No.: 2026-118", 9),
        *_row(40, XS, ["Description", "Qty", "Unit", "Unit Price", "Amount"]),
        *_row(48, XS, ["Goods", "4", printed, "10.00", "40.00"]),
    ])  # fmt: skip
    assert [(line.unit_code, line.amount) for line in got.line_items] == [(code, "40.00")]
