"""Read an invoice file into an :class:`Extraction`.

Order of evidence: (a) a structured e-invoice (CII/UBL XML, bare or attached to a Factur-X /
ZUGFeRD / XRechnung PDF); (b) the PDF's text layer with word positions (pdfplumber); (c) OCR
of image-only pages and image files. A later source only fills fields the earlier left empty.
"""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

from clearlane.documents.errors import ExtractionError
from clearlane.documents.layout import (
    Page,
    Word,
    credit_note_signs,
    group_runs,
    net_total_over_tax,
    read_pages,
    total_from_words,
)
from clearlane.documents.models import HEADER_FIELDS, Extraction

MAX_BYTES = 20_000_000
MAX_PAGES = 20
MAX_PIXELS = 40_000_000
OCR_DPI = 150
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def sniff(data: bytes) -> str:
    """'pdf', 'xml', 'image' or 'unknown' from the first bytes."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "xml"
    return "unknown"


def extract(path: str | Path, *, ocr: bool = True) -> Extraction:
    """Extract an invoice from a file. Raises :class:`ExtractionError` naming the problem."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExtractionError(str(path), exc.strerror or str(exc)) from None
    if size > MAX_BYTES:
        raise ExtractionError(str(path), f"the file is larger than {MAX_BYTES:,} bytes ({size:,})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractionError(str(path), exc.strerror or str(exc)) from None
    return extract_bytes(data, str(path), ocr=ocr)


def extract_bytes(data: bytes, name: str, *, ocr: bool = True) -> Extraction:
    """:func:`extract` for bytes already read; ``name`` is used in errors and in the result."""
    started = time.perf_counter()
    if not data:
        raise ExtractionError(name, "the file is empty")
    if len(data) > MAX_BYTES:
        raise ExtractionError(name, f"the file is larger than {MAX_BYTES:,} bytes")
    try:
        result = _dispatch(data, name, ocr=ocr)
    except ExtractionError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged file can break any parser inside
        raise ExtractionError(
            name, f"the file cannot be read ({type(exc).__name__}: {exc})"
        ) from None
    result.file = Path(name).name
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def _dispatch(data: bytes, name: str, *, ocr: bool) -> Extraction:
    kind = sniff(data)
    if kind == "pdf":
        result = _from_pdf(data, name, ocr=ocr)
    elif kind == "xml":
        from clearlane.documents.einvoice import read_einvoice

        found = read_einvoice(data, name)
        if found is None:
            raise ExtractionError(name, "the XML is neither a CII nor a UBL invoice")
        result = found
        result.pages = 1
    elif kind == "image":
        result = _from_image(data, name, ocr=ocr)
    else:
        raise ExtractionError(name, "not a PDF, an e-invoice XML or an image (PNG, JPEG, TIFF)")
    return result


def _from_pdf(data: bytes, name: str, *, ocr: bool) -> Extraction:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from clearlane.documents.einvoice import pdf_attachments, read_einvoice

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ExtractionError(name, "the PDF is encrypted")
        pages = len(reader.pages)
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise ExtractionError(name, f"the PDF is corrupt ({exc})") from None
    if pages == 0:
        raise ExtractionError(name, "the PDF has no pages")
    if pages > MAX_PAGES:
        raise ExtractionError(name, f"the PDF has {pages} pages; at most {MAX_PAGES} are read")
    result = Extraction(pages=pages)
    for filename, xml in pdf_attachments(reader):
        try:
            found = read_einvoice(xml, f"{name} (attachment {filename})")
        except ExtractionError:
            continue  # a broken attachment: fall back to the page content
        if found is not None:
            result = found
            result.pages = pages
            break
    text_pages, image_pages = _text_layer(data, name)
    if result.method == "xml":
        locate(result, text_pages)
    if _complete(result):
        return result
    state: dict[str, Any] = {}
    read_pages(text_pages, result, state)
    total_from_words(result, state)  # (a total in words, when no page printed it in figures)
    if image_pages and ocr and not _complete(result):
        from clearlane.documents.ocr import ocr_page

        state.pop("words_total", None)
        for number, image in _render(data, name, image_pages):
            read_pages([ocr_page(image, number)], result, state)
        total_from_words(result, state)
    if result.method != "xml":
        net_total_over_tax(result)
        credit_note_signs(result)
    result.method = result.method or _first_source(result)
    return result


def locate(result: Extraction, pages: list[Page]) -> None:
    """Give XML-read values the page and box where the PDF's text layer shows the same value
    (the source stays 'xml'), so the officer sees them highlighted like the text layer's."""
    shown = read_pages(pages, Extraction())

    def agree(mine: str | None, theirs: str | None) -> bool:
        return mine is not None and theirs is not None and mine.lower() == theirs.lower()

    for key, proof in list(result.evidence.items()):
        if proof.box is not None or key not in shown.evidence:
            continue
        if key.startswith("line_items["):
            index, _, field = key[len("line_items[") :].partition("].")
            position = int(index)
            if position >= len(shown.line_items) or position >= len(result.line_items):
                continue
            mine = getattr(result.line_items[position], field)
            theirs = getattr(shown.line_items[position], field)
        else:
            mine, theirs = getattr(result, key), getattr(shown, key)
        if agree(mine, theirs):
            found = shown.evidence[key]
            proof.page, proof.box = found.page, found.box


def _complete(result: Extraction) -> bool:
    return bool(result.line_items) and all(
        getattr(result, f) is not None for f in HEADER_FIELDS if f != "seller_vat_id"
    )


def _first_source(result: Extraction) -> Any:
    sources = [e.source for e in result.evidence.values()]
    for source in ("xml", "text", "ocr"):
        if source in sources:
            return source
    return None


def _text_layer(data: bytes, name: str) -> tuple[list[Page], list[int]]:
    """Pages with a text layer as positioned words; the numbers of pages without one."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    pages: list[Page] = []
    images: list[int] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                raw = page.extract_words(keep_blank_chars=False, use_text_flow=False)
                words = [
                    Word(w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]),
                         float(w["bottom"]))
                    for w in raw
                ]  # fmt: skip
                if len(words) < 3:
                    images.append(number)
                    continue
                pages.append(
                    Page(
                        number=number,
                        width=float(page.width),
                        height=float(page.height),
                        words=words,
                        runs=group_runs(words),
                        source="text",
                    )  # fmt: skip
                )
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise ExtractionError(name, f"the PDF's pages cannot be read ({exc})") from None
    return pages, images


def _render(data: bytes, name: str, numbers: list[int]) -> list[tuple[int, Any]]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ExtractionError(name, f"the PDF cannot be rendered ({exc})") from None
    try:
        images = []
        for number in numbers:
            page = document[number - 1]
            width, height = page.get_size()
            scale = OCR_DPI / 72
            if width * height * scale * scale > MAX_PIXELS:
                raise ExtractionError(name, f"page {number} is too large to OCR")
            images.append((number, page.render(scale=scale).to_pil()))
        return images
    finally:
        document.close()


def _from_image(data: bytes, name: str, *, ocr: bool) -> Extraction:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.width * opened.height > MAX_PIXELS:
                raise ExtractionError(
                    name, f"the image has {opened.width}x{opened.height} pixels; at most "
                    f"{MAX_PIXELS:,} are read",
                )  # fmt: skip
            frames = getattr(opened, "n_frames", 1)
            if frames > MAX_PAGES:
                raise ExtractionError(name, f"the image has {frames} pages; at most {MAX_PAGES}")
            images = []
            for index in range(frames):
                opened.seek(index)
                if opened.width * opened.height > MAX_PIXELS:  # a TIFF's pages differ in size
                    raise ExtractionError(
                        name, f"page {index + 1} of the image has {opened.width}x"
                        f"{opened.height} pixels; at most {MAX_PIXELS:,} are read",
                    )  # fmt: skip
                images.append(ImageOps.exif_transpose(opened.convert("L")))
    except ExtractionError:
        raise
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError) as exc:
        raise ExtractionError(name, f"the image cannot be read ({exc})") from None
    result = Extraction(pages=len(images))
    if not ocr:
        return result
    from clearlane.documents.ocr import ocr_page

    state: dict[str, Any] = {}
    for number, image in enumerate(images, start=1):
        read_pages([ocr_page(image, number)], result, state)
    total_from_words(result, state)
    net_total_over_tax(result)
    credit_note_signs(result)
    result.method = "ocr" if result.evidence else None
    return result
