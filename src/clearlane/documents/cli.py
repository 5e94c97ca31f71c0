"""`clearlane documents ...`: extract invoices, generate test documents, cross-check.

Heavy libraries (pdf, OCR, pandas) are imported inside the commands: start-up stays fast.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from clearlane.core.paths import input_problem, output_dir_problem
from clearlane.terminal import console, fail

app = typer.Typer(
    help="Trade documents: extract invoices (XML, text layer, OCR), generate test documents, "
    "cross-check an invoice against its declaration.",
    no_args_is_help=True,
)


@app.command("sweep")
def sweep_command(
    older_than: Annotated[
        float,
        typer.Option(
            "--older-than",
            min=1,
            help="Minutes since a file was written before it may be removed (an upload "
            "under way writes its file before its row).",
        ),
    ] = 60,
) -> None:
    """Remove the document store's files that no document names (left by a crash between an
    upload's file write and its row), older than --older-than minutes. Safe while the server
    runs: each file is checked and removed under the lock an upload of it takes."""
    from datetime import timedelta

    from clearlane.casework import sweep_unreferenced
    from clearlane.config import get_settings
    from clearlane.store.files import FileStore
    from clearlane.store.session import StoreError, open_store

    settings = get_settings()
    try:
        store = open_store()
    except StoreError as exc:
        raise fail(str(exc)) from None
    swept = sweep_unreferenced(
        store, FileStore(settings.files_dir), older_than=timedelta(minutes=older_than)
    )
    for name in swept.files:
        typer.echo(f"removed {name} (no document names it)")
    for name in swept.leftovers:
        typer.echo(f"removed {name} (a write cut short)")
    typer.echo(f"removed {swept.count} file(s) from {settings.files_dir}")


@app.command("extract")
def extract_command(
    file: Annotated[Path, typer.Argument(help="A PDF, a CII/UBL XML or an image (PNG, JPEG).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the extraction as JSON.")] = False,
    no_ocr: Annotated[bool, typer.Option("--no-ocr", help="Skip OCR of image pages.")] = False,
) -> None:
    """Extract an invoice's fields and line items, with where each was read."""
    import logging

    from clearlane.documents import ExtractionError, extract

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # the error below says it once

    try:
        result = extract(file, ocr=not no_ocr)
    except ExtractionError as exc:
        raise fail(str(exc)) from None
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
        return
    table = Table("field", "value", "source", "page", "confidence", title=str(file))
    for name, value in result.fields().items():
        evidence = result.evidence.get(name)
        table.add_row(
            name,
            "[dim]not found[/]" if value is None else value,
            evidence.source if evidence else "",
            str(evidence.page or "") if evidence else "",
            f"{evidence.confidence:.2f}" if evidence else "",
        )
    console.print(table)
    lines = Table("#", "description", "quantity", "unit", "unit price", "amount")
    for index, line in enumerate(result.line_items, start=1):
        lines.add_row(str(index), *(v or "" for v in line.model_dump().values()))
    console.print(lines)
    console.print(f"{result.pages} page(s), {result.seconds:.2f} s, first source {result.method}")


@app.command("generate")
def generate_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write into.")],
    count: Annotated[
        int, typer.Option("--count", "-n", min=1, max=10_000, help="How many invoices.")
    ] = 20,
    seed: Annotated[int, typer.Option(help="Same seed, same documents.")] = 42,
    hs_lines: Annotated[
        bool,
        typer.Option(
            "--hs-lines",
            help="Also plant invoice lines described as goods of another chapter than the "
            "declared HS code (LINE_DESCRIPTION_HS_MISMATCH, found only with the HS check).",
        ),
    ] = False,
) -> None:
    """Write COUNT invoices (Factur-X, CII, UBL, text PDFs, scans) with their ground truth,
    the declarations they belong to and planted discrepancies."""
    from clearlane.generate.documents import PLANTS, PLANTS_WITH_HS, generate_documents

    if problem := output_dir_problem(out):
        raise fail(f"--out {out}: {problem}")
    plants = PLANTS_WITH_HS if hs_lines else PLANTS
    summary = generate_documents(count=count, seed=seed, out_dir=out, plants=plants)
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(summary.by_kind.items()))
    console.print(f"wrote {summary.count} documents to {escape(str(out))} ({kinds}); "
                  f"{summary.planted} with a planted discrepancy")  # fmt: skip


@app.command("crosscheck")
def crosscheck_command(
    file: Annotated[Path, typer.Argument(help="The invoice file.")],
    declarations: Annotated[
        Path, typer.Option("--declarations", help="declarations.jsonl holding its declaration.")
    ],
    reference: Annotated[
        str | None, typer.Option(help="Declaration reference (default: by invoice number).")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the discrepancies as JSON.")
    ] = False,
    hs: Annotated[
        bool,
        typer.Option(
            "--hs/--no-hs",
            help="Check each line's description against its declared HS code (loads the HS "
            "model, as `clearlane hs check`).",
        ),
    ] = True,
    encoding: Annotated[
        str, typer.Option(help="Text encoding of the declarations file (as `clearlane ingest`).")
    ] = "utf-8",
) -> None:
    """Extract an invoice and list its discrepancies with the declaration."""
    from clearlane.documents import ExtractionError, extract
    from clearlane.ingest.readers.base import encoding_problem

    if problem := encoding_problem(encoding):  # before the extraction
        raise fail(f"--encoding: {problem}")
    if problem := input_problem(declarations):  # before the extraction, too
        raise fail(f"--declarations {declarations}: {problem}")
    from clearlane.documents.crosscheck import crosscheck
    from clearlane.documents.service import shipped_hs_check

    try:
        result = extract(file)
    except ExtractionError as exc:
        raise fail(str(exc)) from None
    from clearlane.ingest.readers.json_reader import jsonl_record

    chosen = None
    try:
        with declarations.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                # Read as `clearlane ingest` reads a line: a BOM, bytes that are not UTF-8,
                # nesting and a line that is no JSON object are named, line by line.
                raw = line.removeprefix(b"\xef\xbb\xbf") if number == 1 else line
                read = jsonl_record(declarations.name, number, raw, encoding)
                if read is None:
                    continue  # a blank line
                if read.data is None or read.issues:
                    raise fail(read.issues[0].message if read.issues else read.location)
                record = read.data
                if (reference and record.get("reference") == reference) or (
                    not reference and record.get("invoice_number") == result.invoice_number
                ):
                    chosen = record
                    break
    except OSError as exc:
        raise fail(f"{declarations}: {exc.strerror or exc}") from None
    if chosen is None:
        raise fail(f"{declarations}: no declaration for {reference or result.invoice_number!r}")
    found = crosscheck(result, chosen, hs_check=shipped_hs_check if hs else None)
    if as_json:
        typer.echo(json.dumps([d.model_dump() for d in found], indent=2))
        return
    table = Table("code", "invoice", "declaration", "detail", title=chosen["reference"])
    for d in found:
        table.add_row(d.code, str(d.invoice_value), str(d.declared_value), d.detail)
    console.print(table if found else "no discrepancy")
