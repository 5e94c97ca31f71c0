"""Invoice extraction on generated documents: XML, text layer, OCR, and bad files."""

from __future__ import annotations

import importlib
import io
import socket
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.documents import ExtractionError, extract
from clearlane.documents.extraction import Bounds
from clearlane.documents.models import HEADER_FIELDS
from clearlane.generate.documents import DocumentsSummary
from tests.documents.conftest import truths

runner = CliRunner()
# The module, not the function the package exports under the same name.
extract_module = importlib.import_module("clearlane.documents.extraction")


@pytest.mark.parametrize("kind", ["facturx", "cii", "ubl", "text"])
def test_structured_and_text_documents_are_read_exactly(
    documents: DocumentsSummary, kind: str
) -> None:
    cases = [t for t in truths(documents.out_dir) if t["kind"] == kind]
    assert cases
    for truth in cases:
        got = extract(documents.out_dir / truth["file"])
        for name in HEADER_FIELDS:
            assert getattr(got, name) == truth[name], (truth["file"], name)
        assert [line.model_dump() for line in got.line_items] == truth["line_items"]
        expected = "text" if kind == "text" else "xml"
        assert got.method == expected
        assert {e.source for e in got.evidence.values()} == {expected}
        if kind in ("facturx", "text"):  # XML values are located on the PDF page too
            assert got.evidence["grand_total"].page == 1
            assert got.evidence["grand_total"].box is not None


def test_text_evidence_points_at_the_value_on_the_page(documents: DocumentsSummary) -> None:
    import pdfplumber

    truth = next(t for t in truths(documents.out_dir) if t["kind"] == "text")
    path = documents.out_dir / truth["file"]
    got = extract(path)
    evidence = got.evidence["invoice_number"]
    assert evidence.page == 1 and evidence.box is not None
    x0, y0, x1, y1 = evidence.box
    assert 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        inside = page.crop(
            (x0 * page.width - 1, y0 * page.height - 1, x1 * page.width + 1, y1 * page.height + 1)
        ).extract_text()
    assert truth["invoice_number"] in inside
    assert f"line_items[{len(truth['line_items']) - 1}].amount" in got.evidence


