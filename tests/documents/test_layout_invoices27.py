"""Session 31 (invoices27): the general rules batch 35's first reading (tests/documents/
layouts_batch35.py, out of sample) and last session's known gaps called for. Each test failed
on main before its rule; those marked guard did not (they keep a rule from reaching too far).
"""

from __future__ import annotations

import pytest

from clearlane.documents.layout import CURRENCY_SIGNS, currency_sign, parse_number


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
