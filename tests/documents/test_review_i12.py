"""Review of invoices23 (session 27, reviewi12): 'MT' after a weight is no metical, and the
tax-id labels' look-ahead ('VATIN', 'RTN', 'NIT' with the id after a colon) linear on a long
run of spaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents import extract
from clearlane.documents.layout import currency_sign, label_matches, parse_number
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_unseen2 import Sheet2


@pytest.mark.parametrize("text", ["25,000 MT", "25,000.000 MT", "173.500 MT", "500 MT"])
def test_metric_tonnes_after_a_figure_are_no_metical(text: str) -> None:
    assert currency_sign(text) is None
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["3.845.400,00 MT", "1,250.00 MT", "96 000,50 MT"])
def test_meticais_are_an_amount_to_the_centavo(text: str) -> None:
    assert currency_sign(text) == "MT"
    assert parse_number(text, decimal_mark=None) is not None


def _coal_invoice(seller: str, address: str) -> bytes:
    s = Sheet2()
    s.text(15, 10, seller, size=12, bold=True)
    _block(s, 15, 16, [address], size=7.5)
    s.text(130, 10, "COMMERCIAL INVOICE", size=12, bold=True)
    s.pairs(130, 17, [("Invoice No.:", "CX-26-0457"), ("Date:", "03/12/2026")], gap=26)
    s.text(15, 32, "Buyer:", size=9, bold=True)
    _block(s, 15, 37, ["Tata Steel Ltd", "Jamshedpur, Jharkhand, India"], size=8)
    y = _table(s, 54, [("Description", 15, 80, "L"), ("Quantity", 99, 30, "R"),
                       ("Price", 131, 26, "R"), ("Amount", 159, 36, "R")],
               [["Coking coal, FOB Nacala", "25,000 MT", "85.00", "2,125,000.00"]])  # fmt: skip
    _totals(s, 95, 155, y + 3, [("Total", "25,000 MT"), ("Total amount", "2,125,000.00")],
            width=40)  # fmt: skip
    return s.output()


@pytest.mark.parametrize(
    ("seller", "address"),
    [
        ("Carvão de Tete, Lda.", "Avenida Samora Machel 12, Tete, Mozambique"),
        ("Natal Coal Traders (Pty) Ltd", "12 Main Road, Durban, South Africa"),
    ],  # fmt: skip
)
def test_a_total_weight_in_tonnes_is_neither_the_total_nor_meticais(
    tmp_path: Path, seller: str, address: str
) -> None:
    path = tmp_path / "coal.pdf"
    path.write_bytes(_coal_invoice(seller, address))
    got = extract(path)
    assert got.grand_total == "2125000.00"
    assert got.currency != "MZN"


@pytest.mark.parametrize("label", ["VATIN", "VAT TIN", "RTN", "NINEA", "N° CC", "NUIT", "NIT",
                                   "RUC", "MST", "TIN"])  # fmt: skip
def test_a_tax_id_label_before_a_megabyte_of_spaces_is_read_in_linear_time(label: str) -> None:
    text = label + " " * 1_000_000 + "x"
    assert "vat" not in label_matches(text)  # no id follows: no tax-id label
    assert "vat" in label_matches(label + ": 12345678")


def test_the_batch_benchmark_compares_amounts_as_numbers() -> None:
    import importlib.util

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "documents_batches", root / "benchmarks" / "documents_batches.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.same_value("grand_total", "4620.000", "4620.00")
    assert bench.same_value("amount", "5000", "5000.00")
    assert not bench.same_value("grand_total", "4620.01", "4620.00")
    assert not bench.same_value("invoice_number", "0012", "12")  # an id stays text
    assert bench.same_value("seller_name", "ACME  Ltd", "acme ltd")


@pytest.mark.parametrize("run", [" ", ".", " ."])
@pytest.mark.parametrize("label", ["VAT", "Kwota VAT", "Bawas: VAT", "Sales Tax", "Total"])
def test_a_label_before_a_megabyte_of_spaces_or_a_dotted_leader_is_read_in_linear_time(
    label: str, run: str
) -> None:
    """A tax line's label has optional parts ('VAT' (run) '(' (run) '@' (run) '20 %'), each
    run of spaces or full stops beside the next: when the optional rate failed, every split of
    a long run was tried ('VAT' and 1,000 spaces: 19 CPU s; 300 dots of a leader: 0.7 s). The
    label is still read, and what follows is its value."""
    text = label + run * (1_000_000 // len(run)) + " 20.00"
    found = label_matches(text)
    assert found, text[:40]
    assert all(m.rest.endswith("20.00") for m in found.values())
    assert label_matches(label + " 20.00").keys() == found.keys()
