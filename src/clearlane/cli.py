"""The `clearlane` command line (Typer). A thin shell: every command calls the library."""

from __future__ import annotations

import inspect
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table
from typer.core import TyperGroup

from clearlane import __version__
from clearlane.core.paths import input_problem, output_dir_problem, output_problem
from clearlane.documents.cli import app as documents_app
from clearlane.hs.cli import app as hs_app
from clearlane.learn.cli import simulate as _simulate
from clearlane.link.cli import app as link_app
from clearlane.terminal import console, err_console, fail

if TYPE_CHECKING:
    import pandas as pd

    from clearlane.risk.engine import RiskEngine
    from clearlane.risk.profiles import ProfileSet


MAIN_HELP = """ClearLane: customs risk management and targeting. Score, explain and route goods
declarations to lanes; keep officers in charge; audit everything.

The store is a SQLite file under $CLEARLANE_DATA_DIR (default ./var) unless
$CLEARLANE_DATABASE_URL names another (any SQLAlchemy URL, e.g.
postgresql+psycopg://user:password@host:5432/clearlane); it migrates itself on first use.
Every setting is an environment variable (or a line of ./.env): README.md, "Configuration".
`clearlane COMMAND --help` shows each command's options, defaults and an example.

First steps, on synthetic data:
  clearlane generate --out data --declarations 2000
  clearlane ingest data/declarations.jsonl
  clearlane ingest --kind controls data/controls.jsonl
  clearlane train
  clearlane score --out scores.csv
"""


