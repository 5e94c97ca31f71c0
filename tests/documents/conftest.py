"""A handful of generated invoices (every kind once or more), shared by the module's tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from clearlane.generate.documents import DocumentsSummary, generate_documents


@pytest.fixture(scope="session")
def documents(tmp_path_factory: pytest.TempPathFactory) -> DocumentsSummary:
    return generate_documents(count=9, seed=5, out_dir=tmp_path_factory.mktemp("documents"))


def truths(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.truth.json"))]


def declarations(folder: Path) -> dict[str, dict[str, Any]]:
    lines = (folder / "declarations.jsonl").read_text("utf-8").splitlines()
    return {r["reference"]: r for r in map(json.loads, lines)}
