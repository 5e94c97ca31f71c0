"""Hostile inputs for the documents bounds, written before reading the bounds' implementation
(review of guards6). Each builder returns (file name, bytes), a few kB to a few MB each."""

from __future__ import annotations

import base64
import binascii
import io
import struct
import zlib

from tests.documents.test_bombs import MiB, deflated_zeros, page_pdf, pdf_file, stream


def deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9)
    return packer.compress(data) + packer.flush()


OBJSTM_MIB = 256


def objstm_bomb() -> bytes:
    """The page tree lives in an object stream whose inflated data is padded with 256 MiB of
    spaces after the objects; an xref stream points into it (PDF 1.5)."""
    inner = [
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    ]
    offsets, body = [], b""
    for obj in inner:
        offsets.append(len(body))
        body += obj + b" "
    header = b" ".join(f"{n} {o}".encode() for n, o in zip((2, 3), offsets, strict=True)) + b" "
    data = header + body
    packer = zlib.compressobj(9)
    packed = packer.compress(data)
    chunk = b" " * MiB
    packed += b"".join(packer.compress(chunk) for _ in range(OBJSTM_MIB))
    packed += packer.flush()
    objstm = stream(packed, f"/Type /ObjStm /N 2 /First {len(header)} /Filter /FlateDecode")
    out = b"%PDF-1.7\n"
    offs = {}
    for number, obj in (
        (1, b"<< /Type /Catalog /Pages 2 0 R >>"),
        (4, stream(b"q Q")),
        (5, objstm),
    ):
        offs[number] = len(out)
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref_at = len(out)
    rows = [
        (0, 0, 65535),
        (1, offs[1], 0),
        (2, 5, 0),
        (2, 5, 1),
        (1, offs[4], 0),
        (1, offs[5], 0),
        (1, xref_at, 0),
    ]
    table = b"".join(struct.pack(">BIH", *row) for row in rows)
    xref = stream(table, "/Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R")
    out += b"6 0 obj\n" + xref + b"\nendobj\n"
    return out + f"startxref\n{xref_at}\n%%EOF\n".encode()


def inline_image_bomb() -> bytes:
    """An inline image (BI ... ID ... EI) declaring 50,000 x 50,000 8-bit grey pixels, its
    data 16 MiB of zeros deflated, in an uncompressed content stream of some 16 kB."""
    data = deflated_zeros(16 * MiB)
    content = (
        b"q 500 0 0 700 40 60 cm BI /W 50000 /H 50000 /BPC 8 /CS /G /F /Fl ID\n" + data + b"\nEI Q"
    )
    return page_pdf(stream(content))


def _jpeg_header(width: int, height: int) -> bytes:
    """A baseline JPEG whose SOF declares ``width`` x ``height`` (grey), then a scan of
    nothing: a decoder that trusts the header allocates for it."""
    from PIL import Image

    small = io.BytesIO()
    Image.new("L", (8, 8)).save(small, "JPEG")
    jpeg = bytearray(small.getvalue())
    at = jpeg.index(b"\xff\xc0")
    struct.pack_into(">HH", jpeg, at + 5, height, width)
    return bytes(jpeg)


def lying_dct_image() -> bytes:
    """An image object declaring 100 x 100 whose DCT data declares 60,000 x 60,000."""
    image = stream(
        _jpeg_header(60_000, 60_000),
        "/Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray "
        "/BitsPerComponent 8 /Filter /DCTDecode",
    )
    return page_pdf(
        stream(b"q 500 0 0 700 40 60 cm /Im0 Do Q"), "/XObject << /Im0 5 0 R >>", extra=[image]
    )


def ccitt_image() -> bytes:
    """A CCITT G4 image object declaring 60,000 x 60,000 one-bit pixels (EOFB only)."""
    image = stream(
        b"\x00\x10\x01\x00\x10\x01",
        "/Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceGray "
        "/BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 60000 "
        "/Rows 60000 >>",
    )
    return page_pdf(
        stream(b"q 500 0 0 700 40 60 cm /Im0 Do Q"), "/XObject << /Im0 5 0 R >>", extra=[image]
    )


