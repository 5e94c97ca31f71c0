"""Every `clearlane ...` command written in README.md and docs/*.md (in code spans and
blocks) names a command that exists and only options it has (deprecated aliases do not
count): a reader who copies one does not meet "No such option"."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from clearlane.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
CODE = re.compile(r"```.*?```|`[^`\n]+`", re.S)
COMMAND = re.compile(r"(?<![\w/.-])clearlane((?:(?:[ \t]|\\\n)+[^\s|;&#`)\\]+)+)")
SHOWN_AS_ERRORS = {"--bogus"}  # docs/performance.md times a usage error on purpose


def _problems(doc: Path, root: Any) -> list[str]:
    text = doc.read_text(encoding="utf-8")
    problems = []
    for code in CODE.finditer(text):
        line = text[: code.start()].count("\n") + 1
        # a README table cell escapes '|' as '\\|' (`--format csv\\|jsonl [--kind K]`): read it
        # as one word, or the words after it went unchecked
        for match in COMMAND.finditer(code.group(0).strip("`").replace("\\|", "/")):
            words = match.group(1).replace("\\\n", " ").split()
            command, path = root, []
            while words and hasattr(command, "commands") and words[0] in command.commands:
                command = command.commands[words[0]]
                path.append(words.pop(0))
            where = f"{doc.relative_to(ROOT)}:{line}: clearlane {' '.join(path)}"
            if hasattr(command, "commands") and words and re.fullmatch(r"[a-z]+", words[0]):
                problems.append(f"{where} {words[0]}: no such command")
                continue
            options = {"--help"}
            for param in command.params:
                if not getattr(param, "hidden", False):
                    options.update(param.opts, getattr(param, "secondary_opts", []))
            for word in words:
                name = re.split(r"[=\[\]…,|/]", word.lstrip("["))[0].rstrip(".")
                short = re.fullmatch(r"-[a-zA-Z]", name) is not None  # -o, -f (not -0.5)
                if (name.startswith("--") or short) and name not in options | SHOWN_AS_ERRORS:
                    problems.append(f"{where}: {name} is not one of its options")
    return problems


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_documented_commands_and_options_exist(doc: Path) -> None:
    assert _problems(doc, get_command(app)) == []


def test_the_check_finds_an_unknown_option_and_command(tmp_path: Path) -> None:
    global ROOT
    doc = tmp_path / "x.md"
    doc.write_text(
        "Run `clearlane score --outfile s.csv` or\n```\nclearlane db migrate\n"
        "| `clearlane ingest P [--format csv\\|jsonl] [--kindd K]` | `clearlane score -x s.csv` |\n"
        "clearlane kpis --since 2025-01-01 \\\n    --office X --until 2025-02-01 --weekly\n```\n"
    )
    saved, ROOT = ROOT, tmp_path
    try:
        assert _problems(doc, get_command(app)) == [
            "x.md:1: clearlane score: --outfile is not one of its options",
            "x.md:2: clearlane db migrate: no such command",
            "x.md:2: clearlane ingest: --kindd is not one of its options",
            "x.md:2: clearlane score: -x is not one of its options",
            "x.md:2: clearlane kpis: --weekly is not one of its options",
        ]
    finally:
        ROOT = saved
