"""Session 33 (conflicts33): the reader follows the ground-truth conventions settled by the
standards where the hand-written batches' truths disagreed (docs/documents.md, "Ground-truth
conventions" and "Session 33, 2026-12-07: conflicts settled")."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents.layout import unit_code
from tests.documents.layouts import read_page


@pytest.mark.parametrize(
    "printed",
    ["sack", "sacks", "saco", "sacos", "sako", "saku", "saca", "sacco", "gunia", "bao", "worek",
     "мешок", "мішок"],
)  # fmt: skip
def test_a_sack_is_rec_21s_sack(printed: str) -> None:
    # UN/ECE Rec 21 names SA 'Sack' apart from BG 'Bag': a word that means a sack is coded SA
    assert unit_code(printed) == "XSA"


@pytest.mark.parametrize("printed", ["bag", "bags", "sac", "bolsa", "funda", "zak", "kiish"])
def test_a_bag_stays_a_bag(printed: str) -> None:
    """guard: the words that mean a bag (French 'sac', Dutch 'zak') stay Rec 21's BG."""
    assert unit_code(printed) == "XBG"


@pytest.mark.parametrize("printed", ["dėž.", "dėžė", "box", "caja"])
def test_a_box_is_rec_21s_box_not_a_piece(printed: str) -> None:
    # Lithuania's 'dėž.' (dėžė, a box) is Rec 21's BX, as 'box' and 'caja' are
    assert unit_code(printed) == "XBX"


def _us_page(tmp_path: Path, address: str) -> str | None:
    return read_page(
        tmp_path,
        [(15, 12, "Prairie Tool Supply Inc.", 14), (15, 20, "410 Market Street", 9),
         (15, 25, address, 9), (140, 12, "INVOICE", 16),
         (130, 24, "Invoice No. 5512", 9), (130, 29, "Date: 2026-12-03", 9),
         (15, 45, "Bill To: Lakeside Hardware LLC", 9),
         (15, 70, "Description Qty Unit Price Amount", 9),
         (15, 76, "Claw hammer, 16 oz 10 12.50 125.00", 9),
         (120, 90, "Total $125.00", 9)],
    ).currency  # fmt: skip


def test_a_dollar_sign_on_a_us_sellers_page_is_the_us_dollar(tmp_path: Path) -> None:
    # ISO 4217: the US dollar is the United States' currency, as it is Puerto Rico's; '$' is
    # read by the seller's country as every ambiguous sign is
    assert _us_page(tmp_path, "Omaha, NE 68102, USA") == "USD"


def test_a_dollar_sign_with_no_country_named_stays_null(tmp_path: Path) -> None:
    """guard: a US address with no country named gives no country, so '$' stays unread."""
    assert _us_page(tmp_path, "Omaha, NE 68102") is None


def test_a_total_printed_as_net_stays_the_net_with_no_tax_line(tmp_path: Path) -> None:
    # EN 16931 BT-109 (the total without VAT) is the printed net total whether or not a tax
    # line is printed; the net is the invoice's total too, the deposit taken from the amount due
    got = read_page(
        tmp_path,
        [(15, 12, "Atelier Lagon SARL", 14), (15, 20, "12 rue du Port, 98714 Papeete", 9),
         (15, 25, "Polynésie française", 9), (140, 12, "FACTURE", 16),
         (130, 24, "Facture n° : AL-26-0412", 9), (130, 29, "Date : 3 décembre 2026", 9),
         (15, 45, "Client : Maison Corail SARL", 9),
         (15, 70, "Désignation Qté P.U. XPF Montant XPF", 9),
         (15, 76, "Paréo imprimé, coton 50 3 200 160 000", 9),
         (120, 90, "Total net 160 000 XPF", 9), (120, 95, "Acompte versé 60 000 XPF", 9),
         (120, 100, "Net à payer 100 000 XPF", 9)],
    )  # fmt: skip
    assert (got.tax_exclusive_total, got.tax_total) == ("160000.00", None)
    assert (got.grand_total, got.due_payable) == ("160000.00", "100000.00")