def jbig2_image() -> bytes:
    """A JBIG2 image object declaring 60,000 x 60,000 with a page-information segment of
    the same size (no region)."""
    page_info = struct.pack(">IBBBI", 1, 48, 0, 1, 19) + struct.pack(
        ">IIIIBH", 60_000, 60_000, 0, 0, 0, 0
    )
    image = stream(
        page_info,
        "/Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceGray "
        "/BitsPerComponent 1 /Filter /JBIG2Decode",
    )
    return page_pdf(
        stream(b"q 500 0 0 700 40 60 cm /Im0 Do Q"), "/XObject << /Im0 5 0 R >>", extra=[image]
    )


def double_flate() -> bytes:
    """A content stream of 1 GiB of zeros deflated twice: some kB on disk."""
    once = deflated_zeros(1024 * MiB)
    return page_pdf(stream(deflate(once), "/Filter [/FlateDecode /FlateDecode]"))


def double_flate_other() -> bytes:
    """The same, in an object no page draws (the whole document's budget)."""
    once = deflated_zeros(1024 * MiB)
    return page_pdf(
        stream(b"q Q"), extra=[stream(deflate(once), "/Filter [/FlateDecode /FlateDecode]")]
    )


def lzw_encode(data: bytes) -> bytes:
    """PDF LZW (early change), 12-bit codes with a clear code when the table fills."""
    out, bits, nbits = bytearray(), 0, 0
    width = 9

    def emit(code: int) -> None:
        nonlocal bits, nbits
        bits = (bits << width) | code
        nbits += width
        while nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)
        bits &= (1 << nbits) - 1

    table = {bytes([i]): i for i in range(256)}
    nxt = 258
    emit(256)
    w = b""
    for byte in data:
        wc = w + bytes([byte])
        if wc in table:
            w = wc
            continue
        emit(table[w])
        table[wc] = nxt
        nxt += 1
        if nxt + 1 >= 4096:
            emit(256)
            table = {bytes([i]): i for i in range(256)}
            nxt, width = 258, 9
        elif nxt + 1 > (1 << width) - 0:
            width += 1
        w = bytes([byte])
    if w:
        emit(table[w])
    emit(257)
    if nbits:
        out.append((bits << (8 - nbits)) & 0xFF)
    return bytes(out)


def lzw_chain() -> bytes:
    """ASCIIHex of LZW of 64 MiB of spaces as the page's content (ASCIIHex, LZW)."""
    block = lzw_encode(b" " * (4 * MiB))  # ~ repeated: each block decodes alone
    return page_pdf(stream(binascii.hexlify(block) + b">", "/Filter [/ASCIIHexDecode /LZWDecode]"))


def a85_flate_chain() -> bytes:
    """ASCII85 of deflate of 512 MiB of zeros as the page's content."""
    data = base64.a85encode(deflated_zeros(512 * MiB)) + b"~>"
    return page_pdf(stream(data, "/Filter [/ASCII85Decode /FlateDecode]"))


def many_contents() -> bytes:
    """A page whose /Contents array has 200 streams of 1 MiB of spaces each: each under the
    page-content bound, together 100 times it."""
    count = 200
    refs = " ".join(f"{4 + n} 0 R" for n in range(count))
    one = stream(deflate(b" " * MiB), "/Filter /FlateDecode")
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [{refs}] >>".encode(),
            *[one] * count,
        ]
    )


def huge_mediabox(extra: str = "") -> bytes:
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200000 200000] {extra} "
            f"/Contents 4 0 R >>".encode(),
            stream(b"BT /F1 12 Tf 72 712 Td (Invoice) Tj ET"),
        ]
    )


def user_unit() -> bytes:
    """An ordinary MediaBox scaled by /UserUnit 75,000 (the largest the spec allows) and
    rotated."""
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /UserUnit 75000 "
            b"/Rotate 90 /Contents 4 0 R >>",
            stream(b"q Q"),
        ]
    )


