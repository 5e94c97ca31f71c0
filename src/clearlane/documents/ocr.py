"""OCR of page images: deskew, then RapidOCR with the PP-OCRv6 small models shipped inside the
``rapidocr`` wheel (3.x; a recogniser whose dictionary has € £ and accented Latin letters), else
the PP-OCRv4 models inside the ``rapidocr-onnxruntime`` wheel; nothing is downloaded. Tesseract
is a fallback if neither loads and a ``tesseract`` binary is installed."""

from __future__ import annotations

import logging
import os
import re
import shutil
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from clearlane.documents.layout import Page, Word, country_code, group_runs, split_run

_LOCK = threading.Lock()  # one OCR at a time per process: the engine is not thread-safe
THREADS = 2  # ONNX Runtime intra-op threads (the machines have 2 cores); set before first use


ENGINE = "auto"  # "auto": PP-OCRv6 (rapidocr 3.x), else PP-OCRv4; or "v6" / "v4" (benchmarks)
_V6_MODELS = ("PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Engine:
    name: str  # "PP-OCRv6" (rapidocr 3.x) or "PP-OCRv4" (rapidocr-onnxruntime)
    # RGB page -> RapidOCR 1.x style entries (quad, text, score, character boxes, characters)
    read: Callable[[np.ndarray], list[Any]]
    cell_gap: float | None = None  # cut a run at gaps this many line heights wide (CELL_GAP)


@lru_cache(maxsize=1)
def _engine() -> Engine:
    """The OCR engine, loaded once: PP-OCRv6 if the ``rapidocr`` wheel (3.x) and its bundled
    models load, else PP-OCRv4 from ``rapidocr-onnxruntime``; ImportError if neither is there."""
    if ENGINE in ("auto", "v6"):
        try:
            return _v6_engine()
        except Exception as error:  # a missing or broken wheel: the older models still read
            if ENGINE == "v6":
                raise
            log.warning("PP-OCRv6 (rapidocr 3.x) did not load, using PP-OCRv4: %s", error)
    return _v4_engine()


def _v6_engine() -> Engine:
    """rapidocr 3.x with the PP-OCRv6 small detector and recogniser named by path (files inside
    its wheel; named so that rapidocr never looks for, or fetches, another model)."""
    import rapidocr
    from rapidocr import RapidOCR

    folder = Path(rapidocr.__file__).parent / "models"
    det, rec = (folder / name for name in _V6_MODELS)
    for path in (det, rec):
        if not path.is_file():
            raise FileNotFoundError(f"{path} is not in the rapidocr wheel")
    from omegaconf import flag_override

    threads = {"intra_op_num_threads": THREADS, "inter_op_num_threads": 1}
    engine = RapidOCR(params={
        "Global.log_level": "warning", "Global.use_cls": False,
        **{f"EngineConfig.onnxruntime.{key}": value for key, value in threads.items()},
        "Det.model_path": str(det), "Rec.model_path": str(rec),
    })  # fmt: skip
    # Our own ONNX Runtime sessions (rapidocr takes a ready one as 'session': its PR #451;
    # OmegaConf holds it only with allow_objects), built by _session.
    with flag_override(engine.cfg, "allow_objects", True):
        engine.cfg.Det.session = _session(det)
        engine.cfg.Rec.session = _session(rec)
    # rapidocr 3.x loads a model at its first use: load both now, so that a model that does
    # not load (a damaged file, an ONNX Runtime too old for it) makes _engine fall back to
    # PP-OCRv4 instead of failing every page read later.
    engine._load_det_model()
    engine._load_rec_model()

    def read(rgb: np.ndarray) -> list[Any]:
        out: Any = engine(rgb, use_cls=False, return_word_box=True, return_single_char_box=True)
        if out.txts is None or out.boxes is None or out.scores is None:
            return []
        chars: list[Any] = list(out.word_results)
        if len(chars) != len(out.txts):  # no character boxes to line up: the runs alone
            chars = [()] * len(out.txts)
        entries = []
        for quad, text, score, found in zip(out.boxes, out.txts, out.scores, chars, strict=True):
            letters = [c[0] for c in found]
            boxes = [c[2] for c in found]
            entries.append((quad.tolist(), text, score, boxes, letters))
        return entries

    return Engine("PP-OCRv6", read, cell_gap=CELL_GAP)


# ONNX Runtime's graph optimisations for the PP-OCRv6 sessions. rapidocr sets ORT_ENABLE_ALL,
# whose layout pass (NCHWc) converts the detector's activations to blocked copies: reading an
# A4 scan at 200 dpi peaked at 814 MB with it, 642 MB with "extended" (every fusion, no layout
# pass), the same runs read; alternated at load 27-35 it took 0.8-1.5 CPU s more a page
# (not settled on a quiet host: session 25, benchmarks/ocr_memory.py, docs/performance.md).
GRAPH_OPTIMIZATION = "extended"  # or "all" (rapidocr's own), "basic", "disabled"


def _session(model: Path) -> Any:
    """An ONNX Runtime CPU session of ``model`` as rapidocr would build it (no CPU memory
    arena, :data:`THREADS` threads), with :data:`GRAPH_OPTIMIZATION`'s optimisations."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = False
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    options.graph_optimization_level = {
        "all": ort.GraphOptimizationLevel.ORT_ENABLE_ALL,
        "extended": ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
        "basic": ort.GraphOptimizationLevel.ORT_ENABLE_BASIC,
        "disabled": ort.GraphOptimizationLevel.ORT_DISABLE_ALL,
    }[GRAPH_OPTIMIZATION]
    return ort.InferenceSession(str(model), sess_options=options,
                                providers=["CPUExecutionProvider"])  # fmt: skip


def _v4_engine() -> Engine:
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR(intra_op_num_threads=THREADS, inter_op_num_threads=1)

    def read(rgb: np.ndarray) -> list[Any]:
        found, _ = engine(rgb, use_cls=False, return_word_box=True)
        return list(found or [])

    return Engine("PP-OCRv4", read)


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


# The longest side of a page image OCR reads: both engines shrink their input to a longest
# side of 2,000 pixels (rapidocr's Global.max_side_len) before detecting anything, so a larger
# page is shrunk here first, to twice that (deskewed at that resolution, not 6,000 px): a
# 6,000 x 6,000 scan took 1.14 GB to read, a 4,000 x 4,000 one 0.88 GB, as a 2,000 one.
OCR_MAX_SIDE = 4000


def fit_for_ocr(gray: np.ndarray) -> np.ndarray:
    """``gray`` shrunk (area-averaged) to a longest side of :data:`OCR_MAX_SIDE`, if longer."""
    import cv2

    height, width = gray.shape[:2]
    if max(height, width) <= OCR_MAX_SIDE:
        return gray
    scale = OCR_MAX_SIDE / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return cv2.resize(gray, size, interpolation=cv2.INTER_AREA)


def ocr_page(image: Any, number: int) -> Page:
    """OCR one page image (PIL image or array) into positioned words (in the pixels of the
    image read: one longer than :data:`OCR_MAX_SIDE` is shrunk to it first)."""
    gray = np.asarray(image.convert("L") if hasattr(image, "convert") else image)
    if gray.ndim == 3:
        gray = gray.mean(axis=2).astype(np.uint8)
    gray = fit_for_ocr(gray)
    gray, _ = deskew(gray)
    height, width = gray.shape
    runs = _rapidocr(gray)
    if runs is None:
        runs = _tesseract(gray)
    runs = mend_runs(runs)
    words = [w for run in runs for w in split_run(run)]
    return Page(number=number, width=float(width), height=float(height), words=words,
                runs=runs, source="ocr")  # fmt: skip


def mend_runs(runs: list[Word]) -> list[Word]:
    """The recogniser's runs as the reader wants them: each run's text cleaned
    (:func:`clean_text`, again: runs kept from an earlier version's recogniser are read with
    today's rules) and cut where a second label follows a value (:func:`cut_at_labels`)."""
    mended = []
    for run in runs:
        text = clean_text(run.text)
        if text:
            mended.extend(cut_at_labels(replace(run, text=text)))
    return mended


# A label after a value in one run: 'NIF: 4000123456 RC: 58211', 'TIN: 1234567 Tel: +670 ...',
# 'N°TVA: 12345 Tél.: +678 ...'. On a text layer the cells stand apart; the recogniser boxes
# them as one run when the gap is a few spaces wide, and the first label's value then runs on
# into the next label ('4000123456 RC: 58211' is no tax id). Cut before a word (or two or
# three) ending in a colon that follows a word with a digit. The words before the last are a
# label's only when short or in capitals ('VAT Reg. No:', 'N° TVA:', 'Tax ID:'): a town or a
# street before 'Tel:' stays with its address ('P.O. Box 1234 Windhoek Tel: …', review o2).
_LABEL_AFTER_VALUE = re.compile(
    r"(?<=\d)(?<=\S) +(?=(?:(?:[A-ZÀ-Þ][\w°º.'’/-]{0,3}|[A-ZÀ-Þ]{2,}\.?|N[°º]\.?) +){0,2}"
    r"[^\W\d][\w°º.'’/-]* ?:)"
)


def cut_at_labels(run: Word) -> list[Word]:
    """``run`` cut before each label that follows a value in it (:data:`_LABEL_AFTER_VALUE`),
    the x range shared out by character count."""
    cuts = [m.start() for m in _LABEL_AFTER_VALUE.finditer(run.text)]
    if not cuts:
        return [run]
    width = run.x1 - run.x0
    total = len(run.text)
    pieces = []
    for start, end in zip([0, *cuts], [*cuts, total], strict=True):
        text = run.text[start:end].strip()
        first = start + run.text[start:end].index(text)
        pieces.append(replace(run, text=text, x0=run.x0 + width * first / total,
                              x1=run.x0 + width * (first + len(text)) / total))  # fmt: skip
    return pieces


def _rapidocr(gray: np.ndarray) -> list[Word] | None:
    try:
        engine = _engine()
    except ImportError:
        return None
    rgb = np.stack([gray] * 3, axis=2)
    with _LOCK:
        found = engine.read(rgb)
    return runs_of(found, engine.cell_gap)


def runs_of(found: list[Any], cell_gap: float | None = None) -> list[Word]:
    """RapidOCR's result (quad, text, score[, character boxes, characters, ...]) as runs, cut
    where two characters stand more than ``cell_gap`` line heights apart (if given)."""
    runs = []
    for entry in found:
        quad, text, score = entry[0], str(entry[1]), float(entry[2])
        xs = [p[0] for p in quad]
        ys = [p[1] for p in quad]
        top, bottom = min(ys), max(ys)
        pieces = [(text, min(xs), max(xs))]
        if len(entry) >= 5 and entry[3] and len(entry[4]) == len(entry[3]):
            pieces = _pieces(entry[3], entry[4], bottom - top, text, cell_gap)
            pieces[0] = (pieces[0][0], min(xs), pieces[0][2])
            pieces[-1] = (pieces[-1][0], pieces[-1][1], max(xs))
        for piece, left, right in pieces:
            piece = clean_text(piece)
            if piece:
                runs.append(Word(piece, left, top, right, bottom, score))
    return runs


def clean_text(text: str) -> str:
    """A run's text with single spaces and ASCII punctuation: the recogniser's dictionary is
    Chinese and Latin, and it writes brackets, colons and commas full-width
    ('TOTAL AMOUNT（EUR)'); NFKC makes them ASCII. And the recogniser's misreadings no word
    has (:data:`_MISREAD`)."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    for pattern, replacement in _MISREAD:
        text = pattern.sub(replacement, text)
    return _SEMICOLON.sub(
        lambda m: "," if country_code(text[m.end() :].strip()) else m.group(), text
    )


# A comma read as a semicolon between a place and its country ('Nouadhibou; Mauritanie'): the
# country after it was not found, nor the seller's block it ends. Only before a country: a
# semicolon the page prints ('Apples; Pears', 'Net 30 days; Payment by transfer') stays.
_SEMICOLON = re.compile(r"(?<=[^\W\d]{2});(?= [A-ZÀ-Þ])")


# Letters the recogniser reads as others where the reading is no word: a litre or a pound
# after a number read with a capital I ('Watering can 10 I', '30 Ib cartons', '$4.85/Ibs');
# Türkiye's 'A.Ş.' read 'A.$.' (no Ş in its dictionary: a dollar sign inside a company's
# legal form); Poland's 'Sp. z o.o.' read 'Sp. z 0.o.' or 'Sp. z o.0.' (a zero for an o).
_MISREAD: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=\d)( ?)I(?![\w'’-]|\.\w)"), r"\1l"),  # (not '1000 I.U.', '0 I.V.A.')
    (re.compile(r"(?<=[\d/])( ?)I(bs?)(?![\w'’])"), r"\1l\2"),
    (re.compile(r"\bA\.\$\.?(?!\w)"), "A.Ş."),
    (re.compile(r"(?<=\bz )(?:0\.[0o]|o\.0)\.?(?!\w)"), "o.o."),
    # French '1er décembre 2026' read 'ler décembre 2026': an 'l' for the one before 'er' and
    # a month and a year (no word 'ler' stands there).
    (re.compile(r"(?<![\w.])ler(?= [^\W\d]+\.? \d{4}\b)"), "1er"),
    # An abbreviation's full stop read as a comma before 'No.' ('VAT Reg, No. 4567891-01-5'):
    # the label was not known.
    (re.compile(r"\b([A-Z][a-z]{1,3}), (?=N[or]\.)"), r"\1. "),
)


_WIDE = frozenset("mwMW")
# A gap between two characters wider than this share of the line's height parts two cells
# that PP-OCRv6's detector boxed as one ('QuantityUnit', 'No.Description': gaps of 0.7 to 1.4
# heights; a space between words is 0.25 to 0.5). Not for PP-OCRv4, whose detector keeps
# such cells apart and whose character boxes in a large letterhead are less even.
CELL_GAP = 0.6


def _pieces(
    boxes: list[Any],
    chars: list[str],
    height: float,
    text: str = "",
    cell_gap: float | None = None,
) -> list[tuple[str, float, float]]:
    """The run's text with spaces where its characters stand apart and where the recogniser
    wrote one in ``text``, cut into cells at gaps wider than ``cell_gap`` heights: (text, x0,
    x1) each.

    PP-OCRv4 seldom emits spaces between Latin words, PP-OCRv6 not always (a large
    letterhead); the character boxes show them as gaps wider than the gaps inside a word.
    """
    said = _spaces_said(text, chars)
    pieces: list[tuple[str, float, float]] = []
    out: list[str] = []
    first: float | None = None
    last_right: float | None = None
    last = ""
    for index, (box, char) in enumerate(zip(boxes, chars, strict=True)):
        left = min(p[0] for p in box)
        if char == " ":
            if out and out[-1] != " ":
                out.append(" ")
            last = char
            continue
        if (
            cell_gap is not None
            and first is not None
            and last_right is not None
            and left - last_right > cell_gap * height
        ):
            pieces.append(("".join(out), first, last_right))
            out, first = [], None
        # The character boxes are about as wide for every glyph: beside an 'm' or 'w' (or
        # 'M', 'W'), wider than its box, the gap inside a word looks larger ('Factuurnu mmer',
        # 'Com mittente', 'M wSt.').
        wide = char in _WIDE or last in _WIDE
        gap = (0.36 if wide else 0.3) * height
        apart = index in said or (last_right is not None and left - last_right > gap)
        if out and apart and out[-1] != " ":
            out.append(" ")
        out.append(char)
        first = left if first is None else first
        last_right = max(p[0] for p in box)
        last = char
    if out and first is not None and last_right is not None:
        pieces.append(("".join(out), first, last_right))
    return pieces or [(text, 0.0, 0.0)]


def _spaces_said(text: str, chars: list[str]) -> set[int]:
    """Indices of ``chars`` before which ``text`` (the same letters) has a space; none when the
    two do not spell the same letters."""
    letters = [index for index, char in enumerate(chars) if char != " "]
    if text.replace(" ", "") != "".join(chars[index] for index in letters):
        return set()
    said, seen, pending = set(), 0, False
    for char in text:
        if char == " ":
            pending = seen > 0
            continue
        if pending:
            said.add(letters[seen])
        pending = False
        seen += 1
    return said


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
