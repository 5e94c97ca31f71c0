"""`clearlane hs`: suggest HS 2022 subheadings, check declared codes against descriptions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from clearlane.core.paths import output_problem
from clearlane.terminal import console, fail

app = typer.Typer(
    help="HS codes: suggest HS 2022 subheadings for descriptions; check declared codes.",
    no_args_is_help=True,
)

SUGGEST_HEADER = ["id", "rank", "code", "score", "title", "heading", "citation"]
CHECK_HEADER = [
    "id",
    "declared_code",
    "plausibility",
    "reason_code",
    "best_code",
    "best_title",
    "reason",
]


def _write_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """:func:`clearlane.hs.io.write_rows`, a failure after the up-front check (no permission,
    disk full) as one error line naming the file instead of a traceback."""
    from clearlane.hs.io import write_rows

    try:
        return write_rows(path, header, rows)
    except OSError as exc:
        raise fail(f"{path}: cannot write: {exc.strerror or exc}") from exc


@app.command()
def suggest(
    description: Annotated[str | None, typer.Argument(help="One goods description.")] = None,
    input_path: Annotated[
        Path | None, typer.Option("--in", help="CSV with columns id,description.")
    ] = None,
    output_path: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="CSV: id,rank,code,score,title,heading,citation."),
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, max=20, help="Suggestions each.")] = 5,
) -> None:
    """Suggest HS 2022 subheadings for DESCRIPTION, or for every row of --in into --out."""
    from clearlane.hs.api import suggest as run
    from clearlane.hs.io import InputError, read_items

    if (description is None) == (input_path is None):
        raise fail("give either a DESCRIPTION or --in ITEMS.csv (with --out)")
    if input_path is None:
        assert description is not None
        if not description.strip():
            raise fail("the description is empty")
        if len(description) > 1000:
            raise fail("the description is longer than 1000 characters")
        table = Table(title=f"HS 2022 suggestions for '{description}'")
        for column in ("#", "code", "score", "title", "decided by"):
            table.add_column(column, overflow="fold")
        for s in run([description], top)[0]:
            table.add_row(
                str(s.rank),
                f"{s.code[:4]}.{s.code[4:]}",
                f"{s.score:.2f}",
                s.title,
                f"{s.heading}\n{s.citation}",
            )
        console.print(table)
        return
    if output_path is None:
        raise fail("--in needs --out")
    if problem := output_problem(output_path):
        raise fail(f"{output_path}: {problem}")
    try:
        items = read_items(input_path, ["id", "description"])
    except InputError as error:
        raise fail(str(error)) from error
    results = run([i["description"] for i in items], top)
    written = _write_rows(
        output_path,
        SUGGEST_HEADER,
        (
            [item["id"], s.rank, s.code, f"{s.score:.4f}", s.title, s.heading, s.citation]
            for item, suggestions in zip(items, results, strict=True)
            for s in suggestions
        ),
    )
    console.print(f"{len(items)} descriptions, {written} suggestions -> {escape(str(output_path))}")


@app.command()
def check(
    input_path: Annotated[
        Path, typer.Option("--in", help="CSV with columns id,description,declared_code.")
    ],
    output_path: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="CSV: id,declared_code,plausibility,reason_code,best_code,best_title,reason.",
        ),
    ],
) -> None:
    """Score how well each declared code fits its description (0-1, low = does not fit)."""
    from clearlane.hs.api import check as run
    from clearlane.hs.io import InputError, read_items

    if problem := output_problem(output_path):
        raise fail(f"{output_path}: {problem}")
    try:
        items = read_items(input_path, ["id", "description", "declared_code"])
    except InputError as error:
        raise fail(str(error)) from error
    results = run([(i["description"], i["declared_code"]) for i in items])
    vague = sum(1 for r in results if r.reason_code == "HS_DESCRIPTION_VAGUE")
    low = sum(1 for r in results if r.reason_code) - vague
    _write_rows(
        output_path,
        CHECK_HEADER,
        (
            [
                i["id"],
                r.declared_code,
                f"{r.plausibility:.4f}",
                r.reason_code or "",
                r.best_code,
                r.best_title,
                r.reason or "",
            ]  # fmt: skip
            for i, r in zip(items, results, strict=True)
        ),
    )
    console.print(
        f"{len(items)} items checked, {low} with a low plausibility, {vague} too vague to "
        f"classify -> {output_path}"
    )
