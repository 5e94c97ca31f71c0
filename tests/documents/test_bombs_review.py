"""Review of the documents bounds (guards6): hostile inputs built before reading the bounds'
implementation (tests/documents/hostile.py), each of which answered a 500 or read a bomb
past the bounds. Every file is built here, a few kB to a MB each."""

from __future__ import annotations

import io
import zlib

import pytest

from clearlane.documents import ExtractionError
from clearlane.documents.extraction import Bounds, extract_bytes
from clearlane.documents.pages import PageImageError, page_png
from tests.documents import hostile
from tests.documents.test_bombs import MiB, deflated_zeros, page_pdf, stream


def test_a_png_whose_text_chunk_inflates_past_pillows_bound_is_refused_not_a_500() -> None:
    """Pillow refuses a zTXt or iCCP chunk that inflates past its MAX_TEXT_CHUNK with a bare
    ValueError, which the page view did not catch (PageImageError and OSError only): a 500.
    The extraction already stored it as unreadable."""
    header = zlib.compress(b"\x00" * 110)
    bomb = hostile._png_chunk(b"zTXt", b"Comment\x00\x00" + deflated_zeros(2 * MiB))
    data = (
        b"\x89PNG\r\n\x1a\n"
        + hostile._png_chunk(b"IHDR", bytes.fromhex("0000000a0000000a0800000000"))
        + bomb
        + hostile._png_chunk(b"IDAT", header)
        + hostile._png_chunk(b"IEND", b"")
    )
    with pytest.raises(ExtractionError, match="the image cannot be read"):
        extract_bytes(data, "chunks.png", ocr=False)
    with pytest.raises(PageImageError, match="the image cannot be read"):
        page_png(data, 1)


def test_an_object_stream_past_pypdfs_own_bound_is_rejected_and_not_rendered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The page tree in an object stream padded to 96 MiB: pypdf stops at its own 75 MB a
    stream while reading the page tree, which was reported as a corrupt PDF; the page view
    then handed the PDF to pdfium unchecked, which inflated all of it (a 2 MB upload of this
    shape: 3.1 GB of memory)."""
    monkeypatch.setattr(hostile, "OBJSTM_MIB", 96)
    bomb = hostile.objstm_bomb()
    assert len(bomb) < 200_000
    bounds = Bounds(decompressed_bytes=64 * MiB)
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(bomb, "objstm.pdf", ocr=False, bounds=bounds)
    assert caught.value.problem == (
        "document rejected: a compressed object stream inflates to more than 67,108,864 "
        "bytes, over the bound of 67,108,864 (CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES)"
    )
    with pytest.raises(PageImageError, match="too large to show: document rejected"):
        page_png(bomb, 1, bounds)
    assert extract_bytes(bomb, "objstm.pdf", ocr=False).pages == 1  # within the default


def test_a_pdf_the_bounds_cannot_check_is_not_rendered() -> None:
    """An encrypted PDF (empty user password) whose page content inflates to 64 MiB: the
    bounds' reader refuses it as encrypted, and the page view handed it to pdfium unchecked,
    which decrypts and inflates it (1 GiB in a 1 MB upload: 2.1 GB of memory)."""
    from pypdf import PdfReader, PdfWriter

    bomb = page_pdf(stream(deflated_zeros(64 * MiB), "/Filter /FlateDecode"))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(bomb)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ExtractionError, match="the PDF is encrypted"):
        extract_bytes(out.getvalue(), "locked.pdf", ocr=False)
    with pytest.raises(PageImageError, match="cannot be shown: the PDF is encrypted"):
        page_png(out.getvalue(), 1)


def test_the_pages_of_an_image_are_decoded_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page of a TIFF was decoded and held before the first was read (and with OCR off
    too): 20 pages of 6,300 x 6,300, each within the bounds, in a 1.1 MB file took 879 MB.
    Each page is now decoded when it is read, and dropped."""
    import gc
    import weakref

    from PIL import Image

    from clearlane.documents import ocr
    from clearlane.documents.layout import Page

    held: list[weakref.ref[object]] = []

    def read(image: object, number: int) -> Page:
        gc.collect()
        assert all(ref() is None for ref in held), f"page {number}: earlier pages still held"
        held.append(weakref.ref(image))
        return Page(number=number, width=100, height=100, words=[], source="ocr")

    monkeypatch.setattr(ocr, "ocr_page", read)
    first, *rest = [Image.new("L", (100, 100), 255) for _ in range(4)]
    out = io.BytesIO()
    first.save(out, "TIFF", save_all=True, append_images=rest)
    assert extract_bytes(out.getvalue(), "scan.tif", ocr=True).pages == 4
    assert len(held) == 4


