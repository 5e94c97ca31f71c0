"""Review k9 (session 23): an object stream whose filters chain LZW after Flate or ASCII85
(written before guards8's diff was read). guards8 counts an object stream from the file's
bytes before pypdf opens the PDF, but only its first filter: [/FlateDecode /LZWDecode] was
counted as its Flate stage (120 kB -> 20 MB, under the bound) and pypdf then built the 2 GiB
chain whole up to its own bound (353 MB peak to reject, as on main); [/ASCII85Decode ...] was
not counted at all. Every filter of the chain is now counted a MiB at a time."""

from __future__ import annotations

import base64
import binascii
from typing import Any

import pytest

from clearlane.documents import ExtractionError
from clearlane.documents.extraction import Bounds, extract_bytes
from clearlane.documents.pages import PageImageError, page_png
from tests.documents.hostile_k9 import MiB, deflate_parts, lzw_zeros, objstm_pdf, stream

PROBLEM = (
    "document rejected: a compressed object stream inflates to more than 16,777,216 bytes, "
    "over the bound of 16,777,216 (CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES)"
)


def _chained(filters: str) -> bytes:
    """An object stream (holding the catalog) of 24 MiB of zeros through ``filters``."""
    data = lzw_zeros(24 * MiB)
    for name in reversed(filters.split()):
        if name == "/LZWDecode":
            continue  # already LZW
        if name == "/FlateDecode":
            data = deflate_parts([data])
        elif name == "/ASCII85Decode":
            data = base64.a85encode(data) + b"~>"
        elif name == "/ASCIIHexDecode":
            data = binascii.hexlify(data) + b">"
    entries = f"/Type /ObjStm /N 2 /First 40 /Filter [{filters}]"
    return objstm_pdf(stream(data, entries))


@pytest.mark.parametrize(
    "filters",
    ["/FlateDecode /LZWDecode", "/ASCII85Decode /LZWDecode",
     "/ASCIIHexDecode /FlateDecode /LZWDecode", "/ASCII85Decode /FlateDecode /LZWDecode"],
)  # fmt: skip
def test_an_object_stream_of_chained_filters_is_counted_through_all_before_pypdf_opens_it(
    monkeypatch: pytest.MonkeyPatch, filters: str
) -> None:
    import pypdf

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("pypdf opened the PDF before its object streams were counted")

    monkeypatch.setattr(pypdf, "PdfReader", refuse)
    bomb, bounds = _chained(filters), Bounds(decompressed_bytes=16 * MiB)
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(bomb, "chain.pdf", ocr=False, bounds=bounds)
    assert caught.value.problem == PROBLEM
    with pytest.raises(PageImageError, match="too large to show: document rejected: a comp"):
        page_png(bomb, 1, bounds)  # the page view opens it with the same reader
