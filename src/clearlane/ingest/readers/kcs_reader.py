"""Importer for the Korea Customs Service import-declaration data set (Jeong et al., 2022).

Each row is one declaration with one goods item, and every row was inspected, so each row
also yields a control result: ``Fraud`` 0/1 gives the outcome, ``Critical Fraud`` 2 marks a
critical finding (threat to public safety). ``Item Price`` is the assessed value in KRW and
``Tax Rate`` is in percent, so the duty at stake is ``Tax Rate / 100 x Item Price``. Columns
without a WCO Data Model equivalent (process type, import type, ...) are kept as attributes.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from clearlane.core.validation import Issue, Reason
from clearlane.ingest.readers.base import (
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
_UNIT = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*$")
# The units the KCS measures are read in; a header naming another unit ("Net Mass (g)",
# "Item Price (USD)") refuses the file rather than reading grams as kilograms.
_UNITS: dict[str, tuple[str, frozenset[str]]] = {
    "Net Mass": ("kg", frozenset({"kg", "kgs", "kilogram", "kilograms"})),
    "Tax Rate": ("%", frozenset({"%", "percent", "pct"})),
    "Item Price": ("KRW", frozenset({"krw", "won"})),
}


def _header_key(name: str) -> str:
    """A header cell as compared: case, spacing and a trailing unit in brackets ignored, so
    "Net Mass (kg)", "Item Price (assessed value, KRW)" and "Process type" are the KCS columns."""
    name = _UNIT.sub("", name.strip())
    return " ".join(name.split()).casefold()


_CANONICAL = {
    **{_header_key(c): c for c in (*KCS_COLUMNS, *LABEL_COLUMNS)},
    **_ALIASES,
}


def looks_like_kcs(header_line: str) -> bool:
    """Whether a CSV header line names ``Declaration ID`` and the HS column as the reader
    matches them (any case, spacing and unit; ``HS6 Code``, ``HS10 Code`` or ``HS Code``)."""
    try:
        names = next(csv.reader([header_line]))
    except (csv.Error, StopIteration):
        return False
    known = {_CANONICAL.get(_header_key(n)) for n in names}
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
        known = _CANONICAL.get(_header_key(name))
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
    an HS code, whose leading zero is part of the code (``0101.0`` is ``0101``)."""
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
# Day- or month-first dates (05/01/2021)
# and spreadsheet day numbers (44317) are not guessed.
_DATE = re.compile(
    r"(?P<y>[0-9]{4})(?:(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    r"|(?P<m8>[0-9]{2})(?P<d8>[0-9]{2}))"
    r"(?:[ T](?P<H>[0-9]{1,2}):?(?P<M>[0-9]{2})(?::?(?P<S>[0-9]{2})(?:\.[0-9]+)?)?"
    r"\s*(?P<Z>Z|(?P<sign>[+-])(?P<oh>[0-9]{2})(?::?(?P<om>[0-9]{2}))?)?)?"
)
_KOREA = timezone(timedelta(hours=9))
_DATE_FORMS = "year first: 2021-05-01, 2021/05/01, 2021.05.01 or 20210501, a time allowed"


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
            date.fromisoformat(value)
            return value, None
        except ValueError:
            pass
    match = _DATE.fullmatch(value)
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


def _code_issues(row: dict[str, str], where: str) -> list[Issue]:
    """Integer-code cells written with a fraction ("30.7"): not a code of the column."""
    issues = []
    for column in _CODE_COLUMNS:
        value = row.get(column) or ""
        if "." in value and _DECIMAL_FRACTION.fullmatch(value := value.strip()):
            issues.append(
                Issue(
                    Reason.WRONG_TYPE,
                    column,
                    f"{where}: '{column}' is an integer code, got {value!r}",
                )
            )
    return issues


_CODE_COLUMNS = tuple(sorted(_INTEGER_CODES - set(LABEL_COLUMNS)))


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
                value = _integer_code(value, keep_zeros=column == "HS6 Code")
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


