"""OCR of page images: deskew, then RapidOCR (PP-OCR models shipped inside the
rapidocr-onnxruntime wheel; nothing is downloaded), Tesseract as a fallback if installed."""

from __future__ import annotations

import os
import shutil
import threading
import unicodedata
from functools import lru_cache
from typing import Any

import numpy as np

from clearlane.documents.layout import Page, Word, group_runs, split_run

_LOCK = threading.Lock()  # one OCR at a time per process: the engine is not thread-safe
THREADS = 2  # ONNX Runtime intra-op threads (the machines have 2 cores); set before first use


@lru_cache(maxsize=1)
def _engine() -> Any:
    """The RapidOCR engine, loaded once (its models are files inside the wheel)."""
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR(intra_op_num_threads=THREADS, inter_op_num_threads=1)


def skew_angle(gray: np.ndarray) -> float:
    """The page's skew in degrees (positive: counter-clockwise), by projection profiles.

    Text lines give the sharpest row profile when they are level: try angles on a small
    binarised copy and keep the one whose row sums vary most.
    """
    import cv2

    scale = 800 / max(gray.shape)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = (small < 128).astype(np.float32)
    h, w = ink.shape
    centre = (w / 2, h / 2)

    def score(angle: float) -> float:
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(ink, matrix, (w, h), flags=cv2.INTER_NEAREST)
        rows = turned.sum(axis=1)
        return float(np.var(rows))

    best = max(np.arange(-5.0, 5.01, 0.5), key=score)
    fine = max(np.arange(best - 0.5, best + 0.51, 0.1), key=score)
    return float(fine)


def deskew(gray: np.ndarray) -> tuple[np.ndarray, float]:
    import cv2

    angle = skew_angle(gray)
    if abs(angle) < 0.1:
        return gray, 0.0
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    turned = cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    return turned, angle


def ocr_page(image: Any, number: int) -> Page:
    """OCR one page image (PIL image or array) into positioned words."""
    gray = np.asarray(image.convert("L") if hasattr(image, "convert") else image)
    if gray.ndim == 3:
        gray = gray.mean(axis=2).astype(np.uint8)
    gray, _ = deskew(gray)
    height, width = gray.shape
    runs = _rapidocr(gray)
    if runs is None:
        runs = _tesseract(gray)
    words = [w for run in runs for w in split_run(run)]
    return Page(number=number, width=float(width), height=float(height), words=words,
                runs=runs, source="ocr")  # fmt: skip


def _rapidocr(gray: np.ndarray) -> list[Word] | None:
    try:
        engine = _engine()
    except ImportError:
        return None
    rgb = np.stack([gray] * 3, axis=2)
    with _LOCK:
        found, _ = engine(rgb, use_cls=False, return_word_box=True)
    return runs_of(found or [])


def runs_of(found: list[Any]) -> list[Word]:
    """RapidOCR's result (quad, text, score[, character boxes, characters, ...]) as runs."""
    runs = []
    for entry in found:
        quad, text, score = entry[0], str(entry[1]), float(entry[2])
        xs = [p[0] for p in quad]
        ys = [p[1] for p in quad]
        if len(entry) >= 5 and entry[3] and len(entry[4]) == len(entry[3]):
            text = _spaced(entry[3], entry[4], max(ys) - min(ys))
        text = clean_text(text)
        if text:
            runs.append(Word(text, min(xs), min(ys), max(xs), max(ys), score))
    return runs


def clean_text(text: str) -> str:
    """A run's text with single spaces and ASCII punctuation: the recogniser's dictionary is
    Chinese and English, and it writes brackets, colons and commas full-width
    ('TOTAL AMOUNT（EUR)'); NFKC makes them ASCII."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


_WIDE = frozenset("mwMW")


def _spaced(boxes: list[Any], chars: list[str], height: float) -> str:
    """The run's text with spaces where its characters stand apart.

    The PP-OCR recogniser seldom emits spaces between Latin words; its character boxes
    show them as gaps wider than the gaps inside a word.
    """
    out = []
    last_right: float | None = None
    last = ""
    for box, char in zip(boxes, chars, strict=True):
        left = min(p[0] for p in box)
        # The character boxes are about as wide for every glyph: beside an 'm' or 'w' (or
        # 'M', 'W'), wider than its box, the gap inside a word looks larger ('Factuurnu mmer',
        # 'Com mittente', 'M wSt.').
        wide = char in _WIDE or last in _WIDE
        gap = (0.36 if wide else 0.3) * height
        if last_right is not None and left - last_right > gap and char != " ":
            out.append(" ")
        out.append(char)
        last_right = max(p[0] for p in box)
        last = char
    return "".join(out)


def _tesseract(gray: np.ndarray) -> list[Word]:
    """Words from the tesseract binary, when there is one (else no words)."""
    import subprocess
    import tempfile

    binary = shutil.which("tesseract")
    if binary is None:
        return []
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "page.png")
        Image.fromarray(gray).save(path)
        done = subprocess.run(
            [binary, path, "stdout", "tsv"], capture_output=True, text=True, timeout=120,
            check=False,
        )  # fmt: skip
    words = []
    for line in done.stdout.splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) == 12 and parts[11].strip() and float(parts[10]) >= 0:
            left, top, w, h = (float(v) for v in parts[6:10])
            words.append(Word(parts[11], left, top, left + w, top + h, float(parts[10]) / 100))
    return group_runs(words)
