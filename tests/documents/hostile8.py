"""Hostile PDFs for session 23 (guards8): LZW streams and pdfminer's xref fallback.

Written BEFORE reading the guards in src/clearlane/documents/ (out-of-sample inputs,
COMMON rule 6). Each builder returns the bytes of one PDF; ``write_all`` writes them
to a directory at test or benchmark time (nothing is committed but this generator).

Ground truth (``EXPECTED``), written with the inputs: every one of these must either be
refused with a reason naming what was wrong and where (the filter, the object or the
page), or be read within a bound, with the reading process staying under
``PEAK_BOUND_MB`` of peak RSS above the interpreter's own baseline. None of them holds
text a reader should return (the one real page says ``HOSTILE8``, and only the
``*_page`` variants reach it without a bomb in the way).

The LZW encoder follows the PDF rules (ISO 32000-1, 7.4.4): codes 256 (clear) and 257
(EOD), first new code 258, 9 to 12 bit codes, EarlyChange 1 (the width grows one code
early). A run of one byte encodes as the codes 0, 258, 259, ... each one byte longer
than the last, so a 12-bit table cycle (~3,836 codes, ~5 KB) expands to ~7.4 MB: the
compliant bomb is ~1,400:1 and needs no malformed code.
"""

from __future__ import annotations

import base64
import zlib
from pathlib import Path

PEAK_BOUND_MB = 150

CLEAR = 256
EOD = 257
FIRST = 258
LAST = 4093  # emit clear before the decoder's table could pass 4096 entries


class _Bits:
    def __init__(self) -> None:
        self.acc = 0
        self.n = 0
        self.out = bytearray()

    def put(self, code: int, width: int) -> None:
        self.acc = (self.acc << width) | code
        self.n += width
        while self.n >= 8:
            self.n -= 8
            self.out.append((self.acc >> self.n) & 0xFF)
        self.acc &= (1 << self.n) - 1

    def done(self) -> bytes:
        if self.n:
            self.out.append((self.acc << (8 - self.n)) & 0xFF)
            self.n = 0
            self.acc = 0
        return bytes(self.out)


def _width(next_code: int) -> int:
    # the decoder's table holds next_code - 1 entries when it reads this code (EarlyChange 1)
    size = next_code - 1
    if size < 511:
        return 9
    if size < 1023:
        return 10
    if size < 2047:
        return 11
    return 12


def lzw_encode(data: bytes) -> bytes:
    """A plain LZW encoder (PDF flavour) for arbitrary bytes; small inputs only."""
    bits = _Bits()
    bits.put(CLEAR, 9)
    table: dict[bytes, int] = {bytes([i]): i for i in range(256)}
    nxt = FIRST
    w = b""
    for b in data:
        c = bytes([b])
        wc = w + c
        if wc in table:
            w = wc
            continue
        bits.put(table[w], _width(nxt))
        table[wc] = nxt
        nxt += 1
        w = c
        if nxt >= LAST:
            bits.put(CLEAR, _width(nxt))
            table = {bytes([i]): i for i in range(256)}
            nxt = FIRST
    if w:
        bits.put(table[w], _width(nxt))
        nxt += 1
    bits.put(EOD, _width(nxt))
    return bits.done()


def lzw_run(byte: int, total: int) -> bytes:
    """LZW codes that decode to ``total`` copies of ``byte`` (the compliant bomb)."""
    bits = _Bits()
    bits.put(CLEAR, 9)
    left = total
    nxt = FIRST
    first = True
    while left > 0:
        if first:
            bits.put(byte, 9)
            left -= 1
            first = False
            nxt = FIRST
            continue
        # code nxt - 0 is the KwKwK case: prev + prev[0], one byte longer than prev
        length = nxt - FIRST + 2
        if length > left:
            # finish with single bytes (the literal code, already in every table)
            while left > 0:
                bits.put(byte, _width(nxt + 1))
                nxt += 1
                left -= 1
                if nxt >= LAST:
                    bits.put(CLEAR, _width(nxt + 1))
                    nxt = FIRST
                    first = True
                    break
            continue
        bits.put(nxt, _width(nxt + 1))
        left -= length
        nxt += 1
        if nxt >= LAST:
            bits.put(CLEAR, _width(nxt + 1))
            first = True
    bits.put(EOD, _width(nxt + 1))
    return bits.done()


def _hex(data: bytes) -> bytes:
    return data.hex().encode() + b">"


