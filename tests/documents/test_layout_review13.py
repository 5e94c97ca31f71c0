"""Review of session 23's rules (batch 20, tests/documents/layouts_batch20.py): each finding on
a small page of its own. Figures in docs/documents.md ("session 23, 5 December: batch 20")."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents.layout import label_matches
from tests.documents.layouts import read_page

_SELLER = [(15, 10, "INVOICE", 14), (130, 18, "Invoice No. A-1", 9),
           (130, 24, "Date: 2026-03-01", 9), (15, 18, "Alpha Trading Ltd", 9),
           (15, 23, "1 Main St, Leeds, United Kingdom", 8)]  # fmt: skip


@pytest.mark.parametrize(
    ("label", "name", "address", "country"),
    [
        ("Buyer", "נגב אופטיקה בע״מ", "12 HaMada St., Rehovot, Israel", "IL"),
        ("Bill to", "شركة النور", "King Fahd Rd, Riyadh, Saudi Arabia", "SA"),
        ("Buyer", "შპს ალფა", "12 Rustaveli Ave, Tbilisi, Georgia", "GE"),
        ("Customer", "Արարատ ՍՊԸ", "5 Abovyan St, Yerevan, Armenia", "AM"),
    ],
)
def test_a_name_in_an_unread_script_beside_its_label_is_the_name(
    tmp_path: Path, label: str, name: str, address: str, country: str
) -> None:
    # session 23 read a run of Hebrew, Arabic, ... words after a label without a colon as the
    # label's untranslated gloss ('Seller البائع'), and dropped it: a company's name beside
    # its label ('Buyer נגב אופטיקה בע״מ') was lost, and its country with it (right -> null).
    # A name holds its company's legal form (בע״מ, شركة, შპს, ՍՊԸ); a gloss does not.
    got = read_page(tmp_path, [*_SELLER, (15, 40, f"{label} {name}", 9), (15, 45, address, 8)])
    assert (got.buyer_name, got.buyer_country) == (name, country)


def test_a_gloss_without_a_legal_form_is_still_no_value() -> None:
    assert label_matches("Seller البائع")["seller"].rest == ""
    assert label_matches("Seller اسم البائع")["seller"].rest == ""
    assert label_matches("Seller שם הספק")["seller"].rest == ""
    assert label_matches("Buyer שטראוס בע״מ")["buyer"].rest == "שטראוס בע״מ"
