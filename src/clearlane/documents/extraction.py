"""Read an invoice file into an :class:`Extraction`.

Order of evidence: (a) a structured e-invoice (CII/UBL XML, bare or attached to a Factur-X /
ZUGFeRD / XRechnung PDF); (b) the PDF's text layer with word positions (pdfplumber); (c) OCR
of image-only pages and image files. A later source only fills fields the earlier left empty.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clearlane.documents.errors import ExtractionError
from clearlane.documents.layout import (
    Page,
    Word,
    credit_note_signs,
    group_runs,
    minor_units,
    net_not_gross,
    net_total_over_tax,
    no_us_vat_id,
    read_pages,
    total_from_words,
)
from clearlane.documents.models import HEADER_FIELDS, Extraction

MAX_BYTES = 20_000_000
# The defaults of the bounds below (the settings CLEARLANE_DOCUMENTS_MAX_*, clearlane.config).
MAX_PAGES = 20
MAX_PIXELS = 40_000_000
PREVIEW_PIXELS = 4_000_000  # an A2 page at the page view's 100 dpi; larger pages are scaled down
MAX_DECOMPRESSED_BYTES = 256 << 20
MAX_CONTENT_BYTES = 2 << 20
MAX_OBJECTS = 10_000
OCR_DPI = 150
# Pillow refuses an image of more than twice its MAX_IMAGE_PIXELS on opening (before ClearLane
# sees its size): "Image size (N pixels) exceeds limit of ...".
_PILLOW_PIXELS = re.compile(r"\((\d+) pixels\)")
REJECTED = "document rejected: "  # how the problem of a document over a bound begins


@dataclass(frozen=True)
class Bounds:
    """What an attached document may decode to; over a bound it is rejected, naming the bound
    and its setting, before anything that large is decoded, inflated or rendered."""

    pages: int = MAX_PAGES  # CLEARLANE_DOCUMENTS_MAX_PAGES
    pixels: int = MAX_PIXELS  # CLEARLANE_DOCUMENTS_MAX_PIXELS, per image or rendered page
    # CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES: all of a PDF's streams inflated, together
    decompressed_bytes: int = MAX_DECOMPRESSED_BYTES
    # CLEARLANE_DOCUMENTS_MAX_CONTENT_BYTES: the page contents and forms, inflated, together
    content_bytes: int = MAX_CONTENT_BYTES
    objects: int = MAX_OBJECTS  # CLEARLANE_DOCUMENTS_MAX_OBJECTS: 'N G obj' headers in a PDF
    # CLEARLANE_DOCUMENTS_PREVIEW_PIXELS: most pixels the page view draws a page at (scaled
    # down to fit); not a refusal: the page is shown smaller
    preview_pixels: int = PREVIEW_PIXELS

    @classmethod
    def configured(cls) -> Bounds:
        """The bounds of the settings (environment or ``.env``)."""
        from clearlane.config import get_settings

        settings = get_settings()
        return cls(
            pages=settings.documents_max_pages,
            pixels=settings.documents_max_pixels,
            decompressed_bytes=settings.documents_max_decompressed_bytes,
            content_bytes=settings.documents_max_content_bytes,
            objects=settings.documents_max_objects,
            preview_pixels=settings.documents_preview_pixels,
        )

    def objects_problem(self, data: bytes) -> str | None:
        """Why the PDF ``data`` is refused for its number of indirect objects (their headers,
        ``N G obj``, counted in its bytes up to one past the bound), None if within. pypdf and
        pdfminer each scan a PDF whose cross-reference table is missing or broken object by
        object (pdfminer's PDFXRefFallback parses every one): 30,000 fake objects in a 1 MB
        upload took 7.8 s of CPU to read, 500,000 in 19 MB over 200 s."""
        if data.count(b"obj") <= self.objects:  # every header holds "obj" (so does "endobj")
            return None
        found = 0
        for header in _OBJECT_HEADER.finditer(data):
            found += 1
            if found > self.objects:
                return (
                    f"{REJECTED}the PDF has more than {self.objects:,} objects (the header "
                    f"past the bound: object {int(header.group(1)):,} at byte "
                    f"{header.start():,}), over the bound of {self.objects:,} "
                    "(CLEARLANE_DOCUMENTS_MAX_OBJECTS)"
                )
        return None

    def pages_problem(self, pages: int, what: str = "the PDF") -> str | None:
        if pages <= self.pages:
            return None
        return (
            f"{REJECTED}{what} has {pages:,} pages, over the bound of {self.pages:,} "
            "(CLEARLANE_DOCUMENTS_MAX_PAGES)"
        )

    def pixels_problem(self, width: float, height: float, what: str = "image") -> str | None:
        """Why ``what`` of ``width`` x ``height`` pixels is refused (None if within)."""
        pixels = int(width) * int(height)
        if pixels <= self.pixels:
            return None
        return (
            f"{REJECTED}{what} of {pixels:,} pixels ({int(width):,} x {int(height):,}) "
            f"over the bound of {self.pixels:,} (CLEARLANE_DOCUMENTS_MAX_PIXELS)"
        )

    def decoding_problem(self, image: Any, what: str = "image") -> str | None:
        """Why the Pillow ``image`` (opened, not yet decoded) is refused for the memory its
        decoding takes (:data:`DECODING_BYTES_PER_PIXEL`), None if within the bound."""
        per_pixel = DECODING_BYTES_PER_PIXEL.get(image.format or "")
        width, height = image.size
        if per_pixel is None or width * height * per_pixel <= self.decompressed_bytes:
            return None
        return (
            f"{REJECTED}{what} ({image.format}, {width:,} x {height:,} pixels) decodes to "
            f"{width * height * per_pixel:,} bytes ({per_pixel} a pixel), over the bound of "
            f"{self.decompressed_bytes:,} (CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES)"
        )

    def pillow_problem(self, error: Exception, what: str = "image") -> str:
        """The rejection of an image Pillow refused on opening (DecompressionBombError)."""
        found = _PILLOW_PIXELS.search(str(error))
        size = f"{int(found.group(1)):,} pixels" if found else "more pixels than Pillow opens"
        return (
            f"{REJECTED}{what} of {size} over the bound of {self.pixels:,} "
            "(CLEARLANE_DOCUMENTS_MAX_PIXELS)"
        )


# An indirect object's header, "12 0 obj", as pypdf's and pdfminer's scans of a PDF whose
# cross-reference table is broken find them (whitespace is PDF's: NUL, tab, LF, FF, CR, space).
_OBJECT_HEADER = re.compile(
    rb"(?<![0-9])([0-9]{1,10})[\x00\t\n\f\r ]+[0-9]{1,5}[\x00\t\n\f\r ]+obj"
    rb"(?![^\x00\t\n\f\r /<>\[\]()%{}])"
)

# The bytes a pixel Pillow holds at its peak decoding a format, where that is far more than
# the image's own: a WEBP goes through libwebp's animation decoder (two RGBA canvases), then a
# copy of its frame, then the image (a 6,000 x 6,000 one, within the pixel bound: 557 MB).
# Counted against CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES: 16.7 Mpixels at the default.
DECODING_BYTES_PER_PIXEL = {"WEBP": 16}

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


def extract(path: str | Path, *, ocr: bool = True, bounds: Bounds | None = None) -> Extraction:
    """Extract an invoice from a file. Raises :class:`ExtractionError` naming the problem
    (``bounds``: by default the configured ones, :meth:`Bounds.configured`)."""
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
    return extract_bytes(data, str(path), ocr=ocr, bounds=bounds)


def extract_bytes(
    data: bytes, name: str, *, ocr: bool = True, bounds: Bounds | None = None
) -> Extraction:
    """:func:`extract` for bytes already read; ``name`` is used in errors and in the result."""
    started = time.perf_counter()
    bounds = bounds or Bounds.configured()
    if not data:
        raise ExtractionError(name, "the file is empty")
    if len(data) > MAX_BYTES:
        raise ExtractionError(name, f"the file is larger than {MAX_BYTES:,} bytes")
    try:
        result = _dispatch(data, name, ocr=ocr, bounds=bounds)
    except ExtractionError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged file can break any parser inside
        raise ExtractionError(
            name, f"the file cannot be read ({type(exc).__name__}: {exc})"
        ) from None
    result.file = Path(name).name
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def _dispatch(data: bytes, name: str, *, ocr: bool, bounds: Bounds) -> Extraction:
    kind = sniff(data)
    if kind == "pdf":
        result = _from_pdf(data, name, ocr=ocr, bounds=bounds)
    elif kind == "xml":
        from clearlane.documents.einvoice import read_einvoice

        found = read_einvoice(data, name)
        if found is None:
            raise ExtractionError(name, "the XML is neither a CII nor a UBL invoice")
        result = found
        result.pages = 1
    elif kind == "image":
        result = _from_image(data, name, ocr=ocr, bounds=bounds)
    else:
        raise ExtractionError(name, "not a PDF, an e-invoice XML or an image (PNG, JPEG, TIFF)")
    return result


def pdf_reader(data: bytes, name: str, bounds: Bounds) -> Any:
    """A pypdf reader of a PDF within ``bounds``: its page count, every image's pixels and all
    its streams inflated (page contents, fonts, images, attached files) checked before
    pdfminer, pdfium or the e-invoice reader decodes any of them. pdfminer inflates a content
    stream whole, without a bound (a 1 MB upload of zeros is a gigabyte); pypdf's own bound
    was 75 MB a stream, however many streams."""
    from pypdf import PdfReader, apply_configuration, get_configuration
    from pypdf.errors import LimitReachedError, PdfReadError, PyPdfError

    budget = bounds.decompressed_bytes
    _count_pypdf_inflation()
    if problem := bounds.objects_problem(data):
        raise ExtractionError(name, problem)
    if _object_streams_over(data, budget):
        raise ExtractionError(name, _object_stream_problem(budget))
    limits = dict.fromkeys(_PYPDF_OUTPUT_LIMITS, budget + 1)
    try:
        # The page tree may sit in an object stream, inflated to be read: bounded like the
        # streams (pypdf's own bound of 75 MB was reported as a corrupt PDF).
        with apply_configuration(get_configuration().with_overwrites(**limits)):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise ExtractionError(name, "the PDF is encrypted")
            pages = len(reader.pages)
    except ExtractionError:
        raise
    except LimitReachedError:
        raise ExtractionError(name, _object_stream_problem(budget)) from None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError,
            OSError) as exc:  # fmt: skip
        raise ExtractionError(name, f"the PDF is corrupt ({exc})") from None
    if pages == 0:
        raise ExtractionError(name, "the PDF has no pages")
    if problem := bounds.pages_problem(pages):
        raise ExtractionError(name, problem)
    _check_streams(reader, name, bounds)
    return reader


def _object_stream_problem(budget: int) -> str:
    return (
        f"{REJECTED}a compressed object stream inflates to more than {budget:,} bytes, "
        f"over the bound of {budget:,} (CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES)"
    )


_CHUNK = 1 << 16  # compressed bytes fed to zlib at a time
_INFLATED_CHUNK = 1 << 20  # the most zlib inflates at a time: what counting holds


def _inflate(chunks: Iterator[bytes | memoryview]) -> Iterator[bytes]:
    """The Flate data of ``chunks`` inflated, a MiB at most at a time (zlib.error if broken;
    whatever follows the end of the compressed data is ignored)."""
    inflater = zlib.decompressobj()
    for chunk in chunks:
        pending: bytes | memoryview = chunk
        while pending and not inflater.eof:
            out = inflater.decompress(pending, _INFLATED_CHUNK)
            pending = inflater.unconsumed_tail
            if out:
                yield out
        if inflater.eof:
            return
    while not inflater.eof and (out := inflater.decompress(b"", _INFLATED_CHUNK)):
        yield out


def _inflated_size(raw: bytes | memoryview, stages: int, limit: int) -> int:
    """How many bytes ``raw`` inflates to through ``stages`` Flate filters, counted a MiB at
    a time and dropped, stopping past ``limit``: pypdf builds a stream's output whole and then
    copies it, twice the bound held to reject it (586 MB at the 256 MiB default)."""
    view = memoryview(raw)
    chunks: Iterator[bytes | memoryview] = (
        view[at : at + _CHUNK] for at in range(0, len(view), _CHUNK)
    )
    for _ in range(stages):
        chunks = _inflate(chunks)
    size = 0
    for out in chunks:
        size += len(out)
        if size > limit:
            break
    return size


# A stream pypdf inflates while it opens the PDF (an object stream, which may hold the page
# tree; a cross-reference stream), its dictionary up to its data.
_PARSED_STREAM = re.compile(rb"/Type\s*/(?:ObjStm|XRef)(?![^\s/<>\[\]()])")
_STREAM_DATA = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
# An object stream's /Filter (a name or an array of names), and the names counted a MiB at a
# time (their abbreviations too): every stage of the chain is counted, not only the first
# (review k9: [/FlateDecode /LZWDecode] counted as its Flate stage, 20 MB of a 2 GiB chain,
# and pypdf then built it whole to its own bound, 353 MB; [/ASCII85Decode ...] not counted).
_FILTER_ENTRY = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_FILTER_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_COUNTED_FILTERS = {
    b"FlateDecode": "/FlateDecode", b"Fl": "/FlateDecode",
    b"LZWDecode": "/LZWDecode", b"LZW": "/LZWDecode",
    b"ASCIIHexDecode": "/ASCIIHexDecode", b"AHx": "/ASCIIHexDecode",
    b"ASCII85Decode": "/ASCII85Decode", b"A85": "/ASCII85Decode",
}  # fmt: skip


def _object_streams_over(data: bytes, budget: int) -> bool:
    """Whether the Flate- or LZW-compressed object and cross-reference streams of ``data`` (found in
    its bytes, as pypdf would inflate them whole to open it) inflate to more than ``budget``
    together, counted a MiB at a time: pypdf's own bound held twice the budget to reject one
    (569 MB at the 256 MiB default)."""
    total = 0
    seen: set[int] = set()
    for found in _PARSED_STREAM.finditer(data):
        start = data.rfind(b"obj", max(0, found.start() - 4096), found.start())
        data_at = _STREAM_DATA.search(data, found.end(), found.end() + 4096)
        if start < 0 or data_at is None or data_at.end() in seen:
            continue
        header = data[start : data_at.start()]
        entry = _FILTER_ENTRY.search(header)
        if b"endobj" in header or not entry:
            continue
        names = [_COUNTED_FILTERS.get(n) for n in _FILTER_NAME.findall(entry.group(1))]
        if not names or None in names:
            continue  # another filter: pypdf decodes it under its own bound
        seen.add(data_at.end())
        early = 0 if re.search(rb"/EarlyChange\s+0(?![0-9])", header) else 1
        view = memoryview(data)[data_at.end() :]
        try:
            for out in _decoded_chunks(view, [n for n in names if n], early):
                total += len(out)
                if total > budget:
                    break
        except (zlib.error, ValueError, binascii.Error):
            continue  # broken: pypdf says so, or reads it under its own bound
        if total > budget:
            return True
    return False


_LARGEST_FLATE_RATIO = 1032  # deflate's best: 258 bytes from a 2-bit code (a 1032:1 ratio)
_counting_installed = False
_counting_lock = threading.Lock()


def _count_pypdf_inflation() -> None:
    """pypdf's one Flate inflation (every stage of every stream it decodes: an object stream,
    a cross-reference stream, a stream of _check_streams) made to count the output first, a
    MiB at a time, and raise pypdf's LimitReachedError past its bound without building it.
    pypdf builds the output whole up to its bound, and copies it, before it raises: about
    twice the bound held. :func:`_object_streams_over` finds the streams in the file's bytes
    by patterns; one it does not recognise (deflated twice, "stream" in a string of its
    dictionary, a dictionary longer than it looks through, hex before Flate) reached pypdf's
    own bound (569 MB held for a 1.5 kB file at the 256 MiB default; review of guards7).
    Data that cannot inflate past the bound (1032 times its size) is not counted."""
    global _counting_installed
    with _counting_lock:  # two first documents at once must not wrap pypdf's function twice
        if _counting_installed:
            return
        _counting_installed = True
        import pypdf
        from pypdf import filters
        from pypdf.errors import LimitReachedError

        whole = getattr(filters, "_decompress_with_limit", None)
        get_configuration = getattr(pypdf, "get_configuration", None)
        if whole is None or get_configuration is None:
            return  # another pypdf: its own bound (about twice held) applies, as before
        filters._decompress_with_limit = _counted(  # type: ignore[assignment]
            whole, get_configuration, LimitReachedError
        )


def _counted(
    whole: Callable[[bytes], bytes],
    get_configuration: Callable[[], Any],
    limit_reached: type[Exception],
) -> Callable[[bytes], bytes]:
    """``whole`` (pypdf's inflation) counting its output first (see
    :func:`_count_pypdf_inflation`)."""

    def counted_first(data: bytes) -> bytes:
        limit = get_configuration().zlib_maximum_output_length
        if limit and len(data) * _LARGEST_FLATE_RATIO > limit:
            try:
                size = _inflated_size(data, 1, limit)
            except zlib.error:
                size = 0  # broken: pypdf's own decoding says so, or recovers what it can
            if size > limit:
                raise limit_reached(
                    f"Limit reached while decompressing: more than {limit:,} bytes (counted)."
                )
        return whole(data)

    return counted_first


# pypdf's bounds on one stream's decoding, set to what is left of the document's budget.
_PYPDF_OUTPUT_LIMITS = (
    "zlib_maximum_output_length", "lzw_maximum_output_length",
    "run_length_maximum_output_length", "jbig2_maximum_output_length",
    "brotli_maximum_output_length", "array_based_stream_maximum_output_length",
    "image_maximum_buffer_size", "stream_decoding_work_maximum_length",
)  # fmt: skip


def _page_contents(reader: Any) -> list[list[int]]:
    """The object numbers of each page's content streams, in the page's order."""
    from pypdf.generic import IndirectObject

    pages: list[list[int]] = []
    for page in reader.pages:
        found: list[int] = []
        contents = page.raw_get("/Contents") if "/Contents" in page else None
        if isinstance(contents, IndirectObject):
            found.append(contents.idnum)
            contents = contents.get_object()
        if isinstance(contents, list):
            found.extend(c.idnum for c in contents if isinstance(c, IndirectObject))
        pages.append(found)
    return pages


# An inline image's dictionary: BI, then its entries, up to ID (the data follows, unchecked).
_INLINE_IMAGE = re.compile(rb"(?<![^\s\[\]()<>{}/%])BI\s*(/.*?)\sID\s", re.DOTALL)
_INLINE_SIZE = re.compile(rb"/(W|Width|H|Height)\s+(\d{1,12})(?![\d.])")


def _inline_images_problem(content: bytes, bounds: Bounds) -> str | None:
    """Why an inline image (``BI ... ID ... EI``) of ``content`` is refused: pdfium decodes
    one to draw its page, to the pixels its dictionary declares."""
    for found in _INLINE_IMAGE.finditer(content):
        size = {"W": 0, "H": 0}
        for key, value in _INLINE_SIZE.findall(found.group(1)):
            size[key.decode()[0]] = int(value)
        if problem := bounds.pixels_problem(size["W"], size["H"], "an inline image"):
            return problem
    return None


# The abbreviated filter names, which pypdf 7 refuses outside inline images (DeprecationError)
# and pdfminer and pdfium read anywhere: a stream pypdf cannot decode went unchecked.
_ABBREVIATED_FILTERS = {
    "/Fl": "/FlateDecode", "/LZW": "/LZWDecode", "/AHx": "/ASCIIHexDecode",
    "/A85": "/ASCII85Decode", "/RL": "/RunLengthDecode", "/CCF": "/CCITTFaxDecode",
    "/DCT": "/DCTDecode",
}  # fmt: skip


def _spell_out_filters(stream: Any) -> None:
    """Rename ``stream``'s abbreviated filters (:data:`_ABBREVIATED_FILTERS`) in place."""
    from pypdf.generic import ArrayObject, NameObject

    filters = stream.get("/Filter")
    filters = filters.get_object() if filters is not None else None
    if isinstance(filters, NameObject) and filters in _ABBREVIATED_FILTERS:
        stream[NameObject("/Filter")] = NameObject(_ABBREVIATED_FILTERS[filters])
    elif isinstance(filters, ArrayObject) and any(f in _ABBREVIATED_FILTERS for f in filters):
        spelled = [NameObject(_ABBREVIATED_FILTERS.get(str(f), str(f))) for f in filters]
        stream[NameObject("/Filter")] = ArrayObject(spelled)


