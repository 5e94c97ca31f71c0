"""Session 37 (review i22): what batch 49 (tests/documents/layouts_review22.py, written and
committed before invoices34's diff was read) showed the reader missing, and what the review of
that diff found, each fix's page read here. Every test failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents import extract
from clearlane.documents.layout import _head_text, label_matches, parse_date
from clearlane.documents.models import Extraction
from tests.documents.layouts import Layout, write_batch
from tests.documents.layouts_batch15 import _block
from tests.documents.layouts_batch20 import BATCH20
from tests.documents.layouts_batch21 import BATCH21
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_review22 import REVIEW22
from tests.documents.layouts_unseen2 import Sheet2

_WANTED = {
    "cn-packing-package-types", "tr-proforma-packing-rolls", "lv-rekins-gada",
    "lt-pvm-saskaita-serija", "ro-factura-delegat-seria", "us-units-uom-column",
    "ar-factura-cuit-receptor", "pt-fatura-numeros", "dk-faktura-kr-norwegian-buyer",
}  # fmt: skip


def _packing_kg_header() -> bytes:
    """A table whose quantity header names its unit ('Qty (kg)') beside a 'Packing' column
    of package words and no unit column: the goods are counted in kilograms."""
    s = Sheet2()
    s.text(15, 12, "Harbour Spice Traders Ltd", size=12, bold=True)
    _block(s, 15, 19, ["14 Dock Road, Mombasa, Kenya"], size=8)
    s.text(150, 12, "INVOICE", size=13, bold=True)
    s.pairs(130, 22, [("Invoice No.:", "HST-4471"), ("Date:", "08/12/2026")], gap=24, step=4.6)
    s.text(15, 34, "Bill To", size=8, bold=True)
    _block(s, 15, 39, ["Coastal Foods Ltd", "Nairobi"], size=8.5)
    cols = [("Description", 15, 70, "L"), ("Packing", 86, 24, "L"), ("Qty (kg)", 111, 20, "R"),
            ("Price/kg", 133, 24, "R"), ("Amount", 159, 36, "R")]  # fmt: skip
    rows = [["Black pepper, whole", "Bags", "2000", "4.50", "9,000.00"],
            ["Cloves, hand picked", "Cartons", "500", "9.00", "4,500.00"]]  # fmt: skip
    y = _table(s, 56, cols, rows, size=8)
    s.text(120, y + 4, "Total USD", size=9, bold=True)
    s.text(159, y + 4, "13,500.00", size=9, width=36, align="R")
    return s.output()


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Extraction]:
    layouts = [layout for layout in REVIEW22 if layout.name in _WANTED]
    layouts += [layout for layout in BATCH20 if layout.name == "ro-factura-seria"]
    layouts += [layout for layout in BATCH21 if layout.name == "lt-pvm-saskaita"]
    layouts.append(Layout("ke-packing-qty-kg", _packing_kg_header))
    paths = write_batch(Path(tmp_path_factory.mktemp("reviewi22")), layouts)
    return {name: extract(path) for name, path in paths.items()}


def _lines(got: Extraction) -> list[tuple[str | None, ...]]:
    return [(line.quantity, line.unit_code, line.unit_price) for line in got.line_items]


def test_packing_words_running_under_the_quantity_header_are_no_count(
    read: dict[str, Extraction],
) -> None:
    """'25 kg PP woven bags' reaches under 'Quantity': its last word stays the packing's."""
    assert _lines(read["cn-packing-package-types"]) == [("20", "TNE", "815"), ("5", "TNE", "1040")]


def test_a_currency_per_unit_alone_heads_the_unit_price(read: dict[str, Extraction]) -> None:
    """'EUR/m' without an Incoterm before it ('FOB US$/Pc' was read) is the unit price."""
    assert _head_text("EUR/m") == "Unit price"
    assert _head_text("CIF US$/MT") == "Unit price"
    assert _lines(read["tr-proforma-packing-rolls"]) == [("6400", "MTR", "3.45"),
                                                         ("3800", "MTR", "2.9")]  # fmt: skip


def test_latvian_year_gada_day_month() -> None:
    assert parse_date("2026. gada 8. decembris") == "2026-12-08"
    assert parse_date("2026 yil 12 may") == "2026-05-12"  # guard: Uzbek as before


def test_latvian_invoice_date_and_vat_payer_number(read: dict[str, Extraction]) -> None:
    got = read["lv-rekins-gada"]
    assert (got.issue_date, got.seller_vat_id) == ("2026-12-08", "LV40103456781")
    assert "vat" in label_matches("PVN maksātāja Nr. LV40103456781")


@pytest.mark.parametrize(
    ("name", "number", "date"),
    [("lt-pvm-saskaita-serija", "LTK 004512", "2026-12-08"),
     ("lt-pvm-saskaita", "LBT 2604", "2026-03-09"),  # batch 21, missed since
     ("ro-factura-seria", "TMS 0004571", "2026-03-17")],  # batch 20, missed since
)  # fmt: skip
def test_series_and_number_in_one_run_under_the_title(
    read: dict[str, Extraction], name: str, number: str, date: str
) -> None:
    """'Serija LTK Nr. 004512' (its date alone under it), 'Seria TMS nr. 0004571 din
    17.03.2026': both, joined by a space, and the date."""
    assert (read[name].invoice_number, read[name].issue_date) == (number, date)


def test_a_delegates_identity_card_series_is_no_invoice_number(
    read: dict[str, Extraction],
) -> None:
    """Guard: 'B.I./C.I. seria PH nr. 712345' in the dispatch lines, the number labelled."""
    assert read["ro-factura-delegat-seria"].invoice_number == "2026-0459"


def test_a_us_states_sales_tax(read: dict[str, Extraction]) -> None:
    assert read["us-units-uom-column"].tax_total == "44.84"


def test_afip_neto_gravado_alone(read: dict[str, Extraction]) -> None:
    assert read["ar-factura-cuit-receptor"].tax_exclusive_total == "6712000.00"


def test_portuguese_document_number_label(read: dict[str, Extraction]) -> None:
    """'N.º Doc.' among 'N.º Cliente', 'N.º Encomenda', 'V/ N.º Contrib.'."""
    assert read["pt-fatura-numeros"].invoice_number == "FT 2026A/318"


def test_danish_stk_pris_heads_the_unit_price(read: dict[str, Extraction]) -> None:
    assert [line.unit_price for line in read["dk-faktura-kr-norwegian-buyer"].line_items] == [
        "695", "3450"
    ]  # fmt: skip


def test_packing_words_are_no_unit_where_the_quantity_header_names_one(
    read: dict[str, Extraction],
) -> None:
    """(the diff: invoices34's packing column as the unit) 'Qty (kg)' beside 'Packing: Bags':
    2,000 kg of pepper, not 2,000 bags."""
    assert _lines(read["ke-packing-qty-kg"]) == [("2000", "KGM", "4.5"), ("500", "KGM", "9")]
