"""What the parsing worker imports: its start-up is on the ingest's critical path (the writer
waits for the first chunk), so the bulk path must not pull in pandas, which pyarrow imports
lazily when it converts a Python sequence (``pa.array``), nor ``pyarrow.compute``, which wraps
every compute function in Python as it is imported (``Array.take`` imports it)."""

from __future__ import annotations

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
                  "compute": "pyarrow.compute" in sys.modules}))
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
