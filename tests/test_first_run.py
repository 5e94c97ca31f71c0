"""The README's first command shows progress (issue #12: `make install` was silent for 2.5
minutes): each install step announces itself and pip is never asked to be quiet. Checked on
the commands `make -n` would run for a fresh virtualenv (the install itself takes minutes and
the network; `tests/cli/test_cli.py` checks the line per stage of `clearlane evaluate`)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_make_install_announces_each_step_and_lets_pip_show_progress(tmp_path: Path) -> None:
    make = shutil.which("make")
    assert make, "make is one of the README's two commands"
    venv = tmp_path / "fresh-venv"
    planned = subprocess.run(
        [make, "-n", "install", f"VENV={venv}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.splitlines()
    steps = [line for line in planned if re.match(r'^echo "==> \[\d/\d\] ', line)]
    assert [re.findall(r"\[(\d)/(\d)\]", s)[0] for s in steps] == [
        ("1", "3"),
        ("2", "3"),
        ("3", "3"),
    ]
    pips = [line for line in planned if " -m pip install" in line]
    assert len(pips) == 2
    for line in pips:
        assert not re.search(r"(^|\s)(-q+|--quiet)(\s|$)", line), line
    assert "--progress-bar on" in pips[-1] and '-e ".[dev]"' in pips[-1]
    # each step's announcement comes before the command it announces
    assert planned.index(steps[2]) < planned.index(pips[-1])
