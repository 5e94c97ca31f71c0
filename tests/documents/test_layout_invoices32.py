"""Session 35 (invoices32): the general rules batch 44's first reading (tests/documents/
layouts_batch44.py, out of sample) and batch 42's leftovers asked for. Each test failed on main
before its rule; those marked guard did not (they keep a rule from reaching too far).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents import extract
from clearlane.documents.layout import label_matches, unit_code
from tests.documents.layouts import write_batch
from tests.documents.layouts_batch42 import BATCH42
from tests.documents.layouts_batch44 import BATCH44


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    layout = next(layout for layout in [*BATCH44, *BATCH42] if layout.name == name)
    return extract(write_batch(tmp_path, [layout])[name])


# -- Spanish 'und.' (unidad) is a piece ---------------------------------------------------------


@pytest.mark.parametrize("text", ["und", "Und.", "UND", "unds"])
def test_spanish_und_is_a_piece(text: str) -> None:
    assert unit_code(text, {"es"}) == "H87"


def test_unit_column_und(tmp_path: Path) -> None:
    got = _read(tmp_path, "co-factura-prefijo")
    assert [line.unit_code for line in got.line_items] == ["H87", "H87"]


# -- a marketplace's 'Verkauft von …' names the seller, as 'Sold by' ---------------------------


def test_verkauft_von_is_a_seller_label() -> None:
    found = label_matches("Verkauft von Voltwerk Elektronik GmbH, Hafenstraße 8").get("seller")
    assert found is not None and found.rest.startswith("Voltwerk")


def test_verkauft_von_on_one_line(tmp_path: Path) -> None:
    got = _read(tmp_path, "de-marketplace-rechnung")
    assert (got.seller_name, got.seller_country) == ("Voltwerk Elektronik GmbH", "DE")


# -- an order receipt's title and a shop's handle are no seller's name -------------------------


def test_order_receipt_title_and_shop_caption_are_no_name(tmp_path: Path) -> None:
    got = _read(tmp_path, "us-etsy-order-receipt")
    assert got.seller_name == "Oak & Anvil Goods LLC"
    assert got.seller_country == "US"


def test_caption_line_still_a_line(tmp_path: Path) -> None:  # guard
    # 'Ky hieu: 1C26TBB' beside an ASCII Vietnamese title: the title stays no letterhead
    from tests.documents.layouts_batch18 import BATCH18

    layout = next(layout for layout in BATCH18 if layout.name == "vn-ascii")
    got = extract(write_batch(tmp_path, [layout])[layout.name])
    assert got.seller_name != "HOA DON GIA TRI GIA TANG"


# -- Thailand: '(Head Office)' / '(Branch 00001)' after a name is no part of it -----------------


def test_head_office_after_the_name(tmp_path: Path) -> None:
    got = _read(tmp_path, "th-tax-invoice-my")
    assert got.seller_name == "Siam Rubber Products Co., Ltd."
