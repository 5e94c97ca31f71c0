"""OCR on scans of hand-written layouts (tests/documents/layouts.py): each page rasterised at
200 dpi, turned 0.5-1.5 degrees, blurred and speckled by the generator's render_scan.

OCR takes seconds a page, so five layouts of different conventions are read here; all 23 are
in benchmarks/documents.py. The floors are the fields each scan gave when it was written, less
one for a character OCR may read otherwise on another CPU. What the OCR model cannot give is
known and not asserted: '€' and '£' are not in its dictionary (no currency from them), nor are
accented letters ('Möbelhaus' is read 'Mobelhaus').
"""

from __future__ import annotations

import pytest

from clearlane.documents import extract
from clearlane.documents.models import Extraction
from tests.documents.layouts import FRESH, LATER, LAYOUTS, Layout, fields_right, write_scans

# Fields right (of 14: the 13 header fields and the line items) when this test was written.
FLOORS = {"us": 14, "de": 13, "jp-exporter": 14, "ch": 14, "pl-bilingual": 11}
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


@pytest.mark.parametrize("layout", CHOSEN, ids=lambda layout: layout.name)
def test_a_scan_gives_its_totals_exactly(scanned: dict[str, Extraction], layout: Layout) -> None:
    got = scanned[layout.name]
    for name in ("tax_exclusive_total", "tax_total", "grand_total", "due_payable"):
        assert getattr(got, name) == layout.truth[name], name
