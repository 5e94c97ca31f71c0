"""Session 24's rules from batch 21 (tests/documents/layouts_batch21.py) and batch 20's known
misses, each on a small page of its own or on the function that reads it. Figures in
docs/documents.md ("session 24, 6 December: batch 21")."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents.layout import label_matches, parse_date, parse_number, vat_id
from tests.documents.layouts import read_page

_TABLE = [(15, 70, "Description", 9), (120, 70, "Qty", 9), (140, 70, "Price", 9),
          (170, 70, "Amount", 9)]  # fmt: skip


def _row(y: float, text: str, qty: str, price: str, amount: str) -> list[tuple]:
    return [(15, y, text, 9), (120, y, qty, 9), (140, y, price, 9), (170, y, amount, 9)]


@pytest.mark.parametrize(
    ("text", "value"),
    [("102 342,00 kr", "102342.00"), ("kr 1 234,50", "1234.50"), ("1.234,50 kr.", "1234.50")],
)
def test_an_amount_with_kr_is_read(text: str, value: str) -> None:
    # session 23 read no figure with 'kr' beside it: a Norwegian page's totals were all null
    number = parse_number(text, ",")
    assert number is not None and f"{number:.2f}" == value


def test_kr_totals_are_read_and_kr_names_the_sellers_krone(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        (130, 10, "FAKTURA", 14), (130, 20, "Fakturanr. 4471", 9),
        (130, 25, "Fakturadato 02.11.2026", 9), (15, 10, "Fjordfisk Eksport AS", 12),
        (15, 17, "Havnegata 14, 6002 Ålesund, Norge", 8),
        *_TABLE, *_row(78, "Laks, sløyd", "100", "92,50", "9 250,00"),
        (100, 95, "Sum eks. mva", 9), (160, 95, "9 250,00 kr", 9),
        (100, 100, "Mva 25 %", 9), (160, 100, "2 312,50 kr", 9),
        (100, 105, "Å betale", 9), (160, 105, "11 562,50 kr", 9),
    ])  # fmt: skip
    assert (got.tax_exclusive_total, got.tax_total, got.due_payable) == (
        "9250.00",
        "2312.50",
        "11562.50",
    )
    assert got.currency == "NOK"  # 'kr' of a Norwegian seller; a Swede's would be SEK


def test_kr_without_the_sellers_country_names_no_currency(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        (130, 10, "FAKTURA", 14), (130, 20, "Fakturanr. 4471", 9),
        (15, 20, "Fjordfisk AS", 10),
        *_TABLE, *_row(78, "Laks, sløyd", "100", "92,50", "9 250,00"),
        (100, 105, "Å betale", 9), (160, 105, "9 250,00 kr", 9),
    ])  # fmt: skip
    assert got.due_payable == "9250.00"
    assert got.currency is None  # NOK, SEK, DKK or ISK: not guessed


def test_supply_value_and_vat_under_the_lines_are_the_tax_summary(tmp_path: Path) -> None:
    # a Korean tax invoice's 'Supply value' and 'VAT' rows under the line table were read as
    # two more line items (batch 20's kr-english: a wrong table)
    got = read_page(tmp_path, [
        (80, 10, "TAX INVOICE", 14), (130, 20, "Invoice No. HB-1", 9),
        (130, 25, "Date 2026-11-09", 9), (15, 20, "Hanbit Co., Ltd.", 10),
        *_TABLE, *_row(78, "OLED module", "500", "38,500", "19,250,000"),
        *_row(84, "FPC assembly", "1200", "4,150", "4,980,000"),
        (15, 95, "Supply value", 9), (170, 95, "24,230,000", 9),
        (15, 100, "VAT", 9), (170, 100, "2,423,000", 9),
        (15, 105, "Total amount", 9), (170, 105, "26,653,000", 9),
    ])  # fmt: skip
    assert [line.description for line in got.line_items] == ["OLED module", "FPC assembly"]
    assert (got.tax_exclusive_total, got.tax_total, got.grand_total) == (
        "24230000.00",
        "2423000.00",
        "26653000.00",
    )


def test_a_lithuanian_invoice_is_read(tmp_path: Path) -> None:
    # session 23 read nothing of a Lithuanian page, not even its letterhead
    got = read_page(tmp_path, [
        (15, 10, "PVM SĄSKAITA FAKTŪRA", 14), (15, 18, "Sąskaitos Nr. LTK-004512", 10),
        (15, 24, "Sąskaitos data: 2026 m. lapkričio 20 d.", 9),
        (15, 32, "Pardavėjas", 9), (15, 37, "UAB Baltijos baldai", 8),
        (15, 41, "Savanorių pr. 178, LT-03154 Vilnius, Lietuva", 8),
        (15, 45, "PVM mokėtojo kodas LT100012345617", 8),
        (110, 32, "Pirkėjas", 9), (110, 37, "Möbelhaus Nord GmbH", 8),
        (110, 41, "Hafenstraße 8, 24103 Kiel, Vokietija", 8),
        *_TABLE, *_row(78, "Ąžuolinė kėdė", "4", "64,50", "258,00"),
        (100, 95, "Suma be PVM:", 9), (160, 95, "258,00 €", 9),
        (100, 100, "PVM 21 %:", 9), (160, 100, "54,18 €", 9),
        (100, 105, "Iš viso mokėti:", 9), (160, 105, "312,18 €", 9),
    ])  # fmt: skip
    assert (got.invoice_number, got.type_code, got.issue_date) == (
        "LTK-004512",
        "380",
        "2026-11-20",
    )
    assert (got.seller_name, got.seller_vat_id, got.seller_country) == (
        "UAB Baltijos baldai",
        "LT100012345617",
        "LT",
    )
    assert (got.buyer_name, got.buyer_country) == ("Möbelhaus Nord GmbH", "DE")
    assert (got.tax_exclusive_total, got.tax_total, got.due_payable) == (
        "258.00",
        "54.18",
        "312.18",
    )


@pytest.mark.parametrize(
    ("text", "iso"),
    [("2026 m. kovo 9 d.", "2026-03-09"), ("2026 m. lapkričio 20 d.", "2026-11-20"),
     ("21 Agustus 2026", "2026-08-21"), ("5 Desember 2026", "2026-12-05")],
)  # fmt: skip
def test_lithuanian_and_indonesian_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "key", "rest"),
    [
        ("Ukupno za platiti: 4.560,00 €", "due_payable", "4.560,00 €"),
        ("Усього до сплати: 344 100,00 грн", "due_payable", "344 100,00 грн"),
        ("Sorszám: DB-2026/0193", "invoice_number", "DB-2026/0193"),
        ("OIB: 12345678903", "vat", "12345678903"),
        ("Ukupno bez PDV-a: 4.560,00 €", "tax_exclusive_total", "4.560,00 €"),
        ("IČ DPH: SK2020123456", "vat", "SK2020123456"),
        ("Celková suma na úhradu: 3 832,68 €", "due_payable", "3 832,68 €"),
        ("Kopā apmaksai: 3 246,00 EUR", "due_payable", "3 246,00 EUR"),
        ("Tasuda kokku 6 705,92 €", "due_payable", "6 705,92 €"),
        ("Za plačilo: 5.572,50 EUR", "due_payable", "5.572,50 EUR"),
        ("Supply value 24,270,000", "tax_exclusive_total", "24,270,000"),
        ("Total sales 626,500.00", "tax_exclusive_total", "626,500.00"),
    ],
)
def test_labels_of_batch_20_and_21(text: str, key: str, rest: str) -> None:
    found = label_matches(text)
    assert key in found and found[key].rest == rest


def test_total_sales_vat_inclusive_is_no_net_total() -> None:
    # the Philippines' 'Total Sales (VAT Inclusive)' is the gross, not Egypt's 'Total sales'
    assert "tax_exclusive_total" not in label_matches("Total Sales (VAT Inclusive) 319,200.00")


def test_a_norwegian_organisation_number_with_mva_is_the_vat_id() -> None:
    # 'Org.nr 912 345 678 MVA' (no 'NO' printed): the VAT id is NO912345678MVA, as
    # 'Org.nr. NO 987 654 321 MVA' has always been read; without its 'NO', a wrong id
    assert vat_id("912 345 678 MVA") == "NO912345678MVA"
    assert vat_id("NO 987 654 321 MVA") == "NO987654321MVA"


def test_a_number_caption_under_a_party_label_is_no_name(tmp_path: Path) -> None:
    # 'Supplier' over 'Reg. No.  124-81-56789' and 'Company  Daehan …' (a Korean tax invoice):
    # the caption 'Reg. No.' was read as the supplier's name (a wrong value); now no name
    got = read_page(tmp_path, [
        (60, 10, "ELECTRONIC TAX INVOICE", 13), (15, 20, "Invoice No. DF-7", 9),
        (15, 32, "Supplier", 9), (15, 37, "Reg. No.", 9), (40, 37, "124-81-56789", 9),
        (15, 42, "Company", 9), (40, 42, "Daehan Fastener Co., Ltd.", 9),
        (110, 32, "Recipient", 9), (110, 37, "Reg. No.", 9), (135, 37, "220-88-43210", 9),
        (110, 42, "Company", 9), (135, 42, "Seoul Machine Parts Inc.", 9),
    ])  # fmt: skip
    assert got.seller_name != "Reg. No." and got.buyer_name != "Reg. No."


def test_a_cfdi_series_and_folio_apart_are_one_number(tmp_path: Path) -> None:
    # 'Serie: A' over 'Folio: 1187': the number was read as '1187' (the series lost: another
    # invoice of series B has the same folio)
    got = read_page(tmp_path, [
        (15, 10, "Destiladora Los Altos, S.A. de C.V.", 12), (150, 10, "FACTURA", 13),
        (125, 18, "Serie:", 9), (160, 18, "A", 9), (125, 23, "Folio:", 9),
        (160, 23, "1187", 9), (15, 40, "Folio fiscal (UUID): 5FB2822E-396D-4725", 8),
    ])  # fmt: skip
    assert got.invoice_number == "A 1187"


def test_a_folio_without_a_series_stays_itself(tmp_path: Path) -> None:
    got = read_page(tmp_path, [
        (15, 10, "Destiladora Los Altos, S.A. de C.V.", 12), (150, 10, "FACTURA", 13),
        (125, 23, "Folio:", 9), (160, 23, "1187", 9),
    ])  # fmt: skip
    assert got.invoice_number == "1187"


def test_the_eu_vat_id_on_a_line_past_the_block_is_preferred(tmp_path: Path) -> None:
    # a Slovak block: name, street, country, IČO, DIČ, then IČ DPH on the sixth line: the
    # domestic DIČ was read (the block stopped before IČ DPH), a wrong VAT id
    got = read_page(tmp_path, [
        (15, 10, "FAKTÚRA – DAŇOVÝ DOKLAD", 14), (15, 20, "Číslo faktúry: FV2026/0311", 9),
        (15, 38, "Dodávateľ", 9), (15, 43, "Strojservis Žilina s.r.o.", 8),
        (15, 47, "Priemyselná 6, 010 01 Žilina", 8), (15, 51, "Slovenská republika", 8),
        (15, 55, "IČO: 36412345", 8), (15, 59, "DIČ: 2020123456", 8),
        (15, 63, "IČ DPH: SK2020123456", 8),
    ])  # fmt: skip
    assert (got.seller_name, got.seller_vat_id, got.seller_country, got.type_code) == (
        "Strojservis Žilina s.r.o.",
        "SK2020123456",
        "SK",
        "380",
    )
