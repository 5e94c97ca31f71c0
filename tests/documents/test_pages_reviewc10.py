"""Review c10: the page view's pixel bound against odd page boxes (rotated pages, a CropBox
smaller than the MediaBox, zero, negative or inverted boxes, a 1 x 100,000 point strip): each
is drawn within CLEARLANE_DOCUMENTS_PREVIEW_PIXELS or refused with PageImageError, never a
pdfium error (a 500 on the route)."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest

from clearlane.documents.extraction import Bounds
from clearlane.documents.pages import PageImageError, page_png


def pdf_page(page_keys: str) -> bytes:
    """A one-page PDF whose page dictionary has ``page_keys`` (its boxes, /Rotate)."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R {page_keys} >>",
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


def size(png: bytes) -> tuple[int, int]:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return image.size


BOUND = 1_000_000  # a small preview bound, so that an ordinary page already scales down
ODD_BOXES = {
    "rotated 90": "/MediaBox [0 0 3000 1000] /Rotate 90",
    "rotated 270": "/MediaBox [0 0 3000 1000] /Rotate 270",
    "rotated -90": "/MediaBox [0 0 3000 1000] /Rotate -90",
    "crop smaller": "/MediaBox [0 0 5000 5000] /CropBox [100 100 1100 2100]",
    "crop larger": "/MediaBox [0 0 1000 1000] /CropBox [-4000 -4000 4000 4000]",
    "inverted": "/MediaBox [3000 3000 0 0]",
    "negative origin": "/MediaBox [-3000 -3000 0 0]",
    "strip 1 x 100000": "/MediaBox [0 0 1 100000]",
    "strip 100000 x 1": "/MediaBox [0 0 100000 1]",
    "strip rotated": "/MediaBox [0 0 1 100000] /Rotate 90",
    "tiny": "/MediaBox [0 0 0.01 0.01]",
    "zero width": "/MediaBox [0 0 0 1000]",
    "zero": "/MediaBox [0 0 0 0]",
    "inverted crop": "/MediaBox [0 0 2000 2000] /CropBox [1500 1500 500 500]",
    "huge crop of a small page": "/MediaBox [0 0 100 100] /CropBox [0 0 14400 14400]",
}


@pytest.mark.parametrize("keys", ODD_BOXES.values(), ids=ODD_BOXES.keys())
def test_an_odd_page_box_is_drawn_within_the_bound_or_refused(keys: str) -> None:
    bounds = replace(Bounds.configured(), preview_pixels=BOUND)
    try:
        png = page_png(pdf_page(keys), 1, bounds)
    except PageImageError:
        return
    width, height = size(png)
    assert width * height <= BOUND, (width, height)
    assert width >= 1 and height >= 1
