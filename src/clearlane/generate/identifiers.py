"""Identifiers with their check digits: containers, IMO ships, air waybills, postal items, MRNs.

Every number the generator writes carries a valid check digit, so the generated data exercise
the same validation a real feed would.
"""

from __future__ import annotations

from clearlane.core.validation import iso6346

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
# ISO 6346 character values (letters skip multiples of 11) and position weights 2**i, for the
# 17-character MRN body. Same result as iso6346.check_digit, without recomputing the powers.
_VALUES = {str(d): d for d in range(10)}
for _letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    _VALUES[_letter] = max(_VALUES.values()) + 1
    if _VALUES[_letter] % 11 == 0:
        _VALUES[_letter] += 1
_WEIGHTS = tuple(2**i for i in range(17))


def container_number(owner: str, serial: int) -> str:
    """ISO 6346: three-letter owner code, category U, six-digit serial, check digit."""
    if len(owner) != 3 or not owner.isalpha():
        raise ValueError(f"owner code must be three letters, got {owner!r}")
    first_ten = f"{owner.upper()}U{serial % 1_000_000:06d}"
    return f"{first_ten}{iso6346.check_digit(first_ten)}"


def imo_number(six_digits: int) -> str:
    """IMO ship number: six digits and a check digit (weights 7..2, sum mod 10)."""
    digits = f"{six_digits % 1_000_000:06d}"
    check = sum(int(d) * w for d, w in zip(digits, range(7, 1, -1), strict=True)) % 10
    return f"IMO{digits}{check}"


def is_imo_number(value: str) -> bool:
    if len(value) != 10 or not value.startswith("IMO") or not value[3:].isdigit():
        return False
    return imo_number(int(value[3:9])) == value


def awb_number(airline_prefix: str, serial: int) -> str:
    """Air waybill: 3-digit airline prefix, 7-digit serial and its mod-7 check digit."""
    serial %= 10_000_000
    return f"{airline_prefix}-{serial:07d}{serial % 7}"


def is_awb_number(value: str) -> bool:
    prefix, _, rest = value.partition("-")
    if len(prefix) != 3 or len(rest) != 8 or not (prefix + rest).isdigit():
        return False
    return int(rest[:7]) % 7 == int(rest[7])


def s10_number(service: str, serial: int, country: str) -> str:
    """UPU S10 item identifier: service letters, 8-digit serial, check digit, country."""
    digits = f"{serial % 100_000_000:08d}"
    check = 11 - sum(int(d) * w for d, w in zip(digits, S10_WEIGHTS, strict=True)) % 11
    check = {10: 0, 11: 5}.get(check, check)
    return f"{service}{digits}{check}{country}"


def is_s10_number(value: str) -> bool:
    if len(value) != 13 or not value[2:11].isdigit():
        return False
    return s10_number(value[:2], int(value[2:10]), value[11:]) == value


def mrn(year: int, country: str, office_tag: str, serial: int, procedure: str = "I") -> str:
    """An MRN-like reference: year, country, office, serial, procedure letter, check digit.

    18 characters as in the EU MRN; the check digit uses the ISO 6346 algorithm over the
    first 17. The layout of the middle part is this generator's own.
    """
    body = f"{year % 100:02d}{country}{office_tag:>3}{serial % 1_000_000_000:09d}{procedure}"
    if len(body) != 17:
        raise ValueError(f"MRN body must be 17 characters, got {body!r}")
    total = sum(_VALUES[c] * w for c, w in zip(body, _WEIGHTS, strict=True))
    return f"{body}{total % 11 % 10}"
