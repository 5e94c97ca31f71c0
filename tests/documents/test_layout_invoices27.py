"""Session 31 (invoices27): the general rules batch 35's first reading (tests/documents/
layouts_batch35.py, out of sample) and last session's known gaps called for. Each test failed
on main before its rule; those marked guard did not (they keep a rule from reaching too far).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents import extract
from clearlane.documents.layout import (
    CURRENCY_SIGNS,
    _detail_caption,
    country_code,
    currency_sign,
    label_matches,
    parse_number,
    unit_code,
    vat_id,
)
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_unseen2 import Sheet2


@pytest.mark.parametrize(
    ("text", "sign", "code"),
    [
        ("N$1,154,400.00", "N$", "NAD"),  # the Namibia dollar
        ("B/. 30,600.00", "B/.", "PAB"),  # Panama's balboa
        ("Afl. 14.700,00", "Afl.", "AWG"),  # Aruba's florin
        ("Afl 245,00", "Afl", "AWG"),
        ("NLe 2,850,000.00", "NLe", "SLE"),  # Sierra Leone's new leone
        ("Nfa 340,000.00", "Nfa", "ERN"),  # Eritrea's nakfa
    ],
)
def test_currency_signs(text: str, sign: str, code: str) -> None:
    assert currency_sign(text) == sign
    assert CURRENCY_SIGNS[sign] == code
    assert parse_number(text, None) is not None


@pytest.mark.parametrize("text", ["AFL-CIO 12", "Nfamily 3"])
def test_letter_signs_only_before_a_figure(text: str) -> None:  # guard
    assert currency_sign(text) not in {"Afl", "Nfa"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Crib-nummer: 1234567", "vat"),  # Aruba, Curaçao, Sint Maarten
        ("Momsnummer: FI23456789", "vat"),  # Swedish (Åland, Sweden)
        ("Licensed Dealer No. 562458712", "vat"),  # Israel, Palestine
        ("ITBMS 7%", "tax_total"),  # Panama
        ("Factuur aan:", "buyer"),  # Dutch
    ],
)
def test_labels(text: str, key: str) -> None:
    assert key in label_matches(text)


def test_vat_ids_after_the_new_labels() -> None:
    for text, want in [("Crib-nummer: 1234567", "1234567"),
                       ("Licensed Dealer No. 562458712", "562458712"),
                       ("Momsnummer: FI23456789", "FI23456789")]:  # fmt: skip
        assert vat_id(label_matches(text)["vat"].rest) == want


@pytest.mark.parametrize(
    ("text", "unit"),
    [("btl", "XBO"), ("btls", "XBO"), ("can", "XCA"), ("blik", "XCA"), ("latas", "XCA")],
)
def test_units(text: str, unit: str) -> None:
    assert unit_code(text) == unit


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Unit 7, Europort, Gibraltar GX11 1AA", "GI"),  # a postcode of capitals and digits
        ("St Helier, Jersey JE2 3QA", "JE"),
        ("Douglas, Isle of Man IM1 1AA", "IM"),
    ],
)
def test_a_country_before_an_alphanumeric_postcode(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("Singapore 068898", "SG"), ("London SW1A 1AA, United Kingdom", "GB"),
     ("Hamngatan 14, AX-22100 Mariehamn, Åland", "AX")],
)  # fmt: skip
def test_postcodes_as_before(text: str, code: str) -> None:  # guard
    assert country_code(text) == code


def _registers_row(registers: str) -> bytes:
    """A Cameroonian facture whose seller prints its registers on one row, the tax id last."""
    s = Sheet2()
    s.text(15, 10, "Brasseries du Littoral SA", size=12, bold=True)
    _block(s, 15, 16, ["Rue Joffre, BP 4036, Douala", "Cameroun", registers], size=7.5)
    s.text(155, 10, "FACTURE", size=14, bold=True)
    s.pairs(118, 38, [("Facture N° :", "BL-26-0457"), ("Date :", "03/12/2026")], gap=22)
    s.text(15, 34, "Client :", size=9, bold=True)
    _block(s, 15, 39, ["Tchad Boissons SARL", "Avenue Charles de Gaulle, N'Djamena", "Tchad"],
           size=8)  # fmt: skip
    y = _table(s, 58, [("Désignation", 15, 82, "L"), ("Qté", 115, 12, "R"),
                       ("P.U.", 129, 28, "R"), ("Montant", 159, 36, "R")],
               [["Bière blonde, casier 12 x 65 cl", "400", "7 200", "2 880 000"]])  # fmt: skip
    _totals(s, 100, 155, y + 3, [("Total HT", "2 880 000 FCFA")], width=40)
    return s.output()


def test_a_tax_id_third_on_a_row_of_registers(tmp_path: Path) -> None:
    # main looked one run along the row only: the id after RC and CNPS went unread
    path = tmp_path / "invoice.pdf"
    path.write_bytes(
        _registers_row("RC : RC/DLA/2009/B/1457   CNPS : 10005-00001   NIF : M040912345678K")
    )
    assert extract(path).seller_vat_id == "M040912345678K"


def test_an_id_far_along_the_row_is_not_the_partys(tmp_path: Path) -> None:  # guard
    # a tax id a wide gap away (another column's) is not read along the row
    path = tmp_path / "invoice.pdf"
    path.write_bytes(_registers_row("RC : RC/DLA/2009/B/1457" + " " * 80 + "NIF : M040912345678K"))
    assert extract(path).seller_vat_id is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Issued Date: 02/12/2026", "issue_date"),  # Uganda's EFRIS
        ("TIN:", "vat"),  # alone on its run, the number beside it
        ("Section A: Seller's Details", "seller"),
    ],
)
def test_labels_of_last_sessions_gaps(text: str, key: str) -> None:
    assert key in label_matches(text)


@pytest.mark.parametrize("text", ["Tin plate 0.2 mm", "TIN 12 pcs", "Tin:plate"])
def test_a_bare_tin_needs_its_colon_and_nothing_after(text: str) -> None:  # guard
    assert "vat" not in label_matches(text) or label_matches(text)["vat"].rest


def _form_rows() -> bytes:
    """A Rwandan EBM-style invoice: sections of captioned rows, the name's not first."""
    s = Sheet2()
    s.text(70, 10, "TAX INVOICE", size=13, bold=True)
    s.text(15, 24, "Section A: Seller's Details", size=9, bold=True)
    s.pairs(15, 30, [("TIN:", "102345678"), ("Legal Name:", "Kigali Coffee Roasters Ltd"),
                     ("Address:", "KG 7 Ave, Kacyiru, Kigali, Rwanda")], gap=24,
            step=4.6)  # fmt: skip
    s.pairs(110, 30, [("Receipt Type:", "Normal Sale"), ("Issued Date:", "03/11/2026")],
            gap=30, step=4.6)  # fmt: skip
    s.text(15, 50, "Section B: Buyer's Details", size=9, bold=True)
    s.pairs(15, 56, [("Name:", "Bujumbura Café Import SPRL"), ("TIN:", "4000123456"),
                     ("Address:", "Avenue de l'Industrie 12, Bujumbura, Burundi")], gap=24,
            step=4.6)  # fmt: skip
    y = _table(s, 76, [("Item", 15, 80, "L"), ("Qty", 97, 18, "R"),
                       ("Unit Price", 117, 30, "R"), ("Total", 150, 40, "R")],
               [["Roasted coffee, 1 kg bag", "500", "12,500.00", "6,250,000.00"]])  # fmt: skip
    _totals(s, 100, 150, y + 3, [("Total Amount (RWF)", "6,250,000.00")], width=40)
    return s.output()


