"""benchmarks/kcs_later.py's re-shaped exports read as its plain file: the same records
accepted and quarantined (received = stored + quarantined in both) and the same analysis
frame, value for value."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from clearlane.ingest.parse import parse_file, read_frame

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "kcs_later.py"


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> tuple[ModuleType, Path, list[list[str]]]:
    spec = importlib.util.spec_from_file_location("kcs_later", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    _, lines = module.build(1500, 3, "date")
    plain = tmp_path_factory.mktemp("later") / "plain.csv"
    columns, rows = module.shape(lines)
    module.write_csv(plain, columns, rows)
    return module, plain, lines


def outcomes(path: Path) -> list[tuple[str, bool, frozenset[str]]]:
    return [
        (r.raw.location.split(":")[-1], r.accepted, frozenset(i.reason.value for i in r.errors))
        for r in parse_file(path, "kcs")
    ]


@pytest.mark.parametrize(
    "flags",
    [
        {"excel": True},
        {"excel": True, "bom": True, "crlf": True},
        {"pandas": True, "units": True},
        {"pandas": True, "excel": True, "units": True, "crlf": True},
    ],
)
def test_a_reshaped_later_file_reads_as_the_plain_one(
    later: tuple[ModuleType, Path, list[list[str]]], tmp_path: Path, flags: dict[str, bool]
) -> None:
    module, plain, lines = later
    columns, rows = module.shape(
        lines, **{k: v for k, v in flags.items() if k in ("pandas", "units", "excel")}
    )
    path = tmp_path / "shaped.csv"
    module.write_csv(
        path, columns, rows, **{k: v for k, v in flags.items() if k in ("bom", "crlf", "excel")}
    )
    assert path.read_bytes() != plain.read_bytes()
    a, b = outcomes(plain), outcomes(path)
    assert len(b) == len(a) == len(lines)
    assert sum(ok for _, ok, _ in a) < len(a)  # the planted quarantine is there
    assert b == a
    pd.testing.assert_frame_equal(
        read_frame(path, "kcs"), read_frame(plain, "kcs"), check_exact=True
    )
