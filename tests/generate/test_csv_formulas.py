"""The CSV files `clearlane generate` writes (the CSV manifests, the plants beside them, the
documents' index.csv) are safe to open in a spreadsheet: a cell starting with = + - @, a tab
or a carriage return gets a leading apostrophe (clearlane.core.csvsafe, as `link --out` and
`score --out`); numbers, negative ones too, stay numbers."""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clearlane.generate.manifest_files import write_manifest_files

FORMULAS = ["=1+1", "+cmd|' -C calc'!A0", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _unguarded(path: Path) -> list[str]:
    """The test's formulas that start a cell of ``path`` (no apostrophe before them). Read as
    text: Python 3.11's csv writer leaves a cell holding a CR unquoted when lines
    end in LF, so a CSV reader would cut that row in two."""
    with path.open(encoding="utf-8", newline="") as handle:
        text = handle.read()
    starts = ("\n" + text).replace('"', "")  # a quoted cell starts after its quote
    return [f for f in FORMULAS if "," + f in starts or "\n" + f in starts]


def test_manifests_csv_neutralises_formulas(tmp_path: Path) -> None:
    manifests = [
        {
            "bl_number": number,
            "document_type": "CMR",
            "declaration_reference": "",
            "carrier": {"code": "-CARRIER"},
            "vessel_name": formula,
            "goods_description": formula,
            "gross_mass_kg": -5.5,
            "shipper": {"name": formula, "country": "DE", "id": "@ID"},
            "consignee": {"name": "Jansen B.V.", "country": "NL", "id": "+31"},
            "containers": [],
        }
        for number, formula in zip(
            ("=CMR1", "CMR2", "CMR3", "CMR4", "CMR5", "CMR6"), FORMULAS, strict=True
        )
    ]
    (tmp_path / "manifests.jsonl").write_text(
        "".join(json.dumps(m) + "\n" for m in manifests), encoding="utf-8"
    )
    (tmp_path / "declarations.jsonl").write_text("", encoding="utf-8")
    files = write_manifest_files(tmp_path, share=0.0)
    assert _unguarded(files.csv) == []
    rows = _rows(files.csv)
    assert rows[0]["document_number"] == "'=CMR1"
    assert rows[0]["goods_description"] == "'=1+1"
    assert rows[0]["carrier"] == "'-CARRIER"
    assert rows[0]["gross_mass_kg"] == "-5.5"  # a number stays a number


def test_documents_index_csv_neutralises_formulas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearlane.generate import dataset
    from clearlane.generate.documents import generate_documents

    cases = dataset.iter_cases

    def renamed(config: Any) -> Iterator[Any]:
        for formula, case in zip(FORMULAS, cases(config), strict=False):
            yield dataclasses.replace(case, reference=formula + "REF")

    monkeypatch.setattr(dataset, "iter_cases", renamed)
    generate_documents(count=len(FORMULAS), seed=5, out_dir=tmp_path)
    assert _unguarded(tmp_path / "index.csv") == []
    rows = _rows(tmp_path / "index.csv")
    assert [row["declaration_reference"] for row in rows[:4]] == [
        "'" + f + "REF" for f in FORMULAS[:4]
    ]
