"""Session 27 (invoices23): general rules behind batch 27's misses and wrong values, and the
items session 26 left (docs/documents.md, "session 27, 2026-12-06: batch 27")."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from clearlane.documents.extraction import extract
from clearlane.documents.layout import (
    _date_in,
    label_matches,
    minor_units,
    money,
    parse_number,
    unit_code,
    vat_id,
)
from clearlane.documents.models import Extraction, LineItem
from tests.documents.layouts import Sheet


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("14 800 000 FCFA", "14800000"),  # the CFA francs
        ("25 547 000 F CFA", "25547000"),
        ("L 34,199.40", "34199.40"),  # the lempira
        ("73 224 000 Ar", "73224000"),  # the ariary
        ("3.845.400,00 MT", "3845400.00"),  # the metical
        ("1 234,00 манат", "1234.00"),  # the manat in Russian
        ("Bs 1,250.00", "1250.00"),  # the boliviano
        ("Gs. 90.000.000", "90000000"),  # the guaraní
    ],
)
def test_an_amount_with_its_currency_sign_is_read(text: str, value: str) -> None:
    assert parse_number(text, None) == Decimal(value)


@pytest.mark.parametrize("text", ["MT12345678", "L5", "Lot 12"])
def test_a_sign_read_only_where_it_may_stand(text: str) -> None:
    # Malta's VAT id is no metical amount; 'L' leads a figure only with a space between
    assert parse_number(text, None) is None


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("RTN: 05019012345678", "05019012345678"),  # Honduras
        ("VATIN: OM1100045678", "OM1100045678"),  # Oman
        ("VAT TIN: K001-901234567", "K001901234567"),  # Cambodia
        ("NINEA : 005432109 2G3", "0054321092G3"),  # Senegal
        ("N° CC : 1234567 A", "1234567A"),  # Côte d'Ivoire
        ("NUIT: 400123456", "400123456"),  # Mozambique
        ("ALV-rek. FI28765431", "FI28765431"),  # Finland (session 26's)
        ("Matricule fiscal : 1234567/A/M/000", "1234567AM000"),  # Tunisia (session 26's)
    ],
)
def test_a_national_tax_id_label(label: str, value: str) -> None:
    found = label_matches(label).get("vat")
    assert found is not None and vat_id(found.rest) == value


def test_a_tax_id_label_alone_takes_the_id_beside_it() -> None:
    assert "vat" in label_matches("NIT:")  # Bolivia's, its id in the next run
    assert "vat" in label_matches("RUC:")
    assert "vat" not in label_matches("CC 2026")  # 'N° CC' only, not any 'CC'


@pytest.mark.parametrize(
    ("printed", "code"),
    [("pièce", "H87"), ("caja", "XBX"), ("caixa", "XBX"), ("bolsa", "XBG"),
     ("kilogramo", "KGM"), ("bouteille", "XBO"), ("botella", "XBO")],
)  # fmt: skip
def test_unit_words(printed: str, code: str) -> None:
    assert unit_code(printed) == code


def test_place_and_date_is_an_issue_date_label() -> None:
    assert "issue_date" in label_matches("Lugar y fecha: La Paz, 18 de noviembre de 2026")


def test_an_issue_date_has_a_plausible_year() -> None:
    assert _date_in("SET 12 1500", True) is None  # a set's code, no date of 1500
    assert _date_in("Ref. SET 12 1500, 3 Dec 2026", True) == "2026-12-03"
    assert _date_in("12 Nov 1999", True) == "1999-11-12"


def test_three_decimal_currencies_keep_their_thousandths() -> None:
    assert money("8,048.250") == "8048.250"
    assert money("8,048.25") == "8048.25"
    dinars = Extraction(currency="OMR", grand_total="8048.25", tax_total="383.250",
                        line_items=[LineItem(amount="4620.00")])  # fmt: skip
    minor_units(dinars)
    assert (dinars.grand_total, dinars.tax_total) == ("8048.250", "383.250")
    assert dinars.line_items[0].amount == "4620.000"
    euros = Extraction(currency="EUR", grand_total="1.155", tax_total="12.5")
    minor_units(euros)
    assert (euros.grand_total, euros.tax_total) == ("1.16", "12.5")  # rounded as before


@pytest.mark.parametrize(
    ("place", "printed", "iso"),
    [("Tunis, le", "1er déc. 2026", "2026-12-01"), ("Vaduz,", "7. Dez. 2026", "2026-12-07"),
     ("Smith,", "Ref. 12", None)],
)  # fmt: skip
def test_a_letters_place_as_the_label_of_the_date_beside_it(
    tmp_path: Path, place: str, printed: str, iso: str | None
) -> None:
    s = Sheet()
    s.text(15, 15, "Rheintal Handel AG", size=14, bold=True)
    s.pairs(120, 30, [("Rechnung Nr.", "RH-1187"), (place, printed)], gap=25)
    path = tmp_path / "letter.pdf"
    path.write_bytes(s.output())
    assert extract(path).issue_date == iso