class _ClearLaneGroup(TyperGroup):
    """The root group: a store that cannot be opened (a typo in CLEARLANE_DATABASE_URL, a
    server that does not answer, a missing database) ends any command with one line naming
    the store and the setting, exit code 2, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            # not imported up front: `--help` and argument errors stay free of SQLAlchemy; a
            # StoreError can only come from a command that imported the store
            session = sys.modules.get("clearlane.store.session")
            if session is not None and isinstance(exc, session.StoreError):
                raise fail(str(exc)) from None
            raise


app = typer.Typer(
    cls=_ClearLaneGroup,
    help=MAIN_HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
db_app = typer.Typer(
    help="Database schema: upgrade, show the current revision.", no_args_is_help=True
)
quarantine_app = typer.Typer(help="Rejected records and their reasons.", no_args_is_help=True)
profiles_app = typer.Typer(
    help="Risk profiles (rules written by analysts): check, import, list, retire.",
    no_args_is_help=True,
)
audit_app = typer.Typer(
    help="The tamper-evident audit trail: verify the chain, print its head, show entries.",
    no_args_is_help=True,
)
user_app = typer.Typer(
    help="Users of the web UI and API: add, list, change a password, disable, enable.",
    no_args_is_help=True,
)
app.add_typer(audit_app, name="audit")
app.add_typer(user_app, name="user")
app.add_typer(db_app, name="db")
app.add_typer(profiles_app, name="profiles")
app.add_typer(quarantine_app, name="quarantine")
app.add_typer(link_app, name="link")
app.add_typer(documents_app, name="documents")
app.add_typer(hs_app, name="hs")


FORMAT_HELP = "csv | jsonl | json | xml | kcs (default: from the file extension)"


NO_CHAMPION_EXIT = 3  # `clearlane score` without a registered champion
NO_CHAMPION = (
    "no champion engine is registered: run `clearlane train` (it registers and promotes one; "
    "on a first run the rules + anomaly fallback champion first), or pass --fit-fallback to "
    "fit and promote the rules + anomaly fallback champion now"
)


def _version(value: bool) -> None:
    if value:
        console.print(f"clearlane {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """ClearLane: customs risk management and targeting (see MAIN_HELP)."""


@contextmanager
def _stages(first: str) -> Iterator[Callable[[str], None]]:
    """Report the stages of a long command: a Rich spinner on a terminal; otherwise (piped,
    redirected, CI) one line per stage on stderr with the time since the start."""
    if err_console.is_terminal:
        with err_console.status(first) as status:
            yield status.update
        return
    started = time.monotonic()

    def line(stage: str) -> None:
        err_console.print(f"[{time.monotonic() - started:7.1f} s] {stage}", highlight=False)

    line(first)
    yield line
    line("done")


def _bar(label: str, *columns: ProgressColumn) -> Progress:
    """A progress bar on stderr, gone when done: ``label``, the bar, ``columns`` and the time
    left; nothing at all when stderr is no terminal (piped: not even a stray blank line)."""
    return Progress(
        TextColumn(label),
        BarColumn(),
        *columns,
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )


def _progress() -> Progress:
    return _bar("[bold]{task.description}", DownloadColumn(), TransferSpeedColumn())


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files to ingest.", show_default=False)],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help=FORMAT_HELP)] = None,
    kind: Annotated[
        str, typer.Option(help="declarations | controls (control results, csv/jsonl/json)")
    ] = "declarations",
    encoding: Annotated[str, typer.Option(help="Text encoding of the files.")] = "utf-8",
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the reconciliation as JSON here.")
    ] = None,
) -> None:
    """Read, validate and store declarations; rejected records go to the quarantine.

    Ends with `received N, stored S, quarantined Q` per file, where N = S + Q always.
    Re-ingesting a file stores nothing twice; a changed declaration becomes a new version.
    """
    # Argument errors are answered before the parsing and database libraries are imported.
    if kind not in ("declarations", "controls"):
        raise fail(f"--kind {kind!r} is not one of declarations, controls")
    for path in paths:
        if problem := input_problem(path):
            raise fail(f"{path}: {problem}")
    if report is not None and (problem := output_problem(report)):
        raise fail(f"--report {report}: {problem}")
    from clearlane.ingest.readers import FORMATS

    if fmt is not None and fmt not in FORMATS:
        raise fail(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    from clearlane.ingest.pipeline import ingest_file
    from clearlane.store.session import StoreError

    reports = []
    exit_code = 0
    for path in paths:
        try:
            with _progress() as progress:
                task = progress.add_task(f"ingest {path.name}", total=path.stat().st_size)
                result = ingest_file(
                    path,
                    fmt,
                    kind=kind,  # type: ignore[arg-type]
                    encoding=encoding,
                    progress=partial(progress.advance, task),
                )
        except (ValueError, StoreError) as exc:
            raise fail(str(exc)) from exc
        reports.append(result)
        style = "green" if result.quarantined == 0 else "yellow"
        console.print(f"{escape(path.name)}: [{style}]{result.summary()}[/]")
        if result.rejected_file:
            err_console.print(f"  [red]file rejected:[/] {escape(result.rejected_file)}")
            exit_code = 1
        if result.received == 0 and not result.rejected_file:
            # a CSV with only its header line, an empty JSON array: nothing stored, as for an
            # empty file (exit 1); a feed that sent no record is worth a look, not a green 0
            err_console.print(
                f"  [yellow]warning:[/] {escape(path.name)} holds no record (only a header "
                f"line, or an empty list): nothing was stored",
                highlight=False,
            )
            exit_code = max(exit_code, 1)
        if result.amended or result.unchanged:
            console.print(
                f"  new {result.new}, amended {result.amended}, already stored {result.unchanged}"
            )
        if result.controls_stored:
            console.print(f"  control results stored: {result.controls_stored}")
        if result.reasons:
            top = ", ".join(f"{code} {n}" for code, n in result.reasons.most_common(6))
            console.print(f"  quarantine reasons: {top}  (see `clearlane quarantine list`)")
        layout = {"unknown_field", "unknown_column", "missing_column"} & set(result.reasons)
        if result.received and not result.stored and not result.rejected_file and layout:
            other = "controls" if kind == "declarations" else "declarations"
            err_console.print(
                f"  [yellow]hint:[/] no record has the {kind} layout; if {escape(path.name)} "
                f"holds {'control results' if other == 'controls' else other}, "
                f"ingest it with --kind {other}",
                highlight=False,
            )
        if not result.reconciles:  # an invariant; if it ever breaks, say so loudly
            err_console.print("[bold red]counts do not reconcile[/]")
            # exit 1: it ran and found something (the README's convention); until mends6
            # (2026-12-05) 3, the code the README gives `score` without a champion
            exit_code = max(exit_code, 1)
    if report is not None:
        payload = [r.as_dict() for r in reports]
        try:
            report.write_text(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2))
        except OSError as exc:  # the files are stored; only the report is missing
            raise fail(f"--report {report}: cannot write ({exc.strerror})") from None
    raise typer.Exit(exit_code)


@quarantine_app.command("list")
def quarantine_list(
    limit: Annotated[int, typer.Option(help="Rows to show (newest first).")] = 50,
    reason: Annotated[str | None, typer.Option(help="Only this reason code.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """Show quarantined records: where each came from and every reason it was refused."""
    from clearlane.store.quarantine import list_quarantine

    rows = list_quarantine(limit=limit, reason=reason)
    if as_json:  # JSON lines: one record per line, as `jq -c` or a log shipper reads them
        for row in rows:
            typer.echo(json.dumps(row, default=str, ensure_ascii=False))
        return
    if not rows:
        console.print("the quarantine is empty" + (f" for reason {reason}" if reason else ""))
        return
    table = Table("id", "location", "reference", "reasons", show_lines=True)
    for row in rows:
        messages = "\n".join(r["message"] for r in row["reasons"] if r["severity"] == "error")
        table.add_row(str(row["id"]), row["location"], row["reference"] or "", messages)
    console.print(table)


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[
        str, typer.Argument(help="Alembic revision to migrate to (default: the newest).")
    ] = "head",
) -> None:
    """Create or migrate the database schema (Alembic)."""
    from alembic.util import CommandError

    from clearlane.store.session import StoreError, get_engine, shown_url, upgrade

    engine = get_engine()
    try:
        before, after = upgrade(engine, revision)
    except StoreError as exc:
        raise fail(str(exc)) from exc
    except CommandError as exc:  # an unknown revision: Alembic's message, without its traceback
        raise fail(f"revision {revision!r}: {exc} (the newest is 'head')") from exc
    url = shown_url(engine.url)
    console.print(f"{escape(url)}: schema {before or 'empty'} -> {after}")


@db_app.command("current")
def db_current() -> None:
    """Print the database URL and its schema revision."""
    from clearlane.store.session import (
        UNREACHABLE,
        connection_error,
        current_revision,
        get_engine,
        head_revision,
        shown_url,
    )

    engine = get_engine()
    try:
        at = current_revision(engine)
    except UNREACHABLE as exc:  # connection refused, no such database, ...
        raise connection_error(engine, exc) from exc
    console.print(
        f"{shown_url(engine.url)}: at {at or 'no schema'}, head is {head_revision(engine)}"
    )


@app.command()
def generate(
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write into.")],
    declarations: Annotated[int, typer.Option(min=1, help="How many declarations.")] = 10_000,
    seed: Annotated[int, typer.Option(help="Same seed, same files.")] = 42,
    start: Annotated[str, typer.Option(help="First declaration date (YYYY-MM-DD).")] = "2025-01-01",
    days: Annotated[int, typer.Option(min=1, help="Length of the period in days.")] = 365,
    over_target_origin: Annotated[
        str | None,
        typer.Option(help="Plant a bias: legacy risk selection over-targets this origin."),
    ] = None,
    over_target_factor: Annotated[
        float, typer.Option(min=0.01, help="Odds multiplier for --over-target-origin.")
    ] = 3.0,
) -> None:
    """Write a synthetic data set with planted fraud (see docs/generator.md)."""
    from clearlane.generate import generate_dataset

    try:
        first = date.fromisoformat(start)
    except ValueError as exc:
        raise fail(f"--start {start!r} is not a date (YYYY-MM-DD)") from exc
    if over_target_origin is not None:
        from clearlane.generate.reference import COUNTRIES

        over_target_origin = over_target_origin.upper()
        if over_target_origin not in COUNTRIES:
            raise fail(
                f"--over-target-origin {over_target_origin!r} is not an origin the generator "
                f"uses; choose one of {', '.join(sorted(COUNTRIES))}"
            )
    if problem := output_dir_problem(out):  # --out is a directory: creating it is the check
        raise fail(f"--out {out}: {problem}")
    try:
        with _bar("[bold]generate") as progress:
            task = progress.add_task("generate", total=declarations)
            summary = generate_dataset(
                declarations=declarations,
                seed=seed,
                out_dir=out,
                start=first,
                days=days,
                over_target_origin=over_target_origin,
                over_target_factor=over_target_factor,
                progress=partial(progress.advance, task),
            )
    except OSError as exc:  # after the check: no permission, disk full
        raise fail(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from exc
    console.print(
        f"wrote {declarations:,} declarations ({summary.goods_items:,} goods items, "
        f"{summary.start} to {summary.end}) to {out}:"
    )
    for name, rows in summary.rows.items():
        console.print(f"  {name}: {rows:,} rows", highlight=False)
    planted = ", ".join(f"{k} {n}" for k, n in summary.fraud_by_mechanism.items() if n)
    console.print(
        f"planted fraud: {summary.fraudulent:,} declarations ({planted or 'none'}); "
        f"controlled {summary.controlled:,} ({summary.random_controls:,} at random), "
        f"{summary.non_compliant:,} found non-compliant; truth in ground_truth.csv",
        highlight=False,
    )


def _load_profile_file(path: Path) -> ProfileSet:
    from clearlane.risk.profiles import ProfileError, load_profiles

    try:
        return load_profiles(path)
    except ProfileError as exc:
        raise fail("\n".join(exc.problems)) from exc
    except OSError as exc:
        raise fail(f"{path}: {exc.strerror or exc}") from exc


@profiles_app.command("check")
def profiles_check(
    path: Annotated[Path, typer.Argument(help="YAML or JSON profile file.")],
) -> None:
    """Validate a profile file without storing it."""
    profiles = _load_profile_file(path)
    console.print(
        f"{escape(str(path))}: {len(profiles)} valid profile(s), set version {profiles.version}"
    )


@profiles_app.command("import")
def profiles_import(
    path: Annotated[Path, typer.Argument(help="YAML or JSON profile file.")],
    by: Annotated[str, typer.Option("--by", help="Who makes the change (audit).")] = "analyst",
    note: Annotated[str | None, typer.Option(help="Why (audit).")] = None,
) -> None:
    """Store new and changed profiles as new versions (a change needs a higher version)."""
    from clearlane.risk.profile_store import save_profiles
    from clearlane.risk.profiles import ProfileError

    profiles = _load_profile_file(path)
    try:
        changes = save_profiles(profiles, changed_by=by, note=note)
    except ProfileError as exc:
        raise fail("\n".join(exc.problems)) from exc
    for change in changes:
        console.print(f"  {escape(change.profile_id)} v{change.version}: {change.action}")


@profiles_app.command("list")
def profiles_list() -> None:
    """The profiles in force (officer view: rationale, not conditions)."""
    from clearlane.risk.profile_store import active_profiles

    profiles = active_profiles()
    if profiles is None:
        console.print("no profiles stored; `clearlane profiles import FILE` adds some")
        return
    table = Table("id", "v", "name", "weight", "mandatory", "valid", "owner", "rationale")
    for p in profiles:
        table.add_row(
            p.id,
            str(p.version),
            p.name,
            f"{p.weight:g}",
            "yes" if p.mandatory_control else "",
            f"{p.valid_from} - {p.valid_to or ''}",
            p.owner,
            p.rationale,
        )
    console.print(table)


@profiles_app.command("retire")
def profiles_retire(
    profile_id: Annotated[
        str, typer.Argument(help="The profile's id, as `clearlane profiles list` shows it.")
    ],
    note: Annotated[str, typer.Option(help="Why it is retired (required, audit).")],
    by: Annotated[str, typer.Option("--by", help="Who retires it (audit).")] = "analyst",
) -> None:
    """Retire a profile (a new version with status retired; history is kept)."""
    from clearlane.errors import DomainError
    from clearlane.risk.profile_store import retire_profile

    try:
        change = retire_profile(profile_id, changed_by=by, note=note)
    except DomainError as exc:  # unknown profile, note too short
        raise fail(exc.message) from exc
    console.print(f"{escape(change.profile_id)} v{change.version}: {change.action}")


# --------------------------------------------------------------------------- analysis


def _analysis_frame(data: Path | None, fmt: str | None) -> pd.DataFrame:
    """The analysis frame of a file (valid records only) or, without --data, of the store."""
    from clearlane.ingest.parse import read_frame
    from clearlane.ingest.readers import FORMATS, FileRejected
    from clearlane.store.frames import load_items_frame

    if fmt is not None and fmt not in FORMATS:
        raise fail(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    if data is None:
        frame = load_items_frame()
        if frame.empty:
            raise fail("the store holds no declarations: ingest some, or pass --data FILE")
        return frame
    if problem := input_problem(data):
        raise fail(f"{data}: {problem}")
    try:
        with err_console.status(f"reading {data.name}"):
            frame = read_frame(data, fmt)
    except (FileRejected, ValueError) as exc:
        raise fail(getattr(exc, "message", str(exc))) from exc
    if frame.empty:
        raise fail(
            f"{data}: no valid declaration in the file (`clearlane ingest {data}` quarantines "
            "each record with its reasons: `clearlane quarantine list` shows them)"
        )
    return frame


def _profiles() -> ProfileSet:
    """Profiles in force from the store, else the shipped starter set."""
    from clearlane.risk.profile_store import active_profiles
    from clearlane.risk.profiles import load_default_profiles

    stored = active_profiles()
    return stored if stored is not None else load_default_profiles()


def _print_table(table: pd.DataFrame, title: str) -> None:
    from clearlane.demo import print_metrics

    print_metrics(console, table, title)


def _print_at_capacity(comparison: Any) -> None:
    from clearlane.demo import print_at_capacity
    from clearlane.learn.evaluate import AT_CAPACITY

    print_at_capacity(console, comparison.tables.get(AT_CAPACITY))


@app.command()
def train(
    data: Annotated[
        Path | None, typer.Option(help="Train from this file instead of the store.")
    ] = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help=FORMAT_HELP)] = None,
    holdout: Annotated[
        float, typer.Option(min=0.05, max=0.5, help="Share of the last days held out.")
    ] = 0.2,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    if_new_results: Annotated[
        bool,
        typer.Option(
            "--schedule",
            "--if-new-results",
            help="For a scheduled run (cron, systemd timer): do nothing unless control results "
            "were recorded since the last training run, and never two runs at once; a skipped "
            "run is audited too.",
        ),
    ] = False,
    facts: Annotated[
        bool | None,
        typer.Option(
            "--facts/--no-facts",
            help="Gather the training rows' facts first, as known when each declaration was "
            "assessed (invoices and transport documents that arrived before its decision or "
            "control result, the HS check of every goods item, trader network), so the engine "
            "learns from them. Default: the setting CLEARLANE_TRAIN_FACTS (on).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Train the risk engine on control results, evaluate it on the latest days, register it.

    Prints the held-out table (engine, rule baseline, plain models, random) and whether the new
    engine became champion. Without a champion, the rules + anomaly fallback is registered and
    promoted first, and the trained engine replaces it only by beating it on the held-out days.
    Then the champion assesses the API submissions still waiting for an engine (those with a
    provisional rules-only answer included: its assessment supersedes that answer).
    """
    if if_new_results and data is None:
        _scheduled_train(fmt=fmt, holdout=holdout, seed=seed, facts=facts)
        return
    _train(data=data, fmt=fmt, holdout=holdout, seed=seed, facts=facts)


