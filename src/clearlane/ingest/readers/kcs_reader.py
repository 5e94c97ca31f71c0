"""Importer for the Korea Customs Service import-declaration data set (Jeong et al., 2022).

Each row is one declaration with one goods item, and every row was inspected, so each row
also yields a control result: ``Fraud`` 0/1 gives the outcome, ``Critical Fraud`` 2 marks a
critical finding (threat to public safety). ``Item Price`` is the assessed value in KRW and
``Tax Rate`` is in percent, so the duty at stake is ``Tax Rate / 100 x Item Price``. Columns
without a WCO Data Model equivalent (process type, import type, ...) are kept as attributes.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import logging
import re
import zlib
from collections.abc import Callable, Generator, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any, cast

from clearlane.core.csvsafe import csv_writer
from clearlane.core.validation import Issue, Reason
from clearlane.ingest.readers.base import (
    SNIFF_BYTES,
    FileRejected,
    ProgressCallback,
    RawRecord,
    decode_line,
    sniff,
)

logger = logging.getLogger(__name__)

KCS_COLUMNS: tuple[str, ...] = (
    "Declaration ID",
    "Date",
    "Office ID",
    "Process Type",
    "Import Type",
    "Import Use",
    "Payment Type",
    "Mode of Transport",
    "Declarant ID",
    "Importer ID",
    "Seller ID",
    "Courier ID",
    "HS6 Code",
    "Country of Departure",
    "Country of Origin",
    "Tax Rate",
    "Tax Type",
    "Country of Origin Indicator",
    "Net Mass",
    "Item Price",
)
LABEL_COLUMNS: tuple[str, ...] = ("Fraud", "Critical Fraud")
_ATTRIBUTES = {
    "Process Type": "process_type",
    "Import Type": "import_type",
    "Import Use": "import_use",
    "Payment Type": "payment_type",
    "Tax Type": "tax_type",
    "Country of Origin Indicator": "origin_indicator",
    "Mode of Transport": "kcs_transport_mode",
}
# KCS transport codes are two digits whose first digit follows UN/CEFACT Rec 19 (10 sea, 40 air,
# 50 post); the original code is kept in attributes.

# Columns that hold integer codes. A file re-exported by pandas writes an integer column that
# has one empty cell as decimals ("30.0", "1.0"); such a cell is the integer, not a new code
# (nor a malformed HS code or label). Measures (Tax Rate, Net Mass, Item Price) stay as written.
_INTEGER_CODES = frozenset(
    {
        "Declaration ID",
        "Office ID",
        "Import Type",
        "Import Use",
        "Payment Type",
        "Mode of Transport",
        "HS6 Code",
        "Fraud",
        "Critical Fraud",
    }
)
_DECIMAL_INTEGER = re.compile(r"([0-9]+)\.0+")
# A decimal with a fraction in an integer-code column ("30.7"): not a code, and not the code
# before its point either; the row is quarantined (labels: see _labels).
_DECIMAL_FRACTION = re.compile(r"[0-9]*\.[0-9]*[1-9][0-9]*")
# Other spellings of a column's name: the data set's own description says "HS10 code".
_ALIASES = {"hs10 code": "HS6 Code", "hs code": "HS6 Code"}
# The header of the data set's Korean files (df_syn_train.csv, df_syn_valid.csv, ... in
# Seondong/Customs-Declaration-Datasets, the publisher's repository): the same rows as its
# *_eng.csv files, column for column, so each name is the English column at its place.
KOREAN_COLUMNS: tuple[str, ...] = (
    "신고번호",  # Declaration ID
    "신고일자",  # Date
    "신고세관부호",  # Office ID
    "수입신고구분코드",  # Process Type
    "수입거래구분코드",  # Import Type
    "수입종류코드",  # Import Use
    "징수형태코드",  # Payment Type
    "운송수단유형코드",  # Mode of Transport
    "신고인부호",  # Declarant ID
    "수입자",  # Importer ID
    "해외거래처부호",  # Seller ID
    "특송업체부호",  # Courier ID
    "HS10단위부호",  # HS10 Code
    "적출국가코드",  # Country of Departure
    "원산지국가코드",  # Country of Origin
    "관세율",  # Tax Rate
    "관세율구분코드",  # Tax Type
    "원산지표시유무코드",  # Country of Origin Indicator
    "신고중량(KG)",  # Net Mass
    "과세가격원화금액",  # Item Price (assessed value in KRW)
    "우범여부",  # Fraud
    "핵심적발",  # Critical Fraud
)
_UNIT = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*$")
# The units the KCS measures are read in; a header naming another unit ("Net Mass (g)",
# "Item Price (USD)") refuses the file rather than reading grams as kilograms.
_UNITS: dict[str, tuple[str, frozenset[str]]] = {
    "Net Mass": ("kg", frozenset({"kg", "kgs", "kilogram", "kilograms"})),
    "Tax Rate": ("%", frozenset({"%", "percent", "pct"})),
    "Item Price": ("KRW", frozenset({"krw", "won"})),
}


def _header_key(name: str) -> str:
    """A header cell as compared: case, spaces, underscores, hyphens and dots and a trailing
    unit in brackets ignored, so "Net Mass (kg)", "Item Price (assessed value, KRW)",
    "Process type", "net_mass", "NetMass" and "declarationId" are the KCS columns."""
    name = _UNIT.sub("", name.strip().lstrip("\ufeff"))
    return "".join(ch for ch in name if ch.isalnum()).casefold()


_CANONICAL = {
    **{_header_key(c): c for c in (*KCS_COLUMNS, *LABEL_COLUMNS)},
    **{_header_key(k): c for k, c in _ALIASES.items()},
    **{
        _header_key(k): c
        for k, c in zip(KOREAN_COLUMNS, (*KCS_COLUMNS, *LABEL_COLUMNS), strict=True)
    },
}


def _known(name: str) -> tuple[str | None, str | None]:
    """The KCS column a header cell names, and the unit it names after the name without
    brackets (``net_mass_kg``, ``item_price_krw``, ``tax_rate_pct``), if any."""
    key = _header_key(name)
    column = _CANONICAL.get(key)
    if column is not None:
        return column, None
    for measure, (_, allowed) in _UNITS.items():
        stem = _header_key(measure)
        if key.startswith(stem) and key[len(stem) :] in allowed:
            return measure, key[len(stem) :]
    return None, None


def looks_like_kcs(header_line: str) -> bool:
    """Whether a CSV header line names ``Declaration ID`` and the HS column as the reader
    matches them (any case, spacing and unit; ``HS6 Code``, ``HS10 Code`` or ``HS Code``)."""
    try:
        names = next(csv.reader([header_line]))
    except (csv.Error, StopIteration):
        return False
    known = {_known(n)[0] for n in names}
    return "Declaration ID" in known and "HS6 Code" in known


def _unit_problem(name: str, column: str) -> str | None:
    """Why a header cell's unit in brackets is not the unit KCS ``column`` is read in, if so.
    Net Mass takes kg, Tax Rate %, Item Price any text naming KRW or won ("assessed value,
    KRW"); brackets after other columns are not read."""
    match = _UNIT.search(name.strip())
    if match is None or column not in _UNITS:
        return None
    expected, allowed = _UNITS[column]
    unit = match.group(1).strip().casefold()
    words = set(re.findall(r"[a-z]+|%", unit)) if column == "Item Price" else {unit}
    if words & allowed:
        return None
    given = match.group(1).strip()
    return f"column {name.strip()!r} is in {given!r}; {column} is read in {expected}"


def canonical_columns(header: list[str]) -> list[str]:
    """The header's names as the KCS column names where they are one; other names are kept
    as written (and not read).

    Raises ValueError when two columns are one KCS column ("Net Mass (kg)" and "net mass",
    "HS6 Code" and "HS10 Code") or a measure names another unit ("Net Mass (g)")."""
    out: list[str] = []
    first: dict[str, str] = {}
    for name in header:
        known, _ = _known(name)
        if known is None:
            out.append(name.strip())
            continue
        if known in first:
            raise ValueError(
                f"columns {first[known]!r} and {name.strip()!r} are both the KCS column "
                f"{known!r}; keep one"
            )
        problem = _unit_problem(name, known)
        if problem:
            raise ValueError(problem)
        first[known] = name.strip()
        out.append(known)
    return out


def _integer_code(value: str, *, keep_zeros: bool = False) -> str:
    """An integer-code cell as the KCS files write it: ``30.0`` (pandas) and ``030`` (a
    zero-padded export; KCS office codes have three digits) are ``30``. ``keep_zeros`` for
    an HS code or an identifier, whose leading zeros are part of it (``0101.0`` is ``0101``)."""
    if value[:1] != "0" and "." not in value:  # the plain KCS cells
        return value
    if "." in value:
        match = _DECIMAL_INTEGER.fullmatch(value)
        if match is None:
            return value
        value = match.group(1)
    if keep_zeros:
        return value
    if value[:1] == "0" and len(value) > 1 and value.isascii() and value.isdigit():
        return value.lstrip("0") or "0"
    return value


# Dates written year first, as a later export may write them: 2021-05-01, 2021/05/01,
# 2021.05.01, 2021-5-1, 20210501, each optionally with a time. A time without an offset is
# dropped: the declaration date is the date as written. A time with an offset (Z, +00:00,
# -0500) is an instant, and the declaration date is its date in Korea (UTC+9, no daylight
# saving since 1988): 2021-04-30T20:00Z is 1 May. Exactly midnight with an offset
# (2021-05-01T00:00:00+10:00) is a date-only value serialised with a zone: the date written.
# Day-first dates with dots (26.03.2021) are read (_DOTTED); slashed dates with the year last
# (05/01/2021) in the order the file's column shows (_SLASHED); spreadsheet day numbers
# (44317: the 1900 or the 1904 date system) are not guessed.
_DATE = re.compile(
    r"(?P<y>[0-9]{4})(?:(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    r"|(?P<m8>[0-9]{2})(?P<d8>[0-9]{2}))"
    r"(?:[ T](?P<H>[0-9]{1,2}):?(?P<M>[0-9]{2})(?::?(?P<S>[0-9]{2})(?:\.[0-9]+)?)?"
    r"\s*(?P<Z>Z|(?P<sign>[+-])(?P<oh>[0-9]{2})(?::?(?P<om>[0-9]{2}))?)?)?"
)
# A date written with dots and the year last (26.03.2021) is day first wherever it is written
# so (DIN 5008 and the other locales that write dots; none writes month.day.year): read as
# 2021-03-26. Slashes with the year last (03/26/2021, 26/03/2021) are either, and not read.
_DOTTED = re.compile(r"(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{1,2})\.(?P<y>[0-9]{4})(?P<rest>(?:[ T].*)?)")
# Slashes with the year last: 26/03/2021 is day first, 03/26/2021 month first, 05/01/2021
# either. The file's Date column says which when a cell has a number above 12 in one place
# and no cell has one in the other (a quarter of dates has days 13-31); then every slashed
# date of the file is read in that order. Otherwise the cell is quarantined, not guessed.
_SLASHED = re.compile(r"(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})/(?P<y>[0-9]{4})(?P<rest>(?:[ T].*)?)")