def inherited_mediabox() -> bytes:
    """The huge MediaBox inherited from the page tree, and a CropBox of it."""
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200000 200000] >>",
            b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
            stream(b"q Q"),
        ]
    )


def prev_cycle() -> bytes:
    """A trailer whose /Prev points to its own xref table, and a second table pointing back."""
    base = page_pdf(stream(b"q Q"))
    at = base.index(b"\nxref\n") + 1
    head = base[:at]
    table = base[at : base.index(b"trailer", at)]
    first = len(head)
    second = first + len(table) + len(f"trailer\n<< /Size 5 /Root 1 0 R /Prev {first:010d} >>\n")
    out = head + table
    out += f"trailer\n<< /Size 5 /Root 1 0 R /Prev {second:010d} >>\n".encode()
    out += table + f"trailer\n<< /Size 5 /Root 1 0 R /Prev {first:010d} >>\n".encode()
    return out + f"startxref\n{second}\n%%EOF\n".encode()


def self_prev() -> bytes:
    base = page_pdf(stream(b"q Q"))
    at = base.index(b"\nxref\n") + 1
    return base.replace(b"/Root 1 0 R >>", f"/Root 1 0 R /Prev {at} >>".encode())


def page_tree_loop() -> bytes:
    """A page tree whose Kids contain the Pages node itself."""
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            stream(b"q Q"),
        ]
    )


def truncated_pdf() -> bytes:
    full = page_pdf(stream(deflate(b"BT (x) Tj ET" * 100), "/Filter /FlateDecode"))
    return full[: len(full) // 2]


def truncated_bomb() -> bytes:
    """A content-stream bomb with everything after the stream's data cut off (no endstream,
    no xref)."""
    full = page_pdf(stream(deflated_zeros(256 * MiB), "/Filter /FlateDecode"))
    return full[: full.index(b"endstream")]


def tiff_frames(count: int = 60, side: int = 6000) -> bytes:
    """A TIFF of ``count`` deflated frames of ``side`` x ``side`` grey pixels (each under the
    pixel bound, together many times it)."""
    from PIL import Image

    frame = Image.new("L", (side, side), 255)
    out = io.BytesIO()
    frame.save(out, "TIFF", save_all=True, append_images=[frame] * (count - 1),
               compression="tiff_adobe_deflate")  # fmt: skip
    return out.getvalue()


def webp_animation(count: int = 40, side: int = 6000) -> bytes:
    from PIL import Image

    frames = [Image.new("L", (side, side), n * 5 % 256) for n in range(count)]
    out = io.BytesIO()
    frames[0].save(out, "WEBP", save_all=True, append_images=frames[1:], lossless=True)
    return out.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_big_chunks() -> bytes:
    """A 10 x 10 PNG with an iCCP and a zTXt chunk each inflating to 512 MiB."""
    header = struct.pack(">IIBBBBB", 10, 10, 8, 0, 0, 0, 0)
    bomb = deflated_zeros(512 * MiB)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"iCCP", b"icc\x00\x00" + bomb)
        + _png_chunk(b"zTXt", b"Comment\x00\x00" + bomb)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 110))
        + _png_chunk(b"IEND", b"")
    )


def png_idat_bomb() -> bytes:
    """A PNG declaring 6,000 x 6,000 (under the bound) whose IDAT is fine, plus many IDAT
    chunks after: the decoder reads what it declared."""
    header = struct.pack(">IIBBBBB", 6000, 6000, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", deflated_zeros(6001 * 6000))
        + _png_chunk(b"IEND", b"")
    )


def billion_laughs() -> bytes:
    lol = b'<!ENTITY lol0 "lol">' + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">'.encode() for n in range(1, 10)
    )
    return b'<?xml version="1.0"?><!DOCTYPE lolz [' + lol + b"]><svg>&lol9;</svg>"


def svg() -> bytes:
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="200000" height="200000">'
        b'<rect width="200000" height="200000"/></svg>'
    )


def heic() -> bytes:
    return b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64