def _scheduled_train(*, fmt: str | None, holdout: float, seed: int, facts: bool | None) -> None:
    """`clearlane train --schedule`: one run at a time (a lock file in the data directory;
    a run that finds it held exits 0 and says so), skipped unless new control results were
    recorded since the last training run; every run, skipped or not, is audited."""
    import fcntl

    from clearlane.audit.chain import append
    from clearlane.config import get_settings
    from clearlane.store.session import open_store
    from clearlane.workflows import ENGINE_NAME, default_registry, new_control_results

    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.data_dir / ".train.lock", "a+b") as lock:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            console.print("another scheduled training run is in progress: nothing to do")
            return
        store = open_store()
        fresh = new_control_results(store, default_registry(settings.data_dir))
        if fresh == 0:
            with store() as session, session.begin():
                append(
                    session,
                    kind="model_change",
                    actor="schedule",
                    subject=f"model:{ENGINE_NAME}",
                    payload={"action": "retrain_skipped", "reason": "no new control results"},
                )
            console.print("no control results since the last training run: nothing to do")
            return
        console.print(f"{fresh:,} control result(s) since the last training run")
        _train(data=None, fmt=fmt, holdout=holdout, seed=seed, created_by="schedule", facts=facts)


def _train(
    *,
    data: Path | None,
    fmt: str | None,
    holdout: float,
    seed: int,
    created_by: str = "cli",
    facts: bool | None = None,
) -> None:
    from clearlane.config import get_settings
    from clearlane.risk.errors import RiskError
    from clearlane.store.session import open_store
    from clearlane.workflows import WorkflowError, default_registry, train_and_register

    frame = _analysis_frame(data, fmt)
    if data is None:  # from the store: the recorded P(controlled) weighs the labels (IPW)
        from clearlane.selection.ipw import attach_inclusion_probability

        with open_store()() as session:
            frame = attach_inclusion_probability(frame, session)
    frame = _with_training_facts(frame, facts)
    try:
        with err_console.status("training") as status:
            outcome = train_and_register(
                frame,
                registry=default_registry(get_settings().data_dir),
                profiles=_profiles(),
                holdout_fraction=holdout,
                seed=seed,
                created_by=created_by,
                progress=lambda msg: status.update(msg),
                audit=open_store(),
            )
    except (WorkflowError, RiskError) as exc:
        raise fail(str(exc)) from exc
    comparison = outcome.comparison
    console.print(
        f"trained on {comparison.extras['train_period']}, "
        f"held out {comparison.extras['test_period']}"
    )
    _print_table(comparison.tables["all rows"], "held-out period, all declarations")
    if comparison.novel.any():
        _print_table(comparison.tables["novel rows"], "held-out period, novel declarations")
    _print_at_capacity(comparison)
    for note in outcome.engine.notes:
        console.print(f"[yellow]note:[/] {escape(note)}")
    decision = outcome.decision
    if outcome.fallback is not None:
        console.print(
            f"registered {outcome.fallback.id}: the rules + anomaly fallback champion (no "
            "champion before), fitted to the same cut"
        )
    verdict = "[green]promoted to champion[/]" if decision.promoted else "[yellow]not promoted[/]"
    console.print(f"registered {outcome.version.id}: {verdict} ({escape(decision.reason)})")
    if outcome.champion_comparison:
        console.print(f"compared with the champion: {escape(str(outcome.champion_comparison))}")
    if outcome.compiling is not None:
        console.print(
            f"compiling its boosters to machine code in the background (process "
            f"{outcome.compiling.pid}); servers and `clearlane score` use them once ready"
        )
    if decision.promoted:
        _assess_waiting_submissions(outcome.engine)
    elif outcome.fallback is not None:
        from clearlane.workflows import load_champion

        engine, champion = load_champion(default_registry(get_settings().data_dir))
        console.print(f"the champion is {champion.id}")
        _assess_waiting_submissions(engine)


def _assess_waiting_submissions(engine: RiskEngine) -> None:
    """Declarations submitted through the API while no engine was trained were stored
    ``pending`` (with at most a provisional rules-only answer): the new champion assesses and
    routes them now (file-loaded history is left alone: it is training data, not traffic to
    route)."""
    from clearlane.api.scoring import draw_key
    from clearlane.intake import API_SOURCE, assess_pending
    from clearlane.store.session import open_store

    with err_console.status("assessing submissions that waited for an engine"):
        done = assess_pending(
            engine=engine,
            key=draw_key(),
            session_factory=open_store(),
            profiles=_profiles(),
            source_prefix=API_SOURCE,
        )
    if done:
        console.print(f"assessed and routed {done:,} submission(s) that were waiting for an engine")


# Which declarations of a batch get their reasons when scored, in --help's order: the values
# of clearlane.workflows.ReasonsFor (written here so the CLI starts without importing it;
# mypy checks each is one of them where --reasons is passed on).
ReasonsChoice = Literal["flagged", "all", "none"]


