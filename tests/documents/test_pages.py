"""Page images for the evidence overlay (:func:`clearlane.documents.pages.page_png`) are bounded
like the extraction's: an upload whose page or image would decode to more pixels than
:data:`~clearlane.documents.extraction.MAX_PIXELS` is refused with :class:`PageImageError`
(the route answers 404 naming it) before anything is rendered or decoded."""

from __future__ import annotations

import io
import struct
import zlib

import pytest

from clearlane.documents.extraction import MAX_PIXELS
from clearlane.documents.pages import PageImageError, page_png


def png(width: int, height: int) -> bytes:
    """A tiny PNG file that declares ``width`` x ``height`` pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 10))
        + chunk(b"IEND", b"")
    )


def pdf(width_pt: int, height_pt: int) -> bytes:
    """A one-page PDF whose page is ``width_pt`` x ``height_pt`` points."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width_pt} {height_pt}] >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    return out + f"startxref\n{xref}\n%%EOF\n".encode()


def test_a_normal_page_is_rendered() -> None:
    from PIL import Image

    image = io.BytesIO()
    Image.new("L", (40, 30)).save(image, format="PNG")
    assert page_png(pdf(612, 792), 1).startswith(b"\x89PNG")
    assert page_png(image.getvalue(), 1).startswith(b"\x89PNG")


@pytest.mark.parametrize("size", [(200_000, 200_000), (14_400, 14_400)])
def test_a_pdf_page_too_large_to_render_is_refused_before_rendering(size: tuple[int, int]) -> None:
    """200,000 pt square once raised MemoryError (a 500); 14,400 pt (the PDF maximum) took half
    a minute and gigabytes to render at the preview's 100 dpi."""
    with pytest.raises(PageImageError, match="too large"):
        page_png(pdf(*size), 1)


def test_an_image_bomb_is_refused_not_a_server_error() -> None:
    """Over Pillow's own limit (twice MAX_IMAGE_PIXELS) opening raised DecompressionBombError,
    which is neither OSError nor PageImageError: a 500 on the page-image route."""
    with pytest.raises(PageImageError, match="too large|cannot be read"):
        page_png(png(30_000, 30_000), 1)
    side = int(MAX_PIXELS**0.5) + 10  # under Pillow's limit, over ClearLane's
    with pytest.raises(PageImageError, match="too large"):
        page_png(png(side, side), 1)


def _tiff(*sizes: tuple[int, int]) -> bytes:
    """A multi-page TIFF of blank bilevel pages (small on disk, whatever their pixels)."""
    from PIL import Image

    first, *rest = [Image.new("1", size, 1) for size in sizes]
    out = io.BytesIO()
    first.save(out, format="TIFF", save_all=True, append_images=rest, compression="group4")
    return out.getvalue()


def test_a_large_later_page_of_an_image_is_refused_before_decoding() -> None:
    """Only the first page's size was checked: a TIFF's later page of any size was decoded."""
    side = int(MAX_PIXELS**0.5) + 10
    data = _tiff((100, 100), (side, side))
    assert page_png(data, 1)
    with pytest.raises(PageImageError, match="too large"):
        page_png(data, 2)


def test_a_large_later_page_of_an_image_is_not_extracted() -> None:
    """The extraction decoded every page of a TIFF whose first page was within bounds."""
    from clearlane.documents.extraction import ExtractionError, extract_bytes

    side = int(MAX_PIXELS**0.5) + 10
    with pytest.raises(ExtractionError, match="pixels"):
        extract_bytes(_tiff((100, 100), (side, side)), "scan.tif", ocr=False)


def _size(png_bytes: bytes) -> tuple[int, int]:
    from PIL import Image

    with Image.open(io.BytesIO(png_bytes)) as image:
        return image.size


def test_a_large_pdf_page_is_shown_scaled_down_within_the_preview_bound() -> None:
    """Session 24: a page within the document bound was rendered whole at 100 dpi: 4,500 pt
    square (62.5 inches) became 6,250 x 6,250 pixels and 330 MB of peak memory, and at the
    largest CLEARLANE_DOCUMENTS_MAX_PIXELS (178,956,970) a 9,000-pt page took 1.1 GB. The page
    view now draws at most CLEARLANE_DOCUMENTS_PREVIEW_PIXELS, scaled down to fit, aspect kept."""
    from clearlane.documents.extraction import Bounds

    width, height = _size(page_png(pdf(4_500, 4_500), 1))
    assert width * height <= Bounds().preview_pixels
    assert abs(width - height) <= 1 and width > 1_500
    bounds = Bounds(pixels=178_956_970, preview_pixels=1_000_000)
    width, height = _size(page_png(pdf(9_000, 3_000), 1, bounds))
    assert width * height <= 1_000_000 and width > 1_700
    assert abs(width / height - 3) < 0.01
    assert _size(page_png(pdf(612, 792), 1)) == (850, 1100)  # a letter page as before: 100 dpi


def test_a_large_image_is_shown_within_the_preview_bound() -> None:
    from PIL import Image

    from clearlane.documents.extraction import Bounds

    image = io.BytesIO()
    Image.new("L", (3_000, 2_000), 255).save(image, format="PNG")
    width, height = _size(page_png(image.getvalue(), 1, Bounds(preview_pixels=600_000)))
    assert width * height <= 600_000 and width > 900
