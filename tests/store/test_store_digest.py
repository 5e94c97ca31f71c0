"""``benchmarks/store_digest.py``: two stores that hold the same records digest alike, whenever
they were written; a record that differs is still found (reviewc12, session 27)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from clearlane.audit.chain import append
from clearlane.store.session import open_store

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "store_digest.py"


def _store(path: Path, payload: dict[str, str]) -> str:
    url = f"sqlite:///{path}"
    factory = open_store(url)
    with factory() as session, session.begin():  # the audit trail times each entry as text
        append(session, kind="control_result", actor="t", subject="D1", payload=payload)
    return url


def _digest(*urls: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *urls], capture_output=True, text=True, check=False
    )


def test_the_same_audit_entries_written_at_other_times_digest_alike(tmp_path: Path) -> None:
    first = _store(tmp_path / "a.db", {"outcome": "compliant"})
    second = _store(tmp_path / "b.db", {"outcome": "compliant"})
    same = _digest(first, second)
    assert same.returncode == 0 and same.stdout.rstrip().endswith("identical"), same.stdout
    other = _store(tmp_path / "c.db", {"outcome": "non_compliant"})
    differs = _digest(first, other)
    assert differs.returncode == 1 and "DIFFERENT" in differs.stdout, differs.stdout