@app.command()
def score(
    data: Annotated[
        Path | None,
        typer.Option(help="Declarations to score (default: the store's declarations of --day)."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Also write the scores here (CSV).")
    ] = None,
    day: Annotated[
        str | None,
        typer.Option(
            help="Without --data: the declaration day to score (default: the latest).",
            callback=lambda value: _iso_day(value, "--day"),
        ),
    ] = None,
    record: Annotated[
        bool,
        typer.Option(
            "--record/--no-record",
            help="Store the assessments (score, reasons, lane) and write them to the audit trail.",
        ),
    ] = True,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help=FORMAT_HELP)] = None,
    red: Annotated[
        float, typer.Option(min=0, max=1, help="Red capacity, share per office-day.")
    ] = 0.05,
    yellow: Annotated[float, typer.Option(min=0, max=1, help="Yellow capacity share.")] = 0.10,
    random_share: Annotated[
        float, typer.Option(min=0, max=1, help="Share of capacity for random controls.")
    ] = 0.10,
    exploration: Annotated[
        float,
        typer.Option(
            min=0,
            max=1,
            help="Share of the red capacity for exploration (the declarations the model "
            "knows least about, drawn with a recorded probability).",
        ),
    ] = 0.0,
    seed: Annotated[
        int | None,
        typer.Option(
            help="Seed of the random controls (reproducible runs); by default they are keyed "
            "by a secret per day derived from the secret key, and the draw id is stored."
        ),
    ] = None,
    fit_fallback: Annotated[
        bool,
        typer.Option(
            "--fit-fallback",
            help="When no champion is registered, fit the rules + anomaly fallback champion "
            "on the stored declarations first (registered, promoted and audited, as "
            "`clearlane train` does on a first run) and score with it. Without it, no "
            f"champion is an error (exit code {NO_CHAMPION_EXIT}).",
        ),
    ] = False,
    facts: Annotated[
        bool | None,
        typer.Option(
            "--facts/--no-facts",
            help="Gather each declaration's facts first, as a submission does: the HS check of "
            "every goods item (stored once per description and code), invoices, transport "
            "documents, trader network. Default: the setting CLEARLANE_BATCH_FACTS (on); "
            "--no-facts for huge batches (no fact and no HS reason then).",
            show_default=False,
        ),
    ] = None,
    reasons: Annotated[
        ReasonsChoice,
        typer.Option(
            "--reasons",
            help="Which declarations get their reasons now: flagged (routed yellow, red or "
            "blue; a green one's reasons are computed when an officer opens it), all, or none "
            "(every declaration's reasons on opening).",
        ),
    ] = "flagged",
) -> None:
    """Score declarations with the registered champion engine and route them to lanes under
    capacity.

    The champion is the engine `clearlane train` registered and promoted. With no champion the
    command fits nothing on its own: it stops with exit code 3 and says to run `clearlane
    train`, unless --fit-fallback asks it to fit the rules + anomaly fallback champion first.

    Writes one row per declaration: reference, score, lane, selection reason, the score's
    components (rules, anomaly, model), expected revenue, the profiles that hit, the top
    reason and the reasons behind the score (a JSON list per row, see docs/explanations.md).
    With --record (the default) every assessment is stored and audited, so officers find it
    in the queue; declarations scored from a file that were never ingested are audited with
    no input hash.
    """
    from pydantic import ValidationError

    from clearlane.config import get_settings
    from clearlane.learn.registry import ModelIntegrityError
    from clearlane.selection import Capacity, LaneCapacity, SelectionPolicy
    from clearlane.store.session import open_store
    from clearlane.workflows import (
        ENGINE_NAME,
        WorkflowError,
        default_registry,
        ensure_champion,
        lane_summary,
        load_champion,
        reconcile_promotions,
        score_and_route,
    )

    if out is not None and out.is_dir():  # its folder is created; a folder in its place is not
        raise fail(f"--out {out}: is a directory, not a file to write")
    registry = default_registry(get_settings().data_dir)
    # a promotion a crash left half done is repaired first (no model: the store is not opened)
    for repaired in reconcile_promotions(registry, open_store()) if registry.names() else []:
        err_console.print(f"[yellow]{escape(str(repaired))}[/]")
    if registry.champion(ENGINE_NAME) is None and not fit_fallback:
        raise fail(NO_CHAMPION, NO_CHAMPION_EXIT)
    frame = _analysis_frame(data, fmt) if data is not None else _store_day(day)
    try:
        if fit_fallback:
            engine, version = ensure_champion(
                registry, session_factory=open_store(), profiles=_profiles(), created_by="cli"
            )
        else:
            engine, version = load_champion(registry)
        policy = SelectionPolicy(
            capacity=LaneCapacity(
                red=Capacity(share=red), yellow=Capacity(share=yellow), exploration=exploration
            ),
            random_share=random_share,
            seed=seed,
        )
        frame = _with_batch_facts(frame, facts, engine.builder.fact_columns)
        routed = score_and_route(
            frame, engine=engine, profiles=_profiles(), policy=policy,
            reasons=reasons,
        )  # fmt: skip
    except ValidationError as exc:
        raise fail(f"capacity: {exc.errors()[0]['msg']}") from exc
    except (WorkflowError, ModelIntegrityError) as exc:
        raise fail(str(exc)) from exc
    console.print(f"scored {len(routed):,} declarations with {version.id}")
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        from clearlane.core.csvsafe import write_frame

        written = routed.assign(
            # not computed (--reasons flagged: a green row's; none): an empty cell
            reasons=routed["reasons"].map(
                lambda r: "" if r is None else json.dumps(r, default=str)
            ),
            routing=routed["routing"].map(lambda r: json.dumps(r, default=str)),
        )
        write_frame(written, out)  # no formulas for spreadsheets, a \r quoted
        console.print(f"wrote {escape(str(out))}")
    if record:
        from sqlalchemy import func, select

        from clearlane.oversight import record_assessments
        from clearlane.store.session import open_store
        from clearlane.store.tables import AssessmentRow

        with open_store()() as session, session.begin():
            before = session.scalar(select(func.max(AssessmentRow.id))) or 0
            ids = record_assessments(session, routed=routed, actor=f"engine:{version.id}")
        stored = sum(1 for i in set(ids) if i > before)
        console.print(f"stored {stored:,} assessments and their audit entries")
        if stored < len(routed):
            console.print(
                f"{len(routed) - stored:,} declaration(s) already assessed by {version.id}: "
                "not stored twice"
            )
            if reasons == "all":
                _say_deferred_kept({i for i in ids if i <= before}, out)
    commonest = _commonest_top_reason(routed)
    table = Table("lane / reason", "declarations", "commonest top reason")
    for key, n in sorted(lane_summary(routed).items()):
        table.add_row(key, f"{n:,}", commonest.get(key, ""))
    console.print(table)
    riskiest = Table("reference", "score", "lane", "top reason", title="highest scores")
    for row in routed.head(10).itertuples():
        riskiest.add_row(str(row.reference), f"{row.score:.3f}", str(row.lane), str(row.top_reason))
    console.print(riskiest)


#: A batch with more HS checks to compute than this shows a progress bar (a few seconds).
FACTS_PROGRESS_FROM = 1_000


def _with_batch_facts(
    frame: pd.DataFrame, facts: bool | None, learned: list[str] | None = None
) -> pd.DataFrame:
    """``frame`` with the facts a submission gets (:func:`clearlane.features.facts.batch_facts`)
    unless ``facts`` is False (None: the setting ``batch_facts``); prints what it cost, and a
    warning when the engine ``learned`` from fact columns that are then missing."""
    from clearlane.config import get_settings
    from clearlane.features.facts import BatchFacts, batch_facts
    from clearlane.store.session import open_store

    if not (get_settings().batch_facts if facts is None else facts):
        err_console.print(BatchFacts(skipped=True).summary())  # stderr: stdout is results
        if learned:
            err_console.print(
                f"[yellow]warning:[/] the champion learned from facts ({', '.join(learned)}); "
                "scored without them, each is missing, which a model trained on checked rows "
                "may read as a discrepancy: score with facts unless the batch is too large"
            )
        return frame
    with _facts_progress() as tick:
        frame, stats = batch_facts(frame, open_store(), progress=tick)
    err_console.print(stats.summary())  # what it cost, beside the progress bar
    return frame


def _with_training_facts(frame: pd.DataFrame, facts: bool | None) -> pd.DataFrame:
    """``frame`` with its rows' facts as known when each declaration was assessed
    (:func:`clearlane.features.facts.batch_facts`, ``as_assessed``) unless ``facts`` is False
    (None: the setting ``train_facts``); prints what it cost."""
    from clearlane.config import get_settings
    from clearlane.features.facts import BatchFacts, batch_facts
    from clearlane.store.session import open_store

    if not (get_settings().train_facts if facts is None else facts):
        err_console.print(BatchFacts(skipped=True).summary())  # stderr: stdout is results
        return frame
    with _facts_progress() as tick:
        frame, stats = batch_facts(frame, open_store(), progress=tick, as_assessed=True)
    err_console.print(stats.summary())  # what it cost, beside the progress bar
    return frame


@contextmanager
def _facts_progress() -> Iterator[Callable[[int, int], None]]:
    """A Rich progress bar of the HS checks, shown once there are more than
    FACTS_PROGRESS_FROM of them to compute (on a terminal; otherwise nothing)."""
    bar = _bar("[bold]HS check of the goods descriptions", MofNCompleteColumn())
    task: list[Any] = []

    def tick(done: int, total: int) -> None:
        if total <= FACTS_PROGRESS_FROM:
            return
        if not task:
            bar.start()
            task.append(bar.add_task("hs", total=total))
        bar.update(task[0], completed=done)

    try:
        yield tick
    finally:
        if task:
            bar.stop()


