"""OCR on scans of hand-written layouts (tests/documents/layouts.py): each page rasterised at
200 dpi, turned 0.5-1.5 degrees, blurred and speckled by the generator's render_scan.

OCR takes seconds a page, so seven layouts of different conventions are read here; all 26 are
in benchmarks/documents.py and benchmarks/ocr_models.py. The floors are the fields each scan gave
when it was written, less one for a character OCR may read otherwise on another CPU. The fields
that only a recogniser with '€', '£' and accented letters in its dictionary reads (PP-OCRv6,
not the PP-OCRv4 of rapidocr-onnxruntime) are asserted exactly.
"""

from __future__ import annotations

import pytest

from clearlane.documents import extract
from clearlane.documents.models import Extraction
from tests.documents.layouts import FRESH, LATER, LAYOUTS, Layout, fields_right, write_scans

# Fields right (of 14: the 13 header fields and the line items) when this test was written
# (PP-OCRv6; PP-OCRv4 read de 13, jp-exporter 14, ch 14, pl-bilingual 11, fr 12, uk 13, es 11).
FLOORS = {
    "de": 14, "jp-exporter": 14, "ch": 14, "pl-bilingual": 11, "fr": 14, "uk": 14, "es": 14,
}  # fmt: skip
# Printed only as '€' or '£', or with accented letters (or 'nº'): none of them read by PP-OCRv4.
SIGNS_AND_ACCENTS = {
    "fr": ("currency", "line_items"),  # '€' only; 'Sac cuir grainé, noir'
    "uk": ("currency",),  # '£' only
    "es": ("currency", "seller_name", "invoice_number"),  # 'Cerámicas del Turia', 'Factura nº'
    "de": ("buyer_name",),  # 'Möbelhaus Novak s.r.o.'
}
CHOSEN = [layout for layout in [*LAYOUTS, *LATER, *FRESH] if layout.name in FLOORS]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Extraction]:
    paths = write_scans(tmp_path_factory.mktemp("scans"), CHOSEN)
    return {name: extract(path) for name, path in paths.items()}


@pytest.mark.parametrize("layout", CHOSEN, ids=lambda layout: layout.name)
def test_a_scan_gives_its_fields(scanned: dict[str, Extraction], layout: Layout) -> None:
    got = scanned[layout.name]
    assert got.method == "ocr"
    right = fields_right(got, layout.truth)
    wrong = {name: getattr(got, name) for name, ok in right.items() if not ok}
    assert sum(right.values()) >= FLOORS[layout.name] - 1, wrong


@pytest.mark.parametrize("name", SIGNS_AND_ACCENTS)
def test_a_scan_gives_currency_signs_and_accented_letters(
    scanned: dict[str, Extraction], name: str
) -> None:
    truth = next(layout.truth for layout in CHOSEN if layout.name == name)
    right = fields_right(scanned[name], truth)
    assert [field for field in SIGNS_AND_ACCENTS[name] if not right[field]] == []


@pytest.mark.parametrize("layout", CHOSEN, ids=lambda layout: layout.name)
def test_a_scan_gives_its_totals_exactly(scanned: dict[str, Extraction], layout: Layout) -> None:
    got = scanned[layout.name]
    for name in ("tax_exclusive_total", "tax_total", "grand_total", "due_payable"):
        assert getattr(got, name) == layout.truth[name], name
