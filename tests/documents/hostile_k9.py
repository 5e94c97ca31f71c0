"""Review k9 (session 23): hostile PDF builders written before guards8's diff was read: LZW
(PDF's flavour, 9-bit codes) of zeros built from one repeated block, filter chains, and an
object stream found through a cross-reference stream. Used by
tests/documents/test_bombs_review_k9.py and benchmarks/documents_hostile_k9.py."""

from __future__ import annotations

import zlib

MiB = 1 << 20
CLEAR, EOD = 256, 257


class Bits:
    def __init__(self) -> None:
        self.value, self.count, self.out = 0, 0, bytearray()

    def put(self, code: int, width: int = 9) -> None:
        self.value = (self.value << width) | code
        self.count += width
        while self.count >= 8:
            self.count -= 8
            self.out.append((self.value >> self.count) & 0xFF)
        self.value &= (1 << self.count) - 1

    def flush(self) -> bytes:
        if self.count:
            self.out.append((self.value << (8 - self.count)) & 0xFF)
            self.count, self.value = 0, 0
        return bytes(self.out)


def lzw(data: bytes) -> bytes:
    """PDF LZW (EarlyChange 1), a clear code every 240 entries so that codes stay 9 bits."""
    bits = Bits()
    bits.put(CLEAR)
    table = {bytes([i]): i for i in range(256)}
    nxt, w = 258, b""
    for byte in data:
        wc = w + bytes([byte])
        if wc in table:
            w = wc
            continue
        bits.put(table[w])
        table[wc] = nxt
        nxt += 1
        w = bytes([byte])
        if nxt >= 498:
            bits.put(table[w])
            bits.put(CLEAR)
            table = {bytes([i]): i for i in range(256)}
            nxt, w = 258, b""
    if w:
        bits.put(table[w])
    bits.put(EOD)
    return bits.flush()


def lzw_zeros_block() -> tuple[bytes, int]:
    """Eight segments (CLEAR, then codes for runs of 1..240 zeros): byte-aligned, repeatable."""
    bits = Bits()
    for _ in range(8):
        bits.put(CLEAR)
        for k in range(240):
            bits.put(0 if k == 0 else 258 + k - 1)
    assert bits.count == 0
    return bits.flush(), 8 * sum(range(1, 241))


def lzw_zeros(size: int) -> bytes:
    block, out = lzw_zeros_block()
    parts = [block] * (size // out)
    tail = Bits()
    tail.put(EOD)
    return b"".join(parts) + tail.flush()


def deflate_parts(parts: list[bytes]) -> bytes:
    packer = zlib.compressobj(9)
    return b"".join(packer.compress(p) for p in parts) + packer.flush()


def deflated_zeros(size: int) -> bytes:
    return deflate_parts([bytes(MiB)] * (size // MiB))


def stream(data: bytes, entries: str) -> bytes:
    return f"<< {entries} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def pdf_file(objects: list[bytes], root: int = 1) -> bytes:
    out = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\n".encode()
    return out + f"startxref\n{xref}\n%%EOF\n".encode()


def page_with(contents: bytes) -> bytes:
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            contents,
        ]
    )


def objstm_pdf(objstm: bytes) -> bytes:
    """Catalog and pages in an object stream (object 4), found through an xref stream (5)."""
    out = b"%PDF-1.7\n"
    offsets = {}
    offsets[3] = len(out)
    out += b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
    offsets[4] = len(out)
    out += b"4 0 obj\n" + objstm + b"\nendobj\n"
    offsets[5] = len(out)
    rows = b"\x00" + (0).to_bytes(4, "big") + b"\xff\xff"
    rows += b"\x02" + (4).to_bytes(4, "big") + (0).to_bytes(2, "big")  # 1: in objstm 4, #0
    rows += b"\x02" + (4).to_bytes(4, "big") + (1).to_bytes(2, "big")  # 2: in objstm 4, #1
    rows += b"\x01" + offsets[3].to_bytes(4, "big") + b"\x00\x00"
    rows += b"\x01" + offsets[4].to_bytes(4, "big") + b"\x00\x00"
    rows += b"\x01" + offsets[5].to_bytes(4, "big") + b"\x00\x00"
    out += b"5 0 obj\n" + stream(rows, "/Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R") + b"\nendobj\n"
    return out + f"startxref\n{offsets[5]}\n%%EOF\n".encode()