def _a85(data: bytes) -> bytes:
    return base64.a85encode(data) + b"~>"


# -- PDF assembly -------------------------------------------------------------------


def _pdf(objects: list[bytes], root: int = 1, xref: bool = True, trailer: bool = True) -> bytes:
    """Objects numbered 1..n; a classic xref table and trailer unless told otherwise."""
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
    if trailer:
        out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root)
    if xref:
        out += b"startxref\n%d\n" % start
    out += b"%%EOF\n"
    return bytes(out)


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _one_page(content: bytes, content_dict: bytes, resources: bytes = b"") -> list[bytes]:
    font = b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << " + font + b" " + resources + b" >> >>",
        _stream(content_dict, content),
    ]


TEXT = b"BT /F1 12 Tf 72 720 Td (HOSTILE8) Tj ET\n"

# decoded size of the bombs: 256 MB (the readers hold it whole, at least once)
BOMB = 256 * 1024 * 1024


def lzw_content() -> bytes:
    """(1a) a page's content stream: /LZWDecode, 256 MB of spaces from ~180 KB."""
    return _pdf(_one_page(lzw_run(0x20, BOMB), b"/Filter /LZWDecode"))


def hex_lzw_content() -> bytes:
    """(1b) /ASCIIHexDecode then /LZWDecode: the bomb wrapped in hex (~360 KB)."""
    return _pdf(_one_page(_hex(lzw_run(0x20, BOMB)), b"/Filter [/ASCIIHexDecode /LZWDecode]"))


def a85_lzw_content() -> bytes:
    """(1c) /ASCII85Decode then /LZWDecode."""
    return _pdf(_one_page(_a85(lzw_run(0x20, BOMB)), b"/Filter [/ASCII85Decode /LZWDecode]"))


def lzw_flate_content() -> bytes:
    """(1d) /LZWDecode then /FlateDecode: LZW of a deflated 256 MB (two bombs, one file)."""
    inner = zlib.compress(b" " * BOMB, 9)
    return _pdf(_one_page(lzw_encode(inner), b"/Filter [/LZWDecode /FlateDecode]"))


def flate_lzw_content() -> bytes:
    """(1e) /FlateDecode then /LZWDecode: the LZW bomb deflated once more."""
    data = zlib.compress(lzw_run(0x20, BOMB), 9)
    return _pdf(_one_page(data, b"/Filter [/FlateDecode /LZWDecode]"))


def lzw_image() -> bytes:
    """(1f) an LZW image XObject, 8192 x 8192 RGB (192 MB of pixels) drawn on the page."""
    side = 8192
    pixels = lzw_run(0xFF, side * side * 3)
    image = _stream(
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB"
        b" /BitsPerComponent 8 /Filter /LZWDecode" % (side, side),
        pixels,
    )
    objs = _one_page(
        TEXT + b"q 500 0 0 500 50 50 cm /Im1 Do Q\n", b"", b"/XObject << /Im1 5 0 R >>"
    )
    objs.append(image)
    return _pdf(objs)


def lzw_objstm() -> bytes:
    """(1g) an object stream compressed with /LZWDecode whose body is 256 MB of spaces."""
    objs = _one_page(TEXT, b"")
    objs.append(_stream(b"/Type /ObjStm /N 1 /First 4 /Filter /LZWDecode", lzw_run(0x20, BOMB)))
    return _pdf(objs)


def lzw_small_page() -> bytes:
    """(1h) control: an honest LZW content stream (the text must still be read)."""
    return _pdf(_one_page(lzw_encode(TEXT), b"/Filter /LZWDecode"))


# -- (2) xref fallback --------------------------------------------------------------

FALLBACK_SIZE = 50 * 1024 * 1024
# added after main's first run: extraction refuses files over 20,000,000 bytes before any
# reader, so the 50 MB shapes reach only the page view; the same shapes at 19 MB reach both
UNDER_LIMIT = 19 * 1000 * 1000


def _fake_objects(size: int, first: int, line_break: bytes = b"\n") -> bytes:
    parts = []
    n = first
    total = 0
    while total < size:
        chunk = b"%d 0 obj%s<< /A %d >>%sendobj%s" % (n, line_break, n, line_break, line_break)
        parts.append(chunk)
        total += len(chunk)
        n += 1
    return b"".join(parts)


