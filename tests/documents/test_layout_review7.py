"""Probes of the tenth pass's general rules (invoices10, 9cb8369) on values and pages they were
not written for: each read a wrong value (or lost a right one) with the rule as merged."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clearlane.documents.layout import country_code, parse_number


@pytest.mark.parametrize(
    ("text", "mark", "want"),
    [
        # OCR's 1 as I before a space-grouped thousands with its decimals: a number, as it was
        # before 'I 20' was fixed ('1 200,00', France's and Poland's grouping)
        ("I 200.00", ".", "1200.00"),
        ("I 250,00", ",", "1250.00"),
        ("l 234 567,89", ",", "1234567.89"),
        # and before a comma-grouped thousands ('I,250.00'): never read
        ("I,250.00", ".", "1250.00"),
        ("$I,200.00", ".", "1200.00"),
        # still a word beside a number: no digit
        ("I 20", ".", None),
        ("l 5", ".", None),
        ("I 200", ".", None),
        ("I.5", ".", None),
    ],
)
def test_ocrs_one_read_as_a_letter_before_a_thousands_group(
    text: str, mark: str, want: str | None
) -> None:
    assert parse_number(text, mark) == (None if want is None else Decimal(want))


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # a US address in capitals, as US commercial invoices print them: the state, never the
        # country (GE before)
        ("ATLANTA, GEORGIA", None),
        ("SAVANNAH, GEORGIA 31401", None),  # (no country named: null, as 'Dallas, TX 75201')
        ("ATLANTA, GEORGIA, USA", "US"),
        ("Atlanta, Fulton County, Georgia", None),
        # a Georgian town then its region, then the country (GE before the tenth pass, null
        # after it)
        ("Kutaisi, Imereti, Georgia", "GE"),
        ("TBILISI, GEORGIA", "GE"),
        ("Savannah, Georgia 31401", None),
        ("Tbilisi, Georgia", "GE"),
    ],
)
def test_georgia_the_state_and_the_country(line: str, want: str | None) -> None:
    assert country_code(line) == want
