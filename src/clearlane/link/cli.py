"""`clearlane link ...`: party resolution from the command line.

Heavy libraries (pandas, splink) are imported inside the commands to keep start-up fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from clearlane.core.csvsafe import write_frame
from clearlane.core.paths import input_problem, output_problem
from clearlane.terminal import console, err_console, fail

app = typer.Typer(
    help="Linking: parties across CSV lists, transport documents (manifests) to declarations, "
    "the store's trader register, declaration vs manifest discrepancies.",
    no_args_is_help=True,
)


@app.command("parties")
def parties(
    left: Annotated[
        Path, typer.Option("--left", help="CSV: id,name,aliases,street,city,postcode,...")
    ],
    right: Annotated[Path, typer.Option("--right", help="CSV with the same kind of columns")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Matches CSV to write")],
    threshold: Annotated[
        float | None, typer.Option(help="Match probability threshold (default: the model's)")
    ] = None,
    weights: Annotated[
        bool,
        typer.Option(
            "--weights",
            help="Also write each field's match weight, the method and the names that matched",
        ),
    ] = False,
    column: Annotated[
        list[str] | None,
        typer.Option(
            "--column",
            help="Map a column: OURS=THEIRS, e.g. name='Trader Name' (both files; repeatable)",
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(help="Encoding of both files (default: UTF-8, else Windows-1252)"),
    ] = None,
    date_order: Annotated[
        str | None,
        typer.Option(
            "--date-order",
            help="How numeric dates are written: dmy (03/05/1970 = 3 May) or mdy; needed when "
            "no date of a column has a part above 12 (a column that shows its order, 25/12 or "
            "12/25, is read as it shows, with a note)",
        ),
    ] = None,
) -> None:
    """Write one row per (left, right) pair judged the same party.

    Columns (any case; only id and name required): id, name, aliases (';'-separated; a.k.a./
    f.k.a. in the name are read too), street (or a whole address), city, postcode, region,
    country (codes or names, ';' between several), identifier (VAT/EORI/TIN), registration_date,
    kind (person or company: a list's schema / type column). Common other names (Company Name,
    address, countries, VAT number ...) are recognised; other columns are ignored and listed."""
    from clearlane.link.io import DateOrder, PartyFileError, read_party_file
    from clearlane.link.resolve import link_parties
    from clearlane.link.settings import MATCH_THRESHOLD

    mapping: dict[str, str] = {}
    for item in column or []:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise fail(f"--column {item!r}: expected OURS=THEIRS, e.g. name='Trader Name'")
        mapping[ours.strip()] = theirs.strip()
    if date_order not in (None, "dmy", "mdy"):
        raise fail(f"--date-order {date_order!r}: expected dmy or mdy")
    if threshold is not None and not 0.0 < threshold <= 1.0:
        raise fail(f"--threshold {threshold} must be in (0, 1]")
    if problem := output_problem(out):  # before the linking, not after it
        raise fail(f"--out {out}: {problem}")
    order: DateOrder | None = "dmy" if date_order == "dmy" else "mdy" if date_order else None
    try:
        files = [
            read_party_file(p, columns=mapping, encoding=encoding, date_order=order)
            for p in (left, right)
        ]
    except PartyFileError as exc:
        raise fail(str(exc)) from None
    for note in files[0].notes + files[1].notes:
        err_console.print(f"note: {escape(note)}", highlight=False)
    for warning in files[0].warnings + files[1].warnings:
        err_console.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)
    a, b = files[0].frame, files[1].frame
    result = link_parties(a, b, threshold=threshold or MATCH_THRESHOLD)
    columns = ["left_id", "right_id", "match_probability", "match_weight"]
    if weights:
        columns += [c for c in result.matches.columns if c.startswith("w_")]
        columns += ["method", "left_name", "right_name"]
    try:
        write_frame(result.matches[columns], out)  # ids from the inputs
    except OSError as exc:
        raise fail(f"--out {out}: cannot write ({exc.strerror or exc})") from None
    how = "EM-trained on this input" if result.trained else "shipped parameters (small input)"
    console.print(
        f"{len(a)} x {len(b)} parties, {result.compared_pairs} pairs compared, "
        f"{len(result.matches)} matches -> {out} ({how})"
    )


@app.command("run")
def run() -> None:
    """Link declarations to transport documents, then resolve every party in the store into
    the trader register (incremental; cluster ids never change)."""
    from clearlane.link.register import resolve_store
    from clearlane.store.session import StoreError, open_store

    try:
        factory = open_store()
    except StoreError as exc:
        raise fail(str(exc)) from None
    from clearlane.link.manifests.match import link_documents

    documents = link_documents(factory)
    console.print(
        f"{documents.linked} of {documents.declarations} unlinked declarations linked to a "
        f"transport document; by method: {documents.by_method}"
    )
    summary = resolve_store(factory)
    console.print(
        f"{summary.mentions_added} new mentions, {summary.records_added} new party records; "
        f"{summary.records_clustered} records clustered "
        f"({summary.joined_existing} joined existing traders, "
        f"{summary.clusters_created} new traders); by method: {dict(summary.methods)}; "
        f"{summary.ambiguous} spellings without identifier left alone (name of 2+ traders)"
    )


@app.command("manifests")
def manifests(
    path: Annotated[Path, typer.Argument(help="DCSA eBL 3.0 JSON, CSV manifest, or JSONL")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="dcsa | csv | generated (default: from the extension)"),
    ] = None,
) -> None:
    """Ingest transport documents: validate, store, quarantine the rest (N = S + Q)."""
    from clearlane.link.manifests.store import ingest_manifests
    from clearlane.store.session import StoreError, open_store

    if problem := input_problem(path):
        raise fail(f"{path}: {problem}")
    try:
        report = ingest_manifests(path, fmt, open_store())
    except (FileNotFoundError, ValueError, StoreError) as exc:
        raise fail(str(exc)) from None
    reasons = ", ".join(f"{code} {n}" for code, n in report.reasons.items())
    console.print(
        f"{report.received} received = {report.stored_new} stored new + "
        f"{report.stored_unchanged} unchanged + {report.quarantined} quarantined"
        + (f"; reasons: {reasons} (see `clearlane quarantine list`)" if reasons else "")
    )
    for problem in report.unreadable:
        err_console.print(f"  [red]unreadable:[/] {escape(problem)}", highlight=False)
    if not report.balanced:  # pragma: no cover - a bug, never bad input
        raise fail("counts do not reconcile")
    if (
        report.received
        and set(report.reasons) == {"UNREADABLE"}
        and not (report.stored_new or report.stored_unchanged)
    ):  # nothing in the file could be read: the file is wrong, as `clearlane ingest` says
        raise typer.Exit(1)


@app.command("discrepancies")
def discrepancies_command(
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="CSV to write (default: only a summary is printed)"),
    ] = None,
) -> None:
    """Declaration vs transport document discrepancies (reason codes with both values)."""
    from clearlane.link.discrepancies import discrepancies
    from clearlane.store.session import StoreError, open_store

    if out is not None and (problem := output_problem(out)):
        raise fail(f"--out {out}: {problem}")
    try:
        frame = discrepancies(open_store())
    except StoreError as exc:
        raise fail(str(exc)) from None
    if out is not None:
        try:
            write_frame(frame, out)  # no formulas for spreadsheets
        except OSError as exc:
            raise fail(f"--out {out}: cannot write ({exc.strerror or exc})") from None
    counts = frame["code"].value_counts().to_dict() if len(frame) else {}
    console.print(
        f"{len(frame)} discrepancies on {frame['reference'].nunique()} declarations: {counts}"
        + (f" -> {out}" if out else "")
    )