def _store_day(day: str | None) -> pd.DataFrame:
    """The store's declarations of one day (default: the latest day), without their labels:
    they are being scored, so their control results are not known yet."""
    import numpy as np
    from sqlalchemy import func, select

    from clearlane.store.frames import load_items_frame
    from clearlane.store.session import open_store
    from clearlane.store.tables import DeclarationRow

    store = open_store()
    if day is None:
        with store() as session:
            latest = session.scalar(select(func.max(DeclarationRow.declaration_date)))
        if latest is None:
            raise fail("the store holds no declarations: ingest some, or pass --data FILE")
        chosen = latest
    else:
        try:
            chosen = date.fromisoformat(day)
        except ValueError as exc:
            raise fail(f"--day {day!r}: {exc}") from exc
    frame = load_items_frame(session_factory=store, start=chosen, end=chosen)
    if frame.empty:
        raise fail(f"the store holds no declarations of {chosen}")
    for column, value in (("controlled", 0), ("fraud", np.nan), ("critical", np.nan)):
        if column in frame:
            frame[column] = value
    return frame


def _say_deferred_kept(ids: set[int], out: Path | None) -> None:
    """Say how many of the assessments ``--reasons all`` found stored already hold no reasons
    (scored earlier with ``--reasons flagged``), and that they stay so: an assessment is
    audited as stored (its audit entry holds its reasons, none), so it is neither rewritten
    nor stored again; its reasons are computed when an officer opens it, as before. This
    run's reasons for them are in ``out``, when given."""
    from sqlalchemy import select

    from clearlane.oversight.assessments import REASONS_DEFERRED
    from clearlane.store.session import open_store
    from clearlane.store.tables import AssessmentRow

    kept, chunk = 0, 1000
    ordered = sorted(ids)
    with open_store()() as session:
        for start in range(0, len(ordered), chunk):
            components = session.scalars(
                select(AssessmentRow.components).where(
                    AssessmentRow.id.in_(ordered[start : start + chunk])
                )
            )
            kept += sum(1 for c in components if (c or {}).get(REASONS_DEFERRED))
    if kept:
        console.print(
            f"{kept:,} of them stored without their reasons (scored with --reasons flagged): "
            "kept as audited, not filled in; their reasons are computed when an officer opens "
            + (f"them (this run's are in {out})" if out else "them (--out FILE writes this run's)")
        )


def _commonest_top_reason(routed: pd.DataFrame) -> dict[str, str]:
    """Per "lane/selection reason", the commonest code of the declarations' top reasons."""
    keys = routed["lane"].astype(str) + "/" + routed["selection_reason"].fillna("-").astype(str)
    codes = routed["reasons"].map(lambda r: r[0]["code"] if r else "")
    out: dict[str, str] = {}
    for key, group in codes.groupby(keys):
        counts = group[group != ""].value_counts()
        if len(counts):
            out[str(key)] = f"{counts.index[0]} ({int(counts.iloc[0]):,})"
    return out


@app.command()
def evaluate(
    report: Annotated[Path, typer.Option(help="Directory for report.json and report.html.")],
    data: Annotated[
        Path | None, typer.Option(help="Evaluate on this file instead of the store.")
    ] = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help=FORMAT_HELP)] = None,
    holdout: Annotated[
        float, typer.Option(min=0.05, max=0.5, help="Share of the last days held out.")
    ] = 0.2,
    rolling: Annotated[bool, typer.Option(help="Also run the rolling monthly backtest.")] = True,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
) -> None:
    """Temporal evaluation: engine vs rule baseline vs plain models vs random, at k = 1-10 %.

    Trains on the past, tests on later periods (a holdout of the last days and, with
    --rolling, every later month in turn); writes JSON and a self-contained HTML report.
    """
    from clearlane.features import reuse_history
    from clearlane.learn import backtest, compare, write_report
    from clearlane.risk.errors import RiskError
    from clearlane.workflows import WorkflowError, temporal_split

    if problem := output_dir_problem(report):  # before the work, not at its last step
        raise fail(f"--report {report}: {problem}")
    if data is not None and (problem := input_problem(data)):
        raise fail(f"--data {data}: {problem}")
    with _stages("loading the analysis frame") as say:
        frame = _analysis_frame(data, fmt)
        profiles = _profiles()
        try:
            train_part, test_part = temporal_split(frame, holdout)
            # Every training set below is a date prefix of the frame: fit its running peer
            # quantiles once and reuse them (the same numbers).
            with reuse_history(frame):
                comparison = compare(
                    train_part,
                    test_part,
                    profiles=profiles,
                    seed=seed,
                    progress=lambda msg: say(f"held-out period: {msg}"),
                )
                rolled = None
                if rolling:
                    rolled = backtest(
                        frame,
                        profiles=profiles,
                        seed=seed,
                        progress=lambda msg: say(f"backtest: {msg}"),
                    )
        except (WorkflowError, RiskError) as exc:
            raise fail(str(exc)) from exc
        say("writing the report")
        json_path, html_path = write_report(comparison, report, backtest=rolled)
    _print_table(comparison.tables["all rows"], "held-out period, all declarations")
    if comparison.novel.any():
        _print_table(comparison.tables["novel rows"], "held-out period, novel declarations")
    _print_at_capacity(comparison)
    console.print(f"wrote {escape(str(json_path))} and {escape(str(html_path))}")