def gif_bomb() -> bytes:
    """A GIF whose logical screen is 65,535 x 65,535."""
    return b"GIF89a" + struct.pack("<HHBBB", 65535, 65535, 0, 0, 0) + b";"


def abbreviated_flate() -> bytes:
    """A page content of 512 MiB of zeros behind the abbreviated /Filter /Fl."""
    return page_pdf(stream(deflated_zeros(512 * MiB), "/Filter /Fl"))


def encrypted_bomb() -> bytes:
    """A page content of 1 GiB of zeros, the PDF encrypted with an empty user password."""
    from pypdf import PdfReader, PdfWriter

    bomb = page_pdf(stream(deflated_zeros(1024 * MiB), "/Filter /FlateDecode"))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(bomb)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def webp_still(side: int = 6000) -> bytes:
    """One lossless WEBP frame of ``side`` x ``side`` (36 Mpixels: under the pixel bound);
    Pillow decodes it through libwebp's animation decoder, some 16 bytes a pixel."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (side, side), 255).save(out, "WEBP", lossless=True)
    return out.getvalue()


def _text_page(width: int, height: int, mode: str = "L") -> object:
    """A white page of ``width`` x ``height`` with 40 lines of invoice text, for OCR."""
    from PIL import Image, ImageDraw

    page = Image.new(mode, (width, height), "white")
    draw = ImageDraw.Draw(page)
    size = max(10, width // 80)
    for n in range(40):
        line = f"Invoice line {n} widget 12.50 EUR total"
        where = (width // 10, height // 50 + n * height // 45)
        draw.text(where, line, fill="black", font_size=size)
    return page


def scan_png(side: int = 6000) -> bytes:
    """A grey PNG scan of ``side`` x ``side`` (36 Mpixels, under the pixel bound) with text:
    OCR of it (the engine shrinks it to 2,000 pixels) took 1.2 GB."""
    out = io.BytesIO()
    _text_page(side, side).save(out, "PNG")  # type: ignore[attr-defined]
    return out.getvalue()


def photo_jpeg(width: int = 8000, height: int = 5000) -> bytes:
    """A colour JPEG of 40 Mpixels (the pixel bound) with text."""
    out = io.BytesIO()
    _text_page(width, height, "RGB").save(out, "JPEG", quality=80)  # type: ignore[attr-defined]
    return out.getvalue()


INPUTS = {
    "objstm.pdf": objstm_bomb,
    "inline.pdf": inline_image_bomb,
    "dct_lie.pdf": lying_dct_image,
    "ccitt.pdf": ccitt_image,
    "jbig2.pdf": jbig2_image,
    "double_flate.pdf": double_flate,
    "double_flate_other.pdf": double_flate_other,
    "lzw.pdf": lzw_chain,
    "a85.pdf": a85_flate_chain,
    "many_contents.pdf": many_contents,
    "mediabox.pdf": huge_mediabox,
    "mediabox_rot.pdf": lambda: huge_mediabox("/Rotate 90 /UserUnit 2"),
    "userunit.pdf": user_unit,
    "inherited.pdf": inherited_mediabox,
    "prev_cycle.pdf": prev_cycle,
    "self_prev.pdf": self_prev,
    "tree_loop.pdf": page_tree_loop,
    "truncated.pdf": truncated_pdf,
    "truncated_bomb.pdf": truncated_bomb,
    "frames.tiff": tiff_frames,
    "anim.webp": webp_animation,
    "chunks.png": png_big_chunks,
    "idat.png": png_idat_bomb,
    "laughs.svg": billion_laughs,
    "big.svg": svg,
    "photo.heic": heic,
    "screen.gif": gif_bomb,
    "fl.pdf": abbreviated_flate,
    "locked.pdf": encrypted_bomb,
    "still.webp": webp_still,
    "scan.png": scan_png,
    "photo.jpg": photo_jpeg,
}
# Read with OCR too (the route 'ocr' of benchmarks/documents_hostile.py)
OCR_INPUTS = ("scan.png", "photo.jpg")
