"""Decompression bombs attached to a declaration are rejected with a stored, visible reason
that names the bound (settings CLEARLANE_DOCUMENTS_MAX_*), before they are decoded, inflated
or rendered: an image that declares more pixels than the bound, a PDF whose streams inflate
past it (a page's content stream, an attached Factur-X XML), an image object of a PDF with
more pixels than the bound, a PDF of more pages than the bound. Every file is built here, a
few kB each."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.config import get_settings
from clearlane.documents import ExtractionError
from clearlane.documents.extraction import Bounds, extract, extract_bytes
from clearlane.documents.pages import PageImageError, page_png
from tests.documents.test_pages import png

MiB = 1 << 20


def pdf_file(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of ``objects`` (numbered from 1, bodies as written between obj and endobj)."""
    out = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\n".encode()
    return out + f"startxref\n{xref}\n%%EOF\n".encode()


def stream(data: bytes, entries: str = "") -> bytes:
    return f"<< {entries} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def deflated_zeros(size: int) -> bytes:
    """``size`` zero bytes deflated (about a thousandth of it), built a MiB at a time."""
    packer = zlib.compressobj(9)
    chunk = bytes(MiB)
    parts = [packer.compress(chunk) for _ in range(size // MiB)]
    return b"".join(parts) + packer.compress(bytes(size % MiB)) + packer.flush()


def page_pdf(contents: bytes, resources: str = "", extra: list[bytes] | None = None,
             names: str = "") -> bytes:  # fmt: skip
    """One A4 page drawing ``contents`` (object 4), then ``extra`` objects from 5 on."""
    return pdf_file([
        f"<< /Type /Catalog /Pages 2 0 R {names} >>".encode(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        f"/Resources << {resources} >> >>".encode(),
        contents,
        *(extra or []),
    ])  # fmt: skip


@pytest.fixture
def configured() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_an_image_declaring_billions_of_pixels_is_rejected_naming_the_bound() -> None:
    bomb = png(50_000, 50_000)  # 2,500,000,000 pixels, in under 100 bytes
    assert len(bomb) < 1024
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(bomb, "bomb.png", ocr=False)
    assert caught.value.problem == (
        "document rejected: image of 2,500,000,000 pixels over the bound of 40,000,000 "
        "(CLEARLANE_DOCUMENTS_MAX_PIXELS)"
    )
    with pytest.raises(ExtractionError, match=r"image of 49,000,000 pixels \(7,000 x 7,000\) "
                       "over the bound of 40,000,000"):  # fmt: skip
        extract_bytes(png(7_000, 7_000), "large.png", ocr=False)  # under Pillow's own bound
    with pytest.raises(PageImageError, match="2,500,000,000 pixels over the bound"):
        page_png(bomb, 1)


def test_a_content_stream_that_inflates_past_the_bound_is_rejected_before_pdfminer(
    monkeypatch: pytest.MonkeyPatch, configured: None
) -> None:
    """pdfminer inflates a page's content stream whole, with no bound of its own, and parses
    it operator by operator (a MiB of text operators: some 12 s of CPU)."""
    bomb = page_pdf(stream(deflated_zeros(256 * MiB), "/Filter /FlateDecode"))
    assert len(bomb) < 300_000  # 256 MiB of zeros
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(bomb, "bomb.pdf", ocr=False)
    assert caught.value.problem == (
        "document rejected: its page contents inflate to more than 2,097,152 bytes (at object "
        "4), over the bound of 2,097,152 (CLEARLANE_DOCUMENTS_MAX_CONTENT_BYTES)"
    )
    with pytest.raises(PageImageError, match="contents inflate to more than 2,097,152 bytes"):
        page_png(bomb, 1)
    monkeypatch.setenv("CLEARLANE_DOCUMENTS_MAX_CONTENT_BYTES", str(512 << 10))
    get_settings.cache_clear()
    text = b"BT /F1 12 Tf 72 712 Td (Invoice) Tj ET\n" * 15_000  # 585 kB
    over = page_pdf(stream(zlib.compress(text), "/Filter /FlateDecode"))
    with pytest.raises(ExtractionError, match="more than 524,288 bytes"):
        extract_bytes(over, "long.pdf", ocr=False)
    small = page_pdf(stream(zlib.compress(text[:40_000]), "/Filter /FlateDecode"))
    assert extract_bytes(small, "small.pdf", ocr=False).pages == 1


def test_other_streams_that_inflate_past_the_bound_are_rejected(
    monkeypatch: pytest.MonkeyPatch, configured: None
) -> None:
    """A stream no page draws (pdfium or pdfminer may still inflate it: a font, a form's
    resources) is bounded by the whole document's budget."""
    monkeypatch.setenv("CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES", str(8 * MiB))
    bomb = page_pdf(
        stream(b"q Q"), extra=[stream(deflated_zeros(64 * MiB), "/Filter /FlateDecode")]
    )
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(bomb, "bomb.pdf", ocr=False)
    assert caught.value.problem == (
        "document rejected: its compressed streams inflate to more than 8,388,608 bytes (at "
        "object 5), over the bound of 8,388,608 (CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES)"
    )


def test_streams_are_bounded_together_not_one_by_one() -> None:
    """Many streams each under the bound: their sum is."""
    parts = [stream(deflated_zeros(3 * MiB), "/Filter /FlateDecode") for _ in range(4)]
    bomb = page_pdf(stream(b"q Q"), extra=parts)
    with pytest.raises(ExtractionError, match="inflate to more than 10,485,760 bytes"):
        extract_bytes(bomb, "many.pdf", ocr=False, bounds=Bounds(decompressed_bytes=10 * MiB))
    assert extract_bytes(bomb, "many.pdf", ocr=False, bounds=Bounds(decompressed_bytes=13 * MiB))


def test_an_attached_factur_x_xml_that_inflates_past_the_bound_is_rejected() -> None:
    """An embedded file is a stream too: the XML attachment is not inflated past the bound
    (it was, to pypdf's 75 MB a stream, before the e-invoice reader refused it as too large
    and the extraction went on without it)."""
    xml = b"<?xml version='1.0'?><rsm:CrossIndustryInvoice>" + b" " * (32 * MiB)
    packer = zlib.compressobj(9)
    attached = packer.compress(xml) + packer.flush()
    bomb = page_pdf(
        stream(b"q Q"),
        extra=[
            b"<< /Type /Filespec /F (factur-x.xml) /UF (factur-x.xml) /EF << /F 6 0 R >> >>",
            stream(attached, "/Type /EmbeddedFile /Subtype /text#2Fxml /Filter /FlateDecode"),
        ],
        names="/Names << /EmbeddedFiles << /Names [(factur-x.xml) 5 0 R] >> >>",
    )
    with pytest.raises(ExtractionError, match="at object 6.*over the bound of 16,777,216"):
        extract_bytes(bomb, "facturx.pdf", ocr=False, bounds=Bounds(decompressed_bytes=16 * MiB))


def test_an_image_object_of_billions_of_pixels_is_rejected_before_rendering() -> None:
    """A JPEG image object declaring 50,000 x 50,000 pixels on an ordinary page: pdfium would
    decode it to draw the page for OCR or for the page view."""
    image = stream(
        b"\xff\xd8\xff\xd9",
        "/Type /XObject /Subtype /Image /Width 50000 /Height 50000 /ColorSpace /DeviceGray "
        "/BitsPerComponent 8 /Filter /DCTDecode",
    )
    bomb = page_pdf(stream(b"q 500 0 0 700 40 60 cm /Im0 Do Q"),
                    "/XObject << /Im0 5 0 R >>", extra=[image])  # fmt: skip
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(bomb, "scan.pdf", ocr=False)
    assert caught.value.problem == (
        "document rejected: image object 5 of 2,500,000,000 pixels (50,000 x 50,000) over the "
        "bound of 40,000,000 (CLEARLANE_DOCUMENTS_MAX_PIXELS)"
    )
    with pytest.raises(PageImageError, match="image object 5 of 2,500,000,000 pixels"):
        page_png(bomb, 1)


def test_a_pdf_of_many_pages_is_rejected_naming_the_bound(
    monkeypatch: pytest.MonkeyPatch, configured: None
) -> None:
    count = 1_000
    kids = " ".join(f"{n} 0 R" for n in range(3, 3 + count))
    pages = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * count
    tree = f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode()
    bomb = pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>", tree, *pages])
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(bomb, "long.pdf", ocr=False)
    assert caught.value.problem == (
        "document rejected: the PDF has 1,000 pages, over the bound of 20 "
        "(CLEARLANE_DOCUMENTS_MAX_PAGES)"
    )
    monkeypatch.setenv("CLEARLANE_DOCUMENTS_MAX_PAGES", "1000")
    get_settings.cache_clear()
    assert extract_bytes(bomb, "long.pdf", ocr=False).pages == count


def test_the_cli_exits_non_zero_with_one_line_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(png(50_000, 50_000))
    done = CliRunner().invoke(app, ["documents", "extract", str(path)])
    assert done.exit_code == 2
    lines = done.output.strip().splitlines()
    assert len(lines) == 1, done.output
    assert lines[0].startswith(f"error: {path}: document rejected: image of 2,500,000,000 pixels")
    with pytest.raises(ExtractionError, match="document rejected"):
        extract(path, ocr=False)


def test_the_settings_and_the_default_bounds_agree(configured: None) -> None:
    settings = get_settings()
    assert Bounds.configured() == Bounds()
    assert (settings.documents_max_pages, settings.documents_max_pixels) == (20, 40_000_000)


@pytest.mark.parametrize("broken", ["startxref", "offsets"])
def test_a_bomb_behind_a_broken_cross_reference_table_is_rejected(broken: str) -> None:
    """pdfminer finds objects by scanning when the cross-reference table is wrong; so does
    pypdf's repair, and the check sees the same stream."""
    import re

    bomb = page_pdf(stream(deflated_zeros(8 * MiB), "/Filter /FlateDecode"))
    if broken == "startxref":
        bomb = re.sub(rb"startxref\n\d+", b"startxref\n999999", bomb)
    else:
        bomb = re.sub(rb"\d{10} 00000 n", b"0000000009 00000 n", bomb)
    with pytest.raises(ExtractionError, match="page contents inflate to more than 2,097,152"):
        extract_bytes(bomb, "broken.pdf", ocr=False)
