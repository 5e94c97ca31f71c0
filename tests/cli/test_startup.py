"""The CLI starts without the heavy libraries: structural checks, not timings.

Each check runs in a fresh interpreter, since this test process has long imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = (
    "pandas",
    "numpy",
    "pyarrow",
    "sklearn",
    "lightgbm",
    "shap",
    "fastapi",
    "sqlalchemy",
    "pydantic",
)

PROBE = """
import json, sys
{body}
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def _loaded(body: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(body=body, heavy=HEAVY)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _run_cli(args: list[str]) -> str:
    return (
        "from clearlane.cli import app\n"
        "try:\n"
        f"    app({args!r}, prog_name='clearlane')\n"
        "except SystemExit:\n"
        "    pass\n"
    )


def test_importing_the_cli_module_loads_no_heavy_library() -> None:
    assert _loaded("import clearlane.cli") == []


def test_importing_clearlane_is_light_and_its_names_still_resolve() -> None:
    assert _loaded("import clearlane") == []
    assert "pydantic" in _loaded("import clearlane; clearlane.Declaration")


def test_help_and_argument_errors_load_no_heavy_library(tmp_path: Path) -> None:
    # Typer itself imports Pydantic when it parses a command's parameters; nothing else.
    assert _loaded(_run_cli(["--help"])) == []
    for args in (
        ["ingest", "--help"],
        ["train", "--no-such-option"],
        ["score", "--no-such-option"],
        ["fairness", "--no-such-option"],
        ["ingest", str(tmp_path / "missing.csv")],
        ["ingest", str(tmp_path), "--kind", "nonsense"],
    ):
        assert [m for m in _loaded(_run_cli(args)) if m != "pydantic"] == [], args


def test_importtime_report_names_no_heavy_library() -> None:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import clearlane.cli"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines() if "|" in line}
    assert imported, "python -X importtime printed nothing"
    assert not {m for m in imported if m.split(".")[0] in HEAVY}
