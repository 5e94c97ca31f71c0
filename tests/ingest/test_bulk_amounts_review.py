"""Review of the goods-item amounts checked in Arrow (ingest12's ``_amounts_at_once``) and of
the declaration-level amounts and container numbers checked as whole columns: every hostile
cell must be read the same way by the Arrow path, by the bulk path over ``csv.reader``'s
Python strings (no Arrow table) and by the per-record path - the same Prepared records, the
same quarantine reasons and messages. White space that ``str.strip`` removes and Arrow's trim
may not (and the reverse), signs, exponents, NaN and infinity spelled out, the longest digit
strings the pattern allows and longer, non-ASCII digits, a column left empty throughout."""

from __future__ import annotations

import random
from pathlib import Path

import pyarrow as pa
import pytest

from clearlane.generate import generate_dataset
from clearlane.ingest import bulk as bulk_module
from clearlane.ingest.bulk import _amount, _amounts_at_once
from tests.ingest.test_bulk_differential import (
    _declaration_rows,
    _rows,
    _write,
    assert_same,
)

# Cells a number column may hold: for a goods item as they stand, for a declaration-level
# column trimmed by str.strip first.
HOSTILE_NUMBERS = [
    "\t5",
    "5\t",
    "\u00a05",  # no-break space
    "5\u2003",  # em space
    "\u30005",  # ideographic space
    "\x1c5",  # a file separator: str.strip removes it (str.isspace), Arrow's trim may not
    "5\x1f",
    "\x855",  # NEL
    "\u200b5",  # zero-width space: not white space to Python
    "\x0b5",
    "\x0c5",
    "+5",
    "-0",
    "-0.0",
    "1E3",
    "1e-3",
    "NaN",
    "nan",
    "Infinity",
    "-inf",
    "1_000",  # float() takes underscores
    "0x1A",
    "1.",
    ".5",
    "1..5",
    "٣٫٥",  # Arabic-Indic three, Arabic decimal separator
    "۵",  # extended Arabic-Indic five
    "５",  # fullwidth five
    "1234567890123456.12345678901234567",  # the longest the pattern allows
    "12345678901234567",  # one digit too many
    "1." + "9" * 18,
    "9" * 40,
    "0.0000000000000000000000001",
]
ITEM_AMOUNTS = ["quantity", "net_mass_kg", "gross_mass_kg", "item_value", "duty_rate"]
HEADER_AMOUNTS = ["invoice_total", "exchange_rate", "customs_value"]
HOSTILE_CONTAINERS = [
    "\tMSCU1234566",
    "MSCU1234566\x1c",
    "\u00a0MSCU1234566",
    "MSCU1234566 ; ",
    " ; MSCU1234566",
    "ＭSCU1234566",  # a fullwidth M
    "mscu1234566",
    "MSCU1234566;MSCU1234566",
    "MSCU123456\u0666",  # an Arabic-Indic six as the check digit
    ";;",
    "MSCU1234566\u200b",
]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review13")
    generate_dataset(declarations=400, seed=13, out_dir=out)
    return out / "declarations.csv"


def _planted(generated: Path, path: Path, edits: list[tuple[str, str]]) -> Path:
    header, rows = _rows(generated)
    groups = list(_declaration_rows(rows, header).values())
    targets = random.Random(5).sample(groups, len(edits))
    for (column, value), group in zip(edits, targets, strict=True):
        at = header.index(column)
        for i in group if column in HEADER_AMOUNTS or column == "containers" else group[-1:]:
            rows[i][at] = value
    return _write(path, header, rows)


