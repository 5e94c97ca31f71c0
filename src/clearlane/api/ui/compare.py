"""The original declaration beside its normalised record, field by field, for the officer's
screen. Both sides are brought to the documented flat layout (:mod:`clearlane.ingest.layout`)
so the same field lines up; values that normalisation changed are marked."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from clearlane.ingest.layout import CSV_COLUMNS, HEADER_COLUMNS, ITEM_COLUMNS, rows_from_declaration


@dataclass(frozen=True)
class FieldPair:
    field: str
    original: str
    normalised: str

    @property
    def differs(self) -> bool:
        return _same(self.original) != _same(self.normalised)


@dataclass
class SideBySide:
    header: list[FieldPair]
    items: list[list[FieldPair]]
    aligned: bool  # False: the original could not be split into fields (shown as text)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _same(value: str) -> str:
    """Compare numbers as numbers (``56314.140`` and ``56314.14`` are the same value)."""
    text = value.strip()
    try:
        return repr(float(text))
    except ValueError:
        return text


def _original_rows(original: str, fmt: str) -> list[dict[str, Any]] | None:
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(original)))
        if not rows or any(len(row) != len(CSV_COLUMNS) for row in rows):
            return None
        return [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows]
    if fmt in ("json", "jsonl", "api"):
        try:
            data = json.loads(original)
            return rows_from_declaration(data) if isinstance(data, dict) else None
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
    return None


def side_by_side(original: str, fmt: str, normalised: dict[str, Any]) -> SideBySide:
    ours = rows_from_declaration(normalised)
    theirs = _original_rows(original, fmt)
    if theirs is None or len(theirs) != len(ours):
        header = [FieldPair(c, "", _text(ours[0].get(c))) for c in HEADER_COLUMNS]
        items = [[FieldPair(c, "", _text(row.get(c))) for c in ITEM_COLUMNS] for row in ours]
        return SideBySide(header, items, aligned=False)
    header = [
        FieldPair(c, _text(theirs[0].get(c)), _text(ours[0].get(c)))
        for c in HEADER_COLUMNS
        if _text(theirs[0].get(c)) or _text(ours[0].get(c))
    ]
    items = [
        [
            FieldPair(c, _text(a.get(c)), _text(b.get(c)))
            for c in ITEM_COLUMNS
            if _text(a.get(c)) or _text(b.get(c))
        ]
        for a, b in zip(theirs, ours, strict=True)
    ]
    return SideBySide(header, items, aligned=True)
