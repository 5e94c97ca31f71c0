"""ISO 6346 container numbers: owner (3 letters), category (U, J, Z), serial, check digit."""

from __future__ import annotations

import re

_PATTERN = re.compile(r"^[A-Z]{3}[UJZ]\d{7}$")
# Letter values skip multiples of 11: A=10, B=12, ..., K=21, L=23, ..., U=32, V=34, ...
_LETTER_VALUES: dict[str, int] = {}
_value = 10
for _letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    if _value % 11 == 0:
        _value += 1
    _LETTER_VALUES[_letter] = _value
    _value += 1


_VALUES = {**_LETTER_VALUES, **{str(digit): digit for digit in range(10)}}
_WEIGHTS = [2**position for position in range(10)]


def check_digit(first_ten: str) -> int:
    """The check digit for the first ten characters (owner, category, serial)."""
    try:  # ten of A-Z and 0-9 (what is_valid passes): one table look-up each
        if len(first_ten) != len(_WEIGHTS):
            raise KeyError(first_ten)
        total = sum(map(int.__mul__, map(_VALUES.__getitem__, first_ten), _WEIGHTS))
    except KeyError:  # anything else, as before (another alphabet's letter raises KeyError)
        total = 0
        for position, char in enumerate(first_ten):
            value = _LETTER_VALUES[char] if char.isalpha() else int(char)
            total += value * (2**position)
    return total % 11 % 10


def is_well_formed(number: str) -> bool:
    return bool(_PATTERN.match(number))


def is_valid(number: str) -> bool:
    return is_well_formed(number) and check_digit(number[:10]) == int(number[10])
