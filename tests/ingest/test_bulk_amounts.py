"""Goods-item amounts checked and converted in Arrow (ingest/bulk._amounts_at_once) read every
cell as the per-cell check ``_amount`` does: the same float for each plain number (Arrow's
text-to-float64 cast against Python's ``float``), None for an empty cell, and no column at
once where one cell is not a plain number or is over the limit (then the cells go one by one,
as before)."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from clearlane.ingest.bulk import _NUMBERS, _amount, _amounts_at_once


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        whole = str(
            rng.choice([0, rng.randrange(1, 10), rng.randrange(1, 10 ** rng.randrange(1, 17))])
        )
        if rng.random() < 0.8:
            whole += "." + "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 18)))
        out.append(whole)
    # values where rounding is hard: halfway cases, 17 significant digits, tiny and huge
    out += ["0.1", "0.30000000000000004", "9007199254740993", "1.0000000000000002", "10"]
    out += ["123456789012345.67890123456789012", "9999999999999999.99999999999999999"]
    out += ["0.00000000000000001", "2.2250738585072014", "1.7976931348623157", "0", "0.0", ""]
    return out


def _column(texts: list[str]) -> pa.ChunkedArray:
    half = len(texts) // 2
    return pa.chunked_array(
        [pa.array(texts[:half], pa.string()), pa.array(texts[half:], pa.string())]
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_arrow_reads_every_plain_number_as_float_does(seed: int) -> None:
    texts = _texts(seed, 20_000)
    assert _NUMBERS.fullmatch("\n".join(texts))  # all of them plain numbers (or empty)
    read = _amounts_at_once(_column(texts), 1e18)
    expected = [_amount(1e18)(t)[1] for t in texts]
    assert read is not None
    assert [None if v is None else v.hex() for v in read] == [
        None if v is None else v.hex() for v in expected
    ]


BAD = ["-1", "1e5", " 5", "5 ", "007", ".5", "5.", "inf", "nan", "1,5", "12345678901234567"]
BAD += ["1.123456789012345678", "\uff15", "1\r"]


@pytest.mark.parametrize("bad", BAD)
def test_a_cell_that_is_no_plain_number_leaves_the_column_to_the_cell_checks(bad: str) -> None:
    assert _amount(1e18)(bad)[0] is False  # the per-cell check refuses it too
    assert _amounts_at_once(_column(["1.5", bad, "2"]), 1e18) is None


def test_over_the_limit_leaves_the_column_to_the_cell_checks() -> None:
    assert _amounts_at_once(_column(["1", "100.5", ""]), 100.0) is None
    assert _amounts_at_once(_column(["1", "100.0", ""]), 100.0) == [1.0, 100.0, None]
    assert _amounts_at_once(_column(["", ""]), 100.0) == [None, None]
    assert _amounts_at_once(pa.chunked_array([], pa.string()), 100.0) == []
