"""Generated invoices: real files of each kind, their truth, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clearlane.generate.documents import PLANTS, generate_documents


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    generate_documents(count=9, seed=3, out_dir=out)
    return out


def _truths(folder: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted(folder.glob("*.truth.json"))]


def test_every_kind_is_written_with_its_truth(folder: Path) -> None:
    truths = _truths(folder)
    assert len(truths) == 9
    assert {t["kind"] for t in truths} == {"facturx", "cii", "ubl", "text", "scan-png",
                                           "scan-pdf"}  # fmt: skip
    declared = {json.loads(line)["reference"] for line in
                (folder / "declarations.jsonl").read_text().splitlines()}  # fmt: skip
    for truth in truths:
        assert (folder / truth["file"]).stat().st_size > 500
        assert truth["declaration_reference"] in declared
        assert set(truth["planted"]) <= set(PLANTS)
        assert set(truth["planted"]) <= set(truth["may_raise"])
        total = sum(float(line["amount"]) for line in truth["line_items"])
        assert float(truth["tax_exclusive_total"]) == pytest.approx(total, abs=0.011)
    assert (folder / "index.csv").read_text().count("\n") == 10


def test_facturx_pdfs_carry_valid_en16931_xml(folder: Path) -> None:
    from facturx import get_flavor, get_level, get_xml_from_pdf
    from lxml import etree

    truth = next(t for t in _truths(folder) if t["kind"] == "facturx")
    name, xml = get_xml_from_pdf((folder / truth["file"]).read_bytes(), check_xsd=True)
    assert name == "factur-x.xml"
    root = etree.fromstring(xml)
    assert get_flavor(root) == "factur-x" and get_level(root) == "en16931"
    assert truth["invoice_number"].encode() in xml


def test_scans_have_no_text_layer_and_text_pdfs_do(folder: Path) -> None:
    import pdfplumber

    for truth in _truths(folder):
        if truth["kind"] not in ("scan-pdf", "text"):
            continue
        with pdfplumber.open(folder / truth["file"]) as pdf:
            text = pdf.pages[0].extract_text() or ""
        if truth["kind"] == "text":
            assert truth["invoice_number"] in text
        else:
            assert text.strip() == ""


def test_same_seed_same_documents(folder: Path, tmp_path: Path) -> None:
    generate_documents(count=9, seed=3, out_dir=tmp_path)
    for path in sorted(folder.iterdir()):
        other = tmp_path / path.name
        if (
            path.suffix == ".pdf"
            and '"facturx"' in (folder / (path.stem + ".truth.json")).read_text()
        ):
            continue  # factur-x stamps the time of embedding into the PDF/A metadata
        assert other.read_bytes() == path.read_bytes(), path.name
    changed = tmp_path / "other"
    generate_documents(count=9, seed=4, out_dir=changed)
    assert _truths(changed) != _truths(folder)


def test_cli_writes_documents(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from clearlane.cli import app

    done = CliRunner().invoke(
        app, ["documents", "generate", "--count", "3", "--seed", "2", "--out", str(tmp_path)]
    )
    assert done.exit_code == 0, done.output
    assert "wrote 3 documents" in done.output
    assert len(list(tmp_path.glob("*.truth.json"))) == 3
