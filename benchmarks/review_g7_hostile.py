"""Hostile inputs of the review of guards7 and mends8 (session 22), written before reading
their diffs: PDFs (object streams under other filters, /Prev chains pointing into an object or
past the end, a huge /Size, a page tree with a loop), images (a PNG declaring billions of
pixels, many frames, an absurd EXIF orientation, a TIFF strip of 1e9 pixels) and KCS CSVs
(a quote opened on the last line, bare CR, a cell with 200 line breaks, UTF-16 with a
spanning record, a gzip whose spanning record passes the read-ahead). Each runs in a child
process with a timeout; the table gives CPU, peak RSS and the answer (for KCS: received,
stored, quarantined and whether they reconcile).

Run:  PYTHONPATH=src:. python benchmarks/review_g7_hostile.py [NAME ...] [--timeout S]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

MiB = 1 << 20


def _deflate_zeros(size: int, fill: bytes = b"\0") -> bytes:
    packer = zlib.compressobj(9)
    chunk = fill * MiB
    parts = [packer.compress(chunk) for _ in range(size // MiB)]
    return b"".join(parts) + packer.flush()


def _stream(data: bytes, entries: str = "") -> bytes:
    return f"<< {entries} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def _lzw_zeros(cycles: int) -> bytes:
    """LZW (PDF, EarlyChange 1) of zeros: each table cycle (0, 258, 259, ... 4094) gives
    about 8 MB from 6 kB of codes."""
    from pypdf._codecs._codecs import LzwCodec

    codes: list[int] = []
    for _ in range(cycles):
        codes += [256, 0, *range(258, 4095)]
    codes.append(257)
    return LzwCodec()._pack_codes_into_bytes(codes)


def _xref_pdf(
    plain: dict[int, bytes], packed: dict[int, tuple[int, int]], size: int | None = None,
    prev: int | None = None, head: bytes = b"%PDF-1.7\n", root: int = 1,
) -> bytes:  # fmt: skip
    """A PDF with an xref stream: ``plain`` objects written in the body, ``packed`` ones
    (number -> (object stream, index)) in object streams."""
    out = head
    offsets: dict[int, int] = {}
    for number, body in sorted(plain.items()):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    top = max([*plain, *packed]) + 1
    xref_no, xref_at = top, len(out)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    for n in range(1, top + 1):
        if n in plain:
            rows.append(struct.pack(">BIH", 1, offsets[n], 0))
        elif n in packed:
            rows.append(struct.pack(">BIH", 2, packed[n][0], packed[n][1]))
        elif n == xref_no:
            rows.append(struct.pack(">BIH", 1, xref_at, 0))
        else:
            rows.append(struct.pack(">BIH", 0, 0, 0))
    data = b"".join(rows)
    extra = f" /Prev {prev}" if prev is not None else ""
    entries = (
        f"/Type /XRef /Size {size or top + 1} /Index [0 {top + 1}] /W [1 4 2] /Root {root} 0 R"
        f"{extra}"
    )
    out += f"{xref_no} 0 obj\n".encode() + _stream(data, entries) + b"\nendobj\n"
    return out + f"startxref\n{xref_at}\n%%EOF\n".encode()


_PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"


def _objstm(encoded: bytes, filters: str) -> bytes:
    return _xref_pdf(
        {1: b"<< /Type /Catalog /Pages 2 0 R >>", 4: _stream(b"BT ET q Q"),
         5: _stream(encoded, f"/Type /ObjStm /N 2 /First {len(_OBJ_HEAD)} /Filter {filters}")},
        {2: (5, 0), 3: (5, 1)},
    )  # fmt: skip


_OBJ_BODY = _PAGES + b" " + _PAGE + b" "
_OBJ_HEAD = f"2 0 3 {len(_PAGES) + 1} ".encode()


def objstm_hex_flate() -> bytes:
    """An object stream under [/ASCIIHexDecode /FlateDecode]: 512 MiB of spaces after the
    two objects, its Flate data written out in hex."""
    packer = zlib.compressobj(9)
    packed = packer.compress(_OBJ_HEAD + _OBJ_BODY)
    packed += b"".join(packer.compress(b" " * MiB) for _ in range(512)) + packer.flush()
    return _objstm(packed.hex().encode() + b">", "[/ASCIIHexDecode /FlateDecode]")


def objstm_lzw() -> bytes:
    """An object stream under /LZWDecode: the two objects (a code a byte), then the table
    cleared and 50 cycles of zeros (some 370 MB)."""
    from pypdf._codecs._codecs import LzwCodec

    codes: list[int] = [256, *(_OBJ_HEAD + _OBJ_BODY)]
    for _ in range(50):
        codes += [256, 0, *range(258, 4095)]
    codes.append(257)
    return _objstm(LzwCodec()._pack_codes_into_bytes(codes), "/LZWDecode")


def unused_lzw_stream() -> bytes:
    """A stream no page uses, LZW over Flate: ~400 MB inflated."""
    body = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: _PAGES, 3: _PAGE,
            4: _stream(b"BT ET"), 5: _stream(_lzw_zeros(50), "/Filter /LZWDecode")}  # fmt: skip
    return _xref_pdf(body, {})


def _classic(objects: dict[int, bytes], trailer: str, head: bytes = b"%PDF-1.7\n") -> bytes:
    out = head
    offsets = {}
    for n, body in sorted(objects.items()):
        offsets[n] = len(out)
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    at = len(out)
    top = max(objects) + 1
    out += f"xref\n0 {top}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offsets.get(n, 0):010d} 00000 n \n".encode() for n in range(1, top))
    return out + f"trailer\n<< {trailer} >>\nstartxref\n{at}\n%%EOF\n".encode()


def _simple() -> dict[int, bytes]:
    return {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: _PAGES, 3: _PAGE,
            4: _stream(b"BT /F1 12 Tf 72 720 Td (hello) Tj ET")}  # fmt: skip


def prev_into_object() -> bytes:
    """An xref stream whose /Prev points into the middle of object 4's stream data."""
    base = _xref_pdf(_simple(), {})
    middle = base.index(b"hello")
    return _xref_pdf(_simple(), {}, prev=middle)


