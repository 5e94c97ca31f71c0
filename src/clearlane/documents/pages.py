"""Page images of attached documents, for showing evidence boxes over them.

Bounded like the extraction (:data:`~clearlane.documents.extraction.MAX_PIXELS`): a page or an
image that would decode to more pixels is refused before it is rendered or decoded (a PDF page
of 14,400 points square took half a minute and gigabytes at the preview's resolution).
"""

from __future__ import annotations

import io

from clearlane.documents.extraction import MAX_PAGES, MAX_PIXELS, sniff

PREVIEW_DPI = 100


class PageImageError(ValueError):
    """No such page, or a file that is not a PDF or an image."""


def page_png(data: bytes, page: int) -> bytes:
    """Page ``page`` (1-based) of a PDF or an image file as PNG bytes."""
    if not 1 <= page <= MAX_PAGES:
        raise PageImageError(f"page must be between 1 and {MAX_PAGES}")
    kind = sniff(data)
    if kind == "pdf":
        import pypdfium2 as pdfium

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
            if width * height * scale * scale > MAX_PIXELS:
                raise PageImageError(
                    f"page {page} is too large to show ({width:.0f} x {height:.0f} points; at "
                    f"most {MAX_PIXELS:,} pixels are rendered)"
                )
            image = pdf_page.render(scale=scale).to_pil()
        finally:
            document.close()
    elif kind == "image":
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(io.BytesIO(data)) as opened:
                if page > getattr(opened, "n_frames", 1):
                    raise PageImageError("the image has fewer pages")
                opened.seek(page - 1)
                # The size of the page asked for: a TIFF's pages differ, and Pillow checks only
                # the first one's on opening.
                if opened.width * opened.height > MAX_PIXELS:
                    raise PageImageError(
                        f"the image is too large ({opened.width} x {opened.height} pixels; at "
                        f"most {MAX_PIXELS:,} are shown)"
                    )
                image = opened.convert("L")
                image.thumbnail((1240, 1754))
        except Image.DecompressionBombError:  # over Pillow's own limit: refused on opening
            raise PageImageError(
                f"the image is too large (at most {MAX_PIXELS:,} pixels are shown)"
            ) from None
        except (UnidentifiedImageError, OSError) as exc:
            raise PageImageError(f"the image cannot be read ({exc})") from None
    else:
        raise PageImageError("only PDFs and images have page images")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