@app.command()
def fairness(
    by: Annotated[
        str,
        typer.Option(
            help="origin | importer_size | office | hs_chapter | transport_mode | declarant | "
            "importer | dispatch, or any column of the analysis frame."
        ),
    ] = "origin",
    data: Annotated[
        Path | None,
        typer.Option("--data", help="Audit this declaration file instead of the store."),
    ] = None,
    controls: Annotated[
        Path | None, typer.Option(help="Control results for --data (csv/jsonl/json).")
    ] = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help=FORMAT_HELP)] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Directory for the JSON and HTML (default DATA_DIR/reports)."
        ),
    ] = None,
    confidence: Annotated[
        float, typer.Option(min=0.5, max=0.999, help="Level of the confidence intervals.")
    ] = 0.95,
    min_group: Annotated[
        int, typer.Option(min=1, help="Smaller groups are reported, never flagged.")
    ] = 200,
    fail_on_flag: Annotated[
        bool, typer.Option(help="Exit with code 1 when a group is flagged (for CI).")
    ] = False,
    declarations: Annotated[
        Path | None, typer.Option("--declarations", hidden=True)  # the old name of --data
    ] = None,
) -> None:
    """Bias audit: selection and hit rates per group, with intervals; flags groups selected
    markedly more often than the rest without a correspondingly higher hit rate.

    Flags are findings, not errors: the exit code is 0 unless --fail-on-flag. See
    docs/fairness.md for the rule and its limits.
    """
    from clearlane.config import get_settings
    from clearlane.fairness import (
        FairnessError,
        check_grouping,
        fairness_report,
        write_fairness_report,
    )
    from clearlane.ingest.parse import read_frame
    from clearlane.ingest.readers import FORMATS, FileRejected
    from clearlane.store.frames import load_items_frame

    if declarations is not None:  # the old name of --data: still read, with a warning
        if data is not None:
            raise fail("--declarations is the old name of --data: give one of them")
        err_console.print("warning: --declarations is deprecated; use --data (the same file)")
        data = declarations
    try:
        check_grouping(by)  # before reading: a typo should not wait for a large file
    except FairnessError as exc:
        raise fail(str(exc)) from exc
    if out is not None and (problem := output_dir_problem(out)):
        raise fail(f"--out {out}: {problem}")
    if fmt is not None and fmt not in FORMATS:
        raise fail(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    if data is None:
        if controls is not None:
            raise fail("--controls needs --data (the store has its own control results)")
        frame = load_items_frame()
        if frame.empty:
            raise fail("the store holds no declarations: ingest some, or pass --data FILE")
    else:
        for path in (data, controls):
            if path is not None and (problem := input_problem(path)):
                raise fail(f"{path}: {problem}")
        try:
            with err_console.status(f"reading {data.name}"):
                frame = read_frame(data, fmt, controls=controls)
        except (FileRejected, ValueError) as exc:
            raise fail(getattr(exc, "message", str(exc))) from exc
    try:
        report = fairness_report(frame, by=by, confidence=confidence, min_group=min_group)
    except FairnessError as exc:
        raise fail(str(exc)) from exc
    json_path, html_path = write_fairness_report(report, out or get_settings().data_dir / "reports")
    from rich import box

    table = Table(
        title=f"bias audit by {by}: ratios to the rest ({100 * confidence:g}% interval)",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column(by, overflow="fold", max_width=18)
    for header in ("decl.", "ctrl", "sel. / rest", "hits", "hit / rest"):
        table.add_column(header, justify="right")
    wide = console.width >= 100
    if wide:
        table.add_column("sel. rate", justify="right")
        table.add_column("random (hits)", justify="right")
    table.add_column("", no_wrap=True, min_width=5)

    def ratio(row: pd.Series, column: str) -> str:
        if row[column] != row[column]:  # nan: nothing to compare
            return "-"
        return f"{row[column]:.2f} ({row[column + '_low']:.2f}-{row[column + '_high']:.2f})"

    for name, row in report.table.iterrows():
        cells = [
            str(name),
            f"{row['declarations']:,}",
            f"{row['controlled']:,}",
            ratio(row, "selection_vs_rest"),
            f"{row['hits']:,}",
            ratio(row, "hit_vs_rest"),
        ]
        if wide:
            cells.append(f"{row['selection_rate']:.1%}")
            cells.append(f"{row['random_controls']:,} ({row['random_hits']:,})")
        cells.append("[bold red]FLAG[/]" if row["flagged"] else ("small" if row["small"] else ""))
        table.add_row(*cells, style="bold" if row["flagged"] else None)
    console.print(table)
    for note in report.notes:
        console.print(f"[yellow]note:[/] {escape(note)}")
    if report.flagged:
        console.print(f"[bold red]flagged:[/] {escape(', '.join(report.flagged))}")
        for name, reason in report.table.loc[report.table["flagged"], "reason"].items():
            console.print(f"  {escape(str(name))}: {escape(str(reason))}")
    else:
        console.print("no group flagged")
    console.print(f"wrote {escape(str(json_path))} and {escape(str(html_path))}")
    if fail_on_flag and report.flagged:
        raise typer.Exit(1)


@app.command()
def demo(
    declarations: Annotated[int, typer.Option(min=100, help="Declarations to generate.")] = 20_000,
    seed: Annotated[int, typer.Option(help="Seed of the synthetic data.")] = 42,
    serve_after: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Start the web UI and API at the end.")
    ] = True,
    host: Annotated[str, typer.Option(help="Interface for the server.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port for the server.")] = 8000,
    facts: Annotated[
        bool | None,
        typer.Option(
            "--facts/--no-facts",
            help="Gather the facts of the training history (as known when each declaration "
            "was assessed) and of the scored day (HS check of every goods item...), as "
            "`clearlane train` and a submission do. Default: the settings CLEARLANE_TRAIN_FACTS "
            "and CLEARLANE_BATCH_FACTS (on).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Run the main job end to end on the embedded store: generate, ingest, train, score and
    route a day (with the facts a submission gets: the HS check of every goods item...), store
    the assessments in the audit trail; then start the server with a demo user for every
    role."""
    from clearlane.config import get_settings
    from clearlane.demo import ensure_demo_users, print_sign_ins, run_demo
    from clearlane.store.session import open_store

    settings = get_settings()
    console.print(f"[bold]ClearLane demo[/] - store: {escape(settings.effective_database_url)}")
    store = open_store()
    result = run_demo(
        console=console,
        data_dir=settings.data_dir,
        session_factory=store,
        declarations=declarations,
        seed=seed,
        facts=settings.batch_facts if facts is None else facts,
        train_facts=settings.train_facts if facts is None else facts,
    )
    console.rule("[bold]9. Web UI and API")
    users = ensure_demo_users(store, organisation=result.get("trader_organisation"))
    url = f"http://{host}:{port}/"
    print_sign_ins(console, users, url)
    if not serve_after:
        console.print(f"  start the server with `clearlane serve --port {port}`")
        return
    serve(host=host, port=port, workers=1)


@audit_app.command("verify")
def audit_verify(
    head: Annotated[
        str | None,
        typer.Option(help="A head hash published earlier: check that it is still in the chain."),
    ] = None,
) -> None:
    """Walk the whole chain; report the first entry altered, deleted, inserted or reordered.
    Then compare each model's champion in the trail (its last audited promotion) with the
    model registry's, and report where they differ.

    Exits 0 when the chain is intact and the champions agree (an empty trail is intact), 1
    otherwise.
    """
    from clearlane.audit import verify
    from clearlane.config import get_settings
    from clearlane.oversight.models import reconcile_champions
    from clearlane.store.session import StoreError, open_store
    from clearlane.workflows import default_registry

    if head is not None and (len(head) != 64 or any(c not in "0123456789abcdef" for c in head)):
        raise fail(f"--head {head!r} is not a SHA-256 hash (64 lower-case hex characters)")
    from clearlane.audit.chain import AuditError

    # no registry here (a third party verifying the store's chain, or another host): the
    # champions are not compared, and it says so; until reviewm5 (2026-12-05) each audited
    # promotion was a "champion mismatch" (exit 1) on an intact chain
    models = get_settings().data_dir / "models"
    registry = default_registry(models.parent) if models.is_dir() else None
    try:
        with open_store()() as session, err_console.status("verifying the audit trail"):
            verdict = verify(session, head_hash=head)
            mismatches = reconcile_champions(session, registry) if registry else []
    except (StoreError, AuditError) as exc:
        raise fail(str(exc)) from exc
    if verdict.ok:
        console.print(f"[green]{verdict.summary()}[/]")
    else:
        err_console.print(f"[bold red]{verdict.summary()}[/]")
    if registry is None:
        console.print(
            f"champions not compared: no model registry at {models} (set CLEARLANE_DATA_DIR "
            "to the server's data directory to compare them)"
        )
    for mismatch in mismatches:
        err_console.print(f"[bold red]champion mismatch: {escape(str(mismatch))}[/]")
    if not verdict.ok or mismatches:
        raise typer.Exit(1)


@audit_app.command("head")
def audit_head() -> None:
    """Print the current head (sequence number and hash) to publish or hand to a third party."""
    from clearlane.audit import head
    from clearlane.audit.chain import AuditError
    from clearlane.store.session import open_store

    try:
        with open_store()() as session:
            seq, digest = head(session)
    except AuditError as exc:
        raise fail(f"{exc}: run `clearlane audit verify`", 1) from exc
    console.print(f"{seq} {digest}")


@audit_app.command("show")
def audit_show(
    subject: Annotated[
        str | None, typer.Option(help="Only entries about this subject, e.g. declaration:REF.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option(help="Only entries of this kind (assessment, decision, ...).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many entries.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (with payloads).")] = False,
) -> None:
    """Show the newest entries (or one subject's timeline, oldest first)."""
    from clearlane.audit import UnknownAuditKind, entries, trail
    from clearlane.audit.chain import check_kind
    from clearlane.store.session import open_store

    if kind:
        try:
            check_kind(kind)
        except UnknownAuditKind as exc:
            raise fail(str(exc), 2) from exc
    with open_store()() as session:
        rows = (
            trail(session, subject=subject, limit=limit)
            if subject
            else entries(session, kind=kind, limit=limit)
        )
    if as_json:
        console.print_json(json.dumps(rows, default=str))
        return
    if kind:
        rows = [row for row in rows if row["kind"] == kind]
    if not rows:
        shown = " ".join(f"--{k} {v}" for k, v in (("subject", subject), ("kind", kind)) if v)
        console.print(
            f"no audit entry matches {escape(shown)}" if shown else "the audit trail is empty"
        )
        return
    table = Table("seq", "recorded at", "kind", "actor", "subject", "hash")
    for row in rows:
        table.add_row(
            str(row["seq"]),
            row["recorded_at"][:19],
            row["kind"],
            row["actor"],
            row["subject"],
            row["hash"][:16],
        )
    console.print(table)


@app.command()
def kpis(
    since: Annotated[str | None, typer.Option(help="First declaration day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last declaration day (YYYY-MM-DD).")] = None,
    office: Annotated[str | None, typer.Option(help="Only this office.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Targeting and oversight KPIs from the stored assessments, decisions and control results:
    inspection rate, hit rate by lane and selection reason, revenue, override rate and its hit
    rate, score drift."""
    from clearlane.oversight.kpis import targeting_kpis
    from clearlane.store.session import open_store

    first = _date_option(since, "--since")
    last = _date_option(until, "--until")
    if first and last and first > last:
        raise fail(f"--since {since} is after --until {until}")
    with open_store()() as session:
        result = targeting_kpis(session, since=first, until=last, office=office)
    if as_json:
        console.print_json(json.dumps(result, default=str))
        return
    if not result["assessed"]:
        filters = " ".join(
            f"{name} {value}"
            for name, value in (("--since", since), ("--until", until), ("--office", office))
            if value
        )
        if filters:  # the store may hold assessments, only none that match
            console.print(f"no stored assessment matches {escape(filters)}")
        else:
            console.print("no stored assessments yet: run `clearlane score` first")
        return

    def pct(value: object) -> str:
        return "-" if value is None else f"{float(value):.1%}"  # type: ignore[arg-type]

    table = Table("KPI", "value")
    table.add_row("declarations assessed", f"{result['assessed']:,}")
    table.add_row("controlled (result known)", f"{result['controlled']:,}")
    table.add_row("inspection rate", pct(result["inspection_rate"]))
    table.add_row("hit rate", pct(result["hit_rate"]["rate"]))
    for lane, r in result["by_lane"].items():
        table.add_row(f"hit rate, lane {lane}", f"{pct(r['rate'])} of {r['n']:,}")
    for reason, r in result["by_selection_reason"].items():
        table.add_row(f"hit rate, selected by {reason}", f"{pct(r['rate'])} of {r['n']:,}")
    for key, label in (("random_controls", "random controls"), ("all_controls", "all controls")):
        u = result["unbiased"][key]
        if u["rate"] is not None:
            table.add_row(
                f"non-compliance, IPW from {label}",
                f"{pct(u['rate'])} [{pct(u['low'])}, {pct(u['high'])}] from {u['n']:,}",
            )
    table.add_row("revenue recovered", f"{result['revenue_recovered']:,.2f}")
    o = result["overrides"]
    table.add_row("officer decisions", f"{o['decisions']:,}")
    table.add_row("override rate", pct(o["override_rate"]))
    table.add_row("hit rate, engine's controls", pct(o["hit_rate_engine"]["rate"]))
    table.add_row("hit rate, officers' overrides", pct(o["hit_rate_overrides"]["rate"]))
    psi = result["drift_psi"]
    table.add_row("score drift (PSI, last 7 days)", "-" if psi is None else f"{psi:.3f}")
    console.print(table)


@user_app.command("add")
def user_add(
    username: Annotated[str, typer.Argument(help="Sign-in name (no spaces).")],
    role: Annotated[
        str,
        typer.Option(
            help="trader | officer | analyst | supervisor | auditor | admin",
            callback=lambda value: _known_role(value),  # refused before the password is asked
        ),
    ],
    organisation: Annotated[
        str | None,
        typer.Option(help="For traders: the trader id / EORI whose declarations they see."),
    ] = None,
    full_name: Annotated[
        str | None, typer.Option(help="Shown in the UI and the audit trail.")
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Add a user with an argon2-hashed password (asked for twice unless --password-stdin)."""
    import sys

    from clearlane.store.session import open_store
    from clearlane.users import UserError, create_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        _need_a_terminal()
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    try:
        with open_store()() as session, session.begin():
            create_user(
                session,
                username=username,
                password=password,
                role=role,
                organisation=organisation,
                full_name=full_name,
            )
    except (UserError, ValueError) as exc:
        raise fail(str(exc)) from exc
    console.print(
        f"added {role} {escape(repr(username))}"
        + (f" for {escape(organisation)}" if organisation else "")
    )


@user_app.command("list")
def user_list() -> None:
    """List the users (never their passwords)."""
    from sqlalchemy import select

    from clearlane.store.session import open_store
    from clearlane.store.tables import UserRow

    table = Table("username", "role", "organisation", "name", "active")
    with open_store()() as session:
        for row in session.scalars(select(UserRow).order_by(UserRow.username)):
            table.add_row(
                row.username, row.role, row.organisation or "", row.full_name or "", str(row.active)
            )
    console.print(table)


def _read_new_password(password_stdin: bool) -> str:
    import sys

    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    _need_a_terminal()
    return str(typer.prompt("new password", hide_input=True, confirmation_prompt=True))


def _need_a_terminal() -> None:
    """A password is asked on a terminal; with none (a script, a pipe, cron), getpass warned
    'input may be echoed' and Click printed 'Aborted.': say how to pass it instead."""
    import sys

    if not sys.stdin.isatty():
        raise fail(
            "no terminal to ask the password on: pipe it in with --password-stdin "
            "(e.g. printf '%s\\n' \"$PASSWORD\" | clearlane user ... --password-stdin)"
        )


@user_app.command("password")
def user_password(
    username: Annotated[str, typer.Argument(help="The user whose password changes.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Set a new password; every session and token of the user ends at once."""
    from clearlane.store.session import open_store
    from clearlane.users import UserError, get_user, set_password

    try:
        with open_store()() as session:
            get_user(session, username)  # a wrong name is refused before asking
        password = _read_new_password(password_stdin)
        with open_store()() as session, session.begin():
            set_password(session, username=username, password=password, changed_by="cli")
    except UserError as exc:
        raise fail(str(exc)) from exc
    console.print(f"password of {escape(repr(username))} changed; their sessions have ended")


def _set_active(username: str, active: bool) -> None:
    from clearlane.store.session import open_store
    from clearlane.users import UserError, set_active

    try:
        with open_store()() as session, session.begin():
            set_active(session, username=username, active=active, changed_by="cli")
    except UserError as exc:
        raise fail(str(exc)) from exc


@user_app.command("disable")
def user_disable(username: Annotated[str, typer.Argument(help="The user to disable.")]) -> None:
    """Disable a user: they cannot sign in, and their sessions and tokens end at once."""
    _set_active(username, False)
    console.print(f"disabled {escape(repr(username))}; their sessions have ended")


@user_app.command("enable")
def user_enable(username: Annotated[str, typer.Argument(help="The user to enable.")]) -> None:
    """Enable a disabled user again (they sign in anew)."""
    _set_active(username, True)
    console.print(f"enabled {escape(repr(username))}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Worker processes (one core each; alerts reach every worker's streams "
            "through the store).",
        ),
    ] = 1,
) -> None:
    """Run the REST API and the web UI (OpenAPI docs at /docs)."""
    from clearlane.api.security import secret_key
    from clearlane.api.server import run_server
    from clearlane.store.session import StoreError, open_store

    # Once here, before the workers start: they would otherwise race to migrate a new store
    # and to create the secret key.
    try:
        open_store()
    except StoreError as exc:
        raise fail(str(exc)) from exc
    secret_key()
    _fallback_before_serving()
    console.print(f"ClearLane on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
    try:
        run_server(host=host, port=port, workers=workers)
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def _fallback_before_serving() -> None:
    """Without a champion, register the rules + anomaly fallback on the store's declarations
    now, once, before the workers start, rather than in the first submission's request
    (:func:`clearlane.workflows.ensure_champion`). An empty store has nothing to fit it on:
    the first submission fits it then, on what it stored."""
    from clearlane.config import get_settings
    from clearlane.learn.registry import ModelIntegrityError
    from clearlane.store.session import open_store
    from clearlane.workflows import ENGINE_NAME, WorkflowError, default_registry, ensure_champion

    registry = default_registry(get_settings().data_dir)
    try:
        if registry.champion(ENGINE_NAME) is not None:
            return
        with err_console.status("no champion: fitting the rules + anomaly fallback champion"):
            _, version = ensure_champion(
                registry,
                session_factory=open_store(),
                profiles=_profiles(),
                created_by="system:fallback",
            )
    except WorkflowError:
        console.print(
            "no champion and no stored declaration: the first submission fits the rules + "
            "anomaly fallback champion"
        )
        return
    except ModelIntegrityError as exc:  # the API reports it per request; serve anyway
        err_console.print(f"[yellow]warning:[/] {escape(str(exc))}")
        return
    console.print(f"no champion: {version.id}, the rules + anomaly fallback, now serves")


# --------------------------------------------------------------------------- sharing


def _iso_day(value: str | None, option: str) -> str | None:
    """Option callback: refuse a malformed date while parsing, before any work or import."""
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None
    return value


def _known_role(value: str) -> str:
    from clearlane.api.permissions import Role

    roles = [r.value for r in Role]
    if value not in roles:
        raise typer.BadParameter(f"{value!r} is not a role: use one of {', '.join(roles)}")
    return value


def _date_option(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise fail(f"{option} {value!r} is not a date (YYYY-MM-DD)") from exc


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write into.")],
    pseudonymise: Annotated[
        bool,
        typer.Option(
            "--pseudonymise",
            help="Replace trader and shipment identifiers by keyed tokens and remove personal "
            "data (needs a key: $CLEARLANE_PSEUDONYMISATION_KEY or --key-file).",
        ),
    ] = False,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain", help="Export as stored, personal data included (only inside the admin)."
        ),
    ] = False,
    key_file: Annotated[
        Path | None,
        typer.Option("--key-file", help="File holding the key (overrides the environment)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="First declaration date (YYYY-MM-DD), inclusive.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Last declaration date (YYYY-MM-DD), inclusive.")
    ] = None,
    keep_attribute: Annotated[
        list[str] | None,
        typer.Option(
            "--keep-attribute",
            help="Also keep this source-specific attribute (repeatable); the KCS code "
            "attributes are kept, any other is removed.",
        ),
    ] = None,
) -> None:
    """Write declarations and control results for another administration or a research partner.

    Writes declarations.jsonl, controls.jsonl (ClearLane's own formats, so `clearlane ingest`
    and read_frame take them back) and manifest.json. See docs/export.md for what is
    tokenised, what is removed and why.
    """
    from clearlane.config import get_settings
    from clearlane.share.export import ExportError, export_declarations
    from clearlane.share.pseudonymise import DEFAULT_ATTRIBUTES, load_key
    from clearlane.store.session import StoreError, open_store

    if pseudonymise == plain:
        raise fail(
            "say how to export: --pseudonymise (trader identifiers replaced by keyed tokens, "
            "personal data removed) or --plain (as stored: the data contain personal data "
            "and trader identifiers; only for use inside the administration)"
        )
    if plain and key_file is not None:
        raise fail("--key-file is for --pseudonymise; a --plain export uses no key")
    first, last = _date_option(since, "--since"), _date_option(until, "--until")
    try:
        key = (
            load_key(key_file=key_file, configured=get_settings().pseudonymisation_key)
            if pseudonymise
            else None
        )
        with _bar("[bold]export", MofNCompleteColumn()) as progress:
            task = progress.add_task("export", total=None)
            with open_store()() as session:
                summary = export_declarations(
                    session,
                    actor="cli",
                    out_dir=out,
                    key=key,
                    pseudonymise=pseudonymise,
                    since=first,
                    until=last,
                    keep_attributes={*DEFAULT_ATTRIBUTES, *(keep_attribute or ())},
                    progress=lambda done, total: progress.update(task, completed=done, total=total),
                )
    except (ExportError, StoreError) as exc:
        raise fail(str(exc)) from exc
    what = "pseudonymised" if summary.pseudonymised else "[bold yellow]plain (personal data)[/]"
    console.print(f"wrote a {what} export to {escape(str(out))}")
    table = Table("", "in the store", "written")
    table.add_row(
        "declarations (latest versions)",
        f"{summary.declarations_selected:,}",
        f"{summary.declarations_written:,}",
    )
    table.add_row("goods items", "", f"{summary.goods_items_written:,}")
    table.add_row(
        "control results", f"{summary.controls_selected:,}", f"{summary.controls_written:,}"
    )
    console.print(table)
    if summary.first_date is not None:
        console.print(f"declaration dates {summary.first_date} to {summary.last_date}")
    if summary.controls_not_exported:
        console.print(
            f"control results not exported: {summary.controls_not_exported:,} "
            "(their declaration is outside the period or not in the store)"
        )
    if summary.pseudonymised:
        console.print(f"key fingerprint {summary.key_fingerprint}")
        removed = {
            **summary.removed,
            **{f"attributes.{k}": n for k, n in summary.attributes_removed.items()},
        }
        if removed:
            listed = ", ".join(f"{name} {n:,}" for name, n in sorted(removed.items()))
            console.print(f"values removed: {listed}")


_LISTED = re.compile(r"^\s*([-*•]|\d+[.)]|[a-z][.)])\s")


def reflow(text: str | None) -> str | None:
    """Docstring help as paragraphs: the source's hard line breaks inside a paragraph joined,
    so the terminal wraps it (Typer's rich mode keeps them: 'lanes under' / 'capacity.' on
    two lines of the command list). A paragraph with list items or indented lines, or one
    Click's ``\\b`` marks, keeps its lines."""
    if not text:
        return text
    paragraphs = inspect.cleandoc(text).split("\n\n")
    out = []
    for paragraph in paragraphs:
        lines = paragraph.split("\n")
        keep = paragraph.startswith("\b") or any(
            _LISTED.match(line) or line.startswith(" ") for line in lines[1:]
        )
        out.append(paragraph if keep else " ".join(line.strip() for line in lines))
    return "\n\n".join(out)


# one command (it was a group without sub-commands: its usage line promised a COMMAND)
app.command("simulate")(_simulate)

# One or two command lines a new user can copy, shown under each command's --help
# (tests/cli/test_walkthrough.py checks that every command has one).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "ingest": (
        "clearlane ingest data/declarations.jsonl --report ingest.json",
        "clearlane ingest --kind controls data/controls.jsonl",
    ),
    "generate": ("clearlane generate --out data --declarations 2000 --days 90 --seed 7",),
    "train": ("clearlane train", "clearlane train --schedule   # from cron or a systemd timer"),
    "score": (
        "clearlane score --out scores.csv",
        "clearlane score --day 2025-03-01 --red 0.03 --yellow 0.07",
        "clearlane score --data new.jsonl --no-record --out scores.csv",
    ),
    "evaluate": ("clearlane evaluate --report reports/evaluation",),
    "fairness": (
        "clearlane fairness --by origin --out reports/fairness",
        "clearlane fairness --data data/declarations.jsonl --controls data/controls.jsonl",
    ),
    "demo": ("clearlane demo --no-serve",),
    "kpis": ("clearlane kpis --since 2025-01-01 --until 2025-03-31 --office NL000102 --json",),
    "serve": ("clearlane serve --host 0.0.0.0 --port 8000 --workers 2",),
    "export": (
        "clearlane export --pseudonymise --key-file share.key --out share/2025-q1 "
        "--since 2025-01-01 --until 2025-03-31",
    ),
    "simulate": (
        "clearlane simulate --data data/declarations.jsonl --truth data/ground_truth.csv "
        "--capacity 0.05 --report reports/simulation",
    ),
    "audit verify": (
        "clearlane audit verify",
        "clearlane audit verify --head HASH   # a head published earlier",
    ),
    "audit head": ("clearlane audit head",),
    "audit show": (
        "clearlane audit show --subject declaration:25NL101000000799I1",
        "clearlane audit show --kind decision --limit 50 --json",
    ),
    "user add": (
        "clearlane user add alice --role analyst --full-name 'Alice Jansen'",
        "clearlane user add broker1 --role trader --organisation NL123456789",
    ),
    "user list": ("clearlane user list",),
    "user password": ("clearlane user password alice",),
    "user disable": ("clearlane user disable alice",),
    "user enable": ("clearlane user enable alice",),
    "db upgrade": ("clearlane db upgrade",),
    "db current": ("clearlane db current",),
    "profiles check": ("clearlane profiles check profiles.yaml",),
    "profiles import": ("clearlane profiles import profiles.yaml --by alice --note 'Q2 review'",),
    "profiles list": ("clearlane profiles list",),
    "profiles retire": (
        "clearlane profiles retire CL-UV-02 --note 'superseded by CL-UV-01' --by alice",
    ),
    "quarantine list": ("clearlane quarantine list --reason missing_field --limit 20",),
    "link parties": (
        "clearlane link parties --left register.csv --right sanctions.csv --out matches.csv",
    ),
    "link run": ("clearlane link run",),
    "link manifests": ("clearlane link manifests data/manifests.jsonl",),
    "link discrepancies": ("clearlane link discrepancies --out discrepancies.csv",),
    "documents extract": ("clearlane documents extract invoice.pdf --json",),
    "documents generate": ("clearlane documents generate --out docs --count 20",),
    "documents sweep": (
        "clearlane documents sweep  # files no document names, older than 60 minutes",
        "clearlane documents sweep --older-than 180",
    ),
    "documents crosscheck": (
        "clearlane documents crosscheck docs/0001-25NL103000000001I3.pdf "
        "--declarations docs/declarations.jsonl",
    ),
    "hs suggest": (
        'clearlane hs suggest "frozen shrimps, peeled"',
        "clearlane hs suggest --in items.csv --out suggestions.csv --top 3",
    ),
    "hs check": ("clearlane hs check --in items.csv --out checked.csv",),
}


def _epilog(path: str) -> str | None:
    lines = EXAMPLES.get(path)
    if not lines:
        return None
    # \b: Click keeps these lines as they are (no rewrapping of a command line)
    return (
        "\b\nExample"
        + ("s" if len(lines) > 1 else "")
        + ":\n"
        + "\n".join(f"  {escape(line)}" for line in lines)
    )


def _reflow_all(group: typer.Typer, prefix: str = "") -> None:
    """:func:`reflow` the help of every command and group under ``group`` and give each
    command its examples (once, at import)."""
    group.info.help = reflow(group.info.help) if isinstance(group.info.help, str) else None
    for command in group.registered_commands:
        command.help = reflow(command.help or inspect.getdoc(command.callback))
        name = command.name or (command.callback.__name__ if command.callback else "")
        command.epilog = command.epilog or _epilog(f"{prefix}{name}".replace("_", "-"))
    for sub in group.registered_groups:
        if sub.typer_instance is not None:
            _reflow_all(sub.typer_instance, f"{prefix}{sub.name} ")
        if isinstance(sub.help, str):
            sub.help = reflow(sub.help)


_reflow_all(app)

if __name__ == "__main__":  # pragma: no cover
    app()
