"""Session 32 (invoices28): the general rules batch 37's first reading (tests/documents/
layouts_batch37.py, out of sample) called for. Each test failed on main before its rule; those
marked guard did not (they keep a rule from reaching too far).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.core.codelists.country_names import ADDRESS_LINE
from clearlane.core.codelists.country_names import country_code as resolve_country
from clearlane.documents import extract
from clearlane.documents.layout import (
    country_code,
    currency_sign,
    label_matches,
    unit_code,
    vat_id,
)
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_unseen2 import Sheet2


def _pounds(address: str, country_line: str) -> bytes:
    """An invoice in '£' from a seller at ``address``, ``country_line`` under it."""
    s = Sheet2()
    s.text(15, 10, "Harbour Traders Ltd", size=12, bold=True)
    _block(s, 15, 16, [address, country_line], size=7.5)
    s.text(155, 10, "INVOICE", size=14, bold=True)
    s.pairs(122, 20, [("Invoice No:", "HT-0457"), ("Date:", "4 December 2026")], gap=24)
    s.text(15, 34, "Sold To:", size=9, bold=True)
    _block(s, 15, 39, ["Pesquera del Plata S.A.", "Rambla 25 de Agosto 188, Montevideo",
                       "Uruguay"], size=8)  # fmt: skip
    y = _table(s, 58, [("Description", 15, 82, "L"), ("Qty", 115, 12, "R"),
                       ("Unit Price", 129, 28, "R"), ("Amount", 159, 36, "R")],
               [["Frozen squid", "1000", "£3.85", "£3,850.00"]])  # fmt: skip
    _totals(s, 100, 155, y + 3, [("Total Due", "£3,850.00")], width=40)
    return s.output()


@pytest.mark.parametrize(
    ("address", "country", "code"),
    [("Ross Road East, Stanley FIQQ 1ZZ", "Falkland Islands", "FKP"),
     ("Unit 7, Europort", "Gibraltar GX11 1AA", "GIP"),
     ("Main Street, Jamestown STHL 1ZZ", "Saint Helena", "SHP")],
)  # fmt: skip
def test_the_pound_of_a_territory_with_its_own(
    tmp_path: Path, address: str, country: str, code: str
) -> None:
    # main read '£' as sterling (GBP) wherever the seller was
    path = tmp_path / "invoice.pdf"
    path.write_bytes(_pounds(address, country))
    assert extract(path).currency == code


@pytest.mark.parametrize(
    "country", ["Isle of Man IM8 1BG", "Jersey JE2 4QA", "Guernsey GY1 2HZ", "United Kingdom"]
)
def test_sterlings_pound_as_before(tmp_path: Path, country: str) -> None:  # guard
    path = tmp_path / "invoice.pdf"
    path.write_bytes(_pounds("The Quay, 12 Harbour Road", country))
    assert extract(path).currency == "GBP"


def test_yemens_rial_before_a_figure() -> None:
    assert currency_sign("YR 35,000,000") == "YR"


@pytest.mark.parametrize("text", ["YRS 12", "Yr 2026"])
def test_yr_only_in_capitals_before_a_figure(text: str) -> None:  # guard
    assert currency_sign(text) != "YR"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("ABST 17%", "tax_total"),  # Antigua and Barbuda's sales tax
        ("ABST Reg. No.: 0458712", "vat"),
        ("TOT 5%", "tax_total"),  # Sint Maarten's turnover tax
        ("Impuesto sobre las ventas 10%", "tax_total"),  # Cuba's sales tax
        ("Proforma N° : CPT-PF-26-044", "invoice_number"),  # French
        ("Total net à payer", "due_payable"),
    ],
)
def test_labels(text: str, key: str) -> None:
    assert key in label_matches(text)


def test_total_net_a_payer_is_no_net_total() -> None:
    # main read 'Total net à payer' as 'Total net' (the net before tax): the longest label
    # wins a run
    found = label_matches("Total net à payer 34 290,00 €")
    assert max(found.values(), key=lambda m: m.length).key == "due_payable"


def test_the_abst_number() -> None:
    assert vat_id(label_matches("ABST Reg. No.: 0458712")["vat"].rest) == "0458712"


@pytest.mark.parametrize("text", ["tot 5% korting", "Tot 12 december"])
def test_dutch_tot_is_no_tax(text: str) -> None:  # guard
    assert "tax_total" not in label_matches(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ross Road East, Stanley FIQQ 1ZZ, Falkland Islands", "FK"),  # ISO: '… (Malvinas)'
        ("Front Street 45, Philipsburg, Sint Maarten", "SX"),  # ISO: '… (Dutch part)'
        ("Redcliffe Quay, St. John's, Antigua", "AG"),
        ("12 rue Jean Chatel, 97400 Saint-Denis, La Réunion", "RE"),
        ("Royal Road, Port-Louis, Île Maurice", "MU"),
    ],
)
def test_country_names(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("Falkland Islands (Malvinas)", "FK"), ("Sint Maarten (Dutch part)", "SX"),
     ("Saint Martin (French part)", "MF"), ("British Virgin Islands", "VG")],
)  # fmt: skip
def test_iso_names_as_before(text: str, code: str) -> None:  # guard
    assert resolve_country(text, ADDRESS_LINE) == code


def test_virgin_islands_stay_ambiguous() -> None:  # guard
    # no bracket dropped makes 'Virgin Islands' one of the two
    assert resolve_country("Virgin Islands", ADDRESS_LINE) in {None, "VG", "VI"}


def test_the_numero_tahiti() -> None:
    # French Polynesia's tax number: a letter and five digits, the RCS's capitals after it
    found = label_matches("N° TAHITI : D45871   RCS Papeete 12 458 B")
    assert vat_id(found["vat"].rest) == "D45871"


@pytest.mark.parametrize("text", ["D4587 RCS Papeete", "DE45871 RCS Papeete", "45871 RCS Papeete"])
def test_one_letter_and_five_or_six_digits_only(text: str) -> None:  # guard
    assert vat_id(text) is None


@pytest.mark.parametrize("text", ["tin", "tins"])
def test_a_tin_in_lower_case_is_a_unit(text: str) -> None:
    # Macau's 'Almond cookies, 400 g tin' counted by the tin: no unit read
    assert unit_code(text) == "XTN"


@pytest.mark.parametrize("text", ["TIN", "TIN:", "Tin", "TINS"])
def test_a_tin_in_capitals_is_a_taxpayers(text: str) -> None:  # guard
    assert unit_code(text) is None
