"""Layout-aware reading of an invoice page from positioned words (a PDF text layer or OCR).

Header fields are key/value pairs: a label ("Invoice No.", "Currency", ...) with its value in
the same text run, to its right on the same line, or (party blocks) the lines below it. Line
items come from the table under a header row naming Description, Quantity and Amount: each
word goes to the column whose header span it falls under; a line without an amount continues
the description of the row above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from statistics import median
from typing import Any

from clearlane.documents.models import Evidence, Extraction, LineItem, Source


@dataclass
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float = 1.0

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]  # single words
    runs: list[Word] = field(default_factory=list)  # text runs (words close on one line)
    source: Source = "text"

    def box(self, *words: Word) -> tuple[float, float, float, float]:
        x0 = min(w.x0 for w in words) / self.width
        y0 = min(w.top for w in words) / self.height
        x1 = max(w.x1 for w in words) / self.width
        y1 = max(w.bottom for w in words) / self.height
        return (round(x0, 4), round(y0, 4), round(x1, 4), round(y1, 4))


def line_height(words: list[Word]) -> float:
    heights = [w.bottom - w.top for w in words if w.bottom > w.top]
    return median(heights) if heights else 10.0


def group_runs(words: list[Word], gap_factor: float = 0.45) -> list[Word]:
    """Join words on one line separated by about a space into text runs."""
    if not words:
        return []
    h = line_height(words)
    ordered = sorted(words, key=lambda w: (round(w.middle / (h * 0.5)), w.x0))
    runs: list[Word] = []
    for word in ordered:
        last = runs[-1] if runs else None
        if (
            last is not None
            and abs(last.middle - word.middle) < h * 0.4
            and 0 <= word.x0 - last.x1 < h * gap_factor
        ):
            runs[-1] = Word(
                f"{last.text} {word.text}",
                last.x0,
                min(last.top, word.top),
                word.x1,
                max(last.bottom, word.bottom),
                min(last.confidence, word.confidence),
            )
        else:
            runs.append(Word(word.text, word.x0, word.top, word.x1, word.bottom, word.confidence))
    return runs


def split_run(run: Word) -> list[Word]:
    """Words of an OCR text run, their x positions shared out by character count."""
    parts = run.text.split()
    if len(parts) <= 1:
        return [run]
    total = len(run.text)
    width = run.x1 - run.x0
    words, offset = [], 0
    for part in parts:
        start = run.text.index(part, offset)
        end = start + len(part)
        offset = end
        words.append(
            Word(
                part,
                run.x0 + width * start / total,
                run.top,
                run.x0 + width * end / total,
                run.bottom,
                run.confidence,
            )  # fmt: skip
        )
    return words


# -- values -----------------------------------------------------------------------------------

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}


def parse_number(text: str) -> Decimal | None:
    """'12,345.67', '12.345,67', '1 234,5', '28.58 USD' -> Decimal; None when not a number."""
    cleaned = re.sub(r"[\s'\u00a0]", "", text.strip())
    cleaned = re.sub(r"[A-Za-z]{3}$|^[A-Za-z]{3}", "", cleaned).strip(".:;'`")
    cleaned = cleaned.replace("O", "0").replace("o", "0")  # OCR reads 0 as O
    if re.fullmatch(r"-?[\d.,]*\d:\d{2}", cleaned):  # and a decimal point as a colon
        cleaned = cleaned.replace(":", ".")
    if not re.fullmatch(r"-?[\d.,]*\d", cleaned):
        return None
    if "," in cleaned and "." in cleaned:
        decimal_mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
    elif "," in cleaned:
        head, _, tail = cleaned.rpartition(",")
        decimal_mark = "." if len(tail) == 3 and cleaned.count(",") >= 1 and head else ","
        if cleaned.count(",") > 1:
            decimal_mark = "."
    else:
        decimal_mark = "."
        if cleaned.count(".") > 1:
            decimal_mark = ","
    thousands = "," if decimal_mark == "." else "."
    cleaned = cleaned.replace(thousands, "").replace(decimal_mark, ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def money(text: str) -> str | None:
    number = parse_number(text)
    return None if number is None else str(number.quantize(Decimal("0.01")))


def quantity(text: str) -> str | None:
    number = parse_number(text)
    if number is None:
        return None
    return format(number.normalize(), "f")


def parse_date(text: str) -> str | None:
    text = text.strip().rstrip(".")
    try:
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if match:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        match = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
        if match:  # European order: day first
            return date(int(match[3]), int(match[2]), int(match[1])).isoformat()
        match = re.fullmatch(r"(\d{1,2})\.?\s*([A-Za-z]{3})[a-z]*\.?\s*(\d{4})", text)
        if match and match[2].lower() in _MONTHS:
            return date(int(match[3]), _MONTHS[match[2].lower()], int(match[1])).isoformat()
    except ValueError:
        return None
    return None


def country_code(text: str) -> str | None:
    """An ISO 3166 alpha-2 code for a country named at the end of an address line."""
    candidate = re.sub(r"[^a-z]", "", text.split(",")[-1].lower())
    if len(candidate) < 4:  # short words are not country names; codes alone are ambiguous
        return None
    return _countries().get(candidate)


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Country names (name, common and official) squashed to letters -> alpha-2."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[re.sub(r"[^a-z]", "", str(value).lower())] = str(country.alpha_2)
    return names


def currency_code(text: str) -> str | None:
    import pycountry

    candidate = text.strip().upper()
    if re.fullmatch(r"[A-Z]{3}", candidate) and pycountry.currencies.get(alpha_3=candidate):
        return candidate
    return None


# -- labels -----------------------------------------------------------------------------------

_COLON = r"\s*[:.]?\s*"
LABELS: dict[str, str] = {
    "invoice_number": r"(invoice|inv\.?)\s*(no\.?|number|#|nr\.?)|rechnungs-?\s*nr\.?"
    r"|rechnungsnummer",
    "issue_date": r"(invoice\s+)?date(\s+of\s+issue)?|issue\s+date|rechnungsdatum|datum",
    "currency": r"currency|w[aä]hrung",
    "tax_exclusive_total": r"total\s+excl\.?\s*(vat|tax)|net\s+total|sub-?\s*total|total\s+net"
    r"|tax\s+basis|nettobetrag",
    "tax_total": r"(vat|tax|mwst\.?|ust\.?)(\s*\d+([.,]\d+)?\s*%)?|total\s+(vat|tax)",
    "grand_total": r"(invoice|grand)\s+total|total\s+incl\.?\s*(vat|tax)|total|gesamtbetrag",
    "due_payable": r"amount\s+(due|payable)|balance\s+due|due\s+payable|zahlbetrag",
    "seller": r"seller|from|supplier|vendor|exporter(\s*/\s*seller)?|shipper|verk[aä]ufer",
    "buyer": r"buyer|bill\s+to|sold\s+to|customer|consignee|importer|k[aä]ufer",
    "vat": r"vat\s*(id|no\.?|number|reg\.?\s*no\.?)|tax\s*id|ust-?id(nr)?\.?",
}
# OCR drops spaces now and then: a label matches with or without them.
_COMPILED = {
    key: re.compile("^(?:" + pattern.replace(r"\s+", r"\s*") + ")" + _COLON + "(?P<rest>.*)$", re.I)
    for key, pattern in LABELS.items()
}
_TYPES = (
    (re.compile(r"credit\s*note|gutschrift", re.I), "381"),
    (re.compile(r"debit\s*note", re.I), "383"),
    (re.compile(r"pro-?\s*forma", re.I), "325"),
    (re.compile(r"invoice|rechnung", re.I), "380"),
)


def _label(run: Word, key: str) -> str | None:
    """The rest of the run after ``key``'s label (maybe ''), or None if it is not that label."""
    match = _COMPILED[key].match(run.text.strip())
    return None if match is None else match["rest"].strip()


