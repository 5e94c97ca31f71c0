"""Review o2 (session 32, 2026-12-07): scans32's mending of recognised runs and its line
amount read with a point for a space between thousands, tried with cases a real page gives."""

from __future__ import annotations

import pytest

from clearlane.documents.layout import Word, _amount_by_line, money
from clearlane.documents.ocr import clean_text, cut_at_labels


def _run(text: str) -> Word:
    return Word(text, 100.0, 200.0, 100.0 + 14 * len(text), 230.0, 0.9)


def test_a_three_decimal_amount_with_one_point_is_not_read_as_thousands() -> None:
    """18,450 kg at 1.000 KWD a tonne make 18.450 KWD: the amount does not fit quantity times
    price (the price is per tonne) but its digits do; it read 18,450 KWD, a wrong value. The
    recogniser's misreading turns one space of several into a point ('18 450.000' for
    '18 450 000'), so a single separator ('18.450', '1,250') is the page's reading."""
    assert _amount_by_line("18.450", ".", "18450", "1.000") == money("18.450", ".")
    assert _amount_by_line("1,250", ",", "1250", "1") == money("1,250", ",")
    # the misreading itself still mended: a space read as a point after spaces
    assert _amount_by_line("18 450.000", ".", "45", "410000") == "18450000.00"


def test_a_kuwaiti_dinar_amount_with_three_decimals_stands() -> None:
    """Guard: '1 250.500 KWD' is 1,250.5 dinars; it fits 1 at 1,250.500 and stands."""
    assert _amount_by_line("1 250.500 KWD", ".", "1", "1250.500") == money("1 250.500", ".")


@pytest.mark.parametrize(
    "text",
    ["Apples; Pears", "Qty; Description", "Net 30 days; Payment by transfer"],
)
def test_a_semicolon_that_belongs_stays(text: str) -> None:
    """A semicolon printed between a word and a capitalised word read ',' (scans32's rule for
    'Nouadhibou; Mauritanie'): a description 'Apples; Pears' read 'Apples, Pears', text the
    page does not print. Only a country after it is the comma's misreading."""
    assert clean_text(text) == text
    assert clean_text("Zone Industrielle, Nouadhibou; Mauritanie") == (
        "Zone Industrielle, Nouadhibou, Mauritanie"
    )


@pytest.mark.parametrize(
    "text",
    [
        "P.O. Box 1234 Windhoek Tel: +264 61 123456",
        "Plot 45 Kampala Road Tel: +256 41 234567",
        "Delivery: 5 days Payment: 30 days",
    ],
)
def test_an_address_word_before_a_label_stays_with_its_value(text: str) -> None:
    """A run cut before a label after a word with a digit took up to two words before the
    label with it: 'P.O. Box 1234' and 'Windhoek Tel: +264 …', the town given to the phone's
    cell. Words before the label's last are a label's only when short and capitalised
    ('VAT Reg. No:', 'N° TVA:'); otherwise the run is not cut there."""
    pieces = [p.text for p in cut_at_labels(_run(text))]
    assert all(not p.split()[0].endswith(("Windhoek", "Kampala", "days")) for p in pieces[1:])


def test_short_labels_after_a_value_still_cut() -> None:
    """Guard: scans32's cuts ('NIF:4000123456 RC:58211', 'VAT: 123 Reg. No: 456')."""
    assert [p.text for p in cut_at_labels(_run("NIF:4000123456 RC:58211"))] == [
        "NIF:4000123456",
        "RC:58211",
    ]
    assert [p.text for p in cut_at_labels(_run("TIN: 1234567 VAT Reg. No: 4567"))] == [
        "TIN: 1234567",
        "VAT Reg. No: 4567",
    ]
