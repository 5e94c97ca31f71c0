"""Checks on paths a command will write, made before the work (one that classifies or ingests
a whole file should not fail with a traceback at the last step)."""

from __future__ import annotations

from pathlib import Path


def output_problem(path: Path) -> str | None:
    """Why ``path`` cannot be written as a file (None when it plausibly can)."""
    if path.is_dir():
        return "is a directory, not a file to write"
    if not path.parent.is_dir():
        return f"the folder {path.parent} does not exist"
    return None