def test_a_partys_form_rows_under_its_section_caption(tmp_path: Path) -> None:
    # main read neither party's id nor country from the rows, and with 'Issued Date' a label
    # lost the seller's name (read as a letterhead, above every label)
    path = tmp_path / "invoice.pdf"
    path.write_bytes(_form_rows())
    read = extract(path)
    assert (read.seller_name, read.seller_vat_id, read.seller_country) == (
        "Kigali Coffee Roasters Ltd", "102345678", "RW")  # fmt: skip
    assert (read.buyer_name, read.buyer_country) == ("Bujumbura Café Import SPRL", "BI")
    assert read.issue_date == "2026-11-03"


@pytest.mark.parametrize("text", ["Domicilio:", "Domicilio fiscal:", "Domicílio:", "Domicile :"])
def test_domicile_is_an_address_caption(text: str) -> None:
    # Uruguay's e-Factura: 'Domicilio:' beside the buyer's address, its country unread
    assert _detail_caption(text) == "detail"


@pytest.mark.parametrize("text", ["LDPE 200", "LDPE", "HDPE drums", "PVCU pipe 110 mm"])
def test_a_word_of_capitals_is_no_currency_code(text: str) -> None:
    # 'LDPE' read as the code 'LDP' before the figure, or 'DPE' at the end
    assert currency_sign(text) is None


@pytest.mark.parametrize(
    ("text", "sign"),
    [("LD 94,200.000", "LD"), ("USD 1,200.00", "USD"), ("1.200,00EUR", "EUR"),
     ("EUR1.234,00", "EUR"), ("USD", "USD")],
)  # fmt: skip
def test_codes_as_before(text: str, sign: str) -> None:  # guard
    assert currency_sign(text) == sign


def test_an_eu_prefix_and_five_digits_is_no_vat_id() -> None:
    # 'DE 12345 Tel.': Germany's VAT ids have nine digits; five are a postcode's
    assert vat_id("DE 12345   Tel. 0549 903412") is None


def test_san_marino_short_id_as_before() -> None:  # guard
    assert vat_id("SM 21458   Tel. 0549 903412") == "SM21458"