@pytest.mark.parametrize("filters", ["/Fl", "[/AHx /Fl]", "7 0 R"])
def test_a_bomb_behind_an_abbreviated_filter_name_is_rejected(filters: str) -> None:
    """pypdf 7 refuses the abbreviated names (/Fl, /AHx, /A85, /LZW, /RL, /CCF, /DCT) outside
    inline images, and an undecodable stream was skipped; pdfminer and pdfium read them: a
    page content of 512 MiB of zeros behind /Fl ran into a 120 s timeout in pdfminer and took
    1.1 GB in pdfium. (7 0 R: an indirect [/A85 /Fl].)"""
    import base64

    packed = zlib.compress(bytes(8 * MiB), 9)
    body = {
        "/Fl": packed,
        "[/AHx /Fl]": packed.hex().encode() + b">",
        "7 0 R": base64.a85encode(packed) + b"~>",
    }[filters]
    bomb = page_pdf(stream(body, f"/Filter {filters}"), extra=[b"1", b"2", b"[/A85 /Fl]"])
    with pytest.raises(ExtractionError, match="page contents inflate to more than 2,097,152"):
        extract_bytes(bomb, "short.pdf", ocr=False)
    with pytest.raises(PageImageError, match="too large to show"):
        page_png(bomb, 1)


def _inline(side: int, split: bool = False) -> bytes:
    """A page drawing an inline image of ``side`` x ``side`` grey pixels, all zeros deflated,
    in an uncompressed content stream (split: its BI dictionary and its ID in two streams of
    the page's /Contents array)."""
    from tests.documents.test_bombs import pdf_file

    head = f"q 500 0 0 700 40 60 cm BI /W {side} /H {side} /BPC 8 /CS /G /F /Fl".encode()
    tail = b"ID\n" + deflated_zeros(side * side) + b"\nEI Q"
    contents = [head, tail] if split else [head + b" " + tail]
    refs = " ".join(f"{4 + n} 0 R" for n in range(len(contents)))
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [{refs}] >>".encode(),
        *[stream(c) for c in contents],
    ])  # fmt: skip


@pytest.mark.parametrize("split", [False, True])
def test_an_inline_image_of_more_pixels_than_the_bound_is_rejected(split: bool) -> None:
    """Inline images (BI ... ID ... EI in a page's content) went unchecked: a 390 kB PDF
    drawing one of 20,000 x 20,000 took 826 MB in pdfium's page view (and so for OCR)."""
    bomb = _inline(8_000, split)  # 64,000,000 pixels
    assert len(bomb) < 100_000
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(bomb, "inline.pdf", ocr=False)
    assert caught.value.problem == (
        "document rejected: an inline image of 64,000,000 pixels (8,000 x 8,000) over the "
        "bound of 40,000,000 (CLEARLANE_DOCUMENTS_MAX_PIXELS)"
    )
    with pytest.raises(PageImageError, match="too large to show: document rejected: an inline"):
        page_png(bomb, 1)
    assert extract_bytes(_inline(600, split), "small.pdf", ocr=False).pages == 1


def test_unfiltered_streams_count_toward_the_bounds() -> None:
    """pypdf 7.1 raises "Unsupported filter ()" decoding a stream without /Filter that is
    under the bound left (one over it reaches pypdf's work limit first), and such a stream was
    skipped: page content in many uncompressed streams went to pdfminer unbounded (a MiB of
    text operators is some 12 s of CPU; a 10 MB upload, two minutes)."""
    from tests.documents.test_bombs import pdf_file

    text = b"BT /F1 12 Tf 72 712 Td (Invoice) Tj ET\n" * 800  # 31 kB, under 64 KiB
    pages = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 5 0 R 6 0 R] >>",
    ]
    bomb = pdf_file([*pages, stream(text), stream(text), stream(text)])
    with pytest.raises(ExtractionError, match="page contents inflate to more than 65,536"):
        extract_bytes(bomb, "plain.pdf", ocr=False, bounds=Bounds(content_bytes=64 << 10))
    unused = page_pdf(stream(b"q Q"), extra=[stream(text), stream(text), stream(text)])
    with pytest.raises(ExtractionError, match="compressed streams inflate to more than 65,536"):
        extract_bytes(unused, "fonts.pdf", ocr=False, bounds=Bounds(decompressed_bytes=64 << 10))
    assert extract_bytes(bomb, "ok.pdf", ocr=False, bounds=Bounds(content_bytes=128 << 10))


def test_the_page_view_refuses_an_image_of_more_pages_than_the_bound() -> None:
    """The extraction rejected a TIFF (or animated WEBP) of more pages than the bound, while
    the page view showed its first pages (a PDF's page count was checked there, an image's
    was not)."""
    from PIL import Image

    first, *rest = [Image.new("L", (10, 10), 255) for _ in range(21)]
    out = io.BytesIO()
    first.save(out, "TIFF", save_all=True, append_images=rest)
    with pytest.raises(ExtractionError, match="the image has 21 pages, over the bound of 20"):
        extract_bytes(out.getvalue(), "scan.tif", ocr=False)
    with pytest.raises(PageImageError, match="too large to show: document rejected: the image"):
        page_png(out.getvalue(), 1)
