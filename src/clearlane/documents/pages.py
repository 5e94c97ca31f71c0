"""Page images of attached documents, for showing evidence boxes over them.

Bounded like the extraction (:class:`~clearlane.documents.extraction.Bounds`, the settings
CLEARLANE_DOCUMENTS_MAX_*): a page or an image that would decode to more pixels is refused
before it is rendered or decoded (a PDF page of 14,400 points square took half a minute and
gigabytes at the preview's resolution), and so is a PDF whose streams inflate past the bound or
hold a larger image (pdfium inflates and decodes what a page draws). Within the bounds, a page
is drawn at most CLEARLANE_DOCUMENTS_PREVIEW_PIXELS large (4 million by default), scaled down
to fit (session 24: a 4,500-point page within the bounds was drawn at 6,250 x 6,250 pixels,
330 MB of peak memory; 1.1 GB for a 9,000-point one under the largest pixel bound).
"""

from __future__ import annotations

import io
import math

from clearlane.documents.errors import ExtractionError
from clearlane.documents.extraction import REJECTED, Bounds, pdf_reader, sniff

PREVIEW_DPI = 100


IMAGE_BOX = (1240, 1754)  # an image file is shown at most this large (A4 at 150 dpi)


class PageImageError(ValueError):
    """No such page, or a file that is not a PDF or an image."""


def _pixels(width: float, height: float, scale: float) -> int:
    """The pixels pdfium renders a ``width`` x ``height`` point page into at ``scale`` (it
    rounds each side up)."""
    return math.ceil(width * scale) * math.ceil(height * scale)


def fitting_scale(width: float, height: float, scale: float, pixels: int) -> float:
    """``scale``, or the largest smaller one at which a ``width`` x ``height`` page renders
    to at most ``pixels`` pixels (the page view's bound: a large page is shown smaller, not
    refused)."""
    if _pixels(width, height, scale) <= pixels:
        return scale
    fit = math.sqrt(pixels / (width * height))  # width * height > 0: over the bound
    while _pixels(width, height, fit) > pixels:  # the sides' rounding up: a step or two
        fit *= 0.999
    return fit


def _thumbnail_box(width: int, height: int, pixels: int) -> tuple[int, int]:
    """The box an image of ``width`` x ``height`` is shown within: :data:`IMAGE_BOX`, smaller
    where the image scaled into it would have more than ``pixels`` pixels."""
    box_width, box_height = IMAGE_BOX
    shown = min(box_width / max(width, 1), box_height / max(height, 1), 1.0)
    if (width * shown) * (height * shown) <= pixels:
        return IMAGE_BOX
    factor = math.sqrt(pixels / ((width * shown) * (height * shown)))
    return max(1, math.floor(width * shown * factor)), max(1, math.floor(height * shown * factor))


def page_png(data: bytes, page: int, bounds: Bounds | None = None) -> bytes:
    """Page ``page`` (1-based) of a PDF or an image file as PNG bytes (``bounds``: by
    default the configured ones): a PDF page at :data:`PREVIEW_DPI`, an image within
    :data:`IMAGE_BOX`, either scaled down further to at most ``bounds.preview_pixels``
    (CLEARLANE_DOCUMENTS_PREVIEW_PIXELS)."""
    bounds = bounds or Bounds.configured()
    if not 1 <= page <= bounds.pages:
        raise PageImageError(f"page must be between 1 and {bounds.pages}")
    kind = sniff(data)
    if kind == "pdf":
        import pypdfium2 as pdfium

        try:
            pdf_reader(data, "", bounds)
        except ExtractionError as exc:
            # Over a bound; or one the bounds cannot check (encrypted, or unreadable to pypdf),
            # which pdfium would decode unchecked (an encrypted 1 MB upload inflating to 1 GiB
            # took 2.1 GB to render): its extraction failed on the same reader.
            if exc.problem.startswith(REJECTED):
                raise PageImageError(f"too large to show: {exc.problem}") from None
            raise PageImageError(f"the PDF cannot be shown: {exc.problem}") from None
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise PageImageError(f"the PDF cannot be rendered ({exc})") from None
        try:
            if page > len(document):
                raise PageImageError(f"the PDF has {len(document)} page(s)")
            pdf_page = document[page - 1]
            scale = PREVIEW_DPI / 72
            width, height = pdf_page.get_size()
            what = f"page {page} at {PREVIEW_DPI} dpi"
            if problem := bounds.pixels_problem(width * scale, height * scale, what):
                raise PageImageError(f"too large to show: {problem}")
            scale = fitting_scale(width, height, scale, bounds.preview_pixels)
            image = pdf_page.render(scale=scale).to_pil()
        finally:
            document.close()
    elif kind == "image":
        from PIL import Image

        try:
            with Image.open(io.BytesIO(data)) as opened:
                frames = getattr(opened, "n_frames", 1)
                if problem := bounds.pages_problem(frames, "the image"):  # as the extraction
                    raise PageImageError(f"too large to show: {problem}")
                if page > frames:
                    raise PageImageError("the image has fewer pages")
                opened.seek(page - 1)
                # The size of the page asked for: a TIFF's pages differ, and Pillow checks only
                # the first one's on opening.
                if problem := bounds.pixels_problem(opened.width, opened.height):
                    raise PageImageError(f"too large to show: {problem}")
                if problem := bounds.decoding_problem(opened):
                    raise PageImageError(f"too large to show: {problem}")
                box = _thumbnail_box(opened.width, opened.height, bounds.preview_pixels)
                opened.draft("L", box)  # a JPEG decoded at the scale shown
                image = opened.convert("L")
                image.thumbnail(box)
        except Image.DecompressionBombError as exc:  # over Pillow's own bound: refused on opening
            raise PageImageError(f"too large to show: {bounds.pillow_problem(exc)}") from None
        except PageImageError:
            raise
        except Exception as exc:  # noqa: BLE001 - Pillow's plugins raise ValueError (a text
            # chunk inflating past MAX_TEXT_CHUNK), SyntaxError, struct.error...: never a 500
            raise PageImageError(f"the image cannot be read ({exc})") from None
    else:
        raise PageImageError("only PDFs and images have page images")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
