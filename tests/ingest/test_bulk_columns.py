"""The bulk path's whole-column checks of declaration-level columns (amounts, references,
container numbers) give what the per-cell check gives, or nothing (then the cells are
checked one by one): never a value the per-cell check would not give."""

from __future__ import annotations

import random
import string
from typing import Any

import pytest

from clearlane.core.validation import iso6346
from clearlane.ingest.bulk import HEADER_CHECKS, _Columns, _header_at_once
from clearlane.ingest.layout import HEADER_COLUMNS, ITEM_COLUMNS


def _container(rng: random.Random) -> str:
    first = "".join(rng.choices(string.ascii_uppercase, k=3)) + rng.choice("UJZ")
    first += "".join(rng.choices(string.digits, k=6))
    return first + str(iso6346.check_digit(first))


def _valid(column: str, rng: random.Random) -> list[str]:
    if column == "reference":
        alphabet = string.ascii_letters + string.digits + "._-"
        return [
            rng.choice(string.ascii_letters + string.digits)
            + "".join(rng.choices(alphabet, k=rng.randrange(0, 34)))
            for _ in range(80)
        ]
    if column == "containers":
        return [";".join(_container(rng) for _ in range(rng.randrange(1, 4))) for _ in range(80)]
    return [f"{rng.randrange(0, 10**7)}.{rng.randrange(0, 100):02d}" for _ in range(80)] + ["0"]


HOSTILE = {
    "customs_value": [
        "", "  12.5 ", "1e5", "007", "5.", ".5", "-1", "+1", "inf", "nan", "1_000", "1,5",
        "99999999999999.5", "10000000000000.01", "10000000000000", "１２", "1\n2", "0.000",
    ],
    "reference": [
        "", " R-1 ", "-R", "_R", ".R", "R/1", "R 1", "é1", "R" * 35, "R" * 36, "r.1_2-3",
        "R\n2", "R\t", "Ｒ1",
    ],
    "containers": [
        "", " ; ", ";;", " TRXU7321590 ; ", "trxu7321590", "TRXU7321591", "TRXU732159",
        "TRXA7321590", "TRXU73215900", "ＴＲＸＵ7321590", "TRXU7321590;trxu0418994",
        "TRXU7321590\nTRXU0418994", "TRXUI321590", "1RXU7321590",
    ],
}  # fmt: skip


@pytest.mark.parametrize("column", sorted(HOSTILE))
def test_whole_column_checks_agree_with_the_cell_checks(column: str) -> None:
    check = HEADER_CHECKS[column]
    limit = getattr(check, "amount_limit", None)
    rng = random.Random(column)
    taken = 0
    for hostile in [None, *HOSTILE[column]]:
        texts = _valid(column, rng) + ([] if hostile is None else [hostile])
        texts = list(dict.fromkeys(texts))
        cells = {t: check(t.strip()) for t in texts}  # as _Columns.check runs it on a cell
        found = _header_at_once(texts, check, limit)
        if all(ok for ok, _ in cells.values()):
            expected: dict[str, Any] = {t: value for t, (_, value) in cells.items()}
            if found is not None:
                taken += 1
                assert found == expected, hostile
                assert [type(v) for v in found.values()] == [type(v) for v in expected.values()]
        else:
            assert found is None, hostile
    assert taken >= 2  # the whole-column form is taken for valid columns, hostile ones too


def test_columns_check_takes_the_whole_column_form() -> None:
    """_Columns.check uses it for many distinct cells and still names the bad ones."""
    state = _Columns([*HEADER_COLUMNS, *ITEM_COLUMNS])
    rng = random.Random(7)
    for column in HOSTILE:
        position = state.index[column]
        cells = _valid(column, rng)
        values, bad = state.check(position, cells)
        assert not bad and values == {c: HEADER_CHECKS[column](c.strip())[1] for c in cells}
        hostile = {"customs_value": "1e5", "reference": "-R", "containers": "TRXU7321591"}[column]
        values, bad = state.check(position, [*cells, hostile])
        assert bad == {hostile} and hostile not in values
