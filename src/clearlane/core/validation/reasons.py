"""Machine-readable reason codes and the Issue record every validator returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Reason(StrEnum):
    # Reading the input
    EMPTY_FILE = "empty_file"
    WRONG_FORMAT = "wrong_format"
    ENCODING = "encoding"
    MALFORMED = "malformed"  # unbalanced quotes, truncated JSON, invalid XML
    MISSING_COLUMN = "missing_column"
    UNKNOWN_COLUMN = "unknown_column"
    COLUMN_COUNT = "column_count"
    # Shape and types
    MISSING_FIELD = "missing_field"
    UNKNOWN_FIELD = "unknown_field"
    WRONG_TYPE = "wrong_type"
    INVALID_DATE = "invalid_date"
    FUTURE_DATE = "future_date"
    # Code lists
    UNKNOWN_COUNTRY = "unknown_country"
    UNKNOWN_CURRENCY = "unknown_currency"
    UNKNOWN_INCOTERM = "unknown_incoterm"
    UNKNOWN_TRANSPORT_MODE = "unknown_transport_mode"
    HS_CODE_FORMAT = "hs_code_format"
    HS_CODE_UNKNOWN = "hs_code_unknown"
    HS_EDITION_UNAVAILABLE = "hs_edition_unavailable"
    CONTAINER_FORMAT = "container_format"
    CONTAINER_CHECK_DIGIT = "container_check_digit"
    # Values
    NEGATIVE_VALUE = "negative_value"
    ABSURD_VALUE = "absurd_value"
    NET_ABOVE_GROSS = "net_above_gross"
    CURRENCY_MISSING = "currency_missing"
    DUPLICATE_ITEM_SEQ = "duplicate_item_seq"
    TOO_LONG = "too_long"  # over the WCO Data Model length of the data element (an..n)
    INVALID_REFERENCE = "invalid_reference"  # characters outside the reference alphabet
    # Records within a file
    DUPLICATE_REFERENCE = "duplicate_reference"
    INCONSISTENT_HEADER = "inconsistent_header"
    # Soft checks (warnings; never quarantine on their own)
    SEA_INCOTERM_NON_SEA_MODE = "sea_incoterm_non_sea_mode"


class Severity(StrEnum):
    ERROR = "error"  # the record is quarantined
    WARNING = "warning"  # stored; the warning is kept with it


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem with one record: what (reason), which field, and a sentence for a person."""

    reason: Reason
    field: str | None
    message: str
    severity: Severity = Severity.ERROR

    def as_dict(self) -> dict[str, str | None]:
        data = asdict(self)
        data["reason"] = str(self.reason)
        data["severity"] = str(self.severity)
        return data

    def is_error(self) -> bool:
        return self.severity is Severity.ERROR
