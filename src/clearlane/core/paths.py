"""Checks on paths a command will read or write, made before the work (one that classifies or
ingests a whole file should not fail with a traceback at the last step)."""

from __future__ import annotations

import os
from pathlib import Path


def input_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as an input file (None when it plausibly can)."""
    if path.is_dir():
        return "is a directory, not a file (name the files inside it)"
    if not path.exists():
        return "no such file"
    if not os.access(path, os.R_OK):
        return "cannot be read (permission denied)"
    return None


def output_problem(path: Path) -> str | None:
    """Why ``path`` cannot be written as a file (None when it plausibly can)."""
    if path.is_dir():
        return "is a directory, not a file to write"
    if not path.parent.is_dir():
        return f"the folder {path.parent} does not exist"
    return None


def output_dir_problem(path: Path) -> str | None:
    """Why ``path`` cannot be used as a directory to write into, creating it (with its parents)
    when it does not exist yet; None when it can."""
    if path.exists() and not path.is_dir():
        return "is a file, not a directory to write into"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"cannot create the directory: {exc.strerror or exc}"
    if not os.access(path, os.W_OK):
        return "cannot write into the directory (permission denied)"
    return None
