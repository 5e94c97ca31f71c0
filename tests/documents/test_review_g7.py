"""Review of guards7 (session 22): the object-stream count read the streams' dictionaries from
the file's bytes with patterns, and a stream it did not recognise was left to pypdf, which
builds an object stream's output whole (and copies it) before its own bound stops it: about
twice the bound held. Measured with tracemalloc (allocations, not time)."""

from __future__ import annotations

import struct
import tracemalloc
import zlib

import pytest

from clearlane.documents import ExtractionError
from clearlane.documents.extraction import Bounds, extract_bytes
from tests.documents.test_bombs import MiB, stream

_PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
_BODY = _PAGES + b" " + _PAGE + b" "
_HEAD = f"2 0 3 {len(_PAGES) + 1} ".encode()


def _padded(mib: int) -> bytes:
    """The page tree's two objects, then ``mib`` MiB of spaces, deflated a MiB at a time."""
    packer = zlib.compressobj(9)
    out = packer.compress(_HEAD + _BODY)
    return out + b"".join(packer.compress(b" " * MiB) for _ in range(mib)) + packer.flush()


def _objstm_pdf(data: bytes, entries: str) -> bytes:
    """A PDF whose page tree is in object stream 5 (``entries`` its dictionary), read through
    an xref stream."""
    out = b"%PDF-1.7\n"
    offsets = {}
    for number, body in (
        (1, b"<< /Type /Catalog /Pages 2 0 R >>"),
        (4, stream(b"BT ET")),
        (5, stream(data, entries)),
    ):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    rows = [(0, 0, 65535), (1, offsets[1], 0), (2, 5, 0), (2, 5, 1), (1, offsets[4], 0),
            (1, offsets[5], 0), (1, xref_at, 0)]  # fmt: skip
    table = b"".join(struct.pack(">BIH", *row) for row in rows)
    xref = stream(table, "/Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R")
    out += b"6 0 obj\n" + xref + b"\nendobj\n"
    return out + f"startxref\n{xref_at}\n%%EOF\n".encode()


FIRST = f"/N 2 /First {len(_HEAD)}"
SHAPES = {
    # deflated twice: the count inflated the first stage only (a few hundred kB)
    "flate twice": lambda data: (
        zlib.compress(data, 9),
        f"/Type /ObjStm {FIRST} /Filter [/FlateDecode /FlateDecode]",
    ),
    # "stream" and a line break in a string: the count took the string for the stream data
    "stream in a string": lambda data: (
        data,
        f"/Type /ObjStm /Note (stream\n) {FIRST} /Filter /FlateDecode",
    ),
    # the dictionary padded past the 4,096 bytes the count looked through
    "padded dictionary": lambda data: (
        data,
        f"/Type /ObjStm {FIRST} /Pad ({'x' * 5000}) /Filter /FlateDecode",
    ),
    # hex first: the count skipped any stream whose first filter is not Flate
    "hex then flate": lambda data: (
        data.hex().encode() + b">",
        f"/Type /ObjStm {FIRST} /Filter [/ASCIIHexDecode /FlateDecode]",
    ),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_an_object_stream_past_the_bound_is_rejected_without_holding_it(shape: str) -> None:
    data, entries = SHAPES[shape](_padded(48))
    bomb = _objstm_pdf(data, entries)
    bounds = Bounds(decompressed_bytes=32 * MiB)
    tracemalloc.start()
    try:
        with pytest.raises(ExtractionError, match="a compressed object stream inflates to more"):
            extract_bytes(bomb, "objstm.pdf", ocr=False, bounds=bounds)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * MiB, f"{peak:,} bytes held to reject it"


def test_an_object_stream_within_the_bound_is_still_read() -> None:
    data, entries = SHAPES["flate twice"](_padded(2))
    answer = extract_bytes(_objstm_pdf(data, entries), "ok.pdf", ocr=False)
    assert answer.pages == 1
