"""What every command-line module prints with: one console for output, one for errors, and
the error line a command prints before it exits with a non-zero code.

Here rather than in :mod:`clearlane.cli` because the library's own command groups
(``documents``, ``link``, ``hs``) may not import the CLI module (import-linter contracts).
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``error: <message>`` on stderr and return the exit to raise.

    The message is printed as text, never as Rich markup (it may quote a file's content)."""
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)