def no_xref_fake_objs(size: int = FALLBACK_SIZE) -> bytes:
    """(2a) 50 MB, no xref, no startxref: ~1.8 M fake ``N 0 obj`` headers, a trailer at the end."""
    head = _pdf(_one_page(TEXT, b""), xref=False, trailer=False)[: -len(b"%%EOF\n")]
    body = _fake_objects(size, 10)
    return head + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def no_xref_one_line(size: int = FALLBACK_SIZE) -> bytes:
    """(2b) 50 MB of fake objects on a single line (no newline at all after the header)."""
    head = b"%PDF-1.5\n"
    body = _fake_objects(size, 10, line_break=b" ")
    return head + body + b" trailer << /Root 10 0 R >> %%EOF"


def broken_xref_fake_objs(size: int = FALLBACK_SIZE) -> bytes:
    """(2c) a startxref pointing at garbage: the readers fall back and scan the 50 MB."""
    head = _pdf(_one_page(TEXT, b""), xref=False, trailer=False)[: -len(b"%%EOF\n")]
    body = _fake_objects(size, 10)
    return head + body + b"trailer\n<< /Root 1 0 R >>\nstartxref\n12\n%%EOF\n"


def fallback_objstm_bomb() -> bytes:
    """(2d) no xref, and an /ObjStm the fallback decodes while it scans: a 256 MB Flate bomb."""
    objs = _one_page(TEXT, b"")
    bomb = zlib.compress(b" " * BOMB, 9)
    objs.append(_stream(b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", bomb))
    return _pdf(objs, xref=False)


def fallback_objstm_many() -> bytes:
    """(2e) no xref, 20,000 small object streams each claiming /N 100000 (count, not size)."""
    objs = _one_page(TEXT, b"")
    body = b"1 0 " * 50
    for _ in range(20000):
        objs.append(_stream(b"/Type /ObjStm /N 100000 /First 200", body))
    return _pdf(objs, xref=False)


BUILDERS = {
    "lzw_content": lzw_content,
    "hex_lzw_content": hex_lzw_content,
    "a85_lzw_content": a85_lzw_content,
    "lzw_flate_content": lzw_flate_content,
    "flate_lzw_content": flate_lzw_content,
    "lzw_image": lzw_image,
    "lzw_objstm": lzw_objstm,
    "lzw_small_page": lzw_small_page,
    "no_xref_fake_objs": no_xref_fake_objs,
    "no_xref_one_line": no_xref_one_line,
    "broken_xref_fake_objs": broken_xref_fake_objs,
    "fallback_objstm_bomb": fallback_objstm_bomb,
    "fallback_objstm_many": fallback_objstm_many,
    "no_xref_fake_objs_19mb": lambda: no_xref_fake_objs(UNDER_LIMIT),
    "no_xref_one_line_19mb": lambda: no_xref_one_line(UNDER_LIMIT),
    "broken_xref_fake_objs_19mb": lambda: broken_xref_fake_objs(UNDER_LIMIT),
}

# ground truth, written with the inputs: "refuse" (a reason naming the filter / object),
# or "read" (within the bound; the text HOSTILE8 is the only thing on the page)
EXPECTED = {
    "lzw_content": "refuse",
    "hex_lzw_content": "refuse",
    "a85_lzw_content": "refuse",
    "lzw_flate_content": "refuse",
    "flate_lzw_content": "refuse",
    "lzw_image": "refuse or read without the image",
    "lzw_objstm": "refuse",
    "lzw_small_page": "read: HOSTILE8",
    "no_xref_fake_objs": "refuse (fallback scan over bound)",
    "no_xref_one_line": "refuse (fallback scan over bound)",
    "broken_xref_fake_objs": "refuse (fallback scan over bound)",
    "fallback_objstm_bomb": "refuse or read: HOSTILE8 (bomb not inflated)",
    "fallback_objstm_many": "refuse or read: HOSTILE8 (within bound)",
    "no_xref_fake_objs_19mb": "refuse (fallback scan over bound)",
    "no_xref_one_line_19mb": "refuse (fallback scan over bound)",
    "broken_xref_fake_objs_19mb": "refuse (fallback scan over bound)",
}


def write_all(directory: Path, names: list[str] | None = None) -> dict[str, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name in names or list(BUILDERS):
        path = directory / f"{name}.pdf"
        if not path.exists():
            path.write_bytes(BUILDERS[name]())
        paths[name] = path
    return paths


if __name__ == "__main__":
    import sys

    for name, path in write_all(Path(sys.argv[1]), sys.argv[2:] or None).items():
        sys.stdout.write(f"{name}\t{path.stat().st_size}\n")