def prev_past_eof() -> bytes:
    return _xref_pdf(_simple(), {}, prev=10**9)


def prev_self_loop_updates() -> bytes:
    """200 incremental updates each with /Prev to the one before, the first /Prev to the last."""
    data = _classic(_simple(), "/Size 5 /Root 1 0 R")
    xrefs = [int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])]
    for _ in range(200):
        at = len(data)
        data += (f"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 5 /Root 1 0 R "
                 f"/Prev {xrefs[-1]} >>\nstartxref\n{at}\n%%EOF\n").encode()  # fmt: skip
        xrefs.append(at)
    return data


def huge_size_update() -> bytes:
    """An incremental update (xref stream) declaring /Size 2,000,000,000."""
    base = _classic(_simple(), "/Size 5 /Root 1 0 R")
    prev = int(base.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    rows = struct.pack(">BIH", 1, len(base), 0)
    entries = f"/Type /XRef /Size 2000000000 /Index [6 1] /W [1 4 2] /Root 1 0 R /Prev {prev}"
    xref = b"6 0 obj\n" + _stream(rows, entries) + b"\nendobj\n"
    return base + xref + f"startxref\n{len(base)}\n%%EOF\n".encode()


def page_tree_loop() -> bytes:
    """/Kids nested 3 deep, the deepest /Pages naming the root /Pages as a kid."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [5 0 R 3 0 R] /Count 2 >>",
        3: _PAGE,
        4: _stream(b"BT ET"),
        5: b"<< /Type /Pages /Parent 2 0 R /Kids [6 0 R] /Count 1 >>",
        6: b"<< /Type /Pages /Parent 5 0 R /Kids [2 0 R 5 0 R] /Count 1 >>",
    }
    return _classic(objects, "/Size 7 /Root 1 0 R")


def stream_word_in_comment() -> bytes:
    """A comment and a string holding 'endstream'/'stream', then a 512 MiB Flate stream no page
    uses (a byte scan for stream keywords could pair the wrong ones)."""
    bomb = _stream(_deflate_zeros(512 * MiB), "/Filter /FlateDecode")
    objects = _simple() | {
        5: b"<< /Note (endstream endobj stream) >>\n% stream\n",
        6: bomb,
    }
    return _classic(objects, "/Size 7 /Root 1 0 R")


def _png(width: int, height: int, idat: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def png_huge_declared() -> bytes:
    return _png(60_000, 60_000, zlib.compress(b"\0" * 100))


def png_under_pillow_over_ours() -> bytes:
    """6,000 x 6,000 (36 Mpx, under the 40 Mpx bound), IDAT for 10 rows only."""
    return _png(6_000, 6_000, zlib.compress(b"\0" * 6_001 * 10))


def gif_many_frames() -> bytes:
    from PIL import Image

    frames = [Image.new("L", (1500, 1500), i % 256) for i in range(60)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    return out.getvalue()


def tiff_many_pages() -> bytes:
    from PIL import Image

    frames = [Image.new("L", (2500, 2500), i % 256) for i in range(40)]
    out = io.BytesIO()
    frames[0].save(out, "TIFF", save_all=True, append_images=frames[1:], compression="tiff_deflate")
    return out.getvalue()


def jpeg_absurd_orientation() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (800, 600), "white")
    exif = Image.Exif()
    exif[0x0112] = 65535
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def jpeg_orientation_6_big() -> bytes:
    """A 6,000 x 6,600 JPEG (39.6 Mpx, under the bound) turned by EXIF orientation 6."""
    from PIL import Image

    image = Image.new("L", (6_000, 6_600), 255)
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=10)
    return out.getvalue()


def tiff_giant_strip() -> bytes:
    """One Deflate strip of 40,000 x 25,000 (1e9) 8-bit pixels, in about 1 MB."""
    width, height = 40_000, 25_000
    strip = _deflate_zeros(width * height)
    entries = [
        (256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 8), (259, 3, 1, 8),
        (262, 3, 1, 1), (273, 4, 1, 0), (277, 3, 1, 1), (278, 4, 1, height),
        (279, 4, 1, len(strip)),
    ]  # fmt: skip
    ifd_at = 8
    data_at = ifd_at + 2 + 12 * len(entries) + 4
    ifd = struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        value = data_at if tag == 273 else value
        packed = struct.pack("<I", value) if kind == 4 else struct.pack("<HH", value, 0)
        ifd += struct.pack("<HHI", tag, kind, count) + packed
    return b"II*\0" + struct.pack("<I", ifd_at) + ifd + b"\0\0\0\0" + strip


DOCUMENTS: dict[str, Callable[[], bytes]] = {
    "objstm_hex_flate.pdf": objstm_hex_flate,
    "objstm_lzw.pdf": objstm_lzw,
    "unused_lzw_stream.pdf": unused_lzw_stream,
    "prev_into_object.pdf": prev_into_object,
    "prev_past_eof.pdf": prev_past_eof,
    "prev_loop_200_updates.pdf": prev_self_loop_updates,
    "huge_size_update.pdf": huge_size_update,
    "page_tree_loop.pdf": page_tree_loop,
    "stream_word_in_comment.pdf": stream_word_in_comment,
    "png_huge_declared.png": png_huge_declared,
    "png_36mpx_short_idat.png": png_under_pillow_over_ours,
    "gif_60_frames.gif": gif_many_frames,
    "tiff_40_pages.tif": tiff_many_pages,
    "jpeg_orientation_65535.jpg": jpeg_absurd_orientation,
    "jpeg_orientation_6_40mpx.jpg": jpeg_orientation_6_big,
    "tiff_1e9_strip.tif": tiff_giant_strip,
}

# KCS ------------------------------------------------------------------------------------

_HEADER = (
    "Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,"
    "Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,"
    "Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,"
    "Net Mass,Item Price,Fraud,Critical Fraud"
).split(",")
_ROW = (
    "56839011,2021-01-01,40,B,11,11,11,40,76NV527,SHHZGSL,249LO7A,,760711,CN,CN,7.2,FCN1,E,"
    "901.2,415092.72,0,0"
).split(",")


def _rows(n: int, eol: str = "\n", seller: Callable[[int], str] | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=eol)
    writer.writerow(_HEADER)
    for i in range(n):
        row = list(_ROW)
        row[0] = str(10_000_000 + i)
        if seller is not None:
            row[10] = seller(i)
        writer.writerow(row)
    return out.getvalue()


def kcs_quote_opened_last_line() -> bytes:
    return (_rows(50) + '99999999,2021-01-01,40,B,11,11,11,40,"76NV527\n').encode()


def kcs_bare_cr() -> bytes:
    return _rows(50, eol="\r").encode()


def kcs_cell_200_breaks() -> bytes:
    cell = "\n".join(f"part {i}" for i in range(201))
    return _rows(20, seller=lambda i: cell if i == 10 else _ROW[10]).encode()


def kcs_utf16_spanning() -> bytes:
    text = _rows(30, seller=lambda i: "A\nB\r\nC" if i in (5, 6) else _ROW[10])
    return text.encode("utf-16")


def kcs_gzip_spanning_over_limit() -> bytes:
    big = "x" * (2 * MiB)  # one quoted cell of 2 MiB on one line
    many = "\n".join(["y"] * 300)  # one of 300 lines
    text = _rows(40, seller=lambda i: big if i == 10 else many if i == 20 else _ROW[10])
    return gzip.compress(text.encode())


def kcs_quote_unclosed_early() -> bytes:
    """A quote opened on line 3 and never closed, 5,000 rows after it."""
    text = _rows(5_000)
    lines = text.split("\n")
    lines[2] = lines[2].replace(",76NV527,", ',"76NV527,', 1)
    return "\n".join(lines).encode()


KCS: dict[str, Callable[[], bytes]] = {
    "quote_opened_last_line.csv": kcs_quote_opened_last_line,
    "bare_cr.csv": kcs_bare_cr,
    "cell_200_breaks.csv": kcs_cell_200_breaks,
    "utf16_spanning.csv": kcs_utf16_spanning,
    "gzip_spanning_over_limit.csv.gz": kcs_gzip_spanning_over_limit,
    "quote_unclosed_early.csv": kcs_quote_unclosed_early,
}

PROBE_DOC = """
import resource, sys, time
route, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
started = time.process_time()
try:
    if route == "extract":
        from clearlane.documents.extraction import extract_bytes
        answer = f"read, {extract_bytes(data, path, ocr=False).pages} page(s)"
    elif route == "ocr":
        from clearlane.documents.extraction import extract_bytes
        answer = f"read (OCR), {extract_bytes(data, path, ocr=True).pages} page(s)"
    else:
        from clearlane.documents.pages import page_png
        answer = f"shown, {len(page_png(data, 1)):,} B"
except Exception as exc:
    answer = f"{type(exc).__name__}: {exc}"
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"{time.process_time() - started:.1f}\\t{rss}\\t{answer[:110]}".replace("\\n", " "))
"""

PROBE_KCS = """
import resource, sys, time, tempfile, logging
logging.disable(logging.CRITICAL)
path = sys.argv[1]
from clearlane.ingest.pipeline import ingest_file
from clearlane.store import open_store
started = time.process_time()
with tempfile.TemporaryDirectory() as folder:
    try:
        store = open_store(f"sqlite:///{folder}/s.db")
        r = ingest_file(path, "kcs", session_factory=store, workers=0)
        answer = f"recv {r.received} stored {r.stored} quar {r.quarantined} ok={r.reconciles}"
    except Exception as exc:
        answer = f"{type(exc).__name__}: {exc}"
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"{time.process_time() - started:.1f}\\t{rss}\\t{answer[:110]}".replace("\\n", " "))
"""


def _run(probe: str, args: list[str], timeout: float) -> tuple[str, str, str]:
    try:
        done = subprocess.run(
            [sys.executable, "-c", probe, *args],
            capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return f">{timeout:.0f}", "?", "timed out"
    cpu, peak, answer = (done.stdout.strip().split("\t") + ["", "", ""])[:3]
    if not answer:
        tail = done.stderr.strip().splitlines()
        answer = (tail[-1] if tail else f"exit {done.returncode}")[:110]
    answer = re.sub(r"/tmp/\w+/", "", answer)
    return cpu, peak, answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"{', '.join([*DOCUMENTS, *KCS])}")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--ocr", action="store_true", help="also extract with OCR on (images)")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| input | size | route | CPU s | peak MB | answer |\n|---|---|---|---|---|---|")
    names = args.names or [*DOCUMENTS, *KCS]
    with tempfile.TemporaryDirectory() as folder:
        # built in a child: a child's peak RSS starts at its parent's at the fork
        subprocess.run([sys.executable, __file__, "--build", folder, *names], check=True)
        for name in names:
            path = Path(folder) / name
            if name in KCS:
                runs = [("ingest", PROBE_KCS, [str(path)])]
            else:
                routes = ["extract", "page"]
                if args.ocr and not name.endswith(".pdf"):
                    routes.append("ocr")
                runs = [(r, PROBE_DOC, [r, str(path)]) for r in routes]
            for route, probe, argv in runs:
                cpu, peak, answer = _run(probe, argv, args.timeout)
                size = path.stat().st_size
                print(f"| {name} | {size:,} | {route} | {cpu} | {peak} | {answer} |", flush=True)


def build(argv: list[str]) -> None:
    folder, names = Path(argv[0]), argv[1:]
    for name in names:
        (folder / name).write_bytes({**DOCUMENTS, **KCS}[name]())


if __name__ == "__main__":
    build(sys.argv[2:]) if sys.argv[1:2] == ["--build"] else main()