_LZW_CLEAR, _LZW_END = 256, 257


def _unlzw(chunks: Iterator[bytes | memoryview], early: int = 1) -> Iterator[bytes]:
    """The LZW data of ``chunks`` decoded (PDF's flavour: 9 to 12 bit codes, ``early`` its
    EarlyChange), a MiB at most at a time: the table holds at most 4,096 strings (~8 MB at
    worst), never the output. pypdf builds the output whole up to its bound (a 200 kB upload
    held 315 MB to be rejected at the 256 MiB default). ValueError if broken."""
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    width, bits, held = 9, 0, 0
    previous: bytes | None = None
    out: list[bytes] = []
    size = 0
    for chunk in chunks:
        for byte in bytes(chunk):
            bits = (bits << 8) | byte
            held += 8
            while held >= width:
                held -= width
                code = bits >> held
                bits &= (1 << held) - 1
                if code == _LZW_CLEAR:
                    del table[258:]
                    width, previous = 9, None
                    continue
                if code == _LZW_END:
                    if out:
                        yield b"".join(out)
                    return
                if code < len(table):
                    entry = table[code]
                    if previous is not None and len(table) < 4096:
                        table.append(previous + entry[:1])
                elif code == len(table) and previous is not None:
                    entry = previous + previous[:1]
                    table.append(entry)
                else:
                    raise ValueError(f"LZW code {code} not in its table of {len(table)}")
                previous = entry
                out.append(entry)
                size += len(entry)
                if size >= _INFLATED_CHUNK:
                    yield b"".join(out)
                    out, size = [], 0
                grown = len(table) + early
                width = 9 if grown < 512 else 10 if grown < 1024 else 11 if grown < 2048 else 12
    if out:
        yield b"".join(out)


