"""``clearlane simulate``: replay a labelled history under three selection policies."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from clearlane.core.paths import input_problem, output_dir_problem
from clearlane.terminal import err_console, fail

console = Console(width=150)  # the policy names are long: no folding in pipes


def simulate(
    data: Annotated[
        list[Path],
        typer.Option(
            "--data", help="Labelled history (repeat to concatenate files, e.g. KCS 2020 + 2021)."
        ),
    ],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="Input format.")] = None,
    truth: Annotated[
        Path | None,
        typer.Option(
            help="Generated data: label every declaration from this ground_truth.csv "
            "(is_fraud, duty_evaded) instead of the control results."
        ),
    ] = None,
    capacity: Annotated[
        float, typer.Option(min=0.001, max=1, help="Share of each week inspected.")
    ] = 0.05,
    share: Annotated[
        float, typer.Option(min=0, max=1, help="Random / exploration share of the capacity.")
    ] = 0.10,
    warmup_weeks: Annotated[
        int, typer.Option(min=1, help="Weeks inspected at random before any model.")
    ] = 4,
    retrain_every: Annotated[int, typer.Option(min=1, help="Retrain every N weeks.")] = 2,
    rank_by: Annotated[
        str, typer.Option(help="Exploitation order: score or expected_revenue.")
    ] = "score",
    seed: Annotated[int, typer.Option(help="Seed of every draw and model.")] = 0,
    report: Annotated[
        Path | None,
        typer.Option(help="Write simulation.json and simulation.html into this directory."),
    ] = None,
) -> None:
    """Replay a labelled history week by week: exploitation vs random vs exploration.

    Replays the history under pure exploitation, exploitation + a uniform random share and
    exploitation + uncertainty/novelty exploration; print precision, share of frauds found and
    revenue per policy (see docs/risk-engine.md, "Simulation")."""
    import json

    import pandas as pd

    from clearlane.ingest.parse import read_frame
    from clearlane.ingest.readers import FileRejected
    from clearlane.learn.simulate import (
        SimPolicy,
        simulate,
        with_ground_truth,
        write_simulation_report,
    )

    if rank_by not in ("score", "expected_revenue"):  # before reading: a typo should not wait
        raise fail(f"--rank-by {rank_by!r} is not one of score, expected_revenue")
    if report is not None and (problem := output_dir_problem(report)):
        raise fail(f"--report {report}: {problem}")
    frames = []
    for path in data:
        if problem := input_problem(path):
            raise fail(f"{path}: {problem}")
        try:
            with err_console.status(f"reading {path.name}"):
                frames.append(read_frame(path, fmt))
        except (FileRejected, ValueError) as exc:
            raise fail(getattr(exc, "message", str(exc))) from exc
    frame = pd.concat(frames, ignore_index=True)
    if truth is not None:
        if problem := input_problem(truth):
            raise fail(f"{truth}: {problem}")
        try:
            frame = with_ground_truth(frame, pd.read_csv(truth, dtype={"reference": str}))
        except ValueError as exc:
            raise fail(f"{truth}: {exc}") from exc
    policies = (
        SimPolicy("exploitation"),
        SimPolicy(f"exploitation + {share:.0%} random", random_share=share),
        SimPolicy(f"exploitation + {share:.0%} exploration", exploration_share=share),
    )
    try:
        with err_console.status("simulating") as status:
            result = simulate(
                frame,
                capacity=capacity,
                policies=policies,
                warmup_weeks=warmup_weeks,
                retrain_every=retrain_every,
                rank_by=rank_by,
                seed=seed,
                progress=lambda msg: status.update(msg),
            )
    except ValueError as exc:
        hint = ""
        if truth is None and "no labelled row" in str(exc):
            hint = " (generated data: label it with --truth ground_truth.csv)"
        raise fail(f"{exc}{hint}") from exc
    settings = result.settings
    table = Table(
        "policy",
        "inspected",
        "precision",
        "frauds found",
        "revenue share",
        "revenue vs oracle",
        "revenue vs best policy",
        title=(
            f"{settings['declarations']:,} declarations, {settings['weeks']} weeks "
            f"({settings['period']}), capacity {capacity:.0%}, fraud rate "
            f"{settings['fraud_rate']:.1%}; after {warmup_weeks} warm-up weeks"
        ),
    )
    for policy, row in result.summary.iterrows():
        table.add_row(
            str(policy),
            f"{int(row['inspected']):,}",
            f"{row['precision']:.3f}",
            f"{row['fraud_found']:.3f}",
            f"{row['revenue_share']:.3f}",
            f"{row['revenue_vs_oracle']:.3f}",
            f"{row['revenue_vs_best_policy']:.3f}",
        )
    console.print(table)
    if report is not None:
        json_path, html_path = write_simulation_report(result, report)
        console.print(f"wrote {escape(str(json_path))} and {escape(str(html_path))}")
    else:
        console.print_json(json.dumps(result.to_dict()["summary"], default=str))
