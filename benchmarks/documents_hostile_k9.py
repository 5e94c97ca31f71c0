"""Review k9 (session 23): hostile PDFs written BEFORE guards8's diff was read, with their
ground truth, and a runner that measures each in a child process (status, peak RSS, CPU)
against one source tree. Usage:

    python benchmarks/documents_hostile_k9.py build DIR
    python benchmarks/documents_hostile_k9.py run DIR SRC [--ocr]

Ground truth (written first): every file is either rejected with an ExtractionError that
names a reason, or read; never another exception, never more than 400 MB peak, never more
than 20 s CPU (OCR off); the all-garbage file and the bombs are rejected."""

from __future__ import annotations

import base64
import io
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.documents.hostile_k9 import (  # noqa: E402
    MiB,
    deflate_parts,
    deflated_zeros,
    lzw,
    lzw_zeros,
    objstm_pdf,
    page_with,
    pdf_file,
    stream,
)


def scan_pdf() -> bytes:
    """One A4 page that is a 300 dpi greyscale JPEG of printed invoice lines."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 48)
    except OSError:
        font = ImageFont.load_default()
    lines = ["COMMERCIAL INVOICE", "Invoice no. INV-2026-0917", "Seller: Nordic Parts AB",
             "Buyer: Delta Trading BV", "Total EUR 12,450.00"]  # fmt: skip
    for row, line in enumerate(lines):
        draw.text((200, 300 + row * 120), line, fill=0, font=font)
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=85)
    data = jpeg.getvalue()
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im0 5 0 R >> >> >>",
        stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q", ""),
        stream(data, "/Type /XObject /Subtype /Image /Width 2480 /Height 3508 "
               "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode"),
    ])  # fmt: skip


def build(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    two_gb = 2 << 30
    lz = lzw_zeros(two_gb)  # 2 GiB of zeros as LZW, ~19 MB
    flz = deflate_parts([lz])
    files = {
        # an object stream: Flate then LZW, 2 GiB out of ~20 kB
        "objstm_flate_lzw.pdf": objstm_pdf(
            stream(flz, "/Type /ObjStm /N 2 /First 40 /Filter [/FlateDecode /LZWDecode]")
        ),
        # an object stream whose real objects are followed by 2 GiB of LZW zeros... as LZW only
        "objstm_lzw_plain.pdf": objstm_pdf(
            stream(lzw_zeros(256 * MiB), "/Type /ObjStm /N 2 /First 40 /Filter /LZWDecode")
        ),
        # page contents: ASCII85 -> Flate -> LZW (2 GiB from ~25 kB)
        "contents_a85_flate_lzw.pdf": page_with(
            stream(
                base64.a85encode(flz, adobe=True)[2:],
                "/Filter [/ASCII85Decode /FlateDecode /LZWDecode]",
            )
        ),
        # page contents: ASCII85 -> LZW -> Flate (the brief's order; 1 GiB)
        "contents_a85_lzw_flate.pdf": page_with(
            stream(
                base64.a85encode(lzw(deflated_zeros(1 << 30)), adobe=True)[2:],
                "/Filter [/ASCII85Decode /LZWDecode /FlateDecode]",
            )
        ),
        # all garbage after %PDF
        "garbage_pdf_header.pdf": b"%PDF-1.7\n" + random.Random(9).randbytes(5 * MiB),
    }
    scan = scan_pdf()
    files["scan_whole.pdf"] = scan
    files["scan_cut_50.pdf"] = scan[: len(scan) // 2]
    files["scan_cut_95.pdf"] = scan[: len(scan) * 95 // 100]
    for name, data in files.items():
        (out / name).write_bytes(data)
        print(f"{name:30} {len(data):>10,} bytes")


CHILD = """
import sys, time
from clearlane.documents import ExtractionError
from clearlane.documents.extraction import extract_bytes
data = open(sys.argv[1], 'rb').read()
try:
    r = extract_bytes(data, sys.argv[1].rsplit('/', 1)[-1], ocr=sys.argv[2] == '1')
    print('READ pages', r.pages, repr(str(getattr(r, 'text', ''))[:60]))
except ExtractionError as e:
    print('REJECTED', str(e)[:150])
"""


def run(folder: Path, src: str, ocr: bool) -> None:
    """Each file measured from a fresh intermediate process (children's peak RSS is per file)."""
    for path in sorted(folder.glob("*.pdf")):
        flags = ["--ocr"] if ocr else []
        subprocess.run([sys.executable, __file__, "one", str(path), src, *flags], check=True)


def one(path: Path, src: str, ocr: bool, timeout: int = 90) -> None:
    env = {**os.environ, "PYTHONPATH": src}
    if True:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        argv = [sys.executable, "-c", CHILD, str(path), "1" if ocr else "0"]
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            out, err = proc.communicate(timeout=timeout)
            outcome = out.decode().strip() or ("CRASH " + err.decode().strip().splitlines()[-1])
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            outcome = f"TIMEOUT >{timeout}s"
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        print(f"{path.name:28} cpu {cpu:6.2f}s wall {time.perf_counter() - started:6.1f}s "
              f"peak {after.ru_maxrss / 1024:7.0f} MB  {outcome[:170]}")  # fmt: skip


if __name__ == "__main__":
    if sys.argv[1] == "build":
        build(Path(sys.argv[2]))
    elif sys.argv[1] == "one":
        one(Path(sys.argv[2]), sys.argv[3], "--ocr" in sys.argv)
    else:
        run(Path(sys.argv[2]), sys.argv[3], "--ocr" in sys.argv)
