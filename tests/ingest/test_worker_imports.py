"""What the parsing worker imports: its start-up is on the ingest's critical path (the writer
waits for the first chunk), so the bulk path must not pull in pandas, which pyarrow imports
lazily when it converts a Python sequence (``pa.array``), nor ``pyarrow.compute``, which wraps
every compute function in Python as it is imported (``Array.take`` imports it)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from clearlane.generate import generate_dataset

READ = """
import json, sys
from pathlib import Path
from clearlane.ingest.bulk import BulkCsv
chunks = list(BulkCsv(Path(sys.argv[1])).chunks(50))
print(json.dumps({"items": sum(len(c.items[0]) for c in chunks),
                  "pandas": "pandas" in sys.modules,
                  "compute": "pyarrow.compute" in sys.modules,
                  "pydantic": "pydantic" in sys.modules,
                  "schema": "clearlane.core.schema" in sys.modules}))
"""

# What the spawned parsing worker imports before it reads: its target's module and the bulk
# path (as prepare._worker does while the writer cuts the file).
WORKER = """
import json, sys
import clearlane.ingest.prepare, clearlane.ingest.bulk
print(json.dumps({"pydantic": "pydantic" in sys.modules,
                  "schema": "clearlane.core.schema" in sys.modules}))
"""


def test_the_bulk_csv_path_reads_a_file_without_importing_pandas(tmp_path: Path) -> None:
    generate_dataset(declarations=120, seed=3, out_dir=tmp_path)
    path = tmp_path / "declarations.csv"
    out = subprocess.run(
        [sys.executable, "-c", READ, str(path)], capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    lines = path.read_bytes().count(b"\n") - 1
    assert result["items"] == lines  # every goods item went through the bulk path
    assert result["pandas"] is False
    assert result["compute"] is False


def _run(script: str, *args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def test_the_parsing_worker_starts_without_pydantic_or_the_schema() -> None:
    assert _run(WORKER) == {"pydantic": False, "schema": False}


def test_a_file_of_valid_declarations_is_read_without_pydantic(tmp_path: Path) -> None:
    generate_dataset(declarations=120, seed=3, out_dir=tmp_path)
    result = _run(READ, str(tmp_path / "declarations.csv"))
    assert result["pydantic"] is False
    assert result["schema"] is False


def test_a_per_record_declaration_imports_them_when_it_comes(tmp_path: Path) -> None:
    """The lazy imports still work: a declaration the bulk checks do not prove valid (a mass
    written ``1e3``) goes the per-record way, through Pydantic."""
    generate_dataset(declarations=120, seed=3, out_dir=tmp_path)
    path = tmp_path / "declarations.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("net_mass_kg")] = "1e3"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    result = _run(READ, str(path))
    assert result["pydantic"] is True
    assert result["schema"] is True


def test_the_lazy_names_of_core_validation_are_listed_and_imported_alike() -> None:
    """Review (reviewc12): ``core.validation`` gives its rules on first use (module
    ``__getattr__``); ``dir()`` (a REPL's completion, ``inspect``, ``pydoc``) lists them as it
    did when they were imported at once, and every name of ``__all__`` resolves, to the same
    object as the rules module's, by attribute and by ``import *``."""
    import clearlane.core.validation as validation
    from clearlane.core.validation import declaration

    assert set(validation.__all__) <= set(dir(validation))
    star: dict[str, object] = {}
    exec("from clearlane.core.validation import *", star)
    for name in validation.__all__:
        assert star[name] is getattr(validation, name)
        if hasattr(declaration, name):
            assert getattr(validation, name) is getattr(declaration, name)