class _Reader:
    def __init__(self, page: Page, result: Extraction) -> None:
        self.page = page
        self.result = result
        self.h = line_height(page.runs or page.words)
        self.confidence = 0.95 if page.source == "text" else 1.0

    def put(self, name: str, value: str | None, *words: Word) -> None:
        if value is None or getattr(self.result, name) is not None:
            return
        setattr(self.result, name, value)
        conf = min(w.confidence for w in words) if words else 0.5
        self.result.evidence[name] = Evidence(
            source=self.page.source,
            page=self.page.number,
            box=self.page.box(*words) if words else None,
            confidence=round(min(conf, self.confidence), 3),
        )

    def right_of(self, run: Word) -> Word | None:
        """The nearest run to the right on the same line."""
        candidates = [
            r for r in self.page.runs
            if r is not run and r.x0 >= run.x1 - 1 and abs(r.middle - run.middle) < self.h * 0.6
        ]  # fmt: skip
        return min(candidates, key=lambda r: r.x0) if candidates else None

    def below(self, run: Word, limit: int) -> list[Word]:
        """Runs stacked under ``run`` (same left edge), closest first, up to ``limit``."""
        stack: list[Word] = []
        last = run
        for _ in range(limit):
            candidates = [
                r for r in self.page.runs
                if r.top > last.top + self.h * 0.5 and r.top - last.bottom < self.h * 1.6
                and abs(r.x0 - run.x0) < self.h * 1.5
            ]  # fmt: skip
            if not candidates:
                break
            last = min(candidates, key=lambda r: r.top)
            stack.append(last)
        return stack

    def value_of(self, key: str) -> tuple[str, list[Word]] | None:
        for run in sorted(self.page.runs, key=lambda r: (r.top, r.x0)):
            rest = _label(run, key)
            if rest is None:
                continue
            if rest:
                return rest, [run]
            neighbour = self.right_of(run)
            if neighbour is not None:
                return neighbour.text, [neighbour]
            under = self.below(run, 1)  # the value printed under its label
            if under and _label(under[0], key) is None:
                return under[0].text, under
        return None

    def amount_of(self, key: str) -> None:
        for run in sorted(self.page.runs, key=lambda r: (r.top, r.x0)):
            rest = _label(run, key)
            if rest is None:
                continue
            if key == "grand_total" and _label(run, "tax_exclusive_total") is not None:
                continue
            if key == "tax_total" and (
                _label(run, "vat") is not None or _label(run, "tax_exclusive_total") is not None
            ):
                continue
            candidates: list[tuple[str, list[Word]]] = []
            if rest:
                candidates.append((rest, [run]))
            neighbour = self.right_of(run)
            if neighbour is not None:
                candidates.append((neighbour.text, [neighbour]))
            for text, words in candidates:
                value = money(text)
                if value is not None:
                    self.put(key, value, *words)
                    code = re.search(r"\b([A-Z]{3})\s*$|^\s*([A-Z]{3})\b", text)
                    if code and self.result.currency is None:
                        self.put("currency", currency_code(code[1] or code[2]), *words)
                    return

    def read_header(self) -> None:
        for run in sorted(self.page.runs, key=lambda r: (r.top, r.x0))[:12]:
            for pattern, code in _TYPES:
                if pattern.search(run.text) and run.text.upper() == run.text:
                    self.put("type_code", code, run)
                    break
            if self.result.type_code is not None:
                break
        found = self.value_of("invoice_number")
        if found and re.search(r"\d", found[0]):
            self.put("invoice_number", found[0].split()[0], *found[1])
        found = self.value_of("issue_date")
        if found:
            self.put("issue_date", parse_date(found[0]), *found[1])
        found = self.value_of("currency")
        if found:
            self.put("currency", currency_code(found[0]), *found[1])
        for key in ("tax_exclusive_total", "tax_total", "grand_total", "due_payable"):
            self.amount_of(key)
        self.party("seller")
        self.party("buyer")

    def party(self, role: str) -> None:
        for run in sorted(self.page.runs, key=lambda r: (r.top, r.x0)):
            rest = _label(run, role)
            if rest is None or rest:
                continue
            block = self.below(run, 5)
            if not block:
                continue
            name = block[0]
            self.put(f"{role}_name", name.text, name)
            for line in block[1:]:
                vat = _label(line, "vat")
                if vat is not None:
                    if role == "seller" and vat:
                        self.put("seller_vat_id", vat.replace(" ", ""), line)
                    continue
                code = country_code(line.text)
                if code is not None:
                    self.put(f"{role}_country", code, line)
            return

    def read_table(self, state: dict[str, Any]) -> None:
        """Line items of this page, appended to those of earlier pages. A page without a
        header row continues the previous page's table in its columns (same source only)."""
        if any(
            key.startswith("line_items[") and proof.source == "xml"
            for key, proof in self.result.evidence.items()
        ):
            return
        header = self._table_header()
        if header is not None:
            columns, header_bottom = header
        else:
            carried = state.get("table")
            if carried is None or carried[0] != (self.page.source, self.page.number - 1):
                return
            columns, header_bottom = carried[1], 0.0
        state["table"] = ((self.page.source, self.page.number), columns)
        end = self.page.height
        for run in self.page.runs:
            if run.top > header_bottom and any(
                _label(run, k) is not None
                for k in ("tax_exclusive_total", "grand_total", "due_payable")
            ):
                end = min(end, run.top)
        words = [w for w in self.page.words if header_bottom < w.middle < end]
        lines: list[list[Word]] = []
        for word in sorted(words, key=lambda w: w.middle):
            if lines and abs(lines[-1][-1].middle - word.middle) < self.h * 0.5:
                lines[-1].append(word)
            else:
                lines.append([word])
        rows: list[dict[str, list[Word]]] = []
        for line in lines:
            cells: dict[str, list[Word]] = {}
            for word in sorted(line, key=lambda w: w.x0):
                cells.setdefault(self._column(columns, word), []).append(word)
            if "amount" in cells and money(" ".join(w.text for w in cells["amount"])):
                rows.append(cells)
            elif rows and "description" in cells and set(cells) <= {"description", "other"}:
                rows[-1]["description"] = rows[-1].get("description", []) + cells["description"]
        for index, cells in enumerate(rows, start=len(self.result.line_items)):

            def text(name: str, cells: dict[str, list[Word]] = cells) -> str | None:
                words = cells.get(name)
                return " ".join(w.text for w in words) if words else None

            unit = re.sub(r"[^A-Za-z0-9]", "", text("unit_code") or "")
            item = LineItem(
                description=text("description"),
                quantity=quantity(text("quantity") or ""),
                unit_code=unit.upper()
                if unit and re.fullmatch(r"[A-Za-z0-9]{2,3}", unit)
                else None,
                unit_price=quantity(text("unit_price") or ""),
                amount=money(text("amount") or ""),
            )
            self.result.line_items.append(item)
            for name, value in item.model_dump().items():
                if value is not None:
                    words = cells[name]
                    self.result.evidence[f"line_items[{index}].{name}"] = Evidence(
                        source=self.page.source,
                        page=self.page.number,
                        box=self.page.box(*words),
                        confidence=round(min([self.confidence] + [w.confidence for w in words]), 3),
                    )

    _HEAD = {
        "description": r"description|goods|article|item\s+description|bezeichnung",
        "quantity": r"quantity|qty\.?|menge",
        "unit_code": r"unit|uom|einheit",
        "unit_price": r"unit\s*price|price|einzelpreis|preis",
        "amount": r"amount|total|line\s*total|betrag",
    }

    def _table_header(self) -> tuple[list[tuple[str, float, float]], float] | None:
        runs = sorted(self.page.runs, key=lambda r: (r.top, r.x0))
        for anchor in runs:
            if not re.fullmatch(self._HEAD["description"], _head_text(anchor.text), re.I):
                continue
            line = [r for r in runs if abs(r.middle - anchor.middle) < self.h * 0.6]
            columns: list[tuple[str, float, float]] = []
            for run in sorted(line, key=lambda r: r.x0):
                for part in self._header_parts(run):
                    columns.append(part)
            names = {c[0] for c in columns}
            if {"description", "quantity", "amount"} <= names:
                return columns, max(r.bottom for r in line)
        return None

    def _header_parts(self, run: Word) -> list[tuple[str, float, float]]:
        """A header run may hold several column names when OCR joins them."""
        text = _head_text(run.text)
        for name, pattern in self._HEAD.items():
            if re.fullmatch(pattern, text, re.I):
                return [(name, run.x0, run.x1)]
        parts: list[tuple[str, float, float]] = []
        for word in split_run(run):
            kind = "other"
            for name, pattern in self._HEAD.items():
                if re.fullmatch(pattern, _head_text(word.text), re.I):
                    kind = name
                    break
            if parts and kind == "unit_price" and parts[-1][0] == "unit_code":
                parts[-1] = ("unit_price", parts[-1][1], word.x1)
                continue
            parts.append((kind, word.x0, word.x1))
        return parts

    def _column(self, columns: list[tuple[str, float, float]], word: Word) -> str:
        centre = (word.x0 + word.x1) / 2
        for index, (name, x0, x1) in enumerate(columns):
            left = -1e9 if index == 0 else (columns[index - 1][2] + x0) / 2
            if index + 1 < len(columns):
                right_x0 = columns[index + 1][1]
                right = right_x0 - self.h * 0.2 if name == "description" else (x1 + right_x0) / 2
            else:
                right = 1e9
            if name == "description" and index > 0:
                left = x0 - self.h * 0.5
            if left <= centre < right:
                return name
        return "other"


def _head_text(text: str) -> str:
    """A table header cell without stray punctuation ('Unit.price' -> 'Unit price')."""
    return " ".join(re.sub(r"[.:;,'`]", " ", text).split())


def read_pages(
    pages: list[Page], result: Extraction, state: dict[str, Any] | None = None
) -> Extraction:
    """Fill what ``result`` still lacks from the pages, first page first. ``state`` carries
    a table's columns from one call to the next (pages read one at a time)."""
    state = {} if state is None else state
    for page in pages:
        reader = _Reader(page, result)
        reader.read_header()
        reader.read_table(state)
    return result