def _unhex(chunks: Iterator[bytes | memoryview]) -> Iterator[bytes]:
    """ASCIIHexDecode of ``chunks``, one chunk at a time (up to ``>``)."""
    odd = b""
    for chunk in chunks:
        text, end, _ = bytes(chunk).partition(b">")
        digits = odd + re.sub(rb"\s+", b"", text)
        odd = digits[len(digits) // 2 * 2 :]
        yield bytes.fromhex(digits[: len(digits) // 2 * 2].decode("ascii"))
        if end:
            break
    if odd:
        yield bytes.fromhex((odd + b"0").decode("ascii"))


def _una85(chunks: Iterator[bytes | memoryview]) -> Iterator[bytes]:
    """ASCII85Decode of ``chunks``, one chunk at a time (up to ``~>``)."""
    rest = b""
    for chunk in chunks:
        text, end, _ = bytes(chunk).partition(b"~>")
        text = rest + re.sub(rb"\s+", b"", text).replace(b"z", b"!!!!!")
        whole = len(text) // 5 * 5
        rest = text[whole:]
        yield base64.a85decode(text[:whole])
        if end:
            break
    if rest:
        yield base64.a85decode(rest)


# The filters counted a MiB at a time (:func:`_decoded_size`), and the parameters allowed with
# them: a predictor only takes bytes away (a PNG row's tag), so the count is an upper bound.
_STREAMED_FILTERS = {"/FlateDecode", "/LZWDecode", "/ASCIIHexDecode", "/ASCII85Decode"}
_STREAMED_PARAMETERS = {"/Predictor", "/Colors", "/BitsPerComponent", "/Columns", "/EarlyChange"}


def _decoded_size(stream: Any, limit: int) -> int | None:
    """How many bytes ``stream`` decodes to (past ``limit``: stopped there), if its filters
    are all of :data:`_STREAMED_FILTERS` and its data decodes cleanly; None otherwise (pypdf
    decodes it, leniently). Decoded a MiB at a time and dropped."""
    filters = stream.get("/Filter")
    filters = filters.get_object() if filters is not None else None
    names = [filters] if isinstance(filters, str) else list(filters or [])
    if not names or not all(str(f) in _STREAMED_FILTERS for f in names):
        return None
    given = stream.get("/DecodeParms")
    given = given.get_object() if given is not None else None
    parameters = list(given) if isinstance(given, list) else [given] * len(names)
    parameters = [p.get_object() if p is not None else None for p in parameters]
    if any(p is not None and not isinstance(p, dict) for p in parameters):
        return None
    if any(set(map(str, p or {})) - _STREAMED_PARAMETERS for p in parameters):
        return None
    early = [int((p or {}).get("/EarlyChange", 1)) for p in parameters + [None] * len(names)]
    size = 0
    try:
        for out in _decoded_chunks(memoryview(stream._data), [str(n) for n in names], early):
            size += len(out)
            if size > limit:
                break
    except (zlib.error, ValueError, binascii.Error):
        return None
    return size


def _decoded_chunks(
    view: memoryview, names: list[str], early: int | list[int] = 1
) -> Iterator[bytes | memoryview]:
    """``view`` decoded through the filters ``names`` (of :data:`_STREAMED_FILTERS`, in
    order), a MiB at most at a time; ``early``: LZW's EarlyChange (one for all, or per
    filter)."""
    chunks: Iterator[bytes | memoryview] = (
        view[at : at + _CHUNK] for at in range(0, len(view), _CHUNK)
    )
    for at, name in enumerate(names):
        if name == "/FlateDecode":
            chunks = _inflate(chunks)
        elif name == "/LZWDecode":
            chunks = _unlzw(chunks, early if isinstance(early, int) else early[at])
        elif name == "/ASCIIHexDecode":
            chunks = _unhex(chunks)
        else:
            chunks = _una85(chunks)
    return chunks


def _check_streams(reader: Any, name: str, bounds: Bounds) -> None:
    """:class:`ExtractionError` for an image object of more pixels than ``bounds.pixels``,
    streams that inflate to more than ``bounds.decompressed_bytes`` together, or page contents
    and forms (what pdfminer parses, operator by operator: a MiB of text operators is some 12 s
    of CPU) that inflate to more than ``bounds.content_bytes`` together. Each stream is decoded
    with pypdf, bounded to what is left, and dropped: counted, not kept."""
    from pypdf import apply_configuration, get_configuration
    from pypdf.errors import LimitReachedError
    from pypdf.filters import decode_stream_data
    from pypdf.generic import IndirectObject, StreamObject

    budget = bounds.decompressed_bytes
    total = content = 0
    try:
        pages = _page_contents(reader)
    except Exception:  # noqa: BLE001 - a broken page tree: pdfminer says so
        pages = []
    contents = {number for numbers in pages for number in numbers}
    # The page contents and forms inflated (at most bounds.content_bytes together), read for
    # inline images once all are counted: a page's streams together, as pdfium reads them.
    kept: dict[int, bytes] = {}
    for generation, numbers in list(reader.xref.items()):
        for number in list(numbers):
            try:
                stream = reader.get_object(IndirectObject(number, generation, reader))
            except Exception:  # noqa: BLE001 - a broken object: the parsers that need it say so
                continue
            if not isinstance(stream, StreamObject):
                continue
            if stream.get("/Subtype") == "/Image":
                try:
                    width, height = int(stream.get("/Width", 0)), int(stream.get("/Height", 0))
                except (TypeError, ValueError):
                    width = height = 0
                if problem := bounds.pixels_problem(width, height, f"image object {number}"):
                    raise ExtractionError(name, problem)
            is_content = number in contents or stream.get("/Subtype") == "/Form"
            left = min(budget - total, bounds.content_bytes - content if is_content else budget)
            try:
                _spell_out_filters(stream)
                limits = dict.fromkeys(_PYPDF_OUTPUT_LIMITS, left + 1)
                counted = _decoded_size(stream, left) if not is_content else None
                if counted is not None:  # Flate, LZW, hex: counted a MiB at a time, not built
                    decoded, size = b"", counted
                elif stream.get("/Filter") in (None, []):
                    # unfiltered: pypdf 7.1 raises "Unsupported filter ()" and the stream
                    # went uncounted (an upload of 10 MB of page content for pdfminer)
                    decoded = stream._data
                    size = len(decoded)
                else:
                    with apply_configuration(get_configuration().with_overwrites(**limits)):
                        decoded = decode_stream_data(stream)
                    size = len(decoded)
                if is_content:
                    kept[number] = decoded
                del decoded
            except LimitReachedError:
                size = left + 1
            except Exception:  # noqa: BLE001 - undecodable: what reads it fails on its own
                continue
            total += size
            content += size if is_content else 0
            if content > bounds.content_bytes:
                raise ExtractionError(
                    name,
                    f"{REJECTED}its page contents inflate to more than "
                    f"{bounds.content_bytes:,} bytes (at object {number}), over the bound of "
                    f"{bounds.content_bytes:,} (CLEARLANE_DOCUMENTS_MAX_CONTENT_BYTES)",
                )
            if total > budget:
                raise ExtractionError(
                    name,
                    f"{REJECTED}its compressed streams inflate to more than "
                    f"{budget:,} bytes (at object {number}), over the bound of {budget:,} "
                    "(CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES)",
                )
    paged = {number for numbers in pages for number in numbers if number in kept}
    drawn = [b" ".join(kept[n] for n in numbers if n in kept) for numbers in pages]
    forms = [data for number, data in kept.items() if number not in paged]
    for data in drawn + forms:
        if problem := _inline_images_problem(data, bounds):
            raise ExtractionError(name, problem)


def _from_pdf(data: bytes, name: str, *, ocr: bool, bounds: Bounds) -> Extraction:
    from clearlane.documents.einvoice import pdf_attachments, read_einvoice

    reader = pdf_reader(data, name, bounds)
    pages = len(reader.pages)
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
    if problem := _xref_chain_problem(data):
        raise ExtractionError(name, problem)
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
        for number, image in _render(data, name, image_pages, bounds):
            read_pages([ocr_page(image, number)], result, state)
        total_from_words(result, state)
    if result.method != "xml":
        net_total_over_tax(result)
        net_not_gross(result)
        no_us_vat_id(result, text_pages)
        credit_note_signs(result)
        minor_units(result)
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


MAX_XREF_SECTIONS = 500  # pdfminer reads each section's /Prev in a recursive call


def _xref_chain_problem(data: bytes) -> str | None:
    """Why pdfminer cannot follow the PDF's cross-reference sections: a ``/Prev`` (or
    ``/XRefStm``) pointing back to a section already read, which pdfminer follows until
    Python's recursion limit ("maximum recursion depth exceeded"), or more sections than
    :data:`MAX_XREF_SECTIONS`. Read as pdfminer reads them, with a visited set; None when the
    chain ends, or breaks (pdfminer then rebuilds the table itself, or says what is wrong)."""
    from pdfminer.pdfdocument import PDFDocument, PDFXRef, PDFXRefStream
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import int_value

    parser = PDFParser(io.BytesIO(data))
    try:
        start = PDFDocument.find_xref(PDFDocument.__new__(PDFDocument), parser)
    except Exception:  # noqa: BLE001 - no startxref: pdfminer falls back to a scan
        return None
    read: list[int] = []
    pending = [start]
    while pending:
        at = pending.pop()
        if at in read:
            return (
                "the PDF is corrupt: its cross-reference sections loop (the section at byte "
                f"{read[-1]:,} points back to the one at byte {at:,})"
            )
        if len(read) >= MAX_XREF_SECTIONS:
            return (
                f"the PDF is corrupt: more than {MAX_XREF_SECTIONS} cross-reference sections "
                "(/Prev) chained"
            )
        read.append(at)
        try:
            parser.seek(at)
            parser.reset()
            position, token = parser.nexttoken()
            xref: Any
            if isinstance(token, int):  # a cross-reference stream (PDF 1.5)
                parser.seek(position)
                parser.reset()
                xref = PDFXRefStream()
            else:
                if token is parser.KEYWORD_XREF:
                    parser.nextline()
                xref = PDFXRef()
            xref.load(parser)
            trailer = xref.get_trailer()
            # pdfminer reads /XRefStm first, then /Prev
            pending.extend(int_value(trailer[key]) for key in ("Prev", "XRefStm") if key in trailer)
        except Exception:  # noqa: BLE001 - a broken section: pdfminer deals with it
            return None
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


def _render(
    data: bytes, name: str, numbers: list[int], bounds: Bounds
) -> Iterator[tuple[int, Any]]:
    """Each page of ``numbers`` rendered at :data:`OCR_DPI`, one at a time (one page image
    held at once, not all of them), its pixels checked before it is rendered."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ExtractionError(name, f"the PDF cannot be rendered ({exc})") from None
    from clearlane.documents.ocr import OCR_MAX_SIDE

    try:
        scale = OCR_DPI / 72
        for number in numbers:
            page = document[number - 1]
            width, height = page.get_size()
            what = f"page {number} at {OCR_DPI} dpi"
            if problem := bounds.pixels_problem(width * scale, height * scale, what):
                raise ExtractionError(name, problem)
            # no larger than OCR reads: a page over OCR_MAX_SIDE pixels at OCR_DPI is shrunk
            fit = min(scale, OCR_MAX_SIDE / max(width, height, 1))
            yield number, page.render(scale=fit).to_pil()
    finally:
        document.close()


def _draft_for_ocr(opened: Any) -> None:
    """A JPEG larger than OCR reads (:data:`~clearlane.documents.ocr.OCR_MAX_SIDE`) decoded
    at a scale of 1/2, 1/4 or 1/8 still at least that large, in grey (libjpeg's DCT scaling):
    a 40 Mpixel colour JPEG held 160 MB decoded whole, to be shrunk for OCR anyway."""
    if opened.format != "JPEG":
        return
    from clearlane.documents.ocr import OCR_MAX_SIDE

    width, height = opened.size
    if max(width, height) <= OCR_MAX_SIDE:
        return
    scale = OCR_MAX_SIDE / max(width, height)
    opened.draft("L", (max(1, int(width * scale)), max(1, int(height * scale))))


def _from_image(data: bytes, name: str, *, ocr: bool, bounds: Bounds) -> Extraction:
    """Every page's size is checked before any is decoded; then each page is decoded (OCR
    off: to check it can be), read and dropped, one at a time (all of them were held at once:
    a 1.1 MB TIFF of 20 pages within the bounds took 879 MB)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    unreadable = (UnidentifiedImageError, OSError, ValueError)
    state: dict[str, Any] = {}
    try:
        with Image.open(io.BytesIO(data)) as opened:
            if problem := bounds.pixels_problem(opened.width, opened.height):
                raise ExtractionError(name, problem)
            frames = getattr(opened, "n_frames", 1)
            if problem := bounds.pages_problem(frames, "the image"):
                raise ExtractionError(name, problem)
            if problem := bounds.decoding_problem(opened):
                raise ExtractionError(name, problem)
            for index in range(frames):
                opened.seek(index)
                # a TIFF's pages differ in size
                what = f"page {index + 1} of the image"
                if problem := bounds.pixels_problem(opened.width, opened.height, what):
                    raise ExtractionError(name, problem)
            result = Extraction(pages=frames)
            for index in range(frames):
                opened.seek(index)
                _draft_for_ocr(opened)
                image = ImageOps.exif_transpose(opened.convert("L"))
                if ocr:
                    from clearlane.documents.ocr import ocr_page

                    read_pages([ocr_page(image, index + 1)], result, state)
                del image
    except ExtractionError:
        raise
    except Image.DecompressionBombError as exc:  # over Pillow's own bound: refused on opening
        raise ExtractionError(name, bounds.pillow_problem(exc)) from None
    except unreadable as exc:
        raise ExtractionError(name, f"the image cannot be read ({exc})") from None
    if not ocr:
        return result
    total_from_words(result, state)
    net_total_over_tax(result)
    net_not_gross(result)
    no_us_vat_id(result)
    credit_note_signs(result)
    minor_units(result)
    result.method = "ocr" if result.evidence else None
    return result
