"""Read and check party CSV files for ``clearlane link parties``."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from clearlane.link.resolve import PARTY_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

MAX_FIELD = 512
MAX_ROWS = 5_000_000
MAX_ERRORS_SHOWN = 5


class PartyFileError(ValueError):
    """Bad party input: every message names the file, the line and the field."""


def read_parties(path: Path) -> pd.DataFrame:
    import pandas as pd

    errors: list[str] = []
    rows: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise PartyFileError(f"{path}: cannot open ({exc.strerror})") from exc
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames or []
        except (UnicodeDecodeError, csv.Error) as exc:
            raise PartyFileError(f"{path} line 1: unreadable header ({exc})") from exc
        missing = [c for c in ("id", "name") if c not in header]
        if missing:
            raise PartyFileError(f"{path} line 1: missing column(s) {', '.join(missing)}")
        unknown = [c for c in header if c not in PARTY_COLUMNS]
        if unknown:
            raise PartyFileError(
                f"{path} line 1: unknown column(s) {', '.join(map(repr, unknown))}; "
                f"expected {','.join(PARTY_COLUMNS)}"
            )
        try:
            for record in reader:
                line = reader.line_num
                if None in record:
                    errors.append(f"{path} line {line}: more fields than the header")
                    continue
                row = {c: (record.get(c) or "").strip() for c in PARTY_COLUMNS}
                errors.extend(_check_row(path, line, row, seen))
                rows.append(row)
                if len(rows) > MAX_ROWS:
                    raise PartyFileError(f"{path}: more than {MAX_ROWS} rows")
                if len(errors) >= MAX_ERRORS_SHOWN:
                    break
        except (UnicodeDecodeError, csv.Error) as exc:
            errors.append(f"{path} line {reader.line_num}: unreadable ({exc})")
    if errors:
        raise PartyFileError("\n".join(errors[:MAX_ERRORS_SHOWN]))
    return pd.DataFrame(rows, columns=list(PARTY_COLUMNS), dtype="object")


def _check_row(path: Path, line: int, row: dict[str, str], seen: dict[str, int]) -> list[str]:
    out = []
    for field, value in row.items():
        if "\x00" in value:
            out.append(f"{path} line {line}, field {field}: contains a NUL character")
        elif len(value) > MAX_FIELD:
            out.append(f"{path} line {line}, field {field}: longer than {MAX_FIELD} characters")
    for field in ("id", "name"):
        if not row[field]:
            out.append(f"{path} line {line}, field {field}: empty (required)")
    if row["id"] in seen:
        out.append(
            f"{path} line {line}, field id: {row['id']!r} already used on line {seen[row['id']]}"
        )
    seen.setdefault(row["id"], line)
    if row["registration_date"]:
        try:
            date.fromisoformat(row["registration_date"])
        except ValueError:
            out.append(
                f"{path} line {line}, field registration_date: "
                f"{row['registration_date']!r} is not a date (YYYY-MM-DD)"
            )
    country = row["country"]
    if country and not (len(country) == 2 and country.isalpha()):
        out.append(
            f"{path} line {line}, field country: {country!r} is not an ISO 3166 alpha-2 code"
        )
    return out
