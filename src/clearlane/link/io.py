"""Read and check party CSV files for ``clearlane link parties``.

Party lists come from registers and sanctions lists in their own conventions, so the reader
takes what they commonly are and says what it did (:attr:`PartyFile.notes`):

* encoding: UTF-8 (with or without BOM); a line that is not UTF-8 is read as Windows-1252
  (a superset of Latin-1 for text), the file's UTF-8 lines staying UTF-8; UTF-16 with its
  byte-order mark (Excel's "Unicode text"); or the encoding given;
* delimiter: ``,``, ``;``, tab or ``|``, whichever the header line uses most outside quotes;
* column names: ours (``id,name,aliases,street,...``) in any case and spacing, common other
  names (``Trader Name``, ``address``, ``countries``, ``VAT / EORI``, ``identifiers`` ...;
  :data:`COLUMN_NAMES`), or an explicit mapping (``--column name="Company"``); other columns
  are listed and ignored;
* rows whose every field is empty (a spreadsheet's trailing ``;;;;``) are skipped and counted;
* countries as codes or names (``Germany``, ``DEU``, ``ru;by``, ``Yugoslavia``), stored as
  ``;``-joined codes; a value that is no country (``Atlantis``) or more than one (``Congo``)
  is dropped from its row, the row read without it, and named in :attr:`PartyFile.warnings`.

Other bad input stops before anything is written, every problem named by file, line and field.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from unidecode import unidecode

from clearlane.link.countries import address_country_code, country_codes
from clearlane.link.normalise import US_STATES
from clearlane.link.resolve import PARTY_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

MAX_FIELD = 512
MAX_ROWS = 5_000_000
MAX_ERRORS_SHOWN = 5
DELIMITERS = (",", ";", "\t", "|")
FALLBACK_ENCODING = "cp1252"

# Other names for our columns (folded: ASCII, lower case, non-alphanumerics as "_").
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "id": (
        "id",
        "uid",
        "entity_id",
        "party_id",
        "trader_id",
        "customer_no",
        "customer_number",
        "customer_id",
        "client_id",
        "record_id",
        "ent_num",
        "reference",
        "ref",
        "key",
        "party_ref",
        "party_reference",
        "party_no",
        "party_number",
        "reference_no",
        "ref_no",
        "account_no",
        "account_number",
    ),
    "name": (
        "name",
        "party_name",
        "trader_name",
        "company_name",
        "company",
        "entity_name",
        "legal_name",
        "full_name",
        "caption",
        "sdn_name",
        # not "Name 6" (the UK consolidated list): an entity's name there, but an
        # individual's surname, and a surname alone ("AHMED") is the whole name of "Ahmed Ltd"
    ),
    "aliases": (
        "aliases",
        "alias",
        "aka",
        "also_known_as",
        "other_names",
        "alt_names",
        "alternative_names",
        "weak_aliases",
    ),
    "street": ("street", "address", "addresses", "full_address", "address_line", "street_address"),
    "city": ("city", "town", "locality"),
    "postcode": ("postcode", "postal_code", "post_code", "zip", "zip_code", "zipcode"),
    "region": ("region", "state", "province", "county"),
    "country": (
        "country",
        "countries",
        "country_code",
        "country_iso",
        "iso_country",
        "jurisdiction",
    ),
    "identifier": (
        "identifier",
        "identifiers",
        "vat",
        "vat_number",
        "vat_no",
        "vat_id",
        "eori",
        "eori_number",
        "vat_eori",
        "vat_or_eori",
        "tin",
        "tax_id",
        "tax_number",
        "imo",
        "imo_number",
        "imo_no",
        "registration_number",
        "registration_no",
        "reg_no",
        "company_number",
        "company_no",
        "company_registration_number",
    ),
    # person or organisation (a list's type column; values read by normalise.party_kind)
    "kind": (
        "kind",
        "schema",
        "entity_type",
        "party_type",
        "sdn_type",
        "subject_type",
        "group_type",
        # not a bare "type": registers use it for other things (importer, AEO ...), and two
        # candidate columns would stop the run
    ),
    "registration_date": (
        "registration_date",
        "incorporation_date",
        "date_of_registration",
        "registered",
        "registered_since",
        # a person's date of birth plays the same part (the model's "registration_date":
        # the same day corroborates, another one counts against): OpenSanctions "birth_date"
        "birth_date",
        "date_of_birth",
        "dob",
        "birthdate",
        "born",
    ),
}
# A header made only of these words and naming one of _IDENTIFIER_KEYWORDS is an identifier
# column however its parts are combined ("Reg. / IMO No.", "VAT or EORI number", "TIN / VAT").
_IDENTIFIER_KEYWORDS = frozenset({"vat", "eori", "tin", "imo", "reg", "registration", "crn"})
_IDENTIFIER_WORDS = _IDENTIFIER_KEYWORDS | {
    "no",
    "nr",
    "num",
    "number",
    "id",
    "or",
    "and",
    "tax",
    "company",
    "trade",
    "register",
    "code",
}


class PartyFileError(ValueError):
    """Bad party input: every message names the file, the line and the field."""


# How numeric dates are written: day first (03/05/1970 = 3 May) or month first.
DateOrder = Literal["dmy", "mdy"]


@dataclass
class PartyFile:
    frame: pd.DataFrame
    notes: list[str] = field(default_factory=list)  # what the reader did, for the user
    warnings: list[str] = field(default_factory=list)  # values it could not read and dropped


def fold_column(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", unidecode(name).lower()).strip("_")


def _decode(path: Path, data: bytes, encoding: str | None, notes: list[str]) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise PartyFileError(f"{path}: cannot read as {encoding} ({exc})") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" (tab-separated UTF-16): read as the BOM says, not byte-wise
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise PartyFileError(f"{path}: starts as UTF-16 but is not ({exc})") from exc
        notes.append(f"{path}: read as UTF-16 (its byte-order mark)")
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Line by line: a file of UTF-8 lines with a few in Windows-1252 (lists appended to from
    # another system) keeps its UTF-8 lines as written; decoding the whole file as
    # Windows-1252 turned every "Müller" into "MÃ¼ller".
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    out: list[str] = []
    other: list[int] = []
    bad = 0
    used = FALLBACK_ENCODING
    for number, line in enumerate(lines, start=1):
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError as exc:
            if not other:
                bad = line[exc.start]
            other.append(number)
        try:
            out.append(line.decode(FALLBACK_ENCODING))
        except UnicodeDecodeError:
            out.append(line.decode("latin-1"))  # every byte is a character
            used = "latin-1"
    first = other[0]
    more = f" and {len(other) - 1} other line(s)" if len(other) > 1 else ""
    notes.append(
        f"{path}: not UTF-8 (line {first} has byte 0x{bad:02x}); line {first}{more} read as "
        f"{used}, the others as UTF-8 (give --encoding if that is wrong)"
    )
    return "\n".join(out)


def _delimiter(header_line: str) -> str:
    # outside quotes: 'id;"Name, as registered";"Address, street, no"' is ";"-separated
    outside = "".join(header_line.split('"')[::2])
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


# A numbered address line: "Address Line 1", "Address 2", "Street 2", "Addr 3".
_ADDRESS_LINE = re.compile(r"^(?:address|addr|street)(?:_line)?_?(\d)$")
# An address line for whom the post is ("c/o DHL", "Attn: Accounts Payable", "FAO J Smith"):
# no part of where the party is, and words the other list's street does not have
_CARE_OF = re.compile(
    r"^(?:c\s*/\s*o|c\.\s*o\.|care\s+of|attn|attention|(?:for\s+the\s+attention\s+of|fao))\b",
    re.IGNORECASE,
)


def _map_columns(
    path: Path,
    header: list[str],
    explicit: Mapping[str, str],
    notes: list[str],
    parts: list[int],
) -> dict[str, int]:
    """Our column -> index in the file's header; ``parts`` is filled with the columns whose
    values, joined, are the street (numbered address lines), when there are any."""
    folded = [fold_column(h) for h in header]
    mapping: dict[str, int] = {}
    problems: list[str] = []
    for ours, theirs in explicit.items():
        if ours not in PARTY_COLUMNS:
            problems.append(
                f"--column {ours}=...: {ours!r} is not one of {','.join(PARTY_COLUMNS)}"
            )
        elif fold_column(theirs) not in folded:
            problems.append(
                f"{path} line 1: no column {theirs!r} for --column {ours}= "
                f"(columns: {', '.join(map(repr, header))})"
            )
        else:
            mapping[ours] = folded.index(fold_column(theirs))
    taken = set(mapping.values())
    for ours, names in COLUMN_NAMES.items():
        if ours in mapping:
            continue
        hits = [i for i, f in enumerate(folded) if f in names and i not in taken]
        if not hits and ours == "identifier":
            hits = [i for i, f in enumerate(folded) if i not in taken and _is_identifier_header(f)]
        if len(hits) > 1:
            problems.append(
                f"{path} line 1: columns {', '.join(repr(header[i]) for i in hits)} could all be "
                f"{ours}; choose one with --column {ours}=NAME"
            )
        elif hits:
            mapping[ours] = hits[0]
            taken.add(hits[0])
    if problems:
        raise PartyFileError("\n".join(problems))
    missing = [c for c in ("id", "name") if c not in mapping]
    if missing:
        raise PartyFileError(
            f"{path} line 1: missing column(s) {', '.join(missing)}; the header has "
            f"{', '.join(map(repr, header))}. Expected {','.join(PARTY_COLUMNS)} (only id and "
            "name required; other common names such as 'Company Name' or 'VAT number' are "
            "recognised), or map yours: --column name='Trader Name'"
        )
    lines = [i for i, f in enumerate(folded) if i not in taken and _ADDRESS_LINE.match(f)]
    if lines:
        # "Address Line 1", "Address Line 2" (CRM exports): the street is the lines in order,
        # after an "Address" column when there is one
        lines.sort(key=lambda i: int(_ADDRESS_LINE.match(folded[i]).group(1)))  # type: ignore[union-attr]
        parts[:] = ([mapping["street"]] if "street" in mapping else []) + lines
        taken.update(lines)
        notes.append(f"{path}: street read from {', '.join(repr(header[i]) for i in parts)}")
    renamed = [f"{header[i]!r} as {ours}" for ours, i in mapping.items() if folded[i] != ours]
    if renamed:
        notes.append(f"{path}: columns read {', '.join(renamed)}")
    ignored = [h for i, h in enumerate(header) if i not in taken]
    if ignored:
        notes.append(f"{path}: columns ignored: {', '.join(map(repr, ignored))}")
    return mapping


# A column of IMO numbers only ("IMO", "IMO Number", "IMO No."): a bare seven-digit value in
# it is a ship's IMO number, keyed as the "IMO 9387425" a list writes (identifiers.py). Not in
# a column of several kinds ("Reg. / IMO No."), where it may be a registration number.
_IMO_BARE = re.compile(r"^\d{7}$")


def _is_imo_header(folded: str) -> bool:
    words = set(folded.split("_"))
    return "imo" in words and words <= {"imo", "no", "nr", "num", "number"}


def _is_identifier_header(folded: str) -> bool:
    words = set(folded.split("_"))
    return bool(words & _IDENTIFIER_KEYWORDS) and words <= _IDENTIFIER_WORDS


def read_party_file(
    path: Path,
    *,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    date_order: DateOrder | None = None,
) -> PartyFile:
    """The parties of a CSV file. ``date_order`` ("dmy" or "mdy") states how numeric dates
    (``03/05/1970``) are written; without it the column must show it (a part above 12), or the
    file is refused."""
    import pandas as pd

    notes: list[str] = []
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PartyFileError(f"{path}: cannot open ({exc.strerror})") from exc
    text = _decode(path, data, encoding, notes)
    delimiter = _delimiter(text.split("\n", 1)[0])
    if delimiter != ",":
        notes.append(f"{path}: delimiter {delimiter!r}")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, [])
    except csv.Error as exc:
        raise PartyFileError(f"{path} line 1: unreadable header ({exc})") from exc
    if not any(h.strip() for h in header):
        raise PartyFileError(f"{path} line 1: no header (expected {','.join(PARTY_COLUMNS)})")
    street_parts: list[int] = []
    mapping = _map_columns(path, header, columns or {}, notes, street_parts)
    errors: list[str] = []
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    seen: dict[str, int] = {}
    blank = 0
    warnings: list[str] = []
    no_country = 0
    try:
        for record in reader:
            line = reader.line_num
            if not any(v.strip() for v in record):
                blank += 1
                continue
            if len(record) > len(header):
                errors.append(f"{path} line {line}: more fields than the header")
                continue
            row = {
                c: (record[mapping[c]] if c in mapping and mapping[c] < len(record) else "").strip()
                for c in PARTY_COLUMNS
            }
            if street_parts:
                row["street"] = ", ".join(
                    v
                    for i in street_parts
                    if i < len(record) and (v := record[i].strip()) and not _CARE_OF.match(v)
                )
            errors.extend(_check_row(path, line, row, seen))
            _country_from_town(row)
            warning = _read_country(path, line, row)
            if warning:
                no_country += 1
                if no_country <= MAX_ERRORS_SHOWN:
                    warnings.append(warning)
            rows.append(row)
            lines.append(line)
            if len(rows) > MAX_ROWS:
                raise PartyFileError(f"{path}: more than {MAX_ROWS} rows")
            if len(errors) >= MAX_ERRORS_SHOWN:
                break
    except csv.Error as exc:
        errors.append(f"{path} line {reader.line_num}: unreadable ({exc})")
    if "identifier" in mapping and _is_imo_header(fold_column(header[mapping["identifier"]])):
        for row in rows:
            row["identifier"] = ";".join(
                f"IMO {v.strip()}" if _IMO_BARE.match(v.strip()) else v
                for v in row["identifier"].split(";")
            )
    if not errors:
        column = header[mapping["registration_date"]] if "registration_date" in mapping else ""
        errors.extend(_read_dates(path, rows, lines, notes, column, date_order))
    if errors:
        raise PartyFileError("\n".join(errors[:MAX_ERRORS_SHOWN]))
    if blank:
        notes.append(f"{path}: {blank} empty row(s) skipped")
    if no_country:
        shown = "" if no_country <= MAX_ERRORS_SHOWN else f" (first {MAX_ERRORS_SHOWN} above)"
        warnings.append(
            f"{path}: {no_country} row(s) with a country value that is no country, read "
            f"without it{shown}"
        )
    frame = pd.DataFrame(rows, columns=list(PARTY_COLUMNS), dtype="object")
    return PartyFile(frame, notes, warnings)


def read_parties(path: Path) -> pd.DataFrame:
    return read_party_file(path).frame


def _check_row(path: Path, line: int, row: dict[str, str], seen: dict[str, int]) -> list[str]:
    out = []
    for name, value in row.items():
        if "\x00" in value:
            out.append(f"{path} line {line}, field {name}: contains a NUL character")
        elif len(value) > MAX_FIELD and name != "aliases":
            out.append(f"{path} line {line}, field {name}: longer than {MAX_FIELD} characters")
    if len(row["aliases"]) > 16 * MAX_FIELD:
        out.append(f"{path} line {line}, field aliases: longer than {16 * MAX_FIELD} characters")
    for name in ("id", "name"):
        if not row[name]:
            out.append(f"{path} line {line}, field {name}: empty (required)")
    if row["id"] in seen:
        out.append(
            f"{path} line {line}, field id: {row['id']!r} already used on line {seen[row['id']]}"
        )
    seen.setdefault(row["id"], line)
    return out


_ISO_DATE = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
# The month in words, as sanctions lists write it: "3 Apr 1980", "03-APR-1980", "3 April
# 1980" (OFAC, UN), "April 3, 1980"
_MONTHS = {
    m: n
    for n, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s\-/.]+([a-z]{3,9})\.?[\s\-/.,]+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$")
# A year, or a year and month, as lists give a birth date they know only in part ("1969",
# "1969-04", "04/1969", "Apr 1969", "circa 1969", "1969 to 1972", "1980-00-00" with the
# unknown written as zeros): no day to compare, so no date (an equal year is no evidence a
# day is)
_PARTIAL_DATE = re.compile(
    r"^(?:(?:circa|ca|c|about|approx|approximately|between)\.?\s+)?"
    r"(?:\d{4}(?:[-/.]\d{1,2}(?:[-/.]00?)?)?|\d{1,2}[-/.]\d{4}|0?0[-/.]\d{1,2}[-/.]\d{4}"
    r"|\d{1,2}[-/.]0?0[-/.]\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"\s+\d{4}|\d{4}\s*(?:-|to|and|or)\s*\d{4})$"
)


_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()


def _month(word: str) -> int | None:
    number = _MONTHS.get(word[:3])
    if number is None or not (len(word) == 3 or word in (_MONTH_NAMES[number - 1], "sept")):
        return None
    return number


def _date_order(values: list[tuple[str, int]]) -> tuple[str | None, str]:
    """ "dmy" or "mdy" for the column's ``dd/mm/yyyy``-shaped dates (of ``(value, line)``):
    the order a value with a first (or second) part above 12 shows; "" when the column has
    such dates and none shows it (no part above 12: the caller must be told the order, as
    ``03/05/1970`` is 3 May or 5 March alike); "dmy" when it has none (nothing to order);
    None when the column shows both, with the first line of each."""
    first: tuple[str, int] | None = None
    second: tuple[str, int] | None = None
    numeric = False
    for value, line in values:
        for part in value.split(";"):
            m = _NUMERIC_DATE.match(part.strip())
            # both parts above 12 ("13/25/1980") is no date in either order: the reader
            # names its line as such, it shows no order
            if m and (int(m.group(1)) <= 12 or int(m.group(2)) <= 12):
                # a partial date (00/00/1980) is read as none whatever the order
                numeric |= not _PARTIAL_DATE.match(part.strip().lower())
                if first is None and int(m.group(1)) > 12:
                    first = (part.strip(), line)
                if second is None and int(m.group(2)) > 12:
                    second = (part.strip(), line)
    if first and second:
        return None, (
            f"line {first[1]} ({first[0]!r}, day first) and line {second[1]} "
            f"({second[0]!r}, month first)"
        )
    if first is None and second is None and numeric:
        return "", ""
    return ("mdy" if second else "dmy"), ""


def _shown(values: list[tuple[str, int]], order: str) -> tuple[str, int] | None:
    """The first ``(value, line)`` whose numeric date can only be read in ``order``."""
    for value, line in values:
        for part in (p.strip() for p in value.split(";")):
            m = _NUMERIC_DATE.match(part)
            if m:
                a, b = int(m.group(1)), int(m.group(2))
                if (a > 12 >= b) if order == "dmy" else (b > 12 >= a):
                    return part, line
    return None


def _one_date(part: str, order: str) -> date | None:
    """The date ``part`` writes; None for a partial one; ValueError for none."""
    lowered = part.lower()
    if _PARTIAL_DATE.match(lowered):
        return None
    iso, numeric = _ISO_DATE.match(part), _NUMERIC_DATE.match(part)
    if iso:
        return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    if numeric:
        a, b, year = (int(g) for g in numeric.groups())
        day, month = (a, b) if order == "dmy" else (b, a)
        return date(year, month, day)
    words = _DAY_MONTH_YEAR.match(lowered)
    if words and _month(words.group(2)):
        return date(int(words.group(3)), _month(words.group(2)) or 0, int(words.group(1)))
    words = _MONTH_DAY_YEAR.match(lowered)
    if words and _month(words.group(1)):
        return date(int(words.group(3)), _month(words.group(1)) or 0, int(words.group(2)))
    raise ValueError(part)


def _read_dates(
    path: Path,
    rows: list[dict[str, str]],
    lines: list[int],
    notes: list[str],
    column: str = "",
    stated: DateOrder | None = None,
) -> list[str]:
    """``registration_date`` (or date of birth) as ISO ``YYYY-MM-DD``, from ISO dates,
    ``dd/mm/yyyy``, ``dd.mm.yyyy``, ``mm/dd/yyyy`` (:func:`_date_order`) or the month in words
    (``3 Apr 1980``); of several (``;``-separated) the first whole one; a year, a month or a
    zero day only gives none. Errors, by line and the file's own column name, for values that
    are no date (two-digit years, spreadsheet serial numbers) or a day after today."""
    field_name = "field registration_date" + (
        f" (column {column!r})" if column and column != "registration_date" else ""
    )
    values = [
        (r["registration_date"], n)
        for r, n in zip(rows, lines, strict=True)
        if r["registration_date"]
    ]
    if not values:
        return []
    order, where = _date_order(values)
    if order is None:
        return [
            f"{path}, {field_name}: dates written day first and month first in one column: {where}"
        ]
    if stated:
        # the stated order is for a column that cannot show its own; one that shows the other
        # ("12/25/1980" with --date-order dmy, as one order is stated for both files: a
        # day-first register against a month-first list) is read as it shows, and told
        other: DateOrder = "mdy" if stated == "dmy" else "dmy"
        against = _shown(values, other)
        order = stated
        if against:
            written = "month first" if other == "mdy" else "day first"
            notes.append(
                f"{path} line {against[1]}, {field_name}: {against[0]!r} is written {written}: "
                f"the column is read {written}, not as the stated --date-order {stated}"
            )
            order = other
    elif order == "":
        # no day above 12 anywhere: 03/05/1970 is 3 May or 5 March, and guessing one order
        # silently would make every date of birth of a month-first file disagree
        return [
            f"{path}, {field_name}: cannot tell whether the dates are day first or month "
            "first (no part is above 12); state the order: --date-order dmy or mdy"
        ]
    errors: list[str] = []
    partial = 0
    shown_order = False
    today = date.today()
    for row, line in zip(rows, lines, strict=True):
        raw = row["registration_date"]
        if not raw:
            continue
        found: date | None = None
        problem = ""
        for part in (p.strip() for p in raw.split(";")):
            try:
                found = _one_date(part, order or "dmy")
            except ValueError:
                problem = "is not a date (YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY or 3 Apr 1980)"
                break
            if found and found > today:
                problem = f"is after today ({today.isoformat()})"
                break
            if found:
                shown_order |= bool(_NUMERIC_DATE.match(part))
                break
        if problem:
            errors.append(f"{path} line {line}, {field_name}: {raw!r} {problem}")
            if len(errors) >= MAX_ERRORS_SHOWN:
                break
            continue
        if found is None:
            partial += 1
        row["registration_date"] = found.isoformat() if found else ""
    if shown_order:
        shown = "day first (DD/MM/YYYY)" if order == "dmy" else "month first (MM/DD/YYYY)"
        notes.append(f"{path}: dates read {shown}")
    if partial:
        notes.append(f"{path}: {partial} date(s) of a year or month only read as no date")
    return errors


def _country_from_town(row: dict[str, str]) -> None:
    """A country written after the town ("Lviv, Ukraine") when the country field is empty: the
    country, and the town without it. Not a part of two letters ("Odessa, TX", "Moscow, ID" are
    US states before they are countries, as are "Raleigh, N.C." and "Hartford, Ct.", dots
    aside the codes of New Caledonia and of Canton and Enderbury) nor a US state's name
    ("Atlanta, Georgia")."""
    if row["country"] or "," not in row["city"]:
        return
    town, last = (p.strip() for p in row["city"].rsplit(",", 1))
    letters = fold_column(last).replace("_", " ")
    if not town or len(letters.replace(" ", "")) <= 2 or letters in US_STATES.values():
        return
    # a translated name only in another script: "Lago Sul, Brasilia" is a town (review of
    # scripts7; countries.address_country_code)
    if address_country_code(last) is not None:
        row["city"], row["country"] = town, last


def _read_country(path: Path, line: int, row: dict[str, str]) -> str | None:
    """``row["country"]`` as ``;``-joined codes; a part that is no country (or names more
    than one, ``Congo``) is dropped, the row kept (a party without a country still links on
    its name and identifier), and the warning naming it returned."""
    if not row["country"] or "\x00" in row["country"] or len(row["country"]) > MAX_FIELD:
        return None
    codes, unknown = country_codes(row["country"])
    row["country"] = ";".join(codes)
    if not unknown:
        return None
    kept = f", kept {row['country']}" if codes else ""
    return (
        f"{path} line {line}, field country: {', '.join(map(repr, unknown))} is not one "
        f"country (ISO 3166 code or name; several separated by ';'): read without it{kept}"
    )
