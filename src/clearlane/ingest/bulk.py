"""Bulk CSV ingest: read and validate a block of rows column by column; Pydantic only for the rest.

The per-record path (:mod:`clearlane.ingest.readers.csv_reader` -> :func:`parse_record` ->
:func:`prepare_declaration`) costs about 200 µs of CPU a goods item, most of it building a dict
per row, Pydantic validation, the rule checks and ``model_dump``. This module produces the same
:class:`~clearlane.ingest.prepare.Prepared` records for a CSV file, but:

* **read**: a block of physical lines (a few MB) is decoded and split by one ``csv.reader`` call;
  a block is taken in bulk only when every row is one physical line with the header's column
  count, no row is blank and the declaration-level columns agree within each declaration;
* **validate**: every column is checked on its *distinct* values (set membership for code
  lists, one regular expression for numbers, dates and identifiers, the limits of
  :mod:`clearlane.core.validation`), each distinct value once; then the cross-field rules
  (dates, HS edition, duplicate item numbers, net above gross, currency) per declaration;
* **normalise**: the normalised JSON, its hash and the store rows are built straight from the
  checked columns, in the key order ``Declaration.model_dump`` gives.

Anything the bulk checks do not *prove* valid - a value that fails or merely looks unusual
(a leading space, a lower-case code that is not ASCII, ``1e5``, a negative number, a
warning-worthy incoterm) - sends that declaration through the per-record path, so its
quarantine reasons and messages come from exactly the same code as before. A structural
surprise (an encoding error, a quoted line break, a wrong column count, a blank line, an
inconsistent header) sends the rest of the file through the per-record reader, from the
start of the block. ``tests/ingest/test_bulk_differential.py`` runs both paths over hostile
and generated files and asserts identical stored rows and quarantine records.
"""

from __future__ import annotations

import csv
import hashlib
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, cast

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.csv as pacsv

# Arrow's compute functions by name, without ``pyarrow.compute``: that module wraps every
# function of the registry in Python on import (about 40 ms of the parsing worker's start-up,
# which the writer waits out). ``Array.take`` imports it too, so "take" is called here.
from pyarrow._compute import CastOptions, MatchSubstringOptions, call_function

from clearlane.core.codelists import (
    INCOTERMS_2020,
    SEA_ONLY_INCOTERMS,
    TRANSPORT_MODES,
    HSEdition,
    edition_for_date,
    is_country,
    is_currency,
)
from clearlane.core.validation import iso6346
from clearlane.core.validation.limits import (
    HS_PATTERN,
    MAX_AMOUNT,
    MAX_ATTRIBUTE,
    MAX_DESCRIPTION,
    MAX_LENGTHS,
    MAX_MASS_KG,
    MAX_NAME,
    MAX_PARTY_ID,
    MAX_QUANTITY,
    MAX_REFERENCE,
    REFERENCE_PATTERN,
)
from clearlane.ingest.layout import (
    HEADER_COLUMNS,
    ITEM_COLUMNS,
    header_from_row,
    item_from_row,
)
from clearlane.ingest.prepare import (
    PREPARED_ITEM_KEYS,
    Chunk,
    Prepared,
    as_chunk,
    prepare_declaration,
    rechunk,
)
from clearlane.ingest.readers import base
from clearlane.ingest.readers.base import ProgressCallback, RawRecord, sniff, too_many_items
from clearlane.ingest.readers.csv_reader import HandBack, read_csv_from
from clearlane.ingest.segments import Segment, columns_ok, quotes_well_formed

BLOCK_BYTES = 1 << 20  # physical lines read, decoded and split per block (memory stays flat)
REST_PART = 500  # records of the per-record reader gathered into one part

