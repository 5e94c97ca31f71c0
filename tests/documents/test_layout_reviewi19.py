"""Session 34 (review i19 of invoices31): the edges of invoices31's rules that batch 43's first
reading (tests/documents/layouts_review19.py, out of sample) showed. Each test failed on lead
before its fix; those marked guard did not (they keep a fix from reaching too far).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents import extract
from clearlane.documents.layout import label_matches
from tests.documents.layouts import write_batch
from tests.documents.layouts_review19 import REVIEW19


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    layout = next(layout for layout in REVIEW19 if layout.name == name)
    return extract(write_batch(tmp_path, [layout])[name])


# -- Korea: 'Total Supply Amount' under a 'Supply Amount' column is the net ---------------------


def test_total_supply_amount_is_the_net_label() -> None:
    found = label_matches("Total Supply Amount")
    assert "tax_exclusive_total" in found
    assert found["tax_exclusive_total"].length == len("Total Supply Amount")


def test_korean_total_supply_amount_read(tmp_path: Path) -> None:
    got = _read(tmp_path, "kr-supply-lines")
    assert (got.tax_exclusive_total, got.tax_total) == ("15700000.00", "1570000.00")
    assert got.grand_total == "17270000.00"
    assert [line.amount for line in got.line_items] == ["12800000.00", "2900000.00"]


def test_supply_amount_chain_still_no_label() -> None:
    """Guard: a description that goes on after the words is no total's label."""
    assert "tax_exclusive_total" not in label_matches("Total Supply Amount chain audit")


# -- 'Sold by:' a name holding commas, then its address on the same line ------------------------


def test_name_with_commas_then_address() -> None:
    from clearlane.documents.layout import _name_then_address  # (new in reviewi19)

    head, _, address = _name_then_address(
        "Fisher, Wolcott & Daughters LLC, 14 Elm Street, Burlington, VT 05401, United States"
    )
    assert head == "Fisher, Wolcott & Daughters LLC"
    assert address.strip().startswith("14 Elm Street")


def test_name_without_comma_split_at_first() -> None:
    """Guard: invoices31's one-line party, the name before the first comma (on lead this
    fails only because the function is new)."""
    from clearlane.documents.layout import _name_then_address

    head, _, address = _name_then_address("Hebridean Knitwear Ltd, 4 Pier Road, Stornoway")
    assert (head, address) == ("Hebridean Knitwear Ltd", " 4 Pier Road, Stornoway")


def test_sold_by_partners_name_read(tmp_path: Path) -> None:
    got = _read(tmp_path, "us-item-total-only")
    assert (got.seller_name, got.seller_country) == ("Fisher, Wolcott & Daughters LLC", "US")


@pytest.mark.parametrize("name", ["gb-bill-person-ie", "tr-courier-both-ca"])
def test_other_pages_parties_unchanged(tmp_path: Path, name: str) -> None:
    """Guard: pages of batch 43 whose parties lead read right."""
    layout = next(layout for layout in REVIEW19 if layout.name == name)
    got = _read(tmp_path, name)
    assert (got.seller_name, got.buyer_name) == (
        layout.truth["seller_name"],
        layout.truth["buyer_name"],
    )


# -- a US seller registered for VAT abroad: 'UK VAT Reg. No.' and nine bare digits ---------------


def test_uk_vat_label_with_its_state() -> None:
    assert label_matches("UK VAT Reg. No. 287 6543 21")["vat"].rest == "287 6543 21"


def test_us_sellers_uk_vat_number_kept(tmp_path: Path) -> None:
    got = _read(tmp_path, "us-uk-vat-gb")
    assert (got.seller_country, got.seller_vat_id) == ("US", "287654321")


def test_us_sellers_ein_still_dropped(tmp_path: Path) -> None:
    """Guard: batch 42's UPS-style form, 'Tax ID/VAT No.: 31-1234567' (an EIN) stays no id."""
    from tests.documents.layouts_batch42 import BATCH42

    layout = next(layout for layout in BATCH42 if layout.name == "us-ups-form-ca")
    got = extract(write_batch(tmp_path, [layout])[layout.name])
    assert (got.seller_country, got.seller_vat_id) == ("US", None)


# -- 'Ship to:' over a fulfilment centre: a delivery place, no consumer --------------------------


def test_ship_to_warehouse_is_no_buyer(tmp_path: Path) -> None:
    got = _read(tmp_path, "gb-ship-warehouse")
    assert (got.buyer_name, got.buyer_country) == (None, None)
    assert (got.seller_name, got.seller_country) == ("Hillcrest Homeware Ltd", "GB")


def test_ship_to_person_still_the_buyer(tmp_path: Path) -> None:
    """Guard: batch 42's marketplace page, a consumer under 'Ship to:' alone."""
    from tests.documents.layouts_batch42 import BATCH42

    layout = next(layout for layout in BATCH42 if layout.name == "gb-marketplace-ship-to-us")
    got = extract(write_batch(tmp_path, [layout])[layout.name])
    assert (got.buyer_name, got.buyer_country) == ("Emily Carter", "US")