def _labels(row: dict[str, str], where: str) -> tuple[list[dict[str, Any]], list[Issue]]:
    """The control result of a row: ``Fraud`` gives the outcome and ``Critical Fraud`` > 0
    implies it. A file or a row may carry one of the two: Fraud alone gives the outcome
    (no critical finding recorded); Critical Fraud alone gives it only when it is 1 or 2 (a 0
    says nothing of revenue fraud, so the row stays unlabelled). Neither: no result."""
    fraud = _integer_code((row.get("Fraud") or "").strip())
    critical = _integer_code((row.get("Critical Fraud") or "").strip())
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
        "declaration_reference": _integer_code((row.get("Declaration ID") or "").strip()),
        "control_type": "unspecified",
        "selection_reason": "unknown",
        "outcome": "non_compliant" if non_compliant else "compliant",
        "severity": "critical" if critical == "2" else "revenue" if non_compliant else "none",
        "source": "kcs",
    }
    return [control], []


def _no_cells(text: str) -> bool:
    """Whether a line of commas, quotes and spaces is a row of empty cells (',,,,', '"",""'),
    not a broken record: an unbalanced quote ('"', ',,"') is malformed, as it was."""
    if '"' not in text:
        return True
    try:
        cells = next(csv.reader([text], strict=True))
    except csv.Error:
        return False
    return not any(cell.strip() for cell in cells)


def read_kcs(
    path: Path, *, encoding: str = "utf-8", progress: ProgressCallback | None = None
) -> Iterator[RawRecord]:
    sniff(path, "kcs")
    with path.open("rb") as handle:
        first = handle.readline()
        if progress:
            progress(len(first))
        header_text, issue = decode_line(first.removeprefix(b"\xef\xbb\xbf"), encoding, 1)
        if issue:
            raise FileRejected(Reason.ENCODING, f"{path.name}: {issue.message}")
        try:
            columns = canonical_columns(next(csv.reader([header_text])))
        except ValueError as exc:
            raise FileRejected(Reason.MALFORMED, f"{path.name}: line 1: {exc}") from None
        missing = [c for c in KCS_COLUMNS if c not in columns]
        for delimiter, name in ((";", "';'"), ("\t", "tab")):
            if (
                missing
                and delimiter in header_text
                and looks_like_kcs(header_text.replace(delimiter, ","))
            ):
                raise FileRejected(
                    Reason.WRONG_FORMAT,
                    f"{path.name}: line 1: the columns are separated by {name}, not ','. The "
                    "KCS reader reads comma-separated files with '.' decimals; the decimal "
                    f"mark of a {name}-separated export is not guessed: export it as CSV "
                    "with ',' between the columns",
                )
        if missing:
            raise FileRejected(
                Reason.MISSING_COLUMN,
                f"{path.name}: not a KCS import-declaration file: column(s) {missing} missing",
            )
        known = {*KCS_COLUMNS, *LABEL_COLUMNS}
        unread = [name for name in columns if name not in known]
        if unread:  # once a read: the header is read once
            logger.warning("%s: columns not read (not KCS columns): %s", path.name, unread)
        days: dict[str, str] = {}  # Date cells read, as their ISO date
        line_no = 1
        for raw in handle:
            line_no += 1
            if progress:
                progress(len(raw))
            text, issue = decode_line(raw, encoding, line_no)
            if not text.strip(' ,"\t\r\n') and _no_cells(text):
                continue  # an empty line, or a spreadsheet's row of empty cells (",,,,")
            where = f"{path.name}:line {line_no}"
            issues = [Issue(issue.reason, None, f"{path.name}: {issue.message}")] if issue else []
            try:
                values = next(csv.reader([text], strict=True))
            except csv.Error as exc:
                yield RawRecord(
                    where, text, None, [*issues, Issue(Reason.MALFORMED, None, f"{where}: {exc}")]
                )
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
            controls, label_issues = _labels(row, where)
            label_issues += _code_issues(row, where)
            quoted = '"' in text  # a comma in a cell (1,234.5) is quoted
            if quoted:
                label_issues += _measure_issues(row, where)
            data = row_to_canonical(row, quoted=quoted)
            day = data["declaration_date"]
            if day is not None and day not in days:  # a file has a few hundred dates
                when, date_issue = _date(day, where)
                data["declaration_date"] = when
                if date_issue:
                    label_issues.append(date_issue)
                elif len(days) < 100_000:
                    days[day] = when
            elif day is not None:
                data["declaration_date"] = days[day]
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
