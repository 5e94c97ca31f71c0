"""Discrepancies in customs words: every invoice and transport-document code has a sentence
with both values."""

from __future__ import annotations

from clearlane.documents.crosscheck import CODES
from clearlane.explain.wording import DISCREPANCY_SENTENCES, amount, discrepancy_sentence
from clearlane.features.facts import LINK_CODES


def test_every_discrepancy_code_has_a_sentence_with_both_values() -> None:
    assert set(CODES) | set(LINK_CODES) <= set(DISCREPANCY_SENTENCES)
    for code in [*CODES, *LINK_CODES]:
        text = discrepancy_sentence(
            {"code": code, "document": "DOCVALUE", "declared": "DECLVALUE", "item": 2}
        )
        assert "DOCVALUE" in text and "DECLVALUE" in text, (code, text)


def test_amounts_and_the_hs_reason_read_as_an_officer_expects() -> None:
    assert discrepancy_sentence(
        {"code": "CUSTOMS_VALUE_BELOW_INVOICE", "document": "12400", "declared": "8100.0"},
        currency="EUR",
    ) == ("invoice total 12,400.00 EUR at the declared exchange rate, declared customs value "
          "8,100.00 EUR")  # fmt: skip
    assert (
        discrepancy_sentence(
            {"code": "INVOICE_TOTAL_MISMATCH", "document": "12400.00", "declared": "8100.00"},
            invoice_currency="USD",
        )
        == "invoice total 12,400.00 USD, declared invoice total 8,100.00 USD"
    )
    hs = {
        "code": "HS_DESCRIPTION_MISMATCH_HEADING",
        "document": "610910",
        "declared": "611780",
        "item": 1,
        "detail": "description 'men's cotton t-shirt' fits 6109.10, declared 6117.80",
    }
    assert discrepancy_sentence(hs) == (
        "item 1: description 'men's cotton t-shirt' fits 6109.10, declared 6117.80"
    )
    assert amount("n/a") == "n/a" and amount(1234.5) == "1,234.50"