def test_ocr_reads_a_scan_with_the_wheel_models_and_no_network(
    documents: DocumentsSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rapidocr
    import rapidocr_onnxruntime

    from clearlane.documents import ocr

    models = Path(rapidocr_onnxruntime.__file__).parent / "models"
    assert sorted(p.suffix for p in models.iterdir() if p.is_file()) == [".onnx"] * 3
    v6 = Path(rapidocr.__file__).parent / "models"
    assert {"PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx"} <= {p.name for p in v6.iterdir()}

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("OCR tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    ocr._engine.cache_clear()  # load the models with the network refused too
    assert ocr._engine().name == "PP-OCRv6"
    truth = next(t for t in truths(documents.out_dir) if t["kind"] == "scan-png")
    got = extract(documents.out_dir / truth["file"])
    assert got.method == "ocr"
    for name in ("invoice_number", "currency", "grand_total", "tax_total", "seller_country"):
        assert getattr(got, name) == truth[name], name
    assert [line.amount for line in got.line_items] == [
        line["amount"] for line in truth["line_items"]
    ]
    ocr = got.evidence["grand_total"]
    assert ocr.source == "ocr" and 0 < ocr.confidence <= 1 and ocr.box is not None


def test_ocr_falls_back_to_the_older_models_when_rapidocr_does_not_load(
    documents: DocumentsSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearlane.documents import ocr

    monkeypatch.setitem(sys.modules, "rapidocr", None)  # as if the wheel were missing
    ocr._engine.cache_clear()
    try:
        assert ocr._engine().name == "PP-OCRv4"
        truth = next(t for t in truths(documents.out_dir) if t["kind"] == "scan-png")
        got = extract(documents.out_dir / truth["file"])
        assert got.method == "ocr"
        assert (got.invoice_number, got.grand_total) == (
            truth["invoice_number"],
            truth["grand_total"],
        )
    finally:
        ocr._engine.cache_clear()


def test_deskew_finds_the_turn_of_a_rotated_page() -> None:
    import numpy as np
    from PIL import Image, ImageDraw

    from clearlane.documents.ocr import skew_angle

    image = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(image)
    for row in range(30):
        draw.rectangle((100, 100 + row * 45, 1000 - (row % 4) * 120, 118 + row * 45), fill=0)
    turned = image.rotate(2.5, expand=False, fillcolor=255)
    assert skew_angle(np.asarray(turned)) == pytest.approx(-2.5, abs=0.35)
    assert abs(skew_angle(np.asarray(image))) <= 0.2


def test_a_field_not_on_the_page_is_null_not_guessed(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 20, "COMMERCIAL INVOICE")
    pdf.text(20, 30, "Invoice No.:")
    pdf.text(70, 30, "A-1001")
    pdf.text(20, 40, "Nothing else is printed here.")
    path = tmp_path / "sparse.pdf"
    path.write_bytes(bytes(pdf.output()))
    got = extract(path)
    assert got.invoice_number == "A-1001"
    assert got.type_code == "380"
    for name in ("issue_date", "currency", "seller_name", "buyer_name", "grand_total"):
        assert getattr(got, name) is None
        assert name not in got.evidence
    assert got.line_items == []


def _encrypted(tmp_path: Path, source: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(source).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    out = tmp_path / "locked.pdf"
    buffer = io.BytesIO()
    writer.write(buffer)
    out.write_bytes(buffer.getvalue())
    return out


def test_bad_files_get_an_error_naming_the_file_and_the_problem(
    documents: DocumentsSummary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text_pdf = documents.out_dir / next(
        t["file"] for t in truths(documents.out_dir) if t["kind"] == "text"
    )
    notes = tmp_path / "notes.txt"
    notes.write_text("just some words\n")
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    entities = tmp_path / "bomb.xml"
    entities.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(text_pdf.read_bytes()[: text_pdf.stat().st_size // 2])
    other_xml = tmp_path / "other.xml"
    other_xml.write_text("<order><id>1</id></order>")
    cases = {
        notes: "not a PDF",
        corrupt: "corrupt",
        truncated: "corrupt",
        empty: "empty",
        entities: "entities",
        other_xml: "neither a CII nor a UBL",
        _encrypted(tmp_path, text_pdf): "encrypted",
        tmp_path / "missing.pdf": "No such file",
    }
    for path, problem in cases.items():
        with pytest.raises(ExtractionError) as caught:
            extract(path)
        assert str(path) in str(caught.value) and problem in str(caught.value), caught.value
    monkeypatch.setattr(extract_module, "MAX_BYTES", 100)
    with pytest.raises(ExtractionError, match="larger than 100 bytes"):
        extract(text_pdf)


def test_too_many_pages_is_refused(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(3):
        pdf.add_page()
    path = tmp_path / "long.pdf"
    path.write_bytes(bytes(pdf.output()))
    with pytest.raises(ExtractionError, match="has 3 pages, over the bound of 2"):
        extract(path, bounds=Bounds(pages=2))


def test_cli_prints_json_with_the_issue_names_and_errors_without_traceback(
    documents: DocumentsSummary, tmp_path: Path
) -> None:
    import json

    truth = next(t for t in truths(documents.out_dir) if t["kind"] == "facturx")
    done = runner.invoke(app, ["documents", "extract", str(documents.out_dir / truth["file"]),
                               "--json"])  # fmt: skip
    assert done.exit_code == 0, done.output
    printed = json.loads(done.stdout)
    assert set(HEADER_FIELDS) | {"line_items", "evidence"} <= set(printed)
    assert printed["grand_total"] == truth["grand_total"]
    assert printed["evidence"]["grand_total"]["source"] == "xml"
    bad = tmp_path / "photo.pdf"
    bad.write_bytes(b"not a pdf at all")
    done = runner.invoke(app, ["documents", "extract", str(bad)])
    assert done.exit_code == 2
    assert "photo.pdf" in done.output and "Traceback" not in done.output


def test_a_ubl_credit_note_is_read_with_its_type(
    documents: DocumentsSummary, tmp_path: Path
) -> None:
    truth = next(t for t in truths(documents.out_dir) if t["kind"] == "ubl")
    xml = (documents.out_dir / truth["file"]).read_text()
    credit = (
        xml.replace("xsd:Invoice-2", "xsd:CreditNote-2")
        .replace("<Invoice ", "<CreditNote ")
        .replace("</Invoice>", "</CreditNote>")
        .replace("cbc:InvoiceTypeCode>380<", "cbc:CreditNoteTypeCode>381<")
        .replace("</cbc:InvoiceTypeCode>", "</cbc:CreditNoteTypeCode>")
        .replace("cac:InvoiceLine>", "cac:CreditNoteLine>")
        .replace("cbc:InvoicedQuantity", "cbc:CreditedQuantity")
    )
    assert credit.count("CreditNote") >= 4
    path = tmp_path / "credit.xml"
    path.write_text(credit)
    got = extract(path)
    assert got.type_code == "381"
    assert got.grand_total == truth["grand_total"]
    assert [line.quantity for line in got.line_items] == [
        line["quantity"] for line in truth["line_items"]
    ]


def test_a_table_running_over_pages_is_read_whole(tmp_path: Path) -> None:
    """Page 2 has no header row: it continues page 1's table in the same columns."""
    from datetime import date
    from decimal import Decimal

    from clearlane.generate.documents import Invoice, money, render_pdf

    lines = [
        {
            "description": f"Spare part number {n} for pumps",
            "hs_code": "841391",
            "quantity": str(n + 1),
            "unit_code": "NAR",
            "unit_price": "12.5",
            "amount": money(Decimal(n + 1) * Decimal("12.5")),
        }
        for n in range(45)
    ]
    invoice = Invoice(
        invoice_number="MP-2500001", type_code="380", issue_date=date(2025, 1, 3),
        currency="EUR", seller_name="Atlas Pumps GmbH", seller_vat_id="DE123456789",
        seller_country="DE", seller_address="1 Harbour Road, Germany",
        buyer_name="Kade Supplies B.V.", buyer_country="NL",
        buyer_address="Industrieweg 2, Netherlands", incoterm="FCA DEHAM", lines=lines,
    )  # fmt: skip
    path = tmp_path / "long.pdf"
    path.write_bytes(render_pdf(invoice, 0))
    got = extract(path)
    assert got.pages >= 2
    assert [line.model_dump() for line in got.line_items] == invoice.truth()["line_items"]
    assert got.evidence["line_items[44].amount"].page == got.pages
    assert got.grand_total == money(invoice.grand_total)
