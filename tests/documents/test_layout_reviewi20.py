"""Session 35 (review i20 of invoices32): the edges of invoices32's rules that batch 45's first
reading (tests/documents/layouts_review20.py, out of sample) and probes beside it showed. Each
test failed on lead before its fix; those marked guard did not (they keep a fix from reaching
too far).
"""

from __future__ import annotations

from pathlib import Path

from clearlane.documents import extract
from tests.documents.layouts import write_batch
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_review20 import REVIEW20
from tests.documents.layouts_unseen2 import Sheet2

_COLS: list[tuple[str, float, float, str]] = [
    ("Description", 15, 88, "L"),
    ("Qty", 105, 16, "R"),
    ("Unit", 123, 12, "L"),
    ("Price", 137, 26, "R"),
    ("Amount", 165, 30, "R"),
]


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    layout = next(layout for layout in REVIEW20 if layout.name == name)
    return extract(write_batch(tmp_path, [layout])[name])


def _page(tmp_path: Path, caption: str | None, pairs: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    """An invoice that labels no number of its own, a caption over a 'No.:' / 'Date:' stack."""
    s = Sheet2()
    s.text(15, 12, "Tata Fasteners Pvt Ltd", size=13, bold=True)
    _block(s, 15, 20, ["Pune, India"], size=8)
    s.text(150, 12, "INVOICE", size=16, bold=True)
    if caption is not None:
        s.text(120, 24, caption, size=8, bold=True)
    s.pairs(120, 29, pairs, gap=20)
    s.text(15, 38, "Bill To:", size=8.5, bold=True)
    _block(s, 15, 43, ["Acme Ltd", "London", "United Kingdom"])
    y = s.grid(68, _COLS, [["Bolt", "500", "pcs", "1.00", "500.00"]], size=8.5)
    _totals(s, 110, 161, y + 4, [("Total GBP", "500.00")])
    path = tmp_path / "page.pdf"
    path.write_bytes(s.output())
    return extract(path)


# -- a bare 'No.:' over 'Date:' under a purchase order's caption is the order's --------------


def test_bare_no_under_purchase_order_caption_not_the_invoice_number(tmp_path: Path) -> None:
    """Probe: 'Your purchase order' over 'No.: PO-55821' / 'Date: …' (null on main, the order's
    number on lead: invoices32's bare 'No.' stacked with the date caption)."""
    got = _page(tmp_path, "Your purchase order", [("No.:", "PO-55821"), ("Date:", "20/11/2026")])
    assert got.invoice_number is None


def test_bare_no_under_delivery_note_caption_not_the_invoice_number(tmp_path: Path) -> None:
    got = _page(tmp_path, "Delivery note", [("No.:", "DN-4471"), ("Date:", "20/11/2026")])
    assert got.invoice_number is None


def test_bare_no_over_date_still_the_number(tmp_path: Path) -> None:
    """Guard: invoices32's stack with no caption over it, or the invoice's own, still read."""
    assert _page(tmp_path, None, [("No.:", "TF-2612"), ("Date:", "01/12/2026")]).invoice_number == (
        "TF-2612"
    )
    got = _page(tmp_path, "Tax invoice", [("No.:", "TF-2613"), ("Date:", "01/12/2026")])
    assert got.invoice_number == "TF-2613"


# -- 'Residencia fiscal: CAN': a CFDI's country as SAT's c_Pais code (ISO 3166 alpha-3) -------


def test_residencia_fiscal_alpha3_country(tmp_path: Path) -> None:
    got = _read(tmp_path, "es-residencia-can")
    assert (got.buyer_name, got.buyer_country) == ("Mediterranean Fine Foods Inc.", "CA")
    assert got.seller_country is None  # Spain printed nowhere on the seller's lines


def test_residencia_fiscal_usa_still_the_buyers(tmp_path: Path) -> None:
    """Guard: the receptor's residence is the buyer's country, the seller's stays Mexico."""
    got = _read(tmp_path, "mx-residencia-buyer-us")
    assert (got.seller_country, got.buyer_country) == ("MX", "US")


def test_residence_caption_three_letters_not_a_code() -> None:
    """Guard: three capitals that are no ISO 3166 alpha-3 code give no country."""
    from clearlane.documents.layout import _residence_country  # (new in reviewi20)

    assert _residence_country("Residencia fiscal: CAN") == "CA"
    assert _residence_country("Residencia fiscal: XYZ") is None
    assert _residence_country("Residencia fiscal: USA   NumRegIdTrib: 745512309") == "US"


# -- Malaysia's 'INVOIS': 'Perkara' (the item), 'Jumlah kecil' (the subtotal), 'beg', 'botol' --


def test_malay_invois_table_and_subtotal(tmp_path: Path) -> None:
    got = _read(tmp_path, "my-invois-bil")
    assert (got.currency, got.tax_exclusive_total, got.tax_total) == ("MYR", "7012.00", "350.60")
    assert [(line.unit_code, line.amount) for line in got.line_items] == [
        ("XBG", "4620.00"),
        ("XBO", "2392.00"),
    ]


def test_malay_units() -> None:
    from clearlane.documents.layout import unit_code

    assert (unit_code("beg"), unit_code("botol")) == ("XBG", "XBO")


# -- Peru: 'R.U.C. N°' in the title box, the buyer's 'RUC:' printed first at the left -----------


def test_title_box_ruc_beside_a_buyer_label_printed_higher(tmp_path: Path) -> None:
    """The title box's 'R.U.C. N° …' is the issuer's (lead: null, 'R.U.C.' with its 'N°' was no
    tax id's label), the buyer's 'RUC:' printed higher at the left notwithstanding."""
    got = _read(tmp_path, "pe-buyer-ruc-first")
    assert got.seller_vat_id == "20487766551"


def test_ruc_with_its_numero_sign_a_vat_label() -> None:
    from clearlane.documents.layout import Word, _label

    assert _label(Word("R.U.C. N° 20487766551", 0, 0, 10, 10, 1.0), "vat") == "20487766551"
    assert _label(Word("RUC: 20487766551", 0, 0, 10, 10, 1.0), "vat") == "20487766551"
