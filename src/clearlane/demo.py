"""`clearlane demo`: the main job end to end on the embedded SQLite store.

Generates a synthetic year of declarations with planted fraud, ingests it together with a file
of deliberately bad records, and prints the reconciliation and a summary; trains, scores and
routes the last day, attaches invoices, and links traders and transport documents (manifests
with planted party variants and discrepancies).
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.ingest.pipeline import IngestReport, ingest_file, store_counts
from clearlane.store.tables import ControlResultRow, QuarantineRow


def bad_examples(good: dict[str, Any]) -> list[tuple[str, dict[str, Any] | str]]:
    """One record for each kind of bad input, derived from a good record (for the demo)."""

    def variant(suffix: str, **changes: Any) -> dict[str, Any]:
        record = copy.deepcopy(good)
        record["reference"] = f"{good['reference']}-{suffix}"
        for key, value in changes.items():
            if key.startswith("item_"):
                record["items"][0][key[5:]] = value
            else:
                record[key] = value
        return record

    return [
        ("unknown origin country", variant("BAD1", item_origin_country="XX")),
        ("unknown currency", variant("BAD2", invoice_currency="DOLLARS")),
        ("HS code not in the edition in force", variant("BAD3", item_hs_code="999999")),
        ("container check digit", variant("BAD4", containers=["CSQU3054384"])),
        ("negative mass", variant("BAD5", item_net_mass_kg=-12.0)),
        ("net mass above gross", variant("BAD6", item_net_mass_kg=1e6, item_gross_mass_kg=10.0)),
        ("impossible date", variant("BAD7", declaration_date="2025-02-30")),
        ("wrong type", variant("BAD8", item_quantity="a lot")),
        ("truncated JSON", json.dumps(variant("BAD9"))[:60]),
    ]


def write_bad_file(path: Path, good: dict[str, Any]) -> int:
    lines = []
    for _, record in bad_examples(good):
        lines.append(record if isinstance(record, str) else json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def _print_report(console: Console, name: str, report: IngestReport) -> None:
    mark = "[green]✓[/]" if report.reconciles else "[red]✗[/]"
    summary = report.summary()
    if report.unchanged or report.amended:  # a second `make demo`: say none was stored twice
        summary += (
            f" (new {report.new}, amended {report.amended}, already stored {report.unchanged})"
        )
    console.print(f"  {mark} {name}: {summary}  ({report.seconds:.1f} s)")
    if report.reasons:
        top = ", ".join(f"{code} {n}" for code, n in report.reasons.most_common(8))
        console.print(f"      quarantine reasons: {top}")


def history_and_last_day(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, Any]:
    """The store's items frame split into the history and its last day, the day the demo
    scores; that day has not been controlled yet, so its labels are unknown to the engine."""
    dates = frame["declaration_date"].dt.normalize()
    today = dates.max()
    history, fresh = frame[dates < today], frame[dates == today].copy()
    fresh[["controlled", "fraud", "critical", "extra_duty"]] = [0, np.nan, np.nan, np.nan]
    fresh["selection_reason"] = None
    return history, fresh, today


def run_demo(
    *,
    console: Console,
    data_dir: Path,
    session_factory: sessionmaker[Session],
    declarations: int = 20_000,
    seed: int = 42,
    facts: bool = True,
    train_facts: bool = True,
) -> dict[str, Any]:
    """The demo's steps 1-8 (module docstring); ``facts``: gather the scored day's facts
    (HS check of every goods item...) before scoring it, as a submission does;
    ``train_facts``: gather the history's facts (as known when each declaration was assessed)
    before training on it, as `clearlane train` does."""
    from clearlane.generate import generate_dataset

    out = data_dir / "demo-data"
    console.rule("[bold]1. Generate")
    summary = generate_dataset(declarations=declarations, seed=seed, out_dir=out)
    console.print(
        f"  {declarations:,} synthetic declarations with planted fraud in {escape(str(out))}"
    )

    console.rule("[bold]2. Ingest")
    reports = {
        "declarations.csv": ingest_file(out / "declarations.csv", session_factory=session_factory),
        "controls.jsonl": ingest_file(
            out / "controls.jsonl", kind="controls", session_factory=session_factory
        ),
    }
    first = json.loads((out / "declarations.jsonl").open().readline())
    bad = out / "bad_records.jsonl"
    write_bad_file(bad, first)
    reports["bad_records.jsonl"] = ingest_file(bad, session_factory=session_factory)
    for name, report in reports.items():
        _print_report(console, name, report)

    console.rule("[bold]3. Store")
    counts = store_counts(session_factory)
    with session_factory() as session:
        by_outcome = dict(
            session.execute(
                select(ControlResultRow.outcome, func.count()).group_by(ControlResultRow.outcome)
            ).all()
        )
        by_reason = dict(
            session.execute(
                select(ControlResultRow.selection_reason, func.count()).group_by(
                    ControlResultRow.selection_reason
                )
            ).all()
        )
        quarantined = session.scalar(select(func.count()).select_from(QuarantineRow)) or 0
    table = Table("what", "count", title="store")
    for key, value in counts.items():
        table.add_row(key, f"{value:,}")
    controlled = sum(by_outcome.values())
    hits = by_outcome.get("non_compliant", 0)
    table.add_row("controlled declarations", f"{controlled:,}")
    table.add_row("  of which random controls", f"{by_reason.get('random', 0):,}")
    table.add_row("hit rate of controls", f"{hits / controlled:.1%}" if controlled else "n/a")
    console.print(table)
    console.print(
        f"  quarantine: {quarantined} record(s); see them with `clearlane quarantine list`"
    )
    console.rule("[bold]4. Train")
    from clearlane.risk.profile_store import active_profiles, save_profiles
    from clearlane.risk.profiles import load_default_profiles
    from clearlane.store.frames import load_items_frame
    from clearlane.workflows import (
        ENGINE_NAME,
        default_registry,
        lane_summary,
        load_champion,
        score_and_route,
        train_and_register,
    )

    if active_profiles(session_factory=session_factory) is None:
        save_profiles(
            load_default_profiles(),
            changed_by="demo",
            note="starter profiles",
            session_factory=session_factory,
        )
    profiles = active_profiles(session_factory=session_factory)
    frame = load_items_frame(session_factory=session_factory)
    history, fresh, today = history_and_last_day(frame)
    from clearlane.features.facts import BatchFacts, batch_facts
    from clearlane.learn.evaluate import AT_CAPACITY

    learned = BatchFacts(skipped=True)
    registry = default_registry(data_dir)
    marker = data_dir / TRAINED_MARKER
    # The history as stored (before its facts: documents and links stored by a run's later
    # steps must not make the next run train again) and whether training gathers facts.
    version = getattr(profiles, "version", None)
    fingerprint = history_fingerprint(history, f"{version}|facts" if train_facts else version)
    outcome = None
    kept = _trained_on(marker, fingerprint)
    if kept is not None and (champion := registry.champion(ENGINE_NAME)) and champion.id == kept:
        console.print(
            f"  the champion {kept} was trained on this same history and profiles: kept "
            "(`clearlane train` trains a new version)"
        )
    else:
        if train_facts:
            with console.status("gathering the history's facts: HS check") as st:
                history, learned = batch_facts(
                    history,
                    session_factory,
                    as_assessed=True,
                    progress=lambda done, total: st.update(
                        f"gathering the history's facts: HS check ({done:,}/{total:,})"
                    ),
                )
        console.print(f"  training facts: {learned.summary()}")
        with console.status("training on the history, evaluating on its last weeks") as status:
            outcome = train_and_register(
                history,
                registry=registry,
                profiles=profiles,
                created_by="demo",
                progress=lambda msg: status.update(msg),
                audit=session_factory,
            )
        comparison = outcome.comparison
        console.print(
            f"  trained on {comparison.extras['train_period']}; "
            f"held out {comparison.extras['test_period']}"
        )
        print_metrics(console, comparison.tables["all rows"], "held-out period (temporal split)")
        print_at_capacity(console, comparison.tables.get(AT_CAPACITY))
        if outcome.fallback is not None:
            console.print(
                f"  registered {outcome.fallback.id}: the rules + anomaly fallback champion, "
                "which the trained engine must beat on the held-out days"
            )
        verdict = (
            "champion" if outcome.decision.promoted else f"not promoted: {outcome.decision.reason}"
        )
        console.print(f"  registered {outcome.version.id} ({verdict})")
        # The champion after this training (the trained engine, or the fallback that it did
        # not beat): a rerun on the same history keeps it and trains nothing.
        serving = registry.champion(ENGINE_NAME)
        marker.write_text(
            json.dumps({"history": fingerprint, "version": serving.id if serving else None}),
            encoding="utf-8",
        )
    # Only the champion assesses: it is the model the server loads, so every stored assessment
    # can be explained (and its counterfactual computed) by the engine in service.
    engine, champion_version = load_champion(registry)
    if outcome is not None and not outcome.decision.promoted:
        console.print(f"  scoring with the champion {champion_version.id}")

    console.rule(f"[bold]5. Score and route {today:%Y-%m-%d}")
    gathered = BatchFacts(skipped=True)
    if facts:
        with console.status("gathering facts: HS check of the goods descriptions") as status:
            fresh, gathered = batch_facts(
                fresh,
                session_factory,
                progress=lambda done, total: status.update(
                    f"gathering facts: HS check of the goods descriptions ({done:,}/{total:,})"
                ),
            )
    console.print(f"  {gathered.summary()}")
    routed = score_and_route(fresh, engine=engine, profiles=profiles)
    table = Table("lane / selection reason", "declarations", title="the day's lanes")
    for key, n in lane_summary(routed).items():
        table.add_row(key, str(n))
    console.print(table)
    queue = Table("reference", "office", "score", "lane", "reason", "profiles hit", title="top 8")
    for row in routed.head(8).itertuples():
        queue.add_row(
            str(row.reference),
            str(row.office),
            f"{row.score:.3f}",
            str(row.lane),
            str(row.selection_reason or ""),
            str(row.profiles_hit or ""),
        )
    console.print(queue)

    console.rule("[bold]6. Audit trail")
    from clearlane.audit import verify
    from clearlane.oversight import record_assessments

    with session_factory() as session, session.begin():
        new = routed[~_assessed_by(session, routed, champion_version.id)]
        record_assessments(session, routed=new, actor=f"engine:{champion_version.id}")
    with session_factory() as session:
        chain = verify(session)
    console.print(f"  {len(new):,} assessments stored with their reasons and lanes")
    if len(new) < len(routed):
        console.print(
            f"  {len(routed) - len(new):,} declaration(s) already assessed by "
            f"{champion_version.id}: not stored twice"
        )
    console.print(f"  audit trail: {chain.summary()}")
    console.rule("[bold]7. Documents")
    from clearlane.documents.service import attach_demo_invoices

    statuses = attach_demo_invoices(
        session_factory, out, list(routed["reference"].head(6)), data_dir / "files", seed=seed
    )
    console.print(f"  {len(statuses)} invoices attached to the top declarations and read: "
                  f"{statuses.count('done')} done (see their Documents card)")  # fmt: skip
    linking = _link_step(console, out, session_factory, seed)
    importers = fresh["importer_id"].dropna().astype(str)
    return {
        "linking": linking,
        "trader_organisation": importers.value_counts().index[0] if len(importers) else None,
        "generation": summary,
        "reports": reports,
        "counts": counts,
        "train": outcome,
        "champion": champion_version.id,
        "routed": routed,
        "stored": len(new),
        "facts": gathered,
        "train_facts": learned,
    }


TRAINED_MARKER = "demo-trained.json"


def _link_step(
    console: Console, out: Path, session_factory: sessionmaker[Session], seed: int
) -> Any:
    """8. Link: manifests (DCSA eBL JSON and CSV, planted discrepancies), `link run`, and the
    discrepancies found against those planted (docs/linking.md)."""
    from clearlane.link.generated import link_generated

    console.rule("[bold]8. Link traders and transport documents")
    with console.status("manifests, document links, trader register"):
        outcome = link_generated(out, session_factory, seed=seed)
    for report in outcome.reports:
        mark = "[green]✓[/]" if report.balanced else "[red]✗[/]"
        console.print(
            f"  {mark} {Path(report.source).name}: {report.received} received = "
            f"{report.stored_new} new + {report.stored_unchanged} unchanged + "
            f"{report.quarantined} quarantined"
            + (f" ({', '.join(f'{k} {n}' for k, n in report.reasons.items())})"
               if report.reasons else "")
        )  # fmt: skip
    register = outcome.register
    console.print(
        f"  {outcome.documents.linked:,} declarations newly linked to their transport document "
        f"({outcome.links:,} linked in all); register: {register.records_added:,} new "
        f"spellings, {register.clusters_created:,} new traders, {outcome.clusters:,} traders"
    )
    score = outcome.score
    table = Table("planted", "documents", "flagged", title="manifest discrepancies")
    for code in sorted(score.planted):
        table.add_row(code, str(score.planted[code]), str(score.found.get(code, 0)))
    table.add_row("quantity fraud (generator)", str(score.quantity_fraud),
                  str(score.quantity_found))  # fmt: skip
    console.print(table)
    recall = f"{score.recall:.1%}" if score.recall is not None else "n/a"
    console.print(
        f"  {outcome.discrepancies:,} discrepancies; planted found: {recall}; "
        f"false alarms: {score.false_alarm_count}"
        + (f" ({score.false_alarms})" if score.false_alarms else "")
        + f"  ({outcome.seconds:.1f} s, CPU {outcome.cpu_seconds:.1f} s)"
    )
    return outcome


def history_fingerprint(history: pd.DataFrame, profile_version: str | None) -> str:
    """SHA-256 of the training history and the profile version: a rerun of the demo on the
    same store trains nothing new."""
    digest = hashlib.sha256(str(profile_version).encode())
    columns = sorted(history.columns)
    digest.update(",".join(columns).encode())
    frame = history[columns]
    # Times in UTC read as they were before the frame's completed_at carried its UTC offset
    # (frames.label_of): a demo store trained before keeps its champion.
    aware = [c for c in columns if isinstance(frame[c].dtype, pd.DatetimeTZDtype)]
    if aware:
        frame = frame.assign(**{c: frame[c].dt.tz_convert("UTC").dt.tz_localize(None)
                                for c in aware})  # fmt: skip
    hashed = pd.util.hash_pandas_object(frame.astype(str), index=False)
    digest.update(hashed.to_numpy().tobytes())
    return digest.hexdigest()


def _trained_on(marker: Path, fingerprint: str) -> str | None:
    """The model version the demo trained on this history before, if the marker says so."""
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and data.get("history") == fingerprint:
        version = data.get("version")
        return version if isinstance(version, str) else None
    return None


def _assessed_by(session: Session, routed: pd.DataFrame, model_version: str) -> pd.Series:
    """Per row of ``routed``: is (reference, version) already assessed by ``model_version``?"""
    from clearlane.store.tables import AssessmentRow

    keys: set[tuple[str, int]] = set(
        session.execute(
            select(AssessmentRow.reference, AssessmentRow.version).where(
                AssessmentRow.model_version == model_version,
                AssessmentRow.reference.in_(routed["reference"].astype(str).unique().tolist()),
            )
        ).all()
    )
    return pd.Series(
        [
            (str(r), int(v)) in keys
            for r, v in zip(routed["reference"], routed["version"], strict=True)
        ],
        index=routed.index,
        dtype=bool,
    )


DEMO_PASSWORD_SUFFIX = "-demo-2026"  # demo only: printed on screen, never use in production


def ensure_demo_users(
    session_factory: sessionmaker[Session], *, organisation: str | None
) -> list[tuple[str, str, str, str | None]]:
    """One user per role (created once); returns (username, password, role, organisation).

    The trader acts for ``organisation``, an importer with declarations on the scored day.
    """
    from clearlane.store.tables import UserRow
    from clearlane.users import Role, create_user

    out = []
    with session_factory() as session, session.begin():
        existing = set(session.scalars(select(UserRow.username)))
        for role in Role:
            username = f"demo-{role.value}"
            password = f"{role.value}{DEMO_PASSWORD_SUFFIX}"
            org = organisation if role == Role.TRADER else None
            if username not in existing:
                create_user(
                    session,
                    username=username,
                    password=password,
                    role=role,
                    organisation=org or ("DEMO-TRADER" if role == Role.TRADER else None),
                    full_name=f"Demo {role.value}",
                    created_by="demo",
                )
            else:
                org = session.scalar(
                    select(UserRow.organisation).where(UserRow.username == username)
                )
            out.append((username, password, role.value, org))
    return out


def print_sign_ins(
    console: Console, users: list[tuple[str, str, str, str | None]], url: str
) -> None:
    table = Table("role", "username", "password", "organisation", title=f"sign in at {url}")
    for username, password, role, org in users:
        table.add_row(role, username, password, org or "")
    console.print(table)
    console.print("  [yellow]demo passwords are printed here: never reuse them on a real system[/]")


def print_at_capacity(console: Console, table: pd.DataFrame | None) -> None:
    """The engine minus logistic regression and the rules at each capacity, paired, with the
    95 % day-bootstrap interval (``clearlane.learn.evaluate.capacity_comparison``): whether a
    difference in precision@k is a ranking or one finding at a small cut."""
    if table is None or table.empty:
        return
    out = Table(
        "engine minus",
        "capacity",
        "at the cut",
        "engine",
        "baseline",
        "difference [95 %]",
        "verdict",
        title="precision at capacity, engine minus baselines (paired; 95 % day bootstrap)",
        title_justify="left",
    )
    for name, row in table.iterrows():
        versus = str(name).removeprefix("vs ").rsplit(" @", 1)[0]
        out.add_row(
            versus,
            f"{row['k']:.0%}",
            f"{int(row['cut'])}",
            f"{row['engine']:.3f}",
            f"{row['baseline']:.3f}",
            f"{row['difference']:+.3f} [{row['low']:+.3f}, {row['high']:+.3f}]",
            str(row["verdict"]),
        )
    Console(file=console.file, width=max(console.width, 120)).print(out)


def print_metrics(console: Console, table: pd.DataFrame, title: str) -> None:
    columns = {
        "precision@1%": "p@1%",
        "precision@5%": "p@5%",
        "recall@5%": "recall@5%",
        "revenue@5%": "revenue@5%",
        "precision@10%": "p@10%",
        "roc_auc": "ROC-AUC",
        "pr_auc": "PR-AUC",
    }
    shown = [c for c in columns if c in table.columns]
    out = Table("method", *(columns[c] for c in shown), title=title, title_justify="left")
    for name, row in table.iterrows():
        out.add_row(str(name), *(f"{row[c]:.3f}" if row[c] == row[c] else "-" for c in shown))
    Console(width=max(console.width, 120)).print(out)