def _all_three(path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Per-record against bulk with Arrow, then against bulk over csv.reader's strings."""
    stats = assert_same(path)
    with monkeypatch.context() as patched:
        patched.setattr(bulk_module, "_arrow_table", lambda *args: None)
        assert_same(path)
    return stats


def test_hostile_item_amounts_read_alike_on_every_path(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edits = [(c, v) for v in HOSTILE_NUMBERS for c in ITEM_AMOUNTS[:2]]
    stats = _all_three(_planted(generated, tmp_path / "items.csv", edits), monkeypatch)
    assert stats["per_record"] >= len(HOSTILE_NUMBERS)


def test_hostile_declaration_amounts_read_alike_on_every_path(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edits = [(c, v) for v in HOSTILE_NUMBERS for c in HEADER_AMOUNTS[:2]]
    stats = _all_three(_planted(generated, tmp_path / "header.csv", edits), monkeypatch)
    assert stats["per_record"] >= len(HOSTILE_NUMBERS)


def test_hostile_container_numbers_read_alike_on_every_path(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edits = [("containers", v) for v in HOSTILE_CONTAINERS]
    _all_three(_planted(generated, tmp_path / "containers.csv", edits), monkeypatch)


@pytest.mark.parametrize("column", [*ITEM_AMOUNTS, *HEADER_AMOUNTS, "containers"])
def test_a_column_empty_throughout_reads_alike(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, column: str
) -> None:
    header, rows = _rows(generated)
    for row in rows:
        row[header.index(column)] = ""
    stats = _all_three(_write(tmp_path / "empty.csv", header, rows), monkeypatch)
    assert stats["bulk"] > 0


@pytest.mark.parametrize("cell", HOSTILE_NUMBERS)
def test_arrow_refuses_a_column_where_the_cell_check_refuses_a_cell(cell: str) -> None:
    column = pa.chunked_array([pa.array(["1.5", cell, ""], pa.string())])
    verdict, value = _amount(1e18)(cell)
    read = _amounts_at_once(column, 1e18)
    if verdict:  # only the longest plain number passes both
        assert read is not None and read[1] == value
    else:
        assert read is None


def test_the_longest_plain_numbers_round_as_float_does() -> None:
    rng = random.Random(13)
    texts = [
        f"{rng.randrange(1, 10)}{''.join(rng.choice('0123456789') for _ in range(15))}."
        f"{''.join(rng.choice('0123456789') for _ in range(17))}"
        for _ in range(5_000)
    ]
    texts += ["9999999999999999.99999999999999999", "1000000000000000.00000000000000005"]
    read = _amounts_at_once(pa.chunked_array([pa.array(texts, pa.string())]), 1e18)
    assert read is not None
    assert [v.hex() for v in read if v is not None] == [float(t).hex() for t in texts]


def _valid_containers(rng: random.Random, n: int) -> list[str]:
    from clearlane.core.validation import iso6346

    numbers = []
    while len(numbers) < n:
        owner = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3))
        body = f"{owner}{rng.choice('UJZ')}{rng.randrange(10**6):06d}"
        numbers.append(f"{body}{iso6346.check_digit(body)}")
    return numbers


def test_containers_in_arrow_read_as_the_cell_check_does() -> None:
    from clearlane.ingest.bulk import _CONTAINERS, _containers_at_once

    rng = random.Random(27)
    numbers = _valid_containers(rng, 3_000)
    cells = ["", *(";".join(rng.sample(numbers, rng.randrange(1, 4))) for _ in range(2_000))]
    read = _containers_at_once(pa.array(cells, pa.string()))
    assert read is not None  # plain upper-case numbers: the whole column at once
    assert read == [_CONTAINERS(c.strip())[1] for c in cells]
    for hostile in HOSTILE_CONTAINERS:
        column = pa.array([*cells[:50], hostile], pa.string())
        at_once = _containers_at_once(column)
        verdict, value = _CONTAINERS(hostile.strip())
        if at_once is not None:  # taken at once only when the cell check takes it as it is
            assert verdict and at_once[-1] == value and hostile == hostile.strip()
    # a wrong check digit anywhere sends the column to the cell checks
    wrong = numbers[0][:-1] + str((int(numbers[0][-1]) + 1) % 10)
    assert _CONTAINERS(wrong)[0] is False
    assert _containers_at_once(pa.array([*cells[:50], f"{numbers[1]};{wrong}"])) is None


def test_declaration_level_amounts_and_containers_are_checked_in_arrow(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The generated file's declaration-level amounts and containers take the Arrow forms
    (none falls back to Python text); what they give is checked against the csv.reader path
    and the per-record path above."""
    taken: list[tuple[str, bool]] = []
    amounts, containers = bulk_module._amounts_at_once, bulk_module._containers_at_once

    def amounts_spy(column: pa.Array, limit: float) -> list[float | None] | None:
        read = amounts(column, limit)
        taken.append(("amounts", read is not None))
        return read

    def containers_spy(column: pa.Array) -> list[list[str] | None] | None:
        read = containers(column)
        taken.append(("containers", read is not None))
        return read

    monkeypatch.setattr(bulk_module, "_amounts_at_once", amounts_spy)
    monkeypatch.setattr(bulk_module, "_containers_at_once", containers_spy)
    reader = bulk_module.BulkCsv(generated)
    assert sum(len(part) for part in reader.parts()) == 400
    assert reader.stats["per_record"] == 0
    blocks = sum(1 for kind, _ in taken if kind == "containers")
    assert blocks >= 1
    # per block: 3 declaration-level and 8 goods-item amount columns, one containers column
    assert taken.count(("amounts", True)) == 11 * blocks
    assert taken.count(("containers", True)) == blocks