# Two-digit years (21/03/05, 21-03-05, 21.03.05; since mends5, 2026-12-05): the year is 20YY,
# always (a declaration of the 1900s is no input here; a date so read after today is refused
# as any future date is). The order of the fields is the column's (see _short_order).
_SHORT = re.compile(r"(?P<a>[0-9]{1,2})(?P<sep>[-/.])(?P<b>[0-9]{1,2})(?P=sep)(?P<c>[0-9]{1,2})")
_SHORT_ORDERS = ("ymd", "dmy", "mdy")  # the preference on a tie: year first (Korean, ISO)


def _short_fields(match: re.Match[str], order: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a two-digit-year cell read in ``order``, None when that order
    reads no date (no such day, a one-digit year, month first with dots: no locale)."""
    a, b, c = match.group("a", "b", "c")
    if order == "mdy" and match.group("sep") == ".":
        return None
    year, month, day = (a, b, c) if order == "ymd" else (c, b, a) if order == "dmy" else (c, a, b)
    if len(year) != 2:
        return None
    try:
        date(2000 + int(year), int(month), int(day))
    except ValueError:
        return None
    return 2000 + int(year), int(month), int(day)


_ISO_DAY = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?:[ T].*)?")


def _long_fields(cell: str) -> dict[str, tuple[int, int, int] | None] | None:
    """A four-digit-year Date cell (2021-03-25, 25.03.2021, 25/03/2021) as each order of
    :data:`_SHORT_ORDERS` reads it, None for another cell: of the orders reading the
    two-digit-year cells, those reading these too are preferred (until reviewm5,
    2026-12-05, 06/03/21 beside 25/03/2021 was read year first, 2006)."""

    def day(year: str, month: str, day: str) -> tuple[int, int, int] | None:
        try:
            read = date(int(year), int(month), int(day))
        except ValueError:
            return None
        return read.year, read.month, read.day

    if (iso := _ISO_DAY.fullmatch(cell)) is not None:
        return {"ymd": day(*iso.group("y", "m", "d")), "dmy": None, "mdy": None}
    if (dotted := _DOTTED.fullmatch(cell)) is not None:
        return {"ymd": None, "dmy": day(*dotted.group("y", "m", "d")), "mdy": None}
    if (slashed := _SLASHED.fullmatch(cell)) is not None:
        a, b, year = slashed.group("a", "b", "y")
        return {"ymd": None, "dmy": day(year, b, a), "mdy": day(year, a, b)}
    return None


def _short_order(source: _Source, columns: list[str], delimiter: str) -> str:
    """The order ('ymd', 'dmy' or 'mdy') of the file's two-digit-year Date cells: of the
    orders that read every such cell some order reads, the one under which they fall in the
    fewest years (an export covers days or months; read in the wrong order, a column's days
    become its years), then in the years closest together; year first on a tie with it. ''
    when no order reads them all, '?' when day first and month first tie (1/5/21: nothing
    tells which, as for 05/01/2021; not guessed). Read once, when a cell needs it."""
    years: dict[str, set[int] | None] = {order: set() for order in _SHORT_ORDERS}
    long_read = dict.fromkeys(_SHORT_ORDERS, True)  # the orders reading every 4-digit cell
    for cells in _column_cells(source, columns, delimiter, ("Date",)):
        cell = cells.get("Date", "").strip()
        short = _SHORT.fullmatch(cell)
        if short is None:
            if (long := _long_fields(cell)) is not None and any(long.values()):
                for order, fields in long.items():
                    long_read[order] = long_read[order] and fields is not None
            continue
        read = {order: _short_fields(short, order) for order in _SHORT_ORDERS}
        if not any(read.values()):
            continue  # a date under no order: quarantined by itself
        for order, fields in read.items():
            seen = years[order]
            if seen is not None:
                years[order] = None if fields is None else seen | {fields[0]}
    # fewest years, then the years closest together: an export across new year (31/12/26,
    # 01/01/27) falls in two years day first (2026, 2027) and year first (2031, 2001); year
    # first won that tie until reviewm5 (2026-12-05) and stored a declaration of 2001
    fitting = [
        ((len(seen), max(seen, default=0) - min(seen, default=0)), order)
        for order, seen in years.items()
        if seen is not None
    ]
    # of those, the orders the column's four-digit-year cells allow, when one is among them
    fitting = [(n, order) for n, order in fitting if long_read[order]] or fitting
    if not fitting:
        return ""
    fewest = min(n for n, _ in fitting)
    best = [order for n, order in fitting if n == fewest]
    if "ymd" in best or len(best) == 1:
        return best[0]  # year first on a tie (_SHORT_ORDERS lists it first)
    return "?"  # day first or month first, and nothing tells which: not guessed


def _short_date(
    value: str, short: re.Match[str], where: str, order: str
) -> tuple[str, Issue | None]:
    """A Date cell with a two-digit year, read in the file's ``order`` (:func:`_short_order`)."""
    named = {"ymd": "year", "dmy": "day", "mdy": "month"}
    fields = _short_fields(short, order) if order in named else None
    if fields is None:
        why = (
            f"read {named[order]} first as the file's 'Date' column writes them, it is no date"
            if order in named
            else "it is day first or month first, and the file's 'Date' column does not say which"
            if order == "?"
            else "the file's 'Date' column is read in no one order (year, day or month first)"
        )
        return value, Issue(
            Reason.INVALID_DATE,
            "Date",
            f"{where}: 'Date' {value!r} has a two-digit year, and {why}: write dates {_DATE_FORMS}",
        )
    year, month, day = fields
    return _date(f"{year:04d}-{month:02d}-{day:02d}", where)


def _header_again(cells: list[str]) -> tuple[list[str] | None, str | None]:
    """A row that is a KCS header (exports joined one after another): its columns when the
    rows after it can be read by it (every KCS column named, in any order or spelling), or
    why not (a KCS column missing, one named twice); (None, None) for a row that names
    fewer than half of the KCS columns, no header."""
    known = {_known(cell)[0] for cell in cells}
    missing = [c for c in KCS_COLUMNS if c not in known]
    if len(missing) > len(KCS_COLUMNS) // 2:
        return None, None
    if missing:
        return None, f"names no column {missing}"
    try:
        return canonical_columns(cells), None
    except ValueError as exc:
        return None, f"cannot be read ({exc})"


def _header_columns(cells: list[str]) -> list[str] | None:
    """The columns of a row that is a KCS header the rows after it are read by, else None."""
    return _header_again(cells)[0]


def _column_cells(
    source: _Source, columns: list[str], delimiter: str, wanted: tuple[str, ...]
) -> Iterator[dict[str, str]]:
    """The ``wanted`` cells of each row after the header, for the reads of a column before
    the rows; a header again (in another order or spelling) says where they are after it."""
    at = {c: columns.index(c) for c in wanted if c in columns}
    for raw in source.body():
        text = raw.decode(source.encoding, errors="replace")
        try:
            cells = next(csv.reader([text], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        if not any(cell[:1].isdigit() for cell in cells):  # a name starts with no digit
            again, why = _header_again(cells)
            if again is not None:
                at = {c: again.index(c) for c in wanted if c in again}
                continue
            if why is not None:  # its rows are not read (see read_kcs): no evidence either
                at = {}
                continue
        yield {c: cells[k] for c, k in at.items() if k < len(cells)}


def _date_order(source: _Source, columns: list[str], delimiter: str) -> str:
    """'dmy' or 'mdy' as the file's slashed Date cells show it, '' when they do not (no
    number above 12, or such numbers in both places). Read once, when a cell needs it."""
    first = second = False
    for cells in _column_cells(source, columns, delimiter, ("Date",)):
        slashed = _SLASHED.fullmatch(cells.get("Date", "").strip())
        if slashed is not None:
            first = first or int(slashed.group("a")) > 12
            second = second or int(slashed.group("b")) > 12
    return "dmy" if first and not second else "mdy" if second and not first else ""


def _slashed_date(
    value: str, slashed: re.Match[str], where: str, order: str
) -> tuple[str, Issue | None]:
    """A Date cell written with slashes and the year last, read in the file's ``order``."""
    a, b, year, rest = slashed.group("a", "b", "y", "rest")
    if not order:
        return value, Issue(
            Reason.INVALID_DATE,
            "Date",
            f"{where}: 'Date' {value!r} is day first or month first, and the file's 'Date' "
            "column does not say which (no cell with a day above 12 in one place, or cells "
            f"with one in both): write dates {_DATE_FORMS}",
        )
    day, month = (a, b) if order == "dmy" else (b, a)
    iso = f"{year}-{int(month):02d}-{int(day):02d}{rest}"
    when, issue = _date(iso, where)
    if issue is not None:  # the cell named as written, and the order it was read in
        written = f"{value!r} (read {'day' if order == 'dmy' else 'month'} first as the file's"
        message = issue.message.replace(repr(iso), f"{written} 'Date' column writes them)")
        message = message.replace("is written year first but ", "is no date: ")
        return value, Issue(issue.reason, "Date", message)
    return when, None


_KOREA = timezone(timedelta(hours=9))
# Dates no declaration has: systems write 1900-01-01 (19000101), 1899-12-30 (a spreadsheet's
# day 0), 1970-01-01 or 0001-01-01 and 9999-12-31 for "no date". A KCS declaration names an
# HS code, and the HS came into force on 1988-01-01; year 9999 is the end of the calendar.
_FIRST_DAY = date(1988, 1, 1)
_LAST_YEAR = date(9999, 1, 1)
_DATE_FORMS = (
    "year first: 2021-05-01, 2021/05/01, 2021.05.01 or 20210501, or day first with dots: "
    "01.05.2021, a time allowed"
)


def _korean_date(day: date, hour: int, minute: int, second: int, match: re.Match[str]) -> date:
    """The date in Korea of a time written with an offset (Z or +hh[:mm])."""
    offset = timedelta(0)
    if match.group("sign"):
        offset = timedelta(hours=int(match.group("oh")), minutes=int(match.group("om") or 0))
        if offset >= timedelta(hours=24) or int(match.group("om") or 0) >= 60:
            raise ValueError("no such offset")
        offset = -offset if match.group("sign") == "-" else offset
    instant = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=timezone(offset))
    return instant.astimezone(_KOREA).date()


def _date(value: str, where: str) -> tuple[str, Issue | None]:
    """The ISO date of a ``Date`` cell, or the cell and why it is not read as a date."""
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:  # the plain KCS form: one C call per cell
            if _FIRST_DAY <= date.fromisoformat(value) < _LAST_YEAR:
                return value, None
        except ValueError:
            pass
    match = _DATE.fullmatch(value)
    if match is None and (dotted := _DOTTED.fullmatch(value)) is not None:
        match = _DATE.fullmatch(dotted.expand(r"\g<y>-\g<m>-\g<d>\g<rest>"))
    if match is not None:
        month = match.group("m") or match.group("m8")
        day = match.group("d") or match.group("d8")
        hour, minute, second = (int(match.group(g) or 0) for g in ("H", "M", "S"))
        try:
            when = date(int(match.group("y")), int(month), int(day))
            if (
                hour < 24
                and minute < 60
                and second < 60
                and match.group("Z")
                and (
                    hour
                    or minute
                    or second  # midnight: a date-only value, serialised with its zone
                )
            ):
                when = _korean_date(when, hour, minute, second, match)
            iso = when.isoformat()
        except (ValueError, OverflowError):
            iso = None
        if iso is not None and hour < 24 and minute < 60 and second < 60:
            if not _FIRST_DAY <= when < _LAST_YEAR:
                return value, Issue(
                    Reason.INVALID_DATE,
                    "Date",
                    f"{where}: 'Date' {value!r} is a placeholder for a missing date, not a "
                    f"declaration date: none is before {_FIRST_DAY} (the Harmonized System "
                    "in force) or in year 9999",
                )
            return iso, None
        return value, Issue(
            Reason.INVALID_DATE,
            "Date",
            f"{where}: 'Date' {value!r} is written year first but no such day or time exists",
        )
    return value, Issue(
        Reason.INVALID_DATE,
        "Date",
        f"{where}: 'Date' {value!r} is not a date written {_DATE_FORMS}",
    )


_MEASURES = ("Tax Rate", "Net Mass", "Item Price")
_NONE_REPORTED: frozenset[str] = frozenset()
# The fields validation names the cells by whose problems the reader reports itself.
_FIELDS = {
    "Date": "declaration_date",
    "Tax Rate": "items[0].duty_rate",
    "Net Mass": "items[0].net_mass_kg",
    "Item Price": "items[0].customs_value",
}
# "1,234.5": a thousands separator (a spreadsheet's number format), quoted in a CSV file.
_GROUPED = re.compile(r"[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?")


# "1 234,5": groups of three digits set apart by a space, a no-break space (U+00A0) or a
# narrow no-break space (U+202F), as French, Swiss, Russian or ISO 80000 writing and
# spreadsheets in those locales export them; a space never is a decimal mark, so the mark is
# the comma or point after the last group, whatever the file's other cells write.
_SPACES = (" ", "\u00a0", "\u202f")
_SPACED = re.compile(r"([-+]?[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+)(?:[.,]([0-9]+))?")


def _spaced_measures(row: dict[str, str], where: str) -> list[Issue]:
    """Write the measure cells grouped by spaces (``1 234,5``) as plain numbers
    (``1234.5``); the issues of the cells holding a space that groups no three digits
    (``12 34``, ``1 23,5``): quarantined, never read as another number."""
    issues = []
    for column in _MEASURES:
        value = (row.get(column) or "").strip()
        if not any(space in value for space in _SPACES):
            continue
        spaced = _SPACED.fullmatch(value)
        if spaced is None:
            issues.append(
                Issue(
                    Reason.WRONG_TYPE,
                    column,
                    f"{where}: '{column}' {value!r} is no number: a space is read only "
                    "between groups of three digits (1 234,5 or 1 234.5)",
                )
            )
            row[column] = ""
            continue
        whole, fraction = spaced.groups()
        for space in _SPACES:
            whole = whole.replace(space, "")
        row[column] = f"{whole}.{fraction}" if fraction is not None else whole
    return issues


def _measure(value: str) -> str:
    if "," in value and _GROUPED.fullmatch(value):
        return value.replace(",", "")
    return value


def _measure_issues(row: dict[str, str], where: str) -> list[Issue]:
    """A comma in a measure that is no thousands separator ("108,5", "1,23,456"): a decimal
    comma is not read in a comma-separated file, nor guessed."""
    issues = []
    for column in _MEASURES:
        value = (row.get(column) or "").strip()
        if "," in value and not _GROUPED.fullmatch(value):
            issues.append(
                Issue(
                    Reason.WRONG_TYPE,
                    column,
                    f"{where}: '{column}' {value!r} is no number: a comma is read only as a "
                    "thousands separator (1,234.5)",
                )
            )
    return issues


# "1,234": one group of three after a comma and no point is 1234 with a thousands comma and
# 1.234 with a decimal comma. Which one is read from the cell's column in the whole file.
_AMBIGUOUS = re.compile(r"[-+]?[0-9]{1,3},[0-9]{3}")


def _decimal_points(source: _Source, columns: list[str]) -> dict[str, bool]:
    """Per measure column, whether the file's column writes decimal points and no decimal
    comma: a cell with a point (``108.5``, ``1,234.5``) or two thousands commas
    (``1,372,254``), and no comma that is not a thousands separator (``108,5``). Only in such
    a column is ``1,234`` read as 1234; a column that shows a decimal comma, or neither mark,
    does not say what it is. Read once per file, when a ``1,234`` cell is met."""
    at = [c for c in _MEASURES if c in columns]
    points = dict.fromkeys(at, False)
    commas = dict.fromkeys(at, False)
    for cells in _column_cells(source, columns, ",", _MEASURES):
        for column in at:
            value = cells.get(column, "").strip()
            if "," in value:
                if not _GROUPED.fullmatch(value):
                    commas[column] = True
                elif "." in value or value.count(",") > 1:
                    points[column] = True
            elif "." in value:
                points[column] = True
    return {c: points[c] and not commas[c] for c in at}


def _ambiguous_issues(row: dict[str, str], where: str, points: dict[str, bool]) -> list[Issue]:
    """``1,234`` cells in a column that does not say its decimal mark (see _decimal_points)."""
    issues = []
    for column in _MEASURES:
        value = (row.get(column) or "").strip()
        if _AMBIGUOUS.fullmatch(value) and not points.get(column):
            issues.append(
                Issue(
                    Reason.WRONG_TYPE,
                    column,
                    f"{where}: '{column}' {value!r} is {value.replace(',', '')} with a "
                    f"thousands comma or {value.replace(',', '.')} with a decimal comma, and "
                    f"the file's '{column}' column does not say which (no cell with a decimal "
                    "point, or one with a decimal comma): export the numbers without "
                    "thousands separators",
                )
            )
    return issues


# Numbers in a file separated by ';' or tabs, as a spreadsheet in any locale exports them: the
# decimal mark is a point or a comma, and a thousands separator the other one.
_ONE_MARK = re.compile(r"[-+]?([0-9]+)([.,])([0-9]+)")
_GROUPED_COMMA = re.compile(r"[-+]?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]*)?")


def _local_number(value: str) -> tuple[str | None, str]:
    """A measure cell of a ';'- or tab-separated file with a decimal point, and the decimal
    mark the cell shows by itself ('.', ',' or '' for none). ``108,5`` is 108.5 (','),
    ``1.234,5`` 1234.5 (','), ``1,234.5`` 1234.5 ('.'). ``1.234`` and ``1,234`` (one group
    of three digits after one mark, no leading 0) are either 1234 or 1.234: None, and the
    column decides (:func:`_local_marks`). Anything else is given back as written."""
    if "." not in value and "," not in value:
        return value, ""
    one = _ONE_MARK.fullmatch(value)
    if one is not None:
        whole, mark, fraction = one.groups()
        if len(fraction) == 3 and len(whole) <= 3 and whole[0] != "0":
            return None, ""
        return value.replace(mark, "."), mark
    if _GROUPED.fullmatch(value):
        return value.replace(",", ""), "."
    if _GROUPED_COMMA.fullmatch(value):
        return value.replace(".", "").replace(",", "."), ","
    return value, ""


def _local_marks(source: _Source, columns: list[str], delimiter: str) -> dict[str, str]:
    """Per measure column of a ';'- or tab-separated file, the decimal mark its cells show
    ('.' or ','), or '' when they show none or both. Read once, when a cell needs it."""
    seen: dict[str, set[str]] = {c: set() for c in _MEASURES if c in columns}
    for cells in _column_cells(source, columns, delimiter, _MEASURES):
        for column, value in cells.items():
            mark = _local_number(value.strip())[1]
            if mark:
                seen[column].add(mark)
    return {c: next(iter(m)) if len(m) == 1 else "" for c, m in seen.items()}


_COMMA_DECIMAL = re.compile(r"[0-9]+,[0-9]+")


def _local_codes(row: dict[str, str]) -> None:
    """Integer codes a ';'- or tab-separated export wrote with a decimal comma (pandas'
    ``decimal=','`` writes an integer column with a missing value ``30,0``): as ``30.0``, so
    that ``30,0`` is office 30 and ``30,7`` is refused as ``30.7`` is (never office '30,0')."""
    for column in _INTEGER_CODES:
        value = row.get(column)
        if value and "," in value and _COMMA_DECIMAL.fullmatch(value.strip()):
            row[column] = value.replace(",", ".")


def _local_measures(
    row: dict[str, str], where: str, marks: Callable[[], dict[str, str]]
) -> list[Issue]:
    """Write the measure cells of a ';'- or tab-separated row with a decimal point; the
    issues of the cells whose mark neither the cell nor its column tells."""
    issues = []
    for column in _MEASURES:
        value = (row.get(column) or "").strip()
        number, _ = _local_number(value)
        if number is None:
            mark = marks().get(column, "")
            if mark:  # the cell's one mark is the decimal mark, or the thousands separator
                sep = "." if "." in value else ","
                number = value.replace(sep, "." if sep == mark else "")
            else:
                grouped = value.replace(",", "").replace(".", "")
                decimal = value.replace(",", ".")
                issues.append(
                    Issue(
                        Reason.WRONG_TYPE,
                        column,
                        f"{where}: '{column}' {value!r} is {grouped} with a thousands "
                        f"separator or {decimal} with a decimal mark, and the file's "
                        f"'{column}' column does not say which (no cell shows its decimal "
                        "mark, or cells show both): export the numbers without thousands "
                        "separators",
                    )
                )
                continue
        row[column] = number
    return issues


def _code_issues(row: dict[str, str], where: str) -> list[Issue]:
    """Integer-code cells written with a fraction ("30.7") or a space inside ("30 1",
    "1 234": until reviewm5, 2026-12-05, stored as office '30 1'): not a code of the column.
    (HS code and Declaration ID: their validation says why.)"""
    issues = []
    for column in _CODE_COLUMNS:
        value = (row.get(column) or "").strip()
        spaced = column not in _TEXT_CODES and any(c.isspace() for c in value)
        if spaced or ("." in value and _DECIMAL_FRACTION.fullmatch(value)):
            issues.append(
                Issue(
                    Reason.WRONG_TYPE,
                    column,
                    f"{where}: '{column}' is an integer code, got {value!r}",
                )
            )
    return issues


_CODE_COLUMNS = tuple(sorted(_INTEGER_CODES - set(LABEL_COLUMNS)))
# Integer columns whose leading zeros are part of the value: an HS code (010121 is chapter
# 01) and the Declaration ID (an identifier: 000123 and 123 are two declarations).
_TEXT_CODES = frozenset({"HS6 Code", "Declaration ID"})


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def row_to_canonical(row: dict[str, str], *, quoted: bool = True) -> dict[str, Any]:
    """The canonical declaration of a KCS row; ``quoted=False`` says the row's line has no
    quote, so no cell holds a comma (no thousands separator to read)."""

    def get(column: str) -> str | None:
        value = (row.get(column) or "").strip()
        if column in _INTEGER_CODES:
            if "." in value or value[:1] == "0":  # else a plain KCS cell, as it is
                # HS code and Declaration ID keep their leading zeros (chapter 01, ID 000123)
                value = _integer_code(value, keep_zeros=column in _TEXT_CODES)
        elif quoted and column in _MEASURES:
            value = _measure(value)
        return value or None

    hs = get("HS6 Code")
    if hs is not None and hs.isdigit() and (len(hs) < 6 or len(hs) in (7, 9)):
        # Spreadsheets drop the leading zero of chapters 01-09: 5 digits are an HS6 code
        # (44089 is 044089), 7 an HS8 and 9 an HS10 code, never a code of their own length.
        hs = hs.zfill(6 if len(hs) < 6 else len(hs) + 1)
    mode = get("Mode of Transport")
    rate, price = get("Tax Rate"), get("Item Price")
    item: dict[str, Any] = {
        "seq": 1,
        "hs_code": hs,
        "origin_country": get("Country of Origin"),
        "net_mass_kg": get("Net Mass"),
        "customs_value": price,
        "duty_rate": rate,
    }
    r, p = _float(rate or ""), _float(price or "")
    if r is not None and p is not None:
        item["duty_amount"] = round(r / 100.0 * p, 2)
    data: dict[str, Any] = {
        "reference": get("Declaration ID"),
        "declaration_date": get("Date"),
        "office": get("Office ID"),
        "declarant": {"id": get("Declarant ID")},
        "importer": {"id": get("Importer ID")},
        "country_dispatch": get("Country of Departure"),
        "country_destination": "KR",
        "transport_mode": mode[0] if mode and mode[0].isdigit() else mode,
        "items": [item],
        "attributes": {a: v for c, a in _ATTRIBUTES.items() if (v := get(c))},
    }
    if seller := get("Seller ID"):
        data["seller"] = {"id": seller}
    if courier := get("Courier ID"):
        data["courier"] = {"id": courier}
    return data


# Labels an export writes as booleans (a database's or a spreadsheet's yes/no column): 1 and 0.
# Only these words, in any case; T/F, "si", "ja" and the rest are not guessed. A boolean
# Critical Fraud says fraud or not, so it is 1 or 0: it never says 2 (a critical finding).
_BOOLEANS = {"true": "1", "false": "0", "yes": "1", "no": "0", "y": "1", "n": "0"}


def _label(value: str) -> str:
    """A label cell as 0, 1 (or 2): ``1.0`` and ``01`` (see :func:`_integer_code`), and the
    boolean words of ``_BOOLEANS``; anything else as written (not a label)."""
    if value[:1].isalpha():
        return _BOOLEANS.get(value.casefold(), value)
    return _integer_code(value)


def _declaration_id(value: str) -> str:
    """A Declaration ID cell as the reference: the text as written (``000123`` is not
    ``123``: an identifier keeps its zeros, and a control result or another file names the
    declaration by that text), except pandas' float of an integer column (``97061800.0``),
    whose digits are the ID's."""
    return _integer_code(value, keep_zeros=True)


def _labels(row: dict[str, str], where: str) -> tuple[list[dict[str, Any]], list[Issue]]:
    """The control result of a row: ``Fraud`` gives the outcome and ``Critical Fraud`` > 0
    implies it. A file or a row may carry one of the two: Fraud alone gives the outcome
    (no critical finding recorded); Critical Fraud alone gives it only when it is 1 or 2 (a 0
    says nothing of revenue fraud, so the row stays unlabelled). Neither: no result."""
    fraud = _label((row.get("Fraud") or "").strip())
    critical = _label((row.get("Critical Fraud") or "").strip())
    if fraud == "" and critical == "":
        return [], []
    issues = []
    if fraud not in ("", "0", "1"):
        issues.append(
            Issue(Reason.WRONG_TYPE, "Fraud", f"{where}: 'Fraud' must be 0 or 1, got {fraud!r}")
        )
    if critical not in ("", "0", "1", "2"):
        issues.append(
            Issue(
                Reason.WRONG_TYPE,
                "Critical Fraud",
                f"{where}: 'Critical Fraud' must be 0, 1 or 2, got {critical!r}",
            )
        )
    if issues:
        return [], issues
    if fraud == "" and critical == "0":
        return [], []
    non_compliant = fraud == "1" or critical in ("1", "2")
    control = {
        "declaration_reference": _declaration_id((row.get("Declaration ID") or "").strip()),
        "control_type": "unspecified",
        "selection_reason": "unknown",
        "outcome": "non_compliant" if non_compliant else "compliant",
        "severity": "critical" if critical == "2" else "revenue" if non_compliant else "none",
        "source": "kcs",
    }
    return [control], []


def _no_cells(text: str, delimiter: str = ",") -> bool:
    """Whether a line of commas, quotes and spaces is a row of empty cells (',,,,', '"",""'),
    not a broken record: an unbalanced quote ('"', ',,"') is malformed, as it was."""
    if '"' not in text:
        return True
    try:
        cells = next(csv.reader([text], strict=True, delimiter=delimiter))
    except csv.Error:
        return False
    return not any(cell.strip() for cell in cells)


# The longest line read as a row: a KCS row is some 150 bytes, and a line of megabytes (a
# file with no line breaks, a few KB of gzip that expand to gigabytes) is none. Such a line is
# one record, quarantined with its first _KEPT bytes; it is read through, never held whole.
MAX_LINE_BYTES = 1 << 20
_KEPT = 1024


# The physical lines one record may span: a quoted cell holding line breaks (RFC 4180 allows
# them; an address, a note). A quote still open past them, or past MAX_LINE_BYTES, is no such
# cell: the line is read alone, as a broken record, and the lines after it are read on.
MAX_SPAN_LINES = 100


def _spanning(
    text: str,
    ahead: Callable[[], bytes | None],
    back: list[bytes],
    encoding: str,
    line_no: int,
    delimiter: str,
) -> tuple[str, Issue | None, int] | None:
    """The record that starts with ``text`` (line ``line_no``, a quote open at its end) read
    on through the next lines until its quotes close, as the csv module reads it: its text,
    the first encoding issue of the lines added and how many lines were added. None when the
    quote does not close in a record that reads (the lines read ahead are put ``back``)."""
    parts, issue = [text], None
    taken: list[bytes] = []
    quotes, size = text.count('"'), len(text)
    while quotes % 2 and len(taken) < MAX_SPAN_LINES and size <= MAX_LINE_BYTES:
        raw = ahead()
        if raw is None:
            break
        taken.append(raw)
        if raw.__class__ is _Long:
            break
        more, more_issue = decode_line(raw, encoding, line_no + len(taken))
        issue = issue or more_issue
        parts.append(more)
        quotes += more.count('"')
        size += len(more)
    if quotes % 2 == 0 and size <= MAX_LINE_BYTES:
        record = "".join(parts)
        try:
            next(csv.reader([record], strict=True, delimiter=delimiter))
        except csv.Error:
            pass
        else:
            return record, issue, len(taken)
    back.extend(reversed(taken))
    return None


class _Long(bytes):
    """The first :data:`_KEPT` bytes of a line longer than :data:`MAX_LINE_BYTES`; ``size``
    is the line's length."""

    size: int

    def __new__(cls, head: bytes, size: int) -> _Long:
        line = super().__new__(cls, head)
        line.size = size
        return line


def _utf16_error(exc: UnicodeError) -> tuple[str, int]:
    """Bytes of a UTF-16 file that are no UTF-16 (a lone surrogate, an odd last byte): kept
    as ``\\x`` escapes after U+FFFD, which the reader quarantines the row for (read_kcs)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "\ufffd" + "".join(f"\\x{b:02x}" for b in bad), exc.end


_UTF16_ERRORS = "clearlane-kcs-utf16"
codecs.register_error(_UTF16_ERRORS, _utf16_error)


def _bounded(readline: Callable[[int], bytes]) -> Iterator[bytes]:
    """The lines ``readline`` gives, each a :class:`_Long` past :data:`MAX_LINE_BYTES`."""
    while line := readline(MAX_LINE_BYTES + 1):
        if len(line) <= MAX_LINE_BYTES or line[-1:] == b"\n":
            yield line
            continue
        size = len(line)
        while more := readline(1 << 20):  # the rest of the line, not kept
            size += len(more)
            if more[-1:] == b"\n":
                break
        yield _Long(line[:_KEPT], size)


def _bounded_text(readline: Callable[[int], str]) -> Iterator[bytes]:
    """:func:`_bounded` of a text stream (UTF-16 read as text), its lines as UTF-8."""
    while line := readline(MAX_LINE_BYTES + 1):
        if len(line) <= MAX_LINE_BYTES or line[-1:] == "\n":
            yield line.encode("utf-8")
            continue
        size = len(line.encode("utf-8"))
        while more := readline(1 << 20):
            size += len(more.encode("utf-8"))
            if more[-1:] == "\n":
                break
        yield _Long(line[:_KEPT].encode("utf-8"), size)


class _Source:
    """The lines of a KCS file as bytes in ``encoding``: the file itself, or its text
    decompressed (a gzip file, ``k.csv.gz``) and re-encoded as UTF-8 (UTF-16 with a
    byte-order mark: Excel's "Unicode text"), or a Parquet file's rows written as CSV lines
    (:meth:`_parquet_lines`). A gzip stream that ends early or fails its check, or a Parquet
    page that cannot be read, stops the lines; ``error`` then says why."""

    def __init__(self, path: Path, encoding: str) -> None:
        self.path = path
        self.encoding = encoding
        self.error: str | None = None
        self.tail = b""  # a cut gzip stream's text after its last whole line
        with path.open("rb") as handle:
            head = handle.read(4)
        self.parquet = head == b"PAR1"
        self.parquet_batch = _PARQUET_BATCH_ROWS  # see check_parquet
        if self.parquet:
            self.encoding = "utf-8"
        self.gzip = head[:2] == b"\x1f\x8b"
        if self.gzip:
            try:
                with gzip.open(path, "rb") as inner:
                    head = inner.read(4)
            except (OSError, EOFError, zlib.error) as exc:
                raise FileRejected(
                    Reason.MALFORMED, f"{path.name}: a gzip file that cannot be read: {exc}"
                ) from None
        self.utf16 = head[:2] in (b"\xff\xfe", b"\xfe\xff") and head[:4] != b"\xff\xfe\x00\x00"
        if self.utf16:
            self.encoding = "utf-8"

    @property
    def plain(self) -> bool:
        return not (self.gzip or self.utf16 or self.parquet)

    def place(self, line_no: int) -> str:
        """Where a line is, as a message names it: a Parquet file has rows, not lines."""
        return f"row {line_no - 1}" if self.parquet else f"line {line_no}"

    def _parquet_lines(self, progress: ProgressCallback | None) -> Generator[bytes]:
        """A Parquet file's rows as the CSV lines of the same cells, the header first: each
        cell as a CSV export writes it (see :func:`_parquet_cell`)."""
        import pyarrow.parquet as pq

        try:
            parquet = pq.ParquetFile(self.path)
        except Exception as exc:  # noqa: BLE001 - pyarrow's errors: ArrowInvalid, OSError
            raise FileRejected(
                Reason.MALFORMED, f"{self.path.name}: a Parquet file that cannot be read: {exc}"
            ) from None
        out = io.StringIO()
        writer = csv_writer(out)
        writer.writerow(parquet.schema_arrow.names)
        yield out.getvalue().encode("utf-8")
        size, rows = self.path.stat().st_size, max(parquet.metadata.num_rows, 1)
        done = read = 0
        try:
            for batch in parquet.iter_batches(batch_size=self.parquet_batch):
                columns = [
                    [_parquet_cell(v) for v in column.to_pylist()] for column in batch.columns
                ]
                for cells in zip(*columns, strict=True):
                    out.seek(0)
                    out.truncate()
                    writer.writerow(cells)
                    line = out.getvalue().encode("utf-8")
                    yield _Long(line[:_KEPT], len(line)) if len(line) > MAX_LINE_BYTES else line
                read += batch.num_rows
                if progress and (at := size * read // rows) > done:
                    progress(at - done)
                    done = at
        except Exception as exc:  # noqa: BLE001 - a corrupt page: the rest is not read
            self.error = f"the Parquet file cannot be read on: {exc}"

    def check_parquet(self) -> None:
        """Refuse a Parquet file whose KCS column holds lists, records or maps: a CSV line
        has one value per cell, and Python's text of several (``{'id': 'SHHZGSL', ...}``)
        would be read as an ID. Other columns are not read, whatever they hold.

        Then refuse one whose cells' text passes the bound of :class:`_Inflated` (a pass
        over the file, strings kept dictionary-encoded: a dictionary page repeats one long
        value in every row for a few bits a row), and read the rows in batches of some
        :data:`_PARQUET_BATCH_BYTES` of text at most."""
        import pyarrow.parquet as pq

        try:
            schema = pq.read_schema(self.path)
        except Exception:  # noqa: BLE001 - the rows' read says why (see _parquet_lines)
            return
        self._check_parquet_columns(schema)
        self._check_parquet_size(schema)

    def _check_parquet_columns(self, schema: Any) -> None:
        import pyarrow.types as pat

        for field in schema:
            kind = field.type
            if pat.is_dictionary(kind):
                kind = kind.value_type
            if _known(field.name)[0] is not None and pat.is_nested(kind):
                raise FileRejected(
                    Reason.MALFORMED,
                    f"{self.path.name}: column {field.name!r} holds {kind} values, several "
                    "values a row; a KCS column holds one (export it with one value a cell)",
                )

    def _check_parquet_size(self, schema: Any) -> None:
        import pyarrow.parquet as pq

        strings = [f.name for f in schema if _stringy(f.type)]
        bound = _Inflated(self.path, "Parquet file")
        densest = 0.0  # most text bytes a row, over the batches read
        try:
            metadata = pq.ParquetFile(self.path).metadata
            # pyarrow decompresses a row group's column chunk whole: pages over the bound
            # are refused before any is read
            bound.pages(sum(int(metadata.row_group(g).total_byte_size) for g in range(
                metadata.num_row_groups)))  # fmt: skip
            for group in range(metadata.num_row_groups):
                # rows a batch from the row group's uncompressed size, and dictionaries kept
                # only where its pages are dictionary-encoded: a batch of 8192 rows of long
                # values (plain-encoded, compressed), or a dictionary built of them, held
                # gigabytes before the bound was checked (until reviewm5, 2026-12-05)
                info = metadata.row_group(group)
                encoded = {
                    info.column(i).path_in_schema
                    for i in range(info.num_columns)
                    if info.column(i).has_dictionary_page
                }
                parquet = pq.ParquetFile(
                    self.path, read_dictionary=[name for name in strings if name in encoded]
                )
                batch_rows = _parquet_batch_rows(info)
                for batch in parquet.iter_batches(batch_size=batch_rows, row_groups=[group]):
                    size = sum(_text_bytes(column) for column in batch.columns)
                    bound.add(size)
                    if batch.num_rows:
                        densest = max(densest, size / batch.num_rows)
        except FileRejected:
            raise
        except Exception:  # noqa: BLE001 - the rows' read says why (see _parquet_lines)
            return
        if densest * _PARQUET_BATCH_ROWS > _PARQUET_BATCH_BYTES:  # fewer rows a batch
            self.parquet_batch = max(1, int(_PARQUET_BATCH_BYTES // densest))

    def head(self, *, line: bool = False) -> bytes:
        """The first :data:`SNIFF_BYTES` of the text (as :func:`sniff` checks them), or with
        ``line`` its first line up to that length; a gzip or UTF-16 file is read no further
        (one line may be the whole file)."""
        if self.parquet:
            lines = self._parquet_lines(None)
            out = next(lines, b"")
            lines.close()
            return out[:SNIFF_BYTES]
        if self.gzip:
            data = _gzip_head(self.path, 2 * SNIFF_BYTES)
        else:
            with self.path.open("rb") as raw:
                data = raw.read(2 * SNIFF_BYTES)
        if self.utf16:
            text = data.decode("utf-16", errors="backslashreplace")
            if line:
                part = text[: text.find("\n") + 1 or SNIFF_BYTES][:SNIFF_BYTES]
            else:
                part = text[: SNIFF_BYTES // 2]
            return part.encode("utf-8")[:SNIFF_BYTES]
        data = data[:SNIFF_BYTES]
        return data[: data.find(b"\n") + 1 or SNIFF_BYTES] if line else data

    def lines(self, progress: ProgressCallback | None = None) -> Generator[bytes]:
        if self.parquet:
            yield from self._parquet_lines(progress)
            return
        with self.path.open("rb") as raw:
            if self.plain:
                for line in _bounded(raw.readline):
                    if progress:
                        progress(line.size if line.__class__ is _Long else len(line))
                    yield line
                return
            stream: IO[bytes] = cast(IO[bytes], gzip.GzipFile(fileobj=raw)) if self.gzip else raw
            lines: Iterator[bytes] = _bounded(stream.readline)
            if self.utf16:
                text = io.TextIOWrapper(
                    stream, encoding="utf-16", errors=_UTF16_ERRORS, newline="\n"
                )
                lines = _bounded_text(text.readline)
            done = read = 0
            try:
                for line in lines:
                    if progress and (at := raw.tell()) > done:
                        progress(at - done)
                        done = at
                    read += line.size if line.__class__ is _Long else len(line)
                    yield line
            except (OSError, EOFError, zlib.error) as exc:  # gzip cut short or corrupt
                self.error = f"the gzip stream cannot be read on: {exc}"
                if not self.utf16:  # the text after the last line, up to where it stops
                    self.tail = _gzip_tail(self.path, read)

    def body(self) -> Iterator[bytes]:
        """The lines after the header (for the reads of a column before the rows)."""
        lines = self.lines()
        next(lines, None)
        return lines


def _gzip_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of a gzip file's text, or as many as it holds before it is
    cut short or corrupt (the rows' read then says so): never more than ``size`` are
    decompressed, however much a few compressed bytes expand to."""
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    data, pending = b"", b""
    with path.open("rb") as raw:
        while len(data) < size and not inflate.eof:
            pending = pending or raw.read(1 << 16)
            if not pending:
                break
            try:
                data += inflate.decompress(pending, size - len(data))
            except zlib.error:
                break
            pending = inflate.unconsumed_tail
    return data


def _gzip_tail(path: Path, skip: int) -> bytes:
    """A gzip file's text after its first ``skip`` bytes up to where its stream stops (cut
    short or corrupt): GzipFile drops what it decompressed of the line it was reading. At
    most :data:`_KEPT` bytes past ``skip`` are kept."""
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out, seen = b"", 0
    with path.open("rb") as raw:
        while len(out) < _KEPT and (block := raw.read(1 << 16)):
            while block and len(out) < _KEPT:
                try:
                    text = inflate.decompress(block, 1 << 20)
                except zlib.error:
                    return out
                block = inflate.unconsumed_tail
                if inflate.eof:  # the next stream of a file of several
                    block = inflate.unused_data + block
                    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
                if seen + len(text) > skip:
                    out += text[max(skip - seen, 0) :]
                seen += len(text)
    return out[:_KEPT]


RATIO_FLOOR = 64 << 20  # text bytes before the compression ratio counts


class _Inflated:
    """The bound on a compressed file's text (settings ``ingest_max_decompressed_bytes`` and
    ``ingest_max_compression_ratio``): :meth:`add` counts the text read and refuses the file
    (:class:`FileRejected`, naming it and the bound) as soon as it passes either."""

    def __init__(self, path: Path, kind: str) -> None:
        from clearlane.config import get_settings

        settings = get_settings()
        self.path, self.kind = path, kind
        self.limit = settings.ingest_max_decompressed_bytes
        self.ratio = settings.ingest_max_compression_ratio
        self.size = max(path.stat().st_size, 1)
        self.total = 0

    def pages(self, n: int) -> None:
        """Refuse a Parquet file whose pages, uncompressed, hold more than the bound (a
        string's plain page holds its text and 4 bytes; numbers take their text's size or
        less): pyarrow would decompress them to read any row."""
        if n > self.limit:
            raise FileRejected(
                Reason.MALFORMED,
                f"{self.path.name}: the {self.kind}'s pages hold {n:,} bytes uncompressed, "
                f"more than {self.limit:,} bytes, the bound "
                "(CLEARLANE_INGEST_MAX_DECOMPRESSED_BYTES): "
                "none of it is read (a decompression bomb, or split the file)",
            )

    def add(self, n: int) -> None:
        self.total += n
        if self.total > self.limit:
            raise FileRejected(
                Reason.MALFORMED,
                f"{self.path.name}: the {self.kind} holds more than {self.limit:,} bytes of "
                f"text, the bound (CLEARLANE_INGEST_MAX_DECOMPRESSED_BYTES): none of it is "
                "read (a decompression bomb, or split the file)",
            )
        if self.ratio and self.total > RATIO_FLOOR and self.total > self.ratio * self.size:
            raise FileRejected(
                Reason.MALFORMED,
                f"{self.path.name}: the {self.kind} of {self.size:,} bytes holds more than "
                f"{self.ratio} times that in text ({self.total:,} bytes read so far), the bound "
                "(CLEARLANE_INGEST_MAX_COMPRESSION_RATIO): none of it is read (a decompression "
                "bomb?)",
            )


def _check_gzip(path: Path) -> None:
    """Refuse a gzip file whose stream fails its check, before any of its text is read.

    gzip checks the text (its CRC and length) only at the end of a stream, and a corrupt
    byte in the middle decompresses to other text (a Seller ID ``JO5S7EA`` read as
    ``JU3S7EA``) until the check fails: rows already read would be stored as the wrong
    text. So the stream is decompressed once first, the blocks thrown away (memory stays
    flat). A stream cut short (EOFError: no check to fail) is read up to the cut, its rest
    quarantined (:meth:`_Source.lines`), as is text after the last stream that is no gzip.

    The same pass counts the text (all streams together) against the bound of
    :class:`_Inflated`: a file over it is refused here, before any row is read."""
    bound = _Inflated(path, "gzip file")
    try:
        with gzip.open(path, "rb") as inner:
            while block := inner.read(1 << 20):
                bound.add(len(block))
    except EOFError:
        return
    except gzip.BadGzipFile as exc:
        if str(exc).startswith(("Not a gzipped file", "Unknown compression method")):
            return  # bytes after the last stream: its text passed its check
        raise FileRejected(
            Reason.MALFORMED,
            f"{path.name}: the gzip stream fails its check ({exc}): its text is not what "
            "was compressed, so none of it is read",
        ) from None
    except zlib.error as exc:
        raise FileRejected(
            Reason.MALFORMED,
            f"{path.name}: the gzip stream is corrupt and fails its check ({exc}): none of "
            "its text is read",
        ) from None


_PARQUET_BATCH_ROWS = 8192
_PARQUET_BATCH_BYTES = 64 << 20


def _parquet_batch_rows(group: Any) -> int:
    """Rows of a batch holding some :data:`_PARQUET_BATCH_BYTES` of a row group's
    uncompressed pages (its metadata's ``total_byte_size``), :data:`_PARQUET_BATCH_ROWS` at
    most: plain-encoded strings take in their pages about the bytes of their text."""
    rows, stored = max(int(group.num_rows), 1), max(int(group.total_byte_size), 1)
    return max(1, min(_PARQUET_BATCH_ROWS, _PARQUET_BATCH_BYTES * rows // stored))


def _text_bytes(column: Any) -> int:
    """About the bytes of a Parquet column's cells as CSV text, and one for each separator:
    strings and bytes their length (a dictionary's values as often as they are used), other
    values their memory and 24 bytes (a number's or a timestamp's text is shorter)."""
    import pyarrow.compute as pc
    import pyarrow.types as pat

    kind = column.type
    if pat.is_dictionary(kind):
        if not _stringy(kind.value_type):
            return _text_bytes(column.dictionary_decode())
        lengths = pc.binary_length(column.dictionary)
        return int(pc.sum(pc.take(lengths, column.indices)).as_py() or 0) + len(column)
    if _stringy(kind):
        return int(pc.sum(pc.binary_length(column)).as_py() or 0) + len(column)
    return int(column.nbytes) + 25 * len(column)


def _stringy(kind: Any) -> bool:
    import pyarrow.types as pat

    return bool(
        pat.is_string(kind)
        or pat.is_large_string(kind)
        or pat.is_binary(kind)
        or pat.is_large_binary(kind)
    )


def _parquet_cell(value: object) -> str:
    """A Parquet cell as a CSV export writes it: no value (null, NaN) empty, a float as
    Python writes it (``400.0``, ``415092.72``: pandas' CSV), a boolean ``true``/``false``
    (a label: 1/0), a timestamp ``2021-01-05`` at midnight or with its time (and offset)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "" if value != value else repr(value)
    if isinstance(value, datetime):
        if value.tzinfo is None and value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="backslashreplace")
    return str(value)


def _hangul(text: str) -> bool:
    """Whether every character of ``text`` beyond ASCII is a Hangul syllable."""
    return any(ord(ch) > 127 for ch in text) and all(
        ord(ch) < 128 or 0xAC00 <= ord(ch) <= 0xD7A3 for ch in text
    )


def _korean_header(first: bytes, encoding: str) -> str | None:
    """The header line decoded as cp949 when it is no UTF-8 and reads as a KCS header in
    Hangul and ASCII: Korean Windows tools (Excel in Korea) save CSV in cp949 / EUC-KR. No
    other encoding is guessed (Latin-1 reads any bytes)."""
    if encoding.replace("-", "").replace("_", "").lower() not in ("utf8", "utf8sig"):
        return None
    try:
        text = first.removeprefix(b"\xef\xbb\xbf").decode("cp949")
    except UnicodeDecodeError:
        return None
    if not _hangul(text) or not any(looks_like_kcs(text.replace(d, ",")) for d in (",", ";", "\t")):
        return None
    return text


def _delimiter(header_text: str) -> str:
    """',' unless the header is a KCS header only when split at ';' or tabs."""
    if looks_like_kcs(header_text):
        return ","
    for delimiter in (";", "\t"):
        if delimiter in header_text and looks_like_kcs(header_text.replace(delimiter, ",")):
            return delimiter
    return ","


def kcs_header(path: Path) -> str | None:
    """The first line of a file as the KCS reader decodes it (gzip, UTF-16 with a
    byte-order mark, cp949 with a Hangul header), or None when it cannot be read so."""
    try:
        first = _Source(path, "utf-8").head(line=True)
    except (OSError, FileRejected):
        return None
    first = first.removeprefix(b"\xef\xbb\xbf")
    try:
        return first.decode("utf-8")
    except UnicodeDecodeError:
        return _korean_header(first, "utf-8")


def read_kcs(
    path: Path, *, encoding: str = "utf-8", progress: ProgressCallback | None = None
) -> Iterator[RawRecord]:
    source = _Source(path, encoding)
    if source.gzip:
        _check_gzip(path)
    if source.parquet:
        source.check_parquet()
    sniff(path, "kcs", head=None if source.plain else source.head())
    lines = source.lines(progress)
    first = next(lines, b"")
    header_text, issue = decode_line(first.removeprefix(b"\xef\xbb\xbf"), source.encoding, 1)
    if issue and (korean := _korean_header(first, source.encoding)) is not None:
        header_text, issue, source.encoding = korean, None, "cp949"
        logger.warning("%s: not UTF-8; read as Korean cp949 (its header is Hangul)", path.name)
    if issue:
        raise FileRejected(Reason.ENCODING, f"{path.name}: {issue.message}")
    encoding = source.encoding
    delimiter = _delimiter(header_text)
    try:
        columns = canonical_columns(next(csv.reader([header_text], delimiter=delimiter)))
    except csv.Error as exc:  # not a ValueError: it left the reader, and ingest_file raised it
        bare_cr = "\r" in header_text.rstrip("\r\n")
        cr_text = (
            "a carriage return (\\r) inside the header, not at its end: lines ending in a "
            "bare \\r (classic Mac OS) are not read; save the file with \\n or \\r\\n line ends"
            if bare_cr
            else f"the header cannot be read as CSV ({exc})"
        )
        raise FileRejected(
            Reason.MALFORMED, f"{path.name}: {'' if source.parquet else 'line 1: '}{cr_text}"
        ) from None
    except ValueError as exc:
        where = "" if source.parquet else "line 1: "  # a Parquet file has no lines
        raise FileRejected(Reason.MALFORMED, f"{path.name}: {where}{exc}") from None
    missing = [c for c in KCS_COLUMNS if c not in columns]
    known = {*KCS_COLUMNS, *LABEL_COLUMNS}
    unread = [name for name in columns if name not in known]
    if missing:
        others = f"; columns not known: {unread}" if unread else ""
        raise FileRejected(
            Reason.MISSING_COLUMN,
            f"{path.name}: not a KCS import-declaration file: column(s) {missing} "
            f"missing{others}. The KCS header is the data set's English one "
            f"({', '.join(KCS_COLUMNS + LABEL_COLUMNS)}; any case, a unit in brackets) "
            "or its Korean one (신고번호, 신고일자, ...)",
        )
    if unread:  # once a read: the header is read once
        logger.warning("%s: columns not read (not KCS columns): %s", path.name, unread)
    if delimiter != ",":
        logger.info("%s: columns separated by %r", path.name, delimiter)
    header_line = header_text.rstrip("\r\n")
    first_columns = columns  # the column reads below start at the file's first header
    days: dict[str, str] = {}  # Date cells read, as their ISO date
    points: dict[str, bool] | None = None  # see _decimal_points
    marks: dict[str, str] | None = None  # see _local_marks

    order: str | None = None  # see _date_order
    blocked: str | None = None  # why the rows are not read, under a header again

    def date_order() -> str:
        nonlocal order
        if order is None:
            order = _date_order(source, first_columns, delimiter)
        return order

    short_read: str | None = None  # see _short_order

    def short_order() -> str:
        nonlocal short_read
        if short_read is None:
            short_read = _short_order(source, first_columns, delimiter)
        return short_read

    def local_marks() -> dict[str, str]:
        nonlocal marks
        if marks is None:
            marks = _local_marks(source, first_columns, delimiter)
        return marks

    blank = ' ,;"\t\r\n'
    plain_lines, name, place = not source.parquet, path.name, source.place
    utf16 = source.utf16
    back: list[bytes] = []  # lines read ahead for a quoted line break, not taken (_spanning)

    def ahead() -> bytes | None:
        return back.pop() if back else next(lines, None)

    def feed() -> Iterator[bytes]:
        for raw in lines:
            yield raw
            while back:
                yield back.pop()

    line_no = 1
    for raw in feed():
        line_no += 1
        first_no = line_no
        if raw.__class__ is _Long:
            where = f"{name}:{place(line_no)}"
            yield RawRecord(
                where,
                raw.decode(encoding, errors="backslashreplace"),
                None,
                [
                    Issue(
                        Reason.MALFORMED,
                        None,
                        f"{where}: a line of {cast(_Long, raw).size:,} bytes, longer than the "
                        f"{MAX_LINE_BYTES:,} a KCS row may have (no line break?): not read, "
                        f"its first {len(raw):,} bytes kept",
                    )
                ],
            )
            continue
        text, issue = decode_line(raw, encoding, line_no)
        if plain_lines and '"' in text and text.count('"') % 2:  # a quote open at the end
            spanned = _spanning(text, ahead, back, encoding, line_no, delimiter)
            if spanned is not None:
                text, more_issue, added = spanned
                issue = issue or more_issue
                line_no += added
        if utf16 and "\ufffd" in text and issue is None:
            issue = Issue(
                Reason.ENCODING,
                None,
                f"line {line_no}: bytes at column {text.index(chr(0xFFFD)) + 1} are not valid "
                "UTF-16 (kept as \\x escapes)",
            )
        if not text.strip(blank) and _no_cells(text, delimiter):
            continue  # an empty line, or a spreadsheet's row of empty cells (",,,,")
        if text[:1] == "\ufeff" or text[:1] == header_line[:1]:
            if text.lstrip("\ufeff").rstrip("\r\n") == header_line:
                # exports joined one after the other: the header again is no declaration
                logger.warning(
                    "%s: %s repeats the header; not read", path.name, source.place(line_no)
                )
                blocked = None
                continue
        if first_no != line_no:  # a record spanning lines (a quoted line break)
            where = f"{name}:lines {first_no}-{line_no}"
        elif plain_lines:
            where = f"{path.name}:line {line_no}"
        else:
            where = f"{name}:{place(line_no)}"
        issues = [Issue(issue.reason, None, f"{path.name}: {issue.message}")] if issue else []
        if "\x00" in text:  # past the first bytes sniff() checks: no cell holds a NUL
            issues.append(
                Issue(
                    Reason.MALFORMED,
                    None,
                    f"{where}: a NUL byte at column {text.index(chr(0)) + 1}: binary data, "
                    "no KCS cell",
                )
            )
            yield RawRecord(where, text, None, issues)
            continue
        try:
            values = next(csv.reader([text], strict=True, delimiter=delimiter))
        except csv.Error as exc:
            yield RawRecord(
                where, text, None, [*issues, Issue(Reason.MALFORMED, None, f"{where}: {exc}")]
            )
            continue
        if blocked is not None:  # under a header the rows cannot be read by
            again = None
            if not any(v[:1].isdigit() for v in values):
                again = _header_columns(values)
            if again is not None:
                columns, header_line = again, text.lstrip("\ufeff").rstrip("\r\n")
                blocked = None
                continue
            issues.append(Issue(Reason.MISSING_COLUMN, None, f"{where}: {blocked}: not read"))
            yield RawRecord(where, text, None, issues)
            continue
        if len(values) != len(columns):
            issues.append(
                Issue(
                    Reason.COLUMN_COUNT,
                    None,
                    f"{where}: {len(values)} fields, the header has {len(columns)}",
                )
            )
        row = dict(zip(columns, values, strict=False))
        if delimiter != ",":
            _local_codes(row)
        controls, label_issues = _labels(row, where)
        label_issues += _code_issues(row, where)
        if " " in text or "\u00a0" in text or "\u202f" in text:  # rare: one test a line
            label_issues += _spaced_measures(row, where)
        quoted = '"' in text  # a comma in a cell (1,234.5) is quoted
        if delimiter != ",":
            label_issues += _local_measures(row, where, local_marks)
            quoted = False
        elif quoted:
            label_issues += _measure_issues(row, where)
            if any(_AMBIGUOUS.fullmatch((row.get(c) or "").strip()) for c in _MEASURES):
                if points is None:
                    points = _decimal_points(source, first_columns)
                label_issues += _ambiguous_issues(row, where, points)
        data = row_to_canonical(row, quoted=quoted)
        day = data["declaration_date"]
        if day is not None and day not in days:  # a file has a few hundred dates
            if "/" in day and (slashed := _SLASHED.fullmatch(day)) is not None:
                when, date_issue = _slashed_date(day, slashed, where, date_order())
            elif len(day) <= 8 and (two_digit := _SHORT.fullmatch(day)) is not None:
                when, date_issue = _short_date(day, two_digit, where, short_order())
            else:
                when, date_issue = _date(day, where)
            data["declaration_date"] = when
            if date_issue:
                label_issues.append(date_issue)
            elif len(days) < 100_000:
                days[day] = when
        elif day is not None:
            data["declaration_date"] = days[day]
        if (issues or label_issues) and not any(v[:1].isdigit() for v in values):
            # (a header's Date cell is never a date, so it has issues; no name starts with a
            # digit) exports joined with their columns in another order or spelling: the
            # rows after this header are read by it
            again, why = _header_again(values)
            if again is not None:
                logger.warning(
                    "%s: %s is a header again, its columns in another order or spelling; "
                    "the rows after it are read by it",
                    path.name,
                    source.place(line_no),
                )
                columns, header_line = again, text.lstrip("\ufeff").rstrip("\r\n")
                continue
            if why is not None:  # read by neither header: quarantined until one that reads
                blocked = f"under the header again at {place(line_no)}, which {why}"
                message = (
                    f"{where}: a header again that {why}: the rows after it are not read "
                    "(quarantined) until a KCS header"
                )
                yield RawRecord(where, text, None, [Issue(Reason.MISSING_COLUMN, None, message)])
                continue
        reported = _NONE_REPORTED
        if label_issues:
            reported = frozenset(_FIELDS[i.field] for i in label_issues if i.field in _FIELDS)
        yield RawRecord(
            location=where,
            original=text,
            data=data,
            issues=issues + label_issues,
            reference=data["reference"],
            controls=controls,
            reported=reported,
        )
    if source.error:
        where = f"{path.name}:{source.place(line_no + 1)}-end".replace("line ", "lines ")
        yield RawRecord(
            where,
            source.tail.decode(encoding, errors="backslashreplace"),
            None,
            [
                Issue(
                    Reason.MALFORMED,
                    None,
                    f"{where}: {source.error}; the file from "
                    f"{source.place(line_no + 1)} on was not read",
                )
            ],
        )
