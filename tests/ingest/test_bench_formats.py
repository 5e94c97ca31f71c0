"""benchmarks/ingest.py --format xml ingests the same declarations as its CSV and JSON Lines:
the XML it writes from the generated JSON Lines is read back as the same records."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from sqlalchemy import select

from clearlane.generate import generate_dataset
from clearlane.ingest.pipeline import ingest_file
from clearlane.store.session import open_store
from clearlane.store.tables import DeclarationRow

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "ingest.py"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_ingest", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _stored(path: Path, store: Callable[[str], str]) -> tuple[int, int, set[tuple[str, str]]]:
    factory = open_store(store(path.suffix[1:]))
    report = ingest_file(path, session_factory=factory, workers=0)
    with factory() as session:
        rows = session.execute(select(DeclarationRow.reference, DeclarationRow.content_sha256))
        return report.received, report.quarantined, {(r, s) for r, s in rows}


def test_the_benchmarks_xml_holds_the_same_declarations(
    tmp_path: Path, migrated_sqlite: Callable[[str], str]
) -> None:
    generate_dataset(declarations=40, seed=7, out_dir=tmp_path / "data")
    jsonl = tmp_path / "data" / "declarations.jsonl"
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    # awkward text the XML must escape: markup characters, an attribute name with a quote
    lines[0] = lines[0].replace('"attributes":{}', '"attributes":{"a\\"b <&>":"x < y & z"}')
    lines[1] = lines[1].replace('"description":"', '"description":"<b>&amp; ', 1)
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    xml = tmp_path / "data" / "declarations.xml"
    _benchmark().write_xml(jsonl, xml)
    received, quarantined, stored = _stored(xml, migrated_sqlite)
    assert (received, quarantined) == (40, 0)
    assert _stored(jsonl, migrated_sqlite) == (received, quarantined, stored)
