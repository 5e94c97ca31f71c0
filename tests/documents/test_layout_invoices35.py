"""Session 37 (invoices35): known misses of batch 48 (tests/documents/layouts_batch48.py) read
by a general rule, each fix's page read here. Every test failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents import extract
from clearlane.documents.models import Extraction
from tests.documents.layouts import read_page, write_batch
from tests.documents.layouts_batch48 import BATCH48

_WANTED = {"ar-factura-a-cuit-title", "pe-factura-export-fob"}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Extraction]:
    layouts = [layout for layout in BATCH48 if layout.name in _WANTED]
    paths = write_batch(Path(tmp_path_factory.mktemp("invoices35")), layouts)
    return {name: extract(path) for name, path in paths.items()}


def test_name_beside_its_caption_over_a_captioned_row(read: dict[str, Extraction]) -> None:
    """AFIP's receiver box: 'Razón Social:  Distribuidora del Litoral S.A.' over 'CUIT: …
    Condición frente al IVA: …': the name beside the caption, the row under it a detail."""
    assert read["ar-factura-a-cuit-title"].buyer_name == "Distribuidora del Litoral S.A."


def test_name_beside_its_caption_over_a_captioned_row_elsewhere(tmp_path: Path) -> None:
    """The same reading on another page: an English 'Customer:' with its VAT row under it."""
    got = read_page(
        tmp_path,
        [(15, 10, "Harbour Tools Ltd", 12), (130, 10, "INVOICE", 14),
         (130, 18, "Invoice No.: HT-2210", 9), (130, 23, "Date: 2026-12-07", 9),
         (15, 40, "Customer:", 9), (40, 40, "Lakeside Hardware Pty Ltd", 9),
         (15, 45, "VAT No.: GB123456789   Terms: 30 days", 9),
         (110, 70, "Total: 1,200.00", 9)],
    )  # fmt: skip
    assert got.buyer_name == "Lakeside Hardware Pty Ltd"


def test_fob_value_over_a_tax_line_is_the_net_total(read: dict[str, Extraction]) -> None:
    """Peru's export factura: 'Valor FOB' over 'IGV 0% (exportación)' and 'Importe Total'."""
    got = read["pe-factura-export-fob"]
    assert got.tax_exclusive_total == "41520.00"
    assert got.grand_total == "41520.00"


def _fob_page(rows: list[tuple[str, str]]) -> list[tuple[float, float, str, float]]:
    texts = [(15.0, 10.0, "Andes Export S.A.", 12.0), (130.0, 10.0, "FACTURA", 14.0),
             (130.0, 18.0, "N° F001-00077", 9.0),
             (130.0, 23.0, "Fecha: 07/12/2026", 9.0)]  # fmt: skip
    for i, (label, value) in enumerate(rows):
        texts += [(110.0, 60.0 + i * 5, label, 9.0), (160.0, 60.0 + i * 5, value, 9.0)]
    return texts


def test_fob_value_with_freight_under_it_is_no_net_total(tmp_path: Path) -> None:
    """'Valor FOB' over 'Flete' and 'Seguro': the goods' sum before the charges, so not the
    tax-exclusive total (a tax line under them or not); without the charges it is read."""
    with_freight = read_page(
        tmp_path,
        _fob_page([("Valor FOB", "1,000.00"), ("Flete", "120.00"), ("IGV 0%", "0.00"),
                   ("Importe Total", "1,120.00")]),
    )  # fmt: skip
    assert with_freight.tax_exclusive_total is None
    plain = read_page(
        tmp_path,
        _fob_page(
            [("Valor FOB", "1,000.00"), ("IGV 0%", "0.00"), ("Importe Total", "1,000.00")]
        ),  # fmt: skip
    )
    assert plain.tax_exclusive_total == "1000.00"


def test_fob_value_without_a_tax_line_is_no_net_total(tmp_path: Path) -> None:
    """(guard) 'Valor FOB' straight over the total, no tax line: nothing says it is the taxed
    base."""
    got = read_page(tmp_path, _fob_page([("Valor FOB", "1,000.00"), ("Importe Total", "1,000.00")]))
    assert got.tax_exclusive_total is None


def _titled(title: str) -> list[tuple[float, float, str, float]]:
    return [(15, 10, "Tecnova Lda", 12), (120, 10, title, 14), (120, 18, "Data: 2026-12-07", 9),
            (15, 40, "Cliente:", 9), (15, 45, "Loja Porto Lda", 9),
            (110, 70, "Total: 1.200,00 €", 9)]  # fmt: skip


def test_series_code_and_number_in_the_title_run(tmp_path: Path) -> None:
    """'FATURA FT 2026A/55': Portugal's document code and its series/number after the title's
    word, the number only there: both, as 'N.º Doc. FT 2026A/318' is read."""
    assert read_page(tmp_path, _titled("FATURA FT 2026A/55")).invoice_number == "FT 2026A/55"


def test_number_word_in_the_title_run_is_no_series(tmp_path: Path) -> None:
    """(guard) 'INVOICE NO 2026/55': 'NO' is the number's word, not a series' code."""
    assert read_page(tmp_path, _titled("INVOICE NO 2026/55")).invoice_number == "2026/55"