# A number the bulk path takes as it stands: plain decimal, no sign, exponent or leading zero.
# Anything else (negative, 1e5, inf, 007, .5, " 5") goes through Pydantic and the rules.
_NUMBER = re.compile(r"(?:0|[1-9]\d{0,15})(?:\.\d{1,17})?", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_SEQ = re.compile(r"[1-9]\d{0,4}", re.ASCII)  # 1..99,999
_COUNT = re.compile(r"0|[1-9]\d{0,8}", re.ASCII)  # below core.bounds.MAX_INTEGER
_VERSION = re.compile(r"[1-9]\d{0,9}", re.ASCII)
_MAX_VERSION = 2**31 - 1

Check = Callable[[str], tuple[bool, Any]]  # raw cell -> (provably valid, normalised value)


def _absent_or(check: Callable[[str], tuple[bool, Any]]) -> Check:
    def run(raw: str) -> tuple[bool, Any]:
        if raw == "":
            return True, None
        return check(raw)

    return run


def _code(limit: int | None = None, member: Callable[[str], bool] | None = None) -> Check:
    """A ``Code`` (trimmed, upper-cased, non-empty): ASCII only, so ``str.upper`` is exactly
    pydantic-core's upper-casing."""

    def check(raw: str) -> tuple[bool, Any]:
        if raw != raw.strip() or not raw.isascii():
            return False, None
        value = raw.upper()
        if limit is not None and len(value) > limit:
            return False, None
        if member is not None and not member(value):
            return False, None
        return True, value

    run = _absent_or(check)
    run.strings = (True, limit, member)  # type: ignore[attr-defined]  # see _Columns.check
    return run


def _text(limit: int | None) -> Check:
    """A ``Text`` (trimmed, non-empty). A cell that Python's ``strip`` leaves unchanged is left
    unchanged by pydantic-core's trim too (Unicode White_Space is within ``str.isspace``)."""

    def check(raw: str) -> tuple[bool, Any]:
        if raw != raw.strip() or (limit is not None and len(raw) > limit):
            return False, None
        return True, raw

    run = _absent_or(check)
    run.strings = (False, limit, None)  # type: ignore[attr-defined]  # see _Columns.check
    return run


def _amount(limit: float) -> Check:
    def check(raw: str) -> tuple[bool, Any]:
        if not _NUMBER.fullmatch(raw):
            return False, None
        value = float(raw)
        return value <= limit, value

    run = _absent_or(check)
    run.amount_limit = limit  # type: ignore[attr-defined]  # _Columns checks a column at once
    return run


# Many plain numbers (or empty cells) separated by newlines: a whole column in one match.
_NUMBERS = re.compile(
    r"(?:(?:0|[1-9]\d{0,15})(?:\.\d{1,17})?)?(?:\n(?:(?:0|[1-9]\d{0,15})(?:\.\d{1,17})?)?)*",
    re.ASCII,
)


def _integer(pattern: re.Pattern[str]) -> Check:
    def check(raw: str) -> tuple[bool, Any]:
        if not pattern.fullmatch(raw):
            return False, None
        return True, int(raw)

    return _absent_or(check)


def _required(check: Check) -> Check:
    def run(raw: str) -> tuple[bool, Any]:
        if raw == "":
            return False, None
        return check(raw)

    return run


def _reference(raw: str) -> tuple[bool, Any]:
    ok = 0 < len(raw) <= MAX_REFERENCE and REFERENCE_PATTERN.match(raw) is not None
    return ok, raw


def _date(raw: str) -> tuple[bool, Any]:
    if not _DATE.fullmatch(raw):
        return False, None
    try:
        return True, date.fromisoformat(raw)
    except ValueError:
        return False, None


def _version(raw: str) -> tuple[bool, Any]:
    if raw == "":
        return True, None
    if not _VERSION.fullmatch(raw) or int(raw) > _MAX_VERSION:
        return False, None
    return True, int(raw)


def _containers(raw: str) -> tuple[bool, Any]:
    numbers = [c for c in (p.strip() for p in raw.split(";")) if c]
    for number in numbers:
        if not number.isascii() or not iso6346.is_valid(number.upper()):
            return False, None
    return True, [number.upper() for number in numbers]


def _hs_code(raw: str) -> tuple[bool, Any]:
    # RequiredCode: trimmed and upper-cased, then 6, 8 or 10 digits (digits have no case).
    if raw != raw.strip() or not raw.isascii() or not HS_PATTERN.match(raw):
        return False, None
    return True, raw


_COUNTRY = _code(member=is_country)
_CONTAINERS = _absent_or(_containers)
_AT_ONCE = (_reference, _CONTAINERS)  # declaration-level checks with a whole-column form

# Header (declaration-level) cells arrive trimmed from the reader; item cells as they stand.
HEADER_CHECKS: dict[str, Check] = {
    "reference": _reference,
    "version": _version,
    "declaration_date": _date,
    "office": _code(MAX_LENGTHS["office"]),
    "declaration_type": _code(MAX_LENGTHS["declaration_type"]),
    "procedure": _code(MAX_LENGTHS["procedure"]),
    "declarant_id": _code(MAX_PARTY_ID),
    "declarant_name": _text(MAX_NAME),
    "declarant_country": _COUNTRY,
    "importer_id": _code(MAX_PARTY_ID),
    "importer_name": _text(MAX_NAME),
    "importer_country": _COUNTRY,
    "exporter_id": _code(MAX_PARTY_ID),
    "exporter_name": _text(MAX_NAME),
    "exporter_country": _COUNTRY,
    "seller_id": _code(MAX_PARTY_ID),
    "seller_name": _text(MAX_NAME),
    "seller_country": _COUNTRY,
    "courier_id": _code(MAX_PARTY_ID),
    "country_dispatch": _COUNTRY,
    "country_destination": _COUNTRY,
    "transport_mode": _code(member=TRANSPORT_MODES.__contains__),
    "transport_means_id": _text(MAX_LENGTHS["transport_means_id"]),
    "transport_nationality": _COUNTRY,
    "containers": _CONTAINERS,
    "transport_document": _text(MAX_LENGTHS["transport_document"]),
    "invoice_number": _text(MAX_LENGTHS["invoice_number"]),
    "incoterm": _code(member=INCOTERMS_2020.__contains__),
    "incoterm_place": _text(MAX_LENGTHS["incoterm_place"]),
    "invoice_currency": _code(member=is_currency),
    "invoice_total": _amount(MAX_AMOUNT),
    "exchange_rate": _amount(1e6),
    "customs_value": _amount(MAX_AMOUNT),
}
ITEM_CHECKS: dict[str, Check] = {
    "item_seq": _required(_integer(_SEQ)),
    "hs_code": _required(_hs_code),
    "description": _text(MAX_DESCRIPTION),
    "origin_country": _COUNTRY,
    "quantity": _amount(MAX_QUANTITY),
    "quantity_unit": _code(4),
    "net_mass_kg": _amount(MAX_MASS_KG),
    "gross_mass_kg": _amount(MAX_MASS_KG),
    "packages": _integer(_COUNT),
    "item_value": _amount(MAX_AMOUNT),
    "item_customs_value": _amount(MAX_AMOUNT),
    "duty_rate": _amount(1000.0),
    "duty_amount": _amount(MAX_AMOUNT),
    "tax_amount": _amount(MAX_AMOUNT),
    "valuation_method": _code(),
    "preference": _code(),
}
assert set(HEADER_CHECKS) == set(HEADER_COLUMNS) and set(ITEM_CHECKS) == set(ITEM_COLUMNS)
assert MAX_ATTRIBUTE  # attr_ columns are not taken in bulk (the per-record path reads them)

# Declaration fields in Declaration's field order (model_dump's key order), by CSV column.
_SCALARS_BEFORE_PARTIES = (("office", "office"), ("declaration_type", "declaration_type"))
_PARTIES = (
    ("declarant", ("declarant_id", "declarant_name", "declarant_country")),
    ("importer", ("importer_id", "importer_name", "importer_country")),
    ("exporter", ("exporter_id", "exporter_name", "exporter_country")),
    ("seller", ("seller_id", "seller_name", "seller_country")),
    ("courier", ("courier_id",)),
)
_AFTER_PARTIES = (
    "country_dispatch",
    "country_destination",
    "transport_mode",
    "transport_means_id",
    "transport_nationality",
    "containers",
    "transport_document",
    "invoice_number",
    "incoterm",
    "incoterm_place",
    "invoice_currency",
    "invoice_total",
    "exchange_rate",
    "customs_value",
)
# GoodsItem fields in model order, with their CSV column.
_ITEM_FIELDS = tuple((field, column) for column, field in ITEM_COLUMNS.items())


class _Structural(Exception):
    """The block is not plain one-line rows: the per-record reader takes over from its start."""


class _RowsView:
    """Rows of a block kept as columns (a row is built only for a per-record declaration):
    Python lists, or the Arrow table's where ``columns`` has None."""

    def __init__(self, columns: list[list[str] | None], table: Any = None) -> None:
        self.columns = columns
        self.table = table

    def __getitem__(self, rows: slice) -> list[list[str]]:
        start, stop, _ = rows.indices(len(self))
        cells = [
            c[rows] if c is not None else self.table.column(p).slice(start, stop - start)
            for p, c in enumerate(self.columns)
        ]
        cells = [c if isinstance(c, list) else c.to_pylist() for c in cells]
        return [list(r) for r in zip(*cells, strict=True)]

    def __len__(self) -> int:
        return self.table.num_rows if self.table is not None else len(self.columns[0] or ())

    def cell(self, position: int, row: int) -> str:
        column = self.columns[position]
        return column[row] if column is not None else self.table.column(position)[row].as_py()


def _arrow_table(
    state: _Columns, block: list[bytes], texts: list[str], encoding: str
) -> Any | None:
    """The block parsed by pyarrow (all columns as text), or None when only the csv module
    may read it (another encoding, or a quote outside a well-formed quoted field); raises
    _Structural when a row is not one physical line of the header's width or the block holds
    a NUL byte (the per-record reader quarantines its declaration, naming line and column)."""
    text = "".join(texts)
    if "\x00" in text:  # past the first bytes sniff() checks: the reader names its line
        raise _Structural
    if encoding.replace("-", "").replace("_", "").lower() not in ("utf8", "utf8sig"):
        return None
    if not quotes_well_formed(text):
        return None
    try:
        table = pacsv.read_csv(
            pa.py_buffer(b"".join(block)),
            read_options=pacsv.ReadOptions(
                column_names=[f"c{i}" for i in range(len(state.columns))],
                block_size=1 << 20,
                use_threads=False,
            ),
            parse_options=pacsv.ParseOptions(newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={f"c{i}": pa.string() for i in range(len(state.columns))},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                null_values=[],
            ),
        )
    except pa.ArrowInvalid:
        raise _Structural from None
    if table.num_rows != len(texts):
        raise _Structural
    return table


# Arrays are built from buffers, not with ``pa.array``: pyarrow's sequence conversion asks its
# pandas shim whether the input is a pandas object, which imports pandas (about 0.2 CPU s of
# the parsing worker's start-up, for nothing).
def _bool_array(values: list[bool]) -> Any:
    """``values`` as an Arrow boolean array."""
    bits = np.packbits(np.asarray(values, dtype=np.bool_), bitorder="little")
    return pa.Array.from_buffers(pa.bool_(), len(values), [None, pa.py_buffer(bits)])


def _int64_array(values: list[int]) -> Any:
    """``values`` as an Arrow int64 array."""
    data = np.asarray(values, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(values), [None, pa.py_buffer(data)])


def _inside(table: Any, starts: list[int], used_rows: int) -> Any:
    """Per row after the first, as an Arrow mask: the row continues the declaration of the
    row above (it is used and starts no declaration)."""
    inside = [True] * max(table.num_rows - 1, 0)
    for start in starts:
        if start:
            inside[start - 1] = False
    inside[max(used_rows - 1, 0) :] = [False] * len(inside[max(used_rows - 1, 0) :])
    return _bool_array(inside)


def _changed_rows(column: Any, inside: Any) -> list[int]:
    """Rows whose cell differs from the row above where ``inside`` (Arrow compute over the
    whole column; a list in Python only for the few rows that differ there)."""
    if len(column) < 2:
        return []
    above = column.slice(0, len(column) - 1)
    differs = call_function("and", [call_function("not_equal", [column.slice(1), above]), inside])
    if not call_function("any", [differs]).as_py():
        return []
    return [int(i) + 1 for i in call_function("indices_nonzero", [differs]).to_pylist()]


# _NUMBERS' one value (or an empty cell), for Arrow's RE2: a goods-item amount column checked
# and converted in Arrow (:func:`_amounts_at_once`).
_NUMBER_CELL = MatchSubstringOptions(r"^(?:(?:0|[1-9][0-9]{0,15})(?:\.[0-9]{1,17})?)?$")
_TO_FLOAT = CastOptions.safe(pa.float64())


def _amounts_at_once(column: Any, limit: float) -> list[float | None] | None:
    """An amount column (Arrow text: a goods item's cell a row, or a declaration's first cell
    a declaration) as ``_amount(limit)`` reads each cell - None for an empty cell, else its
    float - when every cell is a plain number within ``limit``, with no white space around it
    (so a declaration-level cell is what ``str.strip`` would leave); None (then cell by cell,
    trimmed by ``str.strip`` where the path trims) otherwise. The check, the conversion and the
    maximum run in Arrow: no Python string a cell, no set of distinct texts. Arrow's text to
    float64 cast rounds correctly, as ``float()`` does: the same value for every text
    ``_NUMBERS`` accepts (``tests/ingest/test_bulk_amounts.py``)."""
    if len(column) == 0:
        return []
    matched = call_function("match_substring_regex", [column], _NUMBER_CELL)
    if not call_function("all", [matched]).as_py():
        return None
    text = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if text.offset:
        return None
    _, offsets, data = text.buffers()
    ends = np.frombuffer(offsets, dtype=np.int32, count=len(text) + 1)
    present = np.packbits(np.diff(ends) > 0, bitorder="little")  # an empty cell: absent
    numbers = pa.Array.from_buffers(pa.string(), len(text), [pa.py_buffer(present), offsets, data])
    floats = call_function("cast", [numbers], _TO_FLOAT)
    highest = call_function("max", [floats]).as_py()
    if highest is not None and highest > limit:
        return None
    return cast(list[float | None], floats.to_pylist())


# A container cell as the bulk path takes it without trimming or upper-casing: ISO 6346
# numbers separated by ';' (or an empty cell), for Arrow's RE2 (:func:`_containers_at_once`).
_CONTAINER_CELL = MatchSubstringOptions(r"^(?:[A-Z]{3}[UJZ][0-9]{7}(?:;[A-Z]{3}[UJZ][0-9]{7})*)?$")


def _containers_at_once(column: Any) -> list[list[str] | None] | None:
    """A ``containers`` column (Arrow text, one cell a declaration) as ``_containers`` reads
    each trimmed cell - None for an empty cell, else its numbers - when every cell is upper-case
    ISO 6346 numbers with valid check digits joined by ';' and nothing else (no white space:
    then ``str.strip`` and Arrow's trim need not agree); None (then the column as Python text,
    trimmed by ``str.strip``) otherwise. The match and the check digits run over the column's
    bytes; Python splits each cell."""
    if len(column) == 0:
        return []
    matched = call_function("match_substring_regex", [column], _CONTAINER_CELL)
    if not call_function("all", [matched]).as_py():
        return None
    if column.offset:
        return None
    _, offsets, data = column.buffers()
    ends = np.frombuffer(offsets, dtype=np.int32, count=len(column) + 1)
    text = np.frombuffer(data, dtype=np.uint8, count=int(ends[-1]))[int(ends[0]) :]
    codes = text[text != ord(";")].reshape(-1, 11).astype(np.int64)
    digits = _CHAR_VALUES[codes[:, :10]] @ _POSITION_WEIGHTS % 11 % 10
    if not np.array_equal(digits, codes[:, 10] - ord("0")):
        return None
    return [cell.split(";") if cell else None for cell in column.to_pylist()]


class _Plan:
    """Where each part of the normalised declaration comes from (column positions), in the
    key order of ``Declaration.model_dump``."""

    def __init__(self, index: dict[str, int]) -> None:
        self.reference = index["reference"]
        self.date = index["declaration_date"]
        self.version = index.get("version")
        self.mode = index.get("transport_mode")
        self.incoterm = index.get("incoterm")
        # (key, column position, None) for a value; (key, None, [(field, position)]) a party.
        self.header: list[tuple[str, int | None, list[tuple[str, int]] | None]] = []
        for field, column in _SCALARS_BEFORE_PARTIES:
            self.header.append((field, index.get(column), None))
        self.header.append(("procedure", index.get("procedure"), None))
        for party, party_columns in _PARTIES:
            parts = [(c.rsplit("_", 1)[1], index[c]) for c in party_columns if c in index]
            self.header.append((party, None, parts))
        for column in _AFTER_PARTIES:
            self.header.append((column, index.get(column), None))
        present = [(f, index[c]) for f, c in _ITEM_FIELDS if c in index]
        self.item_fields = tuple(f for f, _ in present)
        self.item_positions = [p for _, p in present]
        # The column each stored goods-item value comes from (PREPARED_ITEM_KEYS order; None:
        # the column is absent, or derived - reference and hs6 - by _Run.flush).
        by_field = dict(present)
        self.stored_items = [by_field.get(key) for key in PREPARED_ITEM_KEYS]
        self.seq = by_field["seq"]
        self.hs_code = by_field["hs_code"]
        self.net = by_field.get("net_mass_kg")
        self.gross = by_field.get("gross_mass_kg")
        self.duty = by_field.get("duty_amount")
        self.tax = by_field.get("tax_amount")
        self.item_value = by_field.get("item_value")


_ITEM_REFERENCE = PREPARED_ITEM_KEYS.index("reference")
_ITEM_HS6 = PREPARED_ITEM_KEYS.index("hs6")
_ITEM_HS_CODE = PREPARED_ITEM_KEYS.index("hs_code")


@dataclass(slots=True)
class _ItemRows:
    """Per row of a block: the goods item's dict, the net/gross rule, duty plus tax."""

    items: list[dict[str, Any]]
    ok: list[bool]
    duty: list[float]


class _Run:
    """Declarations taken in bulk from consecutive rows of a block, gathered until a
    per-record declaration (or the block's end) comes: then their declaration rows join the
    chunk's columns and their goods items are copied as column slices."""

    def __init__(self, chunk: Chunk, mapped: list[list[Any]], plan: _Plan) -> None:
        self.chunk = chunk
        self.mapped = mapped
        self.plan = plan
        self.rows: list[tuple[Any, ...]] = []
        self.meta: list[tuple[str, bool, int]] = []  # location, explicit version, version
        self.references: list[str] = []
        self.n_items: list[int] = []
        self.start = self.end = 0

    def add(
        self,
        start: int,
        end: int,
        row: tuple[Any, ...],
        location: str,
        explicit: bool,
        version: int,
    ) -> None:
        if not self.rows:
            self.start = start
        self.end = end
        self.rows.append(row)
        self.meta.append((location, explicit, version))
        self.references.append(row[0])
        self.n_items.append(end - start)

    def flush(self) -> None:
        if not self.rows:
            return
        chunk, mapped = self.chunk, self.mapped
        for column, values in zip(chunk.rows, zip(*self.rows, strict=True), strict=True):
            column.extend(values)
        locations, explicit, versions = zip(*self.meta, strict=True)
        n = len(self.meta)
        chunk.accepted += [True] * n
        chunk.location += locations
        chunk.issues += [[] for _ in range(n)]  # each its own list (the writer may add to one)
        chunk.explicit += explicit
        chunk.version += versions
        chunk.json_version += versions
        chunk.controls += [[] for _ in range(n)]
        start, end = self.start, self.end
        sources = self.plan.stored_items
        for key, (column, source) in enumerate(zip(chunk.items, sources, strict=True)):
            if key == _ITEM_REFERENCE:
                for reference, n in zip(self.references, self.n_items, strict=True):
                    column.extend([reference] * n)
            elif key == _ITEM_HS6:
                hs_codes = mapped[sources[_ITEM_HS_CODE] or 0][start:end]  # a required column
                column.extend(h[:6] for h in hs_codes)
            elif source is None:
                column.extend([None] * (end - start))
            else:
                column.extend(mapped[source][start:end])
        self.rows, self.meta, self.references, self.n_items = [], [], [], []


def _strings_at_once(
    texts: list[str],
    header: bool,
    code: bool,
    limit: int | None,
    member: Callable[[str], bool] | None,
) -> dict[str, Any] | None:
    """The normalised values of a column's distinct texts when every one passes (the checks
    of ``_code`` / ``_text`` as whole-list operations), else None (then one by one)."""
    values = list(map(str.strip, texts)) if header else texts
    present = [v for v in values if v]
    if not header and present != list(map(str.strip, present)):
        return None
    if limit is not None and max(map(len, present), default=0) > limit:
        return None
    if code:
        if not "".join(present).isascii():
            return None
        values = [v.upper() for v in values]
        if member is not None and not all(map(member, (v for v in values if v))):
            return None
    return {t: (v or None) for t, v in zip(texts, values, strict=True)}


# A reference as _reference accepts it (REFERENCE_PATTERN, at most MAX_REFERENCE long), and
# many of them separated by newlines: a whole column in one match.
assert REFERENCE_PATTERN.pattern == r"^[A-Za-z0-9][A-Za-z0-9._-]*$" and MAX_REFERENCE > 1
_ONE_REFERENCE = rf"[A-Za-z0-9][A-Za-z0-9._-]{{0,{MAX_REFERENCE - 1}}}"
_REFERENCES = re.compile(rf"{_ONE_REFERENCE}(?:\n{_ONE_REFERENCE})*", re.ASCII)
_CONTAINER_NUMBERS = re.compile(r"[A-Z]{3}[UJZ]\d{7}(?:\n[A-Z]{3}[UJZ]\d{7})*", re.ASCII)
# iso6346.check_digit as arrays: each character's value by its code, the position weights.
_CHAR_VALUES = np.zeros(128, dtype=np.int64)
for _char, _value in iso6346._VALUES.items():
    _CHAR_VALUES[ord(_char)] = _value
_POSITION_WEIGHTS = np.array(iso6346._WEIGHTS, dtype=np.int64)


def _joined(values: list[str]) -> str | None:
    """``values`` separated by newlines, or None when one holds a newline itself (the bulk
    path's cells never do: a row is one physical line)."""
    joined = "\n".join(values)
    return joined if joined.count("\n") == len(values) - 1 else None


def _header_at_once(texts: list[str], check: Check, limit: float | None) -> dict[str, Any] | None:
    """The normalised values of a declaration-level column's distinct texts when every one
    passes: the per-cell check of the trimmed text (``_amount``, ``_reference``,
    ``_containers``) as whole-list operations; None (then one by one) when any does not."""
    trimmed = list(map(str.strip, texts))
    if limit is not None:  # _absent_or(_amount(limit))
        joined = _joined(trimmed)
        if joined is None or not _NUMBERS.fullmatch(joined):
            return None
        amounts = [float(v) if v else None for v in trimmed]
        if max((n for n in amounts if n is not None), default=0.0) > limit:
            return None
        return dict(zip(texts, amounts, strict=True))
    if check is _reference:
        joined = _joined(trimmed)
        if joined is None or not _REFERENCES.fullmatch(joined):
            return None
        return dict(zip(texts, trimmed, strict=True))
    # _absent_or(_containers): ';'-separated numbers, ASCII, upper-cased, ISO 6346 valid
    values: dict[str, Any] = {}
    numbers: list[str] = []
    for text, raw in zip(texts, trimmed, strict=True):
        if not raw:
            values[text] = None
            continue
        found = [c for c in (p.strip() for p in raw.split(";")) if c]
        numbers += found
        values[text] = found
    if not numbers:
        return values
    joined = _joined(numbers)
    if joined is None or not joined.isascii():
        return None
    upper = joined.upper()
    if not _CONTAINER_NUMBERS.fullmatch(upper):
        return None
    codes = np.frombuffer(upper.replace("\n", "").encode("ascii"), dtype=np.uint8)
    codes = codes.reshape(-1, 11)
    digits = _CHAR_VALUES[codes[:, :10]] @ _POSITION_WEIGHTS % 11 % 10
    if not np.array_equal(digits, codes[:, 10].astype(np.int64) - ord("0")):
        return None
    return {t: v if v is None else [n.upper() for n in v] for t, v in values.items()}


class _Columns:
    """Per-column caches of checked distinct values (kept across blocks: code lists repeat)."""

    def __init__(self, columns: list[str]) -> None:
        self.columns = columns
        self.index = {name: i for i, name in enumerate(columns)}
        checks = {**HEADER_CHECKS, **ITEM_CHECKS}
        self.checks = [checks[name] for name in columns]
        self.known: list[dict[str, tuple[bool, Any]]] = [{} for _ in columns]
        self.header_positions = [i for i, c in enumerate(columns) if c in HEADER_COLUMNS]
        self.is_header = [c in HEADER_COLUMNS for c in columns]
        # Read row by row: goods-item columns, and reference and version (they group rows).
        self.by_row = [c not in HEADER_COLUMNS or c in ("reference", "version") for c in columns]
        # A goods-item amount column's limit (None: not one): checked and converted in Arrow.
        self.item_amount: list[float | None] = [
            None if c in HEADER_COLUMNS else getattr(check, "amount_limit", None)
            for c, check in zip(columns, self.checks, strict=True)
        ]
        # Declaration-level amounts (their limit) and containers ("containers") checked in
        # Arrow over the declarations' first cells (_amounts_at_once, _containers_at_once).
        self.header_in_arrow: dict[int, float | str] = {
            p: "containers" if c == "containers" else cast(float, limit)
            for p, (c, check) in enumerate(zip(columns, self.checks, strict=True))
            if c in HEADER_COLUMNS
            and (c == "containers" or (limit := getattr(check, "amount_limit", None)) is not None)
        }
        self.plan = _Plan(self.index)

    def check(self, position: int, cells: list[str]) -> tuple[dict[str, Any], set[str]]:
        """Normalised value of each distinct cell of a column, and the cells not proven valid."""
        known = self.known[position]
        check = self.checks[position]
        distinct = set(cells)
        header = self.is_header[position]
        limit = getattr(check, "amount_limit", None)
        if limit is not None and not header:  # amounts: one match, one float() map, one max()
            texts = list(distinct)
            if _NUMBERS.fullmatch("\n".join(texts)):
                present = [t for t in texts if t]
                numbers = list(map(float, present))
                if max(numbers, default=0.0) <= limit:
                    floats: dict[str, Any] = dict(zip(present, numbers, strict=True))
                    if "" in distinct:
                        floats[""] = None
                    return floats, set()
        if len(distinct) > 64 and header and (limit is not None or check in _AT_ONCE):
            found = _header_at_once(list(distinct), check, limit)
            if found is not None:
                return found, set()
        strings = getattr(check, "strings", None)
        if strings is not None and len(distinct) > 64:  # many distinct texts: all at once
            found = _strings_at_once(list(distinct), header, *strings)
            if found is not None:
                return found, set()
        bad: set[str] = set()
        values: dict[str, Any] = {}
        for cell in distinct:
            outcome = known.get(cell)
            if outcome is None:
                outcome = check(cell.strip() if header else cell)
                if len(known) < 100_000:
                    known[cell] = outcome
            if outcome[0]:
                values[cell] = outcome[1]
            else:
                bad.add(cell)
        return values, bad


class BulkCsv:
    """Yields a CSV file's records as Prepared, in file order, validated in blocks."""

    def __init__(
        self,
        path: Path,
        *,
        encoding: str = "utf-8",
        today: date | None = None,
        progress: ProgressCallback | None = None,
        block_bytes: int = BLOCK_BYTES,
        segment: Segment | None = None,
    ) -> None:
        self.path = path
        self.encoding = encoding
        self.today = today or date.today()
        self.progress = progress
        self.block_bytes = block_bytes
        # A part of the file (from csv_segments): read only its lines, and leave the
        # within-file duplicate check to the writer, which sees every part (seen is None).
        self.segment = segment
        self.seen: set[tuple[str, int | None]] | None = set() if segment is None else None
        self.editions: dict[date, HSEdition | None] = {}
        self.in_edition: dict[tuple[int, str], bool] = {}
        self.stats = {"bulk": 0, "per_record": 0}
        # CPU seconds by stage (benchmarks/ingest.py --stages prints them per goods item):
        # read = decode, split, group; validate = column checks on distinct values;
        # normalise = cross-field rules and the rows, hashes and normalised JSON (and the
        # per-record path for what the bulk checks did not prove valid).
        self.cpu = {"read": 0.0, "validate": 0.0, "normalise": 0.0}

    # --- the per-record path, for what the bulk checks do not prove valid ---------------

    def _slow(self, raw: RawRecord) -> Prepared:
        """Exactly :func:`parse_records` then :func:`prepare_declaration`, sharing ``seen``."""
        # Imported here, not above: they import Pydantic and the schema (about 0.16 CPU s of a
        # parsing worker's start-up), which a file of valid declarations never needs.
        from clearlane.ingest.parse import duplicate_issue, parse_record

        self.stats["per_record"] += 1
        record = parse_record(raw, today=self.today)
        decl = record.declaration
        if decl is not None and self.seen is not None:
            key = (decl.reference, decl.version if raw.explicit_version else None)
            if key in self.seen:
                record.issues.append(duplicate_issue(raw, decl, "file"))
            self.seen.add(key)
        return prepare_declaration(record, "csv")

    def __iter__(self) -> Iterator[Prepared]:
        for part in self.parts():
            yield from part.prepared()

    def chunks(self, size: int) -> Iterator[Chunk]:
        """The records as chunks of ``size`` (the writer's transactions), in file order."""
        return rechunk(self.parts(), size)

    def parts(self) -> Iterator[Chunk]:
        """The records in file order, as one chunk a block (or a run of per-record ones)."""
        sniff(self.path, "csv")
        with self.path.open("rb") as handle:
            first = handle.readline()
            head = first[3:] if first.startswith(b"\xef\xbb\xbf") else first
            try:
                text = head.decode(self.encoding)
                parsed = list(csv.reader([text], strict=True))
            except (UnicodeDecodeError, csv.Error):
                parsed = []
            columns = [c.strip() for c in parsed[0]] if len(parsed) == 1 else []
            if not columns or not columns_ok(columns):
                if self.segment is not None:
                    raise RuntimeError(
                        f"{self.path}: a segment of a file the bulk path cannot read"
                    )
                handle.close()
                yield from self._rest(0, 0, None)
                return
            offset, line_no = len(first), 1
            if self.segment is not None:
                offset, line_no = self.segment.start, self.segment.line_no
                handle.seek(offset)
            elif self.progress:
                self.progress(len(first))
            state = _Columns(columns)
            carry: list[bytes] = []
            credit = 0  # bytes the per-record reader reported ahead of the bulk reader
            while True:
                lines = self._lines(handle)
                final = not lines
                block = carry + lines
                if not block:
                    return
                try:
                    part, used = self._block(state, block, line_no, final)
                except _Structural:
                    # The per-record reader takes this block (from its first declaration) and
                    # hands back at the first declaration starting after it.
                    hand_back = HandBack(after_line=line_no + len(block))
                    yield from self._rest(offset, line_no, columns, hand_back)
                    if self.segment is not None:  # csv_segments cuts only where records end
                        end = hand_back.offset or self.path.stat().st_size
                        if end > self.segment.stop:
                            message = f"{self.path}: a record runs past its segment's end"
                            raise RuntimeError(message) from None
                    if hand_back.offset is None:
                        return  # it read to the end of the file
                    offset, line_no = hand_back.offset, hand_back.line_no
                    credit += hand_back.overshoot
                    handle.seek(offset)
                    carry = []
                    continue
                consumed = sum(len(b) for b in block[:used])
                if self.progress:
                    reported = max(consumed - credit, 0)
                    credit -= consumed - reported
                    if reported:
                        self.progress(reported)
                offset += consumed
                line_no += used
                carry = block[used:]
                if len(part):
                    yield part
                if final:
                    return

    def _lines(self, handle: Any) -> list[bytes]:
        """The next block's lines (none past the segment's end)."""
        if self.segment is None:
            return handle.readlines(self.block_bytes)
        at, stop = handle.tell(), self.segment.stop
        lines: list[bytes] = []
        for line in handle.readlines(self.block_bytes) if at < stop else ():
            if at >= stop:
                break
            lines.append(line)
            at += len(line)
        handle.seek(at)
        return lines

    def _rest(
        self,
        offset: int,
        line_no: int,
        columns: list[str] | None,
        hand_back: HandBack | None = None,
    ) -> Iterator[Chunk]:
        records = read_csv_from(
            self.path,
            encoding=self.encoding,
            progress=self.progress,
            offset=offset,
            line_no=line_no,
            columns=columns,
            hand_back=hand_back,
        )
        while part := as_chunk(self._slow(raw) for raw in islice(records, REST_PART)):
            yield part

    # --- one block ---------------------------------------------------------------------

    def _block(
        self, state: _Columns, block: list[bytes], line_no: int, final: bool
    ) -> tuple[Chunk, int]:
        """The records (as a chunk) of the complete declarations in ``block`` (lines after
        ``line_no``) and how many lines they used (the last, maybe unfinished, one is left)."""
        started = time.process_time()
        try:
            texts = [b.decode(self.encoding) for b in block]
        except UnicodeDecodeError:
            raise _Structural from None
        width = len(state.columns)
        table = _arrow_table(state, block, texts, self.encoding)
        # Declaration-level columns are read at the declarations' first rows only (the other
        # rows must agree, as trimmed text): from Arrow, those alone become Python strings.
        by_row = state.by_row
        columns: list[list[str] | None]
        if table is not None:  # goods-item amounts stay in Arrow (_amounts_at_once)
            columns = [
                c.to_pylist() if by_row[p] and state.item_amount[p] is None else None
                for p, c in enumerate(table.columns)
            ]
        else:
            try:
                rows = list(csv.reader(texts, strict=True))
            except csv.Error:
                raise _Structural from None
            if len(rows) != len(texts) or any(len(r) != width for r in rows):
                raise _Structural  # a quoted line break, a blank line or a wrong column count
            columns = [list(c) for c in zip(*rows, strict=True)]
        rows_view = _RowsView(list(columns), table)  # as read (header columns are cut below)

        index = state.index
        ref_at = index["reference"]
        ver_at = index.get("version")
        references = [r.strip() for r in cast(list[str], columns[ref_at])]
        if "" in references and any(
            all(not rows_view.cell(p, i).strip() for p in range(width))
            for i, r in enumerate(references)
            if r == ""
        ):
            raise _Structural  # a row of empty cells: the reader skips it as a blank line
        versions = None
        if ver_at is not None:
            versions = [v.strip() for v in cast(list[str], columns[ver_at])]
        # Declarations: runs of rows with the same (reference, version).
        starts = [0]
        for i in range(1, len(references)):
            if references[i] != references[i - 1] or (
                versions is not None and versions[i] != versions[i - 1]
            ):
                starts.append(i)
        if not final:
            if len(starts) == 1:
                return Chunk(), 0  # one declaration, maybe unfinished: read on
            starts, used_rows = starts[:-1], starts[-1]
        else:
            used_rows = len(references)
        bounds = list(zip(starts, [*starts[1:], used_rows], strict=True))
        # Declaration-level cells must agree within a declaration (as trimmed text): a header
        # cell may differ from the row above only where a declaration starts.
        group_starts = set(starts)
        inside = _inside(table, starts, used_rows) if table is not None else None
        for position in state.header_positions:
            if table is not None:
                changed = _changed_rows(table.column(position), inside)
            else:
                cells = cast(list[str], columns[position])
                changed = [i for i in range(1, len(cells)) if cells[i] != cells[i - 1]]
            for i in changed:
                if i < used_rows and i not in group_starts:
                    at = rows_view.cell
                    if at(position, i).strip() != at(position, i - 1).strip():
                        raise _Structural
        firsts = _int64_array(starts) if table is not None else None
        header_in_arrow: dict[int, Any] = {}  # declaration-level columns left in Arrow
        for position in state.header_positions:  # now one cell per declaration
            column = columns[position]
            if column is not None:
                columns[position] = [column[i] for i in starts]
            else:  # from Arrow
                cells = cast(Any, table).column(position)
                taken = call_function("take", [cells, firsts])
                if position in state.header_in_arrow:  # checked in Arrow below
                    header_in_arrow[position] = taken
                    columns[position] = None
                else:
                    columns[position] = taken.to_pylist()
        read = time.process_time()
        self.cpu["read"] += read - started
        # Column checks on distinct values; a row holding an unproven cell is per-record.
        owner = [0] * used_rows
        for g, (start, end) in enumerate(bounds):
            owner[start:end] = [g] * (end - start)
        slow = [False] * len(bounds)
        mapped: list[list[Any]] = []
        for position, maybe_cells in enumerate(columns):
            header = state.is_header[position]
            if position in header_in_arrow:  # a declaration-level amount or containers column
                taken = header_in_arrow[position]
                if isinstance(taken, pa.ChunkedArray):
                    taken = taken.combine_chunks()
                kind = state.header_in_arrow[position]
                at_once = (
                    _containers_at_once(taken)
                    if kind == "containers"
                    else _amounts_at_once(taken, cast(float, kind))
                )
                if at_once is not None:
                    mapped.append(at_once)
                    continue
                maybe_cells = taken.to_pylist()  # then trimmed by str.strip, as before
            elif maybe_cells is None:  # a goods-item amount column left in Arrow
                in_arrow = cast(Any, table).column(position).slice(0, used_rows)
                amounts = _amounts_at_once(in_arrow, cast(float, state.item_amount[position]))
                if amounts is not None:
                    mapped.append(amounts)
                    continue
                maybe_cells = in_arrow.to_pylist()
            all_cells = cast(list[str], maybe_cells)
            cells = all_cells if header else all_cells[:used_rows]
            values, bad = state.check(position, cells)
            if bad:
                owners = range(len(bounds)) if header else owner
                for i, cell in enumerate(cells):
                    if cell in bad:
                        slow[owners[i]] = True
                mapped.append([values.get(c) for c in cells])
            else:
                mapped.append(list(map(values.__getitem__, cells)))
        checked = time.process_time()
        self.cpu["validate"] += checked - read
        chunk = Chunk()
        run = _Run(chunk, mapped, state.plan)
        item_rows = self._item_rows(state.plan, mapped, used_rows)
        name = self.path.name
        for g, (start, end) in enumerate(bounds):
            first_line = line_no + start + 1
            last_line = line_no + end
            span = f"line {first_line}" if end - start == 1 else f"lines {first_line}-{last_line}"
            location = f"{name}:{span}"
            original = "".join(texts[start:end])
            # More rows than base.MAX_ITEMS fail the unique item numbers anyway; the reader's
            # bound refuses them, naming items, on the per-record path (_raw)
            if (
                not slow[g]
                and end - start <= base.MAX_ITEMS
                and self._fast(state, mapped, item_rows, g, start, end, location, original, run)
            ):
                continue
            run.flush()  # the run's rows go before this record's
            chunk.add(
                self._slow(self._raw(state, rows_view, start, end, location, original, versions))
            )
        run.flush()
        self.cpu["normalise"] += time.process_time() - checked
        return chunk, used_rows

    def _raw(
        self,
        state: _Columns,
        rows: _RowsView,
        start: int,
        end: int,
        location: str,
        original: str,
        versions: list[str] | None,
    ) -> RawRecord:
        """The RawRecord the per-record reader makes of these rows."""
        columns = state.columns
        first = dict(zip(columns, rows[start : start + 1][0], strict=True))
        raw_header = {c: first[c].strip() for c in columns if c in HEADER_COLUMNS}
        data = header_from_row(raw_header)
        too_many = too_many_items(location, end - start)
        if too_many is None:
            data["items"] = [
                item_from_row(dict(zip(columns, r, strict=True))) for r in rows[start:end]
            ]
        reference = raw_header.get("reference", "")
        return RawRecord(
            location=location,
            original=original,
            data=None if too_many else data,  # as read_csv_from: quarantined, naming items
            issues=[too_many] if too_many else [],
            reference=reference or None,
            explicit_version=bool(versions[start]) if versions is not None else False,
        )

    def _item_rows(self, plan: _Plan, mapped: list[list[Any]], n: int) -> _ItemRows:
        """Row by row over the whole block: the goods item as the normalised record holds it
        (model field order, empty values left out), whether net mass is within gross mass,
        and the item's duty plus tax (what ``total_duty`` sums)."""
        fields = plan.item_fields
        items = []
        for values in zip(*(mapped[p] for p in plan.item_positions), strict=True):
            item = dict(zip(fields, values, strict=True))
            if None in values:
                item = {k: v for k, v in item.items() if v is not None}
            items.append(item)
        absent = [None] * n
        nets = absent if plan.net is None else mapped[plan.net]
        grosses = absent if plan.gross is None else mapped[plan.gross]
        ok = [
            net is None or gross is None or not net > gross
            for net, gross in zip(nets, grosses, strict=True)
        ]
        duties = absent if plan.duty is None else mapped[plan.duty]
        taxes = absent if plan.tax is None else mapped[plan.tax]
        duty = [(d or 0.0) + (t or 0.0) for d, t in zip(duties, taxes, strict=True)]
        return _ItemRows(items, ok, duty)

    def _fast(
        self,
        state: _Columns,
        mapped: list[list[Any]],
        rows: _ItemRows,
        g: int,
        start: int,
        end: int,
        location: str,
        original: str,
        run: _Run,
    ) -> bool:
        """Add a declaration whose cells all passed to ``run``; False (nothing added) when a
        cross-field rule fails or warns (then the per-record path reports it)."""
        plan = state.plan
        reference: str = mapped[plan.reference][g]
        day: date = mapped[plan.date][g]
        if day > self.today:
            return False
        if day in self.editions:
            edition = self.editions[day]
        else:
            edition = self.editions[day] = edition_for_date(day)
        if edition is None:
            return False  # a warning (hs_edition_unavailable): per-record path
        transport_mode = None if plan.mode is None else mapped[plan.mode][g]
        incoterm = None if plan.incoterm is None else mapped[plan.incoterm][g]
        if incoterm in SEA_ONLY_INCOTERMS and transport_mode not in (None, "1", "8"):
            return False  # a warning (sea incoterm, non-sea mode)
        if end - start > 1:
            seqs = mapped[plan.seq][start:end]
            if len(set(seqs)) != len(seqs):
                return False
        if False in rows.ok[start:end]:  # net above gross
            return False
        in_edition = self.in_edition
        for hs_code in mapped[plan.hs_code][start:end]:
            known = in_edition.get((edition.year, hs_code))
            if known is None:
                known = in_edition[(edition.year, hs_code)] = edition.has(hs_code)
            if not known:
                return False
        items = rows.items[start:end]
        payload: dict[str, Any] = {"reference": reference, "declaration_date": day.isoformat()}
        for name, position, party in plan.header:
            if party is None:
                value = mapped[position][g] if position is not None else None
                if name == "containers":
                    payload[name] = value or []
                elif value is not None:
                    payload[name] = value
            else:
                found = {k: v for k, p in party if (v := mapped[p][g]) is not None}
                if found or name in ("declarant", "importer"):
                    payload[name] = found
        if "invoice_currency" not in payload and (
            "invoice_total" in payload
            or (
                plan.item_value is not None
                and any(v is not None for v in mapped[plan.item_value][start:end])
            )
        ):
            return False
        payload["attributes"] = {}
        payload["items"] = items
        sha = hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()
        version_value: int | None = None if plan.version is None else mapped[plan.version][g]
        explicit = version_value is not None
        version = version_value if version_value is not None else 1
        if self.seen is not None:
            key = (reference, version if explicit else None)
            if key in self.seen:
                return False  # a duplicate within the file: the per-record path says so
            self.seen.add(key)
        payload["version"] = version
        normalised_json = orjson.dumps(payload).decode()  # str keys only: as the store writes
        self.stats["bulk"] += 1
        total_duty = sum(rows.duty[start:end])  # the same terms in the same order
        declarant = payload["declarant"].get("id")
        importer = payload["importer"].get("id")
        row = (  # PREPARED_ROW_KEYS order
            reference,
            day,
            payload.get("office"),
            declarant,
            importer,
            payload.get("country_dispatch"),
            transport_mode,
            len(items),
            total_duty,
            sha,
            normalised_json,  # JSON text, version ``version`` in it
            original,
            "csv",
            location[:1024],
            None,  # warnings: a record with any goes the per-record path
        )
        run.add(start, end, row, location, explicit, version)
        return True


def read_prepared_csv(
    path: Path,
    *,
    encoding: str = "utf-8",
    today: date | None = None,
    progress: ProgressCallback | None = None,
    block_bytes: int = BLOCK_BYTES,
) -> Iterator[Prepared]:
    """A CSV file's records, ready for the store, in file order (the bulk path)."""
    yield from BulkCsv(
        path, encoding=encoding, today=today, progress=progress, block_bytes=block_bytes
    )


__all__ = ["BLOCK_BYTES", "BulkCsv", "read_prepared_csv"]
