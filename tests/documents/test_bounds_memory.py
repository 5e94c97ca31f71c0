"""Session 22, bounds: hostile documents are rejected (or read) without first holding what
they inflate or decode to, and with an error naming the file and what was wrong, never
pdfminer's RecursionError. Memory itself is measured by benchmarks/documents_hostile.py; these
check the order of the work (what reads the file before the bound is checked) and the errors."""

from __future__ import annotations

import io
import zlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.documents import ExtractionError
from clearlane.documents.extraction import Bounds, extract_bytes
from clearlane.documents.pages import PageImageError, page_png
from tests.documents import hostile
from tests.documents.test_bombs import MiB, deflated_zeros, page_pdf, stream


def _objstm_bomb(monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.setattr(hostile, "OBJSTM_MIB", 96)
    return hostile.objstm_bomb()


OBJSTM_PROBLEM = (
    "document rejected: a compressed object stream inflates to more than 67,108,864 bytes, "
    "over the bound of 67,108,864 (CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES)"
)


def test_an_object_stream_past_the_bound_is_rejected_before_pypdf_opens_the_pdf(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pypdf inflates an object stream whole to open the PDF (the page tree may be in it),
    then copies it: rejecting one at the 256 MiB default took 569 MB. The object streams are
    now counted a MiB at a time from the file's bytes before pypdf opens it."""
    import pypdf

    bomb = _objstm_bomb(monkeypatch)
    bounds = Bounds(decompressed_bytes=64 * MiB)

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("pypdf opened the PDF before its object streams were counted")

    monkeypatch.setattr(pypdf, "PdfReader", refuse)
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(bomb, "objstm.pdf", ocr=False, bounds=bounds)
    assert (caught.value.name, caught.value.problem) == ("objstm.pdf", OBJSTM_PROBLEM)
    with pytest.raises(PageImageError, match="too large to show: document rejected: a comp"):
        page_png(bomb, 1, bounds)


def _double_flate(size: int) -> bytes:
    """A page and, in an object no page draws, ``size`` zero bytes deflated twice."""
    twice = zlib.compress(deflated_zeros(size), 9)
    return page_pdf(stream(b"q Q"), extra=[stream(twice, "/Filter [/FlateDecode /FlateDecode]")])


def test_a_flate_stream_is_counted_without_being_inflated_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A stream of zeros deflated twice, in no page: pypdf built its output whole and then
    copied it to count it (570 MB to reject one at the 256 MiB default). Streams whose filters
    are all Flate are now counted a MiB at a time, not handed to pypdf's decoder."""
    from pypdf import filters

    decoded: list[Any] = []
    original = filters.decode_stream_data

    def recorded(stream: Any) -> Any:
        decoded.append(stream.get("/Filter"))
        return original(stream)

    monkeypatch.setattr(filters, "decode_stream_data", recorded)
    bounds = Bounds(decompressed_bytes=16 * MiB)
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(_double_flate(24 * MiB), "twice.pdf", ocr=False, bounds=bounds)
    assert caught.value.problem == (
        "document rejected: its compressed streams inflate to more than 16,777,216 bytes (at "
        "object 5), over the bound of 16,777,216 (CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES)"
    )
    assert decoded == [], "pypdf decoded a Flate stream to count it"
    # counted to the byte: a stream of exactly the bound is read, one byte more is not
    exact = Bounds(decompressed_bytes=4 * MiB + 3)  # (+3: the page's own "q Q")
    assert extract_bytes(_double_flate(4 * MiB), "exact.pdf", ocr=False, bounds=exact).pages == 1
    with pytest.raises(ExtractionError, match="compressed streams inflate to more than"):
        extract_bytes(_double_flate(4 * MiB + 1), "over.pdf", ocr=False, bounds=exact)


@pytest.mark.parametrize(
    ("build", "where"),
    [(hostile.prev_cycle, "the section at byte 274 points back to the one at byte 434"),
     (hostile.self_prev, "the section at byte 274 points back to the one at byte 274")],
)  # fmt: skip
def test_a_cross_reference_chain_that_loops_is_rejected_naming_it(build: Any, where: str) -> None:
    """A trailer whose /Prev points back to a section already read: pdfminer follows it until
    Python's recursion limit, and the document was stored as "the file cannot be read
    (PdfminerException: maximum recursion depth exceeded)". The sections are now followed
    with a visited set before pdfminer reads them. (The page view renders it: pdfium stops at
    the loop.)"""
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(build(), "prev.pdf", ocr=False)
    assert caught.value.problem == (
        f"the PDF is corrupt: its cross-reference sections loop ({where})"
    )
    assert page_png(build(), 1).startswith(b"\x89PNG")


def _stored(store: sessionmaker[Session], files: Path, name: str, data: bytes, kind: str) -> Any:
    """``data`` attached to a stored declaration and extracted as after an upload: the row."""
    from clearlane.casework import attach_document
    from clearlane.documents.service import queue_extraction, run_extraction
    from clearlane.ingest.pipeline import ingest_records
    from clearlane.store.files import FileStore
    from clearlane.store.tables import DocumentExtractionRow
    from tests.factories import declaration

    reference = f"HOSTILE-{name.replace('.', '-').upper()}"
    ingest_records([declaration(reference)], source="t", session_factory=store)
    with store() as session:
        document = attach_document(
            session, reference=reference, filename=name, content_type=kind, data=data,
            uploaded_by="t", files=FileStore(files),
        )  # fmt: skip
        queue_extraction(session, document)
        session.commit()
        document_id = document.id
    assert run_extraction(store, document_id, files, hs_check=None) == "failed"
    with store() as session:
        return session.scalars(
            select(DocumentExtractionRow).where(DocumentExtractionRow.document_id == document_id)
        ).one()


def test_a_rejected_document_is_stored_as_failed_with_its_reason_and_nothing_read(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upload, each hostile file's extraction is stored as 'failed' with the reason
    (no fields, pages or discrepancies stored), not pdfminer's RecursionError."""
    from clearlane.documents import extraction

    smaller = Bounds(decompressed_bytes=64 * MiB)
    monkeypatch.setattr(extraction.Bounds, "configured", classmethod(lambda cls: smaller))
    cases = {
        "objstm.pdf": (_objstm_bomb(monkeypatch), "application/pdf", OBJSTM_PROBLEM),
        "prev.pdf": (
            hostile.prev_cycle(), "application/pdf",
            "the PDF is corrupt: its cross-reference sections loop (the section at byte 274 "
            "points back to the one at byte 434)",
        ),
    }  # fmt: skip
    for name, (data, kind, problem) in cases.items():
        row = _stored(store, tmp_path / "files", name, data, kind)
        assert (row.status, row.error) == ("failed", problem), name
        assert (row.extraction, row.discrepancies, row.method, row.pages) == (None, None, None, 0)


def _webp(side: int) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (side, side), 255).save(out, "WEBP", lossless=True)
    return out.getvalue()


def test_a_webp_that_decodes_past_the_bound_is_rejected_before_it_is_decoded() -> None:
    """Pillow decodes a WEBP through libwebp's animation decoder, some 16 bytes a pixel at
    its peak: a 6,000 x 6,000 one, within the pixel bound, took 557 MB (594 MB in the page
    view). Its decoding is now counted against the decompression bound before it is decoded."""
    bounds = Bounds(decompressed_bytes=32 * MiB)
    problem = (
        "document rejected: image (WEBP, 2,000 x 2,000 pixels) decodes to 64,000,000 bytes "
        "(16 a pixel), over the bound of 33,554,432 (CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES)"
    )
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(_webp(2000), "big.webp", ocr=False, bounds=bounds)
    assert (caught.value.name, caught.value.problem) == ("big.webp", problem)
    with pytest.raises(PageImageError) as shown:
        page_png(_webp(2000), 1, bounds)
    assert str(shown.value) == f"too large to show: {problem}"
    assert extract_bytes(_webp(1400), "small.webp", ocr=False, bounds=bounds).pages == 1
    assert page_png(_webp(1400), 1, bounds).startswith(b"\x89PNG")


def test_a_page_larger_than_ocr_reads_is_shrunk_before_it_is_deskewed_and_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The OCR engines shrink a page to a longest side of 2,000 pixels before reading it,
    after deskew had rotated, and the engine's input stacked to RGB, the whole image: OCR of a
    6,000 x 6,000 scan took 1.2 GB. A page is now shrunk to OCR_MAX_SIDE first."""
    import numpy as np
    from PIL import Image

    from clearlane.documents import ocr

    seen: dict[str, tuple[int, ...]] = {}

    def deskew(gray: np.ndarray) -> tuple[np.ndarray, float]:
        seen["deskewed"] = gray.shape
        return gray, 0.0

    monkeypatch.setattr(ocr, "OCR_MAX_SIDE", 400, raising=False)
    monkeypatch.setattr(ocr, "deskew", deskew)
    monkeypatch.setattr(ocr, "_rapidocr", lambda gray: seen.setdefault("read", gray.shape) and [])
    page = ocr.ocr_page(Image.new("L", (1000, 600), 255), 1)
    assert seen == {"deskewed": (240, 400), "read": (240, 400)}
    assert (page.width, page.height) == (400, 240)
    ocr.ocr_page(Image.new("L", (300, 200), 255), 1)  # within: as it is
    assert seen["deskewed"] == (200, 300)


def test_a_jpeg_larger_than_ocr_reads_is_decoded_at_a_reduced_scale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 40 Mpixel colour JPEG was decoded whole (160 MB) to be shrunk for OCR: a JPEG
    larger than OCR_MAX_SIDE is now decoded by libjpeg at 1/2, 1/4 or 1/8, in grey, still at
    least OCR_MAX_SIDE."""
    from PIL import Image

    from clearlane.documents import ocr
    from clearlane.documents.layout import Page

    read: list[tuple[str, tuple[int, int]]] = []

    def ocr_page(image: Any, number: int) -> Page:
        read.append((image.mode, image.size))
        return Page(number=number, width=image.width, height=image.height, words=[])

    monkeypatch.setattr(ocr, "OCR_MAX_SIDE", 500, raising=False)
    monkeypatch.setattr(ocr, "ocr_page", ocr_page)
    out = io.BytesIO()
    Image.new("RGB", (2000, 1200), "white").save(out, "JPEG")
    assert extract_bytes(out.getvalue(), "photo.jpg").pages == 1
    assert read == [("L", (500, 300))]


def _updated(times: int) -> bytes:
    """A one-page PDF saved ``times`` more times as incremental updates, each an empty
    cross-reference section whose /Prev is the one before."""
    out = page_pdf(stream(b"q Q"))
    previous = int(out.rsplit(b"startxref\n", 1)[1].split()[0])
    for _ in range(times):
        at = len(out)
        out += (
            f"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 5 /Root 1 0 R /Prev {previous} >>\n"
            f"startxref\n{at}\n%%EOF\n"
        ).encode()
        previous = at
    return out


def test_a_chain_of_more_cross_reference_sections_than_the_bound_is_rejected(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pdfminer reads each /Prev in a recursive call: a long enough chain of distinct sections
    reaches the recursion limit like a loop. More than MAX_XREF_SECTIONS are refused."""
    from clearlane.documents import extraction

    assert extract_bytes(_updated(5), "saved.pdf", ocr=False).pages == 1
    monkeypatch.setattr(extraction, "MAX_XREF_SECTIONS", 4, raising=False)
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(_updated(5), "saved.pdf", ocr=False)
    assert caught.value.problem == (
        "the PDF is corrupt: more than 4 cross-reference sections (/Prev) chained"
    )


@pytest.mark.parametrize(
    ("filters", "wrap"),
    [("/LZWDecode", lambda data: data),
     ("[/ASCIIHexDecode /LZWDecode]", lambda data: data.hex().encode() + b">"),
     ("[/ASCII85Decode /LZWDecode]", lambda data: __import__("base64").a85encode(data) + b"~>")],
)  # fmt: skip
def test_an_lzw_stream_is_counted_without_being_decoded_whole(
    monkeypatch: pytest.MonkeyPatch, filters: str, wrap: Any
) -> None:
    """Session 23: an LZW stream of spaces, in no page (tests/documents/hostile8.py,
    written before the guards were read): pypdf built its output whole up to the bound to
    count it (315 MB held to reject a 200 kB upload at the 256 MiB default). Streams of
    Flate, LZW and ASCII hex/85 filters are now decoded a MiB at a time and dropped."""
    from pypdf import filters as pypdf_filters

    from tests.documents import hostile8

    decoded: list[Any] = []
    original = pypdf_filters.decode_stream_data

    def recorded(stream: Any) -> Any:
        decoded.append(stream.get("/Filter"))
        return original(stream)

    monkeypatch.setattr(pypdf_filters, "decode_stream_data", recorded)
    bomb = wrap(hostile8.lzw_run(0x20, 24 * MiB))
    data = page_pdf(stream(b"q Q"), extra=[stream(bomb, f"/Filter {filters}")])
    bounds = Bounds(decompressed_bytes=16 * MiB)
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(data, "lzw.pdf", ocr=False, bounds=bounds)
    assert caught.value.problem == (
        "document rejected: its compressed streams inflate to more than 16,777,216 bytes (at "
        "object 5), over the bound of 16,777,216 (CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES)"
    )
    assert decoded == [], "pypdf decoded an LZW stream to count it"
    # counted to the byte: a stream of exactly the bound is read, one byte more is not
    exact = Bounds(decompressed_bytes=MiB + 3)  # (+3: the page's own "q Q")
    for size, fits in ((MiB, True), (MiB + 1, False)):
        lzw = wrap(hostile8.lzw_run(0x20, size))
        data = page_pdf(stream(b"q Q"), extra=[stream(lzw, f"/Filter {filters}")])
        if fits:
            assert extract_bytes(data, "exact.pdf", ocr=False, bounds=exact).pages == 1
        else:
            with pytest.raises(ExtractionError, match="compressed streams inflate to more than"):
                extract_bytes(data, "over.pdf", ocr=False, bounds=exact)


def _objects(count: int) -> bytes:
    """One page (objects 1-4) and ``count - 4`` small objects after it, with a sound xref."""
    return page_pdf(stream(b"q Q"), extra=[b"<< /A %d >>" % n for n in range(5, count + 1)])


def test_a_pdf_of_more_objects_than_the_bound_is_rejected_before_it_is_parsed(
    monkeypatch: pytest.MonkeyPatch, store: sessionmaker[Session], tmp_path: Path
) -> None:
    """Session 23: a PDF whose cross-reference table is broken (tests/documents/hostile8.py,
    written before the guards were read) is scanned object by object by pypdf and by
    pdfminer's PDFXRefFallback: 30,000 fake objects in 1 MB took 7.8 s of CPU, 500,000 in 19 MB
    over 200 s (extraction and page view). Object headers are now counted in the bytes, to one
    past CLEARLANE_DOCUMENTS_MAX_OBJECTS, before either reader opens the file."""
    import pypdf

    from clearlane.documents import extraction
    from tests.documents import hostile8

    bounds = Bounds(objects=100)
    assert extract_bytes(_objects(100), "hundred.pdf", ocr=False, bounds=bounds).pages == 1
    over = _objects(101)
    problem = (
        "document rejected: the PDF has more than 100 objects (the header past the bound: "
        f"object 101 at byte {over.index(b'101 0 obj'):,}), over the bound of 100 "
        "(CLEARLANE_DOCUMENTS_MAX_OBJECTS)"
    )
    broken = hostile8.broken_xref_fake_objs(200_000)  # ~5,700 fake objects, startxref at 12
    with monkeypatch.context() as patched:

        def refuse(*args: Any, **kwargs: Any) -> None:
            raise AssertionError("pypdf opened the PDF before its objects were counted")

        patched.setattr(pypdf, "PdfReader", refuse)
        with pytest.raises(ExtractionError) as caught:
            extract_bytes(over, "over.pdf", ocr=False, bounds=bounds)
        assert caught.value.problem == problem
        with pytest.raises(PageImageError, match="too large to show: document rejected: the PDF"):
            page_png(over, 1, bounds)
        with pytest.raises(ExtractionError, match="more than 100 objects .* object 106 at byte"):
            extract_bytes(broken, "broken.pdf", ocr=False, bounds=bounds)
    # kept after an upload, failed with the reason, nothing read
    monkeypatch.setattr(extraction.Bounds, "configured", classmethod(lambda cls: bounds))
    row = _stored(store, tmp_path / "files", "objects.pdf", over, "application/pdf")
    assert (row.status, row.error) == ("failed", problem)
    assert (row.extraction, row.discrepancies, row.method, row.pages) == (None, None, None, 0)


def test_an_lzw_object_stream_is_counted_before_pypdf_opens_the_pdf(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Session 23: an object stream under /LZWDecode, which pypdf decodes whole to open the PDF
    (benchmarks/review_g7_hostile.py's objstm_lzw.pdf: 316 MB peak to reject 271 kB). LZW
    first is now counted from the file's bytes a MiB at a time, as Flate first was."""
    import pypdf

    from tests.documents import hostile8

    bomb = stream(hostile8.lzw_run(0x20, 24 * MiB), "/Type /ObjStm /N 1 /First 4 /Filter /LZW")
    data = page_pdf(stream(b"q Q"), extra=[bomb])

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("pypdf opened the PDF before its object streams were counted")

    monkeypatch.setattr(pypdf, "PdfReader", refuse)
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(data, "lzw.pdf", ocr=False, bounds=Bounds(decompressed_bytes=16 * MiB))
    assert caught.value.problem == OBJSTM_PROBLEM.replace("67,108,864", "16,777,216")
